//! The behandelvoorstel: the college's proposal of how the council treats a subject, and the
//! lifecycle it moves through from concept to afgerond.

use time::{Date, OffsetDateTime};

use crate::access::Role;
use crate::code_enum::code_enum;
use crate::id::Id;
use crate::market::Room;
use crate::people::Person;

code_enum! {
    /// Where a proposal is in its lifecycle.
    pub enum ProposalState {
        /// Being drafted by the college.
        Concept = "concept",
        /// Submitted to the griffie.
        Submitted = "ingediend",
        /// Placed on a market evening.
        Scheduled = "geagendeerd",
        /// The session took place.
        Treated = "behandeld",
        /// Done: the treatment ends here.
        Completed = "afgerond",
        /// Forwarded to the raadsvergadering for a decision.
        Forwarded = "doorgeleid",
    }
}

/// A move from one state to another, and the role that may make it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// State before.
    pub from: ProposalState,
    /// State after.
    pub to: ProposalState,
    /// The role that may make the move.
    pub role: Role,
}

/// Every move the lifecycle allows. Anything not listed is refused.
pub const TRANSITIONS: &[Transition] = {
    use ProposalState::*;
    &[
        Transition { from: Concept, to: Submitted, role: Role::College },
        // The college withdraws a submitted proposal to change it.
        Transition { from: Submitted, to: Concept, role: Role::College },
        Transition { from: Submitted, to: Scheduled, role: Role::Griffie },
        // Taken off an evening, e.g. when the planning changes.
        Transition { from: Scheduled, to: Submitted, role: Role::Griffie },
        Transition { from: Scheduled, to: Treated, role: Role::Griffie },
        Transition { from: Treated, to: Completed, role: Role::Griffie },
        Transition { from: Treated, to: Forwarded, role: Role::Griffie },
    ]
};

/// Why a state change is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The lifecycle has no such move.
    #[error("a proposal that is {from} cannot become {to}; from {from} it can become: {allowed}")]
    NotAllowed {
        /// State before.
        from: ProposalState,
        /// Requested state.
        to: ProposalState,
        /// The states that are reachable, comma separated (or "none").
        allowed: String,
    },
    /// The move exists but belongs to another role.
    #[error("only the role {needed} may make a proposal {to} from {from}")]
    WrongRole {
        /// State before.
        from: ProposalState,
        /// Requested state.
        to: ProposalState,
        /// The role that may.
        needed: Role,
    },
}

impl ProposalState {
    /// The states reachable from this one in one move.
    pub fn next_states(self) -> impl Iterator<Item = ProposalState> {
        TRANSITIONS.iter().filter(move |transition| transition.from == self).map(|transition| transition.to)
    }

    /// Checks that `role` may move a proposal from this state to `to`. Admins have no special
    /// power here: the lifecycle is the council's process, not configuration.
    pub fn transition(self, to: ProposalState, role: Role) -> Result<ProposalState, TransitionError> {
        let Some(transition) = TRANSITIONS.iter().find(|transition| transition.from == self && transition.to == to)
        else {
            let allowed: Vec<&str> = self.next_states().map(ProposalState::code).collect();
            let allowed = if allowed.is_empty() { "none".to_owned() } else { allowed.join(", ") };
            return Err(TransitionError::NotAllowed { from: self, to, allowed });
        };
        if transition.role == role {
            Ok(to)
        } else {
            Err(TransitionError::WrongRole { from: self, to, needed: transition.role })
        }
    }

    /// Whether the treatment is over.
    pub fn is_final(self) -> bool {
        self.next_states().next().is_none()
    }

    /// Whether a proposal in this state is on the council's agenda, and so public once its
    /// evening is published.
    pub fn is_on_agenda(self) -> bool {
        !matches!(self, ProposalState::Concept | ProposalState::Submitted)
    }

    /// Whether a role may edit a proposal in this state: the college its drafts, the griffie
    /// what it has received and put on an evening. Treated proposals are history.
    pub fn editable_by(self, role: Role) -> bool {
        match role {
            Role::College => self == ProposalState::Concept,
            Role::Griffie => matches!(self, ProposalState::Submitted | ProposalState::Scheduled),
            Role::Councillor | Role::Partner | Role::Admin => false,
        }
    }

    /// Whether a move to `to` may be made on `today` for a proposal whose evening is on
    /// `evening` (if it is on one): a proposal is treated (behandeld) only once its session has
    /// been held, on its evening's day or later.
    pub fn in_time(to: ProposalState, evening: Option<Date>, today: Date) -> bool {
        to != ProposalState::Treated || evening.is_some_and(|evening| evening <= today)
    }

