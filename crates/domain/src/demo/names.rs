//! Fictional Dutch names, built from parts so that no list of whole names is typed by hand.

use std::collections::HashSet;

const FIRST_NAMES: &[&str] = &[
    "Anouk",
    "Bas",
    "Carlijn",
    "Daan",
    "Esther",
    "Femke",
    "Gert-Jan",
    "Hanneke",
    "Ilse",
    "Joost",
    "Karin",
    "Lotte",
    "Maarten",
    "Nadia",
    "Olaf",
    "Petra",
    "Quinten",
    "Roos",
    "Sander",
    "Tessa",
    "Umut",
    "Vera",
    "Willem",
    "Yvonne",
    "Zeynep",
    "Arjen",
    "Bianca",
    "Chantal",
    "Dirk",
    "Eline",
    "Frank",
    "Gerda",
    "Hamza",
    "Inge",
    "Jeroen",
    "Kees",
    "Linda",
    "Marloes",
    "Niels",
    "Oksana",
    "Pieter",
    "Rik",
    "Saskia",
    "Thijs",
    "Wendy",
    "Youssef",
    "Anna-Lena",
    "Bart",
    "Mirjam",
    "Ruud",
];

const PARTICLES: &[&str] = &["", "", "", "", "van", "de", "van der", "van den", "ten", "ter", "in 't", "op de"];

const SURNAMES: &[&str] = &[
    "Nijhuis",
    "Kamphuis",
    "Wolters",
    "Pierik",
    "Brinkman",
    "Scholten",
    "Veldhuis",
    "Boerrigter",
    "Hulshof",
    "Mensink",
    "Groothuis",
    "Bosch",
    "Lammertink",
    "Meijerink",
    "Jansen",
    "Assink",
    "Oude Luttikhuis",
    "Velthuis",
    "Kuipers",
    "Stokkers",
    "Hofstede",
    "Bruggink",
    "Morsink",
    "Haverkamp",
    "Leferink",
    "Wessels",
    "Dijkhuis",
    "Ekkelkamp",
    "Tijhuis",
    "Roelofs",
    "Aydın",
    "El Idrissi",
    "Kowalski",
    "Vos",
    "Smit",
    "Bakker",
    "Mulder",
    "Visser",
    "Dekker",
    "Brouwer",
];

/// Hands out fictional names, each at most once, never one of the names it was told to avoid.
#[derive(Clone)]
pub(super) struct NameMaker {
    used: HashSet<String>,
}

impl NameMaker {
    /// A maker that will never return any of `avoid`.
    pub(super) fn new(avoid: &[&str]) -> Self {
        NameMaker { used: avoid.iter().map(|name| (*name).to_owned()).collect() }
    }

    /// A new full name such as "Hanneke van der Velthuis".
    pub(super) fn next(&mut self, random: &mut fastrand::Rng) -> String {
        loop {
            let first = FIRST_NAMES[random.usize(..FIRST_NAMES.len())];
            let particle = PARTICLES[random.usize(..PARTICLES.len())];
            let surname = SURNAMES[random.usize(..SURNAMES.len())];
            let name = if particle.is_empty() {
                format!("{first} {surname}")
            } else {
                format!("{first} {particle} {surname}")
            };
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

/// A fictional e-mail address for a fictional name, on the reserved `example.org` domain.
pub(super) fn example_email(name: &str) -> String {
    let local: String = name
        .to_lowercase()
        .chars()
        .filter_map(|character| match character {
            ' ' => Some('.'),
            'ı' => Some('i'),
            character if character.is_ascii_alphanumeric() || character == '-' => Some(character),
            _ => None,
        })
        .collect();
    format!("{local}@example.org")
}
