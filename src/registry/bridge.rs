//! The wire between the two wasm modules of the npm package: the filing module runs no field
//! rule itself but asks the field module through JS, sending the typed contexts and receiving
//! the outcomes in a compact text form. A filing asks everything at once ([`answer`]: one
//! `fieldOutcomes` call of the field module, crates/wasm/src/wasm.rs, with every field rule of the filing
//! and every phone line the cross-field rules compare); `fieldOutcome` answers one field. Both
//! directions round-trip exactly (src/internal_tests/bridge.rs), so the filing check answers as it does
//! natively, where [`answer`] runs the rules in a loop.
//!
//! The form is a token list: text as `<byte length>:<bytes>` (no escaping, no JSON parser in
//! either module), numbers as `<digits>;`, tags as single ASCII letters. Kept for bytes: a JSON
//! form would need a JSON reader in both modules, and serde_json alone costs the field module
//! +23,552 B and the filing module +28,253 B gzipped (measured 2026-12-07 as the context and
//! filing readers' alternatives, src/registry/context_wire.rs, src/filing/read.rs).
//!
//! What the answers name is resolved without allocating: providers against the profiles,
//! detail keys against [`DetailKey`]. Codes, terms and param keys, which the filing module has
//! no table of (it links no field rule), are allocated once per distinct id and kept for the
//! module's life, at most `MAX_IDS` of them: past that bound, or for an unknown provider or
//! detail, the answer is refused, so no text a caller passes makes the module grow unbounded.
//!
//! Both modules come from one build (tools/build-pkg.sh), so each reads what the other
//! writes. Should that ever not hold (modules of two versions mixed by a cache), nothing
//! panics: a text not of the form reads as `None`, the field module answers a batch it cannot
//! read with `!` and a reason, and the filing module's `filingResult` throws an `Error` that
//! says so instead of answering from outcomes it did not get.

use std::borrow::Cow;

use crate::context::{CertificateType, Context, EntityType, Platform};
use crate::date::Date;
use crate::message::{Code, Severity, Term, Value};
use crate::outcome::{DetailKey, Finding, Outcome};
use crate::province_code::ProvinceCode;

/// `n` in decimal digits, without `core::fmt` (its machinery is most of a short token's
/// cost): for this wire and the wasm results' JSON (crates/wasm/src/wasm.rs).
pub fn push_decimal(out: &mut String, mut n: u64) {
    let (mut digits, mut at) = ([0u8; 20], 20);
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[at..].iter().for_each(|&d| out.push(char::from(d)));
}

struct Writer(String);

impl Writer {
    fn tag(&mut self, t: char) -> &mut Self {
        self.0.push(t);
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.decimal(s.len() as i64);
        self.0.push(':');
        self.0.push_str(s);
        self
    }

    fn num(&mut self, n: i64) -> &mut Self {
        self.decimal(n);
        self.0.push(';');
        self
    }

    fn decimal(&mut self, n: i64) {
        if n < 0 {
            self.0.push('-');
        }
        push_decimal(&mut self.0, n.unsigned_abs());
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
    /// Every tag is one ASCII letter or sign; anything else is not of the form.
    fn tag(&mut self) -> Option<char> {
        let b = *self.0.as_bytes().first().filter(|b| b.is_ascii())?;
        self.0 = &self.0[1..];
        Some(char::from(b))
    }

    /// A decimal `i64` up to `end` (`;` or `:`, both ASCII, so the cuts are char boundaries):
    /// an optional `-` and 1 to 19 digits.
    fn decimal(&mut self, end: u8) -> Option<i64> {
        let bytes = self.0.as_bytes();
        let negative = bytes.first() == Some(&b'-');
        let digits = &bytes[negative as usize..];
        let len = digits.iter().position(|&b| !b.is_ascii_digit())?;
        if len == 0 || len > 19 || digits[len] != end {
            return None;
        }
        let n = digits[..len].iter().fold(0i128, |n, &d| n * 10 + i128::from(d - b'0'));
        let n = i64::try_from(if negative { -n } else { n }).ok()?;
        self.0 = &self.0[negative as usize + len + 1..];
        Some(n)
    }

    fn num(&mut self) -> Option<i64> {
        self.decimal(b';')
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = usize::try_from(self.decimal(b':')?).ok()?;
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
            'r' => Value::Provider(provider(self.text()?)?),
            't' => Value::Term(term(self.text()?)?),
            'L' => {
                let n = self.count()?;
                Value::InputList((0..n).map(|_| self.text().map(Into::into)).collect::<Option<Vec<Box<str>>>>()?.into())
            }
            'T' => {
                let n = self.count()?;
                Value::TermList((0..n).map(|_| self.text().and_then(term)).collect::<Option<Vec<_>>>()?.into())
            }
            _ => return None,
        })
    }

    /// Key-value pairs, each key resolved by `key`: a finding's params by [`intern`], an
    /// outcome's details by [`detail_key`].
    fn pairs(&mut self, key: fn(&str) -> Option<&'static str>) -> Option<Vec<(&'static str, Value)>> {
        let n = self.count()?;
        (0..n).map(|_| Some((key(self.text()?)?, self.value()?))).collect()
    }
}

