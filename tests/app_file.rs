//! APP files made at test time by Debian's own tools (tests/make_app_files.sh, which the JS
//! tests run too): `openssl` and `keytool` make keys and certificates, `aapt` compiles a
//! manifest, `zipalign` and `apksigner` sign APKs with each scheme; `openssl cms` signs a
//! provisioning profile; `zip` and Python's plistlib build the IPA; `hap-sign` (the CLI of
//! the Rust crate hapsigner) signs HarmonyOS HAPs, `zip` packs them into `.app`s. Every expected value is
//! printed by `apksigner verify --print-certs`, `keytool -printcert`, `hap-sign` or
//! `openssl`, never typed. Nothing is skipped: a missing tool fails the test.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use icp_validate::app_file::{self, AppInfo, FileSource, Typed};
use icp_validate::Date;

/// The certificates are made now, so they are read against the clock.
fn today() -> Date {
    Date::today().unwrap()
}

fn tool(dir: &Path, program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e} (tools/setup.sh installs it)"));
    assert!(out.status.success(), "{program} {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

struct Fixtures {
    dir: PathBuf,
}

/// The files of tests/make_app_files.sh, made once per test run.
fn fixtures() -> &'static Fixtures {
    static F: OnceLock<Fixtures> = OnceLock::new();
    F.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("icp-validate-app-file-{}", std::process::id()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/make_app_files.sh");
        tool(Path::new(env!("CARGO_MANIFEST_DIR")), "bash", &[script.to_str().unwrap(), dir.to_str().unwrap()]);
        Fixtures { dir }
    })
}

fn read(name: &str) -> AppInfo {
    app_file::read(&FileSource::open(fixtures().dir.join(name)).unwrap(), today())
}

fn codes(info: &AppInfo) -> Vec<&'static str> {
    info.findings.iter().map(|f| f.code.id).collect()
}

/// `Signer #1 certificate MD5 digest: ...` lines of `apksigner verify --print-certs`.
fn apksigner_certs(apk: &str) -> Vec<BTreeMap<String, String>> {
    let text = tool(&fixtures().dir, "apksigner", &["verify", "-v", "--print-certs", "--min-sdk-version", "24", apk]);
    let mut signers: Vec<BTreeMap<String, String>> = Vec::new();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix("Signer #") else { continue };
        let (n, kv) = rest.split_once(' ').unwrap();
        let (k, v) = kv.split_once(": ").unwrap();
        let i: usize = n.parse().unwrap();
        if signers.len() < i {
            signers.push(BTreeMap::new());
        }
        signers[i - 1].insert(k.to_owned(), v.to_owned());
    }
    signers
}

fn colon(hex: &str) -> String {
    hex.to_ascii_uppercase().as_bytes().chunks(2).map(|p| std::str::from_utf8(p).unwrap()).collect::<Vec<_>>().join(":")
}

/// The certificate's values as openssl prints them: fingerprints and the public key.
fn openssl_values(pem: &str) -> (String, String, String, String) {
    let d = &fixtures().dir;
    let fp = |alg: &str| tool(d, "openssl", &["x509", "-in", pem, "-noout", "-fingerprint", alg]).trim().split_once('=').unwrap().1.to_owned();
    let key = tool(d, "openssl", &["x509", "-in", pem, "-noout", "-pubkey"]);
    let key: String = key.lines().filter(|l| !l.starts_with("-----")).collect();
    (fp("-md5"), fp("-sha1"), fp("-sha256"), key)
}

/// The subject in RFC 2253 order as openssl prints it, with keytool's ", " separator.
fn openssl_subject(pem: &str) -> String {
    let subject = tool(&fixtures().dir, "openssl", &["x509", "-in", pem, "-noout", "-subject", "-nameopt", "RFC2253"]);
    subject.trim().trim_start_matches("subject=").replace(',', ", ")
}

