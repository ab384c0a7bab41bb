//! Area boundaries: the outlines of gemeente, wijken and buurten, read from a GeoJSON
//! FeatureCollection such as CBS's "Wijk- en buurtkaart" (via PDOK), for drawing maps.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::area::AreaCode;
use crate::import::{Problem, Problems, strip_byte_order_mark};

/// A position: longitude and latitude, or x and y in the file's coordinate system.
pub type Position = [f64; 2];

/// A closed line of positions; the first ring of a polygon is its outline, the others its holes.
pub type Ring = Vec<Position>;

/// The shape of an area, as GeoJSON describes it.
///
/// Serialises to and deserialises from a GeoJSON geometry object,
/// `{"type":"Polygon","coordinates":[…]}`. Reading accepts positions with a third number (an
/// altitude, which GeoJSON allows) and drops it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "type", content = "coordinates")]
pub enum Geometry {
    /// One polygon: its outline and any holes.
    Polygon(Vec<Ring>),
    /// Several polygons, e.g. a buurt split by a canal.
    MultiPolygon(Vec<Vec<Ring>>),
}

/// An area's code with its shape.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Boundary {
    /// The area.
    pub code: AreaCode,
    /// Its shape.
    pub geometry: Geometry,
}

/// The properties that hold an area's code in the GeoJSON files CBS publishes, most specific
/// first: a buurt's feature also carries its wijk's and gemeente's codes.
pub const DEFAULT_CODE_PROPERTIES: &[&str] = &["statcode", "buurtcode", "wijkcode", "gemeentecode", "code"];

/// Why a geometry is not usable: where within the geometry object (a JSON path such as
/// `.coordinates[0]`, empty for the object itself) and what is wrong.
struct Invalid {
    at: String,
    reason: String,
}

impl Invalid {
    fn new(at: impl Into<String>, reason: impl Into<String>) -> Self {
        Invalid { at: at.into(), reason: reason.into() }
    }
}

impl Geometry {
    /// The geometry as a GeoJSON geometry object.
    pub fn to_geojson(&self) -> String {
        serde_json::to_string(self).expect("a geometry of plain numbers always serialises")
    }

    /// Reads a GeoJSON geometry object; only a Polygon or MultiPolygon will do. The error says
    /// where in the object the problem is.
    pub fn from_geojson(text: &str) -> Result<Self, String> {
        let value: Value = serde_json::from_str(text).map_err(|error| format!("not JSON: {error}"))?;
        Geometry::from_value(&value).map_err(|invalid| match invalid.at.as_str() {
            "" => invalid.reason,
            at => format!("{}: {}", at.trim_start_matches('.'), invalid.reason),
        })
    }

    /// The smallest box around every position, as `[min x, min y, max x, max y]` (GeoJSON's
    /// `bbox` order); `None` when there are no positions.
    pub fn bounding_box(&self) -> Option<[f64; 4]> {
        let rings: Box<dyn Iterator<Item = &Ring>> = match self {
            Geometry::Polygon(rings) => Box::new(rings.iter()),
            Geometry::MultiPolygon(polygons) => Box::new(polygons.iter().flatten()),
        };
        rings.flatten().fold(None, |bounds, &[x, y]| {
            Some(match bounds {
                None => [x, y, x, y],
                Some([min_x, min_y, max_x, max_y]) => [min_x.min(x), min_y.min(y), max_x.max(x), max_y.max(y)],
            })
        })
    }

