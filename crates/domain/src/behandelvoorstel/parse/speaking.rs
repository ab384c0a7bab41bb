//! The public's right to speak: "Spreekrecht publiek ja nee duur: Geïnteresseerden kunnen
//! meespreken." The tick boxes after "ja" and "nee" are lost in the extracted text, so whether
//! the public may speak is read from what follows "duur:": a duration or an invitation to speak
//! means yes, "nee" or "geen" means no.

use super::words::{bare, duration_at, find_word};
use crate::behandelvoorstel::{Note, PublicSpeaking};

/// Reads the text after the "Spreekrecht publiek" label (its lines joined).
pub(super) fn read_public_speaking(text: &str, warnings: &mut Vec<Note>) -> PublicSpeaking {
    let (boxes, note) = match find_word(text, "duur") {
        Some(at) => (&text[..at], text[at + "duur".len()..].trim_start_matches([':', ' ', '.'])),
        None => {
            // No "duur:": the words ja/nee that head the text are the boxes, the rest the note.
            let boxes_end = text
                .split(' ')
                .take_while(|word| is_box_word(word))
                .map(|word| word.len() + 1)
                .sum::<usize>()
                .min(text.len());
            (text.get(..boxes_end).unwrap_or(text), text.get(boxes_end..).unwrap_or_default())
        }
    };
    let note = note.trim();
    let note = (!note.is_empty()).then(|| note.to_owned());

    let box_words: Vec<String> = boxes.split([' ', '/']).map(|word| bare(word).to_lowercase()).collect();
    let says_yes = box_words.iter().any(|word| word == "ja");
    let says_no = box_words.iter().any(|word| word == "nee");
    // When only one of the two words is left, the other was taken out of the template.
    let by_boxes = match (says_yes, says_no) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    };
    let by_note = note.as_deref().and_then(allowed_by_note);
    let allowed = match (by_boxes, by_note) {
        (Some(boxes), Some(note_says)) if boxes != note_says => {
            warnings.push(Note::SpeakingContradicts { form: boxes, text: note_says });
            Some(note_says)
        }
        (boxes, note_says) => note_says.or(boxes),
    };
    if allowed.is_none() {
        warnings.push(Note::SpeakingUnknown);
    }

    let minutes_per_speaker = note.as_deref().and_then(|note| minutes_per_speaker(note, allowed, warnings));
    PublicSpeaking { allowed, minutes_per_speaker, note }
}

/// Whether a word ends its clause: "minuten;" does, "min." (an abbreviation) does not.
fn ends_clause(word: &str) -> bool {
    let abbreviation = ["min.", "u."].iter().any(|abbreviation| word.eq_ignore_ascii_case(abbreviation));
    word.ends_with([';', ',', ':']) || (word.ends_with('.') && !abbreviation)
}

fn is_box_word(word: &str) -> bool {
    let word = bare(word);
    word.eq_ignore_ascii_case("ja") || word.eq_ignore_ascii_case("nee") || word.eq_ignore_ascii_case("ja/nee")
}

/// Whether the text after "duur:" says that the public may speak.
fn allowed_by_note(note: &str) -> Option<bool> {
    let lower = note.to_lowercase();
    let first_word = lower.split(' ').map(bare).find(|word| !word.is_empty()).unwrap_or_default();
    let refusals = ["geen spreekrecht", "geen inspreek", "niet mogelijk", "niet toegestaan", "geen gelegenheid"];
    if matches!(first_word, "nee" | "geen" | "niet" | "n.v.t" | "nvt")
        || refusals.iter().any(|refusal| lower.contains(refusal))
    {
        return Some(false);
    }
    let words: Vec<&str> = note.split(' ').collect();
    let invitations = [
        "meespreken",
        "meepraten",
        "inspreken",
        "inspreker",
        "spreekrecht",
        "het woord",
        "kunnen spreken",
        "mogen spreken",
    ];
    let has_duration = (0..words.len()).any(|start| duration_at(&words, start).is_some());
    (has_duration || invitations.iter().any(|invitation| lower.contains(invitation))).then_some(true)
}

