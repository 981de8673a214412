// How a design's zero-trust policy changed between two versions of a scenario, rule by rule (by id):
// added, removed, widened (more people, functions, assets or looser conditions), narrowed, or both.
// Rules are compared by what they cover in each version's plant, so a rewritten selector that
// names the same assets is no change. Also: lines a vendor or integrator reaches that it did not.
import type { PlantModel } from '../model/plantModel.js';
import type { Design, Rule, TimeWindow } from '../model/schema.js';
import type { IssuePath } from '../scenario/issues.js';
import { conditionTerms, ruleCoverage, type RuleCoverage } from './policyCoverage.js';

export type RuleChangeKind = 'added' | 'removed' | 'widened' | 'narrowed' | 'changed';

export interface FieldChange {
  field: 'effect' | 'subjects' | 'actions' | 'resources' | 'conditions' | 'obligations';
  gained: string[];
  lost: string[];
}

export interface RuleChange {
  rule: string;
  effect: 'allow' | 'deny';
  kind: RuleChangeKind;
  fields: FieldChange[];
  /** The change gives someone more access than before (reported; the verdict rests on its effects). */
  opens: boolean;
  /** Where the rule stands: in the new version, or the old one for a removed rule. */
  path: IssuePath;
}

export interface PolicySide {
  model: PlantModel;
  design: Design;
  /** The design's index in its scenario, for field paths. */
  index: number;
}

/** A vendor or integrator user reaching assets on a line none of its rules reached before. */
export interface LineOpened {
  design: string;
  user: string;
  org: string;
  line: string;
  /** Allow rules of the new version that open the line to the user. */
  rules: string[];
  path: IssuePath;
}

const EXTERNAL = new Set(['oem', 'integrator']);

export function diffPolicy(old: PolicySide, next: PolicySide): RuleChange[] {
  const rulesOf = (s: PolicySide) => s.design.zt?.policy.rules ?? [];
  const rulePath = (s: PolicySide, j: number): IssuePath => ['designs', s.index, 'zt', 'policy', 'rules', j, 'id'];
  const before = new Map(rulesOf(old).map((r, j) => [r.id, { rule: r, j }]));
  const after = new Map(rulesOf(next).map((r, j) => [r.id, { rule: r, j }]));
  const out: RuleChange[] = [];
  for (const [id, { rule, j }] of after) {
    const was = before.get(id);
    if (was === undefined) {
      out.push({
        rule: id,
        effect: rule.effect,
        kind: 'added',
        fields: [],
        opens: rule.effect === 'allow',
        path: rulePath(next, j),
      });
      continue;
    }
    const change = compareRule(old, was.rule, next, rule);
    if (change !== null) out.push({ rule: id, effect: rule.effect, ...change, path: rulePath(next, j) });
  }
  for (const [id, { rule, j }] of before)
    if (!after.has(id))
      out.push({
        rule: id,
        effect: rule.effect,
        kind: 'removed',
        fields: [],
        opens: rule.effect === 'deny',
        path: rulePath(old, j),
      });
  return out;
}

function compareRule(
  oldSide: PolicySide,
  a: Rule,
  newSide: PolicySide,
  b: Rule,
): Pick<RuleChange, 'kind' | 'fields' | 'opens'> | null {
  const ca = ruleCoverage(oldSide.model, a);
  const cb = ruleCoverage(newSide.model, b);
  const fields: FieldChange[] = [];
  let wider = false;
  let narrower = false;
  const sets = (field: FieldChange['field'], x: ReadonlySet<string>, y: ReadonlySet<string>) => {
    const gained = [...y].filter((v) => !x.has(v));
    const lost = [...x].filter((v) => !y.has(v));
    if (gained.length + lost.length === 0) return;
    fields.push({ field, gained, lost });
    wider ||= gained.length > 0;
    narrower ||= lost.length > 0;
  };
  if (a.effect !== b.effect) fields.push({ field: 'effect', gained: [b.effect], lost: [a.effect] });
  sets('subjects', subjects(ca), subjects(cb));
  sets('actions', ca.actions, cb.actions);
  sets('resources', ca.assets, cb.assets);
  const conditions = compareConditions(a, oldSide.model.scenario.windows, b, newSide.model.scenario.windows);
  if (conditions !== null) {
    fields.push(conditions.field);
    wider ||= conditions.looser;
    narrower ||= conditions.stricter;
  }
  const obligations = compareObligations(a, b);
  if (obligations !== null) {
    fields.push(obligations.field);
    wider ||= obligations.looser;
    narrower ||= obligations.stricter;
  }
  if (fields.length === 0) return null;
  const kind: RuleChangeKind = wider && narrower ? 'changed' : wider ? 'widened' : narrower ? 'narrowed' : 'changed';
  // A rule that grants more, a deny that covers less, or a deny turned allow opens something.
  const opens = b.effect === 'allow' ? wider || a.effect === 'deny' : narrower;
  return { kind, fields, opens };
}

function subjects(c: RuleCoverage): Set<string> {
  return new Set([...c.users, ...c.devices]);
}

