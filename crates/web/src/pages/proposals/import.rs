//! Importing a behandelvoorstel in two steps: the text is read and shown with what it would store
//! (its notes in the reader's language, the names it links, and for a case number that exists,
//! the proposal and what updating it would change); a second post, carrying the text in a hidden
//! field, stores it and redirects to the proposal. A refresh never imports twice.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::proposals::{self, ImportPreview, Link, ProposalError};
use wijkbeeld_domain::Id;
use wijkbeeld_domain::behandelvoorstel::{DatedIn, Field, Note, ParseError, ProposalDocument};

use super::{domain_label, purpose_label, state_label};
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::pages::upload_fields;
use crate::{AppError, AppState};

/// A field's name in the reader's language.
pub(crate) fn field_name(texts: &Texts, field: Field) -> String {
    texts.t(&crate::i18n::vocabulary_id("import-field", field.code()))
}

fn yes_no(texts: &Texts, value: bool) -> String {
    texts.t(if value { "value-yes" } else { "value-no" })
}

fn text(value: &str) -> Argument<'_> {
    Argument::Text(value)
}

/// A parser's or the import's note in the reader's language.
pub(crate) fn note_text(texts: &Texts, note: &Note) -> String {
    let field = field_name(texts, note.field());
    let label = note.field().label();
    let number = |value: u16| Argument::Number(i64::from(value));
    let place = |dated_in: &DatedIn| {
        texts.t(match dated_in {
            DatedIn::History => "import-place-history",
            DatedIn::Text => "import-place-text",
        })
    };
    let id = crate::i18n::vocabulary_id("import-note", note.code());
    match note {
        Note::Missing { .. } | Note::Empty { .. } => {
            texts.with(&id, &[("field", text(&field)), ("label", text(label))])
        }
        Note::NoSessionHeader { .. } | Note::NotYetKnown { .. } | Note::NoNames { .. } => {
            texts.with(&id, &[("field", text(&field))])
        }
        Note::NoCaseNumber { text: written }
        | Note::NoMarketDate { text: written }
        | Note::NoSuchDate { text: written }
        | Note::UnknownPurpose { text: written }
        | Note::SeveralPurposes { text: written }
        | Note::IgnoredAfterDuration { text: written } => texts.with(&id, &[("text", text(written))]),
        Note::YearAsGiven { date, year } | Note::YearThisYear { date, year } => {
            texts.with(&id, &[("date", text(date)), ("year", text(&year.to_string()))])
        }
        Note::YearOfLatestDate { date, year, latest, dated_in }
        | Note::YearAfterLatestDate { date, year, latest, dated_in } => texts.with(
            &id,
            &[
                ("date", text(date)),
                ("year", text(&year.to_string())),
                ("latest", text(latest)),
                ("place", text(&place(dated_in))),
            ],
        ),
        Note::NoProgrammeItems | Note::SpeakingUnknown => texts.t(&id),
        Note::FirstItemNumber { line, number: item } => texts.with(
            &id,
            &[("line", Argument::Number(i64::try_from(*line).unwrap_or(i64::MAX))), ("number", number(*item))],
        ),
        Note::ItemOutOfOrder { line, number: item, previous } => texts.with(
            &id,
            &[
                ("line", Argument::Number(i64::try_from(*line).unwrap_or(i64::MAX))),
                ("number", number(*item)),
                ("previous", number(*previous)),
            ],
        ),
        Note::BulletBeforeFirstItem { line, text: written } => texts.with(
            &id,
            &[("line", Argument::Number(i64::try_from(*line).unwrap_or(i64::MAX))), ("text", text(written))],
        ),
        Note::ItemWithoutText { number: item } => texts.with(&id, &[("number", number(*item))]),
        Note::NoDuration { row } | Note::NoDomain { row } | Note::NoRoom { row } => {
            texts.with(&id, &[("row", text(row))])
        }
        Note::IgnoredAfterRoom { text: written, room } => {
            texts.with(&id, &[("text", text(written)), ("room", text(room))])
        }
        Note::RoomReadByName { room } | Note::RoomNotStored { room } => texts.with(&id, &[("room", text(room))]),
        Note::AmbiguousNames { names, chair, clerk } => {
            texts.with(&id, &[("names", text(names)), ("chair", text(chair)), ("clerk", text(clerk))])
        }
        Note::PersonNotKnown { name, .. } => texts.with(&id, &[("field", text(&field)), ("name", text(name))]),
        Note::OnePersonOnly { name } => texts.with(&id, &[("name", text(name))]),
        Note::UnreadableNames { names, .. } => texts.with(&id, &[("field", text(&field)), ("names", text(names))]),
        Note::SpeakingContradicts { form, text: says } => {
            texts.with(&id, &[("form", text(&yes_no(texts, *form))), ("says", text(&yes_no(texts, *says)))])
        }
        Note::MinutesPerSpeakerGuessed { minutes } => texts.with(&id, &[("minutes", number(*minutes))]),
    }
}

