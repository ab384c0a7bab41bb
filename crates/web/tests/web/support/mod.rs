//! Driving the site in-process as browsers would: visitors with cookies, form tokens and a client
//! address, on a fresh database with the demo data and its accounts.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)] // each test file uses part of this; a failing unwrap is a failing test

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::OnceLock;

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use time::OffsetDateTime;
use time::macros::datetime;
use tower::ServiceExt;
use wijkbeeld_app::secrets;
use wijkbeeld_domain::Id;
use wijkbeeld_domain::access::Role;
use wijkbeeld_domain::demo::{self, DemoData, HENGELO_AREAS_CSV};
use wijkbeeld_domain::people;
use wijkbeeld_store::testing::TestDatabase;
use wijkbeeld_store::{Store, accounts};
use wijkbeeld_web::{AppState, Clock, Settings, app};

/// The moment the tests happen (unless a test moves the clock).
pub const NOW: OffsetDateTime = datetime!(2026-11-28 09:00 UTC);
/// The password of every demo account in tests.
pub const PASSWORD: &str = "correct paard batterij niet";

fn password_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| secrets::hash_password(PASSWORD).unwrap())
}

pub fn demo_data() -> DemoData {
    demo::generate(NOW.date(), HENGELO_AREAS_CSV).unwrap()
}

/// The address of the demo account of a role.
pub fn email_of(role: Role) -> String {
    demo_data().accounts.iter().find(|account| account.role == role).unwrap().email.to_string()
}

/// Loads the demo into `store` as `wijkbeeld demo` does (through the application, audited), with
/// these password hashes; its municipality.
pub async fn load_demo(store: &Store, data: &DemoData, hashes: &HashMap<String, String>) -> Id<people::Body> {
    let app = wijkbeeld_app::App::new(store.clone(), Clock::Fixed(NOW));
    let caller = app.system("demo").await.unwrap();
    wijkbeeld_app::setup::store_demo(&app, &caller, data, hashes).await.unwrap();
    let caller = app.system("demo").await.unwrap();
    caller.body().unwrap()
}

/// The site at a moment, over a store.
#[derive(Clone)]
pub struct TestSite {
    pub store: Store,
    /// The demo's municipality, for the store's queries in tests.
    pub body: Id<people::Body>,
    pub now: OffsetDateTime,
    pub settings: Settings,
}

impl TestSite {
    /// A site on a fresh database with the demo data and its accounts.
    pub async fn with_demo(database: &TestDatabase) -> TestSite {
        let store = database.open().await;
        let data = demo_data();
        let hashes: HashMap<String, String> =
            data.accounts.iter().map(|account| (account.email.to_string(), password_hash().to_owned())).collect();
        let body = load_demo(&store, &data, &hashes).await;
        TestSite { store, body, now: NOW, settings: Settings::default() }
    }

    /// The same site with the clock at another moment.
    pub fn at(&self, now: OffsetDateTime) -> TestSite {
        TestSite { now, ..self.clone() }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let state = AppState::with_settings(self.store.clone(), Clock::Fixed(self.now), self.settings.clone());
        let response = app(state).oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024 * 1024).await.unwrap();
        Reply { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    fn request(&self, method: Method, path: &str, visitor: &Visitor) -> axum::http::request::Builder {
        let mut builder = Request::builder().method(method).uri(path);
        if !visitor.cookies.is_empty() {
            let cookies: Vec<String> = visitor.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
            builder = builder.header(header::COOKIE, cookies.join("; "));
        }
        builder.extension(ConnectInfo(visitor.client))
    }

    pub async fn get(&self, path: &str, visitor: &Visitor) -> Reply {
        self.send(self.request(Method::GET, path, visitor).body(Body::empty()).unwrap()).await
    }

    /// Posts a form with the visitor's form token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)], visitor: &Visitor) -> Reply {
        let mut all: Vec<(&str, &str)> = vec![("_csrf", visitor.form_token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all, visitor).await
    }

    /// Posts a multipart form with the visitor's form token: text fields, and files as
    /// (field, file name, bytes).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
        visitor: &Visitor,
    ) -> Reply {
        let boundary = "wijkbeeld-test-boundary-8d3f";
        let mut body: Vec<u8> = Vec::new();
        let mut all: Vec<(&str, &str)> = vec![("_csrf", visitor.form_token.as_str())];
        all.extend_from_slice(fields);
        for (name, value) in all {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                    .as_bytes(),
            );
        }
        for (name, file_name, bytes) in files {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let request = self
            .request(Method::POST, path, visitor)
            .header(header::CONTENT_TYPE, format!("multipart/form-data; boundary={boundary}"))
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }

