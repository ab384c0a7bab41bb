//! The interface's languages: Dutch first, English second. Every text is a message in the Fluent
//! files under `crates/web/locales/`, compiled into the binary; dates and numbers follow the
//! language's conventions (26 september 2023 and 1.234,5 in Dutch; 26 September 2023 and
//! 1,234.5 in English).

use std::borrow::Cow;
use std::collections::HashMap;

use axum::http::{HeaderMap, header};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use time::{Date, Time};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl",
        // No Unicode isolation marks around arguments: the output is HTML, not bidirectional text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DUTCH: LanguageIdentifier = langid!("nl");
static ENGLISH: LanguageIdentifier = langid!("en");

/// The cookie that keeps a visitor's choice of language.
pub(crate) const LANGUAGE_COOKIE: &str = "wijkbeeld_taal";

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// Nederlands, the default.
    #[default]
    Dutch,
    /// English.
    English,
}

impl Language {
    /// Every language, the default first.
    pub const ALL: [Language; 2] = [Language::Dutch, Language::English];

    /// The BCP 47 code, as in `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Dutch => "nl",
            Language::English => "en",
        }
    }

    /// The language with this code.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|language| language.code().eq_ignore_ascii_case(code.trim()))
    }

    fn identifier(self) -> &'static LanguageIdentifier {
        match self {
            Language::Dutch => &DUTCH,
            Language::English => &ENGLISH,
        }
    }

    /// The other language, which the header offers to switch to.
    pub fn other(self) -> Language {
        match self {
            Language::Dutch => Language::English,
            Language::English => Language::Dutch,
        }
    }

    /// The language for a request: the visitor's choice (cookie), else the best match of the
    /// browser's `Accept-Language`, else Dutch.
    pub(crate) fn for_request(headers: &HeaderMap) -> Language {
        if let Some(chosen) = crate::auth::request_cookie(headers, LANGUAGE_COOKIE).and_then(Language::from_code) {
            return chosen;
        }
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|value| value.to_str().ok())
            .and_then(Language::from_accept_language)
            .unwrap_or_default()
    }

    /// The supported language the browser prefers most, by the `q` weights of `Accept-Language`.
    fn from_accept_language(header: &str) -> Option<Language> {
        let mut best: Option<(f32, Language)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or_default().trim();
            let weight = pieces
                .find_map(|piece| piece.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let primary = tag.split('-').next().unwrap_or_default();
            if let Some(language) = Language::from_code(primary)
                && weight > 0.0
                && best.is_none_or(|(highest, _)| weight > highest)
            {
                best = Some((weight, language));
            }
        }
        best.map(|(_, language)| language)
    }
}

/// A message argument: a number (which also chooses the plural form) or a text.
pub(crate) enum Argument<'a> {
    /// A number.
    Number(i64),
    /// A text.
    Text(&'a str),
}

/// Looks up texts and writes dates and numbers in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Texts {
    language: Language,
}

impl Texts {
    /// Texts in a language.
    pub fn new(language: Language) -> Texts {
        Texts { language }
    }

    /// The language.
    pub fn language(self) -> Language {
        self.language
    }

    /// The message with this id.
    pub fn t(&self, id: &str) -> String {
        LOCALES.lookup(self.language.identifier(), id)
    }

    /// The message with this id, if there is one: for texts that have a message only for some
    /// codes (audit actions, fields).
    pub(crate) fn lookup(&self, id: &str) -> Option<String> {
        LOCALES.try_lookup(self.language.identifier(), id)
    }

    /// The message with this id and arguments.
    pub(crate) fn with(&self, id: &str, arguments: &[(&'static str, Argument<'_>)]) -> String {
        LOCALES.lookup_with_args(self.language.identifier(), id, &fluent_arguments(arguments))
    }

    /// The message with this id and arguments, if there is one.
    pub(crate) fn lookup_with(&self, id: &str, arguments: &[(&'static str, Argument<'_>)]) -> Option<String> {
        LOCALES.try_lookup_with_args(self.language.identifier(), id, &fluent_arguments(arguments))
    }

    /// The message with a count (`$count`), which chooses its plural form.
    pub fn count(&self, id: &str, count: i64) -> String {
        self.with(id, &[("count", Argument::Number(count))])
    }

