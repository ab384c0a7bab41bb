//! The `wijkbeeld` command: serves the web interface, loads the demo data, migrates the
//! database. Errors end the program with one line on standard error and exit code 1.

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;
use wijkbeeld_domain::demo::{self, HENGELO_AREAS_CSV};
use wijkbeeld_store::{DatabaseSetting, Store, statistics};
use wijkbeeld_web::{AppState, Clock};

/// wijkbeeld: the Politieke Markt and wijkgericht werken of a Dutch municipality.
#[derive(Parser)]
#[command(name = "wijkbeeld", version, max_term_width = 100)]
struct Cli {
    /// The database: a SQLite file (created when missing) or a postgres:// URL.
    #[arg(long, env = "WIJKBEELD_DATABASE", default_value = "./wijkbeeld.db", global = true)]
    database: String,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web interface (migrating the database first).
    Serve {
        /// The address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: SocketAddr,
        /// Load the demo data first when the database is empty.
        #[arg(long)]
        demo: bool,
    },
    /// Load the demo data set; loading it again changes nothing.
    Demo {
        /// A division file (code,name,level,parent_code) to use instead of Hengelo's wijken and buurten.
        #[arg(long, value_name = "FILE")]
        areas: Option<PathBuf>,
    },
    /// Bring the database schema up to date, and say which version it is at.
    Migrate,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("wijkbeeld: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("wijkbeeld: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let setting: DatabaseSetting = cli.database.parse()?;
    match cli.command {
        Command::Serve { listen, demo } => serve(&setting, listen, demo).await,
        Command::Demo { areas } => {
            let areas = match areas {
                Some(path) => std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read the areas file {}", path.display()))?,
                None => HENGELO_AREAS_CSV.to_owned(),
            };
            let store = open(&setting).await?;
            let result = load_demo(&store, &areas).await;
            store.close().await;
            result
        }
        Command::Migrate => {
            let store = Store::connect(&setting).await?;
            let report = store.migrate().await;
            store.close().await;
            let report = report?;
            println!(
                "The database at {} is at schema version {} ({} migration{} applied now).",
                setting.redacted(),
                report.version,
                report.applied,
                if report.applied == 1 { "" } else { "s" }
            );
            Ok(())
        }
    }
}

/// Connects and migrates, as every command that uses the data does.
async fn open(setting: &DatabaseSetting) -> Result<Store> {
    let store = Store::connect(setting).await?;
    if let Err(error) = store.migrate().await {
        store.close().await;
        return Err(error.into());
    }
    Ok(store)
}

async fn load_demo(store: &Store, areas_csv: &str) -> Result<()> {
    let now = Clock::System.now();
    let mut tx = store.begin_write().await?;
    let anchor = wijkbeeld_store::demo::anchor(&mut tx).await?.unwrap_or_else(|| Clock::System.today());
    let data = demo::generate(anchor, areas_csv)?;
    let report = wijkbeeld_store::demo::load(&mut tx, &data, now).await?;
    tx.commit().await?;
    if report.total() == 0 {
        println!("The demo data (anchored on {anchor}) is already in the database; nothing changed.");
    } else {
        let tables: Vec<String> = report.created.iter().map(|(table, count)| format!("{table} {count}")).collect();
        println!("Loaded the demo data, anchored on {anchor}: {} rows ({}).", report.total(), tables.join(", "));
        println!("{}", demo::SYNTHETIC_NOTICE);
    }
    Ok(())
}

async fn serve(setting: &DatabaseSetting, listen: SocketAddr, demo: bool) -> Result<()> {
    // Bind before touching the database, so that a port in use is reported at once.
    let listener = TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let address = listener.local_addr().context("cannot read the address listened on")?;
    let store = open(setting).await?;
    if demo {
        let mut tx = store.begin().await?;
        let empty = statistics::is_empty(&mut tx).await?;
        drop(tx);
        if empty {
            load_demo(&store, HENGELO_AREAS_CSV).await?;
        } else {
            println!("The database already holds data; the demo data is not loaded.");
        }
    }
    println!("wijkbeeld is listening on http://{address} (database: {}); stop with Ctrl-C.", store.location());
    tracing::info!(%address, "listening");
    let state = AppState::new(store.clone(), Clock::System);
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
