//! The use cases through their real interface (an `App` over a fresh database, a `Caller`), on
//! SQLite and on PostgreSQL: each checks its caller's permission, writes its change with one audit
//! entry or not at all, and acts for its caller's municipality only.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::collections::HashMap;

use time::macros::{date, datetime, time};
use wijkbeeld_app::market::{self, MarketError};
use wijkbeeld_app::monitor::{self, MonitorError};
use wijkbeeld_app::proposals::{self, ProposalFilter};
use wijkbeeld_app::{Account, App, BodyChoice, Caller, Clock, Store, Who, audit, setup};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{AuditEntry, Role};
use wijkbeeld_domain::area::AreaCode;
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_domain::proposal::ProposalInput;
use wijkbeeld_store::testing::TestDatabase;
use wijkbeeld_store::{backend_test, people};

const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

/// A database with the demo (Hengelo) loaded through the application, as `wijkbeeld demo` does.
async fn with_demo(database: &TestDatabase) -> Store {
    let store = database.open().await;
    let app = App::new(store.clone(), Clock::Fixed(NOW));
    let data = demo::generate(NOW.date(), HENGELO_AREAS_CSV).unwrap();
    setup::store_demo(&app, &app.system("demo").await.unwrap(), &data, &HashMap::new()).await.unwrap();
    store
}

fn account(role: Role) -> Who {
    Who::Account(Account {
        user_id: None,
        display_name: format!("Test {}", role.code()),
        email: Some(format!("{}@test.example", role.code())),
        role,
        partner_id: None,
        person_id: None,
    })
}

/// The newest entries of the audit log, newest first.
async fn audit_log(app: &App) -> Vec<AuditEntry> {
    let caller = app.system("test").await.unwrap();
    audit::page(app, &caller, &audit::AuditFilter::default(), 1, 100).await.unwrap().entries
}

backend_test! {
    async fn loading_the_demo_again_changes_nothing_and_logs_once(database) {
        let store = with_demo(database).await;
        let app = App::new(store.clone(), Clock::Fixed(NOW));
        let data = demo::generate(NOW.date(), HENGELO_AREAS_CSV).unwrap();
        let again = setup::store_demo(&app, &app.system("demo").await.unwrap(), &data, &HashMap::new()).await.unwrap();
        assert_eq!(again.total(), 0);
        let log = audit_log(&app).await;
        assert_eq!(log.iter().map(|entry| (entry.action.as_str(), entry.actor.as_str())).collect::<Vec<_>>(), [("demo.load", "demo")]);
    }
}

backend_test! {
    async fn a_change_is_written_with_its_audit_entry_by_its_caller_or_not_at_all(database) {
        let app = App::new(with_demo(database).await, Clock::Fixed(NOW));
        let before = audit_log(&app).await.len();
        let rounds = [(time!(19:30), time!(21:00))];

        // Refused by the domain's table: a councillor does not plan evenings; nothing is written.
        let councillor = app.caller(account(Role::Councillor)).await.unwrap();
        let refused = market::create_evening(&app, &councillor, date!(2027 - 05 - 11), "Politieke Markt", &rounds).await;
        assert!(matches!(refused, Err(MarketError::Denied(_))), "{refused:?}");
        assert_eq!(audit_log(&app).await.len(), before);

        // The griffie may; the change and its entry, with the caller's name and moment.
        let griffie = app.caller(account(Role::Griffie)).await.unwrap();
        let id = market::create_evening(&app, &griffie, date!(2027 - 05 - 11), "Politieke Markt", &rounds).await.unwrap();
        let log = audit_log(&app).await;
        assert_eq!(log.len(), before + 1);
        assert_eq!((log[0].action.as_str(), log[0].actor.as_str(), log[0].entity_id), ("market.create", "griffie@test.example", Some(id)));
        assert_eq!(log[0].at, NOW);

        // Refused by the input after the transaction began: rolled back, no entry.
        let twice = market::create_evening(&app, &griffie, date!(2027 - 05 - 11), "Politieke Markt", &rounds).await;
        assert!(matches!(twice, Err(MarketError::Invalid(_))), "{twice:?}");
        assert_eq!(audit_log(&app).await.len(), before + 1);

        // The command line is the system: it may, and is named as itself, not as an admin.
        let cli = app.system("cli").await.unwrap();
        market::create_evening(&app, &cli, date!(2027 - 05 - 18), "Politieke Markt", &rounds).await.unwrap();
        assert_eq!(audit_log(&app).await[0].actor, "cli");
    }
}

