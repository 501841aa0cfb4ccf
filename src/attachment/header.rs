//! Image header parser: format from magic bytes, and for JPEG and PNG the pixel size,
//! colour mode and EXIF orientation, read from the first [`HEADER_LEN`] bytes only. No pixel
//! data is decoded and no image crate is used, so it is small enough for the browser.
//!
//! Hostile input: every loop advances by at least one byte or is bounded by the bytes it has,
//! so work is linear in `header.len()`; [`Parsed::steps`] counts loop iterations so tests and
//! the fuzz target can check that bound.
//!
//! Not read: PNG `eXIf` orientation (PNG uploads are screenshots and icons) and the sizes of
//! GIF/BMP/WebP/HEIC/PDF/TIFF, which no attachment kind accepts.

/// Bytes the parser may need from the start of a file. JPEG puts EXIF (APP1, at most 64 KiB)
/// and often ICC/XMP segments before the frame header; 256 KiB covers phone and scanner
/// output in practice and is more than the largest accepted certificate (200 KiB), so for
/// compliant files the browser slice is the whole file.
pub const HEADER_LEN: usize = 256 * 1024;

/// Larger than any photo or scan a filing accepts; beyond this a file is a decompression bomb
/// or corrupt (JPEG allows 65535 px per side, PNG 2^31).
pub use crate::attachment_kinds::{ColourMode, Format};

pub const MAX_SIDE: u32 = 30_000;
/// 250 megapixels: above current 200 MP phone sensors.
pub const MAX_PIXELS: u64 = 250_000_000;

/// What the header says about a JPEG or PNG image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// Size as displayed, after the EXIF orientation is applied.
    pub width: u32,
    pub height: u32,
    /// Size as stored in the frame header / IHDR.
    pub stored_width: u32,
    pub stored_height: u32,
    /// EXIF orientation 1-8 (1 when absent or out of range).
    pub orientation: u8,
    pub colour: ColourMode,
    /// Bits per sample (JPEG precision, PNG bit depth).
    pub bit_depth: u8,
    /// Progressive JPEG (SOF2/6/10/14) or interlaced PNG.
    pub progressive: bool,
}

/// Why the size could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderError {
    /// No bytes at all.
    Empty,
    /// The bytes end before the frame header / IHDR.
    Truncated,
    /// The structure is invalid; the reason is a stable snake_case id.
    Corrupt(&'static str),
    /// Declared size beyond [`MAX_SIDE`] / [`MAX_PIXELS`].
    TooLarge { width: u32, height: u32 },
    /// A format whose size this parser does not read (everything but JPEG and PNG).
    Unsupported,
}

/// The parser's answer: the format is always known, the image only for readable JPEG/PNG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub format: Format,
    pub image: Result<Image, HeaderError>,
    /// Loop iterations spent; never more than `header.len()` plus a small constant.
    pub steps: usize,
}

/// Detects the format from the first bytes.
pub fn detect_format(b: &[u8]) -> Format {
    const HEIF_BRANDS: [&[u8; 4]; 8] = [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"];
    if b.starts_with(&[0xFF, 0xD8]) {
        Format::Jpeg
    } else if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Format::Png
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Format::Gif
    } else if b.len() >= 12 && &b[..4] == b"RIFF" && &b[8..12] == b"WEBP" {
        Format::Webp
    } else if b.len() >= 12 && &b[4..8] == b"ftyp" {
        let brand = &b[8..12];
        if brand == b"avif" || brand == b"avis" {
            Format::Avif
        } else if HEIF_BRANDS.iter().any(|h| &h[..] == brand) {
            Format::Heic
        } else {
            Format::Unknown
        }
    } else if b.starts_with(b"%PDF-") {
        Format::Pdf
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Format::Tiff
    } else if b.len() >= 14 && b.starts_with(b"BM") {
        Format::Bmp
    } else {
        Format::Unknown
    }
}

