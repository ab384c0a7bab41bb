//! Spreekrecht: a session's speaking rules, its registrations to speak with their written
//! contributions, and the idempotency keys of registration requests. Every function that finds a
//! session or a registration does so through its evening's body; another body's is not found.
//!
//! Contact details (e-mail, telephone) are read only by the functions whose callers need them
//! (the registrant's own page, the mail to the registrant); the public read models hold none.

use time::{Date, OffsetDateTime, Time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::proposal::SpeakingRules;
use wijkbeeld_domain::speaking::SessionSpeaking;

use crate::{StoreError, Tx, decode_code, on_connection, stored_moment};

/// A session as its public page and the API show it: no contact details.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionInfo {
    /// Identifier.
    pub id: i64,
    /// The evening.
    pub evening_id: i64,
    /// The evening's title.
    pub evening_title: String,
    /// The evening's day.
    pub date: Date,
    /// Whether the evening is published.
    pub published: bool,
    /// The proposal treated.
    pub proposal_id: i64,
    /// Its subject.
    pub subject: String,
    /// The room, once planned.
    pub room: Option<String>,
    /// Start of the first round, once planned.
    pub starts_at: Option<Time>,
    /// End of the last round it takes, once planned.
    pub ends_at: Option<Time>,
    /// The chair, once staffed.
    pub chair: Option<String>,
    /// The speaking rules.
    pub speaking: SessionSpeaking,
    /// Registrations confirmed.
    pub confirmed: i64,
    /// Registrations on the waiting list.
    pub waitlisted: i64,
    /// The names of confirmed speakers who consented to publication, in the order of the list.
    pub published_names: Vec<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRecord {
    id: i64,
    evening_id: i64,
    evening_title: String,
    date: Date,
    published: bool,
    proposal_id: i64,
    subject: String,
    room: Option<String>,
    starts_at: Option<Time>,
    ends_at: Option<Time>,
    chair: Option<String>,
    speaking_allowed: Option<bool>,
    speaking_minutes_per_speaker: Option<i64>,
    speaking_max_speakers: Option<i64>,
    speaking_deadline: Option<OffsetDateTime>,
    speaking_note: Option<String>,
    speaking_total_minutes: Option<i64>,
    speaking_may_join: bool,
    confirmed: i64,
    waitlisted: i64,
}

// The queries below append their conditions to these constants: no input reaches the text.
const SESSION_SELECT: &str = "SELECT s.id, s.evening_id, e.title AS evening_title, e.date, \
        e.published_at IS NOT NULL AS published, p.id AS proposal_id, p.subject, r.name AS room, \
        u.starts_at, \
        (SELECT l.ends_at FROM rounds l WHERE l.evening_id = s.evening_id \
         AND l.position = u.position + s.round_count - 1) AS ends_at, \
        c.name AS chair, s.speaking_allowed, s.speaking_minutes_per_speaker, s.speaking_max_speakers, \
        s.speaking_deadline, s.speaking_note, s.speaking_total_minutes, s.speaking_may_join, \
        (SELECT COUNT(*) FROM speaker_registrations x WHERE x.session_id = s.id AND x.status = 'bevestigd') \
            AS confirmed, \
        (SELECT COUNT(*) FROM speaker_registrations x WHERE x.session_id = s.id AND x.status = 'wachtlijst') \
            AS waitlisted \
     FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
     JOIN proposals p ON p.id = s.proposal_id \
     LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN rounds u ON u.id = s.first_round_id \
     LEFT JOIN persons c ON c.id = s.chair_id";

fn small(value: Option<i64>) -> Option<u16> {
    value.and_then(|value| u16::try_from(value).ok())
}

fn session_info(record: SessionRecord, published_names: Vec<String>) -> SessionInfo {
    SessionInfo {
        id: record.id,
        evening_id: record.evening_id,
        evening_title: record.evening_title,
        date: record.date,
        published: record.published,
        proposal_id: record.proposal_id,
        subject: record.subject,
        room: record.room,
        starts_at: record.starts_at,
        ends_at: record.ends_at,
        chair: record.chair,
        speaking: SessionSpeaking {
            rules: SpeakingRules {
                allowed: record.speaking_allowed,
                minutes_per_speaker: small(record.speaking_minutes_per_speaker),
                max_speakers: small(record.speaking_max_speakers),
                deadline: record.speaking_deadline,
                note: record.speaking_note,
            },
            total_minutes: small(record.speaking_total_minutes),
            may_join: record.speaking_may_join,
        },
        confirmed: record.confirmed,
        waitlisted: record.waitlisted,
        published_names,
    }
}

/// The body's session `id`, or `None`.
pub async fn session(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<Option<SessionInfo>, StoreError> {
    let record: Option<SessionRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SESSION_SELECT} WHERE s.id = $1 AND e.body_id = $2")))
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    let Some(record) = record else { return Ok(None) };
    let names: Vec<String> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT name FROM speaker_registrations WHERE session_id = $1 AND status = 'bevestigd' \
             AND publish_name ORDER BY id",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(Some(session_info(record, names)))
}

/// The body's sessions on published evenings, by date and start (names of speakers not read).
pub async fn published_sessions(tx: &mut Tx, body: Id<Body>) -> Result<Vec<SessionInfo>, StoreError> {
    let records: Vec<SessionRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SESSION_SELECT} WHERE e.body_id = $1 AND e.published_at IS NOT NULL \
             ORDER BY e.date, u.starts_at, s.id"
        )))
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(records.into_iter().map(|record| session_info(record, Vec::new())).collect())
}

