//! Spreekrecht: a session as the public sees it (its speaking rules, whether registration is
//! open and why not), registering to speak without an account, the registrant's private link to
//! change or cancel, the waiting list and its promotion, and the griffie's rules per session.
//!
//! Never more confirmed speakers than places, however many register at once: a registration
//! decides its status and its place inside one write transaction that first locks the session
//! (`speaking::lock_session`), so that registrations for one session follow each other — on one
//! server or several sharing a database.

use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::proposal::SpeakingRules;
use wijkbeeld_domain::speaking::{
    self as rules, Closed, Placement, RegistrationForm, RegistrationProblem, SessionSpeaking,
};
use wijkbeeld_store::speaking::{self as stored, ContributionFile, NewRegistration};
pub use wijkbeeld_store::speaking::{RegistrationRecord, SessionInfo};
use wijkbeeld_store::{StoreError, Tx};

use crate::audit::{Entry, Write};
use crate::mail::Mail;
use crate::secrets::{self, SecretError};
use crate::sessions::{self, Limit, SessionError};
use crate::{App, Caller, Denied, NoMunicipality};

/// Registrations per client address: enough for a family at one address, too few to flood a list.
pub const REGISTRATION: Limit = Limit { bucket: "inspreken", max: 10, window: Duration::minutes(10) };
/// The longest idempotency key accepted.
pub const MAX_IDEMPOTENCY_KEY: usize = 200;
/// The longest note on speaking accepted, in characters.
pub const MAX_NOTE: usize = 1_000;

/// Why a speaking request was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum SpeakingError {
    /// The caller may not do this.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// No such session or registration (or one the caller may not see).
    #[error("not found: {0}")]
    NotFound(String),
    /// The private link was used to cancel: it no longer works.
    #[error("the registration was cancelled")]
    Gone,
    /// Registration is closed, for this reason.
    #[error("registration is closed: {0}")]
    Closed(Closed),
    /// The registration was refused: every problem, in the order of the form.
    #[error("the registration was refused: {0:?}")]
    Invalid(Vec<RegistrationProblem>),
    /// The speaking rules were refused: every problem as (field, problem).
    #[error("the rules were refused: {0:?}")]
    Rules(Vec<RulesProblem>),
    /// An idempotency key longer than [`MAX_IDEMPOTENCY_KEY`] or with control characters.
    #[error("the idempotency key is not valid")]
    InvalidKey,
    /// The client is over its limit; it may try again after this long.
    #[error("too many registrations; try again in {} s", retry_after.whole_seconds())]
    TooManyRequests {
        /// When the client may try again.
        retry_after: Duration,
    },
    /// Making a token failed.
    #[error(transparent)]
    Secret(#[from] SecretError),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for SpeakingError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => SpeakingError::NotFound(what),
            error => SpeakingError::Store(error),
        }
    }
}

impl From<SessionError> for SpeakingError {
    fn from(error: SessionError) -> Self {
        match error {
            SessionError::TooManyRequests { retry_after } => SpeakingError::TooManyRequests { retry_after },
            SessionError::Store(error) => error.into(),
            SessionError::Secret(error) => SpeakingError::Secret(error),
            SessionError::Refused => SpeakingError::Denied(Denied),
        }
    }
}

/// A session with what its page says about speaking.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The session as stored (no contact details).
    pub info: SessionInfo,
    /// Why registration is closed now; `None` while open.
    pub closed: Option<Closed>,
    /// Places on the speakers' list; `None` for no limit.
    pub places: Option<u16>,
    /// Minutes each confirmed speaker has now (a total divided among them).
    pub minutes_per_speaker: Option<u16>,
    /// Whether the caller sets the session's speaking rules.
    pub may_manage: bool,
    /// Whether the caller times the session's speakers (the griffie, or the session's chair):
    /// known on [`session`] only, `false` elsewhere.
    pub may_chair: bool,
}

fn view(caller: &Caller, info: SessionInfo) -> SessionView {
    let closed = rules::registration_closed(&info.speaking, info.published, info.date, info.starts_at, caller.now());
    let confirmed = u32::try_from(info.confirmed).unwrap_or(u32::MAX);
    SessionView {
        places: info.speaking.places(),
        minutes_per_speaker: info.speaking.minutes_per_speaker(confirmed),
        closed,
        may_manage: caller.may(Permission::ManageSpeakers),
        may_chair: false,
        info,
    }
}

