//! A session's outcome: the griffie's form (`/sessies/{id}/uitkomst/bewerken`), the public page
//! (`/sessies/{id}/uitkomst`), the commitments overview (`/toezeggingen`, its CSV and each
//! portfolio holder's printable open list), and settling a candidate indicator.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use time::Date;
use wijkbeeld_app::Caller;
use wijkbeeld_app::outcome::{
    self, CommitmentDraft, CommitmentFilter, CommitmentView, ContributionDraft, IndicatorDraft, OutcomeDraft,
    OutcomeError, OutcomeView,
};
use wijkbeeld_domain::access::Permission;
use wijkbeeld_domain::market::CommitmentStatus;
use wijkbeeld_domain::monitor::{Direction, IndicatorStatus, Unit};

use crate::AppState;
use crate::error::{AppError, AppResult};
use crate::exports::{Table, TableFormat, TableValue};
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Texts, vocabulary_id};
use crate::layout::Layout;
use crate::notice::{self, Notice};

/// How many empty rows of each kind the form offers beyond those filled: rows are added by
/// filling these in and saving, without JavaScript.
const SPARE_ROWS: usize = 2;
/// The most rows of one kind a posted form is read for.
const MAX_ROWS: usize = 200;

impl From<OutcomeError> for AppError {
    fn from(error: OutcomeError) -> Self {
        match error {
            OutcomeError::Denied(denied) => denied.into(),
            OutcomeError::NoMunicipality(missing) => missing.into(),
            OutcomeError::NotFound(_) => AppError::NotFound,
            OutcomeError::NotHeldYet | OutcomeError::NotCandidate => AppError::WrongState,
            OutcomeError::Store(error) => AppError::Store(error),
            // Input problems are shown on their forms; one that reaches here is a bug in a
            // handler, answered like any failure.
            other @ OutcomeError::Fields(_) => AppError::Internal(other.to_string()),
        }
    }
}

