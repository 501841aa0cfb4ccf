//! `uscc`: 统一社会信用代码, the unified social credit code of legal persons and other
//! organisations.
//!
//! Standard: GB 32100-2015 *The coding rule of the unified social credit identifier for
//! legal entities and other organizations*: 18 characters from `0-9A-Z` without
//! `I O Z S V`; 1 registration department, 2 entity type (per department, Table 1 of the
//! standard), 3-8 GB/T 2260 region of the registering authority, 9-17 the GB 11714
//! organization code (8 + its own check character), 18 a MOD 31 check character
//! (weights 3^i mod 31).
//!
//! Decisions:
//! - A wrong final check character is an error; a wrong check character of the embedded
//!   organization code with a *correct* final check character is a warning
//!   (`uscc.org_code_checksum`): the final check already catches typing mistakes, and
//!   some registries issued such codes, so the filing console rather than we should refuse.
//! - Region `100000` is the national level (central registration): no province.
//! - With `ctx.province`, a code registered in another province is a warning
//!   (`uscc.province_mismatch`) under every provider. GB 32100-2015 4.2: the code is assigned
//!   once and kept for life, so a company that moved keeps the region of its first registering
//!   authority while its current licence is issued where it is now; the code alone cannot show
//!   where the licence was issued (sure: the standard's "终身不变"). The advice the warning ends
//!   with comes from the provider's file (`Provider::uscc_province_advice`): Alibaba Cloud
//!   files in the province whose authority issued the current licence
//!   (aliyun-filing-guide-en, introduction).

use crate::checksum::{org_code_check, uscc_char_value, uscc_check};
use crate::context::Context;
use crate::input::compact_upper;
use crate::message::{Code, Value};
use crate::province_code::ProvinceCode;
use crate::outcome::Outcome;
use crate::region::province_of_region_code;
use crate::rule::{union, union_len, Rule};
use crate::message::text;

pub const LENGTH: Code = Code {
    id: "uscc.length",
    zh: text("统一社会信用代码应为 18 位，当前为 {length} 位"),
    en: text("A unified social credit code has 18 characters, this one has {length}"),
};
pub const FORMAT: Code = Code {
    id: "uscc.format",
    zh: text("第 {position} 位“{char}”不是统一社会信用代码可用的字符（数字或除 I、O、Z、S、V 以外的大写字母）"),
    en: text("Character {position} (\"{char}\") is not allowed: digits and capital letters except I, O, Z, S, V"),
};
pub const DEPARTMENT_UNKNOWN: Code = Code {
    id: "uscc.department_unknown",
    zh: text("第 1 位登记管理部门代码“{department}”不存在"),
    en: text("Registration department code \"{department}\" (character 1) does not exist"),
};
pub const ENTITY_TYPE_UNKNOWN: Code = Code {
    id: "uscc.entity_type_unknown",
    zh: text("登记管理部门“{department}”下没有机构类别代码“{entity_type}”（第 2 位）"),
    en: text("Entity type \"{entity_type}\" (character 2) does not exist for registration department \"{department}\""),
};
pub const REGION_INVALID: Code = Code {
    id: "uscc.region_invalid",
    zh: text("第 3–8 位应为登记管理机关的行政区划代码（6 位数字）"),
    en: text("Characters 3-8 must be the 6-digit region code of the registering authority"),
};
pub const ORG_CODE_CHECKSUM: Code = Code {
    id: "uscc.org_code_checksum",
    zh: text("第 9–17 位组织机构代码的校验位不正确，请核对营业执照"),
    en: text("The organization code in characters 9-17 has a wrong check character; compare with the licence"),
};
pub const CHECKSUM: Code = Code {
    id: "uscc.checksum",
    zh: text("统一社会信用代码校验位不正确，请检查是否输错了某一位"),
    en: text("The check character does not match; a character is probably mistyped"),
};

pub const PROVINCE_MISMATCH: Code = Code {
    id: "uscc.province_mismatch",
    zh: text("统一社会信用代码的登记地为{province}，备案省份为{expected}：代码终身不变，迁址的企业保留原代码。{advice}"),
    en: text("The code was first registered in {province}, the filing province is {expected}: a code never changes, so a company that moved keeps its old one. {advice}"),
};

/// What [`check`] can return; the certificates numbered with a USCC share this list.
pub const CODES: &[&Code] =
    &[&LENGTH, &FORMAT, &DEPARTMENT_UNKNOWN, &ENTITY_TYPE_UNKNOWN, &REGION_INVALID, &ORG_CODE_CHECKSUM, &CHECKSUM, &PROVINCE_MISMATCH];
const RULE_LISTS: &[&[&Code]] = &[CODES, &[&crate::input::CONTEXT_INVALID]];

