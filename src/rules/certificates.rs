//! Certificate numbers besides `resident_id` and `uscc`, and the `certificate` field that
//! dispatches on the certificate type the filing form offers (主办单位证件类型 and
//! 负责人证件类型: nwcd-website-guide-en Ninth 1; sinnet-guide-en "有效证件类型").
//!
//! Every number is compared as typed on a Chinese IME: full-width folded, spaces and
//! hyphens removed, upper-cased (`input::compact`).
//!
//! Formats and their sources:
//! - `org_code`: GB 11714-1997 organization code, 8 characters `0-9A-Z` + check character
//!   (weights 3 7 9 10 5 8 4 2, MOD 11; `X` for 10). Normalised to the printed `XXXXXXXX-X`.
//! - `business_reg_no`: the 15-digit enterprise registration number used on business
//!   licences before the USCC (SAIC 工商行政管理市场主体注册号编制规则, GS 15-2006): 6-digit
//!   region of the registering authority, 8-digit sequence, ISO 7064 MOD 11,10 check digit.
//! - `hmt_residence_permit`: 港澳台居民居住证 (State Council 2018 regulation): the GB 11643
//!   layout with address code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan) and the
//!   resident-ID MOD 11-2 check. 830000 is not a GB/T 2260 code (Taiwan is 71), so it is
//!   handled here rather than by the region table.
//! - `hk_macau_travel_permit`: 港澳居民来往内地通行证 (回乡证): `H` (Hong Kong) or `M` (Macao)
//!   and 8 digits on the 2013 card; the card also prints a 2-digit issue count, and older
//!   booklets had 10 digits, so `H`/`M` and 8-10 digits are accepted.
//! - `taiwan_travel_permit`: 台湾居民来往大陆通行证 (台胞证): 8 digits on the 2015 card;
//!   older booklets appended an issue count as 2 digits or a letter (`12345678(B)`), both
//!   accepted and normalised to the 8-digit number (the suffix goes to `details.issue`).
//! - `passport`: Chinese ordinary passports `E` + 8 digits, `E` + letter (not I/O) + 7 digits
//!   (2017 series), `G` + 8 digits (pre-2012 series); diplomatic/service/public-affairs
//!   `D`, `S`, `P`, `DE`, `SE`, `PE` + 7 digits. Anything else is treated as a foreign
//!   passport under a lenient rule (ICAO 9303 numbers: 5-20 letters and digits with at least
//!   one digit), reported with its own code `passport.foreign_format`. A value that looks like
//!   a mistyped Chinese passport (`E`/`G` + wrong digit count, `E` + `I`/`O`) gets the
//!   *warning* `passport.cn_format`: the field does not know the nationality, and letter +
//!   7 digits is a real foreign shape (India), so rejecting it would block real passports.
//! - `foreigner_permanent_id`: 外国人永久居留身份证. The 2004 and 2017 cards: 15 characters, 3 Latin
//!   letters (ISO 3166 alpha-3 nationality) + 12 digits. Its check algorithm is not public,
//!   so only the shape is checked. The 2023 card (National Immigration Administration,
//!   "新版外国人永久居留身份证机读信息规则", in force 2023-12-01): 18 characters modelled on
//!   GB 11643, first digit `9`, digits 2-3 the province of the accepting authority, 4-6 the
//!   numeric nationality code, 7-14 birth date, 15-17 sequence, 18 MOD 11-2 check (0-9 or
//!   X). The province and birth date are checked; the nationality code is not (no table).
//! - Organisation certificates of public institutions, social organisations, private
//!   non-enterprise units, foundations and military units carry the USCC since GB 32100-2015
//!   and validate as `uscc`; a business licence number is a USCC or, on old licences, the
//!   15-digit registration number. GB 32100-2015 Table 1 fixes the first two characters of
//!   each kind (事业单位 `12`, 社会团体 `51`, 民办非企业单位 `52`, 基金会 `53`, 工商 `9x`), so a
//!   valid code of another kind gets the warning `certificate.uscc_kind` (most likely the
//!   wrong certificate type was chosen). A warning, not an error: the MIIT system checks the
//!   registry itself, and we would rather not block a legitimate oddity. Military permits
//!   are not checked this way (their codes are not in Table 1's civil departments).
//!   The seeds name only some certificate types (sinnet-guide-en "有效证件类型", the NWCD
//!   guides' 营业执照 / 居民身份证); the other organisation types follow the MIIT filing
//!   system's 主办单位证件类型 list as the big consoles show it (律师事务所执业许可证 `31`,
//!   公证机构执业证 `32`, 司法鉴定许可证 `34`, 外国在华文化中心登记证 `41`, 宗教活动场所登记证
//!   `71`, 农村集体经济组织登记证 `N`). Certificates whose number is not a USCC (医疗机构执业
//!   许可证, overseas documents) are unknown types rather than guessed.

