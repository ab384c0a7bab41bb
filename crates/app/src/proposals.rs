//! Behandelvoorstellen: the list and a proposal's page as each caller may see them, import from
//! text, create and edit, move through the lifecycle, attachments. Each change checks the
//! caller's permission and the lifecycle's rule for its role, and writes in one audited
//! transaction.

use sha2::{Digest, Sha256};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::{Permission, Role};
use wijkbeeld_domain::behandelvoorstel::{
    self, Field, History, Note, ParseError, ParseOptions, ProgrammeEntry, ProposalDocument, PublicSpeaking,
};
use wijkbeeld_domain::market::Room;
use wijkbeeld_domain::people::{Body, Function, Person};
use wijkbeeld_domain::proposal::{
    HistoryDocument, ProgrammeInput, Proposal, ProposalInput, ProposalState, SpeakingRules, TransitionError,
};
pub use wijkbeeld_store::people::PersonChoice;
use wijkbeeld_store::proposals::{self as stored, NewAttachment};
pub use wijkbeeld_store::proposals::{AttachmentInfo, EveningChoice, ProposalDetail, ProposalFilter, ProposalSummary};
use wijkbeeld_store::{StoreError, Tx, people};

use crate::audit::Entry;
use crate::{App, Caller, Denied, NoMunicipality};

/// The largest attachment accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 20 * 1024 * 1024;

/// The longest attachment name accepted, in characters: what file systems keep.
pub const MAX_ATTACHMENT_NAME: usize = 255;

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
    /// The caller may not.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// The text cannot be read as a behandelvoorstel.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// There is no municipality to add it to yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
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
    /// A proposal is treated only once its session has been held.
    #[error("the proposal's session has not been held yet")]
    NotHeldYet,
    /// The text names no subject ("Onderwerp"), which every proposal has: it is refused rather
    /// than stored under a made-up one.
    #[error("the text has no subject (Onderwerp); a proposal needs one")]
    NoSubject,
    /// Another proposal has this case number.
    #[error("another proposal has the case number {0}")]
    CaseNumberTaken(String),
    /// The text to update a proposal from has another case number than the proposal.
    #[error("the text has the case number {file}, the proposal {proposal}")]
    CaseNumberDiffers {
        /// The text's.
        file: String,
        /// The proposal's.
        proposal: String,
    },
    /// The attachment's type is not accepted.
    #[error("'{0}' is not an accepted kind of file (PDF, ODF, Office, PNG, JPEG, text or CSV)")]
    AttachmentType(String),
    /// The attachment is too large.
    #[error("the file is larger than 20 MB")]
    AttachmentTooLarge,
    /// The attachment is empty.
    #[error("the file is empty")]
    AttachmentEmpty,
    /// The attachment's name is longer than [`MAX_ATTACHMENT_NAME`] characters.
    #[error("the file's name is longer than {MAX_ATTACHMENT_NAME} characters")]
    AttachmentName,
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

/// What a record named in an imported text is to the proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// The portfolio holder.
    PortfolioHolder,
    /// The chair.
    Chair,
    /// The clerk.
    Clerk,
    /// The room.
    Room,
    /// A document of the history.
    Document,
}

impl LinkKind {
    /// Every kind.
    pub const ALL: &'static [LinkKind] =
        &[LinkKind::PortfolioHolder, LinkKind::Chair, LinkKind::Clerk, LinkKind::Room, LinkKind::Document];

    /// The stable code, for the locale files' `import-link-…` and the audit log.
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::PortfolioHolder => "portfolio_holder",
            LinkKind::Chair => "chair",
            LinkKind::Clerk => "clerk",
            LinkKind::Room => "room",
            LinkKind::Document => "document",
        }
    }

    fn english(self) -> &'static str {
        match self {
            LinkKind::PortfolioHolder => "portfolio holder",
            LinkKind::Chair => "chair",
            LinkKind::Clerk => "clerk",
            LinkKind::Room => "room",
            LinkKind::Document => "document",
        }
    }
}

/// A person, room or document an import linked to (or created), by name or number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// What it is to the proposal.
    pub kind: LinkKind,
    /// Its name or number.
    pub name: String,
}

/// In English, for the command line and the audit log: "chair Vincent ten Voorde".
impl std::fmt::Display for Link {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} {}", self.kind.english(), self.name)
    }
}

