//! The monitor's JSON API: areas, indicators, measurements (filtered and paged) and an area's
//! analysis. The public sees adopted, published indicators; signed-in staff every indicator.

use axum::Extension;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, AnalysisReport, MeasurementQuery as Wanted};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Direction, IndicatorKind, IndicatorStatus, Theme, Unit};
use wijkbeeld_domain::period::Period;

use super::{ApiError, Json};
use crate::AppState;

/// The most measurements one page of `/api/v1/measurements` holds.
pub(crate) const MAX_PAGE: i64 = 10_000;

#[derive(Serialize)]
pub(crate) struct AreaItem {
    code: String,
    name: String,
    level: AreaLevel,
    parent: Option<String>,
    has_boundary: bool,
}

#[derive(Deserialize)]
pub(crate) struct AreaQuery {
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

/// `GET /api/v1/areas[?level=wijk]`.
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

#[derive(Serialize)]
pub(crate) struct IndicatorItem {
    code: String,
    name: String,
    definition: String,
    unit: Unit,
    direction: Direction,
    theme: Theme,
    kind: IndicatorKind,
    source: String,
    status: IndicatorStatus,
    is_key: bool,
    is_published: bool,
    counts_in_index: bool,
    decimals: u8,
}

/// `GET /api/v1/indicators`.
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

#[derive(Deserialize)]
pub(crate) struct MeasurementQuery {
    area: Option<String>,
    indicator: Option<String>,
    level: Option<String>,
    from: Option<String>,
    until: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

#[derive(Serialize)]
pub(crate) struct MeasurementItem {
    area: String,
    indicator: String,
    period: Period,
    value: f64,
    sample_size: Option<u32>,
    margin: Option<f64>,
    source_note: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct MeasurementPage {
    items: Vec<MeasurementItem>,
    limit: i64,
    offset: i64,
    /// Whether another page may follow (this page is full).
    more: bool,
}

/// `GET /api/v1/measurements?area=&indicator=&level=&from=&until=&limit=&offset=`.
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

#[derive(Deserialize)]
pub(crate) struct AnalysisQuery {
    period: Option<String>,
}

/// `GET /api/v1/areas/{code}/analysis[?period=2024]`.
pub(crate) async fn analysis(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(code): Path<String>,
    Query(query): Query<AnalysisQuery>,
) -> Result<Json<AnalysisReport>, ApiError> {
    let period = parse_period("period", query.period.as_deref())?;
    let profile = monitor::area_profile(state.app(), &caller, &code, period).await?;
    Ok(Json(profile.report()))
}
