import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { runExperiment } from '../../sim/experiment/runExperiment.js';
import { checkScenario } from '../../sim/experiment/checkScenario.js';
import {
  type Baseline,
  BaselineError,
  baselineExpectations,
  buildBaseline,
  DEFAULT_TOLERANCES,
  parseTolerances,
  readBaseline,
  REGRESSION_METRICS,
  type Tolerances,
} from '../../sim/experiment/baseline.js';
import { buildBundle, bundleJson } from '../../sim/report/bundle.js';
import { baselineJson } from '../../sim/report/baselineJson.js';
import { V1_FIXTURE, v1FixtureText } from '../helpers/bundles.js';

const loaded = loadScenario('scenarios/pharma.yaml');
if (!loaded.ok) throw new Error('pharma.yaml must load');
const model = buildPlantModel(loaded.scenario);
const { designs, attacks } = loaded.scenario;
const RUNS = 25;
const results = attacks.map((attack) => runExperiment(model, { designs, attack, runs: RUNS, seed: 9 }));
const scenario = { file: 'scenarios/pharma.yaml', name: loaded.scenario.name ?? null };
const baseline = readBaseline(JSON.parse(baselineJson(buildBaseline(scenario, results))), 'b.json');
const fromBundle = readBaseline(JSON.parse(bundleJson(buildBundle(model, scenario.file, results[0]!))), 'c.json');

const check = (b: Baseline, tolerances: Tolerances = DEFAULT_TOLERANCES) =>
  checkScenario(
    { ...model, scenario: { ...model.scenario, expect: baselineExpectations(b, tolerances) } },
    { runs: b.runs, seed: b.seed },
  );

const cell = (b: Baseline, design: string, attack = attacks[0]!.id) =>
  b.cells.find((c) => c.design === design && c.attack === attack)!;

const zero = (): Tolerances => Object.fromEntries(REGRESSION_METRICS.map((m) => [m.metric, 0]));

