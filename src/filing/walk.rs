//! The field pass of a filing: every field rule at its path (`services[0].domains[1]`), in
//! document order, with the context each needs. The outcomes stay by path for the
//! cross-field rules (`filing::rules`), which read them instead of checking a value twice.
//!
//! Two phases, one code path natively and in the npm package's filing module: the walk first
//! asks for every field rule (a `registry::bridge::Batch`), then applies the answers in the
//! order asked. Natively `answer` runs the rules in a loop; the filing module, which links no
//! field rule, asks its field module for all of them in one call across JS.

use std::collections::BTreeMap;

use super::model::*;
use super::report::*;
use crate::context::{CertificateType, Context, Platform};
use crate::message::{Code, Severity};
use crate::outcome::{DetailKey, Finding, Outcome};
use crate::providers::Provider;
use crate::region::{parse_province, Province};
use crate::registry::context::certificate_type;
use crate::rules::certificates::certificate_field;
// The npm package's filing module asks its field module (registry/bridge.rs), natively the
// rules run in a loop.
use crate::registry::bridge::{answer, Batch};

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

impl Slot {
    /// The details of the outcome kept here that the cross-field rules and the checklist read
    /// (`Outcome::detail_value`, `rules::phone::line_of`): only these are asked for, natively
    /// as in the filing module, so a rule that reads another one must name it here.
    fn details(self) -> &'static [&'static str] {
        const CERTIFICATE: &[&str] = &[DetailKey::KIND.name()];
        const RECORD: &[&str] = &[DetailKey::PROVINCE.name(), DetailKey::SERVICE_TYPE.name()];
        const DOMAIN: &[&str] = &[DetailKey::REGISTRABLE_DOMAIN.name(), DetailKey::REGISTRABLE_DOMAIN_UNICODE.name()];
        const PHONE: &[&str] = &[DetailKey::EXTENSION.name()];
        match self {
            Slot::EntityCertificate => CERTIFICATE,
            Slot::EntityRecord | Slot::ServiceRecord(_) => RECORD,
            Slot::Domain(..) => DOMAIN,
            Slot::Mobile(_) | Slot::Emergency(_) => PHONE,
        }
    }
}

