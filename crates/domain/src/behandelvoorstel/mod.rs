//! The behandelvoorstel as a document: what its text says, field by field, with the names as
//! written. [`parse`] reads it from the text extracted from its PDF; the render crate writes it
//! back as HTML and PDF in the same layout; the store links its names to people, rooms and
//! documents when it is imported.

mod note;
mod parse;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Date;

pub use note::{DatedIn, Field, Note};
pub use parse::{ParseError, ParseOptions, decode, parse};

use crate::proposal::{Domain, Purpose};

/// The history (historie) of the subject: its text and the numbers of the documents it names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    /// The text, paragraphs separated by a blank line; "Geen." when there is none.
    pub text: String,
    /// Every document number in the text, in order; "A / B" is two numbers.
    pub documents: Vec<String>,
}

/// A numbered item of the proposed programme (behandeladvies).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProgrammeEntry {
    /// Its number, from 1.
    pub number: u16,
    /// The item's text, continuation lines joined.
    pub text: String,
    /// The questions under the item: the bullets that follow it, and after "aan de hand van de
    /// volgende vragen:" the lines that end in "?", bullet or not.
    pub questions: Vec<String>,
}

/// The public's right to speak (spreekrecht publiek), as the document states it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PublicSpeaking {
    /// Whether the public may speak; `None` when the document does not say (tick boxes are lost
    /// in the extracted text).
    pub allowed: Option<bool>,
    /// Minutes per speaker, when stated.
    pub minutes_per_speaker: Option<u16>,
    /// The text after "duur:", e.g. "Geïnteresseerden kunnen meespreken. …".
    pub note: Option<String>,
}

/// What a behandelvoorstel says. Every field the document can leave out or garble is optional;
/// `warnings` lists what could not be read and every guess that was made.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ProposalDocument {
    /// Onderwerp.
    pub subject: Option<String>,
    /// Zaaknummer.
    pub case_number: Option<String>,
    /// Portefeuillehouder, as written.
    pub portfolio_holder: Option<String>,
    /// Historie.
    pub history: History,
    /// The date of the Politieke Markt (ISO in JSON).
    #[serde(with = "iso_date")]
    pub market_date: Option<Date>,
    /// Voorzitter, as written.
    pub chair: Option<String>,
    /// Griffiemedewerker, as written.
    pub clerk: Option<String>,
    /// Zaal, as written.
    pub room: Option<String>,
    /// Domein(en), as the document capitalises them in JSON: "Fysiek", "Bestuur", "Sociaal".
    #[serde(serialize_with = "domain_labels", deserialize_with = "domains_from_labels")]
    pub domains: Vec<Domain>,
    /// Duur in minutes.
    pub duration_minutes: Option<u16>,
    /// Doel van de sessie, as the document capitalises it in JSON: "Beeldvorming".
    #[serde(serialize_with = "purpose_as_label", deserialize_with = "purpose_from_label")]
    pub purpose: Option<Purpose>,
    /// Behandeladvies.
    pub programme: Vec<ProgrammeEntry>,
    /// Spreekrecht publiek.
    pub public_speaking: PublicSpeaking,
    /// What could not be read, and every guess made.
    pub warnings: Vec<Note>,
}

/// How the document writes a domain: "Fysiek".
pub fn domain_label(domain: Domain) -> &'static str {
    match domain {
        Domain::Physical => "Fysiek",
        Domain::Governance => "Bestuur",
        Domain::Social => "Sociaal",
    }
}

/// How the document writes a purpose: "Beeldvorming".
pub fn purpose_label(purpose: Purpose) -> &'static str {
    match purpose {
        Purpose::Informing => "Beeldvorming",
        Purpose::OpinionForming => "Oordeelsvorming",
        Purpose::DecisionMaking => "Besluitvorming",
    }
}

fn domain_labels<S: Serializer>(domains: &[Domain], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(domains.iter().map(|domain| domain_label(*domain)))
}

fn domains_from_labels<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Domain>, D::Error> {
    let labels = Vec::<String>::deserialize(deserializer)?;
    labels.iter().map(|label| label.parse().map_err(serde::de::Error::custom)).collect()
}

#[allow(clippy::ref_option)] // serde hands serialize_with a reference to the field
fn purpose_as_label<S: Serializer>(purpose: &Option<Purpose>, serializer: S) -> Result<S::Ok, S::Error> {
    match purpose {
        Some(purpose) => serializer.serialize_str(self::purpose_label(*purpose)),
        None => serializer.serialize_none(),
    }
}

fn purpose_from_label<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Purpose>, D::Error> {
    Option::<String>::deserialize(deserializer)?
        .map(|label| label.parse().map_err(serde::de::Error::custom))
        .transpose()
}

mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;
    use time::macros::format_description;

    #[allow(clippy::ref_option)] // serde hands `with` modules a reference to the field
    pub(super) fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&date.to_string()),
            None => serializer.serialize_none(),
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| {
                Date::parse(&text, format_description!("[year]-[month]-[day]")).map_err(serde::de::Error::custom)
            })
            .transpose()
    }
}
