//! The `wijkbeeld` binary driven as an operator would: commands, exit codes, messages, and the
//! server over real HTTP, on SQLite and PostgreSQL.

#![allow(clippy::unwrap_used)] // a failing unwrap is a failing test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use wijkbeeld_store::testing::{self, TestDatabase};
use wijkbeeld_store::{backend_test, statistics};

const BINARY: &str = env!("CARGO_BIN_EXE_wijkbeeld");

fn wijkbeeld(database: &str, arguments: &[&str]) -> Output {
    Command::new(BINARY)
        .args(["--database", database])
        .args(arguments)
        .env("RUST_LOG", "warn")
        .env_remove("WIJKBEELD_DATABASE")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts a failure with exit code 1 and exactly one line on standard error, and returns it.
fn one_line_failure(output: &Output) -> String {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stdout: {}\nstderr: {stderr}", text(&output.stdout));
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line expected: {stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "{stderr}");
    assert!(stderr.starts_with("wijkbeeld: "), "{stderr}");
    stderr
}

/// A response: status code, headers (names in lower case) and body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    /// The `name=value` of every cookie the response sets.
    fn cookies(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|(name, _)| name == "set-cookie")
            .map(|(_, value)| value.split(';').next().unwrap_or_default().to_owned())
            .collect()
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
    }
}

/// A plain HTTP/1.0 request, so that the server answers without chunked encoding and closes.
fn http(base: &str, method: &str, path: &str, cookies: &[String], form: Option<&str>) -> Reply {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut request = format!("{method} {path} HTTP/1.0\r\nHost: {address}\r\n");
    if !cookies.is_empty() {
        request.push_str(&format!("Cookie: {}\r\n", cookies.join("; ")));
    }
    if let Some(form) = form {
        request.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
        request.push_str(&format!("Content-Length: {}\r\n", form.len()));
    }
    request.push_str("\r\n");
    request.push_str(form.unwrap_or_default());
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_lowercase(), value.trim().to_owned()))
        .collect();
    Reply { status, headers, body: body.to_owned() }
}

fn http_get(base: &str, path: &str) -> Reply {
    http(base, "GET", path, &[], None)
}

/// A running `wijkbeeld serve`; killed when dropped.
struct Server {
    child: Child,
    base: String,
    early: String,
}

impl Server {
    fn start(database: &str, extra: &[&str]) -> Server {
        let mut child = Command::new(BINARY)
            .args(["--database", database, "serve", "--listen", "127.0.0.1:0"])
            .args(extra)
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut early = String::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                early.push_str(&line);
                early.push('\n');
                if let Some(rest) = line.split("listening on ").nth(1) {
                    let base = rest.split_whitespace().next().unwrap_or_default().to_owned();
                    let _ = sender.send((base, std::mem::take(&mut early)));
                }
            }
        });
        let (base, early) = match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(found) => found,
            Err(_) => {
                child.kill().ok();
                let mut stderr = String::new();
                child.stderr.take().unwrap().read_to_string(&mut stderr).ok();
                panic!("the server did not start listening: {stderr}");
            }
        };
        Server { child, base, early }
    }

    /// What the server printed up to the line saying where it listens.
    fn early_output(&self) -> String {
        self.early.clone()
    }

    /// Sends SIGTERM and returns the exit status and standard error.
    fn terminate(mut self) -> (std::process::ExitStatus, String) {
        let pid = self.child.id().to_string();
        assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                let mut stderr = String::new();
                self.child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
                return (status, stderr);
            }
            assert!(Instant::now() < deadline, "the server did not stop after SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

async fn row_counts(database: &TestDatabase) -> std::collections::BTreeMap<&'static str, i64> {
    let store = database.open().await;
    let mut tx = store.begin().await.unwrap();
    let counts = statistics::row_counts(&mut tx).await.unwrap();
    drop(tx);
    store.close().await;
    counts
}

backend_test! {
    async fn demo_twice_leaves_the_same_row_counts(database) {
        let first = wijkbeeld(&database.argument(), &["demo"]);
        assert!(first.status.success(), "{}", text(&first.stderr));
        assert!(text(&first.stdout).contains("Loaded the demo data"), "{}", text(&first.stdout));
        let after_first = row_counts(database).await;
        assert_eq!(after_first["areas"], 73);
        assert_eq!(after_first["market_evenings"], 3);

        let second = wijkbeeld(&database.argument(), &["demo"]);
        assert!(second.status.success(), "{}", text(&second.stderr));
        assert!(text(&second.stdout).contains("nothing changed"), "{}", text(&second.stdout));
        assert_eq!(row_counts(database).await, after_first);
    }
}

