import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { registerCheck } from '../../sim/cli/commands/check.js';
import { registerInit } from '../../sim/cli/commands/init.js';
import { registerLint } from '../../sim/cli/commands/lint.js';
import { scenarioJsonSchema } from '../../sim/scenario/jsonSchema.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { runCommand } from '../helpers/inProcessCli.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'segsim-init-')), 'plant-a');

describe('segsim init', () => {
  it('writes a starter scenario and the schema beside it, with a modeline that points at it', async () => {
    const dir = fresh();
    const r = await runCommand(registerInit, ['init', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${join(dir, 'plant.yaml')} and ${join(dir, 'segsim.schema.json')}`);
    const text = readFileSync(join(dir, 'plant.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./segsim.schema.json');
    const schema = JSON.parse(readFileSync(join(dir, 'segsim.schema.json'), 'utf8'));
    expect(schema).toEqual(scenarioJsonSchema());
    // What an editor does with the modeline: check the file against the schema beside it.
    const validate = new Ajv2020.default({ strict: false }).compile(schema);
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...parse(text), horizonHour: 3 })).toBe(false);
  });

  it('writes a scenario that loads, lints clean and holds its own expectation', async () => {
    const dir = fresh();
    await runCommand(registerInit, ['init', dir]);
    const file = join(dir, 'plant.yaml');
    expect(loadScenario(file).ok).toBe(true);
    expect(await runCommand(registerLint, ['lint', file])).toMatchObject({ code: 0 });
    const check = await runCommand(registerCheck, ['check', file, '--runs', '20']);
    expect(check.code).toBe(0);
    expect(check.out).toContain('1 passed, 0 failed');
  });

  it('refuses to overwrite (exit 2, nothing written) unless --force', async () => {
    const dir = fresh();
    await runCommand(registerInit, ['init', dir]);
    const file = join(dir, 'plant.yaml');
    writeFileSync(file, 'my own plant\n');
    const again = await runCommand(registerInit, ['init', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exist; nothing was written (--force overwrites)');
    expect(readFileSync(file, 'utf8')).toBe('my own plant\n');
    expect((await runCommand(registerInit, ['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('segsim: 1');
  });
});
