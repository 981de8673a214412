// Every word on the plant map except the level column, in screen space so none is drawn under
// 10 px: zone titles in their zone's header (whole, on two lines or by their short name), then the
// marks views add (remote footholds, path techniques, notes), then asset ids, the entry point and
// controllers first, each where it overlaps no other label.
import { select, type ZoomTransform } from 'd3';
import { THEME } from '../colors.js';
import type { PlantLayout, ZoneBox } from './layout.js';
import { BASELINE, LINE_BOX, type LabelRequest, placeLabels, type Rect, wrapText } from './labelPlacement.js';

export const MAP_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const ZONE_SIZE = 11;
const MIN_SIZE = 10;
const ASSET_SIZE = 10.5;
/** Baseline to baseline of a wrapped name, in font sizes. */
const LINE_STEP = 1.2;

/** A label a view pins to a point of the plant (world coordinates). */
export interface WorldLabel {
  key: string;
  x: number;
  y: number;
  text: string;
  color?: string;
  bold?: boolean;
  size?: number;
  /** Higher is placed first; asset ids are 0 to 3. */
  priority: number;
  /** Room around the point, world units. */
  radius?: number;
  prefer?: 'right' | 'below';
  /** False: left out rather than drawn over a glyph. */
  must?: boolean;
}

interface Drawn {
  key: string;
  lines: string[];
  x: number;
  y: number;
  size: number;
  color: string;
  bold: boolean;
  /** Full text for a tooltip, when shortened. */
  title: string | null;
}

let measurer: CanvasRenderingContext2D | null = null;
const widths = new Map<string, number>();

