use std::collections::{HashMap, HashSet};

use time::macros::date;

use super::council::{SEED_CASE_NUMBER, SEED_CHAIR, SEED_CLERK, SEED_PORTFOLIO_HOLDER};
use super::*;
use crate::area::AreaLevel;

const ANCHOR: Date = date!(2026 - 11 - 28);

fn demo() -> DemoData {
    generate(ANCHOR, HENGELO_AREAS_CSV).unwrap()
}

#[test]
fn the_same_anchor_gives_the_same_data() {
    assert_eq!(demo(), demo());
    let other = generate(date!(2027 - 03 - 01), HENGELO_AREAS_CSV).unwrap();
    assert_ne!(other.evenings, demo().evenings);
}

#[test]
fn hengelo_is_the_body_with_its_wijken_and_buurten() {
    let data = demo();
    assert_eq!(data.body.name, "Gemeente Hengelo");
    assert_eq!(data.body.cbs_code.as_str(), "GM0164");
    assert_eq!(data.areas.iter().filter(|area| area.level == AreaLevel::District).count(), 10);
    assert_eq!(data.areas.iter().filter(|area| area.level == AreaLevel::Neighbourhood).count(), 62);
    let wijken: HashSet<&AreaCode> =
        data.areas.iter().filter(|area| area.level == AreaLevel::District).map(|area| &area.code).collect();
    let coordinated: HashSet<&AreaCode> = data.coordinators.iter().map(|(area, _)| area).collect();
    assert_eq!(wijken, coordinated);
}

#[test]
fn the_seed_proposal_is_as_the_document_names_it() {
    let data = demo();
    let seed = data.proposals.iter().find(|proposal| proposal.case_number == SEED_CASE_NUMBER).unwrap();
    assert_eq!(seed.subject, "Wijkgericht werken");
    assert_eq!(seed.portfolio_holder, "Marie-José Luttikholt");
    assert_eq!(seed.history_documents, ["3487985", "3496929", "3604012", "3614175"]);
    assert_eq!(seed.market_date, Some(date!(2023 - 09 - 26)));
    assert_eq!(seed.chair.as_deref(), Some("Vincent ten Voorde"));
    assert_eq!(seed.clerk.as_deref(), Some("Coen Hartendorp"));
    assert_eq!(seed.room.as_deref(), Some("Raadzaal"));
    assert_eq!(seed.domains, [Domain::Physical, Domain::Governance, Domain::Social]);
    assert_eq!(seed.duration_minutes, 90);
    assert_eq!(seed.purpose, Purpose::Informing);
    assert_eq!(seed.programme.len(), 5);
    assert_eq!(seed.programme[3].questions.len(), 3);
    assert_eq!(seed.speaking.allowed, Some(true));

    let evening = data.evenings.iter().find(|evening| evening.date == date!(2023 - 09 - 26)).unwrap();
    assert_eq!(evening.sessions.len(), 1);
    assert_eq!(evening.sessions[0].room.as_deref(), Some("Raadzaal"));
}

#[test]
fn the_seeds_officials_appear_only_in_the_seeds_proposal() {
    let data = demo();
    let seed_people = [SEED_PORTFOLIO_HOLDER, SEED_CHAIR, SEED_CLERK];
    for proposal in data.proposals.iter().filter(|proposal| proposal.case_number != SEED_CASE_NUMBER) {
        for named in
            [Some(&proposal.portfolio_holder), proposal.chair.as_ref(), proposal.clerk.as_ref()].into_iter().flatten()
        {
            assert!(!seed_people.contains(&named.as_str()), "{named} in {}", proposal.subject);
        }
    }
    for evening in data.evenings.iter().filter(|evening| evening.date != date!(2023 - 09 - 26)) {
        for session in &evening.sessions {
            for named in [session.chair.as_ref(), session.clerk.as_ref()].into_iter().flatten() {
                assert!(!seed_people.contains(&named.as_str()));
            }
        }
    }
    let real: Vec<&str> =
        data.persons.iter().filter(|person| !person.fictional).map(|person| person.name.as_str()).collect();
    assert_eq!(real, seed_people);
}

#[test]
fn names_are_unique_and_every_member_is_a_person() {
    let data = demo();
    let names: HashSet<&str> = data.persons.iter().map(|person| person.name.as_str()).collect();
    assert_eq!(names.len(), data.persons.len());
    for membership in &data.memberships {
        assert!(names.contains(membership.person.as_str()), "{}", membership.person);
    }
    let councillors = data.memberships.iter().filter(|membership| membership.function == Function::Councillor).count();
    assert_eq!(councillors, data.parties.iter().map(|party| usize::from(party.seats)).sum::<usize>());
    let fictional: HashSet<&str> =
        data.persons.iter().filter(|person| person.fictional).map(|person| person.name.as_str()).collect();
    let aldermen: Vec<&str> = data
        .memberships
        .iter()
        .filter(|membership| membership.function == Function::Alderman)
        .map(|membership| membership.person.as_str())
        .collect();
    assert_eq!(aldermen.iter().filter(|name| fictional.contains(*name)).count(), 4, "four fictional aldermen");
    assert!(aldermen.contains(&SEED_PORTFOLIO_HOLDER), "beside the seed's portfolio holder");
}

