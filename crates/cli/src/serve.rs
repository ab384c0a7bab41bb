//! `wijkbeeld serve`: the web server, with graceful shutdown on Ctrl-C and SIGTERM.

use std::net::SocketAddr;

use anyhow::{Context, Result};
use tokio::net::TcpListener;
use wijkbeeld_domain::demo::HENGELO_AREAS_CSV;
use wijkbeeld_store::{DatabaseSetting, statistics};
use wijkbeeld_web::{AppState, Clock, Settings};

/// Serves until a shutdown signal. `demo` is `Some(password)` to load the demo data into an
/// empty database first (with that password for the demo accounts, or generated ones).
pub(crate) async fn run(
    setting: &DatabaseSetting,
    listen: SocketAddr,
    demo: Option<Option<String>>,
    settings: Settings,
) -> Result<()> {
    // Bind before touching the database, so that a port in use is reported at once.
    let listener = TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr().context("cannot read the address listened on")?;
    let store = crate::open(setting).await?;
    if let Some(password) = demo {
        let mut tx = store.begin().await?;
        let empty = statistics::is_empty(&mut tx).await?;
        drop(tx);
        if empty {
            if let Err(error) = crate::demo::load(&store, HENGELO_AREAS_CSV, password).await {
                store.close().await;
                return Err(error);
            }
        } else {
            println!("The database already holds data; the demo data is not loaded.");
        }
    }
    println!("wijkbeeld is listening on http://{address} (database: {}); stop with Ctrl-C.", store.location());
    tracing::info!(%address, "listening");
    let state = AppState::with_settings(store.clone(), Clock::System, settings);
    let served = wijkbeeld_web::serve(listener, state, shutdown_signal()).await;
    store.close().await;
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
