//! The griffie's and the chair's views of a session's speakers: the list of registrations with
//! their contact details and written contributions (the griffie's, per session and per evening),
//! the running order with each speaker's planned slot, which the griffie reorders and adds
//! walk-ins to, and the chair's timer, which starts and stops each speaker's time, with the
//! speaking time per speaker and per party afterwards.
//!
//! Who may time a session is a finer rule than a role's: the griffie (and administrators) for
//! any session, a councillor only for a session they chair ([`may_chair`]).

use time::{Date, OffsetDateTime};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::market::RegistrationStatus;
use wijkbeeld_domain::people::{Party, Person};
use wijkbeeld_domain::speaking::{
    self as rules, DEFAULT_MINUTES_PER_SPEAKER, Direction, PartyTime, RegistrationProblem, SpokenTime, WalkInForm,
};
use wijkbeeld_store::chair::{self as stored, NewWalkIn};
pub use wijkbeeld_store::chair::{ListedRegistration, Turn};
use wijkbeeld_store::speaking::{self as speaking_store, SessionInfo};
use wijkbeeld_store::{StoreError, Tx};

use crate::audit::Entry;
use crate::{App, Caller, Denied, NoMunicipality};

/// Why a request about a session's speakers was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ChairError {
    /// The caller may not do this.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// No such session, evening, registration or file (or one of another body).
    #[error("not found: {0}")]
    NotFound(String),
    /// A walk-in speaker was refused: every problem, in the order of the form.
    #[error("the walk-in speaker was refused: {0:?}")]
    Invalid(Vec<RegistrationProblem>),
    /// The party chosen is not one of the municipality's.
    #[error("unknown party")]
    UnknownParty,
    /// The speaker's time does not run, so it cannot be stopped.
    #[error("the speaker's time does not run")]
    NotRunning,
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for ChairError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => ChairError::NotFound(what),
            error => ChairError::Store(error),
        }
    }
}

/// Whether the caller may time a session chaired by `chair`: who keeps the speakers (the
/// griffie) always, a councillor when the account is linked to the session's chair.
pub fn may_chair(caller: &Caller, chair: Option<Id<Person>>) -> bool {
    caller.may(Permission::ChairSessions)
        && (caller.may(Permission::ManageSpeakers) || chair.is_some_and(|chair| caller.person_id() == Some(chair)))
}

/// Session `id` of the caller's body, or not found.
async fn session_info(tx: &mut Tx, caller: &Caller, id: i64) -> Result<SessionInfo, ChairError> {
    speaking_store::session(tx, caller.body()?, id).await?.ok_or_else(|| ChairError::NotFound(format!("session {id}")))
}

/// Checks that the caller may time session `id` (see [`may_chair`]): not found for no such
/// session, denied for a councillor who does not chair it.
async fn require_chair(tx: &mut Tx, caller: &Caller, id: i64) -> Result<(), ChairError> {
    caller.require(Permission::ChairSessions)?;
    let chair = stored::session_chair(tx, caller.body()?, id)
        .await?
        .ok_or_else(|| ChairError::NotFound(format!("session {id}")))?;
    if may_chair(caller, chair) { Ok(()) } else { Err(Denied.into()) }
}

/// A session's registrations as the griffie's list shows them.
#[derive(Debug, Clone)]
pub struct RegistrationList {
    /// The session.
    pub session: SessionInfo,
    /// Its registrations: the confirmed in the running order, the waiting, the cancelled.
    pub registrations: Vec<ListedRegistration>,
}

async fn list_in(tx: &mut Tx, caller: &Caller, id: i64) -> Result<RegistrationList, ChairError> {
    let session = session_info(tx, caller, id).await?;
    let registrations = stored::registrations(tx, caller.body()?, id).await?;
    Ok(RegistrationList { session, registrations })
}

/// The registrations of session `id` with contact details (the griffie).
pub async fn registrations(app: &App, caller: &Caller, id: i64) -> Result<RegistrationList, ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let mut tx = app.store().begin().await?;
    let list = list_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    Ok(list)
}

/// An evening's registrations, session by session.
#[derive(Debug, Clone)]
pub struct EveningRegistrations {
    /// The evening's title.
    pub title: String,
    /// Its day.
    pub date: Date,
    /// Its sessions with their registrations, by round and room.
    pub sessions: Vec<RegistrationList>,
}

