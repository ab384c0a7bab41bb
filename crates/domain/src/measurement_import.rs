//! Files of measurements: a long CSV with one value a line, or a CBS table "Kerncijfers wijken en
//! buurten" in its wide form, with one area a line and one figure a column.
//!
//! The parser refuses a file as a whole and lists every problem with its place, as every import
//! does (see [`crate::import`]): a half-imported monitor would show trends that are not there.

use std::collections::hash_map::Entry;
use std::collections::{BTreeSet, HashMap};
use std::fmt;

use crate::area::AreaCode;
use crate::id::Id;
use crate::import::{Problem, Problems, sniff_delimiter, strip_byte_order_mark};
use crate::monitor::{Area, Indicator, Measurement, Population, Unit};
use crate::period::Period;

/// What the parser needs to know besides the file: the areas and indicators that exist, how CBS
/// columns map to indicators, and what the file itself does not say.
#[derive(Debug, Clone, Copy)]
pub struct ImportContext<'a> {
    /// Known areas by CBS code.
    pub areas: &'a HashMap<AreaCode, Id<Area>>,
    /// Known indicators by code, in upper case, with their unit. Codes in a file match whatever
    /// their case.
    pub indicators: &'a HashMap<String, (Id<Indicator>, Unit)>,
    /// CBS column names without their numeric suffix (`Koopwoningen` for `Koopwoningen_47`),
    /// mapped to an indicator code. Names match whatever their case.
    pub cbs_columns: &'a HashMap<String, String>,
    /// The period a CBS wide table describes. CBS publishes one table per year, without a period
    /// column, so a wide file needs it; a long file ignores it.
    pub period: Option<Period>,
    /// A note stored with every value, e.g. the file's name. In a long file a row's own
    /// `source_note` takes precedence.
    pub source_note: Option<&'a str>,
}

/// The two layouts of a measurement file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    /// One value a line: `area_code,indicator,period,value` and optionally `sample_size`,
    /// `margin` and `source_note`.
    Long,
    /// A CBS table "Kerncijfers wijken en buurten": one area a line (column `WijkenEnBuurten`),
    /// one figure a column.
    CbsWide,
}

/// What an accepted file holds.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedMeasurements {
    /// The layout the file was read in.
    pub format: FileFormat,
    /// The values, in file order.
    pub measurements: Vec<Measurement>,
    /// Inhabitants per area, from the CBS column `AantalInwoners` (wide form only).
    pub populations: Vec<Population>,
    /// How many values were skipped because they held a missing-value marker (`.`, `x`, empty,
    /// `-99995`, `-99997`).
    pub missing: usize,
    /// The distinct periods of the file, in time order.
    pub periods: Vec<Period>,
    /// Columns the parser did not use: in wide form those neither mapped to an indicator nor
    /// part of CBS's structure, in long form those with a name it does not know. Worth telling
    /// the person importing, since a misspelt column name is otherwise silently left out.
    pub unmapped_columns: Vec<String>,
}

/// What can be wrong in a file of measurements, by its code: the web says it in the reader's
/// language (`import-problem-` and the code, `_` as `-`, in the locale files), the command line
/// in English ([`fmt::Display`]). Texts quoted from the file are kept as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeasurementProblem {
    /// The line cannot be read as CSV.
    Unreadable,
    /// The header names neither the columns of a long file nor a CBS table's `WijkenEnBuurten`.
    UnknownHeader {
        /// The header's columns, joined by ", ".
        columns: String,
    },
    /// A column the parser reads appears twice in the header.
    ColumnTwice,
    /// The file has a header and nothing else.
    NoRows,
    /// A line has another number of fields than the header.
    FieldCount {
        /// The line's fields.
        found: usize,
        /// The header's.
        expected: usize,
    },
    /// A value for the same indicator, area and period appears again.
    KeyTwice {
        /// The indicator's code.
        indicator: String,
        /// The area's code.
        area: String,
        /// The period.
        period: Period,
        /// Where it first appears.
        first_line: u64,
    },
    /// A CBS column is mapped to an indicator that does not exist.
    MappedToUnknown {
        /// The indicator's code.
        indicator: String,
    },
    /// Two CBS columns are mapped to the same indicator.
    MappedTwice {
        /// The indicator's code.
        indicator: String,
        /// The other column.
        column: String,
    },
    /// A CBS table was imported without the period it describes.
    NoPeriod,
    /// No column of a CBS table is mapped to an indicator, nor holds inhabitants.
    NothingMapped {
        /// The header's columns, joined by ", ".
        columns: String,
    },
    /// An area appears twice in a CBS table.
    AreaTwice {
        /// The area's code.
        area: String,
        /// Where it first appears.
        first_line: u64,
    },
    /// Not a number of inhabitants.
    NotInhabitants {
        /// The field as written.
        text: String,
    },
    /// A CBS table with only the country's row.
    NoAreaRows,
    /// A well-formed CBS code of an area the monitor does not know.
    UnknownArea {
        /// The code.
        area: String,
    },
    /// Not a CBS area code.
    NotAreaCode {
        /// The field as written.
        text: String,
    },
    /// The indicator field is empty.
    EmptyIndicator,
    /// An indicator code the monitor does not know.
    UnknownIndicator {
        /// The field as written.
        text: String,
    },
    /// Not a period.
    NotPeriod {
        /// The field as written.
        text: String,
    },
    /// Not a number.
    NotNumber {
        /// The field as written.
        text: String,
    },
    /// A value outside its unit's bounds.
    OutOfBounds {
        /// The field as written.
        text: String,
        /// The indicator's unit, which has the bounds.
        unit: Unit,
    },
    /// A negative value of a unit that cannot be negative.
    Negative {
        /// The field as written.
        text: String,
        /// The indicator's unit.
        unit: Unit,
    },
    /// Not a sample size.
    NotSampleSize {
        /// The field as written.
        text: String,
    },
    /// A negative margin.
    NegativeMargin {
        /// The field as written.
        text: String,
    },
}

impl MeasurementProblem {
    /// The stable code of the kind of problem ("not_number"): the locale files' key is
    /// `import-problem-` with it, `_` as `-`.
    pub fn code(&self) -> &'static str {
        match self {
            MeasurementProblem::Unreadable => "unreadable",
            MeasurementProblem::UnknownHeader { .. } => "unknown_header",
            MeasurementProblem::ColumnTwice => "column_twice",
            MeasurementProblem::NoRows => "no_rows",
            MeasurementProblem::FieldCount { .. } => "field_count",
            MeasurementProblem::KeyTwice { .. } => "key_twice",
            MeasurementProblem::MappedToUnknown { .. } => "mapped_to_unknown",
            MeasurementProblem::MappedTwice { .. } => "mapped_twice",
            MeasurementProblem::NoPeriod => "no_period",
            MeasurementProblem::NothingMapped { .. } => "nothing_mapped",
            MeasurementProblem::AreaTwice { .. } => "area_twice",
            MeasurementProblem::NotInhabitants { .. } => "not_inhabitants",
            MeasurementProblem::NoAreaRows => "no_area_rows",
            MeasurementProblem::UnknownArea { .. } => "unknown_area",
            MeasurementProblem::NotAreaCode { .. } => "not_area_code",
            MeasurementProblem::EmptyIndicator => "empty_indicator",
            MeasurementProblem::UnknownIndicator { .. } => "unknown_indicator",
            MeasurementProblem::NotPeriod { .. } => "not_period",
            MeasurementProblem::NotNumber { .. } => "not_number",
            MeasurementProblem::OutOfBounds { .. } => "out_of_bounds",
            MeasurementProblem::Negative { .. } => "negative",
            MeasurementProblem::NotSampleSize { .. } => "not_sample_size",
            MeasurementProblem::NegativeMargin { .. } => "negative_margin",
        }
    }

    /// Every code, for the test that each has its words in the locale files.
    pub const CODES: &'static [&'static str] = &[
        "unreadable",
        "unknown_header",
        "column_twice",
        "no_rows",
        "field_count",
        "key_twice",
        "mapped_to_unknown",
        "mapped_twice",
        "no_period",
        "nothing_mapped",
        "area_twice",
        "not_inhabitants",
        "no_area_rows",
        "unknown_area",
        "not_area_code",
        "empty_indicator",
        "unknown_indicator",
        "not_period",
        "not_number",
        "out_of_bounds",
        "negative",
        "not_sample_size",
        "negative_margin",
    ];
}

