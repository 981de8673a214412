// One interactive plant map: bands, zones and conduits in SVG, assets in SVG or canvas, an overlay
// for markers and replay arcs, every word in screen space (mapLabels.ts), a column of level
// labels, d3-zoom for zoom and pan, a quadtree for hover and click, arrow keys to walk the assets.
import {
  quadtree,
  select,
  zoom,
  zoomIdentity,
  type Quadtree,
  type Selection,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3';
import type { BundleConduit } from '../data/bundle.js';
import {
  CanvasAssetLayer,
  SvgAssetLayer,
  assetsSvgMarkup,
  neutralStyle,
  type AssetLayer,
  type AssetStyle,
} from './assetLayers.js';
import { MapTips } from './mapTips.js';
import { CELL, type AssetPos, type PlantLayout } from './layout.js';
import { MapLabels, type WorldLabel } from './mapLabels.js';
import { columnEdge, drawBandLabels, drawBase, labelColumn, placeBandLabels, type BandLabels } from './plantBase.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Above this many assets the asset layer is a canvas. */
export const CANVAS_THRESHOLD = 400;

export interface PlantMapOptions {
  layout: PlantLayout;
  conduits: readonly BundleConduit[];
  /** Controllers: labelled before other assets. */
  controllers: ReadonlySet<string>;
  /** Forces a renderer; default by plant size. */
  renderer?: 'svg' | 'canvas';
  tooltip?: (a: AssetPos) => string;
  onAssetClick?: (a: AssetPos) => void;
  onZoom?: (t: ZoomTransform) => void;
  /** Called after every asset redraw with its duration in ms. */
  onRender?: (ms: number) => void;
}

export class PlantMap {
  readonly root: HTMLDivElement;
  readonly renderer: 'svg' | 'canvas';
  private readonly base: SVGSVGElement;
  private readonly baseView: SVGGElement;
  private readonly overlay: SVGSVGElement;
  readonly overlayView: SVGGElement;
  private readonly layer: AssetLayer;
  private readonly tips: MapTips;
  private readonly bandLabels: BandLabels;
  private readonly labels: MapLabels;
  private readonly focusRing: SVGCircleElement;
  private readonly index: Quadtree<AssetPos>;
  private readonly zoomer: ZoomBehavior<HTMLDivElement, unknown>;
  private styles: AssetStyle[];
  private t: ZoomTransform = zoomIdentity;
  private width = 0;
  private height = 0;
  /** Screen width of the level column, by map width. */
  private column = 0;
  private fitted = false;
  private syncing = false;
  /** Set once someone zooms or pans: a resize then keeps their view instead of fitting again. */
  private userZoomed = false;
  private explicit = false;
  private frame = 0;
  private readonly resizeObserver: ResizeObserver;

  constructor(
    parent: HTMLElement,
    private readonly opts: PlantMapOptions,
  ) {
    const { layout } = opts;
    this.renderer = opts.renderer ?? (layout.assets.length > CANVAS_THRESHOLD ? 'canvas' : 'svg');
    this.root = document.createElement('div');
    this.root.className = 'plant-map';
    this.root.dataset.renderer = this.renderer;
    this.root.tabIndex = 0;
    this.root.setAttribute('role', 'application');
    this.root.setAttribute(
      'aria-label',
      `Plant map: ${layout.assets.length} assets in ${layout.zones.length} zones by Purdue level. Drag to pan, scroll to zoom, double-click to fit; arrow keys walk the assets, Enter opens an asset's story.`,
    );
    parent.appendChild(this.root);

    this.base = document.createElementNS(SVG_NS, 'svg');
    this.base.classList.add('map-base');
    this.root.appendChild(this.base);
    this.baseView = document.createElementNS(SVG_NS, 'g');
    this.base.appendChild(this.baseView);
    const notes = drawBase(this.baseView, layout, opts.conduits);

    if (this.renderer === 'canvas') {
      const canvas = document.createElement('canvas');
      canvas.className = 'map-assets';
      this.root.appendChild(canvas);
      this.layer = new CanvasAssetLayer(canvas, layout.assets);
    } else {
      this.layer = new SvgAssetLayer(this.baseView, layout.assets);
    }

    this.overlay = document.createElementNS(SVG_NS, 'svg');
    this.overlay.classList.add('map-overlay');
    this.root.appendChild(this.overlay);
    this.overlayView = document.createElementNS(SVG_NS, 'g');
    this.overlay.appendChild(this.overlayView);
    this.focusRing = document.createElementNS(SVG_NS, 'circle');
    this.focusRing.classList.add('focus-ring');
    this.overlayView.appendChild(this.focusRing);
    this.labels = new MapLabels(this.overlay, layout, opts.controllers);
    this.labels.set('conduits', notes);
    this.bandLabels = drawBandLabels(this.overlay, layout);

    this.tips = new MapTips(this.root, this.focusRing, opts);

    this.styles = layout.assets.map(() => neutralStyle());
    this.index = quadtree<AssetPos>()
      .x((a) => a.x)
      .y((a) => a.y)
      .addAll([...layout.assets]);

    this.zoomer = zoom<HTMLDivElement, unknown>()
      .scaleExtent([0.01, 40])
      .on('zoom', (ev: { transform: ZoomTransform; sourceEvent: unknown }) => {
        this.t = ev.transform;
        this.applyTransform();
        if (ev.sourceEvent) this.userZoomed = true;
        // Linked maps follow what people do, not each map fitting itself.
        if (!this.syncing && (ev.sourceEvent || this.explicit)) opts.onZoom?.(ev.transform);
      });
    select(this.root).call(this.zoomer).on('dblclick.zoom', null);
    this.root.addEventListener('pointermove', (ev) => this.hover(ev));
    this.root.addEventListener('pointerleave', () => this.tips.hide());
    this.root.addEventListener('pointerdown', () => this.tips.hide());
    this.root.addEventListener('click', (ev) => {
      this.tips.hide();
      const a = this.assetAt(ev);
      if (a) opts.onAssetClick?.(a);
    });
    this.root.addEventListener('dblclick', () => {
      this.userZoomed = false;
      this.explicitly(() => this.fit());
    });
    this.root.addEventListener('keydown', (ev) => this.onKey(ev));
    this.root.addEventListener('blur', () => this.tips.focus(null));

    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(this.root);
    this.resize();
  }

  private resize(): void {
    const w = this.root.clientWidth;
    const h = this.root.clientHeight;
    if (w === 0 || h === 0 || (w === this.width && h === this.height)) return;
    this.width = w;
    this.height = h;
    this.column = labelColumn(w);
    for (const svg of [this.base, this.overlay]) {
      svg.setAttribute('width', String(w));
      svg.setAttribute('height', String(h));
    }
    this.layer.resize(w, h);
    if (!this.fitted || !this.userZoomed) {
      this.fitted = true;
      this.fit();
    } else this.redraw();
  }

  /** The transform that shows the whole plant right of the label column. */
  fitTransform(): ZoomTransform {
    const { layout } = this.opts;
    const room = this.width - this.column;
    const k = Math.min(room / layout.width, this.height / layout.height) * 0.98;
    return zoomIdentity
      .translate(this.column + (room - layout.width * k) / 2, (this.height - layout.height * k) / 2)
      .scale(k);
  }

  fit(): void {
    if (this.width === 0) return;
    select(this.root).call(this.zoomer.transform, this.fitTransform());
  }

  /** Applies a transform from a linked map without echoing it back. */
  setTransform(t: ZoomTransform): void {
    this.userZoomed = true;
    this.syncing = true;
    select(this.root).call(this.zoomer.transform, t);
    this.syncing = false;
  }

  get transform(): ZoomTransform {
    return this.t;
  }

  zoomTo(x: number, y: number, k: number): void {
    this.userZoomed = true;
    this.explicitly(() =>
      select(this.root).call(
        this.zoomer.transform,
        zoomIdentity.translate((this.width + this.column) / 2 - x * k, this.height / 2 - y * k).scale(k),
      ),
    );
  }

  /** Zooms to show a box of the plant (world units) whole. */
  zoomToBox(box: { x: number; y: number; w: number; h: number }): void {
    const room = this.width - this.column;
    const k = Math.min(room / box.w, this.height / box.h) * 0.92;
    this.zoomTo(box.x + box.w / 2, box.y + box.h / 2, k);
  }

  private explicitly(f: () => void): void {
    this.explicit = true;
    try {
      f();
    } finally {
      this.explicit = false;
    }
  }

  setStyles(styles: AssetStyle[]): void {
    this.styles = styles;
    this.redraw();
  }

  /** Labels a view pins to the plant (remote footholds, path techniques, line marks), by kind. */
  setLabels(kind: string, labels: WorldLabel[]): void {
    this.labels.set(kind, labels);
    this.redraw();
  }

  /** Assets named before all others: the entry point, the selected asset. */
  preferLabels(ids: Iterable<string>): void {
    this.labels.prefer(ids);
    this.redraw();
  }

  private applyTransform(): void {
    const tr = this.t.toString();
    this.baseView.setAttribute('transform', tr);
    this.overlayView.setAttribute('transform', tr);
    placeBandLabels(this.bandLabels, this.t, this.column, this.height);
    this.redraw();
  }

  /** Redraws the asset layer and the labels, at most once per animation frame. */
  redraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.drawNow();
    });
  }

  drawNow(): void {
    const start = performance.now();
    this.layer.draw(this.styles, this.t);
    this.opts.onRender?.(performance.now() - start);
    // Labels stay right of the level column, which follows the plant's left edge when the plant is narrower than the map.
    this.labels.update(this.t, this.width, this.height, columnEdge(this.t, this.column));
  }

  private assetAt(ev: MouseEvent): AssetPos | undefined {
    // Assets under the label column are hidden, so not there to hover or click.
    if ((ev.target as Element).closest('.band-labels')) return undefined;
    const rect = this.root.getBoundingClientRect();
    const [x, y] = this.t.invert([ev.clientX - rect.left, ev.clientY - rect.top]);
    return this.index.find(x, y, CELL.w / 2);
  }

  private hover(ev: PointerEvent): void {
    if (ev.buttons !== 0) return this.tips.hide();
    const a = this.assetAt(ev);
    this.root.style.cursor = a ? 'pointer' : 'grab';
    if (!a) return this.tips.hide();
    const rect = this.root.getBoundingClientRect();
    this.tips.show(a, ev.clientX - rect.left, ev.clientY - rect.top, this.width, this.height);
  }

  /** Arrow keys walk the assets (the map zooms to one off screen), Enter opens its story. */
  private onKey(ev: KeyboardEvent): void {
    const next = this.tips.key(ev, this.opts.layout.assets);
    if (next === undefined) return;
    if (next === null) return this.tips.focus(null);
    this.tips.focus(next);
    const [x, y] = this.t.apply([next.x, next.y]);
    if (x < this.column || x > this.width || y < 0 || y > this.height)
      this.zoomTo(next.x, next.y, Math.max(this.t.k, 1));
    const [sx, sy] = this.t.apply([next.x, next.y]);
    this.tips.show(next, sx, sy, this.width, this.height);
  }

  /** The overlay in world coordinates, for markers and replay arcs. */
  overlaySelection(): Selection<SVGGElement, unknown, null, undefined> {
    return select(this.overlayView);
  }

  /** Position of an asset or a remote foothold by name. */
  position(name: string): { x: number; y: number } | undefined {
    return this.opts.layout.assetById.get(name) ?? this.opts.layout.remote.get(name);
  }

  /** The current view as standalone SVG markup (assets as vector glyphs whatever the renderer). */
  toSvgMarkup(): { markup: string; width: number; height: number } {
    this.drawNow();
    const baseClone = this.baseView.cloneNode(true) as SVGGElement;
    baseClone.querySelector('g.assets')?.remove();
    const serializer = new XMLSerializer();
    const overlayClone = this.overlayView.cloneNode(true) as SVGGElement;
    overlayClone.querySelector('.focus-ring')?.remove();
    const inner =
      `<g transform="${this.t.toString()}">` +
      serializer.serializeToString(baseClone).replace(/^<g[^>]*>/, '<g>') +
      assetsSvgMarkup(this.opts.layout.assets, this.styles) +
      serializer.serializeToString(overlayClone).replace(/^<g[^>]*>/, '<g>') +
      '</g>' +
      serializer.serializeToString(this.overlay.querySelector('g.map-labels')!) +
      serializer.serializeToString(this.overlay.querySelector('g.band-labels')!);
    return { markup: inner, width: this.width, height: this.height };
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.layer.destroy();
    this.labels.destroy();
    this.root.remove();
  }
}
