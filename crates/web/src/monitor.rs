//! The neighbourhood monitor's use cases, shared by the dashboard pages, the JSON API and the
//! command line: an area's profile (its index and every indicator read for one period), the city
//! overview, one indicator across all areas, and importing measurements.
//!
//! The public sees indicators that are adopted (vastgesteld) and published; signed-in staff see
//! every indicator. The index counts only adopted, published indicators, so that anyone can
//! recompute it from what the dashboard shows.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::agenda::{Action, Priority};
use wijkbeeld_domain::analysis::{
    AreaIndex, Exclusion, IndexIndicator, IndexModel, Point, SeriesReading, TargetLine, default_base_period,
    read_series,
};
use wijkbeeld_domain::area::{AreaCode, AreaLevel, parse_area_csv};
use wijkbeeld_domain::boundaries::{DEFAULT_CODE_PROPERTIES, parse_boundaries};
use wijkbeeld_domain::import::Problems;
use wijkbeeld_domain::measurement_import::{FileFormat, ImportContext, parse_measurements};
use wijkbeeld_domain::monitor::{
    Area, Direction, Indicator, IndicatorKind, IndicatorStatus, Measurement, Programme, Target, Theme, Unit,
};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::audit;
use wijkbeeld_store::market::{self, SessionOrigin};
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};
use wijkbeeld_store::{Store, StoreError, Tx, agenda as stored_agenda, partners, people, settings};

use crate::accounts::Actor;

/// Why a monitor request failed.
#[derive(Debug, thiserror::Error)]
pub enum MonitorError {
    /// No such area.
    #[error("no area has the code {0}")]
    UnknownArea(String),
    /// No such indicator, or not one the viewer may see.
    #[error("no indicator has the code {0}")]
    UnknownIndicator(String),
    /// Nothing measured yet at the level asked for.
    #[error("there are no measurements yet")]
    NoData,
    /// The input is not valid; the reason in words.
    #[error("{0}")]
    Invalid(String),
    /// The role may not change the monitor.
    #[error("only the college keeps the monitor's figures")]
    Forbidden,
    /// A form's input was refused: every problem as (field, Fluent message id), in the order
    /// of the form.
    #[error("the input was refused: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// An imported file was refused; every problem with its place.
    #[error("the file was refused, nothing was changed: {0}")]
    Refused(Problems),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The error of a change that needs the municipality before the demo or a migration made it.
pub(crate) fn no_municipality() -> MonitorError {
    MonitorError::Invalid("the municipality is not set up yet (load the demo or migrate)".into())
}

/// Who is looking at the monitor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Anyone: adopted, published indicators only.
    Public,
    /// Signed-in staff: every indicator.
    Staff,
}

impl Audience {
    /// Whether this audience sees `indicator`.
    pub fn sees(self, indicator: &Indicator) -> bool {
        self == Audience::Staff || counts_in_index(indicator)
    }
}

/// Whether `indicator` counts in the index: adopted and published.
pub fn counts_in_index(indicator: &Indicator) -> bool {
    indicator.status == IndicatorStatus::Adopted && indicator.is_published
}

/// What every monitor page reads the same way, kept in memory per data version (which every change
/// of figures, areas, indicators or targets raises): the areas, indicators and targets, the
/// periods with data per level, the gemeente's series, and the index's yardsticks per level and
/// base period. The periods and yardsticks read every measurement of a level, which a page
/// should not do on every request.
#[derive(Debug, Default)]
pub struct IndexCache {
    models: Mutex<HashMap<(i64, AreaLevel, Period), Arc<IndexModel>>>,
    periods: Mutex<HashMap<(i64, AreaLevel), SharedPeriods>>,
    frame: Mutex<Option<(i64, Arc<FrameData>)>>,
    city: Mutex<Option<CachedCity>>,
}

/// The gemeente's series as of one data version.
#[derive(Debug)]
struct CachedCity {
    version: i64,
    city: Id<Area>,
    series: Arc<CitySeries>,
}

/// The gemeente's series per indicator, in time order: beside every profile.
type CitySeries = HashMap<Id<Indicator>, Vec<Point>>;

