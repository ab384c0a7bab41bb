//! Behandelvoorstellen: the list (`/voorstellen`), a proposal's page (public once its evening is
//! published), the forms to create, edit and import one, its lifecycle, its attachments, and its
//! PDF and HTML downloads.

pub(crate) mod form;
pub(crate) mod import;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::proposals::{self, PersonChoice, ProposalDetail, ProposalError, ProposalFilter};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::proposal::{Domain, ProposalState, Purpose};

use self::form::{FormChoices, ProposalForm};
use super::{file_response, upload_fields};
use crate::error::AppResult;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::{AppError, AppState};

fn state_label(texts: &Texts, state: ProposalState) -> String {
    texts.t(&format!("state-{}", state.code()))
}

fn domain_label(texts: &Texts, domain: Domain) -> String {
    texts.t(&format!("domain-{}", domain.code()))
}

fn purpose_label(texts: &Texts, purpose: Purpose) -> String {
    texts.t(&format!("purpose-{}", purpose.code()))
}

// --- The list -------------------------------------------------------------------------------

/// The list's filter as the address carries it.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ListQuery {
    #[serde(default)]
    status: String,
    #[serde(default)]
    domein: String,
    #[serde(default)]
    portefeuillehouder: String,
    #[serde(default)]
    zoek: String,
}

