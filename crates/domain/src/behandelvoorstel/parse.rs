//! Reading a behandelvoorstel from the text extracted from its PDF.
//!
//! The text comes as a PDF extractor leaves it: lines broken where the page broke them, runs of
//! blank lines, trailing spaces, bullets as the private-use glyph U+F0B7, tick boxes reduced to
//! glyphs or nothing. [`parse`] first cleans the lines (module `lines`), then cuts the text into
//! sections at the template's labels ("Onderwerp", "Zaaknummer", "Historie", "Politieke Markt",
//! the session header "Voorzitter Griffiemedewerker Zaal Domein Duur", "Doel van de sessie",
//! "Behandeladvies", "Spreekrecht publiek"), and reads each section on its own. A field it cannot
//! read stays empty and is named in the warnings, as is every guess it makes; only a text that
//! is not a behandelvoorstel at all is refused.
//!
//! The scanning is written by hand: the template is small, and this keeps the parser fast and
//! free of dependencies. It never panics, whatever the text (a property test and a fuzz target
//! check this).

mod dates;
mod lines;
mod names;
mod programme;
mod session;
mod speaking;
mod words;

use time::Date;

use self::dates::{dates_with_year, first_on_or_after, leading_date};
use self::lines::{Line, clean_lines};
use self::words::bare;
use super::{DatedIn, Field, History, Note, ProposalDocument, PublicSpeaking};
use crate::proposal::Purpose;

/// What the parser may use besides the text.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions<'a> {
    /// The year of the market date when the text gives none (`--year`).
    pub year: Option<i32>,
    /// Today, whose year is the last resort for the market date's year.
    pub today: Date,
    /// Names of known people (the database's persons on import), matched first when the
    /// session row's names are split.
    pub people: &'a [String],
    /// Names of known rooms, matched first.
    pub rooms: &'a [String],
}

/// Why a text cannot be read as a behandelvoorstel at all. (A partly readable one is read, with
/// warnings.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Nothing but white space.
    #[error("the file is empty")]
    Empty,
    /// Not text.
    #[error("the file is not text (binary data at byte {0})")]
    Binary(usize),
    /// Text, but of another kind of document.
    #[error("the text is not a behandelvoorstel: {0}")]
    NotAProposal(String),
}

/// The text of a file: UTF-8, with or without a byte order mark.
///
/// A file with a NUL byte, with bytes that are not UTF-8, or with more control characters than
/// one in a hundred characters (counting a short file as a hundred) is binary, at the offset of
/// the first offending byte. Tabs, line breaks and form feeds (page breaks) are text.
pub fn decode(bytes: &[u8]) -> Result<String, ParseError> {
    const BYTE_ORDER_MARK: &[u8] = b"\xef\xbb\xbf";
    let start = if bytes.starts_with(BYTE_ORDER_MARK) { BYTE_ORDER_MARK.len() } else { 0 };
    let body = &bytes[start..];
    if let Some(nul) = body.iter().position(|byte| *byte == 0) {
        return Err(ParseError::Binary(start + nul));
    }
    let text = std::str::from_utf8(body).map_err(|error| ParseError::Binary(start + error.valid_up_to()))?;

    let mut characters = 0_usize;
    let mut controls = 0_usize;
    let mut first_control = None;
    for (offset, character) in text.char_indices() {
        characters += 1;
        if character.is_control() && !matches!(character, '\t' | '\n' | '\r' | '\u{000c}') {
            controls += 1;
            first_control.get_or_insert(offset);
        }
    }
    if let Some(offset) = first_control
        && controls * 100 > characters.max(100)
    {
        return Err(ParseError::Binary(start + offset));
    }
    if text.chars().all(|character| character.is_whitespace() || character == '\u{feff}') {
        return Err(ParseError::Empty);
    }
    Ok(text.to_owned())
}

