//! E-mail: a use case queues a [`Mail`] in the same transaction as the change it tells of
//! ([`Write::queue_mail`]); the delivery task of `serve` takes the due messages, has them
//! rendered and sent, and marks them sent or failed with a retry after a backoff; the griffie
//! reads the outbox. Delivering is bookkeeping of a change that was audited when it was made, so
//! it writes no audit entry.

use std::time::Duration;

use wijkbeeld_domain::access::{EmailAddress, Permission};
use wijkbeeld_store::StoreError;
use wijkbeeld_store::mail::{self as stored, NewMail};

pub use wijkbeeld_store::mail::OutboxMessage;

use crate::audit::{Entry, Write};
use crate::{App, Caller, Denied, NoMunicipality, Who};

/// A message to send: to whom, in which language, by which template of the locale files
/// (`mail-<template>-subject`, `mail-<template>-body`) with which arguments. The text is made
/// only when it is sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Mail {
    /// The address.
    pub to: String,
    /// The language of the text: `nl` or `en`.
    pub language: String,
    /// The template's code (`registration-confirmed`).
    pub template: &'static str,
    /// The template's arguments, an object of names and values.
    pub arguments: serde_json::Value,
}

impl Write<'_> {
    /// Queues `mail` for the caller's body in this write's transaction: it is sent only if the
    /// change commits, and the change never waits for, or fails with, the mail server.
    pub(crate) async fn queue_mail(&mut self, mail: Mail) -> Result<(), StoreError> {
        let caller = self.caller();
        let body =
            caller.body().map_err(|NoMunicipality| StoreError::Setting("no municipality to send mail for".into()))?;
        let now = caller.now();
        let arguments = mail.arguments.to_string();
        let new =
            NewMail { recipient: &mail.to, language: &mail.language, template: mail.template, arguments: &arguments };
        stored::queue(self.tx(), body, &new, now).await?;
        Ok(())
    }
}

/// Why the outbox cannot be read or worked.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    /// The caller may not.
    #[error(transparent)]
    Denied(#[from] Denied),
    /// The deployment serves no municipality yet.
    #[error(transparent)]
    NoMunicipality(#[from] NoMunicipality),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Queues a test message to `to` in `language` (`nl`, `en`), so that the griffie can see that
/// sending works: a change of the outbox made by a person, so audited.
pub async fn queue_test(app: &App, caller: &Caller, to: &EmailAddress, language: &str) -> Result<(), MailError> {
    caller.require(Permission::ReadOutbox)?;
    caller.body()?;
    let mut write = app.write(caller).await?;
    let language = if language == "en" { "en" } else { "nl" };
    write
        .queue_mail(Mail {
            to: to.as_str().to_owned(),
            language: language.to_owned(),
            template: "test",
            // The page it is sent from, so that the message also shows the links work.
            arguments: serde_json::json!({ "path": "/beheer/uitgaande-post" }),
        })
        .await?;
    write.commit(Entry::new("mail.test", "mail")).await?;
    Ok(())
}

/// How long a sender waits before trying a failed message again: `first` after the first
/// failure, doubling with each further one up to `longest`, and no more tries after `attempts`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after the first failure.
    pub first: Duration,
    /// The longest wait.
    pub longest: Duration,
    /// The number of attempts after which a message is given up.
    pub attempts: i64,
}

impl Default for Backoff {
    /// A minute, doubling to an hour, for a day or so.
    fn default() -> Backoff {
        Backoff { first: Duration::from_secs(60), longest: Duration::from_secs(3_600), attempts: 30 }
    }
}

impl Backoff {
    /// The wait after the `attempts`-th failed attempt, or none when it was the last.
    pub fn after(&self, attempts: i64) -> Option<Duration> {
        if attempts >= self.attempts {
            return None;
        }
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        Some(self.first.saturating_mul(2u32.saturating_pow(doublings)).min(self.longest))
    }
}

/// Only the system (the delivery task) works the outbox.
fn require_system(caller: &Caller) -> Result<(), Denied> {
    if matches!(caller.who(), Who::System(_)) { Ok(()) } else { Err(Denied) }
}

/// Takes up to `limit` messages of the caller's body that are due, each held for `lease` (taken
/// again after it, if the sender has not marked it by then).
pub async fn take_due(
    app: &App,
    caller: &Caller,
    limit: i64,
    lease: Duration,
) -> Result<Vec<OutboxMessage>, MailError> {
    require_system(caller)?;
    let body = caller.body()?;
    let now = caller.now();
    let mut tx = app.bookkeeping().await?;
    let messages = stored::take_due(&mut tx, body, now, now + lease, limit).await?;
    tx.commit().await?;
    Ok(messages)
}

/// Marks a message sent, erasing its arguments.
pub async fn mark_sent(app: &App, caller: &Caller, id: i64) -> Result<(), MailError> {
    require_system(caller)?;
    let body = caller.body()?;
    let mut tx = app.bookkeeping().await?;
    stored::mark_sent(&mut tx, body, id, caller.now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that sending a message failed with `error` after its `attempts`-th attempt, and
/// when to try again by `backoff`.
pub async fn mark_failed(
    app: &App,
    caller: &Caller,
    message: &OutboxMessage,
    error: &str,
    backoff: &Backoff,
) -> Result<(), MailError> {
    require_system(caller)?;
    let body = caller.body()?;
    let next = backoff.after(message.attempts).map(|wait| caller.now() + wait);
    let mut tx = app.bookkeeping().await?;
    stored::mark_failed(&mut tx, body, message.id, error, next).await?;
    tx.commit().await?;
    Ok(())
}

/// The newest messages of the outbox, for the griffie: waiting, sent and failed.
pub async fn outbox(app: &App, caller: &Caller, limit: i64) -> Result<Vec<OutboxMessage>, MailError> {
    caller.require(Permission::ReadOutbox)?;
    let body = caller.body()?;
    let mut tx = app.store().begin().await?;
    let messages = stored::list(&mut tx, body, limit).await?;
    tx.commit().await?;
    Ok(messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_up_to_the_longest_and_ends_after_the_last_attempt() {
        let backoff = Backoff { first: Duration::from_secs(10), longest: Duration::from_secs(60), attempts: 5 };
        let waits: Vec<_> = (1..=5).map(|attempts| backoff.after(attempts)).collect();
        assert_eq!(
            waits,
            [
                Some(Duration::from_secs(10)),
                Some(Duration::from_secs(20)),
                Some(Duration::from_secs(40)),
                Some(Duration::from_secs(60)),
                None
            ]
        );
    }
}
