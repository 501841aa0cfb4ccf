//! `contacts_distinct`: different persons in charge never share a mobile number or an e-mail
//! address: the MIIT system sends each person their own SMS code and mail (the big consoles
//! refuse shared ones; nwcd-website-guide-zh 九 2 on SMS verification).

use super::cross_rule::CrossRule;
use crate::filing::walk::{person_key, Findings, Walk};
use crate::message::Code;
use crate::message::text;

pub const MOBILE_SHARED: Code = Code {
    id: "filing.mobile_shared",
    zh: text("不同负责人不能使用同一手机号码（与 {other} 相同）"),
    en: text("Different persons in charge cannot share a mobile number (same as {other})"),
};
pub const EMAIL_SHARED: Code = Code {
    id: "filing.email_shared",
    zh: text("不同负责人不能使用同一电子邮箱（与 {other} 相同）"),
    en: text("Different persons in charge cannot share an email address (same as {other})"),
};

pub static RULE: CrossRule = CrossRule {
    id: "contacts_distinct",
    reads: &["entity.person_in_charge", "services[*].person_in_charge"],
    writes: &["services[*].person_in_charge.mobile", "services[*].person_in_charge.email"],
    codes: &[&MOBILE_SHARED, &EMAIL_SHARED],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    // Paths are written only for a finding.
    let persons = w.persons_in_charge();
    let contacts: Vec<(String, &str, String)> = persons.iter().map(|p| (person_key(p), p.mobile.as_str(), crate::input::lower(p.email.trim()))).collect();
    for (i, (key, mobile, email)) in contacts.iter().enumerate().skip(1) {
        let earlier = &contacts[..i];
        if !mobile.trim().is_empty() {
            // The walk has each mobile's phone line (in the filing module, from the field
            // module with the field outcomes: no phone parser is linked into it).
            if let Some(j) = (0..i).find(|&j| earlier[j].0 != *key && w.same_mobile(j, i)) {
                f.error(&format!("{}.mobile", Walk::person_path(i)), &MOBILE_SHARED).param("other", Walk::person_path(j));
            }
        }
        if !email.is_empty() {
            if let Some(j) = earlier.iter().position(|o| o.0 != *key && o.2 == *email) {
                f.error(&format!("{}.email", Walk::person_path(i)), &EMAIL_SHARED).param("other", Walk::person_path(j));
            }
        }
    }
}
