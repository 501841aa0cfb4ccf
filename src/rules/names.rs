//! Names: `person_name`, `entity_name`, `website_name`, `app_name`.
//!
//! Sources: the filing checklists (nwcd-website-guide-en Ninth 1, nwcd-app-guide-en
//! "Filing information checklist": 负责人姓名, 主办单位名称, 网站名称, APP名称), the website
//! name rules of nwcd-website-guide-en Ninth 2.(1) and the APP name rule of nwcd-app-guide-en
//! "Notes for ICP Recordal application" (1).
//!
//! Decisions where the seeds are silent (following what the big filing consoles accept):
//! - Lengths are counted in grapheme clusters (unicode-segmentation), never bytes.
//! - The middle dots `·` U+00B7, `•` U+2022, `・` U+30FB, `･` U+FF65 and `‧` U+2027 all become
//!   `·`, the dot printed on ID cards in transliterated minority and foreign names.
//! - A person's name is written either in Chinese characters (2-30, dots between parts,
//!   spaces dropped) or in Latin letters (as on a foreign passport: spaces, hyphens,
//!   apostrophes and initials' periods between letters, 2-80). Digits, emoji, symbols,
//!   other scripts and a mix of Chinese and Latin letters (no certificate prints one) are
//!   rejected.
//! - Organisation names may mix Chinese and Latin letters and digits (brand names); brackets
//!   must balance and are normalised to the full-width （） that Chinese business licences
//!   print. Punctuation (`.` `-` `'` `·` `&` `,` `、`) only joins words: not first, not
//!   doubled (`Co.,` excepted), not last unless it is an abbreviation's period (`Ltd.`). With `entity_type` individual (personal filing) the entity name is the person's
//!   name and the person-name rule applies.
//! - An organisation's name without any Chinese character (`Example Technology Co., Ltd.`)
//!   gets `entity_name.not_chinese` with the provider file's `latin_entity_name` severity: an
//!   error under `sinnet` (sinnet-guide-en: "all ICP application materials and information
//!   filled must be in Chinese") and `aliyun` (aliyun-filing-guide-en: "you must complete the
//!   application in Chinese"), a warning elsewhere (the NWCD guides do not say it). Certain
//!   for those two providers; issue 19 item 15. Never for individuals: a foreigner's name is
//!   written in Latin letters as on the passport.
//! - Website and APP names share the base rules: not a domain, IP address, URL or bare
//!   digits; the forbidden words of Ninth 2.(1) unless `national_document` is true, also when
//!   written in traditional characters (`中國`). The
//!   "fewer than 3 Chinese characters" advice of Ninth 2.(1) is a warning for websites only:
//!   APP names are the name under the icon and are often two characters (seed: the APP
//!   guide has no such advice).

use unicode_segmentation::UnicodeSegmentation;

use crate::context::Context;
use crate::input::fold_width;
use crate::message::{Code, Value};
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

// ---------------------------------------------------------------- person_name

pub const PERSON_INVALID_CHAR: Code = Code {
    id: "person_name.invalid_char",
    zh: text("姓名中不能含有“{char}”：请填写证件上的中文姓名或拉丁字母姓名"),
    en: text("A name cannot contain \"{char}\": enter the name in Chinese characters or Latin letters as on the certificate"),
};
pub const PERSON_DIGIT: Code = Code {
    id: "person_name.digit",
    zh: text("姓名中不能含有数字"),
    en: text("A name cannot contain digits"),
};
pub const PERSON_MIXED_SCRIPT: Code = Code {
    id: "person_name.mixed_script",
    zh: text("姓名不能同时含有汉字和拉丁字母，请按证件填写其中一种"),
    en: text("A name cannot mix Chinese characters and Latin letters; enter it as on the certificate"),
};
pub const PERSON_DOT_POSITION: Code = Code {
    id: "person_name.dot_position",
    zh: text("间隔号“·”只能出现在姓名中间，且不能连续"),
    en: text("The middle dot \"·\" may only separate parts of the name, one at a time"),
};
pub const PERSON_SEPARATOR: Code = Code {
    id: "person_name.separator",
    zh: text("空格、连字符、撇号只能出现在字母之间，且不能连续"),
    en: text("Spaces, hyphens and apostrophes may only appear between letters, one at a time"),
};
pub const PERSON_TOO_SHORT: Code = Code {
    id: "person_name.too_short",
    zh: text("姓名至少需要 {min} 个字"),
    en: text("A name needs at least {min} letters or characters"),
};
pub const PERSON_TOO_LONG: Code = Code {
    id: "person_name.too_long",
    zh: text("姓名最多 {max} 个字"),
    en: text("A name has at most {max} characters"),
};

