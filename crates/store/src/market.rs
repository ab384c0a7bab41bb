//! Market evenings as the planner and the evening page see them: rounds, rooms in use, the pools
//! of chairs and clerks, who is absent when, and the sessions with where and by whom they are
//! held; and storing a plan or one session's move. Every function works on one body's evenings
//! (rounds, sessions, rooms in use, staff and absences are the body's through their evening);
//! an evening of another body is not found.

use time::{Date, OffsetDateTime, Time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::proposal::Domain;

use crate::{Owned, StoreError, Tx, decode_code, on_connection, require_owned, stored_moment};

/// An evening as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveningListing {
    /// Identifier.
    pub id: i64,
    /// The day.
    pub date: Date,
    /// Title.
    pub title: String,
    /// Whether it is published.
    pub published: bool,
    /// Number of rounds.
    pub rounds: i64,
    /// Number of sessions.
    pub sessions: i64,
}

/// A round of an evening.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RoundRow {
    /// Identifier.
    pub id: i64,
    /// Order, from 1.
    pub position: i64,
    /// Start.
    pub starts_at: Time,
    /// End.
    pub ends_at: Time,
}

/// A room in use on an evening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRow {
    /// Identifier.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Seats.
    pub capacity: i64,
    /// Whether sessions there can be streamed.
    pub livestream: bool,
    /// Whether it is accessible to wheelchair users.
    pub accessible: bool,
}

/// Someone the evening needs in one place: a chair, a clerk, a portfolio holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// The person.
    pub person_id: i64,
    /// Name.
    pub name: String,
    /// The title before the name where there is one ("Wethouder", "Burgemeester").
    pub title: Option<String>,
    /// The rounds (by id) the person cannot be there.
    pub absent_rounds: Vec<i64>,
}

/// A session of the evening with its proposal's planning facts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    /// Identifier.
    pub id: i64,
    /// The proposal.
    pub proposal_id: i64,
    /// Onderwerp.
    pub subject: String,
    /// Zaaknummer.
    pub case_number: Option<String>,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Duur in minutes, when set.
    pub duration_minutes: Option<i64>,
    /// The portfolio holder (person id).
    pub portfolio_holder_id: Option<i64>,
    /// Expected attendance (default 30).
    pub expected_attendance: i64,
    /// Speakers whose registration is confirmed.
    pub confirmed_speakers: i64,
    /// Whether the session must be streamed.
    pub needs_livestream: bool,
    /// Room, once planned.
    pub room_id: Option<i64>,
    /// First round, once planned.
    pub first_round_id: Option<i64>,
    /// Rounds taken.
    pub round_count: i64,
    /// Voorzitter.
    pub chair_id: Option<i64>,
    /// Griffiemedewerker.
    pub clerk_id: Option<i64>,
    /// Whether the griffie fixed room and round.
    pub pinned: bool,
    /// What the proposal asks for: its room, chair and clerk.
    pub requested: RequestedBy,
}

/// The room, chair and clerk a proposal asks for (the behandelvoorstel's zaal, voorzitter and
/// griffiemedewerker), by id with their names.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestedBy {
    /// The room.
    pub room: Option<(i64, String)>,
    /// The chair.
    pub chair: Option<(i64, String)>,
    /// The clerk.
    pub clerk: Option<(i64, String)>,
}

/// Everything about an evening the planner and the evening page need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveningPlanning {
    /// Identifier.
    pub id: i64,
    /// The day.
    pub date: Date,
    /// Title.
    pub title: String,
    /// When it was published.
    pub published_at: Option<OffsetDateTime>,
    /// Rounds in order.
    pub rounds: Vec<RoundRow>,
    /// Rooms in use, by name.
    pub rooms: Vec<RoomRow>,
    /// Pool of chairs, by name.
    pub chairs: Vec<Attendee>,
    /// Pool of clerks, by name.
    pub clerks: Vec<Attendee>,
    /// The portfolio holders of the sessions, by name.
    pub portfolio_holders: Vec<Attendee>,
    /// Sessions, by subject.
    pub sessions: Vec<SessionRow>,
}

