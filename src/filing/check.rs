//! `validate_filing`: field rules at their paths, then the cross-field rules, the route and
//! the documents checklist.

use std::collections::BTreeMap;

use crate::documents::{self as doc, pre_approval_category, Need};
use super::model::*;
use super::report::*;
use crate::context::{CertificateType, Context, Platform};
use crate::registry::context::certificate_type;
use crate::message::{Code, Locale, Severity, Term, Value};
use super::terms;
use crate::registry::render::{issue, render};
use crate::outcome::{Finding, Issue, Outcome};
use crate::providers::{self as profile, Provider as Profile, SmsVerification};
use crate::region::{parse_province, Province};
use crate::rules::certificates::certificate_field;
use crate::rules::names::name_key;

struct Checker {
    locale: Locale,
    findings: Vec<(String, Option<&'static str>, Finding)>,
    normalized: BTreeMap<String, String>,
    fields_checked: usize,
}

impl Checker {
    /// Runs a field rule; empty optional values are skipped, empty required ones reported by
    /// the rule itself (`input.empty`).
    fn field(&mut self, path: &str, field: &'static str, value: &str, ctx: &Context, required: bool) -> Option<Outcome> {
        if !required && value.trim().is_empty() {
            return None;
        }
        let out = crate::registry::check_field(field, value, ctx);
        self.fields_checked += 1;
        if !out.has_errors() {
            if let Some(n) = &out.normalized {
                if n != value {
                    self.normalized.insert(path.to_owned(), n.clone());
                }
            }
        }
        for f in &out.findings {
            self.findings.push((path.to_owned(), Some(field), f.clone()));
        }
        Some(out)
    }

    fn push(&mut self, path: &str, code: &'static Code, severity: Severity) -> &mut Finding {
        self.findings.push((path.to_owned(), None, Finding { code, severity, params: Vec::new() }));
        &mut self.findings.last_mut().expect("just pushed").2
    }

    fn error(&mut self, path: &str, code: &'static Code) -> &mut Finding {
        self.push(path, code, Severity::Error)
    }

    fn required(&mut self, path: &str, item: &'static Term) {
        self.error(path, &REQUIRED).param("item", Value::Term(item));
    }

    /// Caps a list at `max`, reporting the cut.
    fn capped<'a, T>(&mut self, path: &str, items: &'a [T], max: usize) -> &'a [T] {
        if items.len() > max {
            self.error(path, &TOO_MANY).param("max", max);
        }
        &items[..items.len().min(max)]
    }
}

/// The canonical normalised value of an outcome, or the trimmed input.
fn canonical(out: Option<&Outcome>, value: &str) -> String {
    out.and_then(|o| o.normalized.clone()).unwrap_or_else(|| value.trim().to_owned())
}

fn detail_str(out: &Option<Outcome>, key: &str) -> Option<String> {
    match out.as_ref()?.detail_value(key)? {
        Value::Str(s) => Some(s.clone()),
        _ => None,
    }
}

/// A person's identity for "same person" questions: the certificate number when given, else
/// the name as compared by the name rules.
fn person_key(p: &Person) -> String {
    let mut number = crate::input::without_whitespace(&p.certificate_number);
    number.make_ascii_uppercase();
    if number.is_empty() {
        format!("name:{}", name_key(&p.name))
    } else {
        format!("id:{number}")
    }
}

/// The province an address starts with (`广东省深圳市...`, `北京市...`), if any.
fn address_province(address: &str) -> Option<Province> {
    let a = crate::input::fold_width(address);
    let a = a.trim_start();
    crate::region::provinces().filter(|p| a.starts_with(p.name_zh) || a.starts_with(p.name_bare)).max_by_key(|p| p.name_bare.len())
}

fn province_value(p: Province) -> Value {
    Value::Province(crate::province_code::ProvinceCode(p.code))
}

/// A report that never got to the rules (malformed or oversized input).
fn rejected(code: &'static Code, path: &str, options: &Options, params: &[(&'static str, Value)]) -> Report {
    let mut c = Checker { locale: options.locale(), findings: Vec::new(), normalized: BTreeMap::new(), fields_checked: 0 };
    let f = c.error(path, code);
    f.params.extend(params.iter().cloned());
    let profile = profile::find_or_generic(options.provider.as_deref());
    finish(c, profile, FilingKind::default(), Vec::new(), None, 0)
}

