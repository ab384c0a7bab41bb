//! A wijk's agenda as the monitor shows it: its priorities and the actions taken on them. They
//! belong to a body through their area: an area of another body has no agenda here.

use time::Date;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::agenda::{Action, Priority};
use wijkbeeld_domain::monitor::Area;
use wijkbeeld_domain::people::Body;

use crate::{StoreError, Tx, decode_code, on_connection};

/// The priorities of the body's `area`, newest year first, each year's in agenda order.
pub async fn priorities(tx: &mut Tx, body: Id<Body>, area: Id<Area>) -> Result<Vec<Priority>, StoreError> {
    let rows: Vec<(i64, i64, i64, i64, String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.area_id, p.year, p.position, p.title, p.description FROM priorities p \
             JOIN areas a ON a.id = p.area_id WHERE p.area_id = $1 AND a.body_id = $2 \
             ORDER BY p.year DESC, p.position",
        )
        .bind(area.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(|(id, area_id, year, position, title, description)| {
            Ok(Priority {
                id: Id::new(id),
                area_id: Id::new(area_id),
                year: i32::try_from(year).map_err(|_| StoreError::Corrupt(format!("priority {id}: year {year}")))?,
                position: u16::try_from(position)
                    .map_err(|_| StoreError::Corrupt(format!("priority {id}: position {position}")))?,
                title,
                description,
            })
        })
        .collect()
}

type ActionRow = (
    i64,
    i64,
    Option<i64>,
    String,
    Option<String>,
    Option<i64>,
    Option<i64>,
    String,
    Option<Date>,
    Option<Date>,
    Option<i64>,
);

/// The actions on the agenda of the body's `area`, by start date, with the indicators each
/// should move.
pub async fn actions(tx: &mut Tx, body: Id<Body>, area: Id<Area>) -> Result<Vec<Action>, StoreError> {
    let rows: Vec<ActionRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT c.id, c.area_id, c.priority_id, c.title, c.description, c.owner_partner_id, c.programme_id, \
             c.status, c.start_date, c.end_date, c.budget_cents FROM actions c JOIN areas a ON a.id = c.area_id \
             WHERE c.area_id = $1 AND a.body_id = $2 ORDER BY c.start_date, c.title",
        )
        .bind(area.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let links: Vec<(i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT l.action_id, l.indicator_id FROM action_indicators l JOIN actions c ON c.id = l.action_id \
             JOIN areas a ON a.id = c.area_id WHERE c.area_id = $1 AND a.body_id = $2 \
             ORDER BY l.action_id, l.indicator_id",
        )
        .bind(area.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(
            |(
                id,
                area_id,
                priority,
                title,
                description,
                owner,
                programme,
                status,
                start_date,
                end_date,
                budget_cents,
            )| {
                Ok(Action {
                    id: Id::new(id),
                    area_id: Id::new(area_id),
                    priority_id: priority.map(Id::new),
                    title,
                    description,
                    owner_partner_id: owner.map(Id::new),
                    programme_id: programme.map(Id::new),
                    indicator_ids: links
                        .iter()
                        .filter(|(action, _)| *action == id)
                        .map(|(_, indicator)| Id::new(*indicator))
                        .collect(),
                    status: decode_code(&status)?,
                    start_date,
                    end_date,
                    budget_cents,
                })
            },
        )
        .collect()
}
