//! The text of a PDF, as a reader of the page sees it: lines by baseline, a space where the
//! gap between two glyphs is one, a blank line where the gap between two lines is more than
//! ordinary line spacing (a new paragraph, a new table row), pages one after the other.
//!
//! lopdf reads the PDF (objects, content streams, and the fonts' ToUnicode maps); the glyph
//! positions are worked out here, from the text and graphics state and the fonts' widths. The
//! obvious crate for this, pdf-extract 0.12.1, misreads the `first last width` form of a CID
//! font's /W array, which is the form typst writes, so every glyph of a typst PDF gets width 0
//! and its words and lines run together ("vragen:• Wanneer"), and paragraph breaks are lost.
//! lopdf's own `extract_text` knows no positions: a line per text object, no blank lines.
//!
//! Covers what typst writes: Type0 fonts with Identity-H, simple fonts, text in the page's
//! content and in form XObjects. Not rotated text, vertical writing or Type3 glyph widths.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};

/// The text of every page of `pdf`, pages separated by a blank line.
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    pdf_pages(pdf).join("\n\n")
}

/// The text of each page of `pdf`, in order.
pub(crate) fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let document = Document::load_mem(pdf).expect("the PDF can be read");
    let mut pages = Vec::new();
    for page_id in document.get_pages().into_values() {
        let mut glyphs = Vec::new();
        let page = document.get_dictionary(page_id).expect("a page is a dictionary");
        let resources = page_resources(&document, page);
        let content = document.get_page_content(page_id);
        Reader::new(&document).run(&content, resources, Matrix::IDENTITY, &mut glyphs);
        pages.push(layout(&glyphs));
    }
    pages
}

fn page_resources<'a>(document: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    match page.get(b"Resources") {
        Ok(object) => document.dereference(object).ok().and_then(|(_, object)| object.as_dict().ok()),
        // Inherited from the page tree.
        Err(_) => page
            .get(b"Parent")
            .ok()
            .and_then(|parent| document.dereference(parent).ok())
            .and_then(|(_, parent)| parent.as_dict().ok())
            .and_then(|parent| page_resources(document, parent)),
    }
}

/// One glyph on the page: where its baseline starts and ends, its size, its text.
#[derive(Debug, Clone)]
struct Glyph {
    x: f32,
    end: f32,
    y: f32,
    size: f32,
    text: String,
}

/// A PDF transformation matrix `[a b c d e f]`, row-vector convention: `p' = p × M`.
#[derive(Debug, Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translation(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` first, then `then`.
    fn then(self, then: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    /// How much a vertical length grows.
    fn vertical_scale(self) -> f32 {
        let [_, _, c, d, _, _] = self.0;
        (c * c + d * d).sqrt()
    }

    fn from_operands(operands: &[Object]) -> Option<Matrix> {
        let numbers: Vec<f32> = operands.iter().filter_map(number).collect();
        <[f32; 6]>::try_from(numbers).ok().map(Matrix)
    }
}

fn number(object: &Object) -> Option<f32> {
    match object {
        Object::Integer(integer) => Some(*integer as f32),
        Object::Real(real) => Some(*real),
        _ => None,
    }
}

/// What is needed of a font: how its codes read and how wide they are.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// Bytes per code: 2 for a Type0 font with Identity-H, else 1.
    code_length: usize,
    /// Widths in thousandths of the font size, by code.
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl<'a> Font<'a> {
    fn new(document: &'a Document, dictionary: &'a Dictionary) -> Font<'a> {
        let encoding = dictionary.get_font_encoding(document).ok();
        let get = |dictionary: &'a Dictionary, key: &[u8]| {
            dictionary.get(key).ok().and_then(|object| document.dereference(object).ok()).map(|(_, object)| object)
        };
        let mut widths = HashMap::new();
        if dictionary.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0") {
            let descendant = get(dictionary, b"DescendantFonts")
                .and_then(|fonts| fonts.as_array().ok())
                .and_then(|fonts| fonts.first())
                .and_then(|font| document.dereference(font).ok())
                .and_then(|(_, font)| font.as_dict().ok());
            let default_width = descendant.and_then(|font| get(font, b"DW")).and_then(number).unwrap_or(1000.0);
            if let Some(array) = descendant.and_then(|font| get(font, b"W")).and_then(|w| w.as_array().ok()) {
                // Either `first [w1 w2 …]` or `first last w`.
                let mut index = 0;
                while index < array.len() {
                    let first = number(&array[index]).unwrap_or(0.0) as u32;
                    match array.get(index + 1) {
                        Some(Object::Array(list)) => {
                            for (offset, width) in list.iter().enumerate() {
                                widths.insert(first + offset as u32, number(width).unwrap_or(0.0));
                            }
                            index += 2;
                        }
                        Some(last) => {
                            let last = number(last).unwrap_or(0.0) as u32;
                            let width = array.get(index + 2).and_then(number).unwrap_or(0.0);
                            for code in first..=last {
                                widths.insert(code, width);
                            }
                            index += 3;
                        }
                        None => break,
                    }
                }
            }
            Font { encoding, code_length: 2, widths, default_width }
        } else {
            let first = get(dictionary, b"FirstChar").and_then(number).unwrap_or(0.0) as u32;
            if let Some(list) = get(dictionary, b"Widths").and_then(|w| w.as_array().ok()) {
                for (offset, width) in list.iter().enumerate() {
                    widths.insert(first + offset as u32, number(width).unwrap_or(0.0));
                }
            }
            Font { encoding, code_length: 1, widths, default_width: 0.0 }
        }
    }

    fn text(&self, code: &[u8]) -> String {
        match &self.encoding {
            Some(encoding) => Document::decode_text(encoding, code).unwrap_or_default(),
            None => String::from_utf8_lossy(code).into_owned(),
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths.get(&code).copied().unwrap_or(self.default_width) / 1000.0
    }
}

