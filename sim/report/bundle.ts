// The results bundle: everything a viewer or a report needs from one comparison, as one JSON file.
// Versioned by schemaVersion; a change that removes or renames a field bumps it. It holds no
// timestamps, absolute paths or machine-dependent values: the same command gives the same bytes.
import type { BlastRadius } from '../metrics/blastRadius.js';
import type { PlantModel } from '../model/plantModel.js';
import { METRIC_NAMES, type RunResult } from '../contract/trace.js';
import type { Conduit } from '../model/schema.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { Comparison, DesignSummary } from '../experiment/summary.js';
import type { RunRecord } from '../experiment/runs.js';

export const BUNDLE_SCHEMA_VERSION = 1;
/** Example runs kept per compromised asset: enough to replay some, bounded on large plants. */
export const FELL_IN_EXAMPLES = 5;

type MetricName = (typeof METRIC_NAMES)[number];

export interface BundlePlant {
  zones: { id: string; name: string | null; level: number; microSegmented: boolean }[];
  lines: { id: string; name: string | null; valuePerHour: number; safetyCritical: boolean }[];
  /** level is the Purdue level of the asset's primary zone; line is null for assets on no line. */
  assets: {
    id: string;
    name: string | null;
    kind: string;
    zone: string;
    dualHomed: string[];
    line: string | null;
    level: number;
    criticality: string;
  }[];
  conduits: BundleConduit[];
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
  /** Every run's value of each metric, in seed order (null where a run has none), for histograms and curves. */
  perRun: Record<MetricName, (number | null)[]>;
  /**
   * For each asset that fell in some run, in plant order: the first runs it fell in (at most
   * FELL_IN_EXAMPLES run indices; run i used seed `${seed}:${i}`), so a viewer can say which to replay.
   */
  fellIn: Record<string, number[]>;
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

function conduit(c: Conduit): BundleConduit {
  return {
    from: c.from,
    to: c.to,
    bidirectional: c.bidirectional,
    services: c.services === 'any' ? 'any' : c.services.map((s) => `${s.protocol}/${s.port}`),
  };
}

export function plantOf(model: PlantModel): BundlePlant {
  const plant = model.scenario.plant;
  return {
    zones: plant.zones.map((z) => ({
      id: z.id,
      name: z.name ?? null,
      level: z.level,
      microSegmented: z.microSegmented,
    })),
    lines: plant.lines.map((l) => ({
      id: l.id,
      name: l.name ?? null,
      valuePerHour: l.valuePerHour,
      safetyCritical: l.safetyCritical,
    })),
    assets: model.assets.map((a) => ({
      id: a.id,
      name: a.spec.name ?? null,
      kind: a.kind,
      zone: model.zones[a.zone]!.id,
      dualHomed: a.spec.dualHomed,
      line: a.spec.line ?? null,
      level: a.level,
      criticality: a.spec.criticality,
    })),
    conduits: plant.conduits.map(conduit),
  };
}

export function buildBundle(model: PlantModel, file: string, experiment: ExperimentResult): ResultsBundle {
  const attack = experiment.attack;
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    generator: 'segsim',
    scenario: { file, name: model.scenario.name ?? null },
    plant: plantOf(model),
    attack: { id: attack.id, name: attack.name ?? null, strategy: attack.strategy },
    seed: experiment.seed,
    runs: experiment.runs,
    horizonHours: experiment.horizonHours,
    designs: experiment.designs.map((d) => ({
      id: d.design.id,
      name: d.design.name ?? null,
      conduits: d.design.conduits === undefined ? null : d.design.conduits.map(conduit),
      summary: d.summary,
      perRun: Object.fromEntries(METRIC_NAMES.map((m) => [m, d.records.map((r) => r.metrics[m])])) as Record<
        MetricName,
        (number | null)[]
      >,
      fellIn: fellIn(model, d.records),
      staticBlastRadius: d.staticBlastRadius,
      representativeRun: d.representativeRun,
    })),
    comparisons: experiment.comparisons,
  };
}

function fellIn(model: PlantModel, records: readonly RunRecord[]): Record<string, number[]> {
  const runs = new Map<string, number[]>();
  for (const r of records) {
    for (const id of r.compromised) {
      const seen = runs.get(id);
      if (seen === undefined) runs.set(id, [r.index]);
      else if (seen.length < FELL_IN_EXAMPLES) seen.push(r.index);
    }
  }
  const out: Record<string, number[]> = {};
  for (const a of model.assets) {
    const seen = runs.get(a.id);
    if (seen !== undefined) out[a.id] = seen;
  }
  return out;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0

/**
 * The bundle as text: 2-space indent, keys in the order the bundle builds them (fixed by the code,
 * not by the data), fractions rounded to 6 decimals, a final newline.
 */
export function bundleJson(bundle: ResultsBundle): string {
  return `${JSON.stringify(bundle, (_key, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? round6(v) : v), 2)}\n`;
}
