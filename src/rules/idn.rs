//! The three UTS 46 operations the domain and e-mail rules use (Unicode TR 46, through the
//! `idna` crate), with a fast path for plain ASCII names that gives the crate's answer
//! without its tables (a test here compares the two over generated names).
//!
//! The `idna` tables are the `uts46` feature. The npm package's field module leaves it out:
//! the tables are about a quarter of the module, and most names typed are ASCII. There the
//! embedding installs the IDN module's answers ([`install_uts46`]); a name that needs them
//! before they are installed is recorded ([`take_missed`]) so the caller can say "not loaded
//! yet" instead of a verdict (natively: `input.uts46_unavailable`, src/registry/mod.rs).

use std::borrow::Cow;

/// UTS 46 answered by another part (the package's IDN module), installed by the embedding.
pub trait Uts46Part {
    /// ToASCII with STD3 rules (`std3`: the domain rule's form, first and last hyphens
    /// checked) or without (the e-mail rule's, hyphens allowed); `None` when refused.
    fn to_ascii(&self, s: &str, std3: bool) -> Option<String>;
    /// ToUnicode without STD3 rules, hyphens allowed; the flag says no error was found.
    fn to_unicode(&self, s: &str) -> (String, bool);
}

/// UTS 46 refuses the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refused;

/// A name whose labels are ASCII and none an A-label (`xn--`): UTS 46 only lower-cases it.
fn plain_ascii(s: &str) -> bool {
    s.is_ascii() && !s.split('.').any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
}

/// ToASCII as the domain rule asks: STD3 rules, hyphens checked at both ends of a label,
/// DNS lengths left to the rule. `Err` when UTS 46 refuses the name.
pub fn to_ascii_std3(s: &str) -> Result<Cow<'_, str>, Refused> {
    if plain_ascii(s) {
        let ldh = s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        let hyphens_ok = s.split('.').all(|l| !l.starts_with('-') && !l.ends_with('-'));
        return if ldh && hyphens_ok { Ok(lower(s)) } else { Err(Refused) };
    }
    full::to_ascii(s, true).map(Cow::Owned)
}

/// ToASCII as `idna::domain_to_ascii` does it (no STD3 rules, hyphens allowed).
pub fn to_ascii(s: &str) -> Result<String, Refused> {
    if plain_ascii(s) {
        return Ok(s.to_ascii_lowercase());
    }
    full::to_ascii(s, false)
}

