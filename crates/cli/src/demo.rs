//! `wijkbeeld demo`: loads the demo data set with one account per role.

use std::path::Path;

use anyhow::{Context, Result};
use wijkbeeld_app::{App, DatabaseSetting, setup};
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};

pub(crate) async fn run(setting: &DatabaseSetting, areas: Option<&Path>, password: Option<String>) -> Result<()> {
    let areas = match areas {
        Some(path) => {
            std::fs::read_to_string(path).with_context(|| format!("cannot read the areas file {}", path.display()))?
        }
        None => HENGELO_AREAS_CSV.to_owned(),
    };
    let app = crate::open(setting).await?;
    let result = load(&app, &areas, password.as_deref()).await;
    app.close().await;
    result
}

/// Loads the demo (anchored on today, or on the day it was first loaded) as the system caller
/// `demo`, and prints what it created, with the demo accounts' passwords, which are shown only
/// now.
pub(crate) async fn load(app: &App, areas_csv: &str, password: Option<&str>) -> Result<()> {
    let caller = app.system("demo").await?;
    let loaded = setup::load_demo(app, &caller, areas_csv, password).await?;
    if loaded.total() == 0 {
        println!("The demo data (anchored on {}) is already in the database; nothing changed.", loaded.anchor);
        return Ok(());
    }
    let tables: Vec<String> = loaded.created.iter().map(|(table, count)| format!("{table} {count}")).collect();
    println!("Loaded the demo data, anchored on {}: {} rows ({}).", loaded.anchor, loaded.total(), tables.join(", "));
    println!("{}", demo::SYNTHETIC_NOTICE);
    if !loaded.accounts.is_empty() {
        println!("Demo accounts (the passwords are shown only now):");
        for account in &loaded.accounts {
            println!("  {:<28} {:<10} {}", account.email, account.role.code(), account.password);
        }
    }
    Ok(())
}
