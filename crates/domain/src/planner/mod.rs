//! The session planner's problem: one market evening's rounds and rooms, the sessions to place,
//! and the chairs, clerks and portfolio holders they need; a plan that places them; and
//! [`check`], which lists every hard rule a plan breaks, each in words a griffie understands.
//!
//! Everything is addressed by index into the evening's lists, so that a solver can build its
//! model over plain numbers and the checker can be run on any plan (a solver's, or a manual move
//! by the griffie). [`generate`] makes realistic evenings for tests and benchmarks.
//!
//! What a proposal asks for itself (its room, chair and clerk, [`Requested`]) is a preference,
//! not a rule: the planner weighs it ([`Weights::request`]) and [`unmet_requests`] says for each
//! request a plan does not meet why not.

mod explain;
mod generate;
mod request;
mod solve;
mod spokesperson;

use std::fmt;

use crate::Id;
use crate::people::Person;
use crate::proposal::Domain;

pub use generate::{GeneratorSettings, generate};
pub use request::{Asked, Reason, Unmet, unmet_requests};
pub use solve::{Outcome, PlanError, PlannerSettings, Weights, objective, plan};
pub use spokesperson::{Spokesperson, SpokespersonClash, spokesperson_clashes};

/// A round of the evening (ronde).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundSlot {
    /// Its length in minutes.
    pub minutes: u16,
}

/// A room of the evening.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoomSlot {
    /// Name, e.g. "Commissiekamer 2".
    pub name: String,
    /// Seats.
    pub capacity: u16,
    /// Whether sessions here can be streamed.
    pub livestream: bool,
}

/// Someone the planner assigns or must keep in one place: a chair, a clerk, a portfolio holder.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Participant {
    /// The person (the same person may stand in more than one list).
    pub person: Id<Person>,
    /// Name as shown in explanations, e.g. "Wethouder De Vries".
    pub name: String,
    /// The rounds (by index) the person is available in; `None` for the whole evening.
    pub available: Option<Vec<usize>>,
}

impl Participant {
    /// Whether the person can be there in this round.
    pub fn is_available(&self, round: usize) -> bool {
        self.available.as_ref().is_none_or(|rounds| rounds.contains(&round))
    }
}

/// A room and round the griffie fixed for a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Pin {
    /// Room, by index.
    pub room: usize,
    /// First round, by index.
    pub round: usize,
}

/// A geagendeerde proposal to be placed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SessionRequest {
    /// Onderwerp, for explanations.
    pub subject: String,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Duur in minutes.
    pub duration_minutes: u16,
    /// The portfolio holder, by index into [`Evening::portfolio_holders`].
    pub portfolio_holder: Option<usize>,
    /// Seats needed: the expected attendance plus the confirmed speakers.
    pub seats: u16,
    /// Whether the session must be streamed.
    pub needs_livestream: bool,
    /// Room and first round fixed by the griffie.
    pub pin: Option<Pin>,
    /// The room, chair and clerk the proposal asks for.
    pub requested: Requested,
    /// The parties' spokespersons (woordvoerders) in the session, as the councillors marked
    /// them: the planner avoids putting two sessions with the same one in one round, as hard as
    /// [`Weights::spokesperson_clash`] says.
    pub spokespersons: Vec<Spokesperson>,
}

/// The room, chair and clerk a proposal asks for (the behandelvoorstel's zaal, voorzitter and
/// griffiemedewerker). The griffie decides; the planner meets what it can.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Requested {
    /// The room asked for.
    pub room: Option<RequestedRoom>,
    /// The chair asked for.
    pub chair: Option<RequestedPerson>,
    /// The clerk asked for.
    pub clerk: Option<RequestedPerson>,
}

/// A room a proposal asks for.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum RequestedRoom {
    /// One of the evening's rooms, by index.
    Room(usize),
    /// A room the evening does not use, by name.
    NotInUse(String),
}

/// A chair or clerk a proposal asks for. Matched to the evening's pools by person, so that
/// someone asked for who is not in the pool can be named.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RequestedPerson {
    /// The person.
    pub person: Id<Person>,
    /// Name as shown in explanations.
    pub name: String,
    /// Whether the person may take the role at all (a councillor or chair to chair, a clerk to
    /// clerk): someone who may not is not merely missing from the evening's pool, and the griffie
    /// cannot put them in it.
    pub eligible: bool,
}

