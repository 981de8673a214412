// The asset layer in two renderings with one contract: SVG elements for small plants (crisp,
// inspectable) and one canvas for large ones (thousands of glyphs redrawn per frame).
import type { ZoomTransform } from 'd3';
import { THEME } from '../colors.js';
import { CELL, type AssetPos } from './layout.js';
import { GLYPH_SIZE, glyphPath, glyphPath2D } from './glyphs.js';

export type Ring = 'none' | 'foothold' | 'revoked' | 'entry' | 'selected';

export interface AssetStyle {
  fill: string;
  /** Dashed ring: in the static worst case. */
  worst: boolean;
  ring: Ring;
  /** Small marker: a sensor flagged activity on this host. */
  detected: boolean;
}

/** An asset nothing happened to, in the current theme. */
export const neutralStyle = (): AssetStyle => ({ fill: THEME.untouched, worst: false, ring: 'none', detected: false });
const NEUTRAL_STYLE = neutralStyle();

const R = 13; // ring radius, world units
const RINGS: Record<Exclude<Ring, 'none'>, string> = {
  foothold: '#ffffff',
  revoked: '#8a96a3',
  entry: '#E69F00',
  selected: '#56B4E9',
};

/** A ring's colour; a foothold's is the theme's strongest contrast (white on dark, ink on light). */
const ringColor = (ring: Exclude<Ring, 'none'>) => (ring === 'foothold' ? THEME.worstOutline : RINGS[ring]);

export interface AssetLayer {
  draw(styles: readonly AssetStyle[], t: ZoomTransform): void;
  resize(width: number, height: number): void;
  destroy(): void;
}

/** Below this cell width in pixels the canvas draws tiles instead of glyphs. */
const TILE_BELOW_PX = 9;
const TILE_FILL = 0.84;

export class SvgAssetLayer implements AssetLayer {
  private readonly nodes: {
    g: SVGGElement;
    glyph: SVGPathElement;
    worst: SVGCircleElement;
    ring: SVGCircleElement;
    cross: SVGPathElement;
    detected: SVGCircleElement;
  }[] = [];

  constructor(
    private readonly parent: SVGGElement,
    private readonly assets: readonly AssetPos[],
  ) {
    const ns = 'http://www.w3.org/2000/svg';
    const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, to: Element) => {
      const e = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      to.appendChild(e);
      return e;
    };
    const layer = el('g', { class: 'assets' }, parent);
    for (const a of assets) {
      const g = el('g', { class: 'asset', transform: `translate(${a.x},${a.y})`, 'data-asset': a.id }, layer);
      const worst = el(
        'circle',
        {
          r: R,
          fill: 'none',
          stroke: THEME.worstOutline,
          'stroke-width': 1.4,
          'stroke-dasharray': '3 2.4',
          visibility: 'hidden',
        },
        g,
      );
      const ring = el('circle', { r: R + 3.5, fill: 'none', 'stroke-width': 2.2, visibility: 'hidden' }, g);
      const glyph = el('path', { d: glyphPath(a.kind), stroke: THEME.glyphStroke, 'stroke-width': 0.9 }, g);
      const cross = el(
        'path',
        {
          d: `M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}`,
          stroke: ringColor('revoked'),
          'stroke-width': 1.6,
          visibility: 'hidden',
        },
        g,
      );
      const detected = el(
        'circle',
        {
          cx: R - 2,
          cy: -R + 2,
          r: 3.6,
          fill: '#D55E00',
          stroke: '#0b0f14',
          'stroke-width': 0.8,
          visibility: 'hidden',
        },
        g,
      );
      this.nodes.push({ g, glyph, worst, ring, cross, detected });
    }
  }

  draw(styles: readonly AssetStyle[]): void {
    this.assets.forEach((a, i) => {
      const s = styles[a.index] ?? NEUTRAL_STYLE;
      const n = this.nodes[i]!;
      n.glyph.setAttribute('fill', s.fill);
      n.worst.setAttribute('visibility', s.worst ? 'visible' : 'hidden');
      n.ring.setAttribute('visibility', s.ring === 'none' ? 'hidden' : 'visible');
      if (s.ring !== 'none') n.ring.setAttribute('stroke', ringColor(s.ring));
      n.ring.setAttribute('stroke-dasharray', s.ring === 'revoked' ? '2 2' : 'none');
      n.cross.setAttribute('visibility', s.ring === 'revoked' ? 'visible' : 'hidden');
      n.detected.setAttribute('visibility', s.detected ? 'visible' : 'hidden');
    });
  }

  resize(): void {}

  destroy(): void {
    this.parent.querySelector('g.assets')?.remove();
  }
}

