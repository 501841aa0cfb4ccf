//! `individuals_accepted`: personal filings only with a provider that accepts them (NWCD does
//! not: nwcd-website-guide-en Third 1; nwcd-website-guide-zh 三 备案主体; the provider's file
//! says).

use super::cross_rule::CrossRule;
use crate::filing::model::EntityType;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Value};
use crate::message::text;

pub const INDIVIDUAL_NOT_ACCEPTED: Code = Code {
    id: "filing.individual_not_accepted",
    zh: text("{provider} 不受理个人备案"),
    en: text("{provider} does not accept personal filings"),
};

pub static RULE: CrossRule = CrossRule {
    id: "individuals_accepted",
    reads: &["entity.type", "provider"],
    writes: &["entity.type"],
    codes: &[&INDIVIDUAL_NOT_ACCEPTED],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    if w.filing.entity.entity_type == EntityType::Individual && !w.profile.accepts_individuals {
        f.error("entity.type", &INDIVIDUAL_NOT_ACCEPTED).param("provider", Value::Provider(w.profile.id));
    }
}
