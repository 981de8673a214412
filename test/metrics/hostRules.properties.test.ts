// Laws of the static blast radius under what hosts enforce and hold, on random generated plants:
// asking more of a service, a host firewall, fewer cached credentials or documents never widen it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/model/schema.js';
import {
  anyMutation,
  applyHostRemoval,
  applyMutation,
  firewallMutation,
  hostMutation,
  hostRemoval,
  type Mutation,
  plantOf,
  plantSpec,
  serviceAuthMutation,
} from '../helpers/mutations.js';
import { beyond, radii, shrank } from '../helpers/radii.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) };

const base = fc.tuple(plantSpec, fc.array(fc.oneof(anyMutation, hostMutation), { maxLength: 5 }));

/** An edit on a plant, in place; returns what it did, or null when the plant has nothing it applies to. */
type Edit<T> = (input: ScenarioInput, edit: T) => string | null;

/** Adds a host rule: the mutation generators give only edits `applyMutation` takes. */
const add: Edit<unknown> = (input, edit) => {
  applyMutation(input, edit as Mutation, 99);
  return JSON.stringify(edit);
};

type Law = [name: string, edits: fc.Arbitrary<unknown>, apply: Edit<unknown>, examples: [unknown, unknown][]];

const laws: Law[] = [
  ['asking a credential of a write that needed none never grows it', serviceAuthMutation, add, []],
  ['a host firewall never grows it', firewallMutation, add, []],
  [
    'removing a cached credential or a document never grows it',
    hostRemoval,
    applyHostRemoval as Edit<unknown>,
    // Once found on CI: a user logon on an HMI got in before the RDP exploit that reads its admin-only cache.
    [
      [
        [
          { assets: 56, lines: 2, seed: 991245 },
          [
            { kind: 'cached', asset: 148, credential: 0, admin: true },
            { kind: 'phishing', asset: 0 },
          ],
        ],
        { kind: 'cached', asset: 0, index: 0 },
      ],
    ],
  ],
];

describe('static blast radius: laws of host security on random plants', () => {
  for (const [law, edits, apply, examples] of laws)
    it(law, () => {
      // Counted so that a law that never bites fails as vacuous.
      let bit = 0;
      fc.assert(
        fc.property(base, edits, ([spec, mutations], edit) => {
          const before = plantOf(spec, mutations);
          const after = structuredClone(before);
          const what = apply(after, edit);
          fc.pre(what !== null);
          const [b, a] = [radii(before), radii(after)];
          expect(beyond(a, b), `gained after ${what}`).toEqual([]);
          if (shrank(b, a)) bit++;
        }),
        { ...RUNS, examples: examples as never },
      );
      expect(bit).toBeGreaterThan(0);
    });
});
