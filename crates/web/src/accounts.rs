//! The use cases of accounts and API tokens, shared by the web pages and the command line: each
//! checks its input, writes in one transaction, and records the change in the audit log.

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{ApiToken, EmailAddress, PasswordProblem, Role, User, check_new_password};
use wijkbeeld_store::audit::{self, Change};
use wijkbeeld_store::{Store, StoreError, accounts, partners};

use crate::auth::secrets::{self, SecretError};

/// Why an account change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The address is not an e-mail address.
    #[error("'{0}' is not an e-mail address")]
    InvalidEmail(String),
    /// Another account has the address.
    #[error("an account with the address {0} exists already")]
    EmailTaken(String),
    /// The name is empty.
    #[error("the name is empty")]
    EmptyName,
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

/// Who makes a change, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The signed-in user, if any.
    pub user_id: Option<Id<User>>,
    /// Name or address in words (`cli` for the command line).
    pub name: String,
}

impl Actor {
    /// A change this actor makes to a record, without a state change, with details as JSON.
    pub fn change<'a>(
        &'a self,
        action: &'a str,
        entity: &'a str,
        entity_id: Option<i64>,
        details: serde_json::Value,
    ) -> Change<'a> {
        Change {
            user_id: self.user_id.map(Id::get),
            actor: &self.name,
            action,
            entity,
            entity_id,
            from_state: None,
            to_state: None,
            details: Some(details.to_string()),
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
pub async fn hash_password(password: String) -> Result<String, AccountError> {
    tokio::task::spawn_blocking(move || secrets::hash_password(&password))
        .await
        .map_err(|error| SecretError::Hash(error.to_string()))?
        .map_err(AccountError::Secret)
}

/// Verifies on a blocking thread.
pub async fn verify_password(password: String, hash: String) -> bool {
    tokio::task::spawn_blocking(move || secrets::verify_password(&password, &hash)).await.unwrap_or(false)
}

async fn partner_id(
    tx: &mut wijkbeeld_store::Tx,
    role: Role,
    partner: Option<&str>,
) -> Result<Option<i64>, AccountError> {
    let partner = partner.map(str::trim).filter(|name| !name.is_empty());
    match (role.needs_partner(), partner) {
        (true, None) => Err(AccountError::PartnerRequired),
        (false, Some(_)) => Err(AccountError::PartnerNotAllowed),
        (false, None) => Ok(None),
        (true, Some(name)) => partners::list(tx)
            .await?
            .into_iter()
            .find(|partner| partner.name.eq_ignore_ascii_case(name))
            .map(|partner| Some(partner.id.get()))
            .ok_or_else(|| AccountError::UnknownPartner(name.to_owned())),
    }
}

/// Creates an account.
pub async fn create_account(
    store: &Store,
    request: &AccountRequest,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<CreatedAccount, AccountError> {
    let email: EmailAddress =
        request.email.parse().map_err(|_| AccountError::InvalidEmail(request.email.trim().to_owned()))?;
    let display_name = request.display_name.trim();
    if display_name.is_empty() {
        return Err(AccountError::EmptyName);
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
    let mut tx = store.begin_write().await?;
    let partner = partner_id(&mut tx, role, request.partner.as_deref()).await?;
    let user = accounts::NewUser {
        email: &email,
        display_name,
        role,
        password_hash: Some(&hash),
        person_id: None,
        partner_id: partner,
    };
    let id = match accounts::create_user(&mut tx, &user, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => return Err(AccountError::EmailTaken(email.to_string())),
        Err(error) => return Err(error.into()),
    };
    let change = Change {
        user_id: actor.user_id.map(Id::get),
        actor: &actor.name,
        action: "user.create",
        entity: "user",
        entity_id: Some(id.get()),
        to_state: Some(role.code()),
        details: Some(serde_json::json!({ "email": email.as_str(), "name": display_name }).to_string()),
        ..Change::default()
    };
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(CreatedAccount { id, email, generated_password })
}

/// Gives an account another role (and partner).
pub async fn change_role(
    store: &Store,
    user: Id<User>,
    role: Role,
    partner: Option<&str>,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<(), AccountError> {
    let mut tx = store.begin_write().await?;
    let before = accounts::user(&mut tx, user).await?;
    let partner_id = partner_id(&mut tx, role, partner).await?;
    accounts::set_role(&mut tx, user, role, partner_id).await?;
    let change = Change {
        user_id: actor.user_id.map(Id::get),
        actor: &actor.name,
        action: "user.role",
        entity: "user",
        entity_id: Some(user.get()),
        from_state: Some(before.role.code()),
        to_state: Some(role.code()),
        details: Some(serde_json::json!({ "email": before.email, "partner_id": partner_id }).to_string()),
    };
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(())
}

/// Finds an account by address, for the command line.
pub async fn find_by_email(store: &Store, email: &str) -> Result<User, AccountError> {
    let address: EmailAddress = email.parse().map_err(|_| AccountError::InvalidEmail(email.trim().to_owned()))?;
    let mut tx = store.begin().await?;
    accounts::credentials(&mut tx, &address)
        .await?
        .map(|credentials| credentials.user)
        .ok_or_else(|| AccountError::NotFound(format!("account {address}")))
}

/// Changes a signed-in user's own password after checking the current one, and ends the
/// user's other sessions.
pub async fn change_password(
    store: &Store,
    user: Id<User>,
    current: &str,
    new: &str,
    repeated: &str,
    keep_session: Option<&str>,
    now: OffsetDateTime,
) -> Result<(), AccountError> {
    let mut tx = store.begin().await?;
    let account = accounts::user(&mut tx, user).await?;
    let email: EmailAddress = account.email.parse().map_err(|_| AccountError::InvalidEmail(account.email.clone()))?;
    let hash = accounts::credentials(&mut tx, &email).await?.and_then(|credentials| credentials.password_hash);
    drop(tx);
    let hash = hash.unwrap_or_else(|| secrets::decoy_hash().to_owned());
    if !verify_password(current.to_owned(), hash).await {
        return Err(AccountError::WrongPassword);
    }
    check_new_password(new, &email).map_err(AccountError::Password)?;
    if new != repeated {
        return Err(AccountError::PasswordsDiffer);
    }
    let new_hash = hash_password(new.to_owned()).await?;
    let mut tx = store.begin_write().await?;
    accounts::set_password(&mut tx, user, &new_hash).await?;
    let ended = accounts::end_sessions_of(&mut tx, user, keep_session).await?;
    let change = Change {
        user_id: Some(user.get()),
        actor: &account.email,
        action: "user.password",
        entity: "user",
        entity_id: Some(user.get()),
        details: Some(serde_json::json!({ "other_sessions_ended": ended }).to_string()),
        ..Change::default()
    };
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
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

/// Makes an API token for a role.
pub async fn create_api_token(
    store: &Store,
    name: &str,
    role: Role,
    partner: Option<&str>,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<CreatedToken, AccountError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AccountError::EmptyName);
    }
    let secret = secrets::new_token()?;
    let mut tx = store.begin_write().await?;
    let partner_id = partner_id(&mut tx, role, partner).await?;
    let token = accounts::NewApiToken {
        name,
        token_hash: &secrets::digest(&secret),
        role,
        partner_id,
        created_by: actor.user_id,
    };
    let id = accounts::create_api_token(&mut tx, &token, now).await?;
    let change = Change {
        user_id: actor.user_id.map(Id::get),
        actor: &actor.name,
        action: "api_token.create",
        entity: "api_token",
        entity_id: Some(id.get()),
        to_state: Some(role.code()),
        details: Some(serde_json::json!({ "name": name }).to_string()),
        ..Change::default()
    };
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(CreatedToken { id, secret })
}

/// Revokes an API token.
pub async fn revoke_api_token(
    store: &Store,
    id: Id<ApiToken>,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<ApiToken, AccountError> {
    let mut tx = store.begin_write().await?;
    let token = accounts::revoke_api_token(&mut tx, id, now).await?;
    let change = Change {
        user_id: actor.user_id.map(Id::get),
        actor: &actor.name,
        action: "api_token.revoke",
        entity: "api_token",
        entity_id: Some(id.get()),
        details: Some(serde_json::json!({ "name": token.name }).to_string()),
        ..Change::default()
    };
    audit::record(&mut tx, now, &change).await?;
    tx.commit().await?;
    Ok(token)
}
