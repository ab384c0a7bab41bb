//! The council half of the demo: people, parties, rooms, proposals and market evenings.

use std::collections::{HashMap, HashSet};

use time::macros::{date, time};
use time::{Date, Duration, Time, Weekday};

use super::names::{NameMaker, example_email};
use super::{
    DocumentSeed, EveningSeed, MembershipSeed, PartySeed, PersonSeed, ProgrammeItemSeed, ProposalSeed, RoomSeed,
    SessionSeed, SpeakerSeed,
};
use crate::local_time::dutch_moment;
use crate::market::RegistrationStatus;
use crate::people::Function;
use crate::proposal::{DEFAULT_EXPECTED_ATTENDANCE, Domain, ProposalState, Purpose, SpeakingRules};

/// The seed's portfolio holder, chair and clerk: public officials named in the public
/// behandelvoorstel, used only for the seed's own proposal and evening.
pub(super) const SEED_PORTFOLIO_HOLDER: &str = "Marie-José Luttikholt";
pub(super) const SEED_CHAIR: &str = "Vincent ten Voorde";
pub(super) const SEED_CLERK: &str = "Coen Hartendorp";
/// The seed's case number (zaaknummer).
pub(super) const SEED_CASE_NUMBER: &str = "3641304";
const SEED_DATE: Date = date!(2023 - 09 - 26);

const ROUNDS: [(Time, Time); 2] = [(time!(19:30), time!(21:00)), (time!(21:15), time!(22:45))];

/// What the council half hands to the monitor half.
pub(super) struct Council {
    pub(super) parties: Vec<PartySeed>,
    pub(super) persons: Vec<PersonSeed>,
    pub(super) memberships: Vec<MembershipSeed>,
    pub(super) rooms: Vec<RoomSeed>,
    pub(super) documents: Vec<DocumentSeed>,
    pub(super) proposals: Vec<ProposalSeed>,
    pub(super) evenings: Vec<EveningSeed>,
    pub(super) speakers: Vec<SpeakerSeed>,
    /// Fictional civil servants who coordinate wijken.
    pub(super) coordinators: Vec<String>,
    /// The people behind the demo's accounts: a clerk, a councillor, a civil servant.
    pub(super) account_holders: AccountHolders,
    /// A name maker that has handed out every name above, for residents.
    pub(super) names: NameMaker,
}

/// Fictional people who get a demo account.
pub(super) struct AccountHolders {
    pub(super) clerk: String,
    pub(super) councillor: String,
    pub(super) civil_servant: String,
}

/// A fictional party: (name, abbreviation, seats). 37 seats, as Hengelo's council has.
const PARTIES: &[(&str, &str, u8)] = &[
    ("Stadsbelang Hengelo", "SBH", 9),
    ("Vooruit Hengelo", "VH", 6),
    ("Liberaal Twente", "LT", 6),
    ("Groen & Sociaal", "G&S", 5),
    ("Christen-Sociaal", "CS", 4),
    ("Buurtpartij", "BP", 3),
    ("Samen Hengelo", "SH", 2),
    ("Onafhankelijke Stem", "OS", 2),
];

/// Portfolios of the four fictional aldermen (beside the seed's portfolio holder) and the mayor.
#[derive(Clone, Copy, PartialEq)]
enum Portfolio {
    Space,
    Finance,
    Care,
    Work,
    Safety,
}

const PORTFOLIOS: &[(Portfolio, Function, &str)] = &[
    (Portfolio::Space, Function::Alderman, "Ruimte, Wonen en Klimaat"),
    (Portfolio::Finance, Function::Alderman, "Financiën, Economie en Mobiliteit"),
    (Portfolio::Care, Function::Alderman, "Zorg, Jeugd en Onderwijs"),
    (Portfolio::Work, Function::Alderman, "Werk, Inkomen en Sport"),
    (Portfolio::Safety, Function::Mayor, "Openbare orde en veiligheid, Burgerparticipatie"),
];

