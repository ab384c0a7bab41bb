//! The griffie's list of registrations, the running order and the chair's timer through the
//! site's real interface, on SQLite and PostgreSQL: contact details to the griffie only (and as
//! erased after the purge), the contribution as a download, moves, a walk-in (refused without a
//! name, keeping what was typed), the demo's chair timing two speakers, and the totals per party.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use time::Duration;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::{accounts, chair, speaking, testing};

use support::{TestSite, Visitor, email_of};

/// The coming session the demo's councillor (`raadslid@…`) chairs, with a speaker with contact
/// details added.
async fn chaired_session(site: &TestSite) -> i64 {
    // The sessions first: on SQLite a second transaction would wait for this one.
    let sessions = testing::sessions_by_date(&site.store).await;
    let mut tx = site.store.begin().await.unwrap();
    let email = email_of(Role::Councillor).parse().unwrap();
    let person =
        accounts::credentials(&mut tx, &email).await.unwrap().unwrap().user.person_id.expect("linked to a person");
    let mut found = None;
    for (date, id) in sessions {
        if date > site.now.date() && chair::session_chair(&mut tx, site.body, id).await.unwrap() == Some(Some(person)) {
            found = Some(id);
            break;
        }
    }
    tx.commit().await.unwrap();
    let session = found.expect("the demo's councillor chairs a coming session");
    testing::add_speaker(&site.store, session, "Carla Contact", Some("carla@voorbeeld.nl"), Some("06 9876 5432")).await;
    session
}

/// The ids of the session's confirmed speakers in the running order.
async fn order(site: &TestSite, session: i64) -> Vec<i64> {
    let mut tx = site.store.begin().await.unwrap();
    let turns = chair::turns(&mut tx, session).await.unwrap();
    tx.commit().await.unwrap();
    turns.into_iter().map(|turn| turn.id).collect()
}

backend_test! {
    async fn the_griffie_sees_contact_details_and_contributions_and_no_one_else(database) {
        let site = TestSite::with_demo(database).await;
        let session = chaired_session(&site).await;
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.160.0.1:4000").await;
        let list = site.get(&format!("/sessies/{session}/aanmeldingen"), &griffie).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(list.body.contains("carla@voorbeeld.nl") && list.body.contains("06 9876 5432"), "{}", list.body);
        assert!(list.body.contains("Bevestigd"));
        let evening = site.get(&format!("/markt/{}/aanmeldingen", evening_of(&site, session).await), &griffie).await;
        assert_eq!(evening.status, StatusCode::OK, "{}", evening.body);
        assert!(evening.body.contains("carla@voorbeeld.nl"));
        let page = site.get(&format!("/sessies/{session}"), &griffie).await;
        assert!(page.body.contains(&format!("/sessies/{session}/aanmeldingen")), "linked from the session page");

        // A contribution as PDF is a download for the griffie only.
        let registration = *order(&site, session).await.last().unwrap();
        let mut tx = site.store.begin_write().await.unwrap();
        let file = speaking::ContributionFile { file_name: "bijdrage.pdf", media_type: "application/pdf", sha256: "00", content: b"%PDF-1.7\n%bijdrage\n" };
        speaking::set_contribution_file(&mut tx, registration, &file, site.now).await.unwrap();
        tx.commit().await.unwrap();
        let path = format!("/sessies/{session}/aanmeldingen/{registration}/bijdrage.pdf");
        let list = site.get(&format!("/sessies/{session}/aanmeldingen"), &griffie).await;
        assert!(list.body.contains(&path), "the list links the file");
        let download = site.get(&path, &griffie).await;
        assert_eq!(download.status, StatusCode::OK);
        assert!(download.header("content-disposition").starts_with("attachment"), "{}", download.header("content-disposition"));
        assert!(download.body.starts_with("%PDF-"));
        assert_eq!(site.get(&format!("/sessies/{session}/aanmeldingen/999999/bijdrage.pdf"), &griffie).await.status, StatusCode::NOT_FOUND);

        let public = Visitor::anonymous(&site, "10.160.0.2:4000").await;
        let councillor = Visitor::with_session(&site, Role::Councillor, "10.160.0.3:4000").await;
        for (visitor, expected) in [(&public, StatusCode::SEE_OTHER), (&councillor, StatusCode::FORBIDDEN)] {
            for path in [format!("/sessies/{session}/aanmeldingen"), path.clone(), format!("/sessies/{session}/sprekers")] {
                let reply = site.get(&path, visitor).await;
                assert_eq!(reply.status, expected, "{path}");
                assert!(!reply.body.contains("carla@voorbeeld.nl") && !reply.body.contains("%PDF"), "{path}");
            }
        }
        // The chair's timer shows names, never contact details.
        let timer = site.get(&format!("/sessies/{session}/voorzitter"), &councillor).await;
        assert_eq!(timer.status, StatusCode::OK, "{}", timer.body);
        assert!(timer.body.contains("Carla Contact") && !timer.body.contains("carla@voorbeeld.nl"));
        let public_page = site.get(&format!("/sessies/{session}"), &public).await;
        assert!(!public_page.body.contains("carla@voorbeeld.nl") && !public_page.body.contains("/aanmeldingen"));

        // After the privacy purge, the list says the details were erased.
        let after = site.at(site.now + Duration::days(400));
        let system = wijkbeeld_app::App::new(after.store.clone(), wijkbeeld_app::Clock::Fixed(after.now));
        let caller = system.system("privacy").await.unwrap();
        wijkbeeld_app::privacy::purge(&system, &caller, 30).await.unwrap();
        let griffie = Visitor::with_session(&after, Role::Griffie, "10.160.0.4:4000").await;
        let list = after.get(&format!("/sessies/{session}/aanmeldingen"), &griffie).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        assert!(!list.body.contains("carla@voorbeeld.nl") && list.body.contains("Gewist"), "{}", list.body);
    }
}

