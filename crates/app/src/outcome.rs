//! A session's outcome, recorded afterwards by the griffie: the minutes (verslag), each party's
//! contribution per question of the programme, the commitments (toezeggingen) of the portfolio
//! holders, and the success indicators proposed, which become candidate indicators in the
//! monitor. Recording it moves the proposal to behandeld in the same audited write. Also the
//! public outcome page, the commitments overview, and settling a candidate indicator.

use time::Date;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::market::CommitmentStatus;
use wijkbeeld_domain::monitor::{Direction, Indicator, IndicatorStatus, Programme, Unit};
use wijkbeeld_domain::outcome::{
    CommitmentProblem, commitment_problems, default_due_date, is_overdue, proposed_indicator_code,
};
use wijkbeeld_domain::people::{Body, Function, Party};
use wijkbeeld_domain::proposal::{Proposal, ProposalState, Question};
use wijkbeeld_domain::text::has_control_characters;
use wijkbeeld_store::outcome::{self as stored, NewCommitment, NewContribution, NewProposedIndicator, OutcomeInput};
pub use wijkbeeld_store::outcome::{CommitmentRow, ContributionRow, OutcomeSession, ProposedIndicator};
pub use wijkbeeld_store::people::PersonChoice;
use wijkbeeld_store::{StoreError, Tx, monitor, people, proposals};

use crate::audit::Entry;
use crate::{App, Caller, Denied, NoMunicipality};

/// The longest minutes accepted, in characters.
pub const MAX_MINUTES: usize = 50_000;
/// The longest contribution, commitment or description accepted, in characters.
pub const MAX_TEXT: usize = 5_000;
/// The longest name or document reference accepted, in characters.
pub const MAX_LINE: usize = 300;

/// Why an outcome could not be shown or recorded.
#[derive(Debug, thiserror::Error)]
pub enum OutcomeError {
    /// The caller may not.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// There is no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// No such session (or outcome, or indicator) for this caller.
    #[error("not found: {0}")]
    NotFound(String),
    /// The session has not been held yet: its outcome cannot be recorded.
    #[error("the session has not been held yet")]
    NotHeldYet,
    /// The indicator is not a candidate (any more).
    #[error("the indicator is not a candidate")]
    NotCandidate,
    /// Fields refused, as (field, Fluent message id), in the order of the form.
    #[error("the form has problems in {} fields", .0.len())]
    Fields(Vec<(String, &'static str)>),
    /// The database failed.
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for OutcomeError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => OutcomeError::NotFound(what),
            error => OutcomeError::Store(error),
        }
    }
}

/// One contribution row as typed: ids as text, checked by [`record`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContributionDraft {
    /// The question's id, or empty for the session in general.
    pub question: String,
    /// The party's id.
    pub party: String,
    /// What it said.
    pub text: String,
}

/// One commitment row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentDraft {
    /// The id of the session's commitment this row is, or empty for a new one.
    pub existing: String,
    /// The portfolio holder's person id.
    pub holder: String,
    /// The programme's id, or empty.
    pub programme: String,
    /// What was promised.
    pub text: String,
    /// The due date (YYYY-MM-DD), or empty for the default.
    pub due: String,
    /// A [`CommitmentStatus`] code.
    pub status: String,
    /// The document that fulfilled it.
    pub document: String,
    /// When it was fulfilled (YYYY-MM-DD), or empty.
    pub fulfilled_on: String,
}

/// One proposed indicator row as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndicatorDraft {
    /// The id of the session's indicator this row is, or empty for a new one.
    pub existing: String,
    /// Its code, shown for existing ones.
    pub code: String,
    /// Name.
    pub name: String,
    /// What it measures.
    pub description: String,
    /// The proposing party's id, or empty.
    pub party: String,
}

/// The outcome form as typed. Rows left wholly empty (the spare ones) are ignored; the form
/// drops removed rows before they reach here.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeDraft {
    /// The minutes.
    pub minutes: String,
    /// The contributions.
    pub contributions: Vec<ContributionDraft>,
    /// The commitments.
    pub commitments: Vec<CommitmentDraft>,
    /// The proposed indicators.
    pub indicators: Vec<IndicatorDraft>,
}

