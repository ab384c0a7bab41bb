//! What the parser could not read and every guess it made, as data: the web renders each note
//! from its locale files in the reader's language, the command line prints the English
//! [`Display`](std::fmt::Display) text, and the JSON of a parsed document carries the fields.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A field of the behandelvoorstel that a note is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Onderwerp.
    Subject,
    /// Zaaknummer.
    CaseNumber,
    /// Portefeuillehouder.
    PortfolioHolder,
    /// Historie.
    History,
    /// The date of the Politieke Markt.
    MarketDate,
    /// Voorzitter.
    Chair,
    /// Griffiemedewerker.
    Clerk,
    /// Zaal.
    Room,
    /// Domein(en).
    Domains,
    /// Duur.
    DurationMinutes,
    /// Doel van de sessie.
    Purpose,
    /// Behandeladvies.
    Programme,
    /// Spreekrecht publiek.
    PublicSpeaking,
}

impl Field {
    /// The stable code: the field's name in the JSON of a document ("market_date").
    pub fn code(self) -> &'static str {
        match self {
            Field::Subject => "subject",
            Field::CaseNumber => "case_number",
            Field::PortfolioHolder => "portfolio_holder",
            Field::History => "history",
            Field::MarketDate => "market_date",
            Field::Chair => "chair",
            Field::Clerk => "clerk",
            Field::Room => "room",
            Field::Domains => "domains",
            Field::DurationMinutes => "duration_minutes",
            Field::Purpose => "purpose",
            Field::Programme => "programme",
            Field::PublicSpeaking => "public_speaking",
        }
    }

    /// How the template labels the field (the same in every language: it is the document's).
    pub fn label(self) -> &'static str {
        match self {
            Field::Subject => "Onderwerp",
            Field::CaseNumber => "Zaaknummer",
            Field::PortfolioHolder => "Portefeuillehouder",
            Field::History => "Historie",
            Field::MarketDate => "Politieke Markt",
            Field::Chair => "Voorzitter",
            Field::Clerk => "Griffiemedewerker",
            Field::Room => "Zaal",
            Field::Domains => "Domein",
            Field::DurationMinutes => "Duur",
            Field::Purpose => "Doel van de sessie",
            Field::Programme => "Behandeladvies",
            Field::PublicSpeaking => "Spreekrecht publiek",
        }
    }
}

/// Where the latest dated event was found that gave a market date its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatedIn {
    /// In the history.
    History,
    /// Elsewhere in the text.
    Text,
}

