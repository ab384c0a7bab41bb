//! wijkbeeld's web server: the router with its HTML pages, JSON API and health check, the
//! shared [`AppState`], and [`serve`], which runs the router until a shutdown signal.
//!
//! Handlers are thin: they read the request, call one use case of `wijkbeeld_app` with the
//! request's [`wijkbeeld_app::Caller`], and render. [`app`] builds the whole site so that tests
//! can drive it in-process. This is the only crate that knows HTTP.

mod api;
mod assets;
mod audit_filter;
pub mod auth;
pub mod charts;
mod error;
mod exports;
mod forms;
mod handover;
mod health;
pub mod i18n;
mod layout;
mod limits;
pub mod mail;
mod notice;
mod pages;
pub mod theme;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderName, HeaderValue, header};
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use wijkbeeld_app::App;
use wijkbeeld_domain::access::Permission;

pub use auth::policy::{Access, Kind, Policy, RouteEntry, refusal_status};
pub use error::{AppError, AppResult};
pub use wijkbeeld_app::{Clock, Store};

use auth::policy::Site;

/// How the server is deployed.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The municipality's name, logo and colours.
    pub theme: Arc<theme::Theme>,
    /// Mark cookies Secure: the site is served over HTTPS (also assumed per request when a proxy
    /// sends `X-Forwarded-Proto: https`).
    pub secure_cookies: bool,
    /// Take the client's address from `X-Forwarded-For`: only behind a proxy that sets it.
    pub trust_proxy: bool,
    /// The address the site is reached at (`https://raad.example.nl`), for links in e-mail.
    pub public_url: Option<String>,
    /// Whether a mail server is configured: without one, messages wait in the outbox.
    pub mail_configured: bool,
}

/// What every handler shares: the application and how it is deployed. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState {
    app: App,
    settings: Arc<Settings>,
}

impl AppState {
    /// State over a store, reading the time from `clock`, with default settings.
    pub fn new(store: Store, clock: Clock) -> Self {
        AppState::with_settings(store, clock, Settings::default())
    }

    /// State with deployment settings.
    pub fn with_settings(store: Store, clock: Clock, settings: Settings) -> Self {
        AppState::of(App::new(store, clock), settings)
    }

    /// State over an application opened elsewhere (by the command line, which serves it).
    pub fn of(app: App, settings: Settings) -> Self {
        AppState { app, settings: Arc::new(settings) }
    }

    /// The deployment settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The application.
    pub fn app(&self) -> &App {
        &self.app
    }
}

