//! An area's profile: its index, a card per indicator, its smaller areas and its wijkagenda.

use std::collections::{BTreeMap, HashMap, HashSet};

use wijkbeeld_domain::Id;
use wijkbeeld_domain::agenda::{Action, Priority};
use wijkbeeld_domain::analysis::{AreaIndex, Coverage, Exclusion, Point, SeriesReading, TargetLine, read_series};
use wijkbeeld_domain::monitor::{Area, Indicator, Target, Theme};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};
use wijkbeeld_store::{StoreError, Tx, agenda as stored_agenda, partners};

use super::{MonitorError, counts_in_index, frame, period_to_show, series_by_key};
use crate::{App, Caller};

/// One indicator as an area's profile shows it.
#[derive(Debug, Clone)]
pub struct Card {
    /// The indicator.
    pub indicator: Indicator,
    /// The reading of its series at the period looked at.
    pub reading: SeriesReading,
    /// The score of the latest value, when the indicator counts in the index.
    pub score: Option<f64>,
    /// Why it has no score, when it counts but cannot be scored.
    pub exclusion: Option<Exclusion>,
    /// The area's series up to the period looked at.
    pub series: Vec<Point>,
    /// The city's series up to the period looked at.
    pub city: Vec<Point>,
    /// The target that applies, and whether it is the area's own.
    pub target: Option<(Target, bool)>,
}

/// A smaller area within the profiled one, with its index.
#[derive(Debug, Clone)]
pub struct ChildRow {
    /// The area.
    pub area: Area,
    /// Its index in the period looked at.
    pub index: Option<AreaIndex>,
}

/// An area's profile in one period.
#[derive(Debug, Clone)]
pub struct AreaProfile {
    /// Whether the figures are the demo's synthetic ones, which every page showing them says.
    pub synthetic: bool,
    /// The area.
    pub area: Area,
    /// The area it lies in.
    pub parent: Option<Area>,
    /// The period looked at.
    pub period: Period,
    /// Every period with data at the area's level, in time order.
    pub periods: Vec<Period>,
    /// The index's base period, when there is an index at this level.
    pub base_period: Option<Period>,
    /// The index, when the level has one (not the gemeente, which has no peers).
    pub index: Option<AreaIndex>,
    /// Every indicator the audience sees, by theme and name.
    pub cards: Vec<Card>,
    /// The areas within, with their index.
    pub children: Vec<ChildRow>,
    /// The area's agenda (wijkagenda).
    pub agenda: AreaAgenda,
}

/// An area's agenda: its priorities of one year and the actions partners take in it.
#[derive(Debug, Clone, Default)]
pub struct AreaAgenda {
    /// The year shown: the period's year when it has priorities, else the latest year with any.
    pub year: Option<i32>,
    /// The priorities of that year, in agenda order.
    pub priorities: Vec<Priority>,
    /// The actions serving those priorities, and those serving none.
    pub actions: Vec<Action>,
    /// The names of the partners owning the actions.
    pub partners: HashMap<Id<wijkbeeld_domain::monitor::Partner>, String>,
}

impl AreaAgenda {
    async fn load(tx: &mut Tx, body: Id<Body>, area: Id<Area>, period: Period) -> Result<AreaAgenda, StoreError> {
        let all = stored_agenda::priorities(tx, body, area).await?;
        // The agenda runs ahead of the figures (this year's agenda, last year's figures), so the
        // latest agenda is shown unless the period looked at has one of its own.
        let year = all
            .iter()
            .map(|priority| priority.year)
            .find(|year| *year == period.year_number())
            .or_else(|| all.iter().map(|priority| priority.year).max());
        let priorities: Vec<Priority> = all.into_iter().filter(|priority| Some(priority.year) == year).collect();
        let shown: HashSet<Id<Priority>> = priorities.iter().map(|priority| priority.id).collect();
        let actions = stored_agenda::actions(tx, body, area)
            .await?
            .into_iter()
            .filter(|action| action.priority_id.is_none_or(|priority| shown.contains(&priority)))
            .collect();
        let partners = partners::list(tx, body).await?.into_iter().map(|partner| (partner.id, partner.name)).collect();
        Ok(AreaAgenda { year, priorities, actions, partners })
    }
}

