//! Importing the monitor's figures (a long CSV or a CBS table), its areas (a division file) and
//! their boundaries (GeoJSON): each all or nothing, by those who keep the monitor, audited.

use std::collections::{HashMap, HashSet};

use time::{Duration, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::area::{AreaCode, parse_area_csv};
use wijkbeeld_domain::boundaries::{DEFAULT_CODE_PROPERTIES, parse_boundaries};
use wijkbeeld_domain::measurement_import::{FileFormat, ImportContext, ParsedMeasurements, parse_measurements};
use wijkbeeld_domain::monitor::{Area, Indicator, Measurement, Unit};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};
use wijkbeeld_store::{StoreError, Tx};

use super::MonitorError;
use crate::audit::Entry;
use crate::secrets::{digest, new_token};
use crate::{App, Caller, Denied};

/// What an import of measurements did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// Which form the file had.
    pub format: FileFormat,
    /// Measurements written.
    pub written: u64,
    /// Of those, how many replaced a value already stored.
    pub replaced: u64,
    /// Areas whose inhabitants were written (CBS tables).
    pub populations: u64,
    /// Values skipped because the file marked them missing.
    pub missing: usize,
    /// The periods the file covers.
    pub periods: Vec<Period>,
    /// CBS columns that are mapped to no indicator.
    pub unmapped_columns: Vec<String>,
}

/// Imports a file of measurements (long CSV or a CBS table), all or nothing: a file with any
/// problem is refused whole with every problem listed, and nothing changes. Values already
/// stored for the same indicator, area and period are replaced. Audited. The command line's
/// import; the pages check a file first ([`check_measurements`]) and store what they showed
/// ([`store_pending_import`]).
pub async fn import_measurements(
    app: &App,
    caller: &Caller,
    text: &str,
    file_name: &str,
    period: Option<Period>,
) -> Result<ImportOutcome, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let outcome = store_measurements(write.tx(), body, text, period).await?;
    write.commit(Entry::new("measurements.import", "measurements").details(outcome.details(file_name))).await?;
    app.store().optimize().await?;
    Ok(outcome.outcome)
}

/// What the parser needs from the database, for one body.
struct Known {
    areas: HashMap<AreaCode, Id<Area>>,
    indicators: Vec<Indicator>,
    by_code: HashMap<String, (Id<Indicator>, Unit)>,
    cbs_columns: HashMap<String, String>,
}

impl Known {
    async fn read(tx: &mut Tx, body: Id<Body>) -> Result<Known, StoreError> {
        let areas: HashMap<AreaCode, Id<Area>> =
            stored::areas(tx, body).await?.into_iter().map(|area| (area.code, area.id)).collect();
        let indicators = stored::indicators(tx, body).await?;
        let by_code = indicators
            .iter()
            .map(|indicator| (indicator.code.to_uppercase(), (indicator.id, indicator.unit)))
            .collect();
        let cbs_columns: HashMap<String, String> = stored::cbs_mappings(tx, body)
            .await?
            .into_iter()
            .filter_map(|(column, id)| {
                let code = indicators.iter().find(|indicator| indicator.id == id)?.code.to_uppercase();
                Some((column, code))
            })
            .collect();
        Ok(Known { areas, indicators, by_code, cbs_columns })
    }

    fn parse(&self, text: &str, period: Option<Period>) -> Result<ParsedMeasurements, MonitorError> {
        let context = ImportContext {
            areas: &self.areas,
            indicators: &self.by_code,
            cbs_columns: &self.cbs_columns,
            period,
            source_note: None,
        };
        parse_measurements(text, &context).map_err(MonitorError::Refused)
    }
}

/// An import written, with what its audit entry says.
struct Stored {
    outcome: ImportOutcome,
}

impl Stored {
    fn details(&self, file_name: &str) -> serde_json::Value {
        let outcome = &self.outcome;
        serde_json::json!({
            "file": file_name,
            "format": match outcome.format { FileFormat::Long => "long", FileFormat::CbsWide => "cbs" },
            "periods": outcome.periods.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "written": outcome.written,
            "replaced": outcome.replaced,
            "populations": outcome.populations,
            "missing": outcome.missing,
        })
    }
}

