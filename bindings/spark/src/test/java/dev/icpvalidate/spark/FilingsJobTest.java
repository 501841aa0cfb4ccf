package dev.icpvalidate.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filings job end to end, from JSON lines and from Parquet: the findings are the CLI's, per
 * record; the summary counts them per code, province and provider profile.
 */
class FilingsJobTest {
    @TempDir
    Path tmp;

    @Test
    void findingsAndSummaryFromJsonLinesAndParquet() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.list(Shared.root().resolve("tests/filings"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> lines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> wantCodes = new HashMap<>();
        int wantFindings = 0;
        long withFindings = 0;
        for (Path f : files) {
            JsonNode doc = json.readTree(f.toFile());
            if (!doc.has("filing")) continue; // the raw-text sample is not a JSON object line
            String key = f.getFileName().toString();
            String filing = doc.get("filing").toString();
            lines.add("{\"key\":" + json.writeValueAsString(key) + ",\"filing\":" + filing + "}");
            rows.add(RowFactory.create(key, filing));
            Shared.Run cli = Shared.runCli(filing.getBytes(StandardCharsets.UTF_8), "filing", "-", "--today",
                    "2026-11-30", "--locale", "en");
            JsonNode report = json.readTree(cli.stdout());
            if (!report.path("errors").isEmpty() || !report.path("warnings").isEmpty()) withFindings++;
            for (String list : new String[] {"errors", "warnings"}) {
                for (JsonNode finding : report.path(list)) {
                    wantCodes.merge(finding.path("code").asText(), 1, Integer::sum);
                    wantFindings++;
                }
            }
        }
        Path jsonl = Files.writeString(tmp.resolve("records.jsonl"), String.join("\n", lines) + "\n");
        StructType schema = new StructType().add("site", DataTypes.StringType).add("doc", DataTypes.StringType);
        Path parquet = tmp.resolve("records.parquet");
        Shared.spark().createDataFrame(rows, schema).write().parquet(parquet.toString());

        for (String[] input : new String[][] {
                {"--input", jsonl.toString()},
                {"--input", parquet.toString(), "--key-column", "site", "--filing-column", "doc"}}) {
            Path out = tmp.resolve("out-" + input.length);
            List<String> argv = new ArrayList<>(List.of("filings", "--output", out.toString(), "--locale", "en",
                    "--today", "2026-11-30", "--output-format", "json"));
            argv.addAll(List.of(input));
            RecheckJob.Args args = RecheckJob.Args.parse(argv.toArray(String[]::new));
            assertEquals(0, RecheckJob.filings(Shared.spark(), args));

            Dataset<Row> findings = Shared.spark().read().json(out.resolve("findings").toString());
            assertEquals(wantFindings, findings.count(), "one row per finding of the CLI's reports");
            assertEquals(List.of("code", "key", "message", "path", "severity"), List.of(findings.columns()));
            assertEquals(withFindings, findings.select("key").distinct().count(), "every record with findings is named");

            Dataset<Row> summary = Shared.spark().read().json(out.resolve("summary").toString());
            for (Map.Entry<String, Integer> e : wantCodes.entrySet()) {
                Row r = summary.filter("dimension = 'code' AND value = '" + e.getKey() + "'").first();
                assertEquals((long) e.getValue(), r.<Long>getAs("errors") + r.<Long>getAs("warnings"), e.getKey());
            }
            long records = rows.size();
            for (String dim : new String[] {"province", "provider"}) {
                Row total = summary.filter("dimension = '" + dim + "'").selectExpr("sum(records)").first();
                assertEquals(records, total.getLong(0), dim + ": every record counted once");
            }
            assertTrue(summary.filter("dimension = 'provider' AND value = 'aliyun'").count() == 1);
        }
    }
}
