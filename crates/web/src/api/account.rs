//! `GET /api/v1/me`: who the API sees, and the form token a browser session must send with
//! changes. `GET /api/v1/audit`: the audit log as JSON.

use axum::extract::{Query, State};
use serde::Serialize;
use wijkbeeld_domain::access::{AuditEntry, Role};

use super::{ApiError, Json};
use crate::AppState;
use crate::auth::{Channel, Viewer};
use crate::pages::audit::AuditQuery;

#[derive(Serialize)]
pub(crate) struct Me {
    name: String,
    email: Option<String>,
    role: Role,
    partner_id: Option<i64>,
    /// `session` or `token`.
    authenticated_by: &'static str,
    /// For sessions: the value to send as `X-CSRF-Token` with changes.
    csrf_token: Option<String>,
}

pub(crate) async fn me(viewer: Viewer) -> Result<Json<Me>, ApiError> {
    let account = viewer.account.ok_or_else(ApiError::unauthorised)?;
    let (authenticated_by, csrf_token) = match viewer.channel {
        Channel::Session { .. } => ("session", Some(viewer.form_token)),
        _ => ("token", None),
    };
    Ok(Json(Me {
        name: account.display_name,
        email: account.email,
        role: account.role,
        partner_id: account.partner_id.map(wijkbeeld_domain::Id::get),
        authenticated_by,
        csrf_token,
    }))
}

#[derive(Serialize)]
pub(crate) struct AuditPage {
    total: i64,
    page: i64,
    per_page: i64,
    entries: Vec<AuditEntry>,
}

pub(crate) async fn audit(
    State(state): State<AppState>,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let filter = query.filter();
    let mut tx = state.store().begin().await?;
    let total = wijkbeeld_store::audit::count(&mut tx, &filter).await?;
    let page = query.page();
    let per_page = crate::pages::audit::PER_PAGE;
    let entries = wijkbeeld_store::audit::list(&mut tx, &filter, per_page, (page - 1) * per_page).await?;
    Ok(Json(AuditPage { total, page, per_page, entries }))
}
