//! Market evenings: the list and an evening's grid as each caller may see them, the planning
//! problem of an evening as the planner sees it, running the planner, storing a plan, moving one
//! session by hand and pinning it, and the evening's chairs, clerks and absences. Every change is
//! made by those who plan evenings, checked against the planner's hard rules (`planner::check`)
//! and written in one audited transaction.

use std::time::Duration;

use time::Date;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::market::{Room, RoundProblem, round_problems};
use wijkbeeld_domain::people::{Body, Function};
use wijkbeeld_domain::planner::{
    self, Evening, Outcome, Participant, Pin, Placement, Plan, PlanError, PlannerSettings, Requested, RequestedPerson,
    RequestedRoom, RoomSlot, RoundSlot, SessionRequest, Weights,
};
use wijkbeeld_domain::text::has_control_characters;
use wijkbeeld_store::market as stored;
pub use wijkbeeld_store::market::{Attendee, EveningListing, EveningPlanning, RoundRow, SessionPlacement};
pub use wijkbeeld_store::people::PersonChoice;
use wijkbeeld_store::{StoreError, Tx, people, settings};

use crate::audit::Entry;
use crate::{App, Caller, Denied, NoMunicipality};

/// The setting that holds the planner's weights as JSON (see [`Weights`]).
pub const WEIGHTS_SETTING: &str = "planner.weights";

/// Why a planning change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum MarketError {
    /// The caller may not plan evenings.
    #[error("only the griffie plans market evenings")]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// No such evening or session.
    #[error("not found: {0}")]
    NotFound(String),
    /// The change breaks hard rules; each in words.
    #[error("the plan breaks these rules: {}", .0.join("; "))]
    Conflicts(Vec<String>),
    /// The plan takes these planned sessions (their subjects) off the evening, which the caller
    /// has not confirmed.
    #[error("the plan takes {} planned session(s) off the evening: {}", .0.len(), .0.join("; "))]
    WouldUnplace(Vec<String>),
    /// The input is not valid; the reason in words.
    #[error("{0}")]
    Invalid(String),
    /// A form's input was refused: every problem as (field, Fluent message id), in the order of
    /// the form.
    #[error("the input was refused: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// An evening's date, title, rounds or rooms were refused: every problem, in the order of
    /// the form.
    #[error("the evening was refused: {0:?}")]
    Evening(Vec<EveningProblem>),
    /// The stored weights setting cannot be read.
    #[error("the setting {WEIGHTS_SETTING} is not valid: {0}")]
    Weights(String),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for MarketError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => MarketError::NotFound(what),
            error => MarketError::Store(error),
        }
    }
}

/// An evening as the planner sees it, with the database identifiers behind its indexes.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The planning problem.
    pub evening: Evening,
    /// Session ids, by the problem's session index.
    pub sessions: Vec<i64>,
    /// Room ids, by room index.
    pub rooms: Vec<i64>,
    /// Round ids, by round index.
    pub rounds: Vec<i64>,
    /// Chair person ids, by chair index.
    pub chairs: Vec<i64>,
    /// Clerk person ids, by clerk index.
    pub clerks: Vec<i64>,
}

impl Problem {
    /// The planning problem of a stored evening. A proposal without a duration is taken to fill
    /// the shortest round.
    pub fn of(planning: &EveningPlanning) -> Problem {
        let rounds: Vec<i64> = planning.rounds.iter().map(|round| round.id).collect();
        let round_slots: Vec<RoundSlot> = planning
            .rounds
            .iter()
            .map(|round| RoundSlot { minutes: minutes_between(round.starts_at, round.ends_at) })
            .collect();
        let shortest = round_slots.iter().map(|round| round.minutes).min().unwrap_or(60);
        let participant = |attendee: &Attendee| Participant {
            person: Id::new(attendee.person_id),
            name: match &attendee.title {
                Some(title) => format!("{title} {}", attendee.name),
                None => attendee.name.clone(),
            },
            available: (!attendee.absent_rounds.is_empty())
                .then(|| (0..rounds.len()).filter(|index| !attendee.absent_rounds.contains(&rounds[*index])).collect()),
        };
        let room_index = |id: Option<i64>| id.and_then(|id| planning.rooms.iter().position(|room| room.id == id));
        let round_index = |id: Option<i64>| id.and_then(|id| rounds.iter().position(|round| *round == id));
        let sessions = planning
            .sessions
            .iter()
            .map(|session| SessionRequest {
                subject: session.subject.clone(),
                domains: session.domains.clone(),
                duration_minutes: session.duration_minutes.map_or(shortest, clamp_u16),
                portfolio_holder: session
                    .portfolio_holder_id
                    .and_then(|holder| planning.portfolio_holders.iter().position(|p| p.person_id == holder)),
                seats: clamp_u16(session.expected_attendance + session.confirmed_speakers),
                needs_livestream: session.needs_livestream,
                pin: match (session.pinned, room_index(session.room_id), round_index(session.first_round_id)) {
                    (true, Some(room), Some(round)) => Some(Pin { room, round }),
                    _ => None,
                },
                requested: requested(planning, &session.requested),
                spokespersons: Vec::new(),
            })
            .collect();
        Problem {
            evening: Evening {
                rounds: round_slots,
                rooms: planning
                    .rooms
                    .iter()
                    .map(|room| RoomSlot {
                        name: room.name.clone(),
                        capacity: clamp_u16(room.capacity),
                        livestream: room.livestream,
                    })
                    .collect(),
                chairs: planning.chairs.iter().map(participant).collect(),
                clerks: planning.clerks.iter().map(participant).collect(),
                portfolio_holders: planning.portfolio_holders.iter().map(participant).collect(),
                sessions,
            },
            sessions: planning.sessions.iter().map(|session| session.id).collect(),
            rooms: planning.rooms.iter().map(|room| room.id).collect(),
            rounds,
            chairs: planning.chairs.iter().map(|chair| chair.person_id).collect(),
            clerks: planning.clerks.iter().map(|clerk| clerk.person_id).collect(),
        }
    }

