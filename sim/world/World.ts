// The shared state of one run: the kernel, the design's access layer, who owns what, the
// defenders' locks and isolations, the audit trail and the trace. Processes act through it.
import { Kernel } from '../kernel/index.js';
import type { PlantModel } from '../model/plantModel.js';
import type { TraceEvent } from '../contract/trace.js';
import type { AccessLayer, AccessState } from '../net/AccessLayer.js';
import { AuditLog, SessionTable } from '../policy/index.js';
import type { Attack, Design } from '../model/schema.js';
import type { Decision } from '../policy/types.js';

/** What a sensor may see of one attacker action. */
export interface Observable {
  t: number;
  technique: string;
  observability: number;
  /** Zone of the target (or of the acting host) for zone-scoped sensors. */
  zone: number;
  crossesZone: boolean;
  viaVpn: boolean;
  pdpDecided: boolean;
  denied: boolean;
  onHost: number | null;
  industrial: boolean;
  /** The identity the action ran under, as a defender would see it (a user or a VPN account). */
  identity: string | null;
  /** What a detection of it reports beside the technique, when that alone would not say. */
  note?: string;
}

export class World {
  readonly kernel: Kernel;
  /** The hash-chained trail when the run is kept; a plain count in bulk Monte Carlo. */
  readonly audit: AuditLog | CountingAudit;
  readonly trace: TraceEvent[] = [];
  readonly sessions: SessionTable | null;
  readonly owned: Uint8Array;
  readonly controlled: Uint8Array;
  readonly isolated = new Set<number>();
  readonly locks = new Set<string>();
  readonly lineImpactAt: (number | null)[];
  /** When each impacted line was back in production; null while it is down. */
  readonly lineRestoredAt: (number | null)[];
  disabledVpnAccounts = new Set<string>();
  firstPlcAt: number | null = null;
  detectedAt: number | null = null;
  containedAt: number | null = null;
  attackerActions = 0;
  auditedActions = 0;
  deniedRequests = 0;
  heldForApproval = 0;
  readonly blockedBy: Record<string, number> = {};
  /** Listeners the defenders register to see attacker actions. */
  readonly observers: ((o: Observable) => void)[] = [];
  /** Called when the defenders act, so the attacker can drop what it lost. */
  readonly onResponse: (() => void)[] = [];
  /** Called once, when the attacker has lost its last foothold after a detection. */
  readonly onContainment: (() => void)[] = [];

  constructor(
    readonly model: PlantModel,
    readonly access: AccessLayer,
    readonly design: Design,
    readonly attack: Attack,
    readonly seed: number | string,
    readonly horizon: number,
    keepAudit = true,
  ) {
    this.kernel = new Kernel(seed);
    this.audit = keepAudit ? new AuditLog() : new CountingAudit();
    this.owned = new Uint8Array(model.assets.length);
    this.controlled = new Uint8Array(model.assets.length);
    this.lineImpactAt = model.lines.map(() => null);
    this.lineRestoredAt = model.lines.map(() => null);
    this.sessions = design.zt
      ? new SessionTable(access.policy, this.kernel, { audit: this.audit, maxDenied: design.zt.maxDenied })
      : null;
    if (this.sessions && design.zt) this.sessions.sweepEvery(design.zt.sweepHours);
  }

  get now(): number {
    return this.kernel.now;
  }

  /** The attacker holds nothing any more and the defenders know of it: recovery can start. */
  contain(): void {
    if (this.containedAt !== null) return;
    this.containedAt = this.now;
    for (const f of this.onContainment) f();
  }

  accessState(): AccessState {
    return { time: this.now, locks: this.locks, isolated: this.isolated };
  }

  emit(event: Omit<TraceEvent, 't'>): void {
    this.trace.push({ t: round(this.now), ...event });
  }

  observe(o: Omit<Observable, 't'>): void {
    const full = { t: this.now, ...o };
    for (const f of this.observers) f(full);
  }

  /** Every PDP decision on an actual connection attempt goes to the audit trail. */
  recordDecision(source: string, target: string, action: string, decision: Decision | null): void {
    if (decision === null) return;
    this.audit.append(this.now, {
      type: 'policy.decision',
      source,
      target,
      action,
      effect: decision.effect,
      ruleId: decision.ruleId,
    });
  }

  block(mitigation: string | null): void {
    if (mitigation !== null) this.blockedBy[mitigation] = (this.blockedBy[mitigation] ?? 0) + 1;
  }

  respond(): void {
    for (const f of this.onResponse) f();
  }
}

/** Counts audit records without hashing them: Monte Carlo runs never write their trail. */
export class CountingAudit {
  count = 0;
  append(): void {
    this.count++;
  }
}

/** Trace times at a fixed precision, so output is stable and readable. */
export function round(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
