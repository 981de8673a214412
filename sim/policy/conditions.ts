// A rule's conditions, AND-ed: each unmet one becomes a reason naming what was expected and found.
import type { CompiledRule } from './compile.js';
import type { AccessRequest, DecisionContext, DenyReason } from './types.js';
import { nextWindowChange, windowOpen } from './window.js';

export type ConditionReason = Extract<DenyReason, { kind: 'condition' }>;

const NONE: readonly ConditionReason[] = [];

/** Every unmet condition (not just the first), so a caller can tell "only the approval is missing". */
export function unmetConditions(
  rule: CompiledRule,
  request: AccessRequest,
  context: DecisionContext,
): readonly ConditionReason[] {
  if (rule.unconditional) return NONE;
  const c = rule.conditions;
  const out: ConditionReason[] = [];
  const fail = (condition: ConditionReason['condition'], expected: string, found: string): void => {
    out.push({ kind: 'condition', ruleId: rule.id, condition, expected, found });
  };
  // mfa and managedDevice compare for equality, so a deny rule can target { mfa: false }.
  if (c.mfa !== undefined && c.mfa !== context.mfa) fail('mfa', String(c.mfa), String(context.mfa));
  if (c.managedDevice !== undefined && c.managedDevice !== request.subject.managedDevice) {
    fail('managedDevice', String(c.managedDevice), String(request.subject.managedDevice));
  }
  if (c.posture !== undefined) {
    for (const [key, expected] of Object.entries(c.posture)) {
      const found = request.subject.posture[key];
      if (found !== expected)
        fail(`posture.${key}`, JSON.stringify(expected), found === undefined ? 'absent' : JSON.stringify(found));
    }
  }
  const w = rule.window;
  if (w !== undefined && !windowOpen(w, context.time)) {
    const spec = `${w.id} open (every ${w.every}h from ${w.start}h for ${w.duration}h)`;
    fail('window', spec, `closed at ${context.time}, opens at ${nextWindowChange(w, context.time)}`);
  }
  if (c.approval !== undefined) {
    const approval = context.approvals?.get(rule.id);
    if (approval === undefined || approval.expiresAt <= context.time) {
      const found = approval === undefined ? 'none' : `expired at ${approval.expiresAt}`;
      fail('approval', `approval by ${c.approval.by}`, found);
    }
  }
  if (c.sources !== undefined && (request.source === undefined || !c.sources.includes(request.source))) {
    fail('sources', c.sources.join(' or '), request.source ?? 'none');
  }
  return out;
}

/** The held conditions in words, for an allow's reasons. */
export function heldConditions(rule: CompiledRule, request: AccessRequest, context: DecisionContext): string[] {
  const c = rule.conditions;
  const out: string[] = [];
  if (c.mfa !== undefined) out.push(`mfa ${c.mfa}`);
  if (c.managedDevice !== undefined) out.push(`managedDevice ${c.managedDevice}`);
  for (const [key, value] of Object.entries(c.posture ?? {})) out.push(`posture.${key} ${JSON.stringify(value)}`);
  if (rule.window !== undefined)
    out.push(`window ${rule.window.id} open until ${nextWindowChange(rule.window, context.time)}`);
  if (c.approval !== undefined)
    out.push(`approval by ${c.approval.by} until ${context.approvals?.get(rule.id)?.expiresAt}`);
  if (c.sources !== undefined) out.push(`source ${request.source}`);
  return out;
}