    /// The stored sessions that are fully planned (room, round, chair and clerk known on this
    /// evening), as a plan of the problem.
    pub fn stored_plan(&self, planning: &EveningPlanning) -> Plan {
        let placements = planning
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(session, row)| {
                Some(Placement {
                    session,
                    room: self.rooms.iter().position(|id| Some(*id) == row.room_id)?,
                    first_round: self.rounds.iter().position(|id| Some(*id) == row.first_round_id)?,
                    round_count: usize::try_from(row.round_count).ok()?,
                    chair: self.chairs.iter().position(|id| Some(*id) == row.chair_id)?,
                    clerk: self.clerks.iter().position(|id| Some(*id) == row.clerk_id)?,
                })
            })
            .collect();
        Plan { placements }
    }

    /// A placement of the problem as the database stores it.
    pub fn stored(&self, placement: &Placement) -> SessionPlacement {
        SessionPlacement {
            session_id: self.sessions[placement.session],
            room_id: Some(self.rooms[placement.room]),
            first_round_id: Some(self.rounds[placement.first_round]),
            round_count: placement.round_count as i64,
            chair_id: Some(self.chairs[placement.chair]),
            clerk_id: Some(self.clerks[placement.clerk]),
        }
    }

    /// A placement given by database ids; `None` when an id is not of this evening. The number
    /// of rounds follows from the session's duration (or is 1 when it does not fit, which the
    /// check then reports).
    pub fn placement_of(&self, given: &SessionPlacement) -> Option<Placement> {
        let session = self.sessions.iter().position(|id| *id == given.session_id)?;
        let first_round = self.rounds.iter().position(|id| Some(*id) == given.first_round_id)?;
        let duration = self.evening.sessions[session].duration_minutes;
        Some(Placement {
            session,
            room: self.rooms.iter().position(|id| Some(*id) == given.room_id)?,
            first_round,
            round_count: self.evening.rounds_needed(duration, first_round).unwrap_or(1),
            chair: self.chairs.iter().position(|id| Some(*id) == given.chair_id)?,
            clerk: self.clerks.iter().position(|id| Some(*id) == given.clerk_id)?,
        })
    }
}

/// What a proposal asks for, matched to the evening by id (the proposal links its room and
/// people to records when it is imported or edited): a room the evening does not use is named as
/// such. Whether a person may chair or clerk at all is not known here; [`mark_eligible`] says.
fn requested(planning: &EveningPlanning, asked: &stored::RequestedBy) -> Requested {
    let person = |asked: &Option<(i64, String)>| {
        asked.as_ref().map(|(id, name)| RequestedPerson { person: Id::new(*id), name: name.clone(), eligible: true })
    };
    Requested {
        room: asked.room.as_ref().map(|(id, name)| match planning.rooms.iter().position(|room| room.id == *id) {
            Some(index) => RequestedRoom::Room(index),
            None => RequestedRoom::NotInUse(name.clone()),
        }),
        chair: person(&asked.chair),
        clerk: person(&asked.clerk),
    }
}

