//! `record_number_family`: a service's record number is the entity's record number plus its
//! service index (`京ICP备12345678号-1` under `京ICP备12345678号`), as MIIT numbers them.

use super::cross_rule::CrossRule;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::Code;
use crate::message::text;

pub const RECORD_NUMBER_MISMATCH: Code = Code {
    id: "filing.record_number_mismatch",
    zh: text("服务备案号 {record} 不属于主体备案号 {entity_record}"),
    en: text("The service record number {record} does not belong to the entity's record {entity_record}"),
};

pub static RULE: CrossRule = CrossRule {
    id: "record_number_family",
    reads: &["entity.record_number", "services[*].record_number"],
    writes: &["services[*].record_number"],
    codes: &[&RECORD_NUMBER_MISMATCH],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let kind = w.filing.kind;
    if !kind.entity_is_filed() || !kind.services_are_filed() {
        return;
    }
    let valid = |slot: Slot| w.outcome(slot).filter(|o| !o.has_errors()).is_some();
    if !valid(Slot::EntityRecord) {
        return;
    }
    let entity_record = w.canonical(Slot::EntityRecord, &w.filing.entity.record_number);
    for (i, s) in w.services().iter().enumerate() {
        if !valid(Slot::ServiceRecord(i)) {
            continue;
        }
        let record = w.canonical(Slot::ServiceRecord(i), &s.record_number);
        if !record.starts_with(entity_record.as_str()) || !record[entity_record.len()..].starts_with('-') {
            f.error(&format!("services[{i}].record_number"), &RECORD_NUMBER_MISMATCH).input("record", record).input("entity_record", entity_record.as_str());
        }
    }
}
