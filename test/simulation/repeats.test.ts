// No pointless repeats: the attacker never spends an action that cannot give it anything new,
// whatever its strategy — a leak of credentials it holds, a refusal nothing has changed since.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/model/schema.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { layerOf, parseScenario } from '../helpers/plants.js';

/**
 * h0 (phished) … h11 in one zone, each caching the logon of the next; the first logon is only to
 * be had from `leaky`'s credential-leak flaw. Every step is certain, so every action counted is a
 * choice, not a retry of bad luck.
 */
function chain(strategy: 'spread' | 'targeted' | 'greedy'): ScenarioInput {
  const n = 12;
  return {
    horizonHours: 500,
    plant: {
      zones: [{ id: 'z', level: 3, subnet: '10.1.0.0/24' }],
      lines: [{ id: 'end', valuePerHour: 1 }],
      assets: [
        ...Array.from({ length: n }, (_, i) => ({
          id: `h${i}`,
          kind: 'server' as const,
          zone: 'z',
          ip: `10.1.0.${10 + i}`,
          services: ['ssh' as const],
          credentials: i > 0 && i + 1 < n ? [`c${i + 1}`] : [],
          ...(i === n - 1 ? { line: 'end' } : {}),
        })),
        {
          id: 'leaky',
          kind: 'server',
          zone: 'z',
          ip: '10.1.0.99',
          services: ['https'],
          credentials: ['c1'],
          vulnerabilities: [{ id: 'LEAK', service: 'https', effect: 'credential-leak', probability: 1 }],
        },
      ],
    },
    identities: {
      credentials: Array.from({ length: n - 1 }, (_, i) => ({
        id: `c${i + 1}`,
        kind: 'host-logon' as const,
        opens: [`h${i + 1}`],
        protocols: ['ssh' as const],
      })),
    },
    techniques: { T0859: { probability: 1 }, T0886: { probability: 1 }, T0866: { probability: 1 } },
    designs: [{ id: 'd' }],
    attacks: [{ id: 'p', strategy, target: { line: 'end' }, initialAccess: { kind: 'phishing', asset: 'h0' } }],
  };
}

describe('the attacker never repeats what cannot give it anything new', () => {
  it('owns a 12-host credential chain in at most 3 actions a host (greedy), and leaks the first logon once', () => {
    const scenario = parseScenario(chain('greedy'));
    const { model, access } = layerOf(scenario);
    for (let seed = 1; seed <= 10; seed++) {
      const { result } = runSimulation(model, access, scenario.attacks[0]!, { seed });
      expect(result.compromised).toHaveLength(12);
      // Over a 500-hour run: the phished host's foothold and scan, one leak, then per host a logon, a foothold, a scan.
      expect(result.metrics.attackerActions, `seed ${seed}`).toBeLessThanOrEqual(36);
      expect(result.trace.filter((e) => e.type === 'attack.step' && e.target === 'leaky')).toHaveLength(1);
    }
  });

  it('keeps to it under every strategy', () => {
    for (const strategy of ['spread', 'targeted'] as const) {
      const scenario = parseScenario(chain(strategy));
      const { model, access } = layerOf(scenario);
      const { result } = runSimulation(model, access, scenario.attacks[0]!, { seed: 1 });
      expect(result.metrics.attackerActions, strategy).toBeLessThanOrEqual(36);
    }
  });

  it('does not retry a connection the network refused for time alone', () => {
    // The phished host holds the ssh logon of a host its zone reaches on https only: nothing else to do for 500 hours.
    const scenario = parseScenario({
      horizonHours: 500,
      plant: {
        zones: [
          { id: 'office', level: 4, subnet: '10.1.0.0/24' },
          { id: 'vault', level: 3, subnet: '10.2.0.0/24' },
        ],
        assets: [
          { id: 'pc', kind: 'it-workstation', zone: 'office', ip: '10.1.0.10', credentials: ['key'] },
          { id: 'safe', kind: 'server', zone: 'vault', ip: '10.2.0.10', services: ['ssh', 'https'] },
        ],
        conduits: [{ from: 'office', to: 'vault', services: ['https'] }],
      },
      identities: { credentials: [{ id: 'key', kind: 'host-logon', opens: ['safe'], protocols: ['ssh'] }] },
      designs: [{ id: 'd' }],
      attacks: [{ id: 'p', initialAccess: { kind: 'phishing', asset: 'pc' } }],
    });
    const { model, access } = layerOf(scenario);
    const { result } = runSimulation(model, access, scenario.attacks[0]!, { seed: 1 });
    expect(result.trace.filter((e) => e.type === 'attack.refused')).toHaveLength(1);
    expect(result.metrics.attackerActions).toBe(3);
  });

  it('skips a scripted step that would give nothing new, and says so', () => {
    const scenario = parseScenario({
      plant: {
        zones: [{ id: 'a', level: 3, subnet: '10.1.0.0/24' }],
        assets: [
          { id: 'src', kind: 'server', zone: 'a', ip: '10.1.0.10' },
          {
            id: 'leaky',
            kind: 'server',
            zone: 'a',
            ip: '10.1.0.11',
            services: ['https'],
            credentials: ['pw'],
            vulnerabilities: [{ id: 'LEAK', service: 'https', effect: 'credential-leak', probability: 1 }],
          },
        ],
      },
      identities: { credentials: [{ id: 'pw', kind: 'host-logon', opens: ['src'] }] },
      techniques: { T0866: { probability: 1 } },
      designs: [{ id: 'd' }],
      attacks: [
        {
          id: 'p',
          initialAccess: { kind: 'phishing', asset: 'src' },
          script: [
            { technique: 'T0846' },
            { technique: 'T0866', target: 'leaky' },
            { technique: 'T0866', target: 'leaky' },
          ],
        },
      ],
    });
    const { model, access } = layerOf(scenario);
    const { trace } = runSimulation(model, access, scenario.attacks[0]!, { seed: 1 }).result;
    expect(trace.filter((e) => e.type === 'attack.step').map((e) => e.detail)).toEqual([
      'Exploitation of Remote Services: https on leaky via exploit LEAK',
    ]);
    expect(trace.filter((e) => e.type === 'attack.unable').map((e) => e.detail)).toEqual([
      'Exploitation of Remote Services on leaky: it would give the attacker nothing new',
    ]);
  });
});
