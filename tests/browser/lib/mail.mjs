// A real SMTP server for a browser test file (scripts/smtp-sink), and reading what arrived.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { REPO_ROOT, startProcess } from './process.mjs';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const WAIT_TIMEOUT_MS = 15_000;
const POLL_MS = 100;

/** A port of 127.0.0.1 that was free a moment ago. */
async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * startSmtpSink(folder) starts scripts/smtp-sink (Python's aiosmtpd; scripts/test installs it)
 * on a free port of 127.0.0.1, writing each message it receives to `folder`, and resolves once
 * it listens to { port, url, messages(), mailsTo(recipient), waitForMail(recipient, options),
 * stop() }. url is the smtp:// URL to hand `wijkbeeld serve --smtp-url`. startSite({mail: true})
 * does this itself and stops the sink with the site.
 */
export async function startSmtpSink(folder) {
  mkdirSync(folder, { recursive: true });
  const port = await freePort();
  const sink = await startProcess('python3', [join(REPO_ROOT, 'scripts', 'smtp-sink'), String(port), folder], {
    name: 'scripts/smtp-sink',
    readyTimeoutMs: READY_TIMEOUT_MS,
    stopTimeoutMs: STOP_TIMEOUT_MS,
    ready: (line) => (line.trim() === 'ready' ? true : undefined),
    exitMessage: (code) => `exit code ${code}; is aiosmtpd installed (python3 -m pip install aiosmtpd)?`,
  });

  const messages = () =>
    readdirSync(folder)
      .filter((name) => name.endsWith('.eml'))
      .sort()
      .map((name) => parseMessage(readFileSync(join(folder, name)), name));
  const mailsTo = (recipient) => messages().filter((message) => addressedTo(message, recipient));

  /**
   * waitForMail(recipient, {subject, timeout}) resolves to the first message that arrived for
   * `recipient` (an envelope recipient, case-insensitive) whose subject matches `subject` (a
   * RegExp or a string it contains; any subject if left out), polling every 100 ms; it fails
   * after `timeout` ms (default 15 s) with the messages that did arrive.
   */
  const waitForMail = async (recipient, options = {}) => {
    const timeout = options.timeout ?? WAIT_TIMEOUT_MS;
    const wanted = (message) =>
      options.subject === undefined ||
      (options.subject instanceof RegExp ? options.subject.test(message.subject) : message.subject.includes(options.subject));
    const deadline = Date.now() + timeout;
    for (;;) {
      const found = mailsTo(recipient).find(wanted);
      if (found) return found;
      if (Date.now() > deadline) {
        const arrived = messages().map((message) => `  ${message.file}: to ${message.to.join(', ')}: ${message.subject}`);
        throw new Error(
          `no message to ${recipient}${options.subject ? ` with the subject ${options.subject}` : ''} arrived within ${timeout / 1000} s; arrived:\n${arrived.join('\n') || '  nothing'}`,
        );
      }
      await new Promise((wake) => setTimeout(wake, POLL_MS));
    }
  };

  return { port, url: `smtp://127.0.0.1:${port}`, messages, mailsTo, waitForMail, stop: sink.stop };
}

function addressedTo(message, recipient) {
  const wanted = recipient.toLowerCase();
  return message.to.some((address) => address.toLowerCase() === wanted);
}

/**
 * parseMessage(bytes, file) reads one message as the sink wrote it: { file, from, to (the
 * envelope's recipients), subject (RFC 2047 words decoded), headers (lower-cased names), body
 * (the text, its transfer encoding undone), links (every http(s) URL in the body) }.
 * Handles what lettre sends: one text/plain part in 7bit, 8bit, quoted-printable or base64.
 */
export function parseMessage(bytes, file = '') {
  const raw = bytes.toString('latin1');
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let content;
  if (encoding === 'base64') {
    content = Buffer.from(rest.replace(/\s+/g, ''), 'base64');
  } else if (encoding === 'quoted-printable') {
    content = quotedPrintable(rest);
  } else {
    content = Buffer.from(rest, 'latin1');
  }
  const body = content.toString('utf8').replace(/\r\n/g, '\n');
  return {
    file,
    from: headers['x-envelope-from'] ?? '',
    to: (headers['x-envelope-to'] ?? '').split(',').map((address) => address.trim()).filter(Boolean),
    subject: decodeWords(Buffer.from(headers.subject ?? '', 'latin1').toString('utf8')),
    headers,
    body,
    links: body.match(/https?:\/\/[^\s<>"\u2068\u2069]+/g) ?? [],
  };
}

/** The bytes of a quoted-printable text: soft line breaks removed, =XX decoded. */
function quotedPrintable(text) {
  const joined = text.replace(/=\r?\n/g, '');
  const bytes = [];
  for (let index = 0; index < joined.length; index += 1) {
    const character = joined[index];
    if (character === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(index + 1, index + 3))) {
      bytes.push(parseInt(joined.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(joined.charCodeAt(index) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** A header with its RFC 2047 encoded words (=?charset?B|Q?…?=) decoded (UTF-8 assumed). */
function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}