    /// Whether a viewer (none for the public) may see a proposal in this state: the college and
    /// admins everything; the griffie and councillors what has been submitted; everyone else
    /// what is on a published evening.
    pub fn visible_to(self, role: Option<Role>, on_published_evening: bool) -> bool {
        match role {
            Some(Role::College | Role::Admin) => true,
            Some(Role::Griffie | Role::Councillor) => self != ProposalState::Concept,
            Some(Role::Partner) | None => self.is_on_agenda() && on_published_evening,
        }
    }
}

code_enum! {
    /// The policy domain of a session; a session may have several.
    pub enum Domain {
        /// Physical domain: space, housing, mobility, climate.
        Physical = "fysiek",
        /// Governance: finances, organisation, safety.
        Governance = "bestuur",
        /// Social domain: care, youth, work and income.
        Social = "sociaal",
    }
}

code_enum! {
    /// What a session is for.
    pub enum Purpose {
        /// Informing the council (beeldvorming).
        Informing = "beeldvorming",
        /// Forming opinions (oordeelsvorming).
        OpinionForming = "oordeelsvorming",
        /// Preparing a decision (besluitvorming, taken in the raadsvergadering).
        DecisionMaking = "besluitvorming",
    }
}

/// The public's right to speak in a session (spreekrecht publiek).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct SpeakingRules {
    /// Whether the public may speak; `None` when not (yet) known.
    pub allowed: Option<bool>,
    /// Minutes each speaker has.
    pub minutes_per_speaker: Option<u16>,
    /// How many speakers can be confirmed; more go on the waiting list.
    pub max_speakers: Option<u16>,
    /// Registration closes at this moment.
    #[serde(with = "time::serde::rfc3339::option")]
    pub deadline: Option<OffsetDateTime>,
    /// The text of the proposal about speaking, e.g. "Geïnteresseerden kunnen meespreken."
    pub note: Option<String>,
}

/// A behandelvoorstel. The session details in it (chair, clerk, room, date) are what the
/// proposal asks for; the planned [`crate::market::Session`] holds what the griffie decides.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Proposal {
    /// Identifier.
    pub id: Id<Proposal>,
    /// Onderwerp, e.g. "Wijkgericht werken".
    pub subject: String,
    /// Zaaknummer, e.g. "3641304".
    pub case_number: Option<String>,
    /// Portefeuillehouder, when matched to a person.
    pub portfolio_holder_id: Option<Id<Person>>,
    /// Historie as written.
    pub history: String,
    /// Lifecycle state.
    pub state: ProposalState,
    /// Doel van de sessie.
    pub purpose: Option<Purpose>,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Duur in minutes.
    pub duration_minutes: Option<u16>,
    /// The market evening's date the proposal names.
    pub market_date: Option<Date>,
    /// Voorzitter the proposal names.
    pub chair_id: Option<Id<Person>>,
    /// Griffiemedewerker the proposal names.
    pub clerk_id: Option<Id<Person>>,
    /// Zaal the proposal names.
    pub room_id: Option<Id<Room>>,
    /// Expected attendance, for the room's capacity, when the proposal states it.
    pub expected_attendance: Option<u16>,
    /// Whether the session must be streamed.
    pub needs_livestream: bool,
    /// Spreekrecht publiek.
    pub speaking: SpeakingRules,
}

/// A document named in a proposal's history, as entered.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct HistoryDocument {
    /// Documentnummer.
    pub number: String,
    /// Title, when known.
    pub title: Option<String>,
}

/// A programme item as entered, with its questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ProgrammeInput {
    /// The item's text.
    pub text: String,
    /// Its questions.
    pub questions: Vec<String>,
}

/// A proposal's content as a form or an import gives it, to be stored whole.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct ProposalInput {
    /// Onderwerp; never empty.
    pub subject: String,
    /// Zaaknummer.
    pub case_number: Option<String>,
    /// Portefeuillehouder.
    pub portfolio_holder_id: Option<Id<Person>>,
    /// Historie.
    pub history: String,
    /// The documents the history names, in order.
    pub history_documents: Vec<HistoryDocument>,
    /// Doel.
    pub purpose: Option<Purpose>,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Duur in minutes.
    pub duration_minutes: Option<u16>,
    /// The market evening's date asked for.
    pub market_date: Option<Date>,
    /// Voorzitter asked for.
    pub chair_id: Option<Id<Person>>,
    /// Griffiemedewerker asked for.
    pub clerk_id: Option<Id<Person>>,
    /// Zaal asked for.
    pub room_id: Option<Id<Room>>,
    /// Expected attendance, when stated.
    pub expected_attendance: Option<u16>,
    /// Needs a livestream.
    pub needs_livestream: bool,
    /// Spreekrecht.
    pub speaking: SpeakingRules,
    /// Behandeladvies.
    pub programme: Vec<ProgrammeInput>,
}

