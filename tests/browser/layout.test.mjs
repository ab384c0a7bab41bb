// The main pages at a desktop and a phone width (screenshots for people to look at, in
// tests/browser/screenshots/), and no sideways scrolling at 320 CSS pixels (WCAG 1.4.10 Reflow).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { noHorizontalScroll, screenshot, useSite } from './lib/index.mjs';

/** The main pages, whose they are ('public' is signed out) and their screenshots' names. */
const PAGES = [
  { name: 'home', who: 'public', path: '/' },
  { name: 'inloggen', who: 'public', path: '/inloggen' },
  { name: 'home-beheer', who: 'admin', path: '/' },
  { name: 'account', who: 'admin', path: '/account' },
  { name: 'audit', who: 'admin', path: '/audit' },
  { name: 'gebruikers', who: 'admin', path: '/beheer/gebruikers' },
  { name: 'tokens', who: 'admin', path: '/beheer/tokens' },
  { name: 'voorstellen', who: 'college', path: '/voorstellen' },
  { name: 'voorstel', who: 'public', path: '/voorstellen/1' },
  { name: 'voorstel-bewerken', who: 'college', path: '/voorstellen/nieuw' },
  { name: 'markt', who: 'public', path: '/markt/2' },
  { name: 'markt-griffie', who: 'griffie', path: '/markt/3' },
  { name: 'markt-nieuw', who: 'griffie', path: '/markt/nieuw' },
  { name: 'markt-bewerken', who: 'griffie', path: '/markt/3/bewerken' },
  { name: 'monitor', who: 'public', path: '/monitor' },
  { name: 'monitor-wijk', who: 'public', path: '/monitor/gebied/WK016401' },
  { name: 'monitor-indicator', who: 'public', path: '/monitor/indicator/VEILIGHEIDSBELEVING?niveau=buurt' },
  { name: 'monitor-import', who: 'college', path: '/monitor/importeren' },
  { name: 'monitor-streefwaarden', who: 'college', path: '/monitor/indicatoren/VEILIGHEIDSBELEVING/streefwaarden' },
  { name: 'monitor-cbs-koppelingen', who: 'college', path: '/monitor/cbs-koppelingen' },
];

const SCREENSHOT_WIDTHS = [1280, 375];
const NARROWEST = 320;

describe('layout', () => {
  const context = useSite();
  const pageFor = context.pageFor;

  for (const { name, who, path } of PAGES) {
    test(`${path} (${who}): screenshots at ${SCREENSHOT_WIDTHS.join(' and ')} px`, async () => {
      const page = await pageFor(who);
      const response = await page.goto(`${context.site.baseUrl}${path}`);
      assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
      for (const width of SCREENSHOT_WIDTHS) {
        const file = await screenshot(page, name, width);
        assert.ok(file.endsWith(`${name}-${width}.png`));
      }
    });
  }

  for (const { who, path } of PAGES) {
    test(`${path} (${who}): no horizontal scrolling at ${NARROWEST} px`, async () => {
      const page = await pageFor(who);
      await page.setViewportSize({ width: NARROWEST, height: 800 });
      await page.goto(`${context.site.baseUrl}${path}`);
      const fit = await noHorizontalScroll(page);
      assert.ok(
        fit.ok,
        `${path} is ${fit.scrollWidth} px wide in a ${fit.viewportWidth} px window, so it scrolls sideways; sticking out: ${fit.offenders.join('; ') || '(nothing found)'}`,
      );
    });
  }
});
