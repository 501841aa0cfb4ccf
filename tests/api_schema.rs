//! What the API really takes and returns against `docs/api.schema.json`: the committed result
//! baseline (every field and filing, both locales), the field list, attachment results
//! (src/internal_tests/attachment.rs), and the corpus's contexts, options and filings. The schema must
//! tell an absent key from a `null` the way serde does, and the checks must be able to fail.

mod common;

use common::schema::Schema;
use icp_validate::{list_fields, Locale};
use serde_json::{json, Value};

fn lines(name: &str) -> Vec<Value> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/baseline").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("tests/baseline/{name}: {e}"));
    text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

/// Every result line holds one answer per locale.
fn answers(name: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for (i, line) in lines(name).into_iter().enumerate() {
        for locale in ["zh-CN", "en"] {
            let answer = line.get(locale).unwrap_or_else(|| panic!("{name} line {}: no {locale}", i + 1)).clone();
            out.push((format!("{name} line {} ({locale})", i + 1), answer));
        }
    }
    out
}

#[test]
fn baseline_field_results_are_field_results() {
    let schema = Schema::api();
    let all = answers("fields.results.jsonl");
    assert!(all.len() > 100);
    for (what, result) in &all {
        schema.assert_valid("FieldResult", result, what);
    }
}

#[test]
fn baseline_filing_reports_are_filing_reports() {
    let schema = Schema::api();
    let all = answers("filings.results.jsonl");
    assert!(all.len() > 20);
    for (what, report) in &all {
        schema.assert_valid("FilingReport", report, what);
    }
    // The corpus reaches the optional parts, so their schemas are exercised.
    let reports: Vec<&Value> = all.iter().map(|(_, r)| r).collect();
    assert!(reports.iter().any(|r| r.get("verification").is_some_and(|v| v.get("sms_verification").is_some())));
    assert!(reports.iter().any(|r| r["documents"].as_array().unwrap().iter().any(|d| d.get("provided").is_some())));
    assert!(reports.iter().any(|r| r["errors"].as_array().unwrap().iter().any(|e| e.get("field").is_some())));
}

#[test]
fn field_lists_are_field_infos() {
    let schema = Schema::api();
    for locale in [Locale::ZhCn, Locale::En] {
        let list = serde_json::to_value(list_fields(locale)).unwrap();
        for (i, info) in list.as_array().unwrap().iter().enumerate() {
            schema.assert_valid("FieldInfo", info, &format!("listFields()[{i}] ({locale:?})"));
        }
    }
}

/// The inputs of the corpus are what the schema says the API takes: each context a
/// `Context`, each options object a `FilingOptions`, each filing a `Filing`, as are the
/// sample filings of the README.
#[test]
fn corpus_inputs_are_valid_inputs() {
    let schema = Schema::api();
    for (i, case) in lines("fields.jsonl").iter().enumerate() {
        schema.assert_valid("Context", &case["context"], &format!("fields.jsonl line {} context", i + 1));
    }
    let mut filings = 0;
    for (i, case) in lines("filings.jsonl").iter().enumerate() {
        schema.assert_valid("FilingOptions", &case["options"], &format!("filings.jsonl line {} options", i + 1));
        if let Some(filing) = case.get("filing") {
            schema.assert_valid("Filing", filing, &format!("filings.jsonl line {} filing", i + 1));
            filings += 1;
        }
    }
    assert!(filings > 10);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/filings");
    let mut examples = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let filing: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            schema.assert_valid("Filing", &filing, &path.file_name().unwrap().to_string_lossy());
            examples += 1;
        }
    }
    assert!(examples >= 3);
}

