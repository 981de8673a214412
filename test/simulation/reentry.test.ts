// Containment is not the end: an attacker whose way in nobody closed comes back, and a line back in
// production can be hit again. Rotating the stolen credential closes that way.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { type DesignInput, layerOf, parseScenario } from '../helpers/plants.js';

/** A VPN that routes the control zone: the stolen shared account writes to the PLC directly. */
function plant(playbook: NonNullable<DesignInput['response']>['playbook']): ScenarioInput {
  return {
    horizonHours: 240,
    plant: {
      zones: [
        { id: 'dmz', level: 3.5, subnet: '10.35.0.0/24' },
        { id: 'ctl', level: 1, subnet: '10.1.0.0/24' },
      ],
      lines: [{ id: 'line1', valuePerHour: 1000, recoveryHours: 4 }],
      assets: [
        { id: 'vpn-gw', kind: 'vpn-concentrator', zone: 'dmz', ip: '10.35.0.1', services: ['https'] },
        { id: 'plc', kind: 'plc', zone: 'ctl', line: 'line1', ip: '10.1.0.10', services: ['modbus'] },
      ],
    },
    identities: { credentials: [{ id: 'vendor-vpn', kind: 'vpn-account' }] },
    designs: [
      {
        id: 'd',
        vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['ctl'], accounts: ['vendor-vpn'] },
        sensors: [{ kind: 'vpn-log', probability: 1, delay: 0.5 }],
        // The concentrator goes off for six hours, long enough to cut the tunnel.
        response: { time: 1, playbook },
      },
    ],
    attacks: [{ id: 'stolen', initialAccess: { kind: 'stolen-credential', credential: 'vendor-vpn', at: 1 } }],
  };
}

function runs(playbook: NonNullable<DesignInput['response']>['playbook'], n = 40) {
  const scenario = parseScenario(plant(playbook));
  const { model, access } = layerOf(scenario);
  return Array.from(
    { length: n },
    (_, i) => runSimulation(model, access, scenario.attacks[0]!, { seed: i + 1 }).result,
  );
}

const shutForSixHours = { action: 'shut-vpn', duration: 6 } as const;

describe('re-entry', () => {
  it('without rotation the attacker comes back in some runs and takes the recovered line down again', () => {
    const results = runs([shutForSixHours]);
    const back = results.filter((r) => r.trace.some((e) => e.type === 'attack.reentry'));
    expect(back.length).toBeGreaterThan(0);
    const twice = back.find((r) => r.trace.filter((e) => e.type === 'attack.impact').length === 2)!;
    expect(twice).toBeDefined();
    // Production loss counts both outages: from each impact to its recovery (or the horizon).
    const downs = twice.trace.filter((e) => e.type === 'attack.impact').map((e) => e.t);
    const ups = twice.trace.filter((e) => e.type === 'line.recovered').map((e) => e.t);
    const hours = downs.reduce((sum, down, i) => sum + (ups[i] ?? twice.horizonHours) - down, 0);
    expect(twice.metrics.productionLoss).toBe(Math.round(hours * 1000));
    expect(twice.metrics.linesImpacted).toBe(1);
    expect(twice.metrics.timeToContainmentHours).toBeLessThan(downs[1]!);
  });

  it('a response that rotates the stolen credential leaves no way back in any run', () => {
    const results = runs([shutForSixHours, { action: 'rotate-credentials' }]);
    // The VPN log sees the login in most runs, not all: the contained ones are the test.
    expect(results.filter((r) => r.metrics.timeToContainmentHours !== null).length).toBeGreaterThan(results.length / 2);
    expect(results.filter((r) => r.trace.some((e) => e.type === 'attack.reentry'))).toEqual([]);
    expect(results.every((r) => r.trace.filter((e) => e.type === 'attack.impact').length <= 1)).toBe(true);
  });
});
