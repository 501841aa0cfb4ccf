//! The rule registry: every field id the CLI, JS and Rust APIs accept, `check_field` that
//! runs one, and the list of every code the rules below it can return.

use serde::Serialize;

use crate::context::{CertificateType, Context};
use crate::message::{Code, Locale};
use crate::outcome::{FieldResult, Outcome};
pub use crate::rule::Rule;
use crate::message::text;

pub mod bridge;
pub mod context;
pub mod context_wire;
pub mod render;

pub use render::check_attachment;

/// Rule families in documentation order. A new module adds its `RULES` here.
static FAMILIES: &[&[Rule]] = &[
    crate::rules::resident_id::RULES,
    crate::rules::uscc::RULES,
    crate::rules::certificates::RULES,
    DISPATCH,
    crate::rules::names::RULES,
    crate::rules::validity::RULES,
    crate::rules::record_numbers::RULES,
    crate::rules::email::RULES,
    crate::rules::phone::RULES,
    crate::rules::domain::RULES,
    crate::rules::app::RULES,
    crate::rules::access::RULES,
];

/// Rules that run another registered rule: `certificate` checks a number by the rule of the
/// certificate type in `ctx.type`.
static DISPATCH: &[Rule] = &[Rule {
    id: "certificate",
    family: "identity",
    label_zh: text("证件号码（按证件类型）"),
    label_en: text("Certificate number (by certificate type)"),
    codes: crate::rules::certificates::CERT_CODES,
    max_bytes: crate::input::DEFAULT_MAX_BYTES,
    multiline: false,
    check: check_certificate,
}];

fn check_certificate(value: &str, ctx: &Context, out: &mut Outcome) {
    let field = match &ctx.certificate_type {
        None => {
            out.error(&crate::rules::certificates::CERT_TYPE_MISSING);
            return;
        }
        Some(CertificateType::Unknown(name)) => {
            out.error(&crate::rules::certificates::CERT_TYPE_UNKNOWN).input("type", crate::input::excerpt(name, 30));
            return;
        }
        Some(CertificateType::Field(field)) => *field,
    };
    out.detail("certificate_field", crate::message::Value::text(field));
    if let Some(rule) = find(field) {
        (rule.check)(value, ctx, out);
    }
}


/// All rules, in documentation order.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|family| family.iter())
}

/// The rule for a field id: binary search over an index sorted once (a linear scan of the
/// ~70 ids showed up in profiles of every call).
pub fn find(id: &str) -> Option<&'static Rule> {
    static INDEX: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        // Insertion into place: built once for ~70 ids, and the last user of slice::sort,
        // whose instance was 3 KB of the wasm.
        let mut v: Vec<&'static Rule> = Vec::new();
        for rule in rules() {
            let at = v.partition_point(|r| r.id < rule.id);
            v.insert(at, rule);
        }
        v
    });
    index.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| index[i])
}

/// Every code a field rule, the attachment checker, the documents checklist or a provider's
/// file can return (shared input codes first), each once. The filing layer adds its own
/// (`catalog::codes`).
pub fn all_codes() -> Vec<&'static Code> {
    let mut codes: Vec<&'static Code> = crate::input::CODES.to_vec();
    let from_rules = rules().flat_map(|r| r.codes.iter().copied());
    let others = crate::attachment::CODES.iter().chain(crate::appfile::CODES).chain(crate::documents::REASONS).copied().chain(crate::providers::PROVIDERS.iter().flat_map(|p| p.codes.iter().copied()));
    for code in from_rules.chain(others) {
        if !codes.iter().any(|c| c.id == code.id) {
            codes.push(code);
        }
    }
    codes
}

/// Runs one field rule and returns its locale-free outcome (what filing-level rules use):
/// codes with typed params, worded by no one yet. Without the `uts46` feature and an
/// installed provider, a value that needs UTS 46 is answered with `input.uts46_unavailable`
/// alone.
///
/// ```
/// use icp_validate::{check_field, Context};
///
/// let out = check_field("mobile", "1381234567", &Context::default());
/// assert!(out.has_errors());
/// assert_eq!(out.findings[0].code.id, "mobile.length");
/// ```
pub fn check_field(field: &str, value: &str, ctx: &Context) -> Outcome {
    uts46_guard(|| check_rule(find(field), field, value, ctx))
}

