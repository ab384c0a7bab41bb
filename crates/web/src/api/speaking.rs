//! Spreekrecht in the JSON API: the sessions of published evenings with their speaking rules, and
//! registering to speak without an account. The registration is public and token-less: the form
//! token guard lets JSON from a visitor without a session through (a browser cannot send JSON to
//! another site without its consent, and there is no session to abuse); the rate limit per client
//! address and the idempotency key keep it from registering twice or flooding a list.

use axum::Extension;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wijkbeeld_app::Caller;
use wijkbeeld_app::speaking::{self, Request, SpeakingError};
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::speaking::RegistrationForm;

use super::{ApiError, ErrorDetail, Errors, Json};
use crate::AppState;
use crate::i18n::Texts;
use crate::layout::Layout;
use crate::limits::ClientAddress;
use crate::pages::speaking::{closed_reason, problem_message};

/// The public's right to speak in a session.
#[derive(Serialize, ToSchema)]
pub(crate) struct PublicSpeaking {
    /// Whether the public may speak.
    allowed: bool,
    /// Minutes each speaker has now (with a total, divided among those confirmed).
    minutes_per_speaker: Option<u16>,
    /// Places on the speakers' list; more go on the waiting list. Null for no limit.
    max_speakers: Option<u16>,
    /// A total of minutes divided among the speakers, when set.
    total_minutes: Option<u16>,
    /// Registration closes at this moment (RFC 3339).
    #[schema(examples("2026-12-15T11:00:00Z"))]
    deadline: Option<String>,
    /// Whether residents may join the conversation, not only speak.
    may_join: bool,
    /// Whether registration is open now.
    open: bool,
}

/// A session of a published market evening.
#[derive(Serialize, ToSchema)]
#[schema(as = Session)]
pub(crate) struct SessionItem {
    id: i64,
    /// The proposal (behandelvoorstel) treated.
    proposal: i64,
    /// The proposal's subject.
    subject: String,
    /// The evening's day.
    #[schema(examples("2026-12-15"))]
    date: String,
    /// The room, once planned.
    room: Option<String>,
    /// Start (Dutch time), once planned.
    #[schema(examples("19:30"))]
    start: Option<String>,
    /// End (Dutch time), once planned.
    #[schema(examples("21:00"))]
    end: Option<String>,
    public_speaking: PublicSpeaking,
}

fn clock(time: time::Time) -> String {
    format!("{:02}:{:02}", time.hour(), time.minute())
}

/// Sessions of published evenings with their speaking rules.
#[utoipa::path(
    get,
    path = "/api/v1/sessions",
    security((), ("token" = [])),
    responses(
        (status = 200, description = "Sessions, by date and start", body = Vec<SessionItem>),
        (status = 404, description = "No municipality is served", body = Errors),
    ),
)]
pub(crate) async fn sessions(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<Vec<SessionItem>>, ApiError> {
    let texts = Texts::new(crate::i18n::Language::English);
    let sessions =
        speaking::published_sessions(state.app(), &caller).await.map_err(|error| speaking_error(&texts, error))?;
    let items = sessions
        .into_iter()
        .map(|session| {
            let info = session.info;
            let rules = &info.speaking.rules;
            let deadline =
                rules.deadline.and_then(|moment| moment.format(&time::format_description::well_known::Rfc3339).ok());
            SessionItem {
                id: info.id,
                proposal: info.proposal_id,
                subject: info.subject.clone(),
                date: info.date.to_string(),
                room: info.room.clone(),
                start: info.starts_at.map(clock),
                end: info.ends_at.map(clock),
                public_speaking: PublicSpeaking {
                    allowed: rules.allowed == Some(true),
                    minutes_per_speaker: session.minutes_per_speaker,
                    max_speakers: session.places,
                    total_minutes: info.speaking.total_minutes,
                    deadline,
                    may_join: info.speaking.may_join,
                    open: session.closed.is_none(),
                },
            }
        })
        .collect();
    Ok(Json(items))
}

/// A registration to speak.
#[derive(Deserialize, ToSchema)]
pub(crate) struct SpeakerRequest {
    /// The speaker's name.
    name: Option<String>,
    /// E-mail address; this or `phone` is required. Never published.
    email: Option<String>,
    /// Telephone number; this or `email` is required. Never published.
    phone: Option<String>,
    /// The organisation spoken for, if any.
    organisation: Option<String>,
    /// What the speaker wants to say (at most 1,000 characters).
    topic: Option<String>,
    /// A written contribution for the session's record.
    contribution: Option<String>,
    /// Whether the name may be published on the speakers' list (default true).
    publish_name: Option<bool>,
}

/// Where a registration landed.
#[derive(Serialize, ToSchema)]
pub(crate) struct SpeakerAnswer {
    /// `confirmed` or `waitlisted`.
    #[schema(examples("confirmed"))]
    status: &'static str,
    /// The place on the waiting list, from 1; null when confirmed.
    position: Option<i64>,
}

fn status_code(status: RegistrationStatus) -> &'static str {
    match status {
        RegistrationStatus::WaitingList => "waitlisted",
        RegistrationStatus::Confirmed | RegistrationStatus::Cancelled => "confirmed",
    }
}

