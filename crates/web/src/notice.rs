//! Confirmation messages after a change. A form post that succeeds answers with a redirect
//! (POST/redirect/GET, so that refreshing the page never posts again) carrying a [`Notice`];
//! [`crate::layout::attach`] keeps the notice in a short-lived cookie, and the page the browser
//! lands on shows it once and removes the cookie.
//!
//! The cookie holds a message id and at most a number, never text: a visitor who sets it
//! themselves can make a page say only one of the site's own confirmations.

use axum::http::{HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};

use crate::i18n::{Argument, Texts};

/// The cookie that carries a notice from a change to the page after it.
pub(crate) const NOTICE_COOKIE: &str = "wijkbeeld_melding";

/// The prefix every confirmation message id has in the locale files.
const PREFIX: &str = "notice-";

/// A confirmation to show on the next page: a message id from the locale files (`notice-…`)
/// and, for messages that count, the number (`$count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Notice {
    message: &'static str,
    count: Option<i64>,
}

impl Notice {
    /// A confirmation without a number. `message` is a `notice-…` id.
    pub(crate) const fn new(message: &'static str) -> Notice {
        Notice { message, count: None }
    }

    /// A confirmation with a number (which also chooses a plural form).
    pub(crate) const fn counted(message: &'static str, count: i64) -> Notice {
        Notice { message, count: Some(count) }
    }

    /// The cookie's value: "notice-x" or "notice-x.12".
    fn cookie_value(self) -> String {
        match self.count {
            Some(count) => format!("{}.{count}", self.message),
            None => self.message.to_owned(),
        }
    }
}

/// A redirect after a change that shows `notice` on the page at `to`.
pub(crate) fn redirect(to: &str, notice: Notice) -> Response {
    let mut response = Redirect::to(to).into_response();
    response.extensions_mut().insert(notice);
    response
}

/// The `Set-Cookie` value that carries a notice: for two minutes, enough for the redirect.
pub(crate) fn cookie_header(notice: Notice, secure: bool) -> HeaderValue {
    crate::auth::set_cookie(
        NOTICE_COOKIE,
        &notice.cookie_value(),
        crate::auth::SITE_WIDE,
        Some(cookie::time::Duration::minutes(2)),
        secure,
    )
}

/// The notice a request carries, as the sentence to show; `None` when there is none or the
/// cookie names no confirmation the site has.
pub(crate) fn shown(headers: &HeaderMap, texts: &Texts) -> Option<String> {
    let value = crate::auth::request_cookie(headers, NOTICE_COOKIE)?;
    let (message, count) = match value.split_once('.') {
        Some((message, count)) => (message, Some(count.parse::<i64>().ok()?)),
        None => (value, None),
    };
    let well_formed = message.starts_with(PREFIX)
        && message.len() < 80
        && message.chars().all(|character| character.is_ascii_lowercase() || character == '-');
    if !well_formed {
        return None;
    }
    match count {
        Some(count) => texts.lookup_with(message, &[("count", Argument::Number(count))]),
        None => texts.lookup(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn headers(cookie: &'static str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static(cookie));
        headers
    }

    #[test]
    fn a_notice_is_read_back_in_the_language_of_the_page() {
        let value = Notice::new("notice-proposal-saved").cookie_value();
        let cookie: &'static str = Box::leak(format!("{NOTICE_COOKIE}={value}").into_boxed_str());
        let dutch = shown(&headers(cookie), &Texts::new(crate::i18n::Language::Dutch)).unwrap();
        let english = shown(&headers(cookie), &Texts::new(crate::i18n::Language::English)).unwrap();
        assert_ne!(dutch, english);
        assert!(!dutch.contains("notice-"), "{dutch}");
    }

    #[test]
    fn a_counted_notice_carries_its_number() {
        let text = shown(
            &headers("wijkbeeld_melding=notice-measurements-imported.12"),
            &Texts::new(crate::i18n::Language::Dutch),
        )
        .unwrap();
        assert!(text.contains("12"), "{text}");
    }

    #[test]
    fn a_cookie_naming_no_confirmation_shows_nothing() {
        let texts = Texts::new(crate::i18n::Language::Dutch);
        for cookie in [
            "wijkbeeld_melding=error-bad-request",
            "wijkbeeld_melding=notice-no-such-message",
            "wijkbeeld_melding=notice-proposal-saved.x",
            "wijkbeeld_melding=<script>",
            "other=notice-proposal-saved",
        ] {
            assert_eq!(shown(&headers(cookie), &texts), None, "{cookie}");
        }
    }
}