backend_test! {
    async fn the_demo_accounts_are_printed_once_and_sign_in_over_http(database) {
        let password = "wachtwoord voor de eind-tot-eindtest";
        let server = Server::start(&database.argument(), &["--demo", "--demo-password", password]);
        let mut stdout = String::new();
        // The server printed its accounts before it listened; read what the reader thread kept.
        stdout.push_str(&server.early_output());
        for role in ["griffie", "college", "raadslid", "partner", "admin"] {
            assert!(stdout.contains(&format!(" {role} ")), "{role} missing from:\n{stdout}");
        }
        let form = http_get(&server.base, "/inloggen");
        let cookies = form.cookies();
        assert!(cookies.iter().any(|cookie| cookie.starts_with("wijkbeeld_formulier=")), "{cookies:?}");
        let token = form.body.split("name=\"_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap();
        for (email, expected) in [("griffie@hengelo.example", 303), ("griffie@hengelo.example", 303), ("beheer@hengelo.example", 303)] {
            let body = format!(
                "_csrf={token}&email={}&password={}",
                email.replace('@', "%40"),
                password.replace(' ', "+")
            );
            let signed_in = http(&server.base, "POST", "/inloggen", &cookies, Some(&body));
            assert_eq!(signed_in.status, expected, "{}", signed_in.body);
            let session: Vec<String> =
                signed_in.cookies().into_iter().filter(|cookie| cookie.starts_with("wijkbeeld_sessie=")).collect();
            assert_eq!(session.len(), 1);
            let account = http(&server.base, "GET", "/account", &session, None);
            assert_eq!(account.status, 200);
            assert!(account.body.contains(email), "{}", account.body);
        }
        let wrong = format!("_csrf={token}&email=griffie%40hengelo.example&password=fout");
        assert_eq!(http(&server.base, "POST", "/inloggen", &cookies, Some(&wrong)).status, 422);
        let forged = "_csrf=vervalst&email=griffie%40hengelo.example&password=fout";
        assert_eq!(http(&server.base, "POST", "/inloggen", &cookies, Some(forged)).status, 403);
        let headers = http_get(&server.base, "/");
        assert!(headers.header("content-security-policy").is_some_and(|policy| policy.contains("frame-ancestors 'none'")));
    }
}

backend_test! {
    async fn the_demo_command_generates_passwords_and_shows_them_only_once(database) {
        let first = text(&wijkbeeld(&database.argument(), &["demo"]).stdout);
        let line = first.lines().find(|line| line.contains("griffie@hengelo.example")).unwrap();
        let password = line.split_whitespace().last().unwrap();
        let groups: Vec<&str> = password.split('-').collect();
        assert_eq!(groups.len(), 4, "{line}");
        assert!(groups.iter().all(|group| group.len() == 5), "{line}");
        let second = text(&wijkbeeld(&database.argument(), &["demo"]).stdout);
        assert!(!second.contains(password) && second.contains("nothing changed"), "{second}");
        let refused = wijkbeeld(&database.argument(), &["demo", "--demo-password", "kort"]);
        assert!(text(&refused.stderr).contains("at least 12 characters"), "{}", text(&refused.stderr));
    }
}

backend_test! {
    async fn user_commands_add_list_and_change_roles_with_an_audit_trail(database) {
        let database = database.argument();
        let added = wijkbeeld(&database, &["user", "add", "--email", "C.Hartman@Hengelo.example", "--role", "griffie", "--name", "Carla Hartman"]);
        assert!(added.status.success(), "{}", text(&added.stderr));
        let stdout = text(&added.stdout);
        assert!(stdout.contains("Added the account c.hartman@hengelo.example (griffie)"), "{stdout}");
        assert!(stdout.contains("Password (shown only now): "), "{stdout}");

        let message = one_line_failure(&wijkbeeld(&database, &["user", "add", "--email", "c.hartman@hengelo.example", "--role", "college"]));
        assert!(message.contains("exists already"), "{message}");
        let message = one_line_failure(&wijkbeeld(&database, &["user", "add", "--email", "p@hengelo.example", "--role", "partner"]));
        assert!(message.contains("needs a partner organisation"), "{message}");
        let message = one_line_failure(&wijkbeeld(&database, &["user", "add", "--email", "geen-adres", "--role", "college"]));
        assert!(message.contains("is not an e-mail address"), "{message}");
        let wrong_role = wijkbeeld(&database, &["user", "add", "--email", "x@hengelo.example", "--role", "wethouder"]);
        assert_eq!(wrong_role.status.code(), Some(2), "clap refuses an unknown role");
        assert!(text(&wrong_role.stderr).contains("griffie, college, raadslid, partner, admin"));

        let mut short = Command::new(BINARY)
            .args(["--database", &database, "user", "add", "--email", "k@hengelo.example", "--role", "college", "--password-stdin"])
            .env("RUST_LOG", "warn")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        short.stdin.take().unwrap().write_all(b"te kort\n").unwrap();
        let message = one_line_failure(&short.wait_with_output().unwrap());
        assert!(message.contains("at least 12 characters"), "{message}");

        let moved = wijkbeeld(&database, &["user", "set-role", "--email", "c.hartman@hengelo.example", "--role", "admin"]);
        assert!(text(&moved.stdout).contains("now has the role admin (was griffie)"), "{}", text(&moved.stdout));
        let listed = wijkbeeld(&database, &["user", "list", "--json"]);
        let users: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        let users = users.as_array().unwrap();
        assert_eq!(users.len(), 1);
        assert_eq!((users[0]["email"].as_str(), users[0]["role"].as_str()), (Some("c.hartman@hengelo.example"), Some("admin")));
        let table = text(&wijkbeeld(&database, &["user", "list"]).stdout);
        assert!(table.contains("Carla Hartman"), "{table}");

        let store = wijkbeeld_store::Store::connect(&database.parse().unwrap()).await.unwrap();
        let mut tx = store.begin().await.unwrap();
        let entries = wijkbeeld_store::audit::list(&mut tx, &Default::default(), 10, 0).await.unwrap();
        let actions: Vec<(&str, &str)> = entries.iter().map(|entry| (entry.action.as_str(), entry.actor.as_str())).collect();
        assert_eq!(actions, [("user.role", "cli"), ("user.create", "cli")]);
        assert_eq!((entries[0].from_state.as_deref(), entries[0].to_state.as_deref()), (Some("griffie"), Some("admin")));
    }
}

backend_test! {
    async fn token_commands_create_list_and_revoke(database) {
        let database = database.argument();
        let created = wijkbeeld(&database, &["token", "create", "--name", "Open data", "--role", "college"]);
        assert!(created.status.success(), "{}", text(&created.stderr));
        let stdout = text(&created.stdout);
        let secret = stdout.lines().find(|line| line.starts_with("Token")).unwrap().rsplit(' ').next().unwrap().to_owned();
        assert_eq!(secret.len(), 43, "{stdout}");
        let listed: serde_json::Value = serde_json::from_slice(&wijkbeeld(&database, &["token", "list", "--json"]).stdout).unwrap();
        assert_eq!(listed[0]["name"], "Open data");
        assert!(!serde_json::to_string(&listed).unwrap().contains(&secret), "the secret is not stored");
        let id = listed[0]["id"].to_string();
        let revoked = wijkbeeld(&database, &["token", "revoke", &id]);
        assert!(text(&revoked.stdout).contains("Revoked API token"), "{}", text(&revoked.stdout));
        assert!(text(&wijkbeeld(&database, &["token", "list"]).stdout).contains("revoked"));
        let message = one_line_failure(&wijkbeeld(&database, &["token", "revoke", "999"]));
        assert!(message.contains("not found"), "{message}");
        let message = one_line_failure(&wijkbeeld(&database, &["token", "create", "--name", "P", "--role", "partner", "--partner", "Onbekend"]));
        assert!(message.contains("no partner organisation is called 'Onbekend'"), "{message}");
    }
}

backend_test! {
    async fn serve_demo_answers_its_health_check_and_lists_the_evening_and_the_wijken(database) {
        let server = Server::start(&database.argument(), &["--demo"]);
        let health = http_get(&server.base, "/healthz");
        assert_eq!(health.status, 200, "{}", health.body);
        assert!(health.body.contains("\"status\":\"ok\""));

        let home = http_get(&server.base, "/");
        assert_eq!(home.status, 200);
        assert!(home.body.contains("dinsdag 26 september 2023"), "{}", home.body);
        assert_eq!(home.body.matches("scope=\"row\">").count(), 10, "ten wijken");
        assert!(home.body.contains("Hengelose Es") && home.body.contains("Buitengebied"));

        let (status, stderr) = server.terminate();
        assert!(status.success(), "exit status after SIGTERM: {status}\n{stderr}");
        assert!(stderr.contains("shutting down") && stderr.contains("stopped"), "{stderr}");
        assert!(stderr.contains("GET") || stderr.contains("status=200"), "requests are logged: {stderr}");

        // A second start finds data and leaves it alone.
        let counts = row_counts(database).await;
        let server = Server::start(&database.argument(), &["--demo"]);
        assert_eq!(http_get(&server.base, "/healthz").status, 200);
        drop(server);
        assert_eq!(row_counts(database).await, counts);
    }
}

backend_test! {
    async fn a_database_from_a_newer_version_is_refused(database) {
        let store = database.open().await;
        testing::record_future_migration(&store).await;
        store.close().await;
        for arguments in [&["serve", "--listen", "127.0.0.1:0"][..], &["migrate"], &["demo"]] {
            let message = one_line_failure(&wijkbeeld(&database.argument(), arguments));
            assert!(message.contains("created by a newer version of wijkbeeld"), "{message}");
        }
    }
}

backend_test! {
    async fn migrate_reports_the_schema_version(database) {
        let output = wijkbeeld(&database.argument(), &["migrate"]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let store = database.open().await;
        let latest = store.schema_version();
        // Every migration of the folder: their numbers may have gaps while branches that took a
        // number are still to be merged.
        let folder = match store.backend() {
            wijkbeeld_store::Backend::Sqlite => "sqlite",
            wijkbeeld_store::Backend::Postgres => "postgres",
        };
        store.close().await;
        let files = std::fs::read_dir(format!("{}/../../migrations/{folder}", env!("CARGO_MANIFEST_DIR"))).unwrap().count();
        let expected = format!("schema version {latest} ({files} migrations applied now)");
        assert!(text(&output.stdout).contains(&expected), "{}", text(&output.stdout));
        let again = wijkbeeld(&database.argument(), &["migrate"]);
        let expected = format!("schema version {latest} (0 migrations applied now)");
        assert!(text(&again.stdout).contains(&expected), "{}", text(&again.stdout));
    }
}

#[test]
fn a_database_that_cannot_be_opened_is_one_line_and_exit_code_one() {
    let message = one_line_failure(&wijkbeeld("/nonexistent/directory/wijkbeeld.db", &["migrate"]));
    assert!(message.contains("cannot open the database at /nonexistent/directory/wijkbeeld.db"), "{message}");

    // A port where nothing listens: refused at once.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgres://wijkbeeld:geheim@127.0.0.1:{closed}/wijkbeeld");
    let message = one_line_failure(&wijkbeeld(&url, &["serve", "--listen", "127.0.0.1:0"]));
    assert!(message.contains("cannot open the database at postgres://wijkbeeld:***@127.0.0.1"), "{message}");
    assert!(!message.contains("geheim"), "the password stays out of messages: {message}");

    let message = one_line_failure(&wijkbeeld("mysql://localhost/wijkbeeld", &["migrate"]));
    assert!(message.contains("invalid database setting"), "{message}");
}

#[test]
fn a_port_in_use_is_one_line_and_exit_code_one() {
    let directory = tempfile::tempdir().unwrap();
    let database = directory.path().join("w.db");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = taken.local_addr().unwrap().to_string();
    let message = one_line_failure(&wijkbeeld(database.to_str().unwrap(), &["serve", "--listen", &address]));
    assert!(message.contains(&format!("cannot listen on {address}")), "{message}");
    assert!(message.to_lowercase().contains("address already in use"), "{message}");
}

#[test]
fn an_unreadable_or_invalid_areas_file_is_refused_and_nothing_is_stored() {
    let directory = tempfile::tempdir().unwrap();
    let database = directory.path().join("w.db");
    let database = database.to_str().unwrap();
    let message = one_line_failure(&wijkbeeld(database, &["demo", "--areas", "/nonexistent/gebieden.csv"]));
    assert!(message.contains("cannot read the areas file /nonexistent/gebieden.csv: No such file"), "{message}");

    let invalid = directory.path().join("gebieden.csv");
    std::fs::write(&invalid, "code,name,level,parent_code\nGM0164,Hengelo,gemeente,\nWK01,Noord,wijk,GM0164\n")
        .unwrap();
    let output = wijkbeeld(database, &["demo", "--areas", invalid.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("line 3, column code: 'WK01' is not a CBS area code"), "{stderr}");

    let migrate = wijkbeeld(database, &["migrate"]);
    assert!(migrate.status.success());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let counts = runtime.block_on(async {
        let setting = database.parse().unwrap();
        let store = wijkbeeld_store::Store::connect(&setting).await.unwrap();
        let mut tx = store.begin().await.unwrap();
        statistics::is_empty(&mut tx).await.unwrap()
    });
    assert!(counts, "a refused demo stores nothing");
}

#[test]
fn help_names_every_command() {
    let output = Command::new(BINARY).arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = text(&output.stdout);
    for command in ["serve", "demo", "migrate", "--database", "WIJKBEELD_DATABASE"] {
        assert!(help.contains(command), "{command} missing from:\n{help}");
    }
    let serve = text(&Command::new(BINARY).args(["serve", "--help"]).output().unwrap().stdout);
    assert!(serve.contains("--listen") && serve.contains("127.0.0.1:8080") && serve.contains("--demo"), "{serve}");
}

const SEED_TEXT: &str = "../../data/seed/behandelvoorstel-wijkgericht-werken.txt";

#[test]
fn parse_prints_the_seeds_fields_as_json() {
    let output = Command::new(BINARY).args(["proposal", "parse", SEED_TEXT]).output().unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["subject"], "Wijkgericht werken");
    assert_eq!(json["case_number"], "3641304");
    assert_eq!(json["portfolio_holder"], "Marie-José Luttikholt");
    assert_eq!(json["history"]["documents"], serde_json::json!(["3487985", "3496929", "3604012", "3614175"]));
    assert_eq!(json["market_date"], "2023-09-26");
    assert_eq!(
        (json["chair"].as_str(), json["clerk"].as_str(), json["room"].as_str()),
        (Some("Vincent ten Voorde"), Some("Coen Hartendorp"), Some("Raadzaal"))
    );
    assert_eq!(json["domains"], serde_json::json!(["Fysiek", "Bestuur", "Sociaal"]));
    assert_eq!((json["duration_minutes"].as_i64(), json["purpose"].as_str()), (Some(90), Some("Beeldvorming")));
    assert_eq!(json["programme"].as_array().unwrap().len(), 5);
    assert_eq!(json["programme"][3]["questions"].as_array().unwrap().len(), 3);
    assert_eq!(json["public_speaking"]["allowed"], true);
    let with_year = Command::new(BINARY).args(["proposal", "parse", SEED_TEXT, "--year", "2024"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&with_year.stdout).unwrap();
    assert_eq!(json["market_date"], "2024-09-26");
}

#[test]
fn parse_refuses_empty_binary_and_other_files_in_one_line() {
    let directory = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        ("leeg.txt", b"", "the file is empty"),
        ("foto.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "the file is not text"),
        ("boodschappen.txt", b"melk\nbrood\nkaas\n", "the text is not a behandelvoorstel"),
    ];
    for (name, bytes, message) in cases {
        let path = directory.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let output = Command::new(BINARY).args(["proposal", "parse", path.to_str().unwrap()]).output().unwrap();
        let error = one_line_failure(&output);
        assert!(error.contains(message), "{name}: {error}");
        assert!(output.stdout.is_empty(), "nothing is printed on stdout");
    }
    let missing =
        one_line_failure(&Command::new(BINARY).args(["proposal", "parse", "/nonexistent.txt"]).output().unwrap());
    assert!(missing.contains("cannot read /nonexistent.txt"), "{missing}");
}

backend_test! {
    async fn import_stores_a_concept_linking_what_is_known_and_render_writes_it(database) {
        let argument = database.argument();
        assert!(wijkbeeld(&argument, &["demo", "--demo-password", "een lang demo wachtwoord"]).status.success());
        let directory = tempfile::tempdir().unwrap();
        let file = directory.path().join("voorstel.txt");
        let seed = std::fs::read_to_string(SEED_TEXT).unwrap().replace("3641304", "3700009").replace("Coen Hartendorp", "Anna de Vries-Bakker");
        std::fs::write(&file, seed).unwrap();
        let before = row_counts(database).await;

        let output = wijkbeeld(&argument, &["proposal", "import", file.to_str().unwrap()]);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let stdout = text(&output.stdout);
        assert!(stdout.contains("as concept proposal"), "{stdout}");
        assert!(stdout.contains("linked:  portfolio holder Marie-José Luttikholt") && stdout.contains("linked:  room Raadzaal"), "{stdout}");
        assert!(stdout.contains("created: person Anna de Vries-Bakker (clerk)"), "{stdout}");
        let after = row_counts(database).await;
        assert_eq!(after["proposals"], before["proposals"] + 1);
        assert_eq!(after["persons"], before["persons"] + 1);

        let again = one_line_failure(&wijkbeeld(&argument, &["proposal", "import", file.to_str().unwrap()]));
        assert!(again.contains("another proposal has the case number 3700009"), "{again}");
        assert_eq!(row_counts(database).await["proposals"], after["proposals"], "nothing stored the second time");

        let id = stdout.split("concept proposal ").nth(1).unwrap().split(' ').next().unwrap().to_owned();
        let pdf = directory.path().join("voorstel.pdf");
        let rendered = wijkbeeld(&argument, &["proposal", "render", &id, "--format", "pdf", "--output", pdf.to_str().unwrap()]);
        assert!(rendered.status.success(), "{}", text(&rendered.stderr));
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
        let html = directory.path().join("voorstel.html");
        assert!(wijkbeeld(&argument, &["proposal", "render", &id, "--format", "html", "--output", html.to_str().unwrap()]).status.success());
        assert!(std::fs::read_to_string(&html).unwrap().contains("Anna de Vries-Bakker"));
        let missing = one_line_failure(&wijkbeeld(&argument, &["proposal", "render", "999", "--format", "pdf", "--output", pdf.to_str().unwrap()]));
        assert!(missing.contains("there is no proposal 999"), "{missing}");
    }
}

backend_test! {
    async fn market_list_and_plan_print_store_and_explain(database) {
        let argument = database.argument();
        assert!(wijkbeeld(&argument, &["demo", "--demo-password", "een lang demo wachtwoord"]).status.success());
        let listed = wijkbeeld(&argument, &["market", "list", "--json"]);
        assert!(listed.status.success(), "{}", text(&listed.stderr));
        let evenings: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
        let evenings = evenings.as_array().unwrap();
        assert_eq!(evenings.len(), 3);
        for evening in evenings {
            assert!(evening["id"].is_i64() && evening["rounds"] == 2 && evening["sessions"].is_i64(), "{evening}");
        }
        // The latest demo evening is still to be planned.
        let latest = evenings[0]["date"].as_str().unwrap().to_owned();
        let latest_id = evenings[0]["id"].as_i64().unwrap();

        let planned = wijkbeeld(&argument, &["market", "plan", &latest, "--json"]);
        assert!(planned.status.success(), "{}", text(&planned.stderr));
        let plan: serde_json::Value = serde_json::from_slice(&planned.stdout).unwrap();
        assert_eq!(plan["optimal"], true, "{plan}");
        assert!(plan["objective"].is_u64());
        assert_eq!(plan["unplaced"], serde_json::json!([]));
        let sessions = plan["sessions"].as_array().unwrap();
        assert_eq!(sessions.len() as i64, evenings[0]["sessions"].as_i64().unwrap());
        for session in sessions {
            for field in ["proposal", "room", "chair", "clerk", "portfolio_holder"] {
                assert!(session[field].is_string(), "{field} in {session}");
            }
            assert!(!session["rounds"].as_array().unwrap().is_empty());
        }
        let table = text(&wijkbeeld(&argument, &["market", "plan", &latest]).stdout);
        assert!(table.contains("bewezen optimaal") && table.contains("ronde 1"), "{table}");

        // Nothing is stored without --apply; with it, the evening's sessions have their places.
        let runtime_store = |argument: String| async move {
            let store = wijkbeeld_store::Store::connect(&argument.parse().unwrap()).await.unwrap();
            let mut tx = store.begin().await.unwrap();
            let body = wijkbeeld_store::people::bodies(&mut tx).await.unwrap()[0].id;
            let planning = wijkbeeld_store::market::planning(&mut tx, body, latest_id).await.unwrap();
            drop(tx);
            store.close().await;
            planning
        };
        assert!(runtime_store(argument.clone()).await.sessions.iter().all(|session| session.room_id.is_none()));
        let applied = wijkbeeld(&argument, &["market", "plan", &latest, "--apply"]);
        assert!(applied.status.success(), "{}", text(&applied.stderr));
        let stored = runtime_store(argument.clone()).await;
        assert!(stored.sessions.iter().all(|s| s.room_id.is_some() && s.chair_id.is_some() && s.clerk_id.is_some()));

        // Every chair away in the first round: not everything fits, exit 1 with the reasons.
        let store = wijkbeeld_store::Store::connect(&argument.parse().unwrap()).await.unwrap();
        let mut tx = store.begin_write().await.unwrap();
        let body = wijkbeeld_store::people::bodies(&mut tx).await.unwrap()[0].id;
        for chair in &stored.chairs {
            wijkbeeld_store::market::set_absences(&mut tx, body, latest_id, chair.person_id, &[stored.rounds[0].id]).await.unwrap();
        }
        tx.commit().await.unwrap();
        store.close().await;
        let infeasible = wijkbeeld(&argument, &["market", "plan", &latest, "--json", "--apply"]);
        let message = one_line_failure(&infeasible);
        assert!(message.contains("cannot be placed"), "{message}");
        let plan: serde_json::Value = serde_json::from_slice(&infeasible.stdout).unwrap();
        assert!(!plan["unplaced"].as_array().unwrap().is_empty(), "{plan}");
        let explanation = plan["explanation"].as_array().unwrap();
        assert!(explanation.iter().any(|line| line.as_str().unwrap().contains("voorzitter")), "{plan}");
        let after = runtime_store(argument.clone()).await;
        assert_eq!(after.sessions, stored.sessions, "a refused plan stores nothing");

        let missing = one_line_failure(&wijkbeeld(&argument, &["market", "plan", "2099-01-06"]));
        assert!(missing.contains("there is no market evening on 2099-01-06"), "{missing}");
        let bad_date = one_line_failure(&wijkbeeld(&argument, &["market", "plan", "6 januari"]));
        assert!(bad_date.contains("is not a date as YYYY-MM-DD"), "{bad_date}");
    }
}

backend_test! {
    async fn market_evenings_are_set_up_from_the_command_line(database) {
        let argument = database.argument();
        assert!(wijkbeeld(&argument, &["demo", "--demo-password", "een lang demo wachtwoord"]).status.success());
        let added = wijkbeeld(&argument, &["market", "add", "2027-03-02", "--round", "19:30-21:00", "--round", "21:15-22:45"]);
        assert!(added.status.success(), "{}", text(&added.stderr));
        let again = one_line_failure(&wijkbeeld(&argument, &["market", "add", "2027-03-02", "--round", "19:30-21:00"]));
        assert!(again.contains("there is already a market evening on 2027-03-02"), "{again}");
        let overlap = one_line_failure(&wijkbeeld(&argument, &["market", "add", "2027-03-09", "--round", "19:30-21:00", "--round", "20:45-22:00"]));
        assert!(overlap.contains("round 2: it starts (20:45) before round 1 ends (21:00)"), "{overlap}");
        let malformed = one_line_failure(&wijkbeeld(&argument, &["market", "add", "2027-03-09", "--round", "half acht"]));
        assert!(malformed.contains("is not a round as HH:MM-HH:MM"), "{malformed}");

        let staffed = wijkbeeld(&argument, &["market", "staff", "2027-03-02", "--chair", "Vincent ten Voorde", "--clerk", "Coen Hartendorp"]);
        assert!(staffed.status.success(), "{}", text(&staffed.stderr));
        let unknown = one_line_failure(&wijkbeeld(&argument, &["market", "staff", "2027-03-02", "--chair", "Niemand Bekend"]));
        assert!(unknown.contains("no person named 'Niemand Bekend'"), "{unknown}");
        let absent = wijkbeeld(&argument, &["market", "absent", "2027-03-02", "--person", "Vincent ten Voorde", "--round", "2"]);
        assert!(absent.status.success(), "{}", text(&absent.stderr));
        let no_round = one_line_failure(&wijkbeeld(&argument, &["market", "absent", "2027-03-02", "--person", "Vincent ten Voorde", "--round", "3"]));
        assert!(no_round.contains("the evening has no round 3 (it has 2)"), "{no_round}");

        let store = wijkbeeld_store::Store::connect(&argument.parse().unwrap()).await.unwrap();
        let mut tx = store.begin().await.unwrap();
        let body = wijkbeeld_store::people::bodies(&mut tx).await.unwrap()[0].id;
        let id = wijkbeeld_store::market::evening_on(&mut tx, body, time::macros::date!(2027 - 03 - 02)).await.unwrap().unwrap();
        let planning = wijkbeeld_store::market::planning(&mut tx, body, id).await.unwrap();
        drop(tx);
        store.close().await;
        assert_eq!(planning.rounds.len(), 2);
        assert!(planning.published_at.is_none() && !planning.rooms.is_empty());
        assert_eq!(planning.chairs.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Vincent ten Voorde"]);
        assert_eq!(planning.chairs[0].absent_rounds, [planning.rounds[1].id]);
        assert_eq!(planning.clerks.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["Coen Hartendorp"]);

        let weights = wijkbeeld(&argument, &["market", "weights", "--set", "same-domain=25", "--set", "round_used=0"]);
        assert!(weights.status.success(), "{}", text(&weights.stderr));
        let shown: serde_json::Value = serde_json::from_slice(&wijkbeeld(&argument, &["market", "weights"]).stdout).unwrap();
        assert_eq!((shown["same_domain"].as_u64(), shown["round_used"].as_u64(), shown["unplaced"].as_u64()), (Some(25), Some(0), Some(1000)));
        let wrong = one_line_failure(&wijkbeeld(&argument, &["market", "weights", "--set", "speed=3"]));
        assert!(wrong.contains("there is no weight 'speed'"), "{wrong}");
        let negative = one_line_failure(&wijkbeeld(&argument, &["market", "weights", "--set", "unplaced=-1"]));
        assert!(negative.contains("is not a whole number"), "{negative}");

        // The new evening has no sessions yet: an empty plan, nothing to explain.
        let planned = wijkbeeld(&argument, &["market", "plan", "2027-03-02", "--json"]);
        assert!(planned.status.success(), "{}", text(&planned.stderr));
        let plan: serde_json::Value = serde_json::from_slice(&planned.stdout).unwrap();
        assert_eq!((plan["sessions"].as_array().unwrap().len(), plan["optimal"].as_bool()), (0, Some(true)));
    }
}

fn temporary_file(name: &str, content: &[u8]) -> (tempfile::TempDir, String) {
    let directory = tempfile::tempdir().unwrap();
    let path = directory.path().join(name);
    std::fs::write(&path, content).unwrap();
    (directory, path.to_string_lossy().into_owned())
}

backend_test! {
    async fn data_import_takes_a_good_file_whole_and_refuses_a_bad_one_whole(database) {
        assert!(wijkbeeld(&database.argument(), &["demo"]).status.success());
        let (_good_dir, good) = temporary_file(
            "metingen.csv",
            b"area_code;indicator;period;value\nWK016401;VEILIGHEIDSBELEVING;2030;81,5\nWK016402;MISDRIJVEN;2030;40\n",
        );
        let imported = wijkbeeld(&database.argument(), &["data", "import", &good]);
        assert!(imported.status.success(), "{}", text(&imported.stderr));
        assert!(text(&imported.stdout).contains("Imported 2 measurement(s) (0 replaced) for 2030"), "{}", text(&imported.stdout));
        // A second file: one key already held (its value replaced), one new.
        let (_again_dir, again) = temporary_file(
            "metingen-2.csv",
            b"area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2030,82\nWK016401,MISDRIJVEN,2030,12\n",
        );
        let reimported = wijkbeeld(&database.argument(), &["data", "import", &again]);
        assert!(reimported.status.success(), "{}", text(&reimported.stderr));
        assert!(
            text(&reimported.stdout).contains("Imported 2 measurement(s) (1 replaced) for 2030"),
            "{}",
            text(&reimported.stdout)
        );

        let before = row_counts(database).await;
        let (_bad_dir, bad) = temporary_file(
            "fout.csv",
            b"area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2031,101\nWK099999,MISDRIJVEN,2031,40\n",
        );
        let refused = wijkbeeld(&database.argument(), &["data", "import", &bad]);
        assert_eq!(refused.status.code(), Some(1));
        let stderr = text(&refused.stderr);
        assert!(stderr.starts_with("wijkbeeld: ") && stderr.contains("fout.csv"), "{stderr}");
        assert!(stderr.contains("line 2, column value: 101 is outside 0–100 for a percentage"), "{stderr}");
        assert!(stderr.contains("line 3, column area_code:"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(row_counts(database).await, before, "a refused file stores nothing");

        let missing = wijkbeeld(&database.argument(), &["data", "import", "/bestaat/niet.csv"]);
        one_line_failure(&missing);
    }
}

backend_test! {
    async fn monitor_show_prints_an_areas_analysis_as_a_table_and_as_json(database) {
        assert!(wijkbeeld(&database.argument(), &["demo"]).status.success());
        let table = wijkbeeld(&database.argument(), &["monitor", "show", "WK016401"]);
        assert!(table.status.success(), "{}", text(&table.stderr));
        let shown = text(&table.stdout);
        assert!(shown.starts_with("Hengelose Es (WK016401)"), "{shown}");
        assert!(shown.contains("index ") && shown.contains("VEILIGHEIDSBELEVING"), "{shown}");

        let json = wijkbeeld(&database.argument(), &["monitor", "show", "wk016401", "--json"]);
        assert!(json.status.success(), "{}", text(&json.stderr));
        let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        assert_eq!(report["area"], "WK016401");
        assert!(report["index"].is_number(), "{report}");
        assert!(report["base_period"].is_string());
        assert_eq!(report["themes"].as_object().unwrap().len(), 4);
        let indicators = report["indicators"].as_array().unwrap();
        assert_eq!(indicators.len(), 12, "the command line sees every indicator, the candidate too");
        let candidate = indicators.iter().find(|indicator| indicator["code"] == "INZET_BUURT").unwrap();
        assert!(candidate["score"].is_null(), "a candidate has no score: {candidate}");
        let safety = indicators.iter().find(|indicator| indicator["code"] == "VEILIGHEIDSBELEVING").unwrap();
        assert!(safety["score"].is_number() && safety["target_status"].is_string(), "{safety}");

        let earlier = wijkbeeld(&database.argument(), &["monitor", "show", "WK016401", "--period", "1999", "--json"]);
        assert!(earlier.status.success());
        let report: serde_json::Value = serde_json::from_slice(&earlier.stdout).unwrap();
        assert!(report["indicators"][0]["value"].is_null(), "nothing measured by 1999");

        one_line_failure(&wijkbeeld(&database.argument(), &["monitor", "show", "WK019999"]));
        one_line_failure(&wijkbeeld(&database.argument(), &["monitor", "show", "WK016401", "--period", "ooit"]));
    }
}

backend_test! {
    async fn boundaries_import_from_geojson_and_the_map_draws_them(database) {
        assert!(wijkbeeld(&database.argument(), &["demo"]).status.success());
        let square = |x: f64, y: f64| format!("[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]", x + 0.01, x + 0.01, y + 0.01, y + 0.01);
        let features: Vec<String> = (1..=10)
            .map(|index| {
                let x = 6.75 + f64::from(index % 4) * 0.01;
                let y = 52.24 + f64::from(index / 4) * 0.01;
                format!(
                    r#"{{"type":"Feature","properties":{{"wijkcode":"WK0164{:02}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#,
                    index - 1,
                    square(x, y)
                )
            })
            .collect();
        let document = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
        let (_dir, file) = temporary_file("wijken.geojson", document.as_bytes());
        let imported = wijkbeeld(&database.argument(), &["data", "boundaries", &file]);
        assert!(imported.status.success(), "{}", text(&imported.stderr));
        assert!(text(&imported.stdout).contains("boundaries of 10 area(s)"), "{}", text(&imported.stdout));

        let server = Server::start(&database.argument(), &[]);
        let page = http_get(&server.base, "/monitor");
        assert_eq!(page.status, 200);
        let map = page.body.split("<svg").nth(1).unwrap();
        assert_eq!(map.matches(" area-WK0164").count(), 10, "a choropleth of the ten wijken: {map}");
        assert!(map.matches("<path").count() >= 10, "areas drawn from their boundaries, not as tiles: {map}");

        let (_bad_dir, bad) = temporary_file("fout.geojson", br#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"wijkcode":"WK099901"},"geometry":null}]}"#);
        let refused = wijkbeeld(&database.argument(), &["data", "boundaries", &bad]);
        assert_eq!(refused.status.code(), Some(1), "{}", text(&refused.stderr));
    }
}

backend_test! {
    async fn privacy_purge_and_the_daily_task_of_serve_erase_contacts_past_their_term(database) {
        assert!(wijkbeeld(&database.argument(), &["demo"]).status.success());
        let store = database.open().await;
        let sessions = testing::sessions_by_date(&store).await;
        let (past_date, past) = *sessions.first().unwrap();
        let (_, coming) = *sessions.last().unwrap();
        let today = time::OffsetDateTime::now_utc().date();
        assert!(past_date <= today - time::Duration::days(30), "the demo's first evening ({past_date}) is over a month ago");
        testing::add_speaker(&store, past, "Anna Past", Some("anna@voorbeeld.nl"), Some("06 1234 5678")).await;
        testing::add_speaker(&store, coming, "Bram Coming", Some("bram@voorbeeld.nl"), Some("074 123 4567")).await;
        let contacts_of = |rows: Vec<testing::SpeakerContact>, name: &str| {
            rows.into_iter().find(|row| row.name == name).map(|row| (row.email, row.phone, row.erased)).unwrap()
        };

        let refused = wijkbeeld(&database.argument(), &["privacy", "purge", "--days", "400"]);
        assert!(one_line_failure(&refused).contains("between 0 and 366 days"), "{}", text(&refused.stderr));

        let purged = wijkbeeld(&database.argument(), &["privacy", "purge"]);
        assert!(purged.status.success(), "{}", text(&purged.stderr));
        assert!(text(&purged.stdout).starts_with("Erased the contact details of 1 registration to speak"), "{}", text(&purged.stdout));
        let rows = testing::speaker_contacts(&store).await;
        assert_eq!(contacts_of(rows.clone(), "Anna Past"), (None, None, true));
        assert_eq!(
            contacts_of(rows, "Bram Coming"),
            (Some("bram@voorbeeld.nl".to_owned()), Some("074 123 4567".to_owned()), false)
        );
        let again = wijkbeeld(&database.argument(), &["privacy", "purge"]);
        assert!(text(&again.stdout).starts_with("Erased the contact details of 0 registrations to speak"), "{}", text(&again.stdout));

        // serve purges at its start and then daily, as the system caller "privacy".
        testing::add_speaker(&store, past, "Carla Past", Some("carla@voorbeeld.nl"), None).await;
        let server = Server::start(&database.argument(), &["--contact-retention-days", "30"]);
        let deadline = Instant::now() + Duration::from_secs(30);
        while !contacts_of(testing::speaker_contacts(&store).await, "Carla Past").2 {
            assert!(Instant::now() < deadline, "serve did not purge the contacts past their term");
            std::thread::sleep(Duration::from_millis(100));
        }
        assert!(!contacts_of(testing::speaker_contacts(&store).await, "Bram Coming").2);
        let (status, stderr) = server.terminate();
        assert!(status.success(), "{stderr}");
        let bad = wijkbeeld(&database.argument(), &["serve", "--listen", "127.0.0.1:0", "--contact-retention-days", "999"]);
        assert!(one_line_failure(&bad).contains("between 0 and 366 days"), "{}", text(&bad.stderr));
        let mut tx = store.begin().await.unwrap();
        let entries = wijkbeeld_store::audit::list(&mut tx, &Default::default(), 50, 0).await.unwrap();
        let purges: Vec<&str> =
            entries.iter().filter(|entry| entry.action == "privacy.purge").map(|entry| entry.actor.as_str()).collect();
        assert_eq!(purges, ["privacy", "cli"], "newest first: the server's, then the command's");
    }
}

/// Posts JSON over plain HTTP/1.0 as coming through a proxy from `client`; the status and body.
fn post_json(base: &str, path: &str, json: &str, client: &str) -> (u16, String) {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let request = format!(
        "POST {path} HTTP/1.0\r\nHost: {address}\r\nContent-Type: application/json\r\nX-Forwarded-For: {client}\r\n\
         Content-Length: {}\r\n\r\n{json}",
        json.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head.split_whitespace().nth(1).and_then(|code| code.parse().ok()).unwrap_or(0);
    (status, body.to_owned())
}

/// Two servers on one PostgreSQL database take 200 registrations at once for a session with 5
/// places: exactly 5 are confirmed, the waiting list runs 1..195, and none fails.
#[tokio::test]
async fn two_servers_on_one_postgres_never_confirm_more_speakers_than_places() {
    use wijkbeeld_domain::local_time::dutch_moment;
    use wijkbeeld_domain::proposal::SpeakingRules;
    use wijkbeeld_domain::speaking::SessionSpeaking;

    let Some(database) = TestDatabase::create(testing::TestBackend::Postgres).await else {
        eprintln!("skipped: {} is not set", testing::POSTGRES_VARIABLE);
        return;
    };
    let first = Server::start(&database.argument(), &["--demo", "--trust-proxy"]);
    let second = Server::start(&database.argument(), &["--trust-proxy"]);
    let store = database.open().await;
    let body = {
        let mut tx = store.begin().await.unwrap();
        let bodies = wijkbeeld_store::people::bodies(&mut tx).await.unwrap();
        tx.commit().await.unwrap();
        bodies[0].id
    };
    let today = time::OffsetDateTime::now_utc().date();
    let mut tx = store.begin_write().await.unwrap();
    let session = wijkbeeld_store::speaking::published_sessions(&mut tx, body)
        .await
        .unwrap()
        .into_iter()
        .find(|session| session.starts_at.is_some() && session.date > today)
        .expect("the demo's coming evening has planned sessions");
    let rules = SessionSpeaking {
        rules: SpeakingRules {
            allowed: Some(true),
            minutes_per_speaker: Some(5),
            max_speakers: Some(5),
            deadline: Some(dutch_moment(session.date, time::macros::time!(12:00))),
            note: None,
        },
        total_minutes: None,
        may_join: false,
    };
    wijkbeeld_store::speaking::set_rules(&mut tx, body, session.id, &rules).await.unwrap();
    let demo = wijkbeeld_store::speaking::statuses(&mut tx, session.id).await.unwrap();
    for (id, _) in &demo {
        wijkbeeld_store::speaking::set_status(
            &mut tx,
            *id,
            wijkbeeld_domain::market::RegistrationStatus::Cancelled,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();

    let path = format!("/api/v1/sessions/{}/speakers", session.id);
    let bases = [first.base.clone(), second.base.clone()];
    let threads: Vec<_> = (0..200_u32)
        .map(|index| {
            let base = bases[(index % 2) as usize].clone();
            let path = path.clone();
            std::thread::spawn(move || {
                let json = format!(
                    r#"{{"name":"Inspreker {index}","email":"inspreker{index}@voorbeeld.nl","topic":"Verkeer"}}"#
                );
                post_json(&base, &path, &json, &format!("10.77.{}.{}", index / 200, index % 200 + 1))
            })
        })
        .collect();
    let mut confirmed = 0;
    let mut positions = Vec::new();
    for thread in threads {
        let (status, body) = thread.join().unwrap();
        assert_eq!(status, 201, "{body}");
        let answer: serde_json::Value = serde_json::from_str(&body).unwrap();
        match answer["status"].as_str().unwrap() {
            "confirmed" => confirmed += 1,
            _ => positions.push(answer["position"].as_i64().unwrap()),
        }
    }
    assert_eq!(confirmed, 5);
    positions.sort_unstable();
    assert_eq!(positions, (1..=195).collect::<Vec<i64>>());
    drop((first, second));
    store.close().await;
}

/// A port nothing listens on yet.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A real SMTP server (`scripts/smtp-sink`, Python's aiosmtpd) on `port`, keeping each message
/// it receives as a file in `directory`; stopped when dropped.
struct SmtpSink {
    child: Child,
}

impl SmtpSink {
    fn start(port: u16, directory: &std::path::Path) -> SmtpSink {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/smtp-sink");
        let mut child = Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(directory)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut ready = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut ready).unwrap();
        assert_eq!(ready.trim(), "ready", "the SMTP server did not start (python3 -m pip install aiosmtpd)");
        SmtpSink { child }
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// Waits up to 30 seconds for `check` to give something.
async fn eventually<T, F: std::future::Future<Output = Option<T>>>(what: &str, mut check: impl FnMut() -> F) -> T {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Some(found) = check().await {
            return found;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The demo body's outbox, newest first.
async fn outbox(database: &TestDatabase) -> Vec<wijkbeeld_store::mail::OutboxMessage> {
    let store = database.open().await;
    let mut tx = store.begin().await.unwrap();
    let body = wijkbeeld_store::people::bodies(&mut tx).await.unwrap()[0].id;
    let messages = wijkbeeld_store::mail::list(&mut tx, body, 10).await.unwrap();
    drop(tx);
    store.close().await;
    messages
}

backend_test! {
    async fn serve_sends_queued_mail_over_smtp_and_retries_while_the_server_is_down(database) {
        let password = "wachtwoord voor de eind-tot-eindtest";
        let port = free_port();
        let server = Server::start(&database.argument(), &[
            "--demo", "--demo-password", password,
            "--smtp-url", &format!("smtp://127.0.0.1:{port}"),
            "--mail-from", "Griffie Hengelo <griffie@hengelo.example>",
            "--public-url", "https://raad.hengelo.example/",
            "--mail-retry-ms", "500", "--mail-poll-ms", "100",
        ]);
        // The griffie queues a test message on the outbox page.
        let form = http_get(&server.base, "/inloggen");
        let token = form.body.split("name=\"_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let body = format!("_csrf={token}&email=griffie%40hengelo.example&password={}", password.replace(' ', "+"));
        let signed_in = http(&server.base, "POST", "/inloggen", &form.cookies(), Some(&body));
        assert_eq!(signed_in.status, 303, "{}", signed_in.body);
        let cookies: Vec<String> =
            signed_in.cookies().into_iter().filter(|cookie| cookie.starts_with("wijkbeeld_sessie=")).collect();
        let page = http(&server.base, "GET", "/beheer/uitgaande-post", &cookies, None);
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(!page.body.contains("geen mailserver ingesteld"), "{}", page.body);
        let token = page.body.split("name=\"_csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
        let queued = http(&server.base, "POST", "/beheer/uitgaande-post/proefbericht", &cookies, Some(&format!("_csrf={token}&to=bewoner%40example.nl")));
        assert_eq!(queued.status, 303, "{}", queued.body);

        // Nothing listens on the SMTP port: the message stays queued with the error.
        let failed = eventually("the first attempt to fail", || async {
            outbox(database).await.into_iter().find(|message| message.last_error.is_some())
        }).await;
        // With a retry every 500 ms a second attempt may already have failed when the test looks.
        assert!(failed.attempts >= 1 && failed.sent_at.is_none(), "{failed:?}");
        assert!(failed.next_attempt_at.is_some() && failed.arguments.is_some(), "{failed:?}");

        // The mail server comes up: the next attempt delivers it.
        let received = tempfile::tempdir().unwrap();
        let _sink = SmtpSink::start(port, received.path());
        let message = eventually("the message to arrive", || async {
            std::fs::read_to_string(received.path().join("0001.eml")).ok()
        }).await;
        assert!(message.contains("X-Envelope-To: bewoner@example.nl"), "{message}");
        assert!(message.contains("X-Envelope-From: griffie@hengelo.example"), "{message}");
        assert!(message.contains("Subject: Proefbericht van wijkbeeld"), "{message}");
        assert!(message.contains("https://raad.hengelo.example/beheer/uitgaande-post"), "{message}");
        let sent = eventually("the message to be marked sent", || async {
            outbox(database).await.into_iter().find(|message| message.sent_at.is_some())
        }).await;
        assert!(sent.attempts >= 2 && sent.arguments.is_none() && sent.last_error.is_none(), "{sent:?}");
        let (status, _) = server.terminate();
        assert!(status.success());
    }
}