/// What an import did.
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The new concept.
    pub id: Id<Proposal>,
    /// What the text said.
    pub document: ProposalDocument,
    /// What was created besides the proposal (people, documents).
    pub created: Vec<Link>,
    /// What was linked to existing records.
    pub linked: Vec<Link>,
    /// What could not be linked or read (the parser's notes included).
    pub warnings: Vec<Note>,
}

/// The people and rooms the parser should know, from the database.
async fn directory(tx: &mut Tx, body: Id<Body>) -> Result<(Vec<String>, Vec<String>), StoreError> {
    let names = people::names(tx, body).await?;
    let rooms = people::rooms(tx, body).await?.into_iter().map(|room| room.name).collect();
    Ok((names, rooms))
}

/// Reads a text as a behandelvoorstel, with the people and rooms of the caller's municipality.
async fn read_text(
    tx: &mut Tx,
    caller: &Caller,
    bytes: &[u8],
    year: Option<i32>,
) -> Result<ProposalDocument, ProposalError> {
    let text = behandelvoorstel::decode(bytes)?;
    let (names, rooms) = directory(tx, caller.body()?).await?;
    let options = ParseOptions { year, today: caller.today(), people: &names, rooms: &rooms };
    let document = behandelvoorstel::parse(&text, &options)?;
    if document.subject.as_deref().is_none_or(|subject| subject.trim().is_empty()) {
        return Err(ProposalError::NoSubject);
    }
    Ok(document)
}

/// The names of a document linked to the municipality's records: people found by name (or
/// added), the room found by name, the history's documents found by number (or added).
struct Linked {
    portfolio_holder_id: Option<Id<Person>>,
    chair_id: Option<Id<Person>>,
    clerk_id: Option<Id<Person>>,
    room_id: Option<Id<Room>>,
    created: Vec<Link>,
    linked: Vec<Link>,
    warnings: Vec<Note>,
}

async fn link_names(tx: &mut Tx, body: Id<Body>, document: &ProposalDocument) -> Result<Linked, StoreError> {
    let mut created = Vec::new();
    let mut linked = Vec::new();
    let mut warnings = document.warnings.clone();
    let mut person =
        async |tx: &mut Tx, kind: LinkKind, name: &Option<String>| -> Result<Option<Id<Person>>, StoreError> {
            let Some(name) = name.as_deref().map(str::trim).filter(|name| !name.is_empty()) else { return Ok(None) };
            let link = Link { kind, name: name.to_owned() };
            if let Some(id) = people::find_by_name(tx, body, name).await? {
                linked.push(link);
                return Ok(Some(id));
            }
            let id = people::create(tx, body, name).await?;
            created.push(link);
            Ok(Some(id))
        };
    let portfolio_holder_id = person(tx, LinkKind::PortfolioHolder, &document.portfolio_holder).await?;
    let chair_id = person(tx, LinkKind::Chair, &document.chair).await?;
    let clerk_id = person(tx, LinkKind::Clerk, &document.clerk).await?;
    let room_id = match document.room.as_deref() {
        Some(name) => {
            match people::rooms(tx, body)
                .await?
                .into_iter()
                .find(|room| wijkbeeld_domain::people::same_room_name(&room.name, name))
            {
                Some(room) => {
                    linked.push(Link { kind: LinkKind::Room, name: room.name });
                    Some(room.id)
                }
                None => {
                    warnings.push(Note::RoomNotStored { room: name.to_owned() });
                    None
                }
            }
        }
        None => None,
    };
    for number in &document.history.documents {
        let (_, new) = stored::ensure_document(tx, body, number, None).await?;
        let link = Link { kind: LinkKind::Document, name: number.clone() };
        if new { created.push(link) } else { linked.push(link) }
    }
    Ok(Linked { portfolio_holder_id, chair_id, clerk_id, room_id, created, linked, warnings })
}

/// Links as the audit log keeps them: the kind's code and the name, which the log says in the
/// reader's language (`import-link-…`).
fn links_recorded(links: &[Link]) -> serde_json::Value {
    links.iter().map(|link| serde_json::json!({ "kind": link.kind.code(), "name": link.name })).collect()
}

/// Notes as the audit log keeps them: each with its code and values (`import-note-…`), never in
/// one language.
fn notes_recorded(notes: &[Note]) -> serde_json::Value {
    serde_json::to_value(notes).unwrap_or_default()
}