/// A proposal as the list shows it.
pub(crate) struct ListRow {
    id: i64,
    subject: String,
    case_number: String,
    state: String,
    domains: String,
    portfolio_holder: String,
    evening: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/list.html")]
pub(crate) struct ListPage {
    layout: Layout,
    query: ListQuery,
    states: Vec<Choice>,
    domains: Vec<Choice>,
    portfolio_holders: Vec<Choice>,
    rows: Vec<ListRow>,
    can_create: bool,
    count: usize,
    errors: FormErrors,
}

pub(crate) async fn list(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(query): Query<ListQuery>,
) -> AppResult<ListPage> {
    let texts = layout.texts;
    let filter = ProposalFilter {
        state: query.status.parse().ok(),
        domain: query.domein.parse().ok(),
        portfolio_holder: query.portefeuillehouder.parse::<i64>().ok().map(Id::new),
        text: Some(query.zoek.trim().to_owned()).filter(|text| !text.is_empty()),
    };
    let listing = proposals::list(state.app(), &caller, &filter).await?;
    let rows = listing
        .proposals
        .into_iter()
        .map(|summary| ListRow {
            id: summary.id.get(),
            subject: summary.subject,
            case_number: summary.case_number.unwrap_or_default(),
            state: state_label(&texts, summary.state),
            domains: summary.domains.iter().map(|domain| domain_label(&texts, *domain)).collect::<Vec<_>>().join(", "),
            portfolio_holder: summary.portfolio_holder.unwrap_or_default(),
            evening: summary.evening.map(|date| texts.date(date)).unwrap_or_default(),
        })
        .collect::<Vec<ListRow>>();
    let count = rows.len();
    Ok(ListPage {
        count,
        states: listing
            .states
            .iter()
            .map(|proposal_state| Choice {
                value: proposal_state.code().to_owned(),
                label: state_label(&texts, *proposal_state),
            })
            .collect(),
        domains: Domain::ALL
            .iter()
            .map(|domain| Choice { value: domain.code().to_owned(), label: domain_label(&texts, *domain) })
            .collect(),
        portfolio_holders: people_choices(listing.portfolio_holders),
        rows,
        can_create: listing.may_create,
        errors: FormErrors::none(),
        query,
        layout: layout.trail(&[("/voorstellen", "proposals-title")]),
    })
}

// --- A proposal's page ------------------------------------------------------------------------

/// An attachment as the page lists it.
pub(crate) struct AttachmentRow {
    id: i64,
    file_name: String,
    size: String,
    sha256: String,
}

/// A label and its value in a data list; `absent` when the value says the proposal names none.
pub(crate) struct Fact {
    label: String,
    value: String,
    absent: bool,
}

/// The session as the proposal asks for it. What it leaves open says so; where the griffie has
/// since staffed the session on its evening, that is shown instead, marked as such.
fn session_facts(texts: &Texts, detail: &ProposalDetail, staff: bool) -> Vec<Fact> {
    let proposal = &detail.proposal;
    let placement = detail.placement.as_ref();
    let fact = |key: &str, value: Option<String>, on_evening: Option<&Option<String>>| {
        let label = texts.t(key);
        match (value, on_evening.and_then(Option::as_ref)) {
            (Some(value), _) => Fact { label, value, absent: false },
            (None, Some(planned)) => Fact {
                label,
                value: texts.with("proposal-value-on-evening", &[("value", Argument::Text(planned))]),
                absent: false,
            },
            (None, None) => Fact { label, value: texts.t("proposal-value-absent"), absent: true },
        }
    };
    let mut facts = vec![
        fact("field-market-date", proposal.market_date.map(|date| texts.date(date)), None),
        fact("field-chair", detail.chair.clone(), placement.map(|placement| &placement.chair)),
        fact("field-clerk", detail.clerk.clone(), placement.map(|placement| &placement.clerk)),
        fact("field-room", detail.room.clone(), placement.map(|placement| &placement.room)),
        fact(
            "field-domains",
            Some(proposal.domains.iter().map(|domain| domain_label(texts, *domain)).collect::<Vec<_>>().join(" / "))
                .filter(|domains| !domains.is_empty()),
            None,
        ),
        fact(
            "field-duration",
            proposal
                .duration_minutes
                .map(|minutes| texts.with("duration-minutes", &[("count", Argument::Number(i64::from(minutes)))])),
            None,
        ),
        fact("field-purpose", proposal.purpose.map(|purpose| purpose_label(texts, purpose)), None),
    ];
    if staff {
        facts.push(fact("field-attendance", proposal.expected_attendance.map(|count| count.to_string()), None));
        facts.push(fact(
            "field-livestream",
            Some(texts.t(if proposal.needs_livestream { "value-yes" } else { "value-no" })),
            None,
        ));
    }
    facts
}

/// A move the viewer may make.
pub(crate) struct MoveChoice {
    to: String,
    label: String,
    needs_evening: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/detail.html")]
pub(crate) struct DetailPage {
    layout: Layout,
    id: i64,
    subject: String,
    case_number: String,
    state: String,
    portfolio_holder: String,
    history: Vec<String>,
    documents: Vec<(String, String)>,
    session: Vec<Fact>,
    programme: Vec<(u16, String, Vec<String>)>,
    speaking: String,
    speaking_details: Vec<String>,
    speaking_note: String,
    placement: Option<String>,
    /// The session's page, where the evening is published (or the viewer sees internal records).
    session_page: Option<i64>,
    attachments: Vec<AttachmentRow>,
    staff: bool,
    can_edit: bool,
    moves: Vec<MoveChoice>,
    evenings: Vec<Choice>,
    errors: FormErrors,
    /// The sessions whose outcome is recorded, linked to their outcome pages.
    outcomes: Vec<i64>,
}

async fn detail_page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    id: i64,
    errors: FormErrors,
) -> AppResult<DetailPage> {
    let texts = layout.texts;
    let page = proposals::page(state.app(), caller, Id::new(id)).await?;
    let detail = &page.detail;
    let proposal = &detail.proposal;
    let moves: Vec<MoveChoice> = page
        .moves
        .iter()
        .map(|to| MoveChoice {
            to: to.code().to_owned(),
            label: texts.t(&format!("move-to-{}", to.code())),
            needs_evening: *to == ProposalState::Scheduled,
        })
        .collect();
    let evenings = page
        .evenings
        .iter()
        .map(|evening| Choice {
            value: evening.id.to_string(),
            label: format!("{} ({})", texts.weekday_date(evening.date), evening.title),
        })
        .collect();
    let speaking = match proposal.speaking.allowed {
        Some(true) => texts.t("speaking-yes"),
        Some(false) => texts.t("speaking-no"),
        None => texts.t("speaking-unknown"),
    };
    let mut speaking_details = Vec::new();
    if let Some(minutes) = proposal.speaking.minutes_per_speaker {
        speaking_details.push(texts.with("speaking-minutes", &[("count", Argument::Number(i64::from(minutes)))]));
    }
    if let Some(speakers) = proposal.speaking.max_speakers {
        speaking_details.push(texts.with("speaking-max", &[("count", Argument::Number(i64::from(speakers)))]));
    }
    if let Some(deadline) = proposal.speaking.deadline {
        let local = wijkbeeld_domain::local_time::in_dutch_time(deadline);
        let moment = format!("{} {}", texts.weekday_date(local.date()), texts.clock(local.time()));
        speaking_details.push(texts.with("speaking-deadline", &[("moment", Argument::Text(&moment))]));
    }
    let placement = detail.placement.as_ref().map(|placement| {
        let mut text = texts.weekday_date(placement.date);
        if let (Some(room), Some(start), Some(end)) = (&placement.room, placement.starts_at, placement.ends_at) {
            text = format!(
                "{text}, {}, {room}",
                texts.with(
                    "time-range",
                    &[("start", Argument::Text(&texts.clock(start))), ("end", Argument::Text(&texts.clock(end)))]
                )
            );
        }
        text
    });
    let subject = proposal.subject.clone();
    Ok(DetailPage {
        id,
        case_number: proposal.case_number.clone().unwrap_or_default(),
        state: state_label(&texts, proposal.state),
        portfolio_holder: detail.portfolio_holder.clone().unwrap_or_default(),
        history: form::line_feeds(&proposal.history)
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| !paragraph.is_empty())
            .map(ToOwned::to_owned)
            .collect(),
        documents: detail
            .history_documents
            .iter()
            .map(|document| (document.number.clone(), document.title.clone().unwrap_or_default()))
            .collect(),
        session: session_facts(&texts, detail, page.sees_internal),
        programme: detail
            .programme
            .iter()
            .map(|item| {
                (
                    item.position,
                    item.text.clone(),
                    item.questions.iter().map(|question| question.text.clone()).collect(),
                )
            })
            .collect(),
        speaking,
        speaking_details,
        speaking_note: proposal.speaking.note.clone().unwrap_or_default(),
        placement,
        session_page: detail
            .placement
            .as_ref()
            .filter(|placement| placement.published || page.sees_internal)
            .map(|placement| placement.session_id),
        attachments: detail
            .attachments
            .iter()
            .map(|attachment| AttachmentRow {
                id: attachment.id,
                file_name: attachment.file_name.clone(),
                size: texts.with("file-size-kb", &[("count", Argument::Number((attachment.size_bytes + 1023) / 1024))]),
                sha256: attachment.sha256.clone(),
            })
            .collect(),
        staff: page.sees_internal,
        can_edit: page.may_edit,
        moves,
        evenings,
        errors,
        outcomes: page.outcomes.clone(),
        layout: layout.trail(&[("/voorstellen", "proposals-title"), ("", "proposal-page")]).with_last_crumb(&subject),
        subject,
    })
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<DetailPage> {
    detail_page(&state, &caller, layout, id, FormErrors::none()).await
}

// --- Creating and editing ------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "proposals/edit.html")]
pub(crate) struct EditPage {
    layout: Layout,
    /// `None` for a new proposal.
    id: Option<i64>,
    heading: String,
    form: ProposalForm,
    choices: FormChoices,
    errors: FormErrors,
}

fn people_choices(people: Vec<PersonChoice>) -> Vec<Choice> {
    people.into_iter().map(|person| Choice { value: person.id.to_string(), label: person.name }).collect()
}

/// The form's choices: the people and rooms the use case offers, and the vocabularies.
fn choices(texts: &Texts, offered: proposals::FormChoices) -> FormChoices {
    FormChoices {
        speaking: [("ja", "speaking-yes"), ("nee", "speaking-no"), ("onbekend", "speaking-unknown")]
            .into_iter()
            .map(|(value, key)| Choice { value: value.to_owned(), label: texts.t(key) })
            .collect(),
        portfolio_holders: people_choices(offered.portfolio_holders),
        chairs: people_choices(offered.chairs),
        clerks: people_choices(offered.clerks),
        rooms: offered.rooms.into_iter().map(|room| Choice { value: room.id.to_string(), label: room.name }).collect(),
        purposes: Purpose::ALL
            .iter()
            .map(|purpose| Choice { value: purpose.code().to_owned(), label: purpose_label(texts, *purpose) })
            .collect(),
        domains: Domain::ALL
            .iter()
            .map(|domain| Choice { value: domain.code().to_owned(), label: domain_label(texts, *domain) })
            .collect(),
    }
}

fn edit_page(
    layout: Layout,
    id: Option<i64>,
    subject: Option<&str>,
    choices: FormChoices,
    form: ProposalForm,
    errors: FormErrors,
) -> EditPage {
    let texts = layout.texts;
    let heading = match subject {
        Some(subject) => texts.with("proposal-edit-title", &[("subject", Argument::Text(subject))]),
        None => texts.t("proposal-new-title"),
    };
    let layout = match id {
        Some(id) => layout
            .trail(&[("/voorstellen", "proposals-title"), ("", "proposal-page"), ("", "proposal-edit")])
            .with_crumb_link(2, &format!("/voorstellen/{id}"), subject.unwrap_or_default()),
        None => layout.trail(&[("/voorstellen", "proposals-title"), ("/voorstellen/nieuw", "proposal-new-title")]),
    };
    EditPage { choices, layout, id, heading, form, errors }
}

pub(crate) async fn new_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<EditPage> {
    let choices = choices(&layout.texts, proposals::new_form(state.app(), &caller).await?);
    Ok(edit_page(layout, None, None, choices, ProposalForm::blank(), FormErrors::none()))
}

pub(crate) async fn edit_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
) -> AppResult<EditPage> {
    let (detail, offered) = proposals::edit_form(state.app(), &caller, Id::new(id)).await?;
    let choices = choices(&layout.texts, offered);
    let form = ProposalForm::from_detail(&detail);
    Ok(edit_page(layout, Some(id), Some(&detail.proposal.subject), choices, form, FormErrors::none()))
}

