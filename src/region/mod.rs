//! Administrative divisions (GB/T 2260), from generated tables.

mod provinces;

/// A provincial-level division.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Province {
    /// GB/T 2260 two-digit code (11 Beijing ... 82 Macao).
    pub code: u8,
    /// Official Chinese name, e.g. `北京市`.
    pub name_zh: &'static str,
}

/// All 34 provincial-level divisions, sorted by code.
pub fn provinces() -> impl Iterator<Item = Province> {
    provinces::PROVINCES.iter().map(|&(code, name_zh)| Province { code, name_zh })
}

/// The province of a GB/T 2260 two-digit code.
pub fn province_by_code(code: u8) -> Option<Province> {
    provinces::PROVINCES
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| Province { code, name_zh: provinces::PROVINCES[i].1 })
}

/// The province of a 6-digit region code's first two digits (`"110105"` -> Beijing).
pub fn province_of_region_code(region: &str) -> Option<Province> {
    let two = region.get(..2)?;
    if !two.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    province_by_code(two.parse().ok()?)
}
