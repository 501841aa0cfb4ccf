//! `domain` (the website's domain) and `app_domain` (a domain an APP uses).
//!
//! Sources: nwcd-website-guide-en / nwcd-app-guide-en, Seventh 1.(1) (the TLD must be one
//! approved by the state, per the MIIT list), sinnet-guide-en 6 ("only domain name types
//! that can be queried in the MIIT can apply"), nwcd-app-guide-en Ninth 1 and Tenth 2.(2)
//! (APP domains up to the fourth level). MIIT announcement 2018 No. 7 (中国互联网域名体系)
//! item 1: labels are letters, digits, hyphens or Chinese characters, separated by `.` or
//! the Chinese full stop `。`.
//!
//! What users paste is accepted: a whole URL (`https://www.Example.COM/path?q`), a trailing
//! dot, full-width letters and the dots `。．｡`, IDN in Unicode or `xn--` form. The name is
//! mapped with UTS 46 (the `idna` crate) and checked as a DNS host name (LDH labels of
//! 1-63 octets, no hyphen first or last or in positions 3-4 except `xn--`, 253 octets in
//! all); IPs, ports and user-info are refused rather than stripped, since they mean the
//! wrong thing was pasted. Non-ASCII characters must be letters (Chinese characters and
//! other scripts' letters): symbols and emoji, which UTS 46 alone would accept, are refused.
//!
//! Decisions:
//! - `normalized` is the lower-case A-label form (what the MIIT system stores); details
//!   give `a_label`, `u_label`, `tld`, `public_suffix`, `registrable_domain` (both forms)
//!   and `level` (labels counted from the root: `example.com.cn` is level 3).
//! - The registrable domain comes from the ICANN section of the Public Suffix List. The
//!   PRIVATE section (github.io, blogspot.com) does not count: a filing is for a domain
//!   registered at a registrar, so `example.blogspot.com` is a subdomain of `blogspot.com`.
//! - `domain` (website filing) files the registrable domain itself, as the consoles ask
//!   for the 主域名; a subdomain gets `domain.subdomain` naming the domain to file.
//! - `app_domain` accepts any name up to the fourth level counted from the root
//!   (`a.b.example.com` ok, `x.a.b.example.com` not), suffix labels included, since the
//!   guide counts levels plainly.
//! - A TLD outside the approved table is an error; a TLD that exists nowhere (a typo such
//!   as `.con`) gets its own code.

mod tables;

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

use crate::context::Context;
use crate::input::{excerpt, fold_width};
use crate::message::Code;
use crate::outcome::Outcome;
use crate::registry::Rule;

pub const INVALID_CHAR: Code = Code {
    id: "domain.invalid_char",
    zh: "域名不能包含字符“{char}”，只能使用字母、数字、连字符（-）和汉字",
    en: "A domain name cannot contain \"{char}\"; use letters, digits, hyphens (-) or Chinese characters",
};
pub const EMPTY_LABEL: Code = Code {
    id: "domain.empty_label",
    zh: "域名中有空的一级（连续的点，或以点开头）",
    en: "The domain name has an empty label (two dots in a row, or a leading dot)",
};
pub const LABEL_HYPHEN: Code = Code {
    id: "domain.label_hyphen",
    zh: "“{label}”：连字符不能在开头或结尾，第 3、4 位也不能都是连字符（xn-- 除外）",
    en: "\"{label}\": a hyphen cannot come first or last, nor in both positions 3 and 4 (except xn--)",
};
pub const LABEL_TOO_LONG: Code = Code {
    id: "domain.label_too_long",
    zh: "“{label}”过长：每一级最多 63 个字符（编码后），当前 {length} 个",
    en: "\"{label}\" is too long: a label has at most 63 characters once encoded, this one has {length}",
};
pub const TOO_LONG: Code = Code {
    id: "domain.too_long",
    zh: "域名过长：最多 253 个字符（编码后），当前 {length} 个",
    en: "The domain name is too long: at most 253 characters once encoded, this one has {length}",
};
pub const IDNA_INVALID: Code = Code {
    id: "domain.idna_invalid",
    zh: "“{label}”不是有效的国际化域名（含不允许的字符，或 xn-- 编码错误）",
    en: "\"{label}\" is not a valid internationalized domain label (a disallowed character, or a broken xn-- encoding)",
};
pub const NO_TLD: Code = Code {
    id: "domain.no_tld",
    zh: "请填写完整的域名，包括顶级域（如 example.com）",
    en: "Enter the full domain name including its top-level domain (such as example.com)",
};
pub const IP: Code = Code {
    id: "domain.ip",
    zh: "此处应填写域名，而不是 IP 地址",
    en: "Enter a domain name here, not an IP address",
};
pub const PORT: Code = Code {
    id: "domain.port",
    zh: "域名不能带端口号（:{port}），请删除",
    en: "A domain name has no port (:{port}); remove it",
};
pub const USERINFO: Code = Code {
    id: "domain.userinfo",
    zh: "域名不能包含用户名或“@”，请只填写域名",
    en: "A domain name cannot contain a user name or \"@\"; enter the domain name only",
};
pub const TLD_UNKNOWN: Code = Code {
    id: "domain.tld_unknown",
    zh: "顶级域“.{tld}”不存在，请检查拼写",
    en: "The top-level domain \".{tld}\" does not exist; check the spelling",
};
pub const TLD_NOT_APPROVED: Code = Code {
    id: "domain.tld_not_approved",
    zh: "顶级域“.{tld}”不在工信部批准的可用顶级域名单中，无法备案",
    en: "The top-level domain \".{tld}\" is not on the MIIT list of approved top-level domains and cannot be filed",
};
pub const PUBLIC_SUFFIX: Code = Code {
    id: "domain.public_suffix",
    zh: "“{suffix}”是公共后缀，请填写在其下注册的域名（如 example.{suffix}）",
    en: "\"{suffix}\" is a public suffix; enter the domain registered under it (such as example.{suffix})",
};
pub const SUBDOMAIN: Code = Code {
    id: "domain.subdomain",
    zh: "网站备案请填写主域名 {registrable}，不要填写其子域名",
    en: "A website filing is for the registered domain {registrable}; do not enter a subdomain of it",
};
pub const TOO_DEEP: Code = Code {
    id: "domain.too_deep",
    zh: "APP 备案的域名最多到 {max} 级，当前为 {level} 级",
    en: "An APP filing accepts domains up to level {max}; this one is level {level}",
};

