//! `GET /`: the home page — the municipality's market evenings and its wijken.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::State;
use wijkbeeld_app::Caller;
use wijkbeeld_app::home::{self, EveningSummary};

use crate::AppState;
use crate::error::AppResult;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;

/// A market evening as the home page shows it.
pub(crate) struct EveningView {
    href: String,
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
    demo: bool,
    upcoming: Vec<EveningView>,
    past: Vec<EveningView>,
    wijken: Vec<WijkView>,
}

fn view(texts: &Texts, evening: EveningSummary) -> EveningView {
    EveningView {
        href: format!("/markt/{}", evening.id),
        date: texts.weekday_date(evening.date),
        iso_date: evening.date.to_string(),
        title: evening.title,
        hours: evening.starts_at.zip(evening.ends_at).map(|(start, end)| {
            texts.with(
                "time-range",
                &[("start", Argument::Text(&texts.clock(start))), ("end", Argument::Text(&texts.clock(end)))],
            )
        }),
        extent: texts.with(
            "evening-extent",
            &[
                ("sessions", Argument::Text(&texts.count("count-sessions", evening.sessions))),
                ("rounds", Argument::Text(&texts.count("count-rounds", evening.rounds))),
            ],
        ),
        subjects: evening.subjects,
    }
}

pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<HomePage> {
    let home::Home { overview: home, demo } = home::home(state.app(), &caller).await?;
    let texts = layout.texts;
    Ok(HomePage {
        body_name: home.body_name.unwrap_or_else(|| texts.t("home-no-body")),
        demo,
        upcoming: home.upcoming.into_iter().map(|evening| view(&texts, evening)).collect(),
        past: home.past.into_iter().map(|evening| view(&texts, evening)).collect(),
        wijken: home
            .wijken
            .into_iter()
            .map(|wijk| WijkView {
                code: wijk.code.to_string(),
                name: wijk.name,
                buurten: wijk.buurten,
                inhabitants: wijk.inhabitants.map(|count| texts.integer(count)),
            })
            .collect(),
        layout,
    })
}
