// Small hand-made plants and generated ones for access-layer tests. Everything goes through the
// real schema (defaults apply) and the reference checks (a typo in a fixture fails loudly).
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { generatePlant } from '../../sim/scenario/generate.js';
import { checkReferences } from '../../sim/scenario/references.js';
import { scenarioSchema, type Scenario, type ScenarioInput } from '../../sim/model/schema.js';

export type DesignInput = NonNullable<ScenarioInput['designs']>[number];
export type RuleInput = NonNullable<NonNullable<NonNullable<DesignInput['zt']>['policy']>['rules']>[number];

/** Parses and cross-checks a scenario; throws with every problem on a bad fixture. */
export function parseScenario(input: ScenarioInput): Scenario {
  const scenario = scenarioSchema.parse(input);
  const problems = checkReferences(scenario);
  if (problems.length > 0)
    throw new Error(`bad fixture:\n${problems.map((p) => `  ${p.path.join('.')}: ${p.message}`).join('\n')}`);
  return scenario;
}

/**
 * corp (L4) → dmz (L3.5) → ops (L3) → cell (L2) → ctl (L1), one line. Conduits go one way only:
 * corp→dmz https, dmz→ops rdp, ops→cell rdp+vnc, cell→ctl s7. `bridge` lives in ops and is
 * dual-homed into ctl; `hmi2` serves http on 8080; the designs decide the rest.
 */
export function miniPlant(
  designs: DesignInput[] = [{ id: 'plain' }],
  extra: Partial<ScenarioInput> = {},
): ScenarioInput {
  return {
    plant: {
      zones: [
        { id: 'corp', level: 4, subnet: '10.1.0.0/24' },
        { id: 'dmz', level: 3.5, subnet: '10.2.0.0/24' },
        { id: 'ops', level: 3, subnet: '10.3.0.0/24' },
        { id: 'cell', level: 2, subnet: '10.4.0.0/24' },
        { id: 'ctl', level: 1, subnet: '10.5.0.0/24' },
      ],
      lines: [{ id: 'line1', valuePerHour: 1000 }],
      assets: [
        { id: 'corp-ws', kind: 'it-workstation', zone: 'corp', ip: '10.1.0.10', services: ['rdp', 'smb'] },
        { id: 'vpn-gw', kind: 'vpn-concentrator', zone: 'dmz', ip: '10.2.0.1', services: ['https'] },
        {
          id: 'jump',
          kind: 'jump-host',
          zone: 'dmz',
          ip: '10.2.0.10',
          services: ['rdp', 'ssh'],
          credentials: ['admin'],
        },
        { id: 'conn-ops', kind: 'zt-connector', zone: 'ops', ip: '10.3.0.5' },
        { id: 'scada', kind: 'scada-server', zone: 'ops', ip: '10.3.0.10', services: ['rdp', 'opcua'] },
        { id: 'bridge', kind: 'historian', zone: 'ops', ip: '10.3.0.20', services: ['rdp', 'sql'], dualHomed: ['ctl'] },
        { id: 'hmi1', kind: 'hmi', zone: 'cell', line: 'line1', ip: '10.4.0.11', services: ['rdp', 'vnc'] },
        {
          id: 'hmi2',
          kind: 'hmi',
          zone: 'cell',
          line: 'line1',
          ip: '10.4.0.12',
          services: ['vnc', { protocol: 'http', port: 8080 }],
        },
        {
          id: 'ews',
          kind: 'ews',
          zone: 'cell',
          line: 'line1',
          ip: '10.4.0.20',
          services: ['rdp', 'smb'],
          credentials: ['plc-project'],
        },
        { id: 'plc1', kind: 'plc', zone: 'ctl', line: 'line1', ip: '10.5.0.10', services: ['s7'] },
        { id: 'plc2', kind: 'plc', zone: 'ctl', line: 'line1', ip: '10.5.0.11', services: ['modbus', 's7'] },
      ],
      conduits: [
        { from: 'corp', to: 'dmz', services: ['https'] },
        { from: 'dmz', to: 'ops', services: ['rdp'] },
        { from: 'ops', to: 'cell', services: ['rdp', 'vnc'] },
        { from: 'cell', to: 'ctl', services: ['s7'] },
      ],
    },
    identities: {
      users: [
        { id: 'tech', org: 'oem', roles: ['tech'], mfa: true },
        { id: 'eng', org: 'internal', roles: ['eng'], mfa: true },
        { id: 'approver', org: 'internal', roles: ['approver'], mfa: true },
      ],
      devices: [
        {
          id: 'tech-laptop',
          owner: 'tech',
          managed: true,
          posture: { patched: true },
          credentials: ['shared-vpn', 'tech-account'],
        },
        { id: 'eng-laptop', owner: 'eng', managed: true, posture: { patched: true }, credentials: ['eng-account'] },
      ],
      credentials: [
        { id: 'shared-vpn', kind: 'vpn-account', owners: ['tech', 'eng'] },
        { id: 'tech-vpn', kind: 'vpn-account', owners: ['tech'] },
        { id: 'tech-account', kind: 'user-account', owners: ['tech'], mfaBound: true },
        { id: 'eng-account', kind: 'user-account', owners: ['eng'], mfaBound: true },
        {
          id: 'admin',
          kind: 'host-logon',
          owners: ['eng'],
          opens: [{ kind: 'hmi' }, { kind: 'ews' }, 'scada', 'bridge'],
        },
        { id: 'plc-project', kind: 'plc-project', opens: [{ line: 'line1', kind: 'plc' }] },
      ],
    },
    windows: [{ id: 'maint', every: 24, start: 6, duration: 4 }],
    designs,
    ...extra,
  };
}

export interface Built {
  scenario: Scenario;
  model: PlantModel;
  access: AccessLayer;
  /** Asset index by id; throws on an unknown id. */
  at: (id: string) => number;
}

/** The access layer of one design (the first by default) over a scenario input. */
export function build(input: ScenarioInput, designId?: string): Built {
  return layerOf(parseScenario(input), designId);
}

export function layerOf(scenario: Scenario, designId?: string, model: PlantModel = buildPlantModel(scenario)): Built {
  const design = designId === undefined ? scenario.designs[0] : scenario.designs.find((d) => d.id === designId);
  if (design === undefined) throw new Error(`no design ${designId ?? '(first)'}`);
  const at = (id: string) => {
    const i = model.assetIndex.get(id);
    if (i === undefined) throw new Error(`no asset ${id}`);
    return i;
  };
  return { scenario, model, access: new AccessLayer(model, design), at };
}

const generatedCache = new Map<string, Scenario>();

/** A generated plant, parsed (not written to disk) and memoized by size and seed. */
export function generated(assets: number, lines: number | undefined, seed: number): Scenario {
  const key = `${assets}/${lines ?? '-'}/${seed}`;
  let s = generatedCache.get(key);
  if (s === undefined) {
    s = parseScenario(generatePlant({ assets, ...(lines === undefined ? {} : { lines }), seed }));
    generatedCache.set(key, s);
  }
  return s;
}
