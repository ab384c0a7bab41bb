//! The `wijkbeeld` command: serves the web interface, loads the demo data, migrates the
//! database, and manages accounts and API tokens. Errors end the program with one line on
//! standard error and exit code 1.

mod accounts;
mod demo;
mod market;
mod monitor;
mod privacy;
mod proposals;
mod serve;

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;
use wijkbeeld_app::{App, BodyChoice, Caller, Clock, DatabaseSetting, setup};
use wijkbeeld_domain::access::Role;

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
        /// With --demo: the password of every demo account, instead of generated ones (for tests).
        #[arg(long, value_name = "PASSWORD", requires = "demo")]
        demo_password: Option<String>,
        /// Mark cookies Secure: the site is reached over HTTPS.
        #[arg(long, env = "WIJKBEELD_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Take client addresses from X-Forwarded-For (only behind a proxy that sets it).
        #[arg(long, env = "WIJKBEELD_TRUST_PROXY")]
        trust_proxy: bool,
        /// A theme file (TOML) with the municipality's name, logo and design tokens.
        #[arg(long, env = "WIJKBEELD_THEME", value_name = "FILE")]
        theme: Option<PathBuf>,
        /// The days after a session that its speakers' e-mail addresses and phone numbers are
        /// kept; a task erases them once a day after that (0 to 366).
        #[arg(long, env = "WIJKBEELD_CONTACT_RETENTION_DAYS", value_name = "DAYS",
              default_value_t = wijkbeeld_domain::privacy::DEFAULT_RETENTION_DAYS)]
        contact_retention_days: u32,
        #[command(flatten)]
        mail: serve::MailArguments,
    },
    /// Load the demo data set, with one account per role; loading it again changes nothing.
    Demo {
        /// A division file (code,name,level,parent_code) to use instead of Hengelo's wijken and buurten.
        #[arg(long, value_name = "FILE")]
        areas: Option<PathBuf>,
        /// The password of every demo account, instead of generated ones (for tests).
        #[arg(long, value_name = "PASSWORD")]
        demo_password: Option<String>,
    },
    /// Bring the database schema up to date, and say which version it is at.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens for the JSON API.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Read, import and render behandelvoorstellen.
    #[command(subcommand)]
    Proposal(ProposalCommand),
    /// List market evenings and plan their sessions.
    #[command(subcommand)]
    Market(MarketCommand),
    /// Read the neighbourhood monitor: an area's index and indicators.
    #[command(subcommand)]
    Monitor(MonitorCommand),
    /// Import the monitor's data: areas, boundaries and measurements.
    #[command(subcommand)]
    Data(DataCommand),
    /// Personal data (AVG): erase what is kept no longer than needed.
    #[command(subcommand)]
    Privacy(PrivacyCommand),
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Erase the e-mail addresses and phone numbers of the speakers of every session that took
    /// place --days days ago or longer; names, topics and counts stay. Audited.
    Purge {
        /// The days after a session that its speakers' contact details are kept (0 to 366).
        #[arg(long, default_value_t = wijkbeeld_domain::privacy::DEFAULT_RETENTION_DAYS)]
        days: u32,
    },
}

