//! The neighbourhood monitor's data: areas and their boundaries, programmes, indicators, their
//! measurements per area and period, inhabitants, targets, and the mapping of CBS columns to
//! indicators; and writing imported figures.
//!
//! Every function but [`data_version`] works on one body's data: areas, programmes, indicators
//! and CBS mappings carry their body; measurements, inhabitants and targets are the body's
//! through their area and indicator. Reads leave other bodies' rows out; writes refuse rows that
//! name another body's area or indicator as not found. The data version is one counter for the
//! whole database: a change in any body makes every body's derived figures stale, which costs a
//! recomputation, never a wrong figure.

use std::collections::HashMap;
use std::future::Future;
use std::task::Poll;

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::User;
use wijkbeeld_domain::area::{AreaCode, AreaLevel, AreaRecord};
use wijkbeeld_domain::monitor::{
    Area, Direction, Indicator, IndicatorKind, IndicatorStatus, Measurement, Population, Programme, Target, Theme, Unit,
};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;

use crate::{Owned, StoreError, Tx, decode_code, on_connection, require_owned, stored_moment};

/// The setting that holds the monitor's base year (the index's yardstick), when one is set.
pub const BASE_YEAR: &str = "monitor.base_year";
/// A counter raised by every change of measurements, so that derived figures kept in memory
/// (such as the index's yardsticks) know when they are stale, on every server alike.
const DATA_VERSION: &str = "monitor.data_version";

type AreaRow = (i64, String, String, String, Option<i64>, Option<i64>);

fn area_from_row((id, code, name, level, parent_id, coordinator_id): AreaRow) -> Result<Area, StoreError> {
    Ok(Area {
        id: Id::new(id),
        code: code
            .parse()
            .map_err(|error: wijkbeeld_domain::area::InvalidAreaCode| StoreError::Corrupt(error.to_string()))?,
        name,
        level: decode_code(&level)?,
        parent_id: parent_id.map(Id::new),
        coordinator_id: coordinator_id.map(Id::new),
    })
}

/// Every area of the body, the gemeente first, then wijken and buurten, each by code.
pub async fn areas(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Area>, StoreError> {
    let rows: Vec<AreaRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT id, code, name, level, parent_id, coordinator_id FROM areas WHERE body_id = $1 \
             ORDER BY CASE level WHEN 'gemeente' THEN 0 WHEN 'wijk' THEN 1 ELSE 2 END, code",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter().map(area_from_row).collect()
}

/// The boundaries (GeoJSON geometry text) of the body's areas of one level that have them.
pub async fn geometries(
    tx: &mut Tx,
    body: Id<Body>,
    level: AreaLevel,
) -> Result<HashMap<Id<Area>, String>, StoreError> {
    let rows: Vec<(i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, geometry FROM areas WHERE body_id = $1 AND level = $2 AND geometry IS NOT NULL")
            .bind(body.get())
            .bind(level.code())
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows.into_iter().map(|(id, geometry)| (Id::new(id), geometry)).collect())
}

/// Adds the areas of a division file to the body, or renames and re-parents the body's areas
/// already known by code. `records` come parents first, as the parser orders them. Returns
/// (added, updated). CBS codes are national, so a code that another body holds is a
/// [`StoreError::Conflict`], and that body's area stays as it is.
pub async fn upsert_areas(tx: &mut Tx, body: Id<Body>, records: &[AreaRecord]) -> Result<(u64, u64), StoreError> {
    let mut ids: HashMap<String, i64> =
        areas(tx, body).await?.into_iter().map(|area| (area.code.as_str().to_owned(), area.id.get())).collect();
    let (mut added, mut updated) = (0, 0);
    for record in records {
        let parent_id = match &record.parent {
            Some(parent) => Some(
                *ids.get(parent.as_str())
                    .ok_or_else(|| StoreError::Corrupt(format!("parent {parent} of {} is unknown", record.code)))?,
            ),
            None => None,
        };
        match ids.get(record.code.as_str()) {
            Some(id) => {
                let changed = on_connection!(tx, |connection| {
                    sqlx::query(
                        "UPDATE areas SET name = $1, parent_id = $2 WHERE id = $3 \
                         AND (name <> $1 OR parent_id IS DISTINCT FROM $2)",
                    )
                    .bind(&record.name)
                    .bind(parent_id)
                    .bind(*id)
                    .execute(&mut *connection)
                    .await?
                    .rows_affected()
                });
                updated += changed;
            }
            None => {
                let id: i64 = on_connection!(tx, |connection| {
                    sqlx::query_scalar(
                        "INSERT INTO areas (body_id, code, name, level, parent_id) VALUES ($1, $2, $3, $4, $5) \
                         RETURNING id",
                    )
                    .bind(body.get())
                    .bind(record.code.as_str())
                    .bind(&record.name)
                    .bind(record.level.code())
                    .bind(parent_id)
                    .fetch_one(&mut *connection)
                    .await?
                });
                ids.insert(record.code.as_str().to_owned(), id);
                added += 1;
            }
        }
    }
    // The monitor's pages keep the list of areas until the data version changes.
    bump_data_version(tx).await?;
    Ok((added, updated))
}

/// Stores the boundary (GeoJSON geometry text) of the body's area with `code`; the number of
/// areas changed (0 for a code the body does not have).
pub async fn set_geometry(tx: &mut Tx, body: Id<Body>, code: &AreaCode, geometry: &str) -> Result<u64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query("UPDATE areas SET geometry = $1 WHERE code = $2 AND body_id = $3")
            .bind(geometry)
            .bind(code.as_str())
            .bind(body.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    }))
}

