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

impl Role {
    /// Whether an account of this role belongs to one partner organisation (and must name it).
    pub fn needs_partner(self) -> bool {
        self == Role::Partner
    }

    /// Whether this role may do what `permission` allows: the one table of role rules, which
    /// the route policies, the use cases and the menus all read.
    pub const fn may(self, permission: Permission) -> bool {
        use Permission::*;
        use Role::*;
        match permission {
            SeeInternal => matches!(self, Griffie | College | Councillor | Admin),
            DraftProposals => matches!(self, College),
            EditProposals => matches!(self, College | Griffie),
            PlanMarkets => matches!(self, Griffie | Admin),
            KeepMonitor => matches!(self, College | Admin),
            ReadAudit => matches!(self, Griffie | Admin),
            ReadOutbox => matches!(self, Griffie | Admin),
            ManageAccounts => matches!(self, Admin),
            PurgePersonalData => matches!(self, Griffie | Admin),
            RecordOutcome => matches!(self, Griffie | Admin),
            SettleIndicators => matches!(self, College | Griffie),
            ManageSpeakers => matches!(self, Griffie | Admin),
            ChairSessions => matches!(self, Griffie | Admin | Councillor),
            MarkAttendance => matches!(self, Councillor),
        }
    }
}

/// Something a role may or may not do. Which roles may is [`Role::may`]; finer rules that depend
/// on a record's state (which role makes which move of a proposal's lifecycle, who edits a
/// proposal in which state) stay with those records, in [`crate::proposal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See what is not public yet: unpublished evenings, proposals past concept, candidate
    /// indicators. Everyone but partners and the public.
    SeeInternal,
    /// Draft behandelvoorstellen: create and import concepts (the college).
    DraftProposals,
    /// Edit behandelvoorstellen, add attachments and move them through the lifecycle, each in
    /// the states the lifecycle gives the role (the college and the griffie).
    EditProposals,
    /// Plan market evenings: create them, set their staff, run the planner, move sessions.
    PlanMarkets,
    /// Keep the monitor: indicators, targets, CBS mappings, areas and imported figures.
    KeepMonitor,
    /// Read the audit log.
    ReadAudit,
    /// Read the outbox of e-mail, with the messages' private links: the griffie's, never public.
    ReadOutbox,
    /// Manage accounts and API tokens.
    ManageAccounts,
    /// Erase speakers' contact details once their session's term is over (the griffie, which
    /// keeps the speaker lists).
    PurgePersonalData,
    /// Record a session's outcome afterwards: the minutes, the parties' contributions, the
    /// commitments and the proposed indicators (the griffie, and administrators).
    RecordOutcome,
    /// Settle a candidate indicator: make it vastgesteld with a unit and a direction (the
    /// college, or the griffie on the council's behalf).
    SettleIndicators,
    /// Set a session's speaking rules (spreekrecht) and keep its list of speakers.
    ManageSpeakers,
    /// Keep a session's speakers' time as its chair: the griffie and administrators for any
    /// session; a councillor only for a session they chair (the finer rule is the use case's,
    /// `app::chair`, as it depends on the session).
    ChairSessions,
    /// Mark the sessions one attends for one's party, or is its spokesperson in, and read one's
    /// own sessions and commitments (a councillor, for themselves).
    MarkAttendance,
}

impl Permission {
    /// Every permission.
    pub const ALL: &'static [Permission] = &[
        Permission::SeeInternal,
        Permission::DraftProposals,
        Permission::EditProposals,
        Permission::PlanMarkets,
        Permission::KeepMonitor,
        Permission::ReadAudit,
        Permission::ReadOutbox,
        Permission::ManageAccounts,
        Permission::PurgePersonalData,
        Permission::RecordOutcome,
        Permission::SettleIndicators,
        Permission::ManageSpeakers,
        Permission::ChairSessions,
        Permission::MarkAttendance,
    ];
}

/// An e-mail address as used to sign in: trimmed, in lower case, of the form `local@domain.tld`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct EmailAddress(String);

/// Why a text is not a usable e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an e-mail address (name@domain.nl)")]
pub struct InvalidEmailAddress(pub String);

impl EmailAddress {
    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for EmailAddress {
    type Err = InvalidEmailAddress;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let address = text.trim().to_lowercase();
        let valid = match address.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
                    && address.len() <= 254
                    && !address.chars().any(|character| character.is_whitespace() || character.is_control())
            }
            None => false,
        };
        if valid { Ok(EmailAddress(address)) } else { Err(InvalidEmailAddress(text.to_owned())) }
    }
}

