//! `record_service_type`: since the MIIT added APP filing (2023), an APP's record number
//! carries `A` after its service index (`沪ICP备2025152989号-1A`) and a website's has no
//! letter (`京ICP备12345678号-1`); mini programs, filed through their platforms, show `X`.
//! A service whose record number has the other kind's suffix is an error at that record
//! number: the record belongs to another service (issue 19 item 1; the shapes are those of
//! the records beian.miit.gov.cn shows, certain for `A`, fairly sure for `X`).

use super::cross_rule::CrossRule;
use crate::filing::model::ServiceType;
use crate::filing::walk::{Findings, Slot, Walk};
use crate::message::{Code, Term, Value};
use crate::message::text;

pub const RECORD_SERVICE_TYPE: Code = Code {
    id: "filing.record_service_type",
    zh: text("{record} 是 {record_kind} 的备案号，而此服务是 {service_type}：APP 的备案号序号带 A（如“号-1A”），网站的不带字母（如“号-1”）"),
    en: text("{record} is the record number of {record_kind}, but this service is {service_type}: an APP's record ends in A (\"-1A\"), a website's has no letter (\"-1\")"),
};

pub const WEBSITE: Term = Term { id: "website", zh: text("网站"), en: text("a website") };
pub const APP: Term = Term { id: "app", zh: text("APP"), en: text("an APP") };
pub const MINI_PROGRAM: Term = Term { id: "mini_program", zh: text("小程序"), en: text("a mini program") };

pub static RULE: CrossRule = CrossRule {
    id: "record_service_type",
    reads: &["services[*].type", "services[*].record_number"],
    writes: &["services[*].record_number"],
    codes: &[&RECORD_SERVICE_TYPE],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    for (i, s) in w.services().iter().enumerate() {
        let Some(out) = w.outcome(Slot::ServiceRecord(i)).filter(|o| !o.has_errors()) else { continue };
        let Some(Value::Str(record_type)) = out.detail_value(crate::outcome::DetailKey::SERVICE_TYPE) else { continue };
        let record_kind = match &**record_type {
            "app" => &APP,
            "mini_program" => &MINI_PROGRAM,
            _ => &WEBSITE,
        };
        let (expected, service_type) = match s.service_type {
            ServiceType::App => ("app", &APP),
            ServiceType::Website => ("website", &WEBSITE),
        };
        if &**record_type != expected {
            f.error(&format!("services[{i}].record_number"), &RECORD_SERVICE_TYPE)
                .input("record", w.canonical(Slot::ServiceRecord(i), &s.record_number))
                .param("record_kind", Value::Term(record_kind))
                .param("service_type", Value::Term(service_type));
        }
    }
}
