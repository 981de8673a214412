import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import type { Rule, Scenario } from '../../sim/model/schema.js';
import { diffPolicy, linesOpened, type PolicySide } from '../../sim/experiment/policyDiff.js';
import { pharma } from './pharma.js';

/** pharma's zt design, before and after `edit` (on a copy). */
function sides(edit: (s: Scenario) => void): [PolicySide, PolicySide] {
  const before = pharma().scenario;
  const after = structuredClone(before);
  edit(after);
  const side = (s: Scenario): PolicySide => {
    const index = s.designs.findIndex((d) => d.id === 'zt');
    return { model: buildPlantModel(s), design: s.designs[index]!, index };
  };
  return [side(before), side(after)];
}

const rule = (s: Scenario, id: string): Rule =>
  s.designs.find((d) => d.id === 'zt')!.zt!.policy.rules.find((r) => r.id === id)!;

describe('diffPolicy', () => {
  it('finds no change between a policy and its copy', () => {
    expect(diffPolicy(...sides(() => {}))).toEqual([]);
  });

  it('calls a selector that names more assets a widening, listing them, and opens the new line to the vendor', () => {
    const [a, b] = sides((s) => rule(s, 'oem-hmi-line1').resources.push({ line: 'line2', kind: 'hmi' }));
    expect(diffPolicy(a, b)).toEqual([
      {
        rule: 'oem-hmi-line1',
        effect: 'allow',
        kind: 'widened',
        fields: [{ field: 'resources', gained: ['l2-hmi1', 'l2-hmi2'], lost: [] }],
        opens: true,
        path: ['designs', 2, 'zt', 'policy', 'rules', 1, 'id'],
      },
    ]);
    expect(linesOpened(a, b)).toEqual([
      {
        design: 'zt',
        user: 'oem-tech',
        org: 'oem',
        line: 'line2',
        rules: ['oem-hmi-line1'],
        path: ['designs', 2, 'zt', 'policy', 'rules', 1, 'resources'],
      },
    ]);
  });

  it('sees through a rewritten selector that names the same assets', () => {
    const [a, b] = sides((s) => {
      rule(s, 'oem-hmi-line1').resources = ['l1-hmi1', 'l1-hmi2'];
    });
    expect(diffPolicy(a, b)).toEqual([]);
  });

  it('judges conditions: a shorter window narrows, a dropped MFA widens, both at once is a change', () => {
    const shorter = sides((s) => {
      s.windows[0]!.duration = 1;
    });
    expect(diffPolicy(...shorter).map((c) => [c.rule, c.kind, c.opens])).toEqual([
      ['oem-read-line1', 'narrowed', false],
      ['oem-hmi-line1', 'narrowed', false],
    ]);
    const mixed = sides((s) => {
      const r = rule(s, 'oem-write-line1');
      r.conditions.mfa = undefined;
      r.actions = ['s7.read'];
    });
    const [change] = diffPolicy(...mixed);
    expect(change).toMatchObject({ rule: 'oem-write-line1', kind: 'changed', opens: true });
    expect(change!.fields).toEqual([
      { field: 'actions', gained: ['s7.read'], lost: ['s7.write'] },
      { field: 'conditions', gained: [], lost: ['mfa true'] },
    ]);
  });

  it('lists added and removed rules; a removed deny and an added allow open access', () => {
    const [a, b] = sides((s) => {
      const policy = s.designs.find((d) => d.id === 'zt')!.zt!.policy;
      policy.rules = policy.rules.filter((r) => r.id !== 'nobody-touches-sis');
      policy.rules.push({
        ...rule(s, 'engineer-ews'),
        id: 'engineer-hmi',
        actions: ['vnc'],
        resources: [{ kind: 'hmi' }],
      });
    });
    expect(diffPolicy(a, b).map((c) => [c.rule, c.effect, c.kind, c.opens])).toEqual([
      ['engineer-hmi', 'allow', 'added', true],
      ['nobody-touches-sis', 'deny', 'removed', true],
    ]);
  });

  it('counts a longer session or dropped recording as a widening of the obligations', () => {
    const [a, b] = sides((s) => {
      rule(s, 'oem-read-line1').obligations = { ttlHours: 4 };
    });
    expect(diffPolicy(a, b)).toMatchObject([
      {
        rule: 'oem-read-line1',
        kind: 'widened',
        fields: [{ field: 'obligations', gained: ['session at most 4 h'], lost: ['session at most 2 h', 'recorded'] }],
      },
    ]);
  });
});