/// Marks the chairs and clerks the proposals ask for who may not take that role at all (no
/// councillor or chair, no clerk, in office), so that the plan says so rather than that they are
/// missing from the evening's pool.
async fn mark_eligible(tx: &mut Tx, caller: &Caller, evening: &mut Evening) -> Result<(), MarketError> {
    let body = caller.body()?;
    let now = caller.now();
    let chairs = people::with_functions(tx, body, &[Function::Chair, Function::Councillor], now).await?;
    let clerks = people::with_functions(tx, body, &[Function::Clerk], now).await?;
    let among = |candidates: &[PersonChoice], asked: &mut Option<RequestedPerson>| {
        if let Some(asked) = asked {
            asked.eligible = candidates.iter().any(|candidate| candidate.id.get() == asked.person.get());
        }
    };
    for session in &mut evening.sessions {
        among(&chairs, &mut session.requested.chair);
        among(&clerks, &mut session.requested.clerk);
    }
    Ok(())
}

fn minutes_between(start: time::Time, end: time::Time) -> u16 {
    clamp_u16((end - start).whole_minutes())
}

fn clamp_u16(value: i64) -> u16 {
    u16::try_from(value.max(0)).unwrap_or(u16::MAX)
}

/// The planner's settings: the weights from the database (or the defaults), and a time limit.
async fn planner_settings(tx: &mut Tx, time_limit: Duration) -> Result<PlannerSettings, MarketError> {
    let weights = match settings::get(tx, WEIGHTS_SETTING).await? {
        Some(json) => serde_json::from_str(&json).map_err(|error| MarketError::Weights(error.to_string()))?,
        None => Weights::default(),
    };
    Ok(PlannerSettings { weights, time_limit })
}

/// The planner's weights (those who plan evenings).
pub async fn weights(app: &App, caller: &Caller) -> Result<Weights, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let mut tx = app.store().begin().await?;
    let settings = planner_settings(&mut tx, Duration::ZERO).await?;
    tx.commit().await?;
    Ok(settings.weights)
}

/// The evenings of the caller's municipality the caller may see: published ones, and to those
/// who see what is internal the others too. None before there is a municipality.
pub async fn evenings(app: &App, caller: &Caller) -> Result<Vec<EveningListing>, MarketError> {
    let Ok(body) = caller.body() else { return Ok(Vec::new()) };
    let mut tx = app.store().begin().await?;
    let evenings = stored::evenings(&mut tx, body).await?;
    tx.commit().await?;
    let internal = caller.may(Permission::SeeInternal);
    Ok(evenings.into_iter().filter(|evening| evening.published || internal).collect())
}

/// The id of the evening on `date`, if the caller's municipality has one.
pub async fn evening_on(app: &App, caller: &Caller, date: Date) -> Result<Option<i64>, MarketError> {
    let mut tx = app.store().begin().await?;
    let evening = stored::evening_on(&mut tx, caller.body()?, date).await?;
    tx.commit().await?;
    Ok(evening)
}

/// The evening `id` as stored, if the caller may see it: published, or the caller sees what is
/// internal. One the caller may not see is not found.
async fn visible_planning(
    tx: &mut Tx,
    caller: &Caller,
    body: Id<Body>,
    id: i64,
) -> Result<EveningPlanning, MarketError> {
    let planning = stored::planning(tx, body, id).await?;
    if planning.published_at.is_some() || caller.may(Permission::SeeInternal) {
        Ok(planning)
    } else {
        Err(MarketError::NotFound(format!("market evening {id}")))
    }
}

/// An evening with its stored plan, as its page shows it.
#[derive(Debug, Clone)]
pub struct EveningView {
    /// The evening as stored.
    pub planning: EveningPlanning,
    /// Its planning problem.
    pub problem: Problem,
    /// The sessions that are fully planned.
    pub plan: Plan,
    /// Whether the caller plans evenings.
    pub may_plan: bool,
    /// The sessions whose outcome is recorded (id, subject), for links to their outcome pages.
    pub outcomes: Vec<(i64, String)>,
    /// Whether the caller records sessions' outcomes.
    pub may_record: bool,
    /// The councillors' marks on the sessions: who attends for which party, who speaks for it.
    pub council: crate::council::EveningCouncil,
}

/// The evening `id` with its plan, if the caller may see it.
pub async fn evening(app: &App, caller: &Caller, id: i64) -> Result<EveningView, MarketError> {
    let mut tx = app.store().begin().await?;
    let planning = visible_planning(&mut tx, caller, caller.body()?, id).await?;
    let mut problem = Problem::of(&planning);
    if caller.may(Permission::PlanMarkets) {
        mark_eligible(&mut tx, caller, &mut problem.evening).await?;
        crate::council::add_spokespersons(&mut tx, caller.body()?, id, &mut problem).await?;
    }
    let outcomes = wijkbeeld_store::outcome::recorded_sessions_on(&mut tx, caller.body()?, id).await?;
    let council = crate::council::evening_council(&mut tx, caller, caller.body()?, id).await?;
    tx.commit().await?;
    let plan = problem.stored_plan(&planning);
    Ok(EveningView {
        planning,
        problem,
        plan,
        may_plan: caller.may(Permission::PlanMarkets),
        outcomes,
        may_record: caller.may(Permission::RecordOutcome),
        council,
    })
}