use crate::checksum::{mod11_10, mod11_2, org_code_check};
use crate::context::Context;
use crate::input::{compact, compact_upper, fold_width};
use crate::message::Code;
use crate::outcome::Outcome;
use crate::region::{province_by_code, province_of_region_code};
use crate::rule::Rule;
use crate::rules::resident_id::check_birth_date;
use crate::rules::{resident_id, uscc};

// ---------------------------------------------------------------- org_code

pub const ORG_LENGTH: Code = Code {
    id: "org_code.length",
    zh: "组织机构代码应为 9 位（8 位本体代码 + 1 位校验码），当前为 {length} 位",
    en: "An organization code has 9 characters (8 + a check character), this one has {length}",
};
pub const ORG_FORMAT: Code = Code {
    id: "org_code.format",
    zh: "组织机构代码前 8 位应为数字或大写字母，最后一位为数字或 X",
    en: "An organization code is 8 digits or capital letters followed by a digit or X",
};
pub const ORG_CHECKSUM: Code = Code {
    id: "org_code.checksum",
    zh: "组织机构代码校验码不正确，请检查是否输错了某一位",
    en: "The check character does not match; a character is probably mistyped",
};

// ---------------------------------------------------------------- business_reg_no

pub const BRN_LENGTH: Code = Code {
    id: "business_reg_no.length",
    zh: "工商注册号应为 15 位数字，当前为 {length} 位",
    en: "A business registration number has 15 digits, this one has {length}",
};
pub const BRN_FORMAT: Code = Code {
    id: "business_reg_no.format",
    zh: "工商注册号只能由数字组成",
    en: "A business registration number is digits only",
};
pub const BRN_REGION: Code = Code {
    id: "business_reg_no.region",
    zh: "工商注册号前 6 位应为登记机关的行政区划代码",
    en: "The first 6 digits must be the region code of the registering authority",
};
pub const BRN_CHECKSUM: Code = Code {
    id: "business_reg_no.checksum",
    zh: "工商注册号校验位不正确，请检查是否输错了某一位",
    en: "The check digit does not match; a digit is probably mistyped",
};

// ---------------------------------------------------------------- hmt_residence_permit

pub const HMT_LENGTH: Code = Code {
    id: "hmt_residence_permit.length",
    zh: "港澳台居民居住证号码应为 18 位，当前为 {length} 位",
    en: "A residence permit number has 18 characters, this one has {length}",
};
pub const HMT_FORMAT: Code = Code {
    id: "hmt_residence_permit.format",
    zh: "港澳台居民居住证号码前 17 位应为数字，最后一位为数字或 X",
    en: "A residence permit number is 17 digits followed by a digit or X",
};
pub const HMT_REGION: Code = Code {
    id: "hmt_residence_permit.region",
    zh: "港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头",
    en: "A residence permit number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)",
};
pub const HMT_CHECKSUM: Code = Code {
    id: "hmt_residence_permit.checksum",
    zh: "港澳台居民居住证号码校验位不正确，请检查是否输错了某一位",
    en: "The check character does not match; a character is probably mistyped",
};

// ---------------------------------------------------------------- travel permits

pub const HKM_PREFIX: Code = Code {
    id: "hk_macau_travel_permit.prefix",
    zh: "港澳居民来往内地通行证号码以 H（香港）或 M（澳门）开头",
    en: "A Home Return Permit number starts with H (Hong Kong) or M (Macao)",
};
pub const HKM_FORMAT: Code = Code {
    id: "hk_macau_travel_permit.format",
    zh: "港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证 10 位数字）",
    en: "A Home Return Permit number is H or M followed by 8 digits (10 on old permits)",
};
pub const TW_FORMAT: Code = Code {
    id: "taiwan_travel_permit.format",
    zh: "台湾居民来往大陆通行证号码应为 8 位数字",
    en: "A Mainland Travel Permit for Taiwan Residents number has 8 digits",
};
pub const TW_TAIWAN_ID: Code = Code {
    id: "taiwan_travel_permit.taiwan_id",
    zh: "这像是台湾地区身份证号码，请填写台湾居民来往大陆通行证上的 8 位号码",
    en: "This looks like a Taiwan ID card number; enter the 8-digit number of the travel permit",
};

