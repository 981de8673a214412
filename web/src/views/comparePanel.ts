// One design's panel head in the side by side: its name (whole, wrapping), its description, what
// its conduits leave open, four headline figures each with its explanation on demand, its best fix.
import type { BundleDesign, ResultsBundle } from '../data/bundle.js';
import { headline } from '../data/derive.js';
import { explain, type StatKey } from '../data/explain.js';
import { hours, money, number, percent } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';

const esc = escapeXml;

function stat(bundle: ResultsBundle, d: BundleDesign, key: StatKey, value: string, label: string): string {
  const e = explain(key, d, bundle);
  const id = `explain-${d.id}-${key}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return `<div class="stat">
      <span class="value" data-stat="${key}">${esc(value)}</span>
      <span class="label"><span class="label-text">${esc(label)}</span>
        <button type="button" class="info" aria-expanded="false" aria-controls="${id}" title="What this figure is">?</button></span>
      <div class="explain" id="${id}" role="note" hidden><b>${esc(e.title)}</b> ${esc(e.definition)}<br>Over ${esc(e.runs)}.${e.interval ? `<br>${esc(e.interval)}.` : ''}</div>
    </div>`;
}

export function panelHtml(bundle: ResultsBundle, d: BundleDesign, flat: string | null): string {
  const h = headline(d);
  const first = h.medianTimeToFirstPlc === null ? 'never' : hours(h.medianTimeToFirstPlc);
  const fix = d.fixes?.[0];
  const w = d.staticBlastRadius;
  const topFix =
    fix === undefined
      ? ''
      : `<p class="top-fix" data-testid="top-fix"><span class="muted">Best single fix:</span> ${esc(fix.change)} <span class="muted">(worst case ${fix.before.plcs} → ${fix.after.plcs} PLCs, ${fix.before.assets} → ${fix.after.assets} assets)</span></p>`;
  return `
    <h2><span class="swatch"></span><span class="design-name">${esc(d.name ?? d.id)}</span> <code>${esc(d.id)}</code></h2>
    ${d.description ? `<p class="design-desc">${esc(d.description)}</p><button type="button" class="more" data-more>more</button>` : ''}
    ${flat ? `<p class="flat-note">${esc(flat)}</p>` : ''}
    <div class="headline">
      ${stat(bundle, d, 'plc', percent(h.plcReached), 'P(PLC reached)')}
      ${stat(bundle, d, 'compromised', number(h.medianCompromised), 'median compromised assets')}
      ${stat(bundle, d, 'first-plc', first, h.medianTimeToFirstPlc === null ? 'time to first PLC' : `median time to first PLC (${percent(h.plcRunsShare)} of runs)`)}
      ${stat(bundle, d, 'loss', money(h.productionLossMean, bundle.scenario.currency), 'production loss, mean')}
    </div>
    <p class="worst-line"><span class="muted">Static worst case:</span> ${w.assets.length} assets, ${w.plcs.length} PLCs, ${w.lines.length} lines</p>
    ${topFix}
    <div class="map-area"><div class="map-holder"></div></div>`;
}
