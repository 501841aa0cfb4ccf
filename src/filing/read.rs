//! The filing's JSON text read by hand: the one reader of filings, natively and in the npm
//! package's filing module, so both answer the same by construction. Kept for the filing
//! module's bytes (measured 2026-12-07, wasm after wasm-opt, gzip -9): 77,392 B with this
//! reader, 105,645 B with serde_json and the derives (+28,253 B), the module's budget being
//! 60 KB (tools/size.sh). It answers as `serde_json::from_str::<Filing>` does — the same
//! filing, or the same error text, position included; the tests below compare the two over
//! the sample filings, pretty and compact, and thousands of mutations of them, and the
//! `filing_json` fuzz target on any text. Why a text is refused is a typed [`Refused`], never
//! read back from the wording.
//!
//! Each `de_*` function mirrors the serde_json `deserialize_*` it stands for, including where
//! that one fixes an error's position (`fix`), which decides the column an error names.

use super::model::*;
use super::report::Options;
use crate::attachment::AttachmentMeta;
use crate::attachment_kinds::{ColourMode, Format};
use crate::context::EntityType;
use crate::date::Date;

/// Why a text is not a filing (or not options), by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Not JSON: its syntax, or the text ends too soon.
    NotJson,
    /// Nested deeper than serde_json's recursion limit (128).
    TooDeep,
    /// A key the model does not have, as written.
    UnknownKey(String),
    /// A value that is none of the accepted names, as written.
    UnknownValue(String),
    /// Any other value that does not fit the model: a wrong type, a repeated key, an integer
    /// out of range, a domain that is neither a name nor a record.
    WrongType,
}

impl Refused {
    /// A data error, in serde_json's terms (`Category::Data`): the JSON itself was read.
    pub fn is_data(&self) -> bool {
        !matches!(self, Refused::NotJson | Refused::TooDeep)
    }
}

/// What serde_json would have said (its error text, shown as the parser's own words) and why,
/// by kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What serde_json would say, word for word.
    pub text: String,
    /// Why, as a kind the report's wording is chosen by.
    pub kind: Refused,
}

/// A filing, or what serde_json would have refused it with.
pub fn filing(json: &str) -> Result<Filing, Refusal> {
    whole(json, |r| r.de_filing())
}

/// Options of a filing check, or what serde_json would have refused them with.
pub fn options(json: &str) -> Result<Options, Refusal> {
    whole(json, |r| r.de_options())
}

fn whole<T>(json: &str, read: impl FnOnce(&mut Reader) -> Result<T, Fail>) -> Result<T, Refusal> {
    let mut r = Reader { s: json.as_bytes(), i: 0, depth: 128 };
    let out = read(&mut r).and_then(|v| match r.ws() {
        Some(_) => Err(r.peek_error("trailing characters")),
        None => Ok(v),
    });
    out.map_err(|f| Refusal {
        text: match f.at {
            Some((line, column)) => format!("{} at line {line} column {column}", f.text),
            None => f.text,
        },
        kind: f.kind,
    })
}

struct Fail {
    text: String,
    kind: Refused,
    at: Option<(usize, usize)>,
}

type R<T> = Result<T, Fail>;

/// A scalar as serde names it in an "invalid type" message.
fn unexpected_number(n: &Number) -> String {
    match n {
        Number::Int(text) => format!("integer `{text}`"),
        Number::Float(text) => format!("floating point `{}`", float_text(text)),
    }
}

/// A number as JSON text: an integer serde_json keeps as u64/i64, or anything else.
enum Number {
    Int(String),
    Float(String),
}

/// A JSON number literal as the f64 it stands for, in decimal: its sign, its significant
/// digits (none for zero) and the exponent of the first one. More than 17 digits are rounded
/// to 17; a magnitude below f64's smallest is zero, one above its largest `None` (serde_json:
/// "number out of range"). The digits `JSON.stringify` writes are already the shortest that
/// round-trip, as serde_json shows a float; for more than 15 digits typed by hand serde_json's
/// shortest form may be shorter than these (`8.88888888888889e+63` for 64 eights), which would
/// take f64 parsing and shortest formatting, kilobytes of the filing module, to match.
fn float_digits(literal: &str) -> Option<(bool, Vec<u8>, i64)> {
    let negative = literal.starts_with('-');
    let unsigned = &literal.as_bytes()[negative as usize..];
    let end = unsigned.iter().position(|&b| b == b'e' || b == b'E').unwrap_or(unsigned.len());
    // The literal's exponent, clamped beyond any f64's so the arithmetic cannot overflow.
    let (mut exponent, mut sign) = (0i64, 1);
    for &b in unsigned.get(end + 1..).unwrap_or_default() {
        match b {
            b'-' => sign = -1,
            b'0'..=b'9' => exponent = (exponent * 10 + i64::from(b - b'0')).min(100_000),
            _ => {}
        }
    }
    let mantissa = &unsigned[..end];
    let mut place = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len()) as i64;
    let (mut digits, mut first) = (Vec::new(), 0);
    for &b in mantissa.iter().filter(|&&b| b != b'.') {
        place -= 1;
        if digits.is_empty() {
            if b == b'0' {
                continue;
            }
            first = place;
        }
        digits.push(b);
    }
    let mut exp = first + sign * exponent;
    if digits.len() > 17 {
        let up = digits[17] >= b'5';
        digits.truncate(17);
        // Rounding up carries over the 9s it drops.
        while up {
            match digits.pop() {
                Some(b'9') => {}
                Some(d) => {
                    digits.push(d + 1);
                    break;
                }
                None => {
                    digits.push(b'1');
                    exp += 1;
                    break;
                }
            }
        }
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() || exp < -324 {
        return Some((negative, Vec::new(), 0));
    }
    // f64::MAX is 1.7976931348623157e308.
    if exp > 308 || (exp == 308 && digits.as_slice() > b"17976931348623157".as_slice()) {
        return None;
    }
    Some((negative, digits, exp))
}

