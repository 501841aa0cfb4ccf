//! Deterministic benchmark inputs, shared by `benches/fields.rs` (criterion) and
//! `examples/bench_native.rs` (plain ns/op, and `--dump` of the same inputs as JSON for the wasm
//! and peer benchmarks in bench/). A fixed-seed generator makes a mix of valid values (built
//! with the crate's own check-digit functions and region tables) and invalid ones (the same
//! values with one typical mistake: a changed character, a dropped character, a bad character).
#![allow(dead_code)]

use icp_validate::__shell::{mobile_allocated, mobile_province, mod11_2, org_code_check, provinces, region_code_status, uscc_check};

/// Items per field set.
pub const ITEMS: usize = 1000;
/// Attachment headers are larger; fewer of them.
pub const ATTACHMENTS: usize = 200;
pub const SEED: u64 = 0x1C9_2026_1123;
/// The `today` of every context, so results do not depend on the clock.
pub const TODAY: &str = "2026-11-23";
/// Sample filings benchmarked whole (tests/filings/<name>.json, its "filing" and "options").
pub const FILINGS: &[&str] = &["valid_website", "valid_app_three_platforms"];

/// SplitMix64: tiny, deterministic, good enough to pick test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// One benchmarked field: every item is a value and an optional province context.
pub struct FieldSet {
    pub name: &'static str,
    pub field: &'static str,
    pub values: Vec<String>,
    pub provinces: Vec<Option<String>>,
}

pub struct Attachment {
    pub kind: &'static str,
    pub header: Vec<u8>,
    pub total_size: u64,
}

/// One typical mistake on a valid value: change, drop or insert a character.
fn corrupt(rng: &mut Rng, value: &str, alphabet: &[u8]) -> String {
    let mut chars: Vec<char> = value.chars().collect();
    if chars.is_empty() {
        return "x".into();
    }
    let at = rng.below(chars.len() as u64) as usize;
    match rng.below(3) {
        0 => {
            let old = chars[at];
            let mut new = *rng.pick(alphabet) as char;
            if new == old {
                new = if old == '0' { '1' } else { '0' };
            }
            chars[at] = new;
        }
        1 => {
            chars.remove(at);
        }
        _ => chars.insert(at, *rng.pick(b"#_ !@") as char),
    }
    chars.into_iter().collect()
}

fn digits(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| (b'0' + rng.below(10) as u8) as char).collect()
}

/// A region code that GB/T 2260 knows (drawn at random, kept when the table has it).
fn region_code(rng: &mut Rng) -> String {
    let codes: Vec<u8> = provinces().map(|p| p.code).filter(|c| *c < 71).collect();
    for _ in 0..10_000 {
        let code = format!("{:02}{:02}{:02}", rng.pick(&codes), 1 + rng.below(20), 1 + rng.below(30));
        if region_code_status(&code).is_some() {
            return code;
        }
    }
    format!("{:02}0101", codes[0])
}

pub fn resident_id(rng: &mut Rng) -> String {
    let region = region_code(rng);
    let (y, m, d) = (1950 + rng.below(56), 1 + rng.below(12), 1 + rng.below(28));
    let body = format!("{region}{y:04}{m:02}{d:02}{}", digits(rng, 3));
    let check = mod11_2(body.as_bytes()).unwrap_or(b'0') as char;
    format!("{body}{check}")
}

const USCC_CHARS: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

pub fn uscc(rng: &mut Rng) -> String {
    // Department 9 (industry and commerce): 1 enterprise, 2 individual business, 3 co-operative.
    let kind = *rng.pick(b"123") as char;
    let region = region_code(rng);
    // Organization codes are mostly digits; some use letters.
    let span = 10 + rng.below(21) as usize;
    let org8: String = (0..8).map(|_| *rng.pick(&USCC_CHARS[..span]) as char).collect();
    let org_check = org_code_check(org8.as_bytes()).unwrap_or(b'0') as char;
    let body = format!("9{kind}{region}{org8}{org_check}");
    let check = uscc_check(body.as_bytes()).unwrap_or(b'0') as char;
    format!("{body}{check}")
}

fn label(rng: &mut Rng, idn: bool) -> String {
    let n = 2 + rng.below(12) as usize;
    if idn {
        // CJK unified ideographs, the common block.
        (0..n.min(6)).filter_map(|_| char::from_u32(0x4E00 + rng.below(0x5000) as u32)).collect()
    } else {
        let mut s: String = (0..n).map(|_| *rng.pick(b"abcdefghijklmnopqrstuvwxyz0123456789") as char).collect();
        if rng.chance(20) && n > 4 {
            s.insert(n / 2, '-');
        }
        s
    }
}

