//! What every monitor page reads the same way, kept in memory per data version and body.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use wijkbeeld_domain::Id;
use wijkbeeld_domain::analysis::{IndexIndicator, IndexModel, Point, default_period};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Area, Direction, Indicator, Target};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};
use wijkbeeld_store::{StoreError, Tx};

use super::{Audience, MonitorError, base_period, counts_in_index, series_by_key};

/// What every monitor page reads the same way, kept in memory per data version (which every change
/// of figures, areas, indicators or targets raises): the areas, indicators and targets, the
/// periods with data per level, the gemeente's series, and the index's yardsticks per level and
/// base period. The periods and yardsticks read every measurement of a level, which a page
/// should not do on every request.
#[derive(Debug, Default)]
pub struct IndexCache {
    models: Mutex<HashMap<ModelKey, Arc<IndexModel>>>,
    periods: Mutex<HashMap<PeriodsKey, SharedPeriods>>,
    defaults: Mutex<HashMap<PeriodsKey, Option<Period>>>,
    frames: Mutex<HashMap<Id<Body>, VersionedFrame>>,
    city: Mutex<Option<CachedCity>>,
}

/// An index model's key: the data version, the body, the level and the base period.
type ModelKey = (i64, Id<Body>, AreaLevel, Period);
/// A list of periods' key: the data version, the body and the level.
type PeriodsKey = (i64, Id<Body>, AreaLevel);
/// A body's frame with the data version it was read at.
type VersionedFrame = (i64, Arc<FrameData>);

/// The gemeente's series as of one data version.
#[derive(Debug)]
struct CachedCity {
    version: i64,
    city: Id<Area>,
    series: Arc<CitySeries>,
}

/// The gemeente's series per indicator, in time order: beside every profile.
pub(super) type CitySeries = HashMap<Id<Indicator>, Vec<Point>>;

/// The periods with data at one level, in time order, shared between requests.
pub(super) type SharedPeriods = Arc<Vec<Period>>;

/// What every monitor page starts from, whoever looks: every area, indicator and target, and
/// what each audience sees of them. Shared by every request of one data version, so that a
/// page does not copy a thousand areas before it starts.
#[derive(Debug)]
struct FrameData {
    body: Id<Body>,
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
    pub(super) async fn city_series(
        &self,
        tx: &mut Tx,
        body: Id<Body>,
        city: Id<Area>,
    ) -> Result<Arc<CitySeries>, StoreError> {
        let version = stored::data_version(tx).await?;
        if let Some(cached) = self.city.lock().map_err(|_| poisoned())?.as_ref()
            && cached.version == version
            && cached.city == city
        {
            return Ok(Arc::clone(&cached.series));
        }
        let measurements =
            stored::measurements(tx, body, &MeasurementFilter { areas: Some(vec![city]), ..Default::default() })
                .await?;
        let series: CitySeries =
            series_by_key(&measurements).into_iter().map(|((indicator, _), points)| (indicator, points)).collect();
        let series = Arc::new(series);
        *self.city.lock().map_err(|_| poisoned())? = Some(CachedCity { version, city, series: Arc::clone(&series) });
        Ok(series)
    }

    /// Every area, indicator and target of `body`: the same for every request until the data
    /// changes.
    async fn frame(&self, tx: &mut Tx, body: Id<Body>) -> Result<Arc<FrameData>, StoreError> {
        let version = stored::data_version(tx).await?;
        if let Some((known, data)) = self.frames.lock().map_err(|_| poisoned())?.get(&body)
            && *known == version
        {
            return Ok(Arc::clone(data));
        }
        let indicators = stored::indicators(tx, body).await?;
        let targets = stored::targets(tx, body).await?;
        let data = Arc::new(FrameData {
            body,
            areas: stored::areas(tx, body).await?,
            public: Visible::to(Audience::Public, &indicators, &targets),
            staff: Visible::to(Audience::Staff, &indicators, &targets),
            indicators,
        });
        self.frames.lock().map_err(|_| poisoned())?.insert(body, (version, Arc::clone(&data)));
        Ok(data)
    }

