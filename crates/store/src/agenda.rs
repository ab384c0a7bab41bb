//! A wijk's agenda as the monitor shows it: its priorities and the actions taken on them.

use time::Date;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::agenda::{Action, Priority};
use wijkbeeld_domain::monitor::Area;

use crate::{StoreError, Tx, decode_code, on_connection};

/// The priorities of `area`, newest year first, each year's in agenda order.
pub async fn priorities(tx: &mut Tx, area: Id<Area>) -> Result<Vec<Priority>, StoreError> {
    let rows: Vec<(i64, i64, i64, i64, String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT id, area_id, year, position, title, description FROM priorities WHERE area_id = $1 \
             ORDER BY year DESC, position",
        )
        .bind(area.get())
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

/// The actions on the agenda of `area`, by start date, with the indicators each should move.
pub async fn actions(tx: &mut Tx, area: Id<Area>) -> Result<Vec<Action>, StoreError> {
    let rows: Vec<ActionRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT id, area_id, priority_id, title, description, owner_partner_id, programme_id, status, \
             start_date, end_date, budget_cents FROM actions WHERE area_id = $1 ORDER BY start_date, title",
        )
        .bind(area.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let links: Vec<(i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT l.action_id, l.indicator_id FROM action_indicators l JOIN actions a ON a.id = l.action_id \
             WHERE a.area_id = $1 ORDER BY l.action_id, l.indicator_id",
        )
        .bind(area.get())
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
