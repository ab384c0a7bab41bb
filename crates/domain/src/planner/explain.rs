//! Why sessions could not be placed, in words a griffie understands, naming the smallest set of
//! sessions, rooms, rounds or people that conflicts.
//!
//! Reasons are tried from the smallest set up: the session on its own (too long, too large, no
//! streamed room, its portfolio holder never free, nobody to chair it), then counts that involve
//! it (its portfolio holder's sessions against the rounds, the streamed sessions against the
//! streamed rooms, the large sessions against the large rooms, all sessions against all rooms),
//! and last a deletion filter: starting from the session and the sessions placed, each session
//! whose removal still leaves a set that cannot all be placed is dropped, which leaves a set in
//! which every session is needed for the conflict.

use std::time::{Duration, Instant};

use super::solve::{PlanError, PlannerSettings, Weights, optimise};
use super::{Evening, Participant, SessionRequest};

/// How long the deletion filter may search per explanation before it gives the counts instead.
const FILTER_BUDGET: Duration = Duration::from_secs(2);

/// One sentence per reason, each said once, for the sessions left out of a plan.
pub(super) fn explain_unplaced(evening: &Evening, unplaced: &[usize]) -> Vec<String> {
    let placed: Vec<usize> = (0..evening.sessions.len()).filter(|session| !unplaced.contains(session)).collect();
    let mut reasons: Vec<String> = Vec::new();
    for &session in unplaced {
        let reason = alone(evening, session)
            .or_else(|| counted(evening, session))
            .unwrap_or_else(|| filtered(evening, session, &placed));
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
    }
    reasons
}

/// Why the pinned sessions cannot all be held where they are pinned.
pub(super) fn explain_pins(evening: &Evening) -> Vec<String> {
    let pinned: Vec<usize> = (0..evening.sessions.len()).filter(|s| evening.sessions[*s].pin.is_some()).collect();
    let mut reasons = Vec::new();
    for &session in &pinned {
        if let Some(reason) = pin_alone(evening, session).or_else(|| alone(evening, session)) {
            reasons.push(reason);
        }
    }
    for (position, &first) in pinned.iter().enumerate() {
        for &second in &pinned[position + 1..] {
            if let Some(reason) = pins_together(evening, first, second) {
                reasons.push(reason);
            }
        }
    }
    if reasons.is_empty() {
        reasons.extend(pins_without_staff(evening, &pinned));
    }
    if reasons.is_empty() {
        let subjects: Vec<String> = pinned.iter().map(|s| quoted(&evening.sessions[*s])).collect();
        reasons.push(format!(
            "De vastgezette sessies {} passen samen niet: er zijn te weinig voorzitters of griffiemedewerkers beschikbaar",
            list(&subjects)
        ));
    }
    reasons
}

fn quoted(session: &SessionRequest) -> String {
    format!("'{}'", session.subject)
}

/// "a", "a en b", "a, b en c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} en {last}", rest.join(", ")),
    }
}

fn rounds_text(rounds: &[usize]) -> String {
    let numbers: Vec<String> = rounds.iter().map(|round| (round + 1).to_string()).collect();
    match numbers.len() {
        1 => format!("ronde {}", numbers[0]),
        _ => format!("de rondes {}", list(&numbers)),
    }
}

fn holder<'a>(evening: &'a Evening, session: &SessionRequest) -> Option<&'a Participant> {
    session.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder))
}

/// The fewest rounds the session takes anywhere in the evening.
fn shortest(evening: &Evening, session: &SessionRequest) -> Option<usize> {
    (0..evening.rounds.len()).filter_map(|round| evening.rounds_needed(session.duration_minutes, round)).min()
}

