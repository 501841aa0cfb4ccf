//! Property lists, binary (`bplist00`: Apple's CoreFoundation CFBinaryPList.c, trailer
//! and object markers) or XML (Apple's PropertyList-1.0 DTD). Read into a small tree with
//! bounded depth and node count, so shared or cyclic references in a binary plist cannot
//! loop or multiply.

use super::codes::Bad;

const MAX_DEPTH: u32 = 16;
const MAX_NODES: u32 = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Data(Vec<u8>),
    Array(Vec<Value>),
    Dict(Vec<(String, Value)>),
    /// Numbers, booleans, dates: not needed here.
    Other,
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Dict(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

pub fn parse(bytes: &[u8]) -> Result<Value, Bad> {
    let mut nodes = 0;
    if bytes.starts_with(b"bplist00") {
        Binary::new(bytes)?.object_at_top(&mut nodes)
    } else {
        xml(bytes, &mut nodes)
    }
}

fn count(nodes: &mut u32) -> Result<(), Bad> {
    *nodes += 1;
    if *nodes > MAX_NODES {
        return Err(Bad::Malformed);
    }
    Ok(())
}

struct Binary<'a> {
    b: &'a [u8],
    offset_size: usize,
    ref_size: usize,
    objects: u64,
    top: u64,
    table: usize,
}

fn be(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |acc, &x| (acc << 8) | u64::from(x))
}

