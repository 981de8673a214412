// Conduits as edges between zone boxes; wildcard conduits ('*') as notes rather than a web of edges.
import type { Selection } from 'd3';
import type { BundleConduit } from '../data/bundle.js';
import { THEME } from '../colors.js';
import type { PlantLayout, ZoneBox } from './layout.js';
import type { WorldLabel } from './mapLabels.js';

interface Edge {
  from: ZoneBox;
  to: ZoneBox;
  both: boolean;
  services: string[];
}

/** What a wildcard conduit from every zone to every zone says, for the view to show above its map; null without one. */
export function flatNote(conduits: readonly BundleConduit[]): string | null {
  const notes = conduits
    .filter((c) => c.from === '*' && c.to === '*')
    .map((c) => (c.services === 'any' ? 'any service' : c.services.join(', ')));
  return notes.length === 0 ? null : `No conduit filtering: every zone reaches every zone (${notes.join('; ')})`;
}

/** Draws the conduits between zones; returns the notes of one-sided wildcard conduits, as map labels. */
export function drawConduits(
  g: Selection<SVGGElement, unknown, null, undefined>,
  layout: PlantLayout,
  conduits: readonly BundleConduit[],
): WorldLabel[] {
  const defs = g.append('defs');
  defs
    .append('marker')
    .attr('id', 'conduit-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 9)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('markerUnits', 'userSpaceOnUse')
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('fill', THEME.conduit);

  const edges = new Map<string, Edge>();
  const zoneNotes = new Map<string, string[]>();
  for (const c of conduits) {
    const services = c.services === 'any' ? ['any service'] : c.services;
    if (c.from === '*' && c.to === '*') continue;
    if (c.from === '*' || c.to === '*') {
      const zone = c.from === '*' ? c.to : c.from;
      const text = c.from === '*' ? `← any zone: ${services.join(', ')}` : `→ any zone: ${services.join(', ')}`;
      zoneNotes.set(zone, [...(zoneNotes.get(zone) ?? []), text]);
      continue;
    }
    const from = layout.zoneById.get(c.from);
    const to = layout.zoneById.get(c.to);
    if (!from || !to) continue;
    const key = `${c.from}→${c.to}`;
    const e = edges.get(key) ?? { from, to, both: false, services: [] };
    e.both ||= c.bidirectional;
    e.services.push(...services);
    edges.set(key, e);
  }

  // Spread the ends of edges leaving or entering the same side of a zone.
  const ends = new Map<string, Edge[]>();
  const side = (z: ZoneBox, other: ZoneBox) => `${z.id}:${other.y > z.y ? 'bottom' : 'top'}`;
  for (const e of edges.values()) {
    for (const [z, o] of [
      [e.from, e.to],
      [e.to, e.from],
    ] as const) {
      const k = side(z, o);
      ends.set(k, [...(ends.get(k) ?? []), e]);
    }
  }
  const endX = (z: ZoneBox, o: ZoneBox, e: Edge) => {
    const list = ends
      .get(side(z, o))!
      .slice()
      .sort((a, b) => centre(other(a, z)) - centre(other(b, z)));
    const i = list.indexOf(e);
    return z.x + (z.w * (i + 1)) / (list.length + 1);
  };

  const path = (e: Edge) => {
    const a = e.from;
    const b = e.to;
    const ax = endX(a, b, e);
    const bx = endX(b, a, e);
    if (a.y === b.y) {
      const lift = 26 + Math.abs(ax - bx) * 0.08;
      return `M${ax},${a.y}C${ax},${a.y - lift} ${bx},${b.y - lift} ${bx},${b.y}`;
    }
    const ay = b.y > a.y ? a.y + a.h : a.y;
    const by = b.y > a.y ? b.y : b.y + b.h;
    const my = (ay + by) / 2;
    return `M${ax},${ay}C${ax},${my} ${bx},${my} ${bx},${by}`;
  };

  const items = g
    .selectAll('g.conduit')
    .data([...edges.values()])
    .join('g')
    .attr('class', 'conduit');
  items
    .append('title')
    .text((e) => `${e.from.id} ${e.both ? '↔' : '→'} ${e.to.id}: ${[...new Set(e.services)].join(', ')}`);
  items
    .append('path')
    .attr('class', 'conduit-hit')
    .attr('d', path)
    .attr('fill', 'none')
    .attr('stroke', 'transparent')
    .attr('stroke-width', 10);
  items
    .append('path')
    .attr('class', 'conduit-line')
    .attr('d', path)
    .attr('fill', 'none')
    .attr('stroke', THEME.conduit)
    .attr('stroke-opacity', 0.75)
    .attr('stroke-width', 1.6)
    .attr('vector-effect', 'non-scaling-stroke')
    .attr('marker-end', 'url(#conduit-arrow)')
    .attr('marker-start', (e) => (e.both ? 'url(#conduit-arrow)' : null));

  const labels: WorldLabel[] = [];
  for (const [zone, texts] of zoneNotes) {
    const z = layout.zoneById.get(zone);
    if (!z) continue;
    labels.push({
      key: `conduit-note:${zone}`,
      x: z.x + z.w / 2,
      y: z.y + z.h - layout.header / 2,
      text: texts.join('; '),
      color: THEME.conduit,
      size: 10,
      priority: 1,
      radius: 0,
    });
  }
  return labels;
}

const centre = (z: ZoneBox) => z.x + z.w / 2;
const other = (e: Edge, z: ZoneBox) => (e.from === z ? e.to : e.from);