/// Where and by whom a session is held; `None` room or round leaves it unplanned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPlacement {
    /// The session.
    pub session_id: i64,
    /// Room.
    pub room_id: Option<i64>,
    /// First round.
    pub first_round_id: Option<i64>,
    /// Rounds taken, from 1.
    pub round_count: i64,
    /// Voorzitter.
    pub chair_id: Option<i64>,
    /// Griffiemedewerker.
    pub clerk_id: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct SessionRecord {
    id: i64,
    proposal_id: i64,
    subject: String,
    case_number: Option<String>,
    duration_minutes: Option<i64>,
    portfolio_holder_id: Option<i64>,
    expected_attendance: i64,
    confirmed_speakers: i64,
    needs_livestream: bool,
    room_id: Option<i64>,
    first_round_id: Option<i64>,
    round_count: i64,
    chair_id: Option<i64>,
    clerk_id: Option<i64>,
    pinned: bool,
    requested_room_id: Option<i64>,
    requested_room: Option<String>,
    requested_chair_id: Option<i64>,
    requested_chair: Option<String>,
    requested_clerk_id: Option<i64>,
    requested_clerk: Option<String>,
}

/// Every evening of the body, latest first, with counts.
pub async fn evenings(tx: &mut Tx, body: Id<Body>) -> Result<Vec<EveningListing>, StoreError> {
    let rows: Vec<(i64, Date, String, Option<OffsetDateTime>, i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT e.id, e.date, e.title, e.published_at, \
                    (SELECT COUNT(*) FROM rounds r WHERE r.evening_id = e.id), \
                    (SELECT COUNT(*) FROM sessions s WHERE s.evening_id = e.id) \
             FROM market_evenings e WHERE e.body_id = $1 ORDER BY e.date DESC",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|(id, date, title, published_at, rounds, sessions)| EveningListing {
            id,
            date,
            title,
            published: published_at.is_some(),
            rounds,
            sessions,
        })
        .collect())
}

/// The body's evening on a day.
pub async fn evening_on(tx: &mut Tx, body: Id<Body>, date: Date) -> Result<Option<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM market_evenings WHERE body_id = $1 AND date = $2")
            .bind(body.get())
            .bind(date)
            .fetch_optional(&mut *connection)
            .await?
    }))
}

