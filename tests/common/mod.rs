//! The shared vector format, read by the native runner (`tests/vectors.rs`) and the wasm
//! runner (`crates/wasm/tests/wasm.rs`, Node and Chromium). One JSON file per rule module, named after
//! it: `tests/vectors/<path>.json` holds the vectors of the fields declared in
//! `src/rules/<path>` (`tests/vectors.rs` checks this):
//!
//! ```json
//! { "today": "2026-11-23",
//!   "vectors": [ { "field": "resident_id", "value": "11010519491231002X", "valid": true,
//!                  "normalized": "11010519491231002X", "codes": [],
//!                  "details": { "gender": "female" }, "context": { },
//!                  "source": "GB 11643-1999 Annex A" } ] }
//! ```
//! `codes` is the exact list of codes returned (errors first, then warnings, in order);
//! `details` is a subset that must match; `today` is the default `context.today` so the
//! vectors never depend on the clock.
#![allow(dead_code)]

use icp_validate::{validate_field, Context, FieldResult, Locale};
use serde_json::Value;

pub mod schema;

pub struct Vector {
    pub file: String,
    pub index: usize,
    pub field: String,
    pub value: String,
    pub context: Value,
    pub expected: Value,
}

pub fn parse_file(file: &str, text: &str) -> Vec<Vector> {
    let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{file}: {e}"));
    let today = doc.get("today").cloned();
    let vectors = doc["vectors"].as_array().unwrap_or_else(|| panic!("{file}: no \"vectors\" array"));
    vectors
        .iter()
        .enumerate()
        .map(|(index, v)| {
            let mut context = v.get("context").cloned().unwrap_or_else(|| serde_json::json!({}));
            if let (Some(today), Some(obj)) = (&today, context.as_object_mut()) {
                obj.entry("today").or_insert_with(|| today.clone());
            }
            Vector {
                file: file.to_owned(),
                index,
                field: v["field"].as_str().unwrap_or_else(|| panic!("{file}[{index}]: field")).to_owned(),
                value: v["value"].as_str().unwrap_or_else(|| panic!("{file}[{index}]: value")).to_owned(),
                context,
                expected: v.clone(),
            }
        })
        .collect()
}

/// Compares a result (as JSON, from Rust or JS) with a vector; returns what differs.
pub fn mismatches(v: &Vector, result: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let e = &v.expected;
    if let Some(valid) = e.get("valid") {
        if result["valid"] != *valid {
            out.push(format!("valid: expected {valid}, got {}", result["valid"]));
        }
    }
    if let Some(norm) = e.get("normalized") {
        if result["normalized"] != *norm {
            out.push(format!("normalized: expected {norm}, got {}", result["normalized"]));
        }
    }
    if let Some(codes) = e.get("codes") {
        let got: Vec<Value> = ["errors", "warnings"]
            .iter()
            .flat_map(|k| result[*k].as_array().cloned().unwrap_or_default())
            .map(|i| i["code"].clone())
            .collect();
        if Value::Array(got.clone()) != *codes {
            out.push(format!("codes: expected {codes}, got {}", Value::Array(got)));
        }
    }
    if let Some(details) = e.get("details").and_then(Value::as_object) {
        for (k, want) in details {
            if result["details"].get(k) != Some(want) {
                out.push(format!("details.{k}: expected {want}, got {}", result["details"].get(k).unwrap_or(&Value::Null)));
            }
        }
    }
    out
}

pub fn run_native(v: &Vector, locale: Locale) -> FieldResult {
    let ctx: Context = serde_json::from_value(v.context.clone()).unwrap_or_else(|e| panic!("{}[{}]: context: {e}", v.file, v.index));
    validate_field(&v.field, &v.value, &ctx, locale)
}

/// The comparable digest of a sample filing's report: validity, `path code` of every error and
/// warning, the route, and `id subject need` of every document. Runs both locales through
/// `run(json, options)` and requires the same digest from each.
pub fn filing_digest(case: &Value, run: impl Fn(&str, &icp_validate::Options) -> Value) -> Value {
    let json = case.get("filing_json").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| case["filing"].to_string());
    let digest_of = |locale: &str| {
        let mut options: icp_validate::Options = serde_json::from_value(case["options"].clone()).expect("options");
        options.locale = Some(locale.to_owned());
        let r = run(&json, &options);
        let lines = |key: &str| -> Vec<String> {
            r[key].as_array().map(|a| a.iter().map(|i| format!("{} {}", i["path"].as_str().unwrap_or(""), i["code"].as_str().unwrap_or(""))).collect()).unwrap_or_default()
        };
        let documents: Vec<String> = r["documents"]
            .as_array()
            .map(|a| a.iter().map(|d| format!("{} {} {}", d["id"].as_str().unwrap_or(""), d["subject"].as_str().unwrap_or(""), d["need"].as_str().unwrap_or(""))).collect())
            .unwrap_or_default();
        serde_json::json!({
            "valid": r["valid"],
            "errors": lines("errors"),
            "warnings": lines("warnings"),
            "route": r["verification"]["route"],
            "documents": documents,
        })
    };
    let zh = digest_of("zh-CN");
    let en = digest_of("en");
    assert_eq!(zh, en, "the report depends on the locale");
    en
}

/// One baseline result line for a field corpus line `{"field","value","context"}`: the
/// results in zh-CN and en, as JSON.
pub fn baseline_field_line(line: &str) -> String {
    let case: Value = serde_json::from_str(line).expect("corpus line");
    let ctx: Context = serde_json::from_value(case["context"].clone()).expect("corpus context");
    let field = case["field"].as_str().expect("field");
    let value = case["value"].as_str().expect("value");
    let zh = validate_field(field, value, &ctx, Locale::ZhCn);
    let en = validate_field(field, value, &ctx, Locale::En);
    serde_json::json!({ "en": to_json(&en), "zh-CN": to_json(&zh) }).to_string()
}

fn to_json<T: serde::Serialize>(r: &T) -> Value {
    serde_json::to_value(r).expect("result serialises")
}

/// One baseline result line for a filing corpus line `{"filing"|"filing_json","options"}`.
pub fn baseline_filing_line(line: &str) -> String {
    let case: Value = serde_json::from_str(line).expect("corpus line");
    let json = case.get("filing_json").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| case["filing"].to_string());
    let report = |locale: &str| {
        let mut options: icp_validate::Options = serde_json::from_value(case["options"].clone()).expect("options");
        options.locale = Some(locale.to_owned());
        to_json(&icp_validate::validate_filing_json(&json, &options))
    };
    serde_json::json!({ "en": report("en"), "zh-CN": report("zh-CN") }).to_string()
}
