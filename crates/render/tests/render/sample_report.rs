//! Wijkrapportages to render: a realistic one typed out (a fictional wijk of a fictional
//! municipality), and a generated one of any size, with its texts written as the web layer
//! writes them (Dutch decimal commas, bands in words).

use wijkbeeld_render::{
    AreaReport, ReportChild, ReportIndex, ReportIndicator, ReportPoint, ReportSection, ReportTheme,
};

/// The themes of the index, in the monitor's order.
pub(crate) const THEMES: [&str; 4] = ["Sociaal", "Fysiek", "Veiligheid", "Participatie"];

/// The method, as the monitor's method page explains it.
pub(crate) fn method() -> Vec<String> {
    [
        "De wijkindex vat de indicatoren van een gebied samen in één getal. Per indicator wordt de waarde \
         vergeleken met het gemiddelde en de standaardafwijking van alle gebieden van hetzelfde niveau in het \
         basisjaar: score = 100 + 10 × (waarde − gemiddelde) / standaardafwijking, gespiegeld waar een lagere \
         waarde beter is.",
        "De themascore is het gemiddelde van de scores van de indicatoren van dat thema; de index het \
         gemiddelde van de themascores. De objectieve helft rekent alleen met geregistreerde cijfers, de \
         subjectieve alleen met de uitkomsten van de bewonersenquête.",
        "Een score tot 90 is lager dan gemiddeld, van 90 tot 110 gemiddeld en vanaf 110 hoger dan gemiddeld. \
         Een verandering heet significant als zij groter is dan de gecombineerde foutmarge van beide metingen.",
    ]
    .map(str::to_owned)
    .to_vec()
}

fn indicator(name: &str, unit: &str, figures: [&str; 8], series: &[(u16, Option<f64>)]) -> ReportIndicator {
    let [value, city_value, since_previous, since_baseline, trend, target, target_status, score] = figures;
    ReportIndicator {
        name: name.to_owned(),
        unit: unit.to_owned(),
        value: value.to_owned(),
        city_value: city_value.to_owned(),
        since_previous: since_previous.to_owned(),
        since_baseline: since_baseline.to_owned(),
        trend: trend.to_owned(),
        target: target.to_owned(),
        target_status: target_status.to_owned(),
        score: score.to_owned(),
        series: series
            .iter()
            .map(|(year, value)| ReportPoint {
                period: year.to_string(),
                value: *value,
                display: value.map(decimal).unwrap_or_default(),
            })
            .collect(),
    }
}

/// A number as the web layer writes it: one decimal, a decimal comma, a real minus sign.
pub(crate) fn decimal(value: f64) -> String {
    format!("{value:.1}").replace('.', ",").replace('-', "−")
}

fn band(score: f64) -> &'static str {
    if score < 90.0 {
        "lager dan gemiddeld"
    } else if score < 110.0 {
        "gemiddeld"
    } else {
        "hoger dan gemiddeld"
    }
}

fn theme(name: &str, score: f64) -> ReportTheme {
    ReportTheme {
        name: name.to_owned(),
        score: format!("{score:.0}"),
        band: band(score).to_owned(),
        score_value: Some(score),
    }
}

fn child(name: &str, code: &str, index: Option<f64>) -> ReportChild {
    ReportChild {
        name: name.to_owned(),
        code: code.to_owned(),
        index: index.map(|index| format!("{index:.0}")).unwrap_or_else(|| "geen index".to_owned()),
        band: index.map(band).unwrap_or_default().to_owned(),
    }
}

