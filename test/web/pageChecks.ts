// What every screen of the viewer must satisfy, measured in the page: nothing wider than the window,
// no text under 10 px, no two map labels over each other, none drawn over.
import type { Locator, Page } from 'playwright-core';

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

/**
 * Map labels something else of the map is drawn over (a band, the level column, a zone), in the
 * maps `maps` finds: each label is scrolled into view and hit-tested at both ends and the middle,
 * where the map shows it (a zone title scrolled half out of a zoomed map is clipped by the map's edge).
 */
export function hiddenLabels(maps: Locator): Promise<string[]> {
  return maps.evaluateAll((roots) => {
    const out: string[] = [];
    for (const root of roots) {
      if (root.getBoundingClientRect().width === 0) continue;
      for (const e of Array.from(root.querySelectorAll<SVGTextElement>('.map-labels text, .band-labels text'))) {
        if (e.textContent === '' || getComputedStyle(e).visibility === 'hidden') continue;
        e.scrollIntoView({ block: 'center', inline: 'center' }); // hit-testing sees only the viewport
        const map = root.getBoundingClientRect();
        const events = e.style.pointerEvents;
        e.style.pointerEvents = 'all'; // labels let clicks through to the map: hit-test this one
        /** What is painted over the label at a point of it: null when the label shows (or the map does not). */
        const coverAt = (x: number, y: number): Element | null => {
          if (x <= map.x || x >= map.right || y <= map.y || y >= map.bottom) return null;
          const top = document.elementFromPoint(x, y);
          // A gap between words or lines shows the map's own box or svg: that covers nothing.
          if (top === null || top === e || e.contains(top) || !root.contains(top) || top === root) return null;
          return top.tagName.toLowerCase() === 'svg' ? null : top;
        };
        // A wrapped name line by line: between its lines there is nothing to hit.
        const lines = e.querySelectorAll('tspan').length > 0 ? Array.from(e.querySelectorAll('tspan')) : [e];
        const cover = lines
          .flatMap((line) => {
            const box = line.getBoundingClientRect();
            const y = box.y + box.height / 2;
            return [box.x + 1, box.x + box.width / 2, box.right - 1].map((x) => coverAt(x, y));
          })
          .find((c) => c !== null);
        e.style.pointerEvents = events;
        if (cover)
          out.push(`${e.textContent} under ${cover.tagName.toLowerCase()}.${cover.getAttribute('class') ?? ''}`);
      }
    }
    return out;
  });
}

/**
 * Pairs of visible texts whose boxes overlap by more than `slack` px, within each element `within`
 * finds (by default the map labels of every map on screen; an exported SVG checks all its text).
 */
export function overlappingLabels(
  page: Page,
  { within = '.plant-map', texts = '.map-labels text, .band-labels text', slack = 0.5 } = {},
): Promise<string[]> {
  return page.evaluate(
    ({ within, texts, slack }) => {
      const out: string[] = [];
      for (const scope of Array.from(document.querySelectorAll<HTMLElement>(within))) {
        if (scope.getBoundingClientRect().width === 0) continue;
        const boxes = Array.from(scope.querySelectorAll<SVGTextElement>(texts))
          .filter((t) => (t.textContent ?? '').trim() !== '' && getComputedStyle(t).visibility !== 'hidden')
          .map((t) => ({ text: (t.textContent ?? '').slice(0, 30), r: t.getBoundingClientRect() }))
          .filter((b) => b.r.width > 0);
        for (const [i, a] of boxes.entries())
          for (const b of boxes.slice(i + 1))
            if (
              a.r.left < b.r.right - slack &&
              b.r.left < a.r.right - slack &&
              a.r.top < b.r.bottom - slack &&
              b.r.top < a.r.bottom - slack
            )
              out.push(`${a.text} / ${b.text}`);
      }
      return out;
    },
    { within, texts, slack },
  );
}

export function verdictBottom(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const v = Array.from(document.querySelectorAll<HTMLElement>('[data-testid=verdict]')).find(
      (el) => el.getBoundingClientRect().height > 0,
    );
    return v ? v.getBoundingClientRect().bottom : null;
  });
}
