//! The JSON API under `/api/v1`: the same accounts as the pages (a session cookie, with the form
//! token in `X-CSRF-Token` for changes) or an API token sent as `Authorization: Bearer`.
//! Errors are `{"errors": [{"field": …, "detail": …}]}`.

pub(crate) mod account;
pub(crate) mod council;
pub(crate) mod monitor;
pub(crate) mod openapi;
pub(crate) mod outcome;
pub(crate) mod schemas;
pub(crate) mod speaking;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use wijkbeeld_app::audit::AuditError;
use wijkbeeld_app::monitor::MonitorError;
use wijkbeeld_app::{Denied, NoMunicipality, StoreError};

/// One problem with a request.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct ErrorDetail {
    /// The parameter at fault, if one is.
    field: Option<String>,
    /// What is wrong, in words.
    detail: String,
}

/// The body of every error answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Errors {
    errors: Vec<ErrorDetail>,
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

    /// `400 Bad Request`: a parameter is not valid.
    pub(crate) fn bad_request(field: Option<&str>, detail: &str) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            errors: vec![ErrorDetail { field: field.map(str::to_owned), detail: detail.to_owned() }],
        }
    }

    /// `404 Not Found`.
    pub(crate) fn not_found() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "Not found.")
    }

    /// The JSON form of axum's plain-text refusal of a malformed request (its status, its text
    /// as the detail).
    pub(crate) async fn from_refusal(response: Response) -> Self {
        let status = response.status();
        let text =
            axum::body::to_bytes(response.into_body(), 4096).await.map(|bytes| bytes.to_vec()).unwrap_or_default();
        let detail = String::from_utf8_lossy(&text).trim().to_owned();
        ApiError::new(status, if detail.is_empty() { "The request is not valid." } else { &detail })
    }

    /// `500 Internal Server Error`; the cause is logged, not sent.
    pub(crate) fn internal(error: &dyn std::fmt::Display) -> Self {
        tracing::error!(%error, "API request failed");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "Something went wrong on our side; please try again later.")
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(_) => ApiError::not_found(),
            error => ApiError::internal(&error),
        }
    }
}

impl From<Denied> for ApiError {
    fn from(_: Denied) -> Self {
        ApiError::forbidden()
    }
}

impl From<NoMunicipality> for ApiError {
    fn from(_: NoMunicipality) -> Self {
        ApiError::not_found()
    }
}

impl From<AuditError> for ApiError {
    fn from(error: AuditError) -> Self {
        match error {
            AuditError::Denied(denied) => denied.into(),
            AuditError::Store(error) => error.into(),
        }
    }
}

impl From<MonitorError> for ApiError {
    fn from(error: MonitorError) -> Self {
        match error {
            MonitorError::UnknownArea(_) | MonitorError::UnknownIndicator(_) | MonitorError::NoData => {
                ApiError::not_found()
            }
            MonitorError::Denied(denied) => denied.into(),
            MonitorError::NoMunicipality(missing) => missing.into(),
            MonitorError::Invalid(reason) => ApiError::bad_request(None, &reason),
            other => ApiError::internal(&other),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(Errors { errors: self.errors })).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// A JSON body with `<`, `>` and `&` written as Unicode escapes: the same JSON to any parser,
/// but never markup, should a browser be tricked into reading it as HTML.
pub(crate) struct Json<T>(pub(crate) T);

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        match serde_json::to_string(&self.0) {
            Ok(text) => {
                let escaped = text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026");
                ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], escaped).into_response()
            }
            Err(error) => ApiError::internal(&error).into_response(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn markup_in_json_is_escaped_but_reads_back_the_same() {
        let value = serde_json::json!({ "name": "<script>alert('x') & co</script>" });
        let response = Json(value.clone()).into_response();
        let bytes = axum::body::to_bytes(response.into_body(), 1024).await.unwrap();
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        assert!(!text.contains('<') && !text.contains('&'), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}
