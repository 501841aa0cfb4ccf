//! The shared vectors, run inside wasm32 by wasm-bindgen-test: under Node by default and in
//! headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (see tools/test.sh). Same files and
//! same comparison as the native runner in tests/vectors.rs.
#![cfg(target_arch = "wasm32")]

mod common;

use icp_validate::Locale;
use wasm_bindgen_test::wasm_bindgen_test;

/// Every file in tests/vectors/ (a native test checks this list is complete).
const VECTOR_FILES: &[(&str, &str)] = &[
    ("identity_core.json", include_str!("vectors/identity_core.json")),
    ("identity.json", include_str!("vectors/identity.json")),
    ("phone.json", include_str!("vectors/phone.json")),
    ("domain.json", include_str!("vectors/domain.json")),
    ("domain_app.json", include_str!("vectors/domain_app.json")),
    ("domain_access.json", include_str!("vectors/domain_access.json")),
];

#[wasm_bindgen_test]
fn all_vectors_pass_in_wasm() {
    let (mut count, mut failures) = (0, Vec::new());
    for (name, text) in VECTOR_FILES {
        for v in common::parse_file(name, text) {
            count += 1;
            for locale in [Locale::ZhCn, Locale::En] {
                let result = serde_json::to_value(common::run_native(&v, locale)).unwrap();
                for m in common::mismatches(&v, &result) {
                    failures.push(format!("{name}[{}] {} {:?}: {m}", v.index, v.field, v.value));
                }
            }
        }
    }
    assert!(count > 0);
    assert!(failures.is_empty(), "{} of {count} vectors failed in wasm:\n{}", failures.len(), failures.join("\n"));
}

#[wasm_bindgen_test]
fn hostile_input_is_rejected_without_trapping() {
    let ctx = icp_validate::Context::default();
    let huge = "9".repeat(10 * 1024 * 1024);
    for (value, code) in [(huge.as_str(), "input.too_long"), ("\u{0}", "input.invalid_char"), ("\u{202E}110", "input.invalid_char"), ("\u{FFFD}", "input.invalid_char")] {
        for field in ["resident_id", "uscc"] {
            let r = icp_validate::validate_field(field, value, &ctx, Locale::En);
            assert_eq!(r.codes(), [code], "{field} {:?}", icp_validate::input::excerpt(value, 8));
        }
    }
    // Still usable afterwards.
    assert!(icp_validate::validate_field("resident_id", "11010519491231002X", &ctx, Locale::En).valid);
}
