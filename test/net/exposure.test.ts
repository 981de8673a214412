import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokerSubject } from '../../sim/net/subjects.js';
import { actionsOfProtocol } from '../../sim/model/catalog.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import {
  diffExposure,
  exposure,
  exposureSources,
  groupExposure,
  sessionSubject,
  type ExposureEntry,
} from '../../sim/net/exposure.js';
import { probeStates } from '../../sim/net/probeStates.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { anyMutation, plantOf, plantSpec } from '../helpers/mutations.js';
import { build, miniPlant, parseScenario, type DesignInput } from '../helpers/plants.js';

const flatVpn: DesignInput = {
  id: 'flat',
  conduits: [{ from: '*', to: '*' }],
  vpn: { concentrator: 'vpn-gw', pool: '10.99.0.0/24', routes: '*', accounts: ['shared-vpn'] },
};
const zt: DesignInput = {
  id: 'zt',
  microSegmented: ['cell'],
  gateways: [{ zone: 'ctl' }],
  zt: {
    connectors: ['conn-ops'],
    policy: {
      rules: [
        {
          id: 'tech-hmi',
          subjects: { users: ['tech'] },
          actions: ['vnc'],
          resources: [{ kind: 'hmi' }],
          conditions: { mfa: true, window: 'maint' },
        },
        { id: 'hmi1-plc1', subjects: { devices: ['hmi1'] }, actions: ['s7.read'], resources: ['plc1'] },
      ],
    },
  },
};
const key = (e: ExposureEntry) => `${e.source} ${e.asset} ${e.action}`;