fn assert_matches_apksigner(info: &AppInfo, apk: &str) {
    let expected = apksigner_certs(apk);
    assert!(!expected.is_empty());
    let first = &expected[0];
    let c = &info.certificates[0];
    assert_eq!(c.md5, colon(&first["certificate MD5 digest"]));
    assert_eq!(info.md5.as_deref(), Some(first["certificate MD5 digest"].to_ascii_uppercase().as_str()));
    assert_eq!(c.sha1, colon(&first["certificate SHA-1 digest"]));
    assert_eq!(c.sha256, colon(&first["certificate SHA-256 digest"]));
    assert_eq!(c.subject, first["certificate DN"]);
    assert_eq!(c.key_algorithm, first["key algorithm"]);
    assert_eq!(c.key_bits.to_string(), first["key size (bits)"]);
    assert_eq!(info.package.as_deref(), Some("com.example.filing"));
}

/// The `icp-validate` command, another package of the workspace (crates/cli): built here
/// (a no-op after `cargo test --workspace`) beside this test's own target directory.
fn cli() -> &'static std::path::Path {
    static BIN: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        let status = Command::new(env!("CARGO")).args(["build", "--quiet", "-p", "icp-validate-cli"]).status().unwrap();
        assert!(status.success(), "building the icp-validate command failed");
        // target/<profile>/deps/<this test> -> target/<profile>/icp-validate
        let bin = std::env::current_exe().unwrap().parent().unwrap().parent().unwrap().join("icp-validate");
        assert!(bin.exists(), "{} missing", bin.display());
        bin
    })
}

#[test]
fn v1_only() {
    let info = read("v1.apk");
    assert_eq!(info.schemes, ["v1"]);
    assert_matches_apksigner(&info, "v1.apk");
    assert_eq!(codes(&info), Vec::<&str>::new());
    let (md5, _, _, key) = openssl_values("alpha.pem");
    assert_eq!((info.certificates[0].md5.as_str(), info.public_key.as_deref()), (md5.as_str(), Some(key.as_str())));
}

#[test]
fn v2_only() {
    let info = read("v2.apk");
    assert_eq!(info.schemes, ["v2"]);
    assert_matches_apksigner(&info, "v2.apk");
    assert_eq!(codes(&info), Vec::<&str>::new());
}

#[test]
fn v1_v2_v3_name_one_certificate() {
    let info = read("v123.apk");
    assert_eq!(info.schemes, ["v1", "v2", "v3"]);
    assert_eq!(info.schemes_agree, Some(true));
    assert_eq!(info.certificates.len(), 1);
    assert_eq!(info.certificates[0].found_in, ["v1", "v2", "v3"]);
    assert_matches_apksigner(&info, "v123.apk");
    assert_eq!(codes(&info), Vec::<&str>::new());
    // keytool's own reading of the certificate agrees.
    let printed = tool(&fixtures().dir, "keytool", &["-printcert", "-jarfile", "v123.apk"]);
    let c = &info.certificates[0];
    assert!(printed.contains(&format!("SHA1: {}", c.sha1)), "{printed}");
    assert!(printed.contains(&format!("SHA256: {}", c.sha256)), "{printed}");
    assert!(printed.contains(&format!("Owner: {}", c.subject)), "{printed}");
    // What a browser would read: the archive's ends and two entries, not the file.
    assert!(info.bytes_read < 80_000, "{} bytes read", info.bytes_read);
}

#[test]
fn the_public_key_is_what_the_public_key_field_takes() {
    let info = read("v123.apk");
    let key = info.public_key.clone().unwrap();
    let r = icp_validate::validate_field("public_key", &key, &Default::default(), icp_validate::Locale::En);
    assert!(r.valid, "{r:?}");
    assert_eq!(r.normalized.as_deref(), Some(key.as_str()));
    let r = icp_validate::validate_field("md5", info.md5.as_deref().unwrap(), &Default::default(), icp_validate::Locale::En);
    assert_eq!(r.normalized, info.md5);
}

#[test]
fn a_debug_certificate_is_an_error() {
    let info = read("debug.apk");
    assert_matches_apksigner(&info, "debug.apk");
    assert_eq!(codes(&info), ["app_file.debug_certificate"]);
    assert!(info.has_errors());
}

#[test]
fn two_signers() {
    let info = read("two.apk");
    let expected = apksigner_certs("two.apk");
    assert_eq!(expected.len(), 2);
    assert_eq!(info.schemes, ["v1", "v2"]);
    assert_eq!(info.schemes_agree, Some(true));
    let md5s: Vec<String> = info.certificates.iter().map(|c| c.md5.clone()).collect();
    assert_eq!(md5s, expected.iter().map(|s| colon(&s["certificate MD5 digest"])).collect::<Vec<_>>());
    assert_eq!(codes(&info), ["app_file.multiple_signers"]);
}

