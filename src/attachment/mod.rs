//! Attachments (备案附件) checked from their first bytes: detected format, size in bytes,
//! pixel size after EXIF orientation and colour mode, against the limits of each attachment
//! kind. The browser reads only [`HEADER_LEN`] bytes of a `File` plus `file.size`; natively
//! the same function takes a byte slice, so both ends agree.
//!
//! The limits live in [`KINDS`] (one row per kind, with its source); a provider's file
//! replaces a kind's row for its filings (`ctx.provider`).
//!
//! Decisions:
//! - "K" in the seeds ("not more than 200K, not less than 100K") is read as KiB (1024 bytes),
//!   the unit file choosers and filing consoles display.
//! - Resolutions in the seeds are orientation-agnostic: the entity certificate is "1500*1100"
//!   but business licences are printed both landscape and portrait, and ID documents are
//!   "720*1280" (a phone-camera size) although an ID card is landscape. So the long side is
//!   compared with the larger number and the short side with the smaller one. Only the
//!   verification photo is orientation-specific (portrait), as consoles require.
//! - Colour is judged from the header (JPEG component count, PNG colour type): a greyscale
//!   JPEG fails, a colour-encoded scan of a black-and-white copy cannot be detected here.
//! - Size limits use the real file size (`total_size`), never the slice length.

pub mod header;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use header::{ColourMode, Format, HeaderError, Image, HEADER_LEN, MAX_PIXELS, MAX_SIDE};
pub use crate::attachment_kinds::{Kind, Limits, KINDS};
use crate::attachment_kinds::KIB;

use crate::context::Context;
use crate::message::{Code, Value};
use crate::outcome::{Issue, Outcome};
use crate::message::text;

pub const UNKNOWN_KIND: Code = Code {
    id: "attachment.unknown_kind",
    zh: text("未知的附件类型：{kind}"),
    en: text("Unknown attachment kind: {kind}"),
};
pub const EMPTY: Code = Code {
    id: "attachment.empty",
    zh: text("文件为空（0 字节），请重新选择文件"),
    en: text("The file is empty (0 bytes); choose the file again"),
};
pub const UNKNOWN_FORMAT: Code = Code {
    id: "attachment.unknown_format",
    zh: text("无法识别文件格式，请上传 {allowed} 格式的图片"),
    en: text("The file format is not recognised; upload a {allowed} image"),
};
pub const UNSUPPORTED_FORMAT: Code = Code {
    id: "attachment.unsupported_format",
    zh: text("文件实际为 {format} 格式，此处只接受 {allowed} 格式（修改扩展名无效，请转换格式）"),
    en: text("The file is actually {format}; only {allowed} is accepted here (renaming does not help, convert it)"),
};
pub const TRUNCATED: Code = Code {
    id: "attachment.truncated",
    zh: text("{format} 文件不完整，在图片尺寸信息之前就结束了，请重新导出或重新拍摄"),
    en: text("The {format} file is incomplete: it ends before the image size; export or take it again"),
};
pub const HEADER_INCOMPLETE: Code = Code {
    id: "attachment.header_incomplete",
    zh: text("在文件开头的 {bytes} 字节内未找到图片尺寸信息，请去除多余的元数据后重新导出"),
    en: text("No image size in the first {bytes} bytes of the file; export it again without extra metadata"),
};
pub const CORRUPT: Code = Code {
    id: "attachment.corrupt",
    zh: text("{format} 文件已损坏，无法读取图片信息，请重新导出或重新拍摄"),
    en: text("The {format} file is damaged and its image header cannot be read; export or take it again"),
};
pub const DIMENSIONS_IMPLAUSIBLE: Code = Code {
    id: "attachment.dimensions_implausible",
    zh: text("文件声明的图片尺寸 {width}×{height} 超出合理范围（每边不超过 {max_side} 像素），文件可能已损坏"),
    en: text("The declared size {width}×{height} is implausible (at most {max_side} px per side); the file is probably damaged"),
};
pub const TOO_SMALL_FILE: Code = Code {
    id: "attachment.too_small_file",
    zh: text("文件大小为 {size_shown}，不能小于 {min_kb} KB"),
    en: text("The file is {size_shown}; it must be at least {min_kb} KB"),
};
pub const TOO_LARGE_FILE: Code = Code {
    id: "attachment.too_large_file",
    zh: text("文件大小为 {size_kb} KB，不能超过 {max_kb} KB"),
    en: text("The file is {size_kb} KB; it must not exceed {max_kb} KB"),
};
pub const TOO_SMALL_DIMENSIONS: Code = Code {
    id: "attachment.too_small_dimensions",
    zh: text("图片分辨率 {width}×{height} 低于要求的 {min_width}×{min_height}"),
    en: text("The resolution {width}×{height} is below the required {min_width}×{min_height}"),
};
pub const WRONG_ORIENTATION: Code = Code {
    id: "attachment.wrong_orientation",
    zh: text("照片方向不符：当前为 {width}×{height}（宽×高），应为不小于 {min_width}×{min_height} 的同方向照片，请旋转后上传"),
    en: text("Wrong orientation: the photo is {width}×{height} (width×height) but must be at least {min_width}×{min_height} that way round; rotate it"),
};
pub const NOT_COLOUR: Code = Code {
    id: "attachment.not_colour",
    zh: text("图片为黑白（灰度）图片，请上传彩色照片或彩色扫描件"),
    en: text("The image is black-and-white (greyscale); upload a colour photo or colour scan"),
};
pub const CMYK: Code = Code {
    id: "attachment.cmyk",
    zh: text("图片为 CMYK 印刷色彩模式，部分系统无法正确显示，建议转换为 RGB 后上传"),
    en: text("The image uses CMYK print colours, which some systems display wrongly; convert it to RGB"),
};

