//! An area's profile (`/monitor/gebied/{code}`): its index per theme, a card per indicator, its
//! buurten and its wijkagenda; the same as a printable report, as PDF, and as CSV or XLSX.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use wijkbeeld_app::Caller;
use wijkbeeld_app::monitor::{self, AreaProfile};
use wijkbeeld_domain::analysis::{Band, Movement};
use wijkbeeld_domain::area::AreaLevel;
use wijkbeeld_domain::dutch::long_date;
use wijkbeeld_domain::period::Period;

use super::{
    Aggregate, MonitorQuery, Scored, band_tone, period_choices, points_of, score_reference, score_text, signed,
    status_tone, value_text,
};
use crate::charts::{self, Bar, BarChart, Tone};
use crate::error::AppResult;
use crate::exports::{Table, TableFormat};
use crate::forms::Choice;
use crate::i18n::{Argument, Texts, vocabulary_id};
use crate::layout::Layout;
use crate::{AppError, AppState};

/// A theme's score in the profile.
pub(crate) struct ThemeLine {
    name: String,
    scored: Aggregate,
}

/// An indicator's card.
pub(crate) struct CardView {
    code: String,
    name: String,
    href: String,
    definition: String,
    meta: String,
    status: Option<String>,
    value: String,
    value_period: String,
    sparkline: String,
    city: String,
    change: String,
    change_class: &'static str,
    trend: String,
    target: Option<String>,
    target_status: Option<(String, &'static str)>,
    scored: Option<Scored>,
    /// What the score compares with: "beter dan het gemiddelde van de wijken in basisjaar 2022 (= 100)".
    score_reference: String,
    excluded: Option<String>,
    series: Vec<(String, String, String)>,
}

/// A smaller area within the profiled one.
pub(crate) struct ChildLine {
    name: String,
    href: String,
    index: Aggregate,
}

/// A priority on the area's agenda with its actions, or the actions serving no priority.
pub(crate) struct AgendaGroup {
    title: String,
    description: Option<String>,
    actions: Vec<AgendaLine>,
}

/// An action on the area's agenda.
pub(crate) struct AgendaLine {
    title: String,
    description: Option<String>,
    owner: String,
    status: String,
    dates: String,
    /// The indicators it should move that the viewer sees: anchor and name.
    indicators: Vec<(String, String)>,
}

/// A theme's cards.
pub(crate) struct ThemeCards {
    name: String,
    cards: Vec<CardView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "monitor/profile.html")]
pub(crate) struct ProfilePage {
    layout: Layout,
    synthetic: bool,
    name: String,
    code: String,
    level_name: String,
    parent: Option<(String, String)>,
    period: String,
    periods: Vec<Choice>,
    show_levels: bool,
    level: String,
    levels: Vec<Choice>,
    base_period: String,
    index: Aggregate,
    objective: Aggregate,
    subjective: Aggregate,
    themes: Vec<ThemeLine>,
    theme_chart: String,
    themes_cards: Vec<ThemeCards>,
    children_heading: String,
    children: Vec<ChildLine>,
    show_agenda: bool,
    agenda_heading: String,
    agenda: Vec<AgendaGroup>,
    report: bool,
    report_href: String,
    report_pdf_href: String,
    export_href: String,
    has_index: bool,
}

