//! Phone numbers and provinces: `mobile`, `landline`, `phone` (either), `province`.
//!
//! Seeds:
//! - aliyun-filing-guide-en, step 4 ("Fill out the filing form"): "The contact address and
//!   mobile phone must be from the same province as the subject" -> `phone.province_mismatch`,
//!   an error under the `aliyun` provider profile.
//! - nwcd-website-guide-en, Ninth 1. (联系电话 / 应急联系电话): a contact and an emergency
//!   number per person; the filing-level rule compares them with [`normalized_phone`].
//! - sinnet-guide-en, registration form (`086-010-82998299`) and the entity table
//!   (`+8601055640647`): the spellings people type, all accepted here.
//! - Served provinces: nwcd-website-guide-en Third 2. and nwcd-app-guide-en 2. ("all ...
//!   except Tibet and Qinghai"); sinnet-guide-en, ICP filing ("all provinces except Tibet").
//!
//! Decisions where the seeds are silent (following what the big filing consoles do):
//! - Mobile numbers are normalised to 11 digits, landlines to `0AA-NNNNNNNN` with `-EXT`
//!   appended when an extension was given (`details.filing_format` has the `086-` form of the
//!   Sinnet example). Extensions are 1-6 digits after `-`, `转`, `分机`, `ext`, `x` or `#`.
//! - Allocated mobile prefixes and the prefix -> province map come from libphonenumber's data
//!   (tables in `src/region/`). A prefix the geocoding data does not know gives the warning
//!   `mobile.province_unknown` when a province is expected, never a mismatch error: new
//!   number blocks are allocated every year.
//! - Where that data files a whole range under one province (a key of 3-5 digits: all of 173
//!   under Beijing) the answer is block-level: a second 7-digit dataset contradicts 5-97% of
//!   such answers (`tools/phone_review.md`; its licence is unclear, so it is compared with,
//!   not shipped). A block-level province is never grounds for an error: where the profile
//!   requires a same-province mobile, or where it differs from the entity's, the warning
//!   `mobile.province_unconfirmed` names it (param `province`, details `province_level`).
//!   Refusing a right number on a block-level guess leaves the filer nothing to fix (issue 28).
//! - `details.original_carrier` is the operator the block was allocated to: with number
//!   portability (nationwide since 2019-11-27) a number may have moved to another operator.
//! - 13-digit numbers of the IoT families (1440, 1441, 1410, 146, 148: MIIT's allocations of
//!   13-digit machine-to-machine numbers; not in the seeds, fairly sure of the families) are
//!   refused with `mobile.iot_number`: they are not a person's contact number.
//! - Virtual-operator segments 162, 165, 167, 170, 171 (MIIT allocations to mobile virtual
//!   network operators) give the warning `mobile.virtual_operator`: several provinces' filing
//!   systems refuse them for SMS verification (aliyun-filing-guide-en step 8).
//! - Satellite, emergency-communication and data-only blocks (not in libphonenumber's data,
//!   see [`SPECIAL_BLOCKS`]) are accepted with the warning `mobile.special_block`: the MIIT
//!   system's SMS verification may not reach them. The satellite and emergency blocks are
//!   nationwide: no province (libphonenumber's geocoding puts 1349 in Beijing, where its
//!   operator is registered); where the profile requires a same-province mobile (`aliyun`)
//!   they give `mobile.province_unconfirmed`, elsewhere nothing.
//! - Only the mobile mismatch follows the provider profile; a landline from another province
//!   is a warning everywhere (a branch office may answer the phone; step 4 names the mobile).
//! - 400/800 service numbers are refused for a landline: they have no area, and consoles ask
//!   for an office number with its area code.
//! - Provider ids the table does not know use the `generic` profile.
//! - `province` is one of the 31 mainland divisions (`province.outside_mainland` for Hong
//!   Kong, Macao and Taiwan under every provider): see [`crate::region::is_mainland`]. A
//!   leading part of the official name (`内蒙`) is recognised (`region::parse_province`).

use crate::context::Context;
use crate::input::{fold_width, CONTEXT_INVALID};
use crate::message::{Code, Severity, Term, Value};
use crate::province_code::ProvinceCode;
use crate::outcome::Outcome;
use crate::region::{area_code_province, context_province, is_mainland, mobile_allocated, mobile_carrier, mobile_province, parse_province, Carrier, Province, MOBILE_PROVINCE_SOURCE};
use crate::rule::Rule;
use crate::message::text;

