//! A session's outcome through the site's real interface: the griffie records the minutes,
//! contributions, a commitment and a proposed indicator; the proposal becomes behandeld; the
//! outcome page is public once recorded; the commitment is on the overview (each filter), in the
//! CSV and in the API; the proposed indicator is a candidate in the monitor with its session,
//! and the college settles it — on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::market::{evenings, planning};
use crate::support;

use axum::http::StatusCode;
use time::{Duration, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::monitor::{Direction, IndicatorStatus, Unit};
use wijkbeeld_domain::proposal::ProposalState;
use wijkbeeld_store::audit::{self, AuditFilter};
use wijkbeeld_store::{backend_test, market, monitor, outcome, people, proposals};

use support::{NOW, TestSite, Visitor};

/// A session of the first published evening after the tests' day, whose proposal is
/// geagendeerd: (session, proposal, the evening's date).
async fn coming_session(site: &TestSite) -> (i64, i64, time::Date) {
    for id in evenings(site).await {
        let evening = planning(site, id).await;
        if evening.date <= NOW.date() || evening.published_at.is_none() {
            continue;
        }
        for session in &evening.sessions {
            let mut tx = site.store.begin().await.unwrap();
            let detail = proposals::detail(&mut tx, site.body, Id::new(session.proposal_id)).await.unwrap();
            if detail.proposal.state == ProposalState::Scheduled {
                return (session.id, session.proposal_id, evening.date);
            }
        }
    }
    panic!("the demo has a coming published evening with a geagendeerde proposal");
}

/// The moment the day after `date`, in the morning.
fn day_after(date: time::Date) -> OffsetDateTime {
    (date + Duration::days(1)).with_hms(9, 0, 0).unwrap().assume_utc()
}

async fn state_of(site: &TestSite, proposal: i64) -> ProposalState {
    let mut tx = site.store.begin().await.unwrap();
    proposals::detail(&mut tx, site.body, Id::new(proposal)).await.unwrap().proposal.state
}

/// Ids of a party, an alderman and a programme of the demo.
async fn choices(site: &TestSite) -> (String, String, String) {
    let mut tx = site.store.begin().await.unwrap();
    let party = outcome::parties(&mut tx, site.body).await.unwrap().into_iter().next().unwrap();
    let holder = people::with_functions(&mut tx, site.body, &[wijkbeeld_domain::people::Function::Alderman], NOW)
        .await
        .unwrap()
        .into_iter()
        .next()
        .unwrap();
    let programme = monitor::programmes(&mut tx, site.body).await.unwrap().into_iter().next().unwrap();
    (party.id.to_string(), holder.id.to_string(), programme.id.to_string())
}

/// A good outcome: minutes, one contribution, one commitment due on 1 February after the
/// session, one proposed indicator.
fn good_outcome<'a>(party: &'a str, holder: &'a str, programme: &'a str, due: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("minutes", "De sessie verliep goed.\n\nTweede alinea van het verslag."),
        ("contribution-1-question", ""),
        ("contribution-1-party", party),
        ("contribution-1-text", "Onze fractie steunt de aanpak."),
        ("contribution-2-party", ""),
        ("contribution-2-text", ""),
        ("commitment-1-holder", holder),
        ("commitment-1-programme", programme),
        ("commitment-1-text", "De wethouder stuurt een brief over de buurtbudgetten."),
        ("commitment-1-due", due),
        ("commitment-1-status", "open"),
        ("commitment-2-holder", ""),
        ("commitment-2-text", ""),
        ("indicator-1-name", "Bezoekers van het buurthuis"),
        ("indicator-1-description", "Het aantal bezoekers van het buurthuis per week."),
        ("indicator-1-party", party),
        ("indicator-2-name", ""),
    ]
}

