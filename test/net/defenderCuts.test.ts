// The access layer under the defenders' cuts: quarantined zones and shut tunnels, for every origin.
import { describe, expect, it } from 'vitest';
import type { AccessState, Origin } from '../../sim/net/AccessLayer.js';
import { brokerSubject } from '../../sim/net/subjects.js';
import { build, miniPlant, type DesignInput } from '../helpers/plants.js';

const design: DesignInput = {
  id: 'both',
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: ['dmz', 'ops'], accounts: ['shared-vpn'] },
  zt: {
    connectors: ['conn-ops'],
    policy: { rules: [{ id: 'tech-rdp', subjects: { roles: ['tech'] }, actions: ['rdp', 'vnc'], resources: ['*'] }] },
  },
};
const { access, at, model } = build(miniPlant([design]));
const zone = (id: string) => model.zoneIndex.get(id)!;
const host = (id: string): Origin => ({ kind: 'host', asset: at(id) });
const vpn: Origin = { kind: 'vpn', account: 'shared-vpn' };
const broker: Origin = {
  kind: 'broker',
  subject: brokerSubject(model, model.userIndex.get('tech')!, undefined),
  mfa: true,
};
const quarantined = (...zones: string[]): AccessState => ({ time: 0, quarantined: new Set(zones.map(zone)) });

describe('a quarantined zone', () => {
  it('closes every conduit into it and out of it', () => {
    expect(access.connect(host('jump'), at('scada'), 'rdp', { time: 0 }).ok).toBe(true);
    expect(access.connect(host('jump'), at('scada'), 'rdp', quarantined('ops'))).toMatchObject({
      ok: false,
      block: 'quarantine',
      mitigation: 'M0930',
    });
    expect(access.connect(host('scada'), at('hmi1'), 'rdp', quarantined('ops'))).toMatchObject({
      ok: false,
      block: 'quarantine',
    });
    expect(access.connect(host('scada'), at('hmi1'), 'rdp', quarantined('dmz')).ok).toBe(true);
  });

  it('leaves traffic inside the zone alone', () => {
    expect(access.connect(host('scada'), at('bridge'), 'rdp', quarantined('ops')).ok).toBe(true);
  });

  it('is closed to the VPN, the broker and the internet alike', () => {
    expect(access.connect(vpn, at('scada'), 'rdp', quarantined('ops'))).toMatchObject({ block: 'quarantine' });
    expect(access.connect(vpn, at('jump'), 'rdp', quarantined('ops')).ok).toBe(true);
    expect(access.connect(broker, at('hmi1'), 'rdp', { time: 0 }).ok).toBe(true);
    expect(access.connect(broker, at('hmi1'), 'rdp', quarantined('cell'))).toMatchObject({ block: 'quarantine' });
    // The connector's own zone quarantined: it has lost its way out to the broker.
    expect(access.connect(broker, at('hmi1'), 'rdp', quarantined('ops'))).toMatchObject({
      ok: false,
      block: 'no-connector',
    });
    const exposed: Origin = { kind: 'internet', exposed: at('jump') };
    expect(access.connect(exposed, at('jump'), 'rdp', { time: 0 }).ok).toBe(true);
    expect(access.connect(exposed, at('jump'), 'rdp', quarantined('dmz'))).toMatchObject({ block: 'quarantine' });
  });
});

describe('a shut tunnel', () => {
  it('refuses every connection through it and nothing else', () => {
    const shutVpn: AccessState = { time: 0, shut: new Set(['vpn']) };
    const shutBroker: AccessState = { time: 0, shut: new Set(['broker']) };
    expect(access.connect(vpn, at('jump'), 'rdp', shutVpn)).toMatchObject({
      ok: false,
      block: 'vpn-shut',
      mitigation: 'M0942',
    });
    expect(access.connect(broker, at('hmi1'), 'rdp', shutVpn).ok).toBe(true);
    expect(access.connect(broker, at('hmi1'), 'rdp', shutBroker)).toMatchObject({ ok: false, block: 'broker-shut' });
    expect(access.connect(vpn, at('jump'), 'rdp', shutBroker).ok).toBe(true);
    expect(access.connect(host('jump'), at('scada'), 'rdp', { ...shutVpn, shut: new Set(['vpn', 'broker']) }).ok).toBe(
      true,
    );
  });
});
