// The report on paper (`#print`, and what `segsim report --pdf` prints): a one-page executive
// summary (the verdict, every design under every attack with its loss, the best fix per design),
// then an appendix with a page per attack: its story, each design's maps or line tiles and fixes.
import type { AppContext, View } from './context.js';
import type { AttackSection, BundleDesign, Fix } from '../data/bundle.js';
import { conduitsOf, entryPoints } from '../data/derive.js';
import { attackSections, bundleForAttack } from '../data/sections.js';
import { money, percent } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import { drawRemote } from '../map/overlay.js';
import { CANVAS_THRESHOLD, PlantMap } from '../map/PlantMap.js';
import { series } from './charts.js';
import { stylesFor } from './compareView.js';
import { fixesHtml } from './fixesList.js';
import { tilesFor, tilesHtml } from './lineTiles.js';

const esc = escapeXml;

export class PrintView implements View {
  readonly element: HTMLElement;
  private readonly maps: PlantMap[] = [];

  constructor(private readonly ctx: AppContext) {
    const { full } = ctx;
    const sections = attackSections(full);
    this.element = document.createElement('section');
    this.element.className = 'view print-view';
    this.element.dataset.testid = 'print-view';
    this.element.innerHTML = `${summaryHtml(ctx, sections)}${sections.map((s, i) => appendixHtml(ctx, s, i)).join('')}`;
    if (ctx.layout.assets.length <= CANVAS_THRESHOLD) this.drawMaps(sections);
    // Two frames: the maps fit themselves, then draw.
    document.body.dataset.printReady = 'false';
    requestAnimationFrame(() => requestAnimationFrame(() => (document.body.dataset.printReady = 'true')));
  }

  private drawMaps(sections: readonly AttackSection[]): void {
    for (const s of sections) {
      const bundle = bundleForAttack(this.ctx.full, s.attack.id);
      for (const d of s.designs) {
        const holder = this.element.querySelector<HTMLElement>(
          `.appendix[data-attack="${CSS.escape(s.attack.id)}"] .print-map[data-design="${CSS.escape(d.id)}"]`,
        );
        if (holder === null) continue;
        holder.style.aspectRatio = `${this.ctx.layout.width + 60} / ${this.ctx.layout.height}`;
        const map = new PlantMap(holder, {
          layout: this.ctx.layout,
          conduits: conduitsOf(bundle, d),
          controllers: this.ctx.controllers,
        });
        map.setStyles(stylesFor(d, this.ctx.layout.assets));
        const entry = new Set(entryPoints(d));
        const named = new Set(Object.values(d.staticBlastRadius.paths).flatMap((path) => path.map((x) => x.from)));
        map.setLabels('remote', drawRemote(map.overlaySelection(), this.ctx.layout, { entry, named }));
        map.preferLabels(entry);
        this.maps.push(map);
      }
    }
  }

  toSvg(): string {
    return '';
  }

  destroy(): void {
    for (const m of this.maps) m.destroy();
    this.element.remove();
  }
}

