// The CLI's side of scenario loading: print located problems and stop with exit code 2.
import { loadScenario } from '../scenario/load.js';
import { formatIssue } from '../scenario/issues.js';
import type { Scenario } from '../scenario/schema.js';
import { CliExit } from './errors.js';

export async function loadScenarioOrExit(file: string): Promise<Scenario> {
  const result = loadScenario(file);
  if (result.ok) return result.scenario;
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  const n = result.issues.length;
  throw new CliExit(2, `${file}: ${n} problem${n === 1 ? '' : 's'}, nothing was run`);
}
