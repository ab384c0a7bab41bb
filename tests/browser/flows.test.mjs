// The main flows through the real site: every role's menu, signing in and out, the admin's
// account form with its error summary, the audit log filter, and the password change.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACCOUNTS, ROLES, closePage, focused, isSignedIn, newPage, signIn, signOut, useSite,
} from './lib/index.mjs';

// Sign-ins in this file (the limit is 10 per address per 15 minutes): one per role, one wrong
// password, one with the generated password.

/** Which menu links each role must see (true) and must not see (false). */
const MENU = {
  public: { '/inloggen': true, '/account': false, '/audit': false, '/beheer/gebruikers': false, '/beheer/tokens': false },
  griffie: { '/account': true, '/audit': true, '/beheer/gebruikers': false, '/beheer/tokens': false },
  college: { '/account': true, '/audit': false, '/beheer/gebruikers': false, '/beheer/tokens': false },
  raadslid: { '/account': true, '/audit': false, '/beheer/gebruikers': false, '/beheer/tokens': false },
  partner: { '/account': true, '/audit': false, '/beheer/gebruikers': false, '/beheer/tokens': false },
  admin: { '/account': true, '/audit': true, '/beheer/gebruikers': true, '/beheer/tokens': true },
};

/** Submits by clicking `button` and resolves to the response of the page that then loads. */
async function submit(page, button) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), button.click()]);
  return response;
}

/** The hrefs of the links in the page's header and navigation landmarks. */
async function menuLinks(page) {
  return page.$$eval('header a[href], nav a[href], [role="navigation"] a[href]', (anchors) =>
    [...new Set(anchors.map((anchor) => new URL(anchor.href).pathname))],
  );
}

/** Compares a page's menu with what the role must and must not see; resolves to the problems. */
async function menuProblems(page, who) {
  const links = await menuLinks(page);
  return Object.entries(MENU[who])
    .filter(([href, shown]) => links.includes(href) !== shown)
    .map(([href, shown]) => `${who} ${shown ? 'does not see' : 'sees'} a menu link to ${href} (links: ${links.join(', ')})`);
}

/** Whether `first` comes before `second` in the document. */
async function precedes(first, second) {
  const handle = await second.elementHandle();
  return first.evaluate((a, b) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING), handle);
}

