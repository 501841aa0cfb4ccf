//! The message catalog: every code the library can return, with its templates per locale,
//! and every word its findings name (terms, provinces, providers), as one table a build
//! step can export (`icp-validate catalog`) so that any front end can word findings itself.

use crate::message::{Code, Locale, Term};

pub use crate::docs::fields_markdown;
#[cfg(feature = "schema")]
pub use crate::docs::api_schema_json;
#[cfg(feature = "schema")]
pub use crate::filing::schema_json as filing_schema_json;
pub use crate::message::placeholders;

/// Every code: the registry's (fields, attachments, documents, providers) then the filing's.
///
/// ```
/// let codes = icp_validate::catalog::codes();
/// assert!(codes.iter().any(|c| c.id == "filing.malformed"));
/// ```
pub fn codes() -> Vec<&'static Code> {
    let mut codes = crate::registry::all_codes();
    for code in crate::filing::codes() {
        if !codes.iter().any(|c| c.id == code.id) {
            codes.push(code);
        }
    }
    codes
}

/// The codes any field can return besides its own list ([`FieldInfo::codes`](crate::FieldInfo)):
/// the input screening every value passes first (`input.*`), an unknown field id and a
/// context that cannot be understood.
///
/// ```
/// let ids: Vec<&str> = icp_validate::catalog::shared_field_codes().iter().map(|c| c.id).collect();
/// assert!(ids.contains(&"input.empty") && ids.contains(&"field.unknown"));
/// ```
pub fn shared_field_codes() -> &'static [&'static Code] {
    crate::input::CODES
}

/// The catalog entry of a code id.
///
/// ```
/// use icp_validate::{catalog, Locale};
///
/// let code = catalog::code("resident_id.checksum").unwrap();
/// // Without the `messages` feature templates are empty, and capabilities() says so.
/// assert_eq!(code.template(Locale::En).is_empty(), !icp_validate::capabilities().messages);
/// assert!(catalog::code("no.such_code").is_none());
/// ```
pub fn code(id: &str) -> Option<&'static Code> {
    codes().into_iter().find(|c| c.id == id)
}

/// Every term a finding can carry as a value, each once.
///
/// ```
/// let terms = icp_validate::catalog::terms();
/// assert!(terms.iter().any(|t| t.id == "individual"));
/// ```
pub fn terms() -> Vec<&'static Term> {
    use crate::filing::terms as f;
    let mut v: Vec<&'static Term> = vec![&crate::input::NOT_TEXT, &crate::input::LINE_NOT_JSON, &crate::input::LINE_NOT_OBJECT, &crate::input::SPACE];
    v.extend([&crate::input::NOT_BYTES, &crate::input::NOT_FILE, &crate::input::FILE_UNREADABLE]);
    v.extend([&crate::rules::domain::LATIN, &crate::rules::domain::CYRILLIC, &crate::rules::domain::GREEK]);
    v.extend([&crate::rules::phone::SATELLITE, &crate::rules::phone::EMERGENCY, &crate::rules::phone::DATA_ONLY]);
    v.extend([&crate::rules::phone::NATIONWIDE_BASIS, &crate::rules::phone::BLOCK_LEVEL_BASIS]);
    v.extend([&f::ENTITY_ADDRESS, &f::SERVICES, &f::WEBSITE_DOMAIN, &f::APP_PLATFORMS, &f::PLATFORM, &f::ACCESS_IPS, &f::CERTIFICATE_TYPE, &f::NAME_MISSING]);
    {
        use crate::filing::rules::record_service_type as r;
        v.extend([&r::WEBSITE, &r::APP, &r::MINI_PROGRAM]);
    }
    v.extend([&f::NOT_JSON, &f::NOT_OBJECT, &f::UNKNOWN_KEY, &f::UNKNOWN_VALUE, &f::WRONG_TYPE, &f::TOO_DEEP, &f::NOT_SERIALISABLE, &f::OPTIONS_MALFORMED]);
    v.extend(crate::context::EntityType::ALL.iter().map(|e| e.term()));
    for p in crate::providers::PROVIDERS {
        if !v.iter().any(|t| t.id == p.uscc_province_advice.id) {
            v.push(p.uscc_province_advice);
        }
    }
    v.extend(crate::documents::PRE_APPROVAL_CATEGORIES.iter().map(|c| &c.term));
    v.extend(crate::appfile::TERMS.iter().copied());
    v
}

