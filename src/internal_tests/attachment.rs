//! Attachment header checks against images generated here: minimal valid JPEG/PNG byte
//! streams (real marker/chunk structure, dummy entropy data) with chosen size, colour mode,
//! EXIF orientation and file size, plus truncated and hostile files. Every attachment code is
//! hit by a vector, and the parser is fed every prefix and many mutations of the images.

use super::common;

use icp_validate::check_attachment;
use icp_validate::attachment::{self, inspect_attachment, ColourMode, Format, HEADER_LEN, KINDS};
use icp_validate::catalog::placeholders;
use icp_validate::{Context, Locale};

const KB: usize = 1024;

/// A JPEG to generate.
#[derive(Clone)]
struct Jpeg {
    width: u16,
    height: u16,
    components: u8,
    /// Frame marker: 0xC0 baseline, 0xC1 extended, 0xC2 progressive...
    sof: u8,
    /// EXIF orientation and byte order (true = little-endian "II").
    exif: Option<(u16, bool)>,
    /// Pad the entropy-coded data so the file has this many bytes.
    size: usize,
}

impl Jpeg {
    fn new(width: u16, height: u16) -> Self {
        Jpeg { width, height, components: 3, sof: 0xC0, exif: None, size: 0 }
    }
    fn size(mut self, size: usize) -> Self {
        self.size = size;
        self
    }
    fn components(mut self, n: u8) -> Self {
        self.components = n;
        self
    }
    fn sof(mut self, marker: u8) -> Self {
        self.sof = marker;
        self
    }
    fn exif(mut self, orientation: u16, little: bool) -> Self {
        self.exif = Some((orientation, little));
        self
    }

