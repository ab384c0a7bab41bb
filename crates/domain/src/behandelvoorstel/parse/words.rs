//! Small readers of words shared by the parts of the parser: finding a word in a line, and
//! reading a duration ("90 min", "60 minuten", "1,5 uur").

/// The byte offset of `word` in `text` as a whole word, compared without regard to ASCII case.
/// Offsets hold for `text` itself, because ASCII lower-casing keeps every byte where it is.
pub(super) fn find_word(text: &str, word: &str) -> Option<usize> {
    let lower_text = text.to_ascii_lowercase();
    first_whole_word(text, &lower_text, &word.to_ascii_lowercase())
}

/// The byte offset of `word` in `text` as a whole word written exactly so.
pub(super) fn find_exact_word(text: &str, word: &str) -> Option<usize> {
    first_whole_word(text, text, word)
}

/// The first place where `word` occurs in `searched` (which has the byte layout of `text`) with
/// no letter or digit of `text` right before or after it.
fn first_whole_word(text: &str, searched: &str, word: &str) -> Option<usize> {
    if word.is_empty() {
        return None;
    }
    searched.match_indices(word).map(|(at, _)| at).find(|&at| {
        let before = text.get(..at).and_then(|before| before.chars().next_back());
        let after = text.get(at + word.len()..).and_then(|after| after.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// A word without the punctuation around it: "(3487985)." is "3487985".
pub(super) fn bare(word: &str) -> &str {
    word.trim_matches(|character: char| {
        matches!(character, '(' | ')' | '[' | ']' | ',' | '.' | ';' | ':' | '!' | '?' | '"' | '“' | '”' | '‘' | '’')
    })
}

/// Whether a word starts with a capital letter, as names do.
pub(super) fn is_capitalised(word: &str) -> bool {
    word.chars().find(|character| character.is_alphabetic()).is_some_and(char::is_uppercase)
        && word.chars().next().is_some_and(|first| first.is_alphabetic())
}

/// A duration starting at `words[start]`: its minutes and how many words it takes. Reads
/// "90 min", "90min", "60 minuten", "1,5 uur", "1.5 u", "anderhalf uur", "een half uur",
/// "1 uur en 30 minuten". A duration of nothing, or of more than a day, is not one.
pub(super) fn duration_at(words: &[&str], start: usize) -> Option<(u16, usize)> {
    let (minutes, used) = simple_duration_at(words, start)?;
    // "1 uur en 30 minuten", "1 uur 30 min"
    let mut total = minutes;
    let mut used_total = used;
    if is_hours_unit(words.get(start + used - 1).copied().unwrap_or_default()) {
        let after = start + used;
        let and_skipped = usize::from(words.get(after).is_some_and(|word| word.eq_ignore_ascii_case("en")));
        if let Some((more, more_used)) = simple_duration_at(words, after + and_skipped)
            && more < 60
            && !is_hours_unit(words.get(after + and_skipped + more_used - 1).copied().unwrap_or_default())
        {
            total = total.checked_add(more)?;
            used_total += and_skipped + more_used;
        }
    }
    (total > 0 && total <= 24 * 60).then_some((total, used_total))
}

fn simple_duration_at(words: &[&str], start: usize) -> Option<(u16, usize)> {
    let first = words.get(start)?.trim_start_matches('(');
    let next = words.get(start + 1).copied().unwrap_or_default();
    // Words for amounts of hours.
    let first_lower = first.to_lowercase();
    let hundredths_of_hours = match first_lower.as_str() {
        "anderhalf" => Some(150),
        "half" => Some(50),
        "een" | "één" if words.get(start + 1).is_some_and(|word| word.eq_ignore_ascii_case("half")) => {
            let unit = words.get(start + 2).copied().unwrap_or_default();
            return is_hours_unit(unit).then_some((30, 3));
        }
        "een" | "één" => Some(100),
        "twee" => Some(200),
        _ => None,
    };
    if let Some(hundredths) = hundredths_of_hours {
        return is_hours_unit(next).then(|| (hundredths * 60 / 100, 2));
    }
    // "90min", "1,5uur": the number and the unit in one word.
    let number_length =
        first.find(|character: char| !(character.is_ascii_digit() || character == ',' || character == '.'));
    let (number, unit, used) = match number_length {
        Some(0) => return None,
        Some(length) => (&first[..length], &first[length..], 1),
        None => (first, next, 2),
    };
    let hundredths = hundredths(number)?;
    let minutes = if is_minutes_unit(unit) {
        (hundredths + 50) / 100
    } else if is_hours_unit(unit) {
        (hundredths * 60 + 50) / 100
    } else {
        return None;
    };
    Some((u16::try_from(minutes).ok()?, used))
}

/// "1,5" as 150; at most four digits before the comma and two after.
fn hundredths(number: &str) -> Option<u32> {
    let number = number.trim_end_matches(['.', ',']);
    let (whole, fraction) = match number.find([',', '.']) {
        Some(at) => (&number[..at], &number[at + 1..]),
        None => (number, ""),
    };
    let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if whole.is_empty() || whole.len() > 4 || fraction.len() > 2 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let fraction: u32 = if fraction.is_empty() { 0 } else { format!("{fraction:0<2}").parse().ok()? };
    Some(whole * 100 + fraction)
}

fn is_minutes_unit(word: &str) -> bool {
    let word = bare(word).to_lowercase();
    matches!(word.as_str(), "min" | "mins" | "minuut" | "minuten" | "minutes" | "m" | "’" | "'")
}

fn is_hours_unit(word: &str) -> bool {
    let word = bare(word).to_lowercase();
    matches!(word.as_str(), "uur" | "u" | "uren" | "h" | "hour" | "hours")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duration(text: &str) -> Option<(u16, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        duration_at(&words, 0)
    }

    #[test]
    fn reads_durations_as_dutch_documents_write_them() {
        assert_eq!(duration("90 min"), Some((90, 2)));
        assert_eq!(duration("90 min."), Some((90, 2)));
        assert_eq!(duration("90min"), Some((90, 1)));
        assert_eq!(duration("60 minuten"), Some((60, 2)));
        assert_eq!(duration("1,5 uur"), Some((90, 2)));
        assert_eq!(duration("1.5 u"), Some((90, 2)));
        assert_eq!(duration("2 uur"), Some((120, 2)));
        assert_eq!(duration("1,25 uur"), Some((75, 2)));
        assert_eq!(duration("anderhalf uur"), Some((90, 2)));
        assert_eq!(duration("een half uur"), Some((30, 3)));
        assert_eq!(duration("een uur"), Some((60, 2)));
        assert_eq!(duration("1 uur en 30 minuten"), Some((90, 5)));
        assert_eq!(duration("1 uur 15 min"), Some((75, 4)));
        assert_eq!(duration("(5 minuten)"), Some((5, 2)));
    }

    #[test]
    fn other_numbers_are_not_durations() {
        assert_eq!(duration("90"), None);
        assert_eq!(duration("90 mensen"), None);
        assert_eq!(duration("0 min"), None);
        assert_eq!(duration("99999 uur"), None);
        assert_eq!(duration("1,,5 uur"), None);
        assert_eq!(duration("min 90"), None);
        assert_eq!(duration(""), None);
    }

    #[test]
    fn finds_whole_words_only() {
        assert_eq!(find_word("Spreekrecht publiek ja nee duur: geen", "duur"), Some(27));
        assert_eq!(find_word("verduurzaming duur", "duur"), Some(14));
        assert_eq!(find_word("Geïnteresseerden DUUR", "duur"), Some(18));
        assert_eq!(find_word("verduurzaming", "duur"), None);
        assert_eq!(find_exact_word("zaaknummer 1 Zaaknummer 2", "Zaaknummer"), Some(13));
        assert_eq!(find_exact_word("Zaaknummers", "Zaaknummer"), None);
    }

    #[test]
    fn strips_punctuation_and_sees_capitals() {
        assert_eq!(bare("(3487985)."), "3487985");
        assert!(is_capitalised("Marie-José"));
        assert!(is_capitalised("Émile"));
        assert!(!is_capitalised("ten"));
        assert!(!is_capitalised("'t"));
        assert!(!is_capitalised("90"));
    }
}
