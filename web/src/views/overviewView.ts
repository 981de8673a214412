// The first screen: the verdict over every attack, the scenario in its own words, every design
// under every attack (P(PLC reached), static worst case, loss, and where the design that does best
// overall does worse), the fixes that shrink a chosen worst case most, and the designs explained.
import type { AppContext, View } from './context.js';
import type { AttackSection, BundleDesign } from '../data/bundle.js';
import { attackSections } from '../data/sections.js';
import { escapeXml } from '../map/assetLayers.js';
import { series } from './charts.js';
import { fixesHtml } from './fixesList.js';
import { exportTitle, svgDocument } from './legend.js';
import { matrixHtml } from './matrixTable.js';
import { svgTextBlock } from './svgText.js';

const esc = escapeXml;

export class OverviewView implements View {
  readonly element: HTMLElement;
  private readonly fixes: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    const { full } = ctx;
    this.element = document.createElement('section');
    this.element.className = 'view overview-view';
    this.element.dataset.testid = 'overview-view';
    const sections = attackSections(full);
    const runs = `${full.runs} runs per design${sections.length > 1 ? ' and attack' : ''}, seed ${esc(String(full.seed))}, ${full.horizonHours} h horizon, the same seeds for every design`;
    const currency = full.scenario.currency ? `; money in ${esc(full.scenario.currency)}` : '';
    this.element.innerHTML = `
      <div class="story-head">
        <h2 class="scenario-name">${esc(full.scenario.name ?? full.scenario.file)}</h2>
        <p class="verdict" data-testid="verdict">${esc(verdictOf(ctx))}</p>
        ${full.scenario.description ? `<p class="scenario-desc">${esc(full.scenario.description)}</p>` : ''}
        <p class="about muted">${runs}${currency}. Pick a cell for its fixes; open an attack's side by side, replay or distributions from its row.</p>
      </div>
      <div class="matrix-wrap">${matrixHtml(full, sections)}</div>
      <div class="overview-lower">
        <section class="fixes" data-testid="fixes" aria-live="polite"></section>
        <section class="designs"><h3>The designs</h3>${designsHtml(full.designs)}</section>
      </div>`;
    this.fixes = this.element.querySelector('.fixes')!;
    this.element.addEventListener('click', (ev) => {
      const target = ev.target as HTMLElement;
      const go = target.closest<HTMLElement>('[data-go]');
      if (go) return ctx.open({ tab: go.dataset.go as 'compare', attack: go.dataset.attack!, asset: undefined });
      const cell = target.closest<HTMLElement>('button.cell');
      if (cell) ctx.open({ attack: cell.dataset.attack!, design: cell.dataset.design! });
    });
    this.showFixes();
  }

  /** The fixes of the chosen cell: the URL's attack and design, else the first attack's design with the largest worst case. */
  private showFixes(): void {
    const { full, state } = this.ctx;
    const sections = attackSections(full);
    const section = sections.find((s) => s.attack.id === state.attack) ?? sections[0]!;
    const design = section.designs.find((d) => d.id === state.design) ?? largestWorstCase(section);
    for (const b of Array.from(this.element.querySelectorAll<HTMLButtonElement>('button.cell')))
      b.setAttribute('aria-pressed', String(b.dataset.attack === section.attack.id && b.dataset.design === design.id));
    this.fixes.innerHTML = fixesHtml(full, section, design);
  }

  onShow(): void {
    this.showFixes();
  }

  toSvg(): string {
    const origin = this.element.getBoundingClientRect();
    const parts = [exportTitle(this.ctx.full.scenario.name ?? this.ctx.full.scenario.file)];
    for (const el of Array.from(
      this.element.querySelectorAll<HTMLElement>('.verdict, .matrix th, .matrix .cell, .fixes li, .fixes h3'),
    ))
      parts.push(svgTextBlock(el, origin));
    return svgDocument(origin.width, this.element.scrollHeight, parts.join(''));
  }

  destroy(): void {
    this.element.remove();
  }
}

function verdictOf(ctx: AppContext): string {
  const { full } = ctx;
  if (full.overview !== undefined) return full.overview;
  return full.verdict ?? `${full.attack.id}: ${full.designs.map((d) => d.id).join(', ')}`;
}

/** The design whose best fix saves the most PLCs (then assets); without fixes, the largest worst case. */
function largestWorstCase(section: AttackSection): BundleDesign {
  const saved = (d: BundleDesign) => {
    const f = d.fixes?.[0];
    return f === undefined ? 0 : (f.before.plcs - f.after.plcs) * 1e6 + (f.before.assets - f.after.assets);
  };
  const size = (d: BundleDesign) => d.staticBlastRadius.plcs.length * 1e6 + d.staticBlastRadius.assets.length;
  return section.designs.reduce((a, b) =>
    saved(b) > saved(a) || (saved(b) === saved(a) && size(b) > size(a)) ? b : a,
  );
}

function designsHtml(designs: readonly BundleDesign[]): string {
  return `<dl>${designs
    .map((d, i) => {
      const color = series(i).color;
      return `<dt><span class="swatch" style="background:${color}"></span>${esc(d.name ?? d.id)} <code>${esc(d.id)}</code></dt>
        <dd>${d.description ? esc(d.description) : '<span class="muted">No description in the scenario.</span>'}</dd>`;
    })
    .join('')}</dl>`;
}
