//! `validate_filing`: the field pass (`walk`), then the cross-field rules (`rules::RULES`),
//! the verification route and the documents checklist, as a locale-free [`Checked`] that is
//! then worded in the caller's locale (front ends that word it themselves take `Checked`).

use std::collections::BTreeMap;

use super::model::*;
use super::report::*;
use super::rules::RULES;
use super::terms;
use super::walk::{person_key, walk, Findings};
use crate::documents::{self as doc, pre_approval_category, Need};
use crate::message::{Code, Locale, Severity, Term, Value};
use crate::providers::{self as profile, ElectronicUploads, Provider as Profile, SmsVerification};
use crate::region::Province;
use crate::registry::render::{issue, render};
use crate::outcome::{DetailKey, Finding, Issue};
use crate::rules::certificates::certificate_field;
use crate::rules::names::name_key;

fn province_value(p: Province) -> Value {
    Value::Province(crate::province_code::ProvinceCode(p.code))
}

/// A report that never got to the rules (malformed or oversized input).
fn rejected(code: &'static Code, path: &str, options: &Options, params: &[(&'static str, Value)]) -> Checked {
    let mut findings = Findings::default();
    findings.list.push((path.to_owned(), None, Finding { code, severity: Severity::Error, params: params.to_vec() }));
    let profile = profile::find_or_generic(options.provider.as_deref());
    Checked { provider: profile.id, kind: FilingKind::default(), findings: findings.list, normalized: BTreeMap::new(), documents: Vec::new(), verification: None, fields_checked: 0, services: 0 }
}

/// Validates a whole filing: every field rule at its path, the rules across fields, the
/// provider's profile, the verification route and the documents checklist.
///
/// ```
/// use icp_validate::model::{Entity, FilingKind};
/// use icp_validate::{validate_filing, Filing, Options};
///
/// let filing = Filing { kind: FilingKind::NewFiling, entity: Entity { name: "示例科技有限公司".into(), ..Entity::default() }, ..Filing::default() };
/// let report = validate_filing(&filing, &Options { provider: Some("nwcd".into()), ..Options::default() });
/// assert!(!report.valid);
/// assert_eq!(report.provider, "nwcd");
/// // The field rules answer where the build links them (`local-field-answers`, a default).
/// let province_empty = report.errors.iter().any(|e| e.path == "entity.province" && e.code == "input.empty");
/// assert_eq!(province_empty, icp_validate::capabilities().local_field_answers);
/// ```
pub fn validate_filing(filing: &Filing, options: &Options) -> Report {
    word(check_filing(filing, options), options.locale())
}

/// Validates a whole filing, locale-free: codes and typed params, worded by [`word`].
pub fn check_filing(filing: &Filing, options: &Options) -> Checked {
    let mut w = walk(filing, options);
    let mut cross = Findings::default();
    for rule in RULES {
        (rule.check)(&w, &mut cross);
    }
    w.findings.list.append(&mut cross.list);
    let (profile, province) = (w.profile, w.province);
    let listed = (filing.kind != FilingKind::Cancel) && !refused(filing, profile, province);
    let route = listed.then(|| verification(filing, w.entity_certificate, profile, province));
    let domains = registrable_domains(&w);
    let documents = if listed { checklist(filing, profile, route.as_ref().map(|r| r.route), province, &domains) } else { Vec::new() };
    let services = w.services().len();
    Checked { provider: profile.id, kind: filing.kind, findings: w.findings.list, normalized: w.normalized, documents, verification: route, fields_checked: w.fields_checked, services }
}

/// The provider cannot take the filing at all: an entity outside the 31 mainland divisions
/// (`province.outside_mainland`), a province it does not serve (`province.not_served`, e.g.
/// Sinnet in Tibet: sinnet-guide-en 3.), or a personal filing it does not accept
/// (`filing.individuals_not_accepted`). The report then shows that refusal and neither a
/// route nor a checklist, which would only describe a filing that cannot be made.
fn refused(filing: &Filing, profile: &Profile, province: Option<Province>) -> bool {
    let province_refused = province.is_some_and(|p| !crate::region::is_mainland(p) || profile.not_served.iter().any(|c| c.0 == p.code));
    province_refused || (filing.entity.entity_type == EntityType::Individual && !profile.accepts_individuals)
}

