//! `email`: the e-mail address of a person in charge (邮箱, nwcd-website-guide-en Ninth 1).
//! The MIIT system mails the filing number and password there (aliyun-filing-guide-en), so
//! the rule accepts what mail systems deliver in practice rather than all of RFC 5322.
//!
//! Accepted: `local@domain` with exactly one `@` (full-width `＠` folded).
//! - Local part: 1-64 bytes of ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-`` in
//!   dot-separated atoms (no leading, trailing or doubled dot). Quoted local parts, comments
//!   and non-ASCII local parts (RFC 6531) are rejected: Chinese mail providers do not issue
//!   them and the filing system does not take them. Case is kept.
//! - Domain: converted with `idna` (UTS 46, so `例子.中国` and `。` separators work), then
//!   at least two labels, each 1-63 letters, digits or inner hyphens, total at most 253, and
//!   a top-level label of letters (or an `xn--` IDN TLD). IP literals are rejected.
//!   Normalised to lower case; `details.domain_ascii` has the A-label form.

use crate::context::Context;
use crate::input::fold_width;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const FORMAT: Code = Code {
    id: "email.format",
    zh: text("邮箱地址格式应为 name@example.com"),
    en: text("An e-mail address looks like name@example.com"),
};
pub const LOCAL_INVALID: Code = Code {
    id: "email.local_invalid",
    zh: text("@ 前的用户名只能包含字母、数字和 . _ - + 等符号，且点号不能在首尾或连续出现"),
    en: text("The part before @ may contain letters, digits and . _ - + etc., with no leading, trailing or double dot"),
};
pub const LOCAL_TOO_LONG: Code = Code {
    id: "email.local_too_long",
    zh: text("@ 前的用户名最长 64 个字符"),
    en: text("The part before @ has at most 64 characters"),
};
pub const DOMAIN_INVALID: Code = Code {
    id: "email.domain_invalid",
    zh: text("@ 后的域名“{domain}”无效"),
    en: text("The domain \"{domain}\" after @ is not valid"),
};

pub const RULES: &[Rule] = &[Rule {
    id: "email",
    family: "identity",
    label_zh: text("电子邮箱"),
    label_en: text("E-mail address"),
    codes: &[&FORMAT, &LOCAL_INVALID, &LOCAL_TOO_LONG, &DOMAIN_INVALID],
    max_bytes: 320,
    multiline: false,
    check,
}];

fn local_ok(local: &str) -> bool {
    const SPECIALS: &[u8] = b"!#$%&'*+/=?^_`{|}~-";
    local.split('.').all(|atom| !atom.is_empty() && atom.bytes().all(|b| b.is_ascii_alphanumeric() || SPECIALS.contains(&b)))
}

/// The A-label form of a domain that passes the practical host-name rules.
fn ascii_domain(domain: &str) -> Option<String> {
    if domain.starts_with('[') {
        return None;
    }
    // ASCII other than letters, digits, hyphens and dots fails the label check below after
    // UTS 46 too (it only lower-cases ASCII): answered without it.
    if domain.is_ascii() && !domain.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
        return None;
    }
    let ascii = super::idn::to_ascii(domain).ok()?;
    let labels: Vec<&str> = ascii.split('.').collect();
    if ascii.len() > 253 || labels.len() < 2 {
        return None;
    }
    let label_ok = |l: &&str| {
        !l.is_empty() && l.len() <= 63 && !l.starts_with('-') && !l.ends_with('-') && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if !labels.iter().all(label_ok) {
        return None;
    }
    let tld = labels.last()?;
    let tld_ok = tld.starts_with("xn--") || (tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    // Letters and digits of any script, as the domain rules allow (MIIT 2018 No. 7 item 1):
    // UTS 46 maps symbols and emoji (`a@😀.com`), which no registry hands out for a mailbox.
    let (unicode, _) = super::idn::to_unicode(&ascii);
    let letters_ok = unicode.chars().all(|c| c.is_ascii() || c.is_alphanumeric());
    (tld_ok && letters_ok).then_some(ascii)
}

pub fn check(value: &str, _ctx: &Context, out: &mut Outcome) {
    let text = fold_width(value);
    let text = text.trim();
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        out.error(&FORMAT);
        return;
    };
    if local.is_empty() || domain.is_empty() || text.chars().any(char::is_whitespace) {
        out.error(&FORMAT);
        return;
    }
    if local.len() > 64 {
        out.error(&LOCAL_TOO_LONG);
        return;
    }
    if !local_ok(local) {
        out.error(&LOCAL_INVALID);
        return;
    }
    let Some(ascii) = ascii_domain(domain) else {
        out.error(&DOMAIN_INVALID).input("domain", crate::input::excerpt(domain, 60));
        return;
    };
    let (unicode, _) = super::idn::to_unicode(&ascii);
    out.detail("domain_ascii", ascii.clone());
    if unicode != ascii {
        out.detail("idn", true);
    }
    out.normalized = Some(format!("{local}@{unicode}"));
}
