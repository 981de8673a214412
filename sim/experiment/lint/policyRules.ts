// Lint rules on zero-trust policies: grants that skip approval, rules that never decide, rules that
// name nothing, rules no policy test exercises.
import type { Action } from '../../model/catalog.js';
import type { Rule } from '../../model/schema.js';
import { compilePolicy, PolicyError } from '../../policy/index.js';
import { ruleMatches } from '../../policy/match.js';
import type { AccessRequest, SubjectAttributes } from '../../policy/types.js';
import { conditionsImplied, covers, obligationsImplied, ruleCoverage, type RuleCoverage } from '../policyCoverage.js';
import { directoryFromScenario } from '../scenarioPolicyTests.js';
import { policyRules, type LintContext, type LintFinding, type PolicyRuleAt } from './catalog.js';

const RAISES = new Set(['write', 'program']);

/** People (users, or the devices they carry) granted a write or program function with no approval asked. */
export function writeWithoutApproval({ scenario, model }: LintContext): LintFinding[] {
  const personal = new Set(scenario.identities.devices.map((d) => d.id));
  return policyRules(scenario).flatMap(({ design, rule, path }) => {
    if (rule.effect !== 'allow' || rule.conditions.approval !== undefined) return [];
    const raises = (a: string) => a === '*' || RAISES.has(model.vocab.action(a)?.level ?? '');
    const k = rule.actions.findIndex(raises);
    if (k < 0) return [];
    const cover = ruleCoverage(model, rule);
    const people = [...cover.users, ...[...cover.devices].filter((d) => personal.has(d))];
    if (people.length === 0) return [];
    const granted = rule.actions.filter(raises);
    return [
      {
        rule: 'write-without-approval',
        path: [...path, 'actions', k],
        message: `rule "${rule.id}" of ${design.id} grants ${granted.join(', ')} to ${list(people)} without a just-in-time approval`,
      },
    ];
  });
}

/** Rules whose subjects or resources name nothing in the plant. */
export function ruleMatchesNothing({ scenario, model }: LintContext): LintFinding[] {
  return policyRules(scenario).flatMap(({ design, rule, path }): LintFinding[] => {
    const cover = ruleCoverage(model, rule);
    if (cover.users.size + cover.devices.size === 0)
      return [
        {
          rule: 'rule-matches-nothing',
          path: [...path, 'subjects'],
          message: `rule "${rule.id}" of ${design.id} speaks for no user or device of the scenario`,
        },
      ];
    if (cover.assets.size === 0)
      return [
        {
          rule: 'rule-matches-nothing',
          path: [...path, 'resources'],
          message: `rule "${rule.id}" of ${design.id} names no asset of the plant`,
        },
      ];
    return [];
  });
}

/**
 * An allow rule an earlier rule makes useless (it grants all the later one does, asks no more and
 * adds no obligation), a deny rule an earlier deny repeats, an allow rule a deny rule covers.
 */
export function ruleShadowed({ scenario, model }: LintContext): LintFinding[] {
  const out: LintFinding[] = [];
  for (const design of scenario.designs) {
    const rules = policyRules(scenario).filter((r) => r.design === design);
    const covered = rules.map((r) => ruleCoverage(model, r.rule));
    rules.forEach((b, j) => {
      if (empty(covered[j]!)) return;
      const by = rules.findIndex((a, i) => i !== j && shadows(a.rule, covered[i]!, b.rule, covered[j]!, i < j));
      if (by < 0) return;
      const a = rules[by]!.rule;
      const why =
        a.effect === 'deny' && b.rule.effect === 'allow'
          ? `deny rule "${a.id}" covers everything it grants, so it never allows`
          : `earlier rule "${a.id}" ${a.effect === 'allow' ? 'grants' : 'denies'} everything it does under conditions no stricter`;
      out.push({
        rule: 'rule-shadowed',
        path: [...b.path, 'id'],
        message: `rule "${b.rule.id}" of ${design.id} never decides: ${why}`,
      });
    });
  }
  return out;
}

function shadows(a: Rule, ca: RuleCoverage, b: Rule, cb: RuleCoverage, earlier: boolean): boolean {
  if (!covers(ca, cb) || !conditionsImplied(a, b)) return false;
  if (a.effect === 'deny' && b.effect === 'allow') return true;
  return a.effect === b.effect && earlier && (b.effect === 'deny' || obligationsImplied(a, b));
}

function empty(c: RuleCoverage): boolean {
  return c.users.size + c.devices.size === 0 || c.assets.size === 0 || c.actions.size === 0;
}

/** Rules of a design with policy tests that no test request matches (subject, function and asset). */
export function ruleUntested({ scenario, model }: LintContext): LintFinding[] {
  const directory = directoryFromScenario(scenario);
  const out: LintFinding[] = [];
  const byDesign = new Map<string, PolicyRuleAt[]>();
  for (const r of policyRules(scenario)) byDesign.set(r.design.id, [...(byDesign.get(r.design.id) ?? []), r]);
  for (const [id, rules] of byDesign) {
    const policy = scenario.designs.find((d) => d.id === id)!.zt!.policy;
    let compiled;
    try {
      compiled = compilePolicy(policy.rules, scenario.windows);
    } catch (error) {
      if (error instanceof PolicyError) continue; // `policy test` reports a policy that does not compile
      throw error;
    }
    const requests = policy.tests.flatMap((test) => {
      const user = test.user === undefined ? undefined : directory.user(test.user);
      const device = test.device === undefined ? undefined : directory.device(test.device);
      const subject: SubjectAttributes = {
        roles: user?.roles ?? [],
        groups: user?.groups ?? [],
        managedDevice: device?.managed ?? false,
        posture: device?.posture ?? {},
        ...(user === undefined ? {} : { user: user.id, org: user.org }),
      };
      const deviceId = device?.id ?? test.asset;
      if (deviceId !== undefined) subject.device = deviceId;
      return [...test.accept, ...test.deny].flatMap((pair): AccessRequest[] => {
        const [assetId = '', action = ''] = pair.split(':');
        const resource = directory.asset(assetId);
        return resource === undefined ? [] : [{ subject, resource, action: action as Action }];
      });
    });
    rules.forEach(({ rule, path }, j) => {
      const c = compiled.rules[j]!;
      // A rule that names nothing is rule-matches-nothing's finding.
      if (empty(ruleCoverage(model, rule)) || requests.some((r) => ruleMatches(c, r))) return;
      const none = policy.tests.length === 0 ? ' (the design has no policy tests)' : '';
      out.push({
        rule: 'rule-untested',
        path: [...path, 'id'],
        message: `rule "${rule.id}" of ${id} is matched by no policy test request${none}`,
      });
    });
  }
  return out;
}

function list(ids: readonly string[]): string {
  return ids.length > 4 ? `${ids.slice(0, 3).join(', ')} and ${ids.length - 3} more` : ids.join(', ');
}
