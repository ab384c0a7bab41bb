//! Importing measurements through the site, on SQLite and PostgreSQL: the page lists the codes a
//! file may use and offers a template the import accepts; a file is checked first and stored
//! only from its preview, once, by whoever checked it and before the check expires; and the
//! problems of a bad file are named by line and column in the reader's language.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::monitor::{check_file, import_file};
use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_store::audit as audit_log;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};

use support::{TestSite, Visitor, value_of};

/// The stored values, the data version and how many imports the audit log holds: what "nothing
/// was stored" means for an import.
async fn stored_state(site: &TestSite) -> (Vec<f64>, i64, usize) {
    let mut tx = site.store.begin().await.unwrap();
    let values = stored::measurements(&mut tx, site.body, &MeasurementFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|measurement| measurement.value)
        .collect();
    let version = stored::data_version(&mut tx).await.unwrap();
    let filter = audit_log::AuditFilter { entity: Some("measurements".to_owned()), ..Default::default() };
    let imports = audit_log::list(&mut tx, &filter, 10_000, 0)
        .await
        .unwrap()
        .iter()
        .filter(|entry| entry.action == "measurements.import")
        .count();
    (values, version, imports)
}

/// The stored measurement of `indicator` for `area` in `period`.
async fn measurement_of(
    site: &TestSite,
    area: &str,
    indicator: &str,
    period: &str,
) -> wijkbeeld_domain::monitor::Measurement {
    let mut tx = site.store.begin().await.unwrap();
    let area =
        stored::areas(&mut tx, site.body).await.unwrap().into_iter().find(|known| known.code.as_str() == area).unwrap();
    let indicator = stored::indicators(&mut tx, site.body)
        .await
        .unwrap()
        .into_iter()
        .find(|known| known.code == indicator)
        .unwrap();
    let period = period.parse().unwrap();
    let filter = MeasurementFilter {
        areas: Some(vec![area.id]),
        indicators: Some(vec![indicator.id]),
        from: Some(period),
        until: Some(period),
        ..Default::default()
    };
    stored::measurements(&mut tx, site.body, &filter).await.unwrap().remove(0)
}

/// The latest year with demo figures for the wijken.
async fn latest_year(site: &TestSite) -> i32 {
    let mut tx = site.store.begin().await.unwrap();
    stored::periods(&mut tx, site.body, AreaLevel::District).await.unwrap().last().unwrap().year_number()
}

backend_test! {
    async fn the_import_page_lists_the_indicator_and_area_codes_to_use(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.70.0.1:4000").await;
        let page = site.get("/monitor/importeren", &college).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let (indicators, areas) = {
            let mut tx = site.store.begin().await.unwrap();
            (stored::indicators(&mut tx, site.body).await.unwrap(), stored::areas(&mut tx, site.body).await.unwrap())
        };
        assert!(indicators.len() > 5 && areas.len() > 10);
        // Folded, so the page stays short.
        for id in ["indicatorcodes", "wijkcodes", "buurtcodes"] {
            assert!(page.body.contains(&format!("<details class=\"monitor-codes\" id=\"{id}\">")), "{id}: {}", page.body);
        }
        assert!(page.body.contains(&format!("{} indicatoren, met naam en eenheid", indicators.len())), "{}", page.body);
        for indicator in &indicators {
            let unit = match indicator.unit.code() {
                "percentage" => "percentage",
                "aantal" => "aantal",
                "per_1000" => "per 1.000 inwoners",
                "score_1_10" => "rapportcijfer 1–10",
                _ => "schaalscore 0–10",
            };
            let listed = format!("<code>{}</code> {} ({unit})", indicator.code, askama_escape(&indicator.name));
            assert!(page.body.contains(&listed), "{listed} missing: {}", page.body);
        }
        let wijken = areas.iter().filter(|area| area.level == AreaLevel::District).count();
        let buurten = areas.iter().filter(|area| area.level == AreaLevel::Neighbourhood).count();
        assert!(page.body.contains(&format!("{wijken} wijken, met CBS-code")), "{}", page.body);
        assert!(page.body.contains(&format!("{buurten} buurten, met CBS-code")), "{}", page.body);
        for area in areas.iter().filter(|area| area.level != AreaLevel::Municipality) {
            let listed = format!("<code>{}</code> {}", area.code, askama_escape(&area.name));
            assert!(page.body.contains(&listed), "{listed} missing");
        }
        assert!(page.body.contains("href=\"/monitor/importeren/sjabloon.csv\""), "the page offers the template");

        // Only those who keep the monitor see the codes.
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.70.0.2:4000").await;
        assert_eq!(site.get("/monitor/importeren", &griffie).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.get("/monitor/importeren/sjabloon.csv", &griffie).await.status, StatusCode::FORBIDDEN);
    }
}

