//! The site driven in-process through its router, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use time::macros::datetime;
use tower::ServiceExt;
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_store::testing::TestDatabase;
use wijkbeeld_store::{Store, backend_test};
use wijkbeeld_web::{AppState, Clock, app};

const NOW: time::OffsetDateTime = datetime!(2026-11-28 09:00 UTC);

struct Reply {
    status: StatusCode,
    content_type: String,
    body: String,
}

async fn get(store: &Store, path: &str) -> Reply {
    let router = app(AppState::new(store.clone(), Clock::Fixed(NOW)));
    let response = router.oneshot(Request::get(path).body(Body::empty()).unwrap()).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let bytes = axum::body::to_bytes(response.into_body(), 10 * 1024 * 1024).await.unwrap();
    Reply { status, content_type, body: String::from_utf8(bytes.to_vec()).unwrap() }
}

async fn demo_store(database: &TestDatabase) -> Store {
    let store = database.open().await;
    let data = demo::generate(NOW.date(), HENGELO_AREAS_CSV).unwrap();
    support::load_demo(&store, &data, &std::collections::HashMap::new()).await;
    store
}

backend_test! {
    async fn the_home_page_shows_the_evenings_and_the_wijken(database) {
        let store = demo_store(database).await;
        let reply = get(&store, "/").await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.content_type.starts_with("text/html"), "{}", reply.content_type);
        let page = reply.body;
        assert!(page.contains("<html lang=\"nl\""));
        assert!(page.contains(">Gemeente Hengelo</h1>"));
        assert!(page.contains("<time datetime=\"2023-09-26\">dinsdag 26 september 2023</time></a>"), "{page}");
        assert!(page.contains(">Wijkgericht werken</li>"));
        assert!(page.contains("19:30–22:45 uur"));
        for wijk in [
            "Binnenstad", "Hengelose Es", "Noord", "Hasseler Es", "Groot Driene", "Berflo Es", "Wilderinkshoek",
            "Woolde", "Slangenbeek", "Buitengebied",
        ] {
            assert!(page.contains(&format!(">{wijk}</a></th>")), "{wijk} missing");
        }
        assert!(page.contains(">WK016401</code>"));
        // Every published evening and every wijk leads to its own page: the seed's and the demo's
        // planned one; the draft still to be planned is not on the public home page.
        assert!(page.contains("href=\"/monitor/gebied/WK016401\">Hengelose Es</a>"), "{page}");
        assert_eq!(page.matches("<h3 class=\"utrecht-heading-3\"><a class=\"utrecht-link utrecht-link--html-a\" href=\"/markt/").count(), 2);
        assert!(page.contains("alle indicatorcijfers zijn synthetisch"), "the demo says its figures are synthetic");
        // The past evening is listed after the upcoming ones.
        let upcoming = page.find("Komende Politieke Markten").unwrap();
        let past = page.find("Eerdere Politieke Markten").unwrap();
        let seed = page.find("26 september 2023").unwrap();
        assert!(upcoming < past && past < seed);
        assert_eq!(page.matches("<article class=\"evening\">").count(), 2);
        // Dutch numbers: thousands with a dot.
        assert!(page.contains(".") && page.contains("class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">"));
    }
}

backend_test! {
    async fn an_empty_database_gives_a_page_that_says_so(database) {
        let store = database.open().await;
        let page = get(&store, "/").await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Nog geen gemeente ingericht"));
        assert!(page.body.contains("Er zijn nog geen Politieke Markten gepland."));
        assert!(page.body.contains("Er zijn nog geen wijken ingelezen."));
        assert!(!page.body.contains("synthetisch"), "no demo notice without the demo");
    }
}

backend_test! {
    async fn the_health_check_follows_the_database(database) {
        let store = database.open().await;
        let reply = get(&store, "/healthz").await;
        assert_eq!(reply.status, StatusCode::OK);
        let health: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(health["status"], "ok");
        assert_eq!(health["database"], "ok");
        assert!(["sqlite", "postgres"].contains(&health["backend"].as_str().unwrap()));

        store.close().await;
        let reply = get(&store, "/healthz").await;
        assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
        let health: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(health["status"], "unavailable");
    }
}

backend_test! {
    async fn pages_that_do_not_exist_are_a_dutch_404(database) {
        let store = database.open().await;
        let reply = get(&store, "/bestaat-niet").await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert!(reply.body.contains("Pagina niet gevonden"));
        assert_eq!(get(&store, "/static/geen.css").await.status, StatusCode::NOT_FOUND);
    }
}

backend_test! {
    async fn a_failing_database_gives_a_500_page_without_internals(database) {
        let store = database.open().await;
        store.close().await;
        let reply = get(&store, "/").await;
        assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(reply.body.contains("Er ging iets mis"));
        assert!(!reply.body.to_lowercase().contains("pool"), "internals stay in the log: {}", reply.body);
    }
}

backend_test! {
    async fn the_stylesheet_is_served_from_the_binary(database) {
        let store = database.open().await;
        let reply = get(&store, "/static/wijkbeeld.css").await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.content_type, "text/css; charset=utf-8");
        assert!(reply.body.contains(".site-header"));
        for vendored in ["/static/vendor/utrecht-component-library.css", "/static/vendor/voorbeeld-design-tokens.css"] {
            let reply = get(&store, vendored).await;
            assert_eq!(reply.status, StatusCode::OK, "{vendored}");
            assert!(reply.body.contains("@license EUPL-1.2") || reply.body.contains(".voorbeeld-theme"), "{vendored}");
        }
        assert_eq!(get(&store, "/static/print.css").await.status, StatusCode::OK);
        assert!(get(&store, "/static/theme.css").await.body.contains(".voorbeeld-theme"));
        assert_eq!(get(&store, "/static/logo").await.status, StatusCode::NOT_FOUND, "no logo without a theme");
    }
}