backend_test! {
    async fn each_use_case_checks_its_own_rule(database) {
        let app = App::new(with_demo(database).await, Clock::Fixed(NOW));
        let partner = app.caller(account(Role::Partner)).await.unwrap();
        let public = app.caller(Who::Public).await.unwrap();
        let import = monitor::import_measurements(&app, &partner, "area_code,indicator,period,value\n", "x.csv", None).await;
        assert!(matches!(import, Err(MonitorError::Denied(_))), "{import:?}");
        assert!(matches!(monitor::indicators(&app, &public).await, Err(MonitorError::Denied(_))));
        assert!(audit::page(&app, &partner, &audit::AuditFilter::default(), 1, 10).await.is_err());
        let weights = market::weights(&app, &app.caller(account(Role::College)).await.unwrap()).await;
        assert!(matches!(weights, Err(MarketError::Denied(_))), "{weights:?}");
        // The public sees only published evenings; staff also the unpublished ones.
        let seen_by_public = market::evenings(&app, &public).await.unwrap();
        let seen_by_staff = market::evenings(&app, &app.caller(account(Role::Councillor)).await.unwrap()).await.unwrap();
        assert!(seen_by_public.iter().all(|evening| evening.published));
        // The demo's evening still to be planned is a draft: staff see it, the public does not.
        assert_eq!(seen_by_staff.len(), seen_by_public.len() + 1);
        assert!(!seen_by_staff[0].published && !seen_by_public.iter().any(|evening| evening.id == seen_by_staff[0].id));
        // A lifecycle move is a role's decision, which the system does not make.
        let system = app.system("cli").await.unwrap();
        let listing = proposals::list(&app, &system, &ProposalFilter::default()).await.unwrap();
        let moved = proposals::transition(&app, &system, listing.proposals[0].id, listing.proposals[0].state, None).await;
        assert!(matches!(moved, Err(proposals::ProposalError::Denied(_))), "{moved:?}");
    }
}

fn input(subject: &str) -> ProposalInput {
    ProposalInput {
        subject: subject.to_owned(),
        case_number: Some("9000001".to_owned()),
        portfolio_holder_id: None,
        history: String::new(),
        history_documents: Vec::new(),
        purpose: None,
        domains: Vec::new(),
        duration_minutes: Some(60),
        market_date: None,
        chair_id: None,
        clerk_id: None,
        room_id: None,
        expected_attendance: Some(20),
        needs_livestream: false,
        speaking: wijkbeeld_domain::proposal::SpeakingRules {
            allowed: None,
            minutes_per_speaker: None,
            max_speakers: None,
            deadline: None,
            note: None,
        },
        programme: Vec::new(),
    }
}

