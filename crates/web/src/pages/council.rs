//! The council's half of a session: the councillors' marks on the evening page (which parties
//! attend each session, who speaks for them, and for a councillor the buttons to mark), marking
//! (`POST /sessies/{id}/aanwezigheid`), a councillor's own page (`/mijn-raad`), the griffie's
//! weight of the spokespersons' rule (`/planner/woordvoerders`), and the clashes the planner names.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::council::{self, CouncilError, EveningCouncil, MAX_SPOKESPERSON_WEIGHT};
use wijkbeeld_app::market::{self as market_app, EveningPlanning, Problem};
use wijkbeeld_app::outcome::CommitmentView;
use wijkbeeld_domain::attendance::AttendanceRole;
use wijkbeeld_domain::planner::{Evening, Plan, SpokespersonClash};

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::pages::outcome::{CommitmentLine, commitment_line};

impl From<CouncilError> for AppError {
    fn from(error: CouncilError) -> Self {
        match error {
            CouncilError::Denied(denied) => denied.into(),
            CouncilError::NoMunicipality(missing) => missing.into(),
            CouncilError::NotFound(_) => AppError::NotFound,
            CouncilError::Store(error) => AppError::Store(error),
            // Refusals are shown on their pages; one that reaches here is a bug in a handler.
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// The reason for a refusal, in the viewer's language.
fn refusal(texts: &Texts, error: &CouncilError) -> Option<String> {
    Some(match error {
        CouncilError::NoPerson => texts.t("council-refused-no-person"),
        CouncilError::NoParty => texts.t("council-refused-no-party"),
        CouncilError::Parallel(other) => texts.with("council-refused-parallel", &[("other", Argument::Text(other))]),
        CouncilError::SpokespersonTaken(name) => {
            texts.with("council-refused-spokesperson-taken", &[("name", Argument::Text(name))])
        }
        CouncilError::Weight => {
            texts.with("council-weight-invalid", &[("max", Argument::Number(i64::from(MAX_SPOKESPERSON_WEIGHT)))])
        }
        _ => return None,
    })
}

// --- On the evening page ------------------------------------------------------------------------

/// A session with the parties that attend it, as the evening page lists them.
pub(crate) struct SessionParties {
    pub(crate) session_id: i64,
    pub(crate) subject: String,
    /// Round and room, once planned; empty when not.
    pub(crate) when: String,
    /// Each party attending, with its spokesperson when it has one ("SBH (woordvoerder: …)").
    pub(crate) parties: Vec<String>,
    /// The viewer's own mark, in words; empty without one.
    pub(crate) own: String,
    /// The viewer's own role's code, or empty.
    pub(crate) own_role: &'static str,
}

/// The council's section of the evening page.
#[derive(Default)]
pub(crate) struct EveningSection {
    pub(crate) sessions: Vec<SessionParties>,
    /// Whether the viewer marks sessions: then each has its buttons.
    pub(crate) may_mark: bool,
    /// For those who plan: the spokespersons the stored plan puts in two places, in words.
    pub(crate) clashes: Vec<String>,
}

/// The council's section of the evening page: every session of the evening in the order of the
/// plan (planned ones by round and room, then the others), with the parties attending.
pub(crate) fn evening_section(
    texts: &Texts,
    planning: &EveningPlanning,
    problem: &Problem,
    plan: &Plan,
    council: &EveningCouncil,
    can_plan: bool,
) -> EveningSection {
    let mut order: Vec<usize> = (0..planning.sessions.len()).collect();
    let placement = |index: usize| plan.placements.iter().find(|p| p.session == index);
    order.sort_by_key(|index| placement(*index).map_or((usize::MAX, usize::MAX), |p| (p.first_round, p.room)));
    let sessions = order
        .into_iter()
        .map(|index| {
            let row = &planning.sessions[index];
            let when = placement(index)
                .map(|p| {
                    texts.with(
                        "council-session-when",
                        &[
                            ("round", Argument::Number(p.first_round as i64 + 1)),
                            ("room", Argument::Text(problem.evening.rooms.get(p.room).map_or("", |r| r.name.as_str()))),
                        ],
                    )
                })
                .unwrap_or_default();
            let marks: Vec<_> = council.marks.iter().filter(|m| m.session_id == row.id).collect();
            let mut parties: Vec<String> = Vec::new();
            let mut seen: Vec<&str> = Vec::new();
            for mark in &marks {
                if seen.contains(&mark.party.as_str()) {
                    continue;
                }
                seen.push(&mark.party);
                let spokesperson =
                    marks.iter().find(|other| other.party == mark.party && other.role == AttendanceRole::Spokesperson);
                parties.push(match spokesperson {
                    Some(spokesperson) => texts.with(
                        "council-party-with-spokesperson",
                        &[("party", Argument::Text(&mark.party)), ("name", Argument::Text(&spokesperson.name))],
                    ),
                    None => mark.party.clone(),
                });
            }
            let own = council.own.iter().find(|(session, _)| *session == row.id).map(|(_, role)| *role);
            SessionParties {
                session_id: row.id,
                subject: row.subject.clone(),
                when,
                parties,
                own: own.map(|role| texts.t(&format!("council-own-{}", role.code()))).unwrap_or_default(),
                own_role: own.map_or("", AttendanceRole::code),
            }
        })
        .collect();
    let clashes = if can_plan {
        clash_texts(texts, &problem.evening, &wijkbeeld_domain::planner::spokesperson_clashes(&problem.evening, plan))
    } else {
        Vec::new()
    };
    EveningSection { sessions, may_mark: council.may_mark, clashes }
}

/// Each clash as a sentence: "<name> is woordvoerder in <A> en <B> in ronde N".
pub(crate) fn clash_texts(texts: &Texts, evening: &Evening, clashes: &[SpokespersonClash]) -> Vec<String> {
    let subject = |session: usize| evening.sessions.get(session).map_or("", |s| s.subject.as_str());
    clashes
        .iter()
        .map(|clash| {
            texts.with(
                "council-clash",
                &[
                    ("name", Argument::Text(&clash.name)),
                    ("first", Argument::Text(subject(clash.sessions.0))),
                    ("second", Argument::Text(subject(clash.sessions.1))),
                    ("round", Argument::Number(clash.round as i64 + 1)),
                ],
            )
        })
        .collect()
}

// --- Marking ------------------------------------------------------------------------------------

/// The marking form: which button was pressed.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct MarkForm {
    #[serde(default)]
    rol: String,
    /// The evening the form is on, for the way back after a refusal.
    #[serde(default)]
    avond: String,
}

/// A refused mark: the reason, and the way back.
#[derive(Template, WebTemplate)]
#[template(path = "council/refused.html")]
pub(crate) struct RefusedPage {
    layout: Layout,
    reason: String,
    back: String,
}

/// Marks the signed-in councillor in the session (`rol` = `aanwezig`, `woordvoerder`) or
/// removes their mark (`afmelden`), and goes back to the evening; a refusal answers 422 with
/// the reason.
pub(crate) async fn mark(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(form): Form<MarkForm>,
) -> AppResult<Response> {
    let role = match form.rol.trim() {
        "aanwezig" => Some(AttendanceRole::Attends),
        "woordvoerder" => Some(AttendanceRole::Spokesperson),
        "afmelden" => None,
        _ => {
            let page = RefusedPage {
                reason: layout.t("council-refused-unknown-role"),
                back: "/markt".to_owned(),
                layout: layout.trail(&[("/markt", "market-title")]),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    match council::set_attendance(state.app(), &caller, id, role).await {
        Ok(marked) => {
            let message = match marked.role {
                Some(AttendanceRole::Attends) => "notice-council-attends",
                Some(AttendanceRole::Spokesperson) => "notice-council-spokesperson",
                None => "notice-council-unmarked",
            };
            let to = format!("/markt/{}#aanwezigheid-{id}", marked.evening_id);
            Ok(notice::redirect(&to, Notice::new(message)))
        }
        Err(error) => match refusal(&layout.texts, &error) {
            Some(reason) => {
                let back = match form.avond.trim().parse::<i64>() {
                    Ok(evening) => format!("/markt/{evening}#aanwezigheid-{id}"),
                    Err(_) => "/markt".to_owned(),
                };
                let page = RefusedPage { reason, back, layout: layout.trail(&[("/markt", "market-title")]) };
                Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
            }
            None => Err(error.into()),
        },
    }
}

// --- The own page -------------------------------------------------------------------------------

/// A marked session as the own page lists it.
pub(crate) struct OwnSession {
    session_id: i64,
    evening_id: i64,
    date: String,
    evening: String,
    subject: String,
    room: String,
    round: String,
    role: String,
}

/// Open commitments of one portfolio holder.
pub(crate) struct HolderGroup {
    holder: String,
    rows: Vec<CommitmentLine>,
}

#[derive(Template, WebTemplate)]
#[template(path = "council/own.html")]
pub(crate) struct OwnPage {
    layout: Layout,
    party: String,
    sessions: Vec<OwnSession>,
    rows: Vec<CommitmentLine>,
    groups: Vec<HolderGroup>,
}

/// A councillor's own page: their sessions, the commitments made in them, and the open
/// commitments by portfolio holder. An account without a person is told so.
pub(crate) async fn own_page(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<Response> {
    let texts = layout.texts;
    let own = match council::own_page(state.app(), &caller).await {
        Ok(own) => own,
        Err(error) => {
            let Some(reason) = refusal(&texts, &error) else { return Err(error.into()) };
            let page = RefusedPage {
                reason,
                back: "/markt".to_owned(),
                layout: layout.trail(&[("/mijn-raad", "council-own-title")]),
            };
            return Ok((StatusCode::OK, page).into_response());
        }
    };
    let today = caller.today();
    let line =
        |row: &wijkbeeld_app::outcome::CommitmentRow| commitment_line(&texts, &CommitmentView::of(row.clone(), today));
    let sessions = own
        .sessions
        .iter()
        .map(|session| OwnSession {
            session_id: session.session_id,
            evening_id: session.evening_id,
            date: texts.weekday_date(session.date),
            evening: session.evening_title.clone(),
            subject: session.subject.clone(),
            room: session.room.clone().unwrap_or_default(),
            round: match (session.first_round, session.starts_at) {
                (Some(round), Some(start)) => texts.with(
                    "council-round-at",
                    &[("round", Argument::Number(round)), ("start", Argument::Text(&texts.clock(start)))],
                ),
                _ => texts.t("council-not-planned"),
            },
            role: texts
                .with(&format!("council-role-{}", session.role.code()), &[("party", Argument::Text(&session.party))]),
        })
        .collect();
    Ok(OwnPage {
        party: own.party.unwrap_or_default(),
        sessions,
        rows: own.commitments.iter().map(line).collect(),
        groups: own
            .open_by_holder
            .iter()
            .map(|(holder, rows)| HolderGroup {
                holder: if holder.is_empty() { texts.t("council-no-holder") } else { holder.clone() },
                rows: rows.iter().map(line).collect(),
            })
            .collect(),
        layout: layout.trail(&[("/mijn-raad", "council-own-title")]),
    }
    .into_response())
}

// --- The planner's weight -------------------------------------------------------------------------

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct WeightForm {
    #[serde(default)]
    gewicht: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "council/weight.html")]
pub(crate) struct WeightPage {
    layout: Layout,
    value: String,
    errors: FormErrors,
}

/// The form for how heavily the planner counts a spokesperson in two sessions at once.
pub(crate) async fn weight_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<WeightPage> {
    let weights = market_app::weights(state.app(), &caller).await?;
    Ok(WeightPage {
        value: weights.spokesperson_clash.to_string(),
        errors: FormErrors::none(),
        layout: layout.trail(&[("/markt", "market-title"), ("/planner/woordvoerders", "council-weight-title")]),
    })
}

/// Stores the weight, or shows the form again with what was typed and why it is refused.
pub(crate) async fn set_weight(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(form): Form<WeightForm>,
) -> AppResult<Response> {
    let error = match form.gewicht.trim().parse::<u32>() {
        Ok(weight) => match council::set_spokesperson_weight(state.app(), &caller, weight).await {
            Ok(_) => {
                return Ok(notice::redirect("/planner/woordvoerders", Notice::new("notice-council-weight-saved")));
            }
            Err(error) => error,
        },
        Err(_) => CouncilError::Weight,
    };
    let Some(reason) = refusal(&layout.texts, &error) else { return Err(error.into()) };
    let page = WeightPage {
        value: form.gewicht,
        errors: FormErrors::one("gewicht", reason),
        layout: layout.trail(&[("/markt", "market-title"), ("/planner/woordvoerders", "council-weight-title")]),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
