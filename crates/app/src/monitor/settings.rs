//! Keeping the monitor's settings in the web interface: the targets (streefwaarden) of each
//! indicator, and which column of a CBS table feeds which indicator (CBS-koppelingen).
//!
//! Those who keep the monitor only. As with indicators, a form is checked field by field and
//! refused whole as [`MonitorError::Fields`]; each change is one audited transaction. A change
//! of targets raises the monitor's data version, so that whatever is kept in memory for the
//! figures shown is read again.

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::monitor::{Area, Indicator, Target, Unit};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;
use wijkbeeld_domain::text::has_control_characters;
use wijkbeeld_store::monitor::{self as stored, TargetInput};
use wijkbeeld_store::{StoreError, Tx};

use super::MonitorError;
use super::indicators::find as find_indicator;
use crate::audit::Entry;
use crate::{App, Caller};

/// The longest note of a target accepted, in characters.
const MAX_TARGET_NOTE: usize = 2_000;
/// The longest CBS column name accepted.
const MAX_CBS_COLUMN: usize = 100;

// --- Targets ------------------------------------------------------------------------------------

/// An indicator with its targets, as the page that keeps them shows it.
#[derive(Debug, Clone)]
pub struct IndicatorTargets {
    /// The indicator.
    pub indicator: Indicator,
    /// Every area, the gemeente first, then wijken and buurten, each by code.
    pub areas: Vec<Area>,
    /// The indicator's targets, by area (in the order of `areas`) and target period.
    pub targets: Vec<Target>,
}

impl IndicatorTargets {
    /// The area with `id`.
    pub fn area(&self, id: Id<Area>) -> Option<&Area> {
        self.areas.iter().find(|area| area.id == id)
    }
}

/// The indicator with `code` (any case) and its targets (those who keep the monitor).
pub async fn indicator_targets(app: &App, caller: &Caller, code: &str) -> Result<IndicatorTargets, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let indicator = find_indicator(&mut tx, body, code).await?;
    let areas = stored::areas(&mut tx, body).await?;
    let mut targets: Vec<Target> = stored::targets(&mut tx, body)
        .await?
        .into_iter()
        .filter(|target| target.indicator_id == indicator.id)
        .collect();
    tx.commit().await?;
    let place = |target: &Target| areas.iter().position(|area| area.id == target.area_id).unwrap_or(usize::MAX);
    targets.sort_by_key(|target| (place(target), target.target_period));
    Ok(IndicatorTargets { indicator, areas, targets })
}

/// A target as typed in a form: every field as text, checked by [`create_target`] and
/// [`update_target`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetDraft {
    /// The area's CBS code; the gemeente's for a city-wide target.
    pub area: String,
    /// The value, with a decimal comma or point.
    pub value: String,
    /// A [`Period`]: by when.
    pub target_period: String,
    /// A [`Period`]: the starting point.
    pub baseline_period: String,
    /// Why this target.
    pub note: String,
}

impl TargetDraft {
    /// The draft of a stored target, its value written with `decimal_separator`.
    pub fn of(target: &Target, areas: &[Area], decimal_separator: char) -> TargetDraft {
        TargetDraft {
            area: areas
                .iter()
                .find(|area| area.id == target.area_id)
                .map(|area| area.code.to_string())
                .unwrap_or_default(),
            value: target.value.to_string().replace('.', &decimal_separator.to_string()),
            target_period: target.target_period.to_string(),
            baseline_period: target.baseline_period.to_string(),
            note: target.note.clone().unwrap_or_default(),
        }
    }
}

/// A number as people type it: a decimal comma or point (`72,5`, `72.5`), an optional sign, no
/// thousands separators (which would make `1.250` mean 1250 to one reader and 1.25 to another),
/// no exponent.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim().replace('−', "-");
    if text.matches([',', '.']).count() > 1 {
        return None;
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(&text);
    let well_formed = unsigned.bytes().any(|byte| byte.is_ascii_digit())
        && unsigned.bytes().all(|byte| byte.is_ascii_digit() || byte == b'.' || byte == b',');
    if !well_formed {
        return None;
    }
    text.replace(',', ".").parse::<f64>().ok().filter(|value| value.is_finite())
}

/// Why `value` cannot be a target in `unit`, as a Fluent message id.
fn out_of_range(unit: Unit, value: f64) -> Option<&'static str> {
    match unit {
        Unit::Percentage if !(0.0..=100.0).contains(&value) => Some("error-target-percentage"),
        Unit::Score if !(1.0..=10.0).contains(&value) => Some("error-target-score"),
        Unit::Scale if !(0.0..=10.0).contains(&value) => Some("error-target-scale"),
        Unit::Count | Unit::PerThousand if value < 0.0 => Some("error-target-negative"),
        _ => None,
    }
}

