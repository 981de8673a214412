// A scenario's `expect` entries checked against run records: a statistic of a metric within
// bounds, or a set of assets no run may compromise. A failure names a witness run to replay.
import { summarize } from '../metrics/statistics.js';
import { selectAssets, type PlantModel } from '../model/plantModel.js';
import { EXPECTABLE_METRICS, type ExpectableMetric, type MetricName } from '../contract/trace.js';
import type { Expectation } from '../model/schema.js';
import type { RunRecord } from './runs.js';
import { formatMetric, METRIC_FORMAT } from './metricFormat.js';

export { EXPECTABLE_METRICS };

/** Asset ids a protected set names in full up to this many; beyond it, how many and the selector. */
const LISTED_ASSETS = 5;

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
  if (e.metric !== undefined) checkMetric(e, e.metric as ExpectableMetric, records, verdict, fail);
  if (e.neverCompromise !== undefined) {
    const selected = new Set(selectAssets(model, e.neverCompromise).map((i) => model.assets[i]!.id));
    const broken = records.filter((r) => r.compromised.some((id) => selected.has(id)));
    const named =
      selected.size === 0
        ? 'no asset'
        : selected.size <= LISTED_ASSETS
          ? [...selected].join(', ')
          : `${selected.size} assets (${JSON.stringify(e.neverCompromise)})`;
    verdict.observed.push(`${broken.length} of ${records.length} runs compromised ${named}`);
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
  metric: ExpectableMetric,
  records: readonly RunRecord[],
  v: ExpectationVerdict,
  fail: (m: string, w: number | null) => void,
): void {
  const bounds = [e.min === undefined ? '' : `min ${e.min}`, e.max === undefined ? '' : `max ${e.max}`]
    .filter((b) => b !== '')
    .join(', ');
  let value: number | null;
  let series: (number | null)[];
  let label: string;
  if (metric === 'plcReachedProbability') {
    series = records.map((r) => (r.metrics.compromisedPlcs > 0 ? 1 : 0));
    value = records.length === 0 ? null : series.reduce<number>((a, b) => a + b!, 0) / records.length;
    label = metric;
  } else {
    series = records.map((r) => r.metrics[metric as MetricName]);
    value = summarize(series)[e.stat];
    label = `${e.stat} ${metric}`;
  }
  const words = `${label} (${METRIC_FORMAT[metric].label})`;
  v.observed.push(
    `${label} = ${value === null ? 'no value' : formatMetric(metric, value, e.max ?? e.min)} (${bounds})`,
  );
  if (value === null) {
    fail(`no run has a value for ${metric}, so the bound cannot be checked`, null);
    return;
  }
  const unit = METRIC_FORMAT[metric].unit;
  if (e.max !== undefined && value > e.max)
    fail(
      `${words} is ${formatMetric(metric, value, e.max)}, above the maximum ${e.max}${unit}`,
      extreme(records, series, 'high'),
    );
  if (e.min !== undefined && value < e.min)
    fail(
      `${words} is ${formatMetric(metric, value, e.min)}, below the minimum ${e.min}${unit}`,
      extreme(records, series, 'low'),
    );
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
