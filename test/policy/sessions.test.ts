import { beforeEach, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditLog } from '../../sim/policy/audit.js';
import { compilePolicy, SessionTable, type RevokeReason, type Session } from '../../sim/policy/index.js';
import type { Rule } from '../../sim/model/schema.js';
import { FakeScheduler, historian, plc1, request, rule, window } from './fixtures.js';

const maintenance = window({ id: 'maint', every: 24, start: 6, duration: 4 });

function setup(rules: Rule[], options: { maxDenied?: number } = {}) {
  const clock = new FakeScheduler();
  const audit = new AuditLog();
  const revoked: [Session, RevokeReason][] = [];
  const closed: [Session, string][] = [];
  const table = new SessionTable(compilePolicy(rules, [maintenance]), clock, {
    audit,
    ...options,
    onRevoke: (s, r) => revoked.push([s, r]),
    onClose: (s, r) => closed.push([s, r]),
  });
  const open = (req = request(), extra: { mfa?: boolean; approvals?: Map<string, { expiresAt: number }> } = {}) =>
    table.open(req, { time: clock.now, mfa: extra.mfa ?? true, approvals: extra.approvals }, 8);
  return { clock, audit, table, revoked, closed, open, types: () => audit.records.map((r) => r.event.type) };
}

describe('SessionTable: opening and expiry', () => {
  it('opens on allow with expiry = min(TTL obligation, design TTL) and closes at expiry', () => {
    const t = setup([rule({ id: 'r', obligations: { ttlHours: 2 } })]);
    const { decision, session } = t.open();
    expect(decision.effect).toBe('allow');
    expect(session).toMatchObject({ id: 's1', expiresAt: 2, state: 'open', ruleId: 'r' });
    t.clock.runUntil(1.99);
    expect(t.table.live).toHaveLength(1);
    t.clock.runUntil(2);
    expect(t.table.get('s1')).toMatchObject({ state: 'closed', endedAt: 2 });
    expect(t.closed.map(([s, r]) => [s.id, r])).toEqual([['s1', 'expired']]);
    expect(t.types()).toEqual(['policy.decision', 'session.open', 'session.close']);
    expect(t.clock.pending).toBe(0);
  });

  it('uses the design TTL when no rule asks for a shorter one', () => {
    const t = setup([rule({ id: 'r' })]);
    expect(t.open().session?.expiresAt).toBe(8);
  });

  it('opens nothing on deny or pending, but logs the decision', () => {
    const t = setup([rule({ id: 'gated', conditions: { approval: { by: 'lead' } } })]);
    expect(t.open()).toEqual({ decision: expect.objectContaining({ effect: 'pending', approvalBy: 'lead' }) });
    expect(t.open(request('s7.write')).decision.effect).toBe('deny');
    expect(t.table.live).toHaveLength(0);
    expect(t.audit.records.map((r) => r.event.effect)).toEqual(['pending', 'deny']);
  });
});

