// The static part of the plant map: Purdue bands, zone boxes, conduits; and the level labels in a
// column pinned to the left edge of the screen (zone names are map labels, see mapLabels.ts).
import { select, type Selection, type ZoomTransform } from 'd3';
import type { BundleConduit } from '../data/bundle.js';
import { THEME } from '../colors.js';
import { drawConduits } from './conduits.js';
import type { BandBox, PlantLayout } from './layout.js';
import type { WorldLabel } from './mapLabels.js';

export type BandLabels = Selection<SVGGElement, BandBox, SVGGElement, unknown>;

const WIDE_COLUMN = 120;
const NARROW_COLUMN = 66;
/** Baseline of a level label below its band's top, and the room its band name takes below it. */
const LEVEL_PX = 15;
const NAME_PX = 17;

const bandFill = (i: number) => (i % 2 ? THEME.bandAlt : THEME.band);

/** Bands, zones and conduits; returns the conduit notes to show as map labels. */
export function drawBase(view: SVGGElement, layout: PlantLayout, conduits: readonly BundleConduit[]): WorldLabel[] {
  const g = select(view);
  g.append('g')
    .attr('class', 'bands')
    .selectAll('rect')
    .data(layout.bands)
    .join('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h)
    .attr('fill', (_d, i) => bandFill(i));
  const zones = g
    .append('g')
    .attr('class', 'zones')
    .selectAll('g')
    .data(layout.zones)
    .join('g')
    .attr('data-zone', (d) => d.id);
  zones
    .append('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.w)
    .attr('height', (d) => d.h)
    .attr('rx', 6)
    .attr('fill', THEME.zone)
    .attr('stroke', THEME.zoneStroke)
    .attr('stroke-dasharray', (d) => (d.microSegmented ? '5 3' : null));
  return drawConduits(g.append('g').attr('class', 'conduits'), layout, conduits);
}

/** Screen width of the level label column for a map `width` px wide; the plant is fitted to its right. */
export function labelColumn(width: number): number {
  return width >= 560 ? WIDE_COLUMN : NARROW_COLUMN;
}

/** Level labels in screen space, outside the zoomed group: one cell per band, its full name as a tooltip. */
export function drawBandLabels(overlay: SVGSVGElement, layout: PlantLayout): BandLabels {
  const labels = select(overlay)
    .append('g')
    .attr('class', 'band-labels')
    .selectAll<SVGGElement, BandBox>('g')
    .data(layout.bands)
    .join('g')
    .attr('data-band', (d) => d.key);
  // Bottom band first in the document: a level pushed down into the next band is drawn over its cell.
  labels.lower();
  labels.append('title').text((d) => d.label);
  labels.append('rect').attr('fill', (_d, i) => bandFill(i));
  labels
    .append('text')
    .attr('class', 'band-level')
    .attr('x', 8)
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .text((d) => (d.key === 'remote' ? 'Remote' : d.key));
  labels
    .append('text')
    .attr('class', 'band-name')
    .attr('x', 8)
    .attr('font-size', 10)
    .attr('fill', THEME.muted)
    .text((d) => (d.key === 'remote' ? 'internet side' : d.label.replace(/^L[\d.]+ /, '')));
  return labels;
}

/**
 * The label column follows the plant's left edge and sticks to the screen's. Each band's level
 * stays in view: where bands are too thin for their labels, the labels stack downwards instead of
 * disappearing; a band's name shows only where its band has room for it.
 */
/** Screen x of the level column's right edge: the plant's left edge, or the column's width when the plant is scrolled under it. */
export function columnEdge(t: ZoomTransform, column: number): number {
  return Math.max(column, t.x);
}

export function placeBandLabels(labels: BandLabels, t: ZoomTransform, column: number, height: number): void {
  const left = columnEdge(t, column) - column;
  const wide = column >= WIDE_COLUMN;
  let bottom = 0;
  const spots = new Map<BandBox, { y: number; name: boolean; shown: boolean }>();
  for (const d of labels.data()) {
    const top = t.y + d.y * t.k;
    const h = d.h * t.k;
    const want = Math.max(top, 0) + LEVEL_PX;
    const y = Math.max(want, bottom + LEVEL_PX);
    const name = wide && y === want && Math.min(top + h, height) - y >= NAME_PX;
    const shown = top + h > 0 && y <= height - 2;
    if (shown) bottom = y + (name ? NAME_PX : 3);
    spots.set(d, { y, name, shown });
  }
  labels.attr('transform', (d) => `translate(${left},${t.y + d.y * t.k})`);
  labels
    .select('rect')
    .attr('width', column)
    .attr('height', (d) => d.h * t.k);
  const local = (d: BandBox) => spots.get(d)!.y - (t.y + d.y * t.k);
  labels
    .select('text.band-level')
    .attr('y', local)
    .attr('visibility', (d) => (spots.get(d)!.shown ? 'visible' : 'hidden'));
  labels
    .select('text.band-name')
    .attr('y', (d) => local(d) + 13)
    .attr('visibility', (d) => (spots.get(d)!.shown && spots.get(d)!.name ? 'visible' : 'hidden'));
}
