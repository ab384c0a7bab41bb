//! Spreekrecht on the site: the public session page (its speaking rules in words, the count of
//! registered speakers and the names published with consent, and the form to register while
//! registration is open), the registrant's private page behind the link `/aanmelding/{token}` to
//! change or cancel, and the griffie's form for a session's speaking rules.
//!
//! Contact details never reach a page here: the session page shows counts and consented names,
//! and the private page shows what the registrant may change, not their address.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use time::Time;
use wijkbeeld_app::Caller;
use wijkbeeld_app::secrets;
use wijkbeeld_app::speaking::{
    self, Change, RegistrationView, Request, RulesInput, RulesProblem, SessionView, SpeakingError, Upload,
};
use wijkbeeld_domain::local_time::{dutch_moment, in_dutch_time};
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::speaking::{
    Closed, MAX_NAME, MAX_ORGANISATION, MAX_TOPIC, RegistrationField, RegistrationForm, RegistrationProblem,
};

use crate::error::{AppError, AppResult};
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::limits::ClientAddress;
use crate::notice::{self, Notice};
use crate::pages::proposals::form::{dutch_date, parse_date};
use crate::pages::upload_fields;

impl From<SpeakingError> for AppError {
    fn from(error: SpeakingError) -> Self {
        match error {
            SpeakingError::Denied(denied) => denied.into(),
            SpeakingError::NoMunicipality(missing) => missing.into(),
            SpeakingError::NotFound(_) | SpeakingError::Gone => AppError::NotFound,
            SpeakingError::TooManyRequests { retry_after } => AppError::TooManyRequests { retry_after },
            SpeakingError::Store(error) => AppError::Store(error),
            SpeakingError::Secret(error) => AppError::Secret(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// The form field of a registration's field.
fn form_field(field: RegistrationField) -> &'static str {
    match field {
        RegistrationField::Name => "naam",
        RegistrationField::Email => "email",
        RegistrationField::Phone => "telefoon",
        RegistrationField::Organisation => "organisatie",
        RegistrationField::Topic => "onderwerp",
        RegistrationField::Contribution => "bijdrage",
        RegistrationField::File => "bestand",
    }
}

/// A registration problem in words.
pub(crate) fn problem_message(texts: &Texts, problem: RegistrationProblem) -> String {
    let count = |id: &str, count: usize| texts.with(id, &[("count", Argument::Number(count as i64))]);
    match problem {
        RegistrationProblem::NameTooLong => count("error-too-long", MAX_NAME),
        RegistrationProblem::OrganisationTooLong => count("error-too-long", MAX_ORGANISATION),
        RegistrationProblem::TopicTooLong => count("error-too-long", MAX_TOPIC),
        RegistrationProblem::ContributionTooLong => {
            count("error-too-long", wijkbeeld_domain::speaking::MAX_CONTRIBUTION_TEXT)
        }
        RegistrationProblem::ControlCharacters(_) => texts.t("error-control-characters"),
        other => texts.t(&format!("error-speaker-{}", other.code())),
    }
}

/// Why registration is closed, in words.
pub(crate) fn closed_reason(texts: &Texts, closed: Closed) -> String {
    texts.t(&format!("speaking-closed-{}", closed.code()))
}

/// A registration's form as shown or typed.
#[derive(Debug, Default)]
pub(crate) struct Typed {
    name: String,
    email: String,
    phone: String,
    organisation: String,
    topic: String,
    contribution: String,
    publish_name: bool,
    /// The idempotency key: made when the form is shown, so that a double submit registers once.
    key: String,
}

impl Typed {
    fn fresh() -> Typed {
        Typed { publish_name: true, key: secrets::new_token().unwrap_or_default(), ..Typed::default() }
    }

    fn form(&self) -> RegistrationForm {
        RegistrationForm {
            name: self.name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            organisation: self.organisation.clone(),
            topic: self.topic.clone(),
            contribution: self.contribution.clone(),
            publish_name: self.publish_name,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "speaking/session.html")]
pub(crate) struct SessionPage {
    layout: Layout,
    id: i64,
    subject: String,
    proposal_id: i64,
    evening_id: i64,
    published: bool,
    facts: Vec<(String, String)>,
    rules: Vec<String>,
    note: Option<String>,
    counts: String,
    names: Vec<String>,
    closed: Option<String>,
    typed: Typed,
    errors: FormErrors,
    may_manage: bool,
    may_chair: bool,
}

/// The facts of a session: day, time, room, chair.
fn facts(texts: &Texts, session: &SessionView) -> Vec<(String, String)> {
    let info = &session.info;
    let mut facts = vec![(texts.t("speaking-fact-date"), texts.weekday_date(info.date))];
    if let (Some(start), Some(end)) = (info.starts_at, info.ends_at) {
        facts.push((texts.t("speaking-fact-time"), format!("{}–{}", texts.clock(start), texts.clock(end))));
    }
    if let Some(room) = &info.room {
        facts.push((texts.t("speaking-fact-room"), room.clone()));
    }
    if let Some(chair) = &info.chair {
        facts.push((texts.t("field-chair"), chair.clone()));
    }
    facts
}

/// The speaking rules in words.
fn rules_in_words(texts: &Texts, session: &SessionView) -> Vec<String> {
    let speaking = &session.info.speaking;
    if speaking.rules.allowed != Some(true) {
        return vec![texts.t("speaking-rule-not-allowed")];
    }
    let number = |value: u16| Argument::Number(i64::from(value));
    let mut words =
        vec![texts.t(if speaking.may_join { "speaking-rule-may-join" } else { "speaking-rule-speak-only" })];
    if let Some(minutes) = session.minutes_per_speaker {
        words.push(texts.with("speaking-rule-minutes", &[("count", number(minutes))]));
    }
    if let Some(total) = speaking.total_minutes {
        words.push(texts.with("speaking-rule-total", &[("count", number(total))]));
    }
    match session.places {
        Some(places) => words.push(texts.with("speaking-rule-places", &[("count", number(places))])),
        None => words.push(texts.t("speaking-rule-no-limit")),
    }
    if let Some(deadline) = speaking.rules.deadline {
        let local = in_dutch_time(deadline);
        let moment = format!("{} {}", texts.weekday_date(local.date()), texts.clock(local.time()));
        words.push(texts.with("speaking-rule-deadline", &[("moment", Argument::Text(&moment))]));
    }
    words
}

fn session_page(layout: Layout, session: SessionView, typed: Typed, errors: FormErrors) -> SessionPage {
    let texts = layout.texts;
    let info = &session.info;
    let mut counts = texts.count("speaking-counts-confirmed", info.confirmed);
    if info.waitlisted > 0 {
        counts = format!("{counts} {}", texts.count("speaking-counts-waiting", info.waitlisted));
    }
    let date = texts.weekday_date(info.date);
    SessionPage {
        id: info.id,
        subject: info.subject.clone(),
        proposal_id: info.proposal_id,
        evening_id: info.evening_id,
        published: info.published,
        facts: facts(&texts, &session),
        rules: rules_in_words(&texts, &session),
        note: info.speaking.rules.note.clone(),
        counts,
        names: info.published_names.clone(),
        closed: session.closed.map(|closed| closed_reason(&texts, closed)),
        typed,
        errors,
        may_manage: session.may_manage,
        may_chair: session.may_chair,
        layout: layout
            .trail(&[("/markt", "market-title"), ("", "market-title"), ("", "speaking-session-title")])
            .with_crumb_link(2, &format!("/markt/{}", info.evening_id), &date)
            .with_last_crumb(&info.subject),
    }
}

/// A session's public page: its facts, its speaking rules, and the form while registration is
/// open. A session of an unpublished evening is not found for the public.
pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<SessionPage> {
    let session = speaking::session(state.app(), &caller, id).await?;
    Ok(session_page(layout, session, Typed::fresh(), FormErrors::none()))
}

use crate::AppState;

/// The registration form as sent: its fields and the file, if one was chosen.
async fn read_upload(multipart: &mut Multipart) -> AppResult<(Typed, Option<(String, Vec<u8>)>, bool)> {
    let mut typed = Typed::default();
    let mut file = None;
    let mut remove_file = false;
    for field in upload_fields(multipart).await? {
        let text = || String::from_utf8_lossy(&field.content).into_owned();
        match field.name.as_str() {
            "naam" => typed.name = text(),
            "email" => typed.email = text(),
            "telefoon" => typed.phone = text(),
            "organisatie" => typed.organisation = text(),
            "onderwerp" => typed.topic = text(),
            "bijdrage" => typed.contribution = text(),
            "naam-publiceren" => typed.publish_name = true,
            "bestand-verwijderen" => remove_file = true,
            "sleutel" => typed.key = text(),
            "bestand" if !field.file_name.trim().is_empty() || !field.content.is_empty() => {
                file = Some((field.file_name.clone(), field.content.clone()));
            }
            _ => {}
        }
    }
    Ok((typed, file, remove_file))
}

fn registration_errors(texts: &Texts, problems: &[RegistrationProblem]) -> FormErrors {
    problems.iter().fold(FormErrors::none(), |errors, problem| {
        errors.and(FormErrors::one(form_field(problem.field()), problem_message(texts, *problem)))
    })
}

/// Registers to speak and goes to the registrant's private page with a confirmation; or shows
/// the session page again as typed with every problem (422), or with why registration is closed
/// (409).
pub(crate) async fn register(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    client: ClientAddress,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let texts = layout.texts;
    let (typed, file, _) = read_upload(&mut multipart).await?;
    let form = typed.form();
    let upload = file.as_ref().map(|(file_name, content)| Upload { file_name, content });
    let key = (!typed.key.trim().is_empty()).then(|| typed.key.trim());
    let language = texts.language().code();
    let request = Request { form: &form, file: upload, idempotency_key: key, client: &client.0, language };
    let (status, errors) = match speaking::register(state.app(), &caller, id, request).await {
        Ok(registered) => {
            let Some(token) = registered.token else {
                return Ok(notice::redirect(&format!("/sessies/{id}"), Notice::new("notice-registration-repeated")));
            };
            let notice = match registered.position {
                Some(position) => Notice::counted("notice-registration-waitlisted", position),
                None => Notice::new("notice-registration-confirmed"),
            };
            return Ok(notice::redirect(&format!("/aanmelding/{token}"), notice));
        }
        Err(SpeakingError::Invalid(problems)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, registration_errors(&texts, &problems))
        }
        Err(SpeakingError::Closed(closed)) => {
            (StatusCode::CONFLICT, FormErrors::one("aanmelden", closed_reason(&texts, closed)))
        }
        Err(SpeakingError::InvalidKey) => {
            (StatusCode::UNPROCESSABLE_ENTITY, FormErrors::one("aanmelden", texts.t("error-idempotency-key")))
        }
        Err(other) => return Err(other.into()),
    };
    let session = speaking::session(state.app(), &caller, id).await?;
    Ok((status, session_page(layout, session, typed, errors)).into_response())
}

// --- The private link ------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "speaking/registration.html")]
pub(crate) struct RegistrationPage {
    layout: Layout,
    token: String,
    session_id: i64,
    subject: String,
    facts: Vec<(String, String)>,
    status: String,
    name: String,
    topic: String,
    contribution: String,
    file_name: Option<String>,
    publish_name: bool,
    errors: FormErrors,
}

fn registration_page(
    layout: Layout,
    token: &str,
    view: RegistrationView,
    typed: Option<Typed>,
    errors: FormErrors,
) -> RegistrationPage {
    let texts = layout.texts;
    let record = &view.record;
    let status = match (record.status, view.position) {
        (RegistrationStatus::WaitingList, Some(position)) => {
            texts.with("registration-status-waitlisted", &[("count", Argument::Number(position))])
        }
        _ => texts.t("registration-status-confirmed"),
    };
    let typed = typed.unwrap_or_else(|| Typed {
        topic: record.topic.clone(),
        contribution: record.contribution.clone().unwrap_or_default(),
        publish_name: record.publish_name,
        ..Typed::default()
    });
    RegistrationPage {
        token: token.to_owned(),
        session_id: view.session.info.id,
        subject: view.session.info.subject.clone(),
        facts: facts(&texts, &view.session),
        status,
        name: record.name.clone(),
        topic: typed.topic,
        contribution: typed.contribution,
        file_name: record.file_name.clone(),
        publish_name: typed.publish_name,
        errors,
        layout: layout.trail(&[("", "registration-title")]),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "speaking/link_gone.html")]
pub(crate) struct LinkGonePage {
    layout: Layout,
    heading: String,
    message: String,
}

/// The plain page of a private link that is unknown (404) or was used to cancel (410).
fn link_gone(layout: Layout, error: SpeakingError) -> AppResult<Response> {
    let (status, heading, message) = match error {
        SpeakingError::NotFound(_) => {
            (StatusCode::NOT_FOUND, "registration-link-unknown-title", "registration-link-unknown")
        }
        SpeakingError::Gone => (StatusCode::GONE, "registration-link-used-title", "registration-link-used"),
        other => return Err(other.into()),
    };
    let page =
        LinkGonePage { heading: layout.t(heading), message: layout.t(message), layout: layout.trail(&[("", heading)]) };
    Ok((status, page).into_response())
}

/// The registrant's private page: the registration, a form to change it and one to cancel.
pub(crate) async fn registration(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match speaking::registration(state.app(), &caller, &token).await {
        Ok(view) => Ok(registration_page(layout, &token, view, None, FormErrors::none()).into_response()),
        Err(error) => link_gone(layout, error),
    }
}

/// Changes the registration of a private link, or shows its page again as typed.
pub(crate) async fn change(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let texts = layout.texts;
    let (typed, file, remove_file) = read_upload(&mut multipart).await?;
    let upload = file.as_ref().map(|(file_name, content)| Upload { file_name, content });
    let change = Change {
        topic: &typed.topic,
        contribution: &typed.contribution,
        file: upload,
        remove_file,
        publish_name: typed.publish_name,
    };
    let errors = match speaking::change_registration(state.app(), &caller, &token, change).await {
        Ok(()) => {
            return Ok(notice::redirect(&format!("/aanmelding/{token}"), Notice::new("notice-registration-changed")));
        }
        Err(SpeakingError::Invalid(problems)) => registration_errors(&texts, &problems),
        Err(other) => return link_gone(layout, other),
    };
    match speaking::registration(state.app(), &caller, &token).await {
        Ok(view) => {
            Ok((StatusCode::UNPROCESSABLE_ENTITY, registration_page(layout, &token, view, Some(typed), errors))
                .into_response())
        }
        Err(error) => link_gone(layout, error),
    }
}

/// Cancels the registration of a private link and goes to the session's page.
pub(crate) async fn cancel(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let session_id = match speaking::registration(state.app(), &caller, &token).await {
        Ok(view) => view.session.info.id,
        Err(error) => return link_gone(layout, error),
    };
    match speaking::cancel(state.app(), &caller, &token, layout.texts.language().code()).await {
        Ok(_) => Ok(notice::redirect(&format!("/sessies/{session_id}"), Notice::new("notice-registration-cancelled"))),
        Err(error) => link_gone(layout, error),
    }
}

// --- The griffie's rules ---------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "speaking/rules.html")]
pub(crate) struct RulesPage {
    layout: Layout,
    id: i64,
    subject: String,
    allowed: bool,
    minutes: String,
    places: String,
    total: String,
    deadline_date: String,
    deadline_time: String,
    may_join: bool,
    note: String,
    errors: FormErrors,
}

/// The rules form as typed.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct RulesForm {
    #[serde(default)]
    toegestaan: Option<String>,
    #[serde(default)]
    minuten: String,
    #[serde(default)]
    plaatsen: String,
    #[serde(default)]
    totaal: String,
    #[serde(default, rename = "deadline-datum")]
    deadline_date: String,
    #[serde(default, rename = "deadline-tijd")]
    deadline_time: String,
    #[serde(default)]
    meepraten: Option<String>,
    #[serde(default)]
    toelichting: String,
}

fn rules_page(layout: Layout, session: &SessionView, form: Option<&RulesForm>, errors: FormErrors) -> RulesPage {
    let info = &session.info;
    let rules = &info.speaking.rules;
    let number = |value: Option<u16>| value.map(|value| value.to_string()).unwrap_or_default();
    let (deadline_date, deadline_time) = rules.deadline.map_or((String::new(), String::new()), |deadline| {
        let local = in_dutch_time(deadline);
        (dutch_date(local.date()), layout.texts.clock(local.time()))
    });
    let page = |layout: Layout| RulesPage {
        id: info.id,
        subject: info.subject.clone(),
        allowed: form.map_or(rules.allowed == Some(true), |form| form.toegestaan.is_some()),
        minutes: form.map_or_else(|| number(rules.minutes_per_speaker), |form| form.minuten.clone()),
        places: form.map_or_else(|| number(rules.max_speakers), |form| form.plaatsen.clone()),
        total: form.map_or_else(|| number(info.speaking.total_minutes), |form| form.totaal.clone()),
        deadline_date: form.map_or_else(|| deadline_date.clone(), |form| form.deadline_date.clone()),
        deadline_time: form.map_or_else(|| deadline_time.clone(), |form| form.deadline_time.clone()),
        may_join: form.map_or(info.speaking.may_join, |form| form.meepraten.is_some()),
        note: form.map_or_else(|| rules.note.clone().unwrap_or_default(), |form| form.toelichting.clone()),
        errors,
        layout,
    };
    page(
        layout
            .trail(&[("/markt", "market-title"), ("", "speaking-session-title"), ("", "speaking-rules-title")])
            .with_crumb_link(2, &format!("/sessies/{}", info.id), &info.subject),
    )
}

/// The form of a session's speaking rules.
pub(crate) async fn rules_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<RulesPage> {
    let session = speaking::session(state.app(), &caller, id).await?;
    Ok(rules_page(layout, &session, None, FormErrors::none()))
}

fn parse_clock(text: &str) -> Option<Time> {
    let (hour, minute) = text.trim().split_once([':', '.'])?;
    let minute = minute.split_once(':').map_or(minute, |(minute, _)| minute);
    if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
        return None;
    }
    Time::from_hms(hour.parse().ok()?, minute.parse().ok()?, 0).ok()
}

/// Stores a session's speaking rules and goes to its page, or shows the form again as typed.
pub(crate) async fn save_rules(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(form): Form<RulesForm>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let mut errors = FormErrors::none();
    let mut number = |text: &str, field: &'static str| -> Option<u16> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        let parsed = text.parse::<u16>().ok();
        if parsed.is_none() {
            errors = std::mem::take(&mut errors).and(FormErrors::one(field, texts.t("error-speaking-number")));
        }
        parsed
    };
    let minutes = number(&form.minuten, "minuten");
    let places = number(&form.plaatsen, "plaatsen");
    let total = number(&form.totaal, "totaal");
    let deadline = match (form.deadline_date.trim(), form.deadline_time.trim()) {
        ("", "") => None,
        (date, time) => {
            match (parse_date(date), if time.is_empty() { Some(Time::MIDNIGHT) } else { parse_clock(time) }) {
                (Some(date), Some(time)) => Some(dutch_moment(date, time)),
                (None, _) => {
                    errors = errors.and(FormErrors::one("deadline-datum", texts.t("error-date-format")));
                    None
                }
                (_, None) => {
                    errors = errors.and(FormErrors::one("deadline-tijd", texts.t("error-round-time")));
                    None
                }
            }
        }
    };
    if errors.is_empty() {
        let input = RulesInput {
            allowed: form.toegestaan.is_some(),
            minutes_per_speaker: minutes,
            max_speakers: places,
            total_minutes: total,
            deadline,
            may_join: form.meepraten.is_some(),
            note: form.toelichting.clone(),
        };
        match speaking::set_rules(state.app(), &caller, id, &input).await {
            Ok(()) => {
                return Ok(notice::redirect(&format!("/sessies/{id}"), Notice::new("notice-speaking-rules-saved")));
            }
            Err(SpeakingError::Rules(problems)) => {
                for problem in problems {
                    let (field, message) = match problem {
                        RulesProblem::Minutes => ("minuten", "error-speaking-minutes"),
                        RulesProblem::Places => ("plaatsen", "error-speaking-places"),
                        RulesProblem::Total => ("totaal", "error-speaking-total"),
                        RulesProblem::Note => ("toelichting", "error-speaking-note"),
                    };
                    errors = errors.and(FormErrors::one(field, texts.t(message)));
                }
            }
            Err(other) => return Err(other.into()),
        }
    }
    let session = speaking::session(state.app(), &caller, id).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, rules_page(layout, &session, Some(&form), errors)).into_response())
}
