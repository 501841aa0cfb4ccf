//! Record numbers: `icp_record_number` (ICP备案号), `icp_license_number` (增值电信业务经营许可证
//! number) and `public_security_record_number` (公安联网备案号).
//!
//! Formats:
//! - ICP filing number `京ICP备12345678号`, with `-N` for the N-th website of the entity
//!   (`津ICP备12121212号-1`, sinnet-guide-en ICP filing list); the number is 8 digits on
//!   filings up to 2009 and year + 6 digits (10) since, 6-7 on the earliest, so 6-10 digits
//!   are accepted. Since the MIIT added APP filing (2023) the service index of an APP's record
//!   carries an `A` (`沪ICP备2025152989号-1A`), and mini programs and quick apps, filed through
//!   their platforms, show an `X` (`-1X`) on real footers; `details.service_type` says which
//!   (`website`, `app`, `mini_program`). Certain for `A` (MIIT's APP filing notice of 2023-08
//!   and every APP record shown on beian.miit.gov.cn), fairly sure for `X` (real footers;
//!   no MIIT text seen). Issue 19 item 1. The filing rule `record_service_type` checks the
//!   letter against the service type.
//! - A licence number typed as a record number (`京ICP证030173号`, `京B2-20090059`) gets
//!   `icp_record_number.is_license`, which names the `icp_license_number` field (issue 19
//!   item 17): a licensed site still has its own `ICP备` record number.
//! - ICP licence numbers (`icp_license_number`), as printed on 增值电信业务经营许可证 and on
//!   commercial sites' footers (sinnet-guide-en covers the ICP licence application):
//!   - the current form `京B2-20090059`: the issuing administration's short name (the
//!     province; none for licences issued by the MIIT itself, `B2-20080207`; `合字` for
//!     foreign-invested ones, `合字B1.B2-20130004`), the business classes the licence covers
//!     as in the 电信业务分类目录 (2015): `A1` `A2` (basic), `B1` `B2` (value-added), joined with
//!     `.` (`A2.B1.B2-20090003`), a hyphen and 8 digits: the year of issue and a 4-digit
//!     serial. Normalised upper-case without spaces or a trailing `号`;
//!   - the older form `京ICP证030173号` (6-8 digits; licences issued before the 2009 numbering).
//!
//!   Provinces may print either official short name on a licence (川/蜀 ...), both accepted.
//!   How sure: the shapes are those of real footers and the MIIT's public licence lookup
//!   (fairly sure); the classes are the catalogue's (certain); the 4-digit year is checked
//!   between 1999 and today's year.
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
use crate::message::text;

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
    zh: text("备案号格式应为“京ICP备12345678号”或“京ICP备12345678号-1”"),
    en: text("An ICP record number looks like \"京ICP备12345678号\" or \"京ICP备12345678号-1\""),
};
pub const ICP_PROVINCE_UNKNOWN: Code = Code {
    id: "icp_record_number.province_unknown",
    zh: text("备案号开头的“{short}”不是省级行政区简称"),
    en: text("\"{short}\" at the start is not a provincial short name"),
};
pub const ICP_PROVINCE_ALIAS: Code = Code {
    id: "icp_record_number.province_alias",
    zh: text("备案号中该省简称应写作“{expected}”，而不是“{short}”"),
    en: text("Record numbers write this province as \"{expected}\", not \"{short}\""),
};
pub const ICP_DIGITS: Code = Code {
    id: "icp_record_number.digits",
    zh: text("备案号中的编号应为 {min}–{max} 位数字，当前为 {length} 位"),
    en: text("The number part has {min}-{max} digits, this one has {length}"),
};
pub const ICP_SUFFIX: Code = Code {
    id: "icp_record_number.suffix",
    zh: text("服务序号应写作“号-1”“号-2”等，APP 加 A（“号-1A”），小程序加 X（“号-1X”）"),
    en: text("A service index is written \"-1\", \"-2\", ... after \"号\", with A for an APP (\"-1A\") and X for a mini program (\"-1X\")"),
};
pub const ICP_IS_LICENSE: Code = Code {
    id: "icp_record_number.is_license",
    zh: text("这是增值电信业务经营许可证号，不是 ICP 备案号：请填在“ICP 经营许可证号”一栏，此处填写“京ICP备…号”形式的备案号"),
    en: text("This is an ICP (value-added telecom) licence number, not a record number: enter it as the licence number, and the \"京ICP备…号\" record number here"),
};
pub const ICP_PROVINCE_MISMATCH: Code = Code {
    id: "icp_record_number.province_mismatch",
    zh: text("备案号所属省份（{short}）与主办单位所在省不一致"),
    en: text("The record number's province ({short}) differs from the entity's province"),
};

