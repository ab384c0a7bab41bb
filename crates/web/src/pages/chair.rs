//! The griffie's and the chair's pages of a session's speakers: the printable list of
//! registrations with contact details and written contributions (per session and per evening),
//! the running order with planned times, moves and walk-ins, the chair's timer (plain forms:
//! start and stop), and the speaking time per speaker and party afterwards, also as CSV.
//!
//! Contact details appear on the list only, which only those who keep the speakers reach; the
//! running order and the timer show names, organisations and topics.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use time::OffsetDateTime;
use wijkbeeld_app::Caller;
use wijkbeeld_app::chair::{self, ChairError, ListedRegistration, RegistrationList, RunningOrder, WalkInRequest};
use wijkbeeld_app::speaking::SessionInfo;
use wijkbeeld_domain::local_time::in_dutch_time;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::speaking::{Direction, PartyTime, RegistrationField, WalkInForm, minutes_seconds};

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::exports::{Table, TableFormat, TableValue};
use crate::forms::{Choice, FormErrors};
use crate::i18n::Texts;
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::pages::file_response;
use crate::pages::speaking::problem_message;

impl From<ChairError> for AppError {
    fn from(error: ChairError) -> Self {
        match error {
            ChairError::Denied(denied) => denied.into(),
            ChairError::NoMunicipality(missing) => missing.into(),
            ChairError::NotFound(_) => AppError::NotFound,
            ChairError::NotRunning => AppError::WrongState,
            ChairError::Store(error) => AppError::Store(error),
            // Input problems are shown on their form; one that reaches here is a handler's bug.
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// A moment as a Dutch clock time with seconds.
fn clock_with_seconds(moment: OffsetDateTime) -> String {
    let local = in_dutch_time(moment);
    format!("{:02}:{:02}:{:02}", local.hour(), local.minute(), local.second())
}

// --- The griffie's list ------------------------------------------------------------------------------

/// One registration as the list shows it.
pub(crate) struct ListedRow {
    id: i64,
    name: String,
    organisation: String,
    topic: String,
    email: String,
    phone: String,
    consent: String,
    status: String,
    contribution: Option<String>,
    file_name: Option<String>,
}

/// One session's part of the list.
pub(crate) struct SessionList {
    id: i64,
    subject: String,
    facts: String,
    rows: Vec<ListedRow>,
}

fn listed_row(texts: &Texts, registration: &ListedRegistration) -> ListedRow {
    let erased = registration.contact_erased_at.is_some();
    let contact = |value: &Option<String>| match value {
        Some(value) => value.clone(),
        None if erased => texts.t("chair-contact-erased"),
        None => "–".to_owned(),
    };
    let status = match (registration.status, registration.position) {
        (RegistrationStatus::WaitingList, Some(position)) => {
            texts.with("chair-status-waiting", &[("count", crate::i18n::Argument::Number(position))])
        }
        (RegistrationStatus::Confirmed, _) if registration.walk_in => texts.t("chair-status-walk-in"),
        (status, _) => texts.t(&format!("chair-status-{}", status.code())),
    };
    ListedRow {
        id: registration.id,
        name: registration.name.clone(),
        organisation: registration.organisation.clone().unwrap_or_default(),
        topic: registration.topic.clone(),
        email: contact(&registration.email),
        phone: contact(&registration.phone),
        consent: texts.t(if registration.publish_name { "chair-consent-yes" } else { "chair-consent-no" }),
        status,
        contribution: registration.contribution.clone(),
        file_name: registration.file_name.clone(),
    }
}

/// The session's day and, once planned, its times: "dinsdag 12 januari 2027, 19:30–20:30".
fn day_and_times(texts: &Texts, info: &SessionInfo) -> String {
    let day = texts.weekday_date(info.date);
    match (info.starts_at, info.ends_at) {
        (Some(start), Some(end)) => format!("{day}, {}–{}", texts.clock(start), texts.clock(end)),
        _ => day,
    }
}

fn session_list(texts: &Texts, list: &RegistrationList) -> SessionList {
    let info = &list.session;
    let mut facts = day_and_times(texts, info);
    if let Some(room) = &info.room {
        facts = format!("{facts}, {room}");
    }
    SessionList {
        id: info.id,
        subject: info.subject.clone(),
        facts,
        rows: list.registrations.iter().map(|registration| listed_row(texts, registration)).collect(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "chair/registrations.html")]
pub(crate) struct RegistrationsPage {
    layout: Layout,
    heading: String,
    sessions: Vec<SessionList>,
    evening_id: i64,
    single: bool,
}

/// A session's registrations with contact details and contributions: printable.
pub(crate) async fn registrations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<RegistrationsPage> {
    let list = chair::registrations(state.app(), &caller, id).await?;
    let texts = layout.texts;
    let info = &list.session;
    Ok(RegistrationsPage {
        heading: info.subject.clone(),
        evening_id: info.evening_id,
        single: true,
        sessions: vec![session_list(&texts, &list)],
        layout: layout
            .trail(&[("/markt", "market-title"), ("", "speaking-session-title"), ("", "chair-registrations-title")])
            .with_crumb_link(2, &format!("/sessies/{}", info.id), &info.subject),
    })
}

/// An evening's registrations, session by session: printable.
pub(crate) async fn evening_registrations(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<RegistrationsPage> {
    let evening = chair::evening_registrations(state.app(), &caller, id).await?;
    let texts = layout.texts;
    let date = texts.weekday_date(evening.date);
    Ok(RegistrationsPage {
        heading: format!("{} {date}", evening.title),
        evening_id: id,
        single: false,
        sessions: evening.sessions.iter().map(|list| session_list(&texts, list)).collect(),
        layout: layout
            .trail(&[("/markt", "market-title"), ("", "market-title"), ("", "chair-registrations-title")])
            .with_crumb_link(2, &format!("/markt/{id}"), &date),
    })
}

/// A registration's written contribution as a PDF, for saving.
pub(crate) async fn contribution(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, registration)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (file_name, content) = chair::contribution_file(state.app(), &caller, id, registration).await?;
    Ok(file_response("application/pdf", &file_name, content))
}

// --- The running order, the timer and the times afterwards ------------------------------------------

/// One speaker in the running order.
pub(crate) struct TurnRow {
    id: i64,
    position: usize,
    name: String,
    organisation: String,
    topic: String,
    party: String,
    walk_in: bool,
    planned: String,
    allotted: String,
    spoken: String,
    remaining: String,
    over: bool,
    running: bool,
    started: String,
    ended: String,
    first: bool,
    last: bool,
}

/// The totals of one party (or of the residents).
pub(crate) struct TotalRow {
    party: String,
    speakers: usize,
    planned: String,
    spoken: String,
}

fn turn_rows(texts: &Texts, order: &RunningOrder) -> Vec<TurnRow> {
    let count = order.turns.len();
    order
        .turns
        .iter()
        .enumerate()
        .map(|(index, view)| {
            let turn = &view.turn;
            let remaining = view.remaining_seconds();
            TurnRow {
                id: turn.id,
                position: index + 1,
                name: turn.name.clone(),
                organisation: turn.organisation.clone().unwrap_or_default(),
                topic: turn.topic.clone(),
                party: turn.party.clone().unwrap_or_default(),
                walk_in: turn.walk_in,
                planned: view
                    .planned
                    .map(|(begin, end)| format!("{}–{}", texts.clock(begin), texts.clock(end)))
                    .unwrap_or_default(),
                allotted: minutes_seconds(view.planned_seconds),
                spoken: view.spoken_seconds.map(minutes_seconds).unwrap_or_default(),
                remaining: remaining.map(minutes_seconds).unwrap_or_default(),
                over: remaining.is_some_and(|seconds| seconds < 0),
                running: view.running,
                started: turn.started_at.map(clock_with_seconds).unwrap_or_default(),
                ended: turn.ended_at.map(clock_with_seconds).unwrap_or_default(),
                first: index == 0,
                last: index + 1 == count,
            }
        })
        .collect()
}

fn total_rows(texts: &Texts, totals: &[PartyTime]) -> Vec<TotalRow> {
    totals
        .iter()
        .map(|total| TotalRow {
            party: total.party.clone().unwrap_or_else(|| texts.t("chair-residents")),
            speakers: total.speakers,
            planned: minutes_seconds(total.planned_seconds),
            spoken: minutes_seconds(total.spoken_seconds),
        })
        .collect()
}

/// The walk-in form as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct WalkInFields {
    #[serde(default)]
    naam: String,
    #[serde(default)]
    organisatie: String,
    #[serde(default)]
    onderwerp: String,
    #[serde(default)]
    partij: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "chair/running_order.html")]
pub(crate) struct RunningOrderPage {
    layout: Layout,
    id: i64,
    subject: String,
    facts: String,
    minutes_each: String,
    turns: Vec<TurnRow>,
    totals: Vec<TotalRow>,
    parties: Vec<Choice>,
    typed: WalkInFields,
    errors: FormErrors,
    may_time: bool,
}

fn session_facts(texts: &Texts, order: &RunningOrder) -> String {
    let info = &order.session;
    let mut facts = day_and_times(texts, info);
    if let Some(chair) = &info.chair {
        facts =
            format!("{facts} · {}", texts.with("chair-chaired-by", &[("name", crate::i18n::Argument::Text(chair))]));
    }
    facts
}

fn running_order_page(
    layout: Layout,
    order: &RunningOrder,
    typed: WalkInFields,
    errors: FormErrors,
) -> RunningOrderPage {
    let texts = layout.texts;
    let info = &order.session;
    RunningOrderPage {
        id: info.id,
        subject: info.subject.clone(),
        facts: session_facts(&texts, order),
        minutes_each: texts
            .with("chair-minutes-each", &[("count", crate::i18n::Argument::Number(i64::from(order.minutes_each)))]),
        turns: turn_rows(&texts, order),
        totals: total_rows(&texts, &order.totals),
        parties: order
            .parties
            .iter()
            .map(|party| Choice { value: party.id.get().to_string(), label: party.short_name.clone() })
            .collect(),
        typed,
        errors,
        may_time: order.may_time,
        layout: layout
            .trail(&[("/markt", "market-title"), ("", "speaking-session-title"), ("", "chair-order-title")])
            .with_crumb_link(2, &format!("/sessies/{}", info.id), &info.subject),
    }
}

/// The running order: planned times, moves, the walk-in form and the times afterwards.
pub(crate) async fn running_order(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<RunningOrderPage> {
    let order = chair::running_order(state.app(), &caller, id).await?;
    Ok(running_order_page(layout, &order, WalkInFields::default(), FormErrors::none()))
}

/// A move as sent.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct MoveFields {
    #[serde(default)]
    richting: String,
}

/// Moves a speaker one place up or down and shows the order again.
pub(crate) async fn move_speaker(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, registration)): Path<(i64, i64)>,
    Form(fields): Form<MoveFields>,
) -> AppResult<Response> {
    let Some(direction) = Direction::from_code(fields.richting.trim()) else {
        return Err(AppError::NotFound);
    };
    chair::move_speaker(state.app(), &caller, id, registration, direction).await?;
    Ok(notice::redirect(&format!("/sessies/{id}/sprekers#spreker-{registration}"), Notice::new("notice-speaker-moved")))
}

