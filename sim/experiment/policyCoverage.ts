// What a rule covers in the plant's own terms: the people and devices it speaks for, the functions
// and assets it names, the conditions it asks. Lint and diff compare rules through these sets, so a
// selector rewritten to name the same assets is no change, and one that now names more is a widening.
import { ACTION_NAMES } from '../model/catalog.js';
import { assetMatches, type PlantModel } from '../model/plantModel.js';
import type { Rule, TimeWindow } from '../model/schema.js';

export interface RuleCoverage {
  /** Users the rule speaks for by id, role, group or org. */
  users: ReadonlySet<string>;
  /** Device and asset ids it speaks for (host-originated requests name the source asset). */
  devices: ReadonlySet<string>;
  actions: ReadonlySet<string>;
  assets: ReadonlySet<string>;
}

export function ruleCoverage(model: PlantModel, rule: Rule): RuleCoverage {
  const s = rule.subjects;
  const has = (list: readonly string[] | undefined, x: string) => list?.includes(x) === true;
  const users = model.users.filter(
    (u) =>
      has(s.users, u.id) ||
      has(s.orgs, u.org) ||
      u.roles.some((r) => has(s.roles, r)) ||
      u.groups.some((g) => has(s.groups, g)),
  );
  const actions = rule.actions.includes('*') ? ACTION_NAMES : rule.actions;
  const assets = rule.resources.includes('*')
    ? model.assets
    : model.assets.filter((a) => rule.resources.some((sel) => sel !== '*' && assetMatches(model, a, sel)));
  return {
    users: new Set(users.map((u) => u.id)),
    devices: new Set(s.devices ?? []),
    actions: new Set(actions),
    assets: new Set(assets.map((a) => a.id)),
  };
}

/** Every member of `inner` is in `outer`. */
export function subset(inner: ReadonlySet<string>, outer: ReadonlySet<string>): boolean {
  for (const x of inner) if (!outer.has(x)) return false;
  return true;
}

/** `outer` speaks for everyone, grants every function and names every asset `inner` does. */
export function covers(outer: RuleCoverage, inner: RuleCoverage): boolean {
  return (
    subset(inner.users, outer.users) &&
    subset(inner.devices, outer.devices) &&
    subset(inner.actions, outer.actions) &&
    subset(inner.assets, outer.assets)
  );
}

/**
 * Whenever `b`'s conditions hold, `a`'s hold too: `a` asks nothing `b` does not. An approval is
 * asked of the first rule waiting only for it, so any approval on `b` stands for one on `a`.
 */
export function conditionsImplied(a: Rule, b: Rule): boolean {
  const ca = a.conditions;
  const cb = b.conditions;
  const same = <T>(x: T | undefined, y: T | undefined) => x === undefined || x === y;
  const posture = Object.entries(ca.posture ?? {}).every(([k, v]) => cb.posture?.[k] === v);
  const sources = ca.sources === undefined || cb.sources?.every((x) => ca.sources!.includes(x)) === true;
  return (
    same(ca.mfa, cb.mfa) &&
    same(ca.managedDevice, cb.managedDevice) &&
    posture &&
    same(ca.window, cb.window) &&
    (ca.approval === undefined || cb.approval !== undefined) &&
    sources
  );
}

/** `b` adds no obligation `a` lacks: no shorter session, no recording `a` does not ask for. */
export function obligationsImplied(a: Rule, b: Rule): boolean {
  const ttl = b.obligations.ttlHours === undefined || (a.obligations.ttlHours ?? Infinity) <= b.obligations.ttlHours;
  return ttl && (b.obligations.record !== true || a.obligations.record === true);
}

/** The rule's conditions in words, one per condition, windows spelled out. */
export function conditionTerms(rule: Rule, windows: readonly TimeWindow[]): Map<string, string> {
  const c = rule.conditions;
  const out = new Map<string, string>();
  if (c.mfa !== undefined) out.set('mfa', `mfa ${c.mfa}`);
  if (c.managedDevice !== undefined) out.set('managedDevice', `managedDevice ${c.managedDevice}`);
  for (const [k, v] of Object.entries(c.posture ?? {})) out.set(`posture.${k}`, `posture.${k} ${JSON.stringify(v)}`);
  if (c.window !== undefined) {
    const w = windows.find((x) => x.id === c.window);
    out.set('window', w === undefined ? `window ${c.window}` : windowWords(w));
  }
  if (c.approval !== undefined) out.set('approval', `approval by ${c.approval.by} for ${c.approval.validHours} h`);
  if (c.sources !== undefined) out.set('sources', `sources ${c.sources.join(', ')}`);
  return out;
}

export function windowWords(w: TimeWindow): string {
  return `window ${w.id} (${w.duration} h from ${w.start} h every ${w.every} h)`;
}
