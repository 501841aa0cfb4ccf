package org.icpvalidate;

import java.util.Map;

/**
 * The versions of the loaded core module.
 *
 * @param abiVersion  the ABI version (docs/ABI.md), 1
 * @param version     what {@code icp-validate --version} prints after the program name
 * @param dataVersion the version of the bundled data (regions, suffixes, providers)
 */
public record Version(int abiVersion, String version, String dataVersion) {

    static Version parse(String json) {
        Map<String, Object> m = Json.parseObject(json);
        return new Version(((Number) m.get("abi_version")).intValue(), Json.str(m, "version"), Json.str(m, "data_version"));
    }
}
