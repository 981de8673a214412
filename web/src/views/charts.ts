// Small SVG charts for the distributions view: histogram, cumulative curves, interval rows.
import { axisBottom, axisLeft, bin, create, max, scaleLinear, type Selection } from 'd3';
import { THEME } from '../colors.js';
import type { Summary } from '../data/bundle.js';

type Svg = Selection<SVGSVGElement, undefined, null, undefined>;

/** Okabe-Ito colours with dash patterns, so designs differ without colour. */
export const SERIES = [
  { color: '#E69F00', dash: null },
  { color: '#56B4E9', dash: '6 3' },
  { color: '#009E73', dash: '2 3' },
  { color: '#F0E442', dash: '8 3 2 3' },
  { color: '#CC79A7', dash: '1 2' },
  { color: '#0072B2', dash: '10 4' },
  { color: '#D55E00', dash: '4 4' },
] as const;

export const series = (i: number) => SERIES[i % SERIES.length]!;

const M = { top: 12, right: 16, bottom: 34, left: 46 };

function frame(
  width: number,
  height: number,
): { svg: Svg; plot: Selection<SVGGElement, undefined, null, undefined>; w: number; h: number } {
  const svg = create('svg')
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('class', 'chart') as Svg;
  const plot = svg.append('g').attr('transform', `translate(${M.left},${M.top})`);
  return { svg, plot, w: width - M.left - M.right, h: height - M.top - M.bottom };
}

function style(g: Selection<SVGGElement, undefined, null, undefined>): void {
  g.selectAll('text').attr('fill', THEME.muted).attr('font-size', 10);
  g.selectAll('path.domain, line').attr('stroke', THEME.zoneStroke);
}

function axisLabel(svg: Svg, text: string, x: number, y: number, rotate = false): void {
  svg
    .append('text')
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', 'middle')
    .attr('font-size', 10.5)
    .attr('fill', THEME.muted)
    .attr('transform', rotate ? `rotate(-90 ${x} ${y})` : null)
    .text(text);
}

function bins(values: readonly number[], xMax: number) {
  const hi = Math.max(1, xMax);
  const binner = bin().domain([0, hi + 1]);
  return (hi + 1 <= 40 ? binner.thresholds(Array.from({ length: hi + 1 }, (_, i) => i)) : binner.thresholds(30))([
    ...values,
  ]);
}

/** The tallest bar of a histogram, as a share of runs: histograms side by side share the largest. */
export function histogramPeak(values: readonly number[], xMax: number): number {
  return values.length === 0 ? 0 : (max(bins(values, xMax), (b) => b.length / values.length) ?? 0);
}

/** Integer-valued histogram: share of runs per value, on a y-axis up to `yMax` (shared by the histograms beside it). */
export function histogram(
  values: readonly number[],
  opts: { width: number; height: number; xMax: number; yMax: number; color: string; xLabel: string },
): SVGSVGElement {
  const { svg, plot, w, h } = frame(opts.width, opts.height);
  const hi = Math.max(1, opts.xMax);
  const data = bins(values, opts.xMax);
  const x = scaleLinear()
    .domain([0, hi + 1])
    .range([0, w]);
  const y = scaleLinear()
    .domain([0, Math.max(0.05, opts.yMax)])
    .nice()
    .range([h, 0]);
  plot
    .selectAll('rect')
    .data(data)
    .join('rect')
    .attr('x', (b) => x(b.x0!) + 0.5)
    .attr('y', (b) => y(b.length / values.length))
    .attr('width', (b) => Math.max(1, x(b.x1!) - x(b.x0!) - 1))
    .attr('height', (b) => h - y(b.length / values.length))
    .attr('fill', opts.color);
  plot
    .append('g')
    .attr('transform', `translate(0,${h})`)
    .call(axisBottom(x).ticks(Math.min(10, hi + 1), 'd'))
    .call(style);
  plot.append('g').call(axisLeft(y).ticks(4, '.0%')).call(style);
  axisLabel(svg, opts.xLabel, M.left + w / 2, opts.height - 4);
  return svg.node()!;
}

