//! Spreekrecht through the site's real interface, on SQLite and PostgreSQL: the public session
//! page, registering by form and by API, the private link (change, cancel, used and unknown), the
//! waiting list and its promotion, the refusals with their reasons, the bad inputs, idempotency,
//! the rate limit, contact details kept out of public output, and 200 registrations at once.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use time::Duration;
use time::macros::time;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::local_time::dutch_moment;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::proposal::SpeakingRules;
use wijkbeeld_domain::speaking::SessionSpeaking;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::speaking::{self, SessionInfo};

use support::{Reply, TestSite, Visitor};

/// A coming session of the demo's published evening, its speaking rules set to `places` places,
/// five minutes each, open until 12:00 on the evening's day, and the demo's registrations for it
/// cancelled; with the number of those, which [`statuses`] skips.
async fn open_session(site: &TestSite, places: Option<u16>) -> (SessionInfo, usize) {
    let mut tx = site.store.begin_write().await.unwrap();
    let sessions = speaking::published_sessions(&mut tx, site.body).await.unwrap();
    let session = sessions
        .into_iter()
        .find(|session| session.starts_at.is_some() && session.date > site.now.date())
        .expect("a planned coming session");
    let rules = SessionSpeaking {
        rules: SpeakingRules {
            allowed: Some(true),
            minutes_per_speaker: Some(5),
            max_speakers: places,
            deadline: Some(dutch_moment(session.date, time!(12:00))),
            note: None,
        },
        total_minutes: None,
        may_join: false,
    };
    speaking::set_rules(&mut tx, site.body, session.id, &rules).await.unwrap();
    let demo = speaking::statuses(&mut tx, session.id).await.unwrap();
    for (id, _) in &demo {
        speaking::set_status(&mut tx, *id, RegistrationStatus::Cancelled, site.now).await.unwrap();
    }
    let session = speaking::session(&mut tx, site.body, session.id).await.unwrap().unwrap();
    tx.commit().await.unwrap();
    (session, demo.len())
}

/// The statuses of the session's registrations after the first `before`, in the order of
/// registering.
async fn statuses(site: &TestSite, session: i64, before: usize) -> Vec<RegistrationStatus> {
    let mut tx = site.store.begin().await.unwrap();
    let all = speaking::statuses(&mut tx, session).await.unwrap();
    all.into_iter().skip(before).map(|(_, status)| status).collect()
}

/// Posts JSON to the API from `client` (with the address also in X-Forwarded-For), with an
/// idempotency key if given.
async fn post_json(site: &TestSite, path: &str, body: &Value, client: &str, key: Option<&str>) -> (Reply, Value) {
    let mut builder = Request::builder()
        .method(Method::POST)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json")
        .header("x-forwarded-for", client.split(':').next().unwrap())
        .extension(ConnectInfo(client.parse::<std::net::SocketAddr>().unwrap()));
    if let Some(key) = key {
        builder = builder.header("idempotency-key", key);
    }
    let reply = site.send(builder.body(Body::from(body.to_string())).unwrap()).await;
    let value = serde_json::from_str(&reply.body).unwrap_or(Value::Null);
    (reply, value)
}

fn speaker(name: &str) -> Value {
    json!({
        "name": name,
        "email": format!("{}@voorbeeld.nl", name.to_lowercase().replace(' ', ".")),
        "phone": "06 1234 5678",
        "topic": "De speelplaats in de wijk",
        "publish_name": true,
    })
}

/// A registration form's fields with the visitor's idempotency key from the page.
fn form<'a>(page: &'a str, name: &'a str, email: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("sleutel", key_of(page)),
        ("naam", name),
        ("email", email),
        ("telefoon", ""),
        ("organisatie", ""),
        ("onderwerp", "Verkeer in de Berflo Es"),
        ("bijdrage", ""),
        ("naam-publiceren", "ja"),
    ]
}

fn key_of(page: &str) -> &str {
    let at = page.find("name=\"sleutel\" value=\"").unwrap() + "name=\"sleutel\" value=\"".len();
    let end = page[at..].find('"').unwrap();
    &page[at..at + end]
}

