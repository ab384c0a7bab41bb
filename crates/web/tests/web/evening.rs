//! The griffie's evening through the site's real interface: creating an evening (its date,
//! title, rounds and rooms), editing it without dropping a session's round or room, and
//! publishing it and withdrawing its publication, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::market::{evenings, planning};
use crate::support;

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::audit::{self, AuditFilter};
use wijkbeeld_store::backend_test;
use wijkbeeld_store::market::EveningPlanning;
use wijkbeeld_store::people;

use support::{TestSite, Visitor};

/// The ids of the municipality's rooms, by name.
async fn rooms(site: &TestSite) -> Vec<(i64, String)> {
    let mut tx = site.store.begin().await.unwrap();
    people::rooms(&mut tx, site.body).await.unwrap().into_iter().map(|room| (room.id.get(), room.name)).collect()
}

/// The audit actions written about evening `id`, oldest first.
async fn audited(site: &TestSite, id: i64) -> Vec<String> {
    let mut tx = site.store.begin().await.unwrap();
    let filter = AuditFilter { entity: Some("market_evening".to_owned()), ..AuditFilter::default() };
    let mut actions: Vec<String> = audit::list(&mut tx, &filter, 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|entry| entry.entity_id == Some(id))
        .map(|entry| entry.action)
        .collect();
    actions.reverse();
    actions
}

/// A good new evening's form: 2 March 2027, two rounds (and an empty third row), these rooms.
fn new_evening(rooms: &[String]) -> Vec<(&str, &str)> {
    let mut fields = vec![
        ("datum", "02-03-2027"),
        ("titel", "Politieke Markt maart"),
        ("ronde-1-begin", "19:30"),
        ("ronde-1-einde", "21:00"),
        ("ronde-2-begin", "21:15"),
        ("ronde-2-einde", "22:45"),
        ("ronde-3-begin", ""),
        ("ronde-3-einde", ""),
    ];
    fields.extend(rooms.iter().map(|room| ("zaal", room.as_str())));
    fields
}

/// `fields` with `name` set to `value` (added when it is not there).
fn with<'a>(fields: &[(&'a str, &'a str)], name: &'a str, value: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut changed: Vec<(&str, &str)> = fields.iter().copied().filter(|(field, _)| *field != name).collect();
    changed.push((name, value));
    changed
}

/// A form's fields as (name, value).
type Form<'a> = Vec<(&'a str, &'a str)>;

/// The location a redirect goes to.
fn location(reply: &support::Reply) -> String {
    reply.header("location").to_owned()
}