/// A detail key of an answer: only the ones a check reads back ([`DetailKey`]).
fn detail_key(name: &str) -> Option<&'static str> {
    DetailKey::from_name(name).map(DetailKey::name)
}

/// A provider by its profile's id, as the field module names it; `None` for an id no profile
/// of this build has.
fn provider(id: &str) -> Option<&'static str> {
    crate::providers::find(id).map(|p| p.id).filter(|p| *p == id)
}

/// At most this many distinct ids are interned, each at most [`MAX_ID_BYTES`] long: the ids
/// of one build are a few hundred short ones, so the interned set stays bounded whatever text
/// a caller passes as the field module's answers (more reads as an unreadable answer).
const MAX_IDS: usize = 2048;
const MAX_ID_BYTES: usize = 64;

/// The ids the outcomes of the other module name (codes, terms, param keys) as `'static`
/// items, which the filing module has no table of (it links no field rule): each distinct id
/// is allocated once and kept for the module's life, within [`MAX_IDS`] and [`MAX_ID_BYTES`];
/// `None` past them.
fn intern(s: &str) -> Option<&'static str> {
    thread_local!(static IDS: std::cell::RefCell<Vec<&'static str>> = const { std::cell::RefCell::new(Vec::new()) });
    if s.len() > MAX_ID_BYTES {
        return None;
    }
    IDS.with(|ids| {
        let mut ids = ids.borrow_mut();
        match ids.iter().find(|i| **i == s) {
            Some(i) => Some(*i),
            None if ids.len() >= MAX_IDS => None,
            None => {
                let kept: &'static str = Box::leak(s.to_owned().into_boxed_str());
                ids.push(kept);
                Some(kept)
            }
        }
    })
}

/// The one item of id `id` in `items`, made by `make` the first time, within [`intern`]'s bounds
/// (one item per interned id).
fn by_id<T>(items: &'static std::thread::LocalKey<std::cell::RefCell<Vec<&'static T>>>, id: &str, id_of: fn(&T) -> &'static str, make: fn(&'static str) -> T) -> Option<&'static T> {
    let id = intern(id)?;
    Some(items.with(|items| {
        let mut items = items.borrow_mut();
        match items.iter().find(|t| std::ptr::eq(id_of(t), id)) {
            Some(t) => *t,
            None => {
                let kept: &'static T = Box::leak(Box::new(make(id)));
                items.push(kept);
                kept
            }
        }
    }))
}

/// A code by id alone: the filing module words nothing, it passes codes through to JS.
fn code(id: &str) -> Option<&'static Code> {
    thread_local!(static CODES: std::cell::RefCell<Vec<&'static Code>> = const { std::cell::RefCell::new(Vec::new()) });
    by_id(&CODES, id, |c| c.id, |id| Code { id, zh: "", en: "" })
}

/// A term by id alone, as [`code`].
fn term(id: &str) -> Option<&'static Term> {
    thread_local!(static TERMS: std::cell::RefCell<Vec<&'static Term>> = const { std::cell::RefCell::new(Vec::new()) });
    by_id(&TERMS, id, |t| t.id, |id| Term { id, zh: "", en: "" })
}

impl Writer {
    fn outcome(&mut self, out: &Outcome) -> &mut Self {
        self.opt_text(out.normalized.as_deref()).num(out.findings.len() as i64);
        for f in &out.findings {
            self.tag(if f.severity == Severity::Error { 'E' } else { 'W' }).text(f.code.id).pairs(&f.params);
        }
        self.pairs(&out.details);
        self
    }

    /// A date as the text `Date::parse` reads (`2026-11-23`), written digit by digit.
    fn date(&mut self, d: Date) -> &mut Self {
        match d.digits() {
            Some(text) => self.text(std::str::from_utf8(&text).unwrap_or_default()),
            None => self.text(&d.to_string()),
        }
    }

