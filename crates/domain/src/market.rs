//! The Politieke Markt: evenings of parallel sessions in rooms and rounds, and what happens in
//! a session — speakers, contributions, commitments.

use time::{Date, OffsetDateTime, Time};

use crate::code_enum::code_enum;
use crate::id::Id;
use crate::people::{Party, Person};
use crate::proposal::{Proposal, Question, SpeakingRules};

/// A room sessions can be held in.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Room {
    /// Identifier.
    pub id: Id<Room>,
    /// Name, e.g. "Raadzaal".
    pub name: String,
    /// Seats for the public and participants.
    pub capacity: u16,
    /// Whether sessions here can be streamed.
    pub has_livestream: bool,
    /// Whether the room is accessible to wheelchair users.
    pub is_accessible: bool,
}

/// A market evening: a date with rounds, in which sessions run in parallel.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MarketEvening {
    /// Identifier.
    pub id: Id<MarketEvening>,
    /// The day.
    pub date: Date,
    /// Title, e.g. "Politieke Markt".
    pub title: String,
    /// When the griffie published the evening; unpublished evenings are not public.
    #[serde(with = "time::serde::rfc3339::option")]
    pub published_at: Option<OffsetDateTime>,
}

/// A time slot of an evening (ronde).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Round {
    /// Identifier.
    pub id: Id<Round>,
    /// Order in the evening, from 1.
    pub position: u8,
    /// Start time.
    pub starts_at: Time,
    /// End time.
    pub ends_at: Time,
}

impl Round {
    /// Length of the round in minutes.
    pub fn minutes(&self) -> i64 {
        (self.ends_at - self.starts_at).whole_minutes()
    }
}

/// Why an evening's rounds, given as (start, end) in the order of the evening, cannot be its
/// rounds. Each problem names the round by its index in that order (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundProblem {
    /// The round ends at or before its start.
    EndsBeforeStart(usize),
    /// The round starts before the round before it ends: rounds are in order and do not overlap.
    StartsBeforePreviousEnds(usize),
}

/// Every problem with an evening's rounds, in order: each ends after it starts, and none starts
/// before the one before it ends. No rounds at all is no problem here; an evening needs one, which
/// whoever creates it checks.
pub fn round_problems(rounds: &[(Time, Time)]) -> Vec<RoundProblem> {
    let mut problems = Vec::new();
    for (index, &(start, end)) in rounds.iter().enumerate() {
        if end <= start {
            problems.push(RoundProblem::EndsBeforeStart(index));
        } else if let Some(&(_, previous_end)) = index.checked_sub(1).and_then(|previous| rounds.get(previous))
            && start < previous_end
        {
            problems.push(RoundProblem::StartsBeforePreviousEnds(index));
        }
    }
    problems
}

/// One proposal treated in one room during one or more consecutive rounds (sessie).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Session {
    /// Identifier.
    pub id: Id<Session>,
    /// The evening.
    pub evening_id: Id<MarketEvening>,
    /// The proposal treated.
    pub proposal_id: Id<Proposal>,
    /// The room, once planned.
    pub room_id: Option<Id<Room>>,
    /// The first round, once planned.
    pub first_round_id: Option<Id<Round>>,
    /// How many consecutive rounds it takes, from 1.
    pub round_count: u8,
    /// Voorzitter.
    pub chair_id: Option<Id<Person>>,
    /// Griffiemedewerker.
    pub clerk_id: Option<Id<Person>>,
    /// Whether the griffie pinned room and round, so the planner keeps them.
    pub pinned: bool,
    /// Spreekrecht for this session.
    pub speaking: SpeakingRules,
    /// The minutes (verslag), once written.
    pub minutes: Option<String>,
}

code_enum! {
    /// Where a registration to speak stands.
    pub enum RegistrationStatus {
        /// Has a seat on the speakers' list.
        Confirmed = "bevestigd",
        /// Waits for a seat to come free.
        WaitingList = "wachtlijst",
        /// Cancelled by the speaker or the griffie.
        Cancelled = "geannuleerd",
    }
}

/// A member of the public who registered to speak in a session (inspreker). The contact details
/// are personal data: never published, and erased a set number of days after the session.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SpeakerRegistration {
    /// Identifier.
    pub id: Id<SpeakerRegistration>,
    /// The session.
    pub session_id: Id<Session>,
    /// Name.
    pub name: String,
    /// E-mail address; `None` once erased.
    pub email: Option<String>,
    /// Telephone; `None` once erased or not given.
    pub phone: Option<String>,
    /// Organisation spoken for, if any.
    pub organisation: Option<String>,
    /// What the speaker wants to say.
    pub topic: String,
    /// Whether the name may be published on the speakers' list.
    pub publish_name: bool,
    /// Status.
    pub status: RegistrationStatus,
    /// When registered; decides the order of the list and the waiting list.
    #[serde(with = "time::serde::rfc3339")]
    pub registered_at: OffsetDateTime,
}

/// What a party (or a councillor) contributed in a session, tied to a question where it
/// answers one.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contribution {
    /// Identifier.
    pub id: Id<Contribution>,
    /// The session.
    pub session_id: Id<Session>,
    /// The question answered, if any.
    pub question_id: Option<Id<Question>>,
    /// The party group.
    pub party_id: Option<Id<Party>>,
    /// The councillor who spoke.
    pub person_id: Option<Id<Person>>,
    /// The contribution in words.
    pub text: String,
}

code_enum! {
    /// Where a commitment stands.
    pub enum CommitmentStatus {
        /// Not yet fulfilled.
        Open = "open",
        /// Fulfilled.
        Fulfilled = "afgedaan",
        /// Withdrawn or overtaken by events.
        Withdrawn = "vervallen",
    }
}

/// A commitment made by a portfolio holder in a session (toezegging).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Commitment {
    /// Identifier.
    pub id: Id<Commitment>,
    /// The session it was made in.
    pub session_id: Id<Session>,
    /// Who made it.
    pub portfolio_holder_id: Option<Id<Person>>,
    /// What was promised.
    pub text: String,
    /// By when.
    pub due_date: Option<Date>,
    /// Status.
    pub status: CommitmentStatus,
    /// When it was fulfilled.
    pub fulfilled_on: Option<Date>,
    /// The document that fulfilled it (a number or title), once fulfilled.
    pub fulfilled_by: Option<String>,
}

#[cfg(test)]
mod round_tests {
    use time::macros::time;

    use super::{RoundProblem, round_problems};

    #[test]
    fn rounds_end_after_they_start_and_follow_each_other_without_overlap() {
        assert!(round_problems(&[(time!(19:30), time!(21:00)), (time!(21:00), time!(22:30))]).is_empty());
        assert_eq!(round_problems(&[(time!(21:00), time!(19:30))]), vec![RoundProblem::EndsBeforeStart(0)]);
        assert_eq!(round_problems(&[(time!(19:30), time!(19:30))]), vec![RoundProblem::EndsBeforeStart(0)]);
        assert_eq!(
            round_problems(&[(time!(19:30), time!(21:00)), (time!(20:45), time!(22:00))]),
            vec![RoundProblem::StartsBeforePreviousEnds(1)]
        );
        assert_eq!(
            round_problems(&[(time!(21:15), time!(22:45)), (time!(19:30), time!(21:00))]),
            vec![RoundProblem::StartsBeforePreviousEnds(1)]
        );
    }
}
