// Regression checks against a baseline: re-run what it ran and fail when a design's figures worsen
// beyond a tolerance, for the attacker (how far, how much loss) and for the technicians (how long
// they wait, how much they can reach, how much work fails). A baseline is a baseline file, read
// for every design × attack it holds, or a results bundle from `compare --json` (one attack).
// Expressed as ordinary expectations, so they are evaluated, reported and witnessed like the
// scenario's own.
import * as z from 'zod';
import { BASELINE_FORMAT, BASELINE_VERSION, type BaselineCell, type BaselineFile } from '../contract/baseline.js';
import type { ResultsBundle } from '../contract/bundle.js';
import type { ExpectableMetric } from '../contract/trace.js';
import { BundleFormatError, upgradeBundle } from '../contract/upgrade.js';
import type { Expectation } from '../model/schema.js';
import { didYouMean } from '../model/suggest.js';
import { formatMetric, METRIC_FORMAT } from './metricFormat.js';
import type { ExperimentResult } from './runExperiment.js';

export interface RegressionMetric {
  metric: ExpectableMetric;
  side: 'attack' | 'legitimate';
  /** How much the mean may rise, as a fraction of the baseline's, before the check fails. */
  tolerance: number;
}

/**
 * Figures where more is worse, each with its default tolerance: wider where a few runs decide
 * the mean (production loss is heavy-tailed; technicians' waits hang on approvals and windows).
 */
export const REGRESSION_METRICS: readonly RegressionMetric[] = [
  { metric: 'plcReachedProbability', side: 'attack', tolerance: 0.05 },
  { metric: 'compromisedAssets', side: 'attack', tolerance: 0.05 },
  { metric: 'compromisedPlcs', side: 'attack', tolerance: 0.05 },
  { metric: 'linesImpacted', side: 'attack', tolerance: 0.05 },
  { metric: 'productionLoss', side: 'attack', tolerance: 0.1 },
  { metric: 'timeToAccessHours', side: 'legitimate', tolerance: 0.1 },
  { metric: 'workloadFailures', side: 'legitimate', tolerance: 0.1 },
  { metric: 'privilegeExposure', side: 'legitimate', tolerance: 0.05 },
];

export type Tolerances = Readonly<Partial<Record<ExpectableMetric, number>>>;

export const DEFAULT_TOLERANCES: Tolerances = Object.fromEntries(
  REGRESSION_METRICS.map((m) => [m.metric, m.tolerance]),
);

/** A baseline as checks use it, whichever file it came from. */
export interface Baseline {
  scenario: { file: string; name: string | null };
  seed: number | string;
  runs: number;
  cells: BaselineCell[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
  readonly code = 'BAD_BASELINE';
}

const mean = z.number().nullable();
const baselineFileSchema = z.strictObject({
  format: z.literal(BASELINE_FORMAT),
  version: z.number(),
  generator: z.literal('segsim'),
  scenario: z.strictObject({ file: z.string().min(1), name: z.string().nullable() }),
  seed: z.union([z.number(), z.string()]),
  runs: z.number().int().positive(),
  horizonHours: z.number().positive(),
  cells: z.array(
    z.strictObject({
      design: z.string().min(1),
      attack: z.string().min(1),
      means: z.partialRecord(z.enum(REGRESSION_METRICS.map((m) => m.metric)), mean),
    }),
  ),
});

/** A baseline file or a results bundle (any version this segsim reads), as a baseline. */
export function readBaseline(value: unknown, file: string): Baseline {
  if (isRecord(value) && value.format === BASELINE_FORMAT) return readBaselineFile(value, file);
  let bundle: ResultsBundle;
  try {
    bundle = upgradeBundle(value);
  } catch (err) {
    if (!(err instanceof BundleFormatError)) throw err;
    throw new BaselineError(
      err.code === 'NOT_A_BUNDLE'
        ? `${file}: neither a segsim baseline nor a results bundle (write one with \`segsim baseline SCENARIO --out FILE\`)`
        : `${file}: ${err.message}`,
    );
  }
  return {
    scenario: bundle.scenario,
    seed: bundle.seed,
    runs: bundle.runs,
    cells: bundle.designs.map((d) => ({
      design: d.id,
      attack: bundle.attack.id,
      means: Object.fromEntries(
        REGRESSION_METRICS.map(({ metric }) => [
          metric,
          metric === 'plcReachedProbability' ? d.summary.plcReachedProbability : d.summary[metric].mean,
        ]),
      ),
    })),
  };
}

function readBaselineFile(value: Record<string, unknown>, file: string): Baseline {
  if (value.version !== BASELINE_VERSION)
    throw new BaselineError(
      `${file}: baseline version ${JSON.stringify(value.version)}; this segsim reads version ${BASELINE_VERSION}`,
    );
  const parsed = baselineFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.map(String).join('.');
    throw new BaselineError(`${file}: not a valid baseline file: ${at === '' ? '' : `${at}: `}${issue.message}`);
  }
  const { scenario, seed, runs, cells } = parsed.data;
  return { scenario, seed, runs, cells: cells as BaselineCell[] };
}