#[test]
fn two_future_evenings_hold_eight_to_twelve_fictional_proposals_across_the_domains() {
    let data = demo();
    let future: Vec<&EveningSeed> = data.evenings.iter().filter(|evening| evening.date > ANCHOR).collect();
    assert_eq!(future.len(), 2);
    for evening in &future {
        assert_eq!(evening.date.weekday(), time::Weekday::Tuesday);
        assert!(evening.date <= ANCHOR + time::Duration::weeks(8), "{}", evening.date);
    }
    let fictional: Vec<&ProposalSeed> =
        data.proposals.iter().filter(|proposal| proposal.case_number != SEED_CASE_NUMBER).collect();
    assert!((8..=12).contains(&fictional.len()), "{}", fictional.len());
    let domains: HashSet<Domain> = fictional.iter().flat_map(|proposal| proposal.domains.clone()).collect();
    assert_eq!(domains.len(), 3);
    let on_evenings: HashSet<&str> =
        future.iter().flat_map(|evening| evening.sessions.iter().map(|session| session.proposal.as_str())).collect();
    for proposal in fictional {
        assert_eq!(on_evenings.contains(proposal.case_number.as_str()), proposal.state == ProposalState::Scheduled);
    }
    // Registration is open: the deadlines lie after the anchor.
    for evening in &future {
        for session in &evening.sessions {
            if let Some(deadline) = session.speaking.deadline {
                assert!(deadline.date() > ANCHOR);
            }
        }
    }
}

#[test]
fn the_planned_evening_breaks_no_planning_rule() {
    let data = demo();
    let proposals: HashMap<&str, &ProposalSeed> =
        data.proposals.iter().map(|proposal| (proposal.case_number.as_str(), proposal)).collect();
    let rooms: HashMap<&str, &RoomSeed> = data.rooms.iter().map(|room| (room.name.as_str(), room)).collect();
    let planned: Vec<&EveningSeed> =
        data.evenings.iter().filter(|evening| evening.sessions.iter().all(|session| session.room.is_some())).collect();
    assert_eq!(planned.len(), 2, "the seed evening and the first future evening are planned");
    for evening in planned {
        let mut taken = HashSet::new();
        for session in &evening.sessions {
            let proposal = proposals[session.proposal.as_str()];
            let room = rooms[session.room.as_deref().unwrap()];
            let round = session.first_round.unwrap();
            let (start, end) = evening.rounds[usize::from(round) - 1];
            assert!((end - start).whole_minutes() >= i64::from(proposal.duration_minutes));
            assert!(room.capacity >= proposal.expected_attendance);
            assert!(room.has_livestream || !proposal.needs_livestream);
            assert!(taken.insert((round, room.name.clone())), "room twice");
            for person in [Some(&proposal.portfolio_holder), session.chair.as_ref(), session.clerk.as_ref()] {
                assert!(taken.insert((round, person.unwrap().clone())), "{person:?} in two places");
            }
            assert_ne!(session.chair.as_ref(), Some(&proposal.portfolio_holder));
        }
    }
}

#[test]
fn twelve_indicators_with_five_years_for_every_wijk_within_their_units() {
    let data = demo();
    assert_eq!(data.indicators.len(), 12);
    let themes: HashSet<_> = data.indicators.iter().map(|indicator| indicator.theme).collect();
    assert_eq!(themes.len(), 4);
    let units: HashMap<&str, crate::monitor::Unit> =
        data.indicators.iter().map(|indicator| (indicator.code.as_str(), indicator.unit)).collect();
    let wijken: Vec<&AreaCode> =
        data.areas.iter().filter(|area| area.level == AreaLevel::District).map(|area| &area.code).collect();
    for indicator in &data.indicators {
        for wijk in &wijken {
            let years: HashSet<Period> = data
                .measurements
                .iter()
                .filter(|measurement| measurement.indicator == indicator.code && &&measurement.area == wijk)
                .map(|measurement| measurement.period)
                .collect();
            assert_eq!(years.len(), 5, "{} in {wijk}", indicator.code);
        }
    }
    let mut keys = HashSet::new();
    for measurement in &data.measurements {
        assert!(keys.insert((&measurement.indicator, &measurement.area, measurement.period)), "duplicate");
        if let Some((low, high)) = units[measurement.indicator.as_str()].bounds() {
            assert!((low..=high).contains(&measurement.value), "{measurement:?}");
        }
        assert!(measurement.value >= 0.0);
        assert!(measurement.period.year_number() < ANCHOR.year());
    }
    let proposed: Vec<&str> = data
        .indicators
        .iter()
        .filter(|indicator| indicator.proposed_in.as_deref() == Some(SEED_CASE_NUMBER))
        .map(|indicator| indicator.code.as_str())
        .collect();
    assert!(proposed.contains(&"ACTIEVE_INWONERS") && proposed.contains(&"VEILIGHEIDSBELEVING"));
}

