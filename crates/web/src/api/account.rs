//! `GET /api/v1/me`: who the API sees, and the form token a browser session must send with
//! changes. `GET /api/v1/audit`: the audit log as JSON.

use axum::Extension;
use axum::extract::{Query, State};
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;
use wijkbeeld_app::{Caller, audit};
use wijkbeeld_domain::access::{AuditEntry, Role};

use super::{ApiError, Errors, Json, schemas};
use crate::AppState;
use crate::audit_filter::{AuditQuery, PER_PAGE};
use crate::auth::{Channel, Viewer};

/// How the request was signed in.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum AuthenticatedBy {
    /// A browser session's cookie.
    Session,
    /// An API token sent as `Authorization: Bearer`.
    Token,
}

/// The signed-in account.
#[derive(Serialize, ToSchema)]
pub(crate) struct Me {
    name: String,
    email: Option<String>,
    #[schema(value_type = schemas::Role)]
    role: Role,
    /// The partner organisation of a partner's account.
    partner_id: Option<i64>,
    authenticated_by: AuthenticatedBy,
    /// For sessions: the value to send as `X-CSRF-Token` with changes.
    csrf_token: Option<String>,
}

/// The signed-in account and, for sessions, the form token for changes.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    security(("token" = [])),
    responses(
        (status = 200, description = "The account", body = Me),
        (status = 401, description = "Not signed in, or the API token is unknown or revoked", body = Errors),
    ),
)]
pub(crate) async fn me(viewer: Viewer) -> Result<Json<Me>, ApiError> {
    let account = viewer.account.ok_or_else(ApiError::unauthorised)?;
    let (authenticated_by, csrf_token) = match viewer.channel {
        Channel::Session { .. } => (AuthenticatedBy::Session, Some(viewer.form_token)),
        _ => (AuthenticatedBy::Token, None),
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

/// One change recorded in the audit log.
#[derive(Serialize, ToSchema)]
#[schema(as = AuditEntry)]
pub(crate) struct AuditItem {
    /// Identifier; increases with time.
    id: i64,
    /// When, in UTC.
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    at: OffsetDateTime,
    /// The signed-in user, if the change came from one.
    user_id: Option<i64>,
    /// Who or what made the change in words: a user's e-mail, `cli`, `demo`.
    actor: String,
    /// The kind of change, e.g. `proposal.submit`, `demo.load`.
    action: String,
    /// The kind of record changed, e.g. `proposal`.
    entity: String,
    /// The record changed, when there is one.
    entity_id: Option<i64>,
    /// The state before, for state changes.
    from_state: Option<String>,
    /// The state after, for state changes.
    to_state: Option<String>,
    /// Further detail as JSON text.
    details: Option<String>,
}

// Every field is named, without `..`, so that a field added to the domain's entry is a compile
// error here until the API decides whether to send it (and so describe it).
impl From<AuditEntry> for AuditItem {
    fn from(entry: AuditEntry) -> Self {
        let AuditEntry { id, at, user_id, actor, action, entity, entity_id, from_state, to_state, details } = entry;
        AuditItem {
            id: id.get(),
            at,
            user_id: user_id.map(wijkbeeld_domain::Id::get),
            actor,
            action,
            entity,
            entity_id,
            from_state,
            to_state,
            details,
        }
    }
}

/// A page of the audit log, newest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct AuditPage {
    /// Entries that match the filter, on every page.
    total: i64,
    page: i64,
    per_page: i64,
    entries: Vec<AuditItem>,
}

/// The audit log (griffie, admin).
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    params(AuditQuery),
    security(("token" = [])),
    responses(
        (status = 200, description = "Audit entries", body = AuditPage),
        (status = 401, description = "Not signed in, or the API token is unknown or revoked", body = Errors),
        (status = 403, description = "The role may not read the audit log", body = Errors),
    ),
)]
pub(crate) async fn audit(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<AuditQuery>,
) -> Result<Json<AuditPage>, ApiError> {
    let page = query.page();
    let per_page = PER_PAGE;
    let log = audit::page(state.app(), &caller, &query.filter(), page, per_page).await?;
    let entries = log.entries.into_iter().map(AuditItem::from).collect();
    Ok(Json(AuditPage { total: log.total, page, per_page, entries }))
}
