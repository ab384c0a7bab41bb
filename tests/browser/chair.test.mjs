// The griffie's and the chair's views: the demo's councillor finds the session they chair by the
// timer link on its page; the griffie opens the list of registrations (with contact details),
// whose printed form leaves out the navigation and the buttons, and the running order; the chair
// times two speakers (start A, start B stops A, stop B) and the table afterwards shows both with
// recorded times. Every page passes axe and fits at 320 px.

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

/** Fails unless the page fits a 320 px window. */
async function fitsNarrow(page, label) {
  await page.setViewportSize({ width: 320, height: 800 });
  const fit = await noHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.ok(fit.ok, `${label} is ${fit.scrollWidth} px wide in a ${fit.viewportWidth} px window: ${fit.offenders.join('; ')}`);
}

describe("the griffie's and the chair's views", () => {
  const context = useSite();

  test('the griffie prints the list, the chair times two speakers and the times are shown afterwards', async () => {
    const base = context.site.baseUrl;
    const chair = await context.pageFor('raadslid');
    await chair.goto(`${base}/markt`);
    const evenings = await chair.locator('main ul a[href^="/markt/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    let session = null;
    for (const evening of evenings) {
      await chair.goto(`${base}${evening}`);
      const sessions = await chair.locator('main a[href^="/sessies/"]').evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')))]);
      for (const candidate of sessions) {
        await chair.goto(`${base}${candidate}`);
        if ((await chair.getByRole('link', { name: 'Tijdwaarneming voor de voorzitter' }).count()) > 0) {
          session = candidate;
          break;
        }
      }
      if (session) break;
    }
    assert.ok(session, 'the demo councillor chairs a session, linked to its timer from its page');

    // The griffie's list: contact details, printable without navigation and buttons.
    const griffie = await context.pageFor('griffie');
    await griffie.goto(`${base}${session}`);
    await submit(griffie, griffie.getByRole('link', { name: 'Aanmeldingen met contactgegevens' }));
    const list = await griffie.locator('main table').first().innerText();
    assert.match(list, /E-mailadres/);
    assert.match(list, /@/, 'the contact details are on the list');
    await accessible(griffie, 'the list of registrations');
    await fitsNarrow(griffie, 'the list of registrations');
    assert.ok(await griffie.locator('.site-nav').isVisible(), 'the navigation on screen');
    await griffie.emulateMedia({ media: 'print' });
    assert.equal(await griffie.locator('.site-nav').isVisible(), false, 'no navigation on paper');
    assert.equal(await griffie.locator('.site-header__tools').isVisible(), false, 'no sign-out button on paper');
    assert.ok(await griffie.locator('main table').first().isVisible(), 'the list itself is printed');
    await griffie.emulateMedia({ media: 'screen' });

    await griffie.goto(`${base}${session}/sprekers`);
    assert.match(await griffie.locator('main').innerText(), /Gepland: \d\d:\d\d–\d\d:\d\d/);
    await accessible(griffie, 'the running order');
    await fitsNarrow(griffie, 'the running order');

    // The chair's timer: start A, start B (which stops A), stop B.
    await chair.goto(`${base}${session}`);
    await submit(chair, chair.getByRole('link', { name: 'Tijdwaarneming voor de voorzitter' }));
    await accessible(chair, 'the timer');
    await fitsNarrow(chair, 'the timer');
    const names = await chair.locator('ol.chair-timer .chair-order__name').allInnerTexts();
    assert.ok(names.length >= 2, `two speakers at least: ${names}`);
    const [first, second] = names;
    await submit(chair, chair.getByRole('button', { name: `Start ${first}`, exact: true }));
    assert.match(await chair.getByRole('status').innerText(), /De tijd loopt/);
    assert.ok(await chair.getByRole('button', { name: `Stop ${first}`, exact: true }).isVisible(), 'A runs');
    await submit(chair, chair.getByRole('button', { name: `Start ${second}`, exact: true }));
    assert.equal(await chair.getByRole('button', { name: `Stop ${first}`, exact: true }).count(), 0, 'starting B stopped A');
    await submit(chair, chair.getByRole('button', { name: `Stop ${second}`, exact: true }));
    assert.match(await chair.getByRole('status').innerText(), /De tijd is gestopt/);
    await accessible(chair, 'the timer afterwards');

    const row = (name) => chair.locator('table.chair-afterwards tr', { has: chair.locator('th', { hasText: name }) });
    for (const name of [first, second]) {
      const text = await row(name).innerText();
      assert.match(text, /\d+:\d\d\s+\d+:\d\d/, `${name} has a planned and a recorded time: ${text}`);
      assert.doesNotMatch(text, /Niet gesproken/);
    }
    assert.match(await chair.locator('table.chair-parties').innerText(), /Insprekers/);
  });
});
