import { afterAll, describe, expect, it } from 'vitest';
import { loadFiles, problems, removeScratch, yaml } from './scratch.js';

afterAll(removeScratch);

const plantFile = yaml`
  name: Shared plant
  horizonHours: 24
  plant:
    zones:
      - { id: line1-sup, level: 2, subnet: 10.41.0.0/24 }
      - { id: line1-ctl, level: 1, subnet: 10.41.1.0/24 }
    lines:
      - { id: line1, valuePerHour: 40000 }
    assets:
      - { id: l1-hmi, kind: hmi, zone: line1-sup, line: line1, ip: 10.41.0.11, services: [vnc] }
      - { id: l1-plc, kind: plc, zone: line1-ctl, line: line1, ip: 10.41.1.10, services: [s7] }
`;

const mainFile = yaml`
  name: Line 1 study
  imports: [plants/line1.yaml]
  plant:
    zones:
      - { id: site-ops, level: 3, subnet: 10.30.0.0/24 }
    assets:
      - { id: scada, kind: scada-server, zone: site-ops, ip: 10.30.0.10, services: [s7] }
    conduits:
      - { from: site-ops, to: line1-ctl, services: [s7] }
`;

describe('imports', () => {
  it('merge lists, imported items first, and let the importing file win for scalars', () => {
    const { result } = loadFiles({ 'study.yaml': mainFile, 'plants/line1.yaml': plantFile });
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    const s = result.scenario;
    expect(s.name).toBe('Line 1 study');
    expect(s.horizonHours).toBe(24);
    expect(s.imports).toEqual(['plants/line1.yaml']);
    expect(s.plant.zones.map((z) => z.id)).toEqual(['line1-sup', 'line1-ctl', 'site-ops']);
    expect(s.plant.assets.map((a) => a.id)).toEqual(['l1-hmi', 'l1-plc', 'scada']);
    expect(s.plant.lines.map((l) => l.id)).toEqual(['line1']);
    expect(s.plant.conduits).toHaveLength(1);
  });

  it('locate a problem in the imported file under its own name', () => {
    const plant = plantFile.replace('zone: line1-ctl, line: line1', 'zone: line1-ctrl, line: line1');
    expect(problems({ 'study.yaml': mainFile, 'plants/line1.yaml': plant })).toMatchInlineSnapshot(`
      [
        "plants/line1.yaml:11:38  plant.assets.l1-plc.zone (plant.assets[1].zone)  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
      ]
    `);
  });

  it('locate schema problems in each file, listed file by file', () => {
    const plant = plantFile.replace('valuePerHour: 40000', 'valuePerHour: lots');
    const main = mainFile.replace('kind: scada-server', 'kind: scada-server, sevices: []');
    expect(problems({ 'study.yaml': main, 'plants/line1.yaml': plant })).toMatchInlineSnapshot(`
      [
        "plants/line1.yaml:8:34  plant.lines.line1.valuePerHour (plant.lines[0].valuePerHour)  expected number, got string "lots"",
        "study.yaml:7:40  plant.assets.scada.sevices (plant.assets[0].sevices)  unknown field "sevices" (did you mean "services"?)",
      ]
    `);
  });

  it('check references across files; a duplicate is reported where it repeats', () => {
    const main = mainFile.replace('{ id: scada,', '{ id: l1-plc,').replace('to: line1-ctl', 'to: line1-ctrl');
    expect(problems({ 'study.yaml': main, 'plants/line1.yaml': plantFile })).toMatchInlineSnapshot(`
      [
        "study.yaml:7:13  plant.assets[0].id  duplicate asset id "l1-plc"",
        "study.yaml:9:29  plant.conduits[0].to  unknown zone "line1-ctrl" (did you mean "line1-ctl"?)",
      ]
    `);
  });

  it('report a YAML syntax error in the imported file', () => {
    const plant = plantFile.replace('lines:', 'lines: [');
    expect(problems({ 'study.yaml': mainFile, 'plants/line1.yaml': plant })).toMatchInlineSnapshot(`
      [
        "plants/line1.yaml:8:5  YAML syntax error (BLOCK_IN_FLOW)",
        "plants/line1.yaml:9:3  YAML syntax error (BAD_INDENT)",
      ]
    `);
  });

  it('report an import cycle instead of hanging', () => {
    const plant = plantFile.replace('name: Shared plant', 'name: Shared plant\nimports: [../study.yaml]');
    expect(problems({ 'study.yaml': mainFile, 'plants/line1.yaml': plant })).toMatchInlineSnapshot(`
      [
        "plants/line1.yaml:2:11  imports[0]  import cycle: study.yaml -> plants/line1.yaml -> study.yaml",
      ]
    `);
    expect(problems({ 'self.yaml': 'imports: [self.yaml]\n' })).toMatchInlineSnapshot(`
      [
        "self.yaml:1:11  imports[0]  import cycle: self.yaml -> self.yaml",
      ]
    `);
  });

  it('report a missing imported file at the import that names it', () => {
    const main = mainFile.replace(
      'imports: [plants/line1.yaml]',
      'imports:\n  - plants/line1.yaml\n  - plants/line2.yaml',
    );
    expect(problems({ 'study.yaml': main, 'plants/line1.yaml': plantFile })).toMatchInlineSnapshot(`
      [
        "study.yaml:4:5  imports[1]  cannot read imported file "plants/line2.yaml": no such file (ENOENT)",
      ]
    `);
  });

  it('merge a file imported along two paths once', () => {
    const files = {
      'study.yaml': 'imports: [a.yaml, b.yaml]\n',
      'a.yaml': 'imports: [plants/line1.yaml]\n',
      'b.yaml': 'imports: [plants/line1.yaml]\n',
      'plants/line1.yaml': plantFile,
    };
    expect(problems(files)).toEqual(['ok']);
  });

  it('report a list section that is not a list in the imported file', () => {
    const plant = plantFile.replace(/ {2}lines:\n.*\n/, '  lines: line1\n');
    expect(problems({ 'study.yaml': mainFile, 'plants/line1.yaml': plant })).toMatchInlineSnapshot(`
      [
        "plants/line1.yaml:7:10  plant.lines  expected array, got string "line1"",
      ]
    `);
  });
});
