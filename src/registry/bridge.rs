//! The wire between the two wasm modules of the npm package: the filing module runs no field
//! rule itself but asks the field module through JS (`fieldOutcome` in src/wasm.rs), sending
//! the typed context and receiving the outcome in a compact text form. Both directions
//! round-trip exactly (tests/bridge.rs), so the filing check answers as it does natively.
//!
//! The form is a token list: text as `<byte length>:<bytes>` (no escaping, no JSON parser in
//! either module), numbers as `<digits>;`, tags as single ASCII letters.

use std::borrow::Cow;

use crate::context::{CertificateType, Context, EntityType, Platform};
use crate::date::Date;
use crate::message::{Code, Severity, Term, Value};
use crate::outcome::{Finding, Outcome};
use crate::province_code::ProvinceCode;

struct Writer(String);

impl Writer {
    fn tag(&mut self, t: char) -> &mut Self {
        self.0.push(t);
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.num(s.len() as i64);
        self.0.pop();
        self.0.push(':');
        self.0.push_str(s);
        self
    }

    fn num(&mut self, n: i64) -> &mut Self {
        use std::fmt::Write;
        let _ = write!(self.0, "{n};");
        self
    }

    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.tag('+').text(s),
            None => self.tag('-'),
        }
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::Bool(b) => self.tag(if *b { 'B' } else { 'b' }),
            Value::Int(i) => self.tag('i').num(*i),
            Value::Str(s) => self.tag('s').text(s),
            Value::Input(s) => self.tag('u').text(s),
            Value::Province(p) => self.tag('p').num(p.0.into()),
            Value::Provider(id) => self.tag('r').text(id),
            Value::Term(t) => self.tag('t').text(t.id),
            Value::InputList(items) => {
                self.tag('L').num(items.len() as i64);
                items.iter().for_each(|s| {
                    self.text(s);
                });
                self
            }
            Value::TermList(items) => {
                self.tag('T').num(items.len() as i64);
                items.iter().for_each(|t| {
                    self.text(t.id);
                });
                self
            }
        };
    }

    fn pairs(&mut self, pairs: &[(&'static str, Value)]) {
        self.num(pairs.len() as i64);
        for (k, v) in pairs {
            self.text(k);
            self.value(v);
        }
    }
}

struct Reader<'a>(&'a str);

impl<'a> Reader<'a> {
    fn tag(&mut self) -> Option<char> {
        let c = self.0.chars().next()?;
        self.0 = &self.0[c.len_utf8()..];
        Some(c)
    }

    fn digits(&mut self, end: char) -> Option<&'a str> {
        let at = self.0.find(end)?;
        let (d, rest) = (&self.0[..at], &self.0[at + 1..]);
        self.0 = rest;
        Some(d)
    }

    fn num(&mut self) -> Option<i64> {
        self.digits(';')?.parse().ok()
    }

    fn text(&mut self) -> Option<&'a str> {
        let len: usize = self.digits(':')?.parse().ok()?;
        let s = self.0.get(..len)?;
        self.0 = &self.0[len..];
        Some(s)
    }

    fn opt_text(&mut self) -> Option<Option<&'a str>> {
        match self.tag()? {
            '+' => self.text().map(Some),
            '-' => Some(None),
            _ => None,
        }
    }

    /// A count, bounded by what is left to read (every item takes at least two bytes).
    fn count(&mut self) -> Option<usize> {
        usize::try_from(self.num()?).ok().filter(|&n| n <= self.0.len())
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.tag()? {
            'B' => Value::Bool(true),
            'b' => Value::Bool(false),
            'i' => Value::Int(self.num()?),
            's' => Value::Str(Cow::Owned(self.text()?.to_owned())),
            'u' => Value::Input(self.text()?.into()),
            'p' => Value::Province(ProvinceCode(u8::try_from(self.num()?).ok()?)),
            'r' => Value::Provider(intern(self.text()?)),
            't' => Value::Term(term(self.text()?)),
            'L' => {
                let n = self.count()?;
                Value::InputList((0..n).map(|_| self.text().map(Into::into)).collect::<Option<Vec<Box<str>>>>()?.into())
            }
            'T' => {
                let n = self.count()?;
                Value::TermList((0..n).map(|_| self.text().map(term)).collect::<Option<Vec<_>>>()?.into())
            }
            _ => return None,
        })
    }

    fn pairs(&mut self) -> Option<Vec<(&'static str, Value)>> {
        let n = self.count()?;
        (0..n).map(|_| Some((intern(self.text()?), self.value()?))).collect()
    }
}

