//! Behandelvoorstellen: their content with programme, history documents and attachments, the
//! list with its filters, state changes, and placing them on a market evening. Every function
//! works on one body's proposals (a proposal's programme, documents, domains and attachments are
//! its body's through it); a proposal of another body is not found.

use time::{Date, OffsetDateTime, Time};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::people::{Body, Person};
use wijkbeeld_domain::proposal::{
    Domain, ProgrammeItem, Proposal, ProposalInput, ProposalState, Question, SpeakingRules,
};

use crate::{Owned, StoreError, Tx, decode_code, on_connection, require_owned, stored_moment};

/// Which proposals a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalFilter {
    /// Only this state.
    pub state: Option<ProposalState>,
    /// Only proposals with this domain.
    pub domain: Option<Domain>,
    /// Only this portfolio holder.
    pub portfolio_holder: Option<Id<Person>>,
    /// Only subjects or case numbers containing this text (any case).
    pub text: Option<String>,
}

/// A proposal as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalSummary {
    /// Identifier.
    pub id: Id<Proposal>,
    /// Onderwerp.
    pub subject: String,
    /// Zaaknummer.
    pub case_number: Option<String>,
    /// State.
    pub state: ProposalState,
    /// Domeinen.
    pub domains: Vec<Domain>,
    /// Portefeuillehouder's name.
    pub portfolio_holder: Option<String>,
    /// The evening it is on, if any.
    pub evening: Option<Date>,
    /// Whether that evening is published.
    pub published: bool,
}

/// A history document with its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLine {
    /// Documentnummer.
    pub number: String,
    /// Title.
    pub title: Option<String>,
}

/// An attachment's description (its bytes are fetched apart).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AttachmentInfo {
    /// Identifier.
    pub id: i64,
    /// File name as uploaded.
    pub file_name: String,
    /// Media type.
    pub media_type: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256, hexadecimal.
    pub sha256: String,
    /// When.
    pub uploaded_at: OffsetDateTime,
}

/// Where a proposal is planned.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Placement {
    /// The session.
    pub session_id: i64,
    /// The evening.
    pub evening_id: i64,
    /// Its date.
    pub date: Date,
    /// Whether it is published.
    pub published: bool,
    /// The room, once planned.
    pub room: Option<String>,
    /// The round's start, once planned.
    pub starts_at: Option<Time>,
    /// The round's end.
    pub ends_at: Option<Time>,
    /// The session's chair, once staffed.
    pub chair: Option<String>,
    /// The session's clerk, once staffed.
    pub clerk: Option<String>,
}

/// A proposal with everything its page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalDetail {
    /// The proposal.
    pub proposal: Proposal,
    /// Portefeuillehouder's name.
    pub portfolio_holder: Option<String>,
    /// Voorzitter's name.
    pub chair: Option<String>,
    /// Griffiemedewerker's name.
    pub clerk: Option<String>,
    /// Zaal's name.
    pub room: Option<String>,
    /// The history's documents, in order.
    pub history_documents: Vec<DocumentLine>,
    /// Behandeladvies.
    pub programme: Vec<ProgrammeItem>,
    /// Attachments, oldest first.
    pub attachments: Vec<AttachmentInfo>,
    /// The evening it is on, if any (the latest).
    pub placement: Option<Placement>,
}

#[derive(sqlx::FromRow)]
struct ProposalRow {
    id: i64,
    subject: String,
    case_number: Option<String>,
    portfolio_holder_id: Option<i64>,
    history: String,
    state: String,
    purpose: Option<String>,
    duration_minutes: Option<i64>,
    market_date: Option<Date>,
    chair_id: Option<i64>,
    clerk_id: Option<i64>,
    room_id: Option<i64>,
    expected_attendance: Option<i64>,
    needs_livestream: bool,
    speaking_allowed: Option<bool>,
    speaking_minutes_per_speaker: Option<i64>,
    speaking_max_speakers: Option<i64>,
    speaking_deadline: Option<OffsetDateTime>,
    speaking_note: Option<String>,
    portfolio_holder_name: Option<String>,
    chair_name: Option<String>,
    clerk_name: Option<String>,
    room_name: Option<String>,
}

