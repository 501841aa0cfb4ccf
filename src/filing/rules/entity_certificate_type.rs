//! `entity_certificate_type`: the entity's certificate is one its type files with (an
//! enterprise a business licence, a public institution its legal-person certificate ...;
//! the MIIT filing system's 主办单位证件类型 list as the consoles show it, `model.rs`).

use super::cross_rule::CrossRule;
use crate::filing::model::certificate_fields;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Value};
use crate::message::text;

pub const CERTIFICATE_TYPE_MISMATCH: Code = Code {
    id: "filing.certificate_type_mismatch",
    zh: text("“{type}”不是{entity_type}可用的主体证件"),
    en: text("\"{type}\" is not a certificate a {entity_type} entity files with"),
};

pub static RULE: CrossRule = CrossRule {
    id: "entity_certificate_type",
    reads: &["entity.type", "entity.certificate_type"],
    writes: &["entity.certificate_type"],
    codes: &[&CERTIFICATE_TYPE_MISMATCH],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let entity = &w.filing.entity;
    if let Some(field) = w.entity_certificate {
        if !certificate_fields(entity.entity_type).contains(&field) {
            f.error("entity.certificate_type", &CERTIFICATE_TYPE_MISMATCH)
                .input("type", crate::input::excerpt(&entity.certificate_type, 30))
                .param("entity_type", Value::Term(entity.entity_type.term()));
        }
    }
}
