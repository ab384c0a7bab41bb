//! Fresh databases for tests: a SQLite file in a temporary directory, or a new database on the
//! PostgreSQL server named by `WIJKBEELD_TEST_POSTGRES`. Each is removed when dropped, even when
//! the test panics. Without that variable the PostgreSQL half of a test is skipped, except in CI
//! (`CI=true`), where it fails: there every test must run on both backends.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::Connection;

use crate::{DatabaseSetting, Store, StoreError, Tx};

/// The variable naming a PostgreSQL server where tests may create databases.
pub const POSTGRES_VARIABLE: &str = "WIJKBEELD_TEST_POSTGRES";

/// The variable CI services set (to `true`) on their machines.
pub const CI_VARIABLE: &str = "CI";

/// What the PostgreSQL half of a test does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PostgresChoice {
    /// Run on the server at this URL.
    Run(String),
    /// Skip, with a note: no server is named, and this is not CI.
    Skip,
    /// Fail: this is CI, which must run the PostgreSQL half, and no server is named.
    Refuse,
}

/// Decides from the values of `CI` and `WIJKBEELD_TEST_POSTGRES` (`None` when unset) whether
/// tests run on PostgreSQL. `CI` counts when it is `true` (in any case) or `1`; a blank URL is
/// no URL.
pub fn postgres_choice(ci: Option<&str>, server: Option<&str>) -> PostgresChoice {
    let in_ci = ci.map(str::trim).is_some_and(|value| value.eq_ignore_ascii_case("true") || value == "1");
    match server.map(str::trim).filter(|url| !url.is_empty()) {
        Some(url) => PostgresChoice::Run(url.to_owned()),
        None if in_ci => PostgresChoice::Refuse,
        None => PostgresChoice::Skip,
    }
}

/// A database that exists for one test.
pub struct TestDatabase {
    /// The setting that opens it, e.g. to pass to the `wijkbeeld` binary.
    pub setting: DatabaseSetting,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { server: String, name: String },
}

/// The backends tests run on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    /// SQLite: always.
    Sqlite,
    /// PostgreSQL: when `WIJKBEELD_TEST_POSTGRES` is set.
    Postgres,
}

impl TestDatabase {
    /// A new, empty database on `backend`, or `None` for PostgreSQL when no server is configured
    /// (see [`postgres_choice`]).
    ///
    /// # Panics
    /// When the database cannot be created: a test cannot go on without it. In CI, also when no
    /// PostgreSQL server is configured, so that a missing variable cannot pass for a green run.
    pub async fn create(backend: TestBackend) -> Option<TestDatabase> {
        match backend {
            TestBackend::Sqlite => {
                let directory = tempfile::tempdir().expect("a temporary directory for the test database");
                let setting = DatabaseSetting::Sqlite(directory.path().join("wijkbeeld.db"));
                Some(TestDatabase { setting, cleanup: Cleanup::Sqlite(directory) })
            }
            TestBackend::Postgres => {
                let ci = std::env::var(CI_VARIABLE).ok();
                let server = std::env::var(POSTGRES_VARIABLE).ok();
                let server = match postgres_choice(ci.as_deref(), server.as_deref()) {
                    PostgresChoice::Run(server) => server,
                    PostgresChoice::Skip => return None,
                    PostgresChoice::Refuse => panic!(
                        "{CI_VARIABLE} is true but {POSTGRES_VARIABLE} is not set: CI needs it, so that every test \
                         runs on PostgreSQL as well as SQLite; set it to a server where tests may create \
                         databases, e.g. postgres://postgres@127.0.0.1:5432/postgres"
                    ),
                };
                static COUNTER: AtomicU64 = AtomicU64::new(0);
                let nanos = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |elapsed| elapsed.subsec_nanos());
                let name = format!(
                    "wijkbeeld_test_{}_{}_{nanos}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed)
                );
                let mut admin = sqlx::PgConnection::connect(&server).await.unwrap_or_else(|error| {
                    panic!("{POSTGRES_VARIABLE} is set but its server cannot be reached: {error}")
                });
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut admin)
                    .await
                    .expect("a test database on the PostgreSQL server");
                admin.close().await.ok();
                let setting = DatabaseSetting::Postgres(with_database(&server, &name));
                Some(TestDatabase { setting, cleanup: Cleanup::Postgres { server, name } })
            }
        }
    }

    /// The setting as given on the command line (`--database`), password included.
    pub fn argument(&self) -> String {
        match &self.setting {
            DatabaseSetting::Sqlite(path) => path.display().to_string(),
            DatabaseSetting::Postgres(url) => url.clone(),
        }
    }

    /// Opens the database and migrates it.
    ///
    /// # Panics
    /// When it cannot be opened or migrated.
    pub async fn open(&self) -> Store {
        let store = Store::connect(&self.setting).await.expect("the test database opens");
        store.migrate().await.expect("the test database migrates");
        store
    }
}

