//! Accounts and API tokens (administrators), and a user's own password: each checks the caller
//! and the input, and writes in one audited transaction. Accounts are the deployment's, not one
//! municipality's; a partner account belongs to a partner of the caller's municipality.

use std::collections::HashMap;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{ApiToken, EmailAddress, PasswordProblem, Permission, Role, User, check_new_password};
use wijkbeeld_domain::monitor::Partner;
use wijkbeeld_domain::text::has_control_characters;
use wijkbeeld_store::{StoreError, Tx, accounts, partners};

use crate::audit::Entry;
use crate::secrets::{self, SecretError};
use crate::sessions::{self, SessionError};
use crate::{App, Caller, Denied, NoMunicipality};

/// Why an account change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The caller may not.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// The address is not an e-mail address.
    #[error("'{0}' is not an e-mail address")]
    InvalidEmail(String),
    /// Another account has the address.
    #[error("an account with the address {0} exists already")]
    EmailTaken(String),
    /// The name is empty.
    #[error("the name is empty")]
    EmptyName,
    /// The name holds control characters (NUL, escape, a line break…).
    #[error("the name holds characters no one types")]
    ControlCharacters,
    /// No role was chosen.
    #[error("choose a role")]
    MissingRole,
    /// The password breaks a rule.
    #[error("{0}")]
    Password(PasswordProblem),
    /// The two new passwords differ.
    #[error("the two new passwords differ")]
    PasswordsDiffer,
    /// The current password is wrong.
    #[error("the current password is wrong")]
    WrongPassword,
    /// The new password is the current one.
    #[error("the new password is the current one")]
    SameAsCurrent,
    /// Too many attempts to change the password; the next may come after this long.
    #[error("too many attempts; try again in {} s", retry_after.whole_seconds())]
    TooManyRequests {
        /// When the account may try again.
        retry_after: time::Duration,
    },
    /// The partner role needs a partner.
    #[error("the partner role needs a partner organisation")]
    PartnerRequired,
    /// Only the partner role has a partner.
    #[error("only the partner role belongs to a partner organisation")]
    PartnerNotAllowed,
    /// No partner has that name.
    #[error("no partner organisation is called '{0}'")]
    UnknownPartner(String),
    /// No such account or token.
    #[error("not found: {0}")]
    NotFound(String),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
    /// Making a secret failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

impl From<StoreError> for AccountError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => AccountError::NotFound(what),
            error => AccountError::Store(error),
        }
    }
}

/// A new account as asked for.
#[derive(Debug, Clone, Default)]
pub struct AccountRequest {
    /// Sign-in address, as typed.
    pub email: String,
    /// Name shown.
    pub display_name: String,
    /// Role.
    pub role: Option<Role>,
    /// The partner's name, for the partner role.
    pub partner: Option<String>,
    /// The password; `None` generates one.
    pub password: Option<String>,
}

/// A created account, with its password when it was generated (to be shown once).
#[derive(Debug, Clone)]
pub struct CreatedAccount {
    /// The account.
    pub id: Id<User>,
    /// The address.
    pub email: EmailAddress,
    /// The generated password, if none was given.
    pub generated_password: Option<String>,
}

/// Hashes on a blocking thread: argon2id takes tens of milliseconds of CPU on purpose.
pub async fn hash_password(password: String) -> Result<String, SecretError> {
    tokio::task::spawn_blocking(move || secrets::hash_password(&password))
        .await
        .map_err(|error| SecretError::Hash(error.to_string()))?
}

/// Verifies on a blocking thread.
pub(crate) async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || secrets::verify_password(&password, &hash)).await.unwrap_or(false)
}

/// The partner organisation a role's account belongs to, by name, in the caller's municipality.
async fn partner_id(
    tx: &mut Tx,
    caller: &Caller,
    role: Role,
    partner: Option<&str>,
) -> Result<Option<i64>, AccountError> {
    let partner = partner.map(str::trim).filter(|name| !name.is_empty());
    match (role.needs_partner(), partner) {
        (true, None) => Err(AccountError::PartnerRequired),
        (false, Some(_)) => Err(AccountError::PartnerNotAllowed),
        (false, None) => Ok(None),
        (true, Some(name)) => {
            let known = match caller.body() {
                Ok(body) => partners::list(tx, body).await?,
                // Before there is a municipality there are no partners either.
                Err(NoMunicipality) => Vec::new(),
            };
            known
                .into_iter()
                .find(|partner| partner.name.eq_ignore_ascii_case(name))
                .map(|partner| Some(partner.id.get()))
                .ok_or_else(|| AccountError::UnknownPartner(name.to_owned()))
        }
    }
}

