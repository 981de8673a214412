// The lint rules: stable ids (CI configurations and disable comments name them), a severity and
// what each finds. The checks themselves live beside this file, one family per file.
import type { Design, Rule, Scenario } from '../../model/schema.js';
import type { PlantModel } from '../../model/plantModel.js';
import type { IssuePath } from '../../scenario/issues.js';

export type Severity = 'error' | 'warning' | 'note';

export interface LintRuleInfo {
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  summary: string;
}

export const LINT_RULES = [
  {
    id: 'write-without-approval',
    severity: 'error',
    summary: 'an allow rule grants people a write or program function without a just-in-time approval',
  },
  {
    id: 'zt-remote-desktop-conduit',
    severity: 'error',
    summary: 'a zero-trust design keeps a conduit that opens remote desktop (rdp, vnc) from IT (level 4-5) into OT',
  },
  {
    id: 'shared-account-without-mfa',
    severity: 'error',
    summary: 'a VPN opens with an account several people share, without a second factor',
  },
  {
    id: 'internet-facing-controller',
    severity: 'error',
    summary: 'a controller (PLC, RTU, safety system) answers on the internet under a design that allows it',
  },
  {
    id: 'cached-credential-reachable',
    severity: 'warning',
    summary: 'a host that caches credentials opens a remote-logon service to the VPN client or a brokered session',
  },
  {
    id: 'rule-shadowed',
    severity: 'warning',
    summary: 'a policy rule never decides: an earlier rule grants all it does, or a deny rule covers it',
  },
  {
    id: 'rule-matches-nothing',
    severity: 'warning',
    summary: 'a policy rule names no subject or no asset of the plant',
  },
  {
    id: 'rule-untested',
    severity: 'warning',
    summary: 'no policy test of the design makes a request the rule matches',
  },
  {
    id: 'unknown-lint-rule',
    severity: 'warning',
    summary: 'a segsim-lint-disable comment names a rule that does not exist',
  },
] as const satisfies readonly LintRuleInfo[];

export type LintRuleId = (typeof LINT_RULES)[number]['id'];

export const LINT_RULE_IDS: readonly string[] = LINT_RULES.map((r) => r.id);

export function ruleInfo(id: LintRuleId): LintRuleInfo {
  return LINT_RULES.find((r) => r.id === id)!;
}

/** A finding before it is located: the field path in the merged scenario. */
export interface LintFinding {
  rule: LintRuleId;
  path: IssuePath;
  message: string;
}

export interface LintContext {
  scenario: Scenario;
  model: PlantModel;
}

/** A zero-trust rule with where it stands. */
export interface PolicyRuleAt {
  design: Design;
  rule: Rule;
  path: IssuePath;
}

export function policyRules(scenario: Scenario): PolicyRuleAt[] {
  return scenario.designs.flatMap((design, d) =>
    (design.zt?.policy.rules ?? []).map((rule, j) => ({
      design,
      rule,
      path: ['designs', d, 'zt', 'policy', 'rules', j] as IssuePath,
    })),
  );
}

/** A finding where it stands in the files: what the terminal, SARIF and GitHub annotations show. */
export interface LocatedFinding extends LintFinding {
  severity: Severity;
  file: string;
  line: number;
  col: number;
}
