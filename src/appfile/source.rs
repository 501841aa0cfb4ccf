//! Byte ranges of a file, asked for one at a time, so that a reader never holds the whole
//! file: natively a file read at offsets, in the browser `File.slice()`, in tests a slice.

use std::cell::Cell;

/// The source could not give the range asked for (an I/O error, or past its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadError;

/// A file of known length that answers byte ranges.
pub trait Source {
    /// The file's length in bytes.
    fn len(&self) -> u64;
    /// Fills all of `buf` from `offset`; a range past the end is an error.
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError>;
    /// Whether the file has no bytes.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Source for [u8] {
    fn len(&self) -> u64 {
        <[u8]>::len(self) as u64
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        let start = usize::try_from(offset).map_err(|_| ReadError)?;
        let end = start.checked_add(buf.len()).ok_or(ReadError)?;
        buf.copy_from_slice(self.get(start..end).ok_or(ReadError)?);
        Ok(())
    }
}

impl Source for Vec<u8> {
    fn len(&self) -> u64 {
        self.as_slice().len() as u64
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        self.as_slice().read_at(offset, buf)
    }
}

/// A range of another source, read in place: a stored entry of an archive (a HAP inside a
/// HarmonyOS `.app`).
pub struct Window<'a> {
    pub src: &'a dyn Source,
    pub start: u64,
    pub len: u64,
}

impl Source for Window<'_> {
    fn len(&self) -> u64 {
        self.len
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        if offset.checked_add(buf.len() as u64).is_none_or(|end| end > self.len) {
            return Err(ReadError);
        }
        self.src.read_at(self.start + offset, buf)
    }
}

/// A file on disk, read at offsets (positioned reads, no shared cursor).
#[cfg(any(unix, windows))]
pub struct FileSource {
    file: std::fs::File,
    len: u64,
}

#[cfg(any(unix, windows))]
impl FileSource {
    /// Opens the file at `path` for reading at offsets.
    pub fn open(path: impl AsRef<std::path::Path>) -> std::io::Result<FileSource> {
        let file = std::fs::File::open(path)?;
        let len = file.metadata()?.len();
        Ok(FileSource { file, len })
    }
}

#[cfg(any(unix, windows))]
impl Source for FileSource {
    fn len(&self) -> u64 {
        self.len
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        if offset.checked_add(buf.len() as u64).is_none_or(|end| end > self.len) {
            return Err(ReadError);
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::FileExt::read_exact_at(&self.file, buf, offset).map_err(|_| ReadError)
        }
        #[cfg(windows)]
        {
            let (mut done, mut at) = (0, offset);
            while done < buf.len() {
                match std::os::windows::fs::FileExt::seek_read(&self.file, &mut buf[done..], at) {
                    Ok(0) | Err(_) => return Err(ReadError),
                    Ok(n) => {
                        done += n;
                        at += n as u64;
                    }
                }
            }
            Ok(())
        }
    }
}

/// A source that counts what is read through it (the browser's cost: bytes sliced).
pub struct Counted<'a> {
    inner: &'a dyn Source,
    pub bytes: Cell<u64>,
    pub reads: Cell<u32>,
}

impl<'a> Counted<'a> {
    pub fn new(inner: &'a dyn Source) -> Counted<'a> {
        Counted { inner, bytes: Cell::new(0), reads: Cell::new(0) }
    }
}

impl Source for Counted<'_> {
    fn len(&self) -> u64 {
        self.inner.len()
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        self.bytes.set(self.bytes.get() + buf.len() as u64);
        self.reads.set(self.reads.get() + 1);
        self.inner.read_at(offset, buf)
    }
}

/// `len` bytes at `offset`, after the caller has bounded `len`.
pub fn read_vec(src: &dyn Source, offset: u64, len: u64) -> Result<Vec<u8>, ReadError> {
    let mut buf = vec![0; usize::try_from(len).map_err(|_| ReadError)?];
    src.read_at(offset, &mut buf)?;
    Ok(buf)
}

/// What a [`Ranges`] source reads ahead of a missing range: later reads of a ZIP (the next
/// entry's header and data, the signing block's pairs) are mostly just after the one before.
pub const READ_AHEAD: u64 = 64 << 10;

/// A file of known length whose bytes arrive range by range from an asynchronous reader (a
/// browser's `Blob.slice()`): the synchronous [`read`](super::read) runs over what has
/// arrived, each range it lacks fails and is noted, the caller fetches the noted ranges
/// ([`Ranges::wanted`]) and runs the reader again. A run that lacks nothing is the same
/// reading a whole file gives.
#[derive(Debug, Default)]
pub struct Ranges {
    len: u64,
    /// Sorted, neither overlapping nor touching.
    held: Vec<(u64, Vec<u8>)>,
    missing: std::cell::RefCell<Vec<(u64, u64)>>,
}

