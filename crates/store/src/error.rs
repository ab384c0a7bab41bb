//! The store's one error type. Callers match on the variants they handle (a missing row, a
//! uniqueness conflict) and report the rest; `Display` is a single line fit for a terminal.

/// Why a storage operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database setting cannot be understood.
    #[error("invalid database setting: {0}")]
    Setting(String),
    /// The database cannot be opened or reached.
    #[error("cannot open the database at {location}: {reason}")]
    Connect {
        /// Where, password hidden.
        location: String,
        /// Why, in one line.
        reason: String,
    },
    /// A newer wijkbeeld has migrated this database beyond what this version knows.
    #[error(
        "the database was created by a newer version of wijkbeeld (schema version {database}; this version knows up to {known}); upgrade wijkbeeld to use it"
    )]
    NewerSchema {
        /// The newest migration applied to the database.
        database: i64,
        /// The newest migration this version has.
        known: i64,
    },
    /// Migrating failed.
    #[error("migrating the database failed: {0}")]
    Migrate(String),
    /// The requested row does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// A row conflicts with one that exists (a unique key).
    #[error("conflicts with an existing record ({constraint})")]
    Conflict {
        /// The constraint or key violated, as the database names it.
        constraint: String,
    },
    /// A stored value cannot be read as what it should be.
    #[error("stored data cannot be read: {0}")]
    Corrupt(String),
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::RowNotFound => StoreError::NotFound("no such row".into()),
            sqlx::Error::Database(database) if database.is_unique_violation() => StoreError::Conflict {
                constraint: database.constraint().map_or_else(|| database.message().to_owned(), ToOwned::to_owned),
            },
            sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => StoreError::Corrupt(error.to_string()),
            _ => StoreError::Database(error),
        }
    }
}