/// Every programme (ontwikkelopgave) of the body, by name.
pub async fn programmes(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Programme>, StoreError> {
    let rows: Vec<(i64, String, String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, code, name, description FROM programmes WHERE body_id = $1 ORDER BY name")
            .bind(body.get())
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows
        .into_iter()
        .map(|(id, code, name, description)| Programme { id: Id::new(id), code, name, description })
        .collect())
}

type IndicatorRow = (
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<i64>,
    String,
    Option<i64>,
    bool,
    bool,
    i64,
);

/// Every indicator of the body, by theme and name.
pub async fn indicators(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Indicator>, StoreError> {
    let rows: Vec<IndicatorRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT id, code, name, definition, unit, direction, theme, kind, source, owner_partner_id, status, \
             proposed_in_session_id, is_key, is_published, decimals FROM indicators WHERE body_id = $1 \
             ORDER BY theme, name",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(
            |(
                id,
                code,
                name,
                definition,
                unit,
                direction,
                theme,
                kind,
                source,
                owner,
                status,
                session,
                is_key,
                is_published,
                decimals,
            )| {
                Ok(Indicator {
                    id: Id::new(id),
                    code,
                    name,
                    definition,
                    unit: decode_code(&unit)?,
                    direction: decode_code(&direction)?,
                    theme: decode_code(&theme)?,
                    kind: decode_code(&kind)?,
                    source,
                    owner_partner_id: owner.map(Id::new),
                    status: decode_code(&status)?,
                    proposed_in_session_id: session.map(Id::new),
                    is_key,
                    is_published,
                    decimals: u8::try_from(decimals).unwrap_or(1),
                })
            },
        )
        .collect()
}

/// Which programmes each indicator of the body belongs to.
pub async fn indicator_programmes(
    tx: &mut Tx,
    body: Id<Body>,
) -> Result<Vec<(Id<Indicator>, Id<Programme>)>, StoreError> {
    let rows: Vec<(i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT l.indicator_id, l.programme_id FROM indicator_programmes l \
             JOIN indicators i ON i.id = l.indicator_id WHERE i.body_id = $1 \
             ORDER BY l.indicator_id, l.programme_id",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows.into_iter().map(|(indicator, programme)| (Id::new(indicator), Id::new(programme))).collect())
}

type TargetRow = (i64, i64, i64, f64, i64, i64, i64, i64, Option<String>);

/// Every target of the body.
pub async fn targets(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Target>, StoreError> {
    let rows: Vec<TargetRow> = on_connection!(tx, |connection| {
        // A target is its body's through both its indicator and its area; the writes keep the
        // two in one body, and the read asks both, so that no other body's target is shown.
        sqlx::query_as(
            "SELECT t.id, t.indicator_id, t.area_id, t.value, t.target_year, t.target_quarter, t.baseline_year, \
             t.baseline_quarter, t.note FROM targets t JOIN indicators i ON i.id = t.indicator_id \
             JOIN areas a ON a.id = t.area_id WHERE i.body_id = $1 AND a.body_id = $1 \
             ORDER BY t.indicator_id, t.area_id, t.target_year, t.target_quarter",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter().map(target_from_row).collect()
}

fn period(year: i64, quarter: i64) -> Result<Period, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("stored period {year}/{quarter} is not a period"));
    Period::from_stored(i32::try_from(year).map_err(|_| corrupt())?, i16::try_from(quarter).map_err(|_| corrupt())?)
        .map_err(|_| corrupt())
}

type MeasurementRow = (i64, i64, i64, i64, f64, Option<i64>, Option<f64>, Option<String>);

fn measurement_from_row(
    (indicator, area, year, quarter, value, sample_size, margin, source_note): MeasurementRow,
) -> Result<Measurement, StoreError> {
    Ok(Measurement {
        indicator_id: Id::new(indicator),
        area_id: Id::new(area),
        period: period(year, quarter)?,
        value,
        sample_size: sample_size.and_then(|size| u32::try_from(size).ok()),
        margin,
        source_note,
    })
}

const MEASUREMENT_COLUMNS: &str =
    "m.indicator_id, m.area_id, m.year, m.quarter, m.value, m.sample_size, m.margin, m.source_note";

/// Which measurements to read; every field narrows, none reads them all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeasurementFilter {
    /// Only these areas.
    pub areas: Option<Vec<Id<Area>>>,
    /// Only these indicators.
    pub indicators: Option<Vec<Id<Indicator>>>,
    /// Only areas of this level.
    pub level: Option<AreaLevel>,
    /// From this period on.
    pub from: Option<Period>,
    /// Up to and including this period.
    pub until: Option<Period>,
    /// At most this many, for paging.
    pub limit: Option<i64>,
    /// Skip this many, for paging.
    pub offset: i64,
}

/// The measurements of the body's areas that the filter selects, by area, indicator and period
/// (the key's order).
pub async fn measurements(
    tx: &mut Tx,
    body: Id<Body>,
    filter: &MeasurementFilter,
) -> Result<Vec<Measurement>, StoreError> {
    if filter.areas.as_ref().is_some_and(Vec::is_empty) || filter.indicators.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    let rows: Vec<MeasurementRow> = on_connection!(tx, |connection| {
        // Joined with areas, which also say whose the measurements are: the key leads with the
        // area, and the join lets the planner seek each area's range for an indicator rather
        // than read them all.
        let mut query = sqlx::QueryBuilder::new(format!(
            "SELECT {MEASUREMENT_COLUMNS} FROM measurements m JOIN areas a ON a.id = m.area_id WHERE a.body_id = "
        ));
        query.push_bind(body.get());
        if let Some(areas) = &filter.areas {
            query.push(" AND m.area_id IN (");
            let mut list = query.separated(", ");
            for area in areas {
                list.push_bind(area.get());
            }
            list.push_unseparated(")");
        }
        if let Some(indicators) = &filter.indicators {
            query.push(" AND m.indicator_id IN (");
            let mut list = query.separated(", ");
            for indicator in indicators {
                list.push_bind(indicator.get());
            }
            list.push_unseparated(")");
        }
        if let Some(level) = filter.level {
            query.push(" AND a.level = ").push_bind(level.code());
        }
        // Periods compare as (year, quarter) pairs, a year's quarter being 0. Written as a range
        // on the year with the quarter's exception beside it, so that an index can seek the year.
        match (filter.from, filter.until) {
            (Some(from), Some(until)) if from == until => {
                let (year, quarter) = (i64::from(from.year_number()), i64::from(from.stored_quarter()));
                query.push(" AND m.year = ").push_bind(year).push(" AND m.quarter = ").push_bind(quarter);
            }
            (from, until) => {
                if let Some(from) = from {
                    let (year, quarter) = (i64::from(from.year_number()), i64::from(from.stored_quarter()));
                    query.push(" AND m.year >= ").push_bind(year).push(" AND NOT (m.year = ").push_bind(year);
                    query.push(" AND m.quarter < ").push_bind(quarter).push(")");
                }
                if let Some(until) = until {
                    let (year, quarter) = (i64::from(until.year_number()), i64::from(until.stored_quarter()));
                    query.push(" AND m.year <= ").push_bind(year).push(" AND NOT (m.year = ").push_bind(year);
                    query.push(" AND m.quarter > ").push_bind(quarter).push(")");
                }
            }
        }
        query.push(" ORDER BY m.area_id, m.indicator_id, m.year, m.quarter");
        if let Some(limit) = filter.limit {
            query.push(" LIMIT ").push_bind(limit).push(" OFFSET ").push_bind(filter.offset);
        }
        query.build_query_as().fetch_all(&mut *connection).await?
    });
    rows.into_iter().map(measurement_from_row).collect()
}

/// The measurements of every area of the body of `level` in one period.
pub async fn measurements_in(
    tx: &mut Tx,
    body: Id<Body>,
    level: AreaLevel,
    at: Period,
) -> Result<Vec<Measurement>, StoreError> {
    measurements(
        tx,
        body,
        &MeasurementFilter { level: Some(level), from: Some(at), until: Some(at), ..Default::default() },
    )
    .await
}

/// The periods that have measurements for the body's areas of `level`, in time order.
pub async fn periods(tx: &mut Tx, body: Id<Body>, level: AreaLevel) -> Result<Vec<Period>, StoreError> {
    let rows: Vec<(i64, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT DISTINCT m.year, m.quarter FROM measurements m JOIN areas a ON a.id = m.area_id \
             WHERE a.body_id = $1 AND a.level = $2 ORDER BY m.year, m.quarter",
        )
        .bind(body.get())
        .bind(level.code())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter().map(|(year, quarter)| period(year, quarter)).collect()
}

/// Per period and area of `level`: how many of `indicators` the area has a value for (areas
/// with none are left out). What the default period is chosen by.
pub async fn coverage(
    tx: &mut Tx,
    body: Id<Body>,
    level: AreaLevel,
    indicators: &[Id<Indicator>],
) -> Result<Vec<(Period, Id<Area>, usize)>, StoreError> {
    if indicators.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, i64, i64, i64)> = on_connection!(tx, |connection| {
        let mut query = sqlx::QueryBuilder::new(
            "SELECT m.year, m.quarter, m.area_id, COUNT(*) FROM measurements m \
             JOIN areas a ON a.id = m.area_id WHERE a.body_id = ",
        );
        query.push_bind(body.get()).push(" AND a.level = ").push_bind(level.code()).push(" AND m.indicator_id IN (");
        let mut list = query.separated(", ");
        for indicator in indicators {
            list.push_bind(indicator.get());
        }
        query.push(") GROUP BY m.year, m.quarter, m.area_id");
        query.build_query_as().fetch_all(&mut *connection).await?
    });
    rows.into_iter()
        .map(|(year, quarter, area, count)| {
            Ok((period(year, quarter)?, Id::new(area), usize::try_from(count).unwrap_or(0)))
        })
        .collect()
}

/// Inhabitants of those of the given areas that are the body's, in every period known.
pub async fn populations(tx: &mut Tx, body: Id<Body>, areas: &[Id<Area>]) -> Result<Vec<Population>, StoreError> {
    if areas.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(i64, i64, i64, i64)> = on_connection!(tx, |connection| {
        let mut query = sqlx::QueryBuilder::new(
            "SELECT p.area_id, p.year, p.quarter, p.inhabitants FROM area_populations p \
             JOIN areas a ON a.id = p.area_id WHERE a.body_id = ",
        );
        query.push_bind(body.get()).push(" AND p.area_id IN (");
        let mut list = query.separated(", ");
        for area in areas {
            list.push_bind(area.get());
        }
        query.push(") ORDER BY p.area_id, p.year, p.quarter");
        query.build_query_as().fetch_all(&mut *connection).await?
    });
    rows.into_iter()
        .map(|(area, year, quarter, inhabitants)| {
            Ok(Population {
                area_id: Id::new(area),
                period: period(year, quarter)?,
                inhabitants: u32::try_from(inhabitants).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// Statement size for bulk writes: enough rows to amortise each round trip, few enough binds
/// for SQLite's limit of 32,766.
const ROWS_PER_STATEMENT: usize = 500;

/// Writes measurements of the body's areas and indicators, replacing the value (and its sample
/// size, margin and note) of any (indicator, area, period) already stored. Returns how many rows
/// were written. A row naming an area or indicator that is not the body's is refused as not
/// found before anything is written.
pub async fn write_measurements(tx: &mut Tx, body: Id<Body>, measurements: &[Measurement]) -> Result<u64, StoreError> {
    // Written in the key's order (area, indicator, period), so that new rows append to the
    // B-tree: measured on a million rows, rows in random order took three to four times as long
    // (bench/monitor/key-order.sh).
    let key =
        |measurement: &&Measurement| (measurement.area_id.get(), measurement.indicator_id.get(), measurement.period);
    let mut ordered: Vec<&Measurement> = measurements.iter().collect();
    if !ordered.is_sorted_by_key(key) {
        ordered.sort_by_cached_key(key);
    }
    let (areas, indicators) = distinct_keys(&ordered);
    require_owned(tx, body, Owned::Area, areas).await?;
    require_owned(tx, body, Owned::Indicator, indicators).await?;
    let mut written = 0;
    on_connection!(tx, |connection| {
        let statement = |chunk: &[&Measurement]| {
            let mut insert = sqlx::QueryBuilder::new(
                "INSERT INTO measurements (indicator_id, area_id, year, quarter, value, sample_size, margin, \
                 source_note) ",
            );
            insert.push_values(chunk, |mut row, measurement| {
                row.push_bind(measurement.indicator_id.get())
                    .push_bind(measurement.area_id.get())
                    .push_bind(i64::from(measurement.period.year_number()))
                    .push_bind(i64::from(measurement.period.stored_quarter()))
                    .push_bind(measurement.value)
                    .push_bind(measurement.sample_size.map(i64::from))
                    .push_bind(measurement.margin)
                    .push_bind(measurement.source_note.as_deref());
            });
            insert.push(
                " ON CONFLICT (indicator_id, area_id, year, quarter) DO UPDATE SET value = excluded.value, \
                 sample_size = excluded.sample_size, margin = excluded.margin, source_note = excluded.source_note",
            );
            insert
        };
        let mut chunks = ordered.chunks(ROWS_PER_STATEMENT);
        let mut current = chunks.next().map(statement);
        while let Some(mut insert) = current.take() {
            let mut execution = std::pin::pin!(insert.build().execute(&mut *connection));
            // Polled once, the statement is on its way to the database (SQLite's worker thread,
            // or PostgreSQL's socket); the next one is built meanwhile, on the other core.
            let started = std::future::poll_fn(|context| Poll::Ready(execution.as_mut().poll(context))).await;
            current = chunks.next().map(statement);
            let done = match started {
                Poll::Ready(done) => done,
                Poll::Pending => execution.await,
            };
            written += done?.rows_affected();
        }
    });
    if written > 0 {
        bump_data_version(tx).await?;
    }
    Ok(written)
}

/// The distinct areas and indicators of measurements in key order. The rows of one area are
/// together and so, within it, are an indicator's periods, so comparing each row with the one
/// before leaves few values to sort: a million rows cost a pass, not a set insertion each.
fn distinct_keys(ordered: &[&Measurement]) -> (Vec<i64>, Vec<i64>) {
    let (mut areas, mut indicators): (Vec<i64>, Vec<i64>) = (Vec::new(), Vec::new());
    for measurement in ordered {
        let (area, indicator) = (measurement.area_id.get(), measurement.indicator_id.get());
        if areas.last() != Some(&area) {
            areas.push(area);
            indicators.push(indicator);
        } else if indicators.last() != Some(&indicator) {
            indicators.push(indicator);
        }
    }
    indicators.sort_unstable();
    indicators.dedup();
    (areas, indicators)
}

/// How many measurements those of the given areas that are the body's hold in all. An import
/// counts before and after its writes: the rows it wrote that did not add to the count replaced
/// a value. Counting a key range is much cheaper than reading every key the file names.
pub async fn count_measurements_of(tx: &mut Tx, body: Id<Body>, areas: &[Id<Area>]) -> Result<u64, StoreError> {
    let mut areas: Vec<i64> = areas.iter().map(|area| area.get()).collect();
    areas.sort_unstable();
    areas.dedup();
    let mut count = 0;
    for chunk in areas.chunks(ROWS_PER_STATEMENT) {
        let counted: i64 = on_connection!(tx, |connection| {
            let mut query = sqlx::QueryBuilder::new(
                "SELECT count(*) FROM measurements m JOIN areas a ON a.id = m.area_id WHERE a.body_id = ",
            );
            query.push_bind(body.get()).push(" AND m.area_id IN (");
            let mut list = query.separated(", ");
            for area in chunk {
                list.push_bind(*area);
            }
            query.push(")");
            query.build_query_scalar().fetch_one(&mut *connection).await?
        });
        count += u64::try_from(counted).unwrap_or(0);
    }
    Ok(count)
}

/// Writes inhabitants of the body's areas, replacing those already stored for the same area and
/// period. A row naming an area that is not the body's is refused as not found before anything
/// is written.
pub async fn write_populations(tx: &mut Tx, body: Id<Body>, populations: &[Population]) -> Result<u64, StoreError> {
    require_owned(tx, body, Owned::Area, populations.iter().map(|population| population.area_id.get())).await?;
    let mut written = 0;
    for chunk in populations.chunks(ROWS_PER_STATEMENT) {
        written += on_connection!(tx, |connection| {
            let mut insert =
                sqlx::QueryBuilder::new("INSERT INTO area_populations (area_id, year, quarter, inhabitants) ");
            insert.push_values(chunk, |mut row, population| {
                row.push_bind(population.area_id.get())
                    .push_bind(i64::from(population.period.year_number()))
                    .push_bind(i64::from(population.period.stored_quarter()))
                    .push_bind(i64::from(population.inhabitants));
            });
            insert.push(" ON CONFLICT (area_id, year, quarter) DO UPDATE SET inhabitants = excluded.inhabitants");
            insert.build().execute(&mut *connection).await?.rows_affected()
        });
    }
    Ok(written)
}

/// How CBS columns (their numeric suffix stripped) map to the body's indicators.
pub async fn cbs_mappings(tx: &mut Tx, body: Id<Body>) -> Result<Vec<(String, Id<Indicator>)>, StoreError> {
    let rows: Vec<(String, i64)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT cbs_column, indicator_id FROM cbs_column_mappings WHERE body_id = $1 ORDER BY cbs_column",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows.into_iter().map(|(column, indicator)| (column, Id::new(indicator))).collect())
}

/// Maps a CBS column of the body to one of its indicators, or removes its mapping. Another
/// body's indicator is refused as not found.
pub async fn set_cbs_mapping(
    tx: &mut Tx,
    body: Id<Body>,
    cbs_column: &str,
    indicator: Option<Id<Indicator>>,
) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Indicator, indicator.map(Id::get)).await?;
    on_connection!(tx, |connection| {
        match indicator {
            Some(indicator) => {
                sqlx::query(
                    "INSERT INTO cbs_column_mappings (body_id, cbs_column, indicator_id) VALUES ($1, $2, $3) \
                 ON CONFLICT (body_id, cbs_column) DO UPDATE SET indicator_id = excluded.indicator_id",
                )
                .bind(body.get())
                .bind(cbs_column)
                .bind(indicator.get())
                .execute(&mut *connection)
                .await?
            }
            None => {
                sqlx::query("DELETE FROM cbs_column_mappings WHERE body_id = $1 AND cbs_column = $2")
                    .bind(body.get())
                    .bind(cbs_column)
                    .execute(&mut *connection)
                    .await?
            }
        };
    });
    Ok(())
}

/// The current version of the monitor's data: it changes whenever measurements, areas,
/// indicators or targets do, so that what is derived from them can be kept until then. One
/// version for every body in the database.
pub async fn data_version(tx: &mut Tx) -> Result<i64, StoreError> {
    Ok(crate::settings::get(tx, DATA_VERSION).await?.and_then(|text| text.parse().ok()).unwrap_or(0))
}

pub(crate) async fn bump_data_version(tx: &mut Tx) -> Result<(), StoreError> {
    let next = data_version(tx).await? + 1;
    crate::settings::set(tx, DATA_VERSION, &next.to_string()).await
}

/// An indicator as written by [`create_indicator`] and [`update_indicator`]; checked by the
/// caller (the code unique, the vocabularies known, decimals 0–6).
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorInput {
    /// Short code used in files, upper case.
    pub code: String,
    /// Name.
    pub name: String,
    /// Exactly what is measured and how.
    pub definition: String,
    /// Unit.
    pub unit: Unit,
    /// Which way is good.
    pub direction: Direction,
    /// Theme.
    pub theme: Theme,
    /// Registration or survey.
    pub kind: IndicatorKind,
    /// Where the figures come from.
    pub source: String,
    /// The partner responsible, if not the municipality.
    pub owner_partner_id: Option<i64>,
    /// Status.
    pub status: IndicatorStatus,
    /// Whether it is a key indicator of the city overview.
    pub is_key: bool,
    /// Whether the public may see it.
    pub is_published: bool,
    /// Decimals to show, 0–6.
    pub decimals: u8,
    /// The programmes it belongs to.
    pub programme_ids: Vec<Id<Programme>>,
}

/// Whether an indicator of the body other than `except` already has `code` (compared without
/// regard to case). Codes are unique per body: another body may use the same one.
pub async fn indicator_code_taken(
    tx: &mut Tx,
    body: Id<Body>,
    code: &str,
    except: Option<Id<Indicator>>,
) -> Result<bool, StoreError> {
    let except = except.map_or(0, Id::get);
    let found: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT id FROM indicators WHERE body_id = $3 AND UPPER(code) = UPPER($1) AND id <> $2 LIMIT 1",
        )
        .bind(code)
        .bind(except)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(found.is_some())
}

/// Stores a new indicator of the body with its programme links. A code already used gives
/// [`StoreError::Conflict`]; check with [`indicator_code_taken`] first. An owner or programme of
/// another body is refused as not found.
pub async fn create_indicator(
    tx: &mut Tx,
    body: Id<Body>,
    input: &IndicatorInput,
    now: OffsetDateTime,
) -> Result<Id<Indicator>, StoreError> {
    require_indicator_links(tx, body, input).await?;
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO indicators (body_id, code, name, definition, unit, direction, theme, kind, source, \
             owner_partner_id, status, is_key, is_published, decimals, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id",
        )
        .bind(body.get())
        .bind(&input.code)
        .bind(&input.name)
        .bind(&input.definition)
        .bind(input.unit.code())
        .bind(input.direction.code())
        .bind(input.theme.code())
        .bind(input.kind.code())
        .bind(&input.source)
        .bind(input.owner_partner_id)
        .bind(input.status.code())
        .bind(input.is_key)
        .bind(input.is_published)
        .bind(i64::from(input.decimals))
        .bind(stored_moment(now))
        .fetch_one(&mut *connection)
        .await?
    });
    let id = Id::new(id);
    link_programmes(tx, id, &input.programme_ids).await?;
    bump_data_version(tx).await?;
    Ok(id)
}

/// Replaces the fields and programme links of the body's indicator with `input`. An owner or
/// programme of another body is refused as not found.
pub async fn update_indicator(
    tx: &mut Tx,
    body: Id<Body>,
    id: Id<Indicator>,
    input: &IndicatorInput,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    require_indicator_links(tx, body, input).await?;
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE indicators SET code = $1, name = $2, definition = $3, unit = $4, direction = $5, theme = $6, \
             kind = $7, source = $8, owner_partner_id = $9, status = $10, is_key = $11, is_published = $12, \
             decimals = $13, updated_at = $14 WHERE id = $15 AND body_id = $16",
        )
        .bind(&input.code)
        .bind(&input.name)
        .bind(&input.definition)
        .bind(input.unit.code())
        .bind(input.direction.code())
        .bind(input.theme.code())
        .bind(input.kind.code())
        .bind(&input.source)
        .bind(input.owner_partner_id)
        .bind(input.status.code())
        .bind(input.is_key)
        .bind(input.is_published)
        .bind(i64::from(input.decimals))
        .bind(stored_moment(now))
        .bind(id.get())
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::NotFound(format!("indicator {id}")));
    }
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM indicator_programmes WHERE indicator_id = $1")
            .bind(id.get())
            .execute(&mut *connection)
            .await?;
    });
    link_programmes(tx, id, &input.programme_ids).await?;
    bump_data_version(tx).await
}

