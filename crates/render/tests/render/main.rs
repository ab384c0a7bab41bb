//! Tests of the rendered behandelvoorstel: the PDF's structure (A4, fonts embedded, text
//! extractable), the escaping of hostile text in both outputs, and the round trip from a
//! document through its PDF and the domain's parser back to the same document. And of the
//! wijkrapportage's PDF: its texts, pages and table headers, and hostile text in it.

mod extract;
mod html;
mod pdf;
mod report;
mod round_trip;
mod sample_report;
mod seed;

use extract::pdf_text;

/// A text with every run of white space made one space, to compare texts however they wrap.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Texts that mean something to typst, HTML, or both, and must come out as written.
const HOSTILE: &[&str] = &[
    "<script>alert('x')</script>",
    "#exit()",
    "#panic(\"boom\")",
    "#read(\"/etc/passwd\")",
    "#import \"@preview/cetz:0.3.0\": *",
    "$x^2$ *vet* _schuin_ `code` ~ -- ---",
    "[haak] ]) } { <label> @verwijzing",
    "\\ backslash \\\\ en \\u{1F600} // commentaar /* blok */",
    "= Kop + punt - streep / term: uitleg",
    "\"aanhalingstekens\" en 'enkele' & ampersand &amp; &lt;",
];
