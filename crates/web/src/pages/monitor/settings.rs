//! The monitor's settings kept by those who keep the monitor: an indicator's targets
//! (`/monitor/indicatoren/{code}/streefwaarden`, each editable and removable) and the mapping of
//! CBS columns to indicators (`/monitor/cbs-koppelingen`).
//!
//! A change answers with a redirect to the list, which then says what was done; a refused form
//! comes back as 422 with every problem and everything typed.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::monitor::{Area, Indicator, Unit};

use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::MonitorError;
use wijkbeeld_app::monitor::settings::{self, CbsMappingDraft, IndicatorTargets, TargetDraft};

use crate::error::AppResult;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Language, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::{AppError, AppState};

/// What the list pages say after a change they were redirected to.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct DoneQuery {
    /// What was done: `toegevoegd`, `gewijzigd`, `verwijderd` (targets), `gekoppeld`,
    /// `ontkoppeld` (CBS mappings).
    gedaan: Option<String>,
    /// The CBS column concerned.
    kolom: Option<String>,
    /// The numeric suffix left off the column typed.
    weggelaten: Option<String>,
}

/// The value of a posted field, or empty.
fn field(fields: &[(String, String)], name: &str) -> String {
    fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.trim_end().to_owned()).unwrap_or_default()
}

/// The problems of a refused form in the viewer's language; other failures go back as errors.
fn problems(texts: &Texts, error: MonitorError) -> AppResult<FormErrors> {
    match error {
        MonitorError::Fields(problems) => Ok(problems
            .into_iter()
            .fold(FormErrors::none(), |errors, (field, message)| errors.and(FormErrors::one(field, texts.t(message))))),
        other => Err(other.into()),
    }
}

/// A target's value in its indicator's unit, with as many decimals as the indicator shows, or
/// more when the value has them (a target of 72,25 is not 72,3).
fn value_text(texts: &Texts, indicator: &Indicator, value: f64) -> String {
    let decimals = (usize::from(indicator.decimals)..=6)
        .find(|decimals| {
            let scale = 10_f64.powi(*decimals as i32);
            ((value * scale).round() / scale - value).abs() < 1e-9
        })
        .unwrap_or(6);
    let number = texts.decimal(value, decimals);
    if indicator.unit == Unit::Percentage { format!("{number}%") } else { number }
}

/// An area as the targets name it: the whole city, or a wijk or buurt with its code.
fn area_label(texts: &Texts, area: &Area) -> String {
    if area.level == AreaLevel::Municipality {
        texts.with("monitor-targets-whole-city", &[("name", Argument::Text(&area.name))])
    } else {
        format!("{} ({})", area.name, area.code)
    }
}

// --- Targets ------------------------------------------------------------------------------------

/// The areas a target may be for, grouped as the select shows them.
pub(crate) struct AreaChoices {
    city: Option<Choice>,
    wijken: Vec<Choice>,
    buurten: Vec<Choice>,
}

impl AreaChoices {
    fn of(texts: &Texts, areas: &[Area]) -> AreaChoices {
        let level = |level: AreaLevel| -> Vec<Choice> {
            areas
                .iter()
                .filter(|area| area.level == level)
                .map(|area| Choice { value: area.code.to_string(), label: area_label(texts, area) })
                .collect()
        };
        AreaChoices {
            city: level(AreaLevel::Municipality).into_iter().next(),
            wijken: level(AreaLevel::District),
            buurten: level(AreaLevel::Neighbourhood),
        }
    }
}

