import { describe, expect, it } from 'vitest';
import type { Action } from '../../sim/model/catalog.js';
import type { AccessState } from '../../sim/net/AccessLayer.js';
import { candidateZones, networkReaches, serviceFor } from '../../sim/net/reachability.js';
import { build, miniPlant, type DesignInput } from '../helpers/plants.js';

const now: AccessState = { time: 0 };

/** Host-to-host connection under a design over the mini plant: 'ok' or the block. */
function hostConnect(design: DesignInput, from: string, to: string, action: Action, extra = {}): string {
  const { access, at } = build(miniPlant([design], extra));
  const out = access.connect({ kind: 'host', asset: at(from) }, at(to), action, now);
  return out.ok ? 'ok' : out.block;
}

describe('intra-zone', () => {
  it('hosts in one zone reach each other on any service', () => {
    expect(hostConnect({ id: 'd' }, 'hmi1', 'hmi2', 'vnc')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'hmi1', 'ews', 'smb')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'plc1', 'plc2', 'modbus.write')).toBe('ok');
  });

  it('a service the target does not expose is refused before any network rule', () => {
    expect(hostConnect({ id: 'd' }, 'hmi1', 'hmi2', 'rdp')).toBe('no-service');
  });
});

describe('micro-segmentation', () => {
  it('a design micro-segmenting a zone stops host-to-host traffic inside it', () => {
    const d = { id: 'd', microSegmented: ['cell'] };
    expect(hostConnect(d, 'hmi1', 'hmi2', 'vnc')).toBe('micro-segmentation');
    expect(hostConnect(d, 'ews', 'hmi1', 'rdp')).toBe('micro-segmentation');
  });

  it('the zone flag does the same, and designs only add to it', () => {
    const input = miniPlant([{ id: 'd', microSegmented: ['ctl'] }]);
    input.plant!.zones![3] = { ...input.plant!.zones![3]!, microSegmented: true };
    const { access, at } = build(input);
    expect(access.connect({ kind: 'host', asset: at('hmi1') }, at('hmi2'), 'vnc', now)).toMatchObject({
      ok: false,
      block: 'micro-segmentation',
      mitigation: 'M0930',
    });
    expect(access.connect({ kind: 'host', asset: at('plc1') }, at('plc2'), 's7.write', now)).toMatchObject({
      ok: false,
      block: 'micro-segmentation',
    });
  });

  it('conduits out of a micro-segmented zone still apply', () => {
    expect(hostConnect({ id: 'd', microSegmented: ['cell'] }, 'hmi1', 'plc1', 's7.write')).toBe('ok');
  });

  it('a wildcard conduit does not undo micro-segmentation inside the zone', () => {
    expect(
      hostConnect({ id: 'd', microSegmented: ['cell'], conduits: [{ from: '*', to: '*' }] }, 'hmi1', 'hmi2', 'vnc'),
    ).toBe('micro-segmentation');
  });
});

describe('conduits', () => {
  it('allow only the listed protocols', () => {
    expect(hostConnect({ id: 'd' }, 'scada', 'hmi1', 'rdp')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'scada', 'hmi1', 'vnc')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'scada', 'ews', 'smb')).toBe('conduit');
    expect(hostConnect({ id: 'd' }, 'hmi1', 'plc2', 'modbus.write')).toBe('conduit');
    expect(hostConnect({ id: 'd' }, 'hmi1', 'plc2', 's7.write')).toBe('ok');
  });

  it('match the port, not only the protocol', () => {
    // hmi2 serves http on 8080; a conduit naming "http" means port 80.
    expect(
      hostConnect({ id: 'd', conduits: [{ from: 'ops', to: 'cell', services: ['http'] }] }, 'scada', 'hmi2', 'http'),
    ).toBe('conduit');
    expect(
      hostConnect(
        { id: 'd', conduits: [{ from: 'ops', to: 'cell', services: [{ protocol: 'http', port: 8080 }] }] },
        'scada',
        'hmi2',
        'http',
      ),
    ).toBe('ok');
  });

  it('are one-way unless bidirectional', () => {
    expect(hostConnect({ id: 'd' }, 'hmi1', 'scada', 'rdp')).toBe('conduit');
    expect(hostConnect({ id: 'd' }, 'plc1', 'hmi1', 'rdp')).toBe('conduit');
    const both = { id: 'd', conduits: [{ from: 'ops', to: 'cell', services: ['rdp' as const], bidirectional: true }] };
    expect(hostConnect(both, 'hmi1', 'scada', 'rdp')).toBe('ok');
    expect(hostConnect(both, 'scada', 'hmi1', 'rdp')).toBe('ok');
  });

  it('do not chain: two hops are two connections', () => {
    // dmz→ops and ops→cell exist, but nothing goes dmz→cell.
    expect(hostConnect({ id: 'd' }, 'jump', 'scada', 'rdp')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'jump', 'hmi1', 'rdp')).toBe('conduit');
  });

  it("a design's conduits replace the plant's", () => {
    const d = { id: 'd', conduits: [{ from: 'corp', to: 'ctl', services: ['s7' as const] }] };
    expect(hostConnect(d, 'hmi1', 'plc1', 's7.write')).toBe('conduit');
    expect(hostConnect(d, 'corp-ws', 'plc1', 's7.write')).toBe('ok');
  });

  it("'*' stands for every zone on either side", () => {
    const toCtl = { id: 'd', conduits: [{ from: '*', to: 'ctl', services: ['s7' as const] }] };
    for (const from of ['corp-ws', 'jump', 'scada', 'hmi1'])
      expect(hostConnect(toCtl, from, 'plc2', 's7.write')).toBe('ok');
    expect(hostConnect(toCtl, 'corp-ws', 'plc2', 'modbus.write')).toBe('conduit');
    expect(hostConnect(toCtl, 'corp-ws', 'hmi1', 'rdp')).toBe('conduit');
    const fromDmz = { id: 'd', conduits: [{ from: 'dmz', to: '*' }] };
    for (const to of ['corp-ws', 'scada', 'hmi1', 'plc2'])
      expect(hostConnect(fromDmz, 'jump', to, to === 'plc2' ? 'modbus.write' : 'rdp')).toBe('ok');
    expect(hostConnect(fromDmz, 'scada', 'jump', 'rdp')).toBe('conduit');
    const flat = { id: 'd', conduits: [{ from: '*', to: '*' }] };
    expect(hostConnect(flat, 'plc1', 'corp-ws', 'smb')).toBe('ok');
  });

  it('merge when several name the same pair, and "any" wins', () => {
    const d = {
      id: 'd',
      conduits: [
        { from: 'cell', to: 'ctl', services: ['s7' as const] },
        { from: 'cell', to: 'ctl', services: ['modbus' as const] },
        { from: 'ops', to: 'cell', services: ['rdp' as const] },
        { from: 'ops', to: 'cell', services: 'any' as const },
        { from: 'ops', to: 'cell', services: ['vnc' as const] },
      ],
    };
    expect(hostConnect(d, 'hmi1', 'plc2', 'modbus.write')).toBe('ok');
    expect(hostConnect(d, 'hmi1', 'plc2', 's7.write')).toBe('ok');
    expect(hostConnect(d, 'scada', 'ews', 'smb')).toBe('ok');
  });
});

