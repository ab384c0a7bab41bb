//! The planner: an integer program (good_lp with the pure-Rust microlp backend) that places the
//! sessions of an evening, then two small assignment programs that give each placed session a
//! chair and a clerk.
//!
//! Why two stages: with a variable per session × chair × round the model is large and microlp
//! rarely proves it optimal in seconds (measured in `bench/planner-probe`). The first stage counts
//! chairs and clerks per round instead and bounds their busiest load by the average, so it is a
//! relaxation of the whole problem: its optimum is a lower bound. When the assignments then reach
//! that bound, the plan is proven optimal; when they do not (a chair who is also a portfolio
//! holder, partial availability), the placement is cut off and the first stage solved again, as
//! long as its bound can still beat the best plan found and time remains.
//!
//! microlp has no primal heuristics of its own, so the first stage starts from a placement made
//! greedily and improved by local search; with that start, and a gap of less than 1 (the
//! objective is a whole number), the solver mostly has only to prove the bound.
//!
//! Rooms that are alike (same seats, both streamed or both not, no pin) are one room type in the
//! first stage, which removes the symmetry of swapping them; sessions of a type are afterwards
//! given rooms of that type by start round, which always succeeds because no more of them run in
//! a round than there are rooms (intervals on a line are coloured greedily).
//!
//! The rooms, chairs and clerks the proposals ask for ([`Weights::request`]): a room asked for is
//! a room type of its own, so the first stage sees exactly whether a session gets it. Whether a
//! session gets the chair or clerk it asks for is only known in the second stage; the first
//! bounds it from below, as it does the loads: a request is surely missed when the person is not
//! in the pool, absent or the session's own portfolio holder, and of the sessions that ask for
//! one person and run in one round at most one can have them (none when they are a portfolio
//! holder then); nor can someone chair more sessions than the busiest chair's load. With that
//! bound the first stage's optimum stays a lower bound of the whole problem.

use std::time::{Duration, Instant};

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolutionStatus, SolverModel, Variable,
    WithInitialSolution, WithMipGap, WithTimeLimit, constraint, microlp, variable,
};

use super::explain::{explain_pins, explain_unplaced};
use super::request::{Unmet, unmet_count, unmet_requests};
use super::spokesperson::{self, SpokespersonClash, spokesperson_clashes};
use super::{Evening, Participant, Placement, Plan, RequestedPerson, RequestedRoom};
use crate::Id;
use crate::people::Person;
use crate::proposal::Domain;

/// The weights of the soft preferences, in points of the objective (lower is better). Every
/// hard rule is kept whatever the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Weights {
    /// Per session left unplaced.
    pub unplaced: u32,
    /// Per extra session of one domain in a round (two of the same domain in a round cost one).
    pub same_domain: u32,
    /// Per session of the busiest chair, so that the work is spread.
    pub chair_load: u32,
    /// Per session of the busiest clerk.
    pub clerk_load: u32,
    /// Per round used.
    pub round_used: u32,
    /// Per room, chair or clerk a placed session's proposal asks for and does not get. Strong,
    /// so that a request gives way only to placing a session at all; settings stored before it
    /// existed read as the default.
    #[serde(default = "default_request")]
    pub request: u32,
    /// Per session beyond the first that one party's spokesperson has in a round, as hard as the
    /// griffie sets it: 0 ignores it; a weight near [`Weights::unplaced`] makes it nearly hard.
    /// Settings stored before it existed read as the default.
    #[serde(default = "default_spokesperson_clash")]
    pub spokesperson_clash: u32,
}

fn default_request() -> u32 {
    Weights::default().request
}

fn default_spokesperson_clash() -> u32 {
    Weights::default().spokesperson_clash
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            unplaced: 1000,
            same_domain: 10,
            chair_load: 3,
            clerk_load: 3,
            round_used: 5,
            request: 50,
            spokesperson_clash: 40,
        }
    }
}

/// What the planner is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannerSettings {
    /// The weights of the soft preferences.
    pub weights: Weights,
    /// After this the best plan found is returned, and said not to be proven optimal.
    pub time_limit: Duration,
}

impl Default for PlannerSettings {
    fn default() -> Self {
        PlannerSettings { weights: Weights::default(), time_limit: Duration::from_secs(5) }
    }
}

/// A plan the planner found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Outcome {
    /// The plan; sessions that could not be placed are absent from it.
    pub plan: Plan,
    /// Its objective value under the weights (see [`objective`]).
    pub objective: u64,
    /// Whether no plan has a lower objective; `false` when the time limit ended the search.
    pub optimal: bool,
    /// The sessions left out, by index.
    pub unplaced: Vec<usize>,
    /// Why they were left out, one sentence per reason.
    pub explanation: Vec<String>,
    /// What the placed sessions' proposals ask for and the plan does not give them, with why.
    pub unmet_requests: Vec<Unmet>,
    /// The spokespersons the plan puts in two sessions of one round: the clashes it could not
    /// avoid (or that the weights let stand).
    pub spokesperson_clashes: Vec<SpokespersonClash>,
}

/// Why the planner has no plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    /// The sessions pinned by the griffie cannot all be held as pinned; the reasons, one
    /// sentence each.
    #[error("de vastgezette sessies passen niet samen op de avond: {}", .0.join("; "))]
    PinsConflict(Vec<String>),
    /// The time limit ended the search before any plan was found.
    #[error("de planner vond binnen de tijdslimiet geen plan")]
    NoPlanInTime,
    /// The solver failed in a way it should not.
    #[error("de planner faalde: {0}")]
    Solver(String),
}

