//! Record numbers: `icp_record_number` (ICP备案号 / ICP许可证号) and
//! `public_security_record_number` (公安联网备案号).
//!
//! Formats:
//! - ICP filing number `京ICP备12345678号`, with `-N` for the N-th website of the entity
//!   (`津ICP备12121212号-1`, sinnet-guide-en ICP filing list); the number is 8 digits on
//!   filings up to 2009 and year + 6 digits (10) since, 6-7 on the earliest, so 6-10 digits
//!   are accepted. ICP licence form `京ICP证030173号` (the business licence's ICP number, 6-8
//!   digits), also with `-N`.
//! - Public-security record number `京公网安备 11010502030143号` (sinnet-guide-en,
//!   public-security filing): 14 digits beginning with the GB/T 2260 region code of the
//!   filing public security bureau, so the first two digits must be the province of the
//!   short name. Normalised with one space after 备, as the badge prints it.
//!   Public-security badges are issued by the public security bureaus, not by the MIIT system,
//!   and three provinces print their other official short name on them: `川公网安备`,
//!   `贵公网安备`, `甘公网安备` (Sichuan, Guizhou, Gansu), often beside `蜀ICP备…` in one
//!   footer. Both short names are accepted there (certain for 川/贵/甘, which are the badges'
//!   own; the ICP forms 蜀/黔/陇 are seen on real footers too, e.g. `蜀公网安备
//!   51078202110037号`, `黔公网安备 52270102000276号`), and kept as typed. Yunnan and Shaanxi
//!   badges print 滇/陕 as record numbers do; `云`/`秦` get `province_alias` naming them
//!   rather than "not a short name" (issue 19 item 3; badges as published on real sites).
//!
//! The first character is the province's short name (简称) as used on record numbers. The
//! table below is copied from the State Council's list of provincial short names
//! (中华人民共和国行政区划简册), keyed by GB/T 2260 code and cross-checked in a unit test
//! against the generated `region::provinces` table: 31 mainland divisions. Five provinces
//! have two official short names; record numbers use the second (川/蜀, 贵/黔, 云/滇,
//! 甘/陇, 陕/秦 -> 蜀 黔 滇 陇 陕 as issued by the MIIT system), and the other one is reported
//! with `province_alias` naming the right one.

use crate::context::Context;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::region::province_by_code;
use crate::rule::Rule;

/// (GB/T 2260 code, short name on record numbers, other official short name).
pub static PROVINCE_SHORT_NAMES: &[(u8, char, Option<char>)] = &[
    (11, '京', None),
    (12, '津', None),
    (13, '冀', None),
    (14, '晋', None),
    (15, '蒙', None),
    (21, '辽', None),
    (22, '吉', None),
    (23, '黑', None),
    (31, '沪', None),
    (32, '苏', None),
    (33, '浙', None),
    (34, '皖', None),
    (35, '闽', None),
    (36, '赣', None),
    (37, '鲁', None),
    (41, '豫', None),
    (42, '鄂', None),
    (43, '湘', None),
    (44, '粤', None),
    (45, '桂', None),
    (46, '琼', None),
    (50, '渝', None),
    (51, '蜀', Some('川')),
    (52, '黔', Some('贵')),
    (53, '滇', Some('云')),
    (54, '藏', None),
    (61, '陕', Some('秦')),
    (62, '陇', Some('甘')),
    (63, '青', None),
    (64, '宁', None),
    (65, '新', None),
];

/// Short names public-security badges print besides the record-number ones (see the module
/// comment): (GB/T 2260 code, short name).
pub static PUBLIC_SECURITY_SHORT_NAMES: &[(u8, char)] = &[(51, '川'), (52, '贵'), (62, '甘')];

/// The province code of a record-number short name.
pub fn province_of_short_name(c: char) -> Option<u8> {
    PROVINCE_SHORT_NAMES.iter().find(|e| e.1 == c).map(|e| e.0)
}

/// A province given in context as a code (`11`), short name (`京`) or Chinese name
/// (`北京`, `北京市`). Other spellings are not resolved (no check then).
fn context_province(ctx: &Context) -> Option<u8> {
    ctx.province.map(|p| p.0)
}

