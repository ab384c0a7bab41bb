// Reading the monitor at every width: the tiles of the wijken and buurten show each name on
// whole-word lines ("Binnenstad", never "Binnensta / d") and their value in full ("geen
// gegevens", never "geen geg…"), at 1280, 768, 375 and 320 px; the scores say beter, gelijk or
// slechter in words beside a shape that is no arrow, and what they compare with. Every page
// passes axe and does not scroll sideways.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, noHorizontalScroll, useSite } from './lib/index.mjs';

const WIDTHS = [1280, 768, 375, 320];

/** The pages with a tile map: the wijken's index, and an indicator over the buurten. */
const TILE_PAGES = [
  { path: '/monitor', tiles: 10 },
  { path: '/monitor?niveau=buurt', tiles: 60 },
  { path: '/monitor/indicator/VEILIGHEIDSBELEVING?niveau=buurt', tiles: 60 },
];

/**
 * For every tile on the page: its name and value as shown, the words that do not sit on one line
 * (a word broken across lines has more than one line box), whether the tile or its text overflows
 * its box, and whether any text is cut with an ellipsis.
 */
async function readTiles(page) {
  return page.locator('.tiles__tile').evaluateAll((tiles) =>
    tiles.map((tile) => {
      const brokenWords = [];
      for (const part of tile.querySelectorAll('.tiles__name, .tiles__value')) {
        const text = part.firstChild;
        if (!text || text.nodeType !== Node.TEXT_NODE) continue;
        const content = text.textContent;
        // A word ends at a space or after a hyphen ("Binnenstad-" "Centrum"): both are places to wrap.
        const words = [...content.matchAll(/[^\s-]+-?|-/g)];
        for (const word of words) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size !== 1) brokenWords.push(`${word[0]} (${lines.size} lines)`);
        }
      }
      const overflowing = [tile, ...tile.querySelectorAll('*')].filter(
        (element) => element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== 'inline',
      );
      const ellipsis = [tile, ...tile.querySelectorAll('*')].some(
        (element) => getComputedStyle(element).textOverflow === 'ellipsis' || element.textContent.includes('…'),
      );
      const box = tile.getBoundingClientRect();
      return {
        name: tile.querySelector('.tiles__name')?.textContent ?? '',
        value: tile.querySelector('.tiles__value')?.textContent ?? '',
        brokenWords,
        overflowing: overflowing.map((element) => element.className || element.tagName),
        ellipsis,
        right: box.right,
      };
    }),
  );
}

describe('reading the monitor', () => {
  const context = useSite();

  for (const width of WIDTHS) {
    test(`at ${width} px every tile shows its whole name on whole-word lines, and its value in full`, async () => {
      const page = await context.pageFor('public');
      await page.setViewportSize({ width, height: 900 });
      for (const { path, tiles: expected } of TILE_PAGES) {
        const response = await page.goto(`${context.site.baseUrl}${path}`);
        assert.equal(response.status(), 200, path);
        const tiles = await readTiles(page);
        assert.ok(tiles.length >= expected, `${path}: ${tiles.length} tiles`);
        for (const tile of tiles) {
          assert.ok(tile.name.trim().length > 0 && tile.value.trim().length > 0, `${path}: a tile without name or value`);
          assert.deepEqual(tile.brokenWords, [], `${path} at ${width} px: "${tile.name}" — "${tile.value}" breaks inside a word`);
          assert.deepEqual(tile.overflowing, [], `${path} at ${width} px: "${tile.name}" overflows its tile`);
          assert.equal(tile.ellipsis, false, `${path} at ${width} px: "${tile.name}" — "${tile.value}" is cut short`);
          assert.ok(tile.right <= width + 1, `${path} at ${width} px: "${tile.name}" lies beyond the window`);
        }
        const names = tiles.map((tile) => tile.name);
        for (const whole of ['Binnenstad', 'Wilderinkshoek']) {
          if (path === '/monitor') assert.ok(names.some((name) => name.includes(whole)), `${whole} among ${names}`);
        }
        const fit = await noHorizontalScroll(page);
        assert.ok(fit.ok, `${path} at ${width} px scrolls sideways: ${fit.offenders.join('; ')}`);
      }
    });
  }

  test('the index and every score say beter, gelijk or slechter, and what they compare with', async () => {
    const page = await context.pageFor('public');
    await page.setViewportSize({ width: 375, height: 900 });
    await page.goto(`${context.site.baseUrl}/monitor`);
    const main = await page.locator('main').innerText();
    assert.doesNotMatch(main, /[▲▼●]/, 'no arrows');
    assert.match(main, /niet met het cijfer van de stad/);
    const table = page.getByRole('table', { name: /Index en kernindicatoren/ });
    const indexes = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
    for (const index of indexes) assert.match(index, /^✓ \d+ beter|^≈ \d+ gelijk|^✕ \d+ slechter|^✕✕ \d+ veel slechter/, index);
    const tileValues = await page.locator('.tiles__value').allInnerTexts();
    assert.ok(tileValues.every((value) => /\b(beter|gelijk|slechter)\b/.test(value)), `${tileValues}`);
    const accessibility = await checkAccessibility(page, 'the overview at 375 px');
    assert.equal(accessibility.violations.length, 0, accessibility.summary);

    await page.goto(`${context.site.baseUrl}/monitor/gebied/WK016401`);
    const profile = await page.locator('main').innerText();
    assert.doesNotMatch(profile, /[▲▼●]/, 'no arrows');
    assert.match(profile, /(beter dan|gelijk aan|slechter dan) het gemiddelde van de wijken in basisjaar \d{4} \(= 100\)/);
    const card = page.locator('.monitor-card__score').first();
    assert.match(await card.innerText(), /^[✓≈✕]/);
    assert.equal(await card.locator('[aria-hidden="true"]').count(), 1, 'the shape is hidden from screen readers, the words are read');
    const profileAccessibility = await checkAccessibility(page, "a wijk's profile at 375 px");
    assert.equal(profileAccessibility.violations.length, 0, profileAccessibility.summary);
  });
});
