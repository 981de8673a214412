import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, namedPath } from '../../sim/scenario/issues.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { summarize } from '../../sim/scenario/summary.js';
import { loadFiles, problems, removeScratch, yaml } from './scratch.js';

afterAll(removeScratch);

// Line numbers in the snapshots below count from the first line of each text.
const plant = yaml`
  plant:
    zones:
      - { id: line1-sup, level: 2, subnet: 10.41.0.0/24 }
      - { id: line1-ctl, level: 1, subnet: 10.41.1.0/24 }
    lines:
      - { id: line1, valuePerHour: 40000 }
    assets:
      - { id: l1-hmi, kind: hmi, zone: line1-sup, line: line1, ip: 10.41.0.11, services: [vnc] }
      - { id: l1-plc, kind: plc, zone: line1-ctl, line: line1, ip: 10.41.1.10, services: [s7] }
    conduits:
      - { from: line1-sup, to: line1-ctl, services: [s7] }
`;

describe('loadScenario on valid files', () => {
  it('loads the default pharma scenario with its defaults applied', () => {
    const r = loadScenario('scenarios/pharma.yaml');
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    const s = summarize(r.scenario);
    expect(s.lines.every((l) => l.assets > 0)).toBe(true);
    expect([s.zones.length, s.lines.length, s.designs, s.attacks]).toEqual([
      9,
      3,
      ['vpn-flat', 'vpn-segmented', 'zt', 'vpn-seg-plc-pw', 'zt-plc-pw'],
      ['stolen-vendor-credential', 'compromised-vendor-laptop', 'targeted-sterile-filling', 'approval-fatigue'],
    ]);
    expect(r.scenario.plant.zones[0]).toMatchObject({ id: 'enterprise', securityLevel: 1, microSegmented: false });
    expect(r.scenario.plant.assets.find((a) => a.id === 'l1-plc3')?.services).toEqual([
      { protocol: 's7', port: 102 },
      { protocol: 'modbus', port: 502 },
    ]);
    expect(r.scenario.designs[0]?.sensors[0]?.delay).toEqual({ dist: 'constant', value: 1 });
  });

  it('loads a small plant', () => {
    expect(problems({ 'plant.yaml': plant })).toEqual(['ok']);
  });
});