fn field_problems(texts: &Texts, problems: Vec<(String, &'static str)>) -> FormErrors {
    problems
        .into_iter()
        .fold(FormErrors::none(), |errors, (field, message)| errors.and(FormErrors::one(field, texts.t(message))))
}

fn status_label(texts: &Texts, status: CommitmentStatus) -> String {
    texts.t(&vocabulary_id("commitment-status", status.code()))
}

fn status_choices(texts: &Texts) -> Vec<Choice> {
    CommitmentStatus::ALL
        .iter()
        .map(|status| Choice { value: status.code().to_owned(), label: status_label(texts, *status) })
        .collect()
}

// --- The form ------------------------------------------------------------------------------------

/// One contribution row of the form.
pub(crate) struct ContributionRowForm {
    number: usize,
    row: ContributionDraft,
}

/// One commitment row of the form.
pub(crate) struct CommitmentRowForm {
    number: usize,
    row: CommitmentDraft,
}

/// One proposed indicator row of the form.
pub(crate) struct IndicatorRowForm {
    number: usize,
    row: IndicatorDraft,
}

/// The outcome form.
#[derive(Template, WebTemplate)]
#[template(path = "outcome/form.html")]
pub(crate) struct OutcomeFormPage {
    layout: Layout,
    id: i64,
    subject: String,
    date: String,
    default_due: String,
    minutes: String,
    contributions: Vec<ContributionRowForm>,
    commitments: Vec<CommitmentRowForm>,
    indicators: Vec<IndicatorRowForm>,
    questions: Vec<Choice>,
    parties: Vec<Choice>,
    holders: Vec<Choice>,
    programmes: Vec<Choice>,
    statuses: Vec<Choice>,
    errors: FormErrors,
}

impl ContributionRowForm {
    /// The id and name of this row's field `name`.
    fn f(&self, name: &str) -> String {
        format!("contribution-{}-{name}", self.number)
    }
}

impl CommitmentRowForm {
    /// The id and name of this row's field `name`.
    fn f(&self, name: &str) -> String {
        format!("commitment-{}-{name}", self.number)
    }
}

impl IndicatorRowForm {
    /// The id and name of this row's field `name`.
    fn f(&self, name: &str) -> String {
        format!("indicator-{}-{name}", self.number)
    }
}

fn numbered<T: Default, R>(rows: Vec<T>, make: impl Fn(usize, T) -> R) -> Vec<R> {
    rows.into_iter()
        .chain(std::iter::repeat_with(T::default).take(SPARE_ROWS))
        .enumerate()
        .map(|(index, row)| make(index + 1, row))
        .collect()
}

fn form_page(layout: Layout, view: &OutcomeView, draft: OutcomeDraft, errors: FormErrors) -> OutcomeFormPage {
    let texts = layout.texts;
    let session = &view.session;
    let questions = view
        .questions
        .iter()
        .map(|numbered| Choice {
            value: numbered.question.id.to_string(),
            label: format!("{}.{} {}", numbered.item, numbered.question.position, first_line(&numbered.question.text)),
        })
        .collect();
    let layout = layout
        .trail(&[("/markt", "market-title"), ("", "market-title"), ("", "outcome-form-title")])
        .with_crumb_link(2, &format!("/markt/{}", session.evening_id), &texts.weekday_date(session.date));
    OutcomeFormPage {
        id: session.session_id,
        subject: session.subject.clone(),
        date: texts.weekday_date(session.date),
        default_due: texts.date(view.default_due),
        minutes: draft.minutes,
        contributions: numbered(draft.contributions, |number, row| ContributionRowForm { number, row }),
        commitments: numbered(draft.commitments, |number, row| CommitmentRowForm { number, row }),
        indicators: numbered(draft.indicators, |number, row| IndicatorRowForm { number, row }),
        questions,
        parties: view
            .parties
            .iter()
            .map(|party| Choice { value: party.id.to_string(), label: party.name.clone() })
            .collect(),
        holders: view
            .holders
            .iter()
            .map(|holder| Choice { value: holder.id.to_string(), label: holder.name.clone() })
            .collect(),
        programmes: view
            .programmes
            .iter()
            .map(|programme| Choice { value: programme.id.to_string(), label: programme.name.clone() })
            .collect(),
        statuses: status_choices(&texts),
        errors,
        layout,
    }
}

/// A question's first line: its explanation follows on the next lines.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() > 120 {
        format!("{}…", line.chars().take(120).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// The draft from the posted fields: `minutes`, and per row `contribution-N-question|party|text`,
/// `commitment-N-existing|holder|programme|text|due|status|document|fulfilled_on`,
/// `indicator-N-existing|code|name|description|party`, each with `…-N-remove` to drop the row.
/// Rows keep their numbers (a removed row becomes an empty one), so that a problem names the
/// row the form showed.
fn draft_from_fields(fields: &[(String, String)]) -> OutcomeDraft {
    let value =
        |name: &str| fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.clone()).unwrap_or_default();
    let rows = |kind: &str| -> usize {
        fields
            .iter()
            .filter_map(|(key, _)| key.strip_prefix(kind)?.strip_prefix('-')?.split('-').next()?.parse::<usize>().ok())
            .filter(|number| (1..=MAX_ROWS).contains(number))
            .max()
            .unwrap_or(0)
    };
    let removed = |kind: &str, number: usize| value(&format!("{kind}-{number}-remove")) == "ja";
    let contributions = (1..=rows("contribution"))
        .map(|number| {
            let field = |name: &str| value(&format!("contribution-{number}-{name}"));
            if removed("contribution", number) {
                return ContributionDraft::default();
            }
            ContributionDraft { question: field("question"), party: field("party"), text: field("text") }
        })
        .collect();
    let commitments = (1..=rows("commitment"))
        .map(|number| {
            let field = |name: &str| value(&format!("commitment-{number}-{name}"));
            if removed("commitment", number) {
                return CommitmentDraft::default();
            }
            CommitmentDraft {
                existing: field("existing"),
                holder: field("holder"),
                programme: field("programme"),
                text: field("text"),
                due: field("due"),
                status: field("status"),
                document: field("document"),
                fulfilled_on: field("fulfilled_on"),
            }
        })
        .collect();
    let indicators = (1..=rows("indicator"))
        .map(|number| {
            let field = |name: &str| value(&format!("indicator-{number}-{name}"));
            if removed("indicator", number) {
                return IndicatorDraft::default();
            }
            IndicatorDraft {
                existing: field("existing"),
                code: field("code"),
                name: field("name"),
                description: field("description"),
                party: field("party"),
            }
        })
        .collect();
    OutcomeDraft { minutes: value("minutes"), contributions, commitments, indicators }
}

/// The outcome form of session `id`, filled with what is recorded.
pub(crate) async fn edit_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<OutcomeFormPage> {
    let view = outcome::form(state.app(), &caller, id).await?;
    let draft = view.draft();
    Ok(form_page(layout, &view, draft, FormErrors::none()))
}

/// Records the outcome; on success to its page, else the form again with what was typed and
/// every problem.
pub(crate) async fn record(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let draft = draft_from_fields(&fields);
    match outcome::record(state.app(), &caller, id, &draft).await {
        Ok(()) => Ok(notice::redirect(&format!("/sessies/{id}/uitkomst"), Notice::new("notice-outcome-recorded"))),
        Err(OutcomeError::Fields(problems)) => {
            let errors = field_problems(&layout.texts, problems);
            let view = outcome::form(state.app(), &caller, id).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, form_page(layout, &view, draft, errors)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}

// --- The public page ----------------------------------------------------------------------------------

/// A question of the programme with the parties' contributions to it.
pub(crate) struct QuestionOutcome {
    label: String,
    text: String,
    contributions: Vec<(String, String)>,
}

/// A commitment as a page's table shows it.
pub(crate) struct CommitmentLine {
    pub(crate) session_id: i64,
    pub(crate) subject: String,
    pub(crate) holder: String,
    pub(crate) programme: String,
    pub(crate) text: String,
    pub(crate) due: String,
    pub(crate) status: String,
    pub(crate) fulfilled: String,
    pub(crate) overdue: bool,
}

pub(crate) fn commitment_line(texts: &Texts, view: &CommitmentView) -> CommitmentLine {
    let row = &view.row;
    let fulfilled = match (&row.fulfilled_by, row.fulfilled_on) {
        (Some(document), Some(date)) => format!("{document} ({})", texts.date(date)),
        (Some(document), None) => document.clone(),
        (None, Some(date)) => texts.date(date),
        (None, None) => String::new(),
    };
    CommitmentLine {
        session_id: row.session_id,
        subject: row.subject.clone(),
        holder: row.holder.clone().unwrap_or_default(),
        programme: row.programme.clone().unwrap_or_default(),
        text: row.text.clone(),
        due: texts.date(view.due),
        status: status_label(texts, row.status),
        fulfilled,
        overdue: view.overdue,
    }
}

/// An indicator proposed in the session.
pub(crate) struct IndicatorLine {
    name: String,
    description: String,
    party: String,
    status: String,
    href: Option<String>,
}

/// A session's outcome page.
#[derive(Template, WebTemplate)]
#[template(path = "outcome/page.html")]
pub(crate) struct OutcomePage {
    layout: Layout,
    id: i64,
    subject: String,
    date: String,
    evening_id: i64,
    proposal_id: i64,
    recorded: bool,
    minutes: Vec<String>,
    questions: Vec<QuestionOutcome>,
    general: Vec<(String, String)>,
    rows: Vec<CommitmentLine>,
    indicators: Vec<IndicatorLine>,
    may_record: bool,
}

/// The outcome of session `id`.
pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<OutcomePage> {
    let view = outcome::page(state.app(), &caller, id).await?;
    let texts = layout.texts;
    let session = &view.session;
    let party_line = |row: &outcome::ContributionRow| (row.party.clone().unwrap_or_default(), row.text.clone());
    let questions = view
        .questions
        .iter()
        .map(|numbered| QuestionOutcome {
            label: format!("{}.{}", numbered.item, numbered.question.position),
            text: numbered.question.text.clone(),
            contributions: view
                .contributions
                .iter()
                .filter(|row| row.question_id == Some(numbered.question.id.get()))
                .map(party_line)
                .collect(),
        })
        .collect();
    let general = view.contributions.iter().filter(|row| row.question_id.is_none()).map(party_line).collect();
    let internal = caller.may(Permission::SeeInternal);
    let indicators = view
        .indicators
        .iter()
        .map(|indicator| IndicatorLine {
            name: indicator.name.clone(),
            description: indicator.definition.clone(),
            party: indicator.party.clone().unwrap_or_default(),
            status: texts.t(&vocabulary_id("indicator-status", indicator.status.code())),
            href: (internal || indicator.is_published).then(|| format!("/monitor/indicator/{}", indicator.code)),
        })
        .collect();
    let layout = layout
        .trail(&[("/markt", "market-title"), ("", "market-title"), ("", "outcome-title")])
        .with_crumb_link(2, &format!("/markt/{}", session.evening_id), &texts.weekday_date(session.date));
    Ok(OutcomePage {
        id,
        subject: session.subject.clone(),
        date: texts.weekday_date(session.date),
        evening_id: session.evening_id,
        proposal_id: session.proposal_id,
        recorded: session.recorded_at.is_some(),
        minutes: session
            .minutes
            .as_deref()
            .unwrap_or_default()
            .replace("\r\n", "\n")
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(ToOwned::to_owned)
            .collect(),
        questions,
        general,
        rows: view.commitments.iter().map(|commitment| commitment_line(&texts, commitment)).collect(),
        indicators,
        may_record: view.may_record,
        layout,
    })
}

// --- The commitments overview -------------------------------------------------------------------------

/// The overview's filter as the GET form sends it; anything unreadable filters nothing.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct CommitmentQuery {
    #[serde(default)]
    portefeuillehouder: String,
    #[serde(default)]
    programma: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    te_laat: String,
}

fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), time::macros::format_description!("[year]-[month]-[day]")).ok()
}