/// The periods with data at one level, in time order, shared between requests.
type SharedPeriods = Arc<Vec<Period>>;

/// What every monitor page starts from, whoever looks: every area, indicator and target, and
/// what each audience sees of them. Shared by every request of one data version, so that a
/// page does not copy a thousand areas before it starts.
#[derive(Debug)]
struct FrameData {
    areas: Vec<Area>,
    indicators: Vec<Indicator>,
    public: Visible,
    staff: Visible,
}

/// The indicators an audience sees, and their targets.
#[derive(Debug)]
struct Visible {
    indicators: Vec<Indicator>,
    targets: Vec<Target>,
}

impl Visible {
    fn to(audience: Audience, indicators: &[Indicator], targets: &[Target]) -> Visible {
        let indicators: Vec<Indicator> =
            indicators.iter().filter(|indicator| audience.sees(indicator)).cloned().collect();
        let targets = targets
            .iter()
            .filter(|target| indicators.iter().any(|indicator| indicator.id == target.indicator_id))
            .cloned()
            .collect();
        Visible { indicators, targets }
    }
}

impl IndexCache {
    /// The series of the gemeente `city`, every period: the same beside every area's profile.
    async fn city_series(&self, tx: &mut Tx, city: Id<Area>) -> Result<Arc<CitySeries>, StoreError> {
        let version = stored::data_version(tx).await?;
        if let Some(cached) = self.city.lock().map_err(|_| poisoned())?.as_ref()
            && cached.version == version
            && cached.city == city
        {
            return Ok(Arc::clone(&cached.series));
        }
        let measurements =
            stored::measurements(tx, &MeasurementFilter { areas: Some(vec![city]), ..Default::default() }).await?;
        let series: CitySeries =
            series_by_key(&measurements).into_iter().map(|((indicator, _), points)| (indicator, points)).collect();
        let series = Arc::new(series);
        *self.city.lock().map_err(|_| poisoned())? = Some(CachedCity { version, city, series: Arc::clone(&series) });
        Ok(series)
    }

    /// Every area, indicator and target: the same for every request until the data changes.
    async fn frame(&self, tx: &mut Tx) -> Result<Arc<FrameData>, StoreError> {
        let version = stored::data_version(tx).await?;
        if let Some((known, data)) = self.frame.lock().map_err(|_| poisoned())?.as_ref()
            && *known == version
        {
            return Ok(Arc::clone(data));
        }
        let indicators = stored::indicators(tx).await?;
        let targets = stored::targets(tx).await?;
        let data = Arc::new(FrameData {
            areas: stored::areas(tx).await?,
            public: Visible::to(Audience::Public, &indicators, &targets),
            staff: Visible::to(Audience::Staff, &indicators, &targets),
            indicators,
        });
        *self.frame.lock().map_err(|_| poisoned())? = Some((version, Arc::clone(&data)));
        Ok(data)
    }

    /// Every period with data at `level`, in time order.
    async fn periods(&self, tx: &mut Tx, level: AreaLevel) -> Result<SharedPeriods, StoreError> {
        let version = stored::data_version(tx).await?;
        if let Some(periods) = self.periods.lock().map_err(|_| poisoned())?.get(&(version, level)) {
            return Ok(Arc::clone(periods));
        }
        let periods = Arc::new(stored::periods(tx, level).await?);
        let mut cached = self.periods.lock().map_err(|_| poisoned())?;
        cached.retain(|(known, _), _| *known == version);
        cached.insert((version, level), Arc::clone(&periods));
        Ok(periods)
    }

    async fn model(
        &self,
        tx: &mut Tx,
        indicators: &[Indicator],
        level: AreaLevel,
        base: Period,
    ) -> Result<Arc<IndexModel>, StoreError> {
        let version = stored::data_version(tx).await?;
        let key = (version, level, base);
        if let Some(model) = self.models.lock().map_err(|_| poisoned())?.get(&key) {
            return Ok(Arc::clone(model));
        }
        let model = Arc::new(build_index_model(tx, indicators, level, base).await?);
        let mut models = self.models.lock().map_err(|_| poisoned())?;
        models.retain(|(known, _, _), _| *known == version);
        models.insert(key, Arc::clone(&model));
        Ok(model)
    }
}

