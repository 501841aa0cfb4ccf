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
