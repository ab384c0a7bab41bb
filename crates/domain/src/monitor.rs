//! The neighbourhood monitor: areas as stored, programmes (ontwikkelopgaven), partners, success
//! indicators, their measurements per area and period, and targets.

use crate::area::{AreaCode, AreaLevel};
use crate::code_enum::code_enum;
use crate::id::Id;
use crate::market::Session;
use crate::people::Person;
use crate::period::Period;

/// An area as stored: a gemeente, wijk or buurt.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Area {
    /// Identifier.
    pub id: Id<Area>,
    /// CBS code.
    pub code: AreaCode,
    /// Name.
    pub name: String,
    /// Level.
    pub level: AreaLevel,
    /// The area it lies in.
    pub parent_id: Option<Id<Area>>,
    /// The wijkcoördinator, for a wijk.
    pub coordinator_id: Option<Id<Person>>,
}

/// A development programme that indicators and actions belong to (ontwikkelopgave).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Programme {
    /// Identifier.
    pub id: Id<Programme>,
    /// Short code, e.g. `omgevingsvisie`.
    pub code: String,
    /// Name, e.g. "Omgevingsvisie".
    pub name: String,
    /// What the programme is about.
    pub description: Option<String>,
}

code_enum! {
    /// The kind of a partner organisation.
    pub enum PartnerKind {
        /// Housing corporation (woningcorporatie), such as Welbions.
        HousingCorporation = "woningcorporatie",
        /// Welfare organisation (welzijn).
        Welfare = "welzijn",
        /// Health care (zorg).
        Care = "zorg",
        /// Police (politie).
        Police = "politie",
        /// Education (onderwijs).
        Education = "onderwijs",
        /// Residents' association (bewonersorganisatie).
        ResidentsAssociation = "bewonersorganisatie",
        /// Any other kind.
        Other = "overig",
    }
}

/// An organisation that owns actions and indicators together with the municipality.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Partner {
    /// Identifier.
    pub id: Id<Partner>,
    /// Name, e.g. "Welbions".
    pub name: String,
    /// Kind.
    pub kind: PartnerKind,
    /// Public website.
    pub website: Option<String>,
}

code_enum! {
    /// The unit an indicator is measured in.
    pub enum Unit {
        /// A percentage, 0–100.
        Percentage = "percentage",
        /// A count.
        Count = "aantal",
        /// A number per 1,000 inhabitants.
        PerThousand = "per_1000",
        /// A report mark from 1 to 10 (rapportcijfer).
        Score = "score_1_10",
        /// A scale from 0 to 10.
        Scale = "schaal_0_10",
    }
}

impl Unit {
    /// The smallest and largest values the unit allows, where it bounds them.
    pub fn bounds(self) -> Option<(f64, f64)> {
        match self {
            Unit::Percentage => Some((0.0, 100.0)),
            Unit::Score => Some((1.0, 10.0)),
            Unit::Scale => Some((0.0, 10.0)),
            Unit::Count | Unit::PerThousand => None,
        }
    }
}

code_enum! {
    /// Which way is good for an indicator.
    pub enum Direction {
        /// Higher values are better.
        HigherIsBetter = "hoger_is_beter",
        /// Lower values are better.
        LowerIsBetter = "lager_is_beter",
        /// Neither; the indicator describes.
        Neutral = "neutraal",
    }
}

code_enum! {
    /// The theme an indicator belongs to; the index has a score per theme.
    pub enum Theme {
        /// Social: cohesion, health, loneliness.
        Social = "sociaal",
        /// Physical: housing, public space, sustainability.
        Physical = "fysiek",
        /// Safety: crime, nuisance, perceived safety.
        Safety = "veiligheid",
        /// Participation: active residents, volunteering.
        Participation = "participatie",
    }
}

code_enum! {
    /// Whether an indicator counts registrations or asks residents.
    pub enum IndicatorKind {
        /// From registrations (objectief).
        Objective = "objectief",
        /// From a survey (subjectief).
        Subjective = "subjectief",
    }
}

code_enum! {
    /// Where an indicator stands with the council.
    pub enum IndicatorStatus {
        /// Proposed, e.g. in a session, not yet adopted.
        Candidate = "kandidaat",
        /// Adopted: the council judges success by it.
        Adopted = "vastgesteld",
        /// No longer used.
        Retired = "vervallen",
    }
}

/// A success indicator (succesindicator).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Indicator {
    /// Identifier.
    pub id: Id<Indicator>,
    /// Short code used in files, e.g. `VEILIGHEIDSBELEVING`.
    pub code: String,
    /// Name.
    pub name: String,
    /// Exactly what is measured and how.
    pub definition: String,
    /// Unit.
    pub unit: Unit,
    /// Which way is good.
    pub direction: Direction,
    /// Theme.
    pub theme: Theme,
    /// Registration or survey.
    pub kind: IndicatorKind,
    /// Where the figures come from, e.g. "Veiligheidsmonitor".
    pub source: String,
    /// The partner responsible, if not the municipality.
    pub owner_partner_id: Option<Id<Partner>>,
    /// Status.
    pub status: IndicatorStatus,
    /// The session in which it was proposed (provenance).
    pub proposed_in_session_id: Option<Id<Session>>,
    /// Whether it is one of the key indicators of the city overview.
    pub is_key: bool,
    /// Whether the public may see it.
    pub is_published: bool,
    /// Decimals to show.
    pub decimals: u8,
}

/// A value of an indicator for an area and period.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Measurement {
    /// The indicator.
    pub indicator_id: Id<Indicator>,
    /// The area.
    pub area_id: Id<Area>,
    /// The period.
    pub period: Period,
    /// The value, in the indicator's unit.
    pub value: f64,
    /// Respondents, for survey figures.
    pub sample_size: Option<u32>,
    /// Margin of error (95 %), in the indicator's unit.
    pub margin: Option<f64>,
    /// Where this value comes from, if it differs from the indicator's source.
    pub source_note: Option<String>,
}

/// The number of inhabitants of an area in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Population {
    /// The area.
    pub area_id: Id<Area>,
    /// The period.
    pub period: Period,
    /// Inhabitants.
    pub inhabitants: u32,
}

/// A target for an indicator, for the city (the gemeente area) or one area.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Target {
    /// Identifier.
    pub id: Id<Target>,
    /// The indicator.
    pub indicator_id: Id<Indicator>,
    /// The area; the gemeente for a city-wide target.
    pub area_id: Id<Area>,
    /// The value to reach.
    pub value: f64,
    /// By when.
    pub target_period: Period,
    /// The period whose value is the starting point.
    pub baseline_period: Period,
    /// Why this target, in words.
    pub note: Option<String>,
}
