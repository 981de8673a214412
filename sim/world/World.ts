// The shared state of one run: the kernel, the design's access layer, who owns what, the
// defenders' locks and isolations, the audit trail and the trace. Processes act through it and
// report what the metrics count to its recorder.
import { Kernel } from '../kernel/index.js';
import type { PlantModel } from '../model/plantModel.js';
import type { TraceEvent, UntimedEvent } from '../contract/trace.js';
import type { AccessLayer, AccessState } from '../net/AccessLayer.js';
import { AuditLog, SessionTable } from '../policy/index.js';
import type { Attack, Design } from '../model/schema.js';
import type { Decision } from '../policy/types.js';
import type { RunRecorder } from './RunRecorder.js';

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
  /** An active scan of the network, which an OT IDS in the zone sees like industrial traffic. */
  scan: boolean;
  /** The identity the action ran under, as a defender would see it (a user or a VPN account). */
  identity: string | null;
  /** What a detection of it reports beside the technique, when that alone would not say. */
  note?: string;
}

export interface WorldOptions {
  seed: number | string;
  horizon: number;
  recorder: RunRecorder;
  /** Keep the trace and the hash-chained audit trail (one inspected run); off for bulk Monte Carlo. */
  keep: boolean;
}

export class World {
  readonly kernel: Kernel;
  readonly seed: number | string;
  readonly horizon: number;
  /** Where processes report what the metrics count. */
  readonly record: RunRecorder;
  /** The hash-chained trail when the run is kept; a plain count in bulk Monte Carlo. */
  readonly audit: AuditLog | CountingAudit;
  /** The events of the run, when it is kept. */
  readonly trace: TraceEvent[] = [];
  readonly sessions: SessionTable | null;
  readonly owned: Uint8Array;
  readonly controlled: Uint8Array;
  readonly isolated = new Set<number>();
  readonly locks = new Set<string>();
  readonly lineImpactAt: (number | null)[];
  /** When each impacted line was back in production; null while it is down. */
  readonly lineRestoredAt: (number | null)[];
  readonly disabledVpnAccounts = new Set<string>();
  detectedAt: number | null = null;
  containedAt: number | null = null;
  /** Listeners the defenders register to see attacker actions. */
  readonly observers: ((o: Observable) => void)[] = [];
  /** Called when the defenders act, so the attacker can drop what it lost. */
  readonly onResponse: (() => void)[] = [];
  /** Called once, when the attacker has lost its last foothold after a detection. */
  readonly onContainment: (() => void)[] = [];
  private readonly keep: boolean;

  constructor(
    readonly model: PlantModel,
    readonly access: AccessLayer,
    readonly design: Design,
    readonly attack: Attack,
    options: WorldOptions,
  ) {
    this.seed = options.seed;
    this.horizon = options.horizon;
    this.record = options.recorder;
    this.keep = options.keep;
    this.kernel = new Kernel(options.seed);
    this.audit = options.keep ? new AuditLog() : new CountingAudit();
    this.owned = new Uint8Array(model.assets.length);
    this.controlled = new Uint8Array(model.assets.length);
    this.lineImpactAt = model.lines.map(() => null);
    this.lineRestoredAt = model.lines.map(() => null);
    this.sessions = design.zt
      ? new SessionTable(access.policy, this.kernel, { audit: this.audit, maxDenied: design.zt.maxDenied })
      : null;
  }

  /** Starts the PDP's periodic sweep of live sessions, before any process schedules its first event. */
  start(): void {
    if (this.sessions && this.design.zt) this.sessions.sweepEvery(this.design.zt.sweepHours);
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

  emit(event: UntimedEvent): void {
    if (this.keep) this.trace.push({ t: round(this.now), ...event } as TraceEvent);
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

/** Times at a fixed precision, so output is stable and readable. */
export function round(t: number): number {
  return Math.round(t * 1e6) / 1e6;
}
