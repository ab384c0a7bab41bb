// Every page each viewer can reach, checked with axe-core against WCAG 2.1 A and AA: the public,
// each of the five roles, and once in English if the interface offers a language switch.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ROLES, accessibilityReport, brokenLinks, checkAccessibility, closePage, crawl, launchBrowser, newPage, signIn,
  startSite,
} from './lib/index.mjs';

/**
 * Crawls from the current session and runs axe on every page; resolves to { visits, results },
 * each visit with the page's <html lang>.
 */
async function crawlAndCheck(page, baseUrl, who) {
  const results = [];
  const visits = await crawl(page, baseUrl, {
    // The monitor links every buurt and every sort order; their pages share the templates of the
    // wijk pages and the unsorted overview checked here, and would crowd out the rest of the site.
    // The same holds for the edit form of every target.
    skip: [/^\/monitor\/gebied\/BU/, /[?&]sorteer=/, /\/streefwaarden\/\d+\//],
    onPage: async (current, visit) => {
      visit.lang = await current.evaluate(() => document.documentElement.lang);
      results.push(await checkAccessibility(current, `${who}: ${visit.path}`));
    },
  });
  return { visits, results };
}

/** Fails with every violation, grouped by page, and every link that did not answer 2xx. */
function assertClean(who, { visits, results }) {
  assert.ok(visits.length > 0, `${who}: no page was visited`);
  const broken = brokenLinks(visits);
  const report = accessibilityReport(results);
  const problems = [
    report,
    broken.length ? `${broken.length} link(s) that did not answer 2xx:\n${broken.map((line) => `  ${line}`).join('\n')}` : '',
  ].filter(Boolean);
  const visited = `pages visited as ${who}: ${visits.map((visit) => visit.path).join(', ')}`;
  if (problems.length) assert.fail(`${who}:\n${problems.join('\n\n')}\n\n${visited}`);
}

/** Finds the header's link to the English interface (a link to /taal?…), or null. */
async function englishSwitch(page) {
  const links = page.locator('a[href^="/taal"]');
  const count = await links.count();
  for (let index = 0; index < count; index += 1) {
    const link = links.nth(index);
    const href = (await link.getAttribute('href')) ?? '';
    const lang = (await link.getAttribute('hreflang')) ?? (await link.getAttribute('lang')) ?? '';
    const text = (await link.innerText()).trim();
    const query = new URL(href, 'http://x').searchParams;
    if (/^en/i.test(lang) || /english/i.test(text) || [...query.values()].some((value) => /^en$/i.test(value))) return link;
  }
  return null;
}

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  let site;
  let browser;

  before(async () => {
    site = await startSite();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.stop();
  });

  test('every page the public can reach', async () => {
    const page = await newPage(browser);
    try {
      const checked = await crawlAndCheck(page, site.baseUrl, 'public');
      assert.ok(checked.visits.some((visit) => visit.path === '/inloggen'), 'the public cannot reach the sign-in page by a link');
      assertClean('public', checked);
    } finally {
      await closePage(page);
    }
  });

  for (const role of ROLES) {
    test(`every page ${role} can reach`, async () => {
      const page = await newPage(browser);
      try {
        await signIn(page, site.baseUrl, role);
        const checked = await crawlAndCheck(page, site.baseUrl, role);
        assert.ok(checked.visits.some((visit) => visit.path === '/account'), `${role} cannot reach /account by a link`);
        assertClean(role, checked);
      } finally {
        await closePage(page);
      }
    });
  }

  test('every page in the English interface, signed out and as admin', async (t) => {
    const page = await newPage(browser);
    try {
      await page.goto(`${site.baseUrl}/`);
      const link = await englishSwitch(page);
      if (!link) {
        t.skip('no language switch (a link to /taal?… for English) on the home page yet');
        return;
      }
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      const lang = await page.evaluate(() => document.documentElement.lang);
      assert.match(lang, /^en/i, `after choosing English the page says lang="${lang}"`);

      const results = [];
      const visits = [];
      const signedOut = await crawlAndCheck(page, site.baseUrl, 'public, English');
      await signIn(page, site.baseUrl, 'admin');
      const admin = await crawlAndCheck(page, site.baseUrl, 'admin, English');
      for (const part of [signedOut, admin]) {
        results.push(...part.results);
        visits.push(...part.visits);
      }
      assertClean('English interface', { visits, results });
      const notEnglish = visits.filter((visit) => visit.lang !== undefined && !/^en/i.test(visit.lang));
      assert.deepEqual(
        notEnglish.map((visit) => `${visit.path} (lang="${visit.lang}")`),
        [],
        'pages that are not in English after choosing English',
      );
    } finally {
      await closePage(page);
    }
  });
});
