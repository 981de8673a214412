// The baseline file `segsim baseline` writes and `segsim check --baseline` holds a scenario to: the
// mean of each regression metric for every design under every attack, on known seeds. Versioned
// by `version`; like the results bundle it holds no timestamps or paths of the machine.
import type { ExpectableMetric } from './trace.js';

export const BASELINE_FORMAT = 'segsim-baseline';
export const BASELINE_VERSION = 1;

export interface BaselineCell {
  design: string;
  attack: string;
  /** Mean over the runs (share of runs for plcReachedProbability); null where no run had a value. */
  means: Partial<Record<ExpectableMetric, number | null>>;
}

export interface BaselineFile {
  format: typeof BASELINE_FORMAT;
  version: typeof BASELINE_VERSION;
  generator: 'segsim';
  /** The scenario file as given on the command line, and its name. */
  scenario: { file: string; name: string | null };
  /** Base seed; run i of every design and attack used seed `${seed}:${i}`. */
  seed: number | string;
  /** Runs per design and attack. */
  runs: number;
  horizonHours: number;
  /** Every design under every attack, designs in scenario order within each attack. */
  cells: BaselineCell[];
}