impl CommitmentQuery {
    pub(crate) fn filter(&self) -> CommitmentFilter {
        CommitmentFilter {
            holder: self.portefeuillehouder.trim().parse().ok(),
            programme: self.programma.trim().parse().ok(),
            status: self.status.trim().parse().ok(),
            due_from: parse_date(&self.van),
            due_until: parse_date(&self.tot),
            overdue: self.te_laat == "ja",
        }
    }

    fn query_string(&self) -> String {
        let pairs = [
            ("portefeuillehouder", &self.portefeuillehouder),
            ("programma", &self.programma),
            ("status", &self.status),
            ("van", &self.van),
            ("tot", &self.tot),
            ("te_laat", &self.te_laat),
        ];
        let kept: Vec<(&str, &String)> = pairs.into_iter().filter(|(_, value)| !value.is_empty()).collect();
        if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", serde_urlencoded::to_string(kept).unwrap_or_default())
        }
    }
}

/// The commitments overview.
#[derive(Template, WebTemplate)]
#[template(path = "outcome/commitments.html")]
pub(crate) struct CommitmentsPage {
    layout: Layout,
    heading: String,
    /// A portfolio holder's printable open list, or the overview with its filter.
    holder_list: bool,
    query: CommitmentQuery,
    holders: Vec<Choice>,
    programmes: Vec<Choice>,
    statuses: Vec<Choice>,
    rows: Vec<CommitmentLine>,
    export_query: String,
    /// The filter's fields take no problems: what cannot be read filters nothing.
    errors: FormErrors,
}

