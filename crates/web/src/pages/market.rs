//! Market evenings: the list (`/markt`), an evening's grid of rooms × rounds (public once
//! published), and for the griffie the planner (run, look at its proposal, accept it), manual
//! moves checked against the planner's hard rules, and pins.

use std::time::Duration;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::market::{
    self, Attendee, EveningPlanning, MarketError, PersonChoice, Problem, RoundRow, SessionPlacement,
};
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::local_time::in_dutch_time;
use wijkbeeld_domain::planner::{self, Asked, Capacity, Evening, Outcome, Plan, PlanError, Reason, Unmet};

use crate::AppState;
use crate::error::AppResult;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::notice::{self, Notice};

/// How long the planner may search when the griffie presses the button.
const PLANNER_TIME_LIMIT: Duration = Duration::from_secs(5);

// --- The list ---------------------------------------------------------------------------------

/// An evening as the list shows it.
pub(crate) struct EveningRow {
    id: i64,
    date: String,
    title: String,
    extent: String,
    published: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "market/list.html")]
pub(crate) struct ListPage {
    layout: Layout,
    rows: Vec<EveningRow>,
    staff: bool,
    /// Whether the viewer plans evenings, and so may create one.
    can_plan: bool,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<ListPage> {
    let texts = layout.texts;
    let staff = caller.may(Permission::SeeInternal);
    let rows = market::evenings(state.app(), &caller)
        .await?
        .into_iter()
        .map(|evening| EveningRow {
            id: evening.id,
            date: texts.weekday_date(evening.date),
            title: evening.title,
            extent: texts.with(
                "evening-extent",
                &[
                    ("sessions", Argument::Text(&texts.count("count-sessions", evening.sessions))),
                    ("rounds", Argument::Text(&texts.count("count-rounds", evening.rounds))),
                ],
            ),
            published: evening.published,
        })
        .collect();
    let can_plan = caller.may(Permission::PlanMarkets);
    Ok(ListPage { rows, staff, can_plan, layout: layout.trail(&[("/markt", "market-title")]) })
}

// --- The grid ---------------------------------------------------------------------------------

/// A session in a cell of the grid.
#[derive(Clone)]
pub(crate) struct GridSession {
    session_id: i64,
    proposal_id: i64,
    subject: String,
    chair: String,
    clerk: String,
    portfolio_holder: String,
    pinned: bool,
    span: usize,
}

/// A cell: empty, or the start of a session spanning one or more rounds.
pub(crate) enum GridCell {
    Empty,
    Session(GridSession),
}

/// A room's row.
pub(crate) struct GridRow {
    room: String,
    note: String,
    cells: Vec<GridCell>,
}

/// A room in one round, as the narrow screen's list shows it: free or with its session.
pub(crate) struct RoomInRound {
    room: String,
    note: String,
    session: Option<GridSession>,
}

/// One round with each room, for narrow screens, where the table would not fit.
pub(crate) struct RoundList {
    heading: String,
    rooms: Vec<RoomInRound>,
}

/// Rooms × rounds, the same by round, and the sessions not placed.
pub(crate) struct Grid {
    rounds: Vec<String>,
    rows: Vec<GridRow>,
    by_round: Vec<RoundList>,
    unplaced: Vec<GridSession>,
}

/// A message about a round that names its number and times, e.g. "Ronde 1 (19:30–21:00)".
fn round_text(texts: &Texts, message: &str, round: &RoundRow) -> String {
    texts.with(
        message,
        &[
            ("number", Argument::Number(round.position)),
            ("start", Argument::Text(&texts.clock(round.starts_at))),
            ("end", Argument::Text(&texts.clock(round.ends_at))),
        ],
    )
}

fn room_note(texts: &Texts, capacity: i64, livestream: bool, accessible: bool) -> String {
    let mut parts = vec![texts.with("market-room-seats", &[("count", Argument::Number(capacity))])];
    if livestream {
        parts.push(texts.t("market-room-livestream"));
    }
    if accessible {
        parts.push(texts.t("market-room-accessible"));
    }
    parts.join(" · ")
}

/// The grid of a plan of the evening; sessions absent from the plan are listed as not placed.
fn grid(texts: &Texts, planning: &EveningPlanning, problem: &Problem, plan: &Plan) -> Grid {
    let evening = &problem.evening;
    let name_of = |people: &[wijkbeeld_domain::planner::Participant], index: usize| {
        people.get(index).map(|person| person.name.clone()).unwrap_or_default()
    };
    let session_view = |index: usize, chair: String, clerk: String, span: usize| {
        let row = &planning.sessions[index];
        GridSession {
            session_id: row.id,
            proposal_id: row.proposal_id,
            subject: row.subject.clone(),
            chair,
            clerk,
            portfolio_holder: evening.sessions[index]
                .portfolio_holder
                .map(|holder| evening.portfolio_holders[holder].name.clone())
                .unwrap_or_default(),
            pinned: row.pinned,
            span,
        }
    };
    let rounds = planning.rounds.iter().map(|round| round_text(texts, "market-round-heading", round)).collect();
    let rows = planning
        .rooms
        .iter()
        .enumerate()
        .map(|(room_index, room)| {
            let mut cells = Vec::new();
            let mut round = 0;
            while round < evening.rounds.len() {
                let starting = plan.placements.iter().find(|p| p.room == room_index && p.first_round == round);
                match starting {
                    Some(placement) => {
                        let span = placement.round_count.min(evening.rounds.len() - round).max(1);
                        cells.push(GridCell::Session(session_view(
                            placement.session,
                            name_of(&evening.chairs, placement.chair),
                            name_of(&evening.clerks, placement.clerk),
                            span,
                        )));
                        round += span;
                    }
                    None => {
                        cells.push(GridCell::Empty);
                        round += 1;
                    }
                }
            }
            GridRow {
                room: room.name.clone(),
                note: room_note(texts, room.capacity, room.livestream, room.accessible),
                cells,
            }
        })
        .collect();
    let by_round = planning
        .rounds
        .iter()
        .enumerate()
        .map(|(round, stored)| RoundList {
            heading: round_text(texts, "market-round-heading", stored),
            rooms: planning
                .rooms
                .iter()
                .enumerate()
                .map(|(room_index, room)| RoomInRound {
                    room: room.name.clone(),
                    note: room_note(texts, room.capacity, room.livestream, room.accessible),
                    session: plan
                        .placements
                        .iter()
                        .find(|p| {
                            p.room == room_index
                                && p.first_round <= round
                                && round < p.first_round + p.round_count.max(1)
                        })
                        .map(|placement| {
                            session_view(
                                placement.session,
                                name_of(&evening.chairs, placement.chair),
                                name_of(&evening.clerks, placement.clerk),
                                1,
                            )
                        }),
                })
                .collect(),
        })
        .collect();
    let unplaced = (0..evening.sessions.len())
        .filter(|session| !plan.placements.iter().any(|p| p.session == *session))
        .map(|session| session_view(session, String::new(), String::new(), 1))
        .collect();
    Grid { rounds, rows, by_round, unplaced }
}

/// The move form's fields, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct MoveForm {
    #[serde(default)]
    sessie: String,
    #[serde(default)]
    zaal: String,
    #[serde(default)]
    ronde: String,
    #[serde(default)]
    voorzitter: String,
    #[serde(default)]
    griffiemedewerker: String,
    #[serde(default)]
    vastzetten: Option<String>,
}

