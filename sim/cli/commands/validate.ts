// validate: check scenario files, every problem located as file:line:col.
import type { Command } from 'commander';
import { formatIssue } from '../../scenario/issues.js';
import { loadScenario } from '../../scenario/load.js';
import { summarize } from '../../scenario/summary.js';
import { CliExit } from '../errors.js';
import { sourceOptions } from '../importRoot.js';
import { writeProblem } from '../terminal.js';

export function registerValidate(program: Command): Command {
  return program
    .command('validate')
    .description(
      'Check scenario files: schema, references, addresses; prints every problem as file:line:col  field  message',
    )
    .argument('<files...>', 'scenario YAML files')
    .option('-q, --quiet', 'print only problems')
    .addHelpText(
      'after',
      '\nExamples:\n  $ segsim validate scenarios/*.yaml\n  $ segsim validate my-plant.yaml && echo valid\n\nExit 0 when every file is valid, 2 otherwise.',
    )
    .action((files: string[], opts: { quiet?: boolean }) => {
      let bad = 0;
      for (const file of files) {
        const r = loadScenario(file, sourceOptions());
        if (r.ok) {
          const s = summarize(r.scenario);
          if (!opts.quiet)
            process.stdout.write(
              `ok    ${file}  ${s.zones.length} zones, ${s.lines.length} lines, ${s.assets} assets, ${s.designs.length} designs, ${s.attacks.length} attacks\n`,
            );
        } else {
          bad++;
          for (const issue of r.issues) writeProblem(`${formatIssue(issue)}\n`);
          process.stdout.write(`FAIL  ${file}  ${r.issues.length} problem${r.issues.length === 1 ? '' : 's'}\n`);
        }
      }
      if (bad > 0) throw new CliExit(2, `${bad} of ${files.length} file${files.length === 1 ? '' : 's'} invalid`);
    });
}
