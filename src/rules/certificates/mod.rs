//! Certificate numbers besides `resident_id` and `uscc`, and the `certificate` field that
//! dispatches on the certificate type the filing form offers (主办单位证件类型 and
//! 负责人证件类型: nwcd-website-guide-en Ninth 1; sinnet-guide-en "有效证件类型").
//!
//! Every number is compared as typed on a Chinese IME: full-width folded, spaces and
//! hyphens removed, upper-cased (`input::compact`).
//!
//! One file per number format, each citing its sources: `org_code`, `business_reg_no`,
//! `business_license`, `hmt_residence_permit`, `hk_macau_travel_permit`,
//! `taiwan_travel_permit`, `passport`, `foreigner_permanent_id`, and `uscc_kind` for the
//! organisation certificates numbered with a USCC. The `certificate` rule itself runs
//! another registered rule, so it lives in the registry; its codes are declared here.
//!
//! The seeds name only some certificate types (sinnet-guide-en "有效证件类型", the NWCD
//! guides' 营业执照 / 居民身份证); the other organisation types follow the MIIT filing
//! system's 主办单位证件类型 list as the big consoles show it (律师事务所执业许可证 `31`,
//! 公证机构执业证 `32`, 司法鉴定许可证 `34`, 外国在华文化中心登记证 `41`, 宗教活动场所登记证
//! `71`, 农村集体经济组织登记证 `N`). Certificates whose number is not a USCC (医疗机构执业
//! 许可证, overseas documents) are unknown types rather than guessed.

use crate::input::fold_width;
use crate::message::Code;
use crate::rule::{union, union_len, Rule};
use crate::rules::resident_id;
use crate::message::text;

pub mod business_license;
pub mod business_reg_no;
pub mod foreigner_permanent_id;
pub mod hk_macau_travel_permit;
pub mod hmt_residence_permit;
pub mod org_code;
pub mod passport;
pub mod taiwan_travel_permit;
pub mod uscc_kind;

pub const CERT_TYPE_MISSING: Code = Code {
    id: "certificate.type_missing",
    zh: text("请先选择证件类型"),
    en: text("Choose the certificate type first"),
};
pub const CERT_TYPE_UNKNOWN: Code = Code {
    id: "certificate.type_unknown",
    zh: text("不支持的证件类型“{type}”"),
    en: text("Unsupported certificate type \"{type}\""),
};

/// The certificate rules, in documentation order.
pub const RULES: &[Rule] = &[
    org_code::RULE,
    business_reg_no::RULE,
    business_license::RULE,
    uscc_kind::PUBLIC_INSTITUTION_CERT,
    uscc_kind::SOCIAL_ORG_CERT,
    uscc_kind::PRIVATE_NON_ENTERPRISE_CERT,
    uscc_kind::FOUNDATION_CERT,
    uscc_kind::LAW_FIRM_LICENSE,
    uscc_kind::NOTARY_LICENSE,
    uscc_kind::JUDICIAL_APPRAISAL_LICENSE,
    uscc_kind::FOREIGN_CULTURAL_CENTRE_CERT,
    uscc_kind::RELIGIOUS_VENUE_CERT,
    uscc_kind::RURAL_COLLECTIVE_CERT,
    uscc_kind::MILITARY_SERVICE_PERMIT,
    hmt_residence_permit::RULE,
    hk_macau_travel_permit::RULE,
    taiwan_travel_permit::RULE,
    passport::RULE,
    foreigner_permanent_id::RULE,
];

/// The lists of what `certificate` can return, in the order docs/FIELDS.md shows them.
const CERT_LISTS: &[&[&Code]] = &[
    &[&CERT_TYPE_MISSING, &CERT_TYPE_UNKNOWN],
    resident_id::CODES,
    uscc_kind::USCC_KIND_CODES,
    org_code::CODES,
    business_reg_no::CODES,
    hmt_residence_permit::CODES,
    hk_macau_travel_permit::CODES,
    taiwan_travel_permit::CODES,
    passport::CODES,
    foreigner_permanent_id::CODES,
];
/// Everything `certificate` can return: its own codes and those of every target rule.
pub const CERT_CODES: &[&Code] = &union::<{ union_len(CERT_LISTS) }>(CERT_LISTS);

/// Certificate type names as the filing forms show them (Chinese, brackets' text dropped)
/// and English ids, each with the field id that validates its number.
pub static CERTIFICATE_TYPES: &[(&str, &str)] = &[
    ("居民身份证", "resident_id"),
    ("身份证", "resident_id"),
    ("营业执照", "business_license"),
    ("工商营业执照", "business_license"),
    ("统一社会信用代码证书", "uscc"),
    ("事业单位法人证书", "public_institution_cert"),
    ("社会团体法人登记证书", "social_org_cert"),
    ("民办非企业单位登记证书", "private_non_enterprise_cert"),
    // The Charity Law (2016) renamed 民办非企业单位 to 社会服务机构; both names are in use.
    ("社会服务机构登记证书", "private_non_enterprise_cert"),
    ("基金会法人登记证书", "foundation_cert"),
    ("律师事务所执业许可证", "law_firm_license"),
    ("公证机构执业证", "notary_license"),
    ("司法鉴定许可证", "judicial_appraisal_license"),
    ("外国在华文化中心登记证", "foreign_cultural_centre_cert"),
    ("宗教活动场所登记证", "religious_venue_cert"),
    ("农村集体经济组织登记证", "rural_collective_cert"),
    ("组织机构代码证", "org_code"),
    ("组织机构代码证书", "org_code"),
    ("军队单位对外有偿服务许可证", "military_service_permit"),
    ("港澳居民来往内地通行证", "hk_macau_travel_permit"),
    ("台湾居民来往大陆通行证", "taiwan_travel_permit"),
    ("护照", "passport"),
    ("外国人永久居留身份证", "foreigner_permanent_id"),
    ("港澳台居民居住证", "hmt_residence_permit"),
    ("港澳居民居住证", "hmt_residence_permit"),
    ("台湾居民居住证", "hmt_residence_permit"),
    // English names callers use besides the field ids.
    ("id_card", "resident_id"),
    ("business_licence", "business_license"),
    ("home_return_permit", "hk_macau_travel_permit"),
];

