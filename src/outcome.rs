//! What a rule produces (`Outcome`, locale-free) and what callers receive (`FieldResult`,
//! rendered in one locale by the registry).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::message::{Code, Severity, Value};

/// One problem found by a rule, before rendering.
#[derive(Debug, Clone)]
pub struct Finding {
    pub code: &'static Code,
    pub severity: Severity,
    pub params: Vec<(&'static str, Value)>,
}

impl Finding {
    /// Attaches an excerpt of the user's input as a parameter: shown as typed in every locale.
    pub fn input(&mut self, name: &'static str, value: impl Into<String>) -> &mut Self {
        self.params.push((name, Value::Input(value.into().into_boxed_str())));
        self
    }

    /// Attaches a message parameter (shown in the message and returned in `params`).
    pub fn param(&mut self, name: &'static str, value: impl Into<Value>) -> &mut Self {
        self.params.push((name, value.into()));
        self
    }
}

/// A rule's answer for one value: the normalised form, findings and extra details
/// (e.g. birth date, province, A-label). Locale-free, so it can be rendered in any locale
/// or inspected by the filing-level rules.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub normalized: Option<String>,
    pub findings: Vec<Finding>,
    pub details: Vec<(&'static str, Value)>,
}

impl Outcome {
    pub fn error(&mut self, code: &'static Code) -> &mut Finding {
        self.push(code, Severity::Error)
    }

    pub fn warn(&mut self, code: &'static Code) -> &mut Finding {
        self.push(code, Severity::Warning)
    }

    pub fn push(&mut self, code: &'static Code, severity: Severity) -> &mut Finding {
        self.findings.push(Finding { code, severity, params: Vec::new() });
        self.findings.last_mut().expect("just pushed")
    }

    /// Sets a detail; one another check reads back is named by its [`DetailKey`]'s `name()`.
    pub fn detail(&mut self, key: &'static str, value: impl Into<Value>) {
        let value = value.into();
        match self.details.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.details.push((key, value)),
        }
    }

    /// A detail another check reads back.
    pub fn detail_value(&self, key: DetailKey) -> Option<&Value> {
        self.details.iter().find(|(k, _)| *k == key.name()).map(|(_, v)| v)
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn has_code(&self, id: &str) -> bool {
        self.findings.iter().any(|f| f.code.id == id)
    }
}

/// A detail of a field's outcome that another check reads back: written by the field rule
/// under this key and read by the filing check (asked for by the walk, `filing::walk::Slot`;
/// read by the cross-field rules and the checklist) or the APP-file check. Typed, so the
/// writer and its readers cannot spell it two ways: only the constants below exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailKey(&'static str);

impl DetailKey {
    /// `business_license`: which number the licence is, `uscc` or `business_reg_no`.
    pub const KIND: DetailKey = DetailKey("kind");
    /// `icp_record_number`: the issuing province's name.
    pub const PROVINCE: DetailKey = DetailKey("province");
    /// `icp_record_number` of a service: the service type its suffix names.
    pub const SERVICE_TYPE: DetailKey = DetailKey("service_type");
    /// `domain`, `app_domain`: the registrable domain, in A-labels.
    pub const REGISTRABLE_DOMAIN: DetailKey = DetailKey("registrable_domain");
    /// `domain`, `app_domain`: the registrable domain, in Unicode.
    pub const REGISTRABLE_DOMAIN_UNICODE: DetailKey = DetailKey("registrable_domain_unicode");
    /// `mobile`, `phone`: the extension typed after the number.
    pub const EXTENSION: DetailKey = DetailKey("extension");
    /// `public_key`: the form the key was typed in (`modulus_hex`, ...), read by the APP-file check.
    pub const FORM: DetailKey = DetailKey("form");
    pub const ALL: [DetailKey; 7] = [Self::KIND, Self::PROVINCE, Self::SERVICE_TYPE, Self::REGISTRABLE_DOMAIN, Self::REGISTRABLE_DOMAIN_UNICODE, Self::EXTENSION, Self::FORM];

    /// The key as callers see it in `details`.
    pub const fn name(self) -> &'static str {
        self.0
    }

    /// The key named `name`, if a check reads one of that name.
    pub fn from_name(name: &str) -> Option<DetailKey> {
        DetailKey::ALL.into_iter().find(|k| k.0 == name)
    }
}

/// A rendered finding: stable `code`, `message` in the requested locale, `params` for
/// callers that build their own wording.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Issue {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub params: BTreeMap<&'static str, Value>,
}

/// The answer for one field value, identical natively, in Node and in the browser.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldResult {
    pub field: String,
    /// No error-severity finding (warnings allowed).
    pub valid: bool,
    /// The canonical form to file, present only when `valid`.
    pub normalized: Option<String>,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub details: BTreeMap<&'static str, Value>,
}

impl FieldResult {
    /// All codes, errors first, in the order found.
    pub fn codes(&self) -> Vec<&'static str> {
        self.errors.iter().chain(&self.warnings).map(|i| i.code).collect()
    }
}

/// The public map form of a key list; a repeated key keeps its last value. Inserts one by
/// one: `collect()` into a BTreeMap sorts first, which put a stable-sort instance (3 KB)
/// into the wasm for a handful of keys.
pub fn to_map(pairs: Vec<(&'static str, Value)>) -> BTreeMap<&'static str, Value> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

