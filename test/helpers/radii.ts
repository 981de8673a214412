// The static blast radius of every design × attack of a scenario, and how two such sets compare:
// what the laws on random plants check.
import { staticBlastRadius, type BlastRadius } from '../../sim/metrics/blastRadius.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { parseScenario } from './plants.js';

export type Radii = Map<string, BlastRadius>;

/** Every design × attack of a scenario, keyed "design/attack". */
export function radii(input: ScenarioInput): Radii {
  const scenario = parseScenario(input);
  const model = buildPlantModel(scenario);
  const out: Radii = new Map();
  for (const d of scenario.designs) {
    const access = new AccessLayer(model, d);
    for (const a of scenario.attacks) out.set(`${d.id}/${a.id}`, staticBlastRadius(access, a));
  }
  return out;
}

/** The assets and credentials `a` reaches that `b` does not, per design × attack: "key: x, y". */
export function beyond(a: Radii, b: Radii): string[] {
  const out: string[] = [];
  for (const [key, r] of a) {
    const other = b.get(key)!;
    const assets = new Set(other.assets);
    const credentials = new Set(other.credentials);
    const extra = [...r.assets.filter((x) => !assets.has(x)), ...r.credentials.filter((c) => !credentials.has(c))];
    if (extra.length > 0) out.push(`${key}: ${extra.join(', ')}`);
  }
  return out;
}

/** Does `after` reach fewer assets than `before` for some design × attack? */
export function shrank(before: Radii, after: Radii): boolean {
  return [...before].some(([key, b]) => after.get(key)!.assets.length < b.assets.length);
}