/// Every route, with who may use it. The only place routes are declared.
fn site() -> Site {
    use Kind::{Api, Page};
    use Policy::{Public, SignedIn};
    const PLANNERS: Policy = Policy::Allowed(Permission::PlanMarkets);
    const MONITOR_EDITORS: Policy = Policy::Allowed(Permission::KeepMonitor);
    const PROPOSAL_WRITERS: Policy = Policy::Allowed(Permission::DraftProposals);
    const PROPOSAL_EDITORS: Policy = Policy::Allowed(Permission::EditProposals);
    const AUDIT_READERS: Policy = Policy::Allowed(Permission::ReadAudit);
    const ADMINS: Policy = Policy::Allowed(Permission::ManageAccounts);
    // The griffie records any session's outcome, a councillor only that of a session they chair:
    // the chair's policy lets councillors in, and the use case then admits only the chair.
    const OUTCOME_RECORDERS: Policy = Policy::Allowed(Permission::ChairSessions);
    const INDICATOR_SETTLERS: Policy = Policy::Allowed(Permission::SettleIndicators);
    const SPEAKER_KEEPERS: Policy = Policy::Allowed(Permission::ManageSpeakers);
    const OUTBOX_READERS: Policy = Policy::Allowed(Permission::ReadOutbox);
    const CHAIRS: Policy = Policy::Allowed(Permission::ChairSessions);
    const ATTENDERS: Policy = Policy::Allowed(Permission::MarkAttendance);
    Site::new()
        .get("/", Page, Public, pages::home::show)
        .get("/healthz", Api, Public, health::check)
        .get("/static/{*file}", Page, Public, assets::serve)
        .get("/taal", Page, Public, layout::choose_language)
        .get("/inloggen", Page, Public, pages::sign_in::form)
        .post("/inloggen", Page, Public, pages::sign_in::submit)
        .post("/uitloggen", Page, SignedIn, pages::sign_in::sign_out)
        .get("/markt", Page, Public, pages::market::list)
        .get("/markt/nieuw", Page, PLANNERS, pages::evening_form::new_form)
        .post("/markt/nieuw", Page, PLANNERS, pages::evening_form::create)
        .get("/markt/{id}", Page, Public, pages::market::show)
        .get("/markt/{id}/bewerken", Page, PLANNERS, pages::evening_form::edit_form)
        .post("/markt/{id}/bewerken", Page, PLANNERS, pages::evening_form::update)
        .post("/markt/{id}/publiceren", Page, PLANNERS, pages::evening_form::publish)
        .post("/markt/{id}/intrekken", Page, PLANNERS, pages::evening_form::unpublish)
        .post("/markt/{id}/planner", Page, PLANNERS, pages::market::propose)
        .post("/markt/{id}/plan", Page, PLANNERS, pages::market::accept)
        .post("/markt/{id}/verplaatsen", Page, PLANNERS, pages::market::move_session)
        .get("/markt/{id}/bezetting", Page, PLANNERS, pages::market::attendance_form)
        .post("/markt/{id}/bezetting", Page, PLANNERS, pages::market::save_attendance)
        .get("/sessies/{id}/uitkomst", Page, Public, pages::outcome::show)
        .get("/sessies/{id}/uitkomst/bewerken", Page, OUTCOME_RECORDERS, pages::outcome::edit_form)
        .post("/sessies/{id}/uitkomst/bewerken", Page, OUTCOME_RECORDERS, pages::outcome::record)
        .get("/toezeggingen", Page, Public, pages::outcome::overview)
        .get("/toezeggingen.csv", Page, Public, pages::outcome::export)
        .get("/toezeggingen/portefeuillehouder/{id}", Page, Public, pages::outcome::holder_list)
        .get("/sessies/{id}", Page, Public, pages::speaking::show)
        .upload("/sessies/{id}/aanmelden", Page, Public, pages::speaking::register)
        .get("/sessies/{id}/spreekrecht", Page, SPEAKER_KEEPERS, pages::speaking::rules_form)
        .post("/sessies/{id}/spreekrecht", Page, SPEAKER_KEEPERS, pages::speaking::save_rules)
        .get("/aanmelding/{token}", Page, Public, pages::speaking::registration)
        .upload("/aanmelding/{token}", Page, Public, pages::speaking::change)
        .post("/aanmelding/{token}/afmelden", Page, Public, pages::speaking::cancel)
        .get("/monitor", Page, Public, pages::monitor::overview)
        .get("/monitor/methode", Page, Public, pages::monitor::method)
        .get("/monitor/export/{file}", Page, Public, pages::monitor::overview_export)
        .get("/monitor/importeren", Page, MONITOR_EDITORS, pages::monitor::import_form)
        .upload("/monitor/importeren", Page, MONITOR_EDITORS, pages::monitor::import)
        .get("/monitor/importeren/sjabloon.csv", Page, MONITOR_EDITORS, pages::monitor::import_template)
        .get("/monitor/importeren/controle/{token}", Page, MONITOR_EDITORS, pages::monitor::import_preview)
        .post("/monitor/importeren/controle/{token}", Page, MONITOR_EDITORS, pages::monitor::store_import)
        .post(
            "/monitor/importeren/controle/{token}/niet-opslaan",
            Page,
            MONITOR_EDITORS,
            pages::monitor::discard_import,
        )
        .get("/monitor/indicatoren", Page, MONITOR_EDITORS, pages::monitor::indicators)
        .get("/monitor/indicatoren/nieuw", Page, MONITOR_EDITORS, pages::monitor::new_indicator_form)
        .post("/monitor/indicatoren/nieuw", Page, MONITOR_EDITORS, pages::monitor::create_indicator)
        .get("/monitor/indicatoren/{code}/bewerken", Page, MONITOR_EDITORS, pages::monitor::edit_indicator_form)
        .post("/monitor/indicatoren/{code}/bewerken", Page, MONITOR_EDITORS, pages::monitor::update_indicator)
        .get("/monitor/indicatoren/{code}/vaststellen", Page, INDICATOR_SETTLERS, pages::outcome::settle_form)
        .post("/monitor/indicatoren/{code}/vaststellen", Page, INDICATOR_SETTLERS, pages::outcome::settle)
        .get("/monitor/indicatoren/{code}/streefwaarden", Page, MONITOR_EDITORS, pages::monitor::settings::targets)
        .post(
            "/monitor/indicatoren/{code}/streefwaarden",
            Page,
            MONITOR_EDITORS,
            pages::monitor::settings::create_target,
        )
        .get(
            "/monitor/indicatoren/{code}/streefwaarden/{id}/bewerken",
            Page,
            MONITOR_EDITORS,
            pages::monitor::settings::edit_target_form,
        )
        .post(
            "/monitor/indicatoren/{code}/streefwaarden/{id}/bewerken",
            Page,
            MONITOR_EDITORS,
            pages::monitor::settings::update_target,
        )
        .post(
            "/monitor/indicatoren/{code}/streefwaarden/{id}/verwijderen",
            Page,
            MONITOR_EDITORS,
            pages::monitor::settings::delete_target,
        )
        .get("/monitor/cbs-koppelingen", Page, MONITOR_EDITORS, pages::monitor::settings::cbs_mappings)
        .post("/monitor/cbs-koppelingen", Page, MONITOR_EDITORS, pages::monitor::settings::set_cbs_mapping)
        .post(
            "/monitor/cbs-koppelingen/verwijderen",
            Page,
            MONITOR_EDITORS,
            pages::monitor::settings::delete_cbs_mapping,
        )
        .get("/monitor/gebied/{code}", Page, Public, pages::monitor::profile)
        .get("/monitor/gebied/{code}/rapportage", Page, Public, pages::monitor::report)
        .get("/monitor/gebied/{code}/rapportage.pdf", Page, Public, pages::monitor::report_pdf)
        .get("/monitor/gebied/{code}/{file}", Page, Public, pages::monitor::profile_export)
        .get("/monitor/indicator/{code}", Page, Public, pages::monitor::indicator)
        .get("/monitor/indicator/{code}/{file}", Page, Public, pages::monitor::indicator_export)
        .get("/voorstellen", Page, Public, pages::proposals::list)
        .get("/voorstellen/nieuw", Page, PROPOSAL_WRITERS, pages::proposals::new_form)
        .post("/voorstellen/nieuw", Page, PROPOSAL_WRITERS, pages::proposals::create)
        .get("/voorstellen/importeren", Page, PROPOSAL_WRITERS, pages::proposals::import::import_form)
        .upload("/voorstellen/importeren", Page, PROPOSAL_WRITERS, pages::proposals::import::check)
        .post("/voorstellen/importeren/bevestigen", Page, PROPOSAL_WRITERS, pages::proposals::import::confirm)
        .get("/voorstellen/{id}", Page, Public, pages::proposals::show)
        .get("/voorstellen/{id}/pdf", Page, Public, pages::proposals::pdf)
        .get("/voorstellen/{id}/html", Page, Public, pages::proposals::html)
        .get("/voorstellen/{id}/bewerken", Page, PROPOSAL_EDITORS, pages::proposals::edit_form)
        .post("/voorstellen/{id}/bewerken", Page, PROPOSAL_EDITORS, pages::proposals::update)
        .post("/voorstellen/{id}/status", Page, PROPOSAL_EDITORS, pages::proposals::change_state)
        .upload("/voorstellen/{id}/bijlagen", Page, PROPOSAL_EDITORS, pages::proposals::upload)
        .get("/voorstellen/{id}/bijlagen/{attachment}", Page, Public, pages::proposals::download)
        .get(
            "/voorstellen/{id}/bijlagen/{attachment}/verwijderen",
            Page,
            PROPOSAL_EDITORS,
            pages::proposals::confirm_removal,
        )
        .post(
            "/voorstellen/{id}/bijlagen/{attachment}/verwijderen",
            Page,
            PROPOSAL_EDITORS,
            pages::proposals::remove_attachment,
        )
        .get("/account", Page, SignedIn, pages::account::show)
        .post("/account/wachtwoord", Page, SignedIn, pages::account::change_password)
        .get("/audit", Page, AUDIT_READERS, pages::audit::show)
        .get("/audit.csv", Page, AUDIT_READERS, pages::audit::export)
        .get("/beheer/gebruikers", Page, ADMINS, pages::admin::users)
        .post("/beheer/gebruikers", Page, ADMINS, pages::admin::create_user)
        .get("/beheer/gebruikers/aangemaakt", Page, ADMINS, pages::admin::user_created)
        .post("/beheer/gebruikers/{id}/rol", Page, ADMINS, pages::admin::change_role)
        .get("/beheer/tokens", Page, ADMINS, pages::admin::tokens)
        .post("/beheer/tokens", Page, ADMINS, pages::admin::create_token)
        .get("/beheer/tokens/gemaakt", Page, ADMINS, pages::admin::token_created)
        .post("/beheer/tokens/{id}/intrekken", Page, ADMINS, pages::admin::revoke_token)
        .get("/beheer/uitgaande-post", Page, OUTBOX_READERS, pages::outbox::show)
        .post("/beheer/uitgaande-post/proefbericht", Page, OUTBOX_READERS, pages::outbox::send_test)
        .get("/api/v1/openapi.json", Api, Public, api::openapi::document)
        .get("/api/v1/areas", Api, Public, api::monitor::areas)
        .get("/api/v1/areas/{code}/analysis", Api, Public, api::monitor::analysis)
        .get("/api/v1/indicators", Api, Public, api::monitor::indicators)
        .get("/api/v1/measurements", Api, Public, api::monitor::measurements)
        .get("/api/v1/commitments", Api, Public, api::outcome::commitments)
        .get("/api/v1/sessions", Api, Public, api::speaking::sessions)
        .post("/api/v1/sessions/{id}/speakers", Api, Public, api::speaking::register)
        .get("/api/v1/me", Api, SignedIn, api::account::me)
        .get("/api/v1/audit", Api, AUDIT_READERS, api::account::audit)
        // The griffie's list of registrations, the running order and the chair's timer.
        .get("/sessies/{id}/aanmeldingen", Page, SPEAKER_KEEPERS, pages::chair::registrations)
        .get(
            "/sessies/{id}/aanmeldingen/{registration}/bijdrage.pdf",
            Page,
            SPEAKER_KEEPERS,
            pages::chair::contribution,
        )
        .get("/markt/{id}/aanmeldingen", Page, SPEAKER_KEEPERS, pages::chair::evening_registrations)
        .get("/sessies/{id}/sprekers", Page, SPEAKER_KEEPERS, pages::chair::running_order)
        .get("/sessies/{id}/spreektijd.csv", Page, SPEAKER_KEEPERS, pages::chair::export)
        .post("/sessies/{id}/sprekers/inloop", Page, SPEAKER_KEEPERS, pages::chair::add_walk_in)
        .post("/sessies/{id}/sprekers/{registration}/verplaatsen", Page, SPEAKER_KEEPERS, pages::chair::move_speaker)
        .get("/sessies/{id}/voorzitter", Page, CHAIRS, pages::chair::timer)
        .post("/sessies/{id}/voorzitter/{registration}/start", Page, CHAIRS, pages::chair::start)
        .post("/sessies/{id}/voorzitter/{registration}/stop", Page, CHAIRS, pages::chair::stop)
        .get("/mijn-raad", Page, ATTENDERS, pages::council::own_page)
        .post("/sessies/{id}/aanwezigheid", Page, ATTENDERS, pages::council::mark)
        .get("/planner/woordvoerders", Page, PLANNERS, pages::council::weight_form)
        .post("/planner/woordvoerders", Page, PLANNERS, pages::council::set_weight)
        .get("/api/v1/sessions/{id}/attendance", Api, Public, api::council::attendance)
}

