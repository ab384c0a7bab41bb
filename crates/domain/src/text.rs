//! What a text typed into a form may hold: no control characters (NUL, escape, the C1 range…),
//! which no one types, which make stored text unreadable and which can break what shows it;
//! tabs and line breaks only where a field has lines.

/// Whether `text` holds a control character that it may not: any, in a one-line field; any but a
/// tab, line feed or carriage return in a text of several lines (`multiline`).
pub fn has_control_characters(text: &str, multiline: bool) -> bool {
    text.chars().any(|character| character.is_control() && !(multiline && matches!(character, '\t' | '\n' | '\r')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_take_no_control_characters_and_texts_only_tabs_and_line_breaks() {
        assert!(!has_control_characters("Wijkgericht werken — ‘t Rot", false));
        for bad in ["a\u{0}b", "\u{1b}[31m", "a\u{7f}", "a\u{85}b", "tab\tin een regel", "twee\nregels"] {
            assert!(has_control_characters(bad, false), "{bad:?}");
        }
        assert!(!has_control_characters("Eerste alinea.\r\n\r\nTweede\tmet tab.", true));
        assert!(has_control_characters("tekst\u{0}", true));
    }
}