/// [`check_field`] as a shell that tells "UTS 46 not loaded yet" itself calls it (the npm
/// package's field module, `take_missed` after the call): without the guard.
pub fn check_field_unguarded(field: &str, value: &str, ctx: &Context) -> Outcome {
    check_rule(find(field), field, value, ctx)
}

/// A typed answer instead of a verdict resting on a refusal only because no UTS 46 answered;
/// the record of the miss is left for a shell to read.
#[cfg(not(feature = "uts46"))]
fn uts46_guard(check: impl FnOnce() -> Outcome) -> Outcome {
    crate::rules::idn::take_missed();
    let out = check();
    if !crate::rules::idn::take_missed() {
        return out;
    }
    crate::rules::idn::record_missed();
    let mut unavailable = Outcome::default();
    unavailable.error(&crate::input::UTS46_UNAVAILABLE);
    unavailable
}

#[cfg(feature = "uts46")]
#[inline(always)]
fn uts46_guard(check: impl FnOnce() -> Outcome) -> Outcome {
    check()
}

#[inline(always)]
fn check_rule(rule: Option<&Rule>, field: &str, value: &str, ctx: &Context) -> Outcome {
    let mut out = Outcome::default();
    let Some(rule) = rule else {
        out.error(&crate::input::UNKNOWN_FIELD).input("field", crate::input::excerpt(field, 40));
        return out;
    };
    if !ctx.malformed.is_empty() {
        for (key, value) in &ctx.malformed {
            out.error(&crate::input::CONTEXT_INVALID).param("key", *key).input("value", value.as_str());
        }
        return out;
    }
    if crate::input::screen(value, rule.max_bytes, rule.multiline, &mut out) {
        (rule.check)(value, ctx, &mut out);
    }
    out
}

/// Whether a value is valid for a field: exactly `validate_field(..).valid`, without building
/// a result (the keystroke-level and bulk path).
///
/// ```
/// use icp_validate::{is_valid, Context};
///
/// assert!(is_valid("resident_id", "11010519491231002X", &Context::default()));
/// assert!(!is_valid("resident_id", "110105194912310021", &Context::default()));
/// assert!(!is_valid("no_such_field", "x", &Context::default()));
/// ```
pub fn is_valid(field: &str, value: &str, ctx: &Context) -> bool {
    if !ctx.malformed.is_empty() {
        return false;
    }
    // A verdict function answers for the exact shapes it knows, which are short and clean, so
    // the registry's screening cannot disagree with a `true`; otherwise the full check decides.
    if let Ok(i) = VERDICTS.binary_search_by(|(id, _)| (*id).cmp(field)) {
        if let Some(v) = (VERDICTS[i].1)(value, ctx) {
            return v;
        }
    }
    let Some(rule) = find(field) else { return false };
    !check_rule(Some(rule), field, value, ctx).has_errors()
}

type Verdict = fn(&str, &Context) -> Option<bool>;

/// Allocation-free verdicts of the fields a keystroke or a bulk caller checks most, sorted by
/// id (tests/is_valid.rs: the same answer as the full check on every corpus value).
static VERDICTS: &[(&str, Verdict)] = &[
    ("domain", crate::rules::domain::domain_verdict),
    ("md5", crate::rules::app::md5_verdict),
    ("mobile", crate::rules::phone::mobile_verdict),
    ("resident_id", crate::rules::resident_id::verdict),
];