/// A visitor who opened the session's page: with its form token and the page.
async fn on_page(site: &TestSite, session: i64, client: &str) -> (Visitor, Reply) {
    let mut visitor = Visitor::new(client);
    let page = site.get(&format!("/sessies/{session}"), &visitor).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    visitor.take_cookies(&page);
    (visitor, page)
}

/// Registers by the form; the private link it leads to.
async fn register_by_form(site: &TestSite, session: i64, name: &str, email: &str, client: &str) -> String {
    let (visitor, page) = on_page(site, session, client).await;
    let fields = form(&page.body, name, email);
    let reply = site.post_multipart(&format!("/sessies/{session}/aanmelden"), &fields, &[], &visitor).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header("location").to_owned();
    assert!(location.starts_with("/aanmelding/"), "{location}");
    location
}

backend_test! {
    async fn a_resident_registers_on_the_session_page_and_changes_and_cancels_by_the_private_link(database) {
        let site = TestSite::with_demo(database).await;
        let (session, before) = open_session(&site, Some(5)).await;
        let (mut visitor, page) = on_page(&site, session.id, "10.80.0.1:4000").await;
        assert!(page.body.contains(&session.subject), "the subject: {}", page.body);
        assert!(page.body.contains("Iedere inspreker heeft 5 minuten."), "the rules in words");
        assert!(page.body.contains("Er zijn 5 plaatsen"), "the places");
        assert!(page.body.contains("action=\"/sessies/"), "the form while open");

        let fields = form(&page.body, "Anna de Vries", "anna@voorbeeld.nl");
        let reply = site.post_multipart(&format!("/sessies/{}/aanmelden", session.id), &fields, &[], &visitor).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let link = reply.header("location").to_owned();
        visitor.take_cookies(&reply);
        let private = site.get(&link, &visitor).await;
        assert_eq!(private.status, StatusCode::OK, "{}", private.body);
        assert!(private.body.contains("U bent aangemeld om in te spreken."), "{}", private.body);
        assert!(!private.body.contains("anna@voorbeeld.nl"), "not even the private page shows the address");
        visitor.take_cookies(&private);

        let public = site.get(&format!("/sessies/{}", session.id), &Visitor::new("10.80.0.2:4000")).await;
        assert!(public.body.contains("Anna de Vries"), "the consented name is published");
        assert!(!public.body.contains("anna@voorbeeld.nl"));

        let change = [("onderwerp", "Parkeren bij de school"), ("bijdrage", "Mijn tekst."), ("naam-publiceren", "ja")];
        let pdf: &[u8] = b"%PDF-1.7\n% a small contribution\n";
        let changed = site.post_multipart(&link, &change, &[("bestand", "bijdrage.pdf", pdf)], &visitor).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
        let private = site.get(&link, &visitor).await;
        assert!(private.body.contains("Parkeren bij de school") && private.body.contains("bijdrage.pdf"), "{}", private.body);

        let cancelled = site.post(&format!("{link}/afmelden"), &[], &visitor).await;
        assert_eq!(cancelled.status, StatusCode::SEE_OTHER, "{}", cancelled.body);
        assert_eq!(cancelled.header("location"), format!("/sessies/{}", session.id));
        let used = site.get(&link, &visitor).await;
        assert_eq!(used.status, StatusCode::GONE, "a used link: {}", used.body);
        assert!(used.body.contains("Deze aanmelding is geannuleerd"), "{}", used.body);
        assert_eq!(site.post(&format!("{link}/afmelden"), &[], &visitor).await.status, StatusCode::GONE);
        let unknown = site.get("/aanmelding/bestaat-niet-bestaat-niet-bestaat-niet-12345", &visitor).await;
        assert_eq!(unknown.status, StatusCode::NOT_FOUND);
        assert!(unknown.body.contains("Deze link kennen wij niet"), "{}", unknown.body);
        assert_eq!(statuses(&site, session.id, before).await, [RegistrationStatus::Cancelled]);
    }
}