/// Reads the fields of a behandelvoorstel from its text.
///
/// Returns [`ParseError::Empty`] for a text of white space only and
/// [`ParseError::NotAProposal`] for a text that has not the labels of a behandelvoorstel;
/// otherwise the document, every field that could not be read `None` (or empty) and named in
/// its `warnings`.
pub fn parse(text: &str, options: &ParseOptions<'_>) -> Result<ProposalDocument, ParseError> {
    let lines = clean_lines(text);
    if lines.is_empty() {
        return Err(ParseError::Empty);
    }
    let sections = split_sections(&lines);
    check_is_proposal(&sections)?;
    let section = |label: Label| sections.iter().find(|section| section.label == label);

    let mut warnings = Vec::new();
    let subject = read_text_field(section(Label::Subject), Field::Subject, &mut warnings);
    let case_number = read_case_number(section(Label::CaseNumber), &mut warnings);
    let portfolio_holder = read_text_field(section(Label::PortfolioHolder), Field::PortfolioHolder, &mut warnings);
    let history = read_history(section(Label::History), &mut warnings);
    let market_date = read_market_date(section(Label::Market), &history, &lines, options, &mut warnings);

    let session_row = match section(Label::SessionHeader) {
        Some(section) => {
            // A header that the extraction broke over two lines leaves a line of column names.
            let values: Vec<Line> =
                section.lines.iter().filter(|line| !is_only_session_columns(&line.text)).cloned().collect();
            session::read_session_row(&joined(&values), options.people, options.rooms)
        }
        None => session::SessionRow {
            warnings: [Field::Chair, Field::Clerk, Field::Room, Field::Domains, Field::DurationMinutes]
                .into_iter()
                .map(|field| Note::NoSessionHeader { field })
                .collect(),
            ..session::SessionRow::default()
        },
    };
    warnings.extend(session_row.warnings);

    let purpose = read_purpose(section(Label::Purpose), &mut warnings);
    let programme = match section(Label::Programme) {
        Some(section) => {
            let programme = programme::read_programme(&section.lines, &mut warnings);
            if programme.is_empty() {
                warnings.push(Note::NoProgrammeItems);
            }
            programme
        }
        None => {
            warnings.push(Note::Missing { field: Field::Programme });
            Vec::new()
        }
    };
    let public_speaking = match section(Label::PublicSpeaking) {
        Some(section) => speaking::read_public_speaking(&joined(&section.lines), &mut warnings),
        None => {
            warnings.push(Note::Missing { field: Field::PublicSpeaking });
            PublicSpeaking::default()
        }
    };

    Ok(ProposalDocument {
        subject,
        case_number,
        portfolio_holder,
        history,
        market_date,
        chair: session_row.chair,
        clerk: session_row.clerk,
        room: session_row.room,
        domains: session_row.domains,
        duration_minutes: session_row.duration_minutes,
        purpose,
        programme,
        public_speaking,
        warnings,
    })
}

/// The labels of the template, each the start of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Title,
    Subject,
    CaseNumber,
    PortfolioHolder,
    History,
    Market,
    SessionHeader,
    Purpose,
    Programme,
    PublicSpeaking,
}

/// How the template writes each label, the usual spelling first (it names the label in
/// warnings). A label must end where its spelling does, so "Zaaknr" does not take "Zaaknr.".
const SPELLINGS: &[(Label, &str)] = &[
    (Label::Title, "Behandelvoorstel"),
    (Label::Subject, "Onderwerp"),
    (Label::CaseNumber, "Zaaknummer"),
    (Label::CaseNumber, "Zaaknr."),
    (Label::CaseNumber, "Zaaknr"),
    (Label::PortfolioHolder, "Portefeuillehouder"),
    (Label::PortfolioHolder, "Portefeuillehouders"),
    (Label::History, "Historie"),
    (Label::Market, "Politieke Markt"),
    (Label::SessionHeader, "Voorzitter"),
    (Label::Purpose, "Doel van de sessie"),
    (Label::Purpose, "Doel van sessie"),
    (Label::Purpose, "Doel sessie"),
    (Label::Purpose, "Doel:"),
    (Label::Programme, "Behandeladvies"),
    (Label::PublicSpeaking, "Spreekrecht publiek"),
    (Label::PublicSpeaking, "Spreekrecht"),
];

/// The labels that share the top lines of the form, several to a line ("Zaaknummer 3641304
/// Portefeuillehouder Marie-José Luttikholt").
const HEADER_LABELS: &[Label] = &[Label::Subject, Label::CaseNumber, Label::PortfolioHolder];

/// The column names of the session header.
const SESSION_COLUMNS: &[&str] =
    &["voorzitter", "griffiemedewerker", "griffier", "commissiegriffier", "zaal", "domein", "domeinen", "duur"];

/// The labels that only a behandelvoorstel has, as opposed to "Onderwerp" (which a letter has too).
const PROPOSAL_LABELS: &[Label] =
    &[Label::History, Label::Market, Label::SessionHeader, Label::Purpose, Label::Programme, Label::PublicSpeaking];

/// A label and the lines up to the next one; the text after the label on its own line comes first.
#[derive(Debug)]
struct Section {
    label: Label,
    lines: Vec<Line>,
}

