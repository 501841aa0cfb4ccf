//! The field pass of a filing: every field rule at its path (`services[0].domains[1]`), in
//! document order, with the context each needs. The outcomes stay by path for the
//! cross-field rules (`filing::rules`), which read them instead of checking a value twice.

use std::collections::BTreeMap;

use super::model::*;
use super::report::*;
use crate::context::{CertificateType, Context, Platform};
use crate::message::{Code, Severity};
use crate::outcome::{Finding, Outcome};
use crate::providers::Provider;
use crate::region::{parse_province, Province};
use crate::registry::context::certificate_type;
use crate::rules::certificates::certificate_field;
// The npm package's filing module asks its field module instead (registry/bridge.rs).
#[cfg(all(target_arch = "wasm32", feature = "filing-module"))]
use crate::registry::bridge::check_field;
#[cfg(not(all(target_arch = "wasm32", feature = "filing-module")))]
use crate::registry::check_field;

/// Findings at their paths, in the order found: `(path, field rule, finding)`.
#[derive(Default)]
pub struct Findings {
    pub list: Vec<(String, Option<&'static str>, Finding)>,
}

impl Findings {
    pub fn push(&mut self, path: &str, code: &'static Code, severity: Severity) -> &mut Finding {
        self.list.push((path.to_owned(), None, Finding { code, severity, params: Vec::new() }));
        &mut self.list.last_mut().expect("just pushed").2
    }

    pub fn error(&mut self, path: &str, code: &'static Code) -> &mut Finding {
        self.push(path, code, Severity::Error)
    }
}

/// A field whose outcome the cross-field rules read again. Persons count from 0 for the
/// entity's person in charge, then 1 + the service index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    EntityCertificate,
    EntityRecord,
    ServiceRecord(usize),
    Domain(usize, usize),
    Mobile(usize),
    Emergency(usize),
}

/// What the field pass learnt, for the cross-field rules, the route and the checklist.
pub struct Walk<'a> {
    pub filing: &'a Filing,
    pub options: &'a Options,
    pub profile: &'static Provider,
    /// The provider id as given when no profile has it, and where it was given.
    pub unknown_provider: Option<(&'static str, &'a str)>,
    /// The entity's province, once recognisable.
    pub province: Option<Province>,
    /// The field id of the entity's certificate type, when known.
    pub entity_certificate: Option<&'static str>,
    /// The outcomes the cross-field rules read (the others are dropped at once).
    kept: Vec<(Slot, Outcome)>,
    pub normalized: BTreeMap<String, String>,
    pub fields_checked: usize,
    pub findings: Findings,
}

impl<'a> Walk<'a> {
    /// The outcome of the field rule run at `slot`, if one ran.
    pub fn outcome(&self, slot: Slot) -> Option<&Outcome> {
        self.kept.iter().find(|(s, _)| *s == slot).map(|(_, o)| o)
    }

    /// The canonical form at `slot`: the rule's normalised value, or the trimmed input.
    pub fn canonical(&self, slot: Slot, typed: &str) -> String {
        self.outcome(slot).and_then(|o| o.normalized.clone()).unwrap_or_else(|| typed.trim().to_owned())
    }

    /// The services checked (at most `MAX_SERVICES`).
    pub fn services(&self) -> &'a [Service] {
        let s = &self.filing.services;
        &s[..s.len().min(MAX_SERVICES)]
    }

    /// Every person in charge with the path of their block: the entity's first, then each
    /// checked service's.
    pub fn persons(&self) -> Vec<(String, &'a Person)> {
        let mut v = vec![("entity.person_in_charge".to_owned(), &self.filing.entity.person_in_charge)];
        v.extend(self.services().iter().enumerate().map(|(i, s)| (format!("services[{i}].person_in_charge"), &s.person_in_charge)));
        v
    }

    /// Runs a field rule; empty optional values are skipped, empty required ones reported by
    /// the rule itself (`input.empty`).
    fn field(&mut self, path: &str, field: &'static str, value: &str, ctx: &Context, required: bool) -> Option<Outcome> {
        if !required && value.trim().is_empty() {
            return None;
        }
        let out = check_field(field, value, ctx);
        self.fields_checked += 1;
        if !out.has_errors() {
            if let Some(n) = &out.normalized {
                if n != value {
                    self.normalized.insert(path.to_owned(), n.clone());
                }
            }
        }
        for f in &out.findings {
            self.findings.list.push((path.to_owned(), Some(field), f.clone()));
        }
        Some(out)
    }

    /// Keeps an outcome for the cross-field rules.
    fn keep(&mut self, slot: Slot, out: Option<Outcome>) {
        if let Some(out) = out {
            self.kept.push((slot, out));
        }
    }

    /// Caps a list at `max`, reporting the cut.
    fn capped<'b, T>(&mut self, path: &str, items: &'b [T], max: usize) -> &'b [T] {
        if items.len() > max {
            self.findings.error(path, &TOO_MANY).param("max", max);
        }
        &items[..items.len().min(max)]
    }

    /// Type and number of a certificate at `base` (the number is checked as a resident ID
    /// when no type is given; `filing.required` says the type is missing).
    fn certificate(&mut self, base: &str, type_name: &str, number: &str, ctx: &Context, slot: Option<Slot>) -> Option<&'static str> {
        let t = certificate_type(type_name).or(Some(CertificateType::Field("resident_id")));
        let out = self.field(&format!("{base}.certificate_number"), "certificate", number, &Context { certificate_type: t, ..ctx.clone() }, true);
        if let Some(slot) = slot {
            self.keep(slot, out);
        }
        certificate_field(type_name)
    }

    fn person(&mut self, index: usize, base: &str, p: &Person, ctx: &Context, personal_ctx: &Context) {
        self.field(&format!("{base}.name"), "person_name", &p.name, personal_ctx, true);
        let field = self.certificate(base, &p.certificate_type, &p.certificate_number, personal_ctx, None);
        let vctx = Context { certificate_type: field.map(CertificateType::Field), ..personal_ctx.clone() };
        self.field(&format!("{base}.certificate_validity"), "id_validity", &p.certificate_validity, &vctx, true);
        let mobile = self.field(&format!("{base}.mobile"), "mobile", &p.mobile, ctx, true);
        self.keep(Slot::Mobile(index), mobile);
        self.field(&format!("{base}.office_phone"), "phone", &p.office_phone, personal_ctx, false);
        let emergency = self.field(&format!("{base}.emergency_phone"), "phone", &p.emergency_phone, personal_ctx, true);
        self.keep(Slot::Emergency(index), emergency);
        self.field(&format!("{base}.email"), "email", &p.email, personal_ctx, true);
    }
}

