//! Behandelvoorstellen through the site's real interface: import, forms, lifecycle, visibility,
//! attachments and downloads, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::{backend_test, statistics};

use support::{TestSite, Visitor};

const SEED: &str = include_str!("../../../../data/seed/behandelvoorstel-wijkgericht-werken.txt");

/// The seed under another case number, so that it does not clash with the demo's own copy.
fn seed_as(case_number: &str) -> String {
    SEED.replace("3641304", case_number)
}

async fn count(site: &TestSite, table: &str) -> i64 {
    let mut tx = site.store.begin().await.unwrap();
    statistics::row_counts(&mut tx).await.unwrap()[table]
}

/// The value of the hidden field `name` in a page's first form that has one, unescaped.
pub(crate) fn hidden_value(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = page.find(&marker).unwrap_or_else(|| panic!("no hidden {name}: {page}")) + marker.len();
    let value = &page[at..at + page[at..].find('"').unwrap()];
    value
        .replace("&#10;", "\n")
        .replace("&#13;", "\r")
        .replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Imports `text` as the college does: the check page, then its confirming form; the new
/// proposal's id.
pub(crate) async fn import_text(site: &TestSite, text: &str, visitor: &Visitor) -> String {
    let check = site
        .post_multipart(
            "/voorstellen/importeren",
            &[("tekst", "")],
            &[("bestand", "voorstel.txt", text.as_bytes())],
            visitor,
        )
        .await;
    assert_eq!(check.status, StatusCode::OK, "{}", check.body);
    let confirmed = site
        .post(
            "/voorstellen/importeren/bevestigen",
            &[("tekst", &hidden_value(&check.body, "tekst")), ("jaar", "")],
            visitor,
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER, "{}", confirmed.body);
    confirmed.header("location").rsplit('/').next().unwrap().to_owned()
}

/// The form fields of a complete, valid proposal.
fn valid_fields<'a>(subject: &'a str, holder: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("subject", subject),
        ("case_number", "3799001"),
        ("portfolio_holder", holder),
        ("history", "Eerste alinea.\n\nTweede alinea met 3487985."),
        ("document-1-number", "3487985"),
        ("document-1-title", "Bestuurlijke opdracht"),
        ("market_date", "15-12-2026"),
        ("domain", "fysiek"),
        ("domain", "sociaal"),
        ("duration", "60"),
        ("purpose", "oordeelsvorming"),
        ("attendance", "45"),
        ("livestream", "ja"),
        ("item-1-text", "Opening voorzitter"),
        ("item-2-text", "In gesprek aan de hand van de vragen:"),
        ("item-2-question-1", "Wat is uw eerste vraag?"),
        ("item-2-question-2", "En de tweede?"),
        ("speaking", "ja"),
        ("speaking_minutes", "5"),
        ("speaking_max", "4"),
        ("speaking_note", "Aanmelden bij de griffie."),
        ("action", "opslaan"),
    ]
}

/// The `value` of the first option in a select whose label contains `label`.
fn option_value(page: &str, select_id: &str, label: &str) -> String {
    let select = &page[page.find(&format!("id=\"{select_id}\"")).unwrap()..];
    let select = &select[..select.find("</select>").unwrap()];
    let option = select.split("<option value=\"").skip(1).find(|option| option.contains(label)).unwrap();
    option.split('"').next().unwrap().to_owned()
}

