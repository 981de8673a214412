// The fixes that matter for one design under one attack: the single changes that shrink its static
// worst case most, each with the worst case before and after (computed by segsim report).
import type { AttackSection, BundleDesign, Fix, ResultsBundle } from '../data/bundle.js';
import { escapeXml } from '../map/assetLayers.js';

const esc = escapeXml;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function effect(f: Fix): string {
  const part = (a: number, b: number, what: string) => (a === b ? null : `${a} → ${b} ${what}`);
  return [
    part(f.before.plcs, f.after.plcs, 'PLCs'),
    part(f.before.assets, f.after.assets, 'assets'),
    part(f.before.lines, f.after.lines, 'lines'),
  ]
    .filter((x) => x !== null)
    .join(' · ');
}

export function fixesHtml(full: ResultsBundle, section: AttackSection, d: BundleDesign): string {
  const w = d.staticBlastRadius;
  const title = `<h3>Fixes that matter <span class="muted">for <b>${esc(d.name ?? d.id)}</b> under <b>${esc(section.attack.name ?? section.attack.id)}</b></span></h3>`;
  const before = `Worst case today: ${plural(w.assets.length, 'asset')}, ${plural(w.plcs.length, 'PLC')}, ${plural(w.lines.length, 'line')}.`;
  if (w.assets.length === 0) return `${title}<p>${before} Nothing is reachable under this design: nothing to fix.</p>`;
  if (d.fixes === undefined)
    return `${title}<p>${before} This bundle carries no fixes: <code>segsim report</code> adds them, <code>segsim reach ${esc(full.scenario.file)} -d ${esc(d.id)} -a ${esc(section.attack.id)} --fixes</code> lists them.</p>`;
  if (d.fixes.length === 0) return `${title}<p>${before} No single change shrinks it: it takes several.</p>`;
  const items = d.fixes.map((f) => {
    const share = w.assets.length === 0 ? 0 : 1 - f.after.assets / w.assets.length;
    return `<li data-kind="${esc(f.kind)}"><span class="change">${esc(f.change)}</span>
      <span class="effect">${esc(effect(f))}</span>
      <span class="bar" aria-hidden="true"><span style="width:${Math.round(share * 100)}%"></span></span></li>`;
  });
  return `${title}<p class="muted">${before} Each change below is one edit to the scenario, re-run through the static analysis; best first.</p><ol class="fix-list">${items.join('')}</ol>`;
}