pub const ICP_FORMAT: Code = Code {
    id: "icp_record_number.format",
    zh: "备案号格式应为“京ICP备12345678号”或“京ICP备12345678号-1”",
    en: "An ICP record number looks like \"京ICP备12345678号\" or \"京ICP备12345678号-1\"",
};
pub const ICP_PROVINCE_UNKNOWN: Code = Code {
    id: "icp_record_number.province_unknown",
    zh: "备案号开头的“{short}”不是省级行政区简称",
    en: "\"{short}\" at the start is not a provincial short name",
};
pub const ICP_PROVINCE_ALIAS: Code = Code {
    id: "icp_record_number.province_alias",
    zh: "备案号中该省简称应写作“{expected}”，而不是“{short}”",
    en: "Record numbers write this province as \"{expected}\", not \"{short}\"",
};
pub const ICP_DIGITS: Code = Code {
    id: "icp_record_number.digits",
    zh: "备案号中的编号应为 {min}–{max} 位数字，当前为 {length} 位",
    en: "The number part has {min}-{max} digits, this one has {length}",
};
pub const ICP_SUFFIX: Code = Code {
    id: "icp_record_number.suffix",
    zh: "网站序号应写作“号-1”“号-2”等",
    en: "A website index is written \"-1\", \"-2\", ... after \"号\"",
};
pub const ICP_PROVINCE_MISMATCH: Code = Code {
    id: "icp_record_number.province_mismatch",
    zh: "备案号所属省份（{short}）与主办单位所在省不一致",
    en: "The record number's province ({short}) differs from the entity's province",
};

pub const PSR_FORMAT: Code = Code {
    id: "public_security_record_number.format",
    zh: "公安备案号格式应为“京公网安备 11010502030143号”",
    en: "A public-security record number looks like \"京公网安备 11010502030143号\"",
};
pub const PSR_PROVINCE_UNKNOWN: Code = Code {
    id: "public_security_record_number.province_unknown",
    zh: "公安备案号开头的“{short}”不是省级行政区简称",
    en: "\"{short}\" at the start is not a provincial short name",
};
pub const PSR_PROVINCE_ALIAS: Code = Code {
    id: "public_security_record_number.province_alias",
    zh: "公安备案号中该省简称应写作“{expected}”，而不是“{short}”",
    en: "Public-security record numbers write this province as \"{expected}\", not \"{short}\"",
};
pub const PSR_DIGITS: Code = Code {
    id: "public_security_record_number.digits",
    zh: "公安备案号的编号应为 14 位数字，当前为 {length} 位",
    en: "The number part has 14 digits, this one has {length}",
};
pub const PSR_REGION_MISMATCH: Code = Code {
    id: "public_security_record_number.region_mismatch",
    zh: "编号前两位 {province_code} 与简称“{short}”所属省份不一致",
    en: "The first two digits {province_code} do not belong to the province of \"{short}\"",
};

pub const RULES: &[Rule] = &[
    Rule {
        id: "icp_record_number",
        family: "identity",
        label_zh: "ICP 备案号",
        label_en: "ICP record number",
        codes: &[&ICP_FORMAT, &ICP_PROVINCE_UNKNOWN, &ICP_PROVINCE_ALIAS, &ICP_DIGITS, &ICP_SUFFIX, &ICP_PROVINCE_MISMATCH],
        max_bytes: 128,
        multiline: false,
        check: check_icp,
    },
    Rule {
        id: "public_security_record_number",
        family: "identity",
        label_zh: "公安联网备案号",
        label_en: "Public security record number",
        codes: &[&PSR_FORMAT, &PSR_PROVINCE_UNKNOWN, &PSR_PROVINCE_ALIAS, &PSR_DIGITS, &PSR_REGION_MISMATCH],
        max_bytes: 128,
        multiline: false,
        check: check_public_security,
    },
];

/// Width-folded, whitespace removed, ASCII upper-cased (`icp` -> `ICP`).
fn tidy(value: &str) -> String {
    let mut s = crate::input::without_whitespace(value);
    s.make_ascii_uppercase();
    s
}

