//! Signing in and out, recognising a session or an API token, and limits on how often one
//! client may try: the rules behind the web's cookies. Sessions and counters live in the
//! database, so that every server of a deployment shares them; their writes are bookkeeping,
//! not audited changes.

use time::{Duration, OffsetDateTime};
use wijkbeeld_domain::access::EmailAddress;
use wijkbeeld_store::{StoreError, accounts, rate_limits};

use crate::accounts::verify_password;
use crate::secrets::{self, SecretError};
use crate::{Account, App, Caller};

/// A session ends after this long without use…
pub const SESSION_IDLE: Duration = Duration::hours(8);
/// …and at the latest this long after signing in.
pub const SESSION_LONGEST: Duration = Duration::hours(24);
/// A session's use is written down at most this often, to spare the database a write per request.
const TOUCH_EVERY: Duration = Duration::minutes(5);

/// When a session that is used now ends: after the idle time, but never past its longest life.
pub fn session_end(created_at: OffsetDateTime, now: OffsetDateTime) -> OffsetDateTime {
    (now + SESSION_IDLE).min(created_at + SESSION_LONGEST)
}

/// How many requests of one kind a client may make in a window.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// What is counted.
    pub bucket: &'static str,
    /// Requests allowed per window.
    pub max: i64,
    /// The window.
    pub window: Duration,
}

/// Sign-in attempts, successful or not: enough for typing errors, too few for guessing.
pub const SIGN_IN: Limit = Limit { bucket: "inloggen", max: 10, window: Duration::minutes(15) };
/// Attempts to change a password, per account, as many as signing in allows.
pub const PASSWORD_CHANGE: Limit = Limit { bucket: "wachtwoord", max: 10, window: Duration::minutes(15) };

/// Why a sign-in or a limited request was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The client is over its limit; it may try again after this long.
    #[error("too many requests; try again in {} s", retry_after.whole_seconds())]
    TooManyRequests {
        /// When the client may try again.
        retry_after: Duration,
    },
    /// The address and password do not match an account that may sign in. One answer for every
    /// reason, so that it does not tell which addresses exist.
    #[error("the address or the password is wrong")]
    Refused,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Making a token failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// Counts one request of `client` and refuses it when the client is over `limit`.
pub async fn count_request(app: &App, caller: &Caller, limit: Limit, client: &str) -> Result<(), SessionError> {
    let window = limit.window.whole_seconds().max(1);
    let moment = caller.now().unix_timestamp();
    let window_start = moment - moment.rem_euclid(window);
    let mut tx = app.bookkeeping().await?;
    let hits = rate_limits::hit(&mut tx, limit.bucket, client, window_start).await?;
    // Old windows are of no use; clearing them here keeps the table small without a job.
    rate_limits::forget_before(&mut tx, moment - Duration::days(1).whole_seconds()).await?;
    tx.commit().await?;
    if hits > limit.max {
        tracing::warn!(bucket = limit.bucket, client, hits, "rate limit exceeded");
        Err(SessionError::TooManyRequests { retry_after: Duration::seconds(window_start + window - moment) })
    } else {
        Ok(())
    }
}

/// A new session: the token for the browser's cookie (only its digest is stored).
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The secret for the cookie.
    pub token: String,
    /// The account's user id, for the log.
    pub user_id: i64,
}

