import { describe, expect, it } from 'vitest';
import { runExperiment, type ExperimentSpec } from '../../sim/experiment/runExperiment.js';
import { runExperimentParallel, chunkRuns } from '../../sim/experiment/parallel.js';
import { runSeed } from '../../sim/experiment/runs.js';
import { representativeIndex } from '../../sim/experiment/summary.js';
import { METRIC_NAMES } from '../../sim/contract/trace.js';
import { pharma } from './pharma.js';

const { model, scenario } = pharma();
const attack = scenario.attacks.find((a) => a.id === 'stolen-vendor-credential')!;
const spec = (runs: number, seed: number | string = 7): ExperimentSpec => ({
  designs: scenario.designs,
  attack,
  runs,
  seed,
});

describe('runExperiment', () => {
  const first = runExperiment(model, spec(8));

  it('is deterministic: the same inputs give deep-equal results', () => {
    expect(runExperiment(model, spec(8))).toEqual(first);
  });

  it('runs the same seeds under every design (common random numbers)', () => {
    for (const d of first.designs)
      expect(d.records.map((r) => r.seed)).toEqual(Array.from({ length: 8 }, (_, i) => runSeed(7, i)));
    expect(runSeed(7, 3)).toBe('7:3');
  });

  it('summarizes every metric, the PLC probability and every asset', () => {
    for (const d of first.designs) {
      expect(Object.keys(d.summary)).toEqual([
        ...METRIC_NAMES,
        'plcReachedProbability',
        'assetCompromiseRate',
        'stepsBlockedBy',
      ]);
      expect(Object.keys(d.summary.assetCompromiseRate)).toEqual(model.assets.map((a) => a.id));
      expect(d.summary.compromisedAssets.n + d.summary.compromisedAssets.nulls).toBe(8);
      const share = d.records.filter((r) => r.metrics.compromisedPlcs > 0).length / 8;
      expect(d.summary.plcReachedProbability).toBe(share);
    }
  });

  it('keeps the full trace of the median run, lowest seed on ties', () => {
    for (const d of first.designs) {
      const i = representativeIndex(d.records);
      expect(d.representativeRun.seed).toBe(runSeed(7, i));
      expect(d.representativeRun.metrics).toEqual(d.records[i]!.metrics);
      expect(d.representativeRun.trace.length).toBeGreaterThan(0);
    }
  });

  it('compares every pair of designs', () => {
    const ids = scenario.designs.map((d) => d.id);
    expect(first.comparisons.map((c) => `${c.a} ${c.b}`)).toEqual(
      ids.flatMap((a, i) => ids.slice(i + 1).map((b) => `${a} ${b}`)),
    );
    expect(first.comparisons).toHaveLength(10);
  });

  it('reports progress after every run', () => {
    const seen: number[] = [];
    runExperiment(
      model,
      { ...spec(3), designs: scenario.designs.slice(0, 2) },
      { onProgress: (done, total) => seen.push(done * 100 + total) },
    );
    expect(seen).toEqual([106, 206, 306, 406, 506, 606]);
  });

  it('refuses a non-positive number of runs', () => {
    expect(() => runExperiment(model, spec(0))).toThrow(/positive integer/);
  });

  it('reaches a PLC far more often through the flat VPN than through zero trust', () => {
    const r = runExperiment(model, {
      ...spec(50, 1),
      designs: scenario.designs.filter((d) => d.id === 'vpn-flat' || d.id === 'zt'),
    });
    const [flat, zt] = r.designs;
    expect(flat!.summary.plcReachedProbability).toBeGreaterThan(0.5);
    expect(zt!.summary.plcReachedProbability).toBeLessThan(flat!.summary.plcReachedProbability);
    expect(r.comparisons[0]!.plcReached.ci95![0]).toBeGreaterThan(0);
  });
});

describe('representativeIndex', () => {
  const rec = (index: number, compromisedAssets: number) => ({
    index,
    seed: `s:${index}`,
    compromised: [],
    lineLoss: [],
    blockedBy: {},
    metrics: { compromisedAssets } as never,
  });
  it('takes the run nearest the median, the lowest index on ties', () => {
    expect(representativeIndex([rec(0, 9), rec(1, 2), rec(2, 5), rec(3, 5)])).toBe(2);
    expect(representativeIndex([rec(0, 1), rec(1, 4), rec(2, 3), rec(3, 2)])).toBe(2); // median 2.5: 3 and 2 tie
  });
});

describe('runExperimentParallel', () => {
  it('gives the sequential result for any number of workers', async () => {
    const s = spec(6, 'p');
    const seq = runExperiment(model, s);
    expect(await runExperimentParallel(model, s, { workers: 3 })).toEqual(seq);
  });

  it('cuts the runs into chunks covering every run once', () => {
    const chunks = chunkRuns(3, 10, 2);
    for (let d = 0; d < 3; d++) {
      const own = chunks.filter((c) => c.design === d);
      expect(own[0]!.from).toBe(0);
      expect(own.at(-1)!.to).toBe(10);
      own.slice(1).forEach((c, k) => expect(c.from).toBe(own[k]!.to));
    }
  });
});
