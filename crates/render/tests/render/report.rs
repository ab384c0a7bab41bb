//! The wijkrapportage as PDF: what it says, its pages and repeated table headers, hostile text
//! printed as written, an area without an index, and the same bytes for the same report.

use lopdf::{Document, Object};
use wijkbeeld_render::{AreaReport, ReportIndicator, ReportPoint, ReportSection, ReportTheme, render_area_report};

use super::extract::pdf_pages;
use super::{HOSTILE, pdf_text, sample_report, squeeze};

fn render(report: &AreaReport) -> Vec<u8> {
    render_area_report(report).unwrap_or_else(|error| panic!("the report renders: {error}"))
}

fn assert_contains(text: &str, expected: &str) {
    assert!(text.contains(expected), "expected\n{expected}\nin\n{text}");
}

#[test]
fn reads_like_a_report() {
    let text = squeeze(&pdf_text(&render(&sample_report::report())));
    for expected in [
        // The header, the notice, the index.
        "Gemeente Oosterveld Wijkrapportage Oosterveld-Noord 2025 wijk WK099901 · ligt in Gemeente Oosterveld · \
         periode 2025 Opgesteld op 29 november 2026 Let op De cijfers in deze demo zijn synthetisch. Wijkindex 104 \
         gemiddeld Objectief: 106 (gemiddeld) Subjectief: 101 (gemiddeld) 100 is het gemiddelde van alle gebieden \
         van dit niveau in het basisjaar 2021.",
        // The theme bars, each with its number beside it, and the scale; a score beyond the
        // scale is printed as it is.
        "Sociaal 97 gemiddeld Fysiek 112 hoger dan gemiddeld Veiligheid 151 hoger dan gemiddeld Participatie 84 \
         lager dan gemiddeld 60 80 100 120 140",
        // A theme's table: its header, and its indicators' rows, cell by cell.
        "Indicatoren per thema Sociaal Indicator Waarde Gemeente Sinds vorige periode Sinds basisjaar Trend Doel \
         Score Verloop Werkloosheid 5,2 % 4,8 % +0,3 −1,1 (significant) dalend ≤ 4,5 % in 2026 op koers 96 \
         Huishoudens met een laag inkomen 11,4 % 9,7 % −0,2 −0,9 stabiel 93",
        "Tevredenheid met de woning 7,6 rapportcijfer 7,4 +0,1 +0,3 stijgend ≥ 7,5 gehaald 108",
        "Vrijwilligerswerk 21 % 27 % −2 (binnen de marge) −4 (significant) dalend ≥ 30 % in 2026 achter 84",
        // The buurten, and the method.
        "Buurten Buurten Code Index Betekenis De Esch BU09990101 101 gemiddeld Molenhoek BU09990102 96 gemiddeld",
        "Bedrijventerrein Noord BU09990104 geen index",
        "Werkwijze De wijkindex vat de indicatoren van een gebied samen in één getal.",
        "pagina 1 van",
    ] {
        assert_contains(&text, expected);
    }
}

#[test]
fn numbers_every_page_of_all() {
    let pages = pdf_pages(&render(&sample_report::report()));
    assert!(pages.len() >= 2, "{} page(s)", pages.len());
    for (number, page) in pages.iter().enumerate() {
        assert_contains(
            &squeeze(page),
            &format!("Wijkrapportage Oosterveld-Noord 2025 pagina {} van {}", number + 1, pages.len()),
        );
    }
}

#[test]
fn carries_the_title_and_language() {
    let pdf = render(&sample_report::report());
    let document = Document::load_mem(&pdf).expect("the PDF can be read");
    let catalog = document.catalog().expect("a PDF has a catalog");
    let language = catalog.get(b"Lang").and_then(Object::as_str).expect("the catalog names the language");
    assert!(language.starts_with(b"nl"), "language {}", String::from_utf8_lossy(language));
    assert!(catalog.has(b"StructTreeRoot"), "the PDF is tagged");
    let info = document.trailer.get(b"Info").and_then(Object::as_reference).expect("the PDF has an Info dictionary");
    let title = document.get_dictionary(info).and_then(|info| info.get(b"Title")).expect("the PDF has a title");
    assert_eq!(lopdf::decode_text_string(title).expect("a title is text"), "Wijkrapportage Oosterveld-Noord 2025");
    assert!(!document.get_dictionary(info).expect("Info").has(b"CreationDate"), "the PDF carries no date");
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let report = sample_report::report();
    assert_eq!(render(&report), render(&report));
}

