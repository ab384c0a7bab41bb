//! Store tests, each run on SQLite and on PostgreSQL (when `WIJKBEELD_TEST_POSTGRES` is set),
//! every one on a fresh database.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use time::macros::{date, datetime};
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_store::testing::{self, TestDatabase};
use wijkbeeld_store::{Backend, StoreError, Tx, backend_test, overview, people, settings, statistics};

const ANCHOR: time::Date = date!(2026 - 11 - 28);
const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

async fn load_demo(database: &TestDatabase) -> wijkbeeld_store::demo::LoadReport {
    let store = database.open().await;
    let data = demo::generate(ANCHOR, HENGELO_AREAS_CSV).unwrap();
    let mut tx = store.begin_write().await.unwrap();
    let report = wijkbeeld_store::demo::load(&mut tx, &data, &std::collections::HashMap::new(), NOW).await.unwrap();
    tx.commit().await.unwrap();
    store.close().await;
    report
}

backend_test! {
    async fn migrations_apply_once(database) {
        let store = wijkbeeld_store::Store::connect(&database.setting).await.unwrap();
        let latest = store.schema_version();
        assert!(latest >= 2, "{latest}");
        let first = store.migrate().await.unwrap();
        // Every migration of the folder, whose numbers may have gaps while branches that took a
        // number are still to be merged.
        let folder = match store.backend() {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        let files = std::fs::read_dir(format!("{}/../../migrations/{folder}", env!("CARGO_MANIFEST_DIR"))).unwrap().count();
        assert_eq!(first.applied, files);
        assert_eq!(first.version, latest);
        let second = store.migrate().await.unwrap();
        assert_eq!(second.applied, 0);
        assert_eq!(second.version, latest);
        let mut tx = store.begin().await.unwrap();
        assert!(statistics::is_empty(&mut tx).await.unwrap());
        assert_eq!(statistics::row_counts(&mut tx).await.unwrap().len(), statistics::TABLES.len());
    }
}

backend_test! {
    async fn a_database_from_a_newer_version_is_refused(database) {
        let store = database.open().await;
        testing::record_future_migration(&store).await;
        let error = store.migrate().await.unwrap_err();
        assert!(matches!(error, StoreError::NewerSchema { database: testing::FUTURE_MIGRATION, .. }), "{error:?}");
        assert!(error.to_string().contains("created by a newer version of wijkbeeld"), "{error}");
    }
}

backend_test! {
    async fn loading_the_demo_twice_changes_nothing(database) {
        let first = load_demo(database).await;
        assert!(first.total() > 3000, "{first:?}");
        assert_eq!(first.created["areas"], 73);
        assert_eq!(first.created["market_evenings"], 3);
        assert_eq!(first.created["indicators"], 12);

        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        let before = statistics::row_counts(&mut tx).await.unwrap();
        drop(tx);

        let second = load_demo(database).await;
        assert_eq!(second.total(), 0, "{second:?}");
        let mut tx = store.begin().await.unwrap();
        let after = statistics::row_counts(&mut tx).await.unwrap();
        assert_eq!(before, after);
        assert_eq!(after["audit_log"], 0, "the application layer writes the audit entry, not the store");
        assert!(!statistics::is_empty(&mut tx).await.unwrap());
        assert_eq!(wijkbeeld_store::demo::anchor(&mut tx).await.unwrap(), Some(ANCHOR));
    }
}

backend_test! {
    async fn concurrent_demo_loads_take_turns(database) {
        database.open().await.close().await;
        let (left, right) = tokio::join!(load_demo(database), load_demo(database));
        assert_eq!(left.total().min(right.total()), 0, "one load adds everything, the other nothing");
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        let counts = statistics::row_counts(&mut tx).await.unwrap();
        assert_eq!(counts["areas"], 73);
    }
}

backend_test! {
    async fn the_demo_holds_every_part_of_the_data_model(database) {
        load_demo(database).await;
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        let counts = statistics::row_counts(&mut tx).await.unwrap();
        // Tables that only users fill (accounts, CBS mappings, attachments) start empty; the seed's
        // session has its recorded outcome (contributions, a commitment).
        for table in statistics::TABLES {
            // The audit log is the application layer's to write.
            let filled_later = [
                "users", "cbs_column_mappings", "user_sessions", "api_tokens",
                "rate_limit_windows", "proposal_attachments", "audit_log", "pending_imports", "speaker_contributions",
                "registration_requests", "mail_outbox", "session_attendance",
            ]
            .contains(table);
            assert_eq!(counts[table] == 0, filled_later, "{table}: {}", counts[table]);
        }
        let data = demo::generate(ANCHOR, HENGELO_AREAS_CSV).unwrap();
        assert_eq!(counts["measurements"], data.measurements.len() as i64);
        assert_eq!(counts["proposals"], data.proposals.len() as i64);
    }
}

backend_test! {
    async fn the_home_overview_lists_evenings_and_wijken(database) {
        load_demo(database).await;
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        let hengelo = people::body_by_code(&mut tx, &"GM0164".parse().unwrap()).await.unwrap().unwrap();
        assert_eq!(people::bodies(&mut tx).await.unwrap(), std::slice::from_ref(&hengelo));
        let home = overview::home(&mut tx, hengelo.id, ANCHOR).await.unwrap();
        assert_eq!(home.body_name.as_deref(), Some("Gemeente Hengelo"));
        assert_eq!(home.past.len(), 1);
        let seed = &home.past[0];
        assert_eq!(seed.date, date!(2023 - 09 - 26));
        assert_eq!(seed.subjects, ["Wijkgericht werken"]);
        assert_eq!((seed.rounds, seed.sessions), (2, 1));
        assert_eq!(seed.starts_at, Some(time::macros::time!(19:30)));
        assert_eq!(seed.ends_at, Some(time::macros::time!(22:45)));
        // The home page lists published evenings: the demo's planned one, not its draft still to
        // be planned.
        assert_eq!(home.upcoming.len(), 1);
        assert!(home.upcoming[0].date > ANCHOR);
        assert!(home.upcoming.iter().all(|evening| evening.sessions == 4 && evening.subjects.len() == 4));
        assert_eq!(home.wijken.len(), 10);
        assert_eq!(home.wijken.iter().map(|wijk| wijk.buurten).sum::<i64>(), 62);
        assert_eq!(home.wijken[1].name, "Hengelose Es");
        assert!(home.wijken.iter().all(|wijk| wijk.inhabitants.is_some_and(|people| people > 0)));
    }
}

backend_test! {
    async fn settings_are_replaced(database) {
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        assert_eq!(settings::get(&mut tx, "x").await.unwrap(), None);
        settings::set(&mut tx, "x", "1").await.unwrap();
        settings::set(&mut tx, "x", "2").await.unwrap();
        assert_eq!(settings::get(&mut tx, "x").await.unwrap().as_deref(), Some("2"));
    }
}

backend_test! {
    async fn foreign_keys_and_unique_keys_are_enforced(database) {
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        let orphan = "INSERT INTO areas (body_id, code, name, level) VALUES (4242, 'GM0001', 'Nergens', 'gemeente')";
        let error = match &mut tx {
            Tx::Sqlite(connection) => sqlx::query(orphan).execute(&mut **connection).await.unwrap_err(),
            Tx::Postgres(connection) => sqlx::query(orphan).execute(&mut **connection).await.unwrap_err(),
        };
        assert!(error.to_string().to_lowercase().contains("foreign key"), "{error}");
        drop(tx);

        load_demo(database).await;
        let mut tx = store.begin().await.unwrap();
        let duplicate = "INSERT INTO bodies (name, cbs_code) VALUES ('Tweede Hengelo', 'GM0164')";
        let error: StoreError = match &mut tx {
            Tx::Sqlite(connection) => sqlx::query(duplicate).execute(&mut **connection).await.unwrap_err().into(),
            Tx::Postgres(connection) => sqlx::query(duplicate).execute(&mut **connection).await.unwrap_err().into(),
        };
        assert!(matches!(error, StoreError::Conflict { .. }), "{error:?}");
    }
}

backend_test! {
    async fn sqlite_runs_in_wal_mode(database) {
        let store = database.open().await;
        let mut tx = store.begin().await.unwrap();
        match (&mut tx, store.backend()) {
            (Tx::Sqlite(connection), Backend::Sqlite) => {
                let mode: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut **connection).await.unwrap();
                assert_eq!(mode, "wal");
                let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut **connection).await.unwrap();
                assert_eq!(foreign_keys, 1);
            }
            (Tx::Postgres(_), Backend::Postgres) => {}
            _ => panic!("the transaction's backend differs from the store's"),
        }
    }
}

