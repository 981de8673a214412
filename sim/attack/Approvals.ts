// Approval fatigue: when the PDP holds a request for a just-in-time approval, the attacker asks for
// it posing as the technician, and the approver grants it with the attack's approvalFatigue chance.
import { APPROVAL_DELAY, approvalValidHours } from '../world/approver.js';
import type { AttackerState } from './AttackerState.js';
import type { LiveFoothold } from './Footholds.js';
import { identityOf } from './observation.js';
import type { SessionProtocol } from './SessionProtocol.js';

export class Approvals {
  /** Rules it has asked approval for: once each, again only after a granted one expires. */
  private readonly asked = new Set<string>();

  constructor(
    private readonly s: AttackerState,
    private readonly sessions: SessionProtocol,
    /** Called when an approval is granted: the attacker has new means. */
    private readonly onGranted: () => void,
  ) {}

  ask(f: LiveFoothold, ruleId: string, approver: string): void {
    const s = this.s;
    const w = s.world;
    const chance = w.attack.approvalFatigue;
    if (chance === 0 || this.asked.has(ruleId)) return;
    this.asked.add(ruleId);
    // Its own stream: the chance moves no other draw of the run.
    const rng = w.kernel.stream('attacker.approvals');
    const granted = rng.bernoulli(chance);
    w.kernel.schedule(rng.sample(APPROVAL_DELAY), () => {
      const asked = `${f.name} asks ${approver} to approve rule ${ruleId}`;
      if (!granted) {
        w.emit({ type: 'approval.refused', rule: ruleId, requester: f.name, detail: `${asked}: refused` });
        // The PDP logs the refusal like any decision, so zero-trust telemetry may flag it.
        const attempt = s.techniqueFor('connection-attempt');
        w.observe({
          technique: attempt.id,
          observability: attempt.observability,
          zone: -1,
          crossesZone: false,
          viaVpn: false,
          pdpDecided: true,
          denied: true,
          onHost: null,
          industrial: false,
          scan: false,
          identity: identityOf(f),
          note: `approval of rule ${ruleId} refused`,
        });
        return;
      }
      const hours = approvalValidHours(w.access.policy, ruleId);
      const approval = { expiresAt: w.now + hours };
      s.approvals.set(ruleId, approval);
      this.sessions.grantToOpenSessions(ruleId, approval);
      w.kernel.schedule(hours, () => this.asked.delete(ruleId));
      w.emit({
        type: 'approval.granted',
        rule: ruleId,
        requester: f.name,
        detail: `${asked}: granted for ${hours} h (approval fatigue)`,
      });
      this.onGranted();
    });
  }
}
