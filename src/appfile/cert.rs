//! X.509 certificates (RFC 5280 section 4.1): subject, issuer, validity, the public key as
//! the filing asks for it (Base64 SubjectPublicKeyInfo, what `openssl x509 -pubkey`
//! prints between its PEM lines) and the fingerprints over the DER encoding, MD5 in the
//! colon form consoles and `keytool` show.

use md5::{Digest, Md5};
use serde::Serialize;
use sha1::Sha1;
use sha2::Sha256;

use super::codes::Bad;
use super::der::{Reader, Tlv, BIT_STRING, INTEGER, OID, SEQUENCE};
use crate::date::Date;

/// A certificate as the filer needs to see it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Certificate {
    /// RFC 4514 order, most specific first, as `keytool` and `apksigner` print it.
    pub subject: String,
    /// The issuer's name, in the same order as `subject`.
    pub issuer: String,
    /// Upper-case hex.
    pub serial: String,
    /// `YYYY-MM-DDTHH:MM:SSZ`.
    pub not_before: String,
    /// End of validity, `YYYY-MM-DDTHH:MM:SSZ`.
    pub not_after: String,
    /// First day of validity (`not_before`), for comparisons.
    #[serde(skip)]
    pub valid_from: Date,
    /// Last day of validity (`not_after`), for comparisons.
    #[serde(skip)]
    pub valid_to: Date,
    /// `RSA`, `EC`, `DSA`, `Ed25519`, `Ed448` or the algorithm's dotted OID.
    pub key_algorithm: String,
    /// Modulus, curve or prime size; 0 when unknown.
    pub key_bits: u32,
    /// The EC curve (`P-256`, `P-384`, `P-521`) or the OID of another one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_curve: Option<String>,
    /// Base64 of the DER SubjectPublicKeyInfo, one line.
    pub public_key: String,
    /// `AB:CD:...` (the consoles' form).
    pub md5: String,
    /// 32 upper-case hex digits (what the `md5` field normalises to).
    pub md5_hex: String,
    /// SHA-1 fingerprint, `AB:CD:...`.
    pub sha1: String,
    /// SHA-256 fingerprint, `AB:CD:...`.
    pub sha256: String,
    /// Where the certificate was found: `v1`, `v2`, `v3`, `lineage`, `embedded.mobileprovision`,
    /// `file`; in a HAP `hap_signature` (the signer), `hap_chain` (the rest of the signature's
    /// certificate set), `hap_profile` (the certificate the profile names).
    pub found_in: Vec<&'static str>,
}

impl Certificate {
    /// Android's debug keystore certificate (`CN=Android Debug, O=Android, C=US`, Android
    /// developer docs, "Sign your debug build").
    pub fn is_debug(&self) -> bool {
        self.subject.split(", ").any(|rdn| rdn == "CN=Android Debug")
    }
}

pub fn parse(der: &[u8]) -> Result<Certificate, Bad> {
    let mut top = Reader::new(der);
    let cert = top.expect(SEQUENCE)?;
    if !top.is_empty() {
        return Err(Bad::Malformed);
    }
    let mut c = cert.children();
    let tbs = c.expect(SEQUENCE)?;
    let mut t = tbs.children();
    t.optional(0xa0)?;
    let serial = t.expect(INTEGER)?;
    t.expect(SEQUENCE)?;
    let issuer = t.expect(SEQUENCE)?;
    let validity = t.expect(SEQUENCE)?;
    let subject = t.expect(SEQUENCE)?;
    let spki = t.expect(SEQUENCE)?;
    let mut v = validity.children();
    let (valid_from, not_before) = time(&v.next()?)?;
    let (valid_to, not_after) = time(&v.next()?)?;
    let (key_algorithm, key_bits, key_curve) = key(&spki)?;
    Ok(Certificate {
        subject: name(&subject)?,
        issuer: name(&issuer)?,
        serial: hex(serial.content.strip_prefix(&[0][..]).filter(|s| !s.is_empty()).unwrap_or(serial.content), ""),
        not_before,
        not_after,
        valid_from,
        valid_to,
        key_algorithm,
        key_bits,
        key_curve,
        public_key: crate::rules::app::base64_encode(spki.raw),
        md5: hex(&Md5::digest(der), ":"),
        md5_hex: hex(&Md5::digest(der), ""),
        sha1: hex(&Sha1::digest(der), ":"),
        sha256: hex(&Sha256::digest(der), ":"),
        found_in: Vec::new(),
    })
}

