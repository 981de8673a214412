// A scenario file under test/fixtures, loaded the way the CLI loads it, with its model and one design's access layer.
import { resolve } from 'node:path';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import type { Attack, Scenario } from '../../sim/model/schema.js';
import { AccessLayer } from '../../sim/net/AccessLayer.js';
import { loadScenario } from '../../sim/scenario/load.js';

export interface Fixture {
  scenario: Scenario;
  model: PlantModel;
  access(design?: string): AccessLayer;
  attack(id?: string): Attack;
}

export function loadFixture(relative: string): Fixture {
  const file = resolve(import.meta.dirname, '../fixtures', relative);
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(`bad fixture ${relative}: ${loaded.issues.map((i) => i.message).join('; ')}`);
  const scenario = loaded.scenario;
  const model = buildPlantModel(scenario);
  const pick = <T extends { id: string }>(list: T[], id: string | undefined): T => {
    const found = id === undefined ? list[0] : list.find((x) => x.id === id);
    if (found === undefined) throw new Error(`fixture ${relative} has no "${id}"`);
    return found;
  };
  return {
    scenario,
    model,
    access: (design) => new AccessLayer(model, pick(scenario.designs, design)),
    attack: (id) => pick(scenario.attacks, id),
  };
}
