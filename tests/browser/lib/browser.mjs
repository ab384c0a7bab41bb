// Headless Chromium (Debian's package, driven by playwright-core), pages, screenshots and
// layout checks.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** Where screenshot() writes its PNGs: tests/browser/screenshots/ (ignored by git). */
export const SCREENSHOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** The Chromium binary: $CHROMIUM_PATH, or Debian's package. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags Chromium runs with. Without the networking flags it keeps trying to reach Google's
 * services, which this closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The default window height; only the width matters to the layout checks. */
const DEFAULT_HEIGHT = 900;

/**
 * launchBrowser() starts headless Chromium from CHROMIUM_PATH with CHROMIUM_ARGS. Playwright
 * gives it a fresh temporary user-data folder of its own and removes it on close. Never
 * downloads a browser. Start one per test file in before(), and `await browser.close()` in
 * after().
 */
export async function launchBrowser() {
  try {
    return await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`could not start Chromium at ${CHROMIUM_PATH} (install Debian's package: apt-get install -y chromium): ${error.message}`);
  }
}

/**
 * newPage(browser, options) opens a page in a new, empty browser context (its own cookies, so
 * its own session) with a window of options.width × options.height pixels (default 1280 × 900).
 * The browser asks for Dutch (Accept-Language nl-NL) unless options.locale says otherwise.
 * options.clientAddress sends that address as X-Forwarded-For, which only a site started with
 * startSite({trustProxy: true}) believes (see there). Close it with `await closePage(page)`.
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? DEFAULT_HEIGHT },
    locale: options.locale ?? 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    extraHTTPHeaders: options.clientAddress ? { 'X-Forwarded-For': options.clientAddress } : undefined,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context.newPage();
}

/** closePage(page) closes the page and its browser context (and so forgets its session). */
export async function closePage(page) {
  await page.context().close();
}

/**
 * screenshot(page, name, width) resizes the window to `width` pixels (keeping its height) and
 * writes a full-page PNG of the current page to tests/browser/screenshots/NAME-WIDTH.png.
 * Resolves to the file's path.
 */
export async function screenshot(page, name, width) {
  const size = page.viewportSize() ?? { height: DEFAULT_HEIGHT };
  await page.setViewportSize({ width, height: size.height });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-zA-Z0-9_-]+/g, '-')}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/**
 * noHorizontalScroll(page) tells whether the current page fits its window's width, i.e. cannot
 * be scrolled sideways (WCAG 1.4.10 Reflow: at 320 CSS pixels nothing but data tables and the
 * like may need it; a table inside its own scrolling box is fine, because the page then does not
 * scroll). Resolves to { ok, viewportWidth, scrollWidth, offenders }, where offenders names up
 * to ten of the outermost elements that stick out to the right and are not inside a box that
 * scrolls or clips them, as `selector (left–right px)`, with ×N for N alike.
 */
export async function noHorizontalScroll(page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    const viewportWidth = root.clientWidth;
    const scrollWidth = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
    const describe = (element) => {
      const parts = [];
      for (let node = element; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
        let part = node.localName;
        if (node.id) {
          parts.unshift(`${part}#${node.id}`);
          break;
        }
        const classes = [...node.classList].slice(0, 2);
        if (classes.length) part += `.${classes.join('.')}`;
        parts.unshift(part);
      }
      return parts.join(' > ');
    };
    // Inside a box that scrolls or clips sideways, overflow does not reach the page; but an
    // absolutely positioned element escapes every such box up to its containing block (a
    // visually hidden label inside a scrolling table still widens the page).
    const clipped = (element) => {
      const position = getComputedStyle(element).position;
      if (position === 'fixed') return true;
      let escaping = position === 'absolute';
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (escaping) {
          if (style.position === 'static' && style.transform === 'none') continue;
          escaping = false;
        }
        if (style.overflowX !== 'visible') return true;
        if (style.position === 'absolute') escaping = true;
        if (style.position === 'fixed') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.right > viewportWidth + 1 && !clipped(element);
    });
    const outermost = sticking.filter((element) => !sticking.includes(element.parentElement));
    const counts = new Map();
    for (const element of outermost) {
      const box = element.getBoundingClientRect();
      const text = `${describe(element)} (${Math.round(box.left)}–${Math.round(box.right)} px)`;
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
    const offenders = [...counts].slice(0, 10).map(([text, count]) => (count > 1 ? `${text} ×${count}` : text));
    return { ok: scrollWidth <= viewportWidth, viewportWidth, scrollWidth, offenders };
  });
}
