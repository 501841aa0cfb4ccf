//! What a provider's file declares.

use crate::attachment::kinds::Limits;
use crate::documents::Need;
use crate::message::{Code, Severity};
use crate::province_code::ProvinceCode;

/// A document only some provinces' filings need.
#[derive(Debug)]
pub struct ProvinceDocument {
    pub province: ProvinceCode,
    /// Document id from `documents::DOCUMENTS`.
    pub document: &'static str,
    pub need: Need,
    pub source: &'static str,
}

/// Which entity provinces get an SMS verification from the MIIT system.
#[derive(Debug, Clone, Copy)]
pub enum SmsVerification {
    All,
    Provinces(&'static [ProvinceCode]),
    /// The provider's guide does not say.
    NotStated,
}

/// What one provider enforces.
#[derive(Debug)]
pub struct Provider {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Provinces whose filings the provider does not accept.
    pub not_served: &'static [ProvinceCode],
    /// Personal (individual) filings accepted.
    pub accepts_individuals: bool,
    /// Severity when the contact mobile or the address is from another province than the
    /// entity's.
    pub mobile_mismatch: Severity,
    /// Severity when an organisation's name has no Chinese character (`entity_name.not_chinese`):
    /// an error where the provider's guide says the form is filled in Chinese.
    pub latin_entity_name: Severity,
    pub sms_verification: SmsVerification,
    /// With electronic verification the licence, ID cards, photo and authenticity form are
    /// handled in the verification app and not sent separately.
    pub electronic_skips_uploads: bool,
    /// Documents every filing with this provider needs (ids from `documents`).
    pub always: &'static [&'static str],
    /// The domain certificate (域名证书) is asked for each domain, not just "if applicable".
    pub domain_certificate_required: bool,
    /// The authenticity form is filled and uploaded even with electronic verification.
    pub authenticity_form_always: bool,
    pub province_documents: &'static [ProvinceDocument],
    /// Provinces with their own verification procedure, and the note to show.
    pub verification_notes: &'static [(ProvinceCode, &'static Code)],
    /// Attachment kinds whose limits differ from the defaults (`attachment::kinds::KINDS`).
    pub attachment_limits: &'static [(&'static str, Limits)],
    /// The field rule the cloud account id is checked with; `None`: no account id asked.
    pub account_id_field: Option<&'static str>,
    /// Codes this provider's file declares (its notes), for the catalog.
    pub codes: &'static [&'static Code],
}
