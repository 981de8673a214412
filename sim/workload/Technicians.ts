// Legitimate service work: requests arrive over time and technicians get access through the
// design under test. Measures time-to-access and privilege exposure (assets reachable × hours).
import type { RandomStream } from '../kernel/index.js';
import { ACTIONS } from '../model/catalog.js';
import { brokerSubject } from '../attack/initialAccess.js';
import type { World } from '../simulation/World.js';
import type { WorkloadRequest } from '../scenario/schema.js';
import { nextWindowChange } from '../policy/index.js';
import { discoverable } from '../attack/discovery.js';

/** Hours a plant engineer takes to answer a just-in-time approval request. */
const APPROVAL_DELAY = { dist: 'triangular', min: 0.1, mode: 0.5, max: 2 } as const;
const VPN_LOGIN_HOURS = 0.1;
/** A request still waiting this long is given up. */
const GIVE_UP_HOURS = 24;

export interface WorkloadTotals {
  requests: number;
  failures: number;
  accessHours: number[];
  exposure: number;
}

export class Technicians {
  readonly totals: WorkloadTotals = { requests: 0, failures: 0, accessHours: [], exposure: 0 };
  private readonly approvals: RandomStream;
  private vpnReach: number | null = null;

  constructor(private readonly world: World) {
    this.approvals = world.kernel.stream('workload.approvals');
    for (const spec of world.model.scenario.workload) this.arrivals(spec, world.kernel.stream(`workload.${spec.id}`));
  }

  private arrivals(spec: WorkloadRequest, rng: RandomStream): void {
    const w = this.world;
    const schedule = () => {
      const gap = rng.sample(spec.interarrival);
      const duration = rng.sample(spec.duration);
      if (w.now + gap >= w.horizon) return;
      w.kernel.schedule(gap, () => {
        this.request(spec, duration);
        schedule();
      });
    };
    schedule();
  }

  private request(spec: WorkloadRequest, duration: number): void {
    const w = this.world;
    this.totals.requests++;
    w.emit({ type: 'workload.request', actor: 'technician', source: spec.user, target: spec.targets.map((t) => t.asset).join(','), outcome: 'info', detail: `${spec.id}: ${spec.user} asks for ${spec.targets.map((t) => `${t.asset}:${t.action}`).join(', ')}` });
    if (w.design.zt) return this.brokered(spec, duration, w.now, 0);
    if (w.design.vpn && this.holdsVpnAccount(spec)) return this.viaVpn(spec, duration);
    this.fail(spec, 'no remote access path for this technician');
  }

  private holdsVpnAccount(spec: WorkloadRequest): boolean {
    const device = this.world.model.devices[this.world.model.deviceIndex.get(spec.device)!]!;
    return device.credentials.some((c) => this.world.design.vpn!.accounts.includes(c) && !this.world.disabledVpnAccounts.has(c));
  }

  /** A VPN client reaches everything the VPN routes: that is its privilege exposure. */
  private viaVpn(spec: WorkloadRequest, duration: number): void {
    const w = this.world;
    if (this.vpnReach === null) {
      const origin = { kind: 'vpn' as const, account: w.design.vpn!.accounts[0]! };
      this.vpnReach = discoverable(w.access, origin, { time: w.now }).length;
    }
    this.granted(spec, VPN_LOGIN_HOURS, this.vpnReach, duration, 'VPN login');
  }

  /** Zero trust: each target is decided by the PDP; approvals and maintenance windows make it wait. */
  private brokered(spec: WorkloadRequest, duration: number, askedAt: number, attempt: number): void {
    const w = this.world;
    const model = w.model;
    const user = model.userIndex.get(spec.user)!;
    const device = model.devices[model.deviceIndex.get(spec.device)!]!;
    const subject = brokerSubject(model, user, device);
    let waitFor: number | null = null;
    let granted = 0;
    for (const t of spec.targets) {
      const outcome = w.access.connect({ kind: 'broker', subject, mfa: true }, model.assetIndex.get(t.asset)!, t.action as keyof typeof ACTIONS, { ...w.accessState(), approvals: this.approvalsFor(spec) });
      w.recordDecision(`zt-session(${spec.user})`, t.asset, t.action, outcome.decision);
      if (outcome.ok) {
        granted++;
        continue;
      }
      const d = outcome.decision;
      if (d?.effect === 'pending') waitFor = Math.max(waitFor ?? 0, this.approve(spec, d.ruleId));
      else if (d?.effect === 'deny' && d.reasons.some((r) => r.kind === 'condition' && r.condition === 'window')) {
        const window = model.scenario.windows.find((x) => d.reasons.some((r) => r.kind === 'condition' && r.ruleId && w.access.policy.byId.get(r.ruleId)?.window?.id === x.id));
        waitFor = Math.max(waitFor ?? 0, window ? nextWindowChange(window, w.now) - w.now + 1e-6 : 1);
      }
    }
    if (granted === spec.targets.length) return this.granted(spec, w.now - askedAt + 0.05, granted, duration, 'brokered session');
    if (waitFor === null || attempt >= 3 || w.now + waitFor - askedAt > GIVE_UP_HOURS) return this.fail(spec, 'the policy denies part of the request');
    w.kernel.schedule(waitFor, () => this.brokered(spec, duration, askedAt, attempt + 1));
  }

  private readonly approved = new Map<string, Map<string, { expiresAt: number }>>();

  private approvalsFor(spec: WorkloadRequest) {
    return this.approved.get(spec.id);
  }

  /** Asks the approver; returns the hours until the answer. */
  private approve(spec: WorkloadRequest, ruleId: string): number {
    const w = this.world;
    const delay = this.approvals.sample(APPROVAL_DELAY);
    const valid = w.access.policy.byId.get(ruleId)?.conditions.approval?.validHours ?? 4;
    const map = this.approved.get(spec.id) ?? new Map();
    map.set(ruleId, { expiresAt: w.now + delay + valid });
    this.approved.set(spec.id, map);
    return delay + 1e-6;
  }

  private granted(spec: WorkloadRequest, accessHours: number, assets: number, duration: number, how: string): void {
    this.totals.accessHours.push(accessHours);
    this.totals.exposure += assets * duration;
    this.world.emit({ type: 'workload.access', actor: 'technician', source: spec.user, outcome: 'success', detail: `${spec.id}: ${how} after ${accessHours.toFixed(2)} h, ${assets} assets reachable for ${duration.toFixed(2)} h` });
  }

  private fail(spec: WorkloadRequest, why: string): void {
    this.totals.failures++;
    this.world.emit({ type: 'workload.access', actor: 'technician', source: spec.user, outcome: 'denied', detail: `${spec.id}: ${why}` });
  }
}
