//! Unit tests of the parts of the parser that live in `parse.rs`; the whole documents are
//! tested in `crates/domain/tests/behandelvoorstel.rs`.

use time::macros::date;

use super::*;

const SEED: &str = include_str!("../../../tests/data/behandelvoorstel/wijkgericht-werken.txt");

fn options() -> ParseOptions<'static> {
    ParseOptions { year: None, today: date!(2026 - 11 - 28), people: &[], rooms: &[] }
}

#[test]
fn decodes_utf8_with_and_without_byte_order_mark() {
    assert_eq!(decode(b"Onderwerp X").as_deref(), Ok("Onderwerp X"));
    assert_eq!(decode("\u{feff}Onderwerp Geïnteresseerden".as_bytes()).as_deref(), Ok("Onderwerp Geïnteresseerden"));
    assert_eq!(decode(b"a\tb\r\n\x0cc").as_deref(), Ok("a\tb\r\n\x0cc"));
}

#[test]
fn refuses_empty_and_binary_files() {
    assert_eq!(decode(b""), Err(ParseError::Empty));
    assert_eq!(decode(b"\xef\xbb\xbf \r\n\t\n"), Err(ParseError::Empty));
    assert_eq!(decode(b"Onderwerp\x00X"), Err(ParseError::Binary(9)));
    assert_eq!(decode(b"\xef\xbb\xbf\x00"), Err(ParseError::Binary(3)));
    assert_eq!(decode(b"Onderwerp \xe9t\xe9"), Err(ParseError::Binary(10)));
    assert_eq!(decode(b"%PDF-1.7\n\x01\x02\x03\x04\x05\x06\x07"), Err(ParseError::Binary(9)));
    // One stray control character in a text is still text.
    assert!(decode(b"Onderwerp X\x07 en nog wat tekst").is_ok());
    let mut long = "Onderwerp Wijkgericht werken\n".repeat(20).into_bytes();
    long.extend_from_slice(b"\x1b\x1b");
    assert!(decode(&long).is_ok());
}

#[test]
fn parse_refuses_empty_text_and_other_documents() {
    assert_eq!(parse(" \n\u{feff}\n\t", &options()), Err(ParseError::Empty));
    for other in [
        "Boodschappen\n\n- melk\n- brood\n- 6 eieren\n",
        "Onderwerp;Zaaknummer;Datum\nWijkgericht werken;3641304;2023-09-26\n",
        "Hengelo, 3 oktober 2023\n\nOnderwerp: uw aanvraag\nZaaknummer 1234567\n\nGeachte heer Jansen,\n\nMet vriendelijke groet,\n",
    ] {
        match parse(other, &options()) {
            Err(ParseError::NotAProposal(reason)) => assert!(!reason.is_empty()),
            result => panic!("{other:?} gave {result:?}"),
        }
    }
}

#[test]
fn header_labels_share_a_line() {
    let lines =
        clean_lines("Onderwerp X\nZaaknummer  3641304 Portefeuillehouder Marie-José Luttikholt\nHistorie Geen.");
    let sections = split_sections(&lines);
    let labels: Vec<(Label, String)> = sections.iter().map(|section| (section.label, joined(&section.lines))).collect();
    assert_eq!(
        labels,
        [
            (Label::Subject, "X".to_owned()),
            (Label::CaseNumber, "3641304".to_owned()),
            (Label::PortfolioHolder, "Marie-José Luttikholt".to_owned()),
            (Label::History, "Geen.".to_owned()),
        ]
    );
}

#[test]
fn history_sentences_about_the_market_are_no_label() {
    let lines = clean_lines(
        "Historie Op 12 maart 2024 sprak de\nPolitieke Markt van 12 maart 2024 heeft de raad gesproken.\n\
         Politieke Markt over dit onderwerp.\nPolitieke Markt 2 april\n",
    );
    let sections = split_sections(&lines);
    assert_eq!(sections.iter().map(|section| section.label).collect::<Vec<_>>(), [Label::History, Label::Market]);
    assert_eq!(joined(&sections[1].lines), "2 april");
}

#[test]
fn finds_document_numbers_not_other_numbers() {
    let text = "In 2022-2026 (3487985). Brief (3604012 / 3614175), € 150000 en 250000 euro, tel. 074-2459876, \
                1.500.000 inwoners, opnieuw 3487985, postcode 7551 AB, Z123456 en 12345.";
    assert_eq!(document_numbers(text), ["3487985", "3604012", "3614175", "12345"]);
}

#[test]
fn the_seed_market_date_takes_the_year_of_the_history() {
    let document = parse(SEED, &options()).expect("the seed is a proposal");
    assert_eq!(document.market_date, Some(date!(2023 - 09 - 26)));
    assert_eq!(
        document.warnings,
        [
            "market_date: \"26 september\" has no year; took 2023, the year of the latest date in the history (27 juni 2023)"
        ]
    );
    let given = parse(SEED, &ParseOptions { year: Some(2024), ..options() }).expect("the seed is a proposal");
    assert_eq!(given.market_date, Some(date!(2024 - 09 - 26)));
    assert_eq!(given.warnings, ["market_date: \"26 september\" has no year; took 2024, as given"]);
}

#[test]
fn a_market_date_without_year_or_history_takes_this_year() {
    let text = "Behandelvoorstel\nOnderwerp X\nHistorie Geen.\nPolitieke Markt 29 februari\n";
    let document = parse(text, &ParseOptions { today: date!(2028 - 01 - 05), ..options() }).expect("a proposal");
    assert_eq!(document.market_date, Some(date!(2028 - 02 - 29)));
    assert!(document.warnings.contains(&Note::YearThisYear { date: "29 februari".to_owned(), year: 2028 }));
    let document = parse(text, &options()).expect("a proposal");
    assert_eq!(document.market_date, None);
    assert!(document.warnings.contains(&Note::NoSuchDate { text: "29 februari".to_owned() }));
}
