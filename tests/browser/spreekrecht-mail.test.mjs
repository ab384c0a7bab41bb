// Spreekrecht by e-mail, end to end: the site sends through a real SMTP server (scripts/smtp-sink).
// The griffie leaves one free place in an open session; resident A registers in Chromium and is
// confirmed, resident B registers and is first on the waiting list; both get their mail. A opens
// the private link from the confirmation mail and cancels; B is promoted, gets a mail with a new
// private link, and that link shows B confirmed (the link B was first given no longer works,
// since only the newest link's digest is kept).

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { checkAccessibility, closePage, newPage, useSite } from './lib/index.mjs';

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
}

/** The number of confirmed speakers and of those waiting that a session page states. */
async function counts(page) {
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  const confirmed = /Nog niemand heeft zich aangemeld/.test(text) ? 0 : Number(/(\d+) insprekers? (?:is|zijn) aangemeld/.exec(text)?.[1]);
  const waiting = Number(/(\d+) sta(?:at|an) op de wachtlijst/.exec(text)?.[1] ?? 0);
  assert.ok(Number.isInteger(confirmed), `the session page states how many speakers are registered: ${text}`);
  return { confirmed, waiting };
}

/** Registers through the form on the session page open in `page`. */
async function register(page, { name, email, topic }) {
  await page.getByLabel('Naam', { exact: true }).fill(name);
  await page.getByLabel('E-mailadres', { exact: true }).fill(email);
  await page.getByLabel('Onderwerp', { exact: true }).fill(topic);
  await submit(page, page.getByRole('button', { name: 'Aanmelden' }));
  assert.match(page.url(), /\/aanmelding\/[A-Za-z0-9_-]{43}$/, `${name} lands on the private page`);
  return page.url();
}

/** The private link (/aanmelding/TOKEN on the site's address) in a message's text. */
function privateLink(message, base) {
  const links = message.links.filter((link) => link.startsWith(`${base}/aanmelding/`));
  assert.equal(links.length, 1, `one private link in "${message.subject}":\n${message.body}`);
  assert.match(links[0], /\/aanmelding\/[A-Za-z0-9_-]{43}$/);
  return links[0];
}