pub const RULES: &[Rule] = &[
    Rule {
        id: "domain",
        family: "domain",
        label_zh: "网站域名",
        label_en: "Website domain name",
        codes: &[
            &INVALID_CHAR, &EMPTY_LABEL, &LABEL_HYPHEN, &LABEL_TOO_LONG, &TOO_LONG, &IDNA_INVALID, &NO_TLD, &IP, &PORT,
            &USERINFO, &TLD_UNKNOWN, &TLD_NOT_APPROVED, &PUBLIC_SUFFIX, &SUBDOMAIN,
        ],
        max_bytes: 2048,
        multiline: false,
        check: check_domain,
    },
    Rule {
        id: "app_domain",
        family: "domain",
        label_zh: "APP 域名",
        label_en: "APP domain name",
        codes: &[
            &INVALID_CHAR, &EMPTY_LABEL, &LABEL_HYPHEN, &LABEL_TOO_LONG, &TOO_LONG, &IDNA_INVALID, &NO_TLD, &IP, &PORT,
            &USERINFO, &TLD_UNKNOWN, &TLD_NOT_APPROVED, &PUBLIC_SUFFIX, &TOO_DEEP,
        ],
        max_bytes: 2048,
        multiline: false,
        check: check_app_domain,
    },
];

/// Deepest APP domain, counted from the root (nwcd-app-guide-en Ninth 1, Tenth 2.(2)).
pub const APP_MAX_LEVEL: usize = 4;

/// A host name that passed the syntax checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Host {
    /// Lower-case A-label form, no trailing dot.
    pub ascii: String,
    /// U-label form (equal to `ascii` for an all-ASCII name).
    pub unicode: String,
    /// Number of labels (the level counted from the root).
    pub level: usize,
}

/// Where the registrable part of a host starts, per the PSL and the approved TLDs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Suffix {
    /// The TLD is in no list (a typo).
    UnknownTld,
    /// A real TLD, not approved for use in China.
    NotApproved,
    /// Approved; the public suffix has this many labels.
    Approved(usize),
}

pub fn check_domain(value: &str, _ctx: &Context, out: &mut Outcome) {
    if let Some((host, registrable_labels)) = check_common(value, out) {
        if host.level > registrable_labels {
            let unicode = last_labels(&host.unicode, registrable_labels);
            out.error(&SUBDOMAIN).param("registrable", unicode);
            return;
        }
        out.normalized = Some(host.ascii);
    }
}

pub fn check_app_domain(value: &str, _ctx: &Context, out: &mut Outcome) {
    if let Some((host, _)) = check_common(value, out) {
        if host.level > APP_MAX_LEVEL {
            out.error(&TOO_DEEP).param("level", host.level).param("max", APP_MAX_LEVEL);
            return;
        }
        out.normalized = Some(host.ascii);
    }
}

