//! Reading the database setting and opening a pool on it.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{ConnectOptions, Connection};

use crate::{Pool, Store, StoreError};

/// Where the database is: the value of `--database` / `WIJKBEELD_DATABASE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseSetting {
    /// A SQLite file, created when missing. Given as a path, or as `sqlite:PATH`.
    Sqlite(PathBuf),
    /// A PostgreSQL server, given as a `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl FromStr for DatabaseSetting {
    type Err = StoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            return Ok(DatabaseSetting::Postgres(text.to_owned()));
        }
        let path = text.strip_prefix("sqlite://").or_else(|| text.strip_prefix("sqlite:")).unwrap_or(text);
        if path.is_empty() || path.contains("://") || path.contains(":memory:") {
            return Err(StoreError::Setting(format!(
                "'{text}' is neither a SQLite file path nor a postgres:// URL (an in-memory database would lose everything on exit)"
            )));
        }
        Ok(DatabaseSetting::Sqlite(PathBuf::from(path)))
    }
}

impl DatabaseSetting {
    /// The setting for messages, with any password replaced by `***`.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseSetting::Sqlite(path) => path.display().to_string(),
            DatabaseSetting::Postgres(url) => redact_password(url),
        }
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let (authority, tail) = rest.split_once('/').map_or((rest, None), |(authority, tail)| (authority, Some(tail)));
    let authority = match authority.rsplit_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _password)) => format!("{user}:***@{host}"),
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    match tail {
        Some(tail) => format!("{scheme}://{authority}/{tail}"),
        None => format!("{scheme}://{authority}"),
    }
}

pub(crate) async fn connect(setting: &DatabaseSetting) -> Result<Store, StoreError> {
    let location = setting.redacted();
    let pool = match setting {
        DatabaseSetting::Sqlite(path) => {
            let options = SqliteConnectOptions::new()
                .filename(path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(5))
                // Up to 64 MiB of pages per connection (the default is 2 MiB): an import of a
                // million measurements otherwise spills its B-tree pages to the WAL mid-transaction
                // and reads them back, which cost it a sixth of its time. Pages are allocated only
                // as they are used.
                .pragma("cache_size", "-65536")
                // Statement journals (each multi-row upsert keeps one, to undo itself alone)
                // and temporary tables in memory rather than in temporary files.
                .pragma("temp_store", "memory")
                // The worker thread runs ahead by up to this many rows (the default is 50):
                // a wijk's profile reads a few thousand, and each time the worker waits for the
                // page to take rows costs a pair of thread switches.
                .row_buffer_size(1024)
                // Statistics for the query planner, gathered (on a sample) where missing or
                // stale: without them SQLite reads a wijk's figures through the area index and
                // then seeks every row again by its key, three times slower than by the key alone.
                .pragma("optimize", "0x10002");
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(|error| StoreError::Connect { location: location.clone(), reason: reason(&error) })?;
            Pool::Sqlite(pool)
        }
        DatabaseSetting::Postgres(url) => {
            let options = PgConnectOptions::from_str(url)
                .map_err(|error| StoreError::Connect { location: location.clone(), reason: reason(&error) })?
                .application_name("wijkbeeld");
            // One plain connection first: the pool would retry until its timeout and then
            // report only that, hiding the cause (refused, unknown host, wrong password).
            let probe = options
                .connect()
                .await
                .map_err(|error| StoreError::Connect { location: location.clone(), reason: reason(&error) })?;
            probe.close().await.ok();
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await
                .map_err(|error| StoreError::Connect { location: location.clone(), reason: reason(&error) })?;
            Pool::Postgres(pool)
        }
    };
    Ok(Store { pool, location })
}

/// The cause of a connection failure in one line, without sqlx's wrapping.
fn reason(error: &sqlx::Error) -> String {
    match error {
        sqlx::Error::Database(database) => database.message().to_owned(),
        sqlx::Error::Io(io) => io.to_string(),
        sqlx::Error::Configuration(configuration) => configuration.to_string(),
        sqlx::Error::PoolTimedOut => "no connection within 10 seconds".to_owned(),
        other => other.to_string(),
    }
    .replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(text: &str) -> DatabaseSetting {
        text.parse().unwrap()
    }

    #[test]
    fn paths_and_urls_choose_the_backend() {
        assert_eq!(setting("./wijkbeeld.db"), DatabaseSetting::Sqlite("./wijkbeeld.db".into()));
        assert_eq!(setting("sqlite:data/w.db"), DatabaseSetting::Sqlite("data/w.db".into()));
        assert_eq!(setting("sqlite:///tmp/w.db"), DatabaseSetting::Sqlite("/tmp/w.db".into()));
        assert_eq!(
            setting("postgres://wijkbeeld@db/wijkbeeld"),
            DatabaseSetting::Postgres("postgres://wijkbeeld@db/wijkbeeld".into())
        );
        assert!("".parse::<DatabaseSetting>().is_err());
        assert!("mysql://localhost/x".parse::<DatabaseSetting>().is_err());
        assert!("sqlite::memory:".parse::<DatabaseSetting>().is_err());
    }

    #[test]
    fn passwords_never_reach_messages() {
        let secret = setting("postgres://wijkbeeld:geheim@db:5432/wijkbeeld?sslmode=require");
        assert_eq!(secret.redacted(), "postgres://wijkbeeld:***@db:5432/wijkbeeld?sslmode=require");
        let plain = setting("postgres://postgres@127.0.0.1:5432/postgres");
        assert_eq!(plain.redacted(), "postgres://postgres@127.0.0.1:5432/postgres");
    }
}
