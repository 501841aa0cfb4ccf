//! `provider_known`: a provider id that no profile has is reported once, where it was given,
//! and the generic profile applies (an unknown profile is never guessed; providers/generic.rs).

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Severity};
use crate::message::text;

pub const PROVIDER_UNKNOWN: Code = Code {
    id: "filing.provider_unknown",
    zh: text("未知的接入商“{provider}”，已按通用规则检查"),
    en: text("Unknown provider \"{provider}\"; the generic rules were applied"),
};

pub static RULE: CrossRule = CrossRule {
    id: "provider_known",
    reads: &["provider", "options.provider"],
    writes: &["provider", "options.provider"],
    codes: &[&PROVIDER_UNKNOWN],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    if let Some((path, id)) = w.unknown_provider {
        f.push(path, &PROVIDER_UNKNOWN, Severity::Warning).input("provider", crate::input::excerpt(id, 30));
    }
}
