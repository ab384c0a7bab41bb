//! Creating and editing a market evening (its date, title, rounds and rooms in use), and
//! publishing it or withdrawing its publication: the griffie's forms, each refused with every
//! problem beside its field and the input kept, and each change answered with a redirect to the
//! evening and a confirmation.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use time::Time;
use wijkbeeld_app::Caller;
use wijkbeeld_app::market::{self, EveningInput, EveningPlanning, EveningProblem, MAX_TITLE_LENGTH, MarketError};
use wijkbeeld_domain::market::{Room, RoundProblem};

use crate::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::pages::proposals::form::{dutch_date, parse_date};

/// How many round rows a new evening's form offers; an evening's form offers one more than it
/// has, and at least this many.
const ROUND_ROWS: usize = 3;
/// The most round rows a posted form is read for.
const MAX_ROUND_ROWS: usize = 12;
/// The rounds a new evening's form is filled in with (the council's usual evening).
const USUAL_ROUNDS: [(&str, &str); 2] = [("19:30", "21:00"), ("21:15", "22:45")];

/// A round's row of the form, as shown or as typed.
pub(crate) struct RoundFields {
    /// The row's number, from 1.
    number: usize,
    /// The stored round's id, when the row is one of the evening's rounds.
    id: String,
    start: String,
    end: String,
    start_field: String,
    end_field: String,
}

/// A room's checkbox.
pub(crate) struct RoomTick {
    id: i64,
    label: String,
    checked: bool,
}

/// Another evening on the date asked for, to link to.
pub(crate) struct TakenDate {
    id: i64,
    date: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "market/evening_form.html")]
pub(crate) struct EveningFormPage {
    layout: Layout,
    /// The evening edited; `None` for a new one.
    evening: Option<i64>,
    heading: String,
    intro: String,
    submit: String,
    date: String,
    title: String,
    rounds: Vec<RoundFields>,
    rooms: Vec<RoomTick>,
    taken: Option<TakenDate>,
    errors: FormErrors,
}

impl EveningFormPage {
    /// Where the form posts.
    fn action(&self) -> String {
        match self.evening {
            Some(id) => format!("/markt/{id}/bewerken"),
            None => "/markt/nieuw".to_owned(),
        }
    }
}

/// The form as typed: every field by name, in order.
type Fields = Vec<(String, String)>;

fn field<'f>(fields: &'f Fields, name: &str) -> &'f str {
    fields.iter().find(|(field, _)| field == name).map_or("", |(_, value)| value.as_str())
}

fn round_row(number: usize, id: String, start: String, end: String) -> RoundFields {
    RoundFields {
        number,
        id,
        start,
        end,
        start_field: format!("ronde-{number}-begin"),
        end_field: format!("ronde-{number}-einde"),
    }
}

/// The round rows as posted: as many as the form had (counted by their fields), at least
/// [`ROUND_ROWS`].
fn posted_rounds(fields: &Fields) -> Vec<RoundFields> {
    let rows = fields
        .iter()
        .filter_map(|(name, _)| name.strip_prefix("ronde-")?.split_once('-')?.0.parse::<usize>().ok())
        .filter(|number| (1..=MAX_ROUND_ROWS).contains(number))
        .max()
        .unwrap_or(0)
        .max(ROUND_ROWS);
    (1..=rows)
        .map(|number| {
            let value = |part: &str| field(fields, &format!("ronde-{number}-{part}")).trim().to_owned();
            round_row(number, value("id"), value("begin"), value("einde"))
        })
        .collect()
}

fn room_ticks(rooms: &[Room], ticked: impl Fn(i64) -> bool) -> Vec<RoomTick> {
    rooms
        .iter()
        .map(|room| RoomTick { id: room.id.get(), label: room.name.clone(), checked: ticked(room.id.get()) })
        .collect()
}