backend_test! {
    async fn the_griffie_creates_an_evening_with_its_rounds_and_rooms(database) {
        let site = TestSite::with_demo(database).await;
        let mut griffie = Visitor::signed_in(&site, Role::Griffie, "10.60.0.1:4000").await;
        let list = site.get("/markt", &griffie).await;
        assert!(list.body.contains("href=\"/markt/nieuw\""), "planners are offered a new evening: {}", list.body);
        let public = Visitor::anonymous(&site, "10.60.0.2:4000").await;
        assert!(!site.get("/markt", &public).await.body.contains("/markt/nieuw"));

        let form = site.get("/markt/nieuw", &griffie).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("value=\"Politieke Markt\""), "the title is filled in: {}", form.body);
        assert!(form.body.contains("value=\"19:30\"") && form.body.contains("value=\"22:45\""), "the usual rounds");
        let all_rooms = rooms(&site).await;
        for (id, name) in &all_rooms {
            assert!(form.body.contains(&format!("value=\"{id}\" checked")), "{name} is ticked by default");
        }

        // Two of the rooms.
        let chosen: Vec<String> = all_rooms.iter().take(2).map(|(id, _)| id.to_string()).collect();
        let created = site.post("/markt/nieuw", &new_evening(&chosen), &griffie).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        assert!(created.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-evening-created")));
        let id: i64 = location(&created).strip_prefix("/markt/").unwrap().parse().unwrap();
        let stored = planning(&site, id).await;
        assert_eq!(stored.date, time::macros::date!(2027 - 03 - 02));
        assert_eq!(stored.title, "Politieke Markt maart");
        assert!(stored.published_at.is_none(), "a new evening is not published");
        let times: Vec<(time::Time, time::Time)> = stored.rounds.iter().map(|r| (r.starts_at, r.ends_at)).collect();
        assert_eq!(times, [(time::macros::time!(19:30), time::macros::time!(21:00)), (time::macros::time!(21:15), time::macros::time!(22:45))]);
        let mut used: Vec<String> = stored.rooms.iter().map(|room| room.id.to_string()).collect();
        used.sort();
        let mut expected = chosen.clone();
        expected.sort();
        assert_eq!(used, expected, "only the rooms ticked");
        assert_eq!(audited(&site, id).await, ["market.create"]);

        griffie.take_cookies(&created);
        let page = site.get(&location(&created), &griffie).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("De marktavond is aangemaakt."), "the confirmation: {}", page.body);
        assert!(page.body.contains("Niet gepubliceerd"), "the planner sees it is not published");
        assert_eq!(site.get(&format!("/markt/{id}"), &public).await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    async fn a_refused_evening_names_each_problem_and_keeps_what_was_typed(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.61.0.1:4000").await;
        let rooms: Vec<String> = rooms(&site).await.into_iter().map(|(id, _)| id.to_string()).collect();
        let good = new_evening(&rooms);
        let before = evenings(&site).await.len();
        let demo_evening = planning(&site, evenings(&site).await[0]).await;
        let taken_date = format!("{:02}-{:02}-{}", demo_evening.date.day(), u8::from(demo_evening.date.month()), demo_evening.date.year());

        // Each refused form: its fields, the message it shows, and a value it keeps.
        let cases: Vec<(Form, &str, &str)> = vec![
            (with(&good, "datum", ""), "Vul de datum van de marktavond in.", "value=\"Politieke Markt maart\""),
            (with(&good, "datum", "31-02-2027"), "Vul de datum in als dag-maand-jaar", "value=\"31-02-2027\""),
            (with(&good, "titel", "  "), "Vul een titel in.", "value=\"02-03-2027\""),
            (with(&good, "ronde-1-einde", "19:00"), "Ronde 1 moet later eindigen dan hij begint.", "value=\"19:00\""),
            (with(&good, "ronde-2-begin", "20:45"), "Ronde 2 begint voordat de ronde ervoor eindigt", "value=\"20:45\""),
            (with(&good, "ronde-2-einde", ""), "Vul van ronde 2 zowel de begin- als de eindtijd in", "value=\"21:15\""),
            (with(&good, "ronde-1-begin", "25:00"), "Vul de tijd in als uu:mm", "value=\"25:00\""),
            (
                with(&with(&with(&with(&good, "ronde-1-begin", ""), "ronde-1-einde", ""), "ronde-2-begin", ""), "ronde-2-einde", ""),
                "Vul ten minste één ronde in",
                "value=\"Politieke Markt maart\"",
            ),
            (good.iter().copied().filter(|(name, _)| *name != "zaal").collect(), "Kies ten minste één zaal.", "value=\"21:15\""),
            (with(&good, "zaal", "999999"), "Kies een van de mogelijkheden uit de lijst.", "value=\"22:45\""),
        ];
        for (fields, message, kept) in &cases {
            let refused = site.post("/markt/nieuw", fields, &griffie).await;
            assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}: {}", refused.body);
            assert!(refused.body.contains(message), "{message}: {}", refused.body);
            assert!(refused.body.contains("error-summary"), "an error summary for {message}");
            assert!(refused.body.contains(kept), "{message} keeps {kept}: {}", refused.body);
        }
        // A refused form keeps the rooms as ticked.
        let one_room = with(&with(&good, "datum", ""), "zaal", &rooms[0]);
        let one_room: Vec<(&str, &str)> = one_room.into_iter().filter(|(name, value)| *name != "zaal" || *value == rooms[0]).collect();
        let refused = site.post("/markt/nieuw", &one_room, &griffie).await;
        assert!(refused.body.contains(&format!("value=\"{}\" checked", rooms[0])));
        assert!(!refused.body.contains(&format!("value=\"{}\" checked", rooms[1])), "an unticked room stays unticked");

        // The date of another evening: said, with a link to it.
        let twice = site.post("/markt/nieuw", &with(&good, "datum", &taken_date), &griffie).await;
        assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", twice.body);
        assert!(twice.body.contains("is al een marktavond"), "{}", twice.body);
        assert!(twice.body.contains(&format!("href=\"/markt/{}\"", demo_evening.id)), "a link to the other evening");
        assert_eq!(evenings(&site).await.len(), before, "nothing was created");
    }
}