/**
 * The spread of a metric from its summary alone: whisker min–max, box median–p95, the mean with
 * its 95% interval. Used when the bundle carries no per-run values.
 */
export function summaryStrip(
  s: Summary,
  opts: { width: number; height: number; xMax: number; color: string; xLabel: string },
): SVGSVGElement {
  const { svg, plot, w, h } = frame(opts.width, opts.height);
  const x = scaleLinear()
    .domain([0, Math.max(1, opts.xMax)])
    .nice()
    .range([0, w]);
  const cy = h / 2;
  if (s.n > 0 && s.min !== null && s.max !== null && s.median !== null && s.p95 !== null) {
    plot
      .append('line')
      .attr('x1', x(s.min))
      .attr('x2', x(s.max))
      .attr('y1', cy)
      .attr('y2', cy)
      .attr('stroke', THEME.muted);
    for (const v of [s.min, s.max])
      plot
        .append('line')
        .attr('x1', x(v))
        .attr('x2', x(v))
        .attr('y1', cy - 8)
        .attr('y2', cy + 8)
        .attr('stroke', THEME.muted);
    plot
      .append('rect')
      .attr('x', x(s.median))
      .attr('y', cy - 12)
      .attr('width', Math.max(2, x(s.p95) - x(s.median)))
      .attr('height', 24)
      .attr('fill', opts.color)
      .attr('fill-opacity', 0.55)
      .attr('stroke', opts.color);
    plot
      .append('line')
      .attr('x1', x(s.median))
      .attr('x2', x(s.median))
      .attr('y1', cy - 14)
      .attr('y2', cy + 14)
      .attr('stroke', '#fff')
      .attr('stroke-width', 2);
    if (s.mean !== null) {
      if (s.ci95)
        plot
          .append('line')
          .attr('x1', x(s.ci95[0]))
          .attr('x2', x(s.ci95[1]))
          .attr('y1', cy + 20)
          .attr('y2', cy + 20)
          .attr('stroke', '#fff')
          .attr('stroke-width', 2);
      plot
        .append('circle')
        .attr('cx', x(s.mean))
        .attr('cy', cy + 20)
        .attr('r', 3.5)
        .attr('fill', '#fff');
    }
    const note = `min ${fmt(s.min)} · median ${fmt(s.median)} · p95 ${fmt(s.p95)} · max ${fmt(s.max)} · mean ${fmt(s.mean)}`;
    plot.append('text').attr('x', 0).attr('y', 10).attr('font-size', 10).attr('fill', THEME.muted).text(note);
  } else {
    plot
      .append('text')
      .attr('x', w / 2)
      .attr('y', cy)
      .attr('text-anchor', 'middle')
      .attr('fill', THEME.muted)
      .attr('font-size', 11)
      .text('no values');
  }
  plot.append('g').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(8)).call(style);
  axisLabel(svg, opts.xLabel, M.left + w / 2, opts.height - 4);
  return svg.node()!;
}

