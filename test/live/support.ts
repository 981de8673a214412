// Testbeds for the live tests: the bundled scenarios, loaded once, started on loopback and
// always stopped after each test.
import { afterEach } from 'vitest';
import { buildPlantModel, type PlantModel } from '../../sim/model/plantModel.js';
import type { Attack, Design, Scenario } from '../../sim/model/schema.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { LocalForward } from '../../sim/live/client.js';
import { Testbed, type TestbedOptions } from '../../sim/live/Testbed.js';

export interface Loaded {
  scenario: Scenario;
  model: PlantModel;
  design(id: string): Design;
  attack(id: string): Attack;
}

const cache = new Map<string, Loaded>();

export function load(file: string): Loaded {
  let loaded = cache.get(file);
  if (loaded === undefined) {
    const result = loadScenario(file);
    if (!result.ok) throw new Error(`${file} does not load`);
    const scenario = result.scenario;
    loaded = {
      scenario,
      model: buildPlantModel(scenario),
      design: (id) => scenario.designs.find((d) => d.id === id)!,
      attack: (id) => scenario.attacks.find((a) => a.id === id)!,
    };
    cache.set(file, loaded);
  }
  return loaded;
}

export const pharma = (): Loaded => load('scenarios/pharma.yaml');

const running: { stop(): Promise<void> }[] = [];

/** Registers an afterEach that stops every testbed and forward the test started. */
export function stopAfterEach(): void {
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
}

export async function startTestbed(loaded: Loaded, design: string, options: TestbedOptions = {}): Promise<Testbed> {
  const bed = await Testbed.start(loaded.model, loaded.design(design), options);
  running.push(bed);
  return bed;
}

export async function forward(port: number, hello: Record<string, unknown>): Promise<LocalForward> {
  const f = await LocalForward.open(port, hello);
  running.push({ stop: () => f.close() });
  return f;
}

/** The OEM technician's identity on their managed laptop, with MFA. */
export function oemToken(bed: Testbed): string {
  return bed.secrets.issue({
    user: 'oem-tech',
    mfa: true,
    device: 'oem-laptop',
    managedDevice: true,
    posture: { patched: true, edr: true },
  });
}

/** Resolves with the milliseconds until `emitter` says 'close', or rejects after `ms`. */
export function closedWithin(emitter: NodeJS.EventEmitter, ms: number): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms);
    emitter.once('close', () => {
      clearTimeout(timer);
      resolve(performance.now() - t0);
    });
  });
}
