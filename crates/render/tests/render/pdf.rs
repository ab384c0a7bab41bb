//! The PDF: its structure, and hostile text printed as written.

use lopdf::{Dictionary, Document, Object};
use wijkbeeld_domain::behandelvoorstel::{ProgrammeEntry, ProposalDocument};
use wijkbeeld_render::render_pdf;

use super::{HOSTILE, pdf_text, seed, squeeze};

fn dictionary<'a>(document: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Dictionary(dictionary) => Some(dictionary),
        Object::Stream(stream) => Some(&stream.dict),
        Object::Reference(id) => document.get_object(*id).ok().and_then(|object| dictionary(document, object)),
        _ => None,
    }
}

fn name<'a>(dictionary: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
    dictionary.get(key).ok().and_then(|object| object.as_name().ok())
}

#[test]
fn is_a_pdf() {
    let pdf = render_pdf(&seed::document()).expect("the seed renders");
    assert!(pdf.starts_with(b"%PDF-"), "starts with {:?}", String::from_utf8_lossy(&pdf[..8]));
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"));
}

#[test]
fn every_page_is_a4() {
    let pdf = render_pdf(&seed::document()).expect("the seed renders");
    let document = Document::load_mem(&pdf).expect("the PDF can be read");
    let pages = document.get_pages();
    assert!(!pages.is_empty());
    for (number, id) in pages {
        let page = document.get_dictionary(id).expect("a page is a dictionary");
        let media_box = page.get(b"MediaBox").expect("every page has its own MediaBox");
        let corners: Vec<f32> = media_box
            .as_array()
            .expect("a MediaBox is an array")
            .iter()
            .map(|value| value.as_float().expect("a MediaBox holds numbers"))
            .collect();
        let size = [corners[2] - corners[0], corners[3] - corners[1]];
        assert!((size[0] - 595.28).abs() < 0.5 && (size[1] - 841.89).abs() < 0.5, "page {number} is {size:?} pt");
    }
}

#[test]
fn embeds_every_font() {
    let pdf = render_pdf(&seed::document()).expect("the seed renders");
    let document = Document::load_mem(&pdf).expect("the PDF can be read");
    let mut embedded = Vec::new();
    for object in document.objects.values() {
        let Some(font) = dictionary(&document, object) else { continue };
        if name(font, b"Type") != Some(b"Font") {
            continue;
        }
        let subtype = name(font, b"Subtype").expect("a font has a subtype");
        // A composite font's glyphs are in its descendant, a Type 3 font's in the PDF itself.
        if subtype == b"Type0" || subtype == b"Type3" {
            continue;
        }
        let descriptor =
            font.get(b"FontDescriptor").ok().and_then(|object| dictionary(&document, object)).unwrap_or_else(|| {
                panic!("font {} has no descriptor, so it is not embedded", String::from_utf8_lossy(subtype))
            });
        let font_name = String::from_utf8_lossy(name(descriptor, b"FontName").unwrap_or(b"?")).into_owned();
        assert!(
            [b"FontFile".as_slice(), b"FontFile2", b"FontFile3"].iter().any(|key| descriptor.has(key)),
            "font {font_name} is not embedded"
        );
        embedded.push(font_name);
    }
    // Subset names carry a prefix: "UCUPXR+LibertinusSerif-Regular".
    for font in ["LibertinusSerif-Regular", "LibertinusSerif-Bold", "DejaVuSansMono"] {
        assert!(embedded.iter().any(|name| name.ends_with(&format!("+{font}"))), "{font} is not among {embedded:?}");
    }
}

#[test]
fn carries_the_title_and_language() {
    let pdf = render_pdf(&seed::document()).expect("the seed renders");
    let document = Document::load_mem(&pdf).expect("the PDF can be read");
    let catalog = document.catalog().expect("a PDF has a catalog");
    let language = catalog.get(b"Lang").and_then(Object::as_str).expect("the catalog names the language");
    assert!(language.starts_with(b"nl"), "language {}", String::from_utf8_lossy(language));
    assert!(catalog.has(b"StructTreeRoot"), "the PDF is tagged");
    let text = pdf_text(&pdf);
    assert!(text.contains("Behandelvoorstel"));
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let document = seed::document();
    assert_eq!(render_pdf(&document).expect("renders"), render_pdf(&document).expect("renders"));
}

