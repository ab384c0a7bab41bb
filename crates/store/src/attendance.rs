//! The council's marks on sessions (`session_attendance`): which councillor attends which
//! session for which party, and who is a party's spokesperson in it. Every function that finds a
//! session does so through its evening's body; another body's is not found.

use time::{Date, OffsetDateTime, Time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::attendance::{AttendanceRole, Slot};
use wijkbeeld_domain::people::{Body, Person};

use crate::{StoreError, Tx, decode_code, on_connection, stored_moment};

/// A party a councillor sits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartySeat {
    /// The party.
    pub party_id: i64,
    /// Its abbreviation, e.g. "SBH".
    pub short_name: String,
}

/// The party `person` of the body sits for on `day`: that of a membership with a party that has
/// begun by then and not ended before (the latest to begin, when there are several).
pub async fn party_of(
    tx: &mut Tx,
    body: Id<Body>,
    person: Id<Person>,
    day: Date,
) -> Result<Option<PartySeat>, StoreError> {
    let rows: Vec<(i64, String, Option<Date>, Option<Date>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT g.id, g.short_name, m.start_date, m.end_date FROM memberships m \
             JOIN persons p ON p.id = m.person_id JOIN parties g ON g.id = m.party_id \
             WHERE m.person_id = $1 AND p.body_id = $2 AND g.body_id = $2 ORDER BY m.id",
        )
        .bind(person.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows
        .into_iter()
        .filter(|(_, _, start, end)| start.is_none_or(|start| start <= day) && end.is_none_or(|end| end >= day))
        .max_by_key(|(_, _, start, _)| *start)
        .map(|(party_id, short_name, _, _)| PartySeat { party_id, short_name }))
}

/// A session as a mark needs it: where it lies, and whether the public may see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSlot {
    /// The session.
    pub session_id: i64,
    /// Its evening.
    pub evening_id: i64,
    /// The evening's day.
    pub date: Date,
    /// Whether the evening is published.
    pub published: bool,
    /// The proposal's subject.
    pub subject: String,
    /// Its rounds, once planned.
    pub slot: Option<Slot>,
}

#[derive(sqlx::FromRow)]
struct SlotRecord {
    session_id: i64,
    evening_id: i64,
    date: Date,
    published: bool,
    subject: String,
    first_round: Option<i64>,
    round_count: i64,
}

impl From<SlotRecord> for SessionSlot {
    fn from(record: SlotRecord) -> Self {
        SessionSlot {
            session_id: record.session_id,
            evening_id: record.evening_id,
            date: record.date,
            published: record.published,
            subject: record.subject,
            slot: record.first_round.map(|first_round| Slot {
                evening: record.evening_id,
                first_round,
                last_round: first_round + record.round_count.max(1) - 1,
            }),
        }
    }
}

const SLOT_SELECT: &str = "SELECT s.id AS session_id, s.evening_id, e.date, e.published_at IS NOT NULL AS published, \
        p.subject, u.position AS first_round, s.round_count \
     FROM sessions s JOIN market_evenings e ON e.id = s.evening_id JOIN proposals p ON p.id = s.proposal_id \
     LEFT JOIN rounds u ON u.id = s.first_round_id";

/// The body's session `id` with its slot, or `None`.
pub async fn session_slot(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<Option<SessionSlot>, StoreError> {
    let record: Option<SlotRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!("{SLOT_SELECT} WHERE s.id = $1 AND e.body_id = $2")))
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    Ok(record.map(SessionSlot::from))
}

/// The sessions `person` has marked on the evening `evening`, with their slots.
pub async fn marked_on_evening(
    tx: &mut Tx,
    body: Id<Body>,
    person: Id<Person>,
    evening: i64,
) -> Result<Vec<SessionSlot>, StoreError> {
    let records: Vec<SlotRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SLOT_SELECT} JOIN session_attendance a ON a.session_id = s.id \
             WHERE a.person_id = $1 AND s.evening_id = $2 AND e.body_id = $3 ORDER BY s.id"
        )))
        .bind(person.get())
        .bind(evening)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(records.into_iter().map(SessionSlot::from).collect())
}

/// The person who is the party's spokesperson in the session, if it has one, with their name.
pub async fn spokesperson_of(tx: &mut Tx, session: i64, party: i64) -> Result<Option<(i64, String)>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT a.person_id, p.name FROM session_attendance a JOIN persons p ON p.id = a.person_id \
             WHERE a.session_id = $1 AND a.party_id = $2 AND a.role = 'spokesperson'",
        )
        .bind(session)
        .bind(party)
        .fetch_optional(&mut *connection)
        .await?
    }))
}