/// ToUnicode as `idna::domain_to_unicode` does it; the flag says no error was found.
pub fn to_unicode(s: &str) -> (String, bool) {
    if plain_ascii(s) {
        return (s.to_ascii_lowercase(), true);
    }
    full::to_unicode(s)
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The answers of an installed part, when there is one; else the `idna` tables linked here
/// (feature `uts46`); else none, recorded as missed ([`take_missed`]).
mod full {
    use std::cell::{Cell, RefCell};

    thread_local! {
        static APART: RefCell<Option<Box<dyn super::Uts46Part>>> = const { RefCell::new(None) };
        static MISSED: Cell<bool> = const { Cell::new(false) };
    }

    /// Installs the answers of another part (the npm package's IDN module).
    pub fn install_uts46(uts46: Box<dyn super::Uts46Part>) {
        APART.with(|a| *a.borrow_mut() = Some(uts46));
    }

    /// Whether UTS 46 answers here: linked (`uts46`) or installed.
    pub fn uts46_available() -> bool {
        cfg!(feature = "uts46") || APART.with(|a| a.borrow().is_some())
    }

    /// Whether a name needed UTS 46 since the last call while none answered here (no
    /// `uts46` feature and nothing installed); clears the record.
    pub fn take_missed() -> bool {
        MISSED.with(|m| m.replace(false))
    }

    /// Records a miss again (for the shell after the registry's typed answer).
    #[cfg(not(feature = "uts46"))]
    pub fn record_missed() {
        MISSED.with(|m| m.set(true));
    }

    fn ask<T>(question: impl FnOnce(&dyn super::Uts46Part) -> T, unanswered: impl FnOnce() -> T) -> T {
        APART.with(|a| match a.borrow().as_deref() {
            Some(uts46) => question(uts46),
            None => unanswered(),
        })
    }

    pub fn to_ascii(s: &str, std3: bool) -> Result<String, super::Refused> {
        ask(|u| u.to_ascii(s, std3).ok_or(super::Refused), || super::here::to_ascii(s, std3))
    }

    pub fn to_unicode(s: &str) -> (String, bool) {
        ask(|u| u.to_unicode(s), || super::here::to_unicode(s))
    }
}

/// The `idna` tables (feature `uts46`).
#[cfg(feature = "uts46")]
mod here {
    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

    pub fn to_ascii(s: &str, std3: bool) -> Result<String, super::Refused> {
        let (deny, hyphens) = if std3 { (AsciiDenyList::STD3, Hyphens::CheckFirstLast) } else { (AsciiDenyList::EMPTY, Hyphens::Allow) };
        Uts46::new().to_ascii(s.as_bytes(), deny, hyphens, DnsLength::Ignore).map(|c| c.into_owned()).map_err(|_| super::Refused)
    }

    pub fn to_unicode(s: &str) -> (String, bool) {
        let (unicode, ok) = idna::domain_to_unicode(s);
        (unicode, ok.is_ok())
    }
}

/// No tables linked: the name is recorded as missed and refused, which the registry
/// turns into `input.uts46_unavailable` (and the browser shell into "not loaded yet").
#[cfg(not(feature = "uts46"))]
mod here {
    use super::full::record_missed as missed;

    pub fn to_ascii(_: &str, _: bool) -> Result<String, super::Refused> {
        missed();
        Err(super::Refused)
    }

    pub fn to_unicode(s: &str) -> (String, bool) {
        missed();
        (s.to_owned(), false)
    }
}

pub use full::{install_uts46, take_missed, uts46_available};
#[cfg(not(feature = "uts46"))]
pub use full::record_missed;

/// The answers of the `idna` crate itself, for the npm package's IDN module.
#[cfg(feature = "uts46")]
pub struct Idna;

#[cfg(feature = "uts46")]
impl Uts46Part for Idna {
    fn to_ascii(&self, s: &str, std3: bool) -> Option<String> {
        here::to_ascii(s, std3).ok()
    }
    fn to_unicode(&self, s: &str) -> (String, bool) {
        here::to_unicode(s)
    }
}

#[cfg(feature = "uts46")]
#[cfg(test)]
mod tests {
    use super::*;

    /// Every name of up to `len` characters over `alphabet`, or a sample when too many.
    fn names(alphabet: &[char], len: usize) -> Vec<String> {
        let mut out = vec![String::new()];
        let mut level = vec![String::new()];
        for _ in 0..len {
            level = level.iter().flat_map(|p| alphabet.iter().map(move |c| format!("{p}{c}"))).collect();
            out.extend(level.iter().cloned());
        }
        out
    }

    #[test]
    fn the_ascii_fast_path_answers_as_idna() {
        // Every name of up to 5 characters over letters of both cases, a digit, the
        // separators and the characters STD3 and the URL rules treat specially.
        let mut all = names(&['a', 'X', '1', '-', '.', '_', ' ', '%', '@'], 5);
        all.extend(["xn--", "XN--", "xn--a", "a.xn--b", "ab--c", "-a.b", "a-.b", "a..b", "a.b.", ".a", "xn--fiqs8s", "Xn--Fiqs8S.cn", "xn-a.com", "bücher", "a.中国"].map(String::from));
        for s in &all {
            let std3 = idna::uts46::Uts46::new().to_ascii(s.as_bytes(), AsciiDenyList::STD3, Hyphens::CheckFirstLast, DnsLength::Ignore).map(|c| c.into_owned()).map_err(|_| Refused);
            assert_eq!(to_ascii_std3(s).map(|c| c.into_owned()), std3, "to_ascii_std3 {s:?}");
            assert_eq!(to_ascii(s), idna::domain_to_ascii(s).map_err(|_| Refused), "to_ascii {s:?}");
            let (unicode, ok) = idna::domain_to_unicode(s);
            assert_eq!(to_unicode(s), (unicode, ok.is_ok()), "to_unicode {s:?}");
        }
    }

    use idna::uts46::{AsciiDenyList, DnsLength, Hyphens};
}
