//! A fictitious provider, registered only in this crate's own tests: it shows that a provider
//! is one file plus one line in `PROVIDERS`, and that every fact in the file reaches the
//! field rules, the attachment limits, the route and the checklist. Its vectors are
//! tests/providers/fixture.json.

use super::provider::{ElectronicUploads, Provider, ProvinceDocument, SmsVerification};
use crate::attachment_kinds::{Limits, KINDS};
use crate::documents::Need;
use crate::message::{Code, Severity};
use crate::province_code::ProvinceCode as P;
use crate::message::text;

pub const NOTE_FIXTURE: Code = Code {
    id: "filing.note_fixture",
    zh: text("示例云：浙江的负责人须到营业厅当面核验"),
    en: text("Example Cloud: persons in charge in Zhejiang are verified in person at a service hall"),
};

pub static PROVIDER: Provider = Provider {
    id: "fixture",
    name_zh: text("示例云"),
    name_en: text("Example Cloud"),
    not_served: &[P::HAINAN],
    accepts_individuals: false,
    mobile_mismatch: Severity::Error,
    latin_entity_name: Severity::Error,
    sms_verification: SmsVerification::Provinces(&[P::ZHEJIANG]),
    electronic_uploads: ElectronicUploads::ToProvider,
    always: &["security_responsibility_letter"],
    domain_certificate_required: true,
    authenticity_form_always: false,
    verification_photo_always: false,
    confirmation_letter: None,
    province_documents: &[ProvinceDocument { province: P::ZHEJIANG, document: "commitment_letter", need: Need::Required, source: "fixture" }],
    verification_notes: &[(P::ZHEJIANG, &NOTE_FIXTURE)],
    attachment_limits: &[("app_icon", Limits { min_width: 512, min_height: 512, source: "fixture", ..KINDS[3].limits })],
    account_id_field: Some("aws_account_id"),
    uscc_province_advice: &super::provider::CHECK_CURRENT_LICENCE,
    codes: &[&NOTE_FIXTURE],
};

#[cfg(test)]
mod tests {
    #[cfg(feature = "local-field-answers")]
    use crate::filing::{validate_filing_json, Options};
    use crate::registry::validate_field;
    use crate::{Context, Locale};
    use serde_json::Value;

    fn vectors() -> Value {
        serde_json::from_str(include_str!("../../tests/providers/fixture.json")).expect("tests/providers/fixture.json")
    }

    #[test]
    fn field_vectors_under_the_fixture_provider() {
        let doc = vectors();
        for v in doc["fields"].as_array().unwrap() {
            let ctx: Context = serde_json::from_value(v["context"].clone()).unwrap();
            let r = validate_field(v["field"].as_str().unwrap(), v["value"].as_str().unwrap(), &ctx, Locale::En);
            let codes: Vec<String> = r.errors.iter().map(|i| format!("error {}", i.code)).chain(r.warnings.iter().map(|i| format!("warning {}", i.code))).collect();
            assert_eq!(serde_json::to_value(&codes).unwrap(), v["findings"], "{v}");
        }
    }

    #[test]
    #[cfg(feature = "local-field-answers")]
    fn filing_vectors_under_the_fixture_provider() {
        let doc = vectors();
        for case in doc["filings"].as_array().unwrap() {
            let options: Options = serde_json::from_value(case["options"].clone()).unwrap();
            let r = validate_filing_json(&case["filing"].to_string(), &options);
            let r = serde_json::to_value(&r).unwrap();
            let issues = |k: &str| -> Vec<String> { r[k].as_array().unwrap().iter().map(|i| format!("{} {}", i["path"].as_str().unwrap(), i["code"].as_str().unwrap())).collect() };
            let documents: Vec<String> = r["documents"].as_array().unwrap().iter().map(|d| format!("{} {} {}", d["id"].as_str().unwrap(), d["subject"].as_str().unwrap(), d["need"].as_str().unwrap())).collect();
            let got = serde_json::json!({
                "provider": r["provider"],
                "errors": issues("errors"),
                "warnings": issues("warnings"),
                "sms_verification": r["verification"]["sms_verification"],
                "notes": r["verification"]["notes"],
                "documents": documents,
            });
            assert_eq!(got, case["expect"], "{}", case["description"]);
        }
    }

    #[test]
    fn attachment_limits_come_from_the_provider_file() {
        assert_eq!(crate::attachment::limits("app_icon", Some(&super::PROVIDER)).map(|l| l.min_width), Some(512));
        assert_eq!(crate::attachment::limits("app_icon", Some(crate::providers::profile(crate::context::Provider::Nwcd))).map(|l| l.min_width), Some(0));
    }
}
