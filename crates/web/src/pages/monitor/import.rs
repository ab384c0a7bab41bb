//! `/monitor/importeren`: importing a file of measurements in two steps. The form lists the
//! codes a file may use and offers a template; a file sent is checked and kept server-side
//! (`/monitor/importeren/controle/{token}` shows per value what storing will change), and only
//! "Opslaan" there stores it, all or nothing. Problems are said in the reader's language.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, ImportGuide, ImportPreview, MonitorError, RowChange};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::import::{MAX_LISTED_PROBLEMS, Problem, Problems, Reason};
use wijkbeeld_domain::measurement_import::MeasurementProblem;
use wijkbeeld_domain::monitor::Unit;
use wijkbeeld_domain::period::Period;

use crate::AppState;
use crate::error::AppResult;
use crate::exports::{Table, TableFormat, TableValue};
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::notice::{self, Notice};
use crate::pages::upload_fields;

/// The columns of a long file, as the template's header row names them.
const TEMPLATE_COLUMNS: [&str; 6] = ["area_code", "indicator", "period", "value", "sample_size", "margin"];

/// An indicator as the import page lists it.
pub(crate) struct CodeRow {
    code: String,
    name: String,
    /// The unit, in words.
    unit: String,
}

/// An area as the import page lists it.
pub(crate) struct AreaRow {
    code: String,
    name: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/import.html")]
pub(crate) struct ImportPage {
    layout: Layout,
    period: String,
    errors: FormErrors,
    /// Why a checked file can no longer be stored (stored already, expired), when that is why
    /// the form is shown.
    alert: Option<String>,
    /// Every problem of a refused file, at most [`MAX_LISTED_PROBLEMS`], in the reader's words.
    problems: Vec<String>,
    /// How many more problems there were.
    more: usize,
    indicators: Vec<CodeRow>,
    wijken: Vec<AreaRow>,
    buurten: Vec<AreaRow>,
}

/// A value of the preview, in words.
pub(crate) struct PreviewLine {
    area: String,
    indicator: String,
    period: String,
    /// "nieuw", "gewijzigd", "ongewijzigd".
    change: String,
    /// The value stored now, if any.
    old: Option<String>,
    new: String,
    /// Whether the value itself changes (not only its sample size or margin): then the old
    /// one is shown struck through.
    value_changes: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/import_preview.html")]
pub(crate) struct PreviewPage {
    layout: Layout,
    /// The address the "Opslaan" form posts to.
    action: String,
    file_name: String,
    /// What the file will do, sentence by sentence: the counts first.
    summary: Vec<String>,
    lines: Vec<PreviewLine>,
    /// How many values the table leaves out.
    unlisted: usize,
    /// Whether storing would change anything.
    changes_anything: bool,
}

fn import_layout(layout: Layout) -> Layout {
    layout.trail(&[("/monitor", "monitor-title"), ("/monitor/importeren", "monitor-import-title")])
}

/// A problem of a file in the reader's language, with its line and column.
pub(crate) fn problem_text(texts: &Texts, problem: &Problem) -> String {
    let reason = reason_text(texts, &problem.reason);
    let line = Argument::Number(i64::try_from(problem.line).unwrap_or(i64::MAX));
    match &problem.column {
        Some(column) => texts.with(
            "import-problem-at",
            &[("line", line), ("column", Argument::Text(column)), ("reason", Argument::Text(&reason))],
        ),
        None => texts.with("import-problem-line", &[("line", line), ("reason", Argument::Text(&reason))]),
    }
}

fn reason_text(texts: &Texts, reason: &Reason) -> String {
    let problem = match reason {
        Reason::Measurement(problem) => problem,
        // Only the command line's imports (areas, boundaries) describe their problems in words.
        Reason::Described(text) => return text.clone(),
    };
    let id = vocabulary_id("import-problem", problem.code());
    let text = Argument::Text;
    let number = |value: u64| Argument::Number(i64::try_from(value).unwrap_or(i64::MAX));
    let unit_name = |unit: Unit| texts.t(&vocabulary_id("unit", unit.code()));
    match problem {
        MeasurementProblem::Unreadable
        | MeasurementProblem::ColumnTwice
        | MeasurementProblem::NoRows
        | MeasurementProblem::NoPeriod
        | MeasurementProblem::NoAreaRows
        | MeasurementProblem::EmptyIndicator => texts.t(&id),
        MeasurementProblem::UnknownHeader { columns } | MeasurementProblem::NothingMapped { columns } => {
            texts.with(&id, &[("columns", text(columns))])
        }
        MeasurementProblem::FieldCount { found, expected } => {
            let count = |value: usize| Argument::Number(i64::try_from(value).unwrap_or(i64::MAX));
            texts.with(&id, &[("found", count(*found)), ("expected", count(*expected))])
        }
        MeasurementProblem::KeyTwice { indicator, area, period, first_line } => texts.with(
            &id,
            &[
                ("indicator", text(indicator)),
                ("area", text(area)),
                ("period", text(&period.to_string())),
                ("first", number(*first_line)),
            ],
        ),
        MeasurementProblem::MappedToUnknown { indicator } => texts.with(&id, &[("indicator", text(indicator))]),
        MeasurementProblem::MappedTwice { indicator, column } => {
            texts.with(&id, &[("indicator", text(indicator)), ("column", text(column))])
        }
        MeasurementProblem::AreaTwice { area, first_line } => {
            texts.with(&id, &[("area", text(area)), ("first", number(*first_line))])
        }
        MeasurementProblem::UnknownArea { area } => texts.with(&id, &[("area", text(area))]),
        MeasurementProblem::NotInhabitants { text: written }
        | MeasurementProblem::NotAreaCode { text: written }
        | MeasurementProblem::UnknownIndicator { text: written }
        | MeasurementProblem::NotPeriod { text: written }
        | MeasurementProblem::NotNumber { text: written }
        | MeasurementProblem::NotSampleSize { text: written }
        | MeasurementProblem::NegativeMargin { text: written } => texts.with(&id, &[("text", text(written))]),
        MeasurementProblem::OutOfBounds { text: written, unit } => {
            let (low, high) = unit.bounds().unwrap_or((0.0, 0.0));
            texts.with(
                &id,
                &[
                    ("text", text(written)),
                    ("low", text(&texts.decimal(low, 0))),
                    ("high", text(&texts.decimal(high, 0))),
                    ("unit", text(&unit_name(*unit))),
                ],
            )
        }
        MeasurementProblem::Negative { text: written, unit } => {
            texts.with(&id, &[("text", text(written)), ("unit", text(&unit_name(*unit)))])
        }
    }
}

impl ImportPage {
    /// The form, with the codes of `guide`.
    fn new(layout: Layout, guide: &ImportGuide) -> ImportPage {
        let texts = layout.texts;
        let areas_at = |level: AreaLevel| {
            guide
                .areas
                .iter()
                .filter(|area| area.level == level)
                .map(|area| AreaRow { code: area.code.to_string(), name: area.name.clone() })
                .collect()
        };
        ImportPage {
            period: String::new(),
            errors: FormErrors::none(),
            alert: None,
            problems: Vec::new(),
            more: 0,
            indicators: guide
                .indicators
                .iter()
                .map(|indicator| CodeRow {
                    code: indicator.code.clone(),
                    name: indicator.name.clone(),
                    unit: texts.t(&vocabulary_id("unit", indicator.unit.code())),
                })
                .collect(),
            wijken: areas_at(AreaLevel::District),
            buurten: areas_at(AreaLevel::Neighbourhood),
            layout: import_layout(layout),
        }
    }

