import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/scenario/schema.js';

export const PHARMA = 'scenarios/pharma.yaml';

export function pharma(): { scenario: Scenario; model: PlantModel } {
  const loaded = loadScenario(PHARMA);
  if (!loaded.ok) throw new Error(`${PHARMA} does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  return { scenario: loaded.scenario, model: buildPlantModel(loaded.scenario) };
}