/// Adds a walk-in speaker, or shows the order again with the form as typed (422).
pub(crate) async fn add_walk_in(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(typed): Form<WalkInFields>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let party = typed.partij.trim();
    let party_id = if party.is_empty() { Ok(None) } else { party.parse::<i64>().map(Some) };
    let errors = match party_id {
        Err(_) => FormErrors::one("partij", texts.t("chair-error-party")),
        Ok(party_id) => {
            let request = WalkInRequest {
                form: WalkInForm {
                    name: typed.naam.clone(),
                    organisation: typed.organisatie.clone(),
                    topic: typed.onderwerp.clone(),
                },
                party_id,
            };
            match chair::add_walk_in(state.app(), &caller, id, &request).await {
                Ok(registration) => {
                    return Ok(notice::redirect(
                        &format!("/sessies/{id}/sprekers#spreker-{registration}"),
                        Notice::new("notice-walk-in-added"),
                    ));
                }
                Err(ChairError::Invalid(problems)) => problems.iter().fold(FormErrors::none(), |errors, problem| {
                    let field = match problem.field() {
                        RegistrationField::Name => "naam",
                        RegistrationField::Organisation => "organisatie",
                        _ => "onderwerp",
                    };
                    errors.and(FormErrors::one(field, problem_message(&texts, *problem)))
                }),
                Err(ChairError::UnknownParty) => FormErrors::one("partij", texts.t("chair-error-party")),
                Err(other) => return Err(other.into()),
            }
        }
    };
    let order = chair::running_order(state.app(), &caller, id).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, running_order_page(layout, &order, typed, errors)).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "chair/timer.html")]