/// Validates a whole filing.
pub fn validate_filing(filing: &Filing, options: &Options) -> Report {
    let locale = options.locale();
    let mut c = Checker { locale, findings: Vec::new(), normalized: BTreeMap::new(), fields_checked: 0 };

    let provider_id = options.provider.as_deref().or(filing.provider.as_deref()).filter(|p| !p.trim().is_empty());
    let found = provider_id.and_then(profile::find);
    if let (Some(id), None) = (provider_id, found) {
        let path = if options.provider.is_some() { "options.provider" } else { "provider" };
        c.push(path, &PROVIDER_UNKNOWN, Severity::Warning).input("provider", crate::input::excerpt(id, 30));
    }
    let profile = found.unwrap_or_else(|| profile::find_or_generic(None));
    let entity = &filing.entity;
    let province = parse_province(&entity.province);

    // Context every field rule sees; the province only once it is recognisable, so one typo
    // in it is reported once, at entity.province, not at every phone.
    let ctx = Context {
        today: options.today,
        province: province.map(|p| crate::province_code::ProvinceCode(p.code)),
        provider: Some(profile.id),
        entity_type: Some(entity.entity_type),
        national_document: Some(entity.national_document),
        ..Context::default()
    };
    let personal_ctx = Context { province: None, ..ctx.clone() };

    // Entity.
    c.field("entity.province", "province", &entity.province, &ctx, true);
    if entity.entity_type == EntityType::Individual && !profile.accepts_individuals {
        c.error("entity.type", &INDIVIDUAL_NOT_ACCEPTED).param("provider", Value::Provider(profile.id));
    }
    c.field("entity.name", "entity_name", &entity.name, &ctx, true);
    let entity_cert = certificate(&mut c, "entity", &entity.certificate_type, &entity.certificate_number, &ctx);
    if let Some(field) = entity_cert {
        if !certificate_fields(entity.entity_type).contains(&field) {
            c.error("entity.certificate_type", &CERTIFICATE_TYPE_MISMATCH).input("type", crate::input::excerpt(&entity.certificate_type, 30)).param("entity_type", Value::Term(entity.entity_type.term()));
        }
    }
    if entity.address.trim().is_empty() {
        c.required("entity.address", &terms::ENTITY_ADDRESS);
    }
    for (path, address) in [("entity.address", &entity.address), ("entity.mailing_address", &entity.mailing_address)] {
        if let (Some(p), Some(a)) = (province, address_province(address)) {
            if p.code != a.code {
                c.push(path, &ADDRESS_PROVINCE_MISMATCH, profile.mobile_mismatch).param("address_province", province_value(a)).param("province", province_value(p));
            }
        }
    }
    let entity_record = if filing.kind.entity_is_filed() {
        // The province comparison is the filing-level rule below (an error there), so the field
        // rule runs without the province and does not warn about the same thing again.
        let out = c.field("entity.record_number", "icp_record_number", &entity.record_number, &personal_ctx, true);
        record_province(&mut c, "entity.record_number", &out, province);
        out.filter(|o| !o.has_errors()).map(|o| canonical(Some(&o), &entity.record_number))
    } else {
        None
    };
    let entity_person = &entity.person_in_charge;
    person(&mut c, "entity.person_in_charge", entity_person, &ctx, &personal_ctx);
    let entity_person_key = person_key(entity_person);
    if entity.entity_type == EntityType::Individual && !entity.name.trim().is_empty() && !entity_person.name.trim().is_empty() && name_key(&entity.name) != name_key(&entity_person.name) {
        c.error("entity.name", &INDIVIDUAL_NAME_MISMATCH).input("name", crate::input::excerpt(&entity_person.name, 30));
    }

    // Services.
    let needs_services = !matches!(filing.kind, FilingKind::Change | FilingKind::Cancel);
    if needs_services && filing.services.is_empty() {
        c.required("services", &terms::SERVICES);
    }
    let services = c.capped("services", &filing.services, MAX_SERVICES);
    let mut domains_seen: Vec<(String, String)> = Vec::new();
    let mut app_names: Vec<(String, String)> = Vec::new();
    let mut contacts: Vec<(String, String, String, String)> = Vec::new(); // (path, person, mobile, email)
    contacts.push(("entity.person_in_charge".into(), entity_person_key.clone(), entity_person.mobile.clone(), entity_person.email.clone()));
    for (i, s) in services.iter().enumerate() {
        let base = format!("services[{i}]");
        let (name_field, domain_field) = match s.service_type {
            ServiceType::Website => ("website_name", "domain"),
            ServiceType::App => ("app_name", "app_domain"),
        };
        c.field(&format!("{base}.name"), name_field, &s.name, &ctx, true);
        if filing.kind.services_are_filed() {
            let path = format!("{base}.record_number");
            let out = c.field(&path, "icp_record_number", &s.record_number, &personal_ctx, true);
            record_province(&mut c, &path, &out, province);
            if let (Some(entity_record), Some(o)) = (&entity_record, out.as_ref().filter(|o| !o.has_errors())) {
                let record = canonical(Some(o), &s.record_number);
                if !record.starts_with(entity_record.as_str()) || !record[entity_record.len()..].starts_with('-') {
                    c.error(&path, &RECORD_NUMBER_MISMATCH).input("record", record).input("entity_record", entity_record.as_str());
                }
            }
        }
        if s.domains.is_empty() && s.service_type == ServiceType::Website && filing.kind != FilingKind::Cancel {
            c.required(&format!("{base}.domains"), &terms::WEBSITE_DOMAIN);
        }
        for (j, d) in c.capped(&format!("{base}.domains"), &s.domains, MAX_ITEMS).iter().enumerate() {
            let path = format!("{base}.domains[{j}]");
            let out = c.field(&path, domain_field, d, &ctx, true);
            let key = crate::input::lower(&canonical(out.as_ref(), d));
            if key.is_empty() {
                continue;
            }
            if let Some((other, _)) = domains_seen.iter().find(|(_, k)| *k == key) {
                let other = other.clone();
                c.error(&path, &DOMAIN_DUPLICATE).input("domain", crate::input::excerpt(&key, 60)).param("other", other);
            } else {
                domains_seen.push((path, key));
            }
        }
        if s.service_type == ServiceType::App {
            let key = name_key(&s.name);
            if !key.is_empty() {
                if let Some((other, _)) = app_names.iter().find(|(_, k)| *k == key) {
                    let other = other.clone();
                    c.error(&format!("{base}.name"), &APP_NAME_DUPLICATE).input("name", crate::input::excerpt(&s.name, 30)).param("other", other);
                } else {
                    app_names.push((format!("{base}.name"), key.clone()));
                }
            }
            if s.platforms.is_empty() && filing.kind != FilingKind::Cancel {
                c.required(&format!("{base}.platforms"), &terms::APP_PLATFORMS);
            }
            let mut platforms_seen: Vec<String> = Vec::new();
            for (j, p) in c.capped(&format!("{base}.platforms"), &s.platforms, 16).iter().enumerate() {
                let pbase = format!("{base}.platforms[{j}]");
                let pctx = Context { platform: Platform::parse(&p.platform), ..ctx.clone() };
                if p.platform.trim().is_empty() {
                    c.required(&format!("{pbase}.platform"), &terms::PLATFORM);
                } else {
                    let pkey = p.platform.trim().to_ascii_lowercase();
                    if platforms_seen.contains(&pkey) {
                        c.error(&format!("{pbase}.platform"), &PLATFORM_DUPLICATE).input("platform", crate::input::excerpt(&p.platform, 20));
                    }
                    platforms_seen.push(pkey);
                }
                c.field(&format!("{pbase}.package"), "app_package", &p.package, &pctx, true);
                c.field(&format!("{pbase}.public_key"), "public_key", &p.public_key, &pctx, true);
                c.field(&format!("{pbase}.md5"), "md5", &p.md5, &pctx, true);
                if !p.name.trim().is_empty() && !key.is_empty() && name_key(&p.name) != key {
                    c.error(&format!("{pbase}.name"), &APP_NAME_PLATFORM_MISMATCH)
                        .input("platform", crate::input::excerpt(&p.platform, 20))
                        .input("platform_name", crate::input::excerpt(&p.name, 30))
                        .input("name", crate::input::excerpt(&s.name, 30));
                }
            }
        }
        for category in c.capped(&format!("{base}.categories"), &s.categories, MAX_ITEMS) {
            if let Some(cat) = pre_approval_category(category) {
                let has = s.pre_approvals.iter().any(|a| pre_approval_category(&a.category).map(|x| x.term.id) == Some(cat.term.id) && !a.document_number.trim().is_empty());
                if !has {
                    c.error(&format!("{base}.pre_approvals"), &PRE_APPROVAL_MISSING).param("category", Value::Term(&cat.term));
                }
            }
        }
        let p = &s.person_in_charge;
        let ppath = format!("{base}.person_in_charge");
        person(&mut c, &ppath, p, &ctx, &personal_ctx);
        let key = person_key(p);
        if entity.entity_type == EntityType::Individual && key != entity_person_key && !p.name.trim().is_empty() {
            c.error(&ppath, &INDIVIDUAL_OTHER_PERSON);
        }
        contacts.push((ppath, key, p.mobile.clone(), p.email.clone()));
    }

    // One mobile or email, one person (consoles send each person their own SMS code).
    for i in 1..contacts.len() {
        let (path, key, mobile, email) = &contacts[i];
        let earlier = &contacts[..i];
        if !mobile.trim().is_empty() {
            if let Some(o) = earlier.iter().find(|o| o.1 != *key && crate::rules::phone::same_number(&o.2, mobile)) {
                let other = o.0.clone();
                c.error(&format!("{path}.mobile"), &MOBILE_SHARED).param("other", other);
            }
        }
        let email_key = crate::input::lower(email.trim());
        if !email_key.is_empty() {
            if let Some(o) = earlier.iter().find(|o| o.1 != *key && crate::input::lower(o.3.trim()) == email_key) {
                let other = o.0.clone();
                c.error(&format!("{path}.email"), &EMAIL_SHARED).param("other", other);
            }
        }
    }

    // Access.
    let access = &filing.access;
    let needs_access = !matches!(filing.kind, FilingKind::Cancel);
    if let (Some(field), true) = (profile.account_id_field, needs_access) {
        c.field("access.account_id", field, &access.account_id, &ctx, true);
    }
    if profile.account_id_field.is_some() && needs_access && access.ips.is_empty() && filing.kind != FilingKind::Change {
        c.required("access.ips", &terms::ACCESS_IPS);
    }
    for (j, ip) in c.capped("access.ips", &access.ips, MAX_ITEMS).iter().enumerate() {
        c.field(&format!("access.ips[{j}]"), "ip", ip, &ctx, true);
    }

    // Attachments, re-checked against the kind's limits.
    for (j, a) in c.capped("attachments", &filing.attachments, MAX_ITEMS).iter().enumerate() {
        let out = crate::attachment::check_metadata(a, profile.id);
        c.fields_checked += 1;
        for f in out.findings {
            c.findings.push((format!("attachments[{j}]"), None, f));
        }
    }

    let route = (filing.kind != FilingKind::Cancel).then(|| verification(&mut c, filing, entity_cert, profile, province));
    let documents = if filing.kind == FilingKind::Cancel { Vec::new() } else { checklist(filing, profile, route.as_ref().map(|r| r.route), province, locale) };
    finish(c, profile, filing.kind, documents, route, services.len())
}


