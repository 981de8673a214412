import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { registerPolicy } from '../../sim/cli/commands/policy.js';
import { CliExit } from '../../sim/cli/errors.js';
import { SMALL } from './scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-policy-'));

function scenarioFile(name: string, mutate: (s: typeof SMALL) => void = () => undefined): string {
  const scenario = structuredClone(SMALL);
  mutate(scenario);
  const path = join(dir, name);
  writeFileSync(path, stringify(scenario));
  return path;
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const program = new Command('segsim').exitOverride().configureOutput({
    writeOut: (text) => (out += text),
    writeErr: (text) => (err += text),
  });
  registerPolicy(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(['policy', 'test', ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CliExit)) throw error;
    return { code: error.exitCode, out, err: err + error.message };
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { code, out, err };
}

describe('segsim policy test', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('prints a summary and exits 0 when every test passes', async () => {
    expect(await run(scenarioFile('ok.yaml'))).toEqual({
      code: 0,
      out: 'policy tests: 6 passed, 0 failed (3 tests in 1 design)\n',
      err: '',
    });
  });

  it('prints each failure with the deciding rule and exits 1', async () => {
    const path = scenarioFile('fail.yaml', (s) => {
      const zt = (s.designs as { zt?: { policy: { rules: unknown[] } } }[])[1]!.zt!;
      zt.policy.rules.push({
        id: 'oem-read-all',
        subjects: { roles: ['oem-technician'] },
        actions: ['s7.read'],
        resources: [{ line: 'line2' }],
      });
    });
    const result = await run(path);
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      'FAIL zt › OEM reads line 1 in the window: l2-plc1:s7.read expected deny, got allow by rule oem-read-all ' +
        '(subject role oem-technician, action s7.read, resource {line: line2})\n' +
        'policy tests: 5 passed, 1 failed (3 tests in 1 design)\n',
    );
  });

  it('prints the full report as JSON', async () => {
    const result = await run(scenarioFile('json.yaml'), '--json', '--design', 'zt');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report).toMatchObject({ ok: true, passed: 6, designs: [{ design: 'zt', error: null }] });
    expect(report.designs[0].tests[0].cases[0].decision).toMatchObject({ effect: 'allow', ruleId: 'oem-read-line1' });
  });

  it('exits 2 on a design that does not exist', async () => {
    const result = await run(scenarioFile('design.yaml'), '--design', 'zero');
    expect(result.code).toBe(2);
    expect(result.err).toContain('unknown design "zero" (designs: vpn, zt)');
  });

  it('shows examples in --help', async () => {
    let out = '';
    const program = new Command('segsim').exitOverride().configureOutput({ writeOut: (t) => (out += t) });
    registerPolicy(program);
    await expect(program.parseAsync(['policy', 'test', '--help'], { from: 'user' })).rejects.toThrow();
    expect(out).toContain('$ segsim policy test scenarios/pharma.yaml --design zt --json');
  });
});
