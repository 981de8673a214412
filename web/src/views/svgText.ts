// Page text copied into an exported SVG where it stands on screen, wrapped to its box's width the
// way the page wraps it, so exported labels never run into each other.
import { THEME } from '../colors.js';
import { escapeXml } from '../map/assetLayers.js';
import { MAP_FONT, textWidth } from '../map/mapLabels.js';
import { wrapLines } from './wrap.js';

export function svgTextBlock(el: HTMLElement, origin: DOMRect, color?: string): string {
  const r = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const size = Number.parseFloat(style.fontSize) || 12;
  const bold = Number.parseInt(style.fontWeight, 10) >= 600;
  // innerText keeps the breaks between a cell's parts (a name above an id) that textContent runs together.
  // biome-ignore lint/performance/useDomNodeTextContent: the layout's line breaks are the point here
  const lines = wrapLines((el.innerText ?? '').replace(/\s+/g, ' ').trim(), r.width, (s) => textWidth(s, size, bold));
  const x = r.left - origin.left;
  const y = r.top - origin.top;
  const lh = Math.round(size * 1.3);
  const spans = lines.map((line, i) => `<tspan x="${x}" y="${y + size + i * lh}">${escapeXml(line)}</tspan>`).join('');
  return `<text font-family='${MAP_FONT}' font-size="${size}" font-weight="${bold ? 600 : 400}" fill="${color ?? THEME.text}">${spans}</text>`;
}
