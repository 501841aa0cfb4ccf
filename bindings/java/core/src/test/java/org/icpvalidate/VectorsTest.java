package org.icpvalidate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared vectors (tests/vectors): each gives its expected validity, codes, normalized form
 * and details in both locales, as tests/vectors.rs checks natively; {@code isValid} agrees.
 */
class VectorsTest {

    /** One vector as a batch request line: field, value, and its context with the file's today. */
    record Vector(String file, int index, String field, String value, Map<String, Object> context, Map<String, Object> expected) {
        String requestLine() {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("field", field);
            line.put("value", value);
            line.put("context", context);
            return Corpus.canonical(line);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Vector> all() throws Exception {
        List<Vector> out = new ArrayList<>();
        for (Path p : Corpus.jsonFiles("tests/vectors")) {
            Map<String, Object> doc = Corpus.object(Files.readString(p));
            List<Object> vectors = (List<Object>) doc.get("vectors");
            for (int i = 0; i < vectors.size(); i++) {
                Map<String, Object> v = (Map<String, Object>) vectors.get(i);
                Map<String, Object> ctx = new LinkedHashMap<>((Map<String, Object>) v.getOrDefault("context", Map.of()));
                if (doc.get("today") != null) {
                    ctx.putIfAbsent("today", doc.get("today"));
                }
                out.add(new Vector(p.getFileName().toString(), i, (String) v.get("field"), (String) v.get("value"), ctx, v));
            }
        }
        return out;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVectorGivesItsExpectedAnswer() throws Exception {
        List<Vector> vectors = all();
        assertTrue(vectors.size() > 500, "only " + vectors.size() + " vectors");
        List<String> failures = new ArrayList<>();
        try (IcpValidator icp = new IcpValidator()) {
            for (Vector v : vectors) {
                Context ctx = Context.of(v.context());
                for (String locale : List.of("zh-CN", "en")) {
                    FieldResult r = icp.validateField(v.field(), v.value(), ctx, Options.locale(locale));
                    Map<String, Object> e = v.expected();
                    String where = v.file() + "[" + v.index() + "] " + v.field() + " " + v.value() + " (" + locale + "): ";
                    if (e.containsKey("valid") && !e.get("valid").equals(r.valid())) {
                        failures.add(where + "valid " + r.valid());
                    }
                    if (e.containsKey("normalized") && !java.util.Objects.equals(e.get("normalized"), r.normalized())) {
                        failures.add(where + "normalized " + r.normalized());
                    }
                    if (e.containsKey("codes")) {
                        List<Object> got = new ArrayList<>();
                        r.errors().forEach(f -> got.add(f.code()));
                        r.warnings().forEach(f -> got.add(f.code()));
                        if (!got.equals(e.get("codes"))) {
                            failures.add(where + "codes " + got);
                        }
                    }
                    if (e.get("details") instanceof Map) {
                        for (Map.Entry<String, Object> d : ((Map<String, Object>) e.get("details")).entrySet()) {
                            if (!java.util.Objects.equals(d.getValue(), r.details().get(d.getKey()))) {
                                failures.add(where + "details." + d.getKey() + " " + r.details().get(d.getKey()));
                            }
                        }
                    }
                }
                if (icp.isValid(v.field(), v.value(), ctx) != icp.validateField(v.field(), v.value(), ctx).valid()) {
                    failures.add(v.file() + "[" + v.index() + "]: isValid disagrees with validateField");
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
    }
}