    fn bytes(&self) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8];
        segment(&mut b, 0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0");
        if let Some((orientation, little)) = self.exif {
            segment(&mut b, 0xE1, &exif(orientation, little));
        }
        let mut dqt = vec![0u8];
        dqt.extend(std::iter::repeat(1).take(64));
        segment(&mut b, 0xDB, &dqt);
        let mut sof = vec![8];
        sof.extend(self.height.to_be_bytes());
        sof.extend(self.width.to_be_bytes());
        sof.push(self.components);
        for id in 1..=self.components {
            sof.extend([id, if id == 1 { 0x22 } else { 0x11 }, 0]);
        }
        segment(&mut b, self.sof, &sof);
        segment(&mut b, 0xC4, &[0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        let mut sos = vec![self.components];
        for id in 1..=self.components {
            sos.extend([id, 0x00]);
        }
        sos.extend([0, 63, 0]);
        segment(&mut b, 0xDA, &sos);
        let entropy = self.size.saturating_sub(b.len() + 2).max(16);
        b.extend((0..entropy).map(|i| (i % 251) as u8 & 0x7F));
        b.extend([0xFF, 0xD9]);
        b
    }
}

fn segment(b: &mut Vec<u8>, marker: u8, body: &[u8]) {
    b.extend([0xFF, marker]);
    b.extend(((body.len() + 2) as u16).to_be_bytes());
    b.extend(body);
}

/// EXIF APP1 body: "Exif\0\0", TIFF header, IFD0 with two entries (Make, Orientation).
fn exif(orientation: u16, little: bool) -> Vec<u8> {
    let u16b = |v: u16| if little { v.to_le_bytes() } else { v.to_be_bytes() };
    let u32b = |v: u32| if little { v.to_le_bytes() } else { v.to_be_bytes() };
    let mut t = Vec::new();
    t.extend(if little { b"II*\0" } else { b"MM\0*" });
    t.extend(u32b(8));
    t.extend(u16b(2));
    // 0x010F Make, ASCII, 4 bytes inline: "Test".
    t.extend(u16b(0x010F));
    t.extend(u16b(2));
    t.extend(u32b(4));
    t.extend(b"Tst\0");
    // 0x0112 Orientation, SHORT, count 1, value left-justified in the 4-byte field.
    t.extend(u16b(0x0112));
    t.extend(u16b(3));
    t.extend(u32b(1));
    t.extend(u16b(orientation));
    t.extend([0, 0]);
    t.extend(u32b(0));
    let mut body = b"Exif\0\0".to_vec();
    body.extend(t);
    body
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

fn chunk(b: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    b.extend((data.len() as u32).to_be_bytes());
    let start = b.len();
    b.extend(kind);
    b.extend(data);
    let crc = crc32(&b[start..]);
    b.extend(crc.to_be_bytes());
}

/// PNG with the given IHDR, a dummy IDAT padding the file to `size` bytes, and IEND.
fn png(width: u32, height: u32, depth: u8, colour_type: u8, interlace: u8, size: usize) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([depth, colour_type, 0, 0, interlace]);
    chunk(&mut b, b"IHDR", &ihdr);
    if colour_type == 3 {
        chunk(&mut b, b"PLTE", &[0, 0, 0, 255, 0, 0]);
    }
    let idat = size.saturating_sub(b.len() + 24).max(8);
    chunk(&mut b, b"IDAT", &vec![0x78; idat]);
    chunk(&mut b, b"IEND", &[]);
    b
}

fn ctx() -> Context {
    Context::default()
}

/// A vector: kind, file bytes, the size reported for the file, expected codes.
struct Case {
    name: &'static str,
    kind: &'static str,
    bytes: Vec<u8>,
    total: u64,
    codes: Vec<&'static str>,
    provider: Option<&'static str>,
}

fn case(name: &'static str, kind: &'static str, bytes: Vec<u8>, codes: &[&'static str]) -> Case {
    let total = bytes.len() as u64;
    Case { name, kind, bytes, total, codes: codes.to_vec(), provider: None }
}

fn cases() -> Vec<Case> {
    let ok = 150 * KB;
    let mut v = vec![
        case("entity certificate, landscape 1600×1200, 150 KB", "entity_certificate", Jpeg::new(1600, 1200).size(ok).bytes(), &[]),
        case("entity certificate, portrait licence 1100×1500", "entity_certificate", Jpeg::new(1100, 1500).size(ok).bytes(), &[]),
        case("entity certificate, exactly 100 KiB", "entity_certificate", Jpeg::new(1500, 1100).size(100 * KB).bytes(), &[]),
        case("entity certificate, exactly 200 KiB", "entity_certificate", Jpeg::new(1500, 1100).size(200 * KB).bytes(), &[]),
        case("entity certificate, 1280×720", "entity_certificate", Jpeg::new(1280, 720).size(ok).bytes(), &["attachment.too_small_dimensions"]),
        case("entity certificate, 99 KiB", "entity_certificate", Jpeg::new(1600, 1200).size(100 * KB - 1).bytes(), &["attachment.too_small_file"]),
        case("entity certificate, 201 KiB", "entity_certificate", Jpeg::new(1600, 1200).size(200 * KB + 1).bytes(), &["attachment.too_large_file"]),
        case("entity certificate, greyscale scan", "entity_certificate", Jpeg::new(1600, 1200).components(1).size(ok).bytes(), &["attachment.not_colour"]),
        case("entity certificate, CMYK", "entity_certificate", Jpeg::new(1600, 1200).components(4).size(ok).bytes(), &["attachment.cmyk"]),
        case("entity certificate, progressive SOF2", "entity_certificate", Jpeg::new(1600, 1200).sof(0xC2).size(ok).bytes(), &[]),
        case("entity certificate, extended SOF1", "entity_certificate", Jpeg::new(1600, 1200).sof(0xC1).size(ok).bytes(), &[]),
        case(
            "entity certificate: small, tiny file, grey, PNG: every limit at once",
            "entity_certificate",
            png(800, 600, 8, 0, 0, 10 * KB),
            &["attachment.unsupported_format", "attachment.too_small_file", "attachment.too_small_dimensions", "attachment.not_colour"],
        ),
        case("person certificate, phone photo 1280×720 with EXIF 1", "person_certificate", Jpeg::new(1280, 720).exif(1, true).size(ok).bytes(), &[]),
        case("person certificate, 720×1280 portrait", "person_certificate", Jpeg::new(720, 1280).size(ok).bytes(), &[]),
        case("person certificate, 640×480", "person_certificate", Jpeg::new(640, 480).size(ok).bytes(), &["attachment.too_small_dimensions"]),
        case("verification photo, portrait 1200×1600", "verification_photo", Jpeg::new(1200, 1600).size(ok).bytes(), &[]),
        case("verification photo, stored landscape, EXIF 6 (II)", "verification_photo", Jpeg::new(1600, 1200).exif(6, true).size(ok).bytes(), &[]),
        case("verification photo, stored landscape, EXIF 8 (MM)", "verification_photo", Jpeg::new(1600, 1200).exif(8, false).size(ok).bytes(), &[]),
        case("verification photo, landscape without EXIF", "verification_photo", Jpeg::new(1600, 1200).size(ok).bytes(), &["attachment.wrong_orientation"]),
        case("verification photo, portrait stored, EXIF 6 turns it landscape", "verification_photo", Jpeg::new(1200, 1600).exif(6, false).size(ok).bytes(), &["attachment.wrong_orientation"]),
        case("verification photo, square 1000×1000 is not landscape", "verification_photo", Jpeg::new(1000, 1000).size(ok).bytes(), &[]),
        case("verification photo, square 700×700", "verification_photo", Jpeg::new(700, 700).size(ok).bytes(), &["attachment.too_small_dimensions"]),
        case("verification photo, landscape 640×480: turned, still too small", "verification_photo", Jpeg::new(640, 480).size(ok).bytes(), &["attachment.wrong_orientation", "attachment.too_small_dimensions"]),
        case("verification photo, 480×640", "verification_photo", Jpeg::new(480, 640).size(ok).bytes(), &["attachment.too_small_dimensions"]),
        case("verification photo, 6 MiB", "verification_photo", Jpeg::new(1200, 1600).size(6 * 1024 * KB).bytes(), &["attachment.too_large_file"]),
        case("app icon, RGBA PNG 1024", "app_icon", png(1024, 1024, 8, 6, 0, 40 * KB), &[]),
        case("app icon, palette PNG", "app_icon", png(512, 512, 8, 3, 0, 20 * KB), &[]),
        case("app icon, grey+alpha PNG", "app_icon", png(512, 512, 16, 4, 1, 20 * KB), &[]),
        case("app icon, JPEG", "app_icon", Jpeg::new(512, 512).size(30 * KB).bytes(), &[]),
        case("domain certificate, RGB PNG screenshot", "domain_certificate", png(1920, 1080, 8, 2, 0, 300 * KB), &[]),
        case("domain certificate, grey PNG", "domain_certificate", png(1920, 1080, 8, 0, 0, 300 * KB), &["attachment.not_colour"]),
        case("authenticity form, colour scan", "authenticity_form", Jpeg::new(2480, 3508).size(900 * KB).bytes(), &[]),
        case("authenticity form, greyscale low-res scan", "authenticity_form", Jpeg::new(1000, 1400).components(1).size(300 * KB).bytes(), &["attachment.too_small_dimensions", "attachment.not_colour"]),
        case("other, PNG", "other", png(100, 100, 1, 0, 0, KB), &[]),
        case("unknown kind", "passport_scan", Jpeg::new(1600, 1200).bytes(), &["attachment.unknown_kind"]),
        case("0 bytes", "entity_certificate", Vec::new(), &["attachment.empty"]),
        case("GIF", "other", b"GIF89a\x10\0\x10\0\x80\0\0".to_vec(), &["attachment.unsupported_format"]),
        case("WebP", "other", b"RIFF\x24\0\0\0WEBPVP8 \x18\0\0\0".to_vec(), &["attachment.unsupported_format"]),
        case("PDF", "other", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec(), &["attachment.unsupported_format"]),
        case("HEIC from an iPhone", "verification_photo", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(), &["attachment.unsupported_format"]),
        case("HEIF mif1", "other", b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic".to_vec(), &["attachment.unsupported_format"]),
        case("AVIF", "other", b"\0\0\0\x1cftypavif\0\0\0\0avifmif1".to_vec(), &["attachment.unsupported_format"]),
        case("BMP", "other", b"BM\x36\0\x0c\0\0\0\0\0\x36\0\0\0\x28\0".to_vec(), &["attachment.unsupported_format"]),
        case("TIFF scan", "other", b"II*\0\x08\0\0\0\0\0".to_vec(), &["attachment.unsupported_format"]),
        case("text renamed .jpg", "other", b"hello, this is not an image".to_vec(), &["attachment.unknown_format"]),
        case("JPEG cut before the frame header", "other", Jpeg::new(1600, 1200).exif(6, true).bytes()[..60].to_vec(), &["attachment.truncated"]),
        case("PNG cut inside IHDR", "other", png(10, 10, 8, 2, 0, 0)[..20].to_vec(), &["attachment.truncated"]),
        case("JPEG 65535×65535", "other", Jpeg::new(65535, 65535).bytes(), &["attachment.dimensions_implausible"]),
        case("PNG 100000×100000", "other", png(100_000, 100_000, 8, 2, 0, 0), &["attachment.dimensions_implausible"]),
        case("PNG width over 2^31-1", "other", png(0x8000_0000, 1, 8, 2, 0, 0), &["attachment.corrupt"]),
        case("PNG bad IHDR CRC", "other", {
            let mut b = png(10, 10, 8, 2, 0, 0);
            b[20] ^= 1;
            b
        }, &["attachment.corrupt"]),
        case("PNG colour type 5", "other", png(10, 10, 8, 5, 0, 0), &["attachment.corrupt"]),
        case("PNG RGB with bit depth 4", "other", png(10, 10, 4, 2, 0, 0), &["attachment.corrupt"]),
        case("JPEG height 0 (DNL)", "other", Jpeg::new(100, 0).bytes(), &["attachment.corrupt"]),
        case("JPEG with 2 components", "other", Jpeg::new(100, 100).components(2).bytes(), &["attachment.corrupt"]),
        case("JPEG segment length 0", "other", vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x00, 0xFF, 0xC0], &["attachment.corrupt"]),
        case("JPEG scan before frame", "other", vec![0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9], &["attachment.corrupt"]),
        case("JPEG EOI before frame", "other", vec![0xFF, 0xD8, 0xFF, 0xD9], &["attachment.corrupt"]),
        case("JPEG of only fill bytes", "other", {
            let mut b = vec![0xFF, 0xD8];
            b.resize(100_000, 0xFF);
            b
        }, &["attachment.truncated"]),
        case("JPEG of endless RST markers", "other", {
            let mut b = vec![0xFF, 0xD8];
            for _ in 0..50_000 {
                b.extend([0xFF, 0xD0]);
            }
            b
        }, &["attachment.truncated"]),
        case("JPEG with EXIF claiming 65535 IFD entries", "other", {
            let mut b = vec![0xFF, 0xD8];
            segment(&mut b, 0xE1, b"Exif\0\0MM\0*\0\0\0\x08\xff\xff");
            b.extend(&Jpeg::new(800, 600).bytes()[2..]);
            b
        }, &[]),
    ];
    // Only the browser's slice is passed, while the file is larger: metadata pushed the frame
    // header past the slice.
    let mut big_exif = vec![0xFF, 0xD8];
    for _ in 0..5 {
        segment(&mut big_exif, 0xE2, &vec![0x41; 65_000]);
    }
    big_exif.extend(&Jpeg::new(1600, 1200).size(100 * KB).bytes()[2..]);
    let total = big_exif.len() as u64;
    // Natively the whole file may be passed: same answer as the browser's slice.
    v.push(Case { name: "frame header beyond the slice, whole file passed", kind: "other", bytes: big_exif.clone(), total, codes: vec!["attachment.header_incomplete"], provider: None });
    big_exif.truncate(HEADER_LEN);
    v.push(Case { name: "frame header beyond the header slice", kind: "other", bytes: big_exif, total, codes: vec!["attachment.header_incomplete"], provider: None });
    // A 2 MB phone photo of which the widget read only the slice: size comes from `total`.
    let mut slice = Jpeg::new(1600, 1200).size(2 * 1024 * KB).bytes();
    slice.truncate(HEADER_LEN);
    v.push(Case { name: "2 MiB file, header slice only", kind: "entity_certificate", bytes: slice, total: 2 * 1024 * 1024, codes: vec!["attachment.too_large_file"], provider: None });
    // Provider override: sinnet takes e-mailed soft copies without the 100-200 KiB window.
    for (name, provider, codes) in [
        ("sinnet: 50 KiB PNG certificate", Some("sinnet"), vec![]),
        ("nwcd: same file", Some("nwcd"), vec!["attachment.unsupported_format", "attachment.too_small_file"]),
    ] {
        let bytes = png(1600, 1200, 8, 2, 0, 50 * KB);
        v.push(Case { name, kind: "entity_certificate", total: bytes.len() as u64, bytes, codes, provider });
    }
    let bytes = Jpeg::new(1280, 720).size(50 * KB).bytes();
    v.push(Case { name: "sinnet keeps the resolution limit", kind: "person_certificate", total: bytes.len() as u64, bytes, codes: vec![], provider: Some("SINNET") });
    let bytes = Jpeg::new(1000, 700).size(50 * KB).bytes();
    v.push(Case { name: "sinnet person certificate too small", kind: "person_certificate", total: bytes.len() as u64, bytes, codes: vec!["attachment.too_small_dimensions"], provider: Some("sinnet") });
    v
}

#[test]
fn vectors_give_exactly_the_expected_codes_and_cover_every_code() {
    let mut failures = Vec::new();
    let mut hit: Vec<&str> = Vec::new();
    let all = cases();
    for c in &all {
        let ctx = Context { provider: c.provider.and_then(icp_validate::Provider::find), ..ctx() };
        for locale in [Locale::ZhCn, Locale::En] {
            let r = check_attachment(c.kind, &c.bytes, c.total, &ctx, locale);
            let got: Vec<&str> = r.errors.iter().chain(&r.warnings).map(|i| i.code).collect();
            if got != c.codes {
                failures.push(format!("{}: expected {:?}, got {:?}", c.name, c.codes, got));
            }
            if r.valid != r.errors.is_empty() {
                failures.push(format!("{}: valid flag inconsistent", c.name));
            }
            for issue in r.errors.iter().chain(&r.warnings) {
                let code = attachment::CODES.iter().find(|k| k.id == issue.code).expect("code in CODES");
                for p in placeholders(code.template(locale)) {
                    if !issue.params.contains_key(p) {
                        failures.push(format!("{}: {} lacks param {p}", c.name, issue.code));
                    }
                }
                assert!(!issue.message.contains('{'), "{}: unfilled message {}", c.name, issue.message);
            }
            hit.extend(got);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for code in attachment::CODES {
        assert!(hit.contains(&code.id), "no vector hits {}", code.id);
    }
    eprintln!("{} attachment vectors passed", all.len());
}

#[test]
fn dimension_message_names_both_sizes() {
    let bytes = Jpeg::new(1280, 720).size(150 * KB).bytes();
    let r = check_attachment("entity_certificate", &bytes, bytes.len() as u64, &ctx(), Locale::En);
    assert_eq!(r.errors[0].message, "The resolution 1280×720 is below the required 1500×1100");
    let zh = check_attachment("entity_certificate", &bytes, bytes.len() as u64, &ctx(), Locale::ZhCn);
    assert_eq!(zh.errors[0].message, "图片分辨率 1280×720 低于要求的 1500×1100");
    // A portrait image is told the minimum in portrait.
    let bytes = Jpeg::new(720, 1000).size(150 * KB).bytes();
    let r = check_attachment("entity_certificate", &bytes, bytes.len() as u64, &ctx(), Locale::En);
    assert_eq!(r.errors[0].message, "The resolution 720×1000 is below the required 1100×1500");
    let json = serde_json::to_value(&r.errors[0].params).unwrap();
    assert_eq!(json, serde_json::json!({"width": 720, "height": 1000, "min_width": 1100, "min_height": 1500}));
}

#[test]
fn file_size_messages_round_towards_the_violation() {
    let small = Jpeg::new(1600, 1200).size(100 * KB - 1).bytes();
    let r = check_attachment("entity_certificate", &small, small.len() as u64, &ctx(), Locale::En);
    assert_eq!(r.errors[0].message, "The file is 99 KB; it must be at least 100 KB");
    assert_eq!(r.errors[0].params["size"], icp_validate::Value::Int(100 * 1024 - 1));
    let big = Jpeg::new(1600, 1200).size(200 * KB + 1).bytes();
    let r = check_attachment("entity_certificate", &big, big.len() as u64, &ctx(), Locale::ZhCn);
    assert_eq!(r.errors[0].message, "文件大小为 201 KB，不能超过 200 KB");
}

/// A file under 1 KiB is shown in bytes, never as "0 KB" (issue 19 item 23).
#[test]
fn a_tiny_file_is_shown_in_bytes() {
    for (size, en, zh) in [(12, "The file is 12 B; it must be at least 100 KB", "文件大小为 12 B，不能小于 100 KB"), (1023, "The file is 1023 B; it must be at least 100 KB", "文件大小为 1023 B，不能小于 100 KB"), (1024, "The file is 1 KB; it must be at least 100 KB", "文件大小为 1 KB，不能小于 100 KB")] {
        let meta: icp_validate::attachment::AttachmentMeta = serde_json::from_value(serde_json::json!({"kind": "entity_certificate", "format": "jpeg", "byte_size": size, "width": 1600, "height": 1200})).unwrap();
        let out = icp_validate::attachment::check_metadata(&meta, icp_validate::Provider::Nwcd);
        let f = &out.findings[0];
        assert_eq!(f.code.id, "attachment.too_small_file");
        assert_eq!(icp_validate::registry::render::message(f, Locale::En), en);
        assert_eq!(icp_validate::registry::render::message(f, Locale::ZhCn), zh);
    }
}

#[test]
fn result_reports_format_size_orientation_and_colour() {
    let bytes = Jpeg::new(1280, 720).exif(6, true).sof(0xC2).size(150 * KB).bytes();
    let r = check_attachment("person_certificate", &bytes, bytes.len() as u64, &ctx(), Locale::En);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["format"], "jpeg");
    assert_eq!((json["width"].clone(), json["height"].clone()), (720.into(), 1280.into()));
    assert_eq!(json["colour_mode"], "rgb");
    assert_eq!(json["byte_size"], 150 * KB);
    assert_eq!(json["valid"], true);
    assert_eq!(json["details"]["orientation"], 6);
    assert_eq!(json["details"]["stored_width"], 1280);
    assert_eq!(json["details"]["progressive"], true);

    for (orientation, little, swapped) in [(1, true, false), (3, false, false), (5, true, true), (6, false, true), (7, false, true), (8, true, true), (9, true, false), (0, false, false)] {
        let bytes = Jpeg::new(1000, 600).exif(orientation, little).bytes();
        let i = inspect_attachment("other", &bytes, bytes.len() as u64, &ctx());
        let img = i.image.expect("readable");
        assert_eq!((img.width, img.height) == (600, 1000), swapped, "orientation {orientation}");
        assert_eq!(img.orientation, if (1..=8).contains(&orientation) { orientation as u8 } else { 1 });
    }

    for (colour_type, depth, mode) in [(0, 1, ColourMode::Grey), (2, 16, ColourMode::Rgb), (3, 4, ColourMode::Palette), (4, 8, ColourMode::GreyAlpha), (6, 8, ColourMode::Rgba)] {
        let bytes = png(64, 48, depth, colour_type, 0, 0);
        let r = check_attachment("other", &bytes, bytes.len() as u64, &ctx(), Locale::En);
        assert_eq!((r.format, r.width, r.height, r.colour_mode), (Format::Png, Some(64), Some(48), Some(mode)));
        assert_eq!(r.details["bit_depth"], icp_validate::Value::Int(depth.into()));
    }
    let grey = Jpeg::new(100, 100).components(1).bytes();
    assert_eq!(check_attachment("other", &grey, 0, &ctx(), Locale::En).colour_mode, Some(ColourMode::Grey));
}

/// Every vector's result, in both locales, is an `AttachmentResult` as docs/api.schema.json
/// describes it; between them they reach every format and a `null` width and colour mode.
#[test]
fn results_match_the_api_schema() {
    let schema = common::schema::Schema::api();
    let (mut formats, mut nulls) = (Vec::new(), 0);
    for c in &cases() {
        let ctx = Context { provider: c.provider.and_then(icp_validate::Provider::find), ..ctx() };
        for locale in [Locale::ZhCn, Locale::En] {
            let json = serde_json::to_value(check_attachment(c.kind, &c.bytes, c.total, &ctx, locale)).unwrap();
            schema.assert_valid("AttachmentResult", &json, c.name);
            nulls += usize::from(json["width"].is_null() && json["colour_mode"].is_null());
            if !formats.contains(&json["format"]) {
                formats.push(json["format"].clone());
            }
        }
    }
    assert!(nulls > 0);
    assert_eq!(formats.len(), 10, "{formats:?}");
}

#[test]
fn limits_table_is_consistent() {
    for kind in KINDS {
        let l = &kind.limits;
        assert!(!l.formats.is_empty(), "{}", kind.id);
        assert!(l.max_bytes == 0 || l.min_bytes <= l.max_bytes, "{}", kind.id);
        assert!(!l.source.is_empty());
        assert_eq!(attachment::limits(kind.id, None), Some(l));
    }
    for p in icp_validate::providers::PROVIDERS {
        for (kind, _) in p.attachment_limits {
            assert!(KINDS.iter().any(|k| k.id == *kind), "{}: limits for unknown kind {kind}", p.id);
        }
    }
    assert_eq!(attachment::limits("entity_certificate", Some(icp_validate::providers::profile(icp_validate::Provider::Sinnet))).map(|l| l.min_bytes), Some(0));
    assert_eq!(attachment::limits("entity_certificate", Some(icp_validate::providers::profile(icp_validate::Provider::Aliyun))).map(|l| l.min_bytes), Some(100 * 1024));
}

/// Deterministic xorshift, so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn every_prefix_and_mutation_is_handled_with_linear_work() {
    let seeds: Vec<Vec<u8>> = vec![
        Jpeg::new(1600, 1200).exif(6, true).bytes(),
        Jpeg::new(1600, 1200).exif(8, false).sof(0xC2).bytes(),
        Jpeg::new(300, 200).components(1).bytes(),
        Jpeg::new(300, 200).components(4).sof(0xCA).bytes(),
        png(1024, 1024, 8, 6, 0, 0),
        png(16, 16, 2, 3, 1, 0),
        png(16, 16, 16, 0, 0, 0),
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
        b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(),
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut runs = 0usize;
    let mut max_ratio = 0.0f64;
    let mut check = |data: &[u8]| {
        let steps = attachment::fuzz_one(data);
        max_ratio = max_ratio.max(steps as f64 / (data.len() + 1) as f64);
        runs += 1;
    };
    for seed in &seeds {
        for end in 0..=seed.len() {
            check(&seed[..end]);
        }
        for _ in 0..2000 {
            let mut m = seed.clone();
            for _ in 0..1 + rng.below(4) {
                let at = rng.below(m.len());
                match rng.below(6) {
                    0 => m[at] ^= 1 << rng.below(8),
                    1 => m[at] = 0xFF,
                    2 => m[at] = 0x00,
                    3 => m[at] = rng.next() as u8,
                    4 => m.insert(at, rng.next() as u8),
                    _ => {
                        m.remove(at);
                    }
                }
                if m.is_empty() {
                    break;
                }
            }
            check(&m);
        }
    }
    assert!(runs > 15_000);
    assert!(max_ratio <= 2.0, "work per byte {max_ratio}");
    eprintln!("{runs} mutated/prefix inputs, max parser steps per byte {max_ratio:.2}");
}

#[test]
fn big_hostile_inputs_finish_quickly() {
    // 4 MiB of fill bytes or 0xFFD7 markers: one linear pass each.
    let mut fill = vec![0xFF, 0xD8];
    fill.resize(4 * 1024 * KB, 0xFF);
    let steps = attachment::fuzz_one(&fill);
    assert!(steps <= 2 * fill.len() + 2);
    let mut rst = vec![0xFF, 0xD8];
    while rst.len() < 4 * 1024 * KB {
        rst.extend([0xFF, 0xD7]);
    }
    assert!(attachment::fuzz_one(&rst) <= 2 * rst.len() + 2);
}