impl RequestedPerson {
    /// The person's index in a pool, when there.
    pub fn in_pool(&self, pool: &[Participant]) -> Option<usize> {
        pool.iter().position(|participant| participant.person == self.person)
    }
}

/// The planning problem of one evening.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Evening {
    /// Rounds in order.
    pub rounds: Vec<RoundSlot>,
    /// Rooms.
    pub rooms: Vec<RoomSlot>,
    /// Councillors who may chair a session.
    pub chairs: Vec<Participant>,
    /// Clerks of the griffie.
    pub clerks: Vec<Participant>,
    /// Portfolio holders (wethouders, the mayor).
    pub portfolio_holders: Vec<Participant>,
    /// The sessions to place.
    pub sessions: Vec<SessionRequest>,
}

impl Evening {
    /// How many consecutive rounds, from `first_round`, a session of this length takes; `None`
    /// when the rounds left in the evening are too short together.
    pub fn rounds_needed(&self, duration_minutes: u16, first_round: usize) -> Option<usize> {
        let mut minutes = 0_u32;
        for (count, round) in self.rounds.iter().enumerate().skip(first_round) {
            minutes += u32::from(round.minutes);
            if minutes >= u32::from(duration_minutes) {
                return Some(count - first_round + 1);
            }
        }
        None
    }
}

/// Where and with whom a session is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Placement {
    /// The session, by index into [`Evening::sessions`].
    pub session: usize,
    /// Room, by index.
    pub room: usize,
    /// First round, by index.
    pub first_round: usize,
    /// How many consecutive rounds it takes, from 1.
    pub round_count: usize,
    /// Voorzitter, by index into [`Evening::chairs`].
    pub chair: usize,
    /// Griffiemedewerker, by index into [`Evening::clerks`].
    pub clerk: usize,
}

impl Placement {
    /// The rounds the session occupies.
    pub fn rounds(&self) -> std::ops::Range<usize> {
        self.first_round..self.first_round + self.round_count
    }
}

/// A plan for an evening: the sessions placed (a session not placed is simply absent).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Plan {
    /// The placed sessions.
    pub placements: Vec<Placement>,
}

/// The role in which someone is in two places at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Capacity {
    /// As voorzitter.
    Chair,
    /// As griffiemedewerker.
    Clerk,
    /// As portefeuillehouder.
    PortfolioHolder,
}

/// A hard rule a plan breaks. Sessions, rooms and rounds are indexes into the evening; the
/// [`Conflict::describe`] text names them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Conflict {
    /// The plan names a session, room, round, chair or clerk the evening does not have.
    Unknown {
        /// The placement's position in the plan.
        placement: usize,
    },
    /// The session is placed more than once.
    PlacedTwice {
        /// The session.
        session: usize,
    },
    /// The session's duration does not fit the rounds it is given (or the rounds left).
    DoesNotFit {
        /// The session.
        session: usize,
    },
    /// Two sessions share a room in a round.
    RoomTaken {
        /// The room.
        room: usize,
        /// The round.
        round: usize,
        /// The two sessions.
        sessions: (usize, usize),
    },
    /// A person is in two sessions in the same round.
    TwoPlaces {
        /// The person's name.
        name: String,
        /// In which role (in the first session).
        capacity: Capacity,
        /// The round.
        round: usize,
        /// The two sessions.
        sessions: (usize, usize),
    },
    /// The chair is the session's own portfolio holder.
    ChairIsPortfolioHolder {
        /// The session.
        session: usize,
    },
    /// The chair is also the session's clerk.
    ChairIsClerk {
        /// The session.
        session: usize,
    },
    /// The room has too few seats.
    RoomTooSmall {
        /// The session.
        session: usize,
        /// The room.
        room: usize,
    },
    /// The session needs a livestream the room does not have.
    NoLivestream {
        /// The session.
        session: usize,
        /// The room.
        room: usize,
    },
    /// The session is pinned elsewhere.
    PinMoved {
        /// The session.
        session: usize,
    },
    /// Someone is placed in a round they are not available in.
    Unavailable {
        /// The person's name.
        name: String,
        /// The session.
        session: usize,
        /// The round.
        round: usize,
    },
}