/// A fictional proposal to be filled in with generated numbers, people and dates.
struct ProposalTemplate {
    subject: &'static str,
    domains: &'static [Domain],
    purpose: Purpose,
    duration_minutes: u16,
    portfolio: Portfolio,
    expected_attendance: u16,
    needs_livestream: bool,
    speaking_allowed: bool,
    /// History; `{doc1}`, `{doc2}` become document numbers, `{date}` a date before the anchor.
    history: &'static str,
    document_titles: [&'static str; 2],
    introduction: &'static str,
    questions: &'static [&'static str],
    speaker_topics: &'static [&'static str],
}

const TEMPLATES: &[ProposalTemplate] = &[
    ProposalTemplate {
        subject: "Omgevingsvisie Hengelo 2040",
        domains: &[Domain::Physical],
        purpose: Purpose::OpinionForming,
        duration_minutes: 90,
        portfolio: Portfolio::Space,
        expected_attendance: 60,
        needs_livestream: true,
        speaking_allowed: true,
        history: "Op {date} heeft het college de startnotitie Omgevingsvisie vastgesteld ({doc1}). De raad is \
                  per brief geïnformeerd over de uitkomsten van de participatie ({doc2}).",
        document_titles: ["Startnotitie Omgevingsvisie", "Brief over de participatie voor de Omgevingsvisie"],
        introduction: "Presentatie van de concept-omgevingsvisie door de portefeuillehouder en het projectteam",
        questions: &[
            "Herkent u de vier gebiedsopgaven in de concept-omgevingsvisie?",
            "Welke keuzes tussen wonen, werken en groen wilt u het college meegeven?",
        ],
        speaker_topics: &["Groen in de binnenstad", "Woningbouw aan de rand van de wijk"],
    },
    ProposalTemplate {
        subject: "Transformatieplan Sociaal Domein: voortgang",
        domains: &[Domain::Social],
        purpose: Purpose::Informing,
        duration_minutes: 60,
        portfolio: Portfolio::Care,
        expected_attendance: 35,
        needs_livestream: false,
        speaking_allowed: true,
        history: "Het Transformatieplan Sociaal Domein is door de raad vastgesteld ({doc1}). Op {date} is de \
                  eerste voortgangsrapportage aan de raad gezonden ({doc2}).",
        document_titles: ["Transformatieplan Sociaal Domein", "Eerste voortgangsrapportage Transformatieplan"],
        introduction: "Toelichting op de voortgangsrapportage door de portefeuillehouder",
        questions: &[
            "Welke resultaten uit de rapportage vindt u het belangrijkst?",
            "Hoe wilt u de komende jaren over de voortgang geïnformeerd worden?",
        ],
        speaker_topics: &["Ervaringen met het wijkteam", "Mantelzorg in de buurt"],
    },
    ProposalTemplate {
        subject: "Integraal Veiligheidsplan: prioriteiten voor de komende vier jaar",
        domains: &[Domain::Governance],
        purpose: Purpose::OpinionForming,
        duration_minutes: 90,
        portfolio: Portfolio::Safety,
        expected_attendance: 40,
        needs_livestream: true,
        speaking_allowed: true,
        history: "Het huidige Integraal Veiligheidsplan loopt af. Op {date} heeft de burgemeester de raad \
                  per brief gevraagd om input voor de nieuwe prioriteiten ({doc1}); de evaluatie is \
                  bijgevoegd ({doc2}).",
        document_titles: [
            "Brief over de nieuwe prioriteiten van het Integraal Veiligheidsplan",
            "Evaluatie Integraal Veiligheidsplan",
        ],
        introduction: "Presentatie van de evaluatie en de voorgestelde prioriteiten door de burgemeester",
        questions: &[
            "Welke drie veiligheidsthema's verdienen volgens u voorrang?",
            "Hoe betrekken we inwoners bij de veiligheid in hun wijk?",
        ],
        speaker_topics: &["Buurtpreventie in de wijk", "Overlast rond het winkelcentrum"],
    },
    ProposalTemplate {
        subject: "Warmtetransitie: wijkuitvoeringsplan eerste wijken",
        domains: &[Domain::Physical],
        purpose: Purpose::Informing,
        duration_minutes: 60,
        portfolio: Portfolio::Space,
        expected_attendance: 30,
        needs_livestream: false,
        speaking_allowed: true,
        history: "De Transitievisie Warmte is vastgesteld ({doc1}). Op {date} heeft het college de aanpak van \
                  de eerste wijken gekozen ({doc2}).",
        document_titles: ["Transitievisie Warmte", "Collegebesluit aanpak eerste wijken warmtetransitie"],
        introduction: "Toelichting op het wijkuitvoeringsplan door de portefeuillehouder en de netbeheerder",
        questions: &[
            "Wat hebben bewoners nodig om mee te doen met de warmtetransitie?",
            "Hoe houden we de transitie betaalbaar voor huurders en eigenaren?",
        ],
        speaker_topics: &["Kosten van isolatie voor huurders"],
    },
    ProposalTemplate {
        subject: "Programmabegroting {next_year}: budget voor wijkgericht werken",
        domains: &[Domain::Governance, Domain::Social],
        purpose: Purpose::OpinionForming,
        duration_minutes: 90,
        portfolio: Portfolio::Finance,
        expected_attendance: 30,
        needs_livestream: true,
        speaking_allowed: false,
        history: "Op {date} heeft het college de ontwerp-programmabegroting aangeboden ({doc1}). De \
                  technische vragen van de fracties zijn beantwoord ({doc2}).",
        document_titles: ["Ontwerp-programmabegroting", "Beantwoording technische vragen begroting"],
        introduction: "Toelichting op de begroting voor wijkbudgetten door de portefeuillehouder",
        questions: &["Welke wijkbudgetten wilt u behouden, en welke anders inzetten?"],
        speaker_topics: &[],
    },
    ProposalTemplate {
        subject: "Jeugd in de wijk: van jeugdhulp naar preventie",
        domains: &[Domain::Social],
        purpose: Purpose::Informing,
        duration_minutes: 90,
        portfolio: Portfolio::Care,
        expected_attendance: 45,
        needs_livestream: false,
        speaking_allowed: true,
        history: "Op {date} is de raad per brief geïnformeerd over de stijgende kosten van jeugdhulp ({doc1}) \
                  en over de pilots met preventie in twee wijken ({doc2}).",
        document_titles: ["Brief over de kosten van jeugdhulp", "Brief over de pilots preventief jeugdbeleid"],
        introduction: "Presentatie van de pilots door de portefeuillehouder en jongerenwerkers",
        questions: &[
            "Wanneer is preventie in de wijk volgens u geslaagd?",
            "Welke rol ziet u voor scholen en sportverenigingen?",
        ],
        speaker_topics: &["Jongerenwerk in de avonduren", "Een plek voor jongeren in de wijk"],
    },
    ProposalTemplate {
        subject: "Mobiliteitsplan: fietsroutes en veilige schoolomgevingen",
        domains: &[Domain::Physical],
        purpose: Purpose::OpinionForming,
        duration_minutes: 60,
        portfolio: Portfolio::Finance,
        expected_attendance: 30,
        needs_livestream: false,
        speaking_allowed: true,
        history: "Op {date} heeft het college het concept-mobiliteitsplan vrijgegeven voor inspraak ({doc1}). \
                  De inspraakreacties zijn gebundeld ({doc2}).",
        document_titles: ["Concept-mobiliteitsplan", "Nota van inspraakreacties mobiliteitsplan"],
        introduction: "Toelichting op het mobiliteitsplan door de portefeuillehouder",
        questions: &[
            "Welke schoolomgevingen moeten als eerste veiliger?",
            "Hoe weegt u doorstroming van autoverkeer tegen ruimte voor fietsers?",
        ],
        speaker_topics: &["Oversteken bij de basisschool"],
    },
    ProposalTemplate {
        subject: "Armoede en schulden: vroegsignalering in de wijk",
        domains: &[Domain::Social],
        purpose: Purpose::OpinionForming,
        duration_minutes: 60,
        portfolio: Portfolio::Work,
        expected_attendance: 30,
        needs_livestream: false,
        speaking_allowed: true,
        history: "De raad heeft om een aanpak van vroegsignalering gevraagd ({doc1}). Op {date} heeft het \
                  college een plan van aanpak vastgesteld ({doc2}).",
        document_titles: ["Motie vroegsignalering schulden", "Plan van aanpak vroegsignalering"],
        introduction: "Toelichting op het plan van aanpak door de portefeuillehouder en een schuldhulpverlener",
        questions: &["Welke signalen uit de wijk mogen we niet missen?", "Welke partners horen aan tafel?"],
        speaker_topics: &["Ervaringen als vrijwilliger bij de schuldhulp"],
    },
    ProposalTemplate {
        subject: "Woonvisie: betaalbaar wonen en doorstroming",
        domains: &[Domain::Physical, Domain::Social],
        purpose: Purpose::Informing,
        duration_minutes: 90,
        portfolio: Portfolio::Space,
        expected_attendance: 50,
        needs_livestream: true,
        speaking_allowed: true,
        history: "De prestatieafspraken met de woningcorporaties zijn op {date} ondertekend ({doc1}). De \
                  woningbehoefte is opnieuw onderzocht ({doc2}).",
        document_titles: ["Prestatieafspraken met de woningcorporaties", "Woningbehoefteonderzoek"],
        introduction: "Presentatie van het woningbehoefteonderzoek door de portefeuillehouder en Welbions",
        questions: &[
            "Voor welke groepen is de woningnood in Hengelo het grootst?",
            "Hoe bevorderen we dat ouderen kleiner gaan wonen?",
        ],
        speaker_topics: &["Wachttijden voor een huurwoning", "Woongroepen voor ouderen"],
    },
    ProposalTemplate {
        subject: "Participatieverordening",
        domains: &[Domain::Governance],
        purpose: Purpose::DecisionMaking,
        duration_minutes: 60,
        portfolio: Portfolio::Safety,
        expected_attendance: 30,
        needs_livestream: false,
        speaking_allowed: true,
        history: "Op {date} heeft het college de ontwerp-participatieverordening aan de raad aangeboden \
                  ({doc1}), met de uitkomsten van de consultatie onder inwoners ({doc2}).",
        document_titles: ["Ontwerp-participatieverordening", "Uitkomsten consultatie participatieverordening"],
        introduction: "Toelichting op de verordening door de burgemeester",
        questions: &["Is de verordening rijp voor besluitvorming in de raadsvergadering?"],
        speaker_topics: &["Het uitdaagrecht voor bewoners"],
    },
];

