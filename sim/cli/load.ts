// The CLI's side of scenario loading: print located problems and stop with exit code 2.
import { loadScenario } from '../scenario/load.js';
import { formatIssue, type ScenarioIssue } from '../scenario/issues.js';
import type { Scenario } from '../scenario/schema.js';
import { CliExit } from './errors.js';

export async function loadScenarioOrExit(file: string): Promise<Scenario> {
  const result = loadScenario(file);
  if (result.ok) return result.scenario;
  const n = result.issues.length;
  return exitWithIssues(result.issues, `${file}: ${n} problem${n === 1 ? '' : 's'}, nothing was run`);
}

/** Prints located problems, one a line, and stops with exit code 2 and `summary`. */
export function exitWithIssues(issues: readonly ScenarioIssue[], summary: string): never {
  for (const issue of issues) process.stderr.write(`${formatIssue(issue)}\n`);
  throw new CliExit(2, summary);
}
