//! Byte ranges of a file, asked for one at a time, so that a reader never holds the whole
//! file: natively a file read at offsets, in the browser `File.slice()`, in tests a slice.

use std::cell::Cell;

/// The source could not give the range asked for (an I/O error, or past its end).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadError;

/// A file of known length that answers byte ranges.
pub trait Source {
    fn len(&self) -> u64;
    /// Fills all of `buf` from `offset`; a range past the end is an error.
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> Result<(), ReadError>;
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

/// A file on disk, read at offsets (positioned reads, no shared cursor).
#[cfg(any(unix, windows))]
pub struct FileSource {
    file: std::fs::File,
    len: u64,
}

#[cfg(any(unix, windows))]
impl FileSource {
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
