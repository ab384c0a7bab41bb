//! Accounts, roles and security, through the site's real interface, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use crate::support;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use time::Duration;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::{backend_test, statistics, testing};
use wijkbeeld_web::{Access, Kind, refusal_status, routes};

use support::{PASSWORD, Reply, TestSite, Visitor, email_of};

/// The secret a page shows once (a generated password or API token).
fn secret_on(page: &str) -> String {
    page.split("secret\">").nth(1).unwrap().split('<').next().unwrap().to_owned()
}

/// The page a new account's or token's form redirects to, where its secret is shown once.
async fn page_after(site: &TestSite, created: &Reply, visitor: &Visitor) -> Reply {
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let mut browser = visitor.clone();
    browser.take_cookies(created);
    let page = site.get(created.header("location"), &browser).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page
}

/// A concrete address for a route pattern.
fn concrete(path: &str) -> String {
    path.replace("{id}", "1").replace("{attachment}", "1").replace("{*file}", "wijkbeeld.css")
}

async fn row_count(site: &TestSite, table: &str) -> i64 {
    let mut tx = site.store.begin().await.unwrap();
    statistics::row_counts(&mut tx).await.unwrap()[table]
}

backend_test! {
    async fn every_route_answers_every_role_as_its_policy_says(database) {
        let site = TestSite::with_demo(database).await;
        let table = routes();
        assert!(table.len() >= 18, "{} routes", table.len());
        let viewers: Vec<Option<Role>> = std::iter::once(None).chain(Role::ALL.iter().copied().map(Some)).collect();
        let mut checked = 0;
        for entry in &table {
            for role in &viewers {
                // A fresh visitor per request: a route such as sign-out must not end the next one's session.
                let visitor = match role {
                    Some(role) => Visitor::with_session(&site, *role, "10.1.0.1:4000").await,
                    None => Visitor::anonymous(&site, "10.1.0.2:4000").await,
                };
                let path = concrete(entry.path);
                let reply = if entry.method == Method::GET {
                    site.get(&path, &visitor).await
                } else {
                    site.post(&path, &[], &visitor).await
                };
                let access = entry.policy.access(*role);
                let context = format!("{} {} as {role:?}: {} {}", entry.method, entry.path, reply.status, reply.body);
                match refusal_status(entry.kind, access) {
                    Some(expected) => {
                        assert_eq!(reply.status, expected, "{context}");
                        if expected == StatusCode::SEE_OTHER {
                            assert!(reply.header("location").starts_with("/inloggen?terug="), "{context}");
                        }
                        if entry.kind == Kind::Api {
                            assert!(reply.body.contains("\"errors\""), "{context}");
                        }
                    }
                    // A councillor passes the chair's policy; the use case then lets in only the
                    // session's own chair (app::chair::may_chair), and session 1 has another.
                    None if entry.policy == wijkbeeld_web::Policy::Allowed(wijkbeeld_domain::access::Permission::ChairSessions)
                        && *role == Some(Role::Councillor) =>
                    {
                        assert!(![StatusCode::UNAUTHORIZED, StatusCode::SEE_OTHER].contains(&reply.status), "{context}");
                        assert!(!reply.status.is_server_error(), "{context}");
                    }
                    None => {
                        assert!(![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&reply.status), "{context}");
                        assert!(!reply.header("location").starts_with("/inloggen"), "{context}");
                        assert!(!reply.status.is_server_error(), "{context}");
                    }
                }
                checked += 1;
            }
        }
        assert_eq!(checked, table.len() * viewers.len(), "every route with every viewer");
        // The policies are not all public: the walk checks refusals too.
        assert!(table.iter().any(|entry| entry.policy.access(Some(Role::Partner)) == Access::Refused));
    }
}

backend_test! {
    async fn the_demo_accounts_sign_in_and_out(database) {
        let site = TestSite::with_demo(database).await;
        for role in Role::ALL {
            let visitor = Visitor::signed_in(&site, *role, "10.2.0.1:4000").await;
            let account = site.get("/account", &visitor).await;
            assert_eq!(account.status, StatusCode::OK, "{role}");
            assert!(account.body.contains(&email_of(*role)), "{role}");
            let me = site.get("/api/v1/me", &visitor).await;
            assert_eq!(me.status, StatusCode::OK);
            let me: serde_json::Value = serde_json::from_str(&me.body).unwrap();
            assert_eq!(me["role"], role.code());
            assert_eq!(me["authenticated_by"], "session");
        }

        let mut visitor = Visitor::signed_in(&site, Role::Griffie, "10.2.0.2:4000").await;
        let sessions = row_count(&site, "user_sessions").await;
        let reply = site.post("/uitloggen", &[], &visitor).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
        assert!(reply.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_sessie=") && cookie.contains("Max-Age=0")));
        assert_eq!(row_count(&site, "user_sessions").await, sessions - 1, "the session is gone from the database");
        visitor.take_cookies(&reply);
        assert_eq!(site.get("/account", &visitor).await.status, StatusCode::SEE_OTHER);
    }
}

backend_test! {
    async fn session_cookies_are_http_only_same_site_and_secure_behind_tls(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::anonymous(&site, "10.3.0.1:4000").await;
        let fields = [("_csrf", visitor.form_token.as_str()), ("email", &email_of(Role::College)), ("password", PASSWORD)];
        let body = serde_urlencoded::to_string(fields).unwrap();
        let cookies: Vec<String> = visitor.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
        let request = Request::builder()
            .method(Method::POST)
            .uri("/inloggen")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookies.join("; "))
            .header("x-forwarded-proto", "https")
            .body(Body::from(body))
            .unwrap();
        let reply = site.send(request).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let session = reply.set_cookies().into_iter().find(|cookie| cookie.starts_with("wijkbeeld_sessie=")).unwrap();
        for attribute in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
            assert!(session.contains(attribute), "{session}");
        }
        let plain = Visitor::signed_in(&site, Role::College, "10.3.0.2:4000").await;
        assert!(!plain.cookies.is_empty());
    }
}

