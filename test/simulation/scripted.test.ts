import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { scenarioSchema, type ScenarioInput } from '../../sim/model/schema.js';
import { runSimulation } from '../../sim/simulation/runSimulation.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';

/** A three-zone plant: DMZ with a VPN concentrator, operations with an EWS, a control zone with one PLC. */
function tinyPlant(design: NonNullable<ScenarioInput['designs']>[number], script = true): ScenarioInput {
  return {
    plant: {
      zones: [
        { id: 'dmz', level: 3.5, subnet: '10.0.0.0/24' },
        { id: 'ops', level: 3, subnet: '10.0.1.0/24' },
        { id: 'ctl', level: 1, subnet: '10.0.2.0/24' },
      ],
      lines: [{ id: 'line1', valuePerHour: 1000 }],
      assets: [
        { id: 'vpn-gw', kind: 'vpn-concentrator', zone: 'dmz', ip: '10.0.0.1', services: ['https'] },
        { id: 'conn', kind: 'zt-connector', zone: 'ops', ip: '10.0.1.5' },
        {
          id: 'ews',
          kind: 'ews',
          zone: 'ops',
          line: 'line1',
          ip: '10.0.1.10',
          services: ['rdp'],
          vulnerabilities: [
            { id: 'CVE-X', service: 'rdp', effect: 'code-execution', probability: 1, timeToExploit: 2 },
          ],
        },
        { id: 'plc', kind: 'plc', zone: 'ctl', line: 'line1', ip: '10.0.2.10', services: ['s7'] },
      ],
      conduits: [
        { from: 'dmz', to: 'ops', services: ['rdp'] },
        { from: 'ops', to: 'ctl', services: ['s7'] },
      ],
    },
    identities: {
      users: [{ id: 'tech', org: 'oem', roles: ['oem'], mfa: true }],
      devices: [{ id: 'laptop', owner: 'tech', managed: true, credentials: ['vpn-acct', 'tech-login'] }],
      credentials: [
        { id: 'vpn-acct', kind: 'vpn-account', owners: ['tech'] },
        { id: 'tech-login', kind: 'user-account', owners: ['tech'], mfaBound: true },
      ],
    },
    designs: [design],
    attacks: [
      {
        id: 'scripted',
        initialAccess: { kind: 'compromised-device', device: 'laptop', liveSession: true, at: 1 },
        ...(script
          ? {
              script: [
                { technique: 'T0846' },
                { technique: 'T0866', target: 'ews' },
                { technique: 'T0855', target: 'plc' },
              ],
            }
          : { strategy: 'spread' as const }),
        techniques: {
          T0846: { duration: 0.5 },
          T0855: { duration: 0.25, probability: 1 },
          T0866: { probability: 1 },
        },
      },
    ],
  };
}

const vpnDesign = {
  id: 'vpn',
  vpn: { concentrator: 'vpn-gw', pool: '10.9.0.0/24', routes: ['ops'], accounts: ['vpn-acct'] },
};
const ztDesign = {
  id: 'zt',
  zt: {
    connectors: ['conn'],
    maxDenied: 2,
    policy: { rules: [{ id: 'read', subjects: { roles: ['oem'] }, actions: ['s7.read'], resources: ['plc'] }] },
  },
  gateways: [{ zone: 'ctl' }],
};

function run(input: ScenarioInput, seed = 1) {
  const scenario = scenarioSchema.parse(input);
  const model = buildPlantModel(scenario);
  const access = new AccessLayer(model, scenario.designs[0]!);
  return { ...runSimulation(model, access, scenario.attacks[0]!, { seed }), access, attack: scenario.attacks[0]! };
}

