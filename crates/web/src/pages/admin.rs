//! Functional administration: accounts (`/beheer/gebruikers`) and API tokens (`/beheer/tokens`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::accounts::{self, AccountError, AccountRequest, WithPartners};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{MIN_PASSWORD_LENGTH, Role};

use crate::AppState;
use crate::error::AppResult;
use crate::forms::{Choice, FormErrors, account_problem};
use crate::handover::{self, Secret};
use crate::i18n::Texts;
use crate::layout::Layout;
use crate::notice::{self, Notice};

fn role_choices(texts: &Texts) -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|role| Choice { value: role.code().to_owned(), label: texts.t(&format!("role-{}", role.code())) })
        .collect()
}

/// The partner organisations as choices for a form.
fn partner_choices<T>(listing: &WithPartners<T>) -> Vec<Choice> {
    listing.partner_names().into_iter().map(|name| Choice { value: name.clone(), label: name }).collect()
}

/// An account as the list shows it.
pub(crate) struct UserRow {
    id: i64,
    email: String,
    name: String,
    role: String,
    role_label: String,
    partner: String,
}

/// What was typed into the new-account form.
#[derive(Deserialize, Default)]
pub(crate) struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    partner: String,
    #[serde(default)]
    password: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "users.html")]
pub(crate) struct UsersPage {
    layout: Layout,
    users: Vec<UserRow>,
    roles: Vec<Choice>,
    partners: Vec<Choice>,
    form: NewUserForm,
    errors: FormErrors,
    min_length: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "user_created.html")]
pub(crate) struct UserCreatedPage {
    layout: Layout,
    email: String,
    password: Option<String>,
}

async fn users_page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    form: NewUserForm,
    errors: FormErrors,
) -> AppResult<UsersPage> {
    let listing = accounts::accounts(state.app(), caller).await?;
    let texts = layout.texts;
    let users = listing
        .items
        .iter()
        .map(|user| UserRow {
            id: user.id.get(),
            email: user.email.clone(),
            name: user.display_name.clone(),
            role: user.role.code().to_owned(),
            role_label: texts.t(&format!("role-{}", user.role.code())),
            partner: listing.partner_of(user.partner_id).unwrap_or_default().to_owned(),
        })
        .collect();
    Ok(UsersPage {
        layout: layout.trail(&[("/beheer/gebruikers", "users-title")]),
        users,
        roles: role_choices(&texts),
        partners: partner_choices(&listing),
        form,
        errors,
        min_length: MIN_PASSWORD_LENGTH as i64,
    })
}

