//! The neighbourhood half of the demo: programmes, partners, indicators, synthetic measurements
//! for every buurt, wijk and the city, targets, and each wijk's agenda.

use std::collections::HashMap;

use time::macros::time;
use time::{Date, Duration};

use super::council::{Council, SEED_CASE_NUMBER};
use super::names::example_email;
use super::{
    ActionSeed, ActiveResidentSeed, BodySeed, DemoError, IndicatorSeed, InitiativeSeed, MeasurementSeed, PartnerSeed,
    PopulationSeed, PrioritySeed, ProgrammeSeed, TargetSeed,
};
use crate::agenda::{ActionStatus, Activity, InitiativeStatus};
use crate::area::{AreaCode, AreaLevel, AreaRecord};
use crate::local_time::dutch_moment;
use crate::monitor::{Direction, IndicatorKind, IndicatorStatus, PartnerKind, Theme, Unit};
use crate::period::Period;

/// What the neighbourhood half produces.
pub(super) struct Monitor {
    pub(super) body: BodySeed,
    pub(super) populations: Vec<PopulationSeed>,
    pub(super) programmes: Vec<ProgrammeSeed>,
    pub(super) partners: Vec<PartnerSeed>,
    pub(super) indicators: Vec<IndicatorSeed>,
    pub(super) measurements: Vec<MeasurementSeed>,
    pub(super) targets: Vec<TargetSeed>,
    pub(super) priorities: Vec<PrioritySeed>,
    pub(super) actions: Vec<ActionSeed>,
    pub(super) initiatives: Vec<InitiativeSeed>,
    pub(super) active_residents: Vec<ActiveResidentSeed>,
    pub(super) coordinators: Vec<(AreaCode, String)>,
}

/// How many years of measurements the demo has.
pub(super) const YEARS: i32 = 5;

const PROGRAMMES: &[(&str, &str, &str)] = &[
    ("omgevingsvisie", "Omgevingsvisie", "De fysieke leefomgeving: wonen, werken, groen en mobiliteit tot 2040."),
    (
        "transformatieplan-sociaal-domein",
        "Transformatieplan Sociaal Domein",
        "Zorg en ondersteuning dichter bij inwoners, met meer preventie in de wijk.",
    ),
    (
        "klimaat-energie-circulariteit",
        "Klimaat-, Energie- en Circulariteitsopgave",
        "Energiebesparing, duurzame warmte en een circulaire stad.",
    ),
    (
        "integraal-veiligheidsplan",
        "Integraal Veiligheidsplan",
        "Veiligheid en veiligheidsbeleving in wijken en buurten.",
    ),
];

const WELBIONS: &str = "Welbions";
const WELFARE: &str = "Stichting Samen in de Wijk";
/// The partner whose (fictional) employee has the demo's partner account: the housing
/// corporation the seed names as the municipality's partner in wijkgericht werken.
pub(super) const DEMO_PARTNER: &str = WELBIONS;
const POLICE: &str = "Politie basisteam Hengelo";
const CARE: &str = "Wijkzorg Hengelo";

const PARTNERS: &[(&str, PartnerKind, bool)] = &[
    (WELBIONS, PartnerKind::HousingCorporation, false),
    (WELFARE, PartnerKind::Welfare, true),
    (POLICE, PartnerKind::Police, false),
    (CARE, PartnerKind::Care, true),
];

/// An indicator and the parameters of its synthetic figures: the city's level in the first
/// year, how far areas lie apart, the yearly change and the year-to-year noise.
struct IndicatorSpec {
    code: &'static str,
    name: &'static str,
    definition: &'static str,
    unit: Unit,
    direction: Direction,
    theme: Theme,
    kind: IndicatorKind,
    source: &'static str,
    owner: Option<&'static str>,
    status: IndicatorStatus,
    proposed_in_seed_session: bool,
    is_key: bool,
    programmes: &'static [&'static str],
    base: f64,
    spread: f64,
    trend: f64,
    noise: f64,
}

