// The bundled scenario library: every scenarios/*.yaml file loads, compares at least two designs
// under at least two attacks, carries legitimate workload, and its zero-trust policy tests pass.
// Its neverCompromise expectations must also hold in the static blast radius, the worst case:
// a library scenario only promises "never" where it is impossible.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { staticBlastRadius } from '../../sim/metrics/blastRadius.js';
import { buildPlantModel, selectAssets } from '../../sim/model/plantModel.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { runScenarioPolicyTests } from '../../sim/experiment/scenarioPolicyTests.js';
import { formatFailures } from '../../sim/report/policyTestText.js';
import { loadScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/model/schema.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const plantFiles = readdirSync(join(dir, 'plants'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function load(file: string): Scenario {
  const result = loadScenario(file);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.file}:${i.line}:${i.col}  ${i.message}`).join('\n'));
  return result.scenario;
}

describe('scenario library', () => {
  it('has the reference scenario and the library around it', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'pharma.yaml',
        'oem-remote-service.yaml',
        'water-utility.yaml',
        'automotive-multiline.yaml',
        'migration.yaml',
      ]),
    );
  });

  it.each(plantFiles)('plants/%s loads on its own', (file) => {
    expect(() => load(join(dir, 'plants', file))).not.toThrow();
  });

  describe.each(files)('%s', (file) => {
    const scenario = load(join(dir, file));

    it('compares two or more designs under two or more attacks', () => {
      expect(scenario.designs.length).toBeGreaterThanOrEqual(2);
      expect(scenario.attacks.length).toBeGreaterThanOrEqual(2);
    });

    it('carries legitimate workload and expectations', () => {
      expect(scenario.workload.length).toBeGreaterThan(0);
      expect(scenario.expect.length).toBeGreaterThan(0);
    });

    it('passes the policy tests of every zero-trust design', () => {
      const zt = scenario.designs.filter((d) => d.zt !== undefined);
      expect(zt.length).toBeGreaterThan(0);
      for (const d of zt) expect(d.zt!.policy.tests.length, `${d.id} has no policy tests`).toBeGreaterThan(0);
      const report = runScenarioPolicyTests(scenario);
      expect(formatFailures(report)).toEqual([]);
      expect(report.ok).toBe(true);
    });

    it('promises "never" only where the static blast radius shows it is impossible', () => {
      const model = buildPlantModel(scenario);
      const layers = new Map<string, AccessLayer>();
      const radii = new Map<string, Set<string>>();
      const reached = (designId: string, attackId: string): Set<string> => {
        const key = `${designId}/${attackId}`;
        let hit = radii.get(key);
        if (hit === undefined) {
          const design = scenario.designs.find((d) => d.id === designId)!;
          const attack = scenario.attacks.find((a) => a.id === attackId)!;
          let access = layers.get(designId);
          if (access === undefined) layers.set(designId, (access = new AccessLayer(model, design)));
          hit = new Set(staticBlastRadius(access, attack).assets);
          radii.set(key, hit);
        }
        return hit;
      };
      for (const e of scenario.expect) {
        if (e.neverCompromise === undefined) continue;
        const protectedIds = selectAssets(model, e.neverCompromise).map((i) => model.assets[i]!.id);
        expect(protectedIds.length, `${e.name ?? ''}: the selector names no asset`).toBeGreaterThan(0);
        const hit = reached(e.design, e.attack);
        expect(
          protectedIds.filter((id) => hit.has(id)),
          `${e.design}/${e.attack}: ${e.name ?? ''}`,
        ).toEqual([]);
      }
    });
  });
});