/// Every commitment the viewer may see, filtered by the query.
pub(crate) async fn overview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(query): Query<CommitmentQuery>,
) -> AppResult<CommitmentsPage> {
    let found = outcome::commitments(state.app(), &caller, &query.filter()).await?;
    let texts = layout.texts;
    Ok(CommitmentsPage {
        heading: texts.t("commitments-title"),
        holder_list: false,
        holders: found
            .holders
            .iter()
            .map(|holder| Choice { value: holder.id.to_string(), label: holder.name.clone() })
            .collect(),
        programmes: found
            .programmes
            .iter()
            .map(|programme| Choice { value: programme.id.to_string(), label: programme.name.clone() })
            .collect(),
        statuses: status_choices(&texts),
        rows: found.commitments.iter().map(|view| commitment_line(&texts, view)).collect(),
        export_query: query.query_string(),
        query,
        errors: FormErrors::none(),
        layout: layout.trail(&[("/toezeggingen", "commitments-title")]),
    })
}

/// A portfolio holder's open commitments, to print for the next meeting.
pub(crate) async fn holder_list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<CommitmentsPage> {
    let filter =
        CommitmentFilter { holder: Some(id), status: Some(CommitmentStatus::Open), ..CommitmentFilter::default() };
    let found = outcome::commitments(state.app(), &caller, &filter).await?;
    let texts = layout.texts;
    let name = found
        .holders
        .iter()
        .find(|holder| holder.id.get() == id)
        .map(|holder| holder.name.clone())
        .ok_or(AppError::NotFound)?;
    let query = CommitmentQuery {
        portefeuillehouder: id.to_string(),
        status: CommitmentStatus::Open.code().to_owned(),
        ..CommitmentQuery::default()
    };
    let heading = texts.with("commitments-holder-title", &[("name", crate::i18n::Argument::Text(&name))]);
    Ok(CommitmentsPage {
        holder_list: true,
        holders: Vec::new(),
        programmes: Vec::new(),
        statuses: Vec::new(),
        rows: found.commitments.iter().map(|view| commitment_line(&texts, view)).collect(),
        export_query: query.query_string(),
        query,
        errors: FormErrors::none(),
        layout: layout
            .trail(&[("/toezeggingen", "commitments-title"), ("", "commitments-holder-crumb")])
            .with_last_crumb(&name),
        heading,
    })
}

