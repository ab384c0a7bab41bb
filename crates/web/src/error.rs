//! The one error type of the web layer. A store error becomes a 500 page or JSON body that
//! says nothing of the internals; the cause goes to the log.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use wijkbeeld_store::StoreError;

use crate::pages::ErrorPage;

/// What can go wrong while handling a request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Return `404 Not Found`.
    #[error("not found")]
    NotFound,
    /// Return `500 Internal Server Error`; the cause is logged, not shown.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The result of a handler.
pub type AppResult<T> = Result<T, AppError>;

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::NotFound => ErrorPage::not_found().into_response(),
            AppError::Store(StoreError::NotFound(_)) => ErrorPage::not_found().into_response(),
            AppError::Store(error) => {
                tracing::error!(%error, "request failed");
                ErrorPage::internal().into_response()
            }
        }
    }
}

impl ErrorPage {
    fn not_found() -> (StatusCode, ErrorPage) {
        (
            StatusCode::NOT_FOUND,
            ErrorPage {
                title: "Pagina niet gevonden".into(),
                message: "Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.".into(),
            },
        )
    }

    fn internal() -> (StatusCode, ErrorPage) {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorPage {
                title: "Er ging iets mis".into(),
                message: "Door een storing kan deze pagina nu niet worden getoond. Probeer het later opnieuw.".into(),
            },
        )
    }
}
