//! The proposed programme (behandeladvies): numbered items ("1. Opening voorzitter"), their
//! continuation lines, and the bullets under an item, which are its questions. A question's own
//! continuation lines, even after a blank line, stay with it.

use super::lines::Line;
use crate::behandelvoorstel::ProgrammeEntry;

/// The items of the programme, from the lines after "Behandeladvies". Lines before the first
/// numbered item are its introduction ("Het door het college voorgestelde programma:").
pub(super) fn read_programme(lines: &[Line], warnings: &mut Vec<String>) -> Vec<ProgrammeEntry> {
    let mut programme: Vec<ProgrammeEntry> = Vec::new();
    for line in lines {
        if !line.bullet
            && let Some((number, text)) = item_start(&line.text)
        {
            match programme.last() {
                None if number != 1 => {
                    warnings.push(format!("programme: line {}: the first item is numbered {number}", line.number));
                }
                Some(previous) if previous.number.checked_add(1) != Some(number) => warnings
                    .push(format!("programme: line {}: item {number} follows item {}", line.number, previous.number)),
                _ => {}
            }
            programme.push(ProgrammeEntry { number, text: text.to_owned(), questions: Vec::new() });
            continue;
        }
        let Some(entry) = programme.last_mut() else {
            if line.bullet {
                warnings.push(format!(
                    "programme: line {}: skipped a bullet before the first numbered item: \"{}\"",
                    line.number, line.text
                ));
            }
            continue;
        };
        if line.bullet {
            entry.questions.push(line.text.clone());
        } else if let Some(question) = entry.questions.last_mut() {
            append(question, &line.text);
        } else {
            append(&mut entry.text, &line.text);
        }
    }
    for entry in &programme {
        if entry.text.is_empty() {
            warnings.push(format!("programme: item {} has no text", entry.number));
        }
    }
    programme
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