const INDICATORS: &[IndicatorSpec] = &[
    IndicatorSpec {
        code: "VEILIGHEIDSBELEVING",
        name: "Voelt zich veilig in de buurt",
        definition: "Percentage inwoners van 15 jaar en ouder dat zich vaak of altijd veilig voelt in de eigen buurt.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Safety,
        kind: IndicatorKind::Subjective,
        source: "Veiligheidsmonitor",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: true,
        is_key: true,
        programmes: &["integraal-veiligheidsplan"],
        base: 78.0,
        spread: 6.0,
        trend: 0.6,
        noise: 1.8,
    },
    IndicatorSpec {
        code: "MISDRIJVEN",
        name: "Geregistreerde misdrijven",
        definition: "Door de politie geregistreerde misdrijven per 1.000 inwoners per jaar.",
        unit: Unit::PerThousand,
        direction: Direction::LowerIsBetter,
        theme: Theme::Safety,
        kind: IndicatorKind::Objective,
        source: "Politie, geregistreerde criminaliteit",
        owner: Some(POLICE),
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: true,
        programmes: &["integraal-veiligheidsplan"],
        base: 48.0,
        spread: 11.0,
        trend: -1.2,
        noise: 3.0,
    },
    IndicatorSpec {
        code: "OVERLAST",
        name: "Ervaart veel overlast",
        definition: "Percentage inwoners dat veel overlast ervaart in de buurt (verkeer, jongeren, vervuiling).",
        unit: Unit::Percentage,
        direction: Direction::LowerIsBetter,
        theme: Theme::Safety,
        kind: IndicatorKind::Subjective,
        source: "Veiligheidsmonitor",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: false,
        programmes: &["integraal-veiligheidsplan"],
        base: 21.0,
        spread: 5.0,
        trend: -0.4,
        noise: 1.6,
    },
    IndicatorSpec {
        code: "SOCIALE_COHESIE",
        name: "Sociale cohesie",
        definition: "Schaalscore 0–10 op vijf stellingen over de omgang tussen buurtbewoners.",
        unit: Unit::Scale,
        direction: Direction::HigherIsBetter,
        theme: Theme::Social,
        kind: IndicatorKind::Subjective,
        source: "Burgerpeiling",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: true,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 6.2,
        spread: 0.45,
        trend: 0.04,
        noise: 0.15,
    },
    IndicatorSpec {
        code: "EENZAAMHEID",
        name: "Ernstig eenzaam",
        definition: "Percentage volwassenen dat zich ernstig of zeer ernstig eenzaam voelt.",
        unit: Unit::Percentage,
        direction: Direction::LowerIsBetter,
        theme: Theme::Social,
        kind: IndicatorKind::Subjective,
        source: "Gezondheidsmonitor Volwassenen en Ouderen",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: true,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 13.0,
        spread: 3.0,
        trend: -0.2,
        noise: 1.0,
    },
    IndicatorSpec {
        code: "ERVAREN_GEZONDHEID",
        name: "Goed ervaren gezondheid",
        definition: "Percentage volwassenen dat de eigen gezondheid als goed of zeer goed ervaart.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Social,
        kind: IndicatorKind::Subjective,
        source: "Gezondheidsmonitor Volwassenen en Ouderen",
        owner: Some(CARE),
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: false,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 74.0,
        spread: 5.0,
        trend: 0.2,
        noise: 1.5,
    },
    IndicatorSpec {
        code: "LEEFBAARHEID",
        name: "Rapportcijfer leefbaarheid",
        definition: "Gemiddeld rapportcijfer (1–10) dat inwoners geven voor de leefbaarheid van hun buurt.",
        unit: Unit::Score,
        direction: Direction::HigherIsBetter,
        theme: Theme::Physical,
        kind: IndicatorKind::Subjective,
        source: "Burgerpeiling",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: true,
        programmes: &["omgevingsvisie"],
        base: 7.2,
        spread: 0.4,
        trend: 0.03,
        noise: 0.12,
    },
    IndicatorSpec {
        code: "WONINGTEVREDENHEID",
        name: "Tevreden met de woning",
        definition: "Percentage inwoners dat tevreden of zeer tevreden is met de eigen woning.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Physical,
        kind: IndicatorKind::Subjective,
        source: "Woononderzoek",
        owner: Some(WELBIONS),
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: false,
        programmes: &["omgevingsvisie"],
        base: 84.0,
        spread: 4.0,
        trend: 0.3,
        noise: 1.4,
    },
    IndicatorSpec {
        code: "ENERGIELABEL_A",
        name: "Woningen met energielabel A of beter",
        definition: "Percentage woningen met een geregistreerd energielabel A, A+ of hoger.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Physical,
        kind: IndicatorKind::Objective,
        source: "EP-online (RVO)",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: false,
        programmes: &["klimaat-energie-circulariteit", "omgevingsvisie"],
        base: 22.0,
        spread: 7.0,
        trend: 2.5,
        noise: 1.0,
    },
    IndicatorSpec {
        code: "ACTIEVE_INWONERS",
        name: "Actieve inwoners",
        definition: "Inwoners die als vrijwilliger, initiatiefnemer of lid van een bewonersorganisatie actief \
                     zijn in de wijk, per 1.000 inwoners.",
        unit: Unit::PerThousand,
        direction: Direction::HigherIsBetter,
        theme: Theme::Participation,
        kind: IndicatorKind::Objective,
        source: "Register actieve inwoners (wijkbeeld)",
        owner: None,
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: true,
        is_key: true,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 42.0,
        spread: 9.0,
        trend: 1.8,
        noise: 2.0,
    },
    IndicatorSpec {
        code: "VRIJWILLIGERSWERK",
        name: "Doet vrijwilligerswerk",
        definition: "Percentage inwoners van 18 jaar en ouder dat het afgelopen jaar vrijwilligerswerk deed.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Participation,
        kind: IndicatorKind::Subjective,
        source: "Burgerpeiling",
        owner: Some(WELFARE),
        status: IndicatorStatus::Adopted,
        proposed_in_seed_session: false,
        is_key: false,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 31.0,
        spread: 5.0,
        trend: 0.3,
        noise: 1.6,
    },
    IndicatorSpec {
        code: "INZET_BUURT",
        name: "Zet zich in voor de buurt",
        definition: "Percentage inwoners dat zich het afgelopen jaar heeft ingezet voor de buurt.",
        unit: Unit::Percentage,
        direction: Direction::HigherIsBetter,
        theme: Theme::Participation,
        kind: IndicatorKind::Subjective,
        source: "Burgerpeiling",
        owner: None,
        status: IndicatorStatus::Candidate,
        proposed_in_seed_session: true,
        is_key: false,
        programmes: &["transformatieplan-sociaal-domein"],
        base: 24.0,
        spread: 4.0,
        trend: 0.5,
        noise: 1.5,
    },
];

