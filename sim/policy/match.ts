// Does a rule's target (subject, action, resource) cover a request? Plus the words that say why.
import type { ResourceSelector as Selector } from './rules.js';
import type { CompiledRule } from './compile.js';
import type { AccessRequest, ResourceAttributes, SubjectAttributes } from './types.js';

export type ResourcePattern = Selector | '*';

/** Any listed user, role, group, org or device; an empty subjects object matches nobody. */
export function subjectMatches(rule: CompiledRule, subject: SubjectAttributes): boolean {
  const s = rule.subjects;
  // Empty lists are the common case; checking size first skips their hashing.
  if (s.users.size > 0 && subject.user !== undefined && s.users.has(subject.user)) return true;
  if (s.devices.size > 0 && subject.device !== undefined && s.devices.has(subject.device)) return true;
  if (s.orgs.size > 0 && subject.org !== undefined && s.orgs.has(subject.org)) return true;
  if (s.roles.size > 0) for (const role of subject.roles) if (s.roles.has(role)) return true;
  if (s.groups.size > 0) for (const group of subject.groups) if (s.groups.has(group)) return true;
  return false;
}

/** '*', an asset id, or a selector whose given fields all match. */
export function resourceMatches(pattern: ResourcePattern, resource: ResourceAttributes): boolean {
  if (pattern === '*') return true;
  if (typeof pattern === 'string') return pattern === resource.id;
  return (
    (pattern.zone === undefined || pattern.zone === resource.zone) &&
    (pattern.line === undefined || pattern.line === resource.line) &&
    (pattern.kind === undefined || pattern.kind === resource.kind) &&
    (pattern.level === undefined || pattern.level === resource.level)
  );
}

/** Exact action or '*': read and write are different grants. */
export function actionMatches(rule: CompiledRule, action: string): boolean {
  return rule.actions === null || rule.actions.has(action);
}

export function ruleMatches(rule: CompiledRule, request: AccessRequest): boolean {
  return (
    actionMatches(rule, request.action) &&
    subjectMatches(rule, request.subject) &&
    rule.resources.some((pattern) => resourceMatches(pattern, request.resource))
  );
}

/** ['subject role x', 'action s7.read', 'resource {line: line2}'] for a rule known to match. */
export function explainMatch(rule: CompiledRule, request: AccessRequest): string[] {
  const pattern = rule.resources.find((p) => resourceMatches(p, request.resource)) ?? '*';
  const action = rule.actions === null ? `* (${request.action})` : request.action;
  return [`subject ${explainSubject(rule, request.subject)}`, `action ${action}`, `resource ${formatPattern(pattern)}`];
}

function explainSubject(rule: CompiledRule, subject: SubjectAttributes): string {
  const s = rule.subjects;
  if (subject.user !== undefined && s.users.has(subject.user)) return `user ${subject.user}`;
  if (subject.device !== undefined && s.devices.has(subject.device)) return `device ${subject.device}`;
  if (subject.org !== undefined && s.orgs.has(subject.org)) return `org ${subject.org}`;
  const role = subject.roles.find((r) => s.roles.has(r));
  if (role !== undefined) return `role ${role}`;
  const group = subject.groups.find((g) => s.groups.has(g));
  return group !== undefined ? `group ${group}` : 'none';
}

export function formatPattern(pattern: ResourcePattern): string {
  if (typeof pattern === 'string') return pattern;
  const fields = (['zone', 'line', 'kind', 'level'] as const)
    .filter((key) => pattern[key] !== undefined)
    .map((key) => `${key}: ${pattern[key]}`);
  return `{${fields.join(', ')}}`;
}
