// Commands load lazily: the name on the command line picks one module, and in the built command
// line a command's code reaches only the modules that command needs.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandsFor } from '../../sim/cli/registry.js';

describe('commandsFor', () => {
  it('loads the named command alone, nothing for --version, everything for help or a typo', () => {
    expect(commandsFor(['validate', 'a.yaml', '--quiet'])).toEqual([COMMANDS.validate]);
    expect(commandsFor(['--version'])).toEqual([]);
    expect(commandsFor(['-V'])).toEqual([]);
    for (const args of [[], ['--help'], ['help', 'compare'], ['valdate', 'a.yaml']])
      expect(commandsFor(args)).toHaveLength(Object.keys(COMMANDS).length);
  });

  it('each entry registers the command it is named after', async () => {
    for (const [name, load] of Object.entries(COMMANDS)) {
      const program = new Command();
      (await load())(program);
      expect(program.commands.map((c) => c.name())).toEqual([name]);
    }
  });
});

interface Output {
  entryPoint?: string;
  imports: { path: string; kind: string }[];
  inputs: Record<string, unknown>;
}

/** The sources and packages a built entry point loads: its own file and what it imports statically. */
function loadedBy(entry: string): string[] {
  const meta = JSON.parse(readFileSync('dist/.build/cli-meta.json', 'utf8')) as { outputs: Record<string, Output> };
  const outputs = Object.entries(meta.outputs);
  const start = outputs.find(([, o]) => o.entryPoint?.endsWith(entry));
  if (start === undefined) throw new Error(`no output for ${entry} in the build's metafile`);
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const i of meta.outputs[path]!.imports)
      if (i.kind === 'import-statement' && i.path in meta.outputs) visit(i.path);
  };
  visit(start[0]);
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]!.inputs));
}

describe('the built command line', () => {
  const under = (inputs: string[], part: string) => inputs.filter((i) => i.includes(part));

  it('starts with the program alone: no scenario reader, no schema, no simulator', () => {
    const main = loadedBy('sim/cli/main.ts');
    for (const part of [
      'sim/scenario/',
      'sim/experiment/',
      'node_modules/zod/',
      'node_modules/yaml/',
      'node_modules/js-yaml/',
    ])
      expect(under(main, part), part).toEqual([]);
  });

  it('validates without the simulator, the reports or the progress bar', () => {
    const validate = [...loadedBy('sim/cli/main.ts'), ...loadedBy('sim/cli/commands/validate.ts')];
    expect(under(validate, 'sim/scenario/load.ts')).toHaveLength(1);
    for (const part of [
      'sim/experiment/',
      'sim/simulation/',
      'sim/attack/',
      'sim/report/bundle',
      'node_modules/cli-progress/',
    ])
      expect(under(validate, part), part).toEqual([]);
  });

  it('compares with the experiment runner but leaves the workers until asked', () => {
    const compare = loadedBy('sim/cli/commands/compare.ts');
    expect(under(compare, 'sim/experiment/runExperiment.ts')).toHaveLength(1);
    expect(under(compare, 'sim/experiment/parallel.ts')).toEqual([]);
  });
});
