// What every screen of the viewer must satisfy, measured in the page: nothing wider than the window,
// no text under 10 px, no two map labels over each other.
import type { Page } from 'playwright-core';

/** How far the page scrolls sideways, px (0 when it does not). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth,
  );
}

/** Visible text drawn under 10 px: the text, its size on screen and where. */
export function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = node.textContent?.trim() ?? '';
      const el = node.parentElement;
      if (text === '' || el === null || el.closest('title, script, style, datalist, option')) continue;
      // A closed <details> shows only its summary.
      if (el.closest('details:not([open]) > :not(summary)')) continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden') continue;
      let size = Number.parseFloat(style.fontSize);
      if (el instanceof SVGGraphicsElement) {
        const m = el.getScreenCTM();
        if (m !== null) size *= Math.hypot(m.a, m.b);
      }
      if (size < 9.95)
        out.push(
          `${text.slice(0, 40)} (${size.toFixed(1)} px, ${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''})`,
        );
    }
    return out;
  });
}

/** Pairs of visible map labels whose boxes overlap, in every map on screen. */
export function overlappingLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const map of Array.from(document.querySelectorAll<HTMLElement>('.plant-map'))) {
      if (map.getBoundingClientRect().width === 0) continue;
      const boxes = Array.from(map.querySelectorAll<SVGTextElement>('.map-labels text, .band-labels text'))
        .filter((t) => t.textContent !== '' && getComputedStyle(t).visibility !== 'hidden')
        .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }))
        .filter((b) => b.r.width > 0);
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1))
          if (
            a.r.left < b.r.right - 0.5 &&
            b.r.left < a.r.right - 0.5 &&
            a.r.top < b.r.bottom - 0.5 &&
            b.r.top < a.r.bottom - 0.5
          )
            out.push(`${a.text} / ${b.text}`);
    }
    return out;
  });
}

/** Where the first visible verdict sits: its bottom edge on screen, px. */
export function verdictBottom(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const v = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=verdict]')).find(
      (el) => el.getBoundingClientRect().height > 0,
    );
    return v ? v.getBoundingClientRect().bottom : null;
  });
}
