//! The council's half of a session: a councillor marks the sessions they will attend for their
//! party, or be its spokesperson (woordvoerder) in. The rules of a mark that need no database:
//! a councillor is in one place at a time, so two sessions whose rounds overlap on one evening
//! cannot both be marked; and a party has at most one spokesperson per session (the database
//! keeps that one too, by a unique index).

use crate::code_enum::code_enum;

code_enum! {
    /// In which role a councillor marks a session.
    pub enum AttendanceRole {
        /// Attends the session for the party.
        Attends = "attends",
        /// Speaks for the party in the session: its spokesperson.
        Spokesperson = "spokesperson",
    }
}

/// Where a session lies on its evening: the evening, and the positions of the first and last
/// round it takes (from 1, as the rounds are numbered). A session not yet planned has no slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    /// The evening, by id.
    pub evening: i64,
    /// The position of its first round.
    pub first_round: i64,
    /// The position of its last round.
    pub last_round: i64,
}

impl Slot {
    /// Whether the two sessions run at the same time: on the same evening, in overlapping rounds.
    pub fn parallel_to(&self, other: &Slot) -> bool {
        self.evening == other.evening && self.first_round <= other.last_round && other.first_round <= self.last_round
    }
}

/// Of the sessions a councillor has marked (each with its slot, when planned), the first that
/// runs at the same time as `wanted`: the reason a new mark is refused. A session is not parallel
/// to itself (marking it again changes the role), and an unplanned session to none.
pub fn parallel_mark<T: Copy + PartialEq>(wanted: (T, Option<Slot>), marked: &[(T, Option<Slot>)]) -> Option<T> {
    let (session, Some(slot)) = wanted else { return None };
    marked
        .iter()
        .find(|(other, other_slot)| {
            *other != session && other_slot.is_some_and(|other_slot| slot.parallel_to(&other_slot))
        })
        .map(|(other, _)| *other)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(evening: i64, first_round: i64, last_round: i64) -> Option<Slot> {
        Some(Slot { evening, first_round, last_round })
    }

    #[test]
    fn sessions_in_overlapping_rounds_of_one_evening_are_parallel() {
        let marked = [(1, slot(10, 1, 1)), (2, slot(10, 2, 3)), (3, slot(11, 1, 1)), (4, None)];
        assert_eq!(parallel_mark((5, slot(10, 1, 1)), &marked), Some(1));
        assert_eq!(parallel_mark((5, slot(10, 3, 3)), &marked), Some(2), "the second round of a long session");
        assert_eq!(parallel_mark((5, slot(10, 1, 2)), &marked), Some(1));
        assert_eq!(parallel_mark((5, slot(10, 4, 4)), &marked), None, "a later round");
        assert_eq!(parallel_mark((5, slot(12, 1, 1)), &marked), None, "another evening");
        assert_eq!(parallel_mark((5, None), &marked), None, "not planned");
        assert_eq!(parallel_mark((1, slot(10, 1, 1)), &marked), None, "the same session again");
    }

    #[test]
    fn roles_are_stored_by_code() {
        assert_eq!(AttendanceRole::Spokesperson.code(), "spokesperson");
        assert_eq!("attends".parse::<AttendanceRole>().ok(), Some(AttendanceRole::Attends));
        assert!("chair".parse::<AttendanceRole>().is_err());
    }
}
