//! The HTML pages.

pub(crate) mod home;

use askama::Template;
use askama_web::WebTemplate;

use crate::AppError;

/// A page that says what went wrong, in words for the public.
#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
pub(crate) struct ErrorPage {
    pub(crate) title: String,
    pub(crate) message: String,
}

/// Any address without a route.
pub(crate) async fn not_found() -> AppError {
    AppError::NotFound
}
