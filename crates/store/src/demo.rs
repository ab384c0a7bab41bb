//! Writing the demo data set. Every record is found by its natural key (a code, a name, a case
//! number) before it is written, so loading the same data twice adds nothing. The demo's body is
//! found by its CBS code, and its records within that body, so a database may hold other bodies
//! beside it; [`load`] and [`anchor`] take no body.

use std::collections::{BTreeMap, HashMap};

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::demo::{DemoData, EveningSeed, SessionSeed};
use wijkbeeld_domain::proposal::SpeakingRules;

use crate::{StoreError, Tx, on_connection, settings, stored_moment};

/// What a load created, per table; empty when everything was there already.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// New rows per table.
    pub created: BTreeMap<&'static str, u64>,
    /// The demo accounts created now (their passwords can be shown once, now).
    pub accounts: Vec<String>,
}

impl LoadReport {
    /// Rows created in all.
    pub fn total(&self) -> u64 {
        self.created.values().sum()
    }

    fn add(&mut self, table: &'static str, count: u64) {
        if count > 0 {
            *self.created.entry(table).or_default() += count;
        }
    }
}

/// The anchor date of the demo already in the database, if one was loaded.
pub async fn anchor(tx: &mut Tx) -> Result<Option<Date>, StoreError> {
    let Some(text) = settings::get(tx, settings::DEMO_ANCHOR).await? else { return Ok(None) };
    Date::parse(&text, time::macros::format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|error| StoreError::Corrupt(format!("setting {}: '{text}': {error}", settings::DEMO_ANCHOR)))
}

/// Writes the demo data set, adding only what is missing, and records its anchor date. The
/// caller writes the audit entry (the application layer, as for every change).
///
/// `password_hashes` maps a demo account's address to its password hash; an account without one
/// is not created (the data set itself holds no passwords).
pub async fn load(
    tx: &mut Tx,
    data: &DemoData,
    password_hashes: &HashMap<String, String>,
    now: OffsetDateTime,
) -> Result<LoadReport, StoreError> {
    // Several servers may start with `serve --demo` on one empty PostgreSQL database at once:
    // the lock makes their loads take turns, so the later ones find everything and add nothing.
    // (On SQLite, `Store::begin_write` already holds the database's write lock.)
    if let Tx::Postgres(transaction) = &mut *tx {
        sqlx::query("SELECT pg_advisory_xact_lock(71642023)").execute(&mut **transaction).await?;
    }
    let mut loader = Loader { tx, now: stored_moment(now), report: LoadReport::default(), ids: Ids::default() };
    loader.body(data).await?;
    loader.areas(data).await?;
    loader.people(data).await?;
    loader.rooms_and_documents(data).await?;
    loader.proposals(data).await?;
    loader.evenings(data).await?;
    loader.monitor(data).await?;
    loader.outcome(data).await?;
    loader.measurements(data).await?;
    loader.agenda(data).await?;
    loader.accounts(data, password_hashes).await?;
    let report = loader.report;
    let anchor = data.anchor.to_string();
    if settings::get(tx, settings::DEMO_ANCHOR).await?.as_deref() != Some(anchor.as_str()) {
        settings::set(tx, settings::DEMO_ANCHOR, &anchor).await?;
    }
    Ok(report)
}

/// The ids of what has been written, by natural key.
#[derive(Default)]
struct Ids {
    body: i64,
    areas: HashMap<String, i64>,
    persons: HashMap<String, i64>,
    parties: HashMap<String, i64>,
    rooms: HashMap<String, i64>,
    documents: HashMap<String, i64>,
    proposals: HashMap<String, i64>,
    /// The first session of each proposal, by case number: the provenance of indicators.
    sessions: HashMap<String, i64>,
    programmes: HashMap<String, i64>,
    partners: HashMap<String, i64>,
    indicators: HashMap<String, i64>,
    priorities: HashMap<(String, i32, u16), i64>,
    initiatives: HashMap<String, i64>,
}

