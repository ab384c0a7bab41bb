//! The audit log: the one way a use case writes ([`App::write`] → [`Write::commit`], which will
//! not commit without its [`Entry`]), the one builder for every entry, and reading the log (the
//! griffie and administrators).

use wijkbeeld_domain::access::{AuditEntry, Permission};
pub use wijkbeeld_store::audit::AuditFilter;
use wijkbeeld_store::audit::{self as stored, Change};
use wijkbeeld_store::{StoreError, Tx};

use crate::{App, Caller, Denied};

/// Every action the log records, and the kinds of record they change: the audit page shows
/// each in words, and a test checks each has its message in both languages. [`Entry::new`]
/// refuses (in debug builds, so in every test) an action or kind missing here.
pub const ACTIONS: &[&str] = &[
    "proposal.create",
    "proposal.import",
    "proposal.import_update",
    "proposal.edit",
    "proposal.state",
    "proposal.attachment.add",
    "proposal.attachment.remove",
    "market.create",
    "market.edit",
    "market.publish",
    "market.unpublish",
    "market.plan",
    "market.staff",
    "market.absence",
    "session.move",
    "session.speaking",
    "speaker.register",
    "speaker.change",
    "speaker.cancel",
    "planner.weights",
    "indicator.create",
    "indicator.update",
    "indicator.settle",
    "outcome.record",
    "target.create",
    "target.update",
    "target.delete",
    "cbs_mapping.set",
    "cbs_mapping.delete",
    "measurements.import",
    "areas.import",
    "areas.boundaries",
    "user.create",
    "user.role",
    "user.password",
    "api_token.create",
    "api_token.revoke",
    "mail.test",
    "demo.load",
    "privacy.purge",
    "speaker.move",
    "speaker.walk_in",
    "speaker.start",
    "speaker.stop",
    "attendance.mark",
    "attendance.unmark",
];

/// The kinds of record the log's entries are about (see [`ACTIONS`]).
pub const ENTITIES: &[&str] = &[
    "proposal",
    "market_evening",
    "session",
    "indicator",
    "target",
    "cbs_mapping",
    "measurements",
    "area",
    "user",
    "api_token",
    "setting",
    "mail",
    "demo",
    "speaker_registration",
];

/// What a change writes in the audit log: what was done (`proposal.state`), to which kind of
/// record and which one, from which state to which, and details as JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    action: &'static str,
    entity: &'static str,
    entity_id: Option<i64>,
    from_state: Option<String>,
    to_state: Option<String>,
    details: Option<serde_json::Value>,
}

impl Entry {
    /// A change of kind `action` (e.g. `proposal.create`) to a record of kind `entity`.
    pub fn new(action: &'static str, entity: &'static str) -> Entry {
        debug_assert!(ACTIONS.contains(&action), "audit action {action} is missing from audit::ACTIONS");
        debug_assert!(ENTITIES.contains(&entity), "audit entity {entity} is missing from audit::ENTITIES");
        Entry { action, entity, entity_id: None, from_state: None, to_state: None, details: None }
    }

    /// The record changed.
    pub fn on(mut self, id: i64) -> Entry {
        self.entity_id = Some(id);
        self
    }

    /// The state before the change.
    pub fn from_state(mut self, state: impl Into<String>) -> Entry {
        self.from_state = Some(state.into());
        self
    }

    /// The state after the change.
    pub fn to_state(mut self, state: impl Into<String>) -> Entry {
        self.to_state = Some(state.into());
        self
    }

    /// Further detail.
    pub fn details(mut self, details: serde_json::Value) -> Entry {
        self.details = Some(details);
        self
    }

    /// The action, for tests and logs.
    pub fn action(&self) -> &'static str {
        self.action
    }
}

/// A write transaction under way for one caller. Its changes become permanent only through
/// [`Write::commit`], which writes the audit entry in the same transaction; dropped, it rolls
/// back.
pub struct Write<'c> {
    tx: Tx,
    caller: &'c Caller,
}

impl Write<'_> {
    /// The transaction, for the store's queries.
    pub(crate) fn tx(&mut self) -> &mut Tx {
        &mut self.tx
    }

    /// Who writes, and at what moment.
    pub(crate) fn caller(&self) -> &Caller {
        self.caller
    }

    /// Writes `entry` for the caller at the caller's moment, and commits.
    pub(crate) async fn commit(mut self, entry: Entry) -> Result<(), StoreError> {
        let change = Change {
            user_id: self.caller.user_id().map(wijkbeeld_domain::Id::get),
            actor: &self.caller.actor_name(),
            action: entry.action,
            entity: entry.entity,
            entity_id: entry.entity_id,
            from_state: entry.from_state.as_deref(),
            to_state: entry.to_state.as_deref(),
            details: entry.details.map(|details| details.to_string()),
        };
        stored::record(&mut self.tx, self.caller.now(), &change).await?;
        self.tx.commit().await
    }
}

impl App {
    /// Opens a write transaction for `caller` (on SQLite it takes the write lock at once, so
    /// that concurrent writers queue instead of failing halfway).
    pub(crate) async fn write<'c>(&self, caller: &'c Caller) -> Result<Write<'c>, StoreError> {
        Ok(Write { tx: self.store().begin_write().await?, caller })
    }

    /// Opens a write transaction for bookkeeping that is no change of content and so not
    /// audited: sessions, a token's last use, rate-limit counters.
    pub(crate) async fn bookkeeping(&self) -> Result<Tx, StoreError> {
        self.store().begin_write().await
    }
}

/// Why the audit log cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    /// The role may not read it.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One page of the audit log.
#[derive(Debug, Clone)]
pub struct LogPage {
    /// How many entries match the filter.
    pub total: i64,
    /// The entries of the page, newest first.
    pub entries: Vec<AuditEntry>,
    /// The kinds of record the log has entries for, for the filter's choices.
    pub entities: Vec<String>,
}

/// The entries that match `filter`, `per_page` of them on page `page` (from 1).
pub async fn page(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    page: i64,
    per_page: i64,
) -> Result<LogPage, AuditError> {
    caller.require(Permission::ReadAudit)?;
    let mut tx = app.store().begin().await?;
    let total = stored::count(&mut tx, filter).await?;
    let entries = stored::list(&mut tx, filter, per_page, (page.max(1) - 1) * per_page).await?;
    let entities = stored::entities(&mut tx).await?;
    tx.commit().await?;
    Ok(LogPage { total, entries, entities })
}

/// Every entry that matches `filter`, newest first, handed to `each` in batches so that an
/// export of a long log does not hold it in memory twice.
pub async fn export<E: From<AuditError>>(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    mut each: impl FnMut(&AuditEntry) -> Result<(), E>,
) -> Result<(), E> {
    const BATCH: i64 = 1_000;
    caller.require(Permission::ReadAudit).map_err(AuditError::from)?;
    let mut tx = app.store().begin().await.map_err(AuditError::from)?;
    let mut offset = 0;
    loop {
        let entries = stored::list(&mut tx, filter, BATCH, offset).await.map_err(AuditError::from)?;
        for entry in &entries {
            each(entry)?;
        }
        if (entries.len() as i64) < BATCH {
            break;
        }
        offset += BATCH;
    }
    tx.commit().await.map_err(AuditError::from)?;
    Ok(())
}
