//! The chair's running order and timing in the store, on SQLite and on PostgreSQL: the order of
//! the confirmed, reordering, walk-ins at the end, starting and stopping, the griffie's list with
//! contact details (and erased ones), and another body's session not found.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use time::Duration;
use time::macros::{date, datetime};
use wijkbeeld_domain::area::AreaCode;
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_store::chair::{self, NewWalkIn};
use wijkbeeld_store::testing::{self, TestDatabase};
use wijkbeeld_store::{Store, backend_test, people, privacy, speaking};

const ANCHOR: time::Date = date!(2026 - 11 - 28);
const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

async fn demo_store(database: &TestDatabase) -> Store {
    let store = database.open().await;
    let data = demo::generate(ANCHOR, HENGELO_AREAS_CSV).unwrap();
    let mut tx = store.begin_write().await.unwrap();
    wijkbeeld_store::demo::load(&mut tx, &data, &std::collections::HashMap::new(), NOW).await.unwrap();
    tx.commit().await.unwrap();
    store
}

/// A coming session with two demo speakers at least, and one more added with contact details.
async fn session_with_speakers(store: &Store) -> i64 {
    let sessions = testing::sessions_by_date(store).await;
    let mut tx = store.begin().await.unwrap();
    let mut found = None;
    for (_, id) in sessions.into_iter().filter(|(date, _)| *date > ANCHOR) {
        if speaking::confirmed_count(&mut tx, id).await.unwrap() >= 2 {
            found = Some(id);
            break;
        }
    }
    tx.commit().await.unwrap();
    let id = found.expect("a coming session with demo speakers");
    testing::add_speaker(store, id, "Derde Spreker", Some("derde@voorbeeld.nl"), Some("06 1234 5678")).await;
    id
}

backend_test! {
    async fn the_running_order_is_kept_and_walk_ins_come_last(database) {
        let store = demo_store(database).await;
        let session = session_with_speakers(&store).await;
        let mut tx = store.begin_write().await.unwrap();
        let body = people::body_by_code(&mut tx, &"GM0164".parse::<AreaCode>().unwrap()).await.unwrap().unwrap().id;
        let before: Vec<i64> = chair::turns(&mut tx, session).await.unwrap().iter().map(|turn| turn.id).collect();
        assert!(before.len() >= 3, "{before:?}");
        assert!(before.windows(2).all(|pair| pair[0] < pair[1]), "unordered: in the order of registering");

        let mut reordered = before.clone();
        reordered.reverse();
        chair::set_order(&mut tx, session, &reordered).await.unwrap();
        let after: Vec<i64> = chair::turns(&mut tx, session).await.unwrap().iter().map(|turn| turn.id).collect();
        assert_eq!(after, reordered);

        let party = wijkbeeld_store::outcome::parties(&mut tx, body).await.unwrap()[0].clone();
        assert!(chair::party_exists(&mut tx, body, party.id.get()).await.unwrap());
        assert!(!chair::party_exists(&mut tx, body, -1).await.unwrap());
        let walk_in = NewWalkIn { name: "Inloper", organisation: None, topic: "Het fietspad", party_id: Some(party.id.get()) };
        let id = chair::insert_walk_in(&mut tx, session, &walk_in, NOW).await.unwrap();
        let turns = chair::turns(&mut tx, session).await.unwrap();
        let last = turns.last().unwrap();
        assert_eq!(last.id, id, "a walk-in comes after those ordered");
        assert!(last.walk_in);
        assert_eq!(last.party.as_deref(), Some(party.short_name.as_str()));

        let listed = chair::registrations(&mut tx, body, session).await.unwrap();
        let walk_in_row = listed.iter().find(|row| row.id == id).unwrap();
        assert_eq!(walk_in_row.status, RegistrationStatus::Confirmed);
        assert_eq!((walk_in_row.email.as_deref(), walk_in_row.phone.as_deref()), (None, None));
        let third = listed.iter().find(|row| row.name == "Derde Spreker").unwrap();
        assert_eq!(third.email.as_deref(), Some("derde@voorbeeld.nl"), "the griffie's list has the contact details");
        tx.commit().await.unwrap();
    }
}

backend_test! {
    async fn starting_and_stopping_record_the_moments_and_one_runs_at_a_time(database) {
        let store = demo_store(database).await;
        let session = session_with_speakers(&store).await;
        let mut tx = store.begin_write().await.unwrap();
        let turns = chair::turns(&mut tx, session).await.unwrap();
        let (first, second) = (turns[0].id, turns[1].id);
        assert_eq!(chair::running(&mut tx, session).await.unwrap(), None);
        assert!(chair::start(&mut tx, session, first, NOW).await.unwrap());
        assert_eq!(chair::running(&mut tx, session).await.unwrap(), Some(first));
        let later = NOW + Duration::seconds(190);
        assert!(chair::stop(&mut tx, session, first, later).await.unwrap());
        assert!(!chair::stop(&mut tx, session, first, later).await.unwrap(), "not running any more");
        assert!(!chair::stop(&mut tx, session, second, later).await.unwrap(), "never started");
        assert!(!chair::start(&mut tx, session + 100_000, first, later).await.unwrap(), "another session's speaker");
        assert_eq!(chair::running(&mut tx, session).await.unwrap(), None);
        let turns = chair::turns(&mut tx, session).await.unwrap();
        assert_eq!(turns[0].started_at, Some(NOW));
        assert_eq!(turns[0].ended_at, Some(later));
        assert_eq!(turns[1].started_at, None);
        tx.commit().await.unwrap();
    }
}

backend_test! {
    async fn the_list_shows_erased_contact_details_as_erased_and_not_another_bodys(database) {
        let store = demo_store(database).await;
        let session = session_with_speakers(&store).await;
        let mut tx = store.begin_write().await.unwrap();
        let body = people::body_by_code(&mut tx, &"GM0164".parse::<AreaCode>().unwrap()).await.unwrap().unwrap().id;
        let (_, date, sessions) = {
            let info = speaking::session(&mut tx, body, session).await.unwrap().unwrap();
            chair::evening_sessions(&mut tx, body, info.evening_id).await.unwrap().unwrap()
        };
        assert!(sessions.contains(&session));
        privacy::erase_speaker_contacts(&mut tx, body, date, NOW).await.unwrap();
        let listed = chair::registrations(&mut tx, body, session).await.unwrap();
        assert!(!listed.is_empty());
        assert!(listed.iter().all(|row| row.email.is_none() && row.phone.is_none() && row.contact_erased_at.is_some()));

        let other = people::create_body(&mut tx, "Gemeente Borne", &"GM0147".parse::<AreaCode>().unwrap(), None).await.unwrap();
        assert!(chair::registrations(&mut tx, other, session).await.unwrap().is_empty());
        assert_eq!(chair::session_chair(&mut tx, other, session).await.unwrap(), None);
        assert!(chair::session_chair(&mut tx, body, session).await.unwrap().unwrap().is_some(), "the demo session has a chair");
        assert_eq!(chair::evening_sessions(&mut tx, other, 1).await.unwrap(), None);
        tx.commit().await.unwrap();
    }
}