/// 60 indicators run over several pages; every page that holds a row of a theme's table starts
/// the table there with the column headers.
#[test]
fn repeats_the_table_header_on_every_page() {
    let pdf = render(&sample_report::wijk(60, 20, 10));
    let pages = pdf_pages(&pdf);
    assert!(pages.len() >= 4, "{} page(s)", pages.len());
    let mut pages_with_rows = 0;
    for (number, page) in pages.iter().enumerate() {
        let page = squeeze(page);
        let rows = page.matches(" van thema ").count();
        if rows == 0 {
            continue;
        }
        pages_with_rows += 1;
        let header = "Indicator Waarde Gemeente Sinds vorige periode Sinds basisjaar Trend Doel Score Verloop";
        let first_row = page.find(" van thema ").expect("counted");
        assert!(
            page.find(header).is_some_and(|header| header < first_row),
            "page {} starts its rows without the header:\n{page}",
            number + 1
        );
    }
    assert!(pages_with_rows >= 3, "the indicators are on {pages_with_rows} page(s)");
    let text = squeeze(&pages.join(" "));
    for number in 1..=60 {
        assert!(text.contains(&format!("Indicator {number} van thema ")), "indicator {number} is missing");
    }
    assert_contains(&text, "Buurt 10 BU09990210 100 gemiddeld");
}

#[test]
fn prints_hostile_text_as_written() {
    for hostile in HOSTILE {
        let text = || (*hostile).to_owned();
        let mut report = sample_report::report();
        report.municipality = text();
        report.area_name = text();
        report.notices = vec![text()];
        report.generated = text();
        report.method = vec![text()];
        report.themes[0].name = text();
        report.sections[0].theme = text();
        // Alone in its row, so that the lines the name wraps to are not interleaved with other
        // cells' lines.
        report.sections[0].indicators[0] = ReportIndicator { name: text(), ..ReportIndicator::default() };
        report.children[0].name = text();
        let pdf = render_area_report(&report).unwrap_or_else(|error| panic!("{hostile:?} breaks the PDF: {error}"));
        let extracted = squeeze(&pdf_text(&pdf));
        let expected = squeeze(hostile);
        let count = extracted.matches(&expected).count();
        // Municipality and title each at least once, notice, generated, method, theme bar,
        // section heading, indicator row, buurt row.
        assert!(count >= 9, "{hostile:?} is printed as written {count} times in\n{extracted}");
    }
}

#[test]
fn says_so_when_an_area_has_no_index() {
    let report = AreaReport {
        level: "buurt".to_owned(),
        area_name: "Bedrijventerrein Noord".to_owned(),
        area_code: "BU09990104".to_owned(),
        index: None,
        themes: vec![],
        children: vec![],
        base_period: None,
        ..sample_report::report()
    };
    let text = squeeze(&pdf_text(&render(&report)));
    assert_contains(
        &text,
        "Wijkindex Voor dit gebied is over deze periode geen index berekend. Themascores Geen themascores",
    );
    assert_contains(&text, "buurt BU09990104 · ligt in Gemeente Oosterveld");
    assert!(!text.contains("Buurten"), "{text}");
    assert_contains(&text, "Werkloosheid 5,2 %");
}

#[test]
fn renders_an_empty_report() {
    let text = squeeze(&pdf_text(&render(&AreaReport::default())));
    assert_contains(&text, "Wijkrapportage Wijkindex Voor dit gebied is over deze periode geen index berekend.");
    assert_contains(&text, "pagina 1 van 1");
}

/// Scores beyond the scale, not a number or infinite, and series that are empty, flat, all gaps
/// or a single value: the bars are clamped or left out, the sparklines drawn or left out.
#[test]
fn renders_odd_figures() {
    let mut report = sample_report::report();
    report.themes = [Some(1e12), Some(-40.0), Some(f64::NAN), Some(f64::INFINITY), Some(100.0), None]
        .into_iter()
        .enumerate()
        .map(|(number, score_value)| ReportTheme {
            name: format!("Thema {number}"),
            score: format!("score {number}"),
            band: String::new(),
            score_value,
        })
        .collect();
    let series = |values: &[Option<f64>]| -> Vec<ReportPoint> {
        values
            .iter()
            .enumerate()
            .map(|(year, value)| ReportPoint { period: year.to_string(), value: *value, display: String::new() })
            .collect()
    };
    report.sections = vec![ReportSection {
        theme: "Vreemd".to_owned(),
        indicators: [
            series(&[]),
            series(&[Some(3.0)]),
            series(&[None, None, None]),
            series(&[Some(2.0), Some(2.0), Some(2.0)]),
            series(&[Some(1.0), None, Some(-1e300), Some(1e300)]),
            series(&[None, Some(4.0), None, Some(5.0), None]),
        ]
        .into_iter()
        .enumerate()
        .map(|(number, series)| ReportIndicator {
            name: format!("Reeks {number}"),
            series,
            ..ReportIndicator::default()
        })
        .collect(),
    }];
    let text = squeeze(&pdf_text(&render(&report)));
    assert_contains(
        &text,
        "Thema 0 score 0 Thema 1 score 1 Thema 2 score 2 Thema 3 score 3 Thema 4 score 4 Thema 5 score 5",
    );
    assert_contains(&text, "Reeks 0 Reeks 1 Reeks 2 Reeks 3 Reeks 4 Reeks 5");
}