/// Stores the text of a behandelvoorstel as a concept, linking its people, room and history
/// documents to the records that exist (people that do not are added). Those who draft
/// proposals.
pub async fn import(
    app: &App,
    caller: &Caller,
    bytes: &[u8],
    year: Option<i32>,
) -> Result<ImportReport, ProposalError> {
    caller.require(Permission::DraftProposals)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let document = read_text(write.tx(), caller, bytes, year).await?;
    let links = link_names(write.tx(), body, &document).await?;
    let input = input_from_document(&document, &links);
    let id = match stored::create(write.tx(), body, &input, ProposalState::Concept, caller.now()).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    };
    let details = serde_json::json!({
        "created": links_recorded(&links.created),
        "linked": links_recorded(&links.linked),
        "warnings": notes_recorded(&links.warnings),
    });
    let entry = Entry::new("proposal.import", "proposal").on(id.get()).to_state(ProposalState::Concept.code());
    write.commit(entry.details(details)).await?;
    Ok(ImportReport { id, document, created: links.created, linked: links.linked, warnings: links.warnings })
}

/// What a parsed document stores, with its names already linked. What the text does not say
/// stays unsaid: no figure is invented for it.
fn input_from_document(document: &ProposalDocument, links: &Linked) -> ProposalInput {
    ProposalInput {
        // `read_text` refuses a text without a subject.
        subject: document.subject.clone().unwrap_or_default(),
        case_number: document.case_number.clone(),
        portfolio_holder_id: links.portfolio_holder_id,
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
        chair_id: links.chair_id,
        clerk_id: links.clerk_id,
        room_id: links.room_id,
        expected_attendance: None,
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

/// A field of a proposal that a text can set, in the order of the behandelvoorstel.
pub const DOCUMENT_FIELDS: &[Field] = &[
    Field::Subject,
    Field::PortfolioHolder,
    Field::History,
    Field::MarketDate,
    Field::Chair,
    Field::Clerk,
    Field::Room,
    Field::Domains,
    Field::DurationMinutes,
    Field::Purpose,
    Field::Programme,
    Field::PublicSpeaking,
];

/// The proposal as it asks for its session, as a document: its own market date and room, not
/// those of the evening it is on (what a text would set).
fn requested(detail: &ProposalDetail) -> ProposalDocument {
    ProposalDocument { market_date: detail.proposal.market_date, room: detail.room.clone(), ..document_of(detail) }
}

/// `current` with every field `file` says laid over it; what the file leaves out is kept.
fn laid_over(current: &ProposalDocument, file: &ProposalDocument) -> ProposalDocument {
    let or = |new: &Option<String>, old: &Option<String>| new.clone().or_else(|| old.clone());
    ProposalDocument {
        subject: or(&file.subject, &current.subject),
        case_number: current.case_number.clone(),
        portfolio_holder: or(&file.portfolio_holder, &current.portfolio_holder),
        history: if file.history.text.is_empty() { current.history.clone() } else { file.history.clone() },
        market_date: file.market_date.or(current.market_date),
        chair: or(&file.chair, &current.chair),
        clerk: or(&file.clerk, &current.clerk),
        room: or(&file.room, &current.room),
        domains: if file.domains.is_empty() { current.domains.clone() } else { file.domains.clone() },
        duration_minutes: file.duration_minutes.or(current.duration_minutes),
        purpose: file.purpose.or(current.purpose),
        programme: if file.programme.is_empty() { current.programme.clone() } else { file.programme.clone() },
        public_speaking: PublicSpeaking {
            allowed: file.public_speaking.allowed.or(current.public_speaking.allowed),
            minutes_per_speaker: file
                .public_speaking
                .minutes_per_speaker
                .or(current.public_speaking.minutes_per_speaker),
            note: or(&file.public_speaking.note, &current.public_speaking.note),
        },
        warnings: file.warnings.clone(),
    }
}

/// The fields in which two documents differ (names compared as written, without regard to
/// case, as the import links them).
pub fn changed_fields(old: &ProposalDocument, new: &ProposalDocument) -> Vec<Field> {
    let same_name = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (a, b) => a == b,
    };
    DOCUMENT_FIELDS
        .iter()
        .copied()
        .filter(|field| match field {
            Field::Subject => old.subject != new.subject,
            Field::PortfolioHolder => !same_name(&old.portfolio_holder, &new.portfolio_holder),
            Field::History => old.history != new.history,
            Field::MarketDate => old.market_date != new.market_date,
            Field::Chair => !same_name(&old.chair, &new.chair),
            Field::Clerk => !same_name(&old.clerk, &new.clerk),
            Field::Room => !same_name(&old.room, &new.room),
            Field::Domains => old.domains != new.domains,
            Field::DurationMinutes => old.duration_minutes != new.duration_minutes,
            Field::Purpose => old.purpose != new.purpose,
            Field::Programme => old.programme != new.programme,
            Field::PublicSpeaking => old.public_speaking != new.public_speaking,
            Field::CaseNumber => false,
        })
        .collect()
}

/// The proposal that already has the text's case number, and what updating it from the text
/// would change.
#[derive(Debug, Clone)]
pub struct ExistingProposal {
    /// It.
    pub id: Id<Proposal>,
    /// Its subject.
    pub subject: String,
    /// Its state.
    pub state: ProposalState,
    /// Whether the caller may update it now (the edit rule: role and state).
    pub may_update: bool,
    /// It as it is.
    pub current: ProposalDocument,
    /// It as the text would make it.
    pub updated: ProposalDocument,
    /// The fields that would change, in the document's order.
    pub changes: Vec<Field>,
}

/// What importing a text would do, before anything is stored.
#[derive(Debug, Clone)]
pub struct ImportPreview {
    /// What the text says.
    pub document: ProposalDocument,
    /// The names that would be linked to existing people and rooms.
    pub linked: Vec<Link>,
    /// The people that would be added.
    pub created: Vec<Link>,
    /// What could not be read or linked.
    pub warnings: Vec<Note>,
    /// The proposal that has the text's case number already, when one has.
    pub existing: Option<ExistingProposal>,
    /// Whether another proposal, one the caller may not see, has the case number.
    pub case_number_hidden: bool,
}

/// The body's proposal with this case number, if any.
async fn with_case_number(tx: &mut Tx, body: Id<Body>, number: &str) -> Result<Option<Id<Proposal>>, StoreError> {
    let filter = ProposalFilter { text: Some(number.to_owned()), ..ProposalFilter::default() };
    Ok(stored::list(tx, body, &filter)
        .await?
        .into_iter()
        .find(|summary| summary.case_number.as_deref() == Some(number))
        .map(|summary| summary.id))
}

/// Reads a text as the import would, and says what it would store: the fields, the names it
/// would link or add, its notes, and, when a proposal has its case number already, what
/// updating that one would change. Stores nothing. Those who draft proposals.
pub async fn preview_import(
    app: &App,
    caller: &Caller,
    bytes: &[u8],
    year: Option<i32>,
) -> Result<ImportPreview, ProposalError> {
    caller.require(Permission::DraftProposals)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let document = read_text(&mut tx, caller, bytes, year).await?;
    let mut linked = Vec::new();
    let mut created = Vec::new();
    let mut warnings = document.warnings.clone();
    for (kind, name) in [
        (LinkKind::PortfolioHolder, &document.portfolio_holder),
        (LinkKind::Chair, &document.chair),
        (LinkKind::Clerk, &document.clerk),
    ] {
        let Some(name) = name.as_deref().map(str::trim).filter(|name| !name.is_empty()) else { continue };
        let link = Link { kind, name: name.to_owned() };
        if people::find_by_name(&mut tx, body, name).await?.is_some() { linked.push(link) } else { created.push(link) }
    }
    if let Some(name) = document.room.as_deref() {
        match people::rooms(&mut tx, body).await?.into_iter().find(|room| room.name.eq_ignore_ascii_case(name)) {
            Some(room) => linked.push(Link { kind: LinkKind::Room, name: room.name }),
            None => warnings.push(Note::RoomNotStored { room: name.to_owned() }),
        }
    }
    let mut existing = None;
    let mut case_number_hidden = false;
    if let Some(number) = document.case_number.as_deref()
        && let Some(id) = with_case_number(&mut tx, body, number).await?
    {
        match visible_in(&mut tx, caller, id).await {
            Ok(detail) => {
                let current = requested(&detail);
                let updated = laid_over(&current, &document);
                existing = Some(ExistingProposal {
                    id,
                    subject: detail.proposal.subject.clone(),
                    state: detail.proposal.state,
                    may_update: edits(caller, detail.proposal.state),
                    changes: changed_fields(&current, &updated),
                    current,
                    updated,
                });
            }
            Err(ProposalError::NotFound(_)) => case_number_hidden = true,
            Err(error) => return Err(error),
        }
    }
    tx.commit().await?;
    Ok(ImportPreview { document, linked, created, warnings, existing, case_number_hidden })
}

/// What updating a proposal from a text did.
#[derive(Debug, Clone)]
pub struct UpdateReport {
    /// The fields that changed.
    pub changes: Vec<Field>,
    /// What could not be read or linked.
    pub warnings: Vec<Note>,
}

/// Updates the proposal `id` from a text with its case number: every field the text says
/// replaces the stored one, what it leaves out is kept. The edit rule applies (the caller's
/// role may edit the proposal in its state); a text with another case number is refused.
pub async fn update_from_import(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    bytes: &[u8],
    year: Option<i32>,
) -> Result<UpdateReport, ProposalError> {
    caller.require(Permission::DraftProposals)?;
    let (mut write, body) = edit(app, caller, id).await?;
    let document = read_text(write.tx(), caller, bytes, year).await?;
    let detail = visible_in(write.tx(), caller, id).await?;
    let number = detail.proposal.case_number.clone().unwrap_or_default();
    if document.case_number.as_deref() != Some(number.as_str()) {
        return Err(ProposalError::CaseNumberDiffers {
            file: document.case_number.clone().unwrap_or_default(),
            proposal: number,
        });
    }
    let current = requested(&detail);
    let updated = laid_over(&current, &document);
    let changes = changed_fields(&current, &updated);
    let links = link_names(write.tx(), body, &updated).await?;
    let proposal = &detail.proposal;
    let mut input = input_from_document(&updated, &links);
    // What a text cannot say stays as the proposal has it.
    input.expected_attendance = proposal.expected_attendance;
    input.needs_livestream = proposal.needs_livestream;
    input.speaking.max_speakers = proposal.speaking.max_speakers;
    input.speaking.deadline = proposal.speaking.deadline;
    if updated.room.is_some() && links.room_id.is_none() {
        input.room_id = proposal.room_id;
    }
    for document in &mut input.history_documents {
        document.title = detail
            .history_documents
            .iter()
            .find(|known| known.number == document.number)
            .and_then(|known| known.title.clone());
    }
    stored::update(write.tx(), body, id, &input, caller.now()).await?;
    let details = serde_json::json!({
        "case_number": number,
        "updated": serde_json::to_value(&changes).unwrap_or_default(),
        "created": links_recorded(&links.created),
        "warnings": notes_recorded(&document.warnings),
    });
    write.commit(Entry::new("proposal.import_update", "proposal").on(id.get()).details(details)).await?;
    Ok(UpdateReport { changes, warnings: document.warnings })
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

/// Whether the caller may see a proposal in `state` (on a published evening or not): the
/// lifecycle's rule for the caller's role; the system sees everything.
fn sees(caller: &Caller, state: ProposalState, on_published_evening: bool) -> bool {
    match caller.who() {
        crate::Who::System(_) => true,
        _ => state.visible_to(caller.role(), on_published_evening),
    }
}

/// Whether the caller may edit a proposal in `state`.
fn edits(caller: &Caller, state: ProposalState) -> bool {
    caller.may(Permission::EditProposals) && caller.role().is_some_and(|role| state.editable_by(role))
}

/// The proposal `id` of the caller's municipality, if the caller may see it. A proposal the
/// caller may not see is not found (not refused): a concept's existence is private too.
pub async fn visible(app: &App, caller: &Caller, id: Id<Proposal>) -> Result<ProposalDetail, ProposalError> {
    let mut tx = app.store().begin().await?;
    let detail = visible_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    Ok(detail)
}

async fn visible_in(tx: &mut Tx, caller: &Caller, id: Id<Proposal>) -> Result<ProposalDetail, ProposalError> {
    let detail = stored::detail(tx, caller.body()?, id).await?;
    let published = detail.placement.as_ref().is_some_and(|placement| placement.published);
    if sees(caller, detail.proposal.state, published) {
        Ok(detail)
    } else {
        Err(ProposalError::NotFound(format!("proposal {id}")))
    }
}

/// The proposals list as the caller may see it, with the portfolio holders to filter on.
#[derive(Debug, Clone)]
pub struct Listing {
    /// The proposals that match and the caller may see.
    pub proposals: Vec<ProposalSummary>,
    /// The aldermen and the mayor in office.
    pub portfolio_holders: Vec<PersonChoice>,
    /// The states the caller may see proposals in.
    pub states: Vec<ProposalState>,
    /// Whether the caller may create a proposal.
    pub may_create: bool,
}

/// The proposals that match `filter`, of those the caller may see. Before there is a
/// municipality, there are none.
pub async fn list(app: &App, caller: &Caller, filter: &ProposalFilter) -> Result<Listing, ProposalError> {
    let (proposals, portfolio_holders) = match caller.body() {
        Ok(body) => {
            let mut tx = app.store().begin().await?;
            let holders =
                people::with_functions(&mut tx, body, &[Function::Alderman, Function::Mayor], caller.now()).await?;
            let summaries = stored::list(&mut tx, body, filter).await?;
            tx.commit().await?;
            let visible =
                summaries.into_iter().filter(|summary| sees(caller, summary.state, summary.published)).collect();
            (visible, holders)
        }
        Err(NoMunicipality) => (Vec::new(), Vec::new()),
    };
    Ok(Listing {
        proposals,
        portfolio_holders,
        states: ProposalState::ALL.iter().copied().filter(|state| sees(caller, *state, true)).collect(),
        may_create: caller.may(Permission::DraftProposals),
    })
}

/// A proposal's page as the caller sees it: the proposal, and what the caller may do with it.
#[derive(Debug, Clone)]
pub struct ProposalPage {
    /// The proposal.
    pub detail: ProposalDetail,
    /// Whether the caller sees what is internal (the proposal's own request, its state).
    pub sees_internal: bool,
    /// Whether the caller may edit it now (and add or remove attachments).
    pub may_edit: bool,
    /// The lifecycle moves the caller may make, in the lifecycle's order.
    pub moves: Vec<ProposalState>,
    /// The coming evenings it may be placed on, when placing it is one of the moves.
    pub evenings: Vec<EveningChoice>,
    /// Its sessions whose outcome is recorded, newest first, for links to their outcome pages.
    pub outcomes: Vec<i64>,
}

/// The proposal `id`'s page, if the caller may see it.
pub async fn page(app: &App, caller: &Caller, id: Id<Proposal>) -> Result<ProposalPage, ProposalError> {
    let mut tx = app.store().begin().await?;
    let detail = visible_in(&mut tx, caller, id).await?;
    let state = detail.proposal.state;
    let evening = detail.placement.as_ref().map(|placement| placement.date);
    let moves: Vec<ProposalState> = match caller.role() {
        Some(role) if caller.may(Permission::EditProposals) => state
            .next_states()
            .filter(|to| state.transition(*to, role).is_ok() && ProposalState::in_time(*to, evening, caller.today()))
            .collect(),
        _ => Vec::new(),
    };
    let evenings = if moves.contains(&ProposalState::Scheduled) {
        stored::evenings_from(&mut tx, caller.body()?, caller.today()).await?
    } else {
        Vec::new()
    };
    let outcomes = wijkbeeld_store::outcome::recorded_sessions_of(&mut tx, caller.body()?, id.get()).await?;
    tx.commit().await?;
    Ok(ProposalPage {
        sees_internal: caller.may(Permission::SeeInternal),
        may_edit: edits(caller, state),
        moves,
        evenings,
        outcomes,
        detail,
    })
}

/// The people and rooms a proposal's form offers.
#[derive(Debug, Clone, Default)]
pub struct FormChoices {
    /// The aldermen and the mayor in office.
    pub portfolio_holders: Vec<PersonChoice>,
    /// Those who may chair.
    pub chairs: Vec<PersonChoice>,
    /// The clerks.
    pub clerks: Vec<PersonChoice>,
    /// Every room.
    pub rooms: Vec<Room>,
}

async fn form_choices_in(tx: &mut Tx, caller: &Caller) -> Result<FormChoices, ProposalError> {
    let body = caller.body()?;
    let now = caller.now();
    Ok(FormChoices {
        portfolio_holders: people::with_functions(tx, body, &[Function::Alderman, Function::Mayor], now).await?,
        chairs: people::with_functions(tx, body, &[Function::Chair], now).await?,
        clerks: people::with_functions(tx, body, &[Function::Clerk], now).await?,
        rooms: people::rooms(tx, body).await?,
    })
}

/// What the form for a new proposal offers, to those who draft proposals.
pub async fn new_form(app: &App, caller: &Caller) -> Result<FormChoices, ProposalError> {
    caller.require(Permission::DraftProposals)?;
    let mut tx = app.store().begin().await?;
    let choices = form_choices_in(&mut tx, caller).await?;
    tx.commit().await?;
    Ok(choices)
}

/// The proposal `id` with what its edit form offers, if the caller may edit it now.
pub async fn edit_form(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
) -> Result<(ProposalDetail, FormChoices), ProposalError> {
    let mut tx = app.store().begin().await?;
    let detail = visible_in(&mut tx, caller, id).await?;
    let state = detail.proposal.state;
    if !edits(caller, state) {
        let role = caller.deciding_role()?;
        return Err(ProposalError::NotEditable { state, role });
    }
    let choices = form_choices_in(&mut tx, caller).await?;
    tx.commit().await?;
    Ok((detail, choices))
}

/// Creates a concept from a form (those who draft proposals).
pub async fn create(app: &App, caller: &Caller, input: &ProposalInput) -> Result<Id<Proposal>, ProposalError> {
    caller.require(Permission::DraftProposals)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let id = match stored::create(write.tx(), body, input, ProposalState::Concept, caller.now()).await {
        Ok(id) => id,
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.clone().unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    };
    let entry = Entry::new("proposal.create", "proposal").on(id.get()).to_state(ProposalState::Concept.code());
    write.commit(entry.details(summary(input))).await?;
    Ok(id)
}

/// Opens the write of a change to proposal `id`, which the caller's role must be allowed to
/// edit in its present state; with the caller's body.
async fn edit<'c>(
    app: &App,
    caller: &'c Caller,
    id: Id<Proposal>,
) -> Result<(crate::audit::Write<'c>, Id<Body>), ProposalError> {
    caller.require(Permission::EditProposals)?;
    let role = caller.deciding_role()?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let state = visible_in(write.tx(), caller, id).await?.proposal.state;
    if !state.editable_by(role) {
        return Err(ProposalError::NotEditable { state, role });
    }
    Ok((write, body))
}

/// Replaces a proposal's content, if the caller's role may edit it in its state.
pub async fn update(app: &App, caller: &Caller, id: Id<Proposal>, input: &ProposalInput) -> Result<(), ProposalError> {
    let (mut write, body) = edit(app, caller, id).await?;
    match stored::update(write.tx(), body, id, input, caller.now()).await {
        Ok(()) => {}
        Err(StoreError::Conflict { .. }) => {
            return Err(ProposalError::CaseNumberTaken(input.case_number.clone().unwrap_or_default()));
        }
        Err(error) => return Err(error.into()),
    }
    write.commit(Entry::new("proposal.edit", "proposal").on(id.get()).details(summary(input))).await?;
    Ok(())
}

fn summary(input: &ProposalInput) -> serde_json::Value {
    serde_json::json!({
        "subject": input.subject,
        "case_number": input.case_number,
        "programme_items": input.programme.len(),
        "history_documents": input.history_documents.len(),
    })
}

/// Moves a proposal through its lifecycle, if the caller's role may make the move. Placing it on
/// the agenda needs an evening, and creates its session there; taking it off removes that
/// session.
pub async fn transition(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    to: ProposalState,
    evening: Option<i64>,
) -> Result<(), ProposalError> {
    caller.require(Permission::EditProposals)?;
    let role = caller.deciding_role()?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let detail = visible_in(write.tx(), caller, id).await?;
    let from = detail.proposal.state;
    from.transition(to, role)?;
    if !ProposalState::in_time(to, detail.placement.as_ref().map(|placement| placement.date), caller.today()) {
        return Err(ProposalError::NotHeldYet);
    }
    let mut details = None;
    match (from, to) {
        (ProposalState::Submitted, ProposalState::Scheduled) => {
            let evening = evening.ok_or(ProposalError::EveningRequired)?;
            let choice = stored::evenings_from(write.tx(), body, caller.today())
                .await?
                .into_iter()
                .find(|choice| choice.id == evening)
                .ok_or(ProposalError::EveningRequired)?;
            stored::place_on_evening(write.tx(), body, id, evening).await?;
            details = Some(serde_json::json!({ "evening": choice.date.to_string() }));
        }
        (ProposalState::Scheduled, ProposalState::Submitted) => {
            let removed = stored::remove_from_evenings(write.tx(), body, id).await?;
            details = Some(serde_json::json!({ "sessions_removed": removed }));
        }
        _ => {}
    }
    if !stored::set_state(write.tx(), body, id, from, to, caller.now()).await? {
        return Err(ProposalError::Concurrent);
    }
    let mut entry = Entry::new("proposal.state", "proposal").on(id.get()).from_state(from.code()).to_state(to.code());
    if let Some(details) = details {
        entry = entry.details(details);
    }
    write.commit(entry).await?;
    Ok(())
}

/// The media type of an accepted file name, by its extension.
pub fn attachment_type(file_name: &str) -> Option<&'static str> {
    let extension = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
    ATTACHMENT_TYPES.iter().find(|(known, _)| *known == extension).map(|(_, media_type)| *media_type)
}

