//! Realistic planning problems for tests and benchmarks, from a seed: rounds of 90 minutes,
//! one large streamed council chamber and smaller rooms, sessions of 45 to 150 minutes over the
//! three domains, portfolio holders of whom some come for part of the evening, and pins the
//! griffie set, and the rooms, chairs and clerks some proposals ask for. The same settings and
//! seed always give the same evening.

use super::{Evening, Participant, Pin, RequestedPerson, RequestedRoom, RoomSlot, RoundSlot, SessionRequest};
use crate::Id;
use crate::proposal::Domain;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GeneratorSettings {
    /// Sessions (geagendeerde proposals).
    pub proposals: usize,
    /// Rooms; the first is the council chamber.
    pub rooms: usize,
    /// Rounds.
    pub rounds: usize,
    /// Portfolio holders.
    pub portfolio_holders: usize,
    /// Councillors who may chair.
    pub chairs: usize,
    /// Clerks.
    pub clerks: usize,
    /// Sessions pinned to a room and round (at most one per room and round).
    pub pins: usize,
    /// The share of proposals, in percent, that ask for a room, a chair and a clerk (each
    /// drawn from the evening's, so some ask for the same).
    pub requests: u8,
    /// The random seed.
    pub seed: u64,
}

impl GeneratorSettings {
    /// A typical evening: 12 proposals, 4 rooms, 3 rounds.
    pub const TYPICAL: GeneratorSettings = GeneratorSettings {
        proposals: 12,
        rooms: 4,
        rounds: 3,
        portfolio_holders: 5,
        chairs: 6,
        clerks: 4,
        pins: 1,
        requests: 50,
        seed: 1,
    };

    /// The large benchmark evening of issue 6: 40 proposals, 6 rooms, 4 rounds.
    pub const LARGE: GeneratorSettings = GeneratorSettings {
        proposals: 40,
        rooms: 6,
        rounds: 4,
        portfolio_holders: 6,
        chairs: 8,
        clerks: 6,
        pins: 2,
        requests: 50,
        seed: 1,
    };
}

const SUBJECTS: &[&str] = &[
    "Omgevingsvisie",
    "Warmtetransitie",
    "Woonvisie",
    "Mobiliteitsplan",
    "Jeugd in de wijk",
    "Armoedebeleid",
    "Integraal Veiligheidsplan",
    "Participatieverordening",
    "Sportaccommodaties",
    "Groenbeleid",
    "Cultuurnota",
    "Wijkagenda",
];
const SURNAMES: &[&str] = &[
    "De Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "De Boer",
    "Mulder",
    "De Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "Van Leeuwen",
    "Dekker",
    "Brouwer",
    "De Wit",
    "Dijkstra",
    "Smits",
    "De Graaf",
];

/// A planning problem made from the settings.
pub fn generate(settings: &GeneratorSettings) -> Evening {
    let mut random = fastrand::Rng::with_seed(settings.seed);
    let rounds = vec![RoundSlot { minutes: 90 }; settings.rounds];
    let rooms = (0..settings.rooms)
        .map(|index| match index {
            0 => RoomSlot { name: "Raadzaal".to_owned(), capacity: 120, livestream: true },
            1 => RoomSlot { name: "Burgerzaal".to_owned(), capacity: 80, livestream: true },
            _ => RoomSlot {
                name: format!("Commissiekamer {}", index - 1),
                capacity: [30, 40, 50][random.usize(..3)],
                livestream: false,
            },
        })
        .collect();
    // Person ids are distinct across the lists, as chairs are councillors and holders aldermen.
    let mut next_person = 0_i64;
    let mut people = |count: usize, title: &str, random: &mut fastrand::Rng, partly: bool| {
        (0..count)
            .map(|index| {
                next_person += 1;
                let available = (partly && random.u8(..100) < 25 && settings.rounds > 1).then(|| {
                    // Comes late or leaves early: a run of rounds, never none.
                    let length = random.usize(1..settings.rounds);
                    let start = if random.bool() { 0 } else { settings.rounds - length };
                    (start..start + length).collect()
                });
                Participant {
                    person: Id::new(next_person),
                    name: format!(
                        "{title} {} {}",
                        SURNAMES[(index * 7 + next_person as usize) % SURNAMES.len()],
                        index + 1
                    ),
                    available,
                }
            })
            .collect::<Vec<_>>()
    };
    let portfolio_holders = people(settings.portfolio_holders, "Wethouder", &mut random, true);
    let chairs = people(settings.chairs, "Raadslid", &mut random, false);
    let clerks = people(settings.clerks, "Griffiemedewerker", &mut random, false);
    let sessions = (0..settings.proposals)
        .map(|index| {
            let duration_minutes = match random.u8(..100) {
                0..10 => 45,
                10..45 => 60,
                45..90 => 90,
                90..96 => 120,
                _ => 150,
            };
            let mut domains: Vec<Domain> =
                Domain::ALL.iter().copied().filter(|_| random.u8(..100) < 30).collect::<Vec<_>>();
            if domains.is_empty() {
                domains.push(Domain::ALL[random.usize(..Domain::ALL.len())]);
            }
            SessionRequest {
                subject: format!("{} ({})", SUBJECTS[index % SUBJECTS.len()], index + 1),
                domains,
                duration_minutes,
                portfolio_holder: (settings.portfolio_holders > 0).then(|| random.usize(..settings.portfolio_holders)),
                seats: 15 + random.u16(..30),
                needs_livestream: random.u8(..100) < 15,
                pin: None,
                requested: super::Requested::default(),
                spokespersons: Vec::new(),
            }
        })
        .collect();
    let mut evening = Evening { rounds, rooms, chairs, clerks, portfolio_holders, sessions };
    pin(&mut evening, settings.pins, &mut random);
    request(&mut evening, settings.requests, settings.seed);
    evening
}