backend_test! {
    async fn the_college_imports_edits_and_submits_and_the_griffie_schedules(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.30.0.1:4000").await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.30.0.2:4000").await;
        let people_before = count(&site, "persons").await;
        let proposals_before = count(&site, "proposals").await;

        let check = site.post_multipart("/voorstellen/importeren", &[("tekst", "")], &[("bestand", "voorstel.txt", seed_as("3700001").as_bytes())], &college).await;
        assert_eq!(check.status, StatusCode::OK, "{}", check.body);
        assert!(check.body.contains("Behandelvoorstel nakijken") && check.body.contains("Als concept opslaan"));
        assert!(check.body.contains("Portefeuillehouder Marie-José Luttikholt"), "the known person is linked: {}", check.body);
        assert!(check.body.contains("Zaal Raadzaal"));
        assert_eq!(count(&site, "proposals").await, proposals_before, "checking stores nothing");
        let id = import_text(&site, &seed_as("3700001"), &college).await;
        assert_eq!(count(&site, "persons").await, people_before, "no one was created: all three are known");
        assert_eq!(count(&site, "proposals").await, proposals_before + 1);

        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        assert_eq!(page.status, StatusCode::OK);
        for shown in ["Wijkgericht werken", "3700001", "Concept", "Marie-José Luttikholt", "Vincent ten Voorde", "Coen Hartendorp", "Raadzaal", "Fysiek / Bestuur / Sociaal", "Beeldvorming", "Wat wilt u het college nog meegeven?"] {
            assert!(page.body.contains(shown), "{shown} missing from the page");
        }

        // Edit: the form shows what is stored; a change is saved and audited.
        let form = site.get(&format!("/voorstellen/{id}/bewerken"), &college).await;
        assert_eq!(form.status, StatusCode::OK);
        assert!(form.body.contains("value=\"Wijkgericht werken\"") && form.body.contains("value=\"26-09-2023\""));
        let holder = option_value(&form.body, "portfolio_holder", "Marie-José Luttikholt");
        let saved = site.post(&format!("/voorstellen/{id}/bewerken"), &valid_fields("Wijkgericht werken, tweede ronde", &holder), &college).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        assert!(page.body.contains("Wijkgericht werken, tweede ronde") && page.body.contains("Oordeelsvorming"));
        assert!(page.body.contains("En de tweede?") && page.body.contains("3487985: Bestuurlijke opdracht"));
        assert!(page.body.contains("5 minuten per inspreker"));

        // Submit; then the college may no longer edit, the griffie may.
        assert_eq!(site.post(&format!("/voorstellen/{id}/status"), &[("naar", "ingediend")], &college).await.status, StatusCode::SEE_OTHER);
        assert!(site.get(&format!("/voorstellen/{id}"), &college).await.body.contains("Ingediend"));
        assert_eq!(site.get(&format!("/voorstellen/{id}/bewerken"), &college).await.status, StatusCode::CONFLICT);
        assert_eq!(site.get(&format!("/voorstellen/{id}/bewerken"), &griffie).await.status, StatusCode::OK);

        // Only the griffie schedules, and only with an evening.
        let wrong_role = site.post(&format!("/voorstellen/{id}/status"), &[("naar", "geagendeerd")], &college).await;
        assert_eq!(wrong_role.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong_role.body.contains("Alleen de rol Griffie mag deze stap zetten."), "{}", wrong_role.body);
        let no_evening = site.post(&format!("/voorstellen/{id}/status"), &[("naar", "geagendeerd")], &griffie).await;
        assert_eq!(no_evening.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(no_evening.body.contains("Kies de Politieke Markt"));
        let evening = option_value(&no_evening.body, "avond", "2026");
        let sessions = count(&site, "sessions").await;
        let scheduled = site.post(&format!("/voorstellen/{id}/status"), &[("naar", "geagendeerd"), ("avond", &evening)], &griffie).await;
        assert_eq!(scheduled.status, StatusCode::SEE_OTHER, "{}", scheduled.body);
        assert_eq!(count(&site, "sessions").await, sessions + 1, "a session on the evening");
        let page = site.get(&format!("/voorstellen/{id}"), &griffie).await;
        assert!(page.body.contains("Geagendeerd") && page.body.contains("15 december 2026"), "{}", page.body);

        // Treated only once its session has been held: not before the evening.
        assert!(!page.body.contains("Markeren als behandeld"), "not offered before the evening");
        let early = site.post(&format!("/voorstellen/{id}/status"), &[("naar", "behandeld")], &griffie).await;
        assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.body.contains("pas behandeld als zijn sessie is gehouden"), "{}", early.body);
        let evening_day = site.at(time::macros::datetime!(2026-12-15 22:00 UTC));
        let griffie_then = Visitor::with_session(&evening_day, Role::Griffie, "10.30.0.4:4000").await;
        assert!(evening_day.get(&format!("/voorstellen/{id}"), &griffie_then).await.body.contains("Markeren als behandeld"));

        // An illegal move is refused with the reason, and nothing changes.
        let illegal = site.post(&format!("/voorstellen/{id}/status"), &[("naar", "afgerond")], &griffie).await;
        assert_eq!(illegal.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(illegal.body.contains("kan niet Afgerond worden"), "{}", illegal.body);
        // Taken off the evening again: the session goes.
        assert_eq!(site.post(&format!("/voorstellen/{id}/status"), &[("naar", "ingediend")], &griffie).await.status, StatusCode::SEE_OTHER);
        assert_eq!(count(&site, "sessions").await, sessions);

        let admin = Visitor::with_session(&site, Role::Admin, "10.30.0.3:4000").await;
        let log = site.get("/audit?entiteit=proposal", &admin).await;
        for action in ["Voorstel ingelezen uit een bestand", "Voorstel bewerkt", "Status van het voorstel gewijzigd"] {
            assert!(log.body.contains(action), "{action} missing from the audit log");
        }
        for change in ["Concept → Ingediend", "Ingediend → Geagendeerd", "Geagendeerd → Ingediend"] {
            assert!(log.body.contains(change), "{change} missing from the audit log");
        }
    }
}