fn small(value: Option<i64>) -> Option<u16> {
    value.and_then(|value| u16::try_from(value).ok())
}

/// The domains of a proposal.
async fn domains_of(tx: &mut Tx, proposal: i64) -> Result<Vec<Domain>, StoreError> {
    let codes: Vec<String> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT domain FROM proposal_domains WHERE proposal_id = $1")
            .bind(proposal)
            .fetch_all(&mut *connection)
            .await?
    });
    let mut domains = codes.iter().map(|code| decode_code(code)).collect::<Result<Vec<Domain>, _>>()?;
    domains.sort();
    Ok(domains)
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: i64,
    subject: String,
    case_number: Option<String>,
    state: String,
    portfolio_holder: Option<String>,
    evening: Option<Date>,
    published: Option<bool>,
}

/// Every proposal of the body that matches, the newest first.
pub async fn list(tx: &mut Tx, body: Id<Body>, filter: &ProposalFilter) -> Result<Vec<ProposalSummary>, StoreError> {
    let rows: Vec<SummaryRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.subject, p.case_number, p.state, h.name AS portfolio_holder, e.date AS evening, \
             e.published_at IS NOT NULL AS published \
             FROM proposals p \
             LEFT JOIN persons h ON h.id = p.portfolio_holder_id \
             LEFT JOIN sessions s ON s.id = (SELECT MAX(s2.id) FROM sessions s2 WHERE s2.proposal_id = p.id) \
             LEFT JOIN market_evenings e ON e.id = s.evening_id \
             WHERE p.body_id = $4 AND ($1 IS NULL OR p.state = $1) \
               AND ($2 IS NULL OR EXISTS (SELECT 1 FROM proposal_domains d WHERE d.proposal_id = p.id AND d.domain = $2)) \
               AND ($3 IS NULL OR p.portfolio_holder_id = $3) \
             ORDER BY p.id DESC",
        )
        .bind(filter.state.map(ProposalState::code))
        .bind(filter.domain.map(Domain::code))
        .bind(filter.portfolio_holder.map(Id::get))
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    // The text is matched here rather than in SQL: SQLite's LOWER() folds only ASCII, and a
    // search for "José" must find "JOSÉ" on both backends.
    let needle = filter.text.as_deref().map(|text| text.trim().to_lowercase()).filter(|text| !text.is_empty());
    let matches = |row: &SummaryRow| match &needle {
        None => true,
        Some(needle) => {
            row.subject.to_lowercase().contains(needle)
                || row.case_number.as_deref().is_some_and(|number| number.to_lowercase().contains(needle))
        }
    };
    let mut summaries = Vec::with_capacity(rows.len());
    for row in rows.into_iter().filter(matches) {
        summaries.push(ProposalSummary {
            id: Id::new(row.id),
            subject: row.subject,
            case_number: row.case_number,
            state: decode_code(&row.state)?,
            domains: domains_of(tx, row.id).await?,
            portfolio_holder: row.portfolio_holder,
            evening: row.evening,
            published: row.published.unwrap_or(false),
        });
    }
    Ok(summaries)
}