    fn from_value(value: &Value) -> Result<Self, Invalid> {
        let Some(object) = value.as_object() else {
            return Err(Invalid::new("", "the geometry is not an object"));
        };
        let coordinates = object.get("coordinates").unwrap_or(&Value::Null);
        match object.get("type").and_then(Value::as_str) {
            Some("Polygon") => polygon(coordinates, ".coordinates").map(Geometry::Polygon),
            Some("MultiPolygon") => list(coordinates, ".coordinates", "polygons")?
                .iter()
                .enumerate()
                .map(|(index, value)| polygon(value, &format!(".coordinates[{index}]")))
                .collect::<Result<_, _>>()
                .map(Geometry::MultiPolygon),
            Some(other) => Err(Invalid::new(".type", format!("a {other} is not a Polygon or MultiPolygon"))),
            None => Err(Invalid::new(".type", "the geometry has no type")),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Geometry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Through a JSON value, so that serde and `parse_boundaries` accept exactly the same.
        let value = Value::deserialize(deserializer)?;
        Geometry::from_value(&value).map_err(|invalid| serde::de::Error::custom(invalid.reason))
    }
}

fn list<'v>(value: &'v Value, at: &str, what: &str) -> Result<&'v Vec<Value>, Invalid> {
    value.as_array().ok_or_else(|| Invalid::new(at, format!("not a list of {what}")))
}

fn polygon(value: &Value, at: &str) -> Result<Vec<Ring>, Invalid> {
    let rings = list(value, at, "rings")?;
    if rings.is_empty() {
        return Err(Invalid::new(at, "a polygon needs at least one ring"));
    }
    rings.iter().enumerate().map(|(index, value)| ring(value, &format!("{at}[{index}]"))).collect()
}

fn ring(value: &Value, at: &str) -> Result<Ring, Invalid> {
    let positions = list(value, at, "positions")?;
    if positions.len() < 4 {
        // GeoJSON closes a ring by repeating its first position: a triangle takes four.
        return Err(Invalid::new(at, format!("the ring has {} positions; a ring needs at least 4", positions.len())));
    }
    positions
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let at = || format!("{at}[{index}]");
            let numbers = value.as_array().map(|numbers| numbers.iter().map(Value::as_f64).collect::<Vec<_>>());
            match numbers.as_deref() {
                Some([Some(x), Some(y), rest @ ..]) if rest.iter().all(Option::is_some) => {
                    // serde_json refuses numbers beyond f64 as out of range, unless its arbitrary_precision
                    // feature is on (features unify across a build): then they arrive as infinite.
                    if x.is_finite() && y.is_finite() {
                        Ok([*x, *y])
                    } else {
                        Err(Invalid::new(at(), "the position is not finite"))
                    }
                }
                _ => Err(Invalid::new(at(), "a position is a list of two (or three) numbers")),
            }
        })
        .collect()
}

