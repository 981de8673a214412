// A small plant with one zero-trust design, parsed through the real schema.
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../sim/model/schema.js';

export const SMALL: ScenarioInput = {
  plant: {
    zones: [
      { id: 'ops', level: 3, subnet: '10.3.0.0/24' },
      { id: 'cell1', level: 1, subnet: '10.1.1.0/24' },
      { id: 'cell2', level: 1, subnet: '10.1.2.0/24' },
    ],
    lines: [
      { id: 'line1', valuePerHour: 1000 },
      { id: 'line2', valuePerHour: 1000 },
    ],
    assets: [
      { id: 'historian', kind: 'historian', zone: 'ops', ip: '10.3.0.20', services: ['sql'] },
      { id: 'zt-conn', kind: 'zt-connector', zone: 'ops', ip: '10.3.0.5' },
      { id: 'vpn-gw', kind: 'vpn-concentrator', zone: 'ops', ip: '10.3.0.1' },
      { id: 'l1-plc1', kind: 'plc', zone: 'cell1', line: 'line1', ip: '10.1.1.10', services: ['s7'] },
      { id: 'l2-plc1', kind: 'plc', zone: 'cell2', line: 'line2', ip: '10.1.2.10', services: ['s7'] },
      { id: 'l1-hmi1', kind: 'hmi', zone: 'cell1', line: 'line1', ip: '10.1.1.20', services: ['vnc'] },
    ],
  },
  identities: {
    users: [
      { id: 'oem-tech', org: 'oem', roles: ['oem-technician'], mfa: true },
      { id: 'engineer', org: 'internal', roles: ['plant-engineer'], mfa: true },
    ],
    devices: [{ id: 'oem-laptop', owner: 'oem-tech', managed: true, posture: { patched: true } }],
  },
  windows: [{ id: 'maintenance', every: 24, start: 6, duration: 4 }],
  designs: [
    { id: 'vpn', vpn: { concentrator: 'vpn-gw', pool: '10.9.0.0/24', routes: '*', accounts: [] } },
    {
      id: 'zt',
      zt: {
        connectors: ['zt-conn'],
        policy: {
          rules: [
            {
              id: 'oem-read-line1',
              subjects: { roles: ['oem-technician'] },
              actions: ['s7.read'],
              resources: [{ line: 'line1', kind: 'plc' }],
              conditions: { mfa: true, window: 'maintenance' },
            },
            {
              id: 'oem-write-line1',
              subjects: { roles: ['oem-technician'] },
              actions: ['s7.write'],
              resources: [{ line: 'line1' }],
              conditions: { approval: { by: 'plant-engineer', validHours: 2 } },
            },
            {
              id: 'hmi-own-line',
              subjects: { devices: ['l1-hmi1'] },
              actions: ['s7.read'],
              resources: [{ line: 'line1', level: 1 }],
            },
          ],
          tests: [
            {
              name: 'OEM reads line 1 in the window',
              user: 'oem-tech',
              device: 'oem-laptop',
              mfa: true,
              time: 7,
              accept: ['l1-plc1:s7.read'],
              deny: ['l1-plc1:s7.write', 'l2-plc1:s7.read'],
            },
            {
              name: 'OEM writes with approval',
              user: 'oem-tech',
              device: 'oem-laptop',
              time: 20,
              approved: true,
              accept: ['l1-plc1:s7.write'],
            },
            {
              name: 'HMI reads its own line',
              asset: 'l1-hmi1',
              accept: ['l1-plc1:s7.read'],
              deny: ['l2-plc1:s7.read'],
            },
          ],
        },
      },
    },
  ],
};

export function smallScenario(mutate: (s: Scenario) => void = () => undefined): Scenario {
  const scenario = scenarioSchema.parse(structuredClone(SMALL));
  mutate(scenario);
  return scenario;
}

export const ztPolicy = (s: Scenario) => s.designs.find((d) => d.id === 'zt')!.zt!.policy;
