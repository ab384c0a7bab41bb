//! The neighbourhood monitor's dashboard: the city overview (`/monitor`), an area's profile
//! (`/monitor/gebied/{code}`), one indicator across the areas (`/monitor/indicator/{code}`),
//! the method (`/monitor/methode`), and the tables as CSV, XLSX and GeoJSON.
//!
//! Charts are SVG rendered here ([`crate::charts`]) with the same figures in a table beside
//! them, so the pages need no JavaScript, print well and read aloud.

use askama::Template;
use askama_web::WebTemplate;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::analysis::{Band, Movement, Point, TargetStatus};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::boundaries::{Geometry, Ring};
use wijkbeeld_domain::dutch::long_date;
use wijkbeeld_domain::import::MAX_LISTED_PROBLEMS;
use wijkbeeld_domain::monitor::{Direction, Indicator, Unit};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::{monitor as stored, settings};

use crate::auth::Viewer;
use crate::charts::{
    self, Bar, BarChart, Choropleth, Emphasis, LineChart, MapArea, Series, TargetMark, Tile, TileGrid, Tone,
};
use crate::error::AppResult;
use crate::exports::{Table, TableFormat};
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::monitor::{self, AreaProfile, Audience, CityOverview, IndicatorView, MonitorError};
use crate::{AppError, AppState};

use super::upload_fields;

/// Who sees every indicator rather than the adopted, published ones.
pub(crate) fn audience(viewer: &Viewer) -> Audience {
    match viewer.role() {
        Some(Role::Griffie | Role::College | Role::Councillor | Role::Admin) => Audience::Staff,
        _ => Audience::Public,
    }
}

/// The query every dashboard page understands.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct MonitorQuery {
    /// The period, e.g. 2024 or 2024-Q2.
    periode: Option<String>,
    /// wijk or buurt.
    niveau: Option<String>,
    /// A column to sort the overview by: `naam`, `index` or an indicator's code.
    sorteer: Option<String>,
    /// `op` (ascending) or `af` (descending).
    richting: Option<String>,
}

impl MonitorQuery {
    fn period(&self) -> AppResult<Option<Period>> {
        match self.periode.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
            None => Ok(None),
            Some(text) => text.parse().map(Some).map_err(|_| AppError::NotFound),
        }
    }

    fn level(&self) -> AppResult<AreaLevel> {
        match self.niveau.as_deref().map(str::trim).filter(|text| !text.is_empty()) {
            None => Ok(AreaLevel::District),
            Some(text) => match text.parse() {
                Ok(level @ (AreaLevel::District | AreaLevel::Neighbourhood)) => Ok(level),
                _ => Err(AppError::NotFound),
            },
        }
    }
}

/// Whether the figures are the demo's synthetic ones, which every page showing them must say.
async fn is_synthetic(state: &AppState) -> AppResult<bool> {
    let mut tx = state.store().begin().await?;
    let anchor = settings::get(&mut tx, settings::DEMO_ANCHOR).await?;
    tx.commit().await?;
    Ok(anchor.is_some())
}

// --- Formatting -------------------------------------------------------------------------------

/// A value in its unit: "78,4%", "6,3", "48,1".
fn value_text(texts: &Texts, indicator: &Indicator, value: f64) -> String {
    let number = texts.decimal(value, usize::from(indicator.decimals));
    if indicator.unit == Unit::Percentage { format!("{number}%") } else { number }
}

/// A signed difference: "+1,2", "−0,8".
fn signed(texts: &Texts, value: f64, decimals: usize) -> String {
    let number = texts.decimal(value.abs(), decimals);
    if value > 0.0 {
        format!("+{number}")
    } else if value < 0.0 && number.chars().any(|digit| digit.is_ascii_digit() && digit != '0') {
        format!("−{number}")
    } else {
        number
    }
}

fn score_text(texts: &Texts, score: f64) -> String {
    texts.decimal(score, 0)
}

fn band_tone(band: Band) -> Tone {
    match band {
        Band::AboveAverage => Tone::AboveAverage,
        Band::Average => Tone::Average,
        Band::BelowAverage => Tone::BelowAverage,
        Band::FarBelowAverage => Tone::FarBelowAverage,
    }
}

fn status_tone(status: TargetStatus) -> Tone {
    match status {
        TargetStatus::Achieved => Tone::Achieved,
        TargetStatus::OnTrack => Tone::OnTrack,
        TargetStatus::Behind => Tone::Behind,
        TargetStatus::Unknown => Tone::Unknown,
    }
}

/// A shape beside a band, so that the band does not rest on colour alone.
fn band_marker(band: Band) -> &'static str {
    match band {
        Band::AboveAverage => "▲",
        Band::Average => "●",
        Band::BelowAverage => "▼",
        Band::FarBelowAverage => "▼▼",
    }
}

/// A score with its band, as a table cell or badge shows it.
pub(crate) struct Scored {
    text: String,
    class: &'static str,
    marker: &'static str,
    band: String,
}

impl Scored {
    fn of(texts: &Texts, score: Option<f64>) -> Option<Scored> {
        let score = score?;
        let band = Band::of(score);
        Some(Scored {
            text: score_text(texts, score),
            class: band_tone(band).class(),
            marker: band_marker(band),
            band: texts.t(&vocabulary_id("band", band.code())),
        })
    }
}

fn legend_of_bands(texts: &Texts) -> Vec<(Tone, String)> {
    Band::ALL.iter().map(|band| (band_tone(*band), texts.t(&vocabulary_id("band", band.code())))).collect()
}

fn period_choices(periods: &[Period]) -> Vec<Choice> {
    periods.iter().rev().map(|period| Choice { value: period.to_string(), label: period.to_string() }).collect()
}

fn level_choices(texts: &Texts) -> Vec<Choice> {
    [AreaLevel::District, AreaLevel::Neighbourhood]
        .iter()
        .map(|level| Choice {
            value: level.code().to_owned(),
            label: texts.t(&vocabulary_id("level-plural", level.code())),
        })
        .collect()
}

fn points_of(series: &[Point]) -> Vec<(f64, f64)> {
    series.iter().map(|point| (point.period.as_fractional_year(), point.value)).collect()
}

fn year_label(value: f64) -> String {
    format!("{}", value.round() as i64)
}

// --- City overview ----------------------------------------------------------------------------

/// A column of the overview.
pub(crate) struct Column {
    name: String,
    sort_href: String,
    sort: &'static str,
}

/// A value with its score.
pub(crate) struct OverviewCell {
    value: String,
    scored: Option<Scored>,
}