/// The objective value of a plan: the weighted sum of sessions left out, extra sessions of a
/// domain per round, the busiest chair's and clerk's number of sessions, rounds used, and rooms,
/// chairs and clerks asked for and not given.
pub fn objective(evening: &Evening, plan: &Plan, weights: &Weights) -> u64 {
    let rounds = evening.rounds.len();
    let placed = plan.placements.len();
    let unplaced = evening.sessions.len().saturating_sub(placed) as u64;
    let mut same_domain = 0_u64;
    let mut round_used = 0_u64;
    for round in 0..rounds {
        let running: Vec<&Placement> = plan.placements.iter().filter(|p| p.rounds().contains(&round)).collect();
        if !running.is_empty() {
            round_used += 1;
        }
        for domain in Domain::ALL {
            let count = running.iter().filter(|p| evening.sessions[p.session].domains.contains(domain)).count() as u64;
            same_domain += count.saturating_sub(1);
        }
    }
    let busiest = |count: usize, person: fn(&Placement) -> usize| {
        (0..count).map(|index| plan.placements.iter().filter(|p| person(p) == index).count()).max().unwrap_or(0) as u64
    };
    let busiest_chair = busiest(evening.chairs.len(), |p| p.chair);
    let busiest_clerk = busiest(evening.clerks.len(), |p| p.clerk);
    let unmet: u64 = plan.placements.iter().map(|placement| unmet_count(evening, placement)).sum();
    u64::from(weights.unplaced) * unplaced
        + u64::from(weights.same_domain) * same_domain
        + u64::from(weights.chair_load) * busiest_chair
        + u64::from(weights.clerk_load) * busiest_clerk
        + u64::from(weights.round_used) * round_used
        + u64::from(weights.request) * unmet
        + u64::from(weights.spokesperson_clash) * spokesperson::excess(evening, plan)
}

/// Plans the evening as [`optimise`] does, and explains why sessions were left out, which
/// requests the plan does not meet, or why the pins conflict.
pub fn plan(evening: &Evening, settings: &PlannerSettings) -> Result<Outcome, PlanError> {
    match optimise(evening, settings) {
        Ok(mut outcome) => {
            outcome.explanation = explain_unplaced(evening, &outcome.unplaced);
            outcome.unmet_requests = unmet_requests(evening, &outcome.plan);
            outcome.spokesperson_clashes = spokesperson_clashes(evening, &outcome.plan);
            Ok(outcome)
        }
        Err(PlanError::PinsConflict(_)) => Err(PlanError::PinsConflict(explain_pins(evening))),
        Err(error) => Err(error),
    }
}

/// Plans the evening: the plan with the lowest objective that keeps every hard rule, or the best
/// one found within the time limit. Sessions that cannot be placed are left out (at the cost of
/// [`Weights::unplaced`] each); pinned sessions are never left out, and when they cannot all be
/// held as pinned the answer is [`PlanError::PinsConflict`] (without reasons: [`plan`] adds
/// them).
pub(super) fn optimise(evening: &Evening, settings: &PlannerSettings) -> Result<Outcome, PlanError> {
    let deadline = Instant::now() + settings.time_limit;
    let model = PlacementModel::new(evening);
    let mut cuts: Vec<Vec<usize>> = Vec::new();
    let mut best: Option<(u64, Plan)> = None;
    let mut bound_reached = false;
    loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        let placement = match model.solve(evening, &settings.weights, &cuts, remaining) {
            Ok(placement) => placement,
            // Every placement the first stage allows has been tried: the best plan is optimal.
            Err(ResolutionError::Infeasible) if best.is_some() => {
                bound_reached = true;
                break;
            }
            Err(ResolutionError::Infeasible) => return Err(PlanError::PinsConflict(Vec::new())),
            Err(ResolutionError::Other(message)) if message.contains("Time limit") => break,
            Err(error) => return Err(PlanError::Solver(error.to_string())),
        };
        if best.as_ref().is_some_and(|(value, _)| placement.lower_bound >= *value) {
            bound_reached = true;
            break;
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        // Staffing is a small problem; it may run a little past the limit rather than lose a plan.
        if let Some(plan) = staff(evening, &settings.weights, &placement.cells, remaining.max(Duration::from_secs(1)))?
        {
            let value = objective(evening, &plan, &settings.weights);
            if best.as_ref().is_none_or(|(best_value, _)| value < *best_value) {
                best = Some((value, plan));
            }
            if value <= placement.lower_bound {
                bound_reached = true;
                break;
            }
        }
        if Instant::now() >= deadline {
            break;
        }
        cuts.push(placement.chosen);
    }
    let Some((value, plan)) = best else { return Err(PlanError::NoPlanInTime) };
    let unplaced =
        (0..evening.sessions.len()).filter(|session| !plan.placements.iter().any(|p| p.session == *session)).collect();
    Ok(Outcome {
        plan,
        objective: value,
        optimal: bound_reached,
        unplaced,
        explanation: Vec::new(),
        unmet_requests: Vec::new(),
        spokesperson_clashes: Vec::new(),
    })
}

/// How many sessions can run at once in a round: each needs a chair and a clerk, two different
/// people, from those available then.
fn staff_per_round(evening: &Evening, round: usize) -> usize {
    let chairs: Vec<Id<Person>> =
        evening.chairs.iter().filter(|chair| chair.is_available(round)).map(|chair| chair.person).collect();
    let clerks: Vec<Id<Person>> =
        evening.clerks.iter().filter(|clerk| clerk.is_available(round)).map(|clerk| clerk.person).collect();
    let mut everyone: Vec<Id<Person>> = chairs.iter().chain(&clerks).copied().collect();
    everyone.sort_unstable_by_key(|person| person.get());
    everyone.dedup();
    chairs.len().min(clerks.len()).min(everyone.len() / 2)
}

