//! Organisation certificates of public institutions, social organisations, private
//! non-enterprise units, foundations and military units carry the USCC since GB 32100-2015
//! and validate as `uscc`. GB 32100-2015 Table 1 fixes the first two characters of each
//! kind (事业单位 `12`, 社会团体 `51`, 民办非企业单位 `52`, 基金会 `53`, 工商 `9x`), so a
//! valid code of another kind gets the warning `certificate.uscc_kind` (most likely the
//! wrong certificate type was chosen). A warning, not an error: the MIIT system checks the
//! registry itself, and we would rather not block a legitimate oddity. Military permits
//! are not checked this way (their codes are not in Table 1's civil departments).

use crate::context::Context;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::{union, union_len, Rule};
use crate::rules::uscc;
use crate::message::text;

pub const USCC_KIND: Code = Code {
    id: "certificate.uscc_kind",
    zh: text("此类证件上的统一社会信用代码应以 {expected} 开头，当前为 {prefix}，请核对证件类型"),
    en: text("The unified social credit code on this certificate starts with {expected}, this one with {prefix}; check the certificate type"),
};

/// What [`check_uscc_kind`] can return: the USCC's codes and the kind warning.
const LISTS: &[&[&Code]] = &[uscc::CODES, &[&USCC_KIND]];
pub const USCC_KIND_CODES: &[&Code] = &union::<{ union_len(LISTS) }>(LISTS);

/// Validates a USCC and warns when a valid one starts with another kind's prefix
/// (GB 32100-2015 Table 1).
pub fn check_uscc_kind(value: &str, ctx: &Context, expected: &'static str, out: &mut Outcome) {
    uscc::check(value, ctx, out);
    let prefix = out.normalized.as_deref().and_then(|code| code.get(..2));
    if let Some(prefix) = prefix.filter(|p| !p.starts_with(expected)) {
        let prefix = prefix.to_owned();
        out.warn(&USCC_KIND).param("expected", expected).param("prefix", prefix);
    }
}

/// One check function per organisation certificate: a USCC whose first characters are
/// those GB 32100-2015 Table 1 gives that kind of organisation.
pub fn check_public_institution_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "12", out);
}

pub fn check_law_firm_license(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "31", out);
}

pub fn check_notary_license(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "32", out);
}

pub fn check_judicial_appraisal_license(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "34", out);
}

pub fn check_foreign_cultural_centre_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "41", out);
}

pub fn check_social_org_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "51", out);
}

pub fn check_private_non_enterprise_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "52", out);
}

pub fn check_foundation_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "53", out);
}

pub fn check_religious_venue_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "71", out);
}

pub fn check_rural_collective_cert(value: &str, ctx: &Context, out: &mut Outcome) {
    check_uscc_kind(value, ctx, "N", out);
}

pub const PUBLIC_INSTITUTION_CERT: Rule = Rule {
    id: "public_institution_cert",
    family: "identity",
    label_zh: text("事业单位法人证书号码"),
    label_en: text("Public institution certificate number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_public_institution_cert,
};

pub const SOCIAL_ORG_CERT: Rule = Rule {
    id: "social_org_cert",
    family: "identity",
    label_zh: text("社会团体法人登记证书号码"),
    label_en: text("Social organisation certificate number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_social_org_cert,
};

pub const PRIVATE_NON_ENTERPRISE_CERT: Rule = Rule {
    id: "private_non_enterprise_cert",
    family: "identity",
    label_zh: text("民办非企业单位登记证书号码"),
    label_en: text("Private non-enterprise unit certificate number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_private_non_enterprise_cert,
};

pub const FOUNDATION_CERT: Rule = Rule {
    id: "foundation_cert",
    family: "identity",
    label_zh: text("基金会法人登记证书号码"),
    label_en: text("Foundation certificate number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_foundation_cert,
};

pub const LAW_FIRM_LICENSE: Rule = Rule {
    id: "law_firm_license",
    family: "identity",
    label_zh: text("律师事务所执业许可证号码"),
    label_en: text("Law firm practice licence number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_law_firm_license,
};

pub const NOTARY_LICENSE: Rule = Rule {
    id: "notary_license",
    family: "identity",
    label_zh: text("公证机构执业证号码"),
    label_en: text("Notary office practice certificate number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_notary_license,
};

pub const JUDICIAL_APPRAISAL_LICENSE: Rule = Rule {
    id: "judicial_appraisal_license",
    family: "identity",
    label_zh: text("司法鉴定许可证号码"),
    label_en: text("Judicial appraisal licence number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_judicial_appraisal_license,
};

pub const FOREIGN_CULTURAL_CENTRE_CERT: Rule = Rule {
    id: "foreign_cultural_centre_cert",
    family: "identity",
    label_zh: text("外国在华文化中心登记证号码"),
    label_en: text("Foreign cultural centre registration number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_foreign_cultural_centre_cert,
};

pub const RELIGIOUS_VENUE_CERT: Rule = Rule {
    id: "religious_venue_cert",
    family: "identity",
    label_zh: text("宗教活动场所登记证号码"),
    label_en: text("Religious venue registration number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_religious_venue_cert,
};

pub const RURAL_COLLECTIVE_CERT: Rule = Rule {
    id: "rural_collective_cert",
    family: "identity",
    label_zh: text("农村集体经济组织登记证号码"),
    label_en: text("Rural collective economic organisation registration number"),
    codes: USCC_KIND_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_rural_collective_cert,
};

/// Not checked for a kind: military units are outside Table 1's civil departments.
pub const MILITARY_SERVICE_PERMIT: Rule = Rule {
    id: "military_service_permit",
    family: "identity",
    label_zh: text("军队单位对外有偿服务许可证号码"),
    label_en: text("Military paid-service permit number"),
    codes: uscc::CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: uscc::check,
};
