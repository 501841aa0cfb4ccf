//! The message catalogs: every code has a non-empty zh-CN and en message, ids are unique
//! and dotted, both locales use the same placeholders, and the generated field reference
//! is current.

use icp_validate::catalog::placeholders;
use icp_validate::{catalog, list_fields, Locale};

#[test]
fn every_code_has_both_messages_with_the_same_placeholders() {
    let codes = catalog::codes();
    assert!(codes.len() > 10);
    for code in &codes {
        assert!(!code.zh.trim().is_empty(), "{} lacks a zh-CN message", code.id);
        assert!(!code.en.trim().is_empty(), "{} lacks an en message", code.id);
        let (mut zh, mut en) = (placeholders(code.zh), placeholders(code.en));
        zh.sort();
        en.sort();
        assert_eq!(zh, en, "{}: zh-CN and en use different placeholders", code.id);
        let parts: Vec<&str> = code.id.split('.').collect();
        assert!(
            parts.len() >= 2 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')),
            "{} is not a dotted lower-case id",
            code.id
        );
        // zh-CN messages are Chinese, en messages are not.
        assert!(code.zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)), "{}: zh-CN message has no Chinese", code.id);
    }
}

// `one_code_id_means_one_message` compares the rules' own `Code` constants, which are
// internal: it is a unit test now (src/internal_tests/catalog.rs).

#[test]
fn field_ids_are_unique() {
    let mut ids: Vec<&str> = list_fields(Locale::En).iter().map(|f| f.id).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate field id");
}

#[test]
fn no_rule_lists_a_code_twice() {
    for rule in list_fields(Locale::En) {
        for (i, code) in rule.codes.iter().enumerate() {
            assert!(!rule.codes[..i].contains(code), "{} lists {} twice", rule.id, code);
        }
    }
}

#[test]
fn field_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/FIELDS.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = icp_validate::catalog::fields_markdown();
    if committed != generated {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, generated).unwrap();
        } else {
            panic!("docs/FIELDS.md is stale: run `UPDATE_DOCS=1 cargo test --test catalog`");
        }
    }
}

/// Compares a generated file with the committed one; `UPDATE_DOCS=1` rewrites it.
fn assert_current(rel: &str, generated: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != generated {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, generated).unwrap();
            return generated.to_owned();
        }
        panic!("{rel} is stale: run `UPDATE_DOCS=1 cargo test --test catalog`");
    }
    committed
}

/// The committed JSON Schema of the filing model matches the Rust types.
#[test]
fn filing_schema_is_current() {
    let committed = assert_current("docs/filing.schema.json", &(icp_validate::catalog::filing_schema_json() + "\n"));
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    for key in ["kind", "provider", "entity", "services", "access", "attachments"] {
        assert!(schema["properties"].get(key).is_some(), "schema lacks {key}");
    }
}

/// The committed JSON Schema of the JS API (docs/api.schema.json) matches the Rust types.
#[test]
fn api_schema_is_current() {
    let committed = assert_current("docs/api.schema.json", &(icp_validate::catalog::api_schema_json() + "\n"));
    let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
    for name in ["Filing", "FilingOptions", "Context", "FieldResult", "AttachmentResult", "FieldInfo", "FilingReport", "Value"] {
        assert!(schema["$defs"].get(name).is_some(), "api schema lacks {name}");
    }
    // The filing is described once: the API's Filing is the filing schema's.
    let filing: serde_json::Value = serde_json::from_str(&icp_validate::catalog::filing_schema_json()).unwrap();
    for (name, def) in filing["$defs"].as_object().unwrap() {
        assert_eq!(&schema["$defs"][name], def, "{name} differs between the filing and the API schema");
    }
    assert_eq!(schema["$defs"]["Filing"]["properties"], filing["properties"], "Filing differs between the filing and the API schema");
}

/// Every term declared in the source is in the exported catalog, so a front end that words
/// findings itself can name every value a finding carries.
#[test]
fn every_term_in_the_source_is_in_the_catalog() {
    let listed: Vec<&str> = catalog::terms().iter().map(|t| t.id).collect();
    let mut files = Vec::new();
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    walk(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut missing = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        // `Term { id: "x", ...` on one line or spread over several.
        for part in text.split("Term {").skip(1) {
            let head = part.trim_start();
            let Some(rest) = head.strip_prefix("id: \"") else { continue };
            let id = rest.split('"').next().unwrap();
            if !listed.contains(&id) {
                missing.push(format!("{id} ({})", f.display()));
            }
        }
    }
    assert!(missing.is_empty(), "terms missing from catalog::terms(): {missing:?}");
    let t = catalog::table();
    for code in catalog::codes() {
        assert!(t["codes"].get(code.id).is_some(), "{} not exported", code.id);
    }
}
