// Distributions: compromised assets per run and time to the first PLC for every design, the paired
// differences between designs with 95% intervals, and what each design costs legitimate work.
import type { AppContext, View } from './context.js';
import { THEME } from '../colors.js';
import type { BundleDesign, MetricName } from '../data/bundle.js';
import { designLabel, perRunValues } from '../data/derive.js';
import { designIndex } from '../data/sections.js';
import { number, percent, signed } from '../format.js';
import { escapeXml } from '../map/assetLayers.js';
import {
  cdfChart,
  histogram,
  histogramPeak,
  intervalChart,
  series,
  summaryStrip,
  type CdfSeries,
  type IntervalRow,
} from './charts.js';
import { exportTitle, svgDocument } from './legend.js';

const PAIRED: { metric: MetricName | 'plcReached'; label: string; format: (v: number) => string }[] = [
  { metric: 'plcReached', label: 'P(PLC reached)', format: (v) => signed(v, (x) => percent(x)) },
  { metric: 'compromisedAssets', label: 'compromised assets', format: (v) => signed(v) },
  { metric: 'compromisedPlcs', label: 'PLCs compromised', format: (v) => signed(v) },
  { metric: 'timeToFirstPlcHours', label: 'time to first PLC (h)', format: (v) => signed(v) },
  { metric: 'productionLoss', label: 'production loss', format: (v) => signed(v) },
  { metric: 'timeToDetectionHours', label: 'time to detection (h)', format: (v) => signed(v) },
  { metric: 'deniedRequests', label: 'denied requests', format: (v) => signed(v) },
  { metric: 'heldForApproval', label: 'held for approval', format: (v) => signed(v) },
  { metric: 'timeToAccessHours', label: 'technician time-to-access (h)', format: (v) => signed(v) },
  { metric: 'privilegeExposure', label: 'privilege exposure (assets × h)', format: (v) => signed(v) },
];

const LEGIT: { metric: MetricName; label: string }[] = [
  { metric: 'timeToAccessHours', label: 'Technician time-to-access (h), mean with 95% interval' },
  { metric: 'privilegeExposure', label: 'Privilege exposure (assets reachable × hours), mean with 95% interval' },
  { metric: 'workloadFailures', label: 'Service requests that never got access, mean per run' },
];

export class DistributionsView implements View {
  readonly element: HTMLElement;
  private renderedWidth = 0;
  private readonly onResize = () => {
    if (!this.element.hidden && Math.abs(this.element.clientWidth - this.renderedWidth) > 40) this.render();
  };

  constructor(private readonly ctx: AppContext) {
    this.element = document.createElement('section');
    this.element.className = 'view distributions-view';
    this.element.dataset.testid = 'distributions-view';
    window.addEventListener('resize', this.onResize);
  }

  onShow(): void {
    if (this.renderedWidth === 0 || Math.abs(this.element.clientWidth - this.renderedWidth) > 40) this.render();
  }

  private render(): void {
    const { bundle } = this.ctx;
    const width = Math.max(320, this.element.clientWidth - 8);
    this.renderedWidth = this.element.clientWidth;
    this.element.innerHTML = '';
    const designs = bundle.designs;
    const perRun = designs.every((d) => perRunValues(d, 'compromisedAssets') !== null);
    const note = document.createElement('p');
    note.className = 'note';
    note.dataset.testid = 'per-run-note';
    const under = `Under <b>${escapeXml(bundle.attack.name ?? bundle.attack.id)}</b>: `;
    note.innerHTML = perRun
      ? `${under}${bundle.runs} runs per design, seed ${escapeXml(String(bundle.seed))}, the same seeds for every design.`
      : `${under}${bundle.runs} runs per design. This bundle carries summary statistics only (no per-run values), so the spread of
         compromised assets is drawn as min · median–p95 box · max with the mean and its 95% interval, and the time-to-first-PLC
         curve passes through the summary's quantiles (dots), not through every run.`;
    this.element.appendChild(note);

    // Compromised assets per run.
    const xMax = Math.max(1, ...designs.map((d) => d.summary.compromisedAssets.max ?? 0));
    const multiples = section(this.element, 'Compromised assets per run', 'small-multiples');
    const perRow = Math.min(designs.length, Math.max(1, Math.floor(width / 320)), 3);
    const cardW = Math.min(560, (width - 14 * (perRow - 1)) / perRow - 22);
    const yMax = Math.max(
      0,
      ...designs.map((d) => histogramPeak(present(perRunValues(d, 'compromisedAssets') ?? []), xMax)),
    );
    const color = (d: BundleDesign) => series(designIndex(this.ctx.full, d)).color;
    designs.forEach((d) => {
      const card = document.createElement('div');
      card.className = 'card';
      card.dataset.design = d.id;
      card.innerHTML = `<h4>${escapeXml(designLabel(d))}</h4>`;
      const values = perRunValues(d, 'compromisedAssets');
      const opts = { width: cardW, height: 150, xMax, yMax, color: color(d), xLabel: 'compromised assets' };
      card.appendChild(values ? histogram(present(values), opts) : summaryStrip(d.summary.compromisedAssets, opts));
      multiples.appendChild(card);
    });

    // Time to first PLC, cumulative over all runs.
    const cdf = section(this.element, 'Time to the first PLC: share of runs in which a PLC had fallen by then', 'cdf');
    const curves = designs.map((d) => cdfSeries(d));
    cdf.appendChild(
      cdfChart(curves, {
        width: Math.min(width, 900),
        height: 280,
        xMax: bundle.horizonHours,
        xLabel: 'simulated hours since the start',
        yLabel: 'runs with a PLC down',
      }),
    );
    cdf.appendChild(seriesLegend(designs));

    // Paired differences.
    const pairs = section(
      this.element,
      'Paired differences a − b over the same seeds: mean with 95% interval (left of the dashed line: a is lower)',
      'pairs',
    );
    pairs.dataset.testid = 'paired';
    const chartCols = Math.max(1, Math.floor(width / 500));
    const chartW = (width - 14 * (chartCols - 1)) / chartCols - 22;
    // A bundle written before a metric existed has no differences for it: no card.
    const carried = PAIRED.filter(
      ({ metric }) => metric === 'plcReached' || bundle.comparisons.every((c) => metric in c.metrics),
    );
    for (const m of carried) {
      const rows: IntervalRow[] = bundle.comparisons.map((c) => {
        const diff = m.metric === 'plcReached' ? c.plcReached : c.metrics[m.metric];
        return {
          label: `${c.a} − ${c.b}`,
          value: diff.mean,
          ci: diff.ci95,
          ...(diff.excluded > 0 ? { note: `(${diff.n} paired runs)` } : {}),
        };
      });
      const card = document.createElement('div');
      card.className = 'card';
      card.innerHTML = `<h4>${escapeXml(m.label)}</h4>`;
      card.appendChild(intervalChart(rows, { width: chartW, xLabel: `difference in ${m.label}`, format: m.format }));
      pairs.appendChild(card);
    }
    if (bundle.comparisons.length === 0)
      pairs.insertAdjacentHTML('beforeend', '<p class="muted">One design only: nothing to compare.</p>');

    // Legitimate work.
    const legit = section(this.element, 'Legitimate work under each design', 'pairs legit');
    for (const m of LEGIT) {
      const rows: IntervalRow[] = designs.map((d, i) => {
        const s = d.summary[m.metric];
        return {
          label: d.id,
          value: s.mean,
          ci: s.ci95,
          color: series(i).color,
          note: s.median === null ? '' : `(median ${number(s.median)}, p95 ${number(s.p95)})`,
        };
      });
      const card = document.createElement('div');
      card.className = 'card';
      card.innerHTML = `<h4>${escapeXml(m.label)}</h4>`;
      card.appendChild(
        intervalChart(rows, {
          width: chartW,
          xLabel: m.label.split(',')[0]!,
          format: (v) => number(v),
          labelWidth: 110,
          valueWidth: 170,
        }),
      );
      legit.appendChild(card);
    }
  }