impl std::fmt::Display for EmailAddress {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// The shortest password accepted. Length does more for strength than rules about symbols
/// (NIST SP 800-63B), so length is the only rule besides not reusing the e-mail address.
pub const MIN_PASSWORD_LENGTH: usize = 12;
/// The longest password accepted; longer input is refused before it reaches the hash function.
pub const MAX_PASSWORD_LENGTH: usize = 256;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Shorter than [`MIN_PASSWORD_LENGTH`] characters.
    #[error("the password must be at least {MIN_PASSWORD_LENGTH} characters long")]
    TooShort,
    /// Longer than [`MAX_PASSWORD_LENGTH`] characters.
    #[error("the password may be at most {MAX_PASSWORD_LENGTH} characters long")]
    TooLong,
    /// The same as the e-mail address.
    #[error("the password may not be the e-mail address")]
    SameAsEmail,
    /// Easy to guess: a common password or word with digits, one character repeated, a run
    /// such as `12345678901234` or `qwertyuiop`, or a word of this site or the account.
    #[error("the password is too easy to guess")]
    Guessable,
}

/// Words that, with digits or signs around them, make the passwords people try first: the
/// commonest of the lists of leaked passwords, in English and in Dutch, and the words of this
/// site and municipality.
const COMMON_WORDS: &[&str] = &[
    "password",
    "passw0rd",
    "wachtwoord",
    "welkom",
    "welcome",
    "geheim",
    "secret",
    "qwerty",
    "azerty",
    "letmein",
    "iloveyou",
    "ikhouvanjou",
    "admin",
    "administrator",
    "beheerder",
    "monkey",
    "dragon",
    "football",
    "voetbal",
    "sunshine",
    "princess",
    "master",
    "shadow",
    "superman",
    "batman",
    "trustno",
    "starwars",
    "baseball",
    "zomer",
    "winter",
    "lente",
    "herfst",
    "januari",
    "februari",
    "december",
    "ajax",
    "feyenoord",
    "twente",
    "hengelo",
    "wijkbeeld",
    "gemeente",
    "griffie",
    "college",
    "raadslid",
    "politiek",
    "politieke markt",
    "changeme",
    "veranderen",
    "test",
    "testtest",
    "gebruiker",
    "user",
    "login",
    "inloggen",
    "computer",
    "internet",
];

/// The keyboard's rows one after the other (QWERTY and AZERTY), the digits and the alphabet:
/// runs along them are easy to type and to guess.
const RUNS: &[&str] =
    &["1234567890", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "abcdefghijklmnopqrstuvwxyz"];

/// Whether `password` is one of the first an attacker tries (NIST SP 800-63B, 5.1.1.2): common
/// words or this site's or the account's own with only digits or signs besides, a repetition of
/// a short part, or a run along a keyboard row or the alphabet, forwards or backwards.
fn guessable(password: &str, email: &EmailAddress) -> bool {
    let lower = password.trim().to_lowercase();
    let letters_of = |text: &str| -> String {
        text.chars().filter(|character| character.is_alphabetic() || *character == ' ').collect()
    };
    let letters = letters_of(&lower);
    let account = letters_of(email.as_str().split('@').next().unwrap_or_default());
    let only_known_words = !letters.trim().is_empty()
        && (letters.trim() == account.trim()
            || COMMON_WORDS.contains(&letters.trim())
            || letters.split(' ').filter(|word| !word.is_empty()).all(|word| COMMON_WORDS.contains(&word)));
    let characters: Vec<char> = lower.chars().collect();
    let repeated = (1..=characters.len() / 2).any(|unit| {
        characters.len().is_multiple_of(unit) && characters.chunks(unit).all(|chunk| chunk == &characters[..unit])
    });
    let along_a_run = RUNS.iter().any(|run| {
        // Round the row again for a password longer than it: 12345678901234.
        let forwards = run.repeat(characters.len() / run.len() + 2);
        let backwards: String = forwards.chars().rev().collect();
        forwards.contains(lower.as_str()) || backwards.contains(lower.as_str())
    });
    only_known_words || repeated || along_a_run
}