/// Type and number of a certificate at `base`; returns the type's field id when known.
fn certificate(c: &mut Checker, base: &str, type_name: &str, number: &str, ctx: &Context) -> Option<&'static str> {
    if type_name.trim().is_empty() {
        c.required(&format!("{base}.certificate_type"), &terms::CERTIFICATE_TYPE);
        c.field(&format!("{base}.certificate_number"), "certificate", number, &Context { certificate_type: Some(CertificateType::Field("resident_id")), ..ctx.clone() }, true);
        return None;
    }
    let cctx = Context { certificate_type: certificate_type(type_name), ..ctx.clone() };
    c.field(&format!("{base}.certificate_number"), "certificate", number, &cctx, true);
    certificate_field(type_name)
}

fn person(c: &mut Checker, base: &str, p: &Person, ctx: &Context, personal_ctx: &Context) {
    c.field(&format!("{base}.name"), "person_name", &p.name, personal_ctx, true);
    let field = certificate(c, base, &p.certificate_type, &p.certificate_number, personal_ctx);
    if let Some(field) = field {
        if !PERSONAL_CERTIFICATES.contains(&field) {
            c.error(&format!("{base}.certificate_type"), &PERSONAL_CERTIFICATE_REQUIRED).input("type", crate::input::excerpt(&p.certificate_type, 30));
        }
    }
    let vctx = Context { certificate_type: field.map(CertificateType::Field), ..personal_ctx.clone() };
    c.field(&format!("{base}.certificate_validity"), "id_validity", &p.certificate_validity, &vctx, true);
    let mobile = c.field(&format!("{base}.mobile"), "mobile", &p.mobile, ctx, true);
    c.field(&format!("{base}.office_phone"), "phone", &p.office_phone, personal_ctx, false);
    let emergency = c.field(&format!("{base}.emergency_phone"), "phone", &p.emergency_phone, personal_ctx, true);
    let lines = (mobile.as_ref().and_then(crate::rules::phone::line_of), emergency.as_ref().and_then(crate::rules::phone::line_of));
    if matches!(lines, (Some(a), Some(b)) if a == b) {
        c.error(&format!("{base}.emergency_phone"), &EMERGENCY_SAME_AS_CONTACT);
    }
    c.field(&format!("{base}.email"), "email", &p.email, personal_ctx, true);
}

