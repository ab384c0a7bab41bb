//! The session row under "Voorzitter Griffiemedewerker Zaal Domein Duur": chair, clerk, room,
//! domains and duration in one run of words with nothing between them, e.g. "Vincent ten Voorde
//! Coen Hartendorp Raadzaal Fysiek / Bestuur / Sociaal 90 min". It is read from the end: the
//! duration, then the domains before it, then the room, and what is left are the two names.

use super::names::{People, is_known, is_particle, is_placeholder, split_two_people};
use super::words::{bare, duration_at, is_capitalised};
use crate::behandelvoorstel::{Field, Note};
use crate::proposal::Domain;

/// What the session row says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct SessionRow {
    pub(super) chair: Option<String>,
    pub(super) clerk: Option<String>,
    pub(super) room: Option<String>,
    pub(super) domains: Vec<Domain>,
    pub(super) duration_minutes: Option<u16>,
    /// What could not be read and what was guessed.
    pub(super) warnings: Vec<Note>,
}

/// Reads the session row; `people` and `rooms` are known names, matched first.
pub(super) fn read_session_row(text: &str, people: &[String], rooms: &[String]) -> SessionRow {
    let tokens = tokens(text);
    let mut words: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let mut row = SessionRow::default();

    if let Some((start, minutes, used)) = last_duration(&words) {
        row.duration_minutes = Some(minutes);
        let after = &words[start + used..];
        if !after.is_empty() {
            row.warnings.push(Note::IgnoredAfterDuration { text: after.join(" ") });
        }
        words.truncate(start);
    } else {
        row.warnings.push(Note::NoDuration { row: text.to_owned() });
    }

    let domain_start = trailing_domains_start(&words);
    row.domains = domains_in(&words[domain_start..]);
    if row.domains.is_empty() {
        row.warnings.push(Note::NoDomain { row: text.to_owned() });
    } else {
        words.truncate(domain_start);
    }

    let name_end = match find_room(&words, rooms) {
        Some(found) => {
            row.room = Some(words[found.start..found.end].join(" "));
            if found.end < words.len() {
                row.warnings.push(Note::IgnoredAfterRoom {
                    text: words[found.end..].join(" "),
                    room: words[found.start..found.end].join(" "),
                });
            }
            if !found.known && !rooms.is_empty() {
                row.warnings.push(Note::RoomReadByName { room: words[found.start..found.end].join(" ") });
            }
            found.start
        }
        // "n.t.b." where the room stands, after two names: the griffie has not chosen one yet.
        None if words.last().is_some_and(|last| is_placeholder(last))
            && matches!(split_two_people(&words[..words.len() - 1], people), People::Two { .. }) =>
        {
            row.warnings.push(Note::NotYetKnown { field: Field::Room });
            words.len() - 1
        }
        None => {
            row.warnings.push(Note::NoRoom { row: text.to_owned() });
            words.len()
        }
    };

    read_names(&words[..name_end], people, &mut row);
    row
}

fn read_names(words: &[&str], people: &[String], row: &mut SessionRow) {
    let names = words.join(" ");
    match split_two_people(words, people) {
        People::Two { first, second, ambiguous } => {
            if ambiguous {
                row.warnings.push(Note::AmbiguousNames {
                    names: names.clone(),
                    chair: first.clone().unwrap_or_else(|| "?".to_owned()),
                    clerk: second.clone().unwrap_or_else(|| "?".to_owned()),
                });
            }
            for (field, name) in [(Field::Chair, &first), (Field::Clerk, &second)] {
                match name {
                    None => row.warnings.push(Note::NotYetKnown { field }),
                    Some(name) if !people.is_empty() && !is_known(name, people) => {
                        row.warnings.push(Note::PersonNotKnown { field, name: name.clone() });
                    }
                    Some(_) => {}
                }
            }
            row.chair = first;
            row.clerk = second;
        }
        People::One(name) => {
            row.warnings.push(Note::OnePersonOnly { name: name.clone() });
            if !people.is_empty() && !is_known(&name, people) {
                row.warnings.push(Note::PersonNotKnown { field: Field::Chair, name: name.clone() });
            }
            row.chair = Some(name);
        }
        People::Unreadable if names.is_empty() => {
            row.warnings.push(Note::NoNames { field: Field::Chair });
            row.warnings.push(Note::NoNames { field: Field::Clerk });
        }
        People::Unreadable => {
            row.warnings.push(Note::UnreadableNames { field: Field::Chair, names: names.clone() });
            row.warnings.push(Note::UnreadableNames { field: Field::Clerk, names });
        }
    }
}

