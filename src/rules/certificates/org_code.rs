//! `org_code`: GB 11714-1997 organization code, 8 characters `0-9A-Z` + check character
//! (weights 3 7 9 10 5 8 4 2, MOD 11; `X` for 10). Normalised to the printed `XXXXXXXX-X`.

use crate::checksum::org_code_check;
use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "org_code.length",
    zh: text("组织机构代码应为 9 位（8 位本体代码 + 1 位校验码），当前为 {length} 位"),
    en: text("An organization code has 9 characters (8 + a check character), this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "org_code.format",
    zh: text("组织机构代码前 8 位应为数字或大写字母，最后一位为数字或 X"),
    en: text("An organization code is 8 digits or capital letters followed by a digit or X"),
};
pub const CHECKSUM: Code = Code {
    id: "org_code.checksum",
    zh: text("组织机构代码校验码不正确，请检查是否输错了某一位"),
    en: text("The check character does not match; a character is probably mistyped"),
};

pub const CODES: &[&Code] = &[&LENGTH, &FORMAT, &CHECKSUM];

pub const RULE: Rule = Rule {
    id: "org_code",
    family: "identity",
    label_zh: text("组织机构代码"),
    label_en: text("Organization code"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let code = compact_upper(value);
    let length = code.chars().count();
    if length != 9 {
        out.error(&LENGTH).param("length", length);
        return;
    }
    let b = code.as_bytes();
    if !b[..8].iter().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()) || !(b[8].is_ascii_digit() || b[8] == b'X') {
        out.error(&FORMAT);
        return;
    }
    if org_code_check(&b[..8]) != Some(b[8]) {
        out.error(&CHECKSUM);
        return;
    }
    out.normalized = Some(format!("{}-{}", &code[..8], &code[8..]));
}
