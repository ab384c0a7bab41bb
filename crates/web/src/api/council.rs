//! `GET /api/v1/sessions/{id}/attendance`: the parties that attend a session, with their
//! councillors and their spokesperson (woordvoerder). Councillors are public officials: their
//! names are public; nothing else of them is here. The public sees the sessions of published
//! evenings; signed-in staff every one.

use axum::Extension;
use axum::extract::{Path, State};
use serde::Serialize;
use utoipa::ToSchema;
use wijkbeeld_app::Caller;
use wijkbeeld_app::council::{self, CouncilError};
use wijkbeeld_domain::attendance::AttendanceRole;

use super::{ApiError, Errors, Json};
use crate::AppState;

impl From<CouncilError> for ApiError {
    fn from(error: CouncilError) -> Self {
        match error {
            CouncilError::Denied(denied) => denied.into(),
            CouncilError::NoMunicipality(missing) => missing.into(),
            CouncilError::NotFound(_) => ApiError::not_found(),
            other => ApiError::internal(&other),
        }
    }
}

/// A party at a session.
#[derive(Serialize, ToSchema)]
#[schema(as = PartyAttendance)]
pub(crate) struct PartyAttendance {
    /// The party's abbreviation.
    party: String,
    /// The councillors who attend for it, its spokesperson among them, by name.
    attendees: Vec<String>,
    /// Its spokesperson in the session, if it has one.
    spokesperson: Option<String>,
}

/// The parties at a session.
#[derive(Serialize, ToSchema)]
#[schema(as = SessionAttendance)]
pub(crate) struct SessionAttendance {
    /// The session.
    session: i64,
    /// The parties that attend it, by abbreviation.
    parties: Vec<PartyAttendance>,
}

/// The parties that attend a session, with their councillors and spokesperson.
#[utoipa::path(
    get,
    path = "/api/v1/sessions/{id}/attendance",
    params(("id" = i64, Path, description = "The session")),
    security((), ("token" = [])),
    responses(
        (status = 200, description = "The parties at the session", body = SessionAttendance),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
        (status = 404, description = "No such session, or not published", body = Errors),
    ),
)]
pub(crate) async fn attendance(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> Result<Json<SessionAttendance>, ApiError> {
    let marks = council::session_attendance(state.app(), &caller, id).await?;
    let mut parties: Vec<PartyAttendance> = Vec::new();
    for mark in marks {
        let position = match parties.iter().position(|party| party.party == mark.party) {
            Some(position) => position,
            None => {
                parties.push(PartyAttendance { party: mark.party.clone(), attendees: Vec::new(), spokesperson: None });
                parties.len() - 1
            }
        };
        let party = &mut parties[position];
        if mark.role == AttendanceRole::Spokesperson {
            party.spokesperson = Some(mark.name.clone());
        }
        party.attendees.push(mark.name);
    }
    Ok(Json(SessionAttendance { session: id, parties }))
}
