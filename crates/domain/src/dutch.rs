//! Dates written the Dutch way ("dinsdag 26 september 2023"), for generated texts. The web
//! interface formats through its translation files; this is for text the domain itself writes.

use time::{Date, Month, Weekday};

/// The Dutch name of a month, in lower case as Dutch writes it.
pub fn month_name(month: Month) -> &'static str {
    match month {
        Month::January => "januari",
        Month::February => "februari",
        Month::March => "maart",
        Month::April => "april",
        Month::May => "mei",
        Month::June => "juni",
        Month::July => "juli",
        Month::August => "augustus",
        Month::September => "september",
        Month::October => "oktober",
        Month::November => "november",
        Month::December => "december",
    }
}

/// The Dutch name of a weekday, in lower case.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "maandag",
        Weekday::Tuesday => "dinsdag",
        Weekday::Wednesday => "woensdag",
        Weekday::Thursday => "donderdag",
        Weekday::Friday => "vrijdag",
        Weekday::Saturday => "zaterdag",
        Weekday::Sunday => "zondag",
    }
}

/// "26 september 2023".
pub fn long_date(date: Date) -> String {
    format!("{} {} {}", date.day(), month_name(date.month()), date.year())
}

/// "dinsdag 26 september 2023".
pub fn weekday_long_date(date: Date) -> String {
    format!("{} {}", weekday_name(date.weekday()), long_date(date))
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn writes_dates_as_dutch_does() {
        assert_eq!(long_date(date!(2023 - 09 - 26)), "26 september 2023");
        assert_eq!(weekday_long_date(date!(2023 - 09 - 26)), "dinsdag 26 september 2023");
        assert_eq!(long_date(date!(2027 - 01 - 05)), "5 januari 2027");
    }
}
