package dev.icpvalidate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines no request should look like: every one gets its answer (an error row), every good line
 * around them its own, and nothing stops the job.
 */
class MalformedLinesTest {
    @TempDir
    Path tmp;

    static final byte[] TEN_MB_VALUE = ("{\"field\":\"domain\",\"value\":\"" + "a".repeat(10 << 20) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] TEN_MB_GARBAGE = ("x" + "{".repeat(10 << 20)).getBytes(StandardCharsets.UTF_8);
    static final byte[] DEEP = ("{\"field\":\"mobile\",\"value\":\"13000100000\",\"context\":"
            + "[".repeat(200_000) + "]".repeat(200_000) + "}").getBytes(StandardCharsets.UTF_8);
    static final byte[] BAD_UTF8 = concat("{\"field\":\"mobile\",\"value\":\"130".getBytes(StandardCharsets.UTF_8),
            new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3}, "\"}".getBytes(StandardCharsets.UTF_8));

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void everyBadFieldLineGetsAnErrorAnswerAndEveryGoodLineItsOwn() throws Exception {
        byte[] good = Files.readAllBytes(Shared.root().resolve("examples/requests.jsonl"));
        byte[] nl = {'\n'};
        byte[] input = concat(good, "{not json\n".getBytes(StandardCharsets.UTF_8), BAD_UTF8, nl,
                TEN_MB_VALUE, nl, good, TEN_MB_GARBAGE, nl, DEEP, nl, nl,
                "{\"field\":\"resident_id\",\"value\":\"11010519491231002X\"}\r\n".getBytes(StandardCharsets.UTF_8),
                "[1,2]\n{\"field\":\"mobile\"}\n".getBytes(StandardCharsets.UTF_8), good,
                "{\"field\":\"uscc\",\"value\":\"91110000600037341L\"}".getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(tmp.resolve("malformed.jsonl"), input);
        BatchParityTest.assertSameAsCli(file, "en");

        List<String> answers = RecheckJob.answers(Shared.spark(), file.toString(),
                new CheckOptions("en", Shared.TODAY, null), null).collectAsList();
        int goodLines = Shared.lines(good).size();
        assertEquals(3 * goodLines + 10, answers.size());
        // The bad ones, by position: each an error answer of its own.
        assertTrue(answers.get(goodLines).contains("\"input.malformed\""), answers.get(goodLines));
        assertFalse(answers.get(goodLines + 1).contains("\"valid\":true"), "not UTF-8");
        assertTrue(answers.get(goodLines + 2).contains("\"input.too_long\""), "10 MB value");
        assertTrue(answers.get(2 * goodLines + 3).contains("\"input.malformed\""), "10 MB garbage");
        assertTrue(answers.get(2 * goodLines + 4).contains("\"input.malformed\""), "deep JSON");
        assertTrue(answers.get(2 * goodLines + 5).contains("\"input.malformed\""), "empty line");
        assertTrue(answers.get(2 * goodLines + 6).contains("\"valid\":true"), "a \\r\\n line is a good line");
    }

    @Test
    void everyBadRecordIsOneInvalidRecordAndGoodRecordsKeepTheirFindings() throws Exception {
        byte[] filing = Files.readAllBytes(Shared.root().resolve("examples/filings/website_with_mistakes.json"));
        String compact = new com.fasterxml.jackson.databind.ObjectMapper().readTree(filing).toString();
        byte[] goodRecord = ("{\"key\":\"site-1\",\"filing\":" + compact + "}\n").getBytes(StandardCharsets.UTF_8);
        byte[] nl = {'\n'};
        byte[] input = concat(goodRecord, "{\"key\":\"broken\",\"filing\":{\n".getBytes(StandardCharsets.UTF_8),
                concat("{\"key\":\"bad-utf8\",\"filing\":{\"kind\":\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xff}, "\"}}".getBytes(StandardCharsets.UTF_8)), nl,
                ("{\"key\":\"deep\",\"filing\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n")
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"key\":\"huge\",\"filing\":{\"kind\":\"" + "x".repeat(10 << 20) + "\"}}\n").getBytes(StandardCharsets.UTF_8),
                goodRecord);
        Path file = Files.write(tmp.resolve("records.jsonl"), input);
        RecheckJob.Args args = RecheckJob.Args.parse(new String[] {"filings", "--input", file.toString(),
                "--output", tmp.resolve("out").toString(), "--locale", "en", "--today", "2026-11-30"});
        List<Row> checked = RecheckJob.checkRecords(Shared.spark(), RecheckJob.readRecords(Shared.spark(), args), args)
                .collectAsList();
        assertEquals(6, checked.size(), "one row per line");
        Shared.Run cli = Shared.runCli(filing, "filing", "-", "--today", "2026-11-30", "--locale", "en");
        com.fasterxml.jackson.databind.JsonNode report = Answers.parse(new String(cli.stdout(), StandardCharsets.UTF_8));
        int want = report.path("errors").size() + report.path("warnings").size();
        for (int i : new int[] {0, 5}) {
            assertEquals("site-1", checked.get(i).getString(0));
            assertEquals(want, checked.get(i).getList(4).size(), "the CLI's findings of the good record");
        }
        for (int i = 1; i <= 4; i++) {
            Row r = checked.get(i);
            assertFalse(r.getBoolean(1), "bad record " + i + " is invalid");
            List<Row> findings = r.getList(4);
            assertTrue(findings.stream().anyMatch(f -> f.getString(1).startsWith("filing.")), "bad record " + i + ": " + findings);
        }
        assertNull(checked.get(1).get(0), "an unreadable line has no key");
        assertEquals("huge", checked.get(4).getString(0), "a readable line keeps its key");
    }
}