backend_test! {
    async fn the_registration_deadline_is_kept_when_a_proposal_is_edited(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.30.5.1:4000").await;
        let form = site.get("/voorstellen/nieuw", &college).await;
        let holder = option_value(&form.body, "portfolio_holder", "Marie-José Luttikholt");
        let mut fields = valid_fields("Spreekrecht met een termijn", &holder);
        fields.push(("speaking_deadline", "14-12-2026 12:00"));
        let created = site.post("/voorstellen/nieuw", &fields, &college).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let id: i64 = created.header("location").rsplit('/').next().unwrap().parse().unwrap();
        let stored_deadline = || async {
            let mut tx = site.store.begin().await.unwrap();
            wijkbeeld_store::proposals::detail(&mut tx, site.body, wijkbeeld_domain::Id::new(id))
                .await
                .unwrap()
                .proposal
                .speaking
                .deadline
        };
        let noon = wijkbeeld_domain::local_time::dutch_moment(time::macros::date!(2026 - 12 - 14), time::macros::time!(12:00));
        assert_eq!(stored_deadline().await, Some(noon));
        assert!(site.get(&format!("/voorstellen/{id}"), &college).await.body.contains("aanmelden kan tot maandag 14 december 2026 12:00"));

        // The edit form shows the deadline, and saving it as shown keeps it.
        let edit = site.get(&format!("/voorstellen/{id}/bewerken"), &college).await;
        assert!(edit.body.contains("value=\"14-12-2026 12:00\""), "{}", edit.body);
        let saved = site.post(&format!("/voorstellen/{id}/bewerken"), &fields, &college).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(stored_deadline().await, Some(noon), "kept");

        // A deadline that is no moment is refused with its field; nothing changes.
        let mut wrong = valid_fields("Spreekrecht met een termijn", &holder);
        wrong.push(("speaking_deadline", "morgen om twaalf"));
        let refused = site.post(&format!("/voorstellen/{id}/bewerken"), &wrong, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Vul datum en tijd in als dd-mm-jjjj uu:mm"), "{}", refused.body);
        assert!(refused.body.contains("value=\"morgen om twaalf\""), "what was typed stays");
        assert_eq!(stored_deadline().await, Some(noon));

        // Emptied on purpose, it is gone.
        let mut emptied = valid_fields("Spreekrecht met een termijn", &holder);
        emptied.push(("speaking_deadline", ""));
        assert_eq!(site.post(&format!("/voorstellen/{id}/bewerken"), &emptied, &college).await.status, StatusCode::SEE_OTHER);
        assert_eq!(stored_deadline().await, None);
    }
}

backend_test! {
    async fn the_new_proposal_form_keeps_what_was_typed_and_names_each_problem(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::with_session(&site, Role::College, "10.31.0.1:4000").await;
        let form = site.get("/voorstellen/nieuw", &college).await;
        assert_eq!(form.status, StatusCode::OK);
        let holder = option_value(&form.body, "portfolio_holder", " ");
        let proposals = count(&site, "proposals").await;

        let mut fields = valid_fields("", &holder);
        fields.retain(|(name, _)| !["market_date", "duration"].contains(name));
        fields.push(("market_date", "15 december"));
        fields.push(("duration", "2000"));
        let refused = site.post("/voorstellen/nieuw", &fields, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        for link in ["href=\"#subject\"", "href=\"#market_date\"", "href=\"#duration\""] {
            assert!(refused.body.contains(link), "{link} missing from the summary");
        }
        assert!(refused.body.contains("value=\"15 december\"") && refused.body.contains("En de tweede?"), "input kept");
        assert_eq!(count(&site, "proposals").await, proposals, "nothing stored");

        // Control characters are refused: anywhere NUL or escape, in a line a tab or line break
        // too; a text of several lines keeps its tabs and line breaks.
        let mut fields = valid_fields("Wijk\u{0}gericht", &holder);
        fields.retain(|(name, _)| *name != "item-2-question-2");
        fields.push(("item-2-question-2", "Een\u{1b}[31m vraag?"));
        fields.retain(|(name, _)| *name != "history");
        fields.push(("history", "Eerste alinea.\r\n\r\n\tTweede alinea."));
        let refused = site.post("/voorstellen/nieuw", &fields, &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        for link in ["href=\"#subject\"", "href=\"#item-2-question-2\""] {
            assert!(refused.body.contains(link), "{link}: {}", refused.body);
        }
        assert!(!refused.body.contains("href=\"#history\""), "line breaks and tabs are fine in a text");
        assert!(refused.body.contains("tekens in die niet getypt worden"));
        assert_eq!(count(&site, "proposals").await, proposals, "nothing stored");

        // More rows: the form comes back with an empty third item, nothing saved.
        let mut more = valid_fields("Een voorstel", &holder);
        more.retain(|(name, _)| *name != "action");
        more.push(("action", "meer-regels"));
        let grown = site.post("/voorstellen/nieuw", &more, &college).await;
        assert_eq!(grown.status, StatusCode::OK);
        assert!(grown.body.contains("id=\"item-3-text\"") && grown.body.contains("id=\"item-2-question-3\""));
        assert_eq!(count(&site, "proposals").await, proposals);

        let created = site.post("/voorstellen/nieuw", &valid_fields("Een voorstel uit het formulier", &holder), &college).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert_eq!(count(&site, "proposals").await, proposals + 1);
        assert!(count(&site, "questions").await > 0);
        let page = site.get(created.header("location"), &college).await;
        assert!(page.body.contains("Een voorstel uit het formulier") && page.body.contains("Wat is uw eerste vraag?"));

        let taken = site.post("/voorstellen/nieuw", &valid_fields("Nog een", &holder), &college).await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.body.contains("Een ander voorstel heeft dit zaaknummer al."), "{}", taken.body);
    }
}

backend_test! {
    async fn drafts_are_private_and_published_proposals_public(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::with_session(&site, Role::College, "10.32.0.1:4000").await;
        let draft = import_text(&site, &seed_as("3700002"), &college).await;

        let public = Visitor::new("10.32.0.2:4000");
        assert_eq!(site.get(&format!("/voorstellen/{draft}"), &public).await.status, StatusCode::NOT_FOUND, "a draft's existence is private");
        assert_eq!(site.get(&format!("/voorstellen/{draft}/pdf"), &public).await.status, StatusCode::NOT_FOUND);
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.32.0.3:4000").await;
        assert_eq!(site.get(&format!("/voorstellen/{draft}"), &griffie).await.status, StatusCode::NOT_FOUND, "not yet submitted");
        let list = site.get("/voorstellen", &public).await;
        assert!(!list.body.contains("3700002") && list.body.contains("3641304"), "the public list has the published seed only");
        assert!(!list.body.contains("Nieuw behandelvoorstel"), "no create link for the public");

        // The seed's proposal is on the published evening of 26 September 2023: public, without staff data.
        let seed = site.get("/voorstellen/1", &public).await;
        assert_eq!(seed.status, StatusCode::OK);
        assert!(seed.body.contains("Wijkgericht werken") && seed.body.contains("Behandeld"));
        assert!(!seed.body.contains("Verwacht aantal aanwezigen") && !seed.body.contains("Bewerken"));

        let filtered = site.get("/voorstellen?status=concept&zoek=3700002", &college).await;
        assert!(filtered.body.contains("3700002") && !filtered.body.contains("3641304"), "filters by state and text");
        let accented = seed_as("3700012").replace("Onderwerp Wijkgericht werken", "Onderwerp Ééndaagse wijkschouw");
        import_text(&site, &accented, &college).await;
        let folded = site.get("/voorstellen?zoek=%C3%89%C3%89NDAAGSE", &college).await;
        assert!(folded.body.contains("3700012") && !folded.body.contains("3700002"), "accented capitals fold too");
        let any_case = site.get("/voorstellen?zoek=WIJKGERICHT%20werken", &public).await;
        assert!(any_case.body.contains("3641304") && !any_case.body.contains("Participatieverordening"), "text in any case");
        let by_domain = site.get("/voorstellen?domein=bestuur", &college).await;
        assert!(by_domain.body.contains("Participatieverordening") && !by_domain.body.contains("Woonvisie"));
    }
}

backend_test! {
    async fn attachments_are_checked_stored_with_their_digest_and_served_to_those_who_may(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::with_session(&site, Role::College, "10.33.0.1:4000").await;
        let id = import_text(&site, &seed_as("3700003"), &college).await;
        let pdf = b"%PDF-1.7\n% presentatie\n";

        let refused = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "virus.exe", b"MZ")], &college).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Dit soort bestand wordt niet aangenomen"));
        let long_name = format!("{}.pdf", "lang".repeat(1251));
        let named = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", &long_name, b"%PDF-1.4")], &college).await;
        assert_eq!(named.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(named.body.contains("langer dan 255 tekens"), "{}", named.body);
        assert_eq!(count(&site, "proposal_attachments").await, 0, "a 5,008-character name is not stored");
        let empty = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "leeg.pdf", b"")], &college).await;
        assert!(empty.body.contains("Het bestand is leeg."));

        let attachments = count(&site, "proposal_attachments").await;
        let over_the_limit = vec![b'x'; 20 * 1024 * 1024 + 1];
        let too_large = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "groot.pdf", &over_the_limit)], &college).await;
        assert_eq!(too_large.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(too_large.body.contains("groter dan 20 MB"), "{}", too_large.body);
        let far_too_large = vec![b'x'; 22 * 1024 * 1024];
        let refused_whole = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "groot.pdf", &far_too_large)], &college).await;
        assert_eq!(refused_whole.status, StatusCode::PAYLOAD_TOO_LARGE, "a body over the upload limit is not read");
        assert!(refused_whole.body.contains("Een bijlage mag hoogstens 20 MB zijn."));
        assert_eq!(count(&site, "proposal_attachments").await, attachments);

        let mut forged = college.clone();
        forged.form_token = "vervalst".to_owned();
        let blocked = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "presentatie.pdf", pdf)], &forged).await;
        assert_eq!(blocked.status, StatusCode::FORBIDDEN, "an upload needs the form token too");
        assert_eq!(count(&site, "proposal_attachments").await, attachments);

        let added = site.post_multipart(&format!("/voorstellen/{id}/bijlagen"), &[], &[("bestand", "presentatie.pdf", pdf)], &college).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        let digest: String = {
            use sha2::Digest;
            sha2::Sha256::digest(pdf).iter().map(|byte| format!("{byte:02x}")).collect()
        };
        assert!(page.body.contains("presentatie.pdf") && page.body.contains(&digest), "listed with its SHA-256");
        let link = page.body.split("href=\"").find(|rest| rest.contains("/bijlagen/") && !rest.starts_with("/voorstellen/{id}/bijlagen\"")).unwrap();
        let link = link.split('"').next().unwrap().to_owned();
        let download = site.get(&link, &college).await;
        assert_eq!(download.status, StatusCode::OK);
        assert_eq!(download.header("content-type"), "application/pdf");
        assert!(download.header("content-disposition").starts_with("attachment; filename=\"presentatie.pdf\""));
        assert_eq!(download.body.as_bytes(), pdf);
        assert_eq!(site.get(&link, &Visitor::new("10.33.0.2:4000")).await.status, StatusCode::NOT_FOUND, "not for the public while a draft");

        let remove = format!("{link}/verwijderen");
        assert_eq!(site.post(&remove, &[], &college).await.status, StatusCode::SEE_OTHER);
        assert_eq!(count(&site, "proposal_attachments").await, attachments);
    }
}

