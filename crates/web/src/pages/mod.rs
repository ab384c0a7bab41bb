//! The HTML pages. Each renders a template whose frame comes from [`crate::layout::Layout`].

pub(crate) mod account;
pub(crate) mod admin;
pub(crate) mod audit;
pub(crate) mod chair;
pub(crate) mod council;
pub(crate) mod evening_form;
pub(crate) mod home;
pub(crate) mod market;
pub(crate) mod monitor;
pub(crate) mod outbox;
pub(crate) mod outcome;
pub(crate) mod proposals;
pub(crate) mod sign_in;
pub(crate) mod speaking;

use axum::extract::Multipart;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppError;
use crate::error::AppResult;

/// Any address without a route.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}

// --- Uploads ---------------------------------------------------------------------------------------

/// A field of an upload form.
pub(crate) struct UploadField {
    pub(crate) name: String,
    /// Empty for a text field, or a file input left empty.
    pub(crate) file_name: String,
    pub(crate) content: Vec<u8>,
}

/// The fields of an upload form. A body over the size limit is refused whole; a malformed one
/// ends the fields where it breaks, so the form shows what is missing.
pub(crate) async fn upload_fields(multipart: &mut Multipart) -> AppResult<Vec<UploadField>> {
    let too_large = |error: &axum::extract::multipart::MultipartError| error.status() == StatusCode::PAYLOAD_TOO_LARGE;
    let mut fields = Vec::new();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) if too_large(&error) => return Err(AppError::TooLarge),
            Err(_) => break,
        };
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().unwrap_or_default().to_owned();
        match field.bytes().await {
            Ok(content) => fields.push(UploadField { name, file_name, content: content.to_vec() }),
            Err(error) if too_large(&error) => return Err(AppError::TooLarge),
            Err(_) => break,
        }
    }
    Ok(fields)
}

/// A download: its type, and its name for saving (never rendered by the browser as a page).
pub(crate) fn file_response(media_type: &str, file_name: &str, content: Vec<u8>) -> Response {
    let safe_name: String = file_name
        .chars()
        .map(|character| if character.is_ascii_alphanumeric() || ".-_ ".contains(character) { character } else { '_' })
        .collect();
    let disposition = format!("attachment; filename=\"{safe_name}\"");
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_str(media_type).unwrap_or(HeaderValue::from_static("application/octet-stream")),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition).unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        content,
    )
        .into_response()
}
