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
  const workers = workersFrom(opts);
  const ctx = await openScenario(file);
  return { ctx, spec: experimentSpec(ctx, opts.designs, opts.attack, runs, seed), workers };
}

/** --workers, lowered to the machine's cores (saying so on stderr) unless --force-workers. */
export function workersFrom(opts: { workers: string; forceWorkers?: boolean }): number {
  const { workers, note } = parseWorkers(opts.workers, opts.forceWorkers === true);
  if (note !== undefined) process.stderr.write(`segsim: ${note}\n`);
  return workers;
}

/** What matrix, baseline and report take: designs and attacks (default: all), runs and seed. */
export interface AttacksFlags {
  designs?: string;
  attacks?: string;
  runs: string;
  seed: string;
}

/** One experiment per chosen attack, over the same designs, runs and seed, ready for runInTurn. */
export async function attackExperiments(file: string, opts: AttacksFlags) {
  const runs = parseRuns(opts.runs);
  const seed = positiveInteger(opts.seed, '--seed');
  const ctx = await openScenario(file);
  const attacks = pickMany(ctx.scenario.attacks, opts.attacks, 'attack', file);
  if (attacks.length === 0) throw usageError(`${file} has no attacks`);
  const jobs = attacks.map((a) => ({ model: ctx.model, spec: experimentSpec(ctx, opts.designs, a.id, runs, seed) }));
  return { ctx, runs, seed, attacks, jobs };
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
