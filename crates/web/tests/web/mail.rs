//! The outbox page of the griffie (`/beheer/uitgaande-post`): the messages written as they are
//! sent, with their state, the test message, and who may see it, on SQLite and PostgreSQL.

use axum::http::StatusCode;
use wijkbeeld_domain::access::Role;
use wijkbeeld_store::backend_test;
use wijkbeeld_store::mail::{self, NewMail};

use crate::support::{TestSite, Visitor};

backend_test! {
    async fn the_griffie_reads_the_outbox_with_each_message_written_and_its_state(database) {
        let mut site = TestSite::with_demo(database).await;
        site.settings.public_url = Some("https://raad.example.nl".to_owned());
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.7.0.1:4000").await;

        // A registration's message, as the speaking rules queue it.
        let arguments = serde_json::json!({
            "name": "Jan de Vries", "subject": "Wijkgericht werken", "date": "2026-12-15", "start": "19:30",
            "room": "Raadzaal", "cancel_path": "/aanmelding/geheim-token-123"
        })
        .to_string();
        let mut tx = site.store.begin_write().await.unwrap();
        let registration = NewMail {
            recipient: "jan@example.nl",
            language: "nl",
            template: "registration-confirmed",
            arguments: &arguments,
        };
        let id = mail::queue(&mut tx, site.body, &registration, site.now).await.unwrap();
        tx.commit().await.unwrap();

        let page = site.get("/beheer/uitgaande-post", &griffie).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        for part in [
            "Uitgaande post",
            "Er is geen mailserver ingesteld",
            "jan@example.nl",
            "Aanmelding bevestigd",
            "Aanmelding inspreken bevestigd: Wijkgericht werken",
            "dinsdag 15 december 2026",
            "https://raad.example.nl/aanmelding/geheim-token-123",
            "Wacht op versturen",
        ] {
            assert!(page.body.contains(part), "{part} missing:\n{}", page.body);
        }

        // A failed attempt shows its error and the next attempt; a sent message no longer its text.
        let mut tx = site.store.begin_write().await.unwrap();
        mail::take_due(&mut tx, site.body, site.now, site.now + time::Duration::minutes(1), 10).await.unwrap();
        mail::mark_failed(&mut tx, site.body, id, "Connection refused", Some(site.now + time::Duration::minutes(1))).await.unwrap();
        tx.commit().await.unwrap();
        let failed = site.get("/beheer/uitgaande-post", &griffie).await;
        assert!(failed.body.contains("Mislukt na één poging: Connection refused"), "{}", failed.body);
        assert!(failed.body.contains("Volgende poging:"), "{}", failed.body);
        let mut tx = site.store.begin_write().await.unwrap();
        mail::mark_sent(&mut tx, site.body, id, site.now).await.unwrap();
        tx.commit().await.unwrap();
        let sent = site.get("/beheer/uitgaande-post", &griffie).await;
        assert!(sent.body.contains("Verstuurd op"), "{}", sent.body);
        assert!(sent.body.contains("is na het versturen gewist"), "{}", sent.body);
        assert!(!sent.body.contains("geheim-token-123"), "{}", sent.body);
    }
}

backend_test! {
    async fn the_test_message_is_queued_in_the_pages_language_and_a_bad_address_is_named(database) {
        let site = TestSite::with_demo(database).await;
        let griffie = Visitor::signed_in(&site, Role::Griffie, "10.7.0.2:4000").await;
        let refused = site.post("/beheer/uitgaande-post/proefbericht", &[("to", "geen adres")], &griffie).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
        assert!(refused.body.contains("Vul een geldig e-mailadres in"), "{}", refused.body);
        assert!(refused.body.contains("value=\"geen adres\""), "{}", refused.body);

        let queued = site.post("/beheer/uitgaande-post/proefbericht", &[("to", "griffie@hengelo.example")], &griffie).await;
        assert_eq!(queued.status, StatusCode::SEE_OTHER, "{}", queued.body);
        assert_eq!(queued.header("location"), "/beheer/uitgaande-post");
        let mut browser = griffie.clone();
        browser.take_cookies(&queued);
        let page = site.get("/beheer/uitgaande-post", &browser).await;
        assert!(page.body.contains("Het proefbericht staat klaar om te versturen."), "{}", page.body);
        assert!(page.body.contains("Proefbericht van wijkbeeld"), "{}", page.body);
        let mut tx = site.store.begin().await.unwrap();
        let outbox = mail::list(&mut tx, site.body, 10).await.unwrap();
        assert_eq!(
            outbox.iter().map(|message| (message.recipient.as_str(), message.template.as_str(), message.language.as_str())).collect::<Vec<_>>(),
            [("griffie@hengelo.example", "test", "nl")]
        );
    }
}

backend_test! {
    async fn the_outbox_is_the_griffies_and_never_public(database) {
        let site = TestSite::with_demo(database).await;
        let public = Visitor::anonymous(&site, "10.7.0.3:4000").await;
        let to_sign_in = site.get("/beheer/uitgaande-post", &public).await;
        assert_eq!(to_sign_in.status, StatusCode::SEE_OTHER);
        for role in [Role::College, Role::Councillor, Role::Partner] {
            let visitor = Visitor::with_session(&site, role, "10.7.0.4:4000").await;
            assert_eq!(site.get("/beheer/uitgaande-post", &visitor).await.status, StatusCode::FORBIDDEN, "{role}");
            let posted = site.post("/beheer/uitgaande-post/proefbericht", &[("to", "x@example.nl")], &visitor).await;
            assert_eq!(posted.status, StatusCode::FORBIDDEN, "{role}");
        }
        let admin = Visitor::with_session(&site, Role::Admin, "10.7.0.5:4000").await;
        assert_eq!(site.get("/beheer/uitgaande-post", &admin).await.status, StatusCode::OK);
        // The menu shows the page to whom may read it only.
        let griffie = Visitor::with_session(&site, Role::Griffie, "10.7.0.6:4000").await;
        assert!(site.get("/", &griffie).await.body.contains("href=\"/beheer/uitgaande-post\""));
        assert!(!site.get("/", &public).await.body.contains("/beheer/uitgaande-post"));
    }
}
