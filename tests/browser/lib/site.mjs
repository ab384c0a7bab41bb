// Starting and stopping the real wijkbeeld server for a browser test file.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSmtpSink } from './mail.mjs';
import { REPO_ROOT, startProcess } from './process.mjs';

export { REPO_ROOT };

/** The password that startSite() gives every demo account (at least 12 characters). */
export const DEMO_PASSWORD = 'browser-tests-wachtwoord';

/** The demo account of each role, by the role names the tests use. */
export const ACCOUNTS = {
  griffie: 'griffie@hengelo.example',
  college: 'college@hengelo.example',
  raadslid: 'raadslid@hengelo.example',
  partner: 'partner@hengelo.example',
  admin: 'beheer@hengelo.example',
};

/** Every role, in the order the tests walk them. */
export const ROLES = Object.keys(ACCOUNTS);

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const KEPT_LOG_LINES = 200;

/**
 * startSite(options) spawns `wijkbeeld serve --demo` on a fresh SQLite database in a new
 * temporary folder, listening on a free port of 127.0.0.1, and resolves once the server prints
 * `listening on http://127.0.0.1:PORT`.
 *
 * Options (all optional):
 * - binary: the wijkbeeld binary (default $WIJKBEELD_BIN or target/debug/wijkbeeld);
 * - password: the demo accounts' password (default DEMO_PASSWORD);
 * - trustProxy: start with --trust-proxy, so that the sign-in rate limit (10 attempts per client
 *   address per 15 minutes) counts the X-Forwarded-For address that newPage(browser,
 *   {clientAddress}) sends; for files that sign in more often than that;
 * - mail: start scripts/smtp-sink (see lib/mail.mjs) on a free port and serve with
 *   `--smtp-url` to it and `--mail-poll-ms 100`, so that the mail the site sends arrives within a
 *   moment (the links in it point at baseUrl, the address the server listens on);
 * - extraArgs: more arguments after `serve …`;
 * - env: more environment variables for the server.
 *
 * Resolves to { baseUrl, password, accounts, databasePath, mail, logs(), stop() }, where mail
 * is the sink ({ waitForMail(recipient, {subject}), mailsTo(recipient), messages() }) when
 * options.mail was given, else null:
 * baseUrl has no trailing slash; logs() returns the last lines the server wrote (stdout and
 * stderr), for failure messages; stop() ends the server with SIGTERM (SIGKILL after 10 s) and
 * removes the temporary folder. Call stop() in an after() hook.
 */
export async function startSite(options = {}) {
  const binary = options.binary ?? process.env.WIJKBEELD_BIN ?? join(REPO_ROOT, 'target', 'debug', 'wijkbeeld');
  if (!existsSync(binary)) {
    throw new Error(`no wijkbeeld binary at ${binary}: build it with \`cargo build -p wijkbeeld-cli\` (scripts/browser-tests does)`);
  }
  const password = options.password ?? DEMO_PASSWORD;
  const folder = mkdtempSync(join(tmpdir(), 'wijkbeeld-browser-'));
  const databasePath = join(folder, 'w.db');
  let sink = null;
  if (options.mail) {
    try {
      sink = await startSmtpSink(join(folder, 'mail'));
    } catch (error) {
      rmSync(folder, { recursive: true, force: true });
      throw error;
    }
  }
  const args = [
    '--database', databasePath,
    'serve', '--demo', '--demo-password', password, '--listen', '127.0.0.1:0',
    ...(options.trustProxy ? ['--trust-proxy'] : []),
    ...(sink ? ['--smtp-url', sink.url, '--mail-from', 'wijkbeeld <griffie@hengelo.example>', '--mail-poll-ms', '100', '--mail-retry-ms', '500'] : []),
    ...(options.extraArgs ?? []),
  ];
  const cleanUp = async () => {
    if (sink) await sink.stop();
    rmSync(folder, { recursive: true, force: true });
  };

  let server;
  try {
    server = await startProcess(binary, args, {
      name: `wijkbeeld (${binary})`,
      spawn: { cwd: folder, env: { ...process.env, ...(options.env ?? {}) } },
      keptLines: KEPT_LOG_LINES,
      readyTimeoutMs: READY_TIMEOUT_MS,
      stopTimeoutMs: STOP_TIMEOUT_MS,
      ready: (line) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1],
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const baseUrl = server.ready;
  const logs = server.logs;

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      await server.stop();
      await cleanUp();
    })();
    return stopping;
  };

  return { baseUrl, password, accounts: { ...ACCOUNTS }, databasePath, mail: sink, logs, stop };
}
