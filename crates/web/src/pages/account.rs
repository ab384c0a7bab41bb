//! The signed-in user's own account: `GET /account`, and `POST /account/wachtwoord` to change
//! the password.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::{Caller, accounts};
use wijkbeeld_domain::access::MIN_PASSWORD_LENGTH;

use crate::auth::{Channel, Viewer};
use crate::error::AppResult;
use crate::forms::{FormErrors, account_problem};
use crate::layout::Layout;
use crate::notice::{self, Notice};
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
}

fn page(viewer: &Viewer, layout: Layout, errors: FormErrors) -> AppResult<AccountPage> {
    let account = viewer.account.as_ref().ok_or(AppError::Forbidden)?;
    Ok(AccountPage {
        name: account.display_name.clone(),
        email: account.email.clone().unwrap_or_default(),
        role: layout.t(&format!("role-{}", account.role.code())),
        min_length: MIN_PASSWORD_LENGTH as i64,
        layout: layout.trail(&[("/account", "account-title")]),
        errors,
    })
}

pub(crate) async fn show(viewer: Viewer, layout: Layout) -> AppResult<AccountPage> {
    page(&viewer, layout, FormErrors::none())
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
    Extension(caller): Extension<Caller>,
    viewer: Viewer,
    layout: Layout,
    Form(form): Form<PasswordForm>,
) -> AppResult<Response> {
    let keep = match &viewer.channel {
        Channel::Session { token_hash } => Some(token_hash.as_str()),
        _ => None,
    };
    match accounts::change_password(state.app(), &caller, &form.current, &form.new, &form.repeated, keep).await {
        Ok(()) => Ok(notice::redirect("/account", Notice::new("notice-password-changed"))),
        Err(error) => {
            let errors = account_problem(&layout.texts, "new", error)?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&viewer, layout, errors)?).into_response())
        }
    }
}
