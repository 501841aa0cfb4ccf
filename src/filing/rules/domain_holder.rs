//! `domain_holder`: what the registrar knows about each domain, when the filer gives it
//! (a domain written as an object, `model::DomainRecord`).
//!
//! - The holder is the filing entity: nwcd-website-guide-zh 五 1.(4)(5) (已通过实名认证;
//!   备案主体信息应与域名注册人（域名持有者）实名认证信息相符), sinnet-guide-en materials table
//!   item 9 ("The domain name owner must be the entity for filing"), aliyun-filing-guide-en
//!   step 2 ("The MIIT system verifies the domain name holder information and the ICP Filing
//!   subject information"). A holder name or certificate number that differs from the
//!   entity's, after normalisation (width, spaces, case; hyphens in numbers), is an error at
//!   that part of the domain. For a personal filing the entity is the person, whose name and
//!   certificate are also those of the person in charge. (The Aliyun prerequisites also name
//!   "the subject administrator"; the other guides do not, so the entity is what counts here.)
//! - The registration stays valid at least 3 more months: nwcd-website-guide-zh 五 1.(3)
//!   (有效期大于等于三个月), sinnet-guide-en item 9 ("a validity period of more than 3
//!   months"). An expiry date before today plus 3 months is an error; a date that cannot be
//!   read is an error too, since the check would be silently skipped.

use super::cross_rule::CrossRule;
use crate::date::Date;
use crate::filing::model::EntityType;
use crate::filing::report::MAX_ITEMS;
use crate::filing::walk::{Findings, Walk};
use crate::input::{compact_upper, excerpt};
use crate::message::{Code, Value};
use crate::rules::names::name_key;
use crate::message::text;

pub const DOMAIN_HOLDER_MISMATCH: Code = Code {
    id: "filing.domain_holder_mismatch",
    zh: text("域名 {domain} 的持有者“{holder}”与备案主体“{entity}”不一致：备案主体应与域名注册人的实名认证信息相符"),
    en: text("The holder of {domain}, \"{holder}\", is not the filing entity \"{entity}\": the entity must match the domain's real-name registrant"),
};
pub const DOMAIN_HOLDER_CERTIFICATE_MISMATCH: Code = Code {
    id: "filing.domain_holder_certificate_mismatch",
    zh: text("域名 {domain} 持有者的证件号码与备案主体的证件号码不一致"),
    en: text("The certificate number of the holder of {domain} is not the filing entity's"),
};
pub const DOMAIN_EXPIRES_SOON: Code = Code {
    id: "filing.domain_expires_soon",
    zh: text("域名 {domain} 的注册到期日为 {expiry}，备案要求域名有效期至少还有三个月（{min_expiry} 或之后到期）"),
    en: text("{domain} is registered until {expiry}; a filing needs at least 3 more months of registration (expiring on {min_expiry} or later)"),
};
pub const DOMAIN_EXPIRY_INVALID: Code = Code {
    id: "filing.domain_expiry_invalid",
    zh: text("域名 {domain} 的到期日期“{value}”无法识别，请按 2027-05-01 的格式填写"),
    en: text("The expiry date \"{value}\" of {domain} is not a date; write it like 2027-05-01"),
};

/// Months of registration a filing needs left.
pub const MIN_MONTHS_LEFT: i32 = 3;

pub static RULE: CrossRule = CrossRule {
    id: "domain_holder",
    reads: &["services[*].domains[*]", "entity.type", "entity.name", "entity.certificate_number", "entity.person_in_charge"],
    writes: &["services[*].domains[*].holder_name", "services[*].domains[*].holder_certificate_number", "services[*].domains[*].expiry_date"],
    codes: &[&DOMAIN_HOLDER_MISMATCH, &DOMAIN_HOLDER_CERTIFICATE_MISMATCH, &DOMAIN_EXPIRES_SOON, &DOMAIN_EXPIRY_INVALID],
    check,
};