/// A time of day typed as 19:30, 19.30 or 9:30 (a time field sends 19:30, or 19:30:00).
fn parse_clock(text: &str) -> Option<Time> {
    let (hour, rest) = text.trim().split_once([':', '.'])?;
    let minute = rest.split_once(':').map_or(rest, |(minute, _)| minute);
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
        return None;
    }
    Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()
}

/// What the form says, read: the evening's input with, for each round given, its row number;
/// or the problems that keep it from being read (a date or time that is none, a round half
/// filled in).
fn read(texts: &Texts, fields: &Fields, rows: &[RoundFields]) -> Result<(EveningInput, Vec<usize>), FormErrors> {
    let mut errors = FormErrors::none();
    let date_text = field(fields, "datum").trim();
    let date = if date_text.is_empty() {
        errors = errors.and(FormErrors::one("datum", texts.t("error-evening-date-required")));
        None
    } else {
        let date = parse_date(date_text);
        if date.is_none() {
            errors = errors.and(FormErrors::one("datum", texts.t("error-date-format")));
        }
        date
    };
    let mut rounds = Vec::new();
    let mut numbers = Vec::new();
    for row in rows {
        if row.start.is_empty() && row.end.is_empty() {
            continue;
        }
        let number = Argument::Number(row.number as i64);
        if row.start.is_empty() || row.end.is_empty() {
            let empty = if row.start.is_empty() { &row.start_field } else { &row.end_field };
            errors = errors.and(FormErrors::one(empty, texts.with("error-round-incomplete", &[("number", number)])));
            continue;
        }
        let (start, end) = (parse_clock(&row.start), parse_clock(&row.end));
        for (time, name) in [(start, &row.start_field), (end, &row.end_field)] {
            if time.is_none() {
                errors = errors.and(FormErrors::one(name, texts.t("error-round-time")));
            }
        }
        // A round id that is no number names no round: kept as one no round has, so it is refused.
        let id = (!row.id.is_empty()).then(|| row.id.parse::<i64>().unwrap_or(i64::MIN));
        if let (Some(start), Some(end)) = (start, end) {
            rounds.push((id, start, end));
            numbers.push(row.number);
        }
    }
    let rooms = fields
        .iter()
        .filter(|(name, _)| name == "zaal")
        .map(|(_, value)| value.trim().parse::<i64>().unwrap_or(i64::MIN))
        .collect();
    match date {
        Some(date) if errors.is_empty() => {
            Ok((EveningInput { date, title: field(fields, "titel").to_owned(), rounds, rooms }, numbers))
        }
        _ => Err(errors),
    }
}