/// serde_json's text for a float (the shortest digits, fixed notation for decimal exponents
/// -5..=15 with at least one decimal, `d.ddde±N` outside), from the JSON literal.
fn float_text(literal: &str) -> String {
    let (negative, digits, exp) = float_digits(literal).unwrap_or_default();
    let digits = String::from_utf8(digits).unwrap_or_default();
    let sign = if negative { "-" } else { "" };
    if digits.is_empty() {
        return format!("{sign}0.0");
    }
    let n = digits.len() as i64;
    if (-5..=15).contains(&exp) {
        if n - 1 <= exp {
            format!("{sign}{digits}{}.0", "0".repeat((exp - (n - 1)) as usize))
        } else if exp >= 0 {
            format!("{sign}{}.{}", &digits[..=exp as usize], &digits[exp as usize + 1..])
        } else {
            format!("{sign}0.{}{digits}", "0".repeat((-exp - 1) as usize))
        }
    } else {
        let rest = if n > 1 { format!(".{}", &digits[1..]) } else { String::new() };
        format!("{sign}{}{rest}e{}{}", &digits[..1], if exp >= 0 { "+" } else { "-" }, exp.abs())
    }
}

/// `one of `a`, `b``, as serde words a list of names.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} or {}", quoted[0], quoted[1]),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

fn unknown_variant(name: &str, variants: &[&str]) -> Fail {
    Fail { kind: Refused::UnknownValue(name.to_owned()), ..custom(format!("unknown variant `{name}`, expected {}", one_of(variants))) }
}

/// A data error: the position is added where serde_json adds it (`Reader::fix`).
fn custom(text: String) -> Fail {
    Fail { text, kind: Refused::WrongType, at: None }
}

/// A buffered value, as serde's untagged enums hold one before trying each variant.
enum Content {
    Text(String),
    Seq(Vec<Content>),
    Map(Vec<(String, Content)>),
    Other,
}

struct Reader<'a> {
    s: &'a [u8],
    i: usize,
    /// serde_json's recursion budget: the 128th nested array or object is refused.
    depth: u32,
}

