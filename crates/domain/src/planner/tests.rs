use super::*;

fn person(id: i64, name: &str) -> Participant {
    Participant { person: Id::new(id), name: name.to_owned(), available: None }
}

fn request(subject: &str, minutes: u16, holder: Option<usize>) -> SessionRequest {
    SessionRequest {
        subject: subject.to_owned(),
        domains: vec![Domain::Social],
        duration_minutes: minutes,
        portfolio_holder: holder,
        seats: 30,
        needs_livestream: false,
        pin: None,
        requested: Requested::default(),
        spokespersons: Vec::new(),
    }
}

/// Two rounds, a streamed chamber and a small room, two chairs, two clerks, two aldermen.
fn evening() -> Evening {
    Evening {
        rounds: vec![RoundSlot { minutes: 90 }, RoundSlot { minutes: 90 }],
        rooms: vec![
            RoomSlot { name: "Raadzaal".to_owned(), capacity: 120, livestream: true },
            RoomSlot { name: "Commissiekamer 1".to_owned(), capacity: 30, livestream: false },
        ],
        chairs: vec![person(1, "Raadslid Ten Voorde"), person(2, "Raadslid Bakker")],
        clerks: vec![person(3, "Griffiemedewerker Hartendorp"), person(4, "Griffiemedewerker Smit")],
        portfolio_holders: vec![person(5, "Wethouder De Vries"), person(6, "Wethouder Luttikholt")],
        sessions: vec![
            request("Wijkgericht werken", 90, Some(1)),
            request("Woonvisie", 60, Some(0)),
            request("Omgevingsvisie", 150, Some(0)),
        ],
    }
}

fn at(session: usize, room: usize, first_round: usize, round_count: usize, chair: usize, clerk: usize) -> Placement {
    Placement { session, room, first_round, round_count, chair, clerk }
}

fn described(evening: &Evening, plan: &Plan) -> Vec<String> {
    check(evening, plan).iter().map(|conflict| conflict.describe(evening)).collect()
}

#[test]
fn rounds_needed_adds_up_consecutive_rounds() {
    let mut evening = evening();
    assert_eq!(evening.rounds_needed(60, 0), Some(1));
    assert_eq!(evening.rounds_needed(90, 1), Some(1));
    assert_eq!(evening.rounds_needed(150, 0), Some(2));
    assert_eq!(evening.rounds_needed(150, 1), None, "the evening ends first");
    assert_eq!(evening.rounds_needed(60, 2), None, "no such round");
    evening.rounds[0].minutes = 45;
    assert_eq!(evening.rounds_needed(60, 0), Some(2), "rounds may differ in length");
}

#[test]
fn a_plan_that_keeps_every_rule_has_no_conflicts() {
    let evening = evening();
    // Omgevingsvisie takes both rounds of the chamber; the small room is used in round 1 only,
    // and Woonvisie (whose alderman is in Omgevingsvisie all evening) stays unplaced.
    let plan = Plan { placements: vec![at(0, 1, 0, 1, 0, 0), at(2, 0, 0, 2, 1, 1)] };
    assert_eq!(check(&evening, &plan), vec![]);
    let same_people_later = Plan { placements: vec![at(0, 1, 0, 1, 0, 0), at(1, 1, 1, 1, 0, 0)] };
    assert_eq!(check(&evening, &same_people_later), vec![], "one room, chair and clerk in consecutive rounds");
    assert_eq!(check(&evening, &Plan::default()), vec![], "an empty plan breaks nothing");
}

#[test]
fn two_sessions_in_one_room_and_round() {
    let evening = evening();
    let plan = Plan { placements: vec![at(0, 0, 1, 1, 0, 0), at(2, 0, 0, 2, 1, 1)] };
    assert_eq!(check(&evening, &plan), vec![Conflict::RoomTaken { room: 0, round: 1, sessions: (0, 2) }]);
    assert_eq!(
        described(&evening, &plan),
        ["Raadzaal is in ronde 2 al bezet door 'Wijkgericht werken'; 'Omgevingsvisie' kan daar niet ook"]
    );
}

#[test]
fn a_portfolio_holder_chair_or_clerk_in_two_places() {
    let evening = evening();
    // Woonvisie and Omgevingsvisie both have Wethouder De Vries; the same clerk serves both.
    let plan = Plan { placements: vec![at(1, 1, 1, 1, 0, 1), at(2, 0, 0, 2, 1, 1)] };
    assert_eq!(
        described(&evening, &plan),
        [
            "Griffiemedewerker Smit is in ronde 2 griffiemedewerker bij 'Woonvisie' en zou tegelijk bij \
             'Omgevingsvisie' moeten zijn",
            "Wethouder De Vries is in ronde 2 portefeuillehouder bij 'Woonvisie' en zou tegelijk bij \
             'Omgevingsvisie' moeten zijn",
        ]
    );
}

