import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../sim/experiment/checkScenario.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';

// What `segsim check scenarios` holds in CI: every bundled scenario's expectations, at the
// command's defaults (200 runs, seed 1).
const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('bundled scenarios meet their expectations', () => {
  it.each(files)('%s', (file) => {
    const loaded = loadScenario(`scenarios/${file}`);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const checks = checkScenario(buildPlantModel(loaded.scenario), { runs: 200, seed: 1 });
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => !c.pass).map((c) => `${c.name}: ${c.failures.join('; ')}`)).toEqual([]);
  });
});
