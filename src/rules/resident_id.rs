//! `resident_id`: 居民身份证 number of the People's Republic of China.
//!
//! Standard: GB 11643-1999 *Citizen identification number*: 6-digit address code
//! (GB/T 2260 region), 8-digit birth date `YYYYMMDD`, 3-digit sequence (odd = male), and
//! an ISO 7064 MOD 11-2 check character (`0-9` or `X`).
//!
//! Decisions where the standard and the seeds are silent:
//! - Input as typed: full-width digits, spaces, hyphens and a lower-case `x` are accepted
//!   and normalised (`11010519491231002X`), as the big filing consoles do.
//! - The 15-digit first-generation number is rejected with its own code
//!   `resident_id.legacy_15`: first-generation cards ceased to be valid on 2013-01-01, and
//!   the filing needs the number of a valid card (nwcd-website-guide-en Appendix 1: "valid
//!   identity documents"). The 18-digit number it would have become is returned in
//!   `details.upgraded_number`, because that is almost always the number on the new card.
//! - Birth dates before 1900-01-01 are rejected as implausible; after `today` as future.
//! - The region is checked at province level (first two digits) against GB/T 2260: an
//!   unknown province is an error. A 6-digit code found in no GB/T 2260 revision since 1980
//!   is only a warning (`resident_id.region_unknown_county`): codes change every year and the
//!   table may lag; `details.region_historic` marks codes of abolished divisions, which stay
//!   on their holders' IDs for life.
//! - `81xxxx` and `82xxxx` (香港, 澳门) are GB/T 2260 codes, but no 居民身份证 carries them:
//!   Hong Kong and Macao residents get the 港澳台居民居住证, whose numbers start with 810000
//!   and 820000 (国务院办公厅《港澳台居民居住证申领发放办法》, 2018, Art. 5: the citizen
//!   number is built like a resident ID with those codes). Such a number is rejected with
//!   `resident_id.hmt_residence_permit`, which names the `hmt_residence_permit` field to use
//!   instead (certain: the regulation fixes the codes; issue 19 item 2). `71xxxx` (台湾) is
//!   on no ID card and no permit (Taiwan residents' permits use 830000): refused with
//!   `resident_id.taiwan_code`, pointing nowhere. 830000 is not a GB/T 2260 code and was
//!   already refused as `resident_id.region_unknown`.

use crate::checksum::mod11_2;
use crate::context::Context;
use crate::date::Date;
use crate::input::compact_upper;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::region::{province_of_region_code, region_code_status, RegionStatus};
use crate::rule::Rule;
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "resident_id.length",
    zh: text("身份证号码应为 18 位，当前为 {length} 位"),
    en: text("A resident ID number has 18 characters, this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "resident_id.format",
    zh: text("身份证号码前 17 位应为数字，最后一位为数字或 X"),
    en: text("A resident ID number is 17 digits followed by a digit or X"),
};
pub const LEGACY_15: Code = Code {
    id: "resident_id.legacy_15",
    zh: text("15 位一代身份证号码已停止使用，请填写 18 位二代身份证号码"),
    en: text("15-digit first-generation ID numbers are no longer valid; enter the 18-digit number"),
};
pub const REGION_UNKNOWN: Code = Code {
    id: "resident_id.region_unknown",
    zh: text("身份证号码前两位 {province_code} 不是有效的省级行政区划代码"),
    en: text("The first two digits {province_code} are not a valid province code"),
};
pub const HMT_RESIDENCE_PERMIT: Code = Code {
    id: "resident_id.hmt_residence_permit",
    zh: text("以 {prefix} 开头的是{region}居民的港澳台居民居住证号码，不是居民身份证号码：请将证件类型选为“港澳台居民居住证”"),
    en: text("A number starting with {prefix} belongs to a residence permit for {region} residents, not a resident ID card: choose the certificate type \"residence permit for Hong Kong, Macao and Taiwan residents\""),
};
pub const TAIWAN_CODE: Code = Code {
    id: "resident_id.taiwan_code",
    zh: text("居民身份证号码不以 71（台湾省的行政区划代码）开头：请核对号码；台湾居民的居住证号码以 830000 开头"),
    en: text("No resident ID number starts with 71 (Taiwan's region code): check the number; residence permits of Taiwan residents start with 830000"),
};
pub const REGION_UNKNOWN_COUNTY: Code = Code {
    id: "resident_id.region_unknown_county",
    zh: text("身份证号码前六位 {region_code} 不在任何一版行政区划代码中，请核对"),
    en: text("The region code {region_code} (first six digits) is in no revision of GB/T 2260; check it"),
};
pub const BIRTH_DATE_INVALID: Code = Code {
    id: "resident_id.birth_date_invalid",
    zh: text("身份证号码中的出生日期（第 7–14 位）不是有效日期"),
    en: text("The birth date in the number (characters 7-14) is not a valid date"),
};
pub const BIRTH_DATE_FUTURE: Code = Code {
    id: "resident_id.birth_date_future",
    zh: text("身份证号码中的出生日期 {birth_date} 晚于今天"),
    en: text("The birth date {birth_date} in the number is in the future"),
};
pub const CHECKSUM: Code = Code {
    id: "resident_id.checksum",
    zh: text("身份证号码校验位不正确，请检查是否输错了某一位"),
    en: text("The check character does not match; a character is probably mistyped"),
};

