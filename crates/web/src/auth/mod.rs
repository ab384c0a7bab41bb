//! Who is asking: every request is resolved to a [`Viewer`] — anonymous, signed in through a
//! session cookie, or (on the JSON API) through an API token — before any handler runs.
//! [`policy`] then decides per route whether the viewer may pass, and [`csrf`] guards every
//! request that changes state.

pub(crate) mod csrf;
pub(crate) mod policy;
pub mod secrets;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use time::{Duration, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{Role, User};
use wijkbeeld_domain::monitor::Partner;
use wijkbeeld_store::accounts;

use crate::AppState;
use crate::api::ApiError;

/// The cookie that holds a signed-in browser's session token.
pub(crate) const SESSION_COOKIE: &str = "wijkbeeld_sessie";
/// The cookie that holds an anonymous visitor's form token (against cross-site form posts).
pub(crate) const FORM_COOKIE: &str = "wijkbeeld_formulier";
/// A session ends after this long without use…
pub const SESSION_IDLE: Duration = Duration::hours(8);
/// …and at the latest this long after signing in.
pub const SESSION_LONGEST: Duration = Duration::hours(24);
/// A session's use is written down at most this often, to spare the database a write per request.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// A signed-in account (or API token) as handlers see it.
#[derive(Debug, Clone)]
pub struct Account {
    /// The user; `None` for an API token.
    pub user_id: Option<Id<User>>,
    /// The name to show and to write in the audit log.
    pub display_name: String,
    /// The sign-in address; `None` for an API token.
    pub email: Option<String>,
    /// What the account may do.
    pub role: Role,
    /// The partner organisation, for the partner role.
    pub partner_id: Option<Id<Partner>>,
}

/// How the viewer was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Channel {
    /// Not signed in.
    Anonymous,
    /// A session cookie; the SHA-256 of its token.
    Session {
        /// The hash under which the session is stored.
        token_hash: String,
    },
    /// An `Authorization: Bearer` API token.
    Bearer,
}

/// Who is asking, and the token their forms must carry.
#[derive(Debug, Clone)]
pub struct Viewer {
    /// The account, when signed in.
    pub account: Option<Account>,
    /// How the account was recognised.
    pub channel: Channel,
    /// The token forms must send back as `_csrf` (or the `X-CSRF-Token` header).
    pub form_token: String,
}

impl Viewer {
    /// The viewer's role; `None` for the public.
    pub fn role(&self) -> Option<Role> {
        self.account.as_ref().map(|account| account.role)
    }

    /// The name the audit log records for this viewer's changes.
    pub fn actor(&self) -> String {
        match &self.account {
            Some(Account { email: Some(email), .. }) => email.clone(),
            Some(account) => format!("API-token {}", account.display_name),
            None => "publiek".to_owned(),
        }
    }

    /// Who makes this viewer's changes, as the use cases record them in the audit log.
    pub fn audit_actor(&self) -> crate::accounts::Actor {
        crate::accounts::Actor {
            user_id: self.account.as_ref().and_then(|account| account.user_id),
            name: self.actor(),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        // `resolve` puts a viewer on every request; without it (a route outside the layer), the
        // safe assumption is the public with no form token, whose forms are then refused.
        Ok(parts.extensions.get::<Viewer>().cloned().unwrap_or(Viewer {
            account: None,
            channel: Channel::Anonymous,
            form_token: String::new(),
        }))
    }
}

/// The cookies of a request, by name.
pub(crate) fn request_cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.trim_matches('"'))
}

