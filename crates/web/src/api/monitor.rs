//! The monitor's JSON API: areas, indicators, measurements (filtered and paged) and an area's
//! analysis. The public sees adopted, published indicators; signed-in staff every indicator.

use std::collections::BTreeMap;

use axum::Extension;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, AnalysisReport, IndicatorReport, MeasurementQuery as Wanted};
use wijkbeeld_domain::analysis::{Coverage, Exclusion, TargetStatus};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Direction, IndicatorKind, IndicatorStatus, Theme, Unit};
use wijkbeeld_domain::period::Period;

use super::{ApiError, Errors, Json, schemas};
use crate::AppState;

/// The most measurements one page of `/api/v1/measurements` holds.
pub(crate) const MAX_PAGE: i64 = 10_000;

/// An area: the gemeente, a wijk or a buurt.
#[derive(Serialize, ToSchema)]
#[schema(as = Area)]
pub(crate) struct AreaItem {
    /// CBS code.
    #[schema(examples("WK016401"))]
    code: String,
    name: String,
    #[schema(value_type = schemas::AreaLevel)]
    level: AreaLevel,
    /// The CBS code of the area it lies in; null for the gemeente.
    parent: Option<String>,
    /// Whether its boundary is known (for maps).
    has_boundary: bool,
}

/// The query of `/api/v1/areas`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AreaQuery {
    /// Only areas of this level.
    #[param(value_type = Option<schemas::AreaLevel>)]
    level: Option<String>,
}

fn parse_level(text: Option<&str>) -> Result<Option<AreaLevel>, ApiError> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(|text| text.parse().map_err(|_| ApiError::bad_request(Some("level"), "level is gemeente, wijk or buurt.")))
        .transpose()
}

fn parse_period(field: &str, text: Option<&str>) -> Result<Option<Period>, ApiError> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(|text| {
            text.parse()
                .map_err(|_| ApiError::bad_request(Some(field), "a period is a year (2024) or a quarter (2024-Q2)."))
        })
        .transpose()
}

/// Areas: the gemeente, its wijken and buurten with CBS codes.
#[utoipa::path(
    get,
    path = "/api/v1/areas",
    params(AreaQuery),
    security((), ("token" = [])),
    responses(
        (status = 200, description = "Areas", body = Vec<AreaItem>),
        (status = 400, description = "The level is not one of the codes", body = Errors),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
        (status = 404, description = "No municipality is served", body = Errors),
    ),
)]
pub(crate) async fn areas(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<AreaQuery>,
) -> Result<Json<Vec<AreaItem>>, ApiError> {
    let level = parse_level(query.level.as_deref())?;
    let (frame, with_boundary) = monitor::areas_and_indicators(state.app(), &caller).await?;
    let items = frame
        .areas()
        .iter()
        .filter(|area| level.is_none_or(|level| area.level == level))
        .map(|area| AreaItem {
            code: area.code.to_string(),
            name: area.name.clone(),
            level: area.level,
            parent: area.parent_id.and_then(|id| frame.area_by_id(id)).map(|parent| parent.code.to_string()),
            has_boundary: with_boundary.contains(&area.id),
        })
        .collect();
    Ok(Json(items))
}

/// A success indicator.
#[derive(Serialize, ToSchema)]
#[schema(as = Indicator)]
pub(crate) struct IndicatorItem {
    code: String,
    name: String,
    definition: String,
    #[schema(value_type = schemas::Unit)]
    unit: Unit,
    #[schema(value_type = schemas::Direction)]
    direction: Direction,
    #[schema(value_type = schemas::Theme)]
    theme: Theme,
    #[schema(value_type = schemas::IndicatorKind)]
    kind: IndicatorKind,
    /// Where the figures come from.
    source: String,
    #[schema(value_type = schemas::IndicatorStatus)]
    status: IndicatorStatus,
    /// Whether it is one of the key indicators.
    is_key: bool,
    is_published: bool,
    /// Whether it counts in the wijk index.
    counts_in_index: bool,
    /// The decimals its values are shown with.
    decimals: u8,
}