/// Refuses an indicator's owner or programmes when they are not the body's.
async fn require_indicator_links(tx: &mut Tx, body: Id<Body>, input: &IndicatorInput) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Partner, input.owner_partner_id).await?;
    require_owned(tx, body, Owned::Programme, input.programme_ids.iter().map(|programme| programme.get())).await
}

async fn link_programmes(tx: &mut Tx, id: Id<Indicator>, programmes: &[Id<Programme>]) -> Result<(), StoreError> {
    for programme in programmes {
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO indicator_programmes (indicator_id, programme_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(id.get())
            .bind(programme.get())
            .execute(&mut *connection)
            .await?;
        });
    }
    Ok(())
}

/// A target as written by [`create_target`] and [`update_target`]; checked by the caller (the
/// indicator and area exist, the target period lies after the baseline period, and no other
/// target has the same indicator, area and target period).
#[derive(Debug, Clone, PartialEq)]
pub struct TargetInput {
    /// The indicator.
    pub indicator_id: Id<Indicator>,
    /// The area; the gemeente for a city-wide target.
    pub area_id: Id<Area>,
    /// The value to reach, in the indicator's unit.
    pub value: f64,
    /// By when.
    pub target_period: Period,
    /// The period whose value is the starting point.
    pub baseline_period: Period,
    /// Why this target, in words.
    pub note: Option<String>,
}

