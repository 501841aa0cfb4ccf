//! The wire between the package's two wasm modules (src/registry/bridge.rs) loses nothing:
//! every field outcome of the baseline corpus and every context the filing walk builds come
//! back exactly as sent, and so does a whole filing's batch (`fieldOutcomes`) and its answers,
//! so the filing module answers as the native check does.

use icp_validate::context::{CertificateType, EntityType, Platform};
use icp_validate::province_code::ProvinceCode;
use icp_validate::filing::walk::{walk, Slot};
use icp_validate::outcome::{DetailKey, Outcome};
use icp_validate::registry::bridge::{answer, answer_here, answer_text, decode_answers, decode_batch, decode_context, decode_outcome, encode_answers, encode_batch, encode_context, encode_outcome, Answers, Batch};
use icp_validate::rules::phone::{line_of, normalized_phone};
use icp_validate::{check_field, Context, Date, Filing, Options, Value};

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
    let corpus = include_str!("../../tests/baseline/fields.jsonl");
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
        // The wire carries the details a check reads back, as the field module answers.
        let mut out = check_field(field, value, &ctx);
        out.details.retain(|(k, _)| DetailKey::from_name(k).is_some());
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
    let base = Context { today: Date::new(2026, 11, 23), province: Some(ProvinceCode(31)), provider: Some(icp_validate::Provider::Nwcd), entity_type: Some(EntityType::Individual), national_document: Some(false), ..Context::default() };
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
    // Dates are written digit by digit, as `Date`'s Display writes them.
    for (y, m, d) in [(1, 1, 1), (999, 12, 31), (2026, 2, 9), (9999, 12, 31)] {
        let ctx = Context { today: Date::new(y, m, d), ..Context::default() };
        let today = ctx.today.unwrap().to_string();
        assert!(encode_context(&ctx).starts_with(&format!("+{}:{today}", today.len())), "{today}");
        assert_eq!(decode_context(&encode_context(&ctx)), Some(ctx));
    }
}

#[test]
fn a_damaged_wire_is_refused_not_misread() {
    let mut out = check_field("resident_id", "110105194912310021", &Context::default());
    // Details no check reads back are not on the wire (the field module answers without).
    assert!(decode_outcome(&encode_outcome(&out)).is_none());
    out.details.retain(|(k, _)| DetailKey::from_name(k).is_some());
    let text = encode_outcome(&out);
    assert!(decode_outcome(&text).is_some());
    for cut in 1..text.len() {
        if text.is_char_boundary(cut) {
            assert!(decode_outcome(&text[..cut]).is_none(), "{:?}", &text[..cut]);
        }
    }
    assert!(decode_outcome(&format!("{text}x")).is_none());
    assert!(decode_context("+10:2026-11-23").is_none());
    assert!(decode_context(&encode_context(&Context { provider: Some(icp_validate::Provider::Nwcd), ..Context::default() }).replace("nwcd", "nope")).is_none());
}

/// An outcome as the package carries it (see [`shape`]).
fn outcome_shape(o: &Outcome) -> String {
    let findings: Vec<_> = o.findings.iter().map(|f| (f.code.id, f.severity, shape(&f.params))).collect();
    format!("{:?} {findings:?} {:?}", o.normalized, shape(&o.details))
}

fn answers_shape(a: &Answers) -> (Vec<String>, Vec<Option<String>>) {
    (a.outcomes.iter().map(outcome_shape).collect(), a.phone_lines.clone())
}

/// The baseline corpus's field lines, as (field, value, context).
fn corpus() -> Vec<(String, String, Context)> {
    include_str!("../../tests/baseline/fields.jsonl")
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            (v["field"].as_str().unwrap().to_owned(), v["value"].as_str().unwrap_or("").to_owned(), serde_json::from_value(v["context"].clone()).unwrap())
        })
        .collect()
}