describe('SessionTable: continuous evaluation', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => {
    t = setup([rule({ id: 'patched', conditions: { mfa: true, posture: { patched: true } } })], { maxDenied: 3 });
  });

  it('revokes on a posture change of the session device only, with the reason, cancelling its timers', () => {
    t.open();
    t.open(request('s7.read', plc1, { subject: { ...request().subject, device: 'laptop2' } }));
    expect(t.clock.pending).toBe(2);
    const revoked = t.table.signal({ kind: 'posture', device: 'laptop1', posture: { patched: false } });
    expect(revoked.map((s) => s.id)).toEqual(['s1']);
    expect(t.revoked[0]![1]).toEqual({
      cause: 'posture',
      detail: 're-evaluation gave deny',
      reasons: [
        { kind: 'condition', ruleId: 'patched', condition: 'posture.patched', expected: 'true', found: 'false' },
      ],
    });
    expect(t.table.get('s1')?.request.subject.posture).toEqual({ patched: false });
    expect(t.clock.pending).toBe(1);
    expect(t.table.live.map((s) => s.id)).toEqual(['s2']);
  });

  it('keeps a session whose posture change still satisfies the policy', () => {
    t.open();
    expect(t.table.signal({ kind: 'posture', device: 'laptop1', posture: { av: 'on' } })).toEqual([]);
    expect(t.table.live).toHaveLength(1);
  });

  it('revokes on a lock of the user, device or asset and refuses new sessions until unlocked', () => {
    for (const id of ['alice', 'laptop1', 'l1-plc1']) {
      const { session } = t.open();
      expect(t.table.signal({ kind: 'lock', id })).toEqual([session]);
      expect(t.revoked.at(-1)![1].reasons).toEqual([{ kind: 'locked', on: expect.any(String), id }]);
      expect(t.open().decision.effect).toBe('deny');
      t.table.signal({ kind: 'unlock', id });
    }
    expect(t.open().decision.effect).toBe('allow');
  });

  it('revokes on stale MFA when the rule needs MFA', () => {
    t.open();
    expect(t.table.signal({ kind: 'mfa-stale', user: 'bob' })).toEqual([]);
    expect(t.table.signal({ kind: 'mfa-stale', user: 'alice' })).toHaveLength(1);
    expect(t.revoked[0]![1].cause).toBe('mfa-stale');
  });

  it('revokes once denied requests inside the session reach the threshold', () => {
    const { session } = t.open();
    expect(t.table.request(session!.id, historian, 's7.read').effect).toBe('allow');
    expect(t.table.request(session!.id, plc1, 's7.write').effect).toBe('deny'); // write on a read grant
    t.table.signal({ kind: 'denied', sessionId: session!.id });
    expect(t.table.live).toHaveLength(1);
    t.table.request(session!.id, plc1, 's7.program');
    expect(t.revoked.map(([s, r]) => [s.id, r.cause, r.detail])).toEqual([
      ['s1', 'denied', '3 denied requests (limit 3)'],
    ]);
    expect(t.table.request(session!.id, plc1, 's7.read')).toEqual({
      effect: 'deny',
      ruleId: null,
      reasons: [{ kind: 'session-ended', sessionId: 's1' }],
    });
    expect(() => t.table.request('nope', plc1, 's7.read')).toThrow(
      expect.objectContaining({ code: 'unknown-session' }),
    );
  });

  it('does not count a pending approval as a denial, and decides on the table clock', () => {
    const w = setup(
      [rule({ id: 'read' }), rule({ id: 'write', actions: ['s7.write'], conditions: { approval: { by: 'lead' } } })],
      { maxDenied: 1 },
    );
    const { session } = w.table.open(request(), { time: 999, mfa: true }, 8);
    expect(session?.openedAt).toBe(0);
    expect(w.table.request(session!.id, plc1, 's7.write')).toMatchObject({ effect: 'pending', approvalBy: 'lead' });
    expect(w.table.live).toHaveLength(1);
    expect(w.table.request(session!.id, plc1, 'modbus.write').effect).toBe('deny');
    expect(w.table.live).toHaveLength(0);
    const windowed = setup([rule({ id: 'maint-only', conditions: { window: 'maint' } })]);
    expect(windowed.table.open(request(), { time: 7, mfa: true }, 8).decision.effect).toBe('deny'); // the clock says 0
  });

  it('takes an approval granted while the session is open, audited, and ignores one for a closed session', () => {
    const w = setup([
      rule({ id: 'read' }),
      rule({ id: 'write', actions: ['s7.write'], conditions: { approval: { by: 'lead', validHours: 2 } } }),
    ]);
    const { session } = w.open();
    expect(w.table.request(session!.id, plc1, 's7.write').effect).toBe('pending');
    w.table.grant(session!.id, 'write', { expiresAt: 2 });
    expect(w.table.request(session!.id, plc1, 's7.write')).toMatchObject({ effect: 'allow', ruleId: 'write' });
    expect(w.types()).toContain('session.approve');
    w.clock.runUntil(3);
    expect(w.table.request(session!.id, plc1, 's7.write').effect).toBe('pending'); // expired
    w.table.close(session!.id);
    const before = w.audit.records.length;
    w.table.grant(session!.id, 'write', { expiresAt: 10 });
    expect(w.audit.records.length).toBe(before);
  });

  it('revokes on a risk score at or above the threshold', () => {
    t.open();
    expect(t.table.signal({ kind: 'risk', user: 'alice', score: 0.5 })).toEqual([]);
    expect(t.table.signal({ kind: 'risk', device: 'laptop1', score: 0.9 })).toHaveLength(1);
    expect(t.revoked[0]![1].cause).toBe('risk');
  });

  it('has the sweep catch what no event reported', () => {
    const w = setup([rule({ id: 'maint-only', conditions: { window: 'maint' } })]);
    w.clock.runUntil(7);
    w.open();
    w.clock.now = 11; // the clock jumped past the window's close without running events
    expect(w.table.sweep().map((s) => s.id)).toEqual(['s1']);
    expect(w.revoked[0]![1].cause).toBe('sweep');
    expect(w.clock.pending).toBe(0);
  });

  it('sweeps periodically until stopped', () => {
    const w = setup([rule({ id: 'r' })]);
    const stop = w.table.sweepEvery(0.25);
    w.open();
    w.clock.runUntil(1);
    expect(w.audit.records.filter((r) => r.event.cause === 'sweep')).toHaveLength(4);
    stop();
    w.table.close('s1');
    expect(w.clock.pending).toBe(0);
  });
});