/// One of the body's evenings with its rounds, rooms, people and sessions.
pub async fn planning(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<EveningPlanning, StoreError> {
    let header: Option<(Date, String, Option<OffsetDateTime>)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT date, title, published_at FROM market_evenings WHERE id = $1 AND body_id = $2")
            .bind(id)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    let (date, title, published_at) = header.ok_or_else(|| StoreError::NotFound(format!("market evening {id}")))?;
    let rounds: Vec<RoundRow> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, position, starts_at, ends_at FROM rounds WHERE evening_id = $1 ORDER BY position")
            .bind(id)
            .fetch_all(&mut *connection)
            .await?
    });
    let rooms: Vec<(i64, String, i64, bool, bool)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT r.id, r.name, r.capacity, r.has_livestream, r.is_accessible FROM rooms r \
             JOIN evening_rooms er ON er.room_id = r.id WHERE er.evening_id = $1 ORDER BY r.name",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let rooms = rooms
        .into_iter()
        .map(|(id, name, capacity, livestream, accessible)| RoomRow { id, name, capacity, livestream, accessible })
        .collect();
    let absences: Vec<(i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT a.person_id, a.round_id FROM evening_absences a JOIN rounds r ON r.id = a.round_id \
             WHERE r.evening_id = $1 ORDER BY r.position",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let attendee = |person_id: i64, name: String, title: Option<String>| Attendee {
        person_id,
        name,
        title,
        absent_rounds: absences.iter().filter(|(person, _)| *person == person_id).map(|(_, round)| *round).collect(),
    };
    let staff: Vec<(i64, String, String)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.name, s.duty FROM evening_staff s JOIN persons p ON p.id = s.person_id \
             WHERE s.evening_id = $1 ORDER BY p.name",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let pool = |duty: &str| -> Vec<Attendee> {
        staff
            .iter()
            .filter(|(_, _, d)| d == duty)
            .map(|(person, name, _)| attendee(*person, name.clone(), None))
            .collect()
    };
    let (chairs, clerks) = (pool("voorzitter"), pool("griffiemedewerker"));

    // A proposal that states no attendance is planned for DEFAULT_EXPECTED_ATTENDANCE (30) seats.
    let rows: Vec<SessionRecord> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.id, p.id AS proposal_id, p.subject, p.case_number, p.duration_minutes, p.portfolio_holder_id, \
                    COALESCE(p.expected_attendance, 30) AS expected_attendance, \
                    (SELECT COUNT(*) FROM speaker_registrations r \
                     WHERE r.session_id = s.id AND r.status = 'bevestigd') AS confirmed_speakers, \
                    p.needs_livestream, s.room_id, s.first_round_id, s.round_count, s.chair_id, s.clerk_id, s.pinned, \
                    p.room_id AS requested_room_id, rr.name AS requested_room, \
                    p.chair_id AS requested_chair_id, rc.name AS requested_chair, \
                    p.clerk_id AS requested_clerk_id, rk.name AS requested_clerk \
             FROM sessions s JOIN proposals p ON p.id = s.proposal_id \
             LEFT JOIN rooms rr ON rr.id = p.room_id \
             LEFT JOIN persons rc ON rc.id = p.chair_id \
             LEFT JOIN persons rk ON rk.id = p.clerk_id \
             WHERE s.evening_id = $1 ORDER BY p.subject, s.id",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let domain_rows: Vec<(i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT d.proposal_id, d.domain FROM proposal_domains d \
             JOIN sessions s ON s.proposal_id = d.proposal_id WHERE s.evening_id = $1",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let mut sessions = Vec::new();
    for row in rows {
        let mut domains = domain_rows
            .iter()
            .filter(|(proposal, _)| *proposal == row.proposal_id)
            .map(|(_, code)| decode_code(code))
            .collect::<Result<Vec<Domain>, _>>()?;
        domains.sort();
        sessions.push(SessionRow {
            id: row.id,
            proposal_id: row.proposal_id,
            subject: row.subject,
            case_number: row.case_number,
            domains,
            duration_minutes: row.duration_minutes,
            portfolio_holder_id: row.portfolio_holder_id,
            expected_attendance: row.expected_attendance,
            confirmed_speakers: row.confirmed_speakers,
            needs_livestream: row.needs_livestream,
            room_id: row.room_id,
            first_round_id: row.first_round_id,
            round_count: row.round_count,
            chair_id: row.chair_id,
            clerk_id: row.clerk_id,
            pinned: row.pinned,
            requested: RequestedBy {
                room: row.requested_room_id.zip(row.requested_room),
                chair: row.requested_chair_id.zip(row.requested_chair),
                clerk: row.requested_clerk_id.zip(row.requested_clerk),
            },
        });
    }
    let holders: Vec<(i64, String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.name, (SELECT MIN(m.function) FROM memberships m WHERE m.person_id = p.id \
                                   AND m.function IN ('wethouder', 'burgemeester')) \
             FROM persons p WHERE p.id IN (SELECT pr.portfolio_holder_id FROM sessions s \
                                           JOIN proposals pr ON pr.id = s.proposal_id WHERE s.evening_id = $1) \
             ORDER BY p.name",
        )
        .bind(id)
        .fetch_all(&mut *connection)
        .await?
    });
    let portfolio_holders = holders
        .into_iter()
        .map(|(person, name, function)| {
            let title = function.map(|function| if function == "burgemeester" { "Burgemeester" } else { "Wethouder" });
            attendee(person, name, title.map(str::to_owned))
        })
        .collect();
    Ok(EveningPlanning { id, date, title, published_at, rounds, rooms, chairs, clerks, portfolio_holders, sessions })
}

