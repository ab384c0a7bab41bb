//! The audit log for the griffie and functional administrators: `GET /audit` (filtered, by
//! page) and `GET /audit.csv` (everything that matches the filter).

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use wijkbeeld_app::Caller;
use wijkbeeld_app::audit;
use wijkbeeld_domain::local_time::in_dutch_time;

use crate::audit_filter::{AuditQuery, PER_PAGE};
use crate::error::AppResult;
use crate::exports::spreadsheet_safe;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::{AppError, AppState};

/// An entry as the table shows it.
pub(crate) struct EntryView {
    at: String,
    at_iso: String,
    actor: String,
    action: String,
    entity: String,
    change: String,
    details: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "audit.html")]
pub(crate) struct AuditPage {
    layout: Layout,
    query: AuditQuery,
    entities: Vec<Choice>,
    caption: String,
    errors: FormErrors,
    entries: Vec<EntryView>,
    total: i64,
    previous: Option<String>,
    next: Option<String>,
    csv_link: String,
}

fn moment_text(texts: &Texts, moment: time::OffsetDateTime) -> (String, String) {
    let local = in_dutch_time(moment);
    let shown = format!("{} {}:{:02}", texts.date(local.date()), texts.clock(local.time()), local.second());
    (shown, local.format(&time::format_description::well_known::Rfc3339).unwrap_or_default())
}

fn change_text(from: Option<&str>, to: Option<&str>) -> String {
    match (from, to) {
        (Some(from), Some(to)) => format!("{from} → {to}"),
        (None, Some(to)) => format!("→ {to}"),
        (Some(from), None) => format!("{from} →"),
        (None, None) => String::new(),
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(query): Query<AuditQuery>,
) -> AppResult<AuditPage> {
    let filter = query.filter();
    let page = query.page();
    let audit::LogPage { total, entries, entities } =
        audit::page(state.app(), &caller, &filter, page, PER_PAGE).await?;
    let pages = ((total + PER_PAGE - 1) / PER_PAGE).max(1);
    let texts = layout.texts;
    let mut errors = FormErrors::none();
    for field in query.invalid_dates() {
        errors = errors.and(FormErrors::one(field, texts.t("error-date-invalid")));
    }
    Ok(AuditPage {
        layout: layout.trail(&[("/audit", "audit-title")]),
        entities: entities.into_iter().map(|entity| Choice { value: entity.clone(), label: entity }).collect(),
        caption: texts.with("audit-caption", &[("page", Argument::Number(page)), ("pages", Argument::Number(pages))]),
        errors,
        entries: entries
            .into_iter()
            .map(|entry| {
                let (at, at_iso) = moment_text(&texts, entry.at);
                EntryView {
                    at,
                    at_iso,
                    actor: entry.actor,
                    action: entry.action,
                    entity: match entry.entity_id {
                        Some(id) => format!("{} {id}", entry.entity),
                        None => entry.entity,
                    },
                    change: change_text(entry.from_state.as_deref(), entry.to_state.as_deref()),
                    details: entry.details.unwrap_or_default(),
                }
            })
            .collect(),
        total,
        previous: (page > 1).then(|| format!("/audit?{}", query.with_page(page - 1))),
        next: (page < pages).then(|| format!("/audit?{}", query.with_page(page + 1))),
        csv_link: format!("/audit.csv?{}", query.with_page(1)),
        query,
    })
}

pub(crate) async fn export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Query(query): Query<AuditQuery>,
) -> AppResult<Response> {
    let filter = query.filter();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |error: csv::Error| AppError::Internal(error.to_string());
    writer
        .write_record(["id", "at", "actor", "action", "entity", "entity_id", "from_state", "to_state", "details"])
        .map_err(csv_error)?;
    audit::export(state.app(), &caller, &filter, |entry| {
        let at = entry.at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default();
        writer
            .write_record([
                entry.id.to_string(),
                at,
                spreadsheet_safe(&entry.actor),
                spreadsheet_safe(&entry.action),
                spreadsheet_safe(&entry.entity),
                entry.entity_id.map(|id| id.to_string()).unwrap_or_default(),
                spreadsheet_safe(entry.from_state.as_deref().unwrap_or_default()),
                spreadsheet_safe(entry.to_state.as_deref().unwrap_or_default()),
                spreadsheet_safe(entry.details.as_deref().unwrap_or_default()),
            ])
            .map_err(csv_error)
    })
    .await?;
    let bytes = writer.into_inner().map_err(|error| csv_error(error.into_error().into()))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"auditlog.csv\"")),
        ],
        bytes,
    )
        .into_response())
}
