//! The use cases of behandelvoorstellen, shared by the pages and the command line: import from
//! text, create and edit, move through the lifecycle, attachments. Each checks the role and the
//! input, writes in one transaction, and records the change in the audit log.

use sha2::{Digest, Sha256};
use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::behandelvoorstel::{
    self, History, ParseError, ParseOptions, ProgrammeEntry, ProposalDocument, PublicSpeaking,
};
use wijkbeeld_domain::people::Person;
use wijkbeeld_domain::proposal::{
    HistoryDocument, ProgrammeInput, Proposal, ProposalInput, ProposalState, SpeakingRules, TransitionError,
};
use wijkbeeld_store::audit::{self, Change};
use wijkbeeld_store::proposals::{self as stored, NewAttachment, ProposalDetail};
use wijkbeeld_store::{Store, StoreError, Tx, people};

use crate::accounts::Actor;

/// The largest attachment accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// The kinds of attachment accepted, by file extension, with their media type.
pub const ATTACHMENT_TYPES: &[(&str, &str)] = &[
    ("pdf", "application/pdf"),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("odp", "application/vnd.oasis.opendocument.presentation"),
    ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("txt", "text/plain"),
    ("csv", "text/csv"),
];

/// Why a proposal change was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ProposalError {
    /// The text cannot be read as a behandelvoorstel.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// There is no municipality to add it to yet.
    #[error("the database holds no municipality yet; load the demo or import areas first")]
    NoMunicipality,
    /// The role may not edit a proposal in this state.
    #[error("a proposal that is {state} cannot be edited by the role {role}")]
    NotEditable {
        /// The proposal's state.
        state: ProposalState,
        /// The role that tried.
        role: Role,
    },
    /// The lifecycle refuses the move.
    #[error(transparent)]
    Transition(#[from] TransitionError),
    /// Someone else changed the state first.
    #[error("the proposal was changed in the meantime; reload it and try again")]
    Concurrent,
    /// Placing on the agenda needs an evening.
    #[error("choose the market evening to place the proposal on")]
    EveningRequired,
    /// Another proposal has this case number.
    #[error("another proposal has the case number {0}")]
    CaseNumberTaken(String),
    /// The attachment's type is not accepted.
    #[error("'{0}' is not an accepted kind of file (PDF, ODF, Office, PNG, JPEG, text or CSV)")]
    AttachmentType(String),
    /// The attachment is too large.
    #[error("the file is larger than 20 MB")]
    AttachmentTooLarge,
    /// The attachment is empty.
    #[error("the file is empty")]
    AttachmentEmpty,
    /// No such proposal or attachment.
    #[error("not found: {0}")]
    NotFound(String),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ProposalError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => ProposalError::NotFound(what),
            error => ProposalError::Store(error),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The new concept.
    pub id: Id<Proposal>,
    /// What the text said.
    pub document: ProposalDocument,
    /// What was created besides the proposal, in words (people, documents).
    pub created: Vec<String>,
    /// What was linked to existing records, in words.
    pub linked: Vec<String>,
    /// What could not be linked or read (the parser's warnings included).
    pub warnings: Vec<String>,
}

/// The people and rooms the parser should know, from the database.
async fn directory(tx: &mut Tx) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let names = people::names(tx).await?;
    let rooms = people::rooms(tx).await?.into_iter().map(|room| room.name).collect();
    Ok((names, rooms))
}

/// Reads a behandelvoorstel's text without storing anything, with the database's people and
/// rooms as the directory of known names.
pub async fn parse_text(
    store: &Store,
    bytes: &[u8],
    year: Option<i32>,
    today: Date,
) -> Result<ProposalDocument, ProposalError> {
    let text = behandelvoorstel::decode(bytes)?;
    let mut tx = store.begin().await?;
    let (people, rooms) = directory(&mut tx).await?;
    drop(tx);
    Ok(behandelvoorstel::parse(&text, &ParseOptions { year, today, people: &people, rooms: &rooms })?)
}

