import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { discoverable } from '../../sim/net/discovery.js';
import type { AuditLog } from '../../sim/policy/index.js';
import { Technicians } from '../../sim/workload/Technicians.js';
import { type DesignInput, miniPlant, type RuleInput } from '../helpers/plants.js';
import { worldOf } from '../helpers/world.js';

type RequestInput = NonNullable<ScenarioInput['workload']>[number];

const vpn: DesignInput = {
  id: 'vpn',
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['dmz'], accounts: ['shared-vpn'], connectHours: 0.1 },
};

const zt = (rules: RuleInput[]): DesignInput => ({ id: 'zt', zt: { connectors: ['conn-ops'], policy: { rules } } });

/** The tech's service request on `targets`, every `every` hours for 2 h of work. */
const request = (targets: RequestInput['targets'], every = 10): RequestInput => ({
  id: 'service',
  user: 'tech',
  device: 'tech-laptop',
  targets,
  interarrival: every,
  duration: 2,
});

function work(design: DesignInput, req: RequestInput, before?: (t: ReturnType<typeof worldOf>) => void) {
  const t = worldOf(miniPlant([design], { workload: [req] }));
  before?.(t);
  new Technicians(t.world).start();
  t.world.kernel.run(t.world.horizon);
  return t;
}

describe('technicians over a VPN', () => {
  it('log in, reach the target, and are exposed to everything the tunnel reaches', () => {
    const t = work(vpn, request([{ asset: 'jump', action: 'rdp' }]));
    const reach = discoverable(t.access, { kind: 'vpn', account: 'shared-vpn' }, { time: 0 }).length;
    expect(t.counters).toMatchObject({ workloadRequests: 7, workloadFailures: 0, exposure: 7 * reach * 2 });
    expect(t.counters.accessHours).toEqual(Array(7).fill(0.1));
    expect(t.world.trace.slice(0, 2)).toEqual([
      { t: 10, type: 'workload.request', user: 'tech', targets: ['jump'], detail: 'service: tech asks for jump:rdp' },
      {
        t: 10,
        type: 'workload.access',
        user: 'tech',
        detail: `service: VPN login after 0.10 h, ${reach} assets reachable for 2.00 h`,
      },
    ]);
  });

  it('hop through hosts when the tunnel does not reach the target, a tenth of an hour each', () => {
    const t = work(vpn, request([{ asset: 'hmi1', action: 'rdp' }]));
    expect(t.counters.accessHours[0]).toBeCloseTo(0.3, 9);
    expect(t.world.trace[1]).toMatchObject({ type: 'workload.access' });
    expect(t.world.trace[1]!.detail).toMatch(/^service: VPN login, then RDP to jump, then RDP to \S+ after 0\.30 h/);
  });

  it('get nothing once their VPN account is disabled, and nothing without a remote access path', () => {
    for (const t of [
      work(vpn, request([{ asset: 'jump', action: 'rdp' }]), (x) => x.world.disabledVpnAccounts.add('shared-vpn')),
      work({ id: 'none' }, request([{ asset: 'jump', action: 'rdp' }])),
    ]) {
      expect(t.counters).toMatchObject({ workloadRequests: 7, workloadFailures: 7, accessHours: [], exposure: 0 });
      expect(t.world.trace[1]).toEqual({
        t: 10,
        type: 'workload.failed',
        user: 'tech',
        detail: 'service: no remote access path for this technician',
      });
    }
  });
});

describe('technicians through the zero-trust broker', () => {
  const hmi: RuleInput = { id: 'hmi', subjects: { roles: ['tech'] }, actions: ['rdp'], resources: ['hmi1'] };

  it('are exposed to exactly the assets they asked for, and every decision is audited', () => {
    const t = work(zt([hmi]), request([{ asset: 'hmi1', action: 'rdp' }]));
    expect(t.counters).toMatchObject({ workloadRequests: 7, workloadFailures: 0, exposure: 7 * 1 * 2 });
    expect(t.counters.accessHours).toEqual(Array(7).fill(0.05));
    const audit = t.world.audit as AuditLog;
    expect(audit.records.map((r) => r.event)).toEqual(
      Array(7).fill({
        type: 'policy.decision',
        source: 'zt-session(tech)',
        target: 'hmi1',
        action: 'rdp',
        effect: 'allow',
        ruleId: 'hmi',
      }),
    );
  });

  it('wait for a just-in-time approval', () => {
    const approved: RuleInput = { ...hmi, conditions: { approval: { by: 'approver', validHours: 4 } } };
    const t = work(zt([approved]), request([{ asset: 'hmi1', action: 'rdp' }], 30));
    expect(t.counters.workloadFailures).toBe(0);
    // The approver answers in 0.1 to 2 h; the broker then takes its 0.05 h.
    for (const h of t.counters.accessHours) {
      expect(h).toBeGreaterThan(0.15);
      expect(h).toBeLessThan(2.06);
    }
  });

  it('wait for the maintenance window', () => {
    const windowed: RuleInput = { ...hmi, conditions: { window: 'maint' } };
    // Asked at 13 h, outside the 6–10 h window: served when it opens again at 30 h.
    const t = work(zt([windowed]), request([{ asset: 'hmi1', action: 'rdp' }], 13));
    expect(t.counters.accessHours[0]).toBeCloseTo(17.05, 5);
  });

  it('are refused what no rule allows', () => {
    const t = work(zt([hmi]), request([{ asset: 'scada', action: 'rdp' }]));
    expect(t.counters).toMatchObject({ workloadFailures: 7, accessHours: [] });
    expect(t.world.trace[1]).toMatchObject({
      type: 'workload.failed',
      detail: 'service: the policy denies part of the request',
    });
  });
});