pub(crate) async fn users(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<UsersPage> {
    users_page(&state, &caller, layout, NewUserForm::default(), FormErrors::none()).await
}

pub(crate) async fn create_user(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    headers: HeaderMap,
    Form(form): Form<NewUserForm>,
) -> AppResult<Response> {
    let request = AccountRequest {
        email: form.email.clone(),
        display_name: form.name.clone(),
        role: form.role.parse().ok(),
        partner: Some(form.partner.clone()).filter(|partner| !partner.trim().is_empty()),
        password: Some(form.password.clone()).filter(|password| !password.is_empty()),
    };
    match accounts::create_account(state.app(), &caller, &request).await {
        Ok(created) => {
            let secret = Secret::Account { email: created.email.to_string(), password: created.generated_password };
            Ok(hand_over(&state, &headers, &secret, "/beheer/gebruikers/aangemaakt"))
        }
        Err(error) => {
            let errors = account_problem(&layout.texts, "password", error)?;
            // The password is not sent back into the form.
            let form = NewUserForm { password: String::new(), ..form };
            let page = users_page(&state, &caller, layout, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize, Default)]
pub(crate) struct RoleForm {
    #[serde(default)]
    role: String,
    #[serde(default)]
    partner: String,
}

pub(crate) async fn change_role(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(form): Form<RoleForm>,
) -> AppResult<Response> {
    let result = match form.role.parse::<Role>() {
        Ok(role) => {
            let partner = Some(form.partner.as_str()).filter(|partner| !partner.trim().is_empty());
            accounts::change_role(state.app(), &caller, Id::new(id), role, partner).await
        }
        Err(_) => Err(AccountError::MissingRole),
    };
    match result {
        Ok(()) => Ok(notice::redirect("/beheer/gebruikers", Notice::new("notice-role-changed"))),
        Err(error) => {
            let errors = account_problem(&layout.texts, "password", error)?;
            let page = users_page(&state, &caller, layout, NewUserForm::default(), errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// A token as the list shows it.
pub(crate) struct TokenRow {
    id: i64,
    name: String,
    role_label: String,
    partner: String,
    created: String,
    last_used: String,
    revoked: bool,
}

#[derive(Deserialize, Default)]
pub(crate) struct NewTokenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    partner: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "tokens.html")]
pub(crate) struct TokensPage {
    layout: Layout,
    tokens: Vec<TokenRow>,
    roles: Vec<Choice>,
    partners: Vec<Choice>,
    form: NewTokenForm,
    errors: FormErrors,
}

#[derive(Template, WebTemplate)]
#[template(path = "token_created.html")]
pub(crate) struct TokenCreatedPage {
    layout: Layout,
    name: String,
    secret: String,
}

async fn tokens_page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    form: NewTokenForm,
    errors: FormErrors,
) -> AppResult<TokensPage> {
    let listing = accounts::api_tokens(state.app(), caller).await?;
    let texts = layout.texts;
    let day = |moment: time::OffsetDateTime| texts.date(wijkbeeld_domain::local_time::in_dutch_time(moment).date());
    let tokens = listing
        .items
        .iter()
        .map(|token| TokenRow {
            id: token.id.get(),
            name: token.name.clone(),
            role_label: texts.t(&format!("role-{}", token.role.code())),
            partner: listing.partner_of(token.partner_id).unwrap_or_default().to_owned(),
            created: day(token.created_at),
            last_used: token.last_used_at.map(day).unwrap_or_else(|| texts.t("token-never-used")),
            revoked: token.revoked_at.is_some(),
        })
        .collect();
    Ok(TokensPage {
        layout: layout.trail(&[("/beheer/tokens", "tokens-title")]),
        tokens,
        roles: role_choices(&texts),
        partners: partner_choices(&listing),
        form,
        errors,
    })
}

pub(crate) async fn tokens(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<TokensPage> {
    tokens_page(&state, &caller, layout, NewTokenForm::default(), FormErrors::none()).await
}

pub(crate) async fn create_token(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    headers: HeaderMap,
    Form(form): Form<NewTokenForm>,
) -> AppResult<Response> {
    let partner = Some(form.partner.as_str()).filter(|partner| !partner.trim().is_empty());
    let result = match form.role.parse::<Role>() {
        Ok(role) => accounts::create_api_token(state.app(), &caller, &form.name, role, partner).await,
        Err(_) => Err(AccountError::MissingRole),
    };
    match result {
        Ok(created) => {
            let secret = Secret::Token { name: form.name.trim().to_owned(), secret: created.secret };
            Ok(hand_over(&state, &headers, &secret, "/beheer/tokens/gemaakt"))
        }
        Err(error) => {
            let errors = account_problem(&layout.texts, "name", error)?;
            let page = tokens_page(&state, &caller, layout, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub(crate) async fn revoke_token(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    accounts::revoke_api_token(state.app(), &caller, Id::new(id)).await?;
    Ok(notice::redirect("/beheer/tokens", Notice::new("notice-token-revoked")))
}

/// The redirect after a new account or token, handing its secret to this browser only (see
/// [`crate::handover`]).
fn hand_over(state: &AppState, headers: &HeaderMap, secret: &Secret, to: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    if let Some(cookie) = secret.cookie_header(crate::auth::secure_request(state, headers)) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// The page that shows a handed-over secret: once, for it removes the cookie.
fn show_once(state: &AppState, headers: &HeaderMap, mut page: Response) -> Response {
    page.headers_mut()
        .append(header::SET_COOKIE, handover::removal_header(crate::auth::secure_request(state, headers)));
    page
}

/// The page after a secret was shown once, or waited too long, or went to another browser.
#[derive(Template, WebTemplate)]
#[template(path = "secret_gone.html")]
pub(crate) struct SecretGonePage {
    layout: Layout,
    back: &'static str,
    back_label: &'static str,
}

fn secret_gone(layout: Layout, back: &'static str, back_label: &'static str) -> Response {
    let page = SecretGonePage { layout: layout.trail(&[(back, back_label)]), back, back_label };
    (StatusCode::GONE, page).into_response()
}

/// `GET /beheer/gebruikers/aangemaakt`: the new account and its password, once.
pub(crate) async fn user_created(
    State(state): State<AppState>,
    layout: Layout,
    headers: HeaderMap,
) -> AppResult<Response> {
    let page = match Secret::from_request(&headers) {
        Some(Secret::Account { email, password }) => UserCreatedPage {
            layout: layout
                .trail(&[("/beheer/gebruikers", "users-title"), ("/beheer/gebruikers", "user-created-title")]),
            email,
            password,
        }
        .into_response(),
        _ => secret_gone(layout, "/beheer/gebruikers", "users-title"),
    };
    Ok(show_once(&state, &headers, page))
}

/// `GET /beheer/tokens/gemaakt`: the new token, once.
pub(crate) async fn token_created(
    State(state): State<AppState>,
    layout: Layout,
    headers: HeaderMap,
) -> AppResult<Response> {
    let page = match Secret::from_request(&headers) {
        Some(Secret::Token { name, secret }) => TokenCreatedPage {
            layout: layout.trail(&[("/beheer/tokens", "tokens-title"), ("/beheer/tokens", "token-created-title")]),
            name,
            secret,
        }
        .into_response(),
        _ => secret_gone(layout, "/beheer/tokens", "tokens-title"),
    };
    Ok(show_once(&state, &headers, page))
}