backend_test! {
    async fn a_full_session_keeps_a_waiting_list_and_a_cancellation_promotes_the_first(database) {
        let site = TestSite::with_demo(database).await;
        let (session, before) = open_session(&site, Some(1)).await;
        let first = register_by_form(&site, session.id, "Eerste", "een@voorbeeld.nl", "10.81.0.1:4000").await;
        let second = register_by_form(&site, session.id, "Tweede", "twee@voorbeeld.nl", "10.81.0.2:4000").await;
        let third = register_by_form(&site, session.id, "Derde", "drie@voorbeeld.nl", "10.81.0.3:4000").await;
        let visitor = Visitor::new("10.81.0.9:4000");
        assert!(site.get(&second, &visitor).await.body.contains("U staat als eerste op de wachtlijst."));
        assert!(site.get(&third, &visitor).await.body.contains("U staat op plaats 2 van de wachtlijst."));

        let (canceller, _) = on_page(&site, session.id, "10.81.0.1:4000").await;
        let reply = site.post(&format!("{first}/afmelden"), &[], &canceller).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        assert_eq!(
            statuses(&site, session.id, before).await,
            [RegistrationStatus::Cancelled, RegistrationStatus::Confirmed, RegistrationStatus::WaitingList]
        );
        // The promoted speaker has an address, so is told with a new private link (the old one
        // is replaced: only a link's digest is kept, and the mail must hold a working link).
        assert_eq!(site.get(&second, &visitor).await.status, StatusCode::NOT_FOUND, "replaced by the mail's link");
        assert!(site.get(&third, &visitor).await.body.contains("U staat als eerste op de wachtlijst."), "moved up, no gap");

        // A waiting speaker who cancels promotes nobody.
        let reply = site.post(&format!("{third}/afmelden"), &[], &canceller).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert_eq!(
            statuses(&site, session.id, before).await,
            [RegistrationStatus::Cancelled, RegistrationStatus::Confirmed, RegistrationStatus::Cancelled]
        );
    }
}

backend_test! {
    async fn the_api_lists_sessions_and_registers_with_statuses_and_positions(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _before) = open_session(&site, Some(2)).await;
        let list = site.get("/api/v1/sessions", &Visitor::new("10.82.0.1:4000")).await;
        assert_eq!(list.status, StatusCode::OK, "{}", list.body);
        let list: Value = serde_json::from_str(&list.body).unwrap();
        let listed = list.as_array().unwrap().iter().find(|item| item["id"] == session.id).unwrap().clone();
        assert_eq!(listed["proposal"], session.proposal_id);
        assert_eq!(listed["date"], session.date.to_string());
        assert_eq!(listed["public_speaking"]["allowed"], true);
        assert_eq!(listed["public_speaking"]["minutes_per_speaker"], 5);
        assert_eq!(listed["public_speaking"]["max_speakers"], 2);
        assert_eq!(listed["public_speaking"]["open"], true);
        assert!(listed["start"].as_str().unwrap().contains(':'));

        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let mut answers = Vec::new();
        for (index, name) in ["Een", "Twee", "Drie", "Vier"].iter().enumerate() {
            let (reply, value) = post_json(&site, &path, &speaker(name), &format!("10.82.1.{index}:4000"), None).await;
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
            answers.push(value);
        }
        assert_eq!(answers[0], json!({"status": "confirmed", "position": null}));
        assert_eq!(answers[1], json!({"status": "confirmed", "position": null}));
        assert_eq!(answers[2], json!({"status": "waitlisted", "position": 1}));
        assert_eq!(answers[3], json!({"status": "waitlisted", "position": 2}));

        // Only published evenings are listed, and their sessions only are found.
        let mut tx = site.store.begin().await.unwrap();
        let all_sessions: Vec<i64> = wijkbeeld_store::market::evenings(&mut tx, site.body)
            .await
            .unwrap()
            .into_iter()
            .filter(|evening| !evening.published)
            .map(|evening| evening.id)
            .collect();
        let hidden = wijkbeeld_store::market::planning(&mut tx, site.body, all_sessions[0]).await.unwrap().sessions[0].id;
        tx.commit().await.unwrap();
        assert!(!list.as_array().unwrap().iter().any(|item| item["id"] == hidden), "an unpublished evening's session");
        let (reply, _) =
            post_json(&site, &format!("/api/v1/sessions/{hidden}/speakers"), &speaker("Vijf"), "10.82.2.1:4000", None).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "no existence leak: {}", reply.body);
        assert_eq!(site.get(&format!("/sessies/{hidden}"), &Visitor::new("10.82.2.2:4000")).await.status, StatusCode::NOT_FOUND);
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.82.2.3:4000").await;
        assert_eq!(site.get(&format!("/sessies/{hidden}"), &griffie).await.status, StatusCode::OK, "the griffie sees it");
    }
}

