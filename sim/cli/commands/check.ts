// check: evaluate the `expect` entries of scenarios by Monte Carlo, for CI.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkScenario } from '../../experiment/checkScenario.js';
import { EXPECTABLE_METRICS } from '../../experiment/expectations.js';
import { renderCheckMarkdown, renderCheckText, renderJUnit, type ScenarioCheck } from '../../report/checkReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { didYouMean } from '../../scenario/issues.js';
import { CliExit, usageError } from '../errors.js';
import { openScenario, type ScenarioContext } from '../scenarioContext.js';
import { positiveInteger, startProgress } from './compare.js';

interface CheckOptions {
  runs: string;
  seed: string;
  junit?: string;
  md?: string;
}

export function registerCheck(program: Command): Command {
  return program
    .command('check')
    .description("Check scenarios' expect entries by Monte Carlo: PASS/FAIL per expectation, with a replayable witness run for each failure")
    .argument('<paths...>', 'scenario YAML files, or directories of them')
    .option('-n, --runs <n>', 'runs per expectation that sets no runs of its own', '200')
    .option('-s, --seed <n>', 'base seed; run i uses seed "<seed>:<i>"', '1')
    .option('--junit <file>', 'write JUnit XML, one testcase per expectation')
    .option('--md <file>', 'write a Markdown report')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim check scenarios/pharma.yaml
  $ segsim check scenarios/ --runs 500 --junit reports/segsim-junit.xml

Exit codes: 0 every expectation holds, 1 one failed, 2 bad input.`,
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      const runs = positiveInteger(opts.runs, '--runs');
      const seed = positiveInteger(opts.seed, '--seed');
      const files = paths.flatMap(expand);
      const contexts: ScenarioContext[] = [];
      for (const file of files) contexts.push(await openScenario(file));
      for (const ctx of contexts) validateMetrics(ctx);
      const results: ScenarioCheck[] = contexts.map((ctx) => {
        const progress = startProgress(ctx.scenario.expect.reduce((n, e) => n + (e.runs ?? runs), 0));
        try {
          return { file: ctx.file, seed, checks: checkScenario(ctx.model, { runs, seed, onProgress: progress.update }) };
        } finally {
          progress.stop();
        }
      });
      if (opts.junit) writeFileAtomic(opts.junit, renderJUnit(results));
      if (opts.md) writeFileAtomic(opts.md, renderCheckMarkdown(results));
      process.stdout.write(renderCheckText(results));
      if (results.some((r) => r.checks.some((c) => !c.pass))) throw new CliExit(1, '');
    });
}

function expand(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw usageError(`${path}: no such file or directory`);
  }
  if (!isDir) return [path];
  const found = readdirSync(path)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(path, f));
  if (found.length === 0) throw usageError(`${path}: no .yaml files in the directory`);
  return found;
}

function validateMetrics(ctx: ScenarioContext): void {
  const names: readonly string[] = EXPECTABLE_METRICS;
  ctx.scenario.expect.forEach((e, i) => {
    if (e.metric !== undefined && !names.includes(e.metric)) {
      throw usageError(`${ctx.file}: expect[${i}].metric: unknown metric "${e.metric}"${didYouMean(e.metric, names)}; metrics: ${names.join(', ')}`);
    }
  });
}
