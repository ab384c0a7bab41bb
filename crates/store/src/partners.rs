//! A body's partner organisations.

use wijkbeeld_domain::Id;
use wijkbeeld_domain::monitor::Partner;
use wijkbeeld_domain::people::Body;

use crate::{StoreError, Tx, decode_code, on_connection};

/// Every partner of the body, by name.
pub async fn list(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Partner>, StoreError> {
    let rows: Vec<(i64, String, String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name, kind, website FROM partners WHERE body_id = $1 ORDER BY name")
            .bind(body.get())
            .fetch_all(&mut *connection)
            .await?
    });
    rows.into_iter()
        .map(|(id, name, kind, website)| Ok(Partner { id: Id::new(id), name, kind: decode_code(&kind)?, website }))
        .collect()
}
