// The replay's words and picture outside the page: the caption of an event, the counters as one
// line, the current frame as one SVG document.
import { eventFacts } from '../../../sim/contract/eventFacts.js';
import { THEME } from '../colors.js';
import type { ResultsBundle, TraceEvent } from '../data/bundle.js';
import { clock } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import type { PlantMap } from '../map/PlantMap.js';
import { placedMap, placedSvg } from './exportParts.js';
import { exportTitle, svgDocument } from './legend.js';
import type { ReplayFrame } from './replayState.js';

export function caption(e: TraceEvent): string {
  const f = eventFacts(e);
  return `<span class="t">${clock(e.t)}</span> <span class="pill outcome-${f.outcome}">${escapeXml(f.outcome)}</span> ${f.technique ? `<b>${escapeXml(f.technique)}</b> ` : ''}${escapeXml(e.detail)}${f.mitigation ? ` <span class="muted">[stopped by ${escapeXml(f.mitigation)}]</span>` : ''}`;
}

export function countsLine(f: ReplayFrame, counters: HTMLElement): string {
  const loss = counters.querySelector('[data-testid=replay-loss]')?.textContent ?? '';
  return `${loss} lost · compromised ${f.compromised.size} · attempts ${f.attempts} · denied ${f.denied} · detections ${f.detections} · revocations ${f.revocations} · lines down ${f.linesDown}`;
}

export function replaySvg(
  element: HTMLElement,
  mapHolder: HTMLElement,
  map: PlantMap | null,
  bundle: ResultsBundle,
  title: string,
  counts: string,
): string {
  const origin = element.getBoundingClientRect();
  const stage = element.querySelector('.replay-stage')!.getBoundingClientRect();
  const holder = mapHolder.getBoundingClientRect();
  const parts: string[] = [
    exportTitle(`${bundle.scenario.name ?? bundle.scenario.file} · ${bundle.attack.name ?? bundle.attack.id} · replay`),
  ];
  let right = holder.right - origin.left + 8;
  for (const svg of Array.from(element.querySelectorAll('.replay-legend svg'))) {
    parts.push(placedSvg(svg, origin));
    right = Math.max(right, svg.getBoundingClientRect().right - origin.left);
  }
  const x = stage.left - origin.left + 4;
  parts.push(
    `<text x="${x}" y="${stage.top - origin.top + 16}" font-size="13" fill="${THEME.text}">${escapeXml(title)}</text>`,
    `<text x="${x}" y="${stage.top - origin.top + 34}" font-size="12" fill="${THEME.muted}">${escapeXml(counts)}</text>`,
  );
  if (map) parts.push(placedMap(map, holder, origin, 'clip-replay'));
  return svgDocument(right, holder.bottom - origin.top + 8, parts.join(''));
}
