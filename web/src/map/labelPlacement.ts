// Where map labels go on screen, pure: greedy by priority, each label tried at a few spots around
// its anchor and placed at the first that overlaps no placed label and no obstacle (zone titles,
// the level column) and stays on the map; labels with nowhere to go are left out. A label that
// must show (a controller, the entry point) may cover glyphs, never another label.

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  id: string;
  /** Texts to try, longest first (the full id, then a shorter form). */
  texts: string[];
  /** Anchor on screen: the glyph's centre. */
  x: number;
  y: number;
  /** Higher goes first. */
  priority: number;
  /** May cover glyphs when nothing else is free (a controller, the entry point); default: priority > 0. */
  must?: boolean;
  /** Font size on screen (default: the options' size). */
  size?: number;
  /** Room around the anchor on screen (default: the options' radius). */
  radius?: number;
  /** Try right of the anchor first (names of remote footholds), else below first. */
  prefer?: 'right' | 'below';
  /** Width of a text on screen. */
  width(text: string): number;
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Left and baseline of the text. */
  x: number;
  y: number;
  box: Rect;
}

export interface PlacementOptions {
  /** Text height on screen (the font size), px. */
  size: number;
  /** Glyph radius on screen: labels sit outside it. */
  radius: number;
  bounds: Rect;
  /** Boxes no label may cover. */
  obstacles: readonly Rect[];
  /** Glyph boxes: a label avoids them when it can. */
  glyphs: readonly Rect[];
}

/** A line of text on screen is this many times its font size tall, its baseline this far below its top. */
export const LINE_BOX = 1.3;
export const BASELINE = 0.98;

export const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const inside = (a: Rect, b: Rect) => a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;

/** A uniform grid of placed boxes, so each test looks at a few neighbours only. */
class Grid {
  private readonly cells = new Map<string, Rect[]>();
  constructor(private readonly size: number) {}

  private keys(r: Rect): string[] {
    const out: string[] = [];
    const s = this.size;
    for (let i = Math.floor(r.x / s); i <= Math.floor((r.x + r.w) / s); i++)
      for (let j = Math.floor(r.y / s); j <= Math.floor((r.y + r.h) / s); j++) out.push(`${i},${j}`);
    return out;
  }

  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list === undefined) this.cells.set(k, [r]);
      else list.push(r);
    }
  }

  hits(r: Rect): boolean {
    return this.keys(r).some((k) => this.cells.get(k)?.some((o) => overlaps(o, r)) ?? false);
  }
}

export function placeLabels(requests: readonly LabelRequest[], opts: PlacementOptions): PlacedLabel[] {
  const { size, radius, bounds } = opts;
  const taken = new Grid(64);
  for (const o of opts.obstacles) taken.add(o);
  const glyphs = new Grid(64);
  for (const g of opts.glyphs) glyphs.add(g);
  const gap = 2;
  const placed: PlacedLabel[] = [];
  const order = [...requests].sort((a, b) => b.priority - a.priority);
  for (const r of order) {
    let best: PlacedLabel | null = null;
    const room = r.radius ?? radius;
    const sz = r.size ?? size;
    for (const text of r.texts) {
      const w = r.width(text);
      const h = sz * LINE_BOX;
      // Centred under or over its point, slid sideways into the bounds when it still spans the point.
      const centred = Math.min(Math.max(r.x - w / 2, bounds.x), bounds.x + bounds.w - w);
      const x = centred <= r.x && centred + w >= r.x ? centred : r.x - w / 2;
      const below: [number, number] = [x, r.y + room + gap];
      const above: [number, number] = [x, r.y - room - gap - h];
      const right: [number, number] = [r.x + room + gap, r.y - h / 2];
      const left: [number, number] = [r.x - room - gap - w, r.y - h / 2];
      const spots = r.prefer === 'right' ? [right, below, above, left] : [below, above, right, left];
      for (const [x, y] of spots) {
        const box = { x, y, w, h };
        if (!inside(box, bounds) || taken.hits(box)) continue;
        const label = { id: r.id, text, x, y: y + sz * BASELINE, box };
        if (!glyphs.hits(box)) {
          best = label;
          break;
        }
        best ??= (r.must ?? r.priority > 0) ? label : null;
      }
      if (best !== null && !glyphs.hits(best.box)) break;
    }
    if (best === null) continue;
    taken.add(best.box);
    placed.push(best);
  }
  return placed;
}

/** Wraps a name onto at most `lines` lines of at most `width` px; null when it does not fit. */
export function wrapText(text: string, width: number, measure: (s: string) => number, lines: number): string[] | null {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (measure(next) <= width) line = next;
    else {
      if (line === '' || measure(word) > width) return null;
      out.push(line);
      line = word;
    }
  }
  if (line !== '') out.push(line);
  return out.length <= lines ? out : null;
}
