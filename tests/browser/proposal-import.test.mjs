// The college imports a behandelvoorstel in two steps: the check page (its notes in Dutch only),
// then saving it, which lands on the proposal so a refresh imports nothing again; the same case
// number again links to that proposal and shows what the file changes, field by field; an
// attachment is removed after a confirmation page, without JavaScript. Axe on every new page,
// and the check page fits 320 px.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT, checkAccessibility, noHorizontalScroll, useSite } from './lib/index.mjs';

const SEED = readFileSync(resolve(REPO_ROOT, 'data/seed/behandelvoorstel-wijkgericht-werken.txt'), 'utf8');
const NUMBER = '3722222';

async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

/** How many proposals have the case number, as the list finds them (in another tab of the
 * same browser, so the page under test stays where it is). */
async function proposalsNumbered(page, base, number) {
  const tab = await page.context().newPage();
  try {
    await tab.goto(`${base}/voorstellen?zoek=${number}`);
    return await tab.locator('tbody tr').count();
  } finally {
    await tab.close();
  }
}

async function upload(page, text) {
  await page.getByLabel('Tekstbestand').setInputFiles({
    name: 'voorstel.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text, 'utf8'),
  });
  await submit(page, page.getByRole('button', { name: 'Inlezen' }));
}

describe('importing a proposal', () => {
  const context = useSite();

  test('checked in Dutch, saved once, updated from a file with a diff; an attachment removed after asking', async () => {
    const base = context.site.baseUrl;
    const college = await context.pageFor('college');
    await college.goto(`${base}/voorstellen/importeren`);
    await upload(college, SEED.replace('3641304', NUMBER));
    assert.equal(await college.locator('h1').innerText(), 'Behandelvoorstel nakijken');
    const main = await college.locator('main').innerText();
    assert.match(main, /“26 september” heeft geen jaartal; 2023 genomen/);
    for (const english of ['has no year', 'took 2023', 'portfolio holder', 'room Raadzaal', 'market_date']) {
      assert.ok(!main.includes(english), `English on the Dutch page: ${english}`);
    }
    await accessible(college, 'the check page');
    await college.setViewportSize({ width: 320, height: 800 });
    const fit = await noHorizontalScroll(college);
    assert.ok(fit.ok, `the check page scrolls sideways at 320 px: ${fit.offenders.join('; ')}`);
    await college.setViewportSize({ width: 1280, height: 900 });
    assert.equal(await proposalsNumbered(college, base, NUMBER), 0, 'checking stores nothing');

    await submit(college, college.getByRole('button', { name: 'Als concept opslaan' }));
    assert.equal(await college.locator('h1').innerText(), 'Wijkgericht werken');
    assert.match(await college.getByRole('status').innerText(), /Het voorstel is ingelezen\./);
    await accessible(college, 'the imported proposal');
    const address = college.url();
    await college.reload({ waitUntil: 'load' });
    assert.equal(college.url(), address, 'a refresh stays on the proposal');
    assert.equal(await proposalsNumbered(college, base, NUMBER), 1, 'a refresh imports nothing again');

    // The same case number again: a link to the proposal and what the file would change.
    await college.goto(`${base}/voorstellen/importeren`);
    await upload(college, SEED.replace('3641304', NUMBER).replace('Onderwerp Wijkgericht werken', 'Onderwerp Wijkgericht werken in de wijk'));
    assert.match(await college.locator('main').innerText(), new RegExp(`Er bestaat al een voorstel met zaaknummer ${NUMBER}`));
    assert.equal(await college.getByRole('link', { name: 'Wijkgericht werken', exact: true }).getAttribute('href'), new URL(address).pathname);
    const changes = college.getByRole('table', { name: 'Wat het bestand aan het voorstel verandert' });
    assert.equal(await changes.locator('tbody tr').count(), 1, 'only the subject changes');
    assert.match(await changes.innerText(), /Onderwerp\s+Wijkgericht werken\s+Wijkgericht werken in de wijk/);
    await accessible(college, 'the check page of a case number that exists');
    await submit(college, college.getByRole('button', { name: 'Voorstel bijwerken' }));
    assert.equal(college.url(), address);
    assert.equal(await college.locator('h1').innerText(), 'Wijkgericht werken in de wijk');
    assert.match(await college.getByRole('status').innerText(), /bijgewerkt met de gegevens uit het bestand/);
    assert.equal(await proposalsNumbered(college, base, NUMBER), 1);

    // An attachment, removed after a confirmation page.
    await college.goto(address);
    await college.getByLabel('Bestand', { exact: true }).setInputFiles({
      name: 'presentatie.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n% presentatie\n'),
    });
    await submit(college, college.getByRole('button', { name: 'Bijlage toevoegen' }));
    await submit(college, college.getByRole('link', { name: 'presentatie.pdf verwijderen' }));
    assert.equal(await college.locator('h1').innerText(), 'Bijlage verwijderen');
    assert.match(await college.locator('main').innerText(), /Wilt u de bijlage presentatie\.pdf verwijderen\?/);
    assert.ok(await college.getByRole('link', { name: 'Annuleren' }).isVisible());
    await accessible(college, 'the confirmation to remove an attachment');
    await submit(college, college.getByRole('button', { name: 'Verwijderen' }));
    assert.match(await college.getByRole('status').innerText(), /De bijlage is verwijderd\./);
    assert.match(await college.locator('main').innerText(), /Er zijn geen bijlagen\./);
  });
});
