// Decisions in words, for terminals and test reports.
import type { Decision, DenyReason } from './types.js';

export function describeReason(reason: DenyReason): string {
  switch (reason.kind) {
    case 'locked':
      return `${reason.on} ${reason.id} is locked`;
    case 'deny-rule':
      return `deny rule ${reason.ruleId} (${reason.matched.join(', ')})`;
    case 'no-matching-rule':
      return 'no rule matches subject, action and resource';
    case 'condition':
      return `rule ${reason.ruleId} needs ${reason.condition} ${reason.expected}, found ${reason.found}`;
    case 'session-ended':
      return `session ${reason.sessionId} has ended`;
  }
}

/** "allow by rule r (subject role x, action s7.read, resource {line: line2})", "deny: ...". */
export function describeDecision(decision: Decision): string {
  switch (decision.effect) {
    case 'allow':
      return `allow by rule ${decision.ruleId} (${decision.reasons.join(', ')})`;
    case 'pending':
      return `pending approval by ${decision.approvalBy} for rule ${decision.ruleId}`;
    case 'deny': {
      const [first] = decision.reasons;
      if (first?.kind === 'deny-rule') return `deny by rule ${first.ruleId} (${first.matched.join(', ')})`;
      return `deny: ${decision.reasons.map(describeReason).join('; ')}`;
    }
  }
}