backend_test! {
    async fn two_municipalities_in_one_database_see_only_their_own(database) {
        let store = with_demo(database).await;
        let borne_code: AreaCode = "GM0147".parse().unwrap();
        {
            let mut tx = store.begin_write().await.unwrap();
            people::create_body(&mut tx, "Gemeente Borne", &borne_code, None).await.unwrap();
            tx.commit().await.unwrap();
        }
        // With two bodies, a deployment must name its own.
        let unnamed = App::new(store.clone(), Clock::Fixed(NOW));
        let error = unnamed.system("cli").await.unwrap_err();
        assert!(error.to_string().contains("2 municipalities"), "{error}");

        let hengelo = App::for_body(store.clone(), Clock::Fixed(NOW), BodyChoice::Code("GM0164".parse().unwrap()));
        let borne = App::for_body(store.clone(), Clock::Fixed(NOW), BodyChoice::Code(borne_code));
        let in_borne = borne.system("cli").await.unwrap();
        let in_hengelo = hengelo.system("cli").await.unwrap();
        assert_ne!(in_borne.body().unwrap(), in_hengelo.body().unwrap());

        // Borne gets areas, an evening and a proposal through the same use cases.
        let division = "code,name,level,parent_code\nGM0147,Borne,gemeente,\nWK014701,Borne-Centrum,wijk,GM0147\n";
        assert_eq!(monitor::import_areas(&borne, &in_borne, division).await.unwrap(), (2, 0));
        let rounds = [(time!(19:30), time!(21:00))];
        let evening = market::create_evening(&borne, &in_borne, date!(2027 - 02 - 02), "Politieke Markt Borne", &rounds)
            .await
            .unwrap();
        let proposal = proposals::create(&borne, &in_borne, &input("Wijkgericht werken in Borne")).await.unwrap();
        // The same case number is Hengelo's own to use.
        proposals::create(&hengelo, &in_hengelo, &input("Wijkgericht werken in Hengelo")).await.unwrap();

        let areas_of = |frame: &monitor::Frame| -> Vec<String> { frame.areas().iter().map(|area| area.code.to_string()).collect() };
        let borne_areas = areas_of(&monitor::catalogue(&borne, &in_borne).await.unwrap());
        let hengelo_areas = areas_of(&monitor::catalogue(&hengelo, &in_hengelo).await.unwrap());
        assert_eq!(borne_areas, ["GM0147", "WK014701"]);
        assert!(hengelo_areas.len() > 70 && !hengelo_areas.iter().any(|code| code.starts_with("GM0147") || code.starts_with("WK0147")));

        let borne_evenings: Vec<i64> = market::evenings(&borne, &in_borne).await.unwrap().iter().map(|evening| evening.id).collect();
        let hengelo_evenings: Vec<i64> = market::evenings(&hengelo, &in_hengelo).await.unwrap().iter().map(|evening| evening.id).collect();
        assert_eq!(borne_evenings, [evening]);
        assert!(!hengelo_evenings.contains(&evening) && hengelo_evenings.len() == 3);

        let subjects = |listing: proposals::Listing| -> Vec<String> { listing.proposals.into_iter().map(|summary| summary.subject).collect() };
        let borne_subjects = subjects(proposals::list(&borne, &in_borne, &ProposalFilter::default()).await.unwrap());
        let hengelo_subjects = subjects(proposals::list(&hengelo, &in_hengelo, &ProposalFilter::default()).await.unwrap());
        assert_eq!(borne_subjects, ["Wijkgericht werken in Borne"]);
        assert!(hengelo_subjects.contains(&"Wijkgericht werken in Hengelo".to_owned()));
        assert!(!hengelo_subjects.contains(&"Wijkgericht werken in Borne".to_owned()));

        // One body's record through the other is not found, for every caller.
        assert!(matches!(proposals::visible(&hengelo, &in_hengelo, proposal).await, Err(proposals::ProposalError::NotFound(_))));
        assert!(matches!(market::evening(&hengelo, &in_hengelo, evening).await, Err(MarketError::NotFound(_))));
        let elsewhere = Caller::new(Who::System("cli"), in_hengelo.body_record().cloned(), NOW);
        assert!(proposals::visible(&borne, &elsewhere, Id::new(proposal.get())).await.is_err(), "the caller's body decides");
    }
}

