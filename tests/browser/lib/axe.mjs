// Accessibility checks with axe-core against WCAG 2.1 A and AA.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** axe-core's source, evaluated in the page (through the DevTools protocol, so the site's CSP,
 * which forbids inline script, does not stop it). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rule sets checked: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** WCAG rules axe marks experimental and so leaves out of its tag sets; checked all the same.
 * label-content-name-mismatch is success criterion 2.5.3 (label in name): a control's accessible
 * name must contain its visible text, for those who follow links by speaking what they see. */
export const EXPERIMENTAL_RULES = ['label-content-name-mismatch'];

/**
 * checkAccessibility(page, label) runs axe-core on the page as it is now, with the WCAG 2.0/2.1
 * A and AA rules (EXPERIMENTAL_RULES included). Resolves to { label, url, violations, summary }: each violation is
 * { id, impact, help, helpUrl, targets, nodes } where targets lists the CSS selectors of the
 * failing elements and nodes has each one's selector, HTML and axe's explanation; summary is a
 * readable text of them all, one rule per line with its elements below ('' when there are none).
 * label names the page in the summary (default: its URL).
 */
export async function checkAccessibility(page, label) {
  const url = page.url();
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(AXE_SOURCE);
  }
  const results = await page.evaluate(
    ([tags, experimental]) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(experimental.map((rule) => [rule, { enabled: true }])),
        resultTypes: ['violations'],
      }),
    [WCAG_TAGS, EXPERIMENTAL_RULES],
  );
  const violations = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    helpUrl: violation.helpUrl,
    targets: violation.nodes.map((node) => node.target.join(' ')),
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(' '),
      html: node.html,
      failureSummary: node.failureSummary,
    })),
  }));
  const name = label ?? url;
  return { label: name, url, violations, summary: summarise(violations) };
}

/** The readable text of a list of violations, as in checkAccessibility()'s summary. */
export function summarise(violations) {
  return violations
    .map((violation) => {
      const elements = violation.nodes.map((node) => {
        const why = (node.failureSummary ?? '').split('\n').map((line) => line.trim()).filter((line) => line && !/^Fix (any|all) of the following:?$/i.test(line)).join('; ');
        return `    - ${node.target}  ${truncate(node.html, 160)}${why ? `\n      ${truncate(why, 300)}` : ''}`;
      });
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${elements.join('\n')}`;
    })
    .join('\n');
}

/**
 * accessibilityReport(results) joins the results of several checkAccessibility() calls into one
 * text grouped by page, with a count at the top; '' when no page has a violation.
 */
export function accessibilityReport(results) {
  const failing = results.filter((result) => result.violations.length > 0);
  if (failing.length === 0) return '';
  const total = failing.reduce((sum, result) => sum + result.violations.reduce((n, v) => n + v.nodes.length, 0), 0);
  const rules = new Set(failing.flatMap((result) => result.violations.map((violation) => violation.id)));
  const header = `${total} accessibility violation(s) of ${rules.size} rule(s) (${[...rules].join(', ')}) on ${failing.length} of ${results.length} page(s):`;
  return [header, ...failing.map((result) => `\n${result.label}  <${result.url}>\n${result.summary}`)].join('\n');
}

function truncate(text, length) {
  const flat = String(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
