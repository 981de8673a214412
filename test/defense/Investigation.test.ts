import { describe, expect, it } from 'vitest';
import { Incident } from '../../sim/defense/Incident.js';
import { Investigation } from '../../sim/defense/Investigation.js';
import type { FootholdRecord } from '../../sim/world/World.js';
import { miniPlant } from '../helpers/plants.js';
import { hostFoothold, vpnTunnel, worldOf } from '../helpers/world.js';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * One run: the attacker holds the shared VPN tunnel, `jump` (reached from it), and `scada` (its
 * own way in, linked to nothing); a detection names the tunnel's account at `detectAt`. Returns
 * when each foothold was found.
 */
function investigate(seed: number, rates: { perHour: number; linkedPerHour: number }, detectAt = 1) {
  const t = worldOf(miniPlant(), undefined, 10_000, seed);
  const incident = new Incident(t.world);
  const found = new Map<string, number>();
  const inv = new Investigation(t.world, incident, rates, (f) => {
    incident.found(f);
    found.set(f.name, t.world.now);
    inv.relink();
  });
  inv.start();
  const tunnel = t.world.gainFoothold(vpnTunnel('shared-vpn', t.model.credentialIndex.get('shared-vpn')!));
  t.world.gainFoothold(hostFoothold(t.at('jump'), 'jump', { parent: tunnel.id }));
  t.world.gainFoothold(hostFoothold(t.at('scada'), 'scada'));
  t.world.kernel.scheduleAt(detectAt, () => {
    incident.named(null, 'shared-vpn');
    inv.begin();
    inv.relink();
  });
  t.world.kernel.run(t.world.horizon);
  return { found, incident, world: t.world };
}

describe('the investigation', () => {
  const runs = Array.from({ length: 400 }, (_, i) => investigate(i + 1, { perHour: 0.05, linkedPerHour: 0.5 }));

  it('finds a foothold a lead points at at the linked rate, one linked to nothing at the base rate', () => {
    // jump was reached from the tunnel a detection named: found after 1/0.5 = 2 h on average.
    expect(mean(runs.map((r) => r.found.get('jump')! - 1))).toBeCloseTo(2, 0);
    // scada is linked to nothing known: 1/0.05 = 20 h on average.
    const scada = mean(runs.map((r) => r.found.get('scada')! - 1));
    expect(scada).toBeGreaterThan(17);
    expect(scada).toBeLessThan(23);
    // The tunnel itself was named: nothing to find.
    expect(runs.every((r) => !r.found.has('vpn-client') && r.incident.footholds.has(0))).toBe(true);
  });

  it('looks for nothing before the first detection, and for nothing when both rates are zero', () => {
    for (const r of runs) expect(Math.min(...r.found.values())).toBeGreaterThan(1);
    const idle = investigate(1, { perHour: 0, linkedPerHour: 0 });
    expect(idle.found.size).toBe(0);
  });

  it('races the linked rate from the moment a lead appears (competing exponentials)', () => {
    // With no base rate, jump can only be found once the tunnel is named at 5 h: 1 h after on average.
    const late = Array.from({ length: 400 }, (_, i) => investigate(i + 1, { perHour: 0, linkedPerHour: 1 }, 5));
    expect(late.every((r) => r.found.get('jump')! > 5)).toBe(true);
    expect(mean(late.map((r) => r.found.get('jump')! - 5))).toBeCloseTo(1, 0);
    expect(late.every((r) => !r.found.has('scada'))).toBe(true);
  });

  it('gives a foothold gained during the search its draw at once, and never finds a lost one', () => {
    const t = worldOf(miniPlant(), undefined, 1000, 7);
    const incident = new Incident(t.world);
    const found: string[] = [];
    const inv = new Investigation(t.world, incident, { perHour: 0, linkedPerHour: 1 }, (f: FootholdRecord) => {
      incident.found(f);
      found.push(f.name);
    });
    inv.start();
    const jump = t.world.gainFoothold(hostFoothold(t.at('jump'), 'jump'));
    t.world.kernel.scheduleAt(1, () => {
      incident.named(t.at('jump'), null);
      inv.begin();
    });
    t.world.kernel.scheduleAt(2, () => {
      t.world.gainFoothold(hostFoothold(t.at('scada'), 'scada', { parent: jump.id }));
      t.world.gainFoothold(hostFoothold(t.at('bridge'), 'bridge', { parent: jump.id }));
    });
    t.world.kernel.scheduleAt(2, () => t.world.loseFoothold(2));
    t.world.kernel.run(t.world.horizon);
    expect(found).toEqual(['scada']);
  });
});

describe('the incident picture', () => {
  it('links a foothold to a known one it came from or led to, a known identity, credential or host', () => {
    const t = worldOf(miniPlant());
    const incident = new Incident(t.world);
    const tunnel = t.world.gainFoothold(vpnTunnel('shared-vpn', t.model.credentialIndex.get('shared-vpn')!));
    const jump = t.world.gainFoothold(hostFoothold(t.at('jump'), 'jump', { parent: tunnel.id }));
    const admin = t.model.credentialIndex.get('admin')!;
    const scada = t.world.gainFoothold(hostFoothold(t.at('scada'), 'scada', { credential: admin }));
    const hmi = t.world.gainFoothold(hostFoothold(t.at('hmi1'), 'hmi1'));
    expect([tunnel, jump, scada, hmi].map((f) => incident.linked(f))).toEqual([false, false, false, false]);
    // Finding jump points at the tunnel it came from, and (admin is cached on jump) at scada.
    incident.found(jump);
    expect([tunnel, scada, hmi].map((f) => incident.linked(f))).toEqual([true, true, false]);
    expect([...incident.credentials].map((c) => t.model.credentials[c]!.id)).toEqual(['admin']);
    incident.named(t.at('hmi1'), null);
    expect(incident.footholds.has(hmi.id)).toBe(true);
  });
});