/// Reasons that lie in the session alone.
fn alone(evening: &Evening, index: usize) -> Option<String> {
    let session = &evening.sessions[index];
    let subject = quoted(session);
    if evening.rounds.is_empty() {
        return Some("De avond heeft nog geen rondes".to_owned());
    }
    if evening.rooms.is_empty() {
        return Some("De avond heeft nog geen zalen".to_owned());
    }
    let Some(_) = shortest(evening, session) else {
        let total: u32 = evening.rounds.iter().map(|round| u32::from(round.minutes)).sum();
        return Some(format!(
            "{subject} duurt {} minuten; de rondes van de avond duren samen {total} minuten",
            session.duration_minutes
        ));
    };
    if session.needs_livestream && !evening.rooms.iter().any(|room| room.livestream) {
        return Some(format!("{subject} vraagt een livestream; geen zaal van deze avond heeft er een"));
    }
    let suitable: Vec<_> = evening.rooms.iter().filter(|room| room.livestream || !session.needs_livestream).collect();
    if let Some(largest) = suitable.iter().max_by_key(|room| room.capacity)
        && largest.capacity < session.seats
    {
        let streamed = if session.needs_livestream { " met livestream" } else { "" };
        return Some(format!(
            "{subject} verwacht {} aanwezigen; de grootste zaal{streamed} ({}) heeft {} plaatsen",
            session.seats, largest.name, largest.capacity
        ));
    }
    let windows: Vec<(usize, usize)> = (0..evening.rounds.len())
        .filter_map(|round| evening.rounds_needed(session.duration_minutes, round).map(|length| (round, length)))
        .collect();
    if let Some(holder) = holder(evening, session)
        && !windows.iter().any(|&(round, length)| (round..round + length).all(|used| holder.is_available(used)))
    {
        let free: Vec<usize> = (0..evening.rounds.len()).filter(|round| holder.is_available(*round)).collect();
        return Some(if free.is_empty() {
            format!("{} is deze avond niet beschikbaar en is portefeuillehouder van {subject}", holder.name)
        } else {
            format!(
                "{} is alleen in {} beschikbaar; {subject} duurt {} minuten en past daar niet",
                holder.name,
                rounds_text(&free),
                session.duration_minutes
            )
        });
    }
    let can_chair = |chair: &Participant, round: usize, length: usize| {
        holder(evening, session).is_none_or(|holder| holder.person != chair.person)
            && (round..round + length).all(|used| chair.is_available(used))
    };
    if !windows.iter().any(|&(round, length)| evening.chairs.iter().any(|chair| can_chair(chair, round, length))) {
        return Some(format!("Geen voorzitter is beschikbaar voor {subject}"));
    }
    let can_clerk =
        |clerk: &Participant, round: usize, length: usize| (round..round + length).all(|used| clerk.is_available(used));
    if !windows.iter().any(|&(round, length)| evening.clerks.iter().any(|clerk| can_clerk(clerk, round, length))) {
        return Some(format!("Geen griffiemedewerker is beschikbaar voor {subject}"));
    }
    None
}

