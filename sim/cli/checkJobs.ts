// What `segsim check` is asked to check, read from disk: each scenario with its expectations
// located, each baseline with the scenario it re-runs, or the problems that keep one from running.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Baseline,
  BaselineError,
  baselineExpectations,
  readBaseline,
  type Tolerances,
} from '../experiment/baseline.js';
import { buildPlantModel, type PlantModel } from '../model/plantModel.js';
import type { Place } from '../report/checkReport.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import { validateMerged } from '../scenario/load.js';
import { readSources } from '../scenario/sources.js';
import { usageError } from './errors.js';
import { sourceOptions } from './importRoot.js';

export type CheckJob =
  | {
      ok: true;
      file: string;
      model: PlantModel;
      /** The seed of the baseline's runs, or null for the command's --seed. */
      seed: number | string | null;
      baseline: string | null;
      places: (Place | null)[];
    }
  | { ok: false; file: string; baseline: string | null; problems: ScenarioIssue[] };

/** Scenario files named, directories expanded to their .yaml and .yml files in name order. */
export function expandPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // Left for the loader, which reports it at the file like any other problem.
      return [path];
    }
    if (!isDir) return [path];
    const found = readdirSync(path)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => join(path, f));
    if (found.length === 0) throw usageError(`${path}: no .yaml files in the directory`);
    return found;
  });
}

type Loaded =
  | { ok: true; model: PlantModel; place: (path: (string | number)[]) => Place }
  | { ok: false; problems: ScenarioIssue[] };

function load(file: string): Loaded {
  const read = readSources(file, file, sourceOptions());
  if (!read.ok) return { ok: false, problems: read.issues };
  const loaded = validateMerged(read.merged, file);
  if (!loaded.ok) return { ok: false, problems: loaded.issues };
  const place = (path: (string | number)[]) => {
    const at = read.merged.locate(path, '');
    return { file: at.file, line: at.line };
  };
  return { ok: true, model: buildPlantModel(loaded.scenario), place };
}

export function scenarioJob(file: string): CheckJob {
  const loaded = load(file);
  if (!loaded.ok) return { ok: false, file, baseline: null, problems: loaded.problems };
  const places = loaded.model.scenario.expect.map((_, i) => loaded.place(['expect', i]));
  return { ok: true, file, model: loaded.model, seed: null, baseline: null, places };
}

/** The baseline's scenario with the baseline's bounds as its only expectations, on the baseline's seeds. */
export function baselineJob(file: string, tolerances: Tolerances): CheckJob {
  const refuse = (message: string, at = file): CheckJob => ({
    ok: false,
    file: at,
    baseline: file,
    problems: [{ file, line: 1, col: 1, path: [], message }],
  });
  let baseline: Baseline;
  try {
    baseline = readBaseline(JSON.parse(readFileSync(file, 'utf8')), file);
  } catch (err) {
    if (err instanceof BaselineError) return refuse(err.message.replace(`${file}: `, ''));
    if (err instanceof SyntaxError) return refuse(`not JSON: ${err.message}`);
    return refuse(`cannot read the baseline (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  const scenarioFile = baseline.scenario.file;
  const loaded = load(scenarioFile);
  if (!loaded.ok) return { ok: false, file: scenarioFile, baseline: file, problems: loaded.problems };
  const { scenario } = loaded.model;
  for (const cell of baseline.cells) {
    for (const [what, id, list] of [
      ['design', cell.design, scenario.designs],
      ['attack', cell.attack, scenario.attacks],
    ] as const) {
      if (!list.some((x) => x.id === id))
        return refuse(`the baseline checks ${what} "${id}", which ${scenarioFile} no longer has`, scenarioFile);
    }
  }
  const expect = baselineExpectations(baseline, tolerances);
  const places = expect.map((e) => loaded.place(['designs', scenario.designs.findIndex((d) => d.id === e.design)]));
  return {
    ok: true,
    file: scenarioFile,
    model: { ...loaded.model, scenario: { ...scenario, expect } },
    seed: baseline.seed,
    baseline: file,
    places,
  };
}
