// sweep: the same comparison at several values of one scenario field (sensitivity analysis).
import type { Command } from 'commander';
import { parseSweepPath, parseSweepValues, SweepError, withValueAt } from '../../experiment/sweep.js';
import { buildPlantModel } from '../../model/plantModel.js';
import {
  renderSweepMarkdown,
  renderSweepText,
  showValue,
  sweepJson,
  type Sweep,
  type SweepPoint,
} from '../../report/sweepReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { validateMerged } from '../../scenario/load.js';
import type { Scenario } from '../../model/schema.js';
import { readSources } from '../../scenario/sources.js';
import { usageError } from '../errors.js';
import { exitWithIssues, sourceOptions } from '../load.js';
import { experimentSpec } from '../experiment.js';
import {
  attackOption,
  designsOption,
  jsonOption,
  mdOption,
  positiveInteger,
  runsOption,
  seedOption,
} from '../options.js';
import { announceWriting, runInTurn } from '../progress.js';
import { scenarioRef } from '../scenarioContext.js';
import { parseRuns } from '../bounds.js';
import { writeText } from '../terminal.js';

interface SweepOptions {
  set: string;
  designs?: string;
  attack?: string;
  runs: string;
  seed: string;
  json?: string;
  md?: string;
}

export function registerSweep(program: Command): Command {
  return program
    .command('sweep')
    .description(
      'Run the same comparison with one scenario field set to each of several values: how far an assumption can move before the comparison between designs changes',
    )
    .argument('<scenario>', 'scenario YAML file')
    .requiredOption(
      '--set <path=values>',
      'the field, as a dotted path (list items by id or index), and its values: comma-separated, or a YAML flow list for durations; ~ removes the field or list item',
    )
    .addOption(designsOption())
    .addOption(attackOption('attack (default: the one the path names, else the first in the file)'))
    .addOption(runsOption('design and value'))
    .addOption(seedOption('base seed; the same seeds at every value'))
    .addOption(jsonOption("write every value's summaries per design as JSON"))
    .addOption(mdOption('write the tables as a Markdown report'))
    .addHelpText(
      'after',
      `
Examples:
  $ segsim sweep scenarios/pharma.yaml --set attacks.approval-fatigue.approvalFatigue=0,0.25,0.5,0.75,1
  $ segsim sweep scenarios/pharma.yaml -a compromised-vendor-laptop --set 'designs.zt.response.time=[0.5, 2, 8, {dist: lognormal, median: 24, sigma: 0.8}]'
  $ segsim sweep scenarios/water-utility.yaml --set designs.zt-stations.sensors.0.probability=0.1,0.3,0.6,0.9 --json sweep.json
  $ segsim sweep scenarios/pharma.yaml --set windows.maintenance.duration=2,6,12,24
  $ segsim sweep scenarios/pharma.yaml -a approval-fatigue --set 'designs.zt.zt.policy.rules.integrator-line3.conditions.approval=[{by: plant-engineer, validHours: 4}, ~]'

Each value is checked like the scenario file itself before anything runs. Run i uses seed
"<seed>:<i>" at every value, so the differences between values are paired.`,
    )
    .action((file: string, opts: SweepOptions) => {
      const runs = parseRuns(opts.runs);
      const seed = positiveInteger(opts.seed, '--seed');
      const eq = opts.set.indexOf('=');
      if (eq < 0)
        throw usageError(
          `--set needs path=values, e.g. attacks.approval-fatigue.approvalFatigue=0,0.5,1; got "${opts.set}"`,
        );
      const setting = opts.set.slice(0, eq).trim();
      let path: string[];
      let values: unknown[];
      try {
        path = parseSweepPath(setting);
        values = parseSweepValues(opts.set.slice(eq + 1));
      } catch (err) {
        if (err instanceof SweepError) throw usageError(`--set: ${err.message}`);
        throw err;
      }
      const read = readSources(file, file, sourceOptions());
      if (!read.ok) return exitWithIssues(read.issues, file);
      // Every value is set and checked before the first run.
      const scenarios = values.map((value): Scenario => {
        let edited: Record<string, unknown>;
        try {
          edited = withValueAt(read.merged.value, path, value);
        } catch (err) {
          if (err instanceof SweepError) throw usageError(`--set ${setting}: ${err.message}`);
          throw err;
        }
        const loaded = validateMerged({ ...read.merged, value: edited }, file);
        if (!loaded.ok) return exitWithIssues(loaded.issues, `--set ${setting}=${showValue(value)}`);
        return loaded.scenario;
      });
      const points = sweepAll(file, scenarios, values, path, opts, runs, seed);
      const sweep: Sweep = {
        scenario: scenarioRef(file, scenarios[0]!),
        set: setting,
        seed,
        runs,
        points,
      };
      announceWriting(opts.json, opts.md);
      if (opts.json) writeFileAtomic(opts.json, sweepJson(sweep));
      if (opts.md) writeFileAtomic(opts.md, renderSweepMarkdown(sweep));
      writeText(renderSweepText(sweep));
    });
}

function sweepAll(
  file: string,
  scenarios: Scenario[],
  values: unknown[],
  path: string[],
  opts: SweepOptions,
  runs: number,
  seed: number,
): SweepPoint[] {
  // The attack a path into attacks names is the one to run, unless -a says otherwise.
  const named =
    path[0] === 'attacks' && path[1] !== undefined
      ? /^\d+$/.test(path[1])
        ? scenarios[0]!.attacks[Number(path[1])]?.id
        : path[1]
      : undefined;
  const jobs = scenarios.map((scenario) => {
    const ctx = { file, scenario, model: buildPlantModel(scenario) };
    return { model: ctx.model, spec: experimentSpec(ctx, opts.designs, opts.attack ?? named, runs, seed) };
  });
  return runInTurn(jobs).map((result, k) => ({ value: values[k], result }));
}