/// City-wide demo targets: indicator, the change on the baseline value, years after the
/// anchor's year, and the reason.
type CityTarget = (&'static str, fn(f64) -> f64, i32, &'static str);

const CITY_TARGETS: &[CityTarget] = &[
    ("VEILIGHEIDSBELEVING", |_| 5.0, 1, "Synthetisch demodoel: vijf procentpunt meer dan in het basisjaar."),
    ("ACTIEVE_INWONERS", |start| start * 0.25, 1, "Synthetisch demodoel: een kwart meer actieve inwoners."),
    ("EENZAAMHEID", |_| -2.0, 2, "Synthetisch demodoel: twee procentpunt minder ernstig eenzamen."),
    ("LEEFBAARHEID", |_| 0.3, 1, "Synthetisch demodoel."),
];

/// A wijk priority and the actions that serve it, per theme.
struct AgendaTemplate {
    theme: Theme,
    title: &'static str,
    description: &'static str,
    actions: [ActionTemplate; 2],
}

/// An action a partner or the municipality takes on a priority.
struct ActionTemplate {
    title: &'static str,
    description: &'static str,
    owner: Option<&'static str>,
    programme: &'static str,
    indicators: &'static [&'static str],
}

const AGENDA: &[AgendaTemplate] = &[
    AgendaTemplate {
        theme: Theme::Social,
        title: "Minder eenzaamheid, meer ontmoeting",
        description: "Inwoners kennen elkaar en vinden elkaar wanneer het nodig is; niemand staat er alleen voor.",
        actions: [
            ActionTemplate {
                title: "Wekelijkse buurtmaaltijd in het wijkcentrum",
                description: "Een vaste avond waarop buurtbewoners samen koken en eten, met vrijwilligers als gastheer.",
                owner: Some(WELFARE),
                programme: "transformatieplan-sociaal-domein",
                indicators: &["EENZAAMHEID", "SOCIALE_COHESIE"],
            },
            ActionTemplate {
                title: "Huisbezoeken aan 75-plussers",
                description: "Wijkverpleging en vrijwilligers bezoeken alle 75-plussers die alleen wonen.",
                owner: Some(CARE),
                programme: "transformatieplan-sociaal-domein",
                indicators: &["EENZAAMHEID", "ERVAREN_GEZONDHEID"],
            },
        ],
    },
    AgendaTemplate {
        theme: Theme::Physical,
        title: "Een hele, schone en groene wijk",
        description: "Woningen en openbare ruimte op orde, met aandacht voor verduurzaming en groen.",
        actions: [
            ActionTemplate {
                title: "Groot onderhoud en isolatie van huurwoningen",
                description: "Isolatie, nieuwe kozijnen en ventilatie in de oudste huurwoningen van de wijk.",
                owner: Some(WELBIONS),
                programme: "klimaat-energie-circulariteit",
                indicators: &["ENERGIELABEL_A", "WONINGTEVREDENHEID"],
            },
            ActionTemplate {
                title: "Vergroenen van pleinen en schoolpleinen",
                description: "Tegels eruit, groen erin: samen met bewoners en scholen ontworpen.",
                owner: None,
                programme: "omgevingsvisie",
                indicators: &["LEEFBAARHEID"],
            },
        ],
    },
    AgendaTemplate {
        theme: Theme::Safety,
        title: "Veilig voelen in de eigen buurt",
        description: "Minder overlast en meer zicht op elkaar, samen met bewoners en politie.",
        actions: [
            ActionTemplate {
                title: "Buurtpreventieteam en buurtapp",
                description: "Bewoners lopen avondrondes en melden via de buurtapp; de wijkagent sluit maandelijks aan.",
                owner: Some(POLICE),
                programme: "integraal-veiligheidsplan",
                indicators: &["VEILIGHEIDSBELEVING", "OVERLAST"],
            },
            ActionTemplate {
                title: "Betere verlichting op looproutes",
                description: "Donkere plekken op de looproutes naar bushalte en winkels krijgen ledverlichting.",
                owner: None,
                programme: "integraal-veiligheidsplan",
                indicators: &["VEILIGHEIDSBELEVING"],
            },
        ],
    },
    AgendaTemplate {
        theme: Theme::Participation,
        title: "Meer bewoners actief in de wijk",
        description: "Bewoners nemen initiatief en worden daarin gesteund door gemeente en partners.",
        actions: [
            ActionTemplate {
                title: "Wijkbudget voor bewonersinitiatieven",
                description: "Een eenvoudige regeling waarmee bewoners tot € 2.500 aanvragen voor een initiatief.",
                owner: None,
                programme: "transformatieplan-sociaal-domein",
                indicators: &["ACTIEVE_INWONERS"],
            },
            ActionTemplate {
                title: "Vrijwilligerspunt in de wijk",
                description: "Vraag en aanbod van vrijwilligerswerk bij elkaar brengen, met een spreekuur in het wijkcentrum.",
                owner: Some(WELFARE),
                programme: "transformatieplan-sociaal-domein",
                indicators: &["VRIJWILLIGERSWERK", "ACTIEVE_INWONERS"],
            },
        ],
    },
];