/// Reads a GeoJSON FeatureCollection of area boundaries. Each feature's code comes from the first
/// of `code_properties` that its `properties` hold (names match whatever their case; a property
/// that is `null` counts as absent), and must be a CBS code (`GM0164`, not `0164`) among `known`.
/// Each geometry must be a Polygon or MultiPolygon with rings of at least four positions. Rings
/// are not checked for being closed or for crossing themselves.
///
/// The file is refused as a whole, with every problem. For GeoJSON a problem's line is the
/// feature's number, counted from 1, and its column a JSON path to the place within the file,
/// counted from 0 as JSON paths are: `line 3, column features[2].properties.buurtcode`. A file
/// that is not JSON is reported at the line of its text where reading stopped.
pub fn parse_boundaries(
    text: &str,
    code_properties: &[&str],
    known: &HashSet<AreaCode>,
) -> Result<Vec<Boundary>, Problems> {
    let refuse = |reason: String| Err(Problems(vec![Problem::on_line(1, reason)]));
    let document: Value = match serde_json::from_str(strip_byte_order_mark(text)) {
        Ok(document) => document,
        Err(error) => {
            let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
            return Err(Problems(vec![Problem::on_line(line, format!("the file is not JSON: {error}"))]));
        }
    };
    match document.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {}
        Some(other) => return refuse(format!("the file is a GeoJSON {other}, not a FeatureCollection")),
        None => return refuse("the file is not a GeoJSON FeatureCollection: it has no type".to_owned()),
    }
    let features = match document.get("features").and_then(Value::as_array) {
        Some(features) if !features.is_empty() => features,
        Some(_) => return refuse("the FeatureCollection has no features".to_owned()),
        None => return refuse("the FeatureCollection has no list of features".to_owned()),
    };

    let mut problems = Vec::new();
    let mut boundaries = Vec::with_capacity(features.len());
    let mut first_feature_of: HashMap<AreaCode, u64> = HashMap::new();
    for (index, feature) in features.iter().enumerate() {
        let number = index as u64 + 1;
        let path = format!("features[{index}]");
        let code = match find_code(feature, code_properties) {
            Err((property, reason)) => {
                let column = match property {
                    Some(property) => format!("{path}.properties.{property}"),
                    None => format!("{path}.properties"),
                };
                problems.push(Problem::at(number, column, reason));
                None
            }
            Ok((property, text)) => {
                let column = format!("{path}.properties.{property}");
                match text.parse::<AreaCode>() {
                    Err(error) => {
                        problems.push(Problem::at(number, column, error.to_string()));
                        None
                    }
                    Ok(code) if !known.contains(&code) => {
                        problems.push(Problem::at(number, column, format!("{code} is not a known area")));
                        None
                    }
                    Ok(code) => match first_feature_of.get(&code) {
                        Some(first) => {
                            let reason = format!("{code} appears twice (first in feature {first})");
                            problems.push(Problem::at(number, column, reason));
                            None
                        }
                        None => {
                            first_feature_of.insert(code.clone(), number);
                            Some(code)
                        }
                    },
                }
            }
        };
        let geometry = match feature.get("geometry") {
            None | Some(Value::Null) => {
                problems.push(Problem::at(number, format!("{path}.geometry"), "the feature has no geometry"));
                None
            }
            Some(value) => match Geometry::from_value(value) {
                Ok(geometry) => Some(geometry),
                Err(invalid) => {
                    problems.push(Problem::at(number, format!("{path}.geometry{}", invalid.at), invalid.reason));
                    None
                }
            },
        };
        if let (Some(code), Some(geometry)) = (code, geometry) {
            boundaries.push(Boundary { code, geometry });
        }
    }
    if problems.is_empty() { Ok(boundaries) } else { Err(Problems(problems)) }
}

