//! The standalone HTML page: its structure and its escaping.

use wijkbeeld_domain::behandelvoorstel::{History, ProgrammeEntry, ProposalDocument, PublicSpeaking};
use wijkbeeld_render::render_html;

use super::{HOSTILE, seed};

/// `text` with the five characters HTML gives a meaning escaped, as askama escapes them.
fn escaped(text: &str) -> String {
    text.replace('&', "&#38;").replace('<', "&#60;").replace('>', "&#62;").replace('"', "&#34;").replace('\'', "&#39;")
}

#[test]
fn is_a_standalone_accessible_page() {
    let html = render_html(&seed::document());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"), "{}", &html[..60]);
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Behandelvoorstel: Wijkgericht werken</title>"));
    assert!(html.contains("<style>") && html.contains("@media print") && html.contains("size: A4"));
    for absent in ["<script", " style=\"", "<link", "src=", "href=", "http://", "https://"] {
        assert!(!html.contains(absent), "the page holds {absent:?}");
    }
    let h1 = html.find("<h1>Behandelvoorstel</h1>").expect("an h1");
    let h2 = html.find("<h2 id=\"markt\">Politieke Markt 26 september 2023</h2>").expect("an h2");
    assert!(h1 < h2 && !html.contains("<h3"));
    for header in ["Voorzitter", "Griffiemedewerker", "Zaal", "Domein", "Duur"] {
        assert!(html.contains(&format!("<th scope=\"col\">{header}</th>")), "{header}");
    }
    for label in [
        "Onderwerp",
        "Zaaknummer",
        "Portefeuillehouder",
        "Historie",
        "Doel van de sessie",
        "Behandeladvies",
        "Spreekrecht publiek",
    ] {
        assert!(html.contains(&format!("<th scope=\"row\">{label}</th>")), "{label}");
    }
}

#[test]
fn shows_the_seed() {
    let html = render_html(&seed::document());
    for expected in [
        "<td colspan=\"3\">Wijkgericht werken</td>",
        "<td>3641304</td>",
        "<td>Marie-José Luttikholt</td>",
        "<td>Vincent ten Voorde</td><td>Coen Hartendorp</td><td>Raadzaal</td><td>Fysiek / Bestuur / Sociaal</td><td>90 min</td>",
        "<td>Beeldvorming</td>",
        "<li value=\"4\">In gesprek met elkaar aan de hand van de volgende vragen:\n<ul>",
        "<li>Wat wilt u het college nog meegeven?</li>",
        "<li value=\"5\">Afsluiting en vervolg\n</li>",
        "aria-label=\"aangekruist\">☒</span> <strong>ja</strong>",
        "aria-label=\"niet aangekruist\">☐</span> nee",
        "duur: Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.",
    ] {
        assert!(html.contains(expected), "expected {expected:?} in\n{html}");
    }
    for paragraph in seed::HISTORY {
        assert!(html.contains(&format!("<p>{paragraph}</p>")), "{paragraph}");
    }
}

#[test]
fn ticks_nee_when_speaking_is_not_allowed_and_neither_when_unknown() {
    let mut document = seed::document();
    document.public_speaking = PublicSpeaking { allowed: Some(false), minutes_per_speaker: Some(3), note: None };
    let html = render_html(&document);
    assert!(html.contains("aria-label=\"niet aangekruist\">☐</span> ja"));
    assert!(html.contains("aria-label=\"aangekruist\">☒</span> <strong>nee</strong>"));
    assert!(html.contains("duur: 3 minuten per spreker"));

    document.public_speaking = PublicSpeaking::default();
    let html = render_html(&document);
    assert_eq!(html.matches("aria-label=\"niet aangekruist\"").count(), 2);
}

#[test]
fn escapes_every_text() {
    for hostile in HOSTILE {
        let text = (*hostile).to_owned();
        let document = ProposalDocument {
            subject: Some(text.clone()),
            case_number: Some(text.clone()),
            portfolio_holder: Some(text.clone()),
            history: History { text: text.clone(), documents: vec![] },
            chair: Some(text.clone()),
            clerk: Some(text.clone()),
            room: Some(text.clone()),
            programme: vec![ProgrammeEntry { number: 1, text: text.clone(), questions: vec![text.clone()] }],
            public_speaking: PublicSpeaking {
                allowed: Some(true),
                minutes_per_speaker: None,
                note: Some(text.clone()),
            },
            ..ProposalDocument::default()
        };
        let html = render_html(&document);
        let escaped = escaped(hostile);
        // The title, and the subject, case number, holder, history, chair, clerk, room, item,
        // question and note.
        assert_eq!(html.matches(&escaped).count(), 11, "{hostile:?} is not escaped as {escaped:?} in\n{html}");
        if hostile.contains(['<', '&', '"', '\'']) {
            assert!(!html.contains(hostile), "{hostile:?} appears unescaped");
        }
        assert!(!html.contains("<script"));
    }
}

#[test]
fn renders_an_empty_document() {
    let html = render_html(&ProposalDocument::default());
    assert!(html.contains("<title>Behandelvoorstel</title>"));
    assert!(html.contains("<h2 id=\"markt\">Politieke Markt</h2>"));
    assert!(!html.contains("<ol>"));
}
