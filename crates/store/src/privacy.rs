//! Erasing speakers' contact details once their session's term is over.

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::people::Body;

use crate::{StoreError, Tx, on_connection, stored_moment};

/// Erases the e-mail address and phone number of every registration to speak in the body's
/// sessions on evenings up to `last_date`, marking when; the name, topic, consent and status stay,
/// so the counts and the consented names remain. Returns how many registrations were erased now
/// (one erased before is not counted again).
pub async fn erase_speaker_contacts(
    tx: &mut Tx,
    body: Id<Body>,
    last_date: Date,
    now: OffsetDateTime,
) -> Result<u64, StoreError> {
    let erased = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE speaker_registrations SET email = NULL, phone = NULL, contact_erased_at = $1 \
             WHERE contact_erased_at IS NULL AND session_id IN ( \
                 SELECT s.id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
                 WHERE e.body_id = $2 AND e.date <= $3)",
        )
        .bind(stored_moment(now))
        .bind(body.get())
        .bind(last_date)
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    Ok(erased)
}

/// Deletes the body's e-mail queued before `before`, sent or not: its recipients are contact
/// details too, and a message that could not be delivered in that time is of no use any more.
/// Returns how many messages were deleted.
pub async fn erase_old_mail(tx: &mut Tx, body: Id<Body>, before: OffsetDateTime) -> Result<u64, StoreError> {
    let erased = on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM mail_outbox WHERE body_id = $1 AND created_at < $2")
            .bind(body.get())
            .bind(stored_moment(before))
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    Ok(erased)
}