// ---------------------------------------------------------------- passport

pub const PASSPORT_CN_FORMAT: Code = Code {
    id: "passport.cn_format",
    zh: "中国护照号码应为 E 或 G 加 8 位数字，或 E 加 1 个字母和 7 位数字，请核对（外国护照可忽略此提示）",
    en: "A Chinese passport number is E or G and 8 digits, or E, a letter and 7 digits; check it (ignore this for a foreign passport)",
};
pub const PASSPORT_FOREIGN_FORMAT: Code = Code {
    id: "passport.foreign_format",
    zh: "护照号码应为 5–20 位字母和数字（至少含 1 位数字）",
    en: "A passport number is 5-20 letters and digits, at least one of them a digit",
};

// ---------------------------------------------------------------- foreigner_permanent_id

pub const FPR_LENGTH: Code = Code {
    id: "foreigner_permanent_id.length",
    zh: "外国人永久居留身份证号码应为 18 位（2023 版）或 15 位（2017 版），当前为 {length} 位",
    en: "A foreigner's permanent residence ID has 18 characters (2023 card) or 15 (2017 card), this one has {length}",
};
pub const FPR_FORMAT: Code = Code {
    id: "foreigner_permanent_id.format",
    zh: "外国人永久居留身份证号码格式不正确：2023 版为 9 开头的 17 位数字加校验位，2017 版为 3 个字母加 12 位数字",
    en: "Wrong format: the 2023 card is 9 and 16 more digits plus a check character, the 2017 card 3 letters and 12 digits",
};
pub const FPR_PROVINCE: Code = Code {
    id: "foreigner_permanent_id.province",
    zh: "第 2–3 位 {province_code} 不是有效的省级行政区划代码",
    en: "Characters 2-3 ({province_code}) are not a valid province code",
};
pub const FPR_BIRTH_DATE: Code = Code {
    id: "foreigner_permanent_id.birth_date",
    zh: "号码中的出生日期（第 7–14 位）不是有效日期或晚于今天",
    en: "The birth date in the number (characters 7-14) is not a real date or is in the future",
};
pub const FPR_CHECKSUM: Code = Code {
    id: "foreigner_permanent_id.checksum",
    zh: "外国人永久居留身份证号码校验位不正确，请检查是否输错了某一位",
    en: "The check character does not match; a character is probably mistyped",
};

// ---------------------------------------------------------------- certificate

pub const CERT_TYPE_MISSING: Code = Code {
    id: "certificate.type_missing",
    zh: "请先选择证件类型",
    en: "Choose the certificate type first",
};
pub const USCC_KIND: Code = Code {
    id: "certificate.uscc_kind",
    zh: "此类证件上的统一社会信用代码应以 {expected} 开头，当前为 {prefix}，请核对证件类型",
    en: "The unified social credit code on this certificate starts with {expected}, this one with {prefix}; check the certificate type",
};
pub const CERT_TYPE_UNKNOWN: Code = Code {
    id: "certificate.type_unknown",
    zh: "不支持的证件类型“{type}”",
    en: "Unsupported certificate type \"{type}\"",
};

const ORG_CODES: &[&Code] = &[&ORG_LENGTH, &ORG_FORMAT, &ORG_CHECKSUM];
const BRN_CODES: &[&Code] = &[&BRN_LENGTH, &BRN_FORMAT, &BRN_REGION, &BRN_CHECKSUM];
const HMT_CODES: &[&Code] =
    &[&HMT_LENGTH, &HMT_FORMAT, &HMT_REGION, &resident_id::BIRTH_DATE_INVALID, &resident_id::BIRTH_DATE_FUTURE, &HMT_CHECKSUM];