/// Rooms that the first stage treats as one.
struct RoomType {
    rooms: Vec<usize>,
    capacity: u16,
    livestream: bool,
}

/// A way to hold a session: in a room of a type, from a round, for so many rounds.
struct Start {
    session: usize,
    room_type: usize,
    round: usize,
    length: usize,
    /// Whether it is not in the room the session's proposal asks for.
    room_missed: bool,
    /// The chair and the clerk the proposal asks for, as this start leaves them.
    people: [Hope; 2],
}

/// A chair or clerk a proposal asks for, seen from one start of its session.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hope {
    /// Nobody asked for.
    Nobody,
    /// Surely not given: not in the pool, absent in one of its rounds, or its own portfolio
    /// holder.
    Missed,
    /// Possible, unless someone else has the person then.
    Open(Id<Person>),
}

impl Hope {
    /// What a proposal's request for a chair or clerk is at a start over `rounds`.
    fn of(
        requested: Option<&RequestedPerson>,
        pool: &[Participant],
        holder: Option<&Participant>,
        rounds: std::ops::Range<usize>,
    ) -> Hope {
        let Some(requested) = requested else { return Hope::Nobody };
        let Some(index) = requested.in_pool(pool) else { return Hope::Missed };
        // A portfolio holder is in their own session already, in no other role (chair or clerk).
        let own_holder = holder.is_some_and(|holder| holder.person == requested.person);
        if own_holder || !rounds.clone().all(|round| pool[index].is_available(round)) {
            return Hope::Missed;
        }
        Hope::Open(requested.person)
    }
}

struct PlacementModel {
    room_types: Vec<RoomType>,
    starts: Vec<Start>,
}

/// What the first stage chose.
struct Placed {
    /// Session, room, first round, length.
    cells: Vec<(usize, usize, usize, usize)>,
    /// The starts chosen, by index (for a cut).
    chosen: Vec<usize>,
    /// A lower bound on the objective of any plan the first stage still allows (the first
    /// stage's optimum, when it proved it).
    lower_bound: u64,
}