const PERSON_CODES: &[&Code] =
    &[&PERSON_INVALID_CHAR, &PERSON_DIGIT, &PERSON_MIXED_SCRIPT, &PERSON_DOT_POSITION, &PERSON_SEPARATOR, &PERSON_TOO_SHORT, &PERSON_TOO_LONG];

// ---------------------------------------------------------------- entity_name

pub const ENTITY_INVALID_CHAR: Code = Code {
    id: "entity_name.invalid_char",
    zh: text("单位名称中不能含有“{char}”"),
    en: text("An organisation name cannot contain \"{char}\""),
};
pub const ENTITY_BRACKETS: Code = Code {
    id: "entity_name.brackets",
    zh: text("单位名称中的括号不成对"),
    en: text("The brackets in the organisation name do not pair up"),
};
pub const ENTITY_PUNCTUATION: Code = Code {
    id: "entity_name.punctuation",
    zh: text("单位名称不能以标点开头或结尾，标点也不能连续出现"),
    en: text("An organisation name cannot start or end with punctuation or repeat it"),
};
pub const ENTITY_NO_LETTERS: Code = Code {
    id: "entity_name.no_letters",
    zh: text("单位名称应含有汉字或字母"),
    en: text("An organisation name needs Chinese characters or letters"),
};
pub const ENTITY_TOO_SHORT: Code = Code {
    id: "entity_name.too_short",
    zh: text("单位名称至少需要 {min} 个字"),
    en: text("An organisation name needs at least {min} characters"),
};
pub const ENTITY_NOT_CHINESE: Code = Code {
    id: "entity_name.not_chinese",
    zh: text("主办单位名称应以中文填写，与证件上的中文名称一致"),
    en: text("Enter the organisation's name in Chinese, as on its certificate"),
};
pub const ENTITY_TOO_LONG: Code = Code {
    id: "entity_name.too_long",
    zh: text("单位名称最多 {max} 个字"),
    en: text("An organisation name has at most {max} characters"),
};

// ---------------------------------------------------------------- website_name / app_name

pub const WEBSITE_FORBIDDEN_WORD: Code = Code {
    id: "website_name.forbidden_word",
    zh: text("网站名称不能含有“{word}”（无相应国家级文件时），请改为与主办单位相关的名称"),
    en: text("A website name cannot contain \"{word}\" without the corresponding national document; use a name related to the entity"),
};
pub const WEBSITE_IS_DOMAIN: Code = Code {
    id: "website_name.is_domain",
    zh: text("网站名称不能是域名，请填写网站的中文名称"),
    en: text("A website name cannot be a domain name; enter the website's name"),
};
pub const WEBSITE_IS_IP: Code = Code {
    id: "website_name.is_ip",
    zh: text("网站名称不能是 IP 地址"),
    en: text("A website name cannot be an IP address"),
};
pub const WEBSITE_IS_URL: Code = Code {
    id: "website_name.is_url",
    zh: text("网站名称不能是网址"),
    en: text("A website name cannot be a URL"),
};
pub const WEBSITE_DIGITS_ONLY: Code = Code {
    id: "website_name.digits_only",
    zh: text("网站名称不能只由数字组成"),
    en: text("A website name cannot be digits only"),
};
pub const WEBSITE_INVALID_CHAR: Code = Code {
    id: "website_name.invalid_char",
    zh: text("网站名称中不能含有“{char}”"),
    en: text("A website name cannot contain \"{char}\""),
};
pub const WEBSITE_FEW_CHINESE: Code = Code {
    id: "website_name.few_chinese",
    zh: text("建议网站名称使用 3 个以上汉字，并与主办单位名称有一定关联（当前 {count} 个汉字）"),
    en: text("Website names of 3 or more Chinese characters related to the entity's name are recommended ({count} now)"),
};

