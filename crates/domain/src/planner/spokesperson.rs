//! The spokespersons' rule: a party's spokesperson (woordvoerder) in two sessions of one round
//! cannot be in both, so the planner avoids it. It is a weighted rule, not a hard one
//! ([`super::Weights::spokesperson_clash`]): a small party with one specialist for several
//! subjects may have to choose, and the plan names each clash it could not avoid.

use super::{Evening, Plan};
use crate::Id;
use crate::people::Person;

/// A party's spokesperson in a session.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Spokesperson {
    /// The councillor.
    pub person: Id<Person>,
    /// Name as shown in explanations, with the party: "Anna de Vries (SBH)".
    pub name: String,
}

/// A spokesperson in two sessions that run in the same round.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SpokespersonClash {
    /// The spokesperson's name.
    pub name: String,
    /// The round, by index (the first round the two share).
    pub round: usize,
    /// The two sessions, by index into [`Evening::sessions`], the earlier-listed first.
    pub sessions: (usize, usize),
}

/// How many sessions beyond the first each spokesperson has in each round, summed: what the
/// planner's objective weighs (three sessions in one round count two).
pub(super) fn excess(evening: &Evening, plan: &Plan) -> u64 {
    let mut total = 0;
    for person in people(evening) {
        for round in 0..evening.rounds.len() {
            let count = plan
                .placements
                .iter()
                .filter(|p| p.rounds().contains(&round) && speaks(evening, p.session, person))
                .count() as u64;
            total += count.saturating_sub(1);
        }
    }
    total
}

/// Every spokesperson who is in more than one session, once each.
pub(super) fn people(evening: &Evening) -> Vec<Id<Person>> {
    let mut all: Vec<Id<Person>> = Vec::new();
    for session in &evening.sessions {
        for spokesperson in &session.spokespersons {
            if !all.contains(&spokesperson.person) {
                all.push(spokesperson.person);
            }
        }
    }
    all.retain(|person| {
        evening.sessions.iter().filter(|s| s.spokespersons.iter().any(|x| x.person == *person)).count() > 1
    });
    all
}

/// Whether `person` is a spokesperson in session `session`.
pub(super) fn speaks(evening: &Evening, session: usize, person: Id<Person>) -> bool {
    evening.sessions.get(session).is_some_and(|s| s.spokespersons.iter().any(|x| x.person == person))
}

/// Every pair of sessions of the plan that share a spokesperson and a round, once per pair and
/// spokesperson (at the first round they share), in the order of the sessions.
pub fn spokesperson_clashes(evening: &Evening, plan: &Plan) -> Vec<SpokespersonClash> {
    let mut placements: Vec<_> = plan.placements.iter().filter(|p| p.session < evening.sessions.len()).collect();
    placements.sort_by_key(|p| p.session);
    let mut clashes = Vec::new();
    for (position, first) in placements.iter().enumerate() {
        for second in &placements[position + 1..] {
            let Some(round) = first.rounds().find(|round| second.rounds().contains(round)) else { continue };
            for spokesperson in &evening.sessions[first.session].spokespersons {
                if speaks(evening, second.session, spokesperson.person) {
                    clashes.push(SpokespersonClash {
                        name: spokesperson.name.clone(),
                        round,
                        sessions: (first.session, second.session),
                    });
                }
            }
        }
    }
    clashes
}
