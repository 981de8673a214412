import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import type { Scenario } from '../../sim/model/schema.js';

export const PHARMA = 'scenarios/pharma.yaml';

export function pharma(): { scenario: Scenario; model: PlantModel } {
  const loaded = loadScenario(PHARMA);
  if (!loaded.ok) throw new Error(`${PHARMA} does not load: ${loaded.issues.map((i) => i.message).join('; ')}`);
  return { scenario: loaded.scenario, model: buildPlantModel(loaded.scenario) };
}

/** pharma.yaml plus two expectations the flat VPN breaks, in a temporary directory. */
export function failingScenario(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segsim-check-'));
  const file = join(dir, 'failing.yaml');
  // Beside it: imports come only from under the importing scenario's folder.
  copyFileSync(resolve(PHARMA), join(dir, 'pharma.yaml'));
  writeFileSync(
    file,
    `imports: [pharma.yaml]
expect:
  - name: The flat VPN keeps line 1 safe
    design: vpn-flat
    attack: stolen-vendor-credential
    neverCompromise: { line: line1 }
  - design: vpn-flat
    attack: stolen-vendor-credential
    metric: compromisedAssets
    stat: median
    max: 3
    runs: 5
`,
  );
  return file;
}