/// Walks a content stream with the text and graphics state that place glyphs.
struct Reader<'a> {
    document: &'a Document,
    fonts: HashMap<(ObjectId, Vec<u8>), Font<'a>>,
}

impl<'a> Reader<'a> {
    fn new(document: &'a Document) -> Reader<'a> {
        Reader { document, fonts: HashMap::new() }
    }

    /// The font a resource name stands for, read once per font object.
    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<&Font<'a>> {
        let document = self.document;
        let (id, dictionary) = resources
            .and_then(|resources| resources.get(b"Font").ok())
            .and_then(|fonts| document.dereference(fonts).ok())
            .and_then(|(_, fonts)| fonts.as_dict().ok())
            .and_then(|fonts| fonts.get(name).ok())
            .and_then(|font| document.dereference(font).ok())
            .and_then(|(id, font)| Some((id, font.as_dict().ok()?)))?;
        let key = (id.unwrap_or((0, 0)), name.to_vec());
        Some(self.fonts.entry(key).or_insert_with(|| Font::new(document, dictionary)))
    }

    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, ctm: Matrix, glyphs: &mut Vec<Glyph>) {
        let content = Content::decode(content).expect("the content stream can be read");
        let mut stack = Vec::new();
        let mut ctm = ctm;
        let mut state = TextState::default();
        for operation in content.operations {
            let operands = operation.operands.as_slice();
            let first = operands.first().and_then(number).unwrap_or(0.0);
            match operation.operator.as_str() {
                "q" => stack.push(ctm),
                "Q" => ctm = stack.pop().unwrap_or(ctm),
                "cm" => {
                    if let Some(matrix) = Matrix::from_operands(operands) {
                        ctm = matrix.then(ctm);
                    }
                }
                "BT" => {
                    state.matrix = Matrix::IDENTITY;
                    state.line_matrix = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = operands.first().and_then(|name| name.as_name().ok()).map(<[u8]>::to_vec);
                    state.size = operands.get(1).and_then(number).unwrap_or(0.0);
                }
                "Tc" => state.character_spacing = first,
                "Tw" => state.word_spacing = first,
                "Tz" => state.horizontal_scale = first / 100.0,
                "TL" => state.leading = first,
                "Td" | "TD" => {
                    let y = operands.get(1).and_then(number).unwrap_or(0.0);
                    if operation.operator == "TD" {
                        state.leading = -y;
                    }
                    state.next_line(first, y);
                }
                "Tm" => {
                    if let Some(matrix) = Matrix::from_operands(operands) {
                        state.matrix = matrix;
                        state.line_matrix = matrix;
                    }
                }
                "T*" => state.next_line(0.0, -state.leading),
                "Tj" | "'" | "\"" => {
                    if operation.operator != "Tj" {
                        if operation.operator == "\"" {
                            state.word_spacing = first;
                            state.character_spacing = operands.get(1).and_then(number).unwrap_or(0.0);
                        }
                        state.next_line(0.0, -state.leading);
                    }
                    if let Some(Ok(bytes)) = operands.last().map(Object::as_str) {
                        self.show(bytes, resources, ctm, &mut state, glyphs);
                    }
                }
                "TJ" => {
                    for element in operands.first().and_then(|array| array.as_array().ok()).into_iter().flatten() {
                        match element {
                            Object::String(bytes, _) => self.show(bytes, resources, ctm, &mut state, glyphs),
                            other => {
                                let adjustment = number(other).unwrap_or(0.0);
                                let shift = -adjustment / 1000.0 * state.size * state.horizontal_scale;
                                state.matrix = Matrix::translation(shift, 0.0).then(state.matrix);
                            }
                        }
                    }
                }
                "Do" => {
                    let form = operands
                        .first()
                        .and_then(|name| name.as_name().ok())
                        .zip(resources)
                        .and_then(|(name, resources)| {
                            let objects = resources.get(b"XObject").ok()?;
                            let (_, objects) = self.document.dereference(objects).ok()?;
                            let (_, object) =
                                self.document.dereference(objects.as_dict().ok()?.get(name).ok()?).ok()?;
                            object.as_stream().ok()
                        })
                        .filter(|stream| stream.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form"));
                    if let Some(form) = form {
                        let matrix = form
                            .dict
                            .get(b"Matrix")
                            .ok()
                            .and_then(|matrix| matrix.as_array().ok())
                            .and_then(|matrix| Matrix::from_operands(matrix))
                            .unwrap_or(Matrix::IDENTITY);
                        let form_resources = form
                            .dict
                            .get(b"Resources")
                            .ok()
                            .and_then(|object| self.document.dereference(object).ok())
                            .and_then(|(_, object)| object.as_dict().ok())
                            .or(resources);
                        let content = form.decompressed_content().unwrap_or_else(|_| form.content.clone());
                        self.run(&content, form_resources, matrix.then(ctm), glyphs);
                    }
                }
                _ => {}
            }
        }
    }

    fn show(
        &mut self,
        bytes: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        state: &mut TextState,
        glyphs: &mut Vec<Glyph>,
    ) {
        let Some(name) = state.font.clone() else { return };
        let Some(font) = self.font(resources, &name) else { return };
        for code_bytes in bytes.chunks(font.code_length) {
            let code = code_bytes.iter().fold(0_u32, |code, byte| code << 8 | u32::from(*byte));
            let width = font.width(code);
            let to_page = state.matrix.then(ctm);
            let (x, y) = to_page.apply(0.0, 0.0);
            let advance = (width * state.size
                + state.character_spacing
                + if code_bytes == b" " { state.word_spacing } else { 0.0 })
                * state.horizontal_scale;
            let (end, _) = to_page.apply(advance, 0.0);
            glyphs.push(Glyph { x, end, y, size: state.size * to_page.vertical_scale(), text: font.text(code_bytes) });
            state.matrix = Matrix::translation(advance, 0.0).then(state.matrix);
        }
    }
}

