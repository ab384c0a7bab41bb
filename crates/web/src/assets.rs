//! Static files: the NL Design System CSS (vendored, see `static/vendor/VENDORED.md`),
//! wijkbeeld's own styles, and the municipality's theme and logo. All compiled into the binary or
//! read at start-up: nothing is fetched at run time.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;

const CSS: &str = "text/css; charset=utf-8";

const FILES: &[(&str, &str, &str)] = &[
    ("vendor/utrecht-component-library.css", CSS, include_str!("../static/vendor/utrecht-component-library.css")),
    ("vendor/voorbeeld-design-tokens.css", CSS, include_str!("../static/vendor/voorbeeld-design-tokens.css")),
    ("wijkbeeld.css", CSS, include_str!("../static/wijkbeeld.css")),
    ("print.css", CSS, include_str!("../static/print.css")),
];

/// A short digest of the compiled-in files, appended to their addresses (`?v=…`) so that a new
/// release is never styled by a browser's cached copy of the old files.
pub(crate) fn version() -> &'static str {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| {
        let all: String = FILES.iter().map(|(_, _, body)| *body).collect();
        wijkbeeld_app::secrets::digest(&all)[..10].to_owned()
    })
}

fn answer(content_type: &'static str, body: impl IntoResponse, cache: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        body,
    )
        .into_response()
}

/// Serves one static file, or 404.
pub(crate) async fn serve(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let theme = &state.settings().theme;
    match file.as_str() {
        "theme.css" => answer(CSS, theme.css(), "public, max-age=300"),
        "logo" => match &theme.logo {
            Some(logo) => answer(logo.content_type, logo.bytes.clone(), "public, max-age=3600"),
            None => StatusCode::NOT_FOUND.into_response(),
        },
        _ => match FILES.iter().find(|(name, ..)| *name == file) {
            // Versioned addresses never change content: cache them for a year.
            Some((_, content_type, body)) => answer(content_type, *body, "public, max-age=31536000, immutable"),
            None => StatusCode::NOT_FOUND.into_response(),
        },
    }
}
