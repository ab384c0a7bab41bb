//! Dutch names for the vocabularies shown in the interface, until the translation files of the
//! interface-quality work replace them.

use wijkbeeld_domain::access::{MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, PasswordProblem, Role};

/// The name of a role.
pub(crate) fn role(role: Role) -> &'static str {
    match role {
        Role::Griffie => "Griffie",
        Role::College => "College en ambtenaren",
        Role::Councillor => "Raadslid",
        Role::Partner => "Partner",
        Role::Admin => "Functioneel beheer",
    }
}

/// Why a new password is refused, in words for the form.
pub(crate) fn password_problem(problem: PasswordProblem) -> String {
    match problem {
        PasswordProblem::TooShort => format!("Het wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens lang zijn."),
        PasswordProblem::TooLong => format!("Het wachtwoord mag hoogstens {MAX_PASSWORD_LENGTH} tekens lang zijn."),
        PasswordProblem::SameAsEmail => "Het wachtwoord mag niet gelijk zijn aan het e-mailadres.".to_owned(),
    }
}
