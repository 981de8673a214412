// The shared state of one run: the kernel, the design's access layer, what the attacker holds now
// and ever held, the lines' outages, the defenders' cuts (locks, isolations, quarantines, shut
// tunnels, disabled accounts, rotated credentials), the audit trail and the trace. Processes act
// through it and report what the metrics count to its recorder.
import { Kernel } from '../kernel/index.js';
import type { PlantModel } from '../model/plantModel.js';
import type { TraceEvent, UntimedEvent } from '../contract/trace.js';
import type { AccessLayer, AccessState, Origin, Tunnel } from '../net/AccessLayer.js';
import { AuditLog, SessionTable } from '../policy/index.js';
import type { Attack, Design } from '../model/schema.js';
import type { Decision } from '../policy/types.js';
import type { FootholdRecord, Observable, Outage } from './records.js';
import type { RunRecorder } from './RunRecorder.js';

export type { FootholdRecord, Observable, Outage } from './records.js';

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
  /** Hosts the attacker runs tools on now, 1 by asset: an isolated or reimaged host is not. */
  readonly owned: Uint8Array;
  /** Controllers under its command now: a recovered line's are not. */
  readonly controlled: Uint8Array;
  /** Ever owned or commanded in this run: what the metrics count. */
  readonly everOwned: Uint8Array;
  readonly everControlled: Uint8Array;
  /** Every foothold the attacker gained, in order, live or lost. */
  readonly footholds: FootholdRecord[] = [];
  /** Each line's outages, oldest first. */
  readonly outages: Outage[][];
  readonly isolated = new Set<number>();
  readonly quarantined = new Set<number>();
  readonly shut = new Set<Tunnel>();
  readonly locks = new Set<string>();
  readonly disabledVpnAccounts = new Set<string>();
  /** Credentials changed since the attacker learned them, by index. */
  readonly rotated = new Set<number>();
  detectedAt: number | null = null;
  /** The first containment; `contained` says whether the attacker is shut out now. */
  containedAt: number | null = null;
  contained = false;
  /** Listeners the defenders register to see attacker actions. */
  readonly observers: ((o: Observable) => void)[] = [];
  /** Called when the defenders act, so the attacker can drop what it lost; `lifted` when a cut was lifted. */
  readonly onResponse: ((lifted: boolean) => void)[] = [];
  /** Called at every containment: the attacker has lost its last foothold after a detection. */
  readonly onContainment: (() => void)[] = [];
  /** Called when the attacker gains a foothold. */
  readonly onFoothold: ((f: FootholdRecord) => void)[] = [];
  /** Called when a credential is rotated. */
  readonly onRotation: ((credential: number) => void)[] = [];
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
    this.everOwned = new Uint8Array(model.assets.length);
    this.everControlled = new Uint8Array(model.assets.length);
    this.outages = model.lines.map(() => []);
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
    if (this.contained) return;
    this.contained = true;
    this.containedAt ??= this.now;
    this.emit({ type: 'defense.contain', detail: 'the attacker holds no foothold any more: contained' });
    for (const f of this.onContainment) f();
  }

  /** The attacker is back in after a containment. */
  reenter(): void {
    this.contained = false;
  }

  /** Registers a foothold the attacker just gained; returns its id. */
  gainFoothold(f: Omit<FootholdRecord, 'id' | 'live'>): FootholdRecord {
    const record = { ...f, id: this.footholds.length, live: true };
    this.footholds.push(record);
    if (f.origin.kind === 'host') this.owned[f.origin.asset] = this.everOwned[f.origin.asset] = 1;
    for (const g of this.onFoothold) g(record);
    return record;
  }

  /** The attacker lost a foothold: a host it lost is one it may have to take again. */
  loseFoothold(id: number): void {
    const f = this.footholds[id]!;
    f.live = false;
    if (f.origin.kind === 'host') this.owned[f.origin.asset] = 0;
  }

  /** Does a way in of this kind work now, as far as the defenders' cuts go? */
  originOpen(origin: Origin): boolean {
    switch (origin.kind) {
      case 'host':
        return !this.isolated.has(origin.asset);
      case 'vpn':
        return !this.shut.has('vpn') && !this.disabledVpnAccounts.has(origin.account);
      case 'broker':
        return !this.shut.has('broker') && (origin.subject.user === undefined || !this.locks.has(origin.subject.user));
      case 'internet': {
        const zones = this.model.assets[origin.exposed]!.zones;
        return !this.isolated.has(origin.exposed) && !zones.every((z) => this.quarantined.has(z));
      }
    }
  }

  /** Opens an outage of `line` unless one is open; false when the line was already down. */
  lineDown(line: number): boolean {
    if (this.lineIsDown(line)) return false;
    this.outages[line]!.push({ down: this.now, up: null });
    return true;
  }

  lineIsDown(line: number): boolean {
    const last = this.outages[line]!.at(-1);
    return last !== undefined && last.up === null;
  }

  /** The line is back in production; its controllers run known-good programs again. */
  lineUp(line: number): Outage {
    const outage = this.outages[line]!.at(-1)!;
    outage.up = this.now;
    for (const a of this.model.assets) if (a.line === line) this.controlled[a.index] = 0;
    return outage;
  }

  /** The credential no longer works for whoever learned it before now. */
  rotate(credential: number): void {
    this.rotated.add(credential);
    for (const f of this.onRotation) f(credential);
  }

  accessState(): AccessState {
    return {
      time: this.now,
      locks: this.locks,
      isolated: this.isolated,
      quarantined: this.quarantined,
      shut: this.shut,
    };
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

  respond(lifted = false): void {
    for (const f of this.onResponse) f(lifted);
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