    /// The form refused with `errors` and the file's problems.
    fn refused(mut self, period: String, errors: FormErrors, problems: &Problems) -> Response {
        self.period = period;
        self.errors = errors;
        self.problems = problems
            .0
            .iter()
            .take(MAX_LISTED_PROBLEMS)
            .map(|problem| problem_text(&self.layout.texts, problem))
            .collect();
        self.more = problems.0.len().saturating_sub(MAX_LISTED_PROBLEMS);
        (StatusCode::UNPROCESSABLE_ENTITY, self).into_response()
    }
}

pub(crate) async fn import_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<ImportPage> {
    let guide = monitor::import_guide(state.app(), &caller).await?;
    Ok(ImportPage::new(layout, &guide))
}

/// A template of a long file: the header row the import reads and an example line made of the
/// body's own codes, as every CSV export is written (formula-neutralised, `;`, with a BOM).
pub(crate) async fn template(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<Response> {
    let guide = monitor::import_guide(state.app(), &caller).await?;
    let mut table =
        Table::new(layout.t("monitor-import-template"), TEMPLATE_COLUMNS.iter().map(|&name| name.to_owned()).collect());
    let area = guide.areas.iter().find(|area| area.level == AreaLevel::District).or_else(|| guide.areas.first());
    if let (Some(area), Some(indicator), Some(period)) = (area, guide.indicators.first(), guide.example_period) {
        let example = match indicator.unit.bounds() {
            Some((low, high)) => ((low + high) / 2.0).round(),
            None => 10.0,
        };
        table.push(vec![
            TableValue::Text(area.code.to_string()),
            TableValue::Text(indicator.code.clone()),
            TableValue::Text(period.to_string()),
            TableValue::Number(example),
            TableValue::Empty,
            TableValue::Empty,
        ]);
    }
    table.respond(TableFormat::Csv, "meetwaarden-sjabloon")
}

/// Checks an uploaded file of measurements (`bestand`), with the period of a CBS table
/// (`periode`), storing nothing: a refused file lists every problem with its line and column;
/// an accepted one is kept for its preview, where it is stored.
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
    let guide = monitor::import_guide(state.app(), &caller).await?;
    let form = ImportPage::new(layout, &guide);
    let none = Problems(Vec::new());
    let parsed_period = match period.as_str() {
        "" => None,
        text => match text.parse::<Period>() {
            Ok(parsed) => Some(parsed),
            Err(_) => {
                let errors = FormErrors::one("periode", texts.t("error-monitor-period"));
                return Ok(form.refused(period, errors, &none));
            }
        },
    };
    if file.is_empty() {
        return Ok(form.refused(period, FormErrors::one("bestand", texts.t("error-monitor-no-file")), &none));
    }
    let Ok(text) = String::from_utf8(file) else {
        return Ok(form.refused(period, FormErrors::one("bestand", texts.t("error-monitor-not-utf8")), &none));
    };
    match monitor::check_measurements(state.app(), &caller, &text, &file_name, parsed_period).await {
        Ok(token) => Ok(notice::redirect(
            &format!("/monitor/importeren/controle/{token}"),
            Notice::new("notice-monitor-import-checked"),
        )),
        Err(MonitorError::Refused(problems)) => {
            let count = problems.0.len();
            let message = texts.count("monitor-import-refused", i64::try_from(count).unwrap_or(i64::MAX));
            Ok(form.refused(period, FormErrors::one("bestand", message), &problems))
        }
        Err(other) => Err(other.into()),
    }
}

/// The import form saying why a checked file cannot be used (any longer), or listing its
/// problems when it no longer fits the monitor; `None` for any other failure.
async fn unusable(state: &AppState, caller: &Caller, layout: Layout, error: MonitorError) -> AppResult<Response> {
    let texts = layout.texts;
    let (status, message) = match &error {
        MonitorError::PendingGone => (StatusCode::NOT_FOUND, "monitor-import-gone"),
        MonitorError::PendingExpired => (StatusCode::GONE, "monitor-import-expired"),
        MonitorError::Refused(_) => (StatusCode::UNPROCESSABLE_ENTITY, "monitor-import-no-longer-fits"),
        _ => return Err(error.into()),
    };
    let guide = monitor::import_guide(state.app(), caller).await?;
    let mut page = ImportPage::new(layout, &guide);
    page.alert = Some(texts.t(message));
    if let MonitorError::Refused(problems) = &error {
        return Ok(page.refused(String::new(), FormErrors::none(), problems));
    }
    Ok((status, page).into_response())
}

/// What storing the caller's checked file will change, with its "Opslaan".
pub(crate) async fn preview(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match monitor::pending_import(state.app(), &caller, &token).await {
        Ok(preview) => Ok(preview_page(layout, &preview, &token).into_response()),
        Err(error) => unusable(&state, &caller, layout, error).await,
    }
}

fn preview_page(layout: Layout, preview: &ImportPreview, token: &str) -> PreviewPage {
    let texts = layout.texts;
    let count = |value: usize| i64::try_from(value).unwrap_or(i64::MAX);
    let periods: Vec<String> = preview.periods.iter().map(ToString::to_string).collect();
    let mut summary = vec![texts.with(
        "monitor-import-preview-counts",
        &[
            ("total", Argument::Number(count(preview.total()))),
            ("new", Argument::Number(count(preview.new))),
            ("changed", Argument::Number(count(preview.changed))),
            ("unchanged", Argument::Number(count(preview.unchanged))),
            ("periods", Argument::Text(&periods.join(", "))),
        ],
    )];
    if preview.populations > 0 {
        summary.push(texts.count("monitor-import-populations", count(preview.populations)));
    }
    if preview.missing > 0 {
        summary.push(texts.count("monitor-import-missing", count(preview.missing)));
    }
    if !preview.unmapped_columns.is_empty() {
        summary.push(
            texts.with("monitor-import-unmapped", &[("columns", Argument::Text(&preview.unmapped_columns.join(", ")))]),
        );
    }
    let lines = preview
        .rows
        .iter()
        .map(|row| {
            let decimals = usize::from(row.decimals);
            let (old, new) = (row.old.map(|old| texts.decimal(old, decimals)), texts.decimal(row.new, decimals));
            let value_changes = row.change == RowChange::Changed && old.as_ref() != Some(&new);
            PreviewLine {
                area: format!("{} {}", row.area_code, row.area_name),
                indicator: row.indicator_name.clone(),
                period: row.period.to_string(),
                change: texts.t(match row.change {
                    RowChange::New => "monitor-import-row-new",
                    RowChange::Changed if value_changes => "monitor-import-row-changed",
                    RowChange::Changed => "monitor-import-row-changed-margin",
                    RowChange::Unchanged => "monitor-import-row-unchanged",
                }),
                old,
                new,
                value_changes,
            }
        })
        .collect();
    let action = format!("/monitor/importeren/controle/{token}");
    PreviewPage {
        layout: layout.trail(&[
            ("/monitor", "monitor-title"),
            ("/monitor/importeren", "monitor-import-title"),
            (action.as_str(), "monitor-import-preview-title"),
        ]),
        action,
        file_name: preview.file_name.clone(),
        summary,
        lines,
        unlisted: preview.total().saturating_sub(preview.rows.len()),
        changes_anything: preview.new + preview.changed > 0 || preview.populations > 0,
    }
}

/// Stores the caller's checked file ("Opslaan"), exactly what its preview showed, and lands on
/// the import form with the count; a second post finds nothing and stores nothing.
pub(crate) async fn store(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match monitor::store_pending_import(state.app(), &caller, &token).await {
        Ok(outcome) => Ok(notice::redirect(
            "/monitor/importeren",
            Notice::counted("notice-monitor-imported", i64::try_from(outcome.written).unwrap_or(i64::MAX)),
        )),
        Err(error) => unusable(&state, &caller, layout, error).await,
    }
}

/// Forgets the caller's checked file without storing it ("Niet opslaan"), back to the import
/// form; a second post finds nothing, as after storing.
pub(crate) async fn discard(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(token): Path<String>,
) -> AppResult<Response> {
    match monitor::discard_pending_import(state.app(), &caller, &token).await {
        Ok(()) => Ok(notice::redirect("/monitor/importeren", Notice::new("notice-monitor-import-discarded"))),
        Err(error) => unusable(&state, &caller, layout, error).await,
    }
}