/// Session `id` of the caller's body as the caller may see it: a session of an unpublished
/// evening is as missing as one that does not exist, except to those who see internal records.
async fn visible(tx: &mut Tx, caller: &Caller, id: i64) -> Result<SessionInfo, SpeakingError> {
    let info = stored::session(tx, caller.body()?, id).await?;
    match info {
        Some(info) if info.published || caller.may(Permission::SeeInternal) => Ok(info),
        _ => Err(SpeakingError::NotFound(format!("session {id}"))),
    }
}

/// Session `id` with its speaking rules, if the caller may see it.
pub async fn session(app: &App, caller: &Caller, id: i64) -> Result<SessionView, SpeakingError> {
    let mut tx = app.store().begin().await?;
    let info = visible(&mut tx, caller, id).await?;
    let chair = wijkbeeld_store::chair::session_chair(&mut tx, caller.body()?, id).await?.flatten();
    tx.commit().await?;
    Ok(SessionView { may_chair: crate::chair::may_chair(caller, chair), ..view(caller, info) })
}

/// The sessions of published evenings, by date and start.
pub async fn published_sessions(app: &App, caller: &Caller) -> Result<Vec<SessionView>, SpeakingError> {
    let mut tx = app.store().begin().await?;
    let sessions = stored::published_sessions(&mut tx, caller.body()?).await?;
    tx.commit().await?;
    Ok(sessions.into_iter().map(|info| view(caller, info)).collect())
}

/// The session a proposal is treated in, if it is on an evening.
pub async fn session_of_proposal(app: &App, caller: &Caller, proposal: i64) -> Result<Option<i64>, SpeakingError> {
    let mut tx = app.store().begin().await?;
    let id = stored::session_of_proposal(&mut tx, caller.body()?, proposal).await?;
    tx.commit().await?;
    Ok(id)
}

/// A written contribution as a file, as sent.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    /// The file's name as sent.
    pub file_name: &'a str,
    /// Its bytes.
    pub content: &'a [u8],
}

/// A registration request.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// What was typed.
    pub form: &'a RegistrationForm,
    /// A file, if one was sent.
    pub file: Option<Upload<'a>>,
    /// The idempotency key, if one was sent: a repeat with it answers the same.
    pub idempotency_key: Option<&'a str>,
    /// The client's address, which the rate limit counts by.
    pub client: &'a str,
    /// The language of the confirmation mail: `nl` or `en`.
    pub language: &'a str,
}

/// What a registration came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// Confirmed or on the waiting list.
    pub status: RegistrationStatus,
    /// The place on the waiting list, from 1; `None` when confirmed.
    pub position: Option<i64>,
    /// The private link's token: only for a new registration (a repeat cannot give it again,
    /// as only its digest is kept).
    pub token: Option<String>,
}

/// Keeps a registration's written contribution as a PDF with its SHA-256, replacing one kept before.
async fn store_contribution_file(
    tx: &mut Tx,
    registration_id: i64,
    file: &Upload<'_>,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let name = file_name_of(file.file_name);
    let digest = sha256(file.content);
    let stored_file =
        ContributionFile { file_name: &name, media_type: "application/pdf", sha256: &digest, content: file.content };
    stored::set_contribution_file(tx, registration_id, &stored_file, now).await
}

fn file_name_of(name: &str) -> String {
    let name = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
    let kept: String = name.chars().filter(|character| !character.is_control()).take(200).collect();
    if kept.is_empty() { "bijdrage.pdf".to_owned() } else { kept }
}

