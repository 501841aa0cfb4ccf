package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte for byte the native CLI's answers (target/debug/icp-validate): batch over the vectors and
 * the baseline corpus (plus lines that are not requests), every sample filing in both locales and
 * with each provider, APP files read by the round protocol, and the exit statuses.
 */
class NativeParityTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static IcpValidator icp;

    @BeforeAll
    static void load() {
        icp = new IcpValidator();
    }

    @AfterAll
    static void close() {
        icp.close();
    }

    /** The vectors and the baseline corpus as batch lines, and lines the CLI answers with input.malformed. */
    static byte[] batchInput() throws Exception {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        for (VectorsTest.Vector v : VectorsTest.all()) {
            in.write(Corpus.utf8(v.requestLine() + "\n"));
        }
        for (String line : Corpus.lines("tests/baseline/fields.jsonl")) {
            in.write(Corpus.utf8(line + "\n"));
        }
        in.write(Corpus.utf8("not json\n\n[1,2]\n{\"field\":\"mobile\"}\r\n{\"field\":\"mobile\",\"value\":\"13800138000\"}\r\n"));
        in.write(new byte[] {'{', '"', (byte) 0xff, '"', '}', '\n'});
        in.write(Corpus.utf8("{\"field\":\"domain\",\"value\":\"example.cn\",\"context\":\"no\"}\n"));
        in.write(Corpus.utf8("{\"field\":\"domain\",\"value\":\"例子.中国\"}")); // no final newline
        return in.toByteArray();
    }

    @Test
    void batchIsTheNativeOutput() throws Exception {
        byte[] input = batchInput();
        for (String locale : List.of("en", "zh-CN")) {
            Corpus.Run want = Corpus.runNative(input, "batch", "--today", TODAY.toString(), "--locale", locale);
            boolean[] allValid = new boolean[1];
            String got = Corpus.stream(icp, input, Options.locale(locale).withToday(TODAY), allValid);
            assertTrue(want.stdout().length > 100_000, "native batch answered " + want.stdout().length + " bytes");
            assertEquals(want.text(), got, "batch --locale " + locale);
            assertEquals(want.status(), allValid[0] ? 0 : 1, "batch exit status");
        }
    }

    @Test
    void validateFieldIsTheNativeBatchLine() throws Exception {
        List<VectorsTest.Vector> vectors = VectorsTest.all();
        StringBuilder in = new StringBuilder();
        vectors.forEach(v -> in.append(v.requestLine()).append('\n'));
        String[] want = Corpus.runNative(Corpus.utf8(in.toString()), "batch", "--locale", "en").text().split("(?<=\n)");
        assertEquals(vectors.size(), want.length);
        for (int i = 0; i < want.length; i++) {
            VectorsTest.Vector v = vectors.get(i);
            assertEquals(want[i], icp.validateField(v.field(), v.value(), Context.of(v.context()), Options.locale("en")).json(),
                    v.file() + "[" + v.index() + "]");
        }
    }

    @Test
    void batchOfValidLinesExitsZero() {
        String lines = "{\"field\":\"mobile\",\"value\":\"13800138000\"}\n{\"field\":\"domain\",\"value\":\"example.cn\"}\n";
        Corpus.Run want = Corpus.runNative(Corpus.utf8(lines), "batch", "--locale", "en");
        BatchResult got = icp.batch(lines, Options.locale("en"));
        assertEquals(0, want.status());
        assertTrue(got.allValid());
        assertEquals(want.text(), got.output());
        assertEquals(2, got.results().size());
    }

    static List<Path> sampleFilings() {
        List<Path> all = new ArrayList<>(Corpus.jsonFiles("tests/filings"));
        all.addAll(Corpus.jsonFiles("examples/filings"));
        assertTrue(all.size() >= 30, "sample filings: " + all.size());
        return all;
    }

    @Test
    void everySampleFilingIsTheNativeReport() throws Exception {
        for (Path filing : sampleFilings()) {
            byte[] json = Files.readAllBytes(filing);
            for (String locale : List.of("en", "zh-CN")) {
                Corpus.Run want = Corpus.runNative(json, "filing", "-", "--today", TODAY.toString(), "--locale", locale);
                FilingReport got = icp.validateFiling(json, Options.locale(locale).withToday(TODAY));
                assertEquals(want.text(), got.json(), filing.getFileName() + " " + locale);
                assertEquals(want.status(), got.valid() ? 0 : 1, filing.getFileName() + " exit status");
            }
        }
    }

    @Test
    void providerOverrideAndMalformedFilingsAreTheNativeReport() throws Exception {
        byte[] website = Files.readAllBytes(Corpus.root().resolve("examples/filings/website.json"));
        for (String provider : List.of("nwcd", "sinnet", "aliyun", "generic")) {
            Corpus.Run want = Corpus.runNative(website, "filing", "-", "--today", TODAY.toString(), "--locale", "en", "--provider", provider);
            assertEquals(want.text(), icp.validateFiling(website, Options.locale("en").withToday(TODAY).withProvider(provider)).json(), provider);
        }
        for (byte[] bad : List.of(Corpus.utf8("[]"), Corpus.utf8("{"), new byte[] {(byte) 0xc3}, new byte[0], Corpus.utf8("{\"kind\":\"website\"}"))) {
            Corpus.Run want = Corpus.runNative(bad, "filing", "-", "--today", TODAY.toString(), "--locale", "en");
            FilingReport got = icp.validateFiling(bad, Options.locale("en").withToday(TODAY));
            assertEquals(want.text(), got.json());
            assertEquals(want.status(), got.valid() ? 0 : 1);
        }
    }

    @Test
    void appFilesAreTheNativeAppInfo(@TempDir Path dir) throws Exception {
        // A certificate made by the JDK's keytool, and a zip (not a signed APK) the reader walks by ranges.
        Path store = dir.resolve("k.p12"), cert = dir.resolve("app.cer"), pem = dir.resolve("app.pem"), zip = dir.resolve("app.apk");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "app", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=Example App, O=Example, C=CN", "-validity", "3650");
        run(keytool, "-exportcert", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "app", "-file", cert.toString());
        run(keytool, "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "app", "-file", pem.toString());
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new java.util.zip.ZipEntry("AndroidManifest.xml"));
            z.write(new byte[4096]);
            z.putNextEntry(new java.util.zip.ZipEntry("assets/big.bin"));
            byte[] noise = new byte[3 << 20];
            new java.util.Random(7).nextBytes(noise); // incompressible: the file stays 3 MB
            z.write(noise);
            z.putNextEntry(new java.util.zip.ZipEntry("META-INF/CERT.RSA"));
            z.write(Files.readAllBytes(cert));
        }
        for (Path file : List.of(cert, pem, zip)) {
            for (String locale : List.of("en", "zh-CN")) {
                Corpus.Run want = Corpus.runNative(new byte[0], "app-info", file.toString(), "--today", TODAY.toString(), "--locale", locale);
                Options options = Options.locale(locale).withToday(TODAY);
                AppFileInfo fromPath = icp.readAppFile(file, options);
                assertEquals(want.text(), fromPath.json(), file.getFileName() + " " + locale);
                assertEquals(want.status(), fromPath.valid() ? 0 : 1);
                assertEquals(want.text(), icp.readAppFile(Files.readAllBytes(file), options).json());
                try (var in = Files.newInputStream(file)) {
                    assertEquals(want.text(), icp.readAppFile(in, options).json());
                }
            }
        }
        Map<String, Object> info = icp.readAppFile(zip, Options.locale("en").withToday(TODAY)).info();
        assertTrue(((Number) info.get("bytes_read")).longValue() < Files.size(zip), "the zip was read whole: " + info.get("bytes_read"));
    }

    @Test
    void attachmentsAreTheNativeAnswer(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("photo.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(600, 800, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Path text = dir.resolve("form.txt");
        Files.writeString(text, "not an image");
        for (String kind : List.of("verification_photo", "entity_certificate", "app_icon", "other")) {
            for (Path file : List.of(png, text)) {
                Corpus.Run want = Corpus.runNative(new byte[0], "attachment", kind, file.toString(), "--locale", "en");
                AttachmentResult got = icp.checkAttachment(kind, file, Context.empty(), Options.locale("en"));
                assertEquals(want.text(), got.json(), kind + " " + file.getFileName());
                assertEquals(want.status(), got.valid() ? 0 : 1);
            }
        }
    }

    @Test
    void fieldsAndCatalogAreTheNativeOutput() {
        for (String locale : List.of("en", "zh-CN")) {
            assertEquals(Corpus.runNative(new byte[0], "fields", "--locale", locale).text(), icp.fieldsJson(Options.locale(locale)));
        }
        assertEquals(Corpus.runNative(new byte[0], "catalog").text(), icp.catalog());
        String version = Corpus.runNative(new byte[0], "--version").text();
        assertEquals(version, "icp-validate " + icp.version().version() + "\n");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    @Test
    void theInterpreterGivesTheSameBytes() throws Exception {
        byte[] input = Corpus.utf8(String.join("\n", Corpus.lines("tests/baseline/fields.jsonl").subList(0, 400)) + "\n");
        boolean[] v1 = new boolean[1], v2 = new boolean[1];
        try (IcpValidator interpreted = new IcpValidator(Engine.INTERPRETER)) {
            assertEquals(Corpus.stream(icp, input, Options.locale("en"), v1), Corpus.stream(interpreted, input, Options.locale("en"), v2));
            byte[] website = Files.readAllBytes(Corpus.root().resolve("examples/filings/website_with_mistakes.json"));
            assertArrayEquals(Corpus.utf8(icp.validateFiling(website, Options.defaults().withToday(TODAY)).json()),
                    Corpus.utf8(interpreted.validateFiling(website, Options.defaults().withToday(TODAY)).json()));
        }
        assertEquals(v1[0], v2[0]);
    }
}
