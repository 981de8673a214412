// A sweep's results as a terminal table, Markdown, or JSON: per value of the swept field, the
// headline statistics of each design.
import { markdownCode, markdownText } from './escape.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import { pairedDifference } from '../metrics/statistics.js';
import { renderTable } from './compareText.js';
import { money } from './money.js';
import { type DesignTable, designTables, HEADLINE_TABLES, PLC_REACHED, withoutAssetRates } from './designTables.js';
import { markdownTable } from './markdown.js';

export interface SweepPoint {
  value: unknown;
  result: ExperimentResult;
}

export interface Sweep {
  /** The scenario file as given on the command line, and its name. */
  scenario: { file: string; name: string | null; currency?: string };
  /** The swept field's dotted path. */
  set: string;
  seed: number;
  runs: number;
  points: SweepPoint[];
}

/** A swept value as the user would write it; null is the field removed. */
export const showValue = (v: unknown) => (v === null ? 'without' : typeof v === 'string' ? v : JSON.stringify(v));
/** Cut short for a table's first column; the JSON keeps every value whole. */
const label = (v: unknown) => {
  const text = showValue(v);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
};

const tables = (sweep: Sweep) => [
  ...designTables(
    sweep.points.map((p) => ({ label: label(p.value), result: p.result })),
    [PLC_REACHED, ...HEADLINE_TABLES],
    sweep.scenario.currency,
  ),
  ...lossAgainstFirst(sweep),
];

/** Each later value's production loss against the first value's, run by run on the same seeds. */
function lossAgainstFirst(sweep: Sweep): DesignTable[] {
  const whole = (x: number) => money(x, sweep.scenario.currency);
  const [first, ...rest] = sweep.points;
  if (first === undefined || rest.length === 0) return [];
  const ids = first.result.designs.map((d) => d.design.id);
  const loss = (r: ExperimentResult, d: number) => r.designs[d]!.records.map((x) => x.metrics.productionLoss);
  const cell = (r: ExperimentResult, d: number) => {
    const diff = pairedDifference(loss(r, d), loss(first.result, d));
    if (diff.mean === null) return '–';
    return diff.ci95 === null
      ? whole(diff.mean)
      : `${whole(diff.mean)} (${whole(diff.ci95[0])} to ${whole(diff.ci95[1])})`;
  };
  return [
    {
      title: `Production loss, mean change from ${label(first.value)} (paired 95% CI)`,
      ids,
      rows: rest.map((p) => ({ label: label(p.value), cells: ids.map((_, d) => cell(p.result, d)) })),
    },
  ];
}

const attackOf = (sweep: Sweep) => sweep.points[0]!.result.attack;
const about = (sweep: Sweep) =>
  `${sweep.runs} runs per design and value, seed ${sweep.seed}, the same seeds at every value`;

export function renderSweepText(sweep: Sweep): string {
  const out = [`Sweep of ${sweep.set} under ${attackOf(sweep).id}: ${about(sweep)}`];
  for (const t of tables(sweep)) out.push('', t.title, '', ...renderTable(['value', ...t.ids], t.rows));
  return `${out.join('\n')}\n`;
}

export function renderSweepMarkdown(sweep: Sweep): string {
  const attack = attackOf(sweep);
  const out = [`# ${markdownText(sweep.scenario.name ?? sweep.scenario.file)}: ${markdownCode(sweep.set)} swept`, ''];
  out.push(
    `Scenario ${markdownCode(sweep.scenario.file)}, attack \`${attack.id}\`${attack.name ? ` (${markdownText(attack.name)})` : ''}: ${about(sweep)}, so the differences between values are paired.`,
  );
  for (const t of tables(sweep))
    out.push('', `## ${t.title}`, '', ...markdownTable(['value', ...t.ids.map((id) => `\`${id}\``)], t.rows));
  return `${out.join('\n')}\n`;
}

/** Every value's per-metric statistics per design; the per-asset rates are left to compare's bundle. */
export function sweepJson(sweep: Sweep): string {
  const attack = attackOf(sweep);
  const data = {
    generator: 'segsim',
    kind: 'sweep',
    scenario: sweep.scenario,
    attack: { id: attack.id, name: attack.name ?? null },
    set: sweep.set,
    seed: sweep.seed,
    runs: sweep.runs,
    points: sweep.points.map((p) => ({
      value: p.value,
      designs: p.result.designs.map((d) => ({ id: d.design.id, summary: withoutAssetRates(d.summary) })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