#[test]
fn reads_like_the_seed() {
    let text = squeeze(&pdf_text(&render_pdf(&seed::document()).expect("the seed renders")));
    for expected in [
        "Behandelvoorstel Onderwerp Wijkgericht werken Zaaknummer 3641304 Portefeuillehouder Marie-José Luttikholt \
         Historie In het collegeprogramma 2022-2026",
        "Politieke Markt 26 september 2023 Voorzitter Griffiemedewerker Zaal Domein Duur Vincent ten Voorde Coen \
         Hartendorp Raadzaal Fysiek / Bestuur / Sociaal 90 min Doel van de sessie Beeldvorming Behandeladvies Het \
         door het college voorgestelde programma: 1. Opening voorzitter 2. Introductie",
        "Wat wilt u het college nog meegeven? 5. Afsluiting en vervolg Spreekrecht publiek ☒ ja ☐ nee duur: \
         Geïnteresseerden kunnen meespreken. De voorzitter bewaakt de orde van de vergadering.",
    ] {
        assert!(text.contains(expected), "expected\n{expected}\nin\n{text}");
    }
}

#[test]
fn prints_hostile_text_as_written() {
    for hostile in HOSTILE {
        let document = ProposalDocument {
            subject: Some((*hostile).to_owned()),
            portfolio_holder: Some((*hostile).to_owned()),
            history: wijkbeeld_domain::behandelvoorstel::History {
                text: format!("{hostile}\n\n{hostile}"),
                documents: vec![],
            },
            programme: vec![ProgrammeEntry {
                number: 1,
                text: (*hostile).to_owned(),
                questions: vec![(*hostile).to_owned()],
            }],
            ..seed::document()
        };
        let pdf = render_pdf(&document).unwrap_or_else(|error| panic!("{hostile:?} breaks the PDF: {error}"));
        let text = squeeze(&pdf_text(&pdf));
        let expected = squeeze(hostile);
        assert!(text.matches(&expected).count() >= 5, "{hostile:?} is not printed as written five times in\n{text}");
    }
}

/// Characters the embedded fonts lack, control characters and invisible ones: the PDF is still
/// written (with an empty box where a font has no glyph), the invisible characters are left
/// out, and the rest of the text reads as before.
#[test]
fn renders_characters_its_fonts_lack() {
    let text = "Buurt \u{F0B7} 😀 汉字 \u{0} \u{7} \u{200B} \u{FEFF} \u{202E}omgekeerd\u{202C} einde";
    let document = ProposalDocument { subject: Some(text.to_owned()), ..seed::document() };
    let pdf = render_pdf(&document).expect("a PDF is written whatever the characters");
    let extracted = squeeze(&pdf_text(&pdf));
    assert!(extracted.contains("Onderwerp Buurt"), "{extracted}");
    assert!(extracted.contains(" omgekeerd einde Zaaknummer 3641304"), "{extracted}");
    assert!(extracted.contains("Bestuurlijke Opdracht"), "a direction mark stuck to a glyph: {extracted}");
    assert!(!extracted.contains(['\u{0}', '\u{7}', '\u{200B}', '\u{FEFF}', '\u{202E}', '\u{202C}']), "{extracted:?}");
}

#[test]
fn renders_an_empty_document() {
    let pdf = render_pdf(&ProposalDocument::default()).expect("an empty document renders");
    let text = squeeze(&pdf_text(&pdf));
    assert!(text.contains("Onderwerp Zaaknummer Portefeuillehouder Historie Politieke Markt Voorzitter"), "{text}");
    assert!(text.contains("☐ ja ☐ nee duur:"), "{text}");
}

#[test]
fn renders_a_long_document_on_more_pages() {
    let question = "Een lange vraag over de wijk, die over meer dan een regel loopt en nog wat langer is.".repeat(3);
    let document = ProposalDocument {
        programme: (1..=40)
            .map(|number| ProgrammeEntry {
                number,
                text: format!("Onderdeel {number}"),
                questions: vec![question.clone()],
            })
            .collect(),
        ..seed::document()
    };
    let pdf = render_pdf(&document).expect("a long document renders");
    let pages = Document::load_mem(&pdf).expect("the PDF can be read").get_pages().len();
    assert!(pages > 1, "{pages} page(s)");
    assert!(squeeze(&pdf_text(&pdf)).contains("40. Onderdeel 40"));
}
