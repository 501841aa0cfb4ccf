package org.icpvalidate;

import java.util.List;
import java.util.Map;

/**
 * The answer for one field value, as {@code icp-validate field} prints it.
 *
 * @param field      the field id
 * @param valid      no error (warnings allowed)
 * @param normalized the canonical form of the value ({@code null} when the module gives none)
 * @param errors     error findings
 * @param warnings   warning findings
 * @param details    what the rule read from the value (birth date and region of an ID, a
 *                   domain's labels, a mobile's carrier, …)
 * @param json       the module's exact answer: one line of compact JSON and {@code \n}
 */
public record FieldResult(String field, boolean valid, String normalized, List<Finding> errors, List<Finding> warnings,
        Map<String, Object> details, String json) {

    static FieldResult parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new FieldResult(Json.str(m, "field"), Json.bool(m, "valid"), Json.str(m, "normalized"),
                Finding.listOf(Json.list(m, "errors")), Finding.listOf(Json.list(m, "warnings")), Json.obj(m, "details"), json);
    }
}
