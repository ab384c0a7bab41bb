// A civil servant imports a behandelvoorstel, reviews and submits it; the griffie puts it on a
// market evening. Every page on the way passes axe.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, checkAccessibility, useSite } from './lib/index.mjs';

const SEED = readFileSync(resolve(REPO_ROOT, 'data/seed/behandelvoorstel-wijkgericht-werken.txt'), 'utf8');

/** Runs axe and fails with the readable summary when the page has violations. */
async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe('proposals', () => {
  const context = useSite();

  test('the college imports, reviews and submits; the griffie schedules', async () => {
    const base = context.site.baseUrl;
    const college = await context.pageFor('college');
    await college.goto(`${base}/voorstellen`);
    await accessible(college, 'the list of proposals');
    await submit(college, college.getByRole('link', { name: 'Behandelvoorstel inlezen' }));
    await accessible(college, 'the import form');

    await college.getByLabel('Tekstbestand').setInputFiles({
      name: 'voorstel.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(SEED.replace('3641304', '3711111'), 'utf8'),
    });
    await submit(college, college.getByRole('button', { name: 'Inlezen' }));
    assert.match(await college.locator('h1').innerText(), /nakijken/);
    await accessible(college, 'the import check');
    await submit(college, college.getByRole('button', { name: 'Als concept opslaan' }));
    assert.match(await college.getByRole('status').innerText(), /ingelezen/);

    await submit(college, college.getByRole('link', { name: 'Bewerken' }));
    await accessible(college, 'the edit form');
    const subject = college.getByLabel('Onderwerp');
    assert.equal(await subject.inputValue(), 'Wijkgericht werken');
    await subject.fill('Wijkgericht werken (herzien)');
    await submit(college, college.getByRole('button', { name: 'Opslaan' }));
    assert.equal(await college.locator('h1').innerText(), 'Wijkgericht werken (herzien)');
    await accessible(college, 'the proposal page (college)');

    await submit(college, college.getByRole('button', { name: 'Indienen bij de griffie' }));
    assert.ok((await college.locator('main').innerText()).includes('Ingediend'));
    const address = college.url();

    const griffie = await context.pageFor('griffie');
    await griffie.goto(address);
    await accessible(griffie, 'the proposal page (griffie)');
    await griffie.getByLabel('Politieke Markt', { exact: true }).selectOption({ index: 1 });
    await submit(griffie, griffie.getByRole('button', { name: 'Agenderen op een Politieke Markt' }));
    assert.ok((await griffie.locator('main').innerText()).includes('Geagendeerd'));
  });

  test('a refused form shows its problems in a summary that leads to the fields', async () => {
    const college = await context.pageFor('college');
    await college.goto(`${context.site.baseUrl}/voorstellen/nieuw`);
    await college.getByLabel('Onderwerp').fill('Een voorstel');
    await college.getByLabel('Datum Politieke Markt').fill('morgen');
    await submit(college, college.getByRole('button', { name: 'Opslaan' }));
    const summary = college.getByRole('alert');
    await summary.getByRole('link', { name: /dag-maand-jaar/ }).click();
    assert.equal(await college.evaluate(() => document.activeElement?.id), 'market_date');
    assert.equal(await college.getByLabel('Onderwerp').inputValue(), 'Een voorstel');
    await accessible(college, 'the refused form');
  });
});
