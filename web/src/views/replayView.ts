// Replay of a design's representative run: play, pause, step and scrub the trace; footholds,
// connection attempts, denials, detections and revocations appear on the map as they happen.
import type { AppContext, View } from './context.js';
import type { BundleDesign, TraceEvent } from '../data/bundle.js';
import { conduitsOf, designLabel } from '../data/derive.js';
import { clock, hours, money } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import { PlantMap } from '../map/PlantMap.js';
import { EventList, isTechnician } from './eventList.js';
import { PAUSE_ICON, PLAY_ICON, replayMarkup } from './replayControls.js';
import { caption, countsLine, replaySvg } from './replayExport.js';
import { countersHtml, drawFrame } from './replayFrame.js';
import { compromiseIndex, cursorAtTime, frameAt, lossAt, type ReplayFrame } from './replayState.js';
import { assetTooltip } from './story.js';

/** Simulated hours per second of wall time. */
const SPEEDS = [1, 4, 12, 48, 400];

declare global {
  interface Window {
    segsimDebug?: { renderMs: number[] };
  }
}

export class ReplayView implements View {
  readonly element: HTMLElement;
  private design: BundleDesign;
  private map: PlantMap | null = null;
  private list: EventList | null = null;
  private fallen = new Map<string, number>();
  private cursor = 0;
  private time = 0;
  private playing = false;
  private raf = 0;
  private last = 0;
  private speed: number;
  private showTechnician = false;
  private showWorst = true;
  private frame: ReplayFrame | null = null;
  private readonly mapHolder: HTMLElement;
  private readonly listHolder: HTMLElement;
  private readonly scrub: HTMLInputElement;
  private readonly clockEl: HTMLElement;
  private readonly counters: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly keyHandler = (ev: KeyboardEvent) => this.onKey(ev);

  private readonly valuePerHour: Map<string, number>;

  constructor(private readonly ctx: AppContext) {
    const designs = ctx.bundle.designs;
    this.valuePerHour = new Map(ctx.bundle.plant.lines.map((l) => [l.id, l.valuePerHour]));
    this.design =
      designs.find((d) => d.id === ctx.state.design) ??
      designs.find((d) => d.representativeRun.metrics.compromisedAssets > 0) ??
      designs[0]!;
    this.speed = this.defaultSpeed();
    this.element = document.createElement('section');
    this.element.className = 'view replay-view';
    this.element.dataset.testid = 'replay-view';
    this.element.innerHTML = replayMarkup(designs, this.design, SPEEDS, this.speed);
    this.mapHolder = this.element.querySelector('.replay-map')!;
    this.listHolder = this.element.querySelector('.list-holder')!;
    this.scrub = this.element.querySelector('.scrub')!;
    this.clockEl = this.element.querySelector('.clock')!;
    this.counters = this.element.querySelector('.counters')!;
    this.caption = this.element.querySelector('.caption')!;
    this.element.querySelector<HTMLSelectElement>('[data-testid=replay-design]')!.addEventListener('change', (ev) => {
      const id = (ev.target as HTMLSelectElement).value;
      this.setDesign(designs.find((d) => d.id === id)!);
      this.ctx.remember({ design: id, t: 0 });
    });
    this.element.querySelector<HTMLSelectElement>('[data-testid=replay-speed]')!.addEventListener('change', (ev) => {
      this.speed = Number((ev.target as HTMLSelectElement).value);
    });
    this.scrub.addEventListener('input', () => {
      this.pause();
      this.seek(Number(this.scrub.value));
    });
    for (const b of Array.from(this.element.querySelectorAll<HTMLButtonElement>('.transport button'))) {
      b.addEventListener('click', () => {
        this.act(b.dataset.act!);
        b.blur();
      });
    }
    this.element.querySelector<HTMLInputElement>('[data-opt=technician]')!.addEventListener('change', (ev) => {
      this.showTechnician = (ev.target as HTMLInputElement).checked;
      this.list?.showTechnician(this.showTechnician);
      this.update();
    });
    this.element.querySelector<HTMLInputElement>('[data-opt=worst]')!.addEventListener('change', (ev) => {
      this.showWorst = (ev.target as HTMLInputElement).checked;
      this.update();
    });
    // The URL's replay time, read before the design's first frame resets it.
    const t = ctx.state.t;
    this.setDesign(this.design);
    if (t !== undefined) this.seek(cursorAtTime(this.trace, t), Math.min(t, this.endTime()));
  }

