//! Thin wasm-bindgen layer: converts JS values to the core's types and answers with one
//! compact JSON text of codes and typed params, which the package's JS words from its
//! per-locale catalog (pkg-templates/api.js). No rule logic and no message text lives here.
//! Every entry point answers and never throws for bad input.
//!
//! Typed values are tagged where JSON alone would lose the type (`message::WireTag`): a
//! province `{"$p":11}`, a provider `{"$r":"nwcd"}`, a term `{"$t":"id"}`, a term list
//! `{"$T":["id",..]}`; an input list is a bare array. Details, and each finding's params
//! beside their tagged list, are written in their public (untagged) map form
//! (`outcome::public_order`), so that JS never rebuilds that map.

use wasm_bindgen::prelude::*;

#[cfg(not(feature = "field-module"))]
use icp_validate::Options;
#[cfg(not(feature = "field-module"))]
use icp_validate::__shell::Checked;
use icp_validate::__shell::Value;
#[cfg(not(feature = "filing-module"))]
use icp_validate::__shell::Finding;
#[cfg(not(feature = "filing-module"))]
use icp_validate::Outcome;
#[cfg(not(feature = "filing-module"))]
use icp_validate::Context;
#[cfg(not(feature = "filing-module"))]
use icp_validate::__shell as input;
use icp_validate::Date;
use icp_validate::__shell as shell;

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
/// `context.invalid`. Objects go through JSON text, read as serde_json reads it natively.
fn context_of(context: &JsValue) -> Context {
    let mut ctx: Context = if context.is_undefined() || context.is_null() {
        Context::default()
    } else if let Some(text) = context.as_string() {
        match (text.strip_prefix(CONTEXT_JSON), text == CONTEXT_SAME) {
            // api.js hands an object over as its JSON text; the last one's parse is kept...
            (Some(json), _) => shell::context::from_json_cached(json),
            // ...and says so when the object has not changed since.
            (None, true) => shell::context::last_cached().unwrap_or_default(),
            (None, false) => shell::context::unreadable(&text),
        }
    } else if !context.is_object() || js_sys::Array::is_array(context) {
        shell::context::unreadable(&context.as_string().or_else(|| number_text(context)).unwrap_or_else(|| "[…]".to_owned()))
    } else {
        json_of(context).map(|json| shell::context::from_json(&json)).unwrap_or_else(|| shell::context::unreadable("{…}"))
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
    } else if let Some(text) = number_text(value) {
        Some(text)
    } else if value.is_undefined() || value.is_null() {
        Some(String::new())
    } else {
        None
    }
}

#[cfg(not(feature = "filing-module"))]
/// A JS number as Rust prints an `f64` (`-0` kept), written by the JS engine and its
/// exponent expanded here: the field module links no float formatting (about 11 KB).
fn number_text(value: &JsValue) -> Option<String> {
    let n = value.as_f64()?;
    if n == 0.0 && n.is_sign_negative() {
        return Some("-0".to_owned());
    }
    let text = js_sys::Number::from(n).to_string_with_radix(10).ok()?.as_string()?;
    Some(shell::plain_number(&text))
}