/// Checks `draft` for `indicator` (`except` is the target being edited): the input to store,
/// or every problem as (field, Fluent message id) in the order of the form.
async fn check_target(
    tx: &mut Tx,
    body: Id<Body>,
    indicator: &Indicator,
    areas: &[Area],
    draft: &TargetDraft,
    except: Option<Id<Target>>,
) -> Result<TargetInput, MonitorError> {
    let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
    let wanted = draft.area.trim();
    let area = areas.iter().find(|area| !wanted.is_empty() && area.code.as_str().eq_ignore_ascii_case(wanted));
    if area.is_none() {
        problems.push(("area", "error-target-area"));
    }
    let value = match draft.value.trim() {
        "" => {
            problems.push(("value", "error-target-value-empty"));
            None
        }
        text => match parse_decimal(text) {
            None => {
                problems.push(("value", "error-target-value"));
                None
            }
            Some(value) => match out_of_range(indicator.unit, value) {
                Some(message) => {
                    problems.push(("value", message));
                    None
                }
                None => Some(value),
            },
        },
    };
    let mut period = |field: &'static str, message: &'static str, text: &str| {
        let parsed = text.trim().parse::<Period>().ok();
        if parsed.is_none() {
            problems.push((field, message));
        }
        parsed
    };
    let target_period = period("target_period", "error-target-period", &draft.target_period);
    let baseline_period = period("baseline_period", "error-target-baseline", &draft.baseline_period);
    if let (Some(target_period), Some(baseline_period)) = (target_period, baseline_period) {
        // Compared on the time axis the target line is drawn on: 2025-Q1 starts with 2025.
        if target_period.as_fractional_year() <= baseline_period.as_fractional_year() {
            problems.push(("target_period", "error-target-period-order"));
        } else if let Some(area) = area
            && stored::target_taken(tx, body, indicator.id, area.id, target_period, except).await?
        {
            problems.push(("target_period", "error-target-taken"));
        }
    }
    let note = draft.note.trim();
    if note.chars().count() > MAX_TARGET_NOTE {
        problems.push(("note", "error-target-note-too-long"));
    } else if has_control_characters(note, true) {
        problems.push(("note", "error-control-characters"));
    }
    match (area, value, target_period, baseline_period) {
        (Some(area), Some(value), Some(target_period), Some(baseline_period)) if problems.is_empty() => {
            Ok(TargetInput {
                indicator_id: indicator.id,
                area_id: area.id,
                value,
                target_period,
                baseline_period,
                note: (!note.is_empty()).then(|| note.to_owned()),
            })
        }
        _ => Err(MonitorError::Fields(problems)),
    }
}

/// A uniqueness conflict that a concurrent request caused after the check: the same answer the
/// check gives.
fn taken_if_conflict(error: StoreError) -> MonitorError {
    match error {
        StoreError::Conflict { .. } => MonitorError::Fields(vec![("target_period", "error-target-taken")]),
        other => MonitorError::Store(other),
    }
}

/// The audit details of a target.
fn target_details(indicator: &Indicator, areas: &[Area], input: &TargetInput) -> serde_json::Value {
    serde_json::json!({
        "indicator": indicator.code,
        "area": areas.iter().find(|area| area.id == input.area_id).map(|area| area.code.to_string()),
        "value": input.value,
        "target_period": input.target_period.to_string(),
        "baseline_period": input.baseline_period.to_string(),
        "note": input.note,
    })
}

fn input_of(target: &Target) -> TargetInput {
    TargetInput {
        indicator_id: target.indicator_id,
        area_id: target.area_id,
        value: target.value,
        target_period: target.target_period,
        baseline_period: target.baseline_period,
        note: target.note.clone(),
    }
}

/// The target with `id` of the indicator with `code`: not found when it belongs to another.
async fn find_target(tx: &mut Tx, body: Id<Body>, code: &str, id: i64) -> Result<(Indicator, Target), MonitorError> {
    let indicator = find_indicator(tx, body, code).await?;
    let target = stored::target(tx, body, Id::new(id))
        .await?
        .filter(|target| target.indicator_id == indicator.id)
        .ok_or_else(|| StoreError::NotFound(format!("target {id} of indicator {}", indicator.code)))?;
    Ok((indicator, target))
}

/// Adds a target to the indicator with `code`. Every problem of the draft is refused at once as
/// [`MonitorError::Fields`]. Audited (`target.create`). Returns its id.
pub async fn create_target(
    app: &App,
    caller: &Caller,
    code: &str,
    draft: &TargetDraft,
) -> Result<Id<Target>, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let indicator = find_indicator(write.tx(), body, code).await?;
    let areas = stored::areas(write.tx(), body).await?;
    let input = check_target(write.tx(), body, &indicator, &areas, draft, None).await?;
    let id = stored::create_target(write.tx(), body, &input).await.map_err(taken_if_conflict)?;
    let details = target_details(&indicator, &areas, &input);
    write.commit(Entry::new("target.create", "target").on(id.get()).details(details)).await?;
    Ok(id)
}

