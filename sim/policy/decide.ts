// decide(): locks, then deny rules, then allow rules in order; default deny.
import type { CompiledPolicy, CompiledRule } from './compile.js';
import { heldConditions, unmetConditions } from './conditions.js';
import { explainMatch, ruleMatches } from './match.js';
import type { AccessRequest, Decision, DecisionContext, DenyReason } from './types.js';

/** Pure and deterministic: the same policy, request and context give the same decision. */
export function decide(policy: CompiledPolicy, request: AccessRequest, context: DecisionContext): Decision {
  return decideAmong(policy.candidates(request.action, request.resource), request, context);
}

/** The same decision without the index: every rule is tried. A reference for tests and audits. */
export function decideLinear(policy: CompiledPolicy, request: AccessRequest, context: DecisionContext): Decision {
  return decideAmong(policy.rules, request, context);
}

function decideAmong(rules: readonly CompiledRule[], request: AccessRequest, context: DecisionContext): Decision {
  const locked = lockReasons(request, context);
  if (locked.length > 0) return { effect: 'deny', ruleId: null, reasons: locked };

  const matching = rules.filter((rule) => ruleMatches(rule, request));
  // Deny overrides allow; a deny rule with conditions applies only when they hold.
  for (const rule of matching) {
    if (rule.effect === 'deny' && unmetConditions(rule, request, context).length === 0) {
      return {
        effect: 'deny',
        ruleId: rule.id,
        reasons: [{ kind: 'deny-rule', ruleId: rule.id, matched: explainMatch(rule, request) }],
      };
    }
  }

  const holding: CompiledRule[] = [];
  const unmet: DenyReason[] = [];
  let awaitingApproval: CompiledRule | undefined;
  for (const rule of matching) {
    if (rule.effect !== 'allow') continue;
    const missing = unmetConditions(rule, request, context);
    if (missing.length === 0) holding.push(rule);
    else {
      unmet.push(...missing);
      if (awaitingApproval === undefined && missing.length === 1 && missing[0]!.condition === 'approval')
        awaitingApproval = rule;
    }
  }

  const first = holding[0];
  if (first !== undefined) return allow(first, holding, request, context);
  if (awaitingApproval !== undefined) {
    const approvalBy = awaitingApproval.conditions.approval!.by;
    return { effect: 'pending', ruleId: awaitingApproval.id, approvalBy, reasons: unmet };
  }
  return { effect: 'deny', ruleId: null, reasons: unmet.length > 0 ? unmet : [{ kind: 'no-matching-rule' }] };
}

function lockReasons(request: AccessRequest, context: DecisionContext): DenyReason[] {
  const locks = context.locks;
  if (locks === undefined || locks.size === 0) return [];
  const { user, device } = request.subject;
  const out: DenyReason[] = [];
  if (user !== undefined && locks.has(user)) out.push({ kind: 'locked', on: 'user', id: user });
  if (device !== undefined && locks.has(device)) out.push({ kind: 'locked', on: 'device', id: device });
  if (locks.has(request.resource.id)) out.push({ kind: 'locked', on: 'resource', id: request.resource.id });
  return out;
}

/** The first holding rule decides; obligations combine strictly over all holding rules. */
function allow(
  first: CompiledRule,
  holding: CompiledRule[],
  request: AccessRequest,
  context: DecisionContext,
): Decision {
  let ttlHours: number | null = null;
  let record = false;
  for (const rule of holding) {
    const o = rule.rule.obligations;
    if (o.ttlHours !== undefined && (ttlHours === null || o.ttlHours < ttlHours)) ttlHours = o.ttlHours;
    record ||= o.record === true;
  }
  const reasons = [...explainMatch(first, request), ...heldConditions(first, request, context)];
  if (holding.length > 1)
    reasons.push(
      `obligations combined with ${holding
        .slice(1)
        .map((r) => `rule ${r.id}`)
        .join(', ')}`,
    );
  return { effect: 'allow', ruleId: first.id, obligations: { ttlHours, record }, reasons };
}