/// Reasons that count the session with others that compete for the same thing.
fn counted(evening: &Evening, index: usize) -> Option<String> {
    let session = &evening.sessions[index];
    let rounds = evening.rounds.len();
    let need = |other: &SessionRequest| shortest(evening, other).unwrap_or(1);
    let demand = |members: &[&SessionRequest]| members.iter().map(|other| need(other)).sum::<usize>();
    let sessie = |count: usize| if count == 1 { "sessie" } else { "sessies" };
    let ronde = |count: usize| if count == 1 { "ronde" } else { "rondes" };
    let zaal = |count: usize| if count == 1 { "zaal" } else { "zalen" };

    if let Some(holder_index) = session.portfolio_holder
        && let Some(person) = evening.portfolio_holders.get(holder_index)
    {
        let theirs: Vec<&SessionRequest> =
            evening.sessions.iter().filter(|other| other.portfolio_holder == Some(holder_index)).collect();
        let free = (0..rounds).filter(|round| person.is_available(*round)).count();
        let needed = demand(&theirs);
        if needed > free {
            let extent =
                if needed == theirs.len() { String::new() } else { format!(" (samen {needed} {})", ronde(needed)) };
            let supply = if free == rounds {
                format!("de avond heeft {rounds} {}", ronde(rounds))
            } else {
                format!("{} is beschikbaar in {free} {}", person.name, ronde(free))
            };
            return Some(format!("{} heeft {} {}{extent}; {supply}", person.name, theirs.len(), sessie(theirs.len())));
        }
    }
    if session.needs_livestream {
        let streamed: Vec<&SessionRequest> = evening.sessions.iter().filter(|other| other.needs_livestream).collect();
        let rooms = evening.rooms.iter().filter(|room| room.livestream).count();
        if demand(&streamed) > rooms * rounds {
            return Some(format!(
                "{} {} vragen een livestream; er {} {rooms} {} met livestream in {rounds} {}",
                streamed.len(),
                sessie(streamed.len()),
                if rooms == 1 { "is" } else { "zijn" },
                zaal(rooms),
                ronde(rounds)
            ));
        }
    }
    let large: Vec<&SessionRequest> = evening.sessions.iter().filter(|other| other.seats >= session.seats).collect();
    let rooms = evening.rooms.iter().filter(|room| room.capacity >= session.seats).count();
    if rooms < evening.rooms.len() && demand(&large) > rooms * rounds {
        return Some(format!(
            "{} {} verwachten {} of meer aanwezigen; {rooms} {} {} zoveel plaatsen, in {rounds} {}",
            large.len(),
            sessie(large.len()),
            session.seats,
            zaal(rooms),
            if rooms == 1 { "heeft" } else { "hebben" },
            ronde(rounds)
        ));
    }
    let all: Vec<&SessionRequest> = evening.sessions.iter().collect();
    let cells = evening.rooms.len() * rounds;
    if demand(&all) > cells {
        return Some(format!(
            "De {} sessies vragen samen {} zaal-rondes; de avond heeft {} {} × {rounds} {} = {cells}",
            all.len(),
            demand(&all),
            evening.rooms.len(),
            zaal(evening.rooms.len()),
            ronde(rounds)
        ));
    }
    for (people, role) in [(&evening.chairs, "voorzitters"), (&evening.clerks, "griffiemedewerkers")] {
        let supply: usize = (0..rounds).map(|round| people.iter().filter(|p| p.is_available(round)).count()).sum();
        if demand(&all) > supply {
            return Some(format!(
                "De {} sessies vragen samen {} sessie-rondes; de {role} kunnen er samen {supply} leiden",
                all.len(),
                demand(&all)
            ));
        }
    }
    None
}

/// The deletion filter: a set of sessions, including this one, that cannot all be placed and
/// that no longer conflicts when any one of them is left out.
fn filtered(evening: &Evening, index: usize, placed: &[usize]) -> String {
    let started = Instant::now();
    let subject = quoted(&evening.sessions[index]);
    let mut members: Vec<usize> = placed.to_vec();
    members.push(index);
    members.sort_unstable();
    let settings = PlannerSettings {
        weights: Weights {
            unplaced: 1,
            same_domain: 0,
            chair_load: 0,
            clerk_load: 0,
            round_used: 0,
            request: 0,
            spokesperson_clash: 0,
        },
        time_limit: Duration::from_millis(500),
    };
    let all_fit = |members: &[usize]| -> Option<bool> {
        let mut sub = evening.clone();
        sub.sessions = members.iter().map(|m| evening.sessions[*m].clone()).collect();
        match optimise(&sub, &settings) {
            Ok(outcome) if outcome.unplaced.is_empty() => Some(true),
            Ok(outcome) if outcome.optimal => Some(false),
            Err(PlanError::PinsConflict(_)) => Some(false),
            _ => None,
        }
    };
    for candidate in members.clone() {
        if candidate == index {
            continue;
        }
        if started.elapsed() > FILTER_BUDGET {
            break;
        }
        let without: Vec<usize> = members.iter().copied().filter(|m| *m != candidate).collect();
        if all_fit(&without) == Some(false) {
            members = without;
        }
    }
    let others: Vec<String> = members.iter().filter(|m| **m != index).map(|m| quoted(&evening.sessions[*m])).collect();
    if others.is_empty() {
        return format!("{subject} past nergens op de avond");
    }
    format!("{subject} past niet naast {} (zalen, rondes of mensen overlappen)", list(&others))
}

