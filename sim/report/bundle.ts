// Building the results bundle (its wire types are in contract/bundle.ts) from an experiment, and
// writing it as text.
import { BUNDLE_SCHEMA_VERSION, type BundleConduit, type BundlePlant, type ResultsBundle } from '../contract/bundle.js';
import { METRIC_NAMES, type MetricName } from '../contract/trace.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { RunRecord } from '../experiment/runs.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Conduit } from '../model/schema.js';
import { blastRadiusOut, comparisonOut, summaryOut } from './wire.js';

/** Example runs kept per compromised asset: enough to replay some, bounded on large plants. */
export const FELL_IN_EXAMPLES = 5;

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
    zones: model.zones.map((z) => ({
      id: z.id,
      name: z.spec.name ?? null,
      level: z.level,
      ...(z.top === z.level ? {} : { top: z.top }),
      microSegmented: z.spec.microSegmented,
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
      summary: summaryOut(d.summary),
      perRun: Object.fromEntries(METRIC_NAMES.map((m) => [m, d.records.map((r) => r.metrics[m])])) as Record<
        MetricName,
        (number | null)[]
      >,
      fellIn: fellIn(model, d.records),
      staticBlastRadius: blastRadiusOut(d.staticBlastRadius),
      representativeRun: d.representativeRun,
    })),
    comparisons: experiment.comparisons.map(comparisonOut),
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
