//! Limits on how often one client address may try something — signing in, sending a public
//! form — counted in the database so that every server counts the same.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use time::{Duration, OffsetDateTime};
use wijkbeeld_store::rate_limits;

use crate::{AppError, AppState};

/// The address a request came from: the peer, or behind a trusted proxy the first address of
/// `X-Forwarded-For`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClientAddress(pub(crate) String);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.settings().trust_proxy
            && let Some(forwarded) = parts.headers.get("x-forwarded-for").and_then(|value| value.to_str().ok())
            && let Some(first) = forwarded.split(',').map(str::trim).find(|address| !address.is_empty())
        {
            return Ok(ClientAddress(first.to_owned()));
        }
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip().to_string());
        Ok(ClientAddress(peer.unwrap_or_else(|| "unknown".to_owned())))
    }
}

/// How many requests of one kind a client may make in a window.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limit {
    /// What is counted.
    pub(crate) bucket: &'static str,
    /// Requests allowed per window.
    pub(crate) max: i64,
    /// The window.
    pub(crate) window: Duration,
}

/// Sign-in attempts, successful or not: enough for typing errors, too few for guessing.
pub(crate) const SIGN_IN: Limit = Limit { bucket: "inloggen", max: 10, window: Duration::minutes(15) };

/// Counts one request and refuses it when the client is over the limit.
pub(crate) async fn check(
    state: &AppState,
    limit: Limit,
    client: &ClientAddress,
    now: OffsetDateTime,
) -> Result<(), AppError> {
    let window = limit.window.whole_seconds().max(1);
    let moment = now.unix_timestamp();
    let window_start = moment - moment.rem_euclid(window);
    let mut tx = state.store().begin_write().await?;
    let hits = rate_limits::hit(&mut tx, limit.bucket, &client.0, window_start).await?;
    // Old windows are of no use; clearing them here keeps the table small without a job.
    rate_limits::forget_before(&mut tx, moment - Duration::days(1).whole_seconds()).await?;
    tx.commit().await?;
    if hits > limit.max {
        tracing::warn!(bucket = limit.bucket, client = %client.0, hits, "rate limit exceeded");
        Err(AppError::TooManyRequests { retry_after: Duration::seconds(window_start + window - moment) })
    } else {
        Ok(())
    }
}
