import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerReach } from '../../sim/cli/commands/reach.js';
import type { FixRanking } from '../../sim/metrics/fixes.js';
import { runCommand } from '../helpers/inProcessCli.js';

const reach = (...args: string[]) => runCommand(registerReach, ['reach', ...args]);
const dir = mkdtempSync(join(tmpdir(), 'segsim-fixes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PHARMA = ['scenarios/pharma.yaml', '-d', 'vpn-segmented', '-a', 'stolen-vendor-credential'];

describe('segsim reach --fixes', () => {
  it('lists, best first and with before/after counts, a fix that takes pharma vpn-segmented to no PLC', async () => {
    const r = await reach(...PHARMA, '--fixes');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Fixes that shrink the static worst case of stolen-vendor-credential under vpn-segmented');
    expect(r.out).toContain('  before  11 assets, 5 PLCs, 2 lines');
    expect(r.out).toMatch(/ {3}1\. patch CVE-2019-0708 on jump-host {3,}5 → 0 PLCs, 11 → 0 assets, 2 → 0 lines\n/);
  });

  it('--json carries the same ranking, and the best fix made by hand in the YAML gives what it promised', async () => {
    const r = await reach(...PHARMA, '--fixes', '--json', '--top', '3');
    const ranking = JSON.parse(r.out) as FixRanking;
    expect(ranking.before).toEqual({ assets: 11, plcs: 5, lines: 2 });
    expect(ranking.fixes).toHaveLength(3);
    const best = ranking.fixes[0]!;
    expect(best).toMatchObject({ kind: 'vulnerability', on: ['jump-host'], after: { assets: 0, plcs: 0, lines: 0 } });
    expect(best.plcsSaved).toEqual(['l1-plc1', 'l1-plc2', 'l1-plc3', 'l3-plc1', 'l3-plc2']);
    // Ranked: no fix after a better one.
    for (let i = 1; i < ranking.fixes.length; i++)
      expect(ranking.fixes[i]!.after.plcs).toBeGreaterThanOrEqual(ranking.fixes[i - 1]!.after.plcs);

    const yaml = readFileSync('scenarios/pharma.yaml', 'utf8');
    const jumpHostVuln = /( {6}vulnerabilities:\n {8}# Jump hosts[^\n]*\n {8}- \{ id: CVE-2019-0708[^\n]*\n)/;
    expect(yaml).toMatch(jumpHostVuln);
    const patched = join(dir, 'pharma-patched.yaml');
    writeFileSync(patched, yaml.replace(jumpHostVuln, '').replace('$schema=../reports/', '$schema=./'));
    const after = await reach(patched, ...PHARMA.slice(1), '--json');
    const radius = JSON.parse(after.out) as { assets: string[]; plcs: string[] };
    expect([radius.assets.length, radius.plcs.length]).toEqual([0, 0]);
  });

  it('says when nothing is reachable, and refuses --diff with --fixes', async () => {
    const none = await reach('scenarios/pharma.yaml', '-d', 'zt', '-a', 'stolen-vendor-credential', '--fixes');
    expect(none.out).toContain('Nothing is reachable: there is nothing to fix.');
    const both = await reach('scenarios/pharma.yaml', '--diff', 'vpn-flat', 'zt', '--fixes');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--fixes is for one design');
  });
});