fn speaking_error(texts: &Texts, error: SpeakingError) -> ApiError {
    match error {
        SpeakingError::Invalid(problems) => ApiError {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            errors: problems
                .into_iter()
                .map(|problem| ErrorDetail {
                    field: Some(problem.field().api_name().to_owned()),
                    detail: problem_message(texts, problem),
                })
                .collect(),
        },
        SpeakingError::Closed(reason) => ApiError {
            status: StatusCode::CONFLICT,
            errors: vec![ErrorDetail { field: Some("session".to_owned()), detail: closed_reason(texts, reason) }],
        },
        SpeakingError::InvalidKey => ApiError::bad_request(Some("Idempotency-Key"), &texts.t("error-idempotency-key")),
        SpeakingError::NotFound(_) | SpeakingError::Gone | SpeakingError::NoMunicipality(_) => ApiError::not_found(),
        SpeakingError::Denied(denied) => denied.into(),
        other => ApiError::internal(&other),
    }
}

/// Registers to speak in a session, without an account.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/{id}/speakers",
    params(
        ("id" = i64, Path, description = "The session"),
        ("Idempotency-Key" = Option<String>, Header, description = "A key of the client's choosing: a repeat with it answers the same and registers once"),
    ),
    request_body = SpeakerRequest,
    responses(
        (status = 201, description = "Registered: confirmed, or on the waiting list", body = SpeakerAnswer),
        (status = 404, description = "No such session on a published evening", body = Errors),
        (status = 409, description = "Registration is closed; the detail says why", body = Errors),
        (status = 422, description = "Each field at fault, with the problem", body = Errors),
        (status = 429, description = "Too many registrations from this address; see Retry-After", body = Errors),
    ),
)]
pub(crate) async fn register(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    client: ClientAddress,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Result<axum::Json<SpeakerRequest>, JsonRejection>,
) -> Response {
    let texts = layout.texts;
    let body = match body {
        Ok(axum::Json(body)) => body,
        Err(rejection) => {
            let mut error = ApiError::from_refusal(rejection.into_response()).await;
            error.status = StatusCode::UNPROCESSABLE_ENTITY;
            return error.into_response();
        }
    };
    let form = RegistrationForm {
        name: body.name.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
        phone: body.phone.unwrap_or_default(),
        organisation: body.organisation.unwrap_or_default(),
        topic: body.topic.unwrap_or_default(),
        contribution: body.contribution.unwrap_or_default(),
        publish_name: body.publish_name.unwrap_or(true),
    };
    let key = headers.get("idempotency-key").map(|value| value.to_str().unwrap_or("\u{0}"));
    let language = texts.language().code();
    let request = Request { form: &form, file: None, idempotency_key: key, client: &client.0, language };
    match speaking::register(state.app(), &caller, id, request).await {
        Ok(registered) => (
            StatusCode::CREATED,
            Json(SpeakerAnswer { status: status_code(registered.status), position: registered.position }),
        )
            .into_response(),
        Err(SpeakingError::TooManyRequests { retry_after }) => {
            let mut response = ApiError {
                status: StatusCode::TOO_MANY_REQUESTS,
                errors: vec![ErrorDetail { field: None, detail: texts.t("error-too-many-registrations") }],
            }
            .into_response();
            let seconds = retry_after.whole_seconds().max(1).to_string();
            if let Ok(value) = HeaderValue::from_str(&seconds) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Err(error) => speaking_error(&texts, error).into_response(),
    }
}