/// The choices of the move form.
pub(crate) struct MoveChoices {
    sessions: Vec<Choice>,
    rooms: Vec<Choice>,
    rounds: Vec<Choice>,
    chairs: Vec<Choice>,
    clerks: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "market/evening.html")]
pub(crate) struct EveningPage {
    layout: Layout,
    id: i64,
    title: String,
    date: String,
    published: bool,
    /// When it was published, in words, if it is.
    published_on: Option<String>,
    grid: Grid,
    can_plan: bool,
    /// For those who plan: what the proposals ask for and the stored plan does not give, with why.
    requests: Vec<String>,
    choices: MoveChoices,
    form: MoveForm,
    errors: FormErrors,
    /// The sessions whose outcome is recorded, (id, subject), linked to their outcome pages.
    outcomes: Vec<(i64, String)>,
    /// For those who record outcomes: every session, (id, subject), linked to its outcome form.
    to_record: Vec<(i64, String)>,
    /// The parties attending each session, and a councillor's buttons to mark.
    council: crate::pages::council::EveningSection,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct EveningQuery {
    #[serde(default)]
    sessie: String,
}

fn move_choices(planning: &EveningPlanning, texts: &Texts) -> MoveChoices {
    let person = |attendee: &Attendee| Choice { value: attendee.person_id.to_string(), label: attendee.name.clone() };
    MoveChoices {
        sessions: planning
            .sessions
            .iter()
            .map(|session| Choice { value: session.id.to_string(), label: session.subject.clone() })
            .collect(),
        rooms: planning
            .rooms
            .iter()
            .map(|room| Choice { value: room.id.to_string(), label: room.name.clone() })
            .collect(),
        rounds: planning
            .rounds
            .iter()
            .map(|round| Choice {
                value: round.id.to_string(),
                label: round_text(texts, "market-round-heading", round),
            })
            .collect(),
        chairs: planning.chairs.iter().map(person).collect(),
        clerks: planning.clerks.iter().map(person).collect(),
    }
}

/// The move form filled in with a session's current place, when one is chosen.
fn form_for(planning: &EveningPlanning, session: &str) -> MoveForm {
    let Some(row) = planning.sessions.iter().find(|row| row.id.to_string() == session) else {
        return MoveForm::default();
    };
    let text = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
    MoveForm {
        sessie: row.id.to_string(),
        zaal: text(row.room_id),
        ronde: text(row.first_round_id),
        voorzitter: text(row.chair_id),
        griffiemedewerker: text(row.clerk_id),
        vastzetten: row.pinned.then(|| "ja".to_owned()),
    }
}

async fn evening_page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    id: i64,
    form: Option<MoveForm>,
    selected: &str,
    errors: FormErrors,
) -> AppResult<EveningPage> {
    let texts = layout.texts;
    let market::EveningView { planning, problem, plan, may_plan: can_plan, outcomes, may_record, council } =
        market::evening(state.app(), caller, id).await?;
    let council = crate::pages::council::evening_section(&texts, &planning, &problem, &plan, &council, can_plan);
    let to_record = if may_record {
        planning.sessions.iter().map(|session| (session.id, session.subject.clone())).collect()
    } else {
        Vec::new()
    };
    let form = form.unwrap_or_else(|| form_for(&planning, selected));
    let requests = if can_plan {
        unmet_requests(&texts, &problem.evening, &planner::unmet_requests(&problem.evening, &plan))
    } else {
        Vec::new()
    };
    Ok(EveningPage {
        requests,
        id,
        title: planning.title.clone(),
        date: texts.weekday_date(planning.date),
        published: planning.published_at.is_some(),
        published_on: planning.published_at.map(|moment| {
            let local = in_dutch_time(moment);
            format!("{} {}", texts.date(local.date()), texts.clock(local.time()))
        }),
        grid: grid(&texts, &planning, &problem, &plan),
        can_plan,
        choices: move_choices(&planning, &texts),
        form,
        errors,
        outcomes,
        to_record,
        council,
        layout: layout.trail(&[("/markt", "market-title")]),
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Query(query): Query<EveningQuery>,
) -> AppResult<EveningPage> {
    evening_page(&state, &caller, layout, id, None, &query.sessie, FormErrors::none()).await
}

// --- Moves and pins -------------------------------------------------------------------------------

/// Moves a session (and pins or frees it), or shows the form again with the conflicts in words.
pub(crate) async fn move_session(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let number = |text: &str| text.trim().parse::<i64>().ok();
    let mut errors = FormErrors::none();
    for (field, value) in [
        ("sessie", &form.sessie),
        ("zaal", &form.zaal),
        ("ronde", &form.ronde),
        ("voorzitter", &form.voorzitter),
        ("griffiemedewerker", &form.griffiemedewerker),
    ] {
        if number(value).is_none() {
            errors = errors.and(FormErrors::one(field, texts.t("error-choose-from-list")));
        }
    }
    if errors.is_empty() {
        let target = SessionPlacement {
            session_id: number(&form.sessie).unwrap_or_default(),
            room_id: number(&form.zaal),
            first_round_id: number(&form.ronde),
            round_count: 1,
            chair_id: number(&form.voorzitter),
            clerk_id: number(&form.griffiemedewerker),
        };
        let pinned = form.vastzetten.is_some();
        match market::move_session(state.app(), &caller, id, &target, pinned).await {
            Ok(()) => return Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-session-moved"))),
            Err(MarketError::Conflicts(conflicts)) => {
                for conflict in conflicts {
                    errors = errors.and(FormErrors::one("sessie", conflict));
                }
            }
            Err(MarketError::NotFound(_)) => errors = FormErrors::one("sessie", texts.t("error-choose-from-list")),
            Err(other) => return Err(other.into()),
        }
    }
    let page = evening_page(&state, &caller, layout, id, Some(form), "", errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

// --- The planner -----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "market/proposal.html")]
pub(crate) struct ProposalPage {
    layout: Layout,
    id: i64,
    title: String,
    date: String,
    grid: Grid,
    summary: String,
    explanation: Vec<String>,
    /// What the proposals ask for (room, chair, clerk) and the plan does not give, each with why.
    requests: Vec<String>,
    /// The spokespersons the plan puts in two sessions of one round, each in words.
    clashes: Vec<String>,
    refused: bool,
    placements: Vec<String>,
    /// The planned sessions the plan would take off the evening, which accepting must confirm.
    unplacing: Vec<String>,
    /// Whether some session does not fit: then the page leads to the evening's chairs, clerks
    /// and absences, which most often decide it.
    unfitting: bool,
}

/// Runs the planner and shows its plan as a proposal to accept; stores nothing.
pub(crate) async fn propose(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<ProposalPage> {
    let texts = layout.texts;
    let proposed = market::propose(state.app(), &caller, id, PLANNER_TIME_LIMIT).await?;
    let requests = match &proposed.outcome {
        Ok(outcome) => unmet_requests(&texts, &proposed.problem.evening, &outcome.unmet_requests),
        Err(_) => Vec::new(),
    };
    let clashes = match &proposed.outcome {
        Ok(outcome) => {
            crate::pages::council::clash_texts(&texts, &proposed.problem.evening, &outcome.spokesperson_clashes)
        }
        Err(_) => Vec::new(),
    };
    let (plan, summary, explanation, refused) = match &proposed.outcome {
        Ok(Outcome { plan, optimal, explanation, unplaced, .. }) => {
            // In words a griffie uses: how many sessions fit, not the solver's objective.
            let summary = texts.with(
                if *optimal { "market-planner-optimal" } else { "market-planner-best-found" },
                &[
                    ("placed", Argument::Number(plan.placements.len() as i64)),
                    ("unplaced", Argument::Number(unplaced.len() as i64)),
                ],
            );
            // A plan that places nothing is nothing to accept.
            (plan.clone(), summary, explanation.clone(), plan.placements.is_empty())
        }
        Err(PlanError::PinsConflict(reasons)) => {
            (Plan::default(), texts.t("market-planner-pins-conflict"), reasons.clone(), true)
        }
        Err(other) => (Plan::default(), other.to_string(), Vec::new(), true),
    };
    let unplacing = market::unplaced_by(&proposed.problem, &proposed.planning, &plan);
    let placements = plan
        .placements
        .iter()
        .map(|placement| {
            let stored = proposed.problem.stored(placement);
            let part = |id: Option<i64>| id.map(|id| id.to_string()).unwrap_or_default();
            format!(
                "{}:{}:{}:{}:{}",
                stored.session_id,
                part(stored.room_id),
                part(stored.first_round_id),
                part(stored.chair_id),
                part(stored.clerk_id)
            )
        })
        .collect();
    Ok(ProposalPage {
        id,
        title: proposed.planning.title.clone(),
        date: texts.weekday_date(proposed.planning.date),
        grid: grid(&texts, &proposed.planning, &proposed.problem, &plan),
        summary,
        explanation,
        requests,
        clashes,
        unfitting: refused || plan.placements.len() < proposed.planning.sessions.len(),
        refused,
        placements,
        unplacing,
        layout: layout.trail(&[("/markt", "market-title")]),
    })
}

/// Each request the plan does not meet as a sentence: the session, what it asked for, and why.
fn unmet_requests(texts: &Texts, evening: &Evening, unmet: &[Unmet]) -> Vec<String> {
    let subject = |session: usize| evening.sessions.get(session).map_or("", |s| s.subject.as_str());
    let room = |room: usize| evening.rooms.get(room).map_or("", |r| r.name.as_str());
    unmet
        .iter()
        .map(|unmet| {
            let asked = match unmet.asked {
                Asked::Room => "room",
                Asked::Chair => "chair",
                Asked::Clerk => "clerk",
            };
            let mut arguments = vec![
                ("subject", Argument::Text(subject(unmet.session))),
                ("name", Argument::Text(&unmet.name)),
                ("asked", Argument::Text(asked)),
            ];
            let round = |round: usize| Argument::Number(round as i64 + 1);
            match &unmet.reason {
                Reason::RoomNotInUse => texts.with("market-request-room-not-in-use", &arguments),
                Reason::RoomTooSmall { capacity, seats } => {
                    arguments.push(("capacity", Argument::Number(i64::from(*capacity))));
                    arguments.push(("seats", Argument::Number(i64::from(*seats))));
                    texts.with("market-request-room-too-small", &arguments)
                }
                Reason::RoomWithoutLivestream => texts.with("market-request-room-without-livestream", &arguments),
                Reason::RoomTaken { round: taken, by } => {
                    arguments.push(("round", round(*taken)));
                    arguments.push(("other", Argument::Text(subject(*by))));
                    texts.with("market-request-room-taken", &arguments)
                }
                Reason::Pinned { room: pinned } => {
                    arguments.push(("room", Argument::Text(room(*pinned))));
                    texts.with("market-request-pinned", &arguments)
                }
                Reason::NotInPool => texts.with("market-request-not-in-pool", &arguments),
                Reason::NotEligible => texts.with("market-request-not-eligible", &arguments),
                Reason::Absent { round: absent } => {
                    arguments.push(("round", round(*absent)));
                    texts.with("market-request-absent", &arguments)
                }
                Reason::OwnPortfolioHolder => texts.with("market-request-own-portfolio-holder", &arguments),
                Reason::Busy { round: busy, session, capacity } => {
                    arguments.push(("round", round(*busy)));
                    arguments.push(("other", Argument::Text(subject(*session))));
                    let capacity = match capacity {
                        Capacity::Chair => "chair",
                        Capacity::Clerk => "clerk",
                        Capacity::PortfolioHolder => "holder",
                    };
                    arguments.push(("capacity", Argument::Text(capacity)));
                    if *session == unmet.session {
                        texts.with("market-request-busy-here", &arguments)
                    } else {
                        texts.with("market-request-busy", &arguments)
                    }
                }
                Reason::NotChosen => texts.with("market-request-not-chosen", &arguments),
            }
        })
        .collect()
}

/// Stores the accepted plan, or shows the evening with why it cannot be stored (someone changed
/// the evening in the meantime, for instance).
pub(crate) async fn accept(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let mut placements = Vec::new();
    for (_, value) in fields.iter().filter(|(name, _)| name == "plaatsing") {
        let parts: Vec<Option<i64>> = value.split(':').map(|part| part.parse().ok()).collect();
        let [Some(session_id), room_id, first_round_id, chair_id, clerk_id] = parts[..] else {
            let errors = FormErrors::one("plan", texts.t("market-plan-unreadable"));
            let page = evening_page(&state, &caller, layout, id, None, "", errors).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        };
        placements.push(SessionPlacement { session_id, room_id, first_round_id, round_count: 1, chair_id, clerk_id });
    }
    let confirmed = fields.iter().any(|(name, value)| name == "ontplaatsen" && value == "ja");
    let errors = match market::apply_plan(state.app(), &caller, id, &placements, confirmed).await {
        Ok(()) => {
            let placed = i64::try_from(placements.len()).unwrap_or(i64::MAX);
            return Ok(notice::redirect(&format!("/markt/{id}"), Notice::counted("notice-plan-accepted", placed)));
        }
        Err(MarketError::WouldUnplace(subjects)) => FormErrors::one(
            "plan",
            texts.with(
                "market-plan-would-unplace",
                &[
                    ("count", Argument::Number(subjects.len() as i64)),
                    ("subjects", Argument::Text(&subjects.join("; "))),
                ],
            ),
        ),
        Err(MarketError::Conflicts(conflicts)) => conflicts
            .into_iter()
            .fold(FormErrors::none(), |errors, conflict| errors.and(FormErrors::one("plan", conflict))),
        Err(MarketError::NotFound(_)) => FormErrors::one("plan", texts.t("market-plan-stale")),
        Err(other) => return Err(other.into()),
    };
    let page = evening_page(&state, &caller, layout, id, None, "", errors).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

// --- Chairs, clerks and absences -------------------------------------------------------------------

/// A checkbox: its id, the value it sends, its label, and whether it is ticked.
pub(crate) struct Tick {
    id: String,
    value: String,
    label: String,
    checked: bool,
}

/// The absences of one round.
pub(crate) struct AbsenceRound {
    heading: String,
    ticks: Vec<Tick>,
}

#[derive(Template, WebTemplate)]
#[template(path = "market/attendance.html")]
pub(crate) struct AttendancePage {
    layout: Layout,
    id: i64,
    date: String,
    chairs: Vec<Tick>,
    clerks: Vec<Tick>,
    absences: Vec<AbsenceRound>,
    errors: FormErrors,
}

/// People as (id, name), as the checkboxes list them.
fn ids_and_names(people: &[PersonChoice]) -> Vec<(i64, String)> {
    people.iter().map(|person| (person.id.get(), person.name.clone())).collect()
}

/// The form of an evening's pools and absences: ticked as stored, or as `asked` when a refused
/// form comes back.
fn attendance_page(
    layout: Layout,
    id: i64,
    choices: &market::AttendanceChoices,
    asked: Option<&market::Attendance>,
    errors: FormErrors,
) -> AttendancePage {
    let texts = layout.texts;
    let planning = &choices.planning;
    let (chairs, clerks, everyone) =
        (ids_and_names(&choices.chairs), ids_and_names(&choices.clerks), ids_and_names(&choices.everyone));
    let in_pool = |pool: &[Attendee], asked_pool: Option<&Vec<i64>>, person: i64| match asked_pool {
        Some(asked_pool) => asked_pool.contains(&person),
        None => pool.iter().any(|attendee| attendee.person_id == person),
    };
    let ticks =
        |people: &[(i64, String)], pool: &[Attendee], asked_pool: Option<&Vec<i64>>, prefix: &str| -> Vec<Tick> {
            people
                .iter()
                .map(|(person, name)| Tick {
                    id: format!("{prefix}-{person}"),
                    value: person.to_string(),
                    label: name.clone(),
                    checked: in_pool(pool, asked_pool, *person),
                })
                .collect()
        };
    let absent = |person: i64, round: i64| match asked {
        Some(asked) => asked.absences.contains(&(person, round)),
        None => planning
            .chairs
            .iter()
            .chain(&planning.clerks)
            .chain(&planning.portfolio_holders)
            .any(|a| a.person_id == person && a.absent_rounds.contains(&round)),
    };
    let absences = planning
        .rounds
        .iter()
        .map(|round| AbsenceRound {
            heading: round_text(&texts, "market-absent-in-round", round),
            ticks: everyone
                .iter()
                .map(|(person, name)| Tick {
                    id: format!("afwezig-{}-{person}", round.id),
                    value: format!("{person}:{}", round.id),
                    label: name.clone(),
                    checked: absent(*person, round.id),
                })
                .collect(),
        })
        .collect();
    AttendancePage {
        id,
        date: texts.weekday_date(planning.date),
        chairs: ticks(&chairs, &planning.chairs, asked.map(|asked| &asked.chairs), "voorzitter"),
        clerks: ticks(&clerks, &planning.clerks, asked.map(|asked| &asked.clerks), "griffiemedewerker"),
        absences,
        errors,
        layout: layout.trail(&[("/markt", "market-title")]),
    }
}

pub(crate) async fn attendance_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<AttendancePage> {
    let choices = market::attendance(state.app(), &caller, id).await?;
    Ok(attendance_page(layout, id, &choices, None, FormErrors::none()))
}

/// Stores the pools and absences ticked, or shows the form again, as ticked, with what is wrong
/// (someone who is no candidate, an empty pool).
pub(crate) async fn save_attendance(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    // A value that is no number names no one: kept as an id no one has, so it is refused.
    let person = |value: &str| value.trim().parse::<i64>().unwrap_or(i64::MIN);
    let people = |name: &str| -> Vec<i64> {
        fields.iter().filter(|(field, _)| field == name).map(|(_, value)| person(value)).collect()
    };
    let absences: Vec<(i64, i64)> = fields
        .iter()
        .filter(|(field, _)| field == "afwezig")
        .map(|(_, value)| match value.split_once(':') {
            Some((who, round)) => (person(who), person(round)),
            None => (i64::MIN, i64::MIN),
        })
        .collect();
    let attendance = market::Attendance { chairs: people("voorzitter"), clerks: people("griffiemedewerker"), absences };
    match market::set_attendance(state.app(), &caller, id, &attendance).await {
        Ok(()) => Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-attendance-saved"))),
        Err(MarketError::Fields(problems)) => {
            let errors = problems.into_iter().fold(FormErrors::none(), |errors, (field, message)| {
                errors.and(FormErrors::one(field, layout.t(message)))
            });
            let choices = market::attendance(state.app(), &caller, id).await?;
            let page = attendance_page(layout, id, &choices, Some(&attendance), errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
