//! The demo data set: the seed document's proposal, evening and people, Hengelo's wijken and
//! buurten, and a fictional council, evenings, indicators and measurements around them.
//!
//! Everything is generated from a fixed random seed and the *anchor date* (the day the demo was
//! first loaded), so the same anchor always gives the same data: loading twice changes nothing,
//! and the future evenings stay in the weeks after the anchor so that registering to speak is
//! open. The seed's people are public officials named in a public document; every other person
//! is fictional, and every indicator figure is synthetic.
//!
//! Records refer to each other by natural keys (names, codes, case numbers) rather than ids,
//! because the ids only exist once the store has written them.

mod council;
mod monitor;
mod names;
mod outcome;

use std::collections::HashSet;

use time::{Date, OffsetDateTime, Time};

use crate::access::{EmailAddress, Role};
use crate::agenda::{ActionStatus, Activity, InitiativeStatus};
use crate::area::{AreaCode, AreaRecord, parse_area_csv};
use crate::import::Problems;
use crate::market::RegistrationStatus;
use crate::monitor::{Direction, IndicatorKind, IndicatorStatus, PartnerKind, Theme, Unit};
use crate::people::Function;
use crate::period::Period;
use crate::proposal::{Domain, ProposalState, Purpose, SpeakingRules};

/// The random seed of the demo. Changing it changes every generated name and figure.
pub const DEMO_SEED: u64 = 164_2023;

/// Hengelo's division into wijken and buurten (CBS, about 2019–2020), the demo's default areas.
pub const HENGELO_AREAS_CSV: &str = include_str!("../../../../data/hengelo-gebieden.csv");

/// The statement every page showing demo figures carries.
pub const SYNTHETIC_NOTICE: &str = "Demodata: de personen zijn fictief, behalve de openbare ambtsdragers uit het \
     behandelvoorstel Wijkgericht werken; alle indicatorcijfers zijn synthetisch.";

/// The municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct BodySeed {
    /// Name.
    pub name: String,
    /// CBS code.
    pub cbs_code: AreaCode,
    /// Website.
    pub website: Option<String>,
}

/// A party group.
#[derive(Debug, Clone, PartialEq)]
pub struct PartySeed {
    /// Name.
    pub name: String,
    /// Abbreviation; the natural key.
    pub short_name: String,
    /// Seats in the council.
    pub seats: u8,
}

/// A person; the name is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonSeed {
    /// Full name.
    pub name: String,
    /// Whether the person is fictional (false only for the seed's public officials).
    pub fictional: bool,
}

/// A function a person holds.
#[derive(Debug, Clone, PartialEq)]
pub struct MembershipSeed {
    /// The person's name.
    pub person: String,
    /// Function.
    pub function: Function,
    /// The party's abbreviation, for councillors.
    pub party: Option<String>,
    /// The portfolio, for aldermen.
    pub portfolio: Option<String>,
    /// First day; unknown for the seed's officials, whose dates the seed does not give.
    pub start_date: Option<Date>,
}

/// A room.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomSeed {
    /// Name; the natural key.
    pub name: String,
    /// Seats.
    pub capacity: u16,
    /// Livestream.
    pub has_livestream: bool,
    /// Accessible.
    pub is_accessible: bool,
}

/// A numbered document named in a history.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentSeed {
    /// Number; the natural key.
    pub number: String,
    /// Title.
    pub title: Option<String>,
}

/// A programme item with its questions.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeItemSeed {
    /// Text.
    pub text: String,
    /// Questions under the item.
    pub questions: Vec<String>,
}

/// A behandelvoorstel.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalSeed {
    /// Onderwerp.
    pub subject: String,
    /// Zaaknummer; the natural key.
    pub case_number: String,
    /// The portfolio holder's name.
    pub portfolio_holder: String,
    /// Historie.
    pub history: String,
    /// Numbers of the documents in the history, in order.
    pub history_documents: Vec<String>,
    /// State.
    pub state: ProposalState,
    /// Doel.
    pub purpose: Purpose,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Duur.
    pub duration_minutes: u16,
    /// The market date the proposal names.
    pub market_date: Option<Date>,
    /// Voorzitter named.
    pub chair: Option<String>,
    /// Griffiemedewerker named.
    pub clerk: Option<String>,
    /// Zaal named.
    pub room: Option<String>,
    /// Expected attendance.
    pub expected_attendance: u16,
    /// Needs a livestream.
    pub needs_livestream: bool,
    /// Spreekrecht.
    pub speaking: SpeakingRules,
    /// Behandeladvies.
    pub programme: Vec<ProgrammeItemSeed>,
}

