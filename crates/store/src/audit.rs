//! The audit log: every change, who made it, and from which state to which. One log for the
//! whole database, whichever body a change concerns.

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::AuditEntry;

use crate::{StoreError, Tx, on_connection, stored_moment};

/// A change to record.
#[derive(Debug, Clone, Default)]
pub struct Change<'a> {
    /// The signed-in user, if any.
    pub user_id: Option<i64>,
    /// Who or what, in words: an e-mail address, `cli`, `demo`.
    pub actor: &'a str,
    /// The kind of change, e.g. `proposal.submit`.
    pub action: &'a str,
    /// The kind of record, e.g. `proposal`.
    pub entity: &'a str,
    /// The record, when there is one.
    pub entity_id: Option<i64>,
    /// The state before.
    pub from_state: Option<&'a str>,
    /// The state after.
    pub to_state: Option<&'a str>,
    /// Detail as JSON text.
    pub details: Option<String>,
}

/// Appends a change to the audit log.
pub async fn record(tx: &mut Tx, at: OffsetDateTime, change: &Change<'_>) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_id, from_state, to_state, details) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(stored_moment(at))
        .bind(change.user_id)
        .bind(change.actor)
        .bind(change.action)
        .bind(change.entity)
        .bind(change.entity_id)
        .bind(change.from_state)
        .bind(change.to_state)
        .bind(change.details.as_deref())
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Which entries of the audit log to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this kind of record, e.g. `proposal`.
    pub entity: Option<String>,
    /// Only actors whose name or address contains this text (any case).
    pub actor: Option<String>,
    /// Only changes at or after this moment.
    pub from: Option<OffsetDateTime>,
    /// Only changes before this moment.
    pub until: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    id: i64,
    at: OffsetDateTime,
    user_id: Option<i64>,
    actor: String,
    action: String,
    entity: String,
    entity_id: Option<i64>,
    from_state: Option<String>,
    to_state: Option<String>,
    details: Option<String>,
}

const AUDIT_WHERE: &str = "WHERE ($1 IS NULL OR entity = $1) \
     AND ($2 IS NULL OR LOWER(actor) LIKE $2 ESCAPE '\\') \
     AND ($3 IS NULL OR at >= $3) \
     AND ($4 IS NULL OR at < $4)";

/// `%text%` for LIKE, with LIKE's own wildcards in the text taken literally.
fn contains_pattern(text: &str) -> String {
    let escaped = text.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
    format!("%{escaped}%")
}

/// The entries that match, newest first, `limit` of them from `offset`.
pub async fn list(tx: &mut Tx, filter: &AuditFilter, limit: i64, offset: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let query = format!(
        "SELECT id, at, user_id, actor, action, entity, entity_id, from_state, to_state, details FROM audit_log \
         {AUDIT_WHERE} ORDER BY id DESC LIMIT $5 OFFSET $6"
    );
    let actor = filter.actor.as_deref().map(contains_pattern);
    let rows: Vec<AuditRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone()))
            .bind(filter.entity.as_deref())
            .bind(actor.as_deref())
            .bind(filter.from.map(stored_moment))
            .bind(filter.until.map(stored_moment))
            .bind(limit)
            .bind(offset)
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows
        .into_iter()
        .map(|row| AuditEntry {
            id: Id::new(row.id),
            at: row.at,
            user_id: row.user_id.map(Id::new),
            actor: row.actor,
            action: row.action,
            entity: row.entity,
            entity_id: row.entity_id,
            from_state: row.from_state,
            to_state: row.to_state,
            details: row.details,
        })
        .collect())
}

/// How many entries match.
pub async fn count(tx: &mut Tx, filter: &AuditFilter) -> Result<i64, StoreError> {
    let query = format!("SELECT COUNT(*) FROM audit_log {AUDIT_WHERE}");
    let actor = filter.actor.as_deref().map(contains_pattern);
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(sqlx::AssertSqlSafe(query.clone()))
            .bind(filter.entity.as_deref())
            .bind(actor.as_deref())
            .bind(filter.from.map(stored_moment))
            .bind(filter.until.map(stored_moment))
            .fetch_one(&mut *connection)
            .await?
    }))
}

/// The kinds of record the log has entries for, for a filter's choices.
pub async fn entities(tx: &mut Tx) -> Result<Vec<String>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT DISTINCT entity FROM audit_log ORDER BY entity").fetch_all(&mut *connection).await?
    }))
}
