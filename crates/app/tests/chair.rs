//! Who may keep a session's speakers and time them, through the use cases, on SQLite and on
//! PostgreSQL: the griffie always; the session's chair (a councillor linked to the chair) for
//! the timer only; another councillor and the public not; and every change audited.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::collections::HashMap;

use time::Duration;
use time::macros::datetime;
use wijkbeeld_app::chair::{self, ChairError, WalkInRequest};
use wijkbeeld_app::{Account, App, Caller, Clock, Store, Who, audit, setup};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{AuditEntry, Role};
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_domain::people::Person;
use wijkbeeld_domain::speaking::{Direction, WalkInForm};
use wijkbeeld_store::testing::{self, TestDatabase};
use wijkbeeld_store::{backend_test, speaking};

const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

async fn with_demo(database: &TestDatabase) -> Store {
    let store = database.open().await;
    let app = App::new(store.clone(), Clock::Fixed(NOW));
    let data = demo::generate(NOW.date(), HENGELO_AREAS_CSV).unwrap();
    setup::store_demo(&app, &app.system("demo").await.unwrap(), &data, &HashMap::new()).await.unwrap();
    store
}

fn account(role: Role, person: Option<Id<Person>>) -> Who {
    Who::Account(Account {
        user_id: None,
        display_name: format!("Test {}", role.code()),
        email: Some(format!("{}@test.example", role.code())),
        role,
        partner_id: None,
        person_id: person,
    })
}

async fn audit_log(app: &App) -> Vec<AuditEntry> {
    let caller = app.system("test").await.unwrap();
    audit::page(app, &caller, &audit::AuditFilter::default(), 1, 100).await.unwrap().entries
}

/// A coming session with demo speakers, and its chair.
async fn chaired_session(store: &Store, app: &App) -> (i64, Id<Person>) {
    let caller = app.system("test").await.unwrap();
    let body = caller.body().unwrap();
    let sessions = testing::sessions_by_date(store).await;
    let mut tx = store.begin().await.unwrap();
    let mut found = None;
    for (date, id) in sessions {
        if date > NOW.date() && speaking::confirmed_count(&mut tx, id).await.unwrap() >= 2 {
            let chair = wijkbeeld_store::chair::session_chair(&mut tx, body, id).await.unwrap().unwrap();
            found = Some((id, chair.unwrap()));
            break;
        }
    }
    tx.commit().await.unwrap();
    found.expect("a coming, chaired session with speakers")
}

backend_test! {
    async fn the_griffie_and_the_sessions_chair_time_it_and_no_one_else(database) {
        let store = with_demo(database).await;
        let app = App::new(store.clone(), Clock::Fixed(NOW));
        let (session, chair_person) = chaired_session(&store, &app).await;
        let griffie = app.caller(account(Role::Griffie, None)).await.unwrap();
        let chair = app.caller(account(Role::Councillor, Some(chair_person))).await.unwrap();
        let other = app.caller(account(Role::Councillor, Some(Id::new(chair_person.get() + 100_000)))).await.unwrap();
        let unlinked = app.caller(account(Role::Councillor, None)).await.unwrap();
        let public = app.caller(Who::Public).await.unwrap();
        let college = app.caller(account(Role::College, None)).await.unwrap();

        let order = chair::timer(&app, &griffie, session).await.unwrap();
        assert!(order.may_time && order.may_manage);
        let order = chair::timer(&app, &chair, session).await.unwrap();
        assert!(order.may_time && !order.may_manage, "the chair times, the griffie keeps the list");
        let first = order.turns[0].turn.id;
        let second = order.turns[1].turn.id;
        for refused in [&other, &unlinked, &public, &college] {
            assert!(matches!(chair::timer(&app, refused, session).await, Err(ChairError::Denied(_))), "{:?}", refused.who());
            assert!(matches!(chair::start_turn(&app, refused, session, first).await, Err(ChairError::Denied(_))));
            assert!(matches!(chair::stop_turn(&app, refused, session, first).await, Err(ChairError::Denied(_))));
        }
        // The chair keeps time but not the list: contact details, moves and walk-ins are the griffie's.
        assert!(matches!(chair::registrations(&app, &chair, session).await, Err(ChairError::Denied(_))));
        assert!(matches!(chair::move_speaker(&app, &chair, session, first, Direction::Down).await, Err(ChairError::Denied(_))));
        let walk_in = WalkInRequest { form: WalkInForm { name: "Bea".into(), organisation: String::new(), topic: "Fietspad".into() }, party_id: None };
        assert!(matches!(chair::add_walk_in(&app, &chair, session, &walk_in).await, Err(ChairError::Denied(_))));
        assert!(matches!(chair::running_order(&app, &public, session).await, Err(ChairError::Denied(_))));

        let before = audit_log(&app).await.len();
        assert_eq!(chair::start_turn(&app, &chair, session, first).await.unwrap(), None);
        let later = App::new(store.clone(), Clock::Fixed(NOW + Duration::seconds(200)));
        let chair_later = later.caller(account(Role::Councillor, Some(chair_person))).await.unwrap();
        assert_eq!(chair::start_turn(&later, &chair_later, session, second).await.unwrap(), Some(first), "starting B stops A");
        assert!(matches!(chair::stop_turn(&later, &chair_later, session, first).await, Err(ChairError::NotRunning)));
        chair::stop_turn(&later, &chair_later, session, second).await.unwrap();
        let log = audit_log(&app).await;
        assert_eq!(log.len(), before + 3);
        assert_eq!(
            log[..3].iter().map(|entry| entry.action.as_str()).collect::<Vec<_>>(),
            ["speaker.stop", "speaker.start", "speaker.start"]
        );
        let order = chair::timer(&later, &griffie_at(&later).await, session).await.unwrap();
        assert_eq!(order.turns[0].spoken_seconds, Some(200));
        assert_eq!(order.turns[1].spoken_seconds, Some(0));
    }
}

