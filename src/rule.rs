//! What a field rule is: the type every rule module declares its `RULES` with. Lives below
//! the rules so that they import it and the registry imports them, never the other way.

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