/// The name of the property that holds a feature's code, and the code's text, trimmed; or why
/// there is none, with the property at fault if there is one.
fn find_code<'f>(
    feature: &'f Value,
    code_properties: &[&str],
) -> Result<(&'f str, &'f str), (Option<&'f str>, String)> {
    let Some(properties) = feature.get("properties").and_then(Value::as_object) else {
        return Err((None, "the feature has no properties".to_owned()));
    };
    let found = code_properties.iter().find_map(|wanted| {
        let exact = properties.get_key_value(*wanted);
        exact
            .or_else(|| properties.iter().find(|(name, _)| name.eq_ignore_ascii_case(wanted)))
            .filter(|(_, value)| !value.is_null())
    });
    match found {
        Some((name, Value::String(code))) => Ok((name, code.trim())),
        Some((name, value)) => Err((Some(name), format!("the property {name} holds {value}, not a code as text"))),
        None => Err((None, format!("the feature has none of the properties {}", code_properties.join(", ")))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<AreaCode> {
        ["GM0164", "WK016401", "BU01640101", "BU01640102", "BU01640103"]
            .iter()
            .map(|code| code.parse().unwrap())
            .collect()
    }

    fn parse(text: &str) -> Result<Vec<Boundary>, Problems> {
        parse_boundaries(text, DEFAULT_CODE_PROPERTIES, &known())
    }

    fn problems(text: &str) -> Vec<String> {
        parse(text).unwrap_err().0.iter().map(ToString::to_string).collect()
    }

    /// A square of side 0.01 degrees whose lower left corner is at (x, y), as a ring.
    fn square(x: f64, y: f64) -> String {
        format!("[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]", x + 0.01, x + 0.01, y + 0.01, y + 0.01)
    }

    fn collection(features: &[String]) -> String {
        format!("{{\"type\":\"FeatureCollection\",\"features\":[{}]}}", features.join(",\n"))
    }

    fn feature(properties: &str, geometry: &str) -> String {
        format!("{{\"type\":\"Feature\",\"properties\":{properties},\"geometry\":{geometry}}}")
    }

    fn polygon(rings: &str) -> String {
        format!("{{\"type\":\"Polygon\",\"coordinates\":[{rings}]}}")
    }

    #[test]
    fn polygons_and_multipolygons_with_cbs_properties() {
        let buurt = feature(
            r#"{"buurtcode":" BU01640101 ","buurtnaam":"Tichelwerk","wijkcode":"WK016401","gemeentecode":"GM0164"}"#,
            &polygon(&format!("{},{}", square(6.79, 52.27), square(6.792, 52.272))),
        );
        let wijk = feature(
            r#"{"statcode":null,"WIJKCODE":"WK016401","gemeentecode":"GM0164"}"#,
            &format!(
                "{{\"type\":\"MultiPolygon\",\"coordinates\":[[{}],[[[6.8,52.3,12.5],[6.81,52.3,0],[6.81,52.31,0],[6.8,52.3,0]]]]}}",
                square(6.78, 52.26)
            ),
        );
        let boundaries = parse(&collection(&[buurt, wijk])).unwrap();
        assert_eq!(boundaries.len(), 2);
        assert_eq!(boundaries[0].code.as_str(), "BU01640101");
        let Geometry::Polygon(rings) = &boundaries[0].geometry else { panic!("not a polygon") };
        assert_eq!((rings.len(), rings[0].len()), (2, 5));
        assert_eq!(boundaries[1].code.as_str(), "WK016401");
        let Geometry::MultiPolygon(polygons) = &boundaries[1].geometry else { panic!("not a multipolygon") };
        assert_eq!(polygons[1][0][0], [6.8, 52.3]);
        let [min_x, min_y, max_x, max_y] = boundaries[1].geometry.bounding_box().unwrap();
        assert_eq!([min_x, min_y], [6.78, 52.26]);
        assert!((max_x - 6.81).abs() < 1e-12 && (max_y - 52.31).abs() < 1e-12);
    }

    #[test]
    fn a_geometry_round_trips_through_geojson_and_serde() {
        let geometry = Geometry::MultiPolygon(vec![vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.5], [0.0, 0.0]]]]);
        let text = geometry.to_geojson();
        assert_eq!(text, r#"{"type":"MultiPolygon","coordinates":[[[[0.0,0.0],[1.0,0.0],[1.0,1.5],[0.0,0.0]]]]}"#);
        assert_eq!(Geometry::from_geojson(&text).unwrap(), geometry);
        assert_eq!(serde_json::from_str::<Geometry>(&text).unwrap(), geometry);
        let polygon = Geometry::Polygon(vec![vec![[5.0, 52.0], [5.1, 52.0], [5.1, 52.1], [5.0, 52.0]]]);
        assert_eq!(serde_json::from_str::<Geometry>(&polygon.to_geojson()).unwrap(), polygon);
        assert_eq!(polygon.bounding_box(), Some([5.0, 52.0, 5.1, 52.1]));
        assert_eq!(Geometry::Polygon(Vec::new()).bounding_box(), None);
    }

    #[test]
    fn from_geojson_says_where_a_geometry_is_wrong() {
        assert_eq!(
            Geometry::from_geojson(r#"{"type":"Point","coordinates":[6.8,52.3]}"#).unwrap_err(),
            "type: a Point is not a Polygon or MultiPolygon"
        );
        assert_eq!(
            Geometry::from_geojson(r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#).unwrap_err(),
            "coordinates[0]: the ring has 3 positions; a ring needs at least 4"
        );
        assert!(Geometry::from_geojson("[").unwrap_err().starts_with("not JSON: "));
        assert!(serde_json::from_str::<Geometry>(r#"{"type":"Polygon","coordinates":[]}"#).is_err());
    }

    #[test]
    fn text_that_is_not_json_is_reported_at_its_line() {
        let text = "{\"type\": \"FeatureCollection\",\n\"features\": [\n{\"type\": \"Feature\",, }]}";
        let found = problems(text);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("line 3: the file is not JSON: "), "{}", found[0]);
    }

    #[test]
    fn only_a_feature_collection_with_features_will_do() {
        let lone = feature(r#"{"buurtcode":"BU01640101"}"#, &polygon(&square(6.79, 52.27)));
        assert_eq!(problems(&lone), ["line 1: the file is a GeoJSON Feature, not a FeatureCollection"]);
        assert_eq!(problems("[]"), ["line 1: the file is not a GeoJSON FeatureCollection: it has no type"]);
        assert_eq!(
            problems(r#"{"type":"FeatureCollection","features":[]}"#),
            ["line 1: the FeatureCollection has no features"]
        );
        assert_eq!(
            problems(r#"{"type":"FeatureCollection"}"#),
            ["line 1: the FeatureCollection has no list of features"]
        );
    }

    #[test]
    fn every_bad_feature_is_reported_with_its_number_and_path() {
        let good = polygon(&square(6.79, 52.27));
        let text = collection(&[
            feature(r#"{"buurtnaam":"Tichelwerk"}"#, &good),
            feature(r#"{"gemeentecode":"0164"}"#, &good),
            feature(r#"{"buurtcode":"BU01649999"}"#, &good),
            feature(r#"{"code":164}"#, &good),
            feature(r#"{"buurtcode":"BU01640101"}"#, r#"{"type":"Point","coordinates":[6.8,52.3]}"#),
            feature(r#"{"buurtcode":"BU01640102"}"#, &polygon("[[0,0],[1,0],[0,0]]")),
            feature(r#"{"wijkcode":"WK016401"}"#, &polygon("[[0,0],[1,0],[1,\"1\"],[0,0]]")),
            feature(r#"{"gemeentecode":"GM0164"}"#, "null"),
            feature(r#"{"buurtcode":"BU01640103"}"#, &good),
            feature(r#"{"buurtcode":"BU01640103"}"#, &good),
            "{\"type\":\"Feature\",\"geometry\":null}".to_owned(),
            feature(r#"{"wijkcode":"WK016401"}"#, r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0]]]]}"#),
        ]);
        assert_eq!(
            problems(&text),
            [
                "line 1, column features[0].properties: the feature has none of the properties statcode, buurtcode, \
                 wijkcode, gemeentecode, code",
                "line 2, column features[1].properties.gemeentecode: '0164' is not a CBS area code (GM + 4 digits, \
                 WK + 6 digits or BU + 8 digits)",
                "line 3, column features[2].properties.buurtcode: BU01649999 is not a known area",
                "line 4, column features[3].properties.code: the property code holds 164, not a code as text",
                "line 5, column features[4].geometry.type: a Point is not a Polygon or MultiPolygon",
                "line 6, column features[5].geometry.coordinates[0]: the ring has 3 positions; a ring needs at least 4",
                "line 7, column features[6].geometry.coordinates[0][2]: a position is a list of two (or three) numbers",
                "line 8, column features[7].geometry: the feature has no geometry",
                "line 10, column features[9].properties.buurtcode: BU01640103 appears twice (first in feature 9)",
                "line 11, column features[10].properties: the feature has no properties",
                "line 11, column features[10].geometry: the feature has no geometry",
                "line 12, column features[11].properties.wijkcode: WK016401 appears twice (first in feature 7)",
                "line 12, column features[11].geometry.coordinates[0][0]: the ring has 2 positions; a ring needs at \
                 least 4",
            ]
        );
    }

    #[test]
    fn coordinates_beyond_what_a_number_holds_are_refused() {
        let text = collection(&[feature(r#"{"buurtcode":"BU01640101"}"#, &polygon("[[0,0],[1e400,0],[1,1],[0,0]]"))]);
        let reason = parse(&text).unwrap_err().to_string();
        assert!(reason.contains("number out of range") || reason.contains("not finite"), "{reason}");
    }

    #[test]
    fn other_code_properties_may_be_named() {
        let text = collection(&[feature(r#"{"BU_CODE":"BU01640101"}"#, &polygon(&square(6.79, 52.27)))]);
        assert!(parse(&text).is_err());
        let boundaries = parse_boundaries(&text, &["bu_code"], &known()).unwrap();
        assert_eq!(boundaries[0].code.as_str(), "BU01640101");
    }
}