backend_test! {
    async fn only_those_who_plan_create_edit_and_publish_evenings(database) {
        let site = TestSite::with_demo(database).await;
        let rooms: Vec<String> = rooms(&site).await.into_iter().map(|(id, _)| id.to_string()).collect();
        let id = evenings(&site).await[0];
        let before = evenings(&site).await.len();
        let councillor = Visitor::signed_in(&site, Role::Councillor, "10.62.0.1:4000").await;
        assert!(!site.get("/markt", &councillor).await.body.contains("/markt/nieuw"));
        for path in ["/markt/nieuw".to_owned(), format!("/markt/{id}/bewerken")] {
            assert_eq!(site.get(&path, &councillor).await.status, StatusCode::FORBIDDEN, "{path}");
            assert_eq!(site.post(&path, &new_evening(&rooms), &councillor).await.status, StatusCode::FORBIDDEN, "{path}");
        }
        for path in [format!("/markt/{id}/publiceren"), format!("/markt/{id}/intrekken")] {
            assert_eq!(site.post(&path, &[], &councillor).await.status, StatusCode::FORBIDDEN, "{path}");
        }
        let public = Visitor::anonymous(&site, "10.62.0.2:4000").await;
        let refused = site.post("/markt/nieuw", &new_evening(&rooms), &public).await;
        assert_eq!(refused.status, StatusCode::SEE_OTHER);
        assert!(location(&refused).starts_with("/inloggen"), "the public is asked to sign in");
        let refused = site.post(&format!("/markt/{id}/publiceren"), &[], &public).await;
        assert!(location(&refused).starts_with("/inloggen"));
        assert_eq!(evenings(&site).await.len(), before, "nothing was created");
        assert!(planning(&site, id).await.published_at.is_none(), "nothing was published");
        let page = site.get(&format!("/markt/{}", evenings(&site).await[1]), &councillor).await;
        assert!(!page.body.contains("/publiceren") && !page.body.contains("/intrekken") && !page.body.contains("/bewerken"));
    }
}

