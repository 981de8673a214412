// init: a starter scenario and the JSON Schema the package ships beside it, so an editor completes
// and checks the file wherever it lives.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../report/writeFileAtomic.js';
import { shippedSchemaText } from '../shippedSchema.js';
import { usageError } from '../errors.js';
import { SCHEMA_FILE, STARTER_SCENARIO, STARTER_SCENARIO_FILE } from '../starterScenario.js';

export function registerInit(program: Command): Command {
  return program
    .command('init')
    .description(
      `Write a starter scenario (${STARTER_SCENARIO_FILE}) and the scenario JSON Schema (${SCHEMA_FILE}) beside it, with a modeline that points editors at the schema`,
    )
    .argument('[dir]', 'folder to write into (made if missing)', '.')
    .option('--force', 'overwrite files that already exist')
    .addHelpText(
      'after',
      `
Examples:
  $ segsim init                 writes ./${STARTER_SCENARIO_FILE} and ./${SCHEMA_FILE}
  $ segsim init plants/site-a
  $ segsim init --force         replaces both, e.g. to refresh the schema after an upgrade

The scenario's first line, "# yaml-language-server: $schema=./${SCHEMA_FILE}", gives completion
and checking in editors with the YAML language server (VS Code's YAML extension, Neovim, Helix…).

Exit codes: 0 written, 2 a file exists (nothing is written without --force) or cannot be written.`,
    )
    .action((dir: string, opts: { force?: boolean }) => {
      const files = [
        { path: join(dir, STARTER_SCENARIO_FILE), text: STARTER_SCENARIO },
        { path: join(dir, SCHEMA_FILE), text: shippedSchemaText() },
      ];
      const existing = files.filter((f) => existsSync(f.path)).map((f) => f.path);
      if (existing.length > 0 && !opts.force)
        throw usageError(
          `${existing.join(' and ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written (--force overwrites)`,
        );
      for (const f of files) writeFileAtomic(f.path, f.text);
      const scenario = files[0]!.path;
      process.stdout.write(
        `wrote ${scenario} and ${files[1]!.path}\n\nNext:\n  segsim validate ${scenario}\n  segsim compare ${scenario}\n  segsim lint ${scenario}\n  segsim check ${scenario}\n`,
      );
    });
}