fn pair(zh: &str, en: &str) -> serde_json::Value {
    serde_json::json!({ Locale::ZhCn.tag(): zh, Locale::En.tag(): en })
}

/// The whole catalog as JSON: `codes` (id -> template per locale), `terms`, `provinces`
/// (GB/T 2260 code -> name), `providers` (id -> name), `documents` (checklist id -> name),
/// `fields` (field id -> label) and the list `separator`; templates
/// name their params as `{name}`, and a term's own text may name the finding's other params.
///
/// ```
/// let table = icp_validate::catalog::table();
/// let messages = icp_validate::capabilities().messages;
/// assert_eq!(table["providers"]["nwcd"]["zh-CN"], if messages { "西云数据" } else { "" });
/// assert!(table["codes"]["resident_id.checksum"]["en"].is_string());
/// ```
pub fn table() -> serde_json::Value {
    let mut codes = serde_json::Map::new();
    for c in codes_sorted() {
        codes.insert(c.id.to_owned(), pair(c.zh, c.en));
    }
    let mut terms_map = serde_json::Map::new();
    for t in terms() {
        terms_map.insert(t.id.to_owned(), pair(t.zh, t.en));
    }
    let mut provinces = serde_json::Map::new();
    for p in crate::region::provinces() {
        provinces.insert(p.code.to_string(), pair(p.name_zh, p.name_en()));
    }
    let mut providers = serde_json::Map::new();
    for p in crate::providers::PROVIDERS {
        providers.insert(p.id.to_owned(), pair(p.name_zh, p.name_en));
    }
    let mut documents = serde_json::Map::new();
    for d in crate::documents::DOCUMENTS {
        documents.insert(d.id.to_owned(), pair(d.zh, d.en));
    }
    let mut fields = serde_json::Map::new();
    for r in crate::registry::rules() {
        fields.insert(r.id.to_owned(), pair(r.label_zh, r.label_en));
    }
    serde_json::json!({
        "version": version(),
        "codes": codes,
        "terms": terms_map,
        "provinces": provinces,
        "providers": providers,
        "documents": documents,
        "fields": fields,
        "separator": pair(Locale::ZhCn.list_separator(), Locale::En.list_separator()),
    })
}

/// The version a caller reports: the crate version with the data version as semver build
/// metadata (`0.1.0+data.2026-11-23`), so a result can be traced to its tables.
///
/// ```
/// let v = icp_validate::catalog::version();
/// assert!(v.ends_with(&format!("+data.{}", icp_validate::data_version())));
/// ```
pub fn version() -> String {
    format!("{}+data.{}", env!("CARGO_PKG_VERSION"), crate::registry::data_version())
}

/// The first and last lines of the generated block of pkg-templates/api.js.
pub const WORDING_BEGIN: &str = "// Generated by tools/gen_wording.sh (examples/gen_wording.rs) from the Rust tables; do not edit.";
/// The line that ends the generated wording table in api.js.
pub const WORDING_END: &str = "// End of the generated wording table.";

