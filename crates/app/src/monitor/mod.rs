//! The neighbourhood monitor: an area's profile (its index and every indicator read for one
//! period), the city overview, one indicator across all areas, importing figures, areas and
//! boundaries, and keeping indicators, targets and CBS mappings.
//!
//! The public sees indicators that are adopted (vastgesteld) and published; those who see what
//! is internal see every indicator. The index counts only adopted, published indicators, so
//! that anyone can recompute it from what the dashboard shows.

mod cache;
mod imports;
mod indicator;
mod indicators;
mod overview;
mod profile;
pub mod settings;

use std::collections::HashMap;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::analysis::{Point, default_base_period};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::import::Problems;
use wijkbeeld_domain::monitor::{Area, Indicator, IndicatorStatus, Measurement};
use wijkbeeld_domain::people::Body;
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::monitor as stored;
use wijkbeeld_store::{StoreError, Tx};

use cache::SharedPeriods;
pub use cache::{Frame, IndexCache};
pub use imports::{
    ImportGuide, ImportOutcome, ImportPreview, MAX_PREVIEW_ROWS, PENDING_IMPORT_LIFETIME, PreviewRow, RowChange,
    check_measurements, discard_pending_import, import_areas, import_boundaries, import_guide, import_measurements,
    pending_import, store_pending_import,
};
pub use indicator::{IndicatorRow, IndicatorView, indicator_view};
pub use indicators::{
    IndicatorDraft, IndicatorForm, create_indicator, edit_indicator, indicators, new_indicator, update_indicator,
};
pub use overview::{CityOverview, OverviewRow, city_overview};
pub use profile::{AnalysisReport, AreaAgenda, AreaProfile, Card, ChildRow, IndicatorReport, area_profile};
pub use wijkbeeld_store::market::SessionOrigin;

use crate::{App, Caller, Denied, NoMunicipality};

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
    /// The caller may not change the monitor.
    #[error("only the college keeps the monitor's figures")]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// A form's input was refused: every problem as (field, Fluent message id), in the order
    /// of the form.
    #[error("the input was refused: {0:?}")]
    Fields(Vec<(&'static str, &'static str)>),
    /// No checked file of the caller's has this token: it was stored already, or was never
    /// theirs.
    #[error("there is no such checked file waiting to be stored; it may have been stored already")]
    PendingGone,
    /// The checked file waited longer than [`PENDING_IMPORT_LIFETIME`]; check it again.
    #[error("the checked file has expired; check it again")]
    PendingExpired,
    /// An imported file was refused; every problem with its place.
    #[error("the file was refused, nothing was changed: {0}")]
    Refused(Problems),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
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
    /// The audience a caller is: staff when the caller sees what is internal.
    pub fn of(caller: &Caller) -> Audience {
        if caller.may(Permission::SeeInternal) { Audience::Staff } else { Audience::Public }
    }

    /// Whether this audience sees `indicator`.
    pub fn sees(self, indicator: &Indicator) -> bool {
        self == Audience::Staff || counts_in_index(indicator)
    }
}

/// Whether `indicator` counts in the index: adopted and published.
pub fn counts_in_index(indicator: &Indicator) -> bool {
    indicator.status == IndicatorStatus::Adopted && indicator.is_published
}

/// The index's base period: the setting [`stored::BASE_YEAR`] when set, else the first year of
/// `periods` (those with data at the level).
async fn base_period(tx: &mut Tx, periods: &[Period]) -> Result<Option<Period>, StoreError> {
    if let Some(year) = wijkbeeld_store::settings::get(tx, stored::BASE_YEAR).await?
        && let Ok(period) = year.trim().parse::<Period>()
    {
        return Ok(Some(period));
    }
    Ok(default_base_period(periods.iter().copied()))
}