pub const FORMAT: Code = Code {
    id: "phone.format",
    zh: text("电话号码格式不正确，请填写手机号码（如 13800138000）或带区号的固定电话（如 010-82998299）"),
    en: text("Not a phone number: enter a mobile number (13800138000) or a landline with its area code (010-82998299)"),
};
pub const COUNTRY_CODE: Code = Code {
    id: "phone.country_code",
    zh: text("国家代码 +{country_code} 不是中国大陆（+86）的号码"),
    en: text("Country code +{country_code} is not mainland China (+86)"),
};
pub const PROVINCE_MISMATCH: Code = Code {
    id: "phone.province_mismatch",
    zh: text("该号码归属{province}，与主体所在地{expected}不一致"),
    en: text("This number belongs to {province}, not to the entity's province {expected}"),
};
pub const MOBILE_LENGTH: Code = Code {
    id: "mobile.length",
    zh: text("手机号码应为 11 位，当前为 {length} 位"),
    en: text("A mobile number has 11 digits, this one has {length}"),
};
pub const MOBILE_PREFIX_UNALLOCATED: Code = Code {
    id: "mobile.prefix_unallocated",
    zh: text("号段 {prefix} 不是已分配的手机号段"),
    en: text("{prefix} is not an allocated mobile number block"),
};
pub const MOBILE_VIRTUAL_OPERATOR: Code = Code {
    id: "mobile.virtual_operator",
    zh: text("{prefix} 号段为虚拟运营商号码，部分省份备案系统无法向其发送验证短信"),
    en: text("{prefix} is a virtual-operator block; some provinces' filing systems cannot send it verification SMS"),
};
pub const MOBILE_PROVINCE_UNKNOWN: Code = Code {
    id: "mobile.province_unknown",
    zh: text("无法确定号段 {prefix} 的归属地，请确认该号码归属{expected}"),
    en: text("The province of block {prefix} is not known; make sure the number belongs to {expected}"),
};
pub const MOBILE_SPECIAL_BLOCK: Code = Code {
    id: "mobile.special_block",
    zh: text("{prefix} 号段为{block}号码，备案的短信核验可能无法送达"),
    en: text("{prefix} is a {block} block: the filing's SMS verification may not reach it"),
};
pub const MOBILE_PROVINCE_UNCONFIRMED: Code = Code {
    id: "mobile.province_unconfirmed",
    zh: text("无法确认 {prefix} 号段的号码与主体所在地{expected}一致：{basis}"),
    en: text("{prefix} cannot be confirmed to belong to {expected}: {basis}"),
};
pub const MOBILE_IOT_NUMBER: Code = Code {
    id: "mobile.iot_number",
    zh: text("{prefix} 开头的 13 位号码是物联网（机器通信）号码，不能作为联系电话"),
    en: text("A 13-digit number starting {prefix} is an IoT (machine-to-machine) number, not a contact phone"),
};

/// Why a mobile's province is unconfirmed (`mobile.province_unconfirmed`'s `basis`).
pub const NATIONWIDE_BASIS: Term = Term { id: "nationwide_block", zh: text("这是全国性号段，没有归属省份"), en: text("it is a nationwide block with no province") };
pub const BLOCK_LEVEL_BASIS: Term = Term {
    id: "block_level_data",
    zh: text("号码数据只把包含它的整段号码笼统归入{province}，没有该号段自己的归属"),
    en: text("the number data files the whole range around it under {province}, not this prefix by itself"),
};

/// First digits of the 13-digit IoT number families (MIIT allocations, see the module doc).
pub const IOT_FAMILIES: &[&str] = &["1440", "1441", "1410", "146", "148"];
pub const LANDLINE_MISSING_AREA_CODE: Code = Code {
    id: "landline.missing_area_code",
    zh: text("固定电话请加区号，如 010-82998299"),
    en: text("Add the area code to the landline number, e.g. 010-82998299"),
};
pub const LANDLINE_AREA_CODE_UNKNOWN: Code = Code {
    id: "landline.area_code_unknown",
    zh: text("区号 {area_code} 不存在"),
    en: text("Area code {area_code} does not exist"),
};
pub const LANDLINE_NUMBER_LENGTH: Code = Code {
    id: "landline.number_length",
    zh: text("区号后的电话号码应为 7 或 8 位，当前为 {length} 位"),
    en: text("The number after the area code has 7 or 8 digits, this one has {length}"),
};
pub const LANDLINE_LOCAL_START: Code = Code {
    id: "landline.local_number_start",
    zh: text("区号后的本地号码 {number} 不能以 {digit} 开头：固定电话的本地号码以 2–9 开头"),
    en: text("The local number {number} after the area code cannot start with {digit}: local landline numbers start with 2-9"),
};
pub const LANDLINE_SERVICE_NUMBER: Code = Code {
    id: "landline.service_number",
    zh: text("400/800 客服号码不能作为办公电话，请填写带区号的固定电话"),
    en: text("400/800 service numbers are not accepted; enter a landline with its area code"),
};
pub const PROVINCE_UNKNOWN: Code = Code {
    id: "province.unknown",
    zh: text("无法识别的省份：{value}"),
    en: text("Unknown province: {value}"),
};
pub const PROVINCE_OUTSIDE_MAINLAND: Code = Code {
    id: "province.outside_mainland",
    zh: text("ICP 备案只适用于中国大陆 31 个省、自治区、直辖市，{province}不办理 ICP 备案"),
    en: text("ICP filings exist for the 31 mainland provinces, autonomous regions and municipalities only; {province} has no ICP filing"),
};
pub const PROVINCE_NOT_SERVED: Code = Code {
    id: "province.not_served",
    zh: text("{provider} 不受理{province}的备案"),
    en: text("{provider} does not accept filings from {province}"),
};

