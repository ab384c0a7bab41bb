//! A session's outcome: its minutes, the parties' contributions per question, the commitments
//! (toezeggingen) made in it and the indicators proposed in it; and every commitment of a body
//! for the overview. Each function takes the body and treats another body's session as missing.

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::market::CommitmentStatus;
use wijkbeeld_domain::monitor::{Direction, IndicatorStatus, Unit};
use wijkbeeld_domain::people::{Body, Party};
use wijkbeeld_domain::proposal::ProposalState;

use crate::monitor::{self, IndicatorInput};
use crate::{Owned, StoreError, Tx, decode_code, on_connection, require_owned, stored_moment};

/// A session as its outcome needs it: where and when it was held, what it treated, and what
/// has been recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeSession {
    /// The session.
    pub session_id: i64,
    /// Its evening.
    pub evening_id: i64,
    /// The evening's date.
    pub date: Date,
    /// The evening's title.
    pub evening_title: String,
    /// Whether the evening is published.
    pub published: bool,
    /// The proposal treated.
    pub proposal_id: i64,
    /// Its subject.
    pub subject: String,
    /// Its state.
    pub state: ProposalState,
    /// The minutes, once written.
    pub minutes: Option<String>,
    /// When the outcome was recorded, if it was.
    pub recorded_at: Option<OffsetDateTime>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    session_id: i64,
    evening_id: i64,
    date: Date,
    evening_title: String,
    published_at: Option<OffsetDateTime>,
    proposal_id: i64,
    subject: String,
    state: String,
    minutes: Option<String>,
    recorded_at: Option<OffsetDateTime>,
}

/// Session `id` of the body, if it exists.
pub async fn session(tx: &mut Tx, body: Id<Body>, id: i64) -> Result<Option<OutcomeSession>, StoreError> {
    let row: Option<SessionRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.id AS session_id, e.id AS evening_id, e.date, e.title AS evening_title, e.published_at, \
             p.id AS proposal_id, p.subject, p.state, s.minutes, s.outcome_recorded_at AS recorded_at \
             FROM sessions s JOIN market_evenings e ON e.id = s.evening_id JOIN proposals p ON p.id = s.proposal_id \
             WHERE s.id = $1 AND e.body_id = $2",
        )
        .bind(id)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    row.map(|row| {
        Ok(OutcomeSession {
            session_id: row.session_id,
            evening_id: row.evening_id,
            date: row.date,
            evening_title: row.evening_title,
            published: row.published_at.is_some(),
            proposal_id: row.proposal_id,
            subject: row.subject,
            state: decode_code(&row.state)?,
            minutes: row.minutes,
            recorded_at: row.recorded_at,
        })
    })
    .transpose()
}

/// The sessions of proposal `proposal` of the body that have a recorded outcome, newest first.
pub async fn recorded_sessions_of(tx: &mut Tx, body: Id<Body>, proposal: i64) -> Result<Vec<i64>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "SELECT s.id FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
             WHERE s.proposal_id = $1 AND e.body_id = $2 AND s.outcome_recorded_at IS NOT NULL \
             ORDER BY e.date DESC, s.id DESC",
        )
        .bind(proposal)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    }))
}

/// The sessions of evening `evening` of the body with a recorded outcome, with their subjects.
pub async fn recorded_sessions_on(tx: &mut Tx, body: Id<Body>, evening: i64) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.id, p.subject FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
             JOIN proposals p ON p.id = s.proposal_id \
             WHERE e.id = $1 AND e.body_id = $2 AND s.outcome_recorded_at IS NOT NULL ORDER BY p.subject, s.id",
        )
        .bind(evening)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    }))
}

/// Every party of the body, by name.
pub async fn parties(tx: &mut Tx, body: Id<Body>) -> Result<Vec<Party>, StoreError> {
    let rows: Vec<(i64, String, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, name, short_name FROM parties WHERE body_id = $1 ORDER BY name")
            .bind(body.get())
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows.into_iter().map(|(id, name, short_name)| Party { id: Id::new(id), name, short_name }).collect())
}