/// The ids the outcomes of the other module name (codes, terms, param keys, providers) as
/// `'static` items: each distinct id is leaked once, and a filing names a bounded set of them.
fn intern(s: &str) -> &'static str {
    thread_local!(static IDS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) });
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        match ids.iter().find(|i| **i == s) {
            Some(i) => *i,
            None => {
                let leaked: &'static str = Box::leak(s.to_owned().into_boxed_str());
                ids.push(leaked);
                leaked
            }
        }
    })
}

/// A code by id alone: the filing module words nothing, it passes codes through to JS.
fn code(id: &str) -> &'static Code {
    thread_local!(static CODES: std::cell::RefCell<Vec<&'static Code>> = const { std::cell::RefCell::new(Vec::new()) });
    let id = intern(id);
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        match codes.iter().find(|c| std::ptr::eq(c.id, id)) {
            Some(c) => *c,
            None => {
                let leaked: &'static Code = Box::leak(Box::new(Code { id, zh: "", en: "" }));
                codes.push(leaked);
                leaked
            }
        }
    })
}

/// A term by id alone, as [`code`].
fn term(id: &str) -> &'static Term {
    thread_local!(static TERMS: std::cell::RefCell<Vec<&'static Term>> = const { std::cell::RefCell::new(Vec::new()) });
    let id = intern(id);
    TERMS.with(|terms| {
        let mut terms = terms.borrow_mut();
        match terms.iter().find(|t| std::ptr::eq(t.id, id)) {
            Some(t) => *t,
            None => {
                let leaked: &'static Term = Box::leak(Box::new(Term { id, zh: "", en: "" }));
                terms.push(leaked);
                leaked
            }
        }
    })
}

/// An outcome for the other module: normalized form, findings in the order found, details.
pub fn encode_outcome(out: &Outcome) -> String {
    let mut w = Writer(String::with_capacity(128));
    w.opt_text(out.normalized.as_deref()).num(out.findings.len() as i64);
    for f in &out.findings {
        w.tag(if f.severity == Severity::Error { 'E' } else { 'W' }).text(f.code.id).pairs(&f.params);
    }
    w.pairs(&out.details);
    w.0
}

/// The outcome [`encode_outcome`] wrote; `None` when the text is not of that form.
pub fn decode_outcome(text: &str) -> Option<Outcome> {
    let mut r = Reader(text);
    let normalized = r.opt_text()?.map(str::to_owned);
    let n = r.count()?;
    let mut findings = Vec::with_capacity(n);
    for _ in 0..n {
        let severity = match r.tag()? {
            'E' => Severity::Error,
            'W' => Severity::Warning,
            _ => return None,
        };
        let code = code(r.text()?);
        findings.push(Finding { code, severity, params: r.pairs()? });
    }
    let details = r.pairs()?;
    r.0.is_empty().then_some(Outcome { normalized, findings, details })
}

/// The typed context for the other module, every member as it is (not its wire form, which
/// would be parsed again).
pub fn encode_context(ctx: &Context) -> String {
    let mut w = Writer(String::with_capacity(64));
    let today = ctx.today.map(|d| d.to_string());
    w.opt_text(today.as_deref());
    match ctx.province {
        Some(p) => w.tag('+').num(p.0.into()),
        None => w.tag('-'),
    };
    w.opt_text(ctx.provider);
    match &ctx.certificate_type {
        None => w.tag('-'),
        Some(CertificateType::Field(f)) => w.tag('f').text(f),
        Some(CertificateType::Unknown(s)) => w.tag('u').text(s),
    };
    match &ctx.platform {
        None => w.tag('-'),
        Some(Platform::Android) => w.tag('a'),
        Some(Platform::Ios) => w.tag('i'),
        Some(Platform::Harmony) => w.tag('h'),
        Some(Platform::Other) => w.tag('o'),
        Some(Platform::Unknown(s)) => w.tag('u').text(s),
    };
    w.opt_text(ctx.entity_type.map(EntityType::id));
    match ctx.national_document {
        None => w.tag('-'),
        Some(b) => w.tag(if b { 'B' } else { 'b' }),
    };
    w.opt_text(ctx.province_unrecognised.as_deref()).num(ctx.malformed.len() as i64);
    for (k, v) in &ctx.malformed {
        w.text(k).text(v);
    }
    w.0
}

