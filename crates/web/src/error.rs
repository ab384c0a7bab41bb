//! The error type of the HTML pages. Each variant says which status it answers with; the page
//! itself is rendered by [`crate::layout::attach`] in the viewer's language and frame. A store or
//! secret failure becomes a 500 page that says nothing of the internals, with the cause in the
//! log. (The JSON API has its own, [`crate::api::ApiError`].)

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use time::Duration;
use wijkbeeld_app::accounts::AccountError;
use wijkbeeld_app::audit::AuditError;
use wijkbeeld_app::mail::MailError;
use wijkbeeld_app::market::MarketError;
use wijkbeeld_app::monitor::MonitorError;
use wijkbeeld_app::proposals::ProposalError;
use wijkbeeld_app::secrets::SecretError;
use wijkbeeld_app::sessions::SessionError;
use wijkbeeld_app::{Denied, NoMunicipality, StoreError};

use crate::layout::ErrorView;

/// What can go wrong while handling a page request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Return `404 Not Found`.
    #[error("not found")]
    NotFound,
    /// Return `403 Forbidden`: the role may not see this.
    #[error("forbidden")]
    Forbidden,
    /// Return `409 Conflict`: the record's state does not allow this (a proposal that is no
    /// longer a draft cannot be edited by the college).
    #[error("not in this state")]
    WrongState,
    /// Return `403 Forbidden`: a form without a valid form token; nothing was changed.
    #[error("form token missing or invalid")]
    FormExpired,
    /// Return `429 Too Many Requests` with `Retry-After`.
    #[error("too many requests")]
    TooManyRequests {
        /// When the client may try again.
        retry_after: Duration,
    },
    /// Return `413 Content Too Large`: a form or upload over its size limit; nothing was changed.
    #[error("request body too large")]
    TooLarge,
    /// Return `500 Internal Server Error`: a failure outside the database (rendering a PDF).
    #[error("{0}")]
    Internal(String),
    /// Return `500 Internal Server Error`.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Return `500 Internal Server Error`.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// The result of a page handler.
pub type AppResult<T> = Result<T, AppError>;

impl From<Denied> for AppError {
    fn from(_: Denied) -> Self {
        AppError::Forbidden
    }
}

impl From<NoMunicipality> for AppError {
    fn from(error: NoMunicipality) -> Self {
        // A page needs the municipality only once data exists; before the demo or an import
        // there is nothing to find.
        tracing::info!(%error, "page asked before the municipality exists");
        AppError::NotFound
    }
}

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::Denied(denied) => denied.into(),
            AccountError::NotFound(_) => AppError::NotFound,
            AccountError::TooManyRequests { retry_after } => AppError::TooManyRequests { retry_after },
            AccountError::Secret(error) => AppError::Secret(error),
            AccountError::Store(error) => AppError::Store(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<MonitorError> for AppError {
    fn from(error: MonitorError) -> Self {
        match error {
            MonitorError::UnknownArea(_) | MonitorError::UnknownIndicator(_) | MonitorError::NoData => {
                AppError::NotFound
            }
            MonitorError::Denied(denied) => denied.into(),
            MonitorError::NoMunicipality(missing) => missing.into(),
            MonitorError::Store(error) => AppError::Store(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<ProposalError> for AppError {
    fn from(error: ProposalError) -> Self {
        match error {
            ProposalError::Denied(denied) => denied.into(),
            ProposalError::NotFound(_) => AppError::NotFound,
            ProposalError::NoMunicipality(missing) => missing.into(),
            ProposalError::NotEditable { .. } | ProposalError::Transition(_) | ProposalError::Concurrent => {
                AppError::WrongState
            }
            ProposalError::Store(error) => AppError::Store(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<MarketError> for AppError {
    fn from(error: MarketError) -> Self {
        match error {
            MarketError::Denied(denied) => denied.into(),
            MarketError::NotFound(_) => AppError::NotFound,
            MarketError::NoMunicipality(missing) => missing.into(),
            MarketError::Store(error) => AppError::Store(error),
            // Conflicts and invalid input are shown on their forms; one that reaches here is a
            // bug in a handler, answered like any failure.
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<AuditError> for AppError {
    fn from(error: AuditError) -> Self {
        match error {
            AuditError::Denied(denied) => denied.into(),
            AuditError::Store(error) => AppError::Store(error),
        }
    }
}

impl From<MailError> for AppError {
    fn from(error: MailError) -> Self {
        match error {
            MailError::Denied(denied) => denied.into(),
            MailError::NoMunicipality(error) => error.into(),
            MailError::Store(error) => AppError::Store(error),
        }
    }
}

impl From<SessionError> for AppError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::TooManyRequests { retry_after } => AppError::TooManyRequests { retry_after },
            SessionError::Store(error) => AppError::Store(error),
            SessionError::Secret(error) => AppError::Secret(error),
            // A refused sign-in is shown on its form.
            SessionError::Refused => AppError::Forbidden,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let view = |title, message| ErrorView { title, message, minutes: None };
        match self {
            AppError::NotFound | AppError::Store(StoreError::NotFound(_)) => {
                view("error-not-found-title", "error-not-found").respond(StatusCode::NOT_FOUND)
            }
            AppError::Forbidden => view("error-forbidden-title", "error-forbidden").respond(StatusCode::FORBIDDEN),
            AppError::WrongState => view("error-wrong-state-title", "error-wrong-state").respond(StatusCode::CONFLICT),
            AppError::FormExpired => {
                view("error-form-expired-title", "error-form-expired").respond(StatusCode::FORBIDDEN)
            }
            AppError::TooManyRequests { retry_after } => {
                let seconds = retry_after.whole_seconds().max(1);
                let minutes = (seconds + 59) / 60;
                let mut response =
                    ErrorView { title: "error-too-many-title", message: "error-too-many", minutes: Some(minutes) }
                        .respond(StatusCode::TOO_MANY_REQUESTS);
                if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
                response
            }
            AppError::TooLarge => {
                view("error-too-large-title", "error-too-large").respond(StatusCode::PAYLOAD_TOO_LARGE)
            }
            AppError::Internal(error) => {
                tracing::error!(%error, "request failed");
                view("error-internal-title", "error-internal").respond(StatusCode::INTERNAL_SERVER_ERROR)
            }
            AppError::Store(error) => {
                tracing::error!(%error, "request failed");
                view("error-internal-title", "error-internal").respond(StatusCode::INTERNAL_SERVER_ERROR)
            }
            AppError::Secret(error) => {
                tracing::error!(%error, "request failed");
                view("error-internal-title", "error-internal").respond(StatusCode::INTERNAL_SERVER_ERROR)
            }
        }
    }
}