describe('spreekrecht by e-mail', () => {
  const context = useSite({ mail: true, trustProxy: true });

  test('a resident registers, gets the mail, cancels through its link, and the first waiting is promoted and told', async () => {
    const base = context.site.baseUrl;
    const mail = context.site.mail;
    const run = randomBytes(4).toString('hex');
    const a = { name: 'Anna Aanmelder', email: `anna-${run}@voorbeeld.nl`, topic: 'De bomen aan de Deldenerstraat' };
    const b = { name: 'Bram Wachter', email: `bram-${run}@voorbeeld.nl`, topic: 'Het fietspad langs het kanaal' };

    // A session of a published evening that is open for registration, with nobody waiting.
    const sessions = await (await fetch(`${base}/api/v1/sessions`)).json();
    const open = sessions.filter((session) => session.public_speaking.allowed && session.public_speaking.open);
    assert.ok(open.length > 0, `the demo has a session open for registration: ${JSON.stringify(sessions)}`);
    const griffie = await context.pageFor('griffie');
    let session = null;
    let before = null;
    for (const candidate of open) {
      await griffie.goto(`${base}/sessies/${candidate.id}`);
      const found = await counts(griffie);
      if (found.waiting === 0) {
        session = candidate;
        before = found;
        break;
      }
    }
    assert.ok(session, 'an open session with an empty waiting list');
    const sessionUrl = `${base}/sessies/${session.id}`;

    // The griffie leaves exactly one free place.
    await griffie.goto(`${sessionUrl}/spreekrecht`);
    await griffie.getByLabel('Aantal plaatsen', { exact: true }).fill(String(before.confirmed + 1));
    await submit(griffie, griffie.getByRole('button', { name: 'Opslaan' }));
    await griffie.goto(`${sessionUrl}/spreekrecht`);
    assert.equal(await griffie.getByLabel('Aantal plaatsen', { exact: true }).inputValue(), String(before.confirmed + 1));

    const residentA = await newPage(context.browser, { clientAddress: '192.0.2.11' });
    const residentB = await newPage(context.browser, { clientAddress: '192.0.2.12' });
    try {
      // A takes the last place.
      await residentA.goto(sessionUrl);
      const firstLinkA = await register(residentA, a);
      assert.match(await residentA.getByRole('status').innerText(), /U bent aangemeld om in te spreken/);

      // B comes after it and is first on the waiting list.
      await residentB.goto(sessionUrl);
      const firstLinkB = await register(residentB, b);
      assert.match(await residentB.getByRole('status').innerText(), /u staat als eerste op de wachtlijst/);

      // Both are told by mail, each with the link to their own private page.
      const confirmation = await mail.waitForMail(a.email, { subject: /^Aanmelding inspreken bevestigd: / });
      assert.ok(confirmation.subject.includes(session.subject), confirmation.subject);
      assert.match(confirmation.body, /Beste Anna Aanmelder/);
      const linkA = privateLink(confirmation, base);
      assert.equal(linkA, firstLinkA, 'the confirmation mail links to the page A was shown');
      const waitlisted = await mail.waitForMail(b.email, { subject: /^U staat op de wachtlijst: / });
      assert.match(waitlisted.body, /op plaats 1\b/);
      assert.equal(privateLink(waitlisted, base), firstLinkB);
      for (const message of [confirmation, waitlisted]) {
        assert.equal(message.to.length, 1, `one recipient: ${message.to}`);
        assert.match(message.from, /griffie@hengelo\.example/);
      }

      // A opens the link from the mail in a fresh browser (as from a mail program) and cancels.
      const fromMail = await newPage(context.browser, { clientAddress: '192.0.2.13' });
      try {
        const opened = await fromMail.goto(linkA);
        assert.equal(opened.status(), 200);
        assert.match(await fromMail.locator('main').innerText(), /U bent aangemeld om in te spreken/);
        assert.equal(await fromMail.getByLabel('Onderwerp', { exact: true }).inputValue(), a.topic);
        await submit(fromMail, fromMail.getByRole('button', { name: 'Aanmelding annuleren' }));
        assert.match(await fromMail.getByRole('status').innerText(), /Uw aanmelding is geannuleerd/);
        assert.equal((await fromMail.goto(linkA)).status(), 410, 'the used link says it was used');
      } finally {
        await closePage(fromMail);
      }
      const cancelled = await mail.waitForMail(a.email, { subject: /^Aanmelding ingetrokken: / });
      assert.equal(cancelled.links.filter((link) => link.includes('/aanmelding/')).length, 0, 'no private link after cancelling');

      // B is promoted and told, with a new private link that shows B confirmed.
      const promoted = await mail.waitForMail(b.email, { subject: /^Er is een plaats vrij: / });
      assert.ok(promoted.subject.includes(session.subject), promoted.subject);
      assert.match(promoted.body, /Beste Bram Wachter/);
      const linkB = privateLink(promoted, base);
      const opened = await residentB.goto(linkB);
      assert.equal(opened.status(), 200, `B's link from the promotion mail works: ${linkB}`);
      assert.match(await residentB.locator('main').innerText(), /U bent aangemeld om in te spreken/);
      assert.doesNotMatch(await residentB.locator('main').innerText(), /U staat [^.]*wachtlijst/);
      assert.equal(await residentB.getByLabel('Onderwerp', { exact: true }).inputValue(), b.topic);
      await checkAccessibility(residentB, 'the promoted private page').then((result) =>
        assert.equal(result.violations.length, 0, result.summary),
      );
      if (linkB !== firstLinkB) {
        assert.equal((await residentB.goto(firstLinkB)).status(), 404, 'the link B had first is replaced by the new one');
      }

      // The session counts the same speakers as before plus B, nobody waiting.
      await residentA.goto(sessionUrl);
      assert.deepEqual(await counts(residentA), { confirmed: before.confirmed + 1, waiting: 0 });
      const page = await residentA.content();
      for (const address of [a.email, b.email]) assert.ok(!page.includes(address), `no ${address} on the session page`);

      // Nobody else was written to: the four messages, and none of them twice.
      const ours = mail.messages().filter((message) => message.to.some((to) => to.endsWith(`-${run}@voorbeeld.nl`)));
      assert.deepEqual(
        ours.map((message) => `${message.to[0].split('-')[0]}: ${message.subject.split(':')[0]}`).sort(),
        ['anna: Aanmelding ingetrokken', 'anna: Aanmelding inspreken bevestigd', 'bram: Er is een plaats vrij', 'bram: U staat op de wachtlijst'],
      );
    } finally {
      await closePage(residentA);
      await closePage(residentB);
    }
  });
});
