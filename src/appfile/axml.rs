//! The package name from a compiled AndroidManifest.xml: Android's binary XML (AOSP
//! frameworks/base/libs/androidfw/include/androidfw/ResourceTypes.h: ResChunk_header,
//! ResStringPool_header, ResXMLTree_attrExt, ResXMLTree_attribute). Walks the chunks to the
//! first start tag, which must be `manifest`, and reads its `package` attribute. Only the
//! strings asked for are decoded.

use super::codes::Bad;

const RES_XML_TYPE: u16 = 0x0003;
const RES_STRING_POOL_TYPE: u16 = 0x0001;
const RES_XML_START_ELEMENT_TYPE: u16 = 0x0102;
const UTF8_FLAG: u32 = 1 << 8;
const TYPE_STRING: u8 = 0x03;

fn u16_at(b: &[u8], at: usize) -> Result<u16, Bad> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]])).ok_or(Bad::Truncated)
}
fn u32_at(b: &[u8], at: usize) -> Result<u32, Bad> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes(s.try_into().expect("4 bytes"))).ok_or(Bad::Truncated)
}

struct Pool<'a> {
    chunk: &'a [u8],
    count: u32,
    /// Where the offsets start: after the pool's header.
    offsets: usize,
    utf8: bool,
    strings_start: usize,
}

impl Pool<'_> {
    fn get(&self, index: u32) -> Result<String, Bad> {
        if index >= self.count {
            return Err(Bad::Malformed);
        }
        let offset = u32_at(self.chunk, self.offsets + 4 * index as usize)? as usize;
        let at = self.strings_start.checked_add(offset).ok_or(Bad::Malformed)?;
        if self.utf8 {
            // UTF-16 length, then UTF-8 length, each one or two bytes.
            let skip = |at: usize| -> Result<(usize, usize), Bad> {
                let b0 = *self.chunk.get(at).ok_or(Bad::Truncated)?;
                if b0 & 0x80 == 0 {
                    Ok((usize::from(b0), at + 1))
                } else {
                    let b1 = *self.chunk.get(at + 1).ok_or(Bad::Truncated)?;
                    Ok(((usize::from(b0 & 0x7f) << 8) | usize::from(b1), at + 2))
                }
            };
            let (_, at) = skip(at)?;
            let (len, at) = skip(at)?;
            let bytes = self.chunk.get(at..at + len).ok_or(Bad::Truncated)?;
            Ok(String::from_utf8_lossy(bytes).into_owned())
        } else {
            let mut len = usize::from(u16_at(self.chunk, at)?);
            let mut at = at + 2;
            if len & 0x8000 != 0 {
                len = ((len & 0x7fff) << 16) | usize::from(u16_at(self.chunk, at)?);
                at += 2;
            }
            let bytes = self.chunk.get(at..len.checked_mul(2).and_then(|n| at.checked_add(n)).ok_or(Bad::Malformed)?).ok_or(Bad::Truncated)?;
            let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
            Ok(String::from_utf16_lossy(&units))
        }
    }
}

/// The `package` attribute of the `manifest` element; `Ok(None)` when it has none.
pub fn package(xml: &[u8]) -> Result<Option<String>, Bad> {
    if u16_at(xml, 0)? != RES_XML_TYPE {
        return Err(Bad::Malformed);
    }
    let mut at = usize::from(u16_at(xml, 2)?);
    let end = (u32_at(xml, 4)? as usize).min(xml.len());
    let mut pool = None;
    while at < end {
        let (kind, header, size) = (u16_at(xml, at)?, usize::from(u16_at(xml, at + 2)?), u32_at(xml, at + 4)? as usize);
        if size < 8 || header < 8 || header > size {
            return Err(Bad::Malformed);
        }
        let chunk = xml.get(at..at.checked_add(size).ok_or(Bad::Malformed)?).ok_or(Bad::Truncated)?;
        match kind {
            RES_STRING_POOL_TYPE if pool.is_none() => {
                let count = u32_at(chunk, 8)?;
                if u64::from(count) * 4 + header as u64 > chunk.len() as u64 {
                    return Err(Bad::Malformed);
                }
                pool = Some(Pool { chunk, count, offsets: header, utf8: u32_at(chunk, 16)? & UTF8_FLAG != 0, strings_start: u32_at(chunk, 20)? as usize });
            }
            RES_XML_START_ELEMENT_TYPE => {
                let pool = pool.as_ref().ok_or(Bad::Malformed)?;
                let ext = header;
                if pool.get(u32_at(chunk, ext + 4)?)? != "manifest" {
                    return Err(Bad::Malformed);
                }
                let (start, size, count) = (usize::from(u16_at(chunk, ext + 8)?), usize::from(u16_at(chunk, ext + 10)?), u16_at(chunk, ext + 12)?);
                if size < 20 {
                    return Err(Bad::Malformed);
                }
                for i in 0..usize::from(count) {
                    let a = ext + start + i * size;
                    if u32_at(chunk, a + 4)? != u32::MAX && pool.get(u32_at(chunk, a + 4)?)? == "package" && u32_at(chunk, a)? == u32::MAX {
                        let raw = u32_at(chunk, a + 8)?;
                        let (data_type, data) = (*chunk.get(a + 15).ok_or(Bad::Truncated)?, u32_at(chunk, a + 16)?);
                        let index = if raw != u32::MAX { raw } else if data_type == TYPE_STRING { data } else { return Err(Bad::Malformed) };
                        return pool.get(index).map(Some);
                    }
                }
                return Ok(None);
            }
            _ => {}
        }
        at += size;
    }
    Err(Bad::Truncated)
}