/// Parsing, TLD and suffix checks shared by both fields. Returns the host and the label
/// count of its registrable domain, with the details already recorded.
fn check_common(value: &str, out: &mut Outcome) -> Option<(Host, usize)> {
    let host = parse_host(value, out)?;
    out.detail("a_label", host.ascii.as_str());
    out.detail("u_label", host.unicode.as_str());
    out.detail("level", host.level);
    let tld = last_labels(&host.unicode, 1);
    out.detail("tld", tld);
    let suffix_labels = match suffix(&host.ascii) {
        Suffix::UnknownTld => {
            out.error(&TLD_UNKNOWN).param("tld", excerpt(tld, 40));
            return None;
        }
        Suffix::NotApproved => {
            out.error(&TLD_NOT_APPROVED).param("tld", excerpt(tld, 40));
            return None;
        }
        Suffix::Approved(n) => n,
    };
    out.detail("public_suffix", last_labels(&host.ascii, suffix_labels));
    if host.level <= suffix_labels {
        out.error(&PUBLIC_SUFFIX).param("suffix", last_labels(&host.unicode, suffix_labels));
        return None;
    }
    let registrable = suffix_labels + 1;
    out.detail("registrable_domain", last_labels(&host.ascii, registrable));
    out.detail("registrable_domain_unicode", last_labels(&host.unicode, registrable));
    Some((host, registrable))
}

/// The last `n` labels of a dotted name.
fn last_labels(name: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    match name.rmatch_indices('.').nth(n - 1) {
        Some((i, _)) => &name[i + 1..],
        None => name,
    }
}

/// Reduces a pasted value to a host name and checks it; records the finding and returns
/// `None` when it is not a usable domain name.
pub fn parse_host(value: &str, out: &mut Outcome) -> Option<Host> {
    // Full-width ASCII, then the ideographic and half-width full stops (MIIT 2018 No. 7).
    let folded: String = fold_width(value).chars().map(|c| if c == '\u{3002}' || c == '\u{FF61}' { '.' } else { c }).collect();
    let mut s = folded.trim();
    // A URL: drop the scheme, then everything from the path on.
    if let Some(i) = s.find("://") {
        if s[..i].chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
            s = &s[i + 3..];
        }
    } else if let Some(rest) = s.strip_prefix("//") {
        s = rest;
    }
    if let Some(i) = s.find(['/', '?', '#', '\\']) {
        s = &s[..i];
    }
    if s.contains('@') {
        out.error(&USERINFO);
        return None;
    }
    if s.starts_with('[') || s.parse::<std::net::Ipv6Addr>().is_ok() {
        out.error(&IP);
        return None;
    }
    if let Some((host, port)) = s.rsplit_once(':') {
        if !host.contains(':') && port.bytes().all(|b| b.is_ascii_digit()) {
            if host.trim_end_matches('.').parse::<std::net::Ipv4Addr>().is_ok() {
                out.error(&IP);
            } else {
                out.error(&PORT).param("port", excerpt(port, 8));
            }
            return None;
        }
    }
    let s = s.strip_suffix('.').unwrap_or(s);
    if s.parse::<std::net::Ipv4Addr>().is_ok() {
        out.error(&IP);
        return None;
    }
    if s.is_empty() || s.split('.').any(str::is_empty) {
        out.error(&EMPTY_LABEL);
        return None;
    }
    // MIIT 2018 No. 7 item 1: letters, digits, hyphens, Chinese characters. Letters of other
    // scripts pass to UTS 46; symbols and emoji (which UTS 46 maps happily) do not.
    let bad_char = |c: char| if c.is_ascii() { !(c.is_ascii_alphanumeric() || c == '-' || c == '.') } else { !c.is_alphanumeric() };
    if let Some(c) = s.chars().find(|&c| bad_char(c)) {
        let shown = if c == ' ' { "空格 / space".to_owned() } else { c.to_string() };
        out.error(&INVALID_CHAR).param("char", shown);
        return None;
    }
    let Ok(ascii) = Uts46::new().to_ascii(s.as_bytes(), AsciiDenyList::STD3, Hyphens::CheckFirstLast, DnsLength::Ignore) else {
        // Name the first label that fails on its own; hyphen rules get their own code.
        let bad = s
            .split('.')
            .find(|l| Uts46::new().to_ascii(l.as_bytes(), AsciiDenyList::STD3, Hyphens::CheckFirstLast, DnsLength::Ignore).is_err())
            .unwrap_or(s);
        if bad.starts_with('-') || bad.ends_with('-') {
            out.error(&LABEL_HYPHEN).param("label", excerpt(bad, 40));
        } else {
            out.error(&IDNA_INVALID).param("label", excerpt(bad, 40));
        }
        return None;
    };
    let ascii = ascii.into_owned();
    for label in ascii.split('.') {
        if label.len() > 63 {
            out.error(&LABEL_TOO_LONG).param("label", excerpt(label, 20)).param("length", label.len());
            return None;
        }
        if label.get(2..4) == Some("--") && !label.starts_with("xn--") {
            out.error(&LABEL_HYPHEN).param("label", excerpt(label, 40));
            return None;
        }
    }
    if ascii.len() > 253 {
        out.error(&TOO_LONG).param("length", ascii.len());
        return None;
    }
    let level = ascii.split('.').count();
    if level < 2 {
        out.error(&NO_TLD);
        return None;
    }
    let (unicode, ok) = idna::domain_to_unicode(&ascii);
    let unicode = if ok.is_ok() { unicode } else { ascii.clone() };
    Some(Host { ascii, unicode, level })
}

