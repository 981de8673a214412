// The CLI's side of scenario loading: print located problems and stop with exit code 2.
import { loadScenario } from '../scenario/load.js';
import { formatIssue, type ScenarioIssue } from '../scenario/issues.js';
import type { Scenario } from '../model/schema.js';
import { CliExit } from './errors.js';
import { writeProblem } from './terminal.js';

export { sourceOptions } from './importRoot.js';
import { sourceOptions } from './importRoot.js';

export async function loadScenarioOrExit(file: string): Promise<Scenario> {
  const result = loadScenario(file, sourceOptions());
  if (result.ok) return result.scenario;
  return exitWithIssues(result.issues, file);
}

/** Prints located problems, one a line, and stops with exit code 2: "`what`: N problems, nothing was run". */
export function exitWithIssues(issues: readonly ScenarioIssue[], what: string): never {
  for (const issue of issues) writeProblem(`${formatIssue(issue)}\n`);
  const n = issues.length;
  throw new CliExit(2, `${what}: ${n} problem${n === 1 ? '' : 's'}, nothing was run`);
}