#[test]
fn a_v3_key_rotation_is_explained() {
    let info = read("rotated.apk");
    let (alpha, beta) = (openssl_values("alpha.pem").0, openssl_values("beta.pem").0);
    assert_eq!(info.schemes, ["v1", "v2", "v3"]);
    assert_eq!(info.schemes_agree, Some(false));
    // The current (v3) signer first; the original is in the lineage and signs v1/v2.
    assert_eq!(info.certificates[0].md5, beta);
    let original = info.certificates.iter().find(|c| c.md5 == alpha).unwrap();
    assert_eq!(original.found_in, ["v1", "v2", "lineage"]);
    assert_eq!(codes(&info), ["app_file.key_rotated"]);
    let f = &info.findings[0];
    assert!(f.params.iter().any(|(k, v)| *k == "original" && v.to_string() == alpha));
}

#[test]
fn ipa_with_a_cms_signed_profile() {
    let info = read("app.ipa");
    assert_eq!((info.kind, info.platform), ("ipa", Some("ios")));
    assert_eq!(info.package.as_deref(), Some("com.example.filing.ios"));
    assert_eq!(info.application_identifier.as_deref(), Some("ABCDE12345.com.example.filing.ios"));
    let (md5, sha1, sha256, key) = openssl_values("apple_dev.pem");
    let c = &info.certificates[0];
    assert_eq!((c.md5.as_str(), c.sha1.as_str(), c.sha256.as_str(), c.public_key.as_str()), (md5.as_str(), sha1.as_str(), sha256.as_str(), key.as_str()));
    assert_eq!(info.certificates.len(), 1, "the profile's own signer is not the app's certificate");
    assert_eq!(c.found_in, ["embedded.mobileprovision"]);
    assert_eq!(c.subject, openssl_subject("apple_dev.pem"));
    assert_eq!(codes(&info), Vec::<&str>::new());
    // The profile alone reads the same.
    let profile = read("embedded.mobileprovision");
    assert_eq!(profile.kind, "provisioning_profile");
    assert_eq!(profile.certificates, info.certificates);
}

/// A HarmonyOS package's reading against openssl's of the certificate the test made.
fn assert_harmony_signer(info: &AppInfo, pem: &str, algorithm: &str, bits: u32) {
    let (md5, sha1, sha256, key) = openssl_values(pem);
    let c = &info.certificates[0];
    assert_eq!((c.md5.as_str(), c.sha1.as_str(), c.sha256.as_str(), c.public_key.as_str()), (md5.as_str(), sha1.as_str(), sha256.as_str(), key.as_str()));
    assert_eq!(info.md5.as_deref(), Some(md5.replace(':', "").as_str()));
    assert_eq!(info.public_key.as_deref(), Some(key.as_str()));
    assert_eq!((c.key_algorithm.as_str(), c.key_bits), (algorithm, bits));
    assert_eq!(c.subject, openssl_subject(pem));
    assert_eq!(c.issuer, openssl_subject("hm_sub.pem"));
    assert_eq!(c.found_in[0], "hap_signature");
    assert_eq!(info.package.as_deref(), Some("com.example.filing.harmony"));
    assert_eq!(info.platform, Some("harmony"));
}

fn harmony(info: &AppInfo) -> &app_file::Harmony {
    info.harmony.as_ref().expect("the signing block was read")
}