/// Creates an account (administrators).
pub async fn create_account(
    app: &App,
    caller: &Caller,
    request: &AccountRequest,
) -> Result<CreatedAccount, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let email: EmailAddress =
        request.email.parse().map_err(|_| AccountError::InvalidEmail(request.email.trim().to_owned()))?;
    let display_name = request.display_name.trim();
    if display_name.is_empty() {
        return Err(AccountError::EmptyName);
    }
    if has_control_characters(display_name, false) {
        return Err(AccountError::ControlCharacters);
    }
    let role = request.role.ok_or(AccountError::MissingRole)?;
    let (password, generated_password) = match &request.password {
        Some(password) => {
            check_new_password(password, &email).map_err(AccountError::Password)?;
            (password.clone(), None)
        }
        None => {
            let password = secrets::new_password()?;
            (password.clone(), Some(password))
        }
    };
    let hash = hash_password(password).await?;
    let mut write = app.write(caller).await?;
    let partner = partner_id(write.tx(), caller, role, request.partner.as_deref()).await?;
    let user = accounts::NewUser {
        email: &email,
        display_name,
        role,
        password_hash: Some(&hash),
        person_id: None,
        partner_id: partner,
    };
    let id = match accounts::create_user(write.tx(), &user, caller.now()).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => return Err(AccountError::EmailTaken(email.to_string())),
        Err(error) => return Err(error.into()),
    };
    let details = serde_json::json!({ "email": email.as_str(), "name": display_name });
    write.commit(Entry::new("user.create", "user").on(id.get()).to_state(role.code()).details(details)).await?;
    Ok(CreatedAccount { id, email, generated_password })
}

/// Gives an account another role (and partner) (administrators).
pub async fn change_role(
    app: &App,
    caller: &Caller,
    user: Id<User>,
    role: Role,
    partner: Option<&str>,
) -> Result<(), AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let mut write = app.write(caller).await?;
    let before = accounts::user(write.tx(), user).await?;
    let partner_id = partner_id(write.tx(), caller, role, partner).await?;
    accounts::set_role(write.tx(), user, role, partner_id).await?;
    let details = serde_json::json!({ "email": before.email, "partner_id": partner_id });
    let entry = Entry::new("user.role", "user").on(user.get()).from_state(before.role.code()).to_state(role.code());
    write.commit(entry.details(details)).await?;
    Ok(())
}

/// Gives the account with address `email` another role (administrators); the account as it was.
pub async fn change_role_by_email(
    app: &App,
    caller: &Caller,
    email: &str,
    role: Role,
    partner: Option<&str>,
) -> Result<User, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let address: EmailAddress = email.parse().map_err(|_| AccountError::InvalidEmail(email.trim().to_owned()))?;
    let mut tx = app.store().begin().await?;
    let user = accounts::credentials(&mut tx, &address)
        .await?
        .map(|credentials| credentials.user)
        .ok_or_else(|| AccountError::NotFound(format!("account {address}")))?;
    tx.commit().await?;
    change_role(app, caller, user.id, role, partner).await?;
    Ok(user)
}

/// Changes the calling user's own password after checking the current one, and ends the user's
/// other sessions (all but `keep_session`, the SHA-256 of the session's token).
pub async fn change_password(
    app: &App,
    caller: &Caller,
    current: &str,
    new: &str,
    repeated: &str,
    keep_session: Option<&str>,
) -> Result<(), AccountError> {
    let user = caller.user_id().ok_or(Denied)?;
    // As many tries as signing in has, per account: the current password is not to be guessed
    // from a session left open.
    match sessions::count_request(app, caller, sessions::PASSWORD_CHANGE, &format!("user-{user}")).await {
        Ok(()) => {}
        Err(SessionError::TooManyRequests { retry_after }) => {
            return Err(AccountError::TooManyRequests { retry_after });
        }
        Err(SessionError::Store(error)) => return Err(error.into()),
        Err(SessionError::Secret(error)) => return Err(error.into()),
        Err(SessionError::Refused) => return Err(AccountError::WrongPassword),
    }
    let mut tx = app.store().begin().await?;
    let account = accounts::user(&mut tx, user).await?;
    let email: EmailAddress = account.email.parse().map_err(|_| AccountError::InvalidEmail(account.email.clone()))?;
    let hash = accounts::credentials(&mut tx, &email).await?.and_then(|credentials| credentials.password_hash);
    tx.commit().await?;
    let hash = hash.unwrap_or_else(|| secrets::decoy_hash().to_owned());
    if !verify_password(current.to_owned(), hash).await {
        return Err(AccountError::WrongPassword);
    }
    check_new_password(new, &email).map_err(AccountError::Password)?;
    if new == current {
        return Err(AccountError::SameAsCurrent);
    }
    if new != repeated {
        return Err(AccountError::PasswordsDiffer);
    }
    let new_hash = hash_password(new.to_owned()).await?;
    let mut write = app.write(caller).await?;
    accounts::set_password(write.tx(), user, &new_hash).await?;
    let ended = accounts::end_sessions_of(write.tx(), user, keep_session).await?;
    let details = serde_json::json!({ "other_sessions_ended": ended });
    write.commit(Entry::new("user.password", "user").on(user.get()).details(details)).await?;
    Ok(())
}

