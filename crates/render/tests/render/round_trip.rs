//! The design's promise: a behandelvoorstel rendered as PDF, its text extracted and read by the
//! domain's parser, gives back the same fields.

use time::macros::date;
use wijkbeeld_domain::behandelvoorstel::{
    History, ParseOptions, ProgrammeEntry, ProposalDocument, PublicSpeaking, parse,
};
use wijkbeeld_domain::proposal::{Domain, Purpose};
use wijkbeeld_render::render_pdf;

use super::{pdf_text, seed};

fn round_trip(document: &ProposalDocument) -> ProposalDocument {
    let pdf = render_pdf(document).expect("the document renders");
    let text = pdf_text(&pdf);
    let options = ParseOptions { year: Some(2023), today: date!(2026 - 11 - 01), people: &[], rooms: &[] };
    parse(&text, &options).unwrap_or_else(|error| panic!("the rendered text is not read: {error}\n{text}"))
}

/// Compares field by field, so that a failure names the field.
fn assert_same_fields(read: &ProposalDocument, written: &ProposalDocument) {
    assert_eq!(read.subject, written.subject, "subject");
    assert_eq!(read.case_number, written.case_number, "case number");
    assert_eq!(read.portfolio_holder, written.portfolio_holder, "portfolio holder");
    assert_eq!(read.history.text, written.history.text, "history");
    assert_eq!(read.history.documents, written.history.documents, "history's documents");
    assert_eq!(read.market_date, written.market_date, "market date");
    assert_eq!(read.chair, written.chair, "chair");
    assert_eq!(read.clerk, written.clerk, "clerk");
    assert_eq!(read.room, written.room, "room");
    assert_eq!(read.domains, written.domains, "domains");
    assert_eq!(read.duration_minutes, written.duration_minutes, "duration");
    assert_eq!(read.purpose, written.purpose, "purpose");
    assert_eq!(read.programme, written.programme, "programme");
    assert_eq!(read.public_speaking, written.public_speaking, "public speaking");
}

#[test]
fn the_seed_comes_back_from_its_pdf() {
    let written = seed::document();
    let read = round_trip(&written);
    assert_same_fields(&read, &written);
    assert!(read.warnings.is_empty(), "warnings: {:?}", read.warnings);
}

fn entry(number: u16, text: &str, questions: &[&str]) -> ProgrammeEntry {
    ProgrammeEntry {
        number,
        text: text.to_owned(),
        questions: questions.iter().map(|question| (*question).to_owned()).collect(),
    }
}

/// Speaking not allowed, names with particles and hyphens, a numbered room, one domain.
#[test]
fn a_proposal_without_public_speaking_comes_back() {
    let written = ProposalDocument {
        subject: Some("Herinrichting Marktplein en omliggende straten".to_owned()),
        case_number: Some("3790112".to_owned()),
        portfolio_holder: Some("Anne-Fleur van den Berg-Smit".to_owned()),
        history: History {
            text: "Op 14 november 2023 heeft de raad het Mobiliteitsplan Centrum vastgesteld (3712345).\n\nIn de \
                   raadsinformatiebrief van 9 januari 2024 (3750001 / 3750002) heeft het college de uitkomsten van \
                   de participatie gedeeld."
                .to_owned(),
            documents: ["3712345", "3750001", "3750002"].map(str::to_owned).to_vec(),
        },
        market_date: Some(date!(2024 - 03 - 12)),
        chair: Some("Marie-José in 't Veld".to_owned()),
        clerk: Some("Jan-Willem Smit-Jansen".to_owned()),
        room: Some("Commissiekamer 2".to_owned()),
        domains: vec![Domain::Physical],
        duration_minutes: Some(60),
        purpose: Some(Purpose::OpinionForming),
        programme: vec![
            entry(1, "Opening door de voorzitter", &[]),
            entry(2, "Presentatie van het voorlopig ontwerp door de projectleider en de landschapsarchitect", &[]),
            entry(
                3,
                "Bespreking aan de hand van de volgende vragen:",
                &[
                    "Welke keuze heeft uw voorkeur: meer groen of meer parkeerplaatsen?",
                    "Hoe wilt u dat de markt tijdens de werkzaamheden bereikbaar blijft?",
                ],
            ),
            entry(4, "Afsluiting", &[]),
        ],
        public_speaking: PublicSpeaking {
            allowed: Some(false),
            minutes_per_speaker: None,
            note: Some("Geen spreekrecht; dit is een technische sessie.".to_owned()),
        },
        warnings: Vec::new(),
    };
    let read = round_trip(&written);
    assert_same_fields(&read, &written);
    assert!(read.warnings.is_empty(), "warnings: {:?}", read.warnings);
}

/// Minutes per speaker, and a history long enough to push the rest onto a second page.
#[test]
fn a_proposal_over_two_pages_comes_back() {
    let paragraph = "Het college heeft de raad in een reeks brieven geïnformeerd over de voortgang van de \
                     wijkaanpak, de inzet van de wijkteams en de samenwerking met de woningcorporaties en de \
                     maatschappelijke partners in de wijken.";
    let mut written = seed::document();
    written.history.text = [seed::HISTORY.as_slice(), &[paragraph; 12]].concat().join("\n\n");
    written.public_speaking = PublicSpeaking {
        allowed: Some(true),
        minutes_per_speaker: Some(5),
        note: Some("5 minuten per inspreker. Aanmelden kan tot 25 september 2023 12.00 uur bij de griffie.".to_owned()),
    };
    let pdf = render_pdf(&written).expect("the document renders");
    let pages = lopdf::Document::load_mem(&pdf).expect("the PDF can be read").get_pages().len();
    assert_eq!(pages, 2, "the history pushes the session onto a second page");
    let read = round_trip(&written);
    assert_same_fields(&read, &written);
    assert!(read.warnings.is_empty(), "warnings: {:?}", read.warnings);
}