/// One thing the parser could not read, or a guess it made. Texts quoted from the document are
/// kept as written; everything else is a code or a number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "note", rename_all = "snake_case")]
pub enum Note {
    /// The label of the field is not in the text.
    Missing {
        /// The field.
        field: Field,
    },
    /// The label is there with nothing after it.
    Empty {
        /// The field.
        field: Field,
    },
    /// The session header ("Voorzitter Griffiemedewerker Zaal Domein Duur") is not in the text.
    NoSessionHeader {
        /// The field of the session row that is therefore unknown.
        field: Field,
    },
    /// "Zaaknummer" is followed by no number.
    NoCaseNumber {
        /// What follows it.
        text: String,
    },
    /// "Politieke Markt" is followed by no date.
    NoMarketDate {
        /// What follows it.
        text: String,
    },
    /// The market date has no year; the year given with the import was taken.
    YearAsGiven {
        /// The date as written ("26 september").
        date: String,
        /// The year taken.
        year: i32,
    },
    /// The market date has no year; the year of the latest dated event was taken.
    YearOfLatestDate {
        /// The date as written.
        date: String,
        /// The year taken.
        year: i32,
        /// The latest dated event as written ("27 juni 2023").
        latest: String,
        /// Where that event was found.
        dated_in: DatedIn,
    },
    /// The market date has no year; the first year in which it falls after the latest dated event
    /// was taken.
    YearAfterLatestDate {
        /// The date as written.
        date: String,
        /// The year taken.
        year: i32,
        /// The latest dated event as written.
        latest: String,
        /// Where that event was found.
        dated_in: DatedIn,
    },
    /// The market date has no year and nothing in the text is dated; this year was taken.
    YearThisYear {
        /// The date as written.
        date: String,
        /// The year taken.
        year: i32,
    },
    /// The market date does not exist (29 februari in a year that is not a leap year).
    NoSuchDate {
        /// The date as written.
        text: String,
    },
    /// The purpose is none of Beeldvorming, Oordeelsvorming, Besluitvorming.
    UnknownPurpose {
        /// What the document says.
        text: String,
    },
    /// The purpose names more than one; the first was taken.
    SeveralPurposes {
        /// What the document says.
        text: String,
    },
    /// The programme has no numbered items.
    NoProgrammeItems,
    /// The programme's first item is not numbered 1.
    FirstItemNumber {
        /// The line of the text.
        line: usize,
        /// Its number.
        number: u16,
    },
    /// A programme item does not follow the one before it.
    ItemOutOfOrder {
        /// The line of the text.
        line: usize,
        /// Its number.
        number: u16,
        /// The number before it.
        previous: u16,
    },
    /// A bullet before the first numbered item was skipped.
    BulletBeforeFirstItem {
        /// The line of the text.
        line: usize,
        /// The bullet's text.
        text: String,
    },
    /// A programme item has no text.
    ItemWithoutText {
        /// Its number.
        number: u16,
    },
    /// Words after the duration in the session row were ignored.
    IgnoredAfterDuration {
        /// The words.
        text: String,
    },
    /// The session row ends in no duration ("90 min").
    NoDuration {
        /// The session row.
        row: String,
    },
    /// The session row names no domain.
    NoDomain {
        /// The session row.
        row: String,
    },
    /// Words between the room and the domains were ignored.
    IgnoredAfterRoom {
        /// The words.
        text: String,
        /// The room.
        room: String,
    },
    /// The room is not one of the rooms the database knows; it was read by its name.
    RoomReadByName {
        /// The room as written.
        room: String,
    },
    /// The session row says the room, chair or clerk is not known yet ("n.t.b.").
    NotYetKnown {
        /// The field.
        field: Field,
    },
    /// The session row names no room.
    NoRoom {
        /// The session row.
        row: String,
    },
    /// The names of chair and clerk can be split in more than one way.
    AmbiguousNames {
        /// The names as written.
        names: String,
        /// The chair taken ("?" when none).
        chair: String,
        /// The clerk taken.
        clerk: String,
    },
    /// A name is not one of the people the database knows.
    PersonNotKnown {
        /// Chair or clerk.
        field: Field,
        /// The name.
        name: String,
    },
    /// The session row names one person, taken as the chair.
    OnePersonOnly {
        /// The name.
        name: String,
    },
    /// The session row names no one.
    NoNames {
        /// Chair or clerk.
        field: Field,
    },
    /// The names could not be read as those of chair and clerk.
    UnreadableNames {
        /// Chair or clerk.
        field: Field,
        /// The names as written.
        names: String,
    },
    /// The tick boxes and the text after them disagree on whether the public may speak; the
    /// text was taken.
    SpeakingContradicts {
        /// What the boxes say.
        form: bool,
        /// What the text says (and was taken).
        text: bool,
    },
    /// Nothing says whether the public may speak.
    SpeakingUnknown,
    /// The minutes after "duur:" were taken as the time per speaker.
    MinutesPerSpeakerGuessed {
        /// The minutes.
        minutes: u16,
    },
    /// The room is not in the database, so the stored proposal names none (written by the
    /// import, not the parser).
    RoomNotStored {
        /// The room as written.
        room: String,
    },
}

