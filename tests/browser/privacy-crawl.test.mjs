// No crawl of the public pages finds a registrant's e-mail or phone: speakers register (through
// the form in Chromium and through the JSON API) with distinctive addresses and numbers, some
// without consent to publish their name, one of them on a waiting list and one cancelled. Then
// the public, and a signed-in councillor (who is not the griffie), walk every page reachable by
// links, fetch every download linked from them (CSV, GeoJSON, HTML exports), every GET route of
// the OpenAPI document without a path parameter, and the sessions in the API; no body may hold a
// registrant's e-mail address or phone number, nor the name of one who did not consent.
//
// That the search can find what it looks for is checked where the details belong: the griffie's
// outbox names the recipients, and the private page behind a registrant's link the name.

import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, test } from 'node:test';
import { brokenLinks, closePage, crawl, newPage, signIn, useSite } from './lib/index.mjs';

/** Enough for every page the public or a councillor can reach; a crawl that stops here fails. */
const MAX_PAGES = 5_000;

/** Content types whose bodies are searched as text; others (PDF, XLSX) are compressed. */
const TEXTUAL = /^(text\/|application\/(json|geo\+json|problem\+json|xml|xhtml|javascript))|csv|geojson/;

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

/** The digits of a phone number, and the number as typed: a page may show either. */
function phoneForms(phone) {
  return [phone, phone.replace(/\D/g, '')];
}

/**
 * What must never be published: every registrant's e-mail address and phone number (as typed and
 * as digits), and the names of those who did not consent. Lower case; bodies are searched so too.
 */
function secretsOf(registrants) {
  const secrets = [];
  for (const registrant of registrants) {
    if (registrant.email) secrets.push({ what: `the e-mail of ${registrant.name}`, text: registrant.email });
    if (registrant.phone) {
      for (const form of phoneForms(registrant.phone)) secrets.push({ what: `the phone of ${registrant.name}`, text: form });
    }
    if (!registrant.publishName) secrets.push({ what: `the name of ${registrant.name}, who did not consent`, text: registrant.name, name: true });
  }
  return secrets.map((secret) => ({ ...secret, text: secret.text.toLowerCase() }));
}

/**
 * Also outside this file's registrations: the demo's speakers have addresses at example.org, and
 * so do this file's; no public body may hold one (the accounts' addresses are at
 * hengelo.example).
 */
const ANY_SPEAKER_ADDRESS = /[a-z0-9._%+-]+@example\.org/i;

/** The lines naming every secret found in `body`, fetched from `where`. */
function leaks(body, where, secrets) {
  const lower = body.toLowerCase();
  const found = secrets.filter((secret) => lower.includes(secret.text)).map((secret) => `${where} shows ${secret.what} (${secret.text})`);
  const address = ANY_SPEAKER_ADDRESS.exec(body);
  if (address && !found.length) found.push(`${where} shows a speaker's address ${address[0]}`);
  return found;
}

/**
 * Walks everything `page`'s viewer reaches and fails on any leak: the pages (their DOM as served
 * and rendered), every same-origin link the pages hold that the crawl does not follow (downloads,
 * CSV, the API), every GET route of the OpenAPI document without a path parameter, and
 * /api/v1/sessions. `published` are texts the crawl must come across (the consenting speakers'
 * names), which shows it reached the sessions' pages. options.namesSeenOn (a regular expression
 * tested against the path) marks the pages where a name without consent may appear, though never
 * an e-mail address or phone. Resolves to { pages, searched, routes }.
 */