/// What is wrong with one pin on its own.
fn pin_alone(evening: &Evening, index: usize) -> Option<String> {
    let session = &evening.sessions[index];
    let pin = session.pin?;
    let subject = quoted(session);
    let Some(room) = evening.rooms.get(pin.room) else {
        return Some(format!("{subject} is vastgezet op een zaal die deze avond niet heeft"));
    };
    let Some(length) = evening.rounds_needed(session.duration_minutes, pin.round) else {
        return Some(format!(
            "{subject} duurt {} minuten en past vanaf ronde {} niet meer in de avond",
            session.duration_minutes,
            pin.round + 1
        ));
    };
    if room.capacity < session.seats {
        return Some(format!(
            "{subject} is vastgezet in {}, met {} plaatsen voor {} verwachte aanwezigen",
            room.name, room.capacity, session.seats
        ));
    }
    if session.needs_livestream && !room.livestream {
        return Some(format!("{subject} vraagt een livestream en is vastgezet in {}, die er geen heeft", room.name));
    }
    if let Some(holder) = holder(evening, session)
        && let Some(round) = (pin.round..pin.round + length).find(|round| !holder.is_available(*round))
    {
        return Some(format!(
            "{subject} is vastgezet in ronde {}, maar {} is dan niet beschikbaar",
            round + 1,
            holder.name
        ));
    }
    None
}

/// Rounds with more pinned sessions than chairs or clerks available.
fn pins_without_staff(evening: &Evening, pinned: &[usize]) -> Vec<String> {
    let mut reasons = Vec::new();
    for round in 0..evening.rounds.len() {
        let running: Vec<String> = pinned
            .iter()
            .filter(|session| {
                let request = &evening.sessions[**session];
                request.pin.is_some_and(|pin| {
                    let length = evening.rounds_needed(request.duration_minutes, pin.round).unwrap_or(1);
                    pin.round <= round && round < pin.round + length
                })
            })
            .map(|session| quoted(&evening.sessions[*session]))
            .collect();
        for (people, role) in [(&evening.chairs, "voorzitter"), (&evening.clerks, "griffiemedewerker")] {
            let here = people.iter().filter(|person| person.is_available(round)).count();
            if running.len() > here {
                let many = if here == 1 { role.to_owned() } else { format!("{role}s") };
                reasons.push(format!(
                    "In ronde {} zijn {} vastgezet; er {} {here} {many} beschikbaar",
                    round + 1,
                    list(&running),
                    if here == 1 { "is" } else { "zijn" },
                ));
            }
        }
    }
    reasons
}

/// What is wrong with two pins together.
fn pins_together(evening: &Evening, first: usize, second: usize) -> Option<String> {
    let (a, b) = (&evening.sessions[first], &evening.sessions[second]);
    let (pin_a, pin_b) = (a.pin?, b.pin?);
    let span = |session: &SessionRequest, round: usize| {
        round..round + evening.rounds_needed(session.duration_minutes, round).unwrap_or(1)
    };
    let rounds_b = span(b, pin_b.round);
    let shared = span(a, pin_a.round).find(|round| rounds_b.contains(round))?;
    if pin_a.room == pin_b.room {
        let room = evening.rooms.get(pin_a.room).map_or("dezelfde zaal", |room| room.name.as_str());
        return Some(format!("{} en {} zijn allebei vastgezet in {room}, ronde {}", quoted(a), quoted(b), shared + 1));
    }
    if a.portfolio_holder.is_some() && a.portfolio_holder == b.portfolio_holder {
        let name = holder(evening, a).map_or("De portefeuillehouder", |holder| holder.name.as_str());
        return Some(format!(
            "{name} is portefeuillehouder van {} en {}, die allebei in ronde {} zijn vastgezet",
            quoted(a),
            quoted(b),
            shared + 1
        ));
    }
    None
}
