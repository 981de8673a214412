// The application shell: header, tabs, the asset story drawer, file drop, export buttons.
import type { ResultsBundle } from './data/bundle.js';
import { BundleError, fileBundle } from './data/bundle.js';
import { remoteNames } from './data/derive.js';
import { exportPng, exportSvg } from './export.js';
import { layoutPlant, type PlantLayout } from './map/layout.js';
import { CompareView } from './views/compareView.js';
import { DistributionsView } from './views/distributionsView.js';
import { ReplayView } from './views/replayView.js';
import { renderStory } from './views/story.js';

export type TabId = 'compare' | 'replay' | 'distributions';

export interface View {
  readonly element: HTMLElement;
  /** The current view as one SVG document. */
  toSvg(): string;
  onShow?(): void;
  onHide?(): void;
  /** The asset whose story is open (its attack paths drawn), or null. */
  highlight?(assetId: string | null): void;
  /** Zooms to an asset. */
  reveal?(assetId: string): void;
  destroy(): void;
}

export interface AppContext {
  bundle: ResultsBundle;
  layout: PlantLayout;
  showStory(assetId: string): void;
}

const TABS: { id: TabId; label: string }[] = [
  { id: 'compare', label: 'Side by side' },
  { id: 'replay', label: 'Replay' },
  { id: 'distributions', label: 'Distributions' },
];

export class App {
  private ctx: AppContext | null = null;
  private views = new Map<TabId, View>();
  private tab: TabId = 'compare';
  private readonly header: HTMLElement;
  private readonly main: HTMLElement;
  private readonly story: HTMLElement;
  private readonly message: HTMLElement;

  constructor(private readonly root: HTMLElement) {
    root.innerHTML = `
      <header class="app-header">
        <div class="title"><h1>segsim</h1><span class="subtitle" data-testid="subtitle"></span></div>
        <nav class="tabs" role="tablist"></nav>
        <div class="find">
          <input type="search" list="asset-ids" placeholder="Find an asset…" aria-label="Find an asset by id and open its story" data-testid="find-asset" />
          <datalist id="asset-ids"></datalist>
        </div>
        <div class="actions">
          <button type="button" data-action="png" title="Save the current view as PNG">PNG</button>
          <button type="button" data-action="svg" title="Save the current view as SVG">SVG</button>
          <label class="button" title="Open a results bundle (segsim compare --json)">Open bundle…<input type="file" accept=".json,application/json" hidden data-testid="file-input" /></label>
        </div>
      </header>
      <div class="message" role="status" hidden></div>
      <main class="app-main"></main>
      <aside class="story" hidden aria-live="polite"></aside>`;
    this.header = root.querySelector('.app-header')!;
    this.main = root.querySelector('.app-main')!;
    this.story = root.querySelector('.story')!;
    this.message = root.querySelector('.message')!;
    const nav = root.querySelector('.tabs')!;
    for (const t of TABS) {
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.dataset.tab = t.id;
      b.textContent = t.label;
      b.addEventListener('click', () => this.show(t.id));
      nav.appendChild(b);
    }
    root.querySelector('[data-action=png]')!.addEventListener('click', () => this.export('png'));
    root.querySelector('[data-action=svg]')!.addEventListener('click', () => this.export('svg'));
    const input = root.querySelector<HTMLInputElement>('[data-testid=file-input]')!;
    input.addEventListener('change', () => {
      const f = input.files?.[0];
      if (f) void this.openFile(f);
      input.value = '';
    });
    const find = root.querySelector<HTMLInputElement>('[data-testid=find-asset]')!;
    find.addEventListener('change', () => this.find(find.value.trim()));
    window.addEventListener('dragover', (ev) => {
      ev.preventDefault();
      document.body.classList.add('dragging');
    });
    window.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
    window.addEventListener('drop', (ev) => {
      ev.preventDefault();
      document.body.classList.remove('dragging');
      const f = ev.dataTransfer?.files[0];
      if (f) void this.openFile(f);
    });
    window.addEventListener('hashchange', () => {
      const id = location.hash.slice(1) as TabId;
      if (TABS.some((t) => t.id === id) && id !== this.tab) this.show(id);
    });
    this.showEmpty();
  }