struct TextState {
    matrix: Matrix,
    line_matrix: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    character_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
}

impl Default for TextState {
    fn default() -> TextState {
        TextState {
            matrix: Matrix::IDENTITY,
            line_matrix: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            character_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
        }
    }
}

impl TextState {
    fn next_line(&mut self, x: f32, y: f32) {
        self.line_matrix = Matrix::translation(x, y).then(self.line_matrix);
        self.matrix = self.line_matrix;
    }
}

/// The glyphs, in the order they were drawn, as lines of text. A glyph on another baseline
/// than the line's starts a new line; a line more than 1.4 times its text's size below the one
/// before is a new block, after a blank line.
fn layout(glyphs: &[Glyph]) -> String {
    struct Line {
        y: f32,
        /// The largest glyph's size, for telling which glyphs share the baseline.
        size: f32,
        /// The first glyph's size, for telling the spacing of lines: a large tick box in a
        /// line of text does not make it a heading.
        text_size: f32,
        text: String,
        end: f32,
    }
    let mut lines: Vec<Line> = Vec::new();
    for glyph in glyphs.iter().filter(|glyph| !glyph.text.is_empty()) {
        match lines.last_mut() {
            Some(line) if (glyph.y - line.y).abs() <= 0.3 * line.size.max(glyph.size) => {
                let gap = glyph.x - line.end;
                let spaced = line.text.ends_with(' ') || glyph.text.starts_with(' ');
                if !spaced && gap > 0.15 * glyph.size {
                    line.text.push(' ');
                }
                line.text.push_str(&glyph.text);
                line.end = glyph.end;
                line.size = line.size.max(glyph.size);
            }
            _ => lines.push(Line {
                y: glyph.y,
                size: glyph.size,
                text_size: glyph.size,
                text: glyph.text.clone(),
                end: glyph.end,
            }),
        }
    }
    let mut text = String::new();
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            let previous = &lines[index - 1];
            text.push('\n');
            // y grows upwards on a PDF page.
            if previous.y - line.y > 1.4 * previous.text_size.max(line.text_size) {
                text.push('\n');
            }
        }
        text.push_str(line.text.trim_end());
    }
    text.push('\n');
    text
}