interface Compared {
  field: FieldChange;
  looser: boolean;
  stricter: boolean;
}

/** Conditions are AND-ed: one dropped loosens, one added tightens, one changed is judged by its kind. */
function compareConditions(a: Rule, wa: readonly TimeWindow[], b: Rule, wb: readonly TimeWindow[]): Compared | null {
  const ta = conditionTerms(a, wa);
  const tb = conditionTerms(b, wb);
  const gained: string[] = [];
  const lost: string[] = [];
  let looser = false;
  let stricter = false;
  for (const key of new Set([...ta.keys(), ...tb.keys()])) {
    const [x, y] = [ta.get(key), tb.get(key)];
    if (x === y) continue;
    if (x !== undefined) lost.push(x);
    if (y !== undefined) gained.push(y);
    const way = x === undefined ? 'stricter' : y === undefined ? 'looser' : direction(key, a, wa, b, wb);
    looser ||= way === 'looser';
    stricter ||= way === 'stricter';
  }
  if (gained.length + lost.length === 0) return null;
  return { field: { field: 'conditions', gained, lost }, looser, stricter };
}

/** Both versions ask the condition, differently: does the new one let more through? */
function direction(
  key: string,
  a: Rule,
  wa: readonly TimeWindow[],
  b: Rule,
  wb: readonly TimeWindow[],
): 'looser' | 'stricter' | 'changed' {
  const [ca, cb] = [a.conditions, b.conditions];
  const compare = (x: number, y: number) => (y > x ? 'looser' : y < x ? 'stricter' : 'changed');
  if (key === 'window') {
    const open = (w: TimeWindow | undefined) => (w === undefined ? 0 : Math.min(1, w.duration / w.every));
    return compare(open(wa.find((w) => w.id === ca.window)), open(wb.find((w) => w.id === cb.window)));
  }
  if (key === 'approval' && ca.approval!.by === cb.approval!.by)
    return compare(ca.approval!.validHours, cb.approval!.validHours);
  if (key === 'sources') {
    const [x, y] = [new Set(ca.sources), new Set(cb.sources)];
    if ([...x].every((s) => y.has(s))) return 'looser';
    if ([...y].every((s) => x.has(s))) return 'stricter';
  }
  return 'changed';
}

/** A longer session or no recording asks less of the grant. */
function compareObligations(a: Rule, b: Rule): Compared | null {
  const words = (r: Rule) =>
    [
      r.obligations.ttlHours === undefined ? undefined : `session at most ${r.obligations.ttlHours} h`,
      r.obligations.record === true ? 'recorded' : undefined,
    ].filter((x): x is string => x !== undefined);
  const [wa, wb] = [words(a), words(b)];
  const gained = wb.filter((w) => !wa.includes(w));
  const lost = wa.filter((w) => !wb.includes(w));
  if (gained.length + lost.length === 0) return null;
  const ttl = (r: Rule) => r.obligations.ttlHours ?? Infinity;
  const looser = ttl(b) > ttl(a) || (a.obligations.record === true && b.obligations.record !== true);
  const stricter = ttl(b) < ttl(a) || (a.obligations.record !== true && b.obligations.record === true);
  return { field: { field: 'obligations', gained, lost }, looser, stricter };
}

/** Lines each vendor or integrator user reaches through the design's allow rules. */
function vendorLines(side: PolicySide): Map<string, Map<string, string[]>> {
  const { model } = side;
  const lineOf = new Map(model.assets.map((a) => [a.id, a.line >= 0 ? model.lines[a.line]!.id : undefined]));
  const out = new Map<string, Map<string, string[]>>(); // user → line → rules
  for (const rule of side.design.zt?.policy.rules ?? []) {
    if (rule.effect !== 'allow') continue;
    const c = ruleCoverage(model, rule);
    for (const user of model.users) {
      if (!EXTERNAL.has(user.org)) continue;
      const ownDevice = model.devices.some((d) => d.owner === user.id && c.devices.has(d.id));
      if (!c.users.has(user.id) && !ownDevice) continue;
      const lines = out.get(user.id) ?? new Map<string, string[]>();
      for (const asset of c.assets) {
        const line = lineOf.get(asset);
        if (line !== undefined) lines.set(line, [...new Set([...(lines.get(line) ?? []), rule.id])]);
      }
      out.set(user.id, lines);
    }
  }
  return out;
}

export function linesOpened(old: PolicySide, next: PolicySide): LineOpened[] {
  const before = vendorLines(old);
  const rules = next.design.zt?.policy.rules ?? [];
  const out: LineOpened[] = [];
  for (const [user, lines] of vendorLines(next)) {
    const org = next.model.users.find((u) => u.id === user)!.org;
    for (const [line, ids] of lines) {
      if (before.get(user)?.has(line)) continue;
      const j = rules.findIndex((r) => r.id === ids[0]);
      out.push({
        design: next.design.id,
        user,
        org,
        line,
        rules: ids,
        path: ['designs', next.index, 'zt', 'policy', 'rules', j, 'resources'],
      });
    }
  }
  return out;
}