impl Conflict {
    /// The conflict in Dutch, naming the sessions by subject and rounds and rooms as the
    /// griffie knows them ("ronde 2", "Commissiekamer 1").
    pub fn describe(&self, evening: &Evening) -> String {
        Described { conflict: self, evening }.to_string()
    }

    /// Whether the conflict concerns this session (a conflict with an unknown reference
    /// concerns every session).
    pub fn involves(&self, session: usize) -> bool {
        match self {
            Conflict::Unknown { .. } => true,
            Conflict::PlacedTwice { session: own }
            | Conflict::DoesNotFit { session: own }
            | Conflict::ChairIsPortfolioHolder { session: own }
            | Conflict::ChairIsClerk { session: own }
            | Conflict::RoomTooSmall { session: own, .. }
            | Conflict::NoLivestream { session: own, .. }
            | Conflict::PinMoved { session: own }
            | Conflict::Unavailable { session: own, .. } => *own == session,
            Conflict::RoomTaken { sessions: (first, second), .. }
            | Conflict::TwoPlaces { sessions: (first, second), .. } => *first == session || *second == session,
        }
    }
}

struct Described<'a> {
    conflict: &'a Conflict,
    evening: &'a Evening,
}

impl fmt::Display for Described<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let evening = self.evening;
        let subject = |session: usize| {
            evening
                .sessions
                .get(session)
                .map_or_else(|| format!("sessie {}", session + 1), |s| format!("'{}'", s.subject))
        };
        let room =
            |room: usize| evening.rooms.get(room).map_or_else(|| format!("zaal {}", room + 1), |r| r.name.clone());
        match self.conflict {
            Conflict::Unknown { placement } => {
                write!(
                    formatter,
                    "Plaatsing {} noemt een sessie, zaal, ronde of persoon die deze avond niet kent",
                    placement + 1
                )
            }
            Conflict::PlacedTwice { session } => write!(formatter, "{} staat twee keer in het plan", subject(*session)),
            Conflict::DoesNotFit { session } => {
                let minutes = evening.sessions.get(*session).map_or(0, |s| s.duration_minutes);
                write!(formatter, "{} duurt {minutes} minuten en past niet in de gekozen ronde(s)", subject(*session))
            }
            Conflict::RoomTaken { room: taken, round, sessions: (first, second) } => write!(
                formatter,
                "{} is in ronde {} al bezet door {}; {} kan daar niet ook",
                room(*taken),
                round + 1,
                subject(*first),
                subject(*second)
            ),
            Conflict::TwoPlaces { name, capacity, round, sessions: (first, second) } => {
                let role = match capacity {
                    Capacity::Chair => "voorzitter",
                    Capacity::Clerk => "griffiemedewerker",
                    Capacity::PortfolioHolder => "portefeuillehouder",
                };
                write!(
                    formatter,
                    "{name} is in ronde {} {role} bij {} en zou tegelijk bij {} moeten zijn",
                    round + 1,
                    subject(*first),
                    subject(*second)
                )
            }
            Conflict::ChairIsPortfolioHolder { session } => {
                write!(formatter, "De voorzitter van {} is ook de portefeuillehouder", subject(*session))
            }
            Conflict::ChairIsClerk { session } => {
                write!(formatter, "De voorzitter van {} is ook de griffiemedewerker", subject(*session))
            }
            Conflict::RoomTooSmall { session, room: small } => {
                let seats = evening.sessions.get(*session).map_or(0, |s| s.seats);
                let capacity = evening.rooms.get(*small).map_or(0, |r| r.capacity);
                write!(
                    formatter,
                    "{} verwacht {seats} aanwezigen; {} heeft {capacity} plaatsen",
                    subject(*session),
                    room(*small)
                )
            }
            Conflict::NoLivestream { session, room: without } => {
                write!(formatter, "{} vraagt een livestream; {} heeft er geen", subject(*session), room(*without))
            }
            Conflict::PinMoved { session } => {
                write!(formatter, "{} is door de griffie vastgezet op een andere zaal of ronde", subject(*session))
            }
            Conflict::Unavailable { name, session, round } => {
                write!(formatter, "{name} is in ronde {} niet beschikbaar voor {}", round + 1, subject(*session))
            }
        }
    }
}