describe('flows', () => {
  const context = useSite();

  test('the public sees the sign-in link and no signed-in menu', async () => {
    const page = await newPage(context.browser);
    try {
      await page.goto(`${context.site.baseUrl}/`);
      assert.deepEqual(await menuProblems(page, 'public'), []);
      assert.equal(await isSignedIn(page), false, 'the home page shows a sign-out button to the public');
    } finally {
      await closePage(page);
    }
  });

  for (const role of ROLES) {
    test(`${role} signs in and sees its own menu`, async () => {
      const page = await context.pageFor(role);
      await page.goto(`${context.site.baseUrl}/`);
      assert.equal(await isSignedIn(page), true, `${role} is not signed in on the home page`);
      assert.match(await page.locator('header').innerText(), /\S/, 'the header is empty');
      assert.deepEqual(await menuProblems(page, role), []);
    });
  }

  test('a wrong password shows an error and keeps the e-mail address', async () => {
    const page = await newPage(context.browser);
    try {
      await page.goto(`${context.site.baseUrl}/inloggen`);
      await page.getByLabel('E-mailadres', { exact: true }).fill(ACCOUNTS.griffie);
      await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-is-het-niet-123');
      const response = await submit(page, page.getByRole('button', { name: 'Inloggen', exact: true }));
      assert.equal(response.status(), 422, 'a refused sign-in answers 422');
      const alert = page.getByRole('alert');
      assert.equal(await alert.count(), 1, 'no error summary (role=alert) after a wrong password');
      assert.match(await alert.innerText(), /onjuist/i, 'the error does not say the address or password is wrong');
      assert.equal(await page.getByLabel('E-mailadres', { exact: true }).inputValue(), ACCOUNTS.griffie, 'the e-mail address typed is not kept');
      assert.equal(await page.getByLabel('Wachtwoord', { exact: true }).inputValue(), '', 'the password is sent back into the form');
      assert.equal(await isSignedIn(page), false, 'signed in with a wrong password');
      const link = alert.getByRole('link');
      if ((await link.count()) > 0) {
        await link.first().click();
        const now = await focused(page);
        assert.equal(now?.name, 'email', `the error summary's link moved focus to ${now?.selector ?? 'nothing'} instead of the e-mail field`);
      }
    } finally {
      await closePage(page);
    }
  });

  test('the admin adds an account: an invalid address is refused with an error summary, a valid one gets a generated password', async () => {
    const page = await context.pageFor('admin');
    await page.goto(`${context.site.baseUrl}/beheer/gebruikers`);
    const form = () => page.locator('form[action="/beheer/gebruikers"]');
    // The browser accepts this address; the server does not (its domain has no dot).
    const invalid = 'nieuw.raadslid@localhost';
    await form().getByLabel('E-mailadres', { exact: true }).fill(invalid);
    await form().getByLabel('Naam', { exact: true }).fill('Nieuw Raadslid');
    await form().getByLabel('Rol', { exact: true }).selectOption('raadslid');
    let response = await submit(page, form().getByRole('button', { name: 'Account toevoegen' }));
    assert.equal(response.status(), 422, 'an invalid address answers 422');

    const alert = page.getByRole('alert');
    assert.equal(await alert.count(), 1, 'no error summary (role=alert) after an invalid e-mail address');
    assert.ok(await precedes(alert, form()), 'the error summary is not above the form');
    const table = page.locator('main table');
    if ((await table.count()) > 0) assert.ok(await precedes(alert, table.first()), 'the error summary is below the table of accounts, not at the top');
    assert.equal(await form().getByLabel('E-mailadres', { exact: true }).inputValue(), invalid, 'the e-mail address typed is not kept');
    assert.equal(await form().getByLabel('Naam', { exact: true }).inputValue(), 'Nieuw Raadslid', 'the name typed is not kept');
    const link = alert.getByRole('link');
    assert.ok((await link.count()) > 0, 'the error summary has no link to the field');
    await link.first().click();
    const now = await focused(page);
    assert.equal(now?.name, 'email', `the error summary's link moved focus to ${now?.selector ?? 'nothing'} instead of the e-mail field`);

    const valid = 'nieuw.raadslid@hengelo.example';
    await form().getByLabel('E-mailadres', { exact: true }).fill(valid);
    await form().getByLabel('Rol', { exact: true }).selectOption('raadslid');
    response = await submit(page, form().getByRole('button', { name: 'Account toevoegen' }));
    assert.equal(response.status(), 200, `adding ${valid} answered ${response.status()}`);
    assert.equal(await page.getByRole('heading', { level: 1, name: 'Account toegevoegd' }).count(), 1, 'no heading "Account toegevoegd"');
    assert.match(await page.locator('main').innerText(), new RegExp(valid.replace(/\./g, '\\.')), 'the new address is not shown');
    const secrets = (await page.locator('main code').allInnerTexts()).map((text) => text.trim()).filter((text) => text.length >= 12 && !/\s/.test(text));
    assert.equal(secrets.length, 1, 'no generated password (12 characters or more) is shown');

    // The generated password works.
    const newcomer = await newPage(context.browser);
    try {
      await signIn(newcomer, context.site.baseUrl, null, { email: valid, password: secrets[0] });
      assert.ok(await isSignedIn(newcomer));
    } finally {
      await closePage(newcomer);
    }
  });

  test('the griffie filters the audit log', async () => {
    const page = await context.pageFor('griffie');
    await page.goto(`${context.site.baseUrl}/audit`);
    const rows = page.locator('main table tbody tr');
    assert.ok((await rows.count()) > 0, 'the audit log is empty, though loading the demo writes an entry');

    // Loading the demo is an audited change by "demo" of the kind "demo".
    await page.getByLabel('Soort gegeven').selectOption('demo');
    await page.getByLabel(/^Door/).fill('demo');
    let response = await submit(page, page.getByRole('button', { name: 'Filteren' }));
    assert.equal(response.status(), 200);
    const url = new URL(page.url());
    assert.equal(url.pathname, '/audit');
    assert.equal(url.searchParams.get('entiteit'), 'demo', `the filter is not in the address: ${page.url()}`);
    assert.equal(url.searchParams.get('actor'), 'demo', `the filter is not in the address: ${page.url()}`);
    assert.equal(await page.getByLabel('Soort gegeven').inputValue(), 'demo', 'the chosen kind is not kept');
    assert.equal(await page.getByLabel(/^Door/).inputValue(), 'demo', 'the name typed is not kept');
    const headers = (await page.locator('main table thead th').allInnerTexts()).map((text) => text.trim());
    const doorColumn = headers.findIndex((text) => /^Door/.test(text));
    assert.ok(doorColumn >= 0, `no column "Door" in ${headers.join(', ')}`);
    const actors = await rows.evaluateAll((trs, column) => trs.map((tr) => tr.children[column]?.innerText.trim()), doorColumn);
    assert.ok(actors.length > 0, 'filtering on the demo load finds nothing');
    assert.deepEqual(actors.filter((actor) => !/demo/i.test(actor)), [], 'rows by someone else pass the filter');
    const csv = await page.getByRole('link', { name: /CSV/ }).getAttribute('href');
    assert.match(csv, /actor=demo/, `the CSV link does not carry the filter: ${csv}`);

    await page.getByLabel(/^Door/).fill('niemand-die-bestaat');
    response = await submit(page, page.getByRole('button', { name: 'Filteren' }));
    assert.equal(response.status(), 200);
    assert.equal(await rows.count(), 0, 'a filter that matches nobody still shows rows');
    assert.match(await page.locator('main').innerText(), /Geen wijzigingen gevonden/, 'no "Geen wijzigingen gevonden" when nothing matches');
  });

  test('a wrong current password does not change the password', async () => {
    const page = await context.pageFor('raadslid');
    await page.goto(`${context.site.baseUrl}/account`);
    await page.getByLabel('Huidig wachtwoord', { exact: true }).fill('niet-het-huidige-wachtwoord');
    await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('een geheel nieuw wachtwoord');
    await page.getByLabel('Nieuw wachtwoord nogmaals', { exact: true }).fill('een geheel nieuw wachtwoord');
    const response = await submit(page, page.getByRole('button', { name: 'Wachtwoord wijzigen' }));
    assert.equal(response.status(), 422, `a wrong current password answered ${response.status()}`);
    const alert = page.getByRole('alert');
    assert.equal(await alert.count(), 1, 'no error summary (role=alert) after a wrong current password');
    assert.match(await alert.innerText(), /\S/, 'the error summary is empty');
    assert.equal(await page.getByRole('status').count(), 0, 'the page says the password was changed');
    assert.ok(await isSignedIn(page), 'the raadslid was signed out by a failed password change');
    for (const label of ['Huidig wachtwoord', 'Nieuw wachtwoord', 'Nieuw wachtwoord nogmaals']) {
      assert.equal(await page.getByLabel(label, { exact: true }).inputValue(), '', `the field "${label}" is sent back filled in`);
    }
    const link = alert.getByRole('link');
    assert.ok((await link.count()) > 0, 'the error summary has no link to the field');
    await link.first().click();
    const now = await focused(page);
    assert.equal(now?.name, 'current', `the error summary's link moved focus to ${now?.selector ?? 'nothing'} instead of the current password`);
  });

  test('signing out ends the session', async () => {
    const page = await context.pageFor('college');
    await page.goto(`${context.site.baseUrl}/account`);
    const cookies = await page.context().cookies();
    await signOut(page);
    assert.equal(new URL(page.url()).pathname, '/', `signing out leads to ${page.url()}, not the home page`);
    assert.deepEqual(await menuProblems(page, 'public'), []);

    let response = await page.goto(`${context.site.baseUrl}/account`);
    assert.equal(await isSignedIn(page), false, '/account still shows a signed-in viewer after signing out');
    assert.equal(new URL(page.url()).pathname, '/inloggen', `/account after signing out leads to ${page.url()} (${response.status()})`);

    // The old session cookie no longer works: the server ended the session, too.
    await page.context().addCookies(cookies);
    response = await page.goto(`${context.site.baseUrl}/account`);
    assert.equal(await isSignedIn(page), false, 'the session cookie from before signing out still signs in');
    assert.equal(new URL(page.url()).pathname, '/inloggen', `/account with the old cookie leads to ${page.url()} (${response.status()})`);
    await context.forget('college');
  });
});

