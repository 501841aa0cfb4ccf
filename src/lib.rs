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
pub mod checksum;
pub mod context;
pub mod date;
pub mod input;
pub mod message;
pub mod outcome;
pub mod province_code;
pub mod rule;
// data
pub mod attachment_kinds;
pub mod documents;
pub mod region;
// rules
pub mod appfile;
pub mod attachment;
pub mod providers;
pub mod rules;
// registry
pub mod registry;
// filing
pub mod filing;
// facade
pub mod catalog;
pub mod cli_output;
pub mod docs;

#[cfg(all(target_arch = "wasm32", feature = "browser", not(any(feature = "idn-module", feature = "app-file-module"))))]
mod wasm;
// The npm package's IDN module: UTS 46 alone, for the field module (src/rules/idn.rs).
#[cfg(all(target_arch = "wasm32", feature = "browser", feature = "idn-module"))]
mod wasm_idn;
// The npm package's app-file module: the APP-file reader alone (src/appfile/).
#[cfg(all(target_arch = "wasm32", feature = "browser", feature = "app-file-module"))]
mod wasm_app_file;

pub use context::Context;
pub use filing::{validate_filing, Filing, Options, Report};
pub use filing::validate_filing_json;
pub use date::Date;
pub use message::{Code, Locale, Severity, Value};
pub use outcome::{FieldResult, Issue, Outcome};
pub use registry::{check_attachment, check_field, data_sources, data_version, is_valid, list_fields, validate_field, DataSource, FieldInfo};

