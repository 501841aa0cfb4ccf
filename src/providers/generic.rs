//! What every provider in the seeds agrees on: the profile for filings that name none (or
//! an unknown one).

use super::provider::{ElectronicUploads, Provider, ProvinceDocument, SmsVerification};
use crate::documents::Need;
use crate::message::Severity;
use crate::province_code::ProvinceCode as P;
use crate::message::text;

pub static PROVIDER: Provider = Provider {
    id: "generic",
    name_zh: text("接入服务商"),
    name_en: text("The provider"),
    not_served: &[],
    accepts_individuals: true,
    mobile_mismatch: Severity::Warning,
    latin_entity_name: Severity::Warning,
    // MIIT's requirement for every mainland filing (nwcd-website-guide-zh 九 2; 七 步骤6: rare
    // exceptions are announced by e-mail).
    sms_verification: SmsVerification::All,
    electronic_uploads: ElectronicUploads::ToProvider,
    always: &[],
    domain_certificate_required: false,
    authenticity_form_always: false,
    verification_photo_always: false,
    // NWCD and Sinnet ask for it, Alibaba Cloud's guide does not: conditional.
    confirmation_letter: Some((Need::Conditional, "nwcd-website-guide-en Appendix 2 item 3; sinnet-guide-en Notice 3); not in aliyun-filing-guide-en")),
    // Shanghai's commitment letter is the one province document both NWCD and Sinnet name.
    province_documents: &[ProvinceDocument {
        province: P::SHANGHAI,
        document: "commitment_letter",
        need: Need::Required,
        source: "nwcd-website-guide-en Appendix 2 item 4; sinnet-guide-en materials table item 11",
    }],
    verification_notes: &[],
    attachment_limits: &[],
    account_id_field: None,
    uscc_province_advice: &super::provider::CHECK_CURRENT_LICENCE,
    codes: &[],
};
