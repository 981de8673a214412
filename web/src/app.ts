// The application shell: header, tabs, one attack's views at a time, the asset story drawer, the
// URL that holds the view, export, print, theme; views get their AppContext (views/context.ts).
import { setPalette, setTheme } from './colors.js';
import type { ResultsBundle } from './data/bundle.js';
import { BundleError, fileBundle } from './data/bundle.js';
import { controllerIds, remoteNames } from './data/derive.js';
import { attackSections, bundleForAttack } from './data/sections.js';
import { exportPng, exportSvg } from './export.js';
import { wireFileOpen } from './fileOpen.js';
import { HEADER_HTML, markTab, wireTabs } from './header.js';
import { layoutPlant } from './map/layout.js';
import { parseState, type StatePatch, stateHash, type TabId, type ViewState } from './state.js';
import { CompareView } from './views/compareView.js';
import { DistributionsView } from './views/distributionsView.js';
import { OverviewView } from './views/overviewView.js';
import { PrintView } from './views/printView.js';
import { ReplayView } from './views/replayView.js';
import type { AppContext, View } from './views/context.js';
import { renderStory } from './views/story.js';

export type { TabId } from './state.js';

export class App {
  private full: ResultsBundle | null = null;
  private ctx: AppContext | null = null;
  private state: ViewState = { tab: 'overview' };
  private views = new Map<TabId, View>();
  private readonly header: HTMLElement;
  private readonly nav: HTMLElement;
  private readonly main: HTMLElement;
  private readonly story: HTMLElement;
  private readonly message: HTMLElement;
  private readonly attackSelect: HTMLSelectElement;

