//! The JSON API under `/api/v1`: the same accounts as the pages (a session cookie, with the form
//! token in `X-CSRF-Token` for changes) or an API token sent as `Authorization: Bearer`.
//! Errors are `{"errors": [{"field": …, "detail": …}]}`.

pub(crate) mod account;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// One problem with a request.
#[derive(Debug, Serialize)]
pub(crate) struct ErrorDetail {
    field: Option<String>,
    detail: String,
}

/// An error answer of the JSON API.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    errors: Vec<ErrorDetail>,
}

impl ApiError {
    fn new(status: StatusCode, detail: &str) -> Self {
        ApiError { status, errors: vec![ErrorDetail { field: None, detail: detail.to_owned() }] }
    }

    /// `401 Unauthorized`: not signed in.
    pub(crate) fn unauthorised() -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "Sign in, or send an API token as 'Authorization: Bearer'.")
    }

    /// `401 Unauthorized`: the bearer token is unknown or revoked.
    pub(crate) fn invalid_token() -> Self {
        ApiError::new(StatusCode::UNAUTHORIZED, "The API token is unknown or revoked.")
    }

    /// `403 Forbidden`: the role may not.
    pub(crate) fn forbidden() -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "Your role may not do this.")
    }

    /// `403 Forbidden`: a change without the form token.
    pub(crate) fn missing_form_token() -> Self {
        ApiError::new(StatusCode::FORBIDDEN, "Send the form token in the X-CSRF-Token header (see /api/v1/me).")
    }

    /// `404 Not Found`.
    pub(crate) fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "Not found.")
    }

    /// `500 Internal Server Error`; the cause is logged, not sent.
    pub(crate) fn internal(error: &dyn std::fmt::Display) -> Self {
        tracing::error!(%error, "API request failed");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again later.")
    }
}

impl From<wijkbeeld_store::StoreError> for ApiError {
    fn from(error: wijkbeeld_store::StoreError) -> Self {
        match error {
            wijkbeeld_store::StoreError::NotFound(_) => ApiError::not_found(),
            error => ApiError::internal(&error),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        #[derive(Serialize)]
        struct Body {
            errors: Vec<ErrorDetail>,
        }
        let mut response = (self.status, Json(Body { errors: self.errors })).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