/// What the planner proposes for an evening.
#[derive(Debug, Clone)]
pub struct Proposed {
    /// The evening as stored.
    pub planning: EveningPlanning,
    /// Its planning problem.
    pub problem: Problem,
    /// The planner's plan, or why there is none.
    pub outcome: Result<Outcome, PlanError>,
}

/// Runs the planner on an evening for those who plan evenings; stores nothing.
pub async fn propose(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    time_limit: Duration,
) -> Result<Proposed, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let mut tx = app.store().begin().await?;
    let planning = stored::planning(&mut tx, caller.body()?, evening_id).await?;
    let settings = planner_settings(&mut tx, time_limit).await?;
    let mut problem = Problem::of(&planning);
    mark_eligible(&mut tx, caller, &mut problem.evening).await?;
    crate::council::add_spokespersons(&mut tx, caller.body()?, evening_id, &mut problem).await?;
    tx.commit().await?;
    // The solver is CPU-bound for up to the time limit; keep it off the async workers.
    let evening = problem.evening.clone();
    let outcome = tokio::task::spawn_blocking(move || planner::plan(&evening, &settings))
        .await
        .map_err(|error| MarketError::Store(StoreError::Corrupt(format!("the planner stopped: {error}"))))?;
    Ok(Proposed { planning, problem, outcome })
}

/// Stores a whole plan for the evening: the placements given, and every other session of the
/// evening unplanned. Refused, storing nothing, when it breaks a hard rule, or when it takes
/// planned sessions off the evening without `unplacing_confirmed` (an empty plan would empty a
/// published evening).
pub async fn apply_plan(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    placements: &[SessionPlacement],
    unplacing_confirmed: bool,
) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let planning = stored::planning(write.tx(), body, evening_id).await?;
    let problem = Problem::of(&planning);
    let mut plan = Plan::default();
    for given in placements {
        let placement = problem.placement_of(given).ok_or_else(|| {
            MarketError::NotFound(format!(
                "session {}, its room, round, chair or clerk on this evening",
                given.session_id
            ))
        })?;
        plan.placements.push(placement);
    }
    let conflicts = planner::check(&problem.evening, &plan);
    if !conflicts.is_empty() {
        return Err(MarketError::Conflicts(
            conflicts.iter().map(|conflict| conflict.describe(&problem.evening)).collect(),
        ));
    }
    let unplaced = unplaced_by(&problem, &planning, &plan);
    if !unplaced.is_empty() && !unplacing_confirmed {
        return Err(MarketError::WouldUnplace(unplaced));
    }
    let mut stored_placements: Vec<SessionPlacement> = plan.placements.iter().map(|p| problem.stored(p)).collect();
    for (index, session) in problem.sessions.iter().enumerate() {
        if !plan.placements.iter().any(|placement| placement.session == index) {
            stored_placements.push(SessionPlacement {
                session_id: *session,
                room_id: None,
                first_round_id: None,
                round_count: 1,
                chair_id: None,
                clerk_id: None,
            });
        }
    }
    stored::store_placements(write.tx(), body, evening_id, &stored_placements).await?;
    let details = serde_json::json!({
        "placed": plan.placements.len(),
        "unplaced": problem.sessions.len() - plan.placements.len(),
    });
    write.commit(evening_entry("market.plan", evening_id, details)).await?;
    Ok(())
}

/// The subjects of the sessions planned now that `plan` leaves out.
pub fn unplaced_by(problem: &Problem, planning: &EveningPlanning, plan: &Plan) -> Vec<String> {
    problem
        .stored_plan(planning)
        .placements
        .iter()
        .filter(|placed| !plan.placements.iter().any(|placement| placement.session == placed.session))
        .map(|placed| planning.sessions[placed.session].subject.clone())
        .collect()
}

