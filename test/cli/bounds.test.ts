// Command-line numbers: the same LIMITS as the scenario, a clear usage error and exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseHorizon, parseRuns, parseWorkers } from '../../sim/cli/bounds.js';
import { CliExit } from '../../sim/cli/errors.js';
import { segsim } from '../helpers/cli.js';
import { vpnPlant } from '../helpers/oddScenarios.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof CliExit && e.exitCode === 2) return e.message;
    throw e;
  }
  throw new Error('accepted');
}

describe('command-line bounds', () => {
  it('refuses an infinite or enormous --horizon', () => {
    expect(usage(() => parseHorizon('Infinity'))).toBe(
      '--horizon must be a number between 0.01 and 87600 h, got "Infinity" (docs/limits.md)',
    );
    expect(usage(() => parseHorizon('1e9'))).toMatch(/^--horizon must be/);
    expect(parseHorizon('1e3')).toBe(1000);
    expect(parseHorizon('0.5')).toBe(0.5);
  });

  it('refuses a billion --runs', () => {
    expect(usage(() => parseRuns('1000000000'))).toBe(
      '--runs must be a whole number between 1 and 100000 runs, got "1000000000" (docs/limits.md)',
    );
    expect(parseRuns('200')).toBe(200);
  });

  it("caps --workers at the machine's cores unless forced", () => {
    expect(parseWorkers('64', false, 2)).toEqual({
      workers: 2,
      note: "--workers 64 is more than this machine's 2 cores; using 2 (--force-workers to insist)",
    });
    expect(parseWorkers('8', true, 2)).toEqual({ workers: 8 });
    expect(usage(() => parseWorkers('65', true, 2))).toMatch(/^--workers must be a whole number between 1 and 64/);
  });

  it('stops a run past the event budget with exit 2 and a message, in-process and in workers', async () => {
    const file = join(dir, 'dense.yaml');
    writeFileSync(file, vpnPlant({ INTERARRIVAL: '0.01', HORIZON: '87600' }));
    const [one, many] = await Promise.all([
      segsim('run', file, '-d', 'v'),
      segsim('compare', file, '--runs', '3', '--workers', '2', '--force-workers'),
    ]);
    for (const r of [one, many]) {
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^segsim: .*fired more than 1000000 events by [\d.]+ h simulated/m);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});