/// A record number's province prefix (京, 沪 ...) against the entity's province.
fn record_province(c: &mut Checker, path: &str, out: &Option<Outcome>, province: Option<Province>) {
    let (Some(p), Some(record_province)) = (province, detail_str(out, "province").and_then(|s| parse_province(&s))) else {
        return;
    };
    if p.code != record_province.code {
        c.error(path, &RECORD_PROVINCE_MISMATCH).param("record_province", province_value(record_province)).param("province", province_value(p));
    }
}

/// Electronic when the entity files a business licence and every person in charge a
/// resident ID card (nwcd-website-guide-en Tenth and Eleventh 3; nwcd-app-guide-en Eleventh;
/// sinnet-guide-en Step 4). A personal filing with a resident ID card is verified the same
/// way (face recognition in the provider's app), as the big consoles do; the seeds cover
/// enterprises only.
fn verification(c: &mut Checker, filing: &Filing, entity_cert: Option<&'static str>, profile: &Profile, province: Option<Province>) -> Verification {
    let locale = c.locale;
    let entity_ok = match filing.entity.entity_type {
        EntityType::Individual => entity_cert == Some("resident_id"),
        _ => entity_cert == Some("business_license"),
    };
    // The first certificate that keeps the filing off the electronic route, as typed.
    let as_typed = |t: &str| if t.trim().is_empty() { "?".to_owned() } else { crate::input::excerpt(t, 30) };
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
        Some(doc) => (Route::Manual, &ROUTE_MANUAL, vec![("document", Value::Input(doc))]),
    };
    let sms_verification = match (profile.sms_verification, province) {
        (SmsVerification::All, _) => Some(true),
        (SmsVerification::Provinces(list), Some(p)) => Some(list.iter().any(|l| l.0 == p.code)),
        _ => None,
    };
    let mut notes = Vec::new();
    if sms_verification == Some(true) {
        notes.push(render(NOTE_SMS.template(locale), &[], locale));
    }
    if let Some(p) = province {
        for (code, note) in profile.verification_notes {
            if code.0 == p.code {
                notes.push(render(note.template(locale), &[], locale));
            }
        }
    }
    Verification { route, reason: render(code.template(locale), &params, locale), reason_code: code.id, sms_verification, notes }
}

