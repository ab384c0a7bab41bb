//! The signed-in user's own account: `GET /account`, and `POST /account/wachtwoord` to change
//! the password.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use wijkbeeld_domain::access::MIN_PASSWORD_LENGTH;

use super::Layout;
use crate::accounts::{self, AccountError};
use crate::auth::{Channel, Viewer};
use crate::error::AppResult;
use crate::{AppError, AppState, labels};

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
pub(crate) struct AccountPage {
    layout: Layout,
    name: String,
    email: String,
    role: &'static str,
    min_length: usize,
    /// (field, message) of a refused change.
    error: Option<(&'static str, String)>,
    changed: bool,
}

fn page(viewer: &Viewer, error: Option<(&'static str, String)>, changed: bool) -> AppResult<AccountPage> {
    let account = viewer.account.as_ref().ok_or(AppError::Forbidden)?;
    Ok(AccountPage {
        layout: Layout::new(viewer),
        name: account.display_name.clone(),
        email: account.email.clone().unwrap_or_default(),
        role: labels::role(account.role),
        min_length: MIN_PASSWORD_LENGTH,
        error,
        changed,
    })
}

pub(crate) async fn show(viewer: Viewer) -> AppResult<AccountPage> {
    page(&viewer, None, false)
}

#[derive(Deserialize, Default)]
pub(crate) struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    repeated: String,
}

pub(crate) async fn change_password(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let Some(user) = viewer.account.as_ref().and_then(|account| account.user_id) else {
        return Err(AppError::Forbidden);
    };
    let keep = match &viewer.channel {
        Channel::Session { token_hash } => Some(token_hash.as_str()),
        _ => None,
    };
    let now = state.clock().now();
    let result =
        accounts::change_password(state.store(), user, &form.current, &form.new, &form.repeated, keep, now).await;
    let error = match result {
        Ok(()) => return Ok(page(&viewer, None, true)?.into_response()),
        Err(AccountError::WrongPassword) => ("current", "Het huidige wachtwoord is onjuist.".to_owned()),
        Err(AccountError::Password(problem)) => ("new", labels::password_problem(problem)),
        Err(AccountError::PasswordsDiffer) => ("repeated", "De twee nieuwe wachtwoorden zijn niet gelijk.".to_owned()),
        Err(other) => return Err(other.into()),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&viewer, Some(error), false)?).into_response())
}