#[test]
fn the_chair_may_not_be_the_portfolio_holder() {
    let mut evening = evening();
    evening.chairs[0].person = evening.portfolio_holders[1].person;
    let plan = Plan { placements: vec![at(0, 0, 0, 1, 0, 0)] };
    assert_eq!(check(&evening, &plan), vec![Conflict::ChairIsPortfolioHolder { session: 0 }]);
}

#[test]
fn seats_livestream_duration_pins_and_availability() {
    let mut evening = evening();
    evening.sessions[0].seats = 45;
    evening.sessions[0].needs_livestream = true;
    let plan = Plan { placements: vec![at(0, 1, 0, 1, 0, 0)] };
    assert_eq!(
        described(&evening, &plan),
        [
            "'Wijkgericht werken' verwacht 45 aanwezigen; Commissiekamer 1 heeft 30 plaatsen",
            "'Wijkgericht werken' vraagt een livestream; Commissiekamer 1 heeft er geen",
        ]
    );

    let too_short = Plan { placements: vec![at(2, 0, 0, 1, 0, 0)] };
    assert_eq!(check(&evening, &too_short), vec![Conflict::DoesNotFit { session: 2 }]);
    let past_the_end = Plan { placements: vec![at(2, 0, 1, 2, 0, 0)] };
    assert_eq!(check(&evening, &past_the_end), vec![Conflict::DoesNotFit { session: 2 }]);
    let too_long = Plan { placements: vec![at(1, 0, 0, 2, 0, 0)] };
    assert_eq!(check(&evening, &too_long), vec![Conflict::DoesNotFit { session: 1 }], "a round more than needed");

    evening.sessions[1].pin = Some(Pin { room: 0, round: 1 });
    evening.portfolio_holders[0].available = Some(vec![1]);
    let moved = Plan { placements: vec![at(1, 0, 0, 1, 0, 0)] };
    assert_eq!(
        described(&evening, &moved),
        [
            "'Woonvisie' is door de griffie vastgezet op een andere zaal of ronde",
            "Wethouder De Vries is in ronde 1 niet beschikbaar voor 'Woonvisie'",
        ]
    );
    let kept = Plan { placements: vec![at(1, 0, 1, 1, 0, 0)] };
    assert_eq!(check(&evening, &kept), vec![]);
}

#[test]
fn unknown_references_and_double_placements_are_reported_not_panicked_on() {
    let evening = evening();
    let plan = Plan {
        placements: vec![at(9, 0, 0, 1, 0, 0), at(0, 0, 0, 1, 0, 7), at(0, 5, 0, 1, 0, 0), at(1, 0, 0, 0, 0, 0)],
    };
    assert_eq!(
        check(&evening, &plan),
        vec![
            Conflict::Unknown { placement: 0 },
            Conflict::Unknown { placement: 1 },
            Conflict::Unknown { placement: 2 },
            Conflict::Unknown { placement: 3 },
        ]
    );
    let twice = Plan { placements: vec![at(1, 0, 0, 1, 0, 0), at(1, 1, 1, 1, 1, 1)] };
    assert_eq!(described(&evening, &twice), ["'Woonvisie' staat twee keer in het plan"]);
}

#[test]
fn the_generator_is_deterministic_and_sized_by_its_settings() {
    let settings = GeneratorSettings::LARGE;
    let evening = generate(&settings);
    assert_eq!(evening, generate(&settings), "the same seed gives the same evening");
    assert_ne!(evening, generate(&GeneratorSettings { seed: 2, ..settings }));
    assert_eq!(
        (evening.sessions.len(), evening.rooms.len(), evening.rounds.len()),
        (settings.proposals, settings.rooms, settings.rounds)
    );
    assert_eq!(
        (evening.portfolio_holders.len(), evening.chairs.len(), evening.clerks.len()),
        (settings.portfolio_holders, settings.chairs, settings.clerks)
    );
    assert!(evening.sessions.iter().all(|session| !session.domains.is_empty()));
    assert!(evening.sessions.iter().any(|session| evening.rounds_needed(session.duration_minutes, 0) == Some(2)));
    for holder in &evening.portfolio_holders {
        assert!(holder.available.as_ref().is_none_or(|rounds| !rounds.is_empty()), "{}", holder.name);
    }
}

