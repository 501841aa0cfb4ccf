//! `taiwan_travel_permit`: 台湾居民来往大陆通行证 (台胞证): 8 digits on the 2015 card;
//! older booklets appended an issue count as 2 digits or a letter (`12345678(B)`), both
//! accepted and normalised to the 8-digit number (the suffix goes to `details.issue`).

use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const FORMAT: Code = Code {
    id: "taiwan_travel_permit.format",
    zh: text("台湾居民来往大陆通行证号码应为 8 位数字"),
    en: text("A Mainland Travel Permit for Taiwan Residents number has 8 digits"),
};
pub const TAIWAN_ID: Code = Code {
    id: "taiwan_travel_permit.taiwan_id",
    zh: text("这像是台湾地区身份证号码，请填写台湾居民来往大陆通行证上的 8 位号码"),
    en: text("This looks like a Taiwan ID card number; enter the 8-digit number of the travel permit"),
};

pub const CODES: &[&Code] = &[&FORMAT, &TAIWAN_ID];

pub const RULE: Rule = Rule {
    id: "taiwan_travel_permit",
    family: "identity",
    label_zh: text("台湾居民来往大陆通行证号码"),
    label_en: text("Mainland Travel Permit for Taiwan Residents"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number: String = compact_upper(value).chars().filter(|c| *c != '(' && *c != ')').collect();
    let b = number.as_bytes();
    // A Taiwan national ID: a letter, then 1/2 (sex) or 8/9 (resident certificate), 8 digits.
    if b.len() == 10 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_digit) {
        out.error(&TAIWAN_ID);
        return;
    }
    let issue = match b.len() {
        8 => None,
        9 if b[8].is_ascii_uppercase() => Some(&number[8..]),
        10 if b[8..].iter().all(u8::is_ascii_digit) => Some(&number[8..]),
        _ => {
            out.error(&FORMAT);
            return;
        }
    };
    if !b[..8].iter().all(u8::is_ascii_digit) {
        out.error(&FORMAT);
        return;
    }
    if let Some(issue) = issue {
        out.detail("issue", issue);
    }
    out.normalized = Some(number[..8].to_owned());
}
