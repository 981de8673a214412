import { describe, expect, it } from 'vitest';
import { compilePolicy, decide, describeDecision, PolicyError } from '../../sim/policy/index.js';
import type { DecisionContext } from '../../sim/policy/types.js';
import { historian, hmi1, plc1, plc2, request, rule, subject, window } from './fixtures.js';

const ctx: DecisionContext = { time: 7, mfa: true };
const maintenance = window({ id: 'maint', every: 24, start: 6, duration: 4 });

describe('decide: targets', () => {
  it('denies by default, naming no rule', () => {
    expect(decide(compilePolicy([], []), request(), ctx)).toEqual({
      effect: 'deny',
      ruleId: null,
      reasons: [{ kind: 'no-matching-rule' }],
    });
  });

  it('matches subjects by user, role, group, org or device; an empty subjects object matches nobody', () => {
    const cases = [
      [{ users: ['alice'] }, true],
      [{ roles: ['tech'] }, true],
      [{ groups: ['g1'] }, true],
      [{ orgs: ['oem'] }, true],
      [{ devices: ['laptop1'] }, true],
      [{ users: ['bob'], roles: ['admin'] }, false],
      [{}, false],
      [{ roles: [] }, false],
    ] as const;
    for (const [subjects, allowed] of cases) {
      const policy = compilePolicy([rule({ id: 'r', subjects })], []);
      const req = request('s7.read', plc1, { subject: subject({ groups: ['g1'] }) });
      expect(decide(policy, req, ctx).effect, JSON.stringify(subjects)).toBe(allowed ? 'allow' : 'deny');
    }
  });

  it('matches resources by *, asset id or selector (every given field)', () => {
    const cases = [
      ['*', true],
      ['l1-plc1', true],
      ['l2-plc1', false],
      [{ line: 'line1' }, true],
      [{ line: 'line1', kind: 'hmi' }, false],
      [{ zone: 'cell1', kind: 'plc', level: 1 }, true],
      [{ level: 2 }, false],
      [{ zone: 'cell2' }, false],
    ] as const;
    for (const [resource, allowed] of cases) {
      const policy = compilePolicy([rule({ id: 'r', resources: [resource] })], []);
      expect(decide(policy, request('s7.read', plc1), ctx).effect, JSON.stringify(resource)).toBe(
        allowed ? 'allow' : 'deny',
      );
    }
  });

  it('treats read and write as different grants; * covers every action', () => {
    const readOnly = compilePolicy([rule({ id: 'read', actions: ['s7.read'] })], []);
    expect(decide(readOnly, request('s7.write'), ctx).effect).toBe('deny');
    expect(decide(readOnly, request('s7.program'), ctx).effect).toBe('deny');
    const all = compilePolicy([rule({ id: 'all', actions: ['*'] })], []);
    expect(decide(all, request('s7.program'), ctx).effect).toBe('allow');
  });

  it('explains an allow with the matching subject, action and resource', () => {
    const policy = compilePolicy([rule({ id: 'oem-read-all', resources: ['historian', { line: 'line2' }] })], []);
    expect(describeDecision(decide(policy, request('s7.read', plc2), ctx))).toBe(
      'allow by rule oem-read-all (subject role tech, action s7.read, resource {line: line2})',
    );
  });
});

