//! `is_valid` gives exactly the verdict of `validate_field(..).valid`, over the generated
//! parity corpus (tools/gen_parity_corpus.py: mutations of every vector sent to every field)
//! and the committed baseline corpus. Its fast paths must never decide differently.

use icp_validate::{is_valid, validate_field, Context, Locale};
use serde_json::Value;

fn check(lines: impl Iterator<Item = String>) -> usize {
    let mut n = 0;
    let mut differ = Vec::new();
    for line in lines {
        let case: Value = serde_json::from_str(&line).expect("corpus line");
        let ctx: Context = serde_json::from_value(case["context"].clone()).expect("context");
        let (field, value) = (case["field"].as_str().unwrap(), case["value"].as_str().unwrap());
        let full = validate_field(field, value, &ctx, Locale::En).valid;
        if is_valid(field, value, &ctx) != full {
            differ.push(format!("{field} {:?}: validate_field says {full}", value.chars().take(40).collect::<String>()));
        }
        n += 1;
    }
    assert!(differ.is_empty(), "{} verdicts differ:\n{}", differ.len(), differ.iter().take(20).cloned().collect::<Vec<_>>().join("\n"));
    n
}

#[test]
fn same_verdict_over_the_baseline_corpus() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/baseline/fields.jsonl")).unwrap();
    assert!(check(text.lines().map(str::to_owned)) > 1000);
}

#[test]
fn same_verdict_over_the_generated_parity_corpus() {
    let out = std::process::Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tools/gen_parity_corpus.py"))
        .args(["--min-cases", "60000", "--max-cases", "60000"])
        .output()
        .expect("python3 runs tools/gen_parity_corpus.py");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(check(text.lines().map(str::to_owned)) >= 60000);
}
