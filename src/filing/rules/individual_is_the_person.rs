//! `individual_is_the_person`: in a personal filing the entity is the person: its name is
//! the person's name and every service is in that person's charge (the consoles' personal
//! filing form, where the individual is both 主办者 and 负责人).

use super::cross_rule::CrossRule;
use crate::filing::model::EntityType;
use crate::filing::walk::{person_key, Findings, Walk};
use crate::message::Code;
use crate::rules::names::name_key;
use crate::message::text;

pub const INDIVIDUAL_NAME_MISMATCH: Code = Code {
    id: "filing.individual_name_mismatch",
    zh: text("个人备案的主办单位名称应为本人姓名“{name}”"),
    en: text("A personal filing's entity name is the person's own name, \"{name}\""),
};
pub const INDIVIDUAL_OTHER_PERSON: Code = Code {
    id: "filing.individual_other_person",
    zh: text("个人备案的服务负责人须为本人"),
    en: text("In a personal filing the person in charge of each service is the individual"),
};

pub static RULE: CrossRule = CrossRule {
    id: "individual_is_the_person",
    reads: &["entity.type", "entity.name", "entity.person_in_charge", "services[*].person_in_charge"],
    writes: &["entity.name", "services[*].person_in_charge"],
    codes: &[&INDIVIDUAL_NAME_MISMATCH, &INDIVIDUAL_OTHER_PERSON],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let entity = &w.filing.entity;
    if entity.entity_type != EntityType::Individual {
        return;
    }
    let person = &entity.person_in_charge;
    if !entity.name.trim().is_empty() && !person.name.trim().is_empty() && name_key(&entity.name) != name_key(&person.name) {
        f.error("entity.name", &INDIVIDUAL_NAME_MISMATCH).input("name", crate::input::excerpt(&person.name, 30));
    }
    let key = person_key(person);
    for (base, p) in w.persons().into_iter().skip(1) {
        if person_key(p) != key && !p.name.trim().is_empty() {
            f.error(&base, &INDIVIDUAL_OTHER_PERSON);
        }
    }
}
