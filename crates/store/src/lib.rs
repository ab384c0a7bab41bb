//! wijkbeeld's storage: one [`Store`] over an embedded SQLite file or a PostgreSQL server,
//! migrations for both, and the queries of every use case. The only crate that writes SQL.
//!
//! Every query is written once, with `$1`-style parameters that both backends accept, and run
//! on whichever pool the store holds (see the `on_connection!` macro). Queries take a [`Tx`] so
//! that the caller decides what is atomic: one use case, one transaction.
//!
//! A database may hold several bodies (gemeenten). Every function that reads or writes one
//! body's data takes that body right after the transaction, and treats another body's record
//! as one that does not exist. Accounts, the audit log, rate limits, settings and row counts
//! are the installation's, not a body's, and take none.

pub mod accounts;
pub mod agenda;
pub mod attendance;
pub mod audit;
pub mod chair;
mod connect;
pub mod demo;
mod error;
pub mod mail;
pub mod market;
pub mod monitor;
pub mod outcome;
pub mod overview;
pub mod partners;
pub mod people;
pub mod privacy;
pub mod proposals;
pub mod rate_limits;
pub mod settings;
pub mod speaking;
pub mod statistics;
#[cfg(feature = "testing")]
pub mod testing;

use sqlx::migrate::Migrator;
use sqlx::{PgPool, Postgres, Sqlite, SqlitePool, Transaction};
use time::{OffsetDateTime, UtcOffset};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::people::Body;

pub use connect::DatabaseSetting;
pub use error::StoreError;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../../migrations/postgres");

/// Which database engine a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A pool of connections to wijkbeeld's database. Cheap to clone; clones share the pool.
#[derive(Clone, Debug)]
pub struct Store {
    pool: Pool,
    /// Where the database is, with any password hidden, for messages.
    location: String,
}

/// A database transaction. Dropping it without [`Tx::commit`] rolls it back.
pub enum Tx {
    /// On SQLite.
    Sqlite(Transaction<'static, Sqlite>),
    /// On PostgreSQL.
    Postgres(Transaction<'static, Postgres>),
}

/// Runs `$body` with `$connection` bound to the transaction's connection, whichever backend it
/// is on. The body is compiled once per backend, so the same query text and binds serve both.
macro_rules! on_connection {
    ($tx:expr, |$connection:ident| $body:expr) => {
        match $tx {
            $crate::Tx::Sqlite(transaction) => {
                let $connection: &mut sqlx::SqliteConnection = &mut *transaction;
                $body
            }
            $crate::Tx::Postgres(transaction) => {
                let $connection: &mut sqlx::PgConnection = &mut *transaction;
                $body
            }
        }
    };
}
pub(crate) use on_connection;

impl Store {
    /// Opens the database the setting names: creates a missing SQLite file (in WAL mode, with
    /// foreign keys on), or connects to PostgreSQL. Does not migrate; see [`Store::migrate`].
    pub async fn connect(setting: &DatabaseSetting) -> Result<Store, StoreError> {
        connect::connect(setting).await
    }

    /// The engine behind this store.
    pub fn backend(&self) -> Backend {
        match self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Where the database is, with any password hidden.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The newest schema version this build knows for the store's backend.
    pub fn schema_version(&self) -> i64 {
        self.migrator().iter().map(|migration| migration.version).max().unwrap_or(0)
    }

    fn migrator(&self) -> &'static Migrator {
        match self.pool {
            Pool::Sqlite(_) => &SQLITE_MIGRATIONS,
            Pool::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Brings the schema up to date. Refuses a database that a newer wijkbeeld has migrated
    /// further than this version knows, rather than run on a schema it does not understand.
    pub async fn migrate(&self) -> Result<MigrationReport, StoreError> {
        let migrator = self.migrator();
        let known_latest = self.schema_version();
        let applied_before = self.applied_migrations().await?;
        if let Some(newest) = applied_before.iter().copied().filter(|version| *version > known_latest).max() {
            return Err(StoreError::NewerSchema { database: newest, known: known_latest });
        }
        let result = match &self.pool {
            Pool::Sqlite(pool) => migrator.run(pool).await,
            Pool::Postgres(pool) => migrator.run(pool).await,
        };
        result.map_err(|error| StoreError::Migrate(error.to_string()))?;
        let applied_after = self.applied_migrations().await?;
        Ok(MigrationReport {
            applied: applied_after.len().saturating_sub(applied_before.len()),
            version: applied_after.iter().copied().max().unwrap_or(0),
        })
    }

    /// The versions of the migrations already applied; none on a new database.
    async fn applied_migrations(&self) -> Result<Vec<i64>, StoreError> {
        let exists_query = match self.pool {
            Pool::Sqlite(_) => "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            Pool::Postgres(_) => {
                "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename = '_sqlx_migrations'"
            }
        };
        let listing = "SELECT version FROM _sqlx_migrations WHERE success ORDER BY version";
        let mut tx = self.begin().await?;
        let versions = on_connection!(&mut tx, |connection| {
            let exists: i64 = sqlx::query_scalar(exists_query).fetch_one(&mut *connection).await?;
            if exists == 0 { Vec::new() } else { sqlx::query_scalar(listing).fetch_all(&mut *connection).await? }
        });
        Ok(versions)
    }

    /// Starts a transaction for reading (it may write too, but see [`Store::begin_write`]).
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so concurrent writers wait for each other, up to the busy timeout, instead of
    /// one failing when it upgrades its read lock halfway.
    pub async fn begin_write(&self) -> Result<Tx, StoreError> {
        Ok(match &self.pool {
            Pool::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Pool::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Checks that the database answers, for health checks.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        let answer: i64 = on_connection!(&mut tx, |connection| sqlx::query_scalar("SELECT CAST(1 AS BIGINT)")
            .fetch_one(&mut *connection)
            .await?);
        if answer == 1 { Ok(()) } else { Err(StoreError::Corrupt("SELECT 1 did not answer 1".into())) }
    }

    /// Refreshes the query planner's statistics where a large change made them stale: SQLite
    /// gathers them only when asked (PostgreSQL's autovacuum does so by itself).
    pub async fn optimize(&self) -> Result<(), StoreError> {
        if let Pool::Sqlite(pool) = &self.pool {
            sqlx::query("PRAGMA optimize").execute(pool).await?;
        }
        Ok(())
    }

    /// Closes every connection, waiting for those in use to be returned.
    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    /// Makes the transaction's changes permanent.
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Tx::Sqlite(transaction) => transaction.commit().await?,
            Tx::Postgres(transaction) => transaction.commit().await?,
        }
        Ok(())
    }
}

/// What [`Store::migrate`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MigrationReport {
    /// Migrations applied now.
    pub applied: usize,
    /// The schema version after migrating.
    pub version: i64,
}

/// A moment as stored: in UTC and to the second, so that SQLite's text form
/// (`2026-11-28T09:00:00Z`) has one width and sorts in time order.
pub(crate) fn stored_moment(moment: OffsetDateTime) -> OffsetDateTime {
    let utc = moment.to_offset(UtcOffset::UTC);
    utc.replace_nanosecond(0).unwrap_or(utc)
}

/// Reads a vocabulary code from storage; a code this version does not know is a corrupt row,
/// not a guess.
pub(crate) fn decode_code<T>(code: &str) -> Result<T, StoreError>
where
    T: std::str::FromStr<Err = wijkbeeld_domain::UnknownCode>,
{
    code.parse().map_err(|error: wijkbeeld_domain::UnknownCode| StoreError::Corrupt(error.to_string()))
}

/// A kind of record that belongs to one body and that other rows name by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owned {
    Person,
    Room,
    Area,
    Indicator,
    Programme,
    Partner,
    Evening,
    Party,
}

impl Owned {
    fn table(self) -> &'static str {
        match self {
            Owned::Person => "persons",
            Owned::Room => "rooms",
            Owned::Area => "areas",
            Owned::Indicator => "indicators",
            Owned::Programme => "programmes",
            Owned::Partner => "partners",
            Owned::Evening => "market_evenings",
            Owned::Party => "parties",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Owned::Person => "person",
            Owned::Room => "room",
            Owned::Area => "area",
            Owned::Indicator => "indicator",
            Owned::Programme => "programme",
            Owned::Partner => "partner",
            Owned::Evening => "market evening",
            Owned::Party => "party",
        }
    }
}

