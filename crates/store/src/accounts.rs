//! User accounts, their sessions, and API tokens. Passwords arrive here already hashed, and
//! session and API tokens as SHA-256 hashes: the store never sees a secret. Accounts belong to
//! the installation, not to a body, so no function here takes one.

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{ApiToken, EmailAddress, Role, User};

use crate::{StoreError, Tx, decode_code, on_connection, stored_moment};

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Sign-in address.
    pub email: &'a EmailAddress,
    /// Name shown.
    pub display_name: &'a str,
    /// Role.
    pub role: Role,
    /// Argon2id hash (PHC string) of the password; `None` leaves the account unable to sign in.
    pub password_hash: Option<&'a str>,
    /// The person, for people in the council process.
    pub person_id: Option<i64>,
    /// The partner organisation, for the partner role.
    pub partner_id: Option<i64>,
}

/// An account with what signing in needs.
#[derive(Debug, Clone)]
pub struct Credentials {
    /// The account.
    pub user: User,
    /// Its password hash, if it has a password.
    pub password_hash: Option<String>,
}

/// A signed-in browser's session, with its account.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// The account.
    pub user: User,
    /// The token forms must send back (CSRF).
    pub csrf_token: String,
    /// When the session began.
    pub created_at: OffsetDateTime,
    /// When it was last used (updated at most every few minutes).
    pub touched_at: OffsetDateTime,
    /// When it ends unless used again.
    pub expires_at: OffsetDateTime,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    person_id: Option<i64>,
    partner_id: Option<i64>,
    disabled_at: Option<OffsetDateTime>,
}

impl UserRow {
    fn into_user(self) -> Result<User, StoreError> {
        Ok(User {
            id: Id::new(self.id),
            email: self.email,
            display_name: self.display_name,
            role: decode_code(&self.role)?,
            person_id: self.person_id.map(Id::new),
            partner_id: self.partner_id.map(Id::new),
            disabled_at: self.disabled_at,
        })
    }
}

const USER_COLUMNS: &str = "u.id, u.email, u.display_name, u.role, u.person_id, u.partner_id, u.disabled_at";

/// Creates an account; a [`StoreError::Conflict`] when the address is taken.
pub async fn create_user(tx: &mut Tx, user: &NewUser<'_>, now: OffsetDateTime) -> Result<Id<User>, StoreError> {
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO users (email, display_name, role, password_hash, person_id, partner_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(user.email.as_str())
        .bind(user.display_name)
        .bind(user.role.code())
        .bind(user.password_hash)
        .bind(user.person_id)
        .bind(user.partner_id)
        .bind(stored_moment(now))
        .fetch_one(&mut *connection)
        .await?
    });
    Ok(Id::new(id))
}

#[derive(sqlx::FromRow)]
struct CredentialsRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: Option<String>,
}

/// The account with this address, with its password hash.
pub async fn credentials(tx: &mut Tx, email: &EmailAddress) -> Result<Option<Credentials>, StoreError> {
    let query = format!("SELECT {USER_COLUMNS}, u.password_hash FROM users u WHERE u.email = $1");
    let row: Option<CredentialsRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone())).bind(email.as_str()).fetch_optional(&mut *connection).await?
    });
    row.map(|row| Ok(Credentials { user: row.user.into_user()?, password_hash: row.password_hash })).transpose()
}

/// One account.
pub async fn user(tx: &mut Tx, id: Id<User>) -> Result<User, StoreError> {
    let query = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = $1");
    let row: Option<UserRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone())).bind(id.get()).fetch_optional(&mut *connection).await?
    });
    row.ok_or_else(|| StoreError::NotFound(format!("user {id}")))?.into_user()
}

/// Every account, by address.
pub async fn users(tx: &mut Tx) -> Result<Vec<User>, StoreError> {
    let query = format!("SELECT {USER_COLUMNS} FROM users u ORDER BY u.email");
    let rows: Vec<UserRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone())).fetch_all(&mut *connection).await?
    });
    rows.into_iter().map(UserRow::into_user).collect()
}

/// Gives an account another role (and partner, for the partner role).
pub async fn set_role(tx: &mut Tx, id: Id<User>, role: Role, partner_id: Option<i64>) -> Result<(), StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query("UPDATE users SET role = $1, partner_id = $2 WHERE id = $3")
            .bind(role.code())
            .bind(partner_id)
            .bind(id.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    if changed == 0 { Err(StoreError::NotFound(format!("user {id}"))) } else { Ok(()) }
}

/// Replaces an account's password hash.
pub async fn set_password(tx: &mut Tx, id: Id<User>, password_hash: &str) -> Result<(), StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(id.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    if changed == 0 { Err(StoreError::NotFound(format!("user {id}"))) } else { Ok(()) }
}

/// Starts a session for an account.
pub async fn create_session(
    tx: &mut Tx,
    token_hash: &str,
    user: Id<User>,
    csrf_token: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO user_sessions (token_hash, user_id, csrf_token, created_at, touched_at, expires_at) \
             VALUES ($1, $2, $3, $4, $4, $5)",
        )
        .bind(token_hash)
        .bind(user.get())
        .bind(csrf_token)
        .bind(stored_moment(now))
        .bind(stored_moment(expires_at))
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    user: UserRow,
    csrf_token: String,
    created_at: OffsetDateTime,
    touched_at: OffsetDateTime,
    expires_at: OffsetDateTime,
}

