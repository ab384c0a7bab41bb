//! Who calls a use case: the public, a signed-in account (or an API token), or the system (the
//! command line, a background task); the municipality the call is for; and the moment, read
//! once so that everything one call does happens at the same time.

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{Permission, Role, User};
use wijkbeeld_domain::monitor::Partner;
use wijkbeeld_domain::people::{Body, Person};

/// A signed-in account (or API token) as the use cases see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The user; `None` for an API token.
    pub user_id: Option<Id<User>>,
    /// The name to show and to write in the audit log.
    pub display_name: String,
    /// The sign-in address; `None` for an API token.
    pub email: Option<String>,
    /// What the account may do.
    pub role: Role,
    /// The partner organisation, for the partner role.
    pub partner_id: Option<Id<Partner>>,
    /// The person the account belongs to (a councillor, a chair); `None` for an API token or an
    /// account not linked to one.
    pub person_id: Option<Id<Person>>,
}

/// Who asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// Anyone, not signed in.
    Public,
    /// A signed-in account or an API token.
    Account(Account),
    /// The command line or a background task, by name (`cli`, `demo`). It acts with the
    /// authority of whoever runs it on the server, who can reach the database anyway; it is
    /// refused only what belongs to a role's judgement, such as a proposal's lifecycle moves.
    System(&'static str),
}

/// A refusal: the caller may not do this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("your role may not do this")]
pub struct Denied;

/// A change that needs the municipality before the demo or an import has made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the database holds no municipality yet; load the demo (wijkbeeld demo) first")]
pub struct NoMunicipality;

/// One call's who, for which body, and when.
#[derive(Debug, Clone)]
pub struct Caller {
    who: Who,
    body: Option<Body>,
    now: OffsetDateTime,
}

impl Caller {
    /// A caller made by [`crate::App::caller`]; tests may make one directly.
    pub fn new(who: Who, body: Option<Body>, now: OffsetDateTime) -> Caller {
        Caller { who, body, now }
    }

    /// Who asks.
    pub fn who(&self) -> &Who {
        &self.who
    }

    /// The signed-in account, if any.
    pub fn account(&self) -> Option<&Account> {
        match &self.who {
            Who::Account(account) => Some(account),
            Who::Public | Who::System(_) => None,
        }
    }

    /// The account's role; `None` for the public and the system.
    pub fn role(&self) -> Option<Role> {
        self.account().map(|account| account.role)
    }

    /// Whether the caller may do what `permission` allows: an account by its role's rule in
    /// the domain's table, the system always, the public never.
    pub fn may(&self, permission: Permission) -> bool {
        match &self.who {
            Who::Account(account) => account.role.may(permission),
            Who::System(_) => true,
            Who::Public => false,
        }
    }

    /// [`Caller::may`] as a check.
    pub fn require(&self, permission: Permission) -> Result<(), Denied> {
        if self.may(permission) { Ok(()) } else { Err(Denied) }
    }

    /// The role that makes a role's decision (a lifecycle move, an edit in a state): the
    /// account's; refused for the public and for the system, which makes no such decisions.
    pub fn deciding_role(&self) -> Result<Role, Denied> {
        self.role().ok_or(Denied)
    }

    /// The municipality the call is for.
    pub fn body(&self) -> Result<Id<Body>, NoMunicipality> {
        self.body.as_ref().map(|body| body.id).ok_or(NoMunicipality)
    }

    /// The municipality with its name and code, when there is one.
    pub fn body_record(&self) -> Option<&Body> {
        self.body.as_ref()
    }

    /// The moment of the call.
    pub fn now(&self) -> OffsetDateTime {
        self.now
    }

    /// The day of the call in the Netherlands.
    pub fn today(&self) -> Date {
        wijkbeeld_domain::local_time::in_dutch_time(self.now).date()
    }

    /// The user the audit log records, if a user calls.
    pub fn user_id(&self) -> Option<Id<User>> {
        self.account().and_then(|account| account.user_id)
    }

    /// The person who calls, when the account is linked to one (a councillor, a chair).
    pub fn person_id(&self) -> Option<Id<Person>> {
        self.account().and_then(|account| account.person_id)
    }

    /// The name the audit log records for this caller's changes: an account's address, an API
    /// token's name, the system's name.
    pub fn actor_name(&self) -> String {
        match &self.who {
            Who::Account(Account { email: Some(email), .. }) => email.clone(),
            Who::Account(account) => format!("API-token {}", account.display_name),
            Who::System(name) => (*name).to_owned(),
            Who::Public => "publiek".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;

    fn account(role: Role) -> Who {
        Who::Account(Account {
            user_id: Some(Id::new(7)),
            display_name: "Griffie".into(),
            email: Some("griffie@hengelo.example".into()),
            role,
            partner_id: None,
            person_id: None,
        })
    }

    #[test]
    fn accounts_may_what_their_role_may_the_system_all_the_public_nothing() {
        let now = datetime!(2026-11-28 09:00 UTC);
        let griffie = Caller::new(account(Role::Griffie), None, now);
        assert!(griffie.may(Permission::PlanMarkets));
        assert_eq!(griffie.require(Permission::ManageAccounts), Err(Denied));
        let system = Caller::new(Who::System("cli"), None, now);
        assert!(Permission::ALL.iter().all(|permission| system.may(*permission)));
        assert_eq!(system.deciding_role(), Err(Denied), "the system makes no role's decisions");
        let public = Caller::new(Who::Public, None, now);
        assert!(Permission::ALL.iter().all(|permission| !public.may(*permission)));
        assert_eq!(public.body(), Err(NoMunicipality));
    }

    #[test]
    fn the_audit_log_names_accounts_tokens_and_the_system() {
        let now = datetime!(2026-11-28 09:00 UTC);
        assert_eq!(Caller::new(account(Role::College), None, now).actor_name(), "griffie@hengelo.example");
        let token = Who::Account(Account {
            user_id: None,
            display_name: "Open data".into(),
            email: None,
            role: Role::Councillor,
            partner_id: None,
            person_id: None,
        });
        assert_eq!(Caller::new(token, None, now).actor_name(), "API-token Open data");
        assert_eq!(Caller::new(Who::System("cli"), None, now).actor_name(), "cli");
        assert_eq!(Caller::new(Who::System("cli"), None, now).today(), time::macros::date!(2026 - 11 - 28));
    }
}