backend_test! {
    async fn a_proposal_downloads_as_pdf_and_html(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::new("10.34.0.1:4000");
        let pdf = site.get("/voorstellen/1/pdf", &public).await;
        assert_eq!(pdf.status, StatusCode::OK);
        assert_eq!(pdf.header("content-type"), "application/pdf");
        assert!(pdf.body.starts_with("%PDF"));
        assert!(pdf.header("content-disposition").contains("behandelvoorstel-3641304.pdf"));
        let html = site.get("/voorstellen/1/html", &public).await;
        assert_eq!(html.status, StatusCode::OK);
        assert!(html.body.contains("Wijkgericht werken") && html.body.contains("Vincent ten Voorde"));
    }
}

backend_test! {
    async fn unreadable_imports_are_refused_and_store_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::with_session(&site, Role::College, "10.35.0.1:4000").await;
        let proposals = count(&site, "proposals").await;
        let cases: [(&[u8], &str); 3] = [
            (b"   \n\n ", "Het bestand of de tekst is leeg."),
            (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Dit is geen tekstbestand."),
            (b"Boodschappen\nmelk\nbrood\nkaas\n", "Deze tekst is geen behandelvoorstel"),
        ];
        for (bytes, message) in cases {
            let reply = site.post_multipart("/voorstellen/importeren", &[("tekst", "")], &[("bestand", "bestand.txt", bytes)], &college).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(reply.body.contains(message), "{message}: {}", reply.body);
        }
        let twice = site.post_multipart("/voorstellen/importeren", &[("tekst", SEED)], &[], &college).await;
        assert!(twice.body.contains("Er bestaat al een voorstel met zaaknummer 3641304"), "{}", twice.body);
        assert_eq!(count(&site, "proposals").await, proposals);
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.35.0.2:4000").await;
        assert_eq!(site.get("/voorstellen/importeren", &griffie).await.status, StatusCode::FORBIDDEN, "drafting is the college's");
    }
}

