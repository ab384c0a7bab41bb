//! The extracted text as clean lines. PDF extraction leaves trailing spaces, runs of blank lines,
//! bullets as private-use glyphs (U+F0B7) and the remains of tick boxes; this keeps the words,
//! remembers which lines began with a bullet and how many blank lines stood before each, and
//! drops what is only page furniture.

/// A line of the text that has words on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Line {
    /// 1-based number of the line in the text as given (a Windows line break counts once).
    pub(super) number: usize,
    /// The words, separated by single spaces, without bullet or glyphs.
    pub(super) text: String,
    /// Whether the line began with a bullet (or followed a line that held only a bullet).
    pub(super) bullet: bool,
    /// How many blank lines stood right before it.
    pub(super) blank_lines_before: usize,
}

impl Line {
    /// A line made from the part of another line after a label.
    pub(super) fn rest_of(line: &Line, rest: &str) -> Line {
        Line { number: line.number, text: rest.to_owned(), bullet: false, blank_lines_before: 0 }
    }
}

/// Every line with words on it, cleaned. A line that repeats the document's title later on is a
/// page header and is left out, as are page numbers ("Pagina 2 van 3").
pub(super) fn clean_lines(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = Vec::new();
    let mut blank_lines_before = 0;
    let mut bullet_pending = false;
    for (index, raw) in split_lines(text).enumerate() {
        let (text, bullet) = clean_line(raw);
        if text.is_empty() {
            // A bullet glyph alone on its line belongs to the text on the next one.
            bullet_pending |= bullet;
            blank_lines_before += 1;
            continue;
        }
        if is_page_furniture(raw) || (!lines.is_empty() && text.eq_ignore_ascii_case("behandelvoorstel")) {
            continue;
        }
        lines.push(Line { number: index + 1, text, bullet: bullet || bullet_pending, blank_lines_before });
        blank_lines_before = 0;
        bullet_pending = false;
    }
    lines
}

/// The lines of a text, whatever its line breaks: `\n`, `\r\n`, a lone `\r`, or the Unicode
/// line and paragraph separators.
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.char_indices().find(|(_, character)| is_line_break(*character)) {
            Some((at, character)) => {
                let mut next = at + character.len_utf8();
                if character == '\r' && current[next..].starts_with('\n') {
                    next += 1;
                }
                rest = Some(&current[next..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

fn is_line_break(character: char) -> bool {
    matches!(character, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// The words of one line, single-spaced, and whether it began with a bullet.
fn clean_line(raw: &str) -> (String, bool) {
    let mut text = String::with_capacity(raw.len());
    let mut bullet = false;
    let mut seen_anything = false;
    let mut space_pending = false;
    let mut characters = raw.chars().peekable();
    while let Some(character) = characters.next() {
        if is_space(character) {
            space_pending = true;
            continue;
        }
        if is_invisible(character) {
            continue;
        }
        if !seen_anything {
            seen_anything = true;
            let next_is_space = characters.peek().is_none_or(|next| is_space(*next));
            if is_private_use(character) || is_bullet_glyph(character) || (is_dash_bullet(character) && next_is_space) {
                bullet = true;
                continue;
            }
        }
        if is_private_use(character) || character.is_control() {
            // The remains of tick boxes and other symbol-font glyphs: a gap between words.
            space_pending = true;
            continue;
        }
        if space_pending && !text.is_empty() {
            text.push(' ');
        }
        space_pending = false;
        text.push(character);
    }
    (text, bullet)
}

/// White space of any kind, including the no-break and thin spaces PDF text is full of, and
/// the form feed that separates pages.
fn is_space(character: char) -> bool {
    character.is_whitespace() || matches!(character, '\u{000b}' | '\u{000c}')
}

/// Characters that take no room: zero-width spaces and joiners, byte order marks, soft hyphens.
fn is_invisible(character: char) -> bool {
    matches!(character, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}')
}

/// Symbol fonts (Symbol, Wingdings) come out of PDFs as Unicode's private-use area.
pub(super) fn is_private_use(character: char) -> bool {
    matches!(character, '\u{e000}'..='\u{f8ff}')
}

fn is_bullet_glyph(character: char) -> bool {
    matches!(
        character,
        '•' | '●'
            | '○'
            | '◦'
            | '▪'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '·'
            | '∙'
            | '⁃'
            | '☐'
            | '☒'
            | '☑'
    )
}

fn is_dash_bullet(character: char) -> bool {
    matches!(character, '-' | '–' | '—' | '*')
}

/// "Pagina 2 van 3", "Pagina 2", "Page 2 of 3", "- 2 -".
fn is_page_furniture(raw: &str) -> bool {
    const LONGEST: usize = 40;
    if raw.len() > LONGEST {
        return false;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    let is_number = |word: &str| !word.is_empty() && word.bytes().all(|byte| byte.is_ascii_digit());
    match words.as_slice() {
        [page, number] => {
            (page.eq_ignore_ascii_case("pagina") || page.eq_ignore_ascii_case("page")) && is_number(number)
        }
        [page, number, of, total] => {
            (page.eq_ignore_ascii_case("pagina") || page.eq_ignore_ascii_case("page"))
                && is_number(number)
                && (of.eq_ignore_ascii_case("van") || of.eq_ignore_ascii_case("of"))
                && is_number(total)
        }
        [dash, number, dash_after] => is_dash_bullet_str(dash) && is_number(number) && is_dash_bullet_str(dash_after),
        _ => false,
    }
}

fn is_dash_bullet_str(word: &str) -> bool {
    let mut characters = word.chars();
    matches!((characters.next(), characters.next()), (Some(character), None) if is_dash_bullet(character))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|line| line.text.as_str()).collect()
    }

    #[test]
    fn keeps_words_single_spaced_and_counts_blank_lines() {
        let lines = clean_lines("\u{feff} \n\nOnderwerp  Wijk \t werken  \n\n \n\nZaaknummer\u{a0}1\n");
        assert_eq!(texts(&lines), ["Onderwerp Wijk werken", "Zaaknummer 1"]);
        assert_eq!(lines[0].number, 3);
        assert_eq!(lines[0].blank_lines_before, 2);
        assert_eq!(lines[1].blank_lines_before, 3);
    }

    #[test]
    fn windows_and_old_mac_line_breaks_count_once() {
        let lines = clean_lines("a\r\nb\rc\n\r\nd");
        assert_eq!(texts(&lines), ["a", "b", "c", "d"]);
        assert_eq!(lines.iter().map(|line| line.number).collect::<Vec<_>>(), [1, 2, 3, 5]);
    }

    #[test]
    fn bullets_are_marked_and_glyphs_dropped() {
        let lines =
            clean_lines("\u{f0b7} Wanneer?\n• Hoe?\n- Wat?\n-5 graden\nja \u{f078} nee \u{f0a8} duur:\n\u{f0b7}\nWie?");
        assert_eq!(texts(&lines), ["Wanneer?", "Hoe?", "Wat?", "-5 graden", "ja nee duur:", "Wie?"]);
        assert_eq!(lines.iter().map(|line| line.bullet).collect::<Vec<_>>(), [true, true, true, false, false, true]);
    }

    #[test]
    fn page_numbers_and_repeated_titles_are_left_out() {
        let lines =
            clean_lines("Behandelvoorstel\nOnderwerp X\nPagina 1 van 2\n\u{c}Behandelvoorstel\n- 2 -\nHistorie Geen.");
        assert_eq!(texts(&lines), ["Behandelvoorstel", "Onderwerp X", "Historie Geen."]);
    }
}