async fn evening_of(site: &TestSite, session: i64) -> i64 {
    let mut tx = site.store.begin().await.unwrap();
    let info = speaking::session(&mut tx, site.body, session).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    info.evening_id
}

backend_test! {
    async fn the_griffie_reorders_and_adds_a_walk_in_keeping_what_was_typed(database) {
        let site = TestSite::with_demo(database).await;
        let session = chaired_session(&site).await;
        let mut griffie = Visitor::with_session(&site, Role::Griffie, "10.161.0.1:4000").await;
        let page = site.get(&format!("/sessies/{session}/sprekers"), &griffie).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Gepland: 19:30–19:35") || page.body.contains("Gepland: 21:15–21:20"), "planned from the session's start: {}", page.body);
        griffie.take_cookies(&page);
        let before = order(&site, session).await;
        let moved = site.post(&format!("/sessies/{session}/sprekers/{}/verplaatsen", before[0]), &[("richting", "omlaag")], &griffie).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
        let after = order(&site, session).await;
        assert_eq!((after[0], after[1]), (before[1], before[0]));
        let bad = site.post(&format!("/sessies/{session}/sprekers/{}/verplaatsen", before[0]), &[("richting", "opzij")], &griffie).await;
        assert_eq!(bad.status, StatusCode::NOT_FOUND);

        let refused = site.post(&format!("/sessies/{session}/sprekers/inloop"), &[("naam", ""), ("organisatie", "Buurtvereniging Tuindorp"), ("onderwerp", "Het fietspad langs de school"), ("partij", "")], &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Buurtvereniging Tuindorp") && refused.body.contains("Het fietspad langs de school"), "kept as typed");
        assert!(refused.body.contains("href=\"#naam\""), "the field named");
        assert_eq!(order(&site, session).await.len(), after.len(), "nobody added");

        let added = site.post(&format!("/sessies/{session}/sprekers/inloop"), &[("naam", "Ida Inloop"), ("organisatie", ""), ("onderwerp", "Het fietspad"), ("partij", "")], &griffie).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        let now = order(&site, session).await;
        assert_eq!(now.len(), after.len() + 1);
        let page = site.get(&format!("/sessies/{session}/sprekers"), &griffie).await;
        assert!(page.body.contains("Ida Inloop") && page.body.contains("ter plaatse aangemeld"));
    }
}

backend_test! {
    async fn the_chair_times_two_speakers_and_the_totals_show_per_party(database) {
        let site = TestSite::with_demo(database).await;
        let session = chaired_session(&site).await;
        // A councillor speaks for a party, as a walk-in.
        let mut griffie = Visitor::with_session(&site, Role::Griffie, "10.162.0.1:4000").await;
        let page = site.get(&format!("/sessies/{session}/sprekers"), &griffie).await;
        griffie.take_cookies(&page);
        let mut tx = site.store.begin().await.unwrap();
        let party = wijkbeeld_store::outcome::parties(&mut tx, site.body).await.unwrap().remove(0);
        tx.commit().await.unwrap();
        let party_id = party.id.get().to_string();
        let added = site.post(&format!("/sessies/{session}/sprekers/inloop"), &[("naam", "Piet Partij"), ("onderwerp", "Namens de fractie"), ("partij", party_id.as_str())], &griffie).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
        let speakers = order(&site, session).await;
        let (first, party_speaker) = (speakers[0], *speakers.last().unwrap());

        let chair = Visitor::with_session(&site, Role::Councillor, "10.162.0.2:4000").await;
        let start = site.post(&format!("/sessies/{session}/voorzitter/{first}/start"), &[], &chair).await;
        assert_eq!(start.status, StatusCode::SEE_OTHER, "{}", start.body);
        let later = site.at(site.now + Duration::seconds(185));
        let chair_later = Visitor::with_session(&later, Role::Councillor, "10.162.0.3:4000").await;
        let timer = later.get(&format!("/sessies/{session}/voorzitter"), &chair_later).await;
        assert!(timer.body.contains("Spreekt nu: 3:05.") && timer.body.contains("Nog 1:55 over."), "{}", timer.body);
        let next = later.post(&format!("/sessies/{session}/voorzitter/{party_speaker}/start"), &[], &chair_later).await;
        assert_eq!(next.status, StatusCode::SEE_OTHER, "starting B stops A: {}", next.body);
        let end = site.at(site.now + Duration::seconds(185 + 62));
        let chair_end = Visitor::with_session(&end, Role::Councillor, "10.162.0.4:4000").await;
        let stop = end.post(&format!("/sessies/{session}/voorzitter/{party_speaker}/stop"), &[], &chair_end).await;
        assert_eq!(stop.status, StatusCode::SEE_OTHER, "{}", stop.body);
        let again = end.post(&format!("/sessies/{session}/voorzitter/{party_speaker}/stop"), &[], &chair_end).await;
        assert_eq!(again.status, StatusCode::CONFLICT, "not running");

        let mut tx = site.store.begin().await.unwrap();
        let turns = chair::turns(&mut tx, session).await.unwrap();
        tx.commit().await.unwrap();
        let a = turns.iter().find(|turn| turn.id == first).unwrap();
        assert_eq!((a.started_at, a.ended_at), (Some(site.now), Some(later.now)));
        let b = turns.iter().find(|turn| turn.id == party_speaker).unwrap();
        assert_eq!((b.started_at, b.ended_at), (Some(later.now), Some(end.now)));

        let griffie_end = Visitor::with_session(&end, Role::Griffie, "10.162.0.5:4000").await;
        let afterwards = end.get(&format!("/sessies/{session}/sprekers"), &griffie_end).await;
        let parties_table = &afterwards.body[afterwards.body.find("Spreektijd per fractie").unwrap()..];
        assert!(parties_table.contains(&party.short_name) && parties_table.contains("1:02"), "{parties_table}");
        assert!(parties_table.contains("Insprekers") && parties_table.contains("3:05"), "{parties_table}");
        let csv = end.get(&format!("/sessies/{session}/spreektijd.csv"), &griffie_end).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(csv.body.contains("Piet Partij") && csv.body.contains("1:02"), "{}", csv.body);

        // Who keeps no speakers and chairs nothing may not time it (another councillor: the app's tests).
        let college = Visitor::with_session(&end, Role::College, "10.162.0.6:4000").await;
        assert_eq!(end.get(&format!("/sessies/{session}/voorzitter"), &college).await.status, StatusCode::FORBIDDEN);
        assert_eq!(end.post(&format!("/sessies/{session}/voorzitter/{first}/start"), &[], &college).await.status, StatusCode::FORBIDDEN);
        let public = Visitor::anonymous(&site, "10.162.0.7:4000").await;
        assert_eq!(site.get(&format!("/sessies/{session}/voorzitter"), &public).await.status, StatusCode::SEE_OTHER);
    }
}