/// Oosterveld-Noord in 2025: four themes, a dozen indicators, five buurten.
pub(crate) fn report() -> AreaReport {
    let years = |values: &[Option<f64>]| -> Vec<(u16, Option<f64>)> {
        values.iter().enumerate().map(|(index, value)| (2018 + index as u16, *value)).collect()
    };
    AreaReport {
        municipality: "Gemeente Oosterveld".to_owned(),
        area_name: "Oosterveld-Noord".to_owned(),
        area_code: "WK099901".to_owned(),
        level: "wijk".to_owned(),
        parent: Some("Gemeente Oosterveld".to_owned()),
        period: "2025".to_owned(),
        base_period: Some("2021".to_owned()),
        notices: vec!["De cijfers in deze demo zijn synthetisch.".to_owned()],
        index: Some(ReportIndex {
            value: "104".to_owned(),
            band: "gemiddeld".to_owned(),
            objective: "106 (gemiddeld)".to_owned(),
            subjective: "101 (gemiddeld)".to_owned(),
        }),
        themes: vec![
            theme("Sociaal", 97.0),
            theme("Fysiek", 112.0),
            theme("Veiligheid", 151.0),
            theme("Participatie", 84.0),
        ],
        sections: vec![
            ReportSection {
                theme: "Sociaal".to_owned(),
                indicators: vec![
                    indicator(
                        "Werkloosheid",
                        "%",
                        ["5,2", "4,8 %", "+0,3", "−1,1 (significant)", "dalend", "≤ 4,5 % in 2026", "op koers", "96"],
                        &years(&[
                            Some(6.8),
                            Some(6.5),
                            Some(7.1),
                            Some(6.3),
                            Some(5.9),
                            Some(5.4),
                            Some(4.9),
                            Some(5.2),
                        ]),
                    ),
                    indicator(
                        "Huishoudens met een laag inkomen",
                        "%",
                        ["11,4", "9,7 %", "−0,2", "−0,9", "stabiel", "", "", "93"],
                        &years(&[
                            Some(12.3),
                            Some(12.1),
                            None,
                            Some(12.0),
                            Some(11.8),
                            Some(11.6),
                            Some(11.6),
                            Some(11.4),
                        ]),
                    ),
                    indicator(
                        "Eenzaamheid",
                        "%",
                        ["38", "41 %", "", "−3 (binnen de marge)", "", "", "", "103"],
                        &years(&[None, Some(41.0), None, Some(40.0), None, Some(39.0), None, Some(38.0)]),
                    ),
                ],
            },
            ReportSection {
                theme: "Fysiek".to_owned(),
                indicators: vec![
                    indicator(
                        "Tevredenheid met de woning",
                        "rapportcijfer",
                        ["7,6", "7,4", "+0,1", "+0,3", "stijgend", "≥ 7,5", "gehaald", "108"],
                        &years(&[
                            Some(7.2),
                            Some(7.3),
                            Some(7.3),
                            Some(7.3),
                            Some(7.4),
                            Some(7.5),
                            Some(7.5),
                            Some(7.6),
                        ]),
                    ),
                    indicator(
                        "Groen per woning",
                        "m²",
                        ["64", "58 m²", "0", "+2", "stabiel", "", "", "115"],
                        &years(&[
                            Some(62.0),
                            Some(62.0),
                            Some(62.0),
                            Some(62.0),
                            Some(63.0),
                            Some(64.0),
                            Some(64.0),
                            Some(64.0),
                        ]),
                    ),
                ],
            },
            ReportSection {
                theme: "Veiligheid".to_owned(),
                indicators: vec![indicator(
                    "Woninginbraken per 1.000 woningen",
                    "",
                    ["1,9", "2,6", "−0,4", "−1,5 (significant)", "dalend", "≤ 2,0 in 2026", "op koers", "131"],
                    &years(&[Some(4.1), Some(3.8), Some(3.4), Some(3.0), Some(2.7), Some(2.4), Some(2.3), Some(1.9)]),
                )],
            },
            ReportSection {
                theme: "Participatie".to_owned(),
                indicators: vec![indicator(
                    "Vrijwilligerswerk",
                    "%",
                    [
                        "21",
                        "27 %",
                        "−2 (binnen de marge)",
                        "−4 (significant)",
                        "dalend",
                        "≥ 30 % in 2026",
                        "achter",
                        "84",
                    ],
                    &years(&[Some(26.0), None, Some(25.0), Some(25.0), Some(24.0), Some(23.0), Some(22.0), Some(21.0)]),
                )],
            },
        ],
        children_heading: "Buurten".to_owned(),
        children: vec![
            child("De Esch", "BU09990101", Some(101.0)),
            child("Molenhoek", "BU09990102", Some(96.0)),
            child("Hazelaar", "BU09990103", Some(112.0)),
            child("Bedrijventerrein Noord", "BU09990104", None),
            child("Wilgenhof", "BU09990105", Some(88.0)),
        ],
        method: method(),
        generated: "Opgesteld op 29 november 2026".to_owned(),
    }
}

/// A generated wijk: `indicators` indicators spread over the four themes, each with a series of
/// `years` yearly values (one in seven missing), and `buurten` buurten.
pub(crate) fn wijk(indicators: usize, years: usize, buurten: usize) -> AreaReport {
    // A fixed, wavy figure: the same report every time, without a random generator.
    let figure = |seed: usize, step: usize| 50.0 + 30.0 * ((seed * 7 + step) as f64 * 0.37).sin();
    let last_year = 2025;
    let first_year = last_year + 1 - years as u16;
    let sections = THEMES
        .iter()
        .enumerate()
        .map(|(theme_number, theme)| ReportSection {
            theme: (*theme).to_owned(),
            indicators: (0..indicators)
                .filter(|number| number % THEMES.len() == theme_number)
                .map(|number| {
                    let series: Vec<(u16, Option<f64>)> = (0..years)
                        .map(|step| (first_year + step as u16, (step % 7 != 3).then(|| figure(number, step))))
                        .collect();
                    let value = figure(number, years - 1);
                    let previous = figure(number, years.saturating_sub(2));
                    let score = 100.0 + (value - 50.0) / 3.0;
                    indicator(
                        &format!("Indicator {} van thema {theme}", number + 1),
                        "%",
                        [
                            &decimal(value),
                            &format!("{} %", decimal(figure(number + 1, years - 1))),
                            &format!("{} (binnen de marge)", decimal(value - previous)),
                            &format!("{} (significant)", decimal(value - figure(number, 0))),
                            if value > previous { "stijgend" } else { "dalend" },
                            &format!("≥ {} % in 2026", decimal(value.round())),
                            if number % 3 == 0 { "achter" } else { "op koers" },
                            &format!("{score:.0}"),
                        ],
                        &series,
                    )
                })
                .collect(),
        })
        .collect();
    AreaReport {
        municipality: "Gemeente Oosterveld".to_owned(),
        area_name: "Oosterveld-Zuid".to_owned(),
        area_code: "WK099902".to_owned(),
        level: "wijk".to_owned(),
        parent: Some("Gemeente Oosterveld".to_owned()),
        period: last_year.to_string(),
        base_period: Some(first_year.to_string()),
        notices: vec!["De cijfers in deze demo zijn synthetisch.".to_owned()],
        index: Some(ReportIndex {
            value: "99".to_owned(),
            band: "gemiddeld".to_owned(),
            objective: "97 (gemiddeld)".to_owned(),
            subjective: "102 (gemiddeld)".to_owned(),
        }),
        themes: THEMES.iter().enumerate().map(|(number, name)| theme(name, 85.0 + 10.0 * number as f64)).collect(),
        sections,
        children_heading: "Buurten".to_owned(),
        children: (1..=buurten)
            .map(|number| {
                child(&format!("Buurt {number}"), &format!("BU099902{number:02}"), Some(90.0 + number as f64))
            })
            .collect(),
        method: method(),
        generated: "Opgesteld op 29 november 2026".to_owned(),
    }
}