#[test]
fn hap_v3_with_and_without_code_signing() {
    for (file, code_signing) in [("hap_v3.hap", true), ("hap_v3_no_code.hap", false)] {
        let info = read(file);
        assert_eq!(info.kind, "hap");
        assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
        assert_eq!(info.certificates[0].key_curve.as_deref(), Some("P-256"));
        let h = harmony(&info);
        assert_eq!((h.block_version, h.code_signing, h.profile_type.as_deref(), h.profile_signed), (3, code_signing, Some("release"), Some(true)), "{file}");
        assert_eq!(h.profile_bundle_name.as_deref(), Some("com.example.filing.harmony"));
        // The profile names the signing certificate; the chain follows it, leaf to root.
        assert_eq!(info.certificates[0].found_in, ["hap_signature", "hap_profile"]);
        let chain: Vec<String> = info.certificates[1..].iter().map(|c| c.subject.clone()).collect();
        assert_eq!(chain, [openssl_subject("hm_sub.pem"), openssl_subject("hm_root.pem")]);
        assert_eq!(codes(&info), ["app_file.harmony_store_resigns"], "{file}");
        assert!(!info.has_errors());
    }
    // The leaf lives 365 days (openssl x509 -days 365): read in 2099, it has expired.
    let later = app_file::read(&FileSource::open(fixtures().dir.join("hap_v3.hap")).unwrap(), Date::parse("2099-01-01").unwrap());
    let enddate = tool(&fixtures().dir, "openssl", &["x509", "-in", "hm_ec.pem", "-noout", "-enddate"]);
    assert!(codes(&later).contains(&"app_file.certificate_expired"), "{enddate}");
    assert!(later.has_errors());
    // What the signer's own inspector says of the block.
    let inspected = tool(&fixtures().dir, "hap-sign", &["inspect", "hap_v3.hap"]);
    assert!(inspected.contains("version=3") && inspected.contains("type=0x20000003"), "{inspected}");
    let inspected = tool(&fixtures().dir, "hap-sign", &["inspect", "hap_v3_no_code.hap"]);
    assert!(!inspected.contains("type=0x20000003"), "{inspected}");
}

#[test]
fn hap_old_layout_below_compatible_version_8() {
    let info = read("hap_v2.hap");
    let inspected = tool(&fixtures().dir, "hap-sign", &["inspect", "hap_v2.hap"]);
    assert!(inspected.contains("version=2"), "{inspected}");
    assert_eq!(harmony(&info).block_version, 2);
    assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
    assert_eq!(codes(&info), ["app_file.harmony_store_resigns"]);
}

#[test]
fn hap_rsa_key() {
    let info = read("hap_rsa.hap");
    let bits = tool(&fixtures().dir, "openssl", &["x509", "-in", "hm_rsa.pem", "-noout", "-text"]);
    assert!(bits.contains("Public-Key: (2048 bit)"), "{bits}");
    assert_harmony_signer(&info, "hm_rsa.pem", "RSA", 2048);
    assert_eq!(codes(&info), ["app_file.harmony_store_resigns"]);
}

#[test]
fn hap_leaf_by_issuer_and_serial_whatever_the_order() {
    let leaf_first = read("hap_v3.hap");
    let root_first = read("hap_root_first.hap");
    // The set really is reversed, and the HAP still verifies.
    tool(&fixtures().dir, "hap-sign", &["verify-app", "hap_root_first.hap", "--out-cert-chain", "root_first.chain", "--out-profile", "root_first.p7b"]);
    assert_harmony_signer(&root_first, "hm_ec.pem", "EC", 256);
    assert_eq!(root_first.certificates[1].subject, openssl_subject("hm_root.pem"));
    assert_eq!(leaf_first.certificates[1].subject, openssl_subject("hm_sub.pem"));
    assert_eq!(root_first.md5, leaf_first.md5);
    assert_eq!(codes(&root_first), ["app_file.harmony_store_resigns"]);
}

#[test]
fn hap_debug_profile_is_an_error() {
    let info = read("hap_debug.hap");
    assert_harmony_signer(&info, "hm_debug.pem", "EC", 256);
    assert_eq!(harmony(&info).profile_type.as_deref(), Some("debug"));
    assert_eq!(codes(&info), ["app_file.harmony_debug_profile", "app_file.harmony_store_resigns"]);
    assert!(info.has_errors());
}

#[test]
fn hap_profiles_that_disagree() {
    // The profile names the RSA certificate; the HAP is signed with the EC key.
    let info = read("hap_profile_other_cert.hap");
    assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
    let rsa = openssl_values("hm_rsa.pem").0;
    let named = info.certificates.iter().find(|c| c.md5 == rsa).unwrap();
    assert_eq!(named.found_in, ["hap_profile"]);
    assert_eq!(codes(&info), ["app_file.harmony_profile_certificate_mismatch", "app_file.harmony_store_resigns"]);
    let f = &info.findings[0];
    assert!(f.params.iter().any(|(k, v)| *k == "profile" && v.to_string() == rsa));
    // The profile's bundle name against module.json's.
    let info = read("hap_profile_other_bundle.hap");
    assert_eq!(harmony(&info).profile_bundle_name.as_deref(), Some("com.example.other"));
    assert_eq!(codes(&info), ["app_file.harmony_bundle_mismatch", "app_file.harmony_store_resigns"]);
    // A profile embedded as its JSON alone (--profile-signed 0) reads the same.
    let info = read("hap_raw_profile.hap");
    assert_eq!(harmony(&info).profile_signed, Some(false));
    assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
    assert_eq!(codes(&info), ["app_file.harmony_store_resigns"]);
}