describe('loadScenario locates each problem at file:line:col', () => {
  it('a YAML syntax error', () => {
    const text = plant.replace('{ id: line1, valuePerHour: 40000 }', '{ id: line1, valuePerHour: 40000');
    expect(problems({ 'broken.yaml': text })).toMatchInlineSnapshot(`
      [
        "broken.yaml:7:3  YAML syntax: Flow map in block collection must be sufficiently indented and end with a }",
      ]
    `);
  });

  it('a YAML error inside a block', () => {
    const text = yaml`
      plant:
        zones:
          - id: a
           level: 1
    `;
    expect(problems({ 'indent.yaml': text })).toMatchInlineSnapshot(`
      [
        "indent.yaml:4:1  YAML syntax: Sequence item without - indicator",
      ]
    `);
  });

  it('a key written twice', () => {
    expect(problems({ 'twice.yaml': 'name: a\nhorizonHours: 4\nname: b\n' })).toMatchInlineSnapshot(`
      [
        "twice.yaml:3:1  YAML syntax: Map keys must be unique",
      ]
    `);
  });

  it('an unknown zone, with the closest zone id as a hint', () => {
    const text = plant.replace('zone: line1-ctl, line: line1', 'zone: line1-ctrl, line: line1');
    expect(problems({ 'zone.yaml': text })).toMatchInlineSnapshot(`
      [
        "zone.yaml:9:38  plant.assets.l1-plc.zone (plant.assets[1].zone)  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
      ]
    `);
  });

  it('a wrong type', () => {
    const text = plant.replace('valuePerHour: 40000', 'valuePerHour: lots');
    expect(problems({ 'type.yaml': text })).toMatchInlineSnapshot(`
      [
        "type.yaml:6:34  plant.lines.line1.valuePerHour (plant.lines[0].valuePerHour)  expected number, got string "lots"",
      ]
    `);
  });

  it('an unknown field, at its key, with the field it was probably meant to be', () => {
    const text = plant.replace('services: [s7] }\n  conduits', 'sevices: [s7] }\n  conduits');
    expect(problems({ 'typo.yaml': text })).toMatchInlineSnapshot(`
      [
        "typo.yaml:9:78  plant.assets.l1-plc.sevices (plant.assets[1].sevices)  unknown field "sevices" (did you mean "services"?)",
      ]
    `);
  });

  it('an unknown field in block style', () => {
    const text = yaml`
      plant:
        zones:
          - id: z1
            level: 1
            subnet: 10.0.0.0/24
            microsegmented: true
    `;
    expect(problems({ 'block.yaml': text })).toMatchInlineSnapshot(`
      [
        "block.yaml:6:7  plant.zones.z1.microsegmented (plant.zones[0].microsegmented)  unknown field "microsegmented" (did you mean "microSegmented"?)",
      ]
    `);
  });

  it('a missing required field, at the item that lacks it', () => {
    const text = plant.replace('ip: 10.41.0.11, ', '');
    expect(problems({ 'missing.yaml': text })).toMatchInlineSnapshot(`
      [
        "missing.yaml:8:7  plant.assets.l1-hmi.ip (plant.assets[0].ip)  required field is missing (expected string)",
      ]
    `);
  });

  it('an address outside its zone subnet', () => {
    const text = plant.replace('ip: 10.41.1.10', 'ip: 10.41.0.10');
    expect(problems({ 'ip.yaml': text })).toMatchInlineSnapshot(`
      [
        "ip.yaml:9:66  plant.assets.l1-plc.ip (plant.assets[1].ip)  10.41.0.10 is outside zone "line1-ctl" subnet 10.41.1.0/24",
      ]
    `);
  });

  it('a duplicate id', () => {
    const text = plant.replace('id: l1-plc,', 'id: l1-hmi,');
    expect(problems({ 'dup.yaml': text })).toMatchInlineSnapshot(`
      [
        "dup.yaml:9:13  plant.assets[1].id  duplicate asset id "l1-hmi"",
      ]
    `);
  });

  it('a line with no assets', () => {
    const text = plant.replace(
      '- { id: line1, valuePerHour: 40000 }',
      '- { id: line1, valuePerHour: 40000 }\n    - { id: line9, valuePerHour: 1 }',
    );
    expect(problems({ 'empty-line.yaml': text })).toMatchInlineSnapshot(`
      [
        "empty-line.yaml:7:13  plant.lines.line9.id (plant.lines[1].id)  line "line9" has no assets",
      ]
    `);
  });

  it('a conduit naming an unknown zone', () => {
    const text = plant.replace('{ from: line1-sup, to: line1-ctl', '{ from: line1-sup, to: line2-ctl');
    expect(problems({ 'conduit.yaml': text })).toMatchInlineSnapshot(`
      [
        "conduit.yaml:11:30  plant.conduits[0].to  unknown zone "line2-ctl" (did you mean "line1-ctl"?)",
      ]
    `);
  });

  it('a file that is missing, empty or not a mapping', () => {
    const { result, dir } = loadFiles({ 'present.yaml': plant });
    const missing = loadScenario(`${dir}/absent.yaml`);
    expect(missing.ok || missing.issues.map((i) => [i.line, i.col, i.message])).toEqual([
      [1, 1, 'cannot read file: no such file (ENOENT)'],
    ]);
    expect(result.ok).toBe(true);
    expect(problems({ 'empty.yaml': '' })).toMatchInlineSnapshot(`
      [
        "empty.yaml:1:1  a scenario file must be a YAML mapping (key: value pairs)",
      ]
    `);
    expect(problems({ 'list.yaml': '# a list\n- id: a\n' })).toMatchInlineSnapshot(`
      [
        "list.yaml:2:1  a scenario file must be a YAML mapping (key: value pairs)",
      ]
    `);
  });
});

