//! Rendering at the edge: findings carry codes and typed values; here they are worded in one
//! locale. Province and provider names come from the region tables and the providers' files,
//! terms from their own pair, lists are joined the locale's way.

use crate::attachment::{inspect_attachment, AttachmentResult, Inspection};
use crate::context::Context;
use crate::message::{Locale, Value};
use crate::outcome::{to_map, FieldResult, Finding, Issue, Outcome};

/// One value as the message shows it. A term's text may itself name the finding's other
/// params (`含有不认识的键“{key}”`); it is filled from them, one level deep.
fn push_value(out: &mut String, value: &Value, params: &[(&'static str, Value)], locale: Locale, nested: bool) {
    match value {
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
        }
        Value::Str(s) => out.push_str(s),
        Value::Input(s) => out.push_str(s),
        Value::Province(code) => match crate::region::province_by_code(code.0) {
            Some(p) => out.push_str(locale.pick(p.name_zh, p.name_en())),
            None => out.push_str(&code.0.to_string()),
        },
        Value::Provider(id) => match crate::providers::find(id) {
            Some(p) => out.push_str(locale.pick(p.name_zh, p.name_en)),
            None => out.push_str(id),
        },
        Value::Term(t) if nested => out.push_str(locale.pick(t.zh, t.en)),
        Value::Term(t) => fill(out, locale.pick(t.zh, t.en), params, locale, true),
        Value::InputList(items) => join(out, items.iter().map(|s| &**s), locale),
        Value::TermList(items) => join(out, items.iter().map(|t| locale.pick(t.zh, t.en)), locale),
    }
}

fn join<'a>(out: &mut String, items: impl Iterator<Item = &'a str>, locale: Locale) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(locale.list_separator());
        }
        out.push_str(item);
    }
}

/// Fills `{name}` placeholders with the params worded in `locale`. Unknown placeholders stay
/// as written, so a missing param shows up in tests instead of silently vanishing.
pub fn render(template: &str, params: &[(&'static str, Value)], locale: Locale) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    fill(&mut out, template, params, locale, false);
    out
}

fn fill(out: &mut String, template: &str, params: &[(&'static str, Value)], locale: Locale, nested: bool) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                rest = &after[close + 1..];
                match params.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => {
                        let mut value = String::new();
                        push_value(&mut value, v, params, locale, nested);
                        rest = spaced(out, &value, rest, locale);
                    }
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
}

/// Appends a placeholder's `value` to `out`, with the spaces the template puts around the
/// placeholder where they belong, and returns the rest of the template. The zh templates
/// space a placeholder off from Chinese text (`主办单位负责人 {name} 的有效证件`) because the
/// value may be Latin or digits (`John Smith`, `010-82998299`); next to a value that starts
/// or ends with a Chinese character or full-width punctuation, or an empty one, the space
/// goes (`主办单位负责人张三的有效证件`, `西云数据不受理`, never two spaces where a name is
/// missing). In English an empty value leaves one space, not two (issue 19 item 23).
fn spaced<'t>(out: &mut String, value: &str, rest: &'t str, locale: Locale) -> &'t str {
    let wide = |c: Option<char>| c.is_some_and(|c| !c.is_ascii());
    let mut rest = rest;
    if Spacing::of(locale) == Spacing::Wide {
        let before_space = out.strip_suffix(' ').map(|o| o.chars().next_back());
        if let Some(prev) = before_space {
            if wide(prev) && (value.is_empty() || wide(value.chars().next())) {
                out.pop();
            }
        }
        if let Some(after) = rest.strip_prefix(' ') {
            if wide(after.chars().next()) && (value.is_empty() || wide(value.chars().next_back())) {
                rest = after;
            }
        }
    } else if value.is_empty() && out.ends_with(' ') {
        if let Some(after) = rest.strip_prefix(' ') {
            rest = after;
        }
    }
    out.push_str(value);
    rest
}

/// How a locale's templates space a placeholder off the text around it ([`spaced`]); the
/// package's JS takes each locale's from [`crate::catalog::wording_js`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spacing {
    /// A space between the placeholder and a wide (non-ASCII) character goes when the value
    /// is empty or meets it with a wide character of its own (zh-CN).
    Wide,
    /// An empty value between two spaces leaves one (en).
    Single,
}

impl Spacing {
    pub fn of(locale: Locale) -> Spacing {
        locale.pick(Spacing::Wide, Spacing::Single)
    }

    /// Its name in the package's wording table.
    pub fn id(self) -> &'static str {
        match self {
            Spacing::Wide => "wide",
            Spacing::Single => "single",
        }
    }
}