/// The session `id` of each of the body's proposals on an evening, by proposal.
pub async fn session_of_proposal(tx: &mut Tx, body: Id<Body>, proposal: i64) -> Result<Option<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT MAX(s.id) FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
             WHERE s.proposal_id = $1 AND e.body_id = $2",
        )
        .bind(proposal)
        .bind(body.get())
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// Locks the body's session `id` against other registrations until the transaction ends, so
/// that deciding a place and writing it is one step: on PostgreSQL the session's row is locked
/// (`FOR UPDATE`); on SQLite the write transaction already holds the database's write lock.
/// Fails with not found when the session is not the body's.
pub async fn lock_session(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<(), StoreError> {
    let found: Option<i64> = match tx {
        Tx::Sqlite(transaction) => {
            sqlx::query_scalar(
                "SELECT s.id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
                 WHERE s.id = $1 AND e.body_id = $2",
            )
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut **transaction)
            .await?
        }
        Tx::Postgres(transaction) => {
            sqlx::query_scalar(
                "SELECT s.id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
                 WHERE s.id = $1 AND e.body_id = $2 FOR UPDATE OF s",
            )
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut **transaction)
            .await?
        }
    };
    found.map(|_| ()).ok_or_else(|| StoreError::NotFound(format!("session {id}")))
}

/// Sets the speaking rules of the body's session `id`.
pub async fn set_rules(tx: &mut Tx, body: Id<Body>, id: i64, speaking: &SessionSpeaking) -> Result<(), StoreError> {
    let rules = &speaking.rules;
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE sessions SET speaking_allowed = $1, speaking_minutes_per_speaker = $2, \
             speaking_max_speakers = $3, speaking_deadline = $4, speaking_note = $5, speaking_total_minutes = $6, \
             speaking_may_join = $7 \
             WHERE id = $8 AND evening_id IN (SELECT id FROM market_evenings WHERE body_id = $9)",
        )
        .bind(rules.allowed)
        .bind(rules.minutes_per_speaker.map(i64::from))
        .bind(rules.max_speakers.map(i64::from))
        .bind(rules.deadline.map(stored_moment))
        .bind(rules.note.as_deref())
        .bind(speaking.total_minutes.map(i64::from))
        .bind(speaking.may_join)
        .bind(id)
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::NotFound(format!("session {id}")));
    }
    Ok(())
}

/// How many registrations of session `id` are confirmed.
pub async fn confirmed_count(tx: &mut Tx, id: i64) -> Result<i64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT COUNT(*) FROM speaker_registrations WHERE session_id = $1 AND status = 'bevestigd'")
            .bind(id)
            .fetch_one(&mut *connection)
            .await?
    }))
}

/// A registration to write.
#[derive(Debug, Clone)]
pub struct NewRegistration<'a> {
    /// Name.
    pub name: &'a str,
    /// E-mail address.
    pub email: Option<&'a str>,
    /// Telephone.
    pub phone: Option<&'a str>,
    /// Organisation.
    pub organisation: Option<&'a str>,
    /// Topic.
    pub topic: &'a str,
    /// Written contribution as text.
    pub contribution: Option<&'a str>,
    /// Whether the name may be published.
    pub publish_name: bool,
    /// Confirmed or on the waiting list.
    pub status: RegistrationStatus,
    /// The SHA-256 of the private link's token.
    pub cancel_token_hash: &'a str,
}

