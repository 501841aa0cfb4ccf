//! The APK Signing Block just before the ZIP central directory (Android source docs, "APK
//! Signature Scheme v2", section "APK Signing Block format") and the signers of its v2
//! (ID 0x7109871a) and v3 (ID 0xf05368c0; v3.1 ID 0x1b93ad61) blocks ("APK Signature
//! Scheme v3": signed data with SDK range and the proof-of-rotation attribute 0x3ba06f8c).
//! Pairs are walked by their headers; only the v2/v3 values are read.

use super::codes::{Bad, Fail, Part};
use super::source::{read_vec, Source};

const MAGIC: &[u8; 16] = b"APK Sig Block 42";
pub const V2: u32 = 0x7109_871a;
pub const V3: u32 = 0xf053_68c0;
pub const V31: u32 = 0x1b93_ad61;
const PROOF_OF_ROTATION: u32 = 0x3ba0_6f8c;
/// A v2/v3 value larger than this is not read (real ones take a few KB).
pub const MAX_VALUE: u64 = 4 << 20;
const MAX_PAIRS: u32 = 4096;
const MAX_SIGNERS: usize = 64;

#[derive(Debug, Default)]
pub struct Signer {
    /// DER certificates, the signer's own first.
    pub certificates: Vec<Vec<u8>>,
    /// v3: the proof-of-rotation certificates, oldest first.
    pub lineage: Vec<Vec<u8>>,
}

#[derive(Debug)]
pub struct Scheme {
    pub id: u32,
    pub signers: Vec<Signer>,
}

/// The v2/v3 schemes found, or none when the block is absent.
pub fn read(src: &dyn Source, directory_offset: u64) -> Result<Vec<Scheme>, Fail> {
    let bad = |b: Bad| b.at(Part::SigningBlock);
    let Some(footer_at) = directory_offset.checked_sub(24) else { return Ok(Vec::new()) };
    let footer = read_vec(src, footer_at, 24).map_err(|_| Fail::Read)?;
    if &footer[8..] != MAGIC {
        return Ok(Vec::new());
    }
    let size = u64::from_le_bytes(footer[..8].try_into().expect("8 bytes"));
    let start = size.checked_add(8).and_then(|s| directory_offset.checked_sub(s)).ok_or(Fail::Truncated(Part::SigningBlock))?;
    if size < 24 {
        return Err(Fail::Malformed(Part::SigningBlock));
    }
    let head = read_vec(src, start, 8).map_err(|_| Fail::Read)?;
    if u64::from_le_bytes(head[..8].try_into().expect("8 bytes")) != size {
        return Err(Fail::Malformed(Part::SigningBlock));
    }
    let (mut at, end) = (start + 8, footer_at);
    let mut schemes = Vec::new();
    let mut pairs = 0;
    while at < end {
        pairs += 1;
        if pairs > MAX_PAIRS {
            return Err(Fail::Limit(Part::SigningBlock, u64::from(MAX_PAIRS)));
        }
        if end - at < 12 {
            return Err(Fail::Truncated(Part::SigningBlock));
        }
        let h = read_vec(src, at, 12).map_err(|_| Fail::Read)?;
        let len = u64::from_le_bytes(h[..8].try_into().expect("8 bytes"));
        let id = u32::from_le_bytes(h[8..].try_into().expect("4 bytes"));
        if len < 4 || len > end - at - 8 {
            return Err(Fail::Truncated(Part::SigningBlock));
        }
        // One value per scheme: a repeated id is not read again.
        if matches!(id, V2 | V3 | V31) && !schemes.iter().any(|s: &Scheme| s.id == id) {
            if len - 4 > MAX_VALUE {
                return Err(Fail::Limit(Part::SigningBlock, MAX_VALUE));
            }
            let value = read_vec(src, at + 12, len - 4).map_err(|_| Fail::Read)?;
            schemes.push(Scheme { id, signers: signers(&value, id != V2).map_err(bad)? });
        }
        at += 8 + len;
    }
    Ok(schemes)
}

/// A little-endian u32-length-prefixed slice.
fn prefixed<'a>(buf: &mut &'a [u8]) -> Result<&'a [u8], Bad> {
    let len = u32_le(buf)? as usize;
    if buf.len() < len {
        return Err(Bad::Truncated);
    }
    let (head, rest) = buf.split_at(len);
    *buf = rest;
    Ok(head)
}

fn u32_le(buf: &mut &[u8]) -> Result<u32, Bad> {
    if buf.len() < 4 {
        return Err(Bad::Truncated);
    }
    let v = u32::from_le_bytes(buf[..4].try_into().expect("4 bytes"));
    *buf = &buf[4..];
    Ok(v)
}

fn signers(value: &[u8], v3: bool) -> Result<Vec<Signer>, Bad> {
    let mut value = value;
    let mut list = prefixed(&mut value)?;
    let mut out = Vec::new();
    while !list.is_empty() {
        if out.len() == MAX_SIGNERS {
            return Err(Bad::Malformed);
        }
        let mut signer = prefixed(&mut list)?;
        let mut signed = prefixed(&mut signer)?;
        prefixed(&mut signed)?; // digests
        let mut certs = prefixed(&mut signed)?;
        let mut s = Signer::default();
        while !certs.is_empty() {
            s.certificates.push(prefixed(&mut certs)?.to_vec());
        }
        if v3 {
            u32_le(&mut signed)?; // minSDK
            u32_le(&mut signed)?; // maxSDK
            let mut attributes = prefixed(&mut signed)?;
            while !attributes.is_empty() {
                let mut attribute = prefixed(&mut attributes)?;
                if u32_le(&mut attribute)? == PROOF_OF_ROTATION {
                    s.lineage = lineage(attribute)?;
                }
            }
        }
        if s.certificates.is_empty() {
            return Err(Bad::Malformed);
        }
        out.push(s);
    }
    Ok(out)
}

/// Proof-of-rotation: a version (1), then length-prefixed nodes, each with length-prefixed
/// signed data (length-prefixed certificate, algorithm id), flags, algorithm id and a
/// length-prefixed signature (apksig's `V3SigningCertificateLineage`).
fn lineage(mut attr: &[u8]) -> Result<Vec<Vec<u8>>, Bad> {
    if u32_le(&mut attr)? != 1 {
        return Err(Bad::Malformed);
    }
    let mut certs = Vec::new();
    while !attr.is_empty() {
        if certs.len() == MAX_SIGNERS {
            return Err(Bad::Malformed);
        }
        let mut node = prefixed(&mut attr)?;
        let mut signed = prefixed(&mut node)?;
        certs.push(prefixed(&mut signed)?.to_vec());
    }
    Ok(certs)
}