  private defaultSpeed(): number {
    const end = this.endTime();
    return SPEEDS.find((s) => end / s <= 20) ?? SPEEDS[SPEEDS.length - 1]!;
  }

  private get trace() {
    return this.design.representativeRun.trace;
  }

  private endTime(): number {
    const trace = this.design.representativeRun.trace;
    return trace.length === 0 ? 0 : trace[trace.length - 1]!.t;
  }

  private setDesign(d: BundleDesign): void {
    this.pause();
    const keep = this.map?.transform;
    this.map?.destroy();
    this.design = d;
    this.element.dataset.design = d.id;
    this.fallen = compromiseIndex(d.representativeRun);
    this.map = new PlantMap(this.mapHolder, {
      layout: this.ctx.layout,
      conduits: conduitsOf(this.ctx.bundle, d),
      controllers: this.ctx.controllers,
      tooltip: (a) => assetTooltip(this.ctx.bundle, a, d),
      onAssetClick: (a) => this.ctx.showStory(a.id),
      onRender: (ms) => {
        const dbg = (window.segsimDebug ??= { renderMs: [] });
        dbg.renderMs.push(ms);
        if (dbg.renderMs.length > 5000) dbg.renderMs.splice(0, 1000);
      },
    });
    if (keep) requestAnimationFrame(() => this.map?.setTransform(keep));
    this.list = new EventList(this.trace, (c) => {
      this.pause();
      this.seek(c);
    });
    this.list.showTechnician(this.showTechnician);
    this.listHolder.replaceChildren(this.list.element);
    this.scrub.max = String(this.trace.length);
    this.seek(0);
  }

  private act(what: string): void {
    if (what === 'play') return this.toggle();
    this.pause();
    if (what === 'start') this.seek(0);
    else if (what === 'end') this.seek(this.trace.length);
    else if (what === 'fwd') this.step(1);
    else if (what === 'back') this.step(-1);
  }

  /** Moves to the next or previous event shown in the list. */
  private step(dir: 1 | -1): void {
    let c = this.cursor + dir;
    const visible = (i: number) => this.showTechnician || !isTechnician(this.trace[i - 1]!);
    while (c > 0 && c < this.trace.length && !visible(c)) c += dir;
    this.seek(Math.max(0, Math.min(this.trace.length, c)));
  }

