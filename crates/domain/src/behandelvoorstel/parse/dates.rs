//! Dutch dates in running text: "26 september", "dinsdag 12 maart 2024", "27-06-2023", and the
//! year a date without one most likely has.

use time::{Date, Month};

use super::words::bare;

/// A date as the text gives it: day and month, and the year when it is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WrittenDate {
    /// Day of the month, 1–31 (not yet checked against the month).
    pub(super) day: u8,
    /// The month.
    pub(super) month: Month,
    /// The year, when written.
    pub(super) year: Option<i32>,
}

impl WrittenDate {
    /// The date in `year`, if the day exists in that month then.
    pub(super) fn in_year(self, year: i32) -> Option<Date> {
        Date::from_calendar_date(year, self.month, self.day).ok()
    }

    /// "26 september", as the document writes it.
    pub(super) fn day_and_month(self) -> String {
        format!("{} {}", self.day, crate::dutch::month_name(self.month))
    }
}

/// The first date in a text, skipping words that introduce one ("op", "dinsdag", "d.d.").
/// `None` when the text does not begin with a date.
pub(super) fn leading_date(text: &str) -> Option<WrittenDate> {
    let words: Vec<&str> = text.split_whitespace().map(bare).filter(|word| !word.is_empty()).collect();
    let start = words.iter().position(|word| !is_date_preamble(word))?;
    date_at(&words, start).map(|(date, _)| date)
}

/// Every date in a text that has a year (a month and year alone count as its first day), in
/// the order of the text, each with the words that wrote it ("27 juni 2023", "maart 2024").
pub(super) fn dates_with_year(text: &str) -> Vec<(Date, String)> {
    let words: Vec<&str> = text.split_whitespace().map(bare).filter(|word| !word.is_empty()).collect();
    let mut dates = Vec::new();
    let mut index = 0;
    while index < words.len() {
        if let Some((written, used)) = date_at(&words, index) {
            if let Some(date) = written.year.and_then(|year| written.in_year(year)) {
                dates.push((date, words[index..index + used].join(" ")));
            }
            index += used;
            continue;
        }
        if let (Some(month), Some(year)) =
            (month_from_word(words[index]), words.get(index + 1).and_then(|word| year_from_word(word)))
            && let Ok(date) = Date::from_calendar_date(year, month, 1)
        {
            dates.push((date, words[index..index + 2].join(" ")));
            index += 2;
            continue;
        }
        index += 1;
    }
    dates
}

/// A date starting at `words[start]` and how many words it takes: "26 september [2023]" or
/// "26-09[-2023]" (also with / or .).
fn date_at(words: &[&str], start: usize) -> Option<(WrittenDate, usize)> {
    let first = *words.get(start)?;
    if let Some(date) = numeric_date(first) {
        return Some((date, 1));
    }
    let day = day_from_word(first)?;
    let month = month_from_word(words.get(start + 1)?)?;
    let year = words.get(start + 2).and_then(|word| year_from_word(word));
    Some((WrittenDate { day, month, year }, if year.is_some() { 3 } else { 2 }))
}

/// "27-06-2023", "27/6/2023", "27.06.2023", "26-09".
fn numeric_date(word: &str) -> Option<WrittenDate> {
    let separator = word.chars().find(|character| matches!(character, '-' | '/' | '.'))?;
    let parts: Vec<&str> = word.split(separator).collect();
    let (day, month, year) = match parts.as_slice() {
        [day, month] => (day, month, None),
        [day, month, year] => (day, month, Some(year_from_word(year)?)),
        _ => return None,
    };
    if day.is_empty() || month.is_empty() || day.len() > 2 || month.len() > 2 {
        return None;
    }
    let day = day_from_word(day)?;
    let month: u8 = month.parse().ok()?;
    let month = Month::try_from(month).ok()?;
    Some(WrittenDate { day, month, year })
}

fn day_from_word(word: &str) -> Option<u8> {
    if word.is_empty() || word.len() > 2 || !word.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|day| (1..=31).contains(day))
}

fn year_from_word(word: &str) -> Option<i32> {
    if word.len() != 4 || !word.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    word.parse().ok().filter(|year| (1900..=2200).contains(year))
}