/// Stores where and by whom sessions of the body's evening are held. Sessions or rounds of
/// another evening, and rooms or people of another body, are refused as not found, and nothing
/// is stored.
pub async fn store_placements(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    placements: &[SessionPlacement],
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    require_owned(tx, body, Owned::Room, placements.iter().filter_map(|placement| placement.room_id)).await?;
    let people = placements.iter().flat_map(|placement| [placement.chair_id, placement.clerk_id]).flatten();
    require_owned(tx, body, Owned::Person, people).await?;
    let mut rounds: Vec<i64> = placements.iter().filter_map(|placement| placement.first_round_id).collect();
    rounds.sort_unstable();
    rounds.dedup();
    if !rounds.is_empty() {
        // An evening has a handful of rounds: reading them all is one small query.
        let own: Vec<i64> = on_connection!(tx, |connection| {
            sqlx::query_scalar("SELECT id FROM rounds WHERE evening_id = $1")
                .bind(evening_id)
                .fetch_all(&mut *connection)
                .await?
        });
        if let Some(round) = rounds.iter().find(|round| !own.contains(round)) {
            return Err(StoreError::NotFound(format!("round {round} of evening {evening_id}")));
        }
    }
    for placement in placements {
        let updated = on_connection!(tx, |connection| {
            sqlx::query(
                "UPDATE sessions SET room_id = $1, first_round_id = $2, round_count = $3, chair_id = $4, clerk_id = $5 \
                 WHERE id = $6 AND evening_id = $7",
            )
            .bind(placement.room_id)
            .bind(placement.first_round_id)
            .bind(placement.round_count)
            .bind(placement.chair_id)
            .bind(placement.clerk_id)
            .bind(placement.session_id)
            .bind(evening_id)
            .execute(&mut *connection)
            .await?
            .rows_affected()
        });
        if updated == 0 {
            return Err(StoreError::NotFound(format!("session {} of evening {evening_id}", placement.session_id)));
        }
    }
    Ok(())
}

/// Fixes or frees the room and round of a session of the body's evening for the planner.
pub async fn set_pinned(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    session_id: i64,
    pinned: bool,
) -> Result<(), StoreError> {
    let updated = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE sessions SET pinned = $1 WHERE id = $2 AND evening_id = $3 \
             AND evening_id IN (SELECT id FROM market_evenings WHERE body_id = $4)",
        )
        .bind(pinned)
        .bind(session_id)
        .bind(evening_id)
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if updated == 0 {
        return Err(StoreError::NotFound(format!("session {session_id} of evening {evening_id}")));
    }
    Ok(())
}

/// Adds an unpublished evening of the body with its rounds (start, end) in order, with no room in
/// use yet (`set_rooms` or `use_all_rooms` gives it its rooms). A second evening of the body on the same day is a `StoreError::Conflict`.
pub async fn create_evening(
    tx: &mut Tx,
    body: Id<Body>,
    date: Date,
    title: &str,
    rounds: &[(Time, Time)],
) -> Result<i64, StoreError> {
    if evening_on(tx, body, date).await?.is_some() {
        return Err(StoreError::Conflict { constraint: "market_evenings (body_id, date)".to_owned() });
    }
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar("INSERT INTO market_evenings (body_id, date, title) VALUES ($1, $2, $3) RETURNING id")
            .bind(body.get())
            .bind(date)
            .bind(title)
            .fetch_one(&mut *connection)
            .await?
    });
    for (position, (starts_at, ends_at)) in (1_i64..).zip(rounds) {
        on_connection!(tx, |connection| {
            sqlx::query("INSERT INTO rounds (evening_id, position, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
                .bind(id)
                .bind(position)
                .bind(*starts_at)
                .bind(*ends_at)
                .execute(&mut *connection)
                .await?;
        });
    }
    Ok(id)
}