#[derive(Subcommand)]
enum MonitorCommand {
    /// Print an area's analysis: per indicator the value, score, change, trend and target status;
    /// per theme its score; the index.
    Show {
        /// The area's CBS code, e.g. WK016401.
        area: String,
        /// The period, e.g. 2024 or 2024-Q2 (default: the latest period in which most areas have most indicators).
        #[arg(long)]
        period: Option<String>,
        /// Print JSON: { "area", "period", "base_period", "index", "themes", "indicators": [...] }.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum DataCommand {
    /// Import measurements from a long CSV (area_code,indicator,period,value[,sample_size,margin])
    /// or a CBS Kerncijfers wijken en buurten table; the file is taken whole or not at all.
    Import {
        /// The CSV file.
        file: PathBuf,
        /// The period of a CBS table (CBS publishes one table per year), e.g. 2024.
        #[arg(long)]
        period: Option<String>,
    },
    /// Import a division file (code,name,level,parent_code): adds new areas, renames known ones.
    Areas {
        /// The CSV file.
        file: PathBuf,
    },
    /// Import area boundaries from a GeoJSON FeatureCollection (as CBS publishes them), for the
    /// dashboard's maps; each feature names its area's CBS code in a property.
    Boundaries {
        /// The GeoJSON file.
        file: PathBuf,
        /// The property holding the CBS code; repeat to try several in order (default: statcode,
        /// buurtcode, wijkcode, gemeentecode, code).
        #[arg(long = "code-property", value_name = "NAME")]
        code_properties: Vec<String>,
    },
}

#[derive(Subcommand)]
enum MarketCommand {
    /// List the market evenings.
    List {
        /// Print JSON: [{ "id", "date", "rounds", "sessions" }].
        #[arg(long)]
        json: bool,
    },
    /// Plan an evening's sessions in rooms and rounds with chairs and clerks, and print the plan;
    /// exits 1, with the reasons, when not every session can be placed.
    Plan {
        /// The evening's date, YYYY-MM-DD.
        date: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Store the plan (only when every session is placed).
        #[arg(long)]
        apply: bool,
        /// Seconds the planner may search before it returns the best plan found.
        #[arg(long, default_value_t = 5.0)]
        time_limit: f64,
    },
    /// Add an unpublished market evening with its rounds; every room is in use.
    Add {
        /// The date, YYYY-MM-DD.
        date: String,
        /// A round as HH:MM-HH:MM, in order; repeat for each round.
        #[arg(long = "round", value_name = "HH:MM-HH:MM", required = true)]
        rounds: Vec<String>,
        /// The title.
        #[arg(long, default_value = "Politieke Markt")]
        title: String,
    },
    /// Set an evening's pools of chairs and clerks by name, replacing the earlier ones.
    Staff {
        /// The evening's date, YYYY-MM-DD.
        date: String,
        /// A councillor who may chair; repeat for each.
        #[arg(long = "chair", value_name = "NAME")]
        chairs: Vec<String>,
        /// A clerk; repeat for each.
        #[arg(long = "clerk", value_name = "NAME")]
        clerks: Vec<String>,
    },
    /// Set the rounds (from 1) in which someone cannot be there; without --round, the whole evening.
    Absent {
        /// The evening's date, YYYY-MM-DD.
        date: String,
        /// The person's name.
        #[arg(long)]
        person: String,
        /// A round the person misses; repeat for each.
        #[arg(long = "round", value_name = "N")]
        rounds: Vec<i64>,
    },
    /// Print the planner's weights as JSON, or change some with --set NAME=VALUE.
    Weights {
        /// unplaced, same_domain, chair_load, clerk_load, round_used or request, with a whole number.
        #[arg(long = "set", value_name = "NAME=VALUE")]
        set: Vec<String>,
    },
}

#[derive(Subcommand)]
enum ProposalCommand {
    /// Read the text of a behandelvoorstel (as extracted from its PDF) and print its fields as
    /// JSON; stores nothing.
    Parse {
        /// The text file.
        file: PathBuf,
        /// The year of the Politieke Markt, when the text does not give it.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Store the text of a behandelvoorstel as a concept, linking its people, room and documents.
    Import {
        /// The text file.
        file: PathBuf,
        /// The year of the Politieke Markt, when the text does not give it.
        #[arg(long)]
        year: Option<i32>,
    },
    /// Write a stored proposal in the layout of the behandelvoorstel.
    Render {
        /// The proposal's number (as in its address, /voorstellen/ID).
        id: i64,
        /// pdf or html.
        #[arg(long, value_parser = ["pdf", "html"])]
        format: String,
        /// Where to write it.
        #[arg(long)]
        output: PathBuf,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add an account; prints a generated password unless --password-stdin is given.
    Add {
        /// Sign-in address.
        #[arg(long)]
        email: String,
        /// Role: griffie, college, raadslid, partner or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// Name shown (default: the part of the address before the @).
        #[arg(long)]
        name: Option<String>,
        /// The partner organisation's name (for the partner role).
        #[arg(long)]
        partner: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts.
    List {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Give an account another role.
    SetRole {
        /// The account's address.
        #[arg(long)]
        email: String,
        /// Role: griffie, college, raadslid, partner or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The partner organisation's name (for the partner role).
        #[arg(long)]
        partner: Option<String>,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Make an API token; prints it once (only its hash is stored).
    Create {
        /// What the token is for.
        #[arg(long)]
        name: String,
        /// Role: griffie, college, raadslid, partner or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The partner organisation's name (for the partner role).
        #[arg(long)]
        partner: Option<String>,
    },
    /// List the API tokens.
    List {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Revoke an API token.
    Revoke {
        /// The token's number, as `token list` shows it.
        id: i64,
    },
}

fn parse_role(text: &str) -> Result<Role, String> {
    text.parse().map_err(|error: wijkbeeld_domain::UnknownCode| error.to_string())
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
        Command::Serve {
            listen,
            demo,
            demo_password,
            secure_cookies,
            trust_proxy,
            theme,
            contact_retention_days,
            mail,
        } => {
            let deployment =
                serve::Deployment { listen, secure_cookies, trust_proxy, theme, contact_retention_days, mail };
            serve::run(&setting, &deployment, demo.then_some(demo_password)).await
        }
        Command::Demo { areas, demo_password } => demo::run(&setting, areas.as_deref(), demo_password).await,
        Command::Migrate => {
            let report = setup::migrate(&setting).await?;
            println!(
                "The database at {} is at schema version {} ({} migration{} applied now).",
                setting.redacted(),
                report.version,
                report.applied,
                if report.applied == 1 { "" } else { "s" }
            );
            Ok(())
        }
        Command::User(command) => with_app(&setting, |app, caller| accounts::user(app, caller, command)).await,
        Command::Token(command) => with_app(&setting, |app, caller| accounts::token(app, caller, command)).await,
        Command::Proposal(command) => proposals::run(&setting, command).await,
        Command::Market(command) => market::run(&setting, command).await,
        Command::Monitor(command) => monitor::show(&setting, command).await,
        Command::Data(command) => monitor::import(&setting, command).await,
        Command::Privacy(PrivacyCommand::Purge { days }) => {
            with_app(&setting, |app, caller| privacy::purge(app, caller, days)).await
        }
    }
}

/// Connects and migrates, as every command that uses the data does.
async fn open(setting: &DatabaseSetting) -> Result<App> {
    Ok(App::open(setting, Clock::System, BodyChoice::Sole).await?)
}

/// Runs a command as the system caller `cli` on an open application and closes the database
/// afterwards, whatever the outcome.
async fn with_app<F, Fut>(setting: &DatabaseSetting, command: F) -> Result<()>
where
    F: FnOnce(App, Caller) -> Fut,
    Fut: std::future::Future<Output = Result<()>>,
{
    let app = open(setting).await?;
    let result = match app.system("cli").await {
        Ok(caller) => command(app.clone(), caller).await,
        Err(error) => Err(error.into()),
    };
    app.close().await;
    result
}
