package dev.icpvalidate.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL and DataFrame functions: the CLI's answers as structs, nulls as the README says. */
class FunctionsTest {
    static final CheckOptions EN = new CheckOptions("en", Shared.TODAY, null);
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void register() {
        IcpFunctions.register(Shared.spark(), EN);
    }

    static Row cliField(String field, String value, String context, String locale) throws Exception {
        List<String> args = new ArrayList<>(List.of("field", field, value, "--locale", locale, "--today", "2026-11-30"));
        if (context != null) args.addAll(List.of("--context", context));
        Shared.Run run = Shared.runCli(new byte[0], args.toArray(String[]::new));
        return Answers.fieldRow(new String(run.stdout(), StandardCharsets.UTF_8));
    }

    @Test
    void fieldStructsAreTheClisAnswers() throws Exception {
        StructType schema = new StructType().add("field", DataTypes.StringType).add("value", DataTypes.StringType)
                .add("province", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create("resident_id", "11010519491231002X", null),
                RowFactory.create("resident_id", "110105194912310021", null),
                RowFactory.create("mobile", "13000100000", "上海"),
                RowFactory.create("domain", "例子.中国", null),
                RowFactory.create("uscc", "91110000600037341L", null));
        Shared.spark().createDataFrame(rows, schema).createOrReplaceTempView("people");
        List<Row> got = Shared.spark().sql("SELECT icp_check_field(field, value, "
                + "CASE WHEN province IS NULL THEN NULL ELSE to_json(named_struct('province', province)) END, 'en') AS r, "
                + "icp_is_valid(field, value, CASE WHEN province IS NULL THEN NULL ELSE to_json(named_struct('province', province)) END) AS ok "
                + "FROM people").collectAsList();
        for (int i = 0; i < rows.size(); i++) {
            Row in = rows.get(i);
            String ctx = in.isNullAt(2) ? null : "{\"province\":\"" + in.getString(2) + "\"}";
            Row want = cliField(in.getString(0), in.getString(1), ctx, "en");
            assertEquals(want, got.get(i).getStruct(0), in.toString());
            assertEquals(want.getBoolean(1), got.get(i).getBoolean(1), "icp_is_valid agrees with valid");
        }
        assertFalse(got.get(1).getStruct(0).getBoolean(1), "a wrong check digit is reported");
    }

    @Test
    void theDataFrameApiGivesTheSameStruct() throws Exception {
        Dataset<Row> df = Shared.spark().sql("SELECT 'mobile' AS f, '13000100000' AS v, '{\"province\":\"北京\"}' AS c");
        Row got = df.select(IcpFunctions.checkField(col("f"), col("v"), col("c"), EN.withLocale("zh-CN"))).first().getStruct(0);
        assertEquals(cliField("mobile", "13000100000", "{\"province\":\"北京\"}", "zh-CN"), got);
    }

    @Test
    void nullsAndEmptyStrings() throws Exception {
        Row r = Shared.spark().sql("SELECT icp_check_field('mobile', NULL, NULL, NULL) AS n, "
                + "icp_check_field('mobile', '', NULL, NULL) AS e, icp_check_field(NULL, '1', NULL, NULL) AS f, "
                + "icp_is_valid(NULL, '1', NULL) AS v, icp_check_filing(NULL, NULL, NULL) AS g").first();
        Row empty = cliField("mobile", "", null, "en");
        assertEquals(empty, r.getStruct(0), "a null value is checked as the empty string");
        assertEquals(empty, r.getStruct(1));
        assertFalse(empty.getBoolean(1), "an empty mobile is not valid");
        assertNull(r.get(2), "no field id: no result");
        assertNull(r.get(3));
        Shared.Run cli = Shared.runCli(new byte[0], "filing", "-", "--today", "2026-11-30", "--locale", "en");
        assertEquals(new String(cli.stdout(), StandardCharsets.UTF_8), r.getStruct(4).getString(5),
                "a null filing is checked as empty input");
    }

    /** Every sample filing: icp_check_filing's report is the CLI's, byte for byte, in both locales. */
    @Test
    void sampleFilingsGiveTheClisReports() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(Shared.root().resolve("tests/filings")),
                Files.list(Shared.root().resolve("examples/filings")))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        StructType schema = new StructType().add("name", DataTypes.StringType).add("filing", DataTypes.StringType)
                .add("today", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            JsonNode doc = JSON.readTree(f.toFile());
            boolean sample = doc.has("expect");
            // A sample is {filing | filing_json (raw text), options, expect}; examples are bare filings.
            String filing = !sample ? Files.readString(f)
                    : doc.has("filing_json") ? doc.get("filing_json").asText() : doc.get("filing").toString();
            String today = sample ? doc.path("options").path("today").asText("2026-11-30") : "2026-11-30";
            rows.add(RowFactory.create(f.getFileName().toString(), filing, today));
        }
        assertTrue(rows.size() >= 30, "sample filings: " + rows.size());
        Dataset<Row> df = Shared.spark().createDataFrame(rows, schema);
        for (String today : df.select("today").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList()) {
            CheckOptions day = new CheckOptions("en", java.time.LocalDate.parse(today), null);
            for (String locale : new String[] {"en", "zh-CN"}) {
                List<Row> got = df.filter(col("today").equalTo(today))
                        .select(col("name"), col("filing"), IcpFunctions.checkFiling(col("filing"), day.withLocale(locale)).as("r"))
                        .collectAsList();
                for (Row g : got) {
                    Shared.Run cli = Shared.runCli(g.getString(1).getBytes(StandardCharsets.UTF_8),
                            "filing", "-", "--today", today, "--locale", locale);
                    assertEquals(new String(cli.stdout(), StandardCharsets.UTF_8), g.getStruct(2).getString(5),
                            g.getString(0) + " " + locale);
                    assertEquals(cli.status() == 0, g.getStruct(2).getBoolean(0));
                }
            }
        }
    }
}