    /// Every period with data at `level` in `body`, in time order.
    pub(super) async fn periods(
        &self,
        tx: &mut Tx,
        body: Id<Body>,
        level: AreaLevel,
    ) -> Result<SharedPeriods, StoreError> {
        let version = stored::data_version(tx).await?;
        let key = (version, body, level);
        if let Some(periods) = self.periods.lock().map_err(|_| poisoned())?.get(&key) {
            return Ok(Arc::clone(periods));
        }
        let periods = Arc::new(stored::periods(tx, body, level).await?);
        let mut cached = self.periods.lock().map_err(|_| poisoned())?;
        cached.retain(|(known, _, _), _| *known == version);
        cached.insert(key, Arc::clone(&periods));
        Ok(periods)
    }

    /// The period shown when none is asked for at `level` (see
    /// [`wijkbeeld_domain::analysis::default_period`]): counted over the indicators the index is
    /// built from, whoever looks.
    pub(super) async fn default_period(
        &self,
        tx: &mut Tx,
        frame: &Frame,
        level: AreaLevel,
        periods: &[Period],
    ) -> Result<Option<Period>, StoreError> {
        let version = stored::data_version(tx).await?;
        let key = (version, frame.body(), level);
        if let Some(period) = self.defaults.lock().map_err(|_| poisoned())?.get(&key) {
            return Ok(*period);
        }
        let indicators: Vec<Id<Indicator>> = match frame.index_model(tx, self, level, periods).await? {
            Some(model) => model.scored_indicators().collect(),
            None => frame
                .all_indicators()
                .iter()
                .filter(|indicator| counts_in_index(indicator) && indicator.direction != Direction::Neutral)
                .map(|indicator| indicator.id)
                .collect(),
        };
        let coverage = stored::coverage(tx, frame.body(), level, &indicators).await?;
        let period = default_period(
            periods,
            coverage.into_iter().map(|(period, _, count)| (period, count)),
            frame.level(level).len(),
            indicators.len(),
        );
        let mut cached = self.defaults.lock().map_err(|_| poisoned())?;
        cached.retain(|(known, _, _), _| *known == version);
        cached.insert(key, period);
        Ok(period)
    }

    async fn model(
        &self,
        tx: &mut Tx,
        body: Id<Body>,
        indicators: &[Indicator],
        level: AreaLevel,
        base: Period,
    ) -> Result<Arc<IndexModel>, StoreError> {
        let version = stored::data_version(tx).await?;
        let key = (version, body, level, base);
        if let Some(model) = self.models.lock().map_err(|_| poisoned())?.get(&key) {
            return Ok(Arc::clone(model));
        }
        let model = Arc::new(build_index_model(tx, body, indicators, level, base).await?);
        let mut models = self.models.lock().map_err(|_| poisoned())?;
        models.retain(|(known, _, _, _), _| *known == version);
        models.insert(key, Arc::clone(&model));
        Ok(model)
    }
}

fn poisoned() -> StoreError {
    StoreError::Corrupt("the index cache was poisoned by a panic".into())
}

async fn build_index_model(
    tx: &mut Tx,
    body: Id<Body>,
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
    for measurement in stored::measurements_in(tx, body, level, base).await? {
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
    /// The frame of `body` for `audience`, from `cache` while the data has not changed.
    pub(super) async fn load(
        tx: &mut Tx,
        cache: &IndexCache,
        body: Id<Body>,
        audience: Audience,
    ) -> Result<Frame, StoreError> {
        Ok(Frame { data: cache.frame(tx, body).await?, audience })
    }

    /// The municipality the frame is of.
    pub(super) fn body(&self) -> Id<Body> {
        self.data.body
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
    pub(super) fn all_indicators(&self) -> &[Indicator] {
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
    pub(super) async fn index_model(
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
        Ok(Some(cache.model(tx, self.body(), self.all_indicators(), level, base).await?))
    }
}