/// Signs in with an address and a password, counted against the client's sign-in limit. The
/// session the browser had (`replacing`, its token's digest) ends: signing in again leaves one
/// session, not two.
pub async fn sign_in(
    app: &App,
    caller: &Caller,
    client: &str,
    email: &str,
    password: &str,
    replacing: Option<&str>,
) -> Result<NewSession, SessionError> {
    count_request(app, caller, SIGN_IN, client).await?;
    let credentials = match email.parse::<EmailAddress>() {
        Ok(email) => {
            let mut tx = app.store().begin().await?;
            let found = accounts::credentials(&mut tx, &email).await?;
            tx.commit().await?;
            found
        }
        Err(_) => None,
    };
    let usable = credentials.filter(|credentials| credentials.user.disabled_at.is_none());
    // Unknown addresses are checked against a decoy hash: a refusal takes as long either way.
    let hash = usable
        .as_ref()
        .and_then(|credentials| credentials.password_hash.clone())
        .unwrap_or_else(|| secrets::decoy_hash().to_owned());
    let matches = verify_password(password.to_owned(), hash).await;
    let Some(credentials) = usable.filter(|credentials| matches && credentials.password_hash.is_some()) else {
        tracing::info!(client, "sign-in refused");
        return Err(SessionError::Refused);
    };
    let token = secrets::new_token()?;
    let form_token = secrets::new_token()?;
    let now = caller.now();
    let mut tx = app.bookkeeping().await?;
    accounts::create_session(
        &mut tx,
        &secrets::digest(&token),
        credentials.user.id,
        &form_token,
        now,
        session_end(now, now),
    )
    .await?;
    if let Some(previous) = replacing {
        accounts::end_session(&mut tx, previous).await?;
    }
    accounts::remove_expired_sessions(&mut tx, now).await?;
    tx.commit().await?;
    tracing::info!(user = credentials.user.id.get(), "signed in");
    Ok(NewSession { token, user_id: credentials.user.id.get() })
}

/// Ends the session whose token has the digest `token_hash`.
pub async fn sign_out(app: &App, token_hash: &str) -> Result<(), StoreError> {
    let mut tx = app.bookkeeping().await?;
    accounts::end_session(&mut tx, token_hash).await?;
    tx.commit().await
}

/// A live session, as a request's cookie names it.
#[derive(Debug, Clone)]
pub struct LiveSession {
    /// Its account.
    pub account: Account,
    /// The SHA-256 of its token, under which it is stored.
    pub token_hash: String,
    /// The token its forms must carry.
    pub form_token: String,
}

/// The live session with this token, its use written down (at most every few minutes); `None`
/// when it is unknown, has ended, or its account is disabled.
pub async fn session(app: &App, token: &str) -> Result<Option<LiveSession>, StoreError> {
    let now = app.clock().now();
    let token_hash = secrets::digest(token);
    let mut tx = app.store().begin().await?;
    let Some(session) = accounts::session(&mut tx, &token_hash, now).await? else { return Ok(None) };
    tx.commit().await?;
    if now - session.touched_at >= TOUCH_EVERY {
        let mut tx = app.bookkeeping().await?;
        accounts::touch_session(&mut tx, &token_hash, now, session_end(session.created_at, now)).await?;
        tx.commit().await?;
    }
    let user = session.user;
    Ok(Some(LiveSession {
        account: Account {
            user_id: Some(user.id),
            display_name: user.display_name,
            email: Some(user.email),
            role: user.role,
            partner_id: user.partner_id,
            person_id: user.person_id,
        },
        token_hash,
        form_token: session.csrf_token,
    }))
}

/// The account of an API token, its use written down; `None` when it is unknown or revoked.
pub async fn api_token(app: &App, token: &str) -> Result<Option<Account>, StoreError> {
    let mut tx = app.bookkeeping().await?;
    let found = accounts::use_api_token(&mut tx, &secrets::digest(token), app.clock().now()).await?;
    tx.commit().await?;
    Ok(found.map(|token| Account {
        user_id: None,
        display_name: token.name,
        email: None,
        role: token.role,
        partner_id: token.partner_id,
        person_id: None,
    }))
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    #[test]
    fn sessions_slide_but_not_past_their_longest_life() {
        let signed_in = datetime!(2026-11-28 09:00 UTC);
        assert_eq!(session_end(signed_in, signed_in), datetime!(2026-11-28 17:00 UTC));
        assert_eq!(session_end(signed_in, datetime!(2026-11-29 05:00 UTC)), datetime!(2026-11-29 09:00 UTC));
    }
}