fn proposal_problem(texts: &Texts, error: ProposalError) -> Result<FormErrors, AppError> {
    match error {
        ProposalError::CaseNumberTaken(_) => Ok(FormErrors::one("case_number", texts.t("error-case-number-taken"))),
        other => Err(other.into()),
    }
}

/// Saves a new proposal, or shows the form again (with more rows, or with its problems).
pub(crate) async fn create(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let form = ProposalForm::from_fields(&fields);
    let choices = choices(&layout.texts, proposals::new_form(state.app(), &caller).await?);
    let errors = if form.more_rows {
        None
    } else {
        match form.check(&layout.texts, &choices) {
            Ok(input) => match proposals::create(state.app(), &caller, &input).await {
                Ok(id) => {
                    return Ok(notice::redirect(&format!("/voorstellen/{id}"), Notice::new("notice-proposal-created")));
                }
                Err(error) => Some(proposal_problem(&layout.texts, error)?),
            },
            Err(errors) => Some(errors),
        }
    };
    Ok(form_again(edit_page(layout, None, None, choices, form, errors.unwrap_or_default())))
}

/// Saves an edited proposal, or shows the form again.
pub(crate) async fn update(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let (detail, offered) = proposals::edit_form(state.app(), &caller, Id::new(id)).await?;
    let choices = choices(&layout.texts, offered);
    let subject = detail.proposal.subject;
    let form = ProposalForm::from_fields(&fields);
    let errors = if form.more_rows {
        None
    } else {
        match form.check(&layout.texts, &choices) {
            Ok(input) => match proposals::update(state.app(), &caller, Id::new(id), &input).await {
                Ok(()) => {
                    return Ok(notice::redirect(&format!("/voorstellen/{id}"), Notice::new("notice-proposal-saved")));
                }
                Err(error) => Some(proposal_problem(&layout.texts, error)?),
            },
            Err(errors) => Some(errors),
        }
    };
    Ok(form_again(edit_page(layout, Some(id), Some(&subject), choices, form, errors.unwrap_or_default())))
}

