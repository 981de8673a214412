// baseline: run every design under every attack and write the means `check --baseline` holds the
// scenario to, the attacker's side and the technicians' alike.
import type { Command } from 'commander';
import { BASELINE_VERSION } from '../../contract/baseline.js';
import { buildBaseline, REGRESSION_METRICS } from '../../experiment/baseline.js';
import { baselineJson } from '../../report/baselineJson.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { attackExperiments } from '../experiment.js';
import { attacksOption, designsOption, runsOption, seedOption } from '../options.js';
import { announceWriting, runInTurn } from '../progress.js';
import { portableName } from '../scenarioContext.js';

interface BaselineOptions {
  out: string;
  designs?: string;
  attacks?: string;
  runs: string;
  seed: string;
}

export function registerBaseline(program: Command): Command {
  return program
    .command('baseline')
    .description(
      'Write a baseline for `check --baseline`: the mean of each regression metric for every design under every attack, on known seeds',
    )
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption('-o, --out <file>', 'the baseline file to write (JSON)')
    .addOption(designsOption())
    .addOption(attacksOption())
    .addOption(runsOption('design and attack'))
    .addOption(seedOption('base seed; run i of every design and attack uses seed "<seed>:<i>"'))
    .addHelpText(
      'after',
      `
Examples:
  $ segsim baseline scenarios/pharma.yaml --out reports/pharma-baseline.json
  $ segsim check --baseline reports/pharma-baseline.json

Metrics: ${REGRESSION_METRICS.map((m) => m.metric).join(', ')}.
The file (format "segsim-baseline", version ${BASELINE_VERSION}) names the scenario as given here: run
check from the same folder. The same scenario, runs and seed give the same bytes.`,
    )
    .action(async (file: string, opts: BaselineOptions) => {
      const { ctx, runs, seed, attacks, jobs } = await attackExperiments(file, opts);
      const results = runInTurn(jobs);
      const baseline = buildBaseline({ file: portableName(file), name: ctx.scenario.name ?? null }, results);
      announceWriting(opts.out);
      writeFileAtomic(opts.out, baselineJson(baseline));
      const designs = results[0]!.designs.length;
      process.stdout.write(
        `wrote ${opts.out}: ${designs} design${designs === 1 ? '' : 's'} × ${attacks.length} attack${attacks.length === 1 ? '' : 's'} × ${runs} runs, seed ${seed}\n`,
      );
    });
}