/// Parses a file's first bytes (ideally [`HEADER_LEN`] of them, or the whole file).
pub fn parse(header: &[u8]) -> Parsed {
    let format = detect_format(header);
    let mut steps = 0;
    let image = if header.is_empty() {
        Err(HeaderError::Empty)
    } else {
        match format {
            Format::Jpeg => jpeg(header, &mut steps),
            Format::Png => png(header),
            _ => Err(HeaderError::Unsupported),
        }
    };
    let image = image.and_then(|img| {
        if img.width > MAX_SIDE || img.height > MAX_SIDE || u64::from(img.width) * u64::from(img.height) > MAX_PIXELS {
            Err(HeaderError::TooLarge { width: img.width, height: img.height })
        } else {
            Ok(img)
        }
    });
    Parsed { format, image, steps }
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes([*b.get(at)?, *b.get(at + 1)?, *b.get(at + 2)?, *b.get(at + 3)?]))
}

/// Walks JPEG marker segments (ITU-T T.81 B.1) up to the first SOFn frame header.
fn jpeg(b: &[u8], steps: &mut usize) -> Result<Image, HeaderError> {
    let mut pos = 2; // after SOI
    let mut orientation = 1;
    loop {
        *steps += 1;
        // Bytes other than 0xFF between segments are tolerated (libjpeg skips them too).
        while pos < b.len() && b[pos] != 0xFF {
            pos += 1;
            *steps += 1;
        }
        // Any number of 0xFF fill bytes may precede a marker.
        while pos < b.len() && b[pos] == 0xFF {
            pos += 1;
            *steps += 1;
        }
        let Some(&marker) = b.get(pos) else { return Err(HeaderError::Truncated) };
        pos += 1;
        match marker {
            // Standalone markers: TEM, RSTn, a stray SOI. pos already advanced.
            0x01 | 0xD0..=0xD8 => continue,
            0xD9 => return Err(HeaderError::Corrupt("end_before_frame")),
            0xDA => return Err(HeaderError::Corrupt("scan_before_frame")),
            _ => {}
        }
        let len = usize::from(be16(b, pos).ok_or(HeaderError::Truncated)?);
        if len < 2 {
            return Err(HeaderError::Corrupt("segment_length"));
        }
        let body_start = pos + 2;
        let end = pos + len;
        match marker {
            0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                if len < 8 {
                    return Err(HeaderError::Corrupt("frame_header"));
                }
                let (Some(&precision), Some(height), Some(width), Some(&components)) =
                    (b.get(body_start), be16(b, body_start + 1), be16(b, body_start + 3), b.get(body_start + 5))
                else {
                    return Err(HeaderError::Truncated);
                };
                if width == 0 || height == 0 {
                    // Height 0 means "defined later by DNL": no console accepts that.
                    return Err(HeaderError::Corrupt("zero_dimension"));
                }
                let colour = match components {
                    1 => ColourMode::Grey,
                    3 => ColourMode::Rgb,
                    4 => ColourMode::Cmyk,
                    _ => return Err(HeaderError::Corrupt("component_count")),
                };
                let (w, h) = (u32::from(width), u32::from(height));
                let swap = (5..=8).contains(&orientation);
                return Ok(Image {
                    width: if swap { h } else { w },
                    height: if swap { w } else { h },
                    stored_width: w,
                    stored_height: h,
                    orientation,
                    colour,
                    bit_depth: precision,
                    progressive: matches!(marker, 0xC2 | 0xC6 | 0xCA | 0xCE),
                });
            }
            0xE1 if orientation == 1 => {
                if let Some(seg) = b.get(body_start..end.min(b.len())) {
                    if let Some(tiff) = seg.strip_prefix(b"Exif\0\0") {
                        orientation = exif_orientation(tiff, steps).unwrap_or(1);
                    }
                }
            }
            _ => {}
        }
        pos = end;
    }
}