pub fn hex(bytes: &[u8], sep: &str) -> String {
    let mut s = String::with_capacity(bytes.len() * 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(&format!("{b:02X}"));
    }
    s
}

/// UTCTime (years 1950-2049) or GeneralizedTime, in UTC (RFC 5280 4.1.2.5).
fn time(t: &Tlv<'_>) -> Result<(Date, String), Bad> {
    let s = std::str::from_utf8(t.content).map_err(|_| Bad::Malformed)?;
    let s = s.strip_suffix('Z').ok_or(Bad::Malformed)?;
    let full = match (t.tag, s.len()) {
        (0x17, 12) => format!("{}{s}", if s[..2].parse::<u8>().map_err(|_| Bad::Malformed)? >= 50 { "19" } else { "20" }),
        (0x18, 14) => s.to_owned(),
        _ => return Err(Bad::Malformed),
    };
    if !full.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Bad::Malformed);
    }
    let date = Date::from_compact(&full[..8]).ok_or(Bad::Malformed)?;
    let (h, m, sec) = (&full[8..10], &full[10..12], &full[12..14]);
    if h > "23" || m > "59" || sec > "60" {
        return Err(Bad::Malformed);
    }
    Ok((date, format!("{date}T{h}:{m}:{sec}Z")))
}

/// A Name as `CN=..., O=..., C=...` (RFC 4514 order: the last RDN first).
fn name(n: &Tlv<'_>) -> Result<String, Bad> {
    let mut rdns = Vec::new();
    let mut r = n.children();
    while !r.is_empty() {
        let set = r.expect(super::der::SET)?;
        let mut parts = Vec::new();
        let mut s = set.children();
        while !s.is_empty() {
            let atv = s.expect(SEQUENCE)?;
            let mut a = atv.children();
            let oid = a.expect(OID)?;
            let value = a.next()?;
            parts.push(format!("{}={}", attribute_name(oid.content), quoted(&string(&value)?)));
        }
        rdns.push(parts.join(" + "));
    }
    rdns.reverse();
    Ok(rdns.join(", "))
}

/// Quotes a value with a separator in it, as `keytool` does.
fn quoted(v: &str) -> String {
    if v.contains([',', '+', '=', '"', '\\', '<', '>', ';']) || v.starts_with(' ') || v.ends_with(' ') {
        format!("\"{}\"", v.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        v.to_owned()
    }
}

/// Attribute types of RFC 4519 and RFC 5280 by their short names.
fn attribute_name(oid: &[u8]) -> String {
    match oid {
        [0x55, 0x04, n] => match n {
            3 => "CN",
            4 => "SURNAME",
            5 => "SERIALNUMBER",
            6 => "C",
            7 => "L",
            8 => "ST",
            9 => "STREET",
            10 => "O",
            11 => "OU",
            12 => "T",
            42 => "GIVENNAME",
            _ => return format!("OID.2.5.4.{n}"),
        }
        .to_owned(),
        [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01] => "EMAILADDRESS".to_owned(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01] => "UID".to_owned(),
        [0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19] => "DC".to_owned(),
        _ => format!("OID.{}", dotted(oid)),
    }
}

fn dotted(oid: &[u8]) -> String {
    let mut arcs: Vec<u64> = Vec::new();
    let mut acc: u64 = 0;
    for &b in oid {
        acc = (acc << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = (acc / 40).min(2);
                arcs.push(first);
                arcs.push(acc - first * 40);
            } else {
                arcs.push(acc);
            }
            acc = 0;
        }
        if acc > u64::MAX >> 8 {
            break;
        }
    }
    arcs.iter().map(u64::to_string).collect::<Vec<_>>().join(".")
}

