//! The error type of the HTML pages. Each variant says which status it answers with; a store
//! or secret failure becomes a 500 page that says nothing of the internals, with the cause in the
//! log. (The JSON API has its own, [`crate::api::ApiError`].)

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use time::Duration;
use wijkbeeld_store::StoreError;

use crate::accounts::AccountError;
use crate::auth::secrets::SecretError;
use crate::pages::ErrorPage;

/// What can go wrong while handling a page request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Return `404 Not Found`.
    #[error("not found")]
    NotFound,
    /// Return `403 Forbidden`: the role may not see this.
    #[error("forbidden")]
    Forbidden,
    /// Return `403 Forbidden`: a form without a valid form token; nothing was changed.
    #[error("form token missing or invalid")]
    FormExpired,
    /// Return `429 Too Many Requests` with `Retry-After`.
    #[error("too many requests")]
    TooManyRequests {
        /// When the client may try again.
        retry_after: Duration,
    },
    /// Return `500 Internal Server Error`.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Return `500 Internal Server Error`.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// The result of a page handler.
pub type AppResult<T> = Result<T, AppError>;

impl From<AccountError> for AppError {
    fn from(error: AccountError) -> Self {
        match error {
            AccountError::NotFound(_) => AppError::NotFound,
            AccountError::Secret(error) => AppError::Secret(error),
            AccountError::Store(error) => AppError::Store(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other => AppError::Store(StoreError::Corrupt(other.to_string())),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title, message): (StatusCode, &str, String) = match &self {
            AppError::NotFound | AppError::Store(StoreError::NotFound(_)) => (
                StatusCode::NOT_FOUND,
                "Pagina niet gevonden",
                "Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.".into(),
            ),
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Geen toegang",
                "Met uw rol kunt u deze pagina niet gebruiken. Denkt u dat dit niet klopt, neem dan contact op met \
                 de functioneel beheerder."
                    .into(),
            ),
            AppError::FormExpired => (
                StatusCode::FORBIDDEN,
                "Formulier verlopen",
                "Het formulier is verlopen of kwam niet van deze website, dus er is niets gewijzigd. Ga terug, laad \
                 de pagina opnieuw en probeer het nog eens."
                    .into(),
            ),
            AppError::TooManyRequests { retry_after } => {
                let minutes = (retry_after.whole_seconds().max(1) + 59) / 60;
                (
                    StatusCode::TOO_MANY_REQUESTS,
                    "Te veel pogingen",
                    format!(
                        "Vanaf uw adres zijn te veel pogingen gedaan. Probeer het over {minutes} {} opnieuw.",
                        if minutes == 1 { "minuut" } else { "minuten" }
                    ),
                )
            }
            AppError::Store(error) => {
                tracing::error!(%error, "request failed");
                internal()
            }
            AppError::Secret(error) => {
                tracing::error!(%error, "request failed");
                internal()
            }
        };
        let mut response = (status, ErrorPage::new(title, message)).into_response();
        if let AppError::TooManyRequests { retry_after } = self
            && let Ok(value) = HeaderValue::from_str(&retry_after.whole_seconds().max(1).to_string())
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response
    }
}

fn internal() -> (StatusCode, &'static str, String) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "Er ging iets mis",
        "Door een storing kan deze pagina nu niet worden getoond. Probeer het later opnieuw.".into(),
    )
}