/// Resolves the leading short name; `extra` are further accepted names (the badges'), an
/// official short name that is neither is reported with `alias`, anything else `unknown`.
fn leading_province(first: char, extra: &[(u8, char)], unknown: &'static Code, alias: &'static Code, out: &mut Outcome) -> Option<u8> {
    if let Some(code) = province_of_short_name(first).or_else(|| extra.iter().find(|e| e.1 == first).map(|e| e.0)) {
        return Some(code);
    }
    match PROVINCE_SHORT_NAMES.iter().find(|e| e.2 == Some(first)) {
        Some(e) => {
            out.error(alias).input("short", first.to_string()).param("expected", e.1.to_string());
        }
        None => {
            out.error(unknown).input("short", first.to_string());
        }
    }
    None
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

pub fn check_icp(value: &str, ctx: &Context, out: &mut Outcome) {
    let text = tidy(value);
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        out.error(&ICP_FORMAT);
        return;
    };
    let rest = chars.as_str();
    let (kind, body) = if let Some(b) = rest.strip_prefix("ICP备") {
        ("filing", b)
    } else if let Some(b) = rest.strip_prefix("ICP证") {
        ("licence", b)
    } else {
        out.error(&ICP_FORMAT);
        return;
    };
    let Some(province) = leading_province(first, &[], &ICP_PROVINCE_UNKNOWN, &ICP_PROVINCE_ALIAS, out) else {
        return;
    };
    let (digits, after) = split_digits(body);
    let Some(after) = after.strip_prefix('号') else {
        out.error(&ICP_FORMAT);
        return;
    };
    let (min, max) = if kind == "filing" { (6, 10) } else { (6, 8) };
    if !(min..=max).contains(&digits.len()) {
        out.error(&ICP_DIGITS).param("min", min).param("max", max).param("length", digits.len());
        return;
    }
    let index = if after.is_empty() {
        None
    } else {
        match after.strip_prefix('-').map(split_digits) {
            Some((n, "")) if !n.is_empty() && n.len() <= 3 && !n.starts_with('0') => Some(n),
            _ => {
                out.error(&ICP_SUFFIX);
                return;
            }
        }
    };
    if context_province(ctx).is_some_and(|p| p != province) {
        out.warn(&ICP_PROVINCE_MISMATCH).input("short", first.to_string());
    }
    out.detail("kind", kind);
    if let Some(p) = province_by_code(province) {
        out.detail("province", crate::message::Value::text(p.name_zh));
    }
    let mut normalized = format!("{first}ICP{}{digits}号", if kind == "filing" { '备' } else { '证' });
    if let Some(n) = index {
        out.detail("site_index", n.parse::<u32>().unwrap_or(0));
        normalized.push('-');
        normalized.push_str(n);
    }
    out.normalized = Some(normalized);
}

pub fn check_public_security(value: &str, _ctx: &Context, out: &mut Outcome) {
    let text = tidy(value);
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        out.error(&PSR_FORMAT);
        return;
    };
    let Some(body) = chars.as_str().strip_prefix("公网安备") else {
        out.error(&PSR_FORMAT);
        return;
    };
    let Some(province) = leading_province(first, PUBLIC_SECURITY_SHORT_NAMES, &PSR_PROVINCE_UNKNOWN, &PSR_PROVINCE_ALIAS, out) else {
        return;
    };
    let (digits, after) = split_digits(body);
    if after != "号" {
        out.error(&PSR_FORMAT);
        return;
    }
    if digits.len() != 14 {
        out.error(&PSR_DIGITS).param("length", digits.len());
        return;
    }
    if digits[..2].parse::<u8>().ok() != Some(province) {
        out.error(&PSR_REGION_MISMATCH).param("province_code", &digits[..2]).input("short", first.to_string());
        return;
    }
    out.detail("region_code", &digits[..6]);
    if let Some(p) = province_by_code(province) {
        out.detail("province", crate::message::Value::text(p.name_zh));
    }
    out.normalized = Some(format!("{first}公网安备 {digits}号"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_cover_the_31_mainland_provinces() {
        let mainland: Vec<u8> = crate::region::provinces().map(|p| p.code).filter(|&c| c < 71).collect();
        let table: Vec<u8> = PROVINCE_SHORT_NAMES.iter().map(|e| e.0).collect();
        assert_eq!(table, mainland);
        assert_eq!(table.len(), 31);
        let mut names: Vec<char> = PROVINCE_SHORT_NAMES.iter().flat_map(|e| std::iter::once(e.1).chain(e.2)).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n, "a short name belongs to two provinces");
    }

    #[test]
    fn context_provinces_resolve() {
        let ctx = |p: &str| serde_json::from_value::<Context>(serde_json::json!({ "province": p })).unwrap();
        assert_eq!(context_province(&ctx("11")), Some(11));
        assert_eq!(context_province(&ctx("京")), Some(11));
        assert_eq!(context_province(&ctx("川")), Some(51));
        assert_eq!(context_province(&ctx("内蒙古")), Some(15));
        assert_eq!(context_province(&ctx("北京市")), Some(11));
        assert_eq!(context_province(&ctx("Atlantis")), None);
    }
}
