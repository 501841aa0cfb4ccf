//! The npm package's IDN module: the UTS 46 operations of the core's src/rules/idn.rs answered by the
//! `idna` crate, for the field module, which links no UTS 46 tables and asks this module
//! (installed with its `useIdn`) for names that are not plain ASCII.

use wasm_bindgen::prelude::*;

use icp_validate::Uts46Part;
use icp_validate::__shell::Idna;

/// `idnToAscii(name, std3)`: ToASCII (`std3`: the domain rule's form), `undefined` when refused.
#[wasm_bindgen(js_name = idnToAscii)]
pub fn to_ascii(name: &str, std3: bool) -> Option<String> {
    Idna.to_ascii(name, std3)
}

/// `idnToUnicode(name)`: ToUnicode, prefixed `1` when no error was found, else `0`.
#[wasm_bindgen(js_name = idnToUnicode)]
pub fn to_unicode(name: &str) -> String {
    let (unicode, ok) = Idna.to_unicode(name);
    format!("{}{unicode}", if ok { '1' } else { '0' })
}