describe('decide: conditions', () => {
  const only = (conditions: Record<string, unknown>, windows = [maintenance]) =>
    compilePolicy([rule({ id: 'r', conditions })], windows);

  it('checks mfa and managedDevice for equality', () => {
    expect(decide(only({ mfa: true }), request(), { time: 7, mfa: false })).toEqual({
      effect: 'deny',
      ruleId: null,
      reasons: [{ kind: 'condition', ruleId: 'r', condition: 'mfa', expected: 'true', found: 'false' }],
    });
    expect(decide(only({ mfa: true }), request(), ctx).effect).toBe('allow');
    const unmanaged = request('s7.read', plc1, { subject: subject({ managedDevice: false }) });
    expect(decide(only({ managedDevice: true }), unmanaged, ctx).reasons).toEqual([
      { kind: 'condition', ruleId: 'r', condition: 'managedDevice', expected: 'true', found: 'false' },
    ]);
  });

  it('needs every listed posture attribute to be equal', () => {
    const policy = only({ posture: { patched: true, av: 'on' } });
    const decision = decide(policy, request(), ctx);
    expect(decision.reasons).toEqual([
      { kind: 'condition', ruleId: 'r', condition: 'posture.av', expected: '"on"', found: 'absent' },
    ]);
    const full = request('s7.read', plc1, { subject: subject({ posture: { patched: true, av: 'on', extra: 1 } }) });
    expect(decide(policy, full, ctx).effect).toBe('allow');
    const stale = request('s7.read', plc1, { subject: subject({ posture: { patched: false, av: 'on' } }) });
    expect(decide(policy, stale, ctx).reasons).toMatchObject([
      { condition: 'posture.patched', expected: 'true', found: 'false' },
    ]);
  });

  it('opens rules only inside their window', () => {
    const policy = only({ window: 'maint' });
    expect(decide(policy, request(), { time: 6, mfa: false }).effect).toBe('allow');
    expect(decide(policy, request(), { time: 33.5, mfa: false }).effect).toBe('allow');
    expect(decide(policy, request(), { time: 10, mfa: false }).reasons).toEqual([
      {
        kind: 'condition',
        ruleId: 'r',
        condition: 'window',
        expected: 'maint open (every 24h from 6h for 4h)',
        found: 'closed at 10, opens at 30',
      },
    ]);
  });

  it('rejects an unknown window at compile time with a hint', () => {
    expect(() => only({ window: 'maintt' })).toThrow(/unknown window "maintt" \(did you mean "maint"\?\)/);
    expect(() => only({ window: 'x' })).toThrow(PolicyError);
    expect(() => compilePolicy([rule({ id: 'a' }), rule({ id: 'a' })], [])).toThrow(
      expect.objectContaining({ code: 'duplicate-rule' }),
    );
  });

  it('needs an unexpired approval for the rule itself', () => {
    const policy = only({ approval: { by: 'plant-engineer' } });
    const at = (expiresAt: number, ruleId = 'r') => ({
      time: 7,
      mfa: false,
      approvals: new Map([[ruleId, { expiresAt }]]),
    });
    expect(decide(policy, request(), at(8)).effect).toBe('allow');
    expect(decide(policy, request(), at(7))).toMatchObject({
      effect: 'pending',
      reasons: [{ condition: 'approval', found: 'expired at 7' }],
    });
    expect(decide(policy, request(), at(8, 'other'))).toMatchObject({
      effect: 'pending',
      ruleId: 'r',
      approvalBy: 'plant-engineer',
    });
  });

  it('needs the request to come through a listed source', () => {
    const policy = only({ sources: ['zt-conn1'] });
    expect(decide(policy, request('s7.read', plc1, { source: 'zt-conn1' }), ctx).effect).toBe('allow');
    expect(decide(policy, request('s7.read', plc1, { source: 'vpn' }), ctx).reasons).toMatchObject([
      { condition: 'sources', found: 'vpn' },
    ]);
    expect(decide(policy, request(), ctx).reasons).toMatchObject([
      { condition: 'sources', expected: 'zt-conn1', found: 'none' },
    ]);
  });

  it('reports every unmet condition of every candidate', () => {
    const policy = compilePolicy(
      [
        rule({ id: 'a', conditions: { mfa: true, sources: ['c'] } }),
        rule({ id: 'b', conditions: { managedDevice: false } }),
      ],
      [],
    );
    const decision = decide(policy, request(), { time: 0, mfa: false });
    if (decision.effect === 'allow') expect.fail('expected a deny');
    expect(decision.reasons.map((r) => r.kind === 'condition' && `${r.ruleId}.${r.condition}`)).toEqual([
      'a.mfa',
      'a.sources',
      'b.managedDevice',
    ]);
  });
});

