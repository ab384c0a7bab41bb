//! wijkbeeld's documents: a behandelvoorstel (the college's proposal of how the council treats a
//! subject) written out as a PDF and as a standalone HTML page, both in the layout of the
//! municipality's own document (`data/seed/behandelvoorstel-wijkgericht-werken.txt`); and the
//! wijkrapportage, an area's annual report from the neighbourhood monitor (its index, theme
//! scores, indicators with sparklines, the buurten within it, the method) as a PDF
//! ([`render_area_report`] of an [`AreaReport`] whose texts the caller has written in Dutch).
//!
//! The PDFs are typeset with typst as a library, with the fonts compiled in: nothing is read from
//! the system or downloaded. The documents' texts never become typst markup: they are handed to
//! a fixed template as data (JSON), so `#exit()` or `<script>` in a subject or an area's name is
//! printed as written. Neither PDF carries a creation date, so the same input gives the same
//! bytes. The HTML page is an askama template, escaped by default.
//!
//! The behandelvoorstel's two forms are laid out so that the text extracted from the PDF reads
//! like the seed's, label before value and the session's header row before its value row, so
//! that the domain's parser reads the same fields back from a rendered proposal.
//!
//! typst is heavy to build, so it lives in this crate alone.

mod html;
mod pdf;
mod report;
mod view;

pub use html::render_html;
pub use pdf::render_pdf;
pub use report::{
    AreaReport, ReportChild, ReportIndex, ReportIndicator, ReportPoint, ReportSection, ReportTheme, render_area_report,
};

/// Why a document could not be rendered. Neither happens for any input when the built-in
/// templates are sound: the texts are data, not markup, so they cannot break them.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The document's data could not be written for the template.
    #[error("could not hand the document to the template: {0}")]
    Data(#[from] serde_json::Error),
    /// typst could not typeset the template (the messages are typst's).
    #[error("typst could not typeset the document: {0}")]
    Typeset(String),
    /// typst could not write the typeset document as PDF (the messages are typst's).
    #[error("typst could not write the PDF: {0}")]
    Pdf(String),
}
