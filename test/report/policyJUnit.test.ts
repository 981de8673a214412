import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { registerPolicy } from '../../sim/cli/commands/policy.js';
import type { ScenarioPolicyReport } from '../../sim/experiment/scenarioPolicyTests.js';
import { renderPolicyJUnit } from '../../sim/report/policyJUnit.js';
import { SMALL } from '../policy/scenario.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-policy-junit-'));
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

interface Case {
  classname: string;
  name: string;
  file: string;
  failure?: { message: string; '#text': string };
  error?: { message: string; '#text': string };
}

/** Checks the XML is well formed and reads it back as a JUnit report. */
function read(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites as {
    tests: string;
    failures: string;
    errors: string;
    time: string;
    testsuite: { name: string; tests: string; failures: string; testcase: Case[] }[];
  };
}

async function policyTest(...args: string[]): Promise<number> {
  const program = new Command('segsim').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  registerPolicy(program);
  process.exitCode = undefined;
  await program.parseAsync(['policy', 'test', ...args], { from: 'user' });
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return code;
}

describe('segsim policy test --junit', () => {
  it('writes a testsuite per design and a testcase per policy test, failures with the deciding rule', async () => {
    const scenario = structuredClone(SMALL);
    const zt = (scenario.designs as { zt?: { policy: { rules: unknown[]; tests: { name: string }[] } } }[])[1]!.zt!;
    zt.policy.rules.push({
      id: 'oem-read-all',
      subjects: { roles: ['oem-technician'] },
      actions: ['s7.read'],
      resources: [{ line: 'line2' }],
    });
    zt.policy.tests[0]!.name = 'OEM <reads> "line 1" & more\u0007';
    const file = join(dir, 'failing.yaml');
    writeFileSync(file, stringify(scenario));
    const junit = join(dir, 'junit.xml');
    expect(await policyTest(file, '--junit', junit)).toBe(1);
    const report = read(readFileSync(junit, 'utf8'));
    expect(report).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    expect(Number(report.time)).toBeGreaterThanOrEqual(0);
    const [suite] = report.testsuite;
    expect(suite).toMatchObject({ name: `${file} › zt`, tests: '3', failures: '1' });
    const failed = suite!.testcase[0]!;
    expect(failed).toMatchObject({ classname: 'policy.zt', name: 'OEM <reads> "line 1" & more\uFFFD', file });
    expect(failed.failure!.message).toBe('l2-plc1:s7.read expected deny');
    expect(failed.failure!['#text']).toContain('got allow by rule oem-read-all');
    expect(suite!.testcase[1]!.failure).toBeUndefined();
  });

  it('marks a test or a policy that cannot run as an error', () => {
    const report: ScenarioPolicyReport = {
      designs: [
        {
          design: 'zt',
          error: null,
          tests: [{ name: 'ghost', ok: false, errors: ['unknown user "ghost"'], cases: [] }],
        },
        { design: 'zt2', error: 'rule "r": unknown window "w"', tests: [] },
      ],
      passed: 0,
      failed: 2,
      ok: false,
    };
    const parsed = read(renderPolicyJUnit(report, 'a.yaml', 0.5));
    expect(parsed).toMatchObject({ tests: '2', failures: '0', errors: '2', time: '0.500' });
    expect(parsed.testsuite[0]!.testcase[0]!.error!.message).toBe('unknown user "ghost"');
    expect(parsed.testsuite[1]!.testcase[0]).toMatchObject({
      name: 'the policy compiles',
      error: { message: 'rule "r": unknown window "w"' },
    });
  });
});
