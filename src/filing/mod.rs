//! The whole filing: every field rule at its path (`services[0].domains[1]`), the rules that
//! need several fields at once, the provider profile, the verification route and the
//! checklist of documents. Natively `validate_filing`, in JS `validateFiling`, on the command
//! line `icp-validate filing FILE.json`; all three return the same `Report`.

mod check;
pub mod model;
pub mod read;
mod report;
pub mod rules;
pub mod terms;
pub mod walk;

pub use check::{check_filing_json, malformed, malformed_checked, validate_filing, validate_filing_json};
pub use terms::{NOT_JSON, NOT_SERIALISABLE, OPTIONS_MALFORMED};
#[cfg(feature = "schema")]
pub use check::schema_json;
pub use model::*;
pub use report::*;

/// Every code the filing check itself can report: its own (malformed input, limits, route)
/// and those of the cross-field rules.
pub fn codes() -> impl Iterator<Item = &'static crate::message::Code> {
    CODES.iter().copied().chain(rules::RULES.iter().flat_map(|r| r.codes.iter().copied()))
}