/// A person's identity for "same person" questions: the certificate number when given, else
/// the name as compared by the name rules.
pub fn person_key(p: &Person) -> String {
    let mut number = crate::input::without_whitespace(&p.certificate_number);
    number.make_ascii_uppercase();
    if number.is_empty() {
        format!("name:{}", crate::rules::names::name_key(&p.name))
    } else {
        format!("id:{number}")
    }
}

/// Runs every field rule of the filing at its path.
pub fn walk<'a>(filing: &'a Filing, options: &'a Options) -> Walk<'a> {
    let provider_id = options.provider.as_deref().or(filing.provider.as_deref()).filter(|p| !p.trim().is_empty());
    let found = provider_id.and_then(crate::providers::find);
    let unknown_provider = match (provider_id, found) {
        (Some(id), None) => Some((if options.provider.is_some() { "options.provider" } else { "provider" }, id)),
        _ => None,
    };
    let profile = found.unwrap_or_else(|| crate::providers::find_or_generic(None));
    let entity = &filing.entity;
    let province = parse_province(&entity.province);
    let mut w = Walk {
        filing,
        options,
        profile,
        unknown_provider,
        province,
        entity_certificate: None,
        kept: Vec::new(),
        normalized: BTreeMap::new(),
        fields_checked: 0,
        findings: Findings::default(),
    };

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
    // Personal documents and record numbers are not compared with the entity's province here
    // (record numbers are, as an error, by the `record_province` rule).
    let personal_ctx = Context { province: None, ..ctx.clone() };

    w.field("entity.province", "province", &entity.province, &ctx, true);
    w.field("entity.name", "entity_name", &entity.name, &ctx, true);
    w.entity_certificate = w.certificate("entity", &entity.certificate_type, &entity.certificate_number, &ctx, Some(Slot::EntityCertificate));
    if filing.kind.entity_is_filed() {
        let out = w.field("entity.record_number", "icp_record_number", &entity.record_number, &personal_ctx, true);
        w.keep(Slot::EntityRecord, out);
    }
    w.person(0, "entity.person_in_charge", &entity.person_in_charge, &ctx, &personal_ctx);

    let services = w.capped("services", &filing.services, MAX_SERVICES);
    for (i, s) in services.iter().enumerate() {
        let base = format!("services[{i}]");
        let (name_field, domain_field) = match s.service_type {
            ServiceType::Website => ("website_name", "domain"),
            ServiceType::App => ("app_name", "app_domain"),
        };
        w.field(&format!("{base}.name"), name_field, &s.name, &ctx, true);
        if filing.kind.services_are_filed() {
            let out = w.field(&format!("{base}.record_number"), "icp_record_number", &s.record_number, &personal_ctx, true);
            w.keep(Slot::ServiceRecord(i), out);
        }
        for (j, d) in w.capped(&format!("{base}.domains"), &s.domains, MAX_ITEMS).iter().enumerate() {
            let out = w.field(&format!("{base}.domains[{j}]"), domain_field, d.name(), &ctx, true);
            w.keep(Slot::Domain(i, j), out);
        }
        if s.service_type == ServiceType::App {
            for (j, p) in w.capped(&format!("{base}.platforms"), &s.platforms, MAX_PLATFORMS).iter().enumerate() {
                let pbase = format!("{base}.platforms[{j}]");
                let pctx = Context { platform: Platform::parse(&p.platform), ..ctx.clone() };
                w.field(&format!("{pbase}.package"), "app_package", &p.package, &pctx, true);
                w.field(&format!("{pbase}.public_key"), "public_key", &p.public_key, &pctx, true);
                w.field(&format!("{pbase}.md5"), "md5", &p.md5, &pctx, true);
            }
        }
        w.capped(&format!("{base}.categories"), &s.categories, MAX_ITEMS);
        w.person(i + 1, &format!("{base}.person_in_charge"), &s.person_in_charge, &ctx, &personal_ctx);
    }

    let access = &filing.access;
    if let (Some(field), false) = (profile.account_id_field, filing.kind == FilingKind::Cancel) {
        w.field("access.account_id", field, &access.account_id, &ctx, true);
    }
    for (j, ip) in w.capped("access.ips", &access.ips, MAX_ITEMS).iter().enumerate() {
        w.field(&format!("access.ips[{j}]"), "ip", ip, &ctx, true);
    }

    // Attachments, re-checked against the kind's limits.
    for (j, a) in w.capped("attachments", &filing.attachments, MAX_ITEMS).iter().enumerate() {
        let out = crate::attachment::check_metadata(a, profile.id);
        w.fields_checked += 1;
        for f in out.findings {
            w.findings.list.push((format!("attachments[{j}]"), None, f));
        }
    }
    w
}