/// Moves one session to a room, round, chair and clerk, and pins it there or frees it. Refused,
/// storing nothing, with the conflicts in words, when the move breaks a hard rule together with
/// the rest of the stored plan.
pub async fn move_session(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    target: &SessionPlacement,
    pinned: bool,
) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let planning = stored::planning(write.tx(), body, evening_id).await?;
    let problem = Problem::of(&planning);
    let moved = problem.placement_of(target).ok_or_else(|| {
        MarketError::NotFound(format!("session {}, its room, round, chair or clerk on this evening", target.session_id))
    })?;
    let mut plan = problem.stored_plan(&planning);
    plan.placements.retain(|placement| placement.session != moved.session);
    plan.placements.push(moved);
    // The pin is the new place, so it cannot conflict with itself.
    let mut evening = problem.evening.clone();
    evening.sessions[moved.session].pin = None;
    let conflicts: Vec<String> = planner::check(&evening, &plan)
        .iter()
        .filter(|conflict| conflict.involves(moved.session))
        .map(|conflict| conflict.describe(&evening))
        .collect();
    if !conflicts.is_empty() {
        return Err(MarketError::Conflicts(conflicts));
    }
    let placement = problem.stored(&moved);
    stored::store_placements(write.tx(), body, evening_id, &[placement]).await?;
    stored::set_pinned(write.tx(), body, evening_id, placement.session_id, pinned).await?;
    let room = &evening.rooms[moved.room].name;
    let details = serde_json::json!({
        "session": placement.session_id,
        "room": room,
        "round": moved.first_round + 1,
        "pinned": pinned,
    });
    write.commit(evening_entry("session.move", evening_id, details)).await?;
    Ok(())
}

/// Adds an unpublished evening with rounds given as (start, end), in order and not overlapping,
/// using every room of the municipality.
pub async fn create_evening(
    app: &App,
    caller: &Caller,
    date: Date,
    title: &str,
    rounds: &[(time::Time, time::Time)],
) -> Result<i64, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    if rounds.is_empty() {
        return Err(MarketError::Invalid("an evening needs at least one round".to_owned()));
    }
    let clock = |time: time::Time| format!("{:02}:{:02}", time.hour(), time.minute());
    if let Some(problem) = round_problems(rounds).first() {
        return Err(MarketError::Invalid(match *problem {
            RoundProblem::EndsBeforeStart(index) => format!(
                "round {}: it ends ({}) before it starts ({})",
                index + 1,
                clock(rounds[index].1),
                clock(rounds[index].0)
            ),
            RoundProblem::StartsBeforePreviousEnds(index) => format!(
                "round {}: it starts ({}) before round {} ends ({})",
                index + 1,
                clock(rounds[index].0),
                index,
                clock(rounds[index - 1].1)
            ),
        }));
    }
    let mut write = app.write(caller).await?;
    let id = match stored::create_evening(write.tx(), body, date, title, rounds).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => {
            return Err(MarketError::Invalid(format!("there is already a market evening on {date}")));
        }
        Err(error) => return Err(error.into()),
    };
    stored::use_all_rooms(write.tx(), body, id).await?;
    let details = serde_json::json!({ "date": date.to_string(), "rounds": rounds.len() });
    write.commit(evening_entry("market.create", id, details)).await?;
    Ok(id)
}

/// The longest title an evening may have, in characters.
pub const MAX_TITLE_LENGTH: usize = 200;

/// An evening as the griffie fills in its form: its day, title, rounds and the rooms in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveningInput {
    /// The day.
    pub date: Date,
    /// Title, e.g. "Politieke Markt".
    pub title: String,
    /// The rounds in order as (the round's id when it is one of the evening's already, start,
    /// end). A round of the evening left out is removed.
    pub rounds: Vec<(Option<i64>, time::Time, time::Time)>,
    /// The rooms in use, by id.
    pub rooms: Vec<i64>,
}

/// Why an evening's input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EveningProblem {
    /// The title is empty.
    TitleEmpty,
    /// The title is longer than [`MAX_TITLE_LENGTH`].
    TitleTooLong,
    /// The title holds control characters.
    TitleControlCharacters,
    /// The municipality has an evening on that day already: this one.
    DateTaken {
        /// The other evening.
        evening_id: i64,
    },
    /// No round is given.
    NoRound,
    /// A round's times are wrong; the index is in [`EveningInput::rounds`].
    Round(RoundProblem),
    /// A round given by id is none of the evening's.
    UnknownRound,
    /// A round left out has a session placed in it.
    RoundInUse {
        /// The round.
        round_id: i64,
        /// Its position on the evening now, from 1.
        position: i64,
        /// The subject of the session in it.
        subject: String,
    },
    /// No room is given.
    NoRoom,
    /// A room given is none of the municipality's.
    UnknownRoom,
    /// A room left out has a session placed in it.
    RoomInUse {
        /// The room.
        room: String,
        /// The subject of the session in it.
        subject: String,
    },
}