  private seek(cursor: number, time?: number): void {
    this.cursor = cursor;
    this.time = time ?? (cursor === 0 ? 0 : this.trace[cursor - 1]!.t);
    this.update();
    if (!this.playing && this.map !== null) this.ctx.remember({ t: this.time });
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.cursor >= this.trace.length) this.seek(0);
    this.playing = true;
    this.element.dataset.state = 'playing';
    this.playButton();
    this.last = performance.now();
    const tick = (now: number) => {
      if (!this.playing) return;
      this.time += ((now - this.last) / 1000) * this.speed;
      this.last = now;
      const c = cursorAtTime(this.trace, this.time);
      if (c !== this.cursor) {
        this.cursor = c;
        this.update();
      } else this.clock();
      if (this.time >= this.endTime()) {
        this.seek(this.trace.length);
        this.pause(true);
        return;
      }
      this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  pause(ended = false): void {
    const was = this.playing;
    this.playing = false;
    cancelAnimationFrame(this.raf);
    if (was) this.ctx.remember({ t: this.time });
    this.element.dataset.state =
      ended || (this.cursor >= this.trace.length && this.trace.length > 0) ? 'ended' : 'paused';
    this.playButton();
  }

  private playButton(): void {
    const b = this.element.querySelector<HTMLButtonElement>('[data-act=play]')!;
    b.innerHTML = this.playing ? `${PAUSE_ICON} Pause` : `${PLAY_ICON} Play`;
    b.setAttribute('aria-label', this.playing ? 'Pause' : 'Play');
    b.setAttribute('aria-pressed', String(this.playing));
  }

  private clock(): void {
    this.clockEl.textContent = `t = ${clock(this.time)} · event ${this.cursor} of ${this.trace.length} · horizon ${hours(this.design.representativeRun.horizonHours)}`;
  }

  private update(): void {
    const run = this.design.representativeRun;
    const f = frameAt(run, this.fallen, this.cursor);
    this.frame = f;
    if (!this.playing)
      this.element.dataset.state = this.cursor >= this.trace.length && this.trace.length > 0 ? 'ended' : 'paused';
    this.scrub.value = String(this.cursor);
    this.clock();
    this.list?.setCursor(this.cursor);
    // At the end the loss runs on to the horizon, as the run's production loss does.
    const ended = this.cursor >= this.trace.length && this.trace.length > 0;
    const loss = lossAt(run, this.valuePerHour, ended ? run.horizonHours : this.time);
    this.counters.innerHTML = countersHtml(f, money(loss, this.ctx.bundle.scenario.currency), ended);
    const e = this.shownEvent();
    this.caption.innerHTML = e
      ? caption(e)
      : `<span class="muted">Seed ${escapeXml(String(run.seed))}: the run nearest the median compromised-asset count. Press space to play, arrow keys to step.</span>`;
    this.drawMap(f);
  }

  /** The latest event the list shows: technician events stay out of the caption while they are hidden. */
  private shownEvent(): TraceEvent | null {
    for (let i = this.cursor - 1; i >= 0; i--) {
      const e = this.trace[i]!;
      if (this.showTechnician || !isTechnician(e)) return e;
    }
    return null;
  }

  private drawMap(f: ReplayFrame): void {
    if (this.map === null) return;
    drawFrame(this.map, this.ctx.layout, this.ctx.bundle.plant, this.design, f, {
      showWorst: this.showWorst,
      started: this.cursor > 0,
    });
  }

  private onKey(ev: KeyboardEvent): void {
    if (this.element.hidden || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const target = ev.target as HTMLElement | null;
    if (
      target &&
      (target.tagName === 'SELECT' ||
        target.tagName === 'TEXTAREA' ||
        (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'))
    )
      return;
    const actions: Record<string, string> = {
      ' ': 'play',
      ArrowRight: 'fwd',
      ArrowLeft: 'back',
      Home: 'start',
      End: 'end',
    };
    const what = actions[ev.key];
    if (!what) return;
    ev.preventDefault();
    this.act(what);
  }

  reveal(assetId: string): void {
    const a = this.ctx.layout.assetById.get(assetId);
    if (a && this.map) this.map.zoomTo(a.x, a.y, Math.max(this.map.transform.k, 1.6));
  }

  onShow(): void {
    document.addEventListener('keydown', this.keyHandler);
    this.map?.redraw();
    // The list has its height only now: bring the current event into it.
    requestAnimationFrame(() => this.list?.setCursor(this.cursor));
  }

  onHide(): void {
    this.pause();
    document.removeEventListener('keydown', this.keyHandler);
  }

  toSvg(): string {
    const counts = this.frame ? countsLine(this.frame, this.counters) : '';
    const title = `${designLabel(this.design)} · seed ${this.design.representativeRun.seed} · t = ${clock(this.time)} · event ${this.cursor} of ${this.trace.length}`;
    return replaySvg(this.element, this.mapHolder, this.map, this.ctx.bundle, title, counts);
  }

  destroy(): void {
    this.onHide();
    this.map?.destroy();
    this.element.remove();
  }
}