const MAX_BYTES: usize = 64;

pub const RULES: &[Rule] = &[
    Rule {
        id: "mobile",
        family: "phone",
        label_zh: text("手机号码"),
        label_en: text("Mobile number"),
        codes: &[
            &FORMAT,
            &COUNTRY_CODE,
            &LANDLINE_MISSING_AREA_CODE,
            &LANDLINE_SERVICE_NUMBER,
            &MOBILE_LENGTH,
            &MOBILE_IOT_NUMBER,
            &MOBILE_PREFIX_UNALLOCATED,
            &MOBILE_VIRTUAL_OPERATOR,
            &MOBILE_SPECIAL_BLOCK,
            &PROVINCE_MISMATCH,
            &MOBILE_PROVINCE_UNKNOWN,
            &MOBILE_PROVINCE_UNCONFIRMED,
            &CONTEXT_INVALID,
        ],
        max_bytes: MAX_BYTES,
        multiline: false,
        check: check_mobile,
    },
    Rule {
        id: "landline",
        family: "phone",
        label_zh: text("固定电话"),
        label_en: text("Landline number"),
        codes: &[&FORMAT, &COUNTRY_CODE, &LANDLINE_MISSING_AREA_CODE, &LANDLINE_AREA_CODE_UNKNOWN, &LANDLINE_NUMBER_LENGTH, &LANDLINE_LOCAL_START, &LANDLINE_SERVICE_NUMBER, &PROVINCE_MISMATCH, &CONTEXT_INVALID],
        max_bytes: MAX_BYTES,
        multiline: false,
        check: check_landline,
    },
    Rule {
        id: "phone",
        family: "phone",
        label_zh: text("联系电话"),
        label_en: text("Phone number"),
        codes: &[
            &FORMAT,
            &COUNTRY_CODE,
            &MOBILE_LENGTH,
            &MOBILE_IOT_NUMBER,
            &MOBILE_PREFIX_UNALLOCATED,
            &MOBILE_VIRTUAL_OPERATOR,
            &MOBILE_SPECIAL_BLOCK,
            &MOBILE_PROVINCE_UNKNOWN,
            &MOBILE_PROVINCE_UNCONFIRMED,
            &LANDLINE_MISSING_AREA_CODE,
            &LANDLINE_AREA_CODE_UNKNOWN,
            &LANDLINE_NUMBER_LENGTH,
            &LANDLINE_LOCAL_START,
            &LANDLINE_SERVICE_NUMBER,
            &PROVINCE_MISMATCH,
            &CONTEXT_INVALID,
        ],
        max_bytes: MAX_BYTES,
        multiline: false,
        check: check_phone,
    },
    Rule {
        id: "province",
        family: "phone",
        label_zh: text("省份"),
        label_en: text("Province"),
        codes: &[&PROVINCE_UNKNOWN, &PROVINCE_OUTSIDE_MAINLAND, &PROVINCE_NOT_SERVED],
        max_bytes: MAX_BYTES,
        multiline: false,
        check: check_province,
    },
];

/// The provider profile of `ctx.provider` (`generic` when absent or unknown).
pub fn provider_profile(ctx: &Context) -> &'static crate::providers::Provider {
    crate::providers::profile_or_generic(ctx.provider)
}

/// A mobile block outside ordinary mobile service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialBlock {
    /// First and last 5-digit prefix.
    pub first: u16,
    pub last: u16,
    /// How many leading digits name the block in messages (`1349`, `17406`, `149`).
    pub digits: usize,
    pub kind: &'static Term,
    /// The block has no province: it is served nationwide.
    pub nationwide: bool,
    pub carrier: Option<Carrier>,
}

pub const SATELLITE: Term = Term { id: "satellite", zh: text("卫星移动通信"), en: text("satellite mobile") };
pub const EMERGENCY: Term = Term { id: "emergency", zh: text("应急通信"), en: text("emergency-communication") };
pub const DATA_ONLY: Term = Term { id: "data_only", zh: text("数据专用（上网卡）"), en: text("data-only (mobile data card)") };

