package org.icpvalidate;

import java.util.List;
import java.util.Map;

/**
 * One finding, worded by the module in the call's locale.
 *
 * @param code     the stable code ({@code resident_id.checksum}, {@code phone.province_mismatch}, …)
 * @param severity error or warning
 * @param message  the text for a person, in the call's locale
 * @param params   the typed parameters the message was worded from
 * @param path     in a filing report, where the value sits ({@code entity.certificate_number});
 *                 {@code null} for a single field
 * @param field    in a filing report, the field rule that judged it, when one did; else {@code null}
 */
public record Finding(String code, Severity severity, String message, Map<String, Object> params, String path, String field) {

    @SuppressWarnings("unchecked")
    static List<Finding> listOf(List<Object> items) {
        Finding[] out = new Finding[items.size()];
        for (int i = 0; i < out.length; i++) {
            Map<String, Object> m = (Map<String, Object>) items.get(i);
            out[i] = new Finding(Json.str(m, "code"), Severity.of(Json.str(m, "severity")), Json.str(m, "message"),
                    Json.obj(m, "params"), Json.str(m, "path"), Json.str(m, "field"));
        }
        return List.of(out);
    }
}
