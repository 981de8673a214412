// The plant engineer who answers just-in-time approval requests: for technicians, and for anyone
// posing as one.
import type { CompiledPolicy } from '../policy/index.js';

/** Hours a plant engineer takes to answer a just-in-time approval request. */
export const APPROVAL_DELAY = { dist: 'triangular', min: 0.1, mode: 0.5, max: 2 } as const;

/** Hours an approval for `ruleId` stays valid: the rule's own figure, else 4. */
export function approvalValidHours(policy: CompiledPolicy, ruleId: string): number {
  return policy.byId.get(ruleId)?.conditions.approval?.validHours ?? 4;
}