backend_test! {
    async fn a_closed_session_is_refused_with_the_reason(database) {
        let site = TestSite::with_demo(database).await;
        let (session, before) = open_session(&site, Some(5)).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let deadline = dutch_moment(session.date, time!(12:00));
        let after_deadline = site.at(deadline + Duration::minutes(1));
        let (reply, value) = post_json(&after_deadline, &path, &speaker("Laat"), "10.83.0.1:4000", None).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        assert_eq!(value["errors"][0]["field"], "session");
        assert!(value["errors"][0]["detail"].as_str().unwrap().contains("termijn"), "{value}");

        let begun = site.at(dutch_moment(session.date, session.starts_at.unwrap()) + Duration::minutes(1));
        let (reply, value) = post_json(&begun, &path, &speaker("Later"), "10.83.0.2:4000", None).await;
        assert_eq!(reply.status, StatusCode::CONFLICT);
        assert!(value["errors"][0]["detail"].as_str().unwrap().contains("begonnen of voorbij"), "{value}");

        // The form says why, keeps what was typed, and offers no form.
        let (_, page) = on_page(&after_deadline, session.id, "10.83.0.3:4000").await;
        assert!(page.body.contains("de termijn om u aan te melden is verstreken"), "{}", page.body);
        assert!(!page.body.contains("name=\"naam\""), "no form when closed");
        // A form opened before the deadline and sent after it.
        let (visitor, open_page) = on_page(&site, session.id, "10.83.0.4:4000").await;
        let fields = form(&open_page.body, "Te Laat", "laat@voorbeeld.nl");
        let reply =
            after_deadline.post_multipart(&format!("/sessies/{}/aanmelden", session.id), &fields, &[], &visitor).await;
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
        assert!(reply.body.contains("href=\"#aanmelden\""), "the summary names the form: {}", reply.body);

        let mut tx = site.store.begin_write().await.unwrap();
        let mut rules = session.speaking.clone();
        rules.rules.allowed = Some(false);
        speaking::set_rules(&mut tx, site.body, session.id, &rules).await.unwrap();
        tx.commit().await.unwrap();
        let (reply, value) = post_json(&site, &path, &speaker("Niet"), "10.83.0.5:4000", None).await;
        assert_eq!(reply.status, StatusCode::CONFLICT);
        assert!(value["errors"][0]["detail"].as_str().unwrap().contains("geen spreekrecht"), "{value}");
        assert!(statuses(&site, session.id, before).await.is_empty(), "nobody was registered");
    }
}