/// Of the evening on `date`: the session the demo's councillor (`raadslid@…`) chairs, and one
/// someone else chairs.
async fn chaired_and_other(site: &TestSite, date: time::Date) -> (i64, i64) {
    let evening = planning(site, market_evening_on(site, date).await).await;
    let mut tx = site.store.begin().await.unwrap();
    let email = support::email_of(Role::Councillor).parse().unwrap();
    let person =
        wijkbeeld_store::accounts::credentials(&mut tx, &email).await.unwrap().unwrap().user.person_id.unwrap();
    tx.commit().await.unwrap();
    let chaired = evening
        .sessions
        .iter()
        .find(|session| session.chair_id == Some(person.get()))
        .expect("the councillor chairs one");
    let other = evening
        .sessions
        .iter()
        .find(|session| session.chair_id.is_some_and(|chair| chair != person.get()))
        .expect("another chair");
    (chaired.id, other.id)
}

async fn market_evening_on(site: &TestSite, date: time::Date) -> i64 {
    for id in evenings(site).await {
        if planning(site, id).await.date == date {
            return id;
        }
    }
    panic!("an evening on {date}");
}

async fn audited(site: &TestSite, action: &str) -> usize {
    let mut tx = site.store.begin().await.unwrap();
    audit::list(&mut tx, &AuditFilter::default(), 1000, 0)
        .await
        .unwrap()
        .iter()
        .filter(|entry| entry.action == action)
        .count()
}

