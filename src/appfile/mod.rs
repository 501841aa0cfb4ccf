//! An APP's filing identity read from its own files (issue 18): the package name / Bundle
//! ID and the signing certificates (public key, MD5, validity) of an Android APK, an iOS
//! IPA or provisioning profile, a HarmonyOS HAP / APP, or a certificate file (DER or PEM,
//! chains too). The reader asks its [`Source`] for byte ranges only (the ZIP end record,
//! the central directory, the APK Signing Block, the few entries it needs), so a browser
//! answers from `File.slice()` and reads a few hundred KB of a large APK. Every size and
//! count is bounded: a hostile file gives a finding, never a panic or an unbounded
//! allocation.
//!
//! Findings are locale-free (codes in [`codes`]); [`cross_check`] compares the file's values
//! with the ones typed into a filing, at their filing paths.

pub mod apksig;
pub mod axml;
pub mod cert;
pub mod cms;
pub mod codes;
pub mod der;
pub mod hapsig;
pub mod plist;
pub mod source;
pub mod zip;

use serde::Serialize;

pub use cert::Certificate;
pub use codes::{Fail, Part, CODES, TERMS};
#[cfg(any(unix, windows))]
pub use source::FileSource;
pub use source::{ReadError, Source};

use codes::*;
use crate::context::Context;
use crate::date::Date;
use crate::message::Value;
use crate::outcome::{Finding, Outcome};

/// Largest manifest, plist, signature file or HarmonyOS config read, once inflated.
pub const MAX_ENTRY: u64 = 4 << 20;
/// Largest certificate or profile file read whole.
pub const MAX_CERTIFICATE_FILE: u64 = 1 << 20;
/// At most this many HAPs of a HarmonyOS `.app` are read.
pub const MAX_MODULES: usize = 16;
/// Largest deflated HAP inflated from an `.app` (a stored one is read in place).
pub const MAX_MODULE: u64 = 16 << 20;
/// At most this many v1 signature files (`META-INF/*.RSA|DSA|EC`) are read.
const MAX_JAR_SIGNATURES: usize = 8;

/// What a file says about the APP.
#[derive(Debug, Clone, Default, Serialize)]
pub struct AppInfo {
    /// `apk`, `ipa`, `hap`, `app` (HarmonyOS multi-module package), `provisioning_profile`,
    /// `certificate`, or `unknown`.
    pub kind: &'static str,
    /// `android`, `ios` or `harmony`, as the filing's platform context names them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<&'static str>,
    /// Package name / Bundle ID / bundleName.
    pub package: Option<String>,
    /// The signing certificate's MD5 as the `md5` field takes it (32 upper-case hex digits).
    pub md5: Option<String>,
    /// The signing certificate's public key as the `public_key` field takes it.
    pub public_key: Option<String>,
    /// APK signature schemes found: `v1`, `v2`, `v3`, `v3.1`.
    pub schemes: Vec<&'static str>,
    /// Whether every scheme names the same signer certificates (APKs with a signature).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schemes_agree: Option<bool>,
    /// A provisioning profile's `Entitlements.application-identifier` (`TEAMID.bundle.id`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_identifier: Option<String>,
    /// A HarmonyOS package's signing block and profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub harmony: Option<Harmony>,
    /// Each certificate once: the signing certificate first, then other signers, chains and
    /// older lineage certificates.
    pub certificates: Vec<Certificate>,
    /// Bytes read from the source and in how many ranges.
    pub bytes_read: u64,
    /// Ranges read from the source (see `bytes_read`).
    pub reads: u32,
    /// What the reading found wrong (unreadable, debug-signed, expired...), errors first; locale-free.
    #[serde(skip)]
    pub findings: Vec<Finding>,
}

/// What a HAP's signing block holds besides the certificates.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Harmony {
    /// 2 (`HAP Sig Block 42`, compatible API version below 8) or 3 (`<hap sign block>`).
    pub block_version: u32,
    /// Whether the block has a code-signing block.
    pub code_signing: bool,
    /// The profile's `type`: `release` or `debug`.
    pub profile_type: Option<String>,
    /// The profile's `bundle-info.bundle-name`.
    pub profile_bundle_name: Option<String>,
    /// Whether the profile is signed (`.p7b`) rather than its JSON alone.
    pub profile_signed: Option<bool>,
    /// In an `.app`, the HAP whose certificate is reported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub module: Option<String>,
}

