//! `GET /api/v1/me`: who the API sees, and the form token a browser session must send with
//! changes. `GET /api/v1/audit`: the audit log as JSON.

use axum::Extension;
use axum::extract::{Query, State};
use serde::Serialize;
use wijkbeeld_app::{Caller, audit};
use wijkbeeld_domain::access::{AuditEntry, Role};

use super::{ApiError, Json};
use crate::AppState;
use crate::audit_filter::{AuditQuery, PER_PAGE};
use crate::auth::{Channel, Viewer};

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
    Extension(caller): Extension<Caller>,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let page = query.page();
    let per_page = PER_PAGE;
    let log = audit::page(state.app(), &caller, &query.filter(), page, per_page).await?;
    Ok(Json(AuditPage { total: log.total, page, per_page, entries: log.entries }))
}
