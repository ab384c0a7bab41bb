//! `GET /api/v1/commitments`: the commitments (toezeggingen) made in sessions, filtered as the
//! overview page is. The public sees those of recorded outcomes on published evenings;
//! signed-in staff every one.

use axum::Extension;
use axum::extract::{Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wijkbeeld_app::Caller;
use wijkbeeld_app::outcome::{self, CommitmentFilter, OutcomeError};
use wijkbeeld_domain::market::CommitmentStatus;

use super::{ApiError, Errors, Json, schemas};
use crate::AppState;

impl From<OutcomeError> for ApiError {
    fn from(error: OutcomeError) -> Self {
        match error {
            OutcomeError::Denied(denied) => denied.into(),
            OutcomeError::NoMunicipality(missing) => missing.into(),
            OutcomeError::NotFound(_) => ApiError::not_found(),
            other => ApiError::internal(&other),
        }
    }
}

/// A commitment made by a portfolio holder in a session.
#[derive(Serialize, ToSchema)]
#[schema(as = Commitment)]
pub(crate) struct CommitmentItem {
    id: i64,
    /// The session it was made in; its outcome is at `/sessies/{session}/uitkomst`.
    session: i64,
    /// The day of the session.
    #[schema(format = Date)]
    session_date: String,
    /// The subject of the proposal treated.
    proposal: String,
    /// The portfolio holder who made it.
    portfolio_holder: Option<String>,
    /// The programme (ontwikkelopgave) it serves.
    programme: Option<String>,
    /// What was promised.
    text: String,
    /// When it is due (the date given, or the next 1 July or 1 December after the session).
    #[schema(format = Date)]
    due: String,
    #[schema(value_type = schemas::CommitmentStatus)]
    status: CommitmentStatus,
    /// Whether it is open past its due date.
    overdue: bool,
    /// The document that fulfilled it.
    fulfilled_by: Option<String>,
    /// When it was fulfilled.
    #[schema(format = Date)]
    fulfilled_on: Option<String>,
}

/// The filters of `/api/v1/commitments`, as on the overview page.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CommitmentQuery {
    /// The portfolio holder's person id.
    portfolio_holder: Option<String>,
    /// The programme's id.
    programme: Option<String>,
    /// Only commitments with this status.
    #[param(value_type = Option<schemas::CommitmentStatus>)]
    status: Option<String>,
    /// Only those due on or after this day (YYYY-MM-DD).
    due_from: Option<String>,
    /// Only those due on or before this day (YYYY-MM-DD).
    due_until: Option<String>,
    /// Only overdue ones (`true`).
    overdue: Option<bool>,
}

fn present(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

fn id(field: &str, text: Option<&str>) -> Result<Option<i64>, ApiError> {
    present(text)
        .map(|text| text.parse().map_err(|_| ApiError::bad_request(Some(field), "an id is a number.")))
        .transpose()
}

fn day(field: &str, text: Option<&str>) -> Result<Option<time::Date>, ApiError> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    present(text)
        .map(|text| {
            time::Date::parse(text, format).map_err(|_| ApiError::bad_request(Some(field), "a day is YYYY-MM-DD."))
        })
        .transpose()
}

impl CommitmentQuery {
    fn filter(&self) -> Result<CommitmentFilter, ApiError> {
        let status = present(self.status.as_deref())
            .map(|text| {
                text.parse::<CommitmentStatus>()
                    .map_err(|_| ApiError::bad_request(Some("status"), "status is open, afgedaan or vervallen."))
            })
            .transpose()?;
        Ok(CommitmentFilter {
            holder: id("portfolio_holder", self.portfolio_holder.as_deref())?,
            programme: id("programme", self.programme.as_deref())?,
            status,
            due_from: day("due_from", self.due_from.as_deref())?,
            due_until: day("due_until", self.due_until.as_deref())?,
            overdue: self.overdue.unwrap_or(false),
        })
    }
}

/// Commitments the caller may see, by due date.
#[utoipa::path(
    get,
    path = "/api/v1/commitments",
    params(CommitmentQuery),
    security((), ("token" = [])),
    responses(
        (status = 200, description = "Commitments", body = Vec<CommitmentItem>),
        (status = 400, description = "A filter is not valid", body = Errors),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
    ),
)]
pub(crate) async fn commitments(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<CommitmentQuery>,
) -> Result<Json<Vec<CommitmentItem>>, ApiError> {
    let found = outcome::commitments(state.app(), &caller, &query.filter()?).await?;
    Ok(Json(
        found
            .commitments
            .into_iter()
            .map(|view| CommitmentItem {
                id: view.row.id,
                session: view.row.session_id,
                session_date: view.row.session_date.to_string(),
                proposal: view.row.subject,
                portfolio_holder: view.row.holder,
                programme: view.row.programme,
                text: view.row.text,
                due: view.due.to_string(),
                status: view.row.status,
                overdue: view.overdue,
                fulfilled_by: view.row.fulfilled_by,
                fulfilled_on: view.row.fulfilled_on.map(|date| date.to_string()),
            })
            .collect(),
    ))
}