/// The form shown again: with more rows (200), or with its problems (422).
fn form_again(page: EditPage) -> Response {
    if page.errors.is_empty() { page.into_response() } else { (StatusCode::UNPROCESSABLE_ENTITY, page).into_response() }
}

// --- The lifecycle ---------------------------------------------------------------------------------

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MoveForm {
    #[serde(default)]
    naar: String,
    #[serde(default)]
    avond: String,
}

/// Moves a proposal to another state, or shows why not.
pub(crate) async fn change_state(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    Form(form): Form<MoveForm>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let Ok(to) = form.naar.parse::<ProposalState>() else {
        let errors = FormErrors::one("naar", texts.t("error-choose-from-list"));
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, detail_page(&state, &caller, layout, id, errors).await?).into_response()
        );
    };
    let evening = form.avond.parse::<i64>().ok();
    let result = proposals::transition(state.app(), &caller, Id::new(id), to, evening).await;
    let errors = match result {
        Ok(()) => {
            return Ok(notice::redirect(&format!("/voorstellen/{id}"), Notice::new("notice-proposal-state-changed")));
        }
        Err(ProposalError::Transition(error)) => {
            // The lifecycle's refusal, in the viewer's language.
            let message = match error {
                wijkbeeld_domain::proposal::TransitionError::WrongRole { needed, .. } => texts
                    .with("error-move-role", &[("role", Argument::Text(&texts.t(&format!("role-{}", needed.code()))))]),
                wijkbeeld_domain::proposal::TransitionError::NotAllowed { from, to, .. } => texts.with(
                    "error-move-not-allowed",
                    &[
                        ("from", Argument::Text(&state_label(&texts, from))),
                        ("to", Argument::Text(&state_label(&texts, to))),
                    ],
                ),
            };
            FormErrors::one("naar", message)
        }
        Err(ProposalError::EveningRequired) => FormErrors::one("avond", texts.t("error-evening-required")),
        Err(ProposalError::NotHeldYet) => FormErrors::one("naar", texts.t("error-move-not-held-yet")),
        Err(ProposalError::Concurrent) => FormErrors::one("naar", texts.t("error-concurrent")),
        Err(other) => return Err(other.into()),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, detail_page(&state, &caller, layout, id, errors).await?).into_response())
}

