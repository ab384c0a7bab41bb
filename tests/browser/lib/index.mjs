// wijkbeeld's browser test helpers: one import for a test file.
//
//   import { startSite, launchBrowser, newPage, signIn } from './lib/index.mjs';
//
// A test file calls useSite() in its describe(), which starts one server and one browser and
// hands out one shared page per viewer (pageFor); tests that need a clean session open their own
// page (newPage) in a fresh context.

export { ACCOUNTS, DEMO_PASSWORD, REPO_ROOT, ROLES, startSite } from './site.mjs';
export { CHROMIUM_ARGS, CHROMIUM_PATH, SCREENSHOT_DIR, closePage, launchBrowser, newPage, noHorizontalScroll, screenshot } from './browser.mjs';
export { isSignedIn, signIn, signOut, signedInPages } from './auth.mjs';
export { WCAG_TAGS, accessibilityReport, checkAccessibility, summarise } from './axe.mjs';
export { DEFAULT_SKIP, brokenLinks, crawl } from './crawl.mjs';
export { focusIndicator, focusWalk, focused, tabTo } from './keyboard.mjs';
export { useSite } from './fixture.mjs';
export { parseMessage, startSmtpSink } from './mail.mjs';
