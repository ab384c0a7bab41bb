//! wijkbeeld's web server: the router with its HTML pages and health check, the shared
//! [`AppState`], and [`serve`], which runs the router until a shutdown signal.
//!
//! Handlers are thin: they read the request, call one store query or use case, and render.
//! [`app`] builds the whole site so that tests can drive it in-process.

mod assets;
mod error;
mod format;
mod health;
mod pages;

use std::future::Future;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;
use time::{Date, OffsetDateTime};
use tokio::net::TcpListener;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use wijkbeeld_store::Store;

pub use error::{AppError, AppResult};

/// Where the server reads the time from: the system clock, or a fixed moment in tests.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The system clock.
    System,
    /// Always this moment.
    Fixed(OffsetDateTime),
}

impl Clock {
    /// The current moment.
    pub fn now(&self) -> OffsetDateTime {
        match self {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(moment) => *moment,
        }
    }

    /// Today in the Netherlands.
    pub fn today(&self) -> Date {
        wijkbeeld_domain::local_time::in_dutch_time(self.now()).date()
    }
}

/// What every handler shares. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    clock: Clock,
}

impl AppState {
    /// State over a store, reading the time from `clock`.
    pub fn new(store: Store, clock: Clock) -> Self {
        AppState { inner: Arc::new(Inner { store, clock }) }
    }

    /// The database.
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The clock.
    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }
}

/// The whole site.
pub fn app(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::home::show))
        .route("/healthz", get(health::check))
        .route("/static/{*file}", get(assets::serve))
        .fallback(pages::not_found)
        .layer(
            // One line per request at INFO: method, path, status and latency.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// Serves the site on `listener` until `shutdown` completes, then finishes the requests in
/// flight and returns.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state)).with_graceful_shutdown(shutdown).await
}