fn poisoned() -> StoreError {
    StoreError::Corrupt("the index cache was poisoned by a panic".into())
}

async fn build_index_model(
    tx: &mut Tx,
    indicators: &[Indicator],
    level: AreaLevel,
    base: Period,
) -> Result<IndexModel, StoreError> {
    let counted: Vec<IndexIndicator> = indicators
        .iter()
        .filter(|indicator| counts_in_index(indicator))
        .map(|indicator| IndexIndicator {
            id: indicator.id,
            direction: indicator.direction,
            theme: indicator.theme,
            kind: indicator.kind,
        })
        .collect();
    let mut base_values: HashMap<Id<Indicator>, Vec<f64>> = HashMap::new();
    for measurement in stored::measurements_in(tx, level, base).await? {
        base_values.entry(measurement.indicator_id).or_default().push(measurement.value);
    }
    Ok(IndexModel::new(base, &counted, &base_values))
}

/// The monitor's fixed data for one request: areas, the indicators the audience sees, targets.
#[derive(Debug, Clone)]
pub struct Frame {
    data: Arc<FrameData>,
    audience: Audience,
}

impl Frame {
    /// The frame for `audience`, from `cache` while the data has not changed.
    pub async fn load(tx: &mut Tx, cache: &IndexCache, audience: Audience) -> Result<Frame, StoreError> {
        Ok(Frame { data: cache.frame(tx).await?, audience })
    }

    fn visible(&self) -> &Visible {
        match self.audience {
            Audience::Public => &self.data.public,
            Audience::Staff => &self.data.staff,
        }
    }

    /// Every area, the gemeente first.
    pub fn areas(&self) -> &[Area] {
        &self.data.areas
    }

    /// Every indicator the audience sees, by theme and name.
    pub fn indicators(&self) -> &[Indicator] {
        &self.visible().indicators
    }

    /// Targets of the indicators the audience sees.
    pub fn targets(&self) -> &[Target] {
        &self.visible().targets
    }

    /// Every indicator, for the index.
    fn all_indicators(&self) -> &[Indicator] {
        &self.data.indicators
    }

    /// The area with `code` (any case, spaces trimmed).
    pub fn area(&self, code: &str) -> Result<&Area, MonitorError> {
        let wanted = code.trim();
        self.areas()
            .iter()
            .find(|area| area.code.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| MonitorError::UnknownArea(wanted.to_owned()))
    }

    /// The area with `id`.
    pub fn area_by_id(&self, id: Id<Area>) -> Option<&Area> {
        self.areas().iter().find(|area| area.id == id)
    }

    /// The gemeente.
    pub fn city(&self) -> Option<&Area> {
        self.areas().iter().find(|area| area.level == AreaLevel::Municipality)
    }

    /// The indicator with `code` (any case), if the audience sees it.
    pub fn indicator(&self, code: &str) -> Result<&Indicator, MonitorError> {
        let wanted = code.trim();
        self.indicators()
            .iter()
            .find(|indicator| indicator.code.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| MonitorError::UnknownIndicator(wanted.to_owned()))
    }

    /// The areas directly within `parent`, by code.
    pub fn children(&self, parent: Id<Area>) -> Vec<&Area> {
        self.areas().iter().filter(|area| area.parent_id == Some(parent)).collect()
    }

    /// The areas of one level, by code.
    pub fn level(&self, level: AreaLevel) -> Vec<&Area> {
        self.areas().iter().filter(|area| area.level == level).collect()
    }

    /// The target that applies to `indicator` in `area`: the area's own, else the city-wide one
    /// (a city-wide target is the norm every area is held to); the latest target period first.
    /// The flag says whether it is the area's own.
    pub fn target_for(&self, indicator: Id<Indicator>, area: &Area) -> Option<(&Target, bool)> {
        let latest = |area_id: Id<Area>| {
            self.targets()
                .iter()
                .filter(|target| target.indicator_id == indicator && target.area_id == area_id)
                .max_by_key(|target| target.target_period)
        };
        latest(area.id)
            .map(|target| (target, true))
            .or_else(|| self.city().and_then(|city| latest(city.id)).map(|target| (target, false)))
    }

