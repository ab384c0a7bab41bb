//! Row counts of every table: what the demo reports, what `serve --demo` checks for an empty
//! database, and what tests compare. Counted over the whole database, every body's rows
//! together.

use std::collections::BTreeMap;

use crate::{StoreError, Tx, on_connection};

/// Every table of the data model, in the order the migrations create them.
pub const TABLES: &[&str] = &[
    "settings",
    "bodies",
    "persons",
    "parties",
    "memberships",
    "areas",
    "area_populations",
    "programmes",
    "partners",
    "users",
    "audit_log",
    "rooms",
    "documents",
    "proposals",
    "proposal_domains",
    "proposal_history_documents",
    "programme_items",
    "questions",
    "market_evenings",
    "rounds",
    "sessions",
    "speaker_registrations",
    "contributions",
    "commitments",
    "indicators",
    "indicator_programmes",
    "measurements",
    "cbs_column_mappings",
    "targets",
    "priorities",
    "actions",
    "action_indicators",
    "initiatives",
    "active_residents",
    "user_sessions",
    "api_tokens",
    "rate_limit_windows",
    "proposal_attachments",
    "evening_rooms",
    "evening_staff",
    "evening_absences",
    "pending_imports",
    "speaker_contributions",
    "registration_requests",
    "mail_outbox",
    "session_attendance",
];

/// Tables of accounts and bookkeeping rather than content: a database with rows only here is
/// still empty to `serve --demo`.
const BOOKKEEPING: &[&str] =
    &["settings", "audit_log", "users", "user_sessions", "api_tokens", "rate_limit_windows", "pending_imports"];

/// The number of rows in each table.
pub async fn row_counts(tx: &mut Tx) -> Result<BTreeMap<&'static str, i64>, StoreError> {
    let mut counts = BTreeMap::new();
    for table in TABLES {
        // Table names come from the constant list above, never from input.
        let query = format!("SELECT COUNT(*) FROM {table}");
        let count: i64 = on_connection!(tx, |connection| {
            sqlx::query_scalar(sqlx::AssertSqlSafe(query.clone())).fetch_one(&mut *connection).await?
        });
        counts.insert(*table, count);
    }
    Ok(counts)
}

/// Whether the database holds no content yet (accounts and bookkeeping aside).
pub async fn is_empty(tx: &mut Tx) -> Result<bool, StoreError> {
    let counts = row_counts(tx).await?;
    Ok(counts.iter().filter(|(table, _)| !BOOKKEEPING.contains(table)).all(|(_, count)| *count == 0))
}
