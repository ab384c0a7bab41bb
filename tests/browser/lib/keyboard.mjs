// Keyboard use: moving focus with Tab and checking that focus can be seen.

/**
 * focused(page) describes the element that has focus now: { tag, id, name, text, href, inMain,
 * inHeader, selector } (null when only the document body has it).
 */
export async function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    return {
      tag: element.localName,
      id: element.id || null,
      name: element.getAttribute('name'),
      text: (element.innerText || element.value || element.getAttribute('aria-label') || '').trim().slice(0, 80),
      href: element.getAttribute('href'),
      inMain: Boolean(element.closest('main')),
      inHeader: Boolean(element.closest('header')),
      selector: element.localName + (element.id ? `#${element.id}` : '') + (element.getAttribute('name') ? `[name="${element.getAttribute('name')}"]` : ''),
    };
  });
}

/**
 * tabTo(page, predicate, maxPresses) presses Tab until predicate(focused(page)) is true and
 * resolves to that description; throws after maxPresses (default 40) presses, listing where
 * focus went.
 */
export async function tabTo(page, predicate, maxPresses = 40) {
  const path = [];
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && predicate(now)) return now;
    path.push(now ? `${now.selector} "${now.text}"` : '(body)');
  }
  throw new Error(`Tab did not reach the element within ${maxPresses} presses; focus went: ${path.join(' → ')}`);
}

/**
 * focusIndicator(page) tells from the computed style whether the focused element shows that it
 * has focus: a non-zero outline (any style but none) or a box-shadow. Resolves to { visible, how,
 * outline, boxShadow, element, box } (how: 'outline', 'box-shadow' or null; box: the element's
 * place on the page, in page coordinates), or null when nothing has focus. An element without
 * either may still show focus otherwise (a border, a background, a browser control's own
 * highlight): focusWalk() looks at the pixels for those.
 */
export async function focusIndicator(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return null;
    const computed = getComputedStyle(element);
    const outlineWidth = parseFloat(computed.outlineWidth) || 0;
    const how = computed.outlineStyle !== 'none' && outlineWidth > 0 ? 'outline' : computed.boxShadow && computed.boxShadow !== 'none' ? 'box-shadow' : null;
    const text = (element.innerText || element.value || element.getAttribute('aria-label') || '').trim().slice(0, 40);
    const rect = element.getBoundingClientRect();
    return {
      visible: how !== null,
      how,
      outline: `${computed.outlineStyle} ${computed.outlineWidth} ${computed.outlineColor}`,
      boxShadow: computed.boxShadow,
      element: element.localName + (element.id ? `#${element.id}` : '') + (element.getAttribute('name') && !element.id ? `[name="${element.getAttribute('name')}"]` : '') + (element.getAttribute('href') ? `[href="${element.getAttribute('href')}"]` : '') + ` "${text}"`,
      box: { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height },
    };
  });
}

/**
 * focusWalk(page, maxPresses) presses Tab from the top of the current page until focus leaves
 * the page or comes back to the first element (at most maxPresses, default 120), and resolves to
 * one focusIndicator() result per press. Where the style shows no outline or box-shadow, it
 * compares the element and 8 px around it as it looked focused with how it looks once nothing
 * has focus (the text caret hidden): if they differ, focus is visible after all (how: 'pixels'),
 * as with a date field, whose focused part the browser highlights inside its own control.
 */
export async function focusWalk(page, maxPresses = 120) {
  const steps = [];
  const pending = [];
  let first = null;
  for (let press = 0; press < maxPresses; press += 1) {
    await page.keyboard.press('Tab');
    const indicator = await focusIndicator(page);
    if (!indicator) {
      if (steps.length > 0) break; // focus left the page: every element was visited
      continue;
    }
    const identity = `${indicator.element}@${Math.round(indicator.box.x)},${Math.round(indicator.box.y)}`;
    if (first === identity && steps.length > 0) break;
    first ??= identity;
    if (!indicator.visible) {
      const clip = around(indicator.box);
      pending.push({ indicator, clip, focused: await page.screenshot({ fullPage: true, clip, caret: 'hide', animations: 'disabled' }) });
    }
    steps.push(indicator);
  }
  await page.evaluate(() => document.activeElement?.blur());
  for (const { indicator, clip, focused: shot } of pending) {
    const unfocused = await page.screenshot({ fullPage: true, clip, caret: 'hide', animations: 'disabled' });
    if (!shot.equals(unfocused)) {
      indicator.visible = true;
      indicator.how = 'pixels';
    }
  }
  return steps;
}

/** A box grown by 8 px on every side, not past the page's top or left edge. */
function around(box) {
  const margin = 8;
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  return { x, y, width: Math.max(1, box.x + box.width + margin - x), height: Math.max(1, box.y + box.height + margin - y) };
}