#[cfg(not(feature = "filing-module"))]
fn outcome_of(field: &str, value: &JsValue, context: &JsValue) -> Outcome {
    match value_of(value) {
        Some(v) => shell::check_field_unguarded(field, &v, &context_of(context)),
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
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        out.push_str("\\u00");
                        out.push(HEX[usize::from(b >> 4)] as char);
                        out.push(HEX[usize::from(b & 15)] as char);
                    }
                }
                run = i + 1;
            }
        }
        out.push_str(&s[run..]);
        out.push('"');
        self
    }

    /// An integer, without the formatting machinery.
    fn int(&mut self, i: i64) -> &mut Self {
        if i < 0 {
            self.0.push('-');
        }
        self.uint(i.unsigned_abs())
    }

    fn uint(&mut self, n: u64) -> &mut Self {
        shell::push_decimal(&mut self.0, n);
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
        if let (true, Some(tag)) = (tagged, v.wire_tag()) {
            self.raw("{").str(tag.key()).raw(":").value(v, false);
            return self.raw("}");
        }
        match v {
            Value::Bool(b) => self.bool(*b),
            Value::Int(i) => self.int(*i),
            Value::Str(s) => self.str(s),
            Value::Input(s) => self.str(s),
            Value::Province(p) => self.uint(p.0.into()),
            Value::Provider(id) => self.str(id),
            Value::Term(t) => self.str(t.id),
            Value::InputList(items) => self.list(items.iter(), |j, s| {
                j.str(s);
            }),
            Value::TermList(items) => self.list(items.iter(), |j, t| {
                j.str(t.id);
            }),
        }
    }

    /// Params in their order, repeats kept, for the wording (which takes a repeated name's first).
    fn params(&mut self, params: &[(&'static str, Value)]) -> &mut Self {
        self.list(params, |j, (k, v)| {
            j.raw("[").str(k).raw(",").value(v, true).raw("]");
        })
    }

    /// Params or details as the public map (`outcome::public_order`), without building it.
    fn details(&mut self, details: &[(&'static str, Value)]) -> &mut Self {
        let order = shell::public_order(details);
        self.0.push('{');
        for (n, i) in order.into_iter().enumerate() {
            if n > 0 {
                self.0.push(',');
            }
            let (k, v) = &details[i];
            self.str(k).raw(":").value(v, false);
        }
        self.0.push('}');
        self
    }

    /// A finding's code, its params for the wording and its public params map.
    fn finding(&mut self, f: &icp_validate::Finding) -> &mut Self {
        self.str(f.code.id).raw(",").params(&f.params).raw(",").details(&f.params)
    }

    #[cfg(not(feature = "filing-module"))]
    /// `"e":[[code,params,map],..],"w":[..]`: errors and warnings, each in the order found.
    fn findings(&mut self, findings: &[Finding]) -> &mut Self {
        for (key, severity) in [("\"e\":", icp_validate::Severity::Error), ("\"w\":", icp_validate::Severity::Warning)] {
            self.raw(key).list(findings.iter().filter(|f| f.severity == severity), |j, f| {
                j.raw("[").finding(f).raw("]");
            });
            self.raw(",");
        }
        self
    }
}

/// The field module's answers for names that are not plain ASCII come from the IDN module
/// (wasm_idn.rs), installed by the package's JS once loaded.
#[cfg(feature = "field-module")]
mod idn_part {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The IDN module's exports.
        pub type IdnModule;
        #[wasm_bindgen(method, js_name = idnToAscii)]
        fn idn_to_ascii(this: &IdnModule, name: &str, std3: bool) -> Option<String>;
        #[wasm_bindgen(method, js_name = idnToUnicode)]
        fn idn_to_unicode(this: &IdnModule, name: &str) -> String;
    }

    struct Part(IdnModule);

    impl icp_validate::Uts46Part for Part {
        fn to_ascii(&self, s: &str, std3: bool) -> Option<String> {
            self.0.idn_to_ascii(s, std3)
        }
        fn to_unicode(&self, s: &str) -> (String, bool) {
            let text = self.0.idn_to_unicode(s);
            match text.strip_prefix('1') {
                Some(unicode) => (unicode.to_owned(), true),
                None => (text.get(1..).unwrap_or_default().to_owned(), false),
            }
        }
    }

    /// `useIdn(idnModule)`: the IDN module's exports answer UTS 46 from now on.
    #[wasm_bindgen(js_name = useIdn)]
    pub fn use_idn(idn: IdnModule) {
        icp_validate::install_uts46(Box::new(Part(idn)));
    }
}

/// What the field module answers instead of a result when a name needed the IDN module
/// before it was installed: api.js says "not loaded yet". Never a result's first character.
#[cfg(not(feature = "filing-module"))]
const IDN_NOT_LOADED: &str = "\u{3}";

/// Whether the last check needed the IDN module before it was installed.
#[cfg(not(feature = "filing-module"))]
fn idn_missed() -> bool {
    #[cfg(feature = "field-module")]
    return shell::take_missed();
    #[cfg(not(feature = "field-module"))]
    false
}

/// `fieldResult(field, value, context?)`: `{field, valid, normalized, e, w, details}`, or
/// U+0003 when the value needs the IDN module, not installed yet.
#[cfg(not(feature = "filing-module"))]
#[wasm_bindgen(js_name = fieldResult)]
pub fn field_result(field: &str, value: JsValue, context: JsValue) -> String {
    let out = outcome_of(field, &value, &context);
    if idn_missed() {
        return IDN_NOT_LOADED.to_owned();
    }
    // As validate_field: an unknown field id is shown as an excerpt.
    let shown = if shell::find(field).is_some() { field.to_owned() } else { input::excerpt(field, 40) };
    let valid = !out.has_errors();
    let mut j = Json(String::with_capacity(256));
    j.raw("{\"field\":").str(&shown).raw(",\"valid\":").bool(valid).raw(",\"normalized\":");
    j.opt_str(if valid { out.normalized.as_deref() } else { None }).raw(",");
    j.findings(&out.findings).raw("\"details\":").details(&out.details).raw("}");
    j.0
}

/// `fieldOutcomes(batch)`: the filing module's questions for a whole filing in one call
/// (every field rule, each distinct context once, the phone lines `contacts_distinct`
/// compares), answered in one text in the order asked (src/registry/bridge.rs); both texts
/// as UTF-8 bytes (a Uint8Array), which cross without being turned into JS strings.
#[cfg(not(feature = "filing-module"))]
#[wasm_bindgen(js_name = fieldOutcomes)]
pub fn field_outcomes(batch: &[u8]) -> Vec<u8> {
    let answers = shell::answer_bytes(batch);
    if idn_missed() {
        // Not answers (they start with `!`): the filing module throws this.
        return b"!a name needs the IDN module, not loaded yet: await loadIdn() (loadFiling and validateFiling do)".to_vec();
    }
    answers
}

#[cfg(not(feature = "filing-module"))]
/// `isValid(field, value, context?)`: the verdict alone, exactly `fieldResult(..).valid`;
/// `undefined` when the value needs the IDN module, not installed yet.
#[wasm_bindgen(js_name = isValid)]
pub fn is_valid_js(field: &str, value: JsValue, context: JsValue) -> Option<bool> {
    let valid = match value_of(&value) {
        Some(v) => icp_validate::is_valid(field, &v, &context_of(&context)),
        None => false,
    };
    (!idn_missed()).then_some(valid)
}

#[cfg(not(feature = "filing-module"))]
/// `fieldList()`: `[[id, family, [codes]], ..]`; labels are in the catalog.
#[wasm_bindgen(js_name = fieldList)]
pub fn field_list() -> String {
    let mut j = Json(String::with_capacity(8192));
    j.list(shell::rules(), |j, r| {
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
    let i = shell::inspect_attachment(kind, header, total, &context_of(&context));
    let mut j = Json(String::with_capacity(512));
    j.raw("{\"kind\":").str(&i.kind).raw(",\"valid\":").bool(i.valid()).raw(",\"format\":").str(i.format.id());
    match &i.image {
        Some(img) => j.raw(",\"width\":").uint(img.width.into()).raw(",\"height\":").uint(img.height.into()).raw(",\"colour_mode\":").str(img.colour.name()),
        None => j.raw(",\"width\":null,\"height\":null,\"colour_mode\":null"),
    };
    j.raw(",\"byte_size\":").uint(i.byte_size).raw(",");
    j.findings(&i.outcome.findings).raw("\"details\":").details(&i.outcome.details).raw("}");
    j.0
}

#[cfg(not(feature = "filing-module"))]
/// `attachmentHeaderLength()`: how many leading bytes of a file `validateAttachment` reads.
#[wasm_bindgen(js_name = attachmentHeaderLength)]
pub fn attachment_header_length() -> usize {
    shell::HEADER_LEN
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
pub fn filing_result(filing: JsValue, options: JsValue, fields: crate::filing_bridge::FieldModule) -> Result<String, JsError> {
    crate::filing_bridge::with_field_module(fields, || filing_text(&filing, &options)).map_err(|why| JsError::new(&why))
}

#[cfg(not(feature = "field-module"))]
fn filing_text(filing: &JsValue, options: &JsValue) -> String {
    let parsed: Result<Options, String> = if options.is_undefined() || options.is_null() {
        Ok(Options::default())
    } else {
        match json_of(options) {
            Some(json) => shell::read::options(&json).map_err(|r| r.text),
            None => Err(String::new()),
        }
    };
    let (checked, opts) = match parsed {
        Err(e) => {
            let opts = Options::default();
            (shell::malformed_checked(&shell::OPTIONS_MALFORMED, &e, &opts), opts)
        }
        Ok(mut opts) => {
            if opts.today.is_none() {
                opts.today = Some(js_today());
            }
            // Through JSON text so unknown keys, nesting limits and messages match the native parser.
            let checked = match js_sys::JSON::stringify(filing) {
                Ok(text) => match text.as_string() {
                    Some(json) => shell::check_filing_json(&json, &opts),
                    None => shell::malformed_checked(&shell::NOT_JSON, "not a JSON value", &opts),
                },
                Err(_) => shell::malformed_checked(&shell::NOT_SERIALISABLE, "", &opts),
            };
            (checked, opts)
        }
    };
    filing_json(&checked, opts.locale().tag())
}

#[cfg(not(feature = "field-module"))]
fn filing_json(c: &Checked, locale: &str) -> String {
    let mut j = Json(String::with_capacity(4096));
    let valid = !c.findings.iter().any(|(_, _, f)| f.severity == icp_validate::Severity::Error);
    j.raw("{\"l\":").str(locale).raw(",\"valid\":").bool(valid).raw(",\"provider\":").str(c.provider).raw(",\"kind\":").str(c.kind.id());
    for (key, severity) in [(",\"e\":", icp_validate::Severity::Error), (",\"w\":", icp_validate::Severity::Warning)] {
        j.raw(key).list(c.findings.iter().filter(|(_, _, f)| f.severity == severity), |j, (path, field, f)| {
            j.raw("[").str(path).raw(",").opt_str(*field).raw(",").finding(f).raw("]");
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
        j.raw("[").str(d.id).raw(",").str(d.need.id()).raw(",").str(d.reason.id).raw(",").params(&d.params);
        j.raw(",").str(d.source).raw(",").str(&d.subject).raw(",").opt_str(d.attachment_kind).raw(",").str(d.upload.id()).raw(",");
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
            j.raw("{\"route\":").str(v.route.id()).raw(",\"code\":").str(v.reason.id).raw(",\"params\":").params(&v.params).raw(",\"sms\":");
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
    j.raw(",\"fields_checked\":").uint(c.fields_checked as u64).raw(",\"services\":").uint(c.services as u64).raw("}");
    j.0
}

/// `version()`: the crate version and the data version (`0.1.0+data.2026-11-23`), so a page
/// can report what it runs.
#[wasm_bindgen]
pub fn version() -> String {
    shell::version()
}

#[cfg(not(feature = "filing-module"))]
/// `dataSources()`, as JSON text: `[{ table, source, date }]`, every generated table's source
/// and date.
#[wasm_bindgen(js_name = dataSources)]
pub fn data_sources_js() -> String {
    let mut j = Json(String::with_capacity(1024));
    j.list(icp_validate::data_sources(), |j, d| {
        j.raw("{\"table\":").str(d.table).raw(",\"source\":").str(d.source).raw(",\"date\":").str(d.date).raw("}");
    });
    j.0
}

#[cfg(not(feature = "filing-module"))]
/// `dataVersion()`: as of when the generated tables are (`listFields()[i].data_version`).
#[wasm_bindgen(js_name = dataVersion)]
pub fn data_version_js() -> String {
    icp_validate::data_version().to_owned()
}
