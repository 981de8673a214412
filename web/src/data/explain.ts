// The explanation behind each headline figure, on demand: what it counts, over how many runs, and
// how sure it is (a 95% interval).
import { hours, money, number, percent } from '../format.js';
import type { BundleDesign, ResultsBundle, Summary } from './bundle.js';

export type StatKey = 'plc' | 'compromised' | 'first-plc' | 'loss';

export interface Explanation {
  title: string;
  definition: string;
  /** How many runs the figure is over. */
  runs: string;
  /** Its 95% interval, in words; null when there are too few values. */
  interval: string | null;
}

/** Wilson score interval of a proportion: 95% confidence, sensible at 0% and 100%. */
export function wilson(share: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.96;
  const z2 = z * z;
  const centre = (share + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const meanInterval = (s: Summary, f: (x: number | null) => string) =>
  s.ci95 === null ? null : `mean ${f(s.mean)}, 95% interval ${f(s.ci95[0])} to ${f(s.ci95[1])}`;

export function explain(key: StatKey, d: BundleDesign, bundle: ResultsBundle): Explanation {
  const s = d.summary;
  const all = bundle.runs;
  const currency = bundle.scenario.currency;
  switch (key) {
    case 'plc': {
      const [lo, hi] = wilson(s.plcReachedProbability, all);
      return {
        title: 'P(PLC reached)',
        definition:
          'Share of runs in which the attacker commanded or owned at least one controller (PLC, RTU, safety controller).',
        runs: `${Math.round(s.plcReachedProbability * all)} of ${all} runs`,
        interval: `95% interval ${percent(lo)} to ${percent(hi)} (Wilson)`,
      };
    }
    case 'compromised':
      return {
        title: 'Compromised assets, median',
        definition: 'Assets the attacker owned or commanded by the end of a run; half the runs had fewer, half more.',
        runs: `all ${all} runs; p95 ${number(s.compromisedAssets.p95)}, max ${number(s.compromisedAssets.max)}`,
        interval: meanInterval(s.compromisedAssets, number),
      };
    case 'first-plc': {
      const t = s.timeToFirstPlcHours;
      return {
        title: 'Time to the first PLC, median',
        definition:
          'Simulated hours from the attack’s start to the first controller falling, over the runs where one fell.',
        runs:
          t.n === 0 ? `no PLC fell in any of ${all} runs` : `the ${t.n} of ${t.n + t.nulls} runs in which a PLC fell`,
        interval: meanInterval(t, hours),
      };
    }
    case 'loss':
      return {
        title: 'Production loss, mean',
        definition:
          'Each disrupted line’s value per hour times the hours it was down (until it recovered, or to the horizon), summed over lines.',
        runs: `mean over all ${all} runs; median ${money(s.productionLoss.median, currency)}, p95 ${money(s.productionLoss.p95, currency)}`,
        interval:
          s.productionLoss.ci95 === null
            ? null
            : `95% interval ${money(s.productionLoss.ci95[0], currency)} to ${money(s.productionLoss.ci95[1], currency)}`,
      };
  }
}