  private async openFile(f: File): Promise<void> {
    try {
      this.load(await fileBundle(f));
    } catch (err) {
      this.error(err);
    }
  }

  error(err: unknown): void {
    this.message.hidden = false;
    this.message.className = 'message error';
    this.message.textContent = err instanceof BundleError || err instanceof Error ? err.message : String(err);
  }

  showEmpty(): void {
    this.header.querySelector('.subtitle')!.textContent = 'no results bundle loaded';
    this.main.innerHTML = `
      <div class="empty" data-testid="empty">
        <p>Drop a results bundle here, or choose one with <b>Open bundle…</b></p>
        <p class="muted">Make one with <code>segsim compare scenarios/pharma.yaml --json out.json</code>,
        then <code>segsim view out.json</code>; or write a self-contained page with
        <code>segsim report scenarios/pharma.yaml --html report.html</code>.</p>
      </div>`;
  }

  load(bundle: ResultsBundle): void {
    for (const v of this.views.values()) v.destroy();
    this.views.clear();
    this.main.innerHTML = '';
    this.story.hidden = true;
    this.message.hidden = true;
    const layout = layoutPlant(bundle.plant, remoteNames(bundle));
    this.ctx = { bundle, layout, showStory: (id) => this.showStory(id) };
    const name = bundle.scenario.name ?? bundle.scenario.file;
    this.header.querySelector('.subtitle')!.textContent =
      `${name} · ${bundle.attack.name ?? bundle.attack.id} · ${bundle.runs} runs per design, seed ${bundle.seed}`;
    document.title = `segsim · ${name}`;
    const ids = this.root.querySelector('#asset-ids')!;
    ids.replaceChildren(
      ...bundle.plant.assets.map((a) => {
        const o = document.createElement('option');
        o.value = a.id;
        if (a.name) o.label = a.name;
        return o;
      }),
    );
    const initial = (location.hash.slice(1) as TabId) || 'compare';
    this.show(TABS.some((t) => t.id === initial) ? initial : 'compare');
    document.body.dataset.ready = 'true';
  }

  private view(id: TabId): View {
    let v = this.views.get(id);
    if (v === undefined) {
      const ctx = this.ctx!;
      v = id === 'compare' ? new CompareView(ctx) : id === 'replay' ? new ReplayView(ctx) : new DistributionsView(ctx);
      this.views.set(id, v);
      this.main.appendChild(v.element);
    }
    return v;
  }

  show(id: TabId): void {
    if (this.ctx === null) return;
    this.views.get(this.tab)?.onHide?.();
    this.tab = id;
    for (const [k, v] of this.views) v.element.hidden = k !== id;
    const v = this.view(id);
    v.element.hidden = false;
    v.onShow?.();
    this.root
      .querySelectorAll<HTMLButtonElement>('.tabs button')
      .forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === id)));
    if (location.hash.slice(1) !== id) history.replaceState(null, '', `#${id}`);
    document.body.dataset.tab = id;
  }

  private showStory(assetId: string): void {
    if (this.ctx === null) return;
    this.story.hidden = false;
    this.story.innerHTML = '';
    this.story.appendChild(
      renderStory(this.ctx.bundle, assetId, () => {
        this.story.hidden = true;
        for (const v of this.views.values()) v.highlight?.(null);
      }),
    );
    for (const v of this.views.values()) v.highlight?.(assetId);
  }

  /** Opens an asset's story and brings it into view on the current tab. */
  private find(id: string): void {
    if (this.ctx === null || id === '') return;
    if (!this.ctx.layout.assetById.has(id)) return this.error(new Error(`no asset "${id}" in this plant`));
    this.message.hidden = true;
    this.showStory(id);
    this.views.get(this.tab)?.reveal?.(id);
  }

  private export(kind: 'png' | 'svg'): void {
    const v = this.views.get(this.tab);
    if (!v || this.ctx === null) return;
    const base = `segsim-${this.ctx.bundle.attack.id}-${this.tab}`;
    const svg = v.toSvg();
    if (kind === 'svg') exportSvg(svg, `${base}.svg`);
    else void exportPng(svg, `${base}.png`).catch((err) => this.error(err));
  }
}