impl Note {
    /// The stable code of the kind of note ("year_as_given"): the locale files' key is
    /// `import-note-` with it, `_` as `-`.
    pub fn code(&self) -> &'static str {
        match self {
            Note::Missing { .. } => "missing",
            Note::Empty { .. } => "empty",
            Note::NoSessionHeader { .. } => "no_session_header",
            Note::NoCaseNumber { .. } => "no_case_number",
            Note::NoMarketDate { .. } => "no_market_date",
            Note::YearAsGiven { .. } => "year_as_given",
            Note::YearOfLatestDate { .. } => "year_of_latest_date",
            Note::YearAfterLatestDate { .. } => "year_after_latest_date",
            Note::YearThisYear { .. } => "year_this_year",
            Note::NoSuchDate { .. } => "no_such_date",
            Note::UnknownPurpose { .. } => "unknown_purpose",
            Note::SeveralPurposes { .. } => "several_purposes",
            Note::NoProgrammeItems => "no_programme_items",
            Note::FirstItemNumber { .. } => "first_item_number",
            Note::ItemOutOfOrder { .. } => "item_out_of_order",
            Note::BulletBeforeFirstItem { .. } => "bullet_before_first_item",
            Note::ItemWithoutText { .. } => "item_without_text",
            Note::IgnoredAfterDuration { .. } => "ignored_after_duration",
            Note::NoDuration { .. } => "no_duration",
            Note::NoDomain { .. } => "no_domain",
            Note::IgnoredAfterRoom { .. } => "ignored_after_room",
            Note::RoomReadByName { .. } => "room_read_by_name",
            Note::NotYetKnown { .. } => "not_yet_known",
            Note::NoRoom { .. } => "no_room",
            Note::AmbiguousNames { .. } => "ambiguous_names",
            Note::PersonNotKnown { .. } => "person_not_known",
            Note::OnePersonOnly { .. } => "one_person_only",
            Note::NoNames { .. } => "no_names",
            Note::UnreadableNames { .. } => "unreadable_names",
            Note::SpeakingContradicts { .. } => "speaking_contradicts",
            Note::SpeakingUnknown => "speaking_unknown",
            Note::MinutesPerSpeakerGuessed { .. } => "minutes_per_speaker_guessed",
            Note::RoomNotStored { .. } => "room_not_stored",
        }
    }

    /// Every code, for the test that each has its words in the locale files.
    pub const CODES: &'static [&'static str] = &[
        "missing",
        "empty",
        "no_session_header",
        "no_case_number",
        "no_market_date",
        "year_as_given",
        "year_of_latest_date",
        "year_after_latest_date",
        "year_this_year",
        "no_such_date",
        "unknown_purpose",
        "several_purposes",
        "no_programme_items",
        "first_item_number",
        "item_out_of_order",
        "bullet_before_first_item",
        "item_without_text",
        "ignored_after_duration",
        "no_duration",
        "no_domain",
        "ignored_after_room",
        "room_read_by_name",
        "not_yet_known",
        "no_room",
        "ambiguous_names",
        "person_not_known",
        "one_person_only",
        "no_names",
        "unreadable_names",
        "speaking_contradicts",
        "speaking_unknown",
        "minutes_per_speaker_guessed",
        "room_not_stored",
    ];

    /// The field the note is about.
    pub fn field(&self) -> Field {
        match self {
            Note::Missing { field }
            | Note::Empty { field }
            | Note::NoSessionHeader { field }
            | Note::NotYetKnown { field }
            | Note::PersonNotKnown { field, .. }
            | Note::NoNames { field }
            | Note::UnreadableNames { field, .. } => *field,
            Note::NoCaseNumber { .. } => Field::CaseNumber,
            Note::NoMarketDate { .. }
            | Note::YearAsGiven { .. }
            | Note::YearOfLatestDate { .. }
            | Note::YearAfterLatestDate { .. }
            | Note::YearThisYear { .. }
            | Note::NoSuchDate { .. } => Field::MarketDate,
            Note::UnknownPurpose { .. } | Note::SeveralPurposes { .. } => Field::Purpose,
            Note::NoProgrammeItems
            | Note::FirstItemNumber { .. }
            | Note::ItemOutOfOrder { .. }
            | Note::BulletBeforeFirstItem { .. }
            | Note::ItemWithoutText { .. } => Field::Programme,
            Note::IgnoredAfterDuration { .. } | Note::NoDuration { .. } => Field::DurationMinutes,
            Note::NoDomain { .. } => Field::Domains,
            Note::IgnoredAfterRoom { .. }
            | Note::RoomReadByName { .. }
            | Note::NoRoom { .. }
            | Note::RoomNotStored { .. } => Field::Room,
            Note::AmbiguousNames { .. } | Note::OnePersonOnly { .. } => Field::Chair,
            Note::SpeakingContradicts { .. } | Note::SpeakingUnknown | Note::MinutesPerSpeakerGuessed { .. } => {
                Field::PublicSpeaking
            }
        }
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The English text, for the command line and logs (the web has its own words for each note).
impl fmt::Display for Note {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Missing { field: field @ (Field::Programme | Field::PublicSpeaking) } => {
                write!(formatter, "{}: no \"{}\"", field.code(), field.label())
            }
            Note::Missing { field } => write!(formatter, "{}: \"{}\" is missing", field.code(), field.label()),
            Note::Empty { field } => write!(formatter, "{}: \"{}\" is empty", field.code(), field.label()),
            Note::NoSessionHeader { field } => write!(
                formatter,
                "{}: no session header (\"Voorzitter Griffiemedewerker Zaal Domein Duur\")",
                field.code()
            ),
            Note::NoCaseNumber { text } => {
                write!(formatter, "case_number: no number after \"Zaaknummer\" (\"{text}\")")
            }
            Note::NoMarketDate { text } => {
                write!(formatter, "market_date: no date after \"Politieke Markt\" (\"{text}\")")
            }
            Note::YearAsGiven { date, year } => {
                write!(formatter, "market_date: \"{date}\" has no year; took {year}, as given")
            }
            Note::YearOfLatestDate { date, year, latest, dated_in } => write!(
                formatter,
                "market_date: \"{date}\" has no year; took {year}, the year of the latest date in {} ({latest})",
                place(*dated_in)
            ),
            Note::YearAfterLatestDate { date, year, latest, dated_in } => write!(
                formatter,
                "market_date: \"{date}\" has no year; took {year}, the first year in which it falls after the latest \
                 date in {} ({latest})",
                place(*dated_in)
            ),
            Note::YearThisYear { date, year } => write!(
                formatter,
                "market_date: \"{date}\" has no year and the text has no dated events; took {year}, this year"
            ),
            Note::NoSuchDate { text } => write!(formatter, "market_date: \"{text}\" is not a date that exists"),
            Note::UnknownPurpose { text } => {
                write!(formatter, "purpose: \"{text}\" is not Beeldvorming, Oordeelsvorming or Besluitvorming")
            }
            Note::SeveralPurposes { text } => {
                write!(formatter, "purpose: \"{text}\" names more than one purpose; took the first")
            }
            Note::NoProgrammeItems => {
                write!(formatter, "programme: no numbered items (\"1. …\") under \"Behandeladvies\"")
            }
            Note::FirstItemNumber { line, number } => {
                write!(formatter, "programme: line {line}: the first item is numbered {number}")
            }
            Note::ItemOutOfOrder { line, number, previous } => {
                write!(formatter, "programme: line {line}: item {number} follows item {previous}")
            }
            Note::BulletBeforeFirstItem { line, text } => {
                write!(formatter, "programme: line {line}: skipped a bullet before the first numbered item: \"{text}\"")
            }
            Note::ItemWithoutText { number } => write!(formatter, "programme: item {number} has no text"),
            Note::IgnoredAfterDuration { text } => {
                write!(formatter, "session row: ignored \"{text}\" after the duration")
            }
            Note::NoDuration { row } => {
                write!(formatter, "duration_minutes: no duration (\"90 min\") at the end of the session row \"{row}\"")
            }
            Note::NoDomain { row } => {
                write!(formatter, "domains: no domain (Fysiek, Bestuur, Sociaal) in the session row \"{row}\"")
            }
            Note::IgnoredAfterRoom { text, room } => {
                write!(formatter, "session row: ignored \"{text}\" after the room \"{room}\"")
            }
            Note::RoomReadByName { room } => {
                write!(formatter, "room: \"{room}\" is not one of the known rooms; read it as a room by its name")
            }
            Note::NotYetKnown { field } => write!(formatter, "{}: not yet known in the session row", field.code()),
            Note::NoRoom { row } => {
                write!(formatter, "room: no room (Raadzaal, Commissiekamer 2, …) in the session row \"{row}\"")
            }
            Note::AmbiguousNames { names, chair, clerk } => write!(
                formatter,
                "chair, clerk: \"{names}\" can be split into two names in more than one way; took \"{chair}\" and \
                 \"{clerk}\""
            ),
            Note::PersonNotKnown { field, name } => {
                write!(formatter, "{}: \"{name}\" is not one of the known people", field.code())
            }
            Note::OnePersonOnly { name } => {
                write!(formatter, "clerk: the session row names one person only; took \"{name}\" as the chair")
            }
            Note::NoNames { field } => write!(formatter, "{}: no names in the session row", field.code()),
            Note::UnreadableNames { field, names } => {
                write!(formatter, "{}: could not read \"{names}\" as the names of chair and clerk", field.code())
            }
            Note::SpeakingContradicts { form, text } => write!(
                formatter,
                "public_speaking.allowed: the form says {} but the text after it says {}; took the text",
                yes_no(*form),
                yes_no(*text)
            ),
            Note::SpeakingUnknown => write!(
                formatter,
                "public_speaking.allowed: the tick boxes are lost and the text after \"duur:\" does not say whether \
                 the public may speak"
            ),
            Note::MinutesPerSpeakerGuessed { minutes } => write!(
                formatter,
                "public_speaking.minutes_per_speaker: took the {minutes} minutes after \"duur:\" as the time per \
                 speaker"
            ),
            Note::RoomNotStored { room } => {
                write!(formatter, "the room '{room}' is not known; the proposal names no room")
            }
        }
    }
}