/// A created API token, with the token itself (shown once; only its hash is stored).
#[derive(Debug, Clone)]
pub struct CreatedToken {
    /// The stored token.
    pub id: Id<ApiToken>,
    /// The secret, to send as `Authorization: Bearer`.
    pub secret: String,
}

/// Makes an API token for a role (administrators).
pub async fn create_api_token(
    app: &App,
    caller: &Caller,
    name: &str,
    role: Role,
    partner: Option<&str>,
) -> Result<CreatedToken, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let name = name.trim();
    if name.is_empty() {
        return Err(AccountError::EmptyName);
    }
    if has_control_characters(name, false) {
        return Err(AccountError::ControlCharacters);
    }
    let secret = secrets::new_token()?;
    let mut write = app.write(caller).await?;
    let partner_id = partner_id(write.tx(), caller, role, partner).await?;
    let token = accounts::NewApiToken {
        name,
        token_hash: &secrets::digest(&secret),
        role,
        partner_id,
        created_by: caller.user_id(),
    };
    let id = accounts::create_api_token(write.tx(), &token, caller.now()).await?;
    let details = serde_json::json!({ "name": name });
    write
        .commit(Entry::new("api_token.create", "api_token").on(id.get()).to_state(role.code()).details(details))
        .await?;
    Ok(CreatedToken { id, secret })
}

/// Revokes an API token (administrators).
pub async fn revoke_api_token(app: &App, caller: &Caller, id: Id<ApiToken>) -> Result<ApiToken, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let mut write = app.write(caller).await?;
    let token = accounts::revoke_api_token(write.tx(), id, caller.now()).await?;
    let details = serde_json::json!({ "name": token.name });
    write.commit(Entry::new("api_token.revoke", "api_token").on(id.get()).details(details)).await?;
    Ok(token)
}

/// The partner organisations of the caller's municipality, by id (none before there is one).
async fn partner_names(tx: &mut Tx, caller: &Caller) -> Result<HashMap<Id<Partner>, String>, StoreError> {
    match caller.body() {
        Ok(body) => Ok(partners::list(tx, body).await?.into_iter().map(|partner| (partner.id, partner.name)).collect()),
        Err(NoMunicipality) => Ok(HashMap::new()),
    }
}

/// Accounts or API tokens, with the names of the partner organisations they may belong to.
#[derive(Debug, Clone)]
pub struct WithPartners<T> {
    /// The accounts (by address) or tokens (by number).
    pub items: Vec<T>,
    /// The partners' names, by id.
    pub partners: HashMap<Id<Partner>, String>,
}

impl<T> WithPartners<T> {
    /// The partner's name, for an account or token of the partner role.
    pub fn partner_of(&self, partner: Option<Id<Partner>>) -> Option<&str> {
        partner.and_then(|id| self.partners.get(&id)).map(String::as_str)
    }

    /// The partners' names in order, for a form's choices.
    pub fn partner_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.partners.values().cloned().collect();
        names.sort_by_key(|name| name.to_lowercase());
        names
    }
}

/// Every account (administrators).
pub async fn accounts(app: &App, caller: &Caller) -> Result<WithPartners<User>, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let mut tx = app.store().begin().await?;
    let items = accounts::users(&mut tx).await?;
    let partners = partner_names(&mut tx, caller).await?;
    tx.commit().await?;
    Ok(WithPartners { items, partners })
}

/// Every API token (administrators).
pub async fn api_tokens(app: &App, caller: &Caller) -> Result<WithPartners<ApiToken>, AccountError> {
    caller.require(Permission::ManageAccounts)?;
    let mut tx = app.store().begin().await?;
    let items = accounts::api_tokens(&mut tx).await?;
    let partners = partner_names(&mut tx, caller).await?;
    tx.commit().await?;
    Ok(WithPartners { items, partners })
}
