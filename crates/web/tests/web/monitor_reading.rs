//! Reading the monitor right, on SQLite and PostgreSQL: the default period is the latest that
//! most wijken have most indicators for (a few figures of a new year do not take over), an index
//! on too few indicators says so or is withheld, a score says better or worse in words (no
//! arrows), and it says what it compares with.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use serde_json::Value;
use wijkbeeld_domain::monitor::{Direction, IndicatorStatus, Measurement};
use wijkbeeld_domain::period::Period;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::monitor as stored;

use support::{TestSite, Visitor};

/// The latest year with the demo's figures for the wijken.
async fn latest_year(site: &TestSite) -> i32 {
    let mut tx = site.store.begin().await.unwrap();
    let periods = stored::periods(&mut tx, site.body, wijkbeeld_domain::area::AreaLevel::District).await.unwrap();
    periods.iter().rfind(|period| period.quarter_number().is_none()).unwrap().year_number()
}

/// Writes a value for `count` of the index's indicators (adopted, published, not neutral) for the
/// wijk `area` in `year`, through the store as an import does; the data version moves on.
async fn add_figures(site: &TestSite, area: &str, year: i32, count: usize) {
    let mut tx = site.store.begin().await.unwrap();
    let areas = stored::areas(&mut tx, site.body).await.unwrap();
    let area = areas.iter().find(|candidate| candidate.code.as_str() == area).unwrap();
    let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
    let counted: Vec<_> = indicators
        .iter()
        .filter(|indicator| {
            indicator.status == IndicatorStatus::Adopted
                && indicator.is_published
                && indicator.direction != Direction::Neutral
        })
        .take(count)
        .collect();
    assert_eq!(counted.len(), count, "the demo has {count} indicators in its index");
    let period = Period::year(year).unwrap();
    let measurements: Vec<Measurement> = counted
        .iter()
        .map(|indicator| Measurement {
            indicator_id: indicator.id,
            area_id: area.id,
            period,
            // Far on the good side, as the one wijk's 135 on three indicators was.
            value: match indicator.direction {
                Direction::LowerIsBetter => 0.0,
                _ => 99.0,
            },
            sample_size: None,
            margin: None,
            source_note: None,
        })
        .collect();
    stored::write_measurements(&mut tx, site.body, &measurements).await.unwrap();
    tx.commit().await.unwrap();
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap()
}

/// The period the page's period choice has selected.
fn selected_period(page: &str) -> String {
    let select = &page[page.find("id=\"periode\"").unwrap()..];
    let selected = &select[..select.find(" selected>").unwrap()];
    let value = &selected[selected.rfind("value=\"").unwrap() + 7..];
    value.trim_end_matches('"').to_owned()
}

backend_test! {
    async fn three_figures_of_a_new_year_do_not_make_it_the_default_period(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.60.0.1:4000").await;
        let year = latest_year(&site).await;
        let next = year + 1;
        add_figures(&site, "WK016401", next, 3).await;

        // The overview, the profiles (of a wijk, a buurt and the gemeente) and the API keep the
        // latest year that most wijken have most indicators for.
        let overview = site.get("/monitor", &public).await;
        assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
        assert_eq!(selected_period(&overview.body), year.to_string());
        assert!(overview.body.contains(&format!("/monitor/gebied/WK016401?periode={year}")));
        let profile = site.get("/monitor/gebied/WK016401", &public).await;
        assert_eq!(selected_period(&profile.body), year.to_string());
        let gemeente = site.get("/monitor/gebied/GM0164", &public).await;
        assert_eq!(selected_period(&gemeente.body), year.to_string());
        let analysis = json(&site.get("/api/v1/areas/WK016401/analysis", &public).await.body);
        assert_eq!(analysis["period"], year.to_string());
        assert!(analysis["index"].is_number());
        let of = analysis["index_indicators"]["of"].as_u64().unwrap();
        assert!(of > 6, "the demo's index rests on more than six indicators: {of}");
        assert_eq!(analysis["index_indicators"]["scored"].as_u64(), Some(of), "every indicator in the latest full year");

        // The new year stays selectable; there the wijk's index on three indicators is withheld,
        // with the reason, in the page and in the JSON (null and the count).
        assert!(overview.body.contains(&format!("<option value=\"{next}\">")), "{next} is offered");
        let new_year = site.get(&format!("/monitor?periode={next}"), &public).await;
        assert_eq!(new_year.status, StatusCode::OK);
        assert_eq!(selected_period(&new_year.body), next.to_string());
        let withheld = format!("niet gegeven: 3 van {of} indicatoren, minder dan de helft");
        assert!(new_year.body.contains(&withheld), "{}", new_year.body);
        assert!(new_year.body.contains("te weinig gegevens"), "the wijk's tile says why it has no index");
        let sparse = json(&site.get(&format!("/api/v1/areas/WK016401/analysis?period={next}"), &public).await.body);
        assert!(sparse["index"].is_null(), "{sparse}");
        assert_eq!(sparse["index_indicators"]["scored"], 3);
        assert_eq!(sparse["index_indicators"]["of"].as_u64(), Some(of));
        let csv = site.get(&format!("/monitor/export/overzicht.csv?niveau=wijk&periode={next}"), &public).await;
        let row = csv.body.lines().find(|line| line.starts_with("WK016401;")).unwrap();
        assert!(row.contains(&format!(";;3 van {of};")), "no index, and the count: {row}");
    }
}

