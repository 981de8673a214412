// Regression checks against a previous results bundle: re-run what it ran and fail when a design's
// blast-radius figures worsen beyond a tolerance. Expressed as ordinary expectations, so they are
// evaluated, reported and witnessed like the scenario's own.
import type { ResultsBundle } from '../contract/bundle.js';
import { BundleFormatError, upgradeBundle } from '../contract/upgrade.js';
import type { Expectation } from '../model/schema.js';

/** Figures where more is worse for the defender: a baseline holds each to its old mean. */
export const REGRESSION_METRICS = [
  'compromisedAssets',
  'compromisedPlcs',
  'linesImpacted',
  'productionLoss',
  'plcReachedProbability',
] as const;

export class BaselineError extends Error {
  override name = 'BaselineError';
  readonly code = 'BAD_BASELINE';
}

/** A bundle read from disk, of any version this segsim reads, as the current version. */
export function readBaseline(value: unknown, file: string): ResultsBundle {
  try {
    return upgradeBundle(value);
  } catch (err) {
    if (!(err instanceof BundleFormatError)) throw err;
    throw new BaselineError(
      err.code === 'NOT_A_BUNDLE'
        ? `${file}: not a segsim results bundle (write one with \`segsim compare … --json FILE\`)`
        : `${file}: ${err.message}`,
    );
  }
}

/**
 * One expectation per design and regression metric: the mean may rise by at most `tolerance` of its
 * baseline value (0.05 = 5%). A baseline of zero allows no rise at all.
 */
export function baselineExpectations(bundle: ResultsBundle, tolerance: number): Expectation[] {
  const out: Expectation[] = [];
  for (const d of bundle.designs) {
    for (const metric of REGRESSION_METRICS) {
      const before = metric === 'plcReachedProbability' ? d.summary.plcReachedProbability : d.summary[metric].mean;
      if (before === null) continue;
      // The bundle rounds to 6 decimals: allow that much so an unchanged design always passes.
      const max = before + Math.max(Math.abs(before) * tolerance, 1e-6);
      out.push({
        name: `baseline: ${d.id} × ${bundle.attack.id}: ${metric === 'plcReachedProbability' ? metric : `mean ${metric}`} ≤ ${round(max)} (was ${round(before)})`,
        design: d.id,
        attack: bundle.attack.id,
        metric,
        stat: 'mean',
        max,
        runs: bundle.runs,
      });
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
