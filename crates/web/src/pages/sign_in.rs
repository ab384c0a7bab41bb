//! Signing in and out: `GET`/`POST /inloggen`, `POST /uitloggen`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use wijkbeeld_domain::access::EmailAddress;
use wijkbeeld_store::accounts;

use crate::AppState;
use crate::accounts::verify_password;
use crate::auth::{
    Channel, FORM_COOKIE, SESSION_COOKIE, Viewer, cookie_header, removal_header, secrets, secure_request, session_end,
};
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::layout::Layout;
use crate::limits::{self, ClientAddress};

#[derive(Template, WebTemplate)]
#[template(path = "sign_in.html")]
pub(crate) struct SignInPage {
    layout: Layout,
    email: String,
    back: String,
    errors: FormErrors,
}

#[derive(Deserialize, Default)]
pub(crate) struct BackQuery {
    #[serde(default)]
    terug: String,
}

#[derive(Deserialize, Default)]
pub(crate) struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    terug: String,
}

/// Only a path on this site: never `//elsewhere` or `https://elsewhere` (an open redirect).
pub(crate) fn local_path(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.starts_with("/\\") { back } else { "/" }
}

fn page(layout: Layout, email: String, back: String, errors: FormErrors) -> SignInPage {
    SignInPage { layout: layout.trail(&[("/inloggen", "sign-in-title")]), email, back, errors }
}

pub(crate) async fn form(layout: Layout, Query(query): Query<BackQuery>) -> SignInPage {
    page(layout, String::new(), local_path(&query.terug).to_owned(), FormErrors::none())
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    layout: Layout,
    client: ClientAddress,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> AppResult<Response> {
    let now = state.clock().now();
    limits::check(&state, limits::SIGN_IN, &client, now).await?;
    let back = local_path(&form.terug).to_owned();

    let credentials = match form.email.parse::<EmailAddress>() {
        Ok(email) => {
            let mut tx = state.store().begin().await?;
            accounts::credentials(&mut tx, &email).await?
        }
        Err(_) => None,
    };
    let usable = credentials.filter(|credentials| credentials.user.disabled_at.is_none());
    // Unknown addresses are checked against a decoy hash: a refusal takes as long either way.
    let hash = usable
        .as_ref()
        .and_then(|credentials| credentials.password_hash.clone())
        .unwrap_or_else(|| secrets::decoy_hash().to_owned());
    let matches = verify_password(form.password.clone(), hash).await;
    let Some(credentials) = usable.filter(|credentials| matches && credentials.password_hash.is_some()) else {
        tracing::info!(client = %client.0, "sign-in refused");
        // One message for every failure, so that it does not tell which addresses exist.
        let errors = FormErrors::one("email", layout.t("sign-in-failed"));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(layout, form.email, back, errors)).into_response());
    };

    let token = secrets::new_token()?;
    let form_token = secrets::new_token()?;
    let mut tx = state.store().begin_write().await?;
    accounts::create_session(
        &mut tx,
        &secrets::digest(&token),
        credentials.user.id,
        &form_token,
        now,
        session_end(now, now),
    )
    .await?;
    accounts::remove_expired_sessions(&mut tx, now).await?;
    tx.commit().await?;
    tracing::info!(user = credentials.user.id.get(), "signed in");

    let secure = secure_request(&state, &headers);
    let mut response = Redirect::to(&back).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie_header(SESSION_COOKIE, &token, secure));
    response.headers_mut().append(header::SET_COOKIE, removal_header(FORM_COOKIE, secure));
    Ok(response)
}

pub(crate) async fn sign_out(State(state): State<AppState>, viewer: Viewer, headers: HeaderMap) -> AppResult<Response> {
    if let Channel::Session { token_hash } = &viewer.channel {
        let mut tx = state.store().begin_write().await?;
        accounts::end_session(&mut tx, token_hash).await?;
        tx.commit().await?;
    }
    let mut response = Redirect::to("/").into_response();
    response.headers_mut().append(header::SET_COOKIE, removal_header(SESSION_COOKIE, secure_request(&state, &headers)));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_local_paths_are_followed_after_signing_in() {
        assert_eq!(local_path("/audit?pagina=2"), "/audit?pagina=2");
        for outside in ["https://example.org", "//example.org", "/\\example.org", "", "audit"] {
            assert_eq!(local_path(outside), "/", "{outside}");
        }
    }
}