/// Ids per statement of [`require_owned`]: few enough binds for SQLite's limit.
const IDS_PER_CHECK: usize = 500;

/// Fails with [`StoreError::NotFound`] naming the first of `ids` that is not a `kind` of
/// `body`: another body's record is as absent as one that does not exist. Each distinct id is
/// asked once, so a caller with many rows passes the ids they name, not one per row.
pub(crate) fn require_owned<'t>(
    tx: &'t mut Tx,
    body: Id<Body>,
    kind: Owned,
    ids: impl IntoIterator<Item = i64>,
) -> impl Future<Output = Result<(), StoreError>> + Send + 't {
    // The ids are gathered before the future is made: a future that held the caller's iterator
    // (a closure over borrowed rows) would not be Send for every lifetime, and the web's
    // handlers must be.
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    async move { require_each_owned(tx, body, kind, &ids).await }
}

async fn require_each_owned(tx: &mut Tx, body: Id<Body>, kind: Owned, ids: &[i64]) -> Result<(), StoreError> {
    for chunk in ids.chunks(IDS_PER_CHECK) {
        let mut found: Vec<i64> = on_connection!(tx, |connection| {
            // The table name comes from the fixed list in `Owned`, never from input.
            let mut query = sqlx::QueryBuilder::new(format!("SELECT id FROM {} WHERE body_id = ", kind.table()));
            query.push_bind(body.get()).push(" AND id IN (");
            let mut list = query.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            query.push(")");
            query.build_query_scalar().fetch_all(&mut *connection).await?
        });
        if found.len() < chunk.len() {
            found.sort_unstable();
            let missing = chunk.iter().find(|id| found.binary_search(id).is_err()).copied().unwrap_or_default();
            return Err(StoreError::NotFound(format!("{} {missing}", kind.noun())));
        }
    }
    Ok(())
}