#[test]
fn hap_unsigned_and_truncated_block() {
    let info = read("entry.hap");
    assert_eq!((info.kind, info.package.as_deref()), ("hap", Some("com.example.filing.harmony")));
    assert_eq!(codes(&info), ["app_file.hap_unsigned"]);
    assert!(info.md5.is_none() && info.certificates.is_empty());
    let info = read("hap_truncated_block.hap");
    assert_eq!(codes(&info), ["app_file.truncated"]);
    assert!(info.findings[0].params.iter().any(|(_, v)| v.to_string().contains("hap_signing_block")), "{:?}", info.findings[0].params);
    assert!(info.md5.is_none());
}

#[test]
fn harmony_app_reports_the_entry_module() {
    // pack.info names entry-default as the entry module; feature-default comes first in the archive.
    for file in ["filing.app", "filing_deflated.app"] {
        let info = read(file);
        assert_eq!(info.kind, "app");
        assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
        assert_eq!(harmony(&info).module.as_deref(), Some("entry-default.hap"));
        assert_eq!(codes(&info), ["app_file.harmony_store_resigns"], "{file}");
    }
    // A feature HAP signed with another key: the entry module's certificate is reported, and
    // the disagreement named.
    let info = read("mixed.app");
    assert_harmony_signer(&info, "hm_ec.pem", "EC", 256);
    let rsa = openssl_values("hm_rsa.pem").0;
    assert_eq!(codes(&info), ["app_file.harmony_modules_disagree", "app_file.harmony_store_resigns"]);
    assert!(info.findings[0].params.iter().any(|(_, v)| v.to_string().contains(&format!("feature-default.hap: {rsa}"))));
    let info = read("unsigned.app");
    assert_eq!(codes(&info), ["app_file.hap_unsigned"]);
}