impl<'a> Binary<'a> {
    fn new(b: &'a [u8]) -> Result<Binary<'a>, Bad> {
        let trailer = b.len().checked_sub(32).map(|at| &b[at..]).ok_or(Bad::Truncated)?;
        let (offset_size, ref_size) = (usize::from(trailer[6]), usize::from(trailer[7]));
        if !(1..=8).contains(&offset_size) || !(1..=8).contains(&ref_size) {
            return Err(Bad::Malformed);
        }
        let (objects, top, table) = (be(&trailer[8..16]), be(&trailer[16..24]), be(&trailer[24..32]));
        let table_end = objects.checked_mul(offset_size as u64).and_then(|n| n.checked_add(table)).ok_or(Bad::Malformed)?;
        if top >= objects || table_end > (b.len() - 32) as u64 {
            return Err(Bad::Malformed);
        }
        Ok(Binary { b, offset_size, ref_size, objects, top, table: table as usize })
    }

    fn object_at_top(&self, nodes: &mut u32) -> Result<Value, Bad> {
        self.object(self.top, 0, nodes)
    }

    fn object(&self, index: u64, depth: u32, nodes: &mut u32) -> Result<Value, Bad> {
        count(nodes)?;
        if index >= self.objects || depth > MAX_DEPTH {
            return Err(Bad::Malformed);
        }
        let at = self.table + index as usize * self.offset_size;
        let offset = be(&self.b[at..at + self.offset_size]) as usize;
        let marker = *self.b.get(offset).ok_or(Bad::Truncated)?;
        let (kind, low) = (marker >> 4, marker & 0x0f);
        let (len, start) = if matches!(kind, 0x4 | 0x5 | 0x6 | 0xa | 0xd) { self.length(offset, low)? } else { (0, offset + 1) };
        let slice = |n: usize| self.b.get(start..start.checked_add(n).ok_or(Bad::Malformed)?).ok_or(Bad::Truncated);
        Ok(match kind {
            0x4 => Value::Data(slice(len)?.to_vec()),
            0x5 => Value::String(slice(len)?.iter().map(|&c| char::from(c)).collect()),
            0x6 => {
                let units: Vec<u16> = slice(len.checked_mul(2).ok_or(Bad::Malformed)?)?.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                Value::String(String::from_utf16_lossy(&units))
            }
            0xa => {
                let refs = slice(len.checked_mul(self.ref_size).ok_or(Bad::Malformed)?)?;
                Value::Array(refs.chunks_exact(self.ref_size).map(|r| self.object(be(r), depth + 1, nodes)).collect::<Result<_, _>>()?)
            }
            0xd => {
                let refs = slice(len.checked_mul(2 * self.ref_size).ok_or(Bad::Malformed)?)?;
                let (keys, values) = refs.split_at(len * self.ref_size);
                let mut entries = Vec::with_capacity(len.min(1024));
                for (k, v) in keys.chunks_exact(self.ref_size).zip(values.chunks_exact(self.ref_size)) {
                    let Value::String(key) = self.object(be(k), depth + 1, nodes)? else { return Err(Bad::Malformed) };
                    entries.push((key, self.object(be(v), depth + 1, nodes)?));
                }
                Value::Dict(entries)
            }
            _ => Value::Other,
        })
    }

    /// The count in a marker's low nibble, or in the integer object after it (0xF).
    fn length(&self, offset: usize, low: u8) -> Result<(usize, usize), Bad> {
        if low != 0x0f {
            return Ok((usize::from(low), offset + 1));
        }
        let int = *self.b.get(offset + 1).ok_or(Bad::Truncated)?;
        if int >> 4 != 0x1 || int & 0x0f > 3 {
            return Err(Bad::Malformed);
        }
        let n = 1usize << (int & 0x0f);
        let bytes = self.b.get(offset + 2..offset + 2 + n).ok_or(Bad::Truncated)?;
        let len = usize::try_from(be(bytes)).map_err(|_| Bad::Malformed)?;
        Ok((len, offset + 2 + n))
    }
}

/// XML plist: the elements of the PropertyList-1.0 DTD; comments, the XML declaration and
/// the DOCTYPE are skipped.
fn xml(bytes: &[u8], nodes: &mut u32) -> Result<Value, Bad> {
    let text = std::str::from_utf8(bytes).map_err(|_| Bad::Malformed)?;
    let mut p = Xml { s: text, at: 0 };
    loop {
        match p.tag()? {
            Tag::Open(name) if name == "plist" => break,
            Tag::Open(_) | Tag::Close(_) | Tag::Empty(_) => return Err(Bad::Malformed),
            Tag::Skip => {}
        }
    }
    p.value(0, nodes)
}

enum Tag<'a> {
    Open(&'a str),
    Close(&'a str),
    Empty(&'a str),
    Skip,
}

struct Xml<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Xml<'a> {
    /// The next tag, skipping the text before it.
    fn tag(&mut self) -> Result<Tag<'a>, Bad> {
        let rest = &self.s[self.at..];
        let lt = rest.find('<').ok_or(Bad::Truncated)?;
        let rest = &rest[lt..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            let end = comment.find("-->").ok_or(Bad::Truncated)?;
            self.at += lt + 4 + end + 3;
            return Ok(Tag::Skip);
        }
        let gt = rest.find('>').ok_or(Bad::Truncated)?;
        self.at += lt + gt + 1;
        let inner = &rest[1..gt];
        if inner.starts_with('?') || inner.starts_with('!') {
            return Ok(Tag::Skip);
        }
        let name = |t: &'a str| t.split_whitespace().next().unwrap_or("");
        Ok(if let Some(n) = inner.strip_prefix('/') {
            Tag::Close(name(n))
        } else if let Some(n) = inner.strip_suffix('/') {
            Tag::Empty(name(n))
        } else {
            Tag::Open(name(inner))
        })
    }

    /// The text up to `</name>`, entities decoded.
    fn text(&mut self, name: &str) -> Result<String, Bad> {
        let rest = &self.s[self.at..];
        let close = format!("</{name}>");
        let end = rest.find(&close).ok_or(Bad::Truncated)?;
        self.at += end + close.len();
        unescape(&rest[..end])
    }

    fn next_element(&mut self) -> Result<Tag<'a>, Bad> {
        loop {
            match self.tag()? {
                Tag::Skip => {}
                t => return Ok(t),
            }
        }
    }

