//! # icp-validate
//!
//! Validation rules for Chinese ICP filing (ICP备案) forms. The same pure-Rust rules run
//! natively (servers, the `icp-validate` CLI) and in the browser or Node through the wasm
//! bindings, so instant feedback and the server's final check always agree.
//!
//! ```
//! use icp_validate::{validate_field, Context, Locale};
//!
//! let r = validate_field("resident_id", "11010519491231002x", &Context::default(), Locale::En);
//! assert!(r.valid);
//! assert_eq!(r.normalized.as_deref(), Some("11010519491231002X"));
//!
//! let r = validate_field("resident_id", "110105194912310021", &Context::default(), Locale::En);
//! assert_eq!(r.codes(), ["resident_id.checksum"]);
//! ```
//!
//! ## The API
//!
//! - One field: [`validate_field`] (worded in a [`Locale`]), [`is_valid`] (the verdict alone),
//!   [`check_field`] (the locale-free [`Outcome`]); the fields are [`list_fields`], the facts
//!   a rule reads beyond the value a [`Context`] (with a typed [`Provider`]).
//! - A whole filing: [`validate_filing`] or [`validate_filing_json`] with [`Options`]; the
//!   filing's parts are in [`model`], the [`Report`]'s in [`report`].
//! - Attachments: [`check_attachment`]; kinds, limits and metadata checks in [`attachments`].
//! - APP files: [`app_file::read`] and [`app_file::RangeReader`].
//! - Every code and word a result can carry: [`catalog`]; the generated tables behind the
//!   rules: [`data_sources`], [`data_version`].
//! - What the CLI and the server ABI read and print: [`wire`].
//!
//! Results carry stable codes ([`Issue::code`]) with typed params ([`Value`]); the message
//! is only their wording in the requested locale.

#![warn(missing_docs)]

// The house, bottom to top (tests/layers.rs holds every `crate::`/`super::` path to it):
// vocabulary (codes, findings, typed context, locale) -> data (generated tables, documents)
// -> rules (field rules, attachments, providers) -> registry -> filing -> facade (this file,
// the catalog, the workspace shells' door `__shell`; the wasm bindings and the CLI are crates
// of their own: crates/wasm, crates/cli).

// vocabulary
mod case_table;
mod checksum;
mod context;
mod date;
mod input;
mod message;
mod outcome;
mod province_code;
mod rule;
// data
mod attachment_kinds;
mod documents;
mod region;
// rules
mod appfile;
mod attachment;
mod providers;
mod rules;
// registry
mod registry;
// filing
mod filing;
// facade
pub mod catalog;
mod cli_output;
mod docs;

// The facade: everything below is the public API (tests/public-api.txt holds it); every
// other module is private.

pub use context::{CertificateType, Context, EntityType, Platform, Provider};
pub use rules::idn::{install_uts46, Uts46Part};

/// What this build can do: each default feature a build leaves out turns one of these off.
/// A caller that needs one checks it instead of reading a different answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Capabilities {
    /// Message templates and field labels (feature `messages`); without them every message
    /// and label is empty and findings are worded from their codes and params elsewhere.
    pub messages: bool,
    /// UTS 46 for names that are not plain ASCII: linked (feature `uts46`) or installed with
    /// [`install_uts46`]. Without it such a name is answered with `input.uts46_unavailable`.
    pub uts46: bool,
    /// The filing check answers its field rules with the rules linked here (feature
    /// `local-field-answers`); without it, an answerer must be installed, and
    /// [`filing_fields_unanswered`] tells a check that ran without one.
    pub local_field_answers: bool,
}

/// This build's [`Capabilities`] (on this thread, for an installed UTS 46 provider).
///
/// ```
/// let caps = icp_validate::capabilities();
/// assert_eq!(caps.messages, cfg!(feature = "messages"));
/// ```
pub fn capabilities() -> Capabilities {
    Capabilities { messages: cfg!(feature = "messages"), uts46: rules::idn::uts46_available(), local_field_answers: cfg!(feature = "local-field-answers") }
}