const HKM_CODES: &[&Code] = &[&HKM_PREFIX, &HKM_FORMAT];
const TW_CODES: &[&Code] = &[&TW_FORMAT, &TW_TAIWAN_ID];
const PASSPORT_CODES: &[&Code] = &[&PASSPORT_CN_FORMAT, &PASSPORT_FOREIGN_FORMAT];
const FPR_CODES: &[&Code] = &[&FPR_LENGTH, &FPR_FORMAT, &FPR_PROVINCE, &FPR_BIRTH_DATE, &FPR_CHECKSUM];
const USCC_CODES: &[&Code] = &[
    &uscc::LENGTH,
    &uscc::FORMAT,
    &uscc::DEPARTMENT_UNKNOWN,
    &uscc::ENTITY_TYPE_UNKNOWN,
    &uscc::REGION_INVALID,
    &uscc::ORG_CODE_CHECKSUM,
    &uscc::CHECKSUM,
    &uscc::PROVINCE_MISMATCH,
];
const USCC_KIND_CODES: &[&Code] = &[
    &uscc::LENGTH,
    &uscc::FORMAT,
    &uscc::DEPARTMENT_UNKNOWN,
    &uscc::ENTITY_TYPE_UNKNOWN,
    &uscc::REGION_INVALID,
    &uscc::ORG_CODE_CHECKSUM,
    &uscc::CHECKSUM,
    &uscc::PROVINCE_MISMATCH,
    &USCC_KIND,
];
const LICENCE_CODES: &[&Code] = &[
    &uscc::LENGTH,
    &uscc::FORMAT,
    &uscc::DEPARTMENT_UNKNOWN,
    &uscc::ENTITY_TYPE_UNKNOWN,
    &uscc::REGION_INVALID,
    &uscc::ORG_CODE_CHECKSUM,
    &uscc::CHECKSUM,
    &uscc::PROVINCE_MISMATCH,
    &USCC_KIND,
    &BRN_FORMAT,
    &BRN_REGION,
    &BRN_CHECKSUM,
];
/// Everything `certificate` can return: its own codes and those of every target rule.
pub const CERT_CODES: &[&Code] = &[
    &CERT_TYPE_MISSING,
    &CERT_TYPE_UNKNOWN,
    &resident_id::LENGTH,
    &resident_id::FORMAT,
    &resident_id::LEGACY_15,
    &resident_id::REGION_UNKNOWN,
    &resident_id::REGION_UNKNOWN_COUNTY,
    &resident_id::BIRTH_DATE_INVALID,
    &resident_id::BIRTH_DATE_FUTURE,
    &resident_id::CHECKSUM,
    &uscc::LENGTH,
    &uscc::FORMAT,
    &uscc::DEPARTMENT_UNKNOWN,
    &uscc::ENTITY_TYPE_UNKNOWN,
    &uscc::REGION_INVALID,
    &uscc::ORG_CODE_CHECKSUM,
    &uscc::CHECKSUM,
    &uscc::PROVINCE_MISMATCH,
    &USCC_KIND,
    &ORG_LENGTH,
    &ORG_FORMAT,
    &ORG_CHECKSUM,
    &BRN_LENGTH,
    &BRN_FORMAT,
    &BRN_REGION,
    &BRN_CHECKSUM,
    &HMT_LENGTH,
    &HMT_FORMAT,
    &HMT_REGION,
    &HMT_CHECKSUM,
    &HKM_PREFIX,
    &HKM_FORMAT,
    &TW_FORMAT,
    &TW_TAIWAN_ID,
    &PASSPORT_CN_FORMAT,
    &PASSPORT_FOREIGN_FORMAT,
    &FPR_LENGTH,
    &FPR_FORMAT,
    &FPR_PROVINCE,
    &FPR_BIRTH_DATE,
    &FPR_CHECKSUM,
];

const fn rule(
    id: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    codes: &'static [&'static Code],
    check: fn(&str, &Context, &mut Outcome),
) -> Rule {
    Rule { id, family: "identity", label_zh, label_en, codes, max_bytes: crate::input::DEFAULT_MAX_BYTES, multiline: false, check }
}