backend_test! {
    async fn bad_input_is_refused_naming_each_field_and_the_form_keeps_what_was_typed(database) {
        let site = TestSite::with_demo(database).await;
        let (session, before) = open_session(&site, Some(5)).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let long_topic = "x".repeat(1001);
        let cases = [
            (json!({"email": "a@voorbeeld.nl", "topic": "t"}), "name"),
            (json!({"name": "A", "email": "geen-adres", "topic": "t"}), "email"),
            (json!({"name": "A", "topic": "t"}), "email"),
            (json!({"name": "A", "phone": "bel me", "topic": "t"}), "phone"),
            (json!({"name": "A", "email": "a@voorbeeld.nl", "topic": long_topic}), "topic"),
        ];
        for (index, (body, field)) in cases.iter().enumerate() {
            let (reply, value) = post_json(&site, &path, body, &format!("10.84.0.{index}:4000"), None).await;
            assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}: {}", reply.body);
            let fields: Vec<&str> = value["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
            assert_eq!(fields, [*field], "{body}: {value}");
            assert!(!value["errors"][0]["detail"].as_str().unwrap().is_empty());
        }
        let (reply, _) = post_json(&site, &path, &json!("not an object"), "10.84.1.1:4000", None).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "malformed JSON: {}", reply.body);

        let (visitor, page) = on_page(&site, session.id, "10.84.2.1:4000").await;
        let key = key_of(&page.body).to_owned();
        let form_path = format!("/sessies/{}/aanmelden", session.id);
        let typed = [
            ("sleutel", key.as_str()),
            ("naam", ""),
            ("email", "anna@"),
            ("organisatie", "Buurtvereniging Tuindorp"),
            ("onderwerp", long_topic.as_str()),
        ];
        let reply = site.post_multipart(&form_path, &typed, &[], &visitor).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        for field in ["naam", "email", "onderwerp"] {
            assert!(reply.body.contains(&format!("href=\"#{field}\"")), "{field} is named: {}", reply.body);
        }
        assert!(reply.body.contains("value=\"anna@\""), "the address as typed");
        assert!(reply.body.contains("value=\"Buurtvereniging Tuindorp\""), "the organisation as typed");
        assert!(reply.body.contains("Vul uw naam in."));

        let good = form(&page.body, "Anna", "anna@voorbeeld.nl");
        let zip: &[u8] = b"PK\x03\x04 not a pdf";
        let reply = site.post_multipart(&form_path, &good, &[("bestand", "stuk.pdf", zip)], &visitor).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("href=\"#bestand\"") && reply.body.contains("geen PDF"), "{}", reply.body);
        let mut large = b"%PDF-1.7\n".to_vec();
        large.resize(10 * 1024 * 1024 + 1, b' ');
        let reply = site.post_multipart(&form_path, &good, &[("bestand", "groot.pdf", &large)], &visitor).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(reply.body.contains("groter dan 10 MB"), "{}", reply.body);
        assert!(statuses(&site, session.id, before).await.is_empty(), "nothing was registered");
    }
}

backend_test! {
    async fn the_same_idempotency_key_registers_once(database) {
        let site = TestSite::with_demo(database).await;
        let (session, before) = open_session(&site, Some(1)).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let (first, first_value) = post_json(&site, &path, &speaker("Een"), "10.85.0.1:4000", Some("k-1")).await;
        let (second, second_value) = post_json(&site, &path, &speaker("Een"), "10.85.0.1:4000", Some("k-1")).await;
        assert_eq!(first.status, StatusCode::CREATED);
        assert_eq!(second.status, StatusCode::CREATED);
        assert_eq!(first_value, second_value);
        let (_, other) = post_json(&site, &path, &speaker("Twee"), "10.85.0.1:4000", Some("k-2")).await;
        assert_eq!(other, json!({"status": "waitlisted", "position": 1}));
        assert_eq!(statuses(&site, session.id, before).await.len(), 2);

        // The form's key, made when the page was shown: a double submit registers once.
        let (visitor, page) = on_page(&site, session.id, "10.85.1.1:4000").await;
        let fields = form(&page.body, "Drie", "drie@voorbeeld.nl");
        let form_path = format!("/sessies/{}/aanmelden", session.id);
        let once = site.post_multipart(&form_path, &fields, &[], &visitor).await;
        let twice = site.post_multipart(&form_path, &fields, &[], &visitor).await;
        assert!(once.header("location").starts_with("/aanmelding/"));
        assert_eq!(twice.status, StatusCode::SEE_OTHER);
        assert_eq!(twice.header("location"), format!("/sessies/{}", session.id));
        assert!(twice.set_cookies().iter().any(|cookie| cookie.contains("notice-registration-repeated")));
        assert_eq!(statuses(&site, session.id, before).await.len(), 3);
    }
}

backend_test! {
    async fn registering_is_rate_limited_per_client_address(database) {
        let mut site = TestSite::with_demo(database).await;
        site.settings.trust_proxy = true;
        let (session, _before) = open_session(&site, None).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        for attempt in 0..10 {
            let (reply, _) = post_json(&site, &path, &speaker(&format!("Naam {attempt}")), "10.86.0.1:4000", None).await;
            assert_eq!(reply.status, StatusCode::CREATED, "attempt {attempt}: {}", reply.body);
        }
        let (reply, value) = post_json(&site, &path, &speaker("Elf"), "10.86.0.1:4000", None).await;
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS, "{}", reply.body);
        let retry: i64 = reply.header("retry-after").parse().unwrap();
        assert!((1..=600).contains(&retry), "{retry}");
        assert!(value["errors"][0]["detail"].is_string());
        let (other, _) = post_json(&site, &path, &speaker("Ander"), "10.86.0.2:4000", None).await;
        assert_eq!(other.status, StatusCode::CREATED, "another address is not limited");
    }
}