/// A person, room or document an import linked or created, in the reader's language.
pub(crate) fn link_text(texts: &Texts, link: &Link) -> String {
    texts.with(&crate::i18n::vocabulary_id("import-link", link.kind.code()), &[("name", Argument::Text(&link.name))])
}

/// A field's value in a document, as the reader reads it; empty when the document has none.
fn field_value(texts: &Texts, document: &ProposalDocument, field: Field) -> String {
    let name = |value: &Option<String>| value.clone().unwrap_or_default();
    match field {
        Field::Subject => name(&document.subject),
        Field::CaseNumber => name(&document.case_number),
        Field::PortfolioHolder => name(&document.portfolio_holder),
        Field::History => document.history.text.clone(),
        Field::MarketDate => document.market_date.map(|date| texts.date(date)).unwrap_or_default(),
        Field::Chair => name(&document.chair),
        Field::Clerk => name(&document.clerk),
        Field::Room => name(&document.room),
        Field::Domains => {
            document.domains.iter().map(|domain| domain_label(texts, *domain)).collect::<Vec<_>>().join(" / ")
        }
        Field::DurationMinutes => document
            .duration_minutes
            .map(|minutes| texts.with("duration-minutes", &[("count", Argument::Number(i64::from(minutes)))]))
            .unwrap_or_default(),
        Field::Purpose => document.purpose.map(|purpose| purpose_label(texts, purpose)).unwrap_or_default(),
        Field::Programme => document
            .programme
            .iter()
            .map(|entry| {
                let mut line = format!("{}. {}", entry.number, entry.text);
                for question in &entry.questions {
                    line.push_str(&format!("\n• {question}"));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Field::PublicSpeaking => {
            let speaking = &document.public_speaking;
            let mut parts = vec![texts.t(match speaking.allowed {
                Some(true) => "speaking-yes",
                Some(false) => "speaking-no",
                None => "speaking-unknown",
            })];
            if let Some(minutes) = speaking.minutes_per_speaker {
                parts.push(texts.with("speaking-minutes", &[("count", Argument::Number(i64::from(minutes)))]));
            }
            parts.extend(speaking.note.clone());
            parts.join(" · ")
        }
    }
}

/// A line of what was read, or of what would change.
pub(crate) struct FieldRow {
    label: String,
    old: String,
    new: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/import.html")]
pub(crate) struct ImportPage {
    layout: Layout,
    text: String,
    year: String,
    errors: FormErrors,
}

/// The proposal that has the text's case number, as the check page shows it.
pub(crate) struct ExistingView {
    id: i64,
    subject: String,
    state: String,
    may_update: bool,
    changes: Vec<FieldRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "proposals/import_check.html")]
pub(crate) struct CheckPage {
    layout: Layout,
    /// The text as read, for the confirming form.
    text: String,
    year: String,
    case_number: String,
    /// What the text says, for a new proposal.
    fields: Vec<FieldRow>,
    notes: Vec<String>,
    linked: Vec<String>,
    created: Vec<String>,
    existing: Option<ExistingView>,
    /// Another proposal, one the reader may not see, has the case number.
    hidden: bool,
}

fn import_trail(layout: Layout) -> Layout {
    layout.trail(&[("/voorstellen", "proposals-title"), ("/voorstellen/importeren", "proposal-import-title")])
}

pub(crate) async fn import_form(layout: Layout) -> ImportPage {
    ImportPage { layout: import_trail(layout), text: String::new(), year: String::new(), errors: FormErrors::none() }
}

fn form_again(layout: Layout, text: String, year: String, errors: FormErrors) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, ImportPage { layout: import_trail(layout), text, year, errors }).into_response()
}

/// The year field: empty, or a year from 1900 to 2200.
fn year_of(texts: &Texts, year: &str) -> Result<Option<i32>, FormErrors> {
    match year {
        "" => Ok(None),
        year_text => match year_text.parse::<i32>() {
            Ok(value) if (1900..=2200).contains(&value) => Ok(Some(value)),
            _ => Err(FormErrors::one("jaar", texts.t("error-year"))),
        },
    }
}

/// The form's problem for an import that failed, or the failure itself.
fn import_problem(texts: &Texts, error: ProposalError) -> Result<FormErrors, AppError> {
    let message = match error {
        ProposalError::Parse(error) => texts.t(match error {
            ParseError::Empty => "error-import-empty",
            ParseError::Binary(_) => "error-import-binary",
            ParseError::NotAProposal(_) => "error-import-not-a-proposal",
        }),
        ProposalError::NoSubject => texts.t("error-import-no-subject"),
        ProposalError::CaseNumberTaken(number) => {
            texts.with("error-import-case-number", &[("number", Argument::Text(&number))])
        }
        ProposalError::CaseNumberDiffers { file, proposal } => texts.with(
            "error-import-case-number-differs",
            &[("file", Argument::Text(&file)), ("proposal", Argument::Text(&proposal))],
        ),
        ProposalError::NoMunicipality(_) => texts.t("error-no-municipality"),
        other => return Err(other.into()),
    };
    Ok(FormErrors::one("bestand", message))
}

fn check_page(layout: Layout, text: String, year: String, preview: ImportPreview) -> CheckPage {
    let texts = layout.texts;
    let document = &preview.document;
    let fields = [
        Field::Subject,
        Field::CaseNumber,
        Field::PortfolioHolder,
        Field::MarketDate,
        Field::Chair,
        Field::Clerk,
        Field::Room,
        Field::Domains,
        Field::DurationMinutes,
        Field::Purpose,
    ]
    .into_iter()
    .map(|field| FieldRow {
        label: field_name(&texts, field),
        old: String::new(),
        new: field_value(&texts, document, field),
    })
    .filter(|row| !row.new.is_empty())
    .collect();
    let existing = preview.existing.map(|existing| ExistingView {
        id: existing.id.get(),
        state: state_label(&texts, existing.state),
        may_update: existing.may_update,
        changes: existing
            .changes
            .iter()
            .map(|field| FieldRow {
                label: field_name(&texts, *field),
                old: field_value(&texts, &existing.current, *field),
                new: field_value(&texts, &existing.updated, *field),
            })
            .collect(),
        subject: existing.subject,
    });
    CheckPage {
        layout: layout.trail(&[
            ("/voorstellen", "proposals-title"),
            ("/voorstellen/importeren", "proposal-import-title"),
            ("", "proposal-import-check-title"),
        ]),
        text,
        year,
        case_number: document.case_number.clone().unwrap_or_default(),
        fields,
        notes: preview.warnings.iter().map(|note| note_text(&texts, note)).collect(),
        linked: preview.linked.iter().map(|link| link_text(&texts, link)).collect(),
        created: preview.created.iter().map(|link| link_text(&texts, link)).collect(),
        existing,
        hidden: preview.case_number_hidden,
    }
}

/// Reads an uploaded text file (`bestand`) or pasted text (`tekst`) and shows what importing it
/// would store; stores nothing.
pub(crate) async fn check(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let texts = layout.texts;
    let (mut file, mut text, mut year) = (Vec::new(), String::new(), String::new());
    for field in upload_fields(&mut multipart).await? {
        match field.name.as_str() {
            "bestand" => file = field.content,
            "tekst" => text = String::from_utf8_lossy(&field.content).into_owned(),
            "jaar" => year = String::from_utf8_lossy(&field.content).trim().to_owned(),
            _ => {}
        }
    }
    let parsed_year = match year_of(&texts, &year) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(form_again(layout, text, year, errors)),
    };
    let bytes = if file.is_empty() { text.clone().into_bytes() } else { file };
    match proposals::preview_import(state.app(), &caller, &bytes, parsed_year).await {
        Ok(preview) => {
            // The text goes back in the confirming form; it was read as text, so it is one.
            let read = wijkbeeld_domain::behandelvoorstel::decode(&bytes).unwrap_or_default();
            Ok(check_page(layout, read, year, preview).into_response())
        }
        Err(error) => {
            let errors = import_problem(&texts, error)?;
            Ok(form_again(layout, text, year, errors))
        }
    }
}

