//! `required_items`: what a filing cannot go without beyond its fields' own `input.empty`: a
//! certificate type for every certificate, the entity's address, at least one service (new
//! filings), a website's domain, an APP's platforms, and the access IPs where the provider
//! asks for an account (nwcd-website-guide-en Ninth 1; nwcd-app-guide-en Tenth 1;
//! sinnet-guide-en Step 2~3).

use super::cross_rule::CrossRule;
use crate::filing::model::{FilingKind, ServiceType};
use crate::filing::report::MAX_PLATFORMS;
use crate::filing::terms;
use crate::filing::walk::{Findings, Walk};
use crate::message::{Code, Term, Value};
use crate::message::text;

pub const REQUIRED: Code = Code { id: "filing.required", zh: text("请填写{item}"), en: text("{item} is required") };

pub static RULE: CrossRule = CrossRule {
    id: "required_items",
    reads: &["kind", "entity", "services", "access.ips", "provider"],
    writes: &[
        "entity.certificate_type",
        "entity.address",
        "entity.person_in_charge.certificate_type",
        "services",
        "services[*].domains",
        "services[*].platforms",
        "services[*].platforms[*].platform",
        "services[*].person_in_charge.certificate_type",
        "access.ips",
    ],
    codes: &[&REQUIRED],
    check,
};

fn required(f: &mut Findings, path: &str, item: &'static Term) {
    f.error(path, &REQUIRED).param("item", Value::Term(item));
}

fn check(w: &Walk, f: &mut Findings) {
    let filing = w.filing;
    let entity = &filing.entity;
    if entity.certificate_type.trim().is_empty() {
        required(f, "entity.certificate_type", &terms::CERTIFICATE_TYPE);
    }
    if entity.address.trim().is_empty() {
        required(f, "entity.address", &terms::ENTITY_ADDRESS);
    }
    if entity.person_in_charge.certificate_type.trim().is_empty() {
        required(f, "entity.person_in_charge.certificate_type", &terms::CERTIFICATE_TYPE);
    }
    let needs_services = !matches!(filing.kind, FilingKind::Change | FilingKind::Cancel);
    if needs_services && filing.services.is_empty() {
        required(f, "services", &terms::SERVICES);
    }
    for (i, s) in w.services().iter().enumerate() {
        if s.domains.is_empty() && s.service_type == ServiceType::Website && filing.kind != FilingKind::Cancel {
            required(f, &format!("services[{i}].domains"), &terms::WEBSITE_DOMAIN);
        }
        if s.service_type == ServiceType::App {
            if s.platforms.is_empty() && filing.kind != FilingKind::Cancel {
                required(f, &format!("services[{i}].platforms"), &terms::APP_PLATFORMS);
            }
            for (j, p) in s.platforms.iter().take(MAX_PLATFORMS).enumerate() {
                if p.platform.trim().is_empty() {
                    required(f, &format!("services[{i}].platforms[{j}].platform"), &terms::PLATFORM);
                }
            }
        }
        if s.person_in_charge.certificate_type.trim().is_empty() {
            required(f, &format!("services[{i}].person_in_charge.certificate_type"), &terms::CERTIFICATE_TYPE);
        }
    }
    let kind = filing.kind;
    if w.profile.account_id_field.is_some() && kind != FilingKind::Cancel && kind != FilingKind::Change && filing.access.ips.is_empty() {
        required(f, "access.ips", &terms::ACCESS_IPS);
    }
}
