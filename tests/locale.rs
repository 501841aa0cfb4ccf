//! Findings are locale-free and rendered per locale: no English message carries Chinese
//! except the user's own input and quoted format examples (`"京ICP备12345678号"`), and no
//! zh-CN message carries the parser's or the JS engine's English error text.
//!
//! Statically over every code of the catalog in both locales, and dynamically over every
//! result of the committed baseline corpus plus hostile contexts and filings.

use icp_validate::{validate_filing_json, Options};
use icp_validate::{catalog, validate_field, Context, Locale};
use serde_json::Value;

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}' | '“' | '”' | '‘' | '’')
}

/// The text outside double-quoted spans.
fn unquoted(s: &str) -> String {
    s.split('"').step_by(2).collect::<Vec<_>>().join(" ")
}

/// Runs of Chinese characters in the message that are neither the user's input nor quoted.
fn foreign_cjk(message: &str, input: &str) -> Vec<String> {
    let text = unquoted(message);
    let mut runs = Vec::new();
    let mut run = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if is_cjk(c) {
            run.push(c);
        } else if !run.is_empty() {
            if !input.contains(run.as_str()) {
                runs.push(std::mem::take(&mut run));
            }
            run.clear();
        }
    }
    runs
}

/// Three or more English words in a row, not from the user's input: parser or engine text.
fn english_phrase(message: &str, input: &str) -> Option<String> {
    let words: Vec<&str> = message.split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\'' || c == '`')).collect();
    words.into_iter().map(str::trim).find(|w| w.split(' ').filter(|x| x.len() > 1).count() >= 3 && !input.contains(w)).map(str::to_owned)
}

