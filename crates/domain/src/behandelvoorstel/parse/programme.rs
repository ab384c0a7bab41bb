//! The proposed programme (behandeladvies): numbered items ("1. Opening voorzitter"), their
//! continuation lines, and the bullets under an item, which are its questions. A question's own
//! continuation lines, even after a blank line, stay with it.
//!
//! Bullets set in a symbol font are often lost in extraction, so after "aan de hand van de
//! volgende vragen:" a line ending in "?" is a question too, bullet or not, together with the
//! lines before it that it wraps from. The lines between two such questions are a note on the
//! first (as they are under a bullet); lines after the last are the item's text again.

use super::ends_sentence;
use super::lines::Line;
use super::words::find_word;
use crate::behandelvoorstel::{Note, ProgrammeEntry};

/// The items of the programme, from the lines after "Behandeladvies". Lines before the first
/// numbered item are its introduction ("Het door het college voorgestelde programma:").
pub(super) fn read_programme(lines: &[Line], warnings: &mut Vec<Note>) -> Vec<ProgrammeEntry> {
    let mut programme: Vec<ProgrammeEntry> = Vec::new();
    let mut current: Option<Item> = None;
    for line in lines {
        if !line.bullet
            && let Some((number, text)) = item_start(&line.text)
        {
            match current.as_ref().map(|item| item.entry.number) {
                None if number != 1 => {
                    warnings.push(Note::FirstItemNumber { line: line.number, number });
                }
                Some(previous) if previous.checked_add(1) != Some(number) => {
                    warnings.push(Note::ItemOutOfOrder { line: line.number, number, previous });
                }
                _ => {}
            }
            programme.extend(current.replace(Item::new(number, text)).map(Item::finish));
            continue;
        }
        match current.as_mut() {
            Some(item) => item.add(line),
            None if line.bullet => {
                warnings.push(Note::BulletBeforeFirstItem { line: line.number, text: line.text.clone() });
            }
            None => {}
        }
    }
    programme.extend(current.map(Item::finish));
    for entry in &programme {
        if entry.text.is_empty() {
            warnings.push(Note::ItemWithoutText { number: entry.number });
        }
    }
    programme
}

/// A numbered item while its lines are read.
struct Item<'lines> {
    entry: ProgrammeEntry,
    /// Whether a bullet began one of its questions. Then the document kept its bullets, and a
    /// line without one continues the question before it, question mark or not.
    bulleted: bool,
    /// The lines after "aan de hand van de volgende vragen:" that no question has claimed yet:
    /// the start of a question that wraps, a note on the question before, or the item's text.
    unclaimed: Vec<&'lines str>,
}

impl<'lines> Item<'lines> {
    fn new(number: u16, text: &str) -> Self {
        Self {
            entry: ProgrammeEntry { number, text: text.to_owned(), questions: Vec::new() },
            bulleted: false,
            unclaimed: Vec::new(),
        }
    }

    /// A line after the item's first.
    fn add(&mut self, line: &'lines Line) {
        if line.bullet {
            self.settle_notes(self.unclaimed.len());
            self.bulleted = true;
            self.entry.questions.push(line.text.clone());
        } else if self.bulleted
            && let Some(question) = self.entry.questions.last_mut()
        {
            append(question, &line.text);
        } else if introduces_questions(&self.entry.text) {
            self.unclaimed.push(&line.text);
            if ends_question(&line.text) {
                self.claim_question();
            }
        } else {
            append(&mut self.entry.text, &line.text);
        }
    }

    /// Makes a question of the last unclaimed line, which ends in "?", and of the lines before
    /// it back to the last one that ends a sentence: a question wraps, but does not span a
    /// sentence that is not part of it.
    fn claim_question(&mut self) {
        let Some((_, before)) = self.unclaimed.split_last() else {
            return;
        };
        let start = before.iter().rposition(|text| ends_sentence(text)).map_or(0, |last| last + 1);
        self.settle_notes(start);
        self.entry.questions.push(self.unclaimed.join(" "));
        self.unclaimed.clear();
    }

    /// The first `count` unclaimed lines, which come before a question, as a note on the
    /// question before them, or as the item's text when there is none.
    fn settle_notes(&mut self, count: usize) {
        let target = self.entry.questions.last_mut().unwrap_or(&mut self.entry.text);
        for text in self.unclaimed.drain(..count) {
            append(target, text);
        }
    }

    /// The item, its unclaimed lines, which follow its last question, back in its text.
    fn finish(mut self) -> ProgrammeEntry {
        for text in self.unclaimed.drain(..) {
            append(&mut self.entry.text, text);
        }
        self.entry
    }
}

