//! `/monitor/importeren`: importing a file of measurements, all or nothing.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, MonitorError};
use wijkbeeld_domain::import::MAX_LISTED_PROBLEMS;
use wijkbeeld_domain::period::Period;

use crate::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::Argument;
use crate::layout::Layout;
use crate::pages::upload_fields;

#[derive(Template, WebTemplate)]
#[template(path = "monitor/import.html")]
pub(crate) struct ImportPage {
    layout: Layout,
    period: String,
    errors: FormErrors,
    /// Every problem of a refused file, at most [`MAX_LISTED_PROBLEMS`].
    problems: Vec<String>,
    /// How many more problems there were.
    more: usize,
    /// What a successful import did, line by line.
    done: Vec<String>,
}

fn import_layout(layout: Layout) -> Layout {
    layout.trail(&[("/monitor", "monitor-title"), ("/monitor/importeren", "monitor-import-title")])
}

pub(crate) async fn import_form(layout: Layout) -> ImportPage {
    ImportPage {
        layout: import_layout(layout),
        period: String::new(),
        errors: FormErrors::none(),
        problems: Vec::new(),
        more: 0,
        done: Vec::new(),
    }
}

/// Imports an uploaded file of measurements (`bestand`), with the period of a CBS table
/// (`periode`): all or nothing; a refused file lists every problem with its line and column.
pub(crate) async fn import(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let texts = layout.texts;
    let (mut file, mut file_name, mut period) = (Vec::new(), String::new(), String::new());
    for field in upload_fields(&mut multipart).await? {
        match field.name.as_str() {
            "bestand" => {
                file = field.content;
                file_name = field.file_name;
            }
            "periode" => period = String::from_utf8_lossy(&field.content).trim().to_owned(),
            _ => {}
        }
    }
    let refuse = |layout: Layout, period: String, errors: FormErrors, problems: Vec<String>, more: usize| {
        let page = ImportPage { layout: import_layout(layout), period, errors, problems, more, done: Vec::new() };
        (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
    };
    let parsed_period = match period.as_str() {
        "" => None,
        text => match text.parse::<Period>() {
            Ok(parsed) => Some(parsed),
            Err(_) => {
                let errors = FormErrors::one("periode", texts.t("error-monitor-period"));
                return Ok(refuse(layout, period, errors, Vec::new(), 0));
            }
        },
    };
    if file.is_empty() {
        return Ok(refuse(layout, period, FormErrors::one("bestand", texts.t("error-monitor-no-file")), Vec::new(), 0));
    }
    let Ok(text) = String::from_utf8(file) else {
        return Ok(refuse(
            layout,
            period,
            FormErrors::one("bestand", texts.t("error-monitor-not-utf8")),
            Vec::new(),
            0,
        ));
    };
    match monitor::import_measurements(state.app(), &caller, &text, &file_name, parsed_period).await {
        Ok(outcome) => {
            let periods: Vec<String> = outcome.periods.iter().map(ToString::to_string).collect();
            let mut done = vec![texts.with(
                "monitor-import-done",
                &[
                    ("written", Argument::Number(i64::try_from(outcome.written).unwrap_or(i64::MAX))),
                    ("replaced", Argument::Number(i64::try_from(outcome.replaced).unwrap_or(i64::MAX))),
                    ("periods", Argument::Text(&periods.join(", "))),
                ],
            )];
            if outcome.populations > 0 {
                done.push(texts.count("monitor-import-populations", i64::try_from(outcome.populations).unwrap_or(0)));
            }
            if outcome.missing > 0 {
                done.push(texts.count("monitor-import-missing", i64::try_from(outcome.missing).unwrap_or(0)));
            }
            if !outcome.unmapped_columns.is_empty() {
                done.push(texts.with(
                    "monitor-import-unmapped",
                    &[("columns", Argument::Text(&outcome.unmapped_columns.join(", ")))],
                ));
            }
            Ok(ImportPage {
                layout: import_layout(layout),
                period,
                errors: FormErrors::none(),
                problems: Vec::new(),
                more: 0,
                done,
            }
            .into_response())
        }
        Err(MonitorError::Refused(problems)) => {
            let count = problems.0.len();
            let listed = problems.0.iter().take(MAX_LISTED_PROBLEMS).map(ToString::to_string).collect();
            let message = texts.count("monitor-import-refused", i64::try_from(count).unwrap_or(i64::MAX));
            let errors = FormErrors::one("bestand", message);
            Ok(refuse(layout, period, errors, listed, count.saturating_sub(MAX_LISTED_PROBLEMS)))
        }
        Err(other) => Err(other.into()),
    }
}