pub const RULES: &[Rule] = &[
    rule("org_code", "组织机构代码", "Organization code", ORG_CODES, check_org_code),
    rule("business_reg_no", "工商注册号", "Business registration number", BRN_CODES, check_business_reg_no),
    rule("business_license", "营业执照号码", "Business licence number", LICENCE_CODES, check_business_license),
    rule("public_institution_cert", "事业单位法人证书号码", "Public institution certificate number", USCC_KIND_CODES, check_public_institution_cert),
    rule("social_org_cert", "社会团体法人登记证书号码", "Social organisation certificate number", USCC_KIND_CODES, check_social_org_cert),
    rule("private_non_enterprise_cert", "民办非企业单位登记证书号码", "Private non-enterprise unit certificate number", USCC_KIND_CODES, check_private_non_enterprise_cert),
    rule("foundation_cert", "基金会法人登记证书号码", "Foundation certificate number", USCC_KIND_CODES, check_foundation_cert),
    rule("law_firm_license", "律师事务所执业许可证号码", "Law firm practice licence number", USCC_KIND_CODES, check_law_firm_license),
    rule("notary_license", "公证机构执业证号码", "Notary office practice certificate number", USCC_KIND_CODES, check_notary_license),
    rule("judicial_appraisal_license", "司法鉴定许可证号码", "Judicial appraisal licence number", USCC_KIND_CODES, check_judicial_appraisal_license),
    rule("foreign_cultural_centre_cert", "外国在华文化中心登记证号码", "Foreign cultural centre registration number", USCC_KIND_CODES, check_foreign_cultural_centre_cert),
    rule("religious_venue_cert", "宗教活动场所登记证号码", "Religious venue registration number", USCC_KIND_CODES, check_religious_venue_cert),
    rule("rural_collective_cert", "农村集体经济组织登记证号码", "Rural collective economic organisation registration number", USCC_KIND_CODES, check_rural_collective_cert),
    rule("military_service_permit", "军队单位对外有偿服务许可证号码", "Military paid-service permit number", USCC_CODES, uscc::check),
    rule("hmt_residence_permit", "港澳台居民居住证号码", "Residence permit for Hong Kong, Macao and Taiwan residents", HMT_CODES, check_hmt_residence_permit),
    rule("hk_macau_travel_permit", "港澳居民来往内地通行证号码", "Home Return Permit (Hong Kong and Macao residents)", HKM_CODES, check_hk_macau_travel_permit),
    rule("taiwan_travel_permit", "台湾居民来往大陆通行证号码", "Mainland Travel Permit for Taiwan Residents", TW_CODES, check_taiwan_travel_permit),
    rule("passport", "护照号码", "Passport number", PASSPORT_CODES, check_passport),
    rule("foreigner_permanent_id", "外国人永久居留身份证号码", "Foreigner's permanent residence ID card", FPR_CODES, check_foreigner_permanent_id),
];

pub fn check_org_code(value: &str, _ctx: &Context, out: &mut Outcome) {
    let code = compact_upper(value);
    let length = code.chars().count();
    if length != 9 {
        out.error(&ORG_LENGTH).param("length", length);
        return;
    }
    let b = code.as_bytes();
    if !b[..8].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) || !(b[8].is_ascii_digit() || b[8] == b'X') {
        out.error(&ORG_FORMAT);
        return;
    }
    if org_code_check(&b[..8]) != Some(b[8]) {
        out.error(&ORG_CHECKSUM);
        return;
    }
    out.normalized = Some(format!("{}-{}", &code[..8], &code[8..]));
}

pub fn check_business_reg_no(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact(value);
    let length = number.chars().count();
    if length != 15 {
        out.error(&BRN_LENGTH).param("length", length);
        return;
    }
    check_brn_digits(&number, out);
}

fn check_brn_digits(number: &str, out: &mut Outcome) {
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&BRN_FORMAT);
        return;
    }
    let region = &number[..6];
    let province = province_of_region_code(region);
    if province.is_none() && region != "100000" {
        out.error(&BRN_REGION);
        return;
    }
    if mod11_10(&number.as_bytes()[..14]) != Some(number.as_bytes()[14]) {
        out.error(&BRN_CHECKSUM);
        return;
    }
    out.detail("region_code", region);
    match province {
        Some(p) => {
            out.detail("province_code", p.code);
            out.detail("province", p.name_zh);
        }
        None => out.detail("national", true),
    }
    out.normalized = Some(number.to_owned());
}

/// A business licence shows a USCC, or on licences issued before 2015-10 a 15-digit
/// registration number.
pub fn check_business_license(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact(value);
    if number.chars().count() == 15 {
        out.detail("kind", "business_reg_no");
        check_brn_digits(&number, out);
    } else {
        out.detail("kind", "uscc");
        check_uscc_kind(value, ctx, "9", out);
    }
}

