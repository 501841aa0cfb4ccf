//! One module per rule family; each exports `RULES` for the registry.

pub mod resident_id;
pub mod uscc;
pub mod domain;
pub mod app;
pub mod access;
