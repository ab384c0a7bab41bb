//! What a refused form shows: every problem in a summary at the top, linked to its field, and
//! again beside the field.

use crate::i18n::{Argument, Texts};
use wijkbeeld_app::accounts::AccountError;
use wijkbeeld_domain::access::{MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PasswordProblem};

/// A problem with one field.
#[derive(Debug)]
pub(crate) struct FieldError {
    /// The field's `id`, which the summary links to.
    pub(crate) field: String,
    /// The problem, in the viewer's language.
    pub(crate) message: String,
}

/// The problems of a refused form, in the order of the form.
#[derive(Debug, Default)]
pub(crate) struct FormErrors {
    items: Vec<FieldError>,
}

impl FormErrors {
    /// No problems.
    pub(crate) fn none() -> FormErrors {
        FormErrors::default()
    }

    /// One problem.
    pub(crate) fn one(field: impl Into<String>, message: String) -> FormErrors {
        FormErrors { items: vec![FieldError { field: field.into(), message }] }
    }

    /// These problems followed by `later`'s.
    pub(crate) fn and(mut self, later: FormErrors) -> FormErrors {
        self.items.extend(later.items);
        self
    }

    /// The problem with a field, if any.
    pub(crate) fn get(&self, field: &str) -> Option<&str> {
        self.items.iter().find(|item| item.field == field).map(|item| item.message.as_str())
    }

    /// Whether there are no problems.
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every problem.
    pub(crate) fn items(&self) -> &[FieldError] {
        &self.items
    }
}

/// A password rule broken, in words.
pub(crate) fn password_problem(texts: &Texts, problem: PasswordProblem) -> String {
    match problem {
        PasswordProblem::TooShort => {
            texts.with("error-password-too-short", &[("count", Argument::Number(MIN_PASSWORD_LENGTH as i64))])
        }
        PasswordProblem::TooLong => {
            texts.with("error-password-too-long", &[("count", Argument::Number(MAX_PASSWORD_LENGTH as i64))])
        }
        PasswordProblem::SameAsEmail => texts.t("error-password-same-as-email"),
        PasswordProblem::Guessable => texts.t("error-password-guessable"),
    }
}

/// The field and message of an account change refused for its input; other failures are
/// handed back to be answered as errors.
pub(crate) fn account_problem(
    texts: &Texts,
    password_field: &'static str,
    error: AccountError,
) -> Result<FormErrors, AccountError> {
    let (field, message) = match error {
        AccountError::InvalidEmail(_) => ("email", texts.t("error-email-invalid")),
        AccountError::EmailTaken(_) => ("email", texts.t("error-email-taken")),
        AccountError::EmptyName => ("name", texts.t("error-name-empty")),
        AccountError::ControlCharacters => ("name", texts.t("error-control-characters")),
        AccountError::MissingRole => ("role", texts.t("error-role-missing")),
        AccountError::Password(problem) => (password_field, password_problem(texts, problem)),
        AccountError::PasswordsDiffer => ("repeated", texts.t("error-passwords-differ")),
        AccountError::WrongPassword => ("current", texts.t("error-current-password-wrong")),
        AccountError::SameAsCurrent => ("new", texts.t("error-password-same-as-current")),
        AccountError::PartnerRequired => ("partner", texts.t("error-partner-required")),
        AccountError::PartnerNotAllowed => ("partner", texts.t("error-partner-not-allowed")),
        AccountError::UnknownPartner(_) => ("partner", texts.t("error-partner-unknown")),
        other => return Err(other),
    };
    Ok(FormErrors::one(field, message))
}

/// A choice in a select list.
pub(crate) struct Choice {
    /// The value sent.
    pub(crate) value: String,
    /// The text shown.
    pub(crate) label: String,
}