/// Every code an attachment check can return (for the catalog tests and docs).
pub const CODES: &[&Code] = &[
    &UNKNOWN_KIND,
    &EMPTY,
    &UNKNOWN_FORMAT,
    &UNSUPPORTED_FORMAT,
    &TRUNCATED,
    &HEADER_INCOMPLETE,
    &CORRUPT,
    &DIMENSIONS_IMPLAUSIBLE,
    &TOO_SMALL_FILE,
    &TOO_LARGE_FILE,
    &TOO_SMALL_DIMENSIONS,
    &WRONG_ORIENTATION,
    &NOT_COLOUR,
    &CMYK,
];

/// The kind's limits for a provider's profile: the provider's own if its file sets them, else
/// the default row.
pub fn limits(kind: &str, profile: Option<&'static crate::providers::Provider>) -> Option<&'static Limits> {
    let default = &KINDS.iter().find(|k| k.id == kind)?.limits;
    Some(profile.and_then(|p| crate::providers::attachment_limits(p, kind)).unwrap_or(default))
}

/// An uploaded file as the attachment checker described it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct AttachmentMeta {
    /// Attachment kind (`entity_certificate`, `person_certificate`, ...).
    pub kind: String,
    /// Container format the checker detected.
    pub format: Option<Format>,
    /// Displayed width in pixels, when the header was readable.
    pub width: Option<u32>,
    /// Displayed height in pixels, when the header was readable.
    pub height: Option<u32>,
    /// How the pixels are stored, when the header was readable.
    pub colour_mode: Option<ColourMode>,
    /// The file's size in bytes.
    pub byte_size: u64,
    /// Whose document it is: `entity`, `entity.person_in_charge`, `services[0]`, ...
    pub subject: String,
}

/// Locale-free answer (what filing-level rules use): the parsed header and the findings.
#[derive(Debug, Clone)]
pub struct Inspection {
    pub kind: String,
    pub format: Format,
    pub image: Option<Image>,
    pub byte_size: u64,
    pub outcome: Outcome,
}

