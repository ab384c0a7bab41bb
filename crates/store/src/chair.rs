//! The griffie's list of registrations to speak (with contact details) and the chair's running
//! order: each confirmed speaker's place, walk-ins, the party a speaker speaks for, and the
//! moments the chair started and stopped each one's time. Every function that finds a session or
//! a registration does so through its evening's body; another body's is not found.
//!
//! Contact details are read here only for the griffie's list ([`registrations`]); the running
//! order ([`turns`]) holds none.

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::people::{Body, Person};

use crate::{StoreError, Tx, decode_code, on_connection, stored_moment};

/// A registration as the griffie's list shows it: contact details included (unless erased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedRegistration {
    /// Identifier.
    pub id: i64,
    /// Name.
    pub name: String,
    /// E-mail address, unless erased or not given.
    pub email: Option<String>,
    /// Telephone, unless erased or not given.
    pub phone: Option<String>,
    /// When the contact details were erased by the privacy purge.
    pub contact_erased_at: Option<OffsetDateTime>,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
    /// Written contribution as text.
    pub contribution: Option<String>,
    /// The contribution file's name, when a file was added.
    pub file_name: Option<String>,
    /// Whether the name may be published.
    pub publish_name: bool,
    /// Status.
    pub status: RegistrationStatus,
    /// The place on the waiting list, from 1, when waiting.
    pub position: Option<i64>,
    /// Added by the griffie on the evening.
    pub walk_in: bool,
    /// The party the speaker speaks for, by its short name.
    pub party: Option<String>,
}

#[derive(sqlx::FromRow)]
struct ListedRow {
    id: i64,
    name: String,
    email: Option<String>,
    phone: Option<String>,
    contact_erased_at: Option<OffsetDateTime>,
    organisation: Option<String>,
    topic: String,
    contribution_text: Option<String>,
    file_name: Option<String>,
    publish_name: bool,
    status: String,
    position: Option<i64>,
    walk_in: bool,
    party: Option<String>,
}

/// The order the confirmed are called in: those the griffie ordered, then the rest in the order
/// of registering.
const RUNNING_ORDER: &str = "CASE WHEN r.running_position IS NULL THEN 1 ELSE 0 END, r.running_position, r.id";

/// Every registration of the body's session `session_id`: the confirmed in the running order,
/// then those waiting in their order, then the cancelled. Empty for another body's session.
pub async fn registrations(
    tx: &mut Tx,
    body: Id<Body>,
    session_id: i64,
) -> Result<Vec<ListedRegistration>, StoreError> {
    let rows: Vec<ListedRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT r.id, r.name, r.email, r.phone, r.contact_erased_at, r.organisation, r.topic, \
                r.contribution_text, f.file_name, r.publish_name, r.status, \
                CASE WHEN r.status = 'wachtlijst' THEN (SELECT COUNT(*) FROM speaker_registrations w \
                    WHERE w.session_id = r.session_id AND w.status = 'wachtlijst' AND w.id <= r.id) END AS position, \
                r.walk_in, p.short_name AS party \
             FROM speaker_registrations r JOIN sessions s ON s.id = r.session_id \
             JOIN market_evenings e ON e.id = s.evening_id \
             LEFT JOIN speaker_contributions f ON f.registration_id = r.id \
             LEFT JOIN parties p ON p.id = r.party_id \
             WHERE r.session_id = $1 AND e.body_id = $2 \
             ORDER BY CASE r.status WHEN 'bevestigd' THEN 0 WHEN 'wachtlijst' THEN 1 ELSE 2 END, {RUNNING_ORDER}"
        )))
        .bind(session_id)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(|row| {
            Ok(ListedRegistration {
                id: row.id,
                name: row.name,
                email: row.email,
                phone: row.phone,
                contact_erased_at: row.contact_erased_at,
                organisation: row.organisation,
                topic: row.topic,
                contribution: row.contribution_text,
                file_name: row.file_name,
                publish_name: row.publish_name,
                status: decode_code(&row.status)?,
                position: row.position,
                walk_in: row.walk_in,
                party: row.party,
            })
        })
        .collect()
}

/// The sessions of the body's evening `evening_id`, by the start of their round, room and id;
/// `None` when the evening is not the body's. With the evening's title and day.
pub async fn evening_sessions(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
) -> Result<Option<(String, Date, Vec<i64>)>, StoreError> {
    let evening: Option<(String, Date)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT title, date FROM market_evenings WHERE id = $1 AND body_id = $2")
            .bind(evening_id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    let Some((title, date)) = evening else { return Ok(None) };
    let sessions: Vec<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT s.id FROM sessions s LEFT JOIN rounds u ON u.id = s.first_round_id \
             LEFT JOIN rooms m ON m.id = s.room_id WHERE s.evening_id = $1 \
             ORDER BY CASE WHEN u.starts_at IS NULL THEN 1 ELSE 0 END, u.starts_at, m.name, s.id",
        )
        .bind(evening_id)
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(Some((title, date, sessions)))
}