fn sha256(content: &[u8]) -> String {
    Sha256::digest(content).iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Queues the mail `template` about session `info` to `to` (the registrant's address), with the
/// private link's path where there is one, in the write's transaction.
#[allow(clippy::too_many_arguments)]
async fn tell(
    write: &mut Write<'_>,
    info: &SessionInfo,
    to: &str,
    language: &str,
    template: &'static str,
    name: &str,
    position: Option<i64>,
    token: Option<&str>,
) -> Result<(), StoreError> {
    let start = info.starts_at.map(|time| format!("{:02}:{:02}", time.hour(), time.minute())).unwrap_or_default();
    let arguments = serde_json::json!({
        "name": name,
        "subject": info.subject,
        "date": info.date.to_string(),
        "start": start,
        "room": info.room.clone().unwrap_or_default(),
        "position": position,
        "cancel_path": token.map(|token| format!("/aanmelding/{token}")),
    });
    let language = if language == "en" { "en" } else { "nl" };
    write.queue_mail(Mail { to: to.to_owned(), language: language.to_owned(), template, arguments }).await
}

/// Registers to speak in session `id`: refused when the client is over its limit, when
/// registration is closed (with the reason), or with every problem of the input; otherwise
/// confirmed while there are places, else on the waiting list. A repeat with an idempotency key
/// already answered answers the same and registers nobody.
pub async fn register(app: &App, caller: &Caller, id: i64, request: Request<'_>) -> Result<Registered, SpeakingError> {
    let body = caller.body()?;
    if let Some(key) = request.idempotency_key
        && (key.chars().count() > MAX_IDEMPOTENCY_KEY || key.chars().any(char::is_control))
    {
        return Err(SpeakingError::InvalidKey);
    }
    sessions::count_request(app, caller, REGISTRATION, request.client).await?;
    let mut write = app.write(caller).await?;
    stored::lock_session(write.tx(), body, id).await?;
    let info = visible(write.tx(), caller, id).await?;
    if let Some(key) = request.idempotency_key
        && let Some((_, status, position)) = stored::answered_request(write.tx(), id, key).await?
    {
        return Ok(Registered { status, position, token: None });
    }
    if let Some(closed) =
        rules::registration_closed(&info.speaking, info.published, info.date, info.starts_at, caller.now())
    {
        return Err(SpeakingError::Closed(closed));
    }
    let read = rules::read_registration(request.form);
    let mut problems = read.as_ref().err().cloned().unwrap_or_default();
    if let Some(file) = request.file
        && let Some(problem) = rules::file_problem(file.content)
    {
        problems.push(problem);
    }
    let registration = match read {
        Ok(registration) if problems.is_empty() => registration,
        _ => return Err(SpeakingError::Invalid(problems)),
    };
    let confirmed = stored::confirmed_count(write.tx(), id).await?;
    let status = match info.speaking.place_for_next(u32::try_from(confirmed).unwrap_or(u32::MAX)) {
        Placement::Confirmed => RegistrationStatus::Confirmed,
        Placement::WaitingList => RegistrationStatus::WaitingList,
    };
    let token = secrets::new_token()?;
    let token_hash = secrets::digest(&token);
    let email = registration.email.as_ref().map(|address| address.as_str().to_owned());
    let new = NewRegistration {
        name: &registration.name,
        email: email.as_deref(),
        phone: registration.phone.as_deref(),
        organisation: registration.organisation.as_deref(),
        topic: &registration.topic,
        contribution: registration.contribution.as_deref(),
        publish_name: registration.publish_name,
        status,
        cancel_token_hash: &token_hash,
    };
    let registration_id = stored::insert_registration(write.tx(), id, &new, caller.now()).await?;
    if let Some(file) = request.file {
        store_contribution_file(write.tx(), registration_id, &file, caller.now()).await?;
    }
    let position = stored::waitlist_position(write.tx(), registration_id).await?;
    if let Some(key) = request.idempotency_key {
        stored::remember_request(write.tx(), id, key, registration_id, status, position, caller.now()).await?;
    }
    // Told by mail only when an address was given; the mail goes out only if this commits.
    if let Some(address) = &email {
        let template =
            if status == RegistrationStatus::Confirmed { "registration-confirmed" } else { "registration-waitlisted" };
        let name = &registration.name;
        tell(&mut write, &info, address, request.language, template, name, position, Some(&token)).await?;
    }
    // The log keeps the registration's number and status, never the registrant's details.
    let details = serde_json::json!({ "session": id, "position": position });
    write
        .commit(
            Entry::new("speaker.register", "speaker_registration")
                .on(registration_id)
                .to_state(status.code())
                .details(details),
        )
        .await?;
    Ok(Registered { status, position, token: Some(token) })
}

/// A registration as its registrant sees it through the private link.
#[derive(Debug, Clone)]
pub struct RegistrationView {
    /// The registration, with the registrant's own contact details.
    pub record: RegistrationRecord,
    /// Its place on the waiting list, from 1; `None` when confirmed.
    pub position: Option<i64>,
    /// The session.
    pub session: SessionView,
}

/// The registration of a private link's token, in a transaction: not found for an unknown
/// token, gone for a cancelled registration.
async fn by_token(tx: &mut Tx, caller: &Caller, token: &str) -> Result<RegistrationRecord, SpeakingError> {
    let found = stored::registration_by_token(tx, caller.body()?, &secrets::digest(token)).await?;
    match found {
        None => Err(SpeakingError::NotFound("registration".to_owned())),
        Some(record) if record.status == RegistrationStatus::Cancelled => Err(SpeakingError::Gone),
        Some(record) => Ok(record),
    }
}

/// The registration of a private link.
pub async fn registration(app: &App, caller: &Caller, token: &str) -> Result<RegistrationView, SpeakingError> {
    let mut tx = app.store().begin().await?;
    let record = by_token(&mut tx, caller, token).await?;
    let position = stored::waitlist_position(&mut tx, record.id).await?;
    let info = stored::session(&mut tx, caller.body()?, record.session_id)
        .await?
        .ok_or_else(|| SpeakingError::NotFound(format!("session {}", record.session_id)))?;
    tx.commit().await?;
    Ok(RegistrationView { record, position, session: view(caller, info) })
}

/// What a registrant may change: the topic, the written contribution and the consent.
#[derive(Debug, Clone, Copy)]
pub struct Change<'a> {
    /// Topic.
    pub topic: &'a str,
    /// Written contribution as text, or empty.
    pub contribution: &'a str,
    /// A new file, replacing the one added before.
    pub file: Option<Upload<'a>>,
    /// Remove the file added before.
    pub remove_file: bool,
    /// Whether the name may be published.
    pub publish_name: bool,
}

/// Changes the registration of a private link.
pub async fn change_registration(
    app: &App,
    caller: &Caller,
    token: &str,
    change: Change<'_>,
) -> Result<(), SpeakingError> {
    let mut write = app.write(caller).await?;
    let record = by_token(write.tx(), caller, token).await?;
    let read = rules::read_change(change.topic, change.contribution);
    let mut problems = read.as_ref().err().cloned().unwrap_or_default();
    if let Some(file) = change.file
        && let Some(problem) = rules::file_problem(file.content)
    {
        problems.push(problem);
    }
    let (topic, contribution) = match read {
        Ok(read) if problems.is_empty() => read,
        _ => return Err(SpeakingError::Invalid(problems)),
    };
    stored::update_registration(write.tx(), record.id, &topic, contribution.as_deref(), change.publish_name).await?;
    if let Some(file) = change.file {
        store_contribution_file(write.tx(), record.id, &file, caller.now()).await?;
    } else if change.remove_file {
        stored::remove_contribution_file(write.tx(), record.id).await?;
    }
    write.commit(Entry::new("speaker.change", "speaker_registration").on(record.id)).await?;
    Ok(())
}

/// What a cancellation came to: whom it promoted from the waiting list, if anyone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cancelled {
    /// The registration promoted to the speakers' list.
    pub promoted: Option<i64>,
}

