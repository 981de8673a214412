// Overlay marks in world coordinates: remote footholds and the entry point, connection arcs, paths.
import type { Selection } from 'd3';
import { EVENT, THEME } from '../colors.js';
import type { PathStep } from '../data/bundle.js';
import type { Arc } from '../views/replayState.js';
import type { PlantLayout } from './layout.js';
import type { WorldLabel } from './mapLabels.js';

type G = Selection<SVGGElement, unknown, null, undefined>;
type Pos = (name: string) => { x: number; y: number } | undefined;

export interface RemoteStatus {
  entry: ReadonlySet<string>;
  /** Remote footholds the attacker holds (live) or lost (revoked); others are drawn dim. */
  state?: ReadonlyMap<string, 'live' | 'revoked'>;
  /** Label under the attacker node, e.g. why there is no entry. */
  note?: string;
  /** Remote footholds worth naming (the others are drawn dim, named in their tooltip); default all. */
  named?: ReadonlySet<string>;
}

/** Draws the remote side; returns its names as map labels. */
export function drawRemote(g: G, layout: PlantLayout, status: RemoteStatus): WorldLabel[] {
  const labels: WorldLabel[] = [];
  g.selectAll('g.remote').remove();
  const layer = g.append('g').attr('class', 'remote');
  for (const [name, p] of layout.remote) {
    const node = layer.append('g').attr('transform', `translate(${p.x},${p.y})`).attr('data-remote', name);
    node.append('title').text(name);
    const attacker = name === 'attacker';
    const state = status.state?.get(name);
    const entry = status.entry.has(name);
    if (entry)
      node.append('circle').attr('r', 17).attr('fill', 'none').attr('stroke', EVENT.entry).attr('stroke-width', 2.6);
    node
      .append('rect')
      .attr('x', -11)
      .attr('y', -11)
      .attr('width', 22)
      .attr('height', 22)
      .attr('rx', attacker ? 11 : 4)
      .attr(
        'fill',
        attacker ? '#5b1d1d' : state === 'live' || (entry && status.state === undefined) ? '#fde725' : '#4b5a6c',
      )
      .attr('stroke', attacker ? '#D55E00' : '#0b0f14')
      .attr('stroke-width', 1.2);
    if (state === 'revoked')
      node.append('path').attr('d', 'M-13,-13L13,13M13,-13L-13,13').attr('stroke', '#8a96a3').attr('stroke-width', 2);
    if (!attacker && !entry && !state && status.named !== undefined && !status.named.has(name)) continue;
    labels.push({
      key: `remote:${name}`,
      x: p.x,
      y: p.y,
      text: entry ? `${name} · entry` : name,
      color: THEME.text,
      size: 12,
      priority: entry ? 3 : 2,
      radius: 15,
    });
    if (attacker && status.note)
      labels.push({
        key: 'remote:note',
        x: p.x,
        y: p.y,
        text: status.note,
        color: THEME.muted,
        size: 11,
        priority: 1,
        radius: 15,
        prefer: 'right',
        must: false,
      });
  }
  return labels;
}

const ARC_COLOR: Record<Arc['kind'], string> = { success: EVENT.success, failure: EVENT.failure, denied: EVENT.denied };
const ARC_DASH: Record<Arc['kind'], string | null> = { success: null, failure: '2 4', denied: '7 4' };

/** A gentle arc from a to b; `trim` stops short of b (room for an arrowhead outside the glyph). */
function curve(a: { x: number; y: number }, to: { x: number; y: number }, trim = 0): string {
  const len0 = Math.hypot(to.x - a.x, to.y - a.y) || 1;
  const b = { x: to.x - ((to.x - a.x) / len0) * trim, y: to.y - ((to.y - a.y) / len0) * trim };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const bend = Math.min(80, len * 0.25);
  const mx = (a.x + b.x) / 2 - (dy / len) * bend;
  const my = (a.y + b.y) / 2 + (dx / len) * bend;
  return `M${a.x},${a.y}Q${mx},${my} ${b.x},${b.y}`;
}

/** The middle of curve(a, b): where a hop's label goes. */
function curveMiddle(a: { x: number; y: number }, b: { x: number; y: number }): { x: number; y: number } {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  const bend = Math.min(80, len * 0.25);
  return { x: (a.x + b.x) / 2 - (dy / len) * bend * 0.5, y: (a.y + b.y) / 2 + (dx / len) * bend * 0.5 };
}