function summaryHtml(ctx: AppContext, sections: readonly AttackSection[]): string {
  const { full } = ctx;
  const currency = full.scenario.currency;
  const head = full.designs
    .map(
      (d, i) =>
        `<th scope="col"><span class="swatch" style="background:${series(i).color}"></span>${esc(d.name ?? d.id)} <code>${esc(d.id)}</code></th>`,
    )
    .join('');
  const rows = sections
    .map((s) => {
      const cells = full.designs.map((col) => {
        const d = s.designs.find((x) => x.id === col.id);
        if (d === undefined) return '<td>–</td>';
        const w = d.staticBlastRadius;
        return `<td><b>${percent(d.summary.plcReachedProbability)}</b> reach a PLC<br>worst case ${w.plcs.length} PLCs, ${w.assets.length} assets<br><b>${esc(money(d.summary.productionLoss.mean, currency))}</b> mean loss</td>`;
      });
      return `<tr><th scope="row">${esc(s.attack.name ?? s.attack.id)}<br><code>${esc(s.attack.id)}</code></th>${cells.join('')}</tr>`;
    })
    .join('');
  const fixes = full.designs
    .map((d) => bestFix(sections, d.id))
    .filter((x): x is { design: BundleDesign; attack: AttackSection; fix: Fix } => x !== null)
    .map(
      (x) =>
        `<li><b>${esc(x.design.name ?? x.design.id)}</b>, under ${esc(x.attack.attack.name ?? x.attack.attack.id)}: ${esc(x.fix.change)} (worst case ${x.fix.before.plcs} → ${x.fix.after.plcs} PLCs, ${x.fix.before.assets} → ${x.fix.after.assets} assets)</li>`,
    )
    .join('');
  return `<article class="print-page summary" data-testid="print-summary">
    <h1>${esc(full.scenario.name ?? full.scenario.file)}</h1>
    <p class="verdict" data-testid="verdict">${esc(full.overview ?? full.verdict ?? '')}</p>
    <table class="print-matrix"><thead><tr><th scope="col">Attack</th>${head}</tr></thead><tbody>${rows}</tbody></table>
    <h2>Top fixes</h2>
    ${fixes ? `<ol class="print-fixes">${fixes}</ol>` : '<p>No single change shrinks any worst case, or this bundle carries no fixes (segsim report adds them).</p>'}
    <p class="about">${full.runs} runs per design and attack, seed ${esc(String(full.seed))}, ${full.horizonHours} h horizon, the same seeds for every design${currency ? `; money in ${esc(currency)}` : ''}. Worst case: everything reachable, ignoring probability, timing and detection. Scenario <code>${esc(full.scenario.file)}</code>.</p>
  </article>`;
}

/** The design's fix that saves the most PLCs (then assets) under any attack. */
function bestFix(sections: readonly AttackSection[], id: string) {
  let best: { design: BundleDesign; attack: AttackSection; fix: Fix } | null = null;
  const gain = (f: Fix) => (f.before.plcs - f.after.plcs) * 1e6 + (f.before.assets - f.after.assets);
  for (const s of sections) {
    const d = s.designs.find((x) => x.id === id);
    const f = d?.fixes?.[0];
    if (d && f && (best === null || gain(f) > gain(best.fix))) best = { design: d, attack: s, fix: f };
  }
  return best;
}

function appendixHtml(ctx: AppContext, s: AttackSection, index: number): string {
  const bundle = bundleForAttack(ctx.full, s.attack.id);
  const big = ctx.layout.assets.length > CANVAS_THRESHOLD;
  const designs = s.designs
    .map(
      (d) => `<section class="print-design">
        <h3>${esc(d.name ?? d.id)} <code>${esc(d.id)}</code></h3>
        ${d.sentence ? `<p>${esc(d.sentence)}</p>` : ''}
        ${big ? tilesHtml(tilesFor(bundle, d)) : `<div class="print-map" data-design="${esc(d.id)}"></div>`}
        <div class="print-fixes-block">${fixesHtml(ctx.full, s, { ...d, ...(d.fixes ? { fixes: d.fixes.slice(0, 3) } : {}) })}</div>
      </section>`,
    )
    .join('');
  return `<article class="print-page appendix" data-attack="${esc(s.attack.id)}">
    <h2>Appendix ${String.fromCharCode(65 + index)}: ${esc(s.attack.name ?? s.attack.id)} <code>${esc(s.attack.id)}</code></h2>
    ${s.attack.description ? `<p>${esc(s.attack.description)}</p>` : ''}
    ${s.verdict ? `<p class="verdict">${esc(s.verdict)}</p>` : ''}
    <div class="print-designs" style="--columns:${Math.min(3, s.designs.length)}">${designs}</div>
  </article>`;
}
