//! Attachment header parsing and every kind's limits on arbitrary bytes. The invariants
//! (linear parser work, plausible sizes, rendered messages complete) live in
//! `attachment::fuzz_one` (`__shell::fuzz_one`) so unit tests and this target check the same things.
#![no_main]

use icp_validate::__shell::fuzz_one;
use icp_validate::attachments::KINDS;
use icp_validate::check_attachment;
use icp_validate::{Context, Locale, Provider};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    fuzz_one(data);
    // The public entry point with a provider profile and a hostile declared size.
    let ctx = Context { provider: Some(Provider::Sinnet), ..Context::default() };
    for kind in KINDS {
        let r = check_attachment(kind.id, data, u64::MAX, &ctx, Locale::ZhCn);
        assert!(r.valid == r.errors.is_empty());
    }
});