/// The problems the application found, beside their fields in the order of the form, and the
/// other evening on the date asked for, if that was one of them.
async fn problems(
    state: &AppState,
    caller: &Caller,
    texts: &Texts,
    problems: Vec<EveningProblem>,
    rows: &[RoundFields],
    numbers: &[usize],
) -> AppResult<(FormErrors, Option<TakenDate>)> {
    let mut placed: Vec<(usize, FormErrors)> = Vec::new();
    let mut taken = None;
    let row_of = |index: usize| numbers.get(index).copied().unwrap_or(1);
    let start = |number: usize| format!("ronde-{number}-begin");
    let end = |number: usize| format!("ronde-{number}-einde");
    for problem in problems {
        let (rank, name, message) = match problem {
            EveningProblem::DateTaken { evening_id } => {
                let date = match market::evening(state.app(), caller, evening_id).await {
                    Ok(view) => texts.weekday_date(view.planning.date),
                    Err(_) => String::new(),
                };
                let message = texts.with("error-evening-date-taken", &[("date", Argument::Text(&date))]);
                taken = Some(TakenDate { id: evening_id, date });
                (0, "datum".to_owned(), message)
            }
            EveningProblem::TitleEmpty => (1, "titel".to_owned(), texts.t("error-evening-title-empty")),
            EveningProblem::TitleTooLong => (
                1,
                "titel".to_owned(),
                texts.with("error-too-long", &[("count", Argument::Number(MAX_TITLE_LENGTH as i64))]),
            ),
            EveningProblem::TitleControlCharacters => (1, "titel".to_owned(), texts.t("error-control-characters")),
            EveningProblem::NoRound => (2, start(1), texts.t("error-evening-no-round")),
            EveningProblem::Round(RoundProblem::EndsBeforeStart(index)) => {
                let number = row_of(index);
                let message =
                    texts.with("error-round-ends-before-start", &[("number", Argument::Number(number as i64))]);
                (2 + number, end(number), message)
            }
            EveningProblem::Round(RoundProblem::StartsBeforePreviousEnds(index)) => {
                let number = row_of(index);
                let message = texts.with("error-round-overlaps", &[("number", Argument::Number(number as i64))]);
                (2 + number, start(number), message)
            }
            EveningProblem::UnknownRound => (2, start(1), texts.t("error-choose-from-list")),
            EveningProblem::RoundInUse { round_id, position, subject } => {
                let number = rows.iter().find(|row| row.id == round_id.to_string()).map_or(1, |row| row.number);
                let message = texts.with(
                    "error-round-in-use",
                    &[("number", Argument::Number(position)), ("subject", Argument::Text(&subject))],
                );
                (2 + number, start(number), message)
            }
            EveningProblem::NoRoom => (100, "zalen".to_owned(), texts.t("error-evening-no-room")),
            EveningProblem::UnknownRoom => (100, "zalen".to_owned(), texts.t("error-choose-from-list")),
            EveningProblem::RoomInUse { room, subject } => (
                100,
                "zalen".to_owned(),
                texts.with(
                    "error-room-in-use",
                    &[("room", Argument::Text(&room)), ("subject", Argument::Text(&subject))],
                ),
            ),
        };
        placed.push((rank, FormErrors::one(name, message)));
    }
    placed.sort_by_key(|(rank, _)| *rank);
    let errors = placed.into_iter().fold(FormErrors::none(), |errors, (_, more)| errors.and(more));
    Ok((errors, taken))
}

/// The form of a new evening, filled in with the usual title and rounds and every room ticked.
pub(crate) async fn new_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<EveningFormPage> {
    let rooms = market::rooms(state.app(), &caller).await?;
    let rounds = (1..=ROUND_ROWS)
        .map(|number| {
            let (start, end) = USUAL_ROUNDS.get(number - 1).copied().unwrap_or_default();
            round_row(number, String::new(), start.to_owned(), end.to_owned())
        })
        .collect();
    Ok(new_page(layout, String::new(), None, rounds, room_ticks(&rooms, |_| true), None, FormErrors::none()))
}

fn new_page(
    layout: Layout,
    date: String,
    title: Option<String>,
    rounds: Vec<RoundFields>,
    rooms: Vec<RoomTick>,
    taken: Option<TakenDate>,
    errors: FormErrors,
) -> EveningFormPage {
    EveningFormPage {
        evening: None,
        heading: layout.t("market-new-title"),
        intro: layout.t("market-new-intro"),
        submit: layout.t("market-new-submit"),
        title: title.unwrap_or_else(|| layout.t("market-default-title")),
        date,
        rounds,
        rooms,
        taken,
        errors,
        layout: layout.trail(&[("/markt", "market-title"), ("/markt/nieuw", "market-new-title")]),
    }
}

/// Creates the evening and goes to it, or shows the form again as typed with every problem.
pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(fields): Form<Fields>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let rooms = market::rooms(state.app(), &caller).await?;
    let rows = posted_rounds(&fields);
    let (errors, taken) = match read(&texts, &fields, &rows) {
        Ok((input, numbers)) => match market::new_evening(state.app(), &caller, &input).await {
            Ok(id) => return Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-evening-created"))),
            Err(MarketError::Evening(found)) => problems(&state, &caller, &texts, found, &rows, &numbers).await?,
            Err(other) => return Err(other.into()),
        },
        Err(errors) => (errors, None),
    };
    let ticked = ticked_rooms(&fields);
    let page = new_page(
        layout,
        field(&fields, "datum").to_owned(),
        Some(field(&fields, "titel").to_owned()),
        rows,
        room_ticks(&rooms, |room| ticked.contains(&room)),
        taken,
        errors,
    );
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

