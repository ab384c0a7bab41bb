//! Areas: the municipality (gemeente), its districts (wijken) and neighbourhoods (buurten),
//! identified by the codes of Statistics Netherlands (CBS).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

use crate::code_enum::code_enum;
use crate::import::{Problem, Problems, sniff_delimiter, strip_byte_order_mark};

code_enum! {
    /// The level of an area in CBS's division.
    pub enum AreaLevel {
        /// A municipality, code `GM` + 4 digits.
        Municipality = "gemeente",
        /// A district, code `WK` + the municipality's 4 digits + 2.
        District = "wijk",
        /// A neighbourhood, code `BU` + the district's 6 digits + 2.
        Neighbourhood = "buurt",
    }
}

impl AreaLevel {
    /// The letters that start a code of this level.
    pub const fn code_prefix(self) -> &'static str {
        match self {
            AreaLevel::Municipality => "GM",
            AreaLevel::District => "WK",
            AreaLevel::Neighbourhood => "BU",
        }
    }

    /// How many digits follow the prefix.
    pub const fn code_digits(self) -> usize {
        match self {
            AreaLevel::Municipality => 4,
            AreaLevel::District => 6,
            AreaLevel::Neighbourhood => 8,
        }
    }

    /// The level an area of this level lies in, if any.
    pub const fn parent(self) -> Option<AreaLevel> {
        match self {
            AreaLevel::Municipality => None,
            AreaLevel::District => Some(AreaLevel::Municipality),
            AreaLevel::Neighbourhood => Some(AreaLevel::District),
        }
    }
}

/// A CBS area code such as `GM0164`, `WK016401` or `BU01640101`; its level follows from it.
///
/// Parsing trims spaces (CBS pads codes in its tables) and accepts lower case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct AreaCode(String);

/// Why a text is not a CBS area code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not a CBS area code (GM + 4 digits, WK + 6 digits or BU + 8 digits)")]
pub struct InvalidAreaCode(pub String);

impl AreaCode {
    /// The code as text, e.g. `WK016401`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The level the code denotes.
    pub fn level(&self) -> AreaLevel {
        match &self.0[..2] {
            "GM" => AreaLevel::Municipality,
            "WK" => AreaLevel::District,
            _ => AreaLevel::Neighbourhood,
        }
    }

    /// The digits after the prefix.
    pub fn digits(&self) -> &str {
        &self.0[2..]
    }

    /// Whether `self` lies directly inside `parent` by the structure of the codes.
    pub fn is_directly_within(&self, parent: &AreaCode) -> bool {
        self.level().parent() == Some(parent.level()) && self.digits().starts_with(parent.digits())
    }
}

impl FromStr for AreaCode {
    type Err = InvalidAreaCode;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let code = text.trim().to_ascii_uppercase();
        let valid = AreaLevel::ALL.iter().any(|level| {
            code.len() == 2 + level.code_digits()
                && code.starts_with(level.code_prefix())
                && code[2..].bytes().all(|byte| byte.is_ascii_digit())
        });
        if valid { Ok(AreaCode(code)) } else { Err(InvalidAreaCode(text.to_owned())) }
    }
}

impl fmt::Display for AreaCode {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// An area as a division file describes it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AreaRecord {
    /// CBS code.
    pub code: AreaCode,
    /// Name, e.g. "Hengelose Es".
    pub name: String,
    /// Level; always the level of `code`.
    pub level: AreaLevel,
    /// The area it lies in; `None` for a municipality.
    pub parent: Option<AreaCode>,
}