fn target_from_row(
    (id, indicator, area, value, target_year, target_quarter, baseline_year, baseline_quarter, note): TargetRow,
) -> Result<Target, StoreError> {
    Ok(Target {
        id: Id::new(id),
        indicator_id: Id::new(indicator),
        area_id: Id::new(area),
        value,
        target_period: period(target_year, target_quarter)?,
        baseline_period: period(baseline_year, baseline_quarter)?,
        note,
    })
}

/// The body's target with `id`, if there is one.
pub async fn target(tx: &mut Tx, body: Id<Body>, id: Id<Target>) -> Result<Option<Target>, StoreError> {
    let row: Option<TargetRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT t.id, t.indicator_id, t.area_id, t.value, t.target_year, t.target_quarter, t.baseline_year, \
             t.baseline_quarter, t.note FROM targets t JOIN indicators i ON i.id = t.indicator_id \
             JOIN areas a ON a.id = t.area_id WHERE t.id = $1 AND i.body_id = $2 AND a.body_id = $2",
        )
        .bind(id.get())
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(target_from_row).transpose()
}

/// Whether a target other than `except` exists for the body's `indicator` in `area` with
/// `target_period`.
pub async fn target_taken(
    tx: &mut Tx,
    body: Id<Body>,
    indicator: Id<Indicator>,
    area: Id<Area>,
    target_period: Period,
    except: Option<Id<Target>>,
) -> Result<bool, StoreError> {
    let found: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT t.id FROM targets t JOIN indicators i ON i.id = t.indicator_id \
             WHERE t.indicator_id = $1 AND t.area_id = $2 AND t.target_year = $3 \
             AND t.target_quarter = $4 AND t.id <> $5 AND i.body_id = $6 LIMIT 1",
        )
        .bind(indicator.get())
        .bind(area.get())
        .bind(i64::from(target_period.year_number()))
        .bind(i64::from(target_period.stored_quarter()))
        .bind(except.map_or(0, Id::get))
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(found.is_some())
}

