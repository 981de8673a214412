import { describe, expect, it } from 'vitest';
import { buildPlantModel } from '../../sim/model/plantModel.js';
import { loadScenario } from '../../sim/scenario/load.js';
import { assembleExperiment, runExperiment, type ExperimentSpec } from '../../sim/experiment/runExperiment.js';
import { mergeShards, parseShard, runShard, shardIndices, ShardError } from '../../sim/experiment/shards.js';
import { buildBundle, bundleJson } from '../../sim/report/bundle.js';

const loaded = loadScenario('scenarios/pharma.yaml');
if (!loaded.ok) throw new Error('pharma.yaml must load');
const model = buildPlantModel(loaded.scenario);
const spec: ExperimentSpec = {
  designs: loaded.scenario.designs,
  attack: loaded.scenario.attacks[0]!,
  runs: 22,
  seed: 5,
};

describe('sharded experiments', () => {
  it('merging 4 shards gives a bundle byte-identical to the unsharded run', () => {
    const whole = bundleJson(buildBundle(model, 'scenarios/pharma.yaml', runExperiment(model, spec)));
    const shards = [3, 1, 4, 2].map((k) =>
      JSON.parse(JSON.stringify(runShard(model, 'scenarios/pharma.yaml', spec, { index: k, count: 4 }))),
    );
    const { records } = mergeShards(shards);
    const merged = bundleJson(buildBundle(model, 'scenarios/pharma.yaml', assembleExperiment(model, spec, records)));
    expect(merged).toBe(whole);
  });

  it('slices cover every seed index exactly once', () => {
    for (const n of [1, 2, 3, 7]) {
      const all = Array.from({ length: n }, (_, k) => shardIndices(22, { index: k + 1, count: n }))
        .flat()
        .sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 22 }, (_, i) => i));
    }
  });

  it('refuses missing, doubled or foreign shards and bad shard specs', () => {
    const a = runShard(model, 'f', spec, { index: 1, count: 2 });
    const b = runShard(model, 'f', spec, { index: 2, count: 2 });
    expect(() => mergeShards([a])).toThrow(/missing shard 2\/2/);
    expect(() => mergeShards([a, a])).toThrow(ShardError);
    expect(() => mergeShards([a, { ...b, seed: 6 }])).toThrow(/another experiment/);
    expect(() => parseShard('0/4')).toThrow(/k\/n/);
    expect(() => parseShard('5/4')).toThrow(ShardError);
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
  });
});