/// One proposal of the body with everything its page shows.
pub async fn detail(tx: &mut Tx, body: Id<Body>, id: Id<Proposal>) -> Result<ProposalDetail, StoreError> {
    let row: Option<ProposalRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT p.id, p.subject, p.case_number, p.portfolio_holder_id, p.history, p.state, p.purpose, \
                    p.duration_minutes, p.market_date, p.chair_id, p.clerk_id, p.room_id, p.expected_attendance, \
                    p.needs_livestream, p.speaking_allowed, p.speaking_minutes_per_speaker, p.speaking_max_speakers, \
                    p.speaking_deadline, p.speaking_note, \
                    h.name AS portfolio_holder_name, c.name AS chair_name, k.name AS clerk_name, r.name AS room_name \
             FROM proposals p \
             LEFT JOIN persons h ON h.id = p.portfolio_holder_id \
             LEFT JOIN persons c ON c.id = p.chair_id \
             LEFT JOIN persons k ON k.id = p.clerk_id \
             LEFT JOIN rooms r ON r.id = p.room_id \
             WHERE p.id = $1 AND p.body_id = $2",
        )
        .bind(id.get())
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    let row = row.ok_or_else(|| StoreError::NotFound(format!("proposal {id}")))?;
    let domains = domains_of(tx, row.id).await?;
    let proposal = Proposal {
        id: Id::new(row.id),
        subject: row.subject,
        case_number: row.case_number,
        portfolio_holder_id: row.portfolio_holder_id.map(Id::new),
        history: row.history,
        state: decode_code(&row.state)?,
        purpose: row.purpose.as_deref().map(decode_code).transpose()?,
        domains,
        duration_minutes: small(row.duration_minutes),
        market_date: row.market_date,
        chair_id: row.chair_id.map(Id::new),
        clerk_id: row.clerk_id.map(Id::new),
        room_id: row.room_id.map(Id::new),
        expected_attendance: small(row.expected_attendance),
        needs_livestream: row.needs_livestream,
        speaking: SpeakingRules {
            allowed: row.speaking_allowed,
            minutes_per_speaker: small(row.speaking_minutes_per_speaker),
            max_speakers: small(row.speaking_max_speakers),
            deadline: row.speaking_deadline,
            note: row.speaking_note,
        },
    };
    let documents: Vec<(String, Option<String>)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT d.number, d.title FROM proposal_history_documents h JOIN documents d ON d.id = h.document_id \
             WHERE h.proposal_id = $1 ORDER BY h.position",
        )
        .bind(id.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let items: Vec<(i64, i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, position, text FROM programme_items WHERE proposal_id = $1 ORDER BY position")
            .bind(id.get())
            .fetch_all(&mut *connection)
            .await?
    });
    let questions: Vec<(i64, i64, i64, String)> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT q.programme_item_id, q.id, q.position, q.text FROM questions q \
             JOIN programme_items i ON i.id = q.programme_item_id WHERE i.proposal_id = $1 ORDER BY q.position",
        )
        .bind(id.get())
        .fetch_all(&mut *connection)
        .await?
    });
    let programme = items
        .into_iter()
        .map(|(item_id, position, text)| ProgrammeItem {
            id: Id::new(item_id),
            position: u16::try_from(position).unwrap_or(u16::MAX),
            text,
            questions: questions
                .iter()
                .filter(|(item, ..)| *item == item_id)
                .map(|(_, question_id, position, text)| Question {
                    id: Id::new(*question_id),
                    position: u16::try_from(*position).unwrap_or(u16::MAX),
                    text: text.clone(),
                })
                .collect(),
        })
        .collect();
    let attachments = attachments(tx, body, id).await?;
    let placement: Option<Placement> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT s.id AS session_id, e.id AS evening_id, e.date, e.published_at IS NOT NULL AS published, r.name AS room, \
                 u.starts_at, u.ends_at, c.name AS chair, k.name AS clerk \
                 FROM sessions s JOIN market_evenings e ON e.id = s.evening_id \
                 LEFT JOIN rooms r ON r.id = s.room_id LEFT JOIN rounds u ON u.id = s.first_round_id \
                 LEFT JOIN persons c ON c.id = s.chair_id LEFT JOIN persons k ON k.id = s.clerk_id \
                 WHERE s.proposal_id = $1 ORDER BY e.date DESC LIMIT 1",
        )
        .bind(id.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    Ok(ProposalDetail {
        proposal,
        portfolio_holder: row.portfolio_holder_name,
        chair: row.chair_name,
        clerk: row.clerk_name,
        room: row.room_name,
        history_documents: documents.into_iter().map(|(number, title)| DocumentLine { number, title }).collect(),
        programme,
        attachments,
        placement,
    })
}

