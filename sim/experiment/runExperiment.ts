// An experiment: N seeds × the chosen designs × one attack, with the same seeds for every design
// (common random numbers), so differences between designs are differences of design, not of luck.
// Pure: identical inputs give identical results.
import { staticBlastRadius, type BlastRadius } from '../metrics/blastRadius.js';
import type { PlantModel } from '../model/plantModel.js';
import type { RunResult } from '../contract/trace.js';
import { AccessLayer } from '../net/AccessLayer.js';
import type { Attack, Design } from '../model/schema.js';
import { runSimulation } from '../simulation/runSimulation.js';
import { runRecord, runSeed, type RunRecord } from './runs.js';
import { compareAll, representativeIndex, summarizeRecords, type Comparison, type DesignSummary } from './summary.js';

export interface ExperimentSpec {
  designs: readonly Design[];
  attack: Attack;
  /** Runs per design. */
  runs: number;
  /** Base seed; run i uses runSeed(seed, i). */
  seed: number | string;
  horizonHours?: number;
}

export interface ExperimentOptions {
  /** Called after every run with runs done and runs in all. */
  onProgress?: (done: number, total: number) => void;
  /** Called when the runs are done and the next phase starts: "static worst cases". */
  onPhase?: (phase: string) => void;
}

export interface DesignResult {
  design: Design;
  summary: DesignSummary;
  staticBlastRadius: BlastRadius;
  /** Full trace of the run nearest the median compromised-asset count. */
  representativeRun: RunResult;
  /** One record per seed, in seed order. */
  records: RunRecord[];
}

export interface ExperimentResult {
  attack: Attack;
  runs: number;
  seed: number | string;
  horizonHours: number;
  designs: DesignResult[];
  comparisons: Comparison[];
}

export function validateSpec(spec: ExperimentSpec): void {
  if (!Number.isInteger(spec.runs) || spec.runs < 1)
    throw new RangeError(`runs must be a positive integer, got ${spec.runs}`);
  if (spec.designs.length === 0) throw new RangeError('an experiment needs at least one design');
}

export function runExperiment(
  model: PlantModel,
  spec: ExperimentSpec,
  options: ExperimentOptions = {},
): ExperimentResult {
  validateSpec(spec);
  const total = spec.runs * spec.designs.length;
  let done = 0;
  const layers = spec.designs.map((d) => new AccessLayer(model, d));
  const records = layers.map((access) => {
    const out: RunRecord[] = [];
    for (let i = 0; i < spec.runs; i++) {
      out.push(runRecord(model, access, spec.attack, spec.seed, i, spec.horizonHours));
      options.onProgress?.(++done, total);
    }
    return out;
  });
  options.onPhase?.('static worst cases');
  return assembleExperiment(model, spec, records, layers);
}

/** Summaries, static worst cases, representative traces and comparisons from the records of every design. */
export function assembleExperiment(
  model: PlantModel,
  spec: ExperimentSpec,
  records: readonly RunRecord[][],
  layers?: readonly AccessLayer[],
): ExperimentResult {
  validateSpec(spec);
  const designs = spec.designs.map((design, k): DesignResult => {
    const access = layers?.[k] ?? new AccessLayer(model, design);
    const own = records[k];
    if (own === undefined || own.length !== spec.runs)
      throw new RangeError(`design ${design.id}: expected ${spec.runs} run records, got ${own?.length ?? 0}`);
    const seed = runSeed(spec.seed, representativeIndex(own));
    const run = runSimulation(
      model,
      access,
      spec.attack,
      spec.horizonHours === undefined ? { seed } : { seed, horizonHours: spec.horizonHours },
    );
    return {
      design,
      summary: summarizeRecords(model, own),
      staticBlastRadius: staticBlastRadius(access, spec.attack),
      representativeRun: run.result,
      records: own,
    };
  });
  return {
    attack: spec.attack,
    runs: spec.runs,
    seed: spec.seed,
    horizonHours: spec.horizonHours ?? model.scenario.horizonHours,
    designs,
    comparisons: compareAll(designs.map((d) => ({ id: d.design.id, records: d.records }))),
  };
}
