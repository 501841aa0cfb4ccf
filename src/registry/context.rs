//! The wire form of the context (JSON, JS objects) parsed once into the typed [`Context`]:
//! provinces to codes, providers to registered ids, certificate types to field ids,
//! platforms and entity types to their enums. Unknown keys are ignored, so one context
//! object can be passed to every field of a form.

use serde::{Deserialize, Deserializer};

use crate::context::{CertificateType, Context, EntityType, Platform};
use crate::date::Date;
use crate::input::excerpt;
use crate::province_code::ProvinceCode;

/// A context value of any JSON type; the parse decides what each key accepts.
enum Loose {
    Text(String),
    Flag(bool),
    Number(f64),
    Other,
}

/// By hand rather than `#[serde(untagged)]`, which buffers every value first (code size).
impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Loose;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a context value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Text(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Flag(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Number(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Loose, A::Error> {
                while a.next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?.is_some() {}
                Ok(Loose::Other)
            }
        }
        d.deserialize_any(V)
    }
}

impl Loose {
    /// The value as typed, for a message.
    fn shown(&self) -> String {
        match self {
            Loose::Text(s) => excerpt(s.trim(), 20),
            Loose::Flag(b) => b.to_string(),
            Loose::Number(n) => n.to_string(),
            Loose::Other => "{…}".to_owned(),
        }
    }
}

/// The context as callers pass it (a JSON object, a JS object): facts rules may need beyond
/// the value. Every key is optional; unknown keys are ignored, so one context object can
/// serve every field of a form. A value of another type or form than described here is
/// reported as `context.invalid`.
#[derive(Deserialize, Default)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "Context", extend("additionalProperties" = true)))]
#[serde(default)]
pub struct Wire {
    /// `YYYY-MM-DD`; defaults to today in China Standard Time.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    today: Option<Loose>,
    /// The entity's province in any form, as text: `北京`, `京`, `"11"`, `Beijing`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    province: Option<Loose>,
    /// Provider profile id: `nwcd`, `sinnet`, `aliyun`, `generic`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    provider: Option<Loose>,
    /// Certificate type (name or field id) for the `certificate` field.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    certificate_type: Option<Loose>,
    /// APP platform for `app_package`: `android`, `ios`, `harmony`, ...
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    platform: Option<Loose>,
    /// The entity type (主办单位性质): `enterprise`, `government`, `individual`, ...
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    entity_type: Option<Loose>,
    /// The entity holds the national-level document that allows words such as 中国 in a
    /// website name.
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    national_document: Option<Loose>,
}

/// Parses the wire form; what cannot be understood is recorded in the context itself.
fn parse(w: Wire) -> Context {
    let mut ctx = Context::default();
    let text = |key: &'static str, v: Option<Loose>, ctx: &mut Context| -> Option<String> {
        match v? {
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
        ctx.provider = crate::providers::find(&p).map(|p| p.id);
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
    match w.national_document {
        None => {}
        Some(Loose::Flag(b)) => ctx.national_document = Some(b),
        Some(other) => ctx.malformed.push(("national_document", other.shown())),
    }
    ctx
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
        let ctx = if json.trim_start().starts_with('{') {
            serde_json::from_str(json).unwrap_or_else(|_| unreadable("{…}"))
        } else {
            unreadable(json)
        };
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
    fn the_cached_parse_answers_as_a_fresh_one() {
        for json in [r#"{"province":"北京","today":"2026-11-23"}"#, r#"{"province":"火星"}"#, r#"{"today":5}"#, "[]", r#"{"province":"北京","today":"2026-11-23"}"#] {
            let fresh: Context = if json.starts_with('{') { serde_json::from_str(json).unwrap() } else { unreadable(json) };
            assert_eq!(from_json_cached(json), fresh, "{json}");
            assert_eq!(from_json_cached(json), fresh, "{json}, second time");
        }
    }
}
