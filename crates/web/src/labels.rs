//! Dutch names for the vocabularies shown in the interface, until the translation files of the
//! interface-quality work replace them.

use wijkbeeld_domain::access::Role;

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
