// The headline metrics of each design under each attack in two versions of a scenario, run on the
// same seeds, compared run by run: new − old, with a 95% confidence interval of the paired mean.
import { mean, pairedDifference, present, type PairedDifference } from '../metrics/statistics.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Attack, Design } from '../model/schema.js';
import { runExperiment, type DesignResult } from './runExperiment.js';
import type { RunRecord } from './runs.js';

/** Which way is worse: more loss is worse, an earlier first PLC is worse, denied requests are neither. */
export type Direction = 'higher-is-worse' | 'lower-is-worse' | 'neutral';

interface HeadlineMetric {
  name: string;
  label: string;
  direction: Direction;
  value: (r: RunRecord) => number | null;
}

export const HEADLINE_METRICS: readonly HeadlineMetric[] = [
  {
    name: 'plcReached',
    label: 'P(PLC reached)',
    direction: 'higher-is-worse',
    value: (r) => (r.metrics.compromisedPlcs > 0 ? 1 : 0),
  },
  metric('compromisedAssets', 'Compromised assets', 'higher-is-worse'),
  metric('compromisedPlcs', 'PLCs compromised', 'higher-is-worse'),
  metric('linesImpacted', 'Lines impacted', 'higher-is-worse'),
  metric('timeToFirstPlcHours', 'Time to first PLC (h)', 'lower-is-worse'),
  metric('timeToDetectionHours', 'Time to detection (h)', 'higher-is-worse'),
  metric('timeToContainmentHours', 'Time to containment (h)', 'higher-is-worse'),
  metric('productionLoss', 'Production loss', 'higher-is-worse'),
  metric('deniedRequests', 'Denied requests', 'neutral'),
  metric('heldForApproval', 'Held for approval', 'neutral'),
  metric('auditedShare', 'Audited share of attacker actions', 'lower-is-worse'),
  metric('timeToAccessHours', 'Technician time-to-access (h)', 'higher-is-worse'),
  metric('workloadFailures', 'Failed technician requests', 'higher-is-worse'),
  metric('privilegeExposure', 'Privilege exposure (assets × h)', 'higher-is-worse'),
];

function metric(name: keyof RunRecord['metrics'], label: string, direction: Direction): HeadlineMetric {
  return { name, label, direction, value: (r) => r.metrics[name] };
}

export interface MetricChange {
  metric: string;
  label: string;
  direction: Direction;
  /** Means over the runs where the metric has a value. */
  old: number | null;
  new: number | null;
  /** new − old, run by run on the same seed. */
  difference: PairedDifference;
  verdict: 'worse' | 'better' | 'same';
}

export interface RunsChange {
  design: string;
  attack: string;
  metrics: MetricChange[];
  worse: boolean;
}

export interface RunsSide {
  model: PlantModel;
  designs: readonly Design[];
  attack: Attack;
}

export interface RunsOptions {
  runs: number;
  seed: number | string;
  tolerance: number;
  /** Runs done so far in this call, of `runs × designs × 2`. */
  onProgress?: (done: number) => void;
}

/** Every design of `old.designs` against the one with the same id in `next.designs` (same order). */
export function diffRuns(old: RunsSide, next: RunsSide, options: RunsOptions): RunsChange[] {
  const per = options.runs * old.designs.length;
  const run = (side: RunsSide, before: number) =>
    runExperiment(
      side.model,
      { designs: side.designs, attack: side.attack, runs: options.runs, seed: options.seed },
      { onProgress: (done) => options.onProgress?.(before + done) },
    ).designs;
  const a = run(old, 0);
  const b = run(next, per);
  return a.map((x, k) => compareDesign(x, b[k]!, next.attack.id, options.tolerance));
}

function compareDesign(a: DesignResult, b: DesignResult, attack: string, tolerance: number): RunsChange {
  const metrics = HEADLINE_METRICS.map((m): MetricChange => {
    const xs = a.records.map(m.value);
    const ys = b.records.map(m.value);
    const difference = pairedDifference(ys, xs);
    const oldMean = mean(present(xs));
    return {
      metric: m.name,
      label: m.label,
      direction: m.direction,
      old: oldMean,
      new: mean(present(ys)),
      difference,
      verdict: verdict(m.direction, difference, oldMean, tolerance),
    };
  });
  return { design: b.design.id, attack, metrics, worse: metrics.some((m) => m.verdict === 'worse') };
}

/**
 * Worse (or better) when the whole interval lies on that side of zero and the mean change exceeds
 * the tolerance, a fraction of the old mean (any change from zero).
 */
export function verdict(
  direction: Direction,
  d: PairedDifference,
  oldMean: number | null,
  tolerance: number,
): MetricChange['verdict'] {
  if (direction === 'neutral' || d.mean === null || d.ci95 === null) return 'same';
  const sign = direction === 'higher-is-worse' ? 1 : -1;
  const [lo, hi] = d.ci95;
  const big = Math.abs(d.mean) > tolerance * Math.abs(oldMean ?? 0);
  if (big && (sign > 0 ? lo > 0 : hi < 0)) return 'worse';
  if (big && (sign > 0 ? hi < 0 : lo > 0)) return 'better';
  return 'same';
}