/// The confirming form: the text as read, its year, and the proposal to update (none for a new
/// one).
#[derive(Debug, Default, Deserialize)]
pub(crate) struct ConfirmForm {
    #[serde(default)]
    tekst: String,
    #[serde(default)]
    jaar: String,
    #[serde(default)]
    voorstel: String,
}

/// Stores the checked text: a new concept, or the update of the proposal with its case number;
/// then to the proposal, with its confirmation.
pub(crate) async fn confirm(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(form): Form<ConfirmForm>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let year = form.jaar.trim().to_owned();
    let parsed_year = match year_of(&texts, &year) {
        Ok(parsed) => parsed,
        Err(errors) => return Ok(form_again(layout, form.tekst, year, errors)),
    };
    let bytes = form.tekst.as_bytes();
    let result = match form.voorstel.trim() {
        "" => proposals::import(state.app(), &caller, bytes, parsed_year)
            .await
            .map(|report| (report.id, "notice-proposal-imported")),
        id => {
            let id = Id::new(id.parse::<i64>().map_err(|_| AppError::NotFound)?);
            proposals::update_from_import(state.app(), &caller, id, bytes, parsed_year)
                .await
                .map(|_| (id, "notice-proposal-updated"))
        }
    };
    match result {
        Ok((id, notice)) => Ok(notice::redirect(&format!("/voorstellen/{id}"), Notice::new(notice))),
        Err(error) => {
            let errors = import_problem(&texts, error)?;
            Ok(form_again(layout, form.tekst, year, errors))
        }
    }
}
