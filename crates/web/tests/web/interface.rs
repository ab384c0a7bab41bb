//! The interface's frame: languages, breadcrumbs, navigation, form errors and the theme,
//! through the site's real interface, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_web::routes;
use wijkbeeld_web::theme::Theme;

use support::{TestSite, Visitor};

async fn get_in(site: &TestSite, path: &str, accept_language: &str, cookies: &str) -> support::Reply {
    let mut request = Request::get(path).header(header::ACCEPT_LANGUAGE, accept_language);
    if !cookies.is_empty() {
        request = request.header(header::COOKIE, cookies);
    }
    site.send(request.body(Body::empty()).unwrap()).await
}

backend_test! {
    async fn the_browser_language_chooses_dutch_or_english(database) {
        let site = TestSite::with_demo(database).await;
        let dutch = get_in(&site, "/", "nl-NL,nl;q=0.9", "").await;
        assert!(dutch.body.contains("<html lang=\"nl\""));
        assert!(dutch.body.contains("Komende Politieke Markten") && dutch.body.contains("dinsdag 26 september 2023"));
        let english = get_in(&site, "/", "en-GB,en;q=0.9,nl;q=0.5", "").await;
        assert!(english.body.contains("<html lang=\"en\""));
        assert!(english.body.contains("Upcoming Political Markets"), "{}", english.body);
        assert!(english.body.contains("Tuesday 26 September 2023"));
        assert!(english.body.contains("1 session in 2 rounds"));
        // Inhabitants: 1.234 in Dutch, 1,234 in English.
        let number = |page: &str| {
            let at = page.find("utrecht-table__cell--numeric-data\">").unwrap();
            let rest = &page[at..];
            let second = rest[10..].find("utrecht-table__cell--numeric-data\">").unwrap() + 10;
            rest[second..].split('>').nth(1).unwrap().split('<').next().unwrap().to_owned()
        };
        assert!(number(&dutch.body).contains('.'), "{}", number(&dutch.body));
        assert!(number(&english.body).contains(','), "{}", number(&english.body));
        let missing = get_in(&site, "/bestaat-niet", "en", "").await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert!(missing.body.contains("Page not found") && missing.body.contains("<html lang=\"en\""));
    }
}

backend_test! {
    async fn the_language_switch_remembers_the_choice_and_stays_on_the_site(database) {
        let site = TestSite::with_demo(database).await;
        let home = get_in(&site, "/audit?pagina=1", "nl", "").await;
        assert_eq!(home.status, StatusCode::SEE_OTHER, "the audit log needs signing in");
        let page = get_in(&site, "/", "nl", "").await;
        assert!(page.body.contains("href=\"/taal?kies=en&#38;terug=%2F\"") && page.body.contains("lang=\"en\" hreflang=\"en\""));
        let switched = get_in(&site, "/taal?kies=en&terug=%2Finloggen", "nl", "").await;
        assert_eq!(switched.status, StatusCode::SEE_OTHER);
        assert_eq!(switched.header("location"), "/inloggen");
        let cookie = switched.set_cookies().into_iter().find(|cookie| cookie.starts_with("wijkbeeld_taal=en")).unwrap();
        assert!(cookie.contains("Max-Age=31536000") && cookie.contains("SameSite=Lax"), "{cookie}");
        let english = get_in(&site, "/inloggen", "nl", "wijkbeeld_taal=en").await;
        assert!(english.body.contains("<html lang=\"en\"") && english.body.contains("E-mail address"));
        let away = get_in(&site, "/taal?kies=en&terug=https%3A%2F%2Fkwaadwillend.example", "nl", "").await;
        assert_eq!(away.header("location"), "/");
    }
}

