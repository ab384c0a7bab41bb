//! Dutch civil time. Council evenings are planned in local time (19:30 in Hengelo) but moments
//! are stored in UTC, so the conversion needs the offset of the Netherlands on a given day.
//!
//! The Netherlands follow the EU summer-time rule (Directive 2000/84/EC, in force since 1996):
//! UTC+2 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
//! October, UTC+1 otherwise. That one rule is all wijkbeeld needs, so it is written here rather
//! than pulling in a time-zone database.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset, Weekday};

const WINTER: UtcOffset = match UtcOffset::from_hms(1, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};
const SUMMER: UtcOffset = match UtcOffset::from_hms(2, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

fn last_sunday(year: i32, month: Month) -> Date {
    let mut day = Date::from_calendar_date(year, month, month.length(year)).unwrap_or(Date::MIN);
    while day.weekday() != Weekday::Sunday {
        day = day.previous_day().unwrap_or(Date::MIN);
    }
    day
}

/// The offset of Dutch civil time at a moment.
pub fn offset_at(moment: OffsetDateTime) -> UtcOffset {
    let utc = moment.to_offset(UtcOffset::UTC);
    let year = utc.year();
    let one_am = Time::from_hms(1, 0, 0).unwrap_or(Time::MIDNIGHT);
    let summer_starts = PrimitiveDateTime::new(last_sunday(year, Month::March), one_am).assume_utc();
    let summer_ends = PrimitiveDateTime::new(last_sunday(year, Month::October), one_am).assume_utc();
    if utc >= summer_starts && utc < summer_ends { SUMMER } else { WINTER }
}

/// A Dutch wall-clock time on a day as a moment. For the hour that occurs twice in October the
/// earlier moment is taken; for the hour skipped in March, the later offset.
pub fn dutch_moment(date: Date, time: Time) -> OffsetDateTime {
    let local = PrimitiveDateTime::new(date, time);
    let as_summer = local.assume_offset(SUMMER);
    if offset_at(as_summer) == SUMMER { as_summer } else { local.assume_offset(WINTER) }
}

/// A moment shown in Dutch civil time.
pub fn in_dutch_time(moment: OffsetDateTime) -> OffsetDateTime {
    moment.to_offset(offset_at(moment))
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime, time};

    use super::*;

    #[test]
    fn summer_and_winter_offsets() {
        assert_eq!(dutch_moment(date!(2023 - 09 - 26), time!(19:30)), datetime!(2023-09-26 17:30 UTC));
        assert_eq!(dutch_moment(date!(2026 - 12 - 15), time!(19:30)), datetime!(2026-12-15 18:30 UTC));
    }

    #[test]
    fn the_switch_happens_at_one_in_the_morning_utc_on_the_last_sundays() {
        assert_eq!(offset_at(datetime!(2024-03-31 00:59 UTC)), WINTER);
        assert_eq!(offset_at(datetime!(2024-03-31 01:00 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2024-10-27 00:59 UTC)), SUMMER);
        assert_eq!(offset_at(datetime!(2024-10-27 01:00 UTC)), WINTER);
        assert_eq!(in_dutch_time(datetime!(2024-07-01 10:00 UTC)).hour(), 12);
    }

    #[test]
    fn the_doubled_hour_takes_the_earlier_moment() {
        assert_eq!(dutch_moment(date!(2024 - 10 - 27), time!(02:30)), datetime!(2024-10-27 00:30 UTC));
    }
}
