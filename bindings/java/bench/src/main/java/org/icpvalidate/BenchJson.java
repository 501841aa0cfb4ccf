package org.icpvalidate;

/** The core artifact's JSON reader, for the harness's input file (same package, bench only). */
public final class BenchJson {
    private BenchJson() {
    }

    public static Object parse(String text) {
        return Json.parse(text);
    }

    /** Compact JSON text of a parsed value (key order kept). */
    @SuppressWarnings("unchecked")
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v) {
        if (v instanceof java.util.Map) {
            sb.append('{');
            boolean first = true;
            for (java.util.Map.Entry<String, Object> e : ((java.util.Map<String, Object>) v).entrySet()) {
                if (!first) sb.append(',');
                first = false;
                Json.writeString(sb, e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof java.util.List) {
            sb.append('[');
            boolean first = true;
            for (Object o : (java.util.List<Object>) v) {
                if (!first) sb.append(',');
                first = false;
                write(sb, o);
            }
            sb.append(']');
        } else if (v instanceof String) {
            Json.writeString(sb, (String) v);
        } else {
            sb.append(v);
        }
    }
}
