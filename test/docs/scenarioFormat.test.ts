// The problems docs/scenario-format.md quotes are what segsim validate prints today.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const doc = readFileSync('docs/scenario-format.md', 'utf8');

function segsim(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((done) =>
    execFile(process.execPath, [resolve('bin/segsim.mjs'), ...args], { cwd, encoding: 'utf8' }, (_e, _out, err) =>
      done(err),
    ),
  );
}

describe.concurrent('docs/scenario-format.md', () => {
  it('quotes the problem of a mistyped condition in pharma, its field named by ids and by index', async () => {
    const quoted = doc.split('\n').find((l) => l.startsWith('pharma.yaml:'));
    expect(quoted).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'segsim-format-'));
    const from = '            conditions: { mfa: true, approval: { by: plant-engineer, validHours: 4 } }';
    const pharma = readFileSync('scenarios/pharma.yaml', 'utf8');
    expect(pharma).toContain(from);
    writeFileSync(join(dir, 'pharma.yaml'), pharma.replace(from, from.replace('mfa: true', 'mfa: yes')));
    expect((await segsim(dir, 'validate', 'pharma.yaml')).split('\n')[0]).toBe(quoted);
  });

  it('quotes the problem of a mistyped zone in a generated JSON plant', async () => {
    const quoted = /`(plant\.json:346:44 {2}[^`]*)`/.exec(doc)?.[1];
    expect(quoted).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'segsim-format-'));
    await segsim(dir, 'generate', '-n', '2000', '-o', 'plant.json');
    const lines = readFileSync(join(dir, 'plant.json'), 'utf8').split('\n');
    expect(lines[345]).toContain('"zone":"line1-ctl"');
    lines[345] = lines[345]!.replace('"zone":"line1-ctl"', '"zone":"line1-ctrl"');
    writeFileSync(join(dir, 'plant.json'), lines.join('\n'));
    expect((await segsim(dir, 'validate', 'plant.json')).split('\n')[0]).toBe(quoted);
  });
});