#[test]
fn the_city_value_lies_within_the_range_of_its_wijken() {
    let data = demo();
    let city = &data.body.cbs_code;
    for indicator in &data.indicators {
        for measurement in data.measurements.iter().filter(|m| &m.area == city && m.indicator == indicator.code) {
            let wijk_values: Vec<f64> = data
                .measurements
                .iter()
                .filter(|m| {
                    m.indicator == indicator.code
                        && m.period == measurement.period
                        && m.area.level() == AreaLevel::District
                })
                .map(|m| m.value)
                .collect();
            let low = wijk_values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = wijk_values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            assert!((low - 0.05..=high + 0.05).contains(&measurement.value), "{measurement:?} not in {low}..{high}");
        }
    }
}

#[test]
fn references_between_records_resolve() {
    let data = demo();
    let areas: HashSet<&AreaCode> = data.areas.iter().map(|area| &area.code).collect();
    let indicators: HashSet<&str> = data.indicators.iter().map(|indicator| indicator.code.as_str()).collect();
    let partners: HashSet<&str> = data.partners.iter().map(|partner| partner.name.as_str()).collect();
    let programmes: HashSet<&str> = data.programmes.iter().map(|programme| programme.code.as_str()).collect();
    let documents: HashSet<&str> = data.documents.iter().map(|document| document.number.as_str()).collect();
    for target in &data.targets {
        assert!(indicators.contains(target.indicator.as_str()) && areas.contains(&target.area));
    }
    for action in &data.actions {
        assert!(areas.contains(&action.area));
        assert!(programmes.contains(action.programme.as_str()));
        assert!(action.owner.as_deref().is_none_or(|owner| partners.contains(owner)));
        assert!(action.indicators.iter().all(|code| indicators.contains(code.as_str())));
        assert!(data.priorities.iter().any(|p| p.area == action.area && p.position == action.priority));
    }
    for indicator in &data.indicators {
        assert!(indicator.owner.as_deref().is_none_or(|owner| partners.contains(owner)));
        assert!(indicator.programmes.iter().all(|code| programmes.contains(code.as_str())));
    }
    for proposal in &data.proposals {
        assert!(proposal.history_documents.iter().all(|number| documents.contains(number.as_str())));
    }
    let titles: HashSet<&str> = data.initiatives.iter().map(|initiative| initiative.title.as_str()).collect();
    for resident in &data.active_residents {
        assert!(resident.initiative.as_deref().is_none_or(|title| titles.contains(title)));
    }
    assert_eq!(data.populations.len(), data.areas.len() * 5);
}

#[test]
fn a_division_without_buurten_is_refused() {
    let error = generate(ANCHOR, "code,name,level,parent_code\nGM0164,Hengelo,gemeente,\nWK016401,Es,wijk,GM0164\n")
        .unwrap_err();
    assert!(error.to_string().contains("every wijk needs at least one buurt"), "{error}");
    assert!(generate(ANCHOR, "not,a,division\n").is_err());
}

#[test]
fn there_is_one_account_per_role_for_fictional_people() {
    let data = demo();
    let roles: Vec<crate::access::Role> = data.accounts.iter().map(|account| account.role).collect();
    assert_eq!(roles, crate::access::Role::ALL);
    let fictional: HashSet<&str> =
        data.persons.iter().filter(|person| person.fictional).map(|person| person.name.as_str()).collect();
    let partners: HashSet<&str> = data.partners.iter().map(|p| p.name.as_str()).collect();
    for account in &data.accounts {
        assert!(account.email.as_str().ends_with("@hengelo.example"), "{}", account.email);
        assert!(account.person.as_deref().is_none_or(|person| fictional.contains(person)));
        assert_eq!(account.partner.is_some(), account.role.needs_partner());
        assert!(account.partner.as_deref().is_none_or(|partner| partners.contains(partner)));
    }
    // The seed's partner in wijkgericht werken, the housing corporation, has the partner account.
    let partner = data.accounts.iter().find(|account| account.role.needs_partner()).unwrap();
    assert_eq!(partner.partner.as_deref(), Some("Welbions"));
    assert!(partner.person.is_none(), "its employee is no person of the council process");
}

#[test]
fn every_action_has_the_status_its_dates_give_on_the_anchor() {
    use crate::agenda::ActionStatus;
    let data = demo();
    assert!(!data.actions.is_empty());
    for action in &data.actions {
        let expected = match (action.start_date > data.anchor, action.end_date <= data.anchor) {
            (true, _) => vec![ActionStatus::Planned],
            (false, true) => vec![ActionStatus::Done],
            (false, false) => vec![ActionStatus::Running, ActionStatus::Cancelled],
        };
        assert!(
            expected.contains(&action.status),
            "{} {:?}: {} – {} on {}",
            action.title,
            action.status,
            action.start_date,
            action.end_date,
            data.anchor
        );
    }
    let statuses: HashSet<ActionStatus> = data.actions.iter().map(|action| action.status).collect();
    assert!(statuses.len() >= 3, "a demo with planned, running and done actions: {statuses:?}");
}
