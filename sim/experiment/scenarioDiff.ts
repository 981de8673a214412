// Two versions of a scenario compared for an architect's review: for every design and attack present
// in both, the policy changes, the static worst case and (with runs) every headline metric on the
// same seeds, and a verdict: is anything worse than the tolerance allows?
import type { PlantModel } from '../model/plantModel.js';
import type { Scenario } from '../model/schema.js';
import { canonicalJson } from '../policy/canonicalJson.js';
import type { IssuePath } from '../scenario/issues.js';
import { diffRuns, type RunsChange } from './metricDiff.js';
import { diffPolicy, linesOpened, type LineOpened, type RuleChange } from './policyDiff.js';
import { diffStatic, type StaticChange } from './staticDiff.js';

export interface DiffSide {
  /** As the user named it: a file, or git:REV:path. */
  name: string;
  model: PlantModel;
}

export interface IdChanges {
  common: string[];
  added: string[];
  removed: string[];
}

/** `file:line:col` of a field in one version. */
export type Locator = (side: 'old' | 'new', path: IssuePath) => string;

export interface DiffOptions {
  tolerance: number;
  /** Monte Carlo runs per design, attack and version; none: static and policy changes only. */
  runs?: number;
  seed?: number | string;
  locate?: Locator;
  onProgress?: (done: number, total: number) => void;
  /** Called as a phase starts: "static worst cases", then "runs" when there are any. */
  onPhase?: (phase: string) => void;
}

export interface Located<T> {
  change: T;
  /** `file:line:col`, when a locator was given. */
  at: string | null;
}

export interface ScenarioDiff {
  old: string;
  new: string;
  tolerance: number;
  designs: IdChanges;
  attacks: IdChanges;
  policy: { design: string; rules: Located<RuleChange>[] }[];
  linesOpened: Located<LineOpened>[];
  static: StaticChange[];
  runs: { runs: number; seed: number | string; changes: RunsChange[] } | null;
  /** Parts of the scenario whose content differs: `plant.assets`, `designs.zt`, `windows`… */
  sections: string[];
  /** What is worse, in words; empty when nothing is. */
  worse: string[];
  /** Some policy, static worst case or metric moved. */
  changed: boolean;
}

export function diffScenarios(old: DiffSide, next: DiffSide, options: DiffOptions): ScenarioDiff {
  const [so, sn] = [old.model.scenario, next.model.scenario];
  const designs = idChanges(so.designs, sn.designs);
  const attacks = idChanges(so.attacks, sn.attacks);
  const at = (side: 'old' | 'new', path: IssuePath) => options.locate?.(side, path) ?? null;
  const sideOf = (side: DiffSide, id: string) => {
    const index = side.model.scenario.designs.findIndex((d) => d.id === id);
    return { model: side.model, design: side.model.scenario.designs[index]!, index };
  };
  const attackOf = (side: DiffSide, id: string) => side.model.scenario.attacks.find((a) => a.id === id)!;

  const policy = designs.common
    .map((id) => ({
      design: id,
      rules: diffPolicy(sideOf(old, id), sideOf(next, id)).map((change) => ({
        change,
        at: at(change.kind === 'removed' ? 'old' : 'new', change.path),
      })),
    }))
    .filter((p) => p.rules.length > 0);
  const opened = designs.common.flatMap((id) =>
    linesOpened(sideOf(old, id), sideOf(next, id)).map((change) => ({ change, at: at('new', change.path) })),
  );
  options.onPhase?.('static worst cases');
  const statics = designs.common.flatMap((d) =>
    attacks.common.map((a) =>
      diffStatic(
        { ...sideOf(old, d), attack: attackOf(old, a) },
        { ...sideOf(next, d), attack: attackOf(next, a) },
        options.tolerance,
      ),
    ),
  );
  if (options.runs !== undefined) options.onPhase?.('runs');
  const runs = options.runs === undefined ? null : runAll(old, next, designs.common, attacks.common, options);

  const worse = [
    ...opened.map(
      ({ change: o }) => `${o.design}: ${o.org} user ${o.user} now reaches line ${o.line} (${o.rules.join(', ')})`,
    ),
    ...statics.filter((s) => s.worse).map((s) => `${s.design} × ${s.attack}: static worst case ${staticWords(s)}`),
    ...(runs?.changes ?? []).flatMap((r) =>
      r.metrics.filter((m) => m.verdict === 'worse').map((m) => `${r.design} × ${r.attack}: ${m.label} worse`),
    ),
  ];
  const changed =
    designs.added.length + designs.removed.length + attacks.added.length + attacks.removed.length > 0 ||
    policy.length > 0 ||
    statics.some((s) => s.gained.length + s.lost.length > 0) ||
    (runs?.changes ?? []).some((r) => r.metrics.some((m) => m.difference.mean !== 0 && m.difference.mean !== null));
  return {
    old: old.name,
    new: next.name,
    tolerance: options.tolerance,
    designs,
    attacks,
    policy,
    linesOpened: opened,
    static: statics,
    runs,
    sections: changedSections(so, sn),
    worse,
    changed,
  };
}