backend_test! {
    async fn a_purge_erases_the_contacts_of_sessions_past_their_term_and_keeps_the_rest(database) {
        use wijkbeeld_app::privacy::{self, PrivacyError};
        use wijkbeeld_store::testing::{SpeakerContact, add_speaker, sessions_by_date, speaker_contacts};
        let store = with_demo(database).await;
        let sessions = sessions_by_date(&store).await;
        let (past_date, past) = *sessions.first().unwrap();
        let (coming_date, coming) = *sessions.last().unwrap();
        assert!(past_date < coming_date, "the demo has sessions on more than one evening");
        add_speaker(&store, past, "Anna Past", Some("anna@voorbeeld.nl"), Some("06 1234 5678")).await;
        add_speaker(&store, coming, "Bram Coming", Some("bram@voorbeeld.nl"), None).await;

        // Thirty days after the first evening, its speakers' contacts go; the coming ones stay.
        let app = App::new(store.clone(), Clock::Fixed(past_date.midnight().assume_utc() + time::Duration::days(30) + time::Duration::hours(12)));
        let councillor = app.caller(account(Role::Councillor)).await.unwrap();
        let refused = privacy::purge(&app, &councillor, 30).await;
        assert!(matches!(refused, Err(PrivacyError::Denied(_))), "{refused:?}");
        let griffie = app.caller(account(Role::Griffie)).await.unwrap();
        let too_long = privacy::purge(&app, &griffie, 400).await;
        assert!(matches!(too_long, Err(PrivacyError::Retention(_))), "{too_long:?}");
        assert!(speaker_contacts(&store).await.iter().all(|row| !row.erased), "a refused purge erases nothing");

        // A mail queued on the first evening is past the term too; one queued today is not.
        let address: wijkbeeld_domain::access::EmailAddress = "anna@voorbeeld.nl".parse().unwrap();
        let back_then = App::new(store.clone(), Clock::Fixed(past_date.midnight().assume_utc() + time::Duration::hours(6)));
        let griffie_then = back_then.caller(account(Role::Griffie)).await.unwrap();
        wijkbeeld_app::mail::queue_test(&back_then, &griffie_then, &address, "nl").await.unwrap();
        wijkbeeld_app::mail::queue_test(&app, &griffie, &address, "nl").await.unwrap();

        let before = audit_log(&app).await.len();
        let report = privacy::purge(&app, &griffie, 30).await.unwrap();
        assert_eq!((report.erased, report.mails_erased, report.last_date), (1, 1, past_date));
        let outbox = wijkbeeld_app::mail::outbox(&app, &griffie, 100).await.unwrap();
        assert_eq!(outbox.len(), 1, "the mail of today stays");
        let ours: Vec<SpeakerContact> = speaker_contacts(&store)
            .await
            .into_iter()
            .filter(|row| row.name.ends_with("Past") || row.name.ends_with("Coming"))
            .collect();
        let contact = |session_id: i64, name: &str, email: Option<&str>, erased: bool| SpeakerContact {
            session_id,
            name: name.to_owned(),
            email: email.map(str::to_owned),
            phone: None,
            erased,
        };
        assert_eq!(
            ours,
            [contact(past, "Anna Past", None, true), contact(coming, "Bram Coming", Some("bram@voorbeeld.nl"), false)]
        );
        let log = audit_log(&app).await;
        assert_eq!(log.len(), before + 1);
        assert_eq!((log[0].action.as_str(), log[0].entity.as_str()), ("privacy.purge", "speaker_registration"));
        assert!(log[0].details.as_deref().unwrap_or_default().contains("\"erased\":1"), "{:?}", log[0].details);

        // Run again the same day (as the daily task does): nothing more to erase, nothing logged.
        let again = privacy::purge(&app, &griffie, 30).await.unwrap();
        assert_eq!((again.erased, again.mails_erased), (0, 0));
        assert_eq!(audit_log(&app).await.len(), before + 1);

        // A day earlier the first evening was still within its term.
        let store_before = App::new(store.clone(), Clock::Fixed(past_date.midnight().assume_utc() + time::Duration::days(29) + time::Duration::hours(12)));
        let caller = store_before.system("privacy").await.unwrap();
        assert_eq!(privacy::purge(&store_before, &caller, 30).await.unwrap().last_date, past_date.previous_day().unwrap());
    }
}

