//! The APP file reader on arbitrary bytes: ZIP/ZIP64, the APK Signing Block, v1 PKCS#7,
//! binary XML, plists, provisioning profiles and certificates. It must return findings,
//! never panic, and read a bounded number of bytes however the file lies about its sizes.
#![no_main]

use icp_validate::appfile::{self, cross_check, Typed};
use icp_validate::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = Date::new(2026, 11, 23).unwrap();
    let info = appfile::read(&data.to_vec(), today);
    // Ends, directory, signing block values and a few entries: never more than these bounds.
    let bound = 0x1_0016 + appfile::zip::MAX_DIRECTORY + 64 * appfile::apksig::MAX_VALUE + 16 * appfile::MAX_ENTRY;
    assert!(info.bytes_read <= bound, "{} bytes read", info.bytes_read);
    assert!(info.md5.is_none() || !info.certificates.is_empty());
    let typed = Typed { package: Some("com.example.app"), md5: Some("00112233445566778899AABBCCDDEEFF"), public_key: None };
    let _ = cross_check(&info, &typed, "services[0].platforms[0]");
});