/// The rendered answer, identical natively and in the browser.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentResult {
    /// The attachment kind checked against (`entity_certificate`...).
    pub kind: String,
    /// No error-severity finding.
    pub valid: bool,
    /// Detected from magic bytes.
    pub format: Format,
    /// Displayed size, after EXIF orientation; absent when the header could not be read.
    pub width: Option<u32>,
    /// Displayed height, after EXIF orientation; absent when the header could not be read.
    pub height: Option<u32>,
    /// How the pixels are stored; absent when the header could not be read.
    pub colour_mode: Option<ColourMode>,
    /// The file's real size (`total_size`).
    pub byte_size: u64,
    /// Findings that make the file unacceptable, worded in the requested locale.
    pub errors: Vec<Issue>,
    /// Findings worth a look that do not make the file unacceptable.
    pub warnings: Vec<Issue>,
    /// stored_width/stored_height, orientation, bit_depth, progressive, reason (corrupt files).
    pub details: BTreeMap<&'static str, Value>,
}

impl Inspection {
    pub fn valid(&self) -> bool {
        !self.outcome.has_errors()
    }
}

fn kb_floor(bytes: u64) -> u64 {
    bytes / KIB
}

/// A size too small for a limit, as the message shows it: bytes under 1 KiB (a 12-byte file is
/// `12 B`, not `0 KB`), else whole KiB rounded down.
fn size_shown(bytes: u64) -> String {
    if bytes < KIB {
        format!("{bytes} B")
    } else {
        format!("{} KB", kb_floor(bytes))
    }
}

fn kb_ceil(bytes: u64) -> u64 {
    bytes.div_ceil(KIB)
}

fn format_list(formats: &[Format]) -> String {
    formats.iter().map(|f| f.name()).collect::<Vec<_>>().join("/")
}

/// The locale-free check behind [`check_attachment`].
pub fn inspect_attachment(kind: &str, header: &[u8], total_size: u64, ctx: &Context) -> Inspection {
    // A caller passing a slice longer than the file made a mistake; trust the bytes we hold.
    let byte_size = total_size.max(header.len() as u64);
    // Natively the whole file may be passed; read only what the browser reads, so both agree.
    let header = &header[..header.len().min(HEADER_LEN)];
    let mut out = Outcome::default();
    let parsed = header::parse(header);
    let image = parsed.image.as_ref().ok().cloned();
    let done = |out: Outcome| Inspection { kind: kind.to_owned(), format: parsed.format, image: image.clone(), byte_size, outcome: out };
    let Some(limits) = limits(kind, ctx.provider.map(crate::providers::profile)) else {
        out.error(&UNKNOWN_KIND).input("kind", crate::input::excerpt(kind, 40));
        return done(out);
    };
    out.detail("format", Value::text(parsed.format.name()));
    out.detail("byte_size", byte_size);
    if byte_size == 0 {
        out.error(&EMPTY);
        return done(out);
    }
    check_format_and_size(limits, parsed.format, byte_size, &mut out);
    let format = parsed.format.name();
    let img = match &parsed.image {
        Ok(img) => img,
        Err(HeaderError::Empty | HeaderError::Unsupported) => return done(out),
        Err(HeaderError::Truncated) if (header.len() as u64) < byte_size => {
            out.error(&HEADER_INCOMPLETE).param("bytes", header.len());
            return done(out);
        }
        Err(HeaderError::Truncated) => {
            out.error(&TRUNCATED).param("format", format);
            return done(out);
        }
        Err(HeaderError::Corrupt(reason)) => {
            out.error(&CORRUPT).param("format", format).param("reason", *reason);
            out.detail("reason", *reason);
            return done(out);
        }
        Err(HeaderError::TooLarge { width, height }) => {
            out.error(&DIMENSIONS_IMPLAUSIBLE)
                .param("width", *width)
                .param("height", *height)
                .param("max_side", MAX_SIDE)
                .param("max_pixels", MAX_PIXELS);
            return done(out);
        }
    };
    out.detail("width", img.width);
    out.detail("height", img.height);
    out.detail("stored_width", img.stored_width);
    out.detail("stored_height", img.stored_height);
    out.detail("orientation", img.orientation);
    out.detail("colour_mode", Value::text(img.colour.name()));
    out.detail("bit_depth", img.bit_depth);
    out.detail("progressive", img.progressive);
    check_dimensions(img.width, img.height, limits, &mut out);
    check_colour(img.colour, limits, &mut out);
    if img.colour == ColourMode::Cmyk {
        out.warn(&CMYK);
    }
    done(out)
}

