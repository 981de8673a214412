// Legends as SVG markup, used both in the page and in exported images.
import { heat, EVENT, THEME } from '../colors.js';
import { glyphOf, glyphPath, kindsIn } from '../map/glyphs.js';
import { escapeXml } from '../map/assetLayers.js';

/** The heat scale: 0–100% of runs. Returns markup sized width × 34. */
export function heatLegend(width = 220, title = 'share of runs in which the asset fell'): string {
  const stops = Array.from({ length: 11 }, (_, i) => `<stop offset="${i * 10}%" stop-color="${heat(i / 10)}"/>`).join(
    '',
  );
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map(
      (v) =>
        `<text x="${v * width}" y="32" font-size="10" fill="${THEME.muted}" text-anchor="${v === 0 ? 'start' : v === 1 ? 'end' : 'middle'}">${v * 100}%</text>`,
    )
    .join('');
  return (
    `<defs><linearGradient id="heat-gradient">${stops}</linearGradient></defs>` +
    `<text x="0" y="9" font-size="10" fill="${THEME.muted}">${escapeXml(title)}</text>` +
    `<rect x="0" y="13" width="${width}" height="9" rx="2" fill="url(#heat-gradient)"/>${ticks}`
  );
}

/** Markers: static worst case, entry point, foothold, revoked, detected. */
export function markerLegend(items: ('worst' | 'entry' | 'foothold' | 'revoked' | 'detected')[]): {
  markup: string;
  width: number;
} {
  let x = 0;
  const out: string[] = [];
  const label = (text: string) => {
    out.push(`<text x="${x + 22}" y="16" font-size="11" fill="${THEME.text}">${escapeXml(text)}</text>`);
    x += 30 + text.length * 6.2;
  };
  for (const it of items) {
    const cx = x + 9;
    if (it === 'worst') {
      out.push(
        `<circle cx="${cx}" cy="12" r="8" fill="none" stroke="${THEME.worstOutline}" stroke-width="1.4" stroke-dasharray="3 2.4"/>`,
      );
      label('static worst case');
    } else if (it === 'entry') {
      out.push(`<circle cx="${cx}" cy="12" r="8" fill="none" stroke="${EVENT.entry}" stroke-width="2.4"/>`);
      label('entry point');
    } else if (it === 'foothold') {
      out.push(`<circle cx="${cx}" cy="12" r="8" fill="none" stroke="${THEME.worstOutline}" stroke-width="2"/>`);
      label('attacker foothold');
    } else if (it === 'revoked') {
      out.push(
        `<circle cx="${cx}" cy="12" r="8" fill="none" stroke="#8a96a3" stroke-width="2" stroke-dasharray="2 2"/><path d="M${cx - 7},5L${cx + 7},19M${cx + 7},5L${cx - 7},19" stroke="#8a96a3" stroke-width="1.5"/>`,
      );
      label('revoked / cut off');
    } else {
      out.push(`<circle cx="${cx}" cy="12" r="4" fill="#D55E00"/>`);
      label('flagged by a sensor');
    }
  }
  return { markup: out.join(''), width: x };
}

export function kindLegend(kinds: Iterable<string>): { markup: string; width: number } {
  let x = 0;
  const out: string[] = [];
  for (const k of kindsIn(kinds)) {
    const label = glyphOf(k).label;
    out.push(`<path transform="translate(${x + 8},12) scale(0.7)" d="${glyphPath(k)}" fill="#9aa7b4"/>`);
    out.push(`<text x="${x + 19}" y="16" font-size="11" fill="${THEME.text}">${escapeXml(label)}</text>`);
    x += 30 + label.length * 6.2;
  }
  return { markup: out.join(''), width: x };
}

export function arcLegend(): { markup: string; width: number } {
  const items: [string, string, string | null][] = [
    ['connection made', EVENT.success, null],
    ['attempt failed', EVENT.failure, '2 4'],
    ['denied', EVENT.denied, '7 4'],
  ];
  let x = 0;
  const out: string[] = [];
  for (const [text, color, dash] of items) {
    out.push(
      `<path d="M${x},12L${x + 24},12" stroke="${color}" stroke-width="2.6"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    out.push(`<text x="${x + 30}" y="16" font-size="11" fill="${THEME.text}">${text}</text>`);
    x += 40 + text.length * 6.2;
  }
  return { markup: out.join(''), width: x };
}

export function svgBox(markup: string, width: number, height: number, cls = ''): string {
  return `<svg class="${cls}" width="${Math.ceil(width)}" height="${height}" viewBox="0 0 ${Math.ceil(width)} ${height}" xmlns="http://www.w3.org/2000/svg">${markup}</svg>`;
}

/** A standalone SVG document for export. */
export function svgDocument(width: number, height: number, body: string, margin = 14): string {
  const w = Math.ceil(width + 2 * margin);
  const h = Math.ceil(height + 2 * margin);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">` +
    `<rect width="${w}" height="${h}" fill="${THEME.background}"/><g transform="translate(${margin},${margin})">${body}</g></svg>`
  );
}

/** The first line of an exported view: what was compared. */
export function exportTitle(text: string): string {
  return `<text x="0" y="18" font-size="15" font-weight="600" fill="${THEME.text}">${escapeXml(text)}</text>`;
}