backend_test! {
    async fn wrong_passwords_and_unknown_addresses_get_the_same_answer(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::anonymous(&site, "10.4.0.1:4000").await;
        let wrong = site.post("/inloggen", &[("email", &email_of(Role::Admin)), ("password", "niet het wachtwoord")], &visitor).await;
        let unknown = site.post("/inloggen", &[("email", "niemand@hengelo.example"), ("password", "niet het wachtwoord")], &visitor).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(unknown.status, wrong.status);
        let message = "Het e-mailadres of het wachtwoord is onjuist.";
        assert!(wrong.body.contains(message) && unknown.body.contains(message));
        // The form keeps what was typed, apart from the password.
        assert!(unknown.body.contains("value=\"niemand@hengelo.example\""));
        assert!(!wrong.body.contains("niet het wachtwoord"));
        assert!(wrong.set_cookies().iter().all(|cookie| !cookie.starts_with("wijkbeeld_sessie=")));
    }
}

backend_test! {
    async fn forms_without_a_valid_token_are_refused_and_change_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::with_session(&site, Role::Admin, "10.5.0.1:4000").await;
        let users = row_count(&site, "users").await;
        let audit = row_count(&site, "audit_log").await;
        let fields = [("email", "nieuw@hengelo.example"), ("name", "Nieuw"), ("role", "college"), ("password", "")];

        let missing = site.post_raw("/beheer/gebruikers", &fields, &admin).await;
        assert_eq!(missing.status, StatusCode::FORBIDDEN);
        assert!(missing.body.contains("Formulier verlopen"));
        let mut forged = vec![("_csrf", "vervalst-token-van-een-andere-site-0123456789")];
        forged.extend_from_slice(&fields);
        assert_eq!(site.post_raw("/beheer/gebruikers", &forged, &admin).await.status, StatusCode::FORBIDDEN);
        // Another visitor's token is no good either.
        let other = Visitor::with_session(&site, Role::Admin, "10.5.0.2:4000").await;
        let mut borrowed = vec![("_csrf", other.form_token.as_str())];
        borrowed.extend_from_slice(&fields);
        assert_eq!(site.post_raw("/beheer/gebruikers", &borrowed, &admin).await.status, StatusCode::FORBIDDEN);
        assert_eq!(row_count(&site, "users").await, users, "nothing was created");
        assert_eq!(row_count(&site, "audit_log").await, audit);

        // Signing in needs the form token too (against logging a victim into an attacker's account).
        let stranger = Visitor::new("10.5.0.3:4000");
        let sign_in = site.post_raw("/inloggen", &[("email", &email_of(Role::Admin)), ("password", PASSWORD)], &stranger).await;
        assert_eq!(sign_in.status, StatusCode::FORBIDDEN);

        // The header works as well as the field, and the right token is accepted.
        let body = serde_urlencoded::to_string(fields).unwrap();
        let cookies: Vec<String> = admin.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
        let request = Request::builder()
            .method(Method::POST)
            .uri("/beheer/gebruikers")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookies.join("; "))
            .header("x-csrf-token", admin.form_token.as_str())
            .body(Body::from(body))
            .unwrap();
        let created = site.send(request).await;
        assert!(page_after(&site, &created, &admin).await.body.contains("nieuw@hengelo.example"));
        assert_eq!(row_count(&site, "users").await, users + 1);
    }
}

