//! One module per rule family; each exports `RULES` for the registry.

pub mod access;
pub mod app;
pub mod certificates;
pub mod domain;
pub mod email;
pub mod idn;
pub mod names;
pub mod phone;
pub mod record_numbers;
pub mod resident_id;
pub mod traditional;
pub mod uscc;
pub mod validity;
