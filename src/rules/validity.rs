//! `id_validity`: the validity period of an identity certificate (证件有效期, asked for every
//! person in charge: nwcd-website-guide-en Ninth 1, nwcd-app-guide-en checklist).
//!
//! Accepted forms: `start~end`, `start~长期`, a lone `长期` / `长期有效` / `long-term`, with `~`,
//! `～`, `至` or `-` between the dates (ID cards print `2016.08.01-2036.08.01`); dates as
//! `YYYY-MM-DD`, `YYYY.MM.DD`, `YYYY/MM/DD`, `YYYYMMDD` or `YYYY年MM月DD日`. Normalised to
//! `YYYY-MM-DD~YYYY-MM-DD` or `YYYY-MM-DD~长期`.
//!
//! Checks: both dates real, start not after today, end after start, not expired (the
//! certificate is valid through its end day). For resident ID cards (context `type` absent or
//! a resident-ID type) the span should be 5, 10 or 20 years or long-term (居民身份证法
//! Art. 5: under 16 five years, 16-25 ten, 26-45 twenty, 46 and older long-term); another
//! span is only a warning, since temporary cards and re-issues exist.
//!
//! A certificate that is still valid but ends within 3 months of today (end on or before the
//! same day 3 months on) gets the warning `id_validity.expires_soon`: a filing is reviewed by
//! the provider and then by the provincial communications administration for weeks, and a
//! document that lapses meanwhile has the filing sent back. This is a judgement of this crate,
//! not a seed rule: the seeds ask for valid documents (nwcd-website-guide-en Appendix 1) and
//! state no margin; the 3 months mirror the domain-validity margin of nwcd-website-guide-zh
//! 五 1(3). Expired stays an error (`id_validity.expired`). Issue 19 item 14.

use crate::context::Context;
use crate::date::Date;
use crate::input::fold_width;
use crate::message::Code;
use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::message::text;

pub const FORMAT: Code = Code {
    id: "id_validity.format",
    zh: text("有效期格式应为“开始日期~结束日期”或“开始日期~长期”，例如 2016-08-01~2036-08-01"),
    en: text("Enter the validity as \"start~end\" or \"start~长期\", e.g. 2016-08-01~2036-08-01"),
};
pub const START_INVALID: Code = Code {
    id: "id_validity.start_invalid",
    zh: text("有效期开始日期“{value}”不是有效日期"),
    en: text("The start date \"{value}\" is not a real date"),
};
pub const END_INVALID: Code = Code {
    id: "id_validity.end_invalid",
    zh: text("有效期结束日期“{value}”不是有效日期"),
    en: text("The end date \"{value}\" is not a real date"),
};
pub const START_FUTURE: Code = Code {
    id: "id_validity.start_future",
    zh: text("有效期开始日期 {start} 晚于今天"),
    en: text("The start date {start} is in the future"),
};
pub const END_BEFORE_START: Code = Code {
    id: "id_validity.end_before_start",
    zh: text("有效期结束日期应晚于开始日期"),
    en: text("The end date must be after the start date"),
};
pub const EXPIRED: Code = Code {
    id: "id_validity.expired",
    zh: text("证件已于 {end} 过期，请使用有效证件"),
    en: text("The certificate expired on {end}; use a valid certificate"),
};
pub const EXPIRES_SOON: Code = Code {
    id: "id_validity.expires_soon",
    zh: text("证件将于 {end} 到期（还剩 {days_left} 天），备案审核通常需要数周，建议先换领新证件"),
    en: text("The certificate expires on {end} ({days_left} days left); a filing's review often takes weeks, so renew it first"),
};
pub const SPAN_UNUSUAL: Code = Code {
    id: "id_validity.span_unusual",
    zh: text("居民身份证有效期一般为 5 年、10 年、20 年或长期，请核对证件背面"),
    en: text("Resident ID cards are valid for 5, 10 or 20 years or long-term; check the back of the card"),
};

