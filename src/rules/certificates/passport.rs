//! `passport`: Chinese ordinary passports `E` + 8 digits, `E` + letter (not I/O) + 7 digits
//! (2017 series), `G` + 8 digits (pre-2012 series); diplomatic/service/public-affairs
//! `D`, `S`, `P`, `DE`, `SE`, `PE` + 7 digits. Anything else is treated as a foreign
//! passport under a lenient rule (ICAO 9303 numbers: 5-20 letters and digits with at least
//! one digit), reported with its own code `passport.foreign_format`. A value that looks like
//! a mistyped Chinese passport (`E`/`G` + wrong digit count, `E` + `I`/`O`) gets the
//! *warning* `passport.cn_format`: the field does not know the nationality, and letter +
//! 7 digits is a real foreign shape (India), so rejecting it would block real passports.

use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const CN_FORMAT: Code = Code {
    id: "passport.cn_format",
    zh: text("中国护照号码应为 E 或 G 加 8 位数字，或 E 加 1 个字母和 7 位数字，请核对（外国护照可忽略此提示）"),
    en: text("A Chinese passport number is E or G and 8 digits, or E, a letter and 7 digits; check it (ignore this for a foreign passport)"),
};
pub const FOREIGN_FORMAT: Code = Code {
    id: "passport.foreign_format",
    zh: text("护照号码应为 5–20 位字母和数字（至少含 1 位数字）"),
    en: text("A passport number is 5-20 letters and digits, at least one of them a digit"),
};

pub const CODES: &[&Code] = &[&CN_FORMAT, &FOREIGN_FORMAT];

pub const RULE: Rule = Rule {
    id: "passport",
    family: "identity",
    label_zh: text("护照号码"),
    label_en: text("Passport number"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

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

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let b = number.as_bytes();
    if let Some(series) = chinese_passport_series(b) {
        out.detail("issuer", crate::message::Value::text("CN"));
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
        out.error(&FOREIGN_FORMAT);
        return;
    }
    // Only a warning: letter + 7 digits is also a real foreign shape (Indian passports).
    if cn_like {
        out.warn(&CN_FORMAT);
    }
    out.detail("issuer", crate::message::Value::text(if cn_like { "unknown" } else { "foreign" }));
    out.normalized = Some(number);
}