#[test]
fn generated_pins_can_all_be_kept_at_once() {
    for seed in 0..50 {
        let settings = GeneratorSettings { seed, pins: 4, ..GeneratorSettings::LARGE };
        let evening = generate(&settings);
        let pinned: Vec<(usize, Pin)> = evening
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(index, session)| session.pin.map(|pin| (index, pin)))
            .collect();
        assert_eq!(pinned.len(), settings.pins, "seed {seed}");
        // Each pinned session with a chair and clerk of its own keeps every rule.
        let plan = Plan {
            placements: pinned
                .iter()
                .enumerate()
                .map(|(position, (session, pin))| Placement {
                    session: *session,
                    room: pin.room,
                    first_round: pin.round,
                    round_count: evening.rounds_needed(evening.sessions[*session].duration_minutes, pin.round).unwrap(),
                    chair: position,
                    clerk: position,
                })
                .collect(),
        };
        assert_eq!(check(&evening, &plan), vec![], "seed {seed}");
    }
}

/// An evening of two rounds and two rooms whose sessions (an hour, no portfolio holder, each of
/// its own domain) are all spoken in by the same councillor.
fn one_spokesperson(sessions: usize) -> Evening {
    let mut evening = evening();
    let domains = [Domain::Social, Domain::Physical, Domain::Governance];
    evening.sessions = (0..sessions)
        .map(|index| {
            let mut session = request(&format!("Sessie {}", index + 1), 60, None);
            session.domains = vec![domains[index % domains.len()]];
            session.spokespersons = vec![Spokesperson { person: Id::new(9), name: "Anna Wolters (SBH)".to_owned() }];
            session
        })
        .collect();
    evening
}

fn settings_with(spokesperson_clash: u32) -> PlannerSettings {
    PlannerSettings {
        weights: Weights { spokesperson_clash, ..Weights::default() },
        time_limit: std::time::Duration::from_secs(5),
    }
}

#[test]
fn the_planner_keeps_a_spokesperson_in_one_session_per_round_when_it_can() {
    let evening = one_spokesperson(2);
    let apart = plan(&evening, &settings_with(40)).unwrap();
    assert_eq!(apart.plan.placements.len(), 2);
    let rounds: Vec<usize> = apart.plan.placements.iter().map(|p| p.first_round).collect();
    assert_ne!(rounds[0], rounds[1], "the two sessions run one after the other: {:?}", apart.plan);
    assert!(apart.spokesperson_clashes.is_empty());
    assert!(check(&evening, &apart.plan).is_empty());
    // Weight 0 ignores the rule: using one round less is then worth more, and the clash is named.
    let together = plan(&evening, &settings_with(0)).unwrap();
    let rounds: Vec<usize> = together.plan.placements.iter().map(|p| p.first_round).collect();
    assert_eq!(rounds[0], rounds[1], "{:?}", together.plan);
    assert_eq!(together.spokesperson_clashes.len(), 1);
}

#[test]
fn a_clash_the_planner_cannot_avoid_is_named() {
    // Three sessions with one spokesperson in two rounds: two of them share a round.
    let evening = one_spokesperson(3);
    let outcome = plan(&evening, &settings_with(40)).unwrap();
    assert_eq!(outcome.plan.placements.len(), 3, "a clash does not leave a session out");
    assert_eq!(outcome.spokesperson_clashes.len(), 1, "{:?}", outcome.spokesperson_clashes);
    let clash = &outcome.spokesperson_clashes[0];
    assert_eq!(clash.name, "Anna Wolters (SBH)");
    let round_of = |session: usize| outcome.plan.placements.iter().find(|p| p.session == session).unwrap().first_round;
    assert_eq!(round_of(clash.sessions.0), clash.round);
    assert_eq!(round_of(clash.sessions.1), clash.round);
    assert!(clash.sessions.0 < clash.sessions.1);
    assert!(outcome.optimal);
}

#[test]
fn spokespersons_of_different_people_do_not_clash() {
    let mut evening = one_spokesperson(2);
    evening.sessions[1].spokespersons[0].person = Id::new(10);
    let plan = Plan { placements: vec![at(0, 0, 0, 1, 0, 0), at(1, 1, 0, 1, 1, 1)] };
    assert!(spokesperson_clashes(&evening, &plan).is_empty());
    let mut same = one_spokesperson(2);
    same.sessions[1].spokespersons[0].name = "Anna Wolters (SBH)".to_owned();
    let clashes = spokesperson_clashes(&same, &plan);
    assert_eq!(clashes, vec![SpokespersonClash { name: "Anna Wolters (SBH)".to_owned(), round: 0, sessions: (0, 1) }]);
}