/// The period looked at: the one asked for, else the latest in which most areas of `level` (the
/// gemeente's: the wijken) have most of the index's indicators
/// ([`wijkbeeld_domain::analysis::default_period`]). Returns it with every period with data at
/// `level`.
async fn period_to_show(
    tx: &mut Tx,
    cache: &IndexCache,
    frame: &Frame,
    level: AreaLevel,
    asked: Option<Period>,
) -> Result<(Period, SharedPeriods), MonitorError> {
    let level = if level == AreaLevel::Municipality { AreaLevel::District } else { level };
    let periods = cache.periods(tx, frame.body(), level).await?;
    let period = match asked {
        Some(period) => period,
        None => cache.default_period(tx, frame, level, &periods).await?.ok_or(MonitorError::NoData)?,
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

/// What a page across the areas of one level starts from: the transaction it reads in, the
/// frame, the period looked at with every period with data, the index's yardsticks, the
/// level's boundaries, and whether the figures are the demo's.
struct AcrossAreas {
    tx: Tx,
    body: Id<Body>,
    frame: Frame,
    period: Period,
    periods: SharedPeriods,
    model: Option<std::sync::Arc<wijkbeeld_domain::analysis::IndexModel>>,
    boundaries: HashMap<Id<Area>, String>,
    synthetic: bool,
}

/// Starts a page that compares the wijken or buurten (`level`) in `asked` (default: see
/// [`period_to_show`]); the gemeente alone has nothing to compare with.
async fn across_areas(
    app: &App,
    caller: &Caller,
    level: AreaLevel,
    asked: Option<Period>,
) -> Result<AcrossAreas, MonitorError> {
    if level == AreaLevel::Municipality {
        return Err(MonitorError::Invalid("a page across areas compares wijken or buurten".into()));
    }
    let cache = app.index_cache();
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let synthetic = wijkbeeld_store::demo::anchor(&mut tx).await?.is_some();
    let boundaries = stored::geometries(&mut tx, body, level).await?;
    let frame = frame(app, &mut tx, caller).await?;
    let (period, periods) = period_to_show(&mut tx, cache, &frame, level, asked).await?;
    let model = frame.index_model(&mut tx, cache, level, &periods).await?;
    Ok(AcrossAreas { tx, body, frame, period, periods, model, boundaries, synthetic })
}

/// The frame (areas, the indicators the caller's audience sees, targets) of the caller's
/// municipality, from the app's cache while the data has not changed.
async fn frame(app: &App, tx: &mut Tx, caller: &Caller) -> Result<Frame, MonitorError> {
    Ok(Frame::load(tx, app.index_cache(), caller.body()?, Audience::of(caller)).await?)
}

/// The areas, indicators and targets of the caller's municipality, of the indicators the
/// caller sees.
pub async fn catalogue(app: &App, caller: &Caller) -> Result<Frame, MonitorError> {
    let mut tx = app.store().begin().await?;
    let frame = frame(app, &mut tx, caller).await?;
    tx.commit().await?;
    Ok(frame)
}

/// The catalogue with the areas that have a boundary: what the API's list of areas gives.
pub async fn areas_and_indicators(app: &App, caller: &Caller) -> Result<(Frame, Vec<Id<Area>>), MonitorError> {
    let mut tx = app.store().begin().await?;
    let frame = frame(app, &mut tx, caller).await?;
    let mut with_boundary = Vec::new();
    for level in [AreaLevel::Municipality, AreaLevel::District, AreaLevel::Neighbourhood] {
        with_boundary.extend(stored::geometries(&mut tx, caller.body()?, level).await?.into_keys());
    }
    tx.commit().await?;
    Ok((frame, with_boundary))
}

/// One page of measurements as the API gives them.
#[derive(Debug, Clone)]
pub struct MeasurementPage {
    /// The frame the codes are read from.
    pub frame: Frame,
    /// The measurements, at most the limit asked for.
    pub measurements: Vec<Measurement>,
    /// Whether another page may follow.
    pub more: bool,
}

/// What the API's measurement list asks for.
#[derive(Debug, Clone, Default)]
pub struct MeasurementQuery {
    /// One area's code.
    pub area: Option<String>,
    /// One indicator's code.
    pub indicator: Option<String>,
    /// One level.
    pub level: Option<AreaLevel>,
    /// From this period.
    pub from: Option<Period>,
    /// Until this period.
    pub until: Option<Period>,
    /// At most this many.
    pub limit: i64,
    /// After skipping this many.
    pub offset: i64,
}

/// The measurements that match `query`, of the indicators the caller sees only (the public never
/// gets figures of the others).
pub async fn measurements(
    app: &App,
    caller: &Caller,
    query: &MeasurementQuery,
) -> Result<MeasurementPage, MonitorError> {
    let mut tx = app.store().begin().await?;
    let frame = frame(app, &mut tx, caller).await?;
    let mut filter = stored::MeasurementFilter {
        level: query.level,
        from: query.from,
        until: query.until,
        // One more than asked, to know whether another page follows.
        limit: Some(query.limit + 1),
        offset: query.offset,
        ..stored::MeasurementFilter::default()
    };
    if let Some(code) = query.area.as_deref().filter(|code| !code.trim().is_empty()) {
        filter.areas = Some(vec![frame.area(code)?.id]);
    }
    filter.indicators = Some(match query.indicator.as_deref().filter(|code| !code.trim().is_empty()) {
        Some(code) => vec![frame.indicator(code)?.id],
        None => frame.indicators().iter().map(|indicator| indicator.id).collect(),
    });
    let mut measurements = stored::measurements(&mut tx, caller.body()?, &filter).await?;
    tx.commit().await?;
    let more = measurements.len() as i64 > query.limit;
    measurements.truncate(usize::try_from(query.limit).unwrap_or(0));
    Ok(MeasurementPage { frame, measurements, more })
}