/** Width of a text on screen at `size` px (cached). */
export function textWidth(text: string, size: number, bold = false): number {
  const key = `${size}|${bold}|${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d');
    if (measurer === null) return text.length * size * 0.6;
    measurer.font = `${bold ? 600 : 400} ${size}px ${MAP_FONT}`;
    w = Math.ceil(measurer.measureText(text).width) + 1;
    widths.set(key, w);
  }
  return w;
}

export class MapLabels {
  private readonly g: SVGGElement;
  private readonly sets = new Map<string, WorldLabel[]>();
  private priorityOf = new Map<string, number>();

  constructor(
    parent: SVGSVGElement,
    private readonly layout: PlantLayout,
    controllers: ReadonlySet<string>,
  ) {
    this.g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    this.g.classList.add('map-labels');
    parent.appendChild(this.g);
    for (const a of layout.assets) this.priorityOf.set(a.id, controllers.has(a.id) ? 2 : 0);
  }

  /** Replaces one kind of view labels (remote footholds, path techniques, …). */
  set(kind: string, labels: WorldLabel[]): void {
    this.sets.set(kind, labels);
  }

  /** Assets labelled before all others (the entry point, a selected asset). */
  prefer(ids: Iterable<string>): void {
    for (const a of this.layout.assets) if (this.priorityOf.get(a.id) === 3) this.priorityOf.set(a.id, 0);
    for (const id of ids) if (this.priorityOf.has(id)) this.priorityOf.set(id, 3);
  }

  update(t: ZoomTransform, width: number, height: number, column: number): void {
    const bounds: Rect = { x: column, y: 0, w: Math.max(0, width - column), h: height };
    const drawn: Drawn[] = [];
    const obstacles: Rect[] = [];
    for (const z of this.layout.zones) {
      const title = zoneTitle(z, t, bounds, this.layout.header);
      if (title === null) continue;
      drawn.push(title.drawn);
      obstacles.push(title.box);
    }
    const k = t.k;
    const requests: LabelRequest[] = [];
    for (const labels of this.sets.values())
      for (const l of labels) {
        const size = l.size ?? 12;
        requests.push({
          id: l.key,
          texts: [l.text],
          x: t.x + l.x * k,
          y: t.y + l.y * k,
          priority: 10 + l.priority,
          size,
          width: (s) => textWidth(s, size, l.bold ?? false),
          ...(l.radius === undefined ? {} : { radius: l.radius * k }),
          ...(l.prefer === undefined ? {} : { prefer: l.prefer }),
          ...(l.must === undefined ? {} : { must: l.must }),
        });
      }
    const glyphs: Rect[] = [];
    const r = Math.max(4, 10 * k);
    for (const p of this.layout.remote.values()) {
      const rr = Math.max(6, 14 * k);
      glyphs.push({ x: t.x + p.x * k - rr, y: t.y + p.y * k - rr, w: 2 * rr, h: 2 * rr });
    }
    // Below 20 px a cell has no room for a name: only the entry point and a selected asset keep theirs.
    const assetsLabelled = k * 48 >= 20;
    for (const a of this.layout.assets) {
      const x = t.x + a.x * k;
      const y = t.y + a.y * k;
      if (x < bounds.x - r || y < -r || x > width + r || y > height + r) continue;
      glyphs.push({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
      if (!assetsLabelled && this.priorityOf.get(a.id) !== 3) continue;
      requests.push({
        id: `asset:${a.id}`,
        texts: [a.id],
        x,
        y,
        priority: this.priorityOf.get(a.id) ?? 0,
        width: (s) => textWidth(s, ASSET_SIZE),
      });
    }
    const placed = placeLabels(requests, { size: ASSET_SIZE, radius: r + 1, bounds, obstacles, glyphs });
    const byKey = new Map<string, WorldLabel>();
    for (const labels of this.sets.values()) for (const l of labels) byKey.set(l.key, l);
    for (const p of placed) {
      const view = byKey.get(p.id);
      drawn.push({
        key: p.id,
        lines: [p.text],
        x: p.x,
        y: p.y,
        size: view?.size ?? ASSET_SIZE,
        color: view?.color ?? THEME.muted,
        bold: view?.bold ?? false,
        title: null,
      });
    }
    this.render(drawn);
  }

  private render(drawn: Drawn[]): void {
    const texts = select(this.g)
      .selectAll<SVGTextElement, Drawn>('text')
      .data(drawn, (d) => d.key)
      .join('text')
      .attr('data-label', (d) => d.key)
      .attr('x', (d) => d.x)
      .attr('y', (d) => d.y)
      .attr('font-size', (d) => d.size)
      .attr('font-family', MAP_FONT)
      .attr('font-weight', (d) => (d.bold ? 600 : 400))
      .attr('fill', (d) => d.color)
      .attr('stroke', THEME.halo)
      .attr('stroke-width', 3)
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke');
    texts.each(function (d) {
      this.replaceChildren();
      d.lines.forEach((line, i) => {
        const span = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
        span.setAttribute('x', String(d.x));
        if (i > 0) span.setAttribute('dy', String(d.size * LINE_STEP));
        span.textContent = line;
        this.appendChild(span);
      });
      if (d.title !== null) {
        const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
        title.textContent = d.title;
        this.appendChild(title);
      }
    });
  }

  destroy(): void {
    this.g.remove();
  }
}

/** A zone's title fitted to its header: the name, else the short name, on one or two lines; null when neither fits. */
function zoneTitle(
  z: ZoneBox,
  t: ZoomTransform,
  bounds: Rect,
  headerWorld: number,
): { drawn: Drawn; box: Rect } | null {
  const x = t.x + z.x * t.k;
  const y = t.y + z.y * t.k;
  const w = z.w * t.k - 14;
  const header = headerWorld * t.k;
  if (x + 7 < bounds.x || y < 0 || y + header > bounds.y + bounds.h || w < 30) return null;
  const full = z.microSegmented ? `${z.label} · micro-segmented` : z.label;
  const names = [...new Set([full, z.label, z.short ?? z.label])];
  const height = (lines: number, size: number) => ((lines - 1) * LINE_STEP + LINE_BOX) * size;
  for (const size of [ZONE_SIZE, MIN_SIZE])
    for (const lines of [1, 2]) {
      if (header < height(lines, size) + 2) continue;
      for (const name of names) {
        const wrapped = wrapText(name, w, (s) => textWidth(s, size), lines);
        if (wrapped === null) continue;
        const h = height(wrapped.length, size);
        const top = y + Math.max(1, (header - h) / 2);
        const boxW = Math.max(...wrapped.map((l) => textWidth(l, size)));
        return {
          drawn: {
            key: `zone:${z.id}`,
            lines: wrapped,
            x: x + 7,
            y: top + size * BASELINE,
            size,
            color: THEME.text,
            bold: false,
            title: name === full ? null : full,
          },
          box: { x: x + 7, y: top, w: boxW, h },
        };
      }
    }
  return null;
}
