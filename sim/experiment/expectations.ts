// A scenario's `expect` entries checked against run records: a statistic of a metric within
// bounds, or a set of assets no run may compromise. A failure names a witness run to replay.
import { summarize } from '../metrics/statistics.js';
import { selectAssets, type PlantModel } from '../model/plantModel.js';
import { METRIC_NAMES } from '../contract/trace.js';
import type { Expectation } from '../model/schema.js';
import type { RunRecord } from './runs.js';

/** Metrics an expectation may bound: every run metric, and the share of runs that reach a PLC. */
export const EXPECTABLE_METRICS = [...METRIC_NAMES, 'plcReachedProbability'] as const;

export interface ExpectationVerdict {
  pass: boolean;
  /** What was measured, in words: "mean compromisedAssets = 3.2 (max 5)". */
  observed: string[];
  /** Why it failed; empty when it passed. */
  failures: string[];
  /** Index of a run that broke it (most extreme first), null when it passed or no single run shows it. */
  witness: number | null;
}

/** A readable name for an expectation without one. */
export function expectationName(e: Expectation): string {
  if (e.name) return e.name;
  const parts: string[] = [];
  if (e.metric !== undefined) {
    const what = e.metric === 'plcReachedProbability' ? e.metric : `${e.stat} ${e.metric}`;
    if (e.min !== undefined) parts.push(`${what} ≥ ${e.min}`);
    if (e.max !== undefined) parts.push(`${what} ≤ ${e.max}`);
  }
  if (e.neverCompromise !== undefined) parts.push(`never compromise ${JSON.stringify(e.neverCompromise)}`);
  return `${e.design} × ${e.attack}: ${parts.join(', ')}`;
}

export function evaluateExpectation(
  model: PlantModel,
  e: Expectation,
  records: readonly RunRecord[],
): ExpectationVerdict {
  const verdict: ExpectationVerdict = { pass: true, observed: [], failures: [], witness: null };
  const fail = (message: string, witness: number | null) => {
    verdict.pass = false;
    verdict.failures.push(message);
    verdict.witness ??= witness;
  };
  if (e.metric !== undefined) checkMetric(e, e.metric, records, verdict, fail);
  if (e.neverCompromise !== undefined) {
    const selected = new Set(selectAssets(model, e.neverCompromise).map((i) => model.assets[i]!.id));
    const broken = records.filter((r) => r.compromised.some((id) => selected.has(id)));
    verdict.observed.push(
      `${broken.length} of ${records.length} runs compromised one of ${[...selected].join(', ') || 'no asset'}`,
    );
    if (broken.length > 0) {
      const hit = broken[0]!.compromised.filter((id) => selected.has(id));
      fail(
        `${broken.length} of ${records.length} runs compromised a protected asset (${hit.join(', ')} in the first)`,
        broken[0]!.index,
      );
    }
  }
  return verdict;
}

function checkMetric(
  e: Expectation,
  metric: string,
  records: readonly RunRecord[],
  v: ExpectationVerdict,
  fail: (m: string, w: number | null) => void,
): void {
  const bounds = `${e.min === undefined ? '' : `min ${e.min}`}${e.min !== undefined && e.max !== undefined ? ', ' : ''}${e.max === undefined ? '' : `max ${e.max}`}`;
  let value: number | null;
  let series: (number | null)[];
  let label: string;
  if (metric === 'plcReachedProbability') {
    series = records.map((r) => (r.metrics.compromisedPlcs > 0 ? 1 : 0));
    value = records.length === 0 ? null : series.reduce<number>((a, b) => a + b!, 0) / records.length;
    label = metric;
  } else {
    const name = metric as (typeof METRIC_NAMES)[number];
    series = records.map((r) => r.metrics[name]);
    value = summarize(series)[e.stat];
    label = `${e.stat} ${metric}`;
  }
  v.observed.push(`${label} = ${value === null ? 'no value' : round(value)} (${bounds})`);
  if (value === null) {
    fail(`no run has a value for ${metric}, so the bound cannot be checked`, null);
    return;
  }
  if (e.max !== undefined && value > e.max)
    fail(`${label} is ${round(value)}, above the maximum ${e.max}`, extreme(records, series, 'high'));
  if (e.min !== undefined && value < e.min)
    fail(`${label} is ${round(value)}, below the minimum ${e.min}`, extreme(records, series, 'low'));
}

/** The run with the highest (or lowest) value; the lowest index on ties. */
function extreme(
  records: readonly RunRecord[],
  series: readonly (number | null)[],
  side: 'high' | 'low',
): number | null {
  let best: number | null = null;
  series.forEach((x, i) => {
    if (x === null) return;
    const b = best === null ? null : series[best]!;
    if (b === null || (side === 'high' ? x > b : x < b)) best = i;
  });
  return best === null ? null : records[best]!.index;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
