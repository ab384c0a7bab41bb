// The neighbourhood monitor as a resident and a civil servant use it: from the city overview to a
// wijk's profile with its index, cards and charts, on to an indicator's map, bars and lines; the
// college imports a file and sees a bad one refused with its lines named. Every page passes axe.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, useSite } from './lib/index.mjs';

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

  test('the college imports a file, and a bad file is refused with its lines named', async () => {
    const base = context.site.baseUrl;
    const page = await context.pageFor('college');
    await page.goto(`${base}/monitor`);
    await follow(page, page.getByRole('link', { name: 'Meetgegevens inlezen' }));
    await accessible(page, 'the import form');

    await page.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('area_code,indicator,period,value\nWK016401,VEILIGHEIDSBELEVING,2030,120\nWK099999,MISDRIJVEN,2030,4\n'),
    });
    await follow(page, page.getByRole('button', { name: 'Inlezen' }));
    const problems = await page.locator('.monitor-problems').innerText();
    assert.match(problems, /line 2, column value/);
    assert.match(problems, /line 3, column area_code/);
    await accessible(page, 'a refused import');

    await page.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'goed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('area_code;indicator;period;value\nWK016401;VEILIGHEIDSBELEVING;2030;80,5\n'),
    });
    await follow(page, page.getByRole('button', { name: 'Inlezen' }));
    assert.match(await page.getByRole('status').innerText(), /1 meetwaarden ingelezen voor 2030/);
    await accessible(page, 'a successful import');
  });
});