/// The format and byte-size limits, shared by the header check and the metadata re-check.
fn check_format_and_size(limits: &Limits, format: Format, byte_size: u64, out: &mut Outcome) {
    let allowed = format_list(limits.formats);
    if format == Format::Unknown {
        out.error(&UNKNOWN_FORMAT).param("allowed", allowed.as_str());
    } else if !limits.formats.contains(&format) {
        out.error(&UNSUPPORTED_FORMAT).param("format", format.name()).param("allowed", allowed.as_str());
    }
    if limits.min_bytes > 0 && byte_size < limits.min_bytes {
        out.error(&TOO_SMALL_FILE)
            .param("size", byte_size)
            .param("min_size", limits.min_bytes)
            .param("size_kb", kb_floor(byte_size))
            .param("size_shown", size_shown(byte_size))
            .param("min_kb", kb_floor(limits.min_bytes));
    }
    if limits.max_bytes > 0 && byte_size > limits.max_bytes {
        out.error(&TOO_LARGE_FILE)
            .param("size", byte_size)
            .param("max_size", limits.max_bytes)
            .param("size_kb", kb_ceil(byte_size))
            .param("max_kb", kb_floor(limits.max_bytes));
    }
}

/// Re-checks what the attachment checker reported (as a filing carries it) against the
/// kind's limits, so a server can hold a filing to the same limits the browser applied.
///
/// ```
/// use icp_validate::attachments::{check_metadata, Format};
/// use icp_validate::model::AttachmentMeta;
/// use icp_validate::Provider;
///
/// let meta = AttachmentMeta { kind: "entity_certificate".into(), format: Some(Format::Jpeg), byte_size: 12, width: Some(1600), height: Some(1200), ..AttachmentMeta::default() };
/// let out = check_metadata(&meta, Provider::Nwcd);
/// assert!(out.has_code("attachment.too_small_file"));
/// ```
pub fn check_metadata(meta: &AttachmentMeta, provider: crate::context::Provider) -> Outcome {
    check_metadata_for(meta, crate::providers::profile(provider))
}

/// [`check_metadata`] for a provider's profile, as the filing check holds it.
pub fn check_metadata_for(meta: &AttachmentMeta, profile: &'static crate::providers::Provider) -> Outcome {
    let mut out = Outcome::default();
    let Some(limits) = limits(&meta.kind, Some(profile)) else {
        out.error(&UNKNOWN_KIND).input("kind", crate::input::excerpt(&meta.kind, 40));
        return out;
    };
    if meta.byte_size == 0 {
        out.error(&EMPTY);
        return out;
    }
    check_format_and_size(limits, meta.format.unwrap_or(Format::Unknown), meta.byte_size, &mut out);
    if let (Some(width), Some(height)) = (meta.width, meta.height) {
        check_dimensions(width, height, limits, &mut out);
    }
    if let Some(colour) = meta.colour_mode {
        check_colour(colour, limits, &mut out);
    }
    out
}

fn check_colour(colour: ColourMode, limits: &Limits, out: &mut Outcome) {
    if limits.colour_required && !colour.is_colour() {
        out.error(&NOT_COLOUR).param("colour_mode", colour.name());
    }
}