// --- Attachments ---------------------------------------------------------------------------------

/// Receives an attachment (a multipart form with the field `bestand`).
pub(crate) async fn upload(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(id): Path<i64>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let texts = layout.texts;
    let file = upload_fields(&mut multipart)
        .await?
        .into_iter()
        .find(|field| field.name == "bestand")
        .map(|field| (field.file_name, field.content));
    let errors = match file {
        None => FormErrors::one("bestand", texts.t("error-file-missing")),
        Some((name, _)) if name.trim().is_empty() => FormErrors::one("bestand", texts.t("error-file-missing")),
        Some((name, bytes)) => {
            match proposals::add_attachment(state.app(), &caller, Id::new(id), &name, &bytes).await {
                Ok(_) => {
                    return Ok(notice::redirect(
                        &format!("/voorstellen/{id}#bijlagen"),
                        Notice::new("notice-attachment-added"),
                    ));
                }
                Err(ProposalError::AttachmentType(_)) => FormErrors::one("bestand", texts.t("error-file-type")),
                Err(ProposalError::AttachmentTooLarge) => FormErrors::one("bestand", texts.t("error-file-too-large")),
                Err(ProposalError::AttachmentEmpty) => FormErrors::one("bestand", texts.t("error-file-empty")),
                Err(ProposalError::AttachmentName) => FormErrors::one(
                    "bestand",
                    texts.with(
                        "error-file-name-too-long",
                        &[("count", Argument::Number(proposals::MAX_ATTACHMENT_NAME as i64))],
                    ),
                ),
                Err(other) => return Err(other.into()),
            }
        }
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, detail_page(&state, &caller, layout, id, errors).await?).into_response())
}

