//! Access information (接入信息; nwcd-website-guide-en and nwcd-app-guide-en, Tenth 1):
//! the IP addresses the service is reached at and the AWS account that holds them.
//!
//! - `ip`: one IPv4 or IPv6 address, a range `start-end` (also `~`, `至`, `到`, en/em
//!   dashes; IPv4 may shorten the end to its last number, `1.2.3.4-20`), or a CIDR block.
//!   The IP must be a public address the provider assigned (an EIP or ELB address:
//!   sinnet-guide-en, "Amazon Web Services provides 3 types of IP"), so every address of
//!   the value must lie outside the special-purpose blocks of RFC 6890 / the IANA
//!   registries: private, shared (CGNAT), loopback, link-local, multicast, documentation,
//!   benchmarking and reserved space; IPv6 must be global unicast (2000::/3).
//!   Normalised to the canonical text (RFC 5952 for IPv6), `start-end` without spaces.
//! - `aws_account_id`: 12 digits; the console shows it as `1234-5678-9012`, so spaces and
//!   hyphens are accepted and removed (sinnet-guide-en: the account ID must be the one
//!   that holds the filed IP).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::context::Context;
use crate::input::{compact, excerpt, fold_width};
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const IP_INVALID: Code = Code {
    id: "ip.invalid",
    zh: text("“{value}”不是有效的 IP 地址、IP 段（起始-结束）或 CIDR 网段"),
    en: text("\"{value}\" is not a valid IP address, range (start-end) or CIDR block"),
};
pub const IP_RANGE_REVERSED: Code = Code {
    id: "ip.range_reversed",
    zh: text("IP 段的起始地址大于结束地址"),
    en: text("The range starts after it ends"),
};
pub const IP_RANGE_MIXED: Code = Code {
    id: "ip.range_mixed",
    zh: text("IP 段的起止地址必须同为 IPv4 或同为 IPv6"),
    en: text("Both ends of a range must be IPv4, or both IPv6"),
};
pub const IP_PREFIX_INVALID: Code = Code {
    id: "ip.prefix_invalid",
    zh: text("网段前缀长度“/{prefix}”无效"),
    en: text("The prefix length \"/{prefix}\" is not valid"),
};
pub const IP_NOT_NETWORK: Code = Code {
    id: "ip.not_network",
    zh: text("CIDR 网段应写网络地址，应为 {network}"),
    en: text("A CIDR block starts at its network address; use {network}"),
};
pub const IP_PRIVATE: Code = Code {
    id: "ip.private",
    zh: text("包含内网（私有）地址（{block}），备案须填写公网 IP"),
    en: text("Contains private addresses ({block}); a filing needs public IPs"),
};
pub const IP_SHARED: Code = Code {
    id: "ip.shared",
    zh: text("包含运营商级 NAT 共享地址（{block}），备案须填写公网 IP"),
    en: text("Contains carrier-grade NAT shared addresses ({block}); a filing needs public IPs"),
};
pub const IP_LOOPBACK: Code = Code {
    id: "ip.loopback",
    zh: text("包含本机回环地址（{block}），备案须填写公网 IP"),
    en: text("Contains loopback addresses ({block}); a filing needs public IPs"),
};
pub const IP_LINK_LOCAL: Code = Code {
    id: "ip.link_local",
    zh: text("包含链路本地地址（{block}），备案须填写公网 IP"),
    en: text("Contains link-local addresses ({block}); a filing needs public IPs"),
};
pub const IP_MULTICAST: Code = Code {
    id: "ip.multicast",
    zh: text("包含组播地址（{block}），备案须填写公网 IP"),
    en: text("Contains multicast addresses ({block}); a filing needs public IPs"),
};
pub const IP_DOCUMENTATION: Code = Code {
    id: "ip.documentation",
    zh: text("包含仅用于文档示例的地址（{block}），请填写实际分配的公网 IP"),
    en: text("Contains documentation-only addresses ({block}); enter the public IP actually assigned"),
};
pub const IP_RESERVED: Code = Code {
    id: "ip.reserved",
    zh: text("包含保留或特殊用途地址（{block}），备案须填写公网 IP"),
    en: text("Contains reserved or special-purpose addresses ({block}); a filing needs public IPs"),
};

pub const AWS_LENGTH: Code = Code {
    id: "aws_account_id.length",
    zh: text("亚马逊云科技账号 ID 应为 12 位数字，当前 {length} 位"),
    en: text("An AWS account ID has 12 digits, this one has {length}"),
};
pub const AWS_FORMAT: Code = Code {
    id: "aws_account_id.format",
    zh: text("亚马逊云科技账号 ID 只能包含数字，“{char}”不允许"),
    en: text("An AWS account ID has digits only; \"{char}\" is not allowed"),
};