pub fn domain(rng: &mut Rng) -> String {
    let idn = rng.chance(25);
    let tld = if idn { *rng.pick(&["中国", "公司", "网络", "cn"]) } else { *rng.pick(&["com", "cn", "net", "com.cn", "org.cn", "top", "xyz"]) };
    let sub = if rng.chance(30) { format!("{}.", *rng.pick(&["www", "m", "api", "shop"])) } else { String::new() };
    format!("{sub}{}.{tld}", label(rng, idn))
}

/// An allocated mobile number and, most of the time, its own province as context (sometimes
/// another province, sometimes none).
pub fn mobile(rng: &mut Rng) -> (String, Option<String>) {
    let names: Vec<&str> = provinces().map(|p| p.name_zh).collect();
    for _ in 0..10_000 {
        let number = format!("1{}{}", 3 + rng.below(7), digits(rng, 9));
        let prefix5: u16 = number[..5].parse().unwrap_or(0);
        if !mobile_allocated(prefix5) {
            continue;
        }
        let own = number[..7].parse().ok().and_then(mobile_province).map(|p| p.province.name_zh.to_string());
        let province = match rng.below(10) {
            0 => None,
            1 => Some(rng.pick(&names).to_string()),
            _ => own,
        };
        let shown = match rng.below(4) {
            0 => format!("+86 {} {} {}", &number[..3], &number[3..7], &number[7..]),
            1 => format!("{}-{}-{}", &number[..3], &number[3..7], &number[7..]),
            _ => number,
        };
        return (shown, province);
    }
    ("13800138000".into(), None)
}

pub fn android_package(rng: &mut Rng) -> String {
    let n = 2 + rng.below(3) as usize;
    let mut parts: Vec<String> = vec![rng.pick(&["com", "cn", "net", "org", "io"]).to_string()];
    for _ in 1..n {
        let len = 2 + rng.below(10) as usize;
        let mut s: String = (0..len).map(|_| *rng.pick(b"abcdefghijklmnopqrstuvwxyz") as char).collect();
        if rng.chance(20) {
            s.push_str(&digits(rng, 1));
        }
        if rng.chance(10) {
            s.insert(1, '_');
        }
        parts.push(s);
    }
    parts.join(".")
}

pub fn md5(rng: &mut Rng) -> String {
    let upper = rng.chance(30);
    let hex = if upper { b"0123456789ABCDEF" } else { b"0123456789abcdef" };
    // Now and then a SHA-1 or SHA-256 pasted into the MD5 box.
    let len = match rng.below(20) {
        0 => 40,
        1 => 64,
        _ => 32,
    };
    (0..len).map(|_| *rng.pick(hex) as char).collect()
}

/// Mixes valid values from `make` with corrupted ones (about a third).
fn set(name: &'static str, field: &'static str, seed: u64, alphabet: &[u8], mut make: impl FnMut(&mut Rng) -> (String, Option<String>)) -> FieldSet {
    let mut rng = Rng::new(SEED ^ seed);
    let (mut values, mut provinces) = (Vec::with_capacity(ITEMS), Vec::with_capacity(ITEMS));
    for _ in 0..ITEMS {
        let (mut v, p) = make(&mut rng);
        if rng.chance(33) {
            v = corrupt(&mut rng, &v, alphabet);
        }
        values.push(v);
        provinces.push(p);
    }
    FieldSet { name, field, values, provinces }
}

/// The field sets, in the order every report lists them.
pub fn field_sets() -> Vec<FieldSet> {
    vec![
        set("resident_id", "resident_id", 1, b"0123456789X", |r| (resident_id(r), None)),
        set("uscc", "uscc", 2, USCC_CHARS, |r| (uscc(r), None)),
        set("domain", "domain", 3, b"abcdefghijklmnopqrstuvwxyz0123456789-.", |r| (domain(r), None)),
        set("mobile", "mobile", 4, b"0123456789", mobile),
        set("android_package", "android_package", 5, b"abcdefghijklmnopqrstuvwxyz0123456789._-", |r| (android_package(r), None)),
        set("md5", "md5", 6, b"0123456789abcdefg", |r| (md5(r), None)),
    ]
}

fn segment(b: &mut Vec<u8>, marker: u8, body: &[u8]) {
    b.extend([0xFF, marker]);
    b.extend(((body.len() + 2) as u16).to_be_bytes());
    b.extend(body);
}

