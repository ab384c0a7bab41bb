//! Bodies (gemeenten), and each body's people and rooms as forms and imports look them up.
//!
//! [`bodies`], [`body_by_code`] and [`create_body`] concern the installation as a whole; every
//! other function reads or writes one body's records.

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::area::AreaCode;
use wijkbeeld_domain::market::Room;
use wijkbeeld_domain::people::{Body, Function, Person, same_person_name};

use crate::{StoreError, Tx, on_connection};

/// A person as a choice in a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    /// Identifier.
    pub id: Id<Person>,
    /// Full name.
    pub name: String,
}

type BodyRow = (i64, String, String, Option<String>);

fn body_from_row((id, name, cbs_code, website): BodyRow) -> Result<Body, StoreError> {
    let cbs_code = cbs_code
        .parse()
        .map_err(|error: wijkbeeld_domain::area::InvalidAreaCode| StoreError::Corrupt(error.to_string()))?;
    Ok(Body { id: Id::new(id), name, cbs_code, website })
}

/// Every body in the database, by id; none on an empty database.
pub async fn bodies(tx: &mut Tx) -> Result<Vec<Body>, StoreError> {
    let rows: Vec<BodyRow> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name, cbs_code, website FROM bodies ORDER BY id").fetch_all(&mut *connection).await?
    });
    rows.into_iter().map(body_from_row).collect()
}

/// The body with this CBS municipality code (e.g. `GM0164`), if there is one.
pub async fn body_by_code(tx: &mut Tx, code: &AreaCode) -> Result<Option<Body>, StoreError> {
    let row: Option<BodyRow> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name, cbs_code, website FROM bodies WHERE cbs_code = $1")
            .bind(code.as_str())
            .fetch_optional(&mut *connection)
            .await?
    });
    row.map(body_from_row).transpose()
}

/// Adds a body. A CBS code already used gives [`StoreError::Conflict`].
pub async fn create_body(
    tx: &mut Tx,
    name: &str,
    cbs_code: &AreaCode,
    website: Option<&str>,
) -> Result<Id<Body>, StoreError> {
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar("INSERT INTO bodies (name, cbs_code, website) VALUES ($1, $2, $3) RETURNING id")
            .bind(name.trim())
            .bind(cbs_code.as_str())
            .bind(website)
            .fetch_one(&mut *connection)
            .await?
    });
    Ok(Id::new(id))
}

/// The body's people holding any of the functions (in office: no end date, or one after
/// `today`), by name.
pub async fn with_functions(
    tx: &mut Tx,
    body: Id<Body>,
    functions: &[Function],
    today: OffsetDateTime,
) -> Result<Vec<PersonChoice>, StoreError> {
    let codes: Vec<String> = functions.iter().map(|function| function.code().to_owned()).collect();
    let rows: Vec<(i64, String, String, Option<time::Date>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.name, m.function, m.end_date FROM persons p JOIN memberships m ON m.person_id = p.id \
             WHERE p.body_id = $1 ORDER BY p.name",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let mut people: Vec<PersonChoice> = Vec::new();
    for (id, name, function, end_date) in rows {
        let current = end_date.is_none_or(|end| end >= today.date());
        if current && codes.contains(&function) && !people.iter().any(|person| person.id.get() == id) {
            people.push(PersonChoice { id: Id::new(id), name });
        }
    }
    Ok(people)
}

/// The name of every person of the body, for the parser's directory of known names.
pub async fn names(tx: &mut Tx, body: Id<Body>) -> Result<Vec<String>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT name FROM persons WHERE body_id = $1 ORDER BY name")
            .bind(body.get())
            .fetch_all(&mut *connection)
            .await?
    }))
}

/// The body's person with this name, if any: the first (oldest) whose name is alike but for
/// case, spaces and stray punctuation ([`same_person_name`]). Matched here rather than in SQL:
/// SQLite's LOWER() folds only ASCII, and "Vincent  ten Voorde" should not become a second person.
pub async fn find_by_name(tx: &mut Tx, body: Id<Body>, name: &str) -> Result<Option<Id<Person>>, StoreError> {
    let people: Vec<(i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name FROM persons WHERE body_id = $1 ORDER BY id")
            .bind(body.get())
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(people.into_iter().find(|(_, known)| same_person_name(known, name)).map(|(id, _)| Id::new(id)))
}

/// Adds a person by name to the body.
pub async fn create(tx: &mut Tx, body: Id<Body>, name: &str) -> Result<Id<Person>, StoreError> {
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar("INSERT INTO persons (body_id, name) VALUES ($1, $2) RETURNING id")
            .bind(body.get())
            .bind(name.trim())
            .fetch_one(&mut *connection)
            .await?
    });
    Ok(Id::new(id))
}

/// Every room of the body, by name.
pub async fn rooms(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Room>, StoreError> {
    let rows: Vec<(i64, String, i64, bool, bool)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT id, name, capacity, has_livestream, is_accessible FROM rooms WHERE body_id = $1 ORDER BY name",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows
        .into_iter()
        .map(|(id, name, capacity, has_livestream, is_accessible)| Room {
            id: Id::new(id),
            name,
            capacity: u16::try_from(capacity).unwrap_or(u16::MAX),
            has_livestream,
            is_accessible,
        })
        .collect())
}