/// Marks `person` in the session for the party in `role`, or changes the role of their mark.
/// A second spokesperson of one party in a session gives [`StoreError::Conflict`].
pub async fn mark(
    tx: &mut Tx,
    session: i64,
    person: Id<Person>,
    party: i64,
    role: AttendanceRole,
    at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO session_attendance (session_id, person_id, party_id, role, marked_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (session_id, person_id) \
             DO UPDATE SET party_id = excluded.party_id, role = excluded.role, marked_at = excluded.marked_at",
        )
        .bind(session)
        .bind(person.get())
        .bind(party)
        .bind(role.code())
        .bind(stored_moment(at))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Removes `person`'s mark on the session; the role it had, or `None` when there was none.
pub async fn unmark(tx: &mut Tx, session: i64, person: Id<Person>) -> Result<Option<AttendanceRole>, StoreError> {
    let role: Option<String> = on_connection!(tx, |connection| {
        sqlx::query_scalar("DELETE FROM session_attendance WHERE session_id = $1 AND person_id = $2 RETURNING role")
            .bind(session)
            .bind(person.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    role.map(|role| decode_code(&role)).transpose()
}

/// A councillor's mark on a session, as the evening page and the API show it: names of councillors
/// are public (they are public officials); nothing else of them is here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    /// The session.
    pub session_id: i64,
    /// The councillor.
    pub person_id: i64,
    /// Their name.
    pub name: String,
    /// The party.
    pub party_id: i64,
    /// Its abbreviation.
    pub party: String,
    /// In which role.
    pub role: AttendanceRole,
}

#[derive(sqlx::FromRow)]
struct AttendanceRecord {
    session_id: i64,
    person_id: i64,
    name: String,
    party_id: i64,
    party: String,
    role: String,
}

const ATTENDANCE_SELECT: &str = "SELECT a.session_id, a.person_id, p.name, a.party_id, g.short_name AS party, a.role \
     FROM session_attendance a JOIN persons p ON p.id = a.person_id JOIN parties g ON g.id = a.party_id \
     JOIN sessions s ON s.id = a.session_id JOIN market_evenings e ON e.id = s.evening_id";

fn attendance_rows(records: Vec<AttendanceRecord>) -> Result<Vec<AttendanceRow>, StoreError> {
    records
        .into_iter()
        .map(|record| {
            Ok(AttendanceRow {
                session_id: record.session_id,
                person_id: record.person_id,
                name: record.name,
                party_id: record.party_id,
                party: record.party,
                role: decode_code(&record.role)?,
            })
        })
        .collect()
}

/// Every mark on the sessions of the body's evening `evening`, by session, then party, then name.
pub async fn of_evening(tx: &mut Tx, body: Id<Body>, evening: i64) -> Result<Vec<AttendanceRow>, StoreError> {
    let records: Vec<AttendanceRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ATTENDANCE_SELECT} WHERE s.evening_id = $1 AND e.body_id = $2 ORDER BY a.session_id, g.short_name, p.name"
        )))
        .bind(evening)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    attendance_rows(records)
}

/// Every mark on the body's session `session`, by party, then name.
pub async fn of_session(tx: &mut Tx, body: Id<Body>, session: i64) -> Result<Vec<AttendanceRow>, StoreError> {
    let records: Vec<AttendanceRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{ATTENDANCE_SELECT} WHERE a.session_id = $1 AND e.body_id = $2 ORDER BY g.short_name, p.name"
        )))
        .bind(session)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    attendance_rows(records)
}

/// A session a councillor has marked, as their own page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkedSession {
    /// The session.
    pub session_id: i64,
    /// Its evening.
    pub evening_id: i64,
    /// The evening's title.
    pub evening_title: String,
    /// The evening's day.
    pub date: Date,
    /// The proposal's subject.
    pub subject: String,
    /// The room, once planned.
    pub room: Option<String>,
    /// The position of its first round, once planned.
    pub first_round: Option<i64>,
    /// How many rounds it takes.
    pub round_count: i64,
    /// When its first round starts, once planned.
    pub starts_at: Option<Time>,
    /// The party the mark is for.
    pub party: String,
    /// In which role.
    pub role: AttendanceRole,
}

#[derive(sqlx::FromRow)]
struct MarkedRecord {
    session_id: i64,
    evening_id: i64,
    evening_title: String,
    date: Date,
    subject: String,
    room: Option<String>,
    first_round: Option<i64>,
    round_count: i64,
    starts_at: Option<Time>,
    party: String,
    role: String,
}

/// Every session of the body that `person` has marked, by date and round.
pub async fn marks_of(tx: &mut Tx, body: Id<Body>, person: Id<Person>) -> Result<Vec<MarkedSession>, StoreError> {
    let records: Vec<MarkedRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.id AS session_id, s.evening_id, e.title AS evening_title, e.date, p.subject, r.name AS room, \
                    u.position AS first_round, s.round_count, u.starts_at, g.short_name AS party, a.role \
             FROM session_attendance a JOIN sessions s ON s.id = a.session_id \
             JOIN market_evenings e ON e.id = s.evening_id JOIN proposals p ON p.id = s.proposal_id \
             JOIN parties g ON g.id = a.party_id \
             LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN rounds u ON u.id = s.first_round_id \
             WHERE a.person_id = $1 AND e.body_id = $2 ORDER BY e.date, u.position, s.id",
        )
        .bind(person.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    records
        .into_iter()
        .map(|record| {
            Ok(MarkedSession {
                session_id: record.session_id,
                evening_id: record.evening_id,
                evening_title: record.evening_title,
                date: record.date,
                subject: record.subject,
                room: record.room,
                first_round: record.first_round,
                round_count: record.round_count,
                starts_at: record.starts_at,
                party: record.party,
                role: decode_code(&record.role)?,
            })
        })
        .collect()
}