/// HTML-escapes a text as askama does, for finding a name on a page.
fn askama_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&#34;").replace('\'', "&#39;")
}

backend_test! {
    async fn the_template_has_the_importers_header_and_real_codes_and_is_accepted_as_it_is(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.1.1:4000").await;
        let template = site.get("/monitor/importeren/sjabloon.csv", &college).await;
        assert_eq!(template.status, StatusCode::OK, "{}", template.body);
        assert!(template.header("content-type").starts_with("text/csv"), "{}", template.header("content-type"));
        assert!(template.header("content-disposition").contains("meetwaarden-sjabloon.csv"));

        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(template.body.trim_start_matches('\u{feff}').as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(header, ["area_code", "indicator", "period", "value", "sample_size", "margin"]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 1, "one example line");
        let (area, indicator, period) = (rows[0][0].to_owned(), rows[0][1].to_owned(), rows[0][2].to_owned());
        {
            let mut tx = site.store.begin().await.unwrap();
            let areas = stored::areas(&mut tx, site.body).await.unwrap();
            let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
            assert!(areas.iter().any(|known| known.code.as_str() == area), "{area} is a real area");
            assert!(indicators.iter().any(|known| known.code == indicator), "{indicator} is a real indicator");
        }
        assert_eq!(period, latest_year(&site).await.to_string());
        let value: f64 = rows[0][3].parse().unwrap();

        // Fed back as it is, the file is accepted and stores its value.
        let (preview, landed) =
            import_file(&site, &mut college, &[], "meetwaarden-sjabloon.csv", template.body.as_bytes()).await;
        assert!(preview.body.contains("1 meetwaarde voor"), "{}", preview.body);
        assert!(landed.body.contains("1 meetwaarde is opgeslagen."), "{}", landed.body);
        assert_eq!(value_of(&site, &area, &indicator, &period).await, Some(value));
    }
}

backend_test! {
    async fn a_checked_file_shows_what_changes_and_is_stored_only_from_its_preview_and_only_once(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.2.1:4000").await;
        let year = latest_year(&site).await.to_string();
        let held = value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", &year).await.unwrap();
        // The same value, sample size and margin as stored: unchanged.
        let kept = measurement_of(&site, "WK016402", "VEILIGHEIDSBELEVING", &year).await;
        let same = kept.value;
        let optional = |value: Option<String>| value.unwrap_or_default();
        let file = format!(
            "area_code,indicator,period,value,sample_size,margin\n\
             WK016401,VEILIGHEIDSBELEVING,{year},{},,\n\
             WK016402,VEILIGHEIDSBELEVING,{year},{same},{},{}\n\
             WK016403,VEILIGHEIDSBELEVING,2035,6.5,,\n",
            held + 1.0,
            optional(kept.sample_size.map(|size| size.to_string())),
            optional(kept.margin.map(|margin| margin.to_string())),
        );
        let before = stored_state(&site).await;

        // Step 1: checked, kept, and nothing stored.
        let (sent, preview) = check_file(&site, &mut college, &[], "metingen.csv", file.as_bytes()).await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        let location = sent.header("location").to_owned();
        assert!(location.starts_with("/monitor/importeren/controle/"), "{location}");
        let preview = preview.unwrap();
        assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
        assert!(preview.body.contains("Het bestand is gecontroleerd en nog niet opgeslagen."), "the notice: {}", preview.body);
        assert!(preview.body.contains(&format!("3 meetwaarden voor 2035, {year}")) || preview.body.contains(&format!("3 meetwaarden voor {year}, 2035")), "{}", preview.body);
        assert!(preview.body.contains("1 nieuw, 1 gewijzigd, 1 ongewijzigd"), "{}", preview.body);
        let decimal = |value: f64| format!("{value:.1}").replace('.', ",");
        assert!(
            preview.body.contains(&format!("gewijzigd: <del>{}</del> → <strong>{}</strong>", decimal(held), decimal(held + 1.0))),
            "old → new: {}",
            preview.body
        );
        assert!(preview.body.contains(&format!("ongewijzigd: <strong>{}</strong>", decimal(same))), "{}", preview.body);
        assert!(preview.body.contains("nieuw: <strong>6,5</strong>"), "{}", preview.body);
        assert!(preview.body.contains(&format!("action=\"{location}\"")), "the preview stores from its own address");
        assert_eq!(stored_state(&site).await, before, "checking stores nothing");
        // Looking again (a refresh) stores nothing either.
        assert_eq!(site.get(&location, &college).await.status, StatusCode::OK);
        assert_eq!(stored_state(&site).await, before);
        assert_eq!(value_of(&site, "WK016403", "VEILIGHEIDSBELEVING", "2035").await, None);

        // Step 2: stored, audited once, with its notice.
        let stored_reply = site.post(&location, &[], &college).await;
        assert_eq!(stored_reply.status, StatusCode::SEE_OTHER, "{}", stored_reply.body);
        assert_eq!(stored_reply.header("location"), "/monitor/importeren");
        college.take_cookies(&stored_reply);
        let landed = site.get("/monitor/importeren", &college).await;
        assert!(landed.body.contains("3 meetwaarden zijn opgeslagen."), "{}", landed.body);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", &year).await, Some(held + 1.0));
        assert_eq!(value_of(&site, "WK016403", "VEILIGHEIDSBELEVING", "2035").await, Some(6.5));
        let after = stored_state(&site).await;
        assert_eq!(after.2, before.2 + 1, "one audited import");

        // Posted again (a refresh of the post, the back button): refused, nothing stored twice.
        let again = site.post(&location, &[], &college).await;
        assert_eq!(again.status, StatusCode::NOT_FOUND, "{}", again.body);
        assert!(again.body.contains("Dit gecontroleerde bestand is er niet (meer)"), "{}", again.body);
        assert_eq!(stored_state(&site).await, after);
        assert_eq!(site.get(&location, &college).await.status, StatusCode::NOT_FOUND);
        // A made-up token is as unknown.
        let made_up = site.post("/monitor/importeren/controle/bestaat-niet", &[], &college).await;
        assert_eq!(made_up.status, StatusCode::NOT_FOUND);
        assert_eq!(stored_state(&site).await, after);
    }
}

backend_test! {
    async fn a_checked_file_can_be_discarded_by_whoever_checked_it_and_then_stores_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.4.1:4000").await;
        let file = "area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2035,6.5\n";
        let (sent, preview) = check_file(&site, &mut college, &[], "metingen.csv", file.as_bytes()).await;
        let location = sent.header("location").to_owned();
        let discard = format!("{location}/niet-opslaan");
        assert!(preview.unwrap().body.contains(&format!("action=\"{discard}\"")), "the preview offers not to save");
        let before = stored_state(&site).await;

        // Another account cannot discard it.
        let admin = Visitor::with_session(&site, Role::Admin, "10.70.4.2:4000").await;
        assert_eq!(site.post(&discard, &[], &admin).await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get(&location, &college).await.status, StatusCode::OK, "still there for the college");

        let discarded = site.post(&discard, &[], &college).await;
        assert_eq!(discarded.status, StatusCode::SEE_OTHER, "{}", discarded.body);
        assert_eq!(discarded.header("location"), "/monitor/importeren");
        college.take_cookies(&discarded);
        let landed = site.get("/monitor/importeren", &college).await;
        assert!(landed.body.contains("Het gecontroleerde bestand is niet opgeslagen en vergeten."), "{}", landed.body);
        assert_eq!(stored_state(&site).await, before, "discarding stores nothing and is no import");
        assert_eq!(site.get(&location, &college).await.status, StatusCode::NOT_FOUND, "the preview is gone");
        assert_eq!(site.post(&location, &[], &college).await.status, StatusCode::NOT_FOUND, "and cannot be stored");
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2035").await, None);
        assert_eq!(site.post(&discard, &[], &college).await.status, StatusCode::NOT_FOUND, "a second discard finds nothing");
    }
}