describe('baseline regression checks', () => {
  it('holds every design under every attack, the technicians included, and an unchanged scenario passes', () => {
    expect(baseline.cells).toHaveLength(designs.length * attacks.length);
    expect(Object.keys(baseline.cells[0]!.means)).toEqual(REGRESSION_METRICS.map((m) => m.metric));
    expect(REGRESSION_METRICS.filter((m) => m.side === 'legitimate').map((m) => m.metric)).toEqual([
      'timeToAccessHours',
      'workloadFailures',
      'privilegeExposure',
    ]);
    const checks = check(baseline, zero());
    expect(checks.length).toBeGreaterThan(designs.length * attacks.length * 5);
    expect(checks.filter((c) => !c.pass).map((c) => c.name)).toEqual([]);
  });

  it('fails, with a witness, against a baseline whose compromised-asset figures are better', () => {
    const better = structuredClone(baseline);
    const flat = cell(better, 'vpn-flat');
    flat.means.compromisedAssets = flat.means.compromisedAssets! / 2;
    const failed = check(better).filter((c) => !c.pass);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.name).toMatch(/^vpn-flat × stolen-vendor-credential: mean compromised assets ≤ /);
    expect(failed[0]!.witnessRun?.seed).toMatch(/^9:\d+$/);
  });

  it('fails on the legitimate side: technicians waiting longer than the baseline says, named as time-to-access', () => {
    const faster = structuredClone(baseline);
    const zt = cell(faster, 'zt', 'compromised-vendor-laptop');
    zt.means.timeToAccessHours = zt.means.timeToAccessHours! * 0.8;
    const failed = check(faster).filter((c) => !c.pass);
    expect(failed.map((c) => c.expectation.metric)).toEqual(['timeToAccessHours']);
    expect(failed[0]!.failures[0]).toMatch(
      /^mean timeToAccessHours \(technician time-to-access\) is [\d.]+ h, above the maximum [\d.]+ h$/,
    );
    expect(failed[0]!.witnessRun!.firstWork.every((t) => t.type.startsWith('workload.'))).toBe(true);
  });

  it('shows each bound at its metric precision, rounded up, and never a probability above 1', () => {
    const odd = structuredClone(baseline);
    const flat = cell(odd, 'vpn-flat');
    flat.means.compromisedAssets = 2.76;
    flat.means.plcReachedProbability = 0.99;
    flat.means.productionLoss = 1234.5;
    const expectations = baselineExpectations(odd);
    const of = (metric: string) =>
      expectations.find((e) => e.design === 'vpn-flat' && e.attack === attacks[0]!.id && e.metric === metric)!;
    // 2.76 × 1.05 = 2.898, which floating point makes 2.8979999999999997.
    expect(of('compromisedAssets').max).toBe(2.9);
    expect(of('compromisedAssets').name).toBe(
      'vpn-flat × stolen-vendor-credential: mean compromised assets ≤ 2.9 (baseline 2.76, tolerance 5%)',
    );
    expect(of('plcReachedProbability').max).toBe(1);
    expect(of('plcReachedProbability').name).toContain('probability of reaching a PLC ≤ 1 (baseline 0.99');
    expect(of('productionLoss').max).toBe(1358);
  });

  it('a tolerance lets a small rise through, for every metric or for the one named', () => {
    const slightly = structuredClone(baseline);
    const flat = cell(slightly, 'vpn-flat');
    flat.means.compromisedAssets = flat.means.compromisedAssets! * 0.97;
    expect(check(slightly, zero()).some((c) => !c.pass)).toBe(true);
    expect(check(slightly, parseTolerances('0')).some((c) => !c.pass)).toBe(true);
    expect(check(slightly, parseTolerances('0,compromisedAssets=0.05')).every((c) => c.pass)).toBe(true);
    expect(check(slightly).every((c) => c.pass)).toBe(true);
  });

  it('reads tolerances and refuses what is not one', () => {
    expect(parseTolerances('0.2').productionLoss).toBe(0.2);
    expect(parseTolerances('timeToAccessHours=0.3')).toEqual({ ...DEFAULT_TOLERANCES, timeToAccessHours: 0.3 });
    expect(() => parseTolerances('timeToAcessHours=0.3')).toThrow(
      /^--tolerance: no regression metric "timeToAcessHours" \(did you mean "timeToAccessHours"\?\)/,
    );
    expect(() => parseTolerances('-1')).toThrow(BaselineError);
    expect(() => parseTolerances('lots')).toThrow('--tolerance: "lots" is not a fraction such as 0.05');
  });

  it('reads a results bundle as a baseline of its one attack, with the same figures', () => {
    expect(fromBundle.cells.map((c) => c.attack)).toEqual(designs.map(() => attacks[0]!.id));
    expect(fromBundle.cells).toEqual(baseline.cells.slice(0, designs.length));
  });

  it('refuses what is neither a baseline nor a results bundle, or a version it cannot read', () => {
    expect(() => readBaseline({ hello: 1 }, 'x.json')).toThrow(BaselineError);
    expect(() => readBaseline({ hello: 1 }, 'x.json')).toThrow(
      /^x\.json: neither a segsim baseline nor a results bundle/,
    );
    const file = JSON.parse(baselineJson(buildBaseline(scenario, results)));
    expect(() => readBaseline({ ...file, version: 2 }, 'x.json')).toThrow(
      'x.json: baseline version 2; this segsim reads version 1',
    );
    file.cells[1].means.compromisedAssets = 'many';
    expect(() => readBaseline(file, 'x.json')).toThrow(
      /^x\.json: not a valid baseline file: cells\.1\.means\.compromisedAssets: /,
    );
    const bundle = JSON.parse(bundleJson(buildBundle(model, scenario.file, results[0]!)));
    expect(() => readBaseline({ ...bundle, schemaVersion: 3 }, 'x.json')).toThrow(
      'x.json: results bundle schemaVersion 3; this segsim reads versions 1 to 2',
    );
  });

  it('the committed reports/pharma-baseline.json is a baseline of every pharma design under every attack (npm run reports)', () => {
    const committed = readBaseline(JSON.parse(readFileSync('reports/pharma-baseline.json', 'utf8')), 'committed');
    expect(committed).toMatchObject({ scenario, seed: 1, runs: 200 });
    expect(committed.cells.map((c) => `${c.design} × ${c.attack}`)).toEqual(
      attacks.flatMap((a) => designs.map((d) => `${d.id} × ${a.id}`)),
    );
  });

  it('reads a version-1 bundle as a baseline, each design checked on every metric it holds', () => {
    const old = readBaseline(JSON.parse(v1FixtureText()), V1_FIXTURE);
    // The version-1 file predates pharma's two PLC-protection designs.
    const then = designs.filter((d) => !d.id.endsWith('-plc-pw'));
    expect(old.cells.map((c) => c.design)).toEqual(then.map((d) => d.id));
    expect(check(old).length).toBeGreaterThanOrEqual(then.length * 5);
  });
});
