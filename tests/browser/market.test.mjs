// The griffie plans a market evening in one click and accepts the planner's proposal, moves a
// session by hand (a move that breaks a rule is refused with the conflict in words), and pins
// it; the public sees the published grid. Every page on the way passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, useSite } from './lib/index.mjs';

/** Runs axe and fails with the readable summary when the page has violations. */
async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe('market evenings', () => {
  const context = useSite();

  test('the griffie plans the open evening in one click, then moves and pins a session', async () => {
    const base = context.site.baseUrl;
    const griffie = await context.pageFor('griffie');
    await griffie.goto(`${base}/markt`);
    await accessible(griffie, 'the list of evenings');
    // The demo's latest evening (first in the list) is still to be planned.
    await submit(griffie, griffie.locator('main ul a').first());
    await accessible(griffie, 'the evening to plan');
    assert.ok((await griffie.locator('main').innerText()).includes('Nog niet ingedeeld'));

    await submit(griffie, griffie.getByRole('button', { name: 'Planner uitvoeren' }));
    assert.equal(await griffie.locator('h1').innerText(), 'Voorstel van de planner');
    assert.match(await griffie.getByRole('status').innerText(), /De beste indeling die er is/);
    await accessible(griffie, "the planner's proposal");
    await submit(griffie, griffie.getByRole('button', { name: 'Deze indeling accepteren' }));
    const grid = griffie.locator('table.market-grid');
    assert.ok(!(await griffie.locator('main').innerText()).includes('Nog niet ingedeeld'));
    const sessions = await grid.locator('td.market-grid__session').count();
    assert.ok(sessions >= 4, `${sessions} sessions in the grid`);

    // Where the second session is held.
    const moveLinks = grid.getByRole('link', { name: /verplaatsen$/ });
    await submit(griffie, moveLinks.nth(1));
    const room = () => griffie.getByLabel('Zaal', { exact: true });
    const round = () => griffie.getByLabel('Eerste ronde');
    const taken = { room: await room().inputValue(), round: await round().inputValue() };

    // The first session into that same room and round: refused, with the conflict in words.
    await submit(griffie, moveLinks.first());
    const moved = await griffie.getByLabel('Sessie', { exact: true }).evaluate((select) => select.selectedOptions[0].text);
    const own = { room: await room().inputValue(), round: await round().inputValue() };
    await room().selectOption(taken.room);
    await round().selectOption(taken.round);
    await submit(griffie, griffie.getByRole('button', { name: 'Verplaatsen' }));
    assert.match(await griffie.getByRole('alert').innerText(), /al bezet door/);
    assert.equal(await room().inputValue(), taken.room, 'the form keeps the choice');
    await accessible(griffie, 'a refused move');

    // Back to its own room and round, pinned there.
    await room().selectOption(own.room);
    await round().selectOption(own.round);
    await griffie.getByLabel('Vastzetten op deze zaal en ronde').check();
    await submit(griffie, griffie.getByRole('button', { name: 'Verplaatsen' }));
    assert.equal(await griffie.getByRole('alert').count(), 0);
    const pinnedCell = griffie.locator('td.market-grid__session', { hasText: moved });
    assert.match(await pinnedCell.innerText(), /vastgezet/);
  });

  test('the public sees the published grid without the planning controls', async () => {
    const base = context.site.baseUrl;
    const visitor = await context.pageFor('public');
    await visitor.goto(`${base}/markt`);
    // The public list has the published evenings only: the planned one comes first (the demo's
    // evening still to be planned is a draft).
    await submit(visitor, visitor.locator('main ul a').first());
    await accessible(visitor, 'the public grid');
    assert.ok(await visitor.locator('table.market-grid td.market-grid__session').count() >= 1);
    assert.equal(await visitor.getByRole('button', { name: 'Planner uitvoeren' }).count(), 0);
    assert.equal(await visitor.getByRole('heading', { name: 'Sessie verplaatsen' }).count(), 0);
  });
});
