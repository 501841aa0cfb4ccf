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
// the catalog, the workspace shells' door `__shell`; the wasm bindings and the CLI are crates
// of their own: crates/wasm, crates/cli).

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

/// What a shell of this workspace needs that is not public API: the browser bindings
/// (crates/wasm) reach the rules' internals through here. Semver-exempt, for the shells in
/// this workspace only; not part of the crate's API.
#[doc(hidden)]
pub mod __shell {
    pub use crate::attachment::{inspect_attachment, HEADER_LEN};
    pub use crate::appfile::{cross_check, RangeReader, Round, Typed};
    pub use crate::catalog::version;
    pub use crate::filing::{check_filing_json, malformed_checked, read, Checked, NOT_JSON, NOT_SERIALISABLE, OPTIONS_MALFORMED};
    pub use crate::input::{excerpt, MALFORMED, NOT_TEXT};
    pub use crate::message::Value;
    pub use crate::outcome::Finding;
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
}

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
    /// `local-field-answers`); without it, an answerer must be installed.
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

pub use rules::idn::{install_uts46, Uts46Part};
pub use context::Context;
pub use filing::{validate_filing, Filing, Options, Report};
pub use filing::validate_filing_json;
pub use date::Date;
pub use message::{Code, Locale, Severity, Value};
pub use outcome::{FieldResult, Issue, Outcome};
pub use registry::{check_attachment, check_field, data_sources, data_version, is_valid, list_fields, validate_field, DataSource, FieldInfo};

