// A session's outcome: the griffie opens the seed evening's session, adds a commitment and a
// proposed indicator in the form's spare rows (no JavaScript needed), and saves; the commitment
// appears on the public overview of commitments and the indicator as a candidate in the monitor,
// with its session. Every page on the way passes axe.

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

describe("a session's outcome", () => {
  const context = useSite();

  test('the griffie records a commitment and a proposed indicator; both reach the overview and the monitor', async () => {
    const base = context.site.baseUrl;
    const griffie = await context.pageFor('griffie');
    await griffie.goto(`${base}/markt`);
    await submit(griffie, griffie.getByRole('link', { name: /26 september 2023/ }));
    await submit(griffie, griffie.getByRole('link', { name: 'Uitkomst vastleggen: Wijkgericht werken' }));
    assert.equal(await griffie.locator('h1').innerText(), 'Uitkomst vastleggen: Wijkgericht werken');
    await accessible(griffie, 'the outcome form');

    // The demo has one commitment and two indicators: the next rows are spare ones.
    const group = (name) => griffie.getByRole('group', { name, exact: true });
    const commitment = group('Toezegging 2');
    await commitment.getByLabel('Portefeuillehouder').selectOption({ label: 'Marie-José Luttikholt' });
    // Without text the row is refused, naming the field, and what was chosen is kept.
    await submit(griffie, griffie.getByRole('button', { name: 'Uitkomst opslaan' }));
    assert.match(await griffie.getByRole('alert').innerText(), /Vul in wat er is toegezegd/);
    await accessible(griffie, 'a refused outcome');
    await group('Toezegging 2').getByLabel('Wat is toegezegd').fill('Een werkbezoek aan de wijk Berflo Es met de raad.');
    const indicator = group('Indicator 3');
    await indicator.getByLabel('Naam').fill('Bewoners die de buurtapp gebruiken');
    await indicator.getByLabel('Omschrijving').fill('Het aandeel huishoudens dat de buurtapp gebruikt.');
    await indicator.getByLabel('Voorgesteld door').selectOption({ label: 'Buurtpartij' });
    await submit(griffie, griffie.getByRole('button', { name: 'Uitkomst opslaan' }));
    assert.match(await griffie.getByRole('status').innerText(), /De uitkomst van de sessie is vastgelegd/);
    assert.match(await griffie.locator('main').innerText(), /Bewoners die de buurtapp gebruiken/);
    await accessible(griffie, 'the outcome page');

    // The public overview of commitments, filtered by portfolio holder, with the overdue marked in words.
    const visitor = await context.pageFor('public');
    await visitor.goto(`${base}/toezeggingen`);
    await accessible(visitor, 'the commitments overview');
    await visitor.getByLabel('Portefeuillehouder').selectOption({ label: 'Marie-José Luttikholt' });
    await submit(visitor, visitor.getByRole('button', { name: 'Filteren' }));
    const table = await visitor.locator('main table').innerText();
    assert.match(table, /Een werkbezoek aan de wijk Berflo Es met de raad/);
    assert.match(table, /\(te laat\)/);
    await submit(visitor, visitor.getByRole('link', { name: /Open toezeggingen van Marie-José Luttikholt/ }));
    assert.match(await visitor.locator('main').innerText(), /Een werkbezoek aan de wijk Berflo Es/);
    await accessible(visitor, "a portfolio holder's open commitments");
    await visitor.setViewportSize({ width: 320, height: 800 });
    await visitor.goto(`${base}/toezeggingen`);
    const fit = await noHorizontalScroll(visitor);
    await visitor.setViewportSize({ width: 1280, height: 800 });
    assert.ok(fit.ok, `the overview is ${fit.scrollWidth} px wide at 320 px: ${fit.offenders.join('; ')}`);

    // The indicator is a candidate in the monitor, with where it came from.
    const college = await context.pageFor('college');
    await college.goto(`${base}/monitor/indicatoren`);
    const row = college.locator('tr', { hasText: 'Bewoners die de buurtapp gebruiken' });
    assert.match(await row.innerText(), /Kandidaat-indicator/);
    await submit(college, row.getByRole('link', { name: /Bewoners die de buurtapp gebruiken/ }).first());
    const facts = await college.locator('main').innerText();
    assert.match(facts, /Voorgesteld in/);
    assert.match(facts, /voorgesteld door Buurtpartij/);
    await accessible(college, 'the candidate indicator');
  });
});