/// Finds the public suffix of a lower-case A-label name with the PSL algorithm (longest
/// matching rule, `*` wildcards, `!` exceptions win) over the generated tables.
pub fn suffix(ascii: &str) -> Suffix {
    let tld = last_labels(ascii, 1);
    let Ok(i) = tables::APPROVED.binary_search_by(|(t, _)| (*t).cmp(tld)) else {
        return if tables::OTHER_TLDS.split(',').any(|t| t == tld) { Suffix::NotApproved } else { Suffix::UnknownTld };
    };
    let rest = &ascii[..ascii.len() - tld.len()];
    Suffix::Approved(suffix_labels(rest.strip_suffix('.').unwrap_or(rest), tables::APPROVED[i].1))
}

/// Label count (TLD included) of the public suffix of `rest` (the name without its TLD)
/// under one TLD's comma-separated rules.
fn suffix_labels(rest: &str, rules: &str) -> usize {
    let (mut longest, mut exception) = (1, None);
    for rule in rules.split(',').filter(|r| !r.is_empty()) {
        let (bare, is_exception) = match rule.strip_prefix('!') {
            Some(b) => (b, true),
            None => (rule, false),
        };
        let mut host_labels = rest.rsplit('.').filter(|l| !l.is_empty());
        if bare.rsplit('.').all(|r| host_labels.next().is_some_and(|h| r == "*" || r == h)) {
            let labels = bare.split('.').count() + 1;
            if is_exception {
                // An exception rule's public suffix is the rule minus its first label.
                exception = Some(labels - 1);
            } else {
                longest = longest.max(labels);
            }
        }
    }
    exception.unwrap_or(longest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(v: &str) -> Option<Host> {
        parse_host(v, &mut Outcome::default())
    }

    #[test]
    fn suffixes_follow_the_psl() {
        assert_eq!(suffix("example.com"), Suffix::Approved(1));
        assert_eq!(suffix("a.example.com.cn"), Suffix::Approved(2));
        assert_eq!(suffix("example.xn--io0a7i.cn"), Suffix::Approved(2));
        assert_eq!(suffix("bj.cn"), Suffix::Approved(2));
        assert_eq!(suffix("example.co.uk"), Suffix::NotApproved);
        assert_eq!(suffix("example.con"), Suffix::UnknownTld);
    }

    #[test]
    fn wildcard_and_exception_rules() {
        // Rules shaped like the PSL's `*.kobe.jp` / `!city.kobe.jp` (not under an approved TLD).
        let rules = "ne,*.kobe,!city.kobe";
        assert_eq!(suffix_labels("a.b.kobe", rules), 3);
        assert_eq!(suffix_labels("a.city.kobe", rules), 2);
        assert_eq!(suffix_labels("kobe", rules), 1);
        assert_eq!(suffix_labels("x.ne", rules), 2);
        assert_eq!(suffix_labels("x.nex", rules), 1);
        assert_eq!(suffix_labels("", rules), 1);
    }

    #[test]
    fn pasted_forms_reduce_to_the_host() {
        let h = host("https://www.Example.COM./path?q=1#x").unwrap();
        assert_eq!((h.ascii.as_str(), h.level), ("www.example.com", 3));
        assert_eq!(host("例子。中国").unwrap().ascii, "xn--fsqu00a.xn--fiqs8s");
        assert_eq!(host("ｅｘａｍｐｌｅ．ｃｏｍ").unwrap().ascii, "example.com");
        assert!(host("user@example.com").is_none());
        assert!(host("example.com:8080").is_none());
        assert!(host("[::1]").is_none());
        assert!(host("a..com").is_none());
    }

    #[test]
    fn last_labels_counts_from_the_right() {
        assert_eq!(last_labels("a.b.c", 2), "b.c");
        assert_eq!(last_labels("a.b.c", 5), "a.b.c");
        assert_eq!(last_labels("a.b.c", 0), "");
    }
}