/// Sets the date and title of the body's evening. Another evening of the body on that day is a
/// `StoreError::Conflict`; an evening of another body is not found.
pub async fn update_evening(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    date: Date,
    title: &str,
) -> Result<(), StoreError> {
    if evening_on(tx, body, date).await?.is_some_and(|other| other != evening_id) {
        return Err(StoreError::Conflict { constraint: "market_evenings (body_id, date)".to_owned() });
    }
    let updated = on_connection!(tx, |connection| {
        sqlx::query("UPDATE market_evenings SET date = $1, title = $2 WHERE id = $3 AND body_id = $4")
            .bind(date)
            .bind(title)
            .bind(evening_id)
            .bind(body.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    if updated == 0 {
        return Err(StoreError::NotFound(format!("market evening {evening_id}")));
    }
    Ok(())
}

/// Publishes the body's evening at `moment`, or withdraws its publication (`None`).
pub async fn set_published(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    moment: Option<OffsetDateTime>,
) -> Result<(), StoreError> {
    let updated = on_connection!(tx, |connection| {
        sqlx::query("UPDATE market_evenings SET published_at = $1 WHERE id = $2 AND body_id = $3")
            .bind(moment.map(stored_moment))
            .bind(evening_id)
            .bind(body.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    if updated == 0 {
        return Err(StoreError::NotFound(format!("market evening {evening_id}")));
    }
    Ok(())
}

/// Makes these the rounds of the body's evening, in this order: a round given with its id keeps
/// it (and the sessions and absences in it) with new times; one without is added; a round of the
/// evening not given is removed with its absences. The caller checks that no session is placed
/// in a round it removes (the database refuses it as well). A round id of another evening is not
/// found, and nothing is changed.
pub async fn replace_rounds(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    rounds: &[(Option<i64>, Time, Time)],
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    let own: Vec<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM rounds WHERE evening_id = $1")
            .bind(evening_id)
            .fetch_all(&mut *connection)
            .await?
    });
    if let Some(round) = rounds.iter().filter_map(|(id, _, _)| *id).find(|id| !own.contains(id)) {
        return Err(StoreError::NotFound(format!("round {round} of evening {evening_id}")));
    }
    for round in own.iter().filter(|round| !rounds.iter().any(|(id, _, _)| *id == Some(**round))) {
        on_connection!(tx, |connection| {
            sqlx::query("DELETE FROM rounds WHERE id = $1 AND evening_id = $2")
                .bind(round)
                .bind(evening_id)
                .execute(&mut *connection)
                .await?;
        });
    }
    // Out of the way first, so that no two rounds hold one position while they are renumbered.
    on_connection!(tx, |connection| {
        sqlx::query("UPDATE rounds SET position = position + 10000 WHERE evening_id = $1")
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
    });
    for (position, (id, starts_at, ends_at)) in (1_i64..).zip(rounds) {
        match id {
            Some(id) => on_connection!(tx, |connection| {
                sqlx::query(
                    "UPDATE rounds SET position = $1, starts_at = $2, ends_at = $3 WHERE id = $4 AND evening_id = $5",
                )
                .bind(position)
                .bind(*starts_at)
                .bind(*ends_at)
                .bind(*id)
                .bind(evening_id)
                .execute(&mut *connection)
                .await?;
            }),
            None => on_connection!(tx, |connection| {
                sqlx::query("INSERT INTO rounds (evening_id, position, starts_at, ends_at) VALUES ($1, $2, $3, $4)")
                    .bind(evening_id)
                    .bind(position)
                    .bind(*starts_at)
                    .bind(*ends_at)
                    .execute(&mut *connection)
                    .await?;
            }),
        }
    }
    Ok(())
}

/// Makes these rooms of the body the rooms in use on its evening. Rooms or an evening of another
/// body are not found, and nothing is changed.
pub async fn set_rooms(tx: &mut Tx, body: Id<Body>, evening_id: i64, rooms: &[i64]) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    require_owned(tx, body, Owned::Room, rooms.iter().copied()).await?;
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM evening_rooms WHERE evening_id = $1")
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
    });
    for room in rooms {
        on_connection!(tx, |connection| {
            sqlx::query("INSERT INTO evening_rooms (evening_id, room_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(evening_id)
                .bind(room)
                .execute(&mut *connection)
                .await?;
        });
    }
    Ok(())
}

/// Replaces the pools of chairs and clerks of the body's evening. An evening or people of
/// another body are refused as not found.
pub async fn set_staff(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    chairs: &[i64],
    clerks: &[i64],
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    require_owned(tx, body, Owned::Person, chairs.iter().chain(clerks).copied()).await?;
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM evening_staff WHERE evening_id = $1")
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
    });
    for (people, duty) in [(chairs, "voorzitter"), (clerks, "griffiemedewerker")] {
        for person in people {
            on_connection!(tx, |connection| {
                sqlx::query(
                    "INSERT INTO evening_staff (evening_id, person_id, duty) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                )
                .bind(evening_id)
                .bind(person)
                .bind(duty)
                .execute(&mut *connection)
                .await?;
            });
        }
    }
    Ok(())
}

/// Replaces the rounds of the body's evening in which a person of the body cannot be there.
/// Rounds of other evenings are left out.
pub async fn set_absences(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    person_id: i64,
    rounds: &[i64],
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    require_owned(tx, body, Owned::Person, [person_id]).await?;
    on_connection!(tx, |connection| {
        sqlx::query(
            "DELETE FROM evening_absences WHERE person_id = $1 \
             AND round_id IN (SELECT id FROM rounds WHERE evening_id = $2)",
        )
        .bind(person_id)
        .bind(evening_id)
        .execute(&mut *connection)
        .await?;
    });
    for round in rounds {
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO evening_absences (round_id, person_id) \
                 SELECT id, $2 FROM rounds WHERE id = $1 AND evening_id = $3",
            )
            .bind(round)
            .bind(person_id)
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
        });
    }
    Ok(())
}