/// Width and height (as displayed) against the kind's minimum.
fn check_dimensions(w: u32, h: u32, limits: &Limits, out: &mut Outcome) {
    let (min_w, min_h) = (limits.min_width, limits.min_height);
    if min_w == 0 && min_h == 0 {
        return;
    }
    let (need_w, need_h) = if limits.orientation_agnostic {
        // Present the minimum in the image's own orientation: "720×1000 is below 720×1280".
        let (long, short) = (min_w.max(min_h), min_w.min(min_h));
        if h > w { (short, long) } else { (long, short) }
    } else {
        (min_w, min_h)
    };
    // Orientation-specific kinds: a photo in the other orientation is its own finding, and
    // its size is then judged as if turned the right way.
    let wrong_orientation = !limits.orientation_agnostic && ((need_h > need_w && w > h) || (need_w > need_h && h > w));
    if wrong_orientation {
        out.error(&WRONG_ORIENTATION).param("width", w).param("height", h).param("min_width", need_w).param("min_height", need_h);
    }
    let (turned_w, turned_h) = if wrong_orientation { (h, w) } else { (w, h) };
    if turned_w < need_w || turned_h < need_h {
        out.error(&TOO_SMALL_DIMENSIONS).param("width", w).param("height", h).param("min_width", need_w).param("min_height", need_h);
    }
}

/// The attachment section of the field reference: the limits table and the codes.
pub fn kinds_markdown() -> String {
    let mut md = format!(
        "\n## Attachments\n\nChecked by `check_attachment(kind, header, total_size, ctx, locale)` from the first \
         {} KiB of the file and its size. Sizes in KiB; dimensions width×height, \"any\" = either orientation.\n\n\
         | kind | label | size | min pixels | formats | colour | source |\n|---|---|---|---|---|---|---|\n",
        HEADER_LEN / 1024
    );
    let rows = KINDS.iter().map(|k| (k.id.to_owned(), k.label_en, &k.limits));
    let overrides = crate::providers::PROVIDERS.iter().flat_map(|p| p.attachment_limits.iter().map(move |(kind, limits)| (format!("{kind} ({})", p.id), "", limits)));
    for (id, label, l) in rows.chain(overrides) {
        let size = match (l.min_bytes, l.max_bytes) {
            (0, max) => format!("≤ {}", max / KIB),
            (min, max) => format!("{}–{}", min / KIB, max / KIB),
        };
        let pixels = match (l.min_width, l.min_height) {
            (0, 0) => "–".to_owned(),
            (w, h) => format!("{w}×{h} ({})", if l.orientation_agnostic { "any" } else { "as written" }),
        };
        let colour = if l.colour_required { "required" } else { "–" };
        md.push_str(&format!("| `{id}` | {label} | {size} | {pixels} | {} | {colour} | {} |\n", format_list(l.formats), l.source));
    }
    md.push_str("\n| code | zh-CN | en |\n|---|---|---|\n");
    for code in CODES {
        md.push_str(&format!("| `{}` | {} | {} |\n", code.id, code.zh.replace('|', "\\|"), code.en.replace('|', "\\|")));
    }
    md
}

/// Fuzz entry point (cargo-fuzz: `fuzz_target!(|d: &[u8]| { icp_validate::__shell::fuzz_one(d); })`).
/// Runs the parser and every kind on `data` and asserts the invariants; returns the parser's
/// step count so callers can check the work stays linear.
pub fn fuzz_one(data: &[u8]) -> usize {
    let parsed = header::parse(data);
    assert!(parsed.steps <= 2 * data.len() + 2, "parser work not linear: {} steps for {} bytes", parsed.steps, data.len());
    if let Ok(img) = &parsed.image {
        assert!(img.width > 0 && img.height > 0 && img.width <= MAX_SIDE && img.height <= MAX_SIDE);
        assert!((1..=8).contains(&img.orientation));
    }
    let ctx = Context::default();
    for kind in KINDS {
        for total in [data.len() as u64, data.len() as u64 + 150 * KIB] {
            let r = inspect_attachment(kind.id, data, total, &ctx);
            let valid = r.valid();
            if valid {
                assert!(r.image.is_some(), "a valid attachment has a readable size");
            }
            // Every placeholder of every finding has its param, so no message shows a `{name}`.
            for f in &r.outcome.findings {
                for name in crate::message::placeholders(f.code.en).into_iter().chain(crate::message::placeholders(f.code.zh)) {
                    assert!(f.params.iter().any(|(k, _)| *k == name), "{}: no {name}", f.code.id);
                }
            }
        }
    }
    parsed.steps
}