/// The first Tuesday (the market's weekday in the seed) on or after `day`.
fn tuesday_on_or_after(day: Date) -> Date {
    let mut day = day;
    while day.weekday() != Weekday::Tuesday {
        day = day.next_day().unwrap_or(day);
    }
    day
}

/// The day the council installed after the most recent March elections (2022, 2026, …).
fn term_start(anchor: Date) -> Date {
    let mut year = anchor.year() - (anchor.year() - 2022).rem_euclid(4);
    let installed = |year: i32| Date::from_calendar_date(year, time::Month::March, 30).unwrap_or(SEED_DATE);
    if installed(year) > anchor {
        year -= 4;
    }
    installed(year)
}

fn seed_proposal() -> ProposalSeed {
    ProposalSeed {
        subject: "Wijkgericht werken".into(),
        case_number: SEED_CASE_NUMBER.into(),
        portfolio_holder: SEED_PORTFOLIO_HOLDER.into(),
        history: "In het collegeprogramma 2022-2026 heeft het college de wijkgerichte aanpak opnieuw \
                  geïntroduceerd. Op grond hiervan heeft het college op 11 oktober 2022 een Bestuurlijke \
                  Opdracht Wijkgericht Werken vastgesteld (3487985). Hierover is de gemeenteraad per brief \
                  geïnformeerd (3496929).\n\nOp 27 juni 2023 heeft het college per brief (3604012 / 3614175) \
                  verzocht voor het organiseren van een politieke markt over Wijkgericht Werken.\n\n\
                  Wijkgericht werken is een middel dat bijdraagt aan verschillende ontwikkelopgaven en het \
                  uitgangspunt de inwoner centraal te zetten. Wijkgericht werken is geen doel op zich en ook \
                  geen op zichzelf staande ontwikkeling. Dit thema wordt daarom in samenhang ontwikkeld met \
                  onder andere de omgevingsvisie, het transformatieplan sociaal domein, de Klimaat-, Energie- \
                  en Circulariteit opgave, het integraal veiligheidsplan en zo nog vele andere ontwikkelingen."
            .into(),
        history_documents: vec!["3487985".into(), "3496929".into(), "3604012".into(), "3614175".into()],
        state: ProposalState::Treated,
        purpose: Purpose::Informing,
        domains: vec![Domain::Physical, Domain::Governance, Domain::Social],
        duration_minutes: 90,
        market_date: Some(SEED_DATE),
        chair: Some(SEED_CHAIR.into()),
        clerk: Some(SEED_CLERK.into()),
        room: Some("Raadzaal".into()),
        expected_attendance: DEFAULT_EXPECTED_ATTENDANCE,
        needs_livestream: false,
        speaking: SpeakingRules {
            allowed: Some(true),
            note: Some("Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.".into()),
            ..SpeakingRules::default()
        },
        programme: vec![
            item("Opening voorzitter", &[]),
            item(
                "Introductie wijkgericht werken door de portefeuillehouder en projectleider (presentatie \
                 hiervoor is bijgevoegd)",
                &[],
            ),
            item(
                "Wijkgericht werken in de praktijk in samenwerking met onze partner Welbions en de \
                 projectleider gezonde wijkaanpak.",
                &[],
            ),
            item(
                "In gesprek met elkaar aan de hand van de volgende vragen:",
                &[
                    "Wanneer is wijkgericht werken volgens u geslaagd? Kunt u bijvoorbeeld succesindicatoren \
                     noemen? U kunt bijvoorbeeld denken aan het aantal inwoners dat actief is in de wijk. Of \
                     de veiligheidsbeleving in de wijk.",
                    "Bent u het eens met de voorgestelde werkwijze en hoe wilt u hier een bijdrage aan \
                     leveren of betrokken worden?",
                    "Wat wilt u het college nog meegeven?",
                ],
            ),
            item("Afsluiting en vervolg", &[]),
        ],
    }
}

