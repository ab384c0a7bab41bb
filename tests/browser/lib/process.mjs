// A child process a browser test file depends on (the wijkbeeld server, the SMTP sink): started,
// awaited until it says it is ready, never left running, and stopped.

import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** The repository's root folder (tests/browser/lib/ is three levels below it). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * startProcess(command, args, options) spawns `command` and resolves once a line it writes on
 * stdout makes options.ready(line) return something other than undefined, to
 * { ready, logs(), stop() }: ready is that value, logs() the last options.keptLines (default 200)
 * lines it wrote on stdout and stderr, and stop() ends it with SIGTERM (SIGKILL after
 * options.stopTimeoutMs) and resolves once it has exited. Both pipes are read to the end, or a
 * chatty process would block on a full pipe; a test runner that dies kills it.
 *
 * Fails, with the process killed and its output in the message, when it is not ready within
 * options.readyTimeoutMs, cannot be started, or exits first: options.name names it, and
 * options.exitMessage(code, signal) (optional) says what an early exit means.
 * options.spawn is passed to spawn() (cwd, env).
 */
export async function startProcess(command, args, options) {
  const child = spawn(command, args, { ...(options.spawn ?? {}), stdio: ['ignore', 'pipe', 'pipe'] });
  const keptLines = options.keptLines ?? 200;
  const lines = [];
  const keep = (line) => {
    lines.push(line);
    if (lines.length > keptLines) lines.shift();
  };
  const logs = () => lines.join('\n');
  createInterface({ input: child.stderr }).on('line', keep);
  const stdout = createInterface({ input: child.stdout });

  let exited = false;
  const exit = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => {
      exited = true;
      resolveExit({ code, signal });
    });
  });
  const killOnExit = () => {
    if (!exited) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);

  let ready;
  try {
    ready = await new Promise((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${options.name} was not ready within ${options.readyTimeoutMs / 1000} s; its output:\n${logs()}`)),
        options.readyTimeoutMs,
      );
      stdout.on('line', (line) => {
        keep(line);
        const value = options.ready(line);
        if (value !== undefined) {
          clearTimeout(timer);
          resolveReady(value);
        }
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        reject(new Error(`could not start ${options.name}: ${error.message}`));
      });
      exit.then(({ code, signal }) => {
        clearTimeout(timer);
        const meaning = options.exitMessage?.(code, signal) ?? `exit code ${code}, signal ${signal}`;
        reject(new Error(`${options.name} stopped before it was ready (${meaning}); its output:\n${logs()}`));
      });
    });
  } catch (error) {
    if (!exited) child.kill('SIGKILL');
    await exit;
    process.off('exit', killOnExit);
    throw error;
  }

  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), options.stopTimeoutMs);
        await exit;
        clearTimeout(timer);
      }
      process.off('exit', killOnExit);
    })();
    return stopping;
  };
  return { ready, logs, stop };
}
