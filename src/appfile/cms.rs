//! CMS / PKCS#7 SignedData (RFC 5652 section 5; RFC 2315 for PKCS#7 v1.5): the embedded
//! certificates, which of them signed, and the encapsulated content. Signatures are not
//! verified: the filing needs the certificate, and the platforms verify on install.

use super::codes::Bad;
use super::der::{octets, Reader, Tlv, INTEGER, OID, SEQUENCE, SET};

const SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

pub struct SignedData<'a> {
    /// Each certificate's DER, in the order stored.
    pub certificates: Vec<&'a [u8]>,
    /// Indexes into `certificates` of the certificates that signed (signer infos whose
    /// issuer and serial number name one), signers' order.
    pub signers: Vec<usize>,
    /// The encapsulated content (a provisioning profile's plist), when attached.
    pub content: Option<Vec<u8>>,
}

pub fn parse(der: &[u8]) -> Result<SignedData<'_>, Bad> {
    let info = Reader::new(der).expect(SEQUENCE)?;
    let mut i = info.children();
    if i.expect(OID)?.content != SIGNED_DATA {
        return Err(Bad::Malformed);
    }
    let explicit = i.expect(0xa0)?;
    let sd = explicit.children().expect(SEQUENCE)?;
    let mut s = sd.children();
    s.expect(INTEGER)?;
    s.expect(SET)?;
    let encap = s.expect(SEQUENCE)?;
    let mut e = encap.children();
    e.expect(OID)?;
    let content = match e.optional(0xa0)? {
        Some(wrapped) => {
            let inner = wrapped.children().next()?;
            let mut out = Vec::new();
            octets(&inner, &mut out)?;
            Some(out)
        }
        None => None,
    };
    let mut certificates = Vec::new();
    if let Some(set) = s.optional(0xa0)? {
        let mut c = set.children();
        while !c.is_empty() {
            let choice = c.next()?;
            // Other CertificateChoices (attribute certificates, [0]-[3]) are not X.509 certificates.
            if choice.tag == SEQUENCE {
                certificates.push(choice.raw);
            }
        }
    }
    s.optional(0xa1)?;
    let infos = s.expect(SET)?;
    let mut signers = Vec::new();
    let mut r = infos.children();
    while !r.is_empty() {
        let info = r.expect(SEQUENCE)?;
        let mut f = info.children();
        f.expect(INTEGER)?;
        let sid = f.next()?;
        if sid.tag != SEQUENCE {
            // SubjectKeyIdentifier [0]: not matched here.
            continue;
        }
        let mut id = sid.children();
        let (issuer, serial) = (id.expect(SEQUENCE)?, id.expect(INTEGER)?);
        if let Some(k) = certificates.iter().position(|c| issuer_and_serial(c).is_ok_and(|(i, s)| i.raw == issuer.raw && s.raw == serial.raw)) {
            if !signers.contains(&k) {
                signers.push(k);
            }
        }
    }
    Ok(SignedData { certificates, signers, content })
}

fn issuer_and_serial<'a>(cert: &'a [u8]) -> Result<(Tlv<'a>, Tlv<'a>), Bad> {
    let c = Reader::new(cert).expect(SEQUENCE)?;
    let tbs = c.children().expect(SEQUENCE)?;
    let mut t = tbs.children();
    t.optional(0xa0)?;
    let serial = t.expect(INTEGER)?;
    t.expect(SEQUENCE)?;
    Ok((t.expect(SEQUENCE)?, serial))
}