impl ContributionDraft {
    fn is_blank(&self) -> bool {
        self.party.trim().is_empty() && self.text.trim().is_empty()
    }
}

impl CommitmentDraft {
    fn is_blank(&self) -> bool {
        [&self.holder, &self.programme, &self.text, &self.due, &self.document, &self.fulfilled_on]
            .iter()
            .all(|field| field.trim().is_empty())
    }
}

impl IndicatorDraft {
    fn is_blank(&self) -> bool {
        self.existing.trim().is_empty()
            && [&self.name, &self.description, &self.party].iter().all(|field| field.trim().is_empty())
    }
}

/// A question of the programme, with its item's number, for the form and the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedQuestion {
    /// The programme item's position.
    pub item: u16,
    /// The question.
    pub question: Question,
}

/// What the outcome form and page show of a session, and what the form offers.
#[derive(Debug, Clone)]
pub struct OutcomeView {
    /// The session.
    pub session: OutcomeSession,
    /// The proposal's questions, in programme order.
    pub questions: Vec<NumberedQuestion>,
    /// The contributions recorded.
    pub contributions: Vec<ContributionRow>,
    /// The commitments recorded.
    pub commitments: Vec<CommitmentView>,
    /// The indicators proposed.
    pub indicators: Vec<ProposedIndicator>,
    /// The body's parties.
    pub parties: Vec<Party>,
    /// The portfolio holders (aldermen and the mayor) in office.
    pub holders: Vec<PersonChoice>,
    /// The programmes.
    pub programmes: Vec<Programme>,
    /// The default due date for commitments made in this session.
    pub default_due: Date,
    /// Whether the caller may record it.
    pub may_record: bool,
}