/// Stores a new proposal of the body in a state. People and a room of another body are refused
/// as not found, before anything is written.
pub async fn create(
    tx: &mut Tx,
    body: Id<Body>,
    input: &ProposalInput,
    state: ProposalState,
    now: OffsetDateTime,
) -> Result<Id<Proposal>, StoreError> {
    require_links(tx, body, input).await?;
    let id: i64 = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO proposals (body_id, subject, state, history, created_at, updated_at) \
             VALUES ($1, $2, $3, '', $4, $4) RETURNING id",
        )
        .bind(body.get())
        .bind(&input.subject)
        .bind(state.code())
        .bind(stored_moment(now))
        .fetch_one(&mut *connection)
        .await?
    });
    let id = Id::new(id);
    replace_content(tx, body, id, input, now).await?;
    Ok(id)
}

/// Refuses a proposal's people and room when they are not the body's.
async fn require_links(tx: &mut Tx, body: Id<Body>, input: &ProposalInput) -> Result<(), StoreError> {
    let people = [input.portfolio_holder_id, input.chair_id, input.clerk_id];
    require_owned(tx, body, Owned::Person, people.into_iter().flatten().map(Id::get)).await?;
    require_owned(tx, body, Owned::Room, input.room_id.map(Id::get)).await
}

/// Replaces the content of the body's proposal with `input` (its state stays). People and a
/// room of another body are refused as not found.
pub async fn update(
    tx: &mut Tx,
    body: Id<Body>,
    id: Id<Proposal>,
    input: &ProposalInput,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    require_links(tx, body, input).await?;
    replace_content(tx, body, id, input, now).await
}

