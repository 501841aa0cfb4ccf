//! `pre_approvals`: a service in a pre-approval category (news, publishing, education,
//! health care, medicine and medical devices, culture, radio/film/TV, online games) names
//! its pre-approval document (nwcd-website-guide-en Ninth 2.(2); sinnet-guide-en 1.
//! "Pre-registration approval").

use super::cross_rule::CrossRule;
use crate::documents::pre_approval_category;
use crate::filing::report::MAX_ITEMS;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Value};
use crate::message::text;

pub const PRE_APPROVAL_MISSING: Code = Code {
    id: "filing.pre_approval_missing",
    zh: text("服务涉及“{category}”，请填写前置审批文件号"),
    en: text("The service involves \"{category}\": enter the pre-approval document number"),
};

pub static RULE: CrossRule = CrossRule {
    id: "pre_approvals",
    reads: &["services[*].categories[*]", "services[*].pre_approvals[*]"],
    writes: &["services[*].pre_approvals"],
    codes: &[&PRE_APPROVAL_MISSING],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    for (i, s) in w.services().iter().enumerate() {
        for cat in s.categories.iter().take(MAX_ITEMS).filter_map(|c| pre_approval_category(c)) {
            let has = s.pre_approvals.iter().any(|a| pre_approval_category(&a.category).map(|x| x.term.id) == Some(cat.term.id) && !a.document_number.trim().is_empty());
            if !has {
                f.error(&format!("services[{i}].pre_approvals"), &PRE_APPROVAL_MISSING).param("category", Value::Term(&cat.term));
            }
        }
    }
}
