//! What a rule produces (`Outcome`, locale-free) and what callers receive (`FieldResult`,
//! rendered in one locale by the registry).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::message::{Code, Severity, Value};

/// One problem found by a rule, before rendering.
#[derive(Debug, Clone)]
pub struct Finding {
    /// What was found.
    pub code: &'static Code,
    /// Error or warning.
    pub severity: Severity,
    /// The message's parameters, typed, in the order attached.
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
    /// The canonical form to file, when the rule has one.
    pub normalized: Option<String>,
    /// Everything the rule found, in order.
    pub findings: Vec<Finding>,
    /// Facts the rule read from the value (birth date, province, A-label).
    pub details: Vec<(&'static str, Value)>,
}

impl Outcome {
    /// Adds an error finding.
    pub fn error(&mut self, code: &'static Code) -> &mut Finding {
        self.push(code, Severity::Error)
    }

    /// Adds a warning finding.
    pub fn warn(&mut self, code: &'static Code) -> &mut Finding {
        self.push(code, Severity::Warning)
    }

    /// Adds a finding of `severity`.
    pub fn push(&mut self, code: &'static Code, severity: Severity) -> &mut Finding {
        self.findings.push(Finding { code, severity, params: Vec::new() });
        self.findings.last_mut().expect("just pushed")
    }

    /// Sets a detail, replacing an earlier value under the same key; one another check reads
    /// back is named by its [`DetailKey`]'s `name()`.
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

    /// Whether a finding is an error.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Whether a finding has the code `id`.
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
    /// Every key, for readers that resolve a key by its name.
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
    /// Stable code (`resident_id.checksum`).
    pub code: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// The message, in the requested locale.
    pub message: String,
    /// The message's parameters, typed (a province as its code, an excerpt as typed).
    pub params: BTreeMap<&'static str, Value>,
}

/// The answer for one field value, identical natively, in Node and in the browser.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldResult {
    /// The field id asked for.
    pub field: String,
    /// No error-severity finding (warnings allowed).
    pub valid: bool,
    /// The canonical form to file, present only when `valid`.
    pub normalized: Option<String>,
    /// What must be fixed.
    pub errors: Vec<Issue>,
    /// What is worth a look.
    pub warnings: Vec<Issue>,
    /// Facts read from the value (birth date, province, A-label), by name.
    pub details: BTreeMap<&'static str, Value>,
}

impl FieldResult {
    /// All codes, errors first, in the order found.
    pub fn codes(&self) -> Vec<&'static str> {
        self.errors.iter().chain(&self.warnings).map(|i| i.code).collect()
    }
}

/// The public params (and details) map, defined once: each key once, with its last value,
/// in key order. Answers the indices of the pairs kept, in that order, so that a writer can
/// put the map out without building it (the wasm modules' JSON, crates/wasm/src/wasm.rs) and
/// [`to_map`] builds it from the same choice.
///
/// Picks the next key in order by a scan per key rather than sorting: a finding has a handful
/// of params, and a sort put its own instance (several KB) into each wasm module.
pub fn public_order(pairs: &[(&'static str, Value)]) -> Vec<usize> {
    let mut order = Vec::new();
    let mut previous: Option<&str> = None;
    loop {
        let mut next: Option<usize> = None;
        for (i, (k, _)) in pairs.iter().enumerate() {
            // `<=`: of equal keys the later pair wins.
            if previous.is_none_or(|p| *k > p) && next.is_none_or(|n| *k <= pairs[n].0) {
                next = Some(i);
            }
        }
        let Some(i) = next else { return order };
        previous = Some(pairs[i].0);
        order.push(i);
    }
}

/// The public map form of a key list ([`public_order`]). Inserts one by one: `collect()`
/// into a BTreeMap sorts first, which put a stable-sort instance (3 KB) into the wasm for a
/// handful of keys.
pub fn to_map(pairs: Vec<(&'static str, Value)>) -> BTreeMap<&'static str, Value> {
    let order = public_order(&pairs);
    let mut slots: Vec<Option<(&'static str, Value)>> = pairs.into_iter().map(Some).collect();
    let mut map = BTreeMap::new();
    for i in order {
        if let Some((k, v)) = slots[i].take() {
            map.insert(k, v);
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_map_keeps_each_keys_last_value_in_key_order() {
        let pairs = vec![("b", Value::Int(1)), ("a", Value::Int(2)), ("b", Value::Int(3)), ("c", Value::Int(4))];
        assert_eq!(public_order(&pairs), [1, 2, 3]);
        assert_eq!(public_order(&[]), [] as [usize; 0]);
        assert_eq!(public_order(&[("k", Value::Int(1)), ("k", Value::Int(2))]), [1]);
        let map = to_map(pairs);
        assert_eq!(map.into_iter().collect::<Vec<_>>(), [("a", Value::Int(2)), ("b", Value::Int(3)), ("c", Value::Int(4))]);
    }
}
