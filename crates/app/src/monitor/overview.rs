//! All areas of one level side by side on the key indicators.

use std::collections::HashMap;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::analysis::AreaIndex;
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Area, Indicator};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};

use super::{AcrossAreas, MonitorError, across_areas, counts_in_index};
use crate::{App, Caller};

/// One wijk (or buurt) row of the city overview.
#[derive(Debug, Clone)]
pub struct OverviewRow {
    /// The area.
    pub area: Area,
    /// Its index.
    pub index: Option<AreaIndex>,
    /// Per key indicator (in the order of [`CityOverview::indicators`]): value and score.
    pub cells: Vec<Option<(f64, Option<f64>)>>,
}

/// All areas of one level side by side on the key indicators.
#[derive(Debug, Clone)]
pub struct CityOverview {
    /// The boundaries (GeoJSON geometry) of the level's areas that have one, for the map.
    pub boundaries: HashMap<Id<Area>, String>,
    /// Whether the figures are the demo's synthetic ones, which every page showing them says.
    pub synthetic: bool,
    /// The level shown.
    pub level: AreaLevel,
    /// The period looked at.
    pub period: Period,
    /// Every period with data, in time order.
    pub periods: Vec<Period>,
    /// The base period of the index.
    pub base_period: Option<Period>,
    /// The key indicators the audience sees.
    pub indicators: Vec<Indicator>,
    /// One row per area, by code.
    pub rows: Vec<OverviewRow>,
    /// The city's values of the key indicators.
    pub city: Vec<Option<f64>>,
    /// The city's name.
    pub city_name: Option<String>,
}

/// The overview of every area of `level` in `period` (default: the latest period most areas have
/// most indicators for).
pub async fn city_overview(
    app: &App,
    caller: &Caller,
    level: AreaLevel,
    period: Option<Period>,
) -> Result<CityOverview, MonitorError> {
    let AcrossAreas { mut tx, body, frame, period, periods, model, boundaries, synthetic } =
        across_areas(app, caller, level, period).await?;
    let values = stored::measurements_in(&mut tx, body, level, period).await?;
    let city = frame.city().cloned();
    let city_values = match &city {
        Some(city) => {
            stored::measurements(
                &mut tx,
                body,
                &MeasurementFilter {
                    areas: Some(vec![city.id]),
                    from: Some(period),
                    until: Some(period),
                    ..Default::default()
                },
            )
            .await?
        }
        None => Vec::new(),
    };
    tx.commit().await?;

    let indicators: Vec<Indicator> = frame.indicators().iter().filter(|indicator| indicator.is_key).cloned().collect();
    let mut by_area: HashMap<Id<Area>, HashMap<Id<Indicator>, f64>> = HashMap::new();
    for measurement in &values {
        by_area.entry(measurement.area_id).or_default().insert(measurement.indicator_id, measurement.value);
    }
    let rows = frame
        .level(level)
        .into_iter()
        .map(|area| {
            let own = by_area.remove(&area.id).unwrap_or_default();
            let cells = indicators
                .iter()
                .map(|indicator| {
                    own.get(&indicator.id).map(|value| {
                        let score = if counts_in_index(indicator) {
                            model.as_ref().and_then(|model| model.score(indicator.id, *value))
                        } else {
                            None
                        };
                        (*value, score)
                    })
                })
                .collect();
            OverviewRow { area: area.clone(), index: model.as_ref().map(|model| model.area_index(&own)), cells }
        })
        .collect();
    let city_row = indicators
        .iter()
        .map(|indicator| {
            city_values.iter().find(|measurement| measurement.indicator_id == indicator.id).map(|m| m.value)
        })
        .collect();
    Ok(CityOverview {
        boundaries,
        synthetic,
        level,
        period,
        periods: periods.to_vec(),
        base_period: model.as_ref().map(|model| model.base_period),
        indicators,
        rows,
        city: city_row,
        city_name: city.map(|city| city.name),
    })
}
