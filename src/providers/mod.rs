//! Provider profiles: what each filing service provider (接入商) asks for beyond the rules all
//! filings share. One file per provider holds everything known about it (coverage, documents
//! by province, attachment limits, severities, notes, route rules, account id form), each
//! fact with its seed cited beside it. Adding a provider is one file and one line in
//! [`PROVIDERS`]. `generic` is what every provider in the seeds agrees on; unknown ids fall
//! back to it.

mod provider;

pub use provider::{ElectronicUploads, Provider, ProvinceDocument, SmsVerification};
use crate::attachment_kinds::Limits;

/// Declares each provider's module and lists its `PROVIDER` in [`PROVIDERS`], so that
/// registering a provider is one line.
macro_rules! providers {
    ($($(#[$attr:meta])* $name:ident,)*) => {
        $($(#[$attr])* mod $name;)*
        /// Every registered provider, `generic` last (the fallback).
        pub static PROVIDERS: &[&Provider] = &[$($(#[$attr])* &$name::PROVIDER,)*];
    };
}

providers! {
    nwcd,
    sinnet,
    aliyun,
    #[cfg(test)] fixture,
    generic,
}

/// The provider with this id (case-insensitive, trimmed).
pub fn find(id: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().copied().find(|p| p.id.eq_ignore_ascii_case(id.trim()))
}

/// The provider for an optional id: `generic` when absent or unknown.
pub fn find_or_generic(id: Option<&str>) -> &'static Provider {
    id.and_then(find).unwrap_or(&generic::PROVIDER)
}

/// The provider's limits for an attachment kind, when they differ from the default.
pub fn attachment_limits(provider: &Provider, kind: &str) -> Option<&'static Limits> {
    provider.attachment_limits.iter().find(|(k, _)| *k == kind).map(|(_, l)| l)
}
