//! The monitor's settings through the site's real interface, on SQLite and PostgreSQL: an
//! indicator's targets (added, edited, deleted, with their effect on the dashboard), the CBS
//! column mappings that a CBS table is imported through, refused forms that change nothing, and
//! who may keep them.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::Target;
use wijkbeeld_store::audit::{self, AuditFilter};
use wijkbeeld_store::backend_test;
use wijkbeeld_store::monitor as stored;
use wijkbeeld_store::statistics;

use support::{TestSite, Visitor, value_of};

const TARGETS: &str = "/monitor/indicatoren/ERVAREN_GEZONDHEID/streefwaarden";

/// Every row count, the monitor's data version, the targets and the mappings: what "nothing
/// changed" means.
async fn fingerprint(
    site: &TestSite,
) -> (std::collections::BTreeMap<&'static str, i64>, i64, Vec<Target>, Vec<(String, i64)>) {
    let mut tx = site.store.begin().await.unwrap();
    let counts = statistics::row_counts(&mut tx).await.unwrap();
    let version = stored::data_version(&mut tx).await.unwrap();
    let targets = stored::targets(&mut tx, site.body).await.unwrap();
    let mappings = stored::cbs_mappings(&mut tx, site.body)
        .await
        .unwrap()
        .into_iter()
        .map(|(column, id)| (column, id.get()))
        .collect();
    (counts, version, targets, mappings)
}

async fn data_version(site: &TestSite) -> i64 {
    let mut tx = site.store.begin().await.unwrap();
    stored::data_version(&mut tx).await.unwrap()
}

/// The targets of the indicator with `code`.
async fn targets_of(site: &TestSite, code: &str) -> Vec<Target> {
    let mut tx = site.store.begin().await.unwrap();
    let indicator = stored::indicators(&mut tx, site.body)
        .await
        .unwrap()
        .into_iter()
        .find(|indicator| indicator.code == code)
        .unwrap();
    stored::targets(&mut tx, site.body)
        .await
        .unwrap()
        .into_iter()
        .filter(|target| target.indicator_id == indicator.id)
        .collect()
}

/// The first and last year with figures for wijken.
async fn years(site: &TestSite) -> (i32, i32) {
    let mut tx = site.store.begin().await.unwrap();
    let periods = stored::periods(&mut tx, site.body, AreaLevel::District).await.unwrap();
    (periods.first().unwrap().year_number(), periods.last().unwrap().year_number())
}

/// The actions of the audit entries about `entity`, oldest first, with their details.
async fn audited(site: &TestSite, entity: &str) -> Vec<(String, serde_json::Value)> {
    let mut tx = site.store.begin().await.unwrap();
    let filter = AuditFilter { entity: Some(entity.to_owned()), ..AuditFilter::default() };
    let mut entries: Vec<(String, serde_json::Value)> = audit::list(&mut tx, &filter, 100, 0)
        .await
        .unwrap()
        .into_iter()
        .map(|entry| (entry.action, serde_json::from_str(&entry.details.unwrap_or_default()).unwrap()))
        .collect();
    entries.reverse();
    entries
}

/// The card of an indicator on an area's profile, up to the end of its facts.
fn card<'a>(profile: &'a str, code: &str) -> &'a str {
    let start = profile.find(&format!("id=\"indicator-{code}\"")).unwrap();
    let end = start + profile[start..].find("</dl>").unwrap();
    &profile[start..end]
}

