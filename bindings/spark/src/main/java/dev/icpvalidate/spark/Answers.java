package dev.icpvalidate.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.icpvalidate.FilingReport;
import org.icpvalidate.Finding;
import org.icpvalidate.Severity;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The module's answers (the CLI's JSON, worded in the requested locale) as Spark rows. Nothing
 * here words or judges anything: it only moves keys of the answer into columns.
 */
public final class Answers {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One finding of a field answer: {@code params} stays JSON (its keys vary per code). */
    public static final StructType FIELD_FINDING = new StructType()
            .add("code", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false)
            .add("params", DataTypes.StringType, false);

    /** {@code icp_check_field}'s result: the CLI's field answer, {@code details} as JSON text. */
    public static final StructType FIELD_RESULT = new StructType()
            .add("field", DataTypes.StringType, false)
            .add("valid", DataTypes.BooleanType, false)
            .add("normalized", DataTypes.StringType, true)
            .add("errors", DataTypes.createArrayType(FIELD_FINDING, false), false)
            .add("warnings", DataTypes.createArrayType(FIELD_FINDING, false), false)
            .add("details", DataTypes.StringType, false);

    /** One finding of a filing report, where in the filing it is. */
    public static final StructType FILING_FINDING = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("code", DataTypes.StringType, false)
            .add("severity", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, false);

    /** {@code icp_check_filing}'s result; {@code report} is the CLI's whole report, as printed. */
    public static final StructType FILING_RESULT = new StructType()
            .add("valid", DataTypes.BooleanType, false)
            .add("kind", DataTypes.StringType, true)
            .add("provider", DataTypes.StringType, true)
            .add("errors", DataTypes.createArrayType(FILING_FINDING, false), false)
            .add("warnings", DataTypes.createArrayType(FILING_FINDING, false), false)
            .add("report", DataTypes.StringType, false);

    private Answers() {}

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the module answered something that is not JSON", e);
        }
    }

    /** A field answer (one line of the CLI's {@code batch} output) as a {@link #FIELD_RESULT} row. */
    public static Row fieldRow(String answer) {
        JsonNode a = parse(answer);
        return RowFactory.create(
                a.path("field").asText(),
                a.path("valid").asBoolean(),
                a.path("normalized").isTextual() ? a.path("normalized").asText() : null,
                fieldFindings(a.path("errors")),
                fieldFindings(a.path("warnings")),
                a.path("details").toString());
    }

    /** Spark's row encoders read an array column as a Scala sequence. */
    static scala.collection.immutable.List<Row> seq(List<Row> rows) {
        return scala.jdk.javaapi.CollectionConverters.asScala(rows).toList();
    }

    private static scala.collection.immutable.List<Row> fieldFindings(JsonNode list) {
        List<Row> out = new ArrayList<>(list.size());
        for (JsonNode f : list) {
            out.add(RowFactory.create(f.path("code").asText(), f.path("severity").asText(),
                    f.path("message").asText(), f.path("params").toString()));
        }
        return seq(out);
    }

    /** A filing report as a {@link #FILING_RESULT} row; {@code report} is the CLI's text. */
    public static Row filingRow(FilingReport report) {
        return RowFactory.create(report.valid(), report.kind(), report.provider(),
                seq(filingFindings(report.errors())), seq(filingFindings(report.warnings())), report.json());
    }

    static List<Row> filingFindings(List<Finding> findings) {
        List<Row> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(RowFactory.create(f.path() == null ? "" : f.path(), f.code(),
                    f.severity() == Severity.WARNING ? "warning" : "error", f.message()));
        }
        return out;
    }
}