export class CanvasAssetLayer implements AssetLayer {
  private readonly ctx: CanvasRenderingContext2D;
  private width = 0;
  private height = 0;
  private dpr = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly assets: readonly AssetPos[],
  ) {
    const ctx = canvas.getContext('2d');
    if (ctx === null) throw new Error('canvas 2d context unavailable');
    this.ctx = ctx;
  }

  resize(width: number, height: number): void {
    this.dpr = window.devicePixelRatio || 1;
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * this.dpr);
    this.canvas.height = Math.round(height * this.dpr);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
  }

  draw(styles: readonly AssetStyle[], t: ZoomTransform): void {
    const { ctx, dpr } = this;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const k = t.k;
    const margin = (R + 6) * k;
    const visible: AssetPos[] = [];
    for (const a of this.assets) {
      const sx = t.x + a.x * k;
      const sy = t.y + a.y * k;
      if (sx < -margin || sy < -margin || sx > this.width + margin || sy > this.height + margin) continue;
      visible.push(a);
    }
    if (k * CELL.w < TILE_BELOW_PX) return this.drawTiles(visible, styles, t);
    // Fills: one transform per glyph, paths cached per kind.
    ctx.strokeStyle = THEME.glyphStroke;
    ctx.lineWidth = 0.9;
    const stroke = k * 12 > 4;
    for (const a of visible) {
      const s = styles[a.index] ?? NEUTRAL_STYLE;
      ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * (t.x + a.x * k), dpr * (t.y + a.y * k));
      ctx.fillStyle = s.fill;
      const p = glyphPath2D(a.kind, GLYPH_SIZE);
      ctx.fill(p);
      if (stroke) ctx.stroke(p);
    }
    // Rings and outlines batched into one path per style, in screen space.
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const batches = new Map<string, Path2D>();
    const batch = (key: string) => {
      let p = batches.get(key);
      if (p === undefined) batches.set(key, (p = new Path2D()));
      return p;
    };
    for (const a of visible) {
      const s = styles[a.index] ?? NEUTRAL_STYLE;
      const sx = t.x + a.x * k;
      const sy = t.y + a.y * k;
      if (s.worst) {
        const p = batch('worst');
        p.moveTo(sx + R * k, sy);
        p.arc(sx, sy, R * k, 0, 2 * Math.PI);
      }
      if (s.ring !== 'none') {
        const p = batch(s.ring);
        const r = (R + 3.5) * k;
        p.moveTo(sx + r, sy);
        p.arc(sx, sy, r, 0, 2 * Math.PI);
        if (s.ring === 'revoked') {
          const c = batch('cross');
          c.moveTo(sx - R * k, sy - R * k);
          c.lineTo(sx + R * k, sy + R * k);
          c.moveTo(sx + R * k, sy - R * k);
          c.lineTo(sx - R * k, sy + R * k);
        }
      }
      if (s.detected) {
        const p = batch('detected');
        const r = Math.max(2, 3.6 * k);
        p.moveTo(sx + (R - 2) * k + r, sy - (R - 2) * k);
        p.arc(sx + (R - 2) * k, sy - (R - 2) * k, r, 0, 2 * Math.PI);
      }
    }
    const lw = Math.max(0.8, Math.min(2.2, 1.6 * k));
    for (const [key, p] of batches) {
      if (key === 'detected') {
        ctx.fillStyle = '#D55E00';
        ctx.fill(p);
        continue;
      }
      ctx.setLineDash(key === 'worst' ? [Math.max(2, 3 * k), Math.max(1.5, 2.4 * k)] : key === 'revoked' ? [2, 2] : []);
      ctx.strokeStyle =
        key === 'worst'
          ? THEME.worstOutline
          : key === 'cross'
            ? ringColor('revoked')
            : ringColor(key as Exclude<Ring, 'none'>);
      ctx.lineWidth = key === 'worst' ? Math.max(0.6, 1.3 * k) : lw;
      ctx.stroke(p);
    }
    ctx.setLineDash([]);
  }

  /** Zoomed far out, glyphs would be specks: each asset becomes a tile of its cell, a heat map. */
  private drawTiles(visible: readonly AssetPos[], styles: readonly AssetStyle[], t: ZoomTransform): void {
    const { ctx, dpr } = this;
    const k = t.k;
    const w = CELL.w * k * TILE_FILL;
    const h = CELL.h * k * TILE_FILL;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const outlines = new Map<string, Path2D>();
    for (const a of visible) {
      const s = styles[a.index] ?? NEUTRAL_STYLE;
      const x = t.x + a.x * k - w / 2;
      const y = t.y + a.y * k - h / 2;
      ctx.fillStyle = s.fill;
      ctx.fillRect(x, y, w, h);
      const key = s.ring !== 'none' ? s.ring : s.worst ? 'worst' : null;
      if (key === null) continue;
      let p = outlines.get(key);
      if (p === undefined) outlines.set(key, (p = new Path2D()));
      p.rect(x + 0.5, y + 0.5, w - 1, h - 1);
    }
    for (const [key, p] of outlines) {
      ctx.strokeStyle = key === 'worst' ? THEME.worstOutline : ringColor(key as Exclude<Ring, 'none'>);
      ctx.lineWidth = key === 'worst' ? 0.8 : 1.4;
      ctx.stroke(p);
    }
  }

  destroy(): void {
    this.canvas.remove();
  }
}

