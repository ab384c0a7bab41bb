// Using the site with the keyboard alone: the skip link, signing in, and seeing where focus is.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACCOUNTS, DEMO_PASSWORD, closePage, focusWalk, focused, isSignedIn, newPage, tabTo, useSite,
} from './lib/index.mjs';

/** Pages checked, and whose they are ('public' is signed out). */
const PAGES = [
  { who: 'public', path: '/' },
  { who: 'public', path: '/inloggen' },
  { who: 'admin', path: '/account' },
  { who: 'admin', path: '/audit' },
  { who: 'admin', path: '/beheer/gebruikers' },
  { who: 'admin', path: '/beheer/tokens' },
  { who: 'griffie', path: '/markt/3' },
  { who: 'public', path: '/monitor' },
  { who: 'public', path: '/monitor/gebied/WK016401' },
];

/**
 * The elements with text of their own that the first link on the page (the skip link) covers
 * while nothing has focus, as readable lines; [] when it is out of sight or covers nothing.
 */
async function coveredBySkipLink(page) {
  return page.evaluate(() => {
    const link = document.querySelector('body a[href^="#"]');
    if (!link) return [];
    const own = link.getBoundingClientRect();
    const style = getComputedStyle(link);
    const inSight = own.width > 1 && own.height > 1 && own.right > 0 && own.bottom > 0 && own.left < innerWidth && own.top < innerHeight
      && style.visibility !== 'hidden' && style.opacity !== '0' && !/inset\(50%\)|rect\(0(px)?,? 0(px)?,? 0(px)?,? 0(px)?\)/.test(style.clipPath + style.clip);
    if (!inSight) return [];
    const lines = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (element === link || link.contains(element) || element.contains(link)) continue;
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (!hasText || getComputedStyle(element).visibility === 'hidden') continue;
      for (const box of element.getClientRects()) {
        if (box.width > 0 && box.height > 0 && box.left < own.right && box.right > own.left && box.top < own.bottom && box.bottom > own.top) {
          lines.push(`"${link.textContent.trim()}" (${Math.round(own.left)},${Math.round(own.top)} ${Math.round(own.width)}×${Math.round(own.height)} px) covers ${element.localName}${element.className ? `.${[...element.classList].join('.')}` : ''} "${element.textContent.trim().slice(0, 40)}"`);
          break;
        }
      }
    }
    return lines;
  });
}

/** The most Tab presses spent walking one page. */
const MAX_TABS = 120;

describe('keyboard', () => {
  const context = useSite();
  const pageFor = context.pageFor;

  for (const { who, path } of PAGES) {
    test(`${path} (${who}): before it has focus, the skip link covers no other content`, async () => {
      const page = await pageFor(who);
      await page.goto(`${context.site.baseUrl}${path}`);
      const covered = await coveredBySkipLink(page);
      assert.ok(
        covered.length === 0,
        `before it has focus, the skip link lies over other content (it should stay out of sight until focused, or take its own place):\n  ${covered.join('\n  ')}`,
      );
    });

    test(`${path} (${who}): the first Tab focuses and shows the skip link "Naar de inhoud", and Enter moves to the main content`, async () => {
      const page = await pageFor(who);
      await page.goto(`${context.site.baseUrl}${path}`);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      assert.ok(first, 'the first Tab focuses nothing');
      assert.equal(first.text, 'Naar de inhoud', `the first Tab focuses ${first.selector} "${first.text}", not the skip link "Naar de inhoud"`);
      assert.match(first.href ?? '', /^#./, `the skip link points to ${first.href}, not to an id on the page`);

      const box = await page.evaluate(() => {
        const rect = document.activeElement.getBoundingClientRect();
        return { left: rect.left, top: rect.top, width: rect.width, height: rect.height, right: rect.right, bottom: rect.bottom, innerWidth, innerHeight };
      });
      assert.ok(
        box.width > 1 && box.height > 1 && box.left >= 0 && box.top >= 0 && box.right <= box.innerWidth && box.bottom <= box.innerHeight,
        `the focused skip link is not visible in the window: ${JSON.stringify(box)}`,
      );

      const target = first.href.slice(1);
      const where = await page.evaluate((id) => {
        const element = document.getElementById(id);
        if (!element) return null;
        const main = document.querySelector('main, [role="main"]');
        const focusable = main
          ? [...main.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])')]
              .filter((candidate) => !candidate.disabled && candidate.getClientRects().length > 0).length
          : 0;
        return { isMain: Boolean(main && (element === main || main.contains(element) || element.contains(main))), focusable };
      }, target);
      assert.ok(where, `the skip link's target #${target} does not exist`);
      assert.ok(where.isMain, `the skip link's target #${target} is not the main content`);

      await page.keyboard.press('Enter');
      await page.waitForFunction((hash) => location.hash === hash, first.href);
      const afterEnter = await focused(page);
      if (afterEnter?.inMain) return; // focus itself moved into the main content
      // Otherwise the sequential focus starting point moved: the next Tab lands in the main content.
      if (where.focusable > 0) {
        await page.keyboard.press('Tab');
        const next = await focused(page);
        assert.ok(next?.inMain, `after Enter on the skip link, Tab focuses ${next ? `${next.selector} "${next.text}"` : 'nothing'}, not the first element of the main content`);
      } else {
        await page.keyboard.press('Tab');
        const next = await focused(page);
        assert.ok(!next?.inHeader, `after Enter on the skip link, Tab goes back to the header (${next?.selector} "${next?.text}")`);
      }
    });
  }

  test('signing in with the keyboard alone', async () => {
    const page = await newPage(context.browser);
    try {
      await page.goto(`${context.site.baseUrl}/inloggen`);
      await tabTo(page, (element) => element.name === 'email');
      await page.keyboard.type(ACCOUNTS.griffie);
      await page.keyboard.press('Tab');
      const password = await focused(page);
      assert.equal(password?.name, 'password', `Tab from the e-mail field goes to ${password?.selector}, not the password field`);
      await page.keyboard.type(DEMO_PASSWORD);
      const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.ok(await isSignedIn(page), `Enter in the password field did not sign in (HTTP ${response?.status()}, at ${page.url()})`);

      // The sign-out button is reachable and works with the keyboard too.
      await tabTo(page, (element) => element.tag === 'button' && /Uitloggen/.test(element.text));
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
      assert.equal(await isSignedIn(page), false, 'Enter on "Uitloggen" did not sign out');
    } finally {
      await closePage(page);
    }
  });

  for (const { who, path } of PAGES) {
    test(`${path} (${who}): every element reached with Tab shows a visible focus indicator`, async () => {
      const page = await pageFor(who);
      await page.goto(`${context.site.baseUrl}${path}`);
      const steps = await focusWalk(page, MAX_TABS);
      const reached = steps.map((step) => step.element);
      const invisible = [...new Set(steps.filter((step) => !step.visible).map((step) => `${step.element}: outline ${step.outline}, box-shadow ${step.boxShadow}, and no other visible change`))];
      assert.ok(reached.length > 0, 'Tab reaches nothing on the page');
      assert.deepEqual(invisible, [], `${invisible.length} focusable element(s) of ${new Set(reached).size} on ${path} show no focus indicator (no outline, no box-shadow, and they look the same focused and unfocused)`);
    });
  }
});
