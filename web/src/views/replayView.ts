// Replay of a design's representative run: play, pause, step and scrub the trace; footholds,
// connection attempts, denials, detections and revocations appear on the map as they happen.
import type { AppContext, View } from '../app.js';
import { EVENT, OWNED, THEME } from '../colors.js';
import type { BundleDesign } from '../data/bundle.js';
import { conduitsOf, designLabel, entryPoints } from '../data/derive.js';
import { clock, hours } from '../format.js';
import { escapeXml, NEUTRAL_STYLE, type AssetStyle } from '../map/assetLayers.js';
import { drawArcs, drawRemote } from '../map/overlay.js';
import { PlantMap } from '../map/PlantMap.js';
import { EventList, isTechnician } from './eventList.js';
import { arcLegend, markerLegend, svgBox, svgDocument } from './legend.js';
import { compromiseIndex, cursorAtTime, frameAt, type ReplayFrame } from './replayState.js';
import { assetTooltip } from './story.js';

const PLAY_ICON = '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M1,0v12l10,-6z" fill="currentColor"/></svg>';
const PAUSE_ICON = '<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><path d="M1,0h4v12h-4zM7,0h4v12h-4z" fill="currentColor"/></svg>';

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

  constructor(private readonly ctx: AppContext) {
    const designs = ctx.bundle.designs;
    this.design = designs.find((d) => d.representativeRun.metrics.compromisedAssets > 0) ?? designs[0]!;
    this.speed = this.defaultSpeed();
    this.element = document.createElement('section');
    this.element.className = 'view replay-view';
    this.element.dataset['testid'] = 'replay-view';
    const options = designs.map((d) => `<option value="${escapeXml(d.id)}"${d === this.design ? ' selected' : ''}>${escapeXml(designLabel(d))}</option>`).join('');
    const speeds = SPEEDS.map((s) => `<option value="${s}"${s === this.speed ? ' selected' : ''}>${s} h/s</option>`).join('');
    const arcs = arcLegend();
    const marks = markerLegend(['foothold', 'revoked', 'detected', 'worst']);
    this.element.innerHTML = `
      <div class="toolbar replay-bar">
        <label>Design <select data-testid="replay-design">${options}</select></label>
        <div class="transport" role="group" aria-label="Replay controls">
          <button type="button" data-act="start" title="Back to the start (Home)" aria-label="Back to the start"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M1,0h2v12h-2zM13,0v12l-9,-6z" fill="currentColor"/></svg></button>
          <button type="button" data-act="back" title="Step back (←)" aria-label="Step back"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M12,0v12l-9,-6z" fill="currentColor"/></svg></button>
          <button type="button" data-act="play" class="play" title="Play / pause (space)" aria-label="Play" data-testid="replay-play"></button>
          <button type="button" data-act="fwd" title="Step forward (→)" aria-label="Step forward"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M2,0v12l9,-6z" fill="currentColor"/></svg></button>
          <button type="button" data-act="end" title="To the end (End)" aria-label="To the end"><svg width="14" height="12" viewBox="0 0 14 12" aria-hidden="true"><path d="M1,0v12l9,-6zM11,0h2v12h-2z" fill="currentColor"/></svg></button>
        </div>
        <label>Speed <select data-testid="replay-speed">${speeds}</select></label>
        <input type="range" class="scrub" min="0" value="0" step="1" aria-label="Scrub through the trace" data-testid="replay-scrub" />
        <span class="clock" data-testid="replay-clock"></span>
      </div>
      <div class="replay-legend">${svgBox(arcs.markup, arcs.width, 24)}${svgBox(marks.markup, marks.width, 24)}</div>
      <div class="replay-body">
        <div class="replay-stage">
          <div class="counters" data-testid="replay-counters"></div>
          <div class="replay-map"></div>
          <div class="caption" data-testid="replay-caption"></div>
        </div>
        <div class="replay-events">
          <div class="list-options">
            <label><input type="checkbox" data-opt="technician" /> technician events</label>
            <label><input type="checkbox" data-opt="worst" checked /> static worst case</label>
          </div>
          <div class="list-holder"></div>
        </div>
      </div>`;
    this.mapHolder = this.element.querySelector('.replay-map')!;
    this.listHolder = this.element.querySelector('.list-holder')!;
    this.scrub = this.element.querySelector('.scrub')!;
    this.clockEl = this.element.querySelector('.clock')!;
    this.counters = this.element.querySelector('.counters')!;
    this.caption = this.element.querySelector('.caption')!;
    this.element.querySelector<HTMLSelectElement>('[data-testid=replay-design]')!.addEventListener('change', (ev) => {
      const id = (ev.target as HTMLSelectElement).value;
      this.setDesign(designs.find((d) => d.id === id)!);
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
        this.act(b.dataset['act']!);
        b.blur();
      });
    }
    this.element.querySelector<HTMLInputElement>('[data-opt=technician]')!.addEventListener('change', (ev) => {
      this.showTechnician = (ev.target as HTMLInputElement).checked;
      this.list?.showTechnician(this.showTechnician);
    });
    this.element.querySelector<HTMLInputElement>('[data-opt=worst]')!.addEventListener('change', (ev) => {
      this.showWorst = (ev.target as HTMLInputElement).checked;
      this.update();
    });
    this.setDesign(this.design);
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
    this.element.dataset['design'] = d.id;
    this.fallen = compromiseIndex(d.representativeRun);
    this.map = new PlantMap(this.mapHolder, {
      layout: this.ctx.layout,
      conduits: conduitsOf(this.ctx.bundle, d),
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
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  play(): void {
    if (this.cursor >= this.trace.length) this.seek(0);
    this.playing = true;
    this.element.dataset['state'] = 'playing';
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
    this.playing = false;
    cancelAnimationFrame(this.raf);
    this.element.dataset['state'] = ended || (this.cursor >= this.trace.length && this.trace.length > 0) ? 'ended' : 'paused';
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
    if (!this.playing) this.element.dataset['state'] = this.cursor >= this.trace.length && this.trace.length > 0 ? 'ended' : 'paused';
    this.scrub.value = String(this.cursor);
    this.clock();
    this.list?.setCursor(this.cursor);
    const live = [...f.footholds.values()].filter((s) => s === 'live').length;
    this.counters.innerHTML = [
      counter('compromised', f.compromised.size, 'compromised assets', OWNED),
      counter('footholds', live, 'live footholds', '#ffffff'),
      counter('attempts', f.attempts, 'connection attempts', EVENT.success),
      counter('denied', f.denied, 'denied', EVENT.denied),
      counter('detections', f.detections, 'detections', EVENT.detect),
      counter('revocations', f.revocations, 'revocations', EVENT.revoke),
    ].join('');
    const e = this.cursor > 0 ? this.trace[this.cursor - 1]! : null;
    this.caption.innerHTML = e
      ? `<span class="t">${clock(e.t)}</span> <span class="pill outcome-${e.outcome}">${escapeXml(e.outcome)}</span> ${e.technique ? `<b>${escapeXml(e.technique)}</b> ` : ''}${escapeXml(e.detail)}${e.mitigation ? ` <span class="muted">[stopped by ${escapeXml(e.mitigation)}]</span>` : ''}`
      : `<span class="muted">Seed ${escapeXml(String(run.seed))}: the run nearest the median compromised-asset count. Press space to play, arrow keys to step.</span>`;
    this.drawMap(f);
  }

  private drawMap(f: ReplayFrame): void {
    const map = this.map;
    if (!map) return;
    const worst = new Set(this.showWorst ? this.design.staticBlastRadius.assets : []);
    const styles: AssetStyle[] = this.ctx.layout.assets.map((a) => {
      const foothold = f.footholds.get(a.id);
      return {
        fill: f.compromised.has(a.id) ? OWNED : NEUTRAL_STYLE.fill,
        worst: worst.has(a.id),
        ring: foothold === 'live' ? 'foothold' : foothold === 'revoked' ? 'revoked' : 'none',
        detected: f.detected.has(a.id),
      };
    });
    map.setStyles(styles);
    const g = map.overlaySelection();
    const entry = new Set(entryPoints(this.design).filter((n) => f.footholds.has(n)));
    drawRemote(g, this.ctx.layout, { entry, state: f.footholds, note: this.cursor > 0 && f.footholds.size === 0 ? 'no foothold yet' : '' });
    drawArcs(g, f.arcs, (n) => map.position(n));
  }

  private onKey(ev: KeyboardEvent): void {
    if (this.element.hidden || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const target = ev.target as HTMLElement | null;
    if (target && (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA' || (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'checkbox'))) return;
    const actions: Record<string, string> = { ' ': 'play', ArrowRight: 'fwd', ArrowLeft: 'back', Home: 'start', End: 'end' };
    const what = actions[ev.key];
    if (!what) return;
    ev.preventDefault();
    this.act(what);
  }

  onShow(): void {
    document.addEventListener('keydown', this.keyHandler);
    this.map?.redraw();
  }

  onHide(): void {
    this.pause();
    document.removeEventListener('keydown', this.keyHandler);
  }

  toSvg(): string {
    const origin = this.element.getBoundingClientRect();
    const stage = this.element.querySelector('.replay-stage')!.getBoundingClientRect();
    const holder = this.mapHolder.getBoundingClientRect();
    const parts: string[] = [];
    for (const svg of Array.from(this.element.querySelectorAll('.replay-legend svg'))) {
      const r = svg.getBoundingClientRect();
      parts.push(`<g transform="translate(${r.left - origin.left},${r.top - origin.top})">${svg.innerHTML}</g>`);
    }
    const f = this.frame;
    const title = `${designLabel(this.design)} · seed ${this.design.representativeRun.seed} · t = ${clock(this.time)} · event ${this.cursor} of ${this.trace.length}`;
    const counts = f ? `compromised ${f.compromised.size} · attempts ${f.attempts} · denied ${f.denied} · detections ${f.detections} · revocations ${f.revocations}` : '';
    parts.push(`<text x="${stage.left - origin.left + 4}" y="${stage.top - origin.top + 16}" font-size="13" fill="${THEME.text}">${escapeXml(title)}</text>`);
    parts.push(`<text x="${stage.left - origin.left + 4}" y="${stage.top - origin.top + 34}" font-size="12" fill="${THEME.muted}">${escapeXml(counts)}</text>`);
    if (this.map) {
      const { markup, width, height } = this.map.toSvgMarkup();
      parts.push(
        `<g transform="translate(${holder.left - origin.left},${holder.top - origin.top})"><clipPath id="clip-replay"><rect width="${width}" height="${height}"/></clipPath><rect width="${width}" height="${height}" fill="${THEME.panel}"/><g clip-path="url(#clip-replay)">${markup}</g></g>`,
      );
    }
    return svgDocument(holder.right - origin.left + 8, holder.bottom - origin.top + 8, parts.join(''));
  }

  destroy(): void {
    this.onHide();
    this.map?.destroy();
    this.element.remove();
  }
}

function counter(key: string, n: number, label: string, color: string): string {
  return `<div class="counter"><span class="swatch" style="background:${color}"></span><span class="value" data-testid="replay-${key}">${n}</span><span class="label">${escapeXml(label)}</span></div>`;
}