/// A unit as an English noun, for the command line.
fn unit_noun(unit: Unit) -> &'static str {
    match unit {
        Unit::Percentage => "a percentage",
        Unit::Count => "a count",
        Unit::PerThousand => "a number per 1,000 inhabitants",
        Unit::Score => "a report mark",
        Unit::Scale => "a scale",
    }
}

/// The English text, for the command line and logs (the web has its own words for each).
impl fmt::Display for MeasurementProblem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MeasurementProblem::Unreadable => formatter.write_str("the line cannot be read as CSV"),
            MeasurementProblem::UnknownHeader { columns } => write!(
                formatter,
                "the header must name the columns area_code, indicator, period and value (and may name \
                 sample_size, margin and source_note), or be a CBS table with a column WijkenEnBuurten; \
                 it has: {columns}"
            ),
            MeasurementProblem::ColumnTwice => formatter.write_str("the column appears twice in the header"),
            MeasurementProblem::NoRows => formatter.write_str("the file has a header but no data rows"),
            MeasurementProblem::FieldCount { found, expected } => {
                write!(formatter, "the line has {found} fields where the header has {expected}")
            }
            MeasurementProblem::KeyTwice { indicator, area, period, first_line } => {
                write!(formatter, "{indicator} for {area} in {period} appears twice (first on line {first_line})")
            }
            MeasurementProblem::MappedToUnknown { indicator } => {
                write!(formatter, "the column is mapped to the indicator {indicator}, which is not known")
            }
            MeasurementProblem::MappedTwice { indicator, column } => {
                write!(formatter, "the column is mapped to the indicator {indicator}, as is the column {column}")
            }
            MeasurementProblem::NoPeriod => {
                formatter.write_str("a CBS table has no period column: the import needs the year the table describes")
            }
            MeasurementProblem::NothingMapped { columns } => write!(
                formatter,
                "no column of this CBS table is mapped to an indicator, nor is there a column {INHABITANTS_COLUMN}; \
                 it has: {columns}"
            ),
            MeasurementProblem::AreaTwice { area, first_line } => {
                write!(formatter, "{area} appears twice (first on line {first_line})")
            }
            MeasurementProblem::NotInhabitants { text } => {
                write!(formatter, "{text} is not a number of inhabitants (a whole number, 0 or more)")
            }
            MeasurementProblem::NoAreaRows => formatter.write_str("the file has no rows of a gemeente, wijk or buurt"),
            MeasurementProblem::UnknownArea { area } => write!(formatter, "{area} is not a known area"),
            MeasurementProblem::NotAreaCode { text } => {
                write!(formatter, "'{text}' is not a CBS area code (GM + 4 digits, WK + 6 digits or BU + 8 digits)")
            }
            MeasurementProblem::EmptyIndicator => formatter.write_str("the indicator is empty"),
            MeasurementProblem::UnknownIndicator { text } => write!(formatter, "'{text}' is not a known indicator"),
            MeasurementProblem::NotPeriod { text } => {
                write!(formatter, "'{text}' is not a period (a year such as 2023, or a quarter such as 2023-Q2)")
            }
            MeasurementProblem::NotNumber { text } => write!(formatter, "'{text}' is not a number"),
            MeasurementProblem::OutOfBounds { text, unit } => match unit.bounds() {
                Some((low, high)) => write!(formatter, "{text} is outside {low}–{high} for {}", unit_noun(*unit)),
                None => write!(formatter, "{text} is outside the bounds of {}", unit_noun(*unit)),
            },
            MeasurementProblem::Negative { text, unit } => {
                write!(formatter, "{text} is negative, which {} cannot be", unit_noun(*unit))
            }
            MeasurementProblem::NotSampleSize { text } => {
                write!(formatter, "'{text}' is not a sample size (a whole number, 0 or more)")
            }
            MeasurementProblem::NegativeMargin { text } => {
                write!(formatter, "{text} is negative; a margin is 0 or more")
            }
        }
    }
}

/// Columns of a CBS wide table that describe the row rather than hold a figure.
const STRUCTURAL_COLUMNS: &[&str] =
    &["ID", "WijkenEnBuurten", "Gemeentenaam", "SoortRegio", "Codering", "IndelingswijzigingWijkenEnBuurten"];

/// The CBS column holding the number of inhabitants.
const INHABITANTS_COLUMN: &str = "AantalInwoners";

/// Reads a file of measurements in either layout (see [`FileFormat`]), telling them apart by the
/// header: a column `WijkenEnBuurten` makes it a CBS wide table.
///
/// Both layouts may be separated by `,` or `;`, start with a byte order mark, and write decimals
/// with a point or a comma (`12,5`; with both, as in `1.234,5`, the last is the decimal
/// separator). Values that hold a CBS missing-value marker are skipped and counted.
///
/// The file is refused when anything is wrong, with every problem and its place: the line (the
/// header is line 1) and the column as the file spells it. A header the parser cannot use is
/// reported alone, since every line would otherwise repeat its problem.
pub fn parse_measurements(text: &str, context: &ImportContext<'_>) -> Result<ParsedMeasurements, Problems> {
    let text = strip_byte_order_mark(text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sniff_delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|header| header.trim().to_owned()).collect(),
        Err(_) => return Err(Problems(vec![Problem::on_line(1, MeasurementProblem::Unreadable)])),
    };
    if let Some(code_at) = headers.iter().position(|header| cbs_stem(header).eq_ignore_ascii_case("WijkenEnBuurten")) {
        return parse_wide(reader, &headers, code_at, context);
    }
    match LongColumns::find(&headers) {
        Ok(columns) => {
            // Room for every line up front: growing a million values and their keys step by step
            // costs more than reading them.
            let lines = text.bytes().filter(|&byte| byte == b'\n').count();
            parse_long(reader, &headers, &columns, context, lines)
        }
        Err(problem) => Err(Problems(vec![problem])),
    }
}

/// Where the columns of a long file are.
struct LongColumns {
    area: usize,
    indicator: usize,
    period: usize,
    value: usize,
    sample_size: Option<usize>,
    margin: Option<usize>,
    source_note: Option<usize>,
    unknown: Vec<String>,
}

