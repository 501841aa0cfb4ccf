//! The committed result baseline: every line of tests/baseline/fields.jsonl and
//! filings.jsonl (a fixed corpus, tools/gen_baseline_corpus.py) gives exactly the result
//! recorded in the matching line of `*.results.jsonl`, in zh-CN and en. The same files are
//! checked in wasm under Node and Chromium (crates/wasm/tests/wasm.rs) and through the npm package in
//! Node (tests/js/baseline.test.mjs).
//!
//! A deliberate change of results regenerates the baseline in its own commit, with the diff
//! explained in the message: `UPDATE_BASELINE=1 cargo test --test baseline`.

mod common;

use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/baseline")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(dir().join(name)).unwrap_or_else(|e| panic!("tests/baseline/{name}: {e}"))
}

/// Runs one corpus and compares with (or, under UPDATE_BASELINE, rewrites) its results.
fn check(corpus: &str, run: fn(&str) -> String) {
    let results_name = corpus.replace(".jsonl", ".results.jsonl");
    let got: Vec<String> = read(corpus).lines().map(run).collect();
    assert!(got.len() > 10, "{corpus} is nearly empty");
    if std::env::var_os("UPDATE_BASELINE").is_some() {
        std::fs::write(dir().join(&results_name), got.join("\n") + "\n").unwrap();
        return;
    }
    let want = read(&results_name);
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(got.len(), want.len(), "{results_name}: line count differs from {corpus}");
    let differ: Vec<usize> = (0..got.len()).filter(|&i| got[i] != want[i]).collect();
    let shown: Vec<String> = differ.iter().take(5).map(|&i| format!("line {}:\n want {}\n got  {}", i + 1, want[i], got[i])).collect();
    assert!(differ.is_empty(), "{} of {} results differ from {results_name}:\n{}", differ.len(), got.len(), shown.join("\n"));
}

#[test]
fn field_results_match_the_baseline() {
    check("fields.jsonl", common::baseline_field_line);
}

#[test]
fn filing_reports_match_the_baseline() {
    check("filings.jsonl", common::baseline_filing_line);
}