/// Stores the text of a behandelvoorstel as a concept, linking its people, room and history
/// documents to the records that exist (people that do not are added).
pub async fn import(
    store: &Store,
    bytes: &[u8],
    year: Option<i32>,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<ImportReport, ProposalError> {
    let today = wijkbeeld_domain::local_time::in_dutch_time(now).date();
    let text = behandelvoorstel::decode(bytes)?;
    let mut tx = store.begin_write().await?;
    let body = people::body_id(&mut tx).await?.ok_or(ProposalError::NoMunicipality)?;
    let (names, rooms) = directory(&mut tx).await?;
    let document = behandelvoorstel::parse(&text, &ParseOptions { year, today, people: &names, rooms: &rooms })?;
    let mut created = Vec::new();
    let mut linked = Vec::new();
    let mut warnings = document.warnings.clone();

    let mut person = async |tx: &mut Tx, role: &str, name: &Option<String>| -> Result<Option<Id<Person>>, StoreError> {
        let Some(name) = name.as_deref().map(str::trim).filter(|name| !name.is_empty()) else { return Ok(None) };
        if let Some(id) = people::find_by_name(tx, name).await? {
            linked.push(format!("{role} {name}"));
            return Ok(Some(id));
        }
        let id = people::create(tx, body, name).await?;
        created.push(format!("person {name} ({role})"));
        Ok(Some(id))
    };
    let portfolio_holder_id = person(&mut tx, "portfolio holder", &document.portfolio_holder).await?;
    let chair_id = person(&mut tx, "chair", &document.chair).await?;
    let clerk_id = person(&mut tx, "clerk", &document.clerk).await?;
    let room_id = match document.room.as_deref() {
        Some(name) => match people::rooms(&mut tx).await?.into_iter().find(|room| room.name.eq_ignore_ascii_case(name))
        {
            Some(room) => {
                linked.push(format!("room {}", room.name));
                Some(room.id)
            }
            None => {
                warnings.push(format!("the room '{name}' is not known; the proposal names no room"));
                None
            }
        },
        None => None,
    };
    for number in &document.history.documents {
        let (_, new) = stored::ensure_document(&mut tx, body, number, None).await?;
        if new {
            created.push(format!("document {number}"));
        } else {
            linked.push(format!("document {number}"));
        }
    }
    let input = input_from_document(&document, portfolio_holder_id, chair_id, clerk_id, room_id);
    let id = match stored::create(&mut tx, body, &input, ProposalState::Concept, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    };
    let details = serde_json::json!({ "created": created, "linked": linked, "warnings": warnings }).to_string();
    record(&mut tx, actor, "proposal.import", id, None, Some(ProposalState::Concept), Some(details), now).await?;
    tx.commit().await?;
    Ok(ImportReport { id, document, created, linked, warnings })
}

/// What a parsed document stores, with its names already linked.
fn input_from_document(
    document: &ProposalDocument,
    portfolio_holder_id: Option<Id<Person>>,
    chair_id: Option<Id<Person>>,
    clerk_id: Option<Id<Person>>,
    room_id: Option<Id<wijkbeeld_domain::market::Room>>,
) -> ProposalInput {
    ProposalInput {
        subject: document.subject.clone().unwrap_or_else(|| "(onderwerp onbekend)".to_owned()),
        case_number: document.case_number.clone(),
        portfolio_holder_id,
        history: document.history.text.clone(),
        history_documents: document
            .history
            .documents
            .iter()
            .map(|number| HistoryDocument { number: number.clone(), title: None })
            .collect(),
        purpose: document.purpose,
        domains: document.domains.clone(),
        duration_minutes: document.duration_minutes,
        market_date: document.market_date,
        chair_id,
        clerk_id,
        room_id,
        expected_attendance: wijkbeeld_domain::proposal::DEFAULT_EXPECTED_ATTENDANCE,
        needs_livestream: false,
        speaking: SpeakingRules {
            allowed: document.public_speaking.allowed,
            minutes_per_speaker: document.public_speaking.minutes_per_speaker,
            max_speakers: None,
            deadline: None,
            note: document.public_speaking.note.clone(),
        },
        programme: document
            .programme
            .iter()
            .map(|entry| ProgrammeInput { text: entry.text.clone(), questions: entry.questions.clone() })
            .collect(),
    }
}

/// A stored proposal as a document, to render it in the layout of the behandelvoorstel.
pub fn document_of(detail: &ProposalDetail) -> ProposalDocument {
    let proposal = &detail.proposal;
    ProposalDocument {
        subject: Some(proposal.subject.clone()),
        case_number: proposal.case_number.clone(),
        portfolio_holder: detail.portfolio_holder.clone(),
        history: History {
            text: proposal.history.clone(),
            documents: detail.history_documents.iter().map(|document| document.number.clone()).collect(),
        },
        market_date: detail.placement.as_ref().map(|placement| placement.date).or(proposal.market_date),
        chair: detail.chair.clone(),
        clerk: detail.clerk.clone(),
        room: detail.placement.as_ref().and_then(|placement| placement.room.clone()).or_else(|| detail.room.clone()),
        domains: proposal.domains.clone(),
        duration_minutes: proposal.duration_minutes,
        purpose: proposal.purpose,
        programme: detail
            .programme
            .iter()
            .map(|item| ProgrammeEntry {
                number: item.position,
                text: item.text.clone(),
                questions: item.questions.iter().map(|question| question.text.clone()).collect(),
            })
            .collect(),
        public_speaking: PublicSpeaking {
            allowed: proposal.speaking.allowed,
            minutes_per_speaker: proposal.speaking.minutes_per_speaker,
            note: proposal.speaking.note.clone(),
        },
        warnings: Vec::new(),
    }
}

/// Creates a concept from a form (the college's work).
pub async fn create(
    store: &Store,
    input: &ProposalInput,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<Id<Proposal>, ProposalError> {
    if !ProposalState::Concept.editable_by(role) {
        return Err(ProposalError::NotEditable { state: ProposalState::Concept, role });
    }
    let mut tx = store.begin_write().await?;
    let body = people::body_id(&mut tx).await?.ok_or(ProposalError::NoMunicipality)?;
    let id = match stored::create(&mut tx, body, input, ProposalState::Concept, now).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.clone().unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    };
    record(&mut tx, actor, "proposal.create", id, None, Some(ProposalState::Concept), Some(summary(input)), now)
        .await?;
    tx.commit().await?;
    Ok(id)
}

/// Replaces a proposal's content, if the role may edit it in its state.
pub async fn update(
    store: &Store,
    id: Id<Proposal>,
    input: &ProposalInput,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<(), ProposalError> {
    let mut tx = store.begin_write().await?;
    let detail = stored::detail(&mut tx, id).await?;
    let state = detail.proposal.state;
    if !state.editable_by(role) {
        return Err(ProposalError::NotEditable { state, role });
    }
    let body = people::body_id(&mut tx).await?.ok_or(ProposalError::NoMunicipality)?;
    match stored::update(&mut tx, body, id, input, now).await {
        Ok(()) => {}
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.clone().unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    }
    record(&mut tx, actor, "proposal.edit", id, None, None, Some(summary(input)), now).await?;
    tx.commit().await?;
    Ok(())
}

fn summary(input: &ProposalInput) -> String {
    serde_json::json!({
        "subject": input.subject,
        "case_number": input.case_number,
        "programme_items": input.programme.len(),
        "history_documents": input.history_documents.len(),
    })
    .to_string()
}

#[allow(clippy::too_many_arguments)]
async fn record(
    tx: &mut Tx,
    actor: &Actor,
    action: &str,
    id: Id<Proposal>,
    from: Option<ProposalState>,
    to: Option<ProposalState>,
    details: Option<String>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let change = Change {
        user_id: actor.user_id.map(Id::get),
        actor: &actor.name,
        action,
        entity: "proposal",
        entity_id: Some(id.get()),
        from_state: from.map(ProposalState::code),
        to_state: to.map(ProposalState::code),
        details,
    };
    audit::record(tx, now, &change).await
}

/// Moves a proposal through its lifecycle, if the role may make the move. Placing it on the
/// agenda needs an evening, and creates its session there; taking it off removes that session.
pub async fn transition(
    store: &Store,
    id: Id<Proposal>,
    to: ProposalState,
    evening: Option<i64>,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<(), ProposalError> {
    let mut tx = store.begin_write().await?;
    let from = stored::detail(&mut tx, id).await?.proposal.state;
    from.transition(to, role)?;
    let mut details = None;
    match (from, to) {
        (ProposalState::Submitted, ProposalState::Scheduled) => {
            let evening = evening.ok_or(ProposalError::EveningRequired)?;
            let today = wijkbeeld_domain::local_time::in_dutch_time(now).date();
            let choice = stored::evenings_from(&mut tx, today)
                .await?
                .into_iter()
                .find(|choice| choice.id == evening)
                .ok_or(ProposalError::EveningRequired)?;
            stored::place_on_evening(&mut tx, id, evening).await?;
            details = Some(serde_json::json!({ "evening": choice.date.to_string() }).to_string());
        }
        (ProposalState::Scheduled, ProposalState::Submitted) => {
            let removed = stored::remove_from_evenings(&mut tx, id).await?;
            details = Some(serde_json::json!({ "sessions_removed": removed }).to_string());
        }
        _ => {}
    }
    if !stored::set_state(&mut tx, id, from, to, now).await? {
        return Err(ProposalError::Concurrent);
    }
    record(&mut tx, actor, "proposal.state", id, Some(from), Some(to), details, now).await?;
    tx.commit().await?;
    Ok(())
}

/// The media type of an accepted file name, by its extension.
pub fn attachment_type(file_name: &str) -> Option<&'static str> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    ATTACHMENT_TYPES.iter().find(|(known, _)| *known == extension).map(|(_, media_type)| *media_type)
}

/// Adds an attachment to a proposal the role may edit.
pub async fn add_attachment(
    store: &Store,
    id: Id<Proposal>,
    file_name: &str,
    content: &[u8],
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<i64, ProposalError> {
    let file_name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name).trim();
    let media_type = attachment_type(file_name).ok_or_else(|| ProposalError::AttachmentType(file_name.to_owned()))?;
    if content.is_empty() {
        return Err(ProposalError::AttachmentEmpty);
    }
    if content.len() > MAX_ATTACHMENT_BYTES {
        return Err(ProposalError::AttachmentTooLarge);
    }
    let sha256: String = Sha256::digest(content).iter().map(|byte| format!("{byte:02x}")).collect();
    let mut tx = store.begin_write().await?;
    let state = stored::detail(&mut tx, id).await?.proposal.state;
    if !state.editable_by(role) {
        return Err(ProposalError::NotEditable { state, role });
    }
    let attachment =
        NewAttachment { file_name, media_type, content, sha256: &sha256, uploaded_by: actor.user_id.map(Id::get) };
    let attachment_id = stored::add_attachment(&mut tx, id, &attachment, now).await?;
    let details = serde_json::json!({ "file": file_name, "bytes": content.len(), "sha256": sha256 }).to_string();
    record(&mut tx, actor, "proposal.attachment.add", id, None, None, Some(details), now).await?;
    tx.commit().await?;
    Ok(attachment_id)
}

/// Removes an attachment from a proposal the role may edit.
pub async fn remove_attachment(
    store: &Store,
    id: Id<Proposal>,
    attachment: i64,
    role: Role,
    actor: &Actor,
    now: OffsetDateTime,
) -> Result<(), ProposalError> {
    let mut tx = store.begin_write().await?;
    let state = stored::detail(&mut tx, id).await?.proposal.state;
    if !state.editable_by(role) {
        return Err(ProposalError::NotEditable { state, role });
    }
    let removed = stored::remove_attachment(&mut tx, id, attachment).await?;
    let details = serde_json::json!({ "file": removed.file_name, "sha256": removed.sha256 }).to_string();
    record(&mut tx, actor, "proposal.attachment.remove", id, None, None, Some(details), now).await?;
    tx.commit().await?;
    Ok(())
}
