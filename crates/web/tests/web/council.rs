//! The council's half of a session through the site's real interface, on SQLite and PostgreSQL:
//! the buttons a councillor gets on the evening page (and nobody else), marking and withdrawing,
//! a parallel session refused with the other named, the parties shown publicly, the councillor's
//! own page with their sessions and commitments, and the planner naming a spokesperson's clash.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::market::evenings;
use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::speaking::{self, SessionInfo};
use wijkbeeld_store::{backend_test, outcome};

use support::{TestSite, Visitor};

/// The demo councillor's name and party abbreviation.
fn councillor() -> (String, String) {
    let data = support::demo_data();
    let account = data.accounts.iter().find(|account| account.role == Role::Councillor).unwrap();
    let name = account.person.clone().unwrap();
    let party = data.memberships.iter().find(|m| m.person == name && m.party.is_some()).unwrap().party.clone().unwrap();
    (name, party)
}

/// Two planned sessions of one published evening in the same round, and one in a later round.
async fn sessions(site: &TestSite) -> (SessionInfo, SessionInfo, SessionInfo) {
    let mut tx = site.store.begin().await.unwrap();
    let all = speaking::published_sessions(&mut tx, site.body).await.unwrap();
    let planned: Vec<&SessionInfo> = all.iter().filter(|s| s.starts_at.is_some()).collect();
    for first in &planned {
        let parallel = planned
            .iter()
            .find(|b| b.id != first.id && b.evening_id == first.evening_id && b.starts_at == first.starts_at);
        let Some(parallel) = parallel else { continue };
        let later = planned
            .iter()
            .find(|s| s.evening_id == first.evening_id && s.starts_at >= first.ends_at.max(parallel.ends_at));
        if let Some(later) = later {
            return ((*first).clone(), (*parallel).clone(), (*later).clone());
        }
    }
    panic!("the demo has a published evening with parallel sessions and a later round");
}

fn mark_form(session: i64) -> String {
    format!("action=\"/sessies/{session}/aanwezigheid\"")
}