describe('dual-homed hosts', () => {
  it('reach the zones they have an interface in, without a conduit', () => {
    expect(hostConnect({ id: 'd' }, 'bridge', 'plc2', 'modbus.write')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'scada', 'plc2', 'modbus.write')).toBe('conduit');
  });

  it('are reachable from those zones too', () => {
    // A compromised PLC-side host reaches the bridge on its control-zone interface.
    expect(hostConnect({ id: 'd' }, 'plc1', 'bridge', 'rdp')).toBe('ok');
    expect(hostConnect({ id: 'd' }, 'plc1', 'scada', 'rdp')).toBe('conduit');
  });

  it('are reachable through conduits into either zone', () => {
    expect(hostConnect({ id: 'd' }, 'hmi1', 'bridge', 'rdp')).toBe('conduit');
    const d = { id: 'd', conduits: [{ from: 'cell', to: 'ctl', services: ['rdp' as const] }] };
    expect(hostConnect(d, 'hmi1', 'bridge', 'rdp')).toBe('ok');
  });

  it('micro-segmentation of the second zone applies to it like to any member', () => {
    const d = { id: 'd', microSegmented: ['ctl'] };
    expect(hostConnect(d, 'bridge', 'plc1', 's7.write')).toBe('micro-segmentation');
    expect(hostConnect(d, 'plc1', 'bridge', 'rdp')).toBe('micro-segmentation');
    // The ops interface is still open.
    expect(hostConnect(d, 'scada', 'bridge', 'rdp')).toBe('ok');
  });
});

describe('networkReaches and candidateZones', () => {
  it('agree with the access layer on the raw network', () => {
    const { access, model, at } = build(miniPlant([{ id: 'd', microSegmented: ['cell'] }]));
    const topo = access.topology;
    const hmi1 = model.assets[at('hmi1')]!;
    const plc2 = model.assets[at('plc2')]!;
    expect(networkReaches(topo, hmi1.zones, plc2, serviceFor(plc2, 's7')!)).toBeNull();
    expect(networkReaches(topo, hmi1.zones, plc2, serviceFor(plc2, 'modbus')!)).toBe('conduit');
    expect(
      networkReaches(topo, hmi1.zones, model.assets[at('hmi2')]!, serviceFor(model.assets[at('hmi2')]!, 'vnc')!),
    ).toBe('micro-segmentation');
    const ids = (zs: number[]) => zs.map((z) => model.zones[z]!.id);
    expect(ids(candidateZones(topo, hmi1.zones))).toEqual(['ctl']);
    expect(ids(candidateZones(topo, model.assets[at('scada')]!.zones))).toEqual(['ops', 'cell']);
    expect(ids(candidateZones(topo, model.assets[at('bridge')]!.zones))).toEqual(['ops', 'cell', 'ctl']);
  });
});

describe('isolation', () => {
  it('an isolated host neither connects nor is reached', () => {
    const { access, at } = build(miniPlant());
    const isolated = new Set([at('hmi1')]);
    expect(
      access.connect({ kind: 'host', asset: at('hmi1') }, at('plc1'), 's7.write', { time: 0, isolated }),
    ).toMatchObject({ ok: false, block: 'isolated' });
    expect(access.connect({ kind: 'host', asset: at('hmi2') }, at('hmi1'), 'vnc', { time: 0, isolated })).toMatchObject(
      { ok: false, block: 'isolated' },
    );
    expect(access.connect({ kind: 'host', asset: at('hmi2') }, at('hmi1'), 'vnc', now)).toMatchObject({
      ok: true,
      layer: 'network',
    });
  });
});