describe('loadScenario reports every problem of a phase at once', () => {
  it('every schema problem, in file order', () => {
    const text = plant
      .replace('level: 2', 'level: 7')
      .replace('valuePerHour: 40000', 'valuePerHour: -1')
      .replace('kind: hmi', 'kind: hmii')
      .replace('services: [s7] }\n  conduits', 'services: [s8] }\n  conduits');
    expect(problems({ 'schema.yaml': text })).toMatchInlineSnapshot(`
      [
        "schema.yaml:3:31  plant.zones.line1-sup.level (plant.zones[0].level)  expected one of 0, 1, 2, 3, 3.5, 4, 5, got 7",
        "schema.yaml:6:34  plant.lines.line1.valuePerHour (plant.lines[0].valuePerHour)  must be between 0 and 1e12 per h, got -1 (see docs/limits.md)",
        "schema.yaml:8:27  plant.assets.l1-hmi.kind (plant.assets[0].kind)  expected one of "plc", "rtu", "sis", "hmi", "ews", "scada-server", "historian", "jump-host", "it-workstation", "server", "vpn-concentrator", "zt-connector", "firewall", got "hmii" (did you mean "hmi"?)",
        "schema.yaml:9:89  plant.assets.l1-plc.services.0 (plant.assets[1].services[0])  unknown protocol "s8" (did you mean "s7"?)",
      ]
    `);
  });

  it('every reference problem, in file order', () => {
    const text = plant
      .replace('zone: line1-ctl, line: line1', 'zone: line1-ctrl, line: line2')
      .replace('ip: 10.41.0.11', 'ip: 10.41.9.11')
      .replace('to: line1-ctl', 'to: line1-ct')
      .replace('  lines:', '    - { id: line1-sup, level: 2, subnet: 10.41.2.0/24 }\n  lines:');
    expect(problems({ 'refs.yaml': text })).toMatchInlineSnapshot(`
      [
        "refs.yaml:5:13  plant.zones[2].id  duplicate zone id "line1-sup"",
        "refs.yaml:9:66  plant.assets.l1-hmi.ip (plant.assets[0].ip)  10.41.9.11 is outside zone "line1-sup" subnet 10.41.0.0/24",
        "refs.yaml:10:38  plant.assets.l1-plc.zone (plant.assets[1].zone)  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
        "refs.yaml:10:56  plant.assets.l1-plc.line (plant.assets[1].line)  unknown line "line2" (did you mean "line1"?)",
        "refs.yaml:12:30  plant.conduits[0].to  unknown zone "line1-ct" (did you mean "line1-ctl"?)",
      ]
    `);
  });

  it('refuses phishing a device nobody works at', () => {
    const text = `${plant}attacks:\n  - { id: mail, initialAccess: { kind: phishing, asset: l1-plc } }\n`;
    expect(problems({ 'phish.yaml': text })).toMatchInlineSnapshot(`
      [
        "phish.yaml:13:57  attacks.mail.initialAccess.asset (attacks[0].initialAccess.asset)  phishing needs a host someone works at (hmi, ews, scada-server, historian, jump-host, it-workstation, server); "l1-plc" is a PLC",
      ]
    `);
  });

  it('checks references of every item the schema accepts, in the same pass', () => {
    const text = plant.replace('valuePerHour: 40000', 'valuePerHour: lots').replace('zone: line1-ctl', 'zone: nowhere');
    expect(problems({ 'phases.yaml': text })).toMatchInlineSnapshot(`
      [
        "phases.yaml:6:34  plant.lines.line1.valuePerHour (plant.lines[0].valuePerHour)  expected number, got string "lots"",
        "phases.yaml:9:38  plant.assets.l1-plc.zone (plant.assets[1].zone)  unknown zone "nowhere"",
      ]
    `);
  });

  it('checks the plain references of an item the schema refuses, in the same pass', () => {
    const text = plant.replace('kind: plc, zone: line1-ctl, line: line1', 'kind: plcc, zone: line1-ctrl, line: line2');
    expect(problems({ 'both.yaml': text })).toMatchInlineSnapshot(`
      [
        "both.yaml:9:27  plant.assets.l1-plc.kind (plant.assets[1].kind)  expected one of "plc", "rtu", "sis", "hmi", "ews", "scada-server", "historian", "jump-host", "it-workstation", "server", "vpn-concentrator", "zt-connector", "firewall", got "plcc" (did you mean "plc"?)",
        "both.yaml:9:39  plant.assets.l1-plc.zone (plant.assets[1].zone)  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
        "both.yaml:9:57  plant.assets.l1-plc.line (plant.assets[1].line)  unknown line "line2" (did you mean "line1"?)",
      ]
    `);
  });

  it('checks references inside the valid fields of an item the schema refuses, nested objects included', () => {
    const text = `${plant}designs:
  - id: zt
    sensors: [{ kind: edrr, probability: 1, delay: { dist: constant, value: 1 } }]
    gateways: [{ zone: line1-ctrl }]
    zt:
      connectors: [l1-hmi]
      sessionTtlHours: long
      policy: { rules: [{ id: r, subjects: { users: [oem] }, actions: [vnc], resources: [{ line: line2 }], conditions: { window: night } }] }
attacks:
  - { id: a, strategy: spreadd, initialAccess: { kind: exposed-service, asset: l1-hmi2 } }
`;
    expect(problems({ 'nested.yaml': text })).toMatchInlineSnapshot(`
      [
        "nested.yaml:14:23  designs.zt.sensors.0.kind (designs[0].sensors[0].kind)  expected one of "vpn-log", "firewall-log", "zt-telemetry", "ot-ids", "edr", got "edrr" (did you mean "edr"?)",
        "nested.yaml:15:24  designs.zt.gateways.0.zone (designs[0].gateways[0].zone)  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
        "nested.yaml:17:20  designs.zt.zt.connectors.0 (designs[0].zt.connectors[0])  asset "l1-hmi" is a hmi, not a zt-connector",
        "nested.yaml:18:24  designs.zt.zt.sessionTtlHours (designs[0].zt.sessionTtlHours)  expected number, got string "long"",
        "nested.yaml:19:54  designs.zt.zt.policy.rules.r.subjects.users.0 (designs[0].zt.policy.rules[0].subjects.users[0])  unknown user "oem"",
        "nested.yaml:19:98  designs.zt.zt.policy.rules.r.resources.0.line (designs[0].zt.policy.rules[0].resources[0].line)  unknown line "line2" (did you mean "line1"?)",
        "nested.yaml:19:130  designs.zt.zt.policy.rules.r.conditions.window (designs[0].zt.policy.rules[0].conditions.window)  unknown window "night"",
        "nested.yaml:21:24  attacks.a.strategy (attacks[0].strategy)  expected one of "spread", "targeted", "greedy", got "spreadd" (did you mean "spread"?)",
        "nested.yaml:21:80  attacks.a.initialAccess.asset (attacks[0].initialAccess.asset)  unknown asset "l1-hmi2" (did you mean "l1-hmi"?)",
      ]
    `);
  });

  it('every YAML syntax problem', () => {
    const text = 'plant:\n  zones: [\n    { id: a,\nname: "x\n';
    const lines = problems({ 'syntax.yaml': text });
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => /^syntax\.yaml:\d+:\d+ {2}YAML syntax: /.test(l))).toBe(true);
  });
});

