//! Filing JSON parsing and validation on arbitrary bytes (lossy UTF-8): never a panic, the
//! report consistent with itself, every message rendered and bounded. The hand reader of the
//! package's filing module (`filing::read`) never panics either, and on text in the compact
//! form `JSON.stringify` writes it answers as serde_json does.
#![no_main]

use icp_validate::{validate_filing_json, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let hand = icp_validate::__shell::read_filing(&text);
    let compact = serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| serde_json::to_string(&v).ok());
    if compact.as_deref() == Some(&*text) {
        let serde = serde_json::from_str::<icp_validate::Filing>(&text).map_err(|e| e.to_string());
        assert_eq!(hand.map_err(|r| r.text), serde, "{text}");
    }
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