fn check(w: &Walk, f: &mut Findings) {
    let entity = &w.filing.entity;
    let person = &entity.person_in_charge;
    let personal = entity.entity_type == EntityType::Individual;
    // The names and numbers the holder may carry: the entity's, and for a personal filing
    // the person's (the same individual, typed in two places).
    let mut names = vec![name_key(&entity.name)];
    let mut numbers = vec![compact_upper(&entity.certificate_number)];
    if personal {
        names.push(name_key(&person.name));
        numbers.push(compact_upper(&person.certificate_number));
    }
    names.retain(|n| !n.is_empty());
    numbers.retain(|n| !n.is_empty());
    let min_expiry = w.options.today.or_else(Date::today).map(|d| d.add_months(MIN_MONTHS_LEFT));
    for (i, s) in w.services().iter().enumerate() {
        for (j, d) in s.domains.iter().take(MAX_ITEMS).enumerate() {
            let Some(r) = d.record() else { continue };
            let base = format!("services[{i}].domains[{j}]");
            let domain = Value::Input(excerpt(r.name.trim(), 60).into_boxed_str());
            if !r.holder_name.trim().is_empty() && !names.is_empty() && !names.contains(&name_key(&r.holder_name)) {
                f.error(&format!("{base}.holder_name"), &DOMAIN_HOLDER_MISMATCH)
                    .param("domain", domain.clone())
                    .input("holder", excerpt(r.holder_name.trim(), 40))
                    .input("entity", excerpt(entity.name.trim(), 40));
            }
            let number = compact_upper(&r.holder_certificate_number);
            if !number.is_empty() && !numbers.is_empty() && !numbers.contains(&number) {
                f.error(&format!("{base}.holder_certificate_number"), &DOMAIN_HOLDER_CERTIFICATE_MISMATCH).param("domain", domain.clone());
            }
            let expiry = r.expiry_date.trim();
            if expiry.is_empty() {
                continue;
            }
            match Date::parse(expiry) {
                None => {
                    f.error(&format!("{base}.expiry_date"), &DOMAIN_EXPIRY_INVALID).param("domain", domain).input("value", excerpt(expiry, 20));
                }
                Some(date) => {
                    if let Some(min) = min_expiry.filter(|min| date < *min) {
                        f.error(&format!("{base}.expiry_date"), &DOMAIN_EXPIRES_SOON).param("domain", domain).param("expiry", date.to_string()).param("min_expiry", min.to_string());
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::walk::walk;
    use crate::filing::{Filing, Options};

    fn findings(filing: serde_json::Value) -> Vec<String> {
        let filing: Filing = serde_json::from_value(filing).unwrap();
        let options = Options { today: Date::parse("2026-11-23"), ..Options::default() };
        let w = walk(&filing, &options);
        let mut f = Findings::default();
        (RULE.check)(&w, &mut f);
        f.list.iter().map(|(path, _, finding)| format!("{path} {}", finding.code.id)).collect()
    }

    #[test]
    fn holder_and_expiry_are_checked_against_the_entity_and_today() {
        let filing = serde_json::json!({
            "entity": { "type": "enterprise", "name": "北京云帆科技有限公司", "certificate_number": "91110108MA01ABCD5T" },
            "services": [{ "domains": [
                "plain.cn",
                { "name": "a.cn", "holder_name": "北京云帆科技有限公司 ", "holder_certificate_number": "91110108ma01abcd5t", "expiry_date": "2027-02-23" },
                { "name": "b.cn", "holder_name": "上海云帆科技有限公司", "holder_certificate_number": "91310115MA1FL5XW2F", "expiry_date": "2027-02-22" },
                { "name": "c.cn", "expiry_date": "2026-01-01" },
                { "name": "d.cn", "expiry_date": "明年" },
                { "name": "e.cn", "holder_name": "ＢＥＩＪＩＮＧ", "expiry_date": "" }
            ]}]
        });
        assert_eq!(
            findings(filing),
            [
                "services[0].domains[2].holder_name filing.domain_holder_mismatch",
                "services[0].domains[2].holder_certificate_number filing.domain_holder_certificate_mismatch",
                "services[0].domains[2].expiry_date filing.domain_expires_soon",
                "services[0].domains[3].expiry_date filing.domain_expires_soon",
                "services[0].domains[4].expiry_date filing.domain_expiry_invalid",
                "services[0].domains[5].holder_name filing.domain_holder_mismatch",
            ]
        );
    }

    #[test]
    fn a_personal_filing_is_held_by_the_person() {
        let filing = serde_json::json!({
            "entity": { "type": "individual", "name": "张三", "certificate_number": "",
                        "person_in_charge": { "name": "张三", "certificate_number": "11010519491231002X" } },
            "services": [{ "domains": [
                { "name": "a.cn", "holder_name": "张 三", "holder_certificate_number": "110105 1949 1231 002x" },
                { "name": "b.cn", "holder_name": "李四", "holder_certificate_number": "11010519491231002X" }
            ]}]
        });
        assert_eq!(findings(filing), ["services[0].domains[1].holder_name filing.domain_holder_mismatch"]);
    }

    #[test]
    fn three_months_from_today() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2026-11-23").add_months(3), d("2027-02-23"));
        assert_eq!(d("2026-11-30").add_months(3), d("2027-02-28"));
        assert_eq!(d("2027-11-30").add_months(3), d("2028-02-29"));
        assert_eq!(d("2026-01-31").add_months(-2), d("2025-11-30"));
    }
}
