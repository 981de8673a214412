// Loads a scenario once and resolves design and attack names given on the command line.
import { basename, isAbsolute, sep } from 'node:path';
import { buildPlantModel, type PlantModel } from '../model/plantModel.js';
import { didYouMean } from '../scenario/issues.js';
import type { Attack, Design, Scenario } from '../model/schema.js';
import { usageError } from './errors.js';
import { loadScenarioOrExit } from './load.js';

export interface ScenarioContext {
  file: string;
  scenario: Scenario;
  model: PlantModel;
}

export async function openScenario(file: string): Promise<ScenarioContext> {
  const scenario = await loadScenarioOrExit(file);
  return { file, scenario, model: buildPlantModel(scenario) };
}

export function pickDesign(ctx: ScenarioContext, id: string | undefined): Design {
  return pick(ctx.scenario.designs, id, 'design', ctx.file);
}

export function pickAttack(ctx: ScenarioContext, id: string | undefined): Attack {
  return pick(ctx.scenario.attacks, id, 'attack', ctx.file);
}

/** Several comma-separated ids, or all of them when none are given. */
export function pickMany<T extends { id: string }>(
  items: readonly T[],
  ids: string | undefined,
  what: string,
  file: string,
): T[] {
  if (ids === undefined || ids === '') return [...items];
  return ids.split(',').map((id) => pick(items, id.trim(), what, file));
}

function pick<T extends { id: string }>(items: readonly T[], id: string | undefined, what: string, file: string): T {
  const names = items.map((x) => x.id);
  if (id === undefined) {
    if (items.length === 1) return items[0]!;
    throw usageError(`choose ${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what} with --${what}: ${names.join(', ')}`);
  }
  const found = items.find((x) => x.id === id);
  if (found === undefined)
    throw usageError(`${file} has no ${what} "${id}"${didYouMean(id, names)}; it has: ${names.join(', ')}`);
  return found;
}

/** The scenario as outputs name it: as given when relative, else its base name, so no machine's path leaks in. */
/** The scenario as reports name it: its portable file name, its name, its currency when it has one. */
export function scenarioRef(
  file: string,
  scenario: Scenario,
): { file: string; name: string | null; currency?: string } {
  const ref = { file: portableName(file), name: scenario.name ?? null };
  return scenario.currency === undefined ? ref : { ...ref, currency: scenario.currency };
}

export function portableName(file: string): string {
  return isAbsolute(file) ? basename(file) : file.split(sep).join('/');
}
