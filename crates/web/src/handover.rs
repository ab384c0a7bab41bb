//! One-time secrets handed over after a form post: a new account's generated password and a new
//! API token. wijkbeeld keeps only their hashes, so the page that shows one is the only chance to
//! copy it; yet that page must come from a redirect (POST/redirect/GET), or refreshing it would
//! post the form again and make a second account attempt or a second token.
//!
//! The post therefore hands the secret to the browser that made it, in a cookie that lives ten
//! minutes (HttpOnly, SameSite=Strict, Secure behind TLS), and redirects to the page that shows
//! it; that page removes the cookie, so a refresh, a bookmark or another browser shows nothing.
//! The server writes the secret nowhere, in memory or on disk, and any process of a deployment
//! can show the page. The browser holds no more than it received on the page itself.

use axum::http::{HeaderMap, HeaderValue};
use cookie::SameSite;
use cookie::time::Duration;
use serde::{Deserialize, Serialize};

use crate::auth::{CookieScope, removal_in, set_cookie};

/// The cookie that carries a secret from the form post to the page that shows it.
pub(crate) const SECRET_COOKIE: &str = "wijkbeeld_geheim";

/// How long a secret waits to be shown.
const LIFETIME_MINUTES: i64 = 10;

/// Only the pages under /beheer that show a secret read it, and never from a link on another
/// site.
const SCOPE: CookieScope = CookieScope { path: "/beheer", same_site: SameSite::Strict };

/// A secret to show once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(crate) enum Secret {
    /// A new account, with its generated password (none when the administrator chose one).
    Account { email: String, password: Option<String> },
    /// A new API token.
    Token { name: String, secret: String },
}

impl Secret {
    /// The `Set-Cookie` value that hands this secret to the browser.
    pub(crate) fn cookie_header(&self, secure: bool) -> Option<HeaderValue> {
        let json = serde_json::to_vec(self).ok()?;
        Some(set_cookie(SECRET_COOKIE, &hex(&json), SCOPE, Some(Duration::minutes(LIFETIME_MINUTES)), secure))
    }

    /// The secret a request's cookie holds, if it holds one of `kind`'s shape.
    pub(crate) fn from_request(headers: &HeaderMap) -> Option<Secret> {
        let value = crate::auth::request_cookie(headers, SECRET_COOKIE)?;
        serde_json::from_slice(&unhex(value)?).ok()
    }
}

/// The `Set-Cookie` value that removes the secret's cookie.
pub(crate) fn removal_header(secure: bool) -> HeaderValue {
    removal_in(SECRET_COOKIE, SCOPE, secure)
}

// Hexadecimal keeps any name (quotes, semicolons, letters beyond ASCII) within a cookie's
// characters without another dependency; the values are small.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() > 8_192 {
        return None;
    }
    (0..text.len()).step_by(2).map(|at| u8::from_str_radix(text.get(at..at + 2)?, 16).ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn request_with(cookie_header: &HeaderValue) -> HeaderMap {
        let pair = cookie_header.to_str().unwrap().split(';').next().unwrap().to_owned();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        headers
    }

    #[test]
    fn a_secret_comes_back_from_its_cookie_whatever_its_name_holds() {
        let secret = Secret::Token { name: "Koppeling \"één\"; <b>".to_owned(), secret: "geheim-123".to_owned() };
        let header = secret.cookie_header(true).unwrap();
        let text = header.to_str().unwrap();
        for attribute in ["HttpOnly", "SameSite=Strict", "Secure", "Path=/beheer", "Max-Age=600"] {
            assert!(text.contains(attribute), "{attribute} missing: {text}");
        }
        assert_eq!(Secret::from_request(&request_with(&header)), Some(secret));
    }

    #[test]
    fn the_removal_names_the_path_and_same_site_the_secret_was_set_with() {
        let removal = removal_header(true);
        let text = removal.to_str().unwrap();
        for attribute in ["wijkbeeld_geheim=;", "HttpOnly", "SameSite=Strict", "Secure", "Path=/beheer", "Max-Age=0"] {
            assert!(text.contains(attribute), "{attribute} missing: {text}");
        }
    }

    #[test]
    fn a_cookie_that_holds_no_secret_shows_nothing() {
        for value in ["", "zz", "abc", "7b7d", &"00".repeat(5_000)] {
            let mut headers = HeaderMap::new();
            headers.insert(header::COOKIE, HeaderValue::from_str(&format!("{SECRET_COOKIE}={value}")).unwrap());
            assert_eq!(Secret::from_request(&headers), None, "{value}");
        }
    }
}
