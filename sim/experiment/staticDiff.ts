// The static worst case of one attack under one design in two versions of a scenario: the assets,
// controllers and lines the attacker gains or loses, with the attack path to each.
import { staticBlastRadius, type BlastRadius, type PathStep } from '../metrics/blastRadius.js';
import type { PlantModel } from '../model/plantModel.js';
import type { Attack, Design } from '../model/schema.js';
import { AccessLayer } from '../net/AccessLayer.js';

export interface ReachChange {
  asset: string;
  controller: boolean;
  /** The attack path in the version where the asset is reachable. */
  path: PathStep[];
}

export interface StaticSummary {
  assets: number;
  plcs: number;
  lines: string[];
  lowestLevel: number | null;
}

export interface StaticChange {
  design: string;
  attack: string;
  old: StaticSummary;
  new: StaticSummary;
  gained: ReachChange[];
  lost: ReachChange[];
  linesGained: string[];
  linesLost: string[];
  /** More assets or controllers than the tolerance allows, or any line gained. */
  worse: boolean;
}

export interface StaticSide {
  model: PlantModel;
  design: Design;
  attack: Attack;
}

export function diffStatic(old: StaticSide, next: StaticSide, tolerance: number): StaticChange {
  const a = staticBlastRadius(new AccessLayer(old.model, old.design), old.attack);
  const b = staticBlastRadius(new AccessLayer(next.model, next.design), next.attack);
  const reach = (from: BlastRadius, other: BlastRadius): ReachChange[] =>
    from.assets
      .filter((x) => !other.assets.includes(x))
      .map((asset) => ({ asset, controller: from.plcs.includes(asset), path: from.paths[asset] ?? [] }));
  const linesGained = b.lines.filter((l) => !a.lines.includes(l));
  return {
    design: next.design.id,
    attack: next.attack.id,
    old: summary(a),
    new: summary(b),
    gained: reach(b, a),
    lost: reach(a, b),
    linesGained,
    linesLost: a.lines.filter((l) => !b.lines.includes(l)),
    worse:
      beyond(a.assets.length, b.assets.length, tolerance) ||
      beyond(a.plcs.length, b.plcs.length, tolerance) ||
      linesGained.length > 0,
  };
}

/** `after` exceeds `before` by more than the tolerance, a fraction of `before` (any rise from zero). */
export function beyond(before: number, after: number, tolerance: number): boolean {
  return after > before && after - before > tolerance * Math.abs(before);
}

function summary(r: BlastRadius): StaticSummary {
  return { assets: r.assets.length, plcs: r.plcs.length, lines: r.lines, lowestLevel: r.lowestLevel };
}