/** The baseline file of experiments that ran every chosen design under each attack. */
export function buildBaseline(
  scenario: { file: string; name: string | null },
  results: readonly ExperimentResult[],
): BaselineFile {
  const first = results[0];
  if (first === undefined) throw new RangeError('a baseline needs at least one experiment');
  return {
    format: BASELINE_FORMAT,
    version: BASELINE_VERSION,
    generator: 'segsim',
    scenario,
    seed: first.seed,
    runs: first.runs,
    horizonHours: first.horizonHours,
    cells: results.flatMap((r) =>
      r.designs.map((d) => ({
        design: d.design.id,
        attack: r.attack.id,
        means: Object.fromEntries(
          REGRESSION_METRICS.map(({ metric }) => [
            metric,
            metric === 'plcReachedProbability' ? d.summary.plcReachedProbability : d.summary[metric].mean,
          ]),
        ),
      })),
    ),
  };
}

/**
 * Tolerances from `--tolerance`: a fraction for every metric ("0.05"), fractions for named
 * metrics ("productionLoss=0.2,timeToAccessHours=0.05"), or both; the rest keep their defaults.
 */
export function parseTolerances(text: string): Tolerances {
  const out: Partial<Record<ExpectableMetric, number>> = { ...DEFAULT_TOLERANCES };
  const names = REGRESSION_METRICS.map((m) => m.metric as string);
  for (const part of text.split(',').map((p) => p.trim())) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? null : part.slice(0, eq).trim();
    const valueText = eq < 0 ? part : part.slice(eq + 1).trim();
    const value = /^\d+(\.\d+)?$|^\.\d+$/.test(valueText) ? Number(valueText) : Number.NaN;
    if (!Number.isFinite(value))
      throw new BaselineError(`--tolerance: "${part}" is not a fraction such as 0.05 or productionLoss=0.2`);
    if (name === null) {
      for (const m of REGRESSION_METRICS) out[m.metric] = value;
    } else if (names.includes(name)) {
      out[name as ExpectableMetric] = value;
    } else {
      throw new BaselineError(
        `--tolerance: no regression metric "${name}"${didYouMean(name, names)}; they are: ${names.join(', ')}`,
      );
    }
  }
  return out;
}

/**
 * One expectation per design × attack and regression metric: the mean may rise by its metric's
 * tolerance, a fraction of the baseline value. The bound is rounded up to the metric's precision
 * (what is printed is what is checked), a probability never above 1.
 */
export function baselineExpectations(baseline: Baseline, tolerances: Tolerances = DEFAULT_TOLERANCES): Expectation[] {
  const out: Expectation[] = [];
  for (const cell of baseline.cells) {
    for (const { metric } of REGRESSION_METRICS) {
      const before = cell.means[metric];
      if (before === undefined || before === null) continue;
      const tolerance = tolerances[metric] ?? 0;
      // Baselines round to 6 decimals: allow that much so an unchanged design always passes.
      const raw = before + Math.max(Math.abs(before) * tolerance, 1e-6);
      const max = Math.min(
        ceilTo(raw, METRIC_FORMAT[metric].decimals),
        metric === 'plcReachedProbability' ? 1 : Infinity,
      );
      out.push({
        name: `${cell.design} × ${cell.attack}: ${metric === 'plcReachedProbability' ? '' : 'mean '}${METRIC_FORMAT[metric].label} ≤ ${formatMetric(metric, max)} (baseline ${formatMetric(metric, before)}, tolerance ${percent(tolerance)})`,
        design: cell.design,
        attack: cell.attack,
        metric,
        stat: 'mean',
        max,
        runs: baseline.runs,
      });
    }
  }
  return out;
}

function ceilTo(x: number, decimals: number): number {
  const p = 10 ** decimals;
  return Math.ceil(x * p) / p;
}

const percent = (f: number) => `${Number((f * 100).toFixed(2))}%`;

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
