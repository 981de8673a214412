import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segsim } from '../helpers/cli.js';
import { CliExit } from '../../sim/cli/errors.js';
import { positiveInteger } from '../../sim/cli/options.js';
import { failingScenario, PHARMA } from '../experiment/pharma.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-compare-'));

describe.concurrent('segsim compare', () => {
  it('writes the same bundle twice and prints the comparison', async () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const md = join(dir, 'a.md');
    const [first, second] = await Promise.all([
      segsim('compare', PHARMA, '--runs', '30', '--json', a, '--md', md),
      segsim('compare', PHARMA, '--runs', '30', '--json', b, '--workers', '2'),
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out.split('\n')[0]).toMatch(/^stolen-vendor-credential: vpn-flat reaches a PLC in \d+% of runs/);
    expect(first.out).toContain('P(PLC reached)');
    expect(second.code).toBe(0);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    const bundle = JSON.parse(readFileSync(a, 'utf8'));
    expect(bundle).toMatchObject({
      schemaVersion: 2,
      generator: 'segsim',
      runs: 30,
      seed: 1,
      attack: { id: 'stolen-vendor-credential' },
    });
    const [flat, , zt] = bundle.designs;
    expect(flat.summary.plcReachedProbability).toBeGreaterThan(zt.summary.plcReachedProbability);
    expect(readFileSync(md, 'utf8')).toMatch(/^# /);
  });

  it('refuses a bad --runs with exit 2 and no stack trace', async () => {
    const r = await segsim('compare', PHARMA, '--runs', '0');
    expect(r.code).toBe(2);
    expect(r.err).toBe('segsim: --runs must be a whole number between 1 and 100000 runs, got "0" (docs/limits.md)\n');
    expect(r.out).toBe('');
  });

  it.each(['0', '-3', '1.5', 'lots', '', '1e3'])('accepts no %j where a positive integer belongs', (value) => {
    expect(() => positiveInteger(value, '--seed')).toThrow(
      new CliExit(2, `--seed must be a positive integer, got "${value}"`),
    );
  });

  it('reads positive integers', () => {
    expect(positiveInteger('200', '--runs')).toBe(200);
    expect(positiveInteger(' 7 ', '--runs')).toBe(7);
  });
});

describe.concurrent('segsim check', () => {
  it('exits 1 on a failed expectation and writes JUnit', async () => {
    const junit = join(dir, 'junit.xml');
    const r = await segsim('check', failingScenario(), '--runs', '5', '--junit', junit);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('FAIL  The flat VPN keeps line 1 safe');
    expect(readFileSync(junit, 'utf8')).toContain('failures="2"');
  });

  it('exits 2 on a missing file, located like any problem', async () => {
    const missing = join(dir, 'nope.yaml');
    const r = await segsim('check', missing);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${missing}:1:1  cannot read file: no such file (ENOENT)\nsegsim: 1 problem in 1 file, which was not checked\n`,
    );
  });
});
