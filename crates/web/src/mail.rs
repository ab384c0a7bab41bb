//! E-mail at the edge: the outbox's messages rendered from their template codes with the locale
//! texts of the message's language (here, because the texts live here), sent over SMTP with
//! lettre, and the delivery task that `serve` runs beside the web server.

use std::future::Future;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use wijkbeeld_app::App;
use wijkbeeld_app::mail::{self, Backoff, MailError, OutboxMessage};

use crate::i18n::{Argument, Language, Texts};

/// The arguments a template may use, as the use cases queue them (`link` is made here from
/// `cancel_path` or `path` on the public address, `date` is written in the message's language).
const ARGUMENTS: &[&str] = &["name", "subject", "date", "start", "room", "position", "link"];

/// A message as it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The subject line.
    pub subject: String,
    /// The plain text.
    pub body: String,
}

/// The subject and text of a message, in its language, with links made absolute on
/// `public_url` (the address the site is reached at, without a trailing slash). None when the
/// message can no longer be written (it was sent and its arguments erased) or its template is
/// unknown to this version.
pub fn render(message: &OutboxMessage, public_url: &str) -> Option<Rendered> {
    let arguments: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(message.arguments.as_deref()?).ok()?;
    let texts = Texts::new(Language::from_code(&message.language).unwrap_or_default());
    let text = |name: &str| -> Option<String> {
        match arguments.get(name)? {
            serde_json::Value::String(text) => Some(text.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        }
    };
    let values: Vec<(&'static str, String)> = ARGUMENTS
        .iter()
        .filter_map(|name| {
            let value = match *name {
                "link" => text("cancel_path")
                    .or_else(|| text("path"))
                    .map(|path| format!("{}{path}", public_url.trim_end_matches('/'))),
                "date" => text("date").map(|date| match time::Date::parse(&date, DATE) {
                    Ok(date) => texts.weekday_date(date),
                    Err(_) => date,
                }),
                "position" => match arguments.get("position") {
                    Some(serde_json::Value::Number(number)) => number.as_i64().map(|position| texts.integer(position)),
                    _ => text("position"),
                },
                other => text(other),
            }?;
            Some((*name, value))
        })
        .collect();
    let fluent: Vec<(&'static str, Argument<'_>)> =
        values.iter().map(|(name, value)| (*name, Argument::Text(value.as_str()))).collect();
    let subject = texts.lookup_with(&format!("mail-{}-subject", message.template), &fluent)?;
    let body = texts.lookup_with(&format!("mail-{}-body", message.template), &fluent)?;
    Some(Rendered { subject, body })
}

const DATE: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

/// Why a sender cannot be made from its settings.
#[derive(Debug, thiserror::Error)]
pub enum SenderError {
    /// The SMTP URL is not one lettre reads (`smtp://host:port`, `smtps://…`, `?tls=required`).
    #[error("the SMTP URL is not usable: {0}")]
    Url(String),
    /// The sender's address is not an address.
    #[error("the sender's address is not usable: {0}")]
    From(String),
}

/// Sends messages over SMTP.
#[derive(Clone)]
pub struct SmtpSender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for SmtpSender {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.debug_struct("SmtpSender").field("from", &self.from.to_string()).finish_non_exhaustive()
    }
}

impl SmtpSender {
    /// A sender to the server at `url` (`smtp://127.0.0.1:2525` plain, `smtp://host?tls=required`
    /// with STARTTLS, `smtps://host` with TLS; user and password in the URL), from `from`.
    pub fn new(url: &str, from: &str) -> Result<SmtpSender, SenderError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|error| SenderError::Url(error.to_string()))?
            // A server that hangs must not hold the queue for long.
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = from.parse::<Mailbox>().map_err(|error| SenderError::From(error.to_string()))?;
        Ok(SmtpSender { transport, from })
    }

    /// Sends one message to `to`.
    pub async fn send(&self, to: &str, rendered: &Rendered) -> Result<(), String> {
        let to = to.parse::<Mailbox>().map_err(|error| format!("the recipient is not an address: {error}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(rendered.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(rendered.body.clone())
            .map_err(|error| error.to_string())?;
        self.transport.send(message).await.map(|_| ()).map_err(|error| error.to_string())
    }
}

/// The delivery task: how often it looks for due messages, how it sends them, and how it waits
/// after a failure.
#[derive(Debug, Clone)]
pub struct Delivery {
    /// The sender.
    pub sender: SmtpSender,
    /// The address the site is reached at, for the links in the messages.
    pub public_url: String,
    /// How long it sleeps when the queue is empty.
    pub poll: Duration,
    /// How long a failed message waits.
    pub backoff: Backoff,
}

/// How many messages one pass takes.
const BATCH: i64 = 10;
/// How long a taken message is held before another sender may take it: longer than a batch's
/// sending takes with every server timing out.
const LEASE: Duration = Duration::from_secs(10 * 60);

impl Delivery {
    /// Sends the due messages of one batch, and says how many were taken.
    pub async fn run_once(&self, app: &App) -> Result<usize, MailError> {
        let caller = app.system("mail").await?;
        if caller.body().is_err() {
            // No municipality yet (an empty database): nothing can have been queued.
            return Ok(0);
        }
        let due = mail::take_due(app, &caller, BATCH, LEASE).await?;
        for message in &due {
            let sent = match render(message, &self.public_url) {
                Some(rendered) => self.sender.send(&message.recipient, &rendered).await,
                None => Err(format!("the template {} cannot be written", message.template)),
            };
            // The moment of marking, not of taking: the wait runs from the failure.
            let caller = app.system("mail").await?;
            match sent {
                Ok(()) => {
                    tracing::info!(id = message.id, template = %message.template, "mail sent");
                    mail::mark_sent(app, &caller, message.id).await?;
                }
                Err(error) => {
                    tracing::warn!(id = message.id, attempts = message.attempts, %error, "mail not sent");
                    mail::mark_failed(app, &caller, message, &error, &self.backoff).await?;
                }
            }
        }
        Ok(due.len())
    }

    /// Sends due messages until `shutdown` completes: a full batch is followed at once by the
    /// next, otherwise it sleeps `poll`. A failing database is logged and tried again.
    pub async fn run(self, app: App, shutdown: impl Future<Output = ()>) {
        tokio::pin!(shutdown);
        loop {
            let taken = match self.run_once(&app).await {
                Ok(taken) => taken,
                Err(error) => {
                    tracing::error!(%error, "the outbox cannot be worked");
                    0
                }
            };
            if taken as i64 >= BATCH {
                continue;
            }
            tokio::select! {
                () = &mut shutdown => break,
                () = tokio::time::sleep(self.poll) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(template: &str, language: &str, arguments: serde_json::Value) -> OutboxMessage {
        OutboxMessage {
            id: 1,
            recipient: "a@example.nl".into(),
            language: language.into(),
            template: template.into(),
            arguments: Some(arguments.to_string()),
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            attempts: 0,
            next_attempt_at: None,
            sent_at: None,
            last_error: None,
        }
    }

    fn registration() -> serde_json::Value {
        serde_json::json!({
            "name": "Jan de Vries", "subject": "Wijkgericht werken", "date": "2026-12-15", "start": "19:30",
            "room": "Raadzaal", "position": 2, "cancel_path": "/aanmelding/abc123"
        })
    }

    #[test]
    fn every_registration_message_names_the_session_and_its_private_link_in_both_languages() {
        for template in
            ["registration-confirmed", "registration-waitlisted", "registration-promoted", "registration-cancelled"]
        {
            for (language, date) in [("nl", "dinsdag 15 december 2026"), ("en", "Tuesday 15 December 2026")] {
                let rendered =
                    render(&message(template, language, registration()), "https://raad.example.nl/").unwrap();
                assert!(rendered.subject.contains("Wijkgericht werken"), "{template} {language}: {rendered:?}");
                for part in ["Jan de Vries", date, "19:30", "Raadzaal"] {
                    assert!(rendered.body.contains(part), "{template} {language} lacks {part}: {}", rendered.body);
                }
                if template != "registration-cancelled" {
                    assert!(
                        rendered.body.contains("https://raad.example.nl/aanmelding/abc123"),
                        "{template} {language}: {}",
                        rendered.body
                    );
                }
                assert!(
                    !rendered.body.contains('{'),
                    "{template} {language} has an unfilled argument: {}",
                    rendered.body
                );
            }
        }
        let waitlisted = render(&message("registration-waitlisted", "nl", registration()), "").unwrap();
        assert!(waitlisted.body.contains("plaats 2"), "{}", waitlisted.body);
    }

    #[test]
    fn a_sent_message_or_an_unknown_template_is_not_written() {
        let mut sent = message("test", "nl", serde_json::json!({ "path": "/beheer/uitgaande-post" }));
        let rendered = render(&sent, "http://localhost:8080").unwrap();
        assert_eq!(rendered.subject, "Proefbericht van wijkbeeld");
        assert!(rendered.body.contains("http://localhost:8080/beheer/uitgaande-post"), "{}", rendered.body);
        sent.arguments = None;
        assert_eq!(render(&sent, ""), None);
        assert_eq!(render(&message("no-such-template", "en", serde_json::json!({})), ""), None);
    }
}