/// The problems of an evening's input that do not depend on what is stored about the evening
/// itself: the title, the rounds' times, and the rooms (known to the municipality).
fn input_problems(input: &EveningInput, rooms: &[Room]) -> Vec<EveningProblem> {
    let mut problems = Vec::new();
    let title = input.title.trim();
    if title.is_empty() {
        problems.push(EveningProblem::TitleEmpty);
    } else if title.chars().count() > MAX_TITLE_LENGTH {
        problems.push(EveningProblem::TitleTooLong);
    } else if has_control_characters(title, false) {
        problems.push(EveningProblem::TitleControlCharacters);
    }
    if input.rounds.is_empty() {
        problems.push(EveningProblem::NoRound);
    }
    let times: Vec<(time::Time, time::Time)> = input.rounds.iter().map(|(_, start, end)| (*start, *end)).collect();
    problems.extend(round_problems(&times).into_iter().map(EveningProblem::Round));
    if input.rooms.is_empty() {
        problems.push(EveningProblem::NoRoom);
    } else if !input.rooms.iter().all(|room| rooms.iter().any(|known| known.id.get() == *room)) {
        problems.push(EveningProblem::UnknownRoom);
    }
    problems
}

/// The rooms of the caller's municipality, by name: those an evening may use (those who plan
/// evenings).
pub async fn rooms(app: &App, caller: &Caller) -> Result<Vec<Room>, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let mut tx = app.store().begin().await?;
    let rooms = people::rooms(&mut tx, caller.body()?).await?;
    tx.commit().await?;
    Ok(rooms)
}

/// The evening `id` as stored, with the municipality's rooms, for its form (those who plan
/// evenings).
pub async fn evening_form(app: &App, caller: &Caller, id: i64) -> Result<(EveningPlanning, Vec<Room>), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let planning = stored::planning(&mut tx, body, id).await?;
    let rooms = people::rooms(&mut tx, body).await?;
    tx.commit().await?;
    Ok((planning, rooms))
}

/// Adds an unpublished evening with its rounds and the rooms in use, or refuses it whole as
/// [`MarketError::Evening`] with every problem (another evening on that day among them).
pub async fn new_evening(app: &App, caller: &Caller, input: &EveningInput) -> Result<i64, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let rooms = people::rooms(write.tx(), body).await?;
    let mut problems = input_problems(input, &rooms);
    if let Some(evening_id) = stored::evening_on(write.tx(), body, input.date).await? {
        problems.insert(0, EveningProblem::DateTaken { evening_id });
    }
    if input.rounds.iter().any(|(id, _, _)| id.is_some()) {
        problems.push(EveningProblem::UnknownRound);
    }
    if !problems.is_empty() {
        return Err(MarketError::Evening(problems));
    }
    let times: Vec<(time::Time, time::Time)> = input.rounds.iter().map(|(_, start, end)| (*start, *end)).collect();
    let id = stored::create_evening(write.tx(), body, input.date, input.title.trim(), &times).await?;
    stored::set_rooms(write.tx(), body, id, &input.rooms).await?;
    let details = serde_json::json!({
        "date": input.date.to_string(),
        "title": input.title.trim(),
        "rounds": times.len(),
        "rooms": input.rooms.len(),
    });
    write.commit(evening_entry("market.create", id, details)).await?;
    Ok(id)
}

/// Changes an evening's date, title, rounds and rooms, or refuses it whole as
/// [`MarketError::Evening`]: besides the problems of a new evening, a round or room left out in
/// which a session is placed is refused, naming the session, rather than the session dropped.
pub async fn edit_evening(app: &App, caller: &Caller, id: i64, input: &EveningInput) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let planning = stored::planning(write.tx(), body, id).await?;
    let rooms = people::rooms(write.tx(), body).await?;
    let mut problems = input_problems(input, &rooms);
    if let Some(evening_id) = stored::evening_on(write.tx(), body, input.date).await?.filter(|other| *other != id) {
        problems.insert(0, EveningProblem::DateTaken { evening_id });
    }
    let given = |round: i64| input.rounds.iter().any(|(given, _, _)| *given == Some(round));
    if input
        .rounds
        .iter()
        .filter_map(|(round, _, _)| *round)
        .any(|round| !planning.rounds.iter().any(|r| r.id == round))
    {
        problems.push(EveningProblem::UnknownRound);
    }
    let position_of = |round: Option<i64>| round.and_then(|round| planning.rounds.iter().find(|r| r.id == round));
    for round in planning.rounds.iter().filter(|round| !given(round.id)) {
        let held_in = planning.sessions.iter().find(|session| {
            position_of(session.first_round_id).is_some_and(|first| {
                first.position <= round.position && round.position < first.position + session.round_count.max(1)
            })
        });
        if let Some(session) = held_in {
            problems.push(EveningProblem::RoundInUse {
                round_id: round.id,
                position: round.position,
                subject: session.subject.clone(),
            });
        }
    }
    for room in planning.rooms.iter().filter(|room| !input.rooms.contains(&room.id)) {
        if let Some(session) = planning.sessions.iter().find(|session| session.room_id == Some(room.id)) {
            problems.push(EveningProblem::RoomInUse { room: room.name.clone(), subject: session.subject.clone() });
        }
    }
    if !problems.is_empty() {
        return Err(MarketError::Evening(problems));
    }
    stored::update_evening(write.tx(), body, id, input.date, input.title.trim()).await?;
    stored::replace_rounds(write.tx(), body, id, &input.rounds).await?;
    stored::set_rooms(write.tx(), body, id, &input.rooms).await?;
    let clock = |time: time::Time| format!("{:02}:{:02}", time.hour(), time.minute());
    let rounds_text = |rounds: Vec<(time::Time, time::Time)>| -> Vec<String> {
        rounds.into_iter().map(|(start, end)| format!("{}–{}", clock(start), clock(end))).collect()
    };
    let room_names = |ids: &[i64]| -> Vec<String> {
        rooms.iter().filter(|room| ids.contains(&room.id.get())).map(|room| room.name.clone()).collect()
    };
    let before_rooms: Vec<i64> = planning.rooms.iter().map(|room| room.id).collect();
    let details = serde_json::json!({
        "before": {
            "date": planning.date.to_string(),
            "title": planning.title,
            "rounds": rounds_text(planning.rounds.iter().map(|r| (r.starts_at, r.ends_at)).collect()),
            "rooms": room_names(&before_rooms),
        },
        "after": {
            "date": input.date.to_string(),
            "title": input.title.trim(),
            "rounds": rounds_text(input.rounds.iter().map(|(_, start, end)| (*start, *end)).collect()),
            "rooms": room_names(&input.rooms),
        },
    });
    write.commit(evening_entry("market.edit", id, details)).await?;
    Ok(())
}