impl PlacementModel {
    fn new(evening: &Evening) -> Self {
        // A room pinned to or asked for is a type of its own, so that the first stage sees
        // exactly which session is in it.
        let own_rooms: Vec<usize> = evening
            .sessions
            .iter()
            .flat_map(|s| {
                let asked = match s.requested.room {
                    Some(RequestedRoom::Room(room)) => Some(room),
                    _ => None,
                };
                s.pin.map(|pin| pin.room).into_iter().chain(asked)
            })
            .collect();
        let mut room_types: Vec<RoomType> = Vec::new();
        for (room, slot) in evening.rooms.iter().enumerate() {
            let alike = room_types.iter_mut().find(|kind| {
                !own_rooms.contains(&room)
                    && !kind.rooms.iter().any(|other| own_rooms.contains(other))
                    && kind.capacity == slot.capacity
                    && kind.livestream == slot.livestream
            });
            match alike {
                Some(kind) => kind.rooms.push(room),
                None => room_types.push(RoomType {
                    rooms: vec![room],
                    capacity: slot.capacity,
                    livestream: slot.livestream,
                }),
            }
        }
        let mut starts = Vec::new();
        for (session, request) in evening.sessions.iter().enumerate() {
            let holder = request.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder));
            for (room_type, kind) in room_types.iter().enumerate() {
                if kind.capacity < request.seats || (request.needs_livestream && !kind.livestream) {
                    continue;
                }
                for round in 0..evening.rounds.len() {
                    if request.pin.is_some_and(|pin| !kind.rooms.contains(&pin.room) || pin.round != round) {
                        continue;
                    }
                    let Some(length) = evening.rounds_needed(request.duration_minutes, round) else { continue };
                    let rounds = round..round + length;
                    if holder.is_some_and(|holder| !rounds.clone().all(|used| holder.is_available(used))) {
                        continue;
                    }
                    // Someone must be able to chair and clerk it over all its rounds.
                    let chair = evening.chairs.iter().any(|chair| {
                        holder.is_none_or(|holder| holder.person != chair.person)
                            && rounds.clone().all(|used| chair.is_available(used))
                    });
                    let clerk = evening.clerks.iter().any(|clerk| rounds.clone().all(|used| clerk.is_available(used)));
                    if chair && clerk {
                        let room_missed = match &request.requested.room {
                            Some(RequestedRoom::Room(asked)) => kind.rooms != [*asked],
                            Some(RequestedRoom::NotInUse(_)) => true,
                            None => false,
                        };
                        let people = [
                            Hope::of(request.requested.chair.as_ref(), &evening.chairs, holder, rounds.clone()),
                            Hope::of(request.requested.clerk.as_ref(), &evening.clerks, holder, rounds.clone()),
                        ];
                        starts.push(Start { session, room_type, round, length, room_missed, people });
                    }
                }
            }
        }
        PlacementModel { room_types, starts }
    }

    fn solve(
        &self,
        evening: &Evening,
        weights: &Weights,
        cuts: &[Vec<usize>],
        time_limit: Duration,
    ) -> Result<Placed, ResolutionError> {
        let rounds = evening.rounds.len();
        let mut variables = ProblemVariables::new();
        let chosen: Vec<Variable> = self.starts.iter().map(|_| variables.add(variable().binary())).collect();
        let round_used: Vec<Variable> = (0..rounds).map(|_| variables.add(variable().binary())).collect();
        let busiest_chair = variables.add(variable().integer().min(0));
        let busiest_clerk = variables.add(variable().integer().min(0));
        // Sessions left out as variables rather than as a constant minus those placed, so that the
        // solver's relative gap is relative to the real objective (see below). Whole by the
        // constraint that ties them to the starts, so the solver need not branch on them.
        let left_out: Vec<Option<Variable>> = evening
            .sessions
            .iter()
            .map(|request| request.pin.is_none().then(|| variables.add(variable().min(0).max(1))))
            .collect();
        // The number placed, whole, so that the solver can branch on it: the chairs' and clerks'
        // least busiest load follows from it.
        let placed_count = variables.add(variable().integer().min(0));
        let mut domain_excess: Vec<(Domain, usize, Variable)> = Vec::new();
        for domain in Domain::ALL {
            for round in 0..rounds {
                domain_excess.push((*domain, round, variables.add(variable().min(0))));
            }
        }
        // Per spokesperson in more than one session and round: their sessions there beyond one.
        let mut speaker_excess: Vec<(Id<Person>, usize, Variable)> = Vec::new();
        if weights.spokesperson_clash > 0 {
            for person in spokesperson::people(evening) {
                for round in 0..rounds {
                    speaker_excess.push((person, round, variables.add(variable().min(0))));
                }
            }
        }
        let sum = |filter: &dyn Fn(&Start) -> bool| -> Expression {
            self.starts.iter().zip(&chosen).filter(|(start, _)| filter(start)).map(|(_, variable)| *variable).sum()
        };
        let covers = |start: &Start, round: usize| start.round <= round && round < start.round + start.length;
        let all_placed = sum(&|_| true);

        // The chairs and clerks asked for that a start leaves possible: met (1) or not, each.
        // One per session, role and first round (the room does not change who can come), by the
        // first such start: the fewer variables, the faster the solver, with the same bound.
        let mut hoped: Vec<(usize, usize, Id<Person>, Variable)> = Vec::new();
        for (index, start) in self.starts.iter().enumerate() {
            for (role, hope) in start.people.iter().enumerate() {
                let Hope::Open(person) = *hope else { continue };
                let same = |other: &(usize, usize, Id<Person>, Variable)| {
                    let first = &self.starts[other.0];
                    other.1 == role && first.session == start.session && first.round == start.round
                };
                if !hoped.iter().any(same) {
                    hoped.push((index, role, person, variables.add(variable().min(0).max(1))));
                }
            }
        }

        let mut objective: Expression = left_out.iter().flatten().map(|v| f64::from(weights.unplaced) * *v).sum();
        // Every request of a placed session costs, less those met.
        for (start, &chosen) in self.starts.iter().zip(&chosen) {
            let asked = u32::from(start.room_missed)
                + start.people.iter().map(|hope| u32::from(*hope != Hope::Nobody)).sum::<u32>();
            if asked > 0 {
                objective += f64::from(weights.request * asked) * chosen;
            }
        }
        for &(_, _, _, met) in &hoped {
            objective -= f64::from(weights.request) * met;
        }
        for &(_, _, excess) in &domain_excess {
            objective += f64::from(weights.same_domain) * excess;
        }
        for &(_, _, excess) in &speaker_excess {
            objective += f64::from(weights.spokesperson_clash) * excess;
        }
        objective += f64::from(weights.chair_load) * busiest_chair + f64::from(weights.clerk_load) * busiest_clerk;
        for &used in &round_used {
            objective += f64::from(weights.round_used) * used;
        }

        let mut model = variables.minimise(objective.clone()).using(microlp).with_time_limit(time_limit.as_secs_f64());
        for session in 0..evening.sessions.len() {
            let placed = sum(&|start| start.session == session);
            match left_out[session] {
                Some(left_out) => model.add_constraint(constraint!(placed + left_out == 1)),
                None => model.add_constraint(constraint!(placed == 1)),
            };
        }
        model.add_constraint(constraint!(placed_count == all_placed.clone()));
        for (used, &in_use) in round_used.iter().enumerate() {
            for (room_type, kind) in self.room_types.iter().enumerate() {
                let occupied = sum(&|start| start.room_type == room_type && covers(start, used));
                let rooms = kind.rooms.len() as f64;
                model.add_constraint(constraint!(occupied <= rooms * in_use));
            }
            let running = sum(&|start| covers(start, used));
            let staff_here = staff_per_round(evening, used) as f64;
            model.add_constraint(constraint!(running <= staff_here));
            for holder in 0..evening.portfolio_holders.len() {
                let busy = sum(&|start| {
                    evening.sessions[start.session].portfolio_holder == Some(holder) && covers(start, used)
                });
                model.add_constraint(constraint!(busy <= 1));
            }
            for &(domain, _, excess) in domain_excess.iter().filter(|(_, round, _)| *round == used) {
                let count =
                    sum(&|start| evening.sessions[start.session].domains.contains(&domain) && covers(start, used));
                model.add_constraint(constraint!(excess >= count - 1));
            }
            for &(person, _, excess) in speaker_excess.iter().filter(|(_, round, _)| *round == used) {
                let count = sum(&|start| spokesperson::speaks(evening, start.session, person) && covers(start, used));
                model.add_constraint(constraint!(excess >= count - 1));
            }
        }
        // The busiest chair has at least the average number of sessions (the relaxation of the
        // second stage); without chairs or clerks no session is placed at all.
        let chairs = evening.chairs.len() as f64;
        let clerks = evening.clerks.len() as f64;
        model.add_constraint(constraint!(chairs * busiest_chair >= placed_count));
        model.add_constraint(constraint!(clerks * busiest_clerk >= placed_count));
        // A request is met only in a start that is chosen; a person asked for is in one session
        // per round, and not while in their own session as portfolio holder; and nobody chairs or
        // clerks more sessions than the busiest one.
        for &(first, role, _, met) in &hoped {
            let (session, round) = (self.starts[first].session, self.starts[first].round);
            let held = sum(&|start| {
                start.session == session && start.round == round && matches!(start.people[role], Hope::Open(_))
            });
            model.add_constraint(constraint!(met <= held));
        }
        let mut asked_people: Vec<Id<Person>> = hoped.iter().map(|option| option.2).collect();
        asked_people.sort_unstable_by_key(|person| person.get());
        asked_people.dedup();
        for &person in &asked_people {
            for round in 0..rounds {
                let met: Expression = hoped
                    .iter()
                    .filter(|option| option.2 == person && covers(&self.starts[option.0], round))
                    .map(|option| option.3)
                    .sum();
                let holding = sum(&|start| {
                    covers(start, round)
                        && evening.sessions[start.session]
                            .portfolio_holder
                            .and_then(|holder| evening.portfolio_holders.get(holder))
                            .is_some_and(|holder| holder.person == person)
                });
                model.add_constraint(constraint!(met + holding <= 1));
            }
            for (role, busiest) in [(0, busiest_chair), (1, busiest_clerk)] {
                let load: Expression =
                    hoped.iter().filter(|option| option.2 == person && option.1 == role).map(|option| option.3).sum();
                model.add_constraint(constraint!(load <= busiest));
            }
        }
        for cut in cuts {
            let taken: Expression = cut.iter().map(|index| chosen[*index]).sum();
            model.add_constraint(constraint!(taken <= cut.len() as f64 - 1.0));
        }

        let warm = self.improve(evening, weights, self.greedy(evening, cuts), cuts);
        let (values, warm_value) = self.warm_values(
            evening,
            weights,
            &warm,
            &chosen,
            &round_used,
            (busiest_chair, busiest_clerk),
            &domain_excess,
            &speaker_excess,
        );
        let mut values = values;
        let met = self.met_requests(evening, &warm);
        for &(first, role, _, variable) in &hoped {
            let (session, round) = (self.starts[first].session, self.starts[first].round);
            let given = met.iter().any(|&(start, met_role)| {
                met_role == role && self.starts[start].session == session && self.starts[start].round == round
            });
            values.push((variable, f64::from(u8::from(given))));
        }
        values.push((placed_count, warm.len() as f64));
        for (session, variable) in left_out.iter().enumerate() {
            if let Some(variable) = variable {
                let placed = warm.iter().any(|index| self.starts[*index].session == session);
                values.push((*variable, f64::from(u8::from(!placed))));
            }
        }
        let mut model = model.with_initial_solution(values);
        // The objective is a whole number: once the bound is within 1 of the best plan, no better
        // plan exists. As a gap relative to the best plan, which is at most the start's value:
        if warm_value >= 1.0 {
            let gap = (0.999 / warm_value) as f32;
            model = model.with_mip_gap(gap).map_err(|error| ResolutionError::Str(error.to_string()))?;
        }
        let solution = model.solve()?;
        let taken: Vec<usize> = (0..self.starts.len()).filter(|index| solution.value(chosen[*index]) > 0.5).collect();
        let value = objective.eval_with(&solution);
        let optimal = matches!(solution.status(), SolutionStatus::Optimal);

        // The objective is a whole number, so a bound within 1 of the value proves it optimal.
        let lower_bound = if optimal {
            value
        } else {
            solution.into_inner().stats().best_bound.map_or(0.0, |bound| (bound - 1e-6).ceil())
        };
        Ok(Placed { cells: self.rooms_for(&taken), chosen: taken, lower_bound: lower_bound.round().max(0.0) as u64 })
    }

    /// A first placement to start the search from: sessions in order (pinned first, then those
    /// with the fewest ways to be held), each in the earliest free start that adds the fewest
    /// sessions of its domains to a round.
    fn greedy(&self, evening: &Evening, cuts: &[Vec<usize>]) -> Vec<usize> {
        let rounds = evening.rounds.len();
        let mut occupied = vec![vec![0_usize; rounds]; self.room_types.len()];
        let mut running = vec![0_usize; rounds];
        let mut holders_busy: Vec<(usize, usize)> = Vec::new();
        let staff: Vec<usize> = (0..rounds).map(|round| staff_per_round(evening, round)).collect();
        let mut order: Vec<usize> = (0..evening.sessions.len()).collect();
        let options = |session: usize| self.starts.iter().filter(|start| start.session == session).count();
        let shortest = |session: usize| {
            self.starts.iter().filter(|start| start.session == session).map(|start| start.length).min().unwrap_or(0)
        };
        // Pinned sessions first; then the short ones, as they leave room for more; then those
        // that need a large or streamed room, while such rooms are free.
        order.sort_by_key(|session| {
            let request = &evening.sessions[*session];
            (
                request.pin.is_none(),
                shortest(*session),
                !request.needs_livestream,
                std::cmp::Reverse(request.seats),
                options(*session),
                *session,
            )
        });
        let mut taken = Vec::new();
        for session in order {
            let request = &evening.sessions[session];
            let clash = |start: &Start| {
                (start.round..start.round + start.length)
                    .map(|round| {
                        taken
                            .iter()
                            .map(|index: &usize| &self.starts[*index])
                            .filter(|other| other.round <= round && round < other.round + other.length)
                            .filter(|other| {
                                let theirs = &evening.sessions[other.session];
                                theirs.domains.iter().any(|d| request.domains.contains(d))
                                    || theirs
                                        .spokespersons
                                        .iter()
                                        .any(|x| request.spokespersons.iter().any(|y| y.person == x.person))
                            })
                            .count()
                    })
                    .sum::<usize>()
            };
            let free = |start: &Start| {
                (start.round..start.round + start.length).all(|round| {
                    occupied[start.room_type][round] < self.room_types[start.room_type].rooms.len()
                        && running[round] < staff[round]
                        && request.portfolio_holder.is_none_or(|holder| !holders_busy.contains(&(holder, round)))
                })
            };
            let best =
                self.starts.iter().enumerate().filter(|(_, start)| start.session == session && free(start)).min_by_key(
                    |(_, start)| {
                        // The room asked for; else the smallest room that fits, unstreamed if it need
                        // not be, keeps the large and streamed rooms for the sessions that need them.
                        let kind = &self.room_types[start.room_type];
                        (
                            start.room_missed,
                            kind.livestream && !request.needs_livestream,
                            kind.capacity,
                            clash(start),
                            start.round,
                        )
                    },
                );
            if let Some((index, start)) = best {
                for round in start.round..start.round + start.length {
                    occupied[start.room_type][round] += 1;
                    running[round] += 1;
                    if let Some(holder) = request.portfolio_holder {
                        holders_busy.push((holder, round));
                    }
                }
                taken.push(index);
            }
        }
        taken.sort_unstable();
        if cuts.contains(&taken) {
            // Already tried; the solver starts from scratch instead.
            return Vec::new();
        }
        taken
    }

    /// Whether a set of starts keeps the first stage's rules: each session at most once, pinned
    /// ones placed, no more sessions of a room type in a round than rooms, a portfolio holder in
    /// one session at a time, and no more sessions in a round than chairs and than clerks.
    fn allows(&self, evening: &Evening, staff: &[usize], taken: &[usize]) -> bool {
        let rounds = evening.rounds.len();
        let mut sessions = vec![false; evening.sessions.len()];
        let mut occupied = vec![0_usize; self.room_types.len() * rounds];
        let mut running = vec![0_usize; rounds];
        let mut holders = vec![false; evening.portfolio_holders.len() * rounds];
        for start in taken.iter().map(|index| &self.starts[*index]) {
            if std::mem::replace(&mut sessions[start.session], true) {
                return false;
            }
            for round in start.round..start.round + start.length {
                let cell = &mut occupied[start.room_type * rounds + round];
                *cell += 1;
                running[round] += 1;
                if *cell > self.room_types[start.room_type].rooms.len() || running[round] > staff[round] {
                    return false;
                }
                if let Some(holder) = evening.sessions[start.session].portfolio_holder
                    && std::mem::replace(&mut holders[holder * rounds + round], true)
                {
                    return false;
                }
            }
        }
        evening.sessions.iter().zip(&sessions).all(|(request, placed)| request.pin.is_none() || *placed)
    }

    /// The first stage's objective for a set of starts.
    fn value_of(&self, evening: &Evening, weights: &Weights, taken: &[usize]) -> u64 {
        let rounds = evening.rounds.len();
        let mut counts = vec![0_u64; Domain::ALL.len() * rounds];
        let mut used = vec![false; rounds];
        for start in taken.iter().map(|index| &self.starts[*index]) {
            for round in start.round..start.round + start.length {
                used[round] = true;
                for domain in &evening.sessions[start.session].domains {
                    if let Some(position) = Domain::ALL.iter().position(|d| d == domain) {
                        counts[position * rounds + round] += 1;
                    }
                }
            }
        }
        let placed = taken.len();
        let excess: u64 = counts.iter().map(|count| count.saturating_sub(1)).sum();
        let mut speaker_excess = 0_u64;
        if weights.spokesperson_clash > 0 {
            for person in spokesperson::people(evening) {
                for round in 0..rounds {
                    let count = taken
                        .iter()
                        .map(|index| &self.starts[*index])
                        .filter(|start| start.round <= round && round < start.round + start.length)
                        .filter(|start| spokesperson::speaks(evening, start.session, person))
                        .count() as u64;
                    speaker_excess += count.saturating_sub(1);
                }
            }
        }
        u64::from(weights.unplaced) * (evening.sessions.len() - placed) as u64
            + u64::from(weights.same_domain) * excess
            + u64::from(weights.chair_load) * placed.div_ceil(evening.chairs.len().max(1)) as u64
            + u64::from(weights.clerk_load) * placed.div_ceil(evening.clerks.len().max(1)) as u64
            + u64::from(weights.round_used) * used.iter().filter(|used| **used).count() as u64
            + u64::from(weights.request) * self.missed_requests(evening, taken)
            + u64::from(weights.spokesperson_clash) * speaker_excess
    }

    /// Of the chairs and clerks the starts' proposals ask for, those a placement can surely give
    /// together, as (start, 0 for the chair or 1 for the clerk): in order, each when the person
    /// is not yet in another session then (as chair, clerk or portfolio holder) and has not more
    /// sessions in the role than a busiest one of an even spread.
    fn met_requests(&self, evening: &Evening, taken: &[usize]) -> Vec<(usize, usize)> {
        let holder_of = |start: &Start| {
            evening.sessions[start.session].portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder))
        };
        let mut busy: Vec<(Id<Person>, usize)> = Vec::new();
        for start in taken.iter().map(|index| &self.starts[*index]) {
            if let Some(holder) = holder_of(start) {
                busy.extend((start.round..start.round + start.length).map(|round| (holder.person, round)));
            }
        }
        let limits =
            [taken.len().div_ceil(evening.chairs.len().max(1)), taken.len().div_ceil(evening.clerks.len().max(1))];
        let mut loads: Vec<(Id<Person>, usize)> = Vec::new();
        let mut met = Vec::new();
        for &index in taken {
            let start = &self.starts[index];
            for (role, hope) in start.people.iter().enumerate() {
                let Hope::Open(person) = *hope else { continue };
                let mut rounds = start.round..start.round + start.length;
                let load = loads.iter().filter(|(other, other_role)| *other == person && *other_role == role).count();
                if load < limits[role] && !rounds.any(|round| busy.contains(&(person, round))) {
                    busy.extend((start.round..start.round + start.length).map(|round| (person, round)));
                    loads.push((person, role));
                    met.push((index, role));
                }
            }
        }
        met
    }

    /// How many rooms, chairs and clerks the starts' proposals ask for and do not get, with the
    /// chairs and clerks given as [`Self::met_requests`] gives them.
    fn missed_requests(&self, evening: &Evening, taken: &[usize]) -> u64 {
        let asked: u64 = taken
            .iter()
            .map(|index| {
                let start = &self.starts[*index];
                u64::from(start.room_missed)
                    + start.people.iter().map(|hope| u64::from(*hope != Hope::Nobody)).sum::<u64>()
            })
            .sum();
        asked - self.met_requests(evening, taken).len() as u64
    }

    /// Improves a placement by local search until no single move helps: moving a session to
    /// another start (or placing one that was left out), and exchanging a placed session for one
    /// left out. A good start lets the solver prune most of its search.
    fn improve(&self, evening: &Evening, weights: &Weights, mut taken: Vec<usize>, cuts: &[Vec<usize>]) -> Vec<usize> {
        let staff: Vec<usize> = (0..evening.rounds.len()).map(|round| staff_per_round(evening, round)).collect();
        if !self.allows(evening, &staff, &taken) {
            return taken;
        }
        let mut value = self.value_of(evening, weights, &taken);
        let mut by_session: Vec<Vec<usize>> = vec![Vec::new(); evening.sessions.len()];
        for (index, start) in self.starts.iter().enumerate() {
            by_session[start.session].push(index);
        }
        // Accepts a trial placement when it keeps the rules and is better.
        let better = |trial: &mut Vec<usize>, taken: &mut Vec<usize>, value: &mut u64| {
            trial.sort_unstable();
            if !self.allows(evening, &staff, trial) || cuts.contains(trial) {
                return false;
            }
            let trial_value = self.value_of(evening, weights, trial);
            if trial_value < *value {
                *value = trial_value;
                *taken = std::mem::take(trial);
                return true;
            }
            false
        };
        let mut improved = true;
        while improved {
            improved = false;
            'sessions: for session in 0..evening.sessions.len() {
                let current = taken.iter().position(|index| self.starts[*index].session == session);
                for &option in &by_session[session] {
                    // The session elsewhere, or placed when it was left out.
                    let mut trial = taken.clone();
                    match current {
                        Some(position) => trial[position] = option,
                        None => trial.push(option),
                    }
                    if better(&mut trial, &mut taken, &mut value) {
                        improved = true;
                        continue 'sessions;
                    }
                    if current.is_some() {
                        continue;
                    }
                    // A session left out in place of a placed one, or beside it when that one moves.
                    for position in 0..taken.len() {
                        let mut trial = taken.clone();
                        trial[position] = option;
                        if better(&mut trial, &mut taken, &mut value) {
                            improved = true;
                            continue 'sessions;
                        }
                        for &moved in &by_session[self.starts[taken[position]].session] {
                            let mut trial = taken.clone();
                            trial[position] = moved;
                            trial.push(option);
                            if better(&mut trial, &mut taken, &mut value) {
                                improved = true;
                                continue 'sessions;
                            }
                        }
                    }
                }
            }
        }
        taken
    }

    /// The first stage's variables for a placement, and its objective value.
    #[allow(clippy::too_many_arguments)]
    fn warm_values(
        &self,
        evening: &Evening,
        weights: &Weights,
        taken: &[usize],
        chosen: &[Variable],
        round_used: &[Variable],
        busiest: (Variable, Variable),
        domain_excess: &[(Domain, usize, Variable)],
        speaker_excess: &[(Id<Person>, usize, Variable)],
    ) -> (Vec<(Variable, f64)>, f64) {
        let mut values: Vec<(Variable, f64)> =
            chosen.iter().enumerate().map(|(index, v)| (*v, f64::from(u8::from(taken.contains(&index))))).collect();
        let running = |round: usize| {
            taken
                .iter()
                .map(|index| &self.starts[*index])
                .filter(move |start| start.round <= round && round < start.round + start.length)
        };
        let mut value = f64::from(weights.unplaced) * (evening.sessions.len() - taken.len()) as f64;
        for (round, used) in round_used.iter().enumerate() {
            let any = running(round).next().is_some();
            values.push((*used, f64::from(u8::from(any))));
            value += f64::from(weights.round_used) * f64::from(u8::from(any));
        }
        for &(domain, round, excess) in domain_excess {
            let count =
                running(round).filter(|start| evening.sessions[start.session].domains.contains(&domain)).count();
            let over = count.saturating_sub(1) as f64;
            values.push((excess, over));
            value += f64::from(weights.same_domain) * over;
        }
        for &(person, round, excess) in speaker_excess {
            let count = running(round).filter(|start| spokesperson::speaks(evening, start.session, person)).count();
            let over = count.saturating_sub(1) as f64;
            values.push((excess, over));
            value += f64::from(weights.spokesperson_clash) * over;
        }
        let (chairs, clerks) = (evening.chairs.len().max(1), evening.clerks.len().max(1));
        let busiest_chair = taken.len().div_ceil(chairs) as f64;
        let busiest_clerk = taken.len().div_ceil(clerks) as f64;
        values.push((busiest.0, busiest_chair));
        values.push((busiest.1, busiest_clerk));
        value += f64::from(weights.chair_load) * busiest_chair + f64::from(weights.clerk_load) * busiest_clerk;
        value += f64::from(weights.request) * self.missed_requests(evening, taken) as f64;
        (values, value)
    }

    /// Gives the chosen starts rooms of their type: by first round, each the first room of its
    /// type that is free over its rounds.
    fn rooms_for(&self, taken: &[usize]) -> Vec<(usize, usize, usize, usize)> {
        let mut order: Vec<&Start> = taken.iter().map(|index| &self.starts[*index]).collect();
        order.sort_by_key(|start| (start.round, start.session));
        let mut busy: Vec<(usize, usize)> = Vec::new();
        let mut cells = Vec::new();
        for start in order {
            let rounds = start.round..start.round + start.length;
            let room = self.room_types[start.room_type]
                .rooms
                .iter()
                .copied()
                .find(|room| !rounds.clone().any(|round| busy.contains(&(*room, round))))
                .unwrap_or(self.room_types[start.room_type].rooms[0]);
            busy.extend(rounds.map(|round| (room, round)));
            cells.push((start.session, room, start.round, start.length));
        }
        cells.sort_unstable();
        cells
    }
}