const INITIATIVES: &[(&str, &str, i64)] = &[
    ("Moestuin achter de flat", "Een gezamenlijke moestuin op het grasveld achter de flat, met regentonnen.", 180_000),
    (
        "Speeltuin opknappen",
        "Nieuwe toestellen en een bankje voor ouders in de speeltuin aan de rand van de buurt.",
        250_000,
    ),
    ("Buurtbarbecue in september", "Een barbecue voor de hele straat om nieuwe bewoners te leren kennen.", 45_000),
    ("Repair Café", "Maandelijks repareren vrijwilligers kapotte spullen in het wijkcentrum.", 90_000),
    ("Bloembakken in de straat", "Bloembakken bij de voordeuren, door bewoners onderhouden.", 60_000),
    ("Taalcafé", "Wekelijks oefenen nieuwe en oude Hengeloërs samen Nederlands.", 75_000),
    ("Jeu-de-boulesbaan", "Een jeu-de-boulesbaan bij het buurthuis als ontmoetingsplek voor ouderen.", 220_000),
    ("Kerstmarkt voor de buurt", "Een kleine kerstmarkt met kraampjes van buurtbewoners en de basisschool.", 120_000),
];

const INITIATIVE_STATUSES: &[InitiativeStatus] = &[
    InitiativeStatus::Submitted,
    InitiativeStatus::InReview,
    InitiativeStatus::Approved,
    InitiativeStatus::Rejected,
    InitiativeStatus::Done,
    InitiativeStatus::Approved,
    InitiativeStatus::Submitted,
    InitiativeStatus::Approved,
];