    fn context(&mut self, ctx: &Context) -> &mut Self {
        match ctx.today {
            Some(d) => self.tag('+').date(d),
            None => self.tag('-'),
        };
        match ctx.province {
            Some(p) => self.tag('+').num(p.0.into()),
            None => self.tag('-'),
        };
        self.opt_text(ctx.provider.map(crate::context::Provider::as_str));
        match &ctx.certificate_type {
            None => self.tag('-'),
            Some(CertificateType::Field(f)) => self.tag('f').text(f),
            Some(CertificateType::Unknown(s)) => self.tag('u').text(s),
        };
        match &ctx.platform {
            None => self.tag('-'),
            Some(Platform::Android) => self.tag('a'),
            Some(Platform::Ios) => self.tag('i'),
            Some(Platform::Harmony) => self.tag('h'),
            Some(Platform::Other) => self.tag('o'),
            Some(Platform::Unknown(s)) => self.tag('u').text(s),
        };
        self.opt_text(ctx.entity_type.map(EntityType::id));
        match ctx.national_document {
            None => self.tag('-'),
            Some(b) => self.tag(if b { 'B' } else { 'b' }),
        };
        self.opt_text(ctx.province_unrecognised.as_deref()).num(ctx.malformed.len() as i64);
        for (k, v) in &ctx.malformed {
            self.text(k).text(v);
        }
        self
    }
}

impl<'a> Reader<'a> {
    fn outcome(&mut self) -> Option<Outcome> {
        let normalized = self.opt_text()?.map(str::to_owned);
        let n = self.count()?;
        let mut findings = Vec::with_capacity(n);
        for _ in 0..n {
            let severity = match self.tag()? {
                'E' => Severity::Error,
                'W' => Severity::Warning,
                _ => return None,
            };
            let code = code(self.text()?)?;
            findings.push(Finding { code, severity, params: self.pairs(intern)? });
        }
        let details = self.pairs(detail_key)?;
        Some(Outcome { normalized, findings, details })
    }

    fn context(&mut self) -> Option<Context> {
        let r = self;
        let mut ctx = Context { today: r.opt_text()?.map(|d| Date::parse(d)).map(|d| d.ok_or(())).transpose().ok()?, ..Context::default() };
        ctx.province = match r.tag()? {
            '+' => Some(ProvinceCode(u8::try_from(r.num()?).ok()?)),
            '-' => None,
            _ => return None,
        };
        ctx.provider = match r.opt_text()? {
            Some(id) => Some(crate::context::Provider::find(id)?),
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
        Some(ctx)
    }

    /// The whole text read: what was read, else `None`.
    fn end<T>(&self, t: T) -> Option<T> {
        self.0.is_empty().then_some(t)
    }
}

/// An outcome for the other module: normalized form, findings in the order found, details.
#[cfg(test)]
pub fn encode_outcome(out: &Outcome) -> String {
    let mut w = Writer(String::with_capacity(128));
    w.outcome(out);
    w.0
}

/// The outcome [`encode_outcome`] wrote; `None` when the text is not of that form.
#[cfg(test)]
pub fn decode_outcome(text: &str) -> Option<Outcome> {
    let mut r = Reader(text);
    let out = r.outcome()?;
    r.end(out)
}

/// The typed context for the other module, every member as it is (not its wire form, which
/// would be parsed again).
#[cfg(test)]
pub fn encode_context(ctx: &Context) -> String {
    let mut w = Writer(String::with_capacity(64));
    w.context(ctx);
    w.0
}

/// The context [`encode_context`] wrote; `None` when the text is not of that form or names a
/// provider, field, entity type or context key this build does not know.
#[cfg(test)]
pub fn decode_context(text: &str) -> Option<Context> {
    let mut r = Reader(text);
    let ctx = r.context()?;
    r.end(ctx)
}

/// One field rule to run: its field id, the value as typed, its context as an index into the
/// batch's [`Batch::contexts`], and the names of the outcome's details that are wanted, each a
/// [`DetailKey`]'s (a
/// filing reads a few details of the outcomes it keeps and none of the others; the rest is
/// answered without, which keeps the wire short).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRequest<'a> {
    pub field: &'a str,
    pub value: &'a str,
    pub context: usize,
    pub details: Vec<&'a str>,
}

/// Everything a whole filing asks of the field rules, asked at once: each distinct context,
/// each distinct field request and each distinct phone value once (a filing often repeats a
/// person in charge; a rule's outcome depends on nothing but its field, value and context),
/// the phone values being those whose line (`rules::phone::normalized_phone`) the cross-field
/// rules compare.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Batch<'a> {
    /// Each distinct context, once.
    pub contexts: Vec<Context>,
    /// Each distinct field request, once.
    pub fields: Vec<FieldRequest<'a>>,
    /// Each distinct phone value whose line is asked for, once.
    pub phones: Vec<&'a str>,
}

