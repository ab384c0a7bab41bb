//! The audit log: every change, who made it, and from which state to which.

use time::OffsetDateTime;

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
