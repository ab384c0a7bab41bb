//! The neighbourhood monitor's pages: the city overview (`/monitor`), an area's profile and its
//! report (`/monitor/gebied/{code}`), one indicator across the areas
//! (`/monitor/indicator/{code}`), the method (`/monitor/methode`), the tables as CSV, XLSX and
//! GeoJSON, and for those who keep the monitor the import, the indicators, their targets and the
//! CBS column mappings. One module per feature; what they share (the query, numbers in words,
//! the map) is here.
//!
//! Charts are SVG rendered here ([`crate::charts`]) with the same figures in a table beside
//! them, so the pages need no JavaScript, print well and read aloud.

mod import;
mod indicator;
mod indicators;
mod overview;
mod profile;
pub(crate) mod settings;

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use serde::Deserialize;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::analysis::{Band, Coverage, Point, TargetStatus};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::boundaries::{Geometry, Ring};
use wijkbeeld_domain::monitor::{Area, Indicator, Unit};
use wijkbeeld_domain::period::Period;

pub(crate) use import::{
    discard as discard_import, import, import_form, preview as import_preview, store as store_import,
    template as import_template,
};
pub(crate) use indicator::{indicator, indicator_export};
pub(crate) use indicators::{create_indicator, edit_indicator_form, indicators, new_indicator_form, update_indicator};
pub(crate) use overview::{overview, overview_export};
pub(crate) use profile::{profile, profile_export, report, report_pdf};

use crate::AppError;
use crate::charts::{self, Choropleth, MapArea, Tile, TileGrid, Tone};
use crate::error::AppResult;
use crate::forms::Choice;
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;

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

/// A shape beside a band's word, so that the band does not rest on colour alone. A band is a
/// judgement (better, similar or worse than the yardstick), not a movement: no arrow, which would
/// read as a number going up or down ("misdrijven 39,0 ▲" read as more crime).
fn band_marker(band: Band) -> &'static str {
    match band {
        Band::AboveAverage => "✓",
        Band::Average => "≈",
        Band::BelowAverage => "✕",
        Band::FarBelowAverage => "✕✕",
    }
}

/// A score with its band, as a table cell or badge shows it: the number, a shape and the band's
/// word (beter, gelijk, slechter).
pub(crate) struct Scored {
    text: String,
    class: &'static str,
    marker: &'static str,
    band: String,
}

impl Scored {
    fn of(texts: &Texts, score: Option<f64>) -> Option<Scored> {
        let score = score.filter(|score| score.is_finite())?;
        let band = Band::of(score);
        Some(Scored {
            text: score_text(texts, score),
            class: band_tone(band).class(),
            marker: band_marker(band),
            band: texts.t(&vocabulary_id("band", band.code())),
        })
    }

    /// The score as one line of text: "✓ 112 beter".
    fn line(&self) -> String {
        format!("{} {} {}", self.marker, self.text, self.band)
    }
}

/// An index or theme score with how many indicators it rests on: the score and "op 3 van 8
/// indicatoren" when it rests on fewer than its base, or no score and why when it is withheld
/// (fewer than half of its indicators, see [`Coverage::suffices`]).
pub(crate) struct Aggregate {
    scored: Option<Scored>,
    note: String,
}

impl Aggregate {
    fn of(texts: &Texts, score: Option<f64>, coverage: Coverage) -> Aggregate {
        let counts =
            [("scored", Argument::Number(coverage.scored as i64)), ("of", Argument::Number(coverage.of as i64))];
        let scored = Scored::of(texts, score.filter(|_| coverage.suffices()));
        let note = match &scored {
            Some(_) if coverage.is_partial() => texts.with("monitor-coverage-partial", &counts),
            Some(_) => String::new(),
            None if coverage.scored == 0 => texts.t("monitor-no-value"),
            None => texts.with("monitor-coverage-withheld", &counts),
        };
        Aggregate { scored, note }
    }

    /// The score and its note as one line of text, or "–" and the reason.
    fn line(&self) -> String {
        match (&self.scored, self.note.is_empty()) {
            (Some(scored), true) => scored.line(),
            (Some(scored), false) => format!("{} ({})", scored.line(), self.note),
            (None, _) => format!("– ({})", self.note),
        }
    }

    /// Shorter, for a tile: the score with its word ("✓ 112 beter"), or the reason it is not given.
    fn short(&self, texts: &Texts) -> String {
        match &self.scored {
            Some(scored) => scored.line(),
            None if self.note == texts.t("monitor-no-value") => self.note.clone(),
            None => texts.t("monitor-coverage-withheld-short"),
        }
    }
}

/// What a score is measured against, in words: "beter dan het gemiddelde van de wijken in
/// basisjaar 2022 (= 100)". A score compares with the mean of the level's areas in the base
/// period, not with the city's figure beside it.
fn score_reference(texts: &Texts, score: f64, level: AreaLevel, base: Option<Period>) -> String {
    let base = base.map(|period| period.to_string()).unwrap_or_default();
    texts.with(
        "monitor-score-reference",
        &[
            ("band", Argument::Text(Band::of(score).code())),
            ("level", Argument::Text(level.code())),
            ("period", Argument::Text(&base)),
        ],
    )
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

/// An area on a map.
struct Region {
    area: Area,
    value_label: String,
    tone: Tone,
    href: String,
}

/// A map of `regions`: drawn from their boundaries when every region has one, else as tiles.
fn area_map(
    id: &str,
    title: &str,
    geometries: &HashMap<Id<Area>, String>,
    regions: Vec<Region>,
    legend: Vec<(Tone, String)>,
) -> String {
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
        return charts::choropleth(&Choropleth { id, title, description: "", areas, legend });
    }
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
    charts::tile_grid(&TileGrid { id, title, description: "", tiles, legend })
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