fn split_sections(lines: &[Line]) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let seen = |label: Label| sections.iter().any(|section| section.label == label);
        let Some((label, rest)) = label_at_start(line, index, &seen) else {
            // Lines before the first label (a letterhead) belong to no field.
            if let Some(current) = sections.last_mut() {
                current.lines.push(line.clone());
            }
            continue;
        };
        let parts =
            if HEADER_LABELS.contains(&label) { split_header_line(label, rest, &seen) } else { vec![(label, rest)] };
        for (label, text) in parts {
            let lines = if text.is_empty() { Vec::new() } else { vec![Line::rest_of(line, text)] };
            sections.push(Section { label, lines });
        }
    }
    sections
}

/// The label a line starts with, if it is one not yet seen, and the text after it.
fn label_at_start<'line>(line: &'line Line, index: usize, seen: &dyn Fn(Label) -> bool) -> Option<(Label, &'line str)> {
    if line.bullet {
        return None;
    }
    let text = line.text.as_str();
    SPELLINGS.iter().filter(|(label, _)| !seen(*label)).find_map(|&(label, spelling)| {
        let rest = strip_label(text, spelling)?;
        match label {
            // The title stands alone, or heads the text.
            Label::Title => (rest.is_empty() || index == 0).then_some((label, rest)),
            // "Politieke Markt 26 september" (or "… najaar"), not a sentence of the history that
            // happens to start with those words.
            Label::Market => {
                let word_count = rest.split(' ').count();
                let is_date_line = leading_date(rest).is_some() && word_count <= 5;
                let is_short_note = word_count <= 3 && !ends_sentence(rest);
                (rest.is_empty() || is_date_line || is_short_note).then_some((label, rest))
            }
            Label::SessionHeader => is_session_header(text).then(|| (label, after_session_columns(text))),
            _ => Some((label, rest)),
        }
    })
}

/// The text after `spelling` at the start of `text` (compared without regard to ASCII case),
/// if the label ends there.
fn strip_label<'text>(text: &'text str, spelling: &str) -> Option<&'text str> {
    let head = text.get(..spelling.len())?;
    if !head.eq_ignore_ascii_case(spelling) {
        return None;
    }
    let rest = &text[spelling.len()..];
    let ends_there = rest.is_empty() || rest.starts_with([' ', ':']) || spelling.ends_with([':', '.']);
    ends_there.then(|| rest.trim_start_matches([' ', ':']).trim_end())
}

/// Cuts a line of the form's top part at the other labels on it, written exactly so (labels are
/// capitalised; the same word in a sentence usually is not).
fn split_header_line<'text>(label: Label, rest: &'text str, seen: &dyn Fn(Label) -> bool) -> Vec<(Label, &'text str)> {
    let mut parts: Vec<(Label, &str)> = Vec::new();
    let mut current_label = label;
    let mut current = rest;
    loop {
        let taken = |candidate: Label| {
            candidate == current_label || seen(candidate) || parts.iter().any(|(part, _)| *part == candidate)
        };
        let next = SPELLINGS
            .iter()
            .filter(|(candidate, _)| HEADER_LABELS.contains(candidate) && !taken(*candidate))
            .filter_map(|&(candidate, spelling)| {
                words::find_exact_word(current, spelling).map(|at| (at, candidate, spelling.len()))
            })
            .min_by_key(|(at, _, _)| *at);
        let Some((at, next_label, length)) = next else {
            parts.push((current_label, current));
            return parts;
        };
        parts.push((current_label, current[..at].trim()));
        current_label = next_label;
        current = current[at + length..].trim_start_matches([' ', ':']).trim();
    }
}

/// "Voorzitter Griffiemedewerker Zaal Domein Duur": the line starts with "Voorzitter" and has
/// at least one more column name.
fn is_session_header(text: &str) -> bool {
    let mut words = text.split(' ').map(|word| bare(word).to_lowercase());
    words.next().is_some_and(|first| first == "voorzitter")
        && words.any(|word| SESSION_COLUMNS.contains(&word.as_str()) && word != "voorzitter")
}

fn is_only_session_columns(text: &str) -> bool {
    text.split(' ').all(is_session_column)
}

fn is_session_column(word: &str) -> bool {
    SESSION_COLUMNS.contains(&bare(word).to_lowercase().as_str())
}

/// The text after the column names at the start of a line.
fn after_session_columns(text: &str) -> &str {
    let mut rest = text;
    while let Some(word) = rest.split(' ').next().filter(|word| !word.is_empty() && is_session_column(word)) {
        rest = rest[word.len()..].trim_start();
    }
    rest
}

