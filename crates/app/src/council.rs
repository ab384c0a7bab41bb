//! The council's half of a session: a councillor marks the sessions they attend for their party
//! or are its spokesperson (woordvoerder) in, and reads their own page (their sessions, the
//! commitments made in them, the open commitments by portfolio holder). The evening's page shows
//! which parties attend each session; the planner reads the spokespersons and avoids putting one
//! in two sessions of a round, as hard as the griffie's weight says.
//!
//! A councillor marks only for the person their account belongs to, and for the party that person
//! sits for today. One place at a time: a session parallel to one already marked (overlapping
//! rounds of one evening) is refused, naming the other.

use std::collections::BTreeMap;

use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::attendance::{AttendanceRole, parallel_mark};
use wijkbeeld_domain::market::CommitmentStatus;
use wijkbeeld_domain::people::{Body, Person};
use wijkbeeld_domain::planner::{Spokesperson, Weights};
use wijkbeeld_store::attendance as stored;
pub use wijkbeeld_store::attendance::{AttendanceRow, MarkedSession};
use wijkbeeld_store::outcome::CommitmentRow;
use wijkbeeld_store::{StoreError, Tx};

use crate::audit::Entry;
use crate::market::{MarketError, Problem};
use crate::{App, Caller, Denied, NoMunicipality};

/// The highest weight the griffie may give a spokesperson in two sessions at once: ten times a
/// session left out, which makes the rule as good as hard.
pub const MAX_SPOKESPERSON_WEIGHT: u32 = 10_000;

/// Why a mark was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum CouncilError {
    /// The caller may not mark sessions (only councillors do).
    #[error("only councillors mark the sessions they attend")]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// The account belongs to no person, so there is no one to mark.
    #[error("this account is not linked to a councillor; ask the griffie to link it")]
    NoPerson,
    /// The person sits for no party today.
    #[error("you sit for no party today, so there is no party to attend for")]
    NoParty,
    /// No such session (or one the caller may not see).
    #[error("not found: {0}")]
    NotFound(String),
    /// The session runs at the same time as one already marked, by its subject.
    #[error("you are already in '{0}' at the same time")]
    Parallel(String),
    /// The party has a spokesperson in the session already, by name.
    #[error("{0} is already your party's spokesperson in this session")]
    SpokespersonTaken(String),
    /// A weight out of range.
    #[error("the weight must be a whole number from 0 to {MAX_SPOKESPERSON_WEIGHT}")]
    Weight,
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for CouncilError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => CouncilError::NotFound(what),
            error => CouncilError::Store(error),
        }
    }
}

impl From<MarketError> for CouncilError {
    fn from(error: MarketError) -> Self {
        match error {
            MarketError::Denied(denied) => CouncilError::Denied(denied),
            MarketError::NoMunicipality(missing) => CouncilError::NoMunicipality(missing),
            MarketError::NotFound(what) => CouncilError::NotFound(what),
            MarketError::Store(error) => CouncilError::Store(error),
            other => CouncilError::Store(StoreError::Corrupt(other.to_string())),
        }
    }
}

/// What a mark changed, for the page to go back to and confirm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    /// The session's evening.
    pub evening_id: i64,
    /// The session's subject.
    pub subject: String,
    /// The role now, or `None` when the mark was removed.
    pub role: Option<AttendanceRole>,
}

/// The councillor who calls: their person, or [`CouncilError::NoPerson`].
fn own_person(caller: &Caller) -> Result<Id<Person>, CouncilError> {
    caller.require(Permission::MarkAttendance)?;
    caller.person_id().ok_or(CouncilError::NoPerson)
}

/// Marks the caller's own person in the session in `role`, or removes their mark (`None`).
/// Refused for a session parallel to one already marked (naming it), and for a second
/// spokesperson of the party. Changing one's role in a session is a new mark of it.
pub async fn set_attendance(
    app: &App,
    caller: &Caller,
    session_id: i64,
    role: Option<AttendanceRole>,
) -> Result<Marked, CouncilError> {
    let person = own_person(caller)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let session = stored::session_slot(write.tx(), body, session_id)
        .await?
        .ok_or_else(|| CouncilError::NotFound(format!("session {session_id}")))?;
    let Some(role) = role else {
        let before = stored::unmark(write.tx(), session_id, person).await?;
        let mut entry = Entry::new("attendance.unmark", "session")
            .on(session_id)
            .details(serde_json::json!({ "person": person.get() }));
        if let Some(before) = before {
            entry = entry.from_state(before.code());
        }
        write.commit(entry).await?;
        return Ok(Marked { evening_id: session.evening_id, subject: session.subject, role: None });
    };
    let party = stored::party_of(write.tx(), body, person, caller.today()).await?.ok_or(CouncilError::NoParty)?;
    let marked = stored::marked_on_evening(write.tx(), body, person, session.evening_id).await?;
    let slots: Vec<(i64, _)> = marked.iter().map(|other| (other.session_id, other.slot)).collect();
    if let Some(other) = parallel_mark((session_id, session.slot), &slots) {
        let subject = marked.iter().find(|m| m.session_id == other).map(|m| m.subject.clone()).unwrap_or_default();
        return Err(CouncilError::Parallel(subject));
    }
    if role == AttendanceRole::Spokesperson
        && let Some((holder, name)) = stored::spokesperson_of(write.tx(), session_id, party.party_id).await?
        && holder != person.get()
    {
        return Err(CouncilError::SpokespersonTaken(name));
    }
    stored::mark(write.tx(), session_id, person, party.party_id, role, caller.now()).await?;
    let entry = Entry::new("attendance.mark", "session")
        .on(session_id)
        .to_state(role.code())
        .details(serde_json::json!({ "person": person.get(), "party": party.short_name }));
    write.commit(entry).await?;
    Ok(Marked { evening_id: session.evening_id, subject: session.subject, role: Some(role) })
}