backend_test! {
    async fn sessions_expire_when_idle_and_at_their_longest(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::signed_in(&site, Role::Griffie, "10.6.0.1:4000").await;
        let later = |hours: i64| site.at(site.now + Duration::hours(hours));
        assert_eq!(later(7).get("/audit", &visitor).await.status, StatusCode::OK, "within the idle time");
        let idle = later(7 + 9).get("/audit", &visitor).await;
        assert_eq!(idle.status, StatusCode::SEE_OTHER, "idle for nine hours");
        assert!(idle.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_sessie=") && cookie.contains("Max-Age=0")));

        let busy = Visitor::signed_in(&site, Role::Griffie, "10.6.0.2:4000").await;
        for hours in [6, 12, 18, 23] {
            assert_eq!(later(hours).get("/audit", &busy).await.status, StatusCode::OK, "used after {hours} hours");
        }
        assert_eq!(later(25).get("/audit", &busy).await.status, StatusCode::SEE_OTHER, "past the longest life");
    }
}

backend_test! {
    async fn sign_in_attempts_are_limited_per_client_address(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::anonymous(&site, "10.7.0.1:4000").await;
        let attempt = [("email", "griffie@hengelo.example"), ("password", "raden maar")];
        for _ in 0..10 {
            assert_eq!(site.post("/inloggen", &attempt, &visitor).await.status, StatusCode::UNPROCESSABLE_ENTITY);
        }
        let refused = site.post("/inloggen", &attempt, &visitor).await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(refused.body.contains("Te veel pogingen"), "{}", refused.body);
        let retry: i64 = refused.header("retry-after").parse().unwrap();
        assert!((1..=900).contains(&retry), "{retry}");
        // Even the right password waits now…
        let right = [("email", email_of(Role::Griffie)), ("password", PASSWORD.to_owned())];
        let right: Vec<(&str, &str)> = right.iter().map(|(name, value)| (*name, value.as_str())).collect();
        assert_eq!(site.post("/inloggen", &right, &visitor).await.status, StatusCode::TOO_MANY_REQUESTS);
        // …while another address may still try, and after the window this one may too.
        let neighbour = Visitor::anonymous(&site, "10.7.0.2:4000").await;
        assert_eq!(site.post("/inloggen", &right, &neighbour).await.status, StatusCode::SEE_OTHER);
        let after = site.at(site.now + Duration::minutes(16));
        assert_eq!(after.post("/inloggen", &right, &visitor).await.status, StatusCode::SEE_OTHER);
    }
}

backend_test! {
    async fn the_audit_log_records_who_changed_what_and_exports_csv(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::signed_in(&site, Role::Admin, "10.8.0.1:4000").await;
        let created = site
            .post("/beheer/gebruikers", &[("email", "w.wessels@hengelo.example"), ("name", "Wendy Wessels"), ("role", "college")], &admin)
            .await;
        let generated = secret_on(&page_after(&site, &created, &admin).await.body);
        assert_eq!(generated.len(), 23, "a generated password is shown once: {generated}");

        let users = site.get("/beheer/gebruikers", &admin).await;
        let row = users.body.find("w.wessels@hengelo.example").unwrap();
        let id = users.body[row..].split("/beheer/gebruikers/").nth(1).unwrap().split('/').next().unwrap().to_owned();
        let moved = site.post(&format!("/beheer/gebruikers/{id}/rol"), &[("role", "griffie")], &admin).await;
        assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
        let refused = site.post(&format!("/beheer/gebruikers/{id}/rol"), &[("role", "partner")], &admin).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("Kies de partnerorganisatie"));

        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.8.0.2:4000").await;
        let log = site.get("/audit?entiteit=user", &griffie).await;
        assert_eq!(log.status, StatusCode::OK);
        assert!(log.body.contains("user.create") && log.body.contains("user.role"), "{}", log.body);
        assert!(log.body.contains("College en ambtenaren → Griffie"), "the change from role to role, in words");
        assert!(log.body.contains("Gebruiker aangemaakt") && log.body.contains("Rol van de gebruiker gewijzigd"));
        assert!(log.body.contains(&email_of(Role::Admin)), "who made it");
        assert!(!log.body.contains("demo.load"), "the filter holds");

        let csv = site.get("/audit.csv", &griffie).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let actions: Vec<&str> = records.iter().map(|record| &record[3]).collect();
        assert_eq!(actions, ["user.role", "user.create", "demo.load"]);
        assert_eq!(&records[0][6], "college");
        assert_eq!(&records[0][7], "griffie");

        let college = Visitor::with_session(&site, Role::College, "10.8.0.3:4000").await;
        assert_eq!(site.get("/audit", &college).await.status, StatusCode::FORBIDDEN);
        assert_eq!(site.get("/audit.csv", &college).await.status, StatusCode::FORBIDDEN);
    }
}