impl LongColumns {
    const REQUIRED: [&str; 4] = ["area_code", "indicator", "period", "value"];
    const OPTIONAL: [&str; 3] = ["sample_size", "margin", "source_note"];

    fn find(headers: &[String]) -> Result<Self, Problem> {
        let position = |name: &str| headers.iter().position(|header| header.eq_ignore_ascii_case(name));
        let (Some(area), Some(indicator), Some(period), Some(value)) =
            (position("area_code"), position("indicator"), position("period"), position("value"))
        else {
            return Err(Problem::on_line(1, MeasurementProblem::UnknownHeader { columns: headers.join(", ") }));
        };
        let known = |header: &String| {
            Self::REQUIRED.iter().chain(&Self::OPTIONAL).any(|name| header.eq_ignore_ascii_case(name))
        };
        for (at, header) in headers.iter().enumerate() {
            if known(header) && headers[..at].iter().any(|earlier| earlier.eq_ignore_ascii_case(header)) {
                return Err(Problem::at(1, header.as_str(), MeasurementProblem::ColumnTwice));
            }
        }
        Ok(LongColumns {
            area,
            indicator,
            period,
            value,
            sample_size: position("sample_size"),
            margin: position("margin"),
            source_note: position("source_note"),
            unknown: headers.iter().filter(|header| !known(header) && !header.is_empty()).cloned().collect(),
        })
    }
}

fn parse_long(
    mut reader: csv::Reader<&[u8]>,
    headers: &[String],
    columns: &LongColumns,
    context: &ImportContext<'_>,
    lines: usize,
) -> Result<ParsedMeasurements, Problems> {
    let mut problems = Vec::new();
    let mut measurements = Vec::with_capacity(lines);
    let mut missing = 0;
    let mut periods = BTreeSet::new();
    // Every value's key and line, to find keys that appear twice once the file is read: sorting
    // once beats a hash set, whose lookups in a million entries miss the cache on nearly every
    // line. Files are mostly in key order already, period first or area first, and then there
    // is nothing to sort.
    let mut keys: Vec<Key> = Vec::with_capacity(lines);
    let mut ascending_by_period = true;
    let mut ascending_by_area = true;
    let mut last_period = None;
    let mut lookups = Lookups::new(context);
    let mut rows = Rows::new(headers.len());

    while let Some((line, record)) = rows.next(&mut reader, &mut problems) {
        let field = |at: usize| record.get(at).unwrap_or_default().trim();
        let mut report = |column: usize, reason: MeasurementProblem| {
            problems.push(Problem::at(line, headers[column].as_str(), reason))
        };

        let area = lookups.area(field(columns.area)).map_err(|reason| report(columns.area, reason)).ok();
        let indicator =
            lookups.indicator(field(columns.indicator)).map_err(|reason| report(columns.indicator, reason)).ok();
        let period = lookups.period(field(columns.period)).map_err(|reason| report(columns.period, reason)).ok();
        let value_text = field(columns.value);
        let value = match read_value(value_text) {
            Ok(Some(value)) => match indicator {
                Some((_, unit)) => {
                    check_unit(value, value_text, unit).map_err(|reason| report(columns.value, reason)).ok()
                }
                None => None,
            },
            Ok(None) => {
                missing += 1;
                None
            }
            Err(reason) => {
                report(columns.value, reason);
                None
            }
        };
        let sample_size = columns
            .sample_size
            .and_then(|at| read_sample_size(field(at)).map_err(|reason| report(at, reason)).ok().flatten());
        let margin =
            columns.margin.and_then(|at| read_margin(field(at)).map_err(|reason| report(at, reason)).ok().flatten());

        let (Some(area), Some((indicator, _)), Some(period)) = (area, indicator, period) else { continue };
        let key = Key { period, area, indicator, line };
        if let Some(last) = keys.last() {
            ascending_by_period &= last.without_line() < key.without_line();
            ascending_by_area &= last.area_first() < key.area_first();
        }
        keys.push(key);
        if last_period != Some(period) {
            periods.insert(period);
            last_period = Some(period);
        }
        // Once the file is refused its values are of no use; keep only the problems.
        let (true, Some(value)) = (problems.is_empty(), value) else { continue };
        let source_note = match columns.source_note.map(field) {
            Some(note) if !note.is_empty() => Some(note.to_owned()),
            _ => context.source_note.map(str::to_owned),
        };
        measurements.push(Measurement {
            indicator_id: indicator,
            area_id: area,
            period,
            value,
            sample_size,
            margin,
            source_note,
        });
    }

    if !ascending_by_period && !ascending_by_area {
        report_duplicates(keys, context, &headers[columns.area], &mut problems);
    }
    if rows.count == 0 && problems.is_empty() {
        problems.push(Problem::on_line(1, MeasurementProblem::NoRows));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.line);
        return Err(Problems(problems));
    }
    Ok(ParsedMeasurements {
        format: FileFormat::Long,
        measurements,
        populations: Vec::new(),
        missing,
        periods: periods.into_iter().collect(),
        unmapped_columns: columns.unknown.clone(),
    })
}

/// What identifies a value of a long file, and the line it is on. Ordered by period first, as
/// files mostly are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    period: Period,
    area: Id<Area>,
    indicator: Id<Indicator>,
    line: u64,
}

impl Key {
    fn without_line(self) -> (Period, Id<Area>, Id<Indicator>) {
        (self.period, self.area, self.indicator)
    }

    fn area_first(self) -> (Id<Area>, Id<Indicator>, Period) {
        (self.area, self.indicator, self.period)
    }
}

/// Reports every key that appears again after its first line.
fn report_duplicates(mut keys: Vec<Key>, context: &ImportContext<'_>, column: &str, problems: &mut Vec<Problem>) {
    keys.sort_unstable();
    let mut area_codes = HashMap::new();
    let mut indicator_codes = HashMap::new();
    for run in keys.chunk_by(|first, next| first.without_line() == next.without_line()) {
        let [first, again @ ..] = run else { continue };
        if again.is_empty() {
            continue;
        }
        // Named by the codes the monitor knows them by; built only for a file that needs them.
        if area_codes.is_empty() {
            area_codes = context.areas.iter().map(|(code, &id)| (id, code.as_str())).collect();
            indicator_codes = context.indicators.iter().map(|(code, &(id, _))| (id, code.as_str())).collect();
        }
        let area = area_codes.get(&first.area).copied().unwrap_or_default();
        let indicator = indicator_codes.get(&first.indicator).copied().unwrap_or_default();
        for key in again {
            let reason = MeasurementProblem::KeyTwice {
                indicator: indicator.to_owned(),
                area: area.to_owned(),
                period: key.period,
                first_line: first.line,
            };
            problems.push(Problem::at(key.line, column, reason));
        }
    }
}

/// What a column of a CBS wide table holds.
#[derive(Clone, Copy, Default)]
struct WideColumn {
    indicator: Option<(Id<Indicator>, Unit)>,
    inhabitants: bool,
}

