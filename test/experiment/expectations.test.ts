import { describe, expect, it } from 'vitest';
import { evaluateExpectation, expectationName } from '../../sim/experiment/expectations.js';
import type { RunRecord } from '../../sim/experiment/runs.js';
import type { RunMetrics } from '../../sim/contract/trace.js';
import type { Expectation } from '../../sim/model/schema.js';
import { pharma } from './pharma.js';

const { model } = pharma();

function rec(index: number, metrics: Partial<RunMetrics>, compromised: string[] = []): RunRecord {
  const base: RunMetrics = {
    compromisedAssets: 0,
    compromisedPlcs: 0,
    linesImpacted: 0,
    lowestLevel: null,
    timeToFirstPlcHours: null,
    timeToDetectionHours: null,
    timeToContainmentHours: null,
    productionLoss: 0,
    attackerActions: 0,
    deniedRequests: 0,
    heldForApproval: 0,
    auditedShare: 0,
    workloadRequests: 0,
    workloadFailures: 0,
    timeToAccessHours: null,
    privilegeExposure: 0,
  };
  return { index, seed: `1:${index}`, metrics: { ...base, ...metrics }, compromised, lineLoss: [], blockedBy: {} };
}

const exp = (e: Partial<Expectation>): Expectation => ({
  design: 'zt',
  attack: 'stolen-vendor-credential',
  stat: 'mean',
  ...e,
});
const records = [
  rec(0, { compromisedAssets: 2 }),
  rec(1, { compromisedAssets: 6, compromisedPlcs: 1 }, ['l1-plc1']),
  rec(2, { compromisedAssets: 6 }),
  rec(3, { compromisedAssets: 1 }),
];

describe('evaluateExpectation', () => {
  it('passes a statistic within its bounds', () => {
    const v = evaluateExpectation(model, exp({ metric: 'compromisedAssets', stat: 'mean', max: 4, min: 3 }), records);
    expect(v).toEqual({
      pass: true,
      observed: ['mean compromisedAssets = 3.75 (min 3, max 4)'],
      failures: [],
      witness: null,
    });
  });

  it('fails above a maximum with the highest run as witness, lowest index on ties', () => {
    const v = evaluateExpectation(model, exp({ metric: 'compromisedAssets', stat: 'max', max: 5 }), records);
    expect(v.pass).toBe(false);
    expect(v.failures).toEqual(['max compromisedAssets (compromised assets) is 6, above the maximum 5']);
    expect(v.witness).toBe(1);
  });

  it('fails below a minimum with the lowest run as witness', () => {
    expect(
      evaluateExpectation(model, exp({ metric: 'compromisedAssets', stat: 'median', min: 5 }), records).witness,
    ).toBe(3);
  });

  it('bounds the share of runs that reach a PLC', () => {
    const v = evaluateExpectation(model, exp({ metric: 'plcReachedProbability', max: 0.2 }), records);
    expect(v.observed).toEqual(['plcReachedProbability = 0.25 (max 0.2)']);
    expect(v.witness).toBe(1);
  });

  it('fails a bound it cannot check because no run has a value', () => {
    const v = evaluateExpectation(model, exp({ metric: 'timeToFirstPlcHours', min: 10 }), [rec(0, {})]);
    expect(v.pass).toBe(false);
    expect(v.failures[0]).toMatch(/no run has a value/);
  });

  it('finds the first run that compromised a protected asset', () => {
    const v = evaluateExpectation(model, exp({ neverCompromise: { line: 'line1' } }), records);
    expect(v.pass).toBe(false);
    expect(v.failures).toEqual(['1 of 4 runs compromised a protected asset (l1-plc1 in the first)']);
    expect(v.witness).toBe(1);
    expect(evaluateExpectation(model, exp({ neverCompromise: { line: 'line2' } }), records).pass).toBe(true);
  });

  it('names a protected set of up to five assets, and counts a larger one', () => {
    expect(
      evaluateExpectation(model, exp({ neverCompromise: { line: 'line1', kind: 'plc' } }), records).observed,
    ).toEqual(['1 of 4 runs compromised l1-plc1, l1-plc2, l1-plc3']);
    const line2 = model.assets.filter((a) => a.line >= 0 && model.lines[a.line]!.id === 'line2').length;
    expect(line2).toBeGreaterThan(5);
    expect(evaluateExpectation(model, exp({ neverCompromise: { line: 'line2' } }), records).observed).toEqual([
      `0 of 4 runs compromised ${line2} assets ({"line":"line2"})`,
    ]);
  });

  it("prints a value near its bound with the decimals that tell them apart, in the metric's unit", () => {
    const hours = [rec(0, { timeToAccessHours: 2.004 }), rec(1, { timeToAccessHours: 2.0 })];
    const v = evaluateExpectation(model, exp({ metric: 'timeToAccessHours', max: 2 }), hours);
    expect(v.observed).toEqual(['mean timeToAccessHours = 2.002 h (max 2)']);
    expect(v.failures).toEqual([
      'mean timeToAccessHours (technician time-to-access) is 2.002 h, above the maximum 2 h',
    ]);
  });

  it('names an unnamed expectation after its bounds', () => {
    expect(expectationName(exp({ metric: 'compromisedAssets', stat: 'p95', max: 3 }))).toBe(
      'zt × stolen-vendor-credential: p95 compromisedAssets ≤ 3',
    );
  });
});
