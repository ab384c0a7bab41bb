//! What both templates show: the document's fields as the texts the seed document prints
//! ("Fysiek / Bestuur / Sociaal", "90 min", "26 september 2023"), with a missing field as an
//! empty text. The PDF template gets this as JSON, the HTML template as a struct.

use serde::Serialize;
use wijkbeeld_domain::behandelvoorstel::{ProposalDocument, domain_label, purpose_label};
use wijkbeeld_domain::dutch::long_date;

/// The heading of the document.
pub(crate) const HEADING: &str = "Behandelvoorstel";

/// A behandelvoorstel ready to be printed.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct View {
    /// "Behandelvoorstel: Wijkgericht werken", for the PDF's and the page's title.
    pub(crate) title: String,
    pub(crate) subject: String,
    pub(crate) case_number: String,
    pub(crate) portfolio_holder: String,
    /// The history's paragraphs.
    pub(crate) history: Vec<String>,
    /// "Politieke Markt 26 september 2023", or without the date when there is none.
    pub(crate) market: String,
    pub(crate) chair: String,
    pub(crate) clerk: String,
    pub(crate) room: String,
    /// "Fysiek / Bestuur / Sociaal".
    pub(crate) domains: String,
    /// "90 min".
    pub(crate) duration: String,
    pub(crate) purpose: String,
    pub(crate) programme: Vec<Item>,
    /// Whether the "ja" box is ticked.
    pub(crate) speaking_yes: bool,
    /// Whether the "nee" box is ticked (neither is when the document does not say).
    pub(crate) speaking_no: bool,
    /// The text after "duur:".
    pub(crate) speaking_duration: String,
}

/// An item of the proposed programme.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Item {
    /// From 1.
    pub(crate) number: u16,
    pub(crate) text: String,
    pub(crate) questions: Vec<String>,
}

impl View {
    pub(crate) fn new(document: &ProposalDocument) -> Self {
        let text = |field: &Option<String>| field.as_deref().map(one_line).unwrap_or_default();
        let subject = text(&document.subject);
        let title = if subject.is_empty() { HEADING.to_owned() } else { format!("{HEADING}: {subject}") };
        let market = match document.market_date {
            Some(date) => format!("Politieke Markt {}", long_date(date)),
            None => "Politieke Markt".to_owned(),
        };
        Self {
            title,
            subject,
            case_number: text(&document.case_number),
            portfolio_holder: text(&document.portfolio_holder),
            history: paragraphs(&plain(&document.history.text)),
            market,
            chair: text(&document.chair),
            clerk: text(&document.clerk),
            room: text(&document.room),
            domains: document.domains.iter().map(|domain| domain_label(*domain)).collect::<Vec<_>>().join(" / "),
            duration: document.duration_minutes.map(|minutes| format!("{minutes} min")).unwrap_or_default(),
            purpose: document.purpose.map(purpose_label).unwrap_or_default().to_owned(),
            programme: document
                .programme
                .iter()
                .map(|entry| Item {
                    number: entry.number,
                    text: one_line(&entry.text),
                    questions: entry.questions.iter().map(|question| one_line(question)).collect(),
                })
                .collect(),
            speaking_yes: document.public_speaking.allowed == Some(true),
            speaking_no: document.public_speaking.allowed == Some(false),
            speaking_duration: speaking_duration(
                document.public_speaking.minutes_per_speaker,
                document.public_speaking.note.as_deref(),
            ),
        }
    }
}

/// A text without control characters (but its line breaks, as `\n`) and without the invisible
/// formatting characters (zero-width spaces and joiners, direction overrides, byte order marks,
/// soft hyphens). They show nothing, or turn text around, and in a PDF they stick to the glyph
/// before them: typst maps each glyph to the text it was first drawn for, so one `d` followed
/// by a direction mark would make every `d` in the document extract as `d` plus that mark.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|character| match character {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => Some('\n'),
            '\t' => Some(' '),
            _ if character.is_control() || is_invisible_format(character) => None,
            _ => Some(character),
        })
        .collect()
}

/// The format characters (Unicode category Cf) a proposal's text has no use for.
fn is_invisible_format(character: char) -> bool {
    matches!(
        character,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// The paragraphs of a text whose paragraphs are separated by a blank line; the lines within a
/// paragraph are joined, as the document's text wraps them anew anyway.
fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// A text on one line, [`plain`]: line breaks and runs of white space become one space.
pub(crate) fn one_line(text: &str) -> String {
    plain(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text after "duur:": the note as written. The minutes per speaker are the note's to
/// state; when the note does not name them (or there is no note) they are put in front of it.
fn speaking_duration(minutes: Option<u16>, note: Option<&str>) -> String {
    let note = note.map(one_line).unwrap_or_default();
    match minutes {
        Some(minutes) if !note.contains(&minutes.to_string()) => {
            let stated = format!("{minutes} minuten per spreker");
            if note.is_empty() { stated } else { format!("{stated}. {note}") }
        }
        _ => note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_on_blank_lines_and_joins_their_lines() {
        assert_eq!(paragraphs("een\ntwee\n\n  \ndrie\n"), ["een twee", "drie"]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn drops_control_and_invisible_characters() {
        assert_eq!(plain("a\r\nb\rc\td\u{0}e\u{7}f"), "a\nb\nc def");
        assert_eq!(
            plain("\u{FEFF}zero\u{200B}width \u{202E}omgekeerd\u{202C} zacht\u{AD}e"),
            "zerowidth omgekeerd zachte"
        );
        assert_eq!(one_line("  twee\n regels\u{2028}drie "), "twee regels drie");
        assert_eq!(plain("Geïnteresseerden — één “citaat” 😀"), "Geïnteresseerden — één “citaat” 😀");
    }

    #[test]
    fn states_the_minutes_once() {
        assert_eq!(speaking_duration(None, None), "");
        assert_eq!(speaking_duration(Some(3), None), "3 minuten per spreker");
        assert_eq!(speaking_duration(Some(3), Some("Maximaal 3 minuten.")), "Maximaal 3 minuten.");
        assert_eq!(
            speaking_duration(Some(5), Some("Aanmelden bij de griffie.")),
            "5 minuten per spreker. Aanmelden bij de griffie."
        );
        assert_eq!(speaking_duration(None, Some("Vrij.")), "Vrij.");
    }
}