fn parse_wide(
    mut reader: csv::Reader<&[u8]>,
    headers: &[String],
    code_at: usize,
    context: &ImportContext<'_>,
) -> Result<ParsedMeasurements, Problems> {
    let mut problems = Vec::new();
    let mut kind_at = None;
    let mut columns = vec![WideColumn::default(); headers.len()];
    let mut unmapped_columns = Vec::new();
    // Indicator code -> the first column that holds it.
    let mut column_of: HashMap<String, &str> = HashMap::new();

    for (at, header) in headers.iter().enumerate() {
        let stem = cbs_stem(header);
        if stem.eq_ignore_ascii_case("SoortRegio") {
            kind_at = kind_at.or(Some(at));
        }
        if STRUCTURAL_COLUMNS.iter().any(|name| stem.eq_ignore_ascii_case(name)) {
            continue;
        }
        let column = &mut columns[at];
        column.inhabitants = stem.eq_ignore_ascii_case(INHABITANTS_COLUMN);
        let mapped = context.cbs_columns.iter().find(|(name, _)| name.eq_ignore_ascii_case(stem));
        if let Some((_, code)) = mapped {
            let code = code.trim().to_ascii_uppercase();
            match (context.indicators.get(&code), column_of.get(&code)) {
                (None, _) => problems.push(Problem::at(
                    1,
                    header.as_str(),
                    MeasurementProblem::MappedToUnknown { indicator: code },
                )),
                (Some(_), Some(first)) => problems.push(Problem::at(
                    1,
                    header.as_str(),
                    MeasurementProblem::MappedTwice { indicator: code, column: (*first).to_owned() },
                )),
                (Some(&indicator), None) => {
                    column.indicator = Some(indicator);
                    column_of.insert(code, header);
                }
            }
        } else if !column.inhabitants && !header.is_empty() {
            unmapped_columns.push(header.clone());
        }
    }
    let Some(period) = context.period else {
        problems.insert(0, Problem::on_line(1, MeasurementProblem::NoPeriod));
        return Err(Problems(problems));
    };
    if problems.is_empty() && columns.iter().all(|column| column.indicator.is_none() && !column.inhabitants) {
        problems.push(Problem::on_line(1, MeasurementProblem::NothingMapped { columns: headers.join(", ") }));
    }
    if !problems.is_empty() {
        return Err(Problems(problems));
    }

    let mut measurements = Vec::new();
    let mut populations = Vec::new();
    let mut missing = 0;
    let mut area_rows = 0;
    let mut first_line_of: HashMap<Id<Area>, u64> = HashMap::new();
    let mut lookups = Lookups::new(context);
    let mut rows = Rows::new(headers.len());

    while let Some((line, record)) = rows.next(&mut reader, &mut problems) {
        let field = |at: usize| record.get(at).unwrap_or_default().trim();
        let code = field(code_at);
        let country = kind_at.is_some_and(|at| field(at).eq_ignore_ascii_case("Land"))
            || code.get(..2).is_some_and(|prefix| prefix.eq_ignore_ascii_case("NL"));
        if country {
            continue;
        }
        area_rows += 1;
        let area = match lookups.area(code) {
            Ok(area) => area,
            Err(reason) => {
                problems.push(Problem::at(line, headers[code_at].as_str(), reason));
                continue;
            }
        };
        match first_line_of.entry(area) {
            Entry::Occupied(first) => {
                let reason = MeasurementProblem::AreaTwice { area: code.to_owned(), first_line: *first.get() };
                problems.push(Problem::at(line, headers[code_at].as_str(), reason));
                continue;
            }
            Entry::Vacant(entry) => {
                entry.insert(line);
            }
        }

        for (at, column) in columns.iter().enumerate() {
            if column.indicator.is_none() && !column.inhabitants {
                continue;
            }
            let text = field(at);
            let value = match read_value(text) {
                Ok(Some(value)) => value,
                Ok(None) => {
                    missing += 1;
                    continue;
                }
                Err(reason) => {
                    problems.push(Problem::at(line, headers[at].as_str(), reason));
                    continue;
                }
            };
            if let Some((indicator, unit)) = column.indicator {
                match check_unit(value, text, unit) {
                    Ok(value) => measurements.push(Measurement {
                        indicator_id: indicator,
                        area_id: area,
                        period,
                        value,
                        sample_size: None,
                        margin: None,
                        source_note: context.source_note.map(str::to_owned),
                    }),
                    Err(reason) => problems.push(Problem::at(line, headers[at].as_str(), reason)),
                }
            }
            if column.inhabitants {
                match whole_number(value) {
                    Some(inhabitants) => populations.push(Population { area_id: area, period, inhabitants }),
                    None => problems.push(Problem::at(
                        line,
                        headers[at].as_str(),
                        MeasurementProblem::NotInhabitants { text: text.to_owned() },
                    )),
                }
            }
        }
    }

    if rows.count == 0 && problems.is_empty() {
        problems.push(Problem::on_line(1, MeasurementProblem::NoRows));
    } else if area_rows == 0 && problems.is_empty() {
        problems.push(Problem::on_line(1, MeasurementProblem::NoAreaRows));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.line);
        return Err(Problems(problems));
    }
    Ok(ParsedMeasurements {
        format: FileFormat::CbsWide,
        measurements,
        populations,
        missing,
        periods: vec![period],
        unmapped_columns,
    })
}

/// A CBS column name without the numeric suffix that CBS numbers its columns with, which differs
/// from year to year: `Koopwoningen` for `Koopwoningen_47`.
fn cbs_stem(name: &str) -> &str {
    match name.rsplit_once('_') {
        Some((stem, suffix))
            if !stem.is_empty() && !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()) =>
        {
            stem
        }
        _ => name,
    }
}

/// The data lines of a file, one reused record at a time, with their line numbers; blank lines
/// are skipped and lines with the wrong number of fields reported.
struct Rows {
    record: csv::StringRecord,
    width: usize,
    /// Non-blank data lines read so far.
    count: usize,
}

impl Rows {
    fn new(width: usize) -> Self {
        Rows { record: csv::StringRecord::new(), width, count: 0 }
    }

    fn next(
        &mut self,
        reader: &mut csv::Reader<&[u8]>,
        problems: &mut Vec<Problem>,
    ) -> Option<(u64, &csv::StringRecord)> {
        loop {
            match reader.read_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return None,
                Err(error) => {
                    let line = error.position().map_or(0, |position| position.line());
                    problems.push(Problem::on_line(line, MeasurementProblem::Unreadable));
                    // Reading from memory fails only on a bad field, after which the reader
                    // goes on; anything else could repeat forever.
                    if matches!(error.kind(), csv::ErrorKind::Utf8 { .. }) {
                        continue;
                    }
                    return None;
                }
            }
            let line = self.record.position().map_or(0, |position| position.line());
            if self.record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            self.count += 1;
            // A trailing delimiter on data lines only is harmless: extra fields may be empty.
            let extra_filled = self.record.iter().skip(self.width).any(|field| !field.trim().is_empty());
            if self.record.len() < self.width || extra_filled {
                problems.push(Problem::on_line(
                    line,
                    MeasurementProblem::FieldCount { found: self.record.len(), expected: self.width },
                ));
                continue;
            }
            return Some((line, &self.record));
        }
    }
}

/// Looks up areas, indicators and periods. Files are mostly sorted, so consecutive lines usually
/// repeat them: remembering the last of each saves parsing and allocating on most lines.
struct Lookups<'a> {
    /// Areas by their code as text, so that a code can be looked up without making an `AreaCode`.
    areas: HashMap<&'a str, Id<Area>>,
    indicators: &'a HashMap<String, (Id<Indicator>, Unit)>,
    area: Last<Id<Area>>,
    indicator: Last<(Id<Indicator>, Unit)>,
    period: Last<Period>,
    upper_case: String,
}

