// Policy unit tests from the scenario: "this user on this device may / may not do asset:action".
import { ACTION_NAMES, type Action } from '../model/catalog.js';
import type { DirectoryDevice as Device, DirectoryUser as User, PolicyTestCase as PolicyTest } from './rules.js';
import type { CompiledPolicy } from './compile.js';
import { decide } from './decide.js';
import { describeDecision } from './explain.js';
import { didYouMean } from '../model/suggest.js';
import type { Approval, Decision, DecisionContext, ResourceAttributes, SubjectAttributes } from './types.js';

/** Resolves the ids a test names; `names` (optional) feeds "did you mean" hints. */
export interface Directory {
  user(id: string): User | undefined;
  device(id: string): Device | undefined;
  asset(id: string): ResourceAttributes | undefined;
  names?(kind: 'user' | 'device' | 'asset'): Iterable<string>;
  /** The actions a pair may name (default: the built-in catalogue's). */
  actions?: ReadonlySet<string>;
}

const BUILTIN_ACTIONS: ReadonlySet<string> = new Set(ACTION_NAMES);

export interface PolicyCaseResult {
  /** The "asset:action" pair as written. */
  pair: string;
  expected: 'allow' | 'deny';
  ok: boolean;
  /** null when the pair could not be evaluated (see error). */
  decision: Decision | null;
  error: string | null;
  /** The decision in words: the rule that decided and why. */
  explanation: string;
}

export interface PolicyTestResult {
  name: string;
  ok: boolean;
  /** Problems with the test itself (unknown user or device); its cases are then not run. */
  errors: string[];
  cases: PolicyCaseResult[];
}

export function runPolicyTests(
  policy: CompiledPolicy,
  tests: readonly PolicyTest[],
  directory: Directory,
): PolicyTestResult[] {
  return tests.map((test) => runOne(policy, test, directory));
}

function runOne(policy: CompiledPolicy, test: PolicyTest, directory: Directory): PolicyTestResult {
  const errors: string[] = [];
  const unknown = (kind: 'user' | 'device' | 'asset', id: string): string =>
    `unknown ${kind} "${id}"${didYouMean(id, directory.names?.(kind) ?? [])}`;

  const user = test.user === undefined ? undefined : directory.user(test.user);
  if (test.user !== undefined && user === undefined) errors.push(unknown('user', test.user));
  const device = test.device === undefined ? undefined : directory.device(test.device);
  if (test.device !== undefined && device === undefined) errors.push(unknown('device', test.device));
  if (test.asset !== undefined && directory.asset(test.asset) === undefined) errors.push(unknown('asset', test.asset));
  if (errors.length > 0) return { name: test.name, ok: false, errors, cases: [] };

  const subject: SubjectAttributes = {
    roles: user?.roles ?? [],
    groups: user?.groups ?? [],
    managedDevice: device?.managed ?? false,
    posture: device?.posture ?? {},
  };
  if (user !== undefined) [subject.user, subject.org] = [user.id, user.org];
  // A host-originated request names the source asset where a device would be.
  const deviceId = device?.id ?? test.asset;
  if (deviceId !== undefined) subject.device = deviceId;
  const context: DecisionContext = {
    time: test.time,
    mfa: test.mfa,
    approvals: test.approved ? approveAll(policy, (hours) => test.time + hours) : undefined,
  };

  const run = (pair: string, expected: 'allow' | 'deny'): PolicyCaseResult => {
    const fail = (error: string): PolicyCaseResult => ({
      pair,
      expected,
      ok: false,
      decision: null,
      error,
      explanation: error,
    });
    const colon = pair.indexOf(':');
    if (colon < 0) return fail(`"${pair}" is not an "asset:action" pair`);
    const [assetId, action] = [pair.slice(0, colon), pair.slice(colon + 1)];
    const resource = directory.asset(assetId);
    if (resource === undefined) return fail(unknown('asset', assetId));
    const actions = directory.actions ?? BUILTIN_ACTIONS;
    if (!actions.has(action)) return fail(`unknown action "${action}"${didYouMean(action, actions)}`);
    const request = {
      subject,
      resource,
      action: action as Action,
      ...(test.source === undefined ? {} : { source: test.source }),
    };
    const decision = decide(policy, request, context);
    const ok = (decision.effect === 'allow') === (expected === 'allow');
    return { pair, expected, ok, decision, error: null, explanation: describeDecision(decision) };
  };
  const cases = [...test.accept.map((p) => run(p, 'allow')), ...test.deny.map((p) => run(p, 'deny'))];
  return { name: test.name, ok: cases.every((c) => c.ok), errors, cases };
}

/** Every approval-gated rule approved, until `expiresAt(its validHours)`. */
export function approveAll(policy: CompiledPolicy, expiresAt: (validHours: number) => number): Map<string, Approval> {
  const approvals = new Map<string, Approval>();
  for (const rule of policy.rules) {
    const approval = rule.conditions.approval;
    if (approval !== undefined) approvals.set(rule.id, { expiresAt: expiresAt(approval.validHours) });
  }
  return approvals;
}
