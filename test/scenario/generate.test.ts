import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildPlantModel, selectAssets } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { runScenarioPolicyTests } from '../../sim/experiment/scenarioPolicyTests.js';
import { defaultLines, generatePlant, GenerateError, minimumAssets } from '../../sim/scenario/generate.js';
import { formatIssue } from '../../sim/scenario/issues.js';
import { loadScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/model/schema.js';
import { generated } from '../helpers/plants.js';

const dir = mkdtempSync(join(tmpdir(), 'segsim-generate-'));

function loadGenerated(assets: number, lines: number | undefined, seed: number): Scenario {
  const file = join(dir, `plant-${assets}-${lines ?? 'auto'}-${seed}.yaml`);
  writeFileSync(file, stringify(generatePlant({ assets, ...(lines === undefined ? {} : { lines }), seed })));
  const result = loadScenario(file);
  if (!result.ok) throw new Error(result.issues.slice(0, 20).map(formatIssue).join('\n'));
  return result.scenario;
}

describe('generatePlant', () => {
  it.each([
    [12, 1, 1],
    [30, undefined, 2],
    [57, 3, 3],
    [200, 5, 4],
    [640, undefined, 5],
    [1200, 1, 6],
  ])(
    '%i assets, %s lines, seed %i: loads through loadScenario with exactly that many assets',
    (assets, lines, seed) => {
      const s = loadGenerated(assets, lines, seed);
      expect(s.plant.assets).toHaveLength(assets);
      expect(s.plant.lines).toHaveLength(lines ?? defaultLines(assets));
      expect(s.plant.zones).toHaveLength(3 + 2 * s.plant.lines.length);
      expect(s.designs.map((d) => d.id)).toEqual(['vpn-flat', 'vpn-segmented', 'zt']);
      expect(s.attacks.map((a) => a.id)).toEqual(['stolen-vendor-credential', 'compromised-vendor-laptop']);
      expect(s.workload.length).toBeGreaterThan(0);
      expect(s.expect.length).toBeGreaterThanOrEqual(2);
    },
  );

  it('uses /16 subnets for zones too big for a /24, so 10,000 assets fit', () => {
    const s = generated(10_000, undefined, 7);
    expect(s.plant.assets).toHaveLength(10_000);
    const wide = s.plant.zones.filter((z) => z.subnet.endsWith('/16'));
    expect(wide.length).toBeGreaterThan(0);
    const one = generatePlant({ assets: 1200, lines: 1, seed: 6 }).plant!.zones!.find((z) => z.id === 'line1-ctl')!;
    expect(one.subnet).toBe('10.41.0.0/16');
  });

  it('is deterministic by seed', () => {
    expect(generatePlant({ assets: 150, seed: 9 })).toEqual(generatePlant({ assets: 150, seed: 9 }));
    expect(generatePlant({ assets: 150, seed: 9 })).not.toEqual(generatePlant({ assets: 150, seed: 10 }));
    expect(generatePlant({ assets: 150, seed: '9' })).toEqual(generatePlant({ assets: 150, seed: 9 }));
  });

  it('has the credentials the attacks need: a shared vendor VPN account, a cached admin logon, project passwords on EWSs', () => {
    const s = generated(120, 3, 1);
    const creds = new Map(s.identities.credentials.map((c) => [c.id, c]));
    expect(creds.get('vendor-vpn')).toMatchObject({ kind: 'vpn-account', owners: ['oem-tech', 'integrator-eng'] });
    expect(s.plant.assets.find((a) => a.id === 'jump-host')!.credentials.map((c) => c.credential)).toContain(
      'ot-admin',
    );
    for (const line of s.plant.lines) {
      const ews = s.plant.assets.filter((a) => a.kind === 'ews' && a.line === line.id);
      expect(ews.length).toBeGreaterThan(0);
      for (const e of ews)
        expect(e.credentials.map((c) => c.credential)).toEqual([`${line.id.replace('line', 'l')}-plc-project`]);
    }
    expect(s.plant.assets.some((a) => a.vulnerabilities.length > 0)).toBe(true);
  });

  it('passes its own zero-trust policy tests', () => {
    for (const [assets, lines, seed] of [
      [12, 1, 1],
      [80, 4, 2],
      [400, 7, 3],
    ] as const) {
      const report = runScenarioPolicyTests(generated(assets, lines, seed));
      expect(report.failed, JSON.stringify(report.designs, null, 1)).toBe(0);
      expect(report.passed).toBeGreaterThan(3);
    }
  });

  it('its never-compromise expectations hold in the static blast radius', () => {
    for (const [assets, lines, seed] of [
      [12, 1, 1],
      [60, 2, 2],
      [300, 6, 3],
    ] as const) {
      const s = generated(assets, lines, seed);
      const model = buildPlantModel(s);
      for (const e of s.expect) {
        if (e.neverCompromise === undefined) continue;
        const design = s.designs.find((d) => d.id === e.design)!;
        const radius = staticBlastRadius(new AccessLayer(model, design), s.attacks.find((a) => a.id === e.attack)!);
        const forbidden = new Set(selectAssets(model, e.neverCompromise).map((i) => model.assets[i]!.id));
        expect(radius.assets.filter((a) => forbidden.has(a))).toEqual([]);
      }
    }
  });

  it('orders the designs: flat VPN exposes the most, zero trust the least', () => {
    const s = generated(300, 6, 4);
    const model = buildPlantModel(s);
    const size = (d: string, a: string) =>
      staticBlastRadius(new AccessLayer(model, s.designs.find((x) => x.id === d)!), s.attacks.find((x) => x.id === a)!)
        .assets.length;
    const stolen = ['vpn-flat', 'vpn-segmented', 'zt'].map((d) => size(d, 'stolen-vendor-credential'));
    expect(stolen[0]).toBeGreaterThan(stolen[1]!);
    expect(stolen[1]).toBeGreaterThan(stolen[2]!);
    expect(stolen[2]).toBe(0);
  });

  it('refuses impossible sizes with a named error', () => {
    expect(() => generatePlant({ assets: 11, lines: 1 })).toThrow(GenerateError);
    expect(() => generatePlant({ assets: minimumAssets(5) - 1, lines: 5 })).toThrow(/at least|from 28/);
    expect(() => generatePlant({ assets: 100, lines: 0 })).toThrow(/lines must be/);
    expect(() => generatePlant({ assets: 100.5 })).toThrow(/assets must be an integer/);
    expect(() => generatePlant({ assets: 1_000_000 })).toThrow(/assets must be/);
  });
});