backend_test! {
    async fn the_griffie_records_an_outcome_and_it_flows_to_the_overview_the_api_and_the_monitor(database) {
        let site = TestSite::with_demo(database).await;
        let (session, proposal, date) = coming_session(&site).await;
        let public = Visitor::new("10.70.0.9:4000");
        // Before the session: no outcome page for the public, and the griffie cannot record it yet.
        assert_eq!(site.get(&format!("/sessies/{session}/uitkomst"), &public).await.status, StatusCode::NOT_FOUND);
        let (party, holder, programme) = choices(&site).await;
        let due = (date + Duration::days(60)).to_string();
        let early = Visitor::with_session(&site, Role::Griffie, "10.70.0.1:4000").await;
        let refused = site.post(&format!("/sessies/{session}/uitkomst/bewerken"), &good_outcome(&party, &holder, &programme, &due), &early).await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "not before the session is held");

        let site = site.at(day_after(date));
        let public = Visitor::new("10.70.0.9:4000");
        assert_eq!(site.get(&format!("/sessies/{session}/uitkomst"), &public).await.status, StatusCode::NOT_FOUND, "not before it is recorded");
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.70.0.2:4000").await;
        let form = site.get(&format!("/sessies/{session}/uitkomst/bewerken"), &griffie).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert!(form.body.contains("name=\"commitment-1-holder\"") && form.body.contains("name=\"contribution-2-party\""), "spare rows");
        let saved = site.post(&format!("/sessies/{session}/uitkomst/bewerken"), &good_outcome(&party, &holder, &programme, &due), &griffie).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
        assert_eq!(saved.header("location"), format!("/sessies/{session}/uitkomst"));
        assert_eq!(state_of(&site, proposal).await, ProposalState::Treated, "recording the outcome treats the proposal");
        assert_eq!(audited(&site, "outcome.record").await, 1);

        // The public outcome page.
        let page = site.get(&format!("/sessies/{session}/uitkomst"), &public).await;
        assert_eq!(page.status, StatusCode::OK);
        for text in ["Tweede alinea van het verslag.", "Onze fractie steunt de aanpak.", "De wethouder stuurt een brief over de buurtbudgetten.", "Bezoekers van het buurthuis"] {
            assert!(page.body.contains(text), "{text} on the outcome page");
        }
        // The proposal page and the evening page link to it.
        assert!(site.get(&format!("/voorstellen/{proposal}"), &public).await.body.contains(&format!("/sessies/{session}/uitkomst")));

        // The overview, with each filter.
        let text = "De wethouder stuurt een brief over de buurtbudgetten.";
        let overview = |query: String| {
            let site = site.clone();
            let public = public.clone();
            async move { site.get(&format!("/toezeggingen{query}"), &public).await }
        };
        let all = overview(String::new()).await;
        assert_eq!(all.status, StatusCode::OK);
        assert!(all.body.contains(text));
        assert!(overview(format!("?portefeuillehouder={holder}")).await.body.contains(text));
        assert!(!overview("?portefeuillehouder=999999".into()).await.body.contains(text));
        assert!(overview(format!("?programma={programme}")).await.body.contains(text));
        assert!(!overview("?programma=999999".into()).await.body.contains(text));
        assert!(overview("?status=open".into()).await.body.contains(text));
        assert!(!overview("?status=afgedaan".into()).await.body.contains(text));
        assert!(overview(format!("?van={due}&tot={due}")).await.body.contains(text));
        assert!(!overview(format!("?van={}", date + Duration::days(61))).await.body.contains(text));
        assert!(!overview("?te_laat=ja".into()).await.body.contains(text), "not overdue yet");
        let holder_list = site.get(&format!("/toezeggingen/portefeuillehouder/{holder}"), &public).await;
        assert_eq!(holder_list.status, StatusCode::OK);
        assert!(holder_list.body.contains(text));

        // CSV and API.
        let csv = site.get(&format!("/toezeggingen.csv?portefeuillehouder={holder}"), &public).await;
        assert!(csv.header("content-type").starts_with("text/csv"));
        assert!(csv.body.contains(text) && csv.body.contains(&due));
        let api = site.get(&format!("/api/v1/commitments?portfolio_holder={holder}&status=open"), &public).await;
        assert_eq!(api.status, StatusCode::OK, "{}", api.body);
        let items: serde_json::Value = serde_json::from_str(&api.body).unwrap();
        let item = items.as_array().unwrap().iter().find(|item| item["text"] == text).unwrap();
        assert_eq!(item["due"], due.as_str());
        assert_eq!(item["overdue"], false);
        assert_eq!(item["session"], session);
        assert_eq!(site.get("/api/v1/commitments?status=geen", &public).await.status, StatusCode::BAD_REQUEST);

        // Later it is overdue, marked in words on the page and in the API.
        let late = site.at(day_after(date + Duration::days(61)));
        let public = Visitor::new("10.70.0.9:4000");
        let overdue = late.get("/toezeggingen?te_laat=ja", &public).await;
        assert!(overdue.body.contains(text) && overdue.body.contains("(te laat)"), "marked overdue in words");
        let api: serde_json::Value = serde_json::from_str(&late.get("/api/v1/commitments?overdue=true", &public).await.body).unwrap();
        assert!(api.as_array().unwrap().iter().any(|item| item["text"] == text && item["overdue"] == true));

        // The proposed indicator is a candidate in the monitor, with its session and party.
        let mut tx = site.store.begin().await.unwrap();
        let indicator = monitor::indicators(&mut tx, site.body).await.unwrap().into_iter().find(|indicator| indicator.name == "Bezoekers van het buurthuis").unwrap();
        tx.commit().await.unwrap();
        assert_eq!(indicator.status, IndicatorStatus::Candidate);
        assert_eq!(indicator.proposed_in_session_id.map(Id::get), Some(session));
        let college = Visitor::signed_in(&site, Role::College, "10.70.0.3:4000").await;
        let list = site.get("/monitor/indicatoren", &college).await;
        assert!(list.body.contains(&indicator.code) && list.body.contains(&format!("/sessies/{session}/uitkomst")));
        let page = site.get(&format!("/monitor/indicator/{}", indicator.code), &college).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        assert!(page.body.contains("Kandidaat-indicator") && page.body.contains("/vaststellen"), "a candidate, to settle");

        // The college settles it with a unit and a direction.
        let settle = format!("/monitor/indicatoren/{}/vaststellen", indicator.code);
        assert_eq!(site.get(&settle, &college).await.status, StatusCode::OK);
        let bad = site.post(&settle, &[("unit", "furlongs"), ("direction", "hoger_is_beter")], &college).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
        let settled = site.post(&settle, &[("unit", "aantal"), ("direction", "hoger_is_beter")], &college).await;
        assert_eq!(settled.status, StatusCode::SEE_OTHER, "{}", settled.body);
        let mut tx = site.store.begin().await.unwrap();
        let indicator = monitor::indicators(&mut tx, site.body).await.unwrap().into_iter().find(|candidate| candidate.id == indicator.id).unwrap();
        tx.commit().await.unwrap();
        assert_eq!((indicator.status, indicator.unit, indicator.direction), (IndicatorStatus::Adopted, Unit::Count, Direction::HigherIsBetter));
        assert_eq!(audited(&site, "indicator.settle").await, 1);
        assert_eq!(site.post(&settle, &[("unit", "aantal"), ("direction", "hoger_is_beter")], &college).await.status, StatusCode::CONFLICT, "settled once");

        // Recording again keeps the settled indicator and the rows as typed.
        let again = site.post(&format!("/sessies/{session}/uitkomst/bewerken"), &[("minutes", "Herzien verslag.")], &griffie).await;
        assert_eq!(again.status, StatusCode::SEE_OTHER);
        let mut tx = site.store.begin().await.unwrap();
        assert!(monitor::indicators(&mut tx, site.body).await.unwrap().iter().any(|candidate| candidate.id == indicator.id), "a settled indicator stays");
        assert!(outcome::commitments(&mut tx, site.body, Some(session)).await.unwrap().is_empty(), "its rows were removed");
        tx.commit().await.unwrap();
    }
}

