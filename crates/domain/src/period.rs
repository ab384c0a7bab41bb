//! Periods of measurement: a year (`2023`) or a quarter of a year (`2023-Q2`).

use std::fmt;
use std::str::FromStr;

/// A year, or a quarter of a year, that a measurement describes.
///
/// Ordered in time; a year sorts before its own quarters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    year: i32,
    quarter: Option<u8>,
}

/// Why a text is not a period.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a period (a year such as 2023, or a quarter such as 2023-Q2)")]
pub struct InvalidPeriod(pub String);

/// Years wijkbeeld accepts; outside them a number is far more likely a typing error.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

impl Period {
    /// A whole year.
    pub fn year(year: i32) -> Result<Self, InvalidPeriod> {
        if YEARS.contains(&year) { Ok(Period { year, quarter: None }) } else { Err(InvalidPeriod(year.to_string())) }
    }

    /// A quarter (1–4) of a year.
    pub fn quarter(year: i32, quarter: u8) -> Result<Self, InvalidPeriod> {
        if YEARS.contains(&year) && (1..=4).contains(&quarter) {
            Ok(Period { year, quarter: Some(quarter) })
        } else {
            Err(InvalidPeriod(format!("{year}-Q{quarter}")))
        }
    }

    /// The calendar year.
    pub fn year_number(self) -> i32 {
        self.year
    }

    /// The quarter, or `None` for a whole year.
    pub fn quarter_number(self) -> Option<u8> {
        self.quarter
    }

    /// The period as a number of years on a time axis: the year itself, or for a quarter the
    /// year plus the fraction of the year before it (2023-Q3 is 2023.5). Used for trends and
    /// target lines.
    pub fn as_fractional_year(self) -> f64 {
        f64::from(self.year) + self.quarter.map_or(0.0, |quarter| f64::from(quarter - 1) / 4.0)
    }

    /// The form the database stores: the quarter as 0 for a whole year, so that a unique key
    /// over (year, quarter) also holds for years (NULLs would never collide).
    pub fn stored_quarter(self) -> i16 {
        self.quarter.map_or(0, i16::from)
    }

    /// The inverse of [`Period::stored_quarter`].
    pub fn from_stored(year: i32, quarter: i16) -> Result<Self, InvalidPeriod> {
        match quarter {
            0 => Period::year(year),
            1..=4 => Period::quarter(year, quarter as u8),
            _ => Err(InvalidPeriod(format!("{year}-Q{quarter}"))),
        }
    }
}

impl FromStr for Period {
    type Err = InvalidPeriod;

    /// Accepts `2023`, `2023-Q2`, `2023Q2`, `2023-q2` and `2023 Q2`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidPeriod(text.to_owned());
        let trimmed = text.trim();
        let (year_text, quarter_text) = match trimmed.find(['Q', 'q']) {
            Some(at) => (trimmed[..at].trim_end_matches(['-', ' ']), Some(&trimmed[at + 1..])),
            None => (trimmed, None),
        };
        if year_text.len() != 4 || !year_text.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(invalid());
        }
        let year: i32 = year_text.parse().map_err(|_| invalid())?;
        match quarter_text {
            None => Period::year(year).map_err(|_| invalid()),
            Some(quarter) => {
                let quarter: u8 = quarter.parse().map_err(|_| invalid())?;
                Period::quarter(year, quarter).map_err(|_| invalid())
            }
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.quarter {
            None => write!(formatter, "{}", self.year),
            Some(quarter) => write!(formatter, "{}-Q{quarter}", self.year),
        }
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_years_and_quarters_in_the_usual_spellings() {
        assert_eq!("2023".parse(), Period::year(2023));
        for text in ["2023-Q2", "2023Q2", "2023-q2", "2023 Q2", " 2023-Q2 "] {
            assert_eq!(text.parse(), Period::quarter(2023, 2), "{text}");
        }
        for bad in ["", "23", "2023-Q5", "2023-Q0", "2023-Q", "Q2", "20x3", "1800", "2023-Q2x"] {
            assert!(bad.parse::<Period>().is_err(), "{bad}");
        }
    }

    #[test]
    fn displays_and_orders_in_time() {
        let periods: Vec<Period> =
            ["2024", "2023-Q4", "2023", "2023-Q1"].iter().map(|text| text.parse().unwrap()).collect();
        let mut sorted = periods.clone();
        sorted.sort();
        let shown: Vec<String> = sorted.iter().map(ToString::to_string).collect();
        assert_eq!(shown, ["2023", "2023-Q1", "2023-Q4", "2024"]);
    }

    #[test]
    fn quarters_are_fractions_of_a_year() {
        assert_eq!(Period::quarter(2023, 3).unwrap().as_fractional_year(), 2023.5);
        assert_eq!(Period::year(2023).unwrap().as_fractional_year(), 2023.0);
    }

    #[test]
    fn stored_form_round_trips() {
        for period in [Period::year(2021).unwrap(), Period::quarter(2021, 4).unwrap()] {
            let back = Period::from_stored(period.year_number(), period.stored_quarter()).unwrap();
            assert_eq!(back, period);
        }
        assert!(Period::from_stored(2021, 7).is_err());
    }
}
