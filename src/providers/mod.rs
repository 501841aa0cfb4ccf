//! Provider profiles: what each filing service provider (接入商) asks for beyond the rules all
//! filings share. One file per provider holds everything known about it (coverage, documents
//! by province, attachment limits, severities, notes, route rules, account id form), each
//! fact with its seed cited beside it. Adding a provider is one file and one line in
//! [`PROVIDERS`]. `generic` is what every provider in the seeds agrees on; unknown ids fall
//! back to it.

mod provider;

pub use provider::{ElectronicUploads, Provider, SmsVerification};
use crate::attachment_kinds::Limits;

/// Declares each provider's module and lists its `PROVIDER` in [`PROVIDERS`], so that
/// registering a provider is one line.
/// Also maps each [`context::Provider`](crate::context::Provider) variant to its profile: the
/// match is exhaustive, so every variant has a profile and every profile a variant.
macro_rules! providers {
    ($($(#[$attr:meta])* $name:ident => $variant:ident,)*) => {
        $($(#[$attr])* mod $name;)*
        /// Every registered provider, `generic` last (the fallback).
        pub static PROVIDERS: &[&Provider] = &[$($(#[$attr])* &$name::PROVIDER,)*];

        /// The profile of a provider.
        pub fn profile(provider: crate::context::Provider) -> &'static Provider {
            match provider {
                $($(#[$attr])* crate::context::Provider::$variant => &$name::PROVIDER,)*
            }
        }
    };
}

providers! {
    nwcd => Nwcd,
    sinnet => Sinnet,
    aliyun => Aliyun,
    #[cfg(test)] fixture => Fixture,
    generic => Generic,
}

/// The provider with this id (case-insensitive, trimmed).
pub fn find(id: &str) -> Option<&'static Provider> {
    PROVIDERS.iter().copied().find(|p| p.id.eq_ignore_ascii_case(id.trim()))
}

/// The provider for an optional id: `generic` when absent or unknown.
pub fn find_or_generic(id: Option<&str>) -> &'static Provider {
    id.and_then(find).unwrap_or(&generic::PROVIDER)
}

/// The profile of a context's provider: `generic` when none.
pub fn profile_or_generic(provider: Option<crate::context::Provider>) -> &'static Provider {
    provider.map_or(&generic::PROVIDER, profile)
}

/// The provider's limits for an attachment kind, when they differ from the default.
pub fn attachment_limits(provider: &Provider, kind: &str) -> Option<&'static Limits> {
    provider.attachment_limits.iter().find(|(k, _)| *k == kind).map(|(_, l)| l)
}

#[cfg(test)]
mod typed_ids {
    use crate::context::Provider as Id;

    #[test]
    fn each_variant_names_its_profile_in_the_same_order() {
        assert_eq!(Id::ALL.len(), super::PROVIDERS.len());
        for (id, profile) in Id::ALL.iter().zip(super::PROVIDERS) {
            assert_eq!(id.as_str(), profile.id);
            assert!(std::ptr::eq(super::profile(*id), *profile), "{id}");
            assert_eq!(Id::find(&profile.id.to_uppercase()), Some(*id));
        }
        assert_eq!(super::profile_or_generic(None).id, "generic");
    }
}
