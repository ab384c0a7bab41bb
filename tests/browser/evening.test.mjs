// The griffie's evening: creating one through the form (a refused form keeps what was typed),
// editing it, planning the demo's draft evening and publishing it; the public then finds it in
// /markt with its grid (at 375 px as a list per round, without sideways scrolling), and after the
// publication is withdrawn gets "not found". Every page on the way passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, closePage, newPage, noHorizontalScroll, useSite } from './lib/index.mjs';

/** Runs axe and fails with the readable summary when the page has violations. */
async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

/** Fails unless the page fits its window's width. */
async function fits(page, label) {
  const fit = await noHorizontalScroll(page);
  assert.ok(
    fit.ok,
    `${label} is ${fit.scrollWidth} px wide in a ${fit.viewportWidth} px window; sticking out: ${fit.offenders.join('; ') || '(nothing found)'}`,
  );
}

describe("the griffie's evening", () => {
  const context = useSite();

  test('the griffie creates an evening through the form and edits it', async () => {
    const base = context.site.baseUrl;
    const griffie = await context.pageFor('griffie');
    await griffie.goto(`${base}/markt`);
    await submit(griffie, griffie.getByRole('link', { name: 'Nieuwe markt' }));
    assert.equal(await griffie.locator('h1').innerText(), 'Nieuwe Politieke Markt');
    await accessible(griffie, 'the form of a new evening');
    assert.equal(await griffie.getByLabel('Titel').inputValue(), 'Politieke Markt');

    // A round that ends before it starts: refused, beside the field, with what was typed kept.
    await griffie.getByLabel('Datum').fill('09-03-2027');
    const round = (number) => griffie.getByRole('group', { name: `Ronde ${number}`, exact: true });
    await round(1).getByLabel('Einde').fill('19:00');
    await submit(griffie, griffie.getByRole('button', { name: 'Marktavond aanmaken' }));
    assert.match(await griffie.getByRole('alert').innerText(), /Ronde 1 moet later eindigen dan hij begint/);
    assert.equal(await griffie.getByLabel('Datum').inputValue(), '09-03-2027');
    assert.equal(await round(1).getByLabel('Einde').inputValue(), '19:00');
    await accessible(griffie, 'a refused new evening');

    await round(1).getByLabel('Einde').fill('21:00');
    await submit(griffie, griffie.getByRole('button', { name: 'Marktavond aanmaken' }));
    assert.match(await griffie.getByRole('status').innerText(), /De marktavond is aangemaakt/);
    assert.match(await griffie.locator('h1').innerText(), /9 maart 2027/);
    assert.match(await griffie.locator('main').innerText(), /Niet gepubliceerd/);
    await accessible(griffie, 'the new evening');

    await submit(griffie, griffie.getByRole('link', { name: 'Datum, rondes en zalen bewerken' }));
    assert.equal(await griffie.locator('h1').innerText(), 'Marktavond bewerken');
    await accessible(griffie, "an evening's form");
    await round(3).getByLabel('Begin').fill('23:00');
    await round(3).getByLabel('Einde').fill('23:30');
    await submit(griffie, griffie.getByRole('button', { name: 'Wijzigingen opslaan' }));
    assert.match(await griffie.getByRole('status').innerText(), /De wijzigingen in de marktavond zijn opgeslagen/);
    assert.match(await griffie.locator('table.market-grid').innerText(), /Ronde 3 \(23:00–23:30\)/);
  });

  test('the griffie plans and publishes the draft evening; the public sees it until it is withdrawn', async () => {
    const base = context.site.baseUrl;
    const griffie = await context.pageFor('griffie');
    // The demo's evening still to be planned is a draft: the public does not find it.
    const visitor = await newPage(context.browser);
    try {
      await visitor.goto(`${base}/markt`);
      const publicLinks = await visitor.locator('main ul a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

      // The draft of the demo, not the evening the first test made.
      await griffie.goto(`${base}/markt`);
      const draft = griffie.locator('main ul li', { hasText: 'Nog niet gepubliceerd' }).filter({ hasNotText: '9 maart 2027' }).first();
      const path = await draft.locator('a').getAttribute('href');
      assert.ok(!publicLinks.includes(path), `the public's list does not have the draft ${path}`);
      const hidden = await visitor.goto(`${base}${path}`);
      assert.equal(hidden.status(), 404, 'a draft does not exist for the public');

      await griffie.goto(`${base}${path}`);
      await submit(griffie, griffie.getByRole('button', { name: 'Planner uitvoeren' }));
      await submit(griffie, griffie.getByRole('button', { name: 'Deze indeling accepteren' }));
      assert.ok(await griffie.locator('table.market-grid td.market-grid__session').count() >= 1);
      await submit(griffie, griffie.getByRole('button', { name: 'Publiceren' }));
      assert.match(await griffie.getByRole('status').innerText(), /De marktavond is gepubliceerd/);
      assert.match(await griffie.locator('#publicatie').innerText(), /^Gepubliceerd op /);
      await accessible(griffie, 'the published evening');

      // The public finds it in the list, and its grid.
      await visitor.goto(`${base}/markt`);
      await submit(visitor, visitor.locator(`main ul a[href="${path}"]`));
      const sessions = await visitor.locator('table.market-grid td.market-grid__session').count();
      assert.ok(sessions >= 1, `${sessions} sessions in the public grid`);
      assert.equal(await visitor.getByRole('button', { name: 'Publicatie intrekken' }).count(), 0);
      await accessible(visitor, 'the public grid of the published evening');

      // At 375 px: each round as a list of its rooms, with the session in each; nothing sideways.
      for (const width of [375, 320]) {
        await visitor.setViewportSize({ width, height: 800 });
        assert.ok(!(await visitor.locator('table.market-grid').isVisible()), `the table gives way at ${width} px`);
        const lists = visitor.locator('.market-grid-narrow');
        assert.ok(await lists.isVisible(), `the lists per round show at ${width} px`);
        assert.ok(await lists.getByRole('heading', { name: /^Ronde 1 / }).isVisible());
        assert.ok(await lists.getByRole('heading', { name: /^Ronde 2 / }).isVisible(), 'round 2 is on screen');
        const listed = await lists.locator('.market-round-list__room a').count();
        assert.ok(listed >= sessions, `${listed} sessions listed with their room`);
        const firstRoom = lists.locator('.market-round-list__room').first();
        assert.ok(await firstRoom.locator('.market-round-list__name').isVisible(), 'the room is shown with each entry');
        await fits(visitor, `the public grid at ${width} px`);
      }
      await accessible(visitor, 'the grid as lists at 320 px');
      await visitor.setViewportSize({ width: 1280, height: 800 });

      await submit(griffie, griffie.getByRole('button', { name: 'Publicatie intrekken' }));
      assert.match(await griffie.getByRole('status').innerText(), /De publicatie van de marktavond is ingetrokken/);
      assert.match(await griffie.locator('#publicatie').innerText(), /Niet gepubliceerd/);
      const gone = await visitor.goto(`${base}${path}`);
      assert.equal(gone.status(), 404, 'withdrawn, the evening is not found for the public');
      await visitor.goto(`${base}/markt`);
      assert.equal(await visitor.locator(`main ul a[href="${path}"]`).count(), 0);
    } finally {
      await closePage(visitor);
    }
  });

  test('the griffie-only pages fit at 320 px', async () => {
    const base = context.site.baseUrl;
    const griffie = await context.pageFor('griffie');
    await griffie.setViewportSize({ width: 320, height: 800 });
    try {
      for (const path of ['/markt/nieuw', '/markt/3/bewerken', '/markt/3']) {
        const response = await griffie.goto(`${base}${path}`);
        assert.equal(response.status(), 200, path);
        await fits(griffie, path);
      }
    } finally {
      await griffie.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
