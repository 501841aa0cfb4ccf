//! Sinnet (光环新网, AWS China Beijing region): sinnet-guide-en.

use super::provider::{ElectronicUploads, Provider, ProvinceDocument, SmsVerification};
use crate::attachment_kinds::Format;
use crate::attachment_kinds::{Limits, ENTITY_CERTIFICATE};
use crate::documents::Need;
use crate::message::Severity;
use crate::province_code::ProvinceCode as P;
use crate::message::text;

/// Sinnet collects offline-verification documents as colour soft copies by e-mail and names
/// no size range (sinnet-guide-en, Note 2), so its certificates keep resolution and colour
/// but drop the 100-200 KiB window and accept PNG.
const CERTIFICATE_SIZE: Limits = Limits {
    min_bytes: 0,
    max_bytes: 10 * 1024 * 1024,
    formats: &[Format::Jpeg, Format::Png],
    source: "sinnet-guide-en materials table and Note 2 (colour soft copy, no size range)",
    ..ENTITY_CERTIFICATE
};

pub static PROVIDER: Provider = Provider {
    id: "sinnet",
    name_zh: text("光环新网"),
    name_en: text("Sinnet"),
    // sinnet-guide-en 3. Scope of services: all provinces except Tibet.
    not_served: &[P::TIBET],
    // Not excluded by sinnet-guide-en; its materials table assumes an enterprise.
    accepts_individuals: true,
    mobile_mismatch: Severity::Warning,
    // sinnet-guide-en, Self-service platform: "all ICP application materials and information
    // filled must be in Chinese".
    latin_entity_name: Severity::Error,
    // Not in sinnet-guide-en; MIIT's requirement for every mainland filing
    // (nwcd-website-guide-zh 九 2) is not the provider's choice.
    sms_verification: SmsVerification::All,
    // sinnet-guide-en materials table, Note 1: electronic verification needs no material 2-6.
    electronic_uploads: ElectronicUploads::NotNeeded,
    // Materials table items 1 (account screenshot) and 8 (security responsibility letter).
    always: &["account_screenshot", "security_responsibility_letter"],
    // Materials table item 9: "One copy for each domain name".
    domain_certificate_required: true,
    authenticity_form_always: false,
    verification_photo_always: false,
    // Notice 3): a confirmation letter sealed by both companies.
    confirmation_letter: Some((Need::Required, "sinnet-guide-en Notice 3)")),
    province_documents: &[
        ProvinceDocument { province: P::SHANGHAI, document: "commitment_letter", need: Need::Required, source: "sinnet-guide-en materials table item 11" },
        ProvinceDocument { province: P::HUNAN, document: "website_construction_document", need: Need::Required, source: "sinnet-guide-en materials table item 12" },
        ProvinceDocument { province: P::JIANGSU, document: "authenticity_responsibility_notice", need: Need::Required, source: "sinnet-guide-en materials table item 13" },
        ProvinceDocument { province: P::JIANGSU, document: "authenticity_commitment", need: Need::Required, source: "sinnet-guide-en materials table item 14" },
    ],
    verification_notes: &[],
    attachment_limits: &[
        ("entity_certificate", CERTIFICATE_SIZE),
        ("person_certificate", Limits { min_width: 720, min_height: 1280, ..CERTIFICATE_SIZE }),
    ],
    // sinnet-guide-en materials table item 1: the AWS account (ID) the filing is for.
    account_id_field: Some("aws_account_id"),
    uscc_province_advice: &super::provider::CHECK_CURRENT_LICENCE,
    codes: &[],
};
