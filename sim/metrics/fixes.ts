// Fixes that matter: every single change that touches the static worst case's attack paths, tried
// on a copy of the scenario and design with the real engine, ranked by how far each shrinks the
// worst case (PLCs first, then assets, then lines).
import type { Fix, WorstCaseSize } from '../contract/results.js';
import { buildPlantModel, type PlantModel } from '../model/plantModel.js';
import type { Attack, Design } from '../model/schema.js';
import { AccessLayer } from '../net/AccessLayer.js';
import { staticBlastRadius, type BlastRadius } from './blastRadius.js';
import { fixCandidates } from './fixCandidates.js';

export interface FixRanking {
  design: string;
  attack: string;
  before: WorstCaseSize;
  /** Single changes tried: every one that touches a step of the worst-case paths. */
  tried: number;
  /** The changes that shrink the worst case, best first. */
  fixes: Fix[];
}

export const sizeOf = (r: BlastRadius): WorstCaseSize => ({
  assets: r.assets.length,
  plcs: r.plcs.length,
  lines: r.lines.length,
});

const KIND_ORDER: Fix['kind'][] = [
  'vulnerability',
  'default-password',
  'cached-credential',
  'conduit-service',
  'vpn-service',
  'vpn-route',
  'rule-approval',
  'rule-action',
  'rule-resource',
];

/** `radius` is the worst case under `design` (computed here when not given). */
export function rankFixes(model: PlantModel, design: Design, attack: Attack, radius?: BlastRadius): FixRanking {
  const before = radius ?? staticBlastRadius(new AccessLayer(model, design), attack);
  const candidates = fixCandidates(model, design, before);
  const fixes: Fix[] = [];
  for (const c of candidates) {
    const changed = c.apply(model.scenario, design);
    const after = staticBlastRadius(
      new AccessLayer(c.plant ? buildPlantModel(changed.scenario) : model, changed.design),
      attack,
    );
    if (after.assets.length >= before.assets.length && after.plcs.length >= before.plcs.length) continue;
    const still = new Set(after.plcs);
    fixes.push({
      kind: c.kind,
      change: c.change,
      on: c.on,
      before: sizeOf(before),
      after: sizeOf(after),
      plcsSaved: before.plcs.filter((p) => !still.has(p)),
    });
  }
  fixes.sort(
    (a, b) =>
      a.after.plcs - b.after.plcs ||
      a.after.assets - b.after.assets ||
      a.after.lines - b.after.lines ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  return { design: design.id, attack: attack.id, before: sizeOf(before), tried: candidates.length, fixes };
}