/// Whether a filing check on this thread ran since the last call with no one to answer its
/// field rules (a build without `local-field-answers` and no answerer installed): that report
/// rests on empty field outcomes and is no verdict. Clears the record.
///
/// ```
/// let _ = icp_validate::validate_filing_json(r#"{"kind":"new_filing"}"#, &Default::default());
/// assert_eq!(icp_validate::filing_fields_unanswered(), !icp_validate::capabilities().local_field_answers);
/// ```
pub fn filing_fields_unanswered() -> bool {
    registry::bridge::take_unanswered()
}

pub use date::Date;
pub use filing::{validate_filing, validate_filing_json, Filing, Options, Report};
pub use message::{Code, Locale, Severity, Term, Value};
pub use outcome::{DetailKey, FieldResult, Finding, Issue, Outcome};
pub use province_code::ProvinceCode;
pub use registry::{check_attachment, check_field, data_sources, data_version, is_valid, list_fields, validate_field, DataSource, FieldInfo};

/// The filing a [`validate_filing`] call reads: [`Filing`] and the parts it is made of, as
/// the provider's console asks for them. Every part has a default, and JSON may leave any
/// key out ([`validate_filing_json`]); unknown keys are refused.
///
/// ```
/// use icp_validate::model::{Domain, Filing, FilingKind, Service, ServiceType};
///
/// let filing: Filing = serde_json::from_str(r#"{"kind":"new_service","services":[{"type":"website","domains":["example.cn"]}]}"#).unwrap();
/// assert_eq!(filing.kind, FilingKind::NewService);
/// assert_eq!(filing.services[0].service_type, ServiceType::Website);
/// assert_eq!(filing.services[0].domains[0].name(), "example.cn");
/// # let _ = (Domain::Name(String::new()), Service::default());
/// ```
pub mod model {
    pub use crate::attachment::AttachmentMeta;
    pub use crate::filing::{Access, AppPlatform, Domain, DomainRecord, Entity, Filing, FilingKind, Person, PreApproval, Service, ServiceType};
}

/// What a [`validate_filing`] call answers: the [`Report`] and its parts: findings by path,
/// the documents checklist, the verification route, counts.
///
/// ```
/// use icp_validate::report::{Need, Report};
/// use icp_validate::{validate_filing_json, Options};
///
/// let report: Report = validate_filing_json(r#"{"kind":"new_filing"}"#, &Options::default());
/// assert_eq!(report.summary.errors, report.errors.len());
/// let required = report.documents.iter().filter(|d| d.need == Need::Required).count();
/// assert_eq!(report.summary.documents_required, required);
/// ```
pub mod report {
    pub use crate::documents::Need;
    pub use crate::filing::{DocumentItem, PathIssue, Report, Route, Summary, Upload, Verification, MAX_JSON_BYTES};
}

/// Uploaded attachments (licence scans, ID card photos): the kinds and their limits, and the
/// checks of a file's header ([`check_attachment`]) or of metadata
/// a filing already carries ([`check_metadata`](attachments::check_metadata)).
///
/// ```
/// use icp_validate::attachments::{Format, KINDS};
///
/// let licence = KINDS.iter().find(|k| k.id == "entity_certificate").unwrap();
/// assert!(licence.limits.formats.contains(&Format::Jpeg));
/// ```
pub mod attachments {
    pub use crate::attachment::{check_metadata, AttachmentResult, ColourMode, Format, Kind, Limits, HEADER_LEN, KINDS};
    pub use crate::attachment::AttachmentMeta;
}

