//! The audit log for the griffie and functional administrators: `GET /audit` (filtered, by
//! page) and `GET /audit.csv` (everything that matches the filter).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use time::macros::{format_description, time};
use time::{Date, Duration};
use wijkbeeld_domain::local_time::{dutch_moment, in_dutch_time};
use wijkbeeld_store::audit::{self, AuditFilter};

use crate::error::AppResult;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::{AppError, AppState};

/// Entries per page.
pub(crate) const PER_PAGE: i64 = 50;

/// The filter as the address carries it (Dutch parameter names, as typed).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct AuditQuery {
    #[serde(default)]
    entiteit: String,
    #[serde(default)]
    actor: String,
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    pagina: Option<i64>,
}

/// A date typed the Dutch way (26-09-2023, also 26-9-2023) or as ISO (2023-09-26).
fn date(text: &str) -> Option<Date> {
    let text = text.trim();
    Date::parse(text, format_description!("[year]-[month]-[day]"))
        .or_else(|_| Date::parse(text, format_description!("[day padding:none]-[month padding:none]-[year]")))
        .ok()
}

impl AuditQuery {
    /// The filter; dates are whole Dutch days, `tot` included.
    pub(crate) fn filter(&self) -> AuditFilter {
        let text = |value: &str| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
        AuditFilter {
            entity: text(&self.entiteit),
            actor: text(&self.actor),
            from: date(&self.van).map(|day| dutch_moment(day, time!(0:00))),
            until: date(&self.tot).map(|day| dutch_moment(day + Duration::days(1), time!(0:00))),
        }
    }

    /// The page asked for, from 1.
    pub(crate) fn page(&self) -> i64 {
        self.pagina.unwrap_or(1).max(1)
    }

    fn invalid_dates(&self) -> Vec<&'static str> {
        [("van", &self.van), ("tot", &self.tot)]
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty() && date(text).is_none())
            .map(|(field, _)| field)
            .collect()
    }

    fn with_page(&self, page: i64) -> String {
        serde_urlencoded::to_string([
            ("entiteit", self.entiteit.as_str()),
            ("actor", self.actor.as_str()),
            ("van", self.van.as_str()),
            ("tot", self.tot.as_str()),
            ("pagina", &page.to_string()),
        ])
        .unwrap_or_default()
    }
}

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
    layout: Layout,
    Query(query): Query<AuditQuery>,
) -> AppResult<AuditPage> {
    let filter = query.filter();
    let page = query.page();
    let mut tx = state.store().begin().await?;
    let total = audit::count(&mut tx, &filter).await?;
    let entries = audit::list(&mut tx, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let entities = audit::entities(&mut tx).await?;
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

/// A cell as spreadsheet programs will not run it: a leading `=`, `+`, `-` or `@` would make it a
/// formula (CSV injection), so such cells get a leading apostrophe.
fn spreadsheet_safe(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

pub(crate) async fn export(State(state): State<AppState>, Query(query): Query<AuditQuery>) -> AppResult<Response> {
    const BATCH: i64 = 1_000;
    let filter = query.filter();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let csv_error = |error: csv::Error| AppError::Store(wijkbeeld_store::StoreError::Corrupt(error.to_string()));
    writer
        .write_record(["id", "at", "actor", "action", "entity", "entity_id", "from_state", "to_state", "details"])
        .map_err(csv_error)?;
    let mut tx = state.store().begin().await?;
    let mut offset = 0;
    loop {
        let entries = audit::list(&mut tx, &filter, BATCH, offset).await?;
        for entry in &entries {
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
                .map_err(csv_error)?;
        }
        if (entries.len() as i64) < BATCH {
            break;
        }
        offset += BATCH;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("griffie@hengelo.example"), "griffie@hengelo.example");
    }

    #[test]
    fn dates_cover_whole_dutch_days() {
        let query = AuditQuery { van: "2026-11-28".into(), tot: "28-11-2026".into(), ..AuditQuery::default() };
        let filter = query.filter();
        assert_eq!(filter.from, Some(time::macros::datetime!(2026-11-27 23:00 UTC)));
        assert_eq!(filter.until, Some(time::macros::datetime!(2026-11-28 23:00 UTC)));
        let wrong = AuditQuery { van: "28/11/26".into(), ..AuditQuery::default() };
        assert_eq!(wrong.filter().from, None);
        assert_eq!(wrong.invalid_dates(), ["van"]);
    }
}
