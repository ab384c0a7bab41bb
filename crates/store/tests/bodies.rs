//! Two bodies (gemeenten) in one database: the demo's Hengelo and a small Borne beside it. What
//! one body lists holds nothing of the other's, a record read by id through the wrong body is
//! not found, and a write through the wrong body changes nothing. Each test runs on SQLite and
//! on PostgreSQL (when `WIJKBEELD_TEST_POSTGRES` is set).

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::collections::HashMap;
use std::fmt::Debug;

use time::macros::{date, datetime, time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::area::{AreaCode, AreaLevel, AreaRecord};
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_domain::market::Room;
use wijkbeeld_domain::monitor::{
    Area, Direction, Indicator, IndicatorKind, IndicatorStatus, Measurement, Population, Target, Theme, Unit,
};
use wijkbeeld_domain::people::{Body, Person};
use wijkbeeld_domain::period::Period;
use wijkbeeld_domain::proposal::{Proposal, ProposalInput, ProposalState};
use wijkbeeld_store::market::SessionPlacement;
use wijkbeeld_store::monitor::{self, IndicatorInput, MeasurementFilter, TargetInput};
use wijkbeeld_store::proposals::{self, NewAttachment, ProposalFilter};
use wijkbeeld_store::testing::TestDatabase;
use wijkbeeld_store::{Store, StoreError, Tx, agenda, backend_test, market, overview, partners, people, statistics};

const ANCHOR: time::Date = date!(2026 - 11 - 28);
const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

/// What the second body holds, by id.
struct Borne {
    body: Id<Body>,
    gemeente: Id<Area>,
    wijk: Id<Area>,
    person: Id<Person>,
    room: Id<Room>,
    proposal: Id<Proposal>,
    evening: i64,
    session: i64,
    indicator: Id<Indicator>,
    target: Id<Target>,
    attachment: i64,
}

/// Hengelo's records the tests aim at through Borne.
struct Hengelo {
    body: Id<Body>,
    proposal: Id<Proposal>,
    evening: i64,
    person: Id<Person>,
    room: Id<Room>,
    indicator: Id<Indicator>,
    wijk: Id<Area>,
}

fn code(text: &str) -> AreaCode {
    text.parse().unwrap()
}

fn expect_not_found<T: Debug>(what: &str, result: Result<T, StoreError>) {
    assert!(matches!(result, Err(StoreError::NotFound(_))), "{what}: {result:?}");
}

fn indicator_input(code: &str) -> IndicatorInput {
    IndicatorInput {
        code: code.to_owned(),
        name: "Tevredenheid met de buurt".to_owned(),
        definition: "Het aandeel bewoners dat tevreden is met de buurt.".to_owned(),
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Social,
        kind: IndicatorKind::Subjective,
        source: "Burgerpeiling Borne".to_owned(),
        owner_partner_id: None,
        status: IndicatorStatus::Adopted,
        is_key: true,
        is_published: true,
        decimals: 1,
        programme_ids: Vec::new(),
    }
}

/// Loads the demo (Hengelo), then adds Borne with an area tree, a person, a room, a proposal on
/// an evening, an indicator with a measurement, inhabitants, a target, a CBS mapping and an
/// attachment. Borne reuses Hengelo's case number, evening date, person name and indicator code,
/// which are unique per body only.
async fn two_bodies(database: &TestDatabase) -> (Store, Hengelo, Borne) {
    let store = database.open().await;
    let data = demo::generate(ANCHOR, HENGELO_AREAS_CSV).unwrap();
    let mut tx = store.begin_write().await.unwrap();
    wijkbeeld_store::demo::load(&mut tx, &data, &HashMap::new(), NOW).await.unwrap();

    let hengelo_body = people::body_by_code(&mut tx, &code("GM0164")).await.unwrap().unwrap().id;
    let hengelo_case = data.proposals[0].case_number.clone();
    let hengelo_proposal = proposals::list(&mut tx, hengelo_body, &ProposalFilter::default())
        .await
        .unwrap()
        .into_iter()
        .find(|proposal| proposal.case_number.as_deref() == Some(hengelo_case.as_str()))
        .unwrap()
        .id;
    let hengelo_evening_date = data.evenings.last().unwrap().date;
    let hengelo_evening = market::evening_on(&mut tx, hengelo_body, hengelo_evening_date).await.unwrap().unwrap();
    let hengelo_name = people::names(&mut tx, hengelo_body).await.unwrap().remove(0);
    let hengelo_person = people::find_by_name(&mut tx, hengelo_body, &hengelo_name).await.unwrap().unwrap();
    let hengelo_room = people::rooms(&mut tx, hengelo_body).await.unwrap()[0].id;
    let hengelo_indicator = monitor::indicators(&mut tx, hengelo_body).await.unwrap().remove(0);
    let hengelo_wijk =
        monitor::areas(&mut tx, hengelo_body).await.unwrap().into_iter().find(|area| area.level == AreaLevel::District);
    let hengelo = Hengelo {
        body: hengelo_body,
        proposal: hengelo_proposal,
        evening: hengelo_evening,
        person: hengelo_person,
        room: hengelo_room,
        indicator: hengelo_indicator.id,
        wijk: hengelo_wijk.unwrap().id,
    };

    let body =
        people::create_body(&mut tx, "Gemeente Borne", &code("GM0147"), Some("https://www.borne.nl")).await.unwrap();
    let records = [
        AreaRecord { code: code("GM0147"), name: "Borne".into(), level: AreaLevel::Municipality, parent: None },
        AreaRecord {
            code: code("WK014700"),
            name: "Borne-Centrum".into(),
            level: AreaLevel::District,
            parent: Some(code("GM0147")),
        },
    ];
    assert_eq!(monitor::upsert_areas(&mut tx, body, &records).await.unwrap(), (2, 0));
    let areas = monitor::areas(&mut tx, body).await.unwrap();
    let (gemeente, wijk) = (areas[0].id, areas[1].id);
    let person = people::create(&mut tx, body, &hengelo_name).await.unwrap();
    let room: i64 = match &mut tx {
        Tx::Sqlite(connection) => sqlx::query_scalar(
            "INSERT INTO rooms (body_id, name, capacity, has_livestream, is_accessible) \
             VALUES ($1, 'Raadzaal', 60, 1, 1) RETURNING id",
        )
        .bind(body.get())
        .fetch_one(&mut **connection)
        .await
        .unwrap(),
        Tx::Postgres(connection) => sqlx::query_scalar(
            "INSERT INTO rooms (body_id, name, capacity, has_livestream, is_accessible) \
             VALUES ($1, 'Raadzaal', 60, TRUE, TRUE) RETURNING id",
        )
        .bind(body.get())
        .fetch_one(&mut **connection)
        .await
        .unwrap(),
    };
    let room = Id::new(room);
    let input = ProposalInput {
        subject: "Centrumplan Borne".into(),
        case_number: Some(hengelo_case),
        portfolio_holder_id: Some(person),
        room_id: Some(room),
        expected_attendance: Some(30),
        ..ProposalInput::default()
    };
    let proposal = proposals::create(&mut tx, body, &input, ProposalState::Concept, NOW).await.unwrap();
    let rounds = [(time!(19:30), time!(20:30)), (time!(20:45), time!(21:45))];
    let evening =
        market::create_evening(&mut tx, body, hengelo_evening_date, "Politieke Markt Borne", &rounds).await.unwrap();
    market::use_all_rooms(&mut tx, body, evening).await.unwrap();
    proposals::place_on_evening(&mut tx, body, proposal, evening).await.unwrap();
    let session = market::planning(&mut tx, body, evening).await.unwrap().sessions[0].id;
    let indicator =
        monitor::create_indicator(&mut tx, body, &indicator_input(&hengelo_indicator.code), NOW).await.unwrap();
    let period = Period::year(2025).unwrap();
    let measurement = Measurement {
        indicator_id: indicator,
        area_id: wijk,
        period,
        value: 71.5,
        sample_size: Some(400),
        margin: Some(2.5),
        source_note: None,
    };
    assert_eq!(monitor::write_measurements(&mut tx, body, &[measurement]).await.unwrap(), 1);
    let population = Population { area_id: wijk, period, inhabitants: 9_000 };
    assert_eq!(monitor::write_populations(&mut tx, body, &[population]).await.unwrap(), 1);
    let target = TargetInput {
        indicator_id: indicator,
        area_id: wijk,
        value: 80.0,
        target_period: Period::year(2030).unwrap(),
        baseline_period: period,
        note: None,
    };
    let target = monitor::create_target(&mut tx, body, &target).await.unwrap();
    monitor::set_cbs_mapping(&mut tx, body, "Tevredenheid", Some(indicator)).await.unwrap();
    let digest = "0".repeat(64);
    let attachment = NewAttachment {
        file_name: "centrumplan.pdf",
        media_type: "application/pdf",
        content: b"%PDF-1.7",
        sha256: &digest,
        uploaded_by: None,
    };
    let attachment = proposals::add_attachment(&mut tx, body, proposal, &attachment, NOW).await.unwrap();
    tx.commit().await.unwrap();
    let borne = Borne { body, gemeente, wijk, person, room, proposal, evening, session, indicator, target, attachment };
    (store, hengelo, borne)
}

backend_test! {
    async fn each_body_lists_only_its_own_records(database) {
        lists_of_each_body(database).await;
    }
}

async fn lists_of_each_body(database: &TestDatabase) {
    let (store, hengelo, borne) = two_bodies(database).await;
    let mut tx = store.begin().await.unwrap();

    let bodies = people::bodies(&mut tx).await.unwrap();
    assert_eq!(bodies.iter().map(|body| body.id).collect::<Vec<_>>(), [hengelo.body, borne.body]);
    assert_eq!(bodies[1].name, "Gemeente Borne");
    assert_eq!(bodies[1].website.as_deref(), Some("https://www.borne.nl"));
    assert_eq!(people::body_by_code(&mut tx, &code("GM0147")).await.unwrap().as_ref(), Some(&bodies[1]));
    assert_eq!(people::body_by_code(&mut tx, &code("GM0153")).await.unwrap(), None);
    assert_eq!(overview::body_name(&mut tx, borne.body).await.unwrap().as_deref(), Some("Gemeente Borne"));
    assert_eq!(overview::body_name(&mut tx, Id::new(4242)).await.unwrap(), None);

    // Proposals, evenings, areas, indicators, rooms: each body's own, none of the other's.
    let listed = |summaries: Vec<proposals::ProposalSummary>| summaries.into_iter().map(|p| p.id).collect::<Vec<_>>();
    let hengelo_proposals = listed(proposals::list(&mut tx, hengelo.body, &ProposalFilter::default()).await.unwrap());
    assert!(hengelo_proposals.contains(&hengelo.proposal));
    assert!(!hengelo_proposals.contains(&borne.proposal));
    assert_eq!(
        listed(proposals::list(&mut tx, borne.body, &ProposalFilter::default()).await.unwrap()),
        [borne.proposal]
    );

    let hengelo_evenings = market::evenings(&mut tx, hengelo.body).await.unwrap();
    assert_eq!(hengelo_evenings.len(), 3);
    assert!(hengelo_evenings.iter().all(|evening| evening.id != borne.evening));
    let borne_evenings = market::evenings(&mut tx, borne.body).await.unwrap();
    assert_eq!(
        borne_evenings.iter().map(|evening| (evening.id, evening.sessions)).collect::<Vec<_>>(),
        [(borne.evening, 1)]
    );
    let day = borne_evenings[0].date;
    assert_eq!(market::evening_on(&mut tx, hengelo.body, day).await.unwrap(), Some(hengelo.evening));
    assert_eq!(market::evening_on(&mut tx, borne.body, day).await.unwrap(), Some(borne.evening));
    let upcoming = proposals::evenings_from(&mut tx, hengelo.body, ANCHOR).await.unwrap();
    assert!(!upcoming.is_empty() && upcoming.iter().all(|evening| evening.id != borne.evening));
    assert_eq!(proposals::evenings_from(&mut tx, borne.body, ANCHOR).await.unwrap().len(), 1);

    let hengelo_areas = monitor::areas(&mut tx, hengelo.body).await.unwrap();
    assert_eq!(hengelo_areas.len(), 73);
    assert!(hengelo_areas.iter().all(|area| area.id != borne.gemeente && area.id != borne.wijk));
    let borne_areas = monitor::areas(&mut tx, borne.body).await.unwrap();
    assert_eq!(borne_areas.iter().map(|area| area.id).collect::<Vec<_>>(), [borne.gemeente, borne.wijk]);

    let hengelo_indicators = monitor::indicators(&mut tx, hengelo.body).await.unwrap();
    assert_eq!(hengelo_indicators.len(), 12);
    assert!(hengelo_indicators.iter().all(|indicator| indicator.id != borne.indicator));
    let borne_indicators = monitor::indicators(&mut tx, borne.body).await.unwrap();
    assert_eq!(borne_indicators.iter().map(|indicator| indicator.id).collect::<Vec<_>>(), [borne.indicator]);
    let shared_code = &borne_indicators[0].code;
    assert!(monitor::indicator_code_taken(&mut tx, borne.body, shared_code, None).await.unwrap());
    assert!(!monitor::indicator_code_taken(&mut tx, borne.body, shared_code, Some(borne.indicator)).await.unwrap());
    assert!(monitor::indicator_code_taken(&mut tx, hengelo.body, shared_code, None).await.unwrap());
    assert!(monitor::indicator_programmes(&mut tx, borne.body).await.unwrap().is_empty());
    assert!(!monitor::indicator_programmes(&mut tx, hengelo.body).await.unwrap().is_empty());

    let hengelo_rooms = people::rooms(&mut tx, hengelo.body).await.unwrap();
    assert!(!hengelo_rooms.is_empty() && hengelo_rooms.iter().all(|room| room.id != borne.room));
    assert_eq!(
        people::rooms(&mut tx, borne.body).await.unwrap().iter().map(|room| room.id).collect::<Vec<_>>(),
        [borne.room]
    );
    let hengelo_names = people::names(&mut tx, hengelo.body).await.unwrap();
    let borne_names = people::names(&mut tx, borne.body).await.unwrap();
    assert_eq!(borne_names.len(), 1);
    assert_eq!(people::find_by_name(&mut tx, hengelo.body, &borne_names[0]).await.unwrap(), Some(hengelo.person));
    assert_eq!(people::find_by_name(&mut tx, borne.body, &borne_names[0]).await.unwrap(), Some(borne.person));
    assert!(hengelo_names.len() > 1);
    assert_eq!(people::find_by_name(&mut tx, borne.body, &hengelo_names[1]).await.unwrap(), None);
    let functions = [wijkbeeld_domain::people::Function::Alderman, wijkbeeld_domain::people::Function::Mayor];
    assert!(!people::with_functions(&mut tx, hengelo.body, &functions, NOW).await.unwrap().is_empty());
    assert!(people::with_functions(&mut tx, borne.body, &functions, NOW).await.unwrap().is_empty());
    assert!(!partners::list(&mut tx, hengelo.body).await.unwrap().is_empty());
    assert!(partners::list(&mut tx, borne.body).await.unwrap().is_empty());
    assert!(!monitor::programmes(&mut tx, hengelo.body).await.unwrap().is_empty());
    assert!(monitor::programmes(&mut tx, borne.body).await.unwrap().is_empty());

    // The monitor's figures: measurements, periods, inhabitants, targets, mappings.
    let everything = MeasurementFilter::default();
    let borne_measurements = monitor::measurements(&mut tx, borne.body, &everything).await.unwrap();
    assert_eq!(
        borne_measurements.iter().map(|m| (m.area_id, m.indicator_id)).collect::<Vec<_>>(),
        [(borne.wijk, borne.indicator)]
    );
    let hengelo_measurements = monitor::measurements(&mut tx, hengelo.body, &everything).await.unwrap();
    assert!(!hengelo_measurements.is_empty());
    assert!(hengelo_measurements.iter().all(|m| m.area_id != borne.wijk && m.indicator_id != borne.indicator));
    let borne_areas_only = MeasurementFilter { areas: Some(vec![borne.wijk]), ..MeasurementFilter::default() };
    assert!(monitor::measurements(&mut tx, hengelo.body, &borne_areas_only).await.unwrap().is_empty());
    let at = Period::year(2025).unwrap();
    assert_eq!(monitor::measurements_in(&mut tx, borne.body, AreaLevel::District, at).await.unwrap().len(), 1);
    assert!(
        monitor::measurements_in(&mut tx, hengelo.body, AreaLevel::District, at)
            .await
            .unwrap()
            .iter()
            .all(|m| m.area_id != borne.wijk)
    );
    assert_eq!(monitor::periods(&mut tx, borne.body, AreaLevel::District).await.unwrap(), [at]);
    assert!(monitor::periods(&mut tx, borne.body, AreaLevel::Neighbourhood).await.unwrap().is_empty());
    assert_eq!(monitor::count_measurements_of(&mut tx, borne.body, &[borne.wijk]).await.unwrap(), 1);
    assert_eq!(monitor::count_measurements_of(&mut tx, hengelo.body, &[borne.wijk]).await.unwrap(), 0);
    assert_eq!(monitor::count_measurements_of(&mut tx, borne.body, &[hengelo.wijk]).await.unwrap(), 0);
    assert_eq!(monitor::populations(&mut tx, borne.body, &[borne.wijk, hengelo.wijk]).await.unwrap().len(), 1);
    assert!(monitor::populations(&mut tx, hengelo.body, &[borne.wijk]).await.unwrap().is_empty());
    let hengelo_targets = monitor::targets(&mut tx, hengelo.body).await.unwrap();
    assert!(!hengelo_targets.is_empty() && hengelo_targets.iter().all(|target| target.id != borne.target));
    let borne_targets = monitor::targets(&mut tx, borne.body).await.unwrap();
    assert_eq!(borne_targets.iter().map(|target| target.id).collect::<Vec<_>>(), [borne.target]);
    let target_period = borne_targets[0].target_period;
    assert!(
        monitor::target_taken(&mut tx, borne.body, borne.indicator, borne.wijk, target_period, None).await.unwrap()
    );
    assert!(
        !monitor::target_taken(&mut tx, hengelo.body, borne.indicator, borne.wijk, target_period, None).await.unwrap()
    );
    assert!(monitor::cbs_mappings(&mut tx, hengelo.body).await.unwrap().is_empty());
    assert_eq!(
        monitor::cbs_mappings(&mut tx, borne.body).await.unwrap(),
        [("Tevredenheid".to_owned(), borne.indicator)]
    );

    // The home page of each.
    let home = overview::home(&mut tx, borne.body, ANCHOR).await.unwrap();
    assert_eq!(home.body_name.as_deref(), Some("Gemeente Borne"));
    assert_eq!(
        home.wijken.iter().map(|wijk| (wijk.code.as_str(), wijk.inhabitants)).collect::<Vec<_>>(),
        [("WK014700", Some(9_000))]
    );
    assert!(home.upcoming.is_empty() && home.past.is_empty(), "Borne's evening is not published");
    let home = overview::home(&mut tx, hengelo.body, ANCHOR).await.unwrap();
    assert_eq!(home.body_name.as_deref(), Some("Gemeente Hengelo"));
    // Hengelo's published evenings: the demo's planned one ahead (its draft is not listed) and the seed's.
    assert_eq!((home.wijken.len(), home.upcoming.len(), home.past.len()), (10, 1, 1));
}

backend_test! {
    async fn a_record_read_through_another_body_is_not_found(database) {
        reads_through_the_wrong_body(database).await;
    }
}

async fn reads_through_the_wrong_body(database: &TestDatabase) {
    let (store, hengelo, borne) = two_bodies(database).await;
    let mut tx = store.begin().await.unwrap();

    assert_eq!(proposals::detail(&mut tx, borne.body, borne.proposal).await.unwrap().proposal.id, borne.proposal);
    expect_not_found(
        "Borne's proposal through Hengelo",
        proposals::detail(&mut tx, hengelo.body, borne.proposal).await,
    );
    expect_not_found(
        "Hengelo's proposal through Borne",
        proposals::detail(&mut tx, borne.body, hengelo.proposal).await,
    );
    assert_eq!(proposals::attachments(&mut tx, borne.body, borne.proposal).await.unwrap().len(), 1);
    assert!(proposals::attachments(&mut tx, hengelo.body, borne.proposal).await.unwrap().is_empty());
    assert!(proposals::attachment(&mut tx, borne.body, borne.proposal, borne.attachment).await.is_ok());
    expect_not_found(
        "an attachment",
        proposals::attachment(&mut tx, hengelo.body, borne.proposal, borne.attachment).await,
    );

    assert_eq!(market::planning(&mut tx, borne.body, borne.evening).await.unwrap().rooms.len(), 1);
    expect_not_found("Borne's evening through Hengelo", market::planning(&mut tx, hengelo.body, borne.evening).await);
    expect_not_found("Hengelo's evening through Borne", market::planning(&mut tx, borne.body, hengelo.evening).await);
    assert!(market::session_origin(&mut tx, borne.body, borne.session).await.unwrap().is_some());
    assert_eq!(market::session_origin(&mut tx, hengelo.body, borne.session).await.unwrap(), None);

    assert!(monitor::target(&mut tx, borne.body, borne.target).await.unwrap().is_some());
    assert_eq!(monitor::target(&mut tx, hengelo.body, borne.target).await.unwrap(), None);
    let hengelo_target = monitor::targets(&mut tx, hengelo.body).await.unwrap()[0].id;
    assert_eq!(monitor::target(&mut tx, borne.body, hengelo_target).await.unwrap(), None);
    assert!(monitor::geometries(&mut tx, borne.body, AreaLevel::District).await.unwrap().is_empty());

    // Hengelo's wijkagenda, asked through Borne.
    let mut agenda_wijk = None;
    for area in monitor::areas(&mut tx, hengelo.body).await.unwrap() {
        if !agenda::priorities(&mut tx, hengelo.body, area.id).await.unwrap().is_empty() {
            agenda_wijk = Some(area.id);
            break;
        }
    }
    let agenda_wijk = agenda_wijk.expect("the demo has a wijkagenda");
    assert!(agenda::priorities(&mut tx, borne.body, agenda_wijk).await.unwrap().is_empty());
    assert!(!agenda::actions(&mut tx, hengelo.body, agenda_wijk).await.unwrap().is_empty());
    assert!(agenda::actions(&mut tx, borne.body, agenda_wijk).await.unwrap().is_empty());
}

/// Everything of both bodies that the wrong-body writes might touch, to compare before and after.
#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: std::collections::BTreeMap<&'static str, i64>,
    proposals: Vec<proposals::ProposalDetail>,
    evenings: Vec<market::EveningPlanning>,
    areas: Vec<Vec<Area>>,
    indicators: Vec<Vec<Indicator>>,
    targets: Vec<Vec<Target>>,
    measurements: Vec<Vec<Measurement>>,
    populations: Vec<Vec<Population>>,
    mappings: Vec<Vec<(String, Id<Indicator>)>>,
    geometries: Vec<HashMap<Id<Area>, String>>,
}

