//! One indicator across the areas of a level (`/monitor/indicator/{code}`): map, sorted bars,
//! lines, the table, its targets and the session that proposed it; as CSV, XLSX and GeoJSON.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, IndicatorView};
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::analysis::Band;
use wijkbeeld_domain::dutch::long_date;
use wijkbeeld_domain::monitor::Direction;

use super::{
    MonitorQuery, Region, Scored, area_map, band_tone, compare_missing_last, legend_of_bands, level_choices,
    period_choices, points_of, signed, status_tone, value_text, year_label,
};
use crate::charts::{self, Bar, BarChart, Emphasis, LineChart, Series, TargetMark, Tone};
use crate::error::AppResult;
use crate::exports::{Table, TableFormat};
use crate::forms::Choice;
use crate::i18n::{Argument, vocabulary_id};
use crate::layout::Layout;
use crate::{AppError, AppState};

/// An area's line in the indicator's table.
pub(crate) struct IndicatorLine {
    name: String,
    href: String,
    value: String,
    scored: Option<Scored>,
    change: String,
    trend: String,
    target_status: Option<(String, &'static str)>,
}

/// A target in words.
pub(crate) struct TargetView {
    area: String,
    value: String,
    period: String,
    baseline: String,
    note: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/indicator.html")]
pub(crate) struct IndicatorPage {
    layout: Layout,
    synthetic: bool,
    code: String,
    name: String,
    definition: String,
    facts: Vec<(String, String)>,
    level: String,
    levels: Vec<Choice>,
    show_levels: bool,
    period: String,
    periods: Vec<Choice>,
    map: String,
    bars: String,
    lines: String,
    rows: Vec<IndicatorLine>,
    city_name: String,
    city_value: String,
    targets: Vec<TargetView>,
    excluded: Option<String>,
    /// What the scores compare with, when there are scores.
    reference: String,
    export_query: String,
    /// The council session that proposed the indicator: its text, and a link when the viewer
    /// may open the evening.
    origin: Option<(String, Option<String>)>,
    /// Whether the viewer may settle it (a candidate, to the college or the griffie).
    may_settle: bool,
}

pub(crate) async fn indicator(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<IndicatorPage> {
    let texts = layout.texts;
    let level = query.level()?;
    let view = monitor::indicator_view(state.app(), &caller, &code, level, query.period()?).await?;
    let synthetic = view.synthetic;
    let indicator = &view.indicator;
    let digits = usize::from(indicator.decimals);
    let tone_of = |row: &monitor::IndicatorRow| match (row.score, row.reading.target_status) {
        (Some(score), _) => band_tone(Band::of(score)),
        (None, Some(status)) => status_tone(status),
        (None, None) if row.reading.latest.is_some_and(|latest| latest.period == view.period) => Tone::Neutral,
        _ => Tone::Unknown,
    };
    let current = |row: &monitor::IndicatorRow| row.reading.latest.filter(|latest| latest.period == view.period);
    let regions = view
        .rows
        .iter()
        .map(|row| Region {
            area: row.area.clone(),
            value_label: match (current(row), Scored::of(&texts, row.score)) {
                (Some(latest), Some(scored)) => {
                    format!("{} · {} {}", value_text(&texts, indicator, latest.value), scored.marker, scored.band)
                }
                (Some(latest), None) => value_text(&texts, indicator, latest.value),
                (None, _) => texts.t("monitor-no-value"),
            },
            tone: tone_of(row),
            href: format!("/monitor/gebied/{}?periode={}", row.area.code, view.period),
        })
        .collect();
    let map_title = texts.with(
        "monitor-map-indicator-title",
        &[("indicator", Argument::Text(&indicator.name)), ("period", Argument::Text(&view.period.to_string()))],
    );
    let legend = if indicator.direction == Direction::Neutral { Vec::new() } else { legend_of_bands(&texts) };
    let map = area_map("kaart", &map_title, &view.boundaries, regions, legend);

    let mut sorted: Vec<&monitor::IndicatorRow> = view.rows.iter().collect();
    let good_first = indicator.direction != Direction::LowerIsBetter;
    sorted.sort_by(|left, right| {
        let value = |row: &monitor::IndicatorRow| current(row).map(|latest| latest.value);
        compare_missing_last(value(left), value(right), good_first)
    });
    let city_now = view.city.iter().find(|point| point.period == view.period).map(|point| point.value);
    let bars_title = texts.with(
        "monitor-bars-title",
        &[("indicator", Argument::Text(&indicator.name)), ("period", Argument::Text(&view.period.to_string()))],
    );
    let bars = charts::bar_chart(&BarChart {
        id: "staven",
        title: &bars_title,
        description: "",
        bars: sorted
            .iter()
            .map(|row| Bar {
                label: row.area.name.clone(),
                value: current(row).map(|latest| latest.value),
                value_label: current(row).map(|latest| value_text(&texts, indicator, latest.value)).unwrap_or_default(),
                tone: tone_of(row),
                highlight: false,
            })
            .collect(),
        reference: city_now.map(|city| {
            (city, format!("{} {}", view.city_name.clone().unwrap_or_default(), value_text(&texts, indicator, city)))
        }),
        no_value_label: &texts.t("monitor-no-value"),
    });
    let lines_title = texts.with("monitor-lines-title", &[("indicator", Argument::Text(&indicator.name))]);
    let mut series: Vec<Series> = view
        .rows
        .iter()
        .filter(|row| !row.series.is_empty())
        .map(|row| Series { label: row.area.name.clone(), points: points_of(&row.series), emphasis: Emphasis::Other })
        .collect();
    if !view.city.is_empty() {
        series.push(Series {
            label: view.city_name.clone().unwrap_or_default(),
            points: points_of(&view.city),
            emphasis: Emphasis::City,
        });
    }
    let y_format = |value: f64| texts.decimal(value, digits.min(1));
    let lines = charts::line_chart(&LineChart {
        id: "lijnen",
        title: &lines_title,
        description: "",
        series,
        targets: view
            .targets
            .iter()
            .map(|(target, area)| TargetMark {
                x: target.target_period.as_fractional_year(),
                y: target.value,
                label: format!("{area} {}", value_text(&texts, indicator, target.value)),
            })
            .collect(),
        y_format: &y_format,
        x_format: &year_label,
    });
    let rows = sorted
        .iter()
        .map(|row| IndicatorLine {
            name: row.area.name.clone(),
            href: format!("/monitor/gebied/{}?periode={}", row.area.code, view.period),
            value: current(row)
                .map(|latest| value_text(&texts, indicator, latest.value))
                .unwrap_or_else(|| texts.t("monitor-no-value")),
            scored: Scored::of(&texts, row.score),
            change: row
                .reading
                .since_previous
                .filter(|change| change.to == view.period)
                .map(|change| {
                    let text = signed(&texts, change.difference, digits);
                    if change.is_real {
                        text
                    } else {
                        texts.with("monitor-within-margin", &[("difference", Argument::Text(&text))])
                    }
                })
                .unwrap_or_default(),
            trend: row.reading.trend.map(|trend| signed(&texts, trend.slope_per_year, digits + 1)).unwrap_or_default(),
            target_status: row
                .reading
                .target_status
                .map(|status| (texts.t(&vocabulary_id("target-status", status.code())), status_tone(status).class())),
        })
        .collect();
    let facts = vec![
        (texts.t("monitor-fact-unit"), texts.t(&vocabulary_id("unit", indicator.unit.code()))),
        (texts.t("monitor-fact-direction"), texts.t(&vocabulary_id("direction", indicator.direction.code()))),
        (texts.t("monitor-fact-theme"), texts.t(&vocabulary_id("theme", indicator.theme.code()))),
        (texts.t("monitor-fact-kind"), texts.t(&vocabulary_id("kind", indicator.kind.code()))),
        (texts.t("monitor-fact-source"), indicator.source.clone()),
        (texts.t("monitor-fact-status"), texts.t(&vocabulary_id("indicator-status", indicator.status.code()))),
    ];
    let origin = view.origin.as_ref().map(|origin| {
        let mut text = texts.with(
            "monitor-origin",
            &[("date", Argument::Text(&long_date(origin.date))), ("subject", Argument::Text(&origin.subject))],
        );
        if let Some(party) = &view.proposed_by {
            text = format!("{text}, {}", texts.with("monitor-origin-party", &[("party", Argument::Text(party))]));
        }
        let may_open = origin.published || caller.may(Permission::SeeInternal);
        (text, may_open.then(|| format!("/markt/{}", origin.evening_id)))
    });
    let targets = view
        .targets
        .iter()
        .map(|(target, area)| TargetView {
            area: area.clone(),
            value: value_text(&texts, indicator, target.value),
            period: target.target_period.to_string(),
            baseline: target.baseline_period.to_string(),
            note: target.note.clone().unwrap_or_default(),
        })
        .collect();
    let layout = layout
        .trail(&[("/monitor", "monitor-title"), ("", "monitor-indicator-title")])
        .with_last_crumb(&indicator.name);
    Ok(IndicatorPage {
        synthetic,
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        definition: indicator.definition.clone(),
        facts,
        level: level.code().to_owned(),
        levels: level_choices(&texts),
        show_levels: true,
        period: view.period.to_string(),
        periods: period_choices(&view.periods),
        map,
        bars,
        lines,
        rows,
        city_name: view.city_name.clone().unwrap_or_default(),
        city_value: city_now
            .map(|city| value_text(&texts, indicator, city))
            .unwrap_or_else(|| texts.t("monitor-no-value")),
        targets,
        excluded: view.exclusion.map(|why| texts.t(&vocabulary_id("exclusion", why.code()))),
        reference: if view.rows.iter().any(|row| row.score.is_some()) {
            texts.with(
                "monitor-base-period",
                &[
                    ("period", Argument::Text(&view.base_period.map(|period| period.to_string()).unwrap_or_default())),
                    ("level", Argument::Text(level.code())),
                ],
            )
        } else {
            String::new()
        },
        origin,
        may_settle: crate::pages::outcome::may_settle(&caller, indicator.status),
        export_query: format!("?niveau={}&periode={}", level.code(), view.period),
        layout,
    })
}

pub(crate) async fn indicator_export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path((code, file)): Path<(String, String)>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let level = query.level()?;
    let view = monitor::indicator_view(state.app(), &caller, &code, level, query.period()?).await?;
    if file == "gebieden.geojson" {
        return Ok(geojson_export(&view));
    }
    let format = TableFormat::from_file_name(&file, "data").ok_or(AppError::NotFound)?;
    let headers = [
        "monitor-column-code",
        "monitor-column-area",
        "monitor-column-period",
        "monitor-column-value",
        "monitor-column-margin",
        "monitor-column-score",
    ]
    .iter()
    .map(|id| texts.t(id))
    .collect();
    let mut table = Table::new(format!("{} {}", view.indicator.code, view.period), headers);
    for row in &view.rows {
        for point in &row.series {
            table.push(vec![
                row.area.code.to_string().into(),
                row.area.name.clone().into(),
                point.period.to_string().into(),
                point.value.into(),
                point.margin.into(),
                (if point.period == view.period { row.score } else { None }).into(),
            ]);
        }
    }
    table.respond(format, &format!("wijkbeeld-{}-{}", view.indicator.code.to_lowercase(), level.code()))
}

/// The areas of the level as a GeoJSON FeatureCollection with the indicator's value in the
/// period as properties; areas without a boundary have a null geometry.
fn geojson_export(view: &IndicatorView) -> Response {
    let geometries = &view.boundaries;
    let features: Vec<serde_json::Value> = view
        .rows
        .iter()
        .map(|row| {
            let latest = row.reading.latest.filter(|latest| latest.period == view.period);
            let geometry = geometries
                .get(&row.area.id)
                .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
                .unwrap_or(serde_json::Value::Null);
            serde_json::json!({
                "type": "Feature",
                "geometry": geometry,
                "properties": {
                    "code": row.area.code.to_string(),
                    "name": row.area.name,
                    "indicator": view.indicator.code,
                    "period": view.period.to_string(),
                    "value": latest.map(|latest| latest.value),
                    "margin": latest.and_then(|latest| latest.margin),
                    "score": row.score,
                    "target_status": row.reading.target_status,
                },
            })
        })
        .collect();
    let body = serde_json::json!({ "type": "FeatureCollection", "features": features }).to_string();
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/geo+json"));
    let disposition = format!(
        "attachment; filename=\"wijkbeeld-{}-{}.geojson\"",
        view.indicator.code.to_lowercase(),
        view.level.code()
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}