/// Adds an attachment to a proposal the caller may edit.
pub async fn add_attachment(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    file_name: &str,
    content: &[u8],
) -> Result<i64, ProposalError> {
    caller.require(Permission::EditProposals)?;
    let file_name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name).trim();
    if file_name.chars().count() > MAX_ATTACHMENT_NAME {
        return Err(ProposalError::AttachmentName);
    }
    let media_type = attachment_type(file_name).ok_or_else(|| ProposalError::AttachmentType(file_name.to_owned()))?;
    if content.is_empty() {
        return Err(ProposalError::AttachmentEmpty);
    }
    if content.len() > MAX_ATTACHMENT_BYTES {
        return Err(ProposalError::AttachmentTooLarge);
    }
    let sha256: String = Sha256::digest(content).iter().map(|byte| format!("{byte:02x}")).collect();
    let (mut write, body) = edit(app, caller, id).await?;
    let attachment =
        NewAttachment { file_name, media_type, content, sha256: &sha256, uploaded_by: caller.user_id().map(Id::get) };
    let attachment_id = stored::add_attachment(write.tx(), body, id, &attachment, caller.now()).await?;
    let details = serde_json::json!({ "file": file_name, "bytes": content.len(), "sha256": sha256 });
    write.commit(Entry::new("proposal.attachment.add", "proposal").on(id.get()).details(details)).await?;
    Ok(attachment_id)
}