/// Validates a USCC and warns when a valid one starts with another kind's prefix
/// (GB 32100-2015 Table 1).
fn check_uscc_kind(value: &str, ctx: &Context, expected: &'static str, out: &mut Outcome) {
    uscc::check(value, ctx, out);
    let prefix = out.normalized.as_deref().and_then(|code| code.get(..2));
    if let Some(prefix) = prefix.filter(|p| !p.starts_with(expected)) {
        let prefix = prefix.to_owned();
        out.warn(&USCC_KIND).param("expected", expected).param("prefix", prefix);
    }
}

/// One check function per organisation certificate: a USCC whose first characters are
/// those GB 32100-2015 Table 1 gives that kind of organisation.
macro_rules! uscc_kind_checks {
    ($($name:ident => $prefix:literal),* $(,)?) => {$(
        pub fn $name(value: &str, ctx: &Context, out: &mut Outcome) {
            check_uscc_kind(value, ctx, $prefix, out);
        }
    )*};
}

uscc_kind_checks! {
    check_public_institution_cert => "12",
    check_law_firm_license => "31",
    check_notary_license => "32",
    check_judicial_appraisal_license => "34",
    check_foreign_cultural_centre_cert => "41",
    check_social_org_cert => "51",
    check_private_non_enterprise_cert => "52",
    check_foundation_cert => "53",
    check_religious_venue_cert => "71",
    check_rural_collective_cert => "N",
}

pub fn check_hmt_residence_permit(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let length = number.chars().count();
    if length != 18 {
        out.error(&HMT_LENGTH).param("length", length);
        return;
    }
    let b = number.as_bytes();
    if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        out.error(&HMT_FORMAT);
        return;
    }
    let (region, region_en) = match &number[..6] {
        "810000" => ("香港", "hong_kong"),
        "820000" => ("澳门", "macao"),
        "830000" => ("台湾", "taiwan"),
        _ => {
            out.error(&HMT_REGION);
            return;
        }
    };
    let birth_date = if region_en == "taiwan" {
        // 830000 is outside GB/T 2260, so the resident-ID body check would call it unknown;
        // the birth date is checked the same way here.
        check_birth_date(&number[6..14], ctx.today(), &resident_id::BIRTH_DATE_INVALID, Some(&resident_id::BIRTH_DATE_FUTURE), out)
            .inspect(|_| out.detail("region_code", "830000"))
    } else {
        resident_id::check_body(&number, ctx.today(), out).map(|id| id.birth_date)
    };
    let Some(birth_date) = birth_date else {
        return;
    };
    if mod11_2(&b[..17]) != Some(b[17]) {
        out.error(&HMT_CHECKSUM);
        return;
    }
    out.detail("region", region);
    out.detail("birth_date", birth_date.to_string());
    out.detail("gender", if (b[16] - b'0') % 2 == 1 { "male" } else { "female" });
    out.normalized = Some(number);
}

pub fn check_hk_macau_travel_permit(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let Some(first) = number.chars().next() else {
        out.error(&HKM_FORMAT);
        return;
    };
    if first != 'H' && first != 'M' {
        out.error(&HKM_PREFIX);
        return;
    }
    let digits = &number[1..];
    if !(8..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&HKM_FORMAT);
        return;
    }
    out.detail("region", if first == 'H' { "香港" } else { "澳门" });
    out.normalized = Some(number);
}

pub fn check_taiwan_travel_permit(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number: String = compact_upper(value).chars().filter(|c| *c != '(' && *c != ')').collect();
    let b = number.as_bytes();
    // A Taiwan national ID: a letter, then 1/2 (sex) or 8/9 (resident certificate), 8 digits.
    if b.len() == 10 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) {
        out.error(&TW_TAIWAN_ID);
        return;
    }
    let issue = match b.len() {
        8 => None,
        9 if b[8].is_ascii_uppercase() => Some(&number[8..]),
        10 if b[8..].iter().all(u8::is_ascii_digit) => Some(&number[8..]),
        _ => {
            out.error(&TW_FORMAT);
            return;
        }
    };
    if !b[..8].iter().all(u8::is_ascii_digit) {
        out.error(&TW_FORMAT);
        return;
    }
    if let Some(issue) = issue {
        out.detail("issue", issue);
    }
    out.normalized = Some(number[..8].to_owned());
}