#[test]
fn every_template_of_every_code_keeps_to_its_locale() {
    let codes = catalog::codes();
    assert!(codes.len() > 150, "{} codes", codes.len());
    let mut bad = Vec::new();
    for code in codes {
        if code.en.chars().any(|c| is_cjk(c)) && unquoted(code.en).chars().any(is_cjk) {
            bad.push(format!("{} en: {}", code.id, code.en));
        }
        if let Some(p) = english_phrase(code.zh, "") {
            bad.push(format!("{} zh-CN has English text {p:?}: {}", code.id, code.zh));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

fn check_messages(r: &Value, input: &str, what: &str, bad: &mut Vec<String>) {
    for key in ["errors", "warnings"] {
        for issue in r["en"][key].as_array().into_iter().flatten() {
            let m = issue["message"].as_str().unwrap_or("");
            let runs = foreign_cjk(m, input);
            if !runs.is_empty() {
                bad.push(format!("{what}: en {} has {runs:?}: {m}", issue["code"]));
            }
        }
        for issue in r["zh-CN"][key].as_array().into_iter().flatten() {
            let m = issue["message"].as_str().unwrap_or("");
            if let Some(p) = english_phrase(m, input) {
                bad.push(format!("{what}: zh-CN {} has {p:?}: {m}", issue["code"]));
            }
        }
    }
}

fn both(run: impl Fn(Locale) -> Value) -> Value {
    serde_json::json!({ "zh-CN": run(Locale::ZhCn), "en": run(Locale::En) })
}

#[test]
fn field_messages_keep_to_their_locale_over_the_corpus_and_hostile_contexts() {
    let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/baseline/fields.jsonl")).unwrap();
    let mut cases: Vec<(String, String, Value)> = corpus
        .lines()
        .map(|l| {
            let c: Value = serde_json::from_str(l).unwrap();
            (c["field"].as_str().unwrap().to_owned(), c["value"].as_str().unwrap().to_owned(), c["context"].clone())
        })
        .collect();
    // Contexts of every wrong shape, for fields that read each key.
    let bad_contexts = [
        serde_json::json!({ "today": "nope" }),
        serde_json::json!({ "today": 20261123 }),
        serde_json::json!({ "province": 11 }),
        serde_json::json!({ "province": "火星" }),
        serde_json::json!({ "province": ["京"] }),
        serde_json::json!({ "provider": { "id": "nwcd" } }),
        serde_json::json!({ "type": true }),
        serde_json::json!({ "type": "外星证" }),
        serde_json::json!({ "platform": "塞班" }),
        serde_json::json!({ "platform": 3 }),
        serde_json::json!({ "entity_type": [] }),
        serde_json::json!({ "national_document": "是" }),
    ];
    for ctx in bad_contexts {
        for (field, value) in [("mobile", "13800138000"), ("uscc", "91110108MA01ABCD5T"), ("certificate", "11010519491231002X"), ("app_package", "com.example.app"), ("resident_id", "11010519491231002X")] {
            cases.push((field.to_owned(), value.to_owned(), ctx.clone()));
        }
    }
    let mut bad = Vec::new();
    for (field, value, ctx_json) in &cases {
        let ctx: Context = serde_json::from_value(ctx_json.clone()).unwrap();
        let r = both(|l| serde_json::to_value(validate_field(field, value, &ctx, l)).unwrap());
        let input = format!("{value} {ctx_json}");
        check_messages(&r, &input, &format!("{field} {value:?} {ctx_json}"), &mut bad);
    }
    assert!(bad.is_empty(), "{} messages out of their locale:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn filing_messages_keep_to_their_locale_over_the_samples_and_hostile_documents() {
    let corpus = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/baseline/filings.jsonl")).unwrap();
    let mut cases: Vec<(String, Value)> = corpus
        .lines()
        .map(|l| {
            let c: Value = serde_json::from_str(l).unwrap();
            let json = c.get("filing_json").and_then(Value::as_str).map(str::to_owned).unwrap_or_else(|| c["filing"].to_string());
            (json, c["options"].clone())
        })
        .collect();
    let opts = serde_json::json!({ "today": "2026-11-23" });
    for hostile in [
        "[]",
        "{",
        "{\"entiy\": {}}",
        "{\"kind\": \"alien\"}",
        "{\"services\": 1}",
        "{\"entity\": {\"type\": \"外星\"}}",
        "{\"entity\": {\"name\": \"\\ud800\"}}",
        &format!("{{\"entity\": {{\"city\": {}{}}}}}", "[".repeat(200), "]".repeat(200)),
    ] {
        cases.push((hostile.to_owned(), opts.clone()));
    }
    let mut bad = Vec::new();
    for (json, options) in &cases {
        let r = both(|l| {
            let mut o: Options = serde_json::from_value(options.clone()).unwrap();
            o.locale = Some(l.tag().to_owned());
            serde_json::to_value(validate_filing_json(json, &o)).unwrap()
        });
        check_messages(&r, json, &json.chars().take(60).collect::<String>(), &mut bad);
        // The checklist and the route are worded per locale too.
        for doc in r["en"]["documents"].as_array().into_iter().flatten() {
            for key in ["name", "reason"] {
                let m = doc[key].as_str().unwrap_or("");
                let runs = foreign_cjk(m, json);
                if !runs.is_empty() {
                    bad.push(format!("document {key} {runs:?}: {m}"));
                }
            }
        }
        let route = &r["en"]["verification"];
        for m in std::iter::once(&route["reason"]).chain(route["notes"].as_array().into_iter().flatten()) {
            let m = m.as_str().unwrap_or("");
            let runs = foreign_cjk(m, json);
            if !runs.is_empty() {
                bad.push(format!("route {runs:?}: {m}"));
            }
        }
    }
    assert!(bad.is_empty(), "{} messages out of their locale:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_checks_themselves_catch_what_they_look_for() {
    assert_eq!(foreign_cjk("西云数据 does not accept filings from 西藏自治区", ""), vec!["西云数据", "西藏自治区"]);
    assert!(foreign_cjk("\"张三\" is in charge", "").is_empty());
    assert!(foreign_cjk("The name 张三 is too long", "张三").is_empty());
    assert!(english_phrase("备案数据无法解析：unknown field `entiy`, expected one of", "").is_some());
    assert!(english_phrase("请填写 MD5 或 SHA-1 值", "").is_none());
}
