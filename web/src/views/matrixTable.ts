// The overview's matrix: one row per attack with the scenario's description of it and the way to
// its views, one column per design; each cell P(PLC reached), the static worst case and the mean
// loss. Where a design does better than the one that does best overall, the cell says so.
import { heat } from '../colors.js';
import type { AttackSection, ResultsBundle } from '../data/bundle.js';
import { designShort } from '../data/sections.js';
import { money, percent } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import { series } from './charts.js';

const esc = escapeXml;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The design with the lowest mean P(PLC reached) over the attacks (the first of equals), as the matrix paragraph names it. */
export function bestOverall(sections: readonly AttackSection[]): string {
  const ids = sections[0]!.designs.map((d) => d.id);
  const mean = (id: string) =>
    sections.reduce((s, x) => s + (x.designs.find((d) => d.id === id)?.summary.plcReachedProbability ?? 0), 0);
  return ids.reduce((b, id) => (mean(id) < mean(b) ? id : b));
}

export function matrixHtml(full: ResultsBundle, sections: readonly AttackSection[]): string {
  const designs = full.designs;
  const best = bestOverall(sections);
  const multi = designs.length > 1;
  const head = designs
    .map(
      (d, i) =>
        `<th scope="col" title="${esc(d.name ?? d.id)}"><span class="swatch" style="background:${series(i).color}"></span><span class="design-name">${esc(designShort(d))}</span> <code>${esc(d.id)}</code></th>`,
    )
    .join('');
  const rows = sections.map((s) => {
    const bestHere = s.designs.find((d) => d.id === best)?.summary.plcReachedProbability ?? 0;
    const cells = designs.map((col) => {
      const d = s.designs.find((x) => x.id === col.id);
      if (d === undefined) return '<td class="muted">–</td>';
      const p = d.summary.plcReachedProbability;
      const w = d.staticBlastRadius;
      const better = multi && d.id !== best && p < bestHere;
      const worse = multi && d.id === best && s.designs.some((x) => x.summary.plcReachedProbability < p);
      const note = better
        ? `<span class="badge better">better than ${esc(best)} here</span>`
        : worse
          ? `<span class="badge worse">not the best here</span>`
          : '';
      return `<td><button type="button" class="cell" data-attack="${esc(s.attack.id)}" data-design="${esc(d.id)}" aria-pressed="false" aria-label="${esc(`${d.id} under ${s.attack.id}: show its fixes`)}">
        <span class="p" data-testid="cell-plc">${percent(p)}</span> <span class="unit">of runs reach a PLC</span>
        <span class="bar" aria-hidden="true"><span style="width:${Math.max(p * 100, p > 0 ? 2 : 0)}%;background:${heat(p)}"></span></span>
        <span class="worst">worst case: ${plural(w.assets.length, 'asset')}, ${plural(w.plcs.length, 'PLC')}</span>
        <span class="loss" data-testid="cell-loss">${esc(money(d.summary.productionLoss.mean, full.scenario.currency))} mean loss</span>${note}</button></td>`;
    });
    const a = s.attack;
    const go = (tab: string, label: string) =>
      `<button type="button" data-go="${tab}" data-attack="${esc(a.id)}">${label}</button>`;
    return `<tr data-attack="${esc(a.id)}"><th scope="row">
        <div class="attack-name">${esc(a.name ?? a.id)}</div><code>${esc(a.id)}</code>
        ${a.description ? `<p class="attack-desc">${esc(a.description)}</p>` : ''}
        <div class="go">${go('compare', 'Side by side')}${go('replay', 'Replay')}${go('distributions', 'Distributions')}</div>
      </th>${cells.join('')}</tr>`;
  });
  return `<table class="matrix" data-testid="matrix" style="--designs:${designs.length}">
    <caption>Every design under every attack: the share of runs in which a PLC fell, the static worst case (everything reachable, ignoring probability, timing and detection) and the mean production loss</caption>
    <thead><tr><th scope="col">Attack</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