impl<'a> Lookups<'a> {
    fn new(context: &ImportContext<'a>) -> Self {
        Lookups {
            areas: context.areas.iter().map(|(code, &area)| (code.as_str(), area)).collect(),
            indicators: context.indicators,
            area: Last::new(),
            indicator: Last::new(),
            period: Last::new(),
            upper_case: String::new(),
        }
    }

    fn area(&mut self, text: &str) -> Result<Id<Area>, MeasurementProblem> {
        let (areas, buffer) = (&self.areas, &mut self.upper_case);
        self.area.get(text, |text| match areas.get(upper_case(text, buffer)) {
            Some(&area) => Ok(area),
            None => match text.parse::<AreaCode>() {
                Ok(code) => Err(MeasurementProblem::UnknownArea { area: code.to_string() }),
                Err(_) => Err(MeasurementProblem::NotAreaCode { text: text.to_owned() }),
            },
        })
    }

    fn indicator(&mut self, text: &str) -> Result<(Id<Indicator>, Unit), MeasurementProblem> {
        let (indicators, buffer) = (self.indicators, &mut self.upper_case);
        self.indicator.get(text, |text| match indicators.get(upper_case(text, buffer)) {
            Some(&indicator) => Ok(indicator),
            None if text.is_empty() => Err(MeasurementProblem::EmptyIndicator),
            None => Err(MeasurementProblem::UnknownIndicator { text: text.to_owned() }),
        })
    }

    fn period(&mut self, text: &str) -> Result<Period, MeasurementProblem> {
        self.period.get(text, |text| {
            text.parse::<Period>().map_err(|_| MeasurementProblem::NotPeriod { text: text.to_owned() })
        })
    }
}

/// The text in upper case, as codes are kept; only a text written otherwise is copied (into
/// `buffer`).
fn upper_case<'t>(text: &'t str, buffer: &'t mut String) -> &'t str {
    if text.bytes().any(|byte| byte.is_ascii_lowercase()) {
        buffer.clear();
        buffer.push_str(text);
        buffer.make_ascii_uppercase();
        buffer
    } else {
        text
    }
}

/// The last text looked up and what it gave.
struct Last<T> {
    text: String,
    result: Option<Result<T, MeasurementProblem>>,
}

impl<T: Clone> Last<T> {
    fn new() -> Self {
        Last { text: String::new(), result: None }
    }

    fn get(
        &mut self,
        text: &str,
        look_up: impl FnOnce(&str) -> Result<T, MeasurementProblem>,
    ) -> Result<T, MeasurementProblem> {
        if let Some(result) = &self.result
            && self.text == text
        {
            return result.clone();
        }
        let result = look_up(text);
        self.text.clear();
        self.text.push_str(text);
        self.result = Some(result.clone());
        result
    }
}

/// Reads a value: `Ok(None)` for a missing-value marker, else the number.
fn read_value(text: &str) -> Result<Option<f64>, MeasurementProblem> {
    if is_missing_marker(text) {
        return Ok(None);
    }
    match parse_number(text) {
        // CBS writes these codes for "unknown" and "secret" in numeric columns.
        Some(value) if value == -99995.0 || value == -99997.0 => Ok(None),
        Some(value) => Ok(Some(value)),
        None => Err(MeasurementProblem::NotNumber { text: text.to_owned() }),
    }
}

fn is_missing_marker(text: &str) -> bool {
    matches!(text, "" | "." | "x" | "X")
}

/// Checks a value against its indicator's unit, returning it when it fits.
fn check_unit(value: f64, text: &str, unit: Unit) -> Result<f64, MeasurementProblem> {
    match unit.bounds() {
        Some((low, high)) if !(low..=high).contains(&value) => {
            Err(MeasurementProblem::OutOfBounds { text: text.to_owned(), unit })
        }
        None if value < 0.0 => Err(MeasurementProblem::Negative { text: text.to_owned(), unit }),
        _ => Ok(value),
    }
}

fn read_sample_size(text: &str) -> Result<Option<u32>, MeasurementProblem> {
    if is_missing_marker(text) {
        return Ok(None);
    }
    match parse_number(text).and_then(whole_number) {
        Some(size) => Ok(Some(size)),
        None => Err(MeasurementProblem::NotSampleSize { text: text.to_owned() }),
    }
}

fn read_margin(text: &str) -> Result<Option<f64>, MeasurementProblem> {
    if is_missing_marker(text) {
        return Ok(None);
    }
    match parse_number(text) {
        Some(margin) if margin >= 0.0 => Ok(Some(margin)),
        Some(_) => Err(MeasurementProblem::NegativeMargin { text: text.to_owned() }),
        None => Err(MeasurementProblem::NotNumber { text: text.to_owned() }),
    }
}

fn whole_number(value: f64) -> Option<u32> {
    let fits = value >= 0.0 && value <= f64::from(u32::MAX) && value.fract() == 0.0;
    // The cast is exact: the value is whole and within u32's range.
    fits.then_some(value as u32)
}