/// The registrations of every session of evening `id` with contact details (the griffie).
pub async fn evening_registrations(app: &App, caller: &Caller, id: i64) -> Result<EveningRegistrations, ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let mut tx = app.store().begin().await?;
    let (title, date, ids) = stored::evening_sessions(&mut tx, caller.body()?, id)
        .await?
        .ok_or_else(|| ChairError::NotFound(format!("evening {id}")))?;
    let mut sessions = Vec::with_capacity(ids.len());
    for session in ids {
        sessions.push(list_in(&mut tx, caller, session).await?);
    }
    tx.commit().await?;
    Ok(EveningRegistrations { title, date, sessions })
}

/// The written contribution file of registration `registration` in session `id`: its name and
/// bytes (the griffie).
pub async fn contribution_file(
    app: &App,
    caller: &Caller,
    id: i64,
    registration: i64,
) -> Result<(String, Vec<u8>), ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let mut tx = app.store().begin().await?;
    let file = stored::contribution_file(&mut tx, caller.body()?, id, registration).await?;
    tx.commit().await?;
    file.ok_or_else(|| ChairError::NotFound(format!("contribution of registration {registration}")))
}

/// A speaker in the running order with the planned slot and the time spoken.
#[derive(Debug, Clone)]
pub struct TurnView {
    /// The speaker (no contact details).
    pub turn: Turn,
    /// The planned begin and end (Dutch time of day), once the session has a start.
    pub planned: Option<(time::Time, time::Time)>,
    /// The seconds planned.
    pub planned_seconds: i64,
    /// The seconds spoken so far (until now while the time runs); `None` before being started.
    pub spoken_seconds: Option<i64>,
    /// Whether the time runs now.
    pub running: bool,
}

impl TurnView {
    /// The seconds left of the planned time (negative when over it); `None` before being started.
    pub fn remaining_seconds(&self) -> Option<i64> {
        self.spoken_seconds.map(|spoken| self.planned_seconds - spoken)
    }
}

/// A session's running order: the confirmed speakers with their slots and times, the totals per
/// party, and what the caller may do with it.
#[derive(Debug, Clone)]
pub struct RunningOrder {
    /// The session.
    pub session: SessionInfo,
    /// Minutes each speaker has.
    pub minutes_each: u16,
    /// The speakers in order.
    pub turns: Vec<TurnView>,
    /// The speaking time per party, the residents (no party) last.
    pub totals: Vec<PartyTime>,
    /// The municipality's parties, for a walk-in who speaks for one.
    pub parties: Vec<Party>,
    /// Whether the caller reorders and adds walk-ins (the griffie).
    pub may_manage: bool,
    /// Whether the caller times the speakers.
    pub may_time: bool,
    /// The moment the times are computed at.
    pub now: OffsetDateTime,
}

async fn running_order_in(tx: &mut Tx, caller: &Caller, id: i64) -> Result<RunningOrder, ChairError> {
    let body = caller.body()?;
    let session = session_info(tx, caller, id).await?;
    let chair = stored::session_chair(tx, body, id).await?.flatten();
    let turns = stored::turns(tx, id).await?;
    let parties = wijkbeeld_store::outcome::parties(tx, body).await?;
    let count = u32::try_from(turns.len()).unwrap_or(u32::MAX);
    let minutes_each = session.speaking.minutes_per_speaker(count).unwrap_or(DEFAULT_MINUTES_PER_SPEAKER);
    let slots = session.starts_at.map(|start| rules::planned_slots(start, minutes_each, turns.len()));
    let now = caller.now();
    let planned_seconds = i64::from(minutes_each) * 60;
    let turns: Vec<TurnView> = turns
        .into_iter()
        .enumerate()
        .map(|(index, turn)| TurnView {
            planned: slots.as_ref().and_then(|slots| slots.get(index).copied()),
            planned_seconds,
            spoken_seconds: rules::spoken_seconds(turn.started_at, turn.ended_at, now),
            running: turn.started_at.is_some() && turn.ended_at.is_none(),
            turn,
        })
        .collect();
    let times: Vec<SpokenTime> = turns
        .iter()
        .map(|view| SpokenTime {
            party: view.turn.party.clone(),
            planned_seconds: view.planned_seconds,
            spoken_seconds: view.spoken_seconds,
        })
        .collect();
    Ok(RunningOrder {
        session,
        minutes_each,
        totals: rules::party_totals(&times),
        turns,
        parties,
        may_manage: caller.may(Permission::ManageSpeakers),
        may_time: may_chair(caller, chair),
        now,
    })
}

/// The running order of session `id` as the griffie keeps it.
pub async fn running_order(app: &App, caller: &Caller, id: i64) -> Result<RunningOrder, ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let mut tx = app.store().begin().await?;
    let order = running_order_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    Ok(order)
}