/// The wording table the package's JS interprets (the generated block of
/// pkg-templates/api.js), so that what JS and Rust word alike comes from one definition:
/// `languages` and `fallback`, how a locale tag is read (`Locale`'s `FromStr`: its primary
/// language subtag, lower case); `tags`, the key of each typed value in the wasm modules'
/// compact answers and the catalog section wording it (`message::WireTag`), and `template`,
/// the tag whose text is itself filled from the finding's params; `spacing`, how each
/// locale's templates space a placeholder (`registry::render::Spacing`). The templates and
/// words themselves are the catalog modules (`icp-validate catalog`, tools/build-pkg.sh).
pub fn wording_js() -> String {
    use crate::message::WireTag;
    use crate::registry::render::Spacing;
    let mut languages = serde_json::Map::new();
    let mut spacing = serde_json::Map::new();
    for l in Locale::ALL {
        languages.insert(l.language().to_owned(), l.tag().into());
        spacing.insert(l.tag().to_owned(), Spacing::of(l).id().into());
    }
    let mut tags = serde_json::Map::new();
    for t in WireTag::ALL {
        tags.insert(t.key().to_owned(), t.section().into());
    }
    let table = serde_json::json!({
        "languages": languages,
        "fallback": Locale::default().tag(),
        "tags": tags,
        "template": WireTag::Term.key(),
        "spacing": spacing,
    });
    format!("{WORDING_BEGIN}\nconst WORDING = {table};\n{WORDING_END}\n")
}

fn codes_sorted() -> Vec<&'static Code> {
    let mut v = codes();
    v.sort_by_key(|c| c.id);
    v
}

#[cfg(feature = "messages")]
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_holds_every_code_and_term_once() {
        let t = table();
        assert_eq!(t["codes"].as_object().unwrap().len(), codes().len(), "a code id is declared twice");
        assert_eq!(t["terms"].as_object().unwrap().len(), terms().len(), "a term id is used twice");
        assert_eq!(t["provinces"].as_object().unwrap().len(), 34);
        assert_eq!(t["codes"]["resident_id.checksum"]["en"], "The check character does not match; a character is probably mistyped");
        assert_eq!(t["providers"]["nwcd"]["zh-CN"], "西云数据");
        assert_eq!(t["documents"].as_object().unwrap().len(), crate::documents::DOCUMENTS.len(), "a document id is used twice");
        assert_eq!(t["documents"]["authorization_letter"]["zh-CN"], crate::documents::document("authorization_letter").unwrap().zh);
        assert_eq!(t["fields"].as_object().unwrap().len(), crate::registry::rules().count(), "a field id is registered twice");
        assert_eq!(t["fields"]["resident_id"]["en"], "Resident ID number");
        // Every code a filing can word (verification notes of every provider included).
        for p in crate::providers::PROVIDERS {
            for (_, note) in p.verification_notes {
                assert!(t["codes"].get(note.id).is_some(), "{} is not in the catalog", note.id);
            }
        }
    }

    fn wording_table() -> serde_json::Value {
        let js = wording_js();
        let json = js.split("const WORDING = ").nth(1).and_then(|rest| rest.split(";\n").next()).expect("const WORDING = {...};");
        serde_json::from_str(json).unwrap()
    }

    /// The JS reading of a tag (pkg-templates/api.js `localeTag`) over the generated table
    /// gives what `Locale`'s `FromStr` gives.
    #[test]
    fn the_wording_table_reads_locale_tags_as_rust_does() {
        let t = wording_table();
        for tag in ["zh", "zh-CN", "zh_Hans_CN", " EN-us ", "en", "fr", "", "-", "english", "ZH"] {
            let primary = tag.trim().split(['-', '_']).next().unwrap().to_ascii_lowercase();
            let js = t["languages"].get(&primary).unwrap_or(&t["fallback"]);
            assert_eq!(js, Locale::parse(tag).unwrap_or_default().tag(), "{tag:?}");
        }
    }

    #[test]
    fn every_typed_value_tag_names_a_catalog_section() {
        use crate::message::{Value, WireTag};
        let (t, catalog) = (wording_table(), table());
        for tag in WireTag::ALL {
            let section = t["tags"][tag.key()].as_str().unwrap();
            assert!(catalog[section].is_object(), "{section}");
        }
        assert_eq!(Value::Term(&crate::input::NOT_TEXT).wire_tag(), Some(WireTag::Term));
        assert_eq!(Value::TermList(Box::new([])).wire_tag(), Some(WireTag::TermList));
        assert_eq!(Value::text("x").wire_tag(), None);
        assert_eq!(t["template"], WireTag::Term.key());
        for l in Locale::ALL {
            assert_eq!(t["spacing"][l.tag()], crate::registry::render::Spacing::of(l).id());
        }
    }
}