pub const LICENSE_FORMAT: Code = Code {
    id: "icp_license_number.format",
    zh: text("ICP 经营许可证号格式应为“京B2-20090059”或旧式“京ICP证030173号”"),
    en: text("An ICP licence number looks like \"京B2-20090059\" or, in the older form, \"京ICP证030173号\""),
};
pub const LICENSE_PROVINCE_UNKNOWN: Code = Code {
    id: "icp_license_number.province_unknown",
    zh: text("许可证号开头的“{short}”不是省级行政区简称"),
    en: text("\"{short}\" at the start is not a provincial short name"),
};
pub const LICENSE_CATEGORY: Code = Code {
    id: "icp_license_number.category",
    zh: text("“{category}”不是电信业务类别：许可证号中的类别为 A1、A2、B1、B2，多个类别用“.”连接"),
    en: text("\"{category}\" is not a telecom business class: licence numbers show A1, A2, B1 or B2, joined with \".\""),
};
pub const LICENSE_DIGITS: Code = Code {
    id: "icp_license_number.digits",
    zh: text("许可证号的编号应为 {expected} 位数字，当前为 {length} 位"),
    en: text("The number part has {expected} digits, this one has {length}"),
};
pub const LICENSE_YEAR: Code = Code {
    id: "icp_license_number.year",
    zh: text("许可证号编号的前四位 {year} 不是发证年份"),
    en: text("The first four digits {year} are not a year of issue"),
};
pub const LICENSE_IS_RECORD: Code = Code {
    id: "icp_license_number.is_record_number",
    zh: text("这是 ICP 备案号，不是经营许可证号：请填在“ICP 备案号”一栏"),
    en: text("This is an ICP record number, not a licence number: enter it as the record number"),
};

pub const PSR_FORMAT: Code = Code {
    id: "public_security_record_number.format",
    zh: text("公安备案号格式应为“京公网安备 11010502030143号”"),
    en: text("A public-security record number looks like \"京公网安备 11010502030143号\""),
};
pub const PSR_PROVINCE_UNKNOWN: Code = Code {
    id: "public_security_record_number.province_unknown",
    zh: text("公安备案号开头的“{short}”不是省级行政区简称"),
    en: text("\"{short}\" at the start is not a provincial short name"),
};
pub const PSR_PROVINCE_ALIAS: Code = Code {
    id: "public_security_record_number.province_alias",
    zh: text("公安备案号中该省简称应写作“{expected}”，而不是“{short}”"),
    en: text("Public-security record numbers write this province as \"{expected}\", not \"{short}\""),
};
pub const PSR_DIGITS: Code = Code {
    id: "public_security_record_number.digits",
    zh: text("公安备案号的编号应为 14 位数字，当前为 {length} 位"),
    en: text("The number part has 14 digits, this one has {length}"),
};
pub const PSR_REGION_MISMATCH: Code = Code {
    id: "public_security_record_number.region_mismatch",
    zh: text("编号前两位 {province_code} 与简称“{short}”所属省份不一致"),
    en: text("The first two digits {province_code} do not belong to the province of \"{short}\""),
};