backend_test! {
    async fn html_in_text_is_shown_as_text_on_every_page(database) {
        let site = TestSite::with_demo(database).await;
        let payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
        let seed_case = "3641304";
        testing::rename_proposal(&site.store, seed_case, payload).await;
        let admin = Visitor::signed_in(&site, Role::Admin, "10.9.0.1:4000").await;
        let created = site.post("/beheer/gebruikers", &[("email", "xss@hengelo.example"), ("name", payload), ("role", "raadslid")], &admin).await;
        page_after(&site, &created, &admin).await;
        let token = site.post("/beheer/tokens", &[("name", payload), ("role", "griffie")], &admin).await;
        let token = page_after(&site, &token, &admin).await;
        assert!(!token.body.contains(payload), "the token's name is not escaped on the page that shows it");

        let mut shown = 0;
        for role in std::iter::once(None).chain(Role::ALL.iter().copied().map(Some)) {
            let visitor = match role {
                Some(role) => Visitor::with_session(&site, role, "10.9.0.2:4000").await,
                None => Visitor::anonymous(&site, "10.9.0.3:4000").await,
            };
            for entry in routes().iter().filter(|entry| entry.method == Method::GET) {
                let reply = site.get(&concrete(entry.path), &visitor).await;
                let content_type = reply.header("content-type");
                // CSV and PDF downloads carry the text as data; HTML and JSON must never carry it as markup.
                if !(content_type.starts_with("text/html") || content_type.starts_with("application/json")) {
                    continue;
                }
                assert!(!reply.body.contains("<script>alert"), "{} as {role:?} runs the script", entry.path);
                assert!(!reply.body.contains("<img src=x"), "{} as {role:?}", entry.path);
                if reply.body.contains("&#60;script&#62;alert(") {
                    shown += 1;
                }
            }
        }
        // The home page (everyone), the users, tokens and audit pages show it — as text.
        assert!(shown >= 7 + 3, "the payload appears escaped on the pages that show it ({shown})");
    }
}

backend_test! {
    async fn every_response_carries_the_security_headers(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::new("10.10.0.1:4000");
        for path in ["/", "/healthz", "/static/wijkbeeld.css", "/bestaat-niet", "/audit", "/api/v1/me"] {
            let reply = site.get(path, &visitor).await;
            let policy = reply.header("content-security-policy");
            assert!(policy.contains("frame-ancestors 'none'") && policy.contains("script-src 'self'"), "{path}: {policy}");
            assert!(!policy.contains("unsafe-inline"), "{path}");
            assert_eq!(reply.header("x-content-type-options"), "nosniff", "{path}");
            assert_eq!(reply.header("referrer-policy"), "strict-origin-when-cross-origin", "{path}");
            assert_eq!(reply.header("strict-transport-security"), "", "{path}: not without HTTPS");
        }
        // Served over HTTPS (--secure-cookies): browsers are told to use nothing else.
        let mut secure = site.clone();
        secure.settings.secure_cookies = true;
        for path in ["/", "/healthz", "/api/v1/me"] {
            let reply = secure.get(path, &visitor).await;
            assert_eq!(reply.header("strict-transport-security"), "max-age=31536000; includeSubDomains", "{path}");
        }
    }
}

backend_test! {
    async fn a_change_from_another_site_is_refused_even_with_the_token(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::signed_in(&site, Role::Admin, "10.16.0.1:4000").await;
        let before = row_count(&site, "api_tokens").await;
        let post = |origin: &'static str| {
            let body = serde_urlencoded::to_string([("_csrf", admin.form_token.as_str()), ("name", "Koppeling"), ("role", "raadslid")]).unwrap();
            let cookies: Vec<String> = admin.cookies.iter().map(|(name, value)| format!("{name}={value}")).collect();
            Request::builder()
                .method(Method::POST)
                .uri("/beheer/tokens")
                .header(header::HOST, "wijkbeeld.test")
                .header(header::ORIGIN, origin)
                .header(header::COOKIE, cookies.join("; "))
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .extension(axum::extract::ConnectInfo(admin.client))
                .body(Body::from(body))
                .unwrap()
        };
        for foreign in ["https://evil.example", "null", "http://wijkbeeld.test.evil.example"] {
            let reply = site.send(post(foreign)).await;
            assert_eq!(reply.status, StatusCode::FORBIDDEN, "{foreign}: {}", reply.body);
            assert_eq!(row_count(&site, "api_tokens").await, before, "{foreign}: nothing made");
        }
        let own = site.send(post("http://wijkbeeld.test")).await;
        assert_eq!(own.status, StatusCode::SEE_OTHER, "{}", own.body);
        assert_eq!(row_count(&site, "api_tokens").await, before + 1);
    }
}

