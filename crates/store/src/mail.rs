//! The outbox of e-mail (`mail_outbox`): messages queued by template code and arguments with the
//! change they tell of, taken by a sender when due, marked sent (their arguments erased) or
//! failed (with the error and the moment to try again).

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::people::Body;

use crate::{StoreError, Tx, on_connection, stored_moment};

/// A message to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail<'a> {
    /// The address it goes to.
    pub recipient: &'a str,
    /// The language it is written in when sent (`nl`, `en`).
    pub language: &'a str,
    /// The template's code (`registration-confirmed`).
    pub template: &'a str,
    /// The template's arguments, as JSON text.
    pub arguments: &'a str,
}

/// A message of the outbox, waiting, sent or failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMessage {
    /// Its number.
    pub id: i64,
    /// The address it goes to.
    pub recipient: String,
    /// The language it is written in (`nl`, `en`).
    pub language: String,
    /// The template's code.
    pub template: String,
    /// The template's arguments as JSON text; none once sent.
    pub arguments: Option<String>,
    /// When it was queued.
    pub created_at: OffsetDateTime,
    /// How often a sender took it.
    pub attempts: i64,
    /// When a sender may take it next; none once sent or given up.
    pub next_attempt_at: Option<OffsetDateTime>,
    /// When it was sent.
    pub sent_at: Option<OffsetDateTime>,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
}

type MessageRow = (
    i64,
    String,
    String,
    String,
    Option<String>,
    OffsetDateTime,
    i64,
    Option<OffsetDateTime>,
    Option<OffsetDateTime>,
    Option<String>,
);

const COLUMNS: &str =
    "id, recipient, language, template, arguments, created_at, attempts, next_attempt_at, sent_at, last_error";

fn from_row(
    (id, recipient, language, template, arguments, created_at, attempts, next_attempt_at, sent_at, last_error): MessageRow,
) -> OutboxMessage {
    OutboxMessage {
        id,
        recipient,
        language,
        template,
        arguments,
        created_at,
        attempts,
        next_attempt_at,
        sent_at,
        last_error,
    }
}

/// Queues a message of the body, due at once, and returns its number.
pub async fn queue(tx: &mut Tx, body: Id<Body>, mail: &NewMail<'_>, now: OffsetDateTime) -> Result<i64, StoreError> {
    let now = stored_moment(now);
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO mail_outbox (body_id, recipient, language, template, arguments, created_at, attempts, \
             next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, 0, $6) RETURNING id",
        )
        .bind(body.get())
        .bind(mail.recipient)
        .bind(mail.language)
        .bind(mail.template)
        .bind(mail.arguments)
        .bind(now)
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// Takes up to `limit` of the body's messages that are due at `now`, oldest first: counts the
/// attempt and moves their next attempt to `lease_until`, so that no other sender takes them
/// meanwhile and a sender that dies halfway leaves them to be taken again then. On PostgreSQL
/// rows another server is taking are skipped (`FOR UPDATE SKIP LOCKED`), so two servers never
/// take the same message; SQLite has one writer at a time.
pub async fn take_due(
    tx: &mut Tx,
    body: Id<Body>,
    now: OffsetDateTime,
    lease_until: OffsetDateTime,
    limit: i64,
) -> Result<Vec<OutboxMessage>, StoreError> {
    let lock = match tx {
        Tx::Sqlite(_) => "",
        Tx::Postgres(_) => " FOR UPDATE SKIP LOCKED",
    };
    // Built from constants only.
    let query = format!(
        "UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = $3 WHERE id IN (SELECT id FROM mail_outbox \
         WHERE body_id = $1 AND sent_at IS NULL AND next_attempt_at <= $2 ORDER BY id LIMIT $4{lock}) \
         RETURNING {COLUMNS}"
    );
    let rows: Vec<MessageRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone()))
            .bind(body.get())
            .bind(stored_moment(now))
            .bind(stored_moment(lease_until))
            .bind(limit)
            .fetch_all(&mut *connection)
            .await?
    });
    let mut messages: Vec<OutboxMessage> = rows.into_iter().map(from_row).collect();
    messages.sort_by_key(|message| message.id);
    Ok(messages)
}

/// Marks the body's message sent at `now` and erases its arguments.
pub async fn mark_sent(tx: &mut Tx, body: Id<Body>, id: i64, now: OffsetDateTime) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE mail_outbox SET sent_at = $3, arguments = NULL, next_attempt_at = NULL, last_error = NULL \
             WHERE id = $2 AND body_id = $1",
        )
        .bind(body.get())
        .bind(id)
        .bind(stored_moment(now))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Records why sending the body's message failed, and when to try again (none: given up).
pub async fn mark_failed(
    tx: &mut Tx,
    body: Id<Body>,
    id: i64,
    error: &str,
    next_attempt_at: Option<OffsetDateTime>,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE mail_outbox SET last_error = $3, next_attempt_at = $4 WHERE id = $2 AND body_id = $1 \
             AND sent_at IS NULL",
        )
        .bind(body.get())
        .bind(id)
        .bind(error)
        .bind(next_attempt_at.map(stored_moment))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// The body's newest `limit` messages, newest first.
pub async fn list(tx: &mut Tx, body: Id<Body>, limit: i64) -> Result<Vec<OutboxMessage>, StoreError> {
    let query = format!("SELECT {COLUMNS} FROM mail_outbox WHERE body_id = $1 ORDER BY id DESC LIMIT $2");
    let rows: Vec<MessageRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone()))
            .bind(body.get())
            .bind(limit)
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows.into_iter().map(from_row).collect())
}
