//! Which of the rooms, chairs and clerks the proposals ask for a plan gives them, and for each it
//! does not, why: the room taken in that round, the person absent, busy elsewhere or not in the
//! evening's pool, and so on. Reasons are data, not sentences, so that each edge says them in its
//! own language.

use super::{Capacity, Evening, Participant, Placement, Plan, RequestedPerson, RequestedRoom};

/// What a proposal asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Asked {
    /// Its room.
    Room,
    /// Its chair.
    Chair,
    /// Its clerk.
    Clerk,
}

/// Why a plan does not give a session what its proposal asks for. Rounds, rooms and sessions
/// are indexes into the evening.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum Reason {
    /// The room is not one of the evening's rooms.
    RoomNotInUse,
    /// The room has fewer seats than the session needs.
    RoomTooSmall {
        /// The room's seats.
        capacity: u16,
        /// The seats the session needs.
        seats: u16,
    },
    /// The session must be streamed and the room cannot stream.
    RoomWithoutLivestream,
    /// Another session has the room in one of the session's rounds.
    RoomTaken {
        /// The first such round.
        round: usize,
        /// The other session.
        by: usize,
    },
    /// The griffie pinned the session to another room.
    Pinned {
        /// The room it is pinned to.
        room: usize,
    },
    /// The person may take the role (see [`RequestedPerson::eligible`]) but is not in the
    /// evening's pool for it.
    NotInPool,
    /// The person may not take the role at all.
    NotEligible,
    /// The person is absent in one of the session's rounds.
    Absent {
        /// The first such round.
        round: usize,
    },
    /// The person asked for as chair is the session's own portfolio holder.
    OwnPortfolioHolder,
    /// The person is needed elsewhere in one of the session's rounds (or in this session in
    /// another role).
    Busy {
        /// The first such round.
        round: usize,
        /// The session they are in.
        session: usize,
        /// In which role they are there.
        capacity: Capacity,
    },
    /// Nothing kept the plan from giving it; the plan chose otherwise (a plan of the griffie's
    /// own, one the planner did not prove best, or a weight of 0).
    NotChosen,
}

/// A request of a placed session that the plan does not meet.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unmet {
    /// The session, by index.
    pub session: usize,
    /// What it asked for.
    pub asked: Asked,
    /// The room's or person's name, as asked.
    pub name: String,
    /// Why the plan does not give it.
    pub reason: Reason,
}

/// The requests of the placed sessions that the plan does not meet, by session and then room,
/// chair, clerk; a session the plan leaves out has its own explanation and none here. A
/// placement that names what the evening does not have is skipped ([`super::check`] reports it).
pub fn unmet_requests(evening: &Evening, plan: &Plan) -> Vec<Unmet> {
    let mut unmet = Vec::new();
    let mut placements: Vec<&Placement> = plan.placements.iter().filter(|p| valid(evening, p)).collect();
    placements.sort_by_key(|placement| placement.session);
    for placement in &placements {
        let session = &evening.sessions[placement.session];
        let requested = &session.requested;
        if let Some(room) = &requested.room
            && let Some((name, reason)) = room_reason(evening, plan, placement, room)
        {
            unmet.push(Unmet { session: placement.session, asked: Asked::Room, name, reason });
        }
        for (asked, person) in [(Asked::Chair, &requested.chair), (Asked::Clerk, &requested.clerk)] {
            if let Some(person) = person
                && let Some(reason) = person_reason(evening, plan, placement, asked, person)
            {
                unmet.push(Unmet { session: placement.session, asked, name: person.name.clone(), reason });
            }
        }
    }
    unmet
}

/// How many of its session's requests a placement does not meet (0 to 3), for the objective.
pub(super) fn unmet_count(evening: &Evening, placement: &Placement) -> u64 {
    let Some(session) = evening.sessions.get(placement.session) else { return 0 };
    let requested = &session.requested;
    let room = match &requested.room {
        Some(RequestedRoom::Room(room)) => *room != placement.room,
        Some(RequestedRoom::NotInUse(_)) => true,
        None => false,
    };
    let missed = |person: &Option<RequestedPerson>, pool: &[Participant], index: usize| {
        person.as_ref().is_some_and(|person| pool.get(index).is_none_or(|given| given.person != person.person))
    };
    let chair = missed(&requested.chair, &evening.chairs, placement.chair);
    let clerk = missed(&requested.clerk, &evening.clerks, placement.clerk);
    u64::from(room) + u64::from(chair) + u64::from(clerk)
}

