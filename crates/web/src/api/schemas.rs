//! The OpenAPI schemas of the domain's types that the API sends: each vocabulary as a string
//! enum of its codes, a period as a string with its pattern.
//!
//! The domain knows nothing of OpenAPI, and a foreign trait cannot be implemented for a foreign
//! type, so each schema belongs to a stand-in type of this module, named after the domain type,
//! which a field names with `#[schema(value_type = schemas::Unit)]` (or
//! `Option<schemas::Unit>` for a nullable one). The codes are read from the vocabulary's `ALL`
//! when the document is built, so a code added to the domain is in the document without an edit
//! here.

use std::borrow::Cow;

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

/// A string schema that allows exactly `codes`.
fn codes(description: &str, codes: impl IntoIterator<Item = &'static str>) -> RefOr<Schema> {
    ObjectBuilder::new().schema_type(Type::String).description(Some(description.trim())).enum_values(Some(codes)).into()
}

/// Declares the stand-in type of each vocabulary: its doc comment, one line, becomes the schema's
/// description; its name, the schema's name.
macro_rules! vocabularies {
    ($(#[doc = $doc:literal] $name:ident = $vocabulary:ty;)+) => {$(
        #[doc = $doc]
        pub(crate) struct $name;

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                codes($doc, <$vocabulary>::ALL.iter().map(|value| value.code()))
            }
        }

        impl ToSchema for $name {
            fn name() -> Cow<'static, str> {
                Cow::Borrowed(stringify!($name))
            }
        }
    )+};
}

vocabularies! {
    /// The level of an area in CBS's division.
    AreaLevel = wijkbeeld_domain::area::AreaLevel;
    /// The unit an indicator is measured in.
    Unit = wijkbeeld_domain::monitor::Unit;
    /// Which way is good for an indicator.
    Direction = wijkbeeld_domain::monitor::Direction;
    /// The theme an indicator belongs to; the index has a score per theme.
    Theme = wijkbeeld_domain::monitor::Theme;
    /// Whether an indicator counts registrations or asks residents.
    IndicatorKind = wijkbeeld_domain::monitor::IndicatorKind;
    /// Where an indicator stands with the council.
    IndicatorStatus = wijkbeeld_domain::monitor::IndicatorStatus;
    /// Where an area stands against a target.
    TargetStatus = wijkbeeld_domain::analysis::TargetStatus;
    /// Why an indicator gets no score.
    Exclusion = wijkbeeld_domain::analysis::Exclusion;
    /// The role of a signed-in user.
    Role = wijkbeeld_domain::access::Role;
    /// Where a commitment (toezegging) stands.
    CommitmentStatus = wijkbeeld_domain::market::CommitmentStatus;
}

/// What a period looks like: a year, or a year and its quarter.
pub(crate) const PERIOD_PATTERN: &str = "^[0-9]{4}(-Q[1-4])?$";

/// A measurement period as the API writes it: `2024` for a year, `2024-Q2` for a quarter.
pub(crate) struct Period;

impl PartialSchema for Period {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some("A year (2024) or a quarter of one (2024-Q2)."))
            .pattern(Some(PERIOD_PATTERN))
            .examples(["2024", "2024-Q2"])
            .into()
    }
}

impl ToSchema for Period {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Period")
    }
}

#[cfg(test)]
mod tests {
    use wijkbeeld_domain::period::Period;

    /// Whether `text` matches [`super::PERIOD_PATTERN`], written out without a regex engine.
    fn matches_pattern(text: &str) -> bool {
        let bytes = text.as_bytes();
        let year = bytes.len() >= 4 && bytes[..4].iter().all(u8::is_ascii_digit);
        year && matches!(&bytes[4..], [] | [b'-', b'Q', b'1'..=b'4'])
    }

    #[test]
    fn periods_as_sent_match_the_documented_pattern() {
        assert_eq!(super::PERIOD_PATTERN, "^[0-9]{4}(-Q[1-4])?$", "matches_pattern follows this pattern");
        for text in ["2024", "2024-Q1", "2031-Q4"] {
            let period: Period = text.parse().unwrap();
            let sent = serde_json::to_value(period).unwrap();
            assert!(sent.as_str().is_some_and(matches_pattern), "{sent}");
        }
    }
}
