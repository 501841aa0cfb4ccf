//! The ZIP container (PKWARE APPNOTE.TXT 6.3: 4.3.16 end of central directory record,
//! 4.3.14/4.3.15 ZIP64 record and locator, 4.3.12 central directory header, 4.3.7 local
//! file header, 4.5.3 ZIP64 extra field). Only the directory and the few entries asked for
//! are read; every size is bounded before anything is allocated.

use super::codes::{Fail, Part};
use super::source::{read_vec, Source};

/// The central directory may take this much (about 150,000 entries of typical names).
pub const MAX_DIRECTORY: u64 = 16 << 20;
/// At most this many entries are listed.
pub const MAX_ENTRIES: u64 = 200_000;
const EOCD_LEN: u64 = 22;
const MAX_COMMENT: u64 = 0xffff;

#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    pub method: u16,
    pub flags: u16,
    pub compressed: u64,
    pub size: u64,
    pub local_offset: u64,
}

pub struct Archive {
    pub entries: Vec<Entry>,
    /// Where the central directory starts (the APK Signing Block ends there).
    pub directory_offset: u64,
}

fn u16le(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}
fn u32le(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
fn u64le(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}

fn read(src: &dyn Source, offset: u64, len: u64) -> Result<Vec<u8>, Fail> {
    read_vec(src, offset, len).map_err(|_| Fail::Read)
}

/// Finds the end of central directory record and lists the central directory.
pub fn open(src: &dyn Source) -> Result<Archive, Fail> {
    let len = src.len();
    if len < EOCD_LEN {
        return Err(Fail::Truncated(Part::Zip));
    }
    let tail_len = len.min(EOCD_LEN + MAX_COMMENT);
    let tail_start = len - tail_len;
    let tail = read(src, tail_start, tail_len)?;
    // The last record whose comment runs exactly to the end of the file.
    let at = (0..=tail.len() - EOCD_LEN as usize)
        .rev()
        .find(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x05, 0x06] && i + EOCD_LEN as usize + usize::from(u16le(&tail, i + 20)) == tail.len())
        .ok_or(Fail::Malformed(Part::Zip))?;
    let eocd = &tail[at..];
    let eocd_offset = tail_start + at as u64;
    let (mut count, mut dir_size, mut dir_offset) = (u64::from(u16le(eocd, 10)), u64::from(u32le(eocd, 12)), u64::from(u32le(eocd, 16)));
    let mut dir_end_limit = eocd_offset;
    if count == 0xffff || dir_size == 0xffff_ffff || dir_offset == 0xffff_ffff {
        // ZIP64: the locator sits just before the record.
        let locator_at = eocd_offset.checked_sub(20).ok_or(Fail::Malformed(Part::Zip))?;
        let locator = read(src, locator_at, 20)?;
        if locator[..4] != [0x50, 0x4b, 0x06, 0x07] {
            return Err(Fail::Malformed(Part::Zip));
        }
        let record_at = u64le(&locator, 8);
        if record_at.checked_add(56).is_none_or(|end| end > locator_at) {
            return Err(Fail::Malformed(Part::Zip));
        }
        let record = read(src, record_at, 56)?;
        if record[..4] != [0x50, 0x4b, 0x06, 0x06] {
            return Err(Fail::Malformed(Part::Zip));
        }
        (count, dir_size, dir_offset) = (u64le(&record, 32), u64le(&record, 40), u64le(&record, 48));
        dir_end_limit = record_at;
    }
    if u16le(eocd, 4) != 0 || u16le(eocd, 6) != 0 {
        // Multi-disk archives: APKs and IPAs are never split.
        return Err(Fail::Malformed(Part::Zip));
    }
    if dir_size > MAX_DIRECTORY {
        return Err(Fail::Limit(Part::CentralDirectory, MAX_DIRECTORY));
    }
    if count > MAX_ENTRIES {
        return Err(Fail::Limit(Part::CentralDirectory, MAX_ENTRIES));
    }
    if dir_offset.checked_add(dir_size).is_none_or(|end| end > dir_end_limit) {
        return Err(Fail::Truncated(Part::CentralDirectory));
    }
    let dir = read(src, dir_offset, dir_size)?;
    let mut entries = Vec::with_capacity(count.min(dir_size / 46) as usize);
    let mut at = 0usize;
    for _ in 0..count {
        let header = dir.get(at..at + 46).ok_or(Fail::Truncated(Part::CentralDirectory))?;
        if header[..4] != [0x50, 0x4b, 0x01, 0x02] {
            return Err(Fail::Malformed(Part::CentralDirectory));
        }
        let (name_len, extra_len, comment_len) = (usize::from(u16le(header, 28)), usize::from(u16le(header, 30)), usize::from(u16le(header, 32)));
        let end = at + 46 + name_len + extra_len + comment_len;
        if end > dir.len() {
            return Err(Fail::Truncated(Part::CentralDirectory));
        }
        let name = String::from_utf8_lossy(&dir[at + 46..at + 46 + name_len]).into_owned();
        let mut entry = Entry {
            name,
            flags: u16le(header, 8),
            method: u16le(header, 10),
            compressed: u64::from(u32le(header, 20)),
            size: u64::from(u32le(header, 24)),
            local_offset: u64::from(u32le(header, 42)),
        };
        zip64_extra(&dir[at + 46 + name_len..at + 46 + name_len + extra_len], &mut entry)?;
        entries.push(entry);
        at = end;
    }
    Ok(Archive { entries, directory_offset: dir_offset })
}

