//! The guard against cross-site requests (CSRF), on every request that may change state, so that
//! no form can forget it.
//!
//! A request with POST, PUT, PATCH or DELETE must come from this site when the browser says where
//! it comes from (`Origin`), and must carry the viewer's form token — as the form
//! field `_csrf` (in an ordinary or a multipart form) or the header `X-CSRF-Token` — unless it is authorised by an API token (a
//! browser never sends one by itself), or it is JSON from a visitor without a session (a browser
//! cannot send JSON across sites without the site's consent, and there is no session to abuse).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppError;
use crate::api::ApiError;
use crate::auth::{Channel, Viewer};
use wijkbeeld_app::secrets::same_secret;

/// The form field that carries the token.
pub(crate) const FORM_FIELD: &str = "_csrf";
/// The header that carries the token.
pub(crate) const HEADER: &str = "x-csrf-token";
/// The largest form body read; larger forms must send the token as a header.
const MAX_FORM_BYTES: usize = 2 * 1024 * 1024;
/// The largest upload read (an attachment and its form).
pub(crate) const MAX_UPLOAD_BYTES: usize = wijkbeeld_app::proposals::MAX_ATTACHMENT_BYTES + 1024 * 1024;

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE)
}

/// The middleware.
pub(crate) async fn guard(request: Request, next: Next) -> Response {
    if !changes_state(request.method()) {
        return next.run(request).await;
    }
    let viewer = request.extensions().get::<Viewer>().cloned();
    let Some(viewer) = viewer else { return refuse(&request) };
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    if viewer.channel == Channel::Bearer {
        return next.run(request).await;
    }
    // A second line behind the token: a browser says which site a request comes from, and a
    // change is never made for another one.
    if foreign_origin(request.headers(), request.uri()) {
        tracing::warn!(method = %request.method(), path = %request.uri().path(), "refused: request from another site");
        return refuse(&request);
    }
    if viewer.channel == Channel::Anonymous && content_type.starts_with("application/json") {
        return next.run(request).await;
    }
    if viewer.form_token.is_empty() {
        return refuse(&request);
    }
    if let Some(sent) = request.headers().get(HEADER).and_then(|value| value.to_str().ok()) {
        return if same_secret(sent, &viewer.form_token) { next.run(request).await } else { refuse(&request) };
    }
    let multipart = content_type.starts_with("multipart/form-data");
    if !multipart && !content_type.starts_with("application/x-www-form-urlencoded") {
        return refuse(&request);
    }
    // The token is in the form: read the body, check it, and hand the same bytes on.
    let (parts, body) = request.into_parts();
    let limit = if multipart { MAX_UPLOAD_BYTES } else { MAX_FORM_BYTES };
    let Ok(bytes) = to_bytes(body, limit).await else {
        // Over the limit (or cut off): nothing is read further, and the answer says why.
        tracing::warn!(method = %parts.method, path = %parts.uri.path(), "refused: body over {limit} bytes");
        return AppError::TooLarge.into_response();
    };
    let sent = if multipart {
        multipart_field(&content_type, bytes.clone(), FORM_FIELD).await
    } else {
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
        fields.into_iter().find(|(name, _)| name == FORM_FIELD).map(|(_, value)| value)
    };
    let request = Request::from_parts(parts, Body::from(bytes));
    match sent {
        Some(sent) if same_secret(&sent, &viewer.form_token) => next.run(request).await,
        _ => refuse(&request),
    }
}

/// Whether the request's `Origin` names another site than the one asked (its `Host`, or the
/// `X-Forwarded-Host` a proxy passed on). Without an `Origin` the token decides alone; the
/// opaque origin `null` (a sandboxed frame, a cross-site redirect) is another site.
fn foreign_origin(headers: &HeaderMap, uri: &Uri) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).map(|value| value.to_str().unwrap_or("null").trim()) else {
        return false;
    };
    let Some(origin_host) = origin.strip_prefix("https://").or_else(|| origin.strip_prefix("http://")) else {
        return true;
    };
    let origin_host = origin_host.trim_end_matches('/');
    let asked = [headers.get("x-forwarded-host"), headers.get(header::HOST)]
        .into_iter()
        .flatten()
        .filter_map(|value| value.to_str().ok())
        .map(|value| value.split(',').next().unwrap_or_default().trim().to_owned())
        .chain(uri.authority().map(|authority| authority.as_str().to_owned()));
    !asked.into_iter().any(|host| host.eq_ignore_ascii_case(origin_host))
}

/// The value of a text field of a multipart form (an upload form's token).
async fn multipart_field(content_type: &str, bytes: axum::body::Bytes, wanted: &str) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream = futures_util::stream::once(async move { Ok::<_, std::convert::Infallible>(bytes) });
    let mut form = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some(wanted) {
            return field.text().await.ok();
        }
    }
    None
}

fn refuse(request: &Request) -> Response {
    tracing::warn!(method = %request.method(), path = %request.uri().path(), "refused: no valid form token");
    if request.uri().path().starts_with("/api/") {
        ApiError::missing_form_token().into_response()
    } else {
        AppError::FormExpired.into_response()
    }
}