/// Checks a new password against the rules.
pub fn check_new_password(password: &str, email: &EmailAddress) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_LENGTH {
        Err(PasswordProblem::TooShort)
    } else if length > MAX_PASSWORD_LENGTH {
        Err(PasswordProblem::TooLong)
    } else if password.trim().eq_ignore_ascii_case(email.as_str()) {
        Err(PasswordProblem::SameAsEmail)
    } else if guessable(password, email) {
        Err(PasswordProblem::Guessable)
    } else {
        Ok(())
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

/// A token for the JSON API, scoped to a role (and, for the partner role, to one partner). Only
/// a hash of the token is stored; the token itself is shown once, when it is made.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiToken {
    /// Identifier.
    pub id: Id<ApiToken>,
    /// What the token is for, e.g. "Koppeling open data".
    pub name: String,
    /// What the token may do.
    pub role: Role,
    /// The partner organisation, for the partner role.
    pub partner_id: Option<Id<Partner>>,
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// When it was last used.
    #[serde(with = "time::serde::rfc3339::option")]
    pub last_used_at: Option<OffsetDateTime>,
    /// When it was revoked; a revoked token no longer works.
    #[serde(with = "time::serde::rfc3339::option")]
    pub revoked_at: Option<OffsetDateTime>,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_addresses_are_trimmed_and_lower_case() {
        let address: EmailAddress = "  C.Hartendorp@Hengelo.NL ".parse().unwrap();
        assert_eq!(address.as_str(), "c.hartendorp@hengelo.nl");
        for bad in ["", "geen-adres", "@hengelo.nl", "a@b", "a@.nl", "a@nl.", "a b@c.nl", "a@b@c.nl"] {
            assert!(bad.parse::<EmailAddress>().is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords_need_length_and_not_the_email_address() {
        let email: EmailAddress = "griffie@hengelo.example".parse().unwrap();
        assert_eq!(check_new_password("kort", &email), Err(PasswordProblem::TooShort));
        assert_eq!(check_new_password("griffie@hengelo.example", &email), Err(PasswordProblem::SameAsEmail));
        assert_eq!(check_new_password(&"x".repeat(257), &email), Err(PasswordProblem::TooLong));
        assert_eq!(check_new_password("paarse olifant op de fiets", &email), Ok(()));
        // Easy to guess, however long (NIST SP 800-63B): runs, repeats, common words with digits.
        for guessable in [
            "12345678901234",
            "98765432109876",
            "qwertyuiopasdf",
            "zyxwvutsrqponm",
            "aaaaaaaaaaaaaa",
            "abcabcabcabcabc",
            "Wachtwoord2024!",
            "Welkom123456",
            "password12345",
            "wijkbeeld 2026!",
            "Griffie2024!!!",
            "welkom wachtwoord",
        ] {
            assert_eq!(check_new_password(guessable, &email), Err(PasswordProblem::Guessable), "{guessable}");
        }
        for strong in ["correct paard batterij niet", "836492018374", "Tulpen-langs-de-Twentekanaal-7", "g7#Kp2!vQ9zR"]
        {
            assert_eq!(check_new_password(strong, &email), Ok(()), "{strong}");
        }
        // Length counts characters, not bytes.
        assert_eq!(check_new_password("ééééééééééé", &email), Err(PasswordProblem::TooShort));
    }

    #[test]
    fn each_permission_is_given_to_the_roles_that_need_it() {
        let holders = |permission: Permission| -> Vec<Role> {
            Role::ALL.iter().copied().filter(|role| role.may(permission)).collect()
        };
        assert_eq!(holders(Permission::SeeInternal), [Role::Griffie, Role::College, Role::Councillor, Role::Admin]);
        assert_eq!(holders(Permission::DraftProposals), [Role::College]);
        assert_eq!(holders(Permission::EditProposals), [Role::Griffie, Role::College]);
        assert_eq!(holders(Permission::PlanMarkets), [Role::Griffie, Role::Admin]);
        assert_eq!(holders(Permission::KeepMonitor), [Role::College, Role::Admin]);
        assert_eq!(holders(Permission::ReadAudit), [Role::Griffie, Role::Admin]);
        assert_eq!(holders(Permission::ReadOutbox), [Role::Griffie, Role::Admin]);
        assert_eq!(holders(Permission::ManageAccounts), [Role::Admin]);
        assert_eq!(holders(Permission::RecordOutcome), [Role::Griffie, Role::Admin]);
        assert_eq!(holders(Permission::SettleIndicators), [Role::Griffie, Role::College]);
        assert_eq!(holders(Permission::ManageSpeakers), [Role::Griffie, Role::Admin]);
        assert_eq!(holders(Permission::ChairSessions), [Role::Griffie, Role::Councillor, Role::Admin]);
        assert_eq!(holders(Permission::MarkAttendance), [Role::Councillor]);
        // A partner sees only what the public sees, and changes nothing here.
        assert!(Permission::ALL.iter().all(|permission| !Role::Partner.may(*permission)));
    }

    #[test]
    fn only_partners_belong_to_a_partner() {
        assert!(Role::Partner.needs_partner());
        assert!(Role::ALL.iter().filter(|role| role.needs_partner()).count() == 1);
    }
}
