//! What a body's home page shows: the municipality, its published market evenings, and its
//! wijken.

use time::{Date, Time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::area::AreaCode;
use wijkbeeld_domain::people::Body;

use crate::{StoreError, Tx, on_connection};

/// A published market evening as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveningSummary {
    /// Identifier.
    pub id: i64,
    /// The day.
    pub date: Date,
    /// Title.
    pub title: String,
    /// When the first round starts, if rounds are set.
    pub starts_at: Option<Time>,
    /// When the last round ends.
    pub ends_at: Option<Time>,
    /// Number of rounds.
    pub rounds: i64,
    /// Number of sessions.
    pub sessions: i64,
    /// The subjects of its sessions, in order of round and room.
    pub subjects: Vec<String>,
}

/// A wijk as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WijkSummary {
    /// CBS code.
    pub code: AreaCode,
    /// Name.
    pub name: String,
    /// Number of buurten.
    pub buurten: i64,
    /// Inhabitants in the latest year known, if any.
    pub inhabitants: Option<i64>,
}

/// Everything on the home page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HomeOverview {
    /// The municipality's name; `None` when there is no such body.
    pub body_name: Option<String>,
    /// Published evenings from today on, soonest first.
    pub upcoming: Vec<EveningSummary>,
    /// Published evenings before today, latest first.
    pub past: Vec<EveningSummary>,
    /// The wijken, by code.
    pub wijken: Vec<WijkSummary>,
}

#[derive(sqlx::FromRow)]
struct EveningRow {
    id: i64,
    date: Date,
    title: String,
    starts_at: Option<Time>,
    ends_at: Option<Time>,
    rounds: i64,
    sessions: i64,
}

/// Reads the body's home page overview as of `today`.
pub async fn home(tx: &mut Tx, body: Id<Body>, today: Date) -> Result<HomeOverview, StoreError> {
    let body_name = body_name(tx, body).await?;
    let evenings: Vec<EveningRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT e.id, e.date, e.title, \
                    (SELECT MIN(r.starts_at) FROM rounds r WHERE r.evening_id = e.id) AS starts_at, \
                    (SELECT MAX(r.ends_at) FROM rounds r WHERE r.evening_id = e.id) AS ends_at, \
                    (SELECT COUNT(*) FROM rounds r WHERE r.evening_id = e.id) AS rounds, \
                    (SELECT COUNT(*) FROM sessions s WHERE s.evening_id = e.id) AS sessions \
             FROM market_evenings e WHERE e.body_id = $1 AND e.published_at IS NOT NULL ORDER BY e.date",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let subjects: Vec<(i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.evening_id, p.subject FROM sessions s \
             JOIN proposals p ON p.id = s.proposal_id \
             LEFT JOIN rounds r ON r.id = s.first_round_id \
             LEFT JOIN rooms m ON m.id = s.room_id \
             JOIN market_evenings e ON e.id = s.evening_id AND e.published_at IS NOT NULL \
             WHERE e.body_id = $1 \
             ORDER BY s.evening_id, r.position IS NULL, r.position, m.name, p.subject",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let mut overview = HomeOverview { body_name, ..HomeOverview::default() };
    for EveningRow { id, date, title, starts_at, ends_at, rounds, sessions } in evenings {
        let subjects =
            subjects.iter().filter(|(evening, _)| *evening == id).map(|(_, subject)| subject.clone()).collect();
        let summary = EveningSummary { id, date, title, starts_at, ends_at, rounds, sessions, subjects };
        if date >= today { overview.upcoming.push(summary) } else { overview.past.push(summary) }
    }
    overview.past.reverse();

    let wijken: Vec<(String, String, i64, Option<i64>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT w.code, w.name, \
                    (SELECT COUNT(*) FROM areas b WHERE b.parent_id = w.id), \
                    (SELECT p.inhabitants FROM area_populations p WHERE p.area_id = w.id \
                     ORDER BY p.year DESC, p.quarter DESC LIMIT 1) \
             FROM areas w WHERE w.body_id = $1 AND w.level = 'wijk' ORDER BY w.code",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    for (code, name, buurten, inhabitants) in wijken {
        let code = code
            .parse()
            .map_err(|error: wijkbeeld_domain::area::InvalidAreaCode| StoreError::Corrupt(error.to_string()))?;
        overview.wijken.push(WijkSummary { code, name, buurten, inhabitants });
    }
    Ok(overview)
}

/// The body's name, for the header of every page; `None` when there is no such body.
pub async fn body_name(tx: &mut Tx, body: Id<Body>) -> Result<Option<String>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT name FROM bodies WHERE id = $1")
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    }))
}