/** The asset layer as SVG markup, for export whichever layer is live (names come with the map's labels). */
export function assetsSvgMarkup(assets: readonly AssetPos[], styles: readonly AssetStyle[]): string {
  const out: string[] = ['<g class="assets">'];
  for (const a of assets) {
    const s = styles[a.index] ?? NEUTRAL_STYLE;
    out.push(`<g transform="translate(${a.x},${a.y})">`);
    if (s.worst)
      out.push(
        `<circle r="${R}" fill="none" stroke="${THEME.worstOutline}" stroke-width="1.4" stroke-dasharray="3 2.4"/>`,
      );
    if (s.ring !== 'none')
      out.push(
        `<circle r="${R + 3.5}" fill="none" stroke="${ringColor(s.ring)}" stroke-width="2.2"${s.ring === 'revoked' ? ' stroke-dasharray="2 2"' : ''}/>`,
      );
    out.push(`<path d="${glyphPath(a.kind)}" fill="${s.fill}" stroke="${THEME.glyphStroke}" stroke-width="0.9"/>`);
    if (s.ring === 'revoked')
      out.push(
        `<path d="M${-R},${-R}L${R},${R}M${R},${-R}L${-R},${R}" stroke="${ringColor('revoked')}" stroke-width="1.6"/>`,
      );
    if (s.detected)
      out.push(`<circle cx="${R - 2}" cy="${-R + 2}" r="3.6" fill="#D55E00" stroke="#0b0f14" stroke-width="0.8"/>`);
    out.push('</g>');
  }
  out.push('</g>');
  return out.join('');
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
