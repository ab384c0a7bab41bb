// One server, one browser and one page per viewer for the enclosing describe(): the set-up every
// test file needs, registered as its before() and after() hooks.

import { after, before } from 'node:test';

import { signedInPages } from './auth.mjs';
import { closePage, launchBrowser, newPage } from './browser.mjs';
import { startSite } from './site.mjs';

/**
 * useSite(options) starts a site (startSite(options)) and a browser before the tests of the
 * enclosing describe() and stops them after. It returns an object whose `site` and `browser` are
 * set once the hooks have run, `pageFor(who)`, which resolves to the shared page of a viewer:
 * 'public' (signed out) or a role, signed in on first use (see signedInPages), and `forget(role)`.
 */
export function useSite(options = {}) {
  const context = { site: undefined, browser: undefined };
  let pages;
  let publicPage;
  before(async () => {
    context.site = await startSite(options);
    context.browser = await launchBrowser();
    pages = signedInPages(context.browser, context.site.baseUrl);
  });
  after(async () => {
    if (publicPage) await closePage(await publicPage);
    await pages?.closeAll();
    await context.browser?.close();
    await context.site?.stop();
  });
  context.pageFor = (who) => {
    if (who !== 'public') return pages.get(who);
    publicPage ??= newPage(context.browser);
    return publicPage;
  };
  /** Closes a role's shared page (after it signed out, say); the next pageFor signs in anew. */
  context.forget = (role) => pages.forget(role);
  return context;
}
