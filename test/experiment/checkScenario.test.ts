import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../sim/experiment/checkScenario.js';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { renderCheckText, type ScenarioCheck } from '../../sim/report/checkReport.js';
import { renderCheckJUnit } from '../../sim/report/checkJUnit.js';
import { failingScenario, pharma } from './pharma.js';

describe('checkScenario', () => {
  it('passes the expectations pharma.yaml ships with', () => {
    const { model, scenario } = pharma();
    const checks = checkScenario(model, { runs: 20, seed: 1 });
    expect(checks.map((c) => [c.pass, c.runs])).toEqual(scenario.expect.map(() => [true, 20]));
  });

  it('fails with a witness whose run broke the expectation', () => {
    const loaded = loadScenario(failingScenario());
    if (!loaded.ok) throw new Error('fixture does not load');
    const model = buildPlantModel(loaded.scenario);
    const checks = checkScenario(model, { runs: 10, seed: 4 });
    // The fixture adds two expectations to the ones pharma.yaml ships with.
    const own = pharma().scenario.expect.length;
    const [line1, median] = checks.slice(own);
    expect(line1!.pass).toBe(false);
    expect(line1!.witnessRun!.seed).toMatch(/^4:\d+$/);
    expect(line1!.witnessRun!.compromised.some((id) => id.startsWith('l1-'))).toBe(true);
    expect(line1!.witnessRun!.firstSteps[0]!.type).toBe('attack.initial');
    expect(median!.runs).toBe(5);
    expect(median!.name).toBe('vpn-flat × stolen-vendor-credential: median compromisedAssets ≤ 3');
    // Both failures are on vpn-flat × stolen-vendor-credential: one witness, shown once.
    expect(median!.witnessRun).toBe(line1!.witnessRun);
    const suite = (file: string): ScenarioCheck => ({
      file,
      seed: 4,
      checks,
      baseline: null,
      places: [],
      problems: [],
      seconds: 1,
    });
    const text = renderCheckText([suite('failing.yaml')], { failOnEmpty: false });
    expect(text.match(/replay: segsim run/g)).toHaveLength(1);
    expect(text).toContain(`witness: seed ${line1!.witnessRun!.seed}, as above`);
    expect(text).toContain('FAIL  The flat VPN keeps line 1 safe');
    expect(text).toContain(`--seed ${line1!.witnessRun!.seed}`);
    expect(text.trimEnd().split('\n').at(-1)).toBe(`${own} passed, 2 failed, ${own + 2} expectations in 1 scenario`);
    const xml = renderCheckJUnit([suite('a<b>.yaml')], { failOnEmpty: false });
    expect(xml).toContain(`<testsuites name="segsim check" tests="${own + 2}" failures="2" errors="0" time="1.000">`);
    expect(xml.match(/<testcase /g)).toHaveLength(own + 2);
    expect(xml).toContain('classname="a&lt;b&gt;.yaml"');
  });
});
