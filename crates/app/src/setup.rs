//! Setting a deployment up and keeping it healthy: the schema's version, whether the database is
//! empty, loading the demo with one account per role, and the health check.

use std::collections::HashMap;

use time::Date;
use wijkbeeld_domain::access::{Role, check_new_password};
use wijkbeeld_domain::demo::{self, DemoData, DemoError};
pub use wijkbeeld_store::demo::LoadReport;
use wijkbeeld_store::{Backend, DatabaseSetting, MigrationReport, Store, StoreError, statistics};

use crate::accounts::hash_password;
use crate::audit::Entry;
use crate::secrets::{self, SecretError};
use crate::{App, Caller};

/// Opens the database a setting names, brings its schema up to date, and says what it did.
pub async fn migrate(setting: &DatabaseSetting) -> Result<MigrationReport, StoreError> {
    let store = Store::connect(setting).await?;
    let report = store.migrate().await;
    store.close().await;
    report
}

/// Whether the database holds no content yet (accounts and bookkeeping aside).
pub async fn is_empty(app: &App) -> Result<bool, StoreError> {
    let mut tx = app.store().begin().await?;
    let empty = statistics::is_empty(&mut tx).await?;
    tx.commit().await?;
    Ok(empty)
}

/// Why the demo could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DemoLoadError {
    /// The demo's division file or data cannot be made.
    #[error(transparent)]
    Data(#[from] DemoError),
    /// The password given for the demo accounts breaks a rule.
    #[error("the demo password is refused: {0}")]
    Password(wijkbeeld_domain::access::PasswordProblem),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Making a password failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
}

/// A demo account made now, with its password (shown only now).
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// The sign-in address.
    pub email: String,
    /// The role.
    pub role: Role,
    /// The password.
    pub password: String,
}

/// What loading the demo did.
#[derive(Debug, Clone)]
pub struct DemoLoaded {
    /// The day the demo's dates are anchored on.
    pub anchor: Date,
    /// New rows per table; empty when the demo was already there.
    pub created: Vec<(&'static str, u64)>,
    /// The accounts made now, with their passwords.
    pub accounts: Vec<DemoAccount>,
}

impl DemoLoaded {
    /// Rows created in all.
    pub fn total(&self) -> u64 {
        self.created.iter().map(|(_, count)| count).sum()
    }
}

/// Loads the demo data set from a division file (Hengelo's by default), anchored on the day it
/// was first loaded (or the caller's today), with one account per role whose password is
/// `password` or a generated one. Loading it again changes nothing. Audited (`demo.load`) when it
/// created anything.
pub async fn load_demo(
    app: &App,
    caller: &Caller,
    areas_csv: &str,
    password: Option<&str>,
) -> Result<DemoLoaded, DemoLoadError> {
    let mut tx = app.store().begin().await?;
    let anchor = wijkbeeld_store::demo::anchor(&mut tx).await?.unwrap_or_else(|| caller.today());
    tx.commit().await?;
    let data: DemoData = demo::generate(anchor, areas_csv)?;

    let mut passwords = HashMap::new();
    let mut hashes = HashMap::new();
    for account in &data.accounts {
        let password = match password {
            Some(password) => {
                check_new_password(password, &account.email).map_err(DemoLoadError::Password)?;
                password.to_owned()
            }
            None => secrets::new_password()?,
        };
        hashes.insert(account.email.to_string(), hash_password(password.clone()).await?);
        passwords.insert(account.email.to_string(), password);
    }

    let report = store_demo(app, caller, &data, &hashes).await?;
    let accounts = data
        .accounts
        .iter()
        .filter(|account| report.accounts.contains(&account.email.to_string()))
        .map(|account| DemoAccount {
            email: account.email.to_string(),
            role: account.role,
            password: passwords.get(account.email.as_str()).cloned().unwrap_or_default(),
        })
        .collect();
    let created = report.created.iter().map(|(table, count)| (*table, *count)).collect();
    Ok(DemoLoaded { anchor, created, accounts })
}

/// Writes a generated demo data set with its accounts' password hashes (by address), adding
/// only what is missing. Audited (`demo.load`) when it created anything. [`load_demo`] makes the
/// data and the hashes; tests that load the demo many times hash one password once.
pub async fn store_demo(
    app: &App,
    caller: &Caller,
    data: &DemoData,
    password_hashes: &HashMap<String, String>,
) -> Result<LoadReport, StoreError> {
    let mut write = app.write(caller).await?;
    let report = wijkbeeld_store::demo::load(write.tx(), data, password_hashes, caller.now()).await?;
    if report.total() > 0 {
        let details = serde_json::json!({
            "anchor": data.anchor.to_string(),
            "rows_per_table": report.created,
        });
        write.commit(Entry::new("demo.load", "demo").details(details)).await?;
    }
    Ok(report)
}

/// What the health check found.
#[derive(Debug)]
pub struct Health {
    /// The database engine.
    pub backend: Backend,
    /// Whether the database answers, and why not.
    pub database: Result<(), StoreError>,
}

/// Whether the database answers.
pub async fn health(app: &App) -> Health {
    Health { backend: app.store().backend(), database: app.store().ping().await }
}