impl AppInfo {
    /// Whether a finding is an error (the file cannot back the filing as it is).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == crate::message::Severity::Error)
    }
}

/// Reads what the filing needs from `src`, checking certificate validity against `today`.
/// A file that is not an APP file, or a damaged one, gives findings, never a panic.
///
/// ```no_run
/// use icp_validate::app_file::{read, FileSource};
/// use icp_validate::Date;
///
/// let info = read(&FileSource::open("app-release.apk")?, Date::parse("2026-11-23").unwrap());
/// println!("{:?} signed by {:?}", info.package, info.md5);
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// ```
/// use icp_validate::{app_file, Date};
///
/// let info = app_file::read(&b"not an APP file".to_vec(), Date::parse("2026-11-23").unwrap());
/// assert_eq!(info.kind, "unknown");
/// assert!(info.has_errors());
/// ```
pub fn read(src: &dyn Source, today: Date) -> AppInfo {
    let counted = source::Counted::new(src);
    let mut r = Reading { src: &counted, today, info: AppInfo { kind: "unknown", ..AppInfo::default() }, out: Outcome::default() };
    if let Err(f) = r.file() {
        r.fail(f);
    }
    r.finish();
    let mut info = r.info;
    info.findings = r.out.findings;
    info.bytes_read = counted.bytes.get();
    info.reads = counted.reads.get();
    info
}

/// Runs after which a [`RangeReader`] that still lacks ranges stops: a real APK needs three
/// or four (its first bytes, its end records, the entries); each run fetches at least one new
/// range.
pub const MAX_ROUNDS: u32 = 32;

/// A file read in rounds by a host that slices it asynchronously or from outside the reader's
/// memory (the browser's `File`, a server ABI host): the host gives the file's length, each
/// [`run`](RangeReader::run) reads over the ranges added so far and either answers or names
/// the ranges it lacked, which the host adds before the next run. The answer is the reading
/// [`read`] gives over the whole file.
///
/// ```
/// use icp_validate::app_file::{read, RangeReader, Round};
/// use icp_validate::Date;
///
/// let (file, today) = (b"PK\x03\x04 not really a ZIP".to_vec(), Date::parse("2026-11-23").unwrap());
/// let mut reader = RangeReader::new(file.len() as u64);
/// let info = loop {
///     match reader.run(today, false) {
///         Round::Need(ranges) => {
///             for (offset, len) in ranges {
///                 reader.add(offset, &file[offset as usize..(offset + len) as usize]);
///             }
///         }
///         Round::Done(info) => break info,
///     }
/// };
/// assert_eq!(info.kind, read(&file, today).kind);
/// ```
pub struct RangeReader {
    ranges: source::Ranges,
    rounds: u32,
}

/// What a run of a [`RangeReader`] gives.
pub enum Round {
    /// The `(offset, length)` ranges to add before the next run, sorted.
    Need(Vec<(u64, u64)>),
    /// The reading, done.
    Done(AppInfo),
}

impl RangeReader {
    /// A reader for a file of `len` bytes, holding none yet.
    pub fn new(len: u64) -> RangeReader {
        RangeReader { ranges: source::Ranges::new(len), rounds: 0 }
    }

    /// Adds the bytes read at `offset` (past the file's end is cut off).
    pub fn add(&mut self, offset: u64, bytes: &[u8]) {
        self.ranges.add(offset, bytes);
    }

    /// Bytes held so far.
    pub fn held_bytes(&self) -> u64 {
        self.ranges.held_bytes()
    }

    /// Runs so far.
    pub fn rounds(&self) -> u32 {
        self.rounds
    }