/// The words of the row, with slashes as words of their own ("Fysiek/Bestuur" is three).
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    for word in text.split_whitespace() {
        for (index, part) in word.split('/').enumerate() {
            if index > 0 {
                tokens.push("/".to_owned());
            }
            if !part.is_empty() {
                tokens.push(part.to_owned());
            }
        }
    }
    tokens
}

/// The last duration in the words: where it starts, its minutes, and how many words it takes.
fn last_duration(words: &[&str]) -> Option<(usize, u16, usize)> {
    (0..words.len()).rev().find_map(|start| duration_at(words, start).map(|(minutes, used)| (start, minutes, used)))
}

/// Where the run of domain words and separators at the end of `words` starts.
fn trailing_domains_start(words: &[&str]) -> usize {
    let mut start = words.len();
    while start > 0 && (domain_of(words[start - 1]).is_some() || is_domain_separator(words[start - 1])) {
        start -= 1;
    }
    // Separators before the first domain word belong to nothing; leave them with the room.
    while start < words.len() && domain_of(words[start]).is_none() {
        start += 1;
    }
    start
}

fn domains_in(words: &[&str]) -> Vec<Domain> {
    let mut domains = Vec::new();
    for domain in words.iter().filter_map(|word| domain_of(word)) {
        if !domains.contains(&domain) {
            domains.push(domain);
        }
    }
    domains
}

fn domain_of(word: &str) -> Option<Domain> {
    match bare(word).to_lowercase().as_str() {
        "fysiek" | "fysieke" => Some(Domain::Physical),
        "bestuur" | "bestuurlijk" | "bestuurlijke" => Some(Domain::Governance),
        "sociaal" | "sociale" => Some(Domain::Social),
        _ => None,
    }
}

fn is_domain_separator(word: &str) -> bool {
    matches!(word, "/" | "," | "&" | "+" | "|" | "-" | "–")
        || ["en", "domein", "domeinen"].iter().any(|separator| bare(word).eq_ignore_ascii_case(separator))
}

/// Where the room stands in the words, and whether it is one of the known rooms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FoundRoom {
    start: usize,
    end: usize,
    known: bool,
}

/// The room: the known room that ends last in the words (the longest, where two end together),
/// else the last word that names a room ("Raadzaal", "Commissiekamer") with what follows it
/// ("2").
fn find_room(words: &[&str], rooms: &[String]) -> Option<FoundRoom> {
    let mut best: Option<FoundRoom> = None;
    for room in rooms {
        let room_words: Vec<String> = room.split_whitespace().map(str::to_lowercase).collect();
        if room_words.is_empty() || room_words.len() > words.len() {
            continue;
        }
        for start in 0..=words.len() - room_words.len() {
            let end = start + room_words.len();
            let matches =
                words[start..end].iter().zip(&room_words).all(|(word, room)| bare(word).to_lowercase() == *room);
            let better = best.is_none_or(|best| end > best.end || (end == best.end && start < best.start));
            if matches && better {
                best = Some(FoundRoom { start, end, known: true });
            }
        }
    }
    if best.is_some() {
        return best;
    }
    let room_word = (0..words.len())
        .rev()
        .find(|&index| is_room_word(words[index]) && !(index > 0 && is_particle(words[index - 1])))?;
    let start = if room_word > 0 && is_room_adjective(words[room_word - 1]) { room_word - 1 } else { room_word };
    Some(FoundRoom { start, end: words.len(), known: false })
}

/// "Raadzaal", "Burgerzaal", "Trouwzaal", "zaal", "Commissiekamer", "Vergaderruimte", "Foyer".
fn is_room_word(word: &str) -> bool {
    let word = bare(word).to_lowercase();
    ["zaal", "kamer", "ruimte", "salon"].iter().any(|suffix| word.ends_with(suffix))
        || matches!(word.as_str(), "foyer" | "atrium" | "aula" | "hal" | "studio" | "online")
}