/// "september", "sept.", "Sep", "mrt": Dutch month names and their usual abbreviations.
pub(super) fn month_from_word(word: &str) -> Option<Month> {
    let word = word.trim_end_matches('.').to_lowercase();
    let month = match word.as_str() {
        "januari" | "jan" => Month::January,
        "februari" | "feb" | "febr" => Month::February,
        "maart" | "mrt" | "mar" | "mrt." => Month::March,
        "april" | "apr" => Month::April,
        "mei" => Month::May,
        "juni" | "jun" => Month::June,
        "juli" | "jul" => Month::July,
        "augustus" | "aug" => Month::August,
        "september" | "sep" | "sept" => Month::September,
        "oktober" | "okt" | "oct" => Month::October,
        "november" | "nov" => Month::November,
        "december" | "dec" => Month::December,
        _ => return None,
    };
    Some(month)
}

/// Words that may stand before a date: weekdays, "op", "d.d.", "datum".
fn is_date_preamble(word: &str) -> bool {
    let word = word.to_lowercase();
    matches!(
        word.as_str(),
        "op" | "van"
            | "d.d"
            | "dd"
            | "datum"
            | "maandag"
            | "dinsdag"
            | "woensdag"
            | "donderdag"
            | "vrijdag"
            | "zaterdag"
            | "zondag"
            | "ma"
            | "di"
            | "wo"
            | "do"
            | "vr"
            | "za"
            | "zo"
    )
}

/// The first date on or after `after` with the day and month of `date`: the year a market date
/// without one most likely has, since a market follows the history that leads up to it. Looks
/// a few years ahead for 29 February.
pub(super) fn first_on_or_after(date: WrittenDate, after: Date) -> Option<Date> {
    (after.year()..=after.year().saturating_add(8))
        .filter_map(|year| date.in_year(year))
        .find(|candidate| *candidate >= after)
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn reads_the_leading_date() {
        let september_26 = WrittenDate { day: 26, month: Month::September, year: None };
        assert_eq!(leading_date("26 september"), Some(september_26));
        assert_eq!(leading_date("dinsdag 26 september, 19.30 uur"), Some(september_26));
        assert_eq!(leading_date("op 26 sept."), Some(september_26));
        assert_eq!(leading_date("12 maart 2024").and_then(|date| date.year), Some(2024));
        assert_eq!(leading_date("d.d. 26-09-2023").and_then(|date| date.year), Some(2023));
        assert_eq!(leading_date("26/9"), Some(september_26));
        assert_eq!(leading_date("in het najaar"), None);
        assert_eq!(leading_date("32 september"), None);
        assert_eq!(leading_date(""), None);
    }

    #[test]
    fn finds_every_date_with_a_year() {
        let text = "In het collegeprogramma 2022-2026 heeft het college op 11 oktober 2022 (3487985). \
                    Op 27 juni 2023 verzocht. In september 2023 besloot, op 31-12-2023 niet, 30 februari 2024 ook niet.";
        let dates = dates_with_year(text);
        let written: Vec<(Date, &str)> = dates.iter().map(|(date, written)| (*date, written.as_str())).collect();
        assert_eq!(
            written,
            [
                (date!(2022 - 10 - 11), "11 oktober 2022"),
                (date!(2023 - 06 - 27), "27 juni 2023"),
                (date!(2023 - 09 - 01), "september 2023"),
                (date!(2023 - 12 - 31), "31-12-2023"),
            ]
        );
    }

    #[test]
    fn a_date_without_year_falls_on_or_after_the_latest() {
        let march_12 = WrittenDate { day: 12, month: Month::March, year: None };
        assert_eq!(first_on_or_after(march_12, date!(2023 - 11 - 15)), Some(date!(2024 - 03 - 12)));
        assert_eq!(first_on_or_after(march_12, date!(2024 - 01 - 10)), Some(date!(2024 - 03 - 12)));
        let leap_day = WrittenDate { day: 29, month: Month::February, year: None };
        assert_eq!(first_on_or_after(leap_day, date!(2025 - 01 - 01)), Some(date!(2028 - 02 - 29)));
        let impossible = WrittenDate { day: 31, month: Month::April, year: None };
        assert_eq!(first_on_or_after(impossible, date!(2025 - 01 - 01)), None);
    }
}
