//! `foreigner_permanent_id`: 外国人永久居留身份证. The 2004 and 2017 cards: 15 characters, 3 Latin
//! letters (ISO 3166 alpha-3 nationality) + 12 digits. Its check algorithm is not public,
//! so only the shape is checked. The 2023 card (National Immigration Administration,
//! "新版外国人永久居留身份证机读信息规则", in force 2023-12-01): 18 characters modelled on
//! GB 11643, first digit `9`, digits 2-3 the province of the accepting authority, 4-6 the
//! numeric nationality code, 7-14 birth date, 15-17 sequence, 18 MOD 11-2 check (0-9 or
//! X). The province and birth date are checked; the nationality code is not (no table).

use crate::checksum::mod11_2;
use crate::context::Context;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::region::province_by_code;
use crate::rule::Rule;
use crate::rules::resident_id::check_birth_date;
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "foreigner_permanent_id.length",
    zh: text("外国人永久居留身份证号码应为 18 位（2023 版）或 15 位（2017 版），当前为 {length} 位"),
    en: text("A foreigner's permanent residence ID has 18 characters (2023 card) or 15 (2017 card), this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "foreigner_permanent_id.format",
    zh: text("外国人永久居留身份证号码格式不正确：2023 版为 9 开头的 17 位数字加校验位，2017 版为 3 个字母加 12 位数字"),
    en: text("Wrong format: the 2023 card is 9 and 16 more digits plus a check character, the 2017 card 3 letters and 12 digits"),
};
pub const PROVINCE: Code = Code {
    id: "foreigner_permanent_id.province",
    zh: text("第 2–3 位 {province_code} 不是有效的省级行政区划代码"),
    en: text("Characters 2-3 ({province_code}) are not a valid province code"),
};
pub const BIRTH_DATE: Code = Code {
    id: "foreigner_permanent_id.birth_date",
    zh: text("号码中的出生日期（第 7–14 位）不是有效日期或晚于今天"),
    en: text("The birth date in the number (characters 7-14) is not a real date or is in the future"),
};
pub const CHECKSUM: Code = Code {
    id: "foreigner_permanent_id.checksum",
    zh: text("外国人永久居留身份证号码校验位不正确，请检查是否输错了某一位"),
    en: text("The check character does not match; a character is probably mistyped"),
};

pub const CODES: &[&Code] = &[&LENGTH, &FORMAT, &PROVINCE, &BIRTH_DATE, &CHECKSUM];

pub const RULE: Rule = Rule {
    id: "foreigner_permanent_id",
    family: "identity",
    label_zh: text("外国人永久居留身份证号码"),
    label_en: text("Foreigner's permanent residence ID card"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
};

pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    let length = number.chars().count();
    let b = number.as_bytes();
    match length {
        15 => {
            if !(b[..3].iter().all(u8::is_ascii_uppercase) && b[3..].iter().all(u8::is_ascii_digit)) {
                out.error(&FORMAT);
                return;
            }
            out.detail("version", crate::message::Value::text("2017"));
            out.detail("nationality", &number[..3]);
            out.normalized = Some(number);
        }
        18 => {
            if b[0] != b'9' || !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
                out.error(&FORMAT);
                return;
            }
            let province = number[1..3].parse::<u8>().ok().and_then(province_by_code);
            let Some(province) = province else {
                out.error(&PROVINCE).param("province_code", &number[1..3]);
                return;
            };
            let Some(birth) = check_birth_date(&number[6..14], ctx.today(), &BIRTH_DATE, None, out) else {
                return;
            };
            if mod11_2(&b[..17]) != Some(b[17]) {
                out.error(&CHECKSUM);
                return;
            }
            out.detail("version", crate::message::Value::text("2023"));
            out.detail("province", crate::message::Value::text(province.name_zh));
            out.detail("nationality_code", &number[3..6]);
            out.detail("birth_date", birth.to_string());
            out.normalized = Some(number);
        }
        _ => {
            out.error(&LENGTH).param("length", length);
        }
    }
}