    /// The index's yardsticks for `level`, whose periods with data the caller has already read.
    async fn index_model(
        &self,
        tx: &mut Tx,
        cache: &IndexCache,
        level: AreaLevel,
        periods: &[Period],
    ) -> Result<Option<Arc<IndexModel>>, StoreError> {
        if level == AreaLevel::Municipality {
            return Ok(None);
        }
        let Some(base) = base_period(tx, periods).await? else { return Ok(None) };
        Ok(Some(cache.model(tx, self.all_indicators(), level, base).await?))
    }
}

/// The index's base period: the setting [`stored::BASE_YEAR`] when set, else the first year of
/// `periods` (those with data at the level).
async fn base_period(tx: &mut Tx, periods: &[Period]) -> Result<Option<Period>, StoreError> {
    if let Some(year) = settings::get(tx, stored::BASE_YEAR).await?
        && let Ok(period) = year.trim().parse::<Period>()
    {
        return Ok(Some(period));
    }
    Ok(default_base_period(periods.iter().copied()))
}

/// The period looked at: the one asked for, else the latest whole year with data at `level`.
async fn period_to_show(
    tx: &mut Tx,
    cache: &IndexCache,
    level: AreaLevel,
    asked: Option<Period>,
) -> Result<(Period, SharedPeriods), MonitorError> {
    let periods = cache.periods(tx, if level == AreaLevel::Municipality { AreaLevel::District } else { level }).await?;
    let period = match asked {
        Some(period) => period,
        None => periods
            .iter()
            .rev()
            .find(|period| period.quarter_number().is_none())
            .or(periods.last())
            .copied()
            .ok_or(MonitorError::NoData)?,
    };
    Ok((period, periods))
}

/// Every (indicator, area) series among `measurements`, each in time order: grouped once, so that
/// a page over a thousand buurten does not scan all the figures once per buurt.
fn series_by_key(measurements: &[Measurement]) -> HashMap<(Id<Indicator>, Id<Area>), Vec<Point>> {
    let mut series: HashMap<(Id<Indicator>, Id<Area>), Vec<Point>> = HashMap::new();
    for measurement in measurements {
        series.entry((measurement.indicator_id, measurement.area_id)).or_default().push(Point {
            period: measurement.period,
            value: measurement.value,
            margin: measurement.margin,
        });
    }
    for points in series.values_mut() {
        points.sort_by_key(|point| point.period);
    }
    series
}

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
    async fn load(tx: &mut Tx, area: Id<Area>, period: Period) -> Result<AreaAgenda, StoreError> {
        let all = stored_agenda::priorities(tx, area).await?;
        // The agenda runs ahead of the figures (this year's agenda, last year's figures), so the
        // latest agenda is shown unless the period looked at has one of its own.
        let year = all
            .iter()
            .map(|priority| priority.year)
            .find(|year| *year == period.year_number())
            .or_else(|| all.iter().map(|priority| priority.year).max());
        let priorities: Vec<Priority> = all.into_iter().filter(|priority| Some(priority.year) == year).collect();
        let shown: HashSet<Id<Priority>> = priorities.iter().map(|priority| priority.id).collect();
        let actions = stored_agenda::actions(tx, area)
            .await?
            .into_iter()
            .filter(|action| action.priority_id.is_none_or(|priority| shown.contains(&priority)))
            .collect();
        let partners = partners::list(tx).await?.into_iter().map(|partner| (partner.id, partner.name)).collect();
        Ok(AreaAgenda { year, priorities, actions, partners })
    }
}