/// Sizes and offset that did not fit 32 bits, from the ZIP64 extra field (APPNOTE 4.5.3).
fn zip64_extra(mut extra: &[u8], e: &mut Entry) -> Result<(), Fail> {
    while extra.len() >= 4 {
        let (id, len) = (u16le(extra, 0), usize::from(u16le(extra, 2)));
        let data = extra.get(4..4 + len).ok_or(Fail::Malformed(Part::CentralDirectory))?;
        if id == 1 {
            let mut fields = data.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().expect("8 bytes")));
            for slot in [&mut e.size, &mut e.compressed, &mut e.local_offset] {
                if *slot == 0xffff_ffff {
                    *slot = fields.next().ok_or(Fail::Malformed(Part::CentralDirectory))?;
                }
            }
        }
        extra = &extra[4 + len..];
    }
    Ok(())
}

impl Archive {
    pub fn find(&self, name: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.name == name)
    }

    /// Where an entry's data starts (after its local header), checked to end before the
    /// central directory.
    pub fn data_offset(&self, src: &dyn Source, e: &Entry) -> Result<u64, Fail> {
        let header = read(src, e.local_offset, 30).map_err(|_| Fail::Truncated(Part::Entry))?;
        if header[..4] != [0x50, 0x4b, 0x03, 0x04] {
            return Err(Fail::Malformed(Part::Entry));
        }
        let data_at = e.local_offset + 30 + u64::from(u16le(&header, 26)) + u64::from(u16le(&header, 28));
        if data_at.checked_add(e.compressed).is_none_or(|end| end > self.directory_offset) {
            return Err(Fail::Truncated(Part::Entry));
        }
        Ok(data_at)
    }

    /// An entry's contents, stored or deflated, at most `max` bytes once inflated.
    pub fn read(&self, src: &dyn Source, e: &Entry, part: Part, max: u64) -> Result<Vec<u8>, Fail> {
        if e.flags & 1 != 0 {
            return Err(Fail::Unsupported(part, 0xffff));
        }
        if e.size > max || (e.method == 0 && e.compressed > max) {
            return Err(Fail::Limit(part, max));
        }
        // Deflate cannot shrink below about 1/1032 (RFC 1951 3.2.7), so a compressed size
        // beyond `max` bytes is not needed to produce `max` bytes of output.
        let compressed_max = max.saturating_add(1024);
        if e.compressed > compressed_max {
            return Err(Fail::Limit(part, max));
        }
        let data_at = self.data_offset(src, e)?;
        let data = read(src, data_at, e.compressed)?;
        let out = match e.method {
            0 => data,
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(&data, max as usize).map_err(|err| match err.status {
                miniz_oxide::inflate::TINFLStatus::HasMoreOutput => Fail::Limit(part, max),
                miniz_oxide::inflate::TINFLStatus::FailedCannotMakeProgress => Fail::Truncated(part),
                _ => Fail::Malformed(part),
            })?,
            m => return Err(Fail::Unsupported(part, m)),
        };
        if out.len() as u64 != e.size {
            return Err(Fail::Malformed(part));
        }
        Ok(out)
    }
}