/// Reads a decimal number written with a decimal point or comma, possibly with a thousands
/// separator (`1.234,5`, `1,234.5`): with both, the last is the decimal separator; a separator
/// that occurs more than once separates thousands. Only digits, separators and a leading sign
/// are allowed, so `NaN`, `inf` and exponents are not numbers.
fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let body = match bytes.first() {
        Some(b'+' | b'-') => &bytes[1..],
        _ => bytes,
    };
    if !body.iter().all(|&byte| byte.is_ascii_digit() || byte == b'.' || byte == b',')
        || !body.iter().any(u8::is_ascii_digit)
    {
        return None;
    }
    let count = |separator: u8| body.iter().filter(|&&byte| byte == separator).count();
    let last = |separator: u8| body.iter().rposition(|&byte| byte == separator);
    let (decimal, thousands) = match (count(b'.'), count(b',')) {
        (0 | 1, 0) => return text.parse().ok(),
        (_, 0) => (None, Some(b'.')),
        (0, 1) => (Some(b','), None),
        (0, _) => (None, Some(b',')),
        _ if last(b'.') > last(b',') => (Some(b'.'), Some(b',')),
        _ => (Some(b','), Some(b'.')),
    };
    if decimal.is_some_and(|decimal| count(decimal) > 1) {
        return None;
    }
    let integer_end = decimal.and_then(last).unwrap_or(body.len());
    if let Some(thousands) = thousands {
        // Groups after the first have three digits, and none come after the decimal separator.
        let mut groups = body[..integer_end].split(|&byte| byte == thousands);
        let first_fits = groups.next().is_some_and(|group| (1..=3).contains(&group.len()));
        if !first_fits || !groups.all(|group| group.len() == 3) {
            return None;
        }
    }
    let sign_length = bytes.len() - body.len();
    let mut buffer = [0u8; 64];
    let mut length = 0;
    for &byte in bytes[..sign_length].iter().chain(body.iter().filter(|&&byte| Some(byte) != thousands)) {
        *buffer.get_mut(length)? = if Some(byte) == decimal { b'.' } else { byte };
        length += 1;
    }
    std::str::from_utf8(&buffer[..length]).ok()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A monitor with Hengelo's gemeente, two wijken and three buurten, and four indicators.
    struct Fixture {
        areas: HashMap<AreaCode, Id<Area>>,
        indicators: HashMap<String, (Id<Indicator>, Unit)>,
        cbs_columns: HashMap<String, String>,
    }

    const SAFETY: Id<Indicator> = Id::new(1);
    const OWNERSHIP: Id<Indicator> = Id::new(2);
    const VACANCY: Id<Indicator> = Id::new(3);
    const CRIME: Id<Indicator> = Id::new(4);
    const CITY: Id<Area> = Id::new(10);
    const ES: Id<Area> = Id::new(11);
    const NOORD: Id<Area> = Id::new(12);
    const TICHELWERK: Id<Area> = Id::new(21);
    const WILBERT: Id<Area> = Id::new(22);
    const ELSBEEK: Id<Area> = Id::new(23);

    impl Fixture {
        fn new() -> Self {
            let areas = [
                ("GM0164", CITY),
                ("WK016401", ES),
                ("WK016402", NOORD),
                ("BU01640101", TICHELWERK),
                ("BU01640102", WILBERT),
                ("BU01640201", ELSBEEK),
            ]
            .into_iter()
            .map(|(code, id)| (code.parse().unwrap(), id))
            .collect();
            let indicators = [
                ("VEILIGHEIDSBELEVING", SAFETY, Unit::Score),
                ("KOOPWONINGEN", OWNERSHIP, Unit::Percentage),
                ("LEEGSTAND", VACANCY, Unit::Count),
                ("MISDRIJVEN", CRIME, Unit::PerThousand),
            ]
            .into_iter()
            .map(|(code, id, unit)| (code.to_owned(), (id, unit)))
            .collect();
            let cbs_columns = [("Koopwoningen", "KOOPWONINGEN"), ("Leegstand", "leegstand")]
                .into_iter()
                .map(|(name, code)| (name.to_owned(), code.to_owned()))
                .collect();
            Fixture { areas, indicators, cbs_columns }
        }

        fn context(&self, period: Option<&str>) -> ImportContext<'_> {
            ImportContext {
                areas: &self.areas,
                indicators: &self.indicators,
                cbs_columns: &self.cbs_columns,
                period: period.map(|period| period.parse().unwrap()),
                source_note: Some("upload.csv"),
            }
        }
    }

    fn parse(text: &str) -> Result<ParsedMeasurements, Problems> {
        let fixture = Fixture::new();
        parse_measurements(text, &fixture.context(None))
    }

    fn parse_wide_for(text: &str, period: &str) -> Result<ParsedMeasurements, Problems> {
        let fixture = Fixture::new();
        parse_measurements(text, &fixture.context(Some(period)))
    }

    fn problems(result: Result<ParsedMeasurements, Problems>) -> Vec<String> {
        result.unwrap_err().0.iter().map(ToString::to_string).collect()
    }

    fn period(text: &str) -> Period {
        text.parse().unwrap()
    }

    #[test]
    fn a_long_file_with_quarters_sample_sizes_and_margins() {
        let text = "area_code,indicator,period,value,sample_size,margin\n\
                    BU01640101,VEILIGHEIDSBELEVING,2023-Q2,7.1,212,0.3\n\
                    BU01640101,veiligheidsbeleving,2023,6.9,,\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.format, FileFormat::Long);
        assert_eq!(
            parsed.measurements[0],
            Measurement {
                indicator_id: SAFETY,
                area_id: TICHELWERK,
                period: period("2023-Q2"),
                value: 7.1,
                sample_size: Some(212),
                margin: Some(0.3),
                source_note: Some("upload.csv".to_owned()),
            }
        );
        assert_eq!(parsed.measurements[1].period, period("2023"));
        assert_eq!((parsed.measurements[1].sample_size, parsed.measurements[1].margin), (None, None));
        assert_eq!(parsed.periods, [period("2023"), period("2023-Q2")]);
        assert_eq!(parsed.missing, 0);
        assert!(parsed.populations.is_empty() && parsed.unmapped_columns.is_empty());
    }

    #[test]
    fn long_columns_come_in_any_order_and_case_and_a_row_may_carry_its_note() {
        let text = " Value ;PERIOD;Source_Note;Indicator;Area_Code;opmerking\n\
                    12;2024;Woonmonitor 2024;LEEGSTAND;wk016401;nagekeken\n\
                    3;2024;;LEEGSTAND;WK016402;\n";
        let parsed = parse(text).unwrap();
        assert_eq!(parsed.measurements.len(), 2);
        assert_eq!(parsed.measurements[0].area_id, ES);
        assert_eq!(parsed.measurements[0].value, 12.0);
        assert_eq!(parsed.measurements[0].source_note.as_deref(), Some("Woonmonitor 2024"));
        assert_eq!(parsed.measurements[1].source_note.as_deref(), Some("upload.csv"));
        assert_eq!(parsed.unmapped_columns, ["opmerking"]);
    }

    #[test]
    fn semicolons_decimal_commas_and_a_byte_order_mark() {
        let text = "\u{feff}area_code;indicator;period;value;margin\n\
                    BU01640101;KOOPWONINGEN;2023;\"62,5\";\"1,2\"\n\
                    GM0164;LEEGSTAND;2023;1.234;\n\
                    GM0164;MISDRIJVEN;2023;\" 45,0 \";\n";
        let parsed = parse(text).unwrap();
        let values: Vec<f64> = parsed.measurements.iter().map(|measurement| measurement.value).collect();
        assert_eq!(values, [62.5, 1.234, 45.0]);
        assert_eq!(parsed.measurements[0].margin, Some(1.2));
    }

    #[test]
    fn numbers_with_thousands_separators_and_what_is_not_a_number() {
        for (text, value) in [
            ("1.234,5", 1234.5),
            ("1,234.5", 1234.5),
            ("1.234.567", 1234567.0),
            ("1,234,567", 1234567.0),
            ("12,5", 12.5),
            ("-3,25", -3.25),
            ("+7", 7.0),
            ("0.5", 0.5),
            (",5", 0.5),
            ("1.234.567,89", 1234567.89),
        ] {
            assert_eq!(parse_number(text), Some(value), "{text}");
        }
        for text in
            ["abc", "NaN", "nan", "inf", "-inf", "infinity", "1e5", "", "-", "1,2,3.4", "1.2.3,4,5", "12 5", "1.23,4"]
        {
            assert_eq!(parse_number(text), None, "{text}");
        }
    }

    #[test]
    fn each_missing_marker_is_skipped_and_counted() {
        let mut text = String::from("area_code,indicator,period,value\n");
        for (quarter, marker) in
            [".", "", "x", "X", "-99995", "-99997", "-99995.0", "-99997,0", " . "].iter().enumerate()
        {
            text.push_str(&format!("GM0164,LEEGSTAND,{},\"{marker}\"\n", 1990 + quarter));
        }
        text.push_str("GM0164,LEEGSTAND,2000,4\n");
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.missing, 9);
        assert_eq!(parsed.measurements.len(), 1);
        assert_eq!(parsed.periods.len(), 10);
    }

    /// A CBS "Kerncijfers wijken en buurten" table as downloaded: quoted, `;`-separated, codes
    /// and kinds padded with spaces, numbered columns, the country on the first line.
    const CBS_TABLE: &str = "\u{feff}\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";\
