import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { runExperiment } from '../../sim/experiment/runExperiment.js';
import { checkScenario } from '../../sim/experiment/checkScenario.js';
import {
  baselineExpectations,
  readBaseline,
  BaselineError,
  REGRESSION_METRICS,
} from '../../sim/experiment/baseline.js';
import { buildBundle, bundleJson } from '../../sim/report/bundle.js';
import { V1_FIXTURE, v1FixtureText } from '../helpers/bundles.js';

const loaded = loadScenario('scenarios/pharma.yaml');
if (!loaded.ok) throw new Error('pharma.yaml must load');
const model = buildPlantModel(loaded.scenario);
const spec = { designs: loaded.scenario.designs, attack: loaded.scenario.attacks[0]!, runs: 25, seed: 9 };
const bundle = readBaseline(
  JSON.parse(bundleJson(buildBundle(model, 'scenarios/pharma.yaml', runExperiment(model, spec)))),
  'b.json',
);

const check = (b: typeof bundle, tolerance = 0) =>
  checkScenario(
    { ...model, scenario: { ...model.scenario, expect: baselineExpectations(b, tolerance) } },
    { runs: b.runs, seed: b.seed },
  );

describe('baseline regression checks', () => {
  it('an unchanged design passes against its own bundle', () => {
    const checks = check(bundle);
    expect(checks).toHaveLength(spec.designs.length * REGRESSION_METRICS.length);
    expect(checks.filter((c) => !c.pass).map((c) => c.name)).toEqual([]);
  });

  it('fails, with a witness, against a baseline whose compromised-asset figures are better', () => {
    const better = structuredClone(bundle);
    const flat = better.designs.find((d) => d.id === 'vpn-flat')!;
    flat.summary.compromisedAssets.mean = flat.summary.compromisedAssets.mean! / 2;
    const failed = check(better).filter((c) => !c.pass);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.name).toMatch(/vpn-flat.*compromisedAssets/);
    expect(failed[0]!.witnessRun?.seed).toMatch(/^9:\d+$/);
  });

  it('a tolerance lets a small rise through', () => {
    const slightly = structuredClone(bundle);
    const flat = slightly.designs.find((d) => d.id === 'vpn-flat')!;
    flat.summary.compromisedAssets.mean = flat.summary.compromisedAssets.mean! * 0.97;
    expect(check(slightly, 0).some((c) => !c.pass)).toBe(true);
    expect(check(slightly, 0.05).every((c) => c.pass)).toBe(true);
  });

  it('refuses what is not a results bundle, or a version it cannot read', () => {
    expect(() => readBaseline({ hello: 1 }, 'x.json')).toThrow(BaselineError);
    expect(() => readBaseline({ hello: 1 }, 'x.json')).toThrow(/^x\.json: not a segsim results bundle/);
    expect(() => readBaseline({ ...bundle, schemaVersion: 3 }, 'x.json')).toThrow(
      'x.json: results bundle schemaVersion 3; this segsim reads versions 1 to 2',
    );
  });

  it('reads a version-1 baseline as version 2, and holds each design to the same figures', () => {
    const old = readBaseline(JSON.parse(v1FixtureText()), V1_FIXTURE);
    expect(old.schemaVersion).toBe(2);
    const v1 = JSON.parse(v1FixtureText());
    expect(baselineExpectations(old, 0.05)).toEqual(baselineExpectations({ ...v1, schemaVersion: 2 }, 0.05));
    // The runs have changed since that file was written (the defenders' playbooks): what matters is
    // that every design and metric is checked against it.
    expect(check(old)).toHaveLength(spec.designs.length * REGRESSION_METRICS.length);
  });
});
