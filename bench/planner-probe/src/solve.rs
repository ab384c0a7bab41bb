//! A first model of the session planner as an integer program (good_lp with the pure-Rust
//! microlp backend), to measure before the real planner is built in the domain crate.
//!
//! Variables exist only where a rule allows them, so most hard rules hold by construction:
//! x[s, room, t] for a session starting in a room in round t (the room seats it, streams when
//! needed, the rounds from t cover its duration, its portfolio holder is available, its pin is
//! this cell); y[s, chair, t] and z[s, clerk, t] for the chair and clerk of a session starting in
//! round t (available over its rounds; the chair is not its portfolio holder). What remains are
//! sums: one session per room and round, one place per person and round, one chair and one clerk
//! per placed session. Sessions may stay unplaced at a high cost; pinned ones may not.

use std::time::Duration;

use good_lp::{
    Expression, ProblemVariables, ResolutionError, Solution, SolutionStatus, SolverModel, Variable, WithTimeLimit,
    constraint, microlp, variable,
};
use wijkbeeld_domain::planner::{Evening, Placement, Plan};
use wijkbeeld_domain::proposal::Domain;

/// The weights of the soft preferences, in points of the objective (lower is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weights {
    /// Per session left unplaced.
    pub unplaced: f64,
    /// Per extra session of one domain in a round (two of the same domain cost one).
    pub same_domain: f64,
    /// Per session of the busiest chair (spreads the work).
    pub chair_load: f64,
    /// Per session of the busiest clerk.
    pub clerk_load: f64,
    /// Per round used.
    pub round_used: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { unplaced: 1000.0, same_domain: 10.0, chair_load: 3.0, clerk_load: 3.0, round_used: 5.0 }
    }
}

/// What the planner found.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The plan.
    pub plan: Plan,
    /// Its objective value.
    pub objective: f64,
    /// Whether it is proven optimal (otherwise the time limit ended the search).
    pub optimal: bool,
    /// Sessions not placed, by index.
    pub unplaced: Vec<usize>,
}

/// Why there is no plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    /// No plan keeps every hard rule (only pins can cause this: other sessions may stay out).
    Infeasible,
    /// The time limit ended the search before any plan was found.
    NoPlanInTime,
    /// The solver failed.
    Solver(String),
}

struct Start {
    session: usize,
    room: usize,
    round: usize,
    length: usize,
    variable: Variable,
}

struct Duty {
    session: usize,
    person: usize,
    round: usize,
    length: usize,
    variable: Variable,
}

