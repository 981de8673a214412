// An experiment from the command line: the scenario, its designs and attack, runs, seed, workers.
import type { ExperimentSpec } from '../experiment/runExperiment.js';
import { parseRuns, parseWorkers } from './bounds.js';
import { usageError } from './errors.js';
import { positiveInteger } from './options.js';
import { openScenario, pickAttack, pickMany, type ScenarioContext } from './scenarioContext.js';

/** What compare and report take: designs, attack, runs, seed and workers as typed. */
export interface ExperimentFlags {
  designs?: string;
  attack?: string;
  runs: string;
  seed: string;
  workers: string;
  forceWorkers?: boolean;
}

export async function experimentFromOptions(file: string, opts: ExperimentFlags) {
  const runs = parseRuns(opts.runs);
  const seed = positiveInteger(opts.seed, '--seed');
  const { workers, note } = parseWorkers(opts.workers, opts.forceWorkers === true);
  if (note !== undefined) process.stderr.write(`segsim: ${note}\n`);
  const ctx = await openScenario(file);
  return { ctx, spec: experimentSpec(ctx, opts.designs, opts.attack, runs, seed), workers };
}

/** The designs (all when none are named) and the attack (default: the first) of an experiment. */
export function experimentSpec(
  ctx: ScenarioContext,
  designIds: string | undefined,
  attackId: string | undefined,
  runs: number,
  seed: number,
): ExperimentSpec {
  const designs = pickMany(ctx.scenario.designs, designIds, 'design', ctx.file);
  if (designs.length === 0) throw usageError(`${ctx.file} has no designs to compare`);
  const attack = attackId === undefined ? ctx.scenario.attacks[0] : pickAttack(ctx, attackId);
  if (attack === undefined) throw usageError(`${ctx.file} has no attacks`);
  return { designs, attack, runs, seed };
}
