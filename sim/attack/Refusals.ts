// A connection the network or the policy refused, or the PDP held for a just-in-time approval: it
// is counted, audited, shown to the sensors and told in the trace, and the attacker moves on.
import type { Action, Mitigation } from '../model/catalog.js';
import type { Decision } from '../policy/types.js';
import type { Approvals } from './Approvals.js';
import type { AttackerState } from './AttackerState.js';
import type { LiveFoothold } from './Footholds.js';
import { observationOf } from './observation.js';
import type { SessionProtocol } from './SessionProtocol.js';

/** Hours it takes to move on after a step that went nowhere: refused, or nothing could carry it out. */
export const REGROUP_HOURS = 0.05;

export interface Refusal {
  decision: Decision | null;
  mitigation: Mitigation | null;
}

export class Refusals {
  constructor(
    private readonly s: AttackerState,
    private readonly sessions: SessionProtocol,
    private readonly approvals: Approvals,
    /** The attacker's next move. */
    private readonly then: () => void,
  ) {}

  /**
   * `inSession` says the session table already counted the request. A request held for approval
   * is not a denial: the attacker asks for the approval instead, and the sensors see no refusal.
   */
  refused(f: LiveFoothold, action: Action, target: number, reason: string, outcome: Refusal, inSession = false): void {
    const w = this.s.world;
    const decision = outcome.decision;
    const held = decision?.effect === 'pending';
    if (held) this.approvals.ask(f, decision.ruleId, decision.approvalBy);
    w.record.refused(held, outcome.mitigation);
    const targetId = w.model.assets[target]!.id;
    if (decision !== null && f.sessionId === null) w.recordDecision(f.name, targetId, action, decision);
    this.s.act(
      this.s.techniqueFor('connection-attempt'),
      observationOf(w.model, f, target, action, decision !== null, !held),
    );
    const mitigation = outcome.mitigation === null ? {} : { mitigation: outcome.mitigation };
    const hop = { foothold: f.name, target: targetId, action };
    if (held) w.emit({ type: 'attack.held', ...hop, rule: decision.ruleId, ...mitigation, detail: reason });
    else
      w.emit({
        type: 'attack.refused',
        ...hop,
        ...mitigation,
        ...(decision?.ruleId ? { rule: decision.ruleId } : {}),
        detail: reason,
      });
    this.sessions.countDenial(f, decision, inSession);
    w.kernel.schedule(REGROUP_HOURS, () => this.then());
  }
}
