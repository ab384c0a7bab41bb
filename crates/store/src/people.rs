//! People, rooms and the municipality, as forms and imports look them up.

use time::OffsetDateTime;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::market::Room;
use wijkbeeld_domain::people::{Function, Person};

use crate::{StoreError, Tx, on_connection};

/// A person as a choice in a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonChoice {
    /// Identifier.
    pub id: Id<Person>,
    /// Full name.
    pub name: String,
}

/// The municipality whose data this is: the first body. `None` on an empty database.
pub async fn body_id(tx: &mut Tx) -> Result<Option<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM bodies ORDER BY id LIMIT 1").fetch_optional(&mut *connection).await?
    }))
}

/// The people holding any of the functions (in office: no end date, or one after `today`),
/// by name.
pub async fn with_functions(
    tx: &mut Tx,
    functions: &[Function],
    today: OffsetDateTime,
) -> Result<Vec<PersonChoice>, StoreError> {
    let codes: Vec<String> = functions.iter().map(|function| function.code().to_owned()).collect();
    let rows: Vec<(i64, String, String, Option<time::Date>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.name, m.function, m.end_date FROM persons p JOIN memberships m ON m.person_id = p.id \
             ORDER BY p.name",
        )
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

/// Every person's name, for the parser's directory of known names.
pub async fn names(tx: &mut Tx) -> Result<Vec<String>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT name FROM persons ORDER BY name").fetch_all(&mut *connection).await?
    }))
}

/// The person with this name (ignoring case), if any.
pub async fn find_by_name(tx: &mut Tx, name: &str) -> Result<Option<Id<Person>>, StoreError> {
    let id: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM persons WHERE LOWER(name) = LOWER($1) ORDER BY id LIMIT 1")
            .bind(name.trim())
            .fetch_optional(&mut *connection)
            .await?
    });
    Ok(id.map(Id::new))
}

/// Adds a person by name to the municipality.
pub async fn create(tx: &mut Tx, body_id: i64, name: &str) -> Result<Id<Person>, StoreError> {
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar("INSERT INTO persons (body_id, name) VALUES ($1, $2) RETURNING id")
            .bind(body_id)
            .bind(name.trim())
            .fetch_one(&mut *connection)
            .await?
    });
    Ok(Id::new(id))
}

/// Every room, by name.
pub async fn rooms(tx: &mut Tx) -> Result<Vec<Room>, StoreError> {
    let rows: Vec<(i64, String, i64, bool, bool)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name, capacity, has_livestream, is_accessible FROM rooms ORDER BY name")
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