/// "Kleine zaal", "Grote Raadzaal".
fn is_room_adjective(word: &str) -> bool {
    is_capitalised(word)
        && matches!(
            word.to_lowercase().as_str(),
            "kleine" | "grote" | "nieuwe" | "oude" | "blauwe" | "rode" | "groene" | "gele" | "witte" | "de" | "het"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> SessionRow {
        read_session_row(text, &[], &[])
    }

    #[test]
    fn reads_the_seed_row() {
        let row = read("Vincent ten Voorde Coen Hartendorp Raadzaal Fysiek / Bestuur / Sociaal 90 min");
        assert_eq!(row.chair.as_deref(), Some("Vincent ten Voorde"));
        assert_eq!(row.clerk.as_deref(), Some("Coen Hartendorp"));
        assert_eq!(row.room.as_deref(), Some("Raadzaal"));
        assert_eq!(row.domains, [Domain::Physical, Domain::Governance, Domain::Social]);
        assert_eq!(row.duration_minutes, Some(90));
        assert!(row.warnings.is_empty(), "{:?}", row.warnings);
    }

    #[test]
    fn rooms_with_numbers_and_adjectives() {
        let row = read("Anne-Marie de Jong Pieter van 't Hek Commissiekamer 2 Sociaal 60 minuten");
        assert_eq!(row.room.as_deref(), Some("Commissiekamer 2"));
        assert_eq!(row.chair.as_deref(), Some("Anne-Marie de Jong"));
        assert_eq!(row.clerk.as_deref(), Some("Pieter van 't Hek"));
        let row = read("Els Smit Ria Vos Kleine zaal Fysiek/Sociaal 1,5 uur");
        assert_eq!(row.room.as_deref(), Some("Kleine zaal"));
        assert_eq!(row.domains, [Domain::Physical, Domain::Social]);
        assert_eq!(row.duration_minutes, Some(90));
        // A surname like "van der Kamer" is not a room.
        let row = read("Els van der Kamer Ria Vos Raadzaal Bestuur 45 min");
        assert_eq!(row.chair.as_deref(), Some("Els van der Kamer"));
        assert_eq!(row.room.as_deref(), Some("Raadzaal"));
    }

    #[test]
    fn known_rooms_and_people_come_first() {
        let rooms = vec!["De Kuil".to_owned(), "Raadzaal".to_owned()];
        let people = vec!["Anna Bakker Jan".to_owned()];
        let row = read_session_row("Anna Bakker Jan Willem de Boer de kuil Bestuur 30 min", &people, &rooms);
        assert_eq!(row.room.as_deref(), Some("de kuil"));
        assert_eq!(row.chair.as_deref(), Some("Anna Bakker Jan"));
        assert_eq!(row.clerk.as_deref(), Some("Willem de Boer"));
        assert_eq!(row.warnings, ["clerk: \"Willem de Boer\" is not one of the known people"]);
    }

    #[test]
    fn a_room_not_yet_known() {
        let row = read("Lisa Jansen Coen Hartendorp n.t.b. Sociaal 60 min");
        assert_eq!(row.chair.as_deref(), Some("Lisa Jansen"));
        assert_eq!(row.clerk.as_deref(), Some("Coen Hartendorp"));
        assert_eq!(row.room, None);
        assert_eq!(row.warnings, ["room: not yet known in the session row"]);
    }

    #[test]
    fn says_what_is_missing() {
        let row = read("Vincent ten Voorde");
        assert_eq!(row.chair.as_deref(), Some("Vincent ten Voorde"));
        assert_eq!(row.clerk, None);
        assert_eq!(row.room, None);
        assert_eq!(row.domains, []);
        assert_eq!(row.duration_minutes, None);
        assert_eq!(row.warnings.len(), 4, "{:?}", row.warnings);
        let row = read("");
        assert_eq!(row, SessionRow { warnings: row.warnings.clone(), ..SessionRow::default() });
        assert_eq!(row.warnings.len(), 5, "{:?}", row.warnings);
    }
}
