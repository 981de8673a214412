// Fix candidates on zero-trust rules: require an approval the design already uses elsewhere, take
// the step's action out of the rule, or take the step's target out of its resources.
import type { Action } from '../model/catalog.js';
import { assetMatches, type AssetNode, type PlantModel } from '../model/plantModel.js';
import type { Design, Rule, Scenario, Selector } from '../model/schema.js';
import type { FixCandidate } from './fixCandidates.js';

/** The approver most rules of the design already name, if any names one. */
function usualApprover(design: Design): { by: string; validHours: number } | undefined {
  const counts = new Map<string, { n: number; validHours: number }>();
  for (const r of design.zt?.policy.rules ?? []) {
    const a = r.conditions.approval;
    if (a !== undefined) counts.set(a.by, { n: (counts.get(a.by)?.n ?? 0) + 1, validHours: a.validHours });
  }
  let best: { by: string; validHours: number } | undefined;
  let most = 0;
  for (const [by, { n, validHours }] of counts)
    if (n > most) {
      most = n;
      best = { by, validHours };
    }
  return best;
}

export function ruleCandidates(
  model: PlantModel,
  design: Design,
  target: AssetNode,
  action: Action,
  add: (key: string, c: FixCandidate) => void,
): void {
  const rules = design.zt!.policy.rules;
  const approver = usualApprover(design);
  rules.forEach((rule, index) => {
    if (rule.effect !== 'allow' || !(rule.actions.includes(action) || rule.actions.includes('*'))) return;
    const resource = rule.resources.find((r) => r === '*' || assetMatches(model, target, r as Selector));
    if (resource === undefined) return;
    const edit = (change: (r: Rule) => Rule | null) => (scenario: Scenario, d: Design) => {
      const list = d.zt!.policy.rules.flatMap((r, i) => (i !== index ? [r] : (change(r) ?? [])));
      return { scenario, design: { ...d, zt: { ...d.zt!, policy: { ...d.zt!.policy, rules: list } } } };
    };
    if (approver !== undefined && rule.conditions.approval === undefined)
      add(`approval ${rule.id}`, {
        kind: 'rule-approval',
        change: `require ${approver.by}'s approval for rule ${rule.id}`,
        on: [rule.id],
        plant: false,
        apply: edit((r) => ({ ...r, conditions: { ...r.conditions, approval: approver } })),
      });
    if (rule.actions.includes(action))
      add(`action ${rule.id} ${action}`, {
        kind: 'rule-action',
        change:
          rule.actions.length === 1
            ? `drop rule ${rule.id} (it grants only ${action})`
            : `take ${action} out of rule ${rule.id}`,
        on: [rule.id],
        plant: false,
        apply: edit((r) => (r.actions.length === 1 ? null : { ...r, actions: r.actions.filter((a) => a !== action) })),
      });
    add(`resource ${rule.id} ${target.id}`, {
      kind: 'rule-resource',
      change: `take ${target.id} out of rule ${rule.id}`,
      on: [rule.id, target.id],
      plant: false,
      apply: edit((r) => {
        // The selector that matched becomes the list of what else it names.
        const rest =
          resource === target.id
            ? []
            : model.assets
                .filter(
                  (a) => a.index !== target.index && (resource === '*' || assetMatches(model, a, resource as Selector)),
                )
                .map((a) => a.id);
        const resources = [...r.resources.filter((x) => x !== resource), ...rest];
        return resources.length === 0 ? null : { ...r, resources };
      }),
    });
  });
}
