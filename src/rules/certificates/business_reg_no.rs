//! `business_reg_no`: the 15-digit enterprise registration number used on business
//! licences before the USCC (SAIC 工商行政管理市场主体注册号编制规则, GS 15-2006): 6-digit
//! region of the registering authority, 8-digit sequence, ISO 7064 MOD 11,10 check digit.

use crate::checksum::mod11_10;
use crate::context::Context;
use crate::input::compact;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::region::province_of_region_code;
use crate::rule::{union, union_len, Rule};
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "business_reg_no.length",
    zh: text("工商注册号应为 15 位数字，当前为 {length} 位"),
    en: text("A business registration number has 15 digits, this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "business_reg_no.format",
    zh: text("工商注册号只能由数字组成"),
    en: text("A business registration number is digits only"),
};
pub const REGION: Code = Code {
    id: "business_reg_no.region",
    zh: text("工商注册号前 6 位应为登记机关的行政区划代码"),
    en: text("The first 6 digits must be the region code of the registering authority"),
};
pub const CHECKSUM: Code = Code {
    id: "business_reg_no.checksum",
    zh: text("工商注册号校验位不正确，请检查是否输错了某一位"),
    en: text("The check digit does not match; a digit is probably mistyped"),
};

/// What [`check_digits`] can return: a 15-character number past the length check.
pub const DIGITS_CODES: &[&Code] = &[&FORMAT, &REGION, &CHECKSUM];
const LISTS: &[&[&Code]] = &[&[&LENGTH], DIGITS_CODES];
pub const CODES: &[&Code] = &union::<{ union_len(LISTS) }>(LISTS);

pub const RULE: Rule = Rule {
    id: "business_reg_no",
    family: "identity",
    label_zh: text("工商注册号"),
    label_en: text("Business registration number"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact(value);
    let length = number.chars().count();
    if length != 15 {
        out.error(&LENGTH).param("length", length);
        return;
    }
    check_digits(&number, out);
}

/// Checks a compacted number of 15 characters (also a business licence's old number).
pub fn check_digits(number: &str, out: &mut Outcome) {
    if !number.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&FORMAT);
        return;
    }
    let region = &number[..6];
    let province = province_of_region_code(region);
    if province.is_none() && region != "100000" {
        out.error(&REGION);
        return;
    }
    if mod11_10(&number.as_bytes()[..14]) != Some(number.as_bytes()[14]) {
        out.error(&CHECKSUM);
        return;
    }
    out.detail("region_code", region);
    match province {
        Some(p) => {
            out.detail("province_code", p.code);
            out.detail("province", crate::message::Value::text(p.name_zh));
        }
        None => out.detail("national", true),
    }
    out.normalized = Some(number.to_owned());
}
