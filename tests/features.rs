//! Features only add: each default feature the rule crate leaves out removes a capability that
//! `capabilities()` reports and that answers say, never a verdict silently changed. Runs in
//! every build (tools/test.sh runs it with and without the default features).

use icp_validate::{capabilities, check_field, install_uts46, is_valid, validate_field, Context, Locale, Uts46Part};

/// An IDN under the national TLD, valid by the vectors (tests/vectors/domain.json).
const IDN: &str = "例子.中国";

#[test]
fn capabilities_name_the_features_of_this_build() {
    let caps = capabilities();
    assert_eq!(caps.messages, cfg!(feature = "messages"));
    assert_eq!(caps.local_field_answers, cfg!(feature = "local-field-answers"));
    // Nothing is installed on this test's thread.
    assert_eq!(caps.uts46, cfg!(feature = "uts46"));
}

#[test]
fn templates_are_there_exactly_with_messages() {
    let r = validate_field("resident_id", "110105194912310021", &Context::default(), Locale::En);
    assert_eq!(r.codes(), ["resident_id.checksum"]);
    assert_eq!(r.errors[0].message.is_empty(), !cfg!(feature = "messages"), "{:?}", r.errors[0].message);
}

#[test]
fn a_plain_ascii_name_needs_no_uts46() {
    let r = validate_field("domain", "Example.COM", &Context::default(), Locale::En);
    assert!(r.valid, "{:?}", r.codes());
    assert_eq!(r.normalized.as_deref(), Some("example.com"));
}

#[cfg(feature = "uts46")]
#[test]
fn with_uts46_an_idn_gets_its_verdict() {
    let r = validate_field("domain", IDN, &Context::default(), Locale::En);
    assert!(r.valid, "{:?}", r.codes());
    assert_eq!(r.normalized.as_deref(), Some("xn--fsqu00a.xn--fiqs8s"));
}

#[cfg(not(feature = "uts46"))]
#[test]
fn without_uts46_an_idn_is_answered_as_unavailable_not_refused() {
    let ctx = Context::default();
    let r = validate_field("domain", IDN, &ctx, Locale::En);
    assert!(!r.valid);
    assert_eq!(r.codes(), ["input.uts46_unavailable"]);
    assert_eq!(check_field("email", &format!("info@{IDN}"), &ctx).findings.iter().map(|f| f.code.id).collect::<Vec<_>>(), ["input.uts46_unavailable"]);
    // The verdict alone agrees with the result: not valid.
    assert!(!is_valid("domain", IDN, &ctx));
    // Listed in this build's catalog, so a caller can word it.
    assert!(icp_validate::catalog::code("input.uts46_unavailable").is_some());
}

/// A provider that knows one name: what an embedding installs instead of the tables.
struct OneName;

impl Uts46Part for OneName {
    fn to_ascii(&self, s: &str, _std3: bool) -> Option<String> {
        (s == IDN).then(|| "xn--fsqu00a.xn--fiqs8s".to_owned())
    }
    fn to_unicode(&self, s: &str) -> (String, bool) {
        if s == "xn--fsqu00a.xn--fiqs8s" {
            (IDN.to_owned(), true)
        } else {
            (s.to_owned(), false)
        }
    }
}

#[test]
fn an_installed_provider_answers_uts46() {
    // Its own thread: the provider is installed per thread.
    std::thread::spawn(|| {
        install_uts46(Box::new(OneName));
        assert!(capabilities().uts46);
        let ctx = Context::default();
        let r = validate_field("domain", IDN, &ctx, Locale::En);
        assert!(r.valid, "{:?}", r.codes());
        assert_eq!(r.normalized.as_deref(), Some("xn--fsqu00a.xn--fiqs8s"));
        assert!(is_valid("domain", IDN, &ctx));
        // A name the provider refuses is refused as UTS 46 refuses it, not "unavailable".
        let r = check_field("domain", "例子-.中国", &ctx);
        assert!(r.has_errors());
        assert!(!r.has_code("input.uts46_unavailable"));
    })
    .join()
    .unwrap();
}

#[cfg(feature = "local-field-answers")]
#[test]
fn with_local_answers_a_filing_is_answered_here() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/filings/website.json")).unwrap();
    let report = icp_validate::validate_filing_json(&json, &icp_validate::Options { today: icp_validate::Date::parse("2026-11-23"), ..Default::default() });
    assert!(report.valid, "{:?}", report.errors);
}
