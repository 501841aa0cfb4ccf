//! The shared vectors, run inside wasm32 by wasm-bindgen-test: under Node by default and in
//! headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (see tools/test.sh). Same files and
//! same comparison as the native runner in tests/vectors.rs.
#![cfg(target_arch = "wasm32")]

mod common;

use icp_validate::Locale;
use wasm_bindgen_test::wasm_bindgen_test;

/// Every file under tests/vectors/ (a native test checks this list is complete).
const VECTOR_FILES: &[(&str, &str)] = &[
    ("access.json", include_str!("vectors/access.json")),
    ("app.json", include_str!("vectors/app.json")),
    ("certificates/business_license.json", include_str!("vectors/certificates/business_license.json")),
    ("certificates/business_reg_no.json", include_str!("vectors/certificates/business_reg_no.json")),
    ("certificates/certificate.json", include_str!("vectors/certificates/certificate.json")),
    ("certificates/foreigner_permanent_id.json", include_str!("vectors/certificates/foreigner_permanent_id.json")),
    ("certificates/hk_macau_travel_permit.json", include_str!("vectors/certificates/hk_macau_travel_permit.json")),
    ("certificates/hmt_residence_permit.json", include_str!("vectors/certificates/hmt_residence_permit.json")),
    ("certificates/org_code.json", include_str!("vectors/certificates/org_code.json")),
    ("certificates/passport.json", include_str!("vectors/certificates/passport.json")),
    ("certificates/taiwan_travel_permit.json", include_str!("vectors/certificates/taiwan_travel_permit.json")),
    ("certificates/uscc_kind.json", include_str!("vectors/certificates/uscc_kind.json")),
    ("domain.json", include_str!("vectors/domain.json")),
    ("email.json", include_str!("vectors/email.json")),
    ("names.json", include_str!("vectors/names.json")),
    ("phone.json", include_str!("vectors/phone.json")),
    ("record_numbers.json", include_str!("vectors/record_numbers.json")),
    ("resident_id.json", include_str!("vectors/resident_id.json")),
    ("uscc.json", include_str!("vectors/uscc.json")),
    ("validity.json", include_str!("vectors/validity.json")),
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

/// Every file in tests/filings/ (a native test checks this list is complete).
const FILING_FILES: &[(&str, &str)] = &[
    ("filings/aliyun_address_other_province.json", include_str!("filings/aliyun_address_other_province.json")),
    ("filings/aliyun_mobile_block_level.json", include_str!("filings/aliyun_mobile_block_level.json")),
    ("filings/aliyun_mobile_other_province.json", include_str!("filings/aliyun_mobile_other_province.json")),
    ("filings/aliyun_photo_every_route.json", include_str!("filings/aliyun_photo_every_route.json")),
    ("filings/app_names.json", include_str!("filings/app_names.json")),
    ("filings/attachments.json", include_str!("filings/attachments.json")),
    ("filings/business_reg_no_lapsed.json", include_str!("filings/business_reg_no_lapsed.json")),
    ("filings/certificate_type_mismatch.json", include_str!("filings/certificate_type_mismatch.json")),
    ("filings/confirmation_letter.json", include_str!("filings/confirmation_letter.json")),
    ("filings/documents_by_registrable_domain.json", include_str!("filings/documents_by_registrable_domain.json")),
    ("filings/domain_holder.json", include_str!("filings/domain_holder.json")),
    ("filings/domain_duplicate.json", include_str!("filings/domain_duplicate.json")),
    ("filings/emergency_same_as_contact.json", include_str!("filings/emergency_same_as_contact.json")),
    ("filings/hong_kong_refused.json", include_str!("filings/hong_kong_refused.json")),
    ("filings/malformed_unknown_key.json", include_str!("filings/malformed_unknown_key.json")),
    ("filings/manual_verification.json", include_str!("filings/manual_verification.json")),
    ("filings/missing_everything.json", include_str!("filings/missing_everything.json")),
    ("filings/mobile_and_email_shared.json", include_str!("filings/mobile_and_email_shared.json")),
    ("filings/nwcd_guangdong_commitment.json", include_str!("filings/nwcd_guangdong_commitment.json")),
    ("filings/nwcd_individual_not_accepted.json", include_str!("filings/nwcd_individual_not_accepted.json")),
    ("filings/nwcd_province_not_served.json", include_str!("filings/nwcd_province_not_served.json")),
    ("filings/platform_aliases.json", include_str!("filings/platform_aliases.json")),
    ("filings/pre_approval_missing.json", include_str!("filings/pre_approval_missing.json")),
    ("filings/record_numbers.json", include_str!("filings/record_numbers.json")),
    ("filings/record_service_type.json", include_str!("filings/record_service_type.json")),
    ("filings/sinnet_jiangsu_documents.json", include_str!("filings/sinnet_jiangsu_documents.json")),
    ("filings/sinnet_tibet_refused.json", include_str!("filings/sinnet_tibet_refused.json")),
    ("filings/uscc_other_province.json", include_str!("filings/uscc_other_province.json")),
    ("filings/valid_app_three_platforms.json", include_str!("filings/valid_app_three_platforms.json")),
    ("filings/valid_website.json", include_str!("filings/valid_website.json")),
];

/// The sample filings through the same API inside wasm32, digest for digest.
#[wasm_bindgen_test]
fn sample_filings_give_the_expected_reports_in_wasm() {
    use icp_validate::filing::validate_filing_json;
    let mut failures = Vec::new();
    for (name, text) in FILING_FILES {
        let case: serde_json::Value = serde_json::from_str(text).unwrap();
        let digest = common::filing_digest(&case, |json, options| serde_json::to_value(validate_filing_json(json, options)).unwrap());
        if case["expect"] != digest {
            failures.push(format!("{name}: expected {} got {digest}", case["expect"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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

/// The committed result baseline (tests/baseline.rs natively), line for line inside wasm32.
#[wasm_bindgen_test]
fn results_match_the_committed_baseline_in_wasm() {
    let sets = [
        ("fields", include_str!("baseline/fields.jsonl"), include_str!("baseline/fields.results.jsonl"), common::baseline_field_line as fn(&str) -> String),
        ("filings", include_str!("baseline/filings.jsonl"), include_str!("baseline/filings.results.jsonl"), common::baseline_filing_line),
    ];
    for (name, corpus, results, run) in sets {
        let want: Vec<&str> = results.lines().collect();
        let got: Vec<String> = corpus.lines().map(run).collect();
        assert_eq!(got.len(), want.len(), "{name}: line count");
        let differ: Vec<String> = (0..got.len()).filter(|&i| got[i] != want[i]).take(3).map(|i| format!("line {}: want {} got {}", i + 1, want[i], got[i])).collect();
        assert!(differ.is_empty(), "{name} differs from the baseline:\n{}", differ.join("\n"));
    }
}
