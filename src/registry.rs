//! The rule registry: every field id the CLI, JS and Rust APIs accept.

use crate::context::Context;
use crate::message::Code;
use crate::outcome::Outcome;

/// One field rule. `check` receives a value that already passed the shared screening
/// (size, forbidden characters, not blank) and records findings in the outcome.
pub struct Rule {
    /// Field id, the public contract (`resident_id`, `uscc`, ...).
    pub id: &'static str,
    /// Rule family, for documentation grouping (`identity`, `domain`, ...).
    pub family: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Every code `check` can emit, for the generated field reference.
    pub codes: &'static [&'static Code],
    /// Longest accepted value in UTF-8 bytes.
    pub max_bytes: usize,
    /// Multi-line values (PEM keys) may contain line breaks and tabs.
    pub multiline: bool,
    pub check: fn(&str, &Context, &mut Outcome),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule").field("id", &self.id).finish_non_exhaustive()
    }
}

/// Rule families in documentation order. A new module adds its `RULES` here.
static FAMILIES: &[&[Rule]] = &[
    crate::rules::resident_id::RULES,
    crate::rules::uscc::RULES,
    crate::rules::certificates::RULES,
    crate::rules::names::RULES,
    crate::rules::validity::RULES,
    crate::rules::record_numbers::RULES,
    crate::rules::email::RULES,
    crate::rules::phone::RULES,
    crate::rules::domain::RULES,
    crate::rules::app::RULES,
    crate::rules::access::RULES,
];

/// All rules, in documentation order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|family| family.iter())
}

/// The rule for a field id: binary search over an index sorted once (a linear scan of the
/// ~70 ids showed up in profiles of every call).
pub fn find(id: &str) -> Option<&'static Rule> {
    static INDEX: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        // Insertion into place: built once for ~70 ids, and the last user of slice::sort,
        // whose instance was 3 KB of the wasm.
        let mut v: Vec<&'static Rule> = Vec::new();
        for rule in rules() {
            let at = v.partition_point(|r| r.id < rule.id);
            v.insert(at, rule);
        }
        v
    });
    index.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| index[i])
}

/// Every code any field, attachment or filing check can return (shared input codes first), each once.
pub fn all_codes() -> Vec<&'static Code> {
    let mut codes: Vec<&'static Code> = crate::input::CODES.to_vec();
    for rule in rules() {
        for &code in rule.codes {
            if !codes.iter().any(|c| c.id == code.id) {
                codes.push(code);
            }
        }
    }
    for &code in crate::attachment::CODES.iter().chain(crate::filing::CODES).chain(crate::filing::documents::REASONS) {
        if !codes.iter().any(|c| c.id == code.id) {
            codes.push(code);
        }
    }
    codes
}

/// The catalog entry of a code id.
pub fn code(id: &str) -> Option<&'static Code> {
    all_codes().into_iter().find(|c| c.id == id)
}