struct Loader<'t> {
    tx: &'t mut Tx,
    now: OffsetDateTime,
    report: LoadReport,
    ids: Ids,
}

/// Finds a row by its natural key or inserts it; yields its id and counts it when new.
macro_rules! find_or_insert {
    ($loader:expr, $table:literal, $select:literal, [$($key:expr),* $(,)?], $insert:literal, [$($value:expr),* $(,)?]) => {{
        let (id, created) = on_connection!(&mut *$loader.tx, |connection| {
            let found: Option<i64> = sqlx::query_scalar($select)$(.bind($key))*.fetch_optional(&mut *connection).await?;
            match found {
                Some(id) => (id, false),
                None => {
                    let id: i64 = sqlx::query_scalar($insert)$(.bind($value))*.fetch_one(&mut *connection).await?;
                    (id, true)
                }
            }
        });
        $loader.report.add($table, u64::from(created));
        id
    }};
}

/// Inserts a row unless its key exists (`ON CONFLICT DO NOTHING`), counting it when new.
macro_rules! insert_missing {
    ($loader:expr, $table:literal, $insert:literal, [$($value:expr),* $(,)?]) => {{
        let affected = on_connection!(&mut *$loader.tx, |connection| {
            sqlx::query($insert)$(.bind($value))*.execute(&mut *connection).await?.rows_affected()
        });
        $loader.report.add($table, affected);
    }};
}

fn small(value: Option<u16>) -> Option<i64> {
    value.map(i64::from)
}