    /// Reads over the ranges held. `failed`: the host could not read a range it was asked
    /// for, so this run answers, with what it lacked reported as a failed read. After
    /// [`MAX_ROUNDS`] runs it answers too, with `app_file.limit` instead.
    pub fn run(&mut self, today: Date, failed: bool) -> Round {
        self.rounds += 1;
        let mut info = read(&self.ranges, today);
        let need = self.ranges.wanted();
        if !need.is_empty() && !failed {
            if self.rounds < MAX_ROUNDS {
                return Round::Need(need);
            }
            // Out of rounds: what the last run lacked is a limit, not a failed read.
            info.findings.retain(|f| f.code.id != READ_FAILED.id);
            let mut out = Outcome::default();
            out.error(&LIMIT).param("part", Value::Term(&PART_FILE)).param("limit", i64::from(MAX_ROUNDS));
            info.findings.splice(0..0, out.findings);
        }
        Round::Done(info)
    }
}

struct Reading<'a> {
    src: &'a dyn Source,
    today: Date,
    info: AppInfo,
    out: Outcome,
}

impl Reading<'_> {
    fn fail(&mut self, f: Fail) {
        match f {
            Fail::Read => {
                self.out.error(&READ_FAILED);
            }
            Fail::Truncated(p) => {
                self.out.error(&TRUNCATED).param("part", Value::Term(p.term()));
            }
            Fail::Malformed(p) => {
                self.out.error(&MALFORMED).param("part", Value::Term(p.term()));
            }
            Fail::Limit(p, n) => {
                self.out.error(&LIMIT).param("part", Value::Term(p.term())).param("limit", n);
            }
            Fail::Unsupported(p, m) => {
                self.out.error(&UNSUPPORTED).param("part", Value::Term(p.term())).param("method", m);
            }
        }
    }

    /// A step whose failure is reported without stopping the others.
    fn step<T>(&mut self, r: Result<T, Fail>) -> Option<T> {
        r.map_err(|f| self.fail(f)).ok()
    }

    fn file(&mut self) -> Result<(), Fail> {
        let len = self.src.len();
        if len < 4 {
            self.out.error(&NOT_AN_APP_FILE);
            return Ok(());
        }
        let mut magic = [0; 4];
        self.src.read_at(0, &mut magic).map_err(|_| Fail::Read)?;
        if magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06" {
            return self.archive();
        }
        if len > MAX_CERTIFICATE_FILE {
            self.out.error(&NOT_AN_APP_FILE);
            return Ok(());
        }
        let bytes = source::read_vec(self.src, 0, len).map_err(|_| Fail::Read)?;
        self.certificate_file(&bytes)
    }

    /// DER or PEM certificates (one or a chain), a PKCS#7 bundle, or a provisioning profile.
    fn certificate_file(&mut self, bytes: &[u8]) -> Result<(), Fail> {
        if let Some(pem) = std::str::from_utf8(bytes).ok().and_then(cert::pem_certificates) {
            self.info.kind = "certificate";
            for der in pem.map_err(|b| b.at(Part::Certificate))? {
                self.certificate(&der, "file");
            }
            return Ok(());
        }
        let mut first_child = None;
        if bytes.first() == Some(&der::SEQUENCE) {
            let mut top = der::Reader::new(bytes);
            let outer = top.next().map_err(|b| b.at(Part::Certificate))?;
            if !top.is_empty() {
                return Err(Fail::Malformed(Part::Certificate));
            }
            first_child = outer.children().peek_tag();
        }
        match first_child {
            Some(der::SEQUENCE) => {
                self.info.kind = "certificate";
                self.certificate(bytes, "file");
            }
            Some(der::OID) => {
                let signed = cms::parse(bytes).map_err(|b| b.at(Part::Certificate))?;
                if let Some(content) = signed.content.filter(|c| !c.is_empty()) {
                    self.info.kind = "provisioning_profile";
                    self.info.platform = Some("ios");
                    self.profile(&content)?;
                } else {
                    self.info.kind = "certificate";
                    for der in signed.certificates {
                        self.certificate(der, "file");
                    }
                }
            }
            _ => {
                self.out.error(&NOT_AN_APP_FILE);
            }
        }
        Ok(())
    }

    /// Parses a certificate into the list (once per certificate) and returns its index.
    fn certificate(&mut self, der: &[u8], found_in: &'static str) -> Option<usize> {
        let c = self.step(cert::parse(der).map_err(|b| b.at(Part::Certificate)))?;
        let at = match self.info.certificates.iter().position(|k| k.sha256 == c.sha256) {
            Some(at) => at,
            None => {
                self.info.certificates.push(c);
                self.info.certificates.len() - 1
            }
        };
        let found = &mut self.info.certificates[at].found_in;
        if !found.contains(&found_in) {
            found.push(found_in);
        }
        Some(at)
    }

    fn archive(&mut self) -> Result<(), Fail> {
        let zip = zip::open(self.src)?;
        if let Some(manifest) = zip.find("AndroidManifest.xml") {
            self.info.kind = "apk";
            self.info.platform = Some("android");
            let xml = self.step(zip.read(self.src, manifest, Part::Manifest, MAX_ENTRY));
            if let Some(xml) = xml {
                match axml::package(&xml) {
                    Ok(Some(p)) => self.info.package = Some(p),
                    Ok(None) => {
                        self.out.error(&PACKAGE_MISSING).param("part", Value::Term(&PART_MANIFEST));
                    }
                    Err(b) => self.fail(b.at(Part::Manifest)),
                }
            }
            return self.apk_signatures(&zip);
        }
        let app_dir = |e: &zip::Entry| {
            let mut parts = e.name.split('/');
            matches!((parts.next(), parts.next(), parts.next(), parts.next()), (Some("Payload"), Some(d), Some("Info.plist"), None) if d.ends_with(".app"))
        };
        if let Some(plist_entry) = zip.entries.iter().find(|e| app_dir(e)) {
            self.info.kind = "ipa";
            self.info.platform = Some("ios");
            let dir = plist_entry.name.trim_end_matches("Info.plist").to_owned();
            if let Some(bytes) = self.step(zip.read(self.src, plist_entry, Part::InfoPlist, MAX_ENTRY)) {
                match plist::parse(&bytes) {
                    Ok(v) => match v.get("CFBundleIdentifier").and_then(plist::Value::as_str) {
                        Some(id) => self.info.package = Some(id.to_owned()),
                        None => {
                            self.out.error(&PACKAGE_MISSING).param("part", Value::Term(&PART_INFO_PLIST));
                        }
                    },
                    Err(b) => self.fail(b.at(Part::InfoPlist)),
                }
            }
            match zip.find(&format!("{dir}embedded.mobileprovision")) {
                Some(e) => {
                    if let Some(bytes) = self.step(zip.read(self.src, e, Part::Provisioning, MAX_ENTRY)) {
                        let content = cms::parse(&bytes).map_err(|b| b.at(Part::Provisioning)).and_then(|s| s.content.ok_or(Fail::Malformed(Part::Provisioning)));
                        if let Some(content) = self.step(content) {
                            self.profile(&content)?;
                        }
                    }
                }
                None => {
                    self.out.warn(&NO_CERTIFICATE).param("part", Value::Term(&PART_PROVISIONING));
                }
            }
            return Ok(());
        }
        let config = ["module.json", "config.json"].iter().find_map(|n| zip.find(n));
        let pack = zip.find("pack.info");
        if config.is_some() || pack.is_some() {
            self.info.kind = if config.is_some() { "hap" } else { "app" };
            self.info.platform = Some("harmony");
            let (entry, pointer) = match config {
                Some(e) => (e, "/app/bundleName"),
                None => (pack.expect("one of them"), "/summary/app/bundleName"),
            };
            let mut json = None;
            if let Some(bytes) = self.step(zip.read(self.src, entry, Part::HarmonyConfig, MAX_ENTRY)) {
                match serde_json::from_slice::<serde_json::Value>(&bytes) {
                    Ok(v) => {
                        match v.pointer(pointer).and_then(serde_json::Value::as_str) {
                            Some(name) => self.info.package = Some(name.to_owned()),
                            None => {
                                self.out.error(&PACKAGE_MISSING).param("part", Value::Term(&PART_HARMONY_CONFIG));
                            }
                        }
                        json = Some(v);
                    }
                    Err(_) => self.fail(Fail::Malformed(Part::HarmonyConfig)),
                }
            }
            if config.is_some() {
                match self.step(hapsig::read(self.src, zip.directory_offset)) {
                    Some(Some(block)) => self.hap_block(block, None),
                    Some(None) => {
                        self.out.error(&HAP_UNSIGNED);
                    }
                    None => {}
                }
            } else {
                self.app_bundle(&zip, json.as_ref());
            }
            if self.info.certificates.iter().any(|c| c.found_in.contains(&"hap_signature")) {
                self.out.warn(&HARMONY_STORE_RESIGNS);
            }
            return Ok(());
        }
        self.out.error(&UNKNOWN_ARCHIVE);
        Ok(())
    }

    /// A HAP's signing block ([`hapsig`]): the signing certificate, picked from the PKCS#7
    /// certificate set by the SignerInfo's issuer and serial number (the set may hold the
    /// chain in any order), the rest of the set after it; then the profile, checked against
    /// the signature and the package's bundle name. `module`: the HAP's name inside an `.app`.
    fn hap_block(&mut self, block: hapsig::Block, module: Option<&str>) {
        let mut harmony = Harmony { block_version: block.version, code_signing: block.code_signing, module: module.map(str::to_owned), ..Harmony::default() };
        let mut leaf = None;
        match &block.signature {
            None => {
                self.out.error(&MISSING).param("part", Value::Term(&PART_HAP_SIGNATURE));
            }
            Some(sig) => match cms::parse(sig) {
                Err(b) => self.fail(b.at(Part::HapSignature)),
                Ok(signed) => match signed.signers.first() {
                    // No SignerInfo names a certificate of the set: there is no signing certificate.
                    None => self.fail(Fail::Malformed(Part::HapSignature)),
                    Some(&k) => {
                        leaf = self.certificate(signed.certificates[k], "hap_signature");
                        for (i, der) in signed.certificates.iter().enumerate() {
                            if i != k {
                                self.certificate(der, "hap_chain");
                            }
                        }
                        if signed.signers.len() > 1 {
                            self.out.warn(&MULTIPLE_SIGNERS).param("count", signed.signers.len());
                        }
                    }
                },
            },
        }
        match block.profile.as_deref().map(hapsig::profile) {
            None => {
                self.out.warn(&MISSING).param("part", Value::Term(&PART_HARMONY_PROFILE));
            }
            Some(Err(b)) => self.fail(b.at(Part::HarmonyProfile)),
            Some(Ok(p)) => {
                if p.kind.eq_ignore_ascii_case("debug") {
                    self.out.error(&HARMONY_DEBUG_PROFILE);
                }
                if let (Some(profile), Some(config)) = (&p.bundle_name, &self.info.package) {
                    if profile != config {
                        self.out
                            .error(&HARMONY_BUNDLE_MISMATCH)
                            .param("profile", profile.as_str())
                            .param("config", config.as_str())
                            .param("part", Value::Term(&PART_HARMONY_CONFIG));
                    }
                }
                if let Some(der) = &p.certificate {
                    let named = self.certificate(der, "hap_profile");
                    if let (Some(leaf), Some(named)) = (leaf, named) {
                        if leaf != named {
                            let (signature, profile) = (self.info.certificates[leaf].md5.clone(), self.info.certificates[named].md5.clone());
                            self.out.error(&HARMONY_PROFILE_CERTIFICATE_MISMATCH).param("signature", signature).param("profile", profile);
                        }
                    }
                }
                harmony.profile_type = Some(p.kind);
                harmony.profile_bundle_name = p.bundle_name;
                harmony.profile_signed = Some(p.signed);
            }
        }
        self.info.harmony = Some(harmony);
    }

    /// A HarmonyOS `.app` (App Pack): the HAPs it holds are signed, it is not (the signing tool
    /// signs HAP and HSP files only). The entry module's HAP (`pack.info` `packages[]` with
    /// `moduleType` `entry`, else the first HAP) is read whole and reported; the others'
    /// signing certificates are compared with it.
    fn app_bundle(&mut self, zip: &zip::Archive, pack: Option<&serde_json::Value>) {
        let mut haps: Vec<&zip::Entry> = zip.entries.iter().filter(|e| !e.name.contains('/') && e.name.ends_with(".hap")).take(MAX_MODULES).collect();
        let entry_module = pack.and_then(|p| p.get("packages")).and_then(serde_json::Value::as_array).and_then(|list| {
            list.iter().find(|m| m.get("moduleType").and_then(serde_json::Value::as_str) == Some("entry")).and_then(|m| m.get("name")).and_then(serde_json::Value::as_str)
        });
        if let Some(at) = entry_module.and_then(|name| haps.iter().position(|e| e.name.strip_suffix(".hap") == Some(name))) {
            let entry = haps.remove(at);
            haps.insert(0, entry);
        }
        if haps.is_empty() {
            self.out.error(&MISSING).param("part", Value::Term(&PART_HAP));
            return;
        }
        let (mut disagree, mut unsigned) = (Vec::new(), false);
        for (i, e) in haps.iter().enumerate() {
            // A stored HAP is read in place; a deflated one is inflated, up to a bound.
            let src = self.src;
            let inflated;
            let window;
            let inner: &dyn Source = if e.method == 0 {
                let Some(start) = self.step(zip.data_offset(src, e)) else { continue };
                window = source::Window { src, start, len: e.compressed };
                &window
            } else {
                let Some(bytes) = self.step(zip.read(src, e, Part::Entry, MAX_MODULE)) else { continue };
                inflated = bytes;
                &inflated
            };
            let Some(inner_zip) = self.step(zip::open(inner)) else { continue };
            let block = match self.step(hapsig::read(inner, inner_zip.directory_offset)) {
                Some(Some(block)) => block,
                Some(None) => {
                    if !unsigned {
                        self.out.error(&HAP_UNSIGNED);
                    }
                    unsigned = true;
                    continue;
                }
                None => continue,
            };
            if i == 0 {
                self.hap_block(block, Some(&e.name));
                continue;
            }
            // Another module: its signing certificate only, against the reported one.
            let Some(reported) = self.info.certificates.first().map(|c| c.sha256.clone()) else { continue };
            let Some(sig) = block.signature else { continue };
            let Some(signed) = self.step(cms::parse(&sig).map_err(|b| b.at(Part::HapSignature))) else { continue };
            let Some(&k) = signed.signers.first() else { continue };
            if let Some(at) = self.certificate(signed.certificates[k], "hap_signature") {
                if self.info.certificates[at].sha256 != reported {
                    disagree.push(format!("{}: {}", e.name, self.info.certificates[at].md5));
                }
            }
        }
        if !disagree.is_empty() {
            let first = format!("{}: {}", haps[0].name, self.info.certificates.first().map_or("", |c| c.md5.as_str()));
            disagree.insert(0, first);
            self.out.error(&HARMONY_MODULES_DISAGREE).param("modules", disagree.join("; "));
        }
    }

    /// A provisioning profile's plist (Apple, "TN3125: Inside Code Signing: Provisioning
    /// Profiles"): the developer certificates and the application identifier.
    fn profile(&mut self, content: &[u8]) -> Result<(), Fail> {
        let v = plist::parse(content).map_err(|b| b.at(Part::Provisioning))?;
        self.info.application_identifier = v.get("Entitlements").and_then(|e| e.get("application-identifier")).and_then(plist::Value::as_str).map(str::to_owned);
        let certs = match v.get("DeveloperCertificates") {
            Some(plist::Value::Array(items)) => items.clone(),
            _ => return Err(Fail::Malformed(Part::Provisioning)),
        };
        for c in &certs {
            match c {
                plist::Value::Data(der) => {
                    self.certificate(der, "embedded.mobileprovision");
                }
                _ => return Err(Fail::Malformed(Part::Provisioning)),
            }
        }
        if certs.is_empty() {
            self.out.warn(&NO_CERTIFICATE).param("part", Value::Term(&PART_PROVISIONING));
        }
        Ok(())
    }

    /// v2/v3 signing block and v1 JAR signatures; which schemes agree.
    fn apk_signatures(&mut self, zip: &zip::Archive) -> Result<(), Fail> {
        // Per scheme: its label and the index of each signer's certificate.
        let mut schemes: Vec<(&'static str, Vec<usize>)> = Vec::new();
        let mut lineage: Vec<usize> = Vec::new();
        let jar = |e: &&zip::Entry| {
            let upper = e.name.to_ascii_uppercase();
            upper.strip_prefix("META-INF/").is_some_and(|f| !f.contains('/') && [".RSA", ".DSA", ".EC"].iter().any(|x| f.ends_with(x)))
        };
        let jar_files: Vec<zip::Entry> = zip.entries.iter().filter(jar).take(MAX_JAR_SIGNATURES).cloned().collect();
        let mut v1 = Vec::new();
        for e in &jar_files {
            let Some(bytes) = self.step(zip.read(self.src, e, Part::JarSignature, MAX_ENTRY)) else { continue };
            let Some(signed) = self.step(cms::parse(&bytes).map_err(|b| b.at(Part::JarSignature))) else { continue };
            let signers = if signed.signers.is_empty() { vec![0] } else { signed.signers.clone() };
            for k in signers {
                if let Some(der) = signed.certificates.get(k) {
                    if let Some(at) = self.certificate(der, "v1") {
                        v1.push(at);
                    }
                }
            }
        }
        if !v1.is_empty() {
            schemes.push(("v1", v1));
        }
        if let Some(block) = self.step(apksig::read(self.src, zip.directory_offset)) {
            for scheme in block {
                let label = match scheme.id {
                    apksig::V2 => "v2",
                    apksig::V3 => "v3",
                    _ => "v3.1",
                };
                let mut signers = Vec::new();
                for s in &scheme.signers {
                    if let Some(at) = self.certificate(&s.certificates[0], label) {
                        signers.push(at);
                    }
                    for der in &s.lineage {
                        if let Some(at) = self.certificate(der, "lineage") {
                            if !lineage.contains(&at) {
                                lineage.push(at);
                            }
                        }
                    }
                }
                schemes.push((label, signers));
            }
        }
        self.info.schemes = schemes.iter().map(|(l, _)| *l).collect();
        if schemes.is_empty() {
            self.out.error(&UNSIGNED);
            return Ok(());
        }
        // The newest scheme names the certificate devices check today; a scheme whose
        // certificates could not be read has been reported already.
        let Some(primary) = schemes.iter().rev().map(|(_, s)| s.clone()).find(|s| !s.is_empty()) else { return Ok(()) };
        if primary.len() > 1 {
            self.out.warn(&MULTIPLE_SIGNERS).param("count", primary.len());
        }
        let set = |v: &Vec<usize>| {
            let mut v = v.clone();
            v.sort_unstable();
            v.dedup();
            v
        };
        let agree = schemes.iter().all(|(_, s)| set(s) == set(&primary));
        self.info.schemes_agree = Some(agree);
        let explained = schemes.iter().all(|(_, s)| s.iter().all(|k| primary.contains(k) || lineage.contains(k)));
        if !agree && !(explained && lineage.len() > 1) {
            let names: Vec<String> = schemes.iter().map(|(l, s)| format!("{l}: {}", s.iter().map(|&k| self.info.certificates[k].md5.as_str()).collect::<Vec<_>>().join(" + "))).collect();
            self.out.error(&SCHEMES_DISAGREE).param("schemes", names.join("; "));
        }
        if lineage.len() > 1 {
            let (current, original) = (self.info.certificates[primary[0]].md5.clone(), self.info.certificates[lineage[0]].md5.clone());
            self.out.warn(&KEY_ROTATED).param("count", lineage.len()).param("current", current).param("original", original);
        }
        // The signing certificate first.
        let first = self.info.certificates.remove(primary[0]);
        self.info.certificates.insert(0, first);
        Ok(())
    }

    /// Per-certificate findings and the values to file.
    fn finish(&mut self) {
        let today = self.today;
        for c in &self.info.certificates {
            if c.found_in == ["lineage"] {
                continue;
            }
            if c.is_debug() {
                self.out.error(&DEBUG_CERTIFICATE).param("subject", c.subject.clone());
            }
            if c.valid_to < today {
                self.out.error(&EXPIRED).param("subject", c.subject.clone()).param("not_after", c.valid_to.to_string());
            } else if c.valid_from > today {
                self.out.warn(&NOT_YET_VALID).param("subject", c.subject.clone()).param("not_before", c.valid_from.to_string());
            }
        }
        if let Some(c) = self.info.certificates.first() {
            self.info.md5 = Some(c.md5_hex.clone());
            self.info.public_key = Some(c.public_key.clone());
        }
        // Errors first, as every result lists them.
        self.out.findings.sort_by_key(|f| f.severity != crate::message::Severity::Error);
    }
}