/// Mobile blocks libphonenumber's data does not describe, from MIIT's numbering plan
/// (电信网编号计划, 2017 edition, and MIIT's allocation notices as published): 1349 China
/// Satcom's satellite mobile service; 17400-17405 China Telecom's Tiantong satellite
/// service; 17406-17412 MIIT's emergency communication support centre; 149 China Telecom's
/// data-only numbers (11 digits, beside 145/147, which libphonenumber lists as ordinary
/// mobiles and which are widely issued with voice and SMS, so they are not flagged). Not in
/// the seeds; fairly sure of the blocks (published allocations), less of how each province's
/// filing system treats them today, hence warnings, not errors. A hand-kept list of four
/// entries because phonenumbers (the source of `src/region/phone_tables.rs`) has no
/// category for them: it geocodes 1349 as Beijing, accepts 17400-17405 as ordinary mobiles
/// and rejects 17406-17412 and 149.
pub const SPECIAL_BLOCKS: &[SpecialBlock] = &[
    SpecialBlock { first: 13490, last: 13499, digits: 4, kind: &SATELLITE, nationwide: true, carrier: None },
    SpecialBlock { first: 14900, last: 14999, digits: 3, kind: &DATA_ONLY, nationwide: false, carrier: Some(Carrier::ChinaTelecom) },
    SpecialBlock { first: 17400, last: 17405, digits: 5, kind: &SATELLITE, nationwide: true, carrier: Some(Carrier::ChinaTelecom) },
    SpecialBlock { first: 17406, last: 17412, digits: 5, kind: &EMERGENCY, nationwide: true, carrier: None },
];

/// The special block a mobile number's first 5 digits fall in.
pub fn special_block(prefix5: u16) -> Option<&'static SpecialBlock> {
    SPECIAL_BLOCKS.iter().find(|b| (b.first..=b.last).contains(&prefix5))
}

/// A parsed phone number (national form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phone {
    /// 11 digits, `13800138000`.
    Mobile(String),
    /// Area code with its trunk 0 (`010`), the local number, the extension if any.
    Landline { area: String, number: String, extension: Option<String> },
}

impl Phone {
    /// The line without extension, as [`normalized_phone`] compares it.
    pub fn line(&self) -> String {
        match self {
            Phone::Mobile(n) => n.clone(),
            Phone::Landline { area, number, .. } => format!("{area}-{number}"),
        }
    }
}

/// The normalised line of a valid mobile or landline number (extension dropped), so the
/// filing level can tell that an emergency number equals the contact number however each
/// was typed: `normalized_phone("+86 138-0013-8000") == normalized_phone("13800138000")`.
pub fn normalized_phone(value: &str) -> Option<String> {
    let mut out = Outcome::default();
    if !crate::input::screen(value, MAX_BYTES, false, &mut out) {
        return None;
    }
    let phone = parse(value, &mut out)?;
    check_number(&phone, &Context::default(), &mut out);
    (!out.has_errors()).then(|| phone.line())
}

/// The line (extension dropped) of a phone rule's outcome, as [`normalized_phone`] gives
/// it: lets the filing rules compare numbers they already checked without parsing them
/// again. `normalized` is set whenever the number itself is valid, whatever the context
/// (province) said, so this agrees with `normalized_phone`.
pub fn line_of(out: &Outcome) -> Option<&str> {
    let n = out.normalized.as_deref()?;
    match out.detail_value(crate::outcome::DetailKey::EXTENSION) {
        Some(crate::message::Value::Str(ext)) => n.strip_suffix(ext.as_ref())?.strip_suffix(['-', '转']),
        _ => Some(n),
    }
}

/// Whether two values are the same valid line however each was typed: the filing-level
/// check that the emergency contact number differs from the contact number
/// (nwcd-website-guide-en, Ninth 1.). `false` when either is not a valid number.
#[cfg_attr(not(test), allow(dead_code))] // the tests' oracle since the filing compares normalised lines
pub fn same_number(a: &str, b: &str) -> bool {
    matches!((normalized_phone(a), normalized_phone(b)), (Some(x), Some(y)) if x == y)
}

/// Splits off an extension marked by 转 / 分机 / ext / x / #.
fn split_extension(s: &str) -> Option<(&str, Option<&str>)> {
    let lower = s.to_ascii_lowercase();
    let marker = ["转", "分机", "ext.", "ext", "x", "#"].iter().filter_map(|m| lower.find(m).map(|i| (i, m.len()))).min();
    let Some((at, len)) = marker else { return Some((s, None)) };
    let ext = s.get(at + len..)?.trim_matches(|c: char| c == ' ' || c == '.' || c == ':');
    if ext.is_empty() || ext.len() > 6 || !ext.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((s.get(..at)?, Some(ext)))
}

/// The country code a number written after `+` starts with. ITU-T E.164 codes are
/// prefix-free: 1 and 7 have one digit, the two-digit ones are listed (E.164 annex, as
/// libphonenumber's country table has them), all others three.
fn country_code(digits: &str) -> &str {
    const TWO: &[&str] = &[
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "53", "54", "55", "56", "57", "58",
        "60", "61", "62", "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
    ];
    let len = if digits.starts_with(['1', '7']) {
        1
    } else if digits.get(..2).is_some_and(|d| TWO.contains(&d)) {
        2
    } else {
        3
    };
    digits.get(..len).unwrap_or(digits)
}