#[test]
fn harmony_cross_check_and_cli() {
    let info = read("hap_v3.hap");
    let at = "services[0].platforms[2]";
    let typed = Typed { package: Some("com.example.filing.harmony"), md5: info.md5.as_deref(), public_key: info.public_key.as_deref(), platform: Some("harmony") };
    assert!(app_file::cross_check(&info, &typed, at).is_empty());
    // The root CA's MD5 typed: another certificate of the package.
    let root = openssl_values("hm_root.pem").0;
    let found: Vec<&str> = app_file::cross_check(&info, &Typed { md5: Some(&root), ..typed }, at).iter().map(|(_, f)| f.code.id).collect();
    assert_eq!(found, ["app_file.md5_other_certificate"]);
    for (file, code, exit) in [("hap_v3.hap", None, 0), ("hap_debug.hap", Some("app_file.harmony_debug_profile"), 1), ("entry.hap", Some("app_file.hap_unsigned"), 1)] {
        let path = fixtures().dir.join(file);
        let out = Command::new(cli()).args(["app-info", path.to_str().unwrap(), "--locale", "en"]).output().unwrap();
        assert_eq!(out.status.code(), Some(exit), "{file}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["package"], "com.example.filing.harmony");
        assert_eq!(json["errors"][0]["code"].as_str(), code, "{file}");
        assert_eq!(json["md5"].as_str(), read(file).md5.as_deref());
    }
}

/// The signing block's tail and headers of a signed HAP: (directory offset, block start, count).
fn hap_block_at(hap: &[u8]) -> (usize, usize, usize) {
    let eocd = hap.len() - 22;
    let dir = u32::from_le_bytes(hap[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    let count = u32::from_le_bytes(hap[dir - 32..dir - 28].try_into().unwrap()) as usize;
    let size = u64::from_le_bytes(hap[dir - 28..dir - 20].try_into().unwrap()) as usize;
    (dir, dir - size, count)
}

#[test]
fn hostile_hap_signing_blocks_are_findings() {
    let hap = std::fs::read(fixtures().dir.join("hap_v3.hap")).unwrap();
    let (dir, start, count) = hap_block_at(&hap);
    assert_eq!(count, 3);
    let edit = |at: usize, bytes: &[u8]| {
        let mut bad = hap.clone();
        bad[at..at + bytes.len()].copy_from_slice(bytes);
        codes(&read_bytes(&bad))
    };
    // The block's size past the file's start, or below its own tail.
    assert_eq!(edit(dir - 28, &u64::MAX.to_le_bytes()), ["app_file.truncated"]);
    assert_eq!(edit(dir - 28, &8u64.to_le_bytes()), ["app_file.malformed"]);
    // A huge count, a count whose headers run into the tail.
    assert_eq!(edit(dir - 32, &u32::MAX.to_le_bytes()), ["app_file.limit"]);
    assert_eq!(edit(dir - 32, &60u32.to_le_bytes())[0], "app_file.truncated");
    // A sub-block's offset or length outside the block; a value over the read limit.
    assert_eq!(edit(start + 8, &u32::MAX.to_le_bytes()), ["app_file.truncated"]);
    assert_eq!(edit(start + 12 * 2 + 4, &u32::MAX.to_le_bytes()), ["app_file.truncated"]);
    // The old magic with version 3: neither layout.
    assert_eq!(edit(dir - 20, b"HAP Sig Block 42"), ["app_file.malformed"]);
    // The signature's SignerInfo naming no certificate of the set (its serial changed).
    let mut bad = hap.clone();
    let sig = (0..count).map(|i| &hap[start + 12 * i..start + 12 * i + 12]).find(|h| h[..4] == 0x2000_0000u32.to_le_bytes()).unwrap();
    let (offset, len) = (u32::from_le_bytes(sig[8..12].try_into().unwrap()) as usize, u32::from_le_bytes(sig[4..8].try_into().unwrap()) as usize);
    let value = start + offset..start + offset + len;
    // The SignerInfo is the value's last element; its serial sits after the issuer name, so
    // change the last byte of the leaf's serial where the SignerInfo repeats it.
    let leaf = read_bytes(&hap).certificates[0].serial.clone();
    let serial = (0..leaf.len() / 2).map(|i| u8::from_str_radix(&leaf[2 * i..2 * i + 2], 16).unwrap()).collect::<Vec<u8>>();
    let at = hap[value.clone()].windows(serial.len()).rposition(|w| w == serial).unwrap() + value.start;
    bad[at + serial.len() - 1] ^= 1;
    let info = read_bytes(&bad);
    assert_eq!(codes(&info), ["app_file.malformed"]);
    assert!(info.findings[0].params.iter().any(|(_, v)| v.to_string().contains("hap_signature")));
    // Every byte of the block flipped, one at a time: findings or the same answer, never a panic.
    let good = read_bytes(&hap);
    for i in (start..dir).step_by(7) {
        let mut bad = hap.clone();
        bad[i] ^= 0xff;
        let info = read_bytes(&bad);
        assert!(info.findings.len() < 8 && info.certificates.len() < 8, "{i}");
        // A damaged leaf no longer matches the profile's certificate: no error, no change.
        assert!(info.has_errors() || info.md5 == good.md5, "{i}: {:?}", codes(&info));
    }
}

#[test]
fn standalone_certificates_der_pem_and_chains() {
    let der = read("apple_dev.cer");
    let (md5, _, _, key) = openssl_values("apple_dev.pem");
    assert_eq!((der.kind, der.certificates[0].md5.as_str(), der.public_key.as_deref()), ("certificate", md5.as_str(), Some(key.as_str())));
    let chain = read("chain.pem");
    assert_eq!(chain.certificates.len(), 2);
    let (leaf_md5, _, _, leaf_key) = openssl_values("leaf.pem");
    assert_eq!((chain.certificates[0].md5.as_str(), chain.certificates[0].public_key.as_str()), (leaf_md5.as_str(), leaf_key.as_str()));
    assert_eq!((chain.certificates[0].key_algorithm.as_str(), chain.certificates[0].key_bits, chain.certificates[0].key_curve.as_deref()), ("EC", 256, Some("P-256")));
    assert_eq!(chain.certificates[1].subject, openssl_subject("ca.pem"));
    assert_eq!(chain.certificates[0].issuer, openssl_subject("ca.pem"));
    // The leaf lives 30 days: read a year on, it has expired.
    let enddate = tool(&fixtures().dir, "openssl", &["x509", "-in", "leaf.pem", "-noout", "-enddate"]);
    let later = app_file::read(&FileSource::open(fixtures().dir.join("chain.pem")).unwrap(), Date::parse("2099-01-01").unwrap());
    assert!(codes(&later).contains(&"app_file.certificate_expired"), "{enddate}");
    assert_eq!(codes(&chain), Vec::<&str>::new());
}

#[test]
fn cross_check_at_filing_paths() {
    let info = read("v123.apk");
    let at = "services[0].platforms[1]";
    let same = Typed { package: Some("com.example.filing"), md5: info.certificates[0].md5.as_str().into(), public_key: info.public_key.as_deref(), platform: None };
    assert!(app_file::cross_check(&info, &same, at).is_empty());
    let beta = openssl_values("beta.pem").0;
    let wrong = Typed { package: Some("com.example.other"), md5: Some(&beta), public_key: None, platform: None };
    let found: Vec<(String, &str)> = app_file::cross_check(&info, &wrong, at).into_iter().map(|(p, f)| (p, f.code.id)).collect();
    assert_eq!(found, [(format!("{at}.package"), "app_file.package_mismatch"), (format!("{at}.md5"), "app_file.md5_mismatch")]);
    // The original certificate of a rotated APK is named as such.
    let rotated = read("rotated.apk");
    let alpha = openssl_values("alpha.pem").0;
    let old = Typed { md5: Some(&alpha), ..Typed::default() };
    let found: Vec<&str> = app_file::cross_check(&rotated, &old, at).iter().map(|(_, f)| f.code.id).collect();
    assert_eq!(found, ["app_file.md5_other_certificate"]);
    // An APK chosen for the iOS platform: the platform is named, the values not compared.
    let ios = Typed { platform: Some("ios"), ..wrong };
    let found: Vec<(String, &str)> = app_file::cross_check(&info, &ios, at).into_iter().map(|(p, f)| (p, f.code.id)).collect();
    assert_eq!(found, [(format!("{at}.platform"), "app_file.platform_mismatch")]);
    assert!(app_file::cross_check(&info, &Typed { platform: Some("android"), ..same }, at).is_empty());
}

#[test]
fn the_cli_prints_json_in_either_locale() {
    let path = fixtures().dir.join("debug.apk");
    let out = Command::new(cli()).args(["app-info", path.to_str().unwrap(), "--locale", "en"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["kind"], "apk");
    assert_eq!(json["errors"][0]["code"], "app_file.debug_certificate");
    assert!(json["errors"][0]["message"].as_str().unwrap().starts_with("This package is signed with a debug certificate"));
    let path = fixtures().dir.join("v123.apk");
    let out = Command::new(cli()).args(["app-info", path.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["md5"], read("v123.apk").md5.unwrap());
}

/// A ZIP of `(name, method, data, declared uncompressed size)` entries (APPNOTE 4.3), the
/// sizes as given so that they can lie.
fn zip(entries: &[(&str, u16, Vec<u8>, u32)]) -> Vec<u8> {
    let (mut out, mut dir) = (Vec::new(), Vec::new());
    for (name, method, data, size) in entries {
        let offset = out.len() as u32;
        out.extend_from_slice(&[0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);
        out.extend_from_slice(&method.to_le_bytes());
        out.extend_from_slice(&[0; 8]);
        out.extend_from_slice(&(data.len() as u32).to_le_bytes());
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        dir.extend_from_slice(&[0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0]);
        dir.extend_from_slice(&method.to_le_bytes());
        dir.extend_from_slice(&[0; 8]);
        dir.extend_from_slice(&(data.len() as u32).to_le_bytes());
        dir.extend_from_slice(&size.to_le_bytes());
        dir.extend_from_slice(&(name.len() as u16).to_le_bytes());
        dir.extend_from_slice(&[0; 12]);
        dir.extend_from_slice(&offset.to_le_bytes());
        dir.extend_from_slice(name.as_bytes());
    }
    let dir_at = out.len() as u32;
    out.extend_from_slice(&dir);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(dir.len() as u32).to_le_bytes());
    out.extend_from_slice(&dir_at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

fn read_bytes(bytes: &[u8]) -> AppInfo {
    app_file::read(&bytes.to_vec(), today())
}

#[test]
fn zip_bombs_stop_at_the_entry_limit() {
    // 8 MiB of zeros deflate to a few KB; the directory claims 1,000 bytes, then 1 GiB.
    let bomb = miniz_oxide::deflate::compress_to_vec(&vec![0; 8 << 20], 6);
    assert!(bomb.len() < 100_000);
    for declared in [1000, 1 << 30] {
        let info = read_bytes(&zip(&[("AndroidManifest.xml", 8, bomb.clone(), declared)]));
        assert_eq!(codes(&info)[0], "app_file.limit", "{declared}");
        assert!(info.bytes_read < 200_000, "{}", info.bytes_read);
    }
    // A stored entry whose sizes disagree, and an unknown method.
    assert_eq!(codes(&read_bytes(&zip(&[("AndroidManifest.xml", 0, vec![1; 10], 20)])))[0], "app_file.malformed");
    assert_eq!(codes(&read_bytes(&zip(&[("AndroidManifest.xml", 12, vec![1; 10], 10)])))[0], "app_file.unsupported");
}

#[test]
fn absurd_counts_and_lengths_are_findings() {
    let mut eocd = vec![0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0xff, 0xfe, 0xff, 0xfe];
    eocd.extend_from_slice(&0xfff0_0000u32.to_le_bytes());
    eocd.extend_from_slice(&0u32.to_le_bytes());
    eocd.extend_from_slice(&[0, 0]);
    assert_eq!(codes(&read_bytes(&eocd)), ["app_file.limit"]);
    // Count 0xFFFF means ZIP64, whose locator is missing.
    let mut eocd = vec![0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff];
    eocd.extend_from_slice(&[0; 10]);
    assert_eq!(codes(&read_bytes(&eocd)), ["app_file.malformed"]);
    // The APK Signing Block's size field (just before the central directory) set to 2^64-1.
    let apk = std::fs::read(fixtures().dir.join("v123.apk")).unwrap();
    let eocd_at = apk.len() - 22;
    let dir_at = u32::from_le_bytes(apk[eocd_at + 16..eocd_at + 20].try_into().unwrap()) as usize;
    let mut bad = apk.clone();
    bad[dir_at - 24..dir_at - 16].copy_from_slice(&u64::MAX.to_le_bytes());
    let info = read_bytes(&bad);
    assert!(codes(&info).contains(&"app_file.truncated"), "{:?}", codes(&info));
    assert_eq!(info.schemes, ["v1"], "v1 is still read");
    // A certificate whose outer length claims 4 GB.
    assert_eq!(codes(&read_bytes(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30, 0x00])), ["app_file.truncated"]);
    assert_eq!(codes(&read_bytes(b"-----BEGIN CERTIFICATE-----\nMIIB\n")), ["app_file.truncated"]);
    assert_eq!(codes(&read_bytes(b"not an app")), ["app_file.unknown_kind"]);
    assert_eq!(codes(&read_bytes(&zip(&[("readme.txt", 0, b"hi".to_vec(), 2)]))), ["app_file.unknown_archive"]);
}

#[test]
fn damaged_apks_give_findings_never_panics() {
    let apk = std::fs::read(fixtures().dir.join("v123.apk")).unwrap();
    let good = read_bytes(&apk);
    let mut damaged = 0;
    // Every third byte flipped, one at a time, and cuts at every 97th byte.
    for i in (0..apk.len()).step_by(3) {
        let mut bad = apk.clone();
        bad[i] ^= 0xff;
        let info = read_bytes(&bad);
        if !info.findings.is_empty() || info.package != good.package || info.md5 != good.md5 {
            damaged += 1;
        }
    }
    assert!(damaged > 0);
    for cut in (0..apk.len()).step_by(97) {
        let info = read_bytes(&apk[..cut]);
        assert!(info.has_errors(), "a cut at {cut} read as whole");
    }
}