fn check_is_proposal(sections: &[Section]) -> Result<(), ParseError> {
    let has = |label: Label| sections.iter().any(|section| section.label == label);
    let proposal_labels = PROPOSAL_LABELS.iter().filter(|label| has(**label)).count();
    let header_labels = HEADER_LABELS.iter().filter(|label| has(**label)).count();
    if has(Label::Title) || proposal_labels >= 2 || (proposal_labels == 1 && header_labels >= 1) {
        return Ok(());
    }
    let found: Vec<String> = sections.iter().map(|section| format!("\"{}\"", label_name(section.label))).collect();
    Err(ParseError::NotAProposal(if found.is_empty() {
        "it has none of the headings of one (Behandelvoorstel, Onderwerp, Historie, Politieke Markt, \
         Behandeladvies, Spreekrecht publiek)"
            .to_owned()
    } else {
        format!(
            "of the headings of one it has only {}; it also needs Historie, Politieke Markt, Behandeladvies or \
             Spreekrecht publiek",
            found.join(", ")
        )
    }))
}

fn label_name(label: Label) -> &'static str {
    SPELLINGS.iter().find(|(candidate, _)| *candidate == label).map_or("", |(_, spelling)| spelling)
}

/// The lines of a section as one text.
fn joined(lines: &[Line]) -> String {
    let mut text = String::new();
    for line in lines {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&line.text);
    }
    text
}

/// A field that is the text after its label, lines joined; `field` names it in a warning.
fn read_text_field(section: Option<&Section>, field: Field, warnings: &mut Vec<Note>) -> Option<String> {
    let text = section.map(|section| joined(&section.lines)).unwrap_or_default();
    if text.is_empty() {
        warnings.push(if section.is_some() { Note::Empty { field } } else { Note::Missing { field } });
        return None;
    }
    Some(text)
}

/// The first word with a digit after "Zaaknummer".
fn read_case_number(section: Option<&Section>, warnings: &mut Vec<Note>) -> Option<String> {
    let Some(section) = section else {
        warnings.push(Note::Missing { field: Field::CaseNumber });
        return None;
    };
    let text = joined(&section.lines);
    let number = text.split(' ').map(bare).find(|word| word.bytes().any(|byte| byte.is_ascii_digit()));
    if number.is_none() {
        warnings.push(Note::NoCaseNumber { text: text.clone() });
    }
    number.map(str::to_owned)
}

/// The history's paragraphs and the document numbers in it.
///
/// The extraction breaks lines, and often puts a blank line between two lines of one paragraph,
/// so a blank line alone is no paragraph break: a paragraph ends where a line ends a sentence,
/// a blank line follows, and the next line starts a new one with a capital or a digit.
fn read_history(section: Option<&Section>, warnings: &mut Vec<Note>) -> History {
    let Some(section) = section else {
        warnings.push(Note::Missing { field: Field::History });
        return History::default();
    };
    let mut paragraphs: Vec<String> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in &section.lines {
        let starts_paragraph = previous.is_none_or(|previous| {
            line.bullet || (line.blank_lines_before > 0 && ends_sentence(&previous.text) && starts_sentence(&line.text))
        });
        match paragraphs.last_mut() {
            Some(paragraph) if !starts_paragraph => {
                paragraph.push(' ');
                paragraph.push_str(&line.text);
            }
            _ if line.bullet => paragraphs.push(format!("• {}", line.text)),
            _ => paragraphs.push(line.text.clone()),
        }
        previous = Some(line);
    }
    let text = paragraphs.join("\n\n");
    if text.is_empty() {
        warnings.push(Note::Empty { field: Field::History });
    }
    History { documents: document_numbers(&text), text }
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'']).ends_with(['.', '!', '?', ':'])
}

fn starts_sentence(text: &str) -> bool {
    text.trim_start_matches(['"', '“', '‘', '\'', '('])
        .chars()
        .next()
        .is_some_and(|first| first.is_uppercase() || first.is_ascii_digit())
}