/// Batches of 40 corpus lines; every other request asks for the first of its outcome's
/// detail keys that a check reads back (none for the others), every value is asked as a phone
/// line too.
fn batches(corpus: &[(String, String, Context)]) -> Vec<Batch<'_>> {
    corpus
        .chunks(40)
        .map(|chunk| {
            let mut b = Batch::default();
            for (i, (field, value, ctx)) in chunk.iter().enumerate() {
                let first = check_field(field, value, ctx).details.iter().find_map(|(k, _)| DetailKey::from_name(k));
                let keys: Vec<&str> = first.filter(|_| i % 2 == 0).map(DetailKey::name).into_iter().collect();
                b.field(field, value, ctx, &keys);
                b.phone(value);
            }
            b
        })
        .collect()
}

#[test]
fn every_batch_round_trips_and_is_answered_as_the_rules_answer() {
    let corpus = corpus();
    let batches = batches(&corpus);
    let (mut requests, mut with_details) = (0, 0);
    for b in &batches {
        let text = encode_batch(b);
        assert_eq!(decode_batch(&text).as_ref(), Some(b), "{text}");
        // The field module's side, read back by the filing module's.
        let wire = decode_answers(&answer_text(&text), b).unwrap_or_else(|| panic!("answers to {text}"));
        let here = answer_here(b);
        assert_eq!(answers_shape(&wire), answers_shape(&here), "{text}");
        assert_eq!(answers_shape(&answer(b)), answers_shape(&here), "{text}");
        // Each answer is the rule's outcome with the details asked for, and nothing else.
        for (r, out) in b.fields.iter().zip(&here.outcomes) {
            let mut expected = check_field(r.field, r.value, &b.contexts[r.context]);
            expected.details.retain(|(k, _)| r.details.contains(k));
            assert_eq!(outcome_shape(out), outcome_shape(&expected), "{r:?}");
            with_details += !out.details.is_empty() as usize;
        }
        for (value, line) in b.phones.iter().zip(&here.phone_lines) {
            assert_eq!(line, &normalized_phone(value), "{value}");
        }
        requests += b.fields.len();
    }
    assert!(requests > 3000 && with_details > 500, "{requests} requests, {with_details} with details");
}

#[test]
fn a_batch_asks_each_distinct_context_request_and_phone_once() {
    let ctx = Context { today: Date::new(2026, 11, 23), ..Context::default() };
    let other = Context { province: Some(ProvinceCode(31)), ..ctx.clone() };
    let mut b = Batch::default();
    let first = b.field("mobile", "13800138000", &ctx, &[]);
    assert_eq!(b.field("mobile", "13800138000", &ctx.clone(), &[]), first);
    assert_ne!(b.field("mobile", "13800138000", &ctx, &[DetailKey::EXTENSION.name()]), first);
    assert_ne!(b.field("mobile", "13800138000", &other, &[]), first);
    assert_ne!(b.field("phone", "13800138000", &ctx, &[]), first);
    assert_eq!((b.contexts.len(), b.fields.len()), (2, 4));
    assert_eq!(b.phone("13800138000"), b.phone("13800138000"));
    assert_eq!(b.phones.len(), 1);
    let empty = Batch::default();
    assert_eq!(decode_batch(&encode_batch(&empty)), Some(empty.clone()));
    assert_eq!(answers_shape(&decode_answers(&answer_text(&encode_batch(&empty)), &empty).unwrap()), (vec![], vec![]));
}

