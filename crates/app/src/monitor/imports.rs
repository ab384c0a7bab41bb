//! Importing the monitor's figures (a long CSV or a CBS table), its areas (a division file) and
//! their boundaries (GeoJSON): each all or nothing, by those who keep the monitor, audited.

use std::collections::{HashMap, HashSet};

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::area::{AreaCode, parse_area_csv};
use wijkbeeld_domain::boundaries::{DEFAULT_CODE_PROPERTIES, parse_boundaries};
use wijkbeeld_domain::measurement_import::{FileFormat, ImportContext, parse_measurements};
use wijkbeeld_domain::monitor::{Area, Indicator, Unit};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor as stored;

use super::MonitorError;
use crate::audit::Entry;
use crate::{App, Caller};

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
/// stored for the same indicator, area and period are replaced. Audited.
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
    let areas: HashMap<AreaCode, Id<Area>> =
        stored::areas(write.tx(), body).await?.into_iter().map(|area| (area.code, area.id)).collect();
    let indicators = stored::indicators(write.tx(), body).await?;
    let by_code: HashMap<String, (Id<Indicator>, Unit)> =
        indicators.iter().map(|indicator| (indicator.code.to_uppercase(), (indicator.id, indicator.unit))).collect();
    let cbs_columns: HashMap<String, String> = stored::cbs_mappings(write.tx(), body)
        .await?
        .into_iter()
        .filter_map(|(column, id)| {
            let code = indicators.iter().find(|indicator| indicator.id == id)?.code.to_uppercase();
            Some((column, code))
        })
        .collect();
    let context =
        ImportContext { areas: &areas, indicators: &by_code, cbs_columns: &cbs_columns, period, source_note: None };
    let parsed = parse_measurements(text, &context).map_err(MonitorError::Refused)?;
    let mut areas_written: Vec<Id<Area>> = parsed.measurements.iter().map(|measurement| measurement.area_id).collect();
    areas_written.sort_unstable_by_key(|area| area.get());
    areas_written.dedup();
    let held_before = stored::count_measurements_of(write.tx(), body, &areas_written).await?;
    let written = stored::write_measurements(write.tx(), body, &parsed.measurements).await?;
    // A file names each key once (duplicates are refused), so every written row either added a
    // key or replaced the value of one.
    let added = stored::count_measurements_of(write.tx(), body, &areas_written).await?.saturating_sub(held_before);
    let replaced = written.saturating_sub(added);
    let populations = stored::write_populations(write.tx(), body, &parsed.populations).await?;
    let details = serde_json::json!({
        "file": file_name,
        "format": match parsed.format { FileFormat::Long => "long", FileFormat::CbsWide => "cbs" },
        "periods": parsed.periods.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "written": written,
        "replaced": replaced,
        "populations": populations,
        "missing": parsed.missing,
    });
    write.commit(Entry::new("measurements.import", "measurements").details(details)).await?;
    app.store().optimize().await?;
    Ok(ImportOutcome {
        format: parsed.format,
        written,
        replaced,
        populations,
        missing: parsed.missing,
        periods: parsed.periods,
        unmapped_columns: parsed.unmapped_columns,
    })
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