/// Changes the target with `id` of the indicator with `code` to `draft`. Every problem is refused
/// at once as [`MonitorError::Fields`]. Audited (`target.update`, with the target before and
/// after).
pub async fn update_target(
    app: &App,
    caller: &Caller,
    code: &str,
    id: i64,
    draft: &TargetDraft,
) -> Result<(), MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let (indicator, before) = find_target(write.tx(), body, code, id).await?;
    let areas = stored::areas(write.tx(), body).await?;
    let input = check_target(write.tx(), body, &indicator, &areas, draft, Some(before.id)).await?;
    stored::update_target(write.tx(), body, before.id, &input).await.map_err(taken_if_conflict)?;
    let details = serde_json::json!({
        "before": target_details(&indicator, &areas, &input_of(&before)),
        "after": target_details(&indicator, &areas, &input),
    });
    write.commit(Entry::new("target.update", "target").on(before.id.get()).details(details)).await?;
    Ok(())
}

/// Removes the target with `id` of the indicator with `code`. Audited (`target.delete`, with what
/// was removed).
pub async fn delete_target(app: &App, caller: &Caller, code: &str, id: i64) -> Result<(), MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let (indicator, target) = find_target(write.tx(), body, code, id).await?;
    let areas = stored::areas(write.tx(), body).await?;
    stored::delete_target(write.tx(), body, target.id).await?;
    let details = target_details(&indicator, &areas, &input_of(&target));
    write.commit(Entry::new("target.delete", "target").on(target.id.get()).details(details)).await?;
    Ok(())
}

// --- CBS column mappings ------------------------------------------------------------------------

/// The CBS column mappings with the indicators they may point to.
#[derive(Debug, Clone)]
pub struct CbsMappings {
    /// Each mapped column (without numeric suffix) with its indicator, by column name.
    pub mappings: Vec<(String, Indicator)>,
    /// Every indicator, by theme and name.
    pub indicators: Vec<Indicator>,
}

/// Every CBS column mapping, and every indicator (those who keep the monitor).
pub async fn cbs_mappings(app: &App, caller: &Caller) -> Result<CbsMappings, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let indicators = stored::indicators(&mut tx, body).await?;
    let mut mappings: Vec<(String, Indicator)> = stored::cbs_mappings(&mut tx, body)
        .await?
        .into_iter()
        .filter_map(|(column, id)| {
            let indicator = indicators.iter().find(|indicator| indicator.id == id)?;
            Some((column, indicator.clone()))
        })
        .collect();
    tx.commit().await?;
    mappings.sort_by_key(|(column, _)| column.to_lowercase());
    Ok(CbsMappings { mappings, indicators })
}

/// A mapping as typed in a form, checked by [`set_cbs_mapping`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CbsMappingDraft {
    /// The CBS column's name, with or without its numeric suffix.
    pub column: String,
    /// The indicator's code.
    pub indicator: String,
}

/// What [`set_cbs_mapping`] stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CbsMappingSet {
    /// The column's name as stored: without a numeric suffix.
    pub column: String,
    /// The numeric suffix typed and left off (`_47`), if any.
    pub stripped: Option<String>,
    /// The code of the indicator the column was mapped to before, if it was.
    pub previous: Option<String>,
}

/// A CBS column name split into its stem and the numeric suffix CBS numbers its columns with
/// (`Koopwoningen_47` → `Koopwoningen`, `_47`), as the CBS import matches columns.
pub fn split_cbs_suffix(name: &str) -> (&str, Option<&str>) {
    match name.rfind('_') {
        Some(at) if at > 0 && at + 1 < name.len() && name.as_bytes()[at + 1..].iter().all(u8::is_ascii_digit) => {
            (&name[..at], Some(&name[at..]))
        }
        _ => (name, None),
    }
}

