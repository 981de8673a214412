// merge run from another folder than the shards' scenario: it says to name it with --scenario.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { vpnPlant } from '../helpers/oddScenarios.js';

const CLI = resolve('bin/segsim.mjs');
const dir = mkdtempSync(join(tmpdir(), 'segsim-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function segsimIn(cwd: string, ...args: string[]): Promise<{ code: number; err: string }> {
  return new Promise((done) =>
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, CI: '1' } }, (error, _out, err) =>
      done({ code: error === null ? 0 : Number(error.code), err }),
    ),
  );
}

describe('merge from another folder', () => {
  it('asks for --scenario instead of failing with "cannot read file"', async () => {
    const scenario = join(dir, 'plant.yaml');
    writeFileSync(scenario, vpnPlant());
    const shards = [1, 2].map((k) => join(dir, `shard-${k}.json`));
    await Promise.all(
      shards.map((file, i) =>
        segsimIn(dir, 'compare', scenario, '--runs', '4', '--shard', `${i + 1}/2`, '--json', file),
      ),
    );
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const lost = await segsimIn(elsewhere, 'merge', ...shards, '--json', 'all.json');
    expect(lost.code).toBe(2);
    expect(lost.err).toBe(
      'segsim: the shards ran the scenario "plant.yaml", which is not in this folder (a shard records no folder for an absolute path); name it with --scenario PATH\n',
    );
    const found = await segsimIn(elsewhere, 'merge', ...shards, '--json', 'all.json', '--scenario', scenario);
    expect(found).toMatchObject({ code: 0, err: '' });
  }, 60_000);
});