/// The schema version [`record_future_migration`] records.
pub const FUTURE_MIGRATION: i64 = 20_991_231_000_000;

/// Records a migration this version does not know, as a newer wijkbeeld would have applied it.
///
/// # Panics
/// When the database refuses the row.
pub async fn record_future_migration(store: &Store) {
    let mut tx = store.begin().await.expect("a transaction");
    crate::on_connection!(&mut tx, |connection| {
        sqlx::query(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
             VALUES ($1, 'from a newer wijkbeeld', TRUE, $2, 1)",
        )
        .bind(FUTURE_MIGRATION)
        .bind(vec![0_u8; 48])
        .execute(&mut *connection)
        .await
        .expect("the migration row is recorded");
    });
    tx.commit().await.expect("the migration row is committed");
}

/// Gives a proposal another subject, e.g. a script to check that pages escape it. (Editing
/// proposals properly is the proposals module's work; tests need only this.)
///
/// # Panics
/// When no proposal has the case number.
pub async fn rename_proposal(store: &Store, case_number: &str, subject: &str) {
    let mut tx = store.begin_write().await.expect("a transaction");
    let changed = crate::on_connection!(&mut tx, |connection| {
        sqlx::query("UPDATE proposals SET subject = $1 WHERE case_number = $2")
            .bind(subject)
            .bind(case_number)
            .execute(&mut *connection)
            .await
            .expect("the proposal is renamed")
            .rows_affected()
    });
    assert_eq!(changed, 1, "no proposal with case number {case_number}");
    tx.commit().await.expect("the rename is committed");
}

/// A table as the database's catalog describes it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableShape {
    /// Each column by name, with whether it is NOT NULL. Primary-key columns count as NOT NULL
    /// on both backends (SQLite reports an `INTEGER PRIMARY KEY` as nullable, though it is not).
    pub columns: BTreeMap<String, bool>,
    /// The primary key's columns, in key order; empty when the table has none.
    pub primary_key: Vec<String>,
}