backend_test! {
    async fn a_commitment_keeps_its_id_when_the_outcome_is_recorded_again(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _, date) = coming_session(&site).await;
        let site = site.at(day_after(date));
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.70.1.2:4000").await;
        let (party, holder, programme) = choices(&site).await;
        let due = (date + Duration::days(60)).to_string();
        let path = format!("/sessies/{session}/uitkomst/bewerken");
        assert_eq!(site.post(&path, &good_outcome(&party, &holder, &programme, &due), &griffie).await.status, StatusCode::SEE_OTHER);
        let stored = |site: TestSite| async move {
            let mut tx = site.store.begin().await.unwrap();
            let rows = outcome::commitments(&mut tx, site.body, Some(session)).await.unwrap();
            tx.commit().await.unwrap();
            rows.into_iter().map(|row| (row.id, row.text)).collect::<Vec<_>>()
        };
        let first = stored(site.clone()).await;
        assert_eq!(first.len(), 1);
        let id = first[0].0.to_string();
        let form = site.get(&path, &griffie).await;
        assert!(form.body.contains(&format!("name=\"commitment-1-existing\" value=\"{id}\"")), "the form carries the commitment's id");

        // The same commitment changed, and a second one added: the first keeps its id.
        let mut fields = good_outcome(&party, &holder, &programme, &due);
        fields.retain(|(name, _)| !name.starts_with("commitment-"));
        fields.extend([
            ("commitment-1-existing", id.as_str()),
            ("commitment-1-holder", holder.as_str()),
            ("commitment-1-text", "De wethouder stuurt de brief voor de zomer."),
            ("commitment-1-status", "open"),
            ("commitment-2-holder", holder.as_str()),
            ("commitment-2-text", "Een tweede toezegging."),
        ]);
        assert_eq!(site.post(&path, &fields, &griffie).await.status, StatusCode::SEE_OTHER);
        let second = stored(site.clone()).await;
        assert_eq!(second.len(), 2, "{second:?}");
        assert!(second.contains(&(first[0].0, "De wethouder stuurt de brief voor de zomer.".to_owned())), "changed in place: {second:?}");
        let api: serde_json::Value = serde_json::from_str(&site.get("/api/v1/commitments", &Visitor::new("10.70.1.9:4000")).await.body).unwrap();
        assert!(api.as_array().unwrap().iter().any(|item| item["id"] == first[0].0 && item["text"] == "De wethouder stuurt de brief voor de zomer."));

        // The id of another session's commitment (the demo's) changes that one not at all: the
        // row is a new commitment of this session.
        let mut tx = site.store.begin().await.unwrap();
        let others = outcome::commitments(&mut tx, site.body, None).await.unwrap();
        tx.commit().await.unwrap();
        let other = others.iter().find(|row| row.session_id != session).expect("the demo's recorded commitment").clone();
        let other_id = other.id.to_string();
        let mut foreign = fields.clone();
        foreign.retain(|(name, _)| !name.starts_with("commitment-2") && *name != "commitment-1-existing");
        foreign.push(("commitment-1-existing", other_id.as_str()));
        assert_eq!(site.post(&path, &foreign, &griffie).await.status, StatusCode::SEE_OTHER);
        let third = stored(site.clone()).await;
        assert_eq!(third.len(), 1);
        assert_ne!(third[0].0, other.id, "not the other session's commitment");
        let mut tx = site.store.begin().await.unwrap();
        let unchanged = outcome::commitments(&mut tx, site.body, None).await.unwrap().into_iter().find(|row| row.id == other.id).unwrap();
        tx.commit().await.unwrap();
        assert_eq!((unchanged.session_id, unchanged.text), (other.session_id, other.text), "the other commitment is as it was");
    }
}