pub(crate) struct TimerPage {
    layout: Layout,
    id: i64,
    subject: String,
    facts: String,
    minutes_each: String,
    turns: Vec<TurnRow>,
    totals: Vec<TotalRow>,
    now: String,
    may_manage: bool,
}

/// The chair's timer: per speaker in order a start and a stop button, the time spoken and left.
pub(crate) async fn timer(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<TimerPage> {
    let order = chair::timer(state.app(), &caller, id).await?;
    let texts = layout.texts;
    let info = &order.session;
    Ok(TimerPage {
        id: info.id,
        subject: info.subject.clone(),
        facts: session_facts(&texts, &order),
        minutes_each: texts
            .with("chair-minutes-each", &[("count", crate::i18n::Argument::Number(i64::from(order.minutes_each)))]),
        turns: turn_rows(&texts, &order),
        totals: total_rows(&texts, &order.totals),
        now: clock_with_seconds(order.now),
        may_manage: order.may_manage,
        layout: layout
            .trail(&[("/markt", "market-title"), ("", "speaking-session-title"), ("", "chair-timer-title")])
            .with_crumb_link(2, &format!("/sessies/{}", info.id), &info.subject),
    })
}

/// Starts a speaker's time (stopping the one running) and shows the timer again.
pub(crate) async fn start(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, registration)): Path<(i64, i64)>,
) -> AppResult<Response> {
    chair::start_turn(state.app(), &caller, id, registration).await?;
    Ok(notice::redirect(
        &format!("/sessies/{id}/voorzitter#spreker-{registration}"),
        Notice::new("notice-turn-started"),
    ))
}