/// Parses the file against what the body has and writes it, in the caller's transaction.
async fn store_measurements(
    tx: &mut Tx,
    body: Id<Body>,
    text: &str,
    period: Option<Period>,
) -> Result<Stored, MonitorError> {
    let known = Known::read(tx, body).await?;
    let parsed = known.parse(text, period)?;
    let mut areas_written: Vec<Id<Area>> = parsed.measurements.iter().map(|measurement| measurement.area_id).collect();
    areas_written.sort_unstable_by_key(|area| area.get());
    areas_written.dedup();
    let held_before = stored::count_measurements_of(tx, body, &areas_written).await?;
    let written = stored::write_measurements(tx, body, &parsed.measurements).await?;
    // A file names each key once (duplicates are refused), so every written row either added a
    // key or replaced the value of one.
    let added = stored::count_measurements_of(tx, body, &areas_written).await?.saturating_sub(held_before);
    let replaced = written.saturating_sub(added);
    let populations = stored::write_populations(tx, body, &parsed.populations).await?;
    Ok(Stored {
        outcome: ImportOutcome {
            format: parsed.format,
            written,
            replaced,
            populations,
            missing: parsed.missing,
            periods: parsed.periods,
            unmapped_columns: parsed.unmapped_columns,
        },
    })
}

/// How long a checked file waits for its "Opslaan".
pub const PENDING_IMPORT_LIFETIME: Duration = Duration::hours(1);

/// How many rows a preview lists; it counts them all.
pub const MAX_PREVIEW_ROWS: usize = 200;

/// What storing a checked file will do to one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowChange {
    /// No value is stored yet for its indicator, area and period.
    New,
    /// Another value (or sample size, or margin) is stored.
    Changed,
    /// The same is stored already.
    Unchanged,
}

/// One value of a checked file, beside what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviewRow {
    /// The area's CBS code.
    pub area_code: AreaCode,
    /// The area's name.
    pub area_name: String,
    /// The indicator's code.
    pub indicator_code: String,
    /// The indicator's name.
    pub indicator_name: String,
    /// The period.
    pub period: Period,
    /// The value stored now, if any.
    pub old: Option<f64>,
    /// The file's value.
    pub new: f64,
    /// The indicator's decimals, to show both alike.
    pub decimals: u8,
    /// What storing does to it.
    pub change: RowChange,
}

/// What a checked file will change when it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPreview {
    /// The name the file was uploaded with.
    pub file_name: String,
    /// Which form the file has.
    pub format: FileFormat,
    /// The period given for a CBS table.
    pub period: Option<Period>,
    /// The values, in the file's order: at most [`MAX_PREVIEW_ROWS`].
    pub rows: Vec<PreviewRow>,
    /// Values that will be added.
    pub new: usize,
    /// Values that will replace another.
    pub changed: usize,
    /// Values stored already as they are.
    pub unchanged: usize,
    /// Areas whose inhabitants the file gives (CBS tables).
    pub populations: usize,
    /// Values the file marks missing, which are skipped.
    pub missing: usize,
    /// The periods the file covers.
    pub periods: Vec<Period>,
    /// CBS columns mapped to no indicator.
    pub unmapped_columns: Vec<String>,
    /// After this the check must be done again.
    pub expires_at: OffsetDateTime,
}

impl ImportPreview {
    /// Every value of the file.
    pub fn total(&self) -> usize {
        self.new + self.changed + self.unchanged
    }
}

/// Checks a file of measurements without storing any: refused with every problem as
/// [`import_measurements`] would be, else kept server-side for the caller under a new random
/// token (returned), for [`pending_import`] to preview and [`store_pending_import`] to store
/// within [`PENDING_IMPORT_LIFETIME`]. Only a signed-in user may, who alone may then see and
/// store it.
pub async fn check_measurements(
    app: &App,
    caller: &Caller,
    text: &str,
    file_name: &str,
    period: Option<Period>,
) -> Result<String, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let user = caller.user_id().ok_or(Denied)?;
    let mut tx = app.store().begin().await?;
    let known = Known::read(&mut tx, body).await?;
    tx.commit().await?;
    known.parse(text, period)?;
    let token = new_token().map_err(|error| MonitorError::Invalid(error.to_string()))?;
    let pending = stored::PendingImport {
        file_name: file_name.to_owned(),
        period,
        content: text.to_owned(),
        created_at: caller.now(),
        expires_at: caller.now() + PENDING_IMPORT_LIFETIME,
    };
    // Keeping a file to show is no change of the monitor's content: bookkeeping, like a session.
    let mut tx = app.bookkeeping().await?;
    stored::create_pending_import(&mut tx, body, user, &digest(&token), &pending, caller.now()).await?;
    tx.commit().await?;
    Ok(token)
}

