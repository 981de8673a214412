// Compiles scenario rules into lookup-ready form and indexes them by action, then by resource key.
import type { PolicyRule as Rule, TimeWindow } from './rules.js';
import { PolicyError } from './errors.js';
import type { ResourcePattern } from './match.js';
import { didYouMean } from '../model/suggest.js';
import type { ResourceAttributes } from './types.js';

export interface CompiledRule {
  /** Position in the policy: the order rules are tried in. */
  readonly index: number;
  readonly id: string;
  readonly effect: 'allow' | 'deny';
  readonly rule: Rule;
  readonly subjects: {
    readonly users: ReadonlySet<string>;
    readonly roles: ReadonlySet<string>;
    readonly groups: ReadonlySet<string>;
    readonly orgs: ReadonlySet<string>;
    readonly devices: ReadonlySet<string>;
  };
  /** null for '*'. */
  readonly actions: ReadonlySet<string> | null;
  readonly resources: readonly ResourcePattern[];
  readonly conditions: Rule['conditions'];
  readonly window: TimeWindow | undefined;
  readonly unconditional: boolean;
}

export interface CompiledPolicy {
  readonly rules: readonly CompiledRule[];
  readonly byId: ReadonlyMap<string, CompiledRule>;
  readonly windows: ReadonlyMap<string, TimeWindow>;
  /** Rules that may match, in policy order; a superset of the matching ones. */
  candidates(action: string, resource: ResourceAttributes): readonly CompiledRule[];
}

type Postings = number[];

/** Rules reachable through one action key, split by the most selective resource field they name. */
class ResourceIndex {
  readonly any: Postings = [];
  readonly byId = new Map<string, Postings>();
  readonly byLine = new Map<string, Postings>();
  readonly byZone = new Map<string, Postings>();
  readonly byKind = new Map<string, Postings>();
  readonly byLevel = new Map<number, Postings>();

  add(rule: number, pattern: ResourcePattern): void {
    if (pattern === '*') return push(this.any, rule);
    if (typeof pattern === 'string') return post(this.byId, pattern, rule);
    if (pattern.line !== undefined) return post(this.byLine, pattern.line, rule);
    if (pattern.zone !== undefined) return post(this.byZone, pattern.zone, rule);
    if (pattern.kind !== undefined) return post(this.byKind, pattern.kind, rule);
    if (pattern.level !== undefined) return post(this.byLevel, pattern.level, rule);
    push(this.any, rule); // an empty selector constrains nothing
  }

  /** Calls `visit` with every posting list that may hold rules for the resource. */
  collect(resource: ResourceAttributes, visit: (list: Postings | undefined) => void): void {
    visit(this.any);
    visit(this.byId.get(resource.id));
    if (resource.line !== undefined) visit(this.byLine.get(resource.line));
    visit(this.byZone.get(resource.zone));
    visit(this.byKind.get(resource.kind));
    visit(this.byLevel.get(resource.level));
  }
}

// Rules are added in order, so comparing with the last posting keeps each list sorted and unique.
function push(list: Postings, rule: number): void {
  if (list[list.length - 1] !== rule) list.push(rule);
}

function post<K>(map: Map<K, Postings>, key: K, rule: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rule]);
  else push(list, rule);
}

export function compilePolicy(rules: readonly Rule[], windows: readonly TimeWindow[]): CompiledPolicy {
  const windowById = new Map(windows.map((w) => [w.id, w]));
  const byId = new Map<string, CompiledRule>();
  const compiled = rules.map((rule, index) => {
    if (byId.has(rule.id))
      throw new PolicyError('duplicate-rule', `rule id "${rule.id}" is used twice (approvals are keyed by rule id)`);
    const c = compileRule(rule, index, windowById);
    byId.set(rule.id, c);
    return c;
  });

  const byAction = new Map<string, ResourceIndex>();
  for (const rule of compiled) {
    for (const action of rule.actions ?? ['*']) {
      let index = byAction.get(action);
      if (index === undefined) byAction.set(action, (index = new ResourceIndex()));
      for (const pattern of rule.resources) index.add(rule.index, pattern);
    }
  }
  const wildcard = byAction.get('*');

  // Each call gathers its own posting lists, so compiled policies share no state between calls.
  function candidates(action: string, resource: ResourceAttributes): readonly CompiledRule[] {
    const lists: Postings[] = [];
    const gather = (list: Postings | undefined): void => {
      if (list !== undefined && list.length > 0) lists.push(list);
    };
    byAction.get(action)?.collect(resource, gather);
    wildcard?.collect(resource, gather);
    return mergeUnique(lists).map((i) => compiled[i]!);
  }

  return { rules: compiled, byId, windows: windowById, candidates };
}

function compileRule(rule: Rule, index: number, windows: ReadonlyMap<string, TimeWindow>): CompiledRule {
  const c = rule.conditions;
  let window: TimeWindow | undefined;
  if (c.window !== undefined) {
    window = windows.get(c.window);
    if (window === undefined) {
      throw new PolicyError(
        'unknown-window',
        `rule "${rule.id}": unknown window "${c.window}"${didYouMean(c.window, windows.keys())}`,
      );
    }
  }
  const s = rule.subjects;
  return {
    index,
    id: rule.id,
    effect: rule.effect,
    rule,
    subjects: {
      users: new Set(s.users),
      roles: new Set(s.roles),
      groups: new Set(s.groups),
      orgs: new Set(s.orgs),
      devices: new Set(s.devices),
    },
    actions: rule.actions.includes('*') ? null : new Set(rule.actions),
    resources: rule.resources.includes('*') ? ['*'] : rule.resources,
    conditions: c,
    window,
    unconditional: Object.values(c).every((v) => v === undefined),
  };
}

/** The union of sorted posting lists, in policy order: a rule reached through several lists is taken once. */
function mergeUnique(lists: readonly Postings[]): Postings {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flat().sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  all.length = n;
  return all;
}