/// Indicators the caller may see.
#[utoipa::path(
    get,
    path = "/api/v1/indicators",
    security((), ("token" = [])),
    responses(
        (status = 200, description = "Indicators", body = Vec<IndicatorItem>),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
        (status = 404, description = "No municipality is served", body = Errors),
    ),
)]
pub(crate) async fn indicators(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Result<Json<Vec<IndicatorItem>>, ApiError> {
    let frame = monitor::catalogue(state.app(), &caller).await?;
    Ok(Json(
        frame
            .indicators()
            .iter()
            .map(|indicator| IndicatorItem {
                code: indicator.code.clone(),
                name: indicator.name.clone(),
                definition: indicator.definition.clone(),
                unit: indicator.unit,
                direction: indicator.direction,
                theme: indicator.theme,
                kind: indicator.kind,
                source: indicator.source.clone(),
                status: indicator.status,
                is_key: indicator.is_key,
                is_published: indicator.is_published,
                counts_in_index: monitor::counts_in_index(indicator),
                decimals: indicator.decimals,
            })
            .collect(),
    ))
}

/// The query of `/api/v1/measurements`: filters and the page.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct MeasurementQuery {
    /// CBS code.
    area: Option<String>,
    /// Indicator code.
    indicator: Option<String>,
    /// Only areas of this level.
    #[param(value_type = Option<schemas::AreaLevel>)]
    level: Option<String>,
    /// From this period.
    #[param(value_type = Option<schemas::Period>)]
    from: Option<String>,
    /// Up to and including this period.
    #[param(value_type = Option<schemas::Period>)]
    until: Option<String>,
    /// 1 to 10000, default 1000.
    #[param(minimum = 1, maximum = 10000, default = 1000)]
    limit: Option<i64>,
    /// Default 0.
    #[param(minimum = 0, default = 0)]
    offset: Option<i64>,
}

/// One measured value of an indicator for an area and period.
#[derive(Serialize, ToSchema)]
#[schema(as = Measurement)]
pub(crate) struct MeasurementItem {
    /// CBS code.
    area: String,
    /// Indicator code.
    indicator: String,
    #[schema(value_type = schemas::Period)]
    period: Period,
    value: f64,
    /// How many answered, for a survey.
    sample_size: Option<u32>,
    /// The margin of error, in the indicator's unit.
    margin: Option<f64>,
    source_note: Option<String>,
}

/// A page of measurements.
#[derive(Serialize, ToSchema)]
pub(crate) struct MeasurementPage {
    items: Vec<MeasurementItem>,
    limit: i64,
    offset: i64,
    /// Whether another page may follow (this page is full).
    more: bool,
}

/// Measurements, filtered and paged.
#[utoipa::path(
    get,
    path = "/api/v1/measurements",
    params(MeasurementQuery),
    security((), ("token" = [])),
    responses(
        (status = 200, description = "A page of measurements", body = MeasurementPage),
        (status = 400, description = "A parameter is not valid", body = Errors),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
        (status = 404, description = "No such area or indicator, or no municipality is served", body = Errors),
    ),
)]
pub(crate) async fn measurements(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<MeasurementQuery>,
) -> Result<Json<MeasurementPage>, ApiError> {
    let limit = query.limit.unwrap_or(1000);
    if !(1..=MAX_PAGE).contains(&limit) {
        return Err(ApiError::bad_request(Some("limit"), "limit is from 1 to 10000."));
    }
    let offset = query.offset.unwrap_or(0);
    if offset < 0 {
        return Err(ApiError::bad_request(Some("offset"), "offset is 0 or more."));
    }
    let wanted = Wanted {
        area: query.area,
        indicator: query.indicator,
        level: parse_level(query.level.as_deref())?,
        from: parse_period("from", query.from.as_deref())?,
        until: parse_period("until", query.until.as_deref())?,
        limit,
        offset,
    };
    let page = monitor::measurements(state.app(), &caller, &wanted).await?;
    let frame = &page.frame;
    let items = page
        .measurements
        .into_iter()
        .filter_map(|measurement| {
            Some(MeasurementItem {
                area: frame.area_by_id(measurement.area_id)?.code.to_string(),
                indicator: frame
                    .indicators()
                    .iter()
                    .find(|indicator| indicator.id == measurement.indicator_id)?
                    .code
                    .clone(),
                period: measurement.period,
                value: measurement.value,
                sample_size: measurement.sample_size,
                margin: measurement.margin,
                source_note: measurement.source_note,
            })
        })
        .collect();
    Ok(Json(MeasurementPage { items, limit, offset, more: page.more }))
}

/// The query of `/api/v1/areas/{code}/analysis`.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct AnalysisQuery {
    /// Default: the latest period in which most areas have most of the index's indicators.
    #[param(value_type = Option<schemas::Period>)]
    period: Option<String>,
}

/// An area's analysis in one period: the wijk index, its theme scores and each indicator's
/// reading.
#[derive(Serialize, ToSchema)]
pub(crate) struct Analysis {
    /// CBS code.
    area: String,
    name: String,
    /// The period looked at.
    #[schema(value_type = schemas::Period)]
    period: Period,
    /// The index's base period.
    #[schema(value_type = Option<schemas::Period>)]
    base_period: Option<Period>,
    /// The wijk index: null where fewer than half of its indicators have a score.
    index: Option<f64>,
    /// How many of the index's indicators have a score; null where the level has no index.
    index_indicators: Option<IndicatorCount>,
    /// The index over objective indicators (null below half of them).
    index_objective: Option<f64>,
    /// How many of the objective indicators have a score.
    index_objective_indicators: Option<IndicatorCount>,
    /// The index over subjective indicators (null below half of them).
    index_subjective: Option<f64>,
    /// How many of the subjective indicators have a score.
    index_subjective_indicators: Option<IndicatorCount>,
    /// Each theme's score (null where fewer than half of its indicators have a score).
    #[schema(value_type = BTreeMap<schemas::Theme, Option<f64>>)]
    themes: BTreeMap<Theme, Option<f64>>,
    /// How many of each theme's indicators have a score.
    #[schema(value_type = BTreeMap<schemas::Theme, IndicatorCount>)]
    theme_indicators: BTreeMap<Theme, IndicatorCount>,
    indicators: Vec<AnalysisIndicator>,
}