/// A contribution as stored, with its party's name.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ContributionRow {
    /// The question answered, if any.
    pub question_id: Option<i64>,
    /// The party.
    pub party_id: Option<i64>,
    /// The party's name.
    pub party: Option<String>,
    /// What it said.
    pub text: String,
}

/// The contributions of session `session` (of the body), in the order recorded.
pub async fn contributions(tx: &mut Tx, body: Id<Body>, session: i64) -> Result<Vec<ContributionRow>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT c.question_id, c.party_id, pa.name AS party, c.text FROM contributions c \
             JOIN sessions s ON s.id = c.session_id JOIN market_evenings e ON e.id = s.evening_id \
             LEFT JOIN parties pa ON pa.id = c.party_id WHERE c.session_id = $1 AND e.body_id = $2 ORDER BY c.id",
        )
        .bind(session)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    }))
}

/// A commitment as the overview and the outcome show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentRow {
    /// Identifier.
    pub id: i64,
    /// The session it was made in.
    pub session_id: i64,
    /// The evening's date.
    pub session_date: Date,
    /// Whether the evening is published.
    pub published: bool,
    /// Whether the session's outcome is recorded.
    pub recorded: bool,
    /// The proposal treated.
    pub proposal_id: i64,
    /// Its subject.
    pub subject: String,
    /// The portfolio holder who made it.
    pub holder_id: Option<i64>,
    /// Their name.
    pub holder: Option<String>,
    /// The programme it serves.
    pub programme_id: Option<i64>,
    /// Its name.
    pub programme: Option<String>,
    /// What was promised.
    pub text: String,
    /// The due date.
    pub due_date: Option<Date>,
    /// Its status.
    pub status: CommitmentStatus,
    /// When fulfilled.
    pub fulfilled_on: Option<Date>,
    /// The document that fulfilled it.
    pub fulfilled_by: Option<String>,
}

#[derive(sqlx::FromRow)]
struct CommitmentSql {
    id: i64,
    session_id: i64,
    session_date: Date,
    published_at: Option<OffsetDateTime>,
    recorded_at: Option<OffsetDateTime>,
    proposal_id: i64,
    subject: String,
    holder_id: Option<i64>,
    holder: Option<String>,
    programme_id: Option<i64>,
    programme: Option<String>,
    text: String,
    due_date: Option<Date>,
    status: String,
    fulfilled_on: Option<Date>,
    fulfilled_by: Option<String>,
}

/// The body's commitments, of one session or of all, by the session's date and then in the
/// order they were recorded.
pub async fn commitments(tx: &mut Tx, body: Id<Body>, session: Option<i64>) -> Result<Vec<CommitmentRow>, StoreError> {
    let rows: Vec<CommitmentSql> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT k.id, k.session_id, e.date AS session_date, e.published_at, s.outcome_recorded_at AS recorded_at, \
             p.id AS proposal_id, p.subject, k.portfolio_holder_id AS holder_id, h.name AS holder, k.programme_id, \
             g.name AS programme, k.text, k.due_date, k.status, k.fulfilled_on, k.fulfilled_by \
             FROM commitments k JOIN sessions s ON s.id = k.session_id JOIN market_evenings e ON e.id = s.evening_id \
             JOIN proposals p ON p.id = s.proposal_id LEFT JOIN persons h ON h.id = k.portfolio_holder_id \
             LEFT JOIN programmes g ON g.id = k.programme_id \
             WHERE e.body_id = $1 AND ($2 IS NULL OR k.session_id = $2) ORDER BY e.date, k.session_id, k.id",
        )
        .bind(body.get())
        .bind(session)
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(|row| {
            Ok(CommitmentRow {
                id: row.id,
                session_id: row.session_id,
                session_date: row.session_date,
                published: row.published_at.is_some(),
                recorded: row.recorded_at.is_some(),
                proposal_id: row.proposal_id,
                subject: row.subject,
                holder_id: row.holder_id,
                holder: row.holder,
                programme_id: row.programme_id,
                programme: row.programme,
                text: row.text,
                due_date: row.due_date,
                status: decode_code(&row.status)?,
                fulfilled_on: row.fulfilled_on,
                fulfilled_by: row.fulfilled_by,
            })
        })
        .collect()
}