backend_test! {
    async fn the_college_adds_edits_and_deletes_a_target_and_the_dashboard_follows(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.60.0.1:4000").await;
        let (first_year, _) = years(&site).await;
        let baseline = first_year.to_string();

        // Reached from the list of indicators and from an indicator's edit form.
        let list = site.get("/monitor/indicatoren", &college).await;
        assert!(list.body.contains(&format!("href=\"{TARGETS}\"")), "{}", list.body);
        assert!(list.body.contains("href=\"/monitor/cbs-koppelingen\""));
        let edit = site.get("/monitor/indicatoren/ERVAREN_GEZONDHEID/bewerken", &college).await;
        assert!(edit.body.contains(&format!("href=\"{TARGETS}\"")), "{}", edit.body);

        let page = site.get(TARGETS, &college).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Deze indicator heeft nog geen streefwaarden."), "{}", page.body);
        assert!(page.body.contains("<option value=\"GM0164\" selected>Hele gemeente (Hengelo)</option>"), "{}", page.body);
        assert!(page.body.contains("<optgroup label=\"Wijken\">") && page.body.contains("Hengelose Es (WK016401)"));
        assert!(page.body.contains("<legend"), "the periods are a group");
        // Any case in the address finds the indicator.
        assert_eq!(site.get("/monitor/indicatoren/ervaren_gezondheid/streefwaarden", &college).await.status, StatusCode::OK);
        let profile = site.get("/monitor/gebied/WK016401", &college).await;
        assert!(!card(&profile.body, "ERVAREN_GEZONDHEID").contains("nulmeting"), "no target yet");

        // Added: any value reached counts as achieved.
        let version = data_version(&site).await;
        let fields = [
            ("area", "WK016401"),
            ("value", "0,5"),
            ("target_period", "2030"),
            ("baseline_period", baseline.as_str()),
            ("note", "Afspraak uit de wijkagenda."),
        ];
        let added = site.post(TARGETS, &fields, &college).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        assert_eq!(added.header("location"), format!("{TARGETS}?gedaan=toegevoegd"));
        assert!(data_version(&site).await > version, "the data version is raised");
        let targets = targets_of(&site, "ERVAREN_GEZONDHEID").await;
        assert_eq!(targets.len(), 1);
        let target = &targets[0];
        assert_eq!((target.value, target.target_period.to_string()), (0.5, "2030".to_owned()));
        assert_eq!(target.note.as_deref(), Some("Afspraak uit de wijkagenda."));
        let page = site.get(added.header("location"), &college).await;
        assert!(page.body.contains("De streefwaarde is toegevoegd."), "{}", page.body);
        assert!(page.body.contains("Hengelose Es (WK016401)") && page.body.contains("0,5%"), "{}", page.body);
        let profile = site.get("/monitor/gebied/WK016401", &college).await;
        let shown = card(&profile.body, "ERVAREN_GEZONDHEID");
        assert!(shown.contains(&format!("0,5% in 2030 (nulmeting {baseline})")), "{shown}");
        assert!(shown.contains("behaald"), "{shown}");
        let indicator = site.get("/monitor/indicator/ERVAREN_GEZONDHEID", &college).await;
        assert!(indicator.body.contains("Afspraak uit de wijkagenda."), "the indicator page lists the target");

        // Edited: the form shows the stored target; a target out of reach is behind.
        let form_href = format!("{TARGETS}/{}/bewerken", target.id);
        let form = site.get(&form_href, &college).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("value=\"0,5\"") && form.body.contains("value=\"2030\""), "{}", form.body);
        assert!(form.body.contains("<option value=\"WK016401\" selected>"), "{}", form.body);
        let version = data_version(&site).await;
        let fields = [
            ("area", "wk016401"),
            ("value", "99.5"),
            ("target_period", "2026"),
            ("baseline_period", baseline.as_str()),
            ("note", ""),
        ];
        let edited = site.post(&form_href, &fields, &college).await;
        assert_eq!(edited.status, StatusCode::SEE_OTHER, "{}", edited.body);
        assert_eq!(edited.header("location"), format!("{TARGETS}?gedaan=gewijzigd"));
        assert!(data_version(&site).await > version);
        let targets = targets_of(&site, "ERVAREN_GEZONDHEID").await;
        assert_eq!((targets.len(), targets[0].value, targets[0].note.clone()), (1, 99.5, None));
        let profile = site.get("/monitor/gebied/WK016401", &college).await;
        let shown = card(&profile.body, "ERVAREN_GEZONDHEID");
        assert!(shown.contains("99,5% in 2026") && shown.contains("achter"), "{shown}");

        // In English too, every text is there.
        let mut english = college.clone();
        english.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        for path in [TARGETS.to_owned(), form_href.clone(), "/monitor/cbs-koppelingen".to_owned()] {
            let page = site.get(&path, &english).await;
            assert_eq!(page.status, StatusCode::OK, "{path}");
            assert!(!page.body.contains("Unknown localization"), "{path}: {}", page.body);
        }
        assert!(site.get(TARGETS, &english).await.body.contains("Whole municipality (Hengelo)"));

        // Deleted: a button in a form, and the target is gone from the dashboard.
        let page = site.get(TARGETS, &college).await;
        let delete_href = format!("{TARGETS}/{}/verwijderen", target.id);
        assert!(page.body.contains(&format!("action=\"{delete_href}\"")), "{}", page.body);
        let version = data_version(&site).await;
        let deleted = site.post(&delete_href, &[], &college).await;
        assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
        assert_eq!(deleted.header("location"), format!("{TARGETS}?gedaan=verwijderd"));
        assert!(data_version(&site).await > version);
        assert!(targets_of(&site, "ERVAREN_GEZONDHEID").await.is_empty());
        assert!(site.get(deleted.header("location"), &college).await.body.contains("De streefwaarde is verwijderd."));
        let profile = site.get("/monitor/gebied/WK016401", &college).await;
        assert!(!card(&profile.body, "ERVAREN_GEZONDHEID").contains("nulmeting"));
        assert_eq!(site.post(&delete_href, &[], &college).await.status, StatusCode::NOT_FOUND, "deleted once");
        assert_eq!(site.get(&form_href, &college).await.status, StatusCode::NOT_FOUND);

        // Each change is in the audit log, with what it was about.
        let entries = audited(&site, "target").await;
        let actions: Vec<&str> = entries.iter().map(|(action, _)| action.as_str()).collect();
        assert_eq!(actions, ["target.create", "target.update", "target.delete"]);
        assert_eq!(entries[0].1["indicator"], "ERVAREN_GEZONDHEID");
        assert_eq!(entries[0].1["area"], "WK016401");
        assert_eq!(entries[0].1["value"], 0.5);
        assert_eq!(entries[1].1["before"]["target_period"], "2030");
        assert_eq!(entries[1].1["after"]["target_period"], "2026");
        assert_eq!(entries[2].1["value"], 99.5);
        let admin = Visitor::with_session(&site, Role::Admin, "10.60.0.2:4000").await;
        let log = site.get("/audit?entiteit=target", &admin).await;
        assert!(log.body.contains("target.create") && log.body.contains("target.delete"), "{}", log.body);
    }
}