backend_test! {
    async fn no_public_page_or_json_holds_a_registrants_email_or_phone(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _before) = open_session(&site, Some(5)).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let body = json!({"name": "Geheim Persoon", "email": "geheim.persoon@voorbeeld.nl", "phone": "06 9876 5432",
                          "topic": "Privé", "publish_name": false});
        let (reply, _) = post_json(&site, &path, &body, "10.87.0.1:4000", None).await;
        assert_eq!(reply.status, StatusCode::CREATED);
        let public = Visitor::new("10.87.0.2:4000");
        for page in [
            format!("/sessies/{}", session.id),
            format!("/markt/{}", session.evening_id),
            format!("/voorstellen/{}", session.proposal_id),
            "/markt".to_owned(),
            "/api/v1/sessions".to_owned(),
        ] {
            let reply = site.get(&page, &public).await;
            assert_eq!(reply.status, StatusCode::OK, "{page}");
            for secret in ["geheim.persoon@voorbeeld.nl", "06 9876 5432", "9876", "Geheim Persoon"] {
                assert!(!reply.body.contains(secret), "{page} shows {secret}");
            }
        }
        let page = site.get(&format!("/markt/{}", session.evening_id), &public).await;
        assert!(page.body.contains(&format!("href=\"/sessies/{}\"", session.id)), "the grid links to the session");
        let page = site.get(&format!("/voorstellen/{}", session.proposal_id), &public).await;
        assert!(page.body.contains(&format!("href=\"/sessies/{}\"", session.id)), "the proposal links to the session");
    }
}

backend_test! {
    async fn the_griffie_sets_a_sessions_speaking_rules(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _before) = open_session(&site, Some(5)).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.88.0.1:4000").await;
        let path = format!("/sessies/{}/spreekrecht", session.id);
        let form = site.get(&path, &griffie).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        let bad = [("toegestaan", "ja"), ("minuten", "vijf"), ("plaatsen", "500"), ("totaal", "")];
        let reply = site.post(&path, &bad, &griffie).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        assert!(reply.body.contains("href=\"#minuten\"") && reply.body.contains("value=\"vijf\""), "{}", reply.body);
        let good = [
            ("toegestaan", "ja"),
            ("minuten", "3"),
            ("plaatsen", ""),
            ("totaal", "30"),
            ("deadline-datum", ""),
            ("deadline-tijd", ""),
            ("meepraten", "ja"),
            ("toelichting", "Meepraten mag."),
        ];
        let reply = site.post(&path, &good, &griffie).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let page = site.get(&format!("/sessies/{}", session.id), &Visitor::new("10.88.0.2:4000")).await;
        assert!(page.body.contains("In totaal is er 30 minuten spreektijd"), "{}", page.body);
        assert!(page.body.contains("Iedere inspreker heeft 3 minuten."));
        assert!(page.body.contains("meepraten in het gesprek"));
        assert!(page.body.contains("Er zijn 15 plaatsen"), "a total of 30 without places: 15 of two minutes");
        let public = Visitor::anonymous(&site, "10.88.0.3:4000").await;
        assert_ne!(site.get(&path, &public).await.status, StatusCode::OK, "the public does not set rules");
    }
}

