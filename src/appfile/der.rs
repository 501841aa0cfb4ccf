//! A minimal reader of ASN.1 DER (ITU-T X.690), with the two BER forms CMS files use in
//! practice (RFC 5652 section 2 allows BER): indefinite lengths and constructed OCTET
//! STRINGs. Single-byte tags only, which is all X.509 and CMS need. Nesting is bounded.

use super::codes::Bad;

const MAX_DEPTH: u32 = 32;

pub const SEQUENCE: u8 = 0x30;
pub const SET: u8 = 0x31;
pub const INTEGER: u8 = 0x02;
pub const BIT_STRING: u8 = 0x03;
pub const OCTET_STRING: u8 = 0x04;
pub const OID: u8 = 0x06;

/// One element: its tag, its content and its whole encoding.
#[derive(Debug, Clone, Copy)]
pub struct Tlv<'a> {
    pub tag: u8,
    pub content: &'a [u8],
    pub raw: &'a [u8],
}

/// (header length, content length, whole length) of the element at the start of `buf`.
fn measure(buf: &[u8], depth: u32) -> Result<(usize, usize, usize), Bad> {
    if depth > MAX_DEPTH {
        return Err(Bad::Malformed);
    }
    let tag = *buf.first().ok_or(Bad::Truncated)?;
    if tag & 0x1f == 0x1f {
        return Err(Bad::Malformed);
    }
    let first = *buf.get(1).ok_or(Bad::Truncated)?;
    match first {
        0..=0x7f => {
            let len = usize::from(first);
            if buf.len() < 2 + len {
                return Err(Bad::Truncated);
            }
            Ok((2, len, 2 + len))
        }
        0x80 => {
            // Indefinite: constructed only, children up to the end-of-contents octets.
            if tag & 0x20 == 0 {
                return Err(Bad::Malformed);
            }
            let mut at = 2;
            loop {
                match buf.get(at..at + 2) {
                    None => return Err(Bad::Truncated),
                    Some([0, 0]) => return Ok((2, at - 2, at + 2)),
                    Some(_) => at += measure(&buf[at..], depth + 1)?.2,
                }
            }
        }
        0x81..=0x84 => {
            let n = usize::from(first & 0x7f);
            let bytes = buf.get(2..2 + n).ok_or(Bad::Truncated)?;
            let len = bytes.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
            let len = usize::try_from(len).map_err(|_| Bad::Truncated)?;
            let whole = (2 + n).checked_add(len).ok_or(Bad::Truncated)?;
            if buf.len() < whole {
                return Err(Bad::Truncated);
            }
            Ok((2 + n, len, whole))
        }
        _ => Err(Bad::Malformed),
    }
}

/// Reads elements one after another.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { rest: buf }
    }

    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub fn peek_tag(&self) -> Option<u8> {
        self.rest.first().copied()
    }

    pub fn next(&mut self) -> Result<Tlv<'a>, Bad> {
        let (header, len, whole) = measure(self.rest, 0)?;
        let tlv = Tlv { tag: self.rest[0], content: &self.rest[header..header + len], raw: &self.rest[..whole] };
        self.rest = &self.rest[whole..];
        Ok(tlv)
    }

    /// The next element, which must have `tag`.
    pub fn expect(&mut self, tag: u8) -> Result<Tlv<'a>, Bad> {
        let tlv = self.next()?;
        if tlv.tag != tag {
            return Err(Bad::Malformed);
        }
        Ok(tlv)
    }

    /// The next element if it has `tag`.
    pub fn optional(&mut self, tag: u8) -> Result<Option<Tlv<'a>>, Bad> {
        if self.peek_tag() == Some(tag) {
            self.next().map(Some)
        } else {
            Ok(None)
        }
    }
}

impl<'a> Tlv<'a> {
    /// The children of a constructed element.
    pub fn children(&self) -> Reader<'a> {
        Reader::new(self.content)
    }
}

/// The bytes of an OCTET STRING, primitive or constructed from chunks (BER).
pub fn octets(tlv: &Tlv<'_>, out: &mut Vec<u8>) -> Result<(), Bad> {
    octets_at(tlv, out, 0)
}

fn octets_at(tlv: &Tlv<'_>, out: &mut Vec<u8>, depth: u32) -> Result<(), Bad> {
    match tlv.tag {
        OCTET_STRING => {
            out.extend_from_slice(tlv.content);
            Ok(())
        }
        0x24 if depth < MAX_DEPTH => {
            let mut r = tlv.children();
            while !r.is_empty() {
                octets_at(&r.next()?, out, depth + 1)?;
            }
            Ok(())
        }
        _ => Err(Bad::Malformed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definite_indefinite_and_cut_off_elements() {
        let t = Reader::new(&[0x30, 0x03, 0x02, 0x01, 0x05, 0xff]).next().unwrap();
        assert_eq!((t.tag, t.content, t.raw.len()), (0x30, &[0x02, 0x01, 0x05][..], 5));
        let t = Reader::new(&[0x30, 0x80, 0x02, 0x01, 0x05, 0x00, 0x00, 0xff]).next().unwrap();
        assert_eq!((t.content, t.raw.len()), (&[0x02, 0x01, 0x05][..], 7));
        assert_eq!(Reader::new(&[0x30, 0x82, 0x01]).next().unwrap_err(), Bad::Truncated);
        assert_eq!(Reader::new(&[0x30, 0x80, 0x02, 0x01]).next().unwrap_err(), Bad::Truncated);
        assert_eq!(Reader::new(&[0x04, 0x80]).next().unwrap_err(), Bad::Malformed);
        // Nested indefinite lengths past the depth bound.
        let deep: Vec<u8> = std::iter::repeat([0x30, 0x80]).take(40).flatten().collect();
        assert_eq!(Reader::new(&deep).next().unwrap_err(), Bad::Malformed);
        let mut out = Vec::new();
        let chunked = [0x24, 0x80, 0x04, 0x01, b'a', 0x04, 0x02, b'b', b'c', 0x00, 0x00];
        octets(&Reader::new(&chunked).next().unwrap(), &mut out).unwrap();
        assert_eq!(out, b"abc");
    }
}
