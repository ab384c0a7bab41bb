//! The body (gemeente) and its people: councillors, aldermen, clerks, chairs and civil servants,
//! their party groups (fracties) and the functions they hold.

use time::Date;

use crate::area::AreaCode;
use crate::code_enum::code_enum;
use crate::id::Id;

/// The municipality whose council and neighbourhoods wijkbeeld serves (OParl's *Body*).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Body {
    /// Identifier.
    pub id: Id<Body>,
    /// Name, e.g. "Gemeente Hengelo".
    pub name: String,
    /// CBS municipality code, e.g. `GM0164`.
    pub cbs_code: AreaCode,
    /// Public website.
    pub website: Option<String>,
}

/// A person who takes part in the council process.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    /// Identifier.
    pub id: Id<Person>,
    /// Full name as written, e.g. "Vincent ten Voorde".
    pub name: String,
    /// Work e-mail address, never published.
    pub email: Option<String>,
}

/// A party group in the council (fractie; OParl's *Organization* of type fraction).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Party {
    /// Identifier.
    pub id: Id<Party>,
    /// Full name.
    pub name: String,
    /// Abbreviation used in grids and lists.
    pub short_name: String,
}

code_enum! {
    /// A function a person holds in the body; one person may hold several.
    pub enum Function {
        /// Member of the council (raadslid), normally for a party.
        Councillor = "raadslid",
        /// Member of the council's group who is not an elected member (burgerlid, fractievertegenwoordiger).
        PartyRepresentative = "fractievertegenwoordiger",
        /// Alderman (wethouder), holding portfolios.
        Alderman = "wethouder",
        /// Mayor (burgemeester).
        Mayor = "burgemeester",
        /// Council clerk (griffiemedewerker); the pool of session clerks.
        Clerk = "griffiemedewerker",
        /// Designated chair of market sessions (voorzitter); the pool of chairs.
        Chair = "voorzitter",
        /// Civil servant (ambtenaar).
        CivilServant = "ambtenaar",
        /// Project leader of a programme.
        ProjectLeader = "projectleider",
        /// Civil servant who coordinates a wijk.
        DistrictCoordinator = "wijkcoordinator",
    }
}

/// That a person holds a function, from a date, possibly for a party or with a portfolio
/// (OParl's *Membership*).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Membership {
    /// Identifier.
    pub id: Id<Membership>,
    /// Who.
    pub person_id: Id<Person>,
    /// Which function.
    pub function: Function,
    /// The party group, for councillors.
    pub party_id: Option<Id<Party>>,
    /// The portfolio, for aldermen, e.g. "Wijkgericht werken, Sociaal domein".
    pub portfolio: Option<String>,
    /// First day, when known.
    pub start_date: Option<Date>,
    /// Last day, when it has ended.
    pub end_date: Option<Date>,
}

/// Whether two written names name the same person: alike but for case (in any script), spaces
/// and stray punctuation around the words ("Vincent  ten Voorde", "vincent ten voorde.").
pub fn same_person_name(first: &str, second: &str) -> bool {
    name_words(first).eq(name_words(second))
}

/// Whether two written names name the same room: as [`same_person_name`], and an article before
/// it is no part of it ("de Raadzaal" is the Raadzaal).
pub fn same_room_name(first: &str, second: &str) -> bool {
    let words = |name: &str| {
        let mut words: Vec<String> = name_words(name).collect();
        if words.len() > 1 && ["de", "het", "the"].contains(&words[0].as_str()) {
            words.remove(0);
        }
        words
    };
    words(first) == words(second)
}

fn name_words(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split_whitespace()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').to_lowercase())
        .filter(|word| !word.is_empty())
}

#[cfg(test)]
mod name_tests {
    use super::{same_person_name, same_room_name};

    #[test]
    fn names_match_whatever_their_case_spaces_and_article() {
        assert!(same_person_name("Vincent ten Voorde", "  vincent  TEN voorde. "));
        assert!(same_person_name("Marie-José Luttikholt", "MARIE-JOSÉ LUTTIKHOLT"));
        assert!(!same_person_name("Vincent ten Voorde", "Vincent Voorde"));
        assert!(same_room_name("Raadzaal", "de Raadzaal"));
        assert!(same_room_name("Commissiekamer 1", "commissiekamer  1"));
        assert!(!same_room_name("Commissiekamer 1", "Commissiekamer 2"));
        assert!(!same_room_name("Raadzaal", "Burgerzaal"));
    }
}
