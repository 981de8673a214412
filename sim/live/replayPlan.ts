// The static worst case as a list of real steps: each foothold opened once, then each move of
// each shortest path once (a move: from, to, action and means), in the order `segsim reach` lists
// the assets. Pure.
import type { Action } from '../model/catalog.js';
import type { PlantModel } from '../model/plantModel.js';
import type { BlastRadius, PathStep } from '../metrics/blastRadius.js';
import type { Origin } from '../net/AccessLayer.js';

export type StepMeans =
  | { kind: 'foothold'; origin: Origin }
  | { kind: 'credential'; credential: string }
  | { kind: 'exploit'; vulnerability: string }
  | { kind: 'unauthenticated' }
  | { kind: 'granted' };

export interface ReplayStep {
  from: string;
  to: string;
  action: Action | 'login';
  means: StepMeans;
  /** How `segsim reach` words the means. */
  said: string;
}

/** A (asset, action) pair: what took an asset. */
export interface Taken {
  asset: string;
  action: string;
}

export class ReplayPlanError extends Error {
  override name = 'ReplayPlanError';
  readonly code = 'unknown-means';
}

export function replayPlan(radius: BlastRadius, origins: ReadonlyMap<string, Origin>, model: PlantModel): ReplayStep[] {
  const seen = new Set<string>();
  const steps: ReplayStep[] = [];
  for (const asset of radius.assets)
    for (const step of radius.paths[asset] ?? []) {
      // Reading a host's cache or files and escalating on it cross no socket.
      if (step.action === 'harvest' || step.action === 'escalate' || step.action === 'read') continue;
      // By means too: a host held through a user logon is taken again with an exploit for administrator.
      const key = `${step.from}\t${step.to}\t${step.action}\t${step.means}`;
      if (seen.has(key)) continue;
      seen.add(key);
      steps.push({
        ...pick(step as PathStep & { action: Action | 'login' }),
        means: meansOf(step, origins, model),
        said: step.means,
      });
    }
  return steps;
}

/** What the static analysis says took each asset: the last step of its path. */
export function staticTaken(radius: BlastRadius): Taken[] {
  return radius.assets.map((asset) => ({ asset, action: radius.paths[asset]!.at(-1)!.action }));
}

function pick(step: PathStep & { action: Action | 'login' }): Pick<ReplayStep, 'from' | 'to' | 'action'> {
  return { from: step.from, to: step.to, action: step.action };
}

function meansOf(step: PathStep, origins: ReadonlyMap<string, Origin>, model: PlantModel): StepMeans {
  if (step.action === 'login') {
    const origin =
      origins.get(step.to) ??
      (model.assetIndex.has(step.to) ? { kind: 'host' as const, asset: model.assetIndex.get(step.to)! } : undefined);
    if (origin === undefined) throw new ReplayPlanError(`no origin for the foothold "${step.to}"`);
    return { kind: 'foothold', origin };
  }
  if (model.vocab.action(step.action) === undefined) throw new ReplayPlanError(`unknown action "${step.action}"`);
  const [word, ...rest] = step.means.split(' ');
  const name = rest.join(' ');
  if (word === 'credential') return { kind: 'credential', credential: name };
  if (word === 'exploit') return { kind: 'exploit', vulnerability: name };
  if (step.means === 'unauthenticated protocol') return { kind: 'unauthenticated' };
  if (step.means === 'brokered grant') return { kind: 'granted' };
  throw new ReplayPlanError(`a step means "${step.means}" the replay cannot present`);
}