/// Writes `input` over the body's proposal, its links already checked.
async fn replace_content(
    tx: &mut Tx,
    body: Id<Body>,
    id: Id<Proposal>,
    input: &ProposalInput,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let speaking = &input.speaking;
    let changed = on_connection!(tx, |connection| {
        sqlx::query(
            "UPDATE proposals SET subject = $1, case_number = $2, portfolio_holder_id = $3, history = $4, purpose = $5, \
             duration_minutes = $6, market_date = $7, chair_id = $8, clerk_id = $9, room_id = $10, \
             expected_attendance = $11, needs_livestream = $12, speaking_allowed = $13, \
             speaking_minutes_per_speaker = $14, speaking_max_speakers = $15, speaking_deadline = $16, \
             speaking_note = $17, updated_at = $18 WHERE id = $19 AND body_id = $20",
        )
        .bind(&input.subject)
        .bind(input.case_number.as_deref())
        .bind(input.portfolio_holder_id.map(Id::get))
        .bind(&input.history)
        .bind(input.purpose.map(|purpose| purpose.code()))
        .bind(input.duration_minutes.map(i64::from))
        .bind(input.market_date)
        .bind(input.chair_id.map(Id::get))
        .bind(input.clerk_id.map(Id::get))
        .bind(input.room_id.map(Id::get))
        .bind(input.expected_attendance.map(i64::from))
        .bind(input.needs_livestream)
        .bind(speaking.allowed)
        .bind(speaking.minutes_per_speaker.map(i64::from))
        .bind(speaking.max_speakers.map(i64::from))
        .bind(speaking.deadline.map(stored_moment))
        .bind(speaking.note.as_deref())
        .bind(stored_moment(now))
        .bind(id.get())
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if changed == 0 {
        return Err(StoreError::NotFound(format!("proposal {id}")));
    }
    on_connection!(tx, |connection| {
        for statement in [
            "DELETE FROM proposal_domains WHERE proposal_id = $1",
            "DELETE FROM proposal_history_documents WHERE proposal_id = $1",
            "DELETE FROM programme_items WHERE proposal_id = $1",
        ] {
            sqlx::query(statement).bind(id.get()).execute(&mut *connection).await?;
        }
        for domain in &input.domains {
            sqlx::query("INSERT INTO proposal_domains (proposal_id, domain) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                .bind(id.get())
                .bind(domain.code())
                .execute(&mut *connection)
                .await?;
        }
    });
    for (position, document) in (1_i64..).zip(&input.history_documents) {
        let document_id = ensure_document(tx, body, &document.number, document.title.as_deref()).await?;
        on_connection!(tx, |connection| {
            sqlx::query(
                "INSERT INTO proposal_history_documents (proposal_id, position, document_id) VALUES ($1, $2, $3)",
            )
            .bind(id.get())
            .bind(position)
            .bind(document_id.0)
            .execute(&mut *connection)
            .await?;
        });
    }
    for (position, item) in (1_i64..).zip(&input.programme) {
        on_connection!(tx, |connection| {
            let item_id: i64 = sqlx::query_scalar(
                "INSERT INTO programme_items (proposal_id, position, text) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(id.get())
            .bind(position)
            .bind(&item.text)
            .fetch_one(&mut *connection)
            .await?;
            for (question_position, question) in (1_i64..).zip(&item.questions) {
                sqlx::query("INSERT INTO questions (programme_item_id, position, text) VALUES ($1, $2, $3)")
                    .bind(item_id)
                    .bind(question_position)
                    .bind(question)
                    .execute(&mut *connection)
                    .await?;
            }
        });
    }
    Ok(())
}

/// The body's document by number: its id, and whether it was created now. A title given
/// replaces the one stored (documents are shared, so every proposal naming it shows the new
/// title).
pub async fn ensure_document(
    tx: &mut Tx,
    body: Id<Body>,
    number: &str,
    title: Option<&str>,
) -> Result<(i64, bool), StoreError> {
    Ok(on_connection!(tx, |connection| {
        let found: Option<(i64, Option<String>)> =
            sqlx::query_as("SELECT id, title FROM documents WHERE body_id = $1 AND number = $2")
                .bind(body.get())
                .bind(number)
                .fetch_optional(&mut *connection)
                .await?;
        match found {
            Some((id, existing)) => {
                // A title given is the latest word on the document's title.
                if title.is_some() && existing.as_deref() != title {
                    sqlx::query("UPDATE documents SET title = $1 WHERE id = $2")
                        .bind(title)
                        .bind(id)
                        .execute(&mut *connection)
                        .await?;
                }
                (id, false)
            }
            None => {
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO documents (body_id, number, title) VALUES ($1, $2, $3) RETURNING id",
                )
                .bind(body.get())
                .bind(number)
                .bind(title)
                .fetch_one(&mut *connection)
                .await?;
                (id, true)
            }
        }
    }))
}

/// Moves the body's proposal from one state to another; `false` when it was no longer in `from`
/// (someone else moved it first) or is not the body's.
pub async fn set_state(
    tx: &mut Tx,
    body: Id<Body>,
    id: Id<Proposal>,
    from: ProposalState,
    to: ProposalState,
    now: OffsetDateTime,
) -> Result<bool, StoreError> {
    let changed = on_connection!(tx, |connection| {
        sqlx::query("UPDATE proposals SET state = $1, updated_at = $2 WHERE id = $3 AND state = $4 AND body_id = $5")
            .bind(to.code())
            .bind(stored_moment(now))
            .bind(id.get())
            .bind(from.code())
            .bind(body.get())
            .execute(&mut *connection)
            .await?
            .rows_affected()
    });
    Ok(changed == 1)
}

/// An evening a proposal can be placed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EveningChoice {
    /// Identifier.
    pub id: i64,
    /// Date.
    pub date: Date,
    /// Title.
    pub title: String,
}

/// The body's evenings from `today` on, soonest first.
pub async fn evenings_from(tx: &mut Tx, body: Id<Body>, today: Date) -> Result<Vec<EveningChoice>, StoreError> {
    let rows: Vec<(i64, Date, String)> = on_connection!(tx, |connection| {
        sqlx::query_as("SELECT id, date, title FROM market_evenings WHERE body_id = $1 AND date >= $2 ORDER BY date")
            .bind(body.get())
            .bind(today)
            .fetch_all(&mut *connection)
            .await?
    });
    Ok(rows.into_iter().map(|(id, date, title)| EveningChoice { id, date, title }).collect())
}

/// Puts the body's proposal on one of its evenings as a session still to be planned, with the
/// proposal's own speaking rules, with the defaults where it states none (five minutes per
/// speaker, a deadline of 12:00 on the evening's day: `wijkbeeld_domain::speaking::session_rules`).
/// A proposal or evening that is not the body's is not found.
pub async fn place_on_evening(tx: &mut Tx, body: Id<Body>, id: Id<Proposal>, evening: i64) -> Result<(), StoreError> {
    let date: Option<Date> = on_connection!(tx, |connection| {
        sqlx::query_scalar("SELECT date FROM market_evenings WHERE id = $1 AND body_id = $2")
            .bind(evening)
            .bind(body.get())
            .fetch_optional(&mut *connection)
            .await?
    });
    let Some(date) = date else {
        return Err(StoreError::NotFound(format!("proposal {id} or market evening {evening}")));
    };
    let defaults = wijkbeeld_domain::speaking::session_rules(&SpeakingRules::default(), date).rules;
    let placed = on_connection!(tx, |connection| {
        sqlx::query(
            "INSERT INTO sessions (evening_id, proposal_id, speaking_allowed, speaking_minutes_per_speaker, \
             speaking_max_speakers, speaking_deadline, speaking_note) \
             SELECT e.id, p.id, p.speaking_allowed, COALESCE(p.speaking_minutes_per_speaker, $4), \
                    p.speaking_max_speakers, COALESCE(p.speaking_deadline, $5), p.speaking_note \
             FROM proposals p JOIN market_evenings e ON e.id = $1 AND e.body_id = p.body_id \
             WHERE p.id = $2 AND p.body_id = $3",
        )
        .bind(evening)
        .bind(id.get())
        .bind(body.get())
        .bind(defaults.minutes_per_speaker.map(i64::from))
        .bind(defaults.deadline.map(stored_moment))
        .execute(&mut *connection)
        .await?
        .rows_affected()
    });
    if placed == 0 {
        return Err(StoreError::NotFound(format!("proposal {id} or market evening {evening}")));
    }
    Ok(())
}

/// Takes the body's proposal off the evenings it is on but has not been treated at: sessions
/// without registered speakers, contributions or commitments are removed.
pub async fn remove_from_evenings(tx: &mut Tx, body: Id<Body>, id: Id<Proposal>) -> Result<u64, StoreError> {
    Ok(on_connection!(tx, |connection| {
        sqlx::query(
            "DELETE FROM sessions WHERE proposal_id = $1 \
             AND proposal_id IN (SELECT id FROM proposals WHERE body_id = $2) \
             AND NOT EXISTS (SELECT 1 FROM speaker_registrations r WHERE r.session_id = sessions.id) \
             AND NOT EXISTS (SELECT 1 FROM contributions c WHERE c.session_id = sessions.id) \
             AND NOT EXISTS (SELECT 1 FROM commitments k WHERE k.session_id = sessions.id)",
        )
        .bind(id.get())
        .bind(body.get())
        .execute(&mut *connection)
        .await?
        .rows_affected()
    }))
}

/// A new attachment.
#[derive(Debug, Clone)]
pub struct NewAttachment<'a> {
    /// File name.
    pub file_name: &'a str,
    /// Media type.
    pub media_type: &'a str,
    /// The bytes.
    pub content: &'a [u8],
    /// Their SHA-256, hexadecimal.
    pub sha256: &'a str,
    /// Who uploaded it.
    pub uploaded_by: Option<i64>,
}

/// Stores an attachment of the body's proposal.
pub async fn add_attachment(
    tx: &mut Tx,
    body: Id<Body>,
    proposal: Id<Proposal>,
    attachment: &NewAttachment<'_>,
    now: OffsetDateTime,
) -> Result<i64, StoreError> {
    let size = i64::try_from(attachment.content.len()).unwrap_or(i64::MAX);
    let id: Option<i64> = on_connection!(tx, |connection| {
        sqlx::query_scalar(
            "INSERT INTO proposal_attachments (proposal_id, file_name, media_type, size_bytes, sha256, content, \
             uploaded_by_user_id, uploaded_at) \
             SELECT id, $2, $3, $4, $5, $6, $7, $8 FROM proposals WHERE id = $1 AND body_id = $9 RETURNING id",
        )
        .bind(proposal.get())
        .bind(attachment.file_name)
        .bind(attachment.media_type)
        .bind(size)
        .bind(attachment.sha256)
        .bind(attachment.content)
        .bind(attachment.uploaded_by)
        .bind(stored_moment(now))
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    id.ok_or_else(|| StoreError::NotFound(format!("proposal {proposal}")))
}

/// The attachments of the body's proposal, oldest first.
pub async fn attachments(
    tx: &mut Tx,
    body: Id<Body>,
    proposal: Id<Proposal>,
) -> Result<Vec<AttachmentInfo>, StoreError> {
    let rows: Vec<AttachmentInfo> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.uploaded_at \
             FROM proposal_attachments a JOIN proposals p ON p.id = a.proposal_id \
             WHERE a.proposal_id = $1 AND p.body_id = $2 ORDER BY a.id",
        )
        .bind(proposal.get())
        .bind(body.get())
        .fetch_all(&mut *connection)
        .await?
    });
    Ok(rows)
}