/// A baseline JPEG header (SOI, JFIF, DQT, SOF, DHT, SOS and a little entropy data).
fn jpeg(width: u16, height: u16, components: u8) -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8];
    segment(&mut b, 0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0");
    let mut dqt = vec![0u8];
    dqt.extend([1u8; 64]);
    segment(&mut b, 0xDB, &dqt);
    let mut sof = vec![8];
    sof.extend(height.to_be_bytes());
    sof.extend(width.to_be_bytes());
    sof.push(components);
    for id in 1..=components {
        sof.extend([id, if id == 1 { 0x22 } else { 0x11 }, 0]);
    }
    segment(&mut b, 0xC0, &sof);
    segment(&mut b, 0xC4, &[0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let mut sos = vec![components];
    for id in 1..=components {
        sos.extend([id, 0x00]);
    }
    sos.extend([0, 63, 0]);
    segment(&mut b, 0xDA, &sos);
    b.extend((0..512u32).map(|i| (i % 251) as u8 & 0x7F));
    b
}

fn png(width: u32, height: u32, colour_type: u8) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut chunk = |kind: &[u8; 4], data: &[u8]| {
        b.extend((data.len() as u32).to_be_bytes());
        let start = b.len();
        b.extend(kind);
        b.extend(data);
        let crc = icp_validate::__shell::crc32(&b[start..]);
        b.extend(crc.to_be_bytes());
    };
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, colour_type, 0, 0, 0]);
    chunk(b"IHDR", &ihdr);
    chunk(b"IDAT", &[0x78; 512]);
    b
}

/// Header slices of uploads (what the widget reads from a File) with the file's size: mostly
/// well-formed JPEG/PNG of varied size and resolution, some truncated or of another format.
pub fn attachments() -> Vec<Attachment> {
    let mut rng = Rng::new(SEED ^ 7);
    let kinds = ["entity_certificate", "person_certificate", "verification_photo", "domain_certificate", "other"];
    (0..ATTACHMENTS)
        .map(|_| {
            let kind = *rng.pick(&kinds);
            let (w, h) = (400 + rng.below(2400) as u16, 400 + rng.below(2400) as u16);
            let mut header = match rng.below(10) {
                0..=5 => jpeg(w, h, *rng.pick(&[1u8, 3, 3, 3])),
                6..=8 => png(u32::from(w), u32::from(h), *rng.pick(&[0u8, 2, 6])),
                _ => b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
            };
            if rng.chance(10) {
                header.truncate(20 + rng.below(100) as usize);
            }
            Attachment { kind, header, total_size: 20_000 + rng.below(400_000) }
        })
        .collect()
}

/// The JSON context of an item, as JS callers pass it.
pub fn context_json(province: &Option<String>) -> serde_json::Value {
    match province {
        Some(p) => serde_json::json!({ "today": TODAY, "province": p }),
        None => serde_json::json!({ "today": TODAY }),
    }
}

pub fn context(province: &Option<String>) -> icp_validate::Context {
    serde_json::from_value(context_json(province)).expect("bench context")
}

/// A sample filing's "filing" and "options" objects.
pub fn filing_json(name: &str) -> (serde_json::Value, serde_json::Value) {
    let path = format!("{}/tests/filings/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let case: serde_json::Value = serde_json::from_str(&text).expect("sample filing JSON");
    let mut options = case["options"].clone();
    if options.is_null() {
        options = serde_json::json!({});
    }
    options["today"] = TODAY.into();
    (case["filing"].clone(), options)
}

/// Everything, as JSON for bench/wasm.mjs and bench/peers.py (`bench_native --dump`).
pub fn dump() -> serde_json::Value {
    let fields: Vec<_> = field_sets()
        .iter()
        .map(|s| {
            let contexts: Vec<_> = s.provinces.iter().map(context_json).collect();
            serde_json::json!({ "name": s.name, "field": s.field, "values": s.values, "contexts": contexts })
        })
        .collect();
    let attachments: Vec<_> = attachments()
        .iter()
        .map(|a| serde_json::json!({ "kind": a.kind, "header": a.header.iter().map(|b| format!("{b:02x}")).collect::<String>(), "total_size": a.total_size }))
        .collect();
    let filings: Vec<_> = FILINGS
        .iter()
        .map(|n| {
            let (filing, options) = filing_json(n);
            serde_json::json!({ "name": n, "filing": filing, "options": options })
        })
        .collect();
    serde_json::json!({ "seed": SEED, "today": TODAY, "fields": fields, "attachments": attachments, "filings": filings })
}
