// Checks every `expect` entry of a scenario by Monte Carlo. Runs are shared between entries on
// the same design, attack and run count; a failure carries a witness run with its trace opening.
import type { PlantModel } from '../model/plantModel.js';
import type { TraceEvent } from '../contract/trace.js';
import { AccessLayer } from '../net/AccessLayer.js';
import type { Expectation } from '../model/schema.js';
import { runSimulation } from '../simulation/runSimulation.js';
import { evaluateExpectation, expectationName, type ExpectationVerdict } from './expectations.js';
import { runRecord, type RunRecord } from './runs.js';

export interface Witness {
  seed: string;
  compromised: string[];
  /** The attacker's first successful steps, in order. */
  firstSteps: TraceEvent[];
}

export interface ExpectationCheck extends ExpectationVerdict {
  index: number;
  name: string;
  expectation: Expectation;
  runs: number;
  witnessRun: Witness | null;
}

export interface CheckOptions {
  /** Runs for entries that do not set their own. */
  runs: number;
  seed: number | string;
  onProgress?: (done: number, total: number) => void;
}

const FIRST_STEPS = 8;

export function checkScenario(model: PlantModel, options: CheckOptions): ExpectationCheck[] {
  const { scenario } = model;
  const runsOf = (e: Expectation) => e.runs ?? options.runs;
  const key = (e: Expectation) => `${e.design}\u0000${e.attack}\u0000${runsOf(e)}`;
  const batches = new Map<string, Expectation>();
  for (const e of scenario.expect) if (!batches.has(key(e))) batches.set(key(e), e);
  const total = [...batches.values()].reduce((n, e) => n + runsOf(e), 0);
  const layers = new Map<string, AccessLayer>();
  const layer = (id: string) => {
    let l = layers.get(id);
    if (l === undefined) layers.set(id, (l = new AccessLayer(model, scenario.designs.find((d) => d.id === id)!)));
    return l;
  };
  const attackOf = (id: string) => scenario.attacks.find((a) => a.id === id)!;
  const records = new Map<string, RunRecord[]>();
  let done = 0;
  for (const [k, e] of batches) {
    const out: RunRecord[] = [];
    for (let i = 0; i < runsOf(e); i++) {
      out.push(runRecord(model, layer(e.design), attackOf(e.attack), options.seed, i));
      options.onProgress?.(++done, total);
    }
    records.set(k, out);
  }
  return scenario.expect.map((e, index) => {
    const own = records.get(key(e))!;
    const verdict = evaluateExpectation(model, e, own);
    let witnessRun: Witness | null = null;
    if (verdict.witness !== null) {
      const seed = own[verdict.witness]!.seed;
      const { result } = runSimulation(model, layer(e.design), attackOf(e.attack), { seed });
      const steps = result.trace.filter(
        (t) =>
          t.type === 'attack.initial' ||
          t.type === 'attack.foothold' ||
          (t.type === 'attack.step' && t.outcome === 'success'),
      );
      witnessRun = { seed, compromised: result.compromised, firstSteps: steps.slice(0, FIRST_STEPS) };
    }
    return { ...verdict, index, name: expectationName(e), expectation: e, runs: own.length, witnessRun };
  });
}