/// Each domain's registrable domain (`services[i].domains[j]` -> (key, as shown)): the
/// domain rule's `registrable_domain` details, else the trimmed input.
fn registrable_domains(w: &super::walk::Walk) -> Vec<(usize, usize, String, String)> {
    let mut out = Vec::new();
    for (i, s) in w.services().iter().enumerate() {
        for (j, d) in s.domains.iter().take(MAX_ITEMS).enumerate() {
            let details = w.outcome(super::walk::Slot::Domain(i, j));
            let text = |key: DetailKey| match details.and_then(|o| o.detail_value(key)) {
                Some(Value::Str(v)) => Some(v.to_string()),
                _ => None,
            };
            let key = text(DetailKey::REGISTRABLE_DOMAIN).unwrap_or_else(|| crate::input::lower(d.name().trim()));
            let shown = text(DetailKey::REGISTRABLE_DOMAIN_UNICODE).unwrap_or_else(|| d.name().trim().to_owned());
            if !key.is_empty() {
                out.push((i, j, key, shown));
            }
        }
    }
    out
}

/// Electronic when the entity files a business licence and every person in charge a
/// resident ID card (nwcd-website-guide-en Tenth and Eleventh 3; nwcd-app-guide-en Eleventh;
/// sinnet-guide-en Step 4). A personal filing with a resident ID card is verified the same
/// way (face recognition in the provider's app), as the big consoles do; the seeds cover
/// enterprises only.
fn verification(filing: &Filing, entity_cert: Option<&'static str>, profile: &Profile, province: Option<Province>) -> RouteFinding {
    let entity_ok = match filing.entity.entity_type {
        EntityType::Individual => entity_cert == Some("resident_id"),
        _ => entity_cert == Some("business_license"),
    };
    // The first certificate that keeps the filing off the electronic route, as typed; an
    // empty type says so in its own words rather than as "?" (issue 19 item 23).
    let as_typed = |t: &str| if t.trim().is_empty() { None } else { Some(crate::input::excerpt(t, 30)) };
    let blocker = if entity_ok {
        std::iter::once(&filing.entity.person_in_charge)
            .chain(filing.services.iter().map(|s| &s.person_in_charge))
            .find(|p| certificate_field(&p.certificate_type) != Some("resident_id"))
            .map(|p| as_typed(&p.certificate_type))
    } else {
        Some(as_typed(&filing.entity.certificate_type))
    };
    let (route, code, params): (Route, &'static Code, Vec<(&'static str, Value)>) = match blocker {
        None => (Route::Electronic, &ROUTE_ELECTRONIC, Vec::new()),
        Some(None) => (Route::Manual, &ROUTE_TYPE_MISSING, Vec::new()),
        Some(Some(doc)) => (Route::Manual, &ROUTE_MANUAL, vec![("document", Value::Input(doc.into_boxed_str()))]),
    };
    let sms_verification = match (profile.sms_verification, province) {
        (SmsVerification::All, _) => Some(true),
        (SmsVerification::Provinces(list), Some(p)) => Some(list.iter().any(|l| l.0 == p.code)),
        _ => None,
    };
    let mut notes: Vec<&'static Code> = Vec::new();
    if sms_verification == Some(true) {
        notes.push(&NOTE_SMS);
    }
    if let Some(p) = province {
        for (code, note) in profile.verification_notes {
            if code.0 == p.code {
                notes.push(note);
            }
        }
    }
    RouteFinding { route, reason: code, params, sms_verification, notes }
}

struct Lister<'a> {
    items: Vec<DocumentFinding>,
    attachments: &'a [AttachmentMeta],
}

