// Legitimate service work: requests arrive over time and technicians get access through the
// design under test. Measures time-to-access and privilege exposure (assets reachable × hours).
import type { RandomStream } from '../kernel/index.js';
import type { Origin } from '../net/AccessLayer.js';
import { brokerSubject } from '../net/subjects.js';
import type { World } from '../world/World.js';
import type { WorkloadRequest } from '../model/schema.js';
import { nextWindowChange } from '../policy/index.js';
import { discoverable, firstAction } from '../net/discovery.js';
import { APPROVAL_DELAY, approvalValidHours } from '../world/approver.js';
/** Hours to log on to an intermediate host and open the next session from it. */
const HOP_HOURS = 0.1;
/** Hours the broker takes to set up a session once the PDP allowed every target. */
const BROKER_CONNECT_HOURS = 0.05;
/** Hosts a technician hops through at most (VPN → jump host → engineering workstation → …). */
const MAX_HOPS = 3;
/** A request still waiting this long is given up. */
const GIVE_UP_HOURS = 24;
/** Times a brokered request is tried again after waiting for an approval or a window. */
const MAX_RETRIES = 3;

export class Technicians {
  private readonly approvals: RandomStream;
  private readonly vpnConnect: RandomStream;

  constructor(private readonly world: World) {
    this.approvals = world.kernel.stream('workload.approvals');
    this.vpnConnect = world.kernel.stream('workload.vpn');
  }

  /** Schedules every kind of request's first arrival. */
  start(): void {
    for (const spec of this.world.model.scenario.workload)
      this.arrivals(spec, this.world.kernel.stream(`workload.${spec.id}`));
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
    w.record.workloadRequest();
    w.emit({
      type: 'workload.request',
      user: spec.user,
      targets: spec.targets.map((t) => t.asset),
      detail: `${spec.id}: ${spec.user} asks for ${spec.targets.map((t) => `${t.asset}:${t.action}`).join(', ')}`,
    });
    // A technician holding an account this design's VPN accepts uses it; everyone else goes through the broker.
    const account = this.vpnAccountOf(spec);
    if (account !== undefined && w.shut.has('vpn')) return this.fail(spec, 'the VPN concentrator is shut');
    if (account !== undefined) return this.viaVpn(spec, duration, account);
    if (w.design.zt) return this.brokered(spec, duration, w.now, 0);
    this.fail(spec, 'no remote access path for this technician');
  }

  private vpnAccountOf(spec: WorkloadRequest): string | undefined {
    const vpn = this.world.design.vpn;
    if (vpn === undefined) return undefined;
    const device = this.world.model.devices[this.world.model.deviceIndex.get(spec.device)!]!;
    return device.credentials.find((c) => vpn.accounts.includes(c) && !this.world.disabledVpnAccounts.has(c));
  }

