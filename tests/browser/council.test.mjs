// The council's half of a session: the raadslid opens a market evening, marks a session as their
// party's spokesperson (a form button, no JavaScript needed), sees the party named at the session
// for everyone, and finds the session on their own page, "Mijn raad", reached from the menu. The
// evening page and the own page pass axe, and the own page fits a 320 px screen.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, noHorizontalScroll, useSite } from './lib/index.mjs';

/** Runs axe and fails with the readable summary when the page has violations. */
async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe("the council's half of a session", () => {
  const context = useSite();

  test('the raadslid marks a session as spokesperson and finds it on their own page', async () => {
    const base = context.site.baseUrl;
    const raadslid = await context.pageFor('raadslid');
    await raadslid.goto(`${base}/markt`);
    // The first evening in the list whose sessions can be marked.
    const evenings = await raadslid.locator('main .evening-list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    let button = null;
    for (const href of evenings) {
      await raadslid.goto(`${base}${href}`);
      const buttons = raadslid.getByRole('button', { name: /^Woordvoerder bij / });
      if ((await buttons.count()) > 0) {
        button = buttons.first();
        break;
      }
    }
    assert.ok(button, 'an evening with sessions to mark');
    await accessible(raadslid, 'the evening page with the buttons to mark');
    const label = await button.getAttribute('aria-label');
    const subject = label.replace(/^Woordvoerder bij /, '');
    const evening = raadslid.url();
    await submit(raadslid, button);
    assert.match(await raadslid.getByRole('status').innerText(), /U bent gemeld als woordvoerder bij de sessie/);
    const item = raadslid.locator('.council-session', { hasText: subject }).first();
    assert.match(await item.innerText(), /\(woordvoerder: /);
    assert.match(await item.innerText(), /U bent erbij als woordvoerder/);
    assert.equal(await item.getByRole('button', { name: `Afmelden bij ${subject}` }).count(), 1);
    await accessible(raadslid, 'the evening page after marking');

    // Everyone sees the party and its spokesperson at the session.
    const visitor = await context.pageFor('public');
    await visitor.goto(evening.split('#')[0]);
    const seen = visitor.locator('.council-session', { hasText: subject }).first();
    if ((await seen.count()) > 0) {
      assert.match(await seen.innerText(), /\(woordvoerder: /);
      assert.equal(await visitor.getByRole('button', { name: /^Woordvoerder bij / }).count(), 0, 'no buttons for the public');
    }

    // The own page, from the menu.
    await submit(raadslid, raadslid.getByRole('link', { name: 'Mijn raad' }));
    assert.equal(await raadslid.locator('h1').innerText(), 'Mijn raad');
    const row = raadslid.locator('.council-own-session', { hasText: subject });
    assert.equal(await row.count(), 1, await raadslid.locator('main').innerText());
    assert.match(await row.innerText(), /woordvoerder voor /);
    await accessible(raadslid, 'the own page');
    await raadslid.setViewportSize({ width: 320, height: 800 });
    await raadslid.reload();
    const fit = await noHorizontalScroll(raadslid);
    await raadslid.setViewportSize({ width: 1280, height: 800 });
    assert.ok(fit.ok, `the own page is ${fit.scrollWidth} px wide at 320 px: ${fit.offenders.join('; ')}`);
  });
});
