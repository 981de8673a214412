// segsim check as CI runs it: baselines that cover the technicians, reports written for invalid
// input, scenarios without expectations, the job summary.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJUnit } from '../helpers/junit.js';

const CLI = resolve('bin/segsim.mjs');
const PHARMA = readFileSync('scenarios/pharma.yaml', 'utf8');

function segsimIn(cwd: string, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; out: string; err: string }>((done) =>
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', ...env } },
      (error, out, err) => done({ code: error === null ? 0 : Number(error.code), out, err }),
    ),
  );
}

/** The lines the fixture's expectations start on. */
function expectationLines(): number[] {
  const lines = readFileSync('test/fixtures/check/small.yaml', 'utf8').split('\n');
  const from = lines.indexOf('expect:');
  return lines.flatMap((l, i) => (i > from && l.startsWith('  - ') ? [i + 1] : []));
}

function folder(): string {
  return mkdtempSync(join(tmpdir(), 'segsim-check-cli-'));
}

describe.concurrent('segsim check --baseline', () => {
  it("fails when pharma's maintenance window shrinks from 4 h to 1 h, naming the technicians' time-to-access", async () => {
    const dir = folder();
    writeFileSync(join(dir, 'pharma.yaml'), PHARMA);
    const wrote = await segsimIn(dir, ['baseline', 'pharma.yaml', '--runs', '60', '--out', 'baseline.json']);
    expect(wrote.code).toBe(0);
    expect(wrote.out).toBe('wrote baseline.json: 5 designs × 4 attacks × 60 runs, seed 1\n');
    const same = await segsimIn(dir, ['check', '--baseline', 'baseline.json']);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/^ {2}PASS {2}(\d+) of \1 bounds hold, on 20 design × attack pairs$/m);

    const window = '{ id: maintenance, every: 24, start: 6, duration: 4 }';
    expect(PHARMA).toContain(window);
    writeFileSync(join(dir, 'pharma.yaml'), PHARMA.replace(window, window.replace('duration: 4', 'duration: 1')));
    const r = await segsimIn(dir, ['check', '--baseline', 'baseline.json']);
    expect(r.code).toBe(1);
    const failures = r.out.split('\n').filter((l) => l.startsWith('  FAIL  '));
    expect(failures.length).toBeGreaterThan(0);
    // zt-plc-pw grants what zt grants: its technicians wait as long.
    for (const line of failures)
      expect(line).toMatch(/^ {2}FAIL {2}zt(-plc-pw)? × [\w-]+: mean technician time-to-access ≤ /);
    expect(r.out).toMatch(/mean timeToAccessHours \(technician time-to-access\) is [\d.]+ h, above the maximum/);
    expect(r.out).toContain("technicians' first requests:");
    // A looser tolerance for that one figure lets the change through.
    const tolerant = await segsimIn(dir, [
      'check',
      '--baseline',
      'baseline.json',
      '--tolerance',
      'timeToAccessHours=1',
    ]);
    expect(tolerant.code).toBe(0);
  });

  it('refuses an unknown metric in --tolerance with exit 2', async () => {
    const r = await segsimIn(folder(), ['check', '--baseline', 'b.json', '--tolerance', 'speed=0.1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^segsim: --tolerance: no regression metric "speed"; they are: plcReachedProbability, /);
  });
});

describe.concurrent('segsim check reports', () => {
  it('writes JUnit, Markdown and the job summary for an invalid file, with an error case at its file and line', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'scenarios'));
    copyFileSync('test/fixtures/check/small.yaml', join(dir, 'scenarios', 'a-small.yaml'));
    writeFileSync(
      join(dir, 'scenarios', 'b-broken.yaml'),
      readFileSync('test/fixtures/check/small.yaml', 'utf8').replace('kind: plc', 'kind: plcc'),
    );
    writeFileSync(join(dir, 'summary.md'), '# earlier step\n');
    const r = await segsimIn(dir, ['check', 'scenarios', '--runs', '10', '--junit', 'junit.xml', '--md', 'check.md'], {
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^scenarios\/b-broken\.yaml:\d+:\d+ {2}plant\.assets\.l1-plc1\.kind \(plant\.assets\[\d+\]\.kind\) {2}expected one of/m,
    );
    expect(r.err.trimEnd().split('\n').at(-1)).toBe('segsim: 1 problem in 1 file, which was not checked');
    const report = readJUnit(readFileSync(join(dir, 'junit.xml'), 'utf8'));
    expect(report).toMatchObject({ tests: 3, failures: 0, errors: 1 });
    const [good, bad] = report.suites;
    expect(good!.cases.map((c) => [c.outcome, c.file, c.line])).toEqual(
      expectationLines().map((line) => ['passed', 'scenarios/a-small.yaml', line]),
    );
    expect(bad!.cases).toHaveLength(1);
    const broken = bad!.cases[0]!;
    expect(broken).toMatchObject({ outcome: 'error', name: 'the scenario loads', file: 'scenarios/b-broken.yaml' });
    expect(broken.line).toBe(Number(/b-broken\.yaml:(\d+):/.exec(r.err)![1]));
    expect(broken.message).toMatch(/^scenarios\/b-broken\.yaml:\d+:\d+ {2}.*expected one of/);
    for (const c of report.suites.flatMap((s) => s.cases)) expect(c.time!).toBeGreaterThanOrEqual(0);

    const md = readFileSync(join(dir, 'check.md'), 'utf8');
    expect(md.split('\n')[0]).toBe('# segsim check: ⚠️ ERROR');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(`# earlier step\n${md}\n`);
  });

  it('puts the verdict first in the Markdown and summarises a pass', async () => {
    const dir = folder();
    copyFileSync('test/fixtures/check/small.yaml', join(dir, 'small.yaml'));
    const r = await segsimIn(dir, ['check', 'small.yaml', '--runs', '10', '--md', 'check.md']);
    expect(r.code).toBe(0);
    const md = readFileSync(join(dir, 'check.md'), 'utf8').split('\n');
    expect(md.slice(0, 3)).toEqual([
      '# segsim check: ✅ PASS',
      '',
      '2 passed, 0 failed, 2 expectations in 1 scenario.',
    ]);
    expect(r.out).toContain('        0 of 10 runs compromised l1-hmi, l1-ews, l1-plc1, l1-plc2\n');
  });

  it('passes a scenario without expectations unless --fail-on-empty', async () => {
    const dir = folder();
    const small = readFileSync('test/fixtures/check/small.yaml', 'utf8');
    writeFileSync(join(dir, 'empty.yaml'), small.slice(0, small.indexOf('expect:')));
    const lenient = await segsimIn(dir, ['check', 'empty.yaml']);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toBe(
      'empty.yaml  (seed 1)\n  no expectations\n\n0 passed, 0 failed, 0 expectations in 1 scenario; 1 scenario without expectations\n',
    );
    const strict = await segsimIn(dir, ['check', 'empty.yaml', '--fail-on-empty', '--junit', 'junit.xml']);
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('  FAIL  no expectations');
    const report = readJUnit(readFileSync(join(dir, 'junit.xml'), 'utf8'));
    expect(report.suites[0]!.cases).toMatchObject([{ outcome: 'failure', name: 'the scenario has expectations' }]);
  });
});