    /// "26 september 2023" / "26 September 2023".
    pub fn date(&self, date: Date) -> String {
        self.with(
            "date-long",
            &[
                ("day", Argument::Number(i64::from(date.day()))),
                ("month", Argument::Text(&self.t(&format!("month-{}", u8::from(date.month()))))),
                ("year", Argument::Number(i64::from(date.year()))),
            ],
        )
    }

    /// "dinsdag 26 september 2023" / "Tuesday 26 September 2023".
    pub fn weekday_date(&self, date: Date) -> String {
        let weekday = self.t(&format!("weekday-{}", date.weekday().number_from_monday()));
        format!("{weekday} {}", self.date(date))
    }

    /// "19:30" in both languages (the 24-hour clock is usual in Dutch and fine in English).
    pub fn clock(&self, time: Time) -> String {
        format!("{:02}:{:02}", time.hour(), time.minute())
    }

    /// A whole number: 87.012 / 87,012.
    pub fn integer(&self, value: i64) -> String {
        let digits = value.unsigned_abs().to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 1);
        if value < 0 {
            grouped.push('-');
        }
        push_grouped(&mut grouped, &digits, self.thousands_separator());
        grouped
    }

    /// A number with a fixed number of decimals: 1.234,5 / 1,234.5.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return self.integer(0);
        }
        // Written into one string: a profile page formats thousands of numbers.
        let text = format!("{:.*}", decimals, value.abs());
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
        // No minus before a value that rounds to zero.
        if value < 0.0 && text.bytes().any(|digit| matches!(digit, b'1'..=b'9')) {
            out.push('-');
        }
        push_grouped(&mut out, whole, self.thousands_separator());
        if !fraction.is_empty() {
            out.push(self.decimal_separator());
            out.push_str(fraction);
        }
        out
    }

    fn thousands_separator(self) -> char {
        match self.language {
            Language::Dutch => '.',
            Language::English => ',',
        }
    }

    fn decimal_separator(self) -> char {
        match self.language {
            Language::Dutch => ',',
            Language::English => '.',
        }
    }
}

/// Appends `digits` with `separator` between groups of three, counted from the right.
fn push_grouped(out: &mut String, digits: &str, separator: char) {
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
}

/// The id of the message naming a vocabulary code, e.g. `target-status-op-koers` for the
/// status `op_koers`: message ids use hyphens only.
pub(crate) fn vocabulary_id(prefix: &str, code: &str) -> String {
    format!("{prefix}-{}", code.replace('_', "-"))
}

/// The ids of every message in a language's Fluent files (for the completeness test).
pub fn message_ids(language: Language) -> Vec<String> {
    let mut ids: Vec<String> = LOCALE_SOURCES
        .iter()
        .filter(|(code, _)| *code == language.code())
        .flat_map(|(_, source)| source.lines())
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            let valid = id.starts_with(|character: char| character.is_ascii_lowercase())
                && id.chars().all(|character| character.is_ascii_alphanumeric() || character == '-');
            valid.then(|| id.to_owned())
        })
        .collect();
    ids.sort();
    ids
}

/// The Fluent sources, per language, as compiled in (for the completeness test).
const LOCALE_SOURCES: &[(&str, &str)] = &[
    ("nl", include_str!("../locales/nl/main.ftl")),
    ("en", include_str!("../locales/en/main.ftl")),
    ("nl", include_str!("../locales/nl/privacy.ftl")),
    ("en", include_str!("../locales/en/privacy.ftl")),
    ("nl", include_str!("../locales/nl/outcome.ftl")),
    ("en", include_str!("../locales/en/outcome.ftl")),
    ("nl", include_str!("../locales/nl/speaking.ftl")),
    ("en", include_str!("../locales/en/speaking.ftl")),
    ("nl", include_str!("../locales/nl/mail.ftl")),
    ("en", include_str!("../locales/en/mail.ftl")),
    ("nl", include_str!("../locales/nl/chair.ftl")),
    ("en", include_str!("../locales/en/chair.ftl")),
    ("nl", include_str!("../locales/nl/council.ftl")),
    ("en", include_str!("../locales/en/council.ftl")),
];

