// Side by side: one attack told first (its name, the scenario's description of it, the verdict),
// then every chosen design on the same plant, assets coloured by how often they fell, the static
// worst case outlined, the entry point marked, headline figures (each explained on demand) and the
// design's best single fix above each map. Large plants open on a tile per line instead of the map.
import type { ZoomTransform } from 'd3';
import type { AppContext, View } from './context.js';
import { heat, THEME } from '../colors.js';
import type { BundleDesign } from '../data/bundle.js';
import { conduitsOf, entryPoints, remoteNames } from '../data/derive.js';
import { designIndex } from '../data/sections.js';
import { escapeXml, type AssetStyle } from '../map/assetLayers.js';
import { flatNote } from '../map/conduits.js';
import { clearPath, drawPath, drawRemote } from '../map/overlay.js';
import { HEADER, layoutPlant, type PlantLayout } from '../map/layout.js';
import { CANVAS_THRESHOLD, PlantMap } from '../map/PlantMap.js';
import { labelColumn } from '../map/plantBase.js';
import { series } from './charts.js';
import { panelHtml } from './comparePanel.js';
import { placedMap, placedSvg } from './exportParts.js';
import { heatLegend, kindLegend, markerLegend, svgBox, svgDocument } from './legend.js';
import { tilesFor, tilesHtml } from './lineTiles.js';
import { assetTooltip } from './story.js';
import { svgTextBlock } from './svgText.js';

interface Panel {
  design: BundleDesign;
  section: HTMLElement;
  map: PlantMap;
}

const esc = escapeXml;

export class CompareView implements View {
  readonly element: HTMLElement;
  private readonly chosen: Set<string>;
  private panels: Panel[] = [];
  private selected: string | null = null;
  /** Large plants: line tiles (false) or the maps (true). */
  private mapsShown: boolean;
  private readonly grid: HTMLElement;
  private readonly legend: HTMLElement;
  /** The plant laid out for this view's panel width: zone titles need taller headers in small maps. */
  private layout: PlantLayout;
  /** The panels' width changes with the window and with the story drawer: zone headers follow. */
  private readonly resizeObserver = new ResizeObserver(() => {
    const next = this.fitLayout();
    if (Math.abs(next.header - this.layout.header) > 4) requestAnimationFrame(() => this.render());
  });

