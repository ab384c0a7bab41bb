//! wijkbeeld's use cases: what the HTML pages, the JSON API, the command line and background
//! tasks share. Each use case takes the [`App`] (the database, the clock, what is kept in
//! memory) and a [`Caller`] (who asks, for which municipality, at what moment), checks its own
//! rule against the domain's permission table, and writes through one audited write
//! ([`audit::Write`]), so that no change reaches the database without its audit entry.
//!
//! This crate knows no HTTP: the web crate turns requests into calls here and the answers into
//! pages, the command line turns arguments into calls and the answers into lines.

pub mod accounts;
pub mod audit;
pub mod caller;
pub mod chair;
pub mod council;
pub mod home;
pub mod mail;
pub mod market;
pub mod monitor;
pub mod outcome;
pub mod privacy;
pub mod proposals;
pub mod secrets;
pub mod sessions;
pub mod setup;
pub mod speaking;

use std::sync::Arc;

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::area::AreaCode;
use wijkbeeld_domain::people::Body;
use wijkbeeld_store::people;

pub use caller::{Account, Caller, Denied, NoMunicipality, Who};
pub use wijkbeeld_store::{Backend, DatabaseSetting, Store, StoreError};

/// Where the application reads the time from: the system clock, or a fixed moment in tests.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The system clock.
    System,
    /// Always this moment.
    Fixed(OffsetDateTime),
}

impl Clock {
    /// The current moment.
    pub fn now(&self) -> OffsetDateTime {
        match self {
            Clock::System => OffsetDateTime::now_utc(),
            Clock::Fixed(moment) => *moment,
        }
    }

    /// Today in the Netherlands.
    pub fn today(&self) -> Date {
        wijkbeeld_domain::local_time::in_dutch_time(self.now()).date()
    }
}

/// Which municipality (body) a deployment serves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum BodyChoice {
    /// The one body in the database; with several, a deployment must name one.
    #[default]
    Sole,
    /// The body with this CBS code (GM0164).
    Code(AreaCode),
}

/// The application: the database, the clock, and what use cases keep in memory between calls.
/// Cheap to clone; clones share everything.
#[derive(Clone, Debug)]
pub struct App {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    store: Store,
    clock: Clock,
    body: BodyChoice,
    index_cache: monitor::IndexCache,
}

impl App {
    /// The application over a store, reading the time from `clock`, serving the database's
    /// one body.
    pub fn new(store: Store, clock: Clock) -> App {
        App::for_body(store, clock, BodyChoice::Sole)
    }

    /// The application serving the body `body`.
    pub fn for_body(store: Store, clock: Clock, body: BodyChoice) -> App {
        App { inner: Arc::new(Inner { store, clock, body, index_cache: monitor::IndexCache::default() }) }
    }

    /// Opens the database a setting names and brings its schema up to date, as every command
    /// and the server do before anything else.
    pub async fn open(setting: &DatabaseSetting, clock: Clock, body: BodyChoice) -> Result<App, StoreError> {
        let store = Store::connect(setting).await?;
        if let Err(error) = store.migrate().await {
            store.close().await;
            return Err(error);
        }
        Ok(App::for_body(store, clock, body))
    }

    /// The database. Only this crate queries it; the crates above hand it on (to tests, to
    /// close it).
    pub fn store(&self) -> &Store {
        &self.inner.store
    }

    /// The clock.
    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    /// What the monitor keeps in memory per data version.
    pub(crate) fn index_cache(&self) -> &monitor::IndexCache {
        &self.inner.index_cache
    }

    /// The caller `who`, now, acting for the deployment's body (none yet on an empty database).
    pub async fn caller(&self, who: Who) -> Result<Caller, StoreError> {
        let body = self.body().await?;
        Ok(Caller::new(who, body, self.clock().now()))
    }

    /// The command line or a background task, now, acting for the deployment's body.
    pub async fn system(&self, name: &'static str) -> Result<Caller, StoreError> {
        self.caller(Who::System(name)).await
    }

    /// The body this deployment serves: the one named, or the database's only one. Read on every
    /// call (the table is a row or two): the demo or an import may create it while a server runs.
    async fn body(&self) -> Result<Option<Body>, StoreError> {
        let mut tx = self.store().begin().await?;
        let body = match &self.inner.body {
            BodyChoice::Code(code) => people::body_by_code(&mut tx, code).await?,
            BodyChoice::Sole => {
                let mut bodies = people::bodies(&mut tx).await?;
                if bodies.len() > 1 {
                    return Err(StoreError::Setting(format!(
                        "the database holds {} municipalities and this deployment names none of them",
                        bodies.len()
                    )));
                }
                bodies.pop()
            }
        };
        tx.commit().await?;
        Ok(body)
    }

    /// Closes every connection, waiting for those in use to be returned.
    pub async fn close(&self) {
        self.store().close().await;
    }
}