pub const RULES: &[Rule] = &[
    Rule {
        id: "ip",
        family: "access",
        label_zh: text("IP 地址"),
        label_en: text("IP address"),
        codes: &[
            &IP_INVALID, &IP_RANGE_REVERSED, &IP_RANGE_MIXED, &IP_PREFIX_INVALID, &IP_NOT_NETWORK, &IP_PRIVATE, &IP_SHARED,
            &IP_LOOPBACK, &IP_LINK_LOCAL, &IP_MULTICAST, &IP_DOCUMENTATION, &IP_RESERVED,
        ],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_ip,
    },
    Rule {
        id: "aws_account_id",
        family: "access",
        label_zh: text("亚马逊云科技账号 ID"),
        label_en: text("AWS account ID"),
        codes: &[&AWS_LENGTH, &AWS_FORMAT],
        max_bytes: crate::input::DEFAULT_MAX_BYTES,
        multiline: false,
        check: check_aws_account_id,
    },
];

/// Special-purpose IPv4 blocks (RFC 6890 and the IANA IPv4 special-purpose registry):
/// (network, prefix length, code). 255.255.255.255 falls in 240.0.0.0/4.
const V4_BLOCKS: &[(u32, u8, &Code)] = &[
    (0x0000_0000, 8, &IP_RESERVED),       // 0.0.0.0/8 "this network"
    (0x0A00_0000, 8, &IP_PRIVATE),        // 10.0.0.0/8
    (0x6440_0000, 10, &IP_SHARED),        // 100.64.0.0/10 (RFC 6598)
    (0x7F00_0000, 8, &IP_LOOPBACK),       // 127.0.0.0/8
    (0xA9FE_0000, 16, &IP_LINK_LOCAL),    // 169.254.0.0/16
    (0xAC10_0000, 12, &IP_PRIVATE),       // 172.16.0.0/12
    (0xC000_0000, 24, &IP_RESERVED),      // 192.0.0.0/24 IETF protocol assignments
    (0xC000_0200, 24, &IP_DOCUMENTATION), // 192.0.2.0/24 TEST-NET-1
    (0xC0A8_0000, 16, &IP_PRIVATE),       // 192.168.0.0/16
    (0xC612_0000, 15, &IP_RESERVED),      // 198.18.0.0/15 benchmarking
    (0xC633_6400, 24, &IP_DOCUMENTATION), // 198.51.100.0/24 TEST-NET-2
    (0xCB00_7100, 24, &IP_DOCUMENTATION), // 203.0.113.0/24 TEST-NET-3
    (0xE000_0000, 4, &IP_MULTICAST),      // 224.0.0.0/4
    (0xF000_0000, 4, &IP_RESERVED),       // 240.0.0.0/4 and broadcast
];

/// Special-purpose IPv6 blocks inside or beside global unicast; everything outside
/// 2000::/3 that is not listed is reported as reserved.
const V6_BLOCKS: &[(u128, u8, &Code)] = &[
    (0, 128, &IP_RESERVED),                                  // :: unspecified
    (1, 128, &IP_LOOPBACK),                                  // ::1
    (0xffff << 32, 96, &IP_RESERVED),                        // ::ffff:0:0/96 IPv4-mapped
    (0x2001_0db8 << 96, 32, &IP_DOCUMENTATION),              // 2001:db8::/32
    (0x3fff << 112, 20, &IP_DOCUMENTATION),                  // 3fff::/20 (RFC 9637)
    (0xfc00 << 112, 7, &IP_PRIVATE),                         // fc00::/7 unique local
    (0xfec0 << 112, 10, &IP_PRIVATE),                        // fec0::/10 site-local
    (0xfe80 << 112, 10, &IP_LINK_LOCAL),                     // fe80::/10
    (0xff00 << 112, 8, &IP_MULTICAST),                       // ff00::/8
];

/// An inclusive address interval of one family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Span {
    V4(u32, u32),
    V6(u128, u128),
}

pub fn check_ip(value: &str, _ctx: &Context, out: &mut Outcome) {
    let text: String = fold_width(value).trim().to_owned();
    let invalid = |out: &mut Outcome| {
        out.error(&IP_INVALID).input("value", excerpt(value.trim(), 60));
    };
    let (span, kind, normalized) = if let Some((start, end)) = split_range(&text) {
        let Some(a) = parse_addr(start) else { return invalid(out) };
        let Some(b) = parse_end(a, end) else { return invalid(out) };
        let span = match (a, b) {
            (IpAddr::V4(a), IpAddr::V4(b)) => Span::V4(a.into(), b.into()),
            (IpAddr::V6(a), IpAddr::V6(b)) => Span::V6(a.into(), b.into()),
            _ => {
                out.error(&IP_RANGE_MIXED);
                return;
            }
        };
        if matches!(span, Span::V4(lo, hi) if lo > hi) || matches!(span, Span::V6(lo, hi) if lo > hi) {
            out.error(&IP_RANGE_REVERSED);
            return;
        }
        (span, "range", format!("{a}-{b}"))
    } else if let Some((addr, prefix)) = text.split_once('/') {
        let Some(addr) = parse_addr(addr) else { return invalid(out) };
        let prefix = prefix.trim();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let Some(len) = prefix.parse::<u8>().ok().filter(|&l| l <= max && prefix.len() <= 3) else {
            out.error(&IP_PREFIX_INVALID).param("prefix", excerpt(prefix, 10));
            return;
        };
        let span = match addr {
            IpAddr::V4(a) => {
                let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
                let a = u32::from(a);
                Span::V4(a & mask, (a & mask) | !mask)
            }
            IpAddr::V6(a) => {
                let mask = if len == 0 { 0 } else { u128::MAX << (128 - len) };
                let a = u128::from(a);
                Span::V6(a & mask, (a & mask) | !mask)
            }
        };
        let network = match span {
            Span::V4(lo, _) => IpAddr::V4(Ipv4Addr::from(lo)),
            Span::V6(lo, _) => IpAddr::V6(Ipv6Addr::from(lo)),
        };
        if network != addr {
            out.error(&IP_NOT_NETWORK).param("network", format!("{network}/{len}"));
            return;
        }
        (span, "cidr", format!("{network}/{len}"))
    } else {
        let Some(addr) = parse_addr(&text) else { return invalid(out) };
        let span = match addr {
            IpAddr::V4(a) => Span::V4(a.into(), a.into()),
            IpAddr::V6(a) => Span::V6(a.into(), a.into()),
        };
        (span, "single", addr.to_string())
    };
    if let Some((code, block)) = special_block(span) {
        out.error(code).param("block", block);
        return;
    }
    out.detail("version", if matches!(span, Span::V4(..)) { 4 } else { 6 });
    out.detail("kind", kind);
    if let Span::V4(lo, hi) = span {
        out.detail("count", u64::from(hi - lo) + 1);
    }
    out.normalized = Some(normalized);
}