/// Serves an attachment, to those who may see the proposal.
pub(crate) async fn download(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, attachment)): Path<(i64, i64)>,
) -> AppResult<Response> {
    let (info, content) = proposals::attachment(state.app(), &caller, Id::new(id), attachment).await?;
    Ok(file_response(&info.media_type, &info.file_name, content))
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/remove_attachment.html")]
pub(crate) struct RemoveAttachmentPage {
    layout: Layout,
    id: i64,
    attachment: i64,
    subject: String,
    file_name: String,
}

/// Asks whether to remove an attachment, naming it; its form posts the removal. To those who
/// may remove it.
pub(crate) async fn confirm_removal(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path((id, attachment)): Path<(i64, i64)>,
) -> AppResult<RemoveAttachmentPage> {
    let (subject, info) = proposals::attachment_to_remove(state.app(), &caller, Id::new(id), attachment).await?;
    Ok(RemoveAttachmentPage {
        layout: layout
            .trail(&[("/voorstellen", "proposals-title"), ("", "proposal-page"), ("", "attachment-remove-title")])
            .with_crumb_link(2, &format!("/voorstellen/{id}"), &subject),
        id,
        attachment,
        subject,
        file_name: info.file_name,
    })
}

/// Removes an attachment.
pub(crate) async fn remove_attachment(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((id, attachment)): Path<(i64, i64)>,
) -> AppResult<Response> {
    proposals::remove_attachment(state.app(), &caller, Id::new(id), attachment).await?;
    Ok(notice::redirect(&format!("/voorstellen/{id}#bijlagen"), Notice::new("notice-attachment-removed")))
}

// --- Downloads ------------------------------------------------------------------------------------------

/// `GET /voorstellen/{id}/pdf`: the proposal in the behandelvoorstel's layout, as PDF.
pub(crate) async fn pdf(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let detail = proposals::visible(state.app(), &caller, Id::new(id)).await?;
    let document = proposals::document_of(&detail);
    let bytes = tokio::task::spawn_blocking(move || wijkbeeld_render::render_pdf(&document))
        .await
        .map_err(|error| AppError::Internal(error.to_string()))?
        .map_err(|error| AppError::Internal(error.to_string()))?;
    Ok(file_response("application/pdf", &download_name(&detail, "pdf"), bytes))
}

/// `GET /voorstellen/{id}/html`: the same as a standalone HTML file.
pub(crate) async fn html(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let detail = proposals::visible(state.app(), &caller, Id::new(id)).await?;
    let page = wijkbeeld_render::render_html(&proposals::document_of(&detail));
    Ok(file_response("text/html; charset=utf-8", &download_name(&detail, "html"), page.into_bytes()))
}

fn download_name(detail: &ProposalDetail, extension: &str) -> String {
    let number = detail.proposal.case_number.clone().unwrap_or_else(|| detail.proposal.id.to_string());
    format!("behandelvoorstel-{number}.{extension}")
}