/// An indicator proposed in a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedIndicator {
    /// Identifier.
    pub id: i64,
    /// Its code in the monitor.
    pub code: String,
    /// Name.
    pub name: String,
    /// What it measures.
    pub definition: String,
    /// Where it stands.
    pub status: IndicatorStatus,
    /// Whether the public may see it in the monitor.
    pub is_published: bool,
    /// The party that proposed it.
    pub party_id: Option<i64>,
    /// Its name.
    pub party: Option<String>,
}

type ProposedRow = (i64, String, String, String, String, bool, Option<i64>, Option<String>);

/// The indicators proposed in session `session` of the body, in the order created.
pub async fn proposed_indicators(
    tx: &mut Tx,
    body: Id<Body>,
    session: i64,
) -> Result<Vec<ProposedIndicator>, StoreError> {
    let rows: Vec<ProposedRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT i.id, i.code, i.name, i.definition, i.status, i.is_published, i.proposed_by_party_id, pa.name \
                 FROM indicators i LEFT JOIN parties pa ON pa.id = i.proposed_by_party_id \
                 WHERE i.proposed_in_session_id = $1 AND i.body_id = $2 ORDER BY i.id",
        )
        .bind(session)
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    rows.into_iter()
        .map(|(id, code, name, definition, status, is_published, party_id, party)| {
            Ok(ProposedIndicator {
                id,
                code,
                name,
                definition,
                status: decode_code(&status)?,
                is_published,
                party_id,
                party,
            })
        })
        .collect()
}

/// The party that proposed each of the body's indicators that a party proposed.
pub async fn proposing_parties(tx: &mut Tx, body: Id<Body>) -> Result<Vec<(i64, String)>, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT i.id, pa.name FROM indicators i JOIN parties pa ON pa.id = i.proposed_by_party_id \
             WHERE i.body_id = $1 ORDER BY i.id",
        )
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    }))
}

/// One contribution to store: checked by the caller (the question is the session's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewContribution {
    /// The question answered.
    pub question_id: Option<i64>,
    /// The party.
    pub party_id: i64,
    /// What it said.
    pub text: String,
}

/// One commitment to store; checked by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCommitment {
    /// The session's commitment this row is, if it exists already: it keeps its id, so that
    /// links to it and the API's ids stay the same when the outcome is recorded again.
    pub existing: Option<i64>,
    /// The portfolio holder.
    pub holder_id: i64,
    /// The programme it serves.
    pub programme_id: Option<i64>,
    /// What was promised.
    pub text: String,
    /// The due date (the caller fills in the default).
    pub due_date: Date,
    /// Status.
    pub status: CommitmentStatus,
    /// When fulfilled.
    pub fulfilled_on: Option<Date>,
    /// The document that fulfilled it.
    pub fulfilled_by: Option<String>,
}

/// One proposed indicator to store: an existing one of the session (by id) to change, or a
/// new one with the code given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProposedIndicator {
    /// The indicator of the session this row is, if it exists already.
    pub existing: Option<i64>,
    /// The code for a new one.
    pub code: String,
    /// Name.
    pub name: String,
    /// What it measures.
    pub definition: String,
    /// The party that proposed it.
    pub party_id: Option<i64>,
}

/// The whole outcome of a session as the form gives it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutcomeInput {
    /// The minutes.
    pub minutes: String,
    /// The contributions.
    pub contributions: Vec<NewContribution>,
    /// The commitments.
    pub commitments: Vec<NewCommitment>,
    /// The proposed indicators.
    pub indicators: Vec<NewProposedIndicator>,
}

