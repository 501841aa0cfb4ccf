//! The wire form of the context (JSON, JS objects) parsed once into the typed [`Context`]:
//! provinces to codes, providers to registered ids, certificate types to field ids,
//! platforms and entity types to their enums. Unknown keys are ignored, so one context
//! object can be passed to every field of a form.

use serde::{Deserialize, Deserializer};

use super::context_wire::{parse_wire, Loose, Wire};

use crate::context::{CertificateType, Context, EntityType, Platform};
use crate::date::Date;
use crate::input::excerpt;
use crate::province_code::ProvinceCode;

/// Parses the wire form; what cannot be understood is recorded in the context itself.
/// Empty text (`""`, or blanks only) is a key not given, as `null` and an absent key are: a
/// form's select starts at `""`, and every key has a meaning when absent.
fn parse(w: Wire) -> Context {
    let mut ctx = Context::default();
    let text = |key: &'static str, v: Option<Loose>, ctx: &mut Context| -> Option<String> {
        match not_blank(v)? {
            Loose::Text(s) => Some(s),
            other => {
                ctx.malformed.push((key, other.shown()));
                None
            }
        }
    };
    if let Some(t) = text("today", w.today, &mut ctx) {
        match Date::parse(t.trim()) {
            Some(d) => ctx.today = Some(d),
            None => ctx.malformed.push(("today", excerpt(t.trim(), 20))),
        }
    }
    if let Some(p) = text("province", w.province, &mut ctx) {
        match crate::region::parse_province(&p) {
            Some(province) => ctx.province = Some(ProvinceCode(province.code)),
            None => ctx.province_unrecognised = Some(p),
        }
    }
    if let Some(p) = text("provider", w.provider, &mut ctx) {
        ctx.provider = crate::context::Provider::find(&p);
    }
    if let Some(t) = text("type", w.certificate_type, &mut ctx) {
        ctx.certificate_type = certificate_type(&t);
    }
    if let Some(p) = text("platform", w.platform, &mut ctx) {
        ctx.platform = Platform::parse(&p);
    }
    if let Some(e) = text("entity_type", w.entity_type, &mut ctx) {
        ctx.entity_type = EntityType::parse(&e);
    }
    match not_blank(w.national_document) {
        None => {}
        Some(Loose::Flag(b)) => ctx.national_document = Some(b),
        Some(other) => ctx.malformed.push(("national_document", other.shown())),
    }
    ctx
}

/// A value, `None` when it is text of blanks only (not given).
fn not_blank(v: Option<Loose>) -> Option<Loose> {
    v.filter(|v| !matches!(v, Loose::Text(s) if s.trim().is_empty()))
}

/// A certificate type name or id as the forms show it; blank is `None`.
pub fn certificate_type(name: &str) -> Option<CertificateType> {
    if name.trim().is_empty() {
        return None;
    }
    Some(match crate::rules::certificates::certificate_field(name) {
        Some(field) => CertificateType::Field(field),
        None => CertificateType::Unknown(name.trim().to_owned()),
    })
}

/// The context of a JSON object's text (as `JSON.stringify` writes it); text that is not a
/// JSON object is one `context.invalid`.
pub fn from_json(json: &str) -> Context {
    if json.trim_start().starts_with('{') {
        parse_wire(json).map(parse).unwrap_or_else(|| unreadable("{…}"))
    } else {
        unreadable(json)
    }
}

/// The context of a JSON object's text, remembering the last one parsed: a form passes the
/// same context with every keystroke, and the wasm boundary receives it as text each time.
/// Text that is not a JSON object is one `context.invalid`.
pub fn from_json_cached(json: &str) -> Context {
    LAST.with(|last| {
        if let Some((text, ctx)) = last.borrow().as_ref() {
            if text == json {
                return ctx.clone();
            }
        }
        let ctx = from_json(json);
        *last.borrow_mut() = Some((json.to_owned(), ctx.clone()));
        ctx
    })
}

thread_local! {
    static LAST: std::cell::RefCell<Option<(String, Context)>> = const { std::cell::RefCell::new(None) };
}

/// The context [`from_json_cached`] parsed last, for a caller that knows it has not changed.
pub fn last_cached() -> Option<Context> {
    LAST.with(|last| last.borrow().as_ref().map(|(_, ctx)| ctx.clone()))
}

/// A context whose wire form is not even an object (a string, a number): one problem.
pub fn unreadable(shown: &str) -> Context {
    Context { malformed: vec![("context", excerpt(shown, 20))], ..Context::default() }
}

impl<'de> Deserialize<'de> for Context {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Wire::deserialize(d).map(parse)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_null_and_absent_are_the_same_for_every_key() {
        let absent = from_json("{}");
        for key in ["today", "province", "provider", "type", "platform", "entity_type", "national_document"] {
            for value in [r#""""#, r#""  ""#, "null"] {
                let json = format!(r#"{{"{key}":{value}}}"#);
                // The hand reader (the field module's) and serde's derive (the CLI, filings).
                assert_eq!(from_json(&json), absent, "{json}");
                assert_eq!(serde_json::from_str::<Context>(&json).unwrap(), absent, "{json} through serde");
            }
        }
        // Given values are still read, and a wrong one still reported.
        assert!(from_json(r#"{"province":"北京","today":""}"#).province.is_some());
        assert_eq!(from_json(r#"{"province":"火星"}"#).province_unrecognised.as_deref(), Some("火星"));
        assert_eq!(from_json(r#"{"national_document":"yes"}"#).malformed, vec![("national_document", "yes".to_owned())]);
    }

    #[test]
    fn the_cached_parse_answers_as_a_fresh_one() {
        for json in [r#"{"province":"北京","today":"2026-11-23"}"#, r#"{"province":"火星"}"#, r#"{"today":5}"#, "[]", r#"{"province":"北京","today":"2026-11-23"}"#] {
            let fresh: Context = if json.starts_with('{') { serde_json::from_str(json).unwrap() } else { unreadable(json) };
            assert_eq!(from_json_cached(json), fresh, "{json}");
            assert_eq!(from_json_cached(json), fresh, "{json}, second time");
        }
    }
}