async fn snapshot(store: &Store, hengelo: &Hengelo, borne: &Borne) -> Snapshot {
    let mut tx = store.begin().await.unwrap();
    let bodies = [hengelo.body, borne.body];
    let mut snapshot = Snapshot {
        counts: statistics::row_counts(&mut tx).await.unwrap(),
        proposals: vec![
            proposals::detail(&mut tx, hengelo.body, hengelo.proposal).await.unwrap(),
            proposals::detail(&mut tx, borne.body, borne.proposal).await.unwrap(),
        ],
        evenings: vec![
            market::planning(&mut tx, hengelo.body, hengelo.evening).await.unwrap(),
            market::planning(&mut tx, borne.body, borne.evening).await.unwrap(),
        ],
        areas: Vec::new(),
        indicators: Vec::new(),
        targets: Vec::new(),
        measurements: Vec::new(),
        populations: Vec::new(),
        mappings: Vec::new(),
        geometries: Vec::new(),
    };
    for body in bodies {
        let areas = monitor::areas(&mut tx, body).await.unwrap();
        let ids: Vec<Id<Area>> = areas.iter().map(|area| area.id).collect();
        snapshot.populations.push(monitor::populations(&mut tx, body, &ids).await.unwrap());
        snapshot.areas.push(areas);
        snapshot.indicators.push(monitor::indicators(&mut tx, body).await.unwrap());
        snapshot.targets.push(monitor::targets(&mut tx, body).await.unwrap());
        snapshot.measurements.push(monitor::measurements(&mut tx, body, &MeasurementFilter::default()).await.unwrap());
        snapshot.mappings.push(monitor::cbs_mappings(&mut tx, body).await.unwrap());
        snapshot.geometries.push(monitor::geometries(&mut tx, body, AreaLevel::District).await.unwrap());
    }
    snapshot
}