/// What [`record`] changed, for the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordReport {
    /// Codes of the indicators created as kandidaat.
    pub created_indicators: Vec<String>,
    /// Codes of candidate indicators removed because their row was removed.
    pub removed_indicators: Vec<String>,
}

/// Replaces the outcome of session `session` of the body: its minutes, contributions and
/// commitments, and the indicators proposed in it (new ones become kandidaat; candidates whose
/// row was removed are deleted; those settled since stay as they are). Marks the outcome
/// recorded at `now`. A person, party or programme of another body is refused as not found.
pub async fn record(
    tx: &mut Tx,
    body: Id<Body>,
    session: i64,
    input: &OutcomeInput,
    user: Option<i64>,
    now: OffsetDateTime,
) -> Result<RecordReport, StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE sessions SET minutes = $1, outcome_recorded_at = $2 WHERE id = $3 \
             AND evening_id IN (SELECT id FROM market_evenings WHERE body_id = $4)",
        )
        .bind(&input.minutes)
        .bind(stored_moment(now))
        .bind(session)
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::NotFound(format!("session {session}")));
    }
    require_owned(tx, body, Owned::Person, input.commitments.iter().map(|commitment| commitment.holder_id)).await?;
    require_owned(
        tx,
        body,
        Owned::Programme,
        input.commitments.iter().filter_map(|commitment| commitment.programme_id),
    )
    .await?;
    require_owned(
        tx,
        body,
        Owned::Party,
        input
            .contributions
            .iter()
            .map(|contribution| contribution.party_id)
            .chain(input.indicators.iter().filter_map(|indicator| indicator.party_id)),
    )
    .await?;
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM contributions WHERE session_id = $1").bind(session).execute(&mut *connection).await?;
    });
    let kept: Vec<i64> = input.commitments.iter().filter_map(|commitment| commitment.existing).collect();
    let stored_commitments: Vec<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT id FROM commitments WHERE session_id = $1 ORDER BY id")
            .bind(session)
            .fetch_all(&mut *connection)
            .await?
    });
    for id in stored_commitments.iter().filter(|id| !kept.contains(id)) {
        on_connection!(tx, |connection| {
            sqlx::query("DELETE FROM commitments WHERE id = $1").bind(id).execute(&mut *connection).await?;
        });
    }
    for contribution in &input.contributions {
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO contributions (session_id, question_id, party_id, text, created_by_user_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(session)
            .bind(contribution.question_id)
            .bind(contribution.party_id)
            .bind(&contribution.text)
            .bind(user)
            .bind(stored_moment(now))
            .execute(&mut *connection)
            .await?;
        });
    }
    for commitment in &input.commitments {
        if let Some(id) = commitment.existing.filter(|id| stored_commitments.contains(id)) {
            on_connection!(tx, |connection| {
                sqlx::query(
                    "UPDATE commitments SET portfolio_holder_id = $1, programme_id = $2, text = $3, due_date = $4, \
                     status = $5, fulfilled_on = $6, fulfilled_by = $7 WHERE id = $8 AND session_id = $9",
                )
                .bind(commitment.holder_id)
                .bind(commitment.programme_id)
                .bind(&commitment.text)
                .bind(commitment.due_date)
                .bind(commitment.status.code())
                .bind(commitment.fulfilled_on)
                .bind(commitment.fulfilled_by.as_deref())
                .bind(id)
                .bind(session)
                .execute(&mut *connection)
                .await?;
            });
            continue;
        }
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO commitments (session_id, portfolio_holder_id, programme_id, text, due_date, status, \
                 fulfilled_on, fulfilled_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(session)
            .bind(commitment.holder_id)
            .bind(commitment.programme_id)
            .bind(&commitment.text)
            .bind(commitment.due_date)
            .bind(commitment.status.code())
            .bind(commitment.fulfilled_on)
            .bind(commitment.fulfilled_by.as_deref())
            .bind(stored_moment(now))
            .execute(&mut *connection)
            .await?;
        });
    }
    let mut report = RecordReport::default();
    let existing = proposed_indicators(tx, body, session).await?;
    let kept: Vec<i64> = input.indicators.iter().filter_map(|indicator| indicator.existing).collect();
    for indicator in existing.iter().filter(|indicator| !kept.contains(&indicator.id)) {
        if indicator.status == IndicatorStatus::Candidate {
            on_connection!(tx, |connection| {
                sqlx::query("DELETE FROM indicators WHERE id = $1 AND body_id = $2")
                    .bind(indicator.id)
                    .bind(body.get())
                    .execute(&mut *connection)
                    .await?;
            });
            report.removed_indicators.push(indicator.code.clone());
        }
    }
    for indicator in &input.indicators {
        match indicator.existing {
            Some(id) if existing.iter().any(|known| known.id == id && known.status == IndicatorStatus::Candidate) => {
                on_connection!(tx, |connection| {
                    sqlx::query(
                        "UPDATE indicators SET name = $1, definition = $2, proposed_by_party_id = $3, updated_at = $4 \
                         WHERE id = $5 AND body_id = $6",
                    )
                    .bind(&indicator.name)
                    .bind(&indicator.definition)
                    .bind(indicator.party_id)
                    .bind(stored_moment(now))
                    .bind(id)
                    .bind(body.get())
                    .execute(&mut *connection)
                    .await?;
                });
            }
            // Settled since, or not this session's: a record of the past, left as it is.
            Some(_) => {}
            None => {
                let candidate = IndicatorInput {
                    code: indicator.code.clone(),
                    name: indicator.name.clone(),
                    definition: indicator.definition.clone(),
                    // Placeholders until the college settles it with its unit and direction.
                    unit: Unit::Count,
                    direction: Direction::Neutral,
                    theme: wijkbeeld_domain::monitor::Theme::Participation,
                    kind: wijkbeeld_domain::monitor::IndicatorKind::Objective,
                    source: String::new(),
                    owner_partner_id: None,
                    status: IndicatorStatus::Candidate,
                    is_key: false,
                    is_published: false,
                    decimals: 1,
                    programme_ids: Vec::new(),
                };
                let id = monitor::create_indicator(tx, body, &candidate, now).await?;
                link_proposal(tx, body, id.get(), session, indicator.party_id).await?;
                report.created_indicators.push(indicator.code.clone());
            }
        }
    }
    Ok(report)
}

