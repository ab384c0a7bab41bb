//! `GET /`: the home page — the municipality's market evenings and its wijken.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use wijkbeeld_store::demo;
use wijkbeeld_store::overview::{self, EveningSummary};

use super::Layout;
use crate::auth::Viewer;
use crate::error::AppResult;
use crate::{AppState, format};

/// A market evening as the home page shows it.
pub(crate) struct EveningView {
    date: String,
    iso_date: String,
    title: String,
    hours: Option<String>,
    extent: String,
    subjects: Vec<String>,
}

/// A wijk as the home page shows it.
pub(crate) struct WijkView {
    code: String,
    name: String,
    buurten: i64,
    inhabitants: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
pub(crate) struct HomePage {
    layout: Layout,
    body_name: String,
    demo_notice: Option<&'static str>,
    upcoming: Vec<EveningView>,
    past: Vec<EveningView>,
    wijken: Vec<WijkView>,
}

fn view(evening: EveningSummary) -> EveningView {
    let plural = |count: i64, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    EveningView {
        date: format::weekday_date(evening.date),
        iso_date: evening.date.to_string(),
        title: evening.title,
        hours: evening
            .starts_at
            .zip(evening.ends_at)
            .map(|(start, end)| format!("{}–{} uur", format::clock_time(start), format::clock_time(end))),
        extent: format!(
            "{} in {}",
            plural(evening.sessions, "sessie", "sessies"),
            plural(evening.rounds, "ronde", "rondes")
        ),
        subjects: evening.subjects,
    }
}

pub(crate) async fn show(State(state): State<AppState>, viewer: Viewer) -> AppResult<HomePage> {
    let mut tx = state.store().begin().await?;
    let home = overview::home(&mut tx, state.clock().today()).await?;
    let demo_loaded = demo::anchor(&mut tx).await?.is_some();
    Ok(HomePage {
        layout: Layout::new(&viewer),
        body_name: home.body_name.unwrap_or_else(|| "Nog geen gemeente ingericht".into()),
        demo_notice: demo_loaded.then_some(wijkbeeld_domain::demo::SYNTHETIC_NOTICE),
        upcoming: home.upcoming.into_iter().map(view).collect(),
        past: home.past.into_iter().map(view).collect(),
        wijken: home
            .wijken
            .into_iter()
            .map(|wijk| WijkView {
                code: wijk.code.to_string(),
                name: wijk.name,
                buurten: wijk.buurten,
                inhabitants: wijk.inhabitants.map(format::integer),
            })
            .collect(),
    })
}
