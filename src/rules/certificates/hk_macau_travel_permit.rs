//! `hk_macau_travel_permit`: 港澳居民来往内地通行证 (回乡证): `H` (Hong Kong) or `M` (Macao)
//! and 8 digits on the 2013 card; the card also prints a 2-digit issue count, and older
//! booklets had 10 digits, so `H`/`M` and 8-10 digits are accepted.

use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const PREFIX: Code = Code {
    id: "hk_macau_travel_permit.prefix",
    zh: text("港澳居民来往内地通行证号码以 H（香港）或 M（澳门）开头"),
    en: text("A Home Return Permit number starts with H (Hong Kong) or M (Macao)"),
};
pub const FORMAT: Code = Code {
    id: "hk_macau_travel_permit.format",
    zh: text("港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（旧证 10 位数字）"),
    en: text("A Home Return Permit number is H or M followed by 8 digits (10 on old permits)"),
};

pub const CODES: &[&Code] = &[&PREFIX, &FORMAT];

pub const RULE: Rule = Rule {
    id: "hk_macau_travel_permit",
    family: "identity",
    label_zh: text("港澳居民来往内地通行证号码"),
    label_en: text("Home Return Permit (Hong Kong and Macao residents)"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let Some(first) = number.chars().next() else {
        out.error(&FORMAT);
        return;
    };
    if first != 'H' && first != 'M' {
        out.error(&PREFIX);
        return;
    }
    let digits = &number[1..];
    if !(8..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&FORMAT);
        return;
    }
    out.detail("region", crate::message::Value::text(if first == 'H' { "香港" } else { "澳门" }));
    out.normalized = Some(number);
}