/// Where a field is, written out (`services[0].domains[1]`) only when a finding or a
/// normalized value is put there, which a valid filing hardly ever needs.
#[derive(Clone, Copy)]
enum At {
    /// The same path in every filing (`entity.name`).
    Fixed(&'static str),
    /// `<block>.<leaf>` in a person in charge's block (person `i`, as in [`Walk::person_path`]).
    Person(usize, &'static str),
    /// `services[i].<leaf>`.
    Service(usize, &'static str),
    /// `services[i].domains[j]`.
    Domain(usize, usize),
    /// `services[i].platforms[j].<leaf>`.
    Platform(usize, usize, &'static str),
    /// `access.ips[j]`.
    Ip(usize),
}

impl At {
    fn path(self) -> String {
        match self {
            At::Fixed(p) => p.to_owned(),
            At::Person(i, leaf) => format!("{}.{leaf}", Walk::person_path(i)),
            At::Service(i, leaf) => format!("services[{i}].{leaf}"),
            At::Domain(i, j) => format!("services[{i}].domains[{j}]"),
            At::Platform(i, j, leaf) => format!("services[{i}].platforms[{j}].{leaf}"),
            At::Ip(j) => format!("access.ips[{j}]"),
        }
    }
}

/// A field rule asked for and not yet answered: where its findings and normalized value go,
/// and the slot its outcome is kept in.
struct Asked {
    at: At,
    field: &'static str,
    /// Its answer in `Answers::outcomes` (one answer for the same request asked twice).
    answer: usize,
    /// How many findings the walk had found when this was asked: its findings go there.
    found: usize,
    slot: Option<Slot>,
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
    /// Each person's mobile as a phone line (`rules::phone::normalized_phone`), in the order
    /// of [`Walk::persons`].
    mobile_lines: Vec<Option<String>>,
    /// The field pass's questions, while it asks them.
    batch: Batch<'a>,
    asked: Vec<Asked>,
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

    /// Whether persons `a` and `b` (as indexed by [`Walk::persons`]) have the same mobile
    /// number, however each typed it (`rules::phone::same_number`).
    pub fn same_mobile(&self, a: usize, b: usize) -> bool {
        matches!((self.mobile_lines.get(a), self.mobile_lines.get(b)), (Some(Some(x)), Some(Some(y))) if x == y)
    }

    /// The services checked (at most `MAX_SERVICES`).
    pub fn services(&self) -> &'a [Service] {
        let s = &self.filing.services;
        &s[..s.len().min(MAX_SERVICES)]
    }

    /// Every person in charge with the path of their block: the entity's first, then each
    /// checked service's.
    pub fn persons(&self) -> Vec<(String, &'a Person)> {
        self.persons_in_charge().into_iter().enumerate().map(|(i, p)| (Self::person_path(i), p)).collect()
    }

    /// Every person in charge, as [`Walk::persons`] without the paths.
    pub fn persons_in_charge(&self) -> Vec<&'a Person> {
        std::iter::once(&self.filing.entity.person_in_charge).chain(self.services().iter().map(|s| &s.person_in_charge)).collect()
    }

    /// The path of person `i`'s block: 0 the entity's, 1 + i service i's.
    pub fn person_path(i: usize) -> String {
        match i {
            0 => "entity.person_in_charge".to_owned(),
            i => format!("services[{}].person_in_charge", i - 1),
        }
    }

    /// Asks for a field rule, its outcome to be kept at `slot`; empty optional values are
    /// skipped, empty required ones reported by the rule itself (`input.empty`).
    fn field(&mut self, at: At, field: &'static str, value: &'a str, ctx: &Context, required: bool, slot: Option<Slot>) {
        if !required && value.trim().is_empty() {
            return;
        }
        let answer = self.batch.field(field, value, ctx, slot.map_or(&[], Slot::details));
        self.asked.push(Asked { at, field, answer, found: self.findings.list.len(), slot });
        self.fields_checked += 1;
    }

    /// Gets every answer at once and applies each where it was asked: findings in the order
    /// found (between the ones the walk found itself meanwhile), normalized values, kept
    /// outcomes, the persons' mobile lines.
    fn settle(&mut self) {
        // Every person's mobile, in the order of `persons`, for `same_mobile`.
        let phones: Vec<usize> = self.persons_in_charge().into_iter().map(|p| self.batch.phone(&p.mobile)).collect();
        let batch = std::mem::take(&mut self.batch);
        let answers = answer(&batch);
        // The last asker of an answer takes it, the others clone it.
        let mut askers = vec![0usize; answers.outcomes.len()];
        self.asked.iter().for_each(|a| askers[a.answer] += 1);
        let mut outcomes = answers.outcomes;
        let mut own = std::mem::take(&mut self.findings.list).into_iter();
        let mut taken = 0;
        for asked in std::mem::take(&mut self.asked) {
            self.findings.list.extend(own.by_ref().take(asked.found - taken));
            taken = asked.found;
            askers[asked.answer] -= 1;
            let out = if askers[asked.answer] == 0 { std::mem::take(&mut outcomes[asked.answer]) } else { outcomes[asked.answer].clone() };
            let normalized = out.normalized.as_ref().filter(|n| !out.has_errors() && **n != batch.fields[asked.answer].value);
            if normalized.is_none() && out.findings.is_empty() {
                if let Some(slot) = asked.slot {
                    self.kept.push((slot, out));
                }
                continue;
            }
            let path = asked.at.path();
            if let Some(n) = normalized {
                self.normalized.insert(path.clone(), n.clone());
            }
            match asked.slot {
                Some(slot) => {
                    for f in &out.findings {
                        self.findings.list.push((path.clone(), Some(asked.field), f.clone()));
                    }
                    self.kept.push((slot, out));
                }
                None => {
                    for f in out.findings {
                        self.findings.list.push((path.clone(), Some(asked.field), f));
                    }
                }
            }
        }
        self.findings.list.extend(own);
        self.mobile_lines = phones.into_iter().map(|i| answers.phone_lines.get(i).cloned().flatten()).collect();
    }

    /// Caps a list at `max` (at `path`), reporting the cut.
    fn capped<'b, T>(&mut self, path: impl FnOnce() -> String, items: &'b [T], max: usize) -> &'b [T] {
        if items.len() > max {
            self.findings.error(&path(), &TOO_MANY).param("max", max);
        }
        &items[..items.len().min(max)]
    }

