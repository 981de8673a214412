// --allow-imports, a global option: the folder scenario imports may come from instead of the
// scenario's own. Apart from the loader so `segsim --version` loads nothing else to register it.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { SourceOptions } from '../scenario/sources.js';

let importRoot: string | undefined;

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