/// Whether an item's text announces its questions. Matched as whole words, regardless of case;
/// the lines are already single-spaced and joined with one space, so a phrase broken over two
/// lines or spaced oddly matches too.
fn introduces_questions(text: &str) -> bool {
    find_word(text, "aan de hand van de volgende vragen").is_some()
}

/// Whether a line ends in a question mark, perhaps inside closing quotes.
fn ends_question(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'']).ends_with('?')
}

fn append(text: &mut String, more: &str) {
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

/// "1. Opening", "2) Introductie", "3.Afsluiting", "4." : the item's number and its text.
fn item_start(text: &str) -> Option<(u16, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    // "1.5 uur" and "2.3" are numbers, not items.
    if rest.starts_with(|character: char| character.is_ascii_digit()) {
        return None;
    }
    let number: u16 = text[..digits].parse().ok()?;
    (number > 0).then(|| (number, rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use proptest::prelude::*;

    use super::*;
    use crate::behandelvoorstel::parse::lines::clean_lines;

    #[test]
    fn items_questions_and_continuations() {
        let lines = clean_lines(
            "Het programma:\n1. Opening\n\n2. Presentatie door\n\nde wethouder\n3. Vragen:\n\u{f0b7} Wat\nnu?\n\nToelichting.\n\u{f0b7} Hoe?\n4.Afsluiting",
        );
        let mut warnings = Vec::new();
        let programme = read_programme(&lines, &mut warnings);
        let texts: Vec<(&str, Vec<&str>)> = programme
            .iter()
            .map(|entry| (entry.text.as_str(), entry.questions.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Opening", vec![]),
                ("Presentatie door de wethouder", vec![]),
                ("Vragen:", vec!["Wat nu? Toelichting.", "Hoe?"]),
                ("Afsluiting", vec![]),
            ]
        );
        assert_eq!(programme.iter().map(|entry| entry.number).collect::<Vec<_>>(), [1, 2, 3, 4]);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    fn questions_and_texts(programme: &[ProgrammeEntry]) -> Vec<(&str, Vec<&str>)> {
        programme
            .iter()
            .map(|entry| (entry.text.as_str(), entry.questions.iter().map(String::as_str).collect()))
            .collect()
    }

    #[test]
    fn lines_ending_in_a_question_mark_after_the_announcement_are_questions() {
        let lines = clean_lines(
            "1. In gesprek AAN  DE hand van de\n\nvolgende\u{a0}vragen:\nWanneer is het geslaagd? Kunt u\n\n\
             voorbeelden noemen?\nDenk aan de\nveiligheid.\nBent u het eens met de werkwijze en hoe wilt u\n\
             bijdragen?\n\nWat wilt u meegeven?\nDe antwoorden gaan mee in het vervolg.\n2. Afsluiting, vragen?",
        );
        let mut warnings = Vec::new();
        let programme = read_programme(&lines, &mut warnings);
        assert_eq!(
            questions_and_texts(&programme),
            [
                (
                    "In gesprek AAN DE hand van de volgende vragen: De antwoorden gaan mee in het vervolg.",
                    vec![
                        "Wanneer is het geslaagd? Kunt u voorbeelden noemen? Denk aan de veiligheid.",
                        "Bent u het eens met de werkwijze en hoe wilt u bijdragen?",
                        "Wat wilt u meegeven?",
                    ]
                ),
                ("Afsluiting, vragen?", vec![]),
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_note_before_the_first_question_stays_in_the_text() {
        let lines = clean_lines("1. Aan de hand van de volgende vragen:\nZie de bijlage.\nWat vindt u?\n");
        let programme = read_programme(&lines, &mut Vec::new());
        assert_eq!(
            questions_and_texts(&programme),
            [("Aan de hand van de volgende vragen: Zie de bijlage.", vec!["Wat vindt u?"])]
        );
    }

    #[test]
    fn without_the_announcement_a_question_needs_its_bullet() {
        let lines = clean_lines("1. Vragen van de raad:\nWat vindt u?\n2. In gesprek over de vragen:\nWat nu?");
        let programme = read_programme(&lines, &mut Vec::new());
        assert_eq!(
            questions_and_texts(&programme),
            [("Vragen van de raad: Wat vindt u?", vec![]), ("In gesprek over de vragen: Wat nu?", vec![])]
        );
    }

    #[test]
    fn once_a_bullet_is_seen_lines_without_one_continue_its_question() {
        let lines = clean_lines(
            "1. Aan de hand van de volgende vragen:\nWat vindt u?\n\u{f0b7} Wanneer is het geslaagd? Kunt u\n\
             voorbeelden noemen?\nHoe dan?\nDenk aan de wijk.",
        );
        let programme = read_programme(&lines, &mut Vec::new());
        assert_eq!(
            questions_and_texts(&programme),
            [(
                "Aan de hand van de volgende vragen:",
                vec!["Wat vindt u?", "Wanneer is het geslaagd? Kunt u voorbeelden noemen? Hoe dan? Denk aan de wijk."]
            )]
        );
    }

    /// A line of lower-case words: it ends no sentence and starts no item.
    fn words() -> impl Strategy<Value = String> {
        "[a-z]{1,8}( [a-z]{1,8}){0,4}"
    }

    /// Lines of words, the last ending in `end`.
    fn lines_ending_in(end: char, count: Range<usize>) -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(words(), count).prop_map(move |mut lines| {
            if let Some(last) = lines.last_mut() {
                last.push(end);
            }
            lines
        })
    }

    /// The lines of an item announcing questions, each question as `(lines, note)`, then the
    /// lines of `after`; each question's first line starts with `bullet`, and a blank line goes
    /// before a line wherever `blank` says so.
    fn announced_questions(
        questions: &[(Vec<String>, Vec<String>)],
        after: &[String],
        bullet: &str,
        blank: &[bool],
    ) -> String {
        let mut text = "1. In gesprek aan de hand van de volgende vragen:\n".to_owned();
        let mut blank = blank.iter().copied().cycle();
        let mut push = |line: &str| {
            if blank.next().unwrap_or(false) {
                text.push('\n');
            }
            text.push_str(line);
            text.push('\n');
        };
        for (lines, note) in questions {
            for (index, line) in lines.iter().enumerate() {
                push(&if index == 0 { format!("{bullet}{line}") } else { line.clone() });
            }
            note.iter().for_each(|line| push(line));
        }
        after.iter().for_each(|line| push(line));
        text.push_str("2. Afsluiting\n");
        text
    }

    proptest! {
        /// Questions that lost their bullets read as the same questions as with them, and the
        /// text after the last question stays the item's.
        #[test]
        fn questions_read_the_same_with_and_without_bullets(
            questions in prop::collection::vec((lines_ending_in('?', 1..4), lines_ending_in('.', 0..3)), 1..5),
            after in lines_ending_in('.', 0..3),
            blank in prop::collection::vec(any::<bool>(), 1..8),
        ) {
            // A note after the last question cannot be told from the item's text without a bullet.
            let mut questions = questions;
            if let Some((_, note)) = questions.last_mut() {
                note.clear();
            }
            let expected: Vec<String> =
                questions.iter().map(|(lines, note)| [lines.as_slice(), note].concat().join(" ")).collect();
            let announcement = "In gesprek aan de hand van de volgende vragen:".to_owned();
            let text_with_after =
                if after.is_empty() { announcement.clone() } else { format!("{announcement} {}", after.join(" ")) };

            let without_bullets = clean_lines(&announced_questions(&questions, &after, "", &blank));
            let without = read_programme(&without_bullets, &mut Vec::new());
            prop_assert_eq!(without.len(), 2);
            prop_assert_eq!(&without[0].questions, &expected);
            prop_assert_eq!(&without[0].text, &text_with_after);
            prop_assert_eq!(&without[1].text, "Afsluiting");

            let with_bullets = clean_lines(&announced_questions(&questions, &[], "\u{f0b7} ", &blank));
            let with = read_programme(&with_bullets, &mut Vec::new());
            prop_assert_eq!(&with[0].questions, &expected);
            prop_assert_eq!(&with[0].text, &announcement);
        }
    }

    #[test]
    fn odd_numbering_and_stray_bullets_are_reported() {
        let lines = clean_lines("\u{f0b7} Los\n1.\n3. Drie\n1.5 uur lang\n");
        let mut warnings = Vec::new();
        let programme = read_programme(&lines, &mut warnings);
        assert_eq!(programme.len(), 2);
        assert_eq!(programme[1].text, "Drie 1.5 uur lang");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
    }

    #[test]
    fn recognises_item_numbers() {
        assert_eq!(item_start("1. Opening"), Some((1, "Opening")));
        assert_eq!(item_start("12) Slot"), Some((12, "Slot")));
        assert_eq!(item_start("3.Afsluiting"), Some((3, "Afsluiting")));
        assert_eq!(item_start("4."), Some((4, "")));
        assert_eq!(item_start("1.5 uur"), None);
        assert_eq!(item_start("2023. Jaar"), None);
        assert_eq!(item_start("0. Nul"), None);
        assert_eq!(item_start("Opening"), None);
    }
}