    /// Type and number (at `at`) of a certificate (the number is checked as a resident ID
    /// when no type is given; `filing.required` says the type is missing).
    fn certificate(&mut self, at: At, type_name: &str, number: &'a str, ctx: &Context, slot: Option<Slot>) -> Option<&'static str> {
        // `certificate_type` of a named type that has a field is that field: looked up once.
        let field = certificate_field(type_name);
        let t = match field {
            Some(f) if !type_name.trim().is_empty() => Some(CertificateType::Field(f)),
            _ => certificate_type(type_name),
        };
        let t = t.or(Some(CertificateType::Field("resident_id")));
        self.field(at, "certificate", number, &Context { certificate_type: t, ..ctx.clone() }, true, slot);
        field
    }

    /// Person `index`'s block (0 the entity's, 1 + i service i's).
    fn person(&mut self, index: usize, p: &'a Person, ctx: &Context, personal_ctx: &Context) {
        self.field(At::Person(index, "name"), "person_name", &p.name, personal_ctx, true, None);
        let field = self.certificate(At::Person(index, "certificate_number"), &p.certificate_type, &p.certificate_number, personal_ctx, None);
        let vctx = Context { certificate_type: field.map(CertificateType::Field), ..personal_ctx.clone() };
        self.field(At::Person(index, "certificate_validity"), "id_validity", &p.certificate_validity, &vctx, true, None);
        self.field(At::Person(index, "mobile"), "mobile", &p.mobile, ctx, true, Some(Slot::Mobile(index)));
        self.field(At::Person(index, "office_phone"), "phone", &p.office_phone, personal_ctx, false, None);
        self.field(At::Person(index, "emergency_phone"), "phone", &p.emergency_phone, personal_ctx, true, Some(Slot::Emergency(index)));
        self.field(At::Person(index, "email"), "email", &p.email, personal_ctx, true, None);
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
    let found = provider_id.and_then(crate::context::Provider::find);
    let unknown_provider = match (provider_id, found) {
        (Some(id), None) => Some((if options.provider.is_some() { "options.provider" } else { "provider" }, id)),
        _ => None,
    };
    let provider = found.unwrap_or(crate::context::Provider::Generic);
    let profile = crate::providers::profile(provider);
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
        mobile_lines: Vec::new(),
        batch: Batch::default(),
        asked: Vec::new(),
    };

    // Context every field rule sees; the province only once it is recognisable, so one typo
    // in it is reported once, at entity.province, not at every phone.
    let ctx = Context {
        today: options.today,
        province: province.map(|p| crate::province_code::ProvinceCode(p.code)),
        provider: Some(provider),
        entity_type: Some(entity.entity_type),
        national_document: Some(entity.national_document),
        ..Context::default()
    };
    // Personal documents and record numbers are not compared with the entity's province here
    // (record numbers are, as an error, by the `record_province` rule).
    let personal_ctx = Context { province: None, ..ctx.clone() };

    w.field(At::Fixed("entity.province"), "province", &entity.province, &ctx, true, None);
    w.field(At::Fixed("entity.name"), "entity_name", &entity.name, &ctx, true, None);
    w.entity_certificate = w.certificate(At::Fixed("entity.certificate_number"), &entity.certificate_type, &entity.certificate_number, &ctx, Some(Slot::EntityCertificate));
    if filing.kind.entity_is_filed() {
        w.field(At::Fixed("entity.record_number"), "icp_record_number", &entity.record_number, &personal_ctx, true, Some(Slot::EntityRecord));
    }
    w.person(0, &entity.person_in_charge, &ctx, &personal_ctx);

    let services = w.capped(|| "services".into(), &filing.services, MAX_SERVICES);
    for (i, s) in services.iter().enumerate() {
        let (name_field, domain_field) = match s.service_type {
            ServiceType::Website => ("website_name", "domain"),
            ServiceType::App => ("app_name", "app_domain"),
        };
        w.field(At::Service(i, "name"), name_field, &s.name, &ctx, true, None);
        if filing.kind.services_are_filed() {
            w.field(At::Service(i, "record_number"), "icp_record_number", &s.record_number, &personal_ctx, true, Some(Slot::ServiceRecord(i)));
        }
        for (j, d) in w.capped(|| format!("services[{i}].domains"), &s.domains, MAX_ITEMS).iter().enumerate() {
            w.field(At::Domain(i, j), domain_field, d.name(), &ctx, true, Some(Slot::Domain(i, j)));
        }
        if s.service_type == ServiceType::App {
            for (j, p) in w.capped(|| format!("services[{i}].platforms"), &s.platforms, MAX_PLATFORMS).iter().enumerate() {
                let pctx = Context { platform: Platform::parse(&p.platform), ..ctx.clone() };
                w.field(At::Platform(i, j, "package"), "app_package", &p.package, &pctx, true, None);
                w.field(At::Platform(i, j, "public_key"), "public_key", &p.public_key, &pctx, true, None);
                w.field(At::Platform(i, j, "md5"), "md5", &p.md5, &pctx, true, None);
            }
        }
        w.capped(|| format!("services[{i}].categories"), &s.categories, MAX_ITEMS);
        w.person(i + 1, &s.person_in_charge, &ctx, &personal_ctx);
    }

    let access = &filing.access;
    if let (Some(field), false) = (profile.account_id_field, filing.kind == FilingKind::Cancel) {
        w.field(At::Fixed("access.account_id"), field, &access.account_id, &ctx, true, None);
    }
    for (j, ip) in w.capped(|| "access.ips".into(), &access.ips, MAX_ITEMS).iter().enumerate() {
        w.field(At::Ip(j), "ip", ip, &ctx, true, None);
    }
    w.settle();

    // Attachments, re-checked against the kind's limits.
    for (j, a) in w.capped(|| "attachments".into(), &filing.attachments, MAX_ITEMS).iter().enumerate() {
        let out = crate::attachment::check_metadata_for(a, profile);
        w.fields_checked += 1;
        for f in out.findings {
            w.findings.list.push((format!("attachments[{j}]"), None, f));
        }
    }
    w
}
