//! The APP file reader on arbitrary bytes: ZIP/ZIP64, the APK Signing Block, v1 PKCS#7,
//! binary XML, plists, provisioning profiles, certificates, the HAP signing block and its
//! profile, and the HAPs inside a HarmonyOS `.app`. It must return findings,
//! never panic, and read a bounded number of bytes however the file lies about its sizes.
//! Read in rounds over the ranges fetched so far (as the browser reads a `File`), it gives
//! the very reading the whole file gives.
#![no_main]

use icp_validate::__shell::{appfile_limits as limits, Ranges};
use icp_validate::app_file::{self as appfile, cross_check, Typed};
use icp_validate::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = Date::new(2026, 11, 23).unwrap();
    let info = appfile::read(&data.to_vec(), today);
    // Ends, directory, signing block values and a few entries: never more than these bounds.
    // An `.app` reads up to MAX_MODULES HAPs, each its ends, directory and two block values.
    let module = limits::MAX_MODULE + 1024 + 0x1_0016 + limits::ZIP_MAX_DIRECTORY + 2 * limits::HAP_MAX_VALUE + 4096;
    let bound = 0x1_0016 + limits::ZIP_MAX_DIRECTORY + 64 * limits::APK_MAX_VALUE + 16 * limits::MAX_ENTRY + limits::MAX_MODULES as u64 * module;
    assert!(info.bytes_read <= bound, "{} bytes read", info.bytes_read);
    assert!(info.md5.is_none() || !info.certificates.is_empty());
    let typed = Typed { package: Some("com.example.app"), md5: Some("00112233445566778899AABBCCDDEEFF"), public_key: None, platform: Some("android") };
    let _ = cross_check(&info, &typed, "services[0].platforms[0]");
    // Each round adds bytes not held before, so the rounds end.
    let mut ranges = Ranges::new(data.len() as u64);
    let by_rounds = loop {
        let reading = appfile::read(&ranges, today);
        let wanted = ranges.wanted();
        if wanted.is_empty() {
            break reading;
        }
        let held = ranges.held_bytes();
        for (offset, len) in wanted {
            ranges.add(offset, &data[offset as usize..(offset + len) as usize]);
        }
        assert!(ranges.held_bytes() > held);
    };
    assert_eq!(format!("{by_rounds:?}"), format!("{info:?}"));
});
