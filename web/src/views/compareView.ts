// Side by side: every chosen design on the same plant, assets coloured by how often they fell,
// the static worst case outlined, the entry point marked, headline numbers above each map.
import type { ZoomTransform } from 'd3';
import type { AppContext, View } from '../app.js';
import { heat, THEME } from '../colors.js';
import type { BundleDesign } from '../data/bundle.js';
import { conduitsOf, designLabel, entryPoints, headline } from '../data/derive.js';
import { hours, number, percent } from '../format.js';
import { escapeXml, type AssetStyle } from '../map/assetLayers.js';
import type { AssetPos } from '../map/layout.js';
import { PlantMap } from '../map/PlantMap.js';
import { clearPath, drawPath, drawRemote } from '../map/overlay.js';
import { LABEL_COLUMN } from '../map/plantBase.js';
import { placedMap, placedSvg } from './exportParts.js';
import { exportTitle, heatLegend, kindLegend, markerLegend, svgBox, svgDocument } from './legend.js';
import { assetTooltip } from './story.js';

interface Panel {
  design: BundleDesign;
  section: HTMLElement;
  map: PlantMap;
}

export class CompareView implements View {
  readonly element: HTMLElement;
  private readonly chosen: Set<string>;
  private panels: Panel[] = [];
  private selected: string | null = null;
  private readonly grid: HTMLElement;
  private readonly legend: HTMLElement;

  constructor(private readonly ctx: AppContext) {
    this.element = document.createElement('section');
    this.element.className = 'view compare-view';
    this.element.dataset.testid = 'compare-view';
    this.chosen = new Set(ctx.bundle.designs.map((d) => d.id));
    const picker = document.createElement('div');
    picker.className = 'design-picker';
    picker.innerHTML = '<span class="muted">Designs:</span>';
    for (const d of ctx.bundle.designs) {
      const label = document.createElement('label');
      label.className = 'chip';
      label.innerHTML = `<input type="checkbox" checked data-design="${escapeXml(d.id)}" /> ${escapeXml(d.id)}`;
      label.title = designLabel(d);
      label.querySelector('input')!.addEventListener('change', (ev) => {
        const input = ev.target as HTMLInputElement;
        if (input.checked) this.chosen.add(d.id);
        else if (this.chosen.size > 1) this.chosen.delete(d.id);
        else input.checked = true;
        this.render();
      });
      picker.appendChild(label);
    }
    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    const marks = markerLegend(['worst', 'entry']);
    const kinds = kindLegend(ctx.bundle.plant.assets.map((a) => a.kind));
    this.legend.innerHTML =
      svgBox(heatLegend(220), 230, 36, 'legend-heat') +
      svgBox(marks.markup, marks.width, 24) +
      svgBox(kinds.markup, kinds.width, 24, 'legend-kinds');
    const bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.append(picker, this.legend);
    this.grid = document.createElement('div');
    this.grid.className = 'panels';
    this.element.append(bar, this.grid);
    this.render();
  }

  private render(): void {
    for (const p of this.panels) p.map.destroy();
    this.panels = [];
    this.grid.innerHTML = '';
    const designs = this.ctx.bundle.designs.filter((d) => this.chosen.has(d.id));
    this.grid.style.setProperty('--columns', String(Math.min(designs.length, 3)));
    const { layout } = this.ctx;
    for (const d of designs) {
      const section = document.createElement('section');
      section.className = 'panel';
      section.dataset.design = d.id;
      const h = headline(d);
      const timeNote = h.medianTimeToFirstPlc === null ? 'never' : `${hours(h.medianTimeToFirstPlc)}`;
      section.innerHTML = `
        <h2><span>${escapeXml(d.name ?? d.id)}</span> <code>${escapeXml(d.id)}</code></h2>
        <div class="headline">
          ${stat('plc', percent(h.plcReached), 'P(PLC reached)')}
          ${stat('compromised', number(h.medianCompromised), 'median compromised assets')}
          ${stat('first-plc', timeNote, h.medianTimeToFirstPlc === null ? 'time to first PLC' : `median time to first PLC (${percent(h.plcRunsShare)} of runs)`)}
          ${stat('loss', number(h.productionLossMean), 'production loss, mean')}
        </div>
        <div class="map-holder"></div>`;
      this.grid.appendChild(section);
      const holder = section.querySelector<HTMLElement>('.map-holder')!;
      // The plant's aspect ratio for the content box; the padding is room for the map's label column.
      // A definite width keeps min-height from widening the box through the ratio.
      holder.style.aspectRatio = `${layout.width} / ${layout.height}`;
      holder.style.paddingLeft = `${LABEL_COLUMN}px`;
      holder.style.width = `calc(100% - ${LABEL_COLUMN}px)`;
      const map: PlantMap = new PlantMap(holder, {
        layout,
        conduits: conduitsOf(this.ctx.bundle, d),
        tooltip: (a) => assetTooltip(this.ctx.bundle, a, d),
        onAssetClick: (a) => this.ctx.showStory(a.id),
        onZoom: (t) => this.sync(map, t),
      });
      const entry = new Set(entryPoints(d));
      drawRemote(map.overlaySelection(), layout, {
        entry,
        note: entry.size === 0 ? 'no way in under this design' : '',
      });
      this.panels.push({ design: d, section, map });
    }
    this.highlight(this.selected);
  }

