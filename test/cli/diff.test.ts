import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerDiff } from '../../sim/cli/commands/diff.js';
import type { ScenarioDiff } from '../../sim/experiment/scenarioDiff.js';
import { renderDiffText } from '../../sim/report/diffText.js';
import { runCommand } from '../helpers/inProcessCli.js';

const diff = (...args: string[]) => runCommand(registerDiff, ['diff', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'segsim-diff-'));
const PHARMA = 'scenarios/pharma.yaml';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** pharma.yaml with one line of text replaced, in the temporary directory. */
function variant(name: string, from: string, to: string): string {
  const text = readFileSync(PHARMA, 'utf8');
  expect(text).toContain(from);
  const file = join(dir, name);
  writeFileSync(file, text.replace(from, to));
  return file;
}

const OEM_VNC = '            resources: [{ line: line1, kind: hmi }]';
const widened = () =>
  variant('vnc-line2.yaml', OEM_VNC, '            resources: [{ line: line1, kind: hmi }, { line: line2, kind: hmi }]');

describe('segsim diff', () => {
  it("reports the OEM's VNC grant widened to line 2: the rule, the line, the new assets with paths, worse metrics; exit 1", async () => {
    const file = widened();
    const r = await diff(PHARMA, file, '--runs', '30');
    expect(r.code).toBe(1);
    // Located at the rule and at its widened resources, wherever they sit in the file.
    const lines = readFileSync(file, 'utf8').split('\n');
    const ruleLine = lines.findIndex((l) => l.includes('id: oem-hmi-line1')) + 1;
    const resourcesLine = lines.findIndex((l, i) => i >= ruleLine && l.includes('{ line: line2, kind: hmi }')) + 1;
    expect(r.out).toMatch(new RegExp(`~ allow rule oem-hmi-line1 widened  ${escapeRegExp(file)}:${ruleLine}:\\d+`));
    expect(r.out).toContain('resources   + l2-hmi1, l2-hmi2');
    expect(r.out).toMatch(
      new RegExp(
        `! zt: oem user oem-tech now reaches line line2 through oem-hmi-line1  ${escapeRegExp(file)}:${resourcesLine}:\\d+`,
      ),
    );
    expect(r.out).toContain('! zt × compromised-vendor-laptop: 5 → 9 assets, 3 → 5 controllers, lines gained: line2');
    expect(r.out).toContain(
      '+ l2-plc1 (controller)  attacker → zt-session(oem-tech) (login) → l2-hmi1 (vnc) → l2-plc1 (enip.write)',
    );
    expect(r.out).toMatch(/Production loss +[\d,]+ → [\d,]+ +\+[\d,]+ \[\+[\d,]+, \+[\d,]+\] +worse/);
    expect(r.out).toContain('! zt × compromised-vendor-laptop: Production loss worse');
    expect(r.out).toMatch(/worse: \d+ changes beyond tolerance 0\n$/);
    expect(r.out).not.toContain('\x1b[');
  });

  it('says "no change" and exits 0 on two identical files, with or without runs', async () => {
    const copy = join(dir, 'same.yaml');
    copyFileSync(PHARMA, copy);
    const r = await diff(PHARMA, copy);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('no change');
    const runs = await diff(PHARMA, copy, '--runs', '5');
    expect(runs.code).toBe(0);
    expect(runs.out).toMatch(/\d+ design × attack pairs with every metric unchanged/);
    expect(runs.out.trimEnd().split('\n').at(-1)).toBe('no change');
  });

  it('names the legitimate side: a shorter maintenance window narrows the OEM rules and slows the technicians', async () => {
    const file = variant(
      'window-1h.yaml',
      '{ id: maintenance, every: 24, start: 6, duration: 4 }',
      '{ id: maintenance, every: 24, start: 6, duration: 1 }',
    );
    const r = await diff(PHARMA, file, '--runs', '60');
    expect(r.code).toBe(1);
    expect(r.out).toContain('  differs in: windows');
    expect(r.out).toContain('~ allow rule oem-read-line1 narrowed');
    expect(r.out).toContain('− window maintenance (4 h from 6 h every 24 h)');
    expect(r.out).toContain('! zt × stolen-vendor-credential: Technician time-to-access (h) worse');
  });

  it('writes JSON and Markdown, or prints either with "-"', async () => {
    const file = widened();
    const [json, md] = [join(dir, 'd.json'), join(dir, 'd.md')];
    expect((await diff(PHARMA, file, '--json', json, '--md', md)).code).toBe(1);
    const data = JSON.parse(readFileSync(json, 'utf8')) as ScenarioDiff;
    expect(data.linesOpened.map((o) => `${o.change.design}: ${o.change.line}`)).toEqual(['zt: line2']);
    expect(data.static.find((s) => s.design === 'zt' && s.attack === 'compromised-vendor-laptop')!.gained).toHaveLength(
      4,
    );
    expect(readFileSync(md, 'utf8')).toMatch(
      /^# segsim diff: `scenarios\/pharma.yaml` → `.*vnc-line2.yaml`\n\n❌ \*\*Worse: 2 changes beyond tolerance 0\*\*\n/,
    );
    const printed = await diff(PHARMA, file, '--json', '-');
    expect(JSON.parse(printed.out)).toEqual(data);
    // Colour is the terminal's: signs painted, the words the same.
    const painted = renderDiffText(data, true);
    expect(painted).toContain('\x1b[32m+\x1b[0m l2-hmi1');
    expect(painted.replace(new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g'), '')).toBe(
      renderDiffText(data, false),
    );
  });

  it('stops with exit 2 and a located message on bad input', async () => {
    const missing = await diff(PHARMA, join(dir, 'nope.yaml'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.yaml:1:1  cannot read file: no such file (ENOENT)');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'segsim: 1\nhorizonHours: -3\n');
    const invalid = await diff(bad, PHARMA);
    expect(invalid.code).toBe(2);
    expect(invalid.err).toContain(`${bad}:2:15  horizonHours`);
    expect((await diff(PHARMA, PHARMA, '--tolerance', 'lots')).code).toBe(2);
  });

  it('reads git:REV:path, imports included, as they were at that revision', () => {
    const repo = mkdtempSync(join(tmpdir(), 'segsim-diff-git-'));
    mkdirSync(join(repo, 'scenarios', 'plants'), { recursive: true });
    copyFileSync('scenarios/migration.yaml', join(repo, 'scenarios', 'migration.yaml'));
    copyFileSync('scenarios/plants/bottling-plant.yaml', join(repo, 'scenarios', 'plants', 'bottling-plant.yaml'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'plant', '--allow-empty');
    git('add', '.');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'scenarios');
    // The imported plant changes in the working tree: its conduits open the office to the lines.
    const plant = join(repo, 'scenarios', 'plants', 'bottling-plant.yaml');
    writeFileSync(
      plant,
      readFileSync(plant, 'utf8').replace(/conduits:\n/, "conduits:\n    - { from: '*', to: '*', services: any }\n"),
    );
    const cli = (...args: string[]) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, [resolve('bin/segsim.mjs'), ...args], {
            cwd: repo,
            encoding: 'utf8',
            env: { ...process.env, CI: '1' },
          }),
        };
      } catch (e) {
        const err = e as { status: number; stdout: string; stderr: string };
        return { code: err.status, out: err.stdout + err.stderr };
      }
    };
    const same = cli('diff', 'git:HEAD:scenarios/migration.yaml', 'git:HEAD:scenarios/migration.yaml');
    expect(same.code).toBe(0);
    expect(same.out).toContain('segsim diff  git:HEAD:scenarios/migration.yaml → git:HEAD:scenarios/migration.yaml');
    const changed = cli('diff', 'git:HEAD:scenarios/migration.yaml', 'scenarios/migration.yaml');
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('differs in: plant.conduits');
    const absent = cli('diff', 'git:HEAD~1:scenarios/migration.yaml', 'scenarios/migration.yaml');
    expect(absent.code).toBe(2);
    expect(absent.out).toContain('git:HEAD~1:scenarios/migration.yaml: git has no scenarios/migration.yaml at HEAD~1');
  });
});