/// The caller's pending import of `token`, or why there is none to use.
fn usable(pending: Option<stored::PendingImport>, caller: &Caller) -> Result<stored::PendingImport, MonitorError> {
    match pending {
        None => Err(MonitorError::PendingGone),
        Some(pending) if pending.expires_at <= caller.now() => Err(MonitorError::PendingExpired),
        Some(pending) => Ok(pending),
    }
}

/// What storing the caller's checked file of `token` will change: per value new, changed (old
/// and new) or unchanged, against what is stored now. [`MonitorError::PendingGone`] when there
/// is no such file of the caller's (stored already, or never theirs),
/// [`MonitorError::PendingExpired`] when it waited too long.
pub async fn pending_import(app: &App, caller: &Caller, token: &str) -> Result<ImportPreview, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let user = caller.user_id().ok_or(Denied)?;
    let mut tx = app.store().begin().await?;
    let pending = usable(stored::pending_import(&mut tx, body, user, &digest(token)).await?, caller)?;
    let known = Known::read(&mut tx, body).await?;
    let parsed = known.parse(&pending.content, pending.period)?;
    let mut area_ids: Vec<Id<Area>> = parsed.measurements.iter().map(|measurement| measurement.area_id).collect();
    area_ids.sort_unstable_by_key(|area| area.get());
    area_ids.dedup();
    let mut indicator_ids: Vec<Id<Indicator>> =
        parsed.measurements.iter().map(|measurement| measurement.indicator_id).collect();
    indicator_ids.sort_unstable_by_key(|indicator| indicator.get());
    indicator_ids.dedup();
    let (from, until) = (parsed.periods.first().copied(), parsed.periods.last().copied());
    let filter = MeasurementFilter {
        areas: Some(area_ids),
        indicators: Some(indicator_ids),
        from,
        until,
        ..MeasurementFilter::default()
    };
    let held: HashMap<(Id<Indicator>, Id<Area>, Period), Measurement> = stored::measurements(&mut tx, body, &filter)
        .await?
        .into_iter()
        .map(|measurement| ((measurement.indicator_id, measurement.area_id, measurement.period), measurement))
        .collect();
    let areas = stored::areas(&mut tx, body).await?;
    tx.commit().await?;
    let area_of: HashMap<Id<Area>, &Area> = areas.iter().map(|area| (area.id, area)).collect();
    let indicator_of: HashMap<Id<Indicator>, &Indicator> =
        known.indicators.iter().map(|indicator| (indicator.id, indicator)).collect();
    let (mut new, mut changed, mut unchanged) = (0, 0, 0);
    let mut rows = Vec::new();
    for measurement in &parsed.measurements {
        let before = held.get(&(measurement.indicator_id, measurement.area_id, measurement.period));
        let change = match before {
            None => RowChange::New,
            Some(before) if same_figures(before, measurement) => RowChange::Unchanged,
            Some(_) => RowChange::Changed,
        };
        match change {
            RowChange::New => new += 1,
            RowChange::Changed => changed += 1,
            RowChange::Unchanged => unchanged += 1,
        }
        if rows.len() < MAX_PREVIEW_ROWS
            && let (Some(area), Some(indicator)) =
                (area_of.get(&measurement.area_id), indicator_of.get(&measurement.indicator_id))
        {
            rows.push(PreviewRow {
                area_code: area.code.clone(),
                area_name: area.name.clone(),
                indicator_code: indicator.code.clone(),
                indicator_name: indicator.name.clone(),
                period: measurement.period,
                old: before.map(|before| before.value),
                new: measurement.value,
                decimals: indicator.decimals,
                change,
            });
        }
    }
    Ok(ImportPreview {
        file_name: pending.file_name,
        format: parsed.format,
        period: pending.period,
        rows,
        new,
        changed,
        unchanged,
        populations: parsed.populations.len(),
        missing: parsed.missing,
        periods: parsed.periods,
        unmapped_columns: parsed.unmapped_columns,
        expires_at: pending.expires_at,
    })
}

/// Whether a stored value and a file's are the same figures: value, sample size and margin.
fn same_figures(before: &Measurement, after: &Measurement) -> bool {
    let same = |left: f64, right: f64| (left - right).abs() <= 1e-9 * left.abs().max(right.abs()).max(1.0);
    same(before.value, after.value)
        && before.sample_size == after.sample_size
        && match (before.margin, after.margin) {
            (Some(left), Some(right)) => same(left, right),
            (None, None) => true,
            _ => false,
        }
}