backend_test! {
    async fn pages_have_breadcrumbs_and_mark_where_you_are(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.20.0.1:4000").await;
        let audit = site.get("/audit", &griffie).await;
        assert!(audit.body.contains("aria-label=\"Kruimelpad\""));
        assert!(audit.body.contains("aria-current=\"page\">Auditlog</span>"), "the crumb of this page");
        assert!(audit.body.contains("href=\"/audit\" aria-current=\"page\">Auditlog</a>"), "the menu item of this page");
        assert!(!site.get("/", &griffie).await.body.contains("Kruimelpad"), "no trail on the home page");
        let skip = audit.body.find("Naar de inhoud").unwrap();
        let first_link = audit.body.find("<a ").unwrap();
        assert!(audit.body[first_link..skip].len() < 120, "the skip link is the first link");
    }
}

backend_test! {
    async fn refused_forms_summarise_their_errors_and_mark_each_field(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::with_session(&site, Role::Admin, "10.21.0.1:4000").await;
        let reply = site
            .post("/beheer/gebruikers", &[("email", "geen-adres"), ("name", "Ina Ineke"), ("role", "college")], &admin)
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        let page = reply.body;
        let summary = page.find("utrecht-alert--error").unwrap();
        let form = page.find("action=\"/beheer/gebruikers\"").unwrap();
        assert!(summary < form, "the summary comes before the form");
        assert!(page.contains("href=\"#email\">Vul een geldig e-mailadres in"), "the summary links to the field");
        assert!(page.contains("id=\"email-error\">Vul een geldig e-mailadres in"), "the error stands by the field");
        assert!(page.contains("value=\"geen-adres\""), "what was typed is kept");
        assert!(page.contains("value=\"Ina Ineke\""));
        let input = &page[page.find("id=\"email\"").unwrap()..];
        let input = &input[..input.find('>').unwrap()];
        assert!(input.contains("aria-invalid=\"true\"") && input.contains("aria-describedby=\"email-error\""), "{input}");
        assert!(page.contains("<option value=\"college\" selected>"), "the chosen role is kept");
    }
}

backend_test! {
    async fn a_theme_brings_the_municipalitys_name_logo_and_colours(database) {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("logo.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"/>").unwrap();
        let file = directory.path().join("thema.toml");
        std::fs::write(
            &file,
            "municipality = \"Gemeente Voorbeeldstad\"\n[logo]\nfile = \"logo.svg\"\nalt = \"Voorbeeldstad\"\n\
             [tokens]\n\"--basis-color-accent-1-color-default\" = \"#00689e\"\n",
        )
        .unwrap();
        let mut site = TestSite::with_demo(database).await;
        site.settings.theme = Arc::new(Theme::load(&file).unwrap());
        let visitor = Visitor::new("10.22.0.1:4000");
        let home = site.get("/", &visitor).await;
        assert!(home.body.contains("site-header__municipality\">Gemeente Voorbeeldstad</span>"), "{}", home.body);
        assert!(home.body.contains("src=\"/static/logo\""));
        let css = site.get("/static/theme.css", &visitor).await;
        assert!(css.body.contains("--basis-color-accent-1-color-default: #00689e;"));
        let logo = site.get("/static/logo", &visitor).await;
        assert_eq!(logo.header("content-type"), "image/svg+xml");
    }
}

backend_test! {
    async fn every_page_in_both_languages_has_all_its_texts(database) {
        let site = TestSite::with_demo(database).await;
        for role in std::iter::once(None).chain(Role::ALL.iter().copied().map(Some)) {
            let visitor = match role {
                Some(role) => Visitor::with_session(&site, role, "10.23.0.1:4000").await,
                None => Visitor::new("10.23.0.2:4000"),
            };
            let cookies: Vec<String> = visitor.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
            for entry in routes().iter().filter(|entry| entry.method == Method::GET && !entry.path.contains('{')) {
                for language in ["nl", "en"] {
                    let mut all = cookies.clone();
                    all.push(format!("wijkbeeld_taal={language}"));
                    let reply = get_in(&site, entry.path, language, &all.join("; ")).await;
                    assert!(!reply.body.contains("Unknown localization"), "{} in {language} as {role:?}", entry.path);
                }
            }
        }
    }
}