/// The schema is as strict as serde: a filing serde rejects as malformed, the schema rejects.
#[test]
fn the_schema_rejects_filings_serde_rejects() {
    let schema = Schema::api();
    let base = lines("filings.jsonl").into_iter().find_map(|c| c.get("filing").cloned()).unwrap();
    let mutations: [(&str, fn(&mut Value)); 6] = [
        ("misspelt top-level key", |f| f["entiy"] = json!({})),
        ("an attachment format no detector names", |f| f["attachments"] = json!([{ "kind": "app_icon", "format": "jpg", "subject": "services[0]" }])),
        ("misspelt nested key", |f| f["entity"]["person_in_charge"]["mobil"] = json!("13800138000")),
        ("unknown kind", |f| f["kind"] = json!("renewal")),
        ("number for a text", |f| f["entity"]["name"] = json!(12)),
        ("object for a list", |f| f["services"] = json!({})),
    ];
    for (what, mutate) in mutations {
        let mut filing = base.clone();
        mutate(&mut filing);
        let options = icp_validate::Options { today: icp_validate::Date::parse("2026-11-23"), ..Default::default() };
        let report = icp_validate::validate_filing_json(&filing.to_string(), &options);
        assert!(report.errors.iter().any(|e| e.code == "filing.malformed"), "{what}: serde accepted it");
        assert!(!schema.problems("Filing", &filing).is_empty(), "{what}: the schema accepted it");
    }
}

/// The checks fail on what serde never writes: `null` for a key serde omits, a missing key
/// serde always writes, a key the schema does not name, a value of the wrong type.
#[test]
fn outputs_serde_never_writes_are_rejected() {
    let schema = Schema::api();
    let field = answers("fields.results.jsonl").into_iter().map(|(_, r)| r).find(|r| !r["errors"].as_array().unwrap().is_empty()).unwrap();
    let report = answers("filings.results.jsonl").into_iter().map(|(_, r)| r).find(|r| r.get("verification").is_some() && !r["errors"].as_array().unwrap().is_empty()).unwrap();
    let field_cases: [(&str, fn(&mut Value)); 5] = [
        ("normalized absent", |r| drop(r.as_object_mut().unwrap().remove("normalized"))),
        ("an unnamed key", |r| r["extra"] = json!(1)),
        ("severity misspelt", |r| r["errors"][0]["severity"] = json!("fatal")),
        ("a param that is an object", |r| r["errors"][0]["params"]["x"] = json!({})),
        ("a fractional detail", |r| r["details"]["n"] = json!(1.5)),
    ];
    for (what, mutate) in field_cases {
        let mut r = field.clone();
        mutate(&mut r);
        assert!(!schema.problems("FieldResult", &r).is_empty(), "FieldResult with {what} passed");
    }
    let report_cases: [(&str, fn(&mut Value)); 4] = [
        ("verification null", |r| r["verification"] = Value::Null),
        ("sms_verification null", |r| r["verification"]["sms_verification"] = Value::Null),
        ("an error's field null", |r| r["errors"][0]["field"] = Value::Null),
        ("summary absent", |r| drop(r.as_object_mut().unwrap().remove("summary"))),
    ];
    for (what, mutate) in report_cases {
        let mut r = report.clone();
        mutate(&mut r);
        assert!(!schema.problems("FilingReport", &r).is_empty(), "FilingReport with {what} passed");
    }
}

/// The definitions of what the API returns.
fn outputs(schema: &Schema) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut todo: Vec<String> = ["FieldResult", "AttachmentResult", "FieldInfo", "FilingReport"].map(String::from).to_vec();
    while let Some(name) = todo.pop() {
        if seen.contains(&name) {
            continue;
        }
        let text = schema.defs()[&name].to_string();
        for part in text.split("\"#/$defs/").skip(1) {
            todo.push(part[..part.find('"').unwrap()].to_owned());
        }
        seen.push(name);
    }
    seen
}

/// serde either omits an optional key or writes it; when it omits `None`, it never writes
/// `null`. So an output key that is not required must not be nullable: a field with
/// `skip_serializing_if = "Option::is_none"` needs `schemars(with = "T")`.
#[test]
fn optional_output_keys_are_never_null() {
    let schema = Schema::api();
    let outputs = outputs(&schema);
    assert!(outputs.len() > 8, "{outputs:?}");
    for name in &outputs {
        let def = &schema.defs()[name];
        let Some(props) = def.get("properties").and_then(Value::as_object) else { continue };
        let required: Vec<&str> = def.get("required").and_then(Value::as_array).map(|r| r.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        for (key, prop) in props {
            if !required.contains(&key.as_str()) {
                assert!(!schema.accepts(prop, &Value::Null), "{name}.{key} is optional yet accepts null");
            }
        }
    }
}