async function searchEverything(page, base, who, secrets, published, options = {}) {
  const secretsOn = (path) => (options.namesSeenOn?.test(path) ? secrets.filter((secret) => !secret.name) : secrets);
  const found = [];
  const others = new Set();
  const unseen = new Set(published);
  const visits = await crawl(page, base, {
    maxPages: MAX_PAGES,
    onPage: async (current, visit) => {
      const content = await current.content();
      found.push(...leaks(content, `${who}: ${visit.path}`, secretsOn(visit.path)));
      for (const text of unseen) if (content.includes(text)) unseen.delete(text);
      const links = await current.$$eval('a[href], link[href], form[action]', (elements) =>
        elements.map((element) => (typeof element.href === 'string' ? element.href : element.action)).filter(Boolean),
      );
      for (const link of links) {
        const url = new URL(link, base);
        url.hash = '';
        if (url.origin === new URL(base).origin) others.add(url.href);
      }
    },
  });
  assert.ok(visits.length < MAX_PAGES, `${who}: the crawl stopped at ${MAX_PAGES} pages before it saw every page`);
  assert.deepEqual(brokenLinks(visits), [], `${who}: every link answers`);
  assert.deepEqual([...unseen], [], `${who}: the crawl came across every consenting speaker's name`);

  const api = page.context().request;
  const openapi = await api.get(`${base}/api/v1/openapi.json`);
  assert.equal(openapi.status(), 200, `${who}: the OpenAPI document`);
  const document = await openapi.json();
  const routes = Object.entries(document.paths)
    .filter(([path, operations]) => operations.get && !path.includes('{'))
    .map(([path]) => path);
  assert.ok(routes.includes('/api/v1/sessions'), `${who}: the OpenAPI document lists /api/v1/sessions: ${routes.join(', ')}`);
  for (const path of routes) others.add(new URL(path, base).href);
  // The crawled pages once more as the server sent them (above, the DOM the browser made of them).
  for (const visit of visits) others.add(visit.url);

  let searched = 0;
  for (const url of [...others].sort()) {
    const path = new URL(url).pathname;
    // Signing out would end the councillor's session, and the language switch sets a cookie. A
    // form's action is fetched with GET: its page, or a refusal, which is searched all the same.
    if (/^\/(uitloggen|taal)(\/|$)/.test(path)) continue;
    const response = await api.get(url, { maxRedirects: 0 });
    const type = response.headers()['content-type'] ?? '';
    if (response.status() >= 300 && response.status() < 400) continue;
    if (!TEXTUAL.test(type)) continue;
    found.push(...leaks(await response.text(), `${who}: ${path}${new URL(url).search} (${type})`, secretsOn(path)));
    searched += 1;
  }
  assert.deepEqual(found, [], `${who}: contact details or names without consent in public output`);
  assert.ok(searched > visits.length, `${who}: the downloads and API routes were searched too (${searched} bodies)`);
  return { pages: visits.length, searched, routes };
}