impl<'a> Batch<'a> {
    /// Asks for `field` on `value` under `ctx`, with the details named in `details`; its
    /// outcome is `Answers::outcomes[index]`, the same index for the same request.
    pub fn field(&mut self, field: &'a str, value: &'a str, ctx: &Context, details: &[&'a str]) -> usize {
        let context = match self.contexts.iter().position(|c| c == ctx) {
            Some(i) => i,
            None => {
                self.contexts.push(ctx.clone());
                self.contexts.len() - 1
            }
        };
        let same = |f: &FieldRequest| f.context == context && f.field == field && f.value == value && f.details == details;
        self.fields.iter().position(same).unwrap_or_else(|| {
            self.fields.push(FieldRequest { field, value, context, details: details.to_vec() });
            self.fields.len() - 1
        })
    }

    /// Asks for the phone line of `value`; it is `Answers::phone_lines[index]`, the same index
    /// for the same value.
    pub fn phone(&mut self, value: &'a str) -> usize {
        self.phones.iter().position(|p| *p == value).unwrap_or_else(|| {
            self.phones.push(value);
            self.phones.len() - 1
        })
    }
}

/// The answers to a [`Batch`], in its order: one outcome per field request (with the details
/// asked for alone), one phone line (`None`: not a valid phone number) per phone value.
#[derive(Debug, Default)]
pub struct Answers {
    /// One outcome per field request, in the batch's order.
    pub outcomes: Vec<Outcome>,
    /// One phone line per phone value (`None`: not a valid phone number).
    pub phone_lines: Vec<Option<String>>,
}

/// The batch for the field module: the contexts, then the field requests (context index,
/// the detail keys wanted, field, value), then the phone values.
pub fn encode_batch(batch: &Batch) -> String {
    let mut w = Writer(String::with_capacity(64 * batch.contexts.len() + 48 * batch.fields.len() + 24 * batch.phones.len()));
    w.num(batch.contexts.len() as i64);
    for c in &batch.contexts {
        w.context(c);
    }
    w.num(batch.fields.len() as i64);
    for f in &batch.fields {
        w.num(f.context as i64).num(f.details.len() as i64);
        for k in &f.details {
            w.text(k);
        }
        w.text(f.field).text(f.value);
    }
    w.num(batch.phones.len() as i64);
    for p in &batch.phones {
        w.text(p);
    }
    w.0
}

/// The batch [`encode_batch`] wrote, borrowing its texts; `None` when the text is not of that
/// form or a request names a context the batch does not have.
pub fn decode_batch(text: &str) -> Option<Batch<'_>> {
    let mut r = Reader(text);
    let n = r.count()?;
    let contexts = (0..n).map(|_| r.context()).collect::<Option<Vec<_>>>()?;
    let n = r.count()?;
    let fields = (0..n)
        .map(|_| {
            let context = usize::try_from(r.num()?).ok().filter(|&i| i < contexts.len())?;
            let n = r.count()?;
            let details = (0..n).map(|_| r.text()).collect::<Option<Vec<_>>>()?;
            Some(FieldRequest { field: r.text()?, value: r.text()?, context, details })
        })
        .collect::<Option<Vec<_>>>()?;
    let n = r.count()?;
    let phones = (0..n).map(|_| r.text()).collect::<Option<Vec<_>>>()?;
    r.end(Batch { contexts, fields, phones })
}

/// The answers for the filing module: the outcomes, then the phone lines.
pub fn encode_answers(answers: &Answers) -> String {
    let mut w = Writer(String::with_capacity(64 * answers.outcomes.len() + 16));
    w.num(answers.outcomes.len() as i64);
    for o in &answers.outcomes {
        w.outcome(o);
    }
    w.num(answers.phone_lines.len() as i64);
    for l in &answers.phone_lines {
        w.opt_text(l.as_deref());
    }
    w.0
}

/// The answers [`encode_answers`] wrote to `batch`; `None` when the text is not of that form
/// or does not answer every request of `batch` (a field module's `!` refusal included).
pub fn decode_answers(text: &str, batch: &Batch) -> Option<Answers> {
    let mut r = Reader(text);
    let n = r.count().filter(|&n| n == batch.fields.len())?;
    let mut answers = Answers { outcomes: Vec::with_capacity(n), phone_lines: Vec::with_capacity(batch.phones.len()) };
    for _ in 0..n {
        answers.outcomes.push(r.outcome()?);
    }
    for _ in 0..r.count().filter(|&n| n == batch.phones.len())? {
        answers.phone_lines.push(r.opt_text()?.map(str::to_owned));
    }
    r.end(answers)
}

