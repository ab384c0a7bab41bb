// Spreekrecht: a resident opens a session of the published evening from its grid, registers to
// speak without an account (a refused form keeps what was typed), sees the confirmation on the
// private page, changes the topic and cancels through the private link, which then says it was
// used. The session page, the private page and the used link pass axe, and fit at 320 px.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkAccessibility, closePage, newPage, noHorizontalScroll, useSite } from './lib/index.mjs';

/** Runs axe and fails with the readable summary when the page has violations. */
async function accessible(page, label) {
  const result = await checkAccessibility(page, label);
  assert.equal(result.violations.length, 0, `${label}:\n${result.summary}`);
}

/** Clicks and waits for the page that loads. */
async function submit(page, locator) {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
}

/** Fails unless the page fits its window's width. */
async function fits(page, label) {
  const fit = await noHorizontalScroll(page);
  assert.ok(fit.ok, `${label} is ${fit.scrollWidth} px wide in a ${fit.viewportWidth} px window: ${fit.offenders.join('; ')}`);
}

describe('spreekrecht', () => {
  const context = useSite();

  test('a resident registers on the session page, sees the confirmation and cancels by the private link', async () => {
    const base = context.site.baseUrl;
    const visitor = await newPage(context.browser);
    try {
      await visitor.goto(`${base}/markt`);
      const evenings = await visitor.locator('main ul a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
      // The first published evening whose grid has a session open for registration.
      let found = null;
      for (const evening of evenings) {
        await visitor.goto(`${base}${evening}`);
        const sessions = await visitor
          .locator('table.market-grid a[href^="/sessies/"]')
          .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
        for (const session of sessions) {
          await visitor.goto(`${base}${session}`);
          if ((await visitor.getByRole('button', { name: 'Aanmelden' }).count()) > 0) {
            found = session;
            break;
          }
        }
        if (found) break;
      }
      assert.ok(found, 'a session open for registration is linked from a published evening');
      assert.match(await visitor.locator('main').innerText(), /Iedere inspreker heeft \d+ minuten/);
      await accessible(visitor, 'the session page');
      await visitor.setViewportSize({ width: 320, height: 800 });
      await fits(visitor, 'the session page at 320 px');
      await visitor.setViewportSize({ width: 1280, height: 800 });

      // Without a way to reach: refused beside the field, what was typed kept.
      await visitor.getByLabel('Naam', { exact: true }).fill('Bea Bewoner');
      await visitor.getByLabel('Onderwerp', { exact: true }).fill('Het speelveld achter de school');
      await submit(visitor, visitor.getByRole('button', { name: 'Aanmelden' }));
      assert.match(await visitor.getByRole('alert').innerText(), /Vul een e-mailadres of een telefoonnummer in/);
      assert.equal(await visitor.getByLabel('Naam', { exact: true }).inputValue(), 'Bea Bewoner');
      await accessible(visitor, 'a refused registration');

      await visitor.getByLabel('E-mailadres', { exact: true }).fill('bea.bewoner@voorbeeld.nl');
      await submit(visitor, visitor.getByRole('button', { name: 'Aanmelden' }));
      assert.match(visitor.url(), /\/aanmelding\/[A-Za-z0-9_-]{43}$/);
      assert.match(await visitor.getByRole('status').innerText(), /U bent aangemeld om in te spreken|wachtlijst/);
      const privateLink = visitor.url();
      await accessible(visitor, 'the private page');
      await visitor.setViewportSize({ width: 320, height: 800 });
      await fits(visitor, 'the private page at 320 px');
      await visitor.setViewportSize({ width: 1280, height: 800 });

      await visitor.getByLabel('Onderwerp', { exact: true }).fill('Parkeren bij de school');
      await submit(visitor, visitor.getByRole('button', { name: 'Wijzigingen opslaan' }));
      assert.match(await visitor.getByRole('status').innerText(), /Uw aanmelding is gewijzigd/);
      assert.equal(await visitor.getByLabel('Onderwerp', { exact: true }).inputValue(), 'Parkeren bij de school');

      await submit(visitor, visitor.getByRole('button', { name: 'Aanmelding annuleren' }));
      assert.match(await visitor.getByRole('status').innerText(), /Uw aanmelding is geannuleerd/);
      assert.ok(visitor.url().endsWith(found), `back on the session page: ${visitor.url()}`);
      assert.ok(!(await visitor.content()).includes('bea.bewoner@voorbeeld.nl'), 'no address on the public page');

      const used = await visitor.goto(privateLink);
      assert.equal(used.status(), 410);
      assert.match(await visitor.locator('h1').innerText(), /Deze aanmelding is geannuleerd/);
      await accessible(visitor, 'a used private link');
    } finally {
      await closePage(visitor);
    }
  });
});
