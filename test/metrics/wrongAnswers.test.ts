// Answers an OT security engineer would reject, each pinned by the smallest plant that showed it.
import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { loadFixture } from '../helpers/fixtureScenario.js';

describe('a live session carries MFA only when its owner has it', () => {
  const f = loadFixture('wrong-answers/live-session-mfa.yaml');

  it('a hijacked live session of a user without MFA does not pass a rule that demands MFA', () => {
    for (const attack of ['live', 'nolive']) {
      expect(staticBlastRadius(f.access('zt'), f.attack(attack)).assets).toEqual([]);
      const run = runSimulation(f.model, f.access('zt'), f.attack(attack), { seed: 1 });
      expect(run.result.compromised).toEqual([]);
    }
  });
});

describe('two services of one protocol are two doors', () => {
  const f = loadFixture('wrong-answers/two-ssh-services.yaml');

  it('owns the target through the port the conduit allows, whichever order the services are listed in', () => {
    const swapped = structuredClone(f.scenario);
    swapped.plant.assets[1]!.services.reverse();
    for (const scenario of [f.scenario, swapped]) {
      const access = new AccessLayer(buildPlantModel(scenario), scenario.designs[0]!);
      expect(staticBlastRadius(access, f.attack()).assets).toEqual(['src', 'dst']);
      const run = runSimulation(access.model, access, f.attack(), { seed: 1 });
      expect(run.result.compromised).toEqual(['src', 'dst']);
    }
  });
});

describe('a path is a chain the attacker can execute', () => {
  const f = loadFixture('wrong-answers/credential-chain.yaml');

  it('shows where each credential was read before the step that uses it', () => {
    const r = staticBlastRadius(f.access(), f.attack());
    expect(r.paths.b!.map((s) => `${s.from} → ${s.to} ${s.action} via ${s.means}`)).toEqual([
      'attacker → src login via phishing',
      'src → src harvest via credential pw-a',
      'src → a ssh via credential pw-a',
      'a → a harvest via credential pw-b',
      'src → b ssh via credential pw-b',
    ]);
  });
});

describe('a leak is not exploited again for what it already gave', () => {
  const f = loadFixture('wrong-answers/reexploit.yaml');

  it('exploits a credential leak at most once a run: nothing is tried once it holds what leaks', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { trace } = runSimulation(f.model, f.access(), f.attack(), { seed }).result;
      const leaks = trace.filter((e) => e.type === 'attack.step' && e.target === 'leaky');
      const first = leaks.findIndex((e) => e.type === 'attack.step' && e.outcome === 'success');
      // Failed tries before the first success are bad luck; nothing is tried after it.
      expect(first === -1 || first === leaks.length - 1, `seed ${seed}`).toBe(true);
    }
  });
});
