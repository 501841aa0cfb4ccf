package org.icpvalidate;

import java.util.List;
import java.util.Map;

/**
 * What an APP file (APK, IPA, HAP/APP, provisioning profile, certificate) says, as
 * {@code icp-validate app-info} prints it: the values an APP filing asks for.
 *
 * @param kind        the file's kind as recognised
 * @param platform    the platform it is for, when known
 * @param packageName the package name / bundle id, when found
 * @param md5         the signing certificate's MD5 fingerprint, when found
 * @param publicKey   the signing public key, when found
 * @param valid       no error
 * @param errors      error findings
 * @param warnings    warning findings
 * @param info        the whole answer (certificates, schemes, bytes read, …) as parsed JSON
 * @param json        the module's exact answer: pretty JSON and {@code \n}
 */
public record AppFileInfo(String kind, String platform, String packageName, String md5, String publicKey, boolean valid,
        List<Finding> errors, List<Finding> warnings, Map<String, Object> info, String json) {

    static AppFileInfo parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new AppFileInfo(Json.str(m, "kind"), Json.str(m, "platform"), Json.str(m, "package"), Json.str(m, "md5"),
                Json.str(m, "public_key"), Json.bool(m, "valid"), Finding.listOf(Json.list(m, "errors")),
                Finding.listOf(Json.list(m, "warnings")), m, json);
    }
}
