//! Filing JSON parsing and validation on arbitrary bytes (lossy UTF-8): never a panic, the
//! report consistent with itself, every message rendered and bounded. The reader of filings
//! (`filing::read`, natively and in the package's filing module) never panics either, and
//! answers as serde_json does on any text.
#![no_main]

use icp_validate::{validate_filing_json, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // The one reader of filings (natively too) answers as serde_json on any text: the same
    // filing, or the same error text and category; only a float's digits may differ, for a
    // number of more than 15 significant digits, which JSON.stringify never writes (read.rs).
    let hand = icp_validate::__shell::read_filing(&text).map_err(|r| (float_masked(&r.text), r.kind.is_data()));
    let serde = serde_json::from_str::<icp_validate::Filing>(&text).map_err(|e| (float_masked(&e.to_string()), e.classify() == serde_json::error::Category::Data));
    assert_eq!(hand, serde, "{text}");
    for provider in ["nwcd", "aliyun"] {
        let options = Options { provider: Some(provider.to_owned()), today: icp_validate::Date::parse("2026-11-23"), locale: Some("en".to_owned()) };
        let r = validate_filing_json(&text, &options);
        assert_eq!(r.valid, r.errors.is_empty());
        assert_eq!(r.summary.errors, r.errors.len());
        for issue in r.errors.iter().chain(&r.warnings) {
            assert!(!issue.message.contains('{') || issue.params.values().any(|v| format!("{v:?}").contains('{')), "unrendered placeholder: {}", issue.message);
            assert!(issue.message.chars().count() < 1000, "message too long: {}", issue.code);
        }
    }
});

/// An error text with the digits of a float it names left out.
fn float_masked(text: &str) -> String {
    match text.split_once("floating point `") {
        Some((before, after)) => format!("{before}floating point `…{}", &after[after.find('`').unwrap_or(after.len())..]),
        None => text.to_owned(),
    }
}
