//! `emergency_number`: a person's emergency number is another line than their mobile
//! (nwcd-website-guide-en Ninth 1, 应急联系电话: a second way to reach the person).

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::Code;
use crate::rules::phone::line_of;
use crate::message::text;

pub const EMERGENCY_SAME_AS_CONTACT: Code = Code {
    id: "filing.emergency_same_as_contact",
    zh: text("应急联系电话不能与联系电话相同"),
    en: text("The emergency number must differ from the contact number"),
};

pub static RULE: CrossRule = CrossRule {
    id: "emergency_number",
    reads: &["entity.person_in_charge.mobile", "entity.person_in_charge.emergency_phone", "services[*].person_in_charge.mobile", "services[*].person_in_charge.emergency_phone"],
    writes: &["entity.person_in_charge.emergency_phone", "services[*].person_in_charge.emergency_phone"],
    codes: &[&EMERGENCY_SAME_AS_CONTACT],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    for person in 0..=w.services().len() {
        let mobile = w.outcome(Slot::Mobile(person)).and_then(line_of);
        let emergency = w.outcome(Slot::Emergency(person)).and_then(line_of);
        if matches!((mobile, emergency), (Some(a), Some(b)) if a == b) {
            let path = if person == 0 { "entity.person_in_charge.emergency_phone".to_owned() } else { format!("services[{}].person_in_charge.emergency_phone", person - 1) };
            f.error(&path, &EMERGENCY_SAME_AS_CONTACT);
        }
    }
}
