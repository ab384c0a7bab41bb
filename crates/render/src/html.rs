//! The behandelvoorstel as a standalone HTML page: one file with its stylesheet in a `<style>`
//! element (and one for printing on A4), no script, no external resources.

use askama::Template;
use wijkbeeld_domain::behandelvoorstel::ProposalDocument;

use crate::view::View;

#[derive(Template)]
#[template(path = "behandelvoorstel.html")]
struct Page {
    view: View,
}

/// Renders a behandelvoorstel as a standalone, accessible HTML page (`lang="nl"`, tables with
/// header cells, headings in order), laid out like the PDF. Every text is HTML-escaped.
pub fn render_html(document: &ProposalDocument) -> String {
    // askama fails only when a value's `Display` does; every value here is a string, a number
    // or a boolean, whose `Display` cannot fail.
    Page { view: View::new(document) }.to_string()
}
