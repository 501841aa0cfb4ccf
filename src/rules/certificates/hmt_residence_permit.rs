//! `hmt_residence_permit`: 港澳台居民居住证 (State Council 2018 regulation): the GB 11643
//! layout with address code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan) and the
//! resident-ID MOD 11-2 check. 830000 is not a GB/T 2260 code (Taiwan is 71), so it is
//! handled here rather than by the region table.

use crate::checksum::mod11_2;
use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::rules::resident_id::{self, check_birth_date};
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "hmt_residence_permit.length",
    zh: text("港澳台居民居住证号码应为 18 位，当前为 {length} 位"),
    en: text("A residence permit number has 18 characters, this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "hmt_residence_permit.format",
    zh: text("港澳台居民居住证号码前 17 位应为数字，最后一位为数字或 X"),
    en: text("A residence permit number is 17 digits followed by a digit or X"),
};
pub const REGION: Code = Code {
    id: "hmt_residence_permit.region",
    zh: text("港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头"),
    en: text("A residence permit number starts with 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan)"),
};
pub const CHECKSUM: Code = Code {
    id: "hmt_residence_permit.checksum",
    zh: text("港澳台居民居住证号码校验位不正确，请检查是否输错了某一位"),
    en: text("The check character does not match; a character is probably mistyped"),
};

pub const CODES: &[&Code] =
    &[&LENGTH, &FORMAT, &REGION, &resident_id::BIRTH_DATE_INVALID, &resident_id::BIRTH_DATE_FUTURE, &CHECKSUM];

pub const RULE: Rule = Rule {
    id: "hmt_residence_permit",
    family: "identity",
    label_zh: text("港澳台居民居住证号码"),
    label_en: text("Residence permit for Hong Kong, Macao and Taiwan residents"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let length = number.chars().count();
    if length != 18 {
        out.error(&LENGTH).param("length", length);
        return;
    }
    let b = number.as_bytes();
    if !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        out.error(&FORMAT);
        return;
    }
    let (region, region_en) = match &number[..6] {
        "810000" => ("香港", "hong_kong"),
        "820000" => ("澳门", "macao"),
        "830000" => ("台湾", "taiwan"),
        _ => {
            out.error(&REGION);
            return;
        }
    };
    let birth_date = if region_en == "taiwan" {
        // 830000 is outside GB/T 2260, so the resident-ID body check would call it unknown;
        // the birth date is checked the same way here.
        check_birth_date(&number[6..14], ctx.today(), &resident_id::BIRTH_DATE_INVALID, Some(&resident_id::BIRTH_DATE_FUTURE), out)
            .inspect(|_| out.detail("region_code", crate::message::Value::text("830000")))
    } else {
        // 810000 and 820000 are current GB/T 2260 codes: only the date is left to check.
        let date = check_birth_date(&number[6..14], ctx.today(), &resident_id::BIRTH_DATE_INVALID, Some(&resident_id::BIRTH_DATE_FUTURE), out);
        if let (Some(_), Some(p)) = (date, crate::region::province_of_region_code(&number[..6])) {
            resident_id::region_details(&number[..6], p, out);
        }
        date
    };
    let Some(birth_date) = birth_date else {
        return;
    };
    if mod11_2(&b[..17]) != Some(b[17]) {
        out.error(&CHECKSUM);
        return;
    }
    out.detail("region", region);
    out.detail("birth_date", birth_date.to_string());
    out.detail("gender", crate::message::Value::text(if (b[16] - b'0') % 2 == 1 { "male" } else { "female" }));
    out.normalized = Some(number);
}