backend_test! {
    async fn only_the_griffie_administrators_and_the_sessions_chair_record_outcomes(database) {
        let site = TestSite::with_demo(database).await;
        let (session, _, date) = coming_session(&site).await;
        let (chaired, other) = chaired_and_other(&site, date).await;
        let site = site.at(day_after(date));
        let path = format!("/sessies/{session}/uitkomst/bewerken");
        let public = Visitor::anonymous(&site, "10.71.0.1:4000").await;
        let reply = site.post(&path, &[("minutes", "x")], &public).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.header("location").starts_with("/inloggen"));
        for role in [Role::Partner, Role::College] {
            let visitor = Visitor::with_session(&site, role, "10.71.0.2:4000").await;
            assert_eq!(site.get(&path, &visitor).await.status, StatusCode::FORBIDDEN, "{role}");
            assert_eq!(site.post(&path, &[("minutes", "x")], &visitor).await.status, StatusCode::FORBIDDEN, "{role}");
        }
        // The demo's councillor chairs one session of the evening: that one's outcome is theirs
        // to record, another's is not.
        let councillor = Visitor::with_session(&site, Role::Councillor, "10.71.0.5:4000").await;
        let other_path = format!("/sessies/{other}/uitkomst/bewerken");
        assert_eq!(site.get(&other_path, &councillor).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.post(&other_path, &[("minutes", "x")], &councillor).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.get(&format!("/sessies/{other}/uitkomst"), &councillor).await.status, StatusCode::NOT_FOUND, "not recorded yet");
        assert_eq!(audited(&site, "outcome.record").await, 0);
        let chaired_path = format!("/sessies/{chaired}/uitkomst/bewerken");
        assert_eq!(site.get(&chaired_path, &councillor).await.status, StatusCode::OK);
        let recorded = site.post(&chaired_path, &[("minutes", "Verslag van de voorzitter.")], &councillor).await;
        assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.body);
        assert_eq!(audited(&site, "outcome.record").await, 1);
        assert!(site.get(&format!("/sessies/{chaired}/uitkomst"), &Visitor::new("10.71.0.6:4000")).await.body.contains("Verslag van de voorzitter."));
        let admin = Visitor::with_session(&site, Role::Admin, "10.71.0.3:4000").await;
        assert_eq!(site.post(&path, &[("minutes", "Verslag")], &admin).await.status, StatusCode::SEE_OTHER);
        // Settling is the college's and the griffie's, not a partner's or a councillor's.
        let path = "/monitor/indicatoren/VEILIGHEIDSBELEVING/vaststellen";
        for role in [Role::Partner, Role::Councillor, Role::Admin] {
            let visitor = Visitor::with_session(&site, role, "10.71.0.4:4000").await;
            assert_eq!(site.get(path, &visitor).await.status, StatusCode::FORBIDDEN, "{role}");
        }
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.71.0.5:4000").await;
        assert_eq!(site.get(path, &griffie).await.status, StatusCode::CONFLICT, "an adopted indicator is no candidate");
    }
}