/// Every hard rule the plan breaks, in a stable order (by placement, then by rule); empty when
/// the plan keeps them all. Soft preferences (domains spread over rounds, balanced work) are
/// not rules and are not reported here.
pub fn check(evening: &Evening, plan: &Plan) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    let mut known: Vec<&Placement> = Vec::new();
    let mut seen = vec![false; evening.sessions.len()];
    for (position, placement) in plan.placements.iter().enumerate() {
        let valid = placement.session < evening.sessions.len()
            && placement.room < evening.rooms.len()
            && placement.first_round < evening.rounds.len()
            && placement.round_count >= 1
            && placement.chair < evening.chairs.len()
            && placement.clerk < evening.clerks.len();
        if !valid {
            conflicts.push(Conflict::Unknown { placement: position });
            continue;
        }
        if std::mem::replace(&mut seen[placement.session], true) {
            conflicts.push(Conflict::PlacedTwice { session: placement.session });
            continue;
        }
        check_placement(evening, placement, &mut conflicts);
        known.push(placement);
    }
    check_overlaps(evening, &known, &mut conflicts);
    conflicts
}

/// The rules of one placement on its own.
fn check_placement(evening: &Evening, placement: &Placement, conflicts: &mut Vec<Conflict>) {
    let session = &evening.sessions[placement.session];
    let index = placement.session;
    let fits = placement.first_round + placement.round_count <= evening.rounds.len()
        && evening.rounds_needed(session.duration_minutes, placement.first_round) == Some(placement.round_count);
    if !fits {
        conflicts.push(Conflict::DoesNotFit { session: index });
    }
    let room = &evening.rooms[placement.room];
    if room.capacity < session.seats {
        conflicts.push(Conflict::RoomTooSmall { session: index, room: placement.room });
    }
    if session.needs_livestream && !room.livestream {
        conflicts.push(Conflict::NoLivestream { session: index, room: placement.room });
    }
    if let Some(pin) = session.pin
        && (pin.room != placement.room || pin.round != placement.first_round)
    {
        conflicts.push(Conflict::PinMoved { session: index });
    }
    let chair = &evening.chairs[placement.chair];
    let holder = session.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder));
    if holder.is_some_and(|holder| holder.person == chair.person) {
        conflicts.push(Conflict::ChairIsPortfolioHolder { session: index });
    }
    let clerk = &evening.clerks[placement.clerk];
    if clerk.person == chair.person {
        conflicts.push(Conflict::ChairIsClerk { session: index });
    }
    let people = [Some(chair), Some(clerk), holder];
    let rounds = placement.rounds().filter(|round| *round < evening.rounds.len());
    for round in rounds {
        for person in people.iter().flatten() {
            if !person.is_available(round) {
                conflicts.push(Conflict::Unavailable { name: person.name.clone(), session: index, round });
            }
        }
    }
}

/// The rules between placements: one session per room and round, one place per person.
fn check_overlaps(evening: &Evening, placements: &[&Placement], conflicts: &mut Vec<Conflict>) {
    let people = |placement: &Placement| {
        let session = &evening.sessions[placement.session];
        let chair = &evening.chairs[placement.chair];
        let clerk = &evening.clerks[placement.clerk];
        let holder = session.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder));
        let mut people = vec![(chair, Capacity::Chair), (clerk, Capacity::Clerk)];
        people.extend(holder.map(|holder| (holder, Capacity::PortfolioHolder)));
        people
    };
    for (position, first) in placements.iter().enumerate() {
        for second in &placements[position + 1..] {
            let Some(round) = first.rounds().find(|round| second.rounds().contains(round)) else { continue };
            let sessions = (first.session, second.session);
            if first.room == second.room {
                conflicts.push(Conflict::RoomTaken { room: first.room, round, sessions });
            }
            let theirs = people(second);
            for (person, capacity) in people(first) {
                if theirs.iter().any(|(other, _)| other.person == person.person) {
                    conflicts.push(Conflict::TwoPlaces { name: person.name.clone(), capacity, round, sessions });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