/// The profile of the area with `code` in `period` (default: the latest period most areas have
/// most indicators for), with
/// the indicators the caller sees.
pub async fn area_profile(
    app: &App,
    caller: &Caller,
    code: &str,
    period: Option<Period>,
) -> Result<AreaProfile, MonitorError> {
    let cache = app.index_cache();
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let synthetic = wijkbeeld_store::demo::anchor(&mut tx).await?.is_some();
    let frame = frame(app, &mut tx, caller).await?;
    let area = frame.area(code)?.clone();
    let (period, periods) = period_to_show(&mut tx, cache, &frame, area.level, period).await?;
    let model = frame.index_model(&mut tx, cache, area.level, &periods).await?;
    let city = frame.city().cloned();
    let measurements = stored::measurements(
        &mut tx,
        body,
        &MeasurementFilter { areas: Some(vec![area.id]), until: Some(period), ..Default::default() },
    )
    .await?;
    let city_series = match &city {
        Some(city) => Some(cache.city_series(&mut tx, body, city.id).await?),
        None => None,
    };

    let mut all_series = series_by_key(&measurements);
    let mut cards = Vec::new();
    let mut latest_values = HashMap::new();
    for indicator in frame.indicators() {
        let series = all_series.remove(&(indicator.id, area.id)).unwrap_or_default();
        let city_series: Vec<Point> = city_series
            .as_ref()
            .and_then(|all| all.get(&indicator.id))
            .map(|points| points.iter().filter(|point| point.period <= period).copied().collect())
            .unwrap_or_default();
        let target = frame.target_for(indicator.id, &area).map(|(target, own)| (target.clone(), own));
        let line = target.as_ref().map(|(target, _)| TargetLine {
            value: target.value,
            target_period: target.target_period,
            baseline_period: target.baseline_period,
        });
        let baseline = line.map(|line| line.baseline_period).or(model.as_ref().map(|model| model.base_period));
        let reading = read_series(&series, period, baseline, &city_series, line.as_ref(), indicator.direction);
        let (score, exclusion) = match (&model, counts_in_index(indicator)) {
            (Some(model), true) => match model.norm(indicator.id) {
                Some(Err(why)) => (None, Some(why)),
                _ => (reading.latest.and_then(|latest| model.score(indicator.id, latest.value)), None),
            },
            _ => (None, None),
        };
        if let Some(latest) = reading.latest.filter(|latest| latest.period == period) {
            latest_values.insert(indicator.id, latest.value);
        }
        cards.push(Card { indicator: indicator.clone(), reading, score, exclusion, series, city: city_series, target });
    }
    let index = model.as_ref().map(|model| model.area_index(&latest_values));
    let base_period = model.as_ref().map(|model| model.base_period);

    let child_areas: Vec<Area> = frame.children(area.id).into_iter().cloned().collect();
    let mut children = Vec::new();
    if let Some(child_level) = child_areas.first().map(|child| child.level) {
        let child_periods = cache.periods(&mut tx, body, child_level).await?;
        let child_model = frame.index_model(&mut tx, cache, child_level, &child_periods).await?;
        let ids: Vec<Id<Area>> = child_areas.iter().map(|child| child.id).collect();
        let values = stored::measurements(
            &mut tx,
            body,
            // Naming the indicators lets the database seek each (indicator, area) by its primary
            // key rather than read every figure of each area: six times faster with 50 of them.
            &MeasurementFilter {
                areas: Some(ids),
                indicators: Some(
                    frame
                        .all_indicators()
                        .iter()
                        .filter(|indicator| counts_in_index(indicator))
                        .map(|indicator| indicator.id)
                        .collect(),
                ),
                from: Some(period),
                until: Some(period),
                ..Default::default()
            },
        )
        .await?;
        for child in child_areas {
            let index = child_model.as_ref().map(|model| {
                let own: HashMap<Id<Indicator>, f64> = values
                    .iter()
                    .filter(|measurement| measurement.area_id == child.id)
                    .map(|measurement| (measurement.indicator_id, measurement.value))
                    .collect();
                model.area_index(&own)
            });
            children.push(ChildRow { area: child, index });
        }
    }
    let agenda = AreaAgenda::load(&mut tx, body, area.id, period).await?;
    tx.commit().await?;
    let parent = area.parent_id.and_then(|id| frame.area_by_id(id)).cloned();
    Ok(AreaProfile {
        synthetic,
        area,
        parent,
        period,
        periods: periods.to_vec(),
        base_period,
        index,
        cards,
        children,
        agenda,
    })
}

