// The results bundle: everything a viewer or a report needs from one comparison, as one JSON file.
// Versioned by schemaVersion; a change that removes, renames or reshapes a field bumps it, and
// upgradeBundle (upgrade.ts) reads every earlier version. It holds no timestamps, absolute paths
// or machine-dependent values: the same command gives the same bytes.
import type { BlastRadius, Comparison, DesignSummary } from './results.js';
import type { MetricName, RunResult } from './trace.js';

/** 2: the trace became a union of events that say what happened (version 1 had one loose event shape). */
export const BUNDLE_SCHEMA_VERSION = 2;

export interface BundlePlant {
  /** level is the zone's Purdue level, the lowest it spans when `top` says it spans up to another. */
  zones: { id: string; name: string | null; level: number; top?: number; microSegmented: boolean }[];
  lines: { id: string; name: string | null; valuePerHour: number; safetyCritical: boolean }[];
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
  criticality: string;
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
  staticBlastRadius: BlastRadius;
  representativeRun: RunResult;
}

export interface ResultsBundle {
  schemaVersion: typeof BUNDLE_SCHEMA_VERSION;
  generator: 'segsim';
  /** The scenario file as given on the command line, and its name. */
  scenario: { file: string; name: string | null };
  plant: BundlePlant;
  attack: { id: string; name: string | null; strategy: string };
  /** Base seed; run i of every design used seed `${seed}:${i}`. */
  seed: number | string;
  runs: number;
  horizonHours: number;
  designs: BundleDesign[];
  /** Paired differences a − b for every pair of designs, over the same seeds. */
  comparisons: Comparison[];
}