impl Reader<'_> {
    fn position(&self, i: usize) -> (usize, usize) {
        let start = self.s[..i].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        (1 + self.s[..start].iter().filter(|&&b| b == b'\n').count(), i - start)
    }

    /// An error at the byte last read.
    fn error(&self, text: &str) -> Fail {
        Fail { text: text.to_owned(), kind: Refused::NotJson, at: Some(self.position(self.i)) }
    }

    /// An error at the byte looked at next.
    fn peek_error(&self, text: &str) -> Fail {
        Fail { text: text.to_owned(), kind: Refused::NotJson, at: Some(self.position((self.i + 1).min(self.s.len()))) }
    }

    /// A data error gets the position reached, as serde_json's `fix_position`.
    fn fix(&self, mut f: Fail) -> Fail {
        if f.at.is_none() {
            f.at = Some(self.position(self.i));
        }
        f
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn ident(&mut self, rest: &[u8]) -> R<()> {
        for &b in rest {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(c) => {
                    self.i += 1;
                    if c != b {
                        return Err(self.error("expected ident"));
                    }
                }
            }
        }
        Ok(())
    }

    /// `null`, `true` or `false`, at its first letter.
    fn literal(&mut self) -> R<()> {
        let rest: &[u8] = match self.peek() {
            Some(b'n') => b"ull",
            Some(b't') => b"rue",
            _ => b"alse",
        };
        self.i += 1;
        self.ident(rest)
    }

    /// Enters an array or object: serde_json's `check_recursion`.
    fn enter(&mut self) -> R<()> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(Fail { kind: Refused::TooDeep, ..self.peek_error("recursion limit exceeded") });
        }
        self.i += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth += 1;
    }

    /// A number (the `-` already read when `negative`): serde_json's `parse_any_number`.
    fn number(&mut self, negative: bool) -> R<Number> {
        let start = if negative { self.i - 1 } else { self.i };
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.peek_error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(b'0'..=b'9') = self.peek() {
                    self.i += 1;
                }
            }
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => {
                self.i += 1;
                return Err(self.error("invalid number"));
            }
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            float = true;
            match self.peek() {
                Some(b'0'..=b'9') => {}
                Some(_) => {
                    self.i += 1;
                    return Err(self.error("invalid number"));
                }
                None => return Err(self.error("EOF while parsing a value")),
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.i += 1;
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            float = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            match self.peek() {
                Some(b'0'..=b'9') => {}
                Some(_) => {
                    self.i += 1;
                    return Err(self.error("invalid number"));
                }
                None => return Err(self.error("EOF while parsing a value")),
            }
            while let Some(b'0'..=b'9') = self.peek() {
                self.i += 1;
            }
        }
        let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        // Integers beyond u64 (or below i64), and -0, are floats to serde_json.
        let fits = if negative { text.parse::<i64>().is_ok_and(|n| n != 0) } else { text.parse::<u64>().is_ok() };
        if float || !fits {
            if float_digits(&text).is_none() {
                return Err(self.error("number out of range"));
            }
            return Ok(Number::Float(text));
        }
        Ok(Number::Int(text))
    }

    /// The "invalid type" error for the value ahead, which is read past when a scalar:
    /// serde_json's `peek_invalid_type`.
    fn invalid_type(&mut self, expected: &str) -> Fail {
        let what = match self.peek() {
            Some(c @ (b'n' | b't' | b'f')) => {
                if let Err(f) = self.literal() {
                    return f;
                }
                match c {
                    b'n' => "null",
                    b't' => "boolean `true`",
                    _ => "boolean `false`",
                }
                .to_owned()
            }
            Some(b'-') => {
                self.i += 1;
                match self.number(true) {
                    Ok(n) => unexpected_number(&n),
                    Err(f) => return f,
                }
            }
            Some(b'0'..=b'9') => match self.number(false) {
                Ok(n) => unexpected_number(&n),
                Err(f) => return f,
            },
            Some(b'"') => {
                self.i += 1;
                match self.string() {
                    Ok(s) => format!("string {s:?}"),
                    Err(f) => return f,
                }
            }
            Some(b'[') => "sequence".to_owned(),
            Some(b'{') => "map".to_owned(),
            _ => return self.peek_error("expected value"),
        };
        custom(format!("invalid type: {what}, expected {expected}"))
    }

    /// A string's text, the opening quote read: serde_json's `parse_str`.
    fn string(&mut self) -> R<String> {
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
            self.i += 1;
            match b {
                b'"' => return Ok(String::from_utf8(out).unwrap_or_default()),
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string")),
                _ => out.push(b),
            }
        }
    }

    fn hex4(&mut self) -> R<u32> {
        let Some(h) = self.s.get(self.i..self.i + 4) else {
            self.i = self.s.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.i += 4;
        let text = std::str::from_utf8(h).ok().filter(|t| t.bytes().all(|b| b.is_ascii_hexdigit()));
        text.and_then(|t| u32::from_str_radix(t, 16).ok()).ok_or_else(|| self.error("invalid escape"))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> R<()> {
        let Some(e) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
        self.i += 1;
        let c = match e {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let n = self.hex4()?;
                let c = match n {
                    0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
                    0xD800..=0xDBFF => {
                        for expected in [b'\\', b'u'] {
                            if self.peek() != Some(expected) {
                                if self.peek().is_none() {
                                    return Err(self.error("EOF while parsing a string"));
                                }
                                self.i += 1;
                                return Err(self.error("unexpected end of hex escape"));
                            }
                            self.i += 1;
                        }
                        let n2 = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&n2) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00)
                    }
                    n => n,
                };
                char::from_u32(c).unwrap_or('\u{fffd}')
            }
            _ => return Err(self.error("invalid escape")),
        };
        let mut buf = [0; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    /// `String`: serde_json's `deserialize_string`.
    #[inline(never)]
    fn de_string(&mut self) -> R<String> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b'"') => {
                self.i += 1;
                self.string()
            }
            Some(_) => Err(self.invalid_type("a string")),
        };
        out.map_err(|f| self.fix(f))
    }

    fn de_bool(&mut self) -> R<bool> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(c @ (b't' | b'f')) => self.literal().map(|_| c == b't'),
            Some(_) => Err(self.invalid_type("a boolean")),
        };
        out.map_err(|f| self.fix(f))
    }

    /// An unsigned integer of at most `max`, serde naming it `name` (`u64`, `u32`).
    fn de_unsigned(&mut self, max: u64, name: &str) -> R<u64> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b) if b == b'-' || b.is_ascii_digit() => {
                let negative = b == b'-';
                if negative {
                    self.i += 1;
                }
                match self.number(negative)? {
                    Number::Int(text) => match text.parse::<u64>() {
                        Ok(n) if n <= max => Ok(n),
                        _ => Err(custom(format!("invalid value: integer `{text}`, expected {name}"))),
                    },
                    float => Err(custom(format!("invalid type: {}, expected {name}", unexpected_number(&float)))),
                }
            }
            Some(_) => Err(self.invalid_type(name)),
        };
        out.map_err(|f| self.fix(f))
    }

    /// `Option<T>`: `null` is `None`, anything else `T`.
    fn de_option<T>(&mut self, read: impl FnOnce(&mut Self) -> R<T>) -> R<Option<T>> {
        if self.ws() == Some(b'n') {
            self.literal()?;
            return Ok(None);
        }
        read(self).map(Some)
    }

    /// A unit-variant enum: serde_json's `deserialize_enum`, `"name"` or `{"name":null}`.
    #[inline(never)]
    fn de_enum(&mut self, variants: &[&str]) -> R<usize> {
        match self.ws() {
            Some(b'{') => {
                self.enter()?;
                // The variant as an object's key.
                let index = match self.ws() {
                    Some(b'"') => {
                        self.i += 1;
                        let name = self.string()?;
                        variants.iter().position(|v| *v == name).ok_or_else(|| self.fix(unknown_variant(&name, variants)))?
                    }
                    Some(b'}') => return Err(self.peek_error("expected value")),
                    Some(_) => return Err(self.peek_error("key must be a string")),
                    None => return Err(self.peek_error("EOF while parsing an object")),
                };
                self.colon()?;
                let unit = match self.ws() {
                    None => return Err(self.peek_error("EOF while parsing a value")),
                    Some(b'n') => self.literal(),
                    Some(_) => Err(self.invalid_type("unit")),
                };
                unit.map_err(|f| self.fix(f))?;
                self.leave();
                match self.ws() {
                    Some(b'}') => {
                        self.i += 1;
                        Ok(index)
                    }
                    Some(_) => Err(self.error("expected value")),
                    None => Err(self.error("EOF while parsing an object")),
                }
            }
            Some(b'"') => self.variant(variants),
            Some(_) => Err(self.peek_error("expected value")),
            None => Err(self.peek_error("EOF while parsing a value")),
        }
    }

    /// A variant's name, as an identifier (`deserialize_str`).
    fn variant(&mut self, variants: &[&str]) -> R<usize> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b'"') => {
                self.i += 1;
                self.string().and_then(|name| variants.iter().position(|v| *v == name).ok_or_else(|| unknown_variant(&name, variants)))
            }
            Some(_) => Err(self.invalid_type("variant identifier")),
        };
        out.map_err(|f| self.fix(f))
    }

    /// `Vec<T>`: serde_json's `deserialize_seq`.
    fn de_seq<T>(&mut self, mut item: impl FnMut(&mut Self) -> R<T>) -> R<Vec<T>> {
        let mut items = Vec::new();
        self.de_array(&mut |r| {
            items.push(item(r)?);
            Ok(())
        })?;
        Ok(items)
    }

    /// An array's elements, each read by `item`: the part of [`Self::de_seq`] that is the same
    /// for every element type, kept out of line so it is not copied for each.
    #[inline(never)]
    fn de_array(&mut self, item: &mut dyn FnMut(&mut Self) -> R<()>) -> R<()> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b'[') => {
                self.enter()?;
                let ret = self.elements(&mut |r| {
                    item(r)?;
                    Ok(true)
                });
                self.leave();
                let end = self.end_seq();
                ret.and(end)
            }
            Some(_) => Err(self.invalid_type("a sequence")),
        };
        out.map_err(|f| self.fix(f))
    }

    /// The next item of an array or object whose closing bracket is `close`, the comma before
    /// it read: `None` once the container closes (the bracket left to read), else the item's
    /// first byte (`None` at the end of the text). serde_json's `SeqAccess` and `MapAccess`.
    fn next_item(&mut self, first: &mut bool, close: u8) -> R<Option<Option<u8>>> {
        let (expected, eof) = if close == b']' { ("expected `,` or `]`", "EOF while parsing a list") } else { ("expected `,` or `}`", "EOF while parsing an object") };
        Ok(Some(match self.ws() {
            Some(b) if b == close => return Ok(None),
            Some(b',') if !*first => {
                self.i += 1;
                self.ws()
            }
            Some(b) if *first => {
                *first = false;
                Some(b)
            }
            Some(_) => return Err(self.peek_error(expected)),
            None => return Err(self.peek_error(eof)),
        }))
    }

    /// The elements of an array, `[` read, until `each` says to stop or the array ends.
    fn elements(&mut self, each: &mut dyn FnMut(&mut Self) -> R<bool>) -> R<()> {
        let mut first = true;
        while let Some(peek) = self.next_item(&mut first, b']')? {
            match peek {
                Some(b']') => return Err(self.peek_error("trailing comma")),
                Some(_) => {
                    if !each(self)? {
                        return Ok(());
                    }
                }
                None => return Err(self.peek_error("EOF while parsing a value")),
            }
        }
        Ok(())
    }

    fn end_seq(&mut self) -> R<()> {
        match self.ws() {
            Some(b']') => {
                self.i += 1;
                Ok(())
            }
            Some(b',') => {
                self.i += 1;
                match self.ws() {
                    Some(b']') => Err(self.peek_error("trailing comma")),
                    _ => Err(self.peek_error("trailing characters")),
                }
            }
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Err(self.peek_error("EOF while parsing a list")),
        }
    }

    fn end_map(&mut self) -> R<()> {
        match self.ws() {
            Some(b'}') => {
                self.i += 1;
                Ok(())
            }
            Some(b',') => Err(self.peek_error("trailing comma")),
            Some(_) => Err(self.peek_error("trailing characters")),
            None => Err(self.peek_error("EOF while parsing an object")),
        }
    }

    /// The keys of an object, `{` read, each handed to `each` before its value is read (the
    /// colon is read there).
    fn entries(&mut self, each: &mut dyn FnMut(&mut Self, String) -> R<()>) -> R<()> {
        let mut first = true;
        while let Some(peek) = self.next_item(&mut first, b'}')? {
            let key = match peek {
                Some(b'"') => {
                    self.i += 1;
                    self.string()?
                }
                Some(b'}') => return Err(self.peek_error("trailing comma")),
                Some(_) => return Err(self.peek_error("key must be a string")),
                None => return Err(self.peek_error("EOF while parsing a value")),
            };
            each(self, key)?;
        }
        Ok(())
    }

    /// The colon before a value.
    fn colon(&mut self) -> R<()> {
        match self.ws() {
            Some(b':') => {
                self.i += 1;
                Ok(())
            }
            Some(_) => Err(self.peek_error("expected `:`")),
            None => Err(self.peek_error("EOF while parsing an object")),
        }
    }

    /// A `#[serde(default, deny_unknown_fields)]` struct named `name` with `fields` in
    /// declaration order: `read(r, i)` reads field `i`'s value into the struct being built.
    /// An array fills the fields in order, as serde's derive accepts.
    #[inline(never)]
    fn de_struct(&mut self, name: &str, fields: &[&str], read: &mut dyn FnMut(&mut Self, usize) -> R<()>) -> R<()> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b'[') => {
                self.enter()?;
                let mut next = 0;
                let ret = self.elements(&mut |r| {
                    read(r, next)?;
                    next += 1;
                    Ok(next < fields.len())
                });
                self.leave();
                let end = self.end_seq();
                ret.and(end)
            }
            Some(b'{') => {
                self.enter()?;
                let mut seen = vec![false; fields.len()];
                let ret = self.entries(&mut |r, key| {
                    let Some(i) = fields.iter().position(|f| *f == key) else {
                        return Err(Fail { kind: Refused::UnknownKey(key.clone()), ..custom(format!("unknown field `{key}`, expected {}", one_of(fields))) });
                    };
                    if std::mem::replace(&mut seen[i], true) {
                        return Err(custom(format!("duplicate field `{}`", fields[i])));
                    }
                    r.colon()?;
                    read(r, i)
                });
                self.leave();
                let end = self.end_map();
                ret.and(end)
            }
            Some(_) => Err(self.invalid_type(&format!("struct {name}"))),
        };
        out.map_err(|f| self.fix(f))
    }

    /// A struct of text fields only: field `i`'s value into `slots[i]`.
    fn de_texts(&mut self, name: &str, fields: &[&str], slots: &mut [&mut String]) -> R<()> {
        self.de_struct(name, fields, &mut |r, i| {
            *slots[i] = r.de_string()?;
            Ok(())
        })
    }

    /// Any value, buffered: serde's `Content` through serde_json's `deserialize_any`.
    #[inline(never)]
    fn de_content(&mut self) -> R<Content> {
        let out = match self.ws() {
            None => return Err(self.peek_error("EOF while parsing a value")),
            Some(b'n' | b't' | b'f') => self.literal().map(|_| Content::Other),
            Some(b'-') => {
                self.i += 1;
                self.number(true).map(|_| Content::Other)
            }
            Some(b'0'..=b'9') => self.number(false).map(|_| Content::Other),
            Some(b'"') => {
                self.i += 1;
                self.string().map(Content::Text)
            }
            Some(b'[') => {
                self.enter()?;
                let mut items = Vec::new();
                let ret = self.elements(&mut |r| {
                    items.push(r.de_content()?);
                    Ok(true)
                });
                self.leave();
                let end = self.end_seq();
                ret.and(end).map(|_| Content::Seq(items))
            }
            Some(b'{') => {
                self.enter()?;
                let mut entries = Vec::new();
                let ret = self.entries(&mut |r, key| {
                    r.colon()?;
                    entries.push((key, r.de_content()?));
                    Ok(())
                });
                self.leave();
                let end = self.end_map();
                ret.and(end).map(|_| Content::Map(entries))
            }
            Some(_) => Err(self.peek_error("expected value")),
        };
        out.map_err(|f| self.fix(f))
    }

    fn de_filing(&mut self) -> R<Filing> {
        let mut f = Filing::default();
        self.de_struct("Filing", &["kind", "provider", "entity", "services", "access", "attachments"], &mut |r, i| {
            match i {
                0 => f.kind = FilingKind::ALL[r.de_enum(&FilingKind::ALL.map(FilingKind::id))?],
                1 => f.provider = r.de_option(Self::de_string)?,
                2 => f.entity = r.de_entity()?,
                3 => f.services = r.de_seq(Self::de_service)?,
                4 => f.access = r.de_access()?,
                _ => f.attachments = r.de_seq(Self::de_attachment)?,
            }
            Ok(())
        })?;
        Ok(f)
    }

    #[inline(never)]
    fn de_entity(&mut self) -> R<Entity> {
        let mut e = Entity::default();
        let fields = ["type", "name", "certificate_type", "certificate_number", "address", "mailing_address", "province", "city", "investor", "record_number", "national_document", "person_in_charge"];
        self.de_struct("Entity", &fields, &mut |r, i| {
            match i {
                0 => {
                    e.entity_type = EntityType::ALL[r.de_enum(&EntityType::ALL.map(EntityType::id))?];
                }
                10 => e.national_document = r.de_bool()?,
                11 => e.person_in_charge = r.de_person()?,
                _ => {
                    let text = r.de_string()?;
                    *[&mut e.name, &mut e.certificate_type, &mut e.certificate_number, &mut e.address, &mut e.mailing_address, &mut e.province, &mut e.city, &mut e.investor, &mut e.record_number][i - 1] = text;
                }
            }
            Ok(())
        })?;
        Ok(e)
    }

    #[inline(never)]
    fn de_person(&mut self) -> R<Person> {
        let mut p = Person::default();
        let fields = ["name", "certificate_type", "certificate_number", "certificate_validity", "mobile", "office_phone", "emergency_phone", "email"];
        self.de_texts("Person", &fields, &mut [&mut p.name, &mut p.certificate_type, &mut p.certificate_number, &mut p.certificate_validity, &mut p.mobile, &mut p.office_phone, &mut p.emergency_phone, &mut p.email])?;
        Ok(p)
    }

    #[inline(never)]
    fn de_service(&mut self) -> R<Service> {
        let mut s = Service::default();
        let fields = ["type", "name", "record_number", "domains", "platforms", "categories", "languages", "pre_approvals", "person_in_charge"];
        self.de_struct("Service", &fields, &mut |r, i| {
            match i {
                0 => s.service_type = [ServiceType::Website, ServiceType::App][r.de_enum(&["website", "app"])?],
                1 => s.name = r.de_string()?,
                2 => s.record_number = r.de_string()?,
                3 => s.domains = r.de_seq(Self::de_domain)?,
                4 => s.platforms = r.de_seq(Self::de_platform)?,
                5 => s.categories = r.de_seq(Self::de_string)?,
                6 => s.languages = r.de_seq(Self::de_string)?,
                7 => s.pre_approvals = r.de_seq(Self::de_pre_approval)?,
                _ => s.person_in_charge = r.de_person()?,
            }
            Ok(())
        })?;
        Ok(s)
    }

    /// `Domain`, untagged: the value is buffered, then read as a name, then as a record.
    #[inline(never)]
    fn de_domain(&mut self) -> R<Domain> {
        match self.de_content()? {
            Content::Text(name) => Ok(Domain::Name(name)),
            content => record_of(content).map(Domain::Record).ok_or_else(|| custom("data did not match any variant of untagged enum Domain".to_owned())),
        }
    }

    #[inline(never)]
    fn de_platform(&mut self) -> R<AppPlatform> {
        let mut p = AppPlatform::default();
        self.de_texts("AppPlatform", &["platform", "package", "public_key", "md5", "name"], &mut [&mut p.platform, &mut p.package, &mut p.public_key, &mut p.md5, &mut p.name])?;
        Ok(p)
    }

    #[inline(never)]
    fn de_pre_approval(&mut self) -> R<PreApproval> {
        let mut p = PreApproval::default();
        self.de_texts("PreApproval", &["category", "document_number"], &mut [&mut p.category, &mut p.document_number])?;
        Ok(p)
    }

    #[inline(never)]
    fn de_access(&mut self) -> R<Access> {
        let mut a = Access::default();
        self.de_struct("Access", &["account_id", "account_company_name", "ips"], &mut |r, i| {
            match i {
                0 => a.account_id = r.de_string()?,
                1 => a.account_company_name = r.de_string()?,
                _ => a.ips = r.de_seq(Self::de_string)?,
            }
            Ok(())
        })?;
        Ok(a)
    }

    #[inline(never)]
    fn de_attachment(&mut self) -> R<AttachmentMeta> {
        let mut a = AttachmentMeta::default();
        self.de_struct("AttachmentMeta", &["kind", "format", "width", "height", "colour_mode", "byte_size", "subject"], &mut |r, i| {
            match i {
                0 => a.kind = r.de_string()?,
                1 => {
                    a.format = r.de_option(|r| r.de_enum(&Format::ALL.map(Format::id)))?.map(|i| Format::ALL[i]);
                }
                2 => a.width = r.de_option(|r| r.de_unsigned(u32::MAX.into(), "u32"))?.map(|n| n as u32),
                3 => a.height = r.de_option(|r| r.de_unsigned(u32::MAX.into(), "u32"))?.map(|n| n as u32),
                4 => {
                    a.colour_mode = r.de_option(|r| r.de_enum(&ColourMode::ALL.map(ColourMode::name)))?.map(|i| ColourMode::ALL[i]);
                }
                5 => a.byte_size = r.de_unsigned(u64::MAX, "u64")?,
                _ => a.subject = r.de_string()?,
            }
            Ok(())
        })?;
        Ok(a)
    }

    fn de_options(&mut self) -> R<Options> {
        let mut o = Options::default();
        self.de_struct("Options", &["provider", "today", "locale"], &mut |r, i| {
            match i {
                0 => o.provider = r.de_option(Self::de_string)?,
                1 => {
                    o.today = r.de_option(|r| {
                        let text = r.de_string()?;
                        Date::parse(&text).ok_or_else(|| custom(format!("not a date (YYYY-MM-DD): {text:.20}")))
                    })?
                }
                _ => o.locale = r.de_option(Self::de_string)?,
            }
            Ok(())
        })?;
        Ok(o)
    }
}