/// A target in the list.
pub(crate) struct TargetLine {
    area: String,
    value: String,
    target_period: String,
    baseline_period: String,
    note: String,
    edit_href: String,
    delete_action: String,
    /// Which target a row's buttons act on, for those who hear the button alone.
    label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/targets.html")]
pub(crate) struct TargetsPage {
    layout: Layout,
    heading: String,
    code: String,
    name: String,
    /// The form to edit one target, rather than the list with a form to add one.
    editing: bool,
    notice: Option<String>,
    rows: Vec<TargetLine>,
    caption: String,
    /// Where the form posts to.
    action: String,
    form: TargetDraft,
    areas: AreaChoices,
    value_hint: String,
    submit: String,
    errors: FormErrors,
}

fn targets_href(code: &str) -> String {
    format!("/monitor/indicatoren/{code}/streefwaarden")
}

/// The list of the indicator's targets with a form to add one, or (with `editing`, the id of a
/// target) the form to edit that one.
fn targets_page(
    layout: Layout,
    view: &IndicatorTargets,
    editing: Option<i64>,
    form: TargetDraft,
    errors: FormErrors,
    notice: Option<String>,
) -> TargetsPage {
    let texts = layout.texts;
    let indicator = &view.indicator;
    let code = indicator.code.clone();
    let list = targets_href(&code);
    let rows = view
        .targets
        .iter()
        .map(|target| {
            let area = view.area(target.area_id).map(|area| area_label(&texts, area)).unwrap_or_default();
            let target_period = target.target_period.to_string();
            TargetLine {
                label: texts.with(
                    "monitor-targets-row-label",
                    &[("area", Argument::Text(&area)), ("period", Argument::Text(&target_period))],
                ),
                area,
                value: value_text(&texts, indicator, target.value),
                target_period,
                baseline_period: target.baseline_period.to_string(),
                note: target.note.clone().unwrap_or_default(),
                edit_href: format!("{list}/{}/bewerken", target.id),
                delete_action: format!("{list}/{}/verwijderen", target.id),
            }
        })
        .collect();
    let name_argument = [("indicator", Argument::Text(&indicator.name))];
    let trail = [
        ("/monitor", "monitor-title"),
        ("/monitor/indicatoren", "monitor-indicators-title"),
        (list.as_str(), "monitor-targets-title"),
    ];
    let (heading, action, submit, layout) = match editing {
        Some(id) => (
            texts.with("monitor-target-edit-title", &name_argument),
            format!("{list}/{id}/bewerken"),
            texts.t("monitor-target-edit-submit"),
            // The trail ends in the form itself, after the list.
            layout.trail(&[trail[0], trail[1], trail[2], ("", "monitor-target-edit-crumb")]),
        ),
        None => (
            texts.with("monitor-targets-page-title", &name_argument),
            list.clone(),
            texts.t("monitor-targets-add-submit"),
            layout.trail(&trail),
        ),
    };
    TargetsPage {
        heading,
        caption: texts.with("monitor-targets-caption-of", &name_argument),
        value_hint: texts.with(
            "monitor-target-field-value-hint",
            &[("unit", Argument::Text(&texts.t(&vocabulary_id("unit", indicator.unit.code()))))],
        ),
        code,
        name: indicator.name.clone(),
        editing: editing.is_some(),
        notice,
        rows,
        action,
        form,
        areas: AreaChoices::of(&texts, &view.areas),
        submit,
        errors,
        layout,
    }
}

/// The targets of the indicator with `code`, with a form to add one.
pub(crate) async fn targets(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Query(done): Query<DoneQuery>,
) -> AppResult<TargetsPage> {
    let view = settings::indicator_targets(state.app(), &caller, &code).await?;
    let notice = match done.gedaan.as_deref() {
        Some("toegevoegd") => Some(layout.t("monitor-targets-added")),
        Some("gewijzigd") => Some(layout.t("monitor-targets-changed")),
        Some("verwijderd") => Some(layout.t("monitor-targets-deleted")),
        _ => None,
    };
    let city = view.areas.iter().find(|area| area.level == AreaLevel::Municipality);
    let blank =
        TargetDraft { area: city.map(|city| city.code.to_string()).unwrap_or_default(), ..TargetDraft::default() };
    Ok(targets_page(layout, &view, None, blank, FormErrors::none(), notice))
}

fn target_draft(fields: &[(String, String)]) -> TargetDraft {
    TargetDraft {
        area: field(fields, "area"),
        value: field(fields, "value"),
        target_period: field(fields, "target_period"),
        baseline_period: field(fields, "baseline_period"),
        note: field(fields, "note"),
    }
}

/// Adds a target; on success back to the list, else the list with the form and its problems.
pub(crate) async fn create_target(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let draft = target_draft(&fields);
    match settings::create_target(state.app(), &caller, &code, &draft).await {
        Ok(_) => {
            let view = settings::indicator_targets(state.app(), &caller, &code).await?;
            let href = format!("{}?gedaan=toegevoegd", targets_href(&view.indicator.code));
            Ok(Redirect::to(&href).into_response())
        }
        Err(error) => {
            let errors = problems(&layout.texts, error)?;
            let view = settings::indicator_targets(state.app(), &caller, &code).await?;
            let page = targets_page(layout, &view, None, draft, errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The target's id from the address; an id that is no number names no target.
fn target_id(text: &str) -> AppResult<i64> {
    text.trim().parse().map_err(|_| AppError::NotFound)
}

/// The form filled with the target `id` of the indicator with `code`.
pub(crate) async fn edit_target_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path((code, id)): Path<(String, String)>,
) -> AppResult<TargetsPage> {
    let id = target_id(&id)?;
    let view = settings::indicator_targets(state.app(), &caller, &code).await?;
    let target = view.targets.iter().find(|target| target.id.get() == id).ok_or(AppError::NotFound)?;
    let separator = if layout.texts.language() == Language::Dutch { ',' } else { '.' };
    let form = TargetDraft::of(target, &view.areas, separator);
    Ok(targets_page(layout, &view, Some(id), form, FormErrors::none(), None))
}

/// Changes a target; on success back to the list, else the form again.
pub(crate) async fn update_target(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path((code, id)): Path<(String, String)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let id = target_id(&id)?;
    let draft = target_draft(&fields);
    match settings::update_target(state.app(), &caller, &code, id, &draft).await {
        Ok(()) => {
            let view = settings::indicator_targets(state.app(), &caller, &code).await?;
            let href = format!("{}?gedaan=gewijzigd", targets_href(&view.indicator.code));
            Ok(Redirect::to(&href).into_response())
        }
        Err(error) => {
            let errors = problems(&layout.texts, error)?;
            let view = settings::indicator_targets(state.app(), &caller, &code).await?;
            let page = targets_page(layout, &view, Some(id), draft, errors, None);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Removes a target; back to the list.
pub(crate) async fn delete_target(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path((code, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let id = target_id(&id)?;
    settings::delete_target(state.app(), &caller, &code, id).await?;
    let view = settings::indicator_targets(state.app(), &caller, &code).await?;
    Ok(Redirect::to(&format!("{}?gedaan=verwijderd", targets_href(&view.indicator.code))).into_response())
}

// --- CBS column mappings ------------------------------------------------------------------------

/// A mapping in the list.
pub(crate) struct MappingLine {
    column: String,
    indicator: String,
    indicator_code: String,
    label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/cbs_mappings.html")]
pub(crate) struct CbsMappingsPage {
    layout: Layout,
    notice: Option<String>,
    rows: Vec<MappingLine>,
    indicators: Vec<Choice>,
    form: CbsMappingDraft,
    errors: FormErrors,
}

const CBS_HREF: &str = "/monitor/cbs-koppelingen";

async fn cbs_page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    form: CbsMappingDraft,
    errors: FormErrors,
    notice: Option<String>,
) -> AppResult<CbsMappingsPage> {
    let texts = layout.texts;
    let mappings = settings::cbs_mappings(state.app(), caller).await?;
    let rows = mappings
        .mappings
        .iter()
        .map(|(column, indicator)| MappingLine {
            label: texts.with("monitor-cbs-row-label", &[("column", Argument::Text(column))]),
            column: column.clone(),
            indicator: indicator.name.clone(),
            indicator_code: indicator.code.clone(),
        })
        .collect();
    let indicators = mappings
        .indicators
        .iter()
        .map(|indicator| Choice {
            value: indicator.code.clone(),
            label: format!("{} ({})", indicator.name, indicator.code),
        })
        .collect();
    let layout = layout.trail(&[
        ("/monitor", "monitor-title"),
        ("/monitor/indicatoren", "monitor-indicators-title"),
        ("/monitor/cbs-koppelingen", "monitor-cbs-title"),
    ]);
    Ok(CbsMappingsPage { layout, notice, rows, indicators, form, errors })
}

/// Whether `text` is what a column name or its numeric suffix can be, so that a notice shows
/// only what the site itself put in the address.
fn plain(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 101
        && text.chars().all(|character| character.is_ascii_alphanumeric() || character == '_')
}

/// Every mapping, with a form to add or change one.
pub(crate) async fn cbs_mappings(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Query(done): Query<DoneQuery>,
) -> AppResult<CbsMappingsPage> {
    let texts = layout.texts;
    let column = done.kolom.as_deref().filter(|column| plain(column));
    let suffix = done.weggelaten.as_deref().filter(|suffix| suffix.starts_with('_') && plain(suffix));
    let notice = match (done.gedaan.as_deref(), column, suffix) {
        (Some("gekoppeld"), Some(column), None) => {
            Some(texts.with("monitor-cbs-saved", &[("column", Argument::Text(column))]))
        }
        (Some("gekoppeld"), Some(column), Some(suffix)) => Some(texts.with(
            "monitor-cbs-saved-stripped",
            &[("column", Argument::Text(column)), ("suffix", Argument::Text(suffix))],
        )),
        (Some("ontkoppeld"), Some(column), _) => {
            Some(texts.with("monitor-cbs-deleted", &[("column", Argument::Text(column))]))
        }
        _ => None,
    };
    cbs_page(&state, &caller, layout, CbsMappingDraft::default(), FormErrors::none(), notice).await
}

/// Maps a column to an indicator; on success back to the list, which says what was stored.
pub(crate) async fn set_cbs_mapping(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let draft = CbsMappingDraft { column: field(&fields, "column"), indicator: field(&fields, "indicator") };
    match settings::set_cbs_mapping(state.app(), &caller, &draft).await {
        Ok(set) => {
            let mut href = format!("{CBS_HREF}?gedaan=gekoppeld&kolom={}", set.column);
            if let Some(suffix) = &set.stripped {
                href.push_str(&format!("&weggelaten={suffix}"));
            }
            Ok(Redirect::to(&href).into_response())
        }
        Err(error) => {
            let errors = problems(&layout.texts, error)?;
            let page = cbs_page(&state, &caller, layout, draft, errors, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Removes the mapping of the posted `column`; back to the list.
pub(crate) async fn delete_cbs_mapping(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let column = field(&fields, "column");
    let removed = settings::delete_cbs_mapping(state.app(), &caller, &column).await?;
    let href =
        if plain(&removed) { format!("{CBS_HREF}?gedaan=ontkoppeld&kolom={removed}") } else { CBS_HREF.to_owned() };
    Ok(Redirect::to(&href).into_response())
}
