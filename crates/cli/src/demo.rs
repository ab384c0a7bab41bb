//! `wijkbeeld demo`: loads the demo data set with one account per role.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use wijkbeeld_domain::access::check_new_password;
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_store::{DatabaseSetting, Store};
use wijkbeeld_web::Clock;
use wijkbeeld_web::accounts::hash_password;
use wijkbeeld_web::auth::secrets;

pub(crate) async fn run(setting: &DatabaseSetting, areas: Option<&Path>, password: Option<String>) -> Result<()> {
    let areas = match areas {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read the areas file {}", path.display()))?
        }
        None => HENGELO_AREAS_CSV.to_owned(),
    };
    crate::with_store(setting, |store| async move { load(&store, &areas, password).await }).await
}

/// Loads the demo (anchored on today, or on the day it was first loaded) and prints what it
/// created, with the demo accounts' passwords, which are shown only now.
pub(crate) async fn load(store: &Store, areas_csv: &str, password: Option<String>) -> Result<()> {
    let now = Clock::System.now();
    let mut tx = store.begin().await?;
    let anchor = wijkbeeld_store::demo::anchor(&mut tx).await?.unwrap_or_else(|| Clock::System.today());
    drop(tx);
    let data = demo::generate(anchor, areas_csv)?;

    let mut passwords = HashMap::new();
    let mut hashes = HashMap::new();
    for account in &data.accounts {
        let password = match &password {
            Some(password) => {
                if let Err(problem) = check_new_password(password, &account.email) {
                    bail!("the demo password is refused: {problem}");
                }
                password.clone()
            }
            None => secrets::new_password()?,
        };
        hashes.insert(account.email.to_string(), hash_password(password.clone()).await?);
        passwords.insert(account.email.to_string(), password);
    }

    let mut tx = store.begin_write().await?;
    let report = wijkbeeld_store::demo::load(&mut tx, &data, &hashes, now).await?;
    tx.commit().await?;
    if report.total() == 0 {
        println!("The demo data (anchored on {anchor}) is already in the database; nothing changed.");
        return Ok(());
    }
    let tables: Vec<String> = report.created.iter().map(|(table, count)| format!("{table} {count}")).collect();
    println!("Loaded the demo data, anchored on {anchor}: {} rows ({}).", report.total(), tables.join(", "));
    println!("{}", demo::SYNTHETIC_NOTICE);
    if !report.accounts.is_empty() {
        println!("Demo accounts (the passwords are shown only now):");
        for account in data.accounts.iter().filter(|account| report.accounts.contains(&account.email.to_string())) {
            let password = passwords.get(account.email.as_str()).map_or("", String::as_str);
            println!("  {:<28} {:<10} {password}", account.email.as_str(), account.role.code());
        }
    }
    Ok(())
}