/// The overview's commitments as CSV, filtered as the page.
pub(crate) async fn export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(query): Query<CommitmentQuery>,
) -> AppResult<Response> {
    let found = outcome::commitments(state.app(), &caller, &query.filter()).await?;
    let texts = layout.texts;
    let headers = [
        "commitments-column-due",
        "commitments-column-holder",
        "commitments-column-text",
        "commitments-column-session",
        "commitments-column-session-date",
        "commitments-column-programme",
        "commitments-column-status",
        "commitments-column-overdue",
        "commitments-column-fulfilled",
    ];
    let mut table = Table::new(texts.t("commitments-title"), headers.iter().map(|id| texts.t(id)).collect());
    for view in &found.commitments {
        let line = commitment_line(&texts, view);
        table.push(vec![
            TableValue::Text(view.due.to_string()),
            TableValue::Text(line.holder),
            TableValue::Text(line.text),
            TableValue::Text(line.subject),
            TableValue::Text(view.row.session_date.to_string()),
            TableValue::Text(line.programme),
            TableValue::Text(line.status),
            TableValue::Text(texts.t(if view.overdue { "commitments-yes" } else { "commitments-no" })),
            TableValue::Text(line.fulfilled),
        ]);
    }
    table.respond(TableFormat::Csv, "toezeggingen")
}

// --- Settling a candidate indicator --------------------------------------------------------------------

/// The form that settles a candidate indicator.
#[derive(Template, WebTemplate)]
#[template(path = "outcome/settle.html")]
pub(crate) struct SettlePage {
    layout: Layout,
    code: String,
    name: String,
    unit: String,
    direction: String,
    units: Vec<Choice>,
    directions: Vec<Choice>,
    errors: FormErrors,
}

/// The posted settle form.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct SettleForm {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    direction: String,
}

fn settle_page(layout: Layout, code: &str, name: &str, form: SettleForm, errors: FormErrors) -> SettlePage {
    let texts = layout.texts;
    let choices = |prefix: &str, codes: Vec<&str>| -> Vec<Choice> {
        codes
            .into_iter()
            .map(|code| Choice { value: code.to_owned(), label: texts.t(&vocabulary_id(prefix, code)) })
            .collect()
    };
    SettlePage {
        code: code.to_owned(),
        name: name.to_owned(),
        unit: form.unit,
        direction: form.direction,
        units: choices("unit", Unit::ALL.iter().map(|unit| unit.code()).collect()),
        directions: choices("direction", Direction::ALL.iter().map(|direction| direction.code()).collect()),
        errors,
        layout: layout
            .trail(&[("/monitor", "monitor-title"), ("", "monitor-indicator-title"), ("", "settle-title")])
            .with_crumb_link(2, &format!("/monitor/indicator/{code}"), name),
    }
}

/// The settle form of candidate indicator `code`.
pub(crate) async fn settle_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
) -> AppResult<SettlePage> {
    let indicator = outcome::candidate(state.app(), &caller, &code).await?;
    let form = SettleForm { unit: indicator.unit.code().to_owned(), direction: indicator.direction.code().to_owned() };
    Ok(settle_page(layout, &indicator.code, &indicator.name, form, FormErrors::none()))
}

/// Settles candidate indicator `code`; on success to its page.
pub(crate) async fn settle(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Form(form): Form<SettleForm>,
) -> AppResult<Response> {
    match outcome::settle_indicator(state.app(), &caller, &code, &form.unit, &form.direction).await {
        Ok(code) => {
            Ok(notice::redirect(&format!("/monitor/indicator/{code}"), Notice::new("notice-indicator-settled")))
        }
        Err(OutcomeError::Fields(problems)) => {
            let errors = field_problems(&layout.texts, problems);
            let indicator = outcome::candidate(state.app(), &caller, &code).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, settle_page(layout, &indicator.code, &indicator.name, form, errors))
                .into_response())
        }
        Err(error) => Err(error.into()),
    }
}

/// Whether an indicator in `status` may be settled by the viewer: for the indicator page's link.
pub(crate) fn may_settle(caller: &Caller, status: IndicatorStatus) -> bool {
    status == IndicatorStatus::Candidate && caller.may(Permission::SettleIndicators)
}