backend_test! {
    async fn the_griffie_queues_a_test_mail_with_one_audit_entry_and_only_the_system_delivers(database) {
        use wijkbeeld_app::mail::{self, MailError};
        let store = with_demo(database).await;
        let app = App::new(store.clone(), Clock::Fixed(NOW));
        let griffie = app.caller(account(Role::Griffie)).await.unwrap();
        let college = app.caller(account(Role::College)).await.unwrap();
        let to = "griffie@test.example".parse().unwrap();
        assert!(matches!(mail::queue_test(&app, &college, &to, "nl").await, Err(MailError::Denied(_))));
        assert!(matches!(mail::outbox(&app, &college, 10).await, Err(MailError::Denied(_))));
        mail::queue_test(&app, &griffie, &to, "en").await.unwrap();
        assert_eq!(audit_log(&app).await[0].action, "mail.test");
        let outbox = mail::outbox(&app, &griffie, 10).await.unwrap();
        assert_eq!(
            outbox.iter().map(|message| (message.recipient.as_str(), message.language.as_str(), message.template.as_str(), message.sent_at)).collect::<Vec<_>>(),
            [("griffie@test.example", "en", "test", None)]
        );
        // Working the outbox is the delivery task's, not a role's.
        assert!(matches!(mail::take_due(&app, &griffie, 10, std::time::Duration::from_secs(60)).await, Err(MailError::Denied(_))));
        let system = app.system("mail").await.unwrap();
        let taken = mail::take_due(&app, &system, 10, std::time::Duration::from_secs(60)).await.unwrap();
        assert_eq!(taken.len(), 1);
        mail::mark_failed(&app, &system, &taken[0], "refused", &mail::Backoff::default()).await.unwrap();
        let failed = &mail::outbox(&app, &griffie, 10).await.unwrap()[0];
        assert_eq!((failed.attempts, failed.last_error.as_deref(), failed.next_attempt_at), (1, Some("refused"), Some(NOW + time::Duration::minutes(1))));
        mail::mark_sent(&app, &system, taken[0].id).await.unwrap();
        assert!(mail::outbox(&app, &griffie, 10).await.unwrap()[0].sent_at.is_some());
        // Delivery writes no audit entry: the change was audited when it was made.
        assert_eq!(audit_log(&app).await.len(), 2);
    }
}

/// A councillor's account linked to their person.
fn councillor(person: Id<wijkbeeld_domain::people::Person>, name: &str) -> Who {
    Who::Account(Account {
        user_id: None,
        display_name: name.to_owned(),
        email: Some(format!("{}@test.example", name.to_lowercase().replace(' ', "."))),
        role: Role::Councillor,
        partner_id: None,
        person_id: Some(person),
    })
}

