//! Thin wasm-bindgen layer: converts JS values to the core's types and back. No rule logic
//! lives here. Every entry point returns a result object and never throws for bad input.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{input, list_fields, validate_field, Context, Date, Locale, Outcome, Value};

fn to_js<T: Serialize>(value: &T) -> JsValue {
    // json_compatible: maps become plain objects, None becomes null.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn locale_of(locale: Option<String>) -> Locale {
    locale.as_deref().and_then(Locale::parse).unwrap_or_default()
}

/// Today in China from the JS clock (wasm32 has no system clock of its own).
fn js_today() -> Date {
    Date::from_unix_seconds_cst((js_sys::Date::now() / 1000.0) as i64)
}

/// The typed context; what it cannot understand it carries, so the call answers
/// `context.invalid`.
fn context_of(context: JsValue) -> Context {
    let mut ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else if !context.is_object() || js_sys::Array::is_array(&context) {
        crate::registry::context::unreadable(&context.as_string().or_else(|| context.as_f64().map(|n| n.to_string())).unwrap_or_else(|| "[…]".to_owned()))
    } else {
        serde_wasm_bindgen::from_value(context).unwrap_or_else(|_| crate::registry::context::unreadable("{…}"))
    };
    if ctx.today.is_none() {
        ctx.today = Some(js_today());
    }
    ctx
}

/// `validateField(field, value, context?, locale?)`: one field's result object
/// `{ field, valid, normalized, errors, warnings, details }`.
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field_js(field: &str, value: JsValue, context: JsValue, locale: Option<String>) -> JsValue {
    let locale = locale_of(locale);
    let value = if let Some(s) = value.as_string() {
        s
    } else if let Some(n) = value.as_f64() {
        // Numbers typed into number inputs; integers without a trailing `.0`.
        if n.fract() == 0.0 && n.abs() < 1e21 { format!("{n:.0}") } else { n.to_string() }
    } else if value.is_undefined() || value.is_null() {
        String::new()
    } else {
        let mut out = Outcome::default();
        out.error(&input::MALFORMED).param("reason", Value::Term(&input::NOT_TEXT));
        return to_js(&crate::registry::render::field_result(out, &input::excerpt(field, 40), locale));
    };
    to_js(&validate_field(field, &value, &context_of(context), locale))
}

/// `listFields(locale?)`: `[{ id, family, label, codes }]`.
#[wasm_bindgen(js_name = listFields)]
pub fn list_fields_js(locale: Option<String>) -> JsValue {
    to_js(&list_fields(locale_of(locale)))
}

/// `validateAttachment(kind, header, totalSize, context?, locale?)`: checks an attachment
/// from its first bytes (`file.slice(0, attachmentHeaderLength())`) and `file.size`.
#[wasm_bindgen(js_name = validateAttachment)]
pub fn validate_attachment_js(kind: &str, header: &[u8], total_size: f64, context: JsValue, locale: Option<String>) -> JsValue {
    let locale = locale_of(locale);
    // NaN, negative or fractional sizes from JS clamp to a whole byte count.
    let total = if total_size.is_finite() && total_size > 0.0 { total_size as u64 } else { 0 };
    to_js(&crate::registry::check_attachment(kind, header, total, &context_of(context), locale))
}

/// `attachmentHeaderLength()`: how many leading bytes of a file `validateAttachment` reads.
#[wasm_bindgen(js_name = attachmentHeaderLength)]
pub fn attachment_header_length() -> usize {
    crate::attachment::HEADER_LEN
}

/// `validateFiling(filing, options?)`: the whole-filing report `{ valid, provider, kind,
/// errors, warnings, normalized, documents, verification, summary }`. A value that is not a
/// filing object gets a report with `filing.malformed`.
#[wasm_bindgen(js_name = validateFiling)]
pub fn validate_filing_js(filing: JsValue, options: JsValue) -> JsValue {
    let mut opts: crate::filing::Options = if options.is_undefined() || options.is_null() {
        crate::filing::Options::default()
    } else {
        match serde_wasm_bindgen::from_value(options) {
            Ok(o) => o,
            Err(e) => return to_js(&crate::filing::malformed(&crate::filing::OPTIONS_MALFORMED, &e.to_string(), &crate::filing::Options::default())),
        }
    };
    if opts.today.is_none() {
        opts.today = Some(js_today());
    }
    // Through JSON text so unknown keys, nesting limits and messages match the native parser.
    match js_sys::JSON::stringify(&filing) {
        Ok(text) => match text.as_string() {
            Some(json) => to_js(&crate::filing::validate_filing_json(&json, &opts)),
            None => to_js(&crate::filing::malformed(&crate::filing::NOT_JSON, "not a JSON value", &opts)),
        },
        Err(_) => to_js(&crate::filing::malformed(&crate::filing::NOT_SERIALISABLE, "", &opts)),
    }
}

/// `version()`: the crate version and the data version (`0.1.0+data.2026-11-23`), so a page
/// can report what it runs.
#[wasm_bindgen]
pub fn version() -> String {
    crate::catalog::version()
}

/// `dataSources()`: `[{ table, source, date }]`, every generated table's source and date.
#[wasm_bindgen(js_name = dataSources)]
pub fn data_sources_js() -> JsValue {
    to_js(&crate::registry::data_sources())
}
