//! Numbers and dates as Dutch readers expect them: 1.234 for thousands, "26 september 2023".

use time::{Date, Time};

/// A whole number with a dot between thousands: 87.012.
pub(crate) fn integer(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    if value < 0 { format!("-{grouped}") } else { grouped }
}

/// "dinsdag 26 september 2023".
pub(crate) fn weekday_date(date: Date) -> String {
    wijkbeeld_domain::dutch::weekday_long_date(date)
}

/// "19:30".
pub(crate) fn clock_time(time: Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_with_dots() {
        assert_eq!(integer(0), "0");
        assert_eq!(integer(999), "999");
        assert_eq!(integer(1_000), "1.000");
        assert_eq!(integer(87_012), "87.012");
        assert_eq!(integer(-1_234_567), "-1.234.567");
    }

    #[test]
    fn times_have_two_digit_hours() {
        assert_eq!(clock_time(time::macros::time!(9:05)), "09:05");
    }
}