/// Every route of the site with its policy, as declared: what the route-by-role test walks.
pub fn routes() -> Vec<RouteEntry> {
    site().into_parts().1
}

/// The headers every response carries: no script or style but the site's own, no framing, no
/// content sniffing, and no full addresses sent to other sites.
const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    ),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "strict-origin-when-cross-origin"),
    ("x-frame-options", "DENY"),
    ("permissions-policy", "camera=(), microphone=(), geolocation=()"),
    ("cross-origin-opener-policy", "same-origin"),
];

/// The whole site.
pub fn app(state: AppState) -> Router {
    let (router, _) = site().into_parts();
    let mut router = router
        .fallback(pages::not_found)
        // Inner to outer: the form-token guard and the page frame need the viewer that
        // `resolve` finds; the frame renders the error pages of everything inside it.
        .layer(axum::middleware::from_fn(auth::csrf::guard))
        .layer(axum::middleware::from_fn_with_state(state.clone(), layout::attach))
        .layer(axum::middleware::from_fn_with_state(state.clone(), auth::resolve));
    for (name, value) in SECURITY_HEADERS {
        router = router
            .layer(SetResponseHeaderLayer::overriding(HeaderName::from_static(name), HeaderValue::from_static(value)));
    }
    if state.settings().secure_cookies {
        // Served over HTTPS: browsers are to use nothing else for a year, so that no request
        // (and no cookie) ever goes out over plain HTTP.
        router = router.layer(SetResponseHeaderLayer::overriding(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        ));
    }
    router
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(
            // One line per request at INFO: method, path, status and latency.
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Serves the site on `listener` until `shutdown` completes, then finishes the requests in
/// flight and returns.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(state).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
}
