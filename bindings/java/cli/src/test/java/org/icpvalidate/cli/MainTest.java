package org.icpvalidate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line against the native CLI: stdout bytes and exit status for the same arguments and stdin. */
class MainTest {
    private static final Path ROOT = Path.of(System.getProperty("icp.repo.root", "../../..")).toAbsolutePath().normalize();

    record Run(byte[] stdout, int status) {
    }

    static Run java(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin), out, new PrintStream(new ByteArrayOutputStream()));
        return new Run(out.toByteArray(), status);
    }

    static Run nativeCli(byte[] stdin, String... args) throws Exception {
        Path cli = ROOT.resolve("target/debug/icp-validate");
        assertTrue(Files.isExecutable(cli), "cargo build --bin icp-validate first: " + cli);
        List<String> cmd = new ArrayList<>(List.of(cli.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the CLI may stop reading early
            }
        });
        feeder.start();
        byte[] out;
        try (InputStream o = p.getInputStream()) {
            out = o.readAllBytes();
        }
        feeder.join();
        return new Run(out, p.waitFor());
    }

    static void same(byte[] stdin, String... args) throws Exception {
        Run want = nativeCli(stdin, args), got = java(stdin, args);
        assertEquals(want.status(), got.status(), String.join(" ", args) + ": exit status");
        assertArrayEquals(want.stdout(), got.stdout(), String.join(" ", args) + ": stdout");
    }

    @Test
    void batchAndFilingAreTheNativeBytes() throws Exception {
        byte[] requests = Files.readAllBytes(ROOT.resolve("examples/requests.jsonl"));
        byte[] baseline = Files.readAllBytes(ROOT.resolve("tests/baseline/fields.jsonl"));
        for (String locale : List.of("en", "zh-CN")) {
            same(requests, "batch", "--locale", locale, "--today", "2026-11-30");
            same(baseline, "batch", "--today", "2026-11-30", "--locale", locale);
            for (String name : List.of("website.json", "website_with_mistakes.json", "app_three_platforms.json")) {
                Path filing = ROOT.resolve("examples/filings").resolve(name);
                same(Files.readAllBytes(filing), "filing", "-", "--today", "2026-11-30", "--locale", locale);
                same(new byte[0], "filing", filing.toString(), "--today", "2026-11-30", "--locale", locale, "--provider", "aliyun");
            }
        }
        same("{\"field\":\"mobile\",\"value\":\"13800138000\"}\n".getBytes(), "batch", "--locale", "en");
    }

    @Test
    void usageErrorsExitTwoWithNothingOnStdout() throws Exception {
        for (String[] args : List.of(new String[] {"filing"}, new String[] {"batch", "--locale", "fr"},
                new String[] {"filing", "-", "--provider", "bogus"}, new String[] {"filing", "/nonexistent/filing.json"},
                new String[] {"batch", "extra"}, new String[] {}, new String[] {"batch", "--today", "2026-13-01"},
                new String[] {"batch", "--unknown"})) {
            same(new byte[0], args);
        }
        same(new byte[0], "--version");
    }
}
