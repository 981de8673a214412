// The headline statistics of each design, one table per statistic, one row per experiment: the
// rows are a sweep's values or a matrix's attacks.
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { DesignSummary } from '../experiment/summary.js';
import { money } from './money.js';
import type { Row } from './rows.js';

/** One row of every table: an experiment and what to call it. */
export interface LabelledResult {
  label: string;
  result: ExperimentResult;
}

export interface DesignTable {
  title: string;
  /** Design ids, the columns. */
  ids: string[];
  rows: Row[];
}

export interface TableSpec {
  title: string;
  /** `currency`: the scenario's, for money cells. */
  cell: (result: ExperimentResult, design: number, currency: string | undefined) => string;
}

// Fixed decimals, unlike rows.ts's num: the same metric down a column of experiments lines up.
const fixed = (x: number | null, digits: number) =>
  x === null ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const hours = (x: number | null) => (x === null ? 'never' : `${x.toFixed(1)} h`); // null: it never happened
export const percentCell = (p: number) => `${Math.round(p * 100)}%`;

export const PLC_REACHED: TableSpec = {
  title: 'P(PLC reached)',
  cell: (r, d) => percentCell(r.designs[d]!.summary.plcReachedProbability),
};

/** What a sweep shows, and a matrix after its own first table. */
export const HEADLINE_TABLES: readonly TableSpec[] = [
  { title: 'Compromised assets, mean', cell: (r, d) => fixed(r.designs[d]!.summary.compromisedAssets.mean, 1) },
  {
    title: 'Production loss, mean',
    cell: (r, d, currency) => money(r.designs[d]!.summary.productionLoss.mean, currency),
  },
  { title: 'Time to detection, median', cell: (r, d) => hours(r.designs[d]!.summary.timeToDetectionHours.median) },
  // The legitimate side of the trade-off: what the design costs the people who service the plant.
  { title: 'Technician time-to-access, mean', cell: (r, d) => hours(r.designs[d]!.summary.timeToAccessHours.mean) },
  {
    title: 'Privilege exposure (assets × h), mean',
    cell: (r, d) => fixed(r.designs[d]!.summary.privilegeExposure.mean, 0),
  },
];

/** A design's statistics for JSON output, without the per-asset rates only compare's bundle carries. */
export function withoutAssetRates(summary: DesignSummary): Omit<DesignSummary, 'assetCompromiseRate'> {
  const { assetCompromiseRate: _perAsset, ...rest } = summary;
  return rest;
}

/** The tables for `specs`; every experiment must compare the same designs, in the same order. */
export function designTables(
  points: readonly LabelledResult[],
  specs: readonly TableSpec[],
  currency?: string,
): DesignTable[] {
  const ids = points[0]!.result.designs.map((d) => d.design.id);
  return specs.map((t) => ({
    title: t.title,
    ids,
    rows: points.map((p) => ({ label: p.label, cells: ids.map((_, d) => t.cell(p.result, d, currency)) })),
  }));
}