fn seed_documents() -> Vec<DocumentSeed> {
    [
        ("3487985", "Bestuurlijke Opdracht Wijkgericht Werken (collegebesluit 11 oktober 2022)"),
        ("3496929", "Brief aan de gemeenteraad over de Bestuurlijke Opdracht Wijkgericht Werken"),
        ("3604012", "Brief van het college van 27 juni 2023: verzoek om een politieke markt"),
        ("3614175", "Brief van het college van 27 juni 2023: verzoek om een politieke markt"),
    ]
    .into_iter()
    .map(|(number, title)| DocumentSeed { number: number.into(), title: Some(title.into()) })
    .collect()
}

fn item(text: &str, questions: &[&str]) -> ProgrammeItemSeed {
    ProgrammeItemSeed { text: text.into(), questions: questions.iter().map(|question| (*question).into()).collect() }
}

fn seed_evening() -> EveningSeed {
    let seed = seed_proposal();
    EveningSeed {
        date: SEED_DATE,
        title: "Politieke Markt".into(),
        published_at: Some(dutch_moment(date!(2023 - 09 - 12), time!(10:00))),
        rounds: ROUNDS.to_vec(),
        sessions: vec![SessionSeed {
            proposal: seed.case_number,
            room: seed.room,
            first_round: Some(1),
            round_count: 1,
            chair: seed.chair,
            clerk: seed.clerk,
            speaking: seed.speaking,
        }],
        chairs: vec![SEED_CHAIR.into()],
        clerks: vec![SEED_CLERK.into()],
        absences: Vec::new(),
    }
}

