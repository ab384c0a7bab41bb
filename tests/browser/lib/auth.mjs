// Signing in and out through the real forms, as a person would.

import { ACCOUNTS, DEMO_PASSWORD } from './site.mjs';
import { closePage, newPage } from './browser.mjs';

/**
 * signIn(page, baseUrl, role, options) signs in as the demo account of `role` ('griffie',
 * 'college', 'raadslid', 'partner' or 'admin') through the form on /inloggen, and resolves once
 * the page the server sent the browser to has loaded. options.email and options.password sign
 * in as another account (the password defaults to DEMO_PASSWORD, which startSite() sets).
 * Fields are found by name, so this works in every interface language. Throws with the page's
 * error message when the sign-in is refused, and says so when the rate limit of 10 attempts per
 * client address per 15 minutes is reached (use fewer sign-ins per file, or startSite({trustProxy})
 * with newPage(browser, {clientAddress})).
 */
export async function signIn(page, baseUrl, role, options = {}) {
  const email = options.email ?? ACCOUNTS[role];
  if (!email) throw new Error(`unknown role ${JSON.stringify(role)}: use one of ${Object.keys(ACCOUNTS).join(', ')}`);
  const password = options.password ?? DEMO_PASSWORD;
  await page.goto(`${baseUrl}/inloggen`);
  const form = page.locator('form[action="/inloggen"]');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    form.locator('button[type="submit"], input[type="submit"]').first().click(),
  ]);
  const status = response?.status();
  if (status === 429) {
    throw new Error(`signing in as ${email} was refused by the rate limit (429): too many sign-ins from one address in this test file`);
  }
  if (!(await isSignedIn(page))) {
    const message = (await page.locator('[role="alert"]').allInnerTexts()).join(' ').replace(/\s+/g, ' ').trim();
    throw new Error(`signing in as ${email} failed (HTTP ${status}, at ${page.url()}): ${message || 'no error message shown'}`);
  }
  return response;
}

/**
 * isSignedIn(page) tells whether the current page's header has the sign-out form, i.e. whether
 * the page was served to a signed-in viewer.
 */
export async function isSignedIn(page) {
  return (await page.locator('form[action="/uitloggen"]').count()) > 0;
}

/**
 * signOut(page) submits the sign-out form ("Uitloggen") in the header of the current page and
 * resolves once the page the server sent the browser to has loaded. Throws if the current page
 * has no sign-out form, or if the next page still shows a signed-in viewer.
 */
export async function signOut(page) {
  const button = page.locator('form[action="/uitloggen"] button[type="submit"], form[action="/uitloggen"] input[type="submit"]').first();
  if ((await button.count()) === 0) {
    throw new Error(`no sign-out form on ${page.url()}: is this page signed in?`);
  }
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  if (await isSignedIn(page)) throw new Error(`still signed in after signing out (at ${page.url()})`);
}

/**
 * signedInPages(browser, baseUrl, options) keeps one signed-in page per role for a test file, so
 * that its tests share sessions and stay below the sign-in rate limit. `await pages.get(role)`
 * signs in on first use; `await pages.forget(role)` closes that role's page (after signing out,
 * say); `await pages.closeAll()` belongs in after(). options are passed to newPage().
 */
export function signedInPages(browser, baseUrl, options = {}) {
  const pages = new Map();
  return {
    async get(role) {
      if (!pages.has(role)) {
        const opening = (async () => {
          const page = await newPage(browser, options);
          try {
            await signIn(page, baseUrl, role);
          } catch (error) {
            await closePage(page);
            throw error;
          }
          return page;
        })();
        pages.set(role, opening);
        opening.catch(() => pages.delete(role));
      }
      return pages.get(role);
    },
    async forget(role) {
      const opening = pages.get(role);
      pages.delete(role);
      if (opening) await closePage(await opening).catch(() => {});
    },
    async closeAll() {
      for (const role of [...pages.keys()]) await this.forget(role);
    },
  };
}
