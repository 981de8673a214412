// The static part of the plant map: Purdue bands, zone boxes, conduits; and its labels: zone names
// that fit their box, level labels in a column pinned to the left edge of the screen.
import { select, type Selection, type ZoomTransform } from 'd3';
import type { BundleConduit } from '../data/bundle.js';
import { THEME } from '../colors.js';
import { drawConduits } from './conduits.js';
import type { BandBox, PlantLayout, ZoneBox } from './layout.js';

export type BandLabels = Selection<SVGGElement, BandBox, SVGGElement, unknown>;
export type ZoneLabels = Selection<SVGTextElement, ZoneBox, SVGGElement, unknown>;

/** Screen width of the level label column; the plant is fitted to its right. */
export const LABEL_COLUMN = 120;
/** Band heights on screen that hold a level and its name, or the level alone. */
const FULL_LABEL_PX = 32;
const LEVEL_LABEL_PX = 15;
/** Fewer characters than this say too little to be worth covering cells with. */
const MIN_ZONE_CHARS = 8;

const bandFill = (i: number) => (i % 2 ? THEME.bandAlt : THEME.band);

export function drawBase(view: SVGGElement, layout: PlantLayout, conduits: readonly BundleConduit[]): void {
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
  drawConduits(g.append('g').attr('class', 'conduits'), layout, conduits);
}

const zoneName = (d: ZoneBox) => (d.microSegmented ? `${d.label} · micro-segmented` : d.label);

/** Zone names in world space, drawn above the assets with a halo so they read over the cells. */
export function drawZoneLabels(parent: SVGGElement, layout: PlantLayout): ZoneLabels {
  return select(parent)
    .append('g')
    .attr('class', 'zone-labels')
    .selectAll<SVGTextElement, ZoneBox>('text')
    .data(layout.zones)
    .join('text')
    .attr('class', 'zone-label')
    .attr('data-zone', (d) => d.id)
    .attr('fill', THEME.text)
    .attr('stroke', THEME.zone)
    .attr('paint-order', 'stroke')
    .attr('stroke-linejoin', 'round');
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
  labels.append('title').text((d) => d.label);
  labels
    .append('rect')
    .attr('width', LABEL_COLUMN)
    .attr('fill', (_d, i) => bandFill(i));
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

/** Keeps names readable at any zoom: below 1:1 zone names keep their screen size and show only where they fit. */
export function placeZoneLabels(labels: ZoneLabels, k: number): void {
  const s = Math.max(1, 1 / k);
  const px = 11 * s * k;
  labels
    .attr('x', (d) => d.x + 8 * s)
    .attr('y', (d) => d.y + 15 * s)
    .attr('font-size', 11 * s)
    .attr('stroke-width', 3 * s)
    .each(function (d) {
      const full = zoneName(d);
      const fits = d.h >= 20 * s ? Math.floor((d.w * k - 14) / (px * 0.56)) : 0;
      this.textContent = fits >= full.length ? full : fits >= MIN_ZONE_CHARS ? `${full.slice(0, fits - 1)}…` : '';
    });
}

/**
 * The label column follows the plant's left edge and sticks to the screen's; each label stays inside its
 * band (sticky when the band is scrolled partly off the top) and is left out of bands too thin for it.
 */
export function placeBandLabels(labels: BandLabels, t: ZoomTransform): void {
  const left = Math.max(0, t.x - LABEL_COLUMN);
  const top = (d: BandBox) => t.y + d.y * t.k;
  const height = (d: BandBox) => d.h * t.k;
  const full = (d: BandBox) => height(d) >= FULL_LABEL_PX;
  const baseline = (d: BandBox) => Math.min(Math.max(17, 17 - top(d)), height(d) - (full(d) ? 18 : 3.5));
  labels.attr('transform', (d) => `translate(${left},${top(d)})`);
  labels.select('rect').attr('height', height);
  labels
    .select('text.band-level')
    .attr('y', baseline)
    .attr('visibility', (d) => (height(d) >= LEVEL_LABEL_PX ? 'visible' : 'hidden'));
  labels
    .select('text.band-name')
    .attr('y', (d) => baseline(d) + 14)
    .attr('visibility', (d) => (full(d) ? 'visible' : 'hidden'));
}
