// The attacker's side of the zero-trust session protocol: a brokered foothold's first granted
// connection opens a PDP session, later ones ride it (continuous evaluation counts their denials
// and may revoke it), and denials outside a session count against the broker's limit.
import type { Action } from '../model/catalog.js';
import type { ConnectOutcome } from '../net/AccessLayer.js';
import type { Approval, Decision } from '../policy/types.js';
import type { AttackerState } from './AttackerState.js';
import type { Footholds, LiveFoothold } from './Footholds.js';

export class SessionProtocol {
  constructor(
    private readonly s: AttackerState,
    private readonly footholds: Footholds,
  ) {}

  /**
   * A brokered connection, through the live PDP session once one was granted. `inSession` says the
   * request went through the session table, which counted it.
   */
  connect(
    f: LiveFoothold,
    target: number,
    action: Action,
    service?: number,
  ): { outcome: ConnectOutcome; inSession: boolean } {
    const s = this.s;
    const w = s.world;
    const outcome = w.access.connect(s.originFor(f), target, action, s.state(), service);
    if (w.sessions === null || f.origin.kind !== 'broker') return { outcome, inSession: false };
    const request = { subject: f.origin.subject, resource: w.access.resource(w.model.assets[target]!), action };
    if (f.sessionId !== null) {
      const live = w.sessions.get(f.sessionId);
      if (live?.state === 'open') {
        const decision = w.sessions.request(
          f.sessionId,
          request.resource,
          action,
          outcome.ok && outcome.connector !== null ? w.model.assets[outcome.connector]!.id : undefined,
        );
        if (w.sessions.get(f.sessionId)?.state === 'revoked')
          this.footholds.lose(f, 'continuous evaluation revoked the session');
        if (decision.effect !== 'allow' && outcome.ok)
          return {
            outcome: {
              ok: false,
              block: 'broker',
              reason: `the session's policy denies ${action}`,
              decision,
              mitigation: 'M0801',
            },
            inSession: true,
          };
        return { outcome, inSession: true };
      }
    }
    if (outcome.ok) {
      const origin = s.originFor(f);
      const mfa = origin.kind === 'broker' && origin.mfa;
      const source = outcome.connector === null ? {} : { source: w.model.assets[outcome.connector]!.id };
      const opened = w.sessions.open(
        { ...request, ...source },
        { time: w.now, mfa, locks: w.locks, approvals: s.approvals },
        w.design.zt!.sessionTtlHours,
      );
      if (opened.session) f.sessionId = opened.session.id;
    }
    return { outcome, inSession: false };
  }

  /**
   * A refused brokered request made outside the session table: the broker counts the denial, and
   * continuous evaluation or the broker's limit may end the session. Pending decisions are not denials.
   */
  countDenial(f: LiveFoothold, decision: Decision | null, inSession: boolean): void {
    const w = this.s.world;
    if (f.origin.kind !== 'broker' || decision?.effect !== 'deny' || inSession) return;
    f.denied++;
    if (f.sessionId !== null && w.sessions) {
      w.sessions.signal({ kind: 'denied', sessionId: f.sessionId });
      if (w.sessions.get(f.sessionId)?.state === 'revoked')
        this.footholds.lose(f, 'continuous evaluation revoked the session after repeated denied requests');
    } else if (f.denied >= (w.design.zt?.maxDenied ?? Infinity))
      this.footholds.lose(f, 'the broker closed the session after repeated denied requests');
  }

  /** A fresh approval reaches every session the attacker holds open. */
  grantToOpenSessions(ruleId: string, approval: Approval): void {
    const w = this.s.world;
    for (const g of this.footholds.list)
      if (g.sessionId !== null && w.sessions?.get(g.sessionId)?.state === 'open')
        w.sessions.grant(g.sessionId, ruleId, approval);
  }
}