pub const APP_FORBIDDEN_WORD: Code = Code {
    id: "app_name.forbidden_word",
    zh: text("APP 名称不能含有“{word}”（无相应国家级文件时）"),
    en: text("An APP name cannot contain \"{word}\" without the corresponding national document"),
};
pub const APP_IS_DOMAIN: Code = Code {
    id: "app_name.is_domain",
    zh: text("APP 名称不能是域名，请填写图标下显示的名称"),
    en: text("An APP name cannot be a domain name; enter the name shown under the icon"),
};
pub const APP_IS_IP: Code = Code {
    id: "app_name.is_ip",
    zh: text("APP 名称不能是 IP 地址"),
    en: text("An APP name cannot be an IP address"),
};
pub const APP_IS_URL: Code = Code {
    id: "app_name.is_url",
    zh: text("APP 名称不能是网址"),
    en: text("An APP name cannot be a URL"),
};
pub const APP_DIGITS_ONLY: Code = Code {
    id: "app_name.digits_only",
    zh: text("APP 名称不能只由数字组成"),
    en: text("An APP name cannot be digits only"),
};
pub const APP_INVALID_CHAR: Code = Code {
    id: "app_name.invalid_char",
    zh: text("APP 名称中不能含有“{char}”"),
    en: text("An APP name cannot contain \"{char}\""),
};

pub const RULES: &[Rule] = &[
    Rule {
        id: "person_name",
        family: "identity",
        label_zh: text("姓名"),
        label_en: text("Person's name"),
        codes: PERSON_CODES,
        max_bytes: 256,
        multiline: false,
        check: check_person,
    },
    Rule {
        id: "entity_name",
        family: "identity",
        label_zh: text("主办单位名称"),
        label_en: text("Entity name"),
        codes: &[
            &ENTITY_INVALID_CHAR,
            &ENTITY_BRACKETS,
            &ENTITY_PUNCTUATION,
            &ENTITY_NO_LETTERS,
            &ENTITY_TOO_SHORT,
            &ENTITY_TOO_LONG,
            &ENTITY_NOT_CHINESE,
            &PERSON_INVALID_CHAR,
            &PERSON_DIGIT,
            &PERSON_MIXED_SCRIPT,
            &PERSON_DOT_POSITION,
            &PERSON_SEPARATOR,
            &PERSON_TOO_SHORT,
            &PERSON_TOO_LONG,
        ],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_entity,
    },
    Rule {
        id: "website_name",
        family: "identity",
        label_zh: text("网站名称"),
        label_en: text("Website name"),
        codes: &[
            &WEBSITE_INVALID_CHAR,
            &WEBSITE_IS_URL,
            &WEBSITE_IS_IP,
            &WEBSITE_IS_DOMAIN,
            &WEBSITE_DIGITS_ONLY,
            &WEBSITE_FORBIDDEN_WORD,
            &WEBSITE_FEW_CHINESE,
        ],
        max_bytes: 256,
        multiline: false,
        check: check_website,
    },
    Rule {
        id: "app_name",
        family: "identity",
        label_zh: text("APP 名称"),
        label_en: text("APP name"),
        codes: &[&APP_INVALID_CHAR, &APP_IS_URL, &APP_IS_IP, &APP_IS_DOMAIN, &APP_DIGITS_ONLY, &APP_FORBIDDEN_WORD],
        max_bytes: 256,
        multiline: false,
        check: check_app,
    },
];

/// CJK unified ideographs (basic, extensions A-H) and compatibility ideographs, plus `〇`.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{20000}'..='\u{2A6DF}'
        | '\u{2A700}'..='\u{2EE5F}' | '\u{30000}'..='\u{323AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{2F800}'..='\u{2FA1F}' | '\u{3007}')
}

/// Latin letters: ASCII, Latin-1 Supplement, Extended-A/B and Extended Additional.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c != '\u{00D7}' && c != '\u{00F7}'
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// Maps the middle-dot look-alikes to `·` (U+00B7).
pub fn normalize_dot(c: char) -> char {
    match c {
        '\u{2022}' | '\u{30FB}' | '\u{FF65}' | '\u{2027}' | '\u{00B7}' => '·',
        _ => c,
    }
}

/// Width-folded, dot-normalised, trimmed, with every whitespace run collapsed to one space.
fn tidy(value: &str) -> String {
    let folded = fold_width(value);
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(normalize_dot));
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Han,
    Latin,
    Digit,
    Space,
    Dot,
    /// Hyphen, apostrophe, period.
    Joiner,
    Other,
}