pub const RULES: &[Rule] = &[
    Rule {
        id: "icp_record_number",
        family: "identity",
        label_zh: text("ICP 备案号"),
        label_en: text("ICP record number"),
        codes: &[&ICP_FORMAT, &ICP_IS_LICENSE, &ICP_PROVINCE_UNKNOWN, &ICP_PROVINCE_ALIAS, &ICP_DIGITS, &ICP_SUFFIX, &ICP_PROVINCE_MISMATCH],
        max_bytes: 128,
        multiline: false,
        check: check_icp,
    },
    Rule {
        id: "icp_license_number",
        family: "identity",
        label_zh: text("ICP 经营许可证号"),
        label_en: text("ICP licence number"),
        codes: &[&LICENSE_FORMAT, &LICENSE_IS_RECORD, &LICENSE_PROVINCE_UNKNOWN, &LICENSE_CATEGORY, &LICENSE_DIGITS, &LICENSE_YEAR],
        max_bytes: 128,
        multiline: false,
        check: check_license,
    },
    Rule {
        id: "public_security_record_number",
        family: "identity",
        label_zh: text("公安联网备案号"),
        label_en: text("Public security record number"),
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
    if looks_like_license(&text) {
        out.error(&ICP_IS_LICENSE);
        out.detail("use_field", crate::message::Value::text("icp_license_number"));
        return;
    }
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        out.error(&ICP_FORMAT);
        return;
    };
    let Some(body) = chars.as_str().strip_prefix("ICP备") else {
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
    let (min, max) = (6, 10);
    if !(min..=max).contains(&digits.len()) {
        out.error(&ICP_DIGITS).param("min", min).param("max", max).param("length", digits.len());
        return;
    }
    let index = if after.is_empty() {
        None
    } else {
        let parsed = after.strip_prefix('-').map(split_digits).and_then(|(n, letter)| {
            let service_type = match letter {
                "" => "website",
                "A" => "app",
                "X" => "mini_program",
                _ => return None,
            };
            (!n.is_empty() && n.len() <= 3 && !n.starts_with('0')).then_some((n, letter, service_type))
        });
        match parsed {
            Some(found) => Some(found),
            None => {
                out.error(&ICP_SUFFIX);
                return;
            }
        }
    };
    if context_province(ctx).is_some_and(|p| p != province) {
        out.warn(&ICP_PROVINCE_MISMATCH).input("short", first.to_string());
    }
    out.detail("kind", "filing");
    if let Some(p) = province_by_code(province) {
        out.detail(crate::outcome::DetailKey::PROVINCE.name(), crate::message::Value::text(p.name_zh));
    }
    let mut normalized = format!("{first}ICP备{digits}号");
    if let Some((n, letter, service_type)) = index {
        out.detail("site_index", n.parse::<u32>().unwrap_or(0));
        out.detail(crate::outcome::DetailKey::SERVICE_TYPE.name(), crate::message::Value::text(service_type));
        normalized.push('-');
        normalized.push_str(n);
        normalized.push_str(letter);
    }
    out.normalized = Some(normalized);
}

/// Business classes a licence number shows (电信业务分类目录 2015: A1/A2 basic, B1/B2
/// value-added).
const LICENSE_CLASSES: &[&str] = &["A1", "A2", "B1", "B2"];

/// Whether a tidied value has the shape of a licence number (either form), for the record
/// rule's pointer: `京ICP证…` or classes, a hyphen and digits.
fn looks_like_license(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next();
    if chars.as_str().starts_with("ICP证") {
        return true;
    }
    let body = text.strip_prefix("合字").unwrap_or(text);
    let body = body.strip_prefix(|c: char| !c.is_ascii()).unwrap_or(body);
    body.split_once('-').is_some_and(|(classes, digits)| {
        !classes.is_empty() && classes.split('.').all(|c| LICENSE_CLASSES.contains(&c)) && digits.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// The short names a licence may start with: both official short names of a province.
fn license_province(c: char) -> Option<u8> {
    PROVINCE_SHORT_NAMES.iter().find(|e| e.1 == c || e.2 == Some(c)).map(|e| e.0)
}

pub fn check_license(value: &str, ctx: &Context, out: &mut Outcome) {
    let text = tidy(value);
    // A footer pasted whole: `增值电信业务经营许可证：京B2-20090059` keeps what follows the colon.
    let text = text.rsplit_once(':').map_or(text.as_str(), |(_, number)| number);
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        out.error(&LICENSE_FORMAT);
        return;
    };
    if chars.as_str().starts_with("ICP备") {
        out.error(&LICENSE_IS_RECORD);
        out.detail("use_field", crate::message::Value::text("icp_record_number"));
        return;
    }
    // The older form: 京ICP证030173号.
    if let Some(body) = chars.as_str().strip_prefix("ICP证") {
        let Some(province) = license_province(first) else {
            out.error(&LICENSE_PROVINCE_UNKNOWN).input("short", first.to_string());
            return;
        };
        let (digits, after) = split_digits(body);
        if after != "号" && !after.is_empty() {
            out.error(&LICENSE_FORMAT);
            return;
        }
        if !(6..=8).contains(&digits.len()) {
            out.error(&LICENSE_DIGITS).param("expected", "6-8").param("length", digits.len());
            return;
        }
        out.detail("form", "icp_certificate");
        license_province_details(Some(province), out);
        out.normalized = Some(format!("{first}ICP证{digits}号"));
        return;
    }
    // The current form: [province | 合字] classes - YYYYNNNN.
    let (issuer, body) = if let Some(rest) = text.strip_prefix("合字") {
        ("foreign_invested", rest)
    } else if first.is_ascii() {
        ("miit", text)
    } else {
        ("province", chars.as_str())
    };
    let Some((classes, number)) = body.split_once('-') else {
        out.error(&LICENSE_FORMAT);
        return;
    };
    let province = if issuer == "province" {
        match license_province(first) {
            Some(p) => Some(p),
            None => {
                out.error(&LICENSE_PROVINCE_UNKNOWN).input("short", first.to_string());
                return;
            }
        }
    } else {
        None
    };
    if classes.is_empty() || !classes.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
        out.error(&LICENSE_FORMAT);
        return;
    }
    if let Some(bad) = classes.split('.').find(|c| !LICENSE_CLASSES.contains(c)) {
        out.error(&LICENSE_CATEGORY).input("category", crate::input::excerpt(bad, 10));
        return;
    }
    let number = number.strip_suffix('号').unwrap_or(number);
    if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
        out.error(&LICENSE_FORMAT);
        return;
    }
    if number.len() != 8 {
        out.error(&LICENSE_DIGITS).param("expected", 8).param("length", number.len());
        return;
    }
    let year: i32 = number[..4].parse().unwrap_or(0);
    let this_year = ctx.today().map_or(2100, |t| t.year);
    if !(1999..=this_year).contains(&year) {
        out.error(&LICENSE_YEAR).param("year", &number[..4]);
        return;
    }
    out.detail("form", "classes");
    out.detail("issuer", crate::message::Value::text(issuer));
    out.detail("classes", crate::message::Value::InputList(classes.split('.').map(Into::into).collect()));
    out.detail("year", year);
    license_province_details(province, out);
    let prefix = match issuer {
        "foreign_invested" => "合字".to_owned(),
        "province" => first.to_string(),
        _ => String::new(),
    };
    out.normalized = Some(format!("{prefix}{classes}-{number}"));
}

fn license_province_details(province: Option<u8>, out: &mut Outcome) {
    if let Some(p) = province.and_then(province_by_code) {
        out.detail("province", crate::message::Value::text(p.name_zh));
    }
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