backend_test! {
    async fn editing_an_evening_keeps_the_sessions_rounds_and_rooms(database) {
        let site = TestSite::with_demo(database).await;
        let mut griffie = Visitor::signed_in(&site, Role::Griffie, "10.63.0.1:4000").await;
        // The planned evening: every session has a room and a round.
        let id = evenings(&site).await[1];
        let before = planning(&site, id).await;
        assert!(before.sessions.iter().all(|session| session.room_id.is_some()));
        let form = site.get(&format!("/markt/{id}/bewerken"), &griffie).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        for round in &before.rounds {
            assert!(form.body.contains(&format!("value=\"{}\"", round.id)), "round {} is in the form", round.position);
        }
        let date = format!("{:02}-{:02}-{}", before.date.day(), u8::from(before.date.month()), before.date.year());
        assert!(form.body.contains(&format!("value=\"{date}\"")));

        let (first, second) = (before.rounds[0].id.to_string(), before.rounds[1].id.to_string());
        let all_rooms: Vec<String> = before.rooms.iter().map(|room| room.id.to_string()).collect();
        let mut fields: Vec<(&str, &str)> = vec![
            ("datum", &date),
            ("titel", "Politieke Markt (gewijzigd)"),
            ("ronde-1-id", &first),
            ("ronde-1-begin", "19:00"),
            ("ronde-1-einde", "20:30"),
            ("ronde-2-id", &second),
            ("ronde-2-begin", "20:45"),
            ("ronde-2-einde", "22:15"),
            ("ronde-3-begin", "22:30"),
            ("ronde-3-einde", "23:00"),
        ];
        fields.extend(all_rooms.iter().map(|room| ("zaal", room.as_str())));

        // Without the round of a planned session: refused, naming the session; nothing changes.
        let in_first = before.sessions.iter().find(|session| session.first_round_id == Some(before.rounds[0].id)).unwrap();
        let without_round = with(&with(&with(&fields, "ronde-1-begin", ""), "ronde-1-einde", ""), "ronde-1-id", &first);
        let refused = site.post(&format!("/markt/{id}/bewerken"), &without_round, &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Ronde 1 kan niet weg"), "{}", refused.body);
        assert!(refused.body.contains(&in_first.subject.replace('\'', "&#x27;")) || refused.body.contains(&in_first.subject), "names the session");
        assert!(refused.body.contains("value=\"Politieke Markt (gewijzigd)\""), "keeps what was typed");
        assert_eq!(planning(&site, id).await, before);

        // Without the room of a planned session: refused, naming room and session.
        let used_room = before.sessions[0].room_id.unwrap().to_string();
        let without_room: Vec<(&str, &str)> =
            fields.iter().copied().filter(|(name, value)| !(*name == "zaal" && *value == used_room)).collect();
        let refused = site.post(&format!("/markt/{id}/bewerken"), &without_room, &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        let room_name = &before.rooms.iter().find(|room| room.id.to_string() == used_room).unwrap().name;
        assert!(refused.body.contains(&format!("De zaal {room_name} kan niet weg")), "{}", refused.body);
        assert!(!refused.body.contains(&format!("value=\"{used_room}\" checked")), "the room stays unticked as posted");
        assert_eq!(planning(&site, id).await, before);

        // Another evening's round: refused.
        let other = planning(&site, evenings(&site).await[0]).await.rounds[0].id.to_string();
        let strange = with(&fields, "ronde-1-id", &other);
        assert_eq!(site.post(&format!("/markt/{id}/bewerken"), &strange, &griffie).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(planning(&site, id).await, before);

        // New times, a third round, a new title: stored, the sessions keep their rounds.
        let saved = site.post(&format!("/markt/{id}/bewerken"), &fields, &griffie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(location(&saved), format!("/markt/{id}"));
        let after = planning(&site, id).await;
        assert_eq!(after.title, "Politieke Markt (gewijzigd)");
        assert_eq!(after.rounds.len(), 3);
        assert_eq!(after.rounds[0].id, before.rounds[0].id);
        assert_eq!((after.rounds[0].starts_at, after.rounds[2].ends_at), (time::macros::time!(19:00), time::macros::time!(23:00)));
        let places = |planning: &EveningPlanning| -> Vec<(Option<i64>, Option<i64>)> {
            planning.sessions.iter().map(|session| (session.room_id, session.first_round_id)).collect()
        };
        assert_eq!(places(&after), places(&before), "every session keeps its room and round");
        assert_eq!(audited(&site, id).await.last().map(String::as_str), Some("market.edit"));
        griffie.take_cookies(&saved);
        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert!(page.body.contains("De wijzigingen in de marktavond zijn opgeslagen."), "{}", page.body);
        assert!(page.body.contains("Ronde 3 (22:30–23:00)"));

        // Removing the new, empty round again is fine; moving onto the demo's other evening's date is not.
        let other_date = planning(&site, evenings(&site).await[0]).await.date;
        let other_text = format!("{:02}-{:02}-{}", other_date.day(), u8::from(other_date.month()), other_date.year());
        let after_third = after.rounds[2].id.to_string();
        let moved = with(&with(&fields, "datum", &other_text), "ronde-3-id", &after_third);
        let refused = site.post(&format!("/markt/{id}/bewerken"), &moved, &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("is al een marktavond"), "{}", refused.body);
        let two_rounds = with(&with(&with(&fields, "ronde-3-begin", ""), "ronde-3-einde", ""), "ronde-3-id", &after_third);
        let saved = site.post(&format!("/markt/{id}/bewerken"), &two_rounds, &griffie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(planning(&site, id).await.rounds.len(), 2);
    }
}

backend_test! {
    async fn publishing_shows_the_evening_and_its_proposals_to_the_public_and_withdrawing_hides_them(database) {
        let site = TestSite::with_demo(database).await;
        let mut griffie = Visitor::signed_in(&site, Role::Griffie, "10.64.0.1:4000").await;
        let public = Visitor::anonymous(&site, "10.64.0.2:4000").await;
        // The demo's evening still to be planned is not published.
        let id = evenings(&site).await[0];
        let evening = planning(&site, id).await;
        assert!(evening.published_at.is_none(), "the demo's evening still to be planned is a draft");
        let proposal = format!("/voorstellen/{}", evening.sessions[0].proposal_id);
        assert_eq!(site.get(&format!("/markt/{id}"), &public).await.status, StatusCode::NOT_FOUND, "not 403: a draft does not exist for the public");
        assert!(!site.get("/markt", &public).await.body.contains(&format!("href=\"/markt/{id}\"")));
        assert_eq!(site.get(&proposal, &public).await.status, StatusCode::NOT_FOUND);
        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert!(page.body.contains("Niet gepubliceerd") && page.body.contains(&format!("action=\"/markt/{id}/publiceren\"")), "{}", page.body);

        let published = site.post(&format!("/markt/{id}/publiceren"), &[], &griffie).await;
        assert_eq!(published.status, StatusCode::SEE_OTHER, "{}", published.body);
        assert_eq!(location(&published), format!("/markt/{id}"));
        assert_eq!(planning(&site, id).await.published_at, Some(site.now));
        griffie.take_cookies(&published);
        let page = site.get(&format!("/markt/{id}"), &griffie).await;
        assert!(page.body.contains("De marktavond is gepubliceerd."), "the confirmation");
        assert!(page.body.contains("Gepubliceerd op 28 november 2026 10:00"), "{}", page.body);
        assert!(page.body.contains(&format!("action=\"/markt/{id}/intrekken\"")));
        assert_eq!(site.get(&format!("/markt/{id}"), &public).await.status, StatusCode::OK);
        assert!(site.get("/markt", &public).await.body.contains(&format!("href=\"/markt/{id}\"")));
        let seen = site.get(&proposal, &public).await;
        assert_eq!(seen.status, StatusCode::OK, "its proposals are public now");
        assert!(seen.body.contains(&evening.sessions[0].subject.replace('\'', "&#x27;")) || seen.body.contains(&evening.sessions[0].subject));

        let withdrawn = site.post(&format!("/markt/{id}/intrekken"), &[], &griffie).await;
        assert_eq!(withdrawn.status, StatusCode::SEE_OTHER, "{}", withdrawn.body);
        assert!(withdrawn.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-evening-unpublished")));
        assert!(planning(&site, id).await.published_at.is_none());
        assert_eq!(site.get(&format!("/markt/{id}"), &public).await.status, StatusCode::NOT_FOUND);
        assert_eq!(site.get(&proposal, &public).await.status, StatusCode::NOT_FOUND, "its proposals are no longer public");
        assert_eq!(audited(&site, id).await, ["market.publish", "market.unpublish"]);

        // A proposal public through another, published evening stays public: the planned one's.
        let other = planning(&site, evenings(&site).await[1]).await;
        let other_proposal = format!("/voorstellen/{}", other.sessions[0].proposal_id);
        assert_eq!(site.get(&other_proposal, &public).await.status, StatusCode::OK);
        let admin = Visitor::with_session(&site, Role::Admin, "10.64.0.3:4000").await;
        let log = site.get("/audit?entiteit=market_evening", &admin).await;
        assert!(log.body.contains("Marktavond gepubliceerd") && log.body.contains("Publicatie van de marktavond ingetrokken"), "{}", log.body);
    }
}
