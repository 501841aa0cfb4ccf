//! Every registered field on arbitrary input. Layout of the fuzz input:
//! byte 0 picks the field (`list_fields`, so new families are fuzzed without edits),
//! byte 1 holds flags (bit 0: the rest after the first 0x00 byte is a context JSON), the
//! remainder is the value, tried lossily decoded and as an `arbitrary` str (a valid UTF-8
//! prefix of fuzzer-chosen length, so boundaries inside multi-byte characters are explored).
#![no_main]

use icp_validate::catalog::placeholders;
use icp_validate::{catalog, list_fields, validate_field, Context, FieldResult, Locale};
use libfuzzer_sys::arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;

/// Longest parameter text a finding may echo (privacy: no whole ID numbers in logs).
const MAX_PARAM_CHARS: usize = 200;

fn check_shape(r: &FieldResult, field: &str, locale: Locale) {
    assert_eq!(r.field, field);
    assert_eq!(r.valid, r.errors.is_empty(), "valid iff no errors");
    assert!(r.valid || r.normalized.is_none(), "normalized only when valid");
    for issue in r.errors.iter().chain(&r.warnings) {
        let code = catalog::code(issue.code).unwrap_or_else(|| panic!("code {} not in the catalog", issue.code));
        for name in placeholders(code.template(locale)) {
            assert!(issue.params.contains_key(name), "{}: no param for {{{name}}}", issue.code);
        }
        for v in issue.params.values() {
            let text = serde_json::to_string(v).unwrap_or_default();
            assert!(text.chars().count() <= MAX_PARAM_CHARS, "{} echoes {} chars", issue.code, text.len());
        }
    }
}

/// The normalised form is itself valid and a fixed point.
fn check_normalized(r: &FieldResult, field: &str, ctx: &Context, locale: Locale) {
    if let Some(n) = &r.normalized {
        let again = validate_field(field, n, ctx, locale);
        assert!(again.valid, "{field}: normalized {n:?} is invalid: {:?}", again.codes());
        assert_eq!(again.normalized.as_ref(), Some(n), "{field}: normalization not idempotent");
    }
}

fuzz_target!(|data: &[u8]| {
    let rules = list_fields(Locale::En);
    let Some((&pick, rest)) = data.split_first() else { return };
    let rule = &rules[pick as usize % rules.len()];
    let (flags, rest) = rest.split_first().map_or((0, rest), |(&f, r)| (f, r));
    let (value, ctx) = match rest.iter().position(|&b| b == 0) {
        Some(i) if flags & 1 == 1 => {
            let json = String::from_utf8_lossy(&rest[i + 1..]);
            (&rest[..i], serde_json::from_str::<Context>(&json).unwrap_or_default())
        }
        _ => (rest, Context::default()),
    };
    let locale = if flags & 2 == 0 { Locale::En } else { Locale::ZhCn };
    let lossy = String::from_utf8_lossy(value);
    let r = validate_field(rule.id, &lossy, &ctx, locale);
    check_shape(&r, rule.id, locale);
    check_normalized(&r, rule.id, &ctx, locale);
    if let Ok(s) = Unstructured::new(value).arbitrary::<&str>() {
        let r = validate_field(rule.id, s, &ctx, locale);
        check_shape(&r, rule.id, locale);
        check_normalized(&r, rule.id, &ctx, locale);
    }
    // Unknown field ids are answered, not panicked on.
    let unknown = validate_field(&lossy, "x", &ctx, locale);
    if !rules.iter().any(|f| f.id == lossy) {
        assert_eq!(unknown.codes(), ["field.unknown"]);
    }
});
