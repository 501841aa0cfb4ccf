//! A minimal proleptic Gregorian calendar date: all the rules need is "is this a real
//! day", ordering, adding years, and "today" in China Standard Time.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A real calendar day (proleptic Gregorian, years 1 to 9999), ordered; JSON carries it as
/// `YYYY-MM-DD`.
///
/// ```
/// use icp_validate::Date;
///
/// let d = Date::parse("2024.2.29").unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert_eq!(d.add_years(1).to_string(), "2025-02-28");
/// assert!(Date::parse("2023-02-29").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1 to 9999.
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A real calendar day, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        (1..=9999).contains(&year)
            .then_some(())
            .filter(|_| (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .map(|_| Date { year, month, day })
    }

    /// `YYYYMMDD` (8 ASCII digits).
    pub fn from_compact(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 8 || !b.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
        Date::new(n(0..4)? as i32, n(4..6)? as u8, n(6..8)? as u8)
    }

    /// `YYYY-MM-DD`, also `YYYY.MM.DD`, `YYYY/MM/DD` and `YYYYMMDD`, as printed on Chinese
    /// ID cards and typed into forms.
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
            return Date::from_compact(s);
        }
        let mut parts = s.split(['-', '.', '/']);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return None;
        }
        if ![y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The calendar day in China Standard Time (UTC+8, no DST) for a Unix time.
    pub fn from_unix_seconds_cst(secs: i64) -> Date {
        Date::from_days((secs + 8 * 3600).div_euclid(86_400))
    }

    /// Same month and day `years` later; 29 February becomes 28 February in common years.
    pub fn add_years(self, years: i32) -> Date {
        let year = self.year + years;
        let day = self.day.min(days_in_month(year, self.month));
        Date { year, month: self.month, day }
    }

    /// Same day `months` later; a day the month lacks becomes its last day (30 November
    /// plus 3 months is 28 or 29 February).
    pub fn add_months(self, months: i32) -> Date {
        let index = self.year * 12 + i32::from(self.month) - 1 + months;
        let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
        Date { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// Whole years from `self` to `later` (age on `later` for a birth date `self`).
    pub fn years_until(self, later: Date) -> i32 {
        let mut years = later.year - self.year;
        if (later.month, later.day) < (self.month, self.day) {
            years -= 1;
        }
        years
    }

    /// Today in China, from the system clock. `None` where there is no clock (wasm32
    /// without JS; the wasm bindings pass the browser's date instead).
    pub fn today() -> Option<Date> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
            Some(Date::from_unix_seconds_cst(now.as_secs() as i64))
        }
        #[cfg(target_arch = "wasm32")]
        {
            None
        }
    }
}

impl Date {
    /// `YYYY-MM-DD` written digit by digit, for years 0 to 9999: this is in every resident
    /// ID's details, where `{:04}` padding through the formatter cost a tenth of that rule's
    /// time, and on the wire between the package's modules, which links no formatter.
    pub fn digits(self) -> Option<[u8; 10]> {
        let year = u16::try_from(self.year).ok().filter(|&y| y <= 9999 && self.month <= 99 && self.day <= 99)?;
        let d = |n: u16| b'0' + (n % 10) as u8;
        let (m, dd) = (u16::from(self.month), u16::from(self.day));
        Some([d(year / 1000), d(year / 100), d(year / 10), d(year), b'-', d(m / 10), d(m), b'-', d(dd / 10), d(dd)])
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(text) => f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?),
            None => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date (YYYY-MM-DD): {:.20}", s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_days() {
        for days in [-719_468, -1, 0, 1, 11_016, 20_000, 2_932_896] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::from_days(0), Date::new(1970, 1, 1).unwrap());
        assert_eq!(Date::new(2000, 2, 29).unwrap().to_days(), 11_016);
    }

    #[test]
    fn validates_calendar_days() {
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2023, 4, 31).is_none());
        assert!(Date::from_compact("20231301").is_none());
        assert_eq!(Date::parse("2021.3.5"), Date::new(2021, 3, 5));
        assert_eq!(Date::parse("2021-03-05x"), None);
    }

    #[test]
    fn china_day_boundary() {
        // 2024-01-01T16:00:00Z is 2024-01-02 00:00 in Beijing.
        assert_eq!(Date::from_unix_seconds_cst(1_704_124_800).to_string(), "2024-01-02");
        assert_eq!(Date::from_unix_seconds_cst(1_704_124_799).to_string(), "2024-01-01");
    }

    #[test]
    fn ages_and_leap_days() {
        let birth = Date::new(2004, 2, 29).unwrap();
        assert_eq!(birth.add_years(1), Date::new(2005, 2, 28).unwrap());
        assert_eq!(birth.years_until(Date::new(2022, 2, 28).unwrap()), 17);
        assert_eq!(birth.years_until(Date::new(2022, 3, 1).unwrap()), 18);
    }
}
