//! Sample filings in tests/filings/: each file holds a filing (or raw `filing_json`), the
//! options, and the expected report digest (error and warning `path code` lines, route,
//! documents). The same files run through wasm in Node and Chromium (tests/js, tests/wasm.rs).
//! `UPDATE_FILINGS=1 cargo test --test filings` rewrites the digests, to be reviewed in the diff.

mod common;

use icp_validate::filing::{validate_filing_json, Options};

#[test]
fn sample_filings_give_the_expected_reports() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/filings");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    names.sort();
    assert!(names.len() >= 20, "sample filings missing");
    let update = std::env::var_os("UPDATE_FILINGS").is_some();
    let mut failures = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut case: serde_json::Value = serde_json::from_str(&text).unwrap();
        let digest = common::filing_digest(&case, |json, options: &Options| serde_json::to_value(validate_filing_json(json, options)).unwrap());
        if update {
            case["expect"] = digest;
            std::fs::write(&path, serde_json::to_string_pretty(&case).unwrap() + "\n").unwrap();
        } else if case["expect"] != digest {
            failures.push(format!("{}:\n expected {}\n got      {}", path.display(), case["expect"], digest));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wasm_runner_lists_every_sample_filing() {
    let runner = include_str!("wasm.rs");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/filings")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(runner.contains(&format!("\"filings/{name}\"")), "tests/wasm.rs does not include filings/{name}");
    }
}

#[test]
fn hostile_filing_json_is_answered_with_clear_codes() {
    let options = Options::default();
    let first = |json: &str| validate_filing_json(json, &options).errors.first().map(|e| e.code).unwrap_or("none");
    assert_eq!(first(&"[".repeat(100_000)), "filing.malformed");
    assert_eq!(first(&format!("{{\"entity\": {{\"city\": {}{}}}}}", "[".repeat(10_000), "]".repeat(10_000))), "filing.malformed");
    assert_eq!(first(&format!("{{\"entity\": {{\"name\": \"{}\"}}}}", "名".repeat(2_000_000))), "filing.too_large");
    assert_eq!(first("{\"services\": 1}"), "filing.malformed");
    assert_eq!(first("[]"), "filing.malformed");
    assert_eq!(first("{\"entity\": {\"name\": \"\\ud800\"}}"), "filing.malformed");
    // Many services are cut at the limit, each list reported once.
    let many = format!("{{\"services\": [{}]}}", vec!["{\"name\": \"站\", \"domains\": [\"a.cn\"]}"; 5000].join(","));
    let r = validate_filing_json(&many, &options);
    assert!(r.errors.iter().any(|e| e.path == "services" && e.code == "filing.too_many"));
    assert!(r.errors.iter().all(|e| !e.path.starts_with("services[100]")));
    // The parser's message is echoed only as a bounded excerpt.
    let long_key = format!("{{\"{}\": 1}}", "k".repeat(100_000));
    let r = validate_filing_json(&long_key, &options);
    assert!(r.errors[0].message.chars().count() < 400, "{}", r.errors[0].message.len());
}
