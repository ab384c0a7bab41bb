// The neighbourhood monitor as a resident and a civil servant use it: from the city overview to a
// wijk's profile with its index, cards and charts, on to an indicator's map, bars and lines; the
// college imports a file in two steps (a preview of what changes, then Opslaan) and sees a bad one
// refused with its lines and columns named in Dutch. Every page passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, noHorizontalScroll, useSite } from './lib/index.mjs';

async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

async function follow(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

describe('wijkmonitor', () => {
  const context = useSite();

  test('a resident goes from the overview to a wijk and to an indicator', async () => {
    const base = context.site.baseUrl;
    const page = await context.pageFor('public');
    await page.goto(`${base}/monitor`);
    await accessible(page, 'the city overview');
    assert.match(await page.locator('main').innerText(), /synthetisch/);
    const table = page.getByRole('table', { name: /Index en kernindicatoren/ });
    assert.equal(await table.locator('tbody tr').count(), 10, 'ten wijken');

    // Sorting by the index, twice: the second time best first.
    await follow(page, table.getByRole('link', { name: 'Wijkindex' }));
    await follow(page, page.getByRole('table', { name: /Index en kernindicatoren/ }).getByRole('link', { name: 'Wijkindex' }));
    const scores = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    const numbers = scores.map((text) => Number(text.replace(/[^0-9]/g, '')));
    assert.deepEqual(numbers, [...numbers].sort((a, b) => b - a), `sorted best first: ${numbers}`);

    await follow(page, page.getByRole('link', { name: 'Hengelose Es' }).first());
    assert.equal(await page.locator('h1').innerText(), 'Hengelose Es');
    await accessible(page, "a wijk's profile");
    assert.ok((await page.locator('.monitor-card').count()) >= 11, 'a card per published indicator');
    assert.ok(await page.getByRole('img', { name: /Themascores van Hengelose Es/ }).isVisible());
    assert.ok(await page.getByRole('table', { name: 'Score per thema' }).isVisible(), 'the chart has its table');

    const agenda = page.getByRole('region', { name: /^Wijkagenda/ });
    assert.ok((await agenda.locator('.monitor-agenda__action').count()) > 0, 'the wijkagenda lists actions');
    // The card's link; the agenda's links of the same name lead to the card.
    await follow(page, page.getByRole('region', { name: 'Veiligheid' }).getByRole('link', { name: 'Voelt zich veilig in de buurt' }));
    await accessible(page, 'an indicator across the wijken');
    assert.ok(await page.getByRole('img', { name: /per gebied in/ }).isVisible(), 'the sorted bars');
    assert.ok(await page.getByRole('img', { name: /Verloop van/ }).isVisible(), 'the lines over time');
    await page.getByLabel('Niveau').selectOption('buurt');
    await follow(page, page.getByRole('button', { name: 'Tonen' }));
    assert.match(page.url(), /niveau=buurt/);
    await accessible(page, 'an indicator across the buurten');

    await page.goto(`${base}/monitor/methode`);
    await accessible(page, 'the method');
  });

  test('the college imports a file in two steps, and a bad file is refused with its lines named', async () => {
    const base = context.site.baseUrl;
    const page = await context.pageFor('college');
    await page.goto(`${base}/monitor`);
    await follow(page, page.getByRole('link', { name: 'Meetgegevens inlezen' }));
    await accessible(page, 'the import form');
    // The codes to use, folded; opened, they pass axe too.
    for (const summary of await page.locator('details.monitor-codes > summary').all()) await summary.click();
    assert.match(await page.locator('#indicatorcodes').innerText(), /VEILIGHEIDSBELEVING/);
    assert.match(await page.locator('#wijkcodes').innerText(), /WK016401 Hengelose Es/);
    assert.match(await page.locator('#buurtcodes').innerText(), /BU\d{8}/);
    await accessible(page, 'the import form with its codes open');
    await page.setViewportSize({ width: 375, height: 800 });
    const narrowForm = await noHorizontalScroll(page);
    assert.ok(narrowForm.ok, `the import form at 375 px: ${JSON.stringify(narrowForm)}`);
    await page.setViewportSize({ width: 1280, height: 800 });

    // The template downloads with the importer's header and real codes.
    const template = await page.request.get(`${base}/monitor/importeren/sjabloon.csv`);
    assert.equal(template.status(), 200);
    assert.match(await template.text(), /^\uFEFF?area_code;indicator;period;value;sample_size;margin\r?\nWK\d{6};[A-Z_]+;\d{4};/);

    await page.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2030,120\nWK099999,MISDRIJVEN,2030,4\n'),
    });
    await follow(page, page.getByRole('button', { name: 'Controleren' }));
    const problems = await page.locator('.monitor-problems').innerText();
    assert.match(problems, /Regel 2, kolom value: 120 ligt buiten 0–100/);
    assert.match(problems, /Regel 3, kolom area_code: WK099999 is geen gebied van deze gemeente/);
    assert.doesNotMatch(await page.locator('main').innerText(), /in het Engels|is not/);
    await accessible(page, 'a refused import');

    await page.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'goed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('area_code;indicator;period;value\nWK016401;VEILIGHEIDSBELEVING;2030;8,5\n'),
    });
    await follow(page, page.getByRole('button', { name: 'Controleren' }));
    assert.match(page.url(), /\/monitor\/importeren\/controle\//);
    assert.match(await page.getByRole('status').innerText(), /gecontroleerd en nog niet opgeslagen/);
    assert.match(await page.locator('main').innerText(), /1 meetwaarde voor 2030: 1 nieuw, 0 gewijzigd, 0 ongewijzigd/);
    const preview = page.getByRole('table', { name: /De meetwaarden in het bestand/ });
    assert.match(await preview.innerText(), /WK016401 Hengelose Es[\s\S]*nieuw: 8,5/);
    await accessible(page, 'the preview of an import');
    await page.setViewportSize({ width: 375, height: 800 });
    const narrowPreview = await noHorizontalScroll(page);
    assert.ok(narrowPreview.ok, `the preview at 375 px: ${JSON.stringify(narrowPreview)}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    // A refresh of the preview stores nothing; the page is the same.
    await page.reload();
    assert.match(await page.locator('main').innerText(), /1 nieuw, 0 gewijzigd/);

    await follow(page, page.getByRole('button', { name: 'Opslaan', exact: true }));
    assert.match(page.url(), /\/monitor\/importeren$/);
    assert.match(await page.getByRole('status').innerText(), /1 meetwaarde is opgeslagen/);
    await accessible(page, 'a stored import');
    // A refresh after storing shows the form again and stores nothing twice.
    await page.reload();
    assert.equal(await page.getByRole('status').count(), 0, 'the notice is shown once');
  });
});
