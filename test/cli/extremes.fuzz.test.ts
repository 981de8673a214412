// Valid-but-extreme scenarios through run, reach and compare --runs 3, in process: each finishes
// within the kernel's budget or exits 2 with a located message, and no output carries a number
// that is not finite. Bounded: at most RUNS samples and TIME_LIMIT_MS of sampling.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCompare } from '../../sim/cli/commands/compare.js';
import { registerReach } from '../../sim/cli/commands/reach.js';
import { registerRun } from '../../sim/cli/commands/run.js';
import { BudgetExceededError } from '../../sim/kernel/errors.js';
import { runCommand, type CliResult } from '../helpers/inProcessCli.js';
import { ORDINARY, vpnPlant, type OddNumbers } from '../helpers/oddScenarios.js';

const RUNS = 120;
const TIME_LIMIT_MS = 35_000;

const dir = mkdtempSync(join(tmpdir(), 'segsim-extremes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scalar = fc.constantFrom('0', '1e-300', '1e-12', '1e-6', '0.01', '0.5', '1', '72', '1e5', '1e9', '1e308');
const sigma = fc.constantFrom('1e-9', '0.8', '4', '5', '1000');
const distribution = fc.oneof(
  scalar,
  scalar.map((mean) => `{ dist: exponential, mean: ${mean} }`),
  fc.tuple(scalar, sigma).map(([median, s]) => `{ dist: lognormal, median: ${median}, sigma: ${s} }`),
  scalar.map((max) => `{ dist: uniform, min: 0, max: ${max} }`),
);
/** Most fields ordinary in most samples, so that many scenarios are valid and actually run. */
const oddOrOrdinary = (odd: fc.Arbitrary<string>, ordinary: string) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(ordinary) }, { weight: 1, arbitrary: odd });
const numbers: fc.Arbitrary<OddNumbers> = fc.record({
  VALUE: oddOrOrdinary(fc.constantFrom('0', '1', '1e12', '1e13', '1e308'), ORDINARY.VALUE),
  EXPLOIT: oddOrOrdinary(distribution, ORDINARY.EXPLOIT),
  CONNECT: oddOrOrdinary(distribution, ORDINARY.CONNECT),
  DELAY: oddOrOrdinary(distribution, ORDINARY.DELAY),
  SWEEP: oddOrOrdinary(fc.constantFrom('1e-9', '0.01', '0.25', '1e5'), ORDINARY.SWEEP),
  INTERARRIVAL: oddOrOrdinary(distribution, ORDINARY.INTERARRIVAL),
  DURATION: oddOrOrdinary(distribution, ORDINARY.DURATION),
  HORIZON: oddOrOrdinary(fc.constantFrom('0', '0.01', '1', '8760', '87600', '1e9'), ORDINARY.HORIZON),
});

/** As the CLI's main turns a budget error into exit 2. */
async function cli(register: (program: Command) => unknown, args: string[]): Promise<CliResult> {
  try {
    return await runCommand(register, args);
  } catch (err) {
    if (err instanceof BudgetExceededError) return { code: 2, out: '', err: err.message };
    throw err;
  }
}

const LOCATED = /\.yaml:\d+:\d+ {2}\S/;
const BUDGET = /^design \S+, attack \S+, seed \S+: the run (fired more than \d+ events|would simulate)/;
const NOT_FINITE = /Infinity|NaN|∞|nonFinite/;
const NULLABLE = new Set([
  'lowestLevel',
  'timeToFirstPlcHours',
  'timeToDetectionHours',
  'timeToContainmentHours',
  'timeToAccessHours',
]);

function expectFinishedOrRefused(r: CliResult): void {
  expect([0, 2]).toContain(r.code);
  if (r.code === 0) outcomes.ran++;
  else if (BUDGET.test(r.err)) outcomes.overBudget++;
  else outcomes.refused++;
  if (r.code === 2) expect(r.err).toMatch(new RegExp(`${LOCATED.source}|${BUDGET.source}`, 'm'));
  expect(r.out).not.toMatch(NOT_FINITE);
}

let sample = 0;
const outcomes = { ran: 0, refused: 0, overBudget: 0 };

describe('valid-but-extreme scenarios', () => {
  it('finish within the budget or exit 2 with a located message, and print only finite numbers', async () => {
    await fc.assert(
      fc.asyncProperty(numbers, async (n) => {
        const file = join(dir, `s${sample++}.yaml`);
        writeFileSync(file, vpnPlant(n));
        const run = await cli(registerRun, ['run', file, '-d', 'v', '-a', 'a', '--json']);
        expectFinishedOrRefused(run);
        if (run.code === 0) {
          const metrics = (JSON.parse(run.out) as { metrics: Record<string, number | null> }).metrics;
          for (const [name, value] of Object.entries(metrics))
            if (!NULLABLE.has(name)) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
        }
        const reach = await cli(registerReach, ['reach', file, '-d', 'z', '-a', 'a']);
        expectFinishedOrRefused(reach);
        const json = join(dir, `b${sample}.json`);
        const compare = await cli(registerCompare, ['compare', file, '--runs', '3', '--json', json]);
        expectFinishedOrRefused(compare);
        if (compare.code === 0) expect(readFileSync(json, 'utf8')).not.toMatch(NOT_FINITE);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
    // The property says nothing if every sample was refused at validation.
    expect(outcomes.ran).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
    console.log(`extreme scenarios: ${sample} samples; commands ${JSON.stringify(outcomes)}`);
  }, 90_000);
});