impl Lister<'_> {
    fn add(&mut self, id: &'static str, need: Need, reason: &'static Code, params: &[(&'static str, Value)], source: &'static str, subject: &str) {
        self.add_to(Upload::Provider, id, need, reason, params, source, subject);
    }

    /// A document uploaded where `upload` says; one uploaded outside the provider's system
    /// is never `provided` by the filing's attachments.
    #[allow(clippy::too_many_arguments)]
    fn add_to(&mut self, upload: Upload, id: &'static str, need: Need, reason: &'static Code, params: &[(&'static str, Value)], source: &'static str, subject: &str) {
        let Some(d) = doc::document(id) else { return };
        let provided = (upload == Upload::Provider && !self.attachments.is_empty()).then(|| {
            self.attachments.iter().any(|a| Some(a.kind.as_str()) == d.attachment_kind && (a.subject.is_empty() || a.subject == subject || subject.strip_prefix(a.subject.as_str()).is_some_and(|rest| rest.starts_with('.'))))
        });
        self.items.push(DocumentFinding {
            id,
            need,
            reason,
            params: params.to_vec(),
            source,
            subject: subject.to_owned(),
            attachment_kind: d.attachment_kind,
            upload,
            provided,
        });
    }
}

fn s(v: &str) -> Value {
    crate::input::quoted(v.trim(), 60)
}

/// A person's name for a reason; an empty one is said to be missing, not left as a gap.
fn person_name(v: &str) -> Value {
    if v.trim().is_empty() {
        Value::Term(&terms::NAME_MISSING)
    } else {
        s(v)
    }
}

/// The documents this filing needs, each with its reason and source.
fn checklist(filing: &Filing, profile: &Profile, route: Option<Route>, province: Option<Province>, domains: &[(usize, usize, String, String)]) -> Vec<DocumentFinding> {
    let mut l = Lister { items: Vec::new(), attachments: &filing.attachments };
    let provider = Value::Provider(profile.id);
    let manual = route == Some(Route::Manual);
    let electronic = if route == Some(Route::Electronic) { profile.electronic_uploads } else { ElectronicUploads::ToProvider };
    let skip_uploads = electronic == ElectronicUploads::NotNeeded;
    let mini_program = electronic == ElectronicUploads::InMiniProgram;
    let entity = &filing.entity;
    let entity_key = person_key(&entity.person_in_charge);
    const APPENDIX1: &str = "nwcd-website-guide-en Appendix 1; nwcd-app-guide-en Appendix 1";
    const ELEVENTH: &str = "nwcd-website-guide-en Eleventh 1.(2), 2.(1)-(3); nwcd-app-guide-en Twelfth";

    if mini_program {
        if entity.entity_type != EntityType::Individual {
            l.add_to(Upload::WechatMiniProgram, "entity_certificate", Need::Required, &doc::ENTITY_CERTIFICATE_MINI_PROGRAM, &[("provider", provider.clone())], ELEVENTH, "entity");
        }
        let params = [("name", s(&entity.person_in_charge.name)), ("provider", provider.clone())];
        l.add_to(Upload::WechatMiniProgram, "person_certificate", Need::Required, &doc::ENTITY_PERSON_CERTIFICATE_MINI_PROGRAM, &params, ELEVENTH, "entity.person_in_charge");
    } else if !skip_uploads {
        if entity.entity_type != EntityType::Individual {
            l.add("entity_certificate", Need::Required, &doc::ENTITY_CERTIFICATE, &[], APPENDIX1, "entity");
        }
        l.add("person_certificate", Need::Required, &doc::ENTITY_PERSON_CERTIFICATE, &[("name", person_name(&entity.person_in_charge.name))], APPENDIX1, "entity.person_in_charge");
    }
    // Domains already listed, by registrable domain: the real-name screenshot and the
    // registration certificate are the registrable domain's, one each however many
    // subdomains or spellings of it the services list.
    let mut domains_listed: Vec<&str> = Vec::new();
    for (i, svc) in filing.services.iter().take(MAX_SERVICES).enumerate() {
        let subject = format!("services[{i}]");
        let p = &svc.person_in_charge;
        let params = [("name", person_name(&p.name)), ("service", s(&svc.name))];
        let other_person = person_key(p) != entity_key;
        if other_person && mini_program {
            let params = [params[0].clone(), params[1].clone(), ("provider", provider.clone())];
            l.add_to(Upload::WechatMiniProgram, "person_certificate", Need::Required, &doc::SERVICE_PERSON_CERTIFICATE_MINI_PROGRAM, &params, ELEVENTH, &format!("{subject}.person_in_charge"));
        } else if other_person && !skip_uploads {
            l.add("person_certificate", Need::Required, &doc::SERVICE_PERSON_CERTIFICATE, &params, APPENDIX1, &format!("{subject}.person_in_charge"));
        }
        if profile.verification_photo_always {
            let params = [params[0].clone(), params[1].clone(), ("provider", provider.clone())];
            l.add("verification_photo", Need::Required, &doc::VERIFICATION_PHOTO_ALWAYS, &params, "aliyun-filing-guide-en step 7", &subject);
        } else if manual {
            l.add("verification_photo", Need::Required, &doc::VERIFICATION_PHOTO, &params, "nwcd-website-guide-en Appendix 1 item 5; sinnet-guide-en materials table item 5", &subject);
        }
        if other_person && entity.entity_type != EntityType::Individual {
            l.add("authorization_letter", Need::Required, &doc::AUTHORIZATION_LETTER, &params, "nwcd-website-guide-en Appendix 2 item 2; sinnet-guide-en materials table item 7", &subject);
        }
        if svc.service_type == ServiceType::App {
            l.add("app_icon", Need::Required, &doc::APP_ICON, &[("service", s(&svc.name))], "nwcd-app-guide-en Appendix 1 item 5", &subject);
        }
        for (_, j, key, shown) in domains.iter().filter(|(si, ..)| *si == i) {
            if domains_listed.contains(&key.as_str()) {
                continue;
            }
            domains_listed.push(key);
            let dsub = format!("{subject}.domains[{j}]");
            l.add("domain_real_name_screenshot", Need::Required, &doc::DOMAIN_SCREENSHOT, &[("domain", s(shown))], "nwcd-website-guide-en Appendix 1 item 4; sinnet-guide-en materials table item 10", &dsub);
            if profile.domain_certificate_required {
                l.add("domain_certificate", Need::Required, &doc::DOMAIN_CERTIFICATE, &[("domain", s(shown))], "sinnet-guide-en materials table item 9", &dsub);
            } else {
                l.add("domain_certificate", Need::Conditional, &doc::DOMAIN_CERTIFICATE_MAYBE, &[("domain", s(shown))], "nwcd-website-guide-en Ninth 1, other attachments", &dsub);
            }
        }
        for category in svc.categories.iter().take(MAX_ITEMS) {
            if let Some(cat) = pre_approval_category(category) {
                l.add("pre_approval", Need::Required, &doc::PRE_APPROVAL, &[("service", s(&svc.name)), ("category", Value::Term(&cat.term))], "nwcd-website-guide-en Ninth 2.(2); sinnet-guide-en 1. Pre-registration approval", &subject);
            }
        }
    }
    if profile.authenticity_form_always {
        l.add("authenticity_form", Need::Required, &doc::AUTHENTICITY_FORM_ALWAYS, &[("provider", provider.clone())], "aliyun-filing-guide-en step 6", "filing");
    } else if manual {
        l.add("authenticity_form", Need::Required, &doc::AUTHENTICITY_FORM_MANUAL, &[], "nwcd-website-guide-en Appendix 2 item 1; sinnet-guide-en materials table item 6", "filing");
    }
    let account = filing.access.account_company_name.trim();
    if let Some((need, source)) = profile.confirmation_letter {
        if !account.is_empty() && !entity.name.trim().is_empty() && name_key(account) != name_key(&entity.name) {
            let reason = if need == Need::Required { &doc::CONFIRMATION_LETTER } else { &doc::CONFIRMATION_LETTER_MAYBE };
            l.add("confirmation_letter", need, reason, &[("entity", s(&entity.name)), ("account", s(account))], source, "filing");
        }
    }
    for id in profile.always {
        l.add(id, Need::Required, &doc::PROVIDER_DOCUMENT, &[("provider", provider.clone())], "sinnet-guide-en materials table", "filing");
    }
    if let Some(p) = province {
        for pd in profile.province_documents.iter().filter(|d| d.province.0 == p.code) {
            let reason = if pd.need == Need::Required { &doc::PROVINCE_DOCUMENT } else { &doc::PROVINCE_DOCUMENT_MAYBE };
            l.add(pd.document, pd.need, reason, &[("province", province_value(p)), ("provider", provider.clone())], pd.source, "filing");
        }
    }
    l.items
}

/// Words a locale-free report in `locale`.
pub fn word(c: Checked, locale: Locale) -> Report {
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for (path, field, f) in c.findings {
        let Issue { code, severity, message, params } = issue(f, locale);
        let issue = PathIssue { path, field, code, severity, message, params };
        match severity {
            Severity::Error => errors.push(issue),
            Severity::Warning => warnings.push(issue),
        }
    }
    let documents: Vec<DocumentItem> = c
        .documents
        .into_iter()
        .filter_map(|d| {
            let named = doc::document(d.id)?;
            Some(DocumentItem {
                id: d.id,
                name: locale.pick(named.zh, named.en).to_owned(),
                need: d.need,
                reason: render(d.reason.template(locale), &d.params, locale),
                reason_code: d.reason.id,
                source: d.source,
                subject: d.subject,
                attachment_kind: d.attachment_kind,
                upload: d.upload,
                provided: d.provided,
            })
        })
        .collect();
    let verification = c.verification.map(|v| Verification {
        route: v.route,
        reason: render(v.reason.template(locale), &v.params, locale),
        reason_code: v.reason.id,
        sms_verification: v.sms_verification,
        notes: v.notes.iter().map(|n| render(n.template(locale), &[], locale)).collect(),
    });
    let summary = Summary {
        errors: errors.len(),
        warnings: warnings.len(),
        fields_checked: c.fields_checked,
        services: c.services,
        documents_required: documents.iter().filter(|d| d.need == Need::Required).count(),
        documents_conditional: documents.iter().filter(|d| d.need == Need::Conditional).count(),
    };
    Report { valid: errors.is_empty(), provider: c.provider, kind: c.kind, errors, warnings, normalized: c.normalized, documents, verification, summary }
}

/// Parses a filing from JSON and validates it; a document that is not a filing gets a report
/// with `filing.malformed` (and the parser's position), never a panic.
///
/// ```
/// use icp_validate::{validate_filing_json, Options};
///
/// let options = Options { locale: Some("en".into()), ..Options::default() };
/// let report = validate_filing_json(r#"{"kind":"new_filing","provider":"nwcd"}"#, &options);
/// assert_eq!((report.valid, report.provider), (false, "nwcd"));
///
/// let report = validate_filing_json(r#"{"kind":"new_filing","x":1}"#, &options);
/// assert_eq!(report.errors[0].code, "filing.malformed");
/// ```
pub fn validate_filing_json(json: &str, options: &Options) -> Report {
    word(check_filing_json(json, options), options.locale())
}

/// [`validate_filing_json`], locale-free.
pub fn check_filing_json(json: &str, options: &Options) -> Checked {
    if json.len() > MAX_JSON_BYTES {
        return rejected(&TOO_LARGE, "", options, &[("size", Value::Int(json.len() as i64)), ("max_size", Value::Int(MAX_JSON_BYTES as i64))]);
    }
    // serde would also accept a struct written as an array; a filing is an object.
    if !json.trim_start().starts_with('{') {
        return malformed_checked(&terms::NOT_OBJECT, "", options);
    }
    // One reader natively and in the package's filing module (read.rs), so both answer alike.
    match super::read::filing(json) {
        Ok(filing) => check_filing(&filing, options),
        Err(refusal) => refused_checked(&refusal, options),
    }
}

/// The report for a document the JSON reader refused: the reason as a term by the refusal's
/// kind, the offending key or value when there is one, and the reader's own text in `detail`
/// (not shown in the message, which stays in the caller's language).
fn refused_checked(refusal: &super::read::Refusal, options: &Options) -> Checked {
    use super::read::Refused;
    let (reason, key) = match &refusal.kind {
        Refused::UnknownKey(key) => (&terms::UNKNOWN_KEY, Some(key)),
        Refused::UnknownValue(value) => (&terms::UNKNOWN_VALUE, Some(value)),
        Refused::WrongType => (&terms::WRONG_TYPE, None),
        Refused::TooDeep => (&terms::TOO_DEEP, None),
        Refused::NotJson => (&terms::NOT_JSON, None),
    };
    let mut params = vec![("reason", Value::Term(reason)), ("detail", Value::from(crate::input::excerpt(&refusal.text, 160)))];
    params.extend(key.map(|k| ("key", crate::input::quoted(k, 40))));
    rejected(&MALFORMED, "", options, &params)
}

/// The report for input that is not a filing at all (wrong JSON, wrong JS object shape):
/// `reason` says why in every locale; `detail` is the parser's own text, kept in the params.
pub fn malformed(reason: &'static Term, detail: &str, options: &Options) -> Report {
    word(malformed_checked(reason, detail, options), options.locale())
}

/// [`malformed`], locale-free.
pub fn malformed_checked(reason: &'static Term, detail: &str, options: &Options) -> Checked {
    rejected(&MALFORMED, "", options, &[("reason", Value::Term(reason)), ("detail", Value::from(crate::input::excerpt(detail, 160)))])
}

/// JSON Schema (2020-12) of the filing model, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Filing);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "local-field-answers")]
    fn report(provider: &str, province: &str) -> Report {
        let case: serde_json::Value = serde_json::from_str(include_str!("../../tests/filings/valid_website.json")).unwrap();
        let mut filing: Filing = serde_json::from_value(case["filing"].clone()).unwrap();
        filing.entity.province = province.to_owned();
        let options = Options { provider: Some(provider.to_owned()), today: crate::date::Date::parse("2026-11-23"), locale: None };
        validate_filing(&filing, &options)
    }

    /// nwcd-website-guide-zh 九 2: every mainland filing is SMS-verified by MIIT's latest
    /// requirement, also outside Alibaba Cloud's 2018 list (aliyun-filing-guide-en step 8).
    #[test]
    #[cfg(feature = "local-field-answers")]
    fn sms_verification_is_expected_everywhere() {
        for provider in ["aliyun", "nwcd", "sinnet", "generic"] {
            for province in ["北京", "天津", "上海", "广东", "宁夏"] {
                let v = report(provider, province).verification.expect("a route");
                assert_eq!(v.sms_verification, Some(true), "{provider} {province}");
                assert!(v.notes.iter().any(|n| n.contains("短信核验") && n.contains("邮件通知")), "{provider} {province}: {:?}", v.notes);
            }
        }
        // A provider whose file lists provinces still answers per province.
        assert_eq!(report("fixture", "浙江").verification.unwrap().sms_verification, Some(true));
        assert_eq!(report("fixture", "北京").verification.unwrap().sms_verification, Some(false));
    }

    fn sample(name: &str) -> Report {
        let path = format!("{}/tests/filings/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let options: Options = serde_json::from_value(case["options"].clone()).unwrap();
        validate_filing_json(&case["filing"].to_string(), &options)
    }

    /// nwcd-website-guide-en Eleventh: on the electronic route the licence and the ID cards go
    /// to the WeChat mini program; Twelfth (manual) keeps them as uploads to the provider.
    #[test]
    #[cfg(feature = "local-field-answers")]
    fn nwcd_electronic_route_uploads_certificates_in_the_mini_program() {
        let r = sample("valid_website");
        assert_eq!(r.verification.as_ref().map(|v| v.route), Some(Route::Electronic));
        let certificates: Vec<_> = r.documents.iter().filter(|d| matches!(d.id, "entity_certificate" | "person_certificate")).collect();
        assert_eq!(certificates.len(), 2);
        for d in &certificates {
            assert_eq!(d.upload, Upload::WechatMiniProgram, "{}", d.id);
            assert!(d.reason_code.ends_with("_mini_program") && d.reason.contains("微信小程序") && d.reason.contains("西云数据"), "{}", d.reason);
            assert_eq!(d.provided, None);
        }
        assert!(r.documents.iter().filter(|d| d.id.starts_with("domain_")).all(|d| d.upload == Upload::Provider));
        let manual = sample("manual_verification");
        assert_eq!(manual.verification.as_ref().map(|v| v.route), Some(Route::Manual));
        assert!(manual.documents.iter().all(|d| d.upload == Upload::Provider && !d.reason_code.ends_with("_mini_program")));
        // Other providers keep the uploads on the electronic route too.
        let mut case: serde_json::Value = serde_json::from_str(include_str!("../../tests/filings/valid_website.json")).unwrap();
        case["filing"]["provider"] = "generic".into();
        let r = validate_filing_json(&case["filing"].to_string(), &serde_json::from_value(case["options"].clone()).unwrap());
        assert!(r.documents.iter().any(|d| d.id == "entity_certificate" && d.upload == Upload::Provider && d.reason_code == "document.entity_certificate"));
    }

    /// aliyun-filing-guide-en step 7: the verification photo on the electronic route too; no
    /// confirmation letter (not in the Aliyun guide), a conditional one under `generic`.
    #[test]
    fn aliyun_photo_on_every_route_and_confirmation_letter_only_where_a_seed_asks() {
        let r = sample("aliyun_photo_every_route");
        assert_eq!(r.verification.as_ref().map(|v| v.route), Some(Route::Electronic));
        assert!(r.documents.iter().any(|d| d.id == "verification_photo" && d.reason_code == "document.verification_photo_always" && d.source == "aliyun-filing-guide-en step 7"));
        assert!(!r.documents.iter().any(|d| d.id == "confirmation_letter"));
        let mut case: serde_json::Value = serde_json::from_str(include_str!("../../tests/filings/aliyun_photo_every_route.json")).unwrap();
        for (provider, need) in [("generic", Some(Need::Conditional)), ("nwcd", Some(Need::Required)), ("sinnet", Some(Need::Required))] {
            case["filing"]["provider"] = provider.into();
            let r = validate_filing_json(&case["filing"].to_string(), &serde_json::from_value(case["options"].clone()).unwrap());
            assert_eq!(r.documents.iter().find(|d| d.id == "confirmation_letter").map(|d| d.need), need, "{provider}");
            assert!(!r.documents.iter().any(|d| d.id == "verification_photo"), "{provider}: electronic route, no photo");
        }
    }
}