/// The ids of [`RULES`], evaluated at compile time: the filing module of the npm package reads
/// them without linking the rules themselves.
const RULE_IDS: [&str; RULES.len()] = {
    let mut ids = [""; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        ids[i] = RULES[i].id;
        i += 1;
    }
    ids
};

/// The field id for a certificate type name or id, if known.
pub fn certificate_field(type_name: &str) -> Option<&'static str> {
    let folded = fold_width(type_name);
    let name = folded.split('(').next().unwrap_or("").trim();
    let lower = name.to_ascii_lowercase();
    CERTIFICATE_TYPES.iter().find(|(n, _)| *n == name || *n == lower).map(|&(_, id)| id).or_else(|| {
        RULE_IDS.into_iter().chain(["resident_id", "uscc"]).find(|id| *id == lower && *id != "certificate")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Context;
    use crate::date::Date;
    use crate::outcome::Outcome;

    /// Every identity rule survives multi-byte and odd-length input at each position a
    /// rule slices (no panic on char boundaries).
    #[test]
    fn no_panic_on_hostile_input() {
        let atoms = ["9", "X", "H", "E", "é", "中", "𠮷", "-", "@", ".", "(", "号", "备", "~", " ", "·", "ICP"];
        let ctx = Context { today: Date::new(2026, 11, 23), certificate_type: Some(crate::context::CertificateType::Field("passport")), ..Context::default() };
        for rule in crate::registry::rules() {
            for len in 0..22 {
                for (i, a) in atoms.iter().enumerate() {
                    let mut s: String = (0..len).map(|k| atoms[(k * 7 + i) % atoms.len()]).collect();
                    s.push_str(a);
                    let mut out = Outcome::default();
                    (rule.check)(&s, &ctx, &mut out);
                    let digits: String = "1".repeat(len) + a;
                    (rule.check)(&digits, &ctx, &mut Outcome::default());
                }
            }
        }
    }

    /// Every code an identity-family field can return is hit by at least one vector.
    #[test]
    fn every_identity_code_has_a_vector() {
        let vectors = [
            include_str!("../../../tests/vectors/resident_id.json"),
            include_str!("../../../tests/vectors/uscc.json"),
            include_str!("../../../tests/vectors/certificates/certificate.json"),
            include_str!("../../../tests/vectors/certificates/org_code.json"),
            include_str!("../../../tests/vectors/certificates/business_reg_no.json"),
            include_str!("../../../tests/vectors/certificates/business_license.json"),
            include_str!("../../../tests/vectors/certificates/uscc_kind.json"),
            include_str!("../../../tests/vectors/certificates/hmt_residence_permit.json"),
            include_str!("../../../tests/vectors/certificates/hk_macau_travel_permit.json"),
            include_str!("../../../tests/vectors/certificates/taiwan_travel_permit.json"),
            include_str!("../../../tests/vectors/certificates/passport.json"),
            include_str!("../../../tests/vectors/certificates/foreigner_permanent_id.json"),
            include_str!("../../../tests/vectors/names.json"),
            include_str!("../../../tests/vectors/validity.json"),
            include_str!("../../../tests/vectors/record_numbers.json"),
            include_str!("../../../tests/vectors/email.json"),
        ]
        .concat();
        for rule in crate::registry::rules().filter(|r| r.family == "identity") {
            for code in rule.codes {
                assert!(vectors.contains(&format!("\"{}\"", code.id)), "{} ({}) has no vector", code.id, rule.id);
            }
        }
    }

    /// `certificate` declares every code of the rules it can run.
    #[test]
    fn cert_codes_cover_every_target_rule() {
        let targets = RULES.iter().map(|r| r.codes).chain([resident_id::CODES, crate::rules::uscc::CODES]);
        for code in targets.flatten() {
            assert!(CERT_CODES.iter().any(|c| c.id == code.id), "{} is missing from CERT_CODES", code.id);
        }
    }

    #[test]
    fn certificate_types_resolve_to_registered_fields() {
        for &(name, field) in CERTIFICATE_TYPES {
            assert!(crate::registry::find(field).is_some(), "{name} -> {field}");
            assert_eq!(certificate_field(name), Some(field));
        }
        assert_eq!(certificate_field("营业执照（个人或企业）"), Some("business_license"));
        assert_eq!(certificate_field("PASSPORT"), Some("passport"));
        assert_eq!(certificate_field("ID_Card"), Some("resident_id"));
        assert_eq!(certificate_field("事业单位法人证书"), Some("public_institution_cert"));
        assert_eq!(certificate_field("certificate"), None);
    }
}