fn fluent_arguments(arguments: &[(&'static str, Argument<'_>)]) -> HashMap<Cow<'static, str>, FluentValue<'static>> {
    arguments
        .iter()
        .map(|(name, value)| {
            let value = match value {
                Argument::Number(number) => FluentValue::from(*number),
                Argument::Text(text) => FluentValue::from((*text).to_owned()),
            };
            (Cow::Borrowed(*name), value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn the_browser_chooses_unless_the_visitor_did() {
        let choose = |accept: &str| Language::from_accept_language(accept);
        assert_eq!(choose("en-GB,en;q=0.9,nl;q=0.8"), Some(Language::English));
        assert_eq!(choose("de-DE, nl;q=0.5, en;q=0.4"), Some(Language::Dutch));
        assert_eq!(choose("fr, de"), None);
        assert_eq!(choose("en;q=0"), None);
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, "en".parse().unwrap());
        assert_eq!(Language::for_request(&headers), Language::English);
        headers.insert(header::COOKIE, "wijkbeeld_taal=nl".parse().unwrap());
        assert_eq!(Language::for_request(&headers), Language::Dutch);
        assert_eq!(Language::for_request(&HeaderMap::new()), Language::Dutch);
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let dutch = Texts::new(Language::Dutch);
        let english = Texts::new(Language::English);
        assert_eq!(dutch.date(date!(2023 - 09 - 26)), "26 september 2023");
        assert_eq!(english.date(date!(2023 - 09 - 26)), "26 September 2023");
        assert_eq!(dutch.weekday_date(date!(2023 - 09 - 26)), "dinsdag 26 september 2023");
        assert_eq!(english.weekday_date(date!(2023 - 09 - 26)), "Tuesday 26 September 2023");
        assert_eq!(dutch.decimal(1234.5, 1), "1.234,5");
        assert_eq!(english.decimal(1234.5, 1), "1,234.5");
        assert_eq!(dutch.integer(87_012), "87.012");
        assert_eq!(dutch.integer(-1_234_567), "-1.234.567");
        assert_eq!(dutch.decimal(-0.04, 1), "0,0");
        assert_eq!(dutch.decimal(-2.25, 2), "-2,25");
        assert_eq!(dutch.decimal(-1234.56, 1), "-1.234,6");
        assert_eq!(english.decimal(1_234_567.0, 0), "1,234,567");
        assert_eq!(dutch.decimal(0.0, 0), "0");
        assert_eq!(dutch.clock(time::macros::time!(9:05)), "09:05");
    }

    #[test]
    fn english_has_every_message_dutch_has() {
        let dutch = message_ids(Language::Dutch);
        let english = message_ids(Language::English);
        assert!(dutch.len() > 150, "{}", dutch.len());
        let missing: Vec<&String> = dutch.iter().filter(|id| !english.contains(id)).collect();
        let extra: Vec<&String> = english.iter().filter(|id| !dutch.contains(id)).collect();
        assert!(missing.is_empty(), "missing in English: {missing:?}");
        assert!(extra.is_empty(), "only in English: {extra:?}");
    }

    #[test]
    fn no_message_is_given_twice_across_the_files() {
        // Fluent's loader refuses a bundle that overrides a message, and only on the first page
        // rendered, so two feature files that both say one id must fail here instead.
        for language in [Language::Dutch, Language::English] {
            let ids = message_ids(language);
            let twice: Vec<&String> = ids.windows(2).filter(|pair| pair[0] == pair[1]).map(|pair| &pair[0]).collect();
            assert!(twice.is_empty(), "given twice in {}: {twice:?}", language.code());
        }
    }

    #[test]
    fn every_message_the_code_names_exists() {
        let known = message_ids(Language::Dutch);
        let mut used: Vec<String> = Vec::new();
        // Ids built at run time.
        for role in wijkbeeld_domain::access::Role::ALL {
            used.push(format!("role-{}", role.code()));
        }
        used.extend((1..=12).map(|month| format!("month-{month}")));
        // The audit log's actions and kinds of record, in words.
        used.extend(
            wijkbeeld_app::audit::ACTIONS
                .iter()
                .map(|action| format!("audit-action-{}", action.replace(['.', '_'], "-"))),
        );
        used.extend(
            wijkbeeld_app::audit::ENTITIES.iter().map(|entity| format!("audit-entity-{}", entity.replace('_', "-"))),
        );
        used.extend((1..=7).map(|day| format!("weekday-{day}")));
        // The import's notes, the fields they name and the records it links.
        used.extend(
            wijkbeeld_domain::behandelvoorstel::Note::CODES.iter().map(|code| vocabulary_id("import-note", code)),
        );
        // The problems a file of measurements can have.
        used.extend(
            wijkbeeld_domain::measurement_import::MeasurementProblem::CODES
                .iter()
                .map(|code| vocabulary_id("import-problem", code)),
        );
        used.extend(
            wijkbeeld_app::proposals::DOCUMENT_FIELDS
                .iter()
                .chain(&[wijkbeeld_domain::behandelvoorstel::Field::CaseNumber])
                .map(|field| vocabulary_id("import-field", field.code())),
        );
        used.extend(
            wijkbeeld_app::proposals::LinkKind::ALL.iter().map(|kind| vocabulary_id("import-link", kind.code())),
        );
        for state in wijkbeeld_domain::proposal::ProposalState::ALL {
            used.push(format!("state-{}", state.code()));
            used.push(format!("move-to-{}", state.code()));
        }
        used.extend(wijkbeeld_domain::proposal::Domain::ALL.iter().map(|domain| format!("domain-{}", domain.code())));
        used.extend(
            wijkbeeld_domain::proposal::Purpose::ALL.iter().map(|purpose| format!("purpose-{}", purpose.code())),
        );
        {
            use wijkbeeld_domain::analysis::{Band, Exclusion, Movement, TargetStatus};
            use wijkbeeld_domain::area::AreaLevel;
            use wijkbeeld_domain::monitor::{Direction, IndicatorKind, IndicatorStatus, Theme, Unit};
            let codes = |prefix: &str, codes: Vec<&str>| {
                codes.into_iter().map(|code| vocabulary_id(prefix, code)).collect::<Vec<_>>()
            };
            used.extend(codes("theme", Theme::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("band", Band::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("movement", Movement::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("target-status", TargetStatus::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("exclusion", Exclusion::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("unit", Unit::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("kind", IndicatorKind::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("direction", Direction::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("indicator-status", IndicatorStatus::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("level", AreaLevel::ALL.iter().map(|value| value.code()).collect()));
            used.extend(codes("level-plural", AreaLevel::ALL.iter().map(|value| value.code()).collect()));
        }
        // Ids written in templates and code: the literal after a lookup call, or in a
        // (path, id) pair of the navigation and breadcrumbs, or an error page's title and message.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        let mut directories = vec![root.join("templates"), root.join("src")];
        while let Some(directory) = directories.pop() {
            for entry in std::fs::read_dir(directory).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    directories.push(path);
                } else if path.extension().is_some_and(|extension| extension == "html" || extension == "rs") {
                    sources.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let openers =
            [".t(\"", ".t_text(\"", ".t_number(\"", ".with(\"", ".count(\"", "title: \"", "message: \"", "view(\""];
        let shaped = |literal: &str| {
            literal.contains('-')
                && literal.starts_with(|character: char| character.is_ascii_lowercase())
                && literal
                    .chars()
                    .all(|character| character.is_ascii_lowercase() || character.is_ascii_digit() || character == '-')
        };
        for source in &sources {
            // ("/path", "id") pairs of the navigation and breadcrumbs.
            for piece in source.split("(\"/").skip(1) {
                if let Some((_, rest)) = piece.split_once("\", \"") {
                    let literal = rest.split('"').next().unwrap_or_default();
                    if shaped(literal) {
                        used.push(literal.to_owned());
                    }
                }
            }
            for opener in openers {
                for piece in source.split(opener).skip(1) {
                    let literal = piece.split('"').next().unwrap_or_default();
                    if shaped(literal) {
                        used.push(literal.to_owned());
                    }
                }
            }
        }
        assert!(used.len() > 100, "the scan finds the ids ({})", used.len());
        let unknown: Vec<&String> = used.iter().filter(|id| !known.contains(id)).collect();
        assert!(unknown.is_empty(), "messages used but not in the Fluent files: {unknown:?}");
    }

    #[test]
    fn counts_choose_their_plural_form() {
        let dutch = Texts::new(Language::Dutch);
        assert_eq!(dutch.count("count-sessions", 1), "1 sessie");
        assert_eq!(dutch.count("count-sessions", 4), "4 sessies");
        assert_eq!(Texts::new(Language::English).count("count-sessions", 1), "1 session");
    }
}