/// Parses the spellings people type; records `phone.format` / `phone.country_code` /
/// `landline.missing_area_code` / `landline.service_number` and returns `None` when the
/// value is not shaped like a number at all.
pub fn parse(value: &str, out: &mut Outcome) -> Option<Phone> {
    let folded = fold_width(value);
    let Some((main, mut extension)) = split_extension(folded.trim()) else {
        out.error(&FORMAT);
        return None;
    };
    let main = main.trim();
    let plus = main.starts_with('+') || main.starts_with("(+");
    let body = main.trim_start_matches(['(', '+']);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.')) {
        out.error(&FORMAT);
        return None;
    }
    let mut groups: Vec<&str> = body.split([' ', '-', '(', ')', '.']).filter(|g| !g.is_empty()).collect();
    let mut digits: String = groups.concat();
    let all_digits = digits.len();
    // Country code: +86 / 0086 / a separate 86 or 086 group / 86 glued to a mobile number.
    let mut international = false;
    if plus {
        if let Some(rest) = digits.strip_prefix("86") {
            digits = rest.to_owned();
            international = true;
        } else {
            out.error(&COUNTRY_CODE).param("country_code", country_code(&digits));
            return None;
        }
    } else if let Some(rest) = digits.strip_prefix("0086") {
        digits = rest.to_owned();
        international = true;
    } else if groups.len() > 1 && matches!(groups[0], "86" | "086") {
        digits = digits[groups[0].len()..].to_owned();
        international = true;
    } else if digits.len() == 13 && digits.starts_with("861") && !digits.starts_with("8610") {
        digits = digits[2..].to_owned();
        international = true;
    }
    if international {
        // What remains of the groups after the country code, for the extension split below.
        let mut skip = all_digits - digits.len();
        while skip > 0 && !groups.is_empty() {
            let g = groups[0];
            if g.len() <= skip {
                skip -= g.len();
                groups.remove(0);
            } else {
                groups[0] = &g[skip..];
                skip = 0;
            }
        }
    }
    if digits.is_empty() {
        out.error(&FORMAT);
        return None;
    }
    if digits.starts_with('1') && !digits.starts_with("10") {
        if extension.is_some() {
            out.error(&FORMAT);
            return None;
        }
        return Some(Phone::Mobile(digits));
    }
    if digits.starts_with("400") || digits.starts_with("800") {
        out.error(&LANDLINE_SERVICE_NUMBER);
        return None;
    }
    let mut trunk_added = false;
    if !digits.starts_with('0') {
        if international {
            digits.insert(0, '0');
            trunk_added = true;
        } else {
            if (7..=8).contains(&digits.len()) {
                out.error(&LANDLINE_MISSING_AREA_CODE);
            } else {
                out.error(&FORMAT);
            }
            return None;
        }
    }
    // The area code is the first group when typed apart (`0109-...` is then an unknown
    // code rather than 010 with a 9-digit number), else 3 digits for 010/02x and 4 for others.
    let typed = groups.first().filter(|_| groups.len() > 1).map(|g| g.len() + usize::from(trunk_added));
    let area_len = match typed {
        Some(n @ 3..=4) => n,
        _ if matches!(digits.as_bytes().get(1), Some(b'1' | b'2')) => 3,
        _ => 4,
    };
    if digits.len() <= area_len {
        out.error(&FORMAT);
        return None;
    }
    let area = digits[..area_len].to_owned();
    let mut number = digits[area_len..].to_owned();
    // A trailing group of 1-6 digits after a full number is an extension (010-82998299-123).
    if extension.is_none() && number.len() > 8 && groups.len() > 1 {
        if let Some(last) = groups.last().filter(|g| g.len() <= 6 && number.len() - g.len() >= 7) {
            extension = Some(last);
            number.truncate(number.len() - last.len());
        }
    }
    Some(Phone::Landline { area, number, extension: extension.map(str::to_owned) })
}

/// Checks a parsed number and records its details; sets `normalized` when valid.
fn check_number(phone: &Phone, ctx: &Context, out: &mut Outcome) {
    match phone {
        Phone::Mobile(n) => check_mobile_number(n, ctx, out),
        Phone::Landline { area, number, extension } => check_landline_number(area, number, extension.as_deref(), ctx, out),
    }
}