/// DirectoryString and the other string types names use (X.680 section 41).
fn string(v: &Tlv<'_>) -> Result<String, Bad> {
    match v.tag {
        // UTF8String, PrintableString, IA5String, NumericString, VisibleString
        0x0c | 0x13 | 0x16 | 0x12 | 0x1a => Ok(String::from_utf8_lossy(v.content).into_owned()),
        // TeletexString: Latin-1 in practice.
        0x14 => Ok(v.content.iter().map(|&b| char::from(b)).collect()),
        // BMPString: UTF-16BE.
        0x1e => {
            let units: Vec<u16> = v.content.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
            Ok(String::from_utf16_lossy(&units))
        }
        // UniversalString: UTF-32BE.
        0x1c => Ok(v.content.chunks(4).map(|c| c.iter().fold(0u32, |a, &b| (a << 8) | u32::from(b))).map(|u| char::from_u32(u).unwrap_or('\u{fffd}')).collect()),
        _ => Ok(format!("#{}", hex(v.raw, "").to_ascii_lowercase())),
    }
}

const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_DSA: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01];

/// Algorithm, size and curve of a SubjectPublicKeyInfo (RFC 5280 4.1.2.7; RFC 3279, RFC 5480, RFC 8410).
fn key(spki: &Tlv<'_>) -> Result<(String, u32, Option<String>), Bad> {
    let mut r = spki.children();
    let alg = r.expect(SEQUENCE)?;
    let bits = r.expect(BIT_STRING)?;
    let mut a = alg.children();
    let oid = a.expect(OID)?;
    let params = if a.is_empty() { None } else { Some(a.next()?) };
    let key = bits.content.get(1..).ok_or(Bad::Truncated)?;
    Ok(match oid.content {
        OID_RSA => {
            let rsa = Reader::new(key).expect(SEQUENCE)?;
            ("RSA".into(), integer_bits(rsa.children().expect(INTEGER)?.content), None)
        }
        OID_EC => {
            let curve = params.filter(|p| p.tag == OID).ok_or(Bad::Malformed)?;
            let (name, size) = match curve.content {
                [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07] => ("P-256".to_owned(), 256),
                [0x2b, 0x81, 0x04, 0x00, 0x22] => ("P-384".to_owned(), 384),
                [0x2b, 0x81, 0x04, 0x00, 0x23] => ("P-521".to_owned(), 521),
                other => (dotted(other), 0),
            };
            ("EC".into(), size, Some(name))
        }
        OID_DSA => {
            let p = params.filter(|p| p.tag == SEQUENCE).map(|p| p.children().expect(INTEGER)).transpose()?;
            ("DSA".into(), p.map_or(0, |p| integer_bits(p.content)), None)
        }
        [0x2b, 0x65, 0x70] => ("Ed25519".into(), 256, None),
        [0x2b, 0x65, 0x71] => ("Ed448".into(), 456, None),
        other => (dotted(other), 0, None),
    })
}

fn integer_bits(n: &[u8]) -> u32 {
    let n = &n[n.iter().take_while(|&&b| b == 0).count()..];
    n.first().map_or(0, |&top| (n.len() * 8) as u32 - top.leading_zeros())
}

/// The DER certificates of a PEM text (`-----BEGIN CERTIFICATE-----` blocks, a chain in
/// order), or `None` when the text has none (RFC 7468).
pub fn pem_certificates(text: &str) -> Option<Result<Vec<Vec<u8>>, Bad>> {
    const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
    const END: &str = "-----END CERTIFICATE-----";
    if !text.contains(BEGIN) {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(BEGIN) {
        let body = &rest[at + BEGIN.len()..];
        let Some(end) = body.find(END) else { return Some(Err(Bad::Truncated)) };
        match crate::rules::app::base64_decode_text(&body[..end]) {
            Some(der) => out.push(der),
            None => return Some(Err(Bad::Malformed)),
        }
        rest = &body[end + END.len()..];
    }
    Some(Ok(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_and_times() {
        assert_eq!(dotted(&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]), "1.2.840.113549.1.1.1");
        assert_eq!(dotted(&[0x55, 0x04, 0x03]), "2.5.4.3");
        let (d, s) = time(&Tlv { tag: 0x17, content: b"491231235959Z", raw: &[] }).unwrap();
        assert_eq!((d, s.as_str()), (Date::new(2049, 12, 31).unwrap(), "2049-12-31T23:59:59Z"));
        let (d, _) = time(&Tlv { tag: 0x17, content: b"500101000000Z", raw: &[] }).unwrap();
        assert_eq!(d.year, 1950);
        assert!(time(&Tlv { tag: 0x18, content: b"20261301000000Z", raw: &[] }).is_err());
        assert_eq!(integer_bits(&[0x00, 0x80, 0x00]), 16);
    }
}
