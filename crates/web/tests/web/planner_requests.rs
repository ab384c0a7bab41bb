//! The room, chair and clerk a proposal asks for, through the planner's page: the plan gives
//! them when it can and says, in the visitor's language, why not when it cannot; on SQLite and
//! PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::market::{self, EveningPlanning};

use support::{TestSite, Visitor};

async fn planning(site: &TestSite, id: i64) -> EveningPlanning {
    let mut tx = site.store.begin().await.unwrap();
    market::planning(&mut tx, site.body, id).await.unwrap()
}

/// The planner's proposed placements: session, room, first round, chair and clerk ids.
fn placements(page: &str) -> Vec<[i64; 5]> {
    page.split("name=\"plaatsing\" value=\"")
        .skip(1)
        .map(|rest| {
            let value = rest.split('"').next().unwrap();
            let parts: Vec<i64> = value.split(':').map(|part| part.parse().unwrap()).collect();
            parts.try_into().unwrap()
        })
        .collect()
}

/// A text as askama writes it into the page.
fn escaped(text: &str) -> String {
    text.replace('\'', "&#39;")
}

backend_test! {
    async fn the_plan_gives_the_seed_proposal_its_room_chair_and_clerk_or_says_why(database) {
        let site = TestSite::with_demo(database).await;
        let mut griffie = Visitor::signed_in(&site, Role::Griffie, "10.47.0.1:4000").await;
        let mut tx = site.store.begin().await.unwrap();
        let evenings = market::evenings(&mut tx, site.body).await.unwrap();
        tx.commit().await.unwrap();
        // The seed's evening is the demo's first; its one session is the seed's proposal.
        let seed = evenings.last().unwrap().id;
        let before = planning(&site, seed).await;
        let session = &before.sessions[0];
        assert_eq!(session.subject, "Wijkgericht werken");
        let (room, room_name) = session.requested.room.clone().unwrap();
        let (chair, chair_name) = session.requested.chair.clone().unwrap();
        let (clerk, clerk_name) = session.requested.clerk.clone().unwrap();
        assert_eq!([room_name.as_str(), &chair_name, &clerk_name], ["Raadzaal", "Vincent ten Voorde", "Coen Hartendorp"]);
        // Without the request the planner would take the smallest room the session fits in.
        assert!(before.rooms.iter().any(|other| other.id != room && other.capacity >= 30));

        let proposal = site.post(&format!("/markt/{seed}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        let [placed, placed_room, _, placed_chair, placed_clerk] = placements(&proposal.body)[0];
        assert_eq!((placed, placed_room, placed_chair, placed_clerk), (session.id, room, chair, clerk), "{}", proposal.body);
        assert!(!proposal.body.contains("Wat de voorstellen zelf vragen en niet krijgen"), "every request is met");

        // Vincent ten Voorde away all evening, another councillor in the pool: the room is
        // still given, the chair cannot be, and the page says why.
        let other = planning(&site, evenings[0].id).await.chairs.into_iter().find(|c| c.person_id != chair).unwrap();
        {
            let mut tx = site.store.begin_write().await.unwrap();
            market::set_staff(&mut tx, site.body, seed, &[chair, other.person_id], &[clerk]).await.unwrap();
            let away: Vec<(i64, i64)> = before.rounds.iter().map(|round| (chair, round.id)).collect();
            market::replace_absences(&mut tx, site.body, seed, &away).await.unwrap();
            tx.commit().await.unwrap();
        }
        let proposal = site.post(&format!("/markt/{seed}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        let [_, placed_room, placed_round, placed_chair, placed_clerk] = placements(&proposal.body)[0];
        assert_eq!((placed_room, placed_chair, placed_clerk), (room, other.person_id, clerk));
        let round = before.rounds.iter().position(|r| r.id == placed_round).unwrap() + 1;
        assert!(proposal.body.contains("Wat de voorstellen zelf vragen en niet krijgen"), "{}", proposal.body);
        let why = format!("'Wijkgericht werken' vraagt Vincent ten Voorde als voorzitter; Vincent ten Voorde is in ronde {round} afwezig.");
        assert!(proposal.body.contains(&escaped(&why)), "{why} in {}", proposal.body);
        assert!(!proposal.body.contains("als zaal"), "the room is given");

        // The same in English.
        griffie.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        let proposal = site.post(&format!("/markt/{seed}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        assert!(proposal.body.contains("What the proposals ask for themselves and do not get"), "{}", proposal.body);
        let why = format!("'Wijkgericht werken' asks for Vincent ten Voorde as chair; Vincent ten Voorde is absent in round {round}.");
        assert!(proposal.body.contains(&escaped(&why)), "{why} in {}", proposal.body);
    }
}

backend_test! {
    async fn a_clerk_asked_for_who_is_not_in_the_evening_s_pool_is_said_so(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.47.0.2:4000").await;
        let mut tx = site.store.begin().await.unwrap();
        let evenings = market::evenings(&mut tx, site.body).await.unwrap();
        tx.commit().await.unwrap();
        let seed = evenings.last().unwrap().id;
        let before = planning(&site, seed).await;
        let (chair, _) = before.sessions[0].requested.chair.clone().unwrap();
        let (clerk, _) = before.sessions[0].requested.clerk.clone().unwrap();
        // Another clerk than Coen Hartendorp in the evening's pool.
        let other = planning(&site, evenings[0].id).await.clerks.into_iter().find(|c| c.person_id != clerk).unwrap();
        {
            let mut tx = site.store.begin_write().await.unwrap();
            market::set_staff(&mut tx, site.body, seed, &[chair], &[other.person_id]).await.unwrap();
            tx.commit().await.unwrap();
        }
        let proposal = site.post(&format!("/markt/{seed}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        let [_, _, _, placed_chair, placed_clerk] = placements(&proposal.body)[0];
        assert_eq!((placed_chair, placed_clerk), (chair, other.person_id));
        let why = "'Wijkgericht werken' vraagt Coen Hartendorp als griffiemedewerker; Coen Hartendorp staat deze avond niet bij de griffiemedewerkers.";
        assert!(proposal.body.contains(&escaped(why)), "{}", proposal.body);

        // Accepted, the evening's page says it too, to those who plan.
        let value: String = proposal.body.split("name=\"plaatsing\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let accepted = site.post(&format!("/markt/{seed}/plan"), &[("plaatsing", &value)], &griffie).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let page = site.get(&format!("/markt/{seed}"), &griffie).await;
        assert!(page.body.contains(&escaped(why)), "{}", page.body);
        let public = site.get(&format!("/markt/{seed}"), &Visitor::new("10.47.0.9:4000")).await;
        assert_eq!(public.status, StatusCode::OK);
        assert!(!public.body.contains("Coen Hartendorp staat deze avond niet"), "only to those who plan");
    }
}

backend_test! {
    async fn an_imported_proposal_s_room_and_people_are_recognised_whatever_their_case_spaces_and_article(database) {
        let site = TestSite::with_demo(database).await;
        let college = Visitor::signed_in(&site, Role::College, "10.47.0.3:4000").await;
        let text = include_str!("../../../../data/seed/behandelvoorstel-wijkgericht-werken.txt")
            .replace("3641304", "3700077")
            .replace("Vincent ten Voorde Coen Hartendorp Raadzaal", "VINCENT  TEN VOORDE coen hartendorp de raadzaal");
        let mut tx = site.store.begin().await.unwrap();
        let people_before = wijkbeeld_store::statistics::row_counts(&mut tx).await.unwrap()["persons"];
        tx.commit().await.unwrap();
        let checked = site.post_multipart("/voorstellen/importeren", &[("tekst", "")], &[("bestand", "voorstel.txt", text.as_bytes())], &college).await;
        assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
        let confirmed = site
            .post("/voorstellen/importeren/bevestigen", &[("tekst", &crate::proposals::hidden_value(&checked.body, "tekst")), ("jaar", "")], &college)
            .await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER, "{}", confirmed.body);
        let imported = site.get(confirmed.header("location"), &college).await;
        assert!(imported.body.contains("Raadzaal"), "the room is recognised: {}", imported.body);
        let mut tx = site.store.begin().await.unwrap();
        let people_after = wijkbeeld_store::statistics::row_counts(&mut tx).await.unwrap()["persons"];
        tx.commit().await.unwrap();
        assert_eq!(people_after, people_before, "the chair and clerk are the people the site knows: {}", imported.body);

        // A room that matches nothing is said to be not recognised, not silently dropped.
        let text = include_str!("../../../../data/seed/behandelvoorstel-wijkgericht-werken.txt")
            .replace("3641304", "3700078")
            .replace("Coen Hartendorp Raadzaal", "Coen Hartendorp Kelderzaal");
        let checked = site.post_multipart("/voorstellen/importeren", &[("tekst", "")], &[("bestand", "voorstel.txt", text.as_bytes())], &college).await;
        assert_eq!(checked.status, StatusCode::OK, "{}", checked.body);
        assert!(checked.body.contains("Kelderzaal") && checked.body.contains("geen bekende zaal"), "{}", checked.body);
    }
}
