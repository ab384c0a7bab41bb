//! A macro for the closed vocabularies of the domain (states, themes, roles…), each stored and
//! exchanged as a short lower-case code.
//!
//! The codes are the Dutch terms of the glossary (`ingediend`, `veiligheid`), because they
//! appear in the database, the JSON API and the CSV files that Dutch civil servants read; the
//! Rust variant names are English so that the code reads as English.

/// Defines an enum whose variants each carry a stable text code, with `code()`, `ALL`,
/// `FromStr`, `Display`, and serde (de)serialisation as that code.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(
                $(#[$variant_meta:meta])*
                $variant:ident = $code:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $(
                $(#[$variant_meta])*
                $variant
            ),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code used in the database, the API and files.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::code_enum::UnknownCode;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                let wanted = text.trim();
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.code().eq_ignore_ascii_case(wanted))
                    .ok_or_else(|| $crate::code_enum::UnknownCode {
                        kind: stringify!($name),
                        given: text.to_owned(),
                        allowed: $name::ALL.iter().map(|value| value.code()).collect(),
                    })
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                formatter.write_str(self.code())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <::std::borrow::Cow<'de, str> as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(::serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use code_enum;

/// A text that is not one of the codes of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{given}' is not a valid {kind}; expected one of: {}", allowed.join(", "))]
pub struct UnknownCode {
    /// The vocabulary, e.g. `ProposalState`.
    pub kind: &'static str,
    /// The text that was given.
    pub given: String,
    /// The codes that would have been accepted.
    pub allowed: Vec<&'static str>,
}

#[cfg(test)]
mod tests {
    use crate::proposal::ProposalState;

    #[test]
    fn codes_round_trip_through_text_and_json() {
        for state in ProposalState::ALL {
            assert_eq!(state.code().parse::<ProposalState>(), Ok(*state));
            let json = serde_json::to_string(state).unwrap();
            assert_eq!(json, format!("\"{}\"", state.code()));
            assert_eq!(serde_json::from_str::<ProposalState>(&json).unwrap(), *state);
        }
    }

    #[test]
    fn unknown_code_names_the_vocabulary_and_the_choices() {
        let error = "gepland".parse::<ProposalState>().unwrap_err();
        let message = error.to_string();
        assert!(message.contains("'gepland'"), "{message}");
        assert!(message.contains("ProposalState"), "{message}");
        assert!(message.contains("concept, ingediend"), "{message}");
    }

    #[test]
    fn parsing_ignores_case_and_surrounding_space() {
        assert_eq!(" Ingediend ".parse::<ProposalState>(), Ok(ProposalState::Submitted));
    }
}
