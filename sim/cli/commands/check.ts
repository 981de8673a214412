// check: evaluate the `expect` entries of scenarios, and baselines, by Monte Carlo, for CI.
import { appendFileSync } from 'node:fs';
import type { Command } from 'commander';
import { checkScenario, plannedRuns } from '../../experiment/checkScenario.js';
import {
  BaselineError,
  DEFAULT_TOLERANCES,
  parseTolerances,
  REGRESSION_METRICS,
  type Tolerances,
} from '../../experiment/baseline.js';
import { renderCheckJUnit } from '../../report/checkJUnit.js';
import { renderCheckMarkdown } from '../../report/checkMarkdown.js';
import { checkOutcome, renderCheckText, type CheckRender, type ScenarioCheck } from '../../report/checkReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { formatIssue } from '../../scenario/issues.js';
import { baselineJob, type CheckJob, expandPaths, scenarioJob } from '../checkJobs.js';
import { CliExit, usageError } from '../errors.js';
import { mdOption, positiveInteger, runsOption, seedOption } from '../options.js';
import { announceWriting, startProgress } from '../progress.js';
import { parseRuns } from '../bounds.js';
import { writeProblem, writeText } from '../terminal.js';

interface CheckOptions {
  runs: string;
  seed: string;
  baseline: string[];
  tolerance?: string;
  junit?: string;
  md?: string;
  failOnEmpty?: boolean;
}

const defaults = REGRESSION_METRICS.map((m) => `${m.metric} ${DEFAULT_TOLERANCES[m.metric]}`).join(', ');

export function registerCheck(program: Command): Command {
  return program
    .command('check')
    .description(
      "Check scenarios' expect entries, and baselines, by Monte Carlo: PASS/FAIL per expectation, with a replayable witness run for each design × attack that failed",
    )
    .argument('[paths...]', 'scenario YAML files, or directories of them')
    .addOption(runsOption('expectation that sets no runs of its own'))
    .addOption(seedOption())
    .option(
      '--baseline <file>',
      'a baseline from `segsim baseline` (every design × attack) or a results bundle from `compare --json` (one attack): re-run it and fail where a design got worse; repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--tolerance <fractions>',
      'with --baseline: how much each mean may rise, as a fraction of the baseline value: 0.05 for every metric, or metric=fraction,… for some',
    )
    .option('--junit <file>', 'write JUnit XML, one testcase per expectation (written for invalid files too)')
    .addOption(mdOption('write a Markdown report, the verdict on its first line'))
    .option('--fail-on-empty', 'fail a scenario that has no expectations')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim check scenarios/pharma.yaml
  $ segsim check scenarios/ --runs 500 --junit reports/segsim-junit.xml --fail-on-empty
  $ segsim baseline scenarios/pharma.yaml --out pharma-baseline.json   (once, on the accepted design)
  $ segsim check --baseline pharma-baseline.json --tolerance timeToAccessHours=0.2

Default tolerances: ${defaults}.
With $GITHUB_STEP_SUMMARY set, the Markdown report is appended to it.

Exit codes: 0 every expectation holds, 1 one failed, 2 bad input (the reports are written all the same).`,
    )
    .action((paths: string[], opts: CheckOptions) => {
      const runs = parseRuns(opts.runs);
      const seed = positiveInteger(opts.seed, '--seed');
      if (paths.length === 0 && opts.baseline.length === 0)
        throw usageError('name scenario files or directories to check, or a --baseline file');
      let tolerances: Tolerances = DEFAULT_TOLERANCES;
      if (opts.tolerance !== undefined) {
        try {
          tolerances = parseTolerances(opts.tolerance);
        } catch (err) {
          if (err instanceof BaselineError) throw usageError(err.message);
          throw err;
        }
      }
      const jobs = [
        ...expandPaths(paths).map(scenarioJob),
        ...opts.baseline.map((file) => baselineJob(file, tolerances)),
      ];
      const results = jobs.map((job) => runJob(job, runs, seed));
      const render: CheckRender = { failOnEmpty: opts.failOnEmpty === true };
      announceWriting(opts.junit, opts.md);
      if (opts.junit) writeFileAtomic(opts.junit, renderCheckJUnit(results, render));
      const md = opts.md !== undefined || process.env.GITHUB_STEP_SUMMARY ? renderCheckMarkdown(results, render) : '';
      if (opts.md) writeFileAtomic(opts.md, md);
      appendStepSummary(md);
      const problems = results.flatMap((r) => r.problems);
      for (const issue of problems) writeProblem(`${formatIssue(issue)}\n`);
      writeText(renderCheckText(results, render));
      const outcome = checkOutcome(results, render);
      if (outcome.status === 'error')
        throw new CliExit(
          2,
          `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${outcome.invalid} file${outcome.invalid === 1 ? '' : 's'}, which ${outcome.invalid === 1 ? 'was' : 'were'} not checked`,
        );
      if (outcome.status === 'fail') throw new CliExit(1, '');
    });
}

function runJob(job: CheckJob, runs: number, seed: number): ScenarioCheck {
  if (!job.ok)
    return { file: job.file, seed, checks: [], baseline: job.baseline, places: [], problems: job.problems, seconds: 0 };
  const { model } = job;
  const total = plannedRuns(model.scenario.expect, runs);
  const progress = startProgress(total, `runs of ${job.baseline ?? job.file}`);
  const started = performance.now();
  try {
    const jobSeed = job.seed ?? seed;
    const checks = checkScenario(model, {
      runs,
      seed: jobSeed,
      onProgress: progress.update,
      clock: () => performance.now(),
    });
    return {
      file: job.file,
      seed: jobSeed,
      checks,
      baseline: job.baseline,
      places: job.places,
      problems: [],
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    progress.stop();
  }
}

/** GitHub Actions shows what a step appends to this file on the run's summary page. */
function appendStepSummary(md: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return;
  try {
    appendFileSync(file, `${md}\n`);
  } catch (err) {
    writeProblem(
      `segsim: cannot append to $GITHUB_STEP_SUMMARY (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); the check went on\n`,
    );
  }
}