/// A session of an evening.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionSeed {
    /// The proposal's case number.
    pub proposal: String,
    /// Room, once planned.
    pub room: Option<String>,
    /// First round (1-based), once planned.
    pub first_round: Option<u8>,
    /// Consecutive rounds.
    pub round_count: u8,
    /// Chair's name.
    pub chair: Option<String>,
    /// Clerk's name.
    pub clerk: Option<String>,
    /// Spreekrecht for the session.
    pub speaking: SpeakingRules,
}

/// A registration to speak.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerSeed {
    /// The proposal's case number, which names the session.
    pub proposal: String,
    /// Name.
    pub name: String,
    /// E-mail address.
    pub email: String,
    /// Organisation.
    pub organisation: Option<String>,
    /// Topic.
    pub topic: String,
    /// May the name be published.
    pub publish_name: bool,
    /// Status.
    pub status: RegistrationStatus,
    /// When.
    pub registered_at: OffsetDateTime,
}

/// A market evening with its rounds and sessions; the date is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct EveningSeed {
    /// The day.
    pub date: Date,
    /// Title.
    pub title: String,
    /// Published, and when.
    pub published_at: Option<OffsetDateTime>,
    /// Rounds as (start, end).
    pub rounds: Vec<(Time, Time)>,
    /// Sessions.
    pub sessions: Vec<SessionSeed>,
    /// The pool of chairs, by name.
    pub chairs: Vec<String>,
    /// The pool of clerks, by name.
    pub clerks: Vec<String>,
    /// Who cannot be there in which round (from 1), by name.
    pub absences: Vec<(String, u8)>,
}

/// A programme (ontwikkelopgave).
#[derive(Debug, Clone, PartialEq)]
pub struct ProgrammeSeed {
    /// Code; the natural key.
    pub code: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
}

/// A partner organisation.
#[derive(Debug, Clone, PartialEq)]
pub struct PartnerSeed {
    /// Name; the natural key.
    pub name: String,
    /// Kind.
    pub kind: PartnerKind,
    /// Whether the organisation is fictional.
    pub fictional: bool,
}

/// An indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSeed {
    /// Code; the natural key.
    pub code: String,
    /// Name.
    pub name: String,
    /// Definition.
    pub definition: String,
    /// Unit.
    pub unit: Unit,
    /// Direction.
    pub direction: Direction,
    /// Theme.
    pub theme: Theme,
    /// Kind.
    pub kind: IndicatorKind,
    /// Source.
    pub source: String,
    /// Owner partner's name.
    pub owner: Option<String>,
    /// Status.
    pub status: IndicatorStatus,
    /// Case number of the proposal whose session proposed it.
    pub proposed_in: Option<String>,
    /// Key indicator.
    pub is_key: bool,
    /// Published.
    pub is_published: bool,
    /// Decimals.
    pub decimals: u8,
    /// Programme codes.
    pub programmes: Vec<String>,
}

/// A measurement.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementSeed {
    /// Indicator code.
    pub indicator: String,
    /// Area code.
    pub area: AreaCode,
    /// Period.
    pub period: Period,
    /// Value.
    pub value: f64,
    /// Respondents.
    pub sample_size: Option<u32>,
    /// Margin of error.
    pub margin: Option<f64>,
}

/// Inhabitants of an area in a year.
#[derive(Debug, Clone, PartialEq)]
pub struct PopulationSeed {
    /// Area code.
    pub area: AreaCode,
    /// Period.
    pub period: Period,
    /// Inhabitants.
    pub inhabitants: u32,
}

/// A target.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetSeed {
    /// Indicator code.
    pub indicator: String,
    /// Area code (the gemeente for city-wide).
    pub area: AreaCode,
    /// Value to reach.
    pub value: f64,
    /// By when.
    pub target_period: Period,
    /// Starting point.
    pub baseline_period: Period,
    /// Why.
    pub note: String,
}

