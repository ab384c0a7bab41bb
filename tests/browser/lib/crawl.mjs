// Walking every page a viewer can reach by following links.

/** What crawl() never follows: assets, downloads, the API, the language switch (it changes a
 * cookie) and signing out. Each is a regular expression tested against the path and query. */
export const DEFAULT_SKIP = [/^\/static\//, /\.csv(\?|$)/, /^\/api\//, /^\/taal(\/|\?|$)/, /uitloggen|logout/];

/**
 * crawl(page, baseUrl, options) visits, breadth first, every page reachable from
 * options.startPath (default '/') through same-origin <a href> links, in this page's browser
 * context (so as its signed-in viewer, if any). A URL is visited once (the #fragment ignored);
 * links matching DEFAULT_SKIP or options.skip (regular expressions or strings tested against
 * path + query) are not followed, nor are links with a download attribute. options.maxPages
 * (default 100) bounds the walk. options.onPage(page, visit) is awaited on every HTML page while
 * it is open, e.g. to run checkAccessibility().
 *
 * Resolves to the list of visits, in order: { url, path, status, contentType, from } where from
 * is the page the link was first found on (null for the start).
 */
export async function crawl(page, baseUrl, options = {}) {
  const origin = new URL(baseUrl).origin;
  const skip = [...DEFAULT_SKIP, ...(options.skip ?? [])];
  const maxPages = options.maxPages ?? 100;
  const skipped = (target) =>
    skip.some((pattern) => (pattern instanceof RegExp ? pattern.test(target) : target.includes(pattern)));

  const key = (url) => {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  };
  const start = key(new URL(options.startPath ?? '/', origin));
  const queue = [{ url: start, from: null }];
  const seen = new Set([start]);
  const visits = [];

  while (queue.length > 0 && visits.length < maxPages) {
    const { url, from } = queue.shift();
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response ? response.status() : null;
    const contentType = response ? (response.headers()['content-type'] ?? '') : '';
    const visit = { url, path: new URL(url).pathname + new URL(url).search, status, contentType, from };
    visits.push(visit);
    if (!contentType.includes('text/html')) continue;
    if (options.onPage) await options.onPage(page, visit);

    const links = await page.$$eval('a[href]', (anchors) =>
      anchors.filter((anchor) => !anchor.hasAttribute('download')).map((anchor) => anchor.href),
    );
    for (const link of links) {
      let target;
      try {
        target = new URL(link);
      } catch {
        continue;
      }
      if (target.origin !== origin) continue;
      const next = key(target);
      if (seen.has(next) || skipped(target.pathname + target.search)) continue;
      seen.add(next);
      queue.push({ url: next, from: url });
    }
  }
  return visits;
}

/** brokenLinks(visits) lists the visits that did not answer 2xx, as readable lines. */
export function brokenLinks(visits) {
  return visits
    .filter((visit) => visit.status === null || visit.status < 200 || visit.status >= 300)
    .map((visit) => `${visit.path} answered ${visit.status ?? 'nothing'} (linked from ${visit.from ?? 'the start'})`);
}
