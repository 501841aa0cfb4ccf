package org.icpvalidate;

import java.util.List;
import java.util.Map;

/**
 * The report on a whole filing, as {@code icp-validate filing} prints it
 * ({@code docs/filing.schema.json}, {@code FilingReport}).
 *
 * @param valid      no error anywhere (warnings allowed)
 * @param provider   the provider profile applied
 * @param kind       the filing's kind: {@code new_filing}, {@code new_service}, {@code new_access}, {@code change}, {@code cancel}
 * @param errors     error findings, each with its {@link Finding#path()}
 * @param warnings   warning findings
 * @param normalized canonical forms that differ from what was typed, by path
 * @param report     the whole report (documents, verification, summary, …) as parsed JSON
 * @param json       the module's exact answer: pretty JSON and {@code \n}
 */
public record FilingReport(boolean valid, String provider, String kind, List<Finding> errors, List<Finding> warnings,
        Map<String, Object> normalized, Map<String, Object> report, String json) {

    static FilingReport parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new FilingReport(Json.bool(m, "valid"), Json.str(m, "provider"), Json.str(m, "kind"),
                Finding.listOf(Json.list(m, "errors")), Finding.listOf(Json.list(m, "warnings")), Json.obj(m, "normalized"), m, json);
    }
}