/// A standard normal draw (Box–Muller), from the seeded generator.
fn normal(random: &mut fastrand::Rng) -> f64 {
    let uniform = random.f64().max(f64::MIN_POSITIVE);
    (-2.0 * uniform.ln()).sqrt() * (std::f64::consts::TAU * random.f64()).cos()
}

fn round_to(value: f64, decimals: u8) -> f64 {
    let factor = 10f64.powi(i32::from(decimals));
    (value * factor).round() / factor
}

/// The kind of place a buurt is, read from its name: who lives there and whether surveys reach
/// enough people to publish.
#[derive(Clone, Copy, PartialEq)]
enum Settlement {
    Industrial,
    Park,
    Rural,
    Residential,
}

fn settlement(name: &str) -> Settlement {
    if name.starts_with("Bedrijventerrein") || name.starts_with("Bedrijvenpark") {
        Settlement::Industrial
    } else if name.starts_with("Stadspark") {
        Settlement::Park
    } else if name.starts_with("Verspreide huizen") {
        Settlement::Rural
    } else {
        Settlement::Residential
    }
}

/// Surveys below this many respondents are not published, as survey agencies do.
const MINIMUM_RESPONDENTS: u32 = 30;
/// Registrations in areas with fewer inhabitants are not published: the figure would be noise.
const MINIMUM_INHABITANTS: u32 = 100;

/// A value with the weight it carries when areas are combined.
#[derive(Clone, Copy)]
struct Weighted {
    value: f64,
    weight: f64,
    respondents: Option<u32>,
}

fn margin(spec: &IndicatorSpec, value: f64, respondents: u32) -> f64 {
    let respondents = f64::from(respondents);
    let margin = match spec.unit {
        Unit::Percentage => {
            let share = (value / 100.0).clamp(0.01, 0.99);
            1.96 * (share * (1.0 - share) / respondents).sqrt() * 100.0
        }
        // Scores and scales have a spread of about 1.3 points between respondents.
        _ => 1.96 * 1.3 / respondents.sqrt(),
    };
    round_to(margin, 1)
}

fn combine(parts: &[Weighted]) -> Option<Weighted> {
    let weight: f64 = parts.iter().map(|part| part.weight).sum();
    if parts.is_empty() || weight <= 0.0 {
        return None;
    }
    let value = parts.iter().map(|part| part.value * part.weight).sum::<f64>() / weight;
    let respondents = parts.iter().map(|part| part.respondents).sum::<Option<u32>>();
    Some(Weighted { value, weight, respondents })
}

