//! The wijkrapportage: an area's annual report from the neighbourhood monitor (its index, theme
//! scores, indicators per theme, the areas within it and the method) as a PDF. The caller hands
//! over every text already written in Dutch; this crate only lays them out, with the typst
//! template `templates/wijkrapportage.typ`.

use serde::Serialize;
use serde_json::Value;

use crate::RenderError;
use crate::pdf::{WIJKRAPPORTAGE, typeset};
use crate::view::one_line;

/// An area's report for one period, every text as it is to be printed ("12,4 %", "hoger dan
/// gemiddeld", "Opgesteld op 29 november 2026"). An empty text prints as nothing.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct AreaReport {
    /// The municipality, as in the report's header: "Gemeente Hengelo".
    pub municipality: String,
    /// The area the report is about: "Hengelo-Noord".
    pub area_name: String,
    /// The area's CBS code: "WK016401".
    pub area_code: String,
    /// The area's level: "wijk", "buurt".
    pub level: String,
    /// The area it lies in, if any: "Gemeente Hengelo".
    pub parent: Option<String>,
    /// The period reported on: "2025".
    pub period: String,
    /// The base period of the index (where 100 is the mean): "2021".
    pub base_period: Option<String>,
    /// Notices printed in a box on the first page, before anything else: "De cijfers in deze
    /// demo zijn synthetisch."
    pub notices: Vec<String>,
    /// The area's index, or `None` when it has none for this period (the report says so).
    pub index: Option<ReportIndex>,
    /// The theme scores (sociaal, fysiek, veiligheid, participatie), drawn as bars.
    pub themes: Vec<ReportTheme>,
    /// The indicators, one section per theme.
    pub sections: Vec<ReportSection>,
    /// The heading of the table of [`children`](Self::children): "Buurten".
    pub children_heading: String,
    /// The areas within this one (the buurten of a wijk) with their index; none for a buurt.
    pub children: Vec<ReportChild>,
    /// The paragraphs that explain the method: the index's formula, the bands, the margins.
    pub method: Vec<String>,
    /// When the report was made, as printed at its top: "Opgesteld op 29 november 2026".
    pub generated: String,
}

/// An area's index and its two halves.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportIndex {
    /// The index: "104".
    pub value: String,
    /// What the index means against the base year: "hoger dan gemiddeld".
    pub band: String,
    /// The index of the objective indicators (registered figures), with its band if wanted:
    /// "106 (hoger dan gemiddeld)".
    pub objective: String,
    /// The index of the subjective indicators (from the survey): "101 (gemiddeld)".
    pub subjective: String,
}

/// A theme's score, drawn as a bar from 100.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportTheme {
    /// The theme: "Sociaal".
    pub name: String,
    /// The score as printed beside the bar: "97", or "geen score".
    pub score: String,
    /// What the score means: "gemiddeld".
    pub band: String,
    /// The score as a number, for the bar's length: the bar runs from 100 to this value, on a
    /// scale from 60 to 140 (a value beyond is drawn at the scale's end). `None` draws no bar.
    pub score_value: Option<f64>,
}

/// A theme's indicators.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportSection {
    /// The theme, as the section's heading: "Veiligheid".
    pub theme: String,
    /// Its indicators, a row each, in this order.
    pub indicators: Vec<ReportIndicator>,
}

/// An indicator's figures for the area, a row of its theme's table.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportIndicator {
    /// The indicator: "Werkloosheid".
    pub name: String,
    /// Its unit, printed after the value: "%".
    pub unit: String,
    /// The area's value in the period: "5,2".
    pub value: String,
    /// The municipality's value in the period, with its unit: "4,8 %".
    pub city_value: String,
    /// The change since the previous period: "+0,3 (binnen de marge)".
    pub since_previous: String,
    /// The change since the base period: "−1,1 (significant)".
    pub since_baseline: String,
    /// The trend: "dalend".
    pub trend: String,
    /// The target: "≤ 4,5 % in 2026", or empty when there is none.
    pub target: String,
    /// Where the value stands against the target: "op koers".
    pub target_status: String,
    /// The indicator's score in the index: "96", or why it has none.
    pub score: String,
    /// The values over the periods, oldest first, drawn as a sparkline.
    pub series: Vec<ReportPoint>,
}

/// One period's value of an indicator's series.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportPoint {
    /// The period: "2024".
    pub period: String,
    /// The value, for the sparkline; `None` (no figure for the period) leaves a gap.
    pub value: Option<f64>,
    /// The value as written: "5,2".
    pub display: String,
}

/// An area within the reported one, with its index.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ReportChild {
    /// The area: "Hasseler Es".
    pub name: String,
    /// Its CBS code: "BU01640105".
    pub code: String,
    /// Its index: "98", or "geen index".
    pub index: String,
    /// What the index means: "gemiddeld".
    pub band: String,
}

/// Renders an area's report as an A4 PDF with its fonts embedded, tagged, in Dutch, titled
/// "Wijkrapportage {area_name} {period}", with "pagina X van Y" on every page.
///
/// Texts are printed exactly as given: they are data to the template, never typst markup.
/// Each is printed on one line's terms: line breaks and runs of white space become a space,
/// control and invisible formatting characters are left out.
pub fn render_area_report(report: &AreaReport) -> Result<Vec<u8>, RenderError> {
    let mut data = serde_json::to_value(report)?;
    plain_texts(&mut data);
    typeset(&WIJKRAPPORTAGE, serde_json::to_vec(&data)?)
}

/// Makes every text in `value` [`one_line`]: the reasons are the behandelvoorstel's (an
/// invisible character sticks to the glyph before it in the PDF's text), and walking the data
/// rather than naming the fields keeps a field added later from being missed.
fn plain_texts(value: &mut Value) {
    match value {
        Value::String(text) => *text = one_line(text),
        Value::Array(items) => items.iter_mut().for_each(plain_texts),
        Value::Object(fields) => fields.values_mut().for_each(plain_texts),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_every_text_plain_and_keeps_the_rest() {
        let report = AreaReport {
            area_name: "Noord\u{200B}\n  oost".to_owned(),
            notices: vec!["een\r\ntwee".to_owned()],
            themes: vec![ReportTheme {
                name: "So\u{202E}ciaal".to_owned(),
                score_value: Some(f64::NAN),
                ..ReportTheme::default()
            }],
            sections: vec![ReportSection {
                theme: "Fysiek".to_owned(),
                indicators: vec![ReportIndicator {
                    series: vec![ReportPoint { period: "2024\t".to_owned(), value: Some(1.5), display: String::new() }],
                    ..ReportIndicator::default()
                }],
            }],
            ..AreaReport::default()
        };
        let mut data = serde_json::to_value(&report).expect("serialises");
        plain_texts(&mut data);
        assert_eq!(data["area_name"], "Noord oost");
        assert_eq!(data["notices"][0], "een twee");
        assert_eq!(data["themes"][0]["name"], "Sociaal");
        // serde_json writes a number that is not finite as null: the template draws no bar.
        assert_eq!(data["themes"][0]["score_value"], Value::Null);
        assert_eq!(data["sections"][0]["indicators"][0]["series"][0]["period"], "2024");
        assert_eq!(data["sections"][0]["indicators"][0]["series"][0]["value"], 1.5);
        assert_eq!(data["index"], Value::Null);
    }
}
