//! The attachment kinds and their default limits, one row per kind with its source, and the
//! formats and colour modes the header reader names. Data, below the rules: the attachment
//! checker reads it and providers replace a kind's limits in their own file (`providers::*`).

use serde::Serialize;
use crate::message::text;

/// The container format, detected from magic bytes only (never from the name or MIME type).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// JPEG (JFIF/EXIF).
    Jpeg,
    /// PNG.
    Png,
    /// GIF.
    Gif,
    /// BMP (Windows bitmap).
    Bmp,
    /// WebP.
    Webp,
    /// HEIC/HEIF (ISO BMFF `ftyp` with a HEIF brand), what iPhones save by default.
    Heic,
    /// AVIF (ISO BMFF `ftyp` with an AVIF brand).
    Avif,
    /// PDF.
    Pdf,
    /// TIFF.
    Tiff,
    /// None of the formats above.
    Unknown,
}

impl Format {
    /// Every format, `Unknown` last.
    pub const ALL: [Format; 10] = [Format::Jpeg, Format::Png, Format::Gif, Format::Bmp, Format::Webp, Format::Heic, Format::Avif, Format::Pdf, Format::Tiff, Format::Unknown];

    /// The id results carry (`jpeg`, `heic`), the serde name.
    pub fn id(self) -> &'static str {
        match self {
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Gif => "gif",
            Format::Bmp => "bmp",
            Format::Webp => "webp",
            Format::Heic => "heic",
            Format::Avif => "avif",
            Format::Pdf => "pdf",
            Format::Tiff => "tiff",
            Format::Unknown => "unknown",
        }
    }

    /// The name a message shows (`JPEG`, `HEIC/HEIF`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jpeg => "JPEG",
            Format::Png => "PNG",
            Format::Gif => "GIF",
            Format::Bmp => "BMP",
            Format::Webp => "WebP",
            Format::Heic => "HEIC/HEIF",
            Format::Avif => "AVIF",
            Format::Pdf => "PDF",
            Format::Tiff => "TIFF",
            Format::Unknown => "unknown",
        }
    }
}

/// How pixels are stored, from the JPEG component count or the PNG colour type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColourMode {
    /// Greyscale.
    Grey,
    /// Greyscale with alpha.
    GreyAlpha,
    /// RGB colour (or YCbCr, as JPEG stores it).
    Rgb,
    /// RGB colour with alpha.
    Rgba,
    /// PNG indexed colour; the palette may hold only greys, which a header check cannot know.
    Palette,
    /// Four-component JPEG (CMYK or YCCK), typical of print workflows.
    Cmyk,
}

impl ColourMode {
    /// Every colour mode.
    pub const ALL: [ColourMode; 6] = [ColourMode::Grey, ColourMode::GreyAlpha, ColourMode::Rgb, ColourMode::Rgba, ColourMode::Palette, ColourMode::Cmyk];

    /// The id results carry, the serde name.
    pub fn name(self) -> &'static str {
        match self {
            ColourMode::Grey => "grey",
            ColourMode::GreyAlpha => "grey_alpha",
            ColourMode::Rgb => "rgb",
            ColourMode::Rgba => "rgba",
            ColourMode::Palette => "palette",
            ColourMode::Cmyk => "cmyk",
        }
    }

    /// Whether the mode can hold colour (a kind that requires colour refuses the others).
    pub fn is_colour(self) -> bool {
        !matches!(self, ColourMode::Grey | ColourMode::GreyAlpha)
    }
}


pub(crate) const KIB: u64 = 1024;
const MIB: u64 = 1024 * 1024;

/// The limits of one attachment kind. Zero means "no limit" for the numeric fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Smallest file accepted, in bytes.
    pub min_bytes: u64,
    /// Largest file accepted, in bytes.
    pub max_bytes: u64,
    /// Minimum size as the source writes it (width × height).
    pub min_width: u32,
    /// Minimum height in pixels (see `min_width`).
    pub min_height: u32,
    /// Compare long side with the larger minimum and short side with the smaller one.
    pub orientation_agnostic: bool,
    /// Formats accepted.
    pub formats: &'static [Format],
    /// Greyscale images are refused.
    pub colour_required: bool,
    /// Where the numbers come from.
    pub source: &'static str,
}

/// An attachment kind: the public id (`data-icp-attachment="..."`), labels and limits.
#[derive(Debug)]
pub struct Kind {
    /// The kind's id, as `check_attachment` and `AttachmentMeta::kind` take it.
    pub id: &'static str,
    /// The kind's name in Chinese.
    pub label_zh: &'static str,
    /// The kind's name in English.
    pub label_en: &'static str,
    /// What a file of this kind must meet (the default; a provider's profile may replace it).
    pub limits: Limits,
}

const JPEG: &[Format] = &[Format::Jpeg];
const JPEG_PNG: &[Format] = &[Format::Jpeg, Format::Png];

