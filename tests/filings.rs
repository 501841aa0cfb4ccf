//! Sample filings in tests/filings/: each file holds a filing (or raw `filing_json`), the
//! options, and the expected report digest (error and warning `path code` lines, route,
//! documents). The same files run through wasm in Node and Chromium (tests/js, crates/wasm/tests/wasm.rs).
//! `UPDATE_FILINGS=1 cargo test --test filings` rewrites the digests, to be reviewed in the diff.

mod common;

use icp_validate::{validate_filing_json, Options};

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
    let runner = include_str!("../crates/wasm/tests/wasm.rs");
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/filings")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(runner.contains(&format!("\"filings/{name}\"")), "crates/wasm/tests/wasm.rs does not include filings/{name}");
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

/// The copy of every sample filing's report, in both locales: no two spaces in a row (a
/// missing name leaves no gap), no "?" standing for a certificate type, and in zh no space
/// between two Chinese characters or full-width marks (`西云数据不受理`, not `西云数据 不受理`)
/// (issue 19 item 23).
#[test]
fn report_copy_has_no_gaps() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/filings");
    let mut failures = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let json = case.get("filing_json").and_then(|v| v.as_str()).map(str::to_owned).unwrap_or_else(|| case["filing"].to_string());
        for locale in ["zh-CN", "en"] {
            let mut options: Options = serde_json::from_value(case["options"].clone()).unwrap();
            options.locale = Some(locale.to_owned());
            let r = serde_json::to_value(validate_filing_json(&json, &options)).unwrap();
            let mut texts: Vec<String> = Vec::new();
            for key in ["errors", "warnings"] {
                texts.extend(r[key].as_array().unwrap().iter().map(|i| i["message"].as_str().unwrap().to_owned()));
            }
            texts.extend(r["documents"].as_array().unwrap().iter().map(|d| d["reason"].as_str().unwrap().to_owned()));
            texts.extend(r["verification"]["reason"].as_str().map(str::to_owned));
            for t in texts {
                // What the filer typed is echoed between quotes, as typed: only the copy counts.
                let mut copy = String::new();
                let mut quoted = false;
                for c in t.chars() {
                    match c {
                        '“' | '"' if !quoted => quoted = true,
                        '”' | '"' if quoted => {
                            quoted = false;
                            copy.push('Q');
                        }
                        c if !quoted => copy.push(c),
                        _ => {}
                    }
                }
                let chars: Vec<char> = copy.chars().collect();
                let gap_between_wide = locale == "zh-CN" && chars.windows(3).any(|w| w[1] == ' ' && !w[0].is_ascii() && !w[2].is_ascii());
                if copy.contains("  ") || copy.starts_with('?') || gap_between_wide {
                    failures.push(format!("{} ({locale}): {t:?}", path.display()));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