/// Validates one field value and renders the answer in `locale`. `field` is an id from
/// [`list_fields`]; an unknown id answers `field.unknown`, never a panic.
///
/// ```
/// use icp_validate::{validate_field, Context, Locale, ProvinceCode};
///
/// let ctx = Context { province: Some(ProvinceCode::BEIJING), ..Context::default() };
/// let r = validate_field("mobile", "138 1234 5678", &ctx, Locale::En);
/// assert!(r.valid);
/// assert_eq!(r.normalized.as_deref(), Some("13812345678"));
/// ```
pub fn validate_field(field: &str, value: &str, ctx: &Context, locale: Locale) -> FieldResult {
    let rule = find(field);
    let rendered_field = if rule.is_some() { field.to_owned() } else { crate::input::excerpt(field, 40) };
    render::field_result(uts46_guard(|| check_rule(rule, field, value, ctx)), &rendered_field, locale)
}

/// A field the registry knows, as listed by `list_fields`, `listFields()` and
/// `icp-validate fields`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldInfo {
    /// The field id `validate_field` takes.
    pub id: &'static str,
    /// The family the field belongs to (`identity`, `phone`, `domain`...).
    pub family: &'static str,
    /// The field's name, in the requested locale.
    pub label: &'static str,
    /// Every code the field's rule can return besides the shared ones (`catalog::shared_field_codes`).
    pub codes: Vec<&'static str>,
    /// As of when the generated tables behind the rules are ([`data_version`]).
    pub data_version: &'static str,
}

/// A generated table: what it holds, where its data comes from and as of when. Each
/// generator in `tools/` writes the source and date into the table's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DataSource {
    /// `mobile_blocks`, `mobile_provinces` (prefix -> province: libphonenumber's prefix-level
    /// answers decide, its block-level ones are unconfirmed), `area_codes`,
    /// `gb2260_divisions`, `provinces`, `public_suffix_list`,
    /// `approved_tlds`, `case_table`.
    pub table: &'static str,
    /// Where the data comes from, as its generator in `tools/` names it.
    pub source: &'static str,
    /// `YYYY-MM-DD` (or `YYYY-MM` where the source names only a month).
    pub date: &'static str,
}

/// Every generated table with its source and date.
///
/// ```
/// let tables: Vec<&str> = icp_validate::data_sources().iter().map(|d| d.table).collect();
/// assert!(tables.contains(&"gb2260_divisions"));
/// ```
pub fn data_sources() -> [DataSource; 8] {
    let d = |table, (source, date): (&'static str, &'static str)| DataSource { table, source, date };
    [
        d("mobile_blocks", crate::region::PHONE_DATA),
        d("mobile_provinces", crate::region::MOBILE_PROVINCES_DATA),
        d("area_codes", crate::region::PHONE_DATA),
        d("gb2260_divisions", crate::region::DIVISIONS_DATA),
        d("provinces", crate::region::PROVINCES_DATA),
        d("public_suffix_list", crate::rules::domain::PSL_DATA),
        d("approved_tlds", crate::rules::domain::TLD_DATA),
        d("case_table", (crate::case_table::SOURCE, crate::case_table::DATE)),
    ]
}

/// The data version: the newest date of any generated table.
///
/// ```
/// let newest = icp_validate::data_sources().iter().map(|d| d.date).max().unwrap();
/// assert_eq!(icp_validate::data_version(), newest);
/// ```
pub fn data_version() -> &'static str {
    data_sources().iter().map(|d| d.date).max().unwrap_or("")
}

/// The fields the registry knows, labelled in `locale`.
///
/// ```
/// use icp_validate::{list_fields, Locale};
///
/// let fields = list_fields(Locale::En);
/// let id = fields.iter().find(|f| f.id == "resident_id").unwrap();
/// assert!(id.codes.contains(&"resident_id.checksum"));
/// ```
pub fn list_fields(locale: Locale) -> Vec<FieldInfo> {
    rules()
        .map(|r| FieldInfo {
            id: r.id,
            family: r.family,
            label: locale.pick(r.label_zh, r.label_en),
            codes: r.codes.iter().map(|c| c.id).collect(),
            data_version: data_version(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn verdicts_are_sorted_and_name_registered_fields() {
        assert!(super::VERDICTS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(super::VERDICTS.iter().all(|(id, _)| super::find(id).is_some()));
    }
}