/// Splits `start-end` on the range separators forms and users type.
fn split_range(text: &str) -> Option<(&str, &str)> {
    ['-', '~', '至', '到', '–', '—'].iter().find_map(|&sep| text.split_once(sep)).map(|(a, b)| (a.trim(), b.trim()))
}

fn parse_addr(s: &str) -> Option<IpAddr> {
    let s = s.trim();
    // IPv6 may come bracketed as in URLs; zone ids (`%eth0`) are local by nature.
    let s = s.strip_prefix('[').and_then(|x| x.strip_suffix(']')).unwrap_or(s);
    s.parse::<IpAddr>().ok()
}

/// The end of a range: a full address, or for IPv4 just the last number (`1.2.3.4-20`).
fn parse_end(start: IpAddr, end: &str) -> Option<IpAddr> {
    if let (IpAddr::V4(a), true) = (start, !end.is_empty() && end.len() <= 3 && end.bytes().all(|b| b.is_ascii_digit())) {
        let last: u8 = end.parse().ok()?;
        let [x, y, z, _] = a.octets();
        return Some(IpAddr::V4(Ipv4Addr::new(x, y, z, last)));
    }
    parse_addr(end)
}

/// The first special-purpose block the span touches, with its text.
fn special_block(span: Span) -> Option<(&'static Code, String)> {
    match span {
        Span::V4(lo, hi) => V4_BLOCKS.iter().find_map(|&(net, len, code)| {
            let last = net | (u32::MAX >> len);
            (lo <= last && hi >= net).then(|| (code, format!("{}/{len}", Ipv4Addr::from(net))))
        }),
        Span::V6(lo, hi) => {
            let listed = V6_BLOCKS.iter().find_map(|&(net, len, code)| {
                let last = net | u128::MAX.checked_shr(u32::from(len)).unwrap_or(0);
                (lo <= last && hi >= net).then(|| (code, format!("{}/{len}", Ipv6Addr::from(net))))
            });
            // Outside global unicast 2000::/3: unspecified, IPv4-mapped, discard, ...
            let global = (0x2000u128 << 112, (0x4000u128 << 112) - 1);
            let outside = if lo < global.0 { lo } else { hi };
            listed.or_else(|| (lo < global.0 || hi > global.1).then(|| (&IP_RESERVED, Ipv6Addr::from(outside).to_string())))
        }
    }
}

pub fn check_aws_account_id(value: &str, _ctx: &Context, out: &mut Outcome) {
    let id = compact(value);
    if let Some(c) = id.chars().find(|c| !c.is_ascii_digit()) {
        out.error(&AWS_FORMAT).input("char", c.to_string());
        return;
    }
    if id.len() != 12 {
        out.error(&AWS_LENGTH).param("length", id.len());
        return;
    }
    out.normalized = Some(id);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(v: &str) -> Vec<&'static str> {
        let mut out = Outcome::default();
        check_ip(v, &Context::default(), &mut out);
        out.findings.iter().map(|f| f.code.id).collect()
    }

    #[test]
    fn ranges_touching_special_blocks_are_refused() {
        assert_eq!(codes("9.255.255.250-10.0.0.1"), ["ip.private"]);
        assert_eq!(codes("11.0.0.0/7"), ["ip.not_network"]);
        assert_eq!(codes("10.0.0.0/7"), ["ip.private"]);
        assert!(codes("52.82.0.0/16").is_empty());
        assert_eq!(codes("::/0"), ["ip.reserved"]);
        assert_eq!(codes("4000::1"), ["ip.reserved"]);
        assert_eq!(codes("2400:cb00::/32"), Vec::<&str>::new());
    }
}