describe('SessionTable: scheduled re-evaluation', () => {
  it('revokes when the window of the deciding rule closes', () => {
    const t = setup([rule({ id: 'maint-only', conditions: { window: 'maint' } })]);
    t.clock.runUntil(7);
    t.open();
    t.clock.runUntil(9.99);
    expect(t.table.live).toHaveLength(1);
    t.clock.runUntil(10);
    expect(t.revoked.map(([s, r]) => [s.endedAt, r.cause])).toEqual([[10, 'window']]);
    expect(t.clock.pending).toBe(0);
  });

  it('keeps a session another rule still allows when the window closes, and then watches nothing', () => {
    const t = setup([
      rule({ id: 'maint-only', conditions: { window: 'maint' } }),
      rule({ id: 'always', obligations: { ttlHours: 6 } }),
    ]);
    t.clock.runUntil(7);
    const { session } = t.open();
    expect(session).toMatchObject({ ruleId: 'maint-only', expiresAt: 13 });
    t.clock.runUntil(10);
    expect(t.table.get('s1')).toMatchObject({ state: 'open', ruleId: 'always' });
    expect(t.clock.pending).toBe(1); // only the expiry
  });

  it('revokes when the approval expires, by time or by signal', () => {
    const t = setup([rule({ id: 'gated', conditions: { approval: { by: 'lead' } } })]);
    const approvals = () => new Map([['gated', { expiresAt: 3 }]]);
    t.open(request(), { approvals: approvals() });
    t.open(request(), { approvals: approvals() });
    expect(t.table.signal({ kind: 'approval-expired', ruleId: 'gated' }).map((s) => s.id)).toEqual(['s1', 's2']);
    t.open(request(), { approvals: approvals() });
    t.clock.runUntil(3);
    expect(t.revoked.map(([s, r]) => [s.id, r.cause])).toEqual([
      ['s1', 'approval-expired'],
      ['s2', 'approval-expired'],
      ['s3', 'approval-expiry'],
    ]);
    expect(t.revoked[2]![1].reasons).toMatchObject([{ condition: 'approval', found: 'expired at 3' }]);
    expect(t.clock.pending).toBe(0);
  });

  it('writes a verifiable audit chain of decisions and session events', () => {
    const t = setup([rule({ id: 'maint-only', conditions: { window: 'maint' } })]);
    t.clock.runUntil(7);
    t.open();
    t.clock.runUntil(12);
    expect(t.types()).toEqual(['policy.decision', 'session.open', 'policy.decision', 'session.revoke']);
    expect(t.audit.records[3]!.event).toMatchObject({
      sessionId: 's1',
      user: 'alice',
      resource: 'l1-plc1',
      cause: 'window',
    });
    expect(verifyAuditLog(t.audit.toJsonLines())).toMatchObject({ ok: true, records: 4 });
  });

  it('rejects a TTL that is not a positive number', () => {
    const t = setup([rule({ id: 'r' })]);
    expect(() => t.table.open(request(), { time: 0, mfa: true }, 0)).toThrow(
      expect.objectContaining({ code: 'invalid-argument' }),
    );
  });
});