backend_test! {
    async fn two_hundred_registrations_at_once_confirm_exactly_the_places(database) {
        let mut site = TestSite::with_demo(database).await;
        site.settings.trust_proxy = true;
        let (session, before) = open_session(&site, Some(5)).await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let mut tasks = tokio::task::JoinSet::new();
        for index in 0..200_u32 {
            let site = site.clone();
            let path = path.clone();
            tasks.spawn(async move {
                let client = format!("10.{}.{}.{}:4000", 90 + index / 65_000, (index / 250) % 250, index % 250 + 1);
                post_json(&site, &path, &speaker(&format!("Inspreker {index}")), &client, None).await
            });
        }
        let mut confirmed = 0;
        let mut positions = Vec::new();
        while let Some(result) = tasks.join_next().await {
            let (reply, value) = result.unwrap();
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.body);
            match value["status"].as_str().unwrap() {
                "confirmed" => confirmed += 1,
                "waitlisted" => positions.push(value["position"].as_i64().unwrap()),
                other => panic!("{other}"),
            }
        }
        assert_eq!(confirmed, 5);
        positions.sort_unstable();
        assert_eq!(positions, (1..=195).collect::<Vec<i64>>(), "positions 1..195 without gaps or duplicates");
        let stored = statuses(&site, session.id, before).await;
        assert_eq!(stored.iter().filter(|status| **status == RegistrationStatus::Confirmed).count(), 5);
        assert_eq!(stored.len(), 200);
    }
}

/// The outbox as (recipient, template, arguments), oldest first.
async fn outbox(site: &TestSite) -> Vec<(String, String, Value)> {
    let mut tx = site.store.begin().await.unwrap();
    let mut messages = wijkbeeld_store::mail::list(&mut tx, site.body, 1000).await.unwrap();
    tx.commit().await.unwrap();
    messages.sort_by_key(|message| message.id);
    messages
        .into_iter()
        .map(|message| {
            let arguments =
                message.arguments.as_deref().map_or(Value::Null, |text| serde_json::from_str(text).unwrap());
            (message.recipient, message.template, arguments)
        })
        .collect()
}

backend_test! {
    async fn registrants_with_an_address_are_told_by_mail_with_their_private_link(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _before) = open_session(&site, Some(1)).await;
        let first = register_by_form(&site, session.id, "Eerste", "een@voorbeeld.nl", "10.89.0.1:4000").await;
        let second = register_by_form(&site, session.id, "Tweede", "twee@voorbeeld.nl", "10.89.0.2:4000").await;
        let path = format!("/api/v1/sessions/{}/speakers", session.id);
        let by_phone = json!({"name": "Derde", "phone": "074 123 45 67", "topic": "Bellen"});
        let (reply, _) = post_json(&site, &path, &by_phone, "10.89.0.3:4000", None).await;
        assert_eq!(reply.status, StatusCode::CREATED);
        let mails = outbox(&site).await;
        let mails: Vec<&(String, String, Value)> = mails.iter().filter(|(to, ..)| to.ends_with("@voorbeeld.nl")).collect();
        assert_eq!(mails.len(), 2, "no mail without an address: {mails:?}");
        assert_eq!((mails[0].0.as_str(), mails[0].1.as_str()), ("een@voorbeeld.nl", "registration-confirmed"));
        assert_eq!(mails[0].2["cancel_path"], first.as_str(), "the mail holds the private link");
        assert_eq!(mails[0].2["subject"], session.subject.as_str());
        assert_eq!(mails[0].2["date"], session.date.to_string());
        assert_eq!((mails[1].1.as_str(), &mails[1].2["position"]), ("registration-waitlisted", &json!(1)));
        assert_eq!(mails[1].2["cancel_path"], second.as_str());

        let (canceller, _) = on_page(&site, session.id, "10.89.0.1:4000").await;
        assert_eq!(site.post(&format!("{first}/afmelden"), &[], &canceller).await.status, StatusCode::SEE_OTHER);
        let mails = outbox(&site).await;
        let told: Vec<(&str, &str)> = mails
            .iter()
            .filter(|(to, ..)| to.ends_with("@voorbeeld.nl"))
            .skip(2)
            .map(|(to, template, _)| (to.as_str(), template.as_str()))
            .collect();
        assert_eq!(told, [("twee@voorbeeld.nl", "registration-promoted"), ("een@voorbeeld.nl", "registration-cancelled")]);
        let promoted = mails.iter().find(|(_, template, _)| template == "registration-promoted").unwrap();
        let new_link = promoted.2["cancel_path"].as_str().unwrap();
        let page = site.get(new_link, &Visitor::new("10.89.0.9:4000")).await;
        assert!(page.body.contains("U bent aangemeld om in te spreken."), "the promotion mail's link works: {}", page.body);
    }
}
