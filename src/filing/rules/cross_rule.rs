//! What a cross-field rule declares.

use crate::filing::walk::{Findings, Walk};
use crate::message::Code;

/// One cross-field rule.
// `id`, `reads` and `writes` are declarations the unit tests hold the rules to.
#[cfg_attr(not(test), allow(dead_code))]
pub struct CrossRule {
    /// Stable id (`domains_unique`).
    pub id: &'static str,
    /// The filing paths it reads (`[*]` stands for every index).
    pub reads: &'static [&'static str],
    /// The paths it reports findings at.
    pub writes: &'static [&'static str],
    /// Every code it can report.
    pub codes: &'static [&'static Code],
    pub check: fn(&Walk, &mut Findings),
}
