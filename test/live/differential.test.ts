// Differential: for every bundled scenario, design and attack, the (asset, action) pairs a replay
// takes over real connections equal the static blast radius'. A mismatch prints both sides.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayAttack, testbedOptionsFor } from '../../sim/live/replay.js';
import { load, startTestbed, stopAfterEach } from './support.js';

stopAfterEach();

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);

describe.each(files)('%s', (file) => {
  const loaded = load(file);
  const pairs = loaded.scenario.designs.flatMap((d) => loaded.scenario.attacks.map((a) => [d.id, a.id] as const));

  it.each(pairs)('%s under %s: live equals static', async (design, attack) => {
    const bed = await startTestbed(loaded, design, testbedOptionsFor(loaded.attack(attack)));
    const result = await replayAttack(bed, loaded.attack(attack));
    const sides = {
      live: result.live,
      static: result.static,
      onlyLive: result.onlyLive,
      onlyStatic: result.onlyStatic,
    };
    expect(sides, JSON.stringify(sides, null, 1)).toEqual({
      live: sides.live,
      static: sides.static,
      onlyLive: [],
      onlyStatic: [],
    });
    // Every step of the plan got through: nothing was taken by chance from a probe.
    expect(result.attempts.filter((a) => a.kind === 'plan' && !a.ok)).toEqual([]);
  });
});