/// The contribution file of registration `registration_id` in the body's session `session_id`:
/// its name and bytes.
pub async fn contribution_file(
    tx: &mut Tx,
    body: Id<Body>,
    session_id: i64,
    registration_id: i64,
) -> Result<Option<(String, Vec<u8>)>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT f.file_name, f.content FROM speaker_contributions f \
             JOIN speaker_registrations r ON r.id = f.registration_id JOIN sessions s ON s.id = r.session_id \
             JOIN market_evenings e ON e.id = s.evening_id \
             WHERE f.registration_id = $1 AND r.session_id = $2 AND e.body_id = $3",
        )
        .bind(registration_id)
        .bind(session_id)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    }))
}

/// The chair of the body's session `session_id`: `None` when there is no such session,
/// `Some(None)` while it has no chair.
pub async fn session_chair(
    tx: &mut Tx,
    body: Id<Body>,
    session_id: i64,
) -> Result<Option<Option<Id<Person>>>, StoreError> {
    let row: Option<(Option<i64>,)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.chair_id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
             WHERE s.id = $1 AND e.body_id = $2",
        )
        .bind(session_id)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(row.map(|(chair,)| chair.map(Id::new)))
}

/// A confirmed speaker in the running order: no contact details.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Turn {
    /// The registration.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
    /// Added by the griffie on the evening.
    pub walk_in: bool,
    /// The party the speaker speaks for, by its short name.
    pub party: Option<String>,
    /// When the chair started the speaker's time.
    pub started_at: Option<OffsetDateTime>,
    /// When the chair stopped it.
    pub ended_at: Option<OffsetDateTime>,
}

/// The confirmed speakers of session `session_id` in the running order.
pub async fn turns(tx: &mut Tx, session_id: i64) -> Result<Vec<Turn>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT r.id, r.name, r.organisation, r.topic, r.walk_in, p.short_name AS party, r.started_at, r.ended_at \
             FROM speaker_registrations r LEFT JOIN parties p ON p.id = r.party_id \
             WHERE r.session_id = $1 AND r.status = 'bevestigd' ORDER BY {RUNNING_ORDER}"
        )))
        .bind(session_id)
        .fetch_all(&mut *connection)
        .await?
    }))
}

/// Sets the running order of session `session_id`: each registration's place from 1, in the
/// order given.
pub async fn set_order(tx: &mut Tx, session_id: i64, order: &[i64]) -> Result<(), StoreError> {
    for (index, id) in order.iter().enumerate() {
        on_connection!(tx, |connection| {
            sqlx::query("UPDATE speaker_registrations SET running_position = $1 WHERE id = $2 AND session_id = $3")
                .bind(index as i64 + 1)
                .bind(*id)
                .bind(session_id)
                .execute(&mut *connection)
                .await?;
        });
    }
    Ok(())
}

/// A speaker who walked in, to write.
#[derive(Debug, Clone)]
pub struct NewWalkIn<'a> {
    /// Name.
    pub name: &'a str,
    /// Organisation.
    pub organisation: Option<&'a str>,
    /// Topic.
    pub topic: &'a str,
    /// The party the speaker speaks for.
    pub party_id: Option<i64>,
}

/// Writes a confirmed walk-in speaker for session `session_id` (no contact details, no private
/// link, the name not published); its id.
pub async fn insert_walk_in(
    tx: &mut Tx,
    session_id: i64,
    walk_in: &NewWalkIn<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO speaker_registrations (session_id, name, organisation, topic, publish_name, status, \
             registered_at, walk_in, party_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(session_id)
        .bind(walk_in.name)
        .bind(walk_in.organisation)
        .bind(walk_in.topic)
        .bind(false)
        .bind(RegistrationStatus::Confirmed.code())
        .bind(stored_moment(now))
        .bind(true)
        .bind(walk_in.party_id)
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// Whether party `party_id` is the body's.
pub async fn party_exists(tx: &mut Tx, body: Id<Body>, party_id: i64) -> Result<bool, StoreError> {
    let found: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM parties WHERE id = $1 AND body_id = $2")
            .bind(party_id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    Ok(found.is_some())
}

/// The speaker of session `session_id` whose time runs (started, not stopped), if any.
pub async fn running(tx: &mut Tx, session_id: i64) -> Result<Option<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT MIN(id) FROM speaker_registrations WHERE session_id = $1 AND status = 'bevestigd' \
             AND started_at IS NOT NULL AND ended_at IS NULL",
        )
        .bind(session_id)
        .fetch_one(&mut *connection)
        .await?
    }))
}

/// Starts the time of confirmed speaker `registration_id` of session `session_id` at `now`
/// (again from the start, if it ran before); false when there is no such confirmed speaker.
pub async fn start(
    tx: &mut Tx,
    session_id: i64,
    registration_id: i64,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE speaker_registrations SET started_at = $1, ended_at = NULL \
             WHERE id = $2 AND session_id = $3 AND status = 'bevestigd'",
        )
        .bind(stored_moment(now))
        .bind(registration_id)
        .bind(session_id)
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    Ok(changed > 0)
}

/// Stops the running time of speaker `registration_id` of session `session_id` at `now`;
/// false when it does not run.
pub async fn stop(tx: &mut Tx, session_id: i64, registration_id: i64, now: OffsetDateTime) -> Result<bool, StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE speaker_registrations SET ended_at = $1 \
             WHERE id = $2 AND session_id = $3 AND started_at IS NOT NULL AND ended_at IS NULL",
        )
        .bind(stored_moment(now))
        .bind(registration_id)
        .bind(session_id)
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    Ok(changed > 0)
}