/// An area's analysis as `wijkbeeld monitor show --json` and the API give it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct AnalysisReport {
    /// The area's code.
    pub area: String,
    /// The area's name.
    pub name: String,
    /// The period looked at.
    pub period: Period,
    /// The index's base period.
    pub base_period: Option<Period>,
    /// The index (null where fewer than half of its indicators have a value).
    pub index: Option<f64>,
    /// How many of the index's indicators have a score.
    pub index_coverage: Option<Coverage>,
    /// The index over objective indicators.
    pub index_objective: Option<f64>,
    /// How many of the objective indicators have a score.
    pub index_objective_coverage: Option<Coverage>,
    /// The index over subjective indicators.
    pub index_subjective: Option<f64>,
    /// How many of the subjective indicators have a score.
    pub index_subjective_coverage: Option<Coverage>,
    /// Each theme's score (null where too few indicators have a value).
    pub themes: BTreeMap<Theme, Option<f64>>,
    /// How many of each theme's indicators have a score.
    pub theme_coverage: BTreeMap<Theme, Coverage>,
    /// Each indicator's reading.
    pub indicators: Vec<IndicatorReport>,
}

/// One indicator in an [`AnalysisReport`].
#[derive(Debug, Clone, serde::Serialize)]
pub struct IndicatorReport {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Theme.
    pub theme: Theme,
    /// The period of the latest value.
    pub value_period: Option<Period>,
    /// The latest value at or before the period looked at.
    pub value: Option<f64>,
    /// Its score.
    pub score: Option<f64>,
    /// Why it has no score, when it counts in the index but cannot be scored.
    pub excluded: Option<Exclusion>,
    /// Change since the previous period.
    pub change_previous: Option<f64>,
    /// Whether that change exceeds the margins of error.
    pub change_previous_is_real: Option<bool>,
    /// Change since the baseline.
    pub change_baseline: Option<f64>,
    /// Trend per year over the last periods.
    pub trend_per_year: Option<f64>,
    /// The city's value in the same period.
    pub city_value: Option<f64>,
    /// Status against the target that applies.
    pub target_status: Option<wijkbeeld_domain::analysis::TargetStatus>,
}

impl AreaProfile {
    /// The profile as a report for JSON.
    pub fn report(&self) -> AnalysisReport {
        let index = self.index.as_ref();
        AnalysisReport {
            area: self.area.code.to_string(),
            name: self.area.name.clone(),
            period: self.period,
            base_period: self.base_period,
            index: index.and_then(|index| index.index),
            index_coverage: index.map(|index| index.coverage),
            index_objective: index.and_then(|index| index.objective),
            index_objective_coverage: index.map(|index| index.objective_coverage),
            index_subjective: index.and_then(|index| index.subjective),
            index_subjective_coverage: index.map(|index| index.subjective_coverage),
            themes: index.map(|index| index.themes.clone()).unwrap_or_default(),
            theme_coverage: index.map(|index| index.theme_coverage.clone()).unwrap_or_default(),
            indicators: self
                .cards
                .iter()
                .map(|card| IndicatorReport {
                    code: card.indicator.code.clone(),
                    name: card.indicator.name.clone(),
                    theme: card.indicator.theme,
                    value_period: card.reading.latest.map(|latest| latest.period),
                    value: card.reading.latest.map(|latest| latest.value),
                    score: card.score,
                    excluded: card.exclusion,
                    change_previous: card.reading.since_previous.map(|change| change.difference),
                    change_previous_is_real: card.reading.since_previous.map(|change| change.is_real),
                    change_baseline: card.reading.since_baseline.map(|change| change.difference),
                    trend_per_year: card.reading.trend.map(|trend| trend.slope_per_year),
                    city_value: card.reading.city_value,
                    target_status: card.reading.target_status,
                })
                .collect(),
        }
    }
}
