//! The outbox for the griffie (`/beheer/uitgaande-post`): every message wijkbeeld sends or has
//! yet to send, written as it is (or was) sent, with its state; and a test message to see that
//! sending works. The messages hold speakers' private links, so the page is never public.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use wijkbeeld_app::Caller;
use wijkbeeld_app::mail::{self, OutboxMessage};
use wijkbeeld_domain::access::EmailAddress;
use wijkbeeld_domain::local_time::in_dutch_time;

use crate::AppState;
use crate::error::AppResult;
use crate::forms::FormErrors;
use crate::i18n::{Argument, Texts};
use crate::layout::Layout;
use crate::mail::render;
use crate::notice::{self, Notice};

/// How many messages the page shows, newest first.
const SHOWN: i64 = 200;

/// A message as the page shows it.
pub(crate) struct MessageView {
    recipient: String,
    template: String,
    created: String,
    state: String,
    /// When it is tried again, or that it is not.
    retry: Option<String>,
    failed: bool,
    subject: Option<String>,
    body: Option<String>,
}

#[derive(Deserialize, Default)]
pub(crate) struct TestForm {
    #[serde(default)]
    to: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "outbox.html")]
pub(crate) struct OutboxPage {
    layout: Layout,
    messages: Vec<MessageView>,
    configured: bool,
    form: TestForm,
    errors: FormErrors,
}

fn moment(texts: &Texts, moment: time::OffsetDateTime) -> String {
    let local = in_dutch_time(moment);
    format!("{} {}", texts.date(local.date()), texts.clock(local.time()))
}

fn view(texts: &Texts, message: &OutboxMessage, public_url: &str) -> MessageView {
    let rendered = render(message, public_url);
    let (state, retry, failed) = match (&message.sent_at, &message.last_error) {
        (Some(sent), _) => {
            (texts.with("outbox-state-sent", &[("moment", Argument::Text(&moment(texts, *sent)))]), None, false)
        }
        (None, Some(error)) => {
            let state = texts.with(
                "outbox-state-failed",
                &[("attempts", Argument::Number(message.attempts)), ("error", Argument::Text(error))],
            );
            let retry = match message.next_attempt_at {
                Some(next) => texts.with("outbox-state-retry", &[("moment", Argument::Text(&moment(texts, next)))]),
                None => texts.t("outbox-state-given-up"),
            };
            (state, Some(retry), true)
        }
        (None, None) => (texts.t("outbox-state-waiting"), None, false),
    };
    MessageView {
        recipient: message.recipient.clone(),
        template: texts
            .lookup(&format!("mail-template-{}", message.template))
            .unwrap_or_else(|| message.template.clone()),
        created: moment(texts, message.created_at),
        state,
        retry,
        failed,
        subject: rendered.as_ref().map(|rendered| rendered.subject.clone()),
        body: rendered.map(|rendered| rendered.body),
    }
}

async fn page(
    state: &AppState,
    caller: &Caller,
    layout: Layout,
    form: TestForm,
    errors: FormErrors,
) -> AppResult<OutboxPage> {
    let messages = mail::outbox(state.app(), caller, SHOWN).await?;
    let texts = layout.texts;
    let public_url = state.settings().public_url.clone().unwrap_or_default();
    Ok(OutboxPage {
        layout: layout.trail(&[("/beheer/uitgaande-post", "outbox-title")]),
        messages: messages.iter().map(|message| view(&texts, message, &public_url)).collect(),
        configured: state.settings().mail_configured,
        form,
        errors,
    })
}

/// `GET /beheer/uitgaande-post`.
pub(crate) async fn show(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
) -> AppResult<OutboxPage> {
    page(&state, &caller, layout, TestForm::default(), FormErrors::none()).await
}

/// `POST /beheer/uitgaande-post/proefbericht`: queues a test message in the page's language.
pub(crate) async fn send_test(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    layout: Layout,
    Form(form): Form<TestForm>,
) -> AppResult<Response> {
    match form.to.parse::<EmailAddress>() {
        Ok(to) => {
            mail::queue_test(state.app(), &caller, &to, layout.texts.language().code()).await?;
            Ok(notice::redirect("/beheer/uitgaande-post", Notice::new("notice-mail-test-queued")))
        }
        Err(_) => {
            let errors = FormErrors::one("to", layout.texts.t("outbox-test-invalid"));
            let page = page(&state, &caller, layout, form, errors).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