describe('exposure', () => {
  const input = miniPlant([flatVpn, zt]);
  const flatLayer = build(input, 'flat');
  const ztLayer = build(input, 'zt');

  it('has the common sources: foothold hosts, plus the VPN client or the brokered sessions', () => {
    const hosts = ['corp-ws', 'jump', 'scada', 'bridge', 'hmi1', 'hmi2', 'ews'];
    expect(exposureSources(flatLayer.access).map((s) => s.name)).toEqual([...hosts, 'vpn-client']);
    expect(exposureSources(ztLayer.access).map((s) => s.name)).toEqual([
      ...hosts,
      'zt-session(tech)',
      'zt-session(eng)',
      'zt-session(approver)',
    ]);
  });

  it('a session subject is the broker subject of the user on their own device', () => {
    const { model } = ztLayer;
    model.users.forEach((u, i) =>
      expect(sessionSubject(model, i)).toEqual(
        brokerSubject(
          model,
          i,
          model.devices.find((d) => d.owner === u.id),
        ),
      ),
    );
  });

  it('lists what each source may open, every function, probed at the start and the window opening', () => {
    const e = exposure(ztLayer.access, { at: 0 });
    expect(e.times).toEqual([0, 6]);
    const keys = new Set(e.entries.map(key));
    // The window grant counts (probed at 6), the gateway decides per device, micro-segmentation holds.
    expect(keys.has('zt-session(tech) hmi2 vnc')).toBe(true);
    expect(keys.has('zt-session(eng) hmi2 vnc')).toBe(false);
    expect(keys.has('hmi1 plc1 s7.read')).toBe(true);
    expect(keys.has('hmi1 plc1 s7.write')).toBe(false);
    expect(keys.has('hmi2 plc1 s7.read')).toBe(false);
    expect(keys.has('hmi1 hmi2 vnc')).toBe(false);
    expect(keys.has('scada hmi1 rdp')).toBe(true);
    // bridge is dual-homed into ctl: inside the gated zone, the PDP does not name it.
    expect(keys.has('bridge plc2 modbus.write')).toBe(false);
  });

  it('without an attack time it probes from 0; the same window state is probed once', () => {
    expect(exposure(ztLayer.access).times).toEqual([0, 6]);
    expect(exposure(ztLayer.access, { at: 7 }).times).toEqual([7]);
  });

  it('counts, per asset and service, the sources that open it', () => {
    const e = exposure(flatLayer.access);
    for (const c of e.counts) {
      const [protocol] = c.service.split('/');
      const sources = new Set(
        e.entries
          .filter((x) => x.asset === c.asset && actionsOfProtocol(protocol as never).includes(x.action))
          .map((x) => x.source),
      );
      expect(c.sources, `${c.asset} ${c.service}`).toBe(sources.size);
    }
    // Flat: every host but plc1 itself, and the VPN client, reach plc1.
    expect(e.counts.find((c) => c.asset === 'plc1')).toEqual({
      asset: 'plc1',
      zone: 'ctl',
      service: 's7/102',
      sources: 8,
    });
    expect(e.counts.map((c) => c.sources)).toEqual([...e.counts.map((c) => c.sources)].sort((a, b) => b - a));
  });

  it('diffs two designs both ways; a design against itself differs in nothing', () => {
    const a = exposure(flatLayer.access);
    const b = exposure(ztLayer.access);
    const d = diffExposure(a, b);
    const inA = new Set(a.entries.map(key));
    const inB = new Set(b.entries.map(key));
    expect(d.onlyA.map(key)).toEqual(a.entries.map(key).filter((k) => !inB.has(k)));
    expect(d.onlyB.map(key)).toEqual(b.entries.map(key).filter((k) => !inA.has(k)));
    expect(d.onlyA.some((e) => e.source === 'vpn-client')).toBe(true);
    expect(d.onlyB.length).toBeGreaterThan(0);
    expect(d.onlyB.every((e) => e.source.startsWith('zt-session('))).toBe(true);
    expect(diffExposure(a, a)).toEqual({ a: 'flat', b: 'flat', onlyA: [], onlyB: [] });
  });

  it('groups sources with the same reach, hosts of one zone despite not reaching themselves', () => {
    const groups = groupExposure(
      flatLayer.model,
      diffExposure(exposure(flatLayer.access), exposure(ztLayer.access)).onlyA,
    );
    // hmi2 and ews lose the same under zero trust (hmi1 keeps its s7.read on plc1).
    expect(groups.find((g) => g.sources.includes('hmi2'))!.sources).toEqual(['hmi2', 'ews']);
    expect(groups.find((g) => g.sources.includes('hmi1'))!.sources).toEqual(['hmi1']);
    expect(groups.reduce((n, g) => n + g.entries, 0)).toBe(
      diffExposure(exposure(flatLayer.access), exposure(ztLayer.access)).onlyA.length,
    );
    for (const g of groups)
      for (const t of g.targets)
        expect(
          new Set(t.assets.map((a) => flatLayer.model.zones[flatLayer.model.assets[flatLayer.at(a)]!.zone]!.id)),
        ).toEqual(new Set([t.zone]));
  });

  it('equals the plain enumeration of every source, target, function and probe time', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 4 }), (spec, mutations) => {
        const scenario = parseScenario(plantOf(spec, mutations));
        const model = buildPlantModel(scenario);
        for (const design of scenario.designs) {
          const access = new AccessLayer(model, design);
          const states = probeStates(model, 2);
          const plain: string[] = [];
          for (const s of exposureSources(access))
            for (const t of model.assets) {
              if (s.origin.kind === 'host' && s.origin.asset === t.index) continue;
              for (const service of t.services)
                for (const action of actionsOfProtocol(service.protocol))
                  if (states.some((st) => access.connect(s.origin, t.index, action, st).ok))
                    plain.push(`${s.name} ${t.id} ${action}`);
            }
          expect(exposure(access, { at: 2 }).entries.map(key)).toEqual(plain);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });

  it('covers every step of a static attack path taken from a host or the VPN client', () => {
    fc.assert(
      fc.property(plantSpec, fc.array(anyMutation, { maxLength: 3 }), (spec, mutations) => {
        const scenario = parseScenario(plantOf(spec, mutations));
        const model = buildPlantModel(scenario);
        for (const design of scenario.designs) {
          const access = new AccessLayer(model, design);
          for (const attack of scenario.attacks) {
            const keys = new Set(exposure(access, { at: attack.initialAccess.at }).entries.map(key));
            // Logins start outside the plant; harvests, escalations and reads stay on a held host.
            for (const path of Object.values(staticBlastRadius(access, attack).paths))
              for (const step of path)
                if (
                  !['login', 'harvest', 'escalate', 'read'].includes(step.action) &&
                  (model.assetIndex.has(step.from) || step.from === 'vpn-client')
                )
                  expect(
                    keys.has(`${step.from} ${step.to} ${step.action}`),
                    `${design.id}/${attack.id}: ${step.from} → ${step.to} ${step.action}`,
                  ).toBe(true);
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 40) },
    );
  });
});
