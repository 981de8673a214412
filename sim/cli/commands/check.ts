// check: evaluate the `expect` entries of scenarios by Monte Carlo, for CI.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { checkScenario } from '../../experiment/checkScenario.js';
import { EXPECTABLE_METRICS } from '../../experiment/expectations.js';
import { renderCheckMarkdown, renderCheckText, renderJUnit, type ScenarioCheck } from '../../report/checkReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { didYouMean } from '../../scenario/issues.js';
import { CliExit, usageError } from '../errors.js';
import { openScenario, pickAttack, pickDesign, type ScenarioContext } from '../scenarioContext.js';
import { BaselineError, baselineExpectations, readBaseline } from '../../experiment/baseline.js';
import { mdOption, positiveInteger, runsOption, seedOption } from '../options.js';
import { startProgress } from '../progress.js';
import { parseRuns } from '../bounds.js';
import { writeText } from '../terminal.js';

interface CheckOptions {
  runs: string;
  seed: string;
  baseline?: string;
  tolerance: string;
  junit?: string;
  md?: string;
}

export function registerCheck(program: Command): Command {
  return program
    .command('check')
    .description(
      "Check scenarios' expect entries by Monte Carlo: PASS/FAIL per expectation, with a replayable witness run for each failure",
    )
    .argument('[paths...]', 'scenario YAML files, or directories of them')
    .addOption(runsOption('expectation that sets no runs of its own'))
    .addOption(seedOption())
    .option(
      '--baseline <bundle>',
      'a results bundle from `compare --json`: re-run what it ran and fail if a design got worse',
    )
    .option('--tolerance <fraction>', 'with --baseline: how much a mean may rise before it fails (0.05 = 5%)', '0')
    .option('--junit <file>', 'write JUnit XML, one testcase per expectation')
    .addOption(mdOption())
    .addHelpText(
      'after',
      `
Examples:
  $ segsim check scenarios/pharma.yaml
  $ segsim check scenarios/ --runs 500 --junit reports/segsim-junit.xml
  $ segsim check --baseline reports/pharma-baseline.json --tolerance 0.05

Exit codes: 0 every expectation holds, 1 one failed, 2 bad input.`,
    )
    .action(async (paths: string[], opts: CheckOptions) => {
      const runs = parseRuns(opts.runs);
      const seed = positiveInteger(opts.seed, '--seed');
      if (paths.length === 0 && opts.baseline === undefined)
        throw usageError('name scenario files or directories to check, or a --baseline bundle');
      const files = paths.flatMap(expand);
      const contexts: ScenarioContext[] = [];
      for (const file of files) contexts.push(await openScenario(file));
      for (const ctx of contexts) validateMetrics(ctx);
      const jobs = contexts.map((ctx) => ({ ctx, model: ctx.model, seed: seed as number | string }));
      if (opts.baseline !== undefined) jobs.push(await baselineJob(opts.baseline, opts.tolerance));
      const results: ScenarioCheck[] = jobs.map(({ ctx, model, seed: jobSeed }) => {
        const progress = startProgress(model.scenario.expect.reduce((n, e) => n + (e.runs ?? runs), 0));
        try {
          return {
            file: ctx.file,
            seed: jobSeed,
            checks: checkScenario(model, { runs, seed: jobSeed, onProgress: progress.update }),
          };
        } finally {
          progress.stop();
        }
      });
      if (opts.junit) writeFileAtomic(opts.junit, renderJUnit(results));
      if (opts.md) writeFileAtomic(opts.md, renderCheckMarkdown(results));
      writeText(renderCheckText(results));
      if (results.some((r) => r.checks.some((c) => !c.pass))) throw new CliExit(1, '');
    });
}

/** The baseline's scenario with the baseline's regression bounds as its only expectations. */
async function baselineJob(file: string, toleranceText: string) {
  const tolerance = Number(toleranceText);
  if (!(tolerance >= 0) || !Number.isFinite(tolerance))
    throw usageError(`--tolerance must be a fraction such as 0.05, got "${toleranceText}"`);
  let bundle;
  try {
    bundle = readBaseline(JSON.parse(readFileSync(file, 'utf8')), file);
  } catch (err) {
    if (err instanceof BaselineError) throw usageError(err.message);
    throw usageError(
      `${file}: cannot read the baseline (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  const ctx = await openScenario(bundle.scenario.file);
  for (const d of bundle.designs) pickDesign(ctx, d.id);
  pickAttack(ctx, bundle.attack.id);
  const expect = baselineExpectations(bundle, tolerance);
  return { ctx, model: { ...ctx.model, scenario: { ...ctx.scenario, expect } }, seed: bundle.seed };
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
      throw usageError(
        `${ctx.file}: expect[${i}].metric: unknown metric "${e.metric}"${didYouMean(e.metric, names)}; metrics: ${names.join(', ')}`,
      );
    }
  });
}
