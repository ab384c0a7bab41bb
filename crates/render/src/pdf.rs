//! Documents as PDF: a fixed typst template that reads the document's texts from a JSON file,
//! typeset in a world that holds only those two files and the fonts compiled into typst-assets.
//! The behandelvoorstel (`templates/behandelvoorstel.typ`) is rendered here; the wijkrapportage
//! (`templates/wijkrapportage.typ`) in [`crate::report`], through the same [`typeset`].

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Feature, Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;
use wijkbeeld_domain::behandelvoorstel::ProposalDocument;

use crate::RenderError;
use crate::view::View;

/// The path every template reads its data from.
const DATA_PATH: &str = "/data.json";

/// How many renders a typst cache entry may go unused before it is dropped: typst memoises
/// across compilations, and a server renders many different documents.
const CACHE_MAX_AGE: usize = 10;

/// The behandelvoorstel's template; it names its data file [`DATA_PATH`].
pub(crate) static BEHANDELVOORSTEL: LazyLock<Source> =
    LazyLock::new(|| template("/behandelvoorstel.typ", include_str!("../templates/behandelvoorstel.typ")));

/// The wijkrapportage's template; it names its data file [`DATA_PATH`].
pub(crate) static WIJKRAPPORTAGE: LazyLock<Source> =
    LazyLock::new(|| template("/wijkrapportage.typ", include_str!("../templates/wijkrapportage.typ")));

/// Renders a behandelvoorstel as an A4 PDF with its fonts embedded and its text selectable
/// (tagged PDF, with the document's language and title).
///
/// Texts are printed exactly as given: they are data to the template, never typst markup.
pub fn render_pdf(document: &ProposalDocument) -> Result<Vec<u8>, RenderError> {
    typeset(&BEHANDELVOORSTEL, serde_json::to_vec(&View::new(document))?)
}

/// Typesets `template` with `data` as its [`DATA_PATH`] and writes the result as PDF.
pub(crate) fn typeset(template: &'static Source, data: Vec<u8>) -> Result<Vec<u8>, RenderError> {
    let world = DocumentWorld { template, data: Bytes::new(data) };
    let result = typst::compile::<PagedDocument>(&world).output;
    let pdf = result.map_err(|errors| RenderError::Typeset(messages(&errors))).and_then(|paged| {
        typst_pdf::pdf(&paged, &PdfOptions::default()).map_err(|errors| RenderError::Pdf(messages(&errors)))
    });
    typst::comemo::evict(CACHE_MAX_AGE);
    pdf
}

fn messages(errors: &[SourceDiagnostic]) -> String {
    errors.iter().map(|error| error.message.as_str()).collect::<Vec<_>>().join("; ")
}

/// The standard library, with the accessibility extras on so that the template can mark its
/// label column as row headers (`pdf.header-cell`).
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| {
    LazyHash::new(Library::builder().with_features([Feature::A11yExtras].into_iter().collect()).build())
});

/// The fonts compiled into typst-assets (Libertinus Serif, New Computer Modern, DejaVu Sans
/// Mono), and their book.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = typst_assets::fonts().flat_map(|data| Font::iter(Bytes::new(data))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static DATA_ID: LazyLock<FileId> = LazyLock::new(|| project_file(DATA_PATH));

/// A template as the source file at `path` in its project.
fn template(path: &str, text: &str) -> Source {
    Source::new(project_file(path), text.to_owned())
}

/// The id of a file in the template's project; `path` is one of the paths above.
fn project_file(path: &str) -> FileId {
    // The constants are absolute paths without `..`, which a virtual path always accepts.
    let path = VirtualPath::new(path).expect("the template's paths are valid virtual paths");
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// The world one document is typeset in: its template, its data, and nothing else.
struct DocumentWorld {
    template: &'static Source,
    data: Bytes,
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.template.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.template.id() { Ok(self.template.clone()) } else { Err(not_found(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *DATA_ID {
            Ok(self.data.clone())
        } else if id == self.template.id() {
            Ok(Bytes::from_string(self.template.clone()))
        } else {
            Err(not_found(id))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// The templates show no dates of their own; the PDF carries no creation date, so the same
    /// document gives the same bytes.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.vpath().get_with_slash().into())
}
