//! What a cross-field rule declares.

use crate::filing::walk::{Findings, Walk};
use crate::message::Code;

/// One cross-field rule.
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
