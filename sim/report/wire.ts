// The boundary between the experiment's own types and the results bundle's wire types
// (contract/): each figure is copied field by field, so an internal change never reshapes the
// bundle unnoticed.
import type { BlastRadius as WireBlastRadius, Comparison as WireComparison } from '../contract/results.js';
import type { DesignSummary as WireSummary, PairedDifference as WireDifference } from '../contract/results.js';
import type { Summary as WireStatistics } from '../contract/results.js';
import { METRIC_NAMES, type MetricName } from '../contract/trace.js';
import type { Comparison, DesignSummary } from '../experiment/summary.js';
import type { BlastRadius } from '../metrics/blastRadius.js';
import type { PairedDifference, Summary } from '../metrics/statistics.js';

const byMetric = <T, U>(from: Record<MetricName, T>, f: (x: T) => U) =>
  Object.fromEntries(METRIC_NAMES.map((m) => [m, f(from[m])])) as Record<MetricName, U>;

function statistics(s: Summary): WireStatistics {
  return {
    n: s.n,
    nulls: s.nulls,
    mean: s.mean,
    median: s.median,
    p95: s.p95,
    min: s.min,
    max: s.max,
    sd: s.sd,
    ci95: s.ci95 === null ? null : [s.ci95[0], s.ci95[1]],
  };
}

function difference(d: PairedDifference): WireDifference {
  return {
    n: d.n,
    excluded: d.excluded,
    mean: d.mean,
    sd: d.sd,
    ci95: d.ci95 === null ? null : [d.ci95[0], d.ci95[1]],
  };
}

export function summaryOut(s: DesignSummary): WireSummary {
  return {
    ...byMetric(s, statistics),
    plcReachedProbability: s.plcReachedProbability,
    assetCompromiseRate: { ...s.assetCompromiseRate },
    stepsBlockedBy: { ...s.stepsBlockedBy },
  };
}

export function comparisonOut(c: Comparison): WireComparison {
  return { a: c.a, b: c.b, plcReached: difference(c.plcReached), metrics: byMetric(c.metrics, difference) };
}

export function blastRadiusOut(b: BlastRadius): WireBlastRadius {
  return {
    design: b.design,
    attack: b.attack,
    assets: [...b.assets],
    plcs: [...b.plcs],
    lines: [...b.lines],
    lowestLevel: b.lowestLevel,
    footholds: [...b.footholds],
    credentials: [...b.credentials],
    paths: Object.fromEntries(
      Object.entries(b.paths).map(([asset, steps]) => [
        asset,
        steps.map((s) => ({ from: s.from, to: s.to, action: s.action, means: s.means, technique: s.technique })),
      ]),
    ),
  };
}
