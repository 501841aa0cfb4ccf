//! `record_province`: a record number's province prefix (京, 沪 ...) is the entity's province:
//! an entity's province cannot change, so a record number from another province belongs to
//! another filing (the MIIT numbers records per provincial Communications Administration).

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::{Code, Value};
use crate::province_code::ProvinceCode;
use crate::message::text;

pub const RECORD_PROVINCE_MISMATCH: Code = Code {
    id: "filing.record_province_mismatch",
    zh: text("备案号属于{record_province}，与主办单位所在省{province}不一致（主体所在省不能变更）"),
    en: text("The record number belongs to {record_province}, not to the entity's province {province} (an entity's province cannot change)"),
};

pub static RULE: CrossRule = CrossRule {
    id: "record_province",
    reads: &["entity.province", "entity.record_number", "services[*].record_number"],
    writes: &["entity.record_number", "services[*].record_number"],
    codes: &[&RECORD_PROVINCE_MISMATCH],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let Some(p) = w.province else { return };
    let mut slots = Vec::new();
    if w.filing.kind.entity_is_filed() {
        slots.push(Slot::EntityRecord);
    }
    if w.filing.kind.services_are_filed() {
        slots.extend((0..w.services().len()).map(Slot::ServiceRecord));
    }
    for slot in slots {
        let record = match w.outcome(slot).and_then(|o| o.detail_value(crate::outcome::DetailKey::PROVINCE)) {
            Some(Value::Str(name)) => crate::region::parse_province(name),
            _ => None,
        };
        if let Some(r) = record.filter(|r| r.code != p.code) {
            let path = match slot {
                Slot::ServiceRecord(i) => format!("services[{i}].record_number"),
                _ => "entity.record_number".to_owned(),
            };
            f.error(&path, &RECORD_PROVINCE_MISMATCH).param("record_province", Value::Province(ProvinceCode(r.code))).param("province", Value::Province(ProvinceCode(p.code)));
        }
    }
}