fn rooms() -> Vec<RoomSeed> {
    [
        ("Raadzaal", 120, true, true),
        ("Burgerzaal", 80, true, true),
        ("Commissiekamer 1", 30, false, true),
        ("Commissiekamer 2", 24, false, false),
    ]
    .into_iter()
    .map(|(name, capacity, has_livestream, is_accessible)| RoomSeed {
        name: name.into(),
        capacity,
        has_livestream,
        is_accessible,
    })
    .collect()
}

/// Who sits where in which round, so that the demo's own plan breaks no planning rule.
#[derive(Default)]
struct Occupancy {
    busy: HashSet<(u8, String)>,
    rooms_taken: HashSet<(u8, String)>,
}

impl Occupancy {
    fn free(&self, round: u8, person: &str) -> bool {
        !self.busy.contains(&(round, person.to_owned()))
    }
}

pub(super) fn generate(anchor: Date, random: &mut fastrand::Rng) -> Council {
    let mut names = NameMaker::new(&[SEED_PORTFOLIO_HOLDER, SEED_CHAIR, SEED_CLERK]);
    let mut persons: Vec<PersonSeed> = [SEED_PORTFOLIO_HOLDER, SEED_CHAIR, SEED_CLERK]
        .iter()
        .map(|name| PersonSeed { name: (*name).into(), fictional: false })
        .collect();
    let seed_membership = |person: &str, function, portfolio: Option<&str>| MembershipSeed {
        person: person.into(),
        function,
        party: None,
        portfolio: portfolio.map(Into::into),
        start_date: None,
    };
    let mut memberships = vec![
        seed_membership(SEED_PORTFOLIO_HOLDER, Function::Alderman, Some("Wijkgericht werken")),
        seed_membership(SEED_CHAIR, Function::Chair, None),
        seed_membership(SEED_CLERK, Function::Clerk, None),
    ];
    let start = Some(term_start(anchor));
    let mut add_person = |function: Function, party: Option<&str>, portfolio: Option<&str>| {
        let name = names.next(random);
        persons.push(PersonSeed { name: name.clone(), fictional: true });
        memberships.push(MembershipSeed {
            person: name.clone(),
            function,
            party: party.map(Into::into),
            portfolio: portfolio.map(Into::into),
            start_date: start,
        });
        name
    };

    let parties: Vec<PartySeed> = PARTIES
        .iter()
        .map(|(name, short_name, seats)| PartySeed {
            name: (*name).into(),
            short_name: (*short_name).into(),
            seats: *seats,
        })
        .collect();
    let mut councillors_by_party: Vec<Vec<String>> = Vec::new();
    for party in &parties {
        councillors_by_party
            .push((0..party.seats).map(|_| add_person(Function::Councillor, Some(&party.short_name), None)).collect());
    }
    let portfolio_holders: HashMap<usize, String> = PORTFOLIOS
        .iter()
        .enumerate()
        .map(|(index, (_, function, portfolio))| (index, add_person(*function, None, Some(portfolio))))
        .collect();
    let clerks: Vec<String> = (0..3).map(|_| add_person(Function::Clerk, None, None)).collect();
    let coordinators: Vec<String> = (0..5).map(|_| add_person(Function::DistrictCoordinator, None, None)).collect();
    let project_leaders: Vec<String> = ["Wijkgericht werken", "Gezonde wijkaanpak"]
        .into_iter()
        .map(|subject| add_person(Function::ProjectLeader, None, Some(subject)))
        .collect();
    // Chairs come from the council: the first councillor of three different parties.
    let chairs: Vec<String> =
        councillors_by_party.iter().skip(1).step_by(2).take(3).map(|party| party[0].clone()).collect();
    for chair in &chairs {
        memberships.push(MembershipSeed {
            person: chair.clone(),
            function: Function::Chair,
            party: None,
            portfolio: None,
            start_date: start,
        });
    }

    // The fictional proposals, in a shuffled order: four per evening, one submitted, one concept.
    let first_evening = tuesday_on_or_after(anchor + Duration::days(14));
    let second_evening = first_evening + Duration::weeks(4);
    let mut remaining: Vec<usize> = (0..TEMPLATES.len()).collect();
    random.shuffle(&mut remaining);
    // No portfolio holder gets more sessions on an evening than it has rounds.
    let pick_for_evening = |remaining: &mut Vec<usize>| {
        let mut picked: Vec<usize> = Vec::new();
        while picked.len() < 4 {
            let count = |portfolio| picked.iter().filter(|&&index| TEMPLATES[index].portfolio == portfolio).count();
            let Some(at) = remaining.iter().position(|&index| count(TEMPLATES[index].portfolio) < ROUNDS.len()) else {
                break;
            };
            picked.push(remaining.remove(at));
        }
        picked
    };
    let evening_templates = [pick_for_evening(&mut remaining), pick_for_evening(&mut remaining)];
    let mut documents = seed_documents();
    let mut proposals = vec![seed_proposal()];
    let mut used_numbers: HashSet<u32> = HashSet::new();
    let mut number = |random: &mut fastrand::Rng| loop {
        let candidate = random.u32(3_700_000..3_990_000);
        if used_numbers.insert(candidate) {
            return candidate.to_string();
        }
    };
    let mut evenings = vec![seed_evening()];
    let mut speakers = Vec::new();
    let published_at = dutch_moment(anchor - Duration::days(1), time!(10:00));
    for (evening_index, date) in [first_evening, second_evening].into_iter().enumerate() {
        let planned = evening_index == 0;
        let mut occupancy = Occupancy::default();
        let mut sessions = Vec::new();
        for &template_index in &evening_templates[evening_index] {
            let template = &TEMPLATES[template_index];
            let proposal = fictional_proposal(
                template,
                ProposalState::Scheduled,
                Some(date),
                anchor,
                &portfolio_holders,
                &mut documents,
                &mut number,
                random,
            );
            let mut session = SessionSeed {
                proposal: proposal.case_number.clone(),
                room: None,
                first_round: None,
                round_count: 1,
                chair: None,
                clerk: None,
                speaking: proposal.speaking.clone(),
            };
            if planned {
                place(&mut session, &proposal, &rooms(), &chairs, &clerks, &mut occupancy);
                for (index, topic) in template.speaker_topics.iter().enumerate() {
                    let name = names.next(random);
                    speakers.push(SpeakerSeed {
                        proposal: proposal.case_number.clone(),
                        email: example_email(&name),
                        organisation: (index == 1).then(|| "Bewonersvereniging (fictief)".to_owned()),
                        name,
                        topic: (*topic).into(),
                        publish_name: index == 0,
                        status: RegistrationStatus::Confirmed,
                        registered_at: published_at
                            + Duration::minutes(95 + 41 * (index as i64 + sessions.len() as i64)),
                    });
                }
            }
            sessions.push(session);
            proposals.push(proposal);
        }
        evenings.push(EveningSeed {
            date,
            title: "Politieke Markt".into(),
            // The planned evening is public; the one still to be planned is the griffie's draft.
            published_at: planned.then_some(published_at),
            rounds: ROUNDS.to_vec(),
            sessions,
            chairs: chairs.clone(),
            clerks: clerks.clone(),
            // On the evening still to be planned, one chair can only come for the second round.
            absences: if planned { Vec::new() } else { vec![(chairs[chairs.len() - 1].clone(), 1)] },
        });
    }
    for (&template_index, state) in remaining.iter().zip([ProposalState::Submitted, ProposalState::Concept]) {
        let template = &TEMPLATES[template_index];
        let wanted_date = (state == ProposalState::Submitted).then_some(second_evening);
        proposals.push(fictional_proposal(
            template,
            state,
            wanted_date,
            anchor,
            &portfolio_holders,
            &mut documents,
            &mut number,
            random,
        ));
    }

    Council {
        parties,
        persons,
        memberships,
        rooms: rooms(),
        documents,
        proposals,
        evenings,
        speakers,
        account_holders: AccountHolders {
            clerk: clerks[0].clone(),
            // The councillor's account belongs to a chair, who chairs a session of the coming
            // evening (the first placed there): the chair's timer is theirs to try.
            councillor: chairs[0].clone(),
            civil_servant: project_leaders[0].clone(),
        },
        coordinators,
        names,
    }
}

