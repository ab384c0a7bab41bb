//! `GET /healthz`: whether the server can reach its database, for load balancers and monitoring.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use wijkbeeld_app::Backend;
use wijkbeeld_app::setup;

use crate::AppState;

#[derive(Serialize)]
pub(crate) struct Health {
    status: &'static str,
    database: &'static str,
    backend: &'static str,
}

/// 200 when the database answers, 503 when it does not (the cause is logged).
pub(crate) async fn check(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let health = setup::health(state.app()).await;
    let backend = match health.backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    match health.database {
        Ok(()) => (StatusCode::OK, Json(Health { status: "ok", database: "ok", backend })),
        Err(error) => {
            tracing::error!(%error, "health check: the database does not answer");
            (StatusCode::SERVICE_UNAVAILABLE, Json(Health { status: "unavailable", database: "unreachable", backend }))
        }
    }
}