const fmt = (v: number | null) => (v === null ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

export interface CdfSeries {
  label: string;
  /** Points (x, share of all runs) of a step or polyline curve, ending at the share that ever reached. */
  points: [number, number][];
  step: boolean;
  /** Where the curve is read off summary quantiles rather than runs. */
  approximate: boolean;
}

export function cdfChart(
  all: readonly CdfSeries[],
  opts: { width: number; height: number; xMax: number; xLabel: string; yLabel: string },
): SVGSVGElement {
  const { svg, plot, w, h } = frame(opts.width, opts.height);
  const x = scaleLinear()
    .domain([0, Math.max(1, opts.xMax)])
    .range([0, w]);
  const y = scaleLinear().domain([0, 1]).range([h, 0]);
  plot.append('g').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(8)).call(style);
  plot.append('g').call(axisLeft(y).ticks(5, '.0%')).call(style);
  all.forEach((s, i) => {
    const { color, dash } = series(i);
    let d = '';
    let prev: [number, number] = [0, 0];
    d += `M${x(0)},${y(0)}`;
    for (const p of s.points) {
      if (s.step) d += `L${x(p[0])},${y(prev[1])}`;
      d += `L${x(p[0])},${y(p[1])}`;
      prev = p;
    }
    d += `L${x(opts.xMax)},${y(prev[1])}`;
    plot
      .append('path')
      .attr('d', d)
      .attr('fill', 'none')
      .attr('stroke', color)
      .attr('stroke-width', 2.2)
      .attr('stroke-dasharray', dash)
      .attr('data-series', s.label);
    if (s.approximate)
      for (const p of s.points)
        plot.append('circle').attr('cx', x(p[0])).attr('cy', y(p[1])).attr('r', 3).attr('fill', color);
  });
  axisLabel(svg, opts.xLabel, M.left + w / 2, opts.height - 4);
  axisLabel(svg, opts.yLabel, 12, M.top + h / 2, true);
  return svg.node()!;
}

export interface IntervalRow {
  label: string;
  value: number | null;
  ci: [number, number] | null;
  note?: string;
  color?: string;
}

/** One row per item: a dot at the value and a bar for its 95% interval, with a zero line. */
export function intervalChart(
  rows: readonly IntervalRow[],
  opts: { width: number; xLabel: string; format: (v: number) => string; labelWidth?: number; valueWidth?: number },
): SVGSVGElement {
  const rowH = 24;
  const labelW = opts.labelWidth ?? 190;
  const height = M.top + rows.length * rowH + M.bottom;
  const { svg, plot } = frame(opts.width, height);
  plot.attr('transform', `translate(${labelW},${M.top})`);
  const width = opts.width - labelW - M.right - (opts.valueWidth ?? 90);
  const extent: number[] = [0];
  for (const r of rows) {
    if (r.value !== null) extent.push(r.value);
    if (r.ci) extent.push(...r.ci);
  }
  const lo = Math.min(...extent);
  const hi = Math.max(...extent);
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .nice()
    .range([0, width]);
  const hRows = rows.length * rowH;
  plot
    .append('line')
    .attr('x1', x(0))
    .attr('x2', x(0))
    .attr('y1', -4)
    .attr('y2', hRows)
    .attr('stroke', '#6b7b8f')
    .attr('stroke-dasharray', '3 3');
  rows.forEach((r, i) => {
    const cy = i * rowH + rowH / 2;
    const color = r.color ?? '#E69F00';
    plot
      .append('text')
      .attr('x', -10)
      .attr('y', cy + 4)
      .attr('text-anchor', 'end')
      .attr('font-size', 11)
      .attr('fill', THEME.text)
      .text(r.label);
    if (r.ci)
      plot
        .append('line')
        .attr('x1', x(r.ci[0]))
        .attr('x2', x(r.ci[1]))
        .attr('y1', cy)
        .attr('y2', cy)
        .attr('stroke', color)
        .attr('stroke-width', 3)
        .attr('stroke-linecap', 'round');
    if (r.value !== null)
      plot
        .append('circle')
        .attr('cx', x(r.value))
        .attr('cy', cy)
        .attr('r', 4.5)
        .attr('fill', '#fff')
        .attr('stroke', color)
        .attr('stroke-width', 2);
    plot
      .append('text')
      .attr('x', width + 8)
      .attr('y', cy + 4)
      .attr('font-size', 10.5)
      .attr('fill', THEME.muted)
      .text(r.value === null ? 'no pairs' : `${opts.format(r.value)}${r.note ? ` ${r.note}` : ''}`);
  });
  plot
    .append('g')
    .attr('transform', `translate(0,${hRows})`)
    .call(
      axisBottom(x)
        .ticks(6)
        .tickFormat((v) => opts.format(Number(v))),
    )
    .call(style);
  axisLabel(svg, opts.xLabel, labelW + width / 2, height - 4);
  return svg.node()!;
}