fn ticked_rooms(fields: &Fields) -> Vec<i64> {
    fields.iter().filter(|(name, _)| name == "zaal").filter_map(|(_, value)| value.trim().parse().ok()).collect()
}

fn edit_page(
    layout: Layout,
    planning: &EveningPlanning,
    fields: Option<(String, String, Vec<RoundFields>, Vec<RoomTick>)>,
    rooms: &[Room],
    taken: Option<TakenDate>,
    errors: FormErrors,
) -> EveningFormPage {
    let (date, title, rounds, rooms) = fields.unwrap_or_else(|| {
        let texts = layout.texts;
        let mut rounds: Vec<RoundFields> = planning
            .rounds
            .iter()
            .enumerate()
            .map(|(index, round)| {
                round_row(index + 1, round.id.to_string(), texts.clock(round.starts_at), texts.clock(round.ends_at))
            })
            .collect();
        while rounds.len() < ROUND_ROWS.max(planning.rounds.len() + 1) {
            rounds.push(round_row(rounds.len() + 1, String::new(), String::new(), String::new()));
        }
        let ticks = room_ticks(rooms, |room| planning.rooms.iter().any(|used| used.id == room));
        (dutch_date(planning.date), planning.title.clone(), rounds, ticks)
    });
    let id = planning.id;
    let evening_date = layout.texts.weekday_date(planning.date);
    EveningFormPage {
        evening: Some(id),
        heading: layout.t("market-edit-title"),
        intro: layout.t("market-edit-intro"),
        submit: layout.t("market-edit-submit"),
        date,
        title,
        rounds,
        rooms,
        taken,
        errors,
        layout: layout
            .trail(&[("/markt", "market-title"), ("/markt", "market-title"), ("", "market-edit-title")])
            .with_crumb_link(2, &format!("/markt/{id}"), &evening_date),
    }
}

/// The form of an evening as stored.
pub(crate) async fn edit_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<EveningFormPage> {
    let (planning, rooms) = market::evening_form(state.app(), &caller, id).await?;
    Ok(edit_page(layout, &planning, None, &rooms, None, FormErrors::none()))
}

/// Stores the evening's new date, title, rounds and rooms and goes to it, or shows the form again
/// as typed with every problem (a round or room that still has a session among them).
pub(crate) async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(fields): Form<Fields>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let (planning, rooms) = market::evening_form(state.app(), &caller, id).await?;
    let rows = posted_rounds(&fields);
    let (errors, taken) = match read(&texts, &fields, &rows) {
        Ok((input, numbers)) => match market::edit_evening(state.app(), &caller, id, &input).await {
            Ok(()) => return Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-evening-saved"))),
            Err(MarketError::Evening(found)) => problems(&state, &caller, &texts, found, &rows, &numbers).await?,
            Err(other) => return Err(other.into()),
        },
        Err(errors) => (errors, None),
    };
    let ticked = ticked_rooms(&fields);
    let typed = (
        field(&fields, "datum").to_owned(),
        field(&fields, "titel").to_owned(),
        rows,
        room_ticks(&rooms, |room| ticked.contains(&room)),
    );
    let page = edit_page(layout, &planning, Some(typed), &rooms, taken, errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// Publishes the evening: the public sees it, its sessions and their proposals.
pub(crate) async fn publish(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    market::set_published(state.app(), &caller, id, true).await?;
    Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-evening-published")))
}

/// Withdraws the evening's publication: the public no longer finds it.
pub(crate) async fn unpublish(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    market::set_published(state.app(), &caller, id, false).await?;
    Ok(notice::redirect(&format!("/markt/{id}"), Notice::new("notice-evening-unpublished")))
}
