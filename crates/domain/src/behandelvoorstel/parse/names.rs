//! Splitting a run of words into the names of two people, as the session row of a
//! behandelvoorstel writes chair and clerk with nothing between them: "Vincent ten Voorde Coen
//! Hartendorp". Known names are matched first; otherwise Dutch name structure decides: given
//! names (capitalised, perhaps hyphenated like Marie-José, or initials), then lower-case
//! particles (van, de, ten, in 't, …), then one surname (hyphenated surnames are one word).

use super::words::is_capitalised;

/// Two people read from one run of words. A name is `None` where the document says it is not
/// yet known ("n.t.b.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum People {
    /// Two names.
    Two {
        /// The first person.
        first: Option<String>,
        /// The second person.
        second: Option<String>,
        /// Other splits were as good: the names are a guess.
        ambiguous: bool,
    },
    /// The words make one name only.
    One(String),
    /// The words make no name.
    Unreadable,
}

/// Lower-case particles that stand between given names and surname.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "ten", "ter", "te", "'t", "’t", "‘t", "het", "in", "op", "uit", "aan", "bij", "onder",
    "over", "voor", "tot", "'s", "’s", "d'", "d’", "l'", "l’", "la", "le", "les", "du", "des", "di", "da", "dal",
    "del", "della", "dos", "das", "do", "von", "vom", "zu", "zum", "y",
];

/// Titles that may stand before a name.
const TITLES: &[&str] = &[
    "mr.", "mr", "dr.", "dr", "drs.", "drs", "ir.", "ir", "ing.", "ing", "prof.", "prof", "mevr.", "mevr", "dhr.",
    "dhr", "mw.",
];

/// What a document writes for a person not yet known.
const PLACEHOLDERS: &[&str] =
    &["n.t.b.", "n.t.b", "ntb", "n.n.b.", "n.n.b", "nnb", "n.v.t.", "n.v.t", "nvt", "-", "–", "?"];

/// The cost of a name read from structure alone, over one that is known: a known name always wins.
const UNKNOWN_NAME_COST: u32 = 1;
/// The cost of each given name beyond the first ("Jan Willem"), which is rarer than one.
const EXTRA_GIVEN_NAME_COST: u32 = 2;

/// Splits `words` into two people, known names first (`known`, compared whole-word and without
/// regard to case), then by name structure, preferring the split whose names are most usual.
pub(super) fn split_two_people(words: &[&str], known: &[String]) -> People {
    // Trying every split costs the square of the words; two names never take this many.
    const MOST_WORDS: usize = 24;
    if words.len() > MOST_WORDS {
        return People::Unreadable;
    }
    let words = join_hyphenated_surnames(words);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let known: Vec<Vec<String>> =
        known.iter().map(|name| name.split_whitespace().map(str::to_lowercase).collect()).collect();

    let mut best: Option<(u32, usize)> = None;
    let mut ties = 0;
    for split in 1..words.len() {
        let (Some(first_cost), Some(second_cost)) =
            (person_cost(&words[..split], &known), person_cost(&words[split..], &known))
        else {
            continue;
        };
        let cost = first_cost + second_cost;
        match best {
            Some((best_cost, _)) if cost > best_cost => {}
            Some((best_cost, _)) if cost == best_cost => ties += 1,
            _ => {
                best = Some((cost, split));
                ties = 0;
            }
        }
    }
    match best {
        Some((_, split)) => {
            People::Two { first: person(&words[..split]), second: person(&words[split..]), ambiguous: ties > 0 }
        }
        None if !words.is_empty() && person_cost(&words, &known).is_some() => People::One(words.join(" ")),
        None => People::Unreadable,
    }
}

/// Whether `name` is one of `known`, whole words and without regard to case.
pub(super) fn is_known(name: &str, known: &[String]) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    known.iter().any(|known| known.split_whitespace().map(str::to_lowercase).eq(words.iter().cloned()))
}

fn person(words: &[&str]) -> Option<String> {
    match words {
        [single] if is_placeholder(single) => None,
        _ => Some(words.join(" ")),
    }
}

/// How unusual `words` are as one person's name; `None` when they cannot be one.
fn person_cost(words: &[&str], known: &[Vec<String>]) -> Option<u32> {
    if let [single] = words
        && is_placeholder(single)
    {
        return Some(0);
    }
    let is_known = known.iter().any(|name| {
        name.len() == words.len() && name.iter().zip(words).all(|(known, word)| *known == word.to_lowercase())
    });
    if is_known {
        return Some(0);
    }
    structure_cost(words).map(|cost| cost + UNKNOWN_NAME_COST)
}