mod mail {
    use super::*;
    use wijkbeeld_domain::area::AreaCode;
    use wijkbeeld_store::mail::{self, NewMail};

    fn message(recipient: &str) -> NewMail<'_> {
        NewMail { recipient, language: "nl", template: "test", arguments: r#"{"link":"/aanmelding/geheim"}"# }
    }

    async fn two_bodies(
        store: &wijkbeeld_store::Store,
    ) -> (wijkbeeld_domain::Id<wijkbeeld_domain::people::Body>, wijkbeeld_domain::Id<wijkbeeld_domain::people::Body>)
    {
        let mut tx = store.begin_write().await.unwrap();
        let hengelo = people::create_body(&mut tx, "Gemeente Hengelo", &"GM0164".parse::<AreaCode>().unwrap(), None)
            .await
            .unwrap();
        let borne =
            people::create_body(&mut tx, "Gemeente Borne", &"GM0147".parse::<AreaCode>().unwrap(), None).await.unwrap();
        tx.commit().await.unwrap();
        (hengelo, borne)
    }

    backend_test! {
        async fn a_message_is_taken_once_retried_when_due_and_erased_once_sent(database) {
            let store = database.open().await;
            let (hengelo, borne) = two_bodies(&store).await;
            let minute = time::Duration::minutes(1);
            let mut tx = store.begin_write().await.unwrap();
            let id = mail::queue(&mut tx, hengelo, &message("a@example.nl"), NOW).await.unwrap();
            tx.commit().await.unwrap();

            let mut tx = store.begin_write().await.unwrap();
            // Another body's sender finds nothing.
            assert!(mail::take_due(&mut tx, borne, NOW, NOW + minute, 10).await.unwrap().is_empty());
            let taken = mail::take_due(&mut tx, hengelo, NOW, NOW + minute, 10).await.unwrap();
            assert_eq!(taken.iter().map(|message| (message.id, message.attempts)).collect::<Vec<_>>(), [(id, 1)]);
            assert_eq!(taken[0].arguments.as_deref(), Some(r#"{"link":"/aanmelding/geheim"}"#));
            // Held by the first sender: not taken again before its lease ends.
            assert!(mail::take_due(&mut tx, hengelo, NOW, NOW + minute, 10).await.unwrap().is_empty());
            mail::mark_failed(&mut tx, hengelo, id, "connection refused", Some(NOW + minute * 2)).await.unwrap();
            assert!(mail::take_due(&mut tx, hengelo, NOW + minute, NOW + minute * 2, 10).await.unwrap().is_empty());
            let listed = mail::list(&mut tx, hengelo, 10).await.unwrap();
            assert_eq!(listed[0].last_error.as_deref(), Some("connection refused"));
            assert_eq!(listed[0].next_attempt_at, Some(NOW + minute * 2));
            assert!(mail::list(&mut tx, borne, 10).await.unwrap().is_empty());

            let again = mail::take_due(&mut tx, hengelo, NOW + minute * 2, NOW + minute * 3, 10).await.unwrap();
            assert_eq!(again.iter().map(|message| (message.id, message.attempts)).collect::<Vec<_>>(), [(id, 2)]);
            // Another body's id changes nothing.
            mail::mark_sent(&mut tx, borne, id, NOW + minute * 2).await.unwrap();
            assert_eq!(mail::list(&mut tx, hengelo, 10).await.unwrap()[0].sent_at, None);
            mail::mark_sent(&mut tx, hengelo, id, NOW + minute * 2).await.unwrap();
            let sent = &mail::list(&mut tx, hengelo, 10).await.unwrap()[0];
            assert_eq!((sent.sent_at, sent.arguments.as_deref(), sent.last_error.as_deref(), sent.next_attempt_at), (Some(NOW + minute * 2), None, None, None));
            assert_eq!((sent.recipient.as_str(), sent.template.as_str(), sent.attempts), ("a@example.nl", "test", 2));
            assert!(mail::take_due(&mut tx, hengelo, NOW + minute * 10, NOW + minute * 11, 10).await.unwrap().is_empty());
            tx.commit().await.unwrap();
        }
    }

    backend_test! {
        async fn senders_taking_at_once_never_take_the_same_message(database) {
            let store = database.open().await;
            let (hengelo, _) = two_bodies(&store).await;
            let mut tx = store.begin_write().await.unwrap();
            for number in 0..30 {
                mail::queue(&mut tx, hengelo, &message(&format!("{number}@example.nl")), NOW).await.unwrap();
            }
            tx.commit().await.unwrap();
            let senders = (0..4).map(|_| {
                let store = store.clone();
                tokio::spawn(async move {
                    let mut taken = Vec::new();
                    loop {
                        let mut tx = store.begin_write().await.unwrap();
                        let batch = mail::take_due(&mut tx, hengelo, NOW, NOW + time::Duration::hours(1), 3).await.unwrap();
                        tx.commit().await.unwrap();
                        if batch.is_empty() {
                            break taken;
                        }
                        taken.extend(batch.into_iter().map(|message| message.id));
                    }
                })
            });
            let mut all: Vec<i64> = Vec::new();
            for sender in senders.collect::<Vec<_>>() {
                all.extend(sender.await.unwrap());
            }
            all.sort_unstable();
            let count = all.len();
            all.dedup();
            assert_eq!((count, all.len()), (30, 30));
        }
    }
}

/// Two councillors of one party in the demo, with the party.
async fn two_of_one_party(
    tx: &mut Tx,
    body: wijkbeeld_domain::Id<wijkbeeld_domain::people::Body>,
) -> (Vec<wijkbeeld_domain::Id<wijkbeeld_domain::people::Person>>, wijkbeeld_store::attendance::PartySeat) {
    use wijkbeeld_domain::people::Function;
    let councillors = people::with_functions(tx, body, &[Function::Councillor], NOW).await.unwrap();
    let mut seen: Vec<(wijkbeeld_domain::Id<wijkbeeld_domain::people::Person>, i64)> = Vec::new();
    for councillor in councillors {
        let Some(seat) = wijkbeeld_store::attendance::party_of(tx, body, councillor.id, ANCHOR).await.unwrap() else {
            continue;
        };
        if let Some((first, _)) = seen.iter().find(|(_, party)| *party == seat.party_id) {
            return (vec![*first, councillor.id], seat);
        }
        seen.push((councillor.id, seat.party_id));
    }
    panic!("the demo has a party with two councillors");
}

backend_test! {
    async fn one_mark_per_person_and_session_and_one_spokesperson_per_party(database) {
        use wijkbeeld_domain::attendance::AttendanceRole;
        use wijkbeeld_store::{attendance, speaking};
        load_demo(database).await;
        let store = database.open().await;
        let mut tx = store.begin_write().await.unwrap();
        let body = people::bodies(&mut tx).await.unwrap()[0].id;
        let (people, seat) = two_of_one_party(&mut tx, body).await;
        let session = speaking::published_sessions(&mut tx, body).await.unwrap().into_iter().find(|s| s.starts_at.is_some()).unwrap();
        attendance::mark(&mut tx, session.id, people[0], seat.party_id, AttendanceRole::Spokesperson, NOW).await.unwrap();
        attendance::mark(&mut tx, session.id, people[1], seat.party_id, AttendanceRole::Attends, NOW).await.unwrap();
        tx.commit().await.unwrap();

        // A second spokesperson of the party is refused by the database itself.
        let mut tx = store.begin_write().await.unwrap();
        let error = attendance::mark(&mut tx, session.id, people[1], seat.party_id, AttendanceRole::Spokesperson, NOW)
            .await
            .unwrap_err();
        assert!(matches!(error, StoreError::Conflict { .. }), "{error:?}");
        drop(tx);

        let mut tx = store.begin_write().await.unwrap();
        let marks = attendance::of_session(&mut tx, body, session.id).await.unwrap();
        assert_eq!(marks.len(), 2, "{marks:?}");
        assert!(marks.iter().all(|mark| mark.party == seat.short_name));
        assert_eq!(attendance::spokesperson_of(&mut tx, session.id, seat.party_id).await.unwrap().map(|s| s.0), Some(people[0].get()));
        // Marking again changes the role: still one mark per person and session.
        attendance::mark(&mut tx, session.id, people[0], seat.party_id, AttendanceRole::Attends, NOW).await.unwrap();
        attendance::mark(&mut tx, session.id, people[1], seat.party_id, AttendanceRole::Spokesperson, NOW).await.unwrap();
        let marks = attendance::of_evening(&mut tx, body, session.evening_id).await.unwrap();
        assert_eq!(marks.len(), 2);
        assert_eq!(marks.iter().find(|m| m.person_id == people[1].get()).unwrap().role, AttendanceRole::Spokesperson);
        let own = attendance::marks_of(&mut tx, body, people[1]).await.unwrap();
        assert_eq!(own.len(), 1);
        assert_eq!((own[0].session_id, own[0].subject.as_str()), (session.id, session.subject.as_str()));
        let marked = attendance::marked_on_evening(&mut tx, body, people[1], session.evening_id).await.unwrap();
        assert!(marked[0].slot.is_some(), "a planned session has its rounds");
        assert_eq!(attendance::unmark(&mut tx, session.id, people[1]).await.unwrap(), Some(AttendanceRole::Spokesperson));
        assert_eq!(attendance::unmark(&mut tx, session.id, people[1]).await.unwrap(), None);
        assert_eq!(statistics::row_counts(&mut tx).await.unwrap()["session_attendance"], 1);
        // Another body's session is not found.
        let other = wijkbeeld_domain::Id::new(body.get() + 1000);
        assert!(attendance::session_slot(&mut tx, other, session.id).await.unwrap().is_none());
        assert!(attendance::of_session(&mut tx, other, session.id).await.unwrap().is_empty());
        tx.commit().await.unwrap();
    }
}
