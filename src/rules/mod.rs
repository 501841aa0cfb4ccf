//! One module per rule family; each exports `RULES` for the registry.

pub mod certificates;
pub mod email;
pub mod names;
pub mod record_numbers;
pub mod resident_id;
pub mod uscc;
pub mod phone;
pub mod validity;
