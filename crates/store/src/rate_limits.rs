//! Counters of requests per purpose and client address in fixed time windows, kept in the
//! database so that every server behind a load balancer counts the same. They count clients,
//! not bodies.

use crate::{StoreError, Tx, on_connection};

/// Counts one more request of `client` for `bucket` in the window starting at `window_start`
/// (Unix seconds) and returns the count in that window, this request included.
pub async fn hit(tx: &mut Tx, bucket: &str, client: &str, window_start: i64) -> Result<i64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO rate_limit_windows (bucket, client, window_start, hits) VALUES ($1, $2, $3, 1) \
             ON CONFLICT (bucket, client, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1 \
             RETURNING hits",
        )
        .bind(bucket)
        .bind(client)
        .bind(window_start)
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// Forgets the windows that started before `before` (Unix seconds).
pub async fn forget_before(tx: &mut Tx, before: i64) -> Result<u64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM rate_limit_windows WHERE window_start < $1")
            .bind(before)
            .execute(&mut *connection)
            .await?
            .rows_affected()
    }))
}