/** Top-level parts that differ; designs and attacks by id. */
export function changedSections(a: Scenario, b: Scenario): string[] {
  const same = (x: unknown, y: unknown) => canonicalJson(x ?? null) === canonicalJson(y ?? null);
  const out: string[] = [];
  for (const key of Object.keys(b) as (keyof Scenario)[]) {
    if (key === 'designs' || key === 'attacks') {
      const before = new Map(a[key].map((x) => [x.id, x]));
      for (const x of b[key]) if (before.has(x.id) && !same(before.get(x.id), x)) out.push(`${key}.${x.id}`);
    } else if (key === 'plant' || key === 'identities') {
      for (const part of Object.keys(b[key]))
        if (!same((a[key] as Record<string, unknown>)[part], (b[key] as Record<string, unknown>)[part]))
          out.push(`${key}.${part}`);
    } else if (!same(a[key], b[key])) out.push(key);
  }
  return out;
}

function runAll(old: DiffSide, next: DiffSide, designs: string[], attacks: string[], options: DiffOptions) {
  const runs = options.runs!;
  const seed = options.seed ?? 1;
  const total = runs * designs.length * attacks.length * 2;
  const pick = (side: DiffSide) => designs.map((id) => side.model.scenario.designs.find((d) => d.id === id)!);
  const changes: RunsChange[] = [];
  attacks.forEach((id, k) => {
    const before = k * runs * designs.length * 2;
    const attackOf = (side: DiffSide) => side.model.scenario.attacks.find((a) => a.id === id)!;
    changes.push(
      ...diffRuns(
        { model: old.model, designs: pick(old), attack: attackOf(old) },
        { model: next.model, designs: pick(next), attack: attackOf(next) },
        { runs, seed, tolerance: options.tolerance, onProgress: (done) => options.onProgress?.(before + done, total) },
      ),
    );
  });
  // Design by design, then attack by attack, as the static changes are listed.
  const order = (c: RunsChange) => designs.indexOf(c.design) * attacks.length + attacks.indexOf(c.attack);
  return { runs, seed, changes: changes.sort((a, b) => order(a) - order(b)) };
}

export function staticWords(s: StaticChange): string {
  const parts = [`${s.old.assets} → ${s.new.assets} assets`, `${s.old.plcs} → ${s.new.plcs} controllers`];
  if (s.linesGained.length > 0) parts.push(`lines gained: ${s.linesGained.join(', ')}`);
  return parts.join(', ');
}

function idChanges(a: readonly { id: string }[], b: readonly { id: string }[]): IdChanges {
  const before = new Set(a.map((x) => x.id));
  const after = new Set(b.map((x) => x.id));
  return {
    common: b.filter((x) => before.has(x.id)).map((x) => x.id),
    added: b.filter((x) => !before.has(x.id)).map((x) => x.id),
    removed: a.filter((x) => !after.has(x.id)).map((x) => x.id),
  };
}