/// An attachment of a proposal the caller may see: what it is, and its bytes.
pub async fn attachment(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    attachment: i64,
) -> Result<(AttachmentInfo, Vec<u8>), ProposalError> {
    let mut tx = app.store().begin().await?;
    visible_in(&mut tx, caller, id).await?;
    let found = stored::attachment(&mut tx, caller.body()?, id, attachment).await?;
    tx.commit().await?;
    Ok(found)
}

/// Removes an attachment from a proposal the caller may edit.
pub async fn remove_attachment(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    attachment: i64,
) -> Result<(), ProposalError> {
    let (mut write, body) = edit(app, caller, id).await?;
    let removed = stored::remove_attachment(write.tx(), body, id, attachment).await?;
    let details = serde_json::json!({ "file": removed.file_name, "sha256": removed.sha256 });
    write.commit(Entry::new("proposal.attachment.remove", "proposal").on(id.get()).details(details)).await?;
    Ok(())
}

/// The subject of proposal `id` and its attachment `attachment`, to ask whether to remove it:
/// only to those who may remove it now (the edit rule).
pub async fn attachment_to_remove(
    app: &App,
    caller: &Caller,
    id: Id<Proposal>,
    attachment: i64,
) -> Result<(String, AttachmentInfo), ProposalError> {
    caller.require(Permission::EditProposals)?;
    let mut tx = app.store().begin().await?;
    let detail = visible_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    let state = detail.proposal.state;
    if !edits(caller, state) {
        let role = caller.deciding_role()?;
        return Err(ProposalError::NotEditable { state, role });
    }
    let info = detail
        .attachments
        .into_iter()
        .find(|info| info.id == attachment)
        .ok_or_else(|| ProposalError::NotFound(format!("attachment {attachment}")))?;
    Ok((detail.proposal.subject, info))
}