backend_test! {
    async fn the_api_takes_a_session_or_a_bearer_token(database) {
        let site = TestSite::with_demo(database).await;
        let nobody = Visitor::new("10.11.0.1:4000");
        let refused = site.get("/api/v1/me", &nobody).await;
        assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
        assert_eq!(refused.header("www-authenticate"), "Bearer");
        let errors: serde_json::Value = serde_json::from_str(&refused.body).unwrap();
        assert!(errors["errors"][0]["detail"].is_string());

        let admin = Visitor::signed_in(&site, Role::Admin, "10.11.0.2:4000").await;
        let made = site.post("/beheer/tokens", &[("name", "Koppeling"), ("role", "college")], &admin).await;
        let secret = secret_on(&page_after(&site, &made, &admin).await.body);
        let bearer = |path: &str, secret: &str| {
            Request::get(path).header(header::AUTHORIZATION, format!("Bearer {secret}")).body(Body::empty()).unwrap()
        };
        let me = site.send(bearer("/api/v1/me", &secret)).await;
        assert_eq!(me.status, StatusCode::OK, "{}", me.body);
        let me: serde_json::Value = serde_json::from_str(&me.body).unwrap();
        assert_eq!((me["role"].as_str(), me["authenticated_by"].as_str()), (Some("college"), Some("token")));
        assert_eq!(site.send(bearer("/api/v1/audit", &secret)).await.status, StatusCode::FORBIDDEN, "college may not read the log");
        assert_eq!(site.send(bearer("/api/v1/me", "geen-geldig-token")).await.status, StatusCode::UNAUTHORIZED);
        // A token works on the API only, not as a key to the pages.
        assert_eq!(site.send(bearer("/account", &secret)).await.status, StatusCode::SEE_OTHER);

        let tokens = site.get("/beheer/tokens", &admin).await;
        assert!(tokens.body.contains("Koppeling") && !tokens.body.contains(&secret), "the secret is not shown again");
        let id = tokens.body.split("/beheer/tokens/").nth(1).unwrap().split('/').next().unwrap().to_owned();
        assert_eq!(site.post(&format!("/beheer/tokens/{id}/intrekken"), &[], &admin).await.status, StatusCode::SEE_OTHER);
        assert_eq!(site.send(bearer("/api/v1/me", &secret)).await.status, StatusCode::UNAUTHORIZED, "revoked");

        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.11.0.3:4000").await;
        let audit = site.get("/api/v1/audit", &griffie).await;
        assert_eq!(audit.status, StatusCode::OK);
        let audit: serde_json::Value = serde_json::from_str(&audit.body).unwrap();
        assert!(audit["total"].as_i64().unwrap() >= 3);
        assert_eq!(audit["entries"][0]["action"], "api_token.revoke");
    }
}

backend_test! {
    async fn changing_the_password_checks_the_old_one_and_ends_other_sessions(database) {
        let site = TestSite::with_demo(database).await;
        let mut here = Visitor::signed_in(&site, Role::Councillor, "10.12.0.1:4000").await;
        let elsewhere = Visitor::signed_in(&site, Role::Councillor, "10.12.0.2:4000").await;
        let new = "een nieuw en lang wachtwoord";

        let wrong = site.post("/account/wachtwoord", &[("current", "fout"), ("new", new), ("repeated", new)], &here).await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.body.contains("Het huidige wachtwoord is onjuist."));
        let short = site.post("/account/wachtwoord", &[("current", PASSWORD), ("new", "kort"), ("repeated", "kort")], &here).await;
        assert!(short.body.contains("minstens 12 tekens"), "{}", short.body);
        let differ = site.post("/account/wachtwoord", &[("current", PASSWORD), ("new", new), ("repeated", "iets anders dan dat")], &here).await;
        assert!(differ.body.contains("niet gelijk"));

        let changed = site.post("/account/wachtwoord", &[("current", PASSWORD), ("new", new), ("repeated", new)], &here).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER, "a change answers with a redirect");
        assert_eq!(changed.header("location"), "/account");
        here.take_cookies(&changed);
        let account = site.get("/account", &here).await;
        assert_eq!(account.status, StatusCode::OK, "this session goes on");
        assert!(account.body.contains("Uw wachtwoord is gewijzigd"), "{}", account.body);
        here.take_cookies(&account);
        let again = site.get("/account", &here).await;
        assert!(!again.body.contains("Uw wachtwoord is gewijzigd"), "the confirmation is shown once");
        assert_eq!(site.get("/account", &elsewhere).await.status, StatusCode::SEE_OTHER, "the other one ended");

        let visitor = Visitor::anonymous(&site, "10.12.0.3:4000").await;
        let old = site.post("/inloggen", &[("email", &email_of(Role::Councillor)), ("password", PASSWORD)], &visitor).await;
        assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
        let fresh = site.post("/inloggen", &[("email", &email_of(Role::Councillor)), ("password", new)], &visitor).await;
        assert_eq!(fresh.status, StatusCode::SEE_OTHER);
    }
}

backend_test! {
    async fn after_signing_in_only_local_addresses_are_followed(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::anonymous(&site, "10.13.0.1:4000").await;
        let credentials = [("email", email_of(Role::Griffie)), ("password", PASSWORD.to_owned())];
        let mut fields: Vec<(&str, &str)> = credentials.iter().map(|(name, value)| (*name, value.as_str())).collect();
        fields.push(("terug", "/audit?pagina=1"));
        assert_eq!(site.post("/inloggen", &fields, &visitor).await.header("location"), "/audit?pagina=1");
        fields.pop();
        fields.push(("terug", "https://kwaadwillend.example/"));
        assert_eq!(site.post("/inloggen", &fields, &visitor).await.header("location"), "/");

        let redirect = site.get("/audit?pagina=2", &Visitor::new("10.13.0.2:4000")).await;
        assert_eq!(redirect.header("location"), "/inloggen?terug=%2Faudit%3Fpagina%3D2");
        let form = site.get(redirect.header("location"), &visitor).await;
        assert!(form.body.contains("name=\"terug\" value=\"/audit?pagina=2\""), "{}", form.body);

        // A tab, newline or other control character would be dropped by the browser (leaving
        // `//evil.example`) or could not stand in a header: such a way back goes home.
        for encoded in ["/%09/evil.example", "/%0A/evil.example", "%0D%0A", "/a%00b", "/a%7F", "/%5Cevil.example"] {
            let switched = site.get(&format!("/taal?kies=en&terug={encoded}"), &visitor).await;
            assert_eq!(switched.status, StatusCode::SEE_OTHER, "{encoded}: {}", switched.body);
            assert_eq!(switched.header("location"), "/", "{encoded}");
            let form = site.get(&format!("/inloggen?terug={encoded}"), &visitor).await;
            assert!(form.body.contains("name=\"terug\" value=\"/\""), "{encoded}: {}", form.body);
        }
        fields.pop();
        fields.push(("terug", "/\t/evil.example"));
        assert_eq!(site.post("/inloggen", &fields, &visitor).await.header("location"), "/");
    }
}

