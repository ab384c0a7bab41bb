//! `GET /monitor`: every wijk (or buurt) side by side on its index and the key indicators, with
//! a map, and the same table as CSV or XLSX.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, CityOverview, MonitorError};
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::analysis::Band;

use super::{
    Aggregate, MonitorQuery, Region, Scored, area_map, band_tone, compare_missing_last, legend_of_bands, level_choices,
    period_choices, value_text,
};
use crate::charts::Tone;
use crate::error::AppResult;
use crate::exports::{Table, TableFormat};
use crate::forms::Choice;
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::{AppError, AppState};

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
    index: Aggregate,
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
    /// What the scores compare with, in words.
    reference: String,
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
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(query): Query<MonitorQuery>,
) -> AppResult<OverviewPage> {
    let texts = layout.texts;
    let level = query.level()?;
    let period = query.period()?;
    let layout = layout.trail(&[("/monitor", "monitor-title")]);
    let can_import = caller.may(Permission::KeepMonitor);
    let overview = match monitor::city_overview(state.app(), &caller, level, period).await {
        Ok(overview) => overview,
        Err(MonitorError::NoData | MonitorError::NoMunicipality(_)) if period.is_none() => {
            return Ok(OverviewPage {
                layout,
                // No figures are shown, so there are none to call synthetic.
                synthetic: false,
                has_data: false,
                can_import,
                period: String::new(),
                reference: String::new(),
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
                index: index_of(&texts, row),
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
    let map = overview_map(&texts, &overview);
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
        synthetic: overview.synthetic,
        has_data: true,
        can_import,
        period: overview.period.to_string(),
        reference: texts.with(
            "monitor-base-period",
            &[
                ("period", Argument::Text(&overview.base_period.map(|period| period.to_string()).unwrap_or_default())),
                ("level", Argument::Text(level.code())),
            ],
        ),
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

/// A row's index with how many indicators it rests on, or why it is withheld.
fn index_of(texts: &Texts, row: &monitor::OverviewRow) -> Aggregate {
    let index = row.index.as_ref();
    Aggregate::of(texts, index.and_then(|index| index.index), index.map(|index| index.coverage).unwrap_or_default())
}

/// The overview's map: the areas coloured by their index band, from their boundaries when
/// imported, else as tiles.
fn overview_map(texts: &Texts, overview: &CityOverview) -> String {
    let regions: Vec<Region> = overview
        .rows
        .iter()
        .map(|row| {
            let index = row.index.as_ref().and_then(|index| index.index);
            Region {
                area: row.area.clone(),
                value_label: index_of(texts, row).short(texts),
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
    area_map("kaart-index", &title, &overview.boundaries, regions, legend_of_bands(texts))
}

pub(crate) async fn overview_export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(file): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let format = TableFormat::from_file_name(&file, "overzicht").ok_or(AppError::NotFound)?;
    let texts = layout.texts;
    let overview = monitor::city_overview(state.app(), &caller, query.level()?, query.period()?).await?;
    let mut headers = vec![
        texts.t("monitor-column-code"),
        texts.t("monitor-column-area"),
        texts.t("monitor-index"),
        texts.t("monitor-column-index-indicators"),
    ];
    for indicator in &overview.indicators {
        headers.push(format!("{} ({})", indicator.name, indicator.code));
    }
    let mut table = Table::new(format!("{} {}", texts.t("monitor-title"), overview.period), headers);
    for row in &overview.rows {
        let mut cells = vec![
            row.area.code.to_string().into(),
            row.area.name.clone().into(),
            row.index.as_ref().and_then(|index| index.index).into(),
            row.index
                .as_ref()
                .map(|index| {
                    texts.with(
                        "monitor-coverage-count",
                        &[
                            ("scored", Argument::Number(index.coverage.scored as i64)),
                            ("of", Argument::Number(index.coverage.of as i64)),
                        ],
                    )
                })
                .unwrap_or_default()
                .into(),
        ];
        cells.extend(row.cells.iter().map(|cell| cell.map(|(value, _)| value).into()));
        table.push(cells);
    }
    let mut city = vec![
        String::new().into(),
        overview.city_name.clone().unwrap_or_default().into(),
        None::<f64>.into(),
        String::new().into(),
    ];
    city.extend(overview.city.iter().map(|value| (*value).into()));
    table.push(city);
    table.respond(format, &format!("wijkbeeld-overzicht-{}", overview.period))
}
