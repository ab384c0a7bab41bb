//! How long a speaker's contact details are kept (AVG): long enough for the griffie to reach the
//! speakers about their session, and not longer.

use time::{Date, Duration};

/// The days after a session that its speakers' e-mail addresses and phone numbers are kept, unless
/// the deployment sets another number.
pub const DEFAULT_RETENTION_DAYS: u32 = 30;

/// The most a deployment may keep contact details: a year, so that a typing error cannot keep
/// them for ever.
pub const MAX_RETENTION_DAYS: u32 = 366;

/// The last session date whose speakers' contact details are erased on `today`, when they are
/// kept `retention_days` after the session: a session on that date or before is past its term.
pub fn last_date_to_erase(today: Date, retention_days: u32) -> Date {
    today.saturating_sub(Duration::days(i64::from(retention_days)))
}

/// Why a retention period is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("contact details are kept between 0 and {MAX_RETENTION_DAYS} days after a session, not {0}")]
pub struct RetentionOutOfRange(pub u32);

/// A retention period as given, if it lies within what may be kept.
pub fn retention_days(days: u32) -> Result<u32, RetentionOutOfRange> {
    if days <= MAX_RETENTION_DAYS { Ok(days) } else { Err(RetentionOutOfRange(days)) }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn a_session_is_erased_once_its_term_is_over_and_not_a_day_before() {
        // Kept 30 days: a session on 1 November is erased from 1 December on.
        assert_eq!(last_date_to_erase(date!(2026 - 12 - 01), 30), date!(2026 - 11 - 01));
        assert!(date!(2026 - 11 - 02) > last_date_to_erase(date!(2026 - 12 - 01), 30));
        // Across a year's end and a leap day.
        assert_eq!(last_date_to_erase(date!(2028 - 03 - 01), 30), date!(2028 - 01 - 31));
        assert_eq!(last_date_to_erase(date!(2027 - 01 - 10), 30), date!(2026 - 12 - 11));
        // Kept 0 days: every session up to today.
        assert_eq!(last_date_to_erase(date!(2026 - 12 - 01), 0), date!(2026 - 12 - 01));
    }

    #[test]
    fn a_retention_beyond_a_year_is_refused() {
        assert_eq!(retention_days(30), Ok(30));
        assert_eq!(retention_days(MAX_RETENTION_DAYS), Ok(MAX_RETENTION_DAYS));
        assert_eq!(retention_days(MAX_RETENTION_DAYS + 1), Err(RetentionOutOfRange(MAX_RETENTION_DAYS + 1)));
    }
}
