//! A session's outcome: the rules of its commitments (toezeggingen) — the due date griffies give
//! when none is named, and when one is overdue — and the code of an indicator proposed in it.

use time::{Date, Month};

use crate::market::{Commitment, CommitmentStatus};

/// The due date griffies give a commitment made without one: the next 1 July or 1 December
/// after the session (strictly after: a commitment made on 1 July is due on 1 December).
pub fn default_due_date(session: Date) -> Date {
    let year = session.year();
    let july = date(year, Month::July);
    let december = date(year, Month::December);
    if session < july {
        july
    } else if session < december {
        december
    } else {
        date(year + 1, Month::July)
    }
}

fn date(year: i32, month: Month) -> Date {
    // The first of July or December exists in every year the calendar holds; fall back to the
    // latest representable date rather than panic at the calendar's end.
    Date::from_calendar_date(year, month, 1).unwrap_or(Date::MAX)
}

/// Whether a commitment due on `due` with status `status` is overdue on `today`: still open
/// after its due date (on the date itself it is not yet late).
pub fn is_overdue(status: CommitmentStatus, due: Date, today: Date) -> bool {
    status == CommitmentStatus::Open && today > due
}

impl Commitment {
    /// The date it is due: the one given, or the griffies' default after the session's `date`.
    pub fn due_on(&self, session: Date) -> Date {
        self.due_date.unwrap_or_else(|| default_due_date(session))
    }
}

/// Why a commitment's due date or fulfilment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentProblem {
    /// The due date lies before the session in which it was made.
    DueBeforeSession,
    /// Marked fulfilled without the document that fulfilled it.
    FulfilledWithoutDocument,
}

/// Checks a commitment's due date (if given) against its session's date, and that a fulfilled
/// commitment names the document that fulfilled it.
pub fn commitment_problems(
    session: Date,
    due: Option<Date>,
    status: CommitmentStatus,
    document: Option<&str>,
) -> Vec<CommitmentProblem> {
    let mut problems = Vec::new();
    if due.is_some_and(|due| due < session) {
        problems.push(CommitmentProblem::DueBeforeSession);
    }
    if status == CommitmentStatus::Fulfilled && document.is_none_or(|document| document.trim().is_empty()) {
        problems.push(CommitmentProblem::FulfilledWithoutDocument);
    }
    problems
}

/// The code of an indicator proposed in session `session` as its `number`th proposal (from 1):
/// `VOORSTEL_<session>_<number>`, unique per body because sessions are, and within the
/// monitor's code rule (A–Z, 0–9 and `_`).
pub fn proposed_indicator_code(session: i64, number: usize) -> String {
    format!("VOORSTEL_{session}_{number}")
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn without_a_date_a_commitment_is_due_on_the_next_first_of_july_or_december() {
        assert_eq!(default_due_date(date!(2026 - 03 - 12)), date!(2026 - 07 - 01));
        assert_eq!(default_due_date(date!(2026 - 06 - 30)), date!(2026 - 07 - 01));
        // On the dates themselves: the next one, not the same day.
        assert_eq!(default_due_date(date!(2026 - 07 - 01)), date!(2026 - 12 - 01));
        assert_eq!(default_due_date(date!(2026 - 09 - 15)), date!(2026 - 12 - 01));
        assert_eq!(default_due_date(date!(2026 - 12 - 01)), date!(2027 - 07 - 01));
        assert_eq!(default_due_date(date!(2026 - 12 - 31)), date!(2027 - 07 - 01));
        assert_eq!(default_due_date(date!(2027 - 01 - 01)), date!(2027 - 07 - 01));
    }

    #[test]
    fn an_open_commitment_is_overdue_only_after_its_due_date() {
        let due = date!(2026 - 07 - 01);
        assert!(!is_overdue(CommitmentStatus::Open, due, date!(2026 - 06 - 30)));
        assert!(!is_overdue(CommitmentStatus::Open, due, due));
        assert!(is_overdue(CommitmentStatus::Open, due, date!(2026 - 07 - 02)));
        assert!(!is_overdue(CommitmentStatus::Fulfilled, due, date!(2027 - 01 - 01)));
        assert!(!is_overdue(CommitmentStatus::Withdrawn, due, date!(2027 - 01 - 01)));
    }

    #[test]
    fn a_due_date_lies_on_or_after_the_session_and_fulfilment_names_its_document() {
        let session = date!(2026 - 03 - 12);
        assert!(commitment_problems(session, Some(session), CommitmentStatus::Open, None).is_empty());
        assert!(commitment_problems(session, None, CommitmentStatus::Open, None).is_empty());
        assert_eq!(
            commitment_problems(session, Some(date!(2026 - 03 - 11)), CommitmentStatus::Open, None),
            [CommitmentProblem::DueBeforeSession]
        );
        assert_eq!(
            commitment_problems(session, None, CommitmentStatus::Fulfilled, Some("  ")),
            [CommitmentProblem::FulfilledWithoutDocument]
        );
        assert!(commitment_problems(session, None, CommitmentStatus::Fulfilled, Some("RIS-123")).is_empty());
    }

    #[test]
    fn proposed_indicator_codes_follow_the_monitor_code_rule() {
        let code = proposed_indicator_code(12, 3);
        assert_eq!(code, "VOORSTEL_12_3");
        assert!(code.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
    }
}
