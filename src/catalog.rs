//! The message catalog: every code the library can return, with its templates per locale,
//! as one table a build step can export.

use crate::message::Code;

/// Every code: the registry's (fields, attachments, documents, providers) then the filing's.
pub fn codes() -> Vec<&'static Code> {
    let mut codes = crate::registry::all_codes();
    for code in crate::filing::codes() {
        if !codes.iter().any(|c| c.id == code.id) {
            codes.push(code);
        }
    }
    codes
}

/// The catalog entry of a code id.
pub fn code(id: &str) -> Option<&'static Code> {
    codes().into_iter().find(|c| c.id == id)
}

/// The version a caller reports: the crate version with the data version as semver build
/// metadata (`0.1.0+data.2026-11-23`), so a result can be traced to its tables.
pub fn version() -> String {
    format!("{}+data.{}", env!("CARGO_PKG_VERSION"), crate::registry::data_version())
}