#[test]
fn a_damaged_batch_or_answer_is_refused_not_misread() {
    let corpus = corpus();
    let b = batches(&corpus[..12]).remove(0);
    let text = encode_batch(&b);
    let answers = answer_text(&text);
    for cut in (1..text.len()).filter(|&c| text.is_char_boundary(c)) {
        assert!(decode_batch(&text[..cut]).is_none(), "{:?}", &text[..cut]);
        // The field module answers what it cannot read with `!` and why, which no filing
        // module takes for answers.
        let refused = answer_text(&text[..cut]);
        assert!(refused.starts_with('!') && decode_answers(&refused, &b).is_none(), "{refused}");
    }
    for cut in (1..answers.len()).filter(|&c| answers.is_char_boundary(c)) {
        assert!(decode_answers(&answers[..cut], &b).is_none(), "{:?}", &answers[..cut]);
    }
    assert!(decode_batch(&format!("{text}x")).is_none());
    assert!(decode_answers(&format!("{answers}x"), &b).is_none());
    // Answers to another batch (one request fewer) are not these answers.
    let mut fewer = b.clone();
    fewer.fields.pop();
    assert!(decode_answers(&answers, &fewer).is_none());
    assert!(decode_answers(&encode_answers(&answer_here(&fewer)), &b).is_none());
    // A request naming a context the batch does not have.
    let one = Batch { fields: b.fields[..1].to_vec(), ..Batch::default() };
    assert!(decode_batch(&encode_batch(&one)).is_none());
    // Numbers out of range, signs and non-ASCII tags.
    for bad in ["99999999999999999999;0;0;", "-1;0;0;", "+0;0;0;", "0;0;1;\u{e9}", ""] {
        assert!(decode_batch(bad).is_none(), "{bad}");
    }
    // Answers naming a provider this build has no profile of, or an id past the interning
    // bound (64 bytes), are refused.
    let code = |id: &'static str| Box::leak(Box::new(icp_validate::message::Code { id, zh: "", en: "" }));
    let answer_with = |code: &'static icp_validate::message::Code, provider: &'static str| {
        let mut out = Outcome::default();
        out.error(code).param("provider", Value::Provider(provider));
        decode_outcome(&encode_outcome(&out))
    };
    assert!(answer_with(code("a.b"), "nwcd").is_some());
    assert!(answer_with(code("a.b"), "unknown").is_none());
    assert!(answer_with(code(Box::leak("x".repeat(64).into_boxed_str())), "nwcd").is_some());
    assert!(answer_with(code(Box::leak("x".repeat(65).into_boxed_str())), "nwcd").is_none());
}

/// The ids the filing module keeps for the answers' codes, terms and param keys are bounded
/// (2048 per thread, as the module runs on one): past that, answers naming new ids are refused.
#[test]
fn the_interned_ids_are_bounded() {
    let answer_naming = |id: String| {
        let code: &'static icp_validate::message::Code = Box::leak(Box::new(icp_validate::message::Code { id: Box::leak(id.into_boxed_str()), zh: "", en: "" }));
        let mut out = Outcome::default();
        out.error(code);
        decode_outcome(&encode_outcome(&out))
    };
    let read = (0..3000).filter(|i| answer_naming(format!("bound.{i}")).is_some()).count();
    assert!((2000..=2048).contains(&read), "{read}");
    // Ids already kept are still read.
    assert!(answer_naming("bound.0".to_owned()).is_some());
}

#[test]
fn the_walk_keeps_the_details_its_rules_read() {
    // `emergency_number` compares lines through `line_of`, which reads the `extension` detail.
    let case: serde_json::Value = serde_json::from_str(include_str!("../../tests/filings/emergency_same_as_contact.json")).unwrap();
    let mut filing: Filing = serde_json::from_value(case["filing"].clone()).unwrap();
    let options: Options = serde_json::from_value(case["options"].clone()).unwrap();
    filing.entity.person_in_charge.emergency_phone = "(010)82998299转123".into();
    let w = walk(&filing, &options);
    let emergency = w.outcome(Slot::Emergency(0)).expect("kept");
    assert_eq!(line_of(emergency).map(str::to_owned), normalized_phone("(010)82998299转123"));
    assert_eq!(line_of(emergency), Some("010-82998299"));
    // The entity's certificate keeps its `kind`, each domain its registrable domain.
    assert!(w.outcome(Slot::EntityCertificate).and_then(|o| o.detail_value(DetailKey::KIND)).is_some());
    assert!(w.outcome(Slot::Domain(0, 0)).and_then(|o| o.detail_value(DetailKey::REGISTRABLE_DOMAIN)).is_some());
}
