//! What every import of a file reports when it refuses the file: each problem with its line and
//! column, so that the person who made the file can find and mend it.

use std::fmt;

use crate::measurement_import::MeasurementProblem;

/// How many problems a report lists before it only counts the rest.
pub const MAX_LISTED_PROBLEMS: usize = 50;

/// One problem at one place in an imported file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// 1-based line number in the file (the header is line 1).
    pub line: u64,
    /// The column's name as the file spells it, when the problem belongs to one column.
    pub column: Option<String>,
    /// What is wrong.
    pub reason: Reason,
}

/// What is wrong at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// A problem of a file of measurements, by its code: the pages say it in the reader's
    /// language (`import-problem-…` in the locale files), the command line in English.
    Measurement(MeasurementProblem),
    /// A problem described in English only: those of the division and boundary files, which
    /// only the command line reads.
    Described(String),
}

impl fmt::Display for Reason {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Measurement(problem) => problem.fmt(formatter),
            Reason::Described(text) => formatter.write_str(text),
        }
    }
}

impl serde::Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl From<MeasurementProblem> for Reason {
    fn from(problem: MeasurementProblem) -> Self {
        Reason::Measurement(problem)
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Reason::Described(text)
    }
}

impl From<&str> for Reason {
    fn from(text: &str) -> Self {
        Reason::Described(text.to_owned())
    }
}

impl Problem {
    /// A problem with one field of a line.
    pub fn at(line: u64, column: impl Into<String>, reason: impl Into<Reason>) -> Self {
        Problem { line, column: Some(column.into()), reason: reason.into() }
    }

    /// A problem with a line as a whole.
    pub fn on_line(line: u64, reason: impl Into<Reason>) -> Self {
        Problem { line, column: None, reason: reason.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(formatter, "line {}, column {}: {}", self.line, column, self.reason),
            None => write!(formatter, "line {}: {}", self.line, self.reason),
        }
    }
}

/// Every problem found in a refused file, in the order of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.0.len();
        write!(formatter, "{count} problem{} found", if count == 1 { "" } else { "s" })?;
        for problem in self.0.iter().take(MAX_LISTED_PROBLEMS) {
            write!(formatter, "\n  {problem}")?;
        }
        if count > MAX_LISTED_PROBLEMS {
            write!(formatter, "\n  … and {} more", count - MAX_LISTED_PROBLEMS)?;
        }
        Ok(())
    }
}

/// Removes a UTF-8 byte order mark, which spreadsheet programs put before the header.
pub fn strip_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The field delimiter of a CSV text: `;` when the header has more semicolons than commas (as
/// Dutch spreadsheet programs write), else `,`.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let semicolons = header.matches(';').count();
    let commas = header.matches(',').count();
    if semicolons > commas { b';' } else { b',' }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_list_fifty_and_count_the_rest() {
        let problems = Problems((1..=53).map(|line| Problem::at(line, "code", "not a CBS code")).collect());
        let text = problems.to_string();
        assert!(text.starts_with("53 problems found"));
        assert!(text.contains("line 50, column code: not a CBS code"));
        assert!(!text.contains("line 51,"));
        assert!(text.ends_with("… and 3 more"));
    }

    #[test]
    fn delimiter_follows_the_header() {
        assert_eq!(sniff_delimiter("code;name;level\nGM0164;Hengelo, Ov.;gemeente"), b';');
        assert_eq!(sniff_delimiter("code,name,level"), b',');
        assert_eq!(strip_byte_order_mark("\u{feff}code"), "code");
    }
}