backend_test! {
    async fn another_account_can_neither_see_nor_store_a_file_someone_checked(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.3.1:4000").await;
        let file = "area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2035,6.5\n";
        let (sent, _) = check_file(&site, &mut college, &[], "metingen.csv", file.as_bytes()).await;
        let location = sent.header("location").to_owned();
        let before = stored_state(&site).await;

        // The admin may import too, but not the college's checked file.
        let admin = Visitor::with_session(&site, Role::Admin, "10.70.3.2:4000").await;
        let seen = site.get(&location, &admin).await;
        assert_eq!(seen.status, StatusCode::NOT_FOUND, "{}", seen.body);
        assert!(!seen.body.contains("WK016401 "), "nothing of the file is shown");
        let refused = site.post(&location, &[], &admin).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{}", refused.body);
        assert_eq!(stored_state(&site).await, before);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2035").await, None);

        // Still the college's to store.
        let stored_reply = site.post(&location, &[], &college).await;
        assert_eq!(stored_reply.status, StatusCode::SEE_OTHER, "{}", stored_reply.body);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2035").await, Some(6.5));
    }
}

backend_test! {
    async fn a_check_that_waited_over_an_hour_is_refused_with_a_clear_message(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.4.1:4000").await;
        let file = "area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2035,6.5\n";
        let (sent, _) = check_file(&site, &mut college, &[], "metingen.csv", file.as_bytes()).await;
        let location = sent.header("location").to_owned();
        let before = stored_state(&site).await;

        // Within the hour it is still there.
        let soon = site.at(site.now + time::Duration::minutes(59));
        assert_eq!(soon.get(&location, &college).await.status, StatusCode::OK);

        let later = site.at(site.now + time::Duration::minutes(61));
        let seen = later.get(&location, &college).await;
        assert_eq!(seen.status, StatusCode::GONE, "{}", seen.body);
        assert!(seen.body.contains("De controle is verlopen"), "{}", seen.body);
        let refused = later.post(&location, &[], &college).await;
        assert_eq!(refused.status, StatusCode::GONE, "{}", refused.body);
        assert!(refused.body.contains("Er is niets opgeslagen; kies het bestand opnieuw."), "{}", refused.body);
        assert!(refused.body.contains("name=\"bestand\""), "the form to choose it again");
        assert_eq!(stored_state(&site).await, before);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2035").await, None);
    }
}