/// Stops a speaker's time and shows the timer again.
pub(crate) async fn stop(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, registration)): Path<(i64, i64)>,
) -> AppResult<Response> {
    chair::stop_turn(state.app(), &caller, id, registration).await?;
    Ok(notice::redirect(
        &format!("/sessies/{id}/voorzitter#spreker-{registration}"),
        Notice::new("notice-turn-stopped"),
    ))
}

/// The speaking time per speaker as CSV.
pub(crate) async fn export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let order = chair::running_order(state.app(), &caller, id).await?;
    let texts = layout.texts;
    let headers = [
        "chair-column-position",
        "chair-column-name",
        "chair-column-party",
        "chair-column-planned-time",
        "chair-column-allotted",
        "chair-column-spoken",
    ]
    .iter()
    .map(|id| texts.t(id))
    .collect();
    let mut table = Table::new(texts.t("chair-afterwards-heading"), headers);
    for row in turn_rows(&texts, &order) {
        table.push(vec![
            TableValue::Number(row.position as f64),
            TableValue::Text(row.name),
            if row.party.is_empty() {
                TableValue::Text(texts.t("chair-residents"))
            } else {
                TableValue::Text(row.party)
            },
            TableValue::Text(row.planned),
            TableValue::Text(row.allotted),
            if row.spoken.is_empty() { TableValue::Empty } else { TableValue::Text(row.spoken) },
        ]);
    }
    table.respond(TableFormat::Csv, &format!("spreektijd-sessie-{id}"))
}