#[allow(clippy::too_many_arguments)]
fn fictional_proposal(
    template: &ProposalTemplate,
    state: ProposalState,
    market_date: Option<Date>,
    anchor: Date,
    portfolio_holders: &HashMap<usize, String>,
    documents: &mut Vec<DocumentSeed>,
    number: &mut impl FnMut(&mut fastrand::Rng) -> String,
    random: &mut fastrand::Rng,
) -> ProposalSeed {
    let case_number = number(random);
    let document_numbers = [number(random), number(random)];
    for (document_number, title) in document_numbers.iter().zip(template.document_titles) {
        documents.push(DocumentSeed { number: document_number.clone(), title: Some(title.into()) });
    }
    let decided_on = anchor - Duration::days(random.i64(30..200));
    let history = template
        .history
        .replace("{doc1}", &document_numbers[0])
        .replace("{doc2}", &document_numbers[1])
        .replace("{date}", &crate::dutch::long_date(decided_on));
    let portfolio_index = PORTFOLIOS.iter().position(|(portfolio, ..)| *portfolio == template.portfolio).unwrap_or(0);
    let speaking = if template.speaking_allowed {
        SpeakingRules {
            allowed: Some(true),
            minutes_per_speaker: Some(5),
            max_speakers: Some(if template.expected_attendance >= 40 { 6 } else { 4 }),
            deadline: market_date.map(|date| dutch_moment(date - Duration::days(1), time!(12:00))),
            note: Some("Aanmelden kan tot de dag voor de markt, 12.00 uur. Per inspreker 5 minuten.".into()),
        }
    } else {
        SpeakingRules {
            allowed: Some(false),
            note: Some("Geen spreekrecht: de fracties bespreken de begroting onderling.".into()),
            ..SpeakingRules::default()
        }
    };
    ProposalSeed {
        subject: template.subject.replace("{next_year}", &(anchor.year() + 1).to_string()),
        case_number,
        portfolio_holder: portfolio_holders.get(&portfolio_index).cloned().unwrap_or_default(),
        history,
        history_documents: document_numbers.to_vec(),
        state,
        purpose: template.purpose,
        domains: template.domains.to_vec(),
        duration_minutes: template.duration_minutes,
        market_date,
        chair: None,
        clerk: None,
        room: None,
        expected_attendance: template.expected_attendance,
        needs_livestream: template.needs_livestream,
        speaking,
        programme: vec![
            item("Opening voorzitter", &[]),
            item(template.introduction, &[]),
            item("In gesprek met elkaar aan de hand van de volgende vragen:", template.questions),
            item("Afsluiting en vervolg", &[]),
        ],
    }
}