backend_test! {
    async fn an_index_on_fewer_indicators_than_its_base_says_so(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.60.1.1:4000").await;
        let next = latest_year(&site).await + 1;
        let of = json(&site.get("/api/v1/areas/WK016401/analysis", &public).await.body)["index_indicators"]["of"]
            .as_u64()
            .unwrap() as usize;
        // Just over half of the index's indicators: given, and partial.
        let enough = of / 2 + 1;
        add_figures(&site, "WK016401", next, enough).await;

        let analysis = json(&site.get(&format!("/api/v1/areas/WK016401/analysis?period={next}"), &public).await.body);
        assert!(analysis["index"].is_number(), "{analysis}");
        assert_eq!(analysis["index_indicators"]["scored"].as_u64(), Some(enough as u64));
        let themes = analysis["theme_indicators"].as_object().unwrap();
        assert!(!themes.is_empty());
        let scored: u64 = themes.values().map(|count| count["scored"].as_u64().unwrap()).sum();
        let base: u64 = themes.values().map(|count| count["of"].as_u64().unwrap()).sum();
        assert_eq!((scored, base), (enough as u64, of as u64), "the themes' counts add up to the index's");
        for (theme, count) in themes {
            let given = 2 * count["scored"].as_u64().unwrap() >= count["of"].as_u64().unwrap()
                && count["scored"].as_u64().unwrap() > 0;
            assert_eq!(analysis["themes"][theme].is_number(), given, "{theme}: {count}");
        }

        let note = format!("op {enough} van {of} indicatoren");
        let overview = site.get(&format!("/monitor?periode={next}"), &public).await;
        assert!(overview.body.contains(&note), "{}", overview.body);
        let profile = site.get(&format!("/monitor/gebied/WK016401?periode={next}"), &public).await;
        assert!(profile.body.contains(&note), "{}", profile.body);
        // In the latest full year the wijk's own index rests on all its indicators.
        let full = site.get("/monitor/gebied/WK016401", &public).await;
        let index = &full.body[full.body.find("monitor-index\">").unwrap()..];
        let index = &index[..index.find("</p>").unwrap()];
        assert!(!index.contains("score__note"), "{index}");
        // The parent gemeente's list of wijken says it too.
        let wijken = site.get(&format!("/monitor/gebied/GM0164?periode={next}"), &public).await;
        assert!(wijken.body.contains(&note), "{}", wijken.body);
    }
}

backend_test! {
    async fn scores_say_better_or_worse_in_words_and_what_they_compare_with(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.60.2.1:4000").await;
        let analysis = json(&site.get("/api/v1/areas/WK016401/analysis", &public).await.body);
        let base = analysis["base_period"].as_str().unwrap().to_owned();

        let profile = site.get("/monitor/gebied/WK016401", &public).await;
        assert_eq!(profile.status, StatusCode::OK);
        for arrow in ['▲', '▼', '●'] {
            assert!(!profile.body.contains(arrow), "no arrow suggests a number went up or down: {arrow}");
        }
        // Every scored card says its judgement against the base year's average, in words.
        let scored_cards = analysis["indicators"].as_array().unwrap().iter().filter(|card| card["score"].is_number()).count();
        let reference = format!("het gemiddelde van de wijken in basisjaar {base} (= 100)");
        assert_eq!(profile.body.matches(&reference).count(), scored_cards, "{}", profile.body);
        for card in analysis["indicators"].as_array().unwrap().iter().filter(|card| card["score"].is_number()) {
            let score = card["score"].as_f64().unwrap();
            let words = if score >= 110.0 {
                "beter dan"
            } else if score >= 90.0 {
                "gelijk aan"
            } else if score >= 70.0 {
                "slechter dan"
            } else {
                "veel slechter dan"
            };
            let card_html = &profile.body[profile.body.find(&format!("id=\"indicator-{}\"", card["code"].as_str().unwrap())).unwrap()..];
            let card_html = &card_html[..card_html.find("</li>").unwrap()];
            assert!(card_html.contains(&format!("{words} {reference}")), "{}: {score}: {card_html}", card["code"]);
            assert!(card_html.contains("aria-hidden=\"true\">"), "a shape beside the words");
        }
        assert!(profile.body.contains("niet het cijfer van de stad"), "the index says it is not the city's figure");

        // The overview's cells carry the words, and the page says what 100 is.
        let overview = site.get("/monitor", &public).await;
        assert!(overview.body.contains(&format!("het gemiddelde van de wijken in het basisjaar {base} (= 100), niet met het cijfer van de stad")));
        let words = ["beter</span>", "gelijk</span>", "slechter</span>"];
        assert!(words.iter().filter(|word| overview.body.contains(*word)).count() >= 2, "{}", overview.body);
        for arrow in ['▲', '▼', '●'] {
            assert!(!overview.body.contains(arrow), "{arrow}");
        }

        // In English too.
        let english = Visitor::anonymous(&site, "10.60.2.2:4000").await;
        let mut english = english;
        let reply = site.get("/taal?kies=en&terug=/monitor", &english).await;
        english.take_cookies(&reply);
        let overview = site.get("/monitor", &english).await;
        assert!(overview.body.contains(&format!("the average of the districts in the base year {base} (= 100)")), "{}", overview.body);

        // The method page states the rules.
        let method = site.get("/monitor/methode", &public).await;
        assert!(method.body.contains("de laatste periode waarin de meeste gebieden"));
        assert!(method.body.contains("minstens de helft van alle indicatoren van de index"));
        assert!(method.body.contains("vergelijkt dus niet met het cijfer van de stad"));
    }
}