fn place(dated_in: DatedIn) -> &'static str {
    match dated_in {
        DatedIn::History => "the history",
        DatedIn::Text => "the text",
    }
}

/// The notes compare with their English text, so tests can name them as they read.
impl PartialEq<&str> for Note {
    fn eq(&self, other: &&str) -> bool {
        // Written into a string once, as Display writes it; no better way to compare the text.
        let text: String = self.to_string();
        text.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once() {
        let notes = [
            Note::Missing { field: Field::Subject },
            Note::NoProgrammeItems,
            Note::SpeakingUnknown,
            Note::RoomNotStored { room: "Zaal 9".to_owned() },
        ];
        for note in &notes {
            assert!(Note::CODES.contains(&note.code()), "{}", note.code());
        }
        let mut codes = Note::CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Note::CODES.len());
    }

    #[test]
    fn a_note_is_json_with_its_kind_and_fields() {
        let note = Note::YearOfLatestDate {
            date: "26 september".to_owned(),
            year: 2023,
            latest: "27 juni 2023".to_owned(),
            dated_in: DatedIn::History,
        };
        let json = serde_json::to_value(&note).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"note": "year_of_latest_date", "date": "26 september", "year": 2023,
                "latest": "27 juni 2023", "dated_in": "history"})
        );
        assert_eq!(serde_json::from_value::<Note>(json).expect("deserialises"), note);
        assert_eq!(note.field(), Field::MarketDate);
    }
}