describe('a scripted attack with certain steps', () => {
  it('owns exactly the expected hosts at the expected times', () => {
    const { result } = run(tinyPlant(vpnDesign));
    const steps = result.trace.flatMap((e) => {
      switch (e.type) {
        case 'attack.initial':
        case 'attack.foothold':
          return [[e.t, e.type, e.technique, e.foothold, e.via]];
        case 'attack.discover':
          return [[e.t, e.type, e.technique, e.foothold]];
        case 'attack.step':
          return [[e.t, e.type, e.technique, e.target, e.outcome]];
        case 'attack.impact':
          return [[e.t, e.type, e.technique, e.target, e.line]];
        default:
          return [];
      }
    });
    expect(steps).toEqual([
      [1, 'attack.initial', 'T0822', 'vpn-client', 'vpn'],
      [1.5, 'attack.discover', 'T0846', 'vpn-client'],
      [3.5, 'attack.step', 'T0866', 'ews', 'success'],
      [3.5, 'attack.foothold', 'T0867', 'ews', 'host'],
      [3.75, 'attack.step', 'T0855', 'plc', 'success'],
      [3.75, 'attack.impact', 'T0831', 'plc', 'line1'],
    ]);
    expect(result.compromised).toEqual(['ews', 'plc']);
    expect(result.metrics.timeToFirstPlcHours).toBe(2.75);
    expect(result.metrics.productionLoss).toBe(Math.round((72 - 3.75) * 1000));
    expect(result.linesImpacted).toEqual(['line1']);
  });

  it('is refused by the network when no conduit allows the step', () => {
    const flatless = tinyPlant(vpnDesign);
    flatless.plant!.conduits = [{ from: 'dmz', to: 'ops', services: ['rdp'] }];
    const { result } = run(flatless);
    expect(result.compromised).toEqual(['ews']);
    const denied = result.trace.find((e) => e.type === 'attack.refused');
    expect(denied).toMatchObject({ foothold: 'ews', target: 'plc', mitigation: 'M0930' });
  });

  it('under zero trust a read grant never becomes a write, and denials revoke the session', () => {
    const { result, audit } = run(tinyPlant(ztDesign, false));
    expect(result.compromised).toEqual([]);
    expect(result.metrics.deniedRequests).toBeGreaterThan(0);
    expect(result.trace.some((e) => e.type === 'attack.foothold-lost' && e.via === 'broker')).toBe(true);
    expect(audit!.records.length).toBeGreaterThan(0);
    expect(result.metrics.auditedShare).toBe(1);
  });

  it('never owns more than the static blast radius', () => {
    for (const design of [vpnDesign, ztDesign]) {
      for (let seed = 1; seed <= 5; seed++) {
        const { result, access, attack } = run(tinyPlant(design, false), seed);
        const radius = new Set(staticBlastRadius(access, attack).assets);
        for (const a of result.compromised) expect(radius.has(a), `${design.id} seed ${seed}: ${a}`).toBe(true);
      }
    }
  });
});

describe('a plant full of hosts the attacker holds nothing against', () => {
  it('is walked in a loop, not by recursion (no stack overflow)', () => {
    const hosts = Array.from({ length: 12_000 }, (_, i) => ({
      id: `ws${i}`,
      kind: 'it-workstation',
      zone: 'office',
      ip: `10.8.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      services: ['rdp' as const],
    }));
    const input = tinyPlant(vpnDesign, false);
    input.plant!.zones!.push({ id: 'office', level: 4, subnet: '10.8.0.0/16' });
    input.plant!.assets!.push(...hosts);
    const vpn = { ...vpnDesign, vpn: { ...vpnDesign.vpn, routes: ['ops', 'office'] } };
    input.designs = [vpn];
    const { result } = run(input);
    expect(result.compromised).toEqual(['ews', 'plc']);
  });
});

describe('production loss and recovery', () => {
  /** The VPN design with sensors that see everything at once and a response that cuts the attacker off after 10 h. */
  const watched = {
    ...vpnDesign,
    sensors: [
      { kind: 'vpn-log' as const, probability: 1, delay: 0 },
      { kind: 'edr' as const, probability: 1, delay: 0 },
    ],
    response: { time: 10, actions: ['disable-vpn-account' as const, 'isolate-host' as const] },
  };
  const withRecovery = (hours: number | undefined) => {
    const input = tinyPlant(watched);
    input.attacks![0]!.techniques!.T0855 = { duration: 0.25, probability: 1, observability: 1 };
    if (hours !== undefined) input.plant!.lines = [{ id: 'line1', valuePerHour: 1000, recoveryHours: hours }];
    return run(input);
  };

  it('a contained attack lets the line come back after its recovery time', () => {
    const down = withRecovery(undefined).result;
    const { result } = withRecovery(5);
    // Detected at 1.5 h, cut off at 11.5 h (response time 10 h), back 5 h later.
    expect(result.metrics.timeToContainmentHours).toBe(10.5);
    expect(result.trace.flatMap((e) => (e.type === 'line.recovered' ? [[e.t, e.line]] : []))).toEqual([
      [16.5, 'line1'],
    ]);
    expect(result.metrics.productionLoss).toBe((16.5 - 3.75) * 1000);
    expect(down.metrics.productionLoss).toBe((72 - 3.75) * 1000);
    // Recovery draws from its own stream: nothing else in the run moves.
    expect(result.trace.filter((e) => e.type !== 'line.recovered')).toEqual(down.trace);
  });

  it('a recovery that ends past the horizon leaves the line down to the horizon', () => {
    const { result } = withRecovery(100);
    expect(result.trace.some((e) => e.type === 'line.recovered')).toBe(false);
    expect(result.metrics.productionLoss).toBe((72 - 3.75) * 1000);
  });
});
