//! The frame every HTML page shares: the municipality's name and logo, the navigation for the
//! viewer's role, breadcrumbs, the language switch, the sign-out form — and the error pages,
//! which are rendered here in the same frame and language as any other page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use wijkbeeld_app::Caller;
use wijkbeeld_domain::access::Permission;

use crate::AppState;
use crate::auth::Viewer;
use crate::auth::policy::{Access, Policy};
use crate::i18n::{Argument, Language, Texts};

/// The navigation: each link is shown to the viewers its page admits, by the same permissions
/// as the pages' routes.
const NAVIGATION: &[(&str, &str, Policy)] = &[
    ("/", "nav-home", Policy::Public),
    ("/markt", "nav-market", Policy::Public),
    ("/monitor", "nav-monitor", Policy::Public),
    ("/voorstellen", "nav-proposals", Policy::Public),
    ("/toezeggingen", "nav-commitments", Policy::Public),
    ("/mijn-raad", "nav-council-own", Policy::Allowed(Permission::MarkAttendance)),
    ("/audit", "nav-audit", Policy::Allowed(Permission::ReadAudit)),
    ("/beheer/uitgaande-post", "nav-outbox", Policy::Allowed(Permission::ReadOutbox)),
    ("/beheer/gebruikers", "nav-users", Policy::Allowed(Permission::ManageAccounts)),
    ("/beheer/tokens", "nav-tokens", Policy::Allowed(Permission::ManageAccounts)),
    ("/account", "nav-account", Policy::SignedIn),
];

/// What the frame knows of a request besides the viewer: language, municipality, address.
#[derive(Debug, Clone, Default)]
pub(crate) struct Frame {
    language: Language,
    municipality: Option<String>,
    path: String,
    has_logo: bool,
    /// The confirmation of the change before, see [`crate::notice`].
    notice: Option<String>,
}

/// A link in the header.
pub(crate) struct NavLink {
    pub(crate) href: &'static str,
    pub(crate) label: String,
    pub(crate) current: bool,
}

/// A step of the breadcrumb trail; the last is the page itself.
pub(crate) struct Crumb {
    pub(crate) href: String,
    pub(crate) label: String,
}

/// Who is signed in, as the header shows it.
pub(crate) struct SignedIn {
    pub(crate) name: String,
    /// "Name (role)".
    pub(crate) label: String,
}

/// What every page's frame needs.
pub(crate) struct Layout {
    pub(crate) texts: Texts,
    /// Appended to the stylesheets' addresses, see [`crate::assets::version`].
    pub(crate) asset_version: &'static str,
    pub(crate) language: &'static str,
    pub(crate) other_language: &'static str,
    pub(crate) switch_href: String,
    pub(crate) municipality: Option<String>,
    pub(crate) has_logo: bool,
    pub(crate) signed_in: Option<SignedIn>,
    pub(crate) form_token: String,
    pub(crate) links: Vec<NavLink>,
    pub(crate) crumbs: Vec<Crumb>,
    /// The confirmation of the change that led here, shown once.
    pub(crate) notice: Option<String>,
}

impl Layout {
    fn new(viewer: &Viewer, frame: &Frame) -> Layout {
        let texts = Texts::new(frame.language);
        let role = viewer.role();
        let switch_href = format!(
            "/taal?{}",
            serde_urlencoded::to_string([("kies", frame.language.other().code()), ("terug", frame.path.as_str())])
                .unwrap_or_default()
        );
        Layout {
            texts,
            asset_version: crate::assets::version(),
            language: frame.language.code(),
            other_language: frame.language.other().code(),
            switch_href,
            municipality: frame.municipality.clone(),
            has_logo: frame.has_logo,
            signed_in: viewer.account.as_ref().map(|account| {
                let role = texts.t(&format!("role-{}", account.role.code()));
                let label = texts.with(
                    "signed-in-as",
                    &[("name", Argument::Text(&account.display_name)), ("role", Argument::Text(&role))],
                );
                SignedIn { name: account.display_name.clone(), label }
            }),
            form_token: viewer.form_token.clone(),
            links: NAVIGATION
                .iter()
                .filter(|(_, _, policy)| policy.access(role) == Access::Granted)
                .map(|(href, key, _)| NavLink {
                    href,
                    label: texts.t(key),
                    current: frame.path == *href || (*href != "/" && frame.path.starts_with(&format!("{href}/"))),
                })
                .collect(),
            crumbs: Vec::new(),
            notice: frame.notice.clone(),
        }
    }