  /** A VPN client reaches everything the VPN routes: that is its privilege exposure. */
  private viaVpn(spec: WorkloadRequest, duration: number, account: string): void {
    const w = this.world;
    let routes = VPN_ROUTES.get(w.access);
    if (routes === undefined) VPN_ROUTES.set(w.access, (routes = new Map()));
    let route = routes.get(`${account}\u0000${spec.id}`);
    if (route === undefined) {
      route = vpnRoute(w, { kind: 'vpn', account }, spec);
      routes.set(`${account}\u0000${spec.id}`, route);
    }
    if (route === null)
      return this.fail(
        spec,
        `the VPN reaches none of ${spec.targets.map((t) => `${t.asset}:${t.action}`).join(', ')}, directly or through jump hosts`,
      );
    if (!this.stillOpen(route, account, spec))
      return this.fail(spec, `the defenders cut the way in (${['VPN', ...route.hops].join(' → ')})`);
    const connect = this.vpnConnect.sample(w.design.vpn!.connectHours) + HOP_HOURS * route.hops.length;
    this.granted(
      spec,
      connect,
      route.exposure,
      duration,
      ['VPN login', ...route.hops.map((h) => `RDP to ${h}`)].join(', then '),
    );
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
      const outcome = w.access.connect(
        { kind: 'broker', subject, mfa: true },
        model.assetIndex.get(t.asset)!,
        t.action,
        { ...w.accessState(), approvals: this.approvalsFor(spec) },
      );
      w.recordDecision(`zt-session(${spec.user})`, t.asset, t.action, outcome.decision);
      if (outcome.ok) {
        granted++;
        continue;
      }
      const d = outcome.decision;
      if (d?.effect === 'pending') waitFor = Math.max(waitFor ?? 0, this.approve(spec, d.ruleId));
      else if (d?.effect === 'deny' && d.reasons.some((r) => r.kind === 'condition' && r.condition === 'window')) {
        const window = model.scenario.windows.find((x) =>
          d.reasons.some(
            (r) => r.kind === 'condition' && r.ruleId && w.access.policy.byId.get(r.ruleId)?.window?.id === x.id,
          ),
        );
        waitFor = Math.max(waitFor ?? 0, window ? nextWindowChange(window, w.now) - w.now + 1e-6 : 1);
      }
    }
    if (granted === spec.targets.length)
      return this.granted(spec, w.now - askedAt + BROKER_CONNECT_HOURS, granted, duration, 'brokered session');
    if (waitFor === null || attempt >= MAX_RETRIES || w.now + waitFor - askedAt > GIVE_UP_HOURS)
      return this.fail(spec, 'the policy denies part of the request');
    w.kernel.schedule(waitFor, () => this.brokered(spec, duration, askedAt, attempt + 1));
  }

  /** The route worked out before the incident, checked hop by hop against the defenders' isolations and quarantines. */
  private stillOpen(route: VpnRoute, account: string, spec: WorkloadRequest): boolean {
    const w = this.world;
    if (w.isolated.size === 0 && w.quarantined.size === 0) return true;
    const state = w.accessState();
    let from: Origin = { kind: 'vpn', account };
    for (const h of route.hopIndices) {
      const interactive = w.model.assets[h]!.services.find((s) => w.model.vocab.protocol(s.protocol)!.interactive)!;
      if (!w.access.connect(from, h, firstAction(w.model, interactive.protocol), state).ok) return false;
      from = { kind: 'host', asset: h };
    }
    const at = from;
    return spec.targets.every((t) => w.access.connect(at, w.model.assetIndex.get(t.asset)!, t.action, state).ok);
  }

  private readonly approved = new Map<string, Map<string, { expiresAt: number }>>();

  private approvalsFor(spec: WorkloadRequest) {
    return this.approved.get(spec.id);
  }

  /** Asks the approver; returns the hours until the answer. */
  private approve(spec: WorkloadRequest, ruleId: string): number {
    const w = this.world;
    const delay = this.approvals.sample(APPROVAL_DELAY);
    const valid = approvalValidHours(w.access.policy, ruleId);
    const map = this.approved.get(spec.id) ?? new Map();
    map.set(ruleId, { expiresAt: w.now + delay + valid });
    this.approved.set(spec.id, map);
    return delay + 1e-6;
  }

  private granted(spec: WorkloadRequest, accessHours: number, assets: number, duration: number, how: string): void {
    this.world.record.workloadGranted(accessHours, assets * duration);
    this.world.emit({
      type: 'workload.access',
      user: spec.user,
      detail: `${spec.id}: ${how} after ${accessHours.toFixed(2)} h, ${assets} assets reachable for ${duration.toFixed(2)} h`,
    });
  }

  private fail(spec: WorkloadRequest, why: string): void {
    this.world.record.workloadFailed();
    this.world.emit({
      type: 'workload.failed',
      user: spec.user,
      detail: `${spec.id}: ${why}`,
    });
  }
}

/** Routes depend on the design's network, not on the run: computed once per design and request. */
const VPN_ROUTES = new WeakMap<object, Map<string, VpnRoute | null>>();

interface VpnRoute {
  hops: string[];
  hopIndices: number[];
  /** Assets reachable from the tunnel and from every host on the way. */
  exposure: number;
}

/**
 * The shortest way a VPN technician gets to every target: directly, or hopping through hosts it
 * can open an interactive session on (a jump host, then the line's workstation), as segmented
 * plants make vendors do. Breadth first, so the fewest hops win.
 */
function vpnRoute(w: World, start: Origin, spec: WorkloadRequest): VpnRoute | null {
  const reaches = (from: Origin) =>
    spec.targets.every((t) => w.access.connect(from, w.model.assetIndex.get(t.asset)!, t.action, { time: w.now }).ok);
  let frontier: { origin: Origin; hops: number[] }[] = [{ origin: start, hops: [] }];
  const seen = new Set<number>();
  for (let depth = 0; depth <= MAX_HOPS && frontier.length > 0; depth++) {
    const found = frontier.find((f) => reaches(f.origin));
    if (found !== undefined) {
      const reachable = new Set(discoverable(w.access, start, { time: w.now }));
      for (const h of found.hops)
        for (const a of discoverable(w.access, { kind: 'host', asset: h }, { time: w.now })) reachable.add(a);
      return { hops: found.hops.map((h) => w.model.assets[h]!.id), hopIndices: found.hops, exposure: reachable.size };
    }
    const next: typeof frontier = [];
    for (const f of frontier) {
      for (const a of w.model.assets) {
        if (!a.foothold || seen.has(a.index)) continue;
        const interactive = a.services.find((s) => w.model.vocab.protocol(s.protocol)!.interactive);
        if (
          interactive === undefined ||
          !w.access.connect(f.origin, a.index, firstAction(w.model, interactive.protocol), { time: w.now }).ok
        )
          continue;
        seen.add(a.index);
        next.push({ origin: { kind: 'host', asset: a.index }, hops: [...f.hops, a.index] });
      }
    }
    frontier = next;
  }
  return null;
}