pub const ENTITY_CERTIFICATE: Limits = Limits {
    min_bytes: 100 * KIB,
    max_bytes: 200 * KIB,
    min_width: 1500,
    min_height: 1100,
    orientation_agnostic: true,
    formats: JPEG,
    colour_required: true,
    source: "nwcd-website-guide-en / nwcd-app-guide-en Appendix 1 item 1; nwcd-website-guide-zh 附录 1",
};
const PERSON_CERTIFICATE: Limits = Limits {
    min_width: 720,
    min_height: 1280,
    source: "nwcd-website-guide-en / nwcd-app-guide-en Appendix 1 items 2-3; nwcd-website-guide-zh 附录 1",
    ..ENTITY_CERTIFICATE
};
/// Appendix 1 item 5/6 only says "follow the ICP Recordal system"; Eleventh/Twelfth 3 ask
/// for an original, clean photo. Portrait JPEG of at least 600×800 and at most 5 MiB is what
/// big consoles ask for (not a seed number).
const VERIFICATION_PHOTO: Limits = Limits {
    min_bytes: 0,
    max_bytes: 5 * MIB,
    min_width: 600,
    min_height: 800,
    orientation_agnostic: false,
    formats: JPEG,
    colour_required: true,
    source: "nwcd-website-guide-en Appendix 1 item 5, Eleventh 3; numbers follow big consoles",
};
/// nwcd-app-guide-en Appendix 1 item 5 gives no numbers: only format and integrity are checked
/// (icons are PNG with transparency or JPEG, greyscale allowed).
const APP_ICON: Limits = Limits {
    min_bytes: 0,
    max_bytes: 5 * MIB,
    min_width: 0,
    min_height: 0,
    orientation_agnostic: true,
    formats: JPEG_PNG,
    colour_required: false,
    source: "nwcd-app-guide-en Appendix 1 item 5 (no numbers); size cap follows big consoles",
};
/// Domain certificate or real-name screenshot (nwcd Appendix 1 item 4, sinnet-guide-en
/// materials item 9-10): screenshots are often PNG; sinnet Note 2 requires colour soft copies.
const DOMAIN_CERTIFICATE: Limits = Limits {
    min_bytes: 0,
    max_bytes: 5 * MIB,
    min_width: 0,
    min_height: 0,
    orientation_agnostic: true,
    formats: JPEG_PNG,
    colour_required: true,
    source: "nwcd-website-guide-en Appendix 1 item 4; sinnet-guide-en materials 9-10 and Note 2",
};
/// The signed and sealed authenticity form, photographed or scanned (aliyun-filing-guide-en
/// step 6, sinnet-guide-en item 6 and Note 2 "color soft copy"): the red seal must show, so
/// colour is required; legibility is held to the entity certificate's resolution.
const AUTHENTICITY_FORM: Limits = Limits {
    min_bytes: 0,
    max_bytes: 5 * MIB,
    min_width: 1500,
    min_height: 1100,
    orientation_agnostic: true,
    formats: JPEG,
    colour_required: true,
    source: "nwcd-website-guide-en Appendix 2 item 1; sinnet-guide-en item 6, Note 2; resolution as Appendix 1 item 1",
};
const OTHER: Limits = Limits {
    min_bytes: 0,
    max_bytes: 5 * MIB,
    min_width: 0,
    min_height: 0,
    orientation_agnostic: true,
    formats: JPEG_PNG,
    colour_required: false,
    source: "supplementary material (Appendix 1 note); limits follow big consoles",
};

/// The one table of attachment kinds and their default limits.
pub static KINDS: &[Kind] = &[
    Kind { id: "entity_certificate", label_zh: text("主办单位证件"), label_en: text("Entity certificate"), limits: ENTITY_CERTIFICATE },
    Kind { id: "person_certificate", label_zh: text("负责人证件"), label_en: text("Identification document of a person in charge"), limits: PERSON_CERTIFICATE },
    Kind { id: "verification_photo", label_zh: text("负责人核验照片"), label_en: text("Verification photo"), limits: VERIFICATION_PHOTO },
    Kind { id: "app_icon", label_zh: text("APP 图标"), label_en: text("APP icon"), limits: APP_ICON },
    Kind { id: "domain_certificate", label_zh: text("域名证书或实名认证截图"), label_en: text("Domain certificate or real-name screenshot"), limits: DOMAIN_CERTIFICATE },
    Kind { id: "authenticity_form", label_zh: text("备案信息真实性核验单"), label_en: text("Filing information authenticity form"), limits: AUTHENTICITY_FORM },
    Kind { id: "other", label_zh: text("其他材料"), label_en: text("Other material"), limits: OTHER },
];


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_serde_names() {
        for f in Format::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.id());
        }
        for c in ColourMode::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.name());
        }
    }
}