/// Publishes the evening (`true`) or withdraws its publication. Published, the public sees it, its
/// sessions and their proposals; withdrawn, the evening is not found for them again.
pub async fn set_published(app: &App, caller: &Caller, id: i64, published: bool) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let planning = stored::planning(write.tx(), body, id).await?;
    let moment = published.then(|| caller.now());
    stored::set_published(write.tx(), body, id, moment).await?;
    let (action, details) = if published {
        (
            "market.publish",
            serde_json::json!({ "date": planning.date.to_string(), "sessions": planning.sessions.len() }),
        )
    } else {
        ("market.unpublish", serde_json::json!({ "date": planning.date.to_string() }))
    };
    write.commit(evening_entry(action, id, details)).await?;
    Ok(())
}

/// The people with these names, or which names are unknown.
async fn people_named(tx: &mut Tx, body: Id<Body>, names: &[String]) -> Result<Vec<i64>, MarketError> {
    let mut ids = Vec::new();
    let mut unknown = Vec::new();
    for name in names {
        match people::find_by_name(tx, body, name).await? {
            Some(id) => ids.push(id.get()),
            None => unknown.push(format!("'{name}'")),
        }
    }
    if unknown.is_empty() {
        Ok(ids)
    } else {
        Err(MarketError::Invalid(format!("no person named {}", unknown.join(", "))))
    }
}

/// Replaces the evening's pools of chairs and clerks, given by name.
pub async fn set_staff(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    chairs: &[String],
    clerks: &[String],
) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    stored::planning(write.tx(), body, evening_id).await?;
    let chair_ids = people_named(write.tx(), body, chairs).await?;
    let clerk_ids = people_named(write.tx(), body, clerks).await?;
    stored::set_staff(write.tx(), body, evening_id, &chair_ids, &clerk_ids).await?;
    let details = serde_json::json!({ "chairs": chairs, "clerks": clerks });
    write.commit(evening_entry("market.staff", evening_id, details)).await?;
    Ok(())
}

/// Sets the rounds (by position, from 1) in which a person cannot be there; none for the whole
/// evening.
pub async fn set_absences(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    person: &str,
    positions: &[i64],
) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let planning = stored::planning(write.tx(), body, evening_id).await?;
    let person_id = people_named(write.tx(), body, &[person.to_owned()]).await?[0];
    let mut rounds = Vec::new();
    for position in positions {
        let round = planning.rounds.iter().find(|round| round.position == *position).ok_or_else(|| {
            MarketError::Invalid(format!("the evening has no round {position} (it has {})", planning.rounds.len()))
        })?;
        rounds.push(round.id);
    }
    stored::set_absences(write.tx(), body, evening_id, person_id, &rounds).await?;
    let details = serde_json::json!({ "person": person, "absent_in_rounds": positions });
    write.commit(evening_entry("market.absence", evening_id, details)).await?;
    Ok(())
}

/// Who can chair and clerk an evening, and who misses which round, by person and round id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attendance {
    /// The pool of chairs.
    pub chairs: Vec<i64>,
    /// The pool of clerks.
    pub clerks: Vec<i64>,
    /// (person, round) for each round someone misses.
    pub absences: Vec<(i64, i64)>,
}

