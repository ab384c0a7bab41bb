//! Fresh databases for tests: a SQLite file in a temporary directory, or a new database on the
//! PostgreSQL server named by `WIJKBEELD_TEST_POSTGRES`. Each is removed when dropped, even when
//! the test panics.

use std::sync::atomic::{AtomicU64, Ordering};

use sqlx::Connection;

use crate::{DatabaseSetting, Store};

/// The variable naming a PostgreSQL server where tests may create databases.
pub const POSTGRES_VARIABLE: &str = "WIJKBEELD_TEST_POSTGRES";

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
    /// A new, empty database on `backend`, or `None` for PostgreSQL when no server is configured.
    ///
    /// # Panics
    /// When the database cannot be created: a test cannot go on without it.
    pub async fn create(backend: TestBackend) -> Option<TestDatabase> {
        match backend {
            TestBackend::Sqlite => {
                let directory = tempfile::tempdir().expect("a temporary directory for the test database");
                let setting = DatabaseSetting::Sqlite(directory.path().join("wijkbeeld.db"));
                Some(TestDatabase { setting, cleanup: Cleanup::Sqlite(directory) })
            }
            TestBackend::Postgres => {
                let server = std::env::var(POSTGRES_VARIABLE).ok().filter(|url| !url.trim().is_empty())?;
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
/// a note, when `WIJKBEELD_TEST_POSTGRES` is not set). The body gets the test database.
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
    use super::with_database;

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