/// APP files (`.apk`, `.ipa`, `.hap`, `.app`, provisioning profiles, certificates): what the
/// filing's APP platform fields need read from the file itself ([`read`](app_file::read)), and the typed
/// values compared with it ([`cross_check`](app_file::cross_check)). Files are read by ranges ([`Source`](app_file::Source)), never
/// whole: natively from disk ([`FileSource`](app_file::FileSource)), from memory (`Vec<u8>`), or from a host that
/// slices them asynchronously ([`RangeReader`](app_file::RangeReader)).
///
/// ```
/// use icp_validate::app_file::{self, Source};
/// use icp_validate::Date;
///
/// let bytes = b"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n".to_vec();
/// assert_eq!(Source::len(&bytes), bytes.len() as u64);
/// let info = app_file::read(&bytes, Date::parse("2026-11-23").unwrap());
/// assert!(info.has_errors() && info.md5.is_none());
/// ```
pub mod app_file {
    pub use crate::appfile::{cross_check, read, AppInfo, Certificate, Harmony, RangeReader, ReadError, Round, Source, Typed, MAX_ROUNDS};
    #[cfg(any(unix, windows))]
    pub use crate::appfile::FileSource;
}

/// The JSON-lines wire the `icp-validate` CLI and the server ABI share: what they read and
/// print, as functions, so every shell prints the same bytes by construction.
///
/// ```
/// use icp_validate::{wire, Locale};
///
/// let mut out = Vec::new();
/// let all_valid = wire::batch_chunk(b"{\"field\":\"domain\",\"value\":\"example.cn\"}\n", Locale::En, None, &mut out);
/// assert!(all_valid);
/// assert!(String::from_utf8(out).unwrap().starts_with("{\"field\":\"domain\",\"valid\":true"));
/// ```
pub mod wire {
    pub use crate::cli_output::{app_info_json, batch_chunk, batch_line, context_json, filing_report, json_text, write_batch_result, Object, FILING_READ_LIMIT};
}

/// Semver-exempt, for the shells in this workspace only: what the browser bindings
/// (crates/wasm) and the workspace's own tools (the benchmark inputs, the fuzz targets) reach
/// below the facade. Not part of the public API.
#[doc(hidden)]
pub mod __shell {
    // crates/wasm (the browser bindings)
    pub use crate::attachment::{inspect_attachment, HEADER_LEN};
    pub use crate::appfile::{cross_check, RangeReader, Round, Typed};
    pub use crate::catalog::version;
    pub use crate::filing::{check_filing_json, malformed_checked, read, Checked, NOT_JSON, NOT_SERIALISABLE, OPTIONS_MALFORMED};
    pub use crate::input::{excerpt, MALFORMED, NOT_TEXT};
    pub use crate::message::Value;
    pub use crate::message::WireTag;
    pub use crate::outcome::{public_order, Finding};
    pub use crate::registry::bridge::{answer_bytes, decode_answers, encode_batch, install_answerer, push_decimal, Answers, Batch};
    /// The typed context from JSON text, as the registry reads it.
    pub mod context {
        pub use crate::registry::context::{from_json, from_json_cached, last_cached, unreadable};
    }
    pub use crate::registry::context_wire::plain_number;
    pub use crate::registry::{check_field_unguarded, find, rules};
    pub use crate::rules::idn::take_missed;
    #[cfg(feature = "uts46")]
    pub use crate::rules::idn::Idna;
    // benches and fuzz targets
    pub use crate::appfile::source::Ranges;
    /// The APP-file reader's limits, from which the fuzz target bounds the bytes it may read.
    pub mod appfile_limits {
        pub use crate::appfile::apksig::MAX_VALUE as APK_MAX_VALUE;
        pub use crate::appfile::hapsig::MAX_VALUE as HAP_MAX_VALUE;
        pub use crate::appfile::zip::MAX_DIRECTORY as ZIP_MAX_DIRECTORY;
        pub use crate::appfile::{MAX_ENTRY, MAX_MODULE, MAX_MODULES};
    }
    pub use crate::attachment::fuzz_one;
    pub use crate::attachment::header::crc32;
    pub use crate::checksum::{mod11_2, org_code_check, uscc_check};
    pub use crate::filing::read::filing as read_filing;
    pub use crate::region::{mobile_allocated, mobile_province, provinces, region_code_status};
}

// Tests of the internals (src/internal_tests/) use the paths the integration tests used.
#[cfg(test)]
extern crate self as icp_validate;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod internal_tests;
