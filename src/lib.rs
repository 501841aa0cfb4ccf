//! # icp-validate
//!
//! Validation rules for Chinese ICP filing (ICP备案) forms. The same pure-Rust rules run
//! natively (servers, the `icp-validate` CLI) and in the browser or Node through the wasm
//! bindings, so instant feedback and the server's final check always agree.
//!
//! ```
//! use icp_validate::{validate_field, Context, Locale};
//!
//! let r = validate_field("resident_id", "11010519491231002x", &Context::default(), Locale::En);
//! assert!(r.valid);
//! assert_eq!(r.normalized.as_deref(), Some("11010519491231002X"));
//!
//! let r = validate_field("resident_id", "110105194912310021", &Context::default(), Locale::En);
//! assert_eq!(r.codes(), ["resident_id.checksum"]);
//! ```

pub mod attachment;
mod case_table;
pub mod checksum;
pub mod context;
pub mod date;
pub mod docs;
pub mod filing;
pub mod input;
pub mod message;
pub mod outcome;
pub mod profile;
pub mod region;
pub mod registry;
pub mod rules;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::Serialize;

pub use context::Context;
pub use filing::{validate_filing, Filing, Options, Report};
pub use filing::validate_filing_json;
pub use date::Date;
pub use message::{Code, Locale, Severity, Value};
pub use outcome::{FieldResult, Issue, Outcome};

/// Runs one field rule and returns its locale-free outcome (what filing-level rules use).
pub fn check_field(field: &str, value: &str, ctx: &Context) -> Outcome {
    check_rule(registry::find(field), field, value, ctx)
}

fn check_rule(rule: Option<&registry::Rule>, field: &str, value: &str, ctx: &Context) -> Outcome {
    let mut out = Outcome::default();
    let Some(rule) = rule else {
        out.error(&input::UNKNOWN_FIELD).param("field", input::excerpt(field, 40));
        return out;
    };
    if input::screen(value, rule.max_bytes, rule.multiline, &mut out) {
        (rule.check)(value, ctx, &mut out);
    }
    out
}

/// Validates one field value and renders the answer in `locale`.
pub fn validate_field(field: &str, value: &str, ctx: &Context, locale: Locale) -> FieldResult {
    let rule = registry::find(field);
    let rendered_field = if rule.is_some() { field.to_owned() } else { input::excerpt(field, 40) };
    check_rule(rule, field, value, ctx).render(&rendered_field, locale)
}

/// A field the registry knows, as listed by `listFields()` and `icp-validate fields`.
#[derive(Debug, Clone, Serialize)]
pub struct FieldInfo {
    pub id: &'static str,
    pub family: &'static str,
    pub label: &'static str,
    pub codes: Vec<&'static str>,
}

/// The fields the registry knows, labelled in `locale`.
pub fn list_fields(locale: Locale) -> Vec<FieldInfo> {
    registry::rules()
        .map(|r| FieldInfo {
            id: r.id,
            family: r.family,
            label: locale.pick(r.label_zh, r.label_en),
            codes: r.codes.iter().map(|c| c.id).collect(),
        })
        .collect()
}
