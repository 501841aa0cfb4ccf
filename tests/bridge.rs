//! The wire between the package's two wasm modules (src/registry/bridge.rs) loses nothing:
//! every field outcome of the baseline corpus and every context the filing walk builds come
//! back exactly as sent, so the filing module answers as the native check does.

use icp_validate::context::{CertificateType, EntityType, Platform};
use icp_validate::province_code::ProvinceCode;
use icp_validate::registry::bridge::{decode_context, decode_outcome, encode_context, encode_outcome};
use icp_validate::{check_field, Context, Date, Value};

/// Values as the package carries them: a term by its id (the filing module words nothing, so
/// its terms have no text), everything else exactly, variant included.
fn shape(pairs: &[(&'static str, Value)]) -> Vec<(&'static str, String)> {
    pairs
        .iter()
        .map(|(k, v)| {
            let shown = match v {
                Value::Term(t) => format!("Term({})", t.id),
                Value::TermList(ts) => format!("TermList({:?})", ts.iter().map(|t| t.id).collect::<Vec<_>>()),
                other => format!("{other:?}"),
            };
            (*k, shown)
        })
        .collect()
}

#[test]
fn every_baseline_outcome_round_trips() {
    let corpus = include_str!("baseline/fields.jsonl");
    let mut count = 0;
    let mut with_params = 0;
    for line in corpus.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let ctx: Context = serde_json::from_value(v["context"].clone()).unwrap();
        let field = v["field"].as_str().unwrap();
        let value = v["value"].as_str().unwrap_or("");
        // Through the wire both ways, as the filing module asks and the field module answers.
        let sent = decode_context(&encode_context(&ctx)).unwrap_or_else(|| panic!("context of {line}"));
        assert_eq!(sent, ctx, "{line}");
        let out = check_field(field, value, &ctx);
        let back = decode_outcome(&encode_outcome(&out)).unwrap_or_else(|| panic!("outcome of {line}"));
        assert_eq!(format!("{:?}", back.normalized), format!("{:?}", out.normalized), "{line}");
        assert_eq!(shape(&back.details), shape(&out.details), "{line}");
        assert_eq!(back.findings.len(), out.findings.len(), "{line}");
        for (b, o) in back.findings.iter().zip(&out.findings) {
            assert_eq!((b.code.id, b.severity, shape(&b.params)), (o.code.id, o.severity, shape(&o.params)), "{line}");
        }
        count += 1;
        with_params += out.findings.iter().any(|f| !f.params.is_empty()) as usize;
    }
    assert!(count > 3000 && with_params > 100, "{count} lines, {with_params} with params");
}

#[test]
fn every_kind_of_context_round_trips() {
    let base = Context { today: Date::new(2026, 11, 23), province: Some(ProvinceCode(31)), provider: Some("nwcd"), entity_type: Some(EntityType::Individual), national_document: Some(false), ..Context::default() };
    let contexts = [
        Context::default(),
        base.clone(),
        Context { certificate_type: Some(CertificateType::Field("passport")), platform: Some(Platform::Android), national_document: Some(true), ..base.clone() },
        Context { certificate_type: Some(CertificateType::Unknown("军官证 (旧)".into())), platform: Some(Platform::Unknown("塞班 7:".into())), ..base.clone() },
        Context { platform: Some(Platform::Ios), ..base.clone() },
        Context { platform: Some(Platform::Harmony), ..base.clone() },
        Context { platform: Some(Platform::Other), province_unrecognised: Some("火星".into()), ..Context::default() },
        Context { malformed: vec![("today", "nope".into()), ("context", "{…}".into())], ..Context::default() },
    ];
    for ctx in contexts {
        assert_eq!(decode_context(&encode_context(&ctx)).as_ref(), Some(&ctx), "{ctx:?}");
    }
}

#[test]
fn a_damaged_wire_is_refused_not_misread() {
    let out = check_field("resident_id", "110105194912310021", &Context::default());
    let text = encode_outcome(&out);
    assert!(decode_outcome(&text).is_some());
    for cut in 1..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode_outcome(&text[..cut]).is_none(), "{:?}", &text[..cut]);
        }
    }
    assert!(decode_outcome(&format!("{text}x")).is_none());
    assert!(decode_context("+10:2026-11-23").is_none());
    assert!(decode_context(&encode_context(&Context { provider: Some("nwcd"), ..Context::default() }).replace("nwcd", "nope")).is_none());
}
