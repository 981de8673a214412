// One d3 symbol per asset kind, so kinds differ by shape and colour is left for the data.
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolWye,
  type SymbolType,
} from 'd3';

const hexagon: SymbolType = {
  draw(ctx, size) {
    const r = Math.sqrt((2 * size) / (3 * Math.sqrt(3)));
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      const x = r * Math.cos(a);
      const y = r * Math.sin(a);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    }
    ctx.closePath();
  },
};

const triangleDown: SymbolType = {
  draw(ctx, size) {
    const y = -Math.sqrt(size / (Math.sqrt(3) * 3));
    ctx.moveTo(0, -y * 2);
    ctx.lineTo(-Math.sqrt(3) * y, y);
    ctx.lineTo(Math.sqrt(3) * y, y);
    ctx.closePath();
  },
};

const wideRect: SymbolType = {
  draw(ctx, size) {
    const h = Math.sqrt(size / 2);
    ctx.rect(-h, -h / 2, 2 * h, h);
  },
};

export interface Glyph {
  label: string;
  type: SymbolType;
}

const GLYPHS: Record<string, Glyph> = {
  plc: { label: 'PLC', type: symbolSquare },
  rtu: { label: 'RTU', type: symbolSquare },
  sis: { label: 'safety controller', type: symbolCross },
  hmi: { label: 'HMI', type: symbolCircle },
  ews: { label: 'engineering workstation', type: symbolTriangle },
  'scada-server': { label: 'SCADA server', type: symbolDiamond },
  historian: { label: 'historian', type: symbolDiamond },
  server: { label: 'server', type: symbolDiamond },
  'jump-host': { label: 'jump host', type: symbolStar },
  'it-workstation': { label: 'IT workstation', type: triangleDown },
  'vpn-concentrator': { label: 'VPN concentrator', type: symbolWye },
  'zt-connector': { label: 'ZT connector', type: hexagon },
  firewall: { label: 'firewall', type: wideRect },
};

const FALLBACK: Glyph = { label: 'asset', type: symbolCircle };

export function glyphOf(kind: string): Glyph {
  return GLYPHS[kind] ?? { ...FALLBACK, label: kind };
}

/** Symbol area in world units² (d3's size). */
export const GLYPH_SIZE = 190;

const pathCache = new Map<string, string>();

/** SVG path data of a kind's glyph centred on 0,0. */
export function glyphPath(kind: string, size = GLYPH_SIZE): string {
  const key = `${kind}|${size}`;
  let d = pathCache.get(key);
  if (d === undefined) {
    d = symbol(glyphOf(kind).type, size)() ?? '';
    pathCache.set(key, d);
  }
  return d;
}

const path2dCache = new Map<string, Path2D>();

export function glyphPath2D(kind: string, size = GLYPH_SIZE): Path2D {
  const key = `${kind}|${size}`;
  let p = path2dCache.get(key);
  if (p === undefined) {
    p = new Path2D(glyphPath(kind, size));
    path2dCache.set(key, p);
  }
  return p;
}

/** Kinds present in a plant, in a stable order for legends. */
export function kindsIn(kinds: Iterable<string>): string[] {
  const order = Object.keys(GLYPHS);
  return [...new Set(kinds)].sort(
    (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
}