impl Ranges {
    /// Ranges of a file of `len` bytes, none held yet.
    pub fn new(len: u64) -> Ranges {
        Ranges { len, ..Ranges::default() }
    }

    /// Bytes held so far.
    pub fn held_bytes(&self) -> u64 {
        self.held.iter().map(|(_, b)| b.len() as u64).sum()
    }

    /// Takes `bytes` read at `offset` (past the end is cut off), merged with what is held.
    pub fn add(&mut self, offset: u64, bytes: &[u8]) {
        let end = offset.saturating_add(bytes.len() as u64).min(self.len);
        if offset >= end {
            return;
        }
        let bytes = &bytes[..(end - offset) as usize];
        // The held ranges this one overlaps or touches become one with it.
        let (joined, kept): (Vec<_>, Vec<_>) = std::mem::take(&mut self.held).into_iter().partition(|(o, b)| *o <= end && o + b.len() as u64 >= offset);
        let start = joined.iter().map(|(o, _)| *o).fold(offset, u64::min);
        let stop = joined.iter().map(|(o, b)| o + b.len() as u64).fold(end, u64::max);
        let mut data = vec![0; (stop - start) as usize];
        for (o, b) in &joined {
            data[(o - start) as usize..][..b.len()].copy_from_slice(b);
        }
        data[(offset - start) as usize..][..bytes.len()].copy_from_slice(bytes);
        self.held = kept;
        let at = self.held.partition_point(|(o, _)| *o < start);
        self.held.insert(at, (start, data));
    }

    /// The ranges the last runs lacked, each read ahead up to [`READ_AHEAD`] bytes (to the
    /// next held range or the end of the file at most), less what is held, merged and sorted;
    /// empty once the reader lacks nothing.
    pub fn wanted(&self) -> Vec<(u64, u64)> {
        let next_held = |at: u64| self.held.iter().map(|(o, _)| *o).find(|&o| o > at).unwrap_or(self.len);
        let mut asked: Vec<(u64, u64)> = self.missing.borrow_mut().drain(..).map(|(o, n)| (o, (o + n).max(o.saturating_add(READ_AHEAD).min(next_held(o))))).collect();
        asked.sort_unstable();
        let mut out: Vec<(u64, u64)> = Vec::new();
        for (mut start, mut end) in asked {
            // What is held at either end of a range is not fetched again.
            for (o, b) in &self.held {
                let e = o + b.len() as u64;
                if *o <= start && start < e {
                    start = e;
                }
                if *o < end && end <= e && *o > start {
                    end = *o;
                }
            }
            match out.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ if start < end => out.push((start, end)),
                _ => {}
            }
        }
        out.into_iter().map(|(s, e)| (s, e - s)).collect()
    }
}

impl Source for Ranges {
    fn len(&self) -> u64 {
        self.len
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError> {
        let end = offset.checked_add(buf.len() as u64).filter(|&e| e <= self.len).ok_or(ReadError)?;
        let at = self.held.partition_point(|(o, _)| *o <= offset);
        if let Some((o, b)) = at.checked_sub(1).map(|i| &self.held[i]) {
            if end <= o + b.len() as u64 {
                let from = (offset - o) as usize;
                buf.copy_from_slice(&b[from..from + buf.len()]);
                return Ok(());
            }
        }
        self.missing.borrow_mut().push((offset, end - offset));
        Err(ReadError)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_and_answer_only_what_they_hold() {
        let file: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
        let mut r = Ranges::new(file.len() as u64);
        let mut buf = [0; 10];
        assert_eq!(r.read_at(5, &mut buf), Err(ReadError));
        assert_eq!(r.wanted(), [(5, READ_AHEAD)]);
        // Asked once, named once: the list empties as it is read.
        assert_eq!(r.wanted(), []);
        r.add(100, &file[100..200]);
        r.add(150, &file[150..300]);
        r.add(300, &file[300..310]);
        assert_eq!(r.held, [(100, file[100..310].to_vec())]);
        assert_eq!(r.read_at(295, &mut buf), Ok(()));
        assert_eq!(buf, file[295..305]);
        // Past what is held, the rest is wanted, read ahead, and not what is held further on.
        r.add(20_000, &file[20_000..20_100]);
        assert_eq!(r.read_at(305, &mut buf), Err(ReadError));
        assert_eq!(r.wanted(), [(310, 20_000 - 310)]);
        // Read ahead stops at the end of the file; past the end is an error, not a want.
        assert_eq!(r.read_at(299_995, &mut [0; 5]), Err(ReadError));
        assert_eq!(r.read_at(299_996, &mut [0; 5]), Err(ReadError));
        assert_eq!(r.wanted(), [(299_995, 5)]);
        r.add(299_990, &file[299_990..]);
        r.add(299_990, &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        assert_eq!(r.held_bytes(), 210 + 100 + 10);
    }
}
