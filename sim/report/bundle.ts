// Building the results bundle (its wire types are in contract/bundle.ts) from an experiment, and
// writing it as text.
import {
  BUNDLE_SCHEMA_VERSION,
  type BundleAttack,
  type BundleConduit,
  type BundleDesign,
  type BundlePlant,
  type ResultsBundle,
} from '../contract/bundle.js';
import { METRIC_NAMES, type MetricName } from '../contract/trace.js';
import type { ExperimentResult } from '../experiment/runExperiment.js';
import type { RunRecord } from '../experiment/runs.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Attack, Conduit, Scenario } from '../model/schema.js';
import { designSentence, headline } from './rows.js';
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
      ...optional('short', z.spec.short),
      level: z.level,
      ...(z.top === z.level ? {} : { top: z.top }),
      microSegmented: z.spec.microSegmented,
    })),
    lines: plant.lines.map((l) => ({
      id: l.id,
      name: l.name ?? null,
      ...optional('short', l.short),
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
      criticality: a.spec.criticality ?? 'unrated',
      controller: a.controller,
    })),
    conduits: plant.conduits.map(conduit),
  };
}

/** A key and its value, or nothing when the value is undefined (optional bundle fields stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [k in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [k in K]?: V };
}

export function scenarioOut(file: string, scenario: Scenario): ResultsBundle['scenario'] {
  return {
    file,
    name: scenario.name ?? null,
    ...optional('description', scenario.description?.trim()),
    ...optional('currency', scenario.currency),
  };
}

export function attackOut(attack: Attack): BundleAttack {
  return {
    id: attack.id,
    name: attack.name ?? null,
    strategy: attack.strategy,
    ...optional('description', attack.description?.trim()),
  };
}

export function designsOut(model: PlantModel, experiment: ExperimentResult): BundleDesign[] {
  return experiment.designs.map((d): BundleDesign => {
    const summary = summaryOut(d.summary);
    const name = d.design.name ?? null;
    return {
      id: d.design.id,
      name,
      ...optional('short', d.design.short),
      ...optional('description', d.design.description?.trim()),
      sentence: designSentence({ id: d.design.id, name, summary }, model.scenario.currency),
      conduits: d.design.conduits === undefined ? null : d.design.conduits.map(conduit),
      summary,
      perRun: Object.fromEntries(METRIC_NAMES.map((m) => [m, d.records.map((r) => r.metrics[m])])) as Record<
        MetricName,
        (number | null)[]
      >,
      fellIn: fellIn(model, d.records),
      lineCompromiseRate: lineCompromiseRate(model, d.records),
      lineLoss: meanLineLoss(model, d.records),
      staticBlastRadius: blastRadiusOut(d.staticBlastRadius),
      representativeRun: d.representativeRun,
    };
  });
}

export function buildBundle(model: PlantModel, file: string, experiment: ExperimentResult): ResultsBundle {
  const attack = attackOut(experiment.attack);
  const designs = designsOut(model, experiment);
  return {
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    generator: 'segsim',
    scenario: scenarioOut(file, model.scenario),
    plant: plantOf(model),
    attack,
    verdict: headline({ attack, designs }),
    seed: experiment.seed,
    runs: experiment.runs,
    horizonHours: experiment.horizonHours,
    designs,
    comparisons: experiment.comparisons.map(comparisonOut),
  };
}

/** Share of runs in which some asset of each line fell, every line in plant order. */
function lineCompromiseRate(model: PlantModel, records: readonly RunRecord[]): Record<string, number> {
  const hits = new Array<number>(model.lines.length).fill(0);
  for (const r of records) {
    const lines = new Set<number>();
    for (const id of r.compromised) {
      const line = model.assets[model.assetIndex.get(id)!]!.line;
      if (line >= 0) lines.add(line);
    }
    for (const l of lines) hits[l]!++;
  }
  return Object.fromEntries(model.lines.map((l, i) => [l.id, records.length === 0 ? 0 : hits[i]! / records.length]));
}

/** Mean production loss of each line over the runs, rounded, every line in plant order. */
function meanLineLoss(model: PlantModel, records: readonly RunRecord[]): Record<string, number> {
  const sums = new Array<number>(model.lines.length).fill(0);
  for (const r of records) r.lineLoss.forEach((loss, l) => (sums[l]! += loss));
  return Object.fromEntries(
    model.lines.map((l, i) => [l.id, records.length === 0 ? 0 : Math.round(sums[i]! / records.length)]),
  );
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