  reveal(assetId: string): void {
    const a = this.ctx.layout.assetById.get(assetId);
    const first = this.panels[0]?.map;
    if (a && first) first.zoomTo(a.x, a.y, Math.max(first.transform.k, 1.6));
  }

  /** Rings the asset and draws each design's static attack path to it. */
  highlight(assetId: string | null): void {
    this.selected = assetId;
    for (const p of this.panels) {
      const styles = stylesFor(p.design, this.ctx.layout.assets);
      const pos = assetId === null ? undefined : this.ctx.layout.assetById.get(assetId);
      if (pos && styles[pos.index]!.ring === 'none') styles[pos.index] = { ...styles[pos.index]!, ring: 'selected' };
      p.map.setStyles(styles);
      const g = p.map.overlaySelection();
      if (assetId === null) clearPath(g);
      else drawPath(g, p.design.staticBlastRadius.paths[assetId] ?? [], (n) => p.map.position(n));
    }
  }

  private sync(from: PlantMap, t: ZoomTransform): void {
    for (const p of this.panels) if (p.map !== from) p.map.setTransform(t);
  }

  onShow(): void {
    for (const p of this.panels) p.map.redraw();
  }

  toSvg(): string {
    const origin = this.element.getBoundingClientRect();
    const b = this.ctx.bundle;
    const parts: string[] = [
      exportTitle(
        `${b.scenario.name ?? b.scenario.file} · ${b.attack.name ?? b.attack.id} · ${b.runs} runs per design, seed ${b.seed}`,
      ),
    ];
    const legendRect = this.legend.getBoundingClientRect();
    let lx = legendRect.left - origin.left;
    for (const svg of Array.from(this.legend.querySelectorAll('svg'))) {
      parts.push(placedSvg(svg, origin));
      lx = Math.max(lx, svg.getBoundingClientRect().right - origin.left);
    }
    this.panels.forEach((p, i) => {
      const r = p.section.getBoundingClientRect();
      const x = r.left - origin.left;
      const y = r.top - origin.top;
      const holder = p.section.querySelector('.map-holder')!.getBoundingClientRect();
      const h = headline(p.design);
      const stats: [string, string][] = [
        [percent(h.plcReached), 'P(PLC reached)'],
        [number(h.medianCompromised), 'median compromised'],
        [h.medianTimeToFirstPlc === null ? 'never' : hours(h.medianTimeToFirstPlc), 'median time to 1st PLC'],
        [number(h.productionLossMean), 'production loss, mean'],
      ];
      const colW = r.width / stats.length;
      const statMarkup = stats
        .map(
          ([v, l], j) =>
            `<text x="${12 + j * colW}" y="58" font-size="22" font-weight="600" fill="${THEME.text}">${escapeXml(v)}</text><text x="${12 + j * colW}" y="74" font-size="10" fill="${THEME.muted}">${escapeXml(l)}</text>`,
        )
        .join('');
      parts.push(
        `<g transform="translate(${x},${y})"><rect width="${r.width}" height="${r.height}" rx="8" fill="${THEME.panel}"/>` +
          `<text x="12" y="24" font-size="15" font-weight="600" fill="${THEME.text}">${escapeXml(fit(p.design.name ?? p.design.id, (r.width - 24) / 8.4 - p.design.id.length))} <tspan fill="${THEME.muted}" font-size="12">${escapeXml(p.design.id)}</tspan></text>${statMarkup}</g>` +
          placedMap(p.map, holder, origin, `clip-${i}`),
      );
    });
    return svgDocument(Math.max(origin.width, lx), origin.height, parts.join(''));
  }

  destroy(): void {
    for (const p of this.panels) p.map.destroy();
    this.element.remove();
  }
}

const fit = (text: string, chars: number) =>
  text.length <= chars ? text : `${text.slice(0, Math.max(1, Math.floor(chars) - 1))}…`;

function stat(key: string, value: string, label: string): string {
  return `<div class="stat"><span class="value" data-stat="${key}">${escapeXml(value)}</span><span class="label">${escapeXml(label)}</span></div>`;
}

export function stylesFor(d: BundleDesign, assets: readonly AssetPos[]): AssetStyle[] {
  const worst = new Set(d.staticBlastRadius.assets);
  const entry = new Set(entryPoints(d));
  const rate = d.summary.assetCompromiseRate;
  return assets.map((a) => ({
    fill: heat(rate[a.id] ?? 0),
    worst: worst.has(a.id),
    ring: entry.has(a.id) ? 'entry' : 'none',
    detected: false,
  }));
}