/// What [`check`] can return; `certificate` runs it too.
pub const CODES: &[&Code] =
    &[&LENGTH, &FORMAT, &LEGACY_15, &HMT_RESIDENCE_PERMIT, &TAIWAN_CODE, &REGION_UNKNOWN, &REGION_UNKNOWN_COUNTY, &BIRTH_DATE_INVALID, &BIRTH_DATE_FUTURE, &CHECKSUM];

pub const RULES: &[Rule] = &[Rule {
    id: "resident_id",
    family: "identity",
    label_zh: text("居民身份证号码"),
    label_en: text("Resident ID number"),
    codes: CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
}];

/// What a structurally valid 18-character number says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResidentId {
    pub number: String,
    pub region_code: String,
    pub birth_date: Date,
    pub male: bool,
}

pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    let number = compact_upper(value);
    if number.len() == 15 && number.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&LEGACY_15);
        if let Some(upgraded) = upgrade_15(&number) {
            out.detail("upgraded_number", upgraded);
        }
        return;
    }
    let length = number.chars().count();
    if length != 18 {
        out.error(&LENGTH).param("length", length);
        return;
    }
    let bytes = number.as_bytes();
    if !bytes[..17].iter().all(u8::is_ascii_digit) || !(bytes[17].is_ascii_digit() || bytes[17] == b'X') {
        out.error(&FORMAT);
        return;
    }
    match &number[..2] {
        two @ ("81" | "82") => {
            let code = if two == "81" { 81 } else { 82 };
            out.error(&HMT_RESIDENCE_PERMIT)
                .param("prefix", if code == 81 { "810000" } else { "820000" })
                .param("region", crate::message::Value::Province(crate::province_code::ProvinceCode(code)));
            out.detail("use_field", crate::message::Value::text("hmt_residence_permit"));
            return;
        }
        "71" => {
            out.error(&TAIWAN_CODE);
            return;
        }
        _ => {}
    }
    if let Some(id) = check_body(&number, ctx.today(), out) {
        if mod11_2(&bytes[..17]) != Some(bytes[17]) {
            out.error(&CHECKSUM);
            return;
        }
        out.detail("birth_date", id.birth_date.to_string());
        out.detail("gender", crate::message::Value::text(if id.male { "male" } else { "female" }));
        out.normalized = Some(number);
    }
}

/// Checks region and birth date of an 18-character number whose charset is already
/// verified, and records province details. Shared with the residence permits of Hong Kong,
/// Macao and Taiwan residents, which use the same layout.
pub fn check_body(number: &str, today: Option<Date>, out: &mut Outcome) -> Option<ResidentId> {
    let region_code = &number[..6];
    let Some(province) = province_of_region_code(region_code) else {
        out.error(&REGION_UNKNOWN).param("province_code", &number[..2]);
        return None;
    };
    let birth_date = check_birth_date(&number[6..14], today, &BIRTH_DATE_INVALID, Some(&BIRTH_DATE_FUTURE), out)?;
    match region_code_status(region_code) {
        Some(RegionStatus::Current) => {}
        Some(RegionStatus::Historic) => out.detail("region_historic", true),
        None => {
            out.warn(&REGION_UNKNOWN_COUNTY).param("region_code", region_code);
        }
    }
    region_details(region_code, province, out);
    let male = (number.as_bytes()[16] - b'0') % 2 == 1;
    Some(ResidentId { number: number.to_owned(), region_code: region_code.to_owned(), birth_date, male })
}

/// `resident_id`'s verdict, without building a result, for 18 ASCII characters (17 digits
/// and a digit or X); `None` for anything else. Mirrors `check` and `check_body`.
pub fn verdict(value: &str, ctx: &Context) -> Option<bool> {
    let b = value.as_bytes();
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || matches!(b[17], b'X' | b'x')) {
        return None;
    }
    if matches!(&b[..2], b"81" | b"82" | b"71") || province_of_region_code(&value[..6]).is_none() {
        return Some(false);
    }
    let Some(date) = Date::from_compact(&value[6..14]).filter(|d| d.year >= 1900) else { return Some(false) };
    if ctx.today().is_some_and(|t| date > t) {
        return Some(false);
    }
    Some(mod11_2(&b[..17]) == Some(b[17].to_ascii_uppercase()))
}

/// The region of a number as details: its code, its province's code and name.
pub(crate) fn region_details(region_code: &str, province: crate::region::Province, out: &mut Outcome) {
    out.detail("region_code", region_code);
    out.detail("province_code", province.code);
    out.detail("province", crate::message::Value::text(province.name_zh));
}

/// A `YYYYMMDD` birth date from 1900 on and not after `today`. Without a `future` code a
/// future date is reported with `invalid`.
pub(crate) fn check_birth_date(digits: &str, today: Option<Date>, invalid: &'static Code, future: Option<&'static Code>, out: &mut Outcome) -> Option<Date> {
    let Some(date) = Date::from_compact(digits).filter(|d| d.year >= 1900) else {
        out.error(invalid);
        return None;
    };
    if today.is_some_and(|t| date > t) {
        match future {
            Some(code) => out.error(code).param("birth_date", date.to_string()),
            None => out.error(invalid),
        };
        return None;
    }
    Some(date)
}

/// The 18-digit number a 15-digit first-generation number became (century `19` inserted,
/// check character appended), when its date is real.
pub fn upgrade_15(number15: &str) -> Option<String> {
    Date::from_compact(&format!("19{}", &number15[6..12]))?;
    let body = format!("{}19{}", &number15[..6], &number15[6..]);
    let check = mod11_2(body.as_bytes())?;
    Some(format!("{body}{}", check as char))
}
