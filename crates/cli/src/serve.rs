//! `wijkbeeld serve`: the web server, with graceful shutdown on Ctrl-C and SIGTERM.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use tokio::net::TcpListener;
use wijkbeeld_app::{DatabaseSetting, setup};
use wijkbeeld_domain::demo::HENGELO_AREAS_CSV;
use wijkbeeld_web::theme::Theme;
use wijkbeeld_web::{AppState, Settings};

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
    let settings = Settings {
        secure_cookies: deployment.secure_cookies,
        trust_proxy: deployment.trust_proxy,
        theme: Arc::new(theme),
    };
    let retention_days = wijkbeeld_domain::privacy::retention_days(deployment.contact_retention_days)?;
    let listen = deployment.listen;
    // Bind before touching the database, so that a port in use is reported at once.
    let listener = TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr().context("cannot read the address listened on")?;
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
    let purging = tokio::spawn(crate::privacy::purge_daily(app.clone(), retention_days));
    let served = wijkbeeld_web::serve(listener, state, shutdown_signal()).await;
    purging.abort();
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