/// Reads a division file with the columns `code,name,level,parent_code` (in any order, `,` or
/// `;` separated, with or without a byte order mark) into areas ordered parents first.
///
/// A parent must be in the same file or among `known`. The file is refused as a whole, with
/// every problem and its place, when any line is wrong.
pub fn parse_area_csv(text: &str, known: &HashSet<AreaCode>) -> Result<Vec<AreaRecord>, Problems> {
    let text = strip_byte_order_mark(text);
    let mut reader =
        csv::ReaderBuilder::new().delimiter(sniff_delimiter(text)).flexible(true).from_reader(text.as_bytes());
    let mut problems = Vec::new();

    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(error) => return Err(Problems(vec![Problem::on_line(1, error.to_string())])),
    };
    let column = |name: &str| headers.iter().position(|header| header.trim().eq_ignore_ascii_case(name));
    let (Some(code_at), Some(name_at), Some(level_at), Some(parent_at)) =
        (column("code"), column("name"), column("level"), column("parent_code"))
    else {
        return Err(Problems(vec![Problem::on_line(
            1,
            format!(
                "the header must name the columns code, name, level and parent_code; it has: {}",
                headers.iter().collect::<Vec<_>>().join(", ")
            ),
        )]));
    };

    // (record, line) in file order; parents are checked once the whole file is read.
    let mut rows: Vec<(AreaRecord, u64)> = Vec::new();
    let mut first_line_of: HashMap<AreaCode, u64> = HashMap::new();
    for result in reader.records() {
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |position| position.line());
                problems.push(Problem::on_line(line, error.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |position| position.line());
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let field = |at: usize| record.get(at).unwrap_or_default().trim();
        let before = problems.len();

        let code = match field(code_at).parse::<AreaCode>() {
            Ok(code) => Some(code),
            Err(error) => {
                problems.push(Problem::at(line, "code", error.to_string()));
                None
            }
        };
        let name = field(name_at);
        if name.is_empty() {
            problems.push(Problem::at(line, "name", "the name is empty"));
        }
        let level = match field(level_at).parse::<AreaLevel>() {
            Ok(level) => Some(level),
            Err(error) => {
                problems.push(Problem::at(line, "level", error.to_string()));
                None
            }
        };
        let parent = match field(parent_at) {
            "" => None,
            text => match text.parse::<AreaCode>() {
                Ok(parent) => Some(parent),
                Err(error) => {
                    problems.push(Problem::at(line, "parent_code", error.to_string()));
                    None
                }
            },
        };
        let (Some(code), Some(level)) = (code, level) else { continue };
        if code.level() != level {
            problems.push(Problem::at(line, "level", format!("{code} is a {} code, not a {level}", code.level())));
            continue;
        }
        match (&parent, level.parent()) {
            (None, Some(wanted)) => {
                problems.push(Problem::at(line, "parent_code", format!("a {level} needs a parent ({wanted})")))
            }
            (Some(parent), None) => problems.push(Problem::at(
                line,
                "parent_code",
                format!("a {level} has no parent, but {parent} is given"),
            )),
            (Some(parent), Some(_)) if !code.is_directly_within(parent) => problems.push(Problem::at(
                line,
                "parent_code",
                format!("{code} does not lie directly within {parent} by its code"),
            )),
            _ => {}
        }
        if let Some(first) = first_line_of.get(&code) {
            problems.push(Problem::at(line, "code", format!("{code} appears twice (first on line {first})")));
        } else {
            first_line_of.insert(code.clone(), line);
        }
        if problems.len() == before {
            rows.push((AreaRecord { code, name: name.to_owned(), level, parent }, line));
        }
    }

    for (record, line) in &rows {
        if let Some(parent) = &record.parent
            && !first_line_of.contains_key(parent)
            && !known.contains(parent)
        {
            problems.push(Problem::at(*line, "parent_code", format!("{parent} is not in the file nor known")));
        }
    }
    if !problems.is_empty() {
        problems.sort_by_key(|problem| problem.line);
        return Err(Problems(problems));
    }
    if rows.is_empty() {
        return Err(Problems(vec![Problem::on_line(1, "the file has a header but no areas")]));
    }
    let mut records: Vec<AreaRecord> = rows.into_iter().map(|(record, _)| record).collect();
    records.sort_by_key(|record| record.level);
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HENGELO: &str = include_str!("../../../data/hengelo-gebieden.csv");

    fn parse(text: &str) -> Result<Vec<AreaRecord>, Problems> {
        parse_area_csv(text, &HashSet::new())
    }

    #[test]
    fn codes_know_their_level_and_parent() {
        let buurt: AreaCode = " bu01640101 ".parse().unwrap();
        assert_eq!(buurt.as_str(), "BU01640101");
        assert_eq!(buurt.level(), AreaLevel::Neighbourhood);
        assert!(buurt.is_directly_within(&"WK016401".parse().unwrap()));
        assert!(!buurt.is_directly_within(&"WK016402".parse().unwrap()));
        assert!(!buurt.is_directly_within(&"GM0164".parse().unwrap()));
        for bad in ["", "GM164", "WK01640", "XX0164", "BU0164010A", "GM01645"] {
            assert!(bad.parse::<AreaCode>().is_err(), "{bad}");
        }
    }

    #[test]
    fn hengelo_has_one_gemeente_ten_wijken_and_sixty_two_buurten() {
        let areas = parse(HENGELO).unwrap();
        let count = |level| areas.iter().filter(|area| area.level == level).count();
        assert_eq!(count(AreaLevel::Municipality), 1);
        assert_eq!(count(AreaLevel::District), 10);
        assert_eq!(count(AreaLevel::Neighbourhood), 62);
        assert_eq!(areas[0].code.as_str(), "GM0164");
        let wilbert = areas.iter().find(|area| area.code.as_str() == "BU01640102").unwrap();
        assert_eq!(wilbert.name, "'t Wilbert");
        assert_eq!(wilbert.parent.as_ref().unwrap().as_str(), "WK016401");
    }

    #[test]
    fn semicolons_and_a_byte_order_mark_are_accepted() {
        let text = "\u{feff}code;name;level;parent_code\nGM0164;Hengelo;gemeente;\nWK016401;Hengelose Es;wijk;GM0164\n";
        assert_eq!(parse(text).unwrap().len(), 2);
    }

    #[test]
    fn a_parent_may_be_known_already() {
        let text = "code,name,level,parent_code\nWK016401,Hengelose Es,wijk,GM0164\n";
        assert!(parse(text).is_err());
        let known = HashSet::from(["GM0164".parse().unwrap()]);
        assert_eq!(parse_area_csv(text, &known).unwrap().len(), 1);
    }

    #[test]
    fn every_problem_is_reported_with_its_place() {
        let text = "code,name,level,parent_code\n\
                    GM0164,Hengelo,gemeente,\n\
                    WK016401,,wijk,GM0164\n\
                    WK016402,Noord,buurt,GM0164\n\
                    BU0164,Ergens,buurt,WK016401\n\
                    BU01640101,Tichelwerk,buurt,WK016409\n\
                    WK016401,Hengelose Es,wijk,GM0164\n\
                    BU01640102,'t Wilbert,buurt,\n";
        let problems = parse(text).unwrap_err().0;
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "line 3, column name: the name is empty",
                "line 4, column level: WK016402 is a wijk code, not a buurt",
                "line 5, column code: 'BU0164' is not a CBS area code (GM + 4 digits, WK + 6 digits or BU + 8 digits)",
                "line 6, column parent_code: BU01640101 does not lie directly within WK016409 by its code",
                "line 7, column code: WK016401 appears twice (first on line 3)",
                "line 8, column parent_code: a buurt needs a parent (wijk)",
            ]
            .map(String::from)
        );
    }

    #[test]
    fn a_wrong_header_is_named() {
        let problems = parse("code,naam,niveau\nGM0164,Hengelo,gemeente\n").unwrap_err();
        assert!(problems.to_string().contains("line 1: the header must name the columns"));
        assert!(parse("code,name,level,parent_code\n").is_err());
    }
}
