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

/// A response: status code and body.
struct Reply {
    status: u16,
    body: String,
}

/// A plain HTTP/1.0 GET, so that the server answers without chunked encoding and closes.
fn http_get(base: &str, path: &str) -> Reply {
    let address = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let (head, body) = response.split_once("\r\n\r\n").unwrap();
    let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
    Reply { status, body: body.to_owned() }
}

/// A running `wijkbeeld serve`; killed when dropped.
struct Server {
    child: Child,
    base: String,
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
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.split("listening on ").nth(1) {
                    let base = rest.split_whitespace().next().unwrap_or_default().to_owned();
                    let _ = sender.send(base);
                }
            }
        });
        let base = match receiver.recv_timeout(Duration::from_secs(120)) {
            Ok(base) => base,
            Err(_) => {
                child.kill().ok();
                let mut stderr = String::new();
                child.stderr.take().unwrap().read_to_string(&mut stderr).ok();
                panic!("the server did not start listening: {stderr}");
            }
        };
        Server { child, base }
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
    async fn serve_demo_answers_its_health_check_and_lists_the_evening_and_the_wijken(database) {
        let server = Server::start(&database.argument(), &["--demo"]);
        let health = http_get(&server.base, "/healthz");
        assert_eq!(health.status, 200, "{}", health.body);
        assert!(health.body.contains("\"status\":\"ok\""));

        let home = http_get(&server.base, "/");
        assert_eq!(home.status, 200);
        assert!(home.body.contains("dinsdag 26 september 2023"), "{}", home.body);
        assert_eq!(home.body.matches("<th scope=\"row\">").count(), 10, "ten wijken");
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
        store.close().await;
        let expected = format!("schema version {latest} ({latest} migrations applied now)");
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
