// The replay's controls and legends as markup: design, transport, speed, scrub, clock, counters.
import type { BundleDesign } from '../data/bundle.js';
import { designLabel } from '../data/derive.js';
import { escapeXml } from '../map/assetLayers.js';
import { arcLegend, markerLegend, svgBox } from './legend.js';

export const PLAY_ICON =
  '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M1,0v12l10,-6z" fill="currentColor"/></svg>';
export const PAUSE_ICON =
  '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M1,0h4v12h-4zM7,0h4v12h-4z" fill="currentColor"/></svg>';

export function replayMarkup(
  designs: readonly BundleDesign[],
  selected: BundleDesign,
  speeds: readonly number[],
  speed: number,
): string {
  const options = designs
    .map(
      (d) =>
        `<option value="${escapeXml(d.id)}"${d === selected ? ' selected' : ''}>${escapeXml(designLabel(d))}</option>`,
    )
    .join('');
  const speedOptions = speeds
    .map((s) => `<option value="${s}"${s === speed ? ' selected' : ''}>${s} h/s</option>`)
    .join('');
  const arcs = arcLegend();
  const marks = markerLegend(['foothold', 'revoked', 'detected', 'worst']);
  return `
    <div class="toolbar replay-bar">
      <label>Design <select data-testid="replay-design">${options}</select></label>
      <div class="transport" role="group" aria-label="Replay controls">
        <button type="button" data-act="start" title="Back to the start (Home)" aria-label="Back to the start"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M1,0h2v12h-2zM13,0v12l-9,-6z" fill="currentColor"/></svg></button>
        <button type="button" data-act="back" title="Step back (←)" aria-label="Step back"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M12,0v12l-9,-6z" fill="currentColor"/></svg></button>
        <button type="button" data-act="play" class="play" title="Play / pause (space)" aria-label="Play" data-testid="replay-play"></button>
        <button type="button" data-act="fwd" title="Step forward (→)" aria-label="Step forward"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M2,0v12l9,-6z" fill="currentColor"/></svg></button>
        <button type="button" data-act="end" title="To the end (End)" aria-label="To the end"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M1,0v12l9,-6zM11,0h2v12h-2z" fill="currentColor"/></svg></button>
      </div>
      <label>Speed <select data-testid="replay-speed">${speedOptions}</select></label>
      <input type="range" class="scrub" min="0" value="0" step="1" aria-label="Scrub through the trace" data-testid="replay-scrub" />
      <span class="clock" data-testid="replay-clock"></span>
    </div>
    <div class="replay-legend">${svgBox(arcs.markup, arcs.width, 24)}${svgBox(marks.markup, marks.width, 24)}</div>
    <div class="replay-body">
      <div class="replay-stage">
        <div class="counters" data-testid="replay-counters"></div>
        <div class="replay-map"></div>
        <div class="caption" data-testid="replay-caption"></div>
      </div>
      <div class="replay-events">
        <div class="list-options">
          <label><input type="checkbox" data-opt="technician" /> technician events</label>
          <label><input type="checkbox" data-opt="worst" checked /> static worst case</label>
        </div>
        <div class="list-holder"></div>
      </div>
    </div>`;
}

/** A counter of the replay; `short` is the label a narrow stage shows instead (the full one stays as a tooltip). */
export function counter(key: string, n: number | string, label: string, color: string, short = label): string {
  const text =
    short === label
      ? escapeXml(label)
      : `<span class="long">${escapeXml(label)}</span><span class="short">${escapeXml(short)}</span>`;
  return `<div class="counter" title="${n} ${escapeXml(label)}"><span class="swatch" style="background:${color}"></span><span class="value" data-testid="replay-${key}">${n}</span><span class="label">${text}</span></div>`;
}