fn check_mobile_number(n: &str, ctx: &Context, out: &mut Outcome) {
    if n.len() != 11 {
        if let Some(family) = IOT_FAMILIES.iter().find(|f| n.len() == 13 && n.starts_with(*f)) {
            out.detail("type", Value::text("iot"));
            out.error(&MOBILE_IOT_NUMBER).param("prefix", *family);
            return;
        }
        out.error(&MOBILE_LENGTH).param("length", n.len());
        return;
    }
    let prefix5: u16 = n[..5].parse().unwrap_or(0);
    let block = special_block(prefix5);
    if block.is_none() && !mobile_allocated(prefix5) {
        out.error(&MOBILE_PREFIX_UNALLOCATED).param("prefix", &n[..3]);
        return;
    }
    out.detail("type", Value::text("mobile"));
    if let Some(carrier) = block.map_or_else(|| mobile_carrier(n), |b| b.carrier) {
        out.detail("original_carrier", Value::text(carrier.id()));
    }
    if matches!(&n[..3], "162" | "165" | "167" | "170" | "171") {
        out.detail("virtual_operator", true);
        out.warn(&MOBILE_VIRTUAL_OPERATOR).param("prefix", &n[..3]);
    }
    let strict = provider_profile(ctx).mobile_mismatch == Severity::Error;
    if let Some(b) = block {
        out.detail("block", Value::Term(b.kind));
        out.warn(&MOBILE_SPECIAL_BLOCK).param("prefix", &n[..b.digits]).param("block", Value::Term(b.kind));
        if b.nationwide {
            out.detail("nationwide", true);
            if let Some(expected) = context_province(ctx, out) {
                if strict {
                    out.warn(&MOBILE_PROVINCE_UNCONFIRMED)
                        .param("prefix", &n[..b.digits])
                        .param("expected", Value::Province(ProvinceCode(expected.code)))
                        .param("basis", Value::Term(&NATIONWIDE_BASIS));
                }
            }
            out.normalized = Some(n.to_owned());
            return;
        }
    }
    let answer = mobile_province(n[..7].parse().unwrap_or(0));
    if let Some(a) = answer {
        province_details(a.province, out);
        out.detail("province_level", Value::text(if a.block_level { "block" } else { "prefix" }));
        out.detail("province_source", Value::text(MOBILE_PROVINCE_SOURCE));
    }
    if let Some(expected) = context_province(ctx, out) {
        let expected_code = Value::Province(ProvinceCode(expected.code));
        match answer {
            Some(a) if a.block_level => {
                if strict || a.province.code != expected.code {
                    out.warn(&MOBILE_PROVINCE_UNCONFIRMED)
                        .param("prefix", &n[..7])
                        .param("expected", expected_code)
                        .param("province", Value::Province(ProvinceCode(a.province.code)))
                        .param("basis", Value::Term(&BLOCK_LEVEL_BASIS));
                }
            }
            Some(a) if a.province.code != expected.code => {
                let severity = provider_profile(ctx).mobile_mismatch;
                out.push(&PROVINCE_MISMATCH, severity).param("province", Value::Province(ProvinceCode(a.province.code))).param("expected", expected_code);
            }
            Some(_) => {}
            None => {
                out.warn(&MOBILE_PROVINCE_UNKNOWN).param("prefix", &n[..7]).param("expected", expected_code);
            }
        }
    }
    out.normalized = Some(n.to_owned());
}

/// `mobile`'s verdict, without building a result, for values of ASCII digits with `-` or
/// spaces between groups, after an optional `+` country code, that read as a mobile number
/// (as `parse` reads them); `None` for anything else (`0086`, extensions, brackets: the full
/// check decides). Mirrors `parse` and `check_mobile_number`: tests/is_valid.rs holds them to
/// the same answer.
pub fn mobile_verdict(value: &str, ctx: &Context) -> Option<bool> {
    let b = value.as_bytes();
    if b.len() == 11 && b.iter().all(u8::is_ascii_digit) {
        // The usual shape, typed without spaces.
        return if b[0] == b'1' && b[1] != b'0' { Some(mobile_digits_valid(b, ctx)) } else { Some(false) };
    }
    let mut digits = [0u8; 16];
    let (mut n, mut groups, mut first_group, mut in_group) = (0, 0, 0, false);
    let trimmed = value.trim_matches(' ');
    let (plus, body) = match trimmed.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    for &b in body.as_bytes() {
        match b {
            b'0'..=b'9' => {
                if !in_group {
                    groups += 1;
                    in_group = true;
                }
                if groups == 1 {
                    first_group += 1;
                }
                *digits.get_mut(n)? = b;
                n += 1;
            }
            b'-' | b' ' => in_group = false,
            // Brackets and dots are read by `parse` in ways not mirrored here.
            b'(' | b')' | b'.' => return None,
            // Any other ASCII (a letter, an extension marker, `#`, `+` inside): never a mobile.
            b if b.is_ascii() => return Some(false),
            _ => return None,
        }
    }
    let mut d = &digits[..n];
    if plus {
        // `+` then anything but 86 is a foreign number.
        match d.strip_prefix(b"86") {
            Some(rest) => d = rest,
            None => return Some(false),
        }
    } else if d.starts_with(b"0086") || (groups > 1 && (d[..first_group] == *b"86" || d[..first_group] == *b"086")) || (d.len() == 13 && d.starts_with(b"861") && !d.starts_with(b"8610")) {
        // The other country-code spellings: the long way.
        return None;
    }
    // What does not read as a mobile number (a landline, a service number) is not one.
    if d.is_empty() || d[0] != b'1' || d.get(1) == Some(&b'0') {
        return Some(false);
    }
    if d.len() != 11 {
        return Some(false);
    }
    Some(mobile_digits_valid(d, ctx))
}

