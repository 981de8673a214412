// Pieces of an exported view: page elements copied into one SVG at their on-screen positions.
import { THEME } from '../colors.js';
import type { PlantMap } from '../map/PlantMap.js';

/** An inline SVG element (a legend, a chart) placed where it is on screen. */
export function placedSvg(svg: Element, origin: DOMRect): string {
  const r = svg.getBoundingClientRect();
  return `<g transform="translate(${r.left - origin.left},${r.top - origin.top})">${svg.innerHTML}</g>`;
}

/** A map's current view, clipped to its frame, placed at `at` relative to `origin`. */
export function placedMap(map: PlantMap, at: DOMRect, origin: DOMRect, id: string): string {
  const { markup, width, height } = map.toSvgMarkup();
  return (
    `<g transform="translate(${at.left - origin.left},${at.top - origin.top})"><clipPath id="${id}"><rect width="${width}" height="${height}"/></clipPath>` +
    `<rect width="${width}" height="${height}" fill="${THEME.background}"/><g clip-path="url(#${id})">${markup}</g></g>`
  );
}