/// The attendance the planner assumes for a session whose proposal states none (a room's
/// seats); never shown or stored as the proposal's own figure.
pub const DEFAULT_EXPECTED_ATTENDANCE: u16 = 30;

/// A numbered document, such as a college letter or decision, named in a proposal's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Document {
    /// Identifier.
    pub id: Id<Document>,
    /// Documentnummer, e.g. "3487985".
    pub number: String,
    /// Title, when known.
    pub title: Option<String>,
}

/// One numbered item of the proposed programme (behandeladvies).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ProgrammeItem {
    /// Identifier.
    pub id: Id<ProgrammeItem>,
    /// Order in the programme, from 1.
    pub position: u16,
    /// The text, e.g. "Opening voorzitter".
    pub text: String,
    /// The questions put to the council under this item.
    pub questions: Vec<Question>,
}

/// A question for the discussion in a session, under a programme item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Question {
    /// Identifier.
    pub id: Id<Question>,
    /// Order under its item, from 1.
    pub position: u16,
    /// The question, with any explanation that follows it.
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifecycle_runs_from_concept_to_an_end() {
        let state = ProposalState::Concept
            .transition(ProposalState::Submitted, Role::College)
            .and_then(|state| state.transition(ProposalState::Scheduled, Role::Griffie))
            .and_then(|state| state.transition(ProposalState::Treated, Role::Griffie))
            .and_then(|state| state.transition(ProposalState::Forwarded, Role::Griffie))
            .unwrap();
        assert!(state.is_final());
        assert!(ProposalState::Completed.is_final());
        assert!(!ProposalState::Treated.is_final());
    }

    #[test]
    fn illegal_moves_are_refused_with_a_reason() {
        let error = ProposalState::Concept.transition(ProposalState::Treated, Role::Griffie).unwrap_err();
        assert_eq!(
            error.to_string(),
            "a proposal that is concept cannot become behandeld; from concept it can become: ingediend"
        );
        let error = ProposalState::Completed.transition(ProposalState::Concept, Role::College).unwrap_err();
        assert!(error.to_string().ends_with("it can become: none"), "{error}");
    }

    #[test]
    fn drafts_are_the_colleges_and_the_agenda_is_public_once_published() {
        assert!(ProposalState::Concept.editable_by(Role::College));
        assert!(!ProposalState::Submitted.editable_by(Role::College));
        assert!(ProposalState::Submitted.editable_by(Role::Griffie));
        assert!(!ProposalState::Treated.editable_by(Role::Griffie));
        assert!(!ProposalState::Concept.editable_by(Role::Admin));
        assert!(ProposalState::Concept.visible_to(Some(Role::College), false));
        assert!(!ProposalState::Concept.visible_to(Some(Role::Griffie), false));
        assert!(ProposalState::Submitted.visible_to(Some(Role::Councillor), false));
        assert!(!ProposalState::Scheduled.visible_to(None, false), "not before the evening is published");
        assert!(ProposalState::Scheduled.visible_to(None, true));
        assert!(!ProposalState::Submitted.visible_to(None, true));
        assert!(ProposalState::Completed.visible_to(Some(Role::Partner), true));
    }

    #[test]
    fn a_proposal_is_treated_only_once_its_evening_has_come() {
        let evening = time::macros::date!(2027 - 01 - 19);
        assert!(!ProposalState::in_time(ProposalState::Treated, Some(evening), time::macros::date!(2026 - 12 - 04)));
        assert!(ProposalState::in_time(ProposalState::Treated, Some(evening), evening));
        assert!(ProposalState::in_time(ProposalState::Treated, Some(evening), time::macros::date!(2027 - 02 - 01)));
        assert!(!ProposalState::in_time(ProposalState::Treated, None, evening), "not on an evening: not held");
        assert!(ProposalState::in_time(ProposalState::Submitted, Some(evening), time::macros::date!(2026 - 12 - 04)));
    }

    #[test]
    fn each_move_belongs_to_one_role() {
        let error = ProposalState::Submitted.transition(ProposalState::Scheduled, Role::College).unwrap_err();
        assert_eq!(error.to_string(), "only the role griffie may make a proposal geagendeerd from ingediend");
        assert!(ProposalState::Concept.transition(ProposalState::Submitted, Role::Admin).is_err());
    }
}