/// Whether 11 ASCII digits starting with 1 (not 10) are a valid mobile number in `ctx`.
fn mobile_digits_valid(d: &[u8], ctx: &Context) -> bool {
    let prefix = |k: usize| d[..k].iter().fold(0u32, |acc, x| acc * 10 + u32::from(x - b'0'));
    let prefix5 = prefix(5) as u16;
    let block = special_block(prefix5);
    if block.is_none() && !mobile_allocated(prefix5) {
        return false;
    }
    if ctx.province_unrecognised.is_some() {
        return false;
    }
    if block.is_some_and(|b| b.nationwide) {
        return true;
    }
    let Some(expected) = ctx.province else { return true };
    if provider_profile(ctx).mobile_mismatch != Severity::Error {
        return true;
    }
    // A block-level province is never grounds for an error.
    !mobile_province(prefix(7)).is_some_and(|m| !m.block_level && m.province.code != expected.0)
}

fn check_landline_number(area: &str, number: &str, extension: Option<&str>, ctx: &Context, out: &mut Outcome) {
    let Some(province) = area[1..].parse().ok().and_then(area_code_province) else {
        out.error(&LANDLINE_AREA_CODE_UNKNOWN).param("area_code", area);
        return;
    };
    if !(7..=8).contains(&number.len()) {
        out.error(&LANDLINE_NUMBER_LENGTH).param("length", number.len());
        return;
    }
    // 电信网编号计划 (MIIT, 2017): a local number starts with 2-9; 0 is the trunk prefix and
    // 1 opens the special-service and mobile ranges (certain; issue 19 item 23).
    if let Some(digit) = number.chars().next().filter(|c| matches!(c, '0' | '1')) {
        out.error(&LANDLINE_LOCAL_START).param("number", number).param("digit", digit.to_string());
        return;
    }
    out.detail("type", Value::text("landline"));
    out.detail("area_code", area);
    province_details(province, out);
    if let Some(expected) = context_province(ctx, out) {
        if expected.code != province.code {
            out.warn(&PROVINCE_MISMATCH).param("province", Value::Province(ProvinceCode(province.code))).param("expected", Value::Province(ProvinceCode(expected.code)));
        }
    }
    let mut normalized = format!("{area}-{number}");
    out.detail("filing_format", format!("086-{normalized}"));
    if let Some(ext) = extension {
        out.detail(crate::outcome::DetailKey::EXTENSION.name(), ext);
        // `-` unless the extension would then read as the number's last digit (a 7-digit
        // number and a 1-digit extension: `010-8298299-9` is 010-82982999), so that the
        // normalised form reads back as itself.
        let separator = if number.len() + ext.len() <= 8 { "转" } else { "-" };
        normalized = format!("{normalized}{separator}{ext}");
    }
    out.normalized = Some(normalized);
}

fn province_details(p: Province, out: &mut Outcome) {
    out.detail("province_code", p.code);
    out.detail("province", Value::text(p.name_zh));
}

pub fn check_mobile(value: &str, ctx: &Context, out: &mut Outcome) {
    match parse(value, out) {
        Some(Phone::Mobile(n)) => check_mobile_number(&n, ctx, out),
        Some(Phone::Landline { .. }) => {
            out.error(&FORMAT);
        }
        None => {}
    }
}

pub fn check_landline(value: &str, ctx: &Context, out: &mut Outcome) {
    match parse(value, out) {
        Some(Phone::Landline { area, number, extension }) => check_landline_number(&area, &number, extension.as_deref(), ctx, out),
        Some(Phone::Mobile(_)) => {
            out.error(&FORMAT);
        }
        None => {}
    }
}

pub fn check_phone(value: &str, ctx: &Context, out: &mut Outcome) {
    if let Some(phone) = parse(value, out) {
        check_number(&phone, ctx, out);
    }
}