/// Values typed into one platform of a filing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed<'a> {
    /// The package name / Bundle ID typed.
    pub package: Option<&'a str>,
    /// The MD5 of the signing certificate typed.
    pub md5: Option<&'a str>,
    /// The public key typed.
    pub public_key: Option<&'a str>,
    /// The platform the values are typed for (`android`, `ios`, `harmony`).
    pub platform: Option<&'a str>,
}

/// The typed values against the file's, as `(path, finding)` with paths under `at` (a
/// platform's path, e.g. `services[0].platforms[1]`): `{at}.package`, `{at}.md5`,
/// `{at}.public_key`, and `{at}.platform` for a file of another platform (when the values
/// are not compared). A typed value its own field rule rejects is left to that rule.
///
/// ```
/// use icp_validate::app_file::{cross_check, AppInfo, Typed};
///
/// let info = AppInfo { platform: Some("android"), package: Some("com.example.app".into()), ..AppInfo::default() };
/// let typed = Typed { package: Some("com.example.other"), platform: Some("android"), ..Typed::default() };
/// let found = cross_check(&info, &typed, "services[0].platforms[0]");
/// assert_eq!(found[0].0, "services[0].platforms[0].package");
/// ```
pub fn cross_check(info: &AppInfo, typed: &Typed<'_>, at: &str) -> Vec<(String, Finding)> {
    let mut found = Vec::new();
    let ctx = Context::default();
    let mut push = |field: &str, out: Outcome| found.extend(out.findings.into_iter().map(|f| (format!("{at}.{field}"), f)));
    if let (Some(form), Some(file)) = (typed.platform.and_then(platform_term), info.platform.and_then(platform_term)) {
        if form.id != file.id {
            let mut out = Outcome::default();
            out.error(&PLATFORM_MISMATCH).param("file", Value::Term(file)).param("form", Value::Term(form));
            push("platform", out);
            return found;
        }
    }
    if let (Some(t), Some(file)) = (typed.package, &info.package) {
        let t = crate::input::fold_width(t);
        let t = t.trim();
        if !t.is_empty() && t != file {
            let mut out = Outcome::default();
            out.error(&PACKAGE_MISMATCH).input("typed", crate::input::excerpt(t, 80)).param("file", file.as_str());
            push("package", out);
        }
    }
    let signing = info.certificates.first();
    if let (Some(t), Some(c)) = (typed.md5, signing) {
        let mut rule = Outcome::default();
        crate::rules::app::check_md5(t, &ctx, &mut rule);
        if let (false, Some(md5)) = (rule.has_errors(), rule.normalized) {
            let mut out = Outcome::default();
            if md5 != c.md5_hex {
                match info.certificates.iter().find(|o| o.md5_hex == md5) {
                    Some(other) => {
                        out.error(&MD5_OF_OTHER_CERTIFICATE).param("subject", other.subject.as_str()).param("file", c.md5.as_str());
                    }
                    None => {
                        out.error(&MD5_MISMATCH).param("file", c.md5.as_str());
                    }
                }
            }
            push("md5", out);
        }
    }
    if let (Some(t), Some(c)) = (typed.public_key, signing) {
        let mut rule = Outcome::default();
        crate::rules::app::check_public_key(t, &ctx, &mut rule);
        let modulus_only = rule.detail_value(crate::outcome::DetailKey::FORM) == Some(&Value::text("modulus_hex"));
        if let (false, false, Some(key)) = (rule.has_errors(), modulus_only, rule.normalized) {
            let mut out = Outcome::default();
            if key != c.public_key {
                out.error(&KEY_MISMATCH);
            }
            push("public_key", out);
        }
    }
    found
}
