package dev.icpvalidate.spark;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.icpvalidate.FilingReport;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Checks the records of one partition: each is a key and a filing's JSON bytes, or a raw JSON
 * line {@code {"key": ..., "filing": {...}}} whose filing is handed to the module as the very
 * bytes of the line (nothing re-serialised). A line that cannot be read as such a record is still
 * a record: its "filing" is the whole line, so the module's own {@code filing.malformed} says
 * what is wrong with it, and the job loses no line.
 */
final class FilingRecords implements MapPartitionsFunction<Row, Row> {
    /** Input rows: {@code key}, {@code filing} (bytes), or {@code line} (bytes) instead of both. */
    static final StructType INPUT = new StructType()
            .add("key", DataTypes.StringType, true)
            .add("filing", DataTypes.BinaryType, true)
            .add("line", DataTypes.BinaryType, true);

    /** One checked record; the findings are the report's errors then warnings. */
    static final StructType CHECKED = new StructType()
            .add("key", DataTypes.StringType, true)
            .add("valid", DataTypes.BooleanType, false)
            .add("provider", DataTypes.StringType, true)
            .add("province", DataTypes.StringType, true)
            .add("findings", DataTypes.createArrayType(Answers.FILING_FINDING, false), false);

    private static final JsonFactory JSON = new JsonFactory();

    private final CheckOptions options;
    private final String keyField;
    private final String filingField;

    FilingRecords(CheckOptions options, String keyField, String filingField) {
        this.options = options;
        this.keyField = keyField;
        this.filingField = filingField;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Verdicts verdicts = Verdicts.shared();
        Map<String, String> provinces = new HashMap<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row in = rows.next();
                String key = in.getString(0);
                byte[] filing = in.getAs(1);
                byte[] line = in.getAs(2);
                if (line != null) {
                    Record r = readLine(line);
                    key = r.key;
                    filing = r.filing;
                }
                if (filing == null) filing = new byte[0];
                FilingReport report = verdicts.filing(filing, options);
                List<Row> findings = new java.util.ArrayList<>(Answers.filingFindings(report.errors()));
                findings.addAll(Answers.filingFindings(report.warnings()));
                String province = entityProvince(filing);
                if (province != null) {
                    province = provinces.computeIfAbsent(province, p -> normalizedProvince(verdicts, p));
                }
                return RowFactory.create(key, report.valid(), report.provider(), province, Answers.seq(findings));
            }
        };
    }

    private String normalizedProvince(Verdicts verdicts, String raw) {
        String normalized = verdicts.fieldResult("province", raw, options).normalized();
        return normalized != null ? normalized : raw;
    }

    record Record(String key, byte[] filing) {}

    /**
     * The key and the filing's own bytes of a record line; the whole line as the filing (and no
     * key) when it is not a JSON object with the filing field (bad JSON, not UTF-8, too deep).
     */
    Record readLine(byte[] line) {
        String key = null;
        byte[] filing = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return new Record(null, line);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(keyField) && value.isScalarValue()) {
                    key = value == JsonToken.VALUE_NULL ? null : p.getText();
                } else if (name.equals(filingField)) {
                    int start = (int) p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    int end = (int) p.currentLocation().getByteOffset();
                    filing = Arrays.copyOfRange(line, start, end);
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return new Record(null, line);
        } catch (IOException | RuntimeException e) {
            return new Record(null, line);
        }
        return filing == null ? new Record(key, line) : new Record(key, filing);
    }

    /** The filing's {@code entity.province} as written, for the summary; null when absent. */
    static String entityProvince(byte[] filing) {
        try (JsonParser p = JSON.createParser(filing)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("entity") && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = p.currentName();
                        JsonToken v = p.nextToken();
                        if (inner.equals("province") && v == JsonToken.VALUE_STRING) return p.getText();
                        p.skipChildren();
                    }
                    return null;
                }
                p.skipChildren();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