/// Stores a new target of the body and raises the data version. A second target for the same
/// indicator, area and target period gives [`StoreError::Conflict`]; check with [`target_taken`]
/// first. An indicator or area of another body is refused as not found.
pub async fn create_target(tx: &mut Tx, body: Id<Body>, input: &TargetInput) -> Result<Id<Target>, StoreError> {
    require_target_links(tx, body, input).await?;
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO targets (indicator_id, area_id, value, target_year, target_quarter, baseline_year, \
             baseline_quarter, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
        )
        .bind(input.indicator_id.get())
        .bind(input.area_id.get())
        .bind(input.value)
        .bind(i64::from(input.target_period.year_number()))
        .bind(i64::from(input.target_period.stored_quarter()))
        .bind(i64::from(input.baseline_period.year_number()))
        .bind(i64::from(input.baseline_period.stored_quarter()))
        .bind(input.note.as_deref())
        .fetch_one(&mut *connection)
        .await?
    });
    bump_data_version(tx).await?;
    Ok(Id::new(id))
}

/// Replaces the fields of the body's target with `input` and raises the data version. An
/// indicator or area of another body is refused as not found.
pub async fn update_target(tx: &mut Tx, body: Id<Body>, id: Id<Target>, input: &TargetInput) -> Result<(), StoreError> {
    require_target_links(tx, body, input).await?;
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE targets SET indicator_id = $1, area_id = $2, value = $3, target_year = $4, target_quarter = $5, \
             baseline_year = $6, baseline_quarter = $7, note = $8 WHERE id = $9 \
             AND indicator_id IN (SELECT id FROM indicators WHERE body_id = $10)",
        )
        .bind(input.indicator_id.get())
        .bind(input.area_id.get())
        .bind(input.value)
        .bind(i64::from(input.target_period.year_number()))
        .bind(i64::from(input.target_period.stored_quarter()))
        .bind(i64::from(input.baseline_period.year_number()))
        .bind(i64::from(input.baseline_period.stored_quarter()))
        .bind(input.note.as_deref())
        .bind(id.get())
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::NotFound(format!("target {id}")));
    }
    bump_data_version(tx).await
}