pub const RULES: &[Rule] = &[Rule {
    id: "uscc",
    family: "identity",
    label_zh: text("统一社会信用代码"),
    label_en: text("Unified social credit code"),
    codes: &union::<{ union_len(RULE_LISTS) }>(RULE_LISTS),
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check,
}];

/// GB 32100-2015 Table 1: registration department (character 1) with its entity types
/// (character 2), Chinese names as in the standard.
/// (department code, department name, [(entity type code, type name)]).
pub type Department = (u8, &'static str, &'static [(u8, &'static str)]);

pub static DEPARTMENTS: &[Department] = &[
    (b'1', "机构编制", &[(b'1', "机关"), (b'2', "事业单位"), (b'3', "中央编办直接管理机构编制的群众团体"), (b'9', "其他")]),
    (b'2', "外交", &[(b'1', "外国常驻新闻机构"), (b'9', "其他")]),
    (b'3', "司法行政", &[(b'1', "律师执业机构"), (b'2', "公证处"), (b'3', "基层法律服务所"), (b'4', "司法鉴定机构"), (b'5', "仲裁委员会"), (b'9', "其他")]),
    (b'4', "文化", &[(b'1', "外国在华文化中心"), (b'9', "其他")]),
    (b'5', "民政", &[(b'1', "社会团体"), (b'2', "民办非企业单位"), (b'3', "基金会"), (b'9', "其他")]),
    (b'6', "旅游", &[(b'1', "外国旅游部门常驻代表机构"), (b'2', "港澳台地区旅游部门常驻内地（大陆）代表机构"), (b'9', "其他")]),
    (b'7', "宗教", &[(b'1', "宗教活动场所"), (b'2', "宗教院校"), (b'9', "其他")]),
    (b'8', "工会", &[(b'1', "基层工会"), (b'9', "其他")]),
    (b'9', "工商", &[(b'1', "企业"), (b'2', "个体工商户"), (b'3', "农民专业合作社")]),
    (b'A', "中央军委改革和编制办公室", &[(b'1', "军队事业单位"), (b'9', "其他")]),
    (b'N', "农业", &[(b'1', "组级集体经济组织"), (b'2', "村级集体经济组织"), (b'3', "乡镇级集体经济组织"), (b'9', "其他")]),
    (b'Y', "其他", &[(b'1', "其他")]),
];

pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    let code = compact_upper(value);
    let length = code.chars().count();
    if length != 18 {
        out.error(&LENGTH).param("length", length);
        return;
    }
    if let Some((i, c)) = code.chars().enumerate().find(|&(_, c)| !c.is_ascii() || uscc_char_value(c as u8).is_none()) {
        out.error(&FORMAT).param("position", i + 1).input("char", c.to_string());
        return;
    }
    let b = code.as_bytes();
    let Some(&(_, department, types)) = DEPARTMENTS.iter().find(|d| d.0 == b[0]) else {
        out.error(&DEPARTMENT_UNKNOWN).param("department", (b[0] as char).to_string());
        return;
    };
    let Some(&(_, entity_type)) = types.iter().find(|t| t.0 == b[1]) else {
        out.error(&ENTITY_TYPE_UNKNOWN)
            .param("department", department)
            .param("entity_type", (b[1] as char).to_string());
        return;
    };
    let region = &code[2..8];
    let national = region == "100000";
    let province = province_of_region_code(region);
    if !region.bytes().all(|c| c.is_ascii_digit()) || (province.is_none() && !national) {
        out.error(&REGION_INVALID);
        return;
    }
    if uscc_check(&b[..17]) != Some(b[17]) {
        out.error(&CHECKSUM);
        return;
    }
    if org_code_check(&b[8..16]) != Some(b[16]) {
        out.warn(&ORG_CODE_CHECKSUM);
    }
    out.detail("department", department);
    out.detail("entity_type", entity_type);
    out.detail("region_code", region);
    out.detail("org_code", format!("{}-{}", &code[8..16], &code[16..17]));
    match province {
        Some(p) => {
            out.detail("province_code", p.code);
            out.detail("province", Value::text(p.name_zh));
        }
        None => out.detail("national", true),
    }
    if let (Some(p), Some(expected)) = (province, crate::region::context_province(ctx, out)) {
        if p.code != expected.code {
            let advice = crate::providers::profile_or_generic(ctx.provider).uscc_province_advice;
            out.warn(&PROVINCE_MISMATCH)
                .param("province", Value::Province(ProvinceCode(p.code)))
                .param("expected", Value::Province(ProvinceCode(expected.code)))
                .param("advice", Value::Term(advice));
        }
    }
    out.normalized = Some(code);
}