/// Every query parameter the site's pages and API read, by name.
const QUERY_PARAMETERS: &[&str] = &[
    "periode",
    "niveau",
    "sorteer",
    "richting",
    "sessie",
    "status",
    "domein",
    "portefeuillehouder",
    "zoek",
    "entiteit",
    "actor",
    "van",
    "tot",
    "pagina",
    "terug",
    "kies",
    "gedaan",
    "kolom",
    "weggelaten",
    "level",
    "area",
    "indicator",
    "from",
    "until",
    "limit",
    "offset",
    "period",
];

/// `text` with every byte but the unreserved ones percent-encoded, for a path segment.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
                char::from(byte).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

backend_test! {
    async fn malformed_parameters_never_give_a_server_error_and_the_api_answers_in_json(database) {
        let site = TestSite::with_demo(database).await;
        let long = "x".repeat(10 * 1024);
        let values: Vec<&str> = vec![
            "geen-getal", "99999999999999999999999", "-1", "2023-02-30", "31-13-2024", "a\u{0}b\r\n\u{7f}\t", &long,
            "'; DROP TABLE proposals; --", "é🙂",
        ];
        let mut viewers = vec![(None, Visitor::anonymous(&site, "10.14.0.1:4000").await)];
        for role in Role::ALL {
            viewers.push((Some(*role), Visitor::with_session(&site, *role, "10.14.0.2:4000").await));
        }
        let mut checked = 0;
        for entry in routes().iter().filter(|entry| entry.path != "/uitloggen") {
            for value in &values {
                let path = entry
                    .path
                    .split('/')
                    .map(|segment| if segment.starts_with('{') { encoded(value) } else { segment.to_owned() })
                    .collect::<Vec<_>>()
                    .join("/");
                // An address is at most 64 kB: a long value goes into a few parameters only.
                let names = if value.len() > 1000 { &QUERY_PARAMETERS[..3] } else { QUERY_PARAMETERS };
                let query = serde_urlencoded::to_string(names.iter().map(|name| (*name, *value)).collect::<Vec<_>>()).unwrap();
                let address = format!("{path}?{query}");
                for (role, visitor) in &viewers {
                    let reply = if entry.method == Method::GET {
                        site.get(&address, visitor).await
                    } else {
                        site.post(&address, &[], visitor).await
                    };
                    let context = || format!("{} {} with {:?} as {role:?}: {}", entry.method, entry.path, value.chars().take(30).collect::<String>(), reply.status);
                    assert!(!reply.status.is_server_error(), "{}: {}", context(), reply.body.chars().take(300).collect::<String>());
                    if reply.status.is_client_error() {
                        let content_type = reply.header("content-type");
                        if entry.kind == Kind::Api {
                            assert!(content_type.starts_with("application/json"), "{}: {content_type}", context());
                            let body: serde_json::Value = serde_json::from_str(&reply.body).unwrap_or_else(|_| panic!("{}: {}", context(), reply.body));
                            assert!(body["errors"][0]["detail"].is_string(), "{}: {}", context(), reply.body);
                        } else if !entry.path.starts_with("/static/") {
                            assert!(content_type.starts_with("text/html"), "{}: a page answers with a page, not {content_type}", context());
                        }
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked > 3000, "{checked} requests");
    }
}

backend_test! {
    async fn signing_in_again_ends_the_session_before(database) {
        let site = TestSite::with_demo(database).await;
        let first = Visitor::signed_in(&site, Role::Griffie, "10.15.0.1:4000").await;
        assert_eq!(site.get("/account", &first).await.status, StatusCode::OK);
        let mut second = first.clone();
        let reply = site.post("/inloggen", &[("email", &email_of(Role::College)), ("password", PASSWORD)], &second).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        second.take_cookies(&reply);
        assert_ne!(second.cookies, first.cookies, "a new session cookie");
        assert!(site.get("/account", &second).await.body.contains(&email_of(Role::College)));
        let old = site.get("/account", &first).await;
        assert_eq!(old.status, StatusCode::SEE_OTHER, "the session before is over");
        assert!(old.header("location").starts_with("/inloggen"));
    }
}

backend_test! {
    async fn password_changes_refuse_guessable_and_current_passwords_and_are_limited(database) {
        let site = TestSite::with_demo(database).await;
        let visitor = Visitor::signed_in(&site, Role::Partner, "10.17.0.1:4000").await;
        let change = |new: &'static str| [("current", PASSWORD), ("new", new), ("repeated", new)];
        let guessable = site.post("/account/wachtwoord", &change("12345678901234"), &visitor).await;
        assert_eq!(guessable.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(guessable.body.contains("te makkelijk te raden"), "{}", guessable.body);
        let words = site.post("/account/wachtwoord", &change("Wachtwoord2024!"), &visitor).await;
        assert!(words.body.contains("te makkelijk te raden"), "{}", words.body);
        let current = site.post("/account/wachtwoord", &change(PASSWORD), &visitor).await;
        assert_eq!(current.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(current.body.contains("Het nieuwe wachtwoord is het huidige"), "{}", current.body);

        // Ten tries per quarter of an hour, as signing in has; then 429 with Retry-After, even
        // with the right current password.
        let mut statuses = Vec::new();
        for _ in 0..8 {
            let wrong = [("current", "niet het wachtwoord"), ("new", "een heel ander lang wachtwoord"), ("repeated", "een heel ander lang wachtwoord")];
            statuses.push(site.post("/account/wachtwoord", &wrong, &visitor).await.status);
        }
        assert!(statuses[..7].iter().all(|status| *status == StatusCode::UNPROCESSABLE_ENTITY), "{statuses:?}");
        assert_eq!(statuses[7], StatusCode::TOO_MANY_REQUESTS, "{statuses:?}");
        let limited = site.post("/account/wachtwoord", &change("een heel ander lang wachtwoord"), &visitor).await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
        assert!(!limited.header("retry-after").is_empty());
        // Nothing was changed: the old password still signs in.
        let again = Visitor::signed_in(&site, Role::Partner, "10.17.0.2:4000").await;
        assert_eq!(site.get("/account", &again).await.status, StatusCode::OK);
    }
}

backend_test! {
    async fn names_with_control_characters_are_refused(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::signed_in(&site, Role::Admin, "10.18.0.1:4000").await;
        let (users, tokens) = (row_count(&site, "users").await, row_count(&site, "api_tokens").await);
        let account = [("email", "nul@hengelo.example"), ("name", "Nul\u{0}Teken"), ("role", "raadslid"), ("partner", ""), ("password", "")];
        let refused = site.post("/beheer/gebruikers", &account, &admin).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("tekens in die niet getypt worden"), "{}", refused.body);
        let token = [("name", "Koppeling\r\nX-Injected: 1"), ("role", "raadslid"), ("partner", "")];
        let refused = site.post("/beheer/tokens", &token, &admin).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert_eq!((row_count(&site, "users").await, row_count(&site, "api_tokens").await), (users, tokens), "nothing stored");
    }
}

backend_test! {
    async fn a_change_is_confirmed_once_on_the_page_it_lands_on_and_a_forged_notice_shows_nothing(database) {
        let site = TestSite::with_demo(database).await;
        let mut admin = Visitor::signed_in(&site, Role::Admin, "10.14.0.1:4000").await;
        let created = site.post("/beheer/tokens", &[("name", "Koppeling"), ("role", "college")], &admin).await;
        assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
        let tokens = site.get("/beheer/tokens", &admin).await;
        let id = tokens.body.split("/beheer/tokens/").nth(1).unwrap().split('/').next().unwrap().to_owned();

        let revoked = site.post(&format!("/beheer/tokens/{id}/intrekken"), &[], &admin).await;
        assert_eq!(revoked.status, StatusCode::SEE_OTHER);
        assert!(revoked.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_melding=notice-token-revoked")));
        admin.take_cookies(&revoked);
        let landed = site.get(revoked.header("location"), &admin).await;
        assert!(landed.body.contains("Het API-token is ingetrokken."), "{}", landed.body);
        assert!(landed.body.contains("role=\"status\""), "announced to screen readers");
        admin.take_cookies(&landed);
        let refreshed = site.get(revoked.header("location"), &admin).await;
        assert!(!refreshed.body.contains("Het API-token is ingetrokken."), "shown once");

        // A visitor's own cookie can only name one of the site's confirmations, as text never.
        for forged in ["notice-token-revoked%3Cscript%3E", "error-bad-request", "<b>gehackt</b>"] {
            let mut visitor = Visitor::new("10.14.0.2:4000");
            visitor.cookies.push(("wijkbeeld_melding".to_owned(), forged.to_owned()));
            let page = site.get("/", &visitor).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(!page.body.contains("site-notice"), "{forged}");
        }
    }
}

backend_test! {
    async fn the_audit_log_says_what_was_done_in_words_with_the_stored_codes_and_json_beside(database) {
        let site = TestSite::with_demo(database).await;
        let admin = Visitor::signed_in(&site, Role::Admin, "10.15.0.1:4000").await;
        site.post("/beheer/tokens", &[("name", "Koppeling"), ("role", "college")], &admin).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.15.0.2:4000").await;
        let proposals = site.get("/voorstellen", &griffie).await;
        let id = proposals.body.split("href=\"/voorstellen/").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let form = site.get(&format!("/voorstellen/{id}/bewerken"), &griffie).await;
        assert_eq!(form.status, StatusCode::OK);
        let new = "een ander en lang wachtwoord";
        let changed = site.post("/account/wachtwoord", &[("current", PASSWORD), ("new", new), ("repeated", new)], &admin).await;
        assert_eq!(changed.status, StatusCode::SEE_OTHER);

        for language in ["nl", "en"] {
            let mut reader = griffie.clone();
            reader.cookies.push(("wijkbeeld_taal".to_owned(), language.to_owned()));
            let log = site.get("/audit", &reader).await;
            assert_eq!(log.status, StatusCode::OK);
            let (demo, token) = match language {
                "nl" => ("Demodata geladen", "API-token aangemaakt"),
                _ => ("Demo data loaded", "API token created"),
            };
            assert!(log.body.contains(demo) && log.body.contains(token), "{language}: {}", log.body);
            assert!(log.body.contains("<code class=\"utrecht-code\">demo.load</code>"), "the code is there for who wants it");
            // Every field of the details has a label in words: no stored key shows as a label.
            let labels: Vec<&str> =
                log.body.split("<dt>").skip(1).map(|rest| rest.split("</dt>").next().unwrap()).collect();
            assert!(labels.len() >= 4, "{labels:?}");
            for label in labels {
                assert!(
                    !label.contains('_') && label.chars().next().is_some_and(char::is_uppercase),
                    "{language}: the field {label:?} has no words"
                );
            }
        }
    }
}

backend_test! {
    async fn a_new_password_or_token_is_shown_once_after_a_redirect_and_a_refresh_makes_nothing_new(database) {
        let site = TestSite::with_demo(database).await;
        let mut admin = Visitor::signed_in(&site, Role::Admin, "10.16.0.1:4000").await;
        let tokens_before = row_count(&site, "api_tokens").await;
        let made = site.post("/beheer/tokens", &[("name", "Koppeling"), ("role", "college")], &admin).await;
        assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        assert_eq!(made.header("location"), "/beheer/tokens/gemaakt");
        let handed = made.set_cookies().into_iter().find(|cookie| cookie.starts_with("wijkbeeld_geheim=")).unwrap();
        for attribute in ["HttpOnly", "SameSite=Strict", "Max-Age=600"] {
            assert!(handed.contains(attribute), "{handed}");
        }

        // Another browser with the address sees nothing.
        let elsewhere = site.get("/beheer/tokens/gemaakt", &Visitor::with_session(&site, Role::Admin, "10.16.0.2:4000").await).await;
        assert_eq!(elsewhere.status, StatusCode::GONE);
        assert!(!elsewhere.body.contains("secret\">"), "{}", elsewhere.body);

        admin.take_cookies(&made);
        let shown = site.get("/beheer/tokens/gemaakt", &admin).await;
        assert_eq!(shown.status, StatusCode::OK, "{}", shown.body);
        let secret = secret_on(&shown.body);
        assert_eq!(secret.len(), 43, "{secret}");
        assert!(shown.set_cookies().iter().any(|cookie| cookie.starts_with("wijkbeeld_geheim=;") && cookie.contains("Max-Age=0")));

        // A refresh shows it no more and makes no second token.
        admin.take_cookies(&shown);
        let refreshed = site.get("/beheer/tokens/gemaakt", &admin).await;
        assert_eq!(refreshed.status, StatusCode::GONE);
        assert!(refreshed.body.contains("Niet meer te zien"), "{}", refreshed.body);
        assert!(!refreshed.body.contains(&secret));
        assert_eq!(row_count(&site, "api_tokens").await, tokens_before + 1);

        let created = site
            .post("/beheer/gebruikers", &[("email", "n.nieuw@hengelo.example"), ("name", "Noor Nieuw"), ("role", "raadslid")], &admin)
            .await;
        assert_eq!(created.header("location"), "/beheer/gebruikers/aangemaakt");
        // A token's cookie does not show on the account page, nor the other way round.
        admin.take_cookies(&created);
        assert_eq!(site.get("/beheer/tokens/gemaakt", &admin).await.status, StatusCode::GONE);
        let page = site.get("/beheer/gebruikers/aangemaakt", &admin).await;
        assert!(page.body.contains("n.nieuw@hengelo.example"), "{}", page.body);
        let password = secret_on(&page.body);
        admin.take_cookies(&page);
        let mut english = admin.clone();
        english.cookies.push(("wijkbeeld_taal".to_owned(), "en".to_owned()));
        let again = site.get("/beheer/gebruikers/aangemaakt", &english).await;
        assert_eq!(again.status, StatusCode::GONE);
        assert!(again.body.contains("No longer shown"), "{}", again.body);
        assert!(!again.body.contains(&password));
    }
}