/// Whether `name` can be a CBS column: letters, digits and underscores, starting with a letter.
fn valid_cbs_column(name: &str) -> bool {
    name.len() <= MAX_CBS_COLUMN
        && name.starts_with(|character: char| character.is_ascii_alphabetic())
        && name.chars().all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// Maps a CBS column to an indicator, replacing the column's mapping if it
/// has one (whatever the case it was typed in, as the import matches names). A numeric suffix
/// typed is left off. Every problem is refused at once as [`MonitorError::Fields`]. Audited
/// (`cbs_mapping.set`).
pub async fn set_cbs_mapping(
    app: &App,
    caller: &Caller,
    draft: &CbsMappingDraft,
) -> Result<CbsMappingSet, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
    let typed = draft.column.trim();
    let (column, stripped) = split_cbs_suffix(typed);
    if typed.is_empty() {
        problems.push(("column", "error-cbs-column-empty"));
    } else if !valid_cbs_column(typed) {
        problems.push(("column", "error-cbs-column"));
    }
    let mut write = app.write(caller).await?;
    let indicators = stored::indicators(write.tx(), body).await?;
    let wanted = draft.indicator.trim();
    let indicator =
        indicators.iter().find(|indicator| !wanted.is_empty() && indicator.code.eq_ignore_ascii_case(wanted));
    if indicator.is_none() {
        problems.push(("indicator", "error-cbs-indicator"));
    }
    let Some(indicator) = indicator.filter(|_| problems.is_empty()) else {
        return Err(MonitorError::Fields(problems));
    };
    let existing = stored::cbs_mappings(write.tx(), body).await?;
    let mut previous = None;
    for (name, id) in existing.iter().filter(|(name, _)| name.eq_ignore_ascii_case(column)) {
        previous = indicators.iter().find(|known| known.id == *id).map(|known| known.code.clone());
        if name != column {
            stored::set_cbs_mapping(write.tx(), body, name, None).await?;
        }
    }
    stored::set_cbs_mapping(write.tx(), body, column, Some(indicator.id)).await?;
    let details = serde_json::json!({
        "column": column,
        "typed": typed,
        "indicator": indicator.code,
        "previous": previous,
    });
    write.commit(Entry::new("cbs_mapping.set", "cbs_mapping").details(details)).await?;
    Ok(CbsMappingSet { column: column.to_owned(), stripped: stripped.map(str::to_owned), previous })
}

/// Removes the mapping of the CBS column `column`. Not found when the column
/// is not mapped. Audited (`cbs_mapping.delete`). Returns the column's name as it was stored.
pub async fn delete_cbs_mapping(app: &App, caller: &Caller, column: &str) -> Result<String, MonitorError> {
    caller.require(Permission::KeepMonitor)?;
    let body = caller.body()?;
    let wanted = column.trim();
    let mut write = app.write(caller).await?;
    let existing = stored::cbs_mappings(write.tx(), body).await?;
    let (name, id) = existing
        .iter()
        .find(|(name, _)| name == wanted)
        .or_else(|| existing.iter().find(|(name, _)| name.eq_ignore_ascii_case(wanted)))
        .ok_or_else(|| StoreError::NotFound(format!("CBS column mapping {wanted}")))?;
    let indicator = stored::indicators(write.tx(), body).await?.into_iter().find(|indicator| indicator.id == *id);
    stored::set_cbs_mapping(write.tx(), body, name, None).await?;
    let details = serde_json::json!({
        "column": name,
        "indicator": indicator.map(|indicator| indicator.code),
    });
    write.commit(Entry::new("cbs_mapping.delete", "cbs_mapping").details(details)).await?;
    Ok(name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma_or_point_and_nothing_ambiguous() {
        assert_eq!(parse_decimal("72,5"), Some(72.5));
        assert_eq!(parse_decimal(" 72.5 "), Some(72.5));
        assert_eq!(parse_decimal("-3"), Some(-3.0));
        assert_eq!(parse_decimal("−0,5"), Some(-0.5));
        assert_eq!(parse_decimal(",5"), Some(0.5));
        for bad in ["", "abc", "1.250,5", "1,250.5", "1e3", "inf", "NaN", "12%", "--1", ",", "7 2"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
    }

    #[test]
    fn cbs_suffixes_are_split_off_only_when_numeric() {
        assert_eq!(split_cbs_suffix("Koopwoningen_47"), ("Koopwoningen", Some("_47")));
        assert_eq!(split_cbs_suffix("k_0Tot15Jaar_8"), ("k_0Tot15Jaar", Some("_8")));
        assert_eq!(split_cbs_suffix("Koopwoningen"), ("Koopwoningen", None));
        assert_eq!(split_cbs_suffix("Bevolking_"), ("Bevolking_", None));
        assert_eq!(split_cbs_suffix("_12"), ("_12", None));
        assert!(valid_cbs_column("k_0Tot15Jaar_8"));
        assert!(!valid_cbs_column("_12") && !valid_cbs_column("Koop woningen") && !valid_cbs_column("Woningé"));
    }

    #[test]
    fn target_values_stay_within_their_unit() {
        assert_eq!(out_of_range(Unit::Percentage, 100.0), None);
        assert_eq!(out_of_range(Unit::Percentage, 100.1), Some("error-target-percentage"));
        assert_eq!(out_of_range(Unit::Score, 0.5), Some("error-target-score"));
        assert_eq!(out_of_range(Unit::Count, -1.0), Some("error-target-negative"));
        assert_eq!(out_of_range(Unit::PerThousand, 1_000.0), None);
    }
}