/// A buffered value as a `DomainRecord` (serde's `ContentRefDeserializer`): a map of known,
/// distinct keys with string values, or an array of at most five strings.
fn record_of(content: Content) -> Option<DomainRecord> {
    const FIELDS: [&str; 5] = ["name", "holder_name", "holder_certificate_type", "holder_certificate_number", "expiry_date"];
    let mut r = DomainRecord::default();
    let mut seen = [false; 5];
    let mut set = |r: &mut DomainRecord, i: usize, value: Content| -> Option<()> {
        let Content::Text(text) = value else { return None };
        if std::mem::replace(&mut seen[i], true) {
            return None;
        }
        *[&mut r.name, &mut r.holder_name, &mut r.holder_certificate_type, &mut r.holder_certificate_number, &mut r.expiry_date][i] = text;
        Some(())
    };
    match content {
        Content::Map(entries) => {
            for (key, value) in entries {
                set(&mut r, FIELDS.iter().position(|f| *f == key)?, value)?;
            }
        }
        Content::Seq(items) if items.len() <= FIELDS.len() => {
            for (i, value) in items.into_iter().enumerate() {
                set(&mut r, i, value)?;
            }
        }
        _ => return None,
    }
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// The hand reading and serde_json's agree on `text`: the same filing, or the same error
    /// of the same category, its kind the one serde_json's wording names.
    fn agree(text: &str) -> bool {
        let serde = serde_json::from_str::<Filing>(text).map_err(|e| (e.to_string(), e.classify() == serde_json::error::Category::Data));
        let hand = filing(text).map_err(|r| (r.text, r.kind));
        assert_eq!(hand.as_ref().map_err(|(text, kind)| (text.clone(), kind.is_data())), serde.as_ref().map_err(Clone::clone), "{text}");
        if let Err((message, kind)) = &hand {
            // The test's own reading of serde_json's wording, which the reader never does.
            let quoted = || message.split('`').nth(1).unwrap_or_default().to_owned();
            let named = match kind {
                Refused::UnknownKey(k) => message.starts_with("unknown field") && (k.contains('`') || *k == quoted()),
                Refused::UnknownValue(v) => message.starts_with("unknown variant") && (v.contains('`') || *v == quoted()),
                Refused::TooDeep => message.starts_with("recursion limit"),
                Refused::WrongType => !message.starts_with("unknown field") && !message.starts_with("unknown variant"),
                Refused::NotJson => !message.starts_with("recursion limit"),
            };
            assert!(named, "{kind:?} for {message}");
        }
        hand.is_ok()
    }

    fn samples() -> Vec<Value> {
        let mut out = Vec::new();
        for dir in ["tests/filings", "examples/filings"] {
            for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + dir).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "json") {
                    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                    // A test case file holds the filing under "filing".
                    out.push(v.get("filing").cloned().unwrap_or(v));
                }
            }
        }
        assert!(out.len() > 10);
        out
    }

    /// Every place of a JSON tree: the path of keys and indices to it.
    fn places(v: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(at.clone());
        match v {
            Value::Object(m) => m.iter().for_each(|(k, c)| places(c, [at.clone(), vec![json!(k)]].concat(), out)),
            Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| places(c, [at.clone(), vec![json!(i)]].concat(), out)),
            _ => {}
        }
    }

    fn at_mut<'v>(v: &'v mut Value, path: &[Value]) -> &'v mut Value {
        path.iter().fold(v, |v, k| match k {
            Value::String(k) => &mut v[k.as_str()],
            k => &mut v[k.as_u64().unwrap() as usize],
        })
    }

    #[test]
    fn reads_the_sample_filings_as_serde_json_does() {
        let mut read = 0;
        for f in samples() {
            read += agree(&serde_json::to_string(&f).unwrap()) as usize;
            agree(&serde_json::to_string_pretty(&f).unwrap());
        }
        assert!(read > 10, "{read}");
    }

    #[test]
    fn refuses_every_mutation_as_serde_json_does() {
        let replacements = [
            json!(5), json!(-1), json!(0), json!(-0.0), json!(1.5), json!(1e21), json!(1.5e-7), json!(1e300), json!(123456.789), json!(4294967296u64), json!(u64::MAX),
            json!(-9223372036854775808i64), json!(1e19), json!(true), json!(false), json!(null), json!("x"), json!("new_filing"), json!("a\"b\\c\u{1}\u{301}"), json!("😀"),
            json!([]), json!({}), json!([1]), json!(["a", "b"]), json!(["a", "b", "c", "d", "e", "f"]), json!({"a": 1}), json!({"name": "a"}), json!({"name": 5}),
            json!({"change": null}), json!({"change": 5}), json!({"website": null, "x": 1}), json!([[[]]]),
        ];
        let (mut ok, mut refused) = (0, 0);
        for sample in samples() {
            let mut all = Vec::new();
            places(&sample, Vec::new(), &mut all);
            for path in all {
                for r in &replacements {
                    let mut v = sample.clone();
                    *at_mut(&mut v, &path) = r.clone();
                    if agree(&serde_json::to_string(&v).unwrap()) { ok += 1 } else { refused += 1 }
                }
                // An unknown key beside every object's keys.
                let mut v = sample.clone();
                if let Value::Object(m) = at_mut(&mut v, &path) {
                    m.insert("zz_unknown".to_owned(), json!(1));
                    agree(&serde_json::to_string(&v).unwrap());
                }
            }
        }
        assert!(ok > 1000 && refused > 1000, "{ok} read, {refused} refused");
    }

    #[test]
    fn refuses_what_json_stringify_can_write_and_serde_json_refuses() {
        // Lone surrogates (JSON.stringify escapes them), deep nesting, duplicate keys.
        for text in [
            r#"{"provider":"\ud83d"}"#, r#"{"provider":"\ude00"}"#, r#"{"provider":"\ud83d\ude00"}"#, r#"{"provider":"\ud83dx"}"#, r#"{"provider":"\ud83d\n"}"#, r#"{"provider":"\ud83d\u0041"}"#,
            r#"{"\ud83d":1}"#, r#"{"kind":"change","kind":"cancel"}"#, r#"{"entity":{"name":"a","name":"b"}}"#, r#"{"services":[{"domains":[{"name":"a","name":"b"}]}]}"#,
            r#"{"kind":{"change":null}}"#, r#"{"kind":{"change":null,"x":1}}"#, r#"{"kind":{"nope":null}}"#, r#"{"kind":{"change":[]}}"#, r#"{"kind":{}}"#, r#"{"kind":{5:1}}"#,
            "{}", "[]", r#"{"services":[[]]}"#, r#"{"services":[["app","n"]]}"#, r#"{"entity":["individual","a","b","c","d","e","f","g","h","i",true,[],7]}"#,
            r#"{"attachments":[{"byte_size":-0}]}"#, r#"{"attachments":[{"width":4294967295,"height":4294967296}]}"#, "{} ", "{} x", " {}", r#"{"kind":"change"}}"#,
        ] {
            agree(text);
        }
        for depth in [100, 120, 122, 123, 124, 125, 126, 127, 128, 129, 200] {
            agree(&format!(r#"{{"services":[{{"domains":[{}{}]}}]}}"#, "[".repeat(depth), "]".repeat(depth)));
            agree(&format!(r#"{{"services":[{{"domains":[{}{}]}}]}}"#, "{\"a\":".repeat(depth), "}".repeat(depth)));
        }
    }

    /// Natively the reader takes any text, not only what `JSON.stringify` writes.
    #[test]
    fn reads_any_text_as_serde_json_does() {
        for number in ["1e400", "-1e400", "1e-400", "0.1234567890123456789", "1.0000000000000000001", "123456789012345678901234567890", "-123456789012345678901234567890", "1E5", "1.50", "00", "-", "1.", "1e", "2.5e+3", "9007199254740993"] {
            agree(&format!(r#"{{"provider":{number}}}"#));
            agree(&format!(r#"{{"attachments":[{{"byte_size":{number}}}]}}"#));
        }
        for text in ["{\r\n\t\"kind\" :\t\"change\" \r\n}", "{\"kind\":\"change\"} // comment", "{/* c */}", "{\"kind\":'change'}", "{\"kind\":\"change\",}", "{\"entity\":{\"name\":\"a\",}}", "{\u{feff}}", "{\"provider\":\"\\x\"}", "{\"provider\":\"\\u12\"}", "{\"provider\":nan}", "{\"provider\":Infinity}"] {
            agree(text);
        }
    }

    #[test]
    fn ids_are_the_serde_names() {
        let name = |v: Value| v.as_str().unwrap().to_owned();
        for k in FilingKind::ALL {
            assert_eq!(name(serde_json::to_value(k).unwrap()), k.id());
        }
        for t in EntityType::ALL {
            assert_eq!(name(serde_json::to_value(t).unwrap()), t.id());
        }
        use crate::documents::Need;
        use crate::filing::{Route, Upload};
        for (v, id) in [(serde_json::to_value(Need::Required), Need::Required.id()), (serde_json::to_value(Need::Conditional), Need::Conditional.id())] {
            assert_eq!(name(v.unwrap()), id);
        }
        for u in [Upload::Provider, Upload::WechatMiniProgram] {
            assert_eq!(name(serde_json::to_value(u).unwrap()), u.id());
        }
        for r in [Route::Electronic, Route::Manual] {
            assert_eq!(name(serde_json::to_value(r).unwrap()), r.id());
        }
    }

    #[test]
    fn reads_options_as_serde_json_does() {
        for text in [r#"{}"#, r#"{"provider":"nwcd","today":"2026-11-23","locale":"en"}"#, r#"{"today":"2026-13-01"}"#, r#"{"today":"a very long text that is not a date"}"#, r#"{"today":5}"#, r#"{"today":null}"#, r#"{"x":1}"#, r#"{"locale":["en"]}"#] {
            let serde = serde_json::from_str::<Options>(text).map_err(|e| e.to_string());
            assert_eq!(options(text).map_err(|r| r.text), serde, "{text}");
        }
    }
}