    fn value(&mut self, depth: u32, nodes: &mut u32) -> Result<Value, Bad> {
        let tag = self.next_element()?;
        self.value_of(tag, depth, nodes)
    }

    fn value_of(&mut self, tag: Tag<'a>, depth: u32, nodes: &mut u32) -> Result<Value, Bad> {
        count(nodes)?;
        if depth > MAX_DEPTH {
            return Err(Bad::Malformed);
        }
        match tag {
            Tag::Empty("dict") => Ok(Value::Dict(Vec::new())),
            Tag::Empty("array") => Ok(Value::Array(Vec::new())),
            Tag::Empty("string") => Ok(Value::String(String::new())),
            Tag::Empty(_) => Ok(Value::Other),
            Tag::Open("string") => Ok(Value::String(self.text("string")?)),
            Tag::Open("data") => crate::rules::app::base64_decode_text(&self.text("data")?).map(Value::Data).ok_or(Bad::Malformed),
            Tag::Open(n @ ("integer" | "real" | "date")) => {
                self.text(n)?;
                Ok(Value::Other)
            }
            Tag::Open("array") => {
                let mut items = Vec::new();
                loop {
                    match self.next_element()? {
                        Tag::Close("array") => return Ok(Value::Array(items)),
                        t => items.push(self.value_of(t, depth + 1, nodes)?),
                    }
                }
            }
            Tag::Open("dict") => {
                let mut entries = Vec::new();
                loop {
                    match self.next_element()? {
                        Tag::Close("dict") => return Ok(Value::Dict(entries)),
                        Tag::Open("key") => {
                            let key = self.text("key")?;
                            let value = self.value(depth + 1, nodes)?;
                            entries.push((key, value));
                        }
                        _ => return Err(Bad::Malformed),
                    }
                }
            }
            _ => Err(Bad::Malformed),
        }
    }
}

fn unescape(s: &str) -> Result<String, Bad> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').ok_or(Bad::Malformed)?;
        let c = match &after[..semi] {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            e => {
                let n = if let Some(h) = e.strip_prefix("#x").or_else(|| e.strip_prefix("#X")) { u32::from_str_radix(h, 16).ok() } else { e.strip_prefix('#').and_then(|d| d.parse().ok()) };
                n.and_then(char::from_u32).ok_or(Bad::Malformed)?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_plists_nest_and_unescape() {
        let v = parse(b"<?xml version=\"1.0\"?><!DOCTYPE plist><plist version=\"1.0\"><dict><!-- c --><key>A</key><string>x &amp; &#x79;</string><key>B</key><array><data>AAE=</data><true/></array><key>C</key><dict/></dict></plist>").unwrap();
        assert_eq!(v.get("A").and_then(Value::as_str), Some("x & y"));
        assert_eq!(v.get("B"), Some(&Value::Array(vec![Value::Data(vec![0, 1]), Value::Other])));
        assert_eq!(v.get("C"), Some(&Value::Dict(Vec::new())));
        let deep = format!("<plist>{}", "<array>".repeat(40));
        assert_eq!(parse(deep.as_bytes()), Err(Bad::Malformed));
        assert_eq!(parse(b"<plist><dict><key>A</key><string>x"), Err(Bad::Truncated));
    }

    #[test]
    fn a_binary_plist_that_refers_to_itself_stops() {
        // One array object (index 0) whose only element is itself.
        let mut b = b"bplist00".to_vec();
        b.extend_from_slice(&[0xa1, 0x00]); // array of 1, ref 0
        let table = b.len();
        b.push(8); // offset of object 0
        let mut trailer = vec![0; 6];
        trailer.extend_from_slice(&[1, 1]);
        trailer.extend_from_slice(&1u64.to_be_bytes());
        trailer.extend_from_slice(&0u64.to_be_bytes());
        trailer.extend_from_slice(&(table as u64).to_be_bytes());
        b.extend_from_slice(&trailer);
        assert_eq!(parse(&b), Err(Bad::Malformed));
    }
}