/// Writes a registration for session `session_id` (locked by [`lock_session`]); its id.
pub async fn insert_registration(
    tx: &mut Tx,
    session_id: i64,
    registration: &NewRegistration<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO speaker_registrations (session_id, name, email, phone, organisation, topic, \
             contribution_text, publish_name, status, cancel_token_hash, registered_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(session_id)
        .bind(registration.name)
        .bind(registration.email)
        .bind(registration.phone)
        .bind(registration.organisation)
        .bind(registration.topic)
        .bind(registration.contribution)
        .bind(registration.publish_name)
        .bind(registration.status.code())
        .bind(registration.cancel_token_hash)
        .bind(stored_moment(now))
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// A written contribution as a file.
#[derive(Debug, Clone)]
pub struct ContributionFile<'a> {
    /// File name.
    pub file_name: &'a str,
    /// Media type.
    pub media_type: &'a str,
    /// SHA-256, hex.
    pub sha256: &'a str,
    /// The bytes.
    pub content: &'a [u8],
}

/// Sets (or replaces) the file of registration `registration_id`.
pub async fn set_contribution_file(
    tx: &mut Tx,
    registration_id: i64,
    file: &ContributionFile<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM speaker_contributions WHERE registration_id = $1")
            .bind(registration_id)
            .execute(&mut *connection)
            .await?;
        sqlx::query(
            "INSERT INTO speaker_contributions (registration_id, file_name, media_type, size_bytes, sha256, content, \
             uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(registration_id)
        .bind(file.file_name)
        .bind(file.media_type)
        .bind(file.content.len() as i64)
        .bind(file.sha256)
        .bind(file.content)
        .bind(stored_moment(now))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Removes the file of registration `registration_id`, if it has one.
pub async fn remove_contribution_file(tx: &mut Tx, registration_id: i64) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM speaker_contributions WHERE registration_id = $1")
            .bind(registration_id)
            .execute(&mut *connection)
            .await?;
    });
    Ok(())
}

/// The place of registration `registration_id` on its session's waiting list, from 1, counted
/// in the order of registering among those waiting, so that the places have no gaps; `None` when
/// it is not waiting.
pub async fn waitlist_position(tx: &mut Tx, registration_id: i64) -> Result<Option<i64>, StoreError> {
    let position: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT (SELECT COUNT(*) FROM speaker_registrations w WHERE w.session_id = r.session_id \
                     AND w.status = 'wachtlijst' AND w.id <= r.id) \
             FROM speaker_registrations r WHERE r.id = $1 AND r.status = 'wachtlijst'",
        )
        .bind(registration_id)
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(position)
}

/// The answer given to an earlier request with this idempotency key for session `session_id`:
/// the registration, its status and its place on the waiting list then.
pub async fn answered_request(
    tx: &mut Tx,
    session_id: i64,
    key: &str,
) -> Result<Option<(i64, RegistrationStatus, Option<i64>)>, StoreError> {
    let row: Option<(i64, String, Option<i64>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT registration_id, status, position FROM registration_requests \
             WHERE session_id = $1 AND idempotency_key = $2",
        )
        .bind(session_id)
        .bind(key)
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(|(id, status, position)| Ok((id, decode_code(&status)?, position))).transpose()
}

