// The CLI's side of scenario loading: print located problems and stop with exit code 2.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadScenario } from '../scenario/load.js';
import { formatIssue, type ScenarioIssue } from '../scenario/issues.js';
import type { Scenario } from '../model/schema.js';
import type { SourceOptions } from '../scenario/sources.js';
import { CliExit } from './errors.js';
import { writeProblem } from './terminal.js';

let importRoot: string | undefined;

/** --allow-imports DIR, a global option: the folder imports may come from instead of the scenario's own. */
export function registerImportRoot(program: Command): void {
  program
    .option('--allow-imports <dir>', "let scenario imports come from under DIR (default: the scenario file's folder)")
    .hook('preAction', (cmd) => {
      const dir = cmd.opts<{ allowImports?: string }>().allowImports;
      importRoot = dir === undefined ? undefined : resolve(dir);
    });
}

/** How every command reads scenario files. */
export function sourceOptions(): SourceOptions {
  return importRoot === undefined ? {} : { importRoot };
}

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