/// Class of a grapheme cluster: a base character plus, for Latin letters, combining marks.
fn classify(g: &str) -> Class {
    let mut chars = g.chars();
    let Some(c) = chars.next() else { return Class::Other };
    let rest_ok = |ok_marks: bool| chars.clone().all(|m| ok_marks && is_combining_mark(m));
    match c {
        c if is_han(c) && rest_ok(false) => Class::Han,
        c if is_latin_letter(c) && rest_ok(true) => Class::Latin,
        '0'..='9' if rest_ok(false) => Class::Digit,
        ' ' => Class::Space,
        '·' if rest_ok(false) => Class::Dot,
        '-' | '\'' | '\u{2019}' | '.' if rest_ok(false) => Class::Joiner,
        c if c.is_numeric() && rest_ok(false) => Class::Digit,
        _ => Class::Other,
    }
}

const CHINESE_NAME_MAX: usize = 30;
const LATIN_NAME_MAX: usize = 80;

pub fn check_person(value: &str, _ctx: &Context, out: &mut Outcome) {
    let text = tidy(value);
    let graphemes: Vec<(&str, Class)> = text.graphemes(true).map(|g| (g, classify(g))).collect();
    if let Some((g, _)) = graphemes.iter().find(|(_, c)| *c == Class::Other) {
        out.error(&PERSON_INVALID_CHAR).input("char", *g);
        return;
    }
    if graphemes.iter().any(|(_, c)| *c == Class::Digit) {
        out.error(&PERSON_DIGIT);
        return;
    }
    let has_han = graphemes.iter().any(|(_, c)| *c == Class::Han);
    let has_latin = graphemes.iter().any(|(_, c)| *c == Class::Latin);
    if has_han && has_latin {
        out.error(&PERSON_MIXED_SCRIPT);
        return;
    }
    if has_han {
        // Chinese: spaces typed for alignment are dropped; only dots separate parts.
        let parts: Vec<(&str, Class)> = graphemes.into_iter().filter(|(_, c)| *c != Class::Space).collect();
        if let Some((g, _)) = parts.iter().find(|(_, c)| *c == Class::Joiner) {
            out.error(&PERSON_INVALID_CHAR).input("char", *g);
            return;
        }
        if !separators_well_placed(&parts, |c| c == Class::Dot, false) {
            out.error(&PERSON_DOT_POSITION);
            return;
        }
        let han = parts.iter().filter(|(_, c)| *c == Class::Han).count();
        if han < 2 {
            out.error(&PERSON_TOO_SHORT).param("min", 2);
            return;
        }
        if parts.len() > CHINESE_NAME_MAX {
            out.error(&PERSON_TOO_LONG).param("max", CHINESE_NAME_MAX);
            return;
        }
        out.detail("script", Value::text("han"));
        out.detail("length", parts.len());
        out.normalized = Some(parts.iter().map(|(g, _)| *g).collect());
        return;
    }
    if !has_latin {
        out.error(&PERSON_TOO_SHORT).param("min", 2);
        return;
    }
    if !separators_well_placed(&graphemes, |c| matches!(c, Class::Space | Class::Dot | Class::Joiner), true) {
        out.error(&PERSON_SEPARATOR);
        return;
    }
    let letters = graphemes.iter().filter(|(_, c)| *c == Class::Latin).count();
    if letters < 2 {
        out.error(&PERSON_TOO_SHORT).param("min", 2);
        return;
    }
    if graphemes.len() > LATIN_NAME_MAX {
        out.error(&PERSON_TOO_LONG).param("max", LATIN_NAME_MAX);
        return;
    }
    out.detail("script", Value::text("latin"));
    out.detail("length", graphemes.len());
    out.normalized = Some(text);
}

/// Separators sit between letters, never first, last or doubled. With `latin`, an
/// initial's period may be followed by a space (`J. R. Smith`) and end the name (`Jr.`).
fn separators_well_placed(parts: &[(&str, Class)], is_sep: impl Fn(Class) -> bool, latin: bool) -> bool {
    let mut prev: Option<(&str, Class)> = None;
    for &(g, c) in parts {
        if is_sep(c) {
            match prev {
                None => return false,
                Some((pg, pc)) if is_sep(pc) && !(latin && pg == "." && c == Class::Space) => return false,
                _ => {}
            }
        }
        prev = Some((g, c));
    }
    match prev {
        Some((g, c)) => !is_sep(c) || (latin && g == "."),
        None => false,
    }
}

fn is_individual(ctx: &Context) -> bool {
    ctx.entity_type == Some(crate::context::EntityType::Individual)
}

const ENTITY_NAME_MAX: usize = 100;