    /// Posts a form exactly as given (no form token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)], visitor: &Visitor) -> Reply {
        let body = serde_urlencoded::to_string(fields).unwrap();
        let request = self
            .request(Method::POST, path, visitor)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

/// A browser: its cookies, the form token its pages carry, and the address it comes from.
#[derive(Clone, Debug)]
pub struct Visitor {
    pub cookies: Vec<(String, String)>,
    pub form_token: String,
    pub client: SocketAddr,
}

impl Visitor {
    /// A visitor who has not loaded a page yet.
    pub fn new(client: &str) -> Visitor {
        Visitor { cookies: Vec::new(), form_token: String::new(), client: client.parse().unwrap() }
    }

    /// Keeps the cookies a reply sets (and drops those it removes).
    pub fn take_cookies(&mut self, reply: &Reply) {
        for value in reply.headers.get_all(header::SET_COOKIE) {
            let text = value.to_str().unwrap();
            let (pair, attributes) = text.split_once(';').unwrap_or((text, ""));
            let (name, value) = pair.split_once('=').unwrap();
            self.cookies.retain(|(existing, _)| existing != name);
            if !attributes.contains("Max-Age=0") {
                self.cookies.push((name.to_owned(), value.to_owned()));
            }
        }
        if let Some(token) = form_token(&reply.body) {
            self.form_token = token;
        }
    }

    /// A visitor who opened the sign-in page: with the form cookie and its token.
    pub async fn anonymous(site: &TestSite, client: &str) -> Visitor {
        let mut visitor = Visitor::new(client);
        let page = site.get("/inloggen", &visitor).await;
        visitor.take_cookies(&page);
        visitor
    }

    /// A visitor signed in through the sign-in form as the demo account of a role.
    pub async fn signed_in(site: &TestSite, role: Role, client: &str) -> Visitor {
        let mut visitor = Visitor::anonymous(site, client).await;
        let reply = site.post("/inloggen", &[("email", &email_of(role)), ("password", PASSWORD)], &visitor).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "signing in as {role}: {}", reply.body);
        visitor.take_cookies(&reply);
        let home = site.get("/", &visitor).await;
        visitor.take_cookies(&home);
        visitor
    }

    /// A visitor with a session made directly in the store: quick, for walking many routes.
    pub async fn with_session(site: &TestSite, role: Role, client: &str) -> Visitor {
        let email = email_of(role).parse().unwrap();
        let mut tx = site.store.begin_write().await.unwrap();
        let user = accounts::credentials(&mut tx, &email).await.unwrap().unwrap().user;
        let token = secrets::new_token().unwrap();
        let form_token = secrets::new_token().unwrap();
        let expires = site.now + time::Duration::hours(8);
        accounts::create_session(&mut tx, &secrets::digest(&token), user.id, &form_token, site.now, expires)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        Visitor { cookies: vec![("wijkbeeld_sessie".to_owned(), token)], form_token, client: client.parse().unwrap() }
    }
}

/// The value of the first hidden `_csrf` field on a page.
pub fn form_token(page: &str) -> Option<String> {
    let at = page.find("name=\"_csrf\" value=\"")? + "name=\"_csrf\" value=\"".len();
    let end = page[at..].find('"')?;
    Some(page[at..at + end].to_owned())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", |value| value.to_str().unwrap())
    }

    pub fn set_cookies(&self) -> Vec<String> {
        self.headers.get_all(header::SET_COOKIE).iter().map(|value| value.to_str().unwrap().to_owned()).collect()
    }
}

/// The stored value of `indicator` for `area` in `period` (codes and period as text), if any.
pub async fn value_of(site: &TestSite, area: &str, indicator: &str, period: &str) -> Option<f64> {
    let mut tx = site.store.begin().await.unwrap();
    let areas = wijkbeeld_store::monitor::areas(&mut tx, site.body).await.unwrap();
    let indicators = wijkbeeld_store::monitor::indicators(&mut tx, site.body).await.unwrap();
    let area = areas.iter().find(|candidate| candidate.code.as_str() == area).unwrap();
    let indicator = indicators.iter().find(|candidate| candidate.code == indicator).unwrap();
    let period = period.parse().unwrap();
    wijkbeeld_store::monitor::measurements(
        &mut tx,
        site.body,
        &wijkbeeld_store::monitor::MeasurementFilter {
            areas: Some(vec![area.id]),
            indicators: Some(vec![indicator.id]),
            from: Some(period),
            until: Some(period),
            ..Default::default()
        },
    )
    .await
    .unwrap()
    .first()
    .map(|measurement| measurement.value)
}