  constructor(private readonly root: HTMLElement) {
    root.innerHTML = `${HEADER_HTML}
      <div class="message" role="status" hidden></div>
      <main class="app-main"></main>
      <aside class="story" hidden aria-live="polite" aria-label="Asset story"></aside>`;
    this.header = root.querySelector('.app-header')!;
    this.nav = root.querySelector('.tabs')!;
    this.main = root.querySelector('.app-main')!;
    this.story = root.querySelector('.story')!;
    this.message = root.querySelector('.message')!;
    this.attackSelect = root.querySelector('[data-testid=attack-select]')!;
    wireTabs(this.nav, (tab) => this.open({ tab }));
    this.attackSelect.addEventListener('change', () => this.open({ attack: this.attackSelect.value }));
    const on = (action: string, f: () => void) =>
      root.querySelector(`[data-action=${action}]`)!.addEventListener('click', f);
    on('png', () => this.export('png'));
    on('svg', () => this.export('svg'));
    on('print', () => this.printReport());
    on('theme', () => this.open({ theme: document.documentElement.dataset.theme === 'light' ? 'dark' : 'light' }));
    on('palette', () => this.open({ palette: this.state.palette === 'cividis' ? 'risk' : 'cividis' }));
    wireFileOpen(root, (f) => void this.openFile(f));
    const find = root.querySelector<HTMLInputElement>('[data-testid=find-asset]')!;
    find.addEventListener('change', () => this.find(find.value.trim()));
    window.addEventListener('hashchange', () => {
      if (this.full !== null && location.hash !== stateHash(this.state)) this.apply(this.read());
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !this.story.hidden) this.closeStory();
    });
    // Without a theme of its own the page follows the system's.
    window.matchMedia?.('(prefers-color-scheme: light)').addEventListener('change', () => {
      if (this.full !== null && this.state.theme === undefined) this.apply({ ...this.state });
    });
    this.applyTheme();
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
    this.full = bundle;
    this.message.hidden = true;
    const name = bundle.scenario.name ?? bundle.scenario.file;
    const subtitle = this.header.querySelector<HTMLElement>('.subtitle')!;
    subtitle.textContent = name;
    subtitle.title = name;
    document.title = `segsim · ${name}`;
    const sections = attackSections(bundle);
    this.attackSelect.replaceChildren(...sections.map((s) => new Option(s.attack.name ?? s.attack.id, s.attack.id)));
    this.attackSelect.closest('label')!.hidden = sections.length < 2;
    this.root.querySelector('#asset-ids')!.replaceChildren(
      ...bundle.plant.assets.map((a) => {
        const o = document.createElement('option');
        o.value = a.id;
        if (a.name) o.label = a.name;
        return o;
      }),
    );
    this.ctx = null;
    this.apply(this.read());
    document.body.dataset.ready = 'true';
  }

  /** The URL's state, completed with defaults and checked against the bundle. */
  private read(): ViewState {
    const full = this.full!;
    const wanted = parseState(location.hash);
    const sections = attackSections(full);
    const attack = sections.find((s) => s.attack.id === wanted.attack)?.attack.id ?? sections[0]!.attack.id;
    const s: ViewState = { ...wanted, tab: wanted.tab ?? 'overview', attack };
    if (s.design !== undefined && !full.designs.some((d) => d.id === s.design)) delete s.design;
    if (s.asset !== undefined && !full.plant.assets.some((a) => a.id === s.asset)) delete s.asset;
    return s;
  }

  private apply(next: ViewState): void {
    const full = this.full!;
    const rebuild =
      this.ctx === null ||
      (next.theme ?? preferredTheme()) !== document.documentElement.dataset.theme ||
      next.attack !== this.state.attack ||
      next.theme !== this.state.theme ||
      next.palette !== this.state.palette ||
      next.print !== this.state.print;
    this.state = next;
    this.applyTheme();
    if (rebuild) {
      for (const v of this.views.values()) v.destroy();
      this.views.clear();
      this.main.innerHTML = '';
      const bundle = bundleForAttack(full, next.attack!);
      this.attackSelect.value = bundle.attack.id;
      const current = () => this.state;
      this.ctx = {
        full,
        bundle,
        layout: layoutPlant(full.plant, remoteNames(full)),
        controllers: controllerIds(full),
        get state() {
          return current();
        },
        showStory: (id) => this.open({ asset: id }),
        open: (patch) => this.open(patch),
        remember: (patch) => this.remember(patch),
      };
    }
    if (next.print) {
      document.body.dataset.tab = 'print';
      if (!this.views.has('overview')) this.mount('overview', new PrintView(this.ctx!));
    } else this.show(next.tab);
    this.syncStory();
    this.writeUrl();
  }

  open(patch: StatePatch): void {
    if (this.full === null) return;
    this.apply(patched(this.state, patch));
  }

  private remember(patch: StatePatch): void {
    this.state = patched(this.state, patch);
    this.writeUrl();
  }

  private writeUrl(): void {
    const hash = stateHash(this.state);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  private mount(id: TabId, v: View): View {
    this.views.set(id, v);
    this.main.appendChild(v.element);
    return v;
  }

  private view(id: TabId): View {
    const ctx = this.ctx!;
    return (
      this.views.get(id) ??
      this.mount(
        id,
        id === 'overview'
          ? new OverviewView(ctx)
          : id === 'compare'
            ? new CompareView(ctx)
            : id === 'replay'
              ? new ReplayView(ctx)
              : new DistributionsView(ctx),
      )
    );
  }

  private show(id: TabId): void {
    const current = document.body.dataset.tab as TabId | undefined;
    if (current !== id) this.views.get(current!)?.onHide?.();
    for (const [k, v] of this.views) v.element.hidden = k !== id;
    const v = this.view(id);
    v.element.hidden = false;
    if (current !== id || !v.element.dataset.shown) {
      v.element.dataset.shown = 'true';
      v.onShow?.();
    }
    markTab(this.nav, id);
    document.body.dataset.tab = id;
  }

  private syncStory(): void {
    const ctx = this.ctx!;
    const id = this.state.asset;
    document.body.classList.toggle('story-open', id !== undefined);
    if (id === undefined) {
      this.story.hidden = true;
      for (const v of this.views.values()) v.highlight?.(null);
      return;
    }
    if (this.story.dataset.asset !== id || this.story.hidden || this.story.dataset.attack !== ctx.bundle.attack.id) {
      this.story.replaceChildren(renderStory(ctx.bundle, id, () => this.closeStory()));
      this.story.dataset.asset = id;
      this.story.dataset.attack = ctx.bundle.attack.id;
    }
    this.story.style.top = `${Math.round(this.header.getBoundingClientRect().bottom + 8)}px`;
    this.story.hidden = false;
    for (const v of this.views.values()) v.highlight?.(id);
  }

  /** Prints the report layout (summary, then a page per attack) and comes back to the view. */
  private printReport(): void {
    const back = this.state;
    this.open({ print: true, theme: 'light', asset: undefined });
    const done = () => {
      window.removeEventListener('afterprint', done);
      this.apply(back);
    };
    const ready = () => {
      if (document.body.dataset.printReady !== 'true') return void requestAnimationFrame(ready);
      window.addEventListener('afterprint', done);
      window.print();
    };
    requestAnimationFrame(ready);
  }

  private closeStory(): void {
    this.open({ asset: undefined });
  }

  private applyTheme(): void {
    const theme = this.state.theme ?? preferredTheme();
    setTheme(theme);
    setPalette(this.state.palette ?? 'risk');
    document.documentElement.dataset.theme = theme;
    const toggle = this.root.querySelector<HTMLButtonElement>('[data-action=theme]')!;
    toggle.textContent = theme === 'light' ? 'Dark' : 'Light';
    toggle.setAttribute('aria-pressed', String(theme === 'light'));
    this.root
      .querySelector('[data-action=palette]')!
      .setAttribute('aria-pressed', String(this.state.palette === 'cividis'));
  }

  /** Opens an asset's story and brings it into view on the current tab. */
  private find(id: string): void {
    if (this.ctx === null || id === '') return;
    if (!this.ctx.layout.assetById.has(id)) return this.error(new Error(`no asset "${id}" in this plant`));
    this.message.hidden = true;
    this.open({ asset: id });
    this.views.get(this.state.tab)?.reveal?.(id);
  }

  private export(kind: 'png' | 'svg'): void {
    const v = this.views.get(this.state.tab);
    if (!v || this.ctx === null) return;
    const base = `segsim-${this.ctx.bundle.attack.id}-${this.state.tab}`;
    const svg = v.toSvg();
    if (kind === 'svg') exportSvg(svg, `${base}.svg`);
    else void exportPng(svg, `${base}.png`).catch((err) => this.error(err));
  }
}

function patched(state: ViewState, patch: StatePatch): ViewState {
  const next = { ...state, ...patch } as ViewState;
  for (const k of Object.keys(patch) as (keyof ViewState)[]) if (patch[k] === undefined) delete next[k];
  return next;
}

const preferredTheme = (): 'light' | 'dark' =>
  window.matchMedia?.('(prefers-color-scheme: light)').matches ? 'light' : 'dark';