/// How many indicators a score rests on: `scored` of the `of` it is built from. A score is
/// given only when `scored` is at least half of `of`.
#[derive(Serialize, ToSchema)]
pub(crate) struct IndicatorCount {
    /// The indicators with a score.
    scored: usize,
    /// The indicators the score is built from.
    of: usize,
}

impl From<Coverage> for IndicatorCount {
    fn from(coverage: Coverage) -> Self {
        let Coverage { scored, of } = coverage;
        IndicatorCount { scored, of }
    }
}

/// One indicator's reading in an area's analysis.
#[derive(Serialize, ToSchema)]
pub(crate) struct AnalysisIndicator {
    code: String,
    name: String,
    #[schema(value_type = schemas::Theme)]
    theme: Theme,
    /// The period of the latest value.
    #[schema(value_type = Option<schemas::Period>)]
    value_period: Option<Period>,
    /// The latest value at or before the period looked at.
    value: Option<f64>,
    /// Its score on the index's scale.
    score: Option<f64>,
    /// Why it has no score, when it counts in the index but cannot be scored.
    #[schema(value_type = Option<schemas::Exclusion>)]
    excluded: Option<Exclusion>,
    /// Change since the previous period.
    change_previous: Option<f64>,
    /// Whether that change exceeds the margins of error.
    change_previous_is_real: Option<bool>,
    /// Change since the baseline.
    change_baseline: Option<f64>,
    /// Trend per year over the last periods.
    trend_per_year: Option<f64>,
    /// The city's value in the same period.
    city_value: Option<f64>,
    /// Status against the target that applies.
    #[schema(value_type = Option<schemas::TargetStatus>)]
    target_status: Option<TargetStatus>,
}

// Every field is named, without `..`, so that a field added to the use case's report is a
// compile error here until the API decides whether to send it (and so describe it).
impl From<AnalysisReport> for Analysis {
    fn from(report: AnalysisReport) -> Self {
        let AnalysisReport {
            area,
            name,
            period,
            base_period,
            index,
            index_coverage,
            index_objective,
            index_objective_coverage,
            index_subjective,
            index_subjective_coverage,
            themes,
            theme_coverage,
            indicators,
        } = report;
        Analysis {
            area,
            name,
            period,
            base_period,
            index,
            index_indicators: index_coverage.map(IndicatorCount::from),
            index_objective,
            index_objective_indicators: index_objective_coverage.map(IndicatorCount::from),
            index_subjective,
            index_subjective_indicators: index_subjective_coverage.map(IndicatorCount::from),
            themes,
            theme_indicators: theme_coverage.into_iter().map(|(theme, coverage)| (theme, coverage.into())).collect(),
            indicators: indicators.into_iter().map(AnalysisIndicator::from).collect(),
        }
    }
}

impl From<IndicatorReport> for AnalysisIndicator {
    fn from(report: IndicatorReport) -> Self {
        let IndicatorReport {
            code,
            name,
            theme,
            value_period,
            value,
            score,
            excluded,
            change_previous,
            change_previous_is_real,
            change_baseline,
            trend_per_year,
            city_value,
            target_status,
        } = report;
        AnalysisIndicator {
            code,
            name,
            theme,
            value_period,
            value,
            score,
            excluded,
            change_previous,
            change_previous_is_real,
            change_baseline,
            trend_per_year,
            city_value,
            target_status,
        }
    }
}

/// An area's analysis: index, theme scores, and per indicator value, score, change, trend and target status.
#[utoipa::path(
    get,
    path = "/api/v1/areas/{code}/analysis",
    params(("code" = String, Path, description = "CBS code, e.g. WK016401"), AnalysisQuery),
    security((), ("token" = [])),
    responses(
        (status = 200, description = "The analysis", body = Analysis),
        (status = 400, description = "The period is not valid", body = Errors),
        (status = 401, description = "The API token is unknown or revoked", body = Errors),
        (status = 404, description = "No such area, or no data for it", body = Errors),
    ),
)]
pub(crate) async fn analysis(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(code): Path<String>,
    Query(query): Query<AnalysisQuery>,
) -> Result<Json<Analysis>, ApiError> {
    let period = parse_period("period", query.period.as_deref())?;
    let profile = monitor::area_profile(state.app(), &caller, &code, period).await?;
    Ok(Json(profile.report().into()))
}