/// Keeps the answer to a request with an idempotency key.
pub async fn remember_request(
    tx: &mut Tx,
    session_id: i64,
    key: &str,
    registration_id: i64,
    status: RegistrationStatus,
    position: Option<i64>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO registration_requests (session_id, idempotency_key, registration_id, status, position, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(session_id)
        .bind(key)
        .bind(registration_id)
        .bind(status.code())
        .bind(position)
        .bind(stored_moment(now))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// A registration as its registrant sees it through the private link, contact details included.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistrationRecord {
    /// Identifier.
    pub id: i64,
    /// The session.
    pub session_id: i64,
    /// Name.
    pub name: String,
    /// E-mail address, unless erased or not given.
    pub email: Option<String>,
    /// Telephone, unless erased or not given.
    pub phone: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
    /// Written contribution as text.
    pub contribution: Option<String>,
    /// The file's name, when a file was added.
    pub file_name: Option<String>,
    /// Whether the name may be published.
    pub publish_name: bool,
    /// Status.
    pub status: RegistrationStatus,
    /// When cancelled.
    pub cancelled_at: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct RegistrationRow {
    id: i64,
    session_id: i64,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    organisation: Option<String>,
    topic: String,
    contribution_text: Option<String>,
    file_name: Option<String>,
    publish_name: bool,
    status: String,
    cancelled_at: Option<OffsetDateTime>,
}

const REGISTRATION_SELECT: &str = "SELECT r.id, r.session_id, r.name, r.email, r.phone, r.organisation, r.topic, \
        r.contribution_text, f.file_name, r.publish_name, r.status, r.cancelled_at \
     FROM speaker_registrations r JOIN sessions s ON s.id = r.session_id \
     JOIN market_evenings e ON e.id = s.evening_id \
     LEFT JOIN speaker_contributions f ON f.registration_id = r.id";

fn registration_record(row: RegistrationRow) -> Result<RegistrationRecord, StoreError> {
    Ok(RegistrationRecord {
        id: row.id,
        session_id: row.session_id,
        name: row.name,
        email: row.email,
        phone: row.phone,
        organisation: row.organisation,
        topic: row.topic,
        contribution: row.contribution_text,
        file_name: row.file_name,
        publish_name: row.publish_name,
        status: decode_code(&row.status)?,
        cancelled_at: row.cancelled_at,
    })
}

/// The body's registration whose private link's token has this SHA-256.
pub async fn registration_by_token(
    tx: &mut Tx,
    body: Id<Body>,
    token_hash: &str,
) -> Result<Option<RegistrationRecord>, StoreError> {
    let row: Option<RegistrationRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{REGISTRATION_SELECT} WHERE r.cancel_token_hash = $1 AND e.body_id = $2"
        )))
        .bind(token_hash)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(registration_record).transpose()
}

/// Registration `id`, as [`registration_by_token`] reads it.
pub async fn registration(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<Option<RegistrationRecord>, StoreError> {
    let row: Option<RegistrationRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{REGISTRATION_SELECT} WHERE r.id = $1 AND e.body_id = $2")))
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    row.map(registration_record).transpose()
}

/// Changes what registration `id` is about and whether its name may be published.
pub async fn update_registration(
    tx: &mut Tx,
    id: i64,
    topic: &str,
    contribution: Option<&str>,
    publish_name: bool,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE speaker_registrations SET topic = $1, contribution_text = $2, publish_name = $3 WHERE id = $4",
        )
        .bind(topic)
        .bind(contribution)
        .bind(publish_name)
        .bind(id)
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Sets the status of registration `id` (and the moment of cancelling, when cancelled).
pub async fn set_status(
    tx: &mut Tx,
    id: i64,
    status: RegistrationStatus,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let cancelled_at = (status == RegistrationStatus::Cancelled).then(|| stored_moment(now));
    on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE speaker_registrations SET status = $1, cancelled_at = COALESCE($2, cancelled_at) WHERE id = $3",
        )
        .bind(status.code())
        .bind(cancelled_at)
        .bind(id)
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Gives registration `id` a new private link (the SHA-256 of its token): the old one stops working.
pub async fn set_token_hash(tx: &mut Tx, id: i64, token_hash: &str) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query("UPDATE speaker_registrations SET cancel_token_hash = $1 WHERE id = $2")
            .bind(token_hash)
            .bind(id)
            .execute(&mut *connection)
            .await?;
    });
    Ok(())
}

/// The first registration on session `session_id`'s waiting list, if any.
pub async fn first_waitlisted(tx: &mut Tx, session_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT MIN(id) FROM speaker_registrations WHERE session_id = $1 AND status = 'wachtlijst'")
            .bind(session_id)
            .fetch_one(&mut *connection)
            .await?
    }))
}

/// Every registration of session `session_id` with its status and place on the waiting list,
/// in the order of registering: what the tests and the benchmark count.
pub async fn statuses(tx: &mut Tx, session_id: i64) -> Result<Vec<(i64, RegistrationStatus)>, StoreError> {
    let rows: Vec<(i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, status FROM speaker_registrations WHERE session_id = $1 ORDER BY id")
            .bind(session_id)
            .fetch_all(&mut *connection)
            .await?
    });
    rows.into_iter().map(|(id, status)| Ok((id, decode_code(&status)?))).collect()
}
