// Checks every `expect` entry of a scenario by Monte Carlo. Runs are shared between entries on
// the same design, attack and run count; the failures of one design × attack share one witness
// run, replayed once, with its trace opening.
import type { PlantModel } from '../model/plantModel.js';
import type { TraceEvent } from '../contract/trace.js';
import { AccessLayer } from '../net/AccessLayer.js';
import type { Attack, Expectation } from '../model/schema.js';
import { runSimulation } from '../simulation/runSimulation.js';
import { evaluateExpectation, expectationName, type ExpectationVerdict } from './expectations.js';
import { runRecord, type RunRecord } from './runs.js';

export interface Witness {
  seed: string;
  compromised: string[];
  /** The attacker's first successful steps, in order. */
  firstSteps: TraceEvent[];
  /** The technicians' first requests and what came of them, in order. */
  firstWork: TraceEvent[];
}

export interface ExpectationCheck extends ExpectationVerdict {
  index: number;
  name: string;
  expectation: Expectation;
  runs: number;
  /** The witness of this check's design × attack; the same object for each failure there. */
  witnessRun: Witness | null;
  /** Seconds spent on it: its share of the runs it shares with others, and its witness replay. */
  seconds: number;
}

export interface CheckOptions {
  /** Runs for entries that do not set their own. */
  runs: number;
  seed: number | string;
  onProgress?: (done: number, total: number) => void;
  /** Milliseconds from any origin, for the time each check took; without it, times are 0. */
  clock?: () => number;
}

const FIRST_STEPS = 8;

/** Expectations that share a design, an attack and a run count share their runs. */
function batchesOf(expect: readonly Expectation[], runs: number): Map<string, Expectation> {
  const batches = new Map<string, Expectation>();
  for (const e of expect) if (!batches.has(batchKey(e, runs))) batches.set(batchKey(e, runs), e);
  return batches;
}

const batchKey = (e: Expectation, runs: number) => `${e.design}\u0000${e.attack}\u0000${e.runs ?? runs}`;

/** The runs checkScenario will make, for a progress total. */
export function plannedRuns(expect: readonly Expectation[], runs: number): number {
  return [...batchesOf(expect, runs).values()].reduce((n, e) => n + (e.runs ?? runs), 0);
}

export function checkScenario(model: PlantModel, options: CheckOptions): ExpectationCheck[] {
  const { scenario } = model;
  const clock = options.clock ?? (() => 0);
  const runsOf = (e: Expectation) => e.runs ?? options.runs;
  const pair = (e: Expectation) => `${e.design}\u0000${e.attack}`;
  const key = (e: Expectation) => batchKey(e, options.runs);
  const batches = batchesOf(scenario.expect, options.runs);
  const total = plannedRuns(scenario.expect, options.runs);
  const layers = new Map<string, AccessLayer>();
  const layer = (id: string) => {
    let l = layers.get(id);
    if (l === undefined) layers.set(id, (l = new AccessLayer(model, scenario.designs.find((d) => d.id === id)!)));
    return l;
  };
  const attackOf = (id: string) => scenario.attacks.find((a) => a.id === id)!;
  const records = new Map<string, RunRecord[]>();
  const batchMs = new Map<string, number>();
  let done = 0;
  for (const [k, e] of batches) {
    const started = clock();
    const out: RunRecord[] = [];
    for (let i = 0; i < runsOf(e); i++) {
      out.push(runRecord(model, layer(e.design), attackOf(e.attack), options.seed, i));
      options.onProgress?.(++done, total);
    }
    records.set(k, out);
    batchMs.set(k, clock() - started);
  }
  const sharing = (k: string) => scenario.expect.filter((e) => key(e) === k).length;
  const verdicts = scenario.expect.map((e) => {
    const started = clock();
    const verdict = evaluateExpectation(model, e, records.get(key(e))!);
    return { e, verdict, ms: clock() - started + batchMs.get(key(e))! / sharing(key(e)) };
  });
  // One witness per design × attack: a run that broke a protected set if one did, else the first failure's.
  const chosen = new Map<string, { seed: string; e: Expectation }>();
  for (const { e, verdict } of [...verdicts].sort((a, b) => rank(a.e) - rank(b.e))) {
    if (verdict.witness === null || chosen.has(pair(e))) continue;
    chosen.set(pair(e), { seed: records.get(key(e))![verdict.witness]!.seed, e });
  }
  const witnesses = new Map<string, Witness>();
  return verdicts.map(({ e, verdict, ms }, index) => {
    let extra = 0;
    const pick = chosen.get(pair(e));
    if (!verdict.pass && pick !== undefined && !witnesses.has(pair(e))) {
      const started = clock();
      witnesses.set(pair(e), replay(model, layer(e.design), attackOf(e.attack), pick.seed));
      extra = clock() - started;
    }
    return {
      ...verdict,
      index,
      name: expectationName(e),
      expectation: e,
      runs: records.get(key(e))!.length,
      witnessRun: verdict.pass ? null : (witnesses.get(pair(e)) ?? null),
      seconds: (ms + extra) / 1000,
    };
  });
}

/** Protected sets first: their witness is a run that did what must never happen. */
const rank = (e: Expectation) => (e.neverCompromise === undefined ? 1 : 0);

function replay(model: PlantModel, access: AccessLayer, attack: Attack, seed: string): Witness {
  const { result } = runSimulation(model, access, attack, { seed });
  const steps = result.trace.filter(
    (t) =>
      t.type === 'attack.initial' ||
      t.type === 'attack.foothold' ||
      (t.type === 'attack.step' && t.outcome === 'success'),
  );
  const work = result.trace.filter((t) => t.type.startsWith('workload.'));
  return {
    seed,
    compromised: result.compromised,
    firstSteps: steps.slice(0, FIRST_STEPS),
    firstWork: work.slice(0, FIRST_STEPS),
  };
}