/// Marks indicator `indicator` of the body as proposed in `session` by `party`.
pub async fn link_proposal(
    tx: &mut Tx,
    body: Id<Body>,
    indicator: i64,
    session: i64,
    party: Option<i64>,
) -> Result<(), StoreError> {
    on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE indicators SET proposed_in_session_id = $1, proposed_by_party_id = $2 WHERE id = $3 AND body_id = $4",
        )
        .bind(session)
        .bind(party)
        .bind(indicator)
        .bind(body.get())
        .execute(&mut *connection)
        .await?;
    });
    Ok(())
}

/// Settles candidate indicator `indicator` of the body: vastgesteld, with its unit and
/// direction. False when it is not (or no longer) a candidate.
pub async fn settle_indicator(
    tx: &mut Tx,
    body: Id<Body>,
    indicator: i64,
    unit: Unit,
    direction: Direction,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE indicators SET status = $1, unit = $2, direction = $3, updated_at = $4 \
             WHERE id = $5 AND body_id = $6 AND status = $7",
        )
        .bind(IndicatorStatus::Adopted.code())
        .bind(unit.code())
        .bind(direction.code())
        .bind(stored_moment(now))
        .bind(indicator)
        .bind(body.get())
        .bind(IndicatorStatus::Candidate.code())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 1 {
        monitor::bump_data_version(tx).await?;
    }
    Ok(changed == 1)
}
