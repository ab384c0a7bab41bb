//! The two schemas stay one: a fresh SQLite and a fresh PostgreSQL database (when
//! `WIJKBEELD_TEST_POSTGRES` is set; in CI it must be), both migrated, have the same tables, the
//! same columns with the same nullability, and the same primary keys; and the row counts'
//! `statistics::TABLES` names exactly the tables the migrations create.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::collections::{BTreeMap, BTreeSet};

use wijkbeeld_store::statistics;
use wijkbeeld_store::testing::{self, TableShape, TestBackend, TestDatabase};

type Schema = BTreeMap<String, TableShape>;

/// Every way the two schemas differ, one line each, naming the table, the column and what each
/// backend has.
fn drift(sqlite: &Schema, postgres: &Schema) -> Vec<String> {
    let mut differences = Vec::new();
    let names: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    for table in names {
        let (lite, pg) = match (sqlite.get(table), postgres.get(table)) {
            (Some(lite), Some(pg)) => (lite, pg),
            (Some(_), None) => {
                differences.push(format!("table {table}: only on SQLite"));
                continue;
            }
            (None, _) => {
                differences.push(format!("table {table}: only on PostgreSQL"));
                continue;
            }
        };
        let columns: BTreeSet<&String> = lite.columns.keys().chain(pg.columns.keys()).collect();
        for column in columns {
            match (lite.columns.get(column), pg.columns.get(column)) {
                (Some(lite_not_null), Some(pg_not_null)) if lite_not_null != pg_not_null => {
                    let say = |not_null: bool| if not_null { "NOT NULL" } else { "nullable" };
                    differences.push(format!(
                        "table {table}, column {column}: {} on SQLite, {} on PostgreSQL",
                        say(*lite_not_null),
                        say(*pg_not_null)
                    ));
                }
                (Some(_), None) => differences.push(format!("table {table}, column {column}: only on SQLite")),
                (None, Some(_)) => differences.push(format!("table {table}, column {column}: only on PostgreSQL")),
                _ => {}
            }
        }
        if lite.primary_key != pg.primary_key {
            differences.push(format!(
                "table {table}: primary key ({}) on SQLite, ({}) on PostgreSQL",
                lite.primary_key.join(", "),
                pg.primary_key.join(", ")
            ));
        }
    }
    differences
}

/// Every way `statistics::TABLES` differs from the tables a backend's migrations create.
fn uncounted(schema: &Schema, backend: &str) -> Vec<String> {
    let mut differences = Vec::new();
    let listed: BTreeSet<&str> = statistics::TABLES.iter().copied().collect();
    if listed.len() != statistics::TABLES.len() {
        differences.push("statistics::TABLES names a table twice".to_owned());
    }
    for table in schema.keys().filter(|table| !listed.contains(table.as_str())) {
        differences.push(format!("statistics::TABLES lacks table {table}, which the {backend} migrations create"));
    }
    for table in listed.iter().filter(|table| !schema.contains_key(**table)) {
        differences.push(format!("statistics::TABLES names table {table}, which the {backend} migrations lack"));
    }
    differences
}

async fn migrated_schema(database: &TestDatabase) -> Schema {
    let store = database.open().await;
    let schema = testing::schema(&store).await.unwrap();
    store.close().await;
    schema
}

#[tokio::test]
async fn both_backends_migrate_to_one_schema() {
    let sqlite = TestDatabase::create(TestBackend::Sqlite).await.unwrap();
    let sqlite = migrated_schema(&sqlite).await;
    assert!(sqlite.len() > 30 && sqlite.contains_key("proposals"), "{:?}", sqlite.keys());
    assert!(!sqlite.contains_key("_sqlx_migrations"));
    let mut differences = uncounted(&sqlite, "SQLite");
    // Skipped without a server, except in CI, where `create` fails instead.
    match TestDatabase::create(TestBackend::Postgres).await {
        Some(postgres) => {
            let postgres = migrated_schema(&postgres).await;
            differences.extend(uncounted(&postgres, "PostgreSQL"));
            differences.extend(drift(&sqlite, &postgres));
        }
        None => eprintln!("PostgreSQL skipped: {} is not set", testing::POSTGRES_VARIABLE),
    }
    assert!(differences.is_empty(), "the schemas drifted:\n{}", differences.join("\n"));
}

#[test]
fn a_drift_is_named_by_table_column_and_backend() {
    let shape = |columns: &[(&str, bool)], key: &[&str]| TableShape {
        columns: columns.iter().map(|(name, not_null)| ((*name).to_owned(), *not_null)).collect(),
        primary_key: key.iter().map(|name| (*name).to_owned()).collect(),
    };
    let sqlite: Schema = [
        ("rooms".to_owned(), shape(&[("id", true), ("name", true), ("floor", false)], &["id"])),
        ("kept".to_owned(), shape(&[("a", true), ("b", true)], &["a", "b"])),
        ("old".to_owned(), shape(&[("id", true)], &["id"])),
    ]
    .into();
    let postgres: Schema = [
        ("rooms".to_owned(), shape(&[("id", true), ("name", false), ("wing", false)], &["id"])),
        ("kept".to_owned(), shape(&[("a", true), ("b", true)], &["b", "a"])),
        ("new".to_owned(), shape(&[("id", true)], &["id"])),
    ]
    .into();
    assert_eq!(
        drift(&sqlite, &postgres),
        [
            "table kept: primary key (a, b) on SQLite, (b, a) on PostgreSQL",
            "table new: only on PostgreSQL",
            "table old: only on SQLite",
            "table rooms, column floor: only on SQLite",
            "table rooms, column name: NOT NULL on SQLite, nullable on PostgreSQL",
            "table rooms, column wing: only on PostgreSQL",
        ]
    );
    assert!(drift(&sqlite, &sqlite).is_empty());
    let counted = uncounted(&sqlite, "SQLite");
    assert!(counted.contains(&"statistics::TABLES lacks table kept, which the SQLite migrations create".to_owned()));
    assert!(counted.contains(&"statistics::TABLES names table bodies, which the SQLite migrations lack".to_owned()));
}