describe('loadScenario explains values that match no alternative', () => {
  it('lists what each alternative expected, and proposes the likely one', () => {
    const text = yaml`
      plant:
        conduits:
          - { from: 5, to: "*", services: anyy }
      designs:
        - id: d
          sensors:
            - { kind: edr, probability: 1, delay: lots }
            - { kind: edr, probability: 1, delay: { dist: unifrm, min: 1, max: 2 } }
            - { kind: edr, probability: 1, delay: { min: 1, max: 2 } }
            - { kind: edr, probability: 1, delay: { dist: uniform, min: 3, max: 1 } }
      attacks:
        - { id: a, initialAccess: { kind: phish, asset: x }, techniques: { T99: {} } }
    `;
    expect(problems({ 'union.yaml': text })).toMatchInlineSnapshot(`
      [
        "union.yaml:3:15  plant.conduits[0].from  expected string or "*", got number 5",
        "union.yaml:3:37  plant.conduits[0].services  expected array or "any", got string "anyy" (did you mean "any"?)",
        "union.yaml:7:45  designs.d.sensors.0.delay (designs[0].sensors[0].delay)  expected number or object, got string "lots"",
        "union.yaml:8:53  designs.d.sensors.1.delay.dist (designs[0].sensors[1].delay.dist)  expected one of "constant", "uniform", "triangular", "exponential", "lognormal", got "unifrm" (did you mean "uniform"?)",
        "union.yaml:9:45  designs.d.sensors.2.delay.dist (designs[0].sensors[2].delay.dist)  required field is missing (expected one of "constant", "uniform", "triangular", "exponential", "lognormal")",
        "union.yaml:10:45  designs.d.sensors.3.delay (designs[0].sensors[3].delay)  min 3 is above max 1",
        "union.yaml:12:37  attacks.a.initialAccess.kind (attacks[0].initialAccess.kind)  expected one of "stolen-credential", "compromised-device", "insider", "exposed-service", "phishing", got "phish" (did you mean "phishing"?)",
        "union.yaml:12:70  attacks.a.techniques.T99 (attacks[0].techniques.T99)  invalid key "T99": an ATT&CK for ICS technique id such as T0886",
      ]
    `);
  });
});

