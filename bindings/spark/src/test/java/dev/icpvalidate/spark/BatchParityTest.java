package dev.icpvalidate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The job's batch gives the native CLI's bytes on the shared corpus, in input order. */
class BatchParityTest {
    @TempDir
    Path tmp;

    /** Answers of the Spark job and of the CLI for the same input file, line by line. */
    static void assertSameAsCli(Path input, String locale) throws Exception {
        CheckOptions options = new CheckOptions(locale, Shared.TODAY, null);
        LongAccumulator invalid = Shared.spark().sparkContext().longAccumulator();
        List<String> got = RecheckJob.answers(Shared.spark(), input.toString(), options, invalid).collectAsList();
        Shared.Run cli = Shared.runCli(Files.readAllBytes(input), "batch", "--locale", locale, "--today", "2026-11-30");
        List<String> want = Shared.lines(cli.stdout());
        assertEquals(want.size(), got.size(), input + ": answers per line");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), got.get(i), input + " line " + (i + 1));
        }
        assertEquals(cli.status() == 1, invalid.value() > 0, "exit status: any invalid line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void baselineCorpus(String locale) throws Exception {
        assertSameAsCli(Shared.root().resolve("tests/baseline/fields.jsonl"), locale);
    }

    @Test
    void exampleRequests() throws Exception {
        assertSameAsCli(Shared.root().resolve("examples/requests.jsonl"), "en");
    }

    /** Every vector of tests/vectors as a batch line, its file's day in its context. */
    @Test
    void vectors() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(Shared.root().resolve("tests/vectors"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            JsonNode doc = json.readTree(f.toFile());
            for (JsonNode v : doc.path("vectors")) {
                ObjectNode line = json.createObjectNode();
                line.set("field", v.get("field"));
                line.set("value", v.get("value"));
                ObjectNode ctx = v.has("context") ? (ObjectNode) v.get("context").deepCopy() : json.createObjectNode();
                if (!ctx.has("today") && doc.has("today")) ctx.set("today", doc.get("today"));
                line.set("context", ctx);
                lines.add(json.writeValueAsString(line));
            }
        }
        assertTrue(lines.size() > 300, "vectors read: " + lines.size());
        Path input = tmp.resolve("vectors.jsonl");
        Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertSameAsCli(input, "en");
    }

    @Test
    void emptyInputGivesNoAnswer() throws IOException {
        Path input = Files.write(tmp.resolve("empty.jsonl"), new byte[0]);
        CheckOptions options = new CheckOptions("en", Shared.TODAY, null);
        assertEquals(0, RecheckJob.answers(Shared.spark(), input.toString(), options, null).count());
    }
}