/// The live session with this token hash, with its account; `None` when there is none, it has
/// expired, or its account is disabled.
pub async fn session(tx: &mut Tx, token_hash: &str, now: OffsetDateTime) -> Result<Option<SessionRecord>, StoreError> {
    let query = format!(
        "SELECT {USER_COLUMNS}, s.csrf_token, s.created_at, s.touched_at, s.expires_at \
         FROM user_sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL"
    );
    let row: Option<SessionRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone()))
            .bind(token_hash)
            .bind(stored_moment(now))
            .fetch_optional(&mut *connection)
            .await?
    });
    row.map(|row| {
        Ok(SessionRecord {
            user: row.user.into_user()?,
            csrf_token: row.csrf_token,
            created_at: row.created_at,
            touched_at: row.touched_at,
            expires_at: row.expires_at,
        })
    })
    .transpose()
}

/// Records that a session was used and moves its end.
pub async fn touch_session(
    tx: &mut Tx,
    token_hash: &str,
    now: OffsetDateTime,
    expires_at: OffsetDateTime,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query("UPDATE user_sessions SET touched_at = $1, expires_at = $2 WHERE token_hash = $3")
            .bind(stored_moment(now))
            .bind(stored_moment(expires_at))
            .bind(token_hash)
            .execute(&mut *connection)
            .await?;
    });
    Ok(())
}

/// Ends a session.
pub async fn end_session(tx: &mut Tx, token_hash: &str) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM user_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&mut *connection)
            .await?;
    });
    Ok(())
}

/// Ends every session of an account except one (after a password change), or all of them.
pub async fn end_sessions_of(tx: &mut Tx, user: Id<User>, except: Option<&str>) -> Result<u64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM user_sessions WHERE user_id = $1 AND ($2 IS NULL OR token_hash <> $2)")
            .bind(user.get())
            .bind(except)
            .execute(&mut *connection)
            .await?
            .rows_affected()
    }))
}

/// Removes sessions that have expired.
pub async fn remove_expired_sessions(tx: &mut Tx, now: OffsetDateTime) -> Result<u64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM user_sessions WHERE expires_at <= $1")
            .bind(stored_moment(now))
            .execute(&mut *connection)
            .await?
            .rows_affected()
    }))
}

/// A new API token.
#[derive(Debug, Clone)]
pub struct NewApiToken<'a> {
    /// What it is for.
    pub name: &'a str,
    /// SHA-256 of the token.
    pub token_hash: &'a str,
    /// Its role.
    pub role: Role,
    /// Its partner, for the partner role.
    pub partner_id: Option<i64>,
    /// The admin who made it.
    pub created_by: Option<Id<User>>,
}

#[derive(sqlx::FromRow)]
struct ApiTokenRow {
    id: i64,
    name: String,
    role: String,
    partner_id: Option<i64>,
    created_at: OffsetDateTime,
    last_used_at: Option<OffsetDateTime>,
    revoked_at: Option<OffsetDateTime>,
}

impl ApiTokenRow {
    fn into_token(self) -> Result<ApiToken, StoreError> {
        Ok(ApiToken {
            id: Id::new(self.id),
            name: self.name,
            role: decode_code(&self.role)?,
            partner_id: self.partner_id.map(Id::new),
            created_at: self.created_at,
            last_used_at: self.last_used_at,
            revoked_at: self.revoked_at,
        })
    }
}

const TOKEN_COLUMNS: &str = "id, name, role, partner_id, created_at, last_used_at, revoked_at";

/// Stores a new API token.
pub async fn create_api_token(
    tx: &mut Tx,
    token: &NewApiToken<'_>,
    now: OffsetDateTime,
) -> Result<Id<ApiToken>, StoreError> {
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO api_tokens (name, token_hash, role, partner_id, created_by_user_id, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(token.name)
        .bind(token.token_hash)
        .bind(token.role.code())
        .bind(token.partner_id)
        .bind(token.created_by.map(Id::get))
        .bind(stored_moment(now))
        .fetch_one(&mut *connection)
        .await?
    });
    Ok(Id::new(id))
}

/// The unrevoked token with this hash, marked as used now.
pub async fn use_api_token(tx: &mut Tx, token_hash: &str, now: OffsetDateTime) -> Result<Option<ApiToken>, StoreError> {
    let query = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL");
    let row: Option<ApiTokenRow> = on_connection!(tx, |connection| {
        let row: Option<ApiTokenRow> = sqlx::query_as(sqlx::AssertSqlSafe(query.clone()))
            .bind(token_hash)
            .fetch_optional(&mut *connection)
            .await?;
        if let Some(row) = &row {
            sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
                .bind(stored_moment(now))
                .bind(row.id)
                .execute(&mut *connection)
                .await?;
        }
        row
    });
    row.map(ApiTokenRow::into_token).transpose()
}

/// Every API token, newest first.
pub async fn api_tokens(tx: &mut Tx) -> Result<Vec<ApiToken>, StoreError> {
    let query = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens ORDER BY id DESC");
    let rows: Vec<ApiTokenRow> = on_connection!(tx, |connection| {
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone())).fetch_all(&mut *connection).await?
    });
    rows.into_iter().map(ApiTokenRow::into_token).collect()
}

/// Revokes a token; revoking twice keeps the first moment. Returns the token as it was.
pub async fn revoke_api_token(tx: &mut Tx, id: Id<ApiToken>, now: OffsetDateTime) -> Result<ApiToken, StoreError> {
    let query = format!("SELECT {TOKEN_COLUMNS} FROM api_tokens WHERE id = $1");
    let row: Option<ApiTokenRow> = on_connection!(tx, |connection| {
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(stored_moment(now))
            .bind(id.get())
            .execute(&mut *connection)
            .await?;
        sqlx::query_as(sqlx::AssertSqlSafe(query.clone())).bind(id.get()).fetch_optional(&mut *connection).await?
    });
    row.ok_or_else(|| StoreError::NotFound(format!("API token {id}")))?.into_token()
}
