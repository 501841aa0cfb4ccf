//! `contacts_distinct`: different persons in charge never share a mobile number or an e-mail
//! address: the MIIT system sends each person their own SMS code and mail (the big consoles
//! refuse shared ones; nwcd-website-guide-zh 九 2 on SMS verification).

use super::cross_rule::CrossRule;
use crate::filing::walk::{person_key, Findings, Walk};
use crate::message::Code;

pub const MOBILE_SHARED: Code = Code {
    id: "filing.mobile_shared",
    zh: "不同负责人不能使用同一手机号码（与 {other} 相同）",
    en: "Different persons in charge cannot share a mobile number (same as {other})",
};
pub const EMAIL_SHARED: Code = Code {
    id: "filing.email_shared",
    zh: "不同负责人不能使用同一电子邮箱（与 {other} 相同）",
    en: "Different persons in charge cannot share an email address (same as {other})",
};

pub static RULE: CrossRule = CrossRule {
    id: "contacts_distinct",
    reads: &["entity.person_in_charge", "services[*].person_in_charge"],
    writes: &["services[*].person_in_charge.mobile", "services[*].person_in_charge.email"],
    codes: &[&MOBILE_SHARED, &EMAIL_SHARED],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let contacts: Vec<(String, String, &str, String)> = w.persons().into_iter().map(|(path, p)| (path, person_key(p), p.mobile.as_str(), crate::input::lower(p.email.trim()))).collect();
    for (i, (path, key, mobile, email)) in contacts.iter().enumerate().skip(1) {
        let earlier = &contacts[..i];
        if !mobile.trim().is_empty() {
            // The walk has each mobile's phone line (in the filing module, from the field
            // module with the field outcomes: no phone parser is linked into it).
            if let Some((_, o)) = earlier.iter().enumerate().find(|(j, o)| o.1 != *key && w.same_mobile(*j, i)) {
                f.error(&format!("{path}.mobile"), &MOBILE_SHARED).param("other", o.0.clone());
            }
        }
        if !email.is_empty() {
            if let Some(o) = earlier.iter().find(|o| o.1 != *key && o.3 == *email) {
                f.error(&format!("{path}.email"), &EMAIL_SHARED).param("other", o.0.clone());
            }
        }
    }
}