pub fn check_entity(value: &str, ctx: &Context, out: &mut Outcome) {
    if is_individual(ctx) {
        out.detail("personal", true);
        check_person(value, ctx, out);
        return;
    }
    let text = tidy(value);
    let mut depth = 0i32;
    let (mut has_han, mut has_letter, mut count) = (false, false, 0usize);
    let (mut prev, mut prev_punct, mut bad_punct) = ("", false, false);
    for g in text.graphemes(true) {
        count += 1;
        let class = classify(g);
        // Punctuation joins words: never first, never doubled (`Co.,` excepted), and only
        // `)` or the `.` of an abbreviation (`Ltd.`) may end the name.
        let punct = matches!(class, Class::Dot | Class::Joiner) || matches!(g, "&" | "," | "、");
        if punct && (count == 1 || (prev_punct && !(prev == "." && g == ","))) {
            bad_punct = true;
        }
        (prev, prev_punct) = (g, punct);
        match class {
            Class::Han => has_han = true,
            Class::Latin => has_letter = true,
            Class::Digit | Class::Space | Class::Dot | Class::Joiner => {}
            Class::Other => match g {
                "(" => depth += 1,
                ")" => {
                    depth -= 1;
                    if depth < 0 {
                        out.error(&ENTITY_BRACKETS);
                        return;
                    }
                }
                "&" | "," | "、" => {}
                _ => {
                    out.error(&ENTITY_INVALID_CHAR).input("char", g);
                    return;
                }
            },
        }
    }
    if depth != 0 || text.contains("()") {
        out.error(&ENTITY_BRACKETS);
        return;
    }
    if bad_punct || (prev_punct && prev != ".") || text.starts_with(')') {
        out.error(&ENTITY_PUNCTUATION);
        return;
    }
    if !has_han && !has_letter {
        out.error(&ENTITY_NO_LETTERS);
        return;
    }
    if count < 2 {
        out.error(&ENTITY_TOO_SHORT).param("min", 2);
        return;
    }
    if count > ENTITY_NAME_MAX {
        out.error(&ENTITY_TOO_LONG).param("max", ENTITY_NAME_MAX);
        return;
    }
    if !has_han {
        out.push(&ENTITY_NOT_CHINESE, crate::providers::profile_or_generic(ctx.provider).latin_entity_name);
    }
    // Chinese licences print full-width brackets; names in Latin letters keep ASCII ones.
    let normalized = if has_han { text.replace('(', "（").replace(')', "）") } else { text };
    out.detail("length", count);
    out.normalized = Some(normalized);
}

/// The words of nwcd-website-guide-en Ninth 2.(1), matched case-insensitively on the
/// width-folded name with spaces and punctuation removed and traditional characters folded to
/// simplified (`中國`, `中華`, `國家`, `論壇`; the table `rules::traditional` is generated from
/// OpenCC's TSCharacters by tools/gen_traditional.py, credited in its header and the README).
/// The guide lists the words in simplified characters; a traditional spelling is the same
/// word to the reviewer (certain; issue 19 item 6). Every name rule with forbidden words
/// (`website_name`, `app_name`) matches this way.
pub const FORBIDDEN_WORDS: &[&str] = &["中国", "中华", "china", "国家", "中央", "政府", "国民", "人民", "论坛"];

struct ServiceCodes {
    invalid_char: &'static Code,
    is_url: &'static Code,
    is_ip: &'static Code,
    is_domain: &'static Code,
    digits_only: &'static Code,
    forbidden_word: &'static Code,
    few_chinese: Option<&'static Code>,
}

const WEBSITE: ServiceCodes = ServiceCodes {
    invalid_char: &WEBSITE_INVALID_CHAR,
    is_url: &WEBSITE_IS_URL,
    is_ip: &WEBSITE_IS_IP,
    is_domain: &WEBSITE_IS_DOMAIN,
    digits_only: &WEBSITE_DIGITS_ONLY,
    forbidden_word: &WEBSITE_FORBIDDEN_WORD,
    few_chinese: Some(&WEBSITE_FEW_CHINESE),
};

const APP: ServiceCodes = ServiceCodes {
    invalid_char: &APP_INVALID_CHAR,
    is_url: &APP_IS_URL,
    is_ip: &APP_IS_IP,
    is_domain: &APP_IS_DOMAIN,
    digits_only: &APP_DIGITS_ONLY,
    forbidden_word: &APP_FORBIDDEN_WORD,
    few_chinese: None,
};

pub fn check_website(value: &str, ctx: &Context, out: &mut Outcome) {
    check_service_name(value, ctx, &WEBSITE, out);
}