/// "5 minuten per inspreker", "per spreker 3 min"; a duration alone at the start of the note
/// ("duur: 5 minuten") is taken as the time per speaker, with a warning.
fn minutes_per_speaker(note: &str, allowed: Option<bool>, warnings: &mut Vec<Note>) -> Option<u16> {
    let words: Vec<&str> = note.split(' ').collect();
    let is_per = |index: usize| words.get(index).is_some_and(|word| bare(word).eq_ignore_ascii_case("per"));
    let is_speaker = |index: usize| {
        words.get(index).is_some_and(|word| {
            let word = bare(word).to_lowercase();
            ["inspreker", "spreker", "persoon", "deelnemer", "insprekende", "organisatie"]
                .iter()
                .any(|speaker| word.starts_with(speaker))
        })
    };
    for start in 0..words.len() {
        if let Some((minutes, used)) = duration_at(&words, start) {
            let clause_goes_on = !ends_clause(words[start + used - 1]);
            if clause_goes_on && is_per(start + used) && is_speaker(start + used + 1) {
                return Some(minutes);
            }
        } else if is_per(start)
            && is_speaker(start + 1)
            && let Some((minutes, _)) = duration_at(&words, start + 2)
        {
            return Some(minutes);
        }
    }
    let (minutes, _) = duration_at(&words, 0)?;
    if allowed == Some(false) {
        return None;
    }
    warnings.push(Note::MinutesPerSpeakerGuessed { minutes });
    Some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (PublicSpeaking, Vec<Note>) {
        let mut warnings = Vec::new();
        let speaking = read_public_speaking(text, &mut warnings);
        (speaking, warnings)
    }

    #[test]
    fn an_invitation_is_a_yes() {
        let (speaking, warnings) =
            read("ja nee duur: Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.");
        assert_eq!(speaking.allowed, Some(true));
        assert_eq!(speaking.minutes_per_speaker, None);
        assert_eq!(
            speaking.note.as_deref(),
            Some("Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.")
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn minutes_per_speaker() {
        let (speaking, warnings) = read("ja nee duur: 5 minuten per inspreker, aanmelden bij de griffie");
        assert_eq!((speaking.allowed, speaking.minutes_per_speaker), (Some(true), Some(5)));
        assert!(warnings.is_empty(), "{warnings:?}");
        let (speaking, _) = read("ja nee duur: maximaal 30 minuten; per inspreker 3 min.");
        assert_eq!((speaking.allowed, speaking.minutes_per_speaker), (Some(true), Some(3)));
        let (speaking, warnings) = read("ja nee duur: 5 min");
        assert_eq!((speaking.allowed, speaking.minutes_per_speaker), (Some(true), Some(5)));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn nee_and_geen_are_a_no() {
        for text in [
            "ja nee duur: geen",
            "ja nee duur: nee",
            "ja nee duur: Geen spreekrecht, dit is een besloten sessie.",
            "nee",
        ] {
            let (speaking, warnings) = read(text);
            assert_eq!(speaking.allowed, Some(false), "{text}");
            assert!(warnings.is_empty(), "{text}: {warnings:?}");
        }
        assert_eq!(read("ja nee duur: geen").0.note.as_deref(), Some("geen"));
        assert_eq!(read("nee").0.note, None);
    }

    #[test]
    fn nothing_is_unknown() {
        for text in ["ja nee duur:", "ja nee", "", "ja nee duur: zie de toelichting"] {
            let (speaking, warnings) = read(text);
            assert_eq!(speaking.allowed, None, "{text}");
            assert_eq!(warnings.len(), 1, "{text}: {warnings:?}");
        }
    }

    #[test]
    fn the_text_wins_over_a_single_box_word() {
        let (speaking, warnings) = read("nee duur: 3 minuten per inspreker");
        assert_eq!(speaking.allowed, Some(true));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(read("ja").0.allowed, Some(true));
    }
}