/// Lets `percent` of the proposals ask for a room, a chair and a clerk of the evening. With a
/// random generator of its own, so that the rest of the evening is the same whatever the share.
fn request(evening: &mut Evening, percent: u8, seed: u64) {
    let mut random = fastrand::Rng::with_seed(seed ^ 0x7265_7175_6573_7473);
    let asked = |pool: &[Participant], random: &mut fastrand::Rng| {
        (!pool.is_empty()).then(|| {
            let participant = &pool[random.usize(..pool.len())];
            RequestedPerson { person: participant.person, name: participant.name.clone(), eligible: true }
        })
    };
    for session in 0..evening.sessions.len() {
        if random.u8(..100) >= percent {
            continue;
        }
        let room = (!evening.rooms.is_empty()).then(|| RequestedRoom::Room(random.usize(..evening.rooms.len())));
        let chair = asked(&evening.chairs, &mut random);
        let clerk = asked(&evening.clerks, &mut random);
        evening.sessions[session].requested = super::Requested { room, chair, clerk };
    }
}

/// Pins up to `count` sessions to a room and round that suits them, no two pins sharing a room
/// in a round, no portfolio holder pinned twice in a round, and no more pins in a round than
/// there are chairs and clerks.
fn pin(evening: &mut Evening, count: usize, random: &mut fastrand::Rng) {
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut holders_taken: Vec<(usize, usize)> = Vec::new();
    let mut pinned = 0;
    // No more pins in a round than there are chairs and clerks to lead them.
    let staff = evening.chairs.len().min(evening.clerks.len());
    let mut per_round = vec![0_usize; evening.rounds.len()];
    for session in 0..evening.sessions.len() {
        if pinned == count {
            break;
        }
        let request = evening.sessions[session].clone();
        let mut cells: Vec<(usize, usize)> = Vec::new();
        for room in 0..evening.rooms.len() {
            for round in 0..evening.rounds.len() {
                cells.push((room, round));
            }
        }
        random.shuffle(&mut cells);
        let suitable = cells.into_iter().find(|&(room, round)| {
            let Some(length) = evening.rounds_needed(request.duration_minutes, round) else { return false };
            let slot = &evening.rooms[room];
            let holder = request.portfolio_holder;
            slot.capacity >= request.seats
                && (slot.livestream || !request.needs_livestream)
                && (round..round + length).all(|used| {
                    per_round[used] < staff
                        && !taken.contains(&(room, used))
                        && holder.is_none_or(|holder| {
                            !holders_taken.contains(&(holder, used))
                                && evening.portfolio_holders[holder].is_available(used)
                        })
                })
        });
        if let Some((room, round)) = suitable {
            let length = evening.rounds_needed(request.duration_minutes, round).unwrap_or(1);
            for (used, pins_then) in per_round.iter_mut().enumerate().skip(round).take(length) {
                *pins_then += 1;
                taken.push((room, used));
                if let Some(holder) = request.portfolio_holder {
                    holders_taken.push((holder, used));
                }
            }
            evening.sessions[session].pin = Some(Pin { room, round });
            pinned += 1;
        }
    }
}