pub(crate) async fn profile(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<ProfilePage> {
    profile_page(state, caller, layout, code, query, false).await
}

pub(crate) async fn report(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<ProfilePage> {
    profile_page(state, caller, layout, code, query, true).await
}

/// `GET /monitor/gebied/{code}/rapportage.pdf`: the wijkrapportage as PDF, for the council's
/// annual evaluation.
pub(crate) async fn report_pdf(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path(code): Path<String>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let texts = layout.texts;
    let profile = monitor::area_profile(state.app(), &caller, &code, query.period()?).await?;
    let municipality = layout.municipality.clone().unwrap_or_default();
    let report = area_report(&texts, &profile, profile.synthetic, municipality, caller.today());
    let bytes = tokio::task::spawn_blocking(move || wijkbeeld_render::render_area_report(&report))
        .await
        .map_err(|error| AppError::Internal(error.to_string()))?
        .map_err(|error| AppError::Internal(error.to_string()))?;
    let name = format!("wijkrapportage-{}-{}.pdf", profile.area.code, profile.period);
    Ok(crate::pages::file_response("application/pdf", &name, bytes))
}

/// The profile as the PDF's data: every text as the HTML report writes it.
fn area_report(
    texts: &Texts,
    profile: &AreaProfile,
    synthetic: bool,
    municipality: String,
    today: time::Date,
) -> wijkbeeld_render::AreaReport {
    use wijkbeeld_render::{ReportChild, ReportIndex, ReportIndicator, ReportPoint, ReportSection, ReportTheme};
    let scored = |score: Option<f64>, coverage| Aggregate::of(texts, score, coverage).line();
    let band = |score: Option<f64>| Scored::of(texts, score).map(|scored| scored.band).unwrap_or_default();
    let index = profile.index.as_ref().map(|index| ReportIndex {
        value: scored(index.index, index.coverage),
        band: band(index.index),
        objective: scored(index.objective, index.objective_coverage),
        subjective: scored(index.subjective, index.subjective_coverage),
    });
    let themes = profile
        .index
        .as_ref()
        .map(|index| {
            index
                .themes
                .iter()
                .map(|(theme, score)| ReportTheme {
                    name: texts.t(&vocabulary_id("theme", theme.code())),
                    score: scored(*score, index.theme_coverage.get(theme).copied().unwrap_or_default()),
                    band: band(*score),
                    score_value: *score,
                })
                .collect()
        })
        .unwrap_or_default();
    let mut sections: Vec<ReportSection> = Vec::new();
    for card in &profile.cards {
        let theme = texts.t(&vocabulary_id("theme", card.indicator.theme.code()));
        let view = card_view(texts, profile, card);
        let indicator = &card.indicator;
        let since_baseline = card
            .reading
            .since_baseline
            .map(|change| {
                texts.with(
                    "monitor-change",
                    &[
                        (
                            "difference",
                            Argument::Text(&signed(texts, change.difference, usize::from(indicator.decimals))),
                        ),
                        ("from", Argument::Text(&change.from.to_string())),
                        (
                            "movement",
                            Argument::Text(
                                &texts.t(&vocabulary_id("movement", change.movement(indicator.direction).code())),
                            ),
                        ),
                    ],
                )
            })
            .unwrap_or_else(|| texts.t("monitor-no-change"));
        let row = ReportIndicator {
            name: indicator.name.clone(),
            unit: String::new(),
            value: if view.value_period.is_empty() {
                view.value.clone()
            } else {
                format!("{} ({})", view.value, view.value_period)
            },
            city_value: view.city.clone(),
            since_previous: view.change.clone(),
            since_baseline,
            trend: view.trend.clone(),
            target: view.target.clone().unwrap_or_default(),
            target_status: view.target_status.as_ref().map(|(label, _)| label.clone()).unwrap_or_default(),
            score: match (&view.scored, &view.excluded) {
                (Some(scored), _) => format!("{} {} {}", scored.marker, scored.text, view.score_reference),
                (None, Some(why)) => why.clone(),
                (None, None) => String::new(),
            },
            series: card
                .series
                .iter()
                .map(|point| ReportPoint {
                    period: point.period.to_string(),
                    value: Some(point.value),
                    display: value_text(texts, indicator, point.value),
                })
                .collect(),
        };
        match sections.last_mut() {
            Some(last) if last.theme == theme => last.indicators.push(row),
            _ => sections.push(ReportSection { theme, indicators: vec![row] }),
        }
    }
    let children = profile
        .children
        .iter()
        .map(|child| {
            let index = child.index.as_ref().and_then(|index| index.index);
            ReportChild {
                name: child.area.name.clone(),
                code: child.area.code.to_string(),
                index: scored(index, child.index.as_ref().map(|index| index.coverage).unwrap_or_default()),
                band: band(index),
            }
        })
        .collect();
    let mut method = vec![
        format!(
            "{} score = 100 + 10 · d · (x − μ) / σ. {}",
            texts.t("method-index-yardstick"),
            texts.t("method-index-terms")
        ),
        texts.t("method-index-themes"),
    ];
    if let Some(base) = profile.base_period {
        method.push(texts.with("monitor-index-explained", &[("period", Argument::Text(&base.to_string()))]));
    }
    method.extend([
        texts.t("monitor-legend-bands"),
        format!("{} √(m₁² + m₂²).", texts.t("method-change")),
        texts.t("method-trend"),
        texts.t("method-target-city"),
    ]);
    wijkbeeld_render::AreaReport {
        municipality,
        area_name: profile.area.name.clone(),
        area_code: profile.area.code.to_string(),
        level: texts.t(&vocabulary_id("level", profile.area.level.code())),
        parent: profile.parent.as_ref().map(|parent| parent.name.clone()),
        period: profile.period.to_string(),
        base_period: profile.base_period.map(|period| period.to_string()),
        notices: if synthetic { vec![texts.t("monitor-synthetic-report")] } else { Vec::new() },
        index,
        themes,
        sections,
        children_heading: profile
            .children
            .first()
            .map(|child| texts.t(&vocabulary_id("level-plural", child.area.level.code())))
            .unwrap_or_default(),
        children,
        method,
        generated: texts.with("monitor-report-generated", &[("date", Argument::Text(&long_date(today)))]),
    }
}

async fn profile_page(
    state: AppState,
    caller: Caller,
    layout: Layout,
    code: String,
    query: MonitorQuery,
    report: bool,
) -> AppResult<ProfilePage> {
    let texts = layout.texts;
    let profile = monitor::area_profile(state.app(), &caller, &code, query.period()?).await?;
    let synthetic = profile.synthetic;
    let area = &profile.area;
    let themes: Vec<ThemeLine> = profile
        .index
        .as_ref()
        .map(|index| {
            index
                .themes
                .iter()
                .map(|(theme, score)| ThemeLine {
                    name: texts.t(&vocabulary_id("theme", theme.code())),
                    scored: Aggregate::of(&texts, *score, index.theme_coverage.get(theme).copied().unwrap_or_default()),
                })
                .collect()
        })
        .unwrap_or_default();
    let theme_chart = theme_chart(&texts, &profile);
    let mut themes_cards: Vec<ThemeCards> = Vec::new();
    for card in &profile.cards {
        let name = texts.t(&vocabulary_id("theme", card.indicator.theme.code()));
        let view = card_view(&texts, &profile, card);
        match themes_cards.last_mut() {
            Some(last) if last.name == name => last.cards.push(view),
            _ => themes_cards.push(ThemeCards { name, cards: vec![view] }),
        }
    }
    let children_heading = profile
        .children
        .first()
        .map(|child| texts.t(&vocabulary_id("level-plural", child.area.level.code())))
        .unwrap_or_default();
    let children = profile
        .children
        .iter()
        .map(|child| ChildLine {
            name: child.area.name.clone(),
            href: format!("/monitor/gebied/{}?periode={}", child.area.code, profile.period),
            index: Aggregate::of(
                &texts,
                child.index.as_ref().and_then(|index| index.index),
                child.index.as_ref().map(|index| index.coverage).unwrap_or_default(),
            ),
        })
        .collect();
    let agenda_heading = match profile.agenda.year {
        Some(year) => texts.with("monitor-agenda-heading", &[("year", Argument::Text(&year.to_string()))]),
        None => texts.t("monitor-agenda-heading-none"),
    };
    let agenda = agenda_groups(&texts, &profile);
    let index = profile.index.as_ref();
    let layout = layout.trail(&[("/monitor", "monitor-title"), ("", "monitor-profile-title")]);
    let layout = layout.with_last_crumb(&area.name);
    Ok(ProfilePage {
        synthetic,
        name: area.name.clone(),
        code: area.code.to_string(),
        level_name: texts.t(&vocabulary_id("level", area.level.code())),
        parent: profile
            .parent
            .as_ref()
            .map(|parent| (format!("/monitor/gebied/{}?periode={}", parent.code, profile.period), parent.name.clone())),
        period: profile.period.to_string(),
        periods: period_choices(&profile.periods),
        show_levels: false,
        level: String::new(),
        levels: Vec::new(),
        base_period: profile.base_period.map(|period| period.to_string()).unwrap_or_default(),
        has_index: index.is_some(),
        index: Aggregate::of(
            &texts,
            index.and_then(|index| index.index),
            index.map(|index| index.coverage).unwrap_or_default(),
        ),
        objective: Aggregate::of(
            &texts,
            index.and_then(|index| index.objective),
            index.map(|index| index.objective_coverage).unwrap_or_default(),
        ),
        subjective: Aggregate::of(
            &texts,
            index.and_then(|index| index.subjective),
            index.map(|index| index.subjective_coverage).unwrap_or_default(),
        ),
        themes,
        theme_chart,
        themes_cards,
        children_heading,
        children,
        show_agenda: area.level == AreaLevel::District || !agenda.is_empty(),
        agenda_heading,
        agenda,
        report,
        report_href: format!("/monitor/gebied/{}/rapportage?periode={}", area.code, profile.period),
        report_pdf_href: format!("/monitor/gebied/{}/rapportage.pdf?periode={}", area.code, profile.period),
        export_href: format!("/monitor/gebied/{}/data.csv?periode={}", area.code, profile.period),
        layout,
    })
}

/// The agenda's priorities in order, each with its actions, then the actions serving none.
fn agenda_groups(texts: &Texts, profile: &AreaProfile) -> Vec<AgendaGroup> {
    let agenda = &profile.agenda;
    let line = |action: &wijkbeeld_domain::agenda::Action| AgendaLine {
        title: action.title.clone(),
        description: action.description.clone(),
        owner: action
            .owner_partner_id
            .and_then(|owner| agenda.partners.get(&owner).cloned())
            .unwrap_or_else(|| texts.t("monitor-agenda-owner-municipality")),
        status: texts.t(&vocabulary_id("action-status", action.status.code())),
        dates: match (action.start_date, action.end_date) {
            (Some(start), Some(end)) => format!("{} – {}", long_date(start), long_date(end)),
            (Some(start), None) => format!("{} –", long_date(start)),
            (None, Some(end)) => format!("– {}", long_date(end)),
            (None, None) => String::new(),
        },
        indicators: action
            .indicator_ids
            .iter()
            .filter_map(|id| profile.cards.iter().find(|card| card.indicator.id == *id))
            .map(|card| (format!("#indicator-{}", card.indicator.code), card.indicator.name.clone()))
            .collect(),
    };
    let mut groups: Vec<AgendaGroup> = agenda
        .priorities
        .iter()
        .map(|priority| AgendaGroup {
            title: format!("{}. {}", priority.position, priority.title),
            description: priority.description.clone(),
            actions: agenda.actions.iter().filter(|action| action.priority_id == Some(priority.id)).map(line).collect(),
        })
        .collect();
    let other: Vec<AgendaLine> =
        agenda.actions.iter().filter(|action| action.priority_id.is_none()).map(line).collect();
    if !other.is_empty() {
        groups.push(AgendaGroup { title: texts.t("monitor-agenda-other"), description: None, actions: other });
    }
    groups
}

fn theme_chart(texts: &Texts, profile: &AreaProfile) -> String {
    let Some(index) = &profile.index else { return String::new() };
    let bars = index
        .themes
        .iter()
        .map(|(theme, score)| Bar {
            label: texts.t(&vocabulary_id("theme", theme.code())),
            // Drawn from the average (100), so that the bars show how far a theme lies above or below it.
            value: score.map(|score| score - 100.0),
            value_label: score.map(|score| score_text(texts, score)).unwrap_or_default(),
            tone: score.map_or(Tone::Unknown, |score| band_tone(Band::of(score))),
            highlight: false,
        })
        .collect();
    let title = texts.with("monitor-theme-chart-title", &[("area", Argument::Text(&profile.area.name))]);
    charts::bar_chart(&BarChart {
        id: "themas",
        title: &title,
        description: "",
        bars,
        reference: Some((0.0, texts.t("monitor-city-average"))),
        no_value_label: &texts.t("monitor-no-value"),
    })
}

fn card_view(texts: &Texts, profile: &AreaProfile, card: &monitor::Card) -> CardView {
    let indicator = &card.indicator;
    let reading = &card.reading;
    let digits = usize::from(indicator.decimals);
    let (change, change_class) = match reading.since_previous {
        Some(change) => {
            let movement = change.movement(indicator.direction);
            let class = match movement {
                Movement::Better => "change--better",
                Movement::Worse => "change--worse",
                Movement::Stable | Movement::Changed => "change--stable",
            };
            (
                texts.with(
                    "monitor-change",
                    &[
                        ("difference", Argument::Text(&signed(texts, change.difference, digits))),
                        ("from", Argument::Text(&change.from.to_string())),
                        ("movement", Argument::Text(&texts.t(&vocabulary_id("movement", movement.code())))),
                    ],
                ),
                class,
            )
        }
        None => (texts.t("monitor-no-change"), "change--stable"),
    };
    let trend = reading
        .trend
        .map(|trend| {
            texts.with(
                "monitor-trend",
                &[
                    ("slope", Argument::Text(&signed(texts, trend.slope_per_year, digits + 1))),
                    ("periods", Argument::Number(trend.periods as i64)),
                ],
            )
        })
        .unwrap_or_else(|| texts.t("monitor-no-trend"));
    let target = card.target.as_ref().map(|(target, own)| {
        texts.with(
            if *own { "monitor-target-own" } else { "monitor-target-city" },
            &[
                ("value", Argument::Text(&value_text(texts, indicator, target.value))),
                ("period", Argument::Text(&target.target_period.to_string())),
                ("baseline", Argument::Text(&target.baseline_period.to_string())),
            ],
        )
    });
    let title = texts.with("monitor-sparkline-title", &[("indicator", Argument::Text(&indicator.name))]);
    let sparkline =
        charts::sparkline(&format!("spark-{}", indicator.code.to_lowercase()), &title, &points_of(&card.series));
    let city_by_period: std::collections::HashMap<Period, f64> =
        card.city.iter().map(|point| (point.period, point.value)).collect();
    CardView {
        code: indicator.code.clone(),
        name: indicator.name.clone(),
        href: format!(
            "/monitor/indicator/{}?niveau={}&periode={}",
            indicator.code,
            level_for_indicator_link(profile),
            profile.period
        ),
        definition: indicator.definition.clone(),
        meta: format!(
            "{} · {} · {}",
            texts.t(&vocabulary_id("unit", indicator.unit.code())),
            texts.t(&vocabulary_id("kind", indicator.kind.code())),
            indicator.source
        ),
        status: (!monitor::counts_in_index(indicator)).then(|| {
            if indicator.is_published || indicator.status != wijkbeeld_domain::monitor::IndicatorStatus::Adopted {
                texts.t(&vocabulary_id("indicator-status", indicator.status.code()))
            } else {
                texts.t("monitor-unpublished")
            }
        }),
        value: reading
            .latest
            .map(|latest| value_text(texts, indicator, latest.value))
            .unwrap_or_else(|| texts.t("monitor-no-value")),
        value_period: reading.latest.map(|latest| latest.period.to_string()).unwrap_or_default(),
        sparkline,
        city: reading
            .city_value
            .map(|city| value_text(texts, indicator, city))
            .unwrap_or_else(|| texts.t("monitor-no-value")),
        change,
        change_class,
        trend,
        target,
        target_status: reading
            .target_status
            .map(|status| (texts.t(&vocabulary_id("target-status", status.code())), status_tone(status).class())),
        scored: Scored::of(texts, card.score),
        score_reference: card
            .score
            .map(|score| score_reference(texts, score, profile.area.level, profile.base_period))
            .unwrap_or_default(),
        excluded: card.exclusion.map(|why| texts.t(&vocabulary_id("exclusion", why.code()))),
        series: card
            .series
            .iter()
            .map(|point| {
                (
                    point.period.to_string(),
                    value_text(texts, indicator, point.value),
                    city_by_period
                        .get(&point.period)
                        .map(|city| value_text(texts, indicator, *city))
                        .unwrap_or_default(),
                )
            })
            .collect(),
    }
}

fn level_for_indicator_link(profile: &AreaProfile) -> &'static str {
    match profile.area.level {
        AreaLevel::Neighbourhood => AreaLevel::Neighbourhood.code(),
        _ => AreaLevel::District.code(),
    }
}

pub(crate) async fn profile_export(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Path((code, file)): Path<(String, String)>,
    Query(query): Query<MonitorQuery>,
) -> AppResult<Response> {
    let format = TableFormat::from_file_name(&file, "data").ok_or(AppError::NotFound)?;
    let texts = layout.texts;
    let profile = monitor::area_profile(state.app(), &caller, &code, query.period()?).await?;
    let headers = [
        "monitor-column-code",
        "monitor-column-indicator",
        "monitor-column-theme",
        "monitor-column-period",
        "monitor-column-value",
        "monitor-column-score",
        "monitor-column-change",
        "monitor-column-trend",
        "monitor-column-city",
        "monitor-column-target-status",
    ]
    .iter()
    .map(|id| texts.t(id))
    .collect();
    let mut table = Table::new(format!("{} {}", profile.area.name, profile.period), headers);
    for card in &profile.cards {
        let reading = &card.reading;
        table.push(vec![
            card.indicator.code.clone().into(),
            card.indicator.name.clone().into(),
            texts.t(&vocabulary_id("theme", card.indicator.theme.code())).into(),
            reading.latest.map(|latest| latest.period.to_string()).unwrap_or_default().into(),
            reading.latest.map(|latest| latest.value).into(),
            card.score.into(),
            reading.since_previous.map(|change| change.difference).into(),
            reading.trend.map(|trend| trend.slope_per_year).into(),
            reading.city_value.into(),
            reading
                .target_status
                .map(|status| texts.t(&vocabulary_id("target-status", status.code())))
                .unwrap_or_default()
                .into(),
        ]);
    }
    table.respond(format, &format!("wijkbeeld-{}-{}", profile.area.code, profile.period))
}
