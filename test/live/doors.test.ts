// A host with one protocol on two ports is two doors: the live entry points dial the one the
// access layer lets through, and the testbed serves each on its own loopback port.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../sim/model/catalog.js';
import { doorFor } from '../../sim/live/EntryPoint.js';
import { PlantServices } from '../../sim/live/PlantServices.js';
import { Secrets } from '../../sim/live/secrets.js';
import { build, miniPlant } from '../helpers/plants.js';

/** The mini plant's jump host with ssh on `ports`, its host firewall letting only 2222 in. */
function jumpWithSsh(ports: number[]) {
  const input = miniPlant([
    {
      id: 'flat',
      conduits: [{ from: '*', to: '*' }],
      vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: '*', accounts: ['shared-vpn'] },
    },
  ]);
  Object.assign(input.plant!.assets!.find((a) => a.id === 'jump')!, {
    services: ports.map((port) => ({ protocol: 'ssh', port })),
    firewall: { allow: [{ services: [{ protocol: 'ssh', port: 2222 }] }] },
  });
  const built = build(input);
  return { ...built, jump: built.model.assets[built.at('jump')]! };
}

describe('ssh on 22 and 2222, the host firewall dropping 22', () => {
  it('a live connection goes to 2222 whichever order the services are listed in', () => {
    for (const ports of [
      [22, 2222],
      [2222, 22],
    ]) {
      const { access, jump } = jumpWithSsh(ports);
      const vpn = { kind: 'vpn' as const, account: 'shared-vpn' };
      const door = doorFor(access, vpn, jump, 'ssh' as Action, { time: 0 });
      expect(jump.services[door]!.port, ports.join(',')).toBe(2222);
    }
  });

  it('the testbed serves each port on a loopback port of its own', async () => {
    const { model, jump } = jumpWithSsh([22, 2222]);
    const services = await PlantServices.start(model, new Secrets('ab'.repeat(32)), [jump]);
    try {
      const [a, b] = [services.port('jump', 'ssh', 22), services.port('jump', 'ssh', 2222)];
      expect(a).toEqual(expect.any(Number));
      expect(b).toEqual(expect.any(Number));
      expect(a).not.toBe(b);
    } finally {
      await services.close();
    }
  });
});