backend_test! {
    async fn a_councillor_marks_their_own_sessions_one_place_at_a_time(database) {
        use wijkbeeld_app::council::{self, CouncilError};
        use wijkbeeld_domain::attendance::AttendanceRole;
        use wijkbeeld_domain::people::Function;
        let store = with_demo(database).await;
        let app = App::new(store.clone(), Clock::Fixed(NOW));
        let mut tx = store.begin().await.unwrap();
        let body = people::bodies(&mut tx).await.unwrap()[0].id;
        // Two councillors of one party.
        let mut of_party: Vec<(Id<wijkbeeld_domain::people::Person>, String, i64)> = Vec::new();
        for person in people::with_functions(&mut tx, body, &[Function::Councillor], NOW).await.unwrap() {
            let seat = wijkbeeld_store::attendance::party_of(&mut tx, body, person.id, NOW.date()).await.unwrap().unwrap();
            of_party.push((person.id, person.name, seat.party_id));
        }
        let party = of_party.iter().map(|(_, _, party)| *party).find(|party| of_party.iter().filter(|(_, _, p)| p == party).count() >= 2).unwrap();
        let colleagues: Vec<_> = of_party.iter().filter(|(_, _, p)| *p == party).collect();
        // Two sessions of one evening in the same round, and one in another round.
        let sessions = wijkbeeld_store::speaking::published_sessions(&mut tx, body).await.unwrap();
        tx.commit().await.unwrap();
        let planned: Vec<_> = sessions.iter().filter(|s| s.starts_at.is_some()).collect();
        let (first, parallel) = planned
            .iter()
            .flat_map(|a| planned.iter().map(move |b| (*a, *b)))
            .find(|(a, b)| a.id != b.id && a.evening_id == b.evening_id && a.starts_at == b.starts_at)
            .expect("the demo has parallel sessions");
        let later = planned
            .iter()
            .find(|s| s.evening_id == first.evening_id && s.starts_at >= first.ends_at.max(parallel.ends_at))
            .expect("a later round");
        let before = audit_log(&app).await.len();

        for who in [Who::Public, account(Role::Partner), account(Role::Griffie)] {
            let caller = app.caller(who).await.unwrap();
            let refused = council::set_attendance(&app, &caller, first.id, Some(AttendanceRole::Attends)).await;
            assert!(matches!(refused, Err(CouncilError::Denied(_))), "{refused:?}");
        }
        let unlinked = app.caller(account(Role::Councillor)).await.unwrap();
        let refused = council::set_attendance(&app, &unlinked, first.id, Some(AttendanceRole::Attends)).await;
        assert!(matches!(refused, Err(CouncilError::NoPerson)), "{refused:?}");
        assert!(matches!(council::own_page(&app, &unlinked).await, Err(CouncilError::NoPerson)));
        assert_eq!(audit_log(&app).await.len(), before, "a refusal writes nothing");

        let (person, name, _) = colleagues[0];
        let caller = app.caller(councillor(*person, name)).await.unwrap();
        let marked = council::set_attendance(&app, &caller, first.id, Some(AttendanceRole::Spokesperson)).await.unwrap();
        assert_eq!((marked.evening_id, marked.role), (first.evening_id, Some(AttendanceRole::Spokesperson)));
        let log = audit_log(&app).await;
        assert_eq!(log.len(), before + 1);
        assert_eq!((log[0].action.as_str(), log[0].entity.as_str(), log[0].entity_id), ("attendance.mark", "session", Some(first.id)));
        assert_eq!(log[0].to_state.as_deref(), Some("spokesperson"));

        // The session at the same time is refused, naming the one marked.
        let refused = council::set_attendance(&app, &caller, parallel.id, Some(AttendanceRole::Attends)).await;
        match refused {
            Err(CouncilError::Parallel(other)) => assert_eq!(other, first.subject),
            other => panic!("{other:?}"),
        }
        assert_eq!(audit_log(&app).await.len(), before + 1);
        council::set_attendance(&app, &caller, later.id, Some(AttendanceRole::Attends)).await.unwrap();

        // A colleague cannot be the party's second spokesperson there, but may attend.
        let (other_person, other_name, _) = colleagues[1];
        let colleague = app.caller(councillor(*other_person, other_name)).await.unwrap();
        match council::set_attendance(&app, &colleague, first.id, Some(AttendanceRole::Spokesperson)).await {
            Err(CouncilError::SpokespersonTaken(taken)) => assert_eq!(&taken, name),
            other => panic!("{other:?}"),
        }
        council::set_attendance(&app, &colleague, first.id, Some(AttendanceRole::Attends)).await.unwrap();

        let own = council::own_page(&app, &caller).await.unwrap();
        let mine: Vec<i64> = own.sessions.iter().map(|s| s.session_id).collect();
        assert_eq!(mine, [first.id, later.id]);
        assert!(own.party.is_some());
        assert!(own.open_by_holder.iter().all(|(_, rows)| !rows.is_empty()));

        // Withdrawn, the parallel session may be marked.
        let withdrawn = council::set_attendance(&app, &caller, first.id, None).await.unwrap();
        assert_eq!(withdrawn.role, None);
        let log = audit_log(&app).await;
        assert_eq!((log[0].action.as_str(), log[0].from_state.as_deref()), ("attendance.unmark", Some("spokesperson")));
        council::set_attendance(&app, &caller, parallel.id, Some(AttendanceRole::Spokesperson)).await.unwrap();
    }
}
