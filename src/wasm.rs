//! Thin wasm-bindgen layer: converts JS values to the core's types and answers with one
//! compact JSON text of codes and typed params, which the package's JS words from its
//! per-locale catalog (pkg-templates/api.js). No rule logic and no message text lives here.
//! Every entry point answers and never throws for bad input.
//!
//! Typed values are tagged where JSON alone would lose the type: a province `{"$p":11}`, a
//! provider `{"$r":"nwcd"}`, a term `{"$t":"id"}`, a term list `{"$T":["id",..]}`; an input
//! list is a bare array. Details are written in their public (untagged) form.

use wasm_bindgen::prelude::*;

#[cfg(not(feature = "field-module"))]
use crate::filing::{Checked, Options};
use crate::message::Value;
#[cfg(not(feature = "filing-module"))]
use crate::outcome::{Finding, Outcome};
#[cfg(not(feature = "filing-module"))]
use crate::{input, Context};
use crate::Date;

/// Today in China from the JS clock (wasm32 has no system clock of its own).
fn js_today() -> Date {
    Date::from_unix_seconds_cst((js_sys::Date::now() / 1000.0) as i64)
}

/// JSON text of a JS object, or `None` when it cannot be serialised (a cycle, a BigInt).
fn json_of(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok().and_then(|s| s.as_string())
}

/// Marks a context api.js has already turned into JSON text (JSON.stringify in JS is far
/// cheaper than calling it from the wasm); no context a caller passes starts with U+0001.
#[cfg(not(feature = "filing-module"))]
const CONTEXT_JSON: &str = "\u{1}";
/// The context api.js sent last, unchanged.
#[cfg(not(feature = "filing-module"))]
const CONTEXT_SAME: &str = "\u{2}";

#[cfg(not(feature = "filing-module"))]
/// The typed context; what it cannot understand it carries, so the call answers
/// `context.invalid`. Objects go through JSON text and serde_json, as natively.
fn context_of(context: &JsValue) -> Context {
    let mut ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else if let Some(text) = context.as_string() {
        match (text.strip_prefix(CONTEXT_JSON), text == CONTEXT_SAME) {
            // api.js hands an object over as its JSON text; the last one's parse is kept...
            (Some(json), _) => crate::registry::context::from_json_cached(json),
            // ...and says so when the object has not changed since.
            (None, true) => crate::registry::context::last_cached().unwrap_or_default(),
            (None, false) => crate::registry::context::unreadable(&text),
        }
    } else if !context.is_object() || js_sys::Array::is_array(context) {
        crate::registry::context::unreadable(&context.as_string().or_else(|| context.as_f64().map(|n| n.to_string())).unwrap_or_else(|| "[…]".to_owned()))
    } else {
        json_of(context).and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_else(|| crate::registry::context::unreadable("{…}"))
    };
    if ctx.today.is_none() {
        ctx.today = Some(js_today());
    }
    ctx
}

#[cfg(not(feature = "filing-module"))]
/// The value as text: numbers typed into number inputs, integers without a trailing `.0`;
/// `None` for anything that is not text or a number.
fn value_of(value: &JsValue) -> Option<String> {
    if let Some(s) = value.as_string() {
        Some(s)
    } else if let Some(n) = value.as_f64() {
        Some(if n.fract() == 0.0 && n.abs() < 1e21 { format!("{n:.0}") } else { n.to_string() })
    } else if value.is_undefined() || value.is_null() {
        Some(String::new())
    } else {
        None
    }
}

#[cfg(not(feature = "filing-module"))]
fn outcome_of(field: &str, value: &JsValue, context: &JsValue) -> Outcome {
    match value_of(value) {
        Some(v) => crate::check_field(field, &v, &context_of(context)),
        None => {
            let mut out = Outcome::default();
            out.error(&input::MALFORMED).param("reason", Value::Term(&input::NOT_TEXT));
            out
        }
    }
}

/// A small JSON writer: the output is a handful of strings and integers, so no serializer
/// (and no float formatting) is needed.
struct Json(String);