/// The message of a finding in `locale`.
pub fn message(f: &Finding, locale: Locale) -> String {
    render(f.code.template(locale), &f.params, locale)
}

/// The rendered form callers receive.
pub fn issue(f: Finding, locale: Locale) -> Issue {
    Issue { code: f.code.id, severity: f.severity, message: message(&f, locale), params: to_map(f.params) }
}

/// Renders an outcome into the public result shape. `normalized` is only returned for valid
/// values, so a caller can always write it back into the form.
pub fn field_result(out: Outcome, field: &str, locale: Locale) -> FieldResult {
    let valid = !out.has_errors();
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for f in out.findings {
        match f.severity {
            crate::message::Severity::Error => errors.push(issue(f, locale)),
            crate::message::Severity::Warning => warnings.push(issue(f, locale)),
        }
    }
    FieldResult { field: field.to_owned(), valid, normalized: if valid { out.normalized } else { None }, errors, warnings, details: to_map(out.details) }
}

/// An attachment inspection in `locale`.
pub fn attachment_result(i: Inspection, locale: Locale) -> AttachmentResult {
    let (width, height, colour_mode) = match &i.image {
        Some(img) => (Some(img.width), Some(img.height), Some(img.colour)),
        None => (None, None, None),
    };
    let r = field_result(i.outcome, &i.kind, locale);
    AttachmentResult { kind: i.kind, valid: r.valid, format: i.format, width, height, colour_mode, byte_size: i.byte_size, errors: r.errors, warnings: r.warnings, details: r.details }
}

/// Checks an attachment of `kind` from its first bytes (`header`, ideally
/// [`attachments::HEADER_LEN`](crate::attachments::HEADER_LEN) of them or the whole file) and
/// its real size, rendered in `locale`. The kinds are [`attachments::KINDS`](crate::attachments::KINDS).
///
/// ```
/// use icp_validate::{check_attachment, Context, Locale};
///
/// let r = check_attachment("entity_certificate", b"not an image", 12, &Context::default(), Locale::En);
/// assert!(!r.valid);
/// assert!(r.errors.iter().any(|e| e.code == "attachment.unknown_format"));
/// ```
pub fn check_attachment(kind: &str, header: &[u8], total_size: u64, ctx: &Context, locale: Locale) -> AttachmentResult {
    attachment_result(inspect_attachment(kind, header, total_size, ctx), locale)
}

#[cfg(feature = "messages")]
#[cfg(test)]
mod tests {
    use super::*;
    use crate::province_code::ProvinceCode;

    #[test]
    fn renders_typed_values_per_locale_and_keeps_unknown_placeholders() {
        let params = [("min", Value::Int(3)), ("name", Value::Input("京".into())), ("p", Value::Province(ProvinceCode::GUANGDONG)), ("who", Value::Provider("nwcd")), ("l", Value::InputList(vec!["中国".into(), "国家".into()].into_boxed_slice()))];
        let t = "at least {min} for {name} in {p} at {who}: {l}, {x}";
        assert_eq!(render(t, &params, Locale::En), "at least 3 for 京 in Guangdong at NWCD: 中国, 国家, {x}");
        assert_eq!(render(t, &params, Locale::ZhCn), "at least 3 for 京 in 广东省 at 西云数据: 中国、国家, {x}");
        assert_eq!(render("unclosed {min", &params, Locale::En), "unclosed {min");
    }

    /// `uscc.province_mismatch` ends with its provider's advice, worded from the provider's file.
    #[test]
    fn uscc_mismatch_advice_follows_the_provider() {
        let message = |provider: &str, locale: Locale| {
            let ctx = Context { province: Some(ProvinceCode::BEIJING), provider: crate::context::Provider::find(provider), ..Context::default() };
            let r = crate::registry::validate_field("uscc", "91440300708461136T", &ctx, locale);
            assert!(r.valid && r.errors.is_empty(), "{provider}");
            r.warnings.iter().find(|w| w.code == "uscc.province_mismatch").expect(provider).message.clone()
        };
        assert!(message("aliyun", Locale::ZhCn).ends_with("若现行执照不是北京市颁发的，请在颁发地所在省份备案"), "{}", message("aliyun", Locale::ZhCn));
        assert!(message("aliyun", Locale::En).contains("Alibaba Cloud files in the province whose authority issued the current licence: if it was not issued in Beijing"));
        for provider in ["nwcd", "sinnet", "generic"] {
            assert!(message(provider, Locale::En).ends_with("Make sure the current licence was issued by an authority in Beijing"), "{provider}");
            assert!(message(provider, Locale::En).starts_with("The code was first registered in Guangdong"), "{provider}");
        }
    }
}
