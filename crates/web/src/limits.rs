//! The client address that limits on how often one client may try something (signing in,
//! sending a public form) are counted by; the limits themselves are the use cases'
//! (`wijkbeeld_app::sessions`).

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::AppState;

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