/// Removes the body's target and raises the data version.
pub async fn delete_target(tx: &mut Tx, body: Id<Body>, id: Id<Target>) -> Result<(), StoreError> {
    let removed = on_connection!(tx, |connection| {
        sqlx::query(
            "DELETE FROM targets WHERE id = $1 AND indicator_id IN (SELECT id FROM indicators WHERE body_id = $2)",
        )
        .bind(id.get())
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if removed == 0 {
        return Err(StoreError::NotFound(format!("target {id}")));
    }
    bump_data_version(tx).await
}

/// Refuses a target whose indicator or area is not the body's: a target is its body's through
/// both, so they must agree.
async fn require_target_links(tx: &mut Tx, body: Id<Body>, input: &TargetInput) -> Result<(), StoreError> {
    require_owned(tx, body, Owned::Indicator, [input.indicator_id.get()]).await?;
    require_owned(tx, body, Owned::Area, [input.area_id.get()]).await
}

/// A checked file of measurements waiting to be stored (see `pending_imports`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingImport {
    /// The name the file was uploaded with.
    pub file_name: String,
    /// The period of a CBS table, when one was given.
    pub period: Option<Period>,
    /// The file's text.
    pub content: String,
    /// When it was checked.
    pub created_at: OffsetDateTime,
    /// After this it is refused.
    pub expires_at: OffsetDateTime,
}

type PendingRow = (String, Option<i64>, Option<i64>, String, OffsetDateTime, OffsetDateTime);

fn pending_from_row(
    (file_name, year, quarter, content, created_at, expires_at): PendingRow,
) -> Result<PendingImport, StoreError> {
    let period = match (year, quarter) {
        (Some(year), Some(quarter)) => Some(period(year, quarter)?),
        _ => None,
    };
    Ok(PendingImport { file_name, period, content, created_at, expires_at })
}

/// Keeps a checked file for the user of the body under the token's digest, and drops every
/// pending import that has expired by `now`.
pub async fn create_pending_import(
    tx: &mut Tx,
    body: Id<Body>,
    user: Id<User>,
    token_hash: &str,
    pending: &PendingImport,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let (year, quarter) = match pending.period {
        Some(period) => (Some(i64::from(period.year_number())), Some(i64::from(period.stored_quarter()))),
        None => (None, None),
    };
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM pending_imports WHERE expires_at < $1")
            .bind(stored_moment(now))
            .execute(&mut *connection)
            .await?;
        sqlx::query(
            "INSERT INTO pending_imports (token_hash, body_id, user_id, file_name, year, quarter, content, \
             created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(token_hash)
        .bind(body.get())
        .bind(user.get())
        .bind(&pending.file_name)
        .bind(year)
        .bind(quarter)
        .bind(&pending.content)
        .bind(stored_moment(pending.created_at))
        .bind(stored_moment(pending.expires_at))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// The pending import of the token's digest, if it is the user's in the body (expired or not:
/// the caller tells the two apart).
pub async fn pending_import(
    tx: &mut Tx,
    body: Id<Body>,
    user: Id<User>,
    token_hash: &str,
) -> Result<Option<PendingImport>, StoreError> {
    let row: Option<PendingRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT file_name, year, quarter, content, created_at, expires_at FROM pending_imports \
             WHERE token_hash = $1 AND body_id = $2 AND user_id = $3",
        )
        .bind(token_hash)
        .bind(body.get())
        .bind(user.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(pending_from_row).transpose()
}

/// Removes the pending import of the token's digest if it is the user's in the body, and hands
/// it back: of two transactions that take the same one, only the first gets it.
pub async fn take_pending_import(
    tx: &mut Tx,
    body: Id<Body>,
    user: Id<User>,
    token_hash: &str,
) -> Result<Option<PendingImport>, StoreError> {
    let row: Option<PendingRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "DELETE FROM pending_imports WHERE token_hash = $1 AND body_id = $2 AND user_id = $3 \
             RETURNING file_name, year, quarter, content, created_at, expires_at",
        )
        .bind(token_hash)
        .bind(body.get())
        .bind(user.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(pending_from_row).transpose()
}