fn valid(evening: &Evening, placement: &Placement) -> bool {
    placement.session < evening.sessions.len()
        && placement.room < evening.rooms.len()
        && placement.chair < evening.chairs.len()
        && placement.clerk < evening.clerks.len()
}

fn overlap(first: &Placement, second: &Placement) -> Option<usize> {
    first.rounds().find(|round| second.rounds().contains(round))
}

/// Why the placement is not in the room asked for; `None` when it is.
fn room_reason(
    evening: &Evening,
    plan: &Plan,
    placement: &Placement,
    requested: &RequestedRoom,
) -> Option<(String, Reason)> {
    let index = match requested {
        RequestedRoom::NotInUse(name) => return Some((name.clone(), Reason::RoomNotInUse)),
        RequestedRoom::Room(index) if *index == placement.room => return None,
        RequestedRoom::Room(index) => *index,
    };
    let session = &evening.sessions[placement.session];
    let Some(room) = evening.rooms.get(index) else { return Some((String::new(), Reason::RoomNotInUse)) };
    let reason = if let Some(pin) = session.pin.filter(|pin| pin.room != index) {
        Reason::Pinned { room: pin.room }
    } else if room.capacity < session.seats {
        Reason::RoomTooSmall { capacity: room.capacity, seats: session.seats }
    } else if session.needs_livestream && !room.livestream {
        Reason::RoomWithoutLivestream
    } else if let Some((round, other)) = plan
        .placements
        .iter()
        .filter(|other| other.session != placement.session && other.room == index)
        .find_map(|other| overlap(placement, other).map(|round| (round, other)))
    {
        Reason::RoomTaken { round, by: other.session }
    } else {
        Reason::NotChosen
    };
    Some((room.name.clone(), reason))
}

/// Why the placement does not have the person asked for in this role; `None` when it does.
fn person_reason(
    evening: &Evening,
    plan: &Plan,
    placement: &Placement,
    asked: Asked,
    requested: &RequestedPerson,
) -> Option<Reason> {
    let (pool, given) = match asked {
        Asked::Chair => (&evening.chairs, placement.chair),
        _ => (&evening.clerks, placement.clerk),
    };
    let Some(index) = requested.in_pool(pool) else {
        return Some(if requested.eligible { Reason::NotInPool } else { Reason::NotEligible });
    };
    if index == given {
        return None;
    }
    let person = requested.person;
    let holder_of =
        |session: usize| evening.sessions[session].portfolio_holder.and_then(|h| evening.portfolio_holders.get(h));
    if asked == Asked::Chair && holder_of(placement.session).is_some_and(|holder| holder.person == person) {
        return Some(Reason::OwnPortfolioHolder);
    }
    if let Some(round) = placement.rounds().find(|round| !pool[index].is_available(*round)) {
        return Some(Reason::Absent { round });
    }
    // Where the person is in the session's rounds: in this session in another role, or elsewhere.
    let roles = |other: &Placement| {
        let mut roles = Vec::new();
        if evening.chairs.get(other.chair).is_some_and(|chair| chair.person == person) {
            roles.push(Capacity::Chair);
        }
        if evening.clerks.get(other.clerk).is_some_and(|clerk| clerk.person == person) {
            roles.push(Capacity::Clerk);
        }
        if holder_of(other.session).is_some_and(|holder| holder.person == person) {
            roles.push(Capacity::PortfolioHolder);
        }
        roles
    };
    let own = roles(placement).into_iter().find(|capacity| match asked {
        Asked::Chair => *capacity != Capacity::Chair,
        _ => *capacity != Capacity::Clerk,
    });
    if let Some(capacity) = own {
        let round = placement.first_round;
        return Some(Reason::Busy { round, session: placement.session, capacity });
    }
    let elsewhere = plan.placements.iter().filter(|other| other.session != placement.session && valid(evening, other));
    for other in elsewhere {
        if let (Some(round), Some(capacity)) = (overlap(placement, other), roles(other).first().copied()) {
            return Some(Reason::Busy { round, session: other.session, capacity });
        }
    }
    Some(Reason::NotChosen)
}
