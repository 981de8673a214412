// Scenario files in JSON: the same schema as YAML, every problem located at file:line:col.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/scenario/load.js';
import { loadFiles, PHARMA, problems, removeScratch } from './scratch.js';

afterAll(removeScratch);

const pharmaJson = JSON.stringify(parse(PHARMA), null, 2);

describe('JSON scenario files', () => {
  it('load to the same scenario as the YAML they were converted from', () => {
    const fromYaml = loadScenario('scenarios/pharma.yaml');
    const { result } = loadFiles({ 'pharma.json': pharmaJson });
    if (!result.ok || !fromYaml.ok) throw new Error('pharma did not load');
    expect(result.scenario).toEqual(fromYaml.scenario);
  });

  it('may import YAML, and YAML may import JSON', () => {
    const imported = readFileSync('scenarios/pharma.yaml', 'utf8');
    expect(
      problems({ 'main.json': '{ "imports": ["base.yaml"], "name": "via JSON" }', 'base.yaml': imported }),
    ).toEqual(['ok']);
    expect(problems({ 'main.yaml': 'imports: [base.json]\nname: via YAML\n', 'base.json': pharmaJson })).toEqual([
      'ok',
    ]);
  });

  it('locate a syntax error, whatever Node says about it', () => {
    expect(problems({ 'a.json': '{\n  "segsim": 1,\n  "name": "x",\n}\n' })).toEqual([
      "a.json:4:1  JSON syntax: expected a double-quoted key, found '}'",
    ]);
    expect(problems({ 'b.json': '{\n  "name": tru\n}' })).toEqual([
      "b.json:2:11  JSON syntax: expected a value, found 't'",
    ]);
    expect(problems({ 'c.json': '{ "name": "x" ' })).toEqual([
      "c.json:1:15  JSON syntax: expected ',' or '}' after a value, found the end of the document",
    ]);
    expect(problems({ 'd.json': '{ "name": "a\nb" }' })).toEqual([
      'd.json:1:13  JSON syntax: a control character (such as a line break) inside a string: write it as an escape such as \\n',
    ]);
    expect(problems({ 'e.json': '' })).toEqual(['e.json:1:1  JSON syntax: the document ends where a value should be']);
  });

  it('locate a problem at its value and an unknown field at its key', () => {
    const text = [
      '{',
      '  "plant": {',
      '    "zones": [',
      '      { "id": "ops", "level": 7, "subnet": "10.1.0.0/24" },',
      '      { "id": "ctl", "level": 1, "subnt": "10.2.0.0/24" }',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    expect(problems({ 'p.json': text })).toEqual([
      'p.json:4:31  plant.zones.ops.level (plant.zones[0].level)  expected one of 0, 1, 2, 3, 3.5, 4, 5, got 7',
      'p.json:5:7  plant.zones.ctl.subnet (plant.zones[1].subnet)  required field is missing (expected string)',
      'p.json:5:34  plant.zones.ctl.subnt (plant.zones[1].subnt)  unknown field "subnt" (did you mean "subnet"?)',
    ]);
  });

  it('refuse a document that is not an object, and read past a byte-order mark', () => {
    expect(problems({ 'list.json': '[1, 2]' })).toEqual([
      'list.json:1:1  a scenario file must be a JSON object ({"key": value, …})',
    ]);
    expect(problems({ 'bom.json': `\uFEFF${pharmaJson}` })).toEqual(['ok']);
  });
});

describe('a file of another kind', () => {
  it('is a located problem naming the kinds segsim reads', () => {
    expect(problems({ 'plant.txt': 'segsim: 1' })).toEqual([
      'plant.txt:1:1  unknown kind of scenario file ".txt": name it .yaml, .yml or .json',
    ]);
    expect(problems({ plant: 'segsim: 1' })).toEqual([
      'plant:1:1  unknown kind of scenario file (no extension): name it .yaml, .yml or .json',
    ]);
  });
});