#[derive(sqlx::FromRow)]
struct AttachmentRow {
    #[sqlx(flatten)]
    info: AttachmentInfo,
    content: Vec<u8>,
}

/// An attachment's description and bytes, if it belongs to the body's proposal.
pub async fn attachment(
    tx: &mut Tx,
    body: Id<Body>,
    proposal: Id<Proposal>,
    attachment: i64,
) -> Result<(AttachmentInfo, Vec<u8>), StoreError> {
    let row: Option<AttachmentRow> = on_connection!(tx, |connection| {
        sqlx::query_as(
            "SELECT a.id, a.file_name, a.media_type, a.size_bytes, a.sha256, a.uploaded_at, a.content \
             FROM proposal_attachments a JOIN proposals p ON p.id = a.proposal_id \
             WHERE a.proposal_id = $1 AND a.id = $2 AND p.body_id = $3",
        )
        .bind(proposal.get())
        .bind(attachment)
        .bind(body.get())
        .fetch_optional(&mut *connection)
        .await?
    });
    let row = row.ok_or_else(|| StoreError::NotFound(format!("attachment {attachment}")))?;
    Ok((row.info, row.content))
}

/// Removes an attachment of the body's proposal; its description, for the audit log.
pub async fn remove_attachment(
    tx: &mut Tx,
    body: Id<Body>,
    proposal: Id<Proposal>,
    attachment: i64,
) -> Result<AttachmentInfo, StoreError> {
    // Found through the body first, so another body's attachment is never removed.
    let (info, _) = self::attachment(tx, body, proposal, attachment).await?;
    on_connection!(tx, |connection| {
        sqlx::query("DELETE FROM proposal_attachments WHERE proposal_id = $1 AND id = $2")
            .bind(proposal.get())
            .bind(attachment)
            .execute(&mut *connection)
            .await?;
    });
    Ok(info)
}