impl Loader<'_> {
    fn id_of(map: &HashMap<String, i64>, kind: &str, key: &str) -> Result<i64, StoreError> {
        map.get(key).copied().ok_or_else(|| StoreError::NotFound(format!("{kind} '{key}' in the demo data")))
    }

    fn optional_id(map: &HashMap<String, i64>, kind: &str, key: Option<&String>) -> Result<Option<i64>, StoreError> {
        key.map(|key| Self::id_of(map, kind, key)).transpose()
    }

    async fn accounts(&mut self, data: &DemoData, password_hashes: &HashMap<String, String>) -> Result<(), StoreError> {
        let now = self.now;
        for account in &data.accounts {
            let Some(hash) = password_hashes.get(account.email.as_str()) else { continue };
            let person = Self::optional_id(&self.ids.persons, "person", account.person.as_ref())?;
            let partner = Self::optional_id(&self.ids.partners, "partner", account.partner.as_ref())?;
            let before = self.report.total();
            find_or_insert!(
                self,
                "users",
                "SELECT id FROM users WHERE email = $1",
                [account.email.as_str()],
                "INSERT INTO users (email, display_name, role, password_hash, person_id, partner_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                [account.email.as_str(), &account.display_name, account.role.code(), hash, person, partner, now]
            );
            if self.report.total() > before {
                self.report.accounts.push(account.email.to_string());
            }
        }
        Ok(())
    }

    async fn body(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = &data.body;
        self.ids.body = find_or_insert!(
            self,
            "bodies",
            "SELECT id FROM bodies WHERE cbs_code = $1",
            [body.cbs_code.as_str()],
            "INSERT INTO bodies (name, cbs_code, website) VALUES ($1, $2, $3) RETURNING id",
            [&body.name, body.cbs_code.as_str(), body.website.as_deref()]
        );
        Ok(())
    }

    async fn areas(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        for area in &data.areas {
            let parent =
                area.parent.as_ref().map(|code| Self::id_of(&self.ids.areas, "area", code.as_str())).transpose()?;
            let id = find_or_insert!(
                self,
                "areas",
                "SELECT id FROM areas WHERE body_id = $1 AND code = $2",
                [body, area.code.as_str()],
                "INSERT INTO areas (body_id, code, name, level, parent_id) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [body, area.code.as_str(), &area.name, area.level.code(), parent]
            );
            self.ids.areas.insert(area.code.as_str().to_owned(), id);
        }
        for population in &data.populations {
            let area = Self::id_of(&self.ids.areas, "area", population.area.as_str())?;
            insert_missing!(
                self,
                "area_populations",
                "INSERT INTO area_populations (area_id, year, quarter, inhabitants) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (area_id, year, quarter) DO NOTHING",
                [
                    area,
                    i64::from(population.period.year_number()),
                    i64::from(population.period.stored_quarter()),
                    i64::from(population.inhabitants)
                ]
            );
        }
        Ok(())
    }

    async fn people(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        for party in &data.parties {
            let id = find_or_insert!(
                self,
                "parties",
                "SELECT id FROM parties WHERE body_id = $1 AND short_name = $2",
                [body, &party.short_name],
                "INSERT INTO parties (body_id, name, short_name) VALUES ($1, $2, $3) RETURNING id",
                [body, &party.name, &party.short_name]
            );
            self.ids.parties.insert(party.short_name.clone(), id);
        }
        for person in &data.persons {
            let id = find_or_insert!(
                self,
                "persons",
                "SELECT id FROM persons WHERE body_id = $1 AND name = $2",
                [body, &person.name],
                "INSERT INTO persons (body_id, name) VALUES ($1, $2) RETURNING id",
                [body, &person.name]
            );
            self.ids.persons.insert(person.name.clone(), id);
        }
        for membership in &data.memberships {
            let person = Self::id_of(&self.ids.persons, "person", &membership.person)?;
            let party = Self::optional_id(&self.ids.parties, "party", membership.party.as_ref())?;
            find_or_insert!(
                self,
                "memberships",
                "SELECT id FROM memberships WHERE person_id = $1 AND function = $2",
                [person, membership.function.code()],
                "INSERT INTO memberships (person_id, function, party_id, portfolio, start_date) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [person, membership.function.code(), party, membership.portfolio.as_deref(), membership.start_date]
            );
        }
        for (area, coordinator) in &data.coordinators {
            let area = Self::id_of(&self.ids.areas, "area", area.as_str())?;
            let person = Self::id_of(&self.ids.persons, "person", coordinator)?;
            let updated = on_connection!(&mut *self.tx, |connection| {
                sqlx::query("UPDATE areas SET coordinator_id = $1 WHERE id = $2 AND coordinator_id IS NULL")
                    .bind(person)
                    .bind(area)
                    .execute(&mut *connection)
                    .await?
                    .rows_affected()
            });
            self.report.add("areas.coordinator", updated);
        }
        Ok(())
    }

    async fn rooms_and_documents(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        for room in &data.rooms {
            let id = find_or_insert!(
                self,
                "rooms",
                "SELECT id FROM rooms WHERE body_id = $1 AND name = $2",
                [body, &room.name],
                "INSERT INTO rooms (body_id, name, capacity, has_livestream, is_accessible) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [body, &room.name, i64::from(room.capacity), room.has_livestream, room.is_accessible]
            );
            self.ids.rooms.insert(room.name.clone(), id);
        }
        for document in &data.documents {
            let id = find_or_insert!(
                self,
                "documents",
                "SELECT id FROM documents WHERE body_id = $1 AND number = $2",
                [body, &document.number],
                "INSERT INTO documents (body_id, number, title) VALUES ($1, $2, $3) RETURNING id",
                [body, &document.number, document.title.as_deref()]
            );
            self.ids.documents.insert(document.number.clone(), id);
        }
        Ok(())
    }

    async fn proposals(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        let now = self.now;
        for proposal in &data.proposals {
            let portfolio_holder = Self::id_of(&self.ids.persons, "person", &proposal.portfolio_holder)?;
            let chair = Self::optional_id(&self.ids.persons, "person", proposal.chair.as_ref())?;
            let clerk = Self::optional_id(&self.ids.persons, "person", proposal.clerk.as_ref())?;
            let room = Self::optional_id(&self.ids.rooms, "room", proposal.room.as_ref())?;
            let speaking = &proposal.speaking;
            let id = find_or_insert!(
                self,
                "proposals",
                "SELECT id FROM proposals WHERE body_id = $1 AND case_number = $2",
                [body, &proposal.case_number],
                "INSERT INTO proposals (body_id, subject, case_number, portfolio_holder_id, history, state, purpose, \
                 duration_minutes, market_date, chair_id, clerk_id, room_id, expected_attendance, needs_livestream, \
                 speaking_allowed, speaking_minutes_per_speaker, speaking_max_speakers, speaking_deadline, \
                 speaking_note, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20) \
                 RETURNING id",
                [
                    body,
                    &proposal.subject,
                    &proposal.case_number,
                    portfolio_holder,
                    &proposal.history,
                    proposal.state.code(),
                    proposal.purpose.code(),
                    i64::from(proposal.duration_minutes),
                    proposal.market_date,
                    chair,
                    clerk,
                    room,
                    i64::from(proposal.expected_attendance),
                    proposal.needs_livestream,
                    speaking.allowed,
                    small(speaking.minutes_per_speaker),
                    small(speaking.max_speakers),
                    speaking.deadline.map(stored_moment),
                    speaking.note.as_deref(),
                    now
                ]
            );
            self.ids.proposals.insert(proposal.case_number.clone(), id);
            for domain in &proposal.domains {
                insert_missing!(
                    self,
                    "proposal_domains",
                    "INSERT INTO proposal_domains (proposal_id, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    [id, domain.code()]
                );
            }
            for (position, number) in (1_i64..).zip(&proposal.history_documents) {
                let document = Self::id_of(&self.ids.documents, "document", number)?;
                insert_missing!(
                    self,
                    "proposal_history_documents",
                    "INSERT INTO proposal_history_documents (proposal_id, position, document_id) VALUES ($1, $2, $3) \
                     ON CONFLICT DO NOTHING",
                    [id, position, document]
                );
            }
            for (position, item) in (1_i64..).zip(&proposal.programme) {
                let item_id = find_or_insert!(
                    self,
                    "programme_items",
                    "SELECT id FROM programme_items WHERE proposal_id = $1 AND position = $2",
                    [id, position],
                    "INSERT INTO programme_items (proposal_id, position, text) VALUES ($1, $2, $3) RETURNING id",
                    [id, position, &item.text]
                );
                for (question_position, question) in (1_i64..).zip(&item.questions) {
                    insert_missing!(
                        self,
                        "questions",
                        "INSERT INTO questions (programme_item_id, position, text) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        [item_id, question_position, question]
                    );
                }
            }
        }
        Ok(())
    }

    /// The evening's rooms (all of them), pools of chairs and clerks, and absences.
    async fn evening_planning(
        &mut self,
        evening_id: i64,
        rounds: &HashMap<u8, i64>,
        evening: &EveningSeed,
    ) -> Result<(), StoreError> {
        crate::market::use_all_rooms(self.tx, Id::new(self.ids.body), evening_id).await?;
        let pool = |names: &[String]| -> Result<Vec<i64>, StoreError> {
            names.iter().map(|name| Self::id_of(&self.ids.persons, "person", name)).collect()
        };
        let (chairs, clerks) = (pool(&evening.chairs)?, pool(&evening.clerks)?);
        on_connection!(self.tx, |connection| {
            for (people, duty) in [(&chairs, "voorzitter"), (&clerks, "griffiemedewerker")] {
                for person in people {
                    sqlx::query(
                        "INSERT INTO evening_staff (evening_id, person_id, duty) VALUES ($1, $2, $3) \
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(evening_id)
                    .bind(person)
                    .bind(duty)
                    .execute(&mut *connection)
                    .await?;
                }
            }
        });
        for (name, position) in &evening.absences {
            let person = Self::id_of(&self.ids.persons, "person", name)?;
            let round = *rounds
                .get(position)
                .ok_or_else(|| StoreError::Corrupt(format!("the demo names round {position}, which it lacks")))?;
            on_connection!(self.tx, |connection| {
                sqlx::query(
                    "INSERT INTO evening_absences (round_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                )
                .bind(round)
                .bind(person)
                .execute(&mut *connection)
                .await?;
            });
        }
        Ok(())
    }

    async fn evenings(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        for evening in &data.evenings {
            let evening_id = find_or_insert!(
                self,
                "market_evenings",
                "SELECT id FROM market_evenings WHERE body_id = $1 AND date = $2",
                [body, evening.date],
                "INSERT INTO market_evenings (body_id, date, title, published_at) VALUES ($1, $2, $3, $4) RETURNING id",
                [body, evening.date, &evening.title, evening.published_at.map(stored_moment)]
            );
            let mut rounds = HashMap::new();
            for (position, (starts_at, ends_at)) in (1_u8..).zip(&evening.rounds) {
                let round_id = find_or_insert!(
                    self,
                    "rounds",
                    "SELECT id FROM rounds WHERE evening_id = $1 AND position = $2",
                    [evening_id, i64::from(position)],
                    "INSERT INTO rounds (evening_id, position, starts_at, ends_at) VALUES ($1, $2, $3, $4) RETURNING id",
                    [evening_id, i64::from(position), *starts_at, *ends_at]
                );
                rounds.insert(position, round_id);
            }
            for session in &evening.sessions {
                self.session(evening_id, &rounds, session).await?;
            }
            self.evening_planning(evening_id, &rounds, evening).await?;
        }
        for speaker in &data.speakers {
            let session = Self::id_of(&self.ids.sessions, "session of proposal", &speaker.proposal)?;
            find_or_insert!(
                self,
                "speaker_registrations",
                "SELECT id FROM speaker_registrations WHERE session_id = $1 AND name = $2",
                [session, &speaker.name],
                "INSERT INTO speaker_registrations (session_id, name, email, organisation, topic, publish_name, status, \
                 registered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                [
                    session,
                    &speaker.name,
                    &speaker.email,
                    speaker.organisation.as_deref(),
                    &speaker.topic,
                    speaker.publish_name,
                    speaker.status.code(),
                    stored_moment(speaker.registered_at)
                ]
            );
        }
        Ok(())
    }

    async fn session(
        &mut self,
        evening_id: i64,
        rounds: &HashMap<u8, i64>,
        session: &SessionSeed,
    ) -> Result<(), StoreError> {
        let proposal = Self::id_of(&self.ids.proposals, "proposal", &session.proposal)?;
        let room = Self::optional_id(&self.ids.rooms, "room", session.room.as_ref())?;
        let first_round = session
            .first_round
            .map(|position| {
                rounds
                    .get(&position)
                    .copied()
                    .ok_or_else(|| StoreError::NotFound(format!("round {position} of the evening")))
            })
            .transpose()?;
        let chair = Self::optional_id(&self.ids.persons, "person", session.chair.as_ref())?;
        let clerk = Self::optional_id(&self.ids.persons, "person", session.clerk.as_ref())?;
        let SpeakingRules { allowed, minutes_per_speaker, max_speakers, deadline, note } = &session.speaking;
        let id = find_or_insert!(
            self,
            "sessions",
            "SELECT id FROM sessions WHERE evening_id = $1 AND proposal_id = $2",
            [evening_id, proposal],
            "INSERT INTO sessions (evening_id, proposal_id, room_id, first_round_id, round_count, chair_id, clerk_id, \
             speaking_allowed, speaking_minutes_per_speaker, speaking_max_speakers, speaking_deadline, speaking_note) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
            [
                evening_id,
                proposal,
                room,
                first_round,
                i64::from(session.round_count),
                chair,
                clerk,
                *allowed,
                small(*minutes_per_speaker),
                small(*max_speakers),
                deadline.map(stored_moment),
                note.as_deref()
            ]
        );
        self.ids.sessions.entry(session.proposal.clone()).or_insert(id);
        Ok(())
    }

    async fn monitor(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        let now = self.now;
        for programme in &data.programmes {
            let id = find_or_insert!(
                self,
                "programmes",
                "SELECT id FROM programmes WHERE body_id = $1 AND code = $2",
                [body, &programme.code],
                "INSERT INTO programmes (body_id, code, name, description) VALUES ($1, $2, $3, $4) RETURNING id",
                [body, &programme.code, &programme.name, &programme.description]
            );
            self.ids.programmes.insert(programme.code.clone(), id);
        }
        for partner in &data.partners {
            let id = find_or_insert!(
                self,
                "partners",
                "SELECT id FROM partners WHERE body_id = $1 AND name = $2",
                [body, &partner.name],
                "INSERT INTO partners (body_id, name, kind) VALUES ($1, $2, $3) RETURNING id",
                [body, &partner.name, partner.kind.code()]
            );
            self.ids.partners.insert(partner.name.clone(), id);
        }
        for indicator in &data.indicators {
            let owner = Self::optional_id(&self.ids.partners, "partner", indicator.owner.as_ref())?;
            let proposed_in =
                Self::optional_id(&self.ids.sessions, "session of proposal", indicator.proposed_in.as_ref())?;
            let id = find_or_insert!(
                self,
                "indicators",
                "SELECT id FROM indicators WHERE body_id = $1 AND code = $2",
                [body, &indicator.code],
                "INSERT INTO indicators (body_id, code, name, definition, unit, direction, theme, kind, source, \
                 owner_partner_id, status, proposed_in_session_id, is_key, is_published, decimals, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id",
                [
                    body,
                    &indicator.code,
                    &indicator.name,
                    &indicator.definition,
                    indicator.unit.code(),
                    indicator.direction.code(),
                    indicator.theme.code(),
                    indicator.kind.code(),
                    &indicator.source,
                    owner,
                    indicator.status.code(),
                    proposed_in,
                    indicator.is_key,
                    indicator.is_published,
                    i64::from(indicator.decimals),
                    now
                ]
            );
            self.ids.indicators.insert(indicator.code.clone(), id);
            for programme in &indicator.programmes {
                let programme = Self::id_of(&self.ids.programmes, "programme", programme)?;
                insert_missing!(
                    self,
                    "indicator_programmes",
                    "INSERT INTO indicator_programmes (indicator_id, programme_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    [id, programme]
                );
            }
        }
        Ok(())
    }

    /// The seed session's outcome, written once: a session whose outcome is recorded already
    /// (by this loader, or since by the griffie) is left as it is.
    async fn outcome(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let body = self.ids.body;
        let outcome = &data.outcome;
        let session = Self::id_of(&self.ids.sessions, "session of proposal", &outcome.proposal)?;
        let proposal = Self::id_of(&self.ids.proposals, "proposal", &outcome.proposal)?;
        let now = self.now;
        let recorded = on_connection!(&mut *self.tx, |connection| {
            sqlx::query("UPDATE sessions SET minutes = $1, outcome_recorded_at = $2 WHERE id = $3 AND outcome_recorded_at IS NULL")
                .bind(&outcome.minutes)
                .bind(now)
                .bind(session)
                .execute(&mut *connection)
                .await?
                .rows_affected()
        });
        if recorded == 0 {
            return Ok(());
        }
        for contribution in &outcome.contributions {
            let party = Self::id_of(&self.ids.parties, "party", &contribution.party)?;
            let question: Option<i64> = on_connection!(&mut *self.tx, |connection| {
                sqlx::query_scalar(
                    "SELECT q.id FROM questions q JOIN programme_items i ON i.id = q.programme_item_id \
                     WHERE i.proposal_id = $1 AND i.position = $2 AND q.position = $3",
                )
                .bind(proposal)
                .bind(i64::from(contribution.item))
                .bind(i64::from(contribution.question))
                .fetch_optional(&mut *connection)
                .await?
            });
            insert_missing!(
                self,
                "contributions",
                "INSERT INTO contributions (session_id, question_id, party_id, text, created_at) VALUES ($1, $2, $3, $4, $5)",
                [session, question, party, &contribution.text, now]
            );
        }
        let holder = Self::id_of(&self.ids.persons, "person", &outcome.commitment_holder)?;
        let programme = Self::id_of(&self.ids.programmes, "programme", &outcome.commitment_programme)?;
        let date: Date = on_connection!(&mut *self.tx, |connection| {
            sqlx::query_scalar(
                "SELECT e.date FROM sessions s JOIN market_evenings e ON e.id = s.evening_id WHERE s.id = $1",
            )
            .bind(session)
            .fetch_one(&mut *connection)
            .await?
        });
        insert_missing!(
            self,
            "commitments",
            "INSERT INTO commitments (session_id, portfolio_holder_id, programme_id, text, due_date, status, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            [
                session,
                holder,
                programme,
                &outcome.commitment,
                wijkbeeld_domain::outcome::default_due_date(date),
                wijkbeeld_domain::market::CommitmentStatus::Open.code(),
                now
            ]
        );
        for proposed in &outcome.indicators {
            let indicator = Self::id_of(&self.ids.indicators, "indicator", &proposed.code)?;
            let party = Self::id_of(&self.ids.parties, "party", &proposed.party)?;
            on_connection!(&mut *self.tx, |connection| {
                sqlx::query(
                    "UPDATE indicators SET proposed_in_session_id = $1, proposed_by_party_id = $2 \
                     WHERE id = $3 AND body_id = $4",
                )
                .bind(session)
                .bind(party)
                .bind(indicator)
                .bind(body)
                .execute(&mut *connection)
                .await?;
            });
        }
        Ok(())
    }

    async fn measurements(&mut self, data: &DemoData) -> Result<(), StoreError> {
        // Thousands of rows: written in batches of multi-row inserts rather than one by one.
        const ROWS_PER_STATEMENT: usize = 400;
        let mut rows = Vec::with_capacity(data.measurements.len());
        let mut changed = false;
        for measurement in &data.measurements {
            rows.push((
                Self::id_of(&self.ids.indicators, "indicator", &measurement.indicator)?,
                Self::id_of(&self.ids.areas, "area", measurement.area.as_str())?,
                i64::from(measurement.period.year_number()),
                i64::from(measurement.period.stored_quarter()),
                measurement.value,
                measurement.sample_size.map(i64::from),
                measurement.margin,
            ));
        }
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let affected = on_connection!(&mut *self.tx, |connection| {
                let mut insert = sqlx::QueryBuilder::new(
                    "INSERT INTO measurements (indicator_id, area_id, year, quarter, value, sample_size, margin) ",
                );
                insert.push_values(chunk, |mut row, (indicator, area, year, quarter, value, sample_size, margin)| {
                    row.push_bind(*indicator)
                        .push_bind(*area)
                        .push_bind(*year)
                        .push_bind(*quarter)
                        .push_bind(*value)
                        .push_bind(*sample_size)
                        .push_bind(*margin);
                });
                insert.push(" ON CONFLICT (indicator_id, area_id, year, quarter) DO NOTHING");
                insert.build().execute(&mut *connection).await?.rows_affected()
            });
            self.report.add("measurements", affected);
            changed |= affected > 0;
        }
        if changed {
            crate::monitor::bump_data_version(self.tx).await?;
        }
        for target in &data.targets {
            let indicator = Self::id_of(&self.ids.indicators, "indicator", &target.indicator)?;
            let area = Self::id_of(&self.ids.areas, "area", target.area.as_str())?;
            insert_missing!(
                self,
                "targets",
                "INSERT INTO targets (indicator_id, area_id, value, target_year, target_quarter, baseline_year, \
                 baseline_quarter, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                 ON CONFLICT (indicator_id, area_id, target_year, target_quarter) DO NOTHING",
                [
                    indicator,
                    area,
                    target.value,
                    i64::from(target.target_period.year_number()),
                    i64::from(target.target_period.stored_quarter()),
                    i64::from(target.baseline_period.year_number()),
                    i64::from(target.baseline_period.stored_quarter()),
                    &target.note
                ]
            );
        }
        Ok(())
    }

    async fn agenda(&mut self, data: &DemoData) -> Result<(), StoreError> {
        let now = self.now;
        for priority in &data.priorities {
            let area = Self::id_of(&self.ids.areas, "area", priority.area.as_str())?;
            let id = find_or_insert!(
                self,
                "priorities",
                "SELECT id FROM priorities WHERE area_id = $1 AND year = $2 AND position = $3",
                [area, i64::from(priority.year), i64::from(priority.position)],
                "INSERT INTO priorities (area_id, year, position, title, description) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [area, i64::from(priority.year), i64::from(priority.position), &priority.title, &priority.description]
            );
            self.ids.priorities.insert((priority.area.as_str().to_owned(), priority.year, priority.position), id);
        }
        for action in &data.actions {
            let area = Self::id_of(&self.ids.areas, "area", action.area.as_str())?;
            let priority = self
                .ids
                .priorities
                .get(&(action.area.as_str().to_owned(), action.year, action.priority))
                .copied()
                .ok_or_else(|| StoreError::NotFound(format!("priority {} of {}", action.priority, action.area)))?;
            let owner = Self::optional_id(&self.ids.partners, "partner", action.owner.as_ref())?;
            let programme = Self::id_of(&self.ids.programmes, "programme", &action.programme)?;
            let id = find_or_insert!(
                self,
                "actions",
                "SELECT id FROM actions WHERE area_id = $1 AND title = $2",
                [area, &action.title],
                "INSERT INTO actions (area_id, priority_id, title, description, owner_partner_id, programme_id, status, \
                 start_date, end_date, budget_cents, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
                [
                    area,
                    priority,
                    &action.title,
                    &action.description,
                    owner,
                    programme,
                    action.status.code(),
                    action.start_date,
                    action.end_date,
                    action.budget_cents,
                    now
                ]
            );
            for indicator in &action.indicators {
                let indicator = Self::id_of(&self.ids.indicators, "indicator", indicator)?;
                insert_missing!(
                    self,
                    "action_indicators",
                    "INSERT INTO action_indicators (action_id, indicator_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    [id, indicator]
                );
            }
        }
        for initiative in &data.initiatives {
            let area = Self::id_of(&self.ids.areas, "area", initiative.area.as_str())?;
            let id = find_or_insert!(
                self,
                "initiatives",
                "SELECT id FROM initiatives WHERE area_id = $1 AND title = $2",
                [area, &initiative.title],
                "INSERT INTO initiatives (area_id, title, description, submitter_name, submitter_email, \
                 requested_budget_cents, status, review_note, submitted_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
                [
                    area,
                    &initiative.title,
                    &initiative.description,
                    &initiative.submitter_name,
                    &initiative.submitter_email,
                    initiative.requested_budget_cents,
                    initiative.status.code(),
                    initiative.review_note.as_deref(),
                    stored_moment(initiative.submitted_at)
                ]
            );
            self.ids.initiatives.insert(initiative.title.clone(), id);
        }
        for resident in &data.active_residents {
            let area = Self::id_of(&self.ids.areas, "area", resident.area.as_str())?;
            let initiative = Self::optional_id(&self.ids.initiatives, "initiative", resident.initiative.as_ref())?;
            find_or_insert!(
                self,
                "active_residents",
                "SELECT id FROM active_residents WHERE area_id = $1 AND name = $2",
                [area, &resident.name],
                "INSERT INTO active_residents (area_id, name, activity, initiative_id, registered_on) \
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
                [area, &resident.name, resident.activity.code(), initiative, resident.registered_on]
            );
        }
        Ok(())
    }
}