pub fn check_province(value: &str, ctx: &Context, out: &mut Outcome) {
    let Some(province) = parse_province(value) else {
        out.error(&PROVINCE_UNKNOWN).input("value", crate::input::excerpt(value.trim(), 20));
        return;
    };
    if !is_mainland(province) {
        out.error(&PROVINCE_OUTSIDE_MAINLAND).param("province", Value::Province(ProvinceCode(province.code)));
        return;
    }
    let profile = provider_profile(ctx);
    if profile.not_served.iter().any(|p| p.0 == province.code) {
        out.error(&PROVINCE_NOT_SERVED).param("provider", Value::Provider(profile.id)).param("province", Value::Province(ProvinceCode(province.code)));
        return;
    }
    province_details(province, out);
    out.detail("name_en", Value::text(province.name_en()));
    out.detail("short", province.short.first().copied().unwrap_or(""));
    out.normalized = Some(province.gb_code());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emergency_and_contact_numbers_compare_normalised() {
        assert_eq!(normalized_phone("+86 138-0013-8000"), Some("13800138000".into()));
        assert_eq!(normalized_phone("0086 13800138000"), normalized_phone("138 0013 8000"));
        assert_eq!(normalized_phone("086-010-82998299"), Some("010-82998299".into()));
        assert_eq!(normalized_phone("(010)82998299转123"), Some("010-82998299".into()));
        assert_eq!(normalized_phone("+8601055640647"), Some("010-55640647".into()));
        for v in ["+86 138-0013-8000", "(010)82998299转123", "010-82998299", "0086 21 5555 1234 ext 9", "12345"] {
            let mut out = Outcome::default();
            check_phone(v, &Context { province: Some(ProvinceCode::SHANGHAI), ..Context::default() }, &mut out);
            assert_eq!(line_of(&out).map(str::to_owned), normalized_phone(v), "{v}");
        }
        assert_eq!(normalized_phone("12345"), None);
        assert_eq!(normalized_phone("0999-1234567"), None);
        assert!(same_number("+86 138-0013-8000", "13800138000"));
        assert!(same_number("(010)82998299", "086-010-82998299 转 8"));
        assert!(!same_number("13800138000", "13800138001"));
        assert!(!same_number("12345", "12345"));
    }

    #[test]
    fn names_the_foreign_country_code() {
        for (value, cc) in [("+1 415 555 1234", "1"), ("+14155551234", "1"), ("+852 2123 4567", "852"), ("+44 20 7946 0000", "44"), ("+7", "7"), ("+2", "2")] {
            let mut out = Outcome::default();
            check_phone(value, &Context::default(), &mut out);
            let f = out.findings.iter().find(|f| f.code.id == "phone.country_code").expect(value);
            assert_eq!(f.params[0].1, crate::message::Value::from(cc), "{value}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["+", "(+", "-", "86", "+86", "0086", "086-", "x1", "转", "0", "00", "010", "+86 0", "86-86-86", "(((", "1", "0-", "10-8299-8299-1"] {
            let mut out = Outcome::default();
            check_phone(s, &Context::default(), &mut out);
            assert!(out.has_errors(), "{s}");
        }
    }

    fn ctx(province: ProvinceCode, provider: &str) -> Context {
        let mut c = serde_json::from_value::<Context>(serde_json::json!({ "provider": provider })).unwrap();
        c.province = Some(province);
        c
    }

    /// Issue 28: 1736692 is filed under Beijing only by libphonenumber's 3-digit key for all
    /// of 173 (a Sichuan number per a second dataset): unconfirmed, never an error.
    #[test]
    fn a_block_level_province_is_never_an_error() {
        for provider in ["aliyun", "nwcd", "sinnet", "generic"] {
            for province in [ProvinceCode(51), ProvinceCode::SHANGHAI] {
                let mut out = Outcome::default();
                check_mobile("17366921234", &ctx(province, provider), &mut out);
                assert!(!out.has_errors(), "{provider}");
                let f = out.findings.iter().find(|f| f.code.id == "mobile.province_unconfirmed").expect(provider);
                assert!(f.params.iter().any(|(k, v)| *k == "province" && *v == Value::Province(ProvinceCode(11))), "{provider}");
                assert!(out.details.contains(&("province_level", Value::text("block"))));
                assert_eq!(mobile_verdict("17366921234", &ctx(province, provider)), Some(true));
            }
        }
        // A prefix-level answer still refuses a mismatch under aliyun.
        let mut out = Outcome::default();
        check_mobile("13800138000", &ctx(ProvinceCode::SHANGHAI, "aliyun"), &mut out);
        assert!(out.findings.iter().any(|f| f.code.id == "phone.province_mismatch") && out.has_errors());
        assert!(out.details.contains(&("province_level", Value::text("prefix"))));
        assert_eq!(mobile_verdict("13800138000", &ctx(ProvinceCode::SHANGHAI, "aliyun")), Some(false));
    }

    #[test]
    fn iot_numbers_have_their_own_finding() {
        for n in ["1440123456789", "1441 0123 45678", "+86 1480012345678", "1460012345678", "1410012345678"] {
            for check in [check_mobile, check_phone] {
                let mut out = Outcome::default();
                check(n, &Context::default(), &mut out);
                let ids: Vec<&str> = out.findings.iter().map(|f| f.code.id).collect();
                assert_eq!(ids, ["mobile.iot_number"], "{n}");
            }
        }
        let mut out = Outcome::default();
        check_mobile("1390012345678", &Context::default(), &mut out);
        assert_eq!(out.findings[0].code.id, "mobile.length");
    }

    #[test]
    fn profiles_cover_the_seeded_providers() {
        for id in ["nwcd", "sinnet", "aliyun", "generic"] {
            let ctx = serde_json::from_value::<Context>(serde_json::json!({ "provider": id.to_uppercase() })).unwrap();
            assert_eq!(provider_profile(&ctx).id, id);
        }
    }
}
