// Laws of the static blast radius under what hosts enforce and hold, on random generated plants:
// asking more of a service, a host firewall, fewer cached credentials or documents never widen it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius, type BlastRadius } from '../../sim/metrics/blastRadius.js';
import type { Scenario, ScenarioInput } from '../../sim/model/schema.js';
import {
  anyMutation,
  applyHostRemoval,
  applyMutation,
  firewallMutation,
  hostMutation,
  hostRemoval,
  plantOf,
  plantSpec,
  serviceAuthMutation,
} from '../helpers/mutations.js';
import { parseScenario } from '../helpers/plants.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

function radii(scenario: Scenario): Map<string, BlastRadius> {
  const model = buildPlantModel(scenario);
  const out = new Map<string, BlastRadius>();
  for (const d of scenario.designs) {
    const access = new AccessLayer(model, d);
    for (const a of scenario.attacks) out.set(`${d.id}/${a.id}`, staticBlastRadius(access, a));
  }
  return out;
}

/** What `after` reaches that `before` does not, per design × attack. */
function grown(before: Map<string, BlastRadius>, after: Map<string, BlastRadius>): string[] {
  const out: string[] = [];
  for (const [key, a] of after) {
    const b = before.get(key)!;
    const extra = [
      ...a.assets.filter((x) => !b.assets.includes(x)),
      ...a.credentials.filter((x) => !b.credentials.includes(x)),
    ];
    if (extra.length > 0) out.push(`${key}: gained ${extra.join(', ')}`);
  }
  return out;
}

const base = fc.tuple(plantSpec, fc.array(fc.oneof(anyMutation, hostMutation), { maxLength: 5 }));

/** Did the edit take anything away somewhere? Counted so a law that never bites fails as vacuous. */
function shrank(before: Map<string, BlastRadius>, after: Map<string, BlastRadius>): boolean {
  return [...before].some(([key, b]) => after.get(key)!.assets.length < b.assets.length);
}

/** The edited plant never reaches more than the plant before the edit; returns whether it reached less. */
function checkNeverGrows(before: ScenarioInput, after: ScenarioInput, what: string): boolean {
  const [b, a] = [radii(parseScenario(before)), radii(parseScenario(after))];
  expect(grown(b, a), what).toEqual([]);
  return shrank(b, a);
}

describe('static blast radius: laws of host security on random plants', () => {
  it('asking a credential of a write that needed none never grows it', () => {
    let bit = 0;
    fc.assert(
      fc.property(base, serviceAuthMutation, ([spec, mutations], added) => {
        const before = plantOf(spec, mutations);
        const after = structuredClone(before);
        applyMutation(after, added, 99);
        if (checkNeverGrows(before, after, JSON.stringify(added))) bit++;
      }),
      RUNS,
    );
    expect(bit).toBeGreaterThan(0);
  });

  it('a host firewall never grows it', () => {
    let bit = 0;
    fc.assert(
      fc.property(base, firewallMutation, ([spec, mutations], added) => {
        const before = plantOf(spec, mutations);
        const after = structuredClone(before);
        applyMutation(after, added, 99);
        if (checkNeverGrows(before, after, JSON.stringify(added))) bit++;
      }),
      RUNS,
    );
    expect(bit).toBeGreaterThan(0);
  });

  it('removing a cached credential or a document never grows it', () => {
    let bit = 0;
    fc.assert(
      fc.property(base, hostRemoval, ([spec, mutations], removal) => {
        const before = plantOf(spec, mutations);
        const after = structuredClone(before);
        const what = applyHostRemoval(after, removal);
        fc.pre(what !== null);
        if (checkNeverGrows(before, after, what!)) bit++;
      }),
      RUNS,
    );
    expect(bit).toBeGreaterThan(0);
  });
});
