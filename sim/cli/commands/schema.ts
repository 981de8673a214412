// schema: the JSON Schema of scenario files.
import type { Command } from 'commander';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.js';

export function registerSchema(program: Command): Command {
  return program
    .command('schema')
    .description('Print the JSON Schema of scenario files (for editor autocompletion and validation)')
    .addHelpText(
      'after',
      '\nExample:\n  $ segsim schema > segsim.schema.json\n  then start a scenario with: # yaml-language-server: $schema=./segsim.schema.json',
    )
    .action(() => {
      process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    });
}
