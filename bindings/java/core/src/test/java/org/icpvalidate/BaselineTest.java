package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed baseline (tests/baseline): every corpus line gives, in zh-CN and en, exactly the
 * result line recorded in {@code *.results.jsonl}, as the native tests (tests/baseline.rs) check.
 */
class BaselineTest {
    private static IcpValidator icp;

    @BeforeAll
    static void load() {
        icp = new IcpValidator();
    }

    @AfterAll
    static void close() {
        icp.close();
    }

    @Test
    void fieldResultsMatchTheBaseline() {
        check("tests/baseline/fields.jsonl", line -> {
            Map<String, Object> c = Corpus.object(line);
            @SuppressWarnings("unchecked")
            Context ctx = Context.of((Map<String, Object>) c.get("context"));
            String field = (String) c.get("field"), value = (String) c.get("value");
            Object en = Json.parse(icp.validateField(field, value, ctx, Options.locale("en")).json());
            Object zh = Json.parse(icp.validateField(field, value, ctx, Options.locale("zh-CN")).json());
            return Corpus.canonical(Map.of("en", en, "zh-CN", zh));
        });
    }

    @Test
    void filingReportsMatchTheBaseline() {
        check("tests/baseline/filings.jsonl", line -> {
            Map<String, Object> c = Corpus.object(line);
            String json = c.containsKey("filing_json") ? (String) c.get("filing_json") : Corpus.canonical(c.get("filing"));
            @SuppressWarnings("unchecked")
            Map<String, Object> o = (Map<String, Object>) c.get("options");
            Options options = Options.defaults()
                    .withToday(o.get("today") == null ? null : LocalDate.parse((String) o.get("today")))
                    .withProvider((String) o.get("provider"));
            Object en = Json.parse(icp.validateFiling(json, options.withLocale("en")).json());
            Object zh = Json.parse(icp.validateFiling(json, options.withLocale("zh-CN")).json());
            return Corpus.canonical(Map.of("en", en, "zh-CN", zh));
        });
    }

    private static void check(String corpus, java.util.function.Function<String, String> run) {
        List<String> lines = Corpus.lines(corpus);
        List<String> want = Corpus.lines(corpus.replace(".jsonl", ".results.jsonl"));
        assertTrue(lines.size() > 10, corpus + " is nearly empty");
        assertEquals(lines.size(), want.size(), "line counts");
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String got = run.apply(lines.get(i));
            if (!got.equals(want.get(i)) && differ.size() < 5) {
                differ.add("line " + (i + 1) + ":\n want " + want.get(i) + "\n got  " + got);
            }
        }
        assertTrue(differ.isEmpty(), corpus + ": results differ from the baseline:\n" + String.join("\n", differ));
    }
}