/// The marks on an evening's sessions as its page shows them.
#[derive(Debug, Clone, Default)]
pub struct EveningCouncil {
    /// Every mark, by session, then party, then name.
    pub marks: Vec<AttendanceRow>,
    /// Whether the caller marks sessions (a councillor linked to a person).
    pub may_mark: bool,
    /// The caller's own marks, as (session, role).
    pub own: Vec<(i64, AttendanceRole)>,
}

/// The marks on the evening's sessions, for [`crate::market::evening`], which has found the
/// evening visible to the caller.
pub(crate) async fn evening_council(
    tx: &mut Tx,
    caller: &Caller,
    body: Id<Body>,
    evening: i64,
) -> Result<EveningCouncil, StoreError> {
    let marks = stored::of_evening(tx, body, evening).await?;
    let person = caller.person_id().filter(|_| caller.may(Permission::MarkAttendance));
    let own = match person {
        Some(person) => marks.iter().filter(|m| m.person_id == person.get()).map(|m| (m.session_id, m.role)).collect(),
        None => Vec::new(),
    };
    Ok(EveningCouncil { marks, may_mark: person.is_some() && caller.account().is_some(), own })
}

/// Gives each session of the planning problem its spokespersons, from the marks.
pub(crate) async fn add_spokespersons(
    tx: &mut Tx,
    body: Id<Body>,
    evening: i64,
    problem: &mut Problem,
) -> Result<(), StoreError> {
    let marks = stored::of_evening(tx, body, evening).await?;
    for (index, session) in problem.sessions.iter().enumerate() {
        problem.evening.sessions[index].spokespersons = marks
            .iter()
            .filter(|mark| mark.session_id == *session && mark.role == AttendanceRole::Spokesperson)
            .map(|mark| Spokesperson {
                person: Id::new(mark.person_id),
                name: format!("{} ({})", mark.name, mark.party),
            })
            .collect();
    }
    Ok(())
}

/// A councillor's own page.
#[derive(Debug, Clone)]
pub struct OwnCouncil {
    /// The party they sit for today, by abbreviation.
    pub party: Option<String>,
    /// The sessions they marked, by date and round.
    pub sessions: Vec<MarkedSession>,
    /// The commitments made in those sessions.
    pub commitments: Vec<CommitmentRow>,
    /// Every open commitment of the municipality, grouped by portfolio holder (by name; those of
    /// no known holder under the empty name, last).
    pub open_by_holder: Vec<(String, Vec<CommitmentRow>)>,
}

/// The calling councillor's sessions and commitments.
pub async fn own_page(app: &App, caller: &Caller) -> Result<OwnCouncil, CouncilError> {
    let person = own_person(caller)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let party = stored::party_of(&mut tx, body, person, caller.today()).await?.map(|party| party.short_name);
    let sessions = stored::marks_of(&mut tx, body, person).await?;
    let all = wijkbeeld_store::outcome::commitments(&mut tx, body, None).await?;
    tx.commit().await?;
    let commitments =
        all.iter().filter(|row| sessions.iter().any(|s| s.session_id == row.session_id)).cloned().collect();
    let mut grouped: BTreeMap<(bool, String), Vec<CommitmentRow>> = BTreeMap::new();
    for row in all.into_iter().filter(|row| row.status == CommitmentStatus::Open) {
        let holder = row.holder.clone().unwrap_or_default();
        grouped.entry((holder.is_empty(), holder)).or_default().push(row);
    }
    let open_by_holder = grouped.into_iter().map(|((_, holder), rows)| (holder, rows)).collect();
    Ok(OwnCouncil { party, sessions, commitments, open_by_holder })
}

/// The marks on one session, for the public API: the session's evening must be published, or
/// the caller see what is internal.
pub async fn session_attendance(
    app: &App,
    caller: &Caller,
    session_id: i64,
) -> Result<Vec<AttendanceRow>, CouncilError> {
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let session = stored::session_slot(&mut tx, body, session_id).await?;
    let visible = session.is_some_and(|session| session.published || caller.may(Permission::SeeInternal));
    if !visible {
        return Err(CouncilError::NotFound(format!("session {session_id}")));
    }
    let marks = stored::of_session(&mut tx, body, session_id).await?;
    tx.commit().await?;
    Ok(marks)
}

/// Sets how heavily the planner counts a spokesperson in two sessions of one round (those who
/// plan evenings): 0 ignores it, [`MAX_SPOKESPERSON_WEIGHT`] makes it as good as hard. The other
/// weights stay as they are.
pub async fn set_spokesperson_weight(app: &App, caller: &Caller, weight: u32) -> Result<Weights, CouncilError> {
    caller.require(Permission::PlanMarkets)?;
    if weight > MAX_SPOKESPERSON_WEIGHT {
        return Err(CouncilError::Weight);
    }
    let mut weights = crate::market::weights(app, caller).await?;
    weights.spokesperson_clash = weight;
    crate::market::set_weights(app, caller, &weights).await?;
    Ok(weights)
}