/// Every document number in the text, in order and each once: runs of five to twelve digits
/// that are not part of a larger number ("1.500.000", "074-2459876") or an amount ("€ 150000").
fn document_numbers(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut numbers: Vec<String> = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        if !bytes[index].is_ascii_digit() {
            index += 1;
            continue;
        }
        let start = index;
        while index < bytes.len() && bytes[index].is_ascii_digit() {
            index += 1;
        }
        let end = index;
        let before = text[..start].chars().next_back();
        let before_that = text[..start].chars().rev().nth(1);
        let after = text[end..].chars().next();
        let after_that = text[end..].chars().nth(1);
        let joined_before = before.is_some_and(char::is_alphanumeric)
            || (before.is_some_and(|character| matches!(character, '-' | '+' | '.' | ','))
                && before_that.is_some_and(|character| character.is_ascii_digit()));
        let joined_after = after.is_some_and(char::is_alphanumeric)
            || (after.is_some_and(|character| matches!(character, '-' | '.' | ','))
                && after_that.is_some_and(|character| character.is_ascii_digit()));
        let amount = text[..start].trim_end().ends_with('€')
            || text[end..].trim_start().get(..4).is_some_and(|word| word.eq_ignore_ascii_case("euro"));
        let number = &text[start..end];
        if (5..=12).contains(&number.len())
            && !joined_before
            && !joined_after
            && !amount
            && !numbers.iter().any(|known| known == number)
        {
            numbers.push(number.to_owned());
        }
    }
    numbers
}

/// The date of the Politieke Markt. A date without a year takes the year given in the options,
/// else the first year in which it falls on or after the latest date in the history (or, when
/// the history has none, in the whole text), else this year; the warning says which.
fn read_market_date(
    section: Option<&Section>,
    history: &History,
    lines: &[Line],
    options: &ParseOptions<'_>,
    warnings: &mut Vec<Note>,
) -> Option<Date> {
    let Some(section) = section else {
        warnings.push(Note::Missing { field: Field::MarketDate });
        return None;
    };
    let text = joined(&section.lines);
    let Some(written) = leading_date(&text) else {
        warnings.push(Note::NoMarketDate { text });
        return None;
    };
    let date = if let Some(year) = written.year {
        written.in_year(year)
    } else if let Some(year) = options.year {
        warnings.push(Note::YearAsGiven { date: written.day_and_month(), year });
        written.in_year(year)
    } else if let Some((latest, latest_written, dated_in)) = latest_date(history, lines) {
        let date = first_on_or_after(written, latest);
        if let Some(date) = date {
            let (day_and_month, year) = (written.day_and_month(), date.year());
            warnings.push(if year == latest.year() {
                Note::YearOfLatestDate { date: day_and_month, year, latest: latest_written, dated_in }
            } else {
                Note::YearAfterLatestDate { date: day_and_month, year, latest: latest_written, dated_in }
            });
        }
        date
    } else {
        let year = options.today.year();
        warnings.push(Note::YearThisYear { date: written.day_and_month(), year });
        written.in_year(year)
    };
    if date.is_none() {
        warnings.push(Note::NoSuchDate { text });
    }
    date
}

/// The latest date with a year in the history, else in the whole text: the date, how the text
/// writes it, and where it was found.
fn latest_date(history: &History, lines: &[Line]) -> Option<(Date, String, DatedIn)> {
    let latest = |dates: Vec<(Date, String)>| dates.into_iter().max_by_key(|(date, _)| *date);
    if let Some((date, written)) = latest(dates_with_year(&history.text)) {
        return Some((date, written, DatedIn::History));
    }
    let whole: Vec<&str> = lines.iter().map(|line| line.text.as_str()).collect();
    latest(dates_with_year(&whole.join("\n"))).map(|(date, written)| (date, written, DatedIn::Text))
}

/// "Beeldvorming", "Oordeelsvorming", "Besluitvorming" (or "beeldvormend", …).
fn read_purpose(section: Option<&Section>, warnings: &mut Vec<Note>) -> Option<Purpose> {
    let Some(section) = section else {
        warnings.push(Note::Missing { field: Field::Purpose });
        return None;
    };
    let text = joined(&section.lines);
    let purposes: Vec<Purpose> = text
        .split([' ', '/', ','])
        .filter_map(|word| {
            let word = bare(word).to_lowercase();
            [
                ("beeldvorm", Purpose::Informing),
                ("oordeelsvorm", Purpose::OpinionForming),
                ("besluitvorm", Purpose::DecisionMaking),
            ]
            .into_iter()
            .find_map(|(stem, purpose)| word.starts_with(stem).then_some(purpose))
        })
        .collect();
    match purposes.as_slice() {
        [] => {
            warnings.push(Note::UnknownPurpose { text });
            None
        }
        [first, rest @ ..] => {
            if rest.iter().any(|other| other != first) {
                warnings.push(Note::SeveralPurposes { text });
            }
            Some(*first)
        }
    }
}

#[cfg(test)]
mod tests;