/// An evening with who may be chosen to chair and clerk it, and who may be absent.
#[derive(Debug, Clone)]
pub struct AttendanceChoices {
    /// The evening as stored.
    pub planning: EveningPlanning,
    /// Councillors and designated chairs in office.
    pub chairs: Vec<PersonChoice>,
    /// Clerks in office.
    pub clerks: Vec<PersonChoice>,
    /// Those in the evening's pools and its portfolio holders, by name: who may be absent.
    pub everyone: Vec<PersonChoice>,
}

async fn attendance_in(tx: &mut Tx, caller: &Caller, evening_id: i64) -> Result<AttendanceChoices, MarketError> {
    let body = caller.body()?;
    let planning = stored::planning(tx, body, evening_id).await?;
    let now = caller.now();
    let chairs = people::with_functions(tx, body, &[Function::Chair, Function::Councillor], now).await?;
    let clerks = people::with_functions(tx, body, &[Function::Clerk], now).await?;
    let in_pools = |id: i64| planning.chairs.iter().chain(&planning.clerks).any(|a| a.person_id == id);
    let mut everyone: Vec<PersonChoice> =
        chairs.iter().chain(&clerks).filter(|person| in_pools(person.id.get())).cloned().collect();
    everyone.extend(
        planning
            .portfolio_holders
            .iter()
            .map(|holder| PersonChoice { id: Id::new(holder.person_id), name: holder.name.clone() }),
    );
    everyone.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.get().cmp(&b.id.get())));
    everyone.dedup();
    Ok(AttendanceChoices { planning, chairs, clerks, everyone })
}

/// The evening `id` with its choices of chairs, clerks and absences (those who plan evenings).
pub async fn attendance(app: &App, caller: &Caller, evening_id: i64) -> Result<AttendanceChoices, MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let mut tx = app.store().begin().await?;
    let choices = attendance_in(&mut tx, caller, evening_id).await?;
    tx.commit().await?;
    Ok(choices)
}

/// Replaces the evening's pools of chairs and clerks and its absences in one change. Refused
/// whole, as [`MarketError::Fields`], when it names someone who is no candidate for a pool, an
/// absence of anyone else or in a round of another evening, or leaves a pool empty.
pub async fn set_attendance(
    app: &App,
    caller: &Caller,
    evening_id: i64,
    attendance: &Attendance,
) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let choices = attendance_in(write.tx(), caller, evening_id).await?;
    let among = |people: &[PersonChoice], person: &i64| people.iter().any(|candidate| candidate.id.get() == *person);
    let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
    for (field, asked, candidates, empty) in [
        ("voorzitters", &attendance.chairs, &choices.chairs, "error-attendance-no-chair"),
        ("griffiemedewerkers", &attendance.clerks, &choices.clerks, "error-attendance-no-clerk"),
    ] {
        if !asked.iter().all(|person| among(candidates, person)) {
            problems.push((field, "error-attendance-unknown-person"));
        } else if asked.is_empty() {
            problems.push((field, empty));
        }
    }
    let known_absence = |(person, round): &(i64, i64)| {
        among(&choices.everyone, person) && choices.planning.rounds.iter().any(|known| known.id == *round)
    };
    if !attendance.absences.iter().all(known_absence) {
        problems.push(("afwezigheid", "error-attendance-unknown-absence"));
    }
    if !problems.is_empty() {
        return Err(MarketError::Fields(problems));
    }
    stored::set_staff(write.tx(), body, evening_id, &attendance.chairs, &attendance.clerks).await?;
    stored::replace_absences(write.tx(), body, evening_id, &attendance.absences).await?;
    let details = serde_json::json!({
        "chairs": attendance.chairs.len(),
        "clerks": attendance.clerks.len(),
        "absences": attendance.absences.len(),
    });
    write.commit(evening_entry("market.staff", evening_id, details)).await?;
    Ok(())
}

/// Stores the planner's weights for every evening.
pub async fn set_weights(app: &App, caller: &Caller, weights: &Weights) -> Result<(), MarketError> {
    caller.require(Permission::PlanMarkets)?;
    let json = serde_json::to_value(weights).map_err(|error| MarketError::Weights(error.to_string()))?;
    let mut write = app.write(caller).await?;
    settings::set(write.tx(), WEIGHTS_SETTING, &json.to_string()).await?;
    write.commit(Entry::new("planner.weights", "setting").details(json)).await?;
    Ok(())
}

/// The audit entry of a change to an evening.
fn evening_entry(action: &'static str, evening_id: i64, details: serde_json::Value) -> Entry {
    Entry::new(action, "market_evening").on(evening_id).details(details)
}
