//! `/monitor/indicatoren`: the indicators to keep, and the form to add or edit one.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, IndicatorForm, MonitorError};
use wijkbeeld_domain::monitor::{Direction, IndicatorKind, IndicatorStatus, Theme, Unit};

use crate::AppState;
use crate::error::AppResult;
use crate::forms::{Choice, FormErrors};
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::notice::{self, Notice};

/// One indicator in the list of indicators to keep.
pub(crate) struct IndicatorListRow {
    code: String,
    name: String,
    theme: String,
    status: String,
    published: bool,
    key: bool,
    /// The session that proposed it, for a link to its outcome.
    session: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/indicators.html")]
pub(crate) struct IndicatorsPage {
    layout: Layout,
    rows: Vec<IndicatorListRow>,
}

fn indicators_layout(layout: Layout) -> Layout {
    layout.trail(&[("/monitor", "monitor-title"), ("/monitor/indicatoren", "monitor-indicators-title")])
}

/// Every indicator, with a link to edit each and one to add one.
pub(crate) async fn indicators(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<IndicatorsPage> {
    let texts = layout.texts;
    let indicators = monitor::indicators(state.app(), &caller).await?;
    let rows = indicators
        .iter()
        .map(|indicator| IndicatorListRow {
            code: indicator.code.clone(),
            name: indicator.name.clone(),
            theme: texts.t(&vocabulary_id("theme", indicator.theme.code())),
            status: texts.t(&vocabulary_id("indicator-status", indicator.status.code())),
            published: indicator.is_published,
            key: indicator.is_key,
            session: indicator.proposed_in_session_id.map(|id| id.get()),
        })
        .collect();
    Ok(IndicatorsPage { layout: indicators_layout(layout), rows })
}

/// The choices of the indicator form.
pub(crate) struct IndicatorChoices {
    units: Vec<Choice>,
    directions: Vec<Choice>,
    themes: Vec<Choice>,
    kinds: Vec<Choice>,
    statuses: Vec<Choice>,
    partners: Vec<Choice>,
    programmes: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/indicator_form.html")]
pub(crate) struct IndicatorFormPage {
    layout: Layout,
    heading: String,
    /// Where the form posts to.
    action: String,
    form: monitor::IndicatorDraft,
    choices: IndicatorChoices,
    errors: FormErrors,
}

impl IndicatorFormPage {
    fn has_programme(&self, id: &str) -> bool {
        self.form.programmes.iter().any(|chosen| chosen == id)
    }
}

fn vocabulary_choices<'a>(texts: &Texts, prefix: &str, codes: impl IntoIterator<Item = &'a str>) -> Vec<Choice> {
    codes
        .into_iter()
        .map(|code| Choice { value: code.to_owned(), label: texts.t(&vocabulary_id(prefix, code)) })
        .collect()
}

fn indicator_form_page(
    layout: Layout,
    offered: IndicatorForm,
    editing: Option<&str>,
    form: monitor::IndicatorDraft,
    errors: FormErrors,
) -> IndicatorFormPage {
    let texts = layout.texts;
    let IndicatorForm { partners, programmes } = offered;
    let choices = IndicatorChoices {
        units: vocabulary_choices(&texts, "unit", Unit::ALL.iter().map(|value| value.code())),
        directions: vocabulary_choices(&texts, "direction", Direction::ALL.iter().map(|value| value.code())),
        themes: vocabulary_choices(&texts, "theme", Theme::ALL.iter().map(|value| value.code())),
        kinds: vocabulary_choices(&texts, "kind", IndicatorKind::ALL.iter().map(|value| value.code())),
        statuses: vocabulary_choices(&texts, "indicator-status", IndicatorStatus::ALL.iter().map(|value| value.code())),
        partners: partners
            .into_iter()
            .map(|partner| Choice { value: partner.id.to_string(), label: partner.name })
            .collect(),
        programmes: programmes
            .into_iter()
            .map(|programme| Choice { value: programme.id.to_string(), label: programme.name })
            .collect(),
    };
    let (heading, action, layout) = match editing {
        Some(code) => {
            let action = format!("/monitor/indicatoren/{code}/bewerken");
            let heading = texts.with("monitor-indicator-edit-title", &[("code", Argument::Text(code))]);
            let layout = indicators_layout(layout);
            (heading, action, layout)
        }
        None => {
            let layout = layout.trail(&[
                ("/monitor", "monitor-title"),
                ("/monitor/indicatoren", "monitor-indicators-title"),
                ("/monitor/indicatoren/nieuw", "monitor-indicator-new-title"),
            ]);
            (texts.t("monitor-indicator-new-title"), "/monitor/indicatoren/nieuw".to_owned(), layout)
        }
    };
    IndicatorFormPage { layout, heading, action, form, choices, errors }
}

/// The draft from the posted fields (`programme` may repeat; checkboxes send `ja`).
fn draft_from_fields(fields: &[(String, String)]) -> monitor::IndicatorDraft {
    let one = |name: &str| {
        fields.iter().find(|(key, _)| key == name).map(|(_, value)| value.trim_end().to_owned()).unwrap_or_default()
    };
    monitor::IndicatorDraft {
        code: one("code"),
        name: one("name"),
        definition: one("definition"),
        unit: one("unit"),
        direction: one("direction"),
        theme: one("theme"),
        kind: one("kind"),
        source: one("source"),
        owner_partner: one("owner"),
        status: one("status"),
        is_key: one("is_key") == "ja",
        is_published: one("is_published") == "ja",
        decimals: one("decimals"),
        programmes: fields.iter().filter(|(key, _)| key == "programme").map(|(_, value)| value.clone()).collect(),
    }
}

/// The problems of a refused draft in the viewer's language; other failures go back as errors.
fn indicator_problems(texts: &Texts, error: MonitorError) -> AppResult<FormErrors> {
    match error {
        MonitorError::Fields(problems) => Ok(problems
            .into_iter()
            .fold(FormErrors::none(), |errors, (field, message)| errors.and(FormErrors::one(field, texts.t(message))))),
        other => Err(other.into()),
    }
}

/// The draft a new indicator's form starts from.
fn blank_draft() -> monitor::IndicatorDraft {
    monitor::IndicatorDraft {
        unit: Unit::Percentage.code().to_owned(),
        direction: Direction::HigherIsBetter.code().to_owned(),
        status: IndicatorStatus::Candidate.code().to_owned(),
        decimals: "1".to_owned(),
        ..monitor::IndicatorDraft::default()
    }
}

/// An empty form for a new indicator.
pub(crate) async fn new_indicator_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<IndicatorFormPage> {
    let offered = monitor::new_indicator(state.app(), &caller).await?;
    Ok(indicator_form_page(layout, offered, None, blank_draft(), FormErrors::none()))
}

/// Adds an indicator; on success to its page, else the form again with every problem.
pub(crate) async fn create_indicator(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let draft = draft_from_fields(&fields);
    match monitor::create_indicator(state.app(), &caller, &draft).await {
        Ok(code) => {
            Ok(notice::redirect(&format!("/monitor/indicator/{code}"), Notice::new("notice-indicator-created")))
        }
        Err(error) => {
            let errors = indicator_problems(&layout.texts, error)?;
            let offered = monitor::new_indicator(state.app(), &caller).await?;
            let page = indicator_form_page(layout, offered, None, draft, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The form filled with the indicator with `code`.
pub(crate) async fn edit_indicator_form(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
) -> AppResult<IndicatorFormPage> {
    let (code, draft, offered) = monitor::edit_indicator(state.app(), &caller, &code).await?;
    Ok(indicator_form_page(layout, offered, Some(&code), draft, FormErrors::none()))
}

/// Changes the indicator with `code`; on success to its page, else the form again.
pub(crate) async fn update_indicator(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let draft = draft_from_fields(&fields);
    match monitor::update_indicator(state.app(), &caller, &code, &draft).await {
        Ok(stored_code) => {
            Ok(notice::redirect(&format!("/monitor/indicator/{stored_code}"), Notice::new("notice-indicator-saved")))
        }
        Err(error) => {
            let errors = indicator_problems(&layout.texts, error)?;
            let offered = monitor::new_indicator(state.app(), &caller).await?;
            let page = indicator_form_page(layout, offered, Some(code.trim()), draft, errors);
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
