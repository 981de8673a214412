// Differential on generated plants with random host rules, conduits, credentials and policy: the
// (asset, action) pairs a replay takes over real connections equal the static blast radius', and
// every step of the plan gets through. The plants that first showed a difference come first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayAttack, testbedOptionsFor } from '../../sim/live/replay.js';
import { Testbed } from '../../sim/live/Testbed.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { anyMutation, hostMutation, type Mutation, plantOf, type PlantSpec, plantSpec } from '../helpers/mutations.js';
import { parseScenario } from '../helpers/plants.js';

type Plant = [PlantSpec, Mutation[]];

const FOUND: Plant[] = [
  // An RCE in the historian's SQL server: live gave no host over a service without a logon.
  [
    { assets: 17, lines: 2, seed: 827539 },
    [
      { kind: 'admin-logon', credential: 57 },
      { kind: 'user-exploit', asset: 7, service: 1 },
      { kind: 'phishing', asset: 125 },
    ],
  ],
  // A Modbus write that needs a credential: the live PLC took it without one.
  [
    { assets: 52, lines: 2, seed: 869766 },
    [
      { kind: 'service-auth', asset: 25, service: 1, need: 9 },
      { kind: 'admin-logon', credential: 25 },
    ],
  ],
  // A PLC hidden from scans: the live probes commanded it though nothing named it.
  [
    { assets: 39, lines: 3, seed: 219596 },
    [
      { kind: 'hidden', design: 0, asset: 181 },
      { kind: 'escalation', asset: 10 },
    ],
  ],
  // A controller whose writes name a directory account: live refused the account.
  [
    { assets: 18, lines: 2, seed: 657323 },
    [
      { kind: 'service-auth', asset: 48, service: 3, need: 17 },
      { kind: 'service-auth', asset: 20, service: 1, need: 33 },
    ],
  ],
] as Plant[];

const plants: Plant[] = [
  ...FOUND,
  ...(fc.sample(fc.tuple(plantSpec, fc.array(fc.oneof(hostMutation, anyMutation), { minLength: 2, maxLength: 8 })), {
    numRuns: 8,
    seed: 42,
  }) as Plant[]),
];

describe('live equals static on random plants', () => {
  it.each(plants.map((p, i) => [i, p] as const))('plant %i', async (_i, [spec, mutations]) => {
    const scenario = parseScenario(plantOf(spec, mutations));
    const model = buildPlantModel(scenario);
    const problems: string[] = [];
    for (const design of scenario.designs)
      for (const attack of scenario.attacks) {
        const bed = await Testbed.start(model, design, testbedOptionsFor(attack));
        try {
          const r = await replayAttack(bed, attack);
          const failed = r.attempts
            .filter((a) => a.kind === 'plan' && !a.ok)
            .map((a) => `${a.from} → ${a.to} ${a.action}: ${a.detail}`);
          if (r.onlyLive.length + r.onlyStatic.length + failed.length > 0)
            problems.push(
              `${design.id} × ${attack.id}: ${JSON.stringify({ onlyLive: r.onlyLive, onlyStatic: r.onlyStatic, failed })}`,
            );
        } finally {
          await bed.stop();
        }
      }
    expect(problems, JSON.stringify([spec, mutations])).toEqual([]);
  });
});