/// Replaces every absence of the body's evening: who (person id) misses which round (round
/// id). Rounds of other evenings are left out; an evening or people of another body are refused
/// as not found.
pub async fn replace_absences(
    tx: &mut Tx,
    body: Id<Body>,
    evening_id: i64,
    absences: &[(i64, i64)],
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Evening, [evening_id]).await?;
    require_owned(tx, body, Owned::Person, absences.iter().map(|(person, _)| *person)).await?;
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM evening_absences WHERE round_id IN (SELECT id FROM rounds WHERE evening_id = $1)")
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
    });
    for (person, round) in absences {
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO evening_absences (round_id, person_id) \
                 SELECT id, $2 FROM rounds WHERE id = $1 AND evening_id = $3 ON CONFLICT DO NOTHING",
            )
            .bind(round)
            .bind(person)
            .bind(evening_id)
            .execute(&mut *connection)
            .await?;
        });
    }
    Ok(())
}

/// Puts every room of the body in use on its evening (a new evening's default); another body's
/// evening is left as it is.
pub async fn use_all_rooms(tx: &mut Tx, body: Id<Body>, evening_id: i64) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO evening_rooms (evening_id, room_id) \
             SELECT e.id, r.id FROM market_evenings e JOIN rooms r ON r.body_id = e.body_id \
             WHERE e.id = $1 AND e.body_id = $2 \
             ON CONFLICT DO NOTHING",
        )
        .bind(evening_id)
        .bind(body.get())
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Where a session took place and what it treated: the provenance an indicator proposed in it
/// shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionOrigin {
    /// The market evening.
    pub evening_id: i64,
    /// Its date.
    pub date: Date,
    /// Whether the evening is published.
    pub published: bool,
    /// The proposal the session treated.
    pub proposal_id: i64,
    /// Its subject.
    pub subject: String,
}

/// The evening and proposal of session `id`, when it exists and is the body's.
pub async fn session_origin(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<Option<SessionOrigin>, StoreError> {
    let row: Option<(i64, Date, Option<OffsetDateTime>, i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT e.id, e.date, e.published_at, p.id, p.subject FROM sessions s \
             JOIN market_evenings e ON e.id = s.evening_id JOIN proposals p ON p.id = s.proposal_id \
             WHERE s.id = $1 AND e.body_id = $2",
        )
        .bind(id)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(row.map(|(evening_id, date, published_at, proposal_id, subject)| SessionOrigin {
        evening_id,
        date,
        published: published_at.is_some(),
        proposal_id,
        subject,
    }))
}