pub(super) fn generate(
    anchor: Date,
    areas: &[AreaRecord],
    council: &Council,
    random: &mut fastrand::Rng,
) -> Result<Monitor, DemoError> {
    let mut municipalities = areas.iter().filter(|area| area.level == AreaLevel::Municipality);
    let (Some(municipality), None) = (municipalities.next(), municipalities.next()) else {
        return Err(DemoError::Shape("the file holds no gemeente or more than one".into()));
    };
    let wijken: Vec<&AreaRecord> = areas.iter().filter(|area| area.level == AreaLevel::District).collect();
    let buurten_of = |wijk: &AreaRecord| -> Vec<&AreaRecord> {
        areas.iter().filter(|area| area.parent.as_ref() == Some(&wijk.code)).collect()
    };
    if wijken.is_empty() || wijken.iter().any(|wijk| buurten_of(wijk).is_empty()) {
        return Err(DemoError::Shape("every wijk needs at least one buurt".into()));
    }
    let first_year = anchor.year() - YEARS;
    let years: Vec<i32> = (first_year..anchor.year()).collect();
    let period = |year: i32| Period::year(year).map_err(|error| DemoError::Shape(error.to_string()));

    // Inhabitants: a size per buurt by the kind of place, growing slowly.
    let mut inhabitants: HashMap<(AreaCode, i32), u32> = HashMap::new();
    let mut populations = Vec::new();
    for wijk in &wijken {
        for buurt in buurten_of(wijk) {
            let mut size = match settlement(&buurt.name) {
                Settlement::Industrial => f64::from(random.u32(10..80)),
                Settlement::Park => f64::from(random.u32(20..150)),
                Settlement::Rural => f64::from(random.u32(150..700)),
                Settlement::Residential => f64::from(random.u32(700..3400)),
            };
            let growth = 1.0 + random.f64() * 0.008 - 0.001;
            for &year in &years {
                inhabitants.insert((buurt.code.clone(), year), size.round() as u32);
                size *= growth;
            }
        }
    }
    let children: HashMap<&AreaCode, Vec<&AreaRecord>> =
        wijken.iter().map(|wijk| (&wijk.code, buurten_of(wijk))).collect();
    for &year in &years {
        let mut city = 0;
        for wijk in &wijken {
            let total: u32 = children[&wijk.code].iter().map(|buurt| inhabitants[&(buurt.code.clone(), year)]).sum();
            inhabitants.insert((wijk.code.clone(), year), total);
            city += total;
        }
        inhabitants.insert((municipality.code.clone(), year), city);
    }
    for area in areas {
        for &year in &years {
            populations.push(PopulationSeed {
                area: area.code.clone(),
                period: period(year)?,
                inhabitants: inhabitants[&(area.code.clone(), year)],
            });
        }
    }

    // Each wijk lies somewhere between well-off (negative) and deprived (positive); its buurten
    // scatter around it. Some wijken improve faster than others.
    let mut deprivation: HashMap<AreaCode, f64> = HashMap::new();
    let mut pace: HashMap<AreaCode, f64> = HashMap::new();
    for wijk in &wijken {
        let wijk_level = (normal(random) * 0.8).clamp(-1.8, 1.8);
        pace.insert(wijk.code.clone(), 0.3 + random.f64() * 1.4);
        for buurt in &children[&wijk.code] {
            let rural = if settlement(&buurt.name) == Settlement::Rural { -0.6 } else { 0.0 };
            deprivation.insert(buurt.code.clone(), wijk_level + normal(random) * 0.35 + rural);
        }
    }

    let mut measurements = Vec::new();
    // (indicator, area, year) → value, for targets and the agenda's priorities.
    let mut values: HashMap<(&str, AreaCode, i32), f64> = HashMap::new();
    for spec in INDICATORS {
        let good = if spec.direction == Direction::LowerIsBetter { -1.0 } else { 1.0 };
        let survey = spec.kind == IndicatorKind::Subjective;
        let decimals = 1;
        for (index, &year) in years.iter().enumerate() {
            let mut wijk_parts = Vec::new();
            for wijk in &wijken {
                let mut buurt_parts = Vec::new();
                for buurt in &children[&wijk.code] {
                    let people = inhabitants[&(buurt.code.clone(), year)];
                    let respondents = (f64::from(people) * 0.025).round().clamp(8.0, 150.0) as u32;
                    let noise_scale = if survey { (60.0 / f64::from(respondents)).sqrt().min(2.0) } else { 1.0 };
                    let mut value = spec.base + spec.trend * index as f64 * pace[&wijk.code]
                        - good * spec.spread * deprivation[&buurt.code]
                        + spec.noise * noise_scale * normal(random);
                    value = match spec.unit.bounds() {
                        Some((low, high)) => value.clamp(low, high),
                        None => value.max(0.0),
                    };
                    let published =
                        if survey { respondents >= MINIMUM_RESPONDENTS } else { people >= MINIMUM_INHABITANTS };
                    if !published {
                        continue;
                    }
                    let value = round_to(value, decimals);
                    buurt_parts.push(Weighted {
                        value,
                        weight: f64::from(if survey { respondents } else { people }),
                        respondents: survey.then_some(respondents),
                    });
                    measurements.push(measurement(
                        spec,
                        &buurt.code,
                        period(year)?,
                        value,
                        survey.then_some(respondents),
                    ));
                    values.insert((spec.code, buurt.code.clone(), year), value);
                }
                if let Some(combined) = combine(&buurt_parts) {
                    let value = round_to(combined.value, decimals);
                    measurements.push(measurement(spec, &wijk.code, period(year)?, value, combined.respondents));
                    values.insert((spec.code, wijk.code.clone(), year), value);
                    wijk_parts.push(Weighted { value, ..combined });
                }
            }
            if let Some(combined) = combine(&wijk_parts) {
                let value = round_to(combined.value, decimals);
                measurements.push(measurement(spec, &municipality.code, period(year)?, value, combined.respondents));
                values.insert((spec.code, municipality.code.clone(), year), value);
            }
        }
    }

    let last_year = anchor.year() - 1;
    let city = &municipality.code;
    let mut targets = Vec::new();
    let mut target =
        |indicator: &'static str, area: &AreaCode, value: f64, by: i32, note: &str| -> Result<(), DemoError> {
            targets.push(TargetSeed {
                indicator: indicator.into(),
                area: area.clone(),
                value: round_to(value, 1),
                target_period: period(by)?,
                baseline_period: period(first_year)?,
                note: note.into(),
            });
            Ok(())
        };
    let baseline = |indicator: &str, area: &AreaCode| values.get(&(indicator, area.clone(), first_year)).copied();
    for (indicator, change, years_ahead, note) in CITY_TARGETS {
        if let Some(start) = baseline(indicator, city) {
            target(indicator, city, start + change(start), anchor.year() + years_ahead, note)?;
        }
    }
    let least_safe = wijken
        .iter()
        .filter_map(|wijk| {
            values.get(&("VEILIGHEIDSBELEVING", wijk.code.clone(), last_year)).map(|value| (*value, wijk))
        })
        .min_by(|left, right| left.0.total_cmp(&right.0));
    if let Some((_, wijk)) = least_safe
        && let Some(start) = baseline("VEILIGHEIDSBELEVING", &wijk.code)
    {
        target(
            "VEILIGHEIDSBELEVING",
            &wijk.code,
            start + 8.0,
            anchor.year() + 2,
            "Synthetisch demodoel voor de wijk met de laagste veiligheidsbeleving.",
        )?;
    }

    // Each wijk's agenda takes up the two themes it scores worst on against the city.
    let mut priorities = Vec::new();
    let mut actions = Vec::new();
    for wijk in &wijken {
        let mut theme_scores: Vec<(f64, Theme)> = Theme::ALL
            .iter()
            .filter_map(|theme| {
                let scores: Vec<f64> = INDICATORS
                    .iter()
                    .filter(|spec| spec.theme == *theme && spec.status == IndicatorStatus::Adopted)
                    .filter_map(|spec| {
                        let here = values.get(&(spec.code, wijk.code.clone(), last_year))?;
                        let there = values.get(&(spec.code, city.clone(), last_year))?;
                        let good = if spec.direction == Direction::LowerIsBetter { -1.0 } else { 1.0 };
                        Some(good * (here - there) / spec.spread)
                    })
                    .collect();
                (!scores.is_empty()).then(|| (scores.iter().sum::<f64>() / scores.len() as f64, *theme))
            })
            .collect();
        theme_scores.sort_by(|left, right| left.0.total_cmp(&right.0));
        for (position, (_, theme)) in theme_scores.iter().take(2).enumerate() {
            let Some(template) = AGENDA.iter().find(|template| template.theme == *theme) else { continue };
            let position = position as u16 + 1;
            priorities.push(PrioritySeed {
                area: wijk.code.clone(),
                year: anchor.year(),
                position,
                title: template.title.into(),
                description: template.description.into(),
            });
            for &ActionTemplate { title, description, owner, programme, indicators } in &template.actions {
                // The status follows from the dates as of the anchor: planned before the start,
                // done after the end, running (or, now and then, stopped) in between.
                let start_date = anchor + Duration::days(random.i64(-300..90));
                let stopped = random.u8(0..10) == 0;
                let end_date = start_date + Duration::days(random.i64(120..540));
                let status = if start_date > anchor {
                    ActionStatus::Planned
                } else if end_date <= anchor {
                    ActionStatus::Done
                } else if stopped {
                    ActionStatus::Cancelled
                } else {
                    ActionStatus::Running
                };
                actions.push(ActionSeed {
                    area: wijk.code.clone(),
                    priority: position,
                    year: anchor.year(),
                    title: title.into(),
                    description: description.into(),
                    owner: owner.map(Into::into),
                    programme: programme.into(),
                    indicators: indicators.iter().map(|code| (*code).into()).collect(),
                    status,
                    start_date,
                    end_date,
                    budget_cents: i64::from(random.u32(10..120)) * 50_000,
                });
            }
        }
    }

    let mut names = council.names.clone();
    let mut initiatives = Vec::new();
    let mut active_residents = Vec::new();
    for (index, (title, description, budget)) in INITIATIVES.iter().enumerate() {
        let wijk = wijken[random.usize(..wijken.len())];
        let buurten = &children[&wijk.code];
        let buurt = buurten[random.usize(..buurten.len())];
        let status = INITIATIVE_STATUSES[index % INITIATIVE_STATUSES.len()];
        let submitter = names.next(random);
        let submitted_on = anchor - Duration::days(random.i64(10..300));
        if matches!(status, InitiativeStatus::Approved | InitiativeStatus::Done) {
            for member in std::iter::once(submitter.clone()).chain((0..random.usize(1..3)).map(|_| names.next(random)))
            {
                active_residents.push(ActiveResidentSeed {
                    area: buurt.code.clone(),
                    name: member,
                    activity: Activity::InitiativeMember,
                    initiative: Some((*title).into()),
                    registered_on: submitted_on,
                });
            }
        }
        initiatives.push(InitiativeSeed {
            area: buurt.code.clone(),
            title: (*title).into(),
            description: (*description).into(),
            submitter_email: example_email(&submitter),
            submitter_name: submitter,
            requested_budget_cents: *budget,
            status,
            review_note: match status {
                InitiativeStatus::Rejected => {
                    Some("Past niet binnen de regeling: de grond is geen gemeentelijk eigendom.".into())
                }
                InitiativeStatus::Approved | InitiativeStatus::Done => {
                    Some("Akkoord; de wijkcoördinator begeleidt de uitvoering.".into())
                }
                _ => None,
            },
            submitted_at: dutch_moment(submitted_on, time!(20:15)),
        });
    }
    for wijk in &wijken {
        for _ in 0..2 {
            let activity =
                [Activity::Volunteer, Activity::AssociationMember, Activity::NeighbourhoodWatch][random.usize(..3)];
            active_residents.push(ActiveResidentSeed {
                area: wijk.code.clone(),
                name: names.next(random),
                activity,
                initiative: None,
                registered_on: anchor - Duration::days(random.i64(20..900)),
            });
        }
    }

    let coordinators = wijken
        .iter()
        .enumerate()
        .map(|(index, wijk)| {
            (wijk.code.clone(), council.coordinators[(index / 2) % council.coordinators.len()].clone())
        })
        .collect();

    Ok(Monitor {
        body: BodySeed {
            name: format!("Gemeente {}", municipality.name),
            cbs_code: municipality.code.clone(),
            website: None,
        },
        populations,
        programmes: PROGRAMMES
            .iter()
            .map(|(code, name, description)| ProgrammeSeed {
                code: (*code).into(),
                name: (*name).into(),
                description: (*description).into(),
            })
            .collect(),
        partners: PARTNERS
            .iter()
            .map(|(name, kind, fictional)| PartnerSeed { name: (*name).into(), kind: *kind, fictional: *fictional })
            .collect(),
        indicators: INDICATORS.iter().map(indicator_seed).collect(),
        measurements,
        targets,
        priorities,
        actions,
        initiatives,
        active_residents,
        coordinators,
    })
}

fn measurement(
    spec: &IndicatorSpec,
    area: &AreaCode,
    period: Period,
    value: f64,
    respondents: Option<u32>,
) -> MeasurementSeed {
    MeasurementSeed {
        indicator: spec.code.into(),
        area: area.clone(),
        period,
        value,
        sample_size: respondents,
        margin: respondents.map(|respondents| margin(spec, value, respondents)),
    }
}

fn indicator_seed(spec: &IndicatorSpec) -> IndicatorSeed {
    IndicatorSeed {
        code: spec.code.into(),
        name: spec.name.into(),
        definition: spec.definition.into(),
        unit: spec.unit,
        direction: spec.direction,
        theme: spec.theme,
        kind: spec.kind,
        source: spec.source.into(),
        owner: spec.owner.map(Into::into),
        status: spec.status,
        proposed_in: spec.proposed_in_seed_session.then(|| SEED_CASE_NUMBER.into()),
        is_key: spec.is_key,
        is_published: spec.status == IndicatorStatus::Adopted,
        decimals: 1,
        programmes: spec.programmes.iter().map(|code| (*code).into()).collect(),
    }
}