/// Whether cookies must be marked Secure: when configured, or when a TLS-terminating proxy says
/// the request came in over HTTPS.
pub(crate) fn secure_request(state: &AppState, headers: &HeaderMap) -> bool {
    state.settings().secure_cookies
        || headers.get("x-forwarded-proto").and_then(|value| value.to_str().ok()) == Some("https")
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Lax, for the whole site; Secure behind TLS.
pub(crate) fn cookie_header(name: &str, value: &str, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((name, value)).http_only(true).same_site(SameSite::Lax).path("/").secure(secure).build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A `Set-Cookie` value that removes a cookie.
pub(crate) fn removal_header(name: &str, secure: bool) -> HeaderValue {
    let cookie = Cookie::build((name, ""))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(secure)
        .max_age(cookie::time::Duration::ZERO)
        .build();
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// When a session that is used now ends: after the idle time, but never past its longest life.
pub(crate) fn session_end(created_at: OffsetDateTime, now: OffsetDateTime) -> OffsetDateTime {
    (now + SESSION_IDLE).min(created_at + SESSION_LONGEST)
}

/// The middleware that resolves the viewer of every request.
pub(crate) async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let now = state.clock().now();
    let secure = secure_request(&state, request.headers());
    let mut cookies_to_set: Vec<HeaderValue> = Vec::new();
    let is_api = request.uri().path().starts_with("/api/");
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(|token| token.trim().to_owned());

    let viewer = match (is_api, bearer) {
        (true, Some(token)) => match bearer_viewer(&state, &token, now).await {
            Ok(Some(viewer)) => viewer,
            Ok(None) => return ApiError::invalid_token().into_response(),
            Err(error) => return ApiError::internal(&error).into_response(),
        },
        _ => match request_cookie(request.headers(), SESSION_COOKIE).map(ToOwned::to_owned) {
            Some(token) => match session_viewer(&state, &token, now).await {
                Ok(Some(viewer)) => viewer,
                Ok(None) => {
                    // An ended or unknown session: forget the cookie and carry on as the public.
                    cookies_to_set.push(removal_header(SESSION_COOKIE, secure));
                    anonymous(&request, &mut cookies_to_set, secure)
                }
                Err(error) => {
                    tracing::error!(%error, "reading the session failed");
                    return crate::AppError::from(error).into_response();
                }
            },
            None => anonymous(&request, &mut cookies_to_set, secure),
        },
    };
    request.extensions_mut().insert(viewer);
    let mut response = next.run(request).await;
    // A handler that set a cookie itself (signing in, out) has the last word on it.
    let set_by_handler: Vec<String> = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.split('=').next().map(ToOwned::to_owned))
        .collect();
    for cookie in cookies_to_set {
        let name = cookie.to_str().ok().and_then(|value| value.split('=').next()).unwrap_or_default().to_owned();
        if !set_by_handler.contains(&name) {
            response.headers_mut().append(header::SET_COOKIE, cookie);
        }
    }
    response
}

/// Paths that never carry a form: no form cookie is handed out with them.
fn without_forms(path: &str) -> bool {
    path.starts_with("/static/") || path.starts_with("/api/") || path == "/healthz"
}

fn anonymous(request: &Request, cookies_to_set: &mut Vec<HeaderValue>, secure: bool) -> Viewer {
    let form_token = match request_cookie(request.headers(), FORM_COOKIE) {
        Some(token) if token.len() >= 32 => token.to_owned(),
        _ if without_forms(request.uri().path()) => String::new(),
        _ => {
            // No randomness means no form token: forms are then refused, which is safe.
            let token = secrets::new_token().unwrap_or_default();
            if !token.is_empty() {
                cookies_to_set.push(cookie_header(FORM_COOKIE, &token, secure));
            }
            token
        }
    };
    Viewer { account: None, channel: Channel::Anonymous, form_token }
}

async fn session_viewer(
    state: &AppState,
    token: &str,
    now: OffsetDateTime,
) -> Result<Option<Viewer>, wijkbeeld_store::StoreError> {
    let token_hash = secrets::digest(token);
    let mut tx = state.store().begin().await?;
    let Some(session) = accounts::session(&mut tx, &token_hash, now).await? else { return Ok(None) };
    drop(tx);
    if now - session.touched_at >= TOUCH_EVERY {
        let mut tx = state.store().begin_write().await?;
        accounts::touch_session(&mut tx, &token_hash, now, session_end(session.created_at, now)).await?;
        tx.commit().await?;
    }
    let user = session.user;
    Ok(Some(Viewer {
        account: Some(Account {
            user_id: Some(user.id),
            display_name: user.display_name,
            email: Some(user.email),
            role: user.role,
            partner_id: user.partner_id,
        }),
        channel: Channel::Session { token_hash },
        form_token: session.csrf_token,
    }))
}

async fn bearer_viewer(
    state: &AppState,
    token: &str,
    now: OffsetDateTime,
) -> Result<Option<Viewer>, wijkbeeld_store::StoreError> {
    let mut tx = state.store().begin_write().await?;
    let found = accounts::use_api_token(&mut tx, &secrets::digest(token), now).await?;
    tx.commit().await?;
    Ok(found.map(|token| Viewer {
        account: Some(Account {
            user_id: None,
            display_name: token.name,
            email: None,
            role: token.role,
            partner_id: token.partner_id,
        }),
        channel: Channel::Bearer,
        form_token: String::new(),
    }))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn cookies_are_read_by_name() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("a=1; wijkbeeld_sessie=abc; b=2"));
        assert_eq!(request_cookie(&headers, SESSION_COOKIE), Some("abc"));
        assert_eq!(request_cookie(&headers, "c"), None);
    }

    #[test]
    fn session_cookies_are_http_only_and_same_site() {
        let value = cookie_header(SESSION_COOKIE, "abc", true);
        let text = value.to_str().unwrap();
        assert!(text.starts_with("wijkbeeld_sessie=abc"));
        for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Secure"] {
            assert!(text.contains(attribute), "{text}");
        }
        assert!(!cookie_header(SESSION_COOKIE, "abc", false).to_str().unwrap().contains("Secure"));
        assert!(removal_header(SESSION_COOKIE, false).to_str().unwrap().contains("Max-Age=0"));
    }

    #[test]
    fn sessions_slide_but_not_past_their_longest_life() {
        let signed_in = datetime!(2026-11-28 09:00 UTC);
        assert_eq!(session_end(signed_in, signed_in), datetime!(2026-11-28 17:00 UTC));
        assert_eq!(session_end(signed_in, datetime!(2026-11-29 05:00 UTC)), datetime!(2026-11-29 09:00 UTC));
    }
}