backend_test! {
    async fn a_councillor_marks_sessions_on_the_evening_page_and_the_public_sees_the_parties(database) {
        let site = TestSite::with_demo(database).await;
        let (first, parallel, later) = sessions(&site).await;
        let evening = format!("/markt/{}", first.evening_id);
        let (name, party) = councillor();

        // Nobody but a councillor gets the buttons; everyone sees the parties' section.
        let public = Visitor::anonymous(&site, "10.60.0.1:4000").await;
        let page = site.get(&evening, &public).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Fracties per sessie") && page.body.contains("Nog geen fractie heeft zich gemeld."), "{}", page.body);
        assert!(!page.body.contains(&mark_form(first.id)));
        for role in [Role::Griffie, Role::College, Role::Partner, Role::Admin] {
            let visitor = Visitor::with_session(&site, role, "10.60.0.2:4000").await;
            let page = site.get(&evening, &visitor).await;
            assert!(!page.body.contains(&mark_form(first.id)), "{role}");
            let post = site.post(&format!("/sessies/{}/aanwezigheid", first.id), &[("rol", "aanwezig")], &visitor).await;
            assert_eq!(post.status, StatusCode::FORBIDDEN, "{role}");
        }
        let raadslid = Visitor::signed_in(&site, Role::Councillor, "10.60.0.3:4000").await;
        let page = site.get(&evening, &raadslid).await;
        assert!(page.body.contains(&mark_form(first.id)) && page.body.contains("Ik ben erbij") && page.body.contains(">Woordvoerder<"), "{}", page.body);
        assert!(page.body.contains("href=\"/mijn-raad\""), "the menu leads a councillor to their page");
        assert!(!page.body.contains(">Afmelden<"), "nothing to withdraw from yet");

        // Marked as spokesperson: back to the evening with a notice, and the public sees it.
        let evening_field = first.evening_id.to_string();
        let fields = [("rol", "woordvoerder"), ("avond", evening_field.as_str())];
        let marked = site.post(&format!("/sessies/{}/aanwezigheid", first.id), &fields, &raadslid).await;
        assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
        assert_eq!(marked.header("location"), format!("{evening}#aanwezigheid-{}", first.id));
        let page = site.get(&evening, &public).await;
        assert!(page.body.contains(&format!("{party} (woordvoerder: {name})")), "{}", page.body);
        let page = site.get(&evening, &raadslid).await;
        assert!(page.body.contains("U bent erbij als woordvoerder.") && page.body.contains(">Afmelden<"));

        // The API shows the same, and nothing but names of the councillors.
        let json = site.get(&format!("/api/v1/sessions/{}/attendance", first.id), &public).await;
        assert_eq!(json.status, StatusCode::OK, "{}", json.body);
        let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
        assert_eq!(value["session"], first.id);
        assert_eq!(value["parties"][0]["party"], party.as_str());
        assert_eq!(value["parties"][0]["spokesperson"], name.as_str());
        assert_eq!(value["parties"][0]["attendees"], serde_json::json!([name]));
        assert!(!json.body.contains('@'), "no e-mail addresses");
        assert_eq!(site.get("/api/v1/sessions/999999/attendance", &public).await.status, StatusCode::NOT_FOUND);

        // The parallel session is refused, naming the one marked; a later one is fine.
        let refused = site.post(&format!("/sessies/{}/aanwezigheid", parallel.id), &fields, &raadslid).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains(&format!("U bent dan al bij {}", first.subject)), "{}", refused.body);
        assert!(refused.body.contains(&format!("href=\"{evening}#aanwezigheid-{}\"", parallel.id)));
        let attends = [("rol", "aanwezig"), ("avond", evening_field.as_str())];
        let later_mark = site.post(&format!("/sessies/{}/aanwezigheid", later.id), &attends, &raadslid).await;
        assert_eq!(later_mark.status, StatusCode::SEE_OTHER);
        let unknown = site.post(&format!("/sessies/{}/aanwezigheid", later.id), &[("rol", "voorzitter")], &raadslid).await;
        assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);

        // The own page lists both, with role and round.
        let own = site.get("/mijn-raad", &raadslid).await;
        assert_eq!(own.status, StatusCode::OK);
        assert!(own.body.contains(&first.subject) && own.body.contains(&later.subject), "{}", own.body);
        assert!(own.body.contains(&format!("woordvoerder voor {party}")) && own.body.contains(&format!("aanwezig voor {party}")));
        assert!(own.body.contains("Openstaande toezeggingen per portefeuillehouder"));
        for role in [Role::Griffie, Role::Partner] {
            let visitor = Visitor::with_session(&site, role, "10.60.0.4:4000").await;
            assert_eq!(site.get("/mijn-raad", &visitor).await.status, StatusCode::FORBIDDEN, "{role}");
        }
        assert_ne!(site.get("/mijn-raad", &public).await.status, StatusCode::OK);

        // Withdrawn: the parties' section no longer names the party for that session.
        let withdraw = [("rol", "afmelden"), ("avond", evening_field.as_str())];
        let withdrawn = site.post(&format!("/sessies/{}/aanwezigheid", first.id), &withdraw, &raadslid).await;
        assert_eq!(withdrawn.status, StatusCode::SEE_OTHER);
        let page = site.get(&evening, &public).await;
        assert!(!page.body.contains(&format!("(woordvoerder: {name})")));
        let admin = Visitor::with_session(&site, Role::Admin, "10.60.0.5:4000").await;
        let log = site.get("/audit?entiteit=session", &admin).await;
        assert!(log.body.contains("attendance.mark") && log.body.contains("attendance.unmark"), "{}", log.body);
    }
}