async fn griffie_at(app: &App) -> Caller {
    app.caller(account(Role::Griffie, None)).await.unwrap()
}

backend_test! {
    async fn the_griffie_reorders_and_adds_a_walk_in_with_a_party_audited(database) {
        let store = with_demo(database).await;
        let app = App::new(store.clone(), Clock::Fixed(NOW));
        let (session, _) = chaired_session(&store, &app).await;
        let griffie = griffie_at(&app).await;
        let order = chair::running_order(&app, &griffie, session).await.unwrap();
        let ids: Vec<i64> = order.turns.iter().map(|view| view.turn.id).collect();
        chair::move_speaker(&app, &griffie, session, ids[0], Direction::Down).await.unwrap();
        let moved: Vec<i64> = chair::running_order(&app, &griffie, session).await.unwrap().turns.iter().map(|view| view.turn.id).collect();
        assert_eq!((moved[0], moved[1]), (ids[1], ids[0]));
        assert!(matches!(chair::move_speaker(&app, &griffie, session, -5, Direction::Up).await, Err(ChairError::NotFound(_))));

        let party = order.parties[0].clone();
        let missing = WalkInRequest { form: WalkInForm { name: " ".into(), organisation: String::new(), topic: "Fietspad".into() }, party_id: None };
        assert!(matches!(chair::add_walk_in(&app, &griffie, session, &missing).await, Err(ChairError::Invalid(_))));
        let unknown = WalkInRequest { form: WalkInForm { name: "Bea".into(), organisation: String::new(), topic: "Fietspad".into() }, party_id: Some(-1) };
        assert!(matches!(chair::add_walk_in(&app, &griffie, session, &unknown).await, Err(ChairError::UnknownParty)));
        let walk_in = WalkInRequest { party_id: Some(party.id.get()), ..unknown };
        let id = chair::add_walk_in(&app, &griffie, session, &walk_in).await.unwrap();
        let order = chair::running_order(&app, &griffie, session).await.unwrap();
        let last = order.turns.last().unwrap();
        assert_eq!((last.turn.id, last.turn.walk_in), (id, true));
        assert!(order.totals.iter().any(|total| total.party.as_deref() == Some(party.short_name.as_str())));
        assert!(order.totals.last().unwrap().party.is_none(), "the residents last");
        let log = audit_log(&app).await;
        assert_eq!((log[0].action.as_str(), log[0].entity_id), ("speaker.walk_in", Some(id)));
        assert!(!log[0].details.clone().unwrap_or_default().contains("Bea"), "no name in the log");
        assert_eq!(log[1].action, "speaker.move");
    }
}