/// Answers a batch with the rules linked here (every field through `check_field`).
#[cfg(feature = "local-field-answers")]
pub fn answer_here(batch: &Batch) -> Answers {
    answer_with(batch, super::check_field)
}

fn answer_with(batch: &Batch, check: fn(&str, &str, &Context) -> Outcome) -> Answers {
    Answers {
        outcomes: batch
            .fields
            .iter()
            .map(|f| {
                let mut out = check(f.field, f.value, &batch.contexts[f.context]);
                out.details.retain(|(k, _)| f.details.contains(k));
                out
            })
            .collect(),
        phone_lines: batch.phones.iter().map(|p| crate::rules::phone::normalized_phone(p)).collect(),
    }
}

/// The field module's `fieldOutcomes`: a batch's text in, its answers' text out; a text that
/// is not a batch is answered `!` and why, which no filing module reads as answers. The shell
/// reads `take_missed` after it (a name that needed UTS 46 before it was installed).
pub fn answer_text(text: &str) -> String {
    match decode_batch(text) {
        Some(batch) => encode_answers(&answer_with(&batch, super::check_field_unguarded)),
        None => format!("!not a batch of this build's bridge form ({} bytes)", text.len()),
    }
}

/// [`answer_text`] on the texts' UTF-8 bytes, as they cross between the modules.
pub fn answer_bytes(bytes: &[u8]) -> Vec<u8> {
    match std::str::from_utf8(bytes) {
        Ok(text) => answer_text(text).into_bytes(),
        Err(_) => b"!not UTF-8".to_vec(),
    }
}

/// Who answers a filing's batch instead of the rules linked here: the npm package's filing
/// module installs one that asks the field module through JS (crates/wasm), so no field rule
/// is linked into it.
pub type Answerer = fn(&Batch) -> Answers;

thread_local! {
    static ANSWERER: std::cell::Cell<Option<Answerer>> = const { std::cell::Cell::new(None) };
    static UNANSWERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs (or with `None` removes) the answerer of every filing's batch on this thread.
pub fn install_answerer(answerer: Option<Answerer>) {
    ANSWERER.with(|a| a.set(answerer));
}

/// Every field rule and phone line a filing asks for, answered in order: by the installed
/// answerer, else by the rules themselves (feature `local-field-answers`).
pub fn answer(batch: &Batch) -> Answers {
    match ANSWERER.with(|a| a.get()) {
        Some(answerer) => answerer(batch),
        None => local(batch),
    }
}

#[cfg(feature = "local-field-answers")]
fn local(batch: &Batch) -> Answers {
    answer_here(batch)
}

/// No rules to answer with and no answerer: every outcome empty, and recorded
/// ([`take_unanswered`]) so that no report resting on them is taken for a verdict.
#[cfg(not(feature = "local-field-answers"))]
fn local(batch: &Batch) -> Answers {
    UNANSWERED.with(|u| u.set(true));
    let mut empty = Answers::default();
    empty.outcomes.resize_with(batch.fields.len(), Default::default);
    empty.phone_lines.resize_with(batch.phones.len(), Default::default);
    empty
}

/// Whether a batch went unanswered since the last call (no `local-field-answers` and no
/// answerer installed); clears the record.
pub fn take_unanswered() -> bool {
    UNANSWERED.with(|u| u.replace(false))
}

#[cfg(not(feature = "local-field-answers"))]
#[cfg(test)]
mod unanswered_tests {
    use super::*;

    /// Without local answers or an answerer a filing's batch is recorded as unanswered, so no
    /// report resting on the empty outcomes passes for a verdict; an installed answerer answers.
    #[test]
    fn a_batch_without_an_answerer_is_recorded() {
        let json = include_str!("../../examples/filings/website.json");
        take_unanswered();
        let _ = crate::filing::validate_filing_json(json, &crate::filing::Options::default());
        assert!(take_unanswered());
        fn nobody(batch: &Batch) -> Answers {
            let mut empty = Answers::default();
            empty.outcomes.resize_with(batch.fields.len(), Default::default);
            empty.phone_lines.resize_with(batch.phones.len(), Default::default);
            empty
        }
        install_answerer(Some(nobody));
        let _ = crate::filing::validate_filing_json(json, &crate::filing::Options::default());
        install_answerer(None);
        assert!(!take_unanswered());
    }
}