backend_test! {
    async fn the_own_page_lists_the_commitments_made_in_the_councillors_sessions(database) {
        let site = TestSite::with_demo(database).await;
        let mut tx = site.store.begin().await.unwrap();
        let commitments = outcome::commitments(&mut tx, site.body, None).await.unwrap();
        tx.commit().await.unwrap();
        let commitment = commitments.first().expect("the demo records commitments");
        let raadslid = Visitor::signed_in(&site, Role::Councillor, "10.61.0.1:4000").await;
        let own = site.get("/mijn-raad", &raadslid).await;
        assert!(own.body.contains("U hebt zich nog bij geen sessie gemeld."), "{}", own.body);
        assert!(!own.body.contains("Toezeggingen in mijn sessies</caption>"));
        let marked = site.post(&format!("/sessies/{}/aanwezigheid", commitment.session_id), &[("rol", "aanwezig")], &raadslid).await;
        assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
        let own = site.get("/mijn-raad", &raadslid).await;
        assert!(own.body.contains(&commitment.subject), "{}", own.body);
        assert!(own.body.contains("Toezeggingen in mijn sessies</caption>"), "{}", own.body);
        assert!(own.body.contains(&commitment.text));
        if let Some(holder) = commitments.iter().find(|c| c.status == wijkbeeld_domain::market::CommitmentStatus::Open).and_then(|c| c.holder.clone()) {
            assert!(own.body.contains(&format!("Openstaande toezeggingen van {holder}")), "{}", own.body);
        }
    }
}

backend_test! {
    async fn the_planner_names_a_spokesperson_in_two_sessions_of_one_round(database) {
        let site = TestSite::with_demo(database).await;
        let id = evenings(&site).await[0];
        let planning = crate::market::planning(&site, id).await;
        assert!(planning.sessions.len() >= 3 && planning.rounds.len() == 2, "{} sessions", planning.sessions.len());
        let (name, party) = councillor();
        // Unplanned sessions run at no time yet, so a councillor may mark them all.
        let raadslid = Visitor::signed_in(&site, Role::Councillor, "10.62.0.1:4000").await;
        for session in &planning.sessions[..3] {
            let marked = site.post(&format!("/sessies/{}/aanwezigheid", session.id), &[("rol", "woordvoerder")], &raadslid).await;
            assert_eq!(marked.status, StatusCode::SEE_OTHER, "{}", marked.body);
        }
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.62.0.2:4000").await;
        // The griffie sets how heavily the rule counts; a weight out of range keeps what was typed.
        let form = site.get("/planner/woordvoerders", &griffie).await;
        assert!(form.body.contains("Hoe zwaar telt een woordvoerder in twee sessies tegelijk") && form.body.contains("value=\"40\""), "{}", form.body);
        let refused = site.post("/planner/woordvoerders", &[("gewicht", "veel")], &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("value=\"veel\"") && refused.body.contains("id=\"gewicht-error\""), "{}", refused.body);
        let saved = site.post("/planner/woordvoerders", &[("gewicht", "500")], &griffie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert!(site.get("/planner/woordvoerders", &griffie).await.body.contains("value=\"500\""));
        let councillor_visit = site.post("/planner/woordvoerders", &[("gewicht", "0")], &raadslid).await;
        assert_eq!(councillor_visit.status, StatusCode::FORBIDDEN);

        let proposal = site.post(&format!("/markt/{id}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        assert!(proposal.body.contains("Woordvoerders in twee sessies tegelijk"), "{}", proposal.body);
        let subjects: Vec<&str> = planning.sessions[..3].iter().map(|s| s.subject.as_str()).collect();
        let named = proposal
            .body
            .split("<li class=\"utrecht-unordered-list__item\">")
            .filter(|item| item.starts_with(&format!("{name} ({party}) is woordvoerder in ")))
            .map(|item| item.split("</li>").next().unwrap())
            .collect::<Vec<_>>();
        assert!(!named.is_empty(), "{}", proposal.body);
        assert!(named.iter().all(|item| item.contains(" in ronde ")));
        assert!(named.iter().all(|item| subjects.iter().filter(|subject| item.contains(**subject)).count() == 2), "{named:?}");
    }
}