impl OutcomeView {
    /// The stored outcome as the form's draft.
    pub fn draft(&self) -> OutcomeDraft {
        OutcomeDraft {
            minutes: self.session.minutes.clone().unwrap_or_default(),
            contributions: self
                .contributions
                .iter()
                .map(|row| ContributionDraft {
                    question: row.question_id.map(|id| id.to_string()).unwrap_or_default(),
                    party: row.party_id.map(|id| id.to_string()).unwrap_or_default(),
                    text: row.text.clone(),
                })
                .collect(),
            commitments: self
                .commitments
                .iter()
                .map(|view| {
                    let row = &view.row;
                    CommitmentDraft {
                        existing: row.id.to_string(),
                        holder: row.holder_id.map(|id| id.to_string()).unwrap_or_default(),
                        programme: row.programme_id.map(|id| id.to_string()).unwrap_or_default(),
                        text: row.text.clone(),
                        due: row.due_date.map(|date| date.to_string()).unwrap_or_default(),
                        status: row.status.code().to_owned(),
                        document: row.fulfilled_by.clone().unwrap_or_default(),
                        fulfilled_on: row.fulfilled_on.map(|date| date.to_string()).unwrap_or_default(),
                    }
                })
                .collect(),
            indicators: self
                .indicators
                .iter()
                .map(|indicator| IndicatorDraft {
                    existing: indicator.id.to_string(),
                    code: indicator.code.clone(),
                    name: indicator.name.clone(),
                    description: indicator.definition.clone(),
                    party: indicator.party_id.map(|id| id.to_string()).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// A commitment with what is computed of it on the caller's day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentView {
    /// As stored.
    pub row: CommitmentRow,
    /// The date it is due: the one given, or the default after the session.
    pub due: Date,
    /// Whether it is open past its due date.
    pub overdue: bool,
}

impl CommitmentView {
    /// The commitment as it stands on `today`.
    pub fn of(row: CommitmentRow, today: Date) -> CommitmentView {
        let due = row.due_date.unwrap_or_else(|| default_due_date(row.session_date));
        CommitmentView { overdue: is_overdue(row.status, due, today), due, row }
    }
}

async fn view_in(tx: &mut Tx, caller: &Caller, body: Id<Body>, id: i64) -> Result<OutcomeView, OutcomeError> {
    let session =
        stored::session(tx, body, id).await?.ok_or_else(|| OutcomeError::NotFound(format!("session {id}")))?;
    let detail = proposals::detail(tx, body, Id::<Proposal>::new(session.proposal_id)).await?;
    let questions = detail
        .programme
        .iter()
        .flat_map(|item| {
            item.questions.iter().map(|question| NumberedQuestion { item: item.position, question: question.clone() })
        })
        .collect();
    let today = caller.today();
    Ok(OutcomeView {
        questions,
        contributions: stored::contributions(tx, body, id).await?,
        commitments: stored::commitments(tx, body, Some(id))
            .await?
            .into_iter()
            .map(|row| CommitmentView::of(row, today))
            .collect(),
        indicators: stored::proposed_indicators(tx, body, id).await?,
        parties: stored::parties(tx, body).await?,
        holders: people::with_functions(tx, body, &[Function::Alderman, Function::Mayor], caller.now()).await?,
        programmes: monitor::programmes(tx, body).await?,
        default_due: default_due_date(session.date),
        may_record: may_record(tx, caller, body, id).await?,
        session,
    })
}

/// Whether the caller may record session `id`'s outcome: those who record outcomes (the
/// griffie, administrators) for any session, and the session's own chair (as
/// [`crate::chair::may_chair`] lets them time it).
async fn may_record(tx: &mut Tx, caller: &Caller, body: Id<Body>, id: i64) -> Result<bool, StoreError> {
    if caller.may(Permission::RecordOutcome) {
        return Ok(true);
    }
    let chair = wijkbeeld_store::chair::session_chair(tx, body, id).await?.flatten();
    Ok(crate::chair::may_chair(caller, chair))
}

/// The outcome form of session `id`: what is recorded so far and the choices (those who record
/// outcomes).
pub async fn form(app: &App, caller: &Caller, id: i64) -> Result<OutcomeView, OutcomeError> {
    caller.require(Permission::ChairSessions)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let view = view_in(&mut tx, caller, body, id).await?;
    tx.commit().await?;
    if !view.may_record {
        return Err(Denied.into());
    }
    Ok(view)
}

/// The outcome of session `id` as the caller may see it: the public once it is recorded and
/// its evening published; internal viewers once recorded; those who record it always.
pub async fn page(app: &App, caller: &Caller, id: i64) -> Result<OutcomeView, OutcomeError> {
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let view = view_in(&mut tx, caller, body, id).await?;
    tx.commit().await?;
    let recorded = view.session.recorded_at.is_some();
    let visible = view.may_record || (recorded && (view.session.published || caller.may(Permission::SeeInternal)));
    if visible { Ok(view) } else { Err(OutcomeError::NotFound(format!("outcome of session {id}"))) }
}

fn check_text(
    problems: &mut Vec<(String, &'static str)>,
    field: String,
    text: &str,
    limit: usize,
    required: Option<&'static str>,
) -> String {
    let text = text.trim();
    if text.is_empty() {
        if let Some(message) = required {
            problems.push((field, message));
        }
    } else if text.chars().count() > limit {
        problems.push((field, "error-outcome-too-long"));
    } else if has_control_characters(text, limit > MAX_LINE) {
        problems.push((field, "error-control-characters"));
    }
    text.to_owned()
}

fn check_choice(
    problems: &mut Vec<(String, &'static str)>,
    field: String,
    text: &str,
    known: &[i64],
    required: Option<&'static str>,
) -> Option<i64> {
    match text.trim() {
        "" => {
            if let Some(message) = required {
                problems.push((field, message));
            }
            None
        }
        text => match text.parse::<i64>().ok().filter(|id| known.contains(id)) {
            Some(id) => Some(id),
            None => {
                problems.push((field, "error-choose-from-list"));
                None
            }
        },
    }
}

fn check_date(problems: &mut Vec<(String, &'static str)>, field: String, text: &str) -> Option<Date> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match Date::parse(text, format) {
        Ok(date) => Some(date),
        Err(_) => {
            problems.push((field, "error-outcome-date"));
            None
        }
    }
}

/// Checks a draft against the session and what the body knows: the input to store, or every
/// problem. Field names are `minutes`, `contribution-N-…`, `commitment-N-…` and
/// `indicator-N-…`, with N the row's number in the draft (from 1).
fn check(view: &OutcomeView, draft: &OutcomeDraft) -> Result<OutcomeInput, OutcomeError> {
    let mut problems = Vec::new();
    let minutes = check_text(&mut problems, "minutes".into(), &draft.minutes, MAX_MINUTES, None);
    let parties: Vec<i64> = view.parties.iter().map(|party| party.id.get()).collect();
    let questions: Vec<i64> = view.questions.iter().map(|question| question.question.id.get()).collect();
    let holders: Vec<i64> = view.holders.iter().map(|holder| holder.id.get()).collect();
    let programmes: Vec<i64> = view.programmes.iter().map(|programme| programme.id.get()).collect();
    let mut input = OutcomeInput { minutes, ..OutcomeInput::default() };
    for (index, row) in draft.contributions.iter().enumerate().filter(|(_, row)| !row.is_blank()) {
        let field = |name: &str| format!("contribution-{}-{name}", index + 1);
        let question = check_choice(&mut problems, field("question"), &row.question, &questions, None);
        let party = check_choice(&mut problems, field("party"), &row.party, &parties, Some("error-outcome-party"));
        let text = check_text(&mut problems, field("text"), &row.text, MAX_TEXT, Some("error-outcome-contribution"));
        if let Some(party_id) = party {
            input.contributions.push(NewContribution { question_id: question, party_id, text });
        }
    }
    let stored_commitments: Vec<i64> = view.commitments.iter().map(|view| view.row.id).collect();
    for (index, row) in draft.commitments.iter().enumerate().filter(|(_, row)| !row.is_blank()) {
        let field = |name: &str| format!("commitment-{}-{name}", index + 1);
        // An id that is not one of this session's commitments (a form of another session, an
        // edited page) makes the row a new commitment rather than another's change.
        let existing = row.existing.trim().parse::<i64>().ok().filter(|id| stored_commitments.contains(id));
        let holder = check_choice(&mut problems, field("holder"), &row.holder, &holders, Some("error-outcome-holder"));
        let programme = check_choice(&mut problems, field("programme"), &row.programme, &programmes, None);
        let text = check_text(&mut problems, field("text"), &row.text, MAX_TEXT, Some("error-outcome-commitment"));
        let due = check_date(&mut problems, field("due"), &row.due);
        let status = match row.status.trim() {
            "" => Some(CommitmentStatus::Open),
            code => code.parse::<CommitmentStatus>().ok(),
        };
        if status.is_none() {
            problems.push((field("status"), "error-choose-from-list"));
        }
        let status = status.unwrap_or(CommitmentStatus::Open);
        let document = check_text(&mut problems, field("document"), &row.document, MAX_LINE, None);
        let fulfilled_on = check_date(&mut problems, field("fulfilled_on"), &row.fulfilled_on);
        for problem in commitment_problems(view.session.date, due, status, Some(&document)) {
            match problem {
                CommitmentProblem::DueBeforeSession => problems.push((field("due"), "error-outcome-due-before")),
                CommitmentProblem::FulfilledWithoutDocument => {
                    problems.push((field("document"), "error-outcome-document"))
                }
            }
        }
        if let Some(holder_id) = holder {
            input.commitments.push(NewCommitment {
                existing,
                holder_id,
                programme_id: programme,
                text,
                due_date: due.unwrap_or(view.default_due),
                status,
                fulfilled_on: fulfilled_on.filter(|_| status == CommitmentStatus::Fulfilled),
                fulfilled_by: Some(document).filter(|document| !document.is_empty()),
            });
        }
    }
    let existing: Vec<i64> = view.indicators.iter().map(|indicator| indicator.id).collect();
    let mut number = 0;
    for (index, row) in draft.indicators.iter().enumerate().filter(|(_, row)| !row.is_blank()) {
        let field = |name: &str| format!("indicator-{}-{name}", index + 1);
        let existing = match row.existing.trim() {
            "" => None,
            text => match text.parse::<i64>().ok().filter(|id| existing.contains(id)) {
                Some(id) => Some(id),
                None => {
                    problems.push((field("name"), "error-choose-from-list"));
                    None
                }
            },
        };
        let name = check_text(&mut problems, field("name"), &row.name, MAX_LINE, Some("error-outcome-indicator-name"));
        let definition = check_text(
            &mut problems,
            field("description"),
            &row.description,
            MAX_TEXT,
            Some("error-outcome-indicator-description"),
        );
        let party = check_choice(&mut problems, field("party"), &row.party, &parties, None);
        number += 1;
        input.indicators.push(NewProposedIndicator {
            existing,
            code: proposed_indicator_code(view.session.session_id, number),
            name,
            definition,
            party_id: party,
        });
    }
    if problems.is_empty() { Ok(input) } else { Err(OutcomeError::Fields(problems)) }
}

/// Gives each new proposed indicator a code no indicator of the body has: its session's number
/// and the first free place.
async fn free_codes(tx: &mut Tx, body: Id<Body>, session: i64, input: &mut OutcomeInput) -> Result<(), StoreError> {
    let mut number = 0;
    for indicator in input.indicators.iter_mut().filter(|indicator| indicator.existing.is_none()) {
        loop {
            number += 1;
            let code = proposed_indicator_code(session, number);
            if !monitor::indicator_code_taken(tx, body, &code, None).await? {
                indicator.code = code;
                break;
            }
        }
    }
    Ok(())
}

/// Records (or re-records) the outcome of session `id` from `draft` (those who record
/// outcomes), once the session has been held. Every problem is refused at once as
/// [`OutcomeError::Fields`]. A proposal still geagendeerd becomes behandeld in the same write:
/// the recorded outcome is what says the session took place. Audited as `outcome.record`.
pub async fn record(app: &App, caller: &Caller, id: i64, draft: &OutcomeDraft) -> Result<(), OutcomeError> {
    caller.require(Permission::ChairSessions)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let view = view_in(write.tx(), caller, body, id).await?;
    if !view.may_record {
        return Err(Denied.into());
    }
    if !ProposalState::in_time(ProposalState::Treated, Some(view.session.date), caller.today()) {
        return Err(OutcomeError::NotHeldYet);
    }
    let mut input = check(&view, draft)?;
    free_codes(write.tx(), body, id, &mut input).await?;
    let report = stored::record(write.tx(), body, id, &input, caller.user_id().map(Id::get), caller.now()).await?;
    let from = view.session.state;
    let proposal = Id::<Proposal>::new(view.session.proposal_id);
    let moved = from == ProposalState::Scheduled
        && proposals::set_state(write.tx(), body, proposal, from, ProposalState::Treated, caller.now()).await?;
    let mut entry = Entry::new("outcome.record", "session").on(id).details(serde_json::json!({
        "proposal": proposal.get(),
        "minutes_chars": input.minutes.chars().count(),
        "contributions": input.contributions.len(),
        "commitments": input.commitments.len(),
        "indicators_created": report.created_indicators,
        "indicators_removed": report.removed_indicators,
    }));
    if moved {
        entry = entry.from_state(from.code()).to_state(ProposalState::Treated.code());
    }
    write.commit(entry).await?;
    Ok(())
}

/// What the commitments overview is filtered on; empty fields filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommitmentFilter {
    /// The portfolio holder's person id.
    pub holder: Option<i64>,
    /// The programme's id.
    pub programme: Option<i64>,
    /// The status.
    pub status: Option<CommitmentStatus>,
    /// Only those due on or after this day.
    pub due_from: Option<Date>,
    /// Only those due on or before this day.
    pub due_until: Option<Date>,
    /// Only overdue ones.
    pub overdue: bool,
}

/// The commitments overview.
#[derive(Debug, Clone)]
pub struct CommitmentOverview {
    /// The commitments that match, by due date.
    pub commitments: Vec<CommitmentView>,
    /// The portfolio holders that made commitments the caller may see, for the filter.
    pub holders: Vec<PersonChoice>,
    /// The programmes, for the filter.
    pub programmes: Vec<Programme>,
}

/// The commitments the caller may see that match `filter`: the public those of recorded
/// outcomes on published evenings, internal viewers every one. Before there is a municipality,
/// none.
pub async fn commitments(
    app: &App,
    caller: &Caller,
    filter: &CommitmentFilter,
) -> Result<CommitmentOverview, OutcomeError> {
    let Ok(body) = caller.body() else {
        return Ok(CommitmentOverview { commitments: Vec::new(), holders: Vec::new(), programmes: Vec::new() });
    };
    let mut tx = app.store().begin().await?;
    let rows = stored::commitments(&mut tx, body, None).await?;
    let programmes = monitor::programmes(&mut tx, body).await?;
    tx.commit().await?;
    let internal = caller.may(Permission::SeeInternal);
    let today = caller.today();
    let visible: Vec<CommitmentView> = rows
        .into_iter()
        .filter(|row| internal || (row.published && row.recorded))
        .map(|row| CommitmentView::of(row, today))
        .collect();
    let mut holders: Vec<PersonChoice> = Vec::new();
    for view in &visible {
        if let (Some(id), Some(name)) = (view.row.holder_id, &view.row.holder)
            && !holders.iter().any(|holder| holder.id.get() == id)
        {
            holders.push(PersonChoice { id: Id::new(id), name: name.clone() });
        }
    }
    holders.sort_by(|first, second| first.name.cmp(&second.name));
    let mut commitments: Vec<CommitmentView> = visible
        .into_iter()
        .filter(|view| {
            filter.holder.is_none_or(|holder| view.row.holder_id == Some(holder))
                && filter.programme.is_none_or(|programme| view.row.programme_id == Some(programme))
                && filter.status.is_none_or(|status| view.row.status == status)
                && filter.due_from.is_none_or(|from| view.due >= from)
                && filter.due_until.is_none_or(|until| view.due <= until)
                && (!filter.overdue || view.overdue)
        })
        .collect();
    commitments.sort_by_key(|view| (view.due, view.row.id));
    Ok(CommitmentOverview { commitments, holders, programmes })
}

/// The candidate indicator `code` (any case), to settle (the college, or the griffie).
pub async fn candidate(app: &App, caller: &Caller, code: &str) -> Result<Indicator, OutcomeError> {
    caller.require(Permission::SettleIndicators)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let indicator = find_indicator(&mut tx, body, code).await?;
    tx.commit().await?;
    if indicator.status == IndicatorStatus::Candidate { Ok(indicator) } else { Err(OutcomeError::NotCandidate) }
}

async fn find_indicator(tx: &mut Tx, body: Id<Body>, code: &str) -> Result<Indicator, OutcomeError> {
    let wanted = code.trim();
    monitor::indicators(tx, body)
        .await?
        .into_iter()
        .find(|indicator| indicator.code.eq_ignore_ascii_case(wanted))
        .ok_or_else(|| OutcomeError::NotFound(format!("indicator {wanted}")))
}

/// Settles candidate indicator `code` (any case): vastgesteld, with `unit` and `direction` as
/// codes (the college, or the griffie). Audited as `indicator.settle`. Returns the code.
pub async fn settle_indicator(
    app: &App,
    caller: &Caller,
    code: &str,
    unit: &str,
    direction: &str,
) -> Result<String, OutcomeError> {
    caller.require(Permission::SettleIndicators)?;
    let body = caller.body()?;
    let mut write = app.write(caller).await?;
    let indicator = find_indicator(write.tx(), body, code).await?;
    let mut problems = Vec::new();
    let unit = unit.trim().parse::<Unit>().ok();
    if unit.is_none() {
        problems.push(("unit".to_owned(), "error-choose-from-list"));
    }
    let direction = direction.trim().parse::<Direction>().ok();
    if direction.is_none() {
        problems.push(("direction".to_owned(), "error-choose-from-list"));
    }
    let (Some(unit), Some(direction)) = (unit, direction) else {
        return Err(OutcomeError::Fields(problems));
    };
    if indicator.status != IndicatorStatus::Candidate
        || !stored::settle_indicator(write.tx(), body, indicator.id.get(), unit, direction, caller.now()).await?
    {
        return Err(OutcomeError::NotCandidate);
    }
    let entry = Entry::new("indicator.settle", "indicator")
        .on(indicator.id.get())
        .from_state(IndicatorStatus::Candidate.code())
        .to_state(IndicatorStatus::Adopted.code())
        .details(serde_json::json!({ "code": indicator.code, "unit": unit.code(), "direction": direction.code() }));
    write.commit(entry).await?;
    Ok(indicator.code)
}