export function drawArcs(g: G, arcs: readonly Arc[], pos: Pos): void {
  g.selectAll('g.arcs').remove();
  const layer = g.append('g').attr('class', 'arcs');
  for (const arc of arcs) {
    const a = pos(arc.source);
    const b = pos(arc.target);
    if (!a || !b) continue;
    const opacity = Math.max(0.18, 1 - arc.age * 0.17);
    layer
      .append('path')
      .attr('d', curve(a, b))
      .attr('fill', 'none')
      .attr('stroke', ARC_COLOR[arc.kind])
      .attr('stroke-width', arc.age === 0 ? 3 : 1.8)
      .attr('stroke-dasharray', ARC_DASH[arc.kind])
      .attr('stroke-opacity', opacity)
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('data-arc', arc.kind);
    if (arc.kind === 'denied') {
      // A bar across the end: the connection stopped at the target.
      layer
        .append('path')
        .attr('d', `M${b.x - 9},${b.y - 9}L${b.x + 9},${b.y + 9}M${b.x + 9},${b.y - 9}L${b.x - 9},${b.y + 9}`)
        .attr('stroke', EVENT.denied)
        .attr('stroke-width', 3)
        .attr('stroke-opacity', opacity);
    }
  }
}

/** A static attack path: hops as arrows; returns each hop's technique as a map label at its middle. */
export function drawPath(g: G, steps: readonly PathStep[], pos: Pos): WorldLabel[] {
  const labels: WorldLabel[] = [];
  g.selectAll('g.attack-path').remove();
  const layer = g.append('g').attr('class', 'attack-path');
  layer
    .append('defs')
    .append('marker')
    .attr('id', 'path-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 10)
    .attr('refY', 5)
    .attr('markerWidth', 5)
    .attr('markerHeight', 5)
    .attr('orient', 'auto')
    .append('path')
    .attr('d', 'M0,0L10,5L0,10z')
    .attr('fill', '#56B4E9');
  for (const s of steps) {
    if (s.from === s.to) continue; // a harvest on the host itself: no arc to draw
    const a = pos(s.from);
    const b = pos(s.to);
    if (!a || !b) continue;
    layer
      .append('path')
      .attr('d', curve(a, b, 17))
      .attr('fill', 'none')
      .attr('stroke', '#56B4E9')
      .attr('stroke-width', 2.6)
      .attr('stroke-opacity', 0.95)
      .attr('vector-effect', 'non-scaling-stroke')
      .attr('marker-end', 'url(#path-arrow)');
    const mid = curveMiddle(a, b);
    labels.push({
      key: `path:${labels.length}`,
      x: mid.x,
      y: mid.y,
      text: s.technique,
      color: '#56B4E9',
      bold: true,
      size: 11,
      priority: 4,
      radius: 2,
      prefer: 'right',
    });
  }
  return labels;
}

export function clearPath(g: G): void {
  g.selectAll('g.attack-path').remove();
}

/** Lines that are down: their zones outlined and shaded in the detection colour; returns one label per line. */
export function drawLinesDown(
  g: G,
  layout: PlantLayout,
  plant: { lines: readonly { id: string; name: string | null; short?: string }[] },
  down: readonly string[],
): WorldLabel[] {
  g.selectAll('g.lines-down').remove();
  const layer = g.insert('g', ':first-child').attr('class', 'lines-down');
  const labels: WorldLabel[] = [];
  for (const id of down) {
    const zones = layout.zones.filter((z) => z.line === id);
    if (zones.length === 0) continue;
    for (const z of zones)
      layer
        .append('rect')
        .attr('x', z.x - 3)
        .attr('y', z.y - 3)
        .attr('width', z.w + 6)
        .attr('height', z.h + 6)
        .attr('rx', 8)
        .attr('fill', EVENT.detect)
        .attr('fill-opacity', 0.14)
        .attr('stroke', EVENT.detect)
        .attr('stroke-width', 2.5)
        .attr('vector-effect', 'non-scaling-stroke')
        .attr('data-line-down', id);
    const line = plant.lines.find((l) => l.id === id);
    const bottom = zones.reduce((a, b) => (b.y + b.h > a.y + a.h ? b : a));
    labels.push({
      key: `line-down:${id}`,
      x: bottom.x + bottom.w / 2,
      y: bottom.y + bottom.h - 16,
      text: `${line?.short ?? line?.name ?? id} down`,
      color: EVENT.detect,
      bold: true,
      size: 11,
      priority: 5,
      radius: 0,
    });
  }
  return labels;
}
