// The results bundle: everything a viewer or a report needs from one comparison, as one JSON file.
// Versioned by schemaVersion; a change that removes, renames or reshapes a field bumps it, and
// upgradeBundle (upgrade.ts) reads every earlier version. It holds no timestamps, absolute paths
// or machine-dependent values: the same command gives the same bytes.
import type { BlastRadius, Comparison, DesignSummary, Fix } from './results.js';
import type { MetricName, RunResult } from './trace.js';

/** 2: the trace became a union of events that say what happened (version 1 had one loose event shape). */
export const BUNDLE_SCHEMA_VERSION = 2;

export interface BundlePlant {
  /** level is the zone's Purdue level, the lowest it spans when `top` says it spans up to another; short: the scenario's name for tight spaces, when it gives one (absent before it existed). */
  zones: { id: string; name: string | null; short?: string; level: number; top?: number; microSegmented: boolean }[];
  lines: { id: string; name: string | null; short?: string; valuePerHour: number; safetyCritical: boolean }[];
  /** level is the asset's Purdue level (its zone's, or its own inside a zone spanning levels); line is null for assets on no line. */
  assets: BundleAsset[];
  conduits: BundleConduit[];
}

export interface BundleAsset {
  id: string;
  name: string | null;
  kind: string;
  zone: string;
  dualHomed: string[];
  line: string | null;
  level: number;
  /** low, medium or high as the scenario rates the asset; 'unrated' when it does not (version-2 bundles before it said 'medium'). */
  criticality: string;
  /** A controller (PLC, RTU, safety controller): what "a PLC fell" counts. Absent in older bundles. */
  controller?: boolean;
}

export interface BundleConduit {
  from: string;
  to: string;
  bidirectional: boolean;
  /** 'any', or the allowed services as protocol/port. */
  services: 'any' | string[];
}

export interface BundleDesign {
  id: string;
  name: string | null;
  short?: string;
  /** The scenario's description of the design, when it has one. */
  description?: string;
  /** What the design does under this attack, in one sentence (as `segsim compare` prints it). */
  sentence?: string;
  /** The conduits in force under this design when it replaces the plant's, else null. */
  conduits: BundleConduit[] | null;
  summary: DesignSummary;
  /**
   * Every run's value of each metric, in seed order (null where a run has none), for histograms
   * and curves. Absent only in bundles upgraded from early version-1 files, which lacked it.
   */
  perRun?: Record<MetricName, (number | null)[]>;
  /**
   * For each asset that fell in some run, in plant order: the first runs it fell in (run i used
   * seed `${seed}:${i}`), so a viewer can say which to replay. Absent as perRun is.
   */
  fellIn?: Record<string, number[]>;
  /**
   * Share of runs in which at least one asset of each line fell, every line in plant order. Absent
   * in bundles written before it existed.
   */
  lineCompromiseRate?: Record<string, number>;
  /** Mean production loss of each line over the runs, every line in plant order. Absent as lineCompromiseRate is. */
  lineLoss?: Record<string, number>;
  staticBlastRadius: BlastRadius;
  /**
   * The single changes that shrink the static worst case most, best first (written by `segsim
   * report`; absent elsewhere).
   */
  fixes?: Fix[];
  representativeRun: RunResult;
}

/** One attack's part of a bundle: what `segsim compare --attack A` writes for it. */
export interface AttackSection {
  attack: BundleAttack;
  designs: BundleDesign[];
  comparisons: Comparison[];
  /** The headline sentence (as `segsim compare` prints it). */
  verdict?: string;
}

export interface BundleAttack {
  id: string;
  name: string | null;
  strategy: string;
  description?: string;
}

export interface ResultsBundle {
  schemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  generator: 'segsim';
  /**
   * The scenario file as given on the command line, its name, and when the scenario gives them its
   * description and the ISO 4217 code of its money.
   */
  scenario: { file: string; name: string | null; description?: string; currency?: string };
  plant: BundlePlant;
  attack: BundleAttack;
  /** The headline sentence (as `segsim compare` prints it); absent in bundles written before it existed. */
  verdict?: string;
  /** Base seed; run i of every design used seed `${seed}:${i}`. */
  seed: number | string;
  runs: number;
  horizonHours: number;
  designs: BundleDesign[];
  /** Paired differences a − b for every pair of designs, over the same seeds. */
  comparisons: Comparison[];
  /**
   * `segsim report` with several attacks: the attacks after the first (which is the one above), in
   * the order chosen, each over the same designs, runs and seeds.
   */
  moreAttacks?: AttackSection[];
  /** With moreAttacks: one sentence over every attack (as `segsim matrix` prints it). */
  overview?: string;
}