/// Orientation (tag 0x0112) from IFD0 of the TIFF structure inside an EXIF APP1 segment.
fn exif_orientation(t: &[u8], steps: &mut usize) -> Option<u8> {
    let little = match t.get(..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let bytes = [*t.get(at)?, *t.get(at + 1)?];
        Some(if little { u16::from_le_bytes(bytes) } else { u16::from_be_bytes(bytes) })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let bytes = [*t.get(at)?, *t.get(at + 1)?, *t.get(at + 2)?, *t.get(at + 3)?];
        Some(if little { u32::from_le_bytes(bytes) } else { u32::from_be_bytes(bytes) })
    };
    // Checked against the length first so offsets below cannot overflow on wasm32.
    let ifd = usize::try_from(u32_at(4)?).ok().filter(|&o| o < t.len())?;
    let count = usize::from(u16_at(ifd)?);
    // Entries past the segment end are ignored, so a huge count costs nothing.
    let available = t.len().saturating_sub(ifd + 2) / 12;
    for i in 0..count.min(available) {
        *steps += 1;
        let entry = ifd + 2 + i * 12;
        if u16_at(entry)? == 0x0112 && u16_at(entry + 2)? == 3 {
            let v = u16_at(entry + 8)?;
            return u8::try_from(v).ok().filter(|v| (1..=8).contains(v));
        }
    }
    None
}

/// Reads the PNG IHDR chunk (PNG spec 11.2.2), which must come first.
fn png(b: &[u8]) -> Result<Image, HeaderError> {
    let ihdr = b.get(8..33).ok_or(HeaderError::Truncated)?;
    if ihdr[..8] != *b"\0\0\0\x0dIHDR" {
        return Err(HeaderError::Corrupt("ihdr_missing"));
    }
    if crc32(&ihdr[4..21]) != u32::from_be_bytes([ihdr[21], ihdr[22], ihdr[23], ihdr[24]]) {
        return Err(HeaderError::Corrupt("ihdr_crc"));
    }
    let width = be32(ihdr, 8).unwrap_or(0);
    let height = be32(ihdr, 12).unwrap_or(0);
    let (depth, colour_type, interlace) = (ihdr[16], ihdr[17], ihdr[20]);
    if width == 0 || height == 0 || width > i32::MAX as u32 || height > i32::MAX as u32 {
        return Err(HeaderError::Corrupt("zero_dimension"));
    }
    let (colour, depths): (ColourMode, &[u8]) = match colour_type {
        0 => (ColourMode::Grey, &[1, 2, 4, 8, 16]),
        2 => (ColourMode::Rgb, &[8, 16]),
        3 => (ColourMode::Palette, &[1, 2, 4, 8]),
        4 => (ColourMode::GreyAlpha, &[8, 16]),
        6 => (ColourMode::Rgba, &[8, 16]),
        _ => return Err(HeaderError::Corrupt("colour_type")),
    };
    if !depths.contains(&depth) || interlace > 1 {
        return Err(HeaderError::Corrupt("bit_depth"));
    }
    Ok(Image {
        width,
        height,
        stored_width: width,
        stored_height: height,
        orientation: 1,
        colour,
        bit_depth: depth,
        progressive: interlace == 1,
    })
}

/// CRC-32 (ISO 3309) as PNG uses it; bitwise, since it only covers the 17-byte IHDR.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_known_value() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
    }

    #[test]
    fn detects_magic() {
        assert_eq!(detect_format(b"%PDF-1.7"), Format::Pdf);
        assert_eq!(detect_format(b"\0\0\0\x18ftypheic\0\0\0\0"), Format::Heic);
        assert_eq!(detect_format(b"\0\0\0\x18ftypisom\0\0\0\0"), Format::Unknown);
        assert_eq!(detect_format(b"MM\0*\0\0\0\x08"), Format::Tiff);
        assert_eq!(detect_format(b"BM"), Format::Unknown);
    }

    #[test]
    fn exif_entries_past_the_end_are_ignored() {
        let mut steps = 0;
        // IFD0 claims 65535 entries but the segment holds none.
        assert_eq!(exif_orientation(b"II*\0\x08\0\0\0\xff\xff", &mut steps), None);
        assert_eq!(steps, 0);
        assert_eq!(exif_orientation(b"MM\0*\xff\xff\xff\xff\0\x01", &mut steps), None);
    }
}
