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

// The house, bottom to top (tests/layers.rs holds every `crate::`/`super::` path to it):
// vocabulary (codes, findings, typed context, locale) -> data (generated tables, documents)
// -> rules (field rules, attachments, providers) -> registry -> filing -> facade (this file,
// the catalog, the wasm bindings, the CLI).

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

#[cfg(all(target_arch = "wasm32", feature = "browser", not(any(feature = "idn-module", feature = "app-file-module"))))]
mod wasm;
// The npm package's IDN module: UTS 46 alone, for the field module (src/rules/idn.rs).
#[cfg(all(target_arch = "wasm32", feature = "browser", feature = "idn-module"))]
mod wasm_idn;
// The npm package's app-file module: the APP-file reader alone (src/appfile/).
#[cfg(all(target_arch = "wasm32", feature = "browser", feature = "app-file-module"))]
mod wasm_app_file;

// The facade: everything below is the public API (tests/public-api.txt holds it); every
// other module is private.

pub use context::{CertificateType, Context, EntityType, Platform, Provider};
pub use date::Date;
pub use filing::{validate_filing, validate_filing_json, Filing, Options, Report};
pub use message::{Code, Locale, Severity, Term, Value};
pub use outcome::{FieldResult, Finding, Issue, Outcome};
pub use province_code::ProvinceCode;
pub use registry::{check_attachment, check_field, data_sources, data_version, is_valid, list_fields, validate_field, DataSource, FieldInfo};

/// The filing a [`validate_filing`] call reads: [`Filing`] and the parts it is made of.
pub mod model {
    pub use crate::attachment::AttachmentMeta;
    pub use crate::filing::{Access, AppPlatform, Domain, DomainRecord, Entity, Filing, FilingKind, Person, PreApproval, Service, ServiceType};
}

/// What a [`validate_filing`] call answers: the [`Report`] and its parts.
pub mod report {
    pub use crate::documents::Need;
    pub use crate::filing::{DocumentItem, PathIssue, Report, Route, Summary, Upload, Verification, MAX_JSON_BYTES};
}

/// Uploaded attachments (licence scans, ID card photos): the kinds and their limits, and the
/// checks of a file's header ([`check_attachment`](crate::check_attachment)) or of metadata
/// a filing already carries ([`check_metadata`]).
pub mod attachments {
    pub use crate::attachment::{check_metadata, AttachmentResult, ColourMode, Format, Kind, Limits, HEADER_LEN, KINDS};
    pub use crate::attachment::AttachmentMeta;
}

/// APP files (`.apk`, `.ipa`, `.hap`, `.app`, provisioning profiles, certificates): what the
/// filing's APP platform fields need read from the file itself ([`read`]), and the typed
/// values compared with it ([`cross_check`]).
pub mod app_file {
    pub use crate::appfile::{cross_check, read, AppInfo, Certificate, FileSource, Harmony, RangeReader, ReadError, Round, Source, Typed, MAX_ROUNDS};
}

/// The JSON-lines wire the `icp-validate` CLI and the server ABI share: what they read and
/// print, as functions, so every shell prints the same bytes by construction.
pub mod wire {
    pub use crate::cli_output::{app_info_json, batch_chunk, batch_line, context_json, filing_report, json_text, write_batch_result, Object, FILING_READ_LIMIT};
}

/// Semver-exempt, for the shells in this workspace only: what the workspace's own tools reach
/// below the facade (the benchmark inputs, the fuzz targets). Not part of the public API.
#[doc(hidden)]
pub mod __shell {
    pub use crate::appfile::source::Ranges;
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