/// The Chinese passport series a number belongs to, if any.
fn chinese_passport_series(n: &[u8]) -> Option<&'static str> {
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match n {
        [b'E', rest @ ..] if rest.len() == 8 && digits(rest) => Some("E"),
        [b'E', l, rest @ ..] if l.is_ascii_uppercase() && *l != b'I' && *l != b'O' && rest.len() == 7 && digits(rest) => Some("EA"),
        [b'G', rest @ ..] if rest.len() == 8 && digits(rest) => Some("G"),
        [b'D' | b'S' | b'P', b'E', rest @ ..] if rest.len() == 7 && digits(rest) => Some("official_e"),
        [b'D' | b'S' | b'P', rest @ ..] if rest.len() == 7 && digits(rest) => Some("official"),
        _ => None,
    }
}

pub fn check_passport(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let b = number.as_bytes();
    if let Some(series) = chinese_passport_series(b) {
        out.detail("issuer", "CN");
        out.detail("series", series);
        out.normalized = Some(number);
        return;
    }
    // E/G then only digits (or E + letter + digits) but the wrong count: a Chinese number typed wrong.
    let cn_like = match b {
        [b'E' | b'G', rest @ ..] if rest.iter().all(u8::is_ascii_digit) => (6..=10).contains(&rest.len()),
        [b'E', l, rest @ ..] if l.is_ascii_uppercase() && rest.iter().all(u8::is_ascii_digit) => (5..=9).contains(&rest.len()),
        _ => false,
    };
    let alnum = b.iter().all(u8::is_ascii_alphanumeric);
    if !alnum || !(5..=20).contains(&b.len()) || !b.iter().any(u8::is_ascii_digit) {
        out.error(&PASSPORT_FOREIGN_FORMAT);
        return;
    }
    // Only a warning: letter + 7 digits is also a real foreign shape (Indian passports).
    if cn_like {
        out.warn(&PASSPORT_CN_FORMAT);
    }
    out.detail("issuer", if cn_like { "unknown" } else { "foreign" });
    out.normalized = Some(number);
}

pub fn check_foreigner_permanent_id(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let length = number.chars().count();
    let b = number.as_bytes();
    match length {
        15 => {
            if !(b[..3].iter().all(u8::is_ascii_uppercase) && b[3..].iter().all(u8::is_ascii_digit)) {
                out.error(&FPR_FORMAT);
                return;
            }
            out.detail("version", "2017");
            out.detail("nationality", &number[..3]);
            out.normalized = Some(number);
        }
        18 => {
            if b[0] != b'9' || !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
                out.error(&FPR_FORMAT);
                return;
            }
            let province = number[1..3].parse::<u8>().ok().and_then(province_by_code);
            let Some(province) = province else {
                out.error(&FPR_PROVINCE).param("province_code", &number[1..3]);
                return;
            };
            let Some(birth) = check_birth_date(&number[6..14], ctx.today(), &FPR_BIRTH_DATE, None, out) else {
                return;
            };
            if mod11_2(&b[..17]) != Some(b[17]) {
                out.error(&FPR_CHECKSUM);
                return;
            }
            out.detail("version", "2023");
            out.detail("province", province.name_zh);
            out.detail("nationality_code", &number[3..6]);
            out.detail("birth_date", birth.to_string());
            out.normalized = Some(number);
        }
        _ => {
            out.error(&FPR_LENGTH).param("length", length);
        }
    }
}

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

/// The field id for a certificate type name or id, if known.
pub fn certificate_field(type_name: &str) -> Option<&'static str> {
    let folded = fold_width(type_name);
    let name = folded.split('(').next().unwrap_or("").trim();
    let lower = name.to_ascii_lowercase();
    CERTIFICATE_TYPES.iter().find(|(n, _)| *n == name || *n == lower).map(|&(_, id)| id).or_else(|| {
        RULES.iter().map(|r| r.id).chain(["resident_id", "uscc"]).find(|id| *id == lower && *id != "certificate")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;

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
        let vectors = [include_str!("../../tests/vectors/identity.json"), include_str!("../../tests/vectors/identity_core.json"), include_str!("../../tests/vectors/phone.json")].concat();
        for rule in crate::registry::rules().filter(|r| r.family == "identity") {
            for code in rule.codes {
                assert!(vectors.contains(&format!("\"{}\"", code.id)), "{} ({}) has no vector", code.id, rule.id);
            }
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
