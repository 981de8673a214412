// matrix: every design under every attack, the overview before any single comparison.
import type { Command } from 'commander';
import { matrixJson, renderMatrixMarkdown, renderMatrixText, type Matrix } from '../../report/matrixReport.js';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { scenarioRef } from '../scenarioContext.js';
import { attackExperiments } from '../experiment.js';
import { attacksOption, designsOption, jsonOption, mdOption, runsOption, seedOption } from '../options.js';
import { announceWriting, runInTurn } from '../progress.js';
import { writeText } from '../terminal.js';

interface MatrixOptions {
  designs?: string;
  attacks?: string;
  runs: string;
  seed: string;
  json?: string;
  md?: string;
}

export function registerMatrix(program: Command): Command {
  return program
    .command('matrix')
    .description(
      "Every design under every attack: the probability of reaching a PLC next to the static worst case, then compromised assets, production loss, time to detection and the technicians' time to access and privilege exposure",
    )
    .argument('<scenario>', 'scenario YAML file')
    .addOption(designsOption())
    .addOption(attacksOption())
    .addOption(runsOption('design and attack'))
    .addOption(seedOption('base seed; run i of every design and attack uses seed "<seed>:<i>"'))
    .addOption(jsonOption('write the statistics and static worst case of every design under every attack as JSON'))
    .addOption(mdOption('write the tables as a Markdown report'))
    .addHelpText(
      'after',
      `
Examples:
  $ segsim matrix scenarios/pharma.yaml
  $ segsim matrix scenarios/water-utility.yaml --runs 1000 --md water-matrix.md
  $ segsim matrix scenarios/migration.yaml --designs stage0-vpn,stage3-line-isolation --json matrix.json

Each cell is what \`segsim compare FILE --attack A\` reports for that design with the same seed:
read a cell there, with its confidence intervals, paired differences and the attack paths.`,
    )
    .action(async (file: string, opts: MatrixOptions) => {
      const { ctx, runs, seed, jobs } = await attackExperiments(file, opts);
      const matrix: Matrix = {
        scenario: scenarioRef(file, ctx.scenario),
        seed,
        runs,
        attacks: runInTurn(jobs),
      };
      announceWriting(opts.json, opts.md);
      if (opts.json) writeFileAtomic(opts.json, matrixJson(matrix));
      if (opts.md) writeFileAtomic(opts.md, renderMatrixMarkdown(matrix));
      writeText(renderMatrixText(matrix));
    });
}