describe('decide: order and combination', () => {
  it('denies on a lock of the user, the device or the resource before any rule', () => {
    const policy = compilePolicy([rule({ id: 'r' })], []);
    for (const [id, on] of [
      ['alice', 'user'],
      ['laptop1', 'device'],
      ['l1-plc1', 'resource'],
    ] as const) {
      expect(decide(policy, request(), { ...ctx, locks: new Set([id]) })).toEqual({
        effect: 'deny',
        ruleId: null,
        reasons: [{ kind: 'locked', on, id }],
      });
    }
    expect(decide(policy, request(), { ...ctx, locks: new Set(['bob']) }).effect).toBe('allow');
  });

  it('lets a matching deny rule override any allow, wherever it sits', () => {
    const allow = rule({ id: 'allow' });
    const deny = rule({ id: 'no-plc', effect: 'deny', subjects: { orgs: ['oem'] }, resources: [{ kind: 'plc' }] });
    for (const rules of [
      [allow, deny],
      [deny, allow],
    ]) {
      expect(decide(compilePolicy(rules, []), request(), ctx)).toEqual({
        effect: 'deny',
        ruleId: 'no-plc',
        reasons: [
          {
            kind: 'deny-rule',
            ruleId: 'no-plc',
            matched: ['subject org oem', 'action s7.read', 'resource {kind: plc}'],
          },
        ],
      });
      expect(decide(compilePolicy(rules, []), request('s7.read', historian), ctx).effect).toBe('allow');
    }
  });

  it('applies a conditional deny rule only when its conditions hold', () => {
    const policy = compilePolicy(
      [rule({ id: 'allow' }), rule({ id: 'deny-without-mfa', effect: 'deny', conditions: { mfa: false } })],
      [],
    );
    expect(decide(policy, request(), { time: 0, mfa: true }).effect).toBe('allow');
    expect(decide(policy, request(), { time: 0, mfa: false })).toMatchObject({
      effect: 'deny',
      ruleId: 'deny-without-mfa',
    });
  });

  it('is pending only when an approval is the single missing condition of some candidate', () => {
    const gated = rule({ id: 'gated', conditions: { mfa: true, approval: { by: 'plant-engineer' } } });
    const policy = compilePolicy([gated], []);
    expect(decide(policy, request(), { time: 0, mfa: true })).toMatchObject({
      effect: 'pending',
      ruleId: 'gated',
      approvalBy: 'plant-engineer',
    });
    expect(decide(policy, request(), { time: 0, mfa: false })).toMatchObject({ effect: 'deny', ruleId: null });
    const withOpenRule = compilePolicy([gated, rule({ id: 'open' })], []);
    expect(decide(withOpenRule, request(), { time: 0, mfa: true })).toMatchObject({ effect: 'allow', ruleId: 'open' });
  });

  it('tries allow rules in order and combines obligations strictly', () => {
    const policy = compilePolicy(
      [
        rule({ id: 'first', obligations: { ttlHours: 8 } }),
        rule({ id: 'second', obligations: { ttlHours: 2, record: true } }),
        rule({ id: 'no-ttl' }),
        rule({ id: 'not-holding', conditions: { mfa: false }, obligations: { ttlHours: 1 } }),
        rule({ id: 'hmi-only', resources: [{ kind: 'hmi' }], obligations: { ttlHours: 0.5 } }),
      ],
      [],
    );
    const decision = decide(policy, request(), ctx);
    expect(decision).toMatchObject({ effect: 'allow', ruleId: 'first', obligations: { ttlHours: 2, record: true } });
    expect(decision.reasons.at(-1)).toBe('obligations combined with rule second, rule no-ttl');
    expect(decide(compilePolicy([rule({ id: 'plain' })], []), request(), ctx)).toMatchObject({
      obligations: { ttlHours: null, record: false },
    });
    expect(decide(policy, request('s7.read', hmi1), ctx)).toMatchObject({
      ruleId: 'first',
      obligations: { ttlHours: 0.5 },
    });
  });
});