backend_test! {
    async fn a_bad_files_problems_name_line_and_column_in_dutch_and_in_english(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.70.5.1:4000").await;
        let bad = "area_code,indicator,period,value,sample_size\n\
                   WK019999,VEILIGHEIDSBELEVING,2030,7,\n\
                   WK016402,ONBEKEND,2030,7,\n\
                   WK016403,VEILIGHEIDSBELEVING,2030,112.5,\n\
                   WK016404,VEILIGHEIDSBELEVING,twintig,7,12.5\n\
                   WK16,VEILIGHEIDSBELEVING,2030,veel,\n";
        let before = stored_state(&site).await;
        let (dutch, preview) = check_file(&site, &mut college, &[], "fout.csv", bad.as_bytes()).await;
        assert!(preview.is_none());
        assert_eq!(dutch.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", dutch.body);
        for expected in [
            "Regel 2, kolom area_code: WK019999 is geen gebied van deze gemeente.",
            "Regel 3, kolom indicator: “ONBEKEND” is geen bekende indicator.",
            "Regel 4, kolom value: 112.5 ligt buiten 0–100, de grenzen van een percentage.",
            "Regel 5, kolom period: “twintig” is geen periode",
            "Regel 5, kolom sample_size: “12.5” is geen steekproefomvang",
            "Regel 6, kolom area_code: “WK16” is geen CBS-gebiedscode",
            "Regel 6, kolom value: “veel” is geen getal.",
        ] {
            assert!(dutch.body.contains(expected), "{expected}: {}", dutch.body);
        }
        assert!(!dutch.body.contains("in het Engels") && !dutch.body.contains("is not"), "no English: {}", dutch.body);
        assert!(dutch.body.contains("Gevonden fouten"));

        college.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        let (english, _) = check_file(&site, &mut college, &[], "fout.csv", bad.as_bytes()).await;
        assert_eq!(english.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", english.body);
        for expected in [
            "Line 2, column area_code: WK019999 is not an area of this municipality.",
            "Line 3, column indicator: “ONBEKEND” is not a known indicator.",
            "Line 4, column value: 112.5 is outside 0–100, the bounds of a percentage.",
            "Line 5, column period: “twintig” is not a period",
            "Line 6, column value: “veel” is not a number.",
        ] {
            assert!(english.body.contains(expected), "{expected}: {}", english.body);
        }
        // A problem of the whole line, without a column.
        let short = "area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING\n";
        college.cookies.retain(|(name, _)| name != "wijkbeeld_taal");
        let (reply, _) = check_file(&site, &mut college, &[], "kort.csv", short.as_bytes()).await;
        assert!(reply.body.contains("Regel 2: de regel heeft 2 velden en de kopregel 4."), "{}", reply.body);
        assert_eq!(stored_state(&site).await, before, "a refused file stores nothing");
    }
}
