//! What a provider's file declares.

use crate::attachment_kinds::Limits;
use crate::documents::Need;
use crate::message::{Code, Severity, Term};
use crate::province_code::ProvinceCode;
use crate::message::text;

/// A document only some provinces' filings need.
#[derive(Debug)]
pub struct ProvinceDocument {
    pub province: ProvinceCode,
    /// Document id from `documents::DOCUMENTS`.
    pub document: &'static str,
    pub need: Need,
    pub source: &'static str,
}

/// Which entity provinces get an SMS verification from the MIIT system. Every mainland
/// filing does by MIIT's latest requirement (nwcd-website-guide-zh 九 2), with rare exceptions
/// the provider announces by e-mail (七 步骤6); a province list is what an older guide said.
#[derive(Debug, Clone, Copy)]
pub enum SmsVerification {
    All,
    // Only the test fixture's profile lists provinces today; the check reads it (filing/check.rs).
    #[cfg_attr(not(test), allow(dead_code))]
    Provinces(&'static [ProvinceCode]),
}

/// Where the entity certificate and the ID cards are uploaded when the filing is verified
/// electronically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElectronicUploads {
    /// Uploaded to the provider like on the manual route.
    ToProvider,
    /// Prepared beforehand and uploaded in the WeChat mini program of the electronic
    /// verification, not to the provider.
    InMiniProgram,
    /// Not asked for at all: the verification app handles them.
    NotNeeded,
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
    /// Where the licence and ID cards go on the electronic route.
    pub electronic_uploads: ElectronicUploads,
    /// Documents every filing with this provider needs (ids from `documents`).
    pub always: &'static [&'static str],
    /// The domain certificate (域名证书) is asked for each domain, not just "if applicable".
    pub domain_certificate_required: bool,
    /// The authenticity form is filled and uploaded even with electronic verification.
    pub authenticity_form_always: bool,
    /// The person in charge of each service is photographed for verification on every route,
    /// not only the manual one.
    pub verification_photo_always: bool,
    /// Whether the provider asks for the confirmation letter when the cloud account's company
    /// is not the entity, how surely, and the seed that says so; `None`: its guide does not.
    pub confirmation_letter: Option<(Need, &'static str)>,
    pub province_documents: &'static [ProvinceDocument],
    /// Provinces with their own verification procedure, and the note to show.
    pub verification_notes: &'static [(ProvinceCode, &'static Code)],
    /// Attachment kinds whose limits differ from the defaults (`attachment_kinds::KINDS`).
    pub attachment_limits: &'static [(&'static str, Limits)],
    /// The field rule the cloud account id is checked with; `None`: no account id asked.
    pub account_id_field: Option<&'static str>,
    /// What `uscc.province_mismatch` advises when the USCC's region is not the filing
    /// province (may name `{expected}`, the filing province).
    pub uscc_province_advice: &'static Term,
    /// Codes this provider's file declares (its notes), for the catalog.
    pub codes: &'static [&'static Code],
}

/// The advice of `uscc.province_mismatch` where the provider says nothing more: the seeds'
/// rule is that the filing is made where the licence was issued (aliyun-filing-guide-en,
/// introduction), which the current licence shows and the code cannot.
pub const CHECK_CURRENT_LICENCE: Term = Term {
    id: "check_current_licence",
    zh: text("请确认现行营业执照由{expected}的登记机关颁发"),
    en: text("Make sure the current licence was issued by an authority in {expected}"),
};
