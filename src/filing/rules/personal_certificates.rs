//! `personal_certificates`: a person in charge files with a personal identity document
//! (sinnet-guide-en "有效证件类型" for persons; nwcd-website-guide-en Appendix 1 items 2-3),
//! never with an organisation's certificate.

use super::cross_rule::CrossRule;
use crate::filing::model::PERSONAL_CERTIFICATES;
use crate::filing::walk::{Findings, Walk};
use crate::message::Code;
use crate::rules::certificates::certificate_field;
use crate::message::text;

pub const PERSONAL_CERTIFICATE_REQUIRED: Code = Code {
    id: "filing.personal_certificate_required",
    zh: text("负责人须使用个人证件，“{type}”不是个人证件"),
    en: text("A person in charge files with a personal document; \"{type}\" is not one"),
};

pub static RULE: CrossRule = CrossRule {
    id: "personal_certificates",
    reads: &["entity.person_in_charge.certificate_type", "services[*].person_in_charge.certificate_type"],
    writes: &["entity.person_in_charge.certificate_type", "services[*].person_in_charge.certificate_type"],
    codes: &[&PERSONAL_CERTIFICATE_REQUIRED],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    for (base, p) in w.persons() {
        if certificate_field(&p.certificate_type).is_some_and(|field| !PERSONAL_CERTIFICATES.contains(&field)) {
            f.error(&format!("{base}.certificate_type"), &PERSONAL_CERTIFICATE_REQUIRED).input("type", crate::input::excerpt(&p.certificate_type, 30));
        }
    }
}
