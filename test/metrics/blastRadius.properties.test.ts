// Laws of the static blast radius on random generated plants with random edits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { attackSchema } from '../../sim/model/schema.js';
import {
  anyMutation,
  applyMutation,
  applyRemoval,
  conduitMutation,
  credentialMutation,
  plantOf,
  plantSpec,
  removal,
  ruleMutation,
} from '../helpers/mutations.js';
import { parseScenario } from '../helpers/plants.js';
import { beyond, radii } from '../helpers/radii.js';
import { replayPaths, someRuleNames } from '../helpers/replay.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

const clone = (s: ScenarioInput): ScenarioInput => structuredClone(s);

describe('static blast radius: laws on random plants', () => {
  it('adding a conduit or a credential never shrinks it', () => {
    fc.assert(
      fc.property(
        plantSpec,
        fc.array(anyMutation, { maxLength: 3 }),
        fc.oneof(conduitMutation, credentialMutation),
        (spec, base, added) => {
          const before = plantOf(spec, base);
          const after = clone(before);
          applyMutation(after, added, 99);
          expect(beyond(radii(before), radii(after)), 'lost').toEqual([]);
        },
      ),
      RUNS,
    );
  });

  it('removing a conduit or a credential never grows it', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 3 }), removal, (spec, base, taken) => {
        const before = plantOf(spec, base);
        const after = clone(before);
        const what = applyRemoval(after, taken);
        fc.pre(what !== null);
        expect(beyond(radii(after), radii(before)), `gained after ${String(what)}`).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is empty when the initial access opens nothing', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 3 }), (spec, base) => {
        const input = plantOf(spec, base);
        input.identities!.credentials!.push({ id: 'opens-nothing', kind: 'host-logon', opens: [] });
        const scenario = parseScenario(input);
        const model = buildPlantModel(scenario);
        const useless = attackSchema.parse({
          id: 'useless',
          initialAccess: { kind: 'stolen-credential', credential: 'opens-nothing' },
        });
        // The shared vendor VPN password is no way in where there is no VPN.
        const vendorVpn = scenario.attacks.find((a) => a.id === 'stolen-vendor-credential')!;
        for (const design of scenario.designs) {
          const access = new AccessLayer(model, design);
          const r = staticBlastRadius(access, useless);
          expect(r).toMatchObject({ assets: [], plcs: [], lines: [], lowestLevel: null, footholds: [], paths: {} });
          if (design.vpn === undefined) expect(staticBlastRadius(access, vendorVpn).assets).toEqual([]);
        }
      }),
      RUNS,
    );
  });

  it('every path step is allowed by the access layer when replayed on its own', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 4 }), (spec, mutations) => {
        const scenario = parseScenario(plantOf(spec, mutations));
        const model = buildPlantModel(scenario);
        for (const design of scenario.designs) {
          const access = new AccessLayer(model, design);
          for (const attack of scenario.attacks) {
            const r = staticBlastRadius(access, attack);
            expect(Object.keys(r.paths)).toEqual(r.assets);
            expect(replayPaths(access, attack, r).problems, `${design.id}/${attack.id}`).toEqual([]);
          }
        }
      }),
      RUNS,
    );
  });

  it('a brokered session cannot scan: it only reaches assets some allow rule names for its subject', () => {
    let brokeredSteps = 0;
    fc.assert(
      fc.property(
        plantSpec,
        fc.array(ruleMutation, { minLength: 1, maxLength: 4 }),
        fc.array(anyMutation, { maxLength: 2 }),
        (spec, rules, others) => {
          const scenario = parseScenario(plantOf(spec, [...rules, ...others]));
          const model = buildPlantModel(scenario);
          const zt = scenario.designs.find((d) => d.id === 'zt')!;
          const access = new AccessLayer(model, zt);
          for (const attack of scenario.attacks) {
            const r = staticBlastRadius(access, attack);
            for (const { step, origin } of replayPaths(access, attack, r).brokered) {
              brokeredSteps++;
              expect(someRuleNames(access, origin, step.to), `${attack.id}: ${step.from} → ${step.to}`).toBe(true);
            }
          }
        },
      ),
      RUNS,
    );
    // The property must have been exercised, not vacuously true.
    expect(brokeredSteps).toBeGreaterThan(20);
  });
});
