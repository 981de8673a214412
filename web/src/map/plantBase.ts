// The static part of the plant map: Purdue bands, zone boxes with names that fit, conduits, and
// the level labels that stay pinned to the left edge of the screen.
import { select, type Selection, type ZoomTransform } from 'd3';
import type { BundleConduit } from '../data/bundle.js';
import { THEME } from '../colors.js';
import { drawConduits } from './conduits.js';
import type { BandBox, PlantLayout, ZoneBox } from './layout.js';

export type BandLabels = Selection<SVGGElement, BandBox, SVGGElement, unknown>;

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
    .attr('fill', (_d, i) => (i % 2 ? THEME.bandAlt : THEME.band));
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
  zones
    .append('text')
    .attr('class', 'zone-label')
    .attr('x', (d) => d.x + 8)
    .attr('y', (d) => d.y + 16)
    .attr('fill', THEME.text)
    .text((d) => zoneName(d));
  drawConduits(g.append('g').attr('class', 'conduits'), layout, conduits);
}

const zoneName = (d: ZoneBox) => (d.microSegmented ? `${d.label} · micro-segmented` : d.label);

/** Level labels in screen space, outside the zoomed group. */
export function drawBandLabels(overlay: SVGSVGElement, layout: PlantLayout): BandLabels {
  const labels = select(overlay)
    .append('g')
    .attr('class', 'band-labels')
    .selectAll<SVGGElement, BandBox>('g')
    .data(layout.bands)
    .join('g');
  labels
    .append('text')
    .attr('class', 'band-level')
    .attr('font-size', 12)
    .attr('font-weight', 600)
    .attr('fill', THEME.text)
    .text((d) => (d.key === 'remote' ? 'Remote' : d.key));
  labels
    .append('text')
    .attr('class', 'band-name')
    .attr('y', 13)
    .attr('font-size', 10)
    .attr('fill', THEME.muted)
    .text((d) => (d.key === 'remote' ? 'internet side' : d.label.replace(/^L[\d.]+ /, '')));
  return labels;
}

/** Keeps names readable at any zoom: zone names shrink to their box, level labels follow their band. */
export function placeLabels(view: SVGGElement, bandLabels: BandLabels, t: ZoomTransform): void {
  const k = t.k;
  const px = Math.max(11, 11 * k);
  select(view)
    .selectAll<SVGTextElement, ZoneBox>('text.zone-label')
    .attr('font-size', px / k)
    .each(function (d) {
      const full = zoneName(d);
      const fits = Math.floor((d.w * k - 14) / (px * 0.56));
      this.textContent = fits >= full.length ? full : fits >= 4 ? `${full.slice(0, fits - 1)}…` : '';
    });
  const x = Math.max(6, t.x + 6);
  bandLabels
    // Sticky: a band scrolled partly off the top keeps its label on screen.
    .attr('transform', (d) => `translate(${x},${Math.min(Math.max(t.y + d.y * k + 17, 17), t.y + (d.y + d.h) * k - 20)})`)
    .attr('visibility', (d) => (d.h * k < 16 ? 'hidden' : 'visible'))
    .select('text.band-name')
    .attr('visibility', (d) => (d.h * k < 34 ? 'hidden' : 'visible'));
}
