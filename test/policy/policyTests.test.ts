import { describe, expect, it } from 'vitest';
import { compilePolicy, runPolicyTests } from '../../sim/policy/index.js';
import { directoryFromScenario, runScenarioPolicyTests } from '../../sim/experiment/scenarioPolicyTests.js';
import { formatFailures, formatSummary } from '../../sim/report/policyTestText.js';
import { policyTestSchema } from '../../sim/model/schema.js';
import { smallScenario, ztPolicy } from './scenario.js';

describe('runPolicyTests', () => {
  const scenario = smallScenario();
  const policy = compilePolicy(ztPolicy(scenario).rules, scenario.windows);
  const directory = directoryFromScenario(scenario);
  const test = (input: Record<string, unknown>) => policyTestSchema.parse({ name: 't', ...input });

  it('derives resource level from the asset zone', () => {
    expect(directory.asset('l1-plc1')).toEqual({ id: 'l1-plc1', zone: 'cell1', line: 'line1', kind: 'plc', level: 1 });
    expect(directory.asset('historian')).toEqual({ id: 'historian', zone: 'ops', kind: 'historian', level: 3 });
  });

  it('passes the scenario tests and reports each case with its deciding rule', () => {
    const results = runPolicyTests(policy, ztPolicy(scenario).tests, directory);
    expect(results.map((r) => [r.name, r.ok])).toEqual([
      ['OEM reads line 1 in the window', true],
      ['OEM writes with approval', true],
      ['HMI reads its own line', true],
    ]);
    expect(results[0]!.cases.map((c) => [c.pair, c.expected, c.decision?.effect, c.decision?.ruleId])).toEqual([
      ['l1-plc1:s7.read', 'allow', 'allow', 'oem-read-line1'],
      ['l1-plc1:s7.write', 'deny', 'pending', 'oem-write-line1'],
      ['l2-plc1:s7.read', 'deny', 'deny', null],
    ]);
  });

  it('fails a case whose decision differs and explains it', () => {
    const [result] = runPolicyTests(
      policy,
      [
        test({
          user: 'oem-tech',
          device: 'oem-laptop',
          mfa: true,
          time: 12,
          accept: ['l1-plc1:s7.read'],
          deny: ['l1-plc1:s7.read'],
        }),
      ],
      directory,
    );
    expect(result!.ok).toBe(false);
    expect(result!.cases.map((c) => [c.ok, c.explanation])).toEqual([
      [
        false,
        'deny: rule oem-read-line1 needs window maintenance open (every 24h from 6h for 4h), found closed at 12, opens at 30',
      ],
      [
        true,
        'deny: rule oem-read-line1 needs window maintenance open (every 24h from 6h for 4h), found closed at 12, opens at 30',
      ],
    ]);
  });

  it('reports unknown ids as errors with hints instead of crashing', () => {
    const [unknownUser] = runPolicyTests(
      policy,
      [test({ user: 'oem-tec', device: 'laptop', accept: ['l1-plc1:s7.read'] })],
      directory,
    );
    expect(unknownUser).toEqual({
      name: 't',
      ok: false,
      cases: [],
      errors: ['unknown user "oem-tec" (did you mean "oem-tech"?)', 'unknown device "laptop"'],
    });
    const [badPairs] = runPolicyTests(
      policy,
      [test({ user: 'oem-tech', accept: ['l1-plc9:s7.read', 'l1-plc1:s7.reed', 'l1-plc1'] })],
      directory,
    );
    expect(badPairs!.cases.map((c) => [c.ok, c.decision, c.error])).toEqual([
      [false, null, 'unknown asset "l1-plc9" (did you mean "l1-plc1"?)'],
      [false, null, 'unknown action "s7.reed" (did you mean "s7.read"?)'],
      [false, null, '"l1-plc1" is not an "asset:action" pair'],
    ]);
  });
});

describe('runScenarioPolicyTests', () => {
  it('runs every zt design and words failures with design, test, pair, rule and reasons', () => {
    const scenario = smallScenario((s) => {
      ztPolicy(s).tests.push(
        policyTestSchema.parse({
          name: 'OEM must not read line 2',
          user: 'oem-tech',
          mfa: true,
          time: 7,
          deny: ['l2-plc1:s7.read'],
        }),
      );
      ztPolicy(s).rules.push({
        id: 'oem-read-all',
        effect: 'allow',
        subjects: { roles: ['oem-technician'] },
        actions: ['s7.read'],
        resources: [{ line: 'line2' }],
        conditions: {},
        obligations: {},
      });
    });
    const report = runScenarioPolicyTests(scenario);
    expect(report).toMatchObject({ passed: 5, failed: 2, ok: false });
    expect(formatFailures(report)).toEqual([
      'FAIL zt › OEM reads line 1 in the window: l2-plc1:s7.read expected deny, got allow by rule oem-read-all (subject role oem-technician, action s7.read, resource {line: line2})',
      'FAIL zt › OEM must not read line 2: l2-plc1:s7.read expected deny, got allow by rule oem-read-all (subject role oem-technician, action s7.read, resource {line: line2})',
    ]);
    expect(formatSummary(report)).toBe('policy tests: 5 passed, 2 failed (4 tests in 1 design)');
  });

  it('reports a policy that does not compile as a failed design', () => {
    const report = runScenarioPolicyTests(smallScenario((s) => (s.windows = [])));
    expect(report).toMatchObject({ ok: false, failed: 1 });
    expect(formatFailures(report)).toEqual(['ERROR zt: rule "oem-read-line1": unknown window "maintenance"']);
  });

  it('runs only the named design and rejects one that is unknown or has no zt section', () => {
    expect(runScenarioPolicyTests(smallScenario(), 'zt')).toMatchObject({ ok: true, passed: 6 });
    expect(() => runScenarioPolicyTests(smallScenario(), 'ztt')).toThrow('unknown design "ztt" (did you mean "zt"?)');
    expect(() => runScenarioPolicyTests(smallScenario(), 'vpn')).toThrow(
      'design "vpn" has no zt section, so no policy to test',
    );
  });
});