  toSvg(): string {
    const origin = this.element.getBoundingClientRect();
    const b = this.ctx.bundle;
    const parts: string[] = [
      exportTitle(
        `${b.scenario.name ?? b.scenario.file} · ${b.attack.name ?? b.attack.id} · ${b.runs} runs per design, seed ${b.seed}`,
      ),
    ];
    for (const el of Array.from(this.element.querySelectorAll<HTMLElement>('h3, h4, svg.chart, .series-legend span'))) {
      const r = el.getBoundingClientRect();
      const x = r.left - origin.left;
      const y = r.top - origin.top;
      if (el instanceof SVGSVGElement) parts.push(`<g transform="translate(${x},${y})">${el.innerHTML}</g>`);
      else {
        const size = el.tagName === 'H3' ? 15 : 12;
        const color = el.tagName === 'SPAN' ? el.style.color || THEME.text : THEME.text;
        parts.push(
          `<text x="${x}" y="${y + size}" font-size="${size}" font-weight="${el.tagName === 'SPAN' ? 400 : 600}" fill="${color}">${escapeXml(el.textContent ?? '')}</text>`,
        );
      }
    }
    return svgDocument(origin.width, this.element.scrollHeight, parts.join(''));
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
    this.element.remove();
  }
}

function section(parent: HTMLElement, title: string, cls: string): HTMLElement {
  const h = document.createElement('h3');
  h.textContent = title;
  const div = document.createElement('div');
  div.className = cls;
  parent.append(h, div);
  return div;
}

const present = (values: readonly (number | null)[]) => values.filter((v): v is number => v !== null);

function cdfSeries(d: BundleDesign): CdfSeries {
  const values = perRunValues(d, 'timeToFirstPlcHours');
  if (values) {
    const sorted = present(values).sort((a, b) => a - b);
    return { label: d.id, points: sorted.map((v, i) => [v, (i + 1) / values.length]), step: true, approximate: false };
  }
  const s = d.summary.timeToFirstPlcHours;
  const share = s.n + s.nulls === 0 ? 0 : s.n / (s.n + s.nulls);
  if (s.n === 0 || s.min === null || s.median === null || s.p95 === null || s.max === null)
    return { label: d.id, points: [], step: false, approximate: true };
  return {
    label: d.id,
    points: [
      [s.min, 0],
      [s.median, share * 0.5],
      [s.p95, share * 0.95],
      [s.max, share],
    ],
    step: false,
    approximate: true,
  };
}

function seriesLegend(designs: readonly BundleDesign[]): HTMLElement {
  const el = document.createElement('div');
  el.className = 'series-legend';
  designs.forEach((d, i) => {
    const { color, dash } = series(i);
    const item = document.createElement('span');
    item.style.color = color;
    item.innerHTML = `<svg width="28" height="10"><path d="M0,5L28,5" stroke="${color}" stroke-width="2.4"${dash ? ` stroke-dasharray="${dash}"` : ''}/></svg>${escapeXml(designLabel(d))} · P(PLC) ${percent(d.summary.plcReachedProbability)}`;
    el.appendChild(item);
  });
  return el;
}