/// Titles, given names or initials, particles, and one surname, in that order.
fn structure_cost(words: &[&str]) -> Option<u32> {
    let (surname, before) = words.split_last()?;
    if !is_name_word(surname) {
        return None;
    }
    let mut index = 0;
    while index < before.len() && is_title(before[index]) {
        index += 1;
    }
    let mut given_names = 0;
    let mut initials = 0;
    while index < before.len() && is_name_word(before[index]) {
        if is_initials(before[index]) {
            initials += 1;
        } else {
            given_names += 1;
        }
        index += 1;
    }
    while index < before.len() && is_particle(before[index]) {
        index += 1;
    }
    if index != before.len() {
        return None;
    }
    Some(match (given_names, initials) {
        // A surname alone is not read as a person: two surnames would otherwise pass for two
        // people where the document names one with a given name.
        (0, 0) => return None,
        (0, _) | (1, _) => 0,
        (more, _) => (more - 1) * EXTRA_GIVEN_NAME_COST,
    })
}

/// A capitalised word of letters, hyphens, apostrophes and dots (spaces too, in a surname that
/// [`join_hyphenated_surnames`] joined).
fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        && word.chars().all(|character| character.is_alphabetic() || matches!(character, '-' | '\'' | '’' | '.' | ' '))
}

/// "J.", "J.H.", "Th.".
fn is_initials(word: &str) -> bool {
    word.ends_with('.') && word.chars().count() <= 6
}

pub(super) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

fn is_title(word: &str) -> bool {
    TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

pub(super) fn is_placeholder(word: &str) -> bool {
    PLACEHOLDERS.iter().any(|placeholder| placeholder.eq_ignore_ascii_case(word))
}

/// "Jansen-van der Berg" is one surname, though the extraction gives it as three words: a word
/// ending in a hyphen and a particle takes the particles and the name that follow.
fn join_hyphenated_surnames(words: &[&str]) -> Vec<String> {
    let mut joined: Vec<String> = Vec::with_capacity(words.len());
    let mut index = 0;
    while index < words.len() {
        let mut word = words[index].to_owned();
        index += 1;
        let ends_in_particle =
            word.rsplit_once('-').is_some_and(|(before, particle)| !before.is_empty() && is_particle(particle));
        if ends_in_particle {
            while index < words.len() && is_particle(words[index]) {
                word.push(' ');
                word.push_str(words[index]);
                index += 1;
            }
            if index < words.len() && is_name_word(words[index]) {
                word.push(' ');
                word.push_str(words[index]);
                index += 1;
            }
        }
        joined.push(word);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, known: &[&str]) -> People {
        let words: Vec<&str> = text.split_whitespace().collect();
        let known: Vec<String> = known.iter().map(|name| (*name).to_owned()).collect();
        split_two_people(&words, &known)
    }

    fn two(first: &str, second: &str) -> People {
        People::Two { first: Some(first.to_owned()), second: Some(second.to_owned()), ambiguous: false }
    }

    #[test]
    fn splits_by_dutch_name_structure() {
        assert_eq!(split("Vincent ten Voorde Coen Hartendorp", &[]), two("Vincent ten Voorde", "Coen Hartendorp"));
        assert_eq!(
            split("Marie-José van der Berg Anne-Fleur Smit-Jansen", &[]),
            two("Marie-José van der Berg", "Anne-Fleur Smit-Jansen")
        );
        assert_eq!(split("Pieter in 't Veld Sanne op de Beek", &[]), two("Pieter in 't Veld", "Sanne op de Beek"));
        assert_eq!(split("Jan Willem de Boer Anna Smit", &[]), two("Jan Willem de Boer", "Anna Smit"));
        assert_eq!(
            split("J.H. de Vries Karin Jansen-van der Meer", &[]),
            two("J.H. de Vries", "Karin Jansen-van der Meer")
        );
        assert_eq!(split("drs. Els van 't Hof Ahmed El Amrani", &[]), two("drs. Els van 't Hof", "Ahmed El Amrani"));
    }

    #[test]
    fn known_names_come_first() {
        // By structure alone "Anna Bakker Jan Willem de Boer" could be split after Bakker or after Jan.
        assert!(matches!(split("Anna Bakker Jan Willem de Boer", &[]), People::Two { ambiguous: true, .. }));
        assert_eq!(
            split("Anna Bakker Jan Willem de Boer", &["jan willem de boer"]),
            two("Anna Bakker", "Jan Willem de Boer")
        );
        assert_eq!(
            split("Anna Bakker Jan Willem de Boer", &["Anna Bakker Jan"]),
            two("Anna Bakker Jan", "Willem de Boer")
        );
    }

    #[test]
    fn placeholders_and_single_names() {
        assert_eq!(
            split("n.t.b. Coen Hartendorp", &[]),
            People::Two { first: None, second: Some("Coen Hartendorp".to_owned()), ambiguous: false }
        );
        assert_eq!(split("Coen Hartendorp", &[]), People::One("Coen Hartendorp".to_owned()));
        assert_eq!(split("Hartendorp", &["hartendorp"]), People::One("Hartendorp".to_owned()));
        assert_eq!(split("Coen", &[]), People::Unreadable);
        assert_eq!(split("", &[]), People::Unreadable);
        assert_eq!(split("90 / 12", &[]), People::Unreadable);
    }

    #[test]
    fn knows_names_whole_words_without_case() {
        let known = vec!["Vincent ten Voorde".to_owned()];
        assert!(is_known("vincent TEN voorde", &known));
        assert!(!is_known("Vincent ten", &known));
    }
}