describe('privacy: no public page shows a registrant’s contact details', () => {
  const context = useSite({ trustProxy: true });
  const run = randomBytes(3).toString('hex');
  const registrants = [];
  let privateLink;
  /** The names the crawl must find: those given consent, and not cancelled. */
  const published = () => registrants.filter((registrant) => registrant.publishName && !registrant.cancelled).map((registrant) => registrant.name);

  test('speakers register through the form and the API, some without consent, one waiting, one cancelled', async () => {
    const base = context.site.baseUrl;
    const sessions = await (await fetch(`${base}/api/v1/sessions`)).json();
    const open = sessions.filter((session) => session.public_speaking.allowed && session.public_speaking.open);
    assert.ok(open.length >= 2, `at least two sessions open for registration: ${JSON.stringify(sessions)}`);
    const phone = () => `06-1234 ${String(randomInt(10_000)).padStart(4, '0')}`;
    const person = (index, publishName, contact) => ({
      name: `Inspreker${run}${'ABCDEFGH'[index]} Verborgen`,
      email: contact.includes('email') ? `geheim-${run}-${index}@example.org` : undefined,
      phone: contact.includes('phone') ? phone() : undefined,
      organisation: index % 2 ? `Buurtvereniging ${run}` : undefined,
      topic: `Onderwerp ${run} ${index}`,
      publishName,
      session: open[index % 2].id,
    });

    // Through the form in Chromium, without consent, with both ways to reach.
    const form = person(0, false, ['email', 'phone']);
    const visitor = await newPage(context.browser, { clientAddress: '198.51.100.1' });
    try {
      await visitor.goto(`${base}/sessies/${form.session}`);
      await visitor.getByLabel('Naam', { exact: true }).fill(form.name);
      await visitor.getByLabel('E-mailadres', { exact: true }).fill(form.email);
      await visitor.getByLabel('Telefoonnummer', { exact: true }).fill(form.phone);
      await visitor.getByLabel('Onderwerp', { exact: true }).fill(form.topic);
      const consent = visitor.getByLabel('Mijn naam mag op de lijst van insprekers worden gepubliceerd');
      if (await consent.isChecked()) await consent.uncheck();
      await submit(visitor, visitor.getByRole('button', { name: 'Aanmelden' }));
      assert.match(visitor.url(), /\/aanmelding\/[A-Za-z0-9_-]{43}$/);
      privateLink = visitor.url();
    } finally {
      await closePage(visitor);
    }
    registrants.push(form);

    // Through the API: with consent and without, by phone only and by e-mail only.
    const others = [
      person(1, true, ['email', 'phone']),
      person(2, false, ['phone']),
      person(3, true, ['phone']),
      person(4, false, ['email']),
      person(5, true, ['email']),
    ];
    for (const [index, registrant] of others.entries()) {
      const response = await fetch(`${base}/api/v1/sessions/${registrant.session}/speakers`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.51.100.${index + 10}` },
        body: JSON.stringify({
          name: registrant.name,
          email: registrant.email,
          phone: registrant.phone,
          organisation: registrant.organisation,
          topic: registrant.topic,
          publish_name: registrant.publishName,
        }),
      });
      const answer = await response.text();
      assert.equal(response.status, 201, `${registrant.name} registered: ${answer}`);
      registrants.push(registrant);
    }

    // One more, after the griffie has left no free place: on the waiting list.
    const griffie = await context.pageFor('griffie');
    const full = open[0].id;
    await griffie.goto(`${base}/sessies/${full}/spreekrecht`);
    await griffie.getByLabel('Aantal plaatsen', { exact: true }).fill('1');
    await submit(griffie, griffie.getByRole('button', { name: 'Opslaan' }));
    assert.equal(await griffie.getByLabel('Aantal plaatsen', { exact: true }).count(), 0, 'the rules were saved');
    const waiting = person(6, false, ['email', 'phone']);
    waiting.session = full;
    const response = await fetch(`${base}/api/v1/sessions/${full}/speakers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.30' },
      body: JSON.stringify({ name: waiting.name, email: waiting.email, phone: waiting.phone, topic: waiting.topic, publish_name: false }),
    });
    const answer = await response.text();
    assert.equal(response.status, 201, answer);
    assert.equal(JSON.parse(answer).status, 'waitlisted', answer);
    registrants.push(waiting);

    // And one that cancels again (through its private link).
    const cancelling = person(7, true, ['email', 'phone']);
    cancelling.session = open[1].id;
    const page = await newPage(context.browser, { clientAddress: '198.51.100.40' });
    try {
      await page.goto(`${base}/sessies/${cancelling.session}`);
      await page.getByLabel('Naam', { exact: true }).fill(cancelling.name);
      await page.getByLabel('E-mailadres', { exact: true }).fill(cancelling.email);
      await page.getByLabel('Telefoonnummer', { exact: true }).fill(cancelling.phone);
      await page.getByLabel('Onderwerp', { exact: true }).fill(cancelling.topic);
      await submit(page, page.getByRole('button', { name: 'Aanmelden' }));
      await submit(page, page.getByRole('button', { name: 'Aanmelding annuleren' }));
      assert.match(await page.getByRole('status').innerText(), /Uw aanmelding is geannuleerd/);
    } finally {
      await closePage(page);
    }
    cancelling.cancelled = true;
    registrants.push(cancelling);

    // The names given consent are on the sessions' pages: the crawl below reaches them.
    const consenting = registrants.filter((registrant) => registrant.publishName && !registrant.cancelled);
    for (const registrant of consenting) {
      const body = await (await fetch(`${base}/sessies/${registrant.session}`)).text();
      assert.ok(body.includes(registrant.name), `${registrant.name} gave consent and is on the session's page`);
    }
  });

  test('the search finds what it looks for where it belongs: the griffie’s outbox and the private page', async () => {
    const base = context.site.baseUrl;
    const own = registrants[0];
    // The griffie reads the messages waiting to be sent (no SMTP server here), with their recipients.
    const griffie = await context.pageFor('griffie');
    await griffie.goto(`${base}/beheer/uitgaande-post`);
    const outbox = leaks(await griffie.content(), 'the outbox', secretsOf(registrants));
    assert.ok(outbox.some((line) => line.includes(own.email)), `the griffie's outbox names the recipient ${own.email}: ${outbox}`);
    // The registrant's own page shows the registrant's name, even without consent to publish it.
    assert.ok(privateLink, 'the form registration gave a private link');
    const page = await newPage(context.browser, { clientAddress: '198.51.100.2' });
    try {
      await page.goto(privateLink);
      const found = leaks(await page.content(), 'the private page', secretsOf([own]));
      assert.ok(found.some((line) => line.includes(own.name.toLowerCase())), `the private page shows the registrant's name: ${found}`);
    } finally {
      await closePage(page);
    }
  });

  test('the public finds no contact details and no name without consent on any page, download or API route', async (t) => {
    assert.equal(registrants.length, 8, 'every speaker registered');
    const page = await newPage(context.browser, { clientAddress: '198.51.100.3' });
    try {
      const result = await searchEverything(page, context.site.baseUrl, 'public', secretsOf(registrants), published());
      t.diagnostic(`public: ${result.pages} pages crawled, ${result.searched} bodies searched, API routes ${result.routes.join(' ')}`);
      assert.ok(result.pages > 20, `the public crawl reached the site: ${result.pages} pages`);
    } finally {
      await closePage(page);
    }
  });

  test('a signed-in councillor finds none either', async (t) => {
    assert.equal(registrants.length, 8, 'every speaker registered');
    const page = await newPage(context.browser, { clientAddress: '198.51.100.4' });
    try {
      await signIn(page, context.site.baseUrl, 'raadslid');
      // The demo's councillor chairs a coming session, and a chair calls the speakers by name: the
      // chair's timer (/sessies/{id}/voorzitter, refused to every other councillor) shows the
      // names, never a way to reach them.
      const result = await searchEverything(page, context.site.baseUrl, 'raadslid', secretsOf(registrants), published(), {
        namesSeenOn: /^\/sessies\/\d+\/voorzitter$/,
      });
      t.diagnostic(`raadslid: ${result.pages} pages crawled, ${result.searched} bodies searched`);
      assert.ok(result.pages > 20, `the councillor's crawl reached the site: ${result.pages} pages`);
    } finally {
      await closePage(page);
    }
  });
});