/// A priority on a wijkagenda; (area, year, position) is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct PrioritySeed {
    /// The wijk.
    pub area: AreaCode,
    /// Year.
    pub year: i32,
    /// Position.
    pub position: u16,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
}

/// An action on a wijkagenda; (area, title) is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionSeed {
    /// The wijk.
    pub area: AreaCode,
    /// The priority's position on the agenda of `year`.
    pub priority: u16,
    /// The agenda's year.
    pub year: i32,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Owner partner's name.
    pub owner: Option<String>,
    /// Programme code.
    pub programme: String,
    /// Indicator codes.
    pub indicators: Vec<String>,
    /// Status.
    pub status: ActionStatus,
    /// Start.
    pub start_date: Date,
    /// End.
    pub end_date: Date,
    /// Budget in cents.
    pub budget_cents: i64,
}

/// A residents' initiative; (area, title) is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct InitiativeSeed {
    /// Area.
    pub area: AreaCode,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Submitter.
    pub submitter_name: String,
    /// Submitter's address.
    pub submitter_email: String,
    /// Budget asked.
    pub requested_budget_cents: i64,
    /// Status.
    pub status: InitiativeStatus,
    /// Reviewer's note.
    pub review_note: Option<String>,
    /// When.
    pub submitted_at: OffsetDateTime,
}

/// An active resident; (area, name) is the natural key.
#[derive(Debug, Clone, PartialEq)]
pub struct ActiveResidentSeed {
    /// Area.
    pub area: AreaCode,
    /// Name.
    pub name: String,
    /// Activity.
    pub activity: Activity,
    /// The initiative's title, for initiative members.
    pub initiative: Option<String>,
    /// First day.
    pub registered_on: Date,
}

/// A demo account, one per role. Its password is not part of the data: whoever loads the demo
/// chooses or generates it, and shows it once.
#[derive(Debug, Clone, PartialEq)]
pub struct AccountSeed {
    /// Sign-in address; the natural key.
    pub email: EmailAddress,
    /// Name shown.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The person's name, for accounts of people in the council process.
    pub person: Option<String>,
    /// The partner's name, for the partner role.
    pub partner: Option<String>,
}

/// The whole demo data set.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoData {
    /// The anchor date it was generated for.
    pub anchor: Date,
    /// The municipality.
    pub body: BodySeed,
    /// Gemeente, wijken and buurten, parents first.
    pub areas: Vec<AreaRecord>,
    /// Inhabitants per area and year.
    pub populations: Vec<PopulationSeed>,
    /// Party groups.
    pub parties: Vec<PartySeed>,
    /// People.
    pub persons: Vec<PersonSeed>,
    /// Their functions.
    pub memberships: Vec<MembershipSeed>,
    /// Rooms.
    pub rooms: Vec<RoomSeed>,
    /// Documents named in histories.
    pub documents: Vec<DocumentSeed>,
    /// Proposals.
    pub proposals: Vec<ProposalSeed>,
    /// Market evenings.
    pub evenings: Vec<EveningSeed>,
    /// Registrations to speak.
    pub speakers: Vec<SpeakerSeed>,
    /// Programmes.
    pub programmes: Vec<ProgrammeSeed>,
    /// Partners.
    pub partners: Vec<PartnerSeed>,
    /// Indicators.
    pub indicators: Vec<IndicatorSeed>,
    /// Measurements.
    pub measurements: Vec<MeasurementSeed>,
    /// Targets.
    pub targets: Vec<TargetSeed>,
    /// Wijkagenda priorities.
    pub priorities: Vec<PrioritySeed>,
    /// Wijkagenda actions.
    pub actions: Vec<ActionSeed>,
    /// Residents' initiatives.
    pub initiatives: Vec<InitiativeSeed>,
    /// Active residents.
    pub active_residents: Vec<ActiveResidentSeed>,
    /// Wijkcoördinatoren: (wijk, person's name).
    pub coordinators: Vec<(AreaCode, String)>,
    /// One account per role.
    pub accounts: Vec<AccountSeed>,
    /// The recorded outcome of the seed's session.
    pub outcome: OutcomeSeed,
}