backend_test! {
    async fn refused_target_forms_name_every_problem_keep_the_input_and_change_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.61.0.1:4000").await;
        let (first_year, _) = years(&site).await;
        let baseline = first_year.to_string();
        let before = fingerprint(&site).await;

        let bad = [("area", "WK999999"), ("value", "veel"), ("target_period", "2030-Q5"), ("baseline_period", ""), ("note", "Mijn toelichting")];
        let refused = site.post(TARGETS, &bad, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        for message in [
            "Kies de hele gemeente, of een wijk of buurt uit de lijst.",
            "Vul een getal in, zoals 72,5 of 72.5",
            "Vul een doelperiode in: een jaar (2030) of een kwartaal (2030-Q2).",
            "Vul een nulmeting in: een jaar (2022) of een kwartaal (2022-Q4).",
        ] {
            assert!(refused.body.contains(message), "{message}: {}", refused.body);
        }
        for field in ["area", "value", "target_period", "baseline_period"] {
            assert!(refused.body.contains(&format!("href=\"#{field}\"")), "{field} is linked from the summary");
            assert!(refused.body.contains(&format!("id=\"{field}-error\"")), "{field} has its message");
        }
        assert!(refused.body.contains("aria-describedby=\"value-hint value-error\""), "{}", refused.body);
        assert!(refused.body.contains("value=\"veel\"") && refused.body.contains("value=\"2030-Q5\""));
        assert!(refused.body.contains("Mijn toelichting"), "the form keeps what was typed");

        // Values out of their unit, ambiguous numbers, periods in the wrong order.
        let cases: [(&[(&str, &str)], &str); 5] = [
            (&[("value", "100,5"), ("target_period", "2030")], "Een percentage ligt tussen 0 en 100."),
            (&[("value", "-1"), ("target_period", "2030")], "Een percentage ligt tussen 0 en 100."),
            (&[("value", "1.250,5"), ("target_period", "2030")], "zonder punten of komma&#39;s tussen de duizendtallen"),
            (&[("value", "80"), ("target_period", "2015")], "De doelperiode moet na de nulmeting liggen."),
            (&[("value", "80"), ("target_period", baseline.as_str())], "De doelperiode moet na de nulmeting liggen."),
        ];
        for (changes, message) in cases {
            let mut fields = vec![("area", "GM0164"), ("baseline_period", baseline.as_str()), ("note", "")];
            fields.extend_from_slice(changes);
            let refused = site.post(TARGETS, &fields, &college).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{changes:?}");
            assert!(refused.body.contains(message), "{changes:?}: {message}: {}", refused.body);
        }
        // A score has its own range.
        let score = [("area", "GM0164"), ("value", "11"), ("target_period", "2030"), ("baseline_period", baseline.as_str())];
        let refused = site.post("/monitor/indicatoren/LEEFBAARHEID/streefwaarden", &score, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Een rapportcijfer ligt tussen 1 en 10."), "{}", refused.body);

        // A second target for the same indicator, area and target period is refused, whatever
        // the case of the area's code.
        let existing = targets_of(&site, "VEILIGHEIDSBELEVING").await;
        let city_target = existing.iter().find(|target| target.note.as_deref().unwrap_or_default().contains("vijf procentpunt")).unwrap();
        let period = city_target.target_period.to_string();
        let duplicate = [("area", "gm0164"), ("value", "90"), ("target_period", period.as_str()), ("baseline_period", baseline.as_str())];
        let refused = site.post("/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden", &duplicate, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Voor dit gebied is er al een streefwaarde in deze doelperiode."), "{}", refused.body);
        assert_eq!(fingerprint(&site).await, before, "refused forms change nothing");

        // Nor may an edit make one target the double of another; editing a target to itself may.
        let other = [("area", "GM0164"), ("value", "90"), ("target_period", "2035"), ("baseline_period", baseline.as_str())];
        let added = site.post("/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden", &other, &college).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        let added_id = targets_of(&site, "VEILIGHEIDSBELEVING").await.into_iter().find(|target| target.target_period.to_string() == "2035").unwrap().id;
        let href = format!("/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden/{added_id}/bewerken");
        let unchanged = fingerprint(&site).await;
        let refused = site.post(&href, &duplicate, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Voor dit gebied is er al een streefwaarde in deze doelperiode."));
        assert!(refused.body.contains(&format!("action=\"{href}\"")), "the edit form comes back");
        assert_eq!(fingerprint(&site).await, unchanged);
        assert_eq!(site.post(&href, &other, &college).await.status, StatusCode::SEE_OTHER);

        // Targets that do not exist, or belong to another indicator, are not found.
        let foreign = format!("/monitor/indicatoren/MISDRIJVEN/streefwaarden/{added_id}/bewerken");
        for path in [foreign.as_str(), "/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden/999999/bewerken", "/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden/een/bewerken", "/monitor/indicatoren/ONBEKEND/streefwaarden"] {
            assert_eq!(site.get(path, &college).await.status, StatusCode::NOT_FOUND, "{path}");
        }
        let unchanged = fingerprint(&site).await;
        assert_eq!(site.post(&foreign, &other, &college).await.status, StatusCode::NOT_FOUND);
        let foreign_delete = format!("/monitor/indicatoren/MISDRIJVEN/streefwaarden/{added_id}/verwijderen");
        assert_eq!(site.post(&foreign_delete, &[], &college).await.status, StatusCode::NOT_FOUND);
        assert_eq!(fingerprint(&site).await, unchanged);
    }
}

backend_test! {
    async fn only_the_college_and_admin_keep_targets_and_mappings(database) {
        let site = TestSite::with_demo(database).await;
        let (first_year, _) = years(&site).await;
        let baseline = first_year.to_string();
        let target_id = targets_of(&site, "VEILIGHEIDSBELEVING").await[0].id;
        let edit = format!("/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden/{target_id}/bewerken");
        let delete = format!("/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden/{target_id}/verwijderen");
        let fields = [("area", "WK016401"), ("value", "80"), ("target_period", "2040"), ("baseline_period", baseline.as_str())];
        let mapping = [("column", "Koopwoningen"), ("indicator", "ENERGIELABEL_A")];
        let mut refused = Vec::new();
        for (role, client) in [(Role::Councillor, "10.62.0.1:4000"), (Role::Partner, "10.62.0.2:4000"), (Role::Griffie, "10.62.0.3:4000")] {
            refused.push((role, Visitor::signed_in(&site, role, client).await));
        }
        let anonymous = Visitor::anonymous(&site, "10.62.0.4:4000").await;
        let before = fingerprint(&site).await;

        for (role, visitor) in &refused {
            for path in [TARGETS, edit.as_str(), "/monitor/cbs-koppelingen"] {
                assert_eq!(site.get(path, visitor).await.status, StatusCode::FORBIDDEN, "{role} GET {path}");
            }
            assert_eq!(site.post(TARGETS, &fields, visitor).await.status, StatusCode::FORBIDDEN, "{role}");
            assert_eq!(site.post(&edit, &fields, visitor).await.status, StatusCode::FORBIDDEN, "{role}");
            assert_eq!(site.post(&delete, &[], visitor).await.status, StatusCode::FORBIDDEN, "{role}");
            assert_eq!(site.post("/monitor/cbs-koppelingen", &mapping, visitor).await.status, StatusCode::FORBIDDEN);
            assert_eq!(
                site.post("/monitor/cbs-koppelingen/verwijderen", &[("column", "Koopwoningen")], visitor).await.status,
                StatusCode::FORBIDDEN
            );
        }
        for path in [TARGETS, edit.as_str(), "/monitor/cbs-koppelingen"] {
            let reply = site.get(path, &anonymous).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
            assert!(reply.header("location").starts_with("/inloggen?terug="), "{path}");
        }
        let reply = site.post(&delete, &[], &anonymous).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.header("location").starts_with("/inloggen"));
        assert_eq!(fingerprint(&site).await, before, "nobody without the right changed anything");

        // The admin may.
        let admin = Visitor::signed_in(&site, Role::Admin, "10.62.0.5:4000").await;
        assert_eq!(site.get(TARGETS, &admin).await.status, StatusCode::OK);
        assert_eq!(site.get("/monitor/cbs-koppelingen", &admin).await.status, StatusCode::OK);
        assert_eq!(site.post(TARGETS, &fields, &admin).await.status, StatusCode::SEE_OTHER);
        assert_eq!(site.post("/monitor/cbs-koppelingen", &mapping, &admin).await.status, StatusCode::SEE_OTHER);
    }
}

/// A CBS table "Kerncijfers wijken en buurten" with one figure column.
const CBS_TABLE: &str = "ID;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;Codering_3;AantalInwoners_5;Koopwoningen_47\n\
                         1;NL00      ;Nederland;Land;NL00;17811291;57\n\
                         2;GM0164    ;Hengelo;Gemeente;GM0164;87012;55\n\
                         3;WK016401  ;Hengelo;Wijk;WK016401;9120;61,5\n\
                         4;BU01640101;Hengelo;Buurt;BU01640101;1200;.\n";

backend_test! {
    async fn a_cbs_mapping_set_in_the_interface_feeds_a_cbs_import_until_it_is_deleted(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.63.0.1:4000").await;
        let import = site.get("/monitor/importeren", &college).await;
        assert!(import.body.contains("href=\"/monitor/cbs-koppelingen\""), "the import page links the mappings");
        let page = site.get("/monitor/cbs-koppelingen", &college).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Er zijn nog geen kolommen gekoppeld."), "{}", page.body);
        assert!(page.body.contains("<option value=\"ERVAREN_GEZONDHEID\">"), "every indicator can be chosen");

        // Typed with CBS's suffix: stored without it, and the page says so.
        let set = site.post("/monitor/cbs-koppelingen", &[("column", " Koopwoningen_47 "), ("indicator", "ENERGIELABEL_A")], &college).await;
        assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
        assert_eq!(set.header("location"), "/monitor/cbs-koppelingen?gedaan=gekoppeld&kolom=Koopwoningen&weggelaten=_47");
        let page = site.get(set.header("location"), &college).await;
        assert!(page.body.contains("Het volgnummer _47 is weggelaten"), "{}", page.body);
        assert!(page.body.contains("<code>Koopwoningen</code>") && page.body.contains("<code>ENERGIELABEL_A</code>"), "{}", page.body);
        let energy = {
            let mut tx = site.store.begin().await.unwrap();
            let indicators = stored::indicators(&mut tx, site.body).await.unwrap();
            indicators.iter().find(|indicator| indicator.code == "ENERGIELABEL_A").unwrap().id
        };
        assert_eq!(fingerprint(&site).await.3, vec![("Koopwoningen".to_owned(), energy.get())]);

        // The wide import reads the mapped column.
        crate::monitor::import_file(&site, &mut college, &[("periode", "2031")], "kwb.csv", CBS_TABLE.as_bytes()).await;
        assert_eq!(value_of(&site, "WK016401", "ENERGIELABEL_A", "2031").await, Some(61.5));
        assert_eq!(value_of(&site, "GM0164", "ENERGIELABEL_A", "2031").await, Some(55.0));

        // Mapped again in other capitals: the one mapping changes, as the import matches any case.
        let set = site.post("/monitor/cbs-koppelingen", &[("column", "KOOPWONINGEN"), ("indicator", "woningtevredenheid")], &college).await;
        assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
        let mappings = fingerprint(&site).await.3;
        assert_eq!(mappings.len(), 1, "{mappings:?}");
        assert_eq!(mappings[0].0, "KOOPWONINGEN");
        assert!(site.get(set.header("location"), &college).await.body.contains("De kolom KOOPWONINGEN is gekoppeld."));

        // Refused forms: every problem named, the input kept, nothing changed.
        let before = fingerprint(&site).await;
        let refused = site.post("/monitor/cbs-koppelingen", &[("column", ""), ("indicator", "")], &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Vul de naam van een CBS-kolom in.") && refused.body.contains("Kies een indicator uit de lijst."));
        assert!(refused.body.contains("href=\"#column\"") && refused.body.contains("href=\"#indicator\""));
        for (column, indicator, message) in [
            ("Koop woningen", "ENERGIELABEL_A", "Een kolomnaam bestaat uit letters, cijfers en liggende streepjes"),
            ("_47", "ENERGIELABEL_A", "Een kolomnaam bestaat uit letters, cijfers en liggende streepjes"),
            ("Huurwoningen", "ONBEKEND", "Kies een indicator uit de lijst."),
        ] {
            let refused = site.post("/monitor/cbs-koppelingen", &[("column", column), ("indicator", indicator)], &college).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{column}");
            assert!(refused.body.contains(message), "{column}: {}", refused.body);
            assert!(refused.body.contains(&format!("value=\"{column}\"")), "{column}: the form keeps what was typed");
        }
        assert_eq!(fingerprint(&site).await, before);

        // Deleted: a later import no longer reads the column.
        let page = site.get("/monitor/cbs-koppelingen", &college).await;
        assert!(page.body.contains("action=\"/monitor/cbs-koppelingen/verwijderen\""));
        let deleted = site.post("/monitor/cbs-koppelingen/verwijderen", &[("column", "Koopwoningen")], &college).await;
        assert_eq!(deleted.status, StatusCode::SEE_OTHER, "{}", deleted.body);
        assert_eq!(deleted.header("location"), "/monitor/cbs-koppelingen?gedaan=ontkoppeld&kolom=KOOPWONINGEN");
        assert!(site.get(deleted.header("location"), &college).await.body.contains("De koppeling van de kolom KOOPWONINGEN is verwijderd."));
        assert!(fingerprint(&site).await.3.is_empty());
        let (reply, _) =
            crate::monitor::import_file(&site, &mut college, &[("periode", "2032")], "kwb.csv", CBS_TABLE.as_bytes()).await;
        assert!(reply.body.contains("Koopwoningen_47"), "the column is named as not mapped: {}", reply.body);
        assert_eq!(value_of(&site, "WK016401", "ENERGIELABEL_A", "2032").await, None);
        assert_eq!(value_of(&site, "WK016401", "WONINGTEVREDENHEID", "2032").await, None);
        assert_eq!(
            site.post("/monitor/cbs-koppelingen/verwijderen", &[("column", "Koopwoningen")], &college).await.status,
            StatusCode::NOT_FOUND
        );

        let entries = audited(&site, "cbs_mapping").await;
        let actions: Vec<&str> = entries.iter().map(|(action, _)| action.as_str()).collect();
        assert_eq!(actions, ["cbs_mapping.set", "cbs_mapping.set", "cbs_mapping.delete"]);
        assert_eq!(entries[0].1["column"], "Koopwoningen");
        assert_eq!(entries[0].1["typed"], "Koopwoningen_47");
        assert_eq!(entries[1].1["previous"], "ENERGIELABEL_A");
        assert_eq!(entries[1].1["indicator"], "WONINGTEVREDENHEID");
        assert_eq!(entries[2].1["indicator"], "WONINGTEVREDENHEID");
    }
}
