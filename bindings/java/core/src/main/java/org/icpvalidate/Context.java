package org.icpvalidate;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a field's check may depend on besides its value, as the context JSON object of the CLI
 * and docs/ABI.md: the filing's province (a mobile number or an address in another province),
 * the provider, a certificate type, an APP platform, an entity type, the national document, and
 * the day to check dates against. Immutable; every {@code with…} returns a copy.
 *
 * <pre>{@code
 * Context ctx = Context.empty().withProvince("北京").withProvider("aliyun");
 * }</pre>
 */
public final class Context {
    private static final Context EMPTY = new Context(Map.of());

    private final Map<String, Object> entries;
    private String json;

    private Context(Map<String, Object> entries) {
        this.entries = entries;
    }

    /** No context: every check that needs one is skipped or uses its default. */
    public static Context empty() {
        return EMPTY;
    }

    /**
     * A context given as JSON text, passed to the module as it is (the CLI's {@code --context}):
     * text that is not a JSON object makes the call throw {@link IcpValidateException}
     * ({@code bad_context}).
     */
    public static Context fromJson(String json) {
        Context c = new Context(Map.of());
        c.json = Objects.requireNonNull(json, "json");
        return c;
    }

    /** The keys and values of {@code map} (values: {@code String}, {@code Boolean}, {@code Number} or {@code LocalDate}). */
    public static Context of(Map<String, ?> map) {
        Context c = EMPTY;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            c = c.with(e.getKey(), e.getValue());
        }
        return c;
    }

    /**
     * A copy with {@code key} set; {@code null} removes it. Keys the module reads: {@code today},
     * {@code province}, {@code provider}, {@code type}, {@code platform}, {@code entity_type},
     * {@code national_document}; others are ignored by the module.
     */
    public Context with(String key, Object value) {
        Objects.requireNonNull(key, "key");
        if (json != null && entries.isEmpty() && !json.isEmpty()) {
            throw new IllegalStateException("a context from JSON text cannot be extended; put the key in the text");
        }
        Map<String, Object> copy = new LinkedHashMap<>(entries);
        if (value == null) {
            copy.remove(key);
        } else if (value instanceof LocalDate) {
            copy.put(key, value.toString());
        } else if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            copy.put(key, value);
        } else {
            throw new IllegalArgumentException("context value for " + key + ": a String, Boolean, Number or LocalDate, got " + value.getClass().getName());
        }
        return new Context(Collections.unmodifiableMap(copy));
    }

    /** The filing entity's province, by name ({@code 北京}, {@code 广东省}) or code ({@code 11}). */
    public Context withProvince(String province) {
        return with("province", province);
    }

    /** A provider id: {@code nwcd}, {@code sinnet}, {@code aliyun}, {@code generic}. */
    public Context withProvider(String provider) {
        return with("provider", provider);
    }

    /** The certificate type, for the {@code certificate} field ({@code resident_id}, {@code passport}, …). */
    public Context withType(String certificateType) {
        return with("type", certificateType);
    }

    /** The APP platform, for {@code app_package} ({@code android}, {@code ios}, {@code harmony}, …). */
    public Context withPlatform(String platform) {
        return with("platform", platform);
    }

    /** The entity type, for names that depend on it. */
    public Context withEntityType(String entityType) {
        return with("entity_type", entityType);
    }

    /** Whether the entity holds the national-level document that allows words such as 中国 in a name. */
    public Context withNationalDocument(boolean held) {
        return with("national_document", held);
    }

    /** The day this check's dates are compared with; wins over {@link Options#today()}. */
    public Context withToday(LocalDate today) {
        return with("today", today);
    }

    /** The entries, in the order set (empty for a context {@linkplain #fromJson from JSON text}). */
    public Map<String, Object> asMap() {
        return entries;
    }

    public boolean isEmpty() {
        return toJson().isEmpty();
    }

    /** The context as the module reads it: a compact JSON object ({@code ""} when empty). */
    public String toJson() {
        String j = json;
        if (j == null) {
            if (entries.isEmpty()) {
                j = "";
            } else {
                StringBuilder sb = new StringBuilder("{");
                for (Map.Entry<String, Object> e : entries.entrySet()) {
                    if (sb.length() > 1) {
                        sb.append(',');
                    }
                    Json.writeString(sb, e.getKey());
                    sb.append(':');
                    if (e.getValue() instanceof Boolean || e.getValue() instanceof Number) {
                        sb.append(e.getValue());
                    } else {
                        Json.writeString(sb, (String) e.getValue());
                    }
                }
                j = sb.append('}').toString();
            }
            json = j;
        }
        return j;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Context && ((Context) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "Context" + (toJson().isEmpty() ? "{}" : toJson());
    }
}