impl Json {
    fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    fn str(&mut self, s: &str) -> &mut Self {
        let out = &mut self.0;
        out.push('"');
        // Runs without a byte to escape are copied whole; the bytes escaped are ASCII, so
        // every cut is a char boundary.
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                out.push_str(&s[run..i]);
                match b {
                    b'"' => out.push_str("\\\""),
                    b'\\' => out.push_str("\\\\"),
                    _ => {
                        use std::fmt::Write;
                        let _ = write!(out, "\\u{:04x}", b);
                    }
                }
                run = i + 1;
            }
        }
        out.push_str(&s[run..]);
        out.push('"');
        self
    }

    fn int(&mut self, i: impl std::fmt::Display) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.0, "{i}");
        self
    }

    fn opt_str(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        self.raw(if b { "true" } else { "false" })
    }

    /// A unit enum by its serde name (`"new_filing"`, `"jpeg"`), so the names have one source.
    fn name<T: serde::Serialize>(&mut self, t: &T) -> &mut Self {
        let name = serde_json::to_string(t).unwrap_or_else(|_| "null".to_owned());
        self.raw(&name)
    }

    fn list<T>(&mut self, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Self, T)) -> &mut Self {
        self.0.push('[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            each(self, item);
        }
        self.0.push(']');
        self
    }

    /// A value; `tagged` keeps the type of provinces, providers and terms for the wording.
    fn value(&mut self, v: &Value, tagged: bool) -> &mut Self {
        match v {
            Value::Bool(b) => self.bool(*b),
            Value::Int(i) => self.int(i),
            Value::Str(s) => self.str(s),
            Value::Input(s) => self.str(s),
            Value::Province(p) if tagged => self.raw("{\"$p\":").int(p.0).raw("}"),
            Value::Province(p) => self.int(p.0),
            Value::Provider(id) if tagged => self.raw("{\"$r\":").str(id).raw("}"),
            Value::Provider(id) => self.str(id),
            Value::Term(t) if tagged => self.raw("{\"$t\":").str(t.id).raw("}"),
            Value::Term(t) => self.str(t.id),
            Value::InputList(items) => self.list(items.iter(), |j, s| {
                j.str(s);
            }),
            Value::TermList(items) if tagged => {
                self.raw("{\"$T\":").list(items.iter(), |j, t| {
                    j.str(t.id);
                });
                self.raw("}")
            }
            Value::TermList(items) => self.list(items.iter(), |j, t| {
                j.str(t.id);
            }),
        }
    }

    /// Params in their order, repeats kept: the wording takes the first, the public map the last.
    fn params(&mut self, params: &[(&'static str, Value)]) -> &mut Self {
        self.list(params, |j, (k, v)| {
            j.raw("[").str(k).raw(",").value(v, true).raw("]");
        })
    }

    #[cfg(not(feature = "filing-module"))]
    /// Details as the public map: a repeated key keeps its last value (as `to_map`).
    fn details(&mut self, details: &[(&'static str, Value)]) -> &mut Self {
        let map = crate::outcome::to_map(details.to_vec());
        self.0.push('{');
        for (i, (k, v)) in map.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.str(k).raw(":").value(v, false);
        }
        self.0.push('}');
        self
    }

    #[cfg(not(feature = "filing-module"))]
    /// `"e":[[code,params],..],"w":[..]`: errors and warnings, each in the order found.
    fn findings(&mut self, findings: &[Finding]) -> &mut Self {
        for (key, severity) in [("\"e\":", crate::Severity::Error), ("\"w\":", crate::Severity::Warning)] {
            self.raw(key).list(findings.iter().filter(|f| f.severity == severity), |j, f| {
                j.raw("[").str(f.code.id).raw(",").params(&f.params).raw("]");
            });
            self.raw(",");
        }
        self
    }
}

#[cfg(not(feature = "filing-module"))]
/// `fieldResult(field, value, context?)`: `{field, valid, normalized, e, w, details}`.
#[wasm_bindgen(js_name = fieldResult)]
pub fn field_result(field: &str, value: JsValue, context: JsValue) -> String {
    let out = outcome_of(field, &value, &context);
    // As validate_field: an unknown field id is shown as an excerpt.
    let shown = if crate::registry::find(field).is_some() { field.to_owned() } else { input::excerpt(field, 40) };
    let valid = !out.has_errors();
    let mut j = Json(String::with_capacity(256));
    j.raw("{\"field\":").str(&shown).raw(",\"valid\":").bool(valid).raw(",\"normalized\":");
    j.opt_str(if valid { out.normalized.as_deref() } else { None }).raw(",");
    j.findings(&out.findings).raw("\"details\":").details(&out.details).raw("}");
    j.0
}

/// `fieldOutcome(field, value, context)`: the filing module's question (its `check_field`),
/// the context and the answer in the compact form of src/registry/bridge.rs.
#[cfg(not(feature = "filing-module"))]
#[wasm_bindgen(js_name = fieldOutcome)]
pub fn field_outcome(field: &str, value: &str, context: &str) -> String {
    let ctx = crate::registry::bridge::decode_context(context).unwrap_or_else(|| crate::registry::context::unreadable("…"));
    crate::registry::bridge::encode_outcome(&crate::check_field(field, value, &ctx))
}

/// `fieldOutcomes(batch)`: the filing module's questions for a whole filing in one call
/// (every field rule, each distinct context once, the phone lines `contacts_distinct`
/// compares), answered in one text in the order asked (src/registry/bridge.rs); both texts
/// as UTF-8 bytes (a Uint8Array), which cross without being turned into JS strings.
#[cfg(not(feature = "filing-module"))]
#[wasm_bindgen(js_name = fieldOutcomes)]
pub fn field_outcomes(batch: &[u8]) -> Vec<u8> {
    crate::registry::bridge::answer_bytes(batch)
}

#[cfg(not(feature = "filing-module"))]
/// `isValid(field, value, context?)`: the verdict alone, exactly `fieldResult(..).valid`.
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid_js(field: &str, value: JsValue, context: JsValue) -> bool {
    match value_of(&value) {
        Some(v) => crate::is_valid(field, &v, &context_of(&context)),
        None => false,
    }
}

#[cfg(not(feature = "filing-module"))]
/// `fieldList()`: `[[id, family, [codes]], ..]`; labels are in the catalog.
#[wasm_bindgen(js_name = fieldList)]
pub fn field_list() -> String {
    let mut j = Json(String::with_capacity(8192));
    j.list(crate::registry::rules(), |j, r| {
        j.raw("[").str(r.id).raw(",").str(r.family).raw(",").list(r.codes, |j, c| {
            j.str(c.id);
        });
        j.raw("]");
    });
    j.0
}

#[cfg(not(feature = "filing-module"))]
/// `attachmentResult(kind, header, totalSize, context?)`: checks an attachment from its
/// first bytes (`file.slice(0, attachmentHeaderLength())`) and `file.size`.
#[wasm_bindgen(js_name = attachmentResult)]
pub fn attachment_result(kind: &str, header: &[u8], total_size: f64, context: JsValue) -> String {
    // NaN, negative or fractional sizes from JS clamp to a whole byte count.
    let total = if total_size.is_finite() && total_size > 0.0 { total_size as u64 } else { 0 };
    let i = crate::attachment::inspect_attachment(kind, header, total, &context_of(&context));
    let mut j = Json(String::with_capacity(512));
    j.raw("{\"kind\":").str(&i.kind).raw(",\"valid\":").bool(i.valid()).raw(",\"format\":").name(&i.format);
    match &i.image {
        Some(img) => j.raw(",\"width\":").int(img.width).raw(",\"height\":").int(img.height).raw(",\"colour_mode\":").name(&img.colour),
        None => j.raw(",\"width\":null,\"height\":null,\"colour_mode\":null"),
    };
    j.raw(",\"byte_size\":").int(i.byte_size).raw(",");
    j.findings(&i.outcome.findings).raw("\"details\":").details(&i.outcome.details).raw("}");
    j.0
}

#[cfg(not(feature = "filing-module"))]
/// `attachmentHeaderLength()`: how many leading bytes of a file `validateAttachment` reads.
#[wasm_bindgen(js_name = attachmentHeaderLength)]
pub fn attachment_header_length() -> usize {
    crate::attachment::HEADER_LEN
}

/// `filingResult(filing, options?)`: the whole-filing check, locale-free: `{l, valid,
/// provider, kind, e, w, normalized, documents, verification, fields_checked, services}`,
/// `l` the locale the report is to be worded in (zh-CN when the options are unreadable).
#[cfg(not(any(feature = "field-module", feature = "filing-module")))]
#[wasm_bindgen(js_name = filingResult)]
pub fn filing_result(filing: JsValue, options: JsValue) -> String {
    filing_text(&filing, &options)
}

/// `filingResult(filing, options, fields)` of the package's filing module: `fields` is the
/// field module's exports, whose `fieldOutcomes` answers every field rule of the filing in one
/// call (src/registry/bridge.rs). Throws (the one entry point that does, and not for any
/// input) only when `fields` does not answer in this build's form: a field module of another
/// build, which tools/build-pkg.sh never packs.
#[cfg(feature = "filing-module")]
#[wasm_bindgen(js_name = filingResult)]
pub fn filing_result(filing: JsValue, options: JsValue, fields: crate::registry::bridge::FieldModule) -> Result<String, JsError> {
    crate::registry::bridge::with_field_module(fields, || filing_text(&filing, &options)).map_err(|why| JsError::new(&why))
}

#[cfg(not(feature = "field-module"))]
fn filing_text(filing: &JsValue, options: &JsValue) -> String {
    let parsed: Result<Options, String> = if options.is_undefined() || options.is_null() {
        Ok(Options::default())
    } else {
        match json_of(options) {
            Some(json) => serde_json::from_str(&json).map_err(|e| e.to_string()),
            None => Err(String::new()),
        }
    };
    let (checked, opts) = match parsed {
        Err(e) => {
            let opts = Options::default();
            (crate::filing::malformed_checked(&crate::filing::OPTIONS_MALFORMED, &e, &opts), opts)
        }
        Ok(mut opts) => {
            if opts.today.is_none() {
                opts.today = Some(js_today());
            }
            // Through JSON text so unknown keys, nesting limits and messages match the native parser.
            let checked = match js_sys::JSON::stringify(filing) {
                Ok(text) => match text.as_string() {
                    Some(json) => crate::filing::check_filing_json(&json, &opts),
                    None => crate::filing::malformed_checked(&crate::filing::NOT_JSON, "not a JSON value", &opts),
                },
                Err(_) => crate::filing::malformed_checked(&crate::filing::NOT_SERIALISABLE, "", &opts),
            };
            (checked, opts)
        }
    };
    filing_json(&checked, opts.locale().tag())
}

#[cfg(not(feature = "field-module"))]
fn filing_json(c: &Checked, locale: &str) -> String {
    let mut j = Json(String::with_capacity(4096));
    let valid = !c.findings.iter().any(|(_, _, f)| f.severity == crate::Severity::Error);
    j.raw("{\"l\":").str(locale).raw(",\"valid\":").bool(valid).raw(",\"provider\":").str(c.provider).raw(",\"kind\":").name(&c.kind);
    for (key, severity) in [(",\"e\":", crate::Severity::Error), (",\"w\":", crate::Severity::Warning)] {
        j.raw(key).list(c.findings.iter().filter(|(_, _, f)| f.severity == severity), |j, (path, field, f)| {
            j.raw("[").str(path).raw(",").opt_str(*field).raw(",").str(f.code.id).raw(",").params(&f.params).raw("]");
        });
    }
    j.raw(",\"normalized\":{");
    for (i, (k, v)) in c.normalized.iter().enumerate() {
        if i > 0 {
            j.raw(",");
        }
        j.str(k).raw(":").str(v);
    }
    j.raw("},\"documents\":").list(&c.documents, |j, d| {
        j.raw("[").str(d.id).raw(",").name(&d.need).raw(",").str(d.reason.id).raw(",").params(&d.params);
        j.raw(",").str(d.source).raw(",").str(&d.subject).raw(",").opt_str(d.attachment_kind).raw(",").name(&d.upload).raw(",");
        match d.provided {
            Some(p) => j.bool(p),
            None => j.raw("null"),
        };
        j.raw("]");
    });
    j.raw(",\"verification\":");
    match &c.verification {
        None => j.raw("null"),
        Some(v) => {
            j.raw("{\"route\":").name(&v.route).raw(",\"code\":").str(v.reason.id).raw(",\"params\":").params(&v.params).raw(",\"sms\":");
            match v.sms_verification {
                Some(s) => j.bool(s),
                None => j.raw("null"),
            };
            j.raw(",\"notes\":").list(&v.notes, |j, n| {
                j.str(n.id);
            });
            j.raw("}")
        }
    };
    j.raw(",\"fields_checked\":").int(c.fields_checked).raw(",\"services\":").int(c.services).raw("}");
    j.0
}

/// `version()`: the crate version and the data version (`0.1.0+data.2026-11-23`), so a page
/// can report what it runs.
#[wasm_bindgen]
pub fn version() -> String {
    crate::catalog::version()
}

#[cfg(not(feature = "filing-module"))]
/// `dataSources()`, as JSON text: `[{ table, source, date }]`, every generated table's source
/// and date.
#[wasm_bindgen(js_name = dataSources)]
pub fn data_sources_js() -> String {
    serde_json::to_string(&crate::registry::data_sources()).unwrap_or_else(|_| "[]".to_owned())
}

#[cfg(not(feature = "filing-module"))]
/// `dataVersion()`: as of when the generated tables are (`listFields()[i].data_version`).
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version_js() -> String {
    crate::registry::data_version().to_owned()
}