/// The second stage: a chair and a clerk for every placed session, chosen together so that
/// someone in both pools (or a portfolio holder who also chairs) is never in two places, with the
/// busiest chair's and clerk's loads as low as the weights ask. `None` when no assignment exists
/// for these placements.
fn staff(
    evening: &Evening,
    weights: &Weights,
    cells: &[(usize, usize, usize, usize)],
    time_limit: Duration,
) -> Result<Option<Plan>, PlanError> {
    let holder_of = |session: usize| {
        evening.sessions[session].portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder))
    };
    let covers = |cell: usize, round: usize| {
        let (_, _, first, length) = cells[cell];
        first <= round && round < first + length
    };
    let mut variables = ProblemVariables::new();
    // (cell, index in its pool, person, variable) for chairs and for clerks.
    let mut options = |people: &[Participant], is_chair: bool| {
        let mut options: Vec<(usize, usize, Id<Person>, Variable)> = Vec::new();
        for (cell, &(session, _, round, length)) in cells.iter().enumerate() {
            for (index, person) in people.iter().enumerate() {
                let own_holder = holder_of(session).is_some_and(|holder| holder.person == person.person);
                if (is_chair && own_holder) || !(round..round + length).all(|used| person.is_available(used)) {
                    continue;
                }
                options.push((cell, index, person.person, variables.add(variable().binary())));
            }
        }
        options
    };
    let chairs = options(&evening.chairs, true);
    let clerks = options(&evening.clerks, false);
    let busiest_chair = variables.add(variable().integer().min(0));
    let busiest_clerk = variables.add(variable().integer().min(0));
    let mut objective = f64::from(weights.chair_load) * busiest_chair + f64::from(weights.clerk_load) * busiest_clerk;
    // Each cell has one chair and one clerk: one other than the person asked for costs the
    // request's weight.
    for (pool, is_chair) in [(&chairs, true), (&clerks, false)] {
        for &(cell, _, person, chosen) in pool {
            let requested = &evening.sessions[cells[cell].0].requested;
            let asked = if is_chair { &requested.chair } else { &requested.clerk };
            if asked.as_ref().is_some_and(|asked| asked.person != person) {
                objective += f64::from(weights.request) * chosen;
            }
        }
    }
    let mut model = variables.minimise(objective).using(microlp).with_time_limit(time_limit.as_secs_f64());
    for cell in 0..cells.len() {
        for pool in [&chairs, &clerks] {
            let assigned: Expression = pool.iter().filter(|option| option.0 == cell).map(|option| option.3).sum();
            model.add_constraint(constraint!(assigned == 1));
        }
    }
    for (pool, size, busiest) in
        [(&chairs, evening.chairs.len(), busiest_chair), (&clerks, evening.clerks.len(), busiest_clerk)]
    {
        for index in 0..size {
            let load: Expression = pool.iter().filter(|option| option.1 == index).map(|option| option.3).sum();
            model.add_constraint(constraint!(load <= busiest));
        }
    }
    // One place per person and round, whatever the role: chair, clerk, or portfolio holder.
    let rounds = cells.iter().map(|&(_, _, round, length)| round + length).max().unwrap_or(0);
    let mut persons: Vec<Id<Person>> = chairs.iter().chain(&clerks).map(|option| option.2).collect();
    persons.sort_unstable_by_key(|person| person.get());
    persons.dedup();
    for person in persons {
        for round in 0..rounds {
            let holding = cells
                .iter()
                .enumerate()
                .filter(|(cell, (session, ..))| {
                    covers(*cell, round) && holder_of(*session).is_some_and(|h| h.person == person)
                })
                .count() as f64;
            let busy: Expression = chairs
                .iter()
                .chain(&clerks)
                .filter(|option| option.2 == person && covers(option.0, round))
                .map(|option| option.3)
                .sum();
            model.add_constraint(constraint!(busy + holding <= 1));
        }
    }
    let solution = match model.solve() {
        Ok(solution) => solution,
        Err(ResolutionError::Infeasible) => return Ok(None),
        Err(ResolutionError::Other(message)) if message.contains("Time limit") => return Ok(None),
        Err(error) => return Err(PlanError::Solver(error.to_string())),
    };
    let chosen = |pool: &[(usize, usize, Id<Person>, Variable)], cell: usize| {
        pool.iter().find(|option| option.0 == cell && solution.value(option.3) > 0.5).map(|option| option.1)
    };
    let mut placements = Vec::new();
    for (cell, &(session, room, first_round, round_count)) in cells.iter().enumerate() {
        let (Some(chair), Some(clerk)) = (chosen(&chairs, cell), chosen(&clerks, cell)) else {
            return Err(PlanError::Solver("a placed session without a chair or clerk".to_owned()));
        };
        placements.push(Placement { session, room, first_round, round_count, chair, clerk });
    }
    Ok(Some(Plan { placements }))
}