describe('loadScenario on hostile or odd YAML', () => {
  it('an alias bomb is an error, not a crash or a hang', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ])
      bomb.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    expect(problems({ 'bomb.yaml': bomb.join('\n') })).toMatchInlineSnapshot(`
      [
        "bomb.yaml:1:1  YAML: Excessive alias count indicates a resource exhaustion attack",
      ]
    `);
  });

  it('an alias without its anchor', () => {
    expect(problems({ 'alias.yaml': 'name: x\nhorizonHours: *hours\n' })).toMatchInlineSnapshot(`
      [
        "alias.yaml:2:15  YAML: unknown alias *hours (the &hours anchor must come before it)",
      ]
    `);
  });

  it('a list used as a key', () => {
    expect(problems({ 'key.yaml': 'name: x\n? [a, b]\n: 1\n' })).toMatchInlineSnapshot(`
      [
        "key.yaml:2:3  YAML: a key must be a plain value, not a list or mapping",
      ]
    `);
  });

  it('a __proto__ key is an unknown field and pollutes nothing', () => {
    const text = plant.replace('plant:\n', 'plant:\n  __proto__: { polluted: true }\n');
    expect(problems({ 'proto.yaml': text })).toMatchInlineSnapshot(`
      [
        "proto.yaml:2:3  plant.__proto__  unknown field "__proto__"",
      ]
    `);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('not-a-number is named as such', () => {
    expect(problems({ 'nan.yaml': 'horizonHours: .nan\n' })).toMatchInlineSnapshot(`
      [
        "nan.yaml:1:15  horizonHours  expected number, got number NaN",
      ]
    `);
  });
});

describe('field paths name list items by id', () => {
  it('as --set takes them, beside the index path, where the item has an id of its own', () => {
    const doc = {
      designs: [{ id: 'vpn' }, { id: 'zt', zt: { policy: { rules: [{ id: 'a' }, { id: 'integrator-line3' }] } } }],
      zones: [{ id: 'z' }, { id: 'z' }, { id: 'has.dot' }, { name: 'no id' }],
    };
    const path = ['designs', 1, 'zt', 'policy', 'rules', 1, 'conditions'];
    expect(namedPath(path, doc)).toEqual(['designs', 'zt', 'zt', 'policy', 'rules', 'integrator-line3', 'conditions']);
    expect(formatIssue({ file: 'f.yaml', line: 3, col: 5, path, named: namedPath(path, doc)!, message: 'm' })).toBe(
      'f.yaml:3:5  designs.zt.zt.policy.rules.integrator-line3.conditions (designs[1].zt.policy.rules[1].conditions)  m',
    );
    // Shared ids, ids a dotted path cannot carry and items without one keep their index.
    for (const k of [0, 2, 3]) expect(namedPath(['zones', k, 'level'], doc)).toBeUndefined();
    expect(formatIssue({ file: 'f.yaml', line: 1, col: 1, path: ['zones', 0], message: 'm' })).toBe(
      'f.yaml:1:1  zones[0]  m',
    );
  });
});