/// Cancels the registration of a private link. A confirmed speaker's place goes to the first on
/// the waiting list, in the same transaction.
pub async fn cancel(app: &App, caller: &Caller, token: &str, language: &str) -> Result<Cancelled, SpeakingError> {
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    // Read once to find the session, lock it, and read again under the lock: a concurrent
    // cancellation of the same link then finds it cancelled.
    let session_id = by_token(write.tx(), caller, token).await?.session_id;
    stored::lock_session(write.tx(), body, session_id).await?;
    let record = by_token(write.tx(), caller, token).await?;
    let info = stored::session(write.tx(), body, session_id)
        .await?
        .ok_or_else(|| SpeakingError::NotFound(format!("session {session_id}")))?;
    let was = record.status;
    stored::set_status(write.tx(), record.id, RegistrationStatus::Cancelled, caller.now()).await?;
    let mut promoted = None;
    if was == RegistrationStatus::Confirmed {
        let confirmed = stored::confirmed_count(write.tx(), session_id).await?;
        let room = info.speaking.place_for_next(u32::try_from(confirmed).unwrap_or(u32::MAX)) == Placement::Confirmed;
        if room && let Some(next) = stored::first_waitlisted(write.tx(), session_id).await? {
            stored::set_status(write.tx(), next, RegistrationStatus::Confirmed, caller.now()).await?;
            promoted = Some(next);
            // The promoted speaker is told with a new private link: only the old link's digest is
            // kept, so the mail cannot repeat it. Its language is not known: Dutch.
            if let Some(next) = stored::registration(write.tx(), body, next).await?
                && let Some(address) = next.email.clone()
            {
                let new_token = secrets::new_token()?;
                stored::set_token_hash(write.tx(), next.id, &secrets::digest(&new_token)).await?;
                let template = "registration-promoted";
                tell(&mut write, &info, &address, "nl", template, &next.name, None, Some(&new_token)).await?;
            }
        }
    }
    if let Some(address) = record.email.clone() {
        tell(&mut write, &info, &address, language, "registration-cancelled", &record.name, None, None).await?;
    }
    let details = serde_json::json!({ "session": session_id, "promoted": promoted });
    write
        .commit(
            Entry::new("speaker.cancel", "speaker_registration")
                .on(record.id)
                .from_state(was.code())
                .to_state(RegistrationStatus::Cancelled.code())
                .details(details),
        )
        .await?;
    Ok(Cancelled { promoted })
}