/// The profile of the area with `code` in `period` (default: the latest year with data).
pub async fn area_profile(
    store: &Store,
    cache: &IndexCache,
    audience: Audience,
    code: &str,
    period: Option<Period>,
) -> Result<AreaProfile, MonitorError> {
    let mut tx = store.begin().await?;
    let frame = Frame::load(&mut tx, cache, audience).await?;
    let area = frame.area(code)?.clone();
    let (period, periods) = period_to_show(&mut tx, cache, area.level, period).await?;
    let model = frame.index_model(&mut tx, cache, area.level, &periods).await?;
    let city = frame.city().cloned();
    let measurements = stored::measurements(
        &mut tx,
        &MeasurementFilter { areas: Some(vec![area.id]), until: Some(period), ..Default::default() },
    )
    .await?;
    let city_series = match &city {
        Some(city) => Some(cache.city_series(&mut tx, city.id).await?),
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
        let child_periods = cache.periods(&mut tx, child_level).await?;
        let child_model = frame.index_model(&mut tx, cache, child_level, &child_periods).await?;
        let ids: Vec<Id<Area>> = child_areas.iter().map(|child| child.id).collect();
        let values = stored::measurements(
            &mut tx,
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
    let agenda = AreaAgenda::load(&mut tx, area.id, period).await?;
    tx.commit().await?;
    let parent = area.parent_id.and_then(|id| frame.area_by_id(id)).cloned();
    Ok(AreaProfile { area, parent, period, periods: periods.to_vec(), base_period, index, cards, children, agenda })
}

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

/// The overview of every area of `level` in `period` (default: the latest year with data).
pub async fn city_overview(
    store: &Store,
    cache: &IndexCache,
    audience: Audience,
    level: AreaLevel,
    period: Option<Period>,
) -> Result<CityOverview, MonitorError> {
    if level == AreaLevel::Municipality {
        return Err(MonitorError::Invalid("the overview compares wijken or buurten".into()));
    }
    let mut tx = store.begin().await?;
    let frame = Frame::load(&mut tx, cache, audience).await?;
    let (period, periods) = period_to_show(&mut tx, cache, level, period).await?;
    let model = frame.index_model(&mut tx, cache, level, &periods).await?;
    let values = stored::measurements_in(&mut tx, level, period).await?;
    let city = frame.city().cloned();
    let city_values = match &city {
        Some(city) => {
            stored::measurements(
                &mut tx,
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
}

/// The indicator with `code` across the areas of `level` in `period`.
pub async fn indicator_view(
    store: &Store,
    cache: &IndexCache,
    audience: Audience,
    code: &str,
    level: AreaLevel,
    period: Option<Period>,
) -> Result<IndicatorView, MonitorError> {
    if level == AreaLevel::Municipality {
        return Err(MonitorError::Invalid("the indicator page compares wijken or buurten".into()));
    }
    let mut tx = store.begin().await?;
    let frame = Frame::load(&mut tx, cache, audience).await?;
    let indicator = frame.indicator(code)?.clone();
    let (period, periods) = period_to_show(&mut tx, cache, level, period).await?;
    let model = frame.index_model(&mut tx, cache, level, &periods).await?;
    let measurements = stored::measurements(
        &mut tx,
        &MeasurementFilter { indicators: Some(vec![indicator.id]), until: Some(period), ..Default::default() },
    )
    .await?;
    let origin = match indicator.proposed_in_session_id {
        Some(session) => market::session_origin(&mut tx, session.get()).await?,
        None => None,
    };
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
    /// The index.
    pub index: Option<f64>,
    /// The index over objective indicators.
    pub index_objective: Option<f64>,
    /// The index over subjective indicators.
    pub index_subjective: Option<f64>,
    /// Each theme's score (null where too few indicators have a value).
    pub themes: BTreeMap<Theme, Option<f64>>,
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
            index_objective: index.and_then(|index| index.objective),
            index_subjective: index.and_then(|index| index.subjective),
            themes: index.map(|index| index.themes.clone()).unwrap_or_default(),
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

/// Whether the role keeps the monitor's indicators, targets and figures.
pub fn may_edit(role: Role) -> bool {
    matches!(role, Role::College | Role::Admin)
}

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
    store: &Store,
    text: &str,
    file_name: &str,
    period: Option<Period>,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<ImportOutcome, MonitorError> {
    if !may_edit(role) {
        return Err(MonitorError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let areas: HashMap<AreaCode, Id<Area>> =
        stored::areas(&mut tx).await?.into_iter().map(|area| (area.code, area.id)).collect();
    let indicators = stored::indicators(&mut tx).await?;
    let by_code: HashMap<String, (Id<Indicator>, Unit)> =
        indicators.iter().map(|indicator| (indicator.code.to_uppercase(), (indicator.id, indicator.unit))).collect();
    let cbs_columns: HashMap<String, String> = stored::cbs_mappings(&mut tx)
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
    let held_before = stored::count_measurements_of(&mut tx, &areas_written).await?;
    let written = stored::write_measurements(&mut tx, &parsed.measurements).await?;
    // A file names each key once (duplicates are refused), so every written row either added a
    // key or replaced the value of one.
    let added = stored::count_measurements_of(&mut tx, &areas_written).await?.saturating_sub(held_before);
    let replaced = written.saturating_sub(added);
    let populations = stored::write_populations(&mut tx, &parsed.populations).await?;
    let details = serde_json::json!({
        "file": file_name,
        "format": match parsed.format { FileFormat::Long => "long", FileFormat::CbsWide => "cbs" },
        "periods": parsed.periods.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "written": written,
        "replaced": replaced,
        "populations": populations,
        "missing": parsed.missing,
    });
    audit::record(&mut tx, now, &actor.change("measurements.import", "measurements", None, details)).await?;
    tx.commit().await?;
    store.optimize().await?;
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
pub async fn import_areas(
    store: &Store,
    text: &str,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<(u64, u64), MonitorError> {
    if !may_edit(role) {
        return Err(MonitorError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let body_id = people::body_id(&mut tx).await?.ok_or_else(no_municipality)?;
    let known: HashSet<AreaCode> = stored::areas(&mut tx).await?.into_iter().map(|area| area.code).collect();
    let records = parse_area_csv(text, &known).map_err(MonitorError::Refused)?;
    let (added, updated) = stored::upsert_areas(&mut tx, body_id, &records).await?;
    let details = serde_json::json!({ "areas": records.len(), "added": added, "updated": updated });
    audit::record(&mut tx, now, &actor.change("areas.import", "area", None, details)).await?;
    tx.commit().await?;
    Ok((added, updated))
}

/// Stores the boundaries of a GeoJSON FeatureCollection, each feature's area found by the first
/// of `code_properties` it has (default: [`DEFAULT_CODE_PROPERTIES`]). All or nothing; audited.
/// Returns how many areas got a boundary.
pub async fn import_boundaries(
    store: &Store,
    text: &str,
    code_properties: &[&str],
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<u64, MonitorError> {
    if !may_edit(role) {
        return Err(MonitorError::Forbidden);
    }
    let properties = if code_properties.is_empty() { DEFAULT_CODE_PROPERTIES } else { code_properties };
    let mut tx = store.begin_write().await?;
    let known: HashSet<AreaCode> = stored::areas(&mut tx).await?.into_iter().map(|area| area.code).collect();
    let boundaries = parse_boundaries(text, properties, &known).map_err(MonitorError::Refused)?;
    let mut stored_count = 0;
    for boundary in &boundaries {
        stored_count += stored::set_geometry(&mut tx, &boundary.code, &boundary.geometry.to_geojson()).await?;
    }
    let details = serde_json::json!({ "boundaries": stored_count });
    audit::record(&mut tx, now, &actor.change("areas.boundaries", "area", None, details)).await?;
    tx.commit().await?;
    Ok(stored_count)
}

/// An indicator as typed in a form: every field as text, checked by [`create_indicator`] and
/// [`update_indicator`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorDraft {
    /// Code; upper-cased when checked.
    pub code: String,
    /// Name.
    pub name: String,
    /// Definition.
    pub definition: String,
    /// A [`Unit`] code.
    pub unit: String,
    /// A [`Direction`] code.
    pub direction: String,
    /// A [`Theme`] code.
    pub theme: String,
    /// An [`IndicatorKind`] code.
    pub kind: String,
    /// Where the figures come from.
    pub source: String,
    /// The owning partner's id, or empty for the municipality.
    pub owner_partner: String,
    /// An [`IndicatorStatus`] code.
    pub status: String,
    /// Whether it is a key indicator.
    pub is_key: bool,
    /// Whether the public may see it.
    pub is_published: bool,
    /// Decimals to show, 0–6.
    pub decimals: String,
    /// The ids of its programmes.
    pub programmes: Vec<String>,
}

impl IndicatorDraft {
    /// The draft of a stored indicator.
    pub fn of(indicator: &Indicator, programmes: &[Id<Programme>]) -> IndicatorDraft {
        IndicatorDraft {
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            definition: indicator.definition.clone(),
            unit: indicator.unit.code().to_owned(),
            direction: indicator.direction.code().to_owned(),
            theme: indicator.theme.code().to_owned(),
            kind: indicator.kind.code().to_owned(),
            source: indicator.source.clone(),
            owner_partner: indicator.owner_partner_id.map(|id| id.to_string()).unwrap_or_default(),
            status: indicator.status.code().to_owned(),
            is_key: indicator.is_key,
            is_published: indicator.is_published,
            decimals: indicator.decimals.to_string(),
            programmes: programmes.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The longest indicator name and source accepted.
const MAX_INDICATOR_LINE: usize = 300;
/// The longest definition accepted.
const MAX_INDICATOR_TEXT: usize = 5_000;

/// Whether `code` (already upper-cased) is 2–40 characters of A–Z, 0–9 and `_`.
fn valid_indicator_code(code: &str) -> bool {
    (2..=40).contains(&code.len())
        && code
            .chars()
            .all(|character| character.is_ascii_uppercase() || character.is_ascii_digit() || character == '_')
}

/// Checks `draft` against the stored partners, programmes and codes (`except` is the indicator
/// being edited): the input to store, or every problem as (field, Fluent message id).
async fn check_indicator(
    tx: &mut Tx,
    draft: &IndicatorDraft,
    except: Option<Id<Indicator>>,
) -> Result<stored::IndicatorInput, MonitorError> {
    fn vocabulary<T: std::str::FromStr>(
        problems: &mut Vec<(&'static str, &'static str)>,
        field: &'static str,
        text: &str,
    ) -> Option<T> {
        let parsed = text.trim().parse().ok();
        if parsed.is_none() {
            problems.push((field, "error-choose-from-list"));
        }
        parsed
    }
    let mut problems: Vec<(&'static str, &'static str)> = Vec::new();
    let code = draft.code.trim().to_uppercase();
    if !valid_indicator_code(&code) {
        problems.push(("code", "error-indicator-code"));
    } else if stored::indicator_code_taken(tx, &code, except).await? {
        problems.push(("code", "error-indicator-code-taken"));
    }
    let name = draft.name.trim().to_owned();
    if name.is_empty() {
        problems.push(("name", "error-indicator-name"));
    } else if name.chars().count() > MAX_INDICATOR_LINE {
        problems.push(("name", "error-indicator-too-long"));
    }
    let definition = draft.definition.trim().to_owned();
    if definition.is_empty() {
        problems.push(("definition", "error-indicator-definition"));
    } else if definition.chars().count() > MAX_INDICATOR_TEXT {
        problems.push(("definition", "error-indicator-too-long"));
    }
    let unit: Option<Unit> = vocabulary(&mut problems, "unit", &draft.unit);
    let direction: Option<Direction> = vocabulary(&mut problems, "direction", &draft.direction);
    let theme: Option<Theme> = vocabulary(&mut problems, "theme", &draft.theme);
    let kind: Option<IndicatorKind> = vocabulary(&mut problems, "kind", &draft.kind);
    let source = draft.source.trim().to_owned();
    if source.chars().count() > MAX_INDICATOR_LINE {
        problems.push(("source", "error-indicator-too-long"));
    }
    let owner_partner_id = match draft.owner_partner.trim() {
        "" => None,
        text => {
            let known = partners::list(tx).await?;
            match text.parse::<i64>().ok().filter(|id| known.iter().any(|partner| partner.id.get() == *id)) {
                Some(id) => Some(id),
                None => {
                    problems.push(("owner", "error-choose-from-list"));
                    None
                }
            }
        }
    };
    let status: Option<IndicatorStatus> = vocabulary(&mut problems, "status", &draft.status);
    let decimals = match draft.decimals.trim().parse::<u8>() {
        Ok(decimals) if decimals <= 6 => Some(decimals),
        _ => {
            problems.push(("decimals", "error-indicator-decimals"));
            None
        }
    };
    let known_programmes: HashSet<i64> =
        stored::programmes(tx).await?.iter().map(|programme| programme.id.get()).collect();
    let mut programme_ids = Vec::new();
    for text in &draft.programmes {
        match text.trim().parse::<i64>().ok().filter(|id| known_programmes.contains(id)) {
            Some(id) if !programme_ids.contains(&Id::new(id)) => programme_ids.push(Id::new(id)),
            Some(_) => {}
            None => {
                if !problems.iter().any(|(field, _)| *field == "programmes") {
                    problems.push(("programmes", "error-indicator-programme"));
                }
            }
        }
    }
    match (unit, direction, theme, kind, status, decimals) {
        (Some(unit), Some(direction), Some(theme), Some(kind), Some(status), Some(decimals)) if problems.is_empty() => {
            Ok(stored::IndicatorInput {
                code,
                name,
                definition,
                unit,
                direction,
                theme,
                kind,
                source,
                owner_partner_id,
                status,
                is_key: draft.is_key,
                is_published: draft.is_published,
                decimals,
                programme_ids,
            })
        }
        _ => Err(MonitorError::Fields(problems)),
    }
}

/// The audit details of an indicator as stored.
fn indicator_details(input: &stored::IndicatorInput) -> serde_json::Value {
    serde_json::json!({
        "code": input.code,
        "name": input.name,
        "definition": input.definition,
        "unit": input.unit.code(),
        "direction": input.direction.code(),
        "theme": input.theme.code(),
        "kind": input.kind.code(),
        "source": input.source,
        "owner_partner_id": input.owner_partner_id,
        "status": input.status.code(),
        "is_key": input.is_key,
        "is_published": input.is_published,
        "decimals": input.decimals,
        "programme_ids": input.programme_ids.iter().map(|id| id.get()).collect::<Vec<_>>(),
    })
}

/// Adds an indicator (college and admin). Every problem of the draft is refused at once as
/// [`MonitorError::Fields`]. Audited. Returns the stored code.
pub async fn create_indicator(
    store: &Store,
    draft: &IndicatorDraft,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<String, MonitorError> {
    if !may_edit(role) {
        return Err(MonitorError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let input = check_indicator(&mut tx, draft, None).await?;
    let body_id = people::body_id(&mut tx).await?.ok_or_else(no_municipality)?;
    let id = stored::create_indicator(&mut tx, body_id, &input, now).await?;
    let change = actor.change("indicator.create", "indicator", Some(id.get()), indicator_details(&input));
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(input.code)
}

/// Changes the indicator with `code` (any case) to `draft` (college and admin); its programme
/// links are replaced. Every problem is refused at once as [`MonitorError::Fields`]. Audited.
/// Returns the stored code, which may have changed.
pub async fn update_indicator(
    store: &Store,
    code: &str,
    draft: &IndicatorDraft,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<String, MonitorError> {
    if !may_edit(role) {
        return Err(MonitorError::Forbidden);
    }
    let mut tx = store.begin_write().await?;
    let wanted = code.trim();
    let id = stored::indicators(&mut tx)
        .await?
        .into_iter()
        .find(|indicator| indicator.code.eq_ignore_ascii_case(wanted))
        .map(|indicator| indicator.id)
        .ok_or_else(|| MonitorError::UnknownIndicator(wanted.to_owned()))?;
    let input = check_indicator(&mut tx, draft, Some(id)).await?;
    stored::update_indicator(&mut tx, id, &input, now).await?;
    let change = actor.change("indicator.update", "indicator", Some(id.get()), indicator_details(&input));
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(input.code)
}
