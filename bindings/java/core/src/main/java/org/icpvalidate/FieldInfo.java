package org.icpvalidate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One field the module checks, as {@code icp-validate fields} lists it.
 *
 * @param id          the id to pass to {@link IcpValidator#validateField} ({@code resident_id}, …)
 * @param family      the group of fields it belongs to
 * @param label       its name in the call's locale
 * @param codes       the finding codes it can report
 * @param dataVersion the version of the data it checks against
 */
public record FieldInfo(String id, String family, String label, List<String> codes, String dataVersion) {

    @SuppressWarnings("unchecked")
    static List<FieldInfo> listOf(String json) {
        List<Object> items = (List<Object>) Json.parse(json);
        List<FieldInfo> out = new ArrayList<>(items.size());
        for (Object o : items) {
            Map<String, Object> m = (Map<String, Object>) o;
            List<String> codes = new ArrayList<>();
            for (Object c : Json.list(m, "codes")) {
                codes.add(String.valueOf(c));
            }
            out.add(new FieldInfo(Json.str(m, "id"), Json.str(m, "family"), Json.str(m, "label"), List.copyOf(codes),
                    Json.str(m, "data_version")));
        }
        return List.copyOf(out);
    }
}
