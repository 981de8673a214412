// From run records to what a reader compares: per-metric statistics, the chance a PLC falls, how
// often each asset falls (the viewer's heat map), and paired differences between designs.
import { pairedDifference, summarize, type PairedDifference, type Summary } from '../metrics/statistics.js';
import type { PlantModel } from '../model/plantModel.js';
import { METRIC_NAMES } from '../contract/trace.js';
import type { RunRecord } from './runs.js';

export type MetricName = (typeof METRIC_NAMES)[number];

export type DesignSummary = Record<MetricName, Summary> & {
  /** Share of runs in which at least one PLC was compromised. */
  plcReachedProbability: number;
  /** Share of runs in which each asset was compromised, every asset in plant order. */
  assetCompromiseRate: Record<string, number>;
  /** Attacker steps each ATT&CK for ICS mitigation refused, mean per run, by mitigation id. */
  stepsBlockedBy: Record<string, number>;
};

export interface Comparison {
  /** Differences are a − b, run by run over the same seeds (common random numbers). */
  a: string;
  b: string;
  /** Per run: 1 when a PLC fell, else 0. */
  plcReached: PairedDifference;
  metrics: Record<MetricName, PairedDifference>;
}

const plcReached = (r: RunRecord): number => (r.metrics.compromisedPlcs > 0 ? 1 : 0);

export function summarizeRecords(model: PlantModel, records: readonly RunRecord[]): DesignSummary {
  const metrics = Object.fromEntries(
    METRIC_NAMES.map((m) => [m, summarize(records.map((r) => r.metrics[m]))]),
  ) as Record<MetricName, Summary>;
  const counts = new Map<string, number>(model.assets.map((a) => [a.id, 0]));
  for (const r of records) for (const id of r.compromised) counts.set(id, (counts.get(id) ?? 0) + 1);
  const share = (k: number) => (records.length === 0 ? 0 : k / records.length);
  return {
    ...metrics,
    plcReachedProbability: share(records.filter((r) => plcReached(r) === 1).length),
    assetCompromiseRate: Object.fromEntries([...counts].map(([id, k]) => [id, share(k)])),
    stepsBlockedBy: meanPerRun(records.map((r) => r.blockedBy)),
  };
}

function meanPerRun(perRun: readonly Record<string, number>[]): Record<string, number> {
  const totals = new Map<string, number>();
  for (const r of perRun) for (const [k, n] of Object.entries(r)) totals.set(k, (totals.get(k) ?? 0) + n);
  return Object.fromEntries(
    [...totals]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, n]) => [k, perRun.length === 0 ? 0 : n / perRun.length]),
  );
}

/** Every pair of designs, in the order given: (0,1), (0,2), …, (1,2), … */
export function compareAll(designs: readonly { id: string; records: readonly RunRecord[] }[]): Comparison[] {
  const out: Comparison[] = [];
  for (let i = 0; i < designs.length; i++) {
    for (let j = i + 1; j < designs.length; j++) out.push(compare(designs[i]!, designs[j]!));
  }
  return out;
}

function compare(
  a: { id: string; records: readonly RunRecord[] },
  b: { id: string; records: readonly RunRecord[] },
): Comparison {
  return {
    a: a.id,
    b: b.id,
    plcReached: pairedDifference(a.records.map(plcReached), b.records.map(plcReached)),
    metrics: Object.fromEntries(
      METRIC_NAMES.map((m) => [
        m,
        pairedDifference(
          a.records.map((r) => r.metrics[m]),
          b.records.map((r) => r.metrics[m]),
        ),
      ]),
    ) as Record<MetricName, PairedDifference>,
  };
}

/** The run whose compromised-asset count is nearest the median; the lowest index on ties. */
export function representativeIndex(records: readonly RunRecord[]): number {
  const med = summarize(records.map((r) => r.metrics.compromisedAssets)).median;
  if (med === null) throw new RangeError('an experiment needs at least one run');
  let best = records[0]!;
  for (const r of records) {
    const d = Math.abs(r.metrics.compromisedAssets - med);
    const bd = Math.abs(best.metrics.compromisedAssets - med);
    if (d < bd || (d === bd && r.index < best.index)) best = r;
  }
  return best.index;
}