    /// The breadcrumb trail from the home page to this page, each step as (address, message
    /// id); the last step is the page itself.
    pub(crate) fn trail(mut self, steps: &[(&str, &str)]) -> Layout {
        let mut crumbs = vec![Crumb { href: "/".to_owned(), label: self.texts.t("nav-home") }];
        crumbs.extend(steps.iter().map(|(href, key)| Crumb { href: (*href).to_owned(), label: self.texts.t(key) }));
        self.crumbs = crumbs;
        self
    }

    /// Names the last step of the trail with data rather than a message (a proposal's subject).
    pub(crate) fn with_last_crumb(mut self, label: &str) -> Layout {
        if let Some(last) = self.crumbs.last_mut() {
            label.clone_into(&mut last.label);
        }
        self
    }

    /// Sets one step of the trail (counted from the home page, 0) to a link with a data label.
    pub(crate) fn with_crumb_link(mut self, index: usize, href: &str, label: &str) -> Layout {
        if let Some(crumb) = self.crumbs.get_mut(index) {
            href.clone_into(&mut crumb.href);
            label.clone_into(&mut crumb.label);
        }
        self
    }

    /// The message with this id.
    pub(crate) fn t(&self, id: &str) -> String {
        self.texts.t(id)
    }

    /// The message with one text argument.
    pub(crate) fn t_text(&self, id: &str, name: &'static str, value: impl AsRef<str>) -> String {
        self.texts.with(id, &[(name, Argument::Text(value.as_ref()))])
    }

    /// The message with one number argument (which also chooses a plural form).
    pub(crate) fn t_number(&self, id: &str, name: &'static str, value: impl Count) -> String {
        self.texts.with(id, &[(name, Argument::Number(value.count()))])
    }

    /// The document title: "Page · wijkbeeld".
    pub(crate) fn title(&self, page: impl AsRef<str>) -> String {
        self.t_text("page-title", "title", page)
    }
}

/// A number a template passes to a message: templates hand over values and references of
/// several integer types.
pub(crate) trait Count {
    /// The number as the message's argument.
    fn count(&self) -> i64;
}