  constructor(private readonly ctx: AppContext) {
    const { bundle } = ctx;
    this.element = document.createElement('section');
    this.element.className = 'view compare-view';
    this.element.dataset.testid = 'compare-view';
    this.chosen = new Set(bundle.designs.map((d) => d.id));
    this.layout = ctx.layout;
    this.mapsShown = ctx.layout.assets.length <= CANVAS_THRESHOLD;
    const a = bundle.attack;
    const head = document.createElement('div');
    head.className = 'attack-head';
    head.innerHTML = `
      <h2><span class="attack-name">${esc(a.name ?? a.id)}</span> <code>${esc(a.id)}</code></h2>
      ${bundle.verdict ? `<p class="verdict" data-testid="verdict">${esc(bundle.verdict)}</p>` : ''}
      ${a.description ? `<p class="attack-desc">${esc(a.description)}</p>` : ''}`;
    const picker = document.createElement('div');
    picker.className = 'design-picker';
    picker.innerHTML = '<span class="muted">Designs:</span>';
    for (const d of bundle.designs) {
      const label = document.createElement('label');
      label.className = 'chip';
      label.innerHTML = `<input type="checkbox" checked data-design="${esc(d.id)}" /><span class="swatch" style="background:${series(designIndex(ctx.full, d)).color}"></span>${esc(d.id)}`;
      label.title = d.name ?? d.id;
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
    const kinds = kindLegend(bundle.plant.assets.map((x) => x.kind));
    this.legend.innerHTML =
      svgBox(heatLegend(200), 210, 36, 'legend-heat') +
      svgBox(marks.markup, marks.width, 24) +
      `<details class="kinds"><summary>Asset kinds</summary>${svgBox(kinds.markup, kinds.width, 24, 'legend-kinds')}</details>`;
    const bar = document.createElement('div');
    bar.className = 'toolbar';
    bar.append(picker);
    if (ctx.layout.assets.length > CANVAS_THRESHOLD) {
      const toggle = document.createElement('button');
      toggle.type = 'button';
      toggle.dataset.testid = 'maps-toggle';
      toggle.addEventListener('click', () => {
        this.mapsShown = !this.mapsShown;
        this.render();
      });
      bar.append(toggle);
    }
    bar.append(this.legend);
    this.grid = document.createElement('div');
    this.grid.className = 'panels';
    this.element.append(head, bar, this.grid);
    this.element.addEventListener('click', (ev) => {
      const tile = (ev.target as HTMLElement).closest<HTMLElement>('[data-tile]');
      if (tile) this.openTile(tile.dataset.tile!);
      const more = (ev.target as HTMLElement).closest<HTMLElement>('[data-more]');
      if (more) {
        const open = more.closest('.panel')!.classList.toggle('expanded');
        more.textContent = open ? 'less' : 'more';
      }
      const info = (ev.target as HTMLElement).closest<HTMLButtonElement>('button.info');
      if (info) {
        const box = document.getElementById(info.getAttribute('aria-controls')!)!;
        box.hidden = !box.hidden;
        info.setAttribute('aria-expanded', String(!box.hidden));
      }
    });
    this.render();
    this.resizeObserver.observe(this.grid);
  }

  /** A layout whose zone headers hold a name on two lines at 10 px once fitted to a panel. */
  private fitLayout(): PlantLayout {
    const base = this.ctx.layout;
    const columns = window.innerWidth <= 900 ? 1 : Math.min(this.chosen.size, 3);
    const total = this.grid.clientWidth || window.innerWidth - 32;
    const inner = (total - 12 * (columns - 1)) / columns - 24;
    const k = ((inner - labelColumn(inner)) * 0.98) / base.width;
    const header = Math.round(Math.min(90, Math.max(HEADER, 28 / Math.max(k, 0.01))));
    if (header === this.layout.header) return this.layout;
    return header === base.header ? base : layoutPlant(this.ctx.full.plant, remoteNames(this.ctx.full), 1.7, header);
  }

  private render(): void {
    this.layout = this.fitLayout();
    for (const p of this.panels) p.map.destroy();
    this.panels = [];
    this.grid.innerHTML = '';
    const toggle = this.element.querySelector<HTMLButtonElement>('[data-testid=maps-toggle]');
    if (toggle) toggle.textContent = this.mapsShown ? 'Show lines as tiles' : 'Show the maps';
    const { bundle, full } = this.ctx;
    const layout = this.layout;
    const designs = bundle.designs.filter((d) => this.chosen.has(d.id));
    this.grid.style.setProperty('--columns', String(Math.min(designs.length, 3)));
    for (const d of designs) {
      const section = document.createElement('section');
      section.className = 'panel';
      section.dataset.design = d.id;
      section.style.setProperty('--design', series(designIndex(full, d)).color);
      const conduits = conduitsOf(bundle, d);
      section.innerHTML = panelHtml(bundle, d, flatNote(conduits));
      this.grid.appendChild(section);
      section
        .querySelector('.map-area')!
        .insertAdjacentHTML('beforeend', this.mapsShown ? '' : tilesHtml(tilesFor(bundle, d)));
      const holder = section.querySelector<HTMLElement>('.map-holder')!;
      holder.hidden = !this.mapsShown;
      holder.style.aspectRatio = `${layout.width + 60} / ${layout.height}`;
      const map: PlantMap = new PlantMap(holder, {
        layout,
        conduits,
        controllers: this.ctx.controllers,
        tooltip: (a) => assetTooltip(bundle, a, d),
        onAssetClick: (a) => this.ctx.showStory(a.id),
        onZoom: (t) => this.sync(map, t),
      });
      const entry = new Set(entryPoints(d));
      map.setLabels(
        'remote',
        drawRemote(map.overlaySelection(), layout, {
          entry,
          named: new Set(Object.values(d.staticBlastRadius.paths).flatMap((path) => path.map((x) => x.from))),
          note: entry.size === 0 ? 'no way in under this design' : '',
        }),
      );
      map.preferLabels(entry);
      this.panels.push({ design: d, section, map });
    }
    this.highlight(this.selected);
  }

  /** A tile opens the maps zoomed on its line's or zone's boxes. */
  private openTile(key: string): void {
    const [kind, id] = key.split(':') as ['line' | 'zone', string];
    const zones = this.layout.zones.filter((z) => (kind === 'line' ? z.line === id : z.id === id));
    if (zones.length === 0) return;
    this.mapsShown = true;
    this.render();
    const x = Math.min(...zones.map((z) => z.x));
    const y = Math.min(...zones.map((z) => z.y));
    const box = {
      x,
      y,
      w: Math.max(...zones.map((z) => z.x + z.w)) - x,
      h: Math.max(...zones.map((z) => z.y + z.h)) - y,
    };
    requestAnimationFrame(() => this.panels[0]?.map.zoomToBox(box));
  }

  reveal(assetId: string): void {
    const a = this.layout.assetById.get(assetId);
    if (a && !this.mapsShown) {
      this.mapsShown = true;
      this.render();
    }
    const first = this.panels[0]?.map;
    if (a && first) requestAnimationFrame(() => first.zoomTo(a.x, a.y, Math.max(first.transform.k, 1.6)));
  }

  /** Rings the asset and draws each design's static attack path to it. */
  highlight(assetId: string | null): void {
    this.selected = assetId;
    for (const p of this.panels) {
      const styles = stylesFor(p.design, this.layout.assets);
      const pos = assetId === null ? undefined : this.layout.assetById.get(assetId);
      if (pos && styles[pos.index]!.ring === 'none') styles[pos.index] = { ...styles[pos.index]!, ring: 'selected' };
      p.map.setStyles(styles);
      const g = p.map.overlaySelection();
      const entry = entryPoints(p.design);
      if (assetId === null) {
        clearPath(g);
        p.map.setLabels('path', []);
        p.map.preferLabels(entry);
      } else {
        p.map.setLabels(
          'path',
          drawPath(g, p.design.staticBlastRadius.paths[assetId] ?? [], (n) => p.map.position(n)),
        );
        p.map.preferLabels([assetId, ...entry]);
      }
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
    const parts: string[] = [];
    for (const el of Array.from(this.element.querySelectorAll<HTMLElement>('.attack-head h2, .attack-head .verdict')))
      parts.push(svgTextBlock(el, origin));
    let right = origin.width;
    for (const svg of Array.from(this.legend.querySelectorAll('svg'))) {
      parts.push(placedSvg(svg, origin));
      right = Math.max(right, svg.getBoundingClientRect().right - origin.left);
    }
    this.panels.forEach((p, i) => {
      const r = p.section.getBoundingClientRect();
      parts.push(
        `<rect x="${r.left - origin.left}" y="${r.top - origin.top}" width="${r.width}" height="${r.height}" rx="8" fill="${THEME.panel}"/>`,
      );
      for (const el of Array.from(
        p.section.querySelectorAll<HTMLElement>(
          'h2, .stat .value, .stat .label-text, .flat-note, .worst-line, .top-fix',
        ),
      ))
        parts.push(svgTextBlock(el, origin));
      const holder = p.section.querySelector<HTMLElement>('.map-holder')!;
      if (!holder.hidden) parts.push(placedMap(p.map, holder.getBoundingClientRect(), origin, `clip-${i}`));
      else
        for (const el of Array.from(p.section.querySelectorAll<HTMLElement>('.tile-name, .tile-share, .tile-worst')))
          parts.push(svgTextBlock(el, origin));
    });
    return svgDocument(right, this.element.scrollHeight, parts.join(''));
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    for (const p of this.panels) p.map.destroy();
    this.element.remove();
  }
}

export function stylesFor(d: BundleDesign, assets: readonly { id: string; index: number }[]): AssetStyle[] {
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