/// A row of the overview.
pub(crate) struct OverviewLine {
    name: String,
    href: String,
    index: Option<Scored>,
    cells: Vec<Option<OverviewCell>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/overview.html")]
pub(crate) struct OverviewPage {
    layout: Layout,
    synthetic: bool,
    has_data: bool,
    can_import: bool,
    period: String,
    base_period: String,
    level: String,
    level_name: String,
    periods: Vec<Choice>,
    levels: Vec<Choice>,
    show_levels: bool,
    index_column: Column,
    name_column: Column,
    columns: Vec<Column>,
    rows: Vec<OverviewLine>,
    city_name: String,
    city: Vec<String>,
    map: String,
    export_query: String,
}

/// The sort a column header links to: ascending first, descending when already ascending.
fn sort_column(query: &MonitorQuery, key: &str, name: String, base: &str) -> Column {
    let current = query.sorteer.as_deref() == Some(key);
    let descending = query.richting.as_deref() == Some("af");
    let next = if current && !descending { "af" } else { "op" };
    Column {
        name,
        sort_href: format!("{base}&sorteer={key}&richting={next}"),
        sort: match (current, descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        },
    }
}

pub(crate) async fn overview(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Query(query): Query<MonitorQuery>,
) -> AppResult<OverviewPage> {
    let texts = layout.texts;
    let level = query.level()?;
    let period = query.period()?;
    let synthetic = is_synthetic(&state).await?;
    let layout = layout.trail(&[("/monitor", "monitor-title")]);
    let can_import = viewer.role().is_some_and(monitor::may_edit);
    let overview =
        match monitor::city_overview(state.store(), state.index_cache(), audience(&viewer), level, period).await {
            Ok(overview) => overview,
            Err(MonitorError::NoData) if period.is_none() => {
                return Ok(OverviewPage {
                    layout,
                    synthetic,
                    has_data: false,
                    can_import,
                    period: String::new(),
                    base_period: String::new(),
                    level: level.code().to_owned(),
                    level_name: String::new(),
                    periods: Vec::new(),
                    levels: level_choices(&texts),
                    show_levels: true,
                    index_column: Column { name: String::new(), sort_href: String::new(), sort: "none" },
                    name_column: Column { name: String::new(), sort_href: String::new(), sort: "none" },
                    columns: Vec::new(),
                    rows: Vec::new(),
                    city_name: String::new(),
                    city: Vec::new(),
                    map: String::new(),
                    export_query: String::new(),
                });
            }
            Err(error) => return Err(error.into()),
        };
    let state_query = format!("?niveau={}&periode={}", level.code(), overview.period);
    let mut rows: Vec<(&monitor::OverviewRow, OverviewLine)> = overview
        .rows
        .iter()
        .map(|row| {
            let line = OverviewLine {
                name: row.area.name.clone(),
                href: format!("/monitor/gebied/{}?periode={}", row.area.code, overview.period),
                index: Scored::of(&texts, row.index.as_ref().and_then(|index| index.index)),
                cells: row
                    .cells
                    .iter()
                    .zip(&overview.indicators)
                    .map(|(cell, indicator)| {
                        cell.map(|(value, score)| OverviewCell {
                            value: value_text(&texts, indicator, value),
                            scored: Scored::of(&texts, score),
                        })
                    })
                    .collect(),
            };
            (row, line)
        })
        .collect();
    sort_overview(&mut rows, &overview, &query);
    let map = overview_map(&state, &texts, &overview).await?;
    let columns = overview
        .indicators
        .iter()
        .map(|indicator| sort_column(&query, &indicator.code, indicator.name.clone(), &state_query))
        .collect();
    let city = overview
        .city
        .iter()
        .zip(&overview.indicators)
        .map(|(value, indicator)| value.map(|value| value_text(&texts, indicator, value)).unwrap_or_default())
        .collect();
    Ok(OverviewPage {
        synthetic,
        has_data: true,
        can_import,
        period: overview.period.to_string(),
        base_period: overview.base_period.map(|period| period.to_string()).unwrap_or_default(),
        level: level.code().to_owned(),
        level_name: texts.t(&vocabulary_id("level-plural", level.code())),
        periods: period_choices(&overview.periods),
        levels: level_choices(&texts),
        show_levels: true,
        index_column: sort_column(&query, "index", texts.t("monitor-index"), &state_query),
        name_column: sort_column(&query, "naam", texts.t(&vocabulary_id("level", level.code())), &state_query),
        columns,
        rows: rows.into_iter().map(|(_, line)| line).collect(),
        city_name: overview.city_name.clone().unwrap_or_default(),
        city,
        map,
        export_query: state_query,
        layout,
    })
}

fn sort_overview(rows: &mut [(&monitor::OverviewRow, OverviewLine)], overview: &CityOverview, query: &MonitorQuery) {
    let descending = query.richting.as_deref() == Some("af");
    let key = query.sorteer.as_deref().unwrap_or("naam");
    let column = overview.indicators.iter().position(|indicator| indicator.code == key);
    rows.sort_by(|(left, _), (right, _)| {
        let ordering = match (key, column) {
            ("index", _) => {
                let index = |row: &monitor::OverviewRow| row.index.as_ref().and_then(|index| index.index);
                compare_missing_last(index(left), index(right), descending)
            }
            (_, Some(column)) => {
                let value = |row: &monitor::OverviewRow| row.cells[column].map(|(value, _)| value);
                compare_missing_last(value(left), value(right), descending)
            }
            _ => {
                let ordering = left.area.name.to_lowercase().cmp(&right.area.name.to_lowercase());
                if descending { ordering.reverse() } else { ordering }
            }
        };
        ordering.then_with(|| left.area.code.cmp(&right.area.code))
    });
}

/// Orders numbers, with areas lacking one last whichever way the column is sorted.
fn compare_missing_last(left: Option<f64>, right: Option<f64>, descending: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match (left, right) {
        (Some(left), Some(right)) => {
            let ordering = left.total_cmp(&right);
            if descending { ordering.reverse() } else { ordering }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The overview's map: the areas coloured by their index band, from their boundaries when
/// imported, else as tiles.
async fn overview_map(state: &AppState, texts: &Texts, overview: &CityOverview) -> AppResult<String> {
    let regions: Vec<Region> = overview
        .rows
        .iter()
        .map(|row| {
            let index = row.index.as_ref().and_then(|index| index.index);
            Region {
                area: row.area.clone(),
                value_label: index.map(|index| score_text(texts, index)).unwrap_or_else(|| texts.t("monitor-no-value")),
                tone: index.map_or(Tone::Unknown, |index| band_tone(Band::of(index))),
                href: format!("/monitor/gebied/{}?periode={}", row.area.code, overview.period),
            }
        })
        .collect();
    let title = texts.with(
        "monitor-map-index-title",
        &[
            ("level", Argument::Text(&texts.t(&vocabulary_id("level-plural", overview.level.code())))),
            ("period", Argument::Text(&overview.period.to_string())),
        ],
    );
    area_map(state, "kaart-index", &title, overview.level, regions, legend_of_bands(texts)).await
}

/// An area on a map.
struct Region {
    area: wijkbeeld_domain::monitor::Area,
    value_label: String,
    tone: Tone,
    href: String,
}

async fn area_map(
    state: &AppState,
    id: &str,
    title: &str,
    level: AreaLevel,
    regions: Vec<Region>,
    legend: Vec<(Tone, String)>,
) -> AppResult<String> {
    let mut tx = state.store().begin().await?;
    let geometries = stored::geometries(&mut tx, level).await?;
    tx.commit().await?;
    let shapes: Vec<Option<Vec<Vec<Ring>>>> = regions
        .iter()
        .map(|region| {
            geometries.get(&region.area.id).and_then(|text| Geometry::from_geojson(text).ok()).map(|geometry| {
                match geometry {
                    Geometry::Polygon(rings) => vec![rings],
                    Geometry::MultiPolygon(polygons) => polygons,
                }
            })
        })
        .collect();
    if !regions.is_empty() && shapes.iter().all(Option::is_some) {
        let areas = regions
            .into_iter()
            .zip(shapes)
            .map(|(region, polygons)| MapArea {
                code: region.area.code.to_string(),
                name: region.area.name,
                value_label: region.value_label,
                tone: region.tone,
                href: Some(region.href),
                polygons: polygons.unwrap_or_default(),
            })
            .collect();
        return Ok(charts::choropleth(&Choropleth { id, title, description: "", areas, legend }));
    }
    // At most five tiles a row, so that names of buurten stay readable on the tiles.
    let columns = Some(((regions.len() as f64).sqrt().ceil() as usize).clamp(1, 5));
    let tiles = regions
        .into_iter()
        .map(|region| Tile {
            code: region.area.code.to_string(),
            name: region.area.name,
            value_label: region.value_label,
            tone: region.tone,
            href: Some(region.href),
        })
        .collect();
    Ok(charts::tile_grid(&TileGrid { id, title, description: "", tiles, columns, legend }))
}

pub(crate) async fn overview_export(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(file): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let format = TableFormat::from_file_name(&file, "overzicht").ok_or(AppError::NotFound)?;
    let texts = layout.texts;
    let overview =
        monitor::city_overview(state.store(), state.index_cache(), audience(&viewer), query.level()?, query.period()?)
            .await?;
    let mut headers = vec![texts.t("monitor-column-code"), texts.t("monitor-column-area"), texts.t("monitor-index")];
    for indicator in &overview.indicators {
        headers.push(format!("{} ({})", indicator.name, indicator.code));
    }
    let mut table = Table::new(format!("{} {}", texts.t("monitor-title"), overview.period), headers);
    for row in &overview.rows {
        let mut cells = vec![
            row.area.code.to_string().into(),
            row.area.name.clone().into(),
            row.index.as_ref().and_then(|index| index.index).into(),
        ];
        cells.extend(row.cells.iter().map(|cell| cell.map(|(value, _)| value).into()));
        table.push(cells);
    }
    let mut city =
        vec![String::new().into(), overview.city_name.clone().unwrap_or_default().into(), None::<f64>.into()];
    city.extend(overview.city.iter().map(|value| (*value).into()));
    table.push(city);
    table.respond(format, &format!("wijkbeeld-overzicht-{}", overview.period))
}

// --- Area profile -----------------------------------------------------------------------------

/// A theme's score in the profile.
pub(crate) struct ThemeLine {
    name: String,
    scored: Option<Scored>,
}

/// An indicator's card.
pub(crate) struct CardView {
    code: String,
    name: String,
    href: String,
    definition: String,
    meta: String,
    status: Option<String>,
    value: String,
    value_period: String,
    sparkline: String,
    city: String,
    change: String,
    change_class: &'static str,
    trend: String,
    target: Option<String>,
    target_status: Option<(String, &'static str)>,
    scored: Option<Scored>,
    excluded: Option<String>,
    series: Vec<(String, String, String)>,
}

/// A smaller area within the profiled one.
pub(crate) struct ChildLine {
    name: String,
    href: String,
    index: Option<Scored>,
}

/// A priority on the area's agenda with its actions, or the actions serving no priority.
pub(crate) struct AgendaGroup {
    title: String,
    description: Option<String>,
    actions: Vec<AgendaLine>,
}

/// An action on the area's agenda.
pub(crate) struct AgendaLine {
    title: String,
    description: Option<String>,
    owner: String,
    status: String,
    dates: String,
    /// The indicators it should move that the viewer sees: anchor and name.
    indicators: Vec<(String, String)>,
}

/// A theme's cards.
pub(crate) struct ThemeCards {
    name: String,
    cards: Vec<CardView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/profile.html")]
pub(crate) struct ProfilePage {
    layout: Layout,
    synthetic: bool,
    name: String,
    code: String,
    level_name: String,
    parent: Option<(String, String)>,
    period: String,
    periods: Vec<Choice>,
    show_levels: bool,
    level: String,
    levels: Vec<Choice>,
    base_period: String,
    index: Option<Scored>,
    objective: Option<Scored>,
    subjective: Option<Scored>,
    themes: Vec<ThemeLine>,
    theme_chart: String,
    themes_cards: Vec<ThemeCards>,
    children_heading: String,
    children: Vec<ChildLine>,
    show_agenda: bool,
    agenda_heading: String,
    agenda: Vec<AgendaGroup>,
    report: bool,
    report_href: String,
    report_pdf_href: String,
    export_href: String,
    has_index: bool,
}

pub(crate) async fn profile(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<ProfilePage> {
    profile_page(state, viewer, layout, code, query, false).await
}

pub(crate) async fn report(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<ProfilePage> {
    profile_page(state, viewer, layout, code, query, true).await
}

/// `GET /monitor/gebied/{code}/rapportage.pdf`: the wijkrapportage as PDF, for the council's
/// annual evaluation.
pub(crate) async fn report_pdf(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let profile =
        monitor::area_profile(state.store(), state.index_cache(), audience(&viewer), &code, query.period()?).await?;
    let synthetic = is_synthetic(&state).await?;
    let municipality = layout.municipality.clone().unwrap_or_default();
    let report = area_report(&texts, &profile, synthetic, municipality, state.clock().today());
    let bytes = tokio::task::spawn_blocking(move || wijkbeeld_render::render_area_report(&report))
        .await
        .map_err(|error| AppError::Internal(error.to_string()))?
        .map_err(|error| AppError::Internal(error.to_string()))?;
    let name = format!("wijkrapportage-{}-{}.pdf", profile.area.code, profile.period);
    Ok(super::file_response("application/pdf", &name, bytes))
}

/// The profile as the PDF's data: every text as the HTML report writes it.
fn area_report(
    texts: &Texts,
    profile: &AreaProfile,
    synthetic: bool,
    municipality: String,
    today: time::Date,
) -> wijkbeeld_render::AreaReport {
    use wijkbeeld_render::{ReportChild, ReportIndex, ReportIndicator, ReportPoint, ReportSection, ReportTheme};
    let scored = |score: Option<f64>| match Scored::of(texts, score) {
        Some(scored) => format!("{} {}", scored.marker, scored.text),
        None => texts.t("monitor-no-value"),
    };
    let band = |score: Option<f64>| Scored::of(texts, score).map(|scored| scored.band).unwrap_or_default();
    let index = profile.index.as_ref().map(|index| ReportIndex {
        value: scored(index.index),
        band: band(index.index),
        objective: scored(index.objective),
        subjective: scored(index.subjective),
    });
    let themes = profile
        .index
        .as_ref()
        .map(|index| {
            index
                .themes
                .iter()
                .map(|(theme, score)| ReportTheme {
                    name: texts.t(&vocabulary_id("theme", theme.code())),
                    score: scored(*score),
                    band: band(*score),
                    score_value: *score,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut sections: Vec<ReportSection> = Vec::new();
    for card in &profile.cards {
        let theme = texts.t(&vocabulary_id("theme", card.indicator.theme.code()));
        let view = card_view(texts, profile, card);
        let indicator = &card.indicator;
        let since_baseline = card
            .reading
            .since_baseline
            .map(|change| {
                texts.with(
                    "monitor-change",
                    &[
                        (
                            "difference",
                            Argument::Text(&signed(texts, change.difference, usize::from(indicator.decimals))),
                        ),
                        ("from", Argument::Text(&change.from.to_string())),
                        (
                            "movement",
                            Argument::Text(
                                &texts.t(&vocabulary_id("movement", change.movement(indicator.direction).code())),
                            ),
                        ),
                    ],
                )
            })
            .unwrap_or_else(|| texts.t("monitor-no-change"));
        let row = ReportIndicator {
            name: indicator.name.clone(),
            unit: String::new(),
            value: if view.value_period.is_empty() {
                view.value.clone()
            } else {
                format!("{} ({})", view.value, view.value_period)
            },
            city_value: view.city.clone(),
            since_previous: view.change.clone(),
            since_baseline,
            trend: view.trend.clone(),
            target: view.target.clone().unwrap_or_default(),
            target_status: view.target_status.as_ref().map(|(label, _)| label.clone()).unwrap_or_default(),
            score: match (&view.scored, &view.excluded) {
                (Some(scored), _) => format!("{} {}", scored.marker, scored.text),
                (None, Some(why)) => why.clone(),
                (None, None) => String::new(),
            },
            series: card
                .series
                .iter()
                .map(|point| ReportPoint {
                    period: point.period.to_string(),
                    value: Some(point.value),
                    display: value_text(texts, indicator, point.value),
                })
                .collect(),
        };
        match sections.last_mut() {
            Some(last) if last.theme == theme => last.indicators.push(row),
            _ => sections.push(ReportSection { theme, indicators: vec![row] }),
        }
    }
    let children = profile
        .children
        .iter()
        .map(|child| {
            let index = child.index.as_ref().and_then(|index| index.index);
            ReportChild {
                name: child.area.name.clone(),
                code: child.area.code.to_string(),
                index: scored(index),
                band: band(index),
            }
        })
        .collect();
    let mut method = vec![
        format!(
            "{} score = 100 + 10 · d · (x − μ) / σ. {}",
            texts.t("method-index-yardstick"),
            texts.t("method-index-terms")
        ),
        texts.t("method-index-themes"),
    ];
    if let Some(base) = profile.base_period {
        method.push(texts.with("monitor-index-explained", &[("period", Argument::Text(&base.to_string()))]));
    }
    method.extend([
        texts.t("monitor-legend-bands"),
        format!("{} √(m₁² + m₂²).", texts.t("method-change")),
        texts.t("method-trend"),
        texts.t("method-target-city"),
    ]);
    wijkbeeld_render::AreaReport {
        municipality,
        area_name: profile.area.name.clone(),
        area_code: profile.area.code.to_string(),
        level: texts.t(&vocabulary_id("level", profile.area.level.code())),
        parent: profile.parent.as_ref().map(|parent| parent.name.clone()),
        period: profile.period.to_string(),
        base_period: profile.base_period.map(|period| period.to_string()),
        notices: if synthetic { vec![texts.t("monitor-synthetic-report")] } else { Vec::new() },
        index,
        themes,
        sections,
        children_heading: profile
            .children
            .first()
            .map(|child| texts.t(&vocabulary_id("level-plural", child.area.level.code())))
            .unwrap_or_default(),
        children,
        method,
        generated: texts.with("monitor-report-generated", &[("date", Argument::Text(&long_date(today)))]),
    }
}

async fn profile_page(
    state: AppState,
    viewer: Viewer,
    layout: Layout,
    code: String,
    query: MonitorQuery,
    report: bool,
) -> AppResult<ProfilePage> {
    let texts = layout.texts;
    let profile =
        monitor::area_profile(state.store(), state.index_cache(), audience(&viewer), &code, query.period()?).await?;
    let synthetic = is_synthetic(&state).await?;
    let area = &profile.area;
    let themes: Vec<ThemeLine> = profile
        .index
        .as_ref()
        .map(|index| {
            index
                .themes
                .iter()
                .map(|(theme, score)| ThemeLine {
                    name: texts.t(&vocabulary_id("theme", theme.code())),
                    scored: Scored::of(&texts, *score),
                })
                .collect()
        })
        .unwrap_or_default();
    let theme_chart = theme_chart(&texts, &profile);
    let mut themes_cards: Vec<ThemeCards> = Vec::new();
    for card in &profile.cards {
        let name = texts.t(&vocabulary_id("theme", card.indicator.theme.code()));
        let view = card_view(&texts, &profile, card);
        match themes_cards.last_mut() {
            Some(last) if last.name == name => last.cards.push(view),
            _ => themes_cards.push(ThemeCards { name, cards: vec![view] }),
        }
    }
    let children_heading = profile
        .children
        .first()
        .map(|child| texts.t(&vocabulary_id("level-plural", child.area.level.code())))
        .unwrap_or_default();
    let children = profile
        .children
        .iter()
        .map(|child| ChildLine {
            name: child.area.name.clone(),
            href: format!("/monitor/gebied/{}?periode={}", child.area.code, profile.period),
            index: Scored::of(&texts, child.index.as_ref().and_then(|index| index.index)),
        })
        .collect();
    let agenda_heading = match profile.agenda.year {
        Some(year) => texts.with("monitor-agenda-heading", &[("year", Argument::Text(&year.to_string()))]),
        None => texts.t("monitor-agenda-heading-none"),
    };
    let agenda = agenda_groups(&texts, &profile);
    let index = profile.index.as_ref();
    let layout = layout.trail(&[("/monitor", "monitor-title"), ("", "monitor-profile-title")]);
    let layout = layout.with_last_crumb(&area.name);
    Ok(ProfilePage {
        synthetic,
        name: area.name.clone(),
        code: area.code.to_string(),
        level_name: texts.t(&vocabulary_id("level", area.level.code())),
        parent: profile
            .parent
            .as_ref()
            .map(|parent| (format!("/monitor/gebied/{}?periode={}", parent.code, profile.period), parent.name.clone())),
        period: profile.period.to_string(),
        periods: period_choices(&profile.periods),
        show_levels: false,
        level: String::new(),
        levels: Vec::new(),
        base_period: profile.base_period.map(|period| period.to_string()).unwrap_or_default(),
        has_index: index.is_some(),
        index: Scored::of(&texts, index.and_then(|index| index.index)),
        objective: Scored::of(&texts, index.and_then(|index| index.objective)),
        subjective: Scored::of(&texts, index.and_then(|index| index.subjective)),
        themes,
        theme_chart,
        themes_cards,
        children_heading,
        children,
        show_agenda: area.level == AreaLevel::District || !agenda.is_empty(),
        agenda_heading,
        agenda,
        report,
        report_href: format!("/monitor/gebied/{}/rapportage?periode={}", area.code, profile.period),
        report_pdf_href: format!("/monitor/gebied/{}/rapportage.pdf?periode={}", area.code, profile.period),
        export_href: format!("/monitor/gebied/{}/data.csv?periode={}", area.code, profile.period),
        layout,
    })
}

/// The agenda's priorities in order, each with its actions, then the actions serving none.
fn agenda_groups(texts: &Texts, profile: &AreaProfile) -> Vec<AgendaGroup> {
    let agenda = &profile.agenda;
    let line = |action: &wijkbeeld_domain::agenda::Action| AgendaLine {
        title: action.title.clone(),
        description: action.description.clone(),
        owner: action
            .owner_partner_id
            .and_then(|owner| agenda.partners.get(&owner).cloned())
            .unwrap_or_else(|| texts.t("monitor-agenda-owner-municipality")),
        status: texts.t(&vocabulary_id("action-status", action.status.code())),
        dates: match (action.start_date, action.end_date) {
            (Some(start), Some(end)) => format!("{} – {}", long_date(start), long_date(end)),
            (Some(start), None) => format!("{} –", long_date(start)),
            (None, Some(end)) => format!("– {}", long_date(end)),
            (None, None) => String::new(),
        },
        indicators: action
            .indicator_ids
            .iter()
            .filter_map(|id| profile.cards.iter().find(|card| card.indicator.id == *id))
            .map(|card| (format!("#indicator-{}", card.indicator.code), card.indicator.name.clone()))
            .collect(),
    };
    let mut groups: Vec<AgendaGroup> = agenda
        .priorities
        .iter()
        .map(|priority| AgendaGroup {
            title: format!("{}. {}", priority.position, priority.title),
            description: priority.description.clone(),
            actions: agenda.actions.iter().filter(|action| action.priority_id == Some(priority.id)).map(line).collect(),
        })
        .collect();
    let other: Vec<AgendaLine> =
        agenda.actions.iter().filter(|action| action.priority_id.is_none()).map(line).collect();
    if !other.is_empty() {
        groups.push(AgendaGroup { title: texts.t("monitor-agenda-other"), description: None, actions: other });
    }
    groups
}

fn theme_chart(texts: &Texts, profile: &AreaProfile) -> String {
    let Some(index) = &profile.index else { return String::new() };
    let bars = index
        .themes
        .iter()
        .map(|(theme, score)| Bar {
            label: texts.t(&vocabulary_id("theme", theme.code())),
            // Drawn from the average (100), so that the bars show how far a theme lies above or below it.
            value: score.map(|score| score - 100.0),
            value_label: score.map(|score| score_text(texts, score)).unwrap_or_default(),
            tone: score.map_or(Tone::Unknown, |score| band_tone(Band::of(score))),
            highlight: false,
        })
        .collect();
    let title = texts.with("monitor-theme-chart-title", &[("area", Argument::Text(&profile.area.name))]);
    charts::bar_chart(&BarChart {
        id: "themas",
        title: &title,
        description: "",
        bars,
        reference: Some((0.0, texts.t("monitor-city-average"))),
        no_value_label: &texts.t("monitor-no-value"),
    })
}

fn card_view(texts: &Texts, profile: &AreaProfile, card: &monitor::Card) -> CardView {
    let indicator = &card.indicator;
    let reading = &card.reading;
    let digits = usize::from(indicator.decimals);
    let (change, change_class) = match reading.since_previous {
        Some(change) => {
            let movement = change.movement(indicator.direction);
            let class = match movement {
                Movement::Better => "change--better",
                Movement::Worse => "change--worse",
                Movement::Stable | Movement::Changed => "change--stable",
            };
            (
                texts.with(
                    "monitor-change",
                    &[
                        ("difference", Argument::Text(&signed(texts, change.difference, digits))),
                        ("from", Argument::Text(&change.from.to_string())),
                        ("movement", Argument::Text(&texts.t(&vocabulary_id("movement", movement.code())))),
                    ],
                ),
                class,
            )
        }
        None => (texts.t("monitor-no-change"), "change--stable"),
    };
    let trend = reading
        .trend
        .map(|trend| {
            texts.with(
                "monitor-trend",
                &[
                    ("slope", Argument::Text(&signed(texts, trend.slope_per_year, digits + 1))),
                    ("periods", Argument::Number(trend.periods as i64)),
                ],
            )
        })
        .unwrap_or_else(|| texts.t("monitor-no-trend"));
    let target = card.target.as_ref().map(|(target, own)| {
        texts.with(
            if *own { "monitor-target-own" } else { "monitor-target-city" },
            &[
                ("value", Argument::Text(&value_text(texts, indicator, target.value))),
                ("period", Argument::Text(&target.target_period.to_string())),
                ("baseline", Argument::Text(&target.baseline_period.to_string())),
            ],
        )
    });
    let title = texts.with("monitor-sparkline-title", &[("indicator", Argument::Text(&indicator.name))]);
    let sparkline =
        charts::sparkline(&format!("spark-{}", indicator.code.to_lowercase()), &title, &points_of(&card.series));
    let city_by_period: std::collections::HashMap<Period, f64> =
        card.city.iter().map(|point| (point.period, point.value)).collect();
    CardView {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        href: format!(
            "/monitor/indicator/{}?niveau={}&periode={}",
            indicator.code,
            level_for_indicator_link(profile),
            profile.period
        ),
        definition: indicator.definition.clone(),
        meta: format!(
            "{} · {} · {}",
            texts.t(&vocabulary_id("unit", indicator.unit.code())),
            texts.t(&vocabulary_id("kind", indicator.kind.code())),
            indicator.source
        ),
        status: (!monitor::counts_in_index(indicator)).then(|| {
            if indicator.is_published || indicator.status != wijkbeeld_domain::monitor::IndicatorStatus::Adopted {
                texts.t(&vocabulary_id("indicator-status", indicator.status.code()))
            } else {
                texts.t("monitor-unpublished")
            }
        }),
        value: reading
            .latest
            .map(|latest| value_text(texts, indicator, latest.value))
            .unwrap_or_else(|| texts.t("monitor-no-value")),
        value_period: reading.latest.map(|latest| latest.period.to_string()).unwrap_or_default(),
        sparkline,
        city: reading
            .city_value
            .map(|city| value_text(texts, indicator, city))
            .unwrap_or_else(|| texts.t("monitor-no-value")),
        change,
        change_class,
        trend,
        target,
        target_status: reading
            .target_status
            .map(|status| (texts.t(&vocabulary_id("target-status", status.code())), status_tone(status).class())),
        scored: Scored::of(texts, card.score),
        excluded: card.exclusion.map(|why| texts.t(&vocabulary_id("exclusion", why.code()))),
        series: card
            .series
            .iter()
            .map(|point| {
                (
                    point.period.to_string(),
                    value_text(texts, indicator, point.value),
                    city_by_period
                        .get(&point.period)
                        .map(|city| value_text(texts, indicator, *city))
                        .unwrap_or_default(),
                )
            })
            .collect(),
    }
}

fn level_for_indicator_link(profile: &AreaProfile) -> &'static str {
    match profile.area.level {
        AreaLevel::Neighbourhood => AreaLevel::Neighbourhood.code(),
        _ => AreaLevel::District.code(),
    }
}

pub(crate) async fn profile_export(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path((code, file)): Path<(String, String)>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let format = TableFormat::from_file_name(&file, "data").ok_or(AppError::NotFound)?;
    let texts = layout.texts;
    let profile =
        monitor::area_profile(state.store(), state.index_cache(), audience(&viewer), &code, query.period()?).await?;
    let headers = [
        "monitor-column-code",
        "monitor-column-indicator",
        "monitor-column-theme",
        "monitor-column-period",
        "monitor-column-value",
        "monitor-column-score",
        "monitor-column-change",
        "monitor-column-trend",
        "monitor-column-city",
        "monitor-column-target-status",
    ]
    .iter()
    .map(|id| texts.t(id))
    .collect();
    let mut table = Table::new(format!("{} {}", profile.area.name, profile.period), headers);
    for card in &profile.cards {
        let reading = &card.reading;
        table.push(vec![
            card.indicator.code.clone().into(),
            card.indicator.name.clone().into(),
            texts.t(&vocabulary_id("theme", card.indicator.theme.code())).into(),
            reading.latest.map(|latest| latest.period.to_string()).unwrap_or_default().into(),
            reading.latest.map(|latest| latest.value).into(),
            card.score.into(),
            reading.since_previous.map(|change| change.difference).into(),
            reading.trend.map(|trend| trend.slope_per_year).into(),
            reading.city_value.into(),
            reading
                .target_status
                .map(|status| texts.t(&vocabulary_id("target-status", status.code())))
                .unwrap_or_default()
                .into(),
        ]);
    }
    table.respond(format, &format!("wijkbeeld-{}-{}", profile.area.code, profile.period))
}

// --- Indicator page ---------------------------------------------------------------------------

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
    export_query: String,
    /// The council session that proposed the indicator: its text, and a link when the viewer
    /// may open the evening.
    origin: Option<(String, Option<String>)>,
}

pub(crate) async fn indicator(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<IndicatorPage> {
    let texts = layout.texts;
    let level = query.level()?;
    let view =
        monitor::indicator_view(state.store(), state.index_cache(), audience(&viewer), &code, level, query.period()?)
            .await?;
    let synthetic = is_synthetic(&state).await?;
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
            value_label: current(row)
                .map(|latest| value_text(&texts, indicator, latest.value))
                .unwrap_or_else(|| texts.t("monitor-no-value")),
            tone: tone_of(row),
            href: format!("/monitor/gebied/{}?periode={}", row.area.code, view.period),
        })
        .collect();
    let map_title = texts.with(
        "monitor-map-indicator-title",
        &[("indicator", Argument::Text(&indicator.name)), ("period", Argument::Text(&view.period.to_string()))],
    );
    let legend = if indicator.direction == Direction::Neutral { Vec::new() } else { legend_of_bands(&texts) };
    let map = area_map(&state, "kaart", &map_title, level, regions, legend).await?;

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
        let text = texts.with(
            "monitor-origin",
            &[("date", Argument::Text(&long_date(origin.date))), ("subject", Argument::Text(&origin.subject))],
        );
        let may_open = origin.published || audience(&viewer) == Audience::Staff;
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
        origin,
        export_query: format!("?niveau={}&periode={}", level.code(), view.period),
        layout,
    })
}

pub(crate) async fn indicator_export(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path((code, file)): Path<(String, String)>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let level = query.level()?;
    let view: IndicatorView =
        monitor::indicator_view(state.store(), state.index_cache(), audience(&viewer), &code, level, query.period()?)
            .await?;
    if file == "gebieden.geojson" {
        return geojson_export(&state, &view).await;
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
async fn geojson_export(state: &AppState, view: &IndicatorView) -> AppResult<Response> {
    let mut tx = state.store().begin().await?;
    let geometries = stored::geometries(&mut tx, view.level).await?;
    tx.commit().await?;
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
    Ok(response)
}

// --- Method -----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "monitor/method.html")]
pub(crate) struct MethodPage {
    layout: Layout,
}

pub(crate) async fn method(layout: Layout) -> MethodPage {
    MethodPage { layout: layout.trail(&[("/monitor", "monitor-title"), ("/monitor/methode", "monitor-method-title")]) }
}

// --- Import -----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "monitor/import.html")]
pub(crate) struct ImportPage {
    layout: Layout,
    period: String,
    errors: FormErrors,
    /// Every problem of a refused file, at most [`MAX_LISTED_PROBLEMS`].
    problems: Vec<String>,
    /// How many more problems there were.
    more: usize,
    /// What a successful import did, line by line.
    done: Vec<String>,
}

fn import_layout(layout: Layout) -> Layout {
    layout.trail(&[("/monitor", "monitor-title"), ("/monitor/importeren", "monitor-import-title")])
}

pub(crate) async fn import_form(layout: Layout) -> ImportPage {
    ImportPage {
        layout: import_layout(layout),
        period: String::new(),
        errors: FormErrors::none(),
        problems: Vec::new(),
        more: 0,
        done: Vec::new(),
    }
}

/// Imports an uploaded file of measurements (`bestand`), with the period of a CBS table
/// (`periode`): all or nothing; a refused file lists every problem with its line and column.
pub(crate) async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let role = viewer.role().ok_or(AppError::Forbidden)?;
    let texts = layout.texts;
    let (mut file, mut file_name, mut period) = (Vec::new(), String::new(), String::new());
    for field in upload_fields(&mut multipart).await? {
        match field.name.as_str() {
            "bestand" => {
                file = field.content;
                file_name = field.file_name;
            }
            "periode" => period = String::from_utf8_lossy(&field.content).trim().to_owned(),
            _ => {}
        }
    }
    let refuse = |layout: Layout, period: String, errors: FormErrors, problems: Vec<String>, more: usize| {
        let page = ImportPage { layout: import_layout(layout), period, errors, problems, more, done: Vec::new() };
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let parsed_period = match period.as_str() {
        "" => None,
        text => match text.parse::<Period>() {
            Ok(parsed) => Some(parsed),
            Err(_) => {
                let errors = FormErrors::one("periode", texts.t("error-monitor-period"));
                return Ok(refuse(layout, period, errors, Vec::new(), 0));
            }
        },
    };
    if file.is_empty() {
        return Ok(refuse(layout, period, FormErrors::one("bestand", texts.t("error-monitor-no-file")), Vec::new(), 0));
    }
    let Ok(text) = String::from_utf8(file) else {
        return Ok(refuse(
            layout,
            period,
            FormErrors::one("bestand", texts.t("error-monitor-not-utf8")),
            Vec::new(),
            0,
        ));
    };
    let actor = viewer.audit_actor();
    match monitor::import_measurements(
        state.store(),
        &text,
        &file_name,
        parsed_period,
        role,
        &actor,
        state.clock().now(),
    )
    .await
    {
        Ok(outcome) => {
            let periods: Vec<String> = outcome.periods.iter().map(ToString::to_string).collect();
            let mut done = vec![texts.with(
                "monitor-import-done",
                &[
                    ("written", Argument::Number(i64::try_from(outcome.written).unwrap_or(i64::MAX))),
                    ("replaced", Argument::Number(i64::try_from(outcome.replaced).unwrap_or(i64::MAX))),
                    ("periods", Argument::Text(&periods.join(", "))),
                ],
            )];
            if outcome.populations > 0 {
                done.push(texts.count("monitor-import-populations", i64::try_from(outcome.populations).unwrap_or(0)));
            }
            if outcome.missing > 0 {
                done.push(texts.count("monitor-import-missing", i64::try_from(outcome.missing).unwrap_or(0)));
            }
            if !outcome.unmapped_columns.is_empty() {
                done.push(texts.with(
                    "monitor-import-unmapped",
                    &[("columns", Argument::Text(&outcome.unmapped_columns.join(", ")))],
                ));
            }
            Ok(ImportPage {
                layout: import_layout(layout),
                period,
                errors: FormErrors::none(),
                problems: Vec::new(),
                more: 0,
                done,
            }
            .into_response())
        }
        Err(MonitorError::Refused(problems)) => {
            let count = problems.0.len();
            let listed = problems.0.iter().take(MAX_LISTED_PROBLEMS).map(ToString::to_string).collect();
            let message = texts.count("monitor-import-refused", i64::try_from(count).unwrap_or(i64::MAX));
            let errors = FormErrors::one("bestand", message);
            Ok(refuse(layout, period, errors, listed, count.saturating_sub(MAX_LISTED_PROBLEMS)))
        }
        Err(other) => Err(other.into()),
    }
}

// --- Indicators -------------------------------------------------------------------------------

/// One indicator in the list of indicators to keep.
pub(crate) struct IndicatorListRow {
    code: String,
    name: String,
    theme: String,
    status: String,
    published: bool,
    key: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/indicators.html")]
pub(crate) struct IndicatorsPage {
    layout: Layout,
    rows: Vec<IndicatorListRow>,
}

fn indicators_layout(layout: Layout) -> Layout {
    layout.trail(&[("/monitor", "monitor-title"), ("/monitor/indicatoren", "monitor-indicators-title")])
}

/// Every indicator, with a link to edit each and one to add one.
pub(crate) async fn indicators(State(state): State<AppState>, layout: Layout) -> AppResult<IndicatorsPage> {
    let texts = layout.texts;
    let mut tx = state.store().begin().await?;
    let indicators = stored::indicators(&mut tx).await?;
    tx.commit().await?;
    let rows = indicators
        .iter()
        .map(|indicator| IndicatorListRow {
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            theme: texts.t(&vocabulary_id("theme", indicator.theme.code())),
            status: texts.t(&vocabulary_id("indicator-status", indicator.status.code())),
            published: indicator.is_published,
            key: indicator.is_key,
        })
        .collect();
    Ok(IndicatorsPage { layout: indicators_layout(layout), rows })
}

/// The choices of the indicator form.
pub(crate) struct IndicatorChoices {
    units: Vec<Choice>,
    directions: Vec<Choice>,
    themes: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    partners: Vec<Choice>,
    programmes: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/indicator_form.html")]
pub(crate) struct IndicatorFormPage {
    layout: Layout,
    heading: String,
    /// Where the form posts to.
    action: String,
    form: monitor::IndicatorDraft,
    choices: IndicatorChoices,
    errors: FormErrors,
}

impl IndicatorFormPage {
    fn has_programme(&self, id: &str) -> bool {
        self.form.programmes.iter().any(|chosen| chosen == id)
    }
}

fn vocabulary_choices<'a>(texts: &Texts, prefix: &str, codes: impl IntoIterator<Item = &'a str>) -> Vec<Choice> {
    codes
        .into_iter()
        .map(|code| Choice { value: code.to_owned(), label: texts.t(&vocabulary_id(prefix, code)) })
        .collect()
}

async fn indicator_form_page(
    state: &AppState,
    layout: Layout,
    editing: Option<&str>,
    form: monitor::IndicatorDraft,
    errors: FormErrors,
) -> AppResult<IndicatorFormPage> {
    use wijkbeeld_domain::monitor::{IndicatorKind, IndicatorStatus, Theme};
    let texts = layout.texts;
    let mut tx = state.store().begin().await?;
    let partners = wijkbeeld_store::partners::list(&mut tx).await?;
    let programmes = stored::programmes(&mut tx).await?;
    tx.commit().await?;
    let choices = IndicatorChoices {
        units: vocabulary_choices(&texts, "unit", Unit::ALL.iter().map(|value| value.code())),
        directions: vocabulary_choices(&texts, "direction", Direction::ALL.iter().map(|value| value.code())),
        themes: vocabulary_choices(&texts, "theme", Theme::ALL.iter().map(|value| value.code())),
        kinds: vocabulary_choices(&texts, "kind", IndicatorKind::ALL.iter().map(|value| value.code())),
        statuses: vocabulary_choices(&texts, "indicator-status", IndicatorStatus::ALL.iter().map(|value| value.code())),
        partners: partners
            .into_iter()
            .map(|partner| Choice { value: partner.id.to_string(), label: partner.name })
            .collect(),
        programmes: programmes
            .into_iter()
            .map(|programme| Choice { value: programme.id.to_string(), label: programme.name })
            .collect(),
    };
    let (heading, action, layout) = match editing {
        Some(code) => {
            let action = format!("/monitor/indicatoren/{code}/bewerken");
            let heading = texts.with("monitor-indicator-edit-title", &[("code", Argument::Text(code))]);
            let layout = indicators_layout(layout);
            (heading, action, layout)
        }
        None => {
            let layout = layout.trail(&[
                ("/monitor", "monitor-title"),
                ("/monitor/indicatoren", "monitor-indicators-title"),
                ("/monitor/indicatoren/nieuw", "monitor-indicator-new-title"),
            ]);
            (texts.t("monitor-indicator-new-title"), "/monitor/indicatoren/nieuw".to_owned(), layout)
        }
    };
    Ok(IndicatorFormPage { layout, heading, action, form, choices, errors })
}

/// The draft from the posted fields (`programme` may repeat; checkboxes send `ja`).
fn draft_from_fields(fields: &[(String, String)]) -> monitor::IndicatorDraft {
    let one = |name: &str| {
        fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.trim_end().to_owned()).unwrap_or_default()
    };
    monitor::IndicatorDraft {
        code: one("code"),
        name: one("name"),
        definition: one("definition"),
        unit: one("unit"),
        direction: one("direction"),
        theme: one("theme"),
        kind: one("kind"),
        source: one("source"),
        owner_partner: one("owner"),
        status: one("status"),
        is_key: one("is_key") == "ja",
        is_published: one("is_published") == "ja",
        decimals: one("decimals"),
        programmes: fields.iter().filter(|(key, _)| key == "programme").map(|(_, value)| value.clone()).collect(),
    }
}

/// The problems of a refused draft in the viewer's language; other failures go back as errors.
fn indicator_problems(texts: &Texts, error: MonitorError) -> AppResult<FormErrors> {
    match error {
        MonitorError::Fields(problems) => Ok(problems
            .into_iter()
            .fold(FormErrors::none(), |errors, (field, message)| errors.and(FormErrors::one(field, texts.t(message))))),
        other => Err(other.into()),
    }
}

/// An empty form for a new indicator.
pub(crate) async fn new_indicator_form(State(state): State<AppState>, layout: Layout) -> AppResult<IndicatorFormPage> {
    let blank = monitor::IndicatorDraft {
        unit: Unit::Percentage.code().to_owned(),
        direction: Direction::HigherIsBetter.code().to_owned(),
        status: wijkbeeld_domain::monitor::IndicatorStatus::Candidate.code().to_owned(),
        decimals: "1".to_owned(),
        ..monitor::IndicatorDraft::default()
    };
    indicator_form_page(&state, layout, None, blank, FormErrors::none()).await
}

/// Adds an indicator; on success to its page, else the form again with every problem.
pub(crate) async fn create_indicator(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let role = viewer.role().ok_or(AppError::Forbidden)?;
    let draft = draft_from_fields(&fields);
    match monitor::create_indicator(state.store(), &draft, role, &viewer.audit_actor(), state.clock().now()).await {
        Ok(code) => Ok(Redirect::to(&format!("/monitor/indicator/{code}")).into_response()),
        Err(error) => {
            let errors = indicator_problems(&layout.texts, error)?;
            let page = indicator_form_page(&state, layout, None, draft, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The form filled with the indicator with `code`.
pub(crate) async fn edit_indicator_form(
    State(state): State<AppState>,
    layout: Layout,
    Path(code): Path<String>,
) -> AppResult<IndicatorFormPage> {
    let mut tx = state.store().begin().await?;
    let indicator = stored::indicators(&mut tx)
        .await?
        .into_iter()
        .find(|indicator| indicator.code.eq_ignore_ascii_case(code.trim()))
        .ok_or(AppError::NotFound)?;
    let programmes: Vec<_> = stored::indicator_programmes(&mut tx)
        .await?
        .into_iter()
        .filter(|(id, _)| *id == indicator.id)
        .map(|(_, programme)| programme)
        .collect();
    tx.commit().await?;
    let form = monitor::IndicatorDraft::of(&indicator, &programmes);
    indicator_form_page(&state, layout, Some(&indicator.code), form, FormErrors::none()).await
}

/// Changes the indicator with `code`; on success to its page, else the form again.
pub(crate) async fn update_indicator(
    State(state): State<AppState>,
    viewer: Viewer,
    layout: Layout,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let role = viewer.role().ok_or(AppError::Forbidden)?;
    let draft = draft_from_fields(&fields);
    match monitor::update_indicator(state.store(), &code, &draft, role, &viewer.audit_actor(), state.clock().now())
        .await
    {
        Ok(stored_code) => Ok(Redirect::to(&format!("/monitor/indicator/{stored_code}")).into_response()),
        Err(error) => {
            let errors = indicator_problems(&layout.texts, error)?;
            let page = indicator_form_page(&state, layout, Some(code.trim()), draft, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
