package dev.icpvalidate.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.SparkSession;

/** What every test shares: one local[2] session per test JVM, the repository, the native CLI. */
final class Shared {
    private static SparkSession spark;

    /** A fixed day, as the corpus's own lines name one; lines without one take it. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private Shared() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("icp-validate-spark tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    // Small splits: every corpus file is read as several partitions, so answers
                    // in input order prove the order survives the partitioning.
                    .config("spark.sql.files.maxPartitionBytes", "65536")
                    .config("spark.sql.files.openCostInBytes", "0")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    static Path root() {
        return Path.of(System.getProperty("icp.root", "../..")).toAbsolutePath().normalize();
    }

    /** The native CLI (`cargo build --bin icp-validate`), whose bytes every host gives. */
    static Path cli() {
        Path p = Path.of(System.getProperty("icp.cli", root().resolve("target/debug/icp-validate").toString()));
        if (!Files.isExecutable(p)) throw new IllegalStateException(p + " missing: cargo build --bin icp-validate");
        return p;
    }

    record Run(byte[] stdout, int status) {}

    static Run runCli(byte[] stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(cli().toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = new Thread(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin);
            } catch (IOException ignored) {
                // the CLI stopped reading; its status says why
            }
        });
        feeder.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream o = p.getInputStream()) {
            o.transferTo(out);
        }
        feeder.join();
        return new Run(out.toByteArray(), p.waitFor());
    }

    static List<String> lines(byte[] text) {
        return new String(text, StandardCharsets.UTF_8).lines().toList();
    }
}