backend_test! {
    async fn the_history_keeps_its_paragraphs_when_the_form_sends_cr_lf(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.32.0.1:4000").await;
        let form = site.get("/voorstellen/nieuw", &college).await;
        let holder = option_value(&form.body, "portfolio_holder", "Marie-José Luttikholt");
        let mut fields = valid_fields("Historie in alinea's", &holder);
        fields.retain(|(name, _)| *name != "history");
        // As browsers send a text area: CR LF line breaks.
        fields.push(("history", "De eerste alinea.\r\n\r\nDe tweede alinea.\r\n\r\nDe derde alinea."));
        let created = site.post("/voorstellen/nieuw", &fields, &college).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let page = site.get(created.header("location"), &college).await;
        for paragraph in ["De eerste alinea.", "De tweede alinea.", "De derde alinea."] {
            assert!(page.body.contains(&format!("<p class=\"utrecht-paragraph\">{paragraph}</p>")), "{paragraph}: {}", page.body);
        }
        // Saved again unchanged, as the edit form shows it, the paragraphs stay.
        let id = created.header("location").rsplit('/').next().unwrap().to_owned();
        let edit = site.get(&format!("/voorstellen/{id}/bewerken"), &college).await;
        assert!(edit.body.contains("De eerste alinea.\n\nDe tweede alinea."), "stored with line feeds");
        assert_eq!(site.post(&format!("/voorstellen/{id}/bewerken"), &fields, &college).await.status, StatusCode::SEE_OTHER);
        let page = site.get(&format!("/voorstellen/{id}"), &college).await;
        assert_eq!(page.body.matches("alinea.</p>").count(), 3, "{}", page.body);
    }
}
