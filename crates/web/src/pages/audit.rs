//! The audit log for the griffie and functional administrators: `GET /audit` (filtered, by
//! page) and `GET /audit.csv` (everything that matches the filter).

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
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

/// An entry as the table shows it: in words, with the stored codes and JSON for who wants them.
pub(crate) struct EntryView {
    at: String,
    at_iso: String,
    actor: String,
    action: String,
    action_code: String,
    entity: String,
    /// The page of the record changed, when it has one.
    entity_href: Option<String>,
    change: String,
    details: Vec<Detail>,
    raw_details: String,
}

/// One field of an entry's details, in words.
pub(crate) struct Detail {
    label: String,
    value: String,
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

/// The message for a code under `prefix` (`audit-action-proposal-state` for `proposal.state`), or
/// the code itself when there is none: a record written by a newer version still shows.
fn worded(texts: &Texts, prefix: &str, code: &str) -> String {
    let id = format!("{prefix}-{}", code.replace(['.', '_'], "-"));
    texts.lookup(&id).unwrap_or_else(|| code.to_owned())
}

/// A state of a record of kind `entity` in words: a proposal's status, an account's role.
fn state_text(texts: &Texts, entity: &str, state: &str) -> String {
    let id = match entity {
        "proposal" => format!("state-{state}"),
        "user" | "api_token" => format!("role-{state}"),
        _ => return state.to_owned(),
    };
    texts.lookup(&id).unwrap_or_else(|| state.to_owned())
}

/// A value of the details in words: numbers as the language writes them, yes and no, lists
/// joined, and nested objects (a change's before and after) as "field: value" pairs.
fn value_text(texts: &Texts, value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Null => "–".to_owned(),
        Value::Bool(true) => texts.t("audit-value-yes"),
        Value::Bool(false) => texts.t("audit-value-no"),
        Value::Number(number) => match (number.as_i64(), number.as_f64()) {
            (Some(whole), _) => texts.integer(whole),
            (None, Some(fraction)) => texts.decimal(fraction, 2),
            (None, None) => number.to_string(),
        },
        Value::String(text) if text.is_empty() => "–".to_owned(),
        Value::String(text) => text.clone(),
        Value::Array(items) if items.is_empty() => "–".to_owned(),
        Value::Array(items) => items.iter().map(|item| value_text(texts, item)).collect::<Vec<_>>().join(", "),
        Value::Object(fields) => fields
            .iter()
            .map(|(key, value)| format!("{}: {}", worded(texts, "audit-field", key), value_text(texts, value)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// A link as an import's audit entry keeps it (see `wijkbeeld_app::proposals`).
#[derive(serde::Deserialize)]
struct RecordedLink {
    kind: String,
    name: String,
}

/// A field of the details in words. An import's notes, links and changed fields are kept as codes
/// and said in the reader's language; what has no such shape (an entry written before they were
/// codes) is shown as it was stored.
fn detail_text(texts: &Texts, key: &str, value: &serde_json::Value) -> String {
    use crate::pages::proposals::import::{field_name, link_text, note_text};
    use wijkbeeld_app::proposals::{Link, LinkKind};
    use wijkbeeld_domain::behandelvoorstel::{Field, Note};
    let joined = |items: Vec<String>| if items.is_empty() { "–".to_owned() } else { items.join("; ") };
    match key {
        "warnings" => {
            if let Ok(notes) = Vec::<Note>::deserialize(value) {
                return joined(notes.iter().map(|note| note_text(texts, note)).collect());
            }
        }
        "created" | "linked" => {
            if let Ok(recorded) = Vec::<RecordedLink>::deserialize(value) {
                let links: Option<Vec<Link>> = recorded
                    .into_iter()
                    .map(|link| {
                        let kind = LinkKind::ALL.iter().copied().find(|kind| kind.code() == link.kind)?;
                        Some(Link { kind, name: link.name })
                    })
                    .collect();
                if let Some(links) = links {
                    return joined(links.iter().map(|link| link_text(texts, link)).collect());
                }
            }
        }
        "updated" => {
            if let Ok(fields) = Vec::<Field>::deserialize(value) {
                return joined(fields.into_iter().map(|field| field_name(texts, field)).collect());
            }
        }
        _ => {}
    }
    value_text(texts, value)
}

/// The details of an entry as labelled fields; details that are no object are one field.
fn details_in_words(texts: &Texts, raw: Option<&str>) -> Vec<Detail> {
    let Some(raw) = raw else { return Vec::new() };
    match serde_json::from_str::<serde_json::Value>(raw) {
        Ok(serde_json::Value::Object(fields)) => fields
            .iter()
            .map(|(key, value)| Detail {
                label: worded(texts, "audit-field", key),
                value: detail_text(texts, key, value),
            })
            .collect(),
        Ok(value) => vec![Detail { label: texts.t("audit-column-details"), value: value_text(texts, &value) }],
        Err(_) => vec![Detail { label: texts.t("audit-column-details"), value: raw.to_owned() }],
    }
}

/// The page of a changed record, for the kinds of record that have one.
fn entity_href(entity: &str, id: Option<i64>) -> Option<String> {
    match (entity, id) {
        ("proposal", Some(id)) => Some(format!("/voorstellen/{id}")),
        ("market_evening", Some(id)) => Some(format!("/markt/{id}")),
        _ => None,
    }
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
        entities: entities
            .into_iter()
            .map(|entity| Choice { label: worded(&texts, "audit-entity", &entity), value: entity })
            .collect(),
        caption: texts.with("audit-caption", &[("page", Argument::Number(page)), ("pages", Argument::Number(pages))]),
        errors,
        entries: entries
            .into_iter()
            .map(|entry| {
                let (at, at_iso) = moment_text(&texts, entry.at);
                let kind = worded(&texts, "audit-entity", &entry.entity);
                let state = |state: Option<&str>| state.map(|state| state_text(&texts, &entry.entity, state));
                EntryView {
                    at,
                    at_iso,
                    actor: entry.actor,
                    action: worded(&texts, "audit-action", &entry.action),
                    action_code: entry.action,
                    entity_href: entity_href(&entry.entity, entry.entity_id),
                    entity: match entry.entity_id {
                        Some(id) => format!("{kind} {id}"),
                        None => kind,
                    },
                    change: change_text(
                        state(entry.from_state.as_deref()).as_deref(),
                        state(entry.to_state.as_deref()).as_deref(),
                    ),
                    details: details_in_words(&texts, entry.details.as_deref()),
                    raw_details: entry.details.unwrap_or_default(),
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
