package org.icpvalidate;

import java.util.List;
import java.util.Map;

/**
 * The verdict on an attachment judged from its first bytes and size, as
 * {@code icp-validate attachment} prints it.
 *
 * @param valid    no error
 * @param errors   error findings
 * @param warnings warning findings
 * @param result   the whole answer (the detected format, dimensions, …) as parsed JSON
 * @param json     the module's exact answer: compact JSON and {@code \n}
 */
public record AttachmentResult(boolean valid, List<Finding> errors, List<Finding> warnings, Map<String, Object> result, String json) {

    static AttachmentResult parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new AttachmentResult(Json.bool(m, "valid"), Finding.listOf(Json.list(m, "errors")),
                Finding.listOf(Json.list(m, "warnings")), m, json);
    }
}
