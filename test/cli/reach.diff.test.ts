import { describe, expect, it } from 'vitest';
import { registerReach } from '../../sim/cli/commands/reach.js';
import { runCommand } from '../helpers/inProcessCli.js';

const reach = (...args: string[]) => runCommand(registerReach, ['reach', ...args]);

describe('segsim reach --diff', () => {
  it('prints what each design exposes that the other does not, grouped, and the most exposed services', async () => {
    const r = await reach('scenarios/pharma.yaml', '--diff', 'vpn-segmented', 'zt', '--top', '3');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Exposure: vpn-segmented vs zt, probed at 0 h and 6 h');
    expect(r.out).toContain('vpn-client (vpn-segmented only)');
    expect(r.out).toContain(
      'zt-session(oem-tech), zt-session(integrator-eng), zt-session(plant-eng), zt-session(ot-admin-user) (zt only)',
    );
    expect(r.out).toMatch(/Only under vpn-segmented \(\d+\)/);
    expect(r.out).toContain('  from l1-hmi1, l1-hmi2, l1-ews (3 sources, same reach)');
    expect(r.out).toMatch(
      / {2}from zt-session\(oem-tech\) {2}6 connections\n {4}line1-sup {6}l1-hmi1, l1-hmi2 {2,}vnc\n/,
    );
    const table = lines.slice(lines.indexOf('Most exposed services (how many sources open them)'));
    expect(table).toHaveLength(1 + 1 + 3 + 1);
    expect(r.out).not.toContain('Static blast radius');
  });

  it('with --attack, adds the owned assets each blast radius has that the other lacks', async () => {
    const r = await reach('scenarios/pharma.yaml', '--diff', 'vpn-flat', 'zt', '--attack', 'stolen-vendor-credential');
    expect(r.out).toContain('probed at 2 h and 6 h');
    expect(r.out).toContain('Static blast radius of stolen-vendor-credential: vpn-flat owns 19, zt owns 0');
    expect(r.out).toMatch(/only under vpn-flat {2}19: jump-host, scada, /);
    expect(r.out).toContain('only under zt  nothing');
  });

  it('--json gives the triples, the counts and the blast radius difference', async () => {
    const r = await reach(
      'scenarios/pharma.yaml',
      '--diff',
      'vpn-flat',
      'zt',
      '--attack',
      'compromised-vendor-laptop',
      '--json',
    );
    const report = JSON.parse(r.out);
    expect(report.designs).toEqual(['vpn-flat', 'zt']);
    expect(report.attack).toBe('compromised-vendor-laptop');
    expect(report.onlyA.length).toBeGreaterThan(report.onlyB.length);
    expect(report.onlyB[0]).toEqual({ source: 'zt-session(oem-tech)', asset: 'l1-hmi1', action: 'vnc' });
    expect(report.counts[0]).toMatchObject({
      asset: expect.any(String),
      service: expect.stringMatching(/\/\d+$/),
      a: expect.any(Number),
      b: expect.any(Number),
    });
    expect(report.blastRadius.onlyB).toEqual([]);
  });

  it('a design against itself differs in nothing', async () => {
    const r = await reach('scenarios/pharma.yaml', '--diff', 'zt', 'zt', '--top', '0');
    expect(r.out).toContain('difference    0 only under zt, 0 only under zt');
    expect(r.out).not.toContain('Most exposed');
  });

  it.each([
    [['scenarios/pharma.yaml', '--diff', 'zt'], '--diff takes two designs, got 1'],
    [['scenarios/pharma.yaml', '--diff', 'zt', 'vpn-flat', 'vpn-segmented'], '--diff takes two designs, got 3'],
    [
      ['scenarios/pharma.yaml', '--diff', 'zt', 'vpn-flat', '-d', 'zt'],
      '--diff and --design do not go together: --diff names both designs',
    ],
    [
      ['scenarios/pharma.yaml', '--diff', 'zt', 'vpn-flatt'],
      'scenarios/pharma.yaml has no design "vpn-flatt" (did you mean "vpn-flat"?); it has: vpn-flat, vpn-segmented, zt, vpn-seg-plc-pw, zt-plc-pw',
    ],
    [['scenarios/pharma.yaml', '--diff', 'zt', 'vpn-flat', '--top', 'x'], '--top must be a whole number, got "x"'],
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await reach(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  it('without --diff, the single-design report is unchanged', async () => {
    const r = await reach('scenarios/pharma.yaml', '-d', 'zt', '-a', 'compromised-vendor-laptop');
    expect(r.out.split('\n')[0]).toBe('Static blast radius: compromised-vendor-laptop under zt');
  });
});
