package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The shared test corpus of the repository, the native CLI, and serde_json's canonical text. */
final class Corpus {
    private Corpus() {
    }

    static Path root() {
        String root = System.getProperty("icp.repo.root");
        Path p = Path.of(root != null ? root : "../../..").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p.resolve("tests/vectors")), "no tests/vectors under " + p);
        return p;
    }

    static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String relative) {
        return read(relative).lines().toList();
    }

    /** Every file under {@code dir} ending in {@code .json}, sorted. */
    static List<Path> jsonFiles(String dir) {
        try (Stream<Path> s = Files.walk(root().resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    /** The native CLI's stdout and exit status. */
    record Run(byte[] stdout, int status) {
        String text() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    static Path nativeCli() {
        Path cli = root().resolve("target/debug/icp-validate");
        if (!Files.isExecutable(cli)) {
            fail("the native CLI is needed for the parity tests: cargo build --bin icp-validate (" + cli + ")");
        }
        return cli;
    }

    static Run runNative(byte[] stdin, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(nativeCli().toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Thread feeder = new Thread(() -> {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin);
                } catch (IOException ignored) {
                    // the CLI may stop reading early; its answer tells
                }
            });
            feeder.start();
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            feeder.join();
            return new Run(out, p.waitFor());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String stream(IcpValidator icp, byte[] input, Options options, boolean[] allValid) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        allValid[0] = icp.batch(new java.io.ByteArrayInputStream(input), out, options);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code value} as serde_json's {@code Value::to_string} writes it: compact, keys sorted. */
    static String canonical(Object value) {
        StringBuilder sb = new StringBuilder();
        writeCanonical(sb, value);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeCanonical(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : new TreeMap<>((Map<String, Object>) v).entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                serdeString(sb, e.getKey());
                sb.append(':');
                writeCanonical(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (List<Object>) v) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                writeCanonical(sb, o);
            }
            sb.append(']');
        } else if (v instanceof String) {
            serdeString(sb, (String) v);
        } else if (v instanceof Double) {
            sb.append(v.toString().replace(".0E", "e").replace('E', 'e'));
        } else {
            sb.append(v);
        }
    }

    private static void serdeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