/// Plans the evening within the time limit. With `aggregate`, chairs and clerks are only counted
/// per round (no more sessions than available chairs and clerks) and every placement gets chair
/// and clerk 0: the plan then shows where sessions go, not who leads them.
pub fn plan(evening: &Evening, weights: &Weights, time_limit: Duration, aggregate: bool) -> Result<Outcome, PlanError> {
    let sessions = evening.sessions.len();
    let rounds = evening.rounds.len();
    let mut variables = ProblemVariables::new();
    let mut starts: Vec<Start> = Vec::new();
    for (session, request) in evening.sessions.iter().enumerate() {
        let holder = request.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder));
        for (room, slot) in evening.rooms.iter().enumerate() {
            if slot.capacity < request.seats || (request.needs_livestream && !slot.livestream) {
                continue;
            }
            for round in 0..rounds {
                if request.pin.is_some_and(|pin| pin.room != room || pin.round != round) {
                    continue;
                }
                let Some(length) = evening.rounds_needed(request.duration_minutes, round) else { continue };
                if holder.is_some_and(|holder| !(round..round + length).all(|used| holder.is_available(used))) {
                    continue;
                }
                starts.push(Start { session, room, round, length, variable: variables.add(variable().binary()) });
            }
        }
    }
    // Which rounds a session can start in, with its length then.
    let mut start_rounds: Vec<Vec<(usize, usize)>> = vec![Vec::new(); sessions];
    for start in &starts {
        if !start_rounds[start.session].contains(&(start.round, start.length)) {
            start_rounds[start.session].push((start.round, start.length));
        }
    }
    let mut duties = |people: &[wijkbeeld_domain::planner::Participant], is_chair: bool| {
        let mut duties = Vec::new();
        for (session, options) in start_rounds.iter().enumerate() {
            let request = &evening.sessions[session];
            let holder = request.portfolio_holder.and_then(|holder| evening.portfolio_holders.get(holder));
            for (person, participant) in people.iter().enumerate() {
                if is_chair && holder.is_some_and(|holder| holder.person == participant.person) {
                    continue;
                }
                for &(round, length) in options {
                    if (round..round + length).all(|used| participant.is_available(used)) {
                        duties.push(Duty {
                            session,
                            person,
                            round,
                            length,
                            variable: variables.add(variable().binary()),
                        });
                    }
                }
            }
        }
        duties
    };
    let (chairs, clerks) = if aggregate {
        (Vec::new(), Vec::new())
    } else {
        (duties(&evening.chairs, true), duties(&evening.clerks, false))
    };

    let round_used: Vec<Variable> = (0..rounds).map(|_| variables.add(variable().binary())).collect();
    let busiest_chair = variables.add(variable().min(0));
    let busiest_clerk = variables.add(variable().min(0));
    let mut domain_excess: Vec<(Domain, usize, Variable)> = Vec::new();
    for domain in Domain::ALL {
        for round in 0..rounds {
            domain_excess.push((*domain, round, variables.add(variable().min(0))));
        }
    }

    let placed = |session: usize| -> Expression {
        starts.iter().filter(|start| start.session == session).map(|start| start.variable).sum()
    };
    let covers = |round: usize, length: usize, used: usize| round <= used && used < round + length;

    let mut objective: Expression = Expression::from(0.0);
    for session in 0..sessions {
        objective += weights.unplaced * (1.0 - placed(session));
    }
    for &(_, _, excess) in &domain_excess {
        objective += weights.same_domain * excess;
    }
    objective += weights.chair_load * busiest_chair + weights.clerk_load * busiest_clerk;
    for &used in &round_used {
        objective += weights.round_used * used;
    }

    let mut model = variables.minimise(objective.clone()).using(microlp).with_time_limit(time_limit.as_secs_f64());
    for session in 0..sessions {
        let placed = placed(session);
        if evening.sessions[session].pin.is_some() {
            model.add_constraint(constraint!(placed.clone() == 1));
        } else {
            model.add_constraint(constraint!(placed.clone() <= 1));
        }
        // One chair and one clerk for each start round taken.
        for &(round, _) in &start_rounds[session] {
            let started: Expression = starts
                .iter()
                .filter(|start| start.session == session && start.round == round)
                .map(|start| start.variable)
                .sum();
            for duties in [&chairs, &clerks].into_iter().filter(|_| !aggregate) {
                let assigned: Expression = duties
                    .iter()
                    .filter(|duty| duty.session == session && duty.round == round)
                    .map(|duty| duty.variable)
                    .sum();
                model.add_constraint(constraint!(assigned == started.clone()));
            }
        }
    }
    for used in 0..rounds {
        for room in 0..evening.rooms.len() {
            let occupied: Expression = starts
                .iter()
                .filter(|start| start.room == room && covers(start.round, start.length, used))
                .map(|start| start.variable)
                .sum();
            model.add_constraint(constraint!(occupied.clone() <= round_used[used]));
        }
        if aggregate {
            let running: Expression =
                starts.iter().filter(|start| covers(start.round, start.length, used)).map(|start| start.variable).sum();
            let chairs_here = evening.chairs.iter().filter(|chair| chair.is_available(used)).count() as f64;
            let clerks_here = evening.clerks.iter().filter(|clerk| clerk.is_available(used)).count() as f64;
            model.add_constraint(constraint!(running.clone() <= chairs_here));
            model.add_constraint(constraint!(running <= clerks_here));
        }
        for holder in 0..evening.portfolio_holders.len() {
            let busy: Expression = starts
                .iter()
                .filter(|start| {
                    evening.sessions[start.session].portfolio_holder == Some(holder)
                        && covers(start.round, start.length, used)
                })
                .map(|start| start.variable)
                .sum();
            model.add_constraint(constraint!(busy <= 1));
        }
        for (duties, count) in [(&chairs, evening.chairs.len()), (&clerks, evening.clerks.len())] {
            for person in 0..count {
                let busy: Expression = duties
                    .iter()
                    .filter(|duty| duty.person == person && covers(duty.round, duty.length, used))
                    .map(|duty| duty.variable)
                    .sum();
                model.add_constraint(constraint!(busy <= 1));
            }
        }
        for &(domain, round, excess) in domain_excess.iter().filter(|(_, round, _)| *round == used) {
            let count: Expression = starts
                .iter()
                .filter(|start| {
                    evening.sessions[start.session].domains.contains(&domain)
                        && covers(start.round, start.length, round)
                })
                .map(|start| start.variable)
                .sum();
            model.add_constraint(constraint!(excess >= count - 1));
        }
    }
    for (duties, count, busiest) in
        [(&chairs, evening.chairs.len(), busiest_chair), (&clerks, evening.clerks.len(), busiest_clerk)]
    {
        for person in 0..count {
            let load: Expression = duties.iter().filter(|duty| duty.person == person).map(|duty| duty.variable).sum();
            model.add_constraint(constraint!(load <= busiest));
        }
    }

    let solution = match model.solve() {
        Ok(solution) => solution,
        Err(ResolutionError::Infeasible) => return Err(PlanError::Infeasible),
        Err(ResolutionError::Other(message)) if message.contains("Time limit") => return Err(PlanError::NoPlanInTime),
        Err(error) => return Err(PlanError::Solver(error.to_string())),
    };
    let chosen = |variable: Variable| solution.value(variable) > 0.5;
    let mut placements = Vec::new();
    for start in starts.iter().filter(|start| chosen(start.variable)) {
        let pick = |duties: &[Duty]| {
            duties
                .iter()
                .find(|duty| duty.session == start.session && duty.round == start.round && chosen(duty.variable))
                .map(|duty| duty.person)
        };
        let (Some(chair), Some(clerk)) = (if aggregate { (Some(0), Some(0)) } else { (pick(&chairs), pick(&clerks)) })
        else {
            return Err(PlanError::Solver("a placed session without a chair or clerk".to_owned()));
        };
        placements.push(Placement {
            session: start.session,
            room: start.room,
            first_round: start.round,
            round_count: start.length,
            chair,
            clerk,
        });
    }
    placements.sort_by_key(|placement| placement.session);
    let unplaced = (0..sessions).filter(|session| !placements.iter().any(|p| p.session == *session)).collect();
    Ok(Outcome {
        objective: objective.eval_with(&solution),
        optimal: matches!(solution.status(), SolutionStatus::Optimal),
        plan: Plan { placements },
        unplaced,
    })
}
