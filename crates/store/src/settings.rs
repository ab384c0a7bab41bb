//! Named settings kept in the database, such as the demo's anchor date: values every server
//! sharing the database must agree on, whichever body they serve.

use crate::{StoreError, Tx, on_connection};

/// The day the demo data set was first loaded; later loads reuse it so that they change nothing.
pub const DEMO_ANCHOR: &str = "demo.anchor_date";

/// Reads a setting.
pub async fn get(tx: &mut Tx, key: &str) -> Result<Option<String>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_optional(&mut *connection)
            .await?
    }))
}

/// Writes a setting, replacing any earlier value.
pub async fn set(tx: &mut Tx, key: &str, value: &str) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(key)
        .bind(value)
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}