pub const RULES: &[Rule] = &[Rule {
    id: "id_validity",
    family: "identity",
    label_zh: text("证件有效期"),
    label_en: text("Certificate validity period"),
    codes: &[&FORMAT, &START_INVALID, &END_INVALID, &START_FUTURE, &END_BEFORE_START, &EXPIRED, &EXPIRES_SOON, &SPAN_UNUSUAL],
    max_bytes: 64,
    multiline: false,
    check,
}];

fn is_long_term(s: &str) -> bool {
    let s = s.trim();
    ["长期", "长期有效", "long-term", "long term", "longterm"].iter().any(|w| s.eq_ignore_ascii_case(w))
}

enum End {
    Date(Date),
    LongTerm,
}

/// Splits `start SEP end`. `-` is ambiguous with `YYYY-MM-DD`, so every `-` is tried as the
/// separator (at most a handful in 64 bytes) and the first split whose start is a date wins.
fn split(s: &str) -> Option<(&str, &str)> {
    for sep in ['~', '至'] {
        if let Some((a, b)) = s.split_once(sep) {
            return Some((a.trim(), b.trim()));
        }
    }
    let mut fallback = None;
    for (i, _) in s.match_indices('-') {
        let (a, b) = (s[..i].trim(), s[i + 1..].trim());
        if Date::parse(a).is_some() && (Date::parse(b).is_some() || is_long_term(b)) {
            return Some((a, b));
        }
        if fallback.is_none() && a.len() >= 8 {
            fallback = Some((a, b));
        }
    }
    fallback
}

/// The same day 3 months after `t` (the last day of that month when it is shorter).
fn three_months_after(t: Date) -> Date {
    let months = t.month as i32 + 2; // 0-based month index + 3
    let (year, month) = (t.year + months / 12, (months % 12) as u8 + 1);
    let day = t.day.min(crate::date::days_in_month(year, month));
    Date::new(year, month, day).unwrap_or(t)
}

fn is_resident_id_type(ctx: &Context) -> bool {
    match &ctx.certificate_type {
        None => true,
        Some(t) => t.field() == Some("resident_id"),
    }
}

pub fn check(value: &str, ctx: &Context, out: &mut Outcome) {
    // `2016年08月01日` as written on paper forms becomes `2016-08-01`.
    let text: String = fold_width(value).replace(['年', '月'], "-").replace('日', "");
    let text = text.trim();
    if is_long_term(text) {
        out.detail("long_term", true);
        out.normalized = Some("长期".to_owned());
        return;
    }
    let Some((a, b)) = split(text) else {
        out.error(&FORMAT);
        return;
    };
    if a.is_empty() || b.is_empty() {
        out.error(&FORMAT);
        return;
    }
    let Some(start) = Date::parse(a) else {
        out.error(&START_INVALID).input("value", crate::input::excerpt(a, 20));
        return;
    };
    let end = if is_long_term(b) {
        End::LongTerm
    } else {
        match Date::parse(b) {
            Some(d) => End::Date(d),
            None => {
                out.error(&END_INVALID).input("value", crate::input::excerpt(b, 20));
                return;
            }
        }
    };
    let today = ctx.today();
    if today.is_some_and(|t| start > t) {
        out.error(&START_FUTURE).param("start", start.to_string());
        return;
    }
    out.detail("start", start.to_string());
    match end {
        End::LongTerm => {
            out.detail("long_term", true);
            out.normalized = Some(format!("{start}~长期"));
        }
        End::Date(end) => {
            if end <= start {
                out.error(&END_BEFORE_START);
                return;
            }
            if today.is_some_and(|t| end < t) {
                out.error(&EXPIRED).param("end", end.to_string());
                return;
            }
            out.detail("end", end.to_string());
            if let Some(t) = today {
                let days_left = end.to_days() - t.to_days();
                out.detail("days_left", days_left);
                if end <= three_months_after(t) {
                    out.warn(&EXPIRES_SOON).param("end", end.to_string()).param("days_left", days_left);
                }
            }
            if is_resident_id_type(ctx) && ![5, 10, 20].iter().any(|&y| start.add_years(y) == end) {
                out.warn(&SPAN_UNUSUAL);
            }
            out.normalized = Some(format!("{start}~{end}"));
        }
    }
}