struct Lister<'a> {
    locale: Locale,
    items: Vec<DocumentItem>,
    attachments: &'a [AttachmentMeta],
}

impl Lister<'_> {
    fn add(&mut self, id: &'static str, need: Need, reason: &'static Code, params: &[(&'static str, Value)], source: &'static str, subject: &str) {
        let Some(d) = doc::document(id) else { return };
        let provided = (!self.attachments.is_empty()).then(|| {
            self.attachments.iter().any(|a| Some(a.kind.as_str()) == d.attachment_kind && (a.subject.is_empty() || a.subject == subject || subject.strip_prefix(a.subject.as_str()).is_some_and(|rest| rest.starts_with('.'))))
        });
        self.items.push(DocumentItem {
            id,
            name: self.locale.pick(d.zh, d.en).to_owned(),
            need,
            reason: render(reason.template(self.locale), params, self.locale),
            reason_code: reason.id,
            source,
            subject: subject.to_owned(),
            attachment_kind: d.attachment_kind,
            provided,
        });
    }
}

fn s(v: &str) -> Value {
    crate::input::quoted(v.trim(), 60)
}

/// The documents this filing needs, each with its reason and source.
fn checklist(filing: &Filing, profile: &Profile, route: Option<Route>, province: Option<Province>, locale: Locale) -> Vec<DocumentItem> {
    let mut l = Lister { locale, items: Vec::new(), attachments: &filing.attachments };
    let provider = Value::Provider(profile.id);
    let manual = route == Some(Route::Manual);
    let skip_uploads = route == Some(Route::Electronic) && profile.electronic_skips_uploads;
    let entity = &filing.entity;
    let entity_key = person_key(&entity.person_in_charge);
    const APPENDIX1: &str = "nwcd-website-guide-en Appendix 1; nwcd-app-guide-en Appendix 1";

    if !skip_uploads {
        if entity.entity_type != EntityType::Individual {
            l.add("entity_certificate", Need::Required, &doc::ENTITY_CERTIFICATE, &[], APPENDIX1, "entity");
        }
        l.add("person_certificate", Need::Required, &doc::ENTITY_PERSON_CERTIFICATE, &[("name", s(&entity.person_in_charge.name))], APPENDIX1, "entity.person_in_charge");
    }
    for (i, svc) in filing.services.iter().take(MAX_SERVICES).enumerate() {
        let subject = format!("services[{i}]");
        let p = &svc.person_in_charge;
        let params = [("name", s(&p.name)), ("service", s(&svc.name))];
        let other_person = person_key(p) != entity_key;
        if other_person && !skip_uploads {
            l.add("person_certificate", Need::Required, &doc::SERVICE_PERSON_CERTIFICATE, &params, APPENDIX1, &format!("{subject}.person_in_charge"));
        }
        if manual {
            l.add("verification_photo", Need::Required, &doc::VERIFICATION_PHOTO, &params, "nwcd-website-guide-en Appendix 1 item 5; sinnet-guide-en materials table item 5", &subject);
        }
        if other_person && entity.entity_type != EntityType::Individual {
            l.add("authorization_letter", Need::Required, &doc::AUTHORIZATION_LETTER, &params, "nwcd-website-guide-en Appendix 2 item 2; sinnet-guide-en materials table item 7", &subject);
        }
        if svc.service_type == ServiceType::App {
            l.add("app_icon", Need::Required, &doc::APP_ICON, &[("service", s(&svc.name))], "nwcd-app-guide-en Appendix 1 item 5", &subject);
        }
        for (j, d) in svc.domains.iter().take(MAX_ITEMS).enumerate() {
            let dsub = format!("{subject}.domains[{j}]");
            l.add("domain_real_name_screenshot", Need::Required, &doc::DOMAIN_SCREENSHOT, &[("domain", s(d))], "nwcd-website-guide-en Appendix 1 item 4; sinnet-guide-en materials table item 10", &dsub);
            if profile.domain_certificate_required {
                l.add("domain_certificate", Need::Required, &doc::DOMAIN_CERTIFICATE, &[("domain", s(d))], "sinnet-guide-en materials table item 9", &dsub);
            } else {
                l.add("domain_certificate", Need::Conditional, &doc::DOMAIN_CERTIFICATE_MAYBE, &[("domain", s(d))], "nwcd-website-guide-en Ninth 1, other attachments", &dsub);
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
    if !account.is_empty() && !entity.name.trim().is_empty() && name_key(account) != name_key(&entity.name) {
        l.add("confirmation_letter", Need::Required, &doc::CONFIRMATION_LETTER, &[("entity", s(&entity.name)), ("account", s(account))], "nwcd-website-guide-en Appendix 2 item 3; sinnet-guide-en Notice 3)", "filing");
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

fn finish(c: Checker, profile: &Profile, kind: FilingKind, documents: Vec<DocumentItem>, verification: Option<Verification>, services: usize) -> Report {
    let locale = c.locale;
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for (path, field, f) in c.findings {
        let Issue { code, severity, message, params } = issue(f, locale);
        let issue = PathIssue { path, field, code, severity, message, params };
        match severity {
            Severity::Error => errors.push(issue),
            Severity::Warning => warnings.push(issue),
        }
    }
    let summary = Summary {
        errors: errors.len(),
        warnings: warnings.len(),
        fields_checked: c.fields_checked,
        services,
        documents_required: documents.iter().filter(|d| d.need == Need::Required).count(),
        documents_conditional: documents.iter().filter(|d| d.need == Need::Conditional).count(),
    };
    Report { valid: errors.is_empty(), provider: profile.id, kind, errors, warnings, normalized: c.normalized, documents, verification, summary }
}

/// Parses a filing from JSON and validates it; a document that is not a filing gets a report
/// with `filing.malformed` (and the parser's position), never a panic.
pub fn validate_filing_json(json: &str, options: &Options) -> Report {
    if json.len() > MAX_JSON_BYTES {
        return rejected(&TOO_LARGE, "", options, &[("size", Value::Int(json.len() as i64)), ("max_size", Value::Int(MAX_JSON_BYTES as i64))]);
    }
    // serde would also accept a struct written as an array; a filing is an object.
    if !json.trim_start().starts_with('{') {
        return malformed(&terms::NOT_OBJECT, "", options);
    }
    match serde_json::from_str::<Filing>(json) {
        Ok(filing) => validate_filing(&filing, options),
        Err(e) => unreadable(&e, options),
    }
}

/// The report for a document the JSON parser refused: the reason as a term, the offending
/// key or value when the parser names one, and the parser's own text in `detail` (not shown
/// in the message, which stays in the caller's language).
pub fn unreadable(e: &serde_json::Error, options: &Options) -> Report {
    let text = e.to_string();
    // The parser quotes the name it means in backticks: "unknown field `foo`, expected ...".
    let quoted = || text.split('`').nth(1).map(|s| crate::input::quoted(s, 40));
    let (reason, key) = match e.classify() {
        serde_json::error::Category::Data if text.starts_with("unknown field") => (&terms::UNKNOWN_KEY, quoted()),
        serde_json::error::Category::Data if text.starts_with("unknown variant") => (&terms::UNKNOWN_VALUE, quoted()),
        serde_json::error::Category::Data => (&terms::WRONG_TYPE, None),
        _ if text.starts_with("recursion limit") => (&terms::TOO_DEEP, None),
        _ => (&terms::NOT_JSON, None),
    };
    let mut params = vec![("reason", Value::Term(reason)), ("detail", Value::Str(crate::input::excerpt(&text, 160)))];
    params.extend(key.map(|k| ("key", k)));
    rejected(&MALFORMED, "", options, &params)
}

/// The report for input that is not a filing at all (wrong JSON, wrong JS object shape):
/// `reason` says why in every locale; `detail` is the parser's own text, kept in the params.
pub fn malformed(reason: &'static Term, detail: &str, options: &Options) -> Report {
    rejected(&MALFORMED, "", options, &[("reason", Value::Term(reason)), ("detail", Value::Str(crate::input::excerpt(detail, 160)))])
}

/// JSON Schema (2020-12) of the filing model, generated from the Rust types.
#[cfg(feature = "schema")]
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Filing);
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}
