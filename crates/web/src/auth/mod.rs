//! Who is asking: every request is resolved to a [`Viewer`] — anonymous, signed in through a
//! session cookie, or (on the JSON API) through an API token — before any handler runs; the page
//! frame ([`crate::layout::attach`]) then makes the use cases' [`wijkbeeld_app::Caller`] from it
//! once, which handlers take with `Extension<Caller>`. [`policy`] decides per route whether the
//! viewer may pass, and [`csrf`] guards every request that changes state.

pub(crate) mod csrf;
pub(crate) mod policy;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use cookie::{Cookie, SameSite};
use wijkbeeld_app::{Account, Who, secrets, sessions};
use wijkbeeld_domain::access::Role;

use crate::AppState;
use crate::api::ApiError;

/// The cookie that holds a signed-in browser's session token.
pub(crate) const SESSION_COOKIE: &str = "wijkbeeld_sessie";
/// The cookie that holds an anonymous visitor's form token (against cross-site form posts).
pub(crate) const FORM_COOKIE: &str = "wijkbeeld_formulier";

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

    /// Who the viewer is to the use cases.
    pub fn who(&self) -> Who {
        match &self.account {
            Some(account) => Who::Account(account.clone()),
            None => Who::Public,
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

/// Where a cookie applies. A browser removes a cookie only when the removal names the path and
/// SameSite it was set with, so a cookie is set and removed through the same scope.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CookieScope {
    pub(crate) path: &'static str,
    pub(crate) same_site: SameSite,
}

/// The whole site, sent on top-level navigation from elsewhere (SameSite=Lax).
pub(crate) const SITE_WIDE: CookieScope = CookieScope { path: "/", same_site: SameSite::Lax };

/// A `Set-Cookie` value, HttpOnly always and Secure behind TLS: for as long as the browser runs
/// without a `lifetime`. The names are ours and the values of cookie characters; the empty
/// fallback only keeps a surprise from becoming a panic.
pub(crate) fn set_cookie(
    name: &str,
    value: &str,
    scope: CookieScope,
    lifetime: Option<cookie::time::Duration>,
    secure: bool,
) -> HeaderValue {
    let mut cookie =
        Cookie::build((name, value)).http_only(true).same_site(scope.same_site).path(scope.path).secure(secure).build();
    if let Some(lifetime) = lifetime {
        cookie.set_max_age(lifetime);
    }
    HeaderValue::from_str(&cookie.to_string()).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// A `Set-Cookie` value that removes the cookie `name` set in `scope`.
pub(crate) fn removal_in(name: &str, scope: CookieScope, secure: bool) -> HeaderValue {
    set_cookie(name, "", scope, Some(cookie::time::Duration::ZERO), secure)
}

/// A site-wide `Set-Cookie` value for as long as the browser runs.
pub(crate) fn cookie_header(name: &str, value: &str, secure: bool) -> HeaderValue {
    set_cookie(name, value, SITE_WIDE, None, secure)
}

/// A `Set-Cookie` value that removes a site-wide cookie.
pub(crate) fn removal_header(name: &str, secure: bool) -> HeaderValue {
    removal_in(name, SITE_WIDE, secure)
}

/// The middleware that resolves the viewer of every request.
pub(crate) async fn resolve(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
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
        (true, Some(token)) => match sessions::api_token(state.app(), &token).await {
            Ok(Some(account)) => Viewer { account: Some(account), channel: Channel::Bearer, form_token: String::new() },
            Ok(None) => return ApiError::invalid_token().into_response(),
            Err(error) => return ApiError::internal(&error).into_response(),
        },
        _ => match request_cookie(request.headers(), SESSION_COOKIE).map(ToOwned::to_owned) {
            Some(token) => match sessions::session(state.app(), &token).await {
                Ok(Some(session)) => Viewer {
                    account: Some(session.account),
                    channel: Channel::Session { token_hash: session.token_hash },
                    form_token: session.form_token,
                },
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

#[cfg(test)]
mod tests {
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
}