/// A session's speaking rules as the griffie sets them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RulesInput {
    /// Whether the public may speak.
    pub allowed: bool,
    /// Minutes per speaker.
    pub minutes_per_speaker: Option<u16>,
    /// Places.
    pub max_speakers: Option<u16>,
    /// A total of minutes divided among those confirmed.
    pub total_minutes: Option<u16>,
    /// The deadline.
    pub deadline: Option<OffsetDateTime>,
    /// Whether residents may join the conversation.
    pub may_join: bool,
    /// A note, e.g. the proposal's text about speaking.
    pub note: String,
}

/// What is wrong with speaking rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulesProblem {
    /// Minutes per speaker outside 1..=60.
    Minutes,
    /// Places over 100.
    Places,
    /// A total outside 1..=600 minutes.
    Total,
    /// A note over [`MAX_NOTE`] characters or with control characters.
    Note,
}

/// Sets session `id`'s speaking rules (the griffie).
pub async fn set_rules(app: &App, caller: &Caller, id: i64, input: &RulesInput) -> Result<(), SpeakingError> {
    caller.require(Permission::ManageSpeakers)?;
    let body = caller.body()?;
    let mut problems = Vec::new();
    if input.minutes_per_speaker.is_some_and(|minutes| !(1..=60).contains(&minutes)) {
        problems.push(RulesProblem::Minutes);
    }
    if input.max_speakers.is_some_and(|places| places > 100) {
        problems.push(RulesProblem::Places);
    }
    if input.total_minutes.is_some_and(|total| !(1..=600).contains(&total)) {
        problems.push(RulesProblem::Total);
    }
    let note = input.note.trim();
    if note.chars().count() > MAX_NOTE || wijkbeeld_domain::text::has_control_characters(note, true) {
        problems.push(RulesProblem::Note);
    }
    if !problems.is_empty() {
        return Err(SpeakingError::Rules(problems));
    }
    let speaking = SessionSpeaking {
        rules: SpeakingRules {
            allowed: Some(input.allowed),
            minutes_per_speaker: input.minutes_per_speaker,
            max_speakers: input.max_speakers,
            deadline: input.deadline,
            note: (!note.is_empty()).then(|| note.to_owned()),
        },
        total_minutes: input.total_minutes,
        may_join: input.may_join,
    };
    let mut write = app.write(caller).await?;
    stored::lock_session(write.tx(), body, id).await?;
    stored::set_rules(write.tx(), body, id, &speaking).await?;
    let details = serde_json::json!({
        "allowed": input.allowed,
        "minutes_per_speaker": input.minutes_per_speaker,
        "max_speakers": input.max_speakers,
        "total_minutes": input.total_minutes,
        "may_join": input.may_join,
    });
    write.commit(Entry::new("session.speaking", "session").on(id).details(details)).await?;
    Ok(())
}
