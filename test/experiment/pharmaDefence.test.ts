// On the bundled pharma plant, detection and response change outcomes: under a stolen vendor VPN
// password, vpn-segmented's bundled playbook turns a more sensitive OT IDS, or a faster triage,
// into a lower production loss beyond noise (docs/scenarios.md quotes both sweeps).
import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../sim/experiment/runExperiment.js';
import { pairedDifference } from '../../sim/metrics/statistics.js';
import type { Design } from '../../sim/model/schema.js';
import { pharma } from './pharma.js';

const { model, scenario } = pharma();
const segmented = scenario.designs.find((d) => d.id === 'vpn-segmented')!;
const attack = scenario.attacks.find((a) => a.id === 'stolen-vendor-credential')!;

/** Production loss run by run, 200 runs on seeds 1:i, as `segsim sweep … --runs 200 --seed 1` runs them. */
const losses = (design: Design) =>
  runExperiment(model, { designs: [design], attack, runs: 200, seed: 1 }).designs[0]!.records.map(
    (r) => r.metrics.productionLoss,
  );

describe('pharma, vpn-segmented under a stolen vendor VPN password', () => {
  it('loses less when its OT IDS notices every industrial command instead of none', () => {
    const ids = segmented.sensors.findIndex((s) => s.kind === 'ot-ids');
    expect(ids).toBe(2); // the sweep in the docs sets sensors.2
    const withIds = (probability: number): Design => ({
      ...segmented,
      sensors: segmented.sensors.map((s, i) => (i === ids ? { ...s, probability } : s)),
    });
    const ci = pairedDifference(losses(withIds(1)), losses(withIds(0))).ci95!;
    expect(ci[1]).toBeLessThan(0);
  });

  it('loses less when triage takes half an hour instead of two days', () => {
    const within = (hours: number): Design => ({
      ...segmented,
      response: { ...segmented.response!, time: { dist: 'constant', value: hours } },
    });
    const ci = pairedDifference(losses(within(0.5)), losses(within(48))).ci95!;
    expect(ci[1]).toBeLessThan(0);
  });
});