backend_test! {
    async fn a_write_through_another_body_changes_nothing(database) {
        writes_through_the_wrong_body(database).await;
    }
}

async fn writes_through_the_wrong_body(database: &TestDatabase) {
    let (store, hengelo, borne) = two_bodies(database).await;
    let before = snapshot(&store, &hengelo, &borne).await;
    let data_version = {
        let mut tx = store.begin().await.unwrap();
        monitor::data_version(&mut tx).await.unwrap()
    };

    // Every refused write comes before the database is asked to change anything, so the
    // transaction stays usable (PostgreSQL aborts one at its first failing statement) and
    // is committed: whatever slipped through would be kept and show in the comparison.
    let mut tx = store.begin_write().await.unwrap();
    let (h, b) = (hengelo.body, borne.body);

    // Proposals.
    let input =
        ProposalInput { subject: "Overgenomen".into(), expected_attendance: Some(30), ..ProposalInput::default() };
    expect_not_found("update", proposals::update(&mut tx, h, borne.proposal, &input, NOW).await);
    let foreign_chair = ProposalInput { chair_id: Some(hengelo.person), ..input.clone() };
    expect_not_found("a chair of Hengelo", proposals::update(&mut tx, b, borne.proposal, &foreign_chair, NOW).await);
    let created = proposals::create(&mut tx, b, &foreign_chair, ProposalState::Concept, NOW).await;
    expect_not_found("a new proposal with a chair of Hengelo", created);
    let foreign_room = ProposalInput { room_id: Some(hengelo.room), ..input.clone() };
    expect_not_found("a room of Hengelo", proposals::update(&mut tx, b, borne.proposal, &foreign_room, NOW).await);
    let moved = proposals::set_state(&mut tx, h, borne.proposal, ProposalState::Concept, ProposalState::Submitted, NOW);
    assert!(!moved.await.unwrap());
    assert_eq!(proposals::remove_from_evenings(&mut tx, h, borne.proposal).await.unwrap(), 0);
    expect_not_found("Borne's evening", proposals::place_on_evening(&mut tx, h, hengelo.proposal, borne.evening).await);
    expect_not_found(
        "Hengelo's evening",
        proposals::place_on_evening(&mut tx, b, borne.proposal, hengelo.evening).await,
    );
    expect_not_found(
        "Borne's proposal",
        proposals::place_on_evening(&mut tx, h, borne.proposal, hengelo.evening).await,
    );
    let digest = "1".repeat(64);
    let attachment = NewAttachment {
        file_name: "x.pdf",
        media_type: "application/pdf",
        content: b"%PDF",
        sha256: &digest,
        uploaded_by: None,
    };
    let added = proposals::add_attachment(&mut tx, h, borne.proposal, &attachment, NOW).await;
    expect_not_found("add an attachment", added);
    expect_not_found(
        "remove an attachment",
        proposals::remove_attachment(&mut tx, h, borne.proposal, borne.attachment).await,
    );

    // Market evenings.
    let placement = SessionPlacement {
        session_id: borne.session,
        room_id: Some(borne.room.get()),
        first_round_id: None,
        round_count: 1,
        chair_id: None,
        clerk_id: None,
    };
    expect_not_found("placements", market::store_placements(&mut tx, h, borne.evening, &[placement]).await);
    let foreign_room = SessionPlacement { room_id: Some(hengelo.room.get()), ..placement };
    expect_not_found("a room of Hengelo", market::store_placements(&mut tx, b, borne.evening, &[foreign_room]).await);
    let hengelo_round = market::planning(&mut tx, h, hengelo.evening).await.unwrap().rounds[0].id;
    let foreign_round = SessionPlacement { first_round_id: Some(hengelo_round), ..placement };
    expect_not_found("a round of Hengelo", market::store_placements(&mut tx, b, borne.evening, &[foreign_round]).await);
    let foreign_chair = SessionPlacement { chair_id: Some(hengelo.person.get()), ..placement };
    expect_not_found("a chair of Hengelo", market::store_placements(&mut tx, b, borne.evening, &[foreign_chair]).await);
    expect_not_found("pin", market::set_pinned(&mut tx, h, borne.evening, borne.session, true).await);
    expect_not_found("staff", market::set_staff(&mut tx, h, borne.evening, &[], &[]).await);
    expect_not_found(
        "staff of Hengelo",
        market::set_staff(&mut tx, b, borne.evening, &[hengelo.person.get()], &[]).await,
    );
    expect_not_found("absences", market::set_absences(&mut tx, h, borne.evening, borne.person.get(), &[]).await);
    let absent = market::set_absences(&mut tx, b, borne.evening, hengelo.person.get(), &[]).await;
    expect_not_found("an absent person of Hengelo", absent);
    expect_not_found("all absences", market::replace_absences(&mut tx, h, borne.evening, &[]).await);
    market::use_all_rooms(&mut tx, h, borne.evening).await.unwrap();

    // The monitor.
    expect_not_found(
        "update an indicator",
        monitor::update_indicator(&mut tx, h, borne.indicator, &indicator_input("X"), NOW).await,
    );
    let foreign_owner = IndicatorInput {
        owner_partner_id: Some(partners::list(&mut tx, h).await.unwrap()[0].id.get()),
        ..indicator_input("X")
    };
    expect_not_found(
        "a partner of Hengelo",
        monitor::update_indicator(&mut tx, b, borne.indicator, &foreign_owner, NOW).await,
    );
    let foreign_programme = IndicatorInput {
        programme_ids: vec![monitor::programmes(&mut tx, h).await.unwrap()[0].id],
        ..indicator_input("Y")
    };
    expect_not_found("a programme of Hengelo", monitor::create_indicator(&mut tx, b, &foreign_programme, NOW).await);
    let period = Period::year(2025).unwrap();
    let target = TargetInput {
        indicator_id: borne.indicator,
        area_id: borne.wijk,
        value: 1.0,
        target_period: Period::year(2031).unwrap(),
        baseline_period: period,
        note: None,
    };
    expect_not_found("update a target", monitor::update_target(&mut tx, h, borne.target, &target).await);
    expect_not_found("delete a target", monitor::delete_target(&mut tx, h, borne.target).await);
    let mixed = TargetInput { indicator_id: hengelo.indicator, ..target.clone() };
    expect_not_found("a target on Hengelo's indicator", monitor::create_target(&mut tx, b, &mixed).await);
    let mixed = TargetInput { area_id: hengelo.wijk, ..target.clone() };
    expect_not_found("a target in Hengelo's wijk", monitor::update_target(&mut tx, b, borne.target, &mixed).await);
    let measurement = Measurement {
        indicator_id: hengelo.indicator,
        area_id: hengelo.wijk,
        period,
        value: 1.0,
        sample_size: None,
        margin: None,
        source_note: None,
    };
    let error = monitor::write_measurements(&mut tx, b, std::slice::from_ref(&measurement)).await.unwrap_err();
    assert!(matches!(&error, StoreError::NotFound(what) if *what == format!("area {}", hengelo.wijk)), "{error:?}");
    let foreign_indicator = Measurement { area_id: borne.wijk, ..measurement.clone() };
    let error = monitor::write_measurements(&mut tx, b, &[foreign_indicator]).await.unwrap_err();
    assert!(
        matches!(&error, StoreError::NotFound(what) if *what == format!("indicator {}", hengelo.indicator)),
        "{error:?}"
    );
    // One wrong row among right ones refuses the whole batch.
    let right = Measurement { indicator_id: borne.indicator, area_id: borne.wijk, ..measurement.clone() };
    let batch = [right.clone(), Measurement { area_id: hengelo.wijk, ..right.clone() }];
    expect_not_found("a batch with one wrong area", monitor::write_measurements(&mut tx, b, &batch).await);
    let population = Population { area_id: borne.wijk, period, inhabitants: 1 };
    expect_not_found("inhabitants", monitor::write_populations(&mut tx, h, &[population]).await);
    expect_not_found("a mapping", monitor::set_cbs_mapping(&mut tx, b, "Tevredenheid", Some(hengelo.indicator)).await);
    monitor::set_cbs_mapping(&mut tx, h, "Tevredenheid", None).await.unwrap();
    let borne_wijk = code("WK014700");
    assert_eq!(monitor::set_geometry(&mut tx, h, &borne_wijk, "{\"type\":\"Point\"}").await.unwrap(), 0);
    tx.commit().await.unwrap();

    // CBS codes are national: a division file of Borne naming a wijk of Hengelo conflicts.
    let mut tx = store.begin_write().await.unwrap();
    let hengelo_wijk =
        monitor::areas(&mut tx, h).await.unwrap().into_iter().find(|area| area.id == hengelo.wijk).unwrap();
    let taken = [AreaRecord {
        code: hengelo_wijk.code.clone(),
        name: "Overgenomen".into(),
        level: AreaLevel::District,
        parent: Some(code("GM0147")),
    }];
    let error = monitor::upsert_areas(&mut tx, b, &taken).await.unwrap_err();
    assert!(matches!(error, StoreError::Conflict { .. }), "{error:?}");
    drop(tx);

    assert_eq!(snapshot(&store, &hengelo, &borne).await, before);
    let mut tx = store.begin().await.unwrap();
    assert_eq!(monitor::data_version(&mut tx).await.unwrap(), data_version, "no refused write raised the version");
}