\"IndelingswijzigingWijkenEnBuurten_4\";\"AantalInwoners_5\";\"Mannen_6\";\"Vrouwen_7\";\"Leegstand_41\";\"Koopwoningen_47\"
0;\"NL00      \";\"Nederland                               \";\"Land      \";\"NL00      \";\".\";17811291;8850309;8960982;.;57
1;\"GM0164    \";\"Hengelo                                 \";\"Gemeente  \";\"GM0164    \";\"1\";81120;40085;41035;2,6;59
2;\"WK016401  \";\"Hengelo                                 \";\"Wijk      \";\"WK016401  \";\"1\";6540;3195;3345;1,9;61
3;\"BU01640101\";\"Hengelo                                 \";\"Buurt     \";\"BU01640101\";\"1\";1825;900;925;.;74
4;\"BU01640102\";\"Hengelo                                 \";\"Buurt     \";\"BU01640102\";\"1\";2105;1020;1085;-99997;.
";

    #[test]
    fn a_cbs_table_in_its_wide_form() {
        let parsed = parse_wide_for(CBS_TABLE, "2023").unwrap();
        assert_eq!(parsed.format, FileFormat::CbsWide);
        assert_eq!(parsed.periods, [period("2023")]);
        let found: Vec<(Id<Indicator>, Id<Area>, f64)> = parsed
            .measurements
            .iter()
            .map(|measurement| (measurement.indicator_id, measurement.area_id, measurement.value))
            .collect();
        assert_eq!(
            found,
            [
                (VACANCY, CITY, 2.6),
                (OWNERSHIP, CITY, 59.0),
                (VACANCY, ES, 1.9),
                (OWNERSHIP, ES, 61.0),
                (OWNERSHIP, TICHELWERK, 74.0),
            ]
        );
        assert!(parsed.measurements.iter().all(|measurement| measurement.period == period("2023")
            && measurement.source_note.as_deref() == Some("upload.csv")));
        let inhabitants: Vec<(Id<Area>, u32)> =
            parsed.populations.iter().map(|population| (population.area_id, population.inhabitants)).collect();
        assert_eq!(inhabitants, [(CITY, 81120), (ES, 6540), (TICHELWERK, 1825), (WILBERT, 2105)]);
        assert_eq!(parsed.missing, 3);
        assert_eq!(parsed.unmapped_columns, ["Mannen_6", "Vrouwen_7"]);
    }

    #[test]
    fn inhabitants_alone_make_a_usable_cbs_table() {
        let text = "WijkenEnBuurten,SoortRegio_2,AantalInwoners_4\nGM0164,Gemeente,81120\n";
        let parsed = parse_wide_for(text, "2024").unwrap();
        assert!(parsed.measurements.is_empty());
        assert_eq!(parsed.populations, [Population { area_id: CITY, period: period("2024"), inhabitants: 81120 }]);
    }

    #[test]
    fn a_cbs_table_needs_a_period_and_a_mapped_column() {
        assert_eq!(
            problems(parse(CBS_TABLE)),
            ["line 1: a CBS table has no period column: the import needs the year the table describes"]
        );
        let text = "WijkenEnBuurten;Mannen_6\nGM0164;40085\n";
        assert_eq!(
            problems(parse_wide_for(text, "2023")),
            ["line 1: no column of this CBS table is mapped to an indicator, nor is there a column \
                 AantalInwoners; it has: WijkenEnBuurten, Mannen_6"]
        );
    }

    #[test]
    fn cbs_columns_mapped_twice_or_to_an_unknown_indicator_are_named() {
        let mut fixture = Fixture::new();
        fixture.cbs_columns.insert("Eigendom".to_owned(), "KOOPWONINGEN".to_owned());
        fixture.cbs_columns.insert("Huurwoningen".to_owned(), "HUUR".to_owned());
        let text = "WijkenEnBuurten;Koopwoningen_47;Eigendom_48;Huurwoningen_49\nGM0164;59;59;41\n";
        let result = parse_measurements(text, &fixture.context(Some("2023")));
        assert_eq!(
            problems(result),
            [
                "line 1, column Eigendom_48: the column is mapped to the indicator KOOPWONINGEN, as is the column \
                 Koopwoningen_47",
                "line 1, column Huurwoningen_49: the column is mapped to the indicator HUUR, which is not known",
            ]
        );
    }

    #[test]
    fn bad_lines_of_a_cbs_table_are_reported_with_their_column() {
        let text = "ID;WijkenEnBuurten;SoortRegio_2;AantalInwoners_5;Koopwoningen_47\n\
                    1;GM0164    ;Gemeente;81120,5;59\n\
                    2;WK016499  ;Wijk;100;50\n\
                    3;NL00;Land;17811291;57\n\
                    4;BU01640101;Buurt;-3;112,5\n\
                    5;BU01640101;Buurt;1825;74\n\
                    6;XX123;Buurt;1;1\n\
                    7;WK016402;Wijk;abc\n";
        assert_eq!(
            problems(parse_wide_for(text, "2023")),
            [
                "line 2, column AantalInwoners_5: 81120,5 is not a number of inhabitants (a whole number, 0 or more)",
                "line 3, column WijkenEnBuurten: WK016499 is not a known area",
                "line 5, column AantalInwoners_5: -3 is not a number of inhabitants (a whole number, 0 or more)",
                "line 5, column Koopwoningen_47: 112,5 is outside 0–100 for a percentage",
                "line 6, column WijkenEnBuurten: BU01640101 appears twice (first on line 5)",
                "line 7, column WijkenEnBuurten: 'XX123' is not a CBS area code (GM + 4 digits, WK + 6 digits or \
                 BU + 8 digits)",
                "line 8: the line has 4 fields where the header has 5",
            ]
        );
    }

    #[test]
    fn a_cbs_table_of_only_the_country_has_no_areas() {
        let text = "WijkenEnBuurten;SoortRegio_2;AantalInwoners_5\nNL00;Land;17811291\n";
        assert_eq!(
            problems(parse_wide_for(text, "2023")),
            ["line 1: the file has no rows of a gemeente, wijk or buurt"]
        );
    }

    #[test]
    fn each_bad_value_of_a_long_file_is_reported_with_its_place() {
        let text = "area_code,indicator,period,value,sample_size,margin\n\
                    BU01640101,KOOPWONINGEN,2023,112.5,,\n\
                    BU01640101,VEILIGHEIDSBELEVING,2023,0.5,,\n\
                    BU01640101,LEEGSTAND,2023,-1,,\n\
                    BU01640101,MISDRIJVEN,2023,-0.1,,\n\
                    BU99999999,LEEGSTAND,2023,1,,\n\
                    WK0164,LEEGSTAND,2023,1,,\n\
                    GM0164,ONBEKEND,2023,1,,\n\
                    GM0164,LEEGSTAND,2023-Q5,1,,\n\
                    GM0164,LEEGSTAND,2024,abc,,\n\
                    GM0164,LEEGSTAND,2025,NaN,,\n\
                    GM0164,LEEGSTAND,2026,inf,,\n\
                    GM0164,VEILIGHEIDSBELEVING,2023,7,12.5,\n\
                    GM0164,VEILIGHEIDSBELEVING,2024,7,-3,\n\
                    GM0164,VEILIGHEIDSBELEVING,2025,7,,-0.2\n\
                    GM0164,VEILIGHEIDSBELEVING,2026,7,,wat\n\
                    GM0164,LEEGSTAND,2027,1\n\
                    gm0164,leegstand,2028,1,,\n\
                    GM0164,LEEGSTAND,2028,2,,\n";
        assert_eq!(
            problems(parse(text)),
            [
                "line 2, column value: 112.5 is outside 0–100 for a percentage",
                "line 3, column value: 0.5 is outside 1–10 for a report mark",
                "line 4, column value: -1 is negative, which a count cannot be",
                "line 5, column value: -0.1 is negative, which a number per 1,000 inhabitants cannot be",
                "line 6, column area_code: BU99999999 is not a known area",
                "line 7, column area_code: 'WK0164' is not a CBS area code (GM + 4 digits, WK + 6 digits or BU + 8 \
                 digits)",
                "line 8, column indicator: 'ONBEKEND' is not a known indicator",
                "line 9, column period: '2023-Q5' is not a period (a year such as 2023, or a quarter such as 2023-Q2)",
                "line 10, column value: 'abc' is not a number",
                "line 11, column value: 'NaN' is not a number",
                "line 12, column value: 'inf' is not a number",
                "line 13, column sample_size: '12.5' is not a sample size (a whole number, 0 or more)",
                "line 14, column sample_size: '-3' is not a sample size (a whole number, 0 or more)",
                "line 15, column margin: -0.2 is negative; a margin is 0 or more",
                "line 16, column margin: 'wat' is not a number",
                "line 17: the line has 4 fields where the header has 6",
                "line 19, column area_code: LEEGSTAND for GM0164 in 2028 appears twice (first on line 18)",
            ]
        );
    }

    #[test]
    fn a_key_seen_three_times_names_its_first_line_twice() {
        let text = "area_code,indicator,period,value\n\
                    WK016401,LEEGSTAND,2023,1\n\
                    GM0164,LEEGSTAND,2023,1\n\
                    wk016401,Leegstand,2023,2\n\
                    WK016401,LEEGSTAND,2023-Q1,2\n\
                    WK016401,LEEGSTAND,2023,3\n";
        assert_eq!(
            problems(parse(text)),
            [
                "line 4, column area_code: LEEGSTAND for WK016401 in 2023 appears twice (first on line 2)",
                "line 6, column area_code: LEEGSTAND for WK016401 in 2023 appears twice (first on line 2)",
            ]
        );
    }

    #[test]
    fn a_file_in_key_order_either_way_still_has_its_repeated_keys_found() {
        // Area first (as CBS and most exports write), with the repeat right after its first line.
        let area_first = "area_code,indicator,period,value\n\
                          GM0164,LEEGSTAND,2022,1\n\
                          GM0164,LEEGSTAND,2023,1\n\
                          GM0164,LEEGSTAND,2023,2\n\
                          WK016401,LEEGSTAND,2022,3\n";
        assert_eq!(
            problems(parse(area_first)),
            ["line 4, column area_code: LEEGSTAND for GM0164 in 2023 appears twice (first on line 3)"]
        );
        // Period first, the repeat last.
        let period_first = "area_code,indicator,period,value\n\
                            GM0164,LEEGSTAND,2022,1\n\
                            WK016401,LEEGSTAND,2022,1\n\
                            GM0164,LEEGSTAND,2023,2\n\
                            GM0164,LEEGSTAND,2022,3\n";
        assert_eq!(
            problems(parse(period_first)),
            ["line 5, column area_code: LEEGSTAND for GM0164 in 2022 appears twice (first on line 2)"]
        );
        // Each order without a repeat is read whole.
        let sorted = "area_code,indicator,period,value\n\
                      GM0164,LEEGSTAND,2022,1\n\
                      GM0164,LEEGSTAND,2023,1\n\
                      WK016401,LEEGSTAND,2022,3\n";
        assert_eq!(parse(sorted).unwrap().measurements.len(), 3);
    }

    #[test]
    fn a_scale_has_its_own_bounds() {
        let mut fixture = Fixture::new();
        fixture.indicators.insert("SAMENHANG".to_owned(), (Id::new(9), Unit::Scale));
        let text = "area_code,indicator,period,value\nGM0164,SAMENHANG,2023,0\nGM0164,SAMENHANG,2024,10.5\n";
        let result = parse_measurements(text, &fixture.context(None));
        assert_eq!(problems(result), ["line 3, column value: 10.5 is outside 0–10 for a scale"]);
    }

    #[test]
    fn wrong_headers_and_empty_files_are_refused_on_line_one() {
        assert_eq!(
            problems(parse("gebied;indicator;jaar;waarde\nGM0164;LEEGSTAND;2023;1\n")),
            ["line 1: the header must name the columns area_code, indicator, period and value (and may name \
                 sample_size, margin and source_note), or be a CBS table with a column WijkenEnBuurten; it has: \
                 gebied, indicator, jaar, waarde"]
        );
        assert_eq!(
            problems(parse("area_code,indicator,period,value\n\n")),
            ["line 1: the file has a header but no data rows"]
        );
        assert_eq!(
            problems(parse("area_code,indicator,period,value,Value\nGM0164,LEEGSTAND,2023,1,1\n")),
            ["line 1, column Value: the column appears twice in the header"]
        );
        assert!(parse("").is_err());
    }

    #[test]
    fn many_problems_are_all_reported_in_line_order() {
        let mut text = String::from("area_code,indicator,period,value\n");
        for line in 2..=201 {
            let value = if line % 2 == 0 { "101" } else { "50" };
            let code = if line % 3 == 0 { "BU01649999" } else { "BU01640101" };
            text.push_str(&format!("{code},KOOPWONINGEN,{},{value}\n", 1900 + line));
        }
        let found = parse(&text).unwrap_err().0;
        let lines: Vec<u64> = found.iter().map(|problem| problem.line).collect();
        let expected: Vec<u64> = (2..=201).filter(|line| line % 2 == 0 || line % 3 == 0).collect();
        let mut sorted_lines = lines.clone();
        sorted_lines.dedup();
        assert_eq!(sorted_lines, expected);
        assert!(lines.is_sorted());
        assert_eq!(found.len(), 100 + 67);
    }

    #[test]
    fn a_quoted_field_over_two_lines_keeps_the_lines_counted() {
        let text = "area_code,indicator,period,value,source_note\n\
                    GM0164,LEEGSTAND,2023,1,\"two\nlines\"\n\
                    GM0164,LEEGSTAND,2024,-1,\n";
        assert_eq!(problems(parse(text)), ["line 4, column value: -1 is negative, which a count cannot be"]);
    }

    #[test]
    fn cbs_suffixes_are_stripped_only_when_numeric() {
        assert_eq!(cbs_stem("Koopwoningen_47"), "Koopwoningen");
        assert_eq!(cbs_stem("k_0Tot15Jaar_8"), "k_0Tot15Jaar");
        assert_eq!(cbs_stem("WijkenEnBuurten"), "WijkenEnBuurten");
        assert_eq!(cbs_stem("Bevolking_"), "Bevolking_");
        assert_eq!(cbs_stem("_12"), "_12");
    }
}
