//! Importing a behandelvoorstel through the site: the check before anything is stored, the
//! notes in the reader's language, a refresh that never imports twice, updating the proposal
//! that has the case number already; the proposal page's facts and session; removing an
//! attachment after confirming. On SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::proposals::{hidden_value, import_text};
use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::{backend_test, statistics};

use support::{TestSite, Visitor};

const SEED: &str = include_str!("../../../../data/seed/behandelvoorstel-wijkgericht-werken.txt");

fn seed_as(case_number: &str) -> String {
    SEED.replace("3641304", case_number)
}

async fn count(site: &TestSite, table: &str) -> i64 {
    let mut tx = site.store.begin().await.unwrap();
    statistics::row_counts(&mut tx).await.unwrap()[table]
}

/// The part of a page from `start` to the next `end`.
fn section<'page>(page: &'page str, start: &str, end: &str) -> &'page str {
    let from = page.find(start).unwrap_or_else(|| panic!("no {start} in {page}"));
    let rest = &page[from..];
    &rest[..rest[start.len()..].find(end).map_or(rest.len(), |at| at + start.len())]
}

backend_test! {
    async fn the_import_is_checked_first_in_dutch_and_a_refresh_never_imports_twice(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.40.0.1:4000").await;
        let proposals = count(&site, "proposals").await;

        let check = site.post_multipart("/voorstellen/importeren", &[("tekst", "")], &[("bestand", "voorstel.txt", seed_as("3700101").as_bytes())], &college).await;
        assert_eq!(check.status, StatusCode::OK, "{}", check.body);
        assert_eq!(count(&site, "proposals").await, proposals, "checking stores nothing");
        let notes = section(&check.body, "import-notes", "</ul>");
        assert!(
            notes.contains("Datum Politieke Markt: “26 september” heeft geen jaartal; 2023 genomen, het jaar van de laatste datum in de historie (27 juni 2023)."),
            "{notes}"
        );
        for english in ["has no year", "took 2023", "portfolio holder", "room Raadzaal", "market_date", "chair Vincent"] {
            assert!(!check.body.contains(english), "{english} on the Dutch page");
        }
        for linked in ["Portefeuillehouder Marie-José Luttikholt", "Voorzitter Vincent ten Voorde", "Griffiemedewerker Coen Hartendorp", "Zaal Raadzaal"] {
            assert!(check.body.contains(linked), "{linked} missing from the check page");
        }
        assert!(!check.body.contains("Verwacht aantal"), "no figure the text does not give");

        // The same notes in English for a reader who chose English.
        let mut english = college.clone();
        english.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        let in_english = site.post_multipart("/voorstellen/importeren", &[("tekst", &seed_as("3700101"))], &[], &english).await;
        assert!(
            in_english.body.contains("Date of the Politieke Markt: “26 september” has no year; took 2023, the year of the latest date in the history (27 juni 2023)."),
            "{}",
            in_english.body
        );
        assert!(in_english.body.contains("Portfolio holder Marie-José Luttikholt"));

        // Confirming stores it once and lands on the proposal, with its confirmation.
        let text = hidden_value(&check.body, "tekst");
        assert!(text.contains("Zaaknummer  3700101"), "the text goes back in the form");
        let confirmed = site.post("/voorstellen/importeren/bevestigen", &[("tekst", &text), ("jaar", "")], &college).await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER, "{}", confirmed.body);
        let location = confirmed.header("location").to_owned();
        assert!(location.starts_with("/voorstellen/"), "{location}");
        assert!(confirmed.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-proposal-imported")));
        assert_eq!(count(&site, "proposals").await, proposals + 1);
        college.take_cookies(&confirmed);
        let landed = site.get(&location, &college).await;
        assert_eq!(landed.status, StatusCode::OK);
        assert!(landed.body.contains("Het voorstel is ingelezen.") && landed.body.contains("Wijkgericht werken"));
        college.take_cookies(&landed);
        // A refresh is a GET of the proposal: nothing is imported again.
        let refreshed = site.get(&location, &college).await;
        assert_eq!(refreshed.status, StatusCode::OK);
        assert!(!refreshed.body.contains("Het voorstel is ingelezen."), "confirmed once");
        assert_eq!(count(&site, "proposals").await, proposals + 1);

        // The audit log keeps the import's notes and links as codes and says them in the
        // reader's language.
        let auditor = Visitor::signed_in(&site, Role::Griffie, "10.40.0.3:4000").await;
        let mut auditor_in_english = auditor.clone();
        auditor_in_english.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        for (reader, said, linked) in [
            (&auditor, "Datum Politieke Markt: “26 september” heeft geen jaartal; 2023 genomen", "Voorzitter Vincent ten Voorde"),
            (&auditor_in_english, "Date of the Politieke Markt: “26 september” has no year; took 2023", "Chair Vincent ten Voorde"),
        ] {
            let log = site.get("/audit", reader).await;
            assert_eq!(log.status, StatusCode::OK);
            assert!(log.body.contains(said) && log.body.contains(linked), "{}", log.body);
            assert!(!log.body.contains("market_date: "), "no English note of the parser's own");
        }
        let log = site.get("/audit", &auditor).await;
        assert!(!log.body.contains("chair Vincent ten Voorde"), "no English link in the Dutch log");

        // A problem on confirming shows the form again with the text kept.
        let refused = site.post("/voorstellen/importeren/bevestigen", &[("tekst", "Boodschappen\nmelk\n"), ("jaar", "")], &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Deze tekst is geen behandelvoorstel") && refused.body.contains("Boodschappen"));
        // A text without a subject is refused, on the check and on confirming, rather than stored
        // under a made-up one.
        let without_subject = seed_as("3700109").replace("Onderwerp Wijkgericht werken", "Onderwerp");
        for (path, fields) in [
            ("/voorstellen/importeren", vec![("tekst", without_subject.as_str())]),
            ("/voorstellen/importeren/bevestigen", vec![("tekst", without_subject.as_str()), ("jaar", "")]),
        ] {
            let refused = if path.ends_with("importeren") {
                site.post_multipart(path, &fields, &[], &college).await
            } else {
                site.post(path, &fields, &college).await
            };
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{path}: {}", refused.body);
            assert!(refused.body.contains("Deze tekst noemt geen onderwerp"), "{path}: {}", refused.body);
        }
        assert_eq!(count(&site, "proposals").await, proposals + 1);
        let bad_year = site.post("/voorstellen/importeren/bevestigen", &[("tekst", &text), ("jaar", "volgend jaar")], &college).await;
        assert_eq!(bad_year.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(count(&site, "proposals").await, proposals + 1);
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.40.0.2:4000").await;
        let not_theirs = site.post("/voorstellen/importeren/bevestigen", &[("tekst", &text), ("jaar", "")], &griffie).await;
        assert_eq!(not_theirs.status, StatusCode::FORBIDDEN, "drafting is the college's");
    }
}

backend_test! {
    async fn a_case_number_that_exists_links_to_its_proposal_and_shows_what_an_update_changes(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.41.0.1:4000").await;
        let id = import_text(&site, &seed_as("3700102"), &college).await;

        let changed = seed_as("3700102")
            .replace("Onderwerp Wijkgericht werken", "Onderwerp Wijkgericht werken in Hengelo")
            .replace("90 min", "60 min");
        let check = site.post_multipart("/voorstellen/importeren", &[("tekst", &changed)], &[], &college).await;
        assert_eq!(check.status, StatusCode::OK, "{}", check.body);
        assert!(check.body.contains("Er bestaat al een voorstel met zaaknummer 3700102"), "{}", check.body);
        assert!(check.body.contains(&format!("href=\"/voorstellen/{id}\"")), "links to the proposal");
        let changes = section(&check.body, "import-changes", "</table>");
        assert!(changes.contains("Onderwerp") && changes.contains("Wijkgericht werken in Hengelo"), "{changes}");
        assert!(changes.contains("90 min") && changes.contains("60 min"), "old and new: {changes}");
        for unchanged in ["Voorzitter", "Raadzaal", "Beeldvorming", "Portefeuillehouder"] {
            assert!(!changes.contains(unchanged), "{unchanged} is unchanged: {changes}");
        }
        assert!(!check.body.contains("Als concept opslaan"), "no second proposal with the number");

        let proposals = count(&site, "proposals").await;
        let updated = site
            .post("/voorstellen/importeren/bevestigen", &[("tekst", &hidden_value(&check.body, "tekst")), ("jaar", ""), ("voorstel", &hidden_value(&check.body, "voorstel"))], &college)
            .await;
        assert_eq!(updated.status, StatusCode::SEE_OTHER, "{}", updated.body);
        assert_eq!(updated.header("location"), format!("/voorstellen/{id}"));
        assert!(updated.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-proposal-updated")));
        assert_eq!(count(&site, "proposals").await, proposals, "updated, not added");
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        assert!(page.body.contains("Wijkgericht werken in Hengelo") && page.body.contains("60 min</dd>"));
        // The audit log names the fields the update changed in the reader's language.
        let mut auditor = Visitor::signed_in(&site, Role::Griffie, "10.41.0.2:4000").await;
        auditor.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        let log = site.get("/audit", &auditor).await;
        assert!(log.body.contains("<dd>Subject; Duration</dd>"), "{}", log.body);

        // The same file again changes nothing, and says so.
        let again = site.post_multipart("/voorstellen/importeren", &[("tekst", &changed)], &[], &college).await;
        assert!(again.body.contains("Het bestand verandert niets aan dit voorstel."), "{}", again.body);

        // A text with another case number does not update this proposal.
        let other = site.post("/voorstellen/importeren/bevestigen", &[("tekst", &seed_as("3799999")), ("jaar", ""), ("voorstel", &id)], &college).await;
        assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(other.body.contains("Het bestand heeft zaaknummer 3799999, het voorstel 3700102."), "{}", other.body);

        // Once submitted, the college may no longer edit it: no update offered, none accepted.
        assert_eq!(site.post(&format!("/voorstellen/{id}/status"), &[("naar", "ingediend")], &college).await.status, StatusCode::SEE_OTHER);
        let later = seed_as("3700102").replace("Onderwerp Wijkgericht werken", "Onderwerp Nog een andere titel");
        let locked = site.post_multipart("/voorstellen/importeren", &[("tekst", &later)], &[], &college).await;
        assert!(locked.body.contains("Dit voorstel is Ingediend; u kunt het nu niet bijwerken."), "{}", locked.body);
        assert!(!locked.body.contains("Voorstel bijwerken"));
        let forced = site.post("/voorstellen/importeren/bevestigen", &[("tekst", &later), ("jaar", ""), ("voorstel", &id)], &college).await;
        assert_eq!(forced.status, StatusCode::CONFLICT);
        assert!(!site.get(&format!("/voorstellen/{id}"), &college).await.body.contains("Nog een andere titel"));

        let admin = Visitor::with_session(&site, Role::Admin, "10.41.0.2:4000").await;
        let log = site.get("/audit?entiteit=proposal", &admin).await;
        assert!(log.body.contains("Voorstel bijgewerkt uit een bestand"), "audited");
    }
}

backend_test! {
    async fn the_proposal_page_lists_its_facts_and_the_session_it_asks_for(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::with_session(&site, Role::College, "10.42.0.1:4000").await;
        let id = import_text(&site, &seed_as("3700103"), &college).await;
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        assert!(page.body.contains("utrecht-data-list utrecht-data-list--rows"), "the NL Design System's data list in rows");
        let facts = section(&page.body, "<dl", "</dl>");
        assert!(facts.contains("<dt class=\"utrecht-data-list__item-key\">Zaaknummer</dt>") && facts.contains("3700103</dd>"), "{facts}");
        let session = section(&page.body, "id=\"sessie\"", "</dl>");
        for value in ["26 september 2023", "Vincent ten Voorde", "Coen Hartendorp", "Raadzaal", "Fysiek / Bestuur / Sociaal", "90 min", "Beeldvorming"] {
            assert!(session.contains(&format!("{value}</dd>")), "{value} missing from the session: {session}");
        }

        // The text gives no attendance: none is invented, the page says it is not stated and the
        // form leaves the field empty.
        assert!(session.contains("Verwacht aantal aanwezigen</dt><dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd utrecht-data-list__item-value--absent\">Niet genoemd</dd>"), "{session}");
        let form = site.get(&format!("/voorstellen/{id}/bewerken"), &college).await;
        assert!(form.body.contains("name=\"attendance\" type=\"number\" value=\"\""), "{}", form.body);

        // A proposal that names no chair, clerk or room: what the evening's session has, marked
        // as such; what nobody has named yet says so.
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.42.0.2:4000").await;
        let planned = site.get("/voorstellen/2", &griffie).await;
        assert_eq!(planned.status, StatusCode::OK);
        let session = section(&planned.body, "id=\"sessie\"", "</dl>");
        assert!(session.contains("(ingedeeld op de Politieke Markt)"), "{session}");
        assert!(!session.contains("<dd class=\"utrecht-data-list__item-value utrecht-data-list__item-value--html-dd\"></dd>"), "no empty value: {session}");
    }
}

backend_test! {
    async fn removing_an_attachment_asks_first_without_javascript(database) {
        let site = TestSite::with_demo(database).await;
        let mut college = Visitor::signed_in(&site, Role::College, "10.43.0.1:4000").await;
        let id = import_text(&site, &seed_as("3700104"), &college).await;
        let added = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "presentatie.pdf", b"%PDF-1.7\n")], &college).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER);
        let attachments = count(&site, "proposal_attachments").await;
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        let ask = page.body.split("href=\"").map(|rest| rest.split('"').next().unwrap()).find(|href| href.ends_with("/verwijderen")).unwrap().to_owned();
        assert!(page.body.contains("presentatie.pdf verwijderen</a>"), "a link named after the file");

        let confirm = site.get(&ask, &college).await;
        assert_eq!(confirm.status, StatusCode::OK, "{}", confirm.body);
        assert!(confirm.body.contains("Wilt u de bijlage presentatie.pdf verwijderen?"));
        assert!(confirm.body.contains(&format!("action=\"{ask}\"")) && confirm.body.contains(">Verwijderen</button>"));
        assert!(confirm.body.contains(&format!("href=\"/voorstellen/{id}#bijlagen\">Annuleren</a>")));
        assert_eq!(count(&site, "proposal_attachments").await, attachments, "asking removes nothing");
        let public = site.get(&ask, &Visitor::new("10.43.0.2:4000")).await;
        assert_eq!(public.status, StatusCode::SEE_OTHER, "the public is asked to sign in");
        assert!(public.header("location").starts_with("/inloggen"));
        let council = Visitor::with_session(&site, Role::Councillor, "10.43.0.3:4000").await;
        assert_eq!(site.get(&ask, &council).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.get(&format!("/voorstellen/{id}/bijlagen/999999/verwijderen"), &college).await.status, StatusCode::NOT_FOUND);

        let removed = site.post(&ask, &[], &college).await;
        assert_eq!(removed.status, StatusCode::SEE_OTHER);
        assert!(removed.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-attachment-removed")));
        assert_eq!(count(&site, "proposal_attachments").await, attachments - 1);
        college.take_cookies(&removed);
        assert!(site.get(removed.header("location"), &college).await.body.contains("De bijlage is verwijderd."));
    }
}
