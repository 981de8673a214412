// An asset's story: what it is, how often it fell under each design, whether the representative
// run took it and when, and the static attack path to it.
import type { BundleDesign, ResultsBundle } from '../data/bundle.js';
import { clock, percent } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import { glyphOf } from '../map/glyphs.js';
import type { AssetPos } from '../map/layout.js';
import { compromiseIndex } from './replayState.js';

const esc = escapeXml;

export function assetTooltip(bundle: ResultsBundle, a: AssetPos, design?: BundleDesign): string {
  const spec = bundle.plant.assets[a.index]!;
  const zone = bundle.plant.zones.find((z) => z.id === spec.zone);
  const parts = [
    `<b>${esc(spec.id)}</b>${spec.name ? ` · ${esc(spec.name)}` : ''}`,
    `${esc(glyphOf(spec.kind).label)} · ${esc(zone?.name ?? spec.zone)} · L${spec.level}${spec.line ? ` · ${esc(spec.line)}` : ''}`,
  ];
  if (design) {
    const rate = design.summary.assetCompromiseRate[spec.id] ?? 0;
    const k = Math.round(rate * bundle.runs);
    parts.push(
      `${esc(design.id)}: fell in ${k} of ${bundle.runs} runs (${percent(rate)})${design.staticBlastRadius.assets.includes(spec.id) ? ' · in the static worst case' : ''}`,
    );
  }
  parts.push('<span class="muted">click for its story</span>');
  return parts.join('<br>');
}

export function renderStory(bundle: ResultsBundle, assetId: string, close: () => void): HTMLElement {
  const el = document.createElement('div');
  el.className = 'story-body';
  el.dataset.asset = assetId;
  const spec = bundle.plant.assets.find((a) => a.id === assetId);
  if (!spec) {
    el.textContent = `no asset ${assetId}`;
    return el;
  }
  const zone = bundle.plant.zones.find((z) => z.id === spec.zone);
  const line = spec.line === null ? null : bundle.plant.lines.find((l) => l.id === spec.line);
  const rows = bundle.designs.map((d) => {
    const rate = d.summary.assetCompromiseRate[spec.id] ?? 0;
    const k = Math.round(rate * bundle.runs);
    const run = d.representativeRun;
    const at = compromiseIndex(run).get(spec.id);
    const fell = at === undefined ? 'not taken' : `taken at ${clock(run.trace[at]!.t)}: ${esc(run.trace[at]!.detail)}`;
    const path = d.staticBlastRadius.paths[spec.id];
    const pathHtml = path
      ? `<ol class="path">${path
          .map(
            (s) =>
              `<li><code>${esc(s.from)}</code> → <code>${esc(s.to)}</code> ${esc(s.action)} via ${esc(s.means)} <span class="technique">[${esc(s.technique)}]</span></li>`,
          )
          .join('')}</ol>`
      : '<p class="muted">Not reachable in the static worst case.</p>';
    return `
      <section class="story-design" data-design="${esc(d.id)}">
        <h4>${esc(d.name ?? d.id)} <code>${esc(d.id)}</code></h4>
        <p><b data-testid="story-rate">${k} of ${bundle.runs} runs</b> compromised it (${percent(rate)}).
        Representative run (seed ${esc(String(run.seed))}): ${fell}.</p>
        ${replayHtml(bundle, d, spec.id, k)}
        <h5>Static attack path</h5>
        ${pathHtml}
      </section>`;
  });
  el.innerHTML = `
    <button type="button" class="close" aria-label="Close the story (Escape)" title="Close (Escape)">×</button>
    <h3>${esc(spec.id)}${spec.name ? ` <span class="muted">${esc(spec.name)}</span>` : ''}</h3>
    <p>${esc(glyphOf(spec.kind).label)} in <b>${esc(zone?.name ?? spec.zone)}</b> (L${spec.level})${
      line ? `, on the ${line.safetyCritical ? 'safety-critical ' : ''}line <b>${esc(line.name ?? line.id)}</b>` : ''
    }${spec.criticality === 'unrated' ? '' : `; the plant rates its criticality ${esc(spec.criticality)}`}${
      spec.dualHomed.length ? `; also in ${spec.dualHomed.map(esc).join(', ')}` : ''
    }.</p>
    ${rows.join('')}`;
  el.querySelector('.close')!.addEventListener('click', close);
  return el;
}

/** The first runs the asset fell in under a design (of `fell` in all), and the command that replays one of them. */
function replayHtml(bundle: ResultsBundle, d: BundleDesign, assetId: string, fell: number): string {
  const runs = d.fellIn?.[assetId] ?? []; // bundles written before fellIn existed have none
  if (runs.length === 0) return '';
  const seeds = runs.map((i) => `${bundle.seed}:${i}`);
  const command = `segsim run ${bundle.scenario.file} --design ${d.id} --attack ${bundle.attack.id} --seed ${seeds[0]}`;
  const more = runs.length < fell ? ' and others' : '';
  return `<p>It fell in the runs with seeds ${seeds.map((x) => `<code>${esc(x)}</code>`).join(', ')}${more}. Replay one:
        <code class="replay" data-testid="story-replay">${esc(command)}</code></p>`;
}
