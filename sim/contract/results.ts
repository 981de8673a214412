// The figures a comparison produces, as they leave the simulator: statistics over runs, paired
// differences between designs, the static worst case and its attack paths.
import type { MetricName } from './trace.js';

/** Statistics of one metric over runs; runs where it has no value (no PLC fell) are counted in `nulls`. */
export interface Summary {
  /** Runs with a value. */
  n: number;
  nulls: number;
  mean: number | null;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
  /** Sample standard deviation; null below two values. */
  sd: number | null;
  /** 95% confidence interval of the mean (Student t); null below two values. */
  ci95: [number, number] | null;
}

/** Run-by-run differences a − b over the same seeds. */
export interface PairedDifference {
  /** Pairs where both values are present. */
  n: number;
  /** Pairs dropped because either side is null. */
  excluded: number;
  mean: number | null;
  sd: number | null;
  ci95: [number, number] | null;
}

export type DesignSummary = Record<MetricName, Summary> & {
  /** Share of runs in which at least one PLC was compromised. */
  plcReachedProbability: number;
  /** Share of runs in which each asset was compromised, every asset in plant order. */
  assetCompromiseRate: Record<string, number>;
  /** Attacker steps each ATT&CK for ICS mitigation refused, mean per run, by mitigation id. */
  stepsBlockedBy: Record<string, number>;
};

export interface Comparison {
  a: string;
  b: string;
  /** Per run: 1 when a PLC fell, else 0. */
  plcReached: PairedDifference;
  metrics: Record<MetricName, PairedDifference>;
}

/** One hop of a static attack path; the first hop of every path starts at `attacker`. */
export interface PathStep {
  from: string;
  to: string;
  /** A protocol function (`s7.write`, `rdp`), `login` for the way in, or `harvest`: a credential read off the host the step stays on (from = to). */
  action: string;
  means: string;
  technique: string;
}

/** The worst case an attack reaches under a design, ignoring probability, timing and detection. */
export interface BlastRadius {
  design: string;
  attack: string;
  /** Owned hosts and controlled controllers, in plant order. */
  assets: string[];
  plcs: string[];
  lines: string[];
  lowestLevel: number | null;
  footholds: string[];
  credentials: string[];
  /** One shortest path to every asset in `assets`. */
  paths: Record<string, PathStep[]>;
}

/** Static worst-case size: owned assets, controllers, lines touched. */
export interface WorstCaseSize {
  assets: number;
  plcs: number;
  lines: number;
}

/** What a fix changes: which part of the scenario, in the words a reader acts on. */
export type FixKind =
  | 'conduit-service'
  | 'vpn-service'
  | 'vpn-route'
  | 'cached-credential'
  | 'default-password'
  | 'vulnerability'
  | 'rule-approval'
  | 'rule-action'
  | 'rule-resource';

/** One change to a design or its plant and what it does to the static worst case, computed by the engine. */
export interface Fix {
  kind: FixKind;
  /** The change in words: "patch CVE-2019-0708 on jump-host". */
  change: string;
  /** Assets, zones or rules the change is made on, by id. */
  on: string[];
  before: WorstCaseSize;
  after: WorstCaseSize;
  /** PLCs out of reach after the change, in plant order. */
  plcsSaved: string[];
}
