//! Signing in and out: `GET`/`POST /inloggen`, `POST /uitloggen`.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::sessions::{self, SessionError};

use crate::AppState;
use crate::auth::{Channel, FORM_COOKIE, SESSION_COOKIE, Viewer, cookie_header, removal_header, secure_request};
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::layout::Layout;
use crate::limits::ClientAddress;

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

/// Only a path on this site, of printable ASCII without backslashes: never `//elsewhere` or
/// `https://elsewhere`, and nothing a browser would clean up into one (it drops tabs and
/// newlines from an address, so `/\t/elsewhere` would become `//elsewhere`), nor anything that
/// cannot stand in a header. Anything else goes home.
pub(crate) fn local_path(back: &str) -> &str {
    let safe = back.starts_with('/')
        && !back.starts_with("//")
        && back.bytes().all(|byte| byte.is_ascii_graphic() && byte != b'\\');
    if safe { back } else { "/" }
}

fn page(layout: Layout, email: String, back: String, errors: FormErrors) -> SignInPage {
    SignInPage { layout: layout.trail(&[("/inloggen", "sign-in-title")]), email, back, errors }
}

pub(crate) async fn form(layout: Layout, Query(query): Query<BackQuery>) -> SignInPage {
    page(layout, String::new(), local_path(&query.terug).to_owned(), FormErrors::none())
}

pub(crate) async fn submit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    viewer: Viewer,
    layout: Layout,
    client: ClientAddress,
    headers: HeaderMap,
    Form(form): Form<SignInForm>,
) -> AppResult<Response> {
    let back = local_path(&form.terug).to_owned();
    let replacing = match &viewer.channel {
        Channel::Session { token_hash } => Some(token_hash.as_str()),
        _ => None,
    };
    let signed_in = sessions::sign_in(state.app(), &caller, &client.0, &form.email, &form.password, replacing).await;
    let session = match signed_in {
        Ok(session) => session,
        Err(SessionError::Refused) => {
            // One message for every failure, so that it does not tell which addresses exist.
            let errors = FormErrors::one("email", layout.t("sign-in-failed"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(layout, form.email, back, errors)).into_response());
        }
        Err(other) => return Err(other.into()),
    };
    let secure = secure_request(&state, &headers);
    let mut response = Redirect::to(&back).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie_header(SESSION_COOKIE, &session.token, secure));
    response.headers_mut().append(header::SET_COOKIE, removal_header(FORM_COOKIE, secure));
    Ok(response)
}

pub(crate) async fn sign_out(State(state): State<AppState>, viewer: Viewer, headers: HeaderMap) -> AppResult<Response> {
    if let Channel::Session { token_hash } = &viewer.channel {
        sessions::sign_out(state.app(), token_hash).await?;
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
        assert_eq!(local_path("/voorstellen?zoek=wijk%20gericht"), "/voorstellen?zoek=wijk%20gericht");
        for outside in [
            "https://example.org",
            "//example.org",
            "/\\example.org",
            "",
            "audit",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/a\u{0}b",
            "/a\u{7f}",
            "/wijk gericht",
            "/wijkgerícht",
        ] {
            assert_eq!(local_path(outside), "/", "{outside}");
        }
    }
}