backend_test! {
    async fn a_refused_outcome_names_each_problem_and_keeps_what_was_typed(database) {
        let site = TestSite::with_demo(database).await;
        let (session, proposal, date) = coming_session(&site).await;
        let site = site.at(day_after(date));
        let (party, holder, _) = choices(&site).await;
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.72.0.1:4000").await;
        let before = (date - Duration::days(1)).to_string();
        let fields = [
            ("minutes", "Verslag dat bewaard blijft"),
            ("contribution-1-party", "999999"),
            ("contribution-1-text", "Bijdrage van een onbekende fractie"),
            ("commitment-1-holder", holder.as_str()),
            ("commitment-1-text", ""),
            ("commitment-1-due", before.as_str()),
            ("commitment-2-holder", holder.as_str()),
            ("commitment-2-text", "Afgedaan zonder document"),
            ("commitment-2-status", "afgedaan"),
            ("commitment-3-holder", holder.as_str()),
            ("commitment-3-text", "Een datum die geen datum is"),
            ("commitment-3-due", "morgen"),
            ("indicator-1-name", ""),
            ("indicator-1-description", "Zonder naam"),
            ("indicator-1-party", party.as_str()),
        ];
        let reply = site.post(&format!("/sessies/{session}/uitkomst/bewerken"), &fields, &griffie).await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", reply.body);
        for field in ["contribution-1-party", "commitment-1-text", "commitment-1-due", "commitment-2-document", "commitment-3-due", "indicator-1-name"] {
            assert!(reply.body.contains(&format!("href=\"#{field}\"")), "{field} is named in the summary");
        }
        assert!(reply.body.contains("De datum ligt vóór de sessie"));
        for typed in ["Verslag dat bewaard blijft", "Bijdrage van een onbekende fractie", "Afgedaan zonder document", "value=\"morgen\"", "Zonder naam"] {
            assert!(reply.body.contains(typed), "{typed} is kept");
        }
        assert_eq!(state_of(&site, proposal).await, ProposalState::Scheduled, "nothing was stored");
        assert_eq!(audited(&site, "outcome.record").await, 0);
        // Removed rows are dropped, not refused.
        let removed = [("minutes", "Kort verslag"), ("commitment-1-text", "Weg ermee"), ("commitment-1-remove", "ja")];
        assert_eq!(site.post(&format!("/sessies/{session}/uitkomst/bewerken"), &removed, &griffie).await.status, StatusCode::SEE_OTHER);
        let mut tx = site.store.begin().await.unwrap();
        assert!(outcome::commitments(&mut tx, site.body, Some(session)).await.unwrap().is_empty());
        tx.commit().await.unwrap();
    }
}

backend_test! {
    async fn the_demo_evening_has_its_recorded_outcome(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::new("10.73.0.1:4000");
        let mut tx = site.store.begin().await.unwrap();
        let indicators = monitor::indicators(&mut tx, site.body).await.unwrap();
        let safety = indicators.iter().find(|indicator| indicator.code == "VEILIGHEIDSBELEVING").unwrap();
        let active = indicators.iter().find(|indicator| indicator.code == "ACTIEVE_INWONERS").unwrap();
        let session = safety.proposed_in_session_id.unwrap().get();
        assert_eq!(active.proposed_in_session_id.map(Id::get), Some(session));
        assert_eq!(safety.status, IndicatorStatus::Adopted, "the demo's indicators stay adopted");
        let origin = market::session_origin(&mut tx, site.body, session).await.unwrap().unwrap();
        assert_eq!(origin.subject, "Wijkgericht werken");
        assert_eq!(outcome::commitments(&mut tx, site.body, Some(session)).await.unwrap().len(), 1);
        tx.commit().await.unwrap();
        let page = site.get(&format!("/sessies/{session}/uitkomst"), &public).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Fictief demoverslag") && page.body.contains("Stadsbelang Hengelo"));
        assert!(page.body.contains("Voelt zich veilig in de buurt") && page.body.contains("Actieve inwoners"));
        assert!(site.get(&format!("/markt/{}", origin.evening_id), &public).await.body.contains(&format!("/sessies/{session}/uitkomst")));
        let overview = site.get("/toezeggingen", &public).await;
        assert!(overview.body.contains("Marie-José Luttikholt") && overview.body.contains("(te laat)"));
        let indicator = site.get("/monitor/indicator/VEILIGHEIDSBELEVING", &public).await;
        assert!(indicator.body.contains("voorgesteld door Groen"), "the indicator page names the proposing party");
    }
}
