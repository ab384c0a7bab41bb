//! One indicator across the areas of one level.

use std::collections::HashMap;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::analysis::{Exclusion, Point, SeriesReading, TargetLine, read_series};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Area, Indicator, Target, Theme};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::market::{self, SessionOrigin};
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};

use super::{AcrossAreas, MonitorError, across_areas, counts_in_index, series_by_key};
use crate::{App, Caller};

/// One area's figures on the indicator page.
#[derive(Debug, Clone)]
pub struct IndicatorRow {
    /// The area.
    pub area: Area,
    /// The reading of its series at the period looked at.
    pub reading: SeriesReading,
    /// The score of its value in the period looked at.
    pub score: Option<f64>,
    /// Its series, in time order.
    pub series: Vec<Point>,
}

/// One indicator across the areas of one level.
#[derive(Debug, Clone)]
pub struct IndicatorView {
    /// The boundaries (GeoJSON geometry) of the level's areas that have one, for the map.
    pub boundaries: HashMap<Id<Area>, String>,
    /// Whether the figures are the demo's synthetic ones, which every page showing them says.
    pub synthetic: bool,
    /// The indicator.
    pub indicator: Indicator,
    /// The level shown.
    pub level: AreaLevel,
    /// The period looked at.
    pub period: Period,
    /// Every period with data, in time order.
    pub periods: Vec<Period>,
    /// Per area of the level, by code.
    pub rows: Vec<IndicatorRow>,
    /// The city's series.
    pub city: Vec<Point>,
    /// The city's name.
    pub city_name: Option<String>,
    /// The indicator's targets, with the area's name.
    pub targets: Vec<(Target, String)>,
    /// Why the indicator has no score at this level, when it counts but cannot be scored.
    pub exclusion: Option<Exclusion>,
    /// The base period of the index.
    pub base_period: Option<Period>,
    /// Theme scores are not shown here; the theme, for the index's context.
    pub theme: Theme,
    /// The council session that proposed the indicator, when known.
    pub origin: Option<SessionOrigin>,
    /// The party that proposed it there, when known.
    pub proposed_by: Option<String>,
}

/// The indicator with `code` across the areas of `level` in `period`.
pub async fn indicator_view(
    app: &App,
    caller: &Caller,
    code: &str,
    level: AreaLevel,
    period: Option<Period>,
) -> Result<IndicatorView, MonitorError> {
    let AcrossAreas { mut tx, body, frame, period, periods, model, boundaries, synthetic } =
        across_areas(app, caller, level, period).await?;
    let indicator = frame.indicator(code)?.clone();
    let measurements = stored::measurements(
        &mut tx,
        body,
        &MeasurementFilter { indicators: Some(vec![indicator.id]), until: Some(period), ..Default::default() },
    )
    .await?;
    let origin = match indicator.proposed_in_session_id {
        Some(session) => market::session_origin(&mut tx, body, session.get()).await?,
        None => None,
    };
    let proposed_by = wijkbeeld_store::outcome::proposing_parties(&mut tx, body)
        .await?
        .into_iter()
        .find(|(id, _)| *id == indicator.id.get())
        .map(|(_, party)| party);
    tx.commit().await?;

    let city = frame.city().cloned();
    let mut all_series = series_by_key(&measurements);
    let city_series =
        city.as_ref().and_then(|city| all_series.get(&(indicator.id, city.id)).cloned()).unwrap_or_default();
    let exclusion = model.as_ref().and_then(|model| model.norm(indicator.id)).and_then(Result::err);
    let rows = frame
        .level(level)
        .into_iter()
        .map(|area| {
            let series = all_series.remove(&(indicator.id, area.id)).unwrap_or_default();
            let target = frame.target_for(indicator.id, area).map(|(target, _)| TargetLine {
                value: target.value,
                target_period: target.target_period,
                baseline_period: target.baseline_period,
            });
            let baseline = target.map(|line| line.baseline_period).or(model.as_ref().map(|model| model.base_period));
            let reading = read_series(&series, period, baseline, &city_series, target.as_ref(), indicator.direction);
            let score = reading
                .latest
                .filter(|latest| latest.period == period && counts_in_index(&indicator))
                .and_then(|latest| model.as_ref().and_then(|model| model.score(indicator.id, latest.value)));
            IndicatorRow { area: area.clone(), reading, score, series }
        })
        .collect();
    let targets = frame
        .targets()
        .iter()
        .filter(|target| target.indicator_id == indicator.id)
        .map(|target| {
            let name = frame.area_by_id(target.area_id).map(|area| area.name.clone()).unwrap_or_default();
            (target.clone(), name)
        })
        .collect();
    Ok(IndicatorView {
        boundaries,
        synthetic,
        theme: indicator.theme,
        indicator,
        level,
        period,
        periods: periods.to_vec(),
        rows,
        city: city_series,
        city_name: city.map(|city| city.name),
        targets,
        exclusion,
        base_period: model.as_ref().map(|model| model.base_period),
        origin,
        proposed_by,
    })
}