/// Puts a session in the first round and room where its portfolio holder, a chair and a clerk
/// are free and the room suits it: big enough, with a livestream when needed.
fn place(
    session: &mut SessionSeed,
    proposal: &ProposalSeed,
    rooms: &[RoomSeed],
    chairs: &[String],
    clerks: &[String],
    occupancy: &mut Occupancy,
) {
    for round in 1..=ROUNDS.len() as u8 {
        if !occupancy.free(round, &proposal.portfolio_holder) {
            continue;
        }
        let room = rooms.iter().find(|room| {
            room.capacity >= proposal.expected_attendance
                && (room.has_livestream || !proposal.needs_livestream)
                && !occupancy.rooms_taken.contains(&(round, room.name.clone()))
        });
        let chair = chairs.iter().find(|chair| occupancy.free(round, chair));
        let clerk = clerks.iter().find(|clerk| occupancy.free(round, clerk));
        if let (Some(room), Some(chair), Some(clerk)) = (room, chair, clerk) {
            for person in [&proposal.portfolio_holder, chair, clerk] {
                occupancy.busy.insert((round, person.clone()));
            }
            occupancy.rooms_taken.insert((round, room.name.clone()));
            session.room = Some(room.name.clone());
            session.first_round = Some(round);
            session.chair = Some(chair.clone());
            session.clerk = Some(clerk.clone());
            return;
        }
    }
}