/// The tables of the store's database by name, with their columns and primary keys, as its
/// catalog has them (SQLite's `sqlite_master` and `pragma_table_info`, PostgreSQL's
/// `information_schema` in the current schema). sqlx's `_sqlx_migrations` and SQLite's own
/// tables are left out: the comparison is of wijkbeeld's migrations.
pub async fn schema(store: &Store) -> Result<BTreeMap<String, TableShape>, StoreError> {
    let mut tables: BTreeMap<String, TableShape> = BTreeMap::new();
    let mut tx = store.begin().await?;
    match &mut tx {
        Tx::Sqlite(connection) => {
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' \
                 AND name <> '_sqlx_migrations' ORDER BY name",
            )
            .fetch_all(&mut **connection)
            .await?;
            for name in names {
                let columns: Vec<(String, i64, i64)> =
                    sqlx::query_as("SELECT name, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid")
                        .bind(&name)
                        .fetch_all(&mut **connection)
                        .await?;
                let mut key: Vec<(i64, String)> = Vec::new();
                let shape = tables.entry(name).or_default();
                for (column, not_null, key_position) in columns {
                    shape.columns.insert(column.clone(), not_null != 0 || key_position > 0);
                    if key_position > 0 {
                        key.push((key_position, column));
                    }
                }
                key.sort();
                shape.primary_key = key.into_iter().map(|(_, column)| column).collect();
            }
        }
        Tx::Postgres(connection) => {
            let names: Vec<String> = sqlx::query_scalar(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
                 AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations'",
            )
            .fetch_all(&mut **connection)
            .await?;
            for name in names {
                tables.entry(name).or_default();
            }
            let columns: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
            )
            .fetch_all(&mut **connection)
            .await?;
            for (table, column, nullable) in columns {
                if let Some(shape) = tables.get_mut(&table) {
                    shape.columns.insert(column, nullable == "NO");
                }
            }
            let keys: Vec<(String, String)> = sqlx::query_as(
                "SELECT k.table_name::text, k.column_name::text FROM information_schema.table_constraints c \
                 JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema \
                  AND k.constraint_name = c.constraint_name AND k.table_name = c.table_name \
                 WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema() \
                 ORDER BY k.table_name, k.ordinal_position",
            )
            .fetch_all(&mut **connection)
            .await?;
            for (table, column) in keys {
                if let Some(shape) = tables.get_mut(&table) {
                    // PostgreSQL makes key columns NOT NULL itself; said here for symmetry.
                    shape.columns.insert(column.clone(), true);
                    shape.primary_key.push(column);
                }
            }
        }
    }
    Ok(tables)
}

/// The URL with its database name replaced.
fn with_database(server: &str, name: &str) -> String {
    let (base, query) = server.split_once('?').map_or((server, None), |(base, query)| (base, Some(query)));
    let authority_end = base.find("://").map_or(0, |at| at + 3);
    let base = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { server, name } = &self.cleanup {
            let (server, name) = (server.clone(), name.clone());
            // Drop runs inside the test's runtime, which cannot be blocked on; a thread with its
            // own runtime removes the database, forcing out connections the test left open.
            let removal = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().ok()?;
                runtime.block_on(async {
                    let mut admin = sqlx::PgConnection::connect(&server).await.ok()?;
                    sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                        .execute(&mut admin)
                        .await
                        .ok()
                })
            });
            let _ = removal.join();
        }
    }
}

