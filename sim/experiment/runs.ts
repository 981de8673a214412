// The Monte Carlo unit of work: one design, one attack, a list of seeds; only metrics and the
// compromised set are kept (the trace is dropped), so thousands of runs stay small.
import type { PlantModel } from '../model/plantModel.js';
import type { RunMetrics } from '../contract/trace.js';
import type { AccessLayer } from '../net/AccessLayer.js';
import type { Attack } from '../model/schema.js';
import { runSimulation } from '../simulation/runSimulation.js';
import { BudgetExceededError } from '../kernel/errors.js';
import { lineLosses } from '../metrics/runMetrics.js';

export interface RunRecord {
  /** Position in the experiment's seed list: the same index is the same seed in every design. */
  index: number;
  seed: string;
  metrics: RunMetrics;
  compromised: string[];
  /** Production lost on each line, in plant order, rounded. */
  lineLoss: number[];
  /** Attacker steps refused, by the ATT&CK for ICS mitigation that refused them. */
  blockedBy: Record<string, number>;
}

/**
 * Seed of run i of an experiment. A string, so that base seeds 1 and 2 share no runs
 * (base + i would make runs 1..N-1 of seed 2 the same as runs 2..N of seed 1).
 */
export function runSeed(base: number | string, index: number): string {
  return `${base}:${index}`;
}

export function runRecord(
  model: PlantModel,
  access: AccessLayer,
  attack: Attack,
  base: number | string,
  index: number,
  horizonHours?: number,
): RunRecord {
  const seed = runSeed(base, index);
  const { result, world } = withRunNamed(access.design.id, attack.id, seed, () =>
    runSimulation(
      model,
      access,
      attack,
      horizonHours === undefined ? { seed, trace: false } : { seed, horizonHours, trace: false },
    ),
  );
  return {
    index,
    seed,
    metrics: result.metrics,
    compromised: result.compromised,
    lineLoss: lineLosses(world).map(Math.round),
    blockedBy: result.blockedBy,
  };
}

/** Runs `simulate`; a budget error says which run hit it, so it can be replayed with `segsim run`. */
export function withRunNamed<T>(design: string, attack: string, seed: number | string, simulate: () => T): T {
  try {
    return simulate();
  } catch (err) {
    if (!(err instanceof BudgetExceededError)) throw err;
    throw new BudgetExceededError(err.code, `design ${design}, attack ${attack}, seed ${seed}: ${err.message}`);
  }
}