/// The running order of session `id` on the chair's timer: the griffie's, or the chair's own.
pub async fn timer(app: &App, caller: &Caller, id: i64) -> Result<RunningOrder, ChairError> {
    let mut tx = app.store().begin().await?;
    require_chair(&mut tx, caller, id).await?;
    let order = running_order_in(&mut tx, caller, id).await?;
    tx.commit().await?;
    Ok(order)
}

/// Moves confirmed speaker `registration` of session `id` one place in the running order.
pub async fn move_speaker(
    app: &App,
    caller: &Caller,
    id: i64,
    registration: i64,
    direction: Direction,
) -> Result<(), ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    speaking_store::lock_session(write.tx(), body, id).await?;
    let order: Vec<i64> = stored::turns(write.tx(), id).await?.into_iter().map(|turn| turn.id).collect();
    let order = rules::moved(&order, registration, direction)
        .ok_or_else(|| ChairError::NotFound(format!("speaker {registration}")))?;
    stored::set_order(write.tx(), id, &order).await?;
    let position = order.iter().position(|item| *item == registration).map(|at| at + 1);
    let details = serde_json::json!({ "session": id, "direction": direction.code(), "position": position });
    write.commit(Entry::new("speaker.move", "speaker_registration").on(registration).details(details)).await?;
    Ok(())
}

/// A walk-in speaker as sent.
#[derive(Debug, Clone, Default)]
pub struct WalkInRequest {
    /// Name, organisation and topic as typed.
    pub form: WalkInForm,
    /// The party the speaker speaks for, if any.
    pub party_id: Option<i64>,
}

/// Adds a speaker who walked in on the evening to session `id`: confirmed beyond the places, by
/// the griffie's decision, at the end of the running order; its registration's id.
pub async fn add_walk_in(app: &App, caller: &Caller, id: i64, request: &WalkInRequest) -> Result<i64, ChairError> {
    caller.require(Permission::ManageSpeakers)?;
    let body = caller.body()?;
    let walk_in = rules::read_walk_in(&request.form).map_err(ChairError::Invalid)?;
    let mut write = app.write(caller).await?;
    speaking_store::lock_session(write.tx(), body, id).await?;
    if let Some(party) = request.party_id
        && !stored::party_exists(write.tx(), body, party).await?
    {
        return Err(ChairError::UnknownParty);
    }
    let new = NewWalkIn {
        name: &walk_in.name,
        organisation: walk_in.organisation.as_deref(),
        topic: &walk_in.topic,
        party_id: request.party_id,
    };
    let registration = stored::insert_walk_in(write.tx(), id, &new, caller.now()).await?;
    // The log keeps the number and the party, never the speaker's name.
    let details = serde_json::json!({ "session": id, "party": request.party_id });
    write
        .commit(
            Entry::new("speaker.walk_in", "speaker_registration")
                .on(registration)
                .to_state(RegistrationStatus::Confirmed.code())
                .details(details),
        )
        .await?;
    Ok(registration)
}

/// Starts the time of speaker `registration` of session `id` (the chair), stopping the one
/// whose time runs; its id, if one was stopped.
pub async fn start_turn(app: &App, caller: &Caller, id: i64, registration: i64) -> Result<Option<i64>, ChairError> {
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    require_chair(write.tx(), caller, id).await?;
    speaking_store::lock_session(write.tx(), body, id).await?;
    let now = caller.now();
    let running = stored::running(write.tx(), id).await?;
    let stopped = match running {
        Some(other) if other != registration => {
            stored::stop(write.tx(), id, other, now).await?;
            Some(other)
        }
        _ => None,
    };
    if !stored::start(write.tx(), id, registration, now).await? {
        return Err(ChairError::NotFound(format!("speaker {registration}")));
    }
    let details = serde_json::json!({ "session": id, "stopped": stopped });
    write.commit(Entry::new("speaker.start", "speaker_registration").on(registration).details(details)).await?;
    Ok(stopped)
}

/// Stops the time of speaker `registration` of session `id` (the chair).
pub async fn stop_turn(app: &App, caller: &Caller, id: i64, registration: i64) -> Result<(), ChairError> {
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    require_chair(write.tx(), caller, id).await?;
    speaking_store::lock_session(write.tx(), body, id).await?;
    if !stored::stop(write.tx(), id, registration, caller.now()).await? {
        return Err(ChairError::NotRunning);
    }
    let details = serde_json::json!({ "session": id });
    write.commit(Entry::new("speaker.stop", "speaker_registration").on(registration).details(details)).await?;
    Ok(())
}