/// Declares a test that runs once on SQLite and once on PostgreSQL (the latter is skipped, with
/// a note, when `WIJKBEELD_TEST_POSTGRES` is not set, and fails instead in CI; see
/// [`postgres_choice`]). The body gets the test database.
#[macro_export]
macro_rules! backend_test {
    ($(#[$meta:meta])* async fn $name:ident($database:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($database: &$crate::testing::TestDatabase) $body

            #[tokio::test]
            async fn sqlite() {
                let database = $crate::testing::TestDatabase::create($crate::testing::TestBackend::Sqlite)
                    .await
                    .expect("SQLite is always available");
                run(&database).await;
            }

            #[tokio::test]
            async fn postgres() {
                match $crate::testing::TestDatabase::create($crate::testing::TestBackend::Postgres).await {
                    Some(database) => run(&database).await,
                    None => eprintln!("skipped: {} is not set", $crate::testing::POSTGRES_VARIABLE),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{PostgresChoice, postgres_choice, with_database};

    #[test]
    fn ci_without_a_postgres_server_is_refused_and_elsewhere_skipped() {
        let url = "postgres://postgres@127.0.0.1:5432/postgres";
        let run = || PostgresChoice::Run(url.to_owned());
        assert_eq!(postgres_choice(None, None), PostgresChoice::Skip);
        assert_eq!(postgres_choice(None, Some("  ")), PostgresChoice::Skip);
        assert_eq!(postgres_choice(Some("false"), None), PostgresChoice::Skip);
        assert_eq!(postgres_choice(Some(""), None), PostgresChoice::Skip);
        assert_eq!(postgres_choice(Some("true"), None), PostgresChoice::Refuse);
        assert_eq!(postgres_choice(Some("TRUE"), Some("")), PostgresChoice::Refuse);
        assert_eq!(postgres_choice(Some("1"), None), PostgresChoice::Refuse);
        assert_eq!(postgres_choice(Some("true"), Some(url)), run());
        assert_eq!(postgres_choice(None, Some(url)), run());
        assert_eq!(postgres_choice(Some("false"), Some(&format!(" {url} "))), run());
    }

    #[test]
    fn the_database_name_is_replaced() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(with_database("postgres://h", "t1"), "postgres://h/t1");
        assert_eq!(with_database("postgres://u:p@h/db?sslmode=disable", "t1"), "postgres://u:p@h/t1?sslmode=disable");
    }
}

/// Every session with the date of its evening, by date and id.
///
/// # Panics
/// When the database cannot be read.
pub async fn sessions_by_date(store: &Store) -> Vec<(time::Date, i64)> {
    let mut tx = store.begin().await.expect("a transaction");
    let rows: Vec<(time::Date, i64)> = crate::on_connection!(&mut tx, |connection| {
        sqlx::query_as(
            "SELECT e.date, s.id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id ORDER BY e.date, s.id",
        )
        .fetch_all(&mut *connection)
        .await
        .expect("the sessions are read")
    });
    rows
}

/// Adds a confirmed registration to speak in the session with these contact details, for tests of
/// what is done with them (registering properly is the speaking module's work).
///
/// # Panics
/// When the row cannot be written.
pub async fn add_speaker(store: &Store, session_id: i64, name: &str, email: Option<&str>, phone: Option<&str>) {
    let mut tx = store.begin_write().await.expect("a transaction");
    crate::on_connection!(&mut tx, |connection| {
        sqlx::query(
            "INSERT INTO speaker_registrations (session_id, name, email, phone, topic, publish_name, status, registered_at) \
             VALUES ($1, $2, $3, $4, 'Test', $5, 'bevestigd', $6)",
        )
        .bind(session_id)
        .bind(name)
        .bind(email)
        .bind(phone)
        .bind(true)
        .bind(time::OffsetDateTime::UNIX_EPOCH)
        .execute(&mut *connection)
        .await
        .expect("the registration is written")
        .rows_affected()
    });
    tx.commit().await.expect("the registration is committed");
}

/// A registration to speak as the privacy tests look at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerContact {
    /// The session spoken in.
    pub session_id: i64,
    /// The speaker's name.
    pub name: String,
    /// The e-mail address, until erased.
    pub email: Option<String>,
    /// The phone number, until erased.
    pub phone: Option<String>,
    /// Whether the contact details were erased.
    pub erased: bool,
}

/// Each registration to speak, by id.
///
/// # Panics
/// When the database cannot be read.
pub async fn speaker_contacts(store: &Store) -> Vec<SpeakerContact> {
    let mut tx = store.begin().await.expect("a transaction");
    // session, name, e-mail, phone, when erased
    type Row = (i64, String, Option<String>, Option<String>, Option<time::OffsetDateTime>);
    let rows: Vec<Row> = crate::on_connection!(&mut tx, |connection| {
        sqlx::query_as(
            "SELECT session_id, name, email, phone, contact_erased_at FROM speaker_registrations ORDER BY id",
        )
        .fetch_all(&mut *connection)
        .await
        .expect("the registrations are read")
    });
    rows.into_iter()
        .map(|(session_id, name, email, phone, erased)| SpeakerContact {
            session_id,
            name,
            email,
            phone,
            erased: erased.is_some(),
        })
        .collect()
}