/// Stores the caller's checked file of `token`, all or nothing and audited, as
/// [`import_measurements`] does, and forgets it: a second call finds nothing
/// ([`MonitorError::PendingGone`]) and stores nothing.
pub async fn store_pending_import(app: &App, caller: &Caller, token: &str) -> Result<ImportOutcome, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let user = caller.user_id().ok_or(Denied)?;
    let mut write = app.write(caller).await?;
    let pending = usable(stored::take_pending_import(write.tx(), body, user, &digest(token)).await?, caller)?;
    let stored = store_measurements(write.tx(), body, &pending.content, pending.period).await?;
    let entry = Entry::new("measurements.import", "measurements").details(stored.details(&pending.file_name));
    write.commit(entry).await?;
    app.store().optimize().await?;
    Ok(stored.outcome)
}

/// Forgets the caller's checked file of `token` without storing it ("Niet opslaan"). Like
/// checking it, this is bookkeeping, not a change of the monitor. [`MonitorError::PendingGone`]
/// when there is no such file of the caller's (stored or discarded already, or never theirs).
pub async fn discard_pending_import(app: &App, caller: &Caller, token: &str) -> Result<(), MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let user = caller.user_id().ok_or(Denied)?;
    let mut tx = app.bookkeeping().await?;
    let taken = stored::take_pending_import(&mut tx, body, user, &digest(token)).await?;
    tx.commit().await?;
    taken.map(|_| ()).ok_or(MonitorError::PendingGone)
}

/// What the import page lists: the codes a file may use.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportGuide {
    /// The body's indicators, by code.
    pub indicators: Vec<Indicator>,
    /// The body's gemeente, wijken and buurten, by code.
    pub areas: Vec<Area>,
    /// A period for a template's example line: the latest year with figures, else this year.
    pub example_period: Option<Period>,
}

/// The indicator and area codes a file of measurements may use, for those who import.
pub async fn import_guide(app: &App, caller: &Caller) -> Result<ImportGuide, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let mut indicators = stored::indicators(&mut tx, body).await?;
    let mut areas = stored::areas(&mut tx, body).await?;
    let periods = stored::periods(&mut tx, body, AreaLevel::District).await?;
    tx.commit().await?;
    indicators.sort_by(|left, right| left.code.cmp(&right.code));
    areas.sort_by(|left, right| left.code.as_str().cmp(right.code.as_str()));
    let this_year = Period::year(caller.today().year()).ok();
    let example_period = periods.iter().rev().find(|period| period.quarter_number().is_none()).copied().or(this_year);
    Ok(ImportGuide { indicators, areas, example_period })
}

/// Imports a division file (`code,name,level,parent_code`): new areas are added, known ones
/// renamed or moved. All or nothing; audited. Returns (added, updated).
pub async fn import_areas(app: &App, caller: &Caller, text: &str) -> Result<(u64, u64), MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let known: HashSet<AreaCode> = stored::areas(write.tx(), body).await?.into_iter().map(|area| area.code).collect();
    let records = parse_area_csv(text, &known).map_err(MonitorError::Refused)?;
    let (added, updated) = stored::upsert_areas(write.tx(), body, &records).await?;
    let details = serde_json::json!({ "areas": records.len(), "added": added, "updated": updated });
    write.commit(Entry::new("areas.import", "area").details(details)).await?;
    Ok((added, updated))
}

/// Stores the boundaries of a GeoJSON FeatureCollection, each feature's area found by the first
/// of `code_properties` it has (default: [`DEFAULT_CODE_PROPERTIES`]). All or nothing; audited.
/// Returns how many areas got a boundary.
pub async fn import_boundaries(
    app: &App,
    caller: &Caller,
    text: &str,
    code_properties: &[&str],
) -> Result<u64, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let properties = if code_properties.is_empty() { DEFAULT_CODE_PROPERTIES } else { code_properties };
    let mut write = app.write(caller).await?;
    let known: HashSet<AreaCode> = stored::areas(write.tx(), body).await?.into_iter().map(|area| area.code).collect();
    let boundaries = parse_boundaries(text, properties, &known).map_err(MonitorError::Refused)?;
    let mut stored_count = 0;
    for boundary in &boundaries {
        stored_count += stored::set_geometry(write.tx(), body, &boundary.code, &boundary.geometry.to_geojson()).await?;
    }
    let details = serde_json::json!({ "boundaries": stored_count });
    write.commit(Entry::new("areas.boundaries", "area").details(details)).await?;
    Ok(stored_count)
}
