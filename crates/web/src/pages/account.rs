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

use crate::accounts;
use crate::auth::{Channel, Viewer};
use crate::error::AppResult;
use crate::forms::{FormErrors, account_problem};
use crate::layout::Layout;
use crate::{AppError, AppState};

#[derive(Template, WebTemplate)]
#[template(path = "account.html")]
pub(crate) struct AccountPage {
    layout: Layout,
    name: String,
    email: String,
    role: String,
    min_length: i64,
    errors: FormErrors,
    changed: bool,
}

fn page(viewer: &Viewer, layout: Layout, errors: FormErrors, changed: bool) -> AppResult<AccountPage> {
    let account = viewer.account.as_ref().ok_or(AppError::Forbidden)?;
    Ok(AccountPage {
        name: account.display_name.clone(),
        email: account.email.clone().unwrap_or_default(),
        role: layout.t(&format!("role-{}", account.role.code())),
        min_length: MIN_PASSWORD_LENGTH as i64,
        layout: layout.trail(&[("/account", "account-title")]),
        errors,
        changed,
    })
}

pub(crate) async fn show(viewer: Viewer, layout: Layout) -> AppResult<AccountPage> {
    page(&viewer, layout, FormErrors::none(), false)
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
    layout: Layout,
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
    match accounts::change_password(state.store(), user, &form.current, &form.new, &form.repeated, keep, now).await {
        Ok(()) => Ok(page(&viewer, layout, FormErrors::none(), true)?.into_response()),
        Err(error) => {
            let errors = account_problem(&layout.texts, "new", error)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&viewer, layout, errors, false)?).into_response())
        }
    }
}
