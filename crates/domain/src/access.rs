//! Who may do what: the roles of signed-in users, user accounts, and the audit log that records
//! every change.

use time::OffsetDateTime;

use crate::code_enum::code_enum;
use crate::id::Id;
use crate::monitor::Partner;
use crate::people::Person;

code_enum! {
    /// The role of a signed-in user. The public has no account and no role.
    pub enum Role {
        /// The council's clerks: market evenings, planning, speaker lists, publication.
        Griffie = "griffie",
        /// The college and its civil servants: proposals, indicators, measurements, wijkagenda's.
        College = "college",
        /// A councillor: contributions in sessions.
        Councillor = "raadslid",
        /// A partner organisation: its own actions and measurements.
        Partner = "partner",
        /// Configuration and users.
        Admin = "admin",
    }
}

/// A user account. Passwords and sessions belong to the store and the web layer.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct User {
    /// Identifier.
    pub id: Id<User>,
    /// Sign-in address, unique, stored in lower case.
    pub email: String,
    /// Name shown in the interface and the audit log.
    pub display_name: String,
    /// What the user may do.
    pub role: Role,
    /// The person this account belongs to, for councillors, clerks and aldermen.
    pub person_id: Option<Id<Person>>,
    /// The partner organisation, for the partner role.
    pub partner_id: Option<Id<Partner>>,
    /// When the account was disabled, if it is.
    pub disabled_at: Option<OffsetDateTime>,
}

/// One change recorded in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditEntry {
    /// Identifier; increases with time.
    pub id: Id<AuditEntry>,
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    /// The signed-in user, if the change came from one.
    pub user_id: Option<Id<User>>,
    /// Who or what made the change in words: a user's e-mail, `cli`, `demo`.
    pub actor: String,
    /// The kind of change, e.g. `proposal.submit`, `demo.load`.
    pub action: String,
    /// The kind of record changed, e.g. `proposal`.
    pub entity: String,
    /// The record changed, when there is one.
    pub entity_id: Option<i64>,
    /// The state before, for state changes.
    pub from_state: Option<String>,
    /// The state after, for state changes.
    pub to_state: Option<String>,
    /// Further detail as JSON text.
    pub details: Option<String>,
}