pub fn check_app(value: &str, ctx: &Context, out: &mut Outcome) {
    check_service_name(value, ctx, &APP, out);
    if out.normalized.is_some() {
        out.detail("key", name_key(value));
    }
}

/// Punctuation a service name may contain (after width folding).
const NAME_PUNCTUATION: &str = "-_·.&'()《》“”\"、:!?+#,，。！？：";

/// Chinese top-level domains run by CNNIC (.中国 in both scripts, .公司, .网络): a name
/// ending in one of them after a dot is a domain, not a name (`例子.中国`).
const CHINESE_TLDS: &[&str] = &["中国", "中國", "公司", "网络"];

fn looks_like_domain(s: &str) -> bool {
    // `。` and `．` are the dots Chinese IMEs type between labels.
    let s = s.replace(['。', '．'], ".");
    let labels: Vec<&str> = s.trim_end_matches('.').split('.').collect();
    let label_ok = |l: &&str| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || is_han(c));
    labels.len() >= 2
        && labels.iter().all(label_ok)
        && labels.last().is_some_and(|tld| {
            (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic())) || CHINESE_TLDS.contains(tld)
        })
}

fn check_service_name(value: &str, ctx: &Context, codes: &ServiceCodes, out: &mut Outcome) {
    let text = tidy(value);
    let lower = text.to_ascii_lowercase();
    if lower.contains("://") || lower.starts_with("www.") {
        out.error(codes.is_url);
        return;
    }
    if lower.parse::<std::net::IpAddr>().is_ok() {
        out.error(codes.is_ip);
        return;
    }
    if looks_like_domain(&lower) {
        out.error(codes.is_domain);
        return;
    }
    let (mut han, mut letters) = (0usize, 0usize);
    for g in text.graphemes(true) {
        match classify(g) {
            Class::Han => han += 1,
            Class::Latin => letters += 1,
            Class::Digit | Class::Space | Class::Dot | Class::Joiner => {}
            Class::Other if g.chars().count() == 1 && NAME_PUNCTUATION.contains(g) => {}
            Class::Other => {
                out.error(codes.invalid_char).input("char", g);
                return;
            }
        }
    }
    // Bare digits (with or without punctuation) name nothing.
    if han == 0 && letters == 0 {
        out.error(codes.digits_only);
        return;
    }
    if ctx.national_document != Some(true) {
        // Traditional characters fold first: `中國`, `論壇` are the words of the rule too.
        let letters: String = lower.chars().filter(|c| c.is_alphanumeric()).map(crate::rules::traditional::to_simplified).collect();
        let found: Vec<&str> = FORBIDDEN_WORDS.iter().copied().filter(|w| letters.contains(w)).collect();
        if !found.is_empty() {
            out.error(codes.forbidden_word).param("word", Value::InputList(found.iter().map(|w| (*w).into()).collect()));
            return;
        }
    }
    if let Some(code) = codes.few_chinese {
        if han < 3 {
            out.warn(code).param("count", han);
        }
    }
    out.detail("chinese_characters", han);
    out.normalized = Some(text);
}

/// The form two APP names are compared in for uniqueness within an entity
/// (nwcd-app-guide-en, Notes (1)): width-folded, lower-cased, middle dots unified,
/// whitespace removed. `微信 ` and `微 信`, `ＱＱ` and `qq` are the same name.
pub fn name_key(name: &str) -> String {
    fold_width(name).chars().filter(|c| !c.is_whitespace()).map(normalize_dot).map(crate::input::to_lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_keys_compare_as_filed() {
        assert_eq!(name_key(" 微 信 "), name_key("微信"));
        assert_eq!(name_key("ＱＱ音乐"), name_key("qq音乐"));
        assert_eq!(name_key("A•B"), "a·b");
        assert_ne!(name_key("微信"), name_key("微博"));
    }

    #[test]
    fn separators() {
        fn p(s: &str) -> Vec<(&str, Class)> {
            s.graphemes(true).map(|g| (g, classify(g))).collect()
        }
        let latin = |c: Class| matches!(c, Class::Space | Class::Dot | Class::Joiner);
        assert!(separators_well_placed(&p("J. R. Smith"), latin, true));
        assert!(separators_well_placed(&p("Martin Luther King Jr."), latin, true));
        assert!(!separators_well_placed(&p("Anne--Marie"), latin, true));
        assert!(!separators_well_placed(&p("-Anne"), latin, true));
        assert!(!separators_well_placed(&p("买买提·"), |c| c == Class::Dot, false));
    }
}
