//! The HAP signing block just before the ZIP central directory, as OpenHarmony's signing tool
//! writes it (developtools_hapsigner, `SignHap.generateHapSigningBlock`, and
//! `HapUtils.findHapSigningBlock` / `isVersionAndMagicNumValid`, which read it back):
//!
//! ```text
//! count x (u32 type, u32 length, u32 offset from the block's start)   sub-block headers
//! the sub-block values
//! u32 count, u64 size (of the whole block), 16 bytes magic, u32 version   the 32-byte tail
//! ```
//!
//! all little-endian. The magic is `HAP Sig Block 42` for version 2 (compatible API version
//! below 8) and `<hap sign block>` for version 3 (`HapUtils.getHapSigningBlockMagic`). The
//! sub-blocks read here: the signature (0x20000000, a PKCS#7 SignedData over the digests), the
//! profile (0x20000002, the signed `.p7b` or, unsigned, its JSON) and the property block
//! (0x20000003), whose value starts with the code-signing block's header (type 0x30000001;
//! `HapUtils.HAP_CODE_SIGN_BLOCK_ID`). Only headers and the values needed are read.

use super::codes::{Fail, Part};
use super::source::{read_vec, Source};

const MAGIC_V2: &[u8; 16] = b"HAP Sig Block 42";
const MAGIC_V3: &[u8; 16] = b"<hap sign block>";
const TAIL: u64 = 32;
pub const SIGNATURE: u32 = 0x2000_0000;
pub const PROFILE: u32 = 0x2000_0002;
pub const PROPERTY: u32 = 0x2000_0003;
pub const CODE_SIGN: u32 = 0x3000_0001;
/// The signing tool writes two to four sub-blocks.
const MAX_SUB_BLOCKS: u64 = 64;
/// A signature or profile value larger than this is not read (real ones take a few KB).
pub const MAX_VALUE: u64 = 4 << 20;

#[derive(Debug, Default)]
pub struct Block {
    /// 2 (`HAP Sig Block 42`) or 3 (`<hap sign block>`).
    pub version: u32,
    /// The signature sub-block's value: PKCS#7 SignedData.
    pub signature: Option<Vec<u8>>,
    /// The profile sub-block's value: a signed `.p7b` or the profile's JSON.
    pub profile: Option<Vec<u8>>,
    /// Whether a property sub-block holds a code-signing block.
    pub code_signing: bool,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

/// The signing block ending at `directory_offset`, or none when the tail has no magic.
pub fn read(src: &dyn Source, directory_offset: u64) -> Result<Option<Block>, Fail> {
    let Some(tail_at) = directory_offset.checked_sub(TAIL) else { return Ok(None) };
    let tail = read_vec(src, tail_at, TAIL).map_err(|_| Fail::Read)?;
    let magic = &tail[12..28];
    let version = u32_at(&tail, 28);
    let block = match (magic == MAGIC_V2, magic == MAGIC_V3) {
        (false, false) => return Ok(None),
        // The version names the magic (`isVersionAndMagicNumValid`).
        (true, _) if version < 3 => Block { version: 2, ..Block::default() },
        (_, true) if version >= 3 => Block { version: 3, ..Block::default() },
        _ => return Err(Fail::Malformed(Part::HapSigningBlock)),
    };
    let count = u64::from(u32_at(&tail, 0));
    let size = u64::from_le_bytes(tail[4..12].try_into().expect("8 bytes"));
    if size < TAIL {
        return Err(Fail::Malformed(Part::HapSigningBlock));
    }
    let start = directory_offset.checked_sub(size).ok_or(Fail::Truncated(Part::HapSigningBlock))?;
    if count > MAX_SUB_BLOCKS {
        return Err(Fail::Limit(Part::HapSigningBlock, MAX_SUB_BLOCKS));
    }
    // Values end where the tail starts.
    let values_end = size - TAIL;
    if count * 12 > values_end {
        return Err(Fail::Truncated(Part::HapSigningBlock));
    }
    let headers = read_vec(src, start, count * 12).map_err(|_| Fail::Read)?;
    let mut block = block;
    for h in headers.chunks_exact(12) {
        let (kind, len, offset) = (u32_at(h, 0), u64::from(u32_at(h, 4)), u64::from(u32_at(h, 8)));
        if offset < count * 12 || offset + len > values_end {
            return Err(Fail::Truncated(Part::HapSigningBlock));
        }
        let slot = match kind {
            SIGNATURE => &mut block.signature,
            PROFILE => &mut block.profile,
            PROPERTY if !block.code_signing && len >= 12 => {
                let head = read_vec(src, start + offset, 4).map_err(|_| Fail::Read)?;
                block.code_signing = u32_at(&head, 0) == CODE_SIGN;
                continue;
            }
            _ => continue,
        };
        // One value per type: a repeated one is not read again.
        if slot.is_some() {
            continue;
        }
        if len > MAX_VALUE {
            return Err(Fail::Limit(Part::HapSigningBlock, MAX_VALUE));
        }
        *slot = Some(read_vec(src, start + offset, len).map_err(|_| Fail::Read)?);
    }
    Ok(Some(block))
}

/// What the profile says (OpenHarmony's provision profile JSON, as `sign-profile` signs it and
/// `SignProvider.checkProfileValid` reads it: `type` `debug` or `release`, and under
/// `bundle-info` the `bundle-name` and the `development-certificate` or
/// `distribution-certificate` it was issued for, PEM).
#[derive(Debug, Default)]
pub struct Profile {
    pub kind: String,
    pub bundle_name: Option<String>,
    /// The profile's certificate, DER.
    pub certificate: Option<Vec<u8>>,
    /// A signed `.p7b` (PKCS#7 around the JSON) rather than the JSON alone.
    pub signed: bool,
}

pub fn profile(value: &[u8]) -> Result<Profile, super::codes::Bad> {
    use super::codes::Bad;
    let (json, signed) = if value.first() == Some(&super::der::SEQUENCE) {
        (super::cms::parse(value)?.content.ok_or(Bad::Malformed)?, true)
    } else {
        (value.to_vec(), false)
    };
    let v: serde_json::Value = serde_json::from_slice(&json).map_err(|_| Bad::Malformed)?;
    let kind = v.get("type").and_then(serde_json::Value::as_str).ok_or(Bad::Malformed)?.to_owned();
    let info = v.get("bundle-info");
    let text = |key: &str| info.and_then(|i| i.get(key)).and_then(serde_json::Value::as_str).filter(|s| !s.is_empty());
    let field = if kind.eq_ignore_ascii_case("debug") { "development-certificate" } else { "distribution-certificate" };
    let certificate = match text(field) {
        Some(pem) => Some(match super::cert::pem_certificates(pem) {
            Some(ders) => ders?.into_iter().next().ok_or(Bad::Malformed)?,
            // The signing tool also takes the Base64 of the DER without the PEM lines.
            None => crate::rules::app::base64_decode_text(pem).ok_or(Bad::Malformed)?,
        }),
        None => None,
    };
    Ok(Profile { kind, bundle_name: text("bundle-name").map(str::to_owned), certificate, signed })
}
