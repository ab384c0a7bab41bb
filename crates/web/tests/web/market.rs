//! Market evenings through the site's real interface: the public grid, the planner's proposal and
//! its acceptance, manual moves checked against the hard rules, and pins, on SQLite and
//! PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::market::{self, EveningPlanning};

use support::{TestSite, Visitor};

/// The demo's evenings, latest first: the latest is still to be planned, the one before it is.
pub(crate) async fn evenings(site: &TestSite) -> Vec<i64> {
    let mut tx = site.store.begin().await.unwrap();
    market::evenings(&mut tx, site.body).await.unwrap().into_iter().map(|evening| evening.id).collect()
}

pub(crate) async fn planning(site: &TestSite, id: i64) -> EveningPlanning {
    let mut tx = site.store.begin().await.unwrap();
    market::planning(&mut tx, site.body, id).await.unwrap()
}

/// The values of the hidden `plaatsing` fields of the planner's proposal.
fn placements(page: &str) -> Vec<(&str, &str)> {
    page.split("name=\"plaatsing\" value=\"")
        .skip(1)
        .map(|rest| ("plaatsing", rest.split('"').next().unwrap()))
        .collect()
}

backend_test! {
    async fn the_griffie_plans_an_evening_in_one_click_and_accepts_it(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.40.0.1:4000").await;
        let id = evenings(&site).await[0];
        let before = planning(&site, id).await;
        assert!(before.sessions.iter().all(|session| session.room_id.is_none()), "the demo leaves it unplanned");

        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Nog niet ingedeeld") && page.body.contains("Planner uitvoeren"), "{}", page.body);

        let proposal = site.post(&format!("/markt/{id}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        assert!(proposal.body.contains(&format!("De beste indeling die er is: {} sessies ingedeeld.", before.sessions.len())), "{}", proposal.body);
        assert!(!proposal.body.contains("doelwaarde"), "no solver's objective in the griffie's words");
        assert!(!proposal.body.contains("Nog niet ingedeeld"));
        let fields = placements(&proposal.body);
        assert_eq!(fields.len(), before.sessions.len());
        assert!(planning(&site, id).await.sessions.iter().all(|s| s.room_id.is_none()), "a proposal stores nothing");

        let accepted = site.post(&format!("/markt/{id}/plan"), &fields, &griffie).await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
        let after = planning(&site, id).await;
        assert!(after.sessions.iter().all(|s| s.room_id.is_some() && s.first_round_id.is_some() && s.chair_id.is_some() && s.clerk_id.is_some()));
        // No room, chair or clerk twice in a round, and the absent chair not in the first round.
        let mut taken = Vec::new();
        for session in &after.sessions {
            let round = session.first_round_id.unwrap();
            for key in [("room", session.room_id.unwrap()), ("person", session.chair_id.unwrap()), ("person", session.clerk_id.unwrap())] {
                assert!(!taken.contains(&(round, key)), "{key:?} twice in round {round}");
                taken.push((round, key));
            }
            for chair in after.chairs.iter().filter(|chair| Some(chair.person_id) == session.chair_id) {
                assert!(!chair.absent_rounds.contains(&round), "{} chairs while absent", chair.name);
            }
        }
        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert!(!page.body.contains("Nog niet ingedeeld"));

        let admin = Visitor::with_session(&site, Role::Admin, "10.40.0.3:4000").await;
        assert!(site.get("/audit?entiteit=market_evening", &admin).await.body.contains("market.plan"));
    }
}

backend_test! {
    async fn moves_are_checked_against_the_rules_and_pins_are_kept_by_the_planner(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.41.0.1:4000").await;
        let id = evenings(&site).await[1];
        let before = planning(&site, id).await;
        // Two sessions held in the same round.
        let (first, other) = before.sessions.iter()
            .flat_map(|a| before.sessions.iter().map(move |b| (a, b)))
            .find(|(a, b)| a.id != b.id && a.first_round_id == b.first_round_id)
            .unwrap();

        // Into a room already taken in that round: refused, named, nothing changes.
        let text = |id: Option<i64>| id.unwrap().to_string();
        let taken = site.post(&format!("/markt/{id}/verplaatsen"), &[
            ("sessie", &first.id.to_string()), ("zaal", &text(other.room_id)), ("ronde", &text(first.first_round_id)),
            ("voorzitter", &text(first.chair_id)), ("griffiemedewerker", &text(first.clerk_id)),
        ], &griffie).await;
        assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.body.contains("al bezet door"), "{}", taken.body);
        assert!(taken.body.contains(&format!("value=\"{}\" selected", text(other.room_id))), "the form keeps what was chosen");
        assert_eq!(planning(&site, id).await.sessions, before.sessions);

        // The other session's chair is busy in that round.
        let busy = site.post(&format!("/markt/{id}/verplaatsen"), &[
            ("sessie", &first.id.to_string()), ("zaal", &text(first.room_id)), ("ronde", &text(first.first_round_id)),
            ("voorzitter", &text(other.chair_id)), ("griffiemedewerker", &text(first.clerk_id)),
        ], &griffie).await;
        assert_eq!(busy.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(busy.body.contains("en zou tegelijk bij"), "{}", busy.body);
        let nonsense = site.post(&format!("/markt/{id}/verplaatsen"), &[("sessie", "x")], &griffie).await;
        assert_eq!(nonsense.status, StatusCode::UNPROCESSABLE_ENTITY);

        // A free cell: the move is stored and pinned; the planner keeps it there.
        let free_round = before.rounds.iter().map(|r| r.id).find(|round| Some(*round) != first.first_round_id).unwrap();
        let free_room = before.rooms.iter().map(|r| r.id).find(|room| {
            !before.sessions.iter().any(|s| s.room_id == Some(*room) && s.first_round_id == Some(free_round))
        }).unwrap();
        let chair = before.chairs.iter().map(|c| c.person_id).find(|chair| {
            !before.sessions.iter().any(|s| s.chair_id == Some(*chair) && s.first_round_id == Some(free_round))
                && Some(*chair) != first.portfolio_holder_id
        }).unwrap();
        let clerk = before.clerks.iter().map(|c| c.person_id).find(|clerk| {
            !before.sessions.iter().any(|s| s.clerk_id == Some(*clerk) && s.first_round_id == Some(free_round))
        }).unwrap();
        let moved = site.post(&format!("/markt/{id}/verplaatsen"), &[
            ("sessie", &first.id.to_string()), ("zaal", &free_room.to_string()), ("ronde", &free_round.to_string()),
            ("voorzitter", &chair.to_string()), ("griffiemedewerker", &clerk.to_string()), ("vastzetten", "ja"),
        ], &griffie).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
        let after = planning(&site, id).await;
        let stored = after.sessions.iter().find(|s| s.id == first.id).unwrap();
        assert_eq!((stored.room_id, stored.first_round_id, stored.pinned), (Some(free_room), Some(free_round), true));
        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert!(page.body.contains("vastgezet"));

        let proposal = site.post(&format!("/markt/{id}/planner"), &[], &griffie).await;
        let pinned = format!("{}:{free_room}:{free_round}:", first.id);
        assert!(placements(&proposal.body).iter().any(|(_, value)| value.starts_with(&pinned)), "{}", proposal.body);
    }
}

backend_test! {
    async fn the_public_sees_the_published_grid_and_only_the_griffie_plans(database) {
        let site = TestSite::with_demo(database).await;
        let ids = evenings(&site).await;
        let anonymous = Visitor::anonymous(&site, "10.42.0.1:4000").await;
        let list = site.get("/markt", &anonymous).await;
        assert_eq!(list.status, StatusCode::OK);
        for id in &ids[1..] {
            assert!(list.body.contains(&format!("href=\"/markt/{id}\"")), "published evenings are listed");
        }
        // The demo's evening still to be planned is a draft: not listed, and not found.
        assert!(!list.body.contains(&format!("href=\"/markt/{}\"", ids[0])), "the draft is not listed");
        assert_eq!(site.get(&format!("/markt/{}", ids[0]), &anonymous).await.status, StatusCode::NOT_FOUND);
        let page = site.get(&format!("/markt/{}", ids[1]), &anonymous).await;
        assert_eq!(page.status, StatusCode::OK);
        let planned = planning(&site, ids[1]).await;
        for session in &planned.sessions {
            assert!(page.body.contains(&session.subject), "{} missing from the public grid", session.subject);
        }
        assert!(!page.body.contains("Planner uitvoeren") && !page.body.contains("Sessie verplaatsen"));
        assert_eq!(site.get("/markt/999999", &anonymous).await.status, StatusCode::NOT_FOUND);

        let councillor = Visitor::signed_in(&site, Role::Councillor, "10.42.0.2:4000").await;
        assert!(!site.get(&format!("/markt/{}", ids[0]), &councillor).await.body.contains("Planner uitvoeren"));
        assert_eq!(site.post(&format!("/markt/{}/planner", ids[0]), &[], &councillor).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.post(&format!("/markt/{}/plan", ids[0]), &[], &councillor).await.status, StatusCode::FORBIDDEN);
    }
}

backend_test! {
    async fn the_griffie_sets_the_pools_and_absences_and_the_planner_keeps_to_them(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.43.0.1:4000").await;
        let id = evenings(&site).await[0];
        let before = planning(&site, id).await;
        let form = site.get(&format!("/markt/{id}/bezetting"), &griffie).await;
        assert_eq!(form.status, StatusCode::OK);
        for chair in &before.chairs {
            assert!(form.body.contains(&format!("id=\"voorzitter-{}\" name=\"voorzitter\" value=\"{}\" checked", chair.person_id, chair.person_id)), "{} is ticked", chair.name);
        }

        // Two chairs, the clerks as they were, and one chair away in the first round.
        let keep: Vec<String> = before.chairs.iter().take(2).map(|c| c.person_id.to_string()).collect();
        let away = format!("{}:{}", keep[0], before.rounds[0].id);
        let mut fields: Vec<(&str, &str)> = keep.iter().map(|c| ("voorzitter", c.as_str())).collect();
        let clerks: Vec<String> = before.clerks.iter().map(|c| c.person_id.to_string()).collect();
        fields.extend(clerks.iter().map(|c| ("griffiemedewerker", c.as_str())));
        fields.push(("afwezig", &away));

        // Someone who is no candidate, or no chair at all: refused whole, named, the ticks kept.
        let mut unknown = fields.clone();
        unknown.push(("voorzitter", "999999"));
        let refused = site.post(&format!("/markt/{id}/bezetting"), &unknown, &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Kies alleen mensen uit deze lijst.") && refused.body.contains("href=\"#voorzitters\""), "{}", refused.body);
        assert!(refused.body.contains(&format!("id=\"voorzitter-{}\" name=\"voorzitter\" value=\"{}\" checked", keep[0], keep[0])));
        let mut no_chair: Vec<(&str, &str)> = fields.iter().copied().filter(|(field, _)| *field != "voorzitter").collect();
        no_chair.retain(|(field, _)| *field != "afwezig");
        let refused = site.post(&format!("/markt/{id}/bezetting"), &no_chair, &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Kies minstens één voorzitter."), "{}", refused.body);
        let strange_absence = [("voorzitter", keep[0].as_str()), ("griffiemedewerker", clerks[0].as_str()), ("afwezig", "1:999999")];
        let refused = site.post(&format!("/markt/{id}/bezetting"), &strange_absence, &griffie).await;
        assert!(refused.body.contains("Kies afwezigheid alleen voor de mensen en rondes van deze avond."), "{}", refused.body);
        assert_eq!(planning(&site, id).await.chairs, before.chairs, "nothing was stored");

        let saved = site.post(&format!("/markt/{id}/bezetting"), &fields, &griffie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        let after = planning(&site, id).await;
        assert_eq!(after.chairs.len(), 2);
        assert_eq!(after.chairs.iter().find(|c| c.person_id.to_string() == keep[0]).unwrap().absent_rounds, [before.rounds[0].id]);
        assert_eq!(after.clerks.len(), before.clerks.len());

        // The planner's plan keeps the absent chair out of the first round.
        let proposal = site.post(&format!("/markt/{id}/planner"), &[], &griffie).await;
        let first_round = format!(":{}:{}:", before.rounds[0].id, keep[0]);
        assert!(!placements(&proposal.body).iter().any(|(_, value)| value.contains(&first_round)), "{}", proposal.body);

        let councillor = Visitor::signed_in(&site, Role::Councillor, "10.43.0.2:4000").await;
        assert_eq!(site.get(&format!("/markt/{id}/bezetting"), &councillor).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.post(&format!("/markt/{id}/bezetting"), &fields, &councillor).await.status, StatusCode::FORBIDDEN);
    }
}

backend_test! {
    async fn a_plan_that_takes_planned_sessions_off_the_evening_needs_confirming(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.44.0.1:4000").await;
        let id = evenings(&site).await[1];
        let before = planning(&site, id).await;
        let planned = before.sessions.iter().filter(|session| session.room_id.is_some()).count();
        assert!(planned > 0 && before.published_at.is_some(), "the demo's published evening is planned");

        // An empty plan (only the form token) would empty the published evening: refused.
        let empty = site.post(&format!("/markt/{id}/plan"), &[], &griffie).await;
        assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", empty.body);
        assert!(empty.body.contains(&format!("Dit plan haalt {planned} ingedeelde sessies van de avond")), "{}", empty.body);
        assert_eq!(planning(&site, id).await.sessions, before.sessions, "nothing changed");

        // Confirmed on purpose, it is the griffie's to do.
        let confirmed = site.post(&format!("/markt/{id}/plan"), &[("ontplaatsen", "ja")], &griffie).await;
        assert_eq!(confirmed.status, StatusCode::SEE_OTHER, "{}", confirmed.body);
        assert!(planning(&site, id).await.sessions.iter().all(|session| session.room_id.is_none()));
    }
}

backend_test! {
    async fn when_no_session_fits_the_planner_offers_no_plan_but_the_way_to_its_staff(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.45.0.1:4000").await;
        let id = evenings(&site).await[0];
        {
            // No chair and no clerk for the evening (the form refuses that; the store allows it).
            let mut tx = site.store.begin_write().await.unwrap();
            market::set_staff(&mut tx, site.body, id, &[], &[]).await.unwrap();
            tx.commit().await.unwrap();
        }
        let proposal = site.post(&format!("/markt/{id}/planner"), &[], &griffie).await;
        assert_eq!(proposal.status, StatusCode::OK, "{}", proposal.body);
        assert!(proposal.body.contains("geen sessie past"), "{}", proposal.body);
        assert!(!proposal.body.contains("Deze indeling accepteren"), "nothing to accept");
        assert!(proposal.body.contains(&format!("href=\"/markt/{id}/bezetting\"")), "the way to the chairs and clerks");
    }
}
