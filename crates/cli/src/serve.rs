//! `wijkbeeld serve`: the web server, with graceful shutdown on Ctrl-C and SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use std::time::Duration;

use anyhow::{Context, Result};
use tokio::net::TcpListener;
use wijkbeeld_app::mail::Backoff;
use wijkbeeld_app::{DatabaseSetting, setup};
use wijkbeeld_domain::demo::HENGELO_AREAS_CSV;
use wijkbeeld_web::mail::{Delivery, SmtpSender};
use wijkbeeld_web::theme::Theme;
use wijkbeeld_web::{AppState, Settings};

/// How `serve` sends e-mail.
#[derive(clap::Args)]
pub(crate) struct MailArguments {
    /// The SMTP server to send e-mail through: smtp://127.0.0.1:2525 (plain, for a local relay),
    /// smtp://user:password@host:587?tls=required (STARTTLS) or smtps://host:465. Without it,
    /// messages wait in the outbox that the griffie reads at /beheer/uitgaande-post.
    #[arg(long, env = "WIJKBEELD_SMTP_URL", value_name = "URL")]
    pub(crate) smtp_url: Option<String>,
    /// The sender of the e-mail.
    #[arg(long, env = "WIJKBEELD_MAIL_FROM", value_name = "ADDRESS", default_value = "wijkbeeld <griffie@localhost>")]
    pub(crate) mail_from: String,
    /// The address the site is reached at, for the links in e-mail (by default
    /// http://<the address listened on>).
    #[arg(long, env = "WIJKBEELD_PUBLIC_URL", value_name = "URL")]
    pub(crate) public_url: Option<String>,
    /// How long a failed message waits before it is tried again, in milliseconds; the wait
    /// doubles with each further failure, up to an hour.
    #[arg(long, value_name = "MILLISECONDS", default_value_t = 60_000)]
    pub(crate) mail_retry_ms: u64,
    /// How often the outbox is looked at, in milliseconds.
    #[arg(long, value_name = "MILLISECONDS", default_value_t = 5_000)]
    pub(crate) mail_poll_ms: u64,
}

/// How `serve` was asked to run.
pub(crate) struct Deployment {
    /// The address and port to listen on.
    pub(crate) listen: SocketAddr,
    /// Mark cookies Secure.
    pub(crate) secure_cookies: bool,
    /// Take client addresses from X-Forwarded-For.
    pub(crate) trust_proxy: bool,
    /// The theme file, if any.
    pub(crate) theme: Option<PathBuf>,
    /// The days after a session that its speakers' contact details are kept.
    pub(crate) contact_retention_days: u32,
    /// How e-mail is sent.
    pub(crate) mail: MailArguments,
}

/// Serves until a shutdown signal. `demo` is `Some(password)` to load the demo data into an
/// empty database first (with that password for the demo accounts, or generated ones).
pub(crate) async fn run(
    setting: &DatabaseSetting,
    deployment: &Deployment,
    demo: Option<Option<String>>,
) -> Result<()> {
    let theme = match &deployment.theme {
        Some(path) => Theme::load(path)?,
        None => Theme::default(),
    };
    let mail = &deployment.mail;
    let sender = match &mail.smtp_url {
        Some(url) => Some(SmtpSender::new(url, &mail.mail_from)?),
        None => None,
    };
    let retention_days = wijkbeeld_domain::privacy::retention_days(deployment.contact_retention_days)?;
    let listen = deployment.listen;
    // Bind before touching the database, so that a port in use is reported at once.
    let listener = TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr().context("cannot read the address listened on")?;
    let public_url =
        mail.public_url.clone().unwrap_or_else(|| format!("http://{address}")).trim_end_matches('/').to_owned();
    let settings = Settings {
        secure_cookies: deployment.secure_cookies,
        trust_proxy: deployment.trust_proxy,
        theme: Arc::new(theme),
        public_url: Some(public_url.clone()),
        mail_configured: sender.is_some(),
    };
    let app = crate::open(setting).await?;
    if let Some(password) = demo {
        let loaded = match setup::is_empty(&app).await {
            Ok(true) => crate::demo::load(&app, HENGELO_AREAS_CSV, password.as_deref()).await,
            Ok(false) => {
                println!("The database already holds data; the demo data is not loaded.");
                Ok(())
            }
            Err(error) => Err(error.into()),
        };
        if let Err(error) = loaded {
            app.close().await;
            return Err(error);
        }
    }
    println!("wijkbeeld is listening on http://{address} (database: {}); stop with Ctrl-C.", app.store().location());
    tracing::info!(%address, "listening");
    let state = AppState::of(app.clone(), settings);
    // The delivery task runs beside the server and stops with it.
    let (stop_delivery, delivery_stopped) = tokio::sync::oneshot::channel::<()>();
    let delivery = sender.map(|sender| {
        let delivery = Delivery {
            sender,
            public_url,
            poll: Duration::from_millis(mail.mail_poll_ms.max(10)),
            backoff: Backoff { first: Duration::from_millis(mail.mail_retry_ms), ..Backoff::default() },
        };
        tokio::spawn(delivery.run(app.clone(), async {
            delivery_stopped.await.ok();
        }))
    });
    let purging = tokio::spawn(crate::privacy::purge_daily(app.clone(), retention_days));
    let served = wijkbeeld_web::serve(listener, state, shutdown_signal()).await;
    purging.abort();
    stop_delivery.send(()).ok();
    if let Some(delivery) = delivery {
        delivery.await.ok();
    }
    app.close().await;
    served.context("the server stopped with an error")?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM (what service managers send to stop a server).
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down: finishing the requests in flight");
}
