// wijkbeeld's browser test helpers: one import for a test file.
//
//   import { startSite, launchBrowser, newPage, signIn } from './lib/index.mjs';
//
// A test file starts one server (startSite) and one browser (launchBrowser) in before() and
// stops both in after(); each test opens pages in fresh contexts (newPage) so sessions do not
// leak between tests, or shares one signed-in page per role (signedInPages).

export { ACCOUNTS, DEMO_PASSWORD, REPO_ROOT, ROLES, startSite } from './site.mjs';
export { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR, closePage, launchBrowser, newPage, noHorizontalScroll, screenshot } from './browser.mjs';
export { isSignedIn, signIn, signOut, signedInPages } from './auth.mjs';
export { WCAG_TAGS, accessibilityReport, checkAccessibility, summarise } from './axe.mjs';
export { DEFAULT_SKIP, brokenLinks, crawl } from './crawl.mjs';
export { focusIndicator, focusWalk, focused, tabTo } from './keyboard.mjs';