/// A party's contribution to a question of the seed's programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionSeed {
    /// The programme item's position.
    pub item: u16,
    /// The question's position under it.
    pub question: u16,
    /// The party's abbreviation.
    pub party: String,
    /// What it said.
    pub text: String,
}

/// An indicator proposed in the seed's session, by code, with the party that proposed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedIndicatorSeed {
    /// The indicator's code.
    pub code: String,
    /// The party's abbreviation.
    pub party: String,
}

/// The recorded outcome of a session (the seed's): minutes, contributions, one commitment, and
/// the indicators proposed there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeSeed {
    /// The case number of the proposal whose (first) session it is.
    pub proposal: String,
    /// The minutes.
    pub minutes: String,
    /// The contributions.
    pub contributions: Vec<ContributionSeed>,
    /// Who made the commitment.
    pub commitment_holder: String,
    /// What was promised; due on the default date.
    pub commitment: String,
    /// The programme code it serves.
    pub commitment_programme: String,
    /// The indicators proposed there.
    pub indicators: Vec<ProposedIndicatorSeed>,
}

/// Why the demo could not be generated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DemoError {
    /// The areas file was refused.
    #[error("the areas file is not a valid division: {0}")]
    Areas(#[from] Problems),
    /// The areas file lacks what the demo needs.
    #[error("the areas file must hold exactly one gemeente with wijken and buurten: {0}")]
    Shape(String),
}

/// Generates the demo data for an anchor date from a division file (see
/// [`HENGELO_AREAS_CSV`]). The same inputs always give the same data.
pub fn generate(anchor: Date, areas_csv: &str) -> Result<DemoData, DemoError> {
    let areas = parse_area_csv(areas_csv, &HashSet::new())?;
    let mut random = fastrand::Rng::with_seed(DEMO_SEED);
    let council = council::generate(anchor, &mut random);
    let monitor = monitor::generate(anchor, &areas, &council, &mut random)?;
    let accounts = accounts(&monitor.body, &council.account_holders, monitor::DEMO_PARTNER)?;
    Ok(DemoData {
        anchor,
        body: monitor.body,
        areas,
        populations: monitor.populations,
        parties: council.parties,
        persons: council.persons,
        memberships: council.memberships,
        rooms: council.rooms,
        documents: council.documents,
        proposals: council.proposals,
        evenings: council.evenings,
        speakers: council.speakers,
        programmes: monitor.programmes,
        partners: monitor.partners,
        indicators: monitor.indicators,
        measurements: monitor.measurements,
        targets: monitor.targets,
        priorities: monitor.priorities,
        actions: monitor.actions,
        initiatives: monitor.initiatives,
        active_residents: monitor.active_residents,
        coordinators: monitor.coordinators,
        accounts,
        outcome: outcome::seed_outcome(),
    })
}

/// One account per role, at addresses on the reserved `.example` domain named after the
/// municipality (`griffie@hengelo.example`).
fn accounts(body: &BodySeed, holders: &council::AccountHolders, partner: &str) -> Result<Vec<AccountSeed>, DemoError> {
    let place: String = body
        .name
        .trim_start_matches("Gemeente ")
        .to_lowercase()
        .chars()
        .filter(|character| character.is_ascii_alphanumeric() || *character == '-')
        .collect();
    let account = |local: &str, display_name: &str, role: Role, person: Option<&String>, partner: Option<&str>| {
        let email = format!("{local}@{place}.example")
            .parse()
            .map_err(|error: crate::access::InvalidEmailAddress| DemoError::Shape(error.to_string()))?;
        Ok::<_, DemoError>(AccountSeed {
            email,
            display_name: display_name.to_owned(),
            role,
            person: person.cloned(),
            partner: partner.map(ToOwned::to_owned),
        })
    };
    Ok(vec![
        account("griffie", &holders.clerk, Role::Griffie, Some(&holders.clerk), None)?,
        account("college", &holders.civil_servant, Role::College, Some(&holders.civil_servant), None)?,
        account("raadslid", &holders.councillor, Role::Councillor, Some(&holders.councillor), None)?,
        account("partner", &format!("Medewerker {partner}"), Role::Partner, None, Some(partner))?,
        account("beheer", "Functioneel beheerder", Role::Admin, None, None)?,
    ])
}

#[cfg(test)]
mod tests;