macro_rules! count_for {
    ($($kind:ty),*) => {$(
        impl Count for $kind {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
        impl Count for &$kind {
            fn count(&self) -> i64 {
                i64::try_from(**self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count_for!(i64, usize, u16);

impl<S: Send + Sync> FromRequestParts<S> for Layout {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = Viewer::from_request_parts(parts, state).await?;
        let frame = parts.extensions.get::<Frame>().cloned().unwrap_or_default();
        Ok(Layout::new(&viewer, &frame))
    }
}

/// Paths that are no pages: no frame is looked up for them.
fn is_page(path: &str) -> bool {
    !(path.starts_with("/static/") || path.starts_with("/api/") || path == "/healthz")
}

/// An error a handler answers with; [`attach`] renders it as a page in the viewer's frame.
#[derive(Debug, Clone)]
pub(crate) struct ErrorView {
    pub(crate) title: &'static str,
    pub(crate) message: &'static str,
    pub(crate) minutes: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    title: String,
    message: String,
}

/// The middleware that finds the frame of page requests, and renders error answers as pages.
pub(crate) async fn attach(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let page = is_page(&path);
    let mut frame = Frame {
        language: crate::i18n::Language::for_request(request.headers()),
        municipality: None,
        path: request.uri().path_and_query().map_or(path.clone(), |path| path.as_str().to_owned()),
        has_logo: state.settings().theme.logo.is_some(),
        notice: None,
    };
    if page && request.method() == axum::http::Method::GET {
        frame.notice = crate::notice::shown(request.headers(), &Texts::new(frame.language));
    }
    let secure = crate::auth::secure_request(&state, request.headers());
    let viewer = request.extensions().get::<Viewer>().cloned();
    // The use cases' caller, made once per request for every route that calls one: the
    // stylesheet and the health check do not (the latter must answer when the database does
    // not).
    let caller = if path.starts_with("/static/") || path == "/healthz" {
        Ok(None)
    } else {
        let who = viewer.as_ref().map_or(wijkbeeld_app::Who::Public, Viewer::who);
        state.app().caller(who).await.map(Some)
    };
    let response = match caller {
        Ok(caller) => {
            if page {
                frame.municipality = match &state.settings().theme.municipality {
                    Some(name) => Some(name.clone()),
                    None => caller.as_ref().and_then(Caller::body_record).map(|body| body.name.clone()),
                };
            }
            if let Some(caller) = caller {
                request.extensions_mut().insert(caller);
            }
            request.extensions_mut().insert(frame.clone());
            next.run(request).await
        }
        Err(error) if page => crate::AppError::from(error).into_response(),
        Err(error) => return crate::api::ApiError::internal(&error).into_response(),
    };

    let mut response = response;
    if let Some(notice) = response.extensions().get::<crate::notice::Notice>().copied() {
        response.headers_mut().append(header::SET_COOKIE, crate::notice::cookie_header(notice, secure));
    } else if frame.notice.is_some() && response.status() == StatusCode::OK {
        // The page has shown the notice: it is not shown again.
        response
            .headers_mut()
            .append(header::SET_COOKIE, crate::auth::removal_header(crate::notice::NOTICE_COOKIE, secure));
    }
    let error = response.extensions().get::<ErrorView>().cloned();
    let plain_refusal = error.is_none()
        && response.status().is_client_error()
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("text/plain"));
    if plain_refusal && path.starts_with("/api/") {
        // axum's own answer to a malformed request (a parameter that is no number): the API
        // answers every error in its JSON shape.
        return crate::api::ApiError::from_refusal(response).await.into_response();
    }
    let plain_refusal = plain_refusal && page;
    let error = match (error, plain_refusal) {
        (Some(error), _) => error,
        // axum's own answers to malformed requests (a bad number in the address, an unreadable
        // form) are plain text; a page request gets a page instead.
        (None, true) => ErrorView { title: "error-bad-request-title", message: "error-bad-request", minutes: None },
        (None, false) => return response,
    };
    let (mut parts, _) = response.into_parts();
    let viewer =
        viewer.unwrap_or(Viewer { account: None, channel: crate::auth::Channel::Anonymous, form_token: String::new() });
    let frame = Frame { notice: None, ..frame };
    let layout = Layout::new(&viewer, &frame).trail(&[]);
    let message = match error.minutes {
        Some(minutes) => layout.t_number(error.message, "minutes", minutes),
        None => layout.t(error.message),
    };
    let page = ErrorPage { title: layout.t(error.title), message, layout };
    let rendered = page.into_response();
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove(header::CONTENT_LENGTH);
    let (rendered_parts, body) = rendered.into_parts();
    for (name, value) in &rendered_parts.headers {
        parts.headers.insert(name, value.clone());
    }
    Response::from_parts(parts, body)
}

/// `GET /taal?kies=en&terug=/…`: keeps the visitor's choice of language for a year and goes back.
pub(crate) async fn choose_language(
    State(state): State<AppState>,
    axum::extract::Query(query): axum::extract::Query<LanguageChoice>,
    headers: axum::http::HeaderMap,
) -> Response {
    let language = Language::from_code(&query.kies).unwrap_or_default();
    let back = crate::pages::sign_in::local_path(&query.terug).to_owned();
    let cookie = crate::auth::set_cookie(
        crate::i18n::LANGUAGE_COOKIE,
        language.code(),
        crate::auth::SITE_WIDE,
        Some(cookie::time::Duration::days(365)),
        crate::auth::secure_request(&state, &headers),
    );
    let mut response = axum::response::Redirect::to(&back).into_response();
    response.headers_mut().append(header::SET_COOKIE, cookie);
    response
}

/// The query of the language switch.
#[derive(Debug, Default, serde::Deserialize)]
pub(crate) struct LanguageChoice {
    #[serde(default)]
    kies: String,
    #[serde(default)]
    terug: String,
}

impl ErrorView {
    /// The answer to return: the status and the marker [`attach`] renders.
    pub(crate) fn respond(self, status: StatusCode) -> Response {
        let mut response = status.into_response();
        response.extensions_mut().insert(self);
        response
    }
}
