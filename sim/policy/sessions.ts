// Live sessions under continuous evaluation: signals and timers re-run decide() and revoke what no longer holds.
// Over 300 lines because it is one state machine: every transition reads and writes the same private
// session records and timers, which splitting would have to expose.
import type { CompiledPolicy } from './compile.js';
import { decide } from './decide.js';
import { PolicyError } from './errors.js';
import type {
  AuditSink,
  RevokeCause,
  RevokeReason,
  Scheduler,
  Session,
  SessionTableOptions,
  Signal,
} from './sessionTypes.js';
import type { AccessRequest, Approval, Decision, DecisionContext, ResourceAttributes } from './types.js';
import { nextWindowChange } from './window.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface Live extends Mutable<Session> {
  approvals: Map<string, Approval>;
  timers: { expiry: number | null; watch: number | null };
}

const NO_AUDIT: AuditSink = { append: () => undefined };

export class SessionTable {
  readonly #options: Required<Omit<SessionTableOptions, 'audit'>> & { audit: AuditSink };
  readonly #live = new Map<string, Live>();
  readonly #all = new Map<string, Live>();
  readonly #locks = new Set<string>();
  #nextId = 1;

  constructor(
    readonly policy: CompiledPolicy,
    readonly scheduler: Scheduler,
    options: SessionTableOptions = {},
  ) {
    this.#options = {
      audit: options.audit ?? NO_AUDIT,
      maxDenied: options.maxDenied ?? 5,
      riskThreshold: options.riskThreshold ?? 0.7,
      onRevoke: options.onRevoke ?? (() => undefined),
      onClose: options.onClose ?? (() => undefined),
    };
  }

  /**
   * Decides; on allow opens a session that lasts min(TTL obligation, sessionTtlHours) unless revoked.
   * The table's clock is authoritative (context.time is replaced by scheduler.now), and locks in the
   * context add to those the table holds from lock signals.
   */
  open(
    request: AccessRequest,
    context: DecisionContext,
    sessionTtlHours: number,
  ): { decision: Decision; session?: Session } {
    if (!(sessionTtlHours > 0) || !Number.isFinite(sessionTtlHours)) {
      throw new PolicyError(
        'invalid-argument',
        `sessionTtlHours must be a positive finite number, got ${sessionTtlHours}`,
      );
    }
    const locks = new Set([...(context.locks ?? []), ...this.#locks]);
    const decision = decide(this.policy, request, { ...context, time: this.scheduler.now, locks });
    this.#logDecision(decision, request, null, 'open');
    if (decision.effect !== 'allow') return { decision };

    const now = this.scheduler.now;
    const ttl = Math.min(sessionTtlHours, decision.obligations.ttlHours ?? Infinity);
    const s: Live = {
      id: `s${this.#nextId++}`,
      openedAt: now,
      request,
      ruleId: decision.ruleId,
      obligations: decision.obligations,
      expiresAt: now + ttl,
      mfa: context.mfa,
      denied: 0,
      state: 'open',
      endedAt: null,
      approvals: new Map(context.approvals ?? []),
      timers: { expiry: null, watch: null },
    };
    this.#live.set(s.id, s);
    this.#all.set(s.id, s);
    this.#audit({
      type: 'session.open',
      sessionId: s.id,
      ...who(request),
      ruleId: s.ruleId,
      expiresAt: s.expiresAt,
      record: s.obligations.record,
    });
    s.timers.expiry = this.scheduler.schedule(ttl, () => this.#end(s, 'expired'));
    this.#watch(s);
    return { decision, session: s };
  }

  /** A request made inside a live session; denials (not pending approvals) count toward revocation. */
  request(sessionId: string, resource: ResourceAttributes, action: AccessRequest['action'], source?: string): Decision {
    const s = this.#get(sessionId);
    const request: AccessRequest = { ...s.request, resource, action };
    if (source !== undefined) request.source = source;
    const decision: Decision =
      s.state === 'open'
        ? decide(this.policy, request, this.#contextOf(s))
        : { effect: 'deny', ruleId: null, reasons: [{ kind: 'session-ended', sessionId }] };
    this.#logDecision(decision, request, sessionId, 'request');
    if (decision.effect === 'deny' && s.state === 'open') this.signal({ kind: 'denied', sessionId });
    return decision;
  }

  /** A just-in-time approval granted while the session is open: later requests in it may use it. */
  grant(sessionId: string, ruleId: string, approval: Approval): void {
    const s = this.#get(sessionId);
    if (s.state !== 'open') return;
    s.approvals.set(ruleId, approval);
    this.#audit({ type: 'session.approve', sessionId: s.id, ...who(s.request), ruleId, expiresAt: approval.expiresAt });
  }

  /** Re-evaluates the affected live sessions; returns those revoked. */
  signal(signal: Signal): Session[] {
    const live = [...this.#live.values()];
    switch (signal.kind) {
      case 'posture':
        return this.#reevaluateEach(
          live.filter((s) => s.request.subject.device === signal.device),
          'posture',
          (s) => {
            s.request = {
              ...s.request,
              subject: { ...s.request.subject, posture: { ...s.request.subject.posture, ...signal.posture } },
            };
          },
        );
      case 'lock':
        this.#locks.add(signal.id);
        return this.#reevaluateEach(
          live.filter((s) => touches(s, signal.id)),
          'lock',
        );
      case 'unlock':
        this.#locks.delete(signal.id);
        return [];
      case 'mfa-stale':
        return this.#reevaluateEach(
          live.filter((s) => s.request.subject.user === signal.user),
          'mfa-stale',
          (s) => {
            s.mfa = false;
          },
        );
      case 'approval-expired':
        return this.#reevaluateEach(
          live.filter((s) => s.approvals.has(signal.ruleId)),
          'approval-expired',
          (s) => {
            s.approvals.delete(signal.ruleId);
          },
        );
      case 'risk': {
        if (signal.score < this.#options.riskThreshold) return [];
        const hit = live.filter(
          (s) =>
            (signal.user !== undefined && s.request.subject.user === signal.user) ||
            (signal.device !== undefined && s.request.subject.device === signal.device),
        );
        const detail = `risk score ${signal.score} reaches threshold ${this.#options.riskThreshold}`;
        for (const s of hit) this.#revoke(s, { cause: 'risk', detail, reasons: [] });
        return hit;
      }
      case 'denied': {
        const s = this.#get(signal.sessionId);
        if (s.state !== 'open') return [];
        s.denied++;
        if (s.denied < this.#options.maxDenied) return [];
        this.#revoke(s, {
          cause: 'denied',
          detail: `${s.denied} denied requests (limit ${this.#options.maxDenied})`,
          reasons: [],
        });
        return [s];
      }
    }
  }

  /** Re-evaluates every live session: catches what an event missed. */
  sweep(): Session[] {
    return this.#reevaluateEach([...this.#live.values()], 'sweep');
  }

  /** Sweeps every `hours` until the returned function is called. */
  sweepEvery(hours: number): () => void {
    if (!(hours > 0)) throw new PolicyError('invalid-argument', `sweep period must be positive, got ${hours}`);
    const tick = (): void => {
      this.sweep();
      handle = this.scheduler.schedule(hours, tick);
    };
    let handle = this.scheduler.schedule(hours, tick);
    return () => void this.scheduler.cancel(handle);
  }

  close(sessionId: string): void {
    const s = this.#get(sessionId);
    if (s.state === 'open') this.#end(s, 'closed');
  }

  get(sessionId: string): Session | undefined {
    return this.#all.get(sessionId);
  }

  get live(): Session[] {
    return [...this.#live.values()];
  }

  #get(sessionId: string): Live {
    const s = this.#all.get(sessionId);
    if (s === undefined) throw new PolicyError('unknown-session', `unknown session "${sessionId}"`);
    return s;
  }

  #contextOf(s: Live): DecisionContext {
    return { time: this.scheduler.now, mfa: s.mfa, approvals: s.approvals, locks: this.#locks };
  }

  #reevaluateEach(sessions: Live[], cause: RevokeCause, update?: (s: Live) => void): Session[] {
    const revoked: Session[] = [];
    for (const s of sessions) {
      update?.(s);
      if (!this.#reevaluate(s, cause)) revoked.push(s);
    }
    return revoked;
  }

  /** True when the session still holds. */
  #reevaluate(s: Live, cause: RevokeCause): boolean {
    if (s.state !== 'open') return false;
    const decision = decide(this.policy, s.request, this.#contextOf(s));
    this.#logDecision(decision, s.request, s.id, cause);
    if (decision.effect !== 'allow') {
      this.#revoke(s, { cause, detail: `re-evaluation gave ${decision.effect}`, reasons: decision.reasons });
      return false;
    }
    s.ruleId = decision.ruleId;
    const ttl = decision.obligations.ttlHours;
    s.obligations = {
      ttlHours: minTtl(s.obligations.ttlHours, ttl),
      record: s.obligations.record || decision.obligations.record,
    };
    if (ttl !== null && s.openedAt + ttl < s.expiresAt) {
      // A stricter rule now decides: the session may only get shorter.
      s.expiresAt = s.openedAt + ttl;
      this.#cancel(s, 'expiry');
      s.timers.expiry = this.scheduler.schedule(Math.max(0, s.expiresAt - this.scheduler.now), () =>
        this.#end(s, 'expired'),
      );
    }
    this.#watch(s);
    return true;
  }

  /** Schedules a re-evaluation when the deciding rule's window closes or its approval expires. */
  #watch(s: Live): void {
    this.#cancel(s, 'watch');
    const rule = this.policy.byId.get(s.ruleId);
    const now = this.scheduler.now;
    let at = Infinity;
    let cause: RevokeCause = 'window';
    if (rule?.window !== undefined) at = nextWindowChange(rule.window, now);
    const approval = rule?.conditions.approval !== undefined ? s.approvals.get(rule.id) : undefined;
    if (approval !== undefined && approval.expiresAt < at) [at, cause] = [approval.expiresAt, 'approval-expiry'];
    if (at < s.expiresAt)
      s.timers.watch = this.scheduler.schedule(Math.max(0, at - now), () => void this.#reevaluate(s, cause));
  }

  #revoke(s: Live, reason: RevokeReason): void {
    this.#end(s, 'revoked');
    this.#audit({
      type: 'session.revoke',
      sessionId: s.id,
      ...who(s.request),
      cause: reason.cause,
      detail: reason.detail,
      reasons: reason.reasons,
    });
    this.#options.onRevoke(s, reason);
  }

  /** Cancels the session's pending timers; a close (not a revoke) is logged here. */
  #end(s: Live, how: 'expired' | 'closed' | 'revoked'): void {
    this.#cancel(s, 'expiry');
    this.#cancel(s, 'watch');
    s.state = how === 'revoked' ? 'revoked' : 'closed';
    s.endedAt = this.scheduler.now;
    this.#live.delete(s.id);
    if (how !== 'revoked') {
      this.#audit({ type: 'session.close', sessionId: s.id, ...who(s.request), reason: how });
      this.#options.onClose(s, how);
    }
  }

  #cancel(s: Live, timer: 'expiry' | 'watch'): void {
    const handle = s.timers[timer];
    if (handle !== null) this.scheduler.cancel(handle);
    s.timers[timer] = null;
  }

  #logDecision(decision: Decision, request: AccessRequest, sessionId: string | null, cause: string): void {
    this.#audit({
      type: 'policy.decision',
      sessionId,
      cause,
      ...who(request),
      source: request.source ?? null,
      effect: decision.effect,
      ruleId: decision.ruleId,
      reasons: decision.reasons,
      ...(decision.effect === 'allow' ? { obligations: decision.obligations } : {}),
      ...(decision.effect === 'pending' ? { approvalBy: decision.approvalBy } : {}),
    });
  }

  #audit(event: { type: string } & Record<string, unknown>): void {
    this.#options.audit.append(this.scheduler.now, event);
  }
}

function who(request: AccessRequest): { user: string | null; device: string | null; resource: string; action: string } {
  const { user, device } = request.subject;
  return { user: user ?? null, device: device ?? null, resource: request.resource.id, action: request.action };
}

function touches(s: Live, id: string): boolean {
  const { subject, resource } = s.request;
  return subject.user === id || subject.device === id || resource.id === id;
}

function minTtl(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