/// The context [`encode_context`] wrote; `None` when the text is not of that form or names a
/// provider, field, entity type or context key this build does not know.
pub fn decode_context(text: &str) -> Option<Context> {
    let mut r = Reader(text);
    let mut ctx = Context { today: r.opt_text()?.map(|d| Date::parse(d)).map(|d| d.ok_or(())).transpose().ok()?, ..Context::default() };
    ctx.province = match r.tag()? {
        '+' => Some(ProvinceCode(u8::try_from(r.num()?).ok()?)),
        '-' => None,
        _ => return None,
    };
    ctx.provider = match r.opt_text()? {
        Some(id) => Some(crate::providers::find(id)?.id),
        None => None,
    };
    ctx.certificate_type = match r.tag()? {
        '-' => None,
        'f' => Some(CertificateType::Field(super::find(r.text()?)?.id)),
        'u' => Some(CertificateType::Unknown(r.text()?.to_owned())),
        _ => return None,
    };
    ctx.platform = match r.tag()? {
        '-' => None,
        'a' => Some(Platform::Android),
        'i' => Some(Platform::Ios),
        'h' => Some(Platform::Harmony),
        'o' => Some(Platform::Other),
        'u' => Some(Platform::Unknown(r.text()?.to_owned())),
        _ => return None,
    };
    ctx.entity_type = match r.opt_text()? {
        Some(id) => Some(EntityType::ALL.into_iter().find(|e| e.id() == id)?),
        None => None,
    };
    ctx.national_document = match r.tag()? {
        '-' => None,
        'B' => Some(true),
        'b' => Some(false),
        _ => return None,
    };
    ctx.province_unrecognised = r.opt_text()?.map(str::to_owned);
    const KEYS: [&str; 8] = ["today", "province", "provider", "type", "platform", "entity_type", "national_document", "context"];
    for _ in 0..r.count()? {
        let key = r.text()?;
        let key = KEYS.into_iter().find(|k| *k == key)?;
        ctx.malformed.push((key, r.text()?.to_owned()));
    }
    r.0.is_empty().then_some(ctx)
}

/// In the filing module, `check_field` asks the field module, passed to `filingResult` by the
/// package's JS; no field rule is linked into the filing module.
#[cfg(all(target_arch = "wasm32", feature = "filing-module"))]
mod remote {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        /// The field module's exports (its `fieldOutcome`).
        pub type FieldModule;
        #[wasm_bindgen(method, js_name = fieldOutcome)]
        fn field_outcome(this: &FieldModule, field: &str, value: &str, context: &str) -> String;
        #[wasm_bindgen(method, js_name = phoneLine)]
        fn phone_line(this: &FieldModule, value: &str) -> Option<String>;
    }

    thread_local!(static FIELDS: std::cell::RefCell<Option<FieldModule>> = const { std::cell::RefCell::new(None) });

    /// Runs `f` with `fields` answering [`check_field`].
    pub fn with_field_module<T>(fields: FieldModule, f: impl FnOnce() -> T) -> T {
        FIELDS.with(|m| *m.borrow_mut() = Some(fields));
        let out = f();
        FIELDS.with(|m| *m.borrow_mut() = None);
        out
    }

    pub fn check_field(field: &str, value: &str, ctx: &crate::context::Context) -> crate::outcome::Outcome {
        let text = FIELDS.with(|m| m.borrow().as_ref().expect("filingResult got the field module").field_outcome(field, value, &super::encode_context(ctx)));
        // Both modules come from one build (tools/build-pkg.sh), so the form always matches.
        super::decode_outcome(&text).expect("the field module's outcome")
    }

    /// `crate::rules::phone::same_number`, answered by the field module's phone parser.
    pub fn same_number(a: &str, b: &str) -> bool {
        let line = |v: &str| FIELDS.with(|m| m.borrow().as_ref().expect("filingResult got the field module").phone_line(v));
        matches!((line(a), line(b)), (Some(x), Some(y)) if x == y)
    }
}
#[cfg(all(target_arch = "wasm32", feature = "filing-module"))]
pub use remote::{check_field, same_number, with_field_module, FieldModule};
